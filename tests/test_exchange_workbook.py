"""The results workbook: annex layout plus result columns, printable, formula-safe, and
read back by the program without loss (edits made in Excel included)."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from kehoach_desktop.db import store, transaction
from kehoach_desktop.errors import ImportRefusedError
from kehoach_desktop.exchange.workbook import CRITERION_SCORE_HEADER, MARKER_SHEET, is_own_workbook
from kehoach_desktop.model import AgencyKind, AgencyProfile, Progress, Status
from kehoach_desktop.workspace import Workspace

import _exchange_support
from _exchange_support import FORMULA_TEXTS, portable
from _support import snapshot
from conftest import COMMUNE

# issue 12: the per-task "Điểm tự chấm" became the criterion's score, shown read-only.
RESULT_HEADERS = ["Tình trạng", "Kết quả thực hiện", "Tài liệu kiểm chứng", CRITERION_SCORE_HEADER]


source = _exchange_support.filled  # (workspace, written), built once and copied
filled_template = _exchange_support.filled_template


@pytest.fixture
def exported(source, tmp_path):
    ws, written = source
    mine = [row for row in ws.tasks(mine_only=True)]
    for text, row in zip(FORMULA_TEXTS, mine[5:]):  # every dangerous first character, in results
        ws.save_progress(Progress(task_id=row.id, status=Status.IN_PROGRESS, percent=10, result=text))
        if text != text.strip():  # the service trims; a package from elsewhere may still carry it
            with transaction(ws.db):
                store.save_progress(ws.db, row.id, {**store.get_progress(ws.db, row.id), "result": text})
    result = ws.export_workbook(tmp_path / "ket-qua.xlsx", period={"code": "h1", "year": 2025})
    return ws, written, result.path


def _headers(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[5] if cell.value}


def _row_of(sheet, text: str) -> int:
    column = _headers(sheet)["Nhiệm vụ"]
    return next(cell.row for cell in sheet.iter_cols(min_col=column, max_col=column, min_row=6).__next__()
                if cell.value == text)


def test_layout_is_the_annex_plus_result_columns_and_prints_in_landscape(exported):
    ws, _, path = exported
    workbook = openpyxl.load_workbook(path)
    sheets = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    assert [sheet.title for sheet in sheets] == ["PAR INDEX", "PAPI"]
    for sheet in sheets:
        headers = _headers(sheet)
        assert list(headers)[:4] == ["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Nhiệm vụ"]
        assert set(RESULT_HEADERS) <= set(headers) and "Đơn vị chủ trì" in headers
        assert sheet.freeze_panes == "A6"  # the header row stays on screen
        assert sheet.print_title_rows in ("$5:$5", "5:5")  # and on every printed page
        assert sheet.page_setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert all(sheet.column_dimensions[cell.column_letter].width for cell in sheet[5])
        assert sheet.column_dimensions[openpyxl.utils.get_column_letter(headers["Mã dòng"])].hidden
        task_cells = [sheet.cell(row, headers["Nhiệm vụ"]) for row in range(6, sheet.max_row + 1)]
        assert all(cell.alignment.wrap_text for cell in task_cells)
        assert "Kế hoạch số 2163/KH-UBND ngày 12/07/2025" in sheet["A2"].value
        assert "6 tháng đầu năm 2025" in sheet["A3"].value
    assert workbook[MARKER_SHEET].sheet_state == "veryHidden"
    tasks = sum(1 for sheet in sheets for row in sheet.iter_rows(min_row=6, values_only=True) if row[-1])
    assert tasks == len(ws.tasks(mine_only=True))  # the agency's tasks, each once


def test_text_that_looks_like_a_formula_is_stored_as_text(exported):
    _, _, path = exported
    workbook = openpyxl.load_workbook(path)
    found = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in FORMULA_TEXTS:
                    found[cell.value] = (cell.data_type, cell.quotePrefix)
    assert set(found) == set(FORMULA_TEXTS)
    assert all(kind == "s" and quoted for kind, quoted in found.values())
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_reading_it_back_into_the_same_data_changes_nothing(exported):
    ws, _, path = exported
    before = snapshot(ws.db)
    assert is_own_workbook(path)
    summary = ws.import_package(path)
    assert summary.changes_nothing and snapshot(ws.db) == before


def test_round_trip_into_an_empty_data_folder_keeps_every_exported_record(exported, tmp_path):
    ws, _, path = exported
    with Workspace(tmp_path / "new-pc") as new_pc:
        new_pc.save_profile(COMMUNE)
        new_pc.import_package(path)
        got, want = portable(new_pc.db), portable(ws.db)
        mine = {row.content for row in ws.tasks(mine_only=True)}
        assert {row["content"] for row in got["task"]} == mine
        assert got["progress"] == [p for p in want["progress"] if p["task"][2] in mine]
        assert got["evidence"] == [e for e in want["evidence"] if e["task"][2] in mine]
        assert got["report"] == want["report"]
        for result in FORMULA_TEXTS:
            assert any(row.result == result for row in new_pc.tasks())
        assert new_pc.import_package(path).changes_nothing


def test_results_edited_in_excel_come_back(exported):
    ws, written, path = exported
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["PAR INDEX"]
    headers = _headers(sheet)
    task = ws.task(written["second"])
    row = _row_of(sheet, task.content)
    sheet.cell(row, headers["Tình trạng"]).value = "hoàn thành"
    sheet.cell(row, headers["Tỷ lệ hoàn thành (%)"]).value = 100
    sheet.cell(row, headers["Ngày hoàn thành"]).value = "05/06/2025"
    sheet.cell(row, headers["Kết quả thực hiện"]).value = "Đã gửi báo cáo đúng hạn"
    workbook.save(path)
    summary = ws.import_package(path)
    assert summary.changes["progress_updated"] == 1 and summary.changes["tasks_added"] == 0
    progress = ws.progress(task.id)
    assert (progress.status, progress.percent, progress.completed_on, progress.result) == (
        Status.DONE, 100, dt.date(2025, 6, 5), "Đã gửi báo cáo đúng hạn")
    assert progress.difficulties == "" and ws.evidence_list(task.id)[0].number == "7/KH-UBND"


@pytest.mark.parametrize("column, value, reason", [
    ("Tình trạng", "xong một nửa", "Tình trạng “xong một nửa” không hợp lệ"),
    ("Tỷ lệ hoàn thành (%)", 150, "Tỷ lệ hoàn thành “150” không hợp lệ"),
    ("Ngày hoàn thành", "31/02/2025", "không phải là một ngày có thật"),
])
def test_an_impossible_value_typed_in_excel_is_refused_naming_the_row(exported, column, value, reason):
    ws, written, path = exported
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["PAR INDEX"]
    row = _row_of(sheet, ws.task(written["first"]).content)
    sheet.cell(row, _headers(sheet)[column]).value = value
    workbook.save(path)
    before = snapshot(ws.db)
    with pytest.raises(ImportRefusedError) as refused:
        ws.import_package(path)
    message = str(refused.value)
    assert "“ket-qua.xlsx”" in message and f"trang “PAR INDEX”, dòng {row}" in message and reason in message
    assert snapshot(ws.db) == before


def test_another_agencys_workbook_is_refused(exported, tmp_path):
    _, _, path = exported
    with Workspace(tmp_path / "other") as other:
        other.save_profile(AgencyProfile(name="UBND phường Sông Hiến", kind=AgencyKind.XA))
        before = snapshot(other.db)
        with pytest.raises(ImportRefusedError, match="bảng kết quả của “UBND xã Hòa An”"):
            other.import_package(path)
        assert snapshot(other.db) == before


def test_an_annex_workbook_is_not_taken_for_the_programs_own(sample_xlsx):
    assert not is_own_workbook(sample_xlsx)


def test_the_annex_importer_refuses_the_results_workbook(exported):
    """As an annex revision it would mark every task that is not the agency's as removed."""
    ws, _, path = exported
    before = snapshot(ws.db)
    for action in (ws.preview_import, ws.import_annex):
        with pytest.raises(ImportRefusedError, match="Nhập gói"):
            action(path)
    assert snapshot(ws.db) == before
