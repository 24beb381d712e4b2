"""The score sheet as a PDF: the report engine's header, cells and signature on landscape pages."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, KeepTogether, PageTemplate, Paragraph, Spacer, Table, TableStyle

from ..report.fonts import BOLD, REGULAR, register_pdf_fonts
from ..report.pdf import (
    draw_page_number,
    _CELL_PADDING, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_NUMBER_SIZE, TABLE_SIZE, CellText,
    Styles, _frame, _header, _signature, _text,
)
from .sheet import COLUMNS_MM, HEADER, SheetContent, SheetRow

STRONG = ("annex", "area", "area_total", "total")


def render_pdf(content: SheetContent) -> bytes:
    register_pdf_fonts()
    styles = Styles()
    out = io.BytesIO()
    size = landscape(A4)
    width = size[0] - MARGIN_LEFT - MARGIN_RIGHT
    doc = BaseDocTemplate(
        out, pagesize=size, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=content.abstract, author=content.agency_name, subject=content.abstract,
        creator="kehoach_desktop", initialFontName=REGULAR, initialFontSize=14,
    )
    doc.addPageTemplates([PageTemplate("sheet", [_frame(size)], onPage=_page_number, pagesize=size)])
    flowables = [_header(content, styles, width), Spacer(1, 12)]
    flowables += [Paragraph(_text(line), styles.annex_title) for line in content.title]
    flowables.append(Paragraph(_text(content.subtitle), styles.annex_subtitle))
    body, last = content.rows[:-1], content.rows[-1:]  # the index total stays with the signature
    flowables.append(_table(body, styles, width, header=True))
    flowables.append(KeepTogether([_table(last, styles, width, header=False), Spacer(1, 10),
                                   _signature(content, styles, width)]))
    doc.build(flowables)
    return out.getvalue()


def _page_number(canvas, doc) -> None:
    draw_page_number(canvas, canvas.getPageNumber())


def _table(rows_in: list[SheetRow], styles: Styles, width: float, *, header: bool) -> Table:
    scale = width / (sum(COLUMNS_MM) * mm)
    widths = [w * mm * scale for w in COLUMNS_MM]
    rows = [[Paragraph(_text(name), styles.head_cell) for name in HEADER]] if header else []
    commands = list(_CELL_PADDING) + ([("VALIGN", (0, 0), (-1, 0), "MIDDLE")] if header else [])
    for n, row in enumerate(rows_in, start=len(rows)):
        rows.append(_cells(row))
        if row.kind in ("area_total", "total"):
            commands.append(("SPAN", (0, n), (1, n)))
        elif row.kind == "annex":
            commands.append(("SPAN", (0, n), (-1, n)))
    return Table(rows, colWidths=widths, repeatRows=1 if header else 0, style=TableStyle(commands))


def _cells(row: SheetRow) -> list:
    font = BOLD if row.kind in STRONG else REGULAR
    documents = [(f"- {d}" if len(row.documents) > 1 else d, REGULAR) for d in row.documents]
    if row.kind == "annex":  # one cell across the table
        return [CellText([(row.title, font)])] + [""] * (len(HEADER) - 1)
    if row.kind in ("area_total", "total"):  # the label spans STT and the title
        first, second = CellText([(row.title, font)], centred=True), ""
    else:
        first, second = CellText([(row.code, font)], centred=True), CellText([(row.title, font)])
    return [
        first, second,
        CellText([(row.max_score, font)], centred=True), CellText([(row.self_score, font)], centred=True),
        CellText(documents, TABLE_SIZE), CellText([(row.explanation, REGULAR)] if row.explanation else []),
    ]
