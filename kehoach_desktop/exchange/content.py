"""What a package holds, gathered from the database: plans, criteria, tasks with the
agency's roles, progress records, evidence records and files, report texts."""

from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import sqlite_utils

from ..db import store
from ..limits import export_problem
from ..evidence_store import EvidenceStore
from ..matching import resolve_role
from ..model import AgencyProfile
from .manifest import FORMAT_TASKS
from .writer import ExportError

FORMAT_WORKBOOK = "kehoach-xlsx"  # the program's own results workbook, read back like a package
ProgressCallback = Callable[[int, int, str], object]  # (done, total, what); may raise to cancel

PERIOD_CODES = ("q1", "h1", "q3", "year")
PERIOD_LABELS = {"q1": "quý I", "h1": "6 tháng đầu năm", "q3": "quý III", "year": "năm"}


def period_label(period: dict | None) -> str:
    if not period:
        return ""
    return f"{PERIOD_LABELS.get(period['code'], period['code'])} {period['year']}"


@dataclass
class ExportResult:
    path: Path
    kind: str
    size: int
    package_id: str
    plans: int
    tasks: int
    progress: int
    evidence: int
    evidence_files: int
    evidence_bytes: int
    stale_removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "file": str(self.path), "format": self.kind, "size": self.size, "package_id": self.package_id,
            "plans": self.plans, "tasks": self.tasks, "progress": self.progress, "evidence": self.evidence,
            "evidence_files": self.evidence_files, "evidence_bytes": self.evidence_bytes,
            "verified": True, "stale_removed": self.stale_removed, "warnings": self.warnings,
        }


# --- collecting what a package holds --------------------------------------------------------

@dataclass
class EvidenceFile:
    sha256: str
    size: int
    name: str


@dataclass
class PackageContent:
    kind: str
    profile: dict | None
    period: dict | None
    audience: dict | None
    data: dict
    files: list[EvidenceFile]
    warnings: list[str]

    @property
    def plan_list(self) -> list[dict]:
        return [{"number": p["number"], "date": p["date"], "issuer": p["issuer"], "title": p["title"]}
                for p in self.data["plans"]]

    @property
    def task_count(self) -> int:
        return sum(len(index["tasks"]) for plan in self.data["plans"] for index in plan["indices"])


PLAN_COLUMNS = ("number", "date", "issuer", "year", "title", "source_file", "imported_at")
CRITERION_COLUMNS = ("code", "title", "max_score", "prior_result", "target", "position")
TASK_COLUMNS = ("position", "content", "deadline_text", "evidence_required", "lead", "implementing",
                "cooperating", "source_sheet", "source_row")
PROGRESS_COLUMNS = store.PROGRESS_FIELDS
EVIDENCE_COLUMNS = tuple(key for key in store.EVIDENCE_FIELDS if key != "task_id")
REPORT_COLUMNS = tuple(key for key in store.REPORT_FIELDS if key != "plan_id")


def role_of(row: dict, profile: AgencyProfile | None) -> str | None:
    """The agency's role in a task row: the user's override, else matching (as the window shows)."""
    override = row["role_override"]
    if override:
        return None if override == "none" else override
    found = resolve_role(profile, row["lead"], row["implementing"], row["cooperating"]).role
    return found.value if found else None


def collect(
    db: sqlite_utils.Database,
    evidence: EvidenceStore,
    kind: str,
    profile: AgencyProfile | None,
    *,
    plan_ids: Iterable[int] | None = None,
    period: dict | None = None,
    audience: AgencyProfile | None = None,
    include_task: Callable[[dict], bool] | None = None,
) -> PackageContent:
    """The data of a package from the database: every task of the chosen plans, or a subset."""
    if kind != FORMAT_TASKS and profile is None:
        raise ExportError("Chưa khai báo thông tin đơn vị (Đơn vị → Thông tin đơn vị…): cần tên đơn vị để xuất.")
    wanted = set(plan_ids) if plan_ids is not None else None
    plans = [row for row in store.list_plans(db) if wanted is None or row["id"] in wanted]
    if not plans:
        raise ExportError("Chưa có kế hoạch nào để xuất.")
    if include_task is None and audience is not None:
        def include_task(row: dict) -> bool:
            return not row["removed"] and resolve_role(audience, row["lead"], row["implementing"],
                                                       row["cooperating"]).role is not None
    refs = itertools.count(1)
    with_progress = kind != FORMAT_TASKS
    data: dict = {"plans": [], "progress": [], "evidence": []}
    files: dict[str, EvidenceFile] = {}
    warnings: list[str] = []
    for plan in plans:
        task_refs: dict[int, int] = {}
        criterion_refs: dict[int, int] = {}  # issue 12
        plan_out = {key: plan[key] for key in PLAN_COLUMNS}
        plan_out["indices"] = [
            _collect_index(db, index, task_refs, refs, profile, with_progress, include_task, criterion_refs)
            for index in store.list_indices(db, plan["id"])
        ]
        plan_out["reports"] = []
        data["plans"].append(plan_out)
        if not with_progress:
            continue
        for row in store.list_reports(db, plan["id"]):
            if period is None or (row["period"] == period["code"] and row["year"] == period["year"]):
                plan_out["reports"].append({key: row[key] for key in REPORT_COLUMNS})
        for row in store.list_plan_progress(db, plan["id"]):
            if row["task_id"] in task_refs:
                data["progress"].append({"task": task_refs[row["task_id"]], **{k: row[k] for k in PROGRESS_COLUMNS},
                                         "revision": row["revision"]})  # issue 15: not the sender's clock
        _collect_scores(db, evidence, plan["id"], criterion_refs, task_refs, data, files, warnings)  # issue 12
        for row in store.list_plan_evidence(db, plan["id"]):
            if row["task_id"] not in task_refs:
                continue
            data["evidence"].append({"task": task_refs[row["task_id"]], **{k: row[k] for k in EVIDENCE_COLUMNS}})
            sha = row["file_sha256"]
            if not sha or sha in files:
                continue
            path = evidence.path_for(sha)
            if path.is_file():
                files[sha] = EvidenceFile(sha, path.stat().st_size, row["file_name"] or sha)
            else:
                warnings.append(f"Tệp “{row['file_name']}” của tài liệu kiểm chứng không còn trong kho; "
                                "gói chỉ mang thông tin về tài liệu, không có tệp.")
    problem = export_problem(data)  # issue 15: name the task and field, not the stick
    if problem:
        raise ExportError(f"Không xuất được: {problem}. Hãy sửa giá trị này rồi xuất lại; chưa ghi gì ra ổ đĩa.")
    return PackageContent(
        kind=kind, profile=profile.to_json() if profile else None, period=period,
        audience={"name": audience.name, "kind": audience.kind.value} if audience else None,
        data=data, files=list(files.values()), warnings=warnings,
    )


def _collect_index(db, index: dict, task_refs: dict[int, int], refs, profile, with_progress: bool,
                   include_task, criterion_ids: dict[int, int] | None = None) -> dict:
    criteria_rows = store.list_criteria(db, index["id"])
    criterion_refs = {row["id"]: next(refs) for row in criteria_rows}
    if criterion_ids is not None:
        criterion_ids.update(criterion_refs)
    criteria = [
        {"ref": criterion_refs[row["id"]], "parent": criterion_refs.get(row["parent_id"]),
         **{key: row[key] for key in CRITERION_COLUMNS}}
        for row in criteria_rows
    ]
    tasks = []
    also_serves = store.plan_also_serves(db, index["plan_id"])  # issue 14: merged task cells
    for row in store.list_plan_tasks(db, index["plan_id"]):
        if row["index_id"] != index["id"] or (include_task is not None and not include_task(row)):
            continue
        ref = task_refs[row["id"]] = next(refs)
        task = {"ref": ref, "criterion": criterion_refs.get(row["criterion_id"]),
                **{key: row[key] for key in TASK_COLUMNS}, "removed": bool(row["removed"])}
        if also_serves.get(row["id"]):  # optional field: the other criteria the task serves (issue 14)
            task["also_serves"] = [criterion_refs[c] for c in also_serves[row["id"]] if c in criterion_refs]
        if with_progress:
            task["role_override"] = row["role_override"]
            task["role"] = role_of(row, profile)
        tasks.append(task)
    return {"kind": index["kind"], "name": index["name"], "position": index["position"],
            "criteria": criteria, "tasks": tasks}


# --- criterion scores (issue 12) ---

def _collect_scores(db, evidence: EvidenceStore, plan_id: int, criterion_refs: dict[int, int],
                    task_refs: dict[int, int], data: dict, files: dict, warnings: list[str]) -> None:
    """The optional `criterion_scores` of a progress package, with the files of documents added
    to a criterion directly (a task's evidence files travel with the task's evidence)."""
    from . import criterion_scores

    records = criterion_scores.collect(db, plan_id, criterion_refs, task_refs)
    data.setdefault("criterion_scores", []).extend(records)
    for sha, _size, name in criterion_scores.link_files(records):
        if sha in files:
            continue
        path = evidence.path_for(sha)
        if path.is_file():
            files[sha] = EvidenceFile(sha, path.stat().st_size, name or sha)
        else:
            warnings.append(f"Tệp “{name}” của tài liệu kiểm chứng không còn trong kho; "
                            "gói chỉ mang thông tin về tài liệu, không có tệp.")


# --- the plan as its own package member (format 2, issue 11) ---
# plan.json holds the plans as the province issued them (indices, criteria, tasks): the same
# bytes in every agency's package of one plan, so a consolidator receiving 1,000 of them reads
# and checks it once. data.json keeps what is the agency's: per plan the file and time it was
# imported from, its report texts and its roles in the tasks, and the progress, evidence and
# criterion scores. In memory a package is the joined form (format 1's data.json), so nothing
# past the reader changes; only a receiver holding the plan already gets with_known_plan's form
# (the known plan's tasks as they are, the agency's roles apart in data["roles"]).

ROLE_KEYS = ("role_override", "role")
OWN_PLAN_COLUMNS = ("source_file", "imported_at")  # this agency's import of the plan: in data.json
SHARED_PLAN_COLUMNS = tuple(key for key in PLAN_COLUMNS if key not in OWN_PLAN_COLUMNS)


def split_plan(data: dict) -> tuple[dict, dict]:
    """(plan.json, data.json) of a package's data."""
    plans, mine = [], []
    for plan in data["plans"]:
        roles, indices = [], []
        with_roles = False
        for index in plan["indices"]:
            tasks = []
            for task in index["tasks"]:
                if "role" in task or "role_override" in task:
                    with_roles = True
                    if task.get("role_override") is not None or task.get("role") is not None:
                        roles.append([task["ref"], task.get("role_override"), task.get("role")])
                    task = {key: value for key, value in task.items() if key not in ROLE_KEYS}
                tasks.append(task)
            indices.append({**index, "tasks": tasks})
        plans.append({**{key: plan[key] for key in SHARED_PLAN_COLUMNS}, "indices": indices})
        own = {"number": plan["number"], "date": plan["date"], **{key: plan[key] for key in OWN_PLAN_COLUMNS},
               "reports": plan["reports"]}
        if with_roles:  # a progress package: every task has a role (None when not listed)
            own["roles"] = roles
        mine.append(own)
    return {"plans": plans}, {**data, "plans": mine, "progress": progress_columns(data["progress"])}


class PlanMismatch(ValueError):
    """plan.json and data.json of one package do not go together (or are not what we write)."""


def plan_parts(plan: dict, data: dict) -> list[tuple[dict, dict, dict]]:
    """[(plan.json's plan, data.json's plan, {ref: (role_override, role)} or None)], the two
    parts checked to go together; PlanMismatch when they do not."""
    try:
        theirs, mine = plan["plans"], data["plans"]
        if type(theirs) is not list or type(mine) is not list or len(theirs) != len(mine):
            raise PlanMismatch
        found = []
        for whole, own in zip(theirs, mine):
            if type(whole) is not dict or type(own) is not dict or (whole.get("number"), whole.get("date")) != (
                    own.get("number"), own.get("date")) or "reports" in whole or "indices" in own \
                    or not all(key in own for key in OWN_PLAN_COLUMNS):
                raise PlanMismatch
            found.append((whole, own, _own_roles(own["roles"]) if "roles" in own else None))
        return found
    except (TypeError, ValueError, KeyError, AttributeError):
        raise PlanMismatch from None


def _own_roles(entries: list) -> dict:
    """{ref: (role_override, role)} from data.json's [[ref, role_override, role], …]: each entry a
    list of three, each ref an int listed once; else PlanMismatch. In C loops (issue 11: 300
    entries in each of 1,000 packages received)."""
    if type(entries) in (list, dict, str) and not entries:  # nothing to read, as one entry at a time read it
        return {}
    if type(entries) is not list or {*map(type, entries)} - {list} or {*map(len, entries)} - {3}:
        raise PlanMismatch
    refs = [*map(_FIRST, entries)]
    if {*map(type, refs)} - {int}:
        raise PlanMismatch
    roles = dict(zip(refs, zip(map(_SECOND, entries), map(_THIRD, entries))))
    if len(roles) != len(refs):
        raise PlanMismatch
    return roles


_FIRST, _SECOND, _THIRD = (operator.itemgetter(index) for index in range(3))


def join_plan(plan: dict, data: dict) -> dict:
    """The package's data as format 1 had it (plans with their report texts, tasks with roles)."""
    plans = []
    try:
        for whole, own, roles in plan_parts(plan, data):
            indices = whole["indices"]
            if roles is not None:
                none = (None, None)
                indices = [{**index, "tasks": [{**task, "role_override": roles.get(task["ref"], none)[0],
                                                "role": roles.get(task["ref"], none)[1]} for task in index["tasks"]]}
                           for index in indices]
                if not {task["ref"] for index in indices for task in index["tasks"]}.issuperset(roles):
                    raise PlanMismatch
            plans.append({**whole, **{key: own[key] for key in OWN_PLAN_COLUMNS}, "indices": indices,
                          "reports": own["reports"]})
    except (TypeError, KeyError, AttributeError):
        raise PlanMismatch from None
    return {**data, "plans": plans}


def with_known_plan(known: "KnownPlan", data: dict) -> dict:
    """A receiver's view of a package whose plan.json it knows: the known plan's parts as they
    are (its tasks carry no roles) and the agency's roles by task ref in `data["roles"]`."""
    plans, roles = [], {}
    for whole, own, own_roles in plan_parts(known.plan, data):
        plans.append({**whole, **{key: own[key] for key in OWN_PLAN_COLUMNS}, "reports": own["reports"]})
        roles.update(own_roles or {})
    return {**data, "plans": plans, "roles": roles}


@dataclass
class KnownPlan:
    """A plan.json already read and checked: its parts and the refs the rest of a package may use."""

    plan: dict
    task_refs: set
    criterion_refs: set


class PlanCache:
    """The plan.json members a receiver has read and checked, by (SHA-256, size, CRC-32 in the
    zip's directory): a package declaring one of them is not read for its plan (the seal still
    covers those bytes, and a plan.json whose CRC differs is read and checked as any other)."""

    KEPT = 8  # distinct plans remembered (a receive mixes a few)

    def __init__(self, load: Callable[[tuple], bytes | None] | None = None) -> None:
        self._known: dict[tuple, KnownPlan] = {}
        self._load = load  # key → stored plan.json from an earlier receive, or None
        self.learned: dict[tuple, bytes] = {}  # plan.json members read and checked by this cache

    def get(self, key: tuple) -> KnownPlan | None:
        known = self._known.get(key)
        if known is None and self._load is not None:
            raw = self._load(key)
            if raw is not None:
                import json

                known = self._remember(key, json.loads(raw))
        return known

    def learn(self, key: tuple, raw: bytes, plan: dict, refs: tuple[set, set]) -> None:
        self.learned[key] = raw
        self._put(key, KnownPlan(plan, *refs))

    def _remember(self, key: tuple, plan: dict) -> KnownPlan:
        tasks = {task["ref"] for whole in plan["plans"] for index in whole["indices"] for task in index["tasks"]}
        criteria = {item["ref"] for whole in plan["plans"] for index in whole["indices"] for item in index["criteria"]}
        return self._put(key, KnownPlan(plan, tasks, criteria))

    def _put(self, key: tuple, known: KnownPlan) -> KnownPlan:
        """Kept, the oldest let go beyond KEPT, however it came (read, stored, preloaded)."""
        self._known[key] = known
        while len(self._known) > self.KEPT:
            del self._known[next(iter(self._known))]
        return known

    def preload(self, stored: dict[tuple, bytes]) -> None:
        """Plans stored by earlier receives, for worker processes (which cannot ask the database)."""
        import json

        for key, raw in stored.items():
            if key not in self._known:
                self._remember(key, json.loads(raw))

    def __getstate__(self):  # sent to worker processes: the plans known, not the database
        return {"_known": dict(self._known), "_load": None, "learned": {}}


# --- the progress records as columns in data.json (format 3, issue 11) ---
# A consolidator receives 1,000 packages of ~300 records each: read as columns, data.json parses
# in 40% of the time of the same records as objects (no key repeated 300 times), and the checks
# and the receive take each column as it is. Every other reader gets the records back as they
# were (progress_records); only a receiver holding the package's plan keeps the columns.

PROGRESS_KEYS = ("task", *PROGRESS_COLUMNS, "revision")  # every column, in the order written


def progress_columns(records: list[dict]) -> dict[str, list]:
    """The records as columns: {key: [its value in each record]} for every key of PROGRESS_KEYS."""
    return {key: [*map(operator.itemgetter(key), records)] for key in PROGRESS_KEYS}


def is_progress_table(value) -> bool:
    """Columns as progress_columns writes them: exactly PROGRESS_KEYS, each a list, all as long."""
    return (type(value) is dict and len(value) == len(PROGRESS_KEYS) and all(key in value for key in PROGRESS_KEYS)
            and {*map(type, value.values())} == {list} and len({*map(len, value.values())}) == 1)


def progress_records(columns: dict[str, list]) -> list[dict]:
    """The records of columns that pass is_progress_table (as format 1 and 2 wrote them)."""
    return [dict(zip(PROGRESS_KEYS, values)) for values in zip(*(columns[key] for key in PROGRESS_KEYS))]
