"""Filtering the task list the way the window's filters and search box do (no Qt)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from .model import Role, Status, TaskRow
from .text import fold
from .workspace import Counts, is_due_soon, is_overdue

MINE_ANY = "mine"
ALL = "all"


@dataclass
class TaskFilter:
    """What the tree shows: scope, status, overdue only and the search words."""
    scope: str = MINE_ANY  # "all", "mine", or a Role value ("lead", "implementing", "cooperating")
    status: Status | None = None
    overdue_only: bool = False
    query: str = ""
    show_removed: bool = False
    plan_id: int | None = None  # issue 16: the plan chosen in the plan selector; None for every plan
    only: str | None = None  # issue 16, from the overview's links: "due_soon" or "no_evidence"

    def accepts(self, row: TaskRow, today: dt.date) -> bool:
        text = None if self.words() else ""  # no words: the folded text is not needed
        return bool(self.select(*split_key(filter_key(row, today, text))))

    # --- one pass over precomputed keys (issue 17) -------------------------------------------
    # Every condition above is a position of the task's key (`filter_key`: fixed characters, the
    # plan, then the folded search text), so a filter is one regular expression over the keys'
    # prefixes, and `select` adds the words as plain substring tests of the texts.

    def prefix_pattern(self) -> str:
        removed = "[rk]" if self.show_removed else "k"
        if self.scope == MINE_ANY:
            role = "[lic]"
        elif self.scope == ALL:
            role = "."
        else:
            role = _ROLE_CHARS[Role(self.scope)]
        status = _STATUS_CHARS[self.status] if self.status is not None else "."
        overdue = "o" if self.overdue_only else "."
        soon = "s" if self.only == "due_soon" else "."
        no_evidence = "e" if self.only == "no_evidence" else "."
        plan = str(int(self.plan_id)) if self.plan_id is not None else r"\d+"
        return f"^{removed}{role}{status}{overdue}{soon}{no_evidence}.{plan}\\|"

    def words(self) -> list[str]:
        return fold(self.query).split()

    def select(self, prefixes: list[str], texts: list[str], among: list[int] | None = None) -> list[int]:
        """The positions of the keys (split by split_key) this filter accepts; only those `among`
        when given (the positions a filter this one narrows accepted: see `narrows`)."""
        prefix = _compile(self.prefix_pattern()).match
        passes = {value: prefix(value) is not None for value in set(prefixes)}  # a few hundred at most
        if among is None:  # compress: the loop over 20,000 prefixes runs in C
            chosen = list(compress(range(len(prefixes)), map(passes.__getitem__, prefixes)))
        else:
            chosen = [n for n in among if passes[prefixes[n]]]
        for word in self.words():  # each word narrows the list: plain substring tests
            chosen = [n for n in chosen if word in texts[n]]
        return chosen

    def narrows(self, prefix_pattern: str, words: list[str]) -> bool:
        """Every task this filter accepts, the filter of that prefix pattern and those words accepts
        too (the same conditions, each of its words inside one of these): typing one more letter."""
        mine = self.words()
        return self.prefix_pattern() == prefix_pattern and all(any(old in word for word in mine) for old in words)


_ROLE_CHARS = {Role.LEAD: "l", Role.IMPLEMENTING: "i", Role.COOPERATING: "c"}
_STATUS_CHARS = {Status.NOT_STARTED: "n", Status.IN_PROGRESS: "p", Status.DONE: "d", Status.NOT_FEASIBLE: "x"}


@functools.lru_cache(maxsize=64)
def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def filter_key(row: TaskRow, today: dt.date, text: str | None = None, overdue: bool | None = None,
               due_soon: bool | None = None) -> str:
    """What every filter asks of a task, as one string: removed, role, status, overdue, due soon,
    done without evidence, conditional role (one character each), the plan's id, '|', then the
    folded search text. `overdue`, `due_soon`: is_overdue and is_due_soon at `today`, when the
    caller worked them out already (the tree's build, issue 17)."""
    if overdue is None:
        overdue = is_overdue(row, today)
    if due_soon is None:
        due_soon = is_due_soon(row, today)
    return "".join((
        "r" if row.removed else "k",
        _ROLE_CHARS[row.role] if row.role is not None else "-",
        _STATUS_CHARS[row.status],
        "o" if overdue else "-",
        "s" if due_soon else "-",
        "e" if row.status == Status.DONE and not row.evidence_count else "-",
        "c" if row.conditional else "-",
        str(int(row.plan_id or 0)), "|",
        search_text(row) if text is None else text,
    ))


def split_key(key: str) -> tuple[list[str], list[str]]:
    """A key as ([its prefix up to '|'], [its text]): the shape `TaskFilter.select` takes."""
    prefix, _, text = key.partition("|")
    return [prefix + "|"], [text]


def search_text(row: TaskRow) -> str:
    parts = [row.code, row.criterion, row.content, row.deadline_text, row.area_title, row.result,
             *row.lead, *row.implementing, *row.cooperating]
    return fold(" ".join(parts))


def apply_filter(rows: list[TaskRow], task_filter: TaskFilter, today: dt.date | None = None) -> list[TaskRow]:
    """The rows the filter accepts, one `accepts` at a time: the plain statement of the rule, which
    the tests hold the tree's one-pass `TaskFilter.select` to (the program itself uses select)."""
    today = today or dt.date.today()
    return [row for row in rows if task_filter.accepts(row, today)]


# --- start-up (issue 17) ---

def counts_by_plan(rows: list[TaskRow], prefixes: list[str]) -> dict:
    """plan id → count_tasks of that plan's rows, read off their keys' prefixes (split_key, in the
    rows' order): removed, role, status, overdue and due soon are the keys' first characters, so a
    plan's few hundred distinct prefixes are tallied instead of each task being asked again."""
    figures: dict = {}
    for (plan_id, prefix), number in Counter(zip(map(attrgetter("plan_id"), rows), prefixes)).items():
        counts = figures.setdefault(plan_id, [0, 0, 0, 0, 0])  # total, mine, done, overdue, due soon
        if prefix[0] != "k":  # removed from the plan: not counted
            continue
        counts[0] += number
        if prefix[1] != "-":  # the agency's task
            counts[1] += number
            counts[2] += number if prefix[2] == _STATUS_CHARS[Status.DONE] else 0
            counts[3] += number if prefix[3] == "o" else 0
            counts[4] += number if prefix[4] == "s" else 0
    return {plan_id: Counts(*counts) for plan_id, counts in figures.items()}
