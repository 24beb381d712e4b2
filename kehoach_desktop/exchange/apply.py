"""Applying a checked package in one transaction, previewing it by a rolled-back one, and
saying what changed.

Tasks are identified across machines as annex imports identify them (importing.apply_annex):
plan number and date, index kind and name, criterion code (or title), task content. So a
package applied twice changes nothing, and a progress package restores an agency's plan,
progress and evidence on a new PC. A task package is the department's word on the plan:
it updates tasks in place and, when it lists every task, marks the missing ones as removed.
A progress package (and the program's own workbook) only adds what is missing and
replaces a progress record or a report text when its own is newer.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

import sqlite_utils

from ..db import store, transaction
from ..errors import ImportRefusedError
from ..evidence_store import EvidenceStore
from ..importing import criterion_key, pair_with_existing, update_task  # as annex imports match
from ..model import AgencyProfile
from ..limits import clean_text
from ..text import nfc
from .content import (
    CRITERION_COLUMNS, EVIDENCE_COLUMNS, PROGRESS_COLUMNS, REPORT_COLUMNS, TASK_COLUMNS, ProgressCallback,
)
from .criterion_scores import CHANGE_KEYS as _SCORE_KEYS, CHANGE_PHRASES as _SCORE_PHRASES  # issue 12
from .manifest import EVIDENCE_PREFIX, FORMAT_TASKS, KIND_LABELS
from .packages import OpenedPackage

CHANGE_KEYS = (
    "profile_set", "plans_added", "tasks_added", "tasks_updated", "tasks_restored", "tasks_removed",
    "tasks_unchanged", "roles_restored", "progress_added", "progress_updated", "progress_unchanged",
    "progress_kept_local", "evidence_added", "evidence_unchanged", "files_added", "reports_added",
    "reports_updated", "reports_unchanged", "reports_kept_local",
)
CHANGE_KEYS += _SCORE_KEYS  # issue 12
_NOT_CHANGES = ("tasks_unchanged", "progress_unchanged", "progress_kept_local", "evidence_unchanged",
                "reports_unchanged", "reports_kept_local")
_NOT_CHANGES += ("scores_unchanged", "scores_kept_local")  # issue 12


def nothing_changes(changes: dict[str, int]) -> bool:
    return not any(value for key, value in changes.items() if key not in _NOT_CHANGES)


@dataclass
class PackageSummary:
    """What a package holds and what applying it changes (or changed, when `applied`)."""

    file_name: str
    kind: str
    kind_label: str
    agency: str | None
    audience: str | None
    created_at: str | None
    program_version: str | None
    period: dict | None
    plans: list[dict]
    contents: dict[str, int]
    changes: dict[str, int]
    warnings: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def changes_nothing(self) -> bool:
        return nothing_changes(self.changes)

    def to_json(self) -> dict:
        return {
            "file": self.file_name, "format": self.kind, "kind": self.kind_label, "agency": self.agency,
            "audience": self.audience, "created_at": self.created_at, "program_version": self.program_version,
            "period": self.period, "plans": self.plans, "contents": self.contents, "changes": self.changes,
            "changes_nothing": self.changes_nothing, "warnings": self.warnings, "applied": self.applied,
        }


class _DryRun(Exception):
    """Raised inside the transaction of a preview so that everything rolls back."""


def preview_changes(db: sqlite_utils.Database, evidence: EvidenceStore, package: OpenedPackage,
                    profile: AgencyProfile | None) -> dict[str, int]:
    """What applying would change, counted by applying it in a transaction that is rolled back."""
    changes = dict.fromkeys(CHANGE_KEYS, 0)
    try:
        with transaction(db):
            _apply_data(db, package, profile, changes)
            raise _DryRun
    except _DryRun:
        pass
    changes["files_added"] = sum(path is not None for path in package.files.values())
    return changes


def apply_package(db: sqlite_utils.Database, evidence: EvidenceStore, package: OpenedPackage,
                  profile: AgencyProfile | None, progress: ProgressCallback | None = None) -> dict[str, int]:
    """Store the evidence files (fsynced, content-addressed), then write everything in one transaction."""
    changes = dict.fromkeys(CHANGE_KEYS, 0)
    total = len(package.files)
    adopted: list[str] = []
    for done, (sha, path) in enumerate(package.files.items(), start=1):
        if path is None:  # whole in the store when the package was checked: not unpacked
            if not evidence.keep(sha):
                raise ImportRefusedError(f"Tệp tài liệu {sha[:12]}… vừa bị xóa hoặc thay đổi trong kho trong lúc "
                                         f"nhập; hãy nhập lại “{package.name}”.")
        else:
            evidence.adopt(path, sha)  # fsynced as it was unpacked (open_package)
            adopted.append(sha)
            changes["files_added"] += 1
        if progress:
            progress(done, total, "Đang lưu tệp tài liệu kiểm chứng")
    evidence.sync_folders(adopted)  # durable before the rows that refer to them commit
    if progress:
        progress(0, 0, "Đang ghi dữ liệu")
    with transaction(db):
        _apply_data(db, package, profile, changes)
    return changes


def _apply_data(db, package: OpenedPackage, profile: AgencyProfile | None, changes: dict[str, int]) -> None:
    kind = package.kind
    restoring = kind != FORMAT_TASKS
    if restoring and profile is None:  # a new PC: the package says who we are
        store.save_profile(db, {key: nfc(value) for key, value in package.manifest["profile"].items()
                                if key in store.PROFILE_FIELDS})
        changes["profile_set"] = 1
    complete = kind == FORMAT_TASKS and package.manifest.get("audience") is None
    task_ids: dict[int, int] = {}
    criterion_ids: dict[int, int] = {}  # issue 12
    package.notes.clear()  # a preview and the import that follows each say it afresh
    for plan in package.data["plans"]:
        if not restoring:  # issue 15: an older task package is refused before it changes anything
            found = store.find_plan(db, nfc(plan["number"]), plan["date"])
            if found is not None:
                _refuse_older_task_package(db, found["id"], package.manifest.get("created_at"), package.name)
        plan_id = _apply_plan(db, plan, restoring, complete, task_ids, changes, criterion_ids)
        if not restoring and found is None:
            _refuse_older_task_package(db, plan_id, package.manifest.get("created_at"), package.name)
        if restoring:
            _apply_reports(db, plan_id, plan["reports"], changes)
    if restoring:
        from .content import FORMAT_WORKBOOK
        from .workbook import keep_local_task_scores

        progress_records = package.data["progress"]
        if kind == FORMAT_WORKBOOK:  # issue 12: a workbook never writes a per-task score
            progress_records = keep_local_task_scores(db, progress_records, task_ids)
        _apply_progress(db, progress_records, task_ids, package.edited, changes, package.notes,
                        package.manifest.get("created_at"))
        _apply_evidence(db, package.data["evidence"], task_ids, changes)
        from . import criterion_scores  # issue 12: absent from older packages

        criterion_scores.apply(db, package.data.get("criterion_scores"), criterion_ids, task_ids, changes)


class _Matcher:
    """Existing rows by identity key; each matched at most once, the one at the same position first."""

    def __init__(self, rows: Iterable[dict], key: Callable[[dict], object]):
        self._rows: dict[object, list[dict]] = defaultdict(list)
        for row in rows:
            self._rows[key(row)].append(row)
        self.seen: set[int] = set()

    def take(self, key: object, position: int) -> dict | None:
        candidates = [row for row in self._rows.get(key, ()) if row["id"] not in self.seen]
        if not candidates:
            return None
        row = next((row for row in candidates if row["position"] == position), candidates[0])
        self.seen.add(row["id"])
        return row


def _texts(record: dict, keys: Iterable[str]) -> dict:
    """NFC text without the characters XML cannot hold (issue 15: the Word report and the
    workbook must be able to write whatever a package brought)."""
    return {key: clean_text(record[key]) if isinstance(record[key], str) else record[key] for key in keys}


def _apply_plan(db, plan: dict, restoring: bool, complete: bool, task_ids: dict[int, int],
                changes: dict[str, int], criterion_ids: dict[int, int] | None = None) -> int:
    values = _texts(plan, ("number", "date", "issuer", "year", "title", "source_file"))
    found = store.find_plan(db, values["number"], values["date"])
    if found is None:
        now = dt.datetime.now().isoformat(timespec="seconds")
        plan_id = store.insert_plan(db, {**values, "imported_at": plan["imported_at"] if restoring else now})
        changes["plans_added"] += 1
    else:
        plan_id = found["id"]
        differs = {k: v for k, v in values.items() if found[k] != v}
        if differs and not restoring:
            store.update_plan(db, plan_id, differs)
    existing_indices = {(row["kind"], row["name"]): row for row in store.list_indices(db, plan_id)}
    all_tasks = store.list_plan_tasks(db, plan_id)
    seen_tasks: set[int] = set()
    for index in plan["indices"]:
        kind, name = nfc(index["kind"]), nfc(index["name"])
        row = existing_indices.get((kind, name))
        if row is None:
            index_id = store.insert_index(db, {"plan_id": plan_id, "kind": kind, "name": name,
                                               "position": index["position"]})
        else:
            index_id = row["id"]
            if not restoring and row["position"] != index["position"]:
                store.update_index(db, index_id, {"position": index["position"]})
        criteria = _apply_criteria(db, index_id, index["criteria"], restoring)
        if criterion_ids is not None:
            criterion_ids.update({ref: row["id"] for ref, row in criteria.items()})
        local_tasks = [task for task in all_tasks if task["index_id"] == index_id]
        _apply_tasks(db, plan_id, index_id, index["tasks"], criteria, local_tasks, restoring, task_ids,
                     seen_tasks, changes)
    if complete:
        for row in all_tasks:
            if row["id"] not in seen_tasks and not row["removed"]:
                store.update_task(db, row["id"], {"removed": 1})
                changes["tasks_removed"] += 1
    return plan_id


def _apply_criteria(db, index_id: int, criteria: list[dict], restoring: bool) -> dict[int, dict]:
    """Package criterion ref → {"id", "key"} of the local row, inserted when missing."""
    local = store.list_criteria(db, index_id)
    matcher = _Matcher(local, criterion_key)
    by_ref: dict[int, dict] = {}
    inserted: set[int] = set()
    for criterion in criteria:
        values = _texts(criterion, CRITERION_COLUMNS)
        key = criterion_key(values)
        row = matcher.take(key, values["position"])
        if row is None:  # its parent is usually above it, so already known
            parent = by_ref.get(criterion["parent"], {}).get("id") if criterion["parent"] is not None else None
            criterion_id = store.insert_criterion(db, {"index_id": index_id, "parent_id": parent, **values})
            inserted.add(criterion_id)
            row = {"id": criterion_id, "parent_id": parent}
        elif not restoring:
            differs = {k: v for k, v in values.items() if row[k] != v}
            if differs:
                store.update_criterion(db, row["id"], differs)
        by_ref[criterion["ref"]] = {"id": row["id"], "key": key, "parent_id": row["parent_id"]}
    for criterion in criteria:  # parents listed below their children, once every criterion has its id
        mine = by_ref[criterion["ref"]]
        parent = by_ref[criterion["parent"]]["id"] if criterion["parent"] is not None else None
        if mine["parent_id"] != parent and (mine["id"] in inserted or not restoring):
            store.update_criterion(db, mine["id"], {"parent_id": parent})
    return by_ref


def _apply_tasks(db, plan_id: int, index_id: int, tasks: list[dict], criteria: dict[int, dict],
                 local: list[dict], restoring: bool, task_ids: dict[int, int], seen: set[int],
                 changes: dict[str, int]) -> None:
    """Pair the package's tasks with the local ones exactly as a revised annex is paired
    (same text, else the most similar task of the same criterion), then add or update."""
    local_keys = {row["id"]: criterion_key(row) for row in store.list_criteria(db, index_id)}
    deferred_links: list[tuple[int, list[int]]] = []
    incoming = []
    for task in tasks:
        criterion = criteria.get(task["criterion"]) if task["criterion"] is not None else None
        values = {"plan_id": plan_id, "index_id": index_id, "criterion_id": criterion["id"] if criterion else None,
                  **_texts(task, TASK_COLUMNS), "removed": int(task["removed"])}
        incoming.append((values, criterion["key"] if criterion else ""))
    linked = store.plan_also_serves(db, plan_id)  # issue 14: the other criteria a task serves
    for task, (values, row) in zip(tasks, pair_with_existing(incoming, local, local_keys)):
        if "also_serves" in task:
            wanted = [criteria[ref]["id"] for ref in task["also_serves"] if ref in criteria]
            if row is None or linked.get(row["id"], []) != wanted:
                deferred_links.append((task["ref"], wanted))
        if row is None:
            if restoring:
                values["role_override"] = task.get("role_override")
            task_ids[task["ref"]] = store.insert_task(db, values)
            seen.add(task_ids[task["ref"]])
            changes["tasks_added"] += 1
            continue
        task_ids[task["ref"]] = row["id"]
        seen.add(row["id"])
        if not restoring:
            changes["tasks_" + update_task(db, row, values)] += 1
        elif row["role_override"] is None and task.get("role_override") is not None:
            store.update_task(db, row["id"], {"role_override": task["role_override"]})
            changes["roles_restored"] += 1
        else:
            changes["tasks_unchanged"] += 1
    for ref, wanted in deferred_links:
        store.set_also_serves(db, task_ids[ref], wanted)


def _newer(theirs: str, ours: str | None) -> bool:
    return ours is None or theirs > ours


def _apply_progress(db, records: list[dict], task_ids: dict[int, int], edited: set[int],
                    changes: dict[str, int], notes: list[str] | None = None, exported_at: str | None = None) -> None:
    """Which record wins is decided by revisions (saves counted on every machine), never by
    the sender's clock: a package record replaces the local one when it has more saves; a
    result edited in Excel only when the local record has not changed since the export.
    A record of an older package without revisions falls back to its (validated) time."""
    notes = notes if notes is not None else []
    for record in records:
        task_id = task_ids[record["task"]]
        values = _texts(record, PROGRESS_COLUMNS)
        theirs = record.get("revision")
        local = store.get_progress(db, task_id)
        if local is None:
            store.write_progress(db, task_id, values, (theirs or 0) + (record["task"] in edited))
            changes["progress_added"] += 1
        elif all(local[k] == v for k, v in values.items()):
            changes["progress_unchanged"] += 1
        elif record["task"] in edited:
            if local["revision"] == (theirs or 0):
                store.write_progress(db, task_id, values, local["revision"] + 1)
                changes["progress_updated"] += 1
                notes.append(f"{_task_label(db, task_id)}: nhận kết quả đã sửa trong Excel.")
            else:
                changes["progress_kept_local"] += 1
                notes.append(f"{_task_label(db, task_id)}: không nhận kết quả sửa trong Excel vì kết quả trong máy đã được cập nhật "
                             f"sau khi xuất bảng{_exported_when(exported_at)} (giữ kết quả trong máy).")
        elif theirs is not None:
            if theirs > local["revision"]:
                store.write_progress(db, task_id, values, theirs)
                changes["progress_updated"] += 1
                notes.append(f"{_task_label(db, task_id)}: cập nhật vì kết quả trong gói đã được lưu nhiều lần hơn "
                             f"({theirs} so với {local['revision']}).")
            else:
                changes["progress_kept_local"] += 1
                notes.append(f"{_task_label(db, task_id)}: giữ kết quả trong máy vì nó mới hơn hoặc bằng kết quả trong gói.")
        elif _newer(values["updated_at"], local["updated_at"]):
            store.write_progress(db, task_id, values, local["revision"] + 1)
            changes["progress_updated"] += 1
            notes.append(f"{_task_label(db, task_id)}: cập nhật theo thời điểm ghi trong gói (gói của phiên bản cũ, không có số lần lưu).")
        else:
            changes["progress_kept_local"] += 1


def _exported_when(moment: str | None) -> str:
    from .schema import valid_time

    found = valid_time(moment)
    return f" (xuất lúc {found.strftime('%H:%M ngày %d/%m/%Y')})" if found else ""


def _task_label(db, task_id: int) -> str:
    row = store.get_task(db, task_id)
    criterion = store.get_criterion(db, row["criterion_id"]) if row and row["criterion_id"] else None
    content = (row["content"] if row else "").replace("\n", " ")
    short = content if len(content) <= 60 else content[:57] + "…"
    code = f"{criterion['code']} " if criterion and criterion["code"] else ""
    return f"Nhiệm vụ {code}“{short}”"


def _refuse_older_task_package(db, plan_id: int, created_at, name: str) -> None:
    """A plan remembers the task package applied last; an older one would undo its revision."""
    from .schema import valid_time

    moment = valid_time(created_at)
    if moment is None:
        raise ImportRefusedError(f"Gói nhiệm vụ “{name}” có thời điểm tạo “{created_at}” không hợp lệ hoặc ở "
                                 "tương lai; không nhập. Hãy kiểm tra đồng hồ của máy gửi rồi xuất lại gói.")
    last = store.get_plan_task_package(db, plan_id)
    if last and valid_time(last) and moment < valid_time(last):
        raise ImportRefusedError(
            f"Gói nhiệm vụ “{name}” (tạo lúc {moment.strftime('%H:%M ngày %d/%m/%Y')}) cũ hơn gói nhiệm vụ đã "
            f"nhập cho kế hoạch này (tạo lúc {valid_time(last).strftime('%H:%M ngày %d/%m/%Y')}); không nhập để "
            "khỏi làm mất các thay đổi mới hơn. Hãy xin gói mới nhất.")
    if last != created_at and (not last or moment >= valid_time(last)):
        store.set_plan_task_package(db, plan_id, created_at)


def _evidence_key(values: dict) -> tuple:
    return tuple(values[key] for key in EVIDENCE_COLUMNS)


def _apply_evidence(db, records: list[dict], task_ids: dict[int, int], changes: dict[str, int]) -> None:
    known: dict[int, set[tuple]] = {}
    for record in records:
        task_id = task_ids[record["task"]]
        if task_id not in known:
            known[task_id] = {_evidence_key(row) for row in store.list_evidence(db, task_id)}
        values = _texts(record, EVIDENCE_COLUMNS)
        key = _evidence_key(values)
        if key in known[task_id]:
            changes["evidence_unchanged"] += 1
            continue
        store.insert_evidence(db, {"task_id": task_id, **values})
        known[task_id].add(key)
        changes["evidence_added"] += 1


def _apply_reports(db, plan_id: int, reports: list[dict], changes: dict[str, int]) -> None:
    for report in reports:
        values = {"plan_id": plan_id, **_texts(report, REPORT_COLUMNS)}
        local = store.get_report(db, plan_id, values["period"], values["start_date"], values["end_date"])
        if local is None:
            store.save_report(db, values)
            changes["reports_added"] += 1
        elif all(local[k] == v for k, v in values.items()):
            changes["reports_unchanged"] += 1
        elif _newer(values["updated_at"], local["updated_at"]):
            store.save_report(db, values)
            changes["reports_updated"] += 1
        else:
            changes["reports_kept_local"] += 1


MAX_RECORD_NOTES = 12  # the preview dialog must fit the screen


def _at_most(notes: list[str]) -> list[str]:
    if len(notes) <= MAX_RECORD_NOTES:
        return notes
    return notes[:MAX_RECORD_NOTES] + [f"… và {len(notes) - MAX_RECORD_NOTES} dòng, nhiệm vụ khác như trên."]


def summarize(package: OpenedPackage, changes: dict[str, int], evidence: EvidenceStore, *,
              applied: bool = False, warnings: Iterable[str] = ()) -> PackageSummary:
    manifest, data = package.manifest, package.data
    plans = []
    for plan in data["plans"]:
        plans.append({"number": plan["number"], "date": plan["date"], "title": plan["title"],
                      "issuer": plan["issuer"],
                      "tasks": sum(len(index["tasks"]) for index in plan["indices"]),
                      "indices": [index["kind"] for index in plan["indices"]]})
    missing = {record["file_sha256"] for record in data["evidence"] if record["file_sha256"]
               and record["file_sha256"] not in package.files and not evidence.path_for(record["file_sha256"]).exists()}
    notes = list(warnings) + _at_most(list(package.read_notes) + list(package.notes))
    if missing:
        notes.append(f"{len(missing)} tệp tài liệu kiểm chứng không có trong gói và không có trong máy này; "
                     "chỉ nhập được thông tin về tài liệu.")
    contents = {
        "plans": len(plans),
        "tasks": sum(plan["tasks"] for plan in plans),
        "criteria": sum(len(index["criteria"]) for plan in data["plans"] for index in plan["indices"]),
        "progress": len(data["progress"]),
        "evidence": len(data["evidence"]),
        "evidence_files": len(package.files),
        "evidence_bytes": sum(member["size"] for member in manifest.get("members", [])
                              if member["name"].startswith(EVIDENCE_PREFIX)),
        "reports": sum(len(plan["reports"]) for plan in data["plans"]),
    }
    profile = manifest.get("profile") or {}
    audience = manifest.get("audience") or {}
    return PackageSummary(
        file_name=package.name, kind=package.kind, kind_label=KIND_LABELS.get(package.kind, "bảng kết quả Excel"),
        agency=profile.get("name"), audience=audience.get("name"), created_at=manifest.get("created_at"),
        program_version=manifest.get("program_version"), period=manifest.get("period"), plans=plans,
        contents=contents, changes=changes, warnings=notes, applied=applied,
    )


CHANGE_PHRASES = [
    ("profile_set", "đặt thông tin đơn vị theo gói"),
    ("plans_added", "thêm {} kế hoạch"),
    ("tasks_added", "thêm {} nhiệm vụ"),
    ("tasks_updated", "cập nhật {} nhiệm vụ"),
    ("tasks_restored", "đưa lại {} nhiệm vụ vào kế hoạch"),
    ("tasks_removed", "đánh dấu {} nhiệm vụ bị bỏ khỏi kế hoạch"),
    ("roles_restored", "khôi phục vai trò tự đặt của {} nhiệm vụ"),
    ("progress_added", "thêm kết quả thực hiện của {} nhiệm vụ"),
    ("progress_updated", "cập nhật kết quả thực hiện của {} nhiệm vụ"),
    ("evidence_added", "thêm {} tài liệu kiểm chứng"),
    ("files_added", "lưu {} tệp đính kèm"),
    ("reports_added", "thêm {} báo cáo"),
    ("reports_updated", "cập nhật {} báo cáo"),
    ("progress_kept_local", "giữ kết quả trong máy (mới hơn trong gói) của {} nhiệm vụ"),
    ("reports_kept_local", "giữ {} báo cáo trong máy (mới hơn trong gói)"),
]


CHANGE_PHRASES += _SCORE_PHRASES  # issue 12


def change_phrases(changes: dict[str, int]) -> list[str]:
    """The changes in words, for the preview, the final message and the command line."""
    return [text.format(changes[key]) for key, text in CHANGE_PHRASES if changes.get(key)]
