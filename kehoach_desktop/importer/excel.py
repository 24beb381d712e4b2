"""An Excel annex (.xlsx) as grids of cell text, merged cells resolved, with size limits."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from ..errors import ImportRefusedError
from .annex import Cell, CellMaker, Grid
from .container import check_office_file

MAX_SHEETS = 50
MAX_ROWS = 20_000
MAX_COLUMNS = 60
MAX_CELLS = 400_000


def read_excel_grids(path: Path | str) -> list[Grid]:
    """Each sheet as a Grid; merged ranges give every covered cell the top-left value.

    openpyxl reads in its read-only (streaming) mode: no cell object is kept per cell, which
    made a 20,000-row annex grow faster than its size (issue 17); the merged ranges and the
    formulas without a value come from the sheet's XML, read once."""
    import openpyxl  # deferred: importing the package must stay light

    path = Path(path)
    check_office_file(path, "xl/workbook.xml", "Excel (.xlsx)",
                      "Hãy mở bằng Excel, bỏ mật khẩu nếu có và lưu lại dạng .xlsx (Excel Workbook) rồi nhập lại.")
    try:
        workbook = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _damaged(path, exc) from None
    try:
        if len(workbook.worksheets) > MAX_SHEETS:
            raise ImportRefusedError(f"Tệp “{path.name}” có quá nhiều trang tính ({len(workbook.worksheets)}).")
        facts = _sheet_facts(path)
        maker = CellMaker()  # the sheets of an annex repeat the same agencies and deadlines
        return [_sheet_grid(sheet, path.name, *facts.get(sheet.title, ((), set())), maker=maker)
                for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    except ImportRefusedError:
        raise
    except Exception as exc:  # read-only mode parses each sheet while its rows are read
        raise _damaged(path, exc) from None
    finally:
        workbook.close()


def _damaged(path: Path, exc: Exception) -> ImportRefusedError:
    return ImportRefusedError(f"Không đọc được tệp Excel “{path.name}”: tệp bị hỏng ({type(exc).__name__}).")


_UNVALUED = "công thức chưa có giá trị (tệp chưa được Excel tính lại)"
_HAS_VALUE = re.compile(rb"<v>[^<]|<is>")
_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?:/>|>(.*?)</c>)', re.DOTALL)
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)"')

Range = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row (1-based, as openpyxl's)


def _sheet_facts(path: Path) -> dict[str, tuple[list[Range], set[tuple[int, int]]]]:
    """Per sheet title: its merged ranges, and the cells holding a formula but no cached
    result (openpyxl reads them as empty, and the user must hear that a value is missing:
    files written by programs, not Excel)."""
    from openpyxl.utils import column_index_from_string, range_boundaries

    found: dict[str, tuple[list[Range], set[tuple[int, int]]]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for title, part in _sheet_parts(archive).items():
                data = archive.read(part)
                merged = [range_boundaries(ref.decode("ascii")) for ref in _MERGE.findall(data)]
                unvalued = set()
                if b"<f" in data:
                    for match in _CELL.finditer(data):
                        inner = match.group(3) or b""
                        if b"<f" in inner and not _HAS_VALUE.search(inner):
                            unvalued.add((int(match.group(2)), column_index_from_string(match.group(1).decode())))
                found[title] = (merged, unvalued)
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


def _sheet_grid(sheet, file_name: str, merged_ranges: list[Range], unvalued: set[tuple[int, int]],
                maker: CellMaker) -> Grid:
    sheet.reset_dimensions()  # the size the file declares is not trusted: the rows are counted
    values = [row for row in sheet.iter_rows(values_only=True)]
    # As many rows and columns as hold a cell or a merged range (at least one, as openpyxl's own
    # max_row and max_column count them), the columns bounded.
    max_row = max([len(values), 1] + [last_row for _, _, _, last_row in merged_ranges])
    max_col = min(max([1] + [len(row) for row in values] + [last_col for _, _, last_col, _ in merged_ranges]),
                  MAX_COLUMNS)
    if max_row > MAX_ROWS or max_row * max_col > MAX_CELLS:
        raise ImportRefusedError(
            f"Trang “{sheet.title}” của tệp “{file_name}” có quá nhiều dòng ({max_row}) để là một phụ lục."
        )
    values += [()] * (max_row - len(values))
    merged_from: dict[tuple[int, int], tuple[int, int]] = {}
    for min_col, min_row, last_col, last_row in merged_ranges:
        for row in range(min_row, min(last_row, max_row) + 1):
            for col in range(min_col, min(last_col, max_col) + 1):
                if (row, col) != (min_row, min_col):
                    merged_from[(row, col)] = (min_row, min_col)
    rows: list[list[Cell]] = []
    cell_of = maker.of
    for r, row_values in enumerate(values, start=1):
        cells = []
        for c in range(1, max_col + 1):
            origin = merged_from.get((r, c))
            if origin:
                top = values[origin[0] - 1]
                value = top[origin[1] - 1] if origin[1] - 1 < len(top) else None
                cells.append(cell_of(value, merged_up=origin[0] < r, merged_left=origin[1] < c))
            elif (r, c) in unvalued:
                cells.append(Cell("", problem=_UNVALUED))
            else:
                value = row_values[c - 1] if c - 1 < len(row_values) else None
                cells.append(cell_of(value))
        rows.append(cells)
    return Grid(name=sheet.title, rows=rows)
