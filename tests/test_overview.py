"""Issue 16: the “Tổng quan” overview — its numbers, shown by default, its links filter the list."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from kehoach_desktop.model import Progress, Status  # noqa: E402
from kehoach_desktop.overview import STATES, build_overview, state_of  # noqa: E402
from kehoach_desktop.workspace import count_tasks, is_due_soon  # noqa: E402


def test_overview_counts_agree_with_the_status_bar(imported_workspace):
    ws = imported_workspace
    mine = ws.tasks(mine_only=True)
    ws.save_progress(Progress(task_id=mine[0].id, status=Status.DONE, percent=100, completed_on=dt.date(2025, 5, 2)))
    ws.save_progress(Progress(task_id=mine[1].id, status=Status.IN_PROGRESS, percent=20))
    rows, today = ws.tasks(), dt.date(2026, 1, 10)
    overview = build_overview(rows, today, plan_year=2025)
    counts = count_tasks(rows, today)
    assert (overview.total, overview.done, overview.overdue) == (counts.mine, counts.done, counts.overdue)
    assert overview.evidence_missing == 1  # done without evidence
    indices = [bar for bar in overview.bars if bar.level == 0]
    assert sum(bar.total for bar in indices) == overview.total
    for bar in indices:  # an index's bar is the sum of its areas' bars (when it has areas)
        areas = overview.bars[overview.bars.index(bar) + 1:]
        areas = areas[:next((i for i, b in enumerate(areas) if b.level == 0), len(areas))]
        if areas:
            assert {s: sum(a.counts[s] for a in areas) for s in STATES} == bar.counts
    assert overview.next_report is None  # the plan's year has ended
    assert build_overview(rows, dt.date(2025, 7, 1), plan_year=2025).next_report == ("9 tháng đầu năm", dt.date(2025, 9, 30))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(days=st.integers(min_value=-400, max_value=400), statuses=st.lists(st.sampled_from(list(Status)), min_size=94,
                                                                          max_size=94))
def test_every_task_falls_in_exactly_one_state(imported_workspace, days, statuses):
    """Read-only use of the fixture: the rows are varied in memory, never written."""
    today = dt.date(2025, 7, 1) + dt.timedelta(days=days)
    rows = [dataclasses.replace(row, status=status) for row, status in zip(imported_workspace.tasks(), statuses)]
    overview = build_overview(rows, today)
    counts = count_tasks(rows, today)
    assert sum(bar.total for bar in overview.bars if bar.level == 0) == overview.total == counts.mine
    assert overview.overdue == counts.overdue and overview.due_soon == counts.due_soon
    assert sum(bar.counts["done"] for bar in overview.bars if bar.level == 0) == overview.done == counts.done


def test_overview_is_shown_until_a_task_is_chosen_and_its_links_filter(window):
    assert window.right_stack.currentWidget() is window.overview  # opens by default
    assert "89 nhiệm vụ" in window.overview.summary.text()
    task = window.workspace.tasks(mine_only=True)[0]
    window.select_task(task.id)
    assert window.right_stack.currentWidget() is window.detail
    window.overview_action.trigger()
    assert window.right_stack.currentWidget() is window.overview and window.detail.task is None

    window.today = dt.date(2026, 1, 5)  # the 2025 plan's deadlines have passed
    window.reload()
    overdue = window.overview.overview.overdue
    assert overdue > 0 and 'href="overdue"' in window.overview.links.text()
    window.overview.links.linkActivated.emit("overdue")
    assert window.overdue_only.isChecked() and len(window.visible_task_ids()) == overdue

    window.workspace.save_progress(Progress(task_id=task.id, status=Status.DONE, percent=100,
                                            completed_on=dt.date(2025, 12, 1)))
    window.reload()
    window.overview.links.linkActivated.emit("no_evidence")
    assert window.visible_task_ids() == [task.id] and not window.overdue_only.isChecked()


def test_the_pdf_report_carries_the_overview_chart(imported_workspace):
    import io

    import pypdf

    from kehoach_desktop.report import ReportPeriod
    from kehoach_desktop.report.chart import progress_chart
    from kehoach_desktop.report.service import render

    ws = imported_workspace
    for number, row in enumerate(ws.tasks(mine_only=True)[:9]):
        status = [Status.DONE, Status.IN_PROGRESS, Status.NOT_FEASIBLE][number % 3]
        ws.save_progress(Progress(task_id=row.id, status=status, percent=100 if status == Status.DONE else 30,
                                  completed_on=dt.date(2025, 5, 1) if status == Status.DONE else None))
    content = ws.build_report(ReportPeriod.of("q3", 2025), today=dt.date(2025, 10, 10))
    chart = progress_chart(content, 450)
    bars = chart.contents[0]
    assert sum(map(sum, bars.data)) == content.annex_row_count  # every task in one bar segment
    assert [sum(series) for series in bars.data][0] == 3 and [sum(s) for s in bars.data][3] == 3
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(render(content, "PDF"))).pages[:3])
    assert "Số nhiệm vụ của đơn vị theo lĩnh vực và tình trạng" in text and "Không thực hiện được" in text


def test_the_overview_names_the_next_report_the_plan_owes(window):
    """The next report comes from the plan's reporting calendar, and goes once it is issued."""
    from kehoach_desktop.report import calendar
    from kehoach_desktop.text import format_date

    window.today = dt.date(2025, 9, 20)
    window.reload()
    due = calendar.obligations(window.workspace, None, window.today)
    owed = min((row for row in due if row["days_left"] >= 0), key=lambda row: row["due"])
    text = window.overview.links.text()
    assert f"(hạn {format_date(owed['due'])})" in text and owed["name"] in text

    calendar.set_obligation(window.workspace, None, owed["kind"], dt.date(2025, 9, 25), recipient="UBND tỉnh Cao Bằng")
    window.reload()
    assert "(hạn 25/09/2025)" in window.overview.links.text() and "UBND tỉnh Cao Bằng" in window.overview.links.text()


def test_a_lead_department_sees_its_self_scores_against_the_maximum(data_dir):
    """Tổng quan of a lead department: the criteria it may score, their self-scores against their maximum."""
    from pathlib import Path

    from kehoach_desktop.assessment import service
    from kehoach_desktop.model import AgencyKind, AgencyProfile
    from kehoach_desktop.overview import own_scores
    from kehoach_desktop.workspace import Workspace

    with Workspace(data_dir) as ws:
        ws.save_profile(AgencyProfile("Sở Tư pháp", AgencyKind.SO, governing_body="UBND tỉnh Hà Giang"))
        ws.import_annex(Path(__file__).parent / "data" / "ha-giang-147-KH-UBND-phu-luc.docx")
        mine = [c for c in service.load(ws, index_kind="PAR INDEX").criteria if c.scorable and c.may_score]
        assert own_scores(service.load(ws, index_kind="PAR INDEX").criteria) == (0, sum(c.max_score for c in mine),
                                                                                   0, len(mine))
        first = mine[0]
        service.save_score(ws, first.id, score=first.max_score / 2, explanation="Còn thiếu văn bản kiểm chứng")
        self_score, maximum, scored, scorable = own_scores(service.load(ws, index_kind="PAR INDEX").criteria)
        assert (self_score, scored, scorable) == (first.max_score / 2, 1, len(mine))
        assert maximum == sum(c.max_score for c in mine)
