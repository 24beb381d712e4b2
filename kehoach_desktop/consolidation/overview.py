"""What the consolidator sees: the register of reports per period, the matrix of tasks ×
agencies, one agency's task, and the lists to act on; all from one read of the data."""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import operator
from dataclasses import dataclass, field

from .. import collector
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
    _rows_by_agency: dict = field(default_factory=dict)  # agency id → its rows as read (_count's codes)
    _cells: dict = field(default_factory=dict)  # agency id → {task id: (role, status, completed_on)}, made when asked
    _lateness: dict = field(default_factory=dict)  # task id → overdue_after's answer today (_late_since)
    _overdue_by_agency: dict = field(default_factory=dict)  # agency id → the tasks it is late on
    _started: set = field(default_factory=set)  # tasks an agency that reported has started (or done)

    def _agency_cells(self, agency_id: int) -> dict:
        cells = self._cells.get(agency_id)
        if cells is None:
            cells = self._cells[agency_id] = {
                task_id: (ROLE_CODES[role], STATUS_CODES[status], completed)
                for _, task_id, role, status, completed in self._rows_by_agency.get(agency_id, ())}
        return cells

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
        due, unstarted_only = self._late_since(task)
        if due is None or (unstarted_only and status != NOT_STARTED):
            return 0
        return self._days_late(due)

    def _late_since(self, task: PlanTask) -> tuple[dt.date | None, bool]:
        """outcomes.overdue_after for the task today, worked out once a task (the matrix asks it
        for every cell it draws, the counts for 3·10⁵ assignments)."""
        found = self._lateness.get(task.id)
        if found is None:
            found = self._lateness[task.id] = overdue_after(task.due_date, task.due_dates, task.recurring,
                                                            self.today, self.closed)
        return found

    def _days_late(self, due: dt.date) -> int:
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
    with collector.paused():  # 3·10⁵ rows read: 0.69 → 0.41 s
        _count(snap, db)
    return snap


def _count(snap: Snapshot, db) -> None:
    """Per agency, per task and per (task, kind of agency): what the agencies reported (3·10⁵
    plain tuples) and the annex's roles of those that sent nothing, counted as rows alike.

    Each count is one pass in C over the rows (Counter over itemgetter's keys, compress by a
    flag, groupby by agency), not a Python statement per row: 3·10⁵ rows took 1.1 s in a loop
    of dict updates."""
    tasks = {task.id: task for task in snap.tasks}
    lateness = {task.id: snap._late_since(task) for task in snap.tasks}
    overdue_since = {task_id: snap._days_late(due) for task_id, (due, _) in lateness.items() if due is not None}
    unstarted_only = {task_id for task_id, (due, only) in lateness.items() if due is not None and only}
    reported = _reported_rows(cstore.agency_task_states(db, ROLE_CODES, STATUS_CODES),
                              {a["id"] for a in snap.agencies} - set(snap.matched), tasks, snap.today.isoformat())
    snap._rows_by_agency = {agency_id: list(rows) for agency_id, rows in itertools.groupby(reported, _AGENCY)}
    assigned = list(itertools.compress(reported, map(_ROLE, reported)))
    assigned += [(agency_id, task_id, ROLE_CODES.index(role), _NOT_STARTED, None)
                 for agency_id, roles in snap.matched.items() for task_id, role in roles.items()]
    overdue = _overdue_rows(assigned, overdue_since, unstarted_only)
    done = list(itertools.compress(assigned, map(operator.eq, map(_STATUS, assigned), itertools.repeat(_DONE))))
    snap._overdue_by_agency = {agency_id: set(map(_TASK, rows)) for agency_id, rows in itertools.groupby(overdue, _AGENCY)}
    snap._counts = _agency_counts(snap, assigned, done, snap._overdue_by_agency, overdue_since)
    snap._task_totals = _done_and_assigned(done, assigned, tasks)
    kinds = {agency["id"]: agency["kind"] for agency in snap.agencies}
    done_by_kind = _by_kind(done, kinds)
    snap._kind_totals = {(task_id, kind): pair for kind, rows in _by_kind(assigned, kinds).items()
                         for task_id, pair in _done_and_assigned(done_by_kind[kind], rows, tasks).items() if pair[1]}
    per_task_overdue = collections.Counter(map(_TASK, overdue))
    snap._task_overdue = {task_id: per_task_overdue[task_id] for task_id in tasks}
    started = map(operator.contains, itertools.repeat(_STARTED), map(_STATUS, assigned))
    snap._started = set(map(_TASK, itertools.compress(assigned, started)))


# The rows counted: (agency id, task id, role, status, completed_on), role and status as their
# places in these tuples (0: none), as cstore.agency_task_states reads them.
ROLE_CODES = (None, Role.LEAD.value, Role.IMPLEMENTING.value, Role.COOPERATING.value)
STATUS_CODES = (None, NOT_STARTED, IN_PROGRESS, DONE, NOT_FEASIBLE)
_NOT_STARTED, _IN_PROGRESS, _DONE = (STATUS_CODES.index(status) for status in (NOT_STARTED, IN_PROGRESS, DONE))
_STARTED = frozenset(STATUS_CODES.index(status) for status in (IN_PROGRESS, DONE, NOT_FEASIBLE))
_AGENCY, _TASK, _ROLE, _STATUS = (operator.itemgetter(n) for n in range(4))


def _reported_rows(rows: list[tuple], agencies: set[int], tasks: dict, as_of: str) -> list[tuple]:
    """The rows of these agencies on these tasks, by agency (in table order within each), a task
    finished after the day counted being in progress then (the agency report's rule)."""
    if not agencies.issuperset(map(_AGENCY, rows)) or not tasks.keys() >= set(map(_TASK, rows)):
        rows = [row for row in rows if row[0] in agencies and row[1] in tasks]
    if any(map(operator.lt, itertools.repeat(as_of), filter(None, map(operator.itemgetter(4), rows)))):
        rows = [(agency_id, task_id, role, _IN_PROGRESS, completed)
                if status == _DONE and completed is not None and completed > as_of else
                (agency_id, task_id, role, status, completed)
                for agency_id, task_id, role, status, completed in rows]
    return sorted(rows, key=_AGENCY)


def _overdue_rows(assigned: list[tuple], overdue_since: dict, unstarted_only: set) -> list[tuple]:
    """The assignments late today: not closed, on a task past its due date (one that is late
    only if not started: not started)."""
    late = {(task_id, status) for task_id in overdue_since for status in (0, _NOT_STARTED)}
    late |= {(task_id, _IN_PROGRESS) for task_id in overdue_since if task_id not in unstarted_only}
    return list(itertools.compress(assigned, map(late.__contains__, map(operator.itemgetter(1, 3), assigned))))


def _agency_counts(snap: Snapshot, assigned: list[tuple], done: list[tuple], overdue_by_agency: dict[int, set],
                   overdue_since: dict) -> dict[int, dict]:
    """Each agency's counts: its assignments by role and by status (no status yet: not started),
    done on time or late, and the tasks it is late on."""
    counts = {agency["id"]: _empty_counts() for agency in snap.agencies}
    for agency_id, rows in itertools.groupby(assigned, _AGENCY):  # by agency: reported rows sorted, then the annex's
        rows = list(rows)
        c = counts[agency_id]
        roles, statuses = collections.Counter(map(_ROLE, rows)), collections.Counter(map(_STATUS, rows))
        for code, role in enumerate(ROLE_CODES[1:], start=1):
            c[role] = roles[code]
        for code, status in enumerate(STATUS_CODES[1:], start=1):
            c[_COUNT_KEYS[status]] = statuses[code]
        c["not_started"] += statuses[0]
        c["tasks"] = len(rows)
    due = {task.id: task.due_date.isoformat() for task in snap.tasks if task.due_date is not None}
    for agency_id, task_id, _, _, completed in done:
        if completed is not None and task_id in due and completed > due[task_id]:
            counts[agency_id]["done_late"] += 1
    for c in counts.values():
        c["done_on_time"] = c["done"] - c["done_late"]
    for agency_id, late_on in overdue_by_agency.items():
        counts[agency_id]["overdue"] = len(late_on)
        counts[agency_id]["overdue_days"] = max(map(overdue_since.__getitem__, late_on))
    return counts


def _by_kind(rows: list[tuple], kinds: dict[int, str]) -> dict[str, list[tuple]]:
    """The rows (grouped by agency) of each kind of agency."""
    grouped: dict[str, list[tuple]] = collections.defaultdict(list)
    for agency_id, of_agency in itertools.groupby(rows, _AGENCY):
        grouped[kinds[agency_id]] += of_agency
    return grouped


def _done_and_assigned(done: list[tuple], assigned: list[tuple], tasks: dict) -> dict[int, list[int]]:
    """task id → [agencies that did it, agencies assigned it]."""
    done_per_task, per_task = collections.Counter(map(_TASK, done)), collections.Counter(map(_TASK, assigned))
    return {task_id: [done_per_task[task_id], per_task[task_id]] for task_id in tasks}


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
        late = snapshot._overdue_by_agency.get(agency["id"])
        if not late:
            continue
        items = [_overdue_item(snapshot, task) for task in snapshot.tasks if task.id in late]
        if items:
            overdue.append({"agency": agency["name"], "agency_id": agency["id"], "tasks": items})
    silent = [agency["name"] for agency in snapshot.agencies if agency["id"] not in snapshot.any_package]
    untouched = []
    for task in snapshot.tasks:
        done, assigned = snapshot.task_totals(task.id)
        if assigned and not done and task.id not in snapshot._started:
            untouched.append({"task_id": task.id, "code": task.code, "content": task.content, "agencies": assigned})
    return {"overdue": overdue, "not_reported": silent, "not_started": untouched}


def _overdue_item(snapshot: Snapshot, task: PlanTask) -> dict:
    due = snapshot._late_since(task)[0]  # a recurring task with no date: its last report's date
    return {"task_id": task.id, "code": task.code, "content": task.content, "days": snapshot._days_late(due),
            "due_date": (task.due_date or due).isoformat()}


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
