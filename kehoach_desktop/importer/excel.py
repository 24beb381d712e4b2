"""An Excel annex (.xlsx) as grids of cell text, merged cells resolved, with size limits."""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportRefusedError
from .annex import Cell, Grid
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
    grids = [_sheet_grid(sheet, path.name) for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    workbook.close()
    return grids


def _sheet_grid(sheet, file_name: str) -> Grid:
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
            else:
                value = row_values[c - 1] if c - 1 < len(row_values) else None
                cells.append(Cell.of(value))
        rows.append(cells)
    return Grid(name=sheet.title, rows=rows)
