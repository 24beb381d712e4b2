"""The reporting calendar (issue 13): per plan, the reports owed — kind, period, due date, recipient.

Defaults: one report per period of the plan's year that ends after the plan was issued, due on
the period's last day, to the plan's default addressee. Editable (Bắc Kạn: "trước ngày 12 tháng
cuối quý"; Cao Bằng: one report "trước ngày 30/11/2025"); an edit stores the whole calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..db import store, transaction
from ..errors import InvalidInputError, NotFoundError
from ..text import clean_cell, format_date
from .content import default_addressees
from .periods import PERIOD_KINDS, ReportPeriod

if TYPE_CHECKING:
    from ..workspace import Workspace

REMIND_DAYS = 14
SHORT_NAMES = {"q1": "Báo cáo quý I", "h1": "Báo cáo 6 tháng", "q3": "Báo cáo 9 tháng", "year": "Báo cáo năm"}


def _plan(ws: "Workspace", plan_id: int | None) -> dict:
    from .service import choose_plan

    return choose_plan(ws, plan_id)


def _defaults(ws: "Workspace", plan: dict) -> list[dict]:
    year = plan.get("year") or (int(plan["date"][:4]) if plan.get("date") else dt.date.today().year)
    issued = dt.date.fromisoformat(plan["date"]) if plan.get("date") else None
    recipient = "; ".join(default_addressees(plan, ws.profile()))
    rows = []
    for kind in ("q1", "h1", "q3", "year"):
        period = ReportPeriod.of(kind, year)
        if issued is not None and period.end < issued:
            continue  # a period that ended before the plan: nothing owed
        rows.append({"plan_id": plan["id"], "period": kind, "year": year, "start_date": period.start.isoformat(),
                     "end_date": period.end.isoformat(), "due_date": period.end.isoformat(), "recipient": recipient})
    return rows


def _stored_or_defaults(ws: "Workspace", plan: dict) -> list[dict]:
    rows = store.list_obligations(ws.db, plan["id"])
    return [dict(row) for row in rows] if rows else _defaults(ws, plan)


def _issued_by_period(ws: "Workspace", plan_id: int) -> dict[tuple, dict]:
    """(period, start, end) → the first report issued for it: one read per plan, not per report owed."""
    found: dict[tuple, dict] = {}
    for issued in store.list_issued_numbers(ws.db, plan_id):
        found.setdefault((issued["period"], issued["start_date"], issued["end_date"]),
                         {"number": issued["number"], "date": issued["signed_on"]})
    return found


def obligation_name(row: dict) -> str:
    if row["period"] == "custom":
        return (f"Báo cáo từ {format_date(row['start_date'])} đến {format_date(row['end_date'])}")
    return SHORT_NAMES[row["period"]]


def obligations(ws: "Workspace", plan_id: int | None = None, today: dt.date | None = None) -> list[dict]:
    """The plan's reports owed (stored or default), each with `due`, `issued` and the days left."""
    today = today or dt.date.today()
    plan = _plan(ws, plan_id)
    issued = _issued_by_period(ws, plan["id"])
    out = []
    for row in sorted(_stored_or_defaults(ws, plan), key=lambda r: (r["due_date"], r["end_date"])):
        due = dt.date.fromisoformat(row["due_date"])
        out.append({
            "plan_id": plan["id"], "kind": row["period"], "name": obligation_name(row), "year": row["year"],
            "start": row["start_date"], "end": row["end_date"], "due": row["due_date"],
            "recipient": row["recipient"], "issued": issued.get((row["period"], row["start_date"], row["end_date"])), "days_left": (due - today).days,
        })
    return out


def _save(ws: "Workspace", plan: dict, rows: list[dict]) -> None:
    with transaction(ws.db):
        store.replace_obligations(ws.db, plan["id"], rows)


def set_obligation(ws: "Workspace", plan_id: int | None, kind: str, due: dt.date, *, recipient: str | None = None,
                   start: dt.date | None = None, end: dt.date | None = None, year: int | None = None) -> list[dict]:
    """Add or change one report owed; the other reports of the calendar are kept."""
    return set_obligations(ws, plan_id, [dict(kind=kind, due=due, recipient=recipient, start=start, end=end, year=year)])


def set_obligations(ws: "Workspace", plan_id: int | None, items: list[dict]) -> list[dict]:
    """Several reports owed changed at once (the calendar dialog): one transaction, or nothing."""
    plan = _plan(ws, plan_id)
    rows = _stored_or_defaults(ws, plan)
    for item in items:
        rows = _with(ws, plan, rows, **item)
    _save(ws, plan, rows)
    return obligations(ws, plan["id"])


def _with(ws, plan: dict, rows: list[dict], *, kind: str, due: dt.date, recipient: str | None = None,
          start: dt.date | None = None, end: dt.date | None = None, year: int | None = None) -> list[dict]:
    if kind not in PERIOD_KINDS:
        raise InvalidInputError(f"Kỳ báo cáo “{kind}” không hợp lệ; chọn một trong: {', '.join(PERIOD_KINDS)}.")
    year = year or plan.get("year") or due.year
    period = ReportPeriod.of(kind, year, start, end)
    if due < period.start:
        raise InvalidInputError(f"Hạn gửi {format_date(due)} đứng trước kỳ báo cáo {period.label}.")
    key = (kind, period.start.isoformat(), period.end.isoformat())
    previous = next((row["recipient"] for row in rows if (row["period"], row["start_date"], row["end_date"]) == key), "")
    kept = [row for row in rows if (row["period"], row["start_date"], row["end_date"]) != key]
    kept.append({"plan_id": plan["id"], "period": kind, "year": year, "start_date": period.start.isoformat(),
                 "end_date": period.end.isoformat(), "due_date": due.isoformat(),
                 "recipient": clean_cell(recipient) if recipient is not None else previous or
                 "; ".join(default_addressees(plan, ws.profile()))})
    return kept


def remove_obligation(ws: "Workspace", plan_id: int | None, kind: str) -> list[dict]:
    plan = _plan(ws, plan_id)
    rows = _stored_or_defaults(ws, plan)
    kept = [row for row in rows if row["period"] != kind]
    if len(kept) == len(rows):
        raise NotFoundError(f"Lịch báo cáo của kế hoạch không có kỳ “{kind}”.")
    _save(ws, plan, kept)
    return obligations(ws, plan["id"])


def set_due_day(ws: "Workspace", plan_id: int | None, day: int) -> list[dict]:
    """"Trước ngày 12 tháng cuối quý": every report of a fixed period due that day of its last month."""
    if not 1 <= day <= 28:
        raise InvalidInputError("Ngày hạn gửi trong tháng cuối kỳ phải từ 1 đến 28.")
    plan = _plan(ws, plan_id)
    rows = _stored_or_defaults(ws, plan)
    for row in rows:
        if row["period"] != "custom":
            row["due_date"] = dt.date.fromisoformat(row["end_date"]).replace(day=day).isoformat()
    _save(ws, plan, rows)
    return obligations(ws, plan["id"])


def next_due(ws: "Workspace", today: dt.date | None = None, within: int = REMIND_DAYS) -> dict | None:
    """The next report due within `within` days (or overdue) and not yet issued, over every plan."""
    today = today or dt.date.today()
    found = []
    for plan in ws.plans():
        for row in obligations(ws, plan["id"], today):
            if row["issued"] is None and row["days_left"] <= within:
                if row["days_left"] >= -31:  # a report more than a month late is no longer a reminder
                    found.append(row)
    return min(found, key=lambda r: r["due"]) if found else None


def reminder_text(row: dict) -> str:
    """"Báo cáo 6 tháng gửi UBND tỉnh (qua Sở Nội vụ): còn 9 ngày"."""
    days = row["days_left"]
    when = "hạn hôm nay" if days == 0 else f"còn {days} ngày" if days > 0 else f"đã quá hạn {-days} ngày"
    to = f" gửi {row['recipient']}" if row["recipient"] else ""
    return f"{row['name']}{to}: {when}"
