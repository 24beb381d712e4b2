"""An Excel annex (.xlsx) as grids of cell text, merged cells resolved, with size limits."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from ..errors import ImportRefusedError
from .annex import Cell, Grid, column_number
from .container import check_office_file

MAX_SHEETS = 50
MAX_ROWS = 20_000
MAX_COLUMNS = 60
MAX_CELLS = 400_000


def read_excel_grids(path: Path | str) -> list[Grid]:
    """Each sheet as a Grid; merged ranges give every covered cell the top-left value."""
    import openpyxl  # deferred: importing the package must stay light

    path = Path(path)
    check_office_file(path, "xl/workbook.xml", "Excel (.xlsx)",
                      "Hãy mở bằng Excel, bỏ mật khẩu nếu có và lưu lại dạng .xlsx (Excel Workbook) rồi nhập lại.")
    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportRefusedError(f"Không đọc được tệp Excel “{path.name}”: tệp bị hỏng ({type(exc).__name__}).") from None
    if len(workbook.worksheets) > MAX_SHEETS:
        raise ImportRefusedError(f"Tệp “{path.name}” có quá nhiều trang tính ({len(workbook.worksheets)}).")
    unvalued = _formulas_without_value(path)
    grids = [_sheet_grid(sheet, path.name, unvalued.get(sheet.title, set()))
             for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    workbook.close()
    return grids


_UNVALUED = "công thức chưa có giá trị (tệp chưa được Excel tính lại)"
_HAS_VALUE = re.compile(rb"<v>[^<]|<is>")
_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?:/>|>(.*?)</c>)', re.DOTALL)


def _formulas_without_value(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Cells holding a formula but no cached result, per sheet title: openpyxl reads them as
    empty, and the user must hear that a value is missing (files written by programs, not Excel)."""
    found: dict[str, set[tuple[int, int]]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            targets = _sheet_parts(archive)
            for title, part in targets.items():
                data = archive.read(part)
                if b"<f" not in data:
                    continue
                for match in _CELL.finditer(data):
                    inner = match.group(3) or b""
                    if b"<f" in inner and not _HAS_VALUE.search(inner):
                        found.setdefault(title, set()).add((int(match.group(2)), column_number(match.group(1).decode()) + 1))
    except (KeyError, zipfile.BadZipFile, ValueError):
        return found  # the parts were read once already: nothing more to say here
    return found


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title → its part inside the zip, from the workbook and its relationships."""
    workbook = archive.read("xl/workbook.xml").decode("utf-8")
    rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {m.group(1): m.group(2) for m in re.finditer(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
    targets.update({m.group(2): m.group(1) for m in re.finditer(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    parts = {}
    for m in re.finditer(r'<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', workbook):
        target = targets.get(m.group(2), "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        parts[html.unescape(m.group(1))] = target
    return parts


def _sheet_grid(sheet, file_name: str, unvalued: set[tuple[int, int]] = frozenset()) -> Grid:
    max_row, max_col = sheet.max_row or 0, min(sheet.max_column or 0, MAX_COLUMNS)
    if max_row > MAX_ROWS or max_row * max_col > MAX_CELLS:
        raise ImportRefusedError(
            f"Trang “{sheet.title}” của tệp “{file_name}” có quá nhiều dòng ({max_row}) để là một phụ lục."
        )
    merged_from: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row, merged.min_col
        for row in range(merged.min_row, min(merged.max_row, max_row) + 1):
            for col in range(merged.min_col, min(merged.max_col, max_col) + 1):
                if (row, col) != (top, left):
                    merged_from[(row, col)] = (top, left)
    values = [[cell for cell in row] for row in sheet.iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)]
    rows: list[list[Cell]] = []
    for r, row_values in enumerate(values, start=1):
        cells = []
        for c in range(1, max_col + 1):
            origin = merged_from.get((r, c))
            if origin:
                value = values[origin[0] - 1][origin[1] - 1]
                cells.append(Cell.of(value, merged_up=origin[0] < r, merged_left=origin[1] < c))
            elif (r, c) in unvalued:
                cells.append(Cell("", problem=_UNVALUED))
            else:
                value = row_values[c - 1] if c - 1 < len(row_values) else None
                cells.append(Cell.of(value))
        rows.append(cells)
    return Grid(name=sheet.title, rows=rows)
