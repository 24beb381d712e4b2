"""Taking in many agencies' progress packages (.khbc) at once.

Each file is opened exactly as any package is (exchange.packages.open_package: read once
off the stick, zip, seal, limits, manifest, checksums and data checked); a bad one is refused
with its name and reason and the others still go in. What they bring is stored per (agency,
task) in agency_task / agency_evidence, never in the consolidator's own progress; evidence
files go into the one hashed store. A package already received changes nothing; a record
replaces the stored one only when it is newer by (record revision, package creation time).
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import itertools
import json
import multiprocessing
import operator
import os
import shutil
import sys
import tempfile
import unicodedata
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .. import collector
from ..db import consolidation_store as cstore
from ..db import store
from ..errors import KehoachError
from ..evidence_store import FILE_OK, EvidenceStore
from ..exchange.content import EVIDENCE_COLUMNS, PERIOD_CODES, PROGRESS_COLUMNS, ProgressCallback, period_label
from ..exchange.content import PlanCache
from ..exchange.manifest import FORMAT_TASKS, MANIFEST_NAME, MAX_MANIFEST_BYTES, PLAN_NAME
from ..exchange.packages import KnownPackage, OpenedPackage, open_package
from ..exchange.packages import _remove_stale_temp as remove_stale_temp
from ..exchange.packages import _Syncer
from ..exchange.safe_zip import peek_first_member, refuse
from ..exchange.schema import latest_valid_time, valid_time
from ..limits import _NOT_XML, clean_text
from ..model import AgencyKind, Role
from ..text import fold, nfc
from . import maybe_rolled_back
from .roster import RosterIndex, clean_name, insert_agency, lookup, scope_tasks

PACKAGE_SUFFIX = ".khbc"

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
    """An ISO time as an aware UTC datetime (a time without zone is the sender's local one)."""
    moment = valid_time(text, _NO_LATER_THAN_EVER)
    return moment.astimezone(dt.timezone.utc) if moment is not None else None


_NO_LATER_THAN_EVER = dt.datetime.max.replace(tzinfo=dt.timezone.utc) - dt.timedelta(days=2)


def _acceptor(plans: list[dict], profile_name: str | None, display_name: str, received: set[str] = frozenset()):
    """Refuse early (before the evidence is read) what is not a package for this consolidator."""
    issuers = {fold(plan["issuer"]) for plan in plans}
    ours = {(plan["number"], plan["date"]) for plan in plans}

    def accept(manifest: dict) -> None:
        if manifest["format"] == FORMAT_TASKS:
            raise refuse(display_name, "đây là gói nhiệm vụ (.khnv), không phải gói báo cáo tiến độ của một đơn vị")
        owner = manifest.get("profile") or {}
        if profile_name is not None and nfc(owner.get("name", "")) == profile_name:
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
        moment = utc_time(manifest.get("created_at"))  # parsed once (kept for _prepare)
        if moment is None:
            raise refuse(display_name, "thời điểm tạo gói (created_at) không hợp lệ")
        if moment > latest_valid_time():  # the one future check of every package (exchange)
            raise refuse(display_name, f"thời điểm tạo gói ({manifest['created_at']}) ở tương lai — đồng hồ máy "
                                       "gửi bị sai; hãy chỉnh đồng hồ và xuất lại gói")
        accept.created = moment.isoformat(timespec="seconds")
        if manifest.get("package_id") in received:
            raise _AlreadyReceived(manifest)
        period = manifest.get("period")
        if period is not None and not (isinstance(period, dict) and period.get("code") in PERIOD_CODES
                                       and isinstance(period.get("year"), int)):
            raise refuse(display_name, "kỳ báo cáo trong manifest.json không hợp lệ")
    return accept


class _AlreadyReceived(KnownPackage):
    """A package received before: nothing more of it is read, once its seal holds."""

    def __init__(self, manifest: dict):
        super().__init__(manifest.get("package_id"))
        self.manifest = manifest


# --- opening and checking one package (in this process, or in a worker process) ---------------

@dataclass
class _Context:
    """What checking a package needs, as plain values (sent once to each worker process)."""

    plans: list[dict]
    profile_name: str | None
    received: set[str]
    work_root: Path
    evidence_root: Path
    scope: frozenset[int]
    local_tasks: dict[tuple, dict[tuple, list[int]]]  # (plan number, date) → task key → local task ids
    matched: list = field(default_factory=list)  # [(a package's plan section or its SHA-256, _matched's answer)]
    known_plans: PlanCache = field(default_factory=PlanCache)  # plan.json members read and checked (format 2)


@dataclass
class _Prepared:
    """A package checked and reduced to what the database needs (no task texts)."""

    opened: OpenedPackage  # its data dropped: only the scores' part is kept (issue 12)
    created: str  # the package's creation, UTC ISO
    rows: list[tuple]  # (task id, role, (revision, progress values, record time) or None, evidence rows or None)
    unmatched: int
    in_scope_criteria: set[int]
    learned: dict = field(default_factory=dict)  # plan.json members read and checked opening it (a worker's too)
    plan_sha: str | None = None  # its plan.json's SHA-256 (format 2), else None


def _open_one(path: Path, context: _Context, evidence: EvidenceStore | None = None, shared: "_Unpacked | None" = None):
    """("ok", _Prepared) | ("known", manifest) | ("refused", reason): never raises for the package's faults.
    `shared`: one folder that the packages opened in this process unpack into, instead of one each."""
    evidence = evidence or EvidenceStore(context.evidence_root)
    pending = shared.files if shared is not None else ()
    accept = _acceptor(context.plans, context.profile_name, path.name, context.received)
    learned = len(context.known_plans.learned)
    try:
        package = open_package(path, context.work_root, accept=accept,
                               already_stored=lambda sha: sha in pending or evidence.verify(sha) == FILE_OK,
                               remove_stale=False, plans=context.known_plans,
                               unpack_to=shared.folder if shared is not None else None,
                               syncer=shared.syncer if shared is not None else None)
    except _AlreadyReceived as known:  # checked as far as its manifest: seal, zip, members
        return "known", known.manifest
    except KehoachError as error:
        return "refused", _reason(str(error))
    if shared is not None:  # unpacked once, and counted for each package that brings it (as unpacked apart)
        for sha, file in package.files.items():
            if file is not None:
                shared.files.add(sha)
            elif sha in pending:
                package.files[sha] = shared.folder / sha
    try:
        prepared = _prepare(package, context, accept.created)
        prepared.learned = dict(itertools.islice(context.known_plans.learned.items(), learned, None))
        return "ok", prepared
    except BaseException:
        package.close()
        raise


@dataclass
class _Unpacked:
    """The folder that the packages opened in this process unpack their evidence into (a folder
    per package cost ~0.5 ms to make and remove), the files in it, and their fsyncs, waited for
    once before the files are renamed into the store (each package waited for its own)."""

    folder: Path
    files: set[str] = field(default_factory=set)
    syncer: _Syncer = field(default_factory=_Syncer)


def _prepare(package: OpenedPackage, context: _Context, created: str) -> _Prepared:
    """`created`: the package's creation, UTC ISO, as its manifest was checked."""
    data = package.data
    plan_sha = _plan_sha(package.manifest)
    refs, ids, unmatched, in_scope = _matched(data, context, plan_sha)
    columns = _progress_columns(data["progress"])
    clean = _cleaner(columns, data["evidence"])
    # Each progress record's (revision, values, record time), built in C loops: the checks made the
    # revision an integer and the record time a text (issue 11: 300 a package).
    values = zip(*(columns[key] for key in PROGRESS_COLUMNS))
    values = values if clean is _AS_IS else map(clean, values)
    progress = dict(zip(columns["task"], zip(columns["revision"], values, columns["updated_at"])))
    grouped: dict[int, list[dict]] = defaultdict(list)
    for record in data["evidence"]:
        grouped[record["task"]].append(record)
    # Cleaned as a package's texts always are (issue 15): the consolidated Word report and the
    # matrix workbook can write whatever an agency sent.
    evidence = {ref: tuple(clean(_EVIDENCE_VALUES(item)) for item in items) for ref, items in grouped.items()}
    found = _roles_of(data, refs)
    try:  # a role the program knows, else None
        chosen = [*map(_KNOWN_ROLES.get, found)]
    except TypeError:  # an unhashable one (a list): not one it knows
        chosen = [role if role in _ROLES else None for role in found]
    rows = [*zip(ids, chosen, map(progress.get, refs), map(evidence.get, refs))]
    scores = {"plans": [{"number": plan["number"], "date": plan["date"],
                         "indices": [{"kind": index["kind"], "name": index["name"], "criteria": index["criteria"]}
                                     for index in plan["indices"]]} for plan in data["plans"]],
              "criterion_scores": data.get("criterion_scores") or []} if data.get("criterion_scores") else {}
    package.data = scores
    return _Prepared(package, created, rows, unmatched, in_scope, plan_sha=plan_sha)


def _plan_sha(manifest: dict) -> str | None:
    """The SHA-256 of the package's plan.json as verified or known (format 2), else None."""
    return next((member["sha256"] for member in manifest["members"] if member["name"] == PLAN_NAME), None)


_ROLES = tuple(role.value for role in Role)  # a tuple: a role may be any JSON value
_KNOWN_ROLES = {role: role for role in _ROLES}


def _roles_of(data: dict, refs: tuple) -> list:
    """The agency's role for each task ref as the package says (any value; checked by the caller)."""
    if "roles" in data:  # a plan.json known already: (override, role) beside it (format 2), by C loops
        return [*map(_SECOND, map(data["roles"].get, refs, itertools.repeat(_NO_ROLE)))]
    roles = {task["ref"]: task.get("role") for plan in data["plans"] for index in plan["indices"]
             for task in index["tasks"]}
    return [*map(roles.get, refs)]


_SECOND, _NO_ROLE = operator.itemgetter(1), (None, None)


def _matched(data: dict, context: _Context, plan_sha: str | None = None) -> tuple[tuple, tuple, int, set]:
    """(the refs of the tasks in scope, their local task ids, how many found no local task, the
    criterion refs in scope). A receive's packages of one plan carry the same plan section: one
    with the SHA-256 of a plan.json matched before (format 2), or equal (==, every value) to a
    format 1 section matched before in this receive, is not matched again."""
    plans = data["plans"] if plan_sha is None else plan_sha
    for seen, answer in context.matched:
        if seen == plans:
            return answer
    refs, tasks, unmatched = _match(data, context.local_tasks)
    matched, in_scope = [], set()
    for task in tasks:
        task_id = refs[task["ref"]]
        if task_id not in context.scope:
            continue
        in_scope.add(task["criterion"])
        matched.append((task["ref"], task_id))
    answer = (tuple(ref for ref, _ in matched), tuple(task_id for _, task_id in matched), unmatched, in_scope)
    context.matched = [*context.matched[1 - MATCHED_KEPT:], (plans, answer)]
    return answer


MATCHED_KEPT = 4  # plan sections remembered (a receive mixes a few: lead departments', communes')


def _progress_columns(progress: list | dict) -> dict[str, list]:
    """A package's progress as columns ({key: [its value in each record]}): format 3's as the
    reader gave them, else gathered from the records (a revision format 1 left out is 0)."""
    if type(progress) is dict:
        return progress
    columns = {key: [*map(operator.itemgetter(key), progress)] for key in ("task", *PROGRESS_COLUMNS)}
    columns["revision"] = [*map(_REVISION, progress)]
    return columns


def _cleaner(progress: dict[str, list], evidence: list[dict]):
    """clean_text for the strings of a tuple of values; when none of them needs it (the program's own
    packages), the check is made once over all of them together and each is taken as it is."""
    # The progress fields that may hold any text (the checks made the others a status, a date or a
    # number, which clean_text leaves as they are); the few evidence records one by one.
    texts = [*itertools.chain.from_iterable(progress[key] for key in _PROGRESS_TEXTS)]
    texts += [record[key] for record in evidence for key in EVIDENCE_COLUMNS if type(record[key]) is str]
    if is_clean_text("\n".join(texts)):  # a line break is kept by clean_text and ends any combining sequence
        return _AS_IS
    return lambda values: tuple(clean_text(value) if isinstance(value, str) else value for value in values)


def _AS_IS(values):  # noqa: N802 - the cleaner that leaves the values as they are
    return values


_REVISION = operator.methodcaller("get", "revision", 0)
_PROGRESS_TEXTS = ("result", "difficulties", "proposals", "updated_at")  # text, by the checks
_EVIDENCE_VALUES = operator.itemgetter(*EVIDENCE_COLUMNS)


def is_clean_text(text: str) -> bool:
    """True when clean_text would leave the text as it is."""
    return unicodedata.is_normalized("NFC", text) and _NOT_XML.search(text) is None


def _match(data: dict, local_tasks: dict) -> tuple[dict[int, int], list[dict], int]:
    """A package's task refs → local task ids, by plan, index and exact task text (in order):
    (ref → task id, the package's task records, how many found no local task)."""
    refs: dict[int, int] = {}
    tasks: list[dict] = []
    unmatched = 0
    for plan in data["plans"]:
        local = local_tasks.get((nfc(plan["number"]), plan["date"]))
        if local is None:
            continue
        taken: dict[tuple, int] = defaultdict(int)
        for index in plan["indices"]:
            kind, name = nfc(index["kind"]), nfc(index["name"])
            for task in index["tasks"]:
                content = task["content"]
                key = (kind, name, content)
                ids = local.get(key)
                if ids is None:  # the local texts are NFC: a text found as it is needs no normalising
                    key = (kind, name, nfc(content))
                    ids = local.get(key, ())
                if taken[key] < len(ids):
                    refs[task["ref"]] = ids[taken[key]]
                    taken[key] += 1
                    tasks.append(task)
                elif not task["removed"]:
                    unmatched += 1
    return refs, tasks, unmatched


def _local_tasks(db, plans: list[dict]) -> dict[tuple, dict[tuple, list[int]]]:
    found = {}
    for plan in plans:
        indices = {row["id"]: row for row in store.list_indices(db, plan["id"])}
        keyed: dict[tuple, list[int]] = defaultdict(list)
        for row in store.list_plan_tasks(db, plan["id"]):
            index = indices[row["index_id"]]
            keyed[(index["kind"], index["name"], row["content"])].append(row["id"])
        found[(plan["number"], plan["date"])] = dict(keyed)
    return found


# --- receiving many ------------------------------------------------------------------------------

POOL_FROM = 24  # packages: fewer are checked in this process (starting workers costs ~0.3 s)
WINDOW = 8  # packages checked ahead of the one being written, per worker


def receive(workspace, paths: Iterable[str | Path], *, dry_run: bool = False,
            progress: ProgressCallback | None = None, workers: int | None = None) -> ReceiveResult:
    """Check every package, then write what the good ones bring in one transaction.

    Many packages are opened and checked in worker processes (`workers`; 0: none, default:
    default_workers) while this process writes, in the order of their creation, those already
    checked; each package is checked exactly as when it is opened alone."""
    scope = frozenset(task.id for task in scope_tasks(workspace))
    files, outcomes = find_packages(paths)
    plans = store.list_plans(workspace.db)
    profile = workspace.profile()
    context = _Context(plans, profile.name if profile else None,
                       {row["package_id"] for row in cstore.list_received(workspace.db)},
                       workspace.data_dir / "tmp", workspace.evidence.root, scope,
                       _local_tasks(workspace.db, plans),
                       known_plans=PlanCache(lambda key: cstore.received_plan(workspace.db, key)))
    context.work_root.mkdir(parents=True, exist_ok=True)
    remove_stale_temp(context.work_root)  # once, not 1,000 times over 1,000 folders
    order = {path.name: i for i, path in enumerate(files)}  # the outcomes are listed as the files were found
    files, known = _by_creation(files, context.received)
    now = dt.datetime.now().isoformat(timespec="seconds")
    prepared: list[_Prepared] = []
    applied: list[PackageOutcome] = []  # of each prepared package
    try:
        with collector.paused(), cstore.page_cache_for_receiving(workspace.db), \
                maybe_rolled_back(workspace.db, dry_run), \
                _opener(context, len(files) - len(known), workers, lambda: cstore.received_plans(workspace.db),
                        workspace.evidence) \
                as results, \
                cstore.task_index_rebuilt_after(workspace.db, (len(files) - len(known)) * len(scope)):
            names = RosterIndex(workspace.db)
            taken = {row["package_id"] for row in cstore.list_received(workspace.db)}  # read in the transaction
            answers = results(files, known)
            writer = cstore.AgencyTaskWriter(workspace.db)  # flushed below, in the transaction
            for number, path in enumerate(files, start=1):
                if progress:
                    progress(number - 1, len(files), f"Đang kiểm tra và ghi {path.name} ({number}/{len(files)})")
                status, value = next(answers)
                if status == "known":
                    owner = value.get("profile") or {}
                    outcomes.append(PackageOutcome(path.name, UNCHANGED, "gói này đã được nhận trước đây",
                                                   agency=owner.get("name"), kind=owner.get("kind"),
                                                   period=value.get("period"), created_at=value.get("created_at")))
                elif status == "refused":
                    outcomes.append(PackageOutcome(path.name, REFUSED, value))
                else:
                    context.known_plans.learned.update(value.learned)  # from a worker process: stored below
                    prepared.append(value)
                    applied.append(_apply(workspace.db, value, now, names, taken, writer))
                    outcomes.append(applied[-1])
                    value.rows = value.opened.data = None  # written: the files are all that is kept
            writer.flush()
            if progress:
                progress(len(files), len(files), "Đang ghi dữ liệu")
            kept = {item.plan_sha for item, outcome in zip(prepared, applied)
                    if outcome.status == RECEIVED}  # for the next receive: the plans of what went in
            cstore.save_received_plans(workspace.db, {key: raw for key, raw in context.known_plans.learned.items()
                                                      if key[0] in kept}, now)
            if not dry_run:  # files fsynced and renamed into the store before the rows commit
                getattr(results, "synced", lambda: None)()
                _store_files(workspace, [item.opened for item in prepared])
    finally:
        for item in prepared:
            item.opened.close()
    outcomes.sort(key=lambda item: order.get(item.file, -1))
    return ReceiveResult(outcomes, applied=not dry_run)


def _by_creation(files: list[Path], received: set[str]) -> tuple[list[Path], set[Path]]:
    """The files in the order of their packages' creation as their manifests say, and those
    whose manifest names a package received before (both only hints: each file is read again
    and verified when it is opened; one whose manifest cannot be read comes last)."""
    keys, known = {}, set()
    for path in files:
        try:
            manifest = _peek_manifest(path)
            text = manifest.get("created_at")
            if manifest.get("package_id") in received:
                known.add(path)
        except Exception:  # noqa: BLE001 - only an order: the package is checked when it is opened
            keys[path] = (1, _NO_LATER_THAN_EVER)
            continue
        moment = utc_time(text) if isinstance(text, str) else None
        keys[path] = (1, _NO_LATER_THAN_EVER) if moment is None else (0, moment)
    return sorted(files, key=keys.__getitem__), known


def _peek_manifest(path: Path) -> dict:
    """The manifest of a package, read from the first bytes of the file, as the program writes it
    (manifest.json first, deflated): only a hint for the order, so the zip is not opened twice
    (its directory checked, its members listed) for it. Anything else raises."""
    manifest = json.loads(peek_first_member(path, MANIFEST_NAME, MAX_MANIFEST_BYTES, PEEK_BYTES))
    if not isinstance(manifest, dict):
        raise ValueError("not a manifest")
    return manifest


PEEK_BYTES = 8 * 1024  # a manifest of one plan deflates to under 1 KB


def default_workers(count: int) -> int:
    """Worker processes for `count` packages: none for a few (starting one costs ~0.3 s), none
    on fewer than POOL_CORES cores, else one per core but the one this process writes with.

    Measured on 2 shared cores (benchmarks/consolidation_benchmark.py, 1,000 packages): one
    worker took half of this process's work but cost 15% more CPU in all (pickling, a second
    interpreter), and with no core free the receive was slower (16.6 s against 13.6 s).

    None by default on Windows: worker processes there have not been seen to work. Under wine
    (the only Windows here) Python's own process pools hang on their pipes, a stdlib-only pool
    included, so the installed program checks every package in its own process unless
    `kehoach receive --workers N` asks for workers."""
    cores = os.cpu_count() or 1
    if count < POOL_FROM or cores < POOL_CORES or sys.platform == "win32" or not _spawn_is_safe():
        return 0
    return min(cores - 1, MAX_WORKERS)


POOL_CORES = 4


def _spawn_is_safe() -> bool:
    """A spawned worker imports the main module again (as on Windows): only mains known to do
    nothing then are trusted — the program's own entry points and the test runner. Any other
    script receives in this process unless it asks for workers itself."""
    if getattr(sys, "frozen", False):
        return True  # installer/windows/kehoach_entry.py: guarded, with freeze_support()
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and spec.name.partition(".")[0] in ("kehoach_desktop", "pytest"):
        return True
    file = getattr(main, "__file__", None)
    return file is None or Path(file).stem in ("kehoach", "pytest", "py.test")  # console scripts; -c


MAX_WORKERS = 4  # beyond this the single writer is the limit


@contextlib.contextmanager
def _opener(context: _Context, count: int, workers: int | None, stored_plans=dict,
            evidence: EvidenceStore | None = None):
    """results(files) → an iterator of _open_one's answers, in the files' order: from worker
    processes (spawned, as on Windows), a few packages ahead of the one being written.
    `evidence`: the workspace's store, whose record of the files it checked then serves again
    when the files are stored (_store_files)."""
    workers = default_workers(count) if workers is None else workers
    evidence = evidence or EvidenceStore(context.evidence_root)
    if workers <= 0 or count <= 0:
        shared = _Unpacked(Path(tempfile.mkdtemp(prefix="goi-", dir=context.work_root)))
        results = lambda files, known: (_open_one(path, context, evidence, shared) for path in files)  # noqa: E731
        results.synced = shared.syncer.wait  # before the files are renamed into the store
        try:
            yield results
        finally:  # what was not renamed into the store (refused, or a receive that stopped)
            shared.syncer.wait(quietly=True)
            shutil.rmtree(shared.folder, ignore_errors=True)
        return
    context.known_plans.preload(stored_plans())  # the workers cannot ask the database
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_start, initargs=(context,))
    pending: collections.deque = collections.deque()

    def results(files, known):
        """Packages received before (by their manifest) are checked here, quickly; the others by the workers."""
        queue = iter([path for path in files if path not in known])
        for path in itertools.islice(queue, WINDOW * workers):
            pending.append(pool.submit(_worker_open, path))
        for path in files:
            if path in known:
                yield _open_one(path, context, evidence)
                continue
            answer = pending.popleft().result()
            for later in itertools.islice(queue, 1):
                pending.append(pool.submit(_worker_open, later))
            yield answer
    try:
        yield results
    finally:
        for future in pending:  # cancelled or failed: what the workers unpacked is removed
            future.cancel()
        pool.shutdown(wait=True)
        for future in pending:
            if not future.cancelled() and future.exception() is None and future.result()[0] == "ok":
                future.result()[1].opened.close()


_WORKER: dict = {}


def _worker_start(context: _Context) -> None:
    _WORKER["context"] = context
    _WORKER["evidence"] = EvidenceStore(context.evidence_root)


def _worker_open(path: Path):
    return _open_one(path, _WORKER["context"], _WORKER["evidence"])


def _reason(message: str) -> str:
    """“Không nhập được tệp “X”: lý do.” → “lý do” (the file is named beside it)."""
    head, sep, tail = message.partition("”: ")
    return tail.rstrip(".") if sep and head.startswith("Không nhập được tệp") else message.rstrip(".")


def _store_files(workspace, packages: list[OpenedPackage]) -> None:
    """Evidence files renamed into the store (each fsynced as it was unpacked, open_package) and
    the store's folders synced, before the rows that refer to them commit."""
    new: dict[str, Path] = {}
    kept: set[str] = set()
    for package in packages:
        for sha, path in package.files.items():
            if path is None:
                if sha not in kept:  # a file many agencies sent: kept once
                    kept.add(sha)
                    workspace.evidence.keep(sha)
            elif sha not in new and workspace.evidence.verify(sha) != FILE_OK:  # not brought by another package
                new[sha] = path
    for sha, path in new.items():
        workspace.evidence.adopt(path, sha)
    workspace.evidence.sync_folders(list(new))


def _stored_is_newer(old: dict, revision: int, created: str, record_time: str) -> bool:
    """By the record's revision, then the package's creation; two packages of the same second
    are told apart by the record's own time."""
    ours, theirs = (old["revision"], old["package_created_at"]), (revision, created)
    if ours != theirs:
        return ours > theirs
    return (old["updated_at"] or "") > record_time


def _apply(db, prepared: _Prepared, now: str, names: RosterIndex, taken: set[str],
           writer: cstore.AgencyTaskWriter) -> PackageOutcome:
    """Store one package; `taken`: the package ids received, before and in this transaction;
    `writer`: where its agency_task rows go (written by the caller's flush)."""
    package = prepared.opened
    manifest = package.manifest
    owner = manifest["profile"]
    name, code = clean_name(owner["name"]), nfc(owner.get("code") or "").strip()
    outcome = PackageOutcome(package.name, RECEIVED, agency=name, kind=owner["kind"], code=code,
                             period=manifest.get("period"), created_at=manifest["created_at"])
    if manifest["package_id"] in taken:  # the same package twice in one go
        outcome.status, outcome.message = UNCHANGED, "gói này đã được nhận trước đây"
        return outcome
    found = lookup(db, name, code, names)
    if found.agency is None and found.similar:
        outcome.status, outcome.message = QUESTION, found.question(name)
        return outcome
    changes = outcome.changes
    if found.agency is None:
        agency_id = insert_agency(db, {"name": name, "kind": AgencyKind(owner["kind"]).value, "code": code,
                                       "contact": "", "source": "goi", "added_at": now}, names)
        changes["agency_added"] = 1
    else:
        agency_id = found.agency["id"]
    created = prepared.created
    period = manifest.get("period") or {}
    package_row = cstore.insert_received(db, {
        "agency_id": agency_id, "package_id": manifest["package_id"], "file_name": package.name,
        "file_sha256": package.seal, "period_code": period.get("code"), "period_year": period.get("year"),
        "created_at": created, "received_at": now, "plan_sha256": prepared.plan_sha})
    taken.add(manifest["package_id"])
    changes["tasks_unmatched"] = prepared.unmatched
    if writer.pending_for(agency_id):  # a second package of this agency in this receive
        writer.flush()
    existing = cstore.agency_tasks(db, agency_id) if found.agency is not None else {}
    stored_evidence = cstore.agency_evidence_by_task(db, agency_id) if existing else {}
    upserts, evidence = _weighed_rows(prepared, existing, stored_evidence, agency_id, package_row, changes)
    writer.add(upserts, existing)
    cstore.replace_agency_evidence_rows(db, agency_id, evidence)
    changes["files_added"] = sum(path is not None for path in package.files.values())
    # --- criterion scores (issue 12): the lead department's proposals, per criterion in scope ---
    from .scores import store_proposals

    changes["scores_received"] = store_proposals(db, package.data, agency_id, package_row, created,
                                                 prepared.in_scope_criteria)
    return outcome


def _weighed_rows(prepared: _Prepared, existing: dict, stored_evidence: dict, agency_id: int, package_row: int,
                  changes: dict) -> tuple[list, list]:
    """(rows to upsert, [(task id, evidence rows)]): each task weighed against the agency's stored
    row; a task with none stored (every task of an agency's first package, most of a large
    receive) is taken as it is, without the comparisons."""
    created = prepared.created
    upserts: list[tuple] = []
    evidence: list[tuple] = []
    for task_id, role, found, rows in prepared.rows:
        old = existing.get(task_id) if existing else None
        revision, values, record_time = _NO_RECORD if found is None else found
        rows = rows or ()
        if old is None:
            if values is None:
                if role is None:
                    continue
                changes["tasks_assigned"] += 1
                values = _NO_PROGRESS
            else:
                changes["tasks_added"] += 1
            upserts.append((agency_id, task_id, role, *values, revision, created, package_row))
            if rows:
                evidence.append((task_id, rows))
                changes["evidence_added"] += len(rows)
            continue
        if _stored_is_newer(old, revision, created, record_time):
            changes["tasks_kept_newer"] += 1
            continue
        progress = _NO_PROGRESS if values is None else values
        upserts.append((agency_id, task_id, role, *progress, revision, created, package_row))
        before = [tuple(row[key] for key in EVIDENCE_COLUMNS) for row in stored_evidence.get(task_id, ())]
        if old["role"] == role and tuple(old[key] for key in PROGRESS_COLUMNS) == progress and before == list(rows):
            changes["tasks_unchanged"] += 1  # upserted all the same: the newer package now vouches for it
            continue
        if rows or before:
            evidence.append((task_id, rows))
        if values is not None:
            changes["tasks_added" if old["status"] is None else "tasks_updated"] += 1
        if len(rows) > len(before):
            changes["evidence_added"] += len(rows) - len(before)
    return upserts, evidence


_NO_RECORD = (0, None, "")  # (revision, progress values, record time) of a task without a progress record
_NO_PROGRESS = tuple({"percent": 0, "result": "", "difficulties": "", "proposals": ""}.get(key)
                     for key in PROGRESS_COLUMNS)
