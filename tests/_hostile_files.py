"""Small Office files that declare huge sizes, generated (issue 15): shared by the tests and
benchmarks/hostile_files_benchmark.py, which measures how fast and in how little memory they
are refused."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import openpyxl


def _small_xlsx(rows=(("STT", "Nhiệm vụ"), ("1", "Ban hành kế hoạch"))) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "PAR INDEX"
    for row in rows:
        sheet.append(list(row))
    sheet.merge_cells("A1:B1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rewrite(source: bytes, target: Path, change) -> Path:
    """Copy a zip member by member through `change(name, data) -> data`, deflated."""
    with zipfile.ZipFile(io.BytesIO(source)) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            out.writestr(info.filename, change(info.filename, archive.read(info)))
    return target


def xlsx_with_merged_range(target: Path, ref: str = "A1:XFD1048576") -> Path:
    """About 5 KB: one merged range over (by default) the whole sheet."""
    return _rewrite(_small_xlsx(), target, lambda name, data: data.replace(b'ref="A1:B1"', f'ref="{ref}"'.encode())
                    if name.startswith("xl/worksheets/") else data)


def xlsx_with_declared_rows(target: Path, rows: int = 1_000_000) -> Path:
    """A sheet whose dimension and last row say `rows` rows (only two are really there)."""
    def change(name, data):
        if not name.startswith("xl/worksheets/"):
            return data
        data = data.replace(b'<dimension ref="A1:B2"/>', f'<dimension ref="A1:G{rows}"/>'.encode())
        return data.replace(b'<row r="2"', f'<row r="{rows}"'.encode()).replace(b'r="A2"', f'r="A{rows}"'.encode()) \
            .replace(b'r="B2"', f'r="B{rows}"'.encode())
    return _rewrite(_small_xlsx(), target, change)


def xlsx_with_many_sheets(target: Path, sheets: int = 60, rows: int = 10) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for number in range(sheets):
        sheet = workbook.create_sheet(f"Trang {number + 1}")
        for row in range(rows):
            sheet.append([row + 1, f"Nhiệm vụ {row + 1}"])
    workbook.save(target)
    return target


def xlsx_with_many_cells(target: Path, sheets: int = 30, rows: int = 7_000) -> Path:
    """Sheets each well under the per-sheet limits whose cells together are far beyond an annex.
    Written directly as XML: openpyxl would take long to build it."""
    base = _small_xlsx()
    sheet_xml = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                 + b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r) for r in range(1, rows + 1))
                 + b"</sheetData></worksheet>")
    with zipfile.ZipFile(io.BytesIO(base)) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            out.writestr(info.filename, archive.read(info))
        for number in range(2, sheets + 1):
            out.writestr(f"xl/worksheets/sheet{number}.xml", sheet_xml)
    return target


def xlsx_with_padding(target: Path, megabytes: int = 8) -> Path:
    """One sheet padded with whitespace: tiny packed, large unpacked (a high ratio)."""
    return _rewrite(_small_xlsx(), target, lambda name, data: data.replace(b"<sheetData>", b"<sheetData>"
                    + b" " * (megabytes * 1024**2)) if name.startswith("xl/worksheets/") else data)


def docx_with_grid(target: Path, attribute: str = "gridBefore", value: str = "100000000") -> Path:
    """A Word annex whose first table row declares `attribute` = value."""
    import docx

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC I")
    table = document.add_table(rows=2, cols=3)
    for row, texts in zip(table.rows, (("STT", "Nhiệm vụ", "Đơn vị chủ trì"), ("1", "Ban hành kế hoạch", "UBND cấp xã"))):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    element = (f'<w:trPr><w:{attribute} w:val="{value}"/></w:trPr>' if attribute != "gridSpan"
               else "").encode()

    def change(name, data):
        if name != "word/document.xml":
            return data
        if attribute == "gridSpan":
            return data.replace(b"<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{value}"/>'.encode(), 1)
        return data.replace(b"<w:tr>", b"<w:tr>" + element, 1)
    return _rewrite(buffer.getvalue(), target, change)


def with_zip_flags(source: Path, target: Path, *, method: int | None = None, encrypted: bool = False) -> Path:
    """The same zip with every entry's compression method or encryption flag changed in both
    the local and the central headers (the data is left as it is: the flag alone must refuse)."""
    data = bytearray(source.read_bytes())
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        start = 0
        while (found := data.find(signature, start)) >= 0:
            if encrypted:
                flags = struct.unpack_from("<H", data, found + flag_at)[0] | 0x1
                struct.pack_into("<H", data, found + flag_at, flags)
            if method is not None:
                struct.pack_into("<H", data, found + method_at, method)
            start = found + 4
    target.write_bytes(bytes(data))
    return target


def plain_xlsx(target: Path) -> Path:
    target.write_bytes(_small_xlsx())
    return target
