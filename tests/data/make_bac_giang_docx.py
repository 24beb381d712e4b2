#!/usr/bin/env python3
"""Write the annex of Bắc Giang plan 87/KH-UBND as a Word document (importer test data).

Source: the Phụ lục "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ DUY TRÌ, CẢI THIỆN CHỈ SỐ PAPI TỈNH BẮC
GIANG NĂM 2024" of Kế hoạch số 87/KH-UBND ngày 03/5/2024 của Chủ tịch UBND tỉnh Bắc Giang.
One table (STT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành), a flat
list of 21 tasks with no criterion column and no group rows. The three rows that the
published text split across page breaks (tasks 6, 12 and 20) are reassembled.

The transcription is plain Python data, one list per table row:

* a ``str`` is the cell text exactly as written in the plan (NFC); a ``\\n`` would start a
  new paragraph inside the cell (none of this annex's cells has one);
* ``UP`` means "merged with the cell above" and is written as a real vertical merge
  (``w:vMerge``) with ``a.merge(b)``: the lead agency where one agency leads consecutive
  tasks, and the cooperating agencies / deadline where they are identical inside such a run.

Judgements and source oddities: ``bac_giang_notes.md``; expected
importer results: ``bac_giang_expected.json``.

Usage (python-docx is the only dependency)::

    python tests/data/make_bac_giang_docx.py
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "bac-giang-87-KH-UBND-phu-luc.docx"


class _Sentinel:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


UP = _Sentinel("UP")  # merged with the cell above

FONT_NAME = "Times New Roman"
FONT_SIZE = Pt(12)

TITLE = [
    'Phụ lục',
    'PHÂN CÔNG THỰC HIỆN NHIỆM VỤ DUY TRÌ, CẢI THIỆN CHỈ SỐ PAPI TỈNH BẮC GIANG NĂM 2024',
    '(Kèm theo Kế hoạch số /KH-UBND ngày / 5/2024 của Chủ tịch UBND tỉnh Bắc Giang)',
]
HEADER = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành']
WIDTHS_CM = [1.3, 11.2, 4.4, 6.0, 2.8]

ROWS = [
    [
        '1.',
        'Tiếp tục tuyên truyền nội dung, mục đích, ý nghĩa của Chỉ số PAPI và trách nhiệm của chính quyền trong việc thực hiện nhiệm vụ cải thiện, nâng cao Chỉ số này.',
        'Sở Nội vụ',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '2.',
        'Kiểm tra việc thực hiện nâng cao Chỉ số PAPI; kiểm tra tình hình dân chủ cơ sở tại một số địa phương trong tỉnh',
        UP,
        UP,
        UP,
    ],
    [
        '3.',
        'Tăng cường kiểm soát TTHC; thường xuyên kiểm tra, đôn đốc các cơ quan, đơn vị, địa phương thực hiện niêm yết công khai TTHC theo quy định; tiến hành kiểm tra, rà soát TTHC để kiến nghị sửa đổi, bổ sung hoặc bãi bỏ; Giải quyết TTHC; đánh giá Công chức tại Trung tâm PVHCC tỉnh; Bộ phận Một cửa các cấp; Nâng cao hiệu quả khai thác, sử dụng dịch vụ công trực tuyến trên Cổng dịch vụ công.',
        'Văn phòng UBND tỉnh',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '4.',
        'Nâng cao chất lượng giáo dục và đào tạo, tạo môi trường giáo dục an toàn, lành mạnh, thân thiện, phòng chống bạo lực học đường. Đầu tư xây dựng cơ sở vật chất, trang thiết bị, nước uống, vệ sinh...cho cơ sở giáo dục; đảm bảo trẻ em trong độ tuổi đi học được đến trường.',
        'Sở Giáo dục và Đào tạo',
        'Các sở, ban, ngành, UBND cấp huyện.',
        'Thường xuyên',
    ],
    [
        '5.',
        'Tổ chức khảo sát mức độ hài lòng của tổ chức, cá nhân về chất lượng dịch vụ giáo dục công',
        UP,
        'Các sở, ban, ngành, UBND cấp huyện',
        UP,
    ],
    [
        '6.',
        'Thực hiện các biện pháp, giải pháp nâng cao y đức, trách nhiệm, thái độ phục vụ, chấn chỉnh những biểu hiện nhũng nhiễu, thiếu trách nhiệm với người bệnh trong quá trình điều trị, đặc biệt đối với các đối tượng chính sách (trẻ em dưới 6 tuổi, hộ nghèo, người dân tộc thiểu số...) có bảo hiểm y tế, khám, chữa bệnh miễn phí.',
        'Sở Y tế',
        'Bảo hiểm xã hội tỉnh; Bệnh viện tuyến tỉnh, tuyến huyện; UBND cấp huyện; UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '7.',
        'Đầu tư cơ sở hạ tầng đáp ứng nhu cầu khám chữa bệnh của nhân dân, nhất là tuyến y tế cơ sở. Chỉ đạo các cơ sở y tế để nắm bắt thông tin và giải quyết kịp thời các khó khăn, vướng mắc về khám, chữa bệnh và thanh toán chi phí khám, chữa bệnh bảo hiểm y tế.',
        UP,
        'Sở Kế hoạch và Đầu tư; Sở Tài chính; Bảo hiểm xã hội tỉnh; Bệnh viện tuyến tỉnh, tuyến huyện; UBND cấp huyện; UBND cấp xã',
        UP,
    ],
    [
        '8.',
        'Tổ chức khảo sát mức độ hài lòng của tổ chức, cá nhân về chất lượng dịch vụ y tế công',
        UP,
        'Các sở, ban, ngành, UBND cấp huyện',
        'Năm 2024',
    ],
    [
        '9.',
        'Tăng cường công khai, minh bạch và thực hiện kiểm tra giám sát quy hoạch, kế hoạch sử dụng đất, quy trình thu hồi đất và bồi thường giải phóng mặt bằng. Rà soát, đơn giản hóa các TTHC về lĩnh vực đất đai; tăng cường ứng dụng công nghệ thông tin trong lĩnh vực quản lý tài nguyên và môi trường...',
        'Sở Tài nguyên và Môi trường',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '10.',
        'Đẩy mạnh hoạt động quan trắc, kiểm kê khí thải, kiểm soát môi trường không khí trên địa bàn tỉnh, nhất là tại các cụm, khu công nghiệp. Triển khai các biện pháp thắt chặt quản lý, bảo vệ nguồn nước đối với sông, suối, kênh mương, hồ nước trên địa bàn tỉnh.',
        UP,
        UP,
        UP,
    ],
    [
        '11.',
        'Rà soát xác định các khu vực điểm nóng về môi trường, các vấn đề tồn tại về môi trường ở từng khu vực; tổng hợp báo cáo chỉ rõ những vấn đề tồn tại ở từng địa bàn và tham mưu biện pháp chỉ đạo giải quyết.',
        UP,
        UP,
        UP,
    ],
    [
        '12.',
        'Tăng cường quản lý Cổng thông tin điện tử của tỉnh; kiểm tra, đôn đốc các cơ quan, đơn vị, địa phương quản lý, khai thác sử dụng các Trang thông tin điện tử đáp ứng yêu cầu khai thác của tổ chức, cá nhân; đặc biệt việc áp dụng sử dụng dịch vụ công trực tuyến mức độ toàn trình, một phần.',
        'Sở Thông tin và Truyền thông',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '13.',
        'Tiếp nhận đầy đủ ý kiến, câu hỏi, yêu cầu của người dân trên cổng Thông tin điện tử; đảm bảo đăng tải kịp thời phản hồi đối với các vấn đề khúc mắc của tổ chức, công dân.',
        UP,
        UP,
        UP,
    ],
    [
        '14.',
        'Xây dựng các biện pháp, giải pháp tăng cường kiểm soát, phòng, chống tham nhũng. Hướng dẫn UBND cấp huyện, cấp xã tuyên truyền sâu rộng Luật phòng, chống tham nhũng đặc biệt đối với cấp xã tới mọi tầng lớp nhân dân.',
        'Thanh tra tỉnh',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '15.',
        'Tăng cường giải quyết khiếu nại, tố cáo theo quy định, từng bước giải quyết và hạn chế tình trạng khiếu nại, tố cáo kéo dài, đặc biệt là khiếu nại vượt cấp',
        UP,
        UP,
        UP,
    ],
    [
        '16.',
        'Tổ chức triển khai thực hiện các giải pháp nâng cao chất lượng hoạt động của Ban Thanh tra nhân dân và Ban Giám sát đầu tư cộng đồng để góp phần nâng cao trách nhiệm giải trình của chính quyền cơ sở đối với người dân.',
        'Ủy ban Mặt trận Tổ quốc VN tỉnh',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '17.',
        'Tuyên truyền về nội dung, mục đích, ý nghĩa của Chỉ số PAPI và trách nhiệm của chính quyền trong việc thực hiện nhiệm vụ nhằm nâng cao Chỉ số PAPI của tỉnh. Đặc biệt thường xuyên trao đổi thông tin; phối hợp hiệu quả trong việc xác định địa bàn khảo sát, đối tượng khảo sát, hỗ trợ lực lượng điều tra viên thực hiện khảo sát tại địa phương.',
        UP,
        'Ủy ban Mặt trận Tổ quốc các cấp; UBND cấp huyện, UBND cấp xã',
        UP,
    ],
    [
        '18.',
        'Đẩy mạnh công tác thông tin, tuyên truyền, phổ biến kế hoạch; đưa tin, bài phản ánh về kết quả triển khai thực hiện để nhân dân biết, giám sát.',
        'Đài Phát thanh và Truyền hình tỉnh, Báo Bắc Giang',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '19.',
        'Nâng cao chất lượng cung cấp các dịch vụ công gồm: điện sinh hoạt, nước sạch, thu gom rác thải, đường giao thông, an ninh trật tự tại các khu dân cư',
        'UBND cấp huyện',
        'Sở Xây dựng, Sở Nông nghiệp và PTNT',
        'Thường xuyên',
    ],
    [
        '20.',
        'Tuyên truyền về việc thực hiện dân chủ ở xã, phường, thị trấn theo tinh thần Luật thực hiện dân chủ ở cơ sở, Chỉ thị số 09-CT/TU ngày 10/8/2021 của Ban Thường vụ Tỉnh ủy về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả thực hiện quy chế dân chủ ở cơ sở.',
        'UBND cấp huyện, UBND cấp xã',
        'Ủy ban MTTQ các cấp, Ban Dân vận các Thành ủy, Huyện ủy',
        'Thường xuyên',
    ],
    [
        '21.',
        'Công khai quy hoạch, kế hoạch sử dụng đất và khung giá đất; công khai thu, chi tài chính, ngân sách cấp xã, công khai TTHC, Danh sách hộ nghèo, cận nghèo theo quy định.',
        'UBND cấp huyện, cấp xã',
        'Các sở, ban, ngành',
        'Thường xuyên',
    ],
]

# ---------------------------------------------------------------------------
# Writer.
# ---------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _set_run_font(run, *, bold=False, italic=False):
    run.bold = bold
    run.italic = italic
    run.font.name = FONT_NAME
    run.font.size = FONT_SIZE
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT_NAME)


def _write_cell(cell, text: str, *, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT):
    """Cell text, one paragraph per line."""
    lines = _nfc(text).split("\n")
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        paragraph = first if i == 0 else cell.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_before = Pt(2)
        paragraph.paragraph_format.space_after = Pt(2)
        _set_run_font(paragraph.add_run(line), bold=bold)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _repeat_as_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def build_document() -> Document:
    for i, row in enumerate(ROWS):
        if len(row) != len(HEADER):
            raise ValueError(f"row {i} has {len(row)} cells, expected {len(HEADER)}")
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = FONT_SIZE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT_NAME)

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.0)

    for text in TITLE:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        italic = text.startswith("(")
        run = paragraph.add_run(_nfc(text))
        _set_run_font(run, bold=not italic, italic=italic)
    doc.add_paragraph()

    table = doc.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            cell.width = Cm(WIDTHS_CM[c])

    header_row = table.rows[0]
    _repeat_as_header(header_row)
    for c, text in enumerate(HEADER):
        _write_cell(header_row.cells[c], text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)

    # Merge first (empty cells), then write each value once into the top cell.
    for c in range(len(HEADER)):
        r = 0
        while r < len(ROWS):
            if ROWS[r][c] is UP:
                if r == 0 or ROWS[r - 1][c] is UP:
                    raise ValueError(f"UP without anchor at row {r}, col {c}")
                end = r
                while end + 1 < len(ROWS) and ROWS[end + 1][c] is UP:
                    end += 1
                # Data row i is table row i + 1: the anchor (data row r - 1) is table row r.
                table.cell(r, c).merge(table.cell(end + 1, c))
                r = end + 1
            else:
                r += 1
    for r, values in enumerate(ROWS, start=1):
        cells = table.rows[r].cells
        for c, value in enumerate(values):
            if value is UP:
                continue
            align = WD_ALIGN_PARAGRAPH.CENTER if c in (0, 4) else WD_ALIGN_PARAGRAPH.LEFT
            _write_cell(cells[c], value, align=align)

    core = doc.core_properties
    core.title = "Phụ lục Kế hoạch số 87/KH-UBND ngày 03/5/2024 của Chủ tịch UBND tỉnh Bắc Giang"
    core.author = "UBND tỉnh Bắc Giang"
    return doc


def main() -> None:
    doc = build_document()
    doc.save(OUTPUT)
    print(f"Wrote {OUTPUT}: {len(ROWS)} task rows")


if __name__ == "__main__":
    main()
