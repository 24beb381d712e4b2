"""Annexes laid out as other provinces lay them out, written by the tests (issue 14).

The task texts and agencies are transcribed from the seed plans in /work/shared/seeds
(Bắc Kạn 365/KH-UBND 2023, Bắc Giang 87/KH-UBND 2024, Hà Giang 147/KH-UBND 2024, Cao Bằng
2163/KH-UBND 2025); the layouts are the ones the issue lists. Each builder returns the path.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_BREAK

from _support import build_workbook

TITLE_BAC_KAN = "(Kèm theo Kế hoạch số 365/KH-UBND ngày 08/6/2023 của UBND tỉnh Bắc Kạn)"


def one_agency_column_xlsx(path: Path) -> Path:
    """One "Cơ quan thực hiện" column with the roles written inside; a "Ghi chú" column;
    a "(1) (2) (3)" row; the deadline column named "Thời gian hoàn thành"."""
    rows = [
        ["PHỤ LỤC"],
        ["NHIỆM VỤ KHẮC PHỤC HẠN CHẾ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) NĂM 2022, NÂNG CAO CHẤT LƯỢNG NĂM 2023"],
        [TITLE_BAC_KAN],
        ["TT", "Tiêu chí", "Nhiệm vụ, giải pháp", "Cơ quan thực hiện", "Thời gian hoàn thành", "Ghi chú"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"],
        ["1", "TC 1.2. Thực hiện chế độ báo cáo định kỳ",
         "Đảm bảo đủ số lượng, chất lượng các báo cáo CCHC định kỳ và thực hiện đúng thời gian quy định",
         "Chủ trì: Sở Nội vụ; Phối hợp: Sở Tài chính, UBND cấp huyện", "31/12/2023", "Báo cáo quý"],
        ["2", "TC 1.5. Đổi mới sáng tạo trong triển khai nhiệm vụ CCHC",
         "Tiếp tục đôn đốc các đơn vị tìm kiếm sáng kiến, giải pháp mới trong CCHC",
         "- Chủ trì: Các sở, ban, ngành; UBND cấp huyện\n- Phối hợp: Sở Nội vụ", "Quý IV/2023", ""],
        ["II", "CẢI CÁCH THỂ CHẾ"],
        ["1", "TCTP 2.4.2. Tính hợp lý của các VBQPPL do địa phương ban hành",
         "Tiếp tục nâng cao chất lượng công tác thẩm định văn bản QPPL",
         "Sở Tư pháp (chủ trì); các sở, ban, ngành, UBND cấp xã (phối hợp)", "Thường xuyên", "Điều tra XHH"],
        ["2", "TC 3.4. Kết quả giải quyết TTHC",
         "Nâng cao trách nhiệm của công chức, viên chức trong giải quyết TTHC",
         "UBND cấp xã chủ trì, Sở Nội vụ phối hợp", "30/11/2023", ""],
        ["3", "TC 5.4. Chấp hành kỷ luật, kỷ cương",
         "Tăng cường công tác thanh tra, kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính",
         "Sở Nội vụ chủ trì, phối hợp với UBND cấp huyện, UBND cấp xã", "Trước ngày 15/10/2023", ""],
    ]
    return build_workbook(path, {"Phụ lục": rows})


def sheets_deadline_first_xlsx(path: Path) -> Path:
    """Two sheets whose index is named only in the sheet's name; the deadline column comes
    first; a two-row header whose "Điểm số" group spans three score columns; a "Kết quả
    đầu ra" column; a column-number row."""
    header_1 = ["STT", "Thời hạn hoàn thành", "Tiêu chí", "Điểm số", None, None, "Nhiệm vụ",
                "Đơn vị chủ trì", "Đơn vị phối hợp", "Kết quả đầu ra"]
    header_2 = [None, None, None, "Tối đa", "Đạt năm 2022", "Mục tiêu năm 2023", None, None, None, None]
    numbers = [f"({n})" for n in range(1, 11)]
    title = ["KẾ HOẠCH NHIỆM VỤ NĂM 2023"], [TITLE_BAC_KAN]
    par = [
        *title, header_1, header_2, numbers,
        ["1", None, "TCTP 6.1.1. Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước", 1, 0.7568, 1,
         "Tham mưu cho UBND tỉnh chỉ đạo đẩy nhanh tiến độ giải ngân vốn đầu tư công", "Sở Tài chính",
         "Các sở, ban, ngành, UBND cấp huyện", "Báo cáo giải ngân hằng tháng"],
        ["2", "Quý III/2023", "TCTP 6.3.2. Số đơn vị SNCL tự bảo đảm một phần chi thường xuyên", 0.75, 0.25, 0.75,
         "Đẩy mạnh giao quyền tự chủ cho các đơn vị sự nghiệp công lập", "Sở Tài chính",
         "UBND cấp huyện; các đơn vị sự nghiệp", "Quyết định giao quyền tự chủ"],
    ]
    par[5][1] = "31/12/2023"
    sipas = [
        *title, header_1, header_2, numbers,
        ["1", "Thường xuyên", "Tiếp cận dịch vụ hành chính công", 100, 75.59, 85.59,
         "Nâng cao chất lượng phục vụ tại Bộ phận Một cửa các cấp", "UBND cấp xã",
         "Văn phòng UBND tỉnh", "Kết quả khảo sát"],
        ["2", "Tháng 6/2023", "Công chức giải quyết thủ tục hành chính", 100, 76.71, 86.71,
         "Tập huấn kỹ năng giao tiếp cho công chức Bộ phận Một cửa", "Sở Nội vụ",
         "UBND cấp huyện, UBND cấp xã", "Danh sách học viên"],
    ]
    merges = ["D3:F3", "A3:A4", "B3:B4", "C3:C4", "G3:G4", "H3:H4", "I3:I4", "J3:J4"]
    return build_workbook(path, {"Phụ lục 1 - PAR INDEX": par, "Phụ lục 3 - SIPAS": sipas},
                          {"Phụ lục 1 - PAR INDEX": merges, "Phụ lục 3 - SIPAS": merges})


def _table(document, rows, widths=None):
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = value
    return table


WORD_HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]


def headings_and_subtasks_docx(path: Path) -> Path:
    """Three tables, each named by the heading paragraph above it (an area of PAPI, another
    area, then SIPAS); sub-tasks a), b), c), the last just above a header repeated at a page
    break."""
    document = docx.Document()
    for line in ("PHỤ LỤC", "PHÂN CÔNG NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAPI, SIPAS NĂM 2024",
                 "(Kèm theo Kế hoạch số 87/KH-UBND ngày 03/5/2024 của UBND tỉnh Bắc Giang)",
                 "Phụ lục 1: Chỉ số PAPI",
                 "Chỉ số nội dung 1: Tham gia của người dân ở cấp cơ sở"):
        document.add_paragraph(line)
    _table(document, [
        WORD_HEADER,
        ["1", "Tăng cường tuyên truyền Luật Thực hiện dân chủ ở cơ sở:", None, None, None],
        ["a)", "Phổ biến Luật Thực hiện dân chủ ở cơ sở đến người dân qua hệ thống truyền thanh cơ sở",
         "UBND cấp xã", "Sở Tư pháp", "Quý II/2024"],
        ["b)", "Tổ chức bầu cử trưởng thôn, tổ dân phố công khai, đúng quy định",
         "UBND cấp huyện", "UBND cấp xã", "Trong năm 2024"],
        ["c)", "Công khai các khoản đóng góp của người dân tại nhà văn hóa thôn",
         "UBND cấp xã", "", "Thường xuyên"],
        WORD_HEADER,  # the header repeated where the page broke
        ["2", "Hướng dẫn Ban Thanh tra nhân dân giám sát các công trình ở xã",
         "Ủy ban MTTQ tỉnh", "UBND cấp xã", "31/12/2024"],
    ])
    paragraph = document.add_paragraph()
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Chỉ số nội dung 2: Công khai, minh bạch trong việc ra quyết định ở địa phương")
    _table(document, [
        WORD_HEADER,
        ["1", "Công khai danh sách hộ nghèo tại trụ sở UBND xã và nhà văn hóa thôn",
         "UBND cấp xã", "Sở Nông nghiệp và Môi trường", "Quý I/2024"],
        ["2", "Công khai quy hoạch, kế hoạch sử dụng đất và khung giá đền bù",
         "UBND cấp huyện", "Sở Tư pháp", "30/6/2024"],
    ])
    document.add_paragraph("Phụ lục 2: Chỉ số SIPAS")
    _table(document, [
        WORD_HEADER,
        ["1", "Khảo sát sự hài lòng của người dân tại Bộ phận Một cửa cấp xã",
         "Sở Nội vụ", "UBND cấp xã", "Tháng 10/2024"],
    ])
    document.save(path)
    return path


def criterion_rows_docx(path: Path) -> Path:
    """Hà Giang-like: a criterion row that carries the assignment but no task text (the task
    is the criterion itself), and a task cell merged over three criteria."""
    document = docx.Document()
    for line in ("PHỤ LỤC", "PHÂN CÔNG THỰC HIỆN KẾ HOẠCH CẢI THIỆN CHỈ SỐ CCHC NĂM 2024",
                 "(Kèm theo Kế hoạch số 147/KH-UBND ngày 31/5/2024 của UBND tỉnh Hà Giang)"):
        document.add_paragraph(line)
    table = _table(document, [
        ["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
        ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "10", "", "", "", ""],
        ["1.1", "Kế hoạch CCHC năm", "1", "", "Sở Nội vụ", "Các sở, ban, ngành; UBND cấp huyện", "Tháng 01/2024"],
        ["1.2", "Mức độ thực hiện kế hoạch CCHC", "1,5",
         "Thực hiện đầy đủ, đúng tiến độ các nhiệm vụ CCHC, có tài liệu kiểm chứng cho từng tiêu chí",
         "Các sở, ban, ngành; UBND cấp huyện, cấp xã", "Sở Nội vụ", "31/12/2024"],
        ["1.3", "Thực hiện chế độ báo cáo CCHC định kỳ", "1", None, None, None, None],
        ["1.4", "Công tác kiểm tra CCHC", "2", None, None, None, None],
        ["2", "CẢI CÁCH THỂ CHẾ", "8", "", "", "", ""],
        ["2.1", "Rà soát, hệ thống hóa văn bản QPPL", "1",
         "Rà soát văn bản QPPL thuộc chức năng quản lý của cơ quan, đơn vị", "Sở Tư pháp",
         "Các cơ quan báo chí; Công an tỉnh", "Quý IV/2024"],
    ])
    for column in (3, 4, 5, 6):  # the task of 1.2 serves 1.2, 1.3 and 1.4
        table.cell(3, column).merge(table.cell(5, column))
    document.save(path)
    return path


def heading_rows_xlsx(path: Path) -> Path:
    """One sheet, a flat list split by heading rows merged across ("Chỉ số nội dung N: …"),
    the header repeated under a heading, one "Cơ quan, đơn vị thực hiện" column and a
    "Sản phẩm" column (tasks transcribed from Bắc Giang 87/KH-UBND, part III)."""
    header = ["STT", "Nội dung công việc", "Cơ quan, đơn vị thực hiện", "Thời gian hoàn thành", "Sản phẩm"]
    rows = [
        ["PHỤ LỤC: NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAPI NĂM 2025"],
        ["(Kèm theo Kế hoạch số 88/KH-UBND ngày 01/3/2025 của UBND tỉnh Bắc Giang)"],
        ["Chỉ số nội dung 1: Tham gia của người dân ở cấp cơ sở"],
        header,
        ["1", "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", "UBND cấp xã (chủ trì); Sở Tư pháp (phối hợp)",
         "Quý II/2025", "Báo cáo"],
        ["2", "Tổ chức bầu cử trưởng thôn, tổ trưởng tổ dân phố", "UBND cấp xã", "Năm 2025", "Biên bản"],
        [],
        ["Chỉ số nội dung 2: Công khai, minh bạch trong việc ra quyết định ở địa phương"],
        header,
        ["1", "Công khai danh sách hộ nghèo", "UBND cấp xã chủ trì, UBND cấp huyện phối hợp", "Quý I/2025",
         "Danh sách"],
        ["Chỉ số nội dung 3: Trách nhiệm giải trình với người dân"],
        ["1", "Tiếp công dân định kỳ", "Chủ tịch UBND cấp xã; các cơ quan ngành dọc", "Hằng tháng", "Sổ tiếp dân"],
    ]
    return build_workbook(path, {"PAPI": rows}, {"PAPI": ["A3:E3", "A8:E8", "A11:E11"]})


def numbered_headings_docx(path: Path) -> Path:
    """Index headings ("I. CHỈ SỐ PAR INDEX") and numbered area headings ("2. Cải cách thể
    chế") as paragraphs between Word tables; one "Cơ quan thực hiện" column."""
    document = docx.Document()
    for line in ("PHỤ LỤC", "NHIỆM VỤ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH, SIPAS NĂM 2025",
                 "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/02/2025 của UBND tỉnh Lạng Sơn)",
                 "I. CHỈ SỐ PAR INDEX", "1. Công tác chỉ đạo, điều hành"):
        document.add_paragraph(line)
    header = ["TT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "Thời gian hoàn thành", "Sản phẩm"]
    _table(document, [header, ["1", "Ban hành kế hoạch CCHC năm 2025", "Sở Nội vụ chủ trì; các sở, ngành phối hợp",
                               "Tháng 01/2025", "Kế hoạch"]])
    document.add_paragraph("2. Cải cách thể chế")
    _table(document, [header, ["1", "Rà soát văn bản QPPL thuộc lĩnh vực quản lý", "Sở Tư pháp (chủ trì), UBND cấp xã",
                               "Quý II/2025", "Báo cáo rà soát"]])
    document.add_paragraph("II. CHỈ SỐ SIPAS")
    _table(document, [header, ["1", "Khảo sát mức độ hài lòng tại Bộ phận Một cửa", "UBND cấp huyện, UBND cấp xã",
                               "Quý IV/2025", "Báo cáo"]])
    document.save(path)
    return path
