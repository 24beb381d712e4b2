"""`kehoach backup|backups|restore|check` as an official or a technician would use them."""

from __future__ import annotations

import hashlib
import json

import pytest

from kehoach_desktop.paths import DB_FILE_NAME
from kehoach_desktop.safety_cli import EXIT_PROBLEMS_FOUND

from _support import evidence_files, listing, run_cli


run = run_cli


@pytest.fixture
def data(tmp_path, capsys, sample_xlsx):
    """The sample plan, one task done with an evidence file, set up through the command line."""
    folder = tmp_path / "data"
    attachment = tmp_path / "Báo cáo 15-BC.pdf"
    attachment.write_bytes(b"%PDF-1.4 bao cao " * 50)
    for args in (("profile", "--name", "UBND xã Hòa An", "--kind", "xa"), ("import", sample_xlsx),
                 ("progress", 5, "--status", "done", "--evidence", attachment, "--evidence-number", "15/BC")):
        code, _, err = run(capsys, "--data-dir", folder, *args)
        assert code == 0, err
    return folder


def test_backup_then_list_with_counts(data, capsys):
    code, out, _ = run(capsys, "--data-dir", data, "backup", "--json")
    made = json.loads(out)
    assert code == 0 and (made["tasks"], made["progress"], made["evidence"]) == (94, 1, 1)
    code, out, _ = run(capsys, "--data-dir", data, "backups", "--json")
    listed = json.loads(out)
    assert listed[0]["file"] == made["file"] and listed[0]["reason"] == "thu-cong"
    assert [item["reason"] for item in listed] == ["thu-cong", "nhap"]  # newest first; one before the import
    code, out, _ = run(capsys, "--data-dir", data, "backups")
    assert "94 nhiệm vụ, 1 kết quả, 1 tài liệu kiểm chứng — Sao lưu theo yêu cầu" in out


def test_backup_to_a_file_and_never_over_one(data, capsys, tmp_path):
    out_file = tmp_path / "usb" / "ban-sao.sqlite3"
    code, out, _ = run(capsys, "--data-dir", data, "backup", "--out", out_file)
    assert code == 0 and out_file.is_file() and "evidence" in out
    code, _, err = run(capsys, "--data-dir", data, "backup", "--out", out_file)
    assert code == 2 and "đã có" in err


def test_check_is_clean_then_names_missing_and_altered_files(data, capsys):
    code, out, _ = run(capsys, "--data-dir", data, "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["evidence"]["checked"] == 1
    [stored] = evidence_files(data)
    stored.write_bytes(b"sua noi dung")
    code, out, _ = run(capsys, "--data-dir", data, "check", "--json")
    report = json.loads(out)
    assert code == EXIT_PROBLEMS_FOUND and not report["ok"]
    assert [item["file_name"] for item in report["evidence"]["altered"]] == ["Báo cáo 15-BC.pdf"]
    stored.unlink()
    code, out, _ = run(capsys, "--data-dir", data, "check")
    assert code == EXIT_PROBLEMS_FOUND and "Tệp bị thiếu: “Báo cáo 15-BC.pdf”" in out


def test_check_writes_nothing(data, capsys):
    db = data / DB_FILE_NAME
    before = (listing(data), hashlib.sha256(db.read_bytes()).hexdigest())
    run(capsys, "--data-dir", data, "check")
    assert (listing(data), hashlib.sha256(db.read_bytes()).hexdigest()) == before


def test_damaged_data_is_refused_checked_and_restored_from_the_command_line(data, capsys):
    run(capsys, "--data-dir", data, "backup")
    db = data / DB_FILE_NAME
    damaged = bytearray(db.read_bytes())
    damaged[:100] = bytes(100)
    db.write_bytes(bytes(damaged))

    code, _, err = run(capsys, "--data-dir", data, "tasks")
    assert code == 2 and "bị hỏng" in err and "kehoach restore kehoach-" in err
    code, out, _ = run(capsys, "--data-dir", data, "check", "--json")
    report = json.loads(out)
    assert code == EXIT_PROBLEMS_FOUND and not report["database"]["ok"] and report["evidence"] is None
    name = json.loads(run(capsys, "--data-dir", data, "backups", "--json")[1])[0]["file"]

    code, out, _ = run(capsys, "--data-dir", data, "restore", name)
    assert code == 0 and "Đã khôi phục" in out and "giữ lại" in out
    code, out, _ = run(capsys, "--data-dir", data, "tasks", "--json")
    assert code == 0 and next(task for task in json.loads(out) if task["id"] == 5)["status"] == "hoàn thành"
    assert run(capsys, "--data-dir", data, "check")[0] == 0


def test_restore_of_an_unknown_backup_is_refused(data, capsys):
    code, _, err = run(capsys, "--data-dir", data, "restore", "khong-co.sqlite3")
    assert code == 2 and "Không tìm thấy bản sao lưu" in err
