"""Reports a clerk files without corrections (issue 13): the plan cited as issued, content as of the
period, figures that add up. The PDFs are read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pypdf
import pytest

from _report_support import PERIOD, SIGNED, TODAY, nfc, pdf_text, record_progress
from _support import run_cli, snapshot
from kehoach_desktop.errors import InvalidInputError
from kehoach_desktop.model import AgencyKind, AgencyProfile, Authority, Evidence, Status
from kehoach_desktop.report import service
from kehoach_desktop.report.content import default_addressees
from kehoach_desktop.report.periods import ReportPeriod
from kehoach_desktop.report.plans import has_real_number, plan_reference, plan_year
from kehoach_desktop.report.wording import percent, signature_lines

TITLE = "Cải thiện, nâng cao các chỉ số PAR-INDEX, SIPAS, PAPI năm 2025"
YEAR = ReportPeriod.of("year", 2025)


def _flat(pages: list[str]) -> str:
    return re.sub(r"\s+", " ", "\n".join(pages))


def _pdf(workspace, period, texts=None, **options) -> list[str]:
    content = service.build(workspace, period, texts, today=options.pop("today", TODAY), **options)
    return pdf_text(pypdf.PdfReader(io.BytesIO(service.render(content, "PDF"))))


def _signed(workspace, period, signed_on):
    texts = workspace.report_texts(period, today=signed_on)
    texts.number, texts.signed_on = "9", signed_on
    return texts


# --- the plan as issued ---------------------------------------------------------------------------


def test_plan_year_comes_from_date_and_title_together():
    title = ("Khắc phục những tồn tại, hạn chế Chỉ số cải cách hành chính năm 2022, "
             "nâng cao chất lượng các chỉ số năm 2023")
    assert plan_year(dt.date(2023, 6, 8), title) == 2023
    assert plan_year(dt.date(2024, 12, 20), "Kế hoạch cải thiện chỉ số năm 2025") == 2025
    assert plan_year(dt.date(2024, 5, 3), "Duy trì, cải thiện các chỉ số") == 2024
    assert plan_year(None, "") is None


@pytest.mark.parametrize("number, real", [
    ("2163/KH-UBND", True), ("87/KH-UBND", True), ("dak-lak-2025-phu-luc", False), ("/KH-UBND", False), ("", False),
])
def test_a_file_name_or_a_blank_is_not_a_plan_number(number, real):
    assert has_real_number(number) is real
    cited = plan_reference({"number": number, "date": None, "issuer": "UBND tỉnh Đắk Lắk"})
    assert (bool(number) and number in cited) is real and ("chưa có số" in cited) is not real


def test_plan_corrected_on_the_command_line_and_cited_verbatim(imported_workspace, capsys, tmp_path):
    data = str(imported_workspace.data_dir)
    record_progress(imported_workspace)
    code, out, _ = run_cli(capsys, "--data-dir", data, "plans", "--json")
    [plan] = json.loads(out)
    assert code == 0 and plan["number"] == "2163/KH-UBND" and "trích yếu" in plan["missing"]
    code, out, _ = run_cli(capsys, "--data-dir", data, "plan", "--title", TITLE, "--date", "08/7/2025", "--json")
    corrected = json.loads(out)
    assert code == 0 and corrected["title"] == TITLE and corrected["date"] == "2025-07-08"
    assert corrected["missing"] == [] and corrected["year"] == 2025
    pdf = tmp_path / "bc.pdf"
    code, _, _ = run_cli(capsys, "--data-dir", data, "report", "--period", "q3", "--year", "2025", "--out", pdf,
                         "--addressee", "UBND tỉnh Cao Bằng (qua Sở Nội vụ)", "--addressee", "Sở Nội vụ tỉnh Cao Bằng",
                         "--recipient", "Thường trực Đảng ủy xã", "--recipient", "Lưu: VT, VP")
    flat = _flat(pdf_text(pypdf.PdfReader(pdf)))
    assert code == 0
    abstract = ("Kết quả thực hiện Kế hoạch số 2163/KH-UBND ngày 08/7/2025 của UBND tỉnh Cao Bằng về "
                "cải thiện, nâng cao các chỉ số PAR-INDEX, SIPAS, PAPI năm 2025 9 tháng đầu năm 2025")
    assert abstract in flat  # the plan's own title, verbatim, then the period
    assert "- UBND tỉnh Cao Bằng (qua Sở Nội vụ); - Sở Nội vụ tỉnh Cao Bằng." in flat
    assert "- Thường trực Đảng ủy xã; - Lưu: VT, VP." in flat


def test_a_bad_plan_correction_is_refused_and_nothing_written(imported_workspace, capsys):
    data = str(imported_workspace.data_dir)
    before = snapshot(imported_workspace.db)
    for arguments, message in ((["--number", "dak-lak-2025"], "không hợp lệ"),
                               (["--date", "31/02/2025"], "không phải là một ngày có thật"),
                               (["--plan", "99", "--title", "x"], "Không có kế hoạch")):
        code, _, err = run_cli(capsys, "--data-dir", data, "plan", *arguments)
        assert code == 2 and message in err, err
    assert snapshot(imported_workspace.db) == before


def test_a_plan_without_a_number_is_never_cited_with_one(workspace, capsys, tmp_path):
    from pathlib import Path

    data = str(workspace.data_dir)
    workspace.save_profile(AgencyProfile(name="UBND xã Hòa Phú", kind=AgencyKind.XA, place="Hòa Phú"))
    annex = Path(__file__).parent / "data" / "dak-lak-2025-phu-luc.xlsx"
    assert run_cli(capsys, "--data-dir", data, "import", annex)[0] == 0
    [plan] = json.loads(run_cli(capsys, "--data-dir", data, "plans", "--json")[1])
    assert plan["number"] is None and "số, ký hiệu" in plan["missing"]
    flat = _flat(_pdf(workspace, YEAR, today=dt.date(2026, 1, 10)))
    assert "Kế hoạch (chưa có số, ký hiệu)" in flat
    assert "dak-lak" not in flat and plan["stored_number"] not in flat


# --- dates: the cutoff, the signing date, the plan's date ------------------------------------------


def test_a_report_signed_before_the_plan_or_for_a_period_before_it_is_refused(imported_workspace):
    record_progress(imported_workspace)
    with pytest.raises(InvalidInputError, match="trước ngày ban hành"):
        service.build(imported_workspace, ReportPeriod.of("h1", 2025), today=TODAY)
    with pytest.raises(InvalidInputError, match="Ngày ký 01/07/2025 đứng trước ngày ban hành"):
        service.build(imported_workspace, PERIOD, _signed(imported_workspace, PERIOD, dt.date(2025, 7, 1)), today=TODAY)


def test_the_cutoff_is_never_after_the_signing_date(imported_workspace):
    record_progress(imported_workspace)
    content = service.build(imported_workspace, PERIOD, _signed(imported_workspace, PERIOD, dt.date(2025, 9, 25)),
                            today=TODAY)
    assert content.figures.as_of == dt.date(2025, 9, 25)
    service.correct_plan(imported_workspace, None, cutoff_day=14)  # the Ministry's regime
    content = service.build(imported_workspace, PERIOD, today=TODAY)
    assert content.figures.as_of == dt.date(2025, 9, 14)


# --- content as of the period ---------------------------------------------------------------------


def test_evidence_and_completion_after_the_period_are_not_cited(imported_workspace):
    workspace = imported_workspace
    recorded = record_progress(workspace)
    task = recorded.in_progress[0]
    late_doc = Evidence(task_id=task, number="77/BC-UBND", date=dt.date(2025, 10, 3), issuer="UBND xã Hòa An",
                        abstract="Báo cáo kết quả kiểm tra")
    workspace.save_progress(workspace.progress(task), [(late_doc, None)])
    progress = workspace.progress(task)
    progress.percent, progress.result = 60, "Đã kiểm tra 03/05 thôn"
    workspace.save_progress(progress)
    progress.status, progress.percent = Status.DONE, 100
    progress.result, progress.completed_on = "Đã kiểm tra toàn bộ 05 thôn", dt.date(2025, 11, 2)
    workspace.save_progress(progress)

    q3 = _flat(_pdf(workspace, PERIOD))
    assert "77/BC-UBND" not in q3 and "toàn bộ 05 thôn" not in q3  # dated after 30/9
    assert "Đã kiểm tra 03/05 thôn (đạt 60%)" in q3  # as recorded while in progress
    assert "Hoàn thành sau khi điều chỉnh nhân sự" not in q3  # the result of tasks completed 25/11
    content = service.build(workspace, PERIOD, today=TODAY)
    assert content.figures.done == len(recorded.on_time)  # those completed after 30/9 were in progress then
    assert content.figures.in_progress == len(recorded.in_progress) + len(recorded.finished_after)
    year = _flat(_pdf(workspace, YEAR, today=dt.date(2026, 1, 10)))
    assert "Báo cáo số 77/BC-UBND ngày 03/10/2025 của UBND xã Hòa An về kết quả kiểm tra" in year
    assert "toàn bộ 05 thôn" in year


def test_a_past_period_is_rebuilt_from_what_had_been_recorded_by_then(imported_workspace):
    workspace = imported_workspace
    recorded = record_progress(workspace)
    db = workspace.db
    db.execute("UPDATE progress_log SET recorded_at = '2025-09-28T10:00:00'")
    task = recorded.in_progress[0]
    progress = workspace.progress(task)
    progress.percent, progress.result = 90, "Gần xong, còn 01 thôn"
    workspace.save_progress(progress)
    content = service.build(workspace, PERIOD, today=TODAY, recorded_by=dt.date(2025, 10, 1))
    results = [r.result for g in content.annex_groups for r in g.rows]
    assert not any("Gần xong" in result for result in results)  # recorded after 01/10
    assert sum("khoảng 40% khối lượng (đạt 40%)" in result for result in results) == len(recorded.in_progress)
    now = service.build(workspace, PERIOD, today=TODAY)
    assert any("Gần xong, còn 01 thôn (đạt 90%)" in r.result for g in now.annex_groups for r in g.rows)


# --- figures that add up --------------------------------------------------------------------------


def test_yearly_report_counts_unfinished_tasks_due_31_12_as_overdue_and_every_area_sums(imported_workspace):
    workspace = imported_workspace
    record_progress(workspace)
    rows = [row for row in workspace.tasks(mine_only=True)]
    unfinished_by_year_end = [row for row in rows if row.due_date and row.due_date <= dt.date(2025, 12, 31)
                              and not (row.status == Status.DONE and row.completed_on
                                       and row.completed_on <= dt.date(2025, 12, 31))
                              and row.status != Status.NOT_FEASIBLE]
    texts = _signed(workspace, YEAR, dt.date(2026, 1, 10))
    texts.shortcomings = texts.proposals = ""  # the user wrote nothing in III and V
    flat = _flat(_pdf(workspace, YEAR, texts, today=dt.date(2026, 1, 10)))
    overdue = int(re.search(r"Số nhiệm vụ đã quá hạn nhưng chưa hoàn thành: (\d+)", flat).group(1))
    assert overdue == len(unfinished_by_year_end) > 0
    lines = re.findall(r"Được giao (\d+) nhiệm vụ: hoàn thành (\d+)(?: \(đúng hạn (\d+), chậm (\d+)\))?, "
                       r"đang thực hiện (\d+), chưa thực hiện (\d+)(?:, không thực hiện được (\d+))?", flat)
    assert len(lines) > 5 and any(on_time for _, _, on_time, *_ in lines)
    for total, done, on_time, late, in_progress, not_started, not_feasible in lines:
        assert int(done) == int(on_time or 0) + int(late or 0)
        assert int(total) == int(done) + int(in_progress) + int(not_started) + int(not_feasible or 0)
    section_iii = flat.split("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN")[1].split("IV. NHIỆM VỤ")[0]
    assert f"Còn {overdue} nhiệm vụ đã quá hạn nhưng chưa hoàn thành, gồm: lĩnh vực 1 PAR INDEX:" in section_iii
    section_v = flat.split("V. ĐỀ XUẤT, KIẾN NGHỊ")[1].split("Trên đây")[0]
    assert "Không có." not in section_v and f"tiếp tục thực hiện {overdue} nhiệm vụ đã quá hạn" in section_v


def test_hang_nam_tasks_are_due_once_a_year_and_thuong_xuyen_at_each_report(imported_workspace):
    from kehoach_desktop.report.content import is_overdue_at

    rows = imported_workspace.tasks(mine_only=True)
    yearly = [row for row in rows if row.deadline_text.strip() == "Hằng năm"]
    assert yearly and all(row.due_dates == (dt.date(2025, 12, 31),) for row in yearly)
    assert not any(is_overdue_at(row, dt.date(2025, 9, 30), closed=True) for row in yearly)
    assert all(is_overdue_at(row, dt.date(2025, 12, 31), closed=True) for row in yearly)  # nothing recorded
    regular = [row for row in rows if row.deadline_text.strip() == "Thường xuyên"]
    assert regular and all(len(row.due_dates) == 4 for row in regular)
    assert all(is_overdue_at(row, dt.date(2025, 9, 30), closed=True) for row in regular)  # not started by then


# --- wording -------------------------------------------------------------------------------------


def test_percentages_have_one_format():
    assert (percent(9, 100), percent(1, 3), percent(0, 0), percent(5, 5)) == ("9,0%", "33,3%", "0,0%", "100,0%")


def test_tm_only_for_collective_bodies_and_home_affairs_never_addresses_itself():
    department = AgencyProfile(name="Sở Tư pháp", kind=AgencyKind.SO, signer_title="Phó Giám đốc",
                               authority=Authority.TM)
    assert signature_lines(department) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    commune = AgencyProfile(name="UBND xã Hòa An", kind=AgencyKind.XA, signer_title="Chủ tịch", authority=Authority.TM)
    assert signature_lines(commune) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    plan = {"issuer": "Ủy ban nhân dân tỉnh Cao Bằng"}
    assert default_addressees(plan, department) == ["Sở Nội vụ tỉnh Cao Bằng"]
    home_affairs = AgencyProfile(name="Sở Nội vụ tỉnh Cao Bằng", kind=AgencyKind.SO)
    assert default_addressees(plan, home_affairs) == ["UBND tỉnh Cao Bằng"]


def test_addressees_are_remembered_per_plan(imported_workspace):
    record_progress(imported_workspace)
    texts = imported_workspace.report_texts(PERIOD, today=TODAY)
    texts.addressees = ["UBND tỉnh Cao Bằng (qua Sở Nội vụ)"]
    imported_workspace.save_report_texts(PERIOD, texts)
    assert imported_workspace.report_texts(YEAR, today=TODAY).addressees == ["UBND tỉnh Cao Bằng (qua Sở Nội vụ)"]


def test_options_only_led_tasks_and_not_started_in_one_row(imported_workspace):
    record_progress(imported_workspace)
    texts = imported_workspace.report_texts(PERIOD, today=TODAY)
    whole = service.build(imported_workspace, PERIOD, texts, today=TODAY)
    texts.only_led, texts.compact_not_started = True, True
    led = service.build(imported_workspace, PERIOD, texts, today=TODAY)
    assert 0 < led.figures.assigned < whole.figures.assigned
    assert led.annex_row_count < led.figures.assigned
    assert any("chưa đến kỳ thực hiện" in r.content for g in led.annex_groups for r in g.rows)


# --- the issued-report register --------------------------------------------------------------------


def test_an_issued_report_is_registered_and_reprinted_identically(imported_workspace, capsys, tmp_path):
    workspace = imported_workspace
    recorded = record_progress(workspace)
    data = str(workspace.data_dir)
    first = tmp_path / "q3.pdf"
    code, _, err = run_cli(capsys, "--data-dir", data, "report", "--period", "q3", "--year", "2025", "--out", first,
                           "--number", "5", "--date", "06/10/2025")
    assert code == 0, err
    [issued] = json.loads(run_cli(capsys, "--data-dir", data, "reports", "--json")[1])
    assert (issued["number"], issued["signed_on"], issued["period"]) == ("5", "2025-10-06", "q3")
    # The data change afterwards; the reprint is the report as issued, byte for byte.
    for task in recorded.in_progress:
        progress = workspace.progress(task)
        progress.status, progress.percent, progress.completed_on = Status.DONE, 100, dt.date(2025, 12, 1)
        progress.result = "Đã hoàn thành trong Quý IV"
        workspace.save_progress(progress)
    again = tmp_path / "in-lai.pdf"
    assert run_cli(capsys, "--data-dir", data, "reprint", issued["id"], "--out", again)[0] == 0
    assert again.read_bytes() == first.read_bytes()
    assert "Quý IV" not in _flat(pdf_text(pypdf.PdfReader(again)))
    # The yearly report says what changed since the 9-month report.
    year = _flat(_pdf(workspace, YEAR, today=dt.date(2026, 1, 10)))
    expected = len(recorded.in_progress) + len(recorded.finished_after)
    assert (f"So với Báo cáo số 05/BC-UBND ngày 06/10/2025 (9 tháng đầu năm 2025): "
            f"hoàn thành thêm {expected:02d} nhiệm vụ") in year
    # An unnumbered draft is not registered.
    assert run_cli(capsys, "--data-dir", data, "report", "--period", "year", "--year", "2025",
                   "--out", tmp_path / "nhap.pdf")[0] == 0
    assert len(json.loads(run_cli(capsys, "--data-dir", data, "reports", "--json")[1])) == 1


def test_the_registered_content_reads_back_equal(imported_workspace):
    from kehoach_desktop.report.register import content_from_json, content_to_json

    record_progress(imported_workspace)
    content = service.build(imported_workspace, PERIOD, _signed(imported_workspace, PERIOD, SIGNED), today=TODAY)
    assert content_from_json(content_to_json(content)) == content


# --- an annex without wasted pages -------------------------------------------------------------------


def _fill(page) -> float:
    """How far down the text area a page's text reaches (0–1), below the page number."""
    from _report_support import text_pieces
    from reportlab.lib.units import mm

    height = float(page.mediabox.height)
    top, bottom = height - 20 * mm, 20 * mm
    lows = [y for _, _, y, _, _ in text_pieces(page) if y < top]
    return (top - min(lows)) / (top - bottom) if lows else 0.0


def test_no_annex_page_but_the_last_is_less_than_70_percent_full(imported_workspace):
    record_progress(imported_workspace)
    content = service.build(imported_workspace, PERIOD, _signed(imported_workspace, PERIOD, SIGNED), today=TODAY)
    reader = pypdf.PdfReader(io.BytesIO(service.render(content, "PDF")))
    annex = [page for page in reader.pages if page.mediabox.width > page.mediabox.height]
    assert len(annex) > 5
    fills = [_fill(page) for page in annex[:-1]]
    assert min(fills) >= 0.70, [round(f, 2) for f in fills]
    # A row cut at a page break goes on with its STT repeated and "(tiếp)".
    texts = [nfc(page.extract_text()) for page in annex]
    continued = [t for t in texts if "(tiếp)" in t]
    assert continued
    for text in continued:
        lines = text.split("\n")
        at = lines.index("(tiếp)")
        assert lines[at - 1].strip().isdigit()


# --- the reporting calendar ---------------------------------------------------------------------------


def test_calendar_defaults_edits_and_issued(imported_workspace, capsys, tmp_path):
    from kehoach_desktop.report import calendar

    data = str(imported_workspace.data_dir)
    record_progress(imported_workspace)
    rows = json.loads(run_cli(capsys, "--data-dir", data, "calendar", "--json")[1])
    # The plan was issued on 12/7/2025: the 9-month and the yearly reports are owed, not Quý I or 6 tháng.
    assert [(r["kind"], r["due"], r["issued"]) for r in rows] == [("q3", "2025-09-30", None), ("year", "2025-12-31", None)]
    assert rows[0]["recipient"] == "Sở Nội vụ tỉnh Cao Bằng"
    run_cli(capsys, "--data-dir", data, "calendar", "--due-day", "12")
    code, out, _ = run_cli(capsys, "--data-dir", data, "calendar", "--set", "year", "--due", "30/11/2025",
                           "--recipient", "UBND tỉnh Cao Bằng (qua Sở Nội vụ)", "--json")
    rows = json.loads(out)
    assert code == 0 and [(r["kind"], r["due"]) for r in rows] == [("q3", "2025-09-12"), ("year", "2025-11-30")]
    assert rows[1]["recipient"] == "UBND tỉnh Cao Bằng (qua Sở Nội vụ)"
    # Due within 14 days and not issued: the reminder; once issued, the next one.
    due = calendar.next_due(imported_workspace, dt.date(2025, 9, 3))
    assert calendar.reminder_text(due) == "Báo cáo 9 tháng gửi Sở Nội vụ tỉnh Cao Bằng: còn 9 ngày"
    assert run_cli(capsys, "--data-dir", data, "report", "--period", "q3", "--year", "2025", "--out",
                   tmp_path / "q3.pdf", "--number", "5", "--date", "06/10/2025")[0] == 0
    rows = json.loads(run_cli(capsys, "--data-dir", data, "calendar", "--json")[1])
    assert rows[0]["issued"] == {"number": "5", "date": "2025-10-06"} and rows[1]["issued"] is None
    assert calendar.next_due(imported_workspace, dt.date(2025, 10, 7)) is None  # year: 54 days away
    assert calendar.next_due(imported_workspace, dt.date(2025, 11, 20))["kind"] == "year"
    code, _, err = run_cli(capsys, "--data-dir", data, "calendar", "--set", "q1", "--due", "01/01/2024")
    assert code == 2 and "đứng trước kỳ báo cáo" in err


def test_the_archive_line_names_the_drafting_unit_and_is_remembered(imported_workspace):
    record_progress(imported_workspace)
    assert imported_workspace.report_texts(PERIOD, today=TODAY).recipients == ["Lưu: VT, VP"]  # a commune
    texts = imported_workspace.report_texts(PERIOD, today=TODAY)
    texts.recipients = ["Thường trực Đảng ủy xã", "Lưu: VT, VH-XH"]
    imported_workspace.save_report_texts(PERIOD, texts)
    assert imported_workspace.report_texts(YEAR, today=TODAY).recipients == ["Lưu: VT, VH-XH"]
    content = service.build(imported_workspace, PERIOD, today=TODAY)
    assert content.recipients[-1] == "- Lưu: VT, VH-XH."


def test_a_corrected_plan_is_still_the_same_plan_at_the_next_import(workspace, capsys):
    from pathlib import Path

    data = str(workspace.data_dir)
    workspace.save_profile(AgencyProfile(name="UBND xã Hòa Phú", kind=AgencyKind.XA, place="Hòa Phú"))
    annex = Path(__file__).parent / "data" / "dak-lak-2025-phu-luc.xlsx"
    run_cli(capsys, "--data-dir", data, "import", annex)
    code, out, _ = run_cli(capsys, "--data-dir", data, "plan", "--number", "326/KH-UBND", "--date", "15/9/2025",
                           "--issuer", "UBND tỉnh Đắk Lắk", "--title", TITLE.replace("PAR-INDEX", "PAR Index"), "--json")
    assert code == 0 and json.loads(out)["citation"] == "Kế hoạch số 326/KH-UBND ngày 15/9/2025 của UBND tỉnh Đắk Lắk"
    assert run_cli(capsys, "--data-dir", data, "import", annex)[0] == 0  # the same annex again
    [plan] = json.loads(run_cli(capsys, "--data-dir", data, "plans", "--json")[1])
    assert plan["number"] == "326/KH-UBND" and plan["date"] == "2025-09-15" and plan["missing"] == []


# --- properties --------------------------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from kehoach_desktop.model import Role, TaskRow  # noqa: E402
from kehoach_desktop.report.content import figures_for, is_overdue_at, outcome  # noqa: E402

_DAYS = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 3, 31))


@st.composite
def _task(draw):
    recurring = draw(st.booleans())
    dates = tuple(sorted(set(draw(st.lists(_DAYS, min_size=0, max_size=4)))))
    status = draw(st.sampled_from(list(Status)))
    return TaskRow(
        id=draw(st.integers(1, 10 ** 6)), plan_id=1, index_name="PAR INDEX", index_kind="PAR INDEX", area_code="1",
        area_title="A", code="1.1", criterion="", max_score=None, content="x", deadline_text="",
        due_date=max(dates) if dates else None, recurring=recurring, evidence_required="", lead=[], implementing=[],
        cooperating=[], role=Role.LEAD, role_reason="", role_overridden=False, conditional=False, removed=False,
        status=status, percent=0, result="", completed_on=draw(st.none() | _DAYS) if status == Status.DONE else None,
        score=None, evidence_count=0, due_dates=dates,
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(_task(), max_size=30), _DAYS, st.booleans())
def test_every_breakdown_sums_to_its_total_and_overdue_is_unfinished(rows, as_of, closed):
    f = figures_for(rows, as_of, closed)
    assert f.done + f.in_progress + f.not_started + f.not_feasible == f.assigned == len(rows)
    for row in rows:
        if is_overdue_at(row, as_of, closed):
            assert outcome(row, as_of).value in ("Đang thực hiện", "Chưa thực hiện")
            assert row.due_dates and min(row.due_dates) <= as_of
        if closed and not row.recurring and row.due_date == as_of and outcome(row, as_of).value == "Chưa thực hiện":
            assert is_overdue_at(row, as_of, closed)  # due on the period's last day, not done at its close
    assert f.overdue <= f.in_progress + f.not_started


@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.lists(st.integers(2015, 2035), max_size=3))
def test_plan_year_is_a_year_the_title_names_or_the_date_s(date, years):
    title = ", ".join(f"nâng cao các chỉ số năm {y}" for y in years)
    year = plan_year(date, title)
    named = [y for y in years if y <= date.year + 1]
    assert year == (max(named) if named else date.year)
