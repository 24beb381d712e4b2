"""What the consolidator sees: the register of reports per period, the matrix of tasks ×
agencies, one agency's task, and the lists to act on; all from one read of the data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..db import consolidation_store as cstore
from ..errors import NotFoundError
from ..model import Role, Status
from ..outcomes import overdue_after
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
    """What the consolidator sees for one period, read in one pass (see _count)."""

    period: ReportPeriod
    today: dt.date
    consolidates: str
    tasks: list[PlanTask]
    agencies: list[dict]  # roster rows in Vietnamese order
    matched: dict[int, dict[int, str]]  # agencies that sent nothing: task id → role by the annex
    packages: dict[int, dict] = field(default_factory=dict)  # agency id → its latest package for the period
    any_package: set[int] = field(default_factory=set)  # agencies that sent anything at all
    closed: bool = False  # `today` is the last day of an ended period (see load)
    _counts: dict = field(default_factory=dict)
    _task_totals: dict = field(default_factory=dict)  # task id → [done, assigned]
    _kind_totals: dict = field(default_factory=dict)  # (task id, kind) → [done, assigned]
    _task_overdue: dict = field(default_factory=dict)  # task id → agencies overdue on it
    _cells: dict = field(default_factory=dict)  # agency id → {task id: (role, status, completed_on)}

    def _agency_cells(self, agency_id: int) -> dict:
        return self._cells.get(agency_id, {})

    def roles(self, agency_id: int) -> dict[int, str]:
        """task id → the agency's role: its own (from its package) once it reported, else the annex's."""
        if agency_id in self.matched:
            return self.matched[agency_id]
        return {task_id: cell[0] for task_id, cell in self._agency_cells(agency_id).items() if cell[0]}

    def status(self, agency_id: int, task_id: int) -> str | None:
        """The agency's status of a task assigned to it; None when not assigned."""
        if agency_id in self.matched:
            return NOT_STARTED if task_id in self.matched[agency_id] else None
        cell = self._agency_cells(agency_id).get(task_id)
        if cell is None or not cell[0]:
            return None
        return cell[1] or NOT_STARTED

    def completed_on(self, agency_id: int, task_id: int) -> str | None:
        if agency_id in self.matched:
            return None
        cell = self._agency_cells(agency_id).get(task_id)
        return cell[2] if cell else None

    def overdue_days(self, task: PlanTask, status: str | None) -> int:
        """Days late today by the agency report's own rule (outcomes.overdue_after); 0 if not late."""
        if status is None or status in CLOSED:
            return 0
        due, unstarted_only = overdue_after(task.due_date, task.due_dates, task.recurring, self.today, self.closed)
        if due is None or (unstarted_only and status != NOT_STARTED):
            return 0
        return max((self.today - due).days, 1)  # due on a closed period's last day: late all the same

    def counts(self, agency_id: int) -> dict:
        """Assigned by role, done on time / late, in progress, not started, not feasible, overdue."""
        return self._counts[agency_id]

    def task_totals(self, task_id: int) -> tuple[int, int]:
        return tuple(self._task_totals.get(task_id, (0, 0)))

    def kind_totals(self, task_id: int, kind: str) -> tuple[int, int]:
        return tuple(self._kind_totals.get((task_id, kind), (0, 0)))

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


def _empty_counts() -> dict:
    return {"tasks": 0, "lead": 0, "implementing": 0, "cooperating": 0, "done": 0, "done_on_time": 0,
            "done_late": 0, "in_progress": 0, "not_started": 0, "not_feasible": 0, "overdue": 0, "overdue_days": 0}


def load(workspace, period: ReportPeriod | None = None, today: dt.date | None = None,
         closed: bool = False, at_period_end: bool = False) -> Snapshot:
    """`closed`: `today` is the end of a period that has ended, so a task due that very day and
    not done is late, as the agency report counts it (outcomes.is_overdue_at).
    `at_period_end`: a period that ended before `today` is counted as it stood at its end, closed
    (what a report of that period states)."""
    today = today or dt.date.today()
    consolidates = get_consolidates(workspace)
    tasks = scope_tasks(workspace, consolidates)
    if period is None:
        period = default_period([task.plan_year for task in tasks] or
                                [plan["year"] for plan in workspace.plans()], today)
    if at_period_end and period.end < today:
        today, closed = period.end, True
    db = workspace.db
    agencies = sorted(cstore.list_roster(db), key=lambda row: vietnamese_key(row["name"]))
    received = cstore.list_received(db)
    reported = {row["agency_id"] for row in received}
    packages = {}
    for row in received:  # oldest first: the latest package of the period wins
        if row["period_code"] == period.kind and row["period_year"] == period.year:
            packages[row["agency_id"]] = row
    # Once an agency has reported, its own roles (its overrides included) are what it reports on.
    matched = {agency["id"]: matched_roles(agency, tasks) for agency in agencies if agency["id"] not in reported}
    snap = Snapshot(period, today, consolidates, tasks, agencies, matched, packages, reported, closed=closed)
    _count(snap, db)
    return snap


def _count(snap: Snapshot, db) -> None:
    """Per agency, per task and per (task, kind of agency), in one pass over what the agencies
    reported (3·10⁵ plain tuples), then the annex's roles for those that sent nothing."""
    today = snap.today
    tasks = {task.id: task for task in snap.tasks}
    overdue_since, unstarted_only = {}, set()  # task id → days late; late only if not started
    for task in snap.tasks:
        since, only_unstarted = overdue_after(task.due_date, task.due_dates, task.recurring, today, snap.closed)
        if since is not None:
            overdue_since[task.id] = max((today - since).days, 1)
            if only_unstarted:
                unstarted_only.add(task.id)
    due = {task.id: task.due_date.isoformat() for task in snap.tasks if task.due_date is not None}
    kinds = {agency["id"]: agency["kind"] for agency in snap.agencies}
    counts = {agency["id"]: _empty_counts() for agency in snap.agencies}
    task_totals = {task_id: [0, 0] for task_id in tasks}
    task_overdue = dict.fromkeys(tasks, 0)
    kind_totals: dict[tuple[int, str], list[int]] = {}
    cells: dict[int, dict] = {agency_id: {} for agency_id in counts if agency_id not in snap.matched}
    as_of = today.isoformat()
    for agency_id, task_id, role, status, completed in cstore.agency_task_states(db):
        mine = cells.get(agency_id)
        if mine is None or task_id not in tasks:
            continue
        if status == DONE and completed is not None and completed > as_of:
            status = IN_PROGRESS  # finished after the day counted: still in progress then (the agency report's rule)
        mine[task_id] = (role, status, completed)
        if not role:
            continue
        status = status or NOT_STARTED
        c = counts[agency_id]
        c["tasks"] += 1
        c[role] += 1
        c[_COUNT_KEYS[status]] += 1
        totals = task_totals[task_id]
        totals[1] += 1
        kind = kind_totals.get((task_id, kinds[agency_id]))
        if kind is None:
            kind = kind_totals[(task_id, kinds[agency_id])] = [0, 0]
        kind[1] += 1
        if status == DONE:
            totals[0] += 1
            kind[0] += 1
            late = completed is not None and task_id in due and completed > due[task_id]
            c["done_late" if late else "done_on_time"] += 1
        elif (status != NOT_FEASIBLE and task_id in overdue_since
              and (status == NOT_STARTED or task_id not in unstarted_only)):
            task_overdue[task_id] += 1
            c["overdue"] += 1
            c["overdue_days"] = max(c["overdue_days"], overdue_since[task_id])
    for agency_id, roles in snap.matched.items():
        c = counts[agency_id]
        for task_id, role in roles.items():
            c["tasks"] += 1
            c[role] += 1
            c["not_started"] += 1
            task_totals[task_id][1] += 1
            kind_totals.setdefault((task_id, kinds[agency_id]), [0, 0])[1] += 1
            if task_id in overdue_since:
                task_overdue[task_id] += 1
                c["overdue"] += 1
                c["overdue_days"] = max(c["overdue_days"], overdue_since[task_id])
    snap._counts, snap._task_totals, snap._kind_totals = counts, task_totals, kind_totals
    snap._task_overdue, snap._cells = task_overdue, cells


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
    return in_state([snapshot.register_row(agency) for agency in snapshot.agencies], state)


def in_state(register_rows: list[dict], state: str | None) -> list[dict]:
    """The register's rows in `state` (all of them for None)."""
    return [row for row in register_rows if state is None or row["state"] == state]


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
    untouched = []
    for task in snapshot.tasks:
        done, assigned = snapshot.task_totals(task.id)
        started = done or any(snapshot.status(a["id"], task.id) not in (None, NOT_STARTED)
                              for a in snapshot.agencies if a["id"] in snapshot.any_package)
        if assigned and not started:
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
            overdue = sum(snapshot._task_overdue.get(i, 0) for i in ids)
            rows.append({"area": area, "tasks": len(tasks), "assigned": assigned, "done": done, "overdue": overdue})
        result.append({"index": index, "tasks": sum(r["tasks"] for r in rows),
                       "assigned": sum(r["assigned"] for r in rows), "done": sum(r["done"] for r in rows),
                       "overdue": sum(r["overdue"] for r in rows), "areas": rows})
    return result


ROLE_NAMES = {role.value: role.label for role in Role}
