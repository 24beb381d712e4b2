"""The `kehoach` command line, as a script or an official at a terminal would use it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_desktop.model import Status
from kehoach_desktop.paths import DB_FILE_NAME, ENV_DATA_DIR
from kehoach_desktop.workspace import Workspace

from _support import build_scored_annex, evidence_files, listing, run_cli, snapshot

TASK_FIELDS = {"id", "code", "index", "criterion", "content", "deadline_text", "due_date", "lead", "implementing",
               "cooperating", "role", "status", "percent"}


run = run_cli


def run_ok(capsys, *args) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return out


def run_json(capsys, *args):
    """Commands with --json, and `profile`, print JSON on stdout."""
    return json.loads(run_ok(capsys, *args))


@pytest.fixture
def cli_data(tmp_path, capsys, sample_xlsx):
    """A data folder with a commune profile and the sample plan, set up through the CLI."""
    data = tmp_path / "data"
    run_json(capsys, "--data-dir", data, "profile", "--name", "UBND xã Hòa An", "--kind", "xa",
             "--governing-body", "UBND tỉnh Cao Bằng")
    run_ok(capsys, "--data-dir", data, "import", sample_xlsx, "--json")
    return data


def _mine(capsys, data) -> list[dict]:
    return run_json(capsys, "--data-dir", data, "tasks", "--mine", "--json")


def _find(rows, index, code, start=""):
    return next(r for r in rows if r["index"] == index and r["code"] == code and r["content"].startswith(start))


def _state(data: Path):
    with Workspace(data) as ws:
        return snapshot(ws.db), listing(data)


# --- profile ---------------------------------------------------------------------------------------


def test_profile_print_and_set(tmp_path, capsys):
    data = tmp_path / "data"
    assert run_json(capsys, "--data-dir", data, "profile") is None
    saved = run_json(capsys, "--data-dir", data, "profile", "--name", "UBND xã Hòa An", "--kind", "xa",
                   "--governing-body", "UBND tỉnh Cao Bằng", "--signer", "Nông Văn Bình",
                   "--signer-title", "Chủ tịch", "--authority", "TM.")
    assert saved["name"] == "UBND xã Hòa An" and saved["kind"] == "xa"
    assert saved["governing_body"] == "UBND tỉnh Cao Bằng" and saved["authority"] == "TM."
    assert run_json(capsys, "--data-dir", data, "profile") == saved
    # Changing one field keeps the others.
    changed = run_json(capsys, "--data-dir", data, "profile", "--signer", "Hoàng Thị Mai")
    assert changed == {**saved, "signer_name": "Hoàng Thị Mai"}
    with Workspace(data) as ws:
        assert ws.profile().signer_name == "Hoàng Thị Mai" and ws.profile().kind.value == "xa"


def test_first_profile_needs_name_and_kind(tmp_path, capsys):
    code, out, err = run(capsys, "--data-dir", tmp_path / "data", "profile", "--name", "UBND xã Hòa An")
    assert code == 2 and out == ""
    assert "--kind" in err and "Lỗi" in err
    with Workspace(tmp_path / "data") as ws:
        assert ws.profile() is None


# --- import ----------------------------------------------------------------------------------------


def test_import_dry_run_reports_and_writes_nothing(tmp_path, capsys, sample_xlsx):
    data = tmp_path / "data"
    run_ok(capsys, "--data-dir", data, "profile", "--name", "UBND xã Hòa An", "--kind", "xa")
    before = _state(data)

    report = run_json(capsys, "--data-dir", data, "import", sample_xlsx, "--dry-run", "--json")

    assert _state(data) == before
    assert report["applied"] is False and report["changes"] == {}
    assert report["plan"]["number"] == "2163/KH-UBND" and report["plan"]["date"] == "2025-07-12"
    assert [i["kind"] for i in report["indices"]] == ["PAR INDEX", "PAPI"]
    assert report["criteria"] == 114 and report["tasks"] == 94
    assert set(report["mine"]) == {"lead", "implementing", "cooperating"}
    assert report["mine"]["lead"] > 0 and report["mine"]["cooperating"] > 0
    assert report["warnings"] == []

    # The preview's counts are what the import then gives.
    run_ok(capsys, "--data-dir", data, "import", sample_xlsx, "--json")
    roles = [row["role"] for row in _mine(capsys, data)]
    assert report["mine"] == {role: roles.count(role) for role in report["mine"]}


def test_import_dry_run_in_words(tmp_path, capsys, sample_xlsx):
    out = run_ok(capsys, "--data-dir", tmp_path / "data", "import", sample_xlsx, "--dry-run")
    assert "2163/KH-UBND" in out and "94 nhiệm vụ" in out and "chưa ghi gì" in out


def test_import_json_then_again(tmp_path, capsys, sample_xlsx):
    data = tmp_path / "data"
    first = run_json(capsys, "--data-dir", data, "import", sample_xlsx, "--json")
    assert first["applied"] is True
    assert first["changes"]["added"] == 94 and first["changes"]["removed"] == 0
    second = run_json(capsys, "--data-dir", data, "import", sample_xlsx, "--json")
    assert second["changes"]["added"] == 0 and second["changes"]["unchanged"] == 94
    with Workspace(data) as ws:
        assert len(ws.tasks()) == 94 and len(ws.plans()) == 1


# --- tasks -------------------------------------------------------------------------------------------


def test_tasks_mine_json_fields(cli_data, capsys):
    mine = _mine(capsys, cli_data)
    everything = run_json(capsys, "--data-dir", cli_data, "tasks", "--json")
    assert len(everything) == 94 and 0 < len(mine) < 94
    assert {row["id"] for row in mine} < {row["id"] for row in everything}
    for row in mine:
        assert TASK_FIELDS <= set(row)
        assert row["role"] in ("lead", "implementing", "cooperating")
        assert row["status"] == Status.NOT_STARTED.value and row["percent"] == 0
    papi = _find(mine, "PAPI", "1.1")
    assert papi["criterion"] == "Tri thức công dân"
    assert papi["role"] == "lead"
    assert papi["lead"] == ["UBND cấp xã"] and papi["cooperating"] == ["Sở Nội vụ"] and papi["implementing"] == []
    assert papi["deadline_text"] == "Trong năm 2025" and papi["due_date"] == "2025-12-31"
    assert _find(mine, "PAR INDEX", "1.2")["role"] == "cooperating"
    not_mine = {row["id"] for row in everything if row["role"] is None}
    assert not_mine and not (not_mine & {row["id"] for row in mine})


# --- progress ---------------------------------------------------------------------------------------


def test_progress_with_evidence(cli_data, capsys, tmp_path):
    task = _find(_mine(capsys, cli_data), "PAPI", "1.1")
    report = tmp_path / "Báo cáo số 15.pdf"
    report.write_bytes(b"%PDF-1.4\n bao cao tuyen truyen\n")
    digest = hashlib.sha256(report.read_bytes()).hexdigest()

    shown = run_json(capsys, "--data-dir", cli_data, "progress", task["id"], "--status", "hoàn thành",
                   "--percent", 100, "--result", "Đã tổ chức 3 hội nghị tuyên truyền",
                   "--completed-on", "15/06/2025", "--difficulties", "Thiếu kinh phí",
                   "--evidence", report, "--evidence-number", "15/BC-UBND", "--evidence-date", "16/6/2025",
                   "--evidence-issuer", "UBND xã Hòa An", "--evidence-abstract", "Báo cáo kết quả tuyên truyền",
                   "--json")

    assert shown["status"] == "hoàn thành" and shown["percent"] == 100 and shown["evidence_count"] == 1
    assert shown["evidence"][0]["sha256"] == digest
    with Workspace(cli_data) as ws:
        progress = ws.progress(task["id"])
        assert progress.status == Status.DONE and progress.percent == 100
        assert progress.result == "Đã tổ chức 3 hội nghị tuyên truyền"
        assert progress.completed_on.isoformat() == "2025-06-15"
        assert progress.score is None and progress.difficulties == "Thiếu kinh phí"
        [evidence] = ws.evidence_list(task["id"])
        assert (evidence.number, evidence.date.isoformat(), evidence.issuer, evidence.abstract) == (
            "15/BC-UBND", "2025-06-16", "UBND xã Hòa An", "Báo cáo kết quả tuyên truyền")
        assert (evidence.file_name, evidence.file_sha256, evidence.file_size) == (
            "Báo cáo số 15.pdf", digest, report.stat().st_size)
    # Stored under its SHA-256 inside the data folder, byte for byte.
    [stored] = evidence_files(cli_data)
    assert stored == cli_data / "evidence" / digest[:2] / digest
    assert stored.read_bytes() == report.read_bytes()

    # The same file attached to another task is stored once.
    other = _find(_mine(capsys, cli_data), "PAR INDEX", "1.2")
    run_ok(capsys, "--data-dir", cli_data, "progress", other["id"], "--status", "đang thực hiện",
           "--evidence", report, "--json")
    assert evidence_files(cli_data) == [stored]
    with Workspace(cli_data) as ws:
        assert ws.evidence_list(other["id"])[0].file_sha256 == digest
        assert ws.progress(other["id"]).status == Status.IN_PROGRESS


def test_done_status_alone_means_full_percent(cli_data, capsys):
    task = _mine(capsys, cli_data)[0]
    out = run_ok(capsys, "--data-dir", cli_data, "progress", task["id"], "--status", "done")
    assert "hoàn thành, 100%" in out
    with Workspace(cli_data) as ws:
        assert ws.progress(task["id"]).percent == 100


def test_score_within_the_criterion_maximum_is_accepted_on_the_criterion(tmp_path, capsys):
    # issue 12: the score belongs to the criterion; `progress --score` points to `kehoach score`.
    data = tmp_path / "data"
    run_ok(capsys, "--data-dir", data, "profile", "--name", "Sở Nội vụ", "--kind", "so")
    run_ok(capsys, "--data-dir", data, "import", build_scored_annex(tmp_path / "diem.xlsx"), "--json")
    task = next(r for r in run_json(capsys, "--data-dir", data, "tasks", "--json") if r["code"] == "1.2")
    code, _, err = run(capsys, "--data-dir", data, "progress", task["id"], "--score", "2")
    assert code == 2 and "kehoach score" in err
    run_ok(capsys, "--data-dir", data, "progress", task["id"], "--status", "done")
    run_ok(capsys, "--data-dir", data, "score", "1.2", "--score", "2", "--json")
    with Workspace(data) as ws:
        assert ws.progress(task["id"]).score is None
    [criterion] = [c for c in run_json(capsys, "--data-dir", data, "scores", "--json")["criteria"] if c["code"] == "1.2"]
    assert criterion["self_score"] == 2.0 and criterion["max_score"] == 2.0


# --- bad input: exit 2, a Vietnamese message, nothing written ---------------------------------------------


@pytest.fixture
def scored_data(tmp_path, capsys):
    data = tmp_path / "scored"
    run_ok(capsys, "--data-dir", data, "profile", "--name", "UBND xã Hòa An", "--kind", "xa")
    run_ok(capsys, "--data-dir", data, "import", build_scored_annex(tmp_path / "diem.xlsx"), "--json")
    task = next(r for r in run_json(capsys, "--data-dir", data, "tasks", "--json") if r["code"] == "1.1")
    run_ok(capsys, "--data-dir", data, "progress", task["id"], "--status", "đang thực hiện", "--percent", 30,
           "--result", "Đang làm")
    return data, task["id"]


BAD_PROGRESS = [
    (["--evidence", "{missing}"], "Không tìm thấy"),
    (["--score", "1"], "kehoach score"),  # issue 12: scores are given per criterion
    (["--completed-on", "32/13/2025"], "không phải là một ngày có thật"),
    (["--completed-on", "2025-12-31"], "ngày/tháng/năm"),
    (["--evidence-number", "1/QĐ", "--evidence-date", "32/13/2025"], "Ngày văn bản"),
    (["--status", "tạm dừng"], "Tình trạng"),
    (["--percent", "150"], "150"),
    (["--percent", "-5"], "-5"),
    (["--percent", "nửa"], "tham số không hợp lệ"),
]


@pytest.mark.parametrize("args, words", BAD_PROGRESS, ids=[" ".join(a) for a, _ in BAD_PROGRESS])
def test_bad_progress_input_is_refused(scored_data, capsys, tmp_path, args, words):
    data, task_id = scored_data
    attachment = tmp_path / "qd.pdf"
    attachment.write_bytes(b"quyet dinh")
    args = [a.format(missing=tmp_path / "khong-co.pdf") for a in args]
    before = _state(data)

    code, out, err = run(capsys, "--data-dir", data, "progress", task_id, "--result", "Đã xong", *args,
                         *(["--evidence", attachment] if "--evidence" not in args else []))

    assert code == 2
    assert out == ""
    assert err.startswith("Lỗi") or "\nLỗi" in err
    assert words.lower() in err.lower()
    assert _state(data) == before
    with Workspace(data) as ws:
        assert ws.progress(task_id).result == "Đang làm"


def test_unknown_task_is_refused(cli_data, capsys):
    before = _state(cli_data)
    code, out, err = run(capsys, "--data-dir", cli_data, "progress", 99999, "--status", "hoàn thành")
    assert code == 2 and out == ""
    assert "Lỗi" in err and "99999" in err and "nhiệm vụ" in err
    assert _state(cli_data) == before


def test_missing_annex_is_refused(cli_data, capsys, tmp_path):
    before = _state(cli_data)
    missing = tmp_path / "phu-luc-khong-co.xlsx"
    for extra in ([], ["--dry-run"], ["--json"]):
        code, out, err = run(capsys, "--data-dir", cli_data, "import", missing, *extra)
        assert code == 2 and out == ""
        assert "Không tìm thấy" in err and missing.name in err
    assert _state(cli_data) == before


def test_unknown_kind_is_refused(cli_data, capsys):
    before = _state(cli_data)
    code, out, err = run(capsys, "--data-dir", cli_data, "profile", "--name", "Sở Tư pháp", "--kind", "tinh")
    assert code == 2 and out == ""
    assert "Lỗi: tham số không hợp lệ" in err and "tinh" in err
    assert _state(cli_data) == before
    with Workspace(cli_data) as ws:
        assert ws.profile().name == "UBND xã Hòa An"


# --- where the data lives ---------------------------------------------------------------------------


@pytest.mark.parametrize("placement", ["before", "after"])
def test_data_dir_option_selects_the_folder(tmp_path, capsys, monkeypatch, placement):
    chosen, elsewhere = tmp_path / "chosen", tmp_path / "env"
    monkeypatch.setenv(ENV_DATA_DIR, str(elsewhere))
    args = ["profile", "--name", "UBND xã Hòa An", "--kind", "xa"]
    args = ["--data-dir", chosen, *args] if placement == "before" else [*args, "--data-dir", chosen]
    run_ok(capsys, *args)
    assert (chosen / DB_FILE_NAME).exists()
    assert not elsewhere.exists()
    with Workspace(chosen) as ws:
        assert ws.profile().name == "UBND xã Hòa An"


def test_environment_variable_selects_the_folder(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "from-env"
    monkeypatch.setenv(ENV_DATA_DIR, str(folder))
    run_ok(capsys, "profile", "--name", "UBND xã Hòa An", "--kind", "xa")
    with Workspace(folder) as ws:
        assert ws.profile().kind.value == "xa"
    assert run_json(capsys, "profile")["name"] == "UBND xã Hòa An"


# --- the installed entry point --------------------------------------------------------------------------


def _python_m(*args, env_dir: Path | None = None):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    if env_dir is not None:
        env[ENV_DATA_DIR] = str(env_dir)
    return subprocess.run([sys.executable, "-m", "kehoach_desktop", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, env=env)


def test_python_dash_m_entry_point(tmp_path, sample_xlsx):
    data = tmp_path / "data"
    done = _python_m("--data-dir", data, "profile", "--name", "UBND xã Hòa An", "--kind", "xa")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["name"] == "UBND xã Hòa An"
    done = _python_m("import", sample_xlsx, "--dry-run", "--json", env_dir=data)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["tasks"] == 94
    refused = _python_m("--data-dir", data, "progress", 1, "--percent", 150)
    assert refused.returncode == 2
    assert "Lỗi" in refused.stderr and refused.stdout == ""
