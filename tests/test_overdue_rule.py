"""The window and the report count the same tasks as overdue on the same day.

A "Thường xuyên" task nobody started by a report date is late in the report; the status bar, the
overview and the "Quá hạn" filter used to say 0 for it (seen on 15/09/2025 with the sample plan).
"""

import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from kehoach_desktop.model import Progress, Status
from kehoach_desktop.overview import build_overview
from kehoach_desktop.report.content import figures_for
from kehoach_desktop.task_filter import TaskFilter
from kehoach_desktop.workspace import count_tasks


def _mine(workspace):
    return [row for row in workspace.tasks(mine_only=True) if not row.removed]


def test_a_recurring_task_not_started_by_a_report_date_is_overdue_in_the_window(imported_workspace):
    day = dt.date(2025, 9, 15)
    rows = _mine(imported_workspace)
    recurring_unstarted = [r for r in rows if r.recurring and r.status == Status.NOT_STARTED
                           and r.due_dates and min(r.due_dates) < day]
    assert recurring_unstarted, "the sample plan has recurring tasks due at the reports"
    counts = count_tasks(imported_workspace.tasks(), day)
    assert counts.overdue == figures_for(rows, day).overdue >= len(recurring_unstarted)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # read only
@given(day=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 3, 31)))
def test_window_counts_filter_and_report_agree_on_any_day(imported_workspace, day):
    rows = _mine(imported_workspace)
    expected = figures_for(rows, day).overdue
    assert count_tasks(imported_workspace.tasks(), day).overdue == expected
    assert build_overview(imported_workspace.tasks(), day).overdue == expected
    overdue_filter = TaskFilter(overdue_only=True)
    assert sum(overdue_filter.accepts(row, day) for row in rows) == expected


def test_starting_a_recurring_task_takes_it_off_the_overdue_count_until_its_last_date(imported_workspace):
    day = dt.date(2025, 9, 15)
    rows = _mine(imported_workspace)
    task = next(r for r in rows if r.recurring and r.status == Status.NOT_STARTED
                and r.due_dates and min(r.due_dates) < day and r.due_date and r.due_date > day)
    before = count_tasks(imported_workspace.tasks(), day).overdue
    imported_workspace.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=30))
    assert count_tasks(imported_workspace.tasks(), day).overdue == before - 1
