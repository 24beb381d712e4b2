"""Helpers shared by the service tests: synthetic annex workbooks and database snapshots."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterable, Sequence

import openpyxl


def build_workbook(path: Path, sheets: dict[str, Sequence[Sequence[object]]], merges: dict[str, Iterable[str]] | None = None) -> Path:
    """Write an .xlsx with one sheet per entry (rows as lists of cell values) and optional merged ranges."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cell_range in (merges or {}).get(name, ()):
            sheet.merge_cells(cell_range)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def delete_row_keeping_merges(sheet, row: int) -> None:
    """Delete a row as Excel does: merged ranges below move up (openpyxl leaves them in place)."""
    ranges = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in sheet.merged_cells.ranges]
    for cell_range in list(sheet.merged_cells.ranges):
        sheet.unmerge_cells(str(cell_range))
    sheet.delete_rows(row)
    for min_row, min_col, max_row, max_col in ranges:
        if max_row < row:
            pass
        elif min_row > row:
            min_row, max_row = min_row - 1, max_row - 1
        else:
            max_row -= 1
        if (min_row, min_col) != (max_row, max_col) and max_row >= min_row:
            sheet.merge_cells(start_row=min_row, start_column=min_col, end_row=max_row, end_column=max_col)


def find_row(sheet, column: int, value: str, *, start: int = 1) -> int:
    for row in range(start, sheet.max_row + 1):
        if sheet.cell(row, column).value == value:
            return row
    raise AssertionError(f"{value!r} not found in column {column} of {sheet.title}")


def copy_sample(sample: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample, target)
    return target


def snapshot(db) -> dict[str, list[dict]]:
    """Every row of every table, in a stable order: compares 'nothing changed' exactly."""
    tables = sorted(row["name"] for row in db.query("SELECT name FROM sqlite_master WHERE type = 'table'"))
    return {name: list(db.query(f"SELECT * FROM [{name}] ORDER BY rowid")) for name in tables}


def table_counts(db) -> dict[str, int]:
    return {name: len(rows) for name, rows in snapshot(db).items()}


def listing(folder: Path) -> dict[str, int]:
    """Files under a folder with their sizes (the SQLite file excluded: WAL checkpoints change it)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.stat().st_size
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith("kehoach.sqlite3")
    }


def evidence_files(data_dir: Path) -> list[Path]:
    root = data_dir / "evidence"
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")) if root.exists() else []


# A small PAR INDEX annex with a "Điểm tối đa" column, so that criteria have a maximum score.
SCORED_ANNEX_ROWS = [
    ["PHỤ LỤC I"],
    ["PHÂN CÔNG NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAR INDEX NĂM 2025"],
    ["(Kèm theo Kế hoạch số 99/KH-UBND ngày 05/3/2025 của UBND tỉnh Cao Bằng)"],
    [],
    ["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Nhiệm vụ", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp"],
    ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "9,5", None, None, None, None],
    ["1.1", "Kế hoạch CCHC", "1,5", "Ban hành kế hoạch CCHC năm 2025", "31/01/2025", "UBND cấp xã", "Sở Nội vụ"],
    ["1.2", "Báo cáo CCHC", 2, "Báo cáo CCHC định kỳ", "Quý II và Quý III", "Sở Nội vụ", "UBND cấp xã"],
]


def build_scored_annex(path: Path) -> Path:
    return build_workbook(path, {"PAR INDEX": SCORED_ANNEX_ROWS})


def run_cli(capsys, *args) -> tuple[int, str, str]:
    """`kehoach ARGS` in-process: exit status, stdout, stderr (argparse refusals included)."""
    from kehoach_desktop.cli import main

    try:
        code = main([str(a) for a in args])
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err
