"""What the consolidator sees: the register of reports per period, the matrix of tasks ×
agencies, one agency's task, and the lists to act on; all from one read of the data."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..db import consolidation_store as cstore
from ..errors import NotFoundError
from ..model import Role, Status
from ..report.periods import ReportPeriod
from . import vietnamese_key
from .roster import PlanTask, get_consolidates, matched_roles, scope_tasks

REPORT_DUE_DAY = 12  # agencies report to Sở Nội vụ by the 12th of the period's last month (see DOMAIN.md)
FIXED_PERIODS = ("q1", "h1", "q3", "year")
CLOSED = (Status.DONE.value, Status.NOT_FEASIBLE.value)

SUBMITTED, LATE, MISSING, NOT_YET = "đã nộp", "nộp muộn", "chưa nộp", "chưa đến hạn"


def default_period(plan_years: list[int], today: dt.date) -> ReportPeriod:
    """The latest period of the plan's year that has begun."""
    year = max((y for y in plan_years if y), default=today.year)
    if today.year > year:
        return ReportPeriod.of("year", year)
    if today.year < year:
        return ReportPeriod.of("q1", year)
    kind = FIXED_PERIODS[min((today.month - 1) // 3, 3)]
    return ReportPeriod.of(kind, year)


def due_date(period: ReportPeriod) -> dt.date:
    return period.end.replace(day=REPORT_DUE_DAY)


@dataclass
class Snapshot:
    period: ReportPeriod
    today: dt.date
    consolidates: str
    tasks: list[PlanTask]
    agencies: list[dict]  # roster rows in Vietnamese order
    assigned: dict[int, dict[int, str]]  # agency id → task id → role
    rows: dict[tuple[int, int], dict]  # (agency id, task id) → what the agency reported
    packages: dict[int, dict] = field(default_factory=dict)  # agency id → its latest package for the period
    any_package: set[int] = field(default_factory=set)  # agencies that sent anything at all

    def status(self, agency_id: int, task_id: int) -> str | None:
        """The agency's status of a task assigned to it; None when not assigned."""
        if task_id not in self.assigned.get(agency_id, {}):
            return None
        row = self.rows.get((agency_id, task_id))
        return row["status"] if row and row["status"] else Status.NOT_STARTED.value

    def overdue_days(self, task: PlanTask, status: str | None) -> int:
        if status is None or status in CLOSED or task.due_date is None or task.due_date >= self.today:
            return 0
        return (self.today - task.due_date).days

    def counts(self, agency_id: int) -> dict:
        """Assigned by role, done on time / late, in progress, not started, not feasible, overdue."""
        result = {"tasks": 0, "lead": 0, "implementing": 0, "cooperating": 0, "done": 0, "done_on_time": 0,
                  "done_late": 0, "in_progress": 0, "not_started": 0, "not_feasible": 0, "overdue": 0,
                  "overdue_days": 0}
        keys = {Status.DONE.value: "done", Status.IN_PROGRESS.value: "in_progress",
                Status.NOT_STARTED.value: "not_started", Status.NOT_FEASIBLE.value: "not_feasible"}
        for task in self.tasks:
            role = self.assigned.get(agency_id, {}).get(task.id)
            if role is None:
                continue
            status = self.status(agency_id, task.id)
            result["tasks"] += 1
            result[role] += 1
            result[keys[status]] += 1
            if status == Status.DONE.value:
                completed = (self.rows.get((agency_id, task.id)) or {}).get("completed_on")
                late = task.due_date and completed and dt.date.fromisoformat(completed) > task.due_date
                result["done_late" if late else "done_on_time"] += 1
            days = self.overdue_days(task, status)
            if days:
                result["overdue"] += 1
                result["overdue_days"] = max(result["overdue_days"], days)
        return result

    def register_row(self, agency: dict) -> dict:
        package = self.packages.get(agency["id"])
        due = due_date(self.period)
        if package is None:
            state = MISSING if self.today > due else NOT_YET
        else:
            sent = dt.datetime.fromisoformat(package["created_at"]).date()
            state = LATE if sent > due else SUBMITTED
        return {"id": agency["id"], "name": agency["name"], "kind": agency["kind"], "code": agency["code"],
                "contact": agency["contact"], "state": state, "due": due.isoformat(),
                "received_at": package["received_at"] if package else None,
                "created_at": package["created_at"] if package else None,
                "period": {"code": package["period_code"], "year": package["period_year"]} if package else None,
                "file_name": package["file_name"] if package else None}


def load(workspace, period: ReportPeriod | None = None, today: dt.date | None = None) -> Snapshot:
    today = today or dt.date.today()
    consolidates = get_consolidates(workspace)
    tasks = scope_tasks(workspace, consolidates)
    if period is None:
        period = default_period([task.plan_year for task in tasks] or
                                [plan["year"] for plan in workspace.plans()], today)
    db = workspace.db
    agencies = sorted(cstore.list_roster(db), key=lambda row: vietnamese_key(row["name"]))
    received = cstore.list_received(db)
    reported = {row["agency_id"] for row in received}
    packages = {}
    for row in received:  # oldest first: the latest package of the period wins
        if row["period_code"] == period.kind and row["period_year"] == period.year:
            packages[row["agency_id"]] = row
    rows: dict[tuple[int, int], dict] = {}
    package_roles: dict[int, dict[int, str]] = defaultdict(dict)
    scope = {task.id for task in tasks}
    for row in cstore.all_agency_tasks(db):
        if row["task_id"] not in scope:
            continue
        rows[(row["agency_id"], row["task_id"])] = row
        if row["role"]:
            package_roles[row["agency_id"]][row["task_id"]] = row["role"]
    assigned = {}
    for agency in agencies:
        # Once an agency has reported, its own roles (its overrides included) are what it reports on.
        assigned[agency["id"]] = (package_roles.get(agency["id"], {}) if agency["id"] in reported
                                  else matched_roles(agency, tasks))
    return Snapshot(period, today, consolidates, tasks, agencies, assigned, rows, packages, reported)


def period_of(kind: str | None, year: int | None, workspace, today: dt.date | None = None) -> ReportPeriod | None:
    if kind is None:
        return ReportPeriod.of("year", year) if year else None
    return ReportPeriod.of(kind, year or (today or dt.date.today()).year)


def overview_json(snapshot: Snapshot) -> dict:
    """The shape `kehoach overview --json` prints (issue 11)."""
    agencies = []
    for agency in snapshot.agencies:
        counts = snapshot.counts(agency["id"])
        reg = snapshot.register_row(agency)
        agencies.append({"name": agency["name"], "kind": agency["kind"], "code": agency["code"],
                         "received_at": reg["received_at"], "period": reg["period"],
                         **{key: counts[key] for key in ("tasks", "done", "in_progress", "not_started",
                                                          "not_feasible", "overdue")}})
    tasks = []
    for task in snapshot.tasks:
        statuses = [snapshot.status(agency["id"], task.id) for agency in snapshot.agencies]
        assigned = [status for status in statuses if status is not None]
        tasks.append({"id": task.id, "code": task.code, "content": task.content, "agencies": len(assigned),
                      "done": sum(status == Status.DONE.value for status in assigned)})
    return {"agencies": agencies, "tasks": tasks}


def register(snapshot: Snapshot, state: str | None = None) -> list[dict]:
    """Each rostered agency and its report for the period; `state` filters (chưa nộp, nộp muộn)."""
    rows = [snapshot.register_row(agency) for agency in snapshot.agencies]
    return [row for row in rows if state is None or row["state"] == state]


def agency_task(workspace, agency_id: int, task_id: int) -> dict:
    """One agency's task: its result, percent, evidence (files openable), difficulties, proposals."""
    db = workspace.db
    agency = cstore.get_agency(db, agency_id)
    if agency is None:
        raise NotFoundError(f"Không có đơn vị số {agency_id} trong danh sách.")
    row = cstore.get_agency_task(db, agency_id, task_id) or {}
    evidence = cstore.agency_evidence(db, agency_id, task_id)
    for item in evidence:
        item["file_status"] = (workspace.evidence.quick_status(item["file_sha256"], item["file_size"])
                               if item["file_sha256"] else "")
    return {"agency": agency, "task_id": task_id, "role": row.get("role"),
            "status": row.get("status") or Status.NOT_STARTED.value, "percent": row.get("percent") or 0,
            "result": row.get("result") or "", "completed_on": row.get("completed_on"),
            "difficulties": row.get("difficulties") or "", "proposals": row.get("proposals") or "",
            "updated_at": row.get("updated_at"), "evidence": evidence}


def evidence_copy_to_open(workspace, evidence_id: int):
    """A private copy of a received evidence file, checked against its SHA-256, to open."""
    row = cstore.get_agency_evidence(workspace.db, evidence_id)
    if row is None or not row["file_sha256"]:
        raise NotFoundError("Tài liệu này không có tệp đính kèm.")
    return workspace.evidence.open_copy(row["file_sha256"], row["file_name"] or "tai-lieu", workspace.data_dir / "tmp")


def action_lists(snapshot: Snapshot) -> dict:
    """Overdue tasks by agency, agencies with nothing reported, tasks no agency has started."""
    overdue = []
    for agency in snapshot.agencies:
        items = []
        for task in snapshot.tasks:
            days = snapshot.overdue_days(task, snapshot.status(agency["id"], task.id))
            if days:
                items.append({"task_id": task.id, "code": task.code, "content": task.content, "days": days,
                              "due_date": task.due_date.isoformat()})
        if items:
            overdue.append({"agency": agency["name"], "agency_id": agency["id"], "tasks": items})
    silent = [agency["name"] for agency in snapshot.agencies if agency["id"] not in snapshot.any_package]
    untouched = []
    for task in snapshot.tasks:
        statuses = [snapshot.status(agency["id"], task.id) for agency in snapshot.agencies]
        assigned = [s for s in statuses if s is not None]
        if assigned and all(s == Status.NOT_STARTED.value for s in assigned):
            untouched.append({"task_id": task.id, "code": task.code, "content": task.content,
                              "agencies": len(assigned)})
    return {"overdue": overdue, "not_reported": silent, "not_started": untouched}


def task_counts(snapshot: Snapshot, task: PlanTask) -> tuple[int, int]:
    """(done, assigned) agencies of one task: "x/y đơn vị hoàn thành"."""
    statuses = [snapshot.status(agency["id"], task.id) for agency in snapshot.agencies]
    assigned = [s for s in statuses if s is not None]
    return sum(s == Status.DONE.value for s in assigned), len(assigned)


ROLE_NAMES = {role.value: role.label for role in Role}
