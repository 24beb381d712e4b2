"""The report as a PDF in the format of Decree 30/2020/NĐ-CP (Phụ lục I), with reportlab.

Portrait A4 body (margins: top 20, bottom 20, left 30, right 15 mm), the annex in landscape;
Tinos (Times New Roman metrics) embedded; page numbers centred in the top margin from the
second page, the annex numbered on its own; the annex table's header row repeats on every page.
"""

from __future__ import annotations

import io
from typing import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
    Spacer, Table, TableStyle,
)

from .content import AnnexRow, Block, BlockKind, ReportContent
from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_pdf_fonts

MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
BODY_SIZE = 14
PAGE_NUMBER_SIZE = 13
FIRST_LINE_INDENT = 1.27 * cm
SIGNATURE_SPACE = 30 * mm  # room for the signature and the seal
# Columns of the annex table (landscape width 252 mm), in mm; the score columns only when scored.
ANNEX_COLUMNS = [("STT", 12), ("Nhiệm vụ", 70), ("Vai trò", 17), ("Thời hạn", 22), ("Kết quả thực hiện", 50),
                 ("Tình trạng", 23), ("Tài liệu kiểm chứng (số, ký hiệu, ngày, cơ quan ban hành)", 58)]
ANNEX_SCORED_COLUMNS = [("STT", 12), ("Nhiệm vụ", 60), ("Vai trò", 17), ("Thời hạn", 22), ("Kết quả thực hiện", 42),
                        ("Tình trạng", 23), ("Tài liệu kiểm chứng (số, ký hiệu, ngày, cơ quan ban hành)", 48),
                        ("Điểm tối đa", 14), ("Điểm tự chấm", 14)]
TABLE_SIZE = 11
ANNEX_HEADER_SIZE = 12

Progress = Callable[[int, int, str], object]


def _style(name: str, font: str = REGULAR, size: float = BODY_SIZE, align=TA_CENTER, **extra) -> ParagraphStyle:
    # No space shrinking: lines break as Word breaks them, and never reach past the margin.
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=extra.pop("leading", size * 1.2),
                          alignment=align, spaceShrinkage=0, **extra)


class Styles:
    """Every paragraph style of the report (created after the fonts are registered)."""

    def __init__(self):
        self.governing = _style("governing", size=13, leading=15)
        self.agency = _style("agency", BOLD, 13, leading=15)
        self.number = _style("number", size=13, leading=15)
        self.nation = _style("nation", BOLD, 13, leading=15)
        self.motto = _style("motto", BOLD, 14, leading=16)
        self.date = _style("date", ITALIC, 14, leading=16)
        self.title = _style("title", BOLD, 14, leading=17)
        self.addressee = _style("addressee", size=14, leading=17, align=TA_LEFT)
        body = dict(leading=18, spaceAfter=6, firstLineIndent=FIRST_LINE_INDENT, align=TA_JUSTIFY)
        self.body = _style("body", **body)
        # Headings stay with the first paragraph under them (issue 13).
        self.heading = _style("heading", BOLD, keepWithNext=1, **body)
        self.subheading = _style("subheading", BOLD, keepWithNext=1, **body)
        self.minor = _style("minor", BOLD_ITALIC, keepWithNext=1, **body)
        self.received = _style("received", BOLD_ITALIC, 12, leading=14, align=TA_LEFT)
        self.recipient = _style("recipient", size=11, leading=13, align=TA_LEFT)
        self.signature = _style("signature", BOLD, 14, leading=17)
        self.annex_title = _style("annex_title", BOLD, 14, leading=17)
        self.annex_subtitle = _style("annex_subtitle", ITALIC, 14, leading=17, spaceAfter=8)
        self.cell = _style("cell", size=TABLE_SIZE, leading=13, align=TA_LEFT)
        self.cell_center = _style("cell_center", size=TABLE_SIZE, leading=13)
        self.cell_note = _style("cell_note", ITALIC, TABLE_SIZE, leading=13, align=TA_LEFT)
        self.head_cell = _style("head_cell", BOLD, ANNEX_HEADER_SIZE, leading=14)
        self.group = _style("group", BOLD, TABLE_SIZE + 1, leading=14, align=TA_LEFT)


class Rule(Flowable):
    """A horizontal rule of an exact width, centred in its column (under the motto, the agency…)."""

    def __init__(self, width: float, space_before: float = 1.5, space_after: float = 2, thickness: float = 0.6):
        super().__init__()
        self.rule_width, self.thickness = width, thickness
        self.space_before, self.space_after = space_before, space_after

    def wrap(self, avail_width, avail_height):
        self.avail_width = avail_width
        return avail_width, self.space_before + self.space_after

    def draw(self):
        left = (self.avail_width - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        y = self.space_after
        self.canv.line(left, y, left + self.rule_width, y)


def _text(value: str) -> str:
    """Text for a reportlab Paragraph: markup characters escaped, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


class _Pages:
    """Page numbers (the body from its 2nd page, the annex from its own 2nd page, restarting at 1)
    and the annex header row drawn at the top of every annex page after the first."""

    def __init__(self, annex_header: Table | None, annex_width: float):
        self.annex_first_page: int | None = None
        self.annex_header = annex_header
        self.header_height = annex_header.wrap(annex_width, 1000)[1] if annex_header else 0
        self.header_form = ""
        self.table_headers: list[tuple[Table, float]] = []  # each table annex's header row and its height

    def table_next(self, number: int):
        """onPage of a table annex's pages after its first: the page number and its header row."""
        header, height = self.table_headers[number]

        def draw(canvas, doc) -> None:
            self._draw(canvas, doc, canvas.getPageNumber())
            header.drawOn(canvas, MARGIN_LEFT, canvas._pagesize[1] - MARGIN_TOP - height)

        return draw

    def body_page(self, canvas, doc) -> None:
        self._draw(canvas, doc, canvas.getPageNumber())

    def annex_first(self, canvas, doc) -> None:
        self.annex_first_page = canvas.getPageNumber()

    def annex_next(self, canvas, doc) -> None:
        self._draw(canvas, doc, canvas.getPageNumber() - (self.annex_first_page or 1) + 1)
        height = canvas._pagesize[1]
        if not self.header_form:  # drawn once as a form, in page coordinates, placed on every page
            self.header_form = "annexHeader"
            canvas.beginForm(self.header_form)
            self.annex_header.drawOn(canvas, MARGIN_LEFT, height - MARGIN_TOP - self.header_height)
            canvas.endForm()
        canvas.doForm(self.header_form)

    def _draw(self, canvas, doc, number: int) -> None:
        draw_page_number(canvas, number)


def draw_page_number(canvas, number: int) -> None:
    """The page number centred in the top margin, from the second page on (Decree 30)."""
    if number < 2:
        return
    width, height = canvas._pagesize
    canvas.setFont(REGULAR, PAGE_NUMBER_SIZE)
    centre = MARGIN_LEFT + (width - MARGIN_LEFT - MARGIN_RIGHT) / 2
    canvas.drawCentredString(centre, height - MARGIN_TOP / 2 - PAGE_NUMBER_SIZE / 3, str(number))


def render_pdf(content: ReportContent, progress: Progress | None = None) -> bytes:
    register_pdf_fonts()
    styles = Styles()
    out = io.BytesIO()
    portrait_size, landscape_size = A4, landscape(A4)
    annex_width = landscape_size[0] - MARGIN_LEFT - MARGIN_RIGHT
    header = annex_header_table(content, styles, annex_width) if content.annex_groups else None
    pages = _Pages(header, annex_width)
    doc = BaseDocTemplate(
        out, pagesize=portrait_size, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=f"{content.title} {content.abstract}", author=content.agency_name,
        subject=content.abstract, creator="kehoach_desktop", initialFontName=REGULAR, initialFontSize=BODY_SIZE,
        invariant=1,  # the same content gives the same bytes: an issued report reprints identically
    )
    doc.addPageTemplates([
        PageTemplate("body", [_frame(portrait_size)], onPage=pages.body_page, pagesize=portrait_size),
        PageTemplate("annex", [_frame(landscape_size)], onPage=pages.annex_first, pagesize=landscape_size,
                     autoNextPageTemplate="annex_next"),
        PageTemplate("annex_next", [_frame(landscape_size, below=pages.header_height)], onPage=pages.annex_next,
                     pagesize=landscape_size),
    ])
    for number, annex in enumerate(content.extra_annexes):  # issue 11: each with its header row on every page
        header = table_header(annex, styles, annex_width)
        height = header.wrap(annex_width, 1000)[1]
        pages.table_headers.append((header, height))
        doc.addPageTemplates([
            PageTemplate(f"table_annex{number}", [_frame(landscape_size)], onPage=pages.body_page,
                         pagesize=landscape_size, autoNextPageTemplate=f"table_annex{number}_next"),
            PageTemplate(f"table_annex{number}_next", [_frame(landscape_size, below=height)],
                         onPage=pages.table_next(number), pagesize=landscape_size),
        ])
    flowables = _body(content, styles, doc.width)
    if content.annex_groups:
        flowables += [NextPageTemplate("annex"), PageBreak()]
        room = landscape_size[1] - MARGIN_TOP - MARGIN_BOTTOM - pages.header_height
        flowables += _annex(content, styles, annex_width, room)
    flowables += _table_annexes(content, styles, annex_width)  # issue 11
    if progress is not None:
        doc.setProgressCallBack(_progress_adapter(progress))
    doc.build(flowables)
    return out.getvalue()


def _frame(size, below: float = 0) -> Frame:
    """The text area inside the margins; `below` leaves room at the top for the annex header row."""
    width, height = size
    return Frame(MARGIN_LEFT, MARGIN_BOTTOM, width - MARGIN_LEFT - MARGIN_RIGHT,
                 height - MARGIN_TOP - MARGIN_BOTTOM - below,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def _progress_adapter(progress: Progress):
    state = {"total": 0, "page": 0}

    def callback(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["total"] = value
        elif kind == "PAGE":
            state["page"] = value
        elif kind == "PROGRESS":
            progress(value, state["total"], f"Đang dựng trang {state['page'] or 1} của báo cáo…")
    return callback


# --- body ----------------------------------------------------------------------------------------


def _body(content: ReportContent, styles: Styles, width: float) -> list:
    flowables: list = [_header(content, styles, width), Spacer(1, 14)]
    flowables.append(Paragraph(_text(content.title), styles.title))
    flowables.append(Paragraph(_text(content.abstract), styles.title))
    abstract_width = min(_width(content.abstract, BOLD, 14), width)
    flowables.append(Rule(abstract_width * 0.4, space_before=3, space_after=1))
    flowables.append(Spacer(1, 10))
    if content.addressees:
        flowables += [_addressees(content.addressees, styles, width), Spacer(1, 10)]
    paragraph_style = {BlockKind.HEADING: styles.heading, BlockKind.SUBHEADING: styles.subheading,
                       BlockKind.MINOR: styles.minor, BlockKind.PARAGRAPH: styles.body}
    blocks = list(content.blocks)
    closing = blocks.pop() if blocks else None
    for block in blocks:
        if block.kind == BlockKind.SUBHEADING and block.text.startswith("2. "):  # issue 16: the chart first
            flowables += _chart(content, width)
        flowables.append(_block(block, paragraph_style))
    ending = [_block(closing, paragraph_style)] if closing else []
    ending += [Spacer(1, 6), _signature(content, styles, width)]
    flowables.append(KeepTogether(ending))  # the signature never stands alone on a page
    return flowables


def _block(block: Block, styles: dict) -> Paragraph:
    return Paragraph(_text(block.text), styles[block.kind])


# Layout tables (header, Kính gửi, signature): no padding; FONT so that no Helvetica is ever named.
_LAYOUT = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), REGULAR, BODY_SIZE),
    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def _header(content: ReportContent, styles: Styles, width: float) -> Table:
    """Agency and number on the left, the national name, motto and date line on the right."""
    left_width = width * 0.42
    right_width = width - left_width
    agency_size = 13
    left = []
    if content.governing_body:
        left.append(Paragraph(_text(content.governing_body), styles.governing))
    left += [Paragraph(_text(line), styles.agency) for line in content.agency]
    longest = max((_width(line, BOLD, agency_size) for line in content.agency), default=0)
    left.append(Rule(min(longest, left_width) * 0.4))
    motto = "Độc lập - Tự do - Hạnh phúc"
    right = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", styles.nation),
        Paragraph(motto, styles.motto),
        Rule(_width(motto, BOLD, 14)),
    ]
    table = Table(
        [[left, right], [Paragraph(_text(content.number_line), styles.number),
                         Paragraph(_text(content.date_line), styles.date)]],
        colWidths=[left_width, right_width],
    )
    table.setStyle(TableStyle(_LAYOUT + [
        ("TOPPADDING", (0, 1), (-1, 1), 6),
        # "Số:" (13 pt) level with the date line (14 pt): same baseline.
        ("TOPPADDING", (0, 1), (0, 1), 6 + getAscent(ITALIC, 14) - getAscent(REGULAR, 13)),
    ]))
    return table


def _addressees(addressees: list[str], styles: Styles, width: float) -> Flowable:
    if len(addressees) == 1:
        style = ParagraphStyle("one_addressee", parent=styles.addressee, alignment=TA_CENTER)
        return Paragraph(_text(f"Kính gửi: {addressees[0].rstrip('.;')}."), style)
    items = [f"- {name.rstrip('.;')};" for name in addressees]
    items[-1] = items[-1][:-1] + "."
    label = "Kính gửi:"
    label_width = _width(label, REGULAR, 14) + 6
    list_width = min(max(_width(item, REGULAR, 14) for item in items) + 4, width - label_width - FIRST_LINE_INDENT)
    table = Table([[Paragraph(label, styles.addressee), [Paragraph(_text(i), styles.addressee) for i in items]]],
                  colWidths=[label_width, list_width])
    table.setStyle(TableStyle(_LAYOUT + [
    ]))
    return table


def _signature(content: ReportContent, styles: Styles, width: float) -> Table:
    """Nơi nhận at the left margin, level with the signer's title; the signature block on the right."""
    left_width = width * 0.45
    received = [Paragraph("Nơi nhận:", styles.received)]
    received += [Paragraph(_text(line), styles.recipient) for line in content.recipients]
    signing = [Paragraph(_text(line), styles.signature) for line in content.signature]
    signing.append(Spacer(1, SIGNATURE_SPACE))
    if content.signer_name:
        signing.append(Paragraph(_text(content.signer_name), styles.signature))
    # Same baseline for "Nơi nhận:" (12 pt) and the first title line (14 pt).
    lift = getAscent(BOLD, 14) - getAscent(BOLD_ITALIC, 12)
    table = Table([[received, signing]], colWidths=[left_width, width - left_width])
    table.setStyle(TableStyle(_LAYOUT + [
        ("TOPPADDING", (0, 0), (0, 0), max(lift, 0)),
    ]))
    return table


# --- annex ---------------------------------------------------------------------------------------
#
# Thousands of rows: every row is its own flowable (one big reportlab table re-measures all its
# remaining rows at every page break, and splits only between rows), every cell a CellText split
# once into plain lines; the header row is drawn by the page template on each page after the first.


class CellText(Flowable):
    """A table cell's text: (text, font) parts split into lines once, drawn as plain strings."""

    def __init__(self, parts: list[tuple[str, str]], size: float = TABLE_SIZE, leading: float = 13,
                 centred: bool = False):
        super().__init__()
        self.parts, self.size, self.leading, self.centred = parts, size, leading, centred
        self._lines: list[tuple[str, str]] = []
        self._split_width = None

    def wrap(self, avail_width, avail_height):
        if self._split_width != avail_width:
            self._lines = [(line, font) for text, font in self.parts
                           for line in simpleSplit(text, font, self.size, avail_width)]
            self._split_width = avail_width
        self.width, self.height = avail_width, len(self._lines) * self.leading
        return self.width, self.height

    def lines_from(self, start: int, stop: int, width: float) -> "CellText":
        """The lines start…stop of this cell, as a cell of a continuation row."""
        part = CellText([], self.size, self.leading, self.centred)
        part._lines, part._split_width = self._lines[start:stop], width
        part.width, part.height = width, len(part._lines) * self.leading
        return part

    def draw(self):
        ascent = getAscent(REGULAR, self.size)
        top = len(self._lines) * self.leading
        text = self.canv.beginText()  # one text object per cell: far cheaper than a drawString per line
        current = None
        for n, (line, font) in enumerate(self._lines):
            if font != current:
                text.setFont(font, self.size)
                current = font
            x = (self.width - stringWidth(line, font, self.size)) / 2 if self.centred else 0
            text.setTextOrigin(x, top - n * self.leading - ascent)
            text.textOut(line)
        self.canv.drawText(text)


def _annex_columns(content: ReportContent, width: float) -> tuple[list[str], list[float]]:
    columns = ANNEX_SCORED_COLUMNS if content.has_scores else ANNEX_COLUMNS
    scale = width / (sum(w for _, w in columns) * mm)
    return [name for name, _ in columns], [w * mm * scale for _, w in columns]


_CELL_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("FONT", (0, 0), (-1, -1), REGULAR, TABLE_SIZE),
]


def annex_header_table(content: ReportContent, styles: Styles, width: float) -> Table:
    return _header_row(*_annex_columns(content, width), styles)


def _header_row(names: list[str], widths: list[float], styles: Styles) -> Table:
    """An annex's header row, as its first page shows it and the page template repeats it."""
    table = Table([[Paragraph(_text(name), styles.head_cell) for name in names]], colWidths=widths)
    table.setStyle(TableStyle(_CELL_PADDING + [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _annex(content: ReportContent, styles: Styles, width: float, room: float) -> list:
    """The annex title and its rows; each row a flowable that splits at a line boundary (issue 13)."""
    flowables: list = [Paragraph(_text(line), styles.annex_title) for line in content.annex_title]
    flowables.append(Paragraph(_text(content.annex_subtitle), styles.annex_subtitle))
    flowables.append(annex_header_table(content, styles, width))
    _, widths = _annex_columns(content, width)
    headings: list[CellText] = []
    for group in content.annex_groups:
        headings.append(CellText([(group.title, BOLD)], TABLE_SIZE + 1, 14))
        for row in group.rows:
            flowables.append(AnnexRowFlowable(_annex_cells(row, content.has_scores), widths, headings))
            headings = []
    if headings:  # a heading with no row under it (an index with no task of the agency)
        flowables.append(AnnexRowFlowable([], widths, headings))
    return flowables


PAD_TOP, PAD_BOTTOM, PAD_SIDE = 2, 3, 3
MIN_LINES = 2  # lines of a row kept on each side of a page break


class AnnexRowFlowable(Flowable):
    """One annex row (with the headings above it, kept with it), drawn as table cells with a grid.

    A row taller than the room left on a page is cut at a line boundary: the rest goes on the
    next page with its STT repeated and "(tiếp)" above the task, so no page is left part empty.
    """

    def __init__(self, cells: list, widths: list[float], headings: list | None = None, leading: float = 13):
        super().__init__()
        self.cells, self.widths, self.headings, self.leading = cells, widths, list(headings or []), leading

    def _heights(self) -> tuple[list[float], float]:
        total = sum(self.widths)
        heads = [cell.wrap(total - 2 * PAD_SIDE, 10 ** 6)[1] + PAD_TOP + PAD_BOTTOM for cell in self.headings]
        body = 0.0
        if self.cells:
            body = max(cell.wrap(width - 2 * PAD_SIDE, 10 ** 6)[1] for cell, width in zip(self.cells, self.widths))
            body += PAD_TOP + PAD_BOTTOM
        return heads, body

    def wrap(self, avail_width, avail_height):
        heads, body = self._heights()
        self.width, self.height = sum(self.widths), sum(heads) + body
        return self.width, self.height

    def _lines(self) -> int:
        return max((len(cell._lines) for cell in self.cells), default=0)

    def split(self, avail_width, avail_height):
        heads, _ = self._heights()
        fit = int((avail_height - sum(heads) - PAD_TOP - PAD_BOTTOM) // self.leading)
        lines = self._lines()
        fit = min(fit, lines - MIN_LINES)  # never a lone line carried over
        if fit < MIN_LINES:
            return []  # move whole: too little room left here
        first = [cell.lines_from(0, fit, width - 2 * PAD_SIDE) for cell, width in zip(self.cells, self.widths)]
        rest = [cell.lines_from(fit, lines, width - 2 * PAD_SIDE) for cell, width in zip(self.cells, self.widths)]
        rest[0] = self.cells[0].lines_from(0, 1, self.widths[0] - 2 * PAD_SIDE)  # the STT again
        rest[1] = _continued(rest[1], self.widths[1] - 2 * PAD_SIDE)
        return [AnnexRowFlowable(first, self.widths, self.headings, self.leading),
                AnnexRowFlowable(rest, self.widths, [], self.leading)]

    def draw(self):
        canvas = self.canv
        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(colors.black)
        heads, body = self._heights()
        total = sum(self.widths)
        top = self.height
        for cell, height in zip(self.headings, heads):
            canvas.rect(0, top - height, total, height)
            cell.drawOn(canvas, PAD_SIDE, top - PAD_TOP - cell.height)
            top -= height
        x = 0.0
        for cell, width in zip(self.cells, self.widths):
            canvas.rect(x, top - body, width, body)
            cell.drawOn(canvas, x + PAD_SIDE, top - PAD_TOP - cell.height)
            x += width


def _continued(cell: "CellText", width: float) -> "CellText":
    """The task cell of a continuation row: "(tiếp)" above the rest of its lines."""
    part = CellText([], cell.size, cell.leading, cell.centred)
    part._lines = [("(tiếp)", ITALIC)] + list(cell._lines)
    part._split_width, part.width, part.height = width, width, len(part._lines) * cell.leading
    return part


def _annex_cells(row: AnnexRow, scored: bool) -> list:
    task = [(row.content, REGULAR)] + ([(f"({row.criterion})", ITALIC)] if row.criterion else [])
    evidence = [(f"- {item}" if len(row.evidence) > 1 else item, REGULAR) for item in row.evidence]
    cells = [
        CellText([(str(row.number), REGULAR)], centred=True), CellText(task),
        CellText([(row.role, REGULAR)], centred=True), CellText([(row.deadline, REGULAR)], centred=True),
        CellText([(row.result, REGULAR)]), CellText([(row.status, REGULAR)], centred=True), CellText(evidence),
    ]
    if scored:
        cells += [CellText([(row.max_score, REGULAR)], centred=True), CellText([(row.score, REGULAR)], centred=True)]
    return cells


# --- annexes as plain tables (issue 11: the consolidated report) ----------------------------------


def _table_widths(annex, width: float) -> list[float]:
    return [w * width / sum(annex.widths) for w in annex.widths]  # the annex's are relative


def table_header(annex, styles: Styles, width: float) -> Table:
    return _header_row(annex.headers, _table_widths(annex, width), styles)


def _table_annexes(content: ReportContent, styles: Styles, width: float) -> list:
    """Each table annex on its own landscape pages, drawn as the agency's annex is: a row taller
    than the room left is cut between lines ("(tiếp)" above the rest), the header row on every page."""
    flowables: list = []
    for number, annex in enumerate(content.extra_annexes):
        flowables += [NextPageTemplate(f"table_annex{number}"), PageBreak()]
        flowables += [Paragraph(_text(line), styles.annex_title) for line in annex.title]
        flowables.append(Paragraph(_text(annex.subtitle), styles.annex_subtitle))
        flowables.append(table_header(annex, styles, width))
        widths = _table_widths(annex, width)
        headings: list[CellText] = []
        for values in annex.rows:
            if len(values) == 1:  # a group heading across the table, kept with the row under it
                headings.append(CellText([(values[0], BOLD)]))
                continue
            cells = [CellText([(value, REGULAR)], centred=i in annex.centred) for i, value in enumerate(values)]
            flowables.append(AnnexRowFlowable(cells, widths, headings))
            headings = []
        if headings:
            flowables.append(AnnexRowFlowable([], widths, headings))
    return flowables


# --- the overview chart (issue 16) ---


def _chart(content: ReportContent, width: float) -> list:
    from .chart import progress_chart

    drawing = progress_chart(content, width)
    return [Spacer(1, 4), drawing, Spacer(1, 6)] if drawing is not None else []
