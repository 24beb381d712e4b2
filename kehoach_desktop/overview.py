"""Where things stand (issue 16): the agency's tasks of one plan counted per index and per area as
done / in progress / not started / overdue, with the overdue, due-soon and evidence-missing counts
and the next report. No Qt: the “Tổng quan” view and the PDF chart draw from these numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .deadlines import reporting_period_ends
from .model import Status, TaskRow
from .workspace import is_due_soon, is_overdue

# Each task falls in exactly one of these, in this order (an overdue task is not also "in progress").
STATES = ("done", "in_progress", "not_started", "overdue")
STATE_LABELS = {"done": "Hoàn thành", "in_progress": "Đang thực hiện", "not_started": "Chưa thực hiện",
                "overdue": "Quá hạn"}
PERIOD_NAMES = {3: "Quý I", 6: "6 tháng đầu năm", 9: "9 tháng đầu năm", 12: "cả năm"}


def state_of(row: TaskRow, today: dt.date) -> str:
    """"Không thực hiện được" counts as not done, but never as overdue (as in the status bar)."""
    if row.status == Status.DONE:
        return "done"
    if is_overdue(row, today):
        return "overdue"
    return "in_progress" if row.status == Status.IN_PROGRESS else "not_started"


@dataclass
class Bar:
    label: str
    level: int  # 0: an index, 1: an area within it
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Overview:
    bars: list[Bar]
    total: int
    done: int
    overdue: int
    due_soon: int
    evidence_missing: int  # completed tasks without any evidence record
    next_report: tuple[str, dt.date] | None  # the period's name and its closing date
    report_due: dict | None = None  # the next report owed by the plan's reporting calendar (issue 13)
    own_scores: tuple[float, float, int, int] | None = None  # self, max, scored, scorable (issue 12)

    @property
    def done_percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def mine(rows: list[TaskRow], plan_id: int | None) -> list[TaskRow]:
    return [row for row in rows if row.role and not row.removed and plan_id in (None, row.plan_id)]


def build_overview(rows: list[TaskRow], today: dt.date, plan_id: int | None = None,
                   plan_year: int | None = None) -> Overview:
    tasks = mine(rows, plan_id)
    bars: dict[tuple, Bar] = {}
    for row in tasks:
        state = state_of(row, today)
        index_key = (row.plan_id, row.index_name or row.index_kind)
        index_bar = bars.setdefault(index_key, Bar(row.index_name or row.index_kind, 0))
        index_bar.counts[state] += 1
        if row.area_title:
            area_label = f"{row.area_code}. {row.area_title}" if row.area_code else row.area_title
            bars.setdefault((*index_key, area_label), Bar(area_label, 1)).counts[state] += 1
    ordered = sorted(bars.items(), key=lambda item: (list(bars).index(item[0][:2]), len(item[0]) > 2))
    return Overview(
        bars=[bar for _, bar in ordered], total=len(tasks),
        done=sum(state_of(row, today) == "done" for row in tasks),
        overdue=sum(is_overdue(row, today) for row in tasks),
        due_soon=sum(is_due_soon(row, today) for row in tasks),
        evidence_missing=sum(row.status == Status.DONE and not row.evidence_count for row in tasks),
        next_report=next_report(today, plan_year),
    )


def next_report(today: dt.date, plan_year: int | None) -> tuple[str, dt.date] | None:
    """The next closing date of a progress report within the plan's year (none once it has ended)."""
    year = plan_year or today.year
    for end in reporting_period_ends(year):
        if end >= today:
            return PERIOD_NAMES[end.month], end
    return None

def own_scores(criteria) -> tuple[float, float, int, int] | None:
    """The self-scores of the criteria this agency may score, against their maximum (a lead department's view)."""
    mine = [item for item in criteria if item.scorable and item.may_score and not item.not_applicable]
    if not mine:
        return None
    scored = [item for item in mine if item.self_score is not None]
    return (sum(item.self_score for item in scored), sum(item.max_score or 0 for item in mine), len(scored), len(mine))


# --- loading the overview off the GUI thread (issue 16) ---

@dataclass
class OverviewLoad:
    overview: Overview
    plan_text: str  # the plan chosen, as labelled in the plan selector ("" for every plan)
    finished: bool  # the plan's year has ended
    has_plans: bool = True  # False on an empty data folder: nothing to count yet


def data_stamp(ws) -> tuple[int, int]:
    """Equal stamps on the window's connection: nothing was saved anywhere in between."""
    from .db import store

    return store.data_stamp(ws.db)


def load_overview(ws, rows: list[TaskRow], today: dt.date, plan_id: int | None) -> OverviewLoad:
    """Everything “Tổng quan” shows, read on the worker's own connection."""
    from .plans import is_finished, plan_label

    plans = {plan["id"]: plan for plan in ws.plans()}
    plan = plans.get(plan_id)
    year = plan["year"] if plan else None
    overview = build_overview(rows, today, plan_id, year)
    overview.report_due = _report_due(ws, plan, today, bool(plans))
    overview.own_scores = _own_scores(ws, plan)
    return OverviewLoad(overview, plan_label(plan) if plan else "", bool(plan) and is_finished(plan, today), bool(plans))


def _own_scores(ws, plan: dict | None):
    """A lead department's self-scores against the maximum (issue 12); nothing for a commune."""
    from .model import AgencyKind

    profile = ws.profile()
    if plan is None or profile is None or profile.kind == AgencyKind.XA:
        return None
    from .assessment import service as assessment  # loaded only for an agency that self-assesses

    loaded = assessment.load(ws, index_kind="PAR INDEX", plan_id=plan["id"], documents=False)
    return own_scores(loaded.criteria)


def _report_due(ws, plan: dict | None, today: dt.date, any_plan: bool) -> dict | None:
    """The next report the chosen plan's calendar owes and that is not issued yet (every plan when none is chosen)."""
    from .report import calendar

    if plan is None:
        return calendar.next_due(ws, today, within=366) if any_plan else None
    owed = [row for row in calendar.obligations(ws, plan["id"], today)
            if row["issued"] is None and row["days_left"] >= -31]
    return min(owed, key=lambda row: row["due"]) if owed else None
