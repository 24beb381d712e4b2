"""The progress report: what it says (figures, texts, wording) and the PDF read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest
from hypothesis import given, strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from _report_support import PERIOD, SIGNED, TODAY, nfc, pdf_text, record_progress, text_pieces
from _support import build_scored_annex
from kehoach_desktop.errors import InvalidInputError, NotFoundError
from kehoach_desktop.model import AgencyKind, AgencyProfile, Authority, Role, Status
from kehoach_desktop.report import service
from kehoach_desktop.report.content import Outcome, outcome
from kehoach_desktop.report.periods import ReportPeriod
from kehoach_desktop.report.wording import date_line, document_number, recipient_lines, signature_lines

MARGIN = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}


@pytest.fixture
def reporting(imported_workspace):
    recorded = record_progress(imported_workspace)
    return imported_workspace, recorded


def _texts(workspace, period=PERIOD):
    texts = workspace.report_texts(period, today=TODAY)
    texts.number, texts.signed_on = "5", SIGNED
    texts.recipients = ["Thường trực Đảng ủy xã", "Lưu: VT, VP"]
    return texts


@pytest.fixture
def h1_pdf(reporting, tmp_path):
    workspace, recorded = reporting
    path = workspace.write_report(tmp_path / "bao-cao.pdf", PERIOD, _texts(workspace), today=TODAY)
    return pypdf.PdfReader(path), workspace, recorded


# --- periods and wording ------------------------------------------------------------------------


def test_periods_cover_the_reporting_calendar():
    assert (ReportPeriod.of("q1", 2025).start, ReportPeriod.of("q1", 2025).end) == (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert ReportPeriod.of("h1", 2025).end == dt.date(2025, 6, 30)
    assert ReportPeriod.of("q3", 2025).end == dt.date(2025, 9, 30)
    assert ReportPeriod.of("year", 2025).end == dt.date(2025, 12, 31)
    assert ReportPeriod.of("h1", 2025).abstract_suffix(2025) == "(6 tháng đầu năm)"
    assert ReportPeriod.of("q1", 2026).abstract_suffix(2025) == "(Quý I năm 2026)"
    assert ReportPeriod.of("h1", 2025).phrase() == "6 tháng đầu năm 2025"
    with pytest.raises(InvalidInputError, match="trước ngày bắt đầu"):
        ReportPeriod.of("custom", 2025, dt.date(2025, 5, 1), dt.date(2025, 3, 1))
    with pytest.raises(InvalidInputError, match="--from"):
        ReportPeriod.of("custom", 2025)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_date_line_has_leading_zeros_where_the_decree_wants_them(day):
    line = date_line("Hòa An", day, 2025)
    match = re.fullmatch(r"Hòa An, ngày (\d+) tháng (\d+) năm (\d{4})", line)
    assert match
    assert match.group(1) == f"{day.day:02d}"
    assert match.group(2) == (f"{day.month:02d}" if day.month < 3 else str(day.month))
    assert int(match.group(3)) == day.year


def test_unsigned_report_leaves_number_and_day_blank():
    assert nfc(document_number("", "UBND")).startswith("Số:  ") and document_number("", "UBND").endswith("/BC-UBND")
    assert document_number("7", "UBND") == "Số: 07/BC-UBND"
    assert document_number("123", "STP") == "Số: 123/BC-STP"
    blank = nfc(date_line("Hòa An", None, 2025))
    assert re.fullmatch(r"Hòa An, ngày +tháng +năm 2025", blank)


def test_signature_block_follows_the_signing_authority():
    commune = AgencyProfile("UBND xã Hòa An", AgencyKind.XA, signer_title="Phó Chủ tịch", authority=Authority.TM)
    assert signature_lines(commune) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    department = AgencyProfile("Sở Tư pháp", AgencyKind.SO, signer_title="Phó Giám đốc", authority=Authority.KT)
    assert signature_lines(department) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    head = AgencyProfile("Sở Tư pháp", AgencyKind.SO, signer_title="Giám đốc", authority=Authority.NONE)
    assert signature_lines(head) == ["GIÁM ĐỐC"]


def test_recipients_start_with_nhu_tren_and_end_with_the_archive():
    lines = recipient_lines(["- Lưu: VT, VP.", "Chủ tịch, các PCT UBND xã;", "Như trên"], has_addressees=True)
    assert lines == ["- Như trên;", "- Chủ tịch, các PCT UBND xã;", "- Lưu: VT, VP."]
    assert recipient_lines([], has_addressees=False) == ["- Lưu: VT."]


# --- content ------------------------------------------------------------------------------------


def test_figures_count_the_agency_tasks_as_of_the_period_end(reporting):
    workspace, recorded = reporting
    content = workspace.build_report(PERIOD, today=TODAY)
    mine = [row for row in workspace.tasks(mine_only=True)]
    figures = content.figures
    assert figures.assigned == len(mine)
    assert figures.by_role == {role: sum(row.role == role for row in mine) for role in Role if
                               any(row.role == role for row in mine)}
    assert figures.done_on_time == len(recorded.on_time)
    # Finished in August: in progress at the end of June.
    assert figures.in_progress == len(recorded.in_progress) + len(recorded.finished_after)
    assert figures.not_started == len(mine) - len(recorded.on_time) - len(recorded.in_progress) - len(
        recorded.finished_after)
    year = workspace.build_report(ReportPeriod.of("year", 2025), today=dt.date(2026, 1, 10)).figures
    assert year.done_on_time == len(recorded.on_time) + len(recorded.finished_after)


def test_a_task_finished_after_its_deadline_counts_as_late(workspace, tmp_path):
    workspace.import_annex(build_scored_annex(tmp_path / "scored.xlsx"))
    task = next(row for row in workspace.tasks(mine_only=True) if row.code == "1.1")  # due 31/01/2025
    progress = workspace.progress(task.id)
    progress.status, progress.completed_on = Status.DONE, dt.date(2025, 2, 10)
    workspace.save_progress(progress)
    row = workspace.task(task.id)
    assert outcome(row, dt.date(2025, 3, 31)) == Outcome.DONE_LATE
    content = workspace.build_report(ReportPeriod.of("q1", 2025), today=TODAY)
    assert content.figures.done_late == 1 and content.has_scores
    [annex_row] = [r for group in content.annex_groups for r in group.rows if r.content.startswith("Ban hành")]
    # issue 12: the score is the criterion's (a commune gives none for the province's index)
    assert (annex_row.max_score, annex_row.score) == ("1,5", "")


def test_texts_are_prefilled_from_task_notes_then_saved_per_period(reporting):
    workspace, _ = reporting
    texts = workspace.report_texts(PERIOD, today=TODAY)
    assert not texts.saved
    assert "Thiếu kinh phí thực hiện nhiệm vụ 2" in texts.shortcomings
    assert "Đề nghị Sở Nội vụ hướng dẫn nghiệp vụ" in texts.proposals
    assert texts.addressees == ["Sở Nội vụ tỉnh Cao Bằng"]
    texts.direction = "UBND xã đã ban hành Kế hoạch số 15/KH-UBND triển khai thực hiện."
    texts.number, texts.signed_on = "05", SIGNED
    workspace.save_report_texts(PERIOD, texts)
    again = workspace.report_texts(PERIOD)
    assert again.saved and again.direction == texts.direction and again.signed_on == SIGNED
    assert again.addressees == ["Sở Nội vụ tỉnh Cao Bằng"]
    assert not workspace.report_texts(ReportPeriod.of("q1", 2025)).saved  # another period, its own texts


def test_a_bad_report_number_is_refused_and_nothing_saved(reporting):
    workspace, _ = reporting
    texts = workspace.report_texts(PERIOD)
    texts.number = "05/BC"
    with pytest.raises(InvalidInputError, match="Số báo cáo"):
        workspace.save_report_texts(PERIOD, texts)
    assert not workspace.report_texts(PERIOD).saved


def test_writing_into_a_missing_folder_is_refused(reporting, tmp_path):
    workspace, _ = reporting
    with pytest.raises(NotFoundError, match="thư mục"):
        workspace.write_report(tmp_path / "khong-co" / "bc.pdf", PERIOD)
    with pytest.raises(InvalidInputError, match=r"\.pdf hoặc \.docx"):
        workspace.write_report(tmp_path / "bc.odt", PERIOD)
    assert not list(tmp_path.glob("*.odt"))


def test_no_plan_means_a_clear_message(workspace, tmp_path):
    with pytest.raises(NotFoundError, match="Chưa có kế hoạch"):
        workspace.write_report(tmp_path / "bc.pdf", PERIOD)


# --- the PDF, read back -------------------------------------------------------------------------


def test_pdf_is_a4_with_a_landscape_annex(h1_pdf):
    reader, _, _ = h1_pdf
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    portrait, landscape = (round(A4[0]), round(A4[1])), (round(A4[1]), round(A4[0]))
    first_annex = sizes.index(landscape)
    assert first_annex > 0
    assert set(sizes[:first_annex]) == {portrait} and set(sizes[first_annex:]) == {landscape}
    assert "PHỤ LỤC" in pdf_text(reader)[first_annex]


def test_every_font_is_embedded(h1_pdf):
    reader, _, _ = h1_pdf
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert seen == {"Tinos", "Tinos-Bold", "Tinos-Italic", "Tinos-BoldItalic"}


def test_pdf_text_has_header_title_sections_annex_and_signature(h1_pdf):
    reader, workspace, recorded = h1_pdf
    pages = pdf_text(reader)
    first, whole = pages[0], "\n".join(pages)
    assert "UBND TỈNH CAO BẰNG" not in first  # a People's Committee prints no governing-body line
    for expected in ("ỦY BAN NHÂN DÂN", "XÃ HÒA AN", "Số: 05/BC-UBND",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Hòa An, ngày 06 tháng 10 năm 2025", "BÁO CÁO", "Kính gửi: Sở Nội vụ tỉnh Cao Bằng."):
        assert expected in first, expected
    flat = re.sub(r"\s+", " ", whole)
    assert ("Kết quả thực hiện Kế hoạch số 2163/KH-UBND ngày 12/7/2025 của UBND tỉnh Cao Bằng về cải thiện, "
            "nâng cao các chỉ số PAR INDEX") in flat
    assert "9 tháng đầu năm 2025 Kính gửi" in flat
    for heading in ("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN", "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                    "IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", "V. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in whole, heading
    assert "Thiếu kinh phí thực hiện nhiệm vụ 2" in flat
    for expected in ("Nơi nhận:", "- Như trên;", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VP.",
                     "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nông Văn Bình"):
        assert expected in whole, expected
    annex = "\n".join(page for page, p in zip(pages, reader.pages) if p.mediabox.width > p.mediabox.height)
    annex_flat = re.sub(r"\s+", " ", annex)
    assert "(Kèm theo Báo cáo số 05/BC-UBND ngày 06/10/2025 của UBND xã Hòa An)" in annex_flat
    for number in recorded.evidence_numbers.values():
        assert number in annex_flat
    for task_id in recorded.on_time:
        content = workspace.task(task_id).content
        assert re.sub(r"\s+", " ", content)[:30] in annex_flat.replace("- ", "")
    assert flat == nfc(flat)


def _annex_pages(reader):
    return [n for n, page in enumerate(reader.pages) if page.mediabox.width > page.mediabox.height]


def test_page_numbers_from_page_two_and_the_annex_numbered_on_its_own(h1_pdf):
    reader, _, _ = h1_pdf
    annex = _annex_pages(reader)

    def number_in_top_margin(page):
        height = float(page.mediabox.height)
        found = [text.strip() for text, x, y, *_ in text_pieces(page) if y > height - MARGIN["top"]]
        return found[0] if found else None

    assert number_in_top_margin(reader.pages[0]) is None
    body = range(annex[0])
    assert [number_in_top_margin(reader.pages[n]) for n in body][1:] == [str(n + 1) for n in body][1:]
    assert number_in_top_margin(reader.pages[annex[0]]) is None
    assert [number_in_top_margin(reader.pages[n]) for n in annex[1:]] == [str(k) for k in range(2, len(annex) + 1)]


def test_no_text_crosses_the_margins(h1_pdf):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from kehoach_desktop.report.fonts import register_pdf_fonts

    register_pdf_fonts()
    reader, _, _ = h1_pdf
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        for text, x, y, font, size in text_pieces(page):
            face = font.split("+")[-1]
            right = x + stringWidth(text.rstrip("\n"), face, size)
            assert x >= MARGIN["left"] - 0.5, (number, text, x)
            assert right <= width - MARGIN["right"] + 0.5, (number, text, right)
            assert y >= MARGIN["bottom"] - 0.5, (number, text, y)
            is_page_number = text.strip().isdigit() and y > height - MARGIN["top"]
            assert y + size * 0.8 <= height - MARGIN["top"] + 0.5 or is_page_number, (number, text, y)


def test_noi_nhan_is_level_with_the_signer_title_and_the_number_with_the_date(h1_pdf):
    reader, _, _ = h1_pdf
    pieces = [piece for page in reader.pages for piece in text_pieces(page)]
    pieces_on = {}
    for page_number, page in enumerate(reader.pages):
        for text, x, y, font, size in text_pieces(page):
            pieces_on.setdefault(text.strip(), (page_number, x, y, font, size))
    received, title = pieces_on["Nơi nhận:"], pieces_on["TM. ỦY BAN NHÂN DÂN"]
    assert received[0] == title[0] and abs(received[2] - title[2]) < 1.0
    assert received[1] == pytest.approx(MARGIN["left"], abs=0.5)  # at the left margin
    assert "BoldItalic" in received[3] and received[4] == 12
    number = next(p for p in pieces if p[0].startswith("Số: 05/BC-UBND"))
    date = next(p for p in pieces if p[0].startswith("Hòa An, ngày"))
    assert abs(number[2] - date[2]) < 1.0 and "Italic" in date[3]
    recipients = [p for p in pieces if p[0].startswith("- Lưu")]
    assert recipients and recipients[0][4] == 11


def _flat(reader) -> str:
    return re.sub(r"\s+", " ", " ".join(pdf_text(reader)))


def test_unscored_plan_has_no_score_columns_and_a_scored_one_has(reporting, tmp_path):
    reporting_ws, _ = reporting
    plain = pypdf.PdfReader(io.BytesIO(service.render(reporting_ws.build_report(PERIOD, today=TODAY), "PDF")))
    assert "Điểm tối đa" not in _flat(plain)
    other = tmp_path / "other"
    from kehoach_desktop.workspace import Workspace

    with Workspace(other) as scored:
        scored.save_profile(reporting_ws.profile())
        scored.import_annex(build_scored_annex(tmp_path / "scored.xlsx"))
        reader = pypdf.PdfReader(io.BytesIO(service.render(scored.build_report(PERIOD, today=TODAY), "PDF")))
    assert "Điểm tối đa" in _flat(reader) and "Điểm tự chấm" in _flat(reader)


def test_a_report_is_rendered_with_the_collector_held_off_and_it_is_back_after(reporting, tmp_path, monkeypatch):
    import gc

    from kehoach_desktop.report import pdf, word

    workspace, _ = reporting
    seen = []
    for module, name in ((pdf, "render_pdf"), (word, "render_docx")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *args, real=real: (seen.append(gc.isenabled()), real(*args))[1])
    for suffix in (".pdf", ".docx"):
        path = workspace.write_report(tmp_path / f"bao-cao{suffix}", PERIOD, _texts(workspace), today=TODAY)
        assert path.stat().st_size > 1000
    assert seen == [False, False] and gc.isenabled()
