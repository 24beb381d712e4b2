"""Progress (.khbc) and task (.khnv) packages: round trips, idempotence, agencies, safe export."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import zipfile

import pytest

from kehoach_desktop.db import store, transaction
from kehoach_desktop.errors import ImportRefusedError, KehoachError
from kehoach_desktop.exchange import manifest as manifest_module
from kehoach_desktop.exchange.packages import read_package
from kehoach_desktop.exchange.content import join_plan
from kehoach_desktop.model import AgencyKind, AgencyProfile, Progress, Status
from kehoach_desktop.workspace import Workspace

import _exchange_support
from _exchange_support import members, portable
from _support import build_scored_annex, build_workbook, evidence_files, listing, snapshot, SCORED_ANNEX_ROWS
from conftest import COMMUNE


source = _exchange_support.filled  # (workspace, written), built once and copied
filled_template = _exchange_support.filled_template


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _new_workspace(path, profile=COMMUNE) -> Workspace:
    ws = Workspace(path)
    if profile is not None:
        ws.save_profile(profile)
    return ws


def test_progress_package_restores_everything_on_a_new_pc(source, usb, tmp_path):
    ws, _ = source
    result = ws.export_package(usb / "bao-cao.khbc")
    assert result.path.is_file() and not list(usb.glob("*.partial"))
    assert result.evidence_files == 2 and result.evidence == 4
    with _new_workspace(tmp_path / "new-pc") as new_pc:
        summary = new_pc.import_package(usb / "bao-cao.khbc")
        assert summary.applied and summary.changes["tasks_added"] == 94 and summary.changes["files_added"] == 2
        assert portable(new_pc.db) == portable(ws.db)
        originals = {path.name: path.read_bytes() for path in evidence_files(ws.data_dir)}
        restored = {path.name: path.read_bytes() for path in evidence_files(new_pc.data_dir)}
        assert restored == originals  # every evidence file, bit for bit
        assert [row.to_json() for row in new_pc.tasks()] == [row.to_json() for row in ws.tasks()]


def _data_files(data_dir):
    """The data folder's files, without the backups (an import is always preceded by one)."""
    return {name: size for name, size in listing(data_dir).items() if not name.startswith("backups")}


def test_importing_the_same_package_twice_changes_nothing(source, usb, tmp_path):
    ws, _ = source
    ws.export_package(usb / "bao-cao.khbc")
    with _new_workspace(tmp_path / "new-pc") as new_pc:
        new_pc.import_package(usb / "bao-cao.khbc")
        before, files_before = snapshot(new_pc.db), _data_files(new_pc.data_dir)
        again = new_pc.import_package(usb / "bao-cao.khbc")
        assert again.changes_nothing
        assert snapshot(new_pc.db) == before and _data_files(new_pc.data_dir) == files_before
    before = snapshot(ws.db)
    assert ws.import_package(usb / "bao-cao.khbc").changes_nothing  # into the PC that made it
    assert snapshot(ws.db) == before


def test_preview_writes_nothing_and_predicts_the_import(source, usb, tmp_path):
    ws, _ = source
    ws.export_package(usb / "bao-cao.khbc")
    with _new_workspace(tmp_path / "new-pc") as new_pc:
        before, files_before = snapshot(new_pc.db), listing(new_pc.data_dir)
        preview = new_pc.preview_package(usb / "bao-cao.khbc")
        assert not preview.applied and snapshot(new_pc.db) == before and listing(new_pc.data_dir) == files_before
        applied = new_pc.import_package(usb / "bao-cao.khbc")
        assert applied.changes == preview.changes


def test_a_new_pc_without_a_profile_takes_the_packages(source, usb, tmp_path):
    ws, _ = source
    ws.export_package(usb / "bao-cao.khbc")
    with _new_workspace(tmp_path / "blank", profile=None) as blank:
        summary = blank.import_package(usb / "bao-cao.khbc")
        assert summary.changes["profile_set"] == 1
        assert blank.profile() == ws.profile()
        assert portable(blank.db) == portable(ws.db)


def test_another_agencys_progress_package_is_refused_and_nothing_changes(source, usb, tmp_path):
    ws, _ = source
    ws.export_package(usb / "bao-cao.khbc")
    other = AgencyProfile(name="UBND xã Bạch Đằng", kind=AgencyKind.XA)
    with _new_workspace(tmp_path / "other", other) as elsewhere:
        before, files_before = snapshot(elsewhere.db), listing(elsewhere.data_dir)
        with pytest.raises(ImportRefusedError) as refused:
            elsewhere.import_package(usb / "bao-cao.khbc")
        message = str(refused.value)
        assert "bao-cao.khbc" in message and "UBND xã Hòa An" in message and "không phải của đơn vị này" in message
        assert snapshot(elsewhere.db) == before and listing(elsewhere.data_dir) == files_before


def test_the_agency_name_matches_without_case_or_diacritic_differences(source, usb, tmp_path):
    ws, _ = source
    ws.export_package(usb / "bao-cao.khbc")
    same = AgencyProfile(name="ubnd xã  hòa an", kind=AgencyKind.XA)
    with _new_workspace(tmp_path / "same", same) as again:
        summary = again.import_package(usb / "bao-cao.khbc")
        assert summary.changes["progress_added"] == len(snapshot(ws.db)["progress"]) >= 2


def test_newer_progress_wins_either_way(source, usb, tmp_path):
    ws, written = source
    ws.export_package(usb / "old.khbc")
    with _new_workspace(tmp_path / "pc2") as pc2:
        pc2.import_package(usb / "old.khbc")
        task_id = next(row.id for row in pc2.tasks() if row.result == "=1+1")
        progress = pc2.progress(task_id)
        progress.result, progress.percent = "Đã xong ở máy 2", 90
        pc2.save_progress(progress)
        _make_newer(pc2, task_id)  # than the package, even when saved within the same second
        summary = pc2.import_package(usb / "old.khbc")
        assert summary.changes["progress_kept_local"] == 1 and summary.changes_nothing
        assert pc2.progress(task_id).result == "Đã xong ở máy 2"
        pc2.export_package(usb / "new.khbc")
    summary = ws.import_package(usb / "new.khbc")  # back on the first PC: the newer record arrives
    assert summary.changes["progress_updated"] == 1
    assert ws.progress(written["second"]).result == "Đã xong ở máy 2"


def _make_newer(ws, task_id):
    row = store.get_progress(ws.db, task_id)
    later = (dt.datetime.fromisoformat(row["updated_at"]) + dt.timedelta(minutes=1)).isoformat(timespec="seconds")
    with transaction(ws.db):
        store.save_progress(ws.db, task_id, {**row, "updated_at": later})


def test_package_layout_manifest_and_utf8_names(source, usb):
    ws, written = source
    ws.export_package(usb / "bao-cao.khbc")
    with zipfile.ZipFile(usb / "bao-cao.khbc") as archive:
        infos = archive.infolist()
        assert all(info.flag_bits & 0x800 for info in infos)  # UTF-8 flagged names
        names = [info.filename for info in infos]
        manifest = json.loads(archive.read("manifest.json"))
    assert names[0] == "manifest.json" and "data.json" in names
    files = sorted(name for name in names if name.startswith("evidence/"))
    expected = sorted("evidence/" + hashlib.sha256(written[key].read_bytes()).hexdigest() for key in ("pdf", "photo"))
    assert files == expected  # generated names, never the user's
    assert manifest["format"] == "kehoach-khbc" and manifest["format_version"] == manifest_module.FORMAT_VERSION
    assert manifest["program_version"] and manifest["package_id"] and manifest["created_at"]
    assert manifest["profile"]["name"] == "UBND xã Hòa An" and manifest["plans"][0]["number"] == "2163/KH-UBND"
    parts = members(usb / "bao-cao.khbc")
    assert {m["name"]: (m["size"], m["sha256"]) for m in manifest["members"]} == {
        name: (len(data), hashlib.sha256(data).hexdigest()) for name, data in parts.items() if name != "manifest.json"}
    data = json.loads(parts["data.json"])
    assert {e["file_name"] for e in data["evidence"] if e["file_name"]} == {"Báo cáo kết quả tuyên truyền.pdf",
                                                                            "Ảnh hội nghị.jpg"}
    # format 2 (issue 11): the plan in plan.json, the same for every agency; its roles in data.json
    plan = json.loads(parts["plan.json"])
    tasks = [task for whole in plan["plans"] for index in whole["indices"] for task in index["tasks"]]
    assert tasks and not any("role" in task or "role_override" in task for task in tasks)
    joined = join_plan(plan, data)
    assert {task["role"] for plan in joined["plans"] for index in plan["indices"] for task in index["tasks"]} >= {
        "lead", "cooperating", None}


def test_python_flags_non_ascii_names_as_utf8(tmp_path):
    """What the brief asked to verify: zipfile sets the flag for non-ASCII names by itself."""
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Báo cáo.txt", b"x")
        archive.writestr("ascii.txt", b"x")
    with zipfile.ZipFile(path) as archive:
        flags = {info.filename: bool(info.flag_bits & 0x800) for info in archive.infolist()}
    assert flags == {"Báo cáo.txt": True, "ascii.txt": False}  # hence our explicit flag on every name


def test_period_keeps_only_that_periods_report_texts(source, usb):
    ws, _ = source
    with transaction(ws.db):
        store.save_report(ws.db, {
            "plan_id": ws.plans()[0]["id"], "period": "q3", "year": 2025, "start_date": "2025-01-01",
            "end_date": "2025-09-30", "number": "", "signed_on": None, "addressees": "", "recipients": "",
            "direction": "", "shortcomings": "", "next_steps": "", "proposals": "", "updated_at": "2025-09-01T00:00:00"})
    ws.export_package(usb / "h1.khbc", period={"code": "h1", "year": 2025})
    data = json.loads(members(usb / "h1.khbc")["data.json"])
    assert [r["period"] for r in data["plans"][0]["reports"]] == ["h1"]
    manifest = json.loads(members(usb / "h1.khbc")["manifest.json"])
    assert manifest["period"] == {"code": "h1", "year": 2025}


# --- task packages --------------------------------------------------------------------------


def _department(tmp_path, annex_rows=SCORED_ANNEX_ROWS):
    dept = _new_workspace(tmp_path / "so-noi-vu", AgencyProfile(name="Sở Nội vụ", kind=AgencyKind.SO))
    dept.import_annex(build_workbook(tmp_path / "annex.xlsx", {"PAR INDEX": annex_rows}))
    return dept


def test_task_package_brings_a_plan_without_annex_parsing_and_twice_changes_nothing(tmp_path, usb):
    with _department(tmp_path) as dept:
        dept.export_package(usb / "nhiem-vu.khnv")
        expected = portable(dept.db)
    with _new_workspace(tmp_path / "xa") as commune:
        summary = commune.import_package(usb / "nhiem-vu.khnv")
        assert summary.changes["tasks_added"] == 2 and summary.kind == "kehoach-khnv"
        got = portable(commune.db)
        for table in ("plan_index", "criterion", "task"):
            assert got[table] == expected[table]
        assert [p["number"] for p in commune.plans()] == ["99/KH-UBND"]
        before = snapshot(commune.db)
        assert commune.import_package(usb / "nhiem-vu.khnv").changes_nothing
        assert snapshot(commune.db) == before


def test_task_package_updates_a_plan_in_place_and_keeps_progress(tmp_path, usb):
    commune = _new_workspace(tmp_path / "xa")
    commune.import_annex(build_scored_annex(tmp_path / "annex-local.xlsx"))  # the same plan, from the annex
    task = next(row for row in commune.tasks() if row.content == "Ban hành kế hoạch CCHC năm 2025")
    commune.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=50, result="Đang soạn"))
    revised = [list(row) for row in SCORED_ANNEX_ROWS]
    revised[6][4] = "15/02/2025"  # new deadline
    revised[7] = ["1.3", "Tuyên truyền CCHC", 1, "Tuyên truyền CCHC trên loa", "Quý III", "UBND cấp xã", ""]
    with _department(tmp_path, revised) as dept:
        dept.export_package(usb / "sua-doi.khnv")
    summary = commune.import_package(usb / "sua-doi.khnv")
    changes = summary.changes
    assert (changes["tasks_added"], changes["tasks_updated"], changes["tasks_removed"]) == (1, 1, 1)
    same = commune.task(task.id)
    assert same.deadline_text == "15/02/2025" and commune.progress(task.id).result == "Đang soạn"
    assert commune.import_package(usb / "sua-doi.khnv").changes_nothing
    commune.close()


def test_task_package_for_one_agency(tmp_path, usb):
    with _department(tmp_path) as dept:
        dept.export_package(usb / "rieng.khnv", audience=AgencyProfile(name="UBND xã Hòa An", kind=AgencyKind.XA))
    with _new_workspace(tmp_path / "xa") as commune:
        summary = commune.import_package(usb / "rieng.khnv")
        assert summary.audience == "UBND xã Hòa An" and summary.changes["tasks_added"] == 2
    other = AgencyProfile(name="Sở Tư pháp", kind=AgencyKind.SO)
    with _new_workspace(tmp_path / "so", other) as department:
        before = snapshot(department.db)
        with pytest.raises(ImportRefusedError, match="gửi riêng cho “UBND xã Hòa An”"):
            department.import_package(usb / "rieng.khnv")
        assert snapshot(department.db) == before


# --- export: safe writing ---------------------------------------------------------------------


def test_export_cleans_and_reports_stale_partial_files(source, usb):
    ws, _ = source
    (usb / "bao-cao.khbc.partial").write_bytes(b"half a package")
    (usb / "khac.khnv.partial").write_bytes(b"another")
    (usb / "ghi-chu.txt.partial").write_bytes(b"not ours")
    result = ws.export_package(usb / "bao-cao.khbc")
    assert sorted(result.stale_removed) == ["bao-cao.khbc.partial", "khac.khnv.partial"]
    assert sorted(p.name for p in usb.iterdir()) == ["bao-cao.khbc", "ghi-chu.txt.partial"]


def test_export_replaces_a_previous_file_only_when_complete(source, usb, monkeypatch):
    ws, _ = source
    first = ws.export_package(usb / "bao-cao.khbc")
    previous = (usb / "bao-cao.khbc").read_bytes()

    def fail_half_way(*args, **kwargs):
        raise OSError(28, "No space left on device")  # ENOSPC while writing

    monkeypatch.setattr("kehoach_desktop.exchange.packages._write_zip_v2", fail_half_way)
    with pytest.raises(KehoachError, match="Hết chỗ trống"):
        ws.export_package(usb / "bao-cao.khbc")
    assert (usb / "bao-cao.khbc").read_bytes() == previous and first.path.exists()
    assert not list(usb.glob("*.partial"))


def test_export_refuses_when_the_stick_is_too_small(source, usb, monkeypatch):
    ws, _ = source
    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda path: real(path)._replace(free=10_000))
    with pytest.raises(KehoachError, match="Không đủ chỗ trống"):
        ws.export_package(usb / "bao-cao.khbc")
    assert list(usb.iterdir()) == []


def test_export_refuses_a_damaged_evidence_store_file(source, usb):
    ws, written = source
    sha = hashlib.sha256(written["photo"].read_bytes()).hexdigest()
    damaged = ws.evidence.path_for(sha)
    os.chmod(damaged, 0o644)
    damaged.write_bytes(b"X" + damaged.read_bytes()[1:])
    with pytest.raises(KehoachError, match="Ảnh hội nghị.jpg"):
        ws.export_package(usb / "bao-cao.khbc")
    assert list(usb.iterdir()) == []


def test_evidence_whose_file_is_gone_is_exported_with_a_warning(source, usb, tmp_path):
    ws, written = source
    ws.evidence.path_for(hashlib.sha256(written["photo"].read_bytes()).hexdigest()).unlink()
    result = ws.export_package(usb / "bao-cao.khbc")
    assert result.evidence_files == 1 and any("Ảnh hội nghị.jpg" in w for w in result.warnings)
    with _new_workspace(tmp_path / "pc2") as pc2:
        summary = pc2.import_package(usb / "bao-cao.khbc")
        assert any("không có trong gói" in w for w in summary.warnings)
        assert portable(pc2.db)["evidence"] == portable(ws.db)["evidence"]


def test_export_verifies_what_it_wrote(source, usb, monkeypatch):
    """A stick that returns other bytes than were written: the file does not stay."""
    ws, _ = source
    from kehoach_desktop.exchange import writer

    real = writer._drop_cached_pages

    def corrupt_after_write(path):
        real(path)
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))

    monkeypatch.setattr(writer, "_drop_cached_pages", corrupt_after_write)
    with pytest.raises(KehoachError, match="đọc lại không đúng"):
        ws.export_package(usb / "bao-cao.khbc")
    assert not (usb / "bao-cao.khbc").exists()


def test_export_to_a_missing_folder_or_wrong_extension(source, tmp_path):
    ws, _ = source
    with pytest.raises(KehoachError, match="Không tìm thấy thư mục"):
        ws.export_package(tmp_path / "rut-mat" / "bao-cao.khbc")
    with pytest.raises(KehoachError, match=".khbc"):
        ws.export_package(tmp_path / "bao-cao.zip")


# --- format versions --------------------------------------------------------------------------


def test_an_older_format_is_upgraded_through_the_chain(source, usb, tmp_path, monkeypatch):
    ws, _ = source
    from _exchange_support import as_format_1

    as_format_1(ws.export_package(tmp_path / "v2.khbc").path, usb / "v1.khbc")  # as format version 1 was written
    calls = []

    version = manifest_module.FORMAT_VERSION  # the package just written: the program's version

    def one_to_two(manifest, data):
        calls.append(manifest["format_version"])
        for plan in data["plans"]:
            plan["title"] = plan["title"] + " (nâng cấp)"
        return manifest, data

    monkeypatch.setattr(manifest_module, "FORMAT_VERSION", version + 1)
    monkeypatch.setattr(manifest_module, "UPGRADES", {**manifest_module.UPGRADES, version: one_to_two})
    manifest, data, _ = read_package(usb / "v1.khbc", "v1.khbc")
    assert calls == [version] and manifest["format_version"] == version + 1
    assert data["plans"][0]["title"].endswith("(nâng cấp)")


def test_a_task_package_with_a_reworded_task_keeps_the_communes_progress(imported_workspace, sample_xlsx, usb, tmp_path):
    """The department rewords a task and sends the plan again: the commune's work stays on it."""
    import openpyxl

    from _support import copy_sample, find_row

    department = imported_workspace
    department.export_package(usb / "ke-hoach.khnv")
    with _new_workspace(tmp_path / "xa") as commune:
        commune.import_package(usb / "ke-hoach.khnv")
        task = next(r for r in commune.tasks() if r.index_kind == "PAR INDEX" and r.code == "1.3")
        commune.save_progress(Progress(task_id=task.id, status=Status.DONE, percent=100, result="Đã kiểm tra"))

        revised = copy_sample(sample_xlsx, tmp_path / "sua-doi.xlsx")
        workbook = openpyxl.load_workbook(revised)
        sheet = workbook["Phụ lục 1"]
        cell = sheet.cell(find_row(sheet, 1, "1.3", start=5), 3)
        cell.value = cell.value.replace("Kiểm tra", "Tổ chức kiểm tra", 1)
        workbook.save(revised)
        department.import_annex(revised)
        department.export_package(usb / "ke-hoach-2.khnv")

        summary = commune.import_package(usb / "ke-hoach-2.khnv")
        assert summary.changes["tasks_added"] == 0 and summary.changes["tasks_removed"] == 0
        assert summary.changes["tasks_updated"] == 1
        same = commune.task(task.id)
        assert same.content == cell.value and not same.removed
        assert commune.progress(task.id).status == Status.DONE


def test_importing_a_package_again_repairs_an_altered_evidence_file(source, usb, tmp_path):
    ws, _ = source
    ws.export_package(usb / "bao-cao.khbc")
    with _new_workspace(tmp_path / "new-pc") as new_pc:
        new_pc.import_package(usb / "bao-cao.khbc")
        stored = evidence_files(new_pc.data_dir)[0]
        original = stored.read_bytes()
        os.chmod(stored, 0o644)
        stored.write_bytes(b"X" + original[1:])
        assert new_pc.evidence.verify(stored.name) == "altered"
        summary = new_pc.import_package(usb / "bao-cao.khbc")
        assert summary.changes["files_added"] == 1
        assert stored.read_bytes() == original and new_pc.evidence.verify(stored.name) == "ok"
