"""A task's state on a day, and whether it is overdue: one rule for the window and the reports.

The window asks about today; a report asks about the end of its period (`closed` once that
period has ended), so both count the same tasks as late.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from .model import Status, TaskRow


class Outcome(str, Enum):
    """A task's state at the end of the period (or today, when the period has not ended)."""

    DONE_ON_TIME = "Hoàn thành đúng hạn"
    DONE_LATE = "Hoàn thành chậm so với thời hạn"
    IN_PROGRESS = "Đang thực hiện"
    NOT_STARTED = "Chưa thực hiện"
    NOT_FEASIBLE = "Không thực hiện được"


def outcome(row: TaskRow, as_of: dt.date) -> Outcome:
    """The task's state on `as_of`: a task finished after that day was still in progress then."""
    if row.status == Status.NOT_FEASIBLE:
        return Outcome.NOT_FEASIBLE
    if row.status == Status.DONE and (row.completed_on is None or row.completed_on <= as_of):
        late = row.completed_on and row.due_date and row.completed_on > row.due_date
        return Outcome.DONE_LATE if late else Outcome.DONE_ON_TIME
    if row.status == Status.NOT_STARTED:
        return Outcome.NOT_STARTED
    return Outcome.IN_PROGRESS


def _due_by(due_date, due_dates, recurring: bool, as_of: dt.date) -> dt.date | None:
    """The date a task was due by `as_of`: for "Thường xuyên", the last report date so far."""
    if recurring and due_dates:
        passed = [d for d in due_dates if d <= as_of]
        return max(passed) if passed else None
    return due_date if due_date is not None and due_date <= as_of else None


def overdue_after(due_date: dt.date | None, due_dates: tuple, recurring: bool, as_of: dt.date,
                  closed: bool = False) -> tuple[dt.date | None, bool]:
    """The date an unfinished task is late since on `as_of` (None: not late), and whether only a
    task not started counts as late then (a recurring task before its last date of the year).

    The consolidation counts 3·10⁵ (agency, task) cells with this, worked out once per task.
    """
    due = _due_by(due_date, due_dates, recurring, as_of)
    if due is None or (due == as_of and not closed):
        return None, False
    return due, bool(recurring and due_date is not None and due < due_date)


def is_overdue_at(row: TaskRow, as_of: dt.date, closed: bool = False) -> bool:
    """Unfinished after its date; once the period has closed, a task due on its last day too.

    A recurring task ("Thường xuyên") is due at each report: before its last date of the year it
    is late only when nothing was started by the report; at its last date like any other task.
    """
    if row.due_date is None and not (row.recurring and row.due_dates):
        return False  # no date to be late after (_due_by): decided before the task's state
    state = outcome(row, as_of)
    if state not in (Outcome.IN_PROGRESS, Outcome.NOT_STARTED):
        return False
    due, unstarted_only = overdue_after(row.due_date, row.due_dates, row.recurring, as_of, closed)
    if due is None:
        return False
    return state == Outcome.NOT_STARTED if unstarted_only else True
