#!/usr/bin/env python3
"""Write the annexes of Bắc Kạn plan 365/KH-UBND as an Excel workbook (importer test data).

Source: Kế hoạch số 365/KH-UBND ngày 08/6/2023 của UBND tỉnh Bắc Kạn "Khắc phục những tồn
tại, hạn chế Chỉ số cải cách hành chính, Chỉ số hài lòng về sự phục vụ hành chính và Chỉ số
Hiệu quả Quản trị và Hành chính công cấp tỉnh năm 2022, nâng cao chất lượng các chỉ số năm
2023" — the four annexes (Phụ lục 1-4), one sheet each, laid out as an agency would receive
them: title lines, header row(s), vertically merged cells, thin borders, Times New Roman 12,
landscape A4 with the header rows repeated on every printed page.

The transcription below is plain Python data, one list per table row:

* a ``str`` is the cell text exactly as written in the plan (NFC). Line breaks (``\\n``)
  stand where the published cell had separate paragraphs or bullets; scores written
  with a decimal comma ("1,0000", "75,24") stay text, exactly as written;
* an ``int`` is a number typed as a number (the TT column, and the one score written "2");
* ``''`` is a genuinely empty cell;
* ``UP`` means "merged with the cell above": every run of ``UP`` in a column becomes one
  vertical merged range together with the nearest non-``UP`` cell above it;
* ``LEFT`` means "merged with the cell to the left" (area rows written as one cell across
  the table, and the "Tỷ lệ" group heading of Phụ lục 3).

Every merge judgement and every oddity of the source is listed in
``bac_kan_notes.md``; what an importer should find is in
``bac_kan_expected.json``.

Usage (openpyxl is the only dependency)::

    python tests/data/make_bac_kan_xlsx.py
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
OUTPUT = HERE / "bac-kan-365-KH-UBND-phu-luc.xlsx"


class _Sentinel:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


UP = _Sentinel("UP")      # merged with the cell above
LEFT = _Sentinel("LEFT")  # merged with the cell to the left

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
LINE_HEIGHT_PT = 15.75

# ---------------------------------------------------------------------------
# Phụ lục 1 — PAR INDEX, criteria kept at full score (8 columns).
# ---------------------------------------------------------------------------

PL1_TITLE = ['Phụ lục 1. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP TIẾP TỤC DUY TRÌ THỰC HIỆN NÂNG CAO CHỈ SỐ CCHC NĂM 2023', '(Kèm theo Kế hoạch số /KH-UBND ngày tháng 6 năm 2023 của Ủy ban nhân dân tỉnh Bắc Kạn)']
PL1_HEADER = [
    ['TT', 'Lĩnh vực/Tiêu chí/ Tiêu chí thành phần', 'Điểm tối đa', 'Mục tiêu năm 2023', 'Nhiệm vụ, giải pháp', 'Cơ quan chủ trì thực hiện', 'Cơ quan phối hợp thực hiện', 'Thời gian thực hiện'],
]
PL1_WIDTHS = [6, 32, 9, 30, 52, 26, 26, 14]

PL1_ROWS = [
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', '', '', '', '', '', ''],
    [
        1,
        'TC 1.1. Thực hiện kế hoạch CCHC',
        '1,50',
        '100% nhiệm vụ kế hoạch được hoàn thành đúng tiến độ',
        'Thường xuyên theo dõi, kiểm tra, đôn đốc các đơn vị thực hiện có hiệu quả, đúng tiến độ các nhiệm vụ trong kế hoạch CCHC năm 2023, để đến hết tháng 12/2023 hoàn thành 100% nhiệm vụ đề ra.',
        'Sở Nội vụ',
        'Các sở, ban, ngành, UBND cấp huyện',
        'Thường xuyên',
    ],
    [
        2,
        'TC 1.2. Công tác kiểm tra CCHC',
        '2,00',
        '- Tổ chức kiểm tra trên 30% cơ quan, đơn vị cấp tỉnh, cấp huyện\n- Xử lý hoặc kiến nghị cấp có thẩm quyền xử lý 100% vấn đề phát hiện qua kiểm tra',
        'Xây dựng quyết định thành lập đoàn kiểm tra và tổ chức kiểm tra tại các đơn vị',
        'Văn phòng UBND tỉnh; các Sở: Nội vụ; Tư pháp; Tài chính; Thông tin và Truyền thông',
        'Các đơn vị được kiểm tra trong năm',
        'Quý III-IV/2023',
    ],
    [
        3,
        'TC 1.4. Công tác tuyên truyền CCHC',
        '1,00',
        'Thực hiện đầy đủ các hình thức tuyên truyền theo quy định',
        'Tổ chức hội nghị tuyên truyền CCHC theo quy định; Đăng tải tin, bài trên Trang thông tin điện tử tỉnh\nXây dựng các chuyên mục tuyên truyền CCHC trên Đài Phát thanh và Truyền hình Bắc Kạn',
        'Văn phòng UBND tỉnh; các Sở: Nội vụ; Tư pháp; Tài chính; Thông tin và Truyền thông\nĐài Phát thanh và Truyền hình Bắc Kạn',
        'Các sở, ban, ngành, UBND cấp huyện, cấp xã',
        'Thường xuyên',
    ],
    [
        4,
        'TC 1.6. Đối thoại của lãnh đạo tỉnh với người dân, doanh nghiệp',
        '1,00',
        'Tổ chức tối thiểu 02 cuộc đối thoại trở lên (Trực tiếp/trực tuyến)\n100% kiến nghị, đề xuất của người dân, tổ chức qua đối thoại được xử lý theo quy định',
        '- Xây dựng các chương trình, kế hoạch và các văn bản liên quan để tổ chức đối thoại;\n- Tổng hợp đầy đủ các kiến nghị, đề xuất của người dân, tổ chức qua đối thoại và đề nghị cấp có thẩm quyền xử lý theo quy định',
        'Các Sở: Công thương; Lao động - Thương binh và Xã hội; Kế hoạch và Đầu tư',
        'Văn phòng UBND tỉnh; người dân, doanh nghiệp',
        'Năm 2023',
    ],
    ['II', 'CẢI CÁCH THỂ CHẾ', '', '', '', '', '', ''],
    [
        1,
        'TC 2.1. Theo dõi thi hành pháp luật (TĐTHPL)',
        '3,00',
        '- Đảm bảo thực hiện đầy đủ 03 hoạt động theo dõi thi hành pháp luật (Kiểm tra; thu thập thông tin; điều tra, khảo sát tình hình thi hành pháp luật); ban hành đầy đủ văn bản xử lý kết quả theo dõi thi hành pháp luật;\n- Ban hành kế hoạch, xây dựng báo cáo theo đúng thời gian quy định',
        'Thực hiện tốt các hoạt động theo dõi tình hình thi hành pháp luật và kịp thời xử lý, kiến nghị xử lý kết quả theo dõi tình hình thi hành pháp luật trên địa bàn tỉnh bảo đảm đúng quy định của pháp luật',
        'Các sở, ban, ngành, UBND cấp huyện',
        'Sở Tư pháp',
        'Năm 2023',
    ],
    [
        2,
        'TC 2.2. Rà soát văn bản quy phạm pháp luật (QPPL)',
        '1,50',
        '100% văn bản QPPL hết hiệu lực, ngưng hiệu lực được công bố theo quy định',
        'Chủ động tự kiểm tra, rà soát hệ thống hóa văn bản QPPL để kịp thời phát hiện, kiến nghị xử lý những văn bản mâu thuẫn, chồng chéo, bất cập, thiếu tính khả thi hoặc không còn phù hợp với thực tiễn quản lý, điều hành ở địa phương, đơn vị',
        UP,
        UP,
        'Thường xuyên',
    ],
    [
        3,
        'TC 2.3. Xử lý văn bản trái pháp luật do cơ quan có thẩm quyền kiểm tra kiến nghị',
        '1,50',
        '100% văn bản trái pháp luật do cơ quan có thẩm quyền kiểm tra kiến nghị được xử lý theo quy định',
        UP,
        UP,
        UP,
        UP,
    ],
    ['III', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', '', '', '', '', '', ''],
    [
        1,
        'TCTP 3.2.3. Công khai tiến độ, kết quả giải quyết hồ sơ trên Hệ thống thông tin giải quyết TTHC',
        '1,00',
        '100% hồ sơ TTHC được đồng bộ, công khai trên Cổng Dịch vụ công Quốc gia',
        'Tiếp tục theo dõi đôn đốc các cơ quan, đơn vị duy trì thực hiện tốt hoạt động cơ chế một cửa, một cửa liên thông',
        'Văn phòng UBND tỉnh',
        'Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        'Số liệu hồ sơ TTHC được đồng bộ với Cổng Dịch vụ công của tỉnh và Cổng Dịch vụ công Quốc gia',
        'Sở Thông tin và Truyền thông',
        '',
        'Thường xuyên',
    ],
    [
        2,
        'TC 3.3. Thực hiện cơ chế một cửa, cơ chế một cửa liên thông',
        '3,00',
        '100% số TTHC thuộc thẩm quyền giải quyết của cấp tỉnh, cấp huyện và cấp xã (bao gồm các cơ quan, ngành dọc) trên địa bàn tỉnh được thực hiện theo cơ chế một cửa, cơ chế một cửa liên thông (đối với các TTHC được quy định phải thực hiện theo cơ chế một cửa, một cửa liên thông)',
        'Việc ký số thành phần hồ sơ tại Bộ phận Một cửa các cấp theo đúng quy định',
        'Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã',
        'Văn phòng UBND tỉnh',
        'Từ 01/6/2023',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        'Hồ sơ thủ tục hành chính được cập nhật đầy đủ, kịp thời tại Phần mềm Một cửa điện tử của tỉnh',
        UP,
        UP,
        'Thường xuyên',
    ],
    [
        3,
        'TCTP 3.4.4. Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn trong giải quyết hồ sơ TTHC',
        '0,25',
        '100% hồ sơ TTHC giải quyết quá hạn được công khai xin lỗi theo quy định',
        'Hồ sơ TTHC giải quyết quá hạn được công khai xin lỗi theo quy định',
        'Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã',
        'Văn phòng UBND tỉnh',
        'Thường xuyên',
    ],
    [
        4,
        'TC 3.5. Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh',
        '1,00',
        '100% phản ánh, kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết được xử lý và công khai kết quả xử lý theo quy định',
        'Phản ánh, kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết được xử lý và công khai kết quả xử lý theo quy định',
        UP,
        UP,
        UP,
    ],
    ['IV', 'CẢI CÁCH TỔ CHỨC BỘ MÁY', '', '', '', '', '', ''],
    [
        1,
        'TCTP 4.1.1. Hoàn thiện quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của các cơ quan chuyên môn cấp tỉnh và phòng chuyên môn cấp huyện',
        '1,00',
        '100% cơ quan, đơn vị được quy định chức năng, nhiệm vụ, quyền hạn theo đúng quy định của trung ương',
        'Tiếp tục theo dõi, đôn đốc các cơ quan, đơn vị rà soát, kiện toàn chức năng, nhiệm vụ của cơ quan, đơn vị theo các nghị định của Chính phủ và hướng dẫn của bộ, ngành liên quan.',
        'Sở Nội vụ',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Thường xuyên',
    ],
    [
        2,
        'TCTP 3.4.3. Xử lý các vấn đề về phân cấp, phân quyền phát hiện qua thanh tra, kiểm tra',
        '1,00',
        '100% vấn đề về phân cấp, phân quyền phát hiện qua thanh tra, kiểm tra được xử lý theo quy định',
        'Xử lý kịp thời, đầy đủ các vấn đề về phân cấp, phân quyền phát hiện qua thanh tra, kiểm tra',
        'Các sở, ban, ngành; UBND cấp huyện được thanh tra, kiểm tra trong năm',
        'Các Sở: Nội vụ; Tài chính; Tài nguyên và Môi trường; Kế hoạch và Đầu tư; Thông tin và Truyền thông; Văn hóa, Thể thao và Du lịch; Y tế; Xây dựng; Khoa học và Công nghệ; Lao động - Thương binh và Xã hội',
        'Năm 2023',
    ],
    ['V', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', '', '', '', '', '', ''],
    [
        1,
        'TCTP 5.2.1. Thực hiện quy định về tuyển dụng công chức, viên chức cấp tỉnh, ĐVHC cấp huyện, cấp xã',
        '0,25',
        '100% đợt tuyển dụng công chức, viên chức thực hiện đúng theo quy định',
        'Tiếp tục duy trì thực hiện tốt công tác tuyển dụng công chức, viên chức',
        'Các sở, ban, ngành, UBND cấp huyện tuyển dụng công chức, viên chức trong năm 2023',
        'Sở Nội vụ',
        'Năm 2023',
    ],
    [
        2,
        'TCTP 5.3.1. Thực hiện quy định về bổ nhiệm các chức danh lãnh đạo, quản lý',
        '0,75',
        '100% lãnh đạo quản lý được bổ nhiệm đúng quy định',
        'Tiếp tục duy trì thực hiện tốt công tác bổ nhiệm, bổ nhiệm lại lãnh đạo quản lý tại các cơ quan, đơn vị',
        'Các sở, ban, ngành, UBND cấp huyện',
        'Sở Nội vụ',
        'Năm 2023',
    ],
    ['VI', 'CẢI CÁCH TÀI CHÍNH CÔNG', '', '', '', '', '', ''],
    [
        1,
        'TCTP 6.1.2. Thực hiện quy định về việc sử dụng kinh phí nguồn từ NSNN',
        '1,00',
        '100% cơ quan, đơn vị quản lý, sử dụng đúng quy định nguồn kinh phí ngân sách nhà nước và tài sản công',
        '',
        '',
        'Sở Tài chính',
        'Thường xuyên',
    ],
    [
        2,
        'TCTP 6.2.2. Tổ chức thực hiện các quy định về quản lý, sử dụng tài sản công',
        '1,00',
        UP,
        '',
        '',
        'Sở Tài chính',
        'Thường xuyên',
    ],
    [
        3,
        'TCTP 6.3.3. Thực hiện quy định về sử dụng các nguồn tài chính và phân phối kết quả tài chính tại các đơn vị SNCL.',
        '1,00',
        '100% cơ quan, đơn vị quản lý, sử dụng đúng quy định nguồn kinh phí ngân sách nhà nước và tài sản công',
        '',
        '',
        'Sở Tài chính',
        'Thường xuyên',
    ],
    [
        4,
        'TCTP 6.2.3. Thực hiện quy định về sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý',
        '0,75',
        'Phần đầu trên 96,8% số cơ sở nhà đất được phê duyệt phương án sắp xếp lại',
        'Tiếp tục rà soát trình cấp có thẩm quyền phê duyệt phương án sắp xếp lại, xử lý nhà, đất trên địa bàn tỉnh',
        'Các sở, ban, ngành liên quan',
        'Sở Tài chính',
        'Năm 2023',
    ],
    [
        5,
        'TCTP 6.3.1. Số đơn vị SNCL tự bảo đảm chi thường xuyên',
        '0,25',
        'Phần đầu có 01 đơn vị SNCL tự bảo đảm chi thường xuyên',
        'Tiếp tục rà soát các đơn vị sự nghiệp công lập đủ điều kiện xây dựng phương án tự đảm bảo chi thường xuyên',
        'Các sở, ban, ngành, UBND cấp huyện',
        UP,
        UP,
    ],
    ['VII', 'XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ', '', '', '', '', '', ''],
    [
        1,
        'TCTP 7.1.1. Phát triển các nền tảng, cơ sở dữ liệu',
        '0,50',
        'Duy trì thực hiện tốt các nền tảng, cơ sở dữ liệu',
        'Tiếp tục duy trì cập nhật Kiến trúc Chính quyền điện tử tỉnh; xây dựng, phát triển các hệ thống nền tảng Chính quyền điện tử, Chính quyền số tỉnh bảo đảm tuân thủ Kiến trúc Chính phủ điện tử, Kiến trúc Chính quyền điện tử tỉnh đã ban hành.',
        'Sở Thông tin và Truyền thông',
        'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
        'Thường xuyên',
    ],
    [
        2,
        'TCTP 7.1.3. Tỷ lệ các ứng dụng có dữ liệu dùng chung được kết nối, sử dụng qua Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)',
        '1,00',
        'Duy trì thực hiện tốt 02/02 ứng dụng có dữ liệu dùng chung',
        'Tiếp tục duy trì và nâng cao chất lượng, hiệu quả Cổng Dịch vụ công và Hệ thống Một cửa điện tử của tỉnh.',
        UP,
        UP,
        UP,
    ],
    [
        3,
        'TC 7.2. Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan nhà nước',
        '3,00',
        'Duy trì thực hiện tốt Phần mềm quản lý văn bản; Hệ thống thông tin báo cáo cấp tỉnh',
        'Đẩy mạnh việc thực hiện cập nhật, luân chuyển hồ sơ văn bản hành chính trên phần mềm quản lý văn bản đầy đủ, kịp thời theo quy định',
        'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
        'Sở Thông tin và Truyền thông',
        UP,
    ],
    [
        4,
        'TCTP 7.3.4. Triển khai số hóa hồ sơ, kết quả giải quyết TTHC',
        '1,00',
        'Duy trì tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC điện tử đối với TTHC thuộc thẩm quyền giải quyết của cấp tỉnh đạt 34,63%, cấp huyện đạt 27,78%, cấp xã đạt 17%',
        'Duy trì thực hiện tốt việc số hóa hồ sơ giải quyết TTHC theo quy định',
        'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
        'Văn phòng UBND tỉnh; Sở Thông tin và Truyền thông',
        UP,
    ],
    [
        'VIII TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI',
        LEFT,
        LEFT,
        LEFT,
        LEFT,
        LEFT,
        LEFT,
        LEFT,
    ],
    [
        1,
        'TC 8.2. Mức độ thu hút đầu tư của tỉnh',
        '1,00',
        'Mức độ thu hút đầu tư của tỉnh năm 2023 cao hơn 2022',
        '- Triển khai mạnh quyết liệt, có hiệu quả các giải pháp về nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI), cải thiện môi trường đầu tư kinh doanh; cắt giảm điều kiện đầu tư kinh doanh; tiếp tục bám sát các chỉ đạo điều hành của Chính phủ về phát triển kinh tế xã hội, cải thiện môi trường đầu tư kinh doanh, khuyến khích và tạo điều kiện thúc đẩy kinh tế tư nhân phát triển, nâng cao năng lực cạnh tranh của tỉnh; tăng cường công khai minh bạch các chính sách pháp luật liên quan tới doanh nghiệp.\n- Tăng cường công tác tuyên truyền phát triển kinh tế tư nhân phát triển doanh nghiệp chú trọng công tác tuyên truyền pháp luật về đầu tư kinh doanh; về cơ chế, chính sách tăng cường quảng bá xúc tiến đầu tư vận động đầu tư vào tỉnh; tăng cường hoạt động hỗ trợ, cung cấp thông tin thị trường cho doanh nghiệp\n- Kịp thời nắm bắt, hỗ trợ tháo gỡ các khó khăn, vướng mắc tạo điều kiện thuận lợi cho doanh nghiệp trong hoạt động sản xuất kinh doanh tăng cường sự phối hợp giữa các đơn vị trong việc giải quyết những vấn đề về pháp lý trong hoạt động kinh doanh của doanh nghiệp\n- Tiếp tục rà soát, đơn giản hóa TTHC, chú trọng nghiên cứu, triển khai các sáng kiến, giải pháp đẩy mạnh cải cách TTHC trong lĩnh vực thành lập và hoạt động doanh nghiệp; tăng cường ứng dụng công nghệ thông tin, thực hiện chuyển đổi số trong giải quyết TTHC',
        'Sở Kế hoạch và Đầu tư',
        'Các sở, BAN, ngành; UBND cấp huyện',
        'Thường xuyên',
    ],
    [
        2,
        'TCTP 8.3.1. Số lượng doanh nghiệp gia nhập và tái gia nhập thị trường',
        '0,50',
        'Số lượng doanh nghiệp gia nhập và tái gia nhập thị trường năm 2023 cao hơn 2022',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        3,
        'TCTP 8.3.3. Tỷ lệ đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp',
        '1,00',
        'Tỷ lệ đóng góp vào thu ngân sách tỉnh của khu vực doanh nghiệp năm 2023 cao hơn 2022',
        UP,
        UP,
        UP,
        UP,
    ],
]

# ---------------------------------------------------------------------------
# Phụ lục 2 — PAR INDEX, criteria that lost points in 2022 (9 columns).
# ---------------------------------------------------------------------------

PL2_TITLE = ['Phụ lục 2. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP KHẮC PHỤC TỒN TẠI, HẠN CHẾ CHỈ SỐ CCHC NĂM 2022 VÀ CẢI THIỆN CHỈ SỐ NĂM 2023', '(Kèm theo Kế hoạch số /KH-UBND ngày tháng 6 năm 2023 của Ủy ban nhân dân tỉnh Bắc Kạn)']
PL2_HEADER = [
    ['TT', 'Lĩnh vực/Tiêu chí/ Tiêu chí thành phần', 'Điểm tối đa', 'Điểm đạt được năm 2022', 'Mục tiêu năm 2023', 'Nhiệm vụ, giải pháp', 'Cơ quan chủ trì thực hiện', 'Cơ quan phối hợp thực hiện', 'Thời gian thực hiện'],
]
PL2_WIDTHS = [6, 32, 9, 10, 28, 52, 26, 26, 14]

PL2_ROWS = [
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', '', '', '', '', '', '', ''],
    [
        1,
        'TC 1.2. Thực hiện chế độ báo cáo định kỳ',
        '0,5000',
        '0,0000',
        'Đảm bảo đủ số lượng, chất lượng các báo cáo CCHC định kỳ và thực hiện đúng thời gian quy định của Bộ Nội vụ',
        'Đôn đốc các cơ quan, đơn vị thực hiện chế độ báo cáo đảm bảo nội dung và thời gian quy định\nThực hiện chế độ báo cáo chuyên đề định kỳ đảm bảo đủ nội dung, đúng thời gian quy định',
        'Sở Nội vụ',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Trước ngày 12 tháng cuối quý và ngày 12/12/2023',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        UP,
        UP,
        'Văn phòng UBND tỉnh; các sở: Thông tin và Truyền thông; Tư pháp; Tài chính',
        'Sở Nội vụ',
        UP,
    ],
    [
        2,
        'TC 1.5. Đổi mới sáng tạo trong triển khai nhiệm vụ CCHC',
        '2,0000',
        '1,0000',
        'Tối thiểu có 03 sáng kiến, giải pháp mới đạt yêu cầu quy định',
        'Tiếp tục đôn đốc các đơn vị tìm sáng kiến giải pháp trong thực hiện CCHC\nTuyên truyền, vận động và khuyến khích đội ngũ cán bộ, công chức, viên chức tìm giải pháp, sáng kiến mới nâng cao hiệu quả công việc trong thực hiện nhiệm vụ được giao',
        'Sở Nội vụ',
        'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
        'Thường xuyên',
    ],
    [UP, UP, UP, UP, UP, UP, 'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã', 'Sở Nội vụ', UP],
    [
        3,
        'TC 1.7. Thực hiện nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao',
        '1,5000',
        '1,2750',
        '100% nhiệm vụ Chính phủ, Thủ tướng chính phủ giao được hoàn thành đúng tiến độ',
        'Tăng cường theo dõi, đôn đốc các cơ quan, đơn vị thực hiện đúng tiến độ các nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao; đồng thời cập nhật đầy đủ, kịp thời việc thực hiện các nhiệm vụ trên phần mềm theo dõi nhiệm vụ\nNâng cao trách nhiệm người đứng đầu các cơ quan, đơn vị trong thực hiện các nhiệm vụ do Chính phủ, Thủ tướng Chính phủ và UBND tỉnh, Chủ tịch UBND tỉnh giao; đảm bảo các nhiệm vụ được giao tham mưu thực hiện có chất lượng, kịp thời, đúng thời gian quy định.',
        'Văn phòng UBND tỉnh',
        'Các sở, ban, ngành',
        'Thường xuyên',
    ],
    [UP, UP, UP, UP, UP, UP, 'Các sở, ban, ngành; UBND cấp huyện', 'Văn phòng UBND tỉnh', UP],
    ['II', 'CẢI CÁCH THỂ CHẾ', '', '', '', '', '', '', ''],
    [
        1,
        'TCTP 2.4.1. Tính đồng bộ, thống nhất của các VBQPPL do địa phương ban hành (Điều tra XHH)',
        '1,0000',
        '0,7646',
        '100% văn bản QPPL ban hành trong năm đảm bảo tính đồng bộ, thống nhất, hợp lý và có tính khả thi cao',
        '- Nâng cao chất lượng, hiệu quả công tác xây dựng các văn bản QPPL; triển khai thực hiện đầy đủ, kịp thời các văn bản theo quy định\n- Nâng cao trách nhiệm trong việc đánh giá phiếu khảo sát điều tra xã hội học chỉ số CCHC năm',
        'Các sở, ban, ngành UBND cấp huyện',
        'Sở Tư pháp',
        'Thường xuyên',
    ],
    [
        2,
        'TCTP 2.4.2. Tính hợp lý của các VBQPPL do địa phương ban hành (Điều tra XHH)',
        '1,0000',
        '0,7262',
        UP,
        'Tiếp tục nâng cao chất lượng công tác thẩm định văn bản QPPL',
        'Sở Tư pháp',
        'Các sở, ban, ngành UBND cấp huyện',
        UP,
    ],
    [
        3,
        'TCTP 2.4.3. Tính khả thi của các VBQPPL do địa phương ban hành (Điều tra XHH)',
        '1,0000',
        '0,7078',
        UP,
        UP,
        UP,
        UP,
        UP,
    ],
    [
        4,
        'TCTP 2.4.4. Tính kịp thời phát hiện và xử lý các bất cập, vướng mắc trong tổ chức thực hiện VBQPPL tại địa phương (Điều tra XHH)',
        '1,0000',
        '0,8742',
        '100% bất cập, vướng mắc phát hiện khi tổ chức thực hiện các văn bản QPPL được xử lý hoặc kiến nghị cấp có thẩm quyền xử lý kịp thời',
        'Tăng cường công tác theo dõi tổ chức thực hiện các văn bản QPPL trên địa bàn tỉnh',
        'Sở Tư pháp',
        'Các sở, ban, ngành UBND cấp huyện',
        'Thường xuyên',
    ],
    ['III CẢI CÁCH THỦ TỤC HÀNH CHÍNH', LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT],
    [
        1,
        'TC 3.1. Kiểm soát TTHC',
        '1,0000',
        '0,5000',
        '100% văn bản QPPL có quy định TTHC được kiểm soát trước khi ban hành',
        'Kiểm soát chặt chẽ việc ban hành các quy định TTHC tại dự thảo văn bản QPPL của tỉnh',
        'Văn phòng UBND tỉnh',
        'Các sở, ban, ngành',
        'Thường xuyên',
    ],
    [
        2,
        'TCTP 3.2.1. Công bố TTHC, danh mục TTHC theo quy định',
        '0,5000',
        '0,0000',
        '100% danh mục TTHC được công bố, công khai đầy đủ, kịp thời theo quy định',
        'Theo dõi, đôn đốc các sở, ngành công bố, công khai TTHC, danh mục TTHC kịp thời, đúng quy định',
        UP,
        UP,
        UP,
    ],
    [
        3,
        'TCTP 3.2.2. Công khai TTHC và các quy định có liên quan',
        '1,5000',
        '0,7500',
        'Công bố, công khai TTHC, danh mục TTHC kịp thời, đúng quy định',
        'Công bố, công khai TTHC, danh mục TTHC kịp thời, đúng quy định',
        'Các sở, ban, ngành',
        'Văn phòng UBND tỉnh',
        UP,
    ],
    [
        4,
        'TC 3.4. Kết quả giải quyết TTHC',
        '5,0000',
        '4,9928',
        '100% hồ sơ TTHC được giải quyết đúng hạn',
        'Nâng cao trách nhiệm của công chức, viên chức trong giải quyết TTHC',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        UP,
        UP,
    ],
    ['IV CẢI CÁCH TỔ CHỨC BỘ MÁY', LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT],
    [
        1,
        'TCTP 4.1.2. Thực hiện cơ cấu số lượng lãnh đạo tại các cơ quan hành chính theo các tiêu chí',
        '1,5000',
        '1,3500',
        'Thực hiện tự đánh giá chấm điểm cung cấp tài liệu kiểm chứng đảm bảo đúng yêu cầu và đầy đủ theo quy định',
        'Bám sát các yêu cầu, quy định và cung cấp đầy đủ tài liệu kiểm chứng khi thực hiện tự đánh giá chấm điểm nội dung cơ cấu số lượng lãnh đạo cấp phòng trực thuộc UBND cấp huyện',
        'Sở Nội vụ',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Tháng 01/2024',
    ],
    [
        2,
        'TCTP 4.1.3. Tỷ lệ giảm số lượng đơn vị sự nghiệp công lập so với năm 2021',
        '1,0000',
        '0,9160',
        'Giảm tối thiểu 01 đơn vị sự nghiệp',
        'Tiếp tục đôn đốc các cơ quan, đơn vị rà soát sắp xếp các phòng chuyên môn, đơn vị sự nghiệp công lập tinh gọn, hoạt động hiệu quả',
        'Sở Nội vụ',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Thường xuyên',
    ],
    [
        3,
        'TCTP 4.1.4. Tính hợp lý trong sắp xếp tổ chức bộ máy các cơ quan, đơn vị thuộc thẩm quyền của tỉnh (Điều tra XHH)',
        '1,0000',
        '0,6963',
        'Sắp xếp các phòng chuyên môn, đơn vị sự nghiệp công lập tinh gọn, hợp lý, hoạt động hiệu quả',
        UP,
        UP,
        UP,
        UP,
    ],
    [
        4,
        'TCTP 4.1.5. Tính hợp lý trong phân định chức năng, nhiệm vụ giữa các cơ quan, đơn vị tại địa phương (Điều tra XHH)',
        '1,0000',
        '0,7139',
        'Đảm bảo chức năng, nhiệm vụ của các cơ quan, đơn vị được quy định cụ thể theo quy định',
        'Tiếp tục rà soát xây dựng chức năng, nhiệm vụ quyền hạn các cơ quan, đơn vị',
        'Các sở, ban, ngành',
        'Sở Nội vụ',
        UP,
    ],
    [
        5,
        'TCTP 4.1.6. Tình hình thực hiện quy chế làm việc của UBND tỉnh (Điều tra XHH)',
        '1,0000',
        '0,7201',
        UP,
        'Triển khai thực hiện tốt các quy định về Quy chế làm việc của UBND tỉnh theo Quyết định số 16/2021/QĐ-UBND ngày 27/9/2021 của UBND tỉnh Bắc Kạn',
        'Các sở, ban, ngành',
        'Văn phòng UBND tỉnh',
        UP,
    ],
    [
        6,
        'TCTP 4.3.4. Tính hợp lý trong việc phân cấp, phân quyền thực hiện nhiệm vụ quản lý nhà nước giữa tỉnh và huyện (Điều tra XHH)',
        '1,0000',
        '0,6966',
        'Các quy định về phân cấp, phân quyền của tỉnh đảm bảo đúng quy định của luật hiện hành và hợp lý trong thực hiện',
        '- Tăng cường phân cấp cho các đơn vị cấp huyện, cấp xã trên địa bàn tỉnh;\n- Triển khai thực hiện tốt các quy định về phân cấp, phân quyền quản lý trên địa bàn tỉnh',
        'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
        'Sở Nội vụ',
        'Thường xuyên',
    ],
    ['V', 'CÁI CÁCH CHẾ ĐỘ CÔNG VỤ', '', '', '', '', '', '', ''],
    [
        1,
        'TCTP 5.1.2. Tỷ lệ cơ quan, đơn vị của tỉnh bố trí công chức, viên chức theo đúng vị trí việc làm được phê duyệt',
        '1,5000',
        '1,0000',
        'Phần đầu 98% cơ quan, đơn vị của tỉnh bố trí công chức, viên chức theo đúng vị trí việc làm được phê duyệt',
        'Tiếp tục rà soát bố trí công chức, viên chức đúng theo vị trí việc làm',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Sở Nội vụ',
        'Thường xuyên',
    ],
    [
        2,
        'TC 5.4. Chấp hành kỷ luật, kỷ cương',
        '1,5000',
        '1,0000',
        '100% cán bộ, công chức, viên chức chấp hành tốt kỷ luật, kỷ cương công vụ',
        'Tăng cường công tác thanh tra, kiểm tra việc chấp hành kỷ luật, kỷ cương của đội ngũ cán bộ, công chức, viên chức tại các cơ quan, đơn vị trên địa bàn tỉnh.\nĐẩy mạnh công tác tuyên truyền, quán triệt đội ngũ cán bộ, công chức, viên chức chấp hành tốt kỷ luật, kỷ cương công vụ',
        'Sở Nội vụ\nCác sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
        'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã\nSở Nội vụ',
        UP,
    ],
    [
        3,
        'TC 5.2. Tính công khai, minh bạch trong công tác tuyển dụng công chức, viên chức (Điều tra XHH)',
        '2,0000',
        '1,7087',
        '100% công chức, viên chức được tuyển dụng đúng quy định của luật hiện hành',
        'Thực hiện tuyển dụng công chức, viên chức đúng quy định của luật hiện hành',
        'Sở Nội vụ; các cơ quan, đơn vị tuyển dụng trong năm 2023',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Năm 2023',
    ],
    [
        4,
        'TC 5.3. Tính công khai, minh bạch trong công tác bổ nhiệm công chức, viên chức (Điều tra XHH)',
        '2,0000',
        '1,6269',
        '100% công chức, viên chức lãnh đạo quản lý được bổ nhiệm đúng quy định luật hiện hành',
        'Thực hiện đúng các quy định về công tác quy hoạch, bổ nhiệm công chức, viên chức',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Sở Nội vụ',
        UP,
    ],
    [
        5,
        'TC 5.5. Chất lượng đào tạo, bồi dưỡng cán bộ, công chức, viên chức (Điều tra XHH)',
        '1,0000',
        '0,6821',
        'Nâng cao chất lượng các lớp đào tạo bồi dưỡng cán bộ, công chức, viên chức',
        'Tiếp tục mở các lớp đào tạo, bồi dưỡng theo kế hoạch',
        'Sở Nội vụ; một số đơn vị liên quan',
        'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
        UP,
    ],
    [
        6,
        'TC 5.7. Chất lượng đội ngũ công chức, viên chức (Điều tra XHH)',
        '4,0000',
        '2,6994',
        '100% công chức, viên chức có trình độ chuyên môn đáp ứng yêu cầu công việc được giao; có phẩm chất đạo đức, tinh thần trách nhiệm trong giải quyết công việc',
        '- Nâng cao chất lượng công tác tuyển dụng công chức, viên chức;\n- Thực hiện tốt công tác tuyên truyền, quán triệt đội ngũ cán bộ, công chức, viên chức chấp hành tốt kỷ luật, kỷ cương công vụ',
        'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
        'Sở Nội vụ',
        UP,
    ],
    ['VI', 'CẢI CÁCH TÀI CHÍNH CÔNG', '', '', '', '', '', '', ''],
    [
        1,
        'TCTP 6.1.1. Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước',
        '1,0000',
        '0,7568',
        'Phân đầu hoàn thành 100% kế hoạch đầu tư vốn ngân sách nhà nước',
        'Tham mưu cho UBND tỉnh chỉ đạo, đôn đốc các Chủ đầu tư đẩy nhanh tiến độ giải ngân kế hoạch vốn năm 2023 đảm bảo thời gian hoàn thành kế hoạch\nĐẩy nhanh tiến độ giải ngân kế hoạch vốn năm 2023 đảm bảo thời gian hoàn thành kế hoạch',
        'Sở Kế hoạch và Đầu tư',
        'Các sở, ban, ngành liên quan; UBND cấp huyện',
        'Năm 2023',
    ],
    [
        2,
        'TCTP 6.1.3. Thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách',
        '1,0000',
        '0,7817',
        'Phân đầu thực hiện kiến nghị sau thanh tra, kiểm toán đạt từ 80% trở lên',
        'Tiếp tục tham mưu cho UBND tỉnh đôn đốc thực hiện kiến nghị sau thanh tra, kiểm toán\nĐẩy mạnh việc thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách',
        'Sở Tài chính',
        'Các đơn vị dự toán, UBND cấp huyện',
        'Năm 2023',
    ],
    [
        3,
        'TCTP 6.3.2. Số đơn vị SNCL tự bảo đảm một phần chi thường xuyên',
        '0,7500',
        '0,2500',
        'Phân đầu có từ 02 đơn vị sự nghiệp trở lên tăng tỷ lệ tự chủ về chi thường xuyên',
        'Đẩy mạnh việc thực hiện cơ chế tự chủ tài chính theo quy định tại Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ quy định cơ chế tự chủ tài chính trong các đơn vị sự nghiệp công lập, trong đó tập trung thực hiện:\n- Xây dựng định mức kinh tế kỹ thuật làm cơ sở ban hành giá dịch vụ sự nghiệp công sử dụng ngân sách nhà nước;',
        'Các đơn vị sự nghiệp thuộc tỉnh; các sở, ngành có đơn vị sự nghiệp trực thuộc; UBND cấp huyện',
        'Sở Tài chính',
        UP,
    ],
    [
        4,
        'TCTP 6.3.4. Tỷ lệ giảm chi ngân sách trực tiếp cho các đơn vị sự nghiệp so với năm 2021',
        '1,0000',
        '0,0000',
        'Phân đầu giảm tỷ lệ chi ngân sách trong các đơn vị sự nghiệp công lập',
        '- Đẩy mạnh thực hiện cung cấp dịch vụ công theo phương thức giao nhiệm vụ, đặt hàng đối với các đơn vị sự nghiệp công trực thuộc tỉnh; trực thuộc các sở, ban, ngành, UBND các huyện, thành phố.',
        UP,
        UP,
        UP,
    ],
    [
        5,
        'TCTP 6.1.4. Tính hiệu quả của việc thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính (Điều tra XHH)',
        '1,0000',
        '0,6711',
        '100% cơ quan, đơn vị thực hiện có hiệu quả cơ chế tự chủ về sử dụng kinh phí quản lý hành chính',
        'Nâng cao hiệu quả việc thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính tại các cơ quan, đơn vị',
        '',
        '',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
    ],
    [
        6,
        'TCTP 6.2.4. Thực hiện tiết kiệm, chống lãng phí trong quản lý, sử dụng kinh phí của cơ quan, đơn vị (Điều tra XHH)',
        '1,0000',
        '0,7025',
        '100% cơ quan, đơn vị quản lý, sử dụng kinh phí quản và tài sản công đúng quy định luật hiện hành',
        'Tăng cường công tác thanh tra, kiểm toán tại các cơ quan, đơn vị',
        'Sở Tài chính',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        7,
        'TCTP 6.2.5. Tính hiệu quả của việc quản lý, sử dụng tài sản công (Điều tra XHH)',
        '1,0000',
        '0,6981',
        UP,
        UP,
        UP,
        UP,
        UP,
    ],
    [
        8,
        'TCTP 6.3.5. Tính hiệu quả của việc thực hiện cơ chế tự chủ tại các đơn vị SNCL (Điều tra XHH)',
        '1,0000',
        '0,6467',
        '100% đơn vị sự nghiệp công lập thực hiện có hiệu quả cơ chế tự chủ',
        'Nâng cao hiệu quả việc thực hiện cơ chế tự chủ tài chính tại các cơ quan, đơn vị',
        'Các đơn vị sự nghiệp thuộc tỉnh; các sở, ngành có đơn vị sự nghiệp trực thuộc; UBND cấp huyện',
        'Sở Tài chính',
        UP,
    ],
    ['VII XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ', LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT],
    [
        1,
        'TCTP 7.1.2. Triển khai Trung tâm dữ liệu phục vụ chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây',
        '1,0000',
        '0,0000',
        'Triển khai đầy đủ, kịp thời nền tảng điện toán đám mây',
        'Sau khi Bộ Thông tin và Truyền thông triển khai nền tảng điện toán đám mây và có hướng dẫn về điều kiện, tiêu chuẩn kết nối. Trên cơ sở điều kiện tiêu chuẩn kết nối của Bộ Thông tin và Truyền thông, nếu Trung tâm dữ liệu của tỉnh đáp ứng thì thực hiện kết nối theo yêu cầu; trường hợp Trung tâm dữ liệu của tỉnh chưa đáp ứng yêu cầu kết nối thì Sở Thông tin và Truyền thông sẽ báo cáo UBND tỉnh và đề xuất giải pháp nâng cấp Trung tâm dữ liệu phù hợp yêu cầu để thực hiện kết nối',
        'Sở Thông tin và Truyền thông',
        'Các sở, ngành liên quan',
        'Khi có văn bản chỉ đạo, hướng dẫn của Bộ Thông tin và Truyền thông',
    ],
    [
        2,
        'TCTP 7.1.4. Tỷ lệ số dịch vụ dữ liệu có trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được đưa vào sử dụng chính thức',
        '1,0000',
        '0,6000',
        'Đảm bảo 100% dịch vụ dữ liệu trên nền tảng tích hợp, chia sẻ dữ liệu quốc gia được sử dụng chính thức',
        'Phối hợp với các cơ quan liên quan đưa vào sử dụng chính thức tối đa các dịch vụ dữ liệu còn thiếu trên nền tảng tích hợp, chia sẻ dữ liệu quốc gia đảm bảo 100% dịch vụ dữ liệu trên nền tảng tích hợp, chia sẻ dữ liệu quốc gia được sử dụng chính thức như: Chia sẻ dữ liệu đăng kiểm phương tiện; Đồng bộ trạng thái xử lý, trả kết quả TTHC lĩnh vực đường bộ; CSDL quốc gia về dân cư; CSDL quốc gia về giá; Liên thông tài nguyên môi trường - Thuê; Hệ thống phục vụ dịch vụ công của Tổng công ty Bưu điện Việt Nam',
        '',
        '',
        'Các cơ quan, đơn vị, địa phương; đơn vị cung cấp phần mềm',
    ],
    [
        3,
        'TCTP 7.3.3. Thiết lập, vận hành Hệ thống thông tin giải quyết TTHC',
        '1,0000',
        '0,0000',
        'Phấn đấu hoàn thành Hệ thống thông tin giải quyết TTHC của tỉnh trong năm 2023.',
        'Đẩy nhanh tiến độ xây dựng Hệ thống thông tin giải quyết TTHC của tỉnh trên cơ sở hợp nhất Công dịch vụ công và Hệ thống Một cửa điện tử của tỉnh',
        'Văn phòng UBND tỉnh',
        'Sở Thông tin và Truyền thông',
        '',
    ],
    [
        4,
        'TCTP 7.3.6. Tỷ lệ hồ sơ trực tuyến toàn trình',
        '1,5000',
        '1,3968',
        '100% hồ sơ của TTHC toàn trình được giải quyết trực tuyến',
        'Tiếp tục nâng cao chất lượng, hiệu quả cung cấp dịch vụ công trực tuyến góp phần tăng tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh, cụ thể: triển khai Hệ thống thông tin giải quyết TTHC của tỉnh; nâng cấp trang thiết bị tại bộ phận một cửa các cấp',
        'Văn phòng UBND tỉnh; Sở Thông tin và Truyền thông',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        '',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        UP,
        'Tăng cường công tác tuyên truyền, hướng dẫn người dân, tổ chức sử dụng dịch vụ công trực tuyến trong giải quyết TTHC; rà soát TTHC đủ điều kiện cung cấp thành DVCTT toàn trình; nâng cao hiệu quả hoạt động của Tổ công nghệ số cộng đồng; có chính sách khuyến khích người dân sử dụng dịch vụ công trực tuyến... nhằm nâng cao tỷ lệ hồ sơ trực tuyến toàn trình trên địa bàn tỉnh',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Văn phòng UBND tỉnh; Sở Thông tin và Truyền thông',
        '',
    ],
    [
        5,
        'TCTP 7.3.7. Thực hiện thanh toán trực tuyến',
        '1,5000',
        '0,5181',
        'Phấn đấu tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến và tỷ lệ hồ sơ thanh toán trực tuyến trên tổng số hồ sơ giao dịch cao hơn năm 2022',
        'Khắc phục những lỗi thường gặp trong quá trình thực hiện thanh toán trực tuyến qua Hệ thống Paygov và qua Công dịch vụ công quốc gia; đề nghị các chi nhánh ngân hàng trên địa bàn tỉnh hỗ trợ tạo tài khoản miễn phí cho người dân khi thanh toán trực tuyến',
        'Sở Thông tin và Truyền thông',
        'Đơn vị cung cấp phần mềm; các chi nhánh ngân hàng trên địa bàn tỉnh',
        'Thường xuyên',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        UP,
        '- Tăng cường công tác tuyên truyền góp phần thay đổi thói quen của người dân; hướng dẫn thanh toán trực tuyến bằng video trực quan, dễ hiểu; cử cán bộ, đoàn viên thanh niên hỗ trợ trực tiếp người dân khi thanh toán trực tuyến;\n- Nâng cấp trang thiết bị tại bộ phận một cửa các cấp phục vụ thanh toán trực tuyến (máy quét mã hồ sơ, máy vi tính...); bảo đảm an toàn thông tin cá nhân của người dân khi thực hiện thanh toán trực tuyến... nhằm nâng cao tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến và tỷ lệ hồ sơ thanh toán trực tuyến.',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Văn phòng UBND tỉnh; Sở Thông tin và Truyền thông',
        UP,
    ],
    [
        6,
        'TCTP 7.3.2. Chất lượng cung cấp thông tin trên Cổng thông tin điện tử tỉnh (Điều tra XHH)',
        '1,0000',
        '0,7374',
        'Đảm bảo 100% thông tin trên Trang TTĐT của tỉnh được cung cấp đầy đủ, kịp thời, dễ tiếp cận',
        'Nâng cao chất lượng Cổng/trang thông tin điện tử, trong đó đảm bảo cung cấp kịp thời, đủ thông tin và thuận tiện trong việc truy cập, khai thác thông tin trên Cổng/trang thông tin điện tử',
        'Văn phòng UBND tỉnh',
        'Sở Thông tin và Truyền thông',
        'Thường xuyên',
    ],
    [
        'VIII',
        'TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
    ],
    [
        1,
        'TCTP 8.3.2. Số vốn đăng ký của doanh nghiệp',
        '0,5000',
        '0,0000',
        'Phấn đấu tăng tổng số vốn đăng ký doanh nghiệp năm 2023 cao hơn năm 2022',
        '- Triển khai mạnh mẽ, quyết liệt, có hiệu quả các giải pháp về nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI), cải thiện môi trường đầu tư kinh doanh; cắt giảm điều kiện đầu tư kinh doanh; tiếp tục Bám sát các chỉ đạo điều hành của Chính phủ về phát triển KTXH, cải thiện môi trường đầu tư kinh doanh, khuyến khích và tạo điều kiện thúc đẩy kinh tế tư nhân phát triển, nâng cao năng lực cạnh tranh của tỉnh; tăng cường công khai minh bạch các chính sách pháp luật liên quan tới doanh nghiệp.\n- Tăng cường công tác tuyên truyền phát triển kinh tế tư nhân phát triển doanh nghiệp chú trọng công tác tuyên truyền pháp luật về đầu tư kinh doanh; về cơ chế, chính sách tăng cường quảng bá xúc tiến đầu tư vận động đầu tư vào tỉnh; tăng cường hoạt động hỗ trợ, cung cấp thông tin thị trường cho doanh nghiệp.\n- Kịp thời nắm bắt, hỗ trợ tháo gỡ các khó khăn, vướng mắc tạo điều kiện thuận lợi cho doanh nghiệp trong hoạt động sản xuất kinh doanh tăng cường sự phối hợp giữa các đơn vị trong việc giải quyết những vấn đề về pháp lý trong hoạt động kinh doanh của doanh nghiệp.\n- Tiếp tục rà soát, đơn giản hóa TTHC, chú trọng nghiên cứu, triển khai các sáng kiến, giải pháp đẩy mạnh cải cách TTHC trong lĩnh vực thành lập và hoạt động doanh nghiệp; tăng cường ứng dụng công nghệ thông tin, thực hiện chuyển đổi số trong giải quyết TTHC.\n- Tham mưu UBND tỉnh tổ chức Hội nghị đối thoại doanh nghiệp để kịp thời nắm bắt thông tin giải đáp thắc mắc, hỗ trợ tháo gỡ khó khăn, vướng mắc của các doanh nghiệp, nhà đầu tư trong thực hiện hoạt động sản xuất kinh doanh và đầu tư tại tỉnh.',
        'Sở Kế hoạch và Đầu tư',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Thường xuyên',
    ],
    [
        2,
        'TC 8.4. Thực hiện thu ngân sách hàng năm của tỉnh theo Kế hoạch được Chính phủ giao',
        '1,5000',
        '0,5000',
        'Phấn đấu thu ngân sách năm 2023 ở vị trí thứ 11 đến 30 tỉnh, thành phố',
        'Đẩy mạnh việc thu ngân sách trên địa bàn tỉnh',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Cục thuế tỉnh',
        'Năm 2023',
    ],
    [
        3,
        'TC 8.5. Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HDND tỉnh giao',
        2,
        '1,4231',
        'Phấn đấu hoàn thành 100% chỉ tiêu phát triển kinh tế - xã hội do HDND tỉnh giao',
        '- Tiếp tục tham mưu UBND tỉnh triển khai các nhiệm vụ, giải pháp tại Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị về phương hướng phát triển KTXH và bảo đảm quốc phòng, an ninh vùng trung du và miền núi Bắc Bộ đến năm 2030, tầm nhìn đến năm 2045; Nghị quyết số 96/NQ-CP ngày 01/8/2022 của Chính phủ về ban hành Chương trình hành động thực hiện Nghị quyết số 11- NQ/TW. Tiếp tục thực hiện các nhiệm vụ, giải pháp được giao tại Quyết định số 2519/QĐ-UBND ngày 23/12/2022 của UBND tỉnh về ban hành Chương trình hành động thực hiện Kế hoạch phát triển KTXH, đảm bảo quốc phòng - an ninh năm 2023 trên địa bàn tỉnh Bắc Kạn. Tham mưu tổ chức thực hiện tốt các giải pháp chỉ đạo, điều hành nhằm tháo gỡ khó khăn cho sản xuất kinh doanh, thúc đẩy giải ngân vốn đầu tư công, bảo đảm trật tự an toàn xã hội để duy trì đà tăng trưởng của nền kinh tế\n- Tham mưu UBND tỉnh chỉ đạo triển khai đồng bộ, hiệu quả các nhiệm vụ, giải pháp phát triển kinh tế xã hội năm 2023 theo kịch bản tăng trưởng đã đề ra. Tiếp tục triển khai đồng bộ, hiệu quả Chương trình phòng chống dịch Covid -19, Chương trình phục hồi và phát triển KTXH theo Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ và Quyết định số 441/QĐ-UBND ngày 21/3/2022 của UBND tỉnh. Tiếp tục theo dõi chặt chẽ tình hình, đánh giá tác động của dịch bệnh Covid-19 đối với hoạt động sản xuất, kinh doanh và tăng trưởng của từng ngành, từng lĩnh vực để cập nhật kịch bản tăng trưởng phù hợp. Có đối sách nhằm thúc đẩy mạnh mẽ sản xuất kinh doanh, phấn đấu thực hiện cao nhất các mục tiêu, nhiệm vụ phát triển KTXH đã đề ra\n- Tiếp tục hỗ trợ, giải quyết khó khăn của từng dự án đã được cấp/chấp thuận chủ trương đầu tư và các dự án đang thực hiện nghiên cứu khảo sát; hàng tuần, báo cáo tình hình thực hiện các dự án ngoài ngân sách, tham mưu giải quyết những hạn chế, vướng mắc trong quá trình triển khai thực hiện các dự án.',
        'Sở Kế hoạch và Đầu tư',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Năm 2023',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        UP,
        'Tham mưu chỉ đạo, hướng dẫn thực hiện Chương trình MTQG xây dựng nông thôn mới và Đề án mỗi xã phường một sản phẩm giai đoạn 2021 - 2025 theo hướng tập trung nâng cao chất lượng, hiệu quả và đảm bảo tính bền vững. Đẩy mạnh hơn nữa công tác tuyên truyền, nâng cao nhận thức cho cán bộ và cư dân nông thôn, nâng cao chất lượng các phong trào thi đua xây dựng nông thôn mới; tiếp tục rà soát, hoàn thiện cơ chế chính sách và hướng dẫn thực hiện Chương trình, đảm bảo phù hợp với điều kiện thực tế, phân bổ vốn kịp thời, đúng quy định và sử dụng có hiệu quả các nguồn vốn thực hiện Chương trình',
        'Sở Nông nghiệp và Phát triển nông thôn',
        'Các sở, ban, ngành; UBND cấp huyện',
        UP,
    ],
    [
        UP,
        UP,
        UP,
        UP,
        UP,
        'Tiếp tục tham mưu bố trí ngân sách để đầu tư xây dựng cơ sở vật chất trường, lớp học, nhất là hệ thống trường lớp học vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số và các trường học dự kiến đạt chuẩn quốc gia. Xây dựng kế hoạch trường đạt chuẩn quốc gia sát với kế hoạch phát triển kinh tế - xã hội, tập trung nguồn lực đầu tư để hoàn thành kế hoạch đề ra',
        'Sở Giáo dục và Đào tạo',
        UP,
        UP,
    ],
    [
        3,
        'TC 8.5. Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HĐND tỉnh giao',
        2,
        '1,4231',
        'Phấn đấu hoàn thành 100% chỉ tiêu phát triển kinh tế - xã hội do HĐND tỉnh giao',
        'Tham mưu triển khai các dự án y tế từ nguồn vốn thuộc Chương trình phục hồi và phát triển kinh tế - xã hội và các tập trung đầu tư dự án đầu tư cơ sở hạ tầng để sớm hoàn thành bộ tiêu chí quốc gia về y tế xã. Tiếp tục củng cố, hoàn thiện, phát triển mạng lưới y tế địa phương, nhất là y tế dự phòng và y tế cơ sở. Quản lý và sử dụng có hiệu quả cơ sở vật chất và trang thiết bị y tế đã được đầu tư. Triển khai xây dựng xã đạt Bộ tiêu chí Quốc gia về y tế xã giai đoạn 2021-2025\nTham mưu tiếp tục triển khai Đề án tổng thể Chuyển đổi số của tỉnh; tổ chức triển khai thực hiện Kế hoạch nâng cao chất lượng cung cấp, sử dụng dịch vụ công trực tuyến của tỉnh; tập trung xây dựng hoàn thiện Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) và tích hợp, kết nối các hệ thống thông tin, CSDL của các Bộ, ngành với các hệ thống thông tin của tỉnh; thực hiện rà soát, tái cấu trúc quy trình giải quyết TTHC hướng tới việc hiện đại hóa quy trình, đáp ứng điều kiện cung cấp dịch vụ công trực tuyến toàn trình',
        'Sở Y tế\nSở Thông tin và Truyền thông',
        'Các sở, ban, ngành; UBND cấp huyện',
        'Năm 2023',
    ],
]

# ---------------------------------------------------------------------------
# Phụ lục 3 — SIPAS (percentages; two-row header, 8 columns).
# ---------------------------------------------------------------------------

PL3_TITLE = ['Phụ lục 3. MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH CẤP TỈNH NĂM 2022, CẢI THIỆN CHẤT LƯỢNG CHỈ SỐ NĂM 2023', '(Kèm theo Kế hoạch số /KH-UBND ngày tháng 6 năm 2023 của Ủy ban nhân dân tỉnh Bắc Kạn)']
PL3_HEADER = [
    ['TT', 'Nhóm tiêu chí/ Tiêu chí thành phần', 'Tỷ lệ (đổi đa 100%)', LEFT, 'Nhiệm vụ, giải pháp', 'Cơ quan chủ trì thực hiện', 'Cơ quan phối hợp thực hiện', 'Thời gian thực hiện'],
    [UP, UP, 'Kết quả năm 2022', 'Mục tiêu năm 2023', UP, UP, UP, UP],
]
PL3_WIDTHS = [6, 36, 11, 11, 52, 26, 26, 14]

PL3_ROWS = [
    ['', 'TỔNG', '75,24', '85,24', '', '', '', ''],
    ['I', 'NHÓM TIÊU CHÍ XÂY DỰNG, TỔ CHỨC THỰC HIỆN CHÍNH SÁCH', '', '', '', '', '', ''],
    [1, 'Trách nhiệm giải trình của cơ quan nhà nước', '76,15', '86,15', '', '', '', ''],
    [
        '1.1',
        'Hình thức cơ quan nhà nước cung cấp, giải thích thông tin về các chính sách',
        '75,59',
        '85,59',
        'Đẩy mạnh và nâng cao chất lượng công tác thông tin, tuyên truyền, giải thích các chính sách liên quan đến người dân, tổ chức bằng nhiều hình thức giúp người dân, tổ chức dễ tiếp cận, dễ tìm, dễ thấy',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Sở Tư pháp',
        'Thường xuyên',
    ],
    [
        '1.2',
        'Chất lượng thông tin cơ quan nhà nước cung cấp về các chính sách',
        '76,71',
        '86,71',
        'Cung cấp thông tin về các chính sách cho người dân, tổ chức đảm bảo đầy đủ, chính xác, kịp thời, dễ hiểu',
        UP,
        UP,
        UP,
    ],
    [
        2,
        'Cơ hội tham gia vào quá trình xây dựng tổ chức thực hiện chính sách',
        '73,85',
        '83,85',
        '',
        '',
        '',
        '',
    ],
    [
        '2.1',
        'Hình thức cơ quan nhà nước lấy ý kiến góp ý của người dân, tổ chức về các chính sách',
        '74,57',
        '84,57',
        'Khi xây dựng hoặc triển khai thực hiện các chính sách, tổ chức xin ý kiến góp ý của người dân, tổ chức bằng nhiều hình thức giúp mọi người dân dễ tiếp cận tham gia góp ý dễ dàng',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Đài Phát thanh và Truyền hình Bắc Kạn; Báo Bắc Kạn',
        'Khi xây dựng hoặc triển khai các chính sách',
    ],
    [
        '2.2',
        'Hình thức giúp người dân tham gia phản hồi ý kiến về kết quả tác động của chính sách đến cơ quan nhà nước',
        '73,13',
        '83,13',
        'Xây dựng các hình thức, kênh thông tin tạo kiện thuận lợi nhất để người dân, tổ chức phản hồi ý kiến về kết quả tác động của chính sách đến họ',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Sở Nội vụ',
        'Thường xuyên',
    ],
    [3, 'Chất lượng chính sách', '75,68', '85,68', '', '', '', ''],
    [
        '3.1',
        'Sự phù hợp của chính sách về phát triển kinh tế ở địa phương',
        '72,10',
        '82,10',
        '- Nâng cao chất lượng công tác xây dựng các quy định về đầu tư, kinh doanh, việc làm,...',
        'Sở Kế hoạch và Đầu tư; Sở Lao động - Thương binh và Xã hội',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Khi xây dựng các văn bản',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        '- Tăng cường thanh tra, kiểm tra việc thực hiện các chính sách về đầu tư, kinh doanh, việc làm',
        UP,
        UP,
        UP,
    ],
    [
        UP,
        UP,
        UP,
        UP,
        '- Triển khai đầy đủ, kịp thời các quy định chính sách về tín dụng',
        'Ngân hàng nhà nước chi nhánh tỉnh Bắc Kạn',
        'Các ngân hàng trên địa bàn tỉnh',
        'Thường xuyên',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        '- Tăng cường thanh tra, kiểm tra việc thực hiện các chính sách về tín dụng',
        UP,
        UP,
        UP,
    ],
    [
        UP,
        UP,
        UP,
        UP,
        'Thực hiện đầy đủ, đúng quy định các chính sách đầu tư, kinh doanh, việc làm, tín dụng,...',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã; các ngân hàng trên địa bàn tỉnh',
        'Sở Kế hoạch và Đầu tư; Sở Lao động - Thương binh và Xã hội; Ngân hàng nhà nước chi nhánh tỉnh Bắc Kạn',
        'Thường xuyên',
    ],
    [
        '3.2',
        'Sự phù hợp của chính sách khám, chữa bệnh',
        '78,60',
        '88,60',
        '- Nâng cao chất lượng công tác xây dựng các quy định về bệnh viện, phòng khám, trạm y tế; việc khám, chữa bệnh; viện phí; bảo hiểm y tế;...\n- Tăng cường công tác thanh tra, kiểm tra việc triển khai thực hiện các chính sách về khám, chữa bệnh',
        'Sở Y tế; BHXH tỉnh Bắc Kạn',
        'Sở Tư pháp; UBND cấp huyện, cấp xã; Bệnh viện đa khoa tỉnh; Trung tâm y tế cấp huyện',
        'Khi xây dựng các văn bản',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        'Triển khai thực hiện đầy đủ, đúng quy định các chính sách về khám, chữa bệnh; bảo hiểm y tế',
        'Bệnh viện đa khoa tỉnh; Trung tâm y tế cấp huyện; BHXH tỉnh',
        'Sở Y tế',
        'Thường xuyên',
    ],
    [
        '3.3',
        'Sự phù hợp của chính sách giáo dục tại địa phương',
        '78,18',
        '88,18',
        '- Nâng cao chất lượng công tác xây dựng các quy định về chương trình giảng dạy, sách giáo khoa, trường học, lớp học, đánh giá học sinh, thủ tục nhập học, ...\n- Tăng cường công tác thanh tra, kiểm tra việc triển khai thực hiện các chính sách về giáo dục',
        'Sở Giáo dục và Đào tạo',
        'Sở Tư pháp; UBND cấp huyện',
        'Khi xây dựng các văn bản',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        'Triển khai thực hiện đầy đủ, đúng quy định chương trình giảng dạy, sách giáo khoa, trường học, lớp học, đánh giá học sinh, thủ tục nhập học, ...',
        'Trường học các cấp',
        'Sở Giáo dục và Đào tạo; UBND cấp huyện',
        'Thường xuyên',
    ],
    [
        '3.4',
        'Sự phù hợp của chính sách trật tự, an toàn xã hội',
        '78,26',
        '88,26',
        '- Nâng cao chất lượng công tác xây dựng các quy định về quản lý dân cư, giữ gìn trật tự nơi công cộng, quản lý an ninh mạng, phòng chống tội phạm,...\n- Tăng cường công tác thanh tra, kiểm tra việc triển khai thực hiện các chính sách về trật tự, an toàn xã hội',
        'Công an tỉnh',
        'Các sở, ban, ngành; UBND cấp huyện, cấp xã',
        'Khi xây dựng các văn bản',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        'Triển khai thực hiện các quy định về giữ gìn trật tự nơi công cộng, an ninh mạng, phòng chống tội phạm,...',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Công an tỉnh',
        'Thường xuyên',
    ],
    [
        '3.5',
        'Sự phù hợp của chính sách giao thông đường bộ',
        '70,98',
        '80,98',
        '- Nâng cao chất lượng công tác xây dựng các quy định về phát triển đường bộ, giao thông đường bộ, trật tự, an toàn giao thông đường bộ,...\n- Tăng cường công tác thanh tra, kiểm tra việc triển khai thực hiện các chính sách về giao thông đường bộ',
        'Sở Giao thông vận tải; Công an tỉnh',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Khi xây dựng các văn bản',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        'Triển khai thực hiện đầy đủ, đúng các quy định về giao thông đường bộ',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Sở Giao thông vận tải; Công an tỉnh',
        'Thường xuyên',
    ],
    [
        '3.6',
        'Sự phù hợp của chính sách điện sinh hoạt',
        '73,86',
        '83,86',
        '- Nâng cao chất lượng công tác xây dựng các quy định về cung cấp, quản lý, sử dụng, phát triển điện sinh hoạt, giá điện, chất lượng điện sinh hoạt,...\n- Tăng cường công tác thanh tra, kiểm tra việc triển khai thực hiện các chính sách về điện',
        'Sở Công thương',
        'Công ty Điện lực Bắc Kạn; các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
        'Khi xây dựng các văn bản',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        'Triển khai thực hiện đầy đủ, đúng các quy định về phát triển điện sinh hoạt, chất lượng điện sinh hoạt, giá điện, sử dụng điện',
        'Công ty Điện lực Bắc Kạn; các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
        'Sở Công Thương',
        'Thường xuyên',
    ],
    [
        '3.7',
        'Sự phù hợp của chính sách nước sinh hoạt',
        '75,22',
        '85,22',
        '- Nâng cao chất lượng công tác xây dựng các quy định về cung cấp, quản lý, sử dụng, phát triển nước sinh hoạt, chất lượng nước sinh hoạt, giá tiền,...\n- Tăng cường thanh tra, kiểm tra việc triển khai thực hiện các chính sách về nước sinh hoạt',
        'Sở Nông nghiệp và Phát triển nông thôn',
        'Một số sở, ban, ngành liên quan; UBND cấp huyện, UBND cấp xã',
        'Khi xây dựng các văn bản',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        'Triển khai thực hiện kịp thời, đầy đủ, đúng các quy định về nước sinh hoạt',
        'Các sở, ban, ngành liên quan; Công ty Cổ phần cấp thoát nước tỉnh; UBND cấp huyện; UBND cấp xã',
        'Sở Nông nghiệp và Phát triển nông thôn',
        'Thường xuyên',
    ],
    [
        '3.8',
        'Sự phù hợp của chính sách an sinh xã hội',
        '78,26',
        '88,26',
        '- Nâng cao chất lượng công tác xây dựng các quy định về BHXH, bảo hiểm thất nghiệp; hỗ trợ người có công, người nghèo, người khuyết tật; hỗ trợ người dân khi gặp thiên tai;..\n- Tăng cường thanh tra, kiểm tra việc triển khai thực hiện các chính sách về an sinh xã hội',
        'BHXH tỉnh; Sở Lao động - Thương binh và Xã hội',
        'Một số sở, ban, ngành liên quan; UBND cấp huyện; UBND cấp xã',
        'Khi xây dựng các văn bản',
    ],
    [
        UP,
        UP,
        UP,
        UP,
        'Triển khai thực hiện đúng các quy định về an sinh xã hội',
        'Một số sở, ban, ngành liên quan; UBND cấp huyện; UBND cấp xã',
        'BHXH tỉnh; Sở Lao động - Thương binh và Xã hội',
        'Thường xuyên',
    ],
    [4, 'Kết quả tác động của chính sách', '74,44', '84,44', '', '', '', ''],
    [
        '4.1',
        'Chính sách của địa phương đã góp phần giúp cho kinh tế của người dân, tổ chức ngày càng tốt hơn',
        '73,45',
        '83,45',
        'Nâng cao chất lượng, hiệu quả việc triển khai thực hiện các chính sách về phát triển kinh tế, an sinh xã hội để đẩy mạnh phát triển kinh tế, cải thiện đời sống của người dân, góp phần cải thiện chỉ số hài lòng năm 2023',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Các ngành liên quan',
        'Thường xuyên',
    ],
    [
        '4.2',
        'Chính sách của địa phương đã góp phần nâng cao chất lượng cuộc sống của người dân',
        '75,43',
        '85,43',
        UP,
        UP,
        UP,
        UP,
    ],
    ['II', 'NHÓM TIÊU CHÍ CUNG ỨNG DỊCH VỤ HÀNH CHÍNH CÔNG', '', '', '', '', '', ''],
    [1, 'Tiếp cận dịch vụ', '76,21', '86,21', '', '', '', ''],
    [
        '1.1',
        'Cung cấp thông tin về giải quyết TTHC',
        '74,98',
        '84,98',
        'Cung cấp thông tin về giải quyết TTHC đảm bảo chính xác, đầy đủ, kịp thời, dễ tiếp cận, dễ hiểu cho người dân',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Văn phòng UBND tỉnh',
        'Thường xuyên',
    ],
    [
        '1.2',
        'Trụ sở tiếp nhận hồ sơ và trả kết quả giải quyết TTHC',
        '78,26',
        '88,26',
        'Bộ phận Một cửa, một cửa liên thông có biển hiệu, hướng dẫn rõ ràng, dễ tìm, dễ thấy; sạch sẽ, văn minh',
        UP,
        UP,
        UP,
    ],
    ['1.3', 'Trụ sở làm việc giải quyết TTHC', '78,67', '88,67', UP, UP, UP, UP],
    [
        '1.4',
        'Trang thiết bị trụ sở tiếp nhận hồ sơ và trả kết quả giải quyết TTHC',
        '72,92',
        '82,92',
        'Đầu tư trang thiết bị Bộ phận Một cửa, một cửa liên thông đầy đủ, chất lượng, giúp người dân, tổ chức giải quyết công việc dễ dàng',
        UP,
        UP,
        UP,
    ],
    [2, 'Thủ tục hành chính', '78,74', '88,74', '', '', '', ''],
    [
        '2.1',
        'Niêm yết công khai các quy định TTHC',
        '79,70',
        '89,70',
        'Niêm yết công khai các quy định TTHC đảm bảo đầy đủ, dễ thấy, dễ hiểu',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Văn phòng UBND tỉnh',
        'Thường xuyên',
    ],
    [
        '2.2',
        'Thành phần hồ sơ TTHC phải nộp',
        '81,89',
        '91,89',
        'Thực hiện đúng quy định về hành phần hồ sơ TTHC, đảm bảo ít loại giấy tờ, dễ thực hiện nhưng đủ tính pháp lý',
        UP,
        UP,
        UP,
    ],
    [
        '2.3',
        'Mức phí/lệ phí phải nộp khi thực hiện TTHC',
        '79,21',
        '89,21',
        'Thu phí/lệ phí đảm bảo đúng quy định pháp luật hiện hành và phù hợp với thu nhập người dân, tổ chức',
        UP,
        UP,
        UP,
    ],
    [
        '2.4',
        'Thời hạn giải quyết TTHC',
        '74,16',
        '84,16',
        '- Quy định thời hạn giải quyết TTHC hợp lý; giải quyết TTHC đảm bảo thời gian quy định;\n- Đẩy mạnh, nhân rộng việc giải quyết TTHC theo hình thức "Không chờ" tại cơ quan, đơn vị.',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Văn phòng UBND tỉnh',
        'Thường xuyên',
    ],
    [3, 'Công chức trực tiếp giải quyết công việc', '75,69', '85,69', '', '', '', ''],
    [
        '3.1',
        'Thái độ giải quyết công việc của công chức',
        '76,41',
        '86,41',
        'Công chức, viên chức giải quyết công việc cho người dân, tổ chức giao tiếp lịch sự, lễ phép và tôn trọng',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Văn phòng UBND tỉnh',
        'Thường xuyên',
    ],
    [
        '3.2',
        'Cung cấp thông tin về TTHC',
        '73,95',
        '83,95',
        'Cung cấp thông tin về TTHC kịp thời, đầy đủ, chính xác các nội dung người dân, tổ chức yêu cầu, đề nghị',
        UP,
        UP,
        UP,
    ],
    [
        '3.3',
        'Thực hiện hướng dẫn hồ sơ TTHC của công chức',
        '76,25',
        '86,25',
        'Thực hiện hướng dẫn hồ sơ TTHC dễ hiểu, đảm bảo hướng dẫn một lần hoàn thiện được hồ sơ',
        UP,
        UP,
        UP,
    ],
    [
        '3.4',
        'Tuân thủ các quy định về giải quyết công việc của công chức',
        '78,18',
        '88,18',
        'Công chức, viên chức giải quyết công việc phải tuân thủ các quy định theo luật hiện hành',
        UP,
        UP,
        UP,
    ],
    [
        '3.5',
        'Sự tận tình của công chức đối với người dân trong giải quyết công việc',
        '73,66',
        '83,66',
        'Giải quyết công việc tận tình, đáp ứng yêu cầu của người dân, tổ chức',
        UP,
        UP,
        UP,
    ],
    [4, 'Kết quả dịch vụ', '74,48', '84,48', '', '', '', ''],
    [
        '4.1',
        'Kết quả về thời gian giải quyết TTHC',
        '73,74',
        '83,74',
        'Kết quả giải quyết TTHC được trả đúng hoặc trước hạn',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Văn phòng UBND tỉnh',
        'Thường xuyên',
    ],
    [
        '4.2',
        'Kết quả về nội giải quyết TTHC',
        '75,80',
        '85,80',
        'Nội dung giải quyết TTHC đảm bảo đầy đủ, chính xác thông tin theo quy định',
        UP,
        UP,
        UP,
    ],
    [
        '4.3',
        'Kết quả công bằng trong giải quyết TTHC',
        '73,86',
        '83,86',
        'Kết quả giải quyết TTHC đảm bảo tính công bằng, dân chủ, minh bạch',
        UP,
        UP,
        UP,
    ],
    [5, 'Cơ quan tiếp nhận, xử lý phản ánh kiến nghị', '71,94', '81,94', '', '', '', ''],
    [
        '5.1',
        'Hình thức tiếp nhận, xử lý phản ánh kiến nghị của cơ quan hành chính',
        '72,42',
        '82,42',
        'Tổ chức tiếp nhận phản ánh kiến nghị về TTHC bằng nhiều hình thức đa dạng giúp người dân, tổ chức dễ thực hiện phản ánh, kiến nghị',
        'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
        'Văn phòng UBND tỉnh',
        'Thường xuyên',
    ],
    [
        '5.2',
        'Thực hiện quy định tiếp nhận, xử lý phản ánh kiến nghị của cơ quan hành chính',
        '73,45',
        '83,45',
        'Thực hiện đúng các quy định về việc tiếp nhận, xử lý phản ánh kiến nghị tại cơ quan, đơn vị',
        UP,
        UP,
        UP,
    ],
    [
        '5.3',
        'Kết quả xử lý phản ánh kiến nghị của cơ quan hành chính',
        '69,95',
        '79,95',
        'Đảm bảo tất cả các phản ánh, kiến nghị của người dân, tổ chức được xử lý thỏa đáng, đúng quy định của luật hiện hành',
        UP,
        UP,
        UP,
    ],
]

# ---------------------------------------------------------------------------
# Phụ lục 4 — PAPI (9 columns).
# ---------------------------------------------------------------------------

PL4_TITLE = ['Phụ lục 4. MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC TỒN TẠI, HẠN CHẾ CHỈ SỐ QUẢN TRỊ HÀNH CHÍNH CÔNG CẤP TỈNH NĂM 2022 VÀ NÂNG CAO CHẤT LƯỢNG CHỈ SỐ NĂM 2023', '(Kèm theo Kế hoạch số /KH-UBND ngày tháng 6 năm 2023 của Ủy ban nhân dân tỉnh Bắc Kạn)']
PL4_HEADER = [
    ['TT', 'Chỉ số nội dung/ Nội dung thành phần', 'Điểm tối đa', 'Điểm đạt được năm 2022', 'Mục tiêu năm 2023', 'Nhiệm vụ, giải pháp', 'Cơ quan chủ trì thực hiện', 'Cơ quan phối hợp thực hiện', 'Thời gian thực hiện'],
]
PL4_WIDTHS = [6, 32, 9, 10, 10, 52, 26, 26, 14]

PL4_ROWS = [
    ['', 'Tổng', '80,00', '42,41', '58,57', '', '', '', ''],
    [1, 'Chỉ số nội dung “Tham gia của người dân ở cấp cơ sở”', '10,00', '5,39', '9,63', '', '', '', ''],
    [
        '1.1',
        'Tri thức công dân',
        '2,50',
        '1,06',
        '1,56',
        'Đẩy mạnh công tác thông tin, tuyên truyền bằng nhiều hình thức phong phú, đa dạng (tuyên truyền tại các cuộc họp, hội nghị, niêm yết tại trụ sở làm việc và nhà văn hóa thôn/tổ phố, trang thông tin điện tử, loa truyền thanh xã,...) để nâng cao nhận thức trong đội ngũ cán bộ, công chức và các tầng lớp nhân dân về Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn\nĐa dạng các hình thức tuyên truyền, phổ biến những chủ trương của Đảng, chính sách, pháp luật của Nhà nước; vị trí lãnh đạo các cấp ở địa phương đến các tầng lớp nhân dân; đảm bảo mọi người dân đều hiểu biết về quyền, nghĩa vụ và chính sách liên quan',
        'UBND và các Tổ chức chính trị - xã hội cấp xã\nCác sở, ngành, UBND cấp huyện',
        'Các sở, ngành, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '1.2',
        'Cơ hội tham gia',
        '2,50',
        '1,74',
        '2,24',
        'Khi xây dựng hoặc triển khai thực hiện các chính sách, tổ chức xin ý kiến góp ý của người dân, tổ chức bằng nhiều hình thức giúp mọi người dân dễ tiếp cận tham gia góp ý dễ dàng',
        'Các sở, ngành, UBND cấp huyện; UBND cấp xã',
        'Tổ chức chính trị - xã hội các cấp; Đài Phát thanh và Truyền hình Bắc Kạn; Đài truyền thanh cấp xã; Báo Bắc Kạn',
        'Khi xây dựng hoặc triển khai các chính sách',
    ],
    [
        '1.2',
        'Cơ hội tham gia',
        '2,50',
        '1,74',
        '2,24',
        'Xây dựng các hình thức, kênh thông tin tạo kiện thuận lợi nhất để người dân, tổ chức phản hồi ý kiến về kết quả tác động của chính sách đến họ',
        'Các sở, ngành, UBND cấp huyện; UBND cấp xã',
        'Sở Nội vụ',
        'Thường xuyên',
    ],
    [
        '1.3',
        'Chất lượng bầu cử',
        '2,50',
        '1,59',
        '2,09',
        '- Triển khai các quy định về bầu Trưởng thôn, Tổ trưởng dân phố đến các tầng lớp nhân dân biết thực hiện và giám sát.\n- Thực hiện đúng các quy định về công tác bầu Trưởng thôn/Tổ trưởng dân phố.',
        'UBND và các Tổ chức chính trị - xã hội cấp xã',
        'Sở Nội vụ; UBND cấp huyện',
        'Thường xuyên',
    ],
    [
        '1.4',
        'Đóng góp tự nguyện',
        '2,50',
        '1,00',
        '1,50',
        'Công khai minh bạch đầy đủ và sử dụng có hiệu quả các khoản đóng góp của nhân dân trong đầu tư xây dựng, tu sửa các công trình công cộng, dân sinh như nhà văn hóa, làm đường giao thông nông thôn, tu sửa trường lớp... để tạo lòng tin trong nhân dân tự nguyện đóng góp; đảm bảo người dân được bàn bạc, quyết định đầu tư xây dựng các công trình công cộng, dân sinh và tự nguyện đóng góp',
        'UBND cấp xã',
        'UBND cấp huyện',
        'Thường xuyên',
    ],
    [2, 'Chỉ số nội dung “Công khai, minh bạch”', '10,00', '5,49', '7,48', '', '', '', ''],
    [
        '2.1',
        'Tiếp cận thông tin',
        '2,50',
        '0,93',
        '1,43',
        '- Đảm bảo thực hiện quyền tiếp cận thông tin của công dân theo quy định của Luật Tiếp cận thông tin năm 2016;\n- Công khai, cung cấp thông tin một cách kịp thời, chính xác, đầy đủ, dễ hiểu, dễ tiếp cận;\n- Thường xuyên cập nhật và công khai thông tin theo đúng Danh mục thông tin phải được công khai; rà soát, phân loại, kiểm tra và bảo đảm tính bí mật của thông tin trước khi cung cấp.',
        'Các sở, ban, ngành, UBND cấp huyện, cấp xã',
        'Tổ chức chính trị - xã hội các cấp; Đài Phát thanh và Truyền hình Bắc Kạn; Đài truyền thanh cấp xã; Báo Bắc Kạn',
        'Thường xuyên',
    ],
    [
        '2.2',
        'Công khai danh sách hộ nghèo',
        '2,50',
        '1,89',
        '2,39',
        'Dân chủ, công khai minh bạch việc bình xét, công nhận hộ nghèo trong năm; đối tượng được công nhận hộ nghèo phải đúng các quy định hiện hành\n- Niêm yết công khai danh sách hộ nghèo tại trụ sở UBND cấp xã, nhà văn hóa thôn, tổ dân phố và thông tin qua hệ thống loa truyền thanh cơ sở;\n- Công khai trên Trang/Cổng thông tin điện tử của địa phương;\n- Thông báo bằng văn bản cho Đảng ủy, các tổ chức chính trị - xã hội ở xã thôn/tổ dân phố.',
        'UBND cấp xã',
        'UBND cấp huyện',
        'Thường xuyên',
    ],
    [
        '2.3',
        'Công khai thu, chi ngân sách cấp xã/phường',
        '2,50',
        '1,42',
        '1,92',
        '- Thực hiện đúng quy định về công khai minh bạch thu, chi ngân sách cấp xã\n- Bảo đảm việc niêm yết công khai danh mục thu, chi cụ thể để nhân dân được biết và giám sát\n- Việc công khai phải cụ thể, chi tiết, hình thức công khai phải phù hợp, thuận tiện để người dân có thể tiếp cận và giám sát.',
        UP,
        UP,
        'Thường xuyên',
    ],
    [
        '2.4',
        'Công khai kế hoạch sử dụng đất, khung giá bồi thường',
        '2,50',
        '1,24',
        '1,74',
        '- Phát huy tính dân chủ trong xây dựng quy hoạch, kế hoạch sử dụng đất trong nhân dân, đảm bảo các quy hoạch, kế hoạch sử dụng đất trước khi ban hành người dân được tham gia góp ý;\n- Công khai đầy đủ, kịp thời kế hoạch sử dụng đất, khung giá bồi thường theo quy định',
        'Sở Tài nguyên môi trường, UBND cấp huyện; UBND cấp xã',
        'Đài Phát thanh và Truyền hình Bắc Kạn; Đài truyền thanh cấp xã; các cơ quan báo chí trên địa bàn tỉnh Bắc Kạn',
        'Thường xuyên',
    ],
    [3, 'Chỉ số nội dung “Trách nhiệm giải trình với nhân dân”', '10,00', '4,34', '5,85', '', '', '', ''],
    [
        '3.1',
        'Hiệu quả tương tác với các cấp chính quyền',
        '3,40',
        '2,04',
        '2,54',
        'Đẩy mạnh và nâng cao chất lượng công tác thông tin, tuyên truyền, giải thích các chính sách liên quan đến người dân, tổ chức bằng nhiều hình thức giúp người dân, tổ chức dễ tiếp cận, dễ tìm, dễ thấy\nChủ động tương tác tích cực với người dân thông qua các buổi tiếp dân định kỳ hoặc đột xuất để nâng cao trách nhiệm giải trình trực tiếp với người dân; thường xuyên tổ chức đối thoại với người dân\nTạo mọi điều kiện để người dân tiếp xúc thường xuyên với trưởng thôn, tổ trưởng tổ dân phố',
        'Các sở, ngành, UBND cấp huyện; UBND cấp xã',
        'Ủy ban MTTQ Việt Nam các cấp',
        'Thường xuyên',
    ],
    [
        '3.2',
        'Giải đáp khiếu nại, tố cáo, khúc mắc của người dân',
        '3,30',
        '0,49',
        '0,99',
        '- Thực hiện tốt công tác tiếp công dân, trong đó tập trung giải quyết dứt điểm, có hiệu quả những khúc mắc, khiếu nại, tố cáo của công dân.\n- Nâng cao vai trò, trách nhiệm hoạt động của Ban thanh tra nhân dân cấp cơ sở',
        'Các sở, ngành, UBND cấp huyện; UBND cấp xã',
        'Ủy ban MTTQ Việt Nam các cấp',
        UP,
    ],
    [
        '3.3',
        'Tiếp cận dịch vụ tư pháp',
        '3,30',
        '1,82',
        '2,32',
        'Đẩy mạnh tuyên truyền về công tác trợ giúp pháp lý tại địa phương để người dân biết\nDân chủ, công khai minh bạch các hoạt động tư pháp ở địa phương để tạo lòng tin cho người dân đối với các cơ quan tư pháp',
        'UBND cấp huyện, UBND cấp xã',
        'Sở Tư pháp',
        'Thường xuyên',
    ],
    [4, 'Chỉ số nội dung “Kiểm soát tham nhũng trong khu vực công”', '10,00', '6,43', '8,43', '', '', '', ''],
    [
        '4.1',
        'Kiểm soát tham nhũng trong chính quyền',
        '2,50',
        '1,58',
        '2,08',
        'Thường xuyên tuyên truyền, phổ biến các quy định của pháp luật về phòng, chống tham nhũng trong đội ngũ cán bộ, công chức, viên chức biết thực hiện và người dân giám sát, góp phần nâng cao hiệu quả công tác phòng, chống tham nhũng tại địa phương',
        'Các sở, ngành, UBND cấp huyện; UBND cấp xã',
        'Ủy ban MTTQ Việt Nam các cấp',
        'Thường xuyên',
    ],
    [
        '4.2',
        'Kiểm soát tham nhũng trong cung ứng dịch vụ công',
        '2,50',
        '1,99',
        '2,49',
        'Tăng cường kiểm tra, kiểm soát tham nhũng trong cung ứng dịch vụ y tế công và giáo dục công (tình trạng vòi vĩnh, lót tay trong các bệnh viện; tình trạng lạm thu trong các trường học công lập hay phụ huynh phải “bồi dưỡng” giáo viên để học sinh được quan tâm hơn)',
        'Sở Y tế; Sở Giáo dục và Đào tạo',
        'UBND cấp huyện, UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '4.3',
        'Công bằng trong tuyển dụng vào nhà nước',
        '2,50',
        '1,06',
        '1,56',
        'Tiếp tục thực hiện tốt công tác tuyển dụng công chức, viên chức trên địa bàn tỉnh',
        'Sở Nội vụ, UBND cấp huyện',
        'HĐND và Ủy ban MTTQ Việt Nam cấp tỉnh, cấp huyện',
        UP,
    ],
    [
        '4.4',
        'Quyết tâm chống tham nhũng',
        '2,50',
        '1,80',
        '2,30',
        'Xử lý hoặc đề nghị cấp có thẩm quyền xử lý nghiêm các hành vi tham nhũng, lãng phí; các hành vi vòi vĩnh trong xử lý công việc, nhất là giải quyết TTHC khi phát hiện',
        'Các sở, ngành, UBND cấp huyện; UBND cấp xã',
        UP,
        UP,
    ],
    [5, 'Chỉ số nội dung “Thủ tục hành chính công”', '10,00', '7,38', '8,88', '', '', '', ''],
    [
        '5.1',
        'Chứng thực/xác nhận',
        '3,40',
        '2,57',
        '3,07',
        'Nâng cao chất lượng rà soát đánh giá thủ tục hành chính về dịch vụ chứng thực, đề nghị cấp có thẩm quyền đơn giản hóa để cắt giảm tối đa các thành phần hồ sơ rườm rà, không cần thiết, giảm thời gian, chi phí giải quyết thủ tục hành chính\nGiải quyết hồ sơ đúng thời gian, quy trình theo quy định',
        'Sở Tư pháp; UBND cấp huyện; UBND cấp xã',
        'Văn phòng UBND tỉnh',
        'Thường xuyên',
    ],
    [
        '5.2',
        'Giấy chứng nhận quyền sử dụng đất',
        '3,30',
        '2,35',
        '2,85',
        'Nâng cao chất lượng rà soát đánh giá thủ tục hành chính về đất đai, đề nghị cấp có thẩm quyền đơn giản hóa để cắt giảm tối đa các thành phần hồ sơ rườm rà, không cần thiết, giảm thời gian, chi phí giải quyết thủ tục hành chính\nGiải quyết hồ sơ đúng thời gian, quy trình theo quy định',
        'Sở Tài nguyên và Môi trường; UBND cấp huyện; UBND cấp xã',
        'Văn phòng UBND tỉnh',
        'Thường xuyên',
    ],
    [
        '5.3',
        'Thủ tục hành chính cấp xã/phường',
        '3,30',
        '2,46',
        '2,96',
        'Chú trọng nâng cao chất lượng giải quyết thủ tục hành chính, trong đó duy trì thực hiện có hiệu quả Bộ phận một cửa cấp xã trong giải quyết thủ tục hành chính cho người dân; hướng dẫn người dân cụ thể, rõ ràng khi tiếp nhận hồ sơ thủ tục hành chính; giải quyết hồ sơ đúng thời gian, quy trình theo quy định; đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính',
        'UBND cấp xã',
        'UBND cấp huyện; Văn phòng UBND tỉnh',
        'Thường xuyên',
    ],
    [6, 'Chỉ số nội dung “Cung ứng dịch vụ công”', '10,00', '7,14', '9,08', '', '', '', ''],
    [
        '6.1',
        'Y tế công',
        '2,50',
        '2,01',
        '2,51',
        'Đầu tư nâng cấp một số trang thiết bị hiện đại cho các bệnh viện ở địa phương để phục vụ công tác khám, chữa bệnh\nNâng cao trình độ chuyên môn, tinh thần trách nhiệm và đạo đức của đội ngũ y, bác sĩ các cấp thuộc tỉnh',
        'Sở Y tế',
        'UBND cấp huyện; UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '6.2',
        'Giáo dục tiểu học công',
        '2,50',
        '1,42',
        '1,92',
        'Tăng cường đầu tư cơ sở vật chất, trường lớp, trang thiết bị dạy học cho các trường, nhất là cấp tiểu học; đảm bảo đường sá giao thông thuận tiện, an toàn cho học sinh đến trường\nNâng cao chất lượng đội ngũ giáo viên cả về năng lực, kỹ năng giảng dạy và phẩm chất đạo đức',
        'Sở Giáo dục và Đào tạo; UBND cấp huyện',
        'Các cơ quan liên quan',
        'Thường xuyên',
    ],
    [
        '6.3',
        'Cơ sở hạ tầng căn bản',
        '2,50',
        '1,79',
        '2,29',
        'Đảm bảo cung cấp điện phục vụ phát triển kinh tế - xã hội và phục vụ sinh hoạt của người dân trên địa bàn tỉnh\nPhát huy tinh thần nhà nước và nhân dân cùng làm để bê tông hóa các tuyến đường ở nông thôn phục vụ nhu cầu đi lại, sản xuất kinh doanh của nhân dân và học sinh đến trường\nThực hiện việc cung cấp nước sạch cho người dân theo Chương trình mục tiêu quốc gia về nước sạch và vệ sinh môi trường nông thôn',
        'Sở Công thương\nSở Giao thông vận tải; UBND cấp huyện\nSở Nông nghiệp và Phát triển nông thôn',
        'Các sở, ngành liên quan',
        'Thường xuyên',
    ],
    [
        '6.4',
        'An ninh, trật tự',
        '2,50',
        '1,86',
        '2,36',
        'Đẩy mạnh công tác tuyên truyền về phòng, chống tội phạm tại các khu dân cư trên địa bàn tỉnh, không để phát sinh diễn biến phức tạp hoặc tạo thành điểm nóng về an ninh trật tự tại địa phương',
        'Công an tỉnh',
        'UBND cấp xã',
        'Thường xuyên',
    ],
    [7, 'Chỉ số nội dung “Quản trị môi trường”', '10,00', '3,36', '4,82', '', '', '', ''],
    [
        '7.1',
        'Nghiêm túc trong bảo vệ môi trường',
        '3,40',
        '0,80',
        '1,30',
        'Tăng cường công tác thanh tra, kiểm tra về bảo vệ môi trường đối với các cơ sở sản xuất kinh doanh và các dự án công trình xây dựng, nhất là các dự án có nguồn thải ra sông, suối; xử lý hoặc đề nghị cấp có thẩm quyền xử lý nghiêm các cơ sở gây ô nhiễm môi trường',
        'Sở Tài nguyên và Môi trường',
        'UBND cấp huyện; UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '7.2',
        'Chất lượng không khí',
        '3,30',
        '1,80',
        '2,30',
        'Giám sát chặt chẽ việc thu gom, vận chuyển, xử lý các chất thải thông thường, đảm bảo không khí, nguồn nước không bị ô nhiễm; chủ động ứng phó với sự cố môi trường, các vụ việc gây ô nhiễm môi trường thuộc chức năng, nhiệm vụ',
        'Sở Tài nguyên và Môi trường; UBND cấp huyện; UBND cấp xã',
        'Các ngành liên quan',
        UP,
    ],
    [
        '7.3',
        'Chất lượng nước',
        '3,30',
        '0,72',
        '1,22',
        'Tuyên truyền, vận động người dân tham gia bảo vệ môi trường xanh, sạch, an toàn',
        UP,
        UP,
        UP,
    ],
    [8, 'Chỉ số nội dung “Quản trị điện tử”', '10,00', '2,88', '4,40', '', '', '', ''],
    [
        '8.1',
        'Sử dụng cổng thông tin điện tử của chính quyền địa phương',
        '3,40',
        '0,49',
        '0,99',
        'Đăng tải đầy đủ, kịp thời các văn bản về chế độ chính sách, quyền, nghĩa vụ của người dân; công khai thông tin chỉ dẫn, biểu mẫu thực hiện thủ tục hành chính chứng thực, xác nhận, cấp phép xây dựng, giấy chứng nhận quyền sử dụng đất... đầy đủ, cụ thể, rõ ràng, dễ tiếp cận trên cổng/trang thông tin điện tử của tỉnh, của các đơn vị',
        'Các sở, ngành, UBND cấp huyện',
        'Sở Thông tin và Truyền thông; UBND cấp xã',
        'Thường xuyên',
    ],
    [
        '8.2',
        'Tiếp cận và sử dụng Internet tại địa phương;',
        '3,30',
        '2,03',
        '2,55',
        'Đẩy mạnh đầu tư hạ tầng công nghệ thông tin đồng bộ giữa thành thị và vùng nông thôn để người dân tiếp cận, sử dụng. Phối hợp với các nhà cung cấp dịch vụ mạng INTERNET kết nối mạng INTERNET đến các vùng nông thôn và có cơ chế khuyến khích người dân sử dụng',
        'Sở Thông tin và Truyền thông',
        'UBND cấp huyện; UBND cấp xã',
        'Thường xuyên',
    ],
]

SHEETS = [
    ("Phụ lục 1", PL1_TITLE, PL1_HEADER, PL1_WIDTHS, PL1_ROWS),
    ("Phụ lục 2", PL2_TITLE, PL2_HEADER, PL2_WIDTHS, PL2_ROWS),
    ("Phụ lục 3", PL3_TITLE, PL3_HEADER, PL3_WIDTHS, PL3_ROWS),
    ("Phụ lục 4", PL4_TITLE, PL4_HEADER, PL4_WIDTHS, PL4_ROWS),
]

# Columns (0-based) whose text cells are codes or numbers-as-written: formatted as Text.
TEXT_FORMAT_COLUMNS = {
    "Phụ lục 1": {0, 2},
    "Phụ lục 2": {0, 2, 3},
    "Phụ lục 3": {0, 2, 3},
    "Phụ lục 4": {0, 2, 3, 4},
}
# Column of the task text (Nhiệm vụ, giải pháp) per sheet: heading rows have none.
TASK_COLUMN = {"Phụ lục 1": 4, "Phụ lục 2": 5, "Phụ lục 3": 4, "Phụ lục 4": 5}

# ---------------------------------------------------------------------------
# Writer.
# ---------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def merges(rows, first_row):
    """(top, left, bottom, right) 1-based ranges for every UP run and LEFT run."""
    ranges = []
    n_cols = len(rows[0])
    for col in range(n_cols):
        r = 0
        while r < len(rows):
            if rows[r][col] is UP:
                if r == 0 or rows[r - 1][col] in (UP, LEFT):
                    raise ValueError(f"UP without anchor at row {r}, col {col}")
                end = r
                while end + 1 < len(rows) and rows[end + 1][col] is UP:
                    end += 1
                ranges.append((first_row + r - 1, col + 1, first_row + end, col + 1))
                r = end + 1
            else:
                r += 1
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if row[c] is LEFT:
                if c == 0 or row[c - 1] in (UP, LEFT):
                    raise ValueError(f"LEFT without anchor at row {r}, col {c}")
                end = c
                while end + 1 < len(row) and row[end + 1] is LEFT:
                    end += 1
                ranges.append((first_row + r, c, first_row + r, end + 1))
                c = end + 1
            else:
                c += 1
    return ranges


def is_heading(sheet_name, row) -> bool:
    """Area / group / total rows: no task, no responsibility, no deadline (printed bold)."""
    return all(value == "" or value is LEFT for value in row[TASK_COLUMN[sheet_name]:])


def _estimate_lines(text: str, width: float) -> int:
    chars_per_line = max(1.0, width * 1.1)
    return sum(max(1, math.ceil(len(part) / chars_per_line)) for part in text.split("\n"))


def write_sheet(ws, name, title_lines, header_rows, widths, rows):
    n_cols = len(widths)
    for rows_block in (header_rows, rows):
        for i, row in enumerate(rows_block):
            if len(row) != n_cols:
                raise ValueError(f"{name}: row {i} has {len(row)} cells, expected {n_cols}")
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    last_col = get_column_letter(n_cols)

    # Title block: one merged, centred line per source line, then an empty row.
    for i, text in enumerate(title_lines, start=1):
        ws.merge_cells(f"A{i}:{last_col}{i}")
        cell = ws.cell(row=i, column=1, value=_nfc(text))
        italic = text.startswith("(")
        cell.font = Font(name=FONT_NAME, size=FONT_SIZE, bold=not italic, italic=italic)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[i].height = 2 * LINE_HEIGHT_PT + 4 if not italic else LINE_HEIGHT_PT + 4
    header_top = len(title_lines) + 2
    data_top = header_top + len(header_rows)
    bottom = data_top + len(rows) - 1

    text_cols = TEXT_FORMAT_COLUMNS[name]
    for block_top, block in ((header_top, header_rows), (data_top, rows)):
        for r, row in enumerate(block):
            for c, value in enumerate(row):
                if value is UP or value is LEFT or value == "":
                    continue
                cell = ws.cell(row=block_top + r, column=c + 1, value=_nfc(value))
                if isinstance(value, str) and c in text_cols and block is rows:
                    cell.number_format = "@"
    for top, left, bot, right in merges(header_rows, header_top) + merges(rows, data_top):
        ws.merge_cells(start_row=top, start_column=left, end_row=bot, end_column=right)

    header_font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    body_font = Font(name=FONT_NAME, size=FONT_SIZE)
    for r in range(header_top, bottom + 1):
        in_header = r < data_top
        row = None if in_header else rows[r - data_top]
        bold = in_header or is_heading(name, row)
        for c in range(1, n_cols + 1):
            cell = ws.cell(row=r, column=c)
            cell.border = BORDER
            cell.font = header_font if bold else body_font
            if in_header or c == 1 or (row is not None and c > 2 and widths[c - 1] <= 11):
                halign = "center"
            else:
                halign = "left"
            cell.alignment = Alignment(horizontal=halign, vertical="center", wrap_text=True)
    for r in range(header_top, data_top):
        ws.row_dimensions[r].height = 3 * LINE_HEIGHT_PT + 4 if len(header_rows) == 1 else 2 * LINE_HEIGHT_PT
    for i, row in enumerate(rows):
        lines = 1
        for c, value in enumerate(row):
            if isinstance(value, str) and value and (c + 1 >= len(row) or row[c + 1] is not LEFT):
                lines = max(lines, _estimate_lines(value, widths[c]))
        ws.row_dimensions[data_top + i].height = min(409, lines * LINE_HEIGHT_PT + 4)

    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{header_top}:{data_top - 1}"
    ws.freeze_panes = ws.cell(row=data_top, column=1)
    return data_top, bottom


def build_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    for name, title, header, widths, rows in SHEETS:
        write_sheet(wb.create_sheet(name), name, title, header, widths, rows)
    wb.properties.title = "Phụ lục Kế hoạch số 365/KH-UBND ngày 08/6/2023 của UBND tỉnh Bắc Kạn"
    wb.properties.creator = "UBND tỉnh Bắc Kạn"
    return wb


def main() -> None:
    wb = build_workbook()
    wb.save(OUTPUT)
    print(f"Wrote {OUTPUT}")
    for name, _title, _header, _widths, rows in SHEETS:
        task_col = TASK_COLUMN[name]
        own = sum(1 for row in rows if isinstance(row[task_col], str) and row[task_col])
        print(f"{name}: {len(rows)} data rows, {own} with their own task text")


if __name__ == "__main__":
    main()
