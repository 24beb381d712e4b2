#!/usr/bin/env python3
"""Write the annex of the Đắk Lắk 2025 plan as an Excel workbook (importer test data).

Source: the PHỤ LỤC "Phân công nhiệm vụ triển khai thực hiện cải thiện và nâng cao Chỉ số
PAR Index, Chỉ số SIPAS và Chỉ số PAPI của tỉnh Đắk Lắk năm 2025" (ban hành kèm theo Kế
hoạch số /KH-UBND ngày tháng 9 năm 2025 của UBND tỉnh — number and day left blank in the
published text). One table, one sheet, with the three indices as section rows
("I CHỈ SỐ PAR INDEX", "II CHỈ SỐ SIPAS", "III CHỈ SỐ PAPI").

The sheet is laid out like an annex converted from the Word/PDF original, page breaks
included: the header row is repeated inside the data at three page-break positions
(``HEADER`` rows below), and one cell split by a page break is kept as it was printed —
criterion 2.5 continues on the next page in a row whose STT is empty (the importer has to
join it). Every other page-split row is reassembled.

The transcription is plain Python data, one list per table row (STT, lĩnh vực/tiêu chí,
nội dung thực hiện, cơ quan thực hiện, cơ quan chủ trì, thời gian thực hiện):

* a ``str`` is the cell text exactly as written in the plan (NFC). Bullets ("- …") are
  kept on separate lines (``\\n``); HTML leftovers of the extraction are removed;
* ``''`` is a genuinely empty cell;
* ``UP`` means "merged with the cell above": every run of ``UP`` in a column becomes one
  vertical merged range together with the nearest non-``UP`` cell above it;
* ``HEADER`` is a repeated header row (a page-break leftover), written like the header.

STT codes are text ("5.10" must never become 5.1). Judgements and source oddities:
``dak_lak_notes.md``; expected importer results:
``dak_lak_expected.json``.

Usage (openpyxl is the only dependency)::

    python tests/data/make_dak_lak_xlsx.py
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "dak-lak-2025-phu-luc.xlsx"


class _Sentinel:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


UP = _Sentinel("UP")          # merged with the cell above
HEADER = _Sentinel("HEADER")  # the header row, repeated after a page break

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
LINE_HEIGHT_PT = 15.75

TITLE = [
    'PHỤ LỤC',
    'Phân công nhiệm vụ triển khai thực hiện cải thiện và nâng cao Chỉ số PAR Index, Chỉ số SIPAS',
    'và Chỉ số PAPI của tỉnh Đắk Lắk năm 2025',
    '(Ban hành kèm theo Kế hoạch số /KH-UBND ngày tháng 9 năm 2025 của UBND tỉnh)',
]
HEADER_ROW = ['STT', 'LĨNH VỰC, TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN', 'NỘI DUNG THỰC HIỆN', 'CƠ QUAN THỰC HIỆN', 'CƠ QUAN CHỦ TRÌ', 'THỜI GIAN THỰC HIỆN']
WIDTHS = [7, 38, 62, 26, 24, 18]

ROWS = [
    ['I', 'CHỈ SỐ PAR INDEX', '', '', '', ''],
    [
        '1',
        'Công tác chỉ đạo, điều hành CCHC',
        'Sở Nội vụ chủ trì, đôn đốc các cơ quan, đơn vị thực hiện và tổng hợp báo cáo',
        '',
        '',
        '',
    ],
    [
        '1.1',
        'Thực hiện kế hoạch CCHC',
        '- Các cơ quan, đơn vị bám sát Kế hoạch CCHC năm 2025 của tỉnh để hoàn thành có chất lượng và đúng tiến độ 100% các nhiệm vụ được giao chủ trì phụ trách.\n- Sở Nội vụ thường xuyên theo dõi, đôn đốc cơ quan, đơn vị thực hiện hoàn thành 100% các nhiệm vụ theo Kế hoạch CCHC năm 2025.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Chậm nhất là ngày 31/12/2025',
    ],
    [
        '1.2',
        'Thực hiện chế độ báo cáo CCHC',
        '100% các báo cáo CCHC định kỳ trong năm 2025, gồm: báo cáo quý I, quý II, 06 tháng và báo cáo năm phải thực hiện đúng theo quy định của Bộ Nội vụ',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Theo thời hạn quy định của Bộ Nội vụ',
    ],
    [
        '1.3',
        'Tỷ lệ cơ quan chuyên môn (CQCM) cấp tỉnh và đơn vị hành chính (ĐVHC) cấp xã được kiểm tra trong năm',
        'Trong năm 2025 phải thực hiện kiểm tra CCHC ít nhất là 30% số cơ quan, đơn vị theo quy định',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Hoàn thành kiểm tra, ban hành Thông báo kết luận kiểm tra trước ngày 31/12/2025',
    ],
    HEADER,  # page break (source line 15): header repeated between 1.3 and 1.4
    [
        '1.4',
        'Xử lý các vấn đề phát hiện qua kiểm tra',
        '- Các thông báo kết luận kiểm tra phải thực hiện kết luận riêng cho từng đơn vị thanh tra, kiểm tra, tránh trường hợp cùng một văn bản kết luận cho nhiều đơn vị.\n- Các cơ quan, đơn vị, địa phương được kiểm tra trong năm 2025 phải ban hành Kế hoạch khắc phục, triển khai khắc phục triệt để 100% các vấn đề phát hiện sau kiểm tra và Báo cáo việc triển khai khắc phục cho Đoàn kiểm tra theo đúng thời gian quy định.\n- Sở Nội vụ, Thanh tra tỉnh, Văn phòng UBND tỉnh theo dõi, đôn đốc các cơ quan, địa phương được kiểm tra trong năm 2025 khắc phục triệt để 100% các vấn đề phát hiện qua kiểm tra.',
        'Các cơ quan, đơn vị',
        'Sở Nội vụ, Văn phòng UBND tỉnh, Thanh tra tỉnh và các cơ quan có liên quan',
        'Hoàn thành kiểm tra, ban hành Thông báo kết luận kiểm tra trước ngày 31/12/2025',
    ],
    [
        '1.5',
        'Công tác tuyên truyền CCHC',
        '- Duy trì tuyên truyền các tin bài, phóng sự,...về CCHC trên Báo, Phát thanh và Truyền hình tỉnh, Cổng thông tin điện tử của tỉnh.\n- Tổ chức các cuộc thi, hội thi về CCHC, các lớp tập huấn, bồi dưỡng về công tác CCHC.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ, Văn phòng UBND tỉnh và các cơ quan có liên quan',
        'Hoàn thành trước ngày 31/12/2025',
    ],
    [
        '1.6',
        'Sáng kiến hoặc giải pháp mới trong CCHC',
        '- Trong năm 2025 tỉnh phải có từ 03 sáng kiến CCHC trở lên được UBND tỉnh phê duyệt hoặc được Trung ương cho phép thí điểm và triển khai nhân rộng thực hiện trên toàn tỉnh trong năm 2025.\n- Tổ chức các cuộc thi hoặc có các giải pháp để tìm kiếm sáng kiến, cách làm hay về CCHC và triển khai nhân rộng trên toàn tỉnh.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ và các cơ quan có liên quan',
        'Hoàn thành trước ngày 31/12/2025',
    ],
    [
        '1.7',
        'Đối thoại của lãnh đạo tỉnh với người dân, doanh nghiệp',
        'Trong năm 2025 tổ chức ít nhất 02 cuộc đối thoại/diễn đàn giữa Lãnh đạo tỉnh với người dân, doanh nghiệp và hoàn thành giải đáp, xử lý 100% các đề xuất, kiến nghị, vướng mắc của doanh nghiệp, người dân sau khi tổ chức đối thoại/diễn đàn.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Hoàn thành trước ngày 31/12/2025',
    ],
    [
        '1.8',
        'Thực hiện nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao',
        '- Trong năm 2025, các cơ quan, đơn vị, địa phương được phân công nhiệm vụ phải thường xuyên theo dõi, rà soát, hoàn thành 100% các nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao trong năm 2025 theo đúng quy định.\n- Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện; kịp thời Báo cáo Chủ tịch UBND tỉnh các trường thực hiện chậm hoàn chưa hoàn thành theo quy định.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Hoàn thành trước ngày 31/12/2025',
    ],
    [
        '2',
        'CẢI CÁCH THỂ CHẾ',
        'Sở Tư pháp chủ trì, đôn đốc Các cơ quan, đơn vị, địa phương thực hiện và tổng hợp báo cáo',
        '',
        '',
        '',
    ],
    [
        '2.1',
        'Thực hiện theo dõi thi hành pháp luật (TDTHPL)',
        'Trong năm 2025, triển khai thực hiện các hoạt động TDTHPL theo Kế hoạch đã ban hành và theo hướng dẫn của cấp có thẩm quyền',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tư pháp',
        'Hoàn thành trước ngày 31/12/2025',
    ],
    [
        '2.2',
        'Công bố danh mục VBQPPL hết hiệu lực, ngưng hiệu lực định kỳ hàng năm',
        'Trong năm 2025, tham mưu ban hành văn bản công bố danh mục văn bản quy phạm pháp luật hết hiệu lực, ngưng hiệu lực của tỉnh theo đúng quy định của Chính phủ và hướng dẫn của Bộ Tư pháp.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tư pháp',
        'Theo thời hạn quy định của Trung ương',
    ],
    [
        '2.3',
        'Kiểm tra, xử lý VBQPPL',
        'Trong năm 2025, triển khai kiểm tra văn bản tại các cơ quan, đơn vị, địa phương theo quy định và xử lý 100% văn bản trái pháp luật do cơ quan có thẩm quyền kiến nghị.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tư pháp',
        'Hoàn thành trước ngày 31/12/2025',
    ],
    [
        '2.4',
        'Cập nhật văn bản thuộc trách nhiệm của địa phương trên Cơ sở dữ liệu quốc gia về pháp luật',
        '100% VBQPPL của tỉnh được ban hành trong năm 2025 phải được cập nhật đầy đủ, kịp thời trên Cơ sở dữ liệu quốc gia về pháp luật đảm bảo theo đúng quy định của Trung ương',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tư pháp',
        'Theo thời hạn quy định của Trung ương',
    ],
    [
        '2.5',
        'Chất lượng VBQPPL do tỉnh ban hành (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo,',
        '- Các cơ quan, đơn vị, địa phương cần nâng cao hơn nữa chất lượng ban hành, tham mưu cấp có thẩm quyền ban hành VBQPPL, tránh việc VBQPPL ban hành tràn lan, không hiệu quả.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tư pháp',
        'Trong năm 2025',
    ],
    HEADER,  # page break (source line 30) inside 2.5; the row below continues 2.5
    # Continuation of 2.5 after the page break: empty STT, kept split on purpose.
    [
        '',
        'quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Sở Tư pháp theo dõi, đơn đốc, kiểm tra việc ban hành, tham mưu ban hành VBQPPL các cấp trên địa bàn tỉnh.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện',
        '',
        '',
        '',
    ],
    [
        '3',
        'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
        'Văn phòng UBND tỉnh chủ trì, đơn đốc các cơ quan, đơn vị, địa phương thực hiện và tổng hợp báo cáo',
        '',
        '',
        '',
    ],
    [
        '3.1',
        'Kiểm soát quy định thủ tục hành chính (TTHC)',
        '100% các TTHC trên địa bàn tỉnh được ban hành trong năm 2025 đảm bảo đúng thẩm quyền theo quy định.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Trong năm 2025',
    ],
    [
        '3.2',
        'Công bố TTHC, danh mục TTHC theo quy định',
        'Trong năm 2025, các sở, ban, ngành tham mưu ban hành các Quyết định công bố TTHC, danh mục TTHC của UBND tỉnh theo đúng quy định.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Theo thời hạn quy định của Trung ương',
    ],
    [
        '3.3',
        'Công khai TTHC và các quy định có liên quan',
        'Trong năm 2025, 100% các TTHC phải được công khai đầy đủ, kịp thời trên: (1) Cổng DVC quốc gia; (2) Hệ thống thông tin giải quyết TTHC và Trang TTĐT của các cơ quan, đơn vị, địa phương có thẩm quyền giải quyết TTHC; (3) Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa các cấp.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '3.4',
        'Công khai tiến độ, kết quả giải quyết hồ sơ trên Hệ thống thông tin giải quyết TTHC',
        'Trong năm 2025, 100% hồ sơ TTHC của các cơ quan, địa phương tiếp nhận, giải quyết được đồng bộ, công khai trên Cổng DVC quốc gia; 100% hồ sơ TTHC của các cơ quan, đơn vị, địa phương tiếp nhận, giải quyết được công khai trên Hệ thống thông tin giải quyết TTHC của tỉnh.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '3.5',
        'Công bố TTHC nội bộ cấp tỉnh',
        '- Trong năm 2025, 100% các TTHC của các cơ quan, đơn vị, địa phương được công bố đúng theo quy định.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Trong năm 2025',
    ],
    [
        '3.6',
        'Tỷ lệ TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa',
        'Trong năm 2025, 100% số TTHC thuộc thẩm quyền giải quyết của các cấp được tiếp nhận và trả kết quả giải tại Trung tâm Phục vụ hành chính công, Bộ phận Một cửa các cấp theo quy định.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Trong năm 2025',
    ],
    [
        '3.7',
        'Số TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông cùng cấp và liên thông giữa các cấp',
        '- Đạt từ 50 TTHC hoặc nhóm TTHC trở lên được giải quyết theo hình thức liên thông cùng cấp;\n- Đạt từ 30 TTHC hoặc nhóm TTHC trở lên được giải quyết theo hình thức liên thông giữa các cấp.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Trong năm 2025',
    ],
    [
        '3.8',
        'Tỷ lệ hồ sơ TTHC do CQCM cấp tỉnh, cấp xã tiếp nhận trong năm được giải quyết đúng hạn; thực hiện xin lỗi người dân, tổ chức khi để xảy ra sai sót, trễ hạn trong giải quyết TTHC',
        '- Từng cấp tỉnh, cấp xã đạt từ 98% hồ sơ TTHC trở lên tiếp nhận trong năm 2025 được giải quyết đúng hạn.\n- 100% các hồ sơ TTHC khi để xảy ra sai sót, trễ hạn trong giải quyết TTHC phải thực hiện thư xin lỗi theo quy định.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Trong năm 2025',
    ],
    [
        '3.9',
        'Đánh giá chất lượng giải quyết TTHC của địa phương',
        'Phần đầu từ 80% các cơ quan cấp tỉnh, cấp xã đạt điểm đánh giá từ loại tốt trở lên.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Trong năm 2025',
    ],
    [
        '4',
        'CẢI CÁCH TỔ CHỨC BỘ MÁY',
        'Sở Nội vụ chủ trì, đôn đốc các cơ quan, đơn vị, địa phương thực hiện và tổng hợp báo cáo',
        '',
        '',
        '',
    ],
    [
        '4.1',
        'Hoàn thiện quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của các CQCM cấp tỉnh và phòng chuyên môn cấp xã',
        '100% các quy định về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của các sở, ban, ngành; phòng chuyên môn thuộc cấp xã được hoàn thiện kịp thời, đúng quy định',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '4.2',
        'Thực hiện cơ cấu số lượng lãnh đạo tại các cơ quan hành chính theo các tiêu chí',
        '100% lãnh đạo các sở, ban, ngành; lãnh đạo các phòng chuyên môn thuộc sở, ban, ngành, thuộc UBND cấp xã có cơ cấu số lượng lãnh đạo đáp ứng tiêu chí do Chính phủ và các cơ quan có thẩm quyền quy định.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '4.3',
        'Tính hợp lý trong sắp xếp tổ chức bộ máy các cơ quan, đơn vị, địa phương thuộc thẩm quyền của tỉnh (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các cơ quan, đơn vị, địa phương tiếp tục triển khai thực hiện tốt việc sắp xếp, kiện toàn tổ chức bộ máy theo quy định hiện hành.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.\n- Sở Nội vụ theo dõi, đôn đốc thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '4.4',
        'Tính hợp lý trong phân định chức năng, nhiệm vụ giữa tại địa phương (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các cơ quan, đơn vị, địa phương tiếp tục triển khai thực hiện tốt việc sắp xếp, kiện toàn tổ chức bộ máy theo quy định hiện hành.\n- Sở Nội vụ theo dõi, đôn đốc thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '4.5',
        'Tình hình thực hiện quy chế làm việc của UBND tỉnh (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các cơ quan, đơn vị, địa phương triển khai thực hiện thực hiện quy chế làm việc của UBND tỉnh theo đúng quy định.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Trong năm 2025',
    ],
    [
        '4.6',
        'Thực hiện các quy định về quản lý biên chế',
        '100% các cơ quan, đơn vị, địa phương trên địa bàn tỉnh thực hiện sử dụng biên chế công chức và số lượng người làm việc trong các đơn vị sự nghiệp công lập đảm bảo đúng theo quy định, không vượt quá số lượng được giao.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '4.7',
        'Thực hiện các quy định về phân cấp quản lý do Chính phủ và các bộ, ngành ban hành',
        'Thực hiện các nhiệm vụ theo đúng quy định hiện hành của Trung ương về đẩy mạnh phân cấp, phân quyền trong quản lý nhà nước theo ngành, lĩnh vực',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '4.8',
        'Thanh tra, kiểm tra việc thực hiện nhiệm vụ quản lý nhà nước đã phân cấp, phân quyền cho cấp xã',
        'Thực hiện đầy đủ, đúng quy định công tác thanh tra, kiểm tra việc thực hiện nhiệm vụ quản lý nhà nước đã phân cấp, phân quyền cho cấp xã',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '4.9',
        'Xử lý các vấn đề về phân cấp, phân quyền phát hiện qua thanh tra, kiểm tra',
        '100% số vấn đề phát hiện qua kiểm tra việc thực hiện nhiệm vụ quản lý nhà nước đã phân cấp, phân quyền phải được xử lý hoặc kiến nghị cấp có thẩm quyền xử lý',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5',
        'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
        'Sở Nội vụ chủ trì, đôn đốc các cơ quan, đơn vị, địa phương thực hiện và tổng hợp báo cáo',
        '',
        '',
        '',
    ],
    [
        '5.1',
        'Cập nhật, hoàn thiện quy định về vị trí việc làm của cơ quan, tổ chức thuộc phạm vi quản lý',
        'Rà soát, cập nhật và ban hành các văn bản để hoàn thiện các quy định về vị trí việc làm và tiêu chuẩn chức danh đối với các cơ quan, tổ chức hành chính thuộc phạm vi quản lý theo quy định của Chính phủ và các bộ, ngành hoặc trong các trường hợp sáp nhập,... tại tỉnh',
        'Các cơ quan, đơn vị, địa phương, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.2',
        'Tỷ lệ cơ quan, tổ chức hành chính của tỉnh bố trí công chức theo đúng vị trí việc làm được phê duyệt',
        '100% các sở, ban, ngành, địa phương phải bố trí công chức theo vị trí việc làm và tiêu chuẩn ngạch công chức tương ứng với bản mô tả công việc, khung năng lực của từng vị trí',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.3',
        'Tỷ lệ đơn vị sự nghiệp thuộc tỉnh bố trí viên chức theo đúng vị trí việc làm được phê duyệt',
        '100% các đơn vị sự nghiệp thuộc UBND tỉnh, thuộc các sở, ban, ngành bố trí viên chức theo đúng vị trí việc làm được phê duyệt.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.4',
        'Tuyển dụng công chức, viên chức',
        'Các cơ quan, đơn vị trên địa bàn tỉnh triển khai thực hiện tuyển dụng công chức, viên chức trong năm 2025 đảm bảo theo đúng quy định',
        'Các cơ quan, đơn vị',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.5',
        'Tính công khai, minh bạch trong công tác tuyển dụng công chức, viên chức (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các cơ quan, đơn vị, địa phương tiếp tục triển khai thực hiện tốt việc công khai, minh bạch, phòng chống tiêu cực trong công tác tuyển dụng, bổ nhiệm công chức, viên chức theo đúng quy định.\n- Sở Nội vụ theo dõi, đôn đốc thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.6',
        'Tình trạng tiêu cực trong công tác tuyển dụng công chức, viên chức (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các cơ quan, đơn vị, địa phương tiếp tục triển khai thực hiện tốt việc công khai, minh bạch, phòng chống tiêu cực trong công tác tuyển dụng công chức, viên chức theo đúng quy định.\n- Sở Nội vụ theo dõi, đôn đốc thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.7',
        'Thực hiện quy định về bổ nhiệm các chức danh lãnh đạo, quản lý',
        '100% các trường hợp bổ nhiệm các chức danh lãnh đạo, quản lý của các cơ quan, đơn vị, địa phương theo quy định',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.8',
        'Tính công khai, minh bạch trong công tác bổ nhiệm công chức, viên chức (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các cơ quan, đơn vị, địa phương tiếp tục triển khai thực hiện tốt việc công khai, minh bạch, phòng chống tiêu cực trong công tác tuyển dụng, bổ nhiệm công chức, viên chức theo đúng quy định.\n- Sở Nội vụ theo dõi, đôn đốc thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.9',
        'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức',
        'Phấn đấu 100% cán bộ, công chức, viên chức của các cơ quan, địa phương trên địa bàn tỉnh không bị xử lý kỷ luật từ mức khiển trách trở lên',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.10',
        'Mức độ thực hiện các chỉ tiêu, nhiệm vụ đào tạo, bồi dưỡng cán bộ, công chức, viên chức',
        'Hoàn thành 100% các nhiệm vụ đề ra trong Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức hàng năm theo quy định',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.11',
        'Chất lượng đào tạo, bồi dưỡng cán bộ, công chức, viên chức (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các sở, ban, ngành, UBND cấp xã tiếp tục rà soát, cử CBCCVV tham gia các lớp đào tạo, bồi dưỡng theo quy định.\n- Sở Nội vụ tiếp tục tham mưu UBND tỉnh tổ chức các lớp đào tạo, bồi dưỡng CBCCVV của tỉnh có chất lượng, phù hợp với tình hình thực hiện nhiệm vụ hiện nay và theo quy định.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.12',
        'Tỷ lệ đạt chuẩn của cán bộ, công chức cấp xã',
        '100% cán bộ, công chức cấp xã trên địa bàn tỉnh đạt chuẩn đúng theo các quy định của Đảng, Chính phủ, Bộ Nội vụ và các tiêu chuẩn do các tổ chức đoàn thể, chính trị - xã hội quy định đối với từng chức danh cụ thể',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.13',
        'Năng lực chuyên môn của công chức trong phối hợp, xử lý công việc (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các sở, ban, ngành, UBND cấp xã tiếp tục theo dõi, thường xuyên cử công chức của cơ quan, địa phương tham gia các lớp đào tạo, bồi dưỡng để nâng cao về năng lực chuyên môn và tinh thần trách nhiệm trong thực thi nhiệm vụ công vụ\n- Sở Nội vụ theo dõi, đôn đốc thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.14',
        'Tinh thần trách nhiệm của công chức trong phối hợp, xử lý công việc (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các sở, ban, ngành, UBND cấp xã tiếp tục theo dõi, thường xuyên cử công chức của cơ quan, địa phương tham gia các lớp đào tạo, bồi dưỡng để nâng cao về năng lực chuyên môn và tinh thần trách nhiệm trong thực thi nhiệm vụ công vụ\n- Sở Nội vụ theo dõi, đôn đốc thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.15',
        'Tình trạng công chức lợi dụng chức vụ, quyền hạn để trục lợi cá nhân trong phối hợp, xử lý công việc (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các sở, ban, ngành, UBND cấp xã thường xuyên tổ chức thanh tra, kiểm tra đột xuất kỷ luật, kỷ cương hành chính, nhất là CCVC làm việc tại Bộ phận Một cửa các cấp.\n- Sở Nội vụ theo dõi, kiểm tra, đôn đốc thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '5.16',
        'Tính hiệu quả trong việc thực thi chính sách thu hút người có tài năng vào bộ máy hành chính (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các sở, ban, ngành, UBND cấp xã thực hiện tốt, có hiệu quả các chính sách về thu hút người có tài năng vào bộ máy hành chính theo đúng quy định hiện hành.\n- Sở Nội vụ theo dõi, kiểm tra, đôn đốc, hướng dẫn thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ',
        'Trong năm 2025',
    ],
    [
        '6',
        'CẢI CÁCH TÀI CHÍNH CÔNG',
        'Sở Tài chính chủ trì, đôn đốc các cơ quan, đơn vị, địa phương thực hiện và tổng hợp báo cáo',
        '',
        '',
        '',
    ],
    [
        '6.1',
        'Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước (NSNN)',
        '- Các cơ quan, đơn vị, địa phương thực hiện giải ngân vốn đầu tư ngân sách nhà nước đảm bảo hoàn thành đạt và vượt chỉ tiêu về giải ngân đã đề ra theo quy định của Trung ương và của tỉnh.\n- Sở Tài chính theo dõi, kiểm tra, đôn đốc, hướng dẫn thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.2',
        'Thực hiện quy định về việc sử dụng kinh phí nguồn từ NSNN',
        '- Các cơ quan, đơn vị, địa phương thực hiện nghiêm túc, đúng quy định, không để xảy ra sai phạm quy định về việc sử dụng kinh phí nguồn từ NSNN.\n- Sở Tài chính theo dõi, kiểm tra, đôn đốc, hướng dẫn thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.3',
        'Thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách',
        '100% các kiến kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách được thực hiện theo quy định',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.4',
        'Tính hiệu quả của việc thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các cơ quan, đơn vị, địa phương thực hiện nghiêm túc, đúng quy định, có hiệu quả về cơ chế tự chủ về sử dụng kinh phí quản lý hành chính.\n- Sở Tài chính theo dõi, kiểm tra, đôn đốc, hướng dẫn thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.5',
        'Thực hiện tiết kiệm, chống lãng phí trong quản lý, sử dụng kinh phí của cơ quan, đơn vị (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các cơ quan, đơn vị, địa phương thực hiện nghiêm túc, đúng quy định, có hiệu quả hiện tiết kiệm, chống lãng phí trong quản lý, sử dụng kinh phí của cơ quan, đơn vị mình.\n- Sở Tài chính theo dõi, kiểm tra, đôn đốc, hướng dẫn thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.6',
        'Công tác quản lý, sử dụng tài sản công',
        'Các cơ quan, đơn vị, địa phương triển khai thực hiện quản lý, sử dụng tài sản công đảm bảo theo đúng quy định',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.7',
        'Tính hiệu quả của việc quản lý, sử dụng tài sản công (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các cơ quan, đơn vị, địa phương thực hiện nghiêm túc, đúng quy định, có hiệu quả trong quản lý, sử dụng tài sản công.\n- Sở Tài chính theo dõi, kiểm tra, đôn đốc, hướng dẫn thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.8',
        'Số đơn vị SNCL tự bảo đảm chi thường xuyên',
        'Trong từng năm thực hiện, có từ 01 đơn vị sự nghiệp công lập được giao đảm bảo một phần kinh phí chi thường xuyên (không tính các trường hợp giao lại) trở lên',
        'Các cơ quan, đơn vị, địa phương, địa phương',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.9',
        'Số đơn vị SNCL tự bảo đảm một phần chi thường xuyên',
        'Trong từng năm thực hiện, có từ 03 đơn vị sự nghiệp công lập được giao đảm bảo kinh phí chi thường xuyên (không tính các trường hợp giao lại) trở lên',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.10',
        'Thực hiện quy định về sử dụng các nguồn tài chính và phân phối kết quả tài chính tại các đơn vị SNCL',
        '- Các cơ quan, đơn vị thực hiện nghiêm túc, đúng quy định;\n- Sở Tài chính theo dõi, kiểm tra, đôn đốc, hướng dẫn thực hiện.',
        'Các cơ quan, đơn vị',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.11',
        'Tỷ lệ giảm chi trực tiếp ngân sách cho đơn vị sự nghiệp',
        'Sở Tài chính chủ trì, theo dõi tham mưu thực hiện nội dung này.',
        'Các cơ quan, đơn vị',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '6.12',
        'Tính hiệu quả của việc thực hiện cơ chế tự chủ tại các đơn vị SNCL (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Các cơ quan, đơn vị thực hiện nghiêm túc, đúng quy định, có hiệu quả về thực hiện cơ chế tự chủ tại các đơn vị SNCL.\n- Sở Tài chính theo dõi, kiểm tra, đôn đốc, hướng dẫn thực hiện.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Trong năm 2025',
    ],
    [
        '7',
        'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN, CHÍNH QUYỀN SỐ',
        'Sở Khoa học và Công nghệ chủ trì, đôn đốc các cơ quan, đơn vị, địa phương thực hiện và tổng hợp báo cáo',
        '',
        '',
        '',
    ],
    [
        '7.1',
        'Triển khai, duy trì, cập nhật Kiến trúc Chính quyền điện tử theo quy định',
        'Tổ chức triển khai thực hiện Kiến trúc Chính quyền điện tử phiên bản 3.0 theo quy định.',
        'Sở Khoa học và Công nghệ và các cơ quan, đơn vị',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.2',
        'Triển khai Trung tâm dữ liệu phục vụ chuyển đổi số',
        'Tổ chức triển khai thực hiện theo đúng quy định hiện hành của Trung ương',
        'Sở Khoa học và Công nghệ và các cơ quan, đơn vị',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.3',
        'Tỷ lệ các ứng dụng có dữ liệu dùng chung được kết nối, sử dụng qua Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)',
        'Thực hiện đảm bảo tỷ lệ các ứng dụng có dữ liệu dùng chung được kết nối, sử dụng qua Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) của tỉnh là 100%.',
        'Sở Khoa học và Công nghệ và các cơ quan, đơn vị',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.4',
        'Tỷ lệ số dịch vụ dữ liệu có trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức',
        'Thực hiện đảm bảo 100% số dịch vụ dữ liệu có trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức',
        'Sở Khoa học và Công nghệ và các cơ quan, đơn vị',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.5',
        'Tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường mạng tại tỉnh; tỷ lệ gửi, nhận văn bản điện tử 3 cấp chính quyền',
        '- Thực hiện duy trì đảm bảo 100% các sở, ngành và tương đương; 100% các phòng thuộc UBND cấp xã có tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường mạng đạt tỷ lệ 100%.\n- Thực hiện duy trì đảm bảo tỷ lệ 100% các cơ quan, đơn vị thực hiện kết nối gửi nhận văn bản điện tử.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.6',
        'Xây dựng, vận hành Hệ thống thông tin báo cáo cấp tỉnh',
        'Thực hiện duy trì đạt 100% tỷ lệ kết nối chế độ báo cáo, cung cấp thông tin, dữ liệu của tỉnh với Hệ thống thông tin báo cáo Chính phủ, Trung tâm thông tin, chỉ đạo điều hành của Chính phủ, Thủ tướng Chính phủ',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.7',
        'Công thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định',
        'Thường xuyên cập nhật, duy trì, đảm bảo Công thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định hiện hành của Trung ương.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.8',
        'Chất lượng cung cấp thông tin trên Công thông tin điện tử của tỉnh (đánh giá qua điều tra XHH đại biểu HĐND tỉnh và lãnh đạo, quản lý cấp sở, phòng chuyên môn thuộc sở, lãnh đạo cấp xã)',
        '- Sở Khoa học và Công nghệ chủ trì, phối hợp với Văn phòng UBND tỉnh và các đơn vị có liên quan hoàn thiện và nâng cấp Công thông tin điện tử của tỉnh đảm bảo theo đúng quy định.\n- Văn phòng UBND tỉnh kịp thời cập nhật, cung cấp các thông tin về tình hình của tỉnh để các tổ chức, cá nhân thuận tiện, dễ dàng tra cứu, tìm hiểu.\n- Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp thực hiện.',
        'Sở Khoa học và Công nghệ, VP UBND tỉnh; Các cơ quan, đơn vị, địa phương',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.9',
        'Thiết lập, vận hành Hệ thống thông tin giải quyết TTHC',
        'Thường xuyên cập nhật, duy trì, đảm bảo Hệ thống thông tin giải quyết TTHC của tỉnh đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định hiện hành của Trung ương.',
        'Sở Khoa học và Công nghệ và các cơ quan, đơn vị, địa phương',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.10',
        'Triển khai số hóa hồ sơ giải quyết TTHC',
        'Triển khai thực hiện việc số hóa kết quả giải quyết TTHC đảm bảo đạt tỷ lệ và theo đúng lộ trình quy định của Chính phủ.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.11',
        'Tỷ lệ dịch vụ công trực tuyến toàn trình',
        'Thường xuyên cập nhật, duy trì, đảm bảo dịch vụ công trực tuyến toàn trình của tỉnh đạt tỷ lệ theo quy định hiện hành của Trung ương.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.12',
        'Tỷ lệ hồ sơ trực tuyến toàn trình',
        '- Phấn đấu 90% -100% hồ sơ giải quyết trực tuyến của DVC trực tuyến toàn trình;\n- Sở Khoa học và Công nghệ theo dõi, đôn đốc, kiểm tra việc thực hiện của các cơ quan, đơn vị, địa phương.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '7.13',
        'Thực hiện thanh toán trực tuyến',
        '- Phấn đấu 90% -100% số TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến;\n- Phấn đấu 90% -100% Số TTHC có phát sinh giao dịch thanh toán trực tuyến/tổng số TTHC đang triển khai thanh toán trực tuyến;\n- Phấn đấu 90% -100% số hồ sơ có phát sinh giao dịch thanh toán trực tuyến.\n- Sở Khoa học và Công nghệ theo dõi, đôn đốc, kiểm tra việc thực hiện của các cơ quan, đơn vị, địa phương.',
        'Các cơ quan, đơn vị, địa phương, địa phương',
        'Sở Khoa học và Công nghệ',
        'Trong năm 2025',
    ],
    [
        '8',
        'TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI',
        'Sở Tài chính chủ trì, đôn đốc các cơ quan, đơn vị, địa phương thực hiện và tổng hợp báo cáo',
        '',
        '',
        '',
    ],
    [
        '8.1',
        'Mức độ thu hút đầu tư của tỉnh',
        'Thực hiện đảm bảo tổng vốn đầu tư khu vực ngoài nhà nước trong năm thực hiện phải cao hơn năm trước liền kề.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Năm 2025',
    ],
    [
        '8.2',
        'Số lượng doanh nghiệp gia nhập và tái gia nhập thị trường; Số vốn đăng ký của doanh nghiệp',
        'Số lượng doanh nghiệp gia nhập và tái gia nhập thị trường và số vốn đăng ký của doanh nghiệp (bao gồm cả số vốn đăng ký mới và đăng ký bổ sung) tăng so với năm trước liền kề',
        'Sở Tài chính và các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Năm 2025',
    ],
    [
        '8.3',
        'Tỷ lệ đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp',
        'Tỷ lệ % đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp trong năm đánh giá tăng so với năm trước liền kề',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Năm 2025',
    ],
    [
        '8.4',
        'Thực hiện thu ngân sách hàng năm của tỉnh theo Kế hoạch được Chính phủ giao',
        'Các cơ quan, đơn vị, địa phương thực hiện vượt giá trị thu ngân sách so với kế hoạch đề ra và thuộc nhóm địa phương cao nhất cả nước',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Năm 2025',
    ],
    [
        '8.5',
        'Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND tỉnh giao',
        'Các cơ quan, đơn vị, địa phương thực hiện hoàn thành đạt và vượt 100% các chỉ tiêu phát triển kinh tế - xã hội do HĐND tỉnh giao trong năm 2025',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Tài chính',
        'Năm 2025',
    ],
    ['II', 'CHỈ SỐ SIPAS', '', '', '', ''],
    [
        '1',
        'Chỉ số hài lòng về tiếp cận dịch vụ',
        '- Các sở, ban, ngành, UBND cấp xã: tiếp tục đẩy mạnh công tác tuyên truyền cho người dân về chính sách, các hình thức nộp và nhận kết quả giải quyết hồ sơ TTHC; quan tâm đầu tư cơ sở vật chất tại Trung tâm phục vụ hành chính công cấp xã; đẩy mạnh tuyên truyền, hướng dẫn người dân sử dụng và có giải pháp để hỗ trợ, hướng dẫn người dân sử dụng DVCTT;...',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh; Sở Khoa học và Công nghệ',
        'Năm 2025',
    ],
    HEADER,  # page break (source line 137): header repeated between SIPAS 1 and 2
    [
        '2',
        'Chỉ số hài lòng về tổ chức giải quyết TTHC',
        '- Các cơ quan, đơn vị, địa phương: tiếp tục rà soát, đơn giản hóa hoặc đề xuất đơn giản hóa, cắt giảm giấy tờ biểu mẫu, giảm thời gian thực hiện TTHC, thực hiện có hiệu quả Đề án đổi mới Bộ phận Một cửa các cấp; thực hiện đúng quy định về giải quyết TTHC theo cơ chế một cửa, một cửa liên thông.\n- Văn phòng UBND tỉnh theo dõi, đôn đốc, hướng dẫn, kiểm tra việc thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Năm 2025',
    ],
    [
        '3',
        'Chỉ số hài lòng về công chức giải quyết TTHC',
        '- Các cơ quan, đơn vị, địa phương: rà soát, thường xuyên cử CBCCVC, nhất là CBCCVC làm việc tại Bộ phận Một cửa tham gia các lớp tập huấn, nâng cao trình độ, kỹ năng nghiệp vụ, kỹ năng giao tiếp, có thái độ lịch sự, hỗ trợ nhiệt tình khi người đến liên hệ giải quyết hồ sơ TTHC.\n- Người đứng đầu các cơ quan, đơn vị, địa phương phải chịu trách nhiệm khi để xảy ra trường hợp CBCCVC của cơ quan, địa phương mình những nhiều, tiêu cực trong thực thi nhiệm vụ, giải quyết hồ sơ TTHC cho người dân.\n- Sở Nội vụ tham mưu tổ chức các lớp bồi dưỡng cho CBCCVC thường xuyên tiếp xúc trực tiếp với người dân, doanh nghiệp, nhất là CBCCVC làm việc tại Bộ phận Một cửa các cấp.\n- Văn phòng UBND tỉnh theo dõi, đôn đốc, hướng dẫn, kiểm tra việc thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Sở Nội vụ; Văn phòng UBND tỉnh',
        'Năm 2025',
    ],
    [
        '4',
        'Chỉ số hài lòng về kết quả giải quyết TTHC',
        '- Các cơ quan, đơn vị, địa phương: tiếp tục triển khai thực hiện có hiệu quả Đề án đổi mới Bộ phận Một cửa các cấp; thực hiện đúng quy định về giải quyết TTHC theo cơ chế một cửa, một cửa liên thông; giảm số lượng hồ sơ quá hạn;...\n- Văn phòng UBND tỉnh theo dõi, đôn đốc, hướng dẫn, kiểm tra việc thực hiện.',
        'Các cơ quan, đơn vị, địa phương',
        'Văn phòng UBND tỉnh',
        'Năm 2025',
    ],
    [
        '5',
        'Chỉ số hài lòng về việc tiếp nhận, xử lý phản ánh, kiến nghị liên quan đến TTHC',
        '- Các cơ quan, đơn vị, địa phương phân công CBCCVC trực để kịp thời tiếp nhận, xử lý, giải quyết, trả lời những góp ý, phản ánh, kiến nghị của người dân liên quan đến TTHC đảm bảo đạt tỷ lệ 100% các phản ánh, kiến nghị của người dân được giải quyết và trả lời kịp thời theo quy định.\n- Văn phòng UBND tỉnh theo dõi, đôn đốc, hướng dẫn, kiểm tra việc thực hiện.',
        'Các cơ quan, đơn vị, địa phương phương',
        'Văn phòng UBND tỉnh',
        'Năm 2025',
    ],
    [
        'III',
        'CHỈ SỐ PAPI',
        'Sở Nội vụ, Ủy ban mặt trận Tổ quốc Việt Nam tỉnh phối hợp theo dõi, đôn đốc thực hiện',
        '',
        '',
        '',
    ],
    [
        '1',
        'Tham gia người dân cấp cơ sở',
        'Các cơ quan, đơn vị, địa phương theo dõi và thực hiện theo ngành, lĩnh vực',
        '',
        '',
        '',
    ],
    [
        '1.1',
        'Tri thức công dân',
        'Tuyên truyền, phổ biến, giáo dục pháp luật, các chính sách, pháp luật hiện hành (pháp luật về thực hiện dân chủ ở cơ sở, phòng chống tham nhũng,...); hiểu biết về vị trí lãnh đạo Đảng, chính quyền các cấp; về các tổ chức chính trị, chính trị - xã hội, đoàn thể để người dân biết và có nhu cầu tham gia bằng nhiều hình thức.',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    ['1.2', 'Cơ hội tham gia', UP, UP, UP, UP],
    [
        '1.3',
        'Chất lượng bầu cử',
        '- Thường xuyên theo dõi, hướng dẫn, đôn đốc, kiểm tra, giám sát việc triển khai tổ chức bầu trưởng thôn, làng, khu phố đảm bảo công khai, minh bạch.\n- Thông tin để người dân nắm được các quy định về số lượng đề bầu Trưởng thôn/khu phố và các nội dung khác có liên quan đến bầu cử',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên, nhất là tập trung vào trước các đợt bầu cử',
    ],
    [
        '1.4',
        'Đóng góp tự nguyện',
        'Kịp thời thông tin để người dân biết biết khi tham gia đóng góp tự nguyện công trình công cộng ở xã/phường/ thị trấn nơi sinh sống thì có quyền tham gia ý kiến trong quá trình thiết kế, tham gia vào việc quyết định và tham gia giám sát xây mới, tu sửa công trình công cộng ở xã, phường, thị trấn do mình đóng góp;...',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '2',
        'Công khai, minh bạch',
        'Các cơ quan, đơn vị, địa phương theo dõi và thực hiện theo ngành, lĩnh vực',
        '',
        '',
        '',
    ],
    [
        '2.1',
        'Tiếp cận thông tin',
        'Thực hiện tốt các nội dung công khai và các hình thức công khai theo Luật Dân chủ cơ sở; thực hiện tuyên truyền, triển khai các hình thức phù hợp như công khai số điện thoại, hộp thư điện tử của người đứng đầu cơ quan, đơn vị, thường xuyên tổ chức các cuộc gặp, tiếp xúc với Nhân dân,...để nhân dân nói lên nguyện vọng, phản ánh kiến nghị, tham gia đóng góp ý kiến vào các chủ trương chính sách của Đảng và pháp luật của nhà nước, các cơ chế, chính sách của Trung ương cũng như của địa phương',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '2.2',
        'Công khai, minh bạch danh sách hộ nghèo',
        'Thực hiện quy trình rà soát, xét duyệt và công khai các hộ nghèo, cận nghèo, hộ mới thoát nghèo và giải quyết các chế độ chính sách xã hội theo đúng quy trình, thủ tục quy định.',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '2.3',
        'Công khai, minh bạch ngân sách cấp xã/phường',
        'Thực hiện niêm yết công khai thu, chi ngân sách cấp xã theo quy định; chú trọng công tác tuyên truyền để người dân được biết, theo dõi.',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '2.4',
        'Công khai, minh bạch quy hoạch sử dụng đất/giá đất',
        'Kịp thời công khai khung giá đất khi được UBND tỉnh ban hành hằng năm; tổ chức lấy ý kiến đóng góp của người dân đối với dự thảo về quy hoạch, kế hoạch sử dụng đất; tiếp thu đầy đủ, giải trình, thông tin kịp thời, xem xét điều chỉnh và công khai để người dân được biết về quy hoạch, kế hoạch sử dụng đất tại địa phương',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '3',
        'Trách nhiệm giải trình với người dân',
        'Các cơ quan, đơn vị, địa phương theo dõi và thực hiện theo ngành, lĩnh vực',
        '',
        '',
        '',
    ],
    [
        '3.1',
        'Tương tác với các cấp chính quyền',
        'Tổ chức gặp gỡ, tiếp xúc, đối thoại giữa người dân với chính quyền cơ sở nhằm giải quyết những khó khăn, vướng mắc.',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '3.2',
        'Giải quyết khiếu nại, tố giác của người dân',
        'Thực hiện tốt công tác tiếp công dân: bố trí đầy đủ người đứng chức trách, đủ thẩm quyền; người đứng đầu cơ quan, đơn vị đảm bảo lịch trực tiếp tiếp công dân định kỳ; rà soát, đánh giá chất lượng đội ngũ công chức tiếp dân, có kế hoạch bồi dưỡng, nâng cao nhận thức, trách nhiệm, nghiệp vụ của đội ngũ cán bộ, công chức tiếp dân',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '3.3',
        'Tiếp cận dịch vụ tư pháp',
        'Tăng cường tuyên truyền phổ biến pháp luật tới người dân, đẩy mạnh các mô hình, hoạt động trợ giúp pháp lý; nâng cao năng lực, trách nhiệm thực hiện xử án của tòa án Nhân dân và các cơ quan tư pháp ở địa phương',
        'Sở Tư pháp, UBND cấp xã',
        'Sở Tư pháp, UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '4',
        'Kiểm soát tham nhũng trong khu vực công',
        'Sở Nội vụ, Thanh tra tỉnh và các cơ quan, đơn vị, địa phương theo dõi và thực hiện theo ngành, lĩnh vực',
        '',
        '',
        '',
    ],
    [
        '4.1',
        'Kiểm soát tham nhũng trong chính quyền',
        'Giám sát, thanh tra việc thực hiện các quy định của pháp luật về phòng, chống tham nhũng của các sở, ngành, địa phương; công khai rộng rãi kết quả xử lý các vụ việc về phòng, chống tham nhũng trên các phương tiện thông tin đại chúng',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '4.2',
        'Kiểm soát tham nhũng trong cung ứng dịch vụ công',
        'Tăng cường công tác kiểm tra, giám sát thực thi công vụ của CBCCV, nhất là trong việc thực hiện giải quyết hồ sơ TTHC, người làm việc trong các đơn vị sự nghiệp công lập thuộc các lĩnh vực y tế, giáo dục,...',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '4.3',
        'Công bằng trong tuyển dụng vào khu vực công',
        'Công khai, minh bạch về tuyển dụng công chức cấp xã, viên chức đơn vị sự nghiệp công lập đảm bảo theo quy định pháp luật',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '4.4',
        'Quyết tâm chống tham nhũng',
        'Mở rộng các kênh tiếp nhận phản ánh, kiến nghị của người dân liên quan đến phòng, chống tham nhũng, tiêu cực',
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '5',
        'Thủ tục hành chính công',
        'Các cơ quan, đơn vị, địa phương theo dõi và thực hiện theo ngành, lĩnh vực',
        '',
        '',
        '',
    ],
    [
        '5.1',
        'Dịch vụ chứng thực, xác nhận',
        'Thực hiện niêm yết công khai thủ tục hành chính; việc xin lỗi tổ chức, cá nhân đối với các trường hợp trễ hạn hồ sơ trong giải quyết thủ tục hành chính; Nâng cao chất lượng thực hiện thủ tục hành chính: Cấp giấy chứng nhận quyền sử dụng đất, cấp giấy phép xây dựng cho cá nhân tại địa phương; nâng cao chất lượng, tỷ lệ dịch vụ công trực tuyến toàn phần và thanh toán trực tuyến;...',
        'Sở Tư pháp, các cơ quan, đơn vị, địa phương',
        'Các cơ quan, đơn vị, địa phương',
        'Thường xuyên trong năm 2025',
    ],
    [
        '5.2',
        'Dịch vụ cấp giấy chứng nhận QSD đất',
        UP,
        'Sở Nông nghiệp và Môi trường, các cơ quan, đơn vị, địa phương',
        'Các cơ quan, đơn vị, địa phương',
        'Thường xuyên trong năm 2025',
    ],
    [
        '5.3',
        'Dịch vụ hành chính cấp xã/phường',
        UP,
        'UBND cấp xã',
        'UBND cấp xã',
        'Thường xuyên trong năm 2025',
    ],
    [
        '6',
        'Cung ứng dịch vụ công',
        'Các cơ quan, đơn vị, địa phương theo dõi và đôn đốc thực hiện theo ngành, lĩnh vực',
        '',
        '',
        '',
    ],
    [
        '6.1',
        'Dịch vụ y tế công lập',
        'Đầu tư cơ sở vật chất cho các cơ sở y tế đảm bảo phục vụ công tác khám, chữa bệnh cho người dân; nâng cao nghiệp vụ chuyên môn của đội ngũ bác sỹ, nhân viên y tế tại trạm y tế xã, phường, thị trấn; tổ chức kiểm tra tinh thần trách nhiệm, thái độ phục vụ của đội ngũ y, bác sỹ đối với việc khám, chữa bệnh tại các cơ sở y tế trên địa bàn tỉnh',
        'Sở Y tế và các cơ quan, đơn vị, địa phương',
        'Sở Y tế',
        'Thường xuyên trong năm 2025',
    ],
    [
        '6.2',
        'Dịch vụ giáo dục tiểu học công lập',
        'Đầu tư cơ sở vật chất, trang thiết bị cho các trường học nhằm đồng bộ, chuẩn hóa, nâng cao tỷ lệ trường chuẩn quốc gia ở các cấp học; tổ chức kiểm tra các cơ sở giáo dục, chấn chỉnh việc dạy thêm, đảm bảo vệ sinh trường học; đánh giá năng lực chuyên môn, đạo đức nghề nghiệp của đội ngũ giáo viên',
        'Sở Giáo dục và Đào tạo và các cơ quan, đơn vị, địa phương',
        'Sở Giáo dục và Đào tạo',
        'Thường xuyên trong năm 2025',
    ],
    [
        '6.3',
        'Cơ sở hạ tầng căn bản',
        'Thường xuyên rà soát, đầu tư sửa chữa, bê tông hóa giao thông nông thôn; hệ thống cung cấp nước sạch cho người dân nông thôn và vùng sâu, vùng xa; triển khai các biện pháp nhằm đảm bảo cung cấp điện phục vụ phát triển kinh tế - xã hội, phục vụ sinh hoạt của người dân trên địa bàn tỉnh',
        'Sở Xây dựng; Sở Công Thương và các cơ quan, đơn vị, địa phương',
        'Sở Xây dựng; Sở Công Thương',
        'Thường xuyên trong năm 2025',
    ],
    [
        '6.4',
        'An ninh, trật tự khu dân cư',
        'Đảm bảo an ninh trật tự, an toàn xã hội tại các khu dân cư; tiếp tục phát động phong trào toàn dân bảo vệ an ninh trật tự, phòng chống tội phạm, tố giác tội phạm trên địa bàn tỉnh',
        'Công an tỉnh; UBND cấp xã',
        'Công an tỉnh',
        'Thường xuyên trong năm 2025',
    ],
    ['7', 'Quản trị môi trường', 'Sở Nông nghiệp và Môi trường theo dõi và đôn đốc thực hiện', '', '', ''],
    [
        '7.1',
        'Nghiêm túc trong bảo vệ môi trường',
        'Tổ chức kiểm tra, xử lý các doanh nghiệp, khu công nghiệp, các công trình công cộng đang thi công, các cơ sở sản xuất, chăn nuôi để kịp thời xử lý vấn đề gây ô nhiễm môi trường;...',
        'Sở Nông nghiệp và Môi trường, UBND cấp xã',
        'Sở Nông nghiệp và Môi trường',
        'Thường xuyên trong năm 2025',
    ],
    [
        '7.2',
        'Chất lượng không khí',
        'Phát động phong trào toàn dân dọn vệ sinh nơi công cộng; triển khai các công trình tự quản về bảo vệ môi trường do các hội, đoàn thể thực hiện; tổ chức mô hình tự giám sát trong nhân dân, phản ánh hiện trường; đưa nội dung cam kết bảo vệ môi trường vào hương ước, quy ước.',
        'Sở Nông nghiệp và Môi trường, UBND cấp xã',
        'Sở Nông nghiệp và Môi trường',
        'Thường xuyên trong năm 2025',
    ],
    [
        '7.3',
        'Chất lượng nguồn nước sạch',
        'Tuyên truyền nâng cao nhận thức của người dân về tài nguyên nước, giữ gìn nguồn nước sạch, chống ô nhiễm nguồn nước, phát triển sản xuất nông nghiệp chuyên canh tập trung, nông nghiệp và chế biến sản phẩm nông nghiệp ứng dụng công nghệ cao, thân thiện với môi trường',
        'Sở Nông nghiệp và Môi trường, UBND cấp xã',
        'Sở Nông nghiệp và Môi trường',
        'Thường xuyên trong năm 2025',
    ],
    ['8', 'Quản trị điện tử', 'Sở Khoa học và Công nghệ theo dõi và đôn đốc thực hiện', '', '', ''],
    [
        '8.1',
        'Sử dụng cổng thông tin điện tử của chính quyền địa phương',
        '- Tăng cường thông tin, tuyên truyền, phổ biến đến người dân được biết và sử dụng, khai thác thông tin trên Cổng Thông tin điện tử của tỉnh; Cổng/Trang thông tin điện tử các cơ quan nhà nước; thông tin, tuyên truyền, hướng dẫn người dân tìm hiểu thông tin về thủ tục hành chính và nộp hồ sơ thủ tục hành chính trực tuyến trên Cổng Dịch vụ công của tỉnh, Cổng Dịch vụ công quốc gia',
        'Sở Khoa học và Công nghệ; Văn phòng UBND tỉnh và các cơ quan, đơn vị, địa phương',
        'Sở Khoa học và Công nghệ; Văn phòng UBND tỉnh',
        'Thường xuyên trong năm 2025',
    ],
    [
        '8.2',
        'Tiếp cận và sử dụng internet tại địa phương',
        'Tuyên truyền người dân về tiện ích sử dụng Internet, nâng cao nhận thức trong sử dụng Internet hiệu quả, đúng pháp luật',
        'Sở Khoa học và Công nghệ; Văn phòng UBND tỉnh và các cơ quan, đơn vị, địa phương',
        'Sở Khoa học và Công nghệ; Văn phòng UBND tỉnh',
        'Thường xuyên trong năm 2025',
    ],
]

# ---------------------------------------------------------------------------
# Writer.
# ---------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
N_COLS = len(HEADER_ROW)


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def vertical_merges(rows, first_row):
    """(col, top, bottom) 1-based for every run of UP."""
    ranges = []
    for col in range(N_COLS):
        r = 0
        while r < len(rows):
            if rows[r] is not HEADER and rows[r][col] is UP:
                if r == 0 or rows[r - 1] is HEADER or rows[r - 1][col] is UP:
                    raise ValueError(f"UP without anchor at row {r}, col {col}")
                end = r
                while end + 1 < len(rows) and rows[end + 1] is not HEADER and rows[end + 1][col] is UP:
                    end += 1
                ranges.append((col + 1, first_row + r - 1, first_row + end))
                r = end + 1
            else:
                r += 1
    return ranges


def is_heading(row) -> bool:
    """Section and area rows: no agencies and no deadline (printed bold)."""
    return all(value == "" for value in row[3:]) and row[0] != ""


def _estimate_lines(text: str, width: float) -> int:
    chars_per_line = max(1.0, width * 1.1)
    return sum(max(1, math.ceil(len(part) / chars_per_line)) for part in text.split("\n"))


def write_sheet(ws):
    for i, row in enumerate(ROWS):
        if row is not HEADER and len(row) != N_COLS:
            raise ValueError(f"row {i} has {len(row)} cells, expected {N_COLS}")
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    last_col = get_column_letter(N_COLS)

    for i, text in enumerate(TITLE, start=1):
        ws.merge_cells(f"A{i}:{last_col}{i}")
        cell = ws.cell(row=i, column=1, value=_nfc(text))
        italic = text.startswith("(")
        cell.font = Font(name=FONT_NAME, size=FONT_SIZE, bold=not italic, italic=italic)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[i].height = LINE_HEIGHT_PT + 4
    header_top = len(TITLE) + 2
    data_top = header_top + 1
    bottom = data_top + len(ROWS) - 1

    header_font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    body_font = Font(name=FONT_NAME, size=FONT_SIZE)

    def put_header(r):
        for c, value in enumerate(HEADER_ROW, start=1):
            cell = ws.cell(row=r, column=c, value=_nfc(value))
            cell.font = header_font
            cell.border = BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[r].height = 2 * LINE_HEIGHT_PT + 4

    put_header(header_top)
    for i, row in enumerate(ROWS):
        r = data_top + i
        if row is HEADER:
            put_header(r)
            continue
        for c, value in enumerate(row):
            if value is not UP and value != "":
                cell = ws.cell(row=r, column=c + 1, value=_nfc(value))
                if c == 0:
                    cell.number_format = "@"
    for col, top, bot in vertical_merges(ROWS, data_top):
        ws.merge_cells(start_row=top, start_column=col, end_row=bot, end_column=col)
    for i, row in enumerate(ROWS):
        if row is HEADER:
            continue
        r = data_top + i
        bold = is_heading(row)
        lines = 1
        for c in range(N_COLS):
            cell = ws.cell(row=r, column=c + 1)
            cell.border = BORDER
            cell.font = header_font if bold else body_font
            halign = "center" if c in (0, 5) else "left"
            cell.alignment = Alignment(horizontal=halign, vertical="center", wrap_text=True)
            value = row[c]
            if isinstance(value, str) and value:
                lines = max(lines, _estimate_lines(value, WIDTHS[c]))
        ws.row_dimensions[r].height = min(409, lines * LINE_HEIGHT_PT + 4)

    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{header_top}:{header_top}"
    return data_top, bottom


def build_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    write_sheet(ws)
    wb.properties.title = "Phụ lục Kế hoạch cải thiện Chỉ số PAR Index, SIPAS, PAPI tỉnh Đắk Lắk năm 2025"
    wb.properties.creator = "UBND tỉnh Đắk Lắk"
    return wb


def main() -> None:
    wb = build_workbook()
    wb.save(OUTPUT)
    print(f"Wrote {OUTPUT}")
    data = [row for row in ROWS if row is not HEADER]
    own = sum(1 for row in data if isinstance(row[2], str) and row[2] and not is_heading(row) and row[0] != "")
    print(f"{len(ROWS)} rows ({len(ROWS) - len(data)} repeated headers), {own} rows with their own task text")


if __name__ == "__main__":
    main()
