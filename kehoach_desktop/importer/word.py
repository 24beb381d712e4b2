"""A Word annex (.docx) as grids: one per table, with the paragraphs above it as title rows.

Vertically merged cells (w:vMerge) continue the value above; horizontally merged cells
(w:gridSpan) repeat it to the right — the same rules as merged cells in Excel.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportRefusedError
from ..text import clean_cell
from .annex import Cell, CellMaker, Grid
from .container import check_office_file

MAX_TABLE_ROWS = 20_000
MAX_COLUMNS = 60


def read_word_grids(path: Path | str) -> list[Grid]:
    import docx  # deferred: importing the package must stay light
    from docx.oxml.ns import qn

    path = Path(path)
    check_office_file(path, "word/document.xml", "Word (.docx)",
                      "Hãy mở bằng Word, bỏ mật khẩu nếu có và lưu lại dạng .docx rồi nhập lại.")
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise ImportRefusedError(f"Không đọc được tệp Word “{path.name}”: tệp bị hỏng ({type(exc).__name__}).") from None
    grids: list[Grid] = []
    titles: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = clean_cell("".join(node.text or "" for node in child.iter(qn("w:t"))))
            if text:
                titles.append(text)
        elif child.tag == qn("w:tbl"):
            title_rows = [[Cell(line)] for line in titles[-8:]]  # the annex's title lines
            rows = title_rows + _table_rows(child, qn)
            grids.append(Grid(name=f"Bảng {len(grids) + 1}", rows=rows, title_rows=len(title_rows)))
            titles = []
    return grids


def _cell_text(tc, qn) -> str:
    paragraphs = []
    for paragraph in tc.iterchildren(qn("w:p")):
        parts = []
        for node in paragraph.iter():
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
            elif node.tag == qn("w:tab"):
                parts.append(" ")
        paragraphs.append("".join(parts))
    return clean_cell("\n".join(paragraphs))


def _table_rows(table, qn) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    cell_of = CellMaker().of
    for tr in table.iterchildren(qn("w:tr")):
        if len(rows) >= MAX_TABLE_ROWS:
            raise ImportRefusedError("Bảng trong tệp Word có quá nhiều dòng để là một phụ lục.")
        cells: list[Cell] = []
        before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
        if before is not None:
            cells.extend(Cell("") for _ in range(int(before.get(qn("w:val"), "0"))))
        for tc in tr.iterchildren(qn("w:tc")):
            span = max(1, min(int(tc.grid_span or 1), MAX_COLUMNS))
            column = len(cells)
            if tc.vMerge == "continue":
                above = rows[-1][column] if rows and column < len(rows[-1]) else Cell("")
                first = Cell(above.text, above.number, merged_up=True)
            else:
                first = cell_of(_cell_text(tc, qn))
            cells.append(first)
            cells.extend(Cell(first.text, first.number, first.merged_up, merged_left=True) for _ in range(span - 1))
            if len(cells) > MAX_COLUMNS:
                break
        rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    return [r + [Cell("")] * (width - len(r)) for r in rows]
