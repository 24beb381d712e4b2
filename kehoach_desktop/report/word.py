"""The report as an editable Word file (.docx), with the same structure and fonts as the PDF.

Times New Roman (which Word has), A4 portrait body with the decree's margins, the annex in a
landscape section numbered on its own, its header row repeated on every page. python-docx
has no API for a few of these (page number fields, repeated header rows, cell merges done
fast), so they are written as the WordprocessingML elements Word itself writes.
"""

from __future__ import annotations

import copy
import io
from typing import Callable

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.document import Document as DocumentObject
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph

from .content import AnnexRow, BlockKind, ReportContent
from .fonts import WORD_FONT

MOTTO = "Độc lập - Tự do - Hạnh phúc"
BODY_WIDTH_MM = 210 - 30 - 15
ANNEX_WIDTH_MM = 297 - 30 - 15
ANNEX_COLUMNS_MM = [12, 70, 17, 22, 50, 23, 58]
ANNEX_SCORED_COLUMNS_MM = [12, 60, 17, 22, 42, 23, 48, 14, 14]
ANNEX_HEADER = ["STT", "Nhiệm vụ", "Vai trò", "Thời hạn", "Kết quả thực hiện", "Tình trạng",
                "Tài liệu kiểm chứng (số, ký hiệu, ngày, cơ quan ban hành)"]
CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY

Progress = Callable[[int, int, str], object]
_SECT_PR = qn("w:sectPr")


def render_docx(content: ReportContent, progress: Progress | None = None) -> bytes:
    document = Document()
    _set_fonts(document)
    section = document.sections[0]
    _page(section, landscape=False)
    _page_numbers(section)
    _header_block(document, content)
    _title_block(document, content)
    styles = {BlockKind.HEADING: (True, False), BlockKind.SUBHEADING: (True, False),
              BlockKind.MINOR: (True, True), BlockKind.PARAGRAPH: (False, False)}
    for block in content.blocks:
        bold, italic = styles[block.kind]
        paragraph = _paragraph(document, block.text, bold=bold, italic=italic, align=JUSTIFY, size=14)
        _body_format(paragraph)
        if block.kind != BlockKind.PARAGRAPH:
            paragraph.paragraph_format.keep_with_next = True
    _signature_block(document, content)
    if content.annex_groups:
        _annex(document, content, progress)
    _table_annexes(document, content)  # issue 11
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- page setup and fonts ------------------------------------------------------------------------


def _set_fonts(document) -> None:
    """Times New Roman for every script (ascii, Vietnamese, complex, East Asian), 14 pt, black."""
    for name in ("Normal", "Table Grid"):
        style = document.styles[name]
        style.font.name = WORD_FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), WORD_FONT)
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    document.core_properties.author = ""


def _page(section, *, landscape: bool) -> None:
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def _page_numbers(section, *, restart: bool = False) -> None:
    """A centred PAGE field in the header, none on the section's first page; optionally from 1 again."""
    section.different_first_page_header_footer = True
    section.header.is_linked_to_previous = False
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(13)
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text.strip() == "PAGE":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text
    if restart:
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        section._sectPr.append(numbering)


# --- paragraphs --------------------------------------------------------------------------------


def _add_paragraph(container):
    """container.add_paragraph(), in constant time for the document body (issue 17).

    python-docx looks for the body's closing w:sectPr from the first child on at every call,
    quadratic in a long report; the body's last child is that sectPr, so insert before it.
    """
    if isinstance(container, DocumentObject):
        last = container.element.body[-1]  # len(body) would count every child: no
        if last.tag == _SECT_PR:
            p = OxmlElement("w:p")
            last.addprevious(p)
            return Paragraph(p, container._body)
    return container.add_paragraph()


def _paragraph(container, text: str, *, bold=False, italic=False, size=14, align=CENTER):
    paragraph = _add_paragraph(container)
    paragraph.alignment = align
    _run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def _run(paragraph, text: str, *, bold=False, italic=False, size=14):
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    run.font.size = Pt(size)
    return run


def _body_format(paragraph) -> None:
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Cm(1.27)
    fmt.space_after = Pt(6)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(18)


def _rule_under(paragraph, rule_mm: float, column_mm: float) -> None:
    """A bottom border exactly `rule_mm` long, centred: the paragraph is indented to that width."""
    indent = max((column_mm - rule_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(indent)
    paragraph.paragraph_format.right_indent = Mm(indent)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _text_mm(text: str, size: float, bold: bool) -> float:
    """The printed width of a line in Times New Roman (Tinos has the same metrics)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from .fonts import BOLD, REGULAR, register_pdf_fonts

    register_pdf_fonts()
    return stringWidth(text, BOLD if bold else REGULAR, size) / 72 * 25.4


def _no_borders(table) -> None:
    """A layout table (header, signature): no lines, no cell margins."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)
    _cell_margins(table, 0)


def _cell_margins(table, side_mm: float, top_mm: float = 0) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge, value in (("top", top_mm), ("left", side_mm), ("bottom", top_mm), ("right", side_mm)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(int(Mm(value).twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _widths(table, widths_mm: list[float]) -> None:
    """Fixed column widths, in the grid (LibreOffice reads these) and in each cell (Word reads those)."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        column.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)


def _cell_paragraph(cell, text: str, *, bold=False, italic=False, size=14, align=CENTER, first=True):
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = align
    if text:
        _run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


# --- the blocks --------------------------------------------------------------------------------


def _header_block(document, content: ReportContent) -> None:
    left_mm = BODY_WIDTH_MM * 0.42
    right_mm = BODY_WIDTH_MM - left_mm
    table = document.add_table(rows=2, cols=2)
    _no_borders(table)
    _widths(table, [left_mm, right_mm])
    left, right = table.cell(0, 0), table.cell(0, 1)
    first = True
    if content.governing_body:
        _cell_paragraph(left, content.governing_body, size=13)
        first = False
    for line in content.agency:
        _cell_paragraph(left, line, bold=True, size=13, first=first)
        first = False
    longest = max(_text_mm(line, 13, True) for line in content.agency)
    rule = left.add_paragraph()
    _rule_under(rule, min(longest, left_mm) * 0.4, left_mm)
    _tight(rule, 4)
    _cell_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13)
    motto = _cell_paragraph(right, MOTTO, bold=True, size=14, first=False)
    _rule_under(motto, _text_mm(MOTTO, 14, True) + 0.5, right_mm)
    number = _cell_paragraph(table.cell(1, 0), content.number_line, size=13)
    date = _cell_paragraph(table.cell(1, 1), content.date_line, italic=True, size=14)
    for paragraph in (number, date):
        paragraph.paragraph_format.space_before = Pt(6)


def _tight(paragraph, size: float) -> None:
    """An empty paragraph only as tall as `size` points (it carries a rule)."""
    run = paragraph.add_run()
    run.font.size = Pt(size)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = Pt(size)


def _title_block(document, content: ReportContent) -> None:
    title = _paragraph(document, content.title, bold=True)
    title.paragraph_format.space_before = Pt(14)
    _paragraph(document, content.abstract, bold=True)
    rule = _add_paragraph(document)
    width = min(_text_mm(content.abstract, 14, True), BODY_WIDTH_MM) * 0.4
    _rule_under(rule, width, BODY_WIDTH_MM)
    _tight(rule, 4)
    rule.paragraph_format.space_after = Pt(10)
    if not content.addressees:
        return
    if len(content.addressees) == 1:
        paragraph = _paragraph(document, f"Kính gửi: {content.addressees[0].rstrip('.;')}.")
        paragraph.paragraph_format.space_after = Pt(10)
        return
    items = [f"- {name.rstrip('.;')};" for name in content.addressees]
    items[-1] = items[-1][:-1] + "."
    label_mm = _text_mm("Kính gửi:", 14, False) + 3
    list_mm = min(max(_text_mm(item, 14, False) for item in items) + 3, BODY_WIDTH_MM - label_mm - 13)
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, [label_mm, list_mm])
    _cell_paragraph(table.cell(0, 0), "Kính gửi:", align=LEFT)
    for n, item in enumerate(items):
        _cell_paragraph(table.cell(0, 1), item, align=LEFT, first=n == 0)
    _add_paragraph(document).paragraph_format.space_after = Pt(4)


def _signature_block(document, content: ReportContent) -> None:
    left_mm = BODY_WIDTH_MM * 0.45
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [left_mm, BODY_WIDTH_MM - left_mm])
    left, right = table.cell(0, 0), table.cell(0, 1)
    received = _cell_paragraph(left, "Nơi nhận:", bold=True, italic=True, size=12, align=LEFT)
    received.paragraph_format.space_before = Pt(2)  # level with the 14 pt title line
    for line in content.recipients:
        _cell_paragraph(left, line, size=11, align=LEFT, first=False)
    for n, line in enumerate(content.signature):
        _cell_paragraph(right, line, bold=True, first=n == 0)
    space = _cell_paragraph(right, "", first=not content.signature)
    space.paragraph_format.space_after = Pt(72)  # room for the signature and the seal
    if content.signer_name:
        _cell_paragraph(right, content.signer_name, bold=True, first=False)
    # The closing paragraph stays on the page of the signature.
    table.rows[0]._tr.get_or_add_trPr().append(_on(OxmlElement("w:cantSplit")))
    document.paragraphs[-1].paragraph_format.keep_with_next = True


def _on(element):
    element.set(qn("w:val"), "true")
    return element


# --- annex -------------------------------------------------------------------------------------


def _annex(document, content: ReportContent, progress: Progress | None) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape=True)
    _page_numbers(section, restart=True)
    for line in content.annex_title:
        _paragraph(document, line, bold=True)
    subtitle = _paragraph(document, content.annex_subtitle, italic=True)
    subtitle.paragraph_format.space_after = Pt(8)
    widths = ANNEX_SCORED_COLUMNS_MM if content.has_scores else ANNEX_COLUMNS_MM
    scale = ANNEX_WIDTH_MM / sum(widths)
    widths = [w * scale for w in widths]
    names = ANNEX_HEADER + (["Điểm tối đa", "Điểm tự chấm"] if content.has_scores else [])
    table = document.add_table(rows=1, cols=len(names))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    _cell_margins(table, 1, 0.7)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(_on(OxmlElement("w:tblHeader")))  # repeat on every page
    for cell, name in zip(header.cells, names):
        _cell_paragraph(cell, name, bold=True, size=12)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    template = copy.deepcopy(table.rows[0]._tr)  # a row with the right cell widths, to clone fast
    for element in template.findall(qn("w:trPr")):
        template.remove(element)
    for element in template.iter(qn("w:vAlign")):
        element.getparent().remove(element)
    _empty_cells(template)
    total, done = content.annex_row_count, 0
    for group in content.annex_groups:
        _group_row(table, template, group.title, len(names))
        for row in group.rows:
            _task_row(table, template, row, content.has_scores)
            done += 1
            if progress is not None and done % 50 == 0:
                progress(done, total, f"Đang ghi phụ lục: {done}/{total} nhiệm vụ…")


def _empty_cells(template) -> None:
    for paragraph in template.iter(_P):  # the header's texts out, once, not in every copy
        for child in list(paragraph):
            if child.tag != _P_PR:
                paragraph.remove(child)


def _new_row(table, template):
    tr = _copy(template)
    table._tbl.append(tr)
    return tr


def _copy(element):
    return element.__deepcopy__(None)  # lxml's own deep copy, without copy.deepcopy's memo


def _write_cell(tc, lines: list[tuple[str, bool, bool]], size: float, align: str) -> None:
    """Fill a cloned cell: one paragraph per (text, bold, italic) line."""
    first = tc.find(_P)
    for n, (text, bold, italic) in enumerate(lines):
        paragraph = first if n == 0 else _copy(first)
        for child in list(paragraph):
            if child.tag != _P_PR:
                paragraph.remove(child)
        _align(paragraph, align)
        paragraph.append(_fast_run(text, bold, italic, size))
        if n:
            tc.append(paragraph)


def _align(paragraph, align: str) -> None:
    properties = paragraph.find(_P_PR)
    if properties is None:
        properties = _copy(_prototype("pPr"))
        paragraph.insert(0, properties)
    for old in properties.findall(_JC):
        properties.remove(old)
    properties.append(_copy(_prototype("jc", align)))


_P, _P_PR, _JC = qn("w:p"), qn("w:pPr"), qn("w:jc")
_PROTOTYPES: dict[tuple, object] = {}


def _prototype(kind: str, *key):
    """Elements the annex writes for every cell, made once and copied: OxmlElement parses XML text."""
    found = _PROTOTYPES.get((kind, *key))
    if found is None:
        if kind == "run":
            found = _new_run("", *key)
        else:
            found = OxmlElement(f"w:{kind}")
            if kind == "jc":
                found.set(qn("w:val"), key[0])
        _PROTOTYPES[(kind, *key)] = found
    return found


def _fast_run(text: str, bold: bool, italic: bool, size: float):
    run = _copy(_prototype("run", bold, italic, size))
    run[-1].text = text  # the w:t
    return run


def _new_run(text: str, bold: bool, italic: bool, size: float):
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    if bold:
        properties.append(OxmlElement("w:b"))
    if italic:
        properties.append(OxmlElement("w:i"))
    size_element = OxmlElement("w:sz")
    size_element.set(qn("w:val"), str(int(size * 2)))
    properties.append(size_element)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = text
    run.append(text_element)
    return run


def _group_row(table, template, title: str, columns: int) -> None:
    tr = _new_row(table, template)
    cells = tr.findall(qn("w:tc"))
    first = cells[0]
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), str(columns))
    first.get_or_add_tcPr().append(span)
    width = first.tcPr.find(qn("w:tcW"))
    if width is not None:
        total = sum(int(cell.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for cell in cells)
        width.set(qn("w:w"), str(total))
    for cell in cells[1:]:
        tr.remove(cell)
    _write_cell(first, [(title, True, False)], 12, "left")
    for properties in first.iter(qn("w:pPr")):  # the heading stays with the first row under it (issue 13)
        properties.insert(0, OxmlElement("w:keepNext"))


def _task_row(table, template, row: AnnexRow, scored: bool) -> None:
    tr = _new_row(table, template)
    cells = tr.findall(qn("w:tc"))
    task = [(row.content, False, False)] + ([(f"({row.criterion})", False, True)] if row.criterion else [])
    evidence = [((f"- {item}" if len(row.evidence) > 1 else item), False, False) for item in row.evidence] or [
        ("", False, False)]
    values = [
        ([(str(row.number), False, False)], "center"), (task, "left"), ([(row.role, False, False)], "center"),
        ([(row.deadline, False, False)], "center"), ([(row.result, False, False)], "left"),
        ([(row.status, False, False)], "center"), (evidence, "left"),
    ]
    if scored:
        values += [([(row.max_score, False, False)], "center"), ([(row.score, False, False)], "center")]
    for tc, (lines, align) in zip(cells, values):
        _write_cell(tc, lines, 11, align)


# --- annexes as plain tables (issue 11: the consolidated report) ----------------------------------


def _table_annexes(document, content: ReportContent) -> None:
    for annex in content.extra_annexes:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        _page(section, landscape=True)
        _page_numbers(section, restart=True)
        for line in annex.title:
            _paragraph(document, line, bold=True)
        subtitle = _paragraph(document, annex.subtitle, italic=True)
        subtitle.paragraph_format.space_after = Pt(8)
        table = document.add_table(rows=1, cols=len(annex.headers))
        table.style = document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _widths(table, [w * ANNEX_WIDTH_MM / sum(annex.widths) for w in annex.widths])
        _cell_margins(table, 1, 0.7)
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(_on(OxmlElement("w:tblHeader")))  # repeat on every page
        for cell, name in zip(header.cells, annex.headers):
            _cell_paragraph(cell, name, bold=True, size=12)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for values in annex.rows:
            cells = table.add_row().cells
            if len(values) == 1:
                merged = cells[0].merge(cells[-1])
                _cell_paragraph(merged, values[0], bold=True, size=12, align=LEFT)
                continue
            for i, (cell, value) in enumerate(zip(cells, values)):
                _cell_paragraph(cell, value, size=12, align=CENTER if i in annex.centred else LEFT)
