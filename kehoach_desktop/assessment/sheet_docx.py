"""The score sheet as an editable Word file: a landscape section, the header row repeated."""

from __future__ import annotations

import copy
import io

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..report import word
from .sheet import COLUMNS_MM, HEADER, SheetContent, SheetRow

STRONG = ("annex", "area", "area_total", "total")


def render_docx(content: SheetContent) -> bytes:
    document = Document()
    word._set_fonts(document)
    section = document.sections[0]
    word._page(section, landscape=True)
    word._page_numbers(section)
    saved = word.BODY_WIDTH_MM
    word.BODY_WIDTH_MM = word.ANNEX_WIDTH_MM  # the header and signature span the landscape width
    try:
        word._header_block(document, content)
        for n, line in enumerate(content.title):
            paragraph = word._paragraph(document, line, bold=True)
            if n == 0:
                paragraph.paragraph_format.space_before = Pt(14)
        subtitle = word._paragraph(document, content.subtitle, italic=True)
        subtitle.paragraph_format.space_after = Pt(8)
        _table(document, content)
        document.add_paragraph()
        word._signature_block(document, content)
    finally:
        word.BODY_WIDTH_MM = saved
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, content: SheetContent) -> None:
    scale = word.ANNEX_WIDTH_MM / sum(COLUMNS_MM)
    widths = [w * scale for w in COLUMNS_MM]
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    word._widths(table, widths)
    word._cell_margins(table, 1, 0.7)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(word._on(OxmlElement("w:tblHeader")))  # repeated on every page
    for cell, name in zip(header.cells, HEADER):
        word._cell_paragraph(cell, name, bold=True, size=12)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    template = copy.deepcopy(table.rows[0]._tr)
    for element in template.findall(qn("w:trPr")):
        template.remove(element)
    for element in template.iter(qn("w:vAlign")):
        element.getparent().remove(element)
    for row in content.rows:
        _row(table, template, row)


def _row(table, template, row: SheetRow) -> None:
    tr = word._new_row(table, template)
    cells = tr.findall(qn("w:tc"))
    strong = row.kind in STRONG
    documents = [((f"- {d}" if len(row.documents) > 1 else d), False, False) for d in row.documents] or [("", False, False)]
    values = [
        ([(row.code, strong, False)], "center"),
        ([(row.title, strong, False)], "right" if row.kind in ("area_total", "total") else "left"),
        ([(row.max_score, strong, False)], "center"), ([(row.self_score, strong, False)], "center"),
        (documents, "left"), ([(row.explanation, False, False)], "left"),
    ]
    for tc, (lines, align) in zip(cells, values):
        word._write_cell(tc, lines, 11, align)
