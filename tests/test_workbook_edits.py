"""The results workbook edited in Excel (issue 15): nothing silently dropped or misread — a date
typed as a number, TRUE in the percent column, two copies of a row edited differently, a deleted
hidden key column, a row added by the user, a future completion date: each named."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from kehoach_desktop.errors import ImportRefusedError

import _exchange_support
from _support import snapshot

filled = _exchange_support.filled
filled_template = _exchange_support.filled_template


@pytest.fixture
def book(filled, tmp_path):
    ws, written = filled
    path = ws.export_workbook(tmp_path / "ket-qua.xlsx").path
    workbook = openpyxl.load_workbook(path)
    sheet = next(sheet for sheet in workbook.worksheets if sheet.title != "_kehoach")
    headers = {cell.value: cell.column for cell in sheet[5] if cell.value}
    content = ws.task(written["second"]).content
    row = next(r for r in range(6, sheet.max_row + 1) if sheet.cell(r, headers["Nhiệm vụ"]).value == content)
    return ws, written, path, workbook, sheet, headers, row


def _refused(ws, path, *fragments):
    before = snapshot(ws.db)
    with pytest.raises(ImportRefusedError) as refused:
        ws.preview_package(path)
    message = str(refused.value)
    assert all(fragment in message for fragment in fragments), message
    assert snapshot(ws.db) == before
    return message


def test_a_completion_date_typed_as_a_number_is_read_as_the_date(book):
    ws, written, path, workbook, sheet, headers, row = book
    sheet.cell(row, headers["Ngày hoàn thành"]).value = 45813  # what Excel keeps for 05/06/2025
    sheet.cell(row, headers["Ngày hoàn thành"]).number_format = "General"
    workbook.save(path)
    ws.import_package(path)
    assert ws.progress(written["second"]).completed_on == dt.date(2025, 6, 5)


@pytest.mark.parametrize("column, value, reason", [
    ("Tỷ lệ hoàn thành (%)", True, "Tỷ lệ hoàn thành “TRUE” không hợp lệ"),
    ("Ngày hoàn thành", dt.date.today() + dt.timedelta(days=30), "ở tương lai"),
    ("Ngày hoàn thành", -5, "không phải là một ngày"),
])
def test_a_value_excel_would_misread_is_refused_naming_the_row(book, column, value, reason):
    ws, _, path, workbook, sheet, headers, row = book
    sheet.cell(row, headers[column]).value = value
    workbook.save(path)
    _refused(ws, path, f"trang “{sheet.title}”, dòng {row}", reason)


def test_two_copies_of_one_row_edited_differently_are_refused_naming_both(book):
    ws, _, path, workbook, sheet, headers, row = book
    copy_row = sheet.max_row + 1
    for column in range(1, sheet.max_column + 1):
        sheet.cell(copy_row, column).value = sheet.cell(row, column).value
    sheet.cell(row, headers["Kết quả thực hiện"]).value = "Bản một"
    sheet.cell(copy_row, headers["Kết quả thực hiện"]).value = "Bản hai"
    workbook.save(path)
    _refused(ws, path, f"dòng {row}", f"dòng {copy_row}", "cùng một nhiệm vụ")


def test_a_deleted_hidden_key_column_is_refused_not_ignored(book):
    ws, _, path, workbook, sheet, headers, row = book
    sheet.cell(row, headers["Kết quả thực hiện"]).value = "Sửa nhưng mất cột mã"
    sheet.delete_cols(headers["Mã dòng"])
    workbook.save(path)
    _refused(ws, path, f"trang “{sheet.title}”", "cột “Mã dòng”")


def test_a_row_added_by_the_user_is_named_in_the_preview_and_not_imported(book):
    ws, _, path, workbook, sheet, headers, _ = book
    added = sheet.max_row + 1
    sheet.cell(added, headers["Nhiệm vụ"]).value = "Nhiệm vụ tự thêm"
    sheet.cell(added, headers["Kết quả thực hiện"]).value = "Đã làm"
    workbook.save(path)
    before = snapshot(ws.db)
    summary = ws.preview_package(path)
    assert any(f"dòng {added}" in note and "không nhập" in note for note in summary.warnings), summary.warnings
    ws.import_package(path)
    assert snapshot(ws.db)["task"] == before["task"]
