"""Filtering the task list the way the window's filters and search box do (no Qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Role, Status, TaskRow
from .text import fold
from .workspace import is_due_soon, is_overdue

MINE_ANY = "mine"
ALL = "all"


@dataclass
class TaskFilter:
    scope: str = MINE_ANY  # "all", "mine", or a Role value ("lead", "implementing", "cooperating")
    status: Status | None = None
    overdue_only: bool = False
    query: str = ""
    show_removed: bool = False
    plan_id: int | None = None  # issue 16: the plan chosen in the plan selector; None for every plan
    only: str | None = None  # issue 16, from the overview's links: "due_soon" or "no_evidence"

    def accepts(self, row: TaskRow, today: dt.date) -> bool:
        if row.removed and not self.show_removed:
            return False
        if self.plan_id is not None and row.plan_id != self.plan_id:
            return False
        if self.scope == MINE_ANY and row.role is None:
            return False
        if self.scope not in (MINE_ANY, ALL) and (row.role is None or row.role != Role(self.scope)):
            return False
        if self.status is not None and row.status != self.status:
            return False
        if self.overdue_only and not is_overdue(row, today):
            return False
        if self.only == "due_soon" and not is_due_soon(row, today):
            return False
        if self.only == "no_evidence" and (row.status != Status.DONE or row.evidence_count):
            return False
        return self.matches_query(row)

    def matches_query(self, row: TaskRow) -> bool:
        """Every word of the query appears in the task, ignoring case and diacritics (đ = d)."""
        words = fold(self.query).split()
        if not words:
            return True
        haystack = search_text(row)
        return all(word in haystack for word in words)


def search_text(row: TaskRow) -> str:
    parts = [row.code, row.criterion, row.content, row.deadline_text, row.area_title, row.result,
             *row.lead, *row.implementing, *row.cooperating]
    return fold(" ".join(parts))


def apply_filter(rows: list[TaskRow], task_filter: TaskFilter, today: dt.date | None = None) -> list[TaskRow]:
    today = today or dt.date.today()
    return [row for row in rows if task_filter.accepts(row, today)]
