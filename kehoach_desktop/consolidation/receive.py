"""Taking in many agencies' progress packages (.khbc) at once.

Each file is opened exactly as any package is (exchange.packages.open_package: copied off
the stick, zip, seal, limits, manifest, checksums and data checked); a bad one is refused
with its name and reason and the others still go in. What they bring is stored per (agency,
task) in agency_task / agency_evidence, never in the consolidator's own progress; evidence
files go into the one hashed store. A package already received changes nothing; a record
replaces the stored one only when it is newer by (record revision, package creation time).
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..db import consolidation_store as cstore
from ..db import store
from ..errors import KehoachError
from ..evidence_store import FILE_OK
from ..exchange.content import EVIDENCE_COLUMNS, PERIOD_CODES, PROGRESS_COLUMNS, ProgressCallback, period_label
from ..exchange.manifest import FORMAT_TASKS
from ..exchange.packages import OpenedPackage, open_package
from ..exchange.safe_zip import refuse
from ..limits import clean_text
from ..model import AgencyKind
from ..text import fold, nfc
from . import maybe_rolled_back
from .roster import RosterIndex, clean_name, lookup, scope_tasks

PACKAGE_SUFFIX = ".khbc"
FUTURE_TOLERANCE = dt.timedelta(days=1)  # a sender's clock a little ahead is tolerated, not more

RECEIVED, UNCHANGED, REFUSED, QUESTION = "received", "unchanged", "refused", "question"
STATUS_LABELS = {RECEIVED: "nhận", UNCHANGED: "không thay đổi", REFUSED: "từ chối", QUESTION: "cần xác nhận"}
CHANGE_KEYS = ("agency_added", "tasks_assigned", "tasks_added", "tasks_updated", "tasks_unchanged", "tasks_kept_newer",
               "evidence_added", "files_added", "tasks_unmatched", "scores_received")  # scores: issue 12


@dataclass
class PackageOutcome:
    file: str
    status: str
    message: str = ""
    agency: str | None = None
    kind: str | None = None
    code: str = ""
    period: dict | None = None
    created_at: str | None = None
    changes: dict = field(default_factory=lambda: dict.fromkeys(CHANGE_KEYS, 0))

    def to_json(self) -> dict:
        return {"file": self.file, "status": self.status, "message": self.message, "agency": self.agency,
                "kind": self.kind, "code": self.code, "period": self.period, "created_at": self.created_at,
                "changes": self.changes}

    def describe(self) -> str:
        """One line for the preview and the command line."""
        if self.status in (REFUSED, QUESTION):
            return f"{self.file}: {STATUS_LABELS[self.status]} — {self.message}"
        who = f"{self.agency}, kỳ {period_label(self.period)}" if self.period else f"{self.agency}"
        c = self.changes
        parts = [f"{c[key]} {text}" for key, text in (
            ("tasks_assigned", "nhiệm vụ được giao"), ("tasks_added", "kết quả mới"),
            ("tasks_updated", "kết quả cập nhật"),
            ("evidence_added", "tài liệu kiểm chứng"), ("files_added", "tệp đính kèm"),
            ("scores_received", "điểm tự chấm đề xuất của tiêu chí"),
            ("tasks_kept_newer", "nhiệm vụ giữ dữ liệu mới hơn đã có"),
            ("tasks_unmatched", "nhiệm vụ không có trong kế hoạch ở máy này (bỏ qua)")) if c[key]]
        if c["agency_added"]:
            parts.insert(0, "thêm đơn vị vào danh sách")
        what = "; ".join(parts) if parts else (self.message or "không thay đổi gì")
        return f"{self.file} ({who}): {what}"


@dataclass
class ReceiveResult:
    packages: list[PackageOutcome]
    applied: bool

    def count(self, status: str) -> int:
        return sum(item.status == status for item in self.packages)

    def to_json(self) -> dict:
        return {"applied": self.applied, "received": self.count(RECEIVED), "unchanged": self.count(UNCHANGED),
                "refused": self.count(REFUSED), "questions": self.count(QUESTION),
                "packages": [item.to_json() for item in self.packages]}


def find_packages(paths: Iterable[str | Path]) -> tuple[list[Path], list[PackageOutcome]]:
    """The .khbc files named, and those inside the folders named (a whole stick), each once."""
    found: list[Path] = []
    missing: list[PackageOutcome] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == PACKAGE_SUFFIX
                            and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        else:
            missing.append(PackageOutcome(path.name, REFUSED, f"không tìm thấy tệp hay thư mục “{path}”"))
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, missing


def utc_time(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(dt.timezone.utc)


class _AlreadyReceived(Exception):
    """A package received before: nothing more of it is read."""

    def __init__(self, manifest: dict):
        super().__init__(manifest.get("package_id"))
        self.manifest = manifest


def _acceptor(plans: list[dict], profile, display_name: str, received: set[str] = frozenset()):
    """Refuse early (before the evidence is read) what is not a package for this consolidator."""
    issuers = {fold(plan["issuer"]) for plan in plans}
    ours = {(plan["number"], plan["date"]) for plan in plans}

    def accept(manifest: dict) -> None:
        if manifest["format"] == FORMAT_TASKS:
            raise refuse(display_name, "đây là gói nhiệm vụ (.khnv), không phải gói báo cáo tiến độ của một đơn vị")
        owner = manifest.get("profile") or {}
        if profile is not None and nfc(owner.get("name", "")) == profile.name:
            raise refuse(display_name, "đây là gói báo cáo của chính đơn vị này; hãy nhập bằng “Nhập gói…” "
                                       "(kehoach import), không phải nhận để tổng hợp")
        theirs = [plan for plan in manifest["plans"] if isinstance(plan, dict)]
        if not theirs:
            raise refuse(display_name, "gói không mang kế hoạch nào")
        if not any((nfc(plan.get("number", "")), plan.get("date")) in ours for plan in theirs):
            foreign = [plan for plan in theirs if fold(nfc(plan.get("issuer", ""))) not in issuers]
            plan = (foreign or theirs)[0]
            number = f"kế hoạch số {plan.get('number')}" + (f" ngày {plan.get('date')}" if plan.get("date") else "")
            mine = ", ".join(f"{p['number']} ({p['issuer']})" for p in plans)
            if foreign:
                raise refuse(display_name, f"gói thuộc {number} của “{plan.get('issuer')}” — tỉnh khác; máy này "
                                           f"tổng hợp kế hoạch {mine}")
            raise refuse(display_name, f"gói thuộc {number}, không phải kế hoạch máy này tổng hợp ({mine})")
        created = utc_time(manifest.get("created_at"))
        if created is None:
            raise refuse(display_name, "thời điểm tạo gói (created_at) không hợp lệ")
        if created > dt.datetime.now(dt.timezone.utc) + FUTURE_TOLERANCE:
            raise refuse(display_name, f"thời điểm tạo gói ({manifest['created_at']}) ở tương lai — đồng hồ máy "
                                       "gửi bị sai; hãy chỉnh đồng hồ và xuất lại gói")
        if manifest.get("package_id") in received:
            raise _AlreadyReceived(manifest)
        period = manifest.get("period")
        if period is not None and not (isinstance(period, dict) and period.get("code") in PERIOD_CODES
                                       and isinstance(period.get("year"), int)):
            raise refuse(display_name, "kỳ báo cáo trong manifest.json không hợp lệ")
    return accept


def receive(workspace, paths: Iterable[str | Path], *, dry_run: bool = False,
            progress: ProgressCallback | None = None) -> ReceiveResult:
    """Check every package, then write what the good ones bring in one transaction."""
    scope = {task.id: task for task in scope_tasks(workspace)}
    files, outcomes = find_packages(paths)
    plans = store.list_plans(workspace.db)
    profile = workspace.profile()
    received = {row["package_id"] for row in cstore.list_received(workspace.db)}
    opened: list[tuple[OpenedPackage, str]] = []
    try:
        for number, path in enumerate(files, start=1):
            if progress:
                progress(number - 1, len(files), f"Đang kiểm tra {path.name} ({number}/{len(files)})")
            try:
                package = open_package(path, workspace.data_dir / "tmp",
                                       accept=_acceptor(plans, profile, path.name, received),
                                       already_stored=lambda sha: workspace.evidence.verify(sha) == FILE_OK,
                                       remove_stale=number == 1)  # not 1,000 times over 1,000 folders
            except _AlreadyReceived as known:  # checked as far as its manifest: seal, zip, members
                owner = known.manifest.get("profile") or {}
                outcomes.append(PackageOutcome(path.name, UNCHANGED, "gói này đã được nhận trước đây",
                                               agency=owner.get("name"), kind=owner.get("kind"),
                                               period=known.manifest.get("period"),
                                               created_at=known.manifest.get("created_at")))
                continue
            except KehoachError as error:
                outcomes.append(PackageOutcome(path.name, REFUSED, _reason(str(error))))
                continue
            opened.append((package, package.seal))
        if progress:
            progress(len(files), len(files), "Đang ghi dữ liệu")
        if not dry_run:
            _store_files(workspace, [package for package, _ in opened])
        matcher = _TaskMatcher(workspace.db, plans)
        now = dt.datetime.now().isoformat(timespec="seconds")
        ordered = sorted(opened, key=lambda item: utc_time(item[0].manifest["created_at"]))
        with maybe_rolled_back(workspace.db, dry_run):
            names = RosterIndex(workspace.db)
            for package, digest in ordered:
                outcomes.append(_apply(workspace.db, package, digest, scope, matcher, now, names))
    finally:
        for package, _ in opened:
            package.close()
    order = {path.name: i for i, path in enumerate(files)}
    outcomes.sort(key=lambda item: order.get(item.file, -1))
    return ReceiveResult(outcomes, applied=not dry_run)


def _reason(message: str) -> str:
    """“Không nhập được tệp “X”: lý do.” → “lý do” (the file is named beside it)."""
    head, sep, tail = message.partition("”: ")
    return tail.rstrip(".") if sep and head.startswith("Không nhập được tệp") else message.rstrip(".")


def _store_files(workspace, packages: list[OpenedPackage]) -> None:
    """Evidence files fsynced and renamed into the store before the rows that refer to them commit."""
    new: dict[str, Path] = {}
    for package in packages:
        for sha, path in package.files.items():
            if path is None:
                workspace.evidence.keep(sha)
            elif sha not in new and workspace.evidence.verify(sha) != FILE_OK:  # not brought by another package
                new[sha] = path
    with ThreadPoolExecutor(max_workers=FSYNC_THREADS) as pool:  # the disk's journal takes them together
        list(pool.map(_fsync, new.values()))
    for sha, path in new.items():
        workspace.evidence.adopt(path, sha)
    workspace.evidence.sync_folders(list(new))


FSYNC_THREADS = 8


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


class _TaskMatcher:
    """A package's task refs → local task ids, by plan, index and exact task text (in order)."""

    def __init__(self, db, plans: list[dict]):
        self.db = db
        self.plans = {(plan["number"], plan["date"]): plan["id"] for plan in plans}
        self._by_plan: dict[int, dict[tuple, list[int]]] = {}

    def _local(self, plan_id: int) -> dict[tuple, list[int]]:
        if plan_id not in self._by_plan:
            indices = {row["id"]: row for row in store.list_indices(self.db, plan_id)}
            keyed: dict[tuple, list[int]] = defaultdict(list)
            for row in store.list_plan_tasks(self.db, plan_id):
                index = indices[row["index_id"]]
                keyed[(index["kind"], index["name"], row["content"])].append(row["id"])
            self._by_plan[plan_id] = keyed
        return self._by_plan[plan_id]

    def map(self, data: dict) -> tuple[dict[int, int], list[dict], int]:
        """(ref → task id, the package's task records, how many found no local task)."""
        refs: dict[int, int] = {}
        tasks: list[dict] = []
        unmatched = 0
        for plan in data["plans"]:
            plan_id = self.plans.get((nfc(plan["number"]), plan["date"]))
            if plan_id is None:
                continue
            local = self._local(plan_id)
            taken: dict[tuple, int] = defaultdict(int)
            for index in plan["indices"]:
                for task in index["tasks"]:
                    key = (nfc(index["kind"]), nfc(index["name"]), nfc(task["content"]))
                    ids = local.get(key, [])
                    if taken[key] < len(ids):
                        refs[task["ref"]] = ids[taken[key]]
                        taken[key] += 1
                        tasks.append(task)
                    elif not task["removed"]:
                        unmatched += 1
        return refs, tasks, unmatched


_PROGRESS_KEYS = ("role",) + tuple(PROGRESS_COLUMNS)


def _stored_is_newer(old: dict, revision: int, created: str, record: dict | None) -> bool:
    """By the record's revision, then the package's creation; two packages of the same second
    are told apart by the record's own time."""
    ours, theirs = (old["revision"], old["package_created_at"]), (revision, created)
    if ours != theirs:
        return ours > theirs
    return (old["updated_at"] or "") > ((record or {}).get("updated_at") or "")


def _apply(db, package: OpenedPackage, digest: str, scope: dict, matcher: _TaskMatcher, now: str,
           names: RosterIndex) -> PackageOutcome:
    manifest, data = package.manifest, package.data
    owner = manifest["profile"]
    name, code = clean_name(owner["name"]), nfc(owner.get("code") or "").strip()
    outcome = PackageOutcome(package.name, RECEIVED, agency=name, kind=owner["kind"], code=code,
                             period=manifest.get("period"), created_at=manifest["created_at"])
    if cstore.find_received(db, manifest["package_id"]) is not None:
        outcome.status, outcome.message = UNCHANGED, "gói này đã được nhận trước đây"
        return outcome
    found = lookup(db, name, code, names)
    if found.agency is None and found.similar:
        outcome.status, outcome.message = QUESTION, found.question(name)
        return outcome
    changes = outcome.changes
    if found.agency is None:
        agency_id = cstore.insert_agency(db, {"name": name, "kind": AgencyKind(owner["kind"]).value, "code": code,
                                              "contact": "", "source": "goi", "added_at": now})
        names.add(cstore.get_agency(db, agency_id))
        changes["agency_added"] = 1
    else:
        agency_id = found.agency["id"]
    created = utc_time(manifest["created_at"]).isoformat(timespec="seconds")
    period = manifest.get("period") or {}
    package_row = cstore.insert_received(db, {
        "agency_id": agency_id, "package_id": manifest["package_id"], "file_name": package.name,
        "file_sha256": digest, "period_code": period.get("code"), "period_year": period.get("year"),
        "created_at": created, "received_at": now})
    refs, tasks, changes["tasks_unmatched"] = matcher.map(data)
    progress = {record["task"]: record for record in data["progress"]}
    evidence: dict[int, list[dict]] = defaultdict(list)
    for record in data["evidence"]:
        evidence[record["task"]].append(record)
    existing = cstore.agency_tasks(db, agency_id)
    stored_evidence = cstore.agency_evidence_by_task(db, agency_id) if existing else {}
    upserts: list[dict] = []
    for task in tasks:
        task_id = refs[task["ref"]]
        if task_id not in scope:
            continue
        record = progress.get(task["ref"])
        old = existing.get(task_id)
        role = task.get("role") if task.get("role") in ("lead", "implementing", "cooperating") else None
        if old is None and record is None and role is None:
            continue
        revision = record.get("revision") if record and isinstance(record.get("revision"), int) else 0
        if old is not None and _stored_is_newer(old, revision, created, record):
            changes["tasks_kept_newer"] += 1
            continue
        values = {"agency_id": agency_id, "task_id": task_id, "role": role, "revision": revision,
                  "package_created_at": created, "package_id": package_row}
        if record is None:
            values.update(dict.fromkeys(PROGRESS_COLUMNS), percent=0, result="", difficulties="", proposals="")
        else:
            for key in PROGRESS_COLUMNS:
                value = record[key]
                values[key] = clean_text(value) if isinstance(value, str) else value
        # Cleaned as a package's texts always are (issue 15): the consolidated Word report and the
        # matrix workbook can write whatever an agency sent.
        rows = [{key: clean_text(item[key]) if isinstance(item[key], str) else item[key] for key in EVIDENCE_COLUMNS}
                for item in evidence.get(task["ref"], [])]
        before = [{key: row[key] for key in EVIDENCE_COLUMNS} for row in stored_evidence.get(task_id, [])]
        same = old is not None and all(old[key] == values[key] for key in _PROGRESS_KEYS) and before == rows
        upserts.append(values)  # even unchanged: the newer package now vouches for it
        if same:
            changes["tasks_unchanged"] += 1
            continue
        if rows or before:
            cstore.replace_agency_evidence(db, agency_id, task_id, rows)
        if record is not None:
            changes["tasks_added" if old is None or old["status"] is None else "tasks_updated"] += 1
        elif old is None:
            changes["tasks_assigned"] += 1
        changes["evidence_added"] += max(0, len(rows) - len(before))
    cstore.save_agency_tasks(db, upserts)
    changes["files_added"] = sum(path is not None for path in package.files.values())
    # --- criterion scores (issue 12): the lead department's proposals, per criterion in scope ---
    from .scores import store_proposals

    in_scope = {task["criterion"] for task in tasks if refs[task["ref"]] in scope}
    changes["scores_received"] = store_proposals(db, data, agency_id, package_row, created, in_scope)
    return outcome
