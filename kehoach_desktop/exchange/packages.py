"""Progress packages (.khbc) and task packages (.khnv): building, reading safely, applying.

A package is a zip: `manifest.json` (see manifest.py), `data.json` with the plans and,
for a progress package, the progress records, evidence records and report texts, and the
evidence files under `evidence/<sha256>` (the user's file names are data, never paths).

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
import hashlib
import itertools
import json
import math
import os
import shutil
import tempfile
import time
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

import sqlite_utils

from ..db import store, transaction
from ..errors import ImportRefusedError
from ..evidence_store import EvidenceStore
from ..importing import _criterion_key as criterion_key  # the identity annex imports use
from ..matching import resolve_role
from ..model import AgencyKind, AgencyProfile, Authority, Status
from ..text import fold, nfc
from .manifest import (
    DATA_NAME, EVIDENCE_PREFIX, EXTENSIONS, FORMAT_PROGRESS, FORMAT_TASKS, KIND_LABELS, MANIFEST_NAME,
    MAX_DATA_BYTES, MAX_MANIFEST_BYTES, MEMBER_NAMES, check_manifest, new_manifest, upgrade,
)
from .safe_zip import CHUNK, MAX_TOTAL_BYTES, SafeZip, refuse
from .seal import PLACEHOLDER as SEAL_PLACEHOLDER
from .seal import SealingWriter, TailHasher, check_seal, digest_of
from .writer import ExportError, write_atomically

FORMAT_WORKBOOK = "kehoach-xlsx"  # the program's own results workbook, read back like a package
MAX_TEXT_CHARS = 100_000
STALE_TEMP_SECONDS = 24 * 3600

ProgressCallback = Callable[[int, int, str], object]  # (done, total, what); may raise to cancel

PERIOD_CODES = ("q1", "h1", "q3", "year")
PERIOD_LABELS = {"q1": "quý I", "h1": "6 tháng đầu năm", "q3": "quý III", "year": "năm"}


def period_label(period: dict | None) -> str:
    if not period:
        return ""
    return f"{PERIOD_LABELS.get(period['code'], period['code'])} {period['year']}"


# --- summaries ------------------------------------------------------------------------------

CHANGE_KEYS = (
    "profile_set", "plans_added", "tasks_added", "tasks_updated", "tasks_restored", "tasks_removed",
    "tasks_unchanged", "roles_restored", "progress_added", "progress_updated", "progress_unchanged",
    "progress_kept_local", "evidence_added", "evidence_unchanged", "files_added", "reports_added",
    "reports_updated", "reports_unchanged", "reports_kept_local",
)
_NOT_CHANGES = ("tasks_unchanged", "progress_unchanged", "progress_kept_local", "evidence_unchanged",
                "reports_unchanged", "reports_kept_local")


def nothing_changes(changes: dict[str, int]) -> bool:
    return not any(value for key, value in changes.items() if key not in _NOT_CHANGES)


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
        plan_out = {key: plan[key] for key in PLAN_COLUMNS}
        plan_out["indices"] = [
            _collect_index(db, index, task_refs, refs, profile, with_progress, include_task)
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
                data["progress"].append({"task": task_refs[row["task_id"]], **{k: row[k] for k in PROGRESS_COLUMNS}})
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
    return PackageContent(
        kind=kind, profile=profile.to_json() if profile else None, period=period,
        audience={"name": audience.name, "kind": audience.kind.value} if audience else None,
        data=data, files=list(files.values()), warnings=warnings,
    )


def _collect_index(db, index: dict, task_refs: dict[int, int], refs, profile, with_progress: bool,
                   include_task) -> dict:
    criteria_rows = store.list_criteria(db, index["id"])
    criterion_refs = {row["id"]: next(refs) for row in criteria_rows}
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


# --- writing a package ----------------------------------------------------------------------

def export_package(
    db: sqlite_utils.Database,
    evidence: EvidenceStore,
    target: Path,
    profile: AgencyProfile | None,
    *,
    plan_ids: Iterable[int] | None = None,
    period: dict | None = None,
    audience: AgencyProfile | None = None,
    progress: ProgressCallback | None = None,
) -> ExportResult:
    """Build the package named by `target`'s extension, write it safely, read it back verified."""
    target = Path(target)
    kind = EXTENSIONS.get(target.suffix.lower())
    if kind is None:
        raise ExportError(f"Tên tệp “{target.name}” phải có đuôi .khbc (gói báo cáo) hoặc .khnv (gói nhiệm vụ).")
    if kind == FORMAT_PROGRESS and audience is not None:
        raise ExportError("Chỉ gói nhiệm vụ (.khnv) mới gửi riêng cho một đơn vị.")
    content = collect(db, evidence, kind, profile, plan_ids=plan_ids, period=period, audience=audience)
    data_bytes = json.dumps(content.data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    members = [{"name": DATA_NAME, "size": len(data_bytes), "sha256": hashlib.sha256(data_bytes).hexdigest()}]
    members += [{"name": EVIDENCE_PREFIX + f.sha256, "size": f.size, "sha256": f.sha256} for f in content.files]
    manifest = new_manifest(kind, profile=content.profile, plans=content.plan_list, period=period,
                            audience=content.audience, members=members)
    evidence_bytes = sum(f.size for f in content.files)
    total = len(data_bytes) + evidence_bytes

    def write(out: BinaryIO) -> None:
        _write_zip(out, manifest, data_bytes, content.files, evidence, _Bytes(progress, total, "Đang ghi gói"))

    def verify(path: Path) -> None:
        read_package(path, path.name, progress=_Bytes(progress, total, "Đang đọc lại và kiểm tra gói"))

    written = write_atomically(target, write, verify, expected_size=total + 1024 * (len(members) + 4))
    return ExportResult(
        path=written.path, kind=kind, size=written.size, package_id=manifest["package_id"],
        plans=len(content.data["plans"]), tasks=content.task_count, progress=len(content.data["progress"]),
        evidence=len(content.data["evidence"]), evidence_files=len(content.files), evidence_bytes=evidence_bytes,
        stale_removed=written.stale_removed, warnings=content.warnings,
    )


class _Bytes:
    """Progress in bytes, reported to a (done, total, text) callback about every few MB."""

    def __init__(self, callback: ProgressCallback | None, total: int, text: str):
        self.callback, self.total, self.text = callback, max(total, 1), text
        self.done = 0
        self._last = -1

    def __call__(self, count: int) -> None:
        self.done += count
        if self.callback is None:
            return
        step = self.done * 200 // self.total
        if step != self._last:
            self._last = step
            self.callback(min(self.done, self.total), self.total, self.text)


class _Utf8Info(zipfile.ZipInfo):
    """Names flagged UTF-8 (bit 11) even when ASCII: zipfile flags only non-ASCII names and
    resets flag_bits when writing, so the flag is added where the headers are encoded."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's name
        return self.filename.encode("utf-8"), self.flag_bits | 0x800


def _zip_info(name: str, *, stored: bool, size: int = 0) -> zipfile.ZipInfo:
    info = _Utf8Info(name, date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.external_attr = 0o100644 << 16  # a regular file, never a link
    info.file_size = size
    return info


def _write_zip(out: BinaryIO, manifest: dict, data_bytes: bytes, files: list[EvidenceFile],
               evidence: EvidenceStore, progress: _Bytes) -> None:
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    sink = SealingWriter(out)
    with zipfile.ZipFile(sink, "w", allowZip64=True) as archive:
        archive.comment = SEAL_PLACEHOLDER
        archive.writestr(_zip_info(MANIFEST_NAME, stored=False), manifest_bytes)
        archive.writestr(_zip_info(DATA_NAME, stored=False), data_bytes)
        progress(len(data_bytes))
        for item in files:  # already compressed formats mostly (PDF, DOCX, JPG): stored as they are
            digest = hashlib.sha256()
            size = 0
            with open(evidence.path_for(item.sha256), "rb") as source, \
                    archive.open(_zip_info(EVIDENCE_PREFIX + item.sha256, stored=True, size=item.size), "w") as dest:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    dest.write(chunk)
                    size += len(chunk)
                    progress(len(chunk))
            if size != item.size or digest.hexdigest() != item.sha256:
                raise ExportError(f"Tệp tài liệu kiểm chứng “{item.name}” trong kho đã bị thay đổi hoặc hỏng "
                                  "(nội dung không khớp mã kiểm tra); gói không được ghi.")
    sink.seal()


# --- reading a package ----------------------------------------------------------------------

def read_package(
    path: Path,
    display_name: str,
    *,
    extract_to: Path | None = None,
    progress: Callable[[int], None] | None = None,
    accept: Callable[[dict], None] | None = None,
    file_digest: tuple[str, bytes] | None = None,
    already_stored: Callable[[str], bool] = lambda sha: False,
) -> tuple[dict, dict, dict[str, Path]]:
    """Check and read a package: (manifest, data, evidence files extracted to `extract_to`).

    Every member is read through the bounded stream and compared with the size and
    SHA-256 the manifest declares, and the whole file with the seal in its comment (its
    digest computed here, or given when the caller hashed the file while copying it).
    `accept(manifest)` may refuse early (another agency's package) before the evidence is read;
    files for which `already_stored(sha256)` is true are verified but not unpacked (their path is None).
    """
    files: dict[str, Path] = {}
    with SafeZip(path, display_name, MEMBER_NAMES) as archive:
        check_seal(display_name, archive.comment, *(file_digest or digest_of(path)))
        manifest = check_manifest(_json(archive.read_small(MANIFEST_NAME, MAX_MANIFEST_BYTES),
                                        MANIFEST_NAME, display_name), display_name)
        declared = {member["name"]: member for member in manifest["members"]}
        present = archive.names() - {MANIFEST_NAME}
        for name in sorted(declared.keys() - present):
            raise refuse(display_name, f"thiếu thành phần “{name}” mà manifest.json khai báo")
        for name in sorted(present - declared.keys()):
            raise refuse(display_name, f"có thành phần “{name}” không khai báo trong manifest.json")
        if DATA_NAME not in declared:
            raise refuse(display_name, "thiếu phần dữ liệu data.json")
        for name, member in declared.items():
            if archive.size(name) != member["size"] or (
                    name.startswith(EVIDENCE_PREFIX) and name[len(EVIDENCE_PREFIX):] != member["sha256"]):
                raise refuse(display_name, f"thành phần “{name}” không khớp với khai báo trong manifest.json")
        if sum(member["size"] for member in declared.values()) > MAX_TOTAL_BYTES:
            raise refuse(display_name, "khi giải nén quá lớn")
        if accept is not None:
            accept(manifest)
        raw = archive.read_small(DATA_NAME, MAX_DATA_BYTES)
        if hashlib.sha256(raw).hexdigest() != declared[DATA_NAME]["sha256"]:
            raise refuse(display_name, "phần dữ liệu data.json không đúng mã kiểm tra SHA-256 — gói đã bị "
                                       "thay đổi hoặc hỏng")
        if progress:
            progress(len(raw))
        for name in sorted(n for n in declared if n.startswith(EVIDENCE_PREFIX)):
            sha = declared[name]["sha256"]
            unpack_to = None if already_stored(sha) else extract_to  # verified all the same
            files[sha] = _read_evidence(archive, name, sha, unpack_to, progress, display_name)
    data = _json(raw, DATA_NAME, display_name)
    manifest, data = upgrade(manifest, data)
    check_data(data, manifest, display_name, set(files))
    return manifest, data, files


def _read_evidence(archive: SafeZip, name: str, sha: str, extract_to: Path | None, progress,
                   display_name: str) -> Path | None:
    target = extract_to / sha if extract_to is not None else None
    out = open(target, "xb") if target is not None else None
    try:
        _, digest = archive.copy(name, out, progress=progress)
    except BaseException:
        if out is not None:
            out.close()
            target.unlink()
        raise
    if out is not None:
        out.close()
    if digest != sha:
        if target is not None:
            target.unlink()
        raise refuse(display_name, f"tệp tài liệu “{name}” không đúng mã kiểm tra SHA-256 — gói đã bị thay đổi "
                                   "hoặc hỏng")
    return target


def _refuse_constant(name: str):
    raise ValueError(f"giá trị {name} không được phép")


def _json(raw: bytes, member: str, display_name: str):
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise refuse(display_name, f"phần “{member}” không phải là JSON hợp lệ") from None


@dataclass
class OpenedPackage:
    """A package copied into the data folder's temporary area and fully verified."""

    source: Path
    kind: str
    manifest: dict
    data: dict
    files: dict[str, Path | None]  # sha256 → verified file in temp_dir; None: the store already had it
    temp_dir: Path | None = None
    edited: set[int] = field(default_factory=set)  # task refs whose results were edited in Excel: they win

    @property
    def name(self) -> str:
        return self.source.name

    def close(self) -> None:
        if self.temp_dir is not None:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            self.temp_dir = None

    def __enter__(self) -> "OpenedPackage":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_package(
    source: Path,
    work_root: Path,
    *,
    progress: ProgressCallback | None = None,
    accept: Callable[[dict], None] | None = None,
    already_stored: Callable[[str], bool] = lambda sha: False,
) -> OpenedPackage:
    """Copy a .khbc/.khnv into a private temporary folder, then check everything in it.

    The copy means a stick pulled out during the import, or a file changed on it, cannot
    change what is read; nothing is written outside `work_root`; the caller must close().
    """
    source = Path(source)
    if not source.is_file():
        raise refuse(source.name, f"không tìm thấy tệp “{source}”")
    size = source.stat().st_size
    if size > MAX_TOTAL_BYTES:
        raise refuse(source.name, "tệp quá lớn để là một gói của chương trình")
    work_root.mkdir(parents=True, exist_ok=True)
    _remove_stale_temp(work_root)
    temp_dir = Path(tempfile.mkdtemp(prefix="goi-", dir=work_root))
    try:
        local = temp_dir / "goi.zip"
        digest = _copy_in(source, local, _Bytes(progress, size, f"Đang chép {source.name} vào máy"))
        extract = temp_dir / "evidence"
        extract.mkdir()
        manifest, data, files = read_package(
            local, source.name, extract_to=extract, accept=accept, file_digest=digest, already_stored=already_stored,
            progress=_Bytes(progress, size, f"Đang kiểm tra {source.name}"))
        local.unlink()
        return OpenedPackage(source, manifest["format"], manifest, data, files, temp_dir)
    except BaseException:
        shutil.rmtree(temp_dir, ignore_errors=True)
        raise


def _copy_in(source: Path, target: Path, progress: _Bytes) -> tuple[str, bytes]:
    """Copy the package from the stick, hashing it for the seal on the way.

    A read error is the package's (or the stick's) fault; a write error is ours.
    """
    hasher = TailHasher()
    with open(target, "xb") as out:
        try:
            src = open(source, "rb")
        except OSError as error:
            raise refuse(source.name, f"không mở được tệp ({error.strerror or error})") from None
        with src:
            while True:
                try:
                    chunk = src.read(CHUNK)
                except OSError as error:
                    raise refuse(source.name, f"không đọc được tệp ({error.strerror or error}); "
                                              "USB có thể đã bị rút") from None
                if not chunk:
                    return hasher.result()
                hasher.update(chunk)
                out.write(chunk)
                progress(len(chunk))


def _remove_stale_temp(work_root: Path) -> None:
    """Temporary folders of imports that a crash left behind."""
    limit = time.time() - STALE_TEMP_SECONDS
    for folder in work_root.glob("goi-*"):
        try:
            if folder.is_dir() and folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


# --- checking the data of a package ---------------------------------------------------------

def _text(value) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT_CHARS


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**53


def _number(value) -> bool:
    return (_int(value) or isinstance(value, float)) and math.isfinite(value)


def _bool(value) -> bool:
    return isinstance(value, bool)


def _date(value) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _sha(value) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(ch in "0123456789abcdef" for ch in value)


def _list(value) -> bool:
    return isinstance(value, list)


def _optional(check):
    return lambda value: value is None or check(value)


def _one_of(*choices):
    return lambda value: value in choices


PLAN_SPEC = {"number": _text, "date": _optional(_date), "issuer": _text, "year": _optional(_int), "title": _text,
             "source_file": _text, "imported_at": _text, "indices": _list, "reports": _list}
INDEX_SPEC = {"kind": _text, "name": _text, "position": _int, "criteria": _list, "tasks": _list}
CRITERION_SPEC = {"ref": _int, "parent": _optional(_int), "code": _text, "title": _text,
                  "max_score": _optional(_number), "prior_result": _text, "target": _text, "position": _int}
TASK_SPEC = {"ref": _int, "criterion": _optional(_int), "position": _int, "content": _text,
             "deadline_text": _text, "evidence_required": _text, "lead": _text, "implementing": _text,
             "cooperating": _text, "source_sheet": _text, "source_row": _optional(_int), "removed": _bool}
ROLE_OVERRIDES = (None, "lead", "implementing", "cooperating", "none")
PROGRESS_SPEC = {"task": _int, "status": _one_of(*(s.value for s in Status)),
                 "percent": lambda v: _int(v) and 0 <= v <= 100, "result": _text, "completed_on": _optional(_date),
                 "score": _optional(lambda v: _number(v) and v >= 0), "difficulties": _text, "proposals": _text,
                 "updated_at": _text}
EVIDENCE_SPEC = {"task": _int, "number": _text, "date": _optional(_date), "issuer": _text, "abstract": _text,
                 "file_sha256": _optional(_sha), "file_name": _optional(_text),
                 "file_size": _optional(lambda v: _int(v) and v >= 0), "added_at": _text}
REPORT_SPEC = {"period": _one_of("q1", "h1", "q3", "year", "custom"), "year": _int, "start_date": _date,
               "end_date": _date, "number": _text, "signed_on": _optional(_date), "addressees": _text,
               "recipients": _text, "direction": _text, "shortcomings": _text, "next_steps": _text,
               "proposals": _text, "updated_at": _text}
PROFILE_SPEC = {"name": lambda v: _text(v) and bool(v.strip()), "kind": _one_of(*(k.value for k in AgencyKind)),
                "governing_body": _text, "place": _text, "symbol": _text, "signer_name": _text,
                "signer_title": _text, "authority": _one_of(*(a.value for a in Authority))}


def _need(record, spec: dict, where: str, display_name: str) -> None:
    if not isinstance(record, dict):
        raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where})")
    for key, check in spec.items():
        if key not in record or not check(record[key]):
            raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, mục “{key}”)")


def check_data(data, manifest: dict, display_name: str, files: set[str]) -> None:
    """Every record has the fields and types the program writes; every reference resolves."""
    kind = manifest["format"]
    _need(data, {"plans": _list, "progress": _list, "evidence": _list}, "data.json", display_name)
    if kind != FORMAT_TASKS:
        _need(manifest.get("profile"), PROFILE_SPEC, "thông tin đơn vị", display_name)
    task_refs: set[int] = set()
    all_refs: set[int] = set()
    for plan in data["plans"]:
        _need(plan, PLAN_SPEC, "kế hoạch", display_name)
        if not plan["number"].strip():
            raise refuse(display_name, "dữ liệu trong gói không hợp lệ (kế hoạch không có số)")
        where = f"kế hoạch {plan['number']}"
        for index in plan["indices"]:
            _need(index, INDEX_SPEC, where, display_name)
            criterion_refs = set()
            for criterion in index["criteria"]:
                _need(criterion, CRITERION_SPEC, f"{where}, tiêu chí", display_name)
                _new_ref(criterion["ref"], all_refs, display_name)
                criterion_refs.add(criterion["ref"])
            for criterion in index["criteria"]:
                if criterion["parent"] is not None and criterion["parent"] not in criterion_refs:
                    raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, tiêu chí "
                                               f"{criterion['code']} trỏ tới tiêu chí cha không có)")
            for task in index["tasks"]:
                _need(task, TASK_SPEC, f"{where}, nhiệm vụ", display_name)
                if kind != FORMAT_TASKS and task.get("role_override") not in ROLE_OVERRIDES:
                    raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, vai trò tự đặt)")
                if task["criterion"] is not None and task["criterion"] not in criterion_refs:
                    raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, nhiệm vụ trỏ tới "
                                               "tiêu chí không có)")
                _new_ref(task["ref"], all_refs, display_name)
                task_refs.add(task["ref"])
        for report in plan["reports"]:
            _need(report, REPORT_SPEC, f"{where}, báo cáo", display_name)
    seen_progress: set[int] = set()
    for record in data["progress"]:
        _need(record, PROGRESS_SPEC, "tiến độ", display_name)
        if record["task"] not in task_refs or record["task"] in seen_progress:
            raise refuse(display_name, "dữ liệu trong gói không hợp lệ (tiến độ của nhiệm vụ không có)")
        seen_progress.add(record["task"])
    for record in data["evidence"]:
        _need(record, EVIDENCE_SPEC, "tài liệu kiểm chứng", display_name)
        if record["task"] not in task_refs:
            raise refuse(display_name, "dữ liệu trong gói không hợp lệ (tài liệu của nhiệm vụ không có)")
    if kind == FORMAT_TASKS and (data["progress"] or data["evidence"]):
        raise refuse(display_name, "gói nhiệm vụ không được mang tiến độ hay tài liệu kiểm chứng")


def _new_ref(ref: int, seen: set[int], display_name: str) -> None:
    if ref in seen:
        raise refuse(display_name, "dữ liệu trong gói không hợp lệ (mã dòng bị lặp)")
    seen.add(ref)


def check_agency(manifest: dict, profile: AgencyProfile | None, display_name: str) -> None:
    """A progress package restores only this agency's data; a task package for one agency goes only to it."""
    kind = manifest["format"]
    if kind in (FORMAT_PROGRESS, FORMAT_WORKBOOK):
        owner = (manifest.get("profile") or {}).get("name", "")
        if profile is not None and fold(owner) != fold(profile.name):
            what = "gói báo cáo" if kind == FORMAT_PROGRESS else "bảng kết quả"
            raise refuse(display_name, f"đây là {what} của “{owner}”, không phải của đơn vị này (“{profile.name}”). "
                                       f"Chương trình chỉ nhập lại {what} của chính đơn vị mình; việc tổng hợp "
                                       "gói của nhiều đơn vị chưa được hỗ trợ")
    audience = manifest.get("audience")
    if kind == FORMAT_TASKS and audience and profile is not None and fold(audience["name"]) != fold(profile.name):
        raise refuse(display_name, f"gói nhiệm vụ này gửi riêng cho “{audience['name']}”, không phải cho đơn vị "
                                   f"này (“{profile.name}”)")


# --- applying -------------------------------------------------------------------------------

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
    changes["files_added"] = sum(not evidence.path_for(sha).exists() for sha in package.files)
    return changes


def apply_package(db: sqlite_utils.Database, evidence: EvidenceStore, package: OpenedPackage,
                  profile: AgencyProfile | None, progress: ProgressCallback | None = None) -> dict[str, int]:
    """Store the evidence files (fsynced, content-addressed), then write everything in one transaction."""
    changes = dict.fromkeys(CHANGE_KEYS, 0)
    total = len(package.files)
    adopted: list[str] = []
    for done, (sha, path) in enumerate(package.files.items(), start=1):
        if not evidence.path_for(sha).exists():
            if path is None:  # it was in the store when the package was checked, and is gone now
                raise ImportRefusedError(f"Tệp tài liệu {sha[:12]}… vừa bị xóa khỏi kho trong lúc nhập; "
                                         f"hãy nhập lại “{package.name}”.")
            with open(path, "rb+") as handle:  # durable before it is renamed into the store
                os.fsync(handle.fileno())
            evidence.adopt(path, sha, sync_folder=False)
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
    for plan in package.data["plans"]:
        plan_id = _apply_plan(db, plan, restoring, complete, task_ids, changes)
        if restoring:
            _apply_reports(db, plan_id, plan["reports"], changes)
    if restoring:
        _apply_progress(db, package.data["progress"], task_ids, package.edited, changes)
        _apply_evidence(db, package.data["evidence"], task_ids, changes)


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
    return {key: nfc(record[key]) if isinstance(record[key], str) else record[key] for key in keys}


def _apply_plan(db, plan: dict, restoring: bool, complete: bool, task_ids: dict[int, int],
                changes: dict[str, int]) -> int:
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
    local_keys = {row["id"]: key for row in store.list_criteria(db, index_id) for key in [criterion_key(row)]}
    matcher = _Matcher(local, lambda row: (local_keys.get(row["criterion_id"], ""), fold(row["content"])))
    for task in tasks:
        criterion = criteria.get(task["criterion"]) if task["criterion"] is not None else None
        values = {"plan_id": plan_id, "index_id": index_id, "criterion_id": criterion["id"] if criterion else None,
                  **_texts(task, TASK_COLUMNS), "removed": int(task["removed"])}
        row = matcher.take((criterion["key"] if criterion else "", fold(values["content"])), values["position"])
        if row is None:
            if restoring:
                values["role_override"] = task.get("role_override")
            task_ids[task["ref"]] = store.insert_task(db, values)
            seen.add(task_ids[task["ref"]])
            changes["tasks_added"] += 1
            continue
        task_ids[task["ref"]] = row["id"]
        seen.add(row["id"])
        if restoring:
            if row["role_override"] is None and task.get("role_override") is not None:
                store.update_task(db, row["id"], {"role_override": task["role_override"]})
                changes["roles_restored"] += 1
            else:
                changes["tasks_unchanged"] += 1
            continue
        differs = {k: v for k, v in values.items() if row[k] != v}
        if differs:
            store.update_task(db, row["id"], differs)
        if row["removed"] and not values["removed"]:
            changes["tasks_restored"] += 1
        elif set(differs) - {"position", "source_row", "source_sheet"}:
            changes["tasks_updated"] += 1
        else:
            changes["tasks_unchanged"] += 1


def _newer(theirs: str, ours: str | None) -> bool:
    return ours is None or theirs > ours


def _apply_progress(db, records: list[dict], task_ids: dict[int, int], edited: set[int],
                    changes: dict[str, int]) -> None:
    """A record replaces the local one when it is newer, or was edited by the user for this import."""
    for record in records:
        task_id = task_ids[record["task"]]
        values = _texts(record, PROGRESS_COLUMNS)
        local = store.get_progress(db, task_id)
        if local is None:
            store.insert_progress(db, task_id, values)
            changes["progress_added"] += 1
        elif all(local[k] == v for k, v in values.items()):
            changes["progress_unchanged"] += 1
        elif record["task"] in edited or _newer(values["updated_at"], local["updated_at"]):
            store.save_progress(db, task_id, values)
            changes["progress_updated"] += 1
        else:
            changes["progress_kept_local"] += 1


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


# --- summary --------------------------------------------------------------------------------

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
    notes = list(warnings)
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


def change_phrases(changes: dict[str, int]) -> list[str]:
    """The changes in words, for the preview, the final message and the command line."""
    return [text.format(changes[key]) for key, text in CHANGE_PHRASES if changes.get(key)]
