#!/usr/bin/env python3
"""Write a realistic sample annex workbook for kehoach_desktop.

Transcribes the two annex tables (PHỤ LỤC 1 and PHỤ LỤC 2) of the Cao Bằng
plan 2163/KH-UBND ngày 12/7/2025 ("cải thiện, nâng cao các chỉ số PAR-INDEX,
SIPAS, PAPI năm 2025") into an .xlsx laid out the way an agency would receive
the annex: title lines, header row(s), vertically merged cells, thin borders,
Times New Roman 12, landscape A4 with repeated header rows.

The transcription below is plain Python data. Each table row is a list of
six cells (STT, Lĩnh vực/Tiêu chí or Nội dung, Nhiệm vụ, Thời gian, Đơn vị
chủ trì, Đơn vị phối hợp):

* a string is the cell text, kept exactly as written in the source;
* ``''`` is a genuinely empty cell;
* ``UP`` means "this cell is merged with the cell above"; every run of ``UP``
  in a column becomes one vertical merged range together with the nearest
  non-``UP`` cell above it.

The judgement calls behind every ``UP`` are listed in
``tools/sample_workbook_notes.md``.

Usage (openpyxl is the only dependency)::

    python tools/make_sample_workbook.py
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "kehoach_desktop" / "resources" / "samples" / "2163-KH-UBND-Cao-Bang-phu-luc.xlsx"


class _MergedWithAbove:
    """Sentinel: the cell is part of a vertical merge with the cell above."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UP"


UP = _MergedWithAbove()

N_COLS = 6
COLUMN_WIDTHS = [6, 28, 60, 14, 28, 28]

PHU_LUC_1_TITLE = [
    "PHỤ LỤC 1",
    "PHÂN CÔNG THỰC HIỆN KẾ HOẠCH CẢI THIỆN CHỈ SỐ PAR-INDEX, CHỈ SỐ SIPAS",
    "(Kèm theo Kế hoạch số 2163/KH-UBND ngày 12/7/2025 của Ủy ban nhân dân tỉnh Cao Bằng)",
]
PHU_LUC_1_HEADER = [
    [
        "STT",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        "Nhiệm vụ",
        "Thời gian thực hiện",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
    ],
]

PHU_LUC_2_TITLE = [
    "PHỤ LỤC 2",
    "PHÂN CÔNG THỰC HIỆN KẾ HOẠCH CẢI THIỆN CHỈ SỐ PAPI",
    "(Kèm theo Kế hoạch số 2163/KH-UBND ngày 12/7/2025 của Ủy ban nhân dân tỉnh Cao Bằng)",
]
# Two-row header: STT/Nội dung/Nhiệm vụ/Thời gian span both rows,
# "Phân công nhiệm vụ" spans the last two columns.
PHU_LUC_2_HEADER = [
    [
        "STT",
        "Nội dung",
        "Nhiệm vụ năm 2025",
        "Thời gian hoàn thành",
        "Phân công nhiệm vụ",
        "",
    ],
    [
        UP,
        UP,
        UP,
        UP,
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
    ],
]
PHU_LUC_2_HEADER_HMERGES = [(0, 4, 5)]  # (header row index, first col, last col)

# ---------------------------------------------------------------------------
# Transcription. Source: the text of Kế hoạch 2163/KH-UBND, PHỤ LỤC 1 and 2.
# ---------------------------------------------------------------------------

PHU_LUC_1_ROWS = [
    [
        '1',
        'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC',
        '',
        '',
        '',
        '',
    ],
    [
        '1.1',
        'Thực hiện kế hoạch CCHC',
        '100% nhiệm vụ trong KH CCHC năm 2025 được hoàn thành',
        '31/12/2025',
        'Các sở, ban, ngành, UBND cấp xã được giao theo kế hoạch số 3662/KH-UBND ngày 29/12/2024',
        'Sở Nội vụ',
    ],
    [
        '1.2',
        'Thực hiện chế độ báo cáo CCHC định kỳ',
        'Thực hiện đảm bảo chế độ báo cáo định kỳ và đột xuất theo yêu cầu của cấp trên',
        'Trong năm 2025',
        'Sở Nội vụ',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '1.3',
        'Công tác kiểm tra CCHC',
        'Kiểm tra đảm bảo số lượng đơn vị theo quy định; các vấn đề được phát hiện sau kiểm tra được xử lý đảm bảo 100%',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Sở Nội vụ',
    ],
    [
        '1.4',
        'Công tác tuyên truyền CCHC',
        'Đa dạng các hình thức và nội dung về tuyên truyền CCHC',
        'Trong năm 2025',
        'Sở Khoa học và Công nghệ; Sở Văn hóa, Thể thao và Du lịch',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '1.5',
        'Sáng kiến hoặc giải pháp mới trong cải cách hành chính',
        'Tối thiểu 3 sáng kiến, giải pháp',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Sở Nội vụ',
    ],
    [
        '1.6',
        'Đối thoại của lãnh đạo tỉnh với người dân, doanh nghiệp',
        'Đảm bảo tổ chức 02 cuộc đối thoại/năm',
        'Trong năm 2025',
        'Sở Tài chính',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '1.7',
        'Thực hiện nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao',
        'Kiểm tra, đôn đốc các cơ quan, đơn vị, địa phương hoàn thành 100% nhiệm vụ được giao',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Văn phòng UBND tỉnh',
    ],
    [
        '2',
        'CẢI CÁCH THỂ CHẾ',
        '',
        '',
        '',
        '',
    ],
    [
        '2.1',
        'Theo dõi thi hành pháp luật (TDTHPL)',
        'Báo cáo kết quả theo dõi thi hành pháp luật của tỉnh; văn bản xử lý kết quả theo dõi',
        '31/12/2025',
        'Sở Tư pháp',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '2.2',
        'Rà soát văn bản quy phạm pháp luật (QPPL)',
        'Thực hiện công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực; Kết quả sửa đổi, bổ sung, bãi bỏ, thay thế văn bản QPPL sau rà soát',
        '31/12/2025',
        UP,
        UP,
    ],
    [
        '2.3',
        'Xử lý văn bản trái pháp luật do cơ quan có thẩm quyền kiểm tra kiến nghị',
        '100% số văn bản đã được xử lý/ kiến nghị xử lý',
        '31/12/2025',
        UP,
        UP,
    ],
    [
        '2.4',
        'Chất lượng VBQPPL do tỉnh ban hành',
        '',
        '',
        '',
        '',
    ],
    [
        '2.4.1',
        'Tính đồng bộ, thống nhất của các VBQPPL do địa phương ban hành',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học: Đẩy mạnh việc tuyên truyền, phổ biến các chủ trương chính sách đã được thông qua trong các VBQPPL của các cấp đến toàn thể CBCCVC thuộc cơ quan, đơn vị (trong đó có các lãnh đạo cơ quan, đơn vị) và đối tượng liên quan trực tiếp bằng nhiều hình thức để nâng cao nhận thức của CBCCVC và người dân về tác động của các chính sách, quy định trong VBQPPL của tỉnh đối với bản thân; kịp thời xử các bất cập, vướng mắc trong tổ chức thực hiện VBQPPL tại địa phương',
        'Trong năm 2025',
        'Sở Tư pháp',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '2.4.2',
        'Tính hợp lý của các VBQPPL do địa phương ban hành',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '2.4.3',
        'Tính khả thi của các VBQPPL do địa phương ban hành',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '2.4.4',
        'Tính kịp thời phát hiện và xử lý các bất cập, vướng mắc trong tổ chức thực hiện VBQPPL tại địa phương',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '3',
        'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
        '',
        '',
        '',
        '',
    ],
    [
        '3.1',
        'Kiểm soát quy định thủ tục hành chính (TTHC)',
        'Thực hiện đảm bảo hoàn thành 100% kế hoạch kiểm soát TTHC; đảm bảo 100% TTHC được ban hành không trái thẩm quyền',
        '31/12/2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Văn phòng UBND tỉnh',
    ],
    [
        '3.2',
        'Công bố, công khai TTHC và kết quả giải quyết hồ sơ',
        '100% số TTHC thuộc thẩm quyền giải quyết tại 02 cấp chính quyền của tỉnh được công khai trên Hệ thống thông tin giải quyết TTHC của tỉnh, Cổng TTĐT của tỉnh; 100% sở, ban, ngành, UBND cấp xã công khai đầy đủ TTHC thuộc thẩm quyền giải quyết của cơ quan, đơn vị, địa phương trên Trang TTĐT của cơ quan, đơn vị mình đảm bảo đúng quy',
        'Trong năm 2025',
        'Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '3.3',
        'Thực hiện cơ chế một cửa, cơ chế một cửa liên thông',
        '100% số TTHC thuộc thẩm quyền giải quyết của các cấp chính quyền tại tỉnh được tiếp nhận, giải quyết trên Hệ thống thông tin giải quyết TTHC của tỉnh; kiện toàn, nâng cao chất lượng hoạt động của Trung tâm Phục vụ hành chính công tỉnh, cấp xã, bảo đảm việc tiếp nhận, giải quyết hồ sơ TTHC được thực hiện công khai, minh bạch, đúng trình tự, thủ tục, thời gian theo quy định; tăng cường ứng dụng công nghệ thông tin, chuyển đổi số trong quy trình tiếp nhận hồ sơ, giải quyết và trả kết quả TTHC; bảo đảm việc giải quyết TTHC thông suốt, liên thông giữa các cơ quan, đơn vị, địa phương',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã; Công an tỉnh, Bảo hiểm xã hội',
        'Văn phòng UBND tỉnh',
    ],
    [
        UP,
        UP,
        'Tỷ lệ thực hiện TTHC không phụ thuộc địa giới hành chính trong phạm vi cấp tỉnh đạt 100%',
        UP,
        UP,
        UP,
    ],
    [
        '3.4',
        'Kết quả giải quyết hồ sơ TTHC',
        'Toàn tỉnh phấn đấu tỷ lệ hồ sơ tiếp nhận, giải quyết đạt 98% trở lên; 100% hồ sơ giải quyết quá hạn phải có văn bản xin lỗi của Thủ trưởng cơ quan, đơn vị, địa phương',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        '',
    ],
    [
        '3.5',
        'Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh',
        '100% PAKN được giải quyết, trả lời cho cá nhân, tổ chức và đồng thời công khai lên Cổng thông tin điện tử',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        '',
    ],
    [
        '4',
        'CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH',
        '',
        '',
        '',
        '',
    ],
    [
        '4.1',
        'Sắp xếp, kiện toàn tổ chức bộ máy của các cơ quan, đơn vị',
        '100% số cơ quan chuyên môn cấp tỉnh, phòng chuyên môn cấp cấp xã được quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức; thực hiện đúng quy định theo các văn bản của TW',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Sở Nội vụ',
    ],
    [
        '4.1.1',
        'Tính hợp lý trong sắp xếp tổ chức bộ máy các cơ quan, đơn vị thuộc thẩm quyền của',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học',
        UP,
        UP,
        UP,
    ],
    [
        '4.1.2',
        'Tính hợp lý trong phân định chức năng, nhiệm vụ giữa các cơ quan, đơn vị tại địa',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '4.1.3',
        'Tình hình thực hiện quy chế làm việc của UBND tỉnh',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '4.2',
        'Thực hiện các quy định về quản lý biên chế',
        'Thực hiện tốt việc quản lý và sử dụng biên chế trong các cơ quan hành chính và các đơn vị sự nghiệp công lập trên địa bàn tỉnh',
        UP,
        'Sở Nội vụ',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '4.3',
        'Thực hiện phân cấp quản lý',
        'Thực hiện các nhiệm vụ theo đúng quy định tại Nghị quyết số 04/NQ-CP ngày 10/01/2022 của Chính phủ và các quy định khác của Chính phủ, các bộ, ngành về đẩy mạnh phân cấp, phân quyền trong quản lý nhà nước theo ngành, lĩnh vực',
        UP,
        UP,
        UP,
    ],
    [
        '4.3.1',
        'Tính hợp lý trong việc phân cấp, phân quyền thực hiện nhiệm vụ quản lý nhà nước giữa tỉnh và xã',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học',
        UP,
        UP,
        UP,
    ],
    [
        '5',
        'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
        '',
        '',
        '',
        '',
    ],
    [
        '5.1',
        'Thực hiện cơ cấu công chức, viên chức theo vị trí việc làm',
        '100% cơ quan, đơn vị, địa phương bố trí công chức theo đúng vị trí việc làm được phê duyệt. 100% đơn vị sự nghiệp thuộc tỉnh bố trí viên chức theo đúng vị trí việc làm được phê duyệt',
        'Trong năm 2025',
        'Sở Nội vụ',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '5.2',
        'Tuyển dụng công chức, viên chức',
        'Thực hiện đảm bảo theo quy định về tuyển dụng công chức tại cơ quan chuyên môn cấp tỉnh, đơn vị hành chính cấp xã; viên chức của các đơn vị sự nghiệp công lập',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '5.2.1',
        'Tính công khai, minh bạch trong công tác tuyển dụng công chức, viên chức',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học: Tăng cường kiểm tra giám sát, kịp thời ngăn chặn tiêu cực trong tuyển dụng công',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '5.2.2',
        'Tình trạng tiêu cực trong công tác tuyển dụng công chức, viên chức',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '5.3',
        'Bổ nhiệm các chức danh lãnh đạo, quản lý',
        'Thực hiện quy định về bổ nhiệm các chức danh lãnh đạo, quản lý',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '5.3.2',
        'Tính công khai, minh bạch trong công tác bổ nhiệm công chức, viên chức',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học: tăng cường kiểm tra giám sát, kịp thời ngăn chặn tiêu cực trong bổ nhiệm công chức,',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '5.3.3',
        'Tình trạng tiêu cực trong công tác bổ nhiệm công chức, viên chức',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '5.4',
        'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức',
        'Thực hiện nghiêm minh, giảm thiểu CBCCVC bị xử lý kỷ luật',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Sở Nội vụ',
    ],
    [
        '5.5',
        'Công tác đào tạo, bồi dưỡng công chức, viên chức',
        'Hoàn thành 100% kế hoạch đào tạo, bồi dưỡng CBCCVC năm 2025',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '5.5.1',
        'Chất lượng đào tạo, bồi dưỡng cán bộ, công chức, viên chức',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học: Tập trung đào tạo, nâng cao năng lực chuyên môn, nghiệp vụ, tinh thần, thái độ, trách nhiệm của CBCCVC trong phối hợp, xử lý công việc',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '5.6',
        'Tỷ lệ đạt chuẩn của cán bộ, công chức cấp xã',
        '100% CBCC cấp xã đạt chuẩn theo quy định',
        'Trong năm 2025',
        'UBND cấp xã',
        'Sở Nội vụ',
    ],
    [
        '5.7',
        'Chất lượng đội ngũ công chức, viên chức',
        '',
        '',
        '',
        '',
    ],
    [
        '5.7.1',
        'Năng lực chuyên môn của công chức trong phối hợp, xử lý công việc',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học: Tập trung đào tạo, nâng cao năng lực chuyên môn, nghiệp vụ, tinh thần, thái độ, trách nhiệm của CBCCVC trong phối hợp, xử lý công việc; xử lý nghiêm minh tình trạng CBCCVC có các hành vi vi phạm pháp luật; thực hiện tốt các chế độ thu hút nhân tài',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Sở Nội vụ',
    ],
    [
        '5.7.2',
        'Tinh thần trách nhiệm của công chức trong phối hợp, xử lý công việc',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '5.7.3',
        'Tình trạng công chức lợi dụng chức vụ, quyền hạn để trục lợi cá nhân trong phối hợp, xử lý công việc',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '5.7.4',
        'Tính hiệu quả trong việc thực thi chính sách thu hút người có tài năng vào bộ máy hành chính',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '6',
        'CẢI CÁCH TÀI CHÍNH CÔNG',
        '',
        '',
        '',
        '',
    ],
    [
        '6.1',
        'Tổ chức thực hiện công tác tài chính - ngân sách',
        'Theo dõi, đôn đốc hoàn thành kế hoạch giải ngân vốn đầu tư công; thực hiện 100% các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về ngân sách',
        '31/12/2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Sở Tài chính',
    ],
    [
        '6.1.4',
        'Tính hiệu quả của việc thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học:',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '6.2',
        'Công tác quản lý, sử dụng tài sản công',
        'Ban hành đầy đủ quy chế quản lý, sử dụng tài sản công của các cơ quan, đơn vị; thực hiện đúng các quy định về quản lý, sử dụng tài sản công; về sắp xếp, xử lý nhà, đất',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '6.2.4',
        'Thực hiện tiết kiệm, chống lãng phí trong quản lý, sử dụng kinh phí của cơ quan, đơn',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '6.2.5',
        'Tính hiệu quả của việc quản lý, sử dụng tài sản công',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        '6.3',
        'Thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập (SNCL)',
        'Thực hiện các giải pháp nhằm nâng mức tự chủ của các đơn vị sự nghiệp công lập; tăng tỷ lệ giảm chi trực tiếp ngân sách cho đơn vị sự nghiệp công lập',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '6.3.5',
        'Tính hiệu quả của việc thực hiện cơ chế tự chủ tại các đơn vị SNCL',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '7',
        'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
        '',
        '',
        '',
        '',
    ],
    [
        '7.1',
        'Tỷ lệ số dịch vụ dữ liệu có trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức',
        'Các cơ quan, đơn vị trên địa bàn tỉnh và các cơ quan Trung ương đóng tại địa phương tham mưu để kết nối, chia sẻ dữ liệu từ trục liên thông dữ liệu của tỉnh (LGSP) đến trục liên thông dữ liệu của Quốc gia (NDXP) để nâng cao tỷ lệ số dịch vụ dữ liệu có trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức',
        'Trong năm 2025',
        'Sở Khoa học và Công nghệ',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '7.2',
        'Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan nhà nước',
        'Duy trì việc xử lý văn bản, hồ sơ công việc trên môi trường mạng tại tỉnh; việc gửi nhận văn bản điện tử 03 cấp chính quyền; việc vận hành, sử dụng Hệ thống thông tin báo cáo',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Sở Khoa học và Công nghệ',
    ],
    [
        '7.3',
        'Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức',
        '',
        '',
        '',
        '',
    ],
    [
        '7.3.1',
        'Cổng thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định',
        '- Các cơ quan đơn vị có Cổng/Trang Thông tin điện tử nâng cao chất lượng cung cấp thông tin trên Cổng thông tin điện tử của tỉnh theo Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng.',
        'Trong năm 2025',
        'Sở Khoa học và Công nghệ, Văn phòng UBND tỉnh',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '7.3.2',
        'Chất lượng cung cấp thông tin trên Cổng thông tin điện tử của tỉnh',
        'Nâng cao điểm số qua đánh giá của các đối tượng điều tra xã hội học',
        'Trong năm 2025',
        'Sở Khoa học và Công nghệ, Văn phòng UBND tỉnh',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '7.3.3',
        'Thiết lập, vận hành hiệu quả Hệ thống thông tin giải quyết TTHC',
        'Tiếp tục triển khai vận hành hiệu quả, hoàn thiện Hệ thống thông tin giải quyết TTHC',
        'Trong năm\n2025',
        'Sở Khoa học và Công nghệ',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '7.3.4',
        'Triển khai số hóa hồ sơ giải quyết TTHC',
        'Cán bộ tại Bộ phận một cửa các cấp phải đáp ứng quy trình số hóa hồ sơ giải quyết TTHC theo hướng dẫn Văn phòng Chính phủ (Công văn 9318/VPCP-KSTT ngày 21/12/2021 của Văn phòng Chính phủ về việc hướng dẫn số hóa hồ sơ, kết quả giải quyết TTHC), đảm bảo dữ liệu đầu vào và đầu ra phải đảm bảo được số hóa hoàn toàn mới được ghi trên Cổng dịch vụ công quốc gia).',
        'Trong năm 2025',
        'Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '7.3.5',
        'Tỷ lệ dịch vụ công trực tuyến toàn trình',
        'Đảm bảo 100% tổng số dịch vụ công đủ điều kiện lên trực tuyến toàn trình',
        'Trong năm 2025',
        'Sở Khoa học và Công nghệ',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '7.3.6',
        'Tỷ lệ hồ sơ trực tuyến toàn trình',
        'Tích cực, chủ động thực hiện các giải pháp nâng cao hiệu quả, tăng tỷ lệ sử dụng dịch vụ công trực tuyến toàn trình, dịch vụ công trực tuyến một phần trên địa bàn tỉnh.',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Sở Khoa học và Công nghệ',
    ],
    [
        '7.3.7',
        'Thực hiện thanh toán trực tuyến',
        'Đẩy mạnh công tác tuyên truyền đến người dân, tổ chức thực hiện thanh toán trực tuyến trong giải quyết TTHC. Tăng tỷ lệ hồ sơ thanh toán trực tuyến.',
        'Trong năm\n2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Sở Khoa học và Công nghệ',
    ],
    [
        '8',
        'TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI',
        '',
        '',
        '',
        '',
    ],
    [
        '8.1',
        'Kết quả Chỉ số hài lòng (SIPAS)',
        '',
        '',
        '',
        '',
    ],
    [
        '8.1.1',
        'Chỉ số hài lòng về tiếp cận dịch vụ',
        'Đẩy mạnh việc thực hiện cơ chế một cửa, một cửa liên thông, hướng dẫn việc thực hiện giải quyết TTHC mức độ toàn trình và một phần, tăng cường công tác tuyên truyền, truyền thông về kiểm soát TTHC; đầu tư cơ sở vật chất, trang thiết bị tại Trung tâm Phục vụ hành chính công các cấp',
        'Trong năm 2025',
        'Các sở, ban, ngành, UBND cấp xã',
        'Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ',
    ],
    [
        '8.1.2',
        'Chỉ số hài lòng về tổ chức giải quyết TTHC',
        'Niêm yết, công bố, công khai đầy đủ, kịp thời các TTHC; rà soát, đơn giản hóa TTHC, thành phần hồ sơ, yêu cầu, điều kiện TTHC; đảm bảo mức thu phí, lệ phí đúng quy định',
        'Trong năm 2025',
        UP,
        'Văn phòng UBND tỉnh',
    ],
    [
        '8.1.3',
        'Chỉ số hài lòng về công chức giải quyết TTHC',
        'Tiếp tục đẩy mạnh công tác đào tạo, bồi dưỡng, nâng cao trình độ, chuyên môn, tinh thần thái độ giao tiếp ứng xử của CBCCVC với người dân và doanh',
        'Trong năm 2025',
        UP,
        'Sở Nội vụ, Văn phòng UBND tỉnh',
    ],
    [
        '8.1.4',
        'Chỉ số hài lòng về kết quả giải quyết TTHC',
        'Rút ngắn thời gian giải quyết TTHC, giảm thời gian đi lại của người dân, tổ chức',
        'Trong năm 2025',
        UP,
        'Văn phòng UBND tỉnh',
    ],
    [
        '8.1.5',
        'Chỉ số hài lòng về việc tiếp nhận, xử lý phản ánh, kiến nghị liên quan đến TTHC',
        '100% cơ quan chủ động, kịp thời giải quyết PAKN của người dân; kịp thời trả lời, thông báo kết quả xử lý PAKN',
        'Trong năm 2025',
        UP,
        '',
    ],
    [
        '8.2',
        'Mức độ thu hút đầu tư của tỉnh',
        'Tổng vốn đầu tư trên địa bàn tỉnh năm 2025 cao hơn năm 2024',
        'Trong năm 2025',
        'Sở Tài chính',
        'Các sở, ban, ngành, UBND cấp xã',
    ],
    [
        '8.3',
        'Mức độ phát triển doanh nghiệp của tỉnh',
        '',
        '',
        '',
        '',
    ],
    [
        '8.3.1',
        'Số lượng doanh nghiệp gia nhập và tái gia nhập thị trường',
        'Phấn đấu năm 2025, tăng tỷ lệ doanh nghiệp được thành lập mới và tái gia nhập thị trường cao hơn so với năm 2024 (tối thiểu từ 10% trở lên)',
        'Trong năm 2025',
        'Sở Tài chính',
        'Các sở, ban, ngành, UBND cấp xã; các cơ quan, đơn vị liên quan',
    ],
    [
        '8.3.2',
        'Số vốn đăng ký của doanh nghiệp',
        'Phấn đấu năm 2025 cao hơn năm 2024',
        'Trong năm 2025',
        UP,
        'Các sở, ban, ngành, UBND cấp xã; các cơ quan, đơn vị liên quan',
    ],
    [
        '8.3.3',
        'Tỷ lệ đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp',
        'Tỷ lệ đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp trong năm 2025 cao hơn năm 2024',
        'Trong năm 2025',
        UP,
        'Các sở, ban, ngành, UBND cấp xã; các cơ quan, đơn vị liên quan',
    ],
    [
        '8.4',
        'Thực hiện thu ngân sách hàng năm của tỉnh theo Kế hoạch được Chính phủ giao',
        'Phấn đấu năm 2025, vượt chỉ tiêu thu ngân sách được Chính phủ giao',
        'Trong năm 2025',
        'Chi Cục Thuế khu vực VI',
        'Các sở, ban, ngành, UBND cấp xã; các cơ quan, đơn vị liên quan',
    ],
    [
        '8.5',
        'Mức độ thực hiện các chỉ tiêu phát triển KT- XH do HĐND tỉnh giao',
        'Phấn đấu năm 2025, hoàn thành 100% các chỉ tiêu phát triển kinh tế - xã hội do HĐND tỉnh giao',
        'Trong năm 2025',
        'Sở Tài chính',
        'Các sở, ban, ngành, UBND cấp xã; các cơ quan, đơn vị liên quan',
    ],
]

PHU_LUC_2_ROWS = [
    [
        '1',
        'Tham gia của người dân',
        '',
        '',
        '',
        '',
    ],
    [
        '1.1',
        'Tri thức công dân',
        'Thực hiện tuyên truyền, phổ biến và tập huấn, bồi dưỡng, nâng cao kiến thức của cán bộ, công chức cấp xã về Chỉ số PAPI, Luật thực hiện dân chủ ở cơ sở; thực hiện tốt phương châm “dân biết, dân bàn, dân làm, dân kiểm tra”. Đẩy mạnh việc tuyên truyền, phổ biến giáo dục pháp luật, các chủ trương chính sách của Đảng, Nhà nước hiện hành; hiểu biết về các vị trí lãnh đạo trong cơ quan Đảng, chính quyền, các tổ chức chính trị xã hội và các hoạt động của địa phương',
        'Trong năm 2025',
        'UBND cấp xã',
        'Sở Nội vụ',
    ],
    [
        '1.2',
        'Cơ hội tham gia',
        'Tạo điều kiện thuận lợi cho người dân tiếp cận, tham gia vào các tổ chức chính trị xã hội, các hội, nhóm; tham gia bầu cử HĐND, bầu cử Quốc hội, bầu trưởng thôn/tổ dân phố',
        'Trong năm 2025',
        UP,
        UP,
    ],
    [
        '1.3',
        'Chất lượng bầu cử',
        'Thực hiện thông tin kịp thời về các sự kiện chính trị, pháp luật về bầu cử; Tổ chức triển khai, hướng dẫn, kiểm tra, giám sát quy trình bầu trưởng thôn/tổ dân phố',
        'Trước, trong bầu cử',
        UP,
        UP,
    ],
    [
        '1.4',
        'Đóng góp tự nguyện',
        'Thông tin minh bạch về các chương trình, dự án xây dựng trên địa bàn; Kiểm tra, giám sát việc huy động và sử dụng các khoản, nội dung đóng góp tự nguyện của người dân vào xây dựng các công trình mục đích công cộng; nâng cao trách nhiệm, hiệu quả hoạt động của Ban thanh tra nhân dân',
        'Thường xuyên',
        UP,
        'UB Mặt Trận tổ quốc tỉnh; Sở Tài chính',
    ],
    [
        '2',
        'Công khai, minh bạch',
        '',
        '',
        '',
        '',
    ],
    [
        '2.1',
        'Tiếp cận thông tin',
        'Thường xuyên kiện toàn Hội đồng phổ biến giáo dục pháp luật các cấp; hướng dẫn, quán triệt thực hiện tốt về Luật tiếp cận thông tin; chủ động đưa tới người dân các thông tin về chính sách pháp luật, để người dân biết, hiểu và cảm thấy có ích',
        'Thường xuyên',
        'UBND cấp xã',
        'Sở Tư pháp',
    ],
    [
        '2.2',
        'Công khai danh sách hộ nghèo',
        'Thực hiện đúng quy trình rà soát, xét duyệt và công khai các hộ nghèo, cận nghèo, hộ mới thoát nghèo và giải quyết các chế độ chính sách xã hội theo đúng quy trình, thủ tục quy định',
        'Hằng năm',
        'UBND cấp xã',
        'Sở Nông nghiệp và Môi trường',
    ],
    [
        '2.3',
        'Công khai thu, chi ngân sách xã',
        'Hướng dẫn, đôn đốc việc thực hiện nghiêm túc việc niêm yết, công khai thu, chi ngân sách xã tại trụ sở, trên Trang thông tin điện tử cấp xã… dễ tiếp cận, nhận biết để người dân thực hiện quyền giám sát.',
        'Hằng năm',
        UP,
        'Sở Tài chính',
    ],
    [
        '2.4',
        'Quy hoạch, kế hoạch sử dụng đất, giá bồi thường đất',
        'Kịp thời công khai khung giá đất khi được Ủy ban nhân dân tỉnh ban hành hằng năm; quy hoạch, kế hoạch sử dụng đất, khung giá đền bù thu hồi đất theo quy định',
        'Sau khi ban hành',
        'UBND cấp xã, các phương tiện truyền thông',
        'Sở Nông nghiệp và Môi trường',
    ],
    [
        UP,
        UP,
        'Thực hiện nghiêm túc việc tổ chức lấy ý kiến đóng góp của người dân đối với dự thảo về quy hoạch, kế hoạch sử dụng đất; tiếp thu đầy đủ, giải trình, thông tin kịp thời, xem xét điều chỉnh và công khai để người dân được biết về quy hoạch, kế hoạch sử dụng đất tại địa phương',
        'Sau khi có dự thảo',
        'UBND cấp xã',
        'Sở Nông nghiệp và Môi trường; Sở Xây dựng',
    ],
    [
        '3',
        'Trách nhiệm giải trình với người dân',
        '',
        '',
        '',
        '',
    ],
    [
        '3.1',
        'Mức độ và hiệu quả trong tiếp xúc với chính quyền',
        '- Thực hiện tốt công tác tiếp công dân: bố trí đầy đủ người đúng chức trách, đủ thẩm quyền; người đứng đầu cơ quan, đơn vị đảm bảo lịch trực tiếp tiếp công dân định kỳ; rà soát, đánh giá chất lượng đội ngũ công chức tiếp dân, có kế hoạch bồi dưỡng, nâng cao nhận thức, trách nhiệm, nghiệp vụ của đội ngũ cán bộ, công chức tiếp dân, chú trọng đến đội ngũ hòa giải viên tại cơ sở.',
        'Theo quy định',
        'UBND cấp xã',
        'Thanh tra tỉnh',
    ],
    [
        UP,
        UP,
        '- Tổ chức gặp gỡ, tiếp xúc, đối thoại giữa người dân với chính quyền cơ sở nhằm giải quyết những khó khăn, vướng mắc, kịp thời giải quyết, công bố, công khai kết quả giải quyết những đề xuất, kiến nghị của người dân',
        'Hằng năm',
        'UBND cấp xã',
        'Các Sở, ban, ngành có liên quan',
    ],
    [
        '3.2',
        'Giải đáp khiếu nại, tố cáo, khúc mắc của người dân',
        'Thực hiện định kỳ tiếp công dân; Thực hiện nghiêm các kết luận, kiến nghị, quyết định xử lý về thanh tra, kiểm tra; tập trung giải quyết có hiệu quả những kiến nghị, khiếu nại, tố cáo của công dân; công khai đảm bảo theo',
        'Hằng năm',
        'UBND cấp xã',
        'Thanh tra tỉnh',
    ],
    [
        '3.3',
        'Tiếp cận dịch vụ tư pháp',
        '- Tăng cường hướng dẫn về tổ chức và hoạt động hòa giải ở cơ sở hướng dẫn nghiệp vụ và kỹ năng hòa giải ở cơ sở cho hòa giải; Trợ giúp pháp lý cho người được trợ giúp pháp lý miễn phí theo quy định',
        'Thường xuyên',
        'UBND cấp xã',
        'Sở Tư pháp',
    ],
    [
        '4',
        'Kiểm soát tham nhũng trong khu vực công',
        '',
        '',
        '',
        '',
    ],
    [
        '4.1',
        'Kiểm soát tham nhũng trong chính quyền địa phương',
        'Triển khai, thực hiện có hiệu quả công tác phòng, chống tham nhũng; thực hành tiết kiệm, chống lãng phí trong mọi lĩnh vực quản lý, đặc biệt liên quan đến công tác quản lý đất đai, trật tự xây dựng chính, công tác tài chính... theo quy định pháp luật; công khai rộng rãi kết quả xử lý các vụ việc về phòng, chống tham nhũng trên các phương tiện thông tin đại chúng',
        'Thường xuyên',
        'Các sở, ban, ngành, UBND cấp xã',
        'Thanh tra tỉnh',
    ],
    [
        '4.2',
        'Kiểm soát tham nhũng trong cung ứng dịch vụ công',
        'Đẩy mạnh, tăng cường công kiểm tra, giám sát việc thực thi công vụ của cán bộ, công chức, viên chức, nhất là đối với công chức, viên chức thực hiện giải quyết TTHC',
        'Thường xuyên',
        UP,
        UP,
    ],
    [
        '4.3',
        'Công bằng trong công tác tuyển dụng',
        'Thực hiện công khai, minh bạch về tuyển dụng công chức, viên chức trong cơ quan nhà nước đảm bảo theo đúng quy định pháp luật; Tăng cường công tác giám sát, kiểm tra, thanh tra về tuyển dụng viên chức của các cơ',
        'Trước, sau tuyển dụng',
        'Các sở, ngành, địa phương thực hiện tuyển dụng',
        'Sở Nội vụ, Thanh tra tỉnh',
    ],
    [
        '4.4',
        'Quyết tâm chống tham nhũng',
        'Mở rộng các kênh tiếp nhận phản ánh, kiến nghị của người dân liên quan đến phòng, chống tham nhũng, tiêu cực. Tăng cường thanh tra, xử lý kịp thời các trường hợp tiêu cực, tham nhũng, lạm dụng chức quyền trong lĩnh vực đất đai, xây dựng..., trong các hoạt động cung ứng dịch vụ công, giải quyết TTHC, tuyển dụng công chức, viên chức',
        'Thường xuyên',
        'UBND cấp xã',
        'Thanh tra tỉnh',
    ],
    [
        '5',
        'Thủ tục hành chính công',
        '',
        '',
        '',
        '',
    ],
    [
        '5.1',
        'Dịch vụ chứng thực, xác nhận của chính quyền; Dịch vụ hành chính cấp xã',
        'Thực hiện niêm yết công khai thủ tục hành chính; việc xin lỗi tổ chức, cá nhân đối với với các trường hợp trễ hạn hồ sơ trong giải quyết thủ tục hành chính',
        'Thường xuyên',
        'UBND cấp xã',
        'Sở Tư pháp; Văn phòng UBND tỉnh',
    ],
    [
        UP,
        UP,
        'Kiểm tra việc cập nhật, niêm yết kịp thời các thủ tục hành chính sửa đổi, bổ sung, mới ban hành, thay thế hoặc bãi bỏ thuộc thẩm quyền giải quyết',
        'Thường xuyên',
        UP,
        UP,
    ],
    [
        UP,
        UP,
        'Thường xuyên rà soát, đề xuất phương án đơn giản hóa thủ tục hành chính; nâng cao tỷ lệ dịch vụ công trực tuyến toàn phần và dịch vụ bưu chính công ích',
        'Hằng năm',
        'Các sở, ban, ngành, địa phương',
        UP,
    ],
    [
        UP,
        UP,
        'Tiếp tục nâng cao chất lượng, hiệu quả hoạt động của Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã; đăng tải đầy đủ hướng dẫn biểu mẫu trên Cổng/trang thông tin điện tử',
        'Thường xuyên',
        'Các sở, ban, ngành, địa phương',
        UP,
    ],
    [
        '5.2',
        'Thủ tục liên quan đến giấy chứng nhận quyền sử dụng đất',
        '- Nâng cao chất lượng thực hiện thủ tục hành chính: Cấp giấy chứng nhận quyền sử dụng đất, cấp giấy phép xây dựng cho cá nhân tại địa phương\n- Thực hiện nghiêm túc, có chất lượng công tác rà soát các quy định, thủ tục hành chính thuộc phạm vi quản lý; kiến nghị cắt giảm tối đa các thủ tục, thành phần hồ sơ không cần thiết để giảm thời gian và chi phí tuân thủ thủ tục hành chính nhằm tạo điều kiện thuận lợi nhất cho người dân.\n- Xử lý nghiêm các trường hợp công chức, viên chức gây phiền hà, nhũng nhiễu khi giải quyết TTHC trong lĩnh vực đất đai. Giải quyết hiệu quả các tranh chấp, khiếu kiện',
        'Thường xuyên',
        'Sở Nông nghiệp và Môi trường, Sở Xây dựng, UBND cấp',
        'Văn phòng UBND tỉnh',
    ],
    [
        '6',
        'Cung ứng dịch vụ công',
        '',
        '',
        '',
        '',
    ],
    [
        '6.1',
        'Y tế công lập',
        'Tăng cường tuyên truyền chính sách bảo hiểm y tế để góp phần tăng tỷ lệ người dân tham gia bảo hiểm y tế. Thực hiện có hiệu quả công tác cấp, phát thẻ bảo hiểm y tế, nhất là việc rà soát cấp, phát thẻ cho người có công, trẻ em dưới 6 tuổi, người cao tuổi, hộ nghèo, dân tộc',
        'Hằng năm',
        'UBND cấp xã',
        'Bảo hiểm xã hội tỉnh',
    ],
    [
        UP,
        UP,
        'Đầu tư cơ sở vật chất, nâng cao chất lượng của bệnh viện tuyến huyện, trạm y tế cấp xã cho các cơ sở y tế đảm bảo phục vụ công tác khám, chữa bệnh cho người dân; tăng cường ứng dụng công nghệ thông tin trong khám, chữa bệnh và thanh toán bảo hiểm',
        'Hằng năm',
        UP,
        'Sở Y tế',
    ],
    [
        UP,
        UP,
        'Tiếp tục đẩy mạnh việc đào tạo, bồi dưỡng nghiệp vụ chuyên môn của đội ngũ bác sỹ, nhân viên y tế tại trạm y tế xã, phường, thị trấn; chấn chỉnh kịp thời tinh thần trách nhiệm, thái độ phục vụ của đội ngũ y, bác sỹ đối với việc khám, chữa bệnh tại các cơ sở y tế trên địa bàn tỉnh',
        'Thường xuyên',
        'Sở Y tế',
        'Sở Nội vụ',
    ],
    [
        '6.2',
        'Giáo dục tiểu học công lập',
        'Đầu tư, cải thiện cơ sở vật chất, trang thiết bị cho các trường học nhằm đồng bộ, chuẩn hóa, nâng cao tỷ lệ trường chuẩn quốc gia ở các cấp học; đẩy mạnh xã hội hóa giáo dục; Quản lý dạy thêm, học thêm hiệu quả, bảo đảm lợi ích cho học sinh; nâng cao chất lượng dạy và học tại các nhà trường, nhất là cấp tiểu học; bảo đảm cho trẻ em trong độ tuổi đi học được đến trường',
        'Hằng năm',
        'UBND cấp xã',
        'Sở Giáo dục và Đào tạo',
    ],
    [
        '6.3',
        'Cơ sở hạ tầng',
        'Tiếp tục rà soát, đầu tư sửa chữa, bê tông hóa giao thông nông thôn; hệ thống cung cấp nước sạch cho người dân nông thôn và vùng sâu, vùng xa; quản lý thực hiện tốt việc thu gom, vận chuyển và xử lý rác thải của chính quyền địa phương',
        'Hằng năm',
        'UBND cấp xã',
        'Sở Xây dựng; Sở Nông nghiệp và Môi trường',
    ],
    [
        UP,
        UP,
        'Tăng cường công tác quản lý vận hành hệ thống điện; thường xuyên cải tạo lưới điện; tổ chức kiểm tra phát hiện và xử lý kịp thời những sự cố về đường dây, thiết bị trạm biến áp nhằm đảm bảo cung cấp điện phục vụ phát triển kinh tế - xã hội, phục vụ sinh hoạt của người dân trên địa bàn tỉnh',
        'Thường xuyên',
        'Điện lực tỉnh',
        'Sở Công thương',
    ],
    [
        '6.4',
        'Anh ninh, trật tự khu dân cư',
        'Chỉ đạo lực lượng công an tập trung tiếp tục đấu tranh trấn áp các loại tội phạm vi phạm pháp luật; tham mưu giải quyết các vụ tranh chấp, khiếu kiện phức tạp, kéo dài, không để hình thành "điểm nóng" về an ninh trật tự. Đảm bảo an ninh trật tự, an toàn xã hội tại các khu dân cư; tiếp tục phát động phong trào toàn dân bảo vệ an ninh trật tự, phòng chống tội phạm, tố giác tội phạm trên địa bàn tỉnh.',
        'Thường xuyên',
        'Công an cấp xã',
        'Công an tỉnh',
    ],
    [
        '7',
        'Quản trị môi trường',
        '',
        '',
        '',
        '',
    ],
    [
        '',
        'Nghiêm túc bảo vệ môi trường, chất lượng không khí, nước',
        'Tăng cường tổ chức thanh tra, kiểm tra, xử lý các doanh nghiệp, khu công nghiệp, các công trình công cộng đang thi công, các cơ sở sản xuất, chăn nuôi để kịp thời xử lý vấn đề gây ô nhiễm môi trường',
        'Thường xuyên',
        'UBND cấp xã',
        'Sở Nông nghiệp và Môi trường',
    ],
    [
        UP,
        UP,
        'Phối hợp với các cơ quan chức năng, các địa phương triển khai thực hiện quyết liệt các biện pháp quản lý, bảo vệ môi trường không khí, môi trường nước theo quy định của pháp luật',
        UP,
        UP,
        UP,
    ],
    [
        UP,
        UP,
        'Phát động phong trào toàn dân dọn vệ sinh nơi công cộng; triển khai các công trình tự quản về bảo vệ môi trường do các hội, đoàn thể thực hiện; tổ chức mô hình tự giám sát trong nhân dân, phản ánh hiện trường; đưa nội dung cam kết bảo vệ môi trường vào hương ước, quy',
        UP,
        UP,
        UP,
    ],
    [
        '8',
        'Quản trị điện tử',
        '',
        '',
        '',
        '',
    ],
    [
        '8.1',
        'Sử dụng cổng thông tin điện tử của chính quyền địa phương',
        '- Tăng cường thông tin, tuyên truyền, phổ biến đến người dân được biết và sử dụng, khai thác thông tin trên Cổng thông tin điện tử của tỉnh; Trang thông tin điện tử các cơ quan nhà nước.\n- Tăng cường thông tin, tuyên truyền, hướng dẫn người dân tìm hiểu thông tin về thủ tục hành chính và nộp hồ sơ thủ tục hành chính trực tuyến trên Cổng Dịch vụ công quốc gia',
        'Thường xuyên',
        'UBND cấp xã',
        'Văn phòng UBND tỉnh; Sở Khoa học và Công nghệ',
    ],
    [
        '8.2',
        'Tiếp cận và sử dụng Internet',
        'Tuyên truyền người dân về tiện ích sử dụng Internet, tiếp tục phát triển hạ tầng, internet băng thông rộng tới các vùng sâu, vùng xã trên địa bàn tỉnh',
        'Thường xuyên',
        UP,
        'Sở Khoa học và Công nghệ',
    ],
    [
        UP,
        UP,
        'Sử dụng các phương thức, phương tiện thanh toán không dùng tiền mặt trong cung ứng dịch vụ công',
        'Thường xuyên',
        'Ngân hàng Nhà nước Chi nhánh khu vực',
        UP,
    ],
    [
        '8.3',
        'Phúc đáp của chính quyền qua Cổng thông tin điện tử',
        'Kịp thời tổng hợp xử lý hoặc chuyển đến cơ quan, đơn vị, địa phương có thẩm quyền xử lý các phản ánh, kiến nghị, nội dung thắc mắc được người dân, doanh nghiệp gửi trên Cổng thông tin điện tử tỉnh; phúc đáp, công khai kết quả xử lý theo quy định. Tuyệt đối tránh trường hợp xử lý, phúc đáp, công khai quá thời hạn',
        'Thường xuyên',
        'Các sở, ban, ngành, UBND cấp xã',
        'Văn phòng UBND tỉnh',
    ],
]

# ---------------------------------------------------------------------------
# Writer
# ---------------------------------------------------------------------------

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
LINE_HEIGHT_PT = 16.0  # one wrapped line of Times New Roman 12

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

# Horizontal alignment of data cells per column.
DATA_HALIGN = ["center", "left", "left", "center", "left", "left"]


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def is_area_row(row) -> bool:
    """Lĩnh vực row: numeric STT, title, and nothing else."""
    stt = row[0]
    return (
        isinstance(stt, str)
        and stt.isdigit()
        and isinstance(row[1], str)
        and all(cell == "" for cell in row[2:])
    )


def classify(rows):
    """Count area rows, criterion rows and task rows of one annex."""
    area = criterion = criterion_heading_only = continuation = own_task = 0
    for row in rows:
        if is_area_row(row):
            area += 1
            continue
        if row[1] is UP:
            continuation += 1
        else:
            criterion += 1
            if row[2] == "":
                criterion_heading_only += 1
        if isinstance(row[2], str) and row[2] != "":
            own_task += 1
    return {
        "area": area,
        "criterion": criterion,
        "criterion_heading_only": criterion_heading_only,
        "continuation_task": continuation,
        "own_task_cell": own_task,
    }


def vertical_merges(rows, first_row):
    """Yield (col, top_row, bottom_row) for every run of UP markers."""
    merges = []
    for col in range(N_COLS):
        r = 0
        while r < len(rows):
            if rows[r][col] is UP:
                if r == 0 or rows[r - 1][col] is UP:
                    raise ValueError(f"UP without anchor at row {r}, col {col}")
                end = r
                while end + 1 < len(rows) and rows[end + 1][col] is UP:
                    end += 1
                merges.append((col, first_row + r - 1, first_row + end))
                r = end + 1
            else:
                r += 1
    return merges


def _estimate_lines(text: str, width: float) -> int:
    chars_per_line = max(1.0, width * 1.05)
    return sum(max(1, math.ceil(len(part) / chars_per_line)) for part in text.split("\n"))


def write_annex(ws, title_lines, header_rows, header_hmerges, data_rows, area_fill=None):
    for col, width in enumerate(COLUMN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    last_col = get_column_letter(N_COLS)

    # Title block: three merged, centred lines, then one empty row.
    for i, text in enumerate(title_lines, start=1):
        ws.merge_cells(f"A{i}:{last_col}{i}")
        cell = ws.cell(row=i, column=1, value=_nfc(text))
        cell.font = Font(name=FONT_NAME, size=FONT_SIZE, bold=(i < 3), italic=(i == 3))
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[i].height = 18
    ws.row_dimensions[len(title_lines) + 1].height = 12

    header_top = len(title_lines) + 2
    data_top = header_top + len(header_rows)
    table_bottom = data_top + len(data_rows) - 1

    # Values.
    for block_top, block in ((header_top, header_rows), (data_top, data_rows)):
        for r, row in enumerate(block):
            if len(row) != N_COLS:
                raise ValueError(f"row {r} of block at {block_top} has {len(row)} cells")
            for c, value in enumerate(row):
                if value is UP or value == "":
                    continue
                # Always a str: STT "1.10" must never become the number 1.1.
                ws.cell(row=block_top + r, column=c + 1, value=str(_nfc(value)))

    # Merges.
    for col, top, bottom in vertical_merges(header_rows, header_top):
        ws.merge_cells(start_row=top, start_column=col + 1, end_row=bottom, end_column=col + 1)
    for hr, c1, c2 in header_hmerges:
        ws.merge_cells(
            start_row=header_top + hr, start_column=c1 + 1,
            end_row=header_top + hr, end_column=c2 + 1,
        )
    for col, top, bottom in vertical_merges(data_rows, data_top):
        if is_area_row(data_rows[top - data_top]):
            raise ValueError(f"merge anchored on an area row at row {top}")
        ws.merge_cells(start_row=top, start_column=col + 1, end_row=bottom, end_column=col + 1)

    # Styles (after merging, so merged-away cells get borders too).
    header_font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    body_font = Font(name=FONT_NAME, size=FONT_SIZE)
    for r in range(header_top, table_bottom + 1):
        in_header = r < data_top
        row_data = None if in_header else data_rows[r - data_top]
        area = row_data is not None and is_area_row(row_data)
        for c in range(1, N_COLS + 1):
            cell = ws.cell(row=r, column=c)
            cell.border = BORDER
            cell.font = header_font if (in_header or area) else body_font
            halign = "center" if in_header else DATA_HALIGN[c - 1]
            cell.alignment = Alignment(horizontal=halign, vertical="center", wrap_text=True)

    # Row heights estimated from the non-merged cell texts.
    for r, row in enumerate(data_rows):
        lines = 1
        for c, value in enumerate(row):
            if isinstance(value, str) and value:
                lines = max(lines, _estimate_lines(value, COLUMN_WIDTHS[c]))
        ws.row_dimensions[data_top + r].height = lines * LINE_HEIGHT_PT + 4
    for r in range(header_top, data_top):
        ws.row_dimensions[r].height = 2 * LINE_HEIGHT_PT + 4 if len(header_rows) == 1 else LINE_HEIGHT_PT + 8

    # Page setup: A4 landscape, fit to one page wide, header rows repeated.
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{header_top}:{data_top - 1}"
    return data_top, table_bottom


def build_workbook() -> Workbook:
    wb = Workbook()
    ws1 = wb.active
    ws1.title = "Phụ lục 1"
    write_annex(ws1, PHU_LUC_1_TITLE, PHU_LUC_1_HEADER, [], PHU_LUC_1_ROWS)
    ws2 = wb.create_sheet("Phụ lục 2")
    write_annex(ws2, PHU_LUC_2_TITLE, PHU_LUC_2_HEADER, PHU_LUC_2_HEADER_HMERGES, PHU_LUC_2_ROWS)
    wb.properties.title = "Phụ lục Kế hoạch số 2163/KH-UBND ngày 12/7/2025 của UBND tỉnh Cao Bằng"
    return wb


def main() -> None:
    wb = build_workbook()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    wb.save(OUTPUT)
    print(f"Wrote {OUTPUT}")
    for name, rows in (("Phụ lục 1", PHU_LUC_1_ROWS), ("Phụ lục 2", PHU_LUC_2_ROWS)):
        counts = classify(rows)
        print(
            f"{name}: {len(rows)} data rows "
            f"({counts['area']} area, {counts['criterion']} criterion "
            f"[{counts['criterion_heading_only']} heading-only], "
            f"{counts['continuation_task']} extra task rows; "
            f"{counts['own_task_cell']} rows with their own task cell)"
        )


if __name__ == "__main__":
    main()
