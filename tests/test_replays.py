"""Replays never roll newer work back (issue 15): records carry revisions, not the sender's
clock; times are validated; an Excel edit wins only over a record unchanged since the export;
an older task package is refused; the preview says which records change and why."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import openpyxl
import pytest

from kehoach_desktop.errors import ImportRefusedError
from kehoach_desktop.model import AgencyKind, AgencyProfile
from kehoach_desktop.workspace import Workspace

import _exchange_support
from _exchange_support import edit_progress, rebuild_package
from _support import snapshot

filled = _exchange_support.filled
filled_template = _exchange_support.filled_template


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _edit(ws: Workspace, task_id: int, **changes) -> None:
    loaded = ws.progress(task_id)
    ws.save_progress(dataclasses.replace(loaded, **changes), base=loaded)


def _with_progress_time(good, target, value):
    def change(name, data):
        if name != "data.json":
            return data
        payload = edit_progress(json.loads(data), lambda records: [record.update(updated_at=value) for record in records])
        return json.dumps(payload).encode()

    return rebuild_package(good, target, change=change)


@pytest.mark.parametrize("value", ["2999-01-01T00:00:00", "ngày mai", "", "9" * 60])
def test_a_record_time_in_the_future_or_not_a_time_is_refused(filled, usb, value):
    ws, _ = filled
    good = ws.export_package(usb / "good.khbc").path
    bad = _with_progress_time(good, usb / "bad.khbc", value)
    before = snapshot(ws.db)
    with pytest.raises(ImportRefusedError, match="thời điểm cập nhật .* tương lai"):
        ws.import_package(bad)
    assert snapshot(ws.db) == before


def test_an_older_package_never_rolls_newer_local_work_back_whatever_its_clock(filled, usb, tmp_path):
    ws, written = filled
    old = ws.export_package(usb / "cu.khbc").path
    _edit(ws, written["first"], result="Bản mới hơn, sửa sau khi gửi gói cũ")
    # The old package's clock says it is an hour ahead of now (within the tolerance).
    ahead = (dt.datetime.now() + dt.timedelta(hours=1)).isoformat(timespec="seconds")
    replay = _with_progress_time(old, usb / "cu-dong-ho-nhanh.khbc", ahead)
    preview = ws.preview_package(replay)
    assert preview.changes["progress_updated"] == 0 and preview.changes["progress_kept_local"] >= 1
    assert any("giữ kết quả trong máy" in note for note in preview.warnings)
    ws.import_package(replay)
    assert ws.progress(written["first"]).result == "Bản mới hơn, sửa sau khi gửi gói cũ"

    # On a new PC: the newer package restores, then the older one changes nothing.
    new = ws.export_package(usb / "moi.khbc").path
    with Workspace(tmp_path / "new-pc") as other:
        other.import_package(new)
        first = next(row for row in other.tasks() if row.content == ws.task(written["first"]).content)
        assert other.progress(first.id).revision == ws.progress(written["first"]).revision
        summary = other.import_package(old)
        assert summary.changes["progress_updated"] == 0
        assert other.progress(first.id).result == "Bản mới hơn, sửa sau khi gửi gói cũ"


def test_a_newer_package_updates_and_the_preview_says_why(filled, usb, tmp_path):
    ws, written = filled
    with Workspace(tmp_path / "new-pc") as other:
        other.import_package(ws.export_package(usb / "cu.khbc").path)
        _edit(ws, written["first"], percent=90)
        preview = other.preview_package(ws.export_package(usb / "moi.khbc").path)
        assert preview.changes["progress_updated"] == 1
        [note] = [note for note in preview.warnings if "cập nhật vì" in note]
        assert ws.task(written["first"]).content[:20] in note and "lưu nhiều lần hơn" in note


def _edit_workbook_result(path, ws, task_id, text):
    workbook = openpyxl.load_workbook(path)
    content = ws.task(task_id).content
    for sheet in workbook.worksheets:
        headers = {cell.value: cell.column for cell in sheet[5] if cell.value}
        if "Nhiệm vụ" not in headers:
            continue
        for row in range(6, sheet.max_row + 1):
            if sheet.cell(row, headers["Nhiệm vụ"]).value == content:
                sheet.cell(row, headers["Kết quả thực hiện"]).value = text
                workbook.save(path)
                return
    raise AssertionError("row not found")


def test_an_excel_edit_wins_only_over_a_record_unchanged_since_the_export(filled, usb):
    ws, written = filled
    path = ws.export_workbook(usb / "ket-qua.xlsx").path
    _edit(ws, written["second"], result="Sửa trong chương trình sau khi xuất")
    _edit_workbook_result(path, ws, written["second"], "Sửa trong Excel")
    _edit_workbook_result(path, ws, written["first"], "Sửa trong Excel, bản trong máy không đổi")
    summary = ws.import_package(path)
    assert ws.progress(written["second"]).result == "Sửa trong chương trình sau khi xuất"
    assert ws.progress(written["first"]).result == "Sửa trong Excel, bản trong máy không đổi"
    assert any("không nhận kết quả sửa trong Excel" in note and "xuất lúc" in note for note in summary.warnings)
    assert any("nhận kết quả đã sửa trong Excel" in note for note in summary.warnings)


def test_an_older_task_package_is_refused_saying_it_is_older(filled, usb, tmp_path):
    ws, _ = filled
    newer = ws.export_package(usb / "moi.khnv").path
    older = rebuild_package(newer, usb / "cu.khnv", manifest_change=lambda m: m.update(
        created_at=(dt.datetime.now().astimezone() - dt.timedelta(days=3)).isoformat(timespec="seconds")))
    with Workspace(tmp_path / "so") as department:
        department.save_profile(AgencyProfile(name="UBND xã Hòa An", kind=AgencyKind.XA))
        department.import_package(newer)
        before = snapshot(department.db)
        with pytest.raises(ImportRefusedError, match="cũ hơn gói nhiệm vụ đã nhập"):
            department.import_package(older)
        assert snapshot(department.db) == before
        assert department.import_package(newer).changes_nothing  # the same package again is fine


def test_a_task_package_created_in_the_future_is_refused(filled, usb):
    ws, _ = filled
    future = rebuild_package(ws.export_package(usb / "nv.khnv").path, usb / "tuong-lai.khnv", manifest_change=lambda m: m.update(
        created_at="2999-01-01T00:00:00+07:00"))
    with pytest.raises(ImportRefusedError, match="tương lai"):
        ws.import_package(future)


@pytest.mark.parametrize("name", ["UBND xã Hòa Ân", "UBND xa Hoa An", "UBND xã Hòa Án"])
def test_a_package_of_an_agency_whose_name_only_folds_to_ours_is_refused(filled, usb, tmp_path, name):
    ws, _ = filled
    package = ws.export_package(usb / "bc.khbc").path
    with Workspace(tmp_path / "other") as other:
        other.save_profile(AgencyProfile(name=name, kind=AgencyKind.XA))
        with pytest.raises(ImportRefusedError, match="không phải của đơn vị này"):
            other.import_package(package)


def test_the_preview_of_a_package_changing_many_records_stays_short(filled, usb, tmp_path):
    ws, _ = filled
    rows = ws.tasks(mine_only=True)[:20]
    for row in rows:
        _edit(ws, row.id, proposals=f"Đề xuất {row.id}")
    old = ws.export_package(usb / "cu.khbc").path
    for row in rows:
        _edit(ws, row.id, proposals=f"Đề xuất mới {row.id}")
    with Workspace(tmp_path / "new-pc") as other:
        other.import_package(old)
        preview = other.preview_package(ws.export_package(usb / "moi.khbc").path)
        assert preview.changes["progress_updated"] == 20
        assert len(preview.warnings) <= 14 and "… và 8 dòng, nhiệm vụ khác" in preview.warnings[-1]
