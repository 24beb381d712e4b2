"""What a package holds, gathered from the database: plans, criteria, tasks with the
agency's roles, progress records, evidence records and files, report texts."""

from __future__ import annotations

import itertools
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
    for row in store.list_plan_tasks(db, index["plan_id"]):
        if row["index_id"] != index["id"] or (include_task is not None and not include_task(row)):
            continue
        ref = task_refs[row["id"]] = next(refs)
        task = {"ref": ref, "criterion": criterion_refs.get(row["criterion_id"]),
                **{key: row[key] for key in TASK_COLUMNS}, "removed": bool(row["removed"])}
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
