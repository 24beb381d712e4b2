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


DONE, IN_PROGRESS, NOT_STARTED, NOT_FEASIBLE = (Status.DONE.value, Status.IN_PROGRESS.value,
                                               Status.NOT_STARTED.value, Status.NOT_FEASIBLE.value)
_COUNT_KEYS = {DONE: "done", IN_PROGRESS: "in_progress", NOT_STARTED: "not_started", NOT_FEASIBLE: "not_feasible"}


@dataclass
class Snapshot:
    period: ReportPeriod
    today: dt.date
    consolidates: str
    tasks: list[PlanTask]
    agencies: list[dict]  # roster rows in Vietnamese order
    assigned: dict[int, dict[int, str]]  # agency id → task id → role
    rows: dict[tuple[int, int], tuple[str | None, str | None]]  # (agency, task) → (status, completed_on)
    packages: dict[int, dict] = field(default_factory=dict)  # agency id → its latest package for the period
    any_package: set[int] = field(default_factory=set)  # agencies that sent anything at all
    _counts: dict | None = None
    _task_totals: dict | None = None

    def status(self, agency_id: int, task_id: int) -> str | None:
        """The agency's status of a task assigned to it; None when not assigned."""
        if task_id not in self.assigned.get(agency_id, ()):
            return None
        row = self.rows.get((agency_id, task_id))
        return row[0] if row and row[0] else NOT_STARTED

    def completed_on(self, agency_id: int, task_id: int) -> str | None:
        row = self.rows.get((agency_id, task_id))
        return row[1] if row else None

    def overdue_days(self, task: PlanTask, status: str | None) -> int:
        if status is None or status in CLOSED or task.due_date is None or task.due_date >= self.today:
            return 0
        return (self.today - task.due_date).days

    def counts(self, agency_id: int) -> dict:
        """Assigned by role, done on time / late, in progress, not started, not feasible, overdue."""
        if self._counts is None:
            self._count_all()
        return self._counts[agency_id]

    def task_totals(self, task_id: int) -> tuple[int, int]:
        if self._task_totals is None:
            self._count_all()
        return self._task_totals.get(task_id, (0, 0))

    def _count_all(self) -> None:
        """Every agency's and every task's counts in one pass over the assigned pairs."""
        tasks = {task.id: task for task in self.tasks}
        done_by_task = dict.fromkeys(tasks, 0)
        assigned_by_task = dict.fromkeys(tasks, 0)
        self._counts = {}
        for agency in self.agencies:
            agency_id = agency["id"]
            result = {"tasks": 0, "lead": 0, "implementing": 0, "cooperating": 0, "done": 0, "done_on_time": 0,
                      "done_late": 0, "in_progress": 0, "not_started": 0, "not_feasible": 0, "overdue": 0,
                      "overdue_days": 0}
            rows = self.rows
            for task_id, role in self.assigned.get(agency_id, {}).items():
                task = tasks.get(task_id)
                if task is None:
                    continue
                row = rows.get((agency_id, task_id))
                status = row[0] if row and row[0] else NOT_STARTED
                result["tasks"] += 1
                result[role] += 1
                result[_COUNT_KEYS[status]] += 1
                assigned_by_task[task_id] += 1
                if status == DONE:
                    done_by_task[task_id] += 1
                    completed = row[1] if row else None
                    late = task.due_date and completed and dt.date.fromisoformat(completed) > task.due_date
                    result["done_late" if late else "done_on_time"] += 1
                elif status != NOT_FEASIBLE and task.due_date is not None and task.due_date < self.today:
                    result["overdue"] += 1
                    result["overdue_days"] = max(result["overdue_days"], (self.today - task.due_date).days)
            self._counts[agency_id] = result
        self._task_totals = {task_id: (done_by_task[task_id], assigned_by_task[task_id]) for task_id in tasks}

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
    rows: dict[tuple[int, int], tuple] = {}
    package_roles: dict[int, dict[int, str]] = defaultdict(dict)
    scope = {task.id for task in tasks}
    for agency_id, task_id, role, status, completed_on in cstore.agency_task_states(db):
        if task_id not in scope:
            continue
        rows[(agency_id, task_id)] = (status, completed_on)
        if role:
            package_roles[agency_id][task_id] = role
    assigned = {}
    for agency in agencies:
        # Once an agency has reported, its own roles (its overrides included) are what it reports on.
        assigned[agency["id"]] = (package_roles.get(agency["id"], {}) if agency["id"] in reported
                                  else matched_roles(agency, tasks))
    return Snapshot(period, today, consolidates, tasks, agencies, assigned, rows, packages, reported)


def agency_texts(workspace) -> dict[tuple[int, int], dict]:
    """(agency, task) → the result, difficulties and proposals it reported (for the report)."""
    return {(row["agency_id"], row["task_id"]): row for row in cstore.agency_texts(workspace.db)}


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
        done, assigned = snapshot.task_totals(task.id)
        tasks.append({"id": task.id, "code": task.code, "content": task.content, "agencies": assigned,
                      "done": done})
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
        if not snapshot.counts(agency["id"])["overdue"]:
            continue
        for task in snapshot.tasks:
            days = snapshot.overdue_days(task, snapshot.status(agency["id"], task.id))
            if days:
                items.append({"task_id": task.id, "code": task.code, "content": task.content, "days": days,
                              "due_date": task.due_date.isoformat()})
        if items:
            overdue.append({"agency": agency["name"], "agency_id": agency["id"], "tasks": items})
    silent = [agency["name"] for agency in snapshot.agencies if agency["id"] not in snapshot.any_package]
    started = {task_id for (agency_id, task_id), (status, _) in snapshot.rows.items()
               if status and status != NOT_STARTED and task_id in snapshot.assigned.get(agency_id, ())}
    untouched = []
    for task in snapshot.tasks:
        assigned = snapshot.task_totals(task.id)[1]
        if assigned and task.id not in started:
            untouched.append({"task_id": task.id, "code": task.code, "content": task.content, "agencies": assigned})
    return {"overdue": overdue, "not_reported": silent, "not_started": untouched}


def task_counts(snapshot: Snapshot, task: PlanTask) -> tuple[int, int]:
    """(done, assigned) agencies of one task: "x/y đơn vị hoàn thành"."""
    return snapshot.task_totals(task.id)


def index_name(task: PlanTask) -> str:
    return task.index_kind if task.index_kind != "Khác" else task.index_name


def by_area(tasks: list[PlanTask]) -> list[tuple[str, list[tuple[str, list[PlanTask]]]]]:
    """[(index, [(area, tasks)])] in annex order."""
    indices: dict[str, dict[str, list[PlanTask]]] = {}
    for task in tasks:
        indices.setdefault(index_name(task), {}).setdefault(task.area, []).append(task)
    return [(index, list(areas.items())) for index, areas in indices.items()]


def area_counts(snapshot: Snapshot) -> list[dict]:
    """Per index and per area: tasks, agencies' assignments, done, overdue (the matrix's counts, summed)."""
    result = []
    for index, areas in by_area(snapshot.tasks):
        rows = []
        for area, tasks in areas:
            ids = {task.id for task in tasks}
            done = sum(snapshot.task_totals(i)[0] for i in ids)
            assigned = sum(snapshot.task_totals(i)[1] for i in ids)
            overdue = sum(1 for agency in snapshot.agencies for task in tasks
                          if snapshot.overdue_days(task, snapshot.status(agency["id"], task.id)))
            rows.append({"area": area, "tasks": len(tasks), "assigned": assigned, "done": done, "overdue": overdue})
        result.append({"index": index, "tasks": sum(r["tasks"] for r in rows),
                       "assigned": sum(r["assigned"] for r in rows), "done": sum(r["done"] for r in rows),
                       "overdue": sum(r["overdue"] for r in rows), "areas": rows})
    return result


ROLE_NAMES = {role.value: role.label for role in Role}
