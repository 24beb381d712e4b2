"""The results workbook and the self-assessment (issue 12): the score belongs to the criterion.
The workbook shows the criterion's score read-only on the criterion row and says where to score;
it never writes a per-task score on import, and an older workbook with a per-task "Điểm tự chấm"
column is read without error, the preview saying that column is ignored and where to score."""

from __future__ import annotations

import openpyxl
import pytest

from kehoach_desktop.db import store, transaction
from kehoach_desktop.exchange.workbook import CRITERION_SCORE_HEADER

import _exchange_support

filled = _exchange_support.filled
filled_template = _exchange_support.filled_template


def _sheet(path):
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["PAR INDEX"]
    headers = {cell.value: cell.column for cell in sheet[5] if cell.value}
    return workbook, sheet, headers


def _row(sheet, headers, column, text):
    return next(r for r in range(6, sheet.max_row + 1) if sheet.cell(r, headers[column]).value == text)


def _set_task_score(ws, task_id, score):
    """A per-task score as an older database holds it (the migration clears it)."""
    with transaction(ws.db):
        store.save_progress(ws.db, task_id, {**store.get_progress(ws.db, task_id), "score": score})


@pytest.fixture
def book(filled, tmp_path):
    ws, written = filled
    _set_task_score(ws, written["second"], 0.25)  # carried by the workbook's hidden data
    return ws, written, ws.export_workbook(tmp_path / "ket-qua.xlsx").path


def test_export_shows_the_criterion_score_read_only_and_no_per_task_score(book):
    ws, written, path = book
    workbook, sheet, headers = _sheet(path)
    assert "Điểm tự chấm" not in headers and CRITERION_SCORE_HEADER in headers
    assert "chỉ để xem" in sheet["A4"].value and "Tự đánh giá, chấm điểm" in sheet["A4"].value
    column = headers[CRITERION_SCORE_HEADER]
    first = ws.task(written["first"])
    criterion_row = _row(sheet, headers, "STT", first.code)
    assert sheet.cell(criterion_row, column).value == 0.5  # the criterion's own score
    task_cells = [sheet.cell(_row(sheet, headers, "Nhiệm vụ", task.content), column).value
                  for task in (first, ws.task(written["second"]))]
    assert task_cells == [None, None]  # never a score on a task row


def test_import_never_writes_a_per_task_score(book):
    """Not even the one the workbook's hidden data still carries from before the move."""
    ws, written, path = book
    task = ws.task(written["second"])
    _set_task_score(ws, task.id, None)  # as the migration leaves it: the per-task value cleared
    workbook, sheet, headers = _sheet(path)
    sheet.cell(_row(sheet, headers, "Nhiệm vụ", task.content), headers["Kết quả thực hiện"]).value = "Đã sửa trong Excel"
    workbook.save(path)
    summary = ws.import_package(path)
    assert summary.changes["progress_updated"] == 1
    progress = ws.progress(task.id)
    assert progress.result == "Đã sửa trong Excel" and progress.score is None


@pytest.mark.parametrize("value", [1.5, "chín"])
def test_an_old_workbook_with_a_per_task_score_is_read_and_the_column_ignored(book, value):
    ws, written, path = book
    _set_task_score(ws, written["second"], None)
    workbook, sheet, headers = _sheet(path)
    sheet.cell(5, headers[CRITERION_SCORE_HEADER]).value = "Điểm tự chấm"  # the older workbook's header
    task = ws.task(written["second"])
    row = _row(sheet, headers, "Nhiệm vụ", task.content)
    sheet.cell(row, headers[CRITERION_SCORE_HEADER]).value = value
    sheet.cell(row, headers["Kết quả thực hiện"]).value = "Kết quả mới"
    workbook.save(path)
    preview = ws.preview_package(path)
    note = next(note for note in preview.warnings if "Điểm tự chấm" in note)
    assert "trang “PAR INDEX”" in note and "không được nhập" in note and "Tự đánh giá, chấm điểm" in note
    ws.import_package(path)
    progress = ws.progress(task.id)
    assert progress.result == "Kết quả mới" and progress.score is None
