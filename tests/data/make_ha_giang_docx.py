"""Write tests/data/ha-giang-147-KH-UBND-phu-luc.docx: the task-assignment annex (PHỤ LỤC) of
Kế hoạch số 147/KH-UBND ngày 31/5/2024 của UBND tỉnh Hà Giang, laid out as the agency receives it.

Run:  python tests/data/make_ha_giang_docx.py

Source: the extracted text of the published plan (/work/shared/seeds/002_fa43acc10ee80e30.txt),
annex on source lines 293–2694. Merge judgements and source oddities: tests/data/ha_giang_notes.md.

The transcription below is plain data. Each row is a list of 11 cells (one per grid column):
  - a str is the cell's text; "\n" separates paragraphs within the cell;
  - UP   means "vertically merged with the cell above" (a Word vMerge continuation);
  - LEFT means "horizontally merged with the cell to the left" (part of a gridSpan).
Only python-docx is used.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


class _Sentinel:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


UP = _Sentinel("UP")
LEFT = _Sentinel("LEFT")

OUT = Path(__file__).with_name("ha-giang-147-KH-UBND-phu-luc.docx")
FONT = "Times New Roman"
SIZE = Pt(12)

TITLE_LINES = [
    "PHỤ LỤC",
    "PHÂN CÔNG THỰC HIỆN KẾ HOẠCH CẢI THIỆN CHỈ SỐ CCHC NĂM 2024",
    "(Kèm theo Kế hoạch số: 147/KH-UBND ngày 31 tháng 5 năm 2024 của UBND tỉnh Hà Giang)",
]

# Column widths in cm (landscape A4, 1.5 cm side margins: 26.7 cm of text width).
WIDTHS_CM = [1.2, 4.0, 1.4, 1.4, 1.4, 3.6, 4.4, 2.8, 2.2, 2.3, 2.0]

HEADER = [
    ["STT", "Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần", "Điểm tối đa", "Kết quả năm 2023",
     "Mục tiêu năm 2024", "Yêu cầu của sản phẩm đầu ra (Tài liệu kiểm chứng)", LEFT, LEFT, LEFT,
     "Phân công trách nhiệm", LEFT],
    [UP, UP, UP, UP, UP, "Thẩm quyền ban hành", "Chất lượng/ Nội dung", "Mức độ hoàn thành",
     "Thời gian ban hành/ thực hiện", "Chủ trì", "Phối hợp"],
]

# Data rows, in source order. The comment gives the source line of each row's STT.
ROWS = [
    # source line 324
    [
        '1',
        'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC',
        '9.5',
        '7.83',
        '9.5',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 346
    [
        '1.1',
        'Thực hiện Kế hoạch CCHC năm',
        '1.5',
        '1.42',
        '1.5',
        '- Kế hoạch của UBND tỉnh;\n- Báo cáo CCHC năm',
        'Hoàn thành kế hoạch CCHC năm đã đề ra',
        '100%',
        '- Kế hoạch trong quý IV năm trước liền kề năm kế hoạch;\n- Báo cáo trước ngày 20/12',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 372
    [
        '1.2',
        'Thực hiện chế độ báo cáo CCHC định kỳ',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo của UBND tỉnh',
        '- Quý I:\n- 6 tháng;\n- Quý III;\n- Cả năm',
        'Đáp ứng đầy đủ về số lượng, nội dung và đúng thời gian quy định',
        '- Trước ngày 20/3/2024;\n- Trước ngày 20/6/2024;\n- Trước ngày 20/9/2024;\n- Trước ngày 20/12/2024.',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 406
    [
        '1.3',
        'Công tác kiểm tra CCHC',
        '2.0',
        '1.73',
        '2.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 428
    [
        '1.3.1',
        'Tỷ lệ cơ quan chuyên môn cấp tỉnh và đơn vị hành chính cấp huyện được kiểm tra trong năm',
        '1.0',
        '1.0',
        '1.0',
        'Các thông báo kết luận của Đoàn kiểm tra hoặc báo cáo kết quả kiểm tra của UBND tỉnh',
        'Cả năm',
        'Số đơn vị được kiểm tra đạt từ 30% trở lên',
        'Quý II và Quý III',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 450
    [
        '1.3.2',
        'Xử lý các vấn đề phát hiện qua kiểm tra',
        '1.0',
        '0.73',
        '1.0',
        'Các văn bản khắc phục những tồn tại sau kiểm tra',
        'Cả năm',
        '100 % số vấn đề được xử lý hoặc kiến nghị xử lý.',
        'Quý IV',
        'Sở Nội vụ',
        'Các đơn vị được kiểm tra',
    ],
    # source line 472
    [
        '1.4',
        'Công tác tuyên truyền CCHC',
        '1.0',
        '1.0',
        '1.0',
        'Báo cáo CCHC định kỳ',
        'Tuyên truyền CCHC dưới các hình thức: tập huấn chuyên đề; đăng tải trên website của tỉnh; tuyên truyền trên Báo Hà Giang, Đài PTTH tỉnh. Tổ chức cuộc thi trực tuyến tìm hiểu về CCHC',
        'Các hình thức tuyên truyền khác',
        'Trước ngày 20/12/2024',
        '- Sở Nội vụ\n- Văn phòng UBND tỉnh;\n- Báo Hà Giang;\n- Đài Phát thanh - Truyền hình tỉnh',
        'Ban Tuyên giáo Tỉnh ủy; Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 500
    [
        '1.5',
        'Sáng kiến trong cải cách hành chính',
        '2.0',
        '1.0',
        '2.0',
        'Được UBND tỉnh phê duyệt hoặc trung ương cho phép thí điểm',
        'Lần đầu tiên được áp dụng; đã và có khả năng mang lại lợi ích thiết thực nâng cao hiệu quả triển khai nhiệm vụ CCHC của tỉnh',
        'Có từ 03 sáng kiến hoặc giải pháp mới trong CCHC trở lên',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 522
    [
        '1.6',
        'Đối thoại của lãnh đạo tỉnh với người dân, doanh nghiệp',
        '1.0',
        '1.0',
        '1.0',
        '- Các tài liệu chứng minh về việc tổ chức đối thoại; tổng hợp các kiến nghị, đề xuất.\n- Các văn bản chỉ đạo về việc xử lý, giải quyết những kiến nghị, đề xuất;\n- Các tài liệu chứng minh kết quả giải quyết, xử lý kiến nghị, đề xuất',
        '- Tổ chức đối thoại trực tiếp hoặc trực tuyến giữa lãnh đạo UBND cấp tỉnh với người dân, doanh nghiệp;\n- Chỉ đạo giải quyết những kiến nghị, đề xuất của người dân, doanh nghiệp;\n- Mức độ xử lý, giải quyết những kiến nghị, đề xuất',
        'Có từ 02 cuộc đối thoại/diễn đàn trở lên',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 552
    [
        '1.7',
        'Thực hiện các nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao',
        '1.5',
        '1.18',
        '1.5',
        'Các văn bản triển khai thực hiện của UBND tỉnh',
        'Hoàn thành đúng tiến độ 100% số nhiệm vụ được giao trong năm',
        'Trong năm 2024',
        'Theo yêu cầu nhiệm vụ',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 574
    [
        '2',
        'CẢI CÁCH THỂ CHẾ',
        '6.0',
        '6.0',
        '6.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 596
    [
        '2.1',
        'Theo dõi thi hành pháp luật',
        '3.0',
        '3.0',
        '3.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 618
    [
        '2.1.1',
        'Thực hiện các hoạt động về theo dõi thi hành pháp luật (TDTHPL)',
        '2.0',
        '2.0',
        '2.0',
        '- Kế hoạch TDTHPL năm;\n- Quyết định thành lập đoàn kiểm tra, các thông báo kết luận kiểm tra (phù hợp với kế hoạch TDTHPL);\n- Kế hoạch khảo sát và báo cáo kết quả khảo sát (phù hợp với kế hoạch TDTHPL); Báo cáo kết quả TDTHPL hoặc báo cáo công tác tư pháp năm của UBND tỉnh',
        'Đầy đủ 05 hoạt động TDTHPL theo đúng quy định tại Nghị định số 59/2012/NĐ-CP ngày 23/7/2012 của Chính phủ; Nghị định số 32/2020/NĐ-CP và các văn bản hướng dẫn thi hành',
        'Đúng quy định',
        'Trong năm 2024',
        'Sở Tư pháp',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 644
    [
        '2.1.2',
        'Xử lý kết quả theo dõi thi hành pháp luật',
        '1.0',
        '1.0',
        '1.0',
        '- Báo cáo kết quả theo dõi THPL hoặc báo cáo công tác tư pháp năm của UBND tỉnh;\n- Các văn bản xử lý kết quả theo dõi THPL.',
        'Căn cứ kết quả hoạt động theo dõi THPL, tham mưu cho UBND tỉnh xử lý theo thẩm quyền hoặc kiến nghị cấp có thẩm quyền xử lý kết quả theo dõi tình hình THPL theo quy định tại Nghị định số 59/2012/NĐ-CP và Nghị định số 32/2020/NĐ-CP và các văn bản hướng dẫn thi hành',
        'Ban hành đầy đủ văn bản xử lý/kiến nghị xử lý kết quả theo dõi THPL theo thẩm quyền.',
        'Trong năm 2024',
        'Sở Tư pháp',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 668
    [
        '2.2',
        'Rà soát VBQPPL',
        '1.5',
        '1.5',
        '1.5',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 690
    [
        '2.2.1',
        'Thực hiện công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực',
        '0.5',
        '0.5',
        '0.5',
        'Các văn bản công bố danh mục văn bản QPPL hết hiệu lực, ngưng hiệu lực',
        'Ban hành văn bản công bố danh mục văn bản QPPL hết hiệu lực, ngưng hiệu lực theo quy định của Chính phủ và hướng dẫn của Bộ Tư pháp',
        'Công bố đầy đủ, kịp thời, đúng quy định các văn bản hết hiệu lực, ngưng hiệu lực',
        'Trong năm 2024',
        'Sở Tư pháp',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 712
    [
        '2.2.2',
        'Kết quả sửa đổi, bổ sung, bãi bỏ, thay thế văn bản QPPL sau rà soát',
        '1.0',
        '1.0',
        '1.0',
        'Báo cáo về công tác kiểm tra, xử lý, rà soát, hệ thống hóa văn bản QPPL của UBND tỉnh hoặc báo cáo công tác tư pháp của tỉnh;\n- Danh mục tổng hợp các văn bản cần xử lý sau rà soát và kèm theo tiến độ, kết quả xử lý;',
        'Các văn bản chứng minh kết quả rà soát đã được xử lý;\n- Các tài liệu kiểm chứng khác (nếu có)',
        '100% số văn bản đã hoàn thành việc xử lý theo thẩm quyền',
        'Trong năm 2024',
        'Sở Tư pháp',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 738
    [
        '2.3',
        'Xử lý văn bản trái pháp luật do cơ quan có thẩm quyền kiểm tra kiến nghị',
        '1.5',
        '1.5',
        '1.5',
        'Báo cáo về công tác kiểm tra, xử lý, rà soát, hệ thống hóa văn bản QPPL của UBND tỉnh hoặc báo cáo công tác tư pháp của tỉnh.',
        '- Các văn bản chứng minh kết quả kiểm tra đã được xử lý;\n- Các tài liệu kiểm chứng khác (nếu có)',
        'Số văn bản đã xử lý\\kiến nghị xử lý đạt 100%',
        'Trong năm 2024',
        'Sở Tư pháp',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 762
    [
        '3',
        'CẢI CÁCH TTHC',
        '13.0',
        '12.30',
        '13.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 784
    [
        '3.1',
        'Kiểm soát quy định TTHC',
        '1.0',
        '1.0',
        '1.0',
        'Quyết định phê duyệt phương án đơn giản hóa TTHC;\nBáo cáo công tác kiểm soát TTHC của UBND tỉnh',
        '- Không ban hành các quy định TTHC trái với thẩm quyền được giao;\n- Các vấn đề phát hiện qua rà soát được xử lý hoặc kiến nghị xử lý.',
        '- 100 % TTHC ban hành đúng thẩm quyền;\n- 100% số vấn đề phát hiện qua rà soát được kiến nghị cụ thể sửa đổi, bổ sung VBQPPL quy định TTHC',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 812
    [
        '3.2',
        'Công bố, công khai TTHC và kết quả giải quyết hồ sơ',
        '3.0',
        '2.36',
        '3.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 834
    [
        '3.2.1',
        'Công bố TTHC/danh mục TTHC theo quy định',
        '0.5',
        '0.0',
        '0.5',
        'Báo cáo công tác kiểm soát TTHC của UBND tỉnh.',
        'Các quyết định công bố TTHC thuộc thẩm quyền giải quyết của tỉnh phải được ban hành đầy đủ, kịp thời theo quy định;\n- Công bố TTHC hoặc nhóm TTHC liên thông theo thẩm quyền quy định',
        '100% số TTHC thuộc thẩm quyền giải quyết của địa phương được sửa đổi, bổ sung, bãi bỏ hoặc mới ban hành trong năm được công bố đầy đủ, kịp thời và công bố TTHC hoặc nhóm TTHC liên thông theo quy định',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 858
    [
        '3.2.2',
        'Công khai TTHC và các quy định có liên quan.',
        '1.5',
        '1.5',
        '1.5',
        'Báo cáo công tác kiểm soát TTHC của UBND tỉnh.',
        'TTHC phải được nhập, đăng tải công khai đầy đủ, kịp thời trên Cổng DVC quốc gia, Cổng DVC của tỉnh, các Website của cơ quan có thẩm quyền giải quyết và tại Bộ phận một cửa các cấp',
        'Đầy đủ, kịp thời theo quy định',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND cấp huyện, UBND cấp xã',
    ],
    # source line 880
    [
        '3.2.3',
        'Công khai tiến độ, kết quả giải quyết hồ sơ trên Hệ thống thông tin giải quyết TTHC',
        '1.0',
        '0.8617',
        '1.0',
        'Báo cáo công tác kiểm soát TTHC hoặc Báo cáo CCHC năm của UBND tỉnh;\n- Quyết định ban hành quy trình nội bộ giải quyết TTHC của tỉnh',
        '- 100% hồ sơ TTHC được đồng bộ, công khai trên Cổng DVC quốc gia\n- 100% hồ sơ TTHC được cập nhật, công khai đầy đủ tiến độ, kết quả giải quyết hồ sơ TTHC thuộc thẩm quyền giải quyết của các cấp chính quyền trên Cổng dịch vụ công của tỉnh',
        '100% số Cơ quan chuyên môn cấp tỉnh; UBND cấp huyện; UBND cấp xã công khai tiến độ, kết quả giải quyết hồ sơ TTHC trên Cổng dịch vụ công của tỉnh và được đồng bộ công khai trên Cổng DVC quốc gia',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh theo dõi, đôn đốc',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã thực hiện công khai',
    ],
    # source line 906
    [
        '3.3',
        'Thực hiện cơ chế một cửa, cơ chế một cửa liên thông',
        '3.0',
        '3.0',
        '3.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 928
    [
        '3.3.1',
        'Tỷ lệ TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa',
        '1.0',
        '1.0',
        '1.0',
        'Báo cáo công tác kiểm soát TTHC hoặc Báo cáo CCHC năm của UBND tỉnh',
        'TTHC thuộc thẩm quyền giải quyết của 03 cấp chính quyền tại địa phương được tiếp nhận và trả kết quả giải quyết tại Bộ phận Một cửa các cấp',
        '100% số TTHC',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh theo dõi, đôn đốc',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã thực hiện',
    ],
    # source line 950
    [
        '3.3.2',
        'Đưa TTHC ngành dọc thực hiện việc tiếp nhận hồ sơ tại Bộ phận Một cửa các cấp theo danh mục được phê duyệt',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo công tác kiểm soát TTHC hoặc Báo cáo CCHC năm của UBND tỉnh',
        'Danh mục TTHC được Thủ tướng Chính phủ phê duyệt tại Quyết định số 1291/QĐ-TTg ngày 07/10/2019 và các văn bản khác (nếu có)',
        '90% số TTHC trở lên',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh theo dõi, đôn đốc',
        'Các cơ quan ngành dọc tại địa phương, UBND cấp huyện, cấp xã',
    ],
    # source line 972
    [
        '3.3.3',
        'Số TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông cùng cấp',
        '0.75',
        '0.75',
        '0.75',
        'Báo cáo công tác kiểm soát TTHC hoặc Báo cáo CCHC năm của UBND tỉnh',
        'Lập danh mục TTHC được giải quyết theo hình thức liên thông cùng cấp hành chính. Trong đó, nêu rõ cơ quan chủ trì, cơ quan phối hợp trong quy trình giải quyết đối với từng TTHC',
        'Từ 50 TTHC trở lên',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 994
    [
        '3.3.4',
        'Số TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền',
        '0.75',
        '0.75',
        '0.75',
        'Báo cáo công tác kiểm soát TTHC hoặc Báo cáo CCHC năm của UBND tỉnh',
        'Lập danh mục TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền khác nhau. Trong đó, nêu rõ cơ quan chủ trì, đầu mối tiếp nhận và trả kết quả hồ sơ TTHC, cơ quan phối hợp trong quy trình giải quyết đối với từng TTHC.',
        'Từ 30 TTHC trở lên',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND cấp huyện, cấp xã',
    ],
    # source line 1016
    [
        '3.4',
        'Kết quả giải quyết hồ sơ TTHC',
        '5.0',
        '4.94',
        '5.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1038
    [
        '3.4.1',
        'Tỷ lệ hồ sơ TTHC do cơ quan chuyên môn cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn',
        '1.5',
        '1.496',
        '1.5',
        'Báo cáo công tác kiểm soát TTHC hoặc Báo cáo CCHC năm của UBND tỉnh',
        'Hồ sơ TTHC do CQCM cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn',
        'Số hồ sơ TTHC trong năm được giải quyết đúng hạn đạt từ 95% trở lên',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh theo dõi đôn đốc, kiểm tra',
        'Các Sở, ban, ngành',
    ],
    # source line 1060
    [
        '3.4.2',
        'Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận trong năm được giải quyết đúng hạn',
        '1.5',
        '1.455',
        '1.5',
        'Báo cáo công tác kiểm soát TTHC hoặc Báo cáo CCHC năm của UBND tỉnh',
        'Hồ sơ TTHC do UBND cấp huyện tiếp nhận trong năm được giải quyết đúng hạn',
        'Số hồ sơ TTHC trong năm được giải quyết đúng hạn đạt từ 95% trở lên',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh theo dõi đôn đốc, kiểm tra, đôn đốc',
        'UBND các huyện, thành phố',
    ],
    # source line 1082
    [
        '3.4.3',
        'Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn',
        '1.0',
        '0.99',
        '1.0',
        'Báo cáo công tác kiểm soát TTHC hoặc Báo cáo CCHC năm của UBND tỉnh',
        'Hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn',
        'Số hồ sơ TTHC trong năm được giải quyết đúng hạn đạt từ 95% trở lên',
        'Trong năm 2024',
        'UBND cấp huyện',
        'UBND các xã, phường, thị trấn',
    ],
    # source line 1104
    [
        '3.4.4',
        'Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn trong giải quyết hồ sơ TTHC',
        '0.25',
        '0.25',
        '0.25',
        'Có văn bản xin lỗi của cơ quan đơn vị trong trường hợp để xảy ra trễ hẹn',
        'Kịp thời, đúng quy định',
        '100% TTHC trễ hẹn được xin lỗi đầy đủ, đúng quy định',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh theo dõi đôn đốc, kiểm tra',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã thực hiện',
    ],
    # source line 1126
    [
        '3.4.5',
        'Đánh giá chất lượng giải quyết TTHC của địa phương',
        '0.75',
        '0.75',
        '0.75',
        'Báo cáo công tác kiểm soát TTHC của UBND tỉnh',
        'Đánh giá chất lượng giải quyết TTHC của các CQCM cấp tỉnh, UBND cấp huyện và UBND cấp xã. Công khai trên Cổng DVC quốc gia, Cổng DVC của tỉnh, Hệ thống đánh giá việc giải quyết TTHC của tỉnh',
        '80% CQCM cấp tỉnh, UBND cấp huyện, UBND cấp xã đạt điểm đánh giá từ tốt trở lên',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
    ],
    # source line 1148
    [
        '3.5',
        'Công tác tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh',
        '1.0',
        '1.0',
        '1.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1170
    [
        '3.5.1',
        'Xử lý PAKN của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh',
        '0.75',
        '0.75',
        '0.75',
        'Báo cáo công tác kiểm soát TTHC hoặc báo cáo CCHC năm của UBND tỉnh',
        'Thống kê tất cả PAKN trong năm về TTHC do tỉnh tiếp nhận trực tiếp và các PAKN do Văn phòng Chính phủ, các bộ, ngành Trung ương tiếp nhận, yêu cầu tỉnh giải quyết',
        '100% số PAKN được xử lý hoặc kiến nghị xử lý',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1192
    [
        '3.5.2',
        'Công khai kết quả trả lời PAKN của cá nhân, tổ chức đối với quy định TTHC thuộc thẩm quyền của tỉnh',
        '0.25',
        '0.25',
        '0.25',
        'Báo cáo công tác kiểm soát TTHC năm của UBND tỉnh',
        'Các PAKN đã xử lý, trả lời được công khai theo quy định',
        '100% số PAKN đã xử lý được công khai',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1214
    [
        '4',
        'CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH',
        '6.5',
        '6.15',
        '6.3',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1236
    [
        '4.1',
        'Sắp xếp, kiện toàn tổ chức bộ máy của các cơ quan, đơn vị',
        '3.5',
        '3.15',
        '3.3',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1258
    [
        '4.1.1',
        'Hoàn thiện quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của các CQCM cấp tỉnh, các phòng chuyên môn cấp huyện',
        '1.0',
        '1.0',
        '1.0',
        '- Báo cáo chuyên đề đánh giá về rà soát, kiện toàn tổ chức bộ máy trên địa bàn tỉnh;\n- Báo cáo CCHC năm của UBND tỉnh',
        'Triển khai các nội dung về sắp xếp kiện toàn chức năng, nhiệm vụ của các cơ quan, đơn vị theo các Nghị định của Chính phủ và Đề án số 29/ĐA-UBND ngày 31/5/2021 của UBND tỉnh',
        'Triển khai đúng quy định',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1282
    [
        '4.1.2',
        'Thực hiện cơ cấu số lượng lãnh đạo tại các cơ quan hành chính',
        '1.5',
        '1.5',
        '1.5',
        'Danh mục thống kê số biên chế được giao và số lượng cấp phó của người đứng đầu của từng phòng chuyên môn và tương đương thuộc sở ngành; của từng phòng chuyên môn thuộc UBND cấp huyện\n- Báo cáo chuyên đề đánh giá về rà soát, kiện toàn tổ chức bộ máy trên địa bàn tỉnh;\n- Báo cáo CCHC năm của UBND tỉnh',
        'Thực hiện theo các quy định mới tại Nghị định số 107,108/2020/ NĐ-CP và các văn bản hướng dẫn của Bộ Nội vụ. (yêu cầu số lượng lãnh đạo quản lý phải ít hơn số lượng công chức không giữ chức vụ lãnh đạo quản lý)',
        'Thực hiện đúng quy định về cơ cấu số lượng lãnh đạo cấp sở; cấp phòng thuộc sở; cấp phòng thuộc UBND cấp huyện.',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1308
    [
        '4.1.3',
        'Tỷ lệ giảm số lượng đơn vị sự nghiệp công lập so với năm 2021',
        '1.0',
        '0.6522',
        '0.8',
        'Báo cáo CCHC năm của UBND tỉnh hoặc báo cáo thống kê về tình hình, kết quả sắp xếp, kiện toàn TCBM hành chính và ĐVSNCL của tỉnh',
        'Tiếp tục giảm số đơn vị sự nghiệp công lập trên toàn tỉnh so với năm 2021',
        'Giảm từ 6% trở lên so với năm 2021',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1330
    [
        '4.2',
        'Thực hiện các quy định về quản lý biên chế',
        '1.0',
        '1.0',
        '1.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1352
    [
        '4.2.1',
        'Thực hiện quy định về sử dụng biên chế hành chính',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo CCHC năm của UBND tỉnh hoặc báo cáo thống kê về tình hình, kết quả sử dụng biên chế trong năm đánh giá',
        'Số lượng biên chế hành chính của tỉnh đang sử dụng không vượt quá so với tổng số biên chế hành chính được giao',
        'Sử dụng không vượt quá số lượng biên chế hành chính được giao',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1374
    [
        '4.2.2',
        'Thực hiện quy định về số lượng người làm việc hưởng lương từ NSNN trong các đơn vị sự nghiệp công lập của tỉnh',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo CCHC năm của UBND tính hoặc báo cáo thống kê về tình hình, kết quả sử dụng biên chế trong năm đánh giá',
        'Thống kê tổng số người làm việc hưởng lương từ NSNN trong các đơn vị SNCL của tỉnh (thuộc UBND tính, thuộc CQCM cấp tỉnh, thuộc UBND cấp huyện) so với tổng số người làm việc được giao theo quy định',
        'Sử dụng không vượt quá số lượng người làm việc được giao',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1396
    [
        '4.3',
        'Thực hiện phân cấp quản lý',
        '2.0',
        '2.0',
        '2.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1418
    [
        '4.3.1',
        'Thực hiện các quy định về phân cấp quản lý do Chính phủ và các bộ, ngành ban hành',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo CCHC năm của UBND tỉnh hoặc báo cáo kết quả kiểm tra đánh giá về tình hình thực hiện phân cấp quản lý nhà nước',
        'Thực hiện các nhiệm vụ về phân cấp quản lý nhà nước theo đúng quy định tại Nghị quyết số 04/NQ-CP ngày 10/01/2022 của Chính phủ và các quy định khác của Chính phủ, các bộ, ngành về phân cấp quản lý nhà nước',
        'Thực hiện đầy đủ, đúng quy định',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1440
    [
        '4.3.2',
        'Thực hiện thanh tra, kiểm tra việc thực hiện nhiệm vụ quản lý nhà nước đã phân cấp phân quyền cho cấp huyện, cấp xã',
        '0.5',
        '0.5',
        '0.5',
        'Các thông báo kết luận thanh tra, kiểm tra đối với các nội dung đã phân cấp',
        'Thực hiện thanh tra, kiểm tra đối với các nhiệm vụ quản lý nhà nước đã phân cấp cho cấp huyện, cấp xã theo quy định của Chính phủ',
        'Có thực hiện',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1462
    [
        '4.3.3',
        'Xử lý các vấn đề về phân cấp, phân quyền phát hiện qua thanh tra, kiểm tra',
        '1.0',
        '1.0',
        '1.0',
        'Các Thông báo kết luận kiểm tra; các văn bản chứng minh xử lý những vấn đề phát hiện qua thanh tra, kiểm tra',
        'Số vấn đề phát hiện qua thanh tra, kiểm tra đã được xử lý hoặc kiến nghị cấp có thẩm quyền xử lý',
        '100% số vấn đề phát hiện được xử lý hoặc kiến nghị xử lý',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1484
    [
        '5',
        'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
        '6.0',
        '5.5',
        '5.5',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1506
    [
        '5.1',
        'Thực hiện cơ cấu công chức, viên chức theo vị trí việc làm',
        '1.75',
        '1.75',
        '1.75',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1528
    [
        '5.1.1',
        'Cập nhật, hoàn thiện quy định về vị trí việc làm của cơ quan, tổ chức thuộc phạm vi quản lý',
        '0.25',
        '0.25',
        '0.25',
        'Các văn bản về hoàn thiện vị trí việc làm của tỉnh',
        'Thường xuyên rà soát, cập nhật và ban hành các văn bản để hoàn thiện các quy định về vị trí việc làm và tiêu chuẩn chức danh đối với các cơ quan, tổ chức hành chính thuộc phạm vi quản lý trên cơ sở Hướng dẫn của các Bộ, ngành Trung ương',
        'Ban hành đầy đủ, kịp thời',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1550
    [
        '5.1.2',
        'Tỷ lệ cơ quan, tổ chức hành chính của tỉnh bố trí công chức theo đúng vị trí việc làm được phê duyệt',
        '0.75',
        '0.75',
        '0.75',
        'Báo cáo CCHC năm của UBND tỉnh;\n- Đại diện bản mô tả công việc, khung năng lực của 5 VTVL khác nhau',
        'Các cơ quan, tổ chức hành chính của tỉnh phải bố trí công chức theo vị trí việc làm và tiêu chuẩn ngạch công chức tương ứng với bản mô tả công việc, khung năng lực của từng vị trí.',
        '100% số cơ quan, tổ chức thực hiện đúng quy định',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1574
    [
        '5.1.3',
        'Tỷ lệ đơn vị sự nghiệp thuộc tỉnh bố trí viên chức theo đúng vị trí việc làm được phê duyệt',
        '0.75',
        '0.75',
        '0.75',
        'Báo cáo CCHC năm của UBND tỉnh;\n- Đại diện bản mô tả công việc, khung năng lực của 5 VTVL khác nhau',
        'Các đơn vị SNCL thuộc tỉnh (Chỉ tính đơn vị SNCL thuộc UBND tỉnh, thuộc CQCM cấp tỉnh) phải thực hiện đúng các quy định về: Phê duyệt theo thẩm quyền hoặc được cơ quan có thẩm quyền phê duyệt danh mục vị trí việc làm;\n- Hoàn thiện việc xây dựng bản mô tả công việc và khung năng lực cho từng vị trí việc làm theo danh mục dã được phê duyệt;\n- Bố trí viên chức đúng theo vị trí việc làm và tiêu chuẩn chức danh nghề nghiệp tương ứng với từng vị trí',
        '100% đơn vị thực hiện đúng quy định',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các Sở, ban, ngành',
    ],
    # source line 1602
    [
        '5.2',
        'Tuyển dụng công chức, viên chức',
        '0.5',
        '0.5',
        '0.5',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1624
    [
        '5.2.1',
        'Thực hiện quy định về tuyển dụng công chức tại CQCM cấp tỉnh, ĐVHC cấp huyện, cấp xã',
        '0.25',
        '0.25',
        '0.25',
        'Các văn bản liên quan đến tổ chức kỳ tuyển dụng hoặc báo cáo thống kê, tổng hợp của tỉnh về tình hình tổ chức triển khai và kết quả tuyển dụng công chức',
        'Việc tuyển dụng công chức tại các CQCM cấp tỉnh, ĐVHC cấp huyện, cấp xã phải tuân thủ đúng trình tự, thủ tục và thời gian quy định tại Luật Cán bộ, công chức và các văn bản sửa đổi, bổ sung, hướng dẫn thi hành',
        '100% số cơ quan, đơn vị thực hiện đúng quy định',
        'Trong năm 2024',
        'Sở Nội vụ tham mưu, theo dõi, kiểm tra',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1646
    [
        '5.2.2',
        'Thực hiện quy định về tuyển dụng viên chức tại các đơn vị sự nghiệp công lập thuộc tỉnh',
        '0.25',
        '0.25',
        '0.25',
        'Các văn bản liên quan đến tổ chức kỳ tuyển dụng hoặc báo cáo thống kê, tổng hợp của tỉnh về tình hình tổ chức triển khai và kết quả tuyển dụng viên chức',
        'Việc tuyển dụng viên chức tại các đơn vị SNCL phải tuân thủ đúng trình tự, thủ tục và thời gian quy định tại Luật Viên chức và các văn bản sửa đổi, bổ sung, hướng dẫn thi hành.',
        '100% số đơn vị SNCL thực hiện đúng quy định',
        'Trong năm 2024',
        'Sở Nội vụ theo dõi, kiểm tra',
        'Các Sở, ban, ngành',
    ],
    # source line 1668
    [
        '5.3',
        'Thực hiện quy định về bổ nhiệm các chức danh lãnh đạo, quản lý',
        '0.75',
        '0.75',
        '0.75',
        'Báo cáo đánh giá kết quả việc bổ nhiệm các vị trí lãnh đạo, quản lý trong năm của UBND tỉnh',
        'Việc bổ nhiệm phải tuân thủ đúng quy trình, tiêu chuẩn bằng cấp và chuyên môn nghiệp vụ theo quy định tại Luật Cán bộ, công chức và các văn bản sửa đổi, bổ sung, hướng dẫn thi hành.\n- Thống kê danh sách số lãnh đạo cấp sở và tương đương được bổ nhiệm trong năm; danh sách lãnh đạo cấp phòng thuộc sở và tương đương được bổ nhiệm trong năm; danh sách lãnh đạo cấp phòng thuộc UBND cấp huyện được bổ nhiệm trong năm.',
        '100% số lãnh đạo cấp sở và tương đương; số lãnh đạo cấp phòng thuộc sở và tương đương; số lãnh đạo cấp phòng thuộc UBND cấp huyện được bổ nhiệm đúng quy định',
        'Trong năm 2024',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1692
    [
        '5.4',
        'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức',
        '1.5',
        '1.0',
        '1.0',
        'Báo cáo CCHC năm của tỉnh hoặc báo cáo về tình hình chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức trong năm',
        'Tình hình chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức trong năm',
        'Trong năm:\n- Không có lãnh đạo UBND tỉnh và tương đương bị kỷ luật từ mức khiển trách trở lên;\n- Không có lãnh đạo cấp phòng thuộc CQCM cấp tỉnh, UBND cấp huyện và tương đương bị kỷ luật từ mức khiển trách trở lên;',
        'Trong năm 2024',
        'Sở Nội vụ theo dõi, tổng hợp',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
    ],
    # source line 1718
    [
        '5.5',
        'Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức',
        '1.0',
        '1.0',
        '1.0',
        '- Kế hoạch đào tạo, bồi dưỡng CBCCVC năm;\n- Báo cáo công tác đảo tạo, bồi dưỡng công chức, viên chức của tỉnh.',
        'Nhiệm vụ hoặc sản phẩm đã hoàn thành so với tổng số nhiệm vụ hoặc sản phẩm trong kế hoạch',
        'Hoàn thành 100% kế hoạch',
        'Trước ngày 31/01 năm 2025',
        'Sở Nội vụ',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1742
    [
        '5.6',
        'Tỷ lệ đạt chuẩn của cán bộ, công chức cấp xã',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo CCHC năm của tỉnh hoặc báo cáo về số lượng, chất lượng CBCC cấp xã',
        'Cán bộ, công chức cấp xã phải đáp ứng các tiêu chuẩn về tuổi, trình độ lý luận chính trị, trình độ học vấn và chuyên môn nghiệp vụ theo các quy định của Đảng, Chính phủ, Bộ Nội vụ và các tiêu chuẩn do các tổ chức đoàn thể, chính trị - xã hội quy định đối với từng chức danh cụ thể',
        'Đạt 100 %',
        'Trong năm 2024',
        'Sở Nội vụ',
        'UBND cấp huyện, UBND cấp xã',
    ],
    # source line 1764
    [
        '6',
        'CẢI CÁCH TÀI CHÍNH CÔNG',
        '8.0',
        '7.35',
        '7.9',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1786
    [
        '6.1',
        'Tổ chức thực hiện công tác tài chính - ngân sách',
        '3.0',
        '2.85',
        '2.9',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1808
    [
        '6.1.1',
        'Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hàng năm',
        '1.0',
        '0.86',
        '0.9',
        'Báo cáo tình hình thực hiện và giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hàng năm của UBND tỉnh',
        'Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hàng năm theo quy định của Chính phủ và hướng dẫn của cơ quan có thẩm quyền.',
        'Giải ngân từ 90% trở lên so với kế hoạch được giao',
        'Trong năm 2024',
        'Sở Tài chính',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1830
    [
        '6.1.2',
        'Thực hiện quy định về việc sử dụng kinh phí nguồn từ ngân sách nhà nước.',
        '1.0',
        '1.0',
        '1.0',
        'Báo cáo kết quả thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính tại các cơ quan hành chính nhà nước của UBND tỉnh',
        'Thực hiện cơ chế tự chủ, tự chịu trách nhiệm về sử dụng kinh phí quản lý hành chính đúng theo quy định của Chính phủ',
        'Không có sai phạm về sử dụng kinh phí quản lý hành chính tại các cơ quan đơn vị được phát hiện',
        'Trong năm 2024',
        'Sở Tài chính theo dõi, kiểm tra',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
    ],
    # source line 1852
    [
        '6.1.3',
        'Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính ngân sách',
        '1.0',
        '0.99',
        '1.0',
        '- Các kết luận thanh tra, kiểm tra, kiểm toán nhà nước về tài chính ngân sách của cơ quan có thẩm quyền trong 2 năm gần nhất;\nBáo cáo kết quả thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính ngân sách của UBND tỉnh;\n- Hồ sơ, tài liệu, chứng từ thể hiện số tiền đã nộp NSNN theo kiến nghị',
        'Thực hiện nộp NSNN theo kiến nghị được cơ quan có thẩm quyền chi ra sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính ngân sách',
        '100% số tiền nộp NSNN theo kiến nghị sau thanh tra, kiểm tra, kiểm toán được thực hiện xong',
        'Trong năm 2024',
        'Sở Tài chính theo dõi, kiểm tra, đôn đốc',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1878
    [
        '6.2',
        'Công tác quản lý, sử dụng tài sản công',
        '2.0',
        '1.75',
        '2.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1900
    [
        '6.2.1',
        'Ban hành quy chế quản lý, sử dụng tài sản công của các cơ quan đơn vị thuộc phạm vi quản lý',
        '0.25',
        '0.25',
        '0.25',
        'Quy chế quản lý, sử dụng tài sản công của các cơ quan, tổ chức, đơn vị được giao trực tiếp quản lý, sử dụng tài sản công;\nBảng thống kê danh mục các cơ quan, tổ chức, đơn vị là đối tượng phải ban hành quy chế; bảng thống kê danh mục các quy chế đã ban hành',
        'Thực hiện theo quy định tại Khoản 2 Điều 23 Luật Quản lý, sử dụng tài sản công. Đối tượng phải ban hành Quy chế gồm các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của địa phương từ cấp huyện trở lên',
        '100% số cơ quan, đơn vị',
        'Trong năm 2024',
        'Sở Tài chính',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1924
    [
        '6.2.2',
        'Tổ chức thực hiện các quy định về quản lý, sử dụng tài sản công',
        '1.0',
        '1.0',
        '1.0',
        'Kế hoạch kiểm tra, biên bản kiểm tra; Báo cáo kết quả kiểm tra; Thông báo kết luận kiểm tra về quản lý sử dụng tài sản công;\n- Báo cáo về tình hình quản lý, sử dụng tài sản công',
        'Có kiểm tra về việc thực hiện các quy định về quản lý, sử dụng tài sản công;\n- Rà soát, chuẩn hóa, cập nhật đầy đủ, kịp thời số liệu vào cơ sở dữ liệu quốc gia về tài sản công',
        '100% các cơ quan, đơn vị thực hiện đúng quy định về quản lý,sử dụng tài sản công',
        'Trong năm 2024',
        'Sở Tài chính',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1950
    [
        '6.2.3',
        'Thực hiện quy định về sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý',
        '0.75',
        '0.5',
        '0.75',
        'Báo cáo tình hình sắp xếp lại, xử lý nhà đất kèm theo văn bản phê duyệt phương án sắp xếp lại, xử lý nhà đất',
        'Thực hiện theo quy định tại Nghị định số 167/2017/NĐ-CP ngày 31/12/2017, Nghị định số 67/2021/NĐ-CP của Chính phủ. Tính tỷ lệ % số cơ sở nhà, đất được cấp có thẩm quyền phê duyệt phương án sắp xếp lại, xử lý',
        '80% trở lên',
        'Trong năm 2024',
        'Sở Tài chính',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 1972
    [
        '6.3',
        'Thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập thuộc tỉnh',
        '3.0',
        '2.75',
        '3.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 1994
    [
        '6.3.1',
        'Số đơn vị SNCL tự bảo đảm chi thường xuyên',
        '0.25',
        '0.25',
        '0.25',
        'Báo cáo kết quả thực hiện cơ chế tự chủ của tỉnh hoặc báo cáo có thể hiện nội dung theo yêu cầu của tiêu chí (có thêm đơn vị SNCL được giao tự chủ ở mức bảo đảm chi thường xuyên) và các văn bản giao tự chủ tài chính',
        'Trong năm đánh giá, có thêm đơn vị SNCL thuộc UBND tỉnh hoặc thuộc CQCM cấp tỉnh hoặc thuộc UBND cấp huyện được giao tự chủ ở mức tự bảo đảm chi thường xuyên (không tính các trường hợp giao lại).',
        'Tăng 01 đơn vị SNCL tự bảo đảm chi thường xuyên trở lên so với năm 2023',
        'Trong năm 2024',
        'Sở Tài chính',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2016
    [
        '6.3.2',
        'Số đơn vị SNCL tự bảo đảm một phần chi thường xuyên',
        '0.75',
        '0.5',
        '0.75',
        'Báo cáo kết quả thực hiện cơ chế tự chủ của tỉnh hoặc báo cáo có thể hiện nội dung theo yêu cầu của tiêu chí (có thêm đơn vị SNCL được giao tự chủ ở mức bảo đảm một phần chi thường xuyên) và các văn bản giao tự chủ tài chính',
        'Trong năm đánh giá, có thêm đơn vị SNCL thuộc UBND tỉnh hoặc thuộc CQCM cấp tỉnh hoặc thuộc UBND cấp huyện được giao tự chủ ở mức tự bảo đảm một phần chi thường xuyên (không tính các trường hợp giao lại).',
        'Tăng 03 đơn SNCL tự bảo đảm một phần chi thường xuyên trở lên so với năm 2023 ở các mức: Từ 70% đến dưới 100%; từ 30% đến dưới 70%; từ 10% đến dưới 30%',
        'Trong năm 2024',
        'Sở Tài chính',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2038
    [
        '6.3.3',
        'Thực hiện quy định về sử dụng các nguồn tài chính và phân phối kết quả tài chính tại các đơn vị SNCL',
        '1.0',
        '1.0',
        '1.0',
        '- Báo cáo kết quả thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập của tỉnh;\n- Các kết luận thanh tra, kiểm tra của cơ quan có thẩm quyền',
        'Phạm vi đánh giá: cả 3 nhóm đơn vị SNCL thuộc UBND tỉnh, thuộc CQCM cấp tỉnh, thuộc UBND cấp huyện',
        'Không có sai phạm về việc phân phối kết quả tài chính hoặc sử dụng kinh phí tiết kiệm chi thường xuyên trong năm',
        'Trong năm 2024',
        'Sở Tài chính',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2062
    [
        '6.3.4',
        'Tỷ lệ giảm chi trực tiếp ngân sách cho đơn vị sự nghiệp so với năm 2023',
        '1.0',
        '1.0',
        '1.0',
        'Báo cáo kết quả thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp của tỉnh hoặc báo cáo khác có thông tin kiểm chứng kết quả đánh giá',
        'Giảm chi trực tiếp ngân sách nhà nước (chi thường xuyên) cho đơn vị sự nghiệp công lập trên địa bàn tỉnh trong năm so với năm 2023',
        'Giảm so với năm 2023',
        'Trong năm 2024',
        'Sở Tài chính',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2084
    [
        '7',
        'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ',
        '12.5',
        '10.42',
        '11.7',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 2106
    [
        '7.1',
        'Phát triển các nền tảng, cơ sở dữ liệu',
        '3.5',
        '2.41',
        '3.5',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 2128
    [
        '7.1.1',
        'Triển khai Kiến trúc Chính quyền điện tử của tỉnh',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo kết quả ứng dụng CNTT của UBND tỉnh',
        'Ban hành Kiến trúc Chính quyền điện từ của tỉnh và tổ chức triển khai, duy trì và cập nhật Kiến trúc theo quy định của Chính phủ, Bộ Thông tin và Truyền thông.',
        'Tổ chức triển khai, duy trì Kiến trúc theo quy định',
        'Trong năm 2024',
        'Sở Thông tin và Truyền thông.',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2150
    [
        '7.1.2',
        'Triển khai trung tâm dữ liệu phục vụ chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây',
        '1.0',
        '0.5',
        '1.0',
        'Báo cáo kết quả ứng dụng CNTT của UBND tỉnh',
        'Triển khai và đáp ứng đầy đủ các tiêu chí, chỉ tiêu kỹ thuật theo quy định',
        'Kết nối với nền tảng điện toán đám mây Chính phủ theo quy định',
        'Trong năm 2024',
        'Sở Thông tin và Truyền thông.',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2172
    [
        '7.1.3',
        'Tỷ lệ các ứng dụng có dữ liệu dùng chung được kết nối, sử dụng qua nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)',
        '1.0',
        '1.0',
        '1.0',
        'Báo cáo kết quả ứng dụng CNTT của UBND tỉnh',
        'Các ứng dụng có dữ liệu dùng chung được kết nối, sử dụng qua Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh',
        '100%',
        'Trong năm 2024',
        'Sở Thông tin và Truyền thông.',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2194
    [
        '7.1.4',
        'Tỷ lệ số dịch vụ dữ liệu có trên nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức',
        '1.0',
        '0.41',
        '1.0',
        'Báo cáo kết quả ứng dụng CNTT của UBND tỉnh',
        'Dịch vụ dữ liệu có trên nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức',
        '100%',
        'Trong năm 2024',
        'Sở Thông tin và Truyền thông.',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2216
    [
        '7.2',
        'Phát triển các ứng dụng dịch vụ trong nội bộ cơ quan nhà nước',
        '3.0',
        '3.0',
        '3.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 2238
    [
        '7.2.1',
        'Tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường mạng',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo của tỉnh hoặc TLKC khác (nếu có)',
        'Tính tỷ lệ % giữa số văn bản, hồ sơ công việc thực hiện trên môi trường mạng trên tổng số văn bản, hồ sơ công việc của các sở, ngành và UBND cấp huyện',
        '- 100% các sở, ngành và tương đương có tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường mạng từ 90% trở lên.\n- 100% các phòng cấp huyện có tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường mạng từ 80% trở lên.',
        'Trong năm 2024',
        'Sở Thông tin và Truyền thông.',
        'Các Sở, ban, ngành; UBND cấp huyện;',
    ],
    # source line 2262
    [
        '7.2.2',
        'Tỷ lệ gửi, nhận văn bản điện tử 4 cấp chính quyền',
        '1.0',
        '1.0',
        '1.0',
        'Báo cáo kết quả ứng dụng CNTT của UBND tỉnh;',
        'Duy trì Phần mềm quản lý văn bản đã kết nối liên thông từ cấp tỉnh đến cấp xã',
        'Kết nối liên thông từ cấp tỉnh đến 100% đơn vị cấp xã',
        'Trong năm 2024',
        'Sở Thông tin và Truyền thông.',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
    ],
    # source line 2284
    [
        '7.2.3',
        'Xây dựng, vận hành Hệ thống thông tin báo cáo cấp tỉnh',
        '1.5',
        '1.5',
        '1.5',
        'Báo cáo của tỉnh; TLKC khác (nếu có)',
        'Các chức năng, yêu cầu kỹ thuật của Hệ thống thông tin báo cáo phải tuân thủ các quy định của Chính phủ và Hướng dẫn của Văn phòng Chính phủ, Bộ Thông tin và Truyền thông;\n- Tỷ lệ kết nối chế độ báo cáo, cung cấp thông tin, dữ liệu của tỉnh với Hệ thống thông tin báo cáo Chính phủ, Trung tâm thông tin chỉ đạo điều hành của Chính phủ, Thủ tướng Chính phủ',
        '100%',
        'Trong năm 2024',
        'Sở Thông tin và Truyền thông\n(Do Sở Thông tin và Truyền thông làm chủ đầu tư trong dự án Hệ thống điều hành thông minh tỉnh Hà Giang)',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2310
    [
        '7.3',
        'Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức',
        '6.0',
        '5.01',
        '5.2',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 2332
    [
        '7.3.1',
        'Cổng thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo kết quả ứng dụng CNTT của UBND tỉnh;',
        'Đáp ứng yêu cầu chức năng, tính năng kỹ thuật;\n- Chuyển đổi sang công nghệ Ipv6',
        'Đạt yêu cầu',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh.',
        'Sở Thông tin và Truyền thông',
    ],
    # source line 2356
    [
        '7.3.2',
        'Thiết lập vận hành Hệ thống thông tin giải quyết TTHC',
        '1.0',
        '1.0',
        '1.0',
        'Báo cáo của tỉnh; TLKC khác (nếu có)',
        'Thiết lập, vận hành Hệ thống thông tin giải quyết TTHC trên cơ sở Cổng DVC và Hệ thống thông tin một cửa điện tử',
        'Đáp ứng đầy đủ tính năng theo quy định',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
    ],
    # source line 2378
    [
        '7.3.3',
        'Triển khai số hóa hồ sơ giải quyết TTHC',
        '1.0',
        '1.0',
        '1.0',
        'Báo cáo công tác kiểm soát TTHC của tỉnh; TLKC khác (nếu có)',
        'Tỷ lệ số hóa hồ sơ, kết quả giải quyết và cấp kết quả giải quyết TTHC điện tử',
        '- Cấp tỉnh đạt tối thiểu 40%;\n- Cấp huyện đạt tối thiểu 30%;\n- Cấp xã đạt tối thiểu 20%',
        'Trong năm 2024',
        'Văn phòng UBND tình',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
    ],
    # source line 2404
    [
        '7.3.4',
        'Tỷ lệ dịch vụ công trực tuyến toàn trình',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo công tác kiểm soát TTHC;\nBáo cáo kết quả ứng dụng CNTT của tỉnh; TLKC khác (nếu có)',
        'Tỷ lệ số lượng dịch vụ công trực tuyến toàn trình trên tổng số dịch vụ công đủ điều kiện lên trực tuyến toàn trình',
        '100%',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2428
    [
        '7.3.5',
        'Tỷ lệ hồ sơ trực tuyến toàn trình',
        '1.5',
        '0.83',
        '1.0',
        '- Báo cáo kết quả ứng dụng CNTT của UBND tỉnh;\n- Báo cáo kiểm soát TTHC và tài liệu kiểm chứng khác (nếu có)',
        'Số hồ sơ giải quyết trực tuyên của DVC trực tuyến toàn trình (không sử dụng bản giấy) so với tổng số hồ sơ giải quyết trong năm của DVC trực tuyến toàn trình (cả trực tuyến và không trực tuyến',
        'Số hồ sơ tiếp nhận trực tuyến đạt từ 70% trở lên',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
    ],
    # source line 2452
    [
        '7.3.6',
        'Thực hiện thanh toán trực tuyến',
        '1.5',
        '1.18',
        '1.2',
        '- Báo cáo kết quả ứng dụng CNTTcủa UBND tỉnh;\n- Báo cáo kiểm soát TTHC và tài liệu kiểm chứng khác (nếu có)',
        '- Tỷ lệ TTHC được triển khai thanh toán trực tuyến;\n- Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến;\n- Tỷ lệ hồ sơ thanh toán trực tuyến',
        'Từ 80% số TTHC trở lên có phát sinh giao dịch thanh toán trực tuyến được thanh toán trực tuyến',
        'Trong năm 2024',
        'Văn phòng UBND tỉnh',
        'Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
    ],
    # source line 2480
    [
        '8',
        'TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KT- XH CỦA TỈNH',
        '6.5',
        '5.04',
        '5.75',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 2502
    [
        '8.1',
        'Kết quả khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh (SIPAS)',
        'Điều tra XHH',
        LEFT,
        LEFT,
        'Do Bộ Nội vụ chủ trì thực hiện. Phấn đấu mức độ hài lòng của người dân và doanh nghiệp đạt từ 90% trở lên',
        LEFT,
        LEFT,
        LEFT,
        LEFT,
        LEFT,
    ],
    # source line 2510
    [
        '8.2',
        'Mức độ thu hút đầu tư của tỉnh.',
        '1.0',
        '1.0',
        '1.0',
        'Báo cáo tình hình phát triển kinh tế - xã hội của UBND tỉnh trong năm 2023 và năm 2024',
        'Tổng số vốn thu hút đầu tư của tỉnh trong năm (đơn vị tính là: tỷ đồng)',
        'Phấn đấu cao hơn so với năm 2023',
        'Trong năm 2024',
        'Sở Kế hoạch và Đầu tư.',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2532
    [
        '8.3',
        'Mức độ phát triển doanh nghiệp của tỉnh',
        '2.0',
        '2.0',
        '2.0',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    # source line 2554
    [
        '8.3.1',
        'Số lượng doanh nghiệp gia nhập và tái gia nhập thị trường',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo tình hình phát triển kinh tế - xã hội của UBND tỉnh trong năm 2023 và năm 2024\nTài liệu kiểm chứng khác (nếu có)',
        'Số lượng doanh nghiệp gia nhập và tái gia nhập thị trường',
        'Phấn đấu tăng hơn so với năm 2023',
        'Trong năm 2024',
        'Sở Kế hoạch và Đầu tư.',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2578
    [
        '8.3.2',
        'Số vốn đăng ký của doanh nghiệp',
        '0.5',
        '0.5',
        '0.5',
        'Báo cáo tình hình phát triển kinh tế - xã hội của UBND tỉnh trong năm 2023 và năm 2024\nTài liệu kiểm chứng khác (nếu có)',
        'Số vốn đăng ký của doanh nghiệp (bao gồm cả số vốn đăng ký mới và số vốn đăng ký bổ sung)',
        'Phấn đấu tăng hơn so với năm 2023',
        'Trong năm 2024',
        'Sở Kế hoạch và Đầu tư.',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2602
    [
        '8.3.3',
        'Tỷ lệ đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp',
        '1.0',
        '1.0',
        '1.0',
        '- Báo cáo kết quả thực hiện ngân sách nhà nước của UBND tỉnh;\nTài liệu kiểm chứng khác (nếu có)',
        'Tỷ lệ % đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp trong năm 2024 tăng hơn so với năm 2023',
        'Tăng so với năm năm 2023',
        'Trong năm 2024',
        'Sở Tài chính',
        'Cục thuế tỉnh',
    ],
    # source line 2626
    [
        '8.4',
        'Thực hiện thu ngân sách hàng năm của tỉnh theo Kế hoạch được Chính phủ giao',
        '1.5',
        '0.5',
        '0.75',
        'Báo cáo tình hình phát triển kinh tế - xã hội của UBND tỉnh trong năm',
        'Thu ngân sách của tỉnh trong năm 2024 theo chỉ tiêu được Chính phủ giao',
        'Nằm trong nhóm từ 45 - 50 tỉnh',
        'Trong năm 2024',
        'Sở Tài chính',
        'Các Sở, ban, ngành; UBND các huyện, thành phố;\nCục thuế tỉnh',
    ],
    # source line 2650
    [
        '8.5',
        'Mức độ thực hiện các chỉ tiêu phát triển KTXH do HĐND tỉnh giao',
        '2.0',
        '1.54',
        '2.0',
        '- Báo cáo tình hình phát triển kinh tế - xã hội của UBND tỉnh trong năm;\n- TLKC khác (nếu có)',
        'Chỉ tiêu phát triển KT-XH do HĐND tỉnh giao trong năm 2024',
        '100% chỉ tiêu đạt và vượt',
        'Trong năm 2024',
        'Sở Kế hoạch và Đầu tư.',
        'Các Sở, ban, ngành; UBND các huyện, thành phố',
    ],
    # source line 2674
    [
        'Tổng số:',
        LEFT,
        '68.0',
        '60.58',
        '65.85',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
]


# --- writing ------------------------------------------------------------------------------


def _set_run_font(run, *, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = SIZE
    run.font.bold = bold
    run.font.italic = italic
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)


def _write_paragraphs(cell, text: str, *, bold: bool, align) -> None:
    lines = text.split("\n")
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        paragraph = first if i == 0 else cell.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.space_after = Pt(0)
        if line:
            _set_run_font(paragraph.add_run(line), bold=bold)


def _check(rows: list[list]) -> None:
    for number, row in enumerate(rows):
        assert len(row) == len(WIDTHS_CM), (number, len(row))
        assert row[0] is not LEFT, number
        for col, value in enumerate(row):
            if value is UP:
                assert number > 0 and rows[number - 1][col] is not LEFT, (number, col)
            elif isinstance(value, str):
                assert value == unicodedata.normalize("NFC", value), (number, col)
                assert "\xa0" not in value, (number, col)


def _repeat_as_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)


def build(path: Path = OUT) -> Path:
    grid = HEADER + ROWS
    _check(grid)
    document = Document()

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = SIZE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(1.5)

    for i, line in enumerate(TITLE_LINES):
        paragraph = document.paragraphs[0] if i == 0 and document.paragraphs else document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        _set_run_font(paragraph.add_run(line), bold=i < 2, italic=i == 2)
    document.add_paragraph()  # the empty line between the titles and the table

    table = document.add_table(rows=len(grid), cols=len(WIDTHS_CM))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    for row in table.rows[: len(HEADER)]:
        _repeat_as_header(row)

    # Text first, into the top-left cell of every merged range only.
    for r, values in enumerate(grid):
        is_header = r < len(HEADER)
        is_area = not is_header and isinstance(values[0], str) and values[0].isdigit()
        is_total = not is_header and values[0] == "Tổng số:"
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = Cm(WIDTHS_CM[c])
            if is_header or c == 0 or 2 <= c <= 4:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if not isinstance(value, str):
                continue
            centred = is_header or c in (0, 2, 3, 4) or is_total
            _write_paragraphs(cell, value, bold=is_header or is_area or is_total,
                              align=WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT)

    # Then the merges: horizontal spans (LEFT) first, then vertical runs (UP).
    for r, values in enumerate(grid):
        c = 0
        while c < len(values):
            end = c
            while end + 1 < len(values) and values[end + 1] is LEFT:
                end += 1
            if end > c:
                table.cell(r, c).merge(table.cell(r, end))
            c = end + 1
    for c in range(len(WIDTHS_CM)):
        r = 0
        while r < len(grid):
            end = r
            while end + 1 < len(grid) and grid[end + 1][c] is UP:
                end += 1
            if end > r:
                table.cell(r, c).merge(table.cell(end, c))
            r = end + 1

    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build())
