"""Progress packages (.khbc) and task packages (.khnv) as files: writing and reading them safely.

A package is a zip: `manifest.json` (see manifest.py), `plan.json` with the plans (format 2;
format 1 had them in data.json), `data.json` with the agency's roles and, for a progress
package, the progress records, evidence records and report texts, and the evidence files under
`evidence/<sha256>` (the user's file names are data, never paths).

Writing goes through writer.py (NAME.partial, fsync, rename, read back and verify) and a
sealed zip (seal.py); reading checks the zip's directory (safe_zip.py), then reads the file
once, in order, checking the manifest, every member's checksum and, on the same bytes, the
seal, and then the data (schema.py). Format 2 (issue 17) seals all but the evidence data: an
evidence file the receiver's store holds already is not read at all, and the export reads its
file back against what it wrote (seal.ReadBack) instead of unpacking it again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

import sqlite_utils

from ..errors import KehoachError
from ..evidence_store import EvidenceStore
from ..model import AgencyProfile
from .content import EvidenceFile, ExportResult, ProgressCallback, collect
from .content import KnownPlan, PlanCache, PlanMismatch, join_plan, split_plan, with_known_plan  # issue 11
from .content import is_progress_table, progress_records  # format 3 (issue 11)
from .manifest import (
    DATA_NAME, EVIDENCE_PREFIX, EXTENSIONS, FORMAT_PROGRESS, MANIFEST_NAME, MAX_DATA_BYTES, MAX_MANIFEST_BYTES,
    MEMBER_NAMES, PLAN_NAME, check_manifest, new_manifest, upgrade,
)
from .safe_zip import CHUNK, MAX_TOTAL_BYTES, SafeZip, refuse
from .schema import check_data
from .seal import PLACEHOLDER_V2, PREFIX, PREFIX_V2, HashThread, SealingWriter, SealedReader
from .seal import ReadBack, check_seal, hash_worker, seal_version
from .writer import ExportError, SyncBehind, write_atomically

STALE_TEMP_SECONDS = 24 * 3600

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
    plan_bytes, data_bytes = _plan_and_data(content.data)  # issue 11: the plan in its own member
    parts = ((PLAN_NAME, plan_bytes), (DATA_NAME, data_bytes))
    members = [{"name": name, "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()} for name, raw in parts]
    members += [{"name": EVIDENCE_PREFIX + f.sha256, "size": f.size, "sha256": f.sha256} for f in content.files]
    manifest = new_manifest(kind, profile=content.profile, plans=content.plan_list, period=period,
                            audience=content.audience, members=members)
    evidence_bytes = sum(f.size for f in content.files)
    total = len(plan_bytes) + len(data_bytes) + evidence_bytes
    sealed: dict = {}

    def write(out: BinaryIO) -> None:
        sealed.update(_write_zip_v2(out, manifest, parts, content.files, evidence,
                                    _Bytes(progress, total, "Đang ghi gói")))

    def verify(path: Path) -> None:  # the bytes on the device against what was written: seal and CRC-32 (issue 17)
        if sealed["error"] is not None:
            raise sealed["error"]
        sealed["read_back"].finish(path, sealed["size"], sealed["digest"])

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


def _write_zip_v2(out: BinaryIO, manifest: dict, parts, files: list[EvidenceFile],
                  evidence: EvidenceStore, progress: _Bytes) -> dict:
    """A format version 2 package (seal.py): plan.json and data.json (`parts`: name, bytes), then
    the evidence copied as it is, each file hashed once
    (SHA-256, on a thread) and CRC-32'd by zipfile as it goes by, its data left out of the seal;
    the device writes behind the copy and what is durable is read back meanwhile (seal.ReadBack).
    Returns what verify() needs: size, seal digest, the read-back and its error if any."""
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    sink = SealingWriter(out)
    data_crcs: list[tuple[int, int, int]] = []
    checker = ReadBack(data_crcs)  # what is durable already is read back while the copy goes on
    behind = SyncBehind(out, after_sync=lambda upto: checker.check(Path(out.name), upto))
    try:
        with contextlib.closing(sink), zipfile.ZipFile(sink, "w", allowZip64=True) as archive:
            archive.comment = PLACEHOLDER_V2
            archive.writestr(_zip_info(MANIFEST_NAME, stored=False), manifest_bytes)
            for name, raw in parts:
                archive.writestr(_zip_info(name, stored=False), raw)
                progress(len(raw))
            copied = _copy_evidence_v2(archive, sink, behind, files, evidence, progress, data_crcs)
            for item, size, digest in copied:  # before the seal: a file that fails is never declared written
                if size != item.size or digest.hexdigest() != item.sha256:
                    raise ExportError(f"Tệp tài liệu kiểm chứng “{item.name}” trong kho đã bị thay đổi hoặc hỏng "
                                      "(nội dung không khớp mã kiểm tra); gói không được ghi.")
        sink.seal()
        behind.close()  # the last read-back step done before its error is looked at
    finally:
        behind.close()
    return {"size": sink.offset, "digest": sink.hasher.result()[0], "read_back": checker, "error": behind.error}


def _copy_evidence_v2(archive: zipfile.ZipFile, sink: SealingWriter, behind: SyncBehind,
                      files: list[EvidenceFile], evidence: EvidenceStore, progress: _Bytes,
                      data_crcs: list) -> list:
    checks = HashThread()  # the SHA-256 on its own thread, the CRC-32 and the writes on this one
    copied = []
    try:
        for item in files:
            digest = hashlib.sha256()
            size = 0
            with open(evidence.path_for(item.sha256), "rb", buffering=0) as source:
                with archive.open(_zip_info(EVIDENCE_PREFIX + item.sha256, stored=True, size=item.size), "w") as dest:
                    sink.begin_data()
                    while chunk := source.read(CHUNK):
                        checks.update(digest, chunk)
                        dest.write(chunk)
                        size += len(chunk)
                        progress(len(chunk))  # a cancel stops a large file midway
                    start, end = sink.end_data()
            data_crcs.append((start, end, archive.filelist[-1].CRC))
            copied.append((item, size, digest))
            behind.written(sink.offset)
    finally:
        checks.close()
    return copied


# --- reading a package ----------------------------------------------------------------------

class KnownPackage(Exception):
    """Raised by an `accept` callback for a package the caller has already: reading stops at
    its manifest, once the whole file has been checked against its seal."""


def read_package(
    path: Path,
    display_name: str,
    *,
    extract_to: Path | None = None,
    progress: Callable[[int], None] | None = None,
    accept: Callable[[dict], None] | None = None,
    already_stored: Callable[[str], bool] = lambda sha: False,
    plans: PlanCache | None = None,
) -> tuple[dict, dict, dict[str, Path]]:
    """Check and read a package: (manifest, data, evidence files extracted to `extract_to`).

    Every member is read through the bounded stream and compared with the size and
    SHA-256 the manifest declares, and the whole file with the seal in its comment, its
    digest taken from the same bytes as they were read: the file is read once, in order.
    `accept(manifest)` may refuse early (another agency's package) before the evidence is read;
    files for which `already_stored(sha256)` is true are not unpacked (their path is None): format 2
    does not read them (their own SHA-256 is the store's name for them), format 1 verifies them.
    `progress` gets the bytes of the file as they are read.
    `plans`: the plan.json members known already (a receiver's, issue 11): one of them is not read again.
    """
    manifest, data, files, _ = _read_package(path, display_name, extract_to=extract_to, progress=progress,
                                             accept=accept, already_stored=already_stored,
                                             plans=plans)
    return manifest, data, files


def _read_package(path: Path, display_name: str, *, extract_to, progress, accept, already_stored,
                  plans=None, syncer=None) -> tuple[dict, dict, dict[str, Path | None], tuple[str, bytes]]:
    """read_package, with the whole file's digest as verified against its seal."""
    try:
        handle = open(path, "rb")
    except OSError as error:
        raise refuse(display_name, f"không mở được tệp ({error.strerror or error})") from None
    # Given no spans to leave out (exclude), the reader hashes every byte: the version 1 seal
    with handle, contextlib.closing(SealedReader(handle, display_name, progress)) as reader:
        with SafeZip(path, display_name, MEMBER_NAMES, source=reader) as archive:
            manifest, raw, files, plan, digest = _read_sealed(archive, reader, display_name, extract_to,
                                                              accept, already_stored, plans, syncer)
    try:  # a refused package leaves nothing unpacked, wherever it unpacked (a caller's folder too)
        data = _json(raw, DATA_NAME, display_name)
        data, known = _with_plan(plan, data, display_name)  # the joined form, which the upgrades take
        data = _progress_read(data, manifest["format_version"], known, display_name)
        manifest, data = upgrade(manifest, data)
        refs = check_data(data, manifest, display_name, set(files), known)
    except BaseException:
        _remove_unpacked(files)
        raise
    if plans is not None and plan is not None and known is None:
        plans.learn(plan.key, plan.raw, plan.parsed, refs)
    return manifest, data, files, digest


def _read_sealed(archive: SafeZip, reader: SealedReader, display_name: str, extract_to, accept,
                 already_stored, plans, syncer):
    """Version 1, sealed whole: every byte hashed, in file order. Version 2 (seal.py): every byte
    but the evidence data hashed for the seal; each evidence member checked by its own SHA-256 as
    it is unpacked, and one the store holds already not read at all."""
    version_2 = seal_version(archive.comment) == 2
    prefix = PREFIX_V2 if version_2 else PREFIX
    evidence_names = [name for name in archive.names() if name.startswith(EVIDENCE_PREFIX)]
    if version_2:
        reader.exclude(archive.data_spans(evidence_names))
    reader.start()
    try:
        manifest, raw, files, plan = _read_members(archive, display_name, extract_to, accept, already_stored,
                                                   reader.report, plans, syncer, version_2=version_2)
    except (KehoachError, KnownPackage) as stopped:
        # The seal speaks first: a damaged file is told as damaged, whatever part failed, and a
        # copy of a package received before is "unchanged" only if it is intact, its evidence too
        # (which version 2 leaves out of the seal). (A cancel stops here.)
        if version_2 and isinstance(stopped, KnownPackage):
            try:
                _check_evidence_v2(archive, evidence_names, display_name, reader.report)
            except KehoachError:
                check_seal(display_name, archive.comment, *reader.finish(), prefix=prefix)
                raise
        check_seal(display_name, archive.comment, *reader.finish(), prefix=prefix)
        raise
    try:
        digest = reader.finish()
        check_seal(display_name, archive.comment, *digest, prefix=prefix)
    except BaseException:
        _remove_unpacked(files)
        raise
    return manifest, raw, files, plan, digest


def _unpack_evidence_v2(archive: SafeZip, members: list[tuple[str, str]], extract_to: Path | None,
                        already_stored, display_name: str, syncer: "_Syncer", report, files: dict) -> None:
    """Format 2's evidence, in file order: a file the store holds already is not read (seal.py);
    each other one is read once, written where it is unpacked (created ahead by _Opener) while a
    thread hashes it, fsynced by `syncer`, and its SHA-256 compared once all are read (a bad one:
    every file is removed)."""
    wanted = [(name, sha) for name, sha in members if not already_stored(sha)]
    files.update((sha, None) for _, sha in members)
    if extract_to is not None:
        files.update((sha, extract_to / sha) for _, sha in wanted)  # removed with the others if refused
    targets = [extract_to / sha for _, sha in wanted] if extract_to is not None else None
    opener = None if targets is None else _Opener(targets) if len(targets) >= _Opener.FROM else _OpenInTurn(targets)
    thread = hash_worker(sum(archive.size(name) for name, _ in wanted))
    pending = []
    try:
        for name, sha in wanted:
            out = opener.next() if opener is not None else None
            digest = hashlib.sha256()
            try:
                archive.copy(name, out, crc=False, progress=lambda _: report(),
                             feed=lambda chunk: thread.update(digest, chunk))  # noqa: B023 - used at once
            except BaseException:
                if out is not None:
                    out.close()
                raise
            if out is not None:
                syncer.submit(out)
            pending.append((name, sha, digest))
    finally:
        if opener is not None:
            opener.close()
        thread.close()
    for name, sha, digest in pending:
        if digest.hexdigest() != sha:
            raise _bad_evidence(display_name, name)


class _OpenInTurn:
    """_Opener's interface for a few files: each created when its turn comes (a thread started
    for them costs more than it saves: a consolidator's packages bring one file or none)."""

    def __init__(self, targets: list[Path]):
        self._targets = iter(targets)

    def next(self) -> BinaryIO:
        return open(next(self._targets), "xb", buffering=0)

    def close(self) -> None:
        pass


class _Opener:
    """The files to unpack into, created ("xb", unbuffered: the chunks are 1 MiB already) by a
    thread of its own a few files ahead of the reading: creating 1,000 files is about 0.3 s of
    the kernel's time, which then runs beside the copy instead of inside it (issue 17)."""

    AHEAD = 16
    FROM = 8  # files: fewer are opened in turn (_OpenInTurn)

    def __init__(self, targets: list[Path]):
        import queue
        import threading

        self._queue: queue.Queue = queue.Queue(maxsize=self.AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(targets,), name="kehoach-open", daemon=True)
        self._thread.start()

    def _run(self, targets: list[Path]) -> None:
        import queue

        for target in targets:
            try:
                item = open(target, "xb", buffering=0)
            except BaseException as error:  # noqa: BLE001 - raised by next(), in the reading thread
                item = error
            while True:
                if self._stop.is_set():
                    if not isinstance(item, BaseException):
                        item.close()
                    return
                try:
                    self._queue.put(item, timeout=0.05)
                    break
                except queue.Full:
                    continue
            if isinstance(item, BaseException):
                return

    def next(self) -> BinaryIO:
        item = self._queue.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        """The thread stopped; files opened and not taken closed (the caller removes them)."""
        self._stop.set()
        self._thread.join()
        while not self._queue.empty():
            item = self._queue.get_nowait()
            if not isinstance(item, BaseException):
                item.close()


def _bad_evidence(display_name: str, name: str) -> KehoachError:
    return refuse(display_name, f"tệp tài liệu “{name}” không đúng mã kiểm tra SHA-256 — gói đã bị thay đổi hoặc hỏng")


def _check_evidence_v2(archive: SafeZip, names: list[str], display_name: str, report) -> None:
    """Every evidence member read (not unpacked) and compared with the SHA-256 its name declares
    (the manifest declared the same, _read_members checked)."""
    members = [(name, name[len(EVIDENCE_PREFIX):]) for name in archive.in_file_order(names)]
    _unpack_evidence_v2(archive, members, None, lambda sha: False, display_name, None, report, {})


def _read_members(archive: SafeZip, display_name: str, extract_to, accept, already_stored,
                  report: Callable[[], None], plans=None, syncer=None,
                  version_2: bool = False) -> tuple[dict, bytes, dict, "_PlanMember | None"]:
    """`version_2`: the evidence as _unpack_evidence_v2 reads it."""
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
    if (PLAN_NAME in declared) != (manifest["format_version"] >= 2):  # issue 11: the plan's member since format 2
        raise refuse(display_name, "thiếu phần kế hoạch plan.json" if PLAN_NAME not in declared else
                     "có thành phần “plan.json” mà gói định dạng phiên bản 1 không có")
    for name, member in declared.items():
        if archive.size(name) != member["size"] or (
                name.startswith(EVIDENCE_PREFIX) and name[len(EVIDENCE_PREFIX):] != member["sha256"]):
            raise refuse(display_name, f"thành phần “{name}” không khớp với khai báo trong manifest.json")
    if sum(member["size"] for member in declared.values()) > MAX_TOTAL_BYTES:
        raise refuse(display_name, "khi giải nén quá lớn")
    if accept is not None:
        accept(manifest)
    plan = _read_plan(archive, declared, display_name, plans)
    raw = archive.read_small(DATA_NAME, MAX_DATA_BYTES)
    if hashlib.sha256(raw).hexdigest() != declared[DATA_NAME]["sha256"]:
        raise refuse(display_name, "phần dữ liệu data.json không đúng mã kiểm tra SHA-256 — gói đã bị "
                                   "thay đổi hoặc hỏng")
    files: dict[str, Path | None] = {}
    own_syncer = syncer is None  # a caller's syncer (a receive, issue 11): waited for by the caller, once
    syncer = _Syncer() if own_syncer else syncer
    try:
        evidence = [(name, declared[name]["sha256"])
                    for name in archive.in_file_order(n for n in declared if n.startswith(EVIDENCE_PREFIX))]
        if version_2:
            _unpack_evidence_v2(archive, evidence, extract_to, already_stored, display_name, syncer, report, files)
        else:
            for name, sha in evidence:
                unpack_to = None if already_stored(sha) else extract_to  # verified all the same
                files[sha] = _read_evidence(archive, name, sha, unpack_to, display_name, syncer, report)
        if own_syncer:
            syncer.wait()
    except BaseException:
        syncer.wait(quietly=True)
        _remove_unpacked(files)
        raise
    return manifest, raw, files, plan


# --- the plan as its own member, plan.json (format 2, issue 11) ---

def _plan_and_data(data: dict) -> tuple[bytes, bytes]:
    return tuple(json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
                 for part in split_plan(data))


@dataclass
class _PlanMember:
    """A package's plan.json: one the caller knows (not read: the seal covers its bytes), or its
    bytes read, checked against its SHA-256, and parsed."""

    key: tuple  # (SHA-256, size, CRC-32), as PlanCache keeps them
    known: KnownPlan | None = None
    raw: bytes = b""
    parsed: object = None


def _read_plan(archive: SafeZip, declared: dict, display_name: str,
               plans: PlanCache | None) -> _PlanMember | None:
    """None for format 1, which has no plan.json."""
    member = declared.get(PLAN_NAME)
    if member is None:
        return None
    key = (member["sha256"], member["size"], archive.infos[PLAN_NAME].CRC)
    known = plans.get(key) if plans is not None else None
    if known is not None:
        return _PlanMember(key, known=known)
    raw = archive.read_small(PLAN_NAME, MAX_DATA_BYTES)
    if hashlib.sha256(raw).hexdigest() != member["sha256"]:
        raise refuse(display_name, "phần kế hoạch plan.json không đúng mã kiểm tra SHA-256 — gói đã bị "
                                   "thay đổi hoặc hỏng")
    return _PlanMember(key, raw=raw, parsed=_json(raw, PLAN_NAME, display_name))


def _with_plan(plan: _PlanMember | None, data, display_name: str) -> tuple[dict, KnownPlan | None]:
    """The package's data with its plan: joined (as format 1 had it), or the known plan's view."""
    if plan is None:
        return data, None
    try:
        if plan.known is not None:
            return with_known_plan(plan.known, data), plan.known
        return join_plan(plan.parsed, data), None
    except PlanMismatch:
        raise refuse(display_name, "phần kế hoạch plan.json và phần dữ liệu data.json không khớp nhau") from None


def _progress_read(data, version: int, known: KnownPlan | None, display_name: str):
    """Format 3's progress columns as records (the form older formats wrote), except for a
    receiver holding the package's plan (`known`), which takes the columns as they are (issue 11)."""
    if type(data) is not dict:  # check_data refuses it
        return data
    columns = data.get("progress")
    if version < 3:  # records, as check_data checks them; columns are format 3's alone
        if type(columns) is dict:
            raise refuse(display_name, "dữ liệu trong gói không hợp lệ (tiến độ)")
        return data
    if not is_progress_table(columns):
        raise refuse(display_name, "dữ liệu trong gói không hợp lệ (tiến độ)")
    return data if known is not None else {**data, "progress": progress_records(columns)}


class _Syncer:
    """Unpacked files made durable while the stream goes on: each fsynced once, then closed, by a
    few threads, so that the disk's journal takes them together (one after another, each waited
    for its own commit: 3.7 s for 1,000 files here)."""

    THREADS = 8
    OPEN_AT_MOST = 128  # files waiting for their fsync still open: Windows gives a process 512

    def __init__(self) -> None:
        self._pool = None
        self._pending = []
        self._kept = []  # failures a quiet wait left: raised by the next wait (a receive's syncer, issue 11)

    def submit(self, out: BinaryIO) -> None:
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor  # not on the window's start path

            self._pool = ThreadPoolExecutor(max_workers=self.THREADS)
        if len(self._pending) >= self.OPEN_AT_MOST:  # issue 17: a slow stick must not run out of handles
            from concurrent.futures import wait

            wait([self._pending[-self.OPEN_AT_MOST]])  # taken in order: then at most this many open
        self._pending.append(self._pool.submit(_sync_and_close, out))

    def wait(self, *, quietly: bool = False) -> None:
        """Every file synced and closed; the first failure raised unless `quietly` (then kept for the next)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        self._kept += [failure for failure in (future.exception() for future in self._pending) if failure is not None]
        self._pending = []
        if not quietly and self._kept:
            raise self._kept.pop(0)


def _sync_and_close(out: BinaryIO) -> None:
    try:
        os.fsync(out.fileno())
    finally:
        out.close()


def _remove_unpacked(files: dict[str, Path | None] | None) -> None:
    """What a refused package had unpacked: nothing of it stays."""
    for path in (files or {}).values():
        if path is not None:
            path.unlink(missing_ok=True)


def _read_evidence(archive: SafeZip, name: str, sha: str, extract_to: Path | None,
                   display_name: str, syncer: _Syncer, report: Callable[[], None]) -> Path | None:
    """Stream one member once: bounded, hashed, and written where it is unpacked (or nowhere);
    a file unpacked is fsynced (by `syncer`) before the package counts as opened."""
    target = extract_to / sha if extract_to is not None else None
    out = open(target, "xb", buffering=0) if target is not None else None  # the chunks are 1 MiB already
    try:
        _, digest = archive.copy(name, out, crc=False, progress=lambda _: report())  # its SHA-256 is checked here
        if digest != sha:
            raise _bad_evidence(display_name, name)
    except BaseException:
        if out is not None:
            out.close()
            target.unlink()
        raise
    if out is not None:
        syncer.submit(out)
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
    notes: list[str] = field(default_factory=list)  # which records the file changes or not, and why (issue 15)
    read_notes: list[str] = field(default_factory=list)  # rows of a workbook left out, and why (issue 15)
    seal: str = ""  # the whole file's SHA-256 as verified against its seal (the copy read, not the stick again)

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
    remove_stale: bool = True,
    plans: PlanCache | None = None,
    unpack_to: Path | None = None,
    syncer: "_Syncer | None" = None,
) -> OpenedPackage:
    """Read a .khbc/.khnv once, checking everything in it and unpacking its evidence into a
    private temporary folder.

    Every byte is read once and what is checked is what was read, so a stick pulled out during
    the import, or a file changed on it, cannot change what is taken in; nothing is read from
    the stick after this returns; nothing is written outside `work_root`; the caller must close().
    `remove_stale=False`: the caller opening many packages in a row cleaned up once already.
    `unpack_to`: a folder of the caller's for the evidence (a receive of many packages, issue 11),
    which the caller removes; else a private folder, made only when there is evidence to unpack.
    `syncer`: the caller's (with `unpack_to`), which it waits for before it relies on the files
    unpacked: their fsyncs overlap the packages read after (none waited for one by one).
    """
    source = Path(source)
    if not source.is_file():
        raise refuse(source.name, f"không tìm thấy tệp “{source}”")
    size = source.stat().st_size
    if size > MAX_TOTAL_BYTES:
        raise refuse(source.name, "tệp quá lớn để là một gói của chương trình")
    if unpack_to is None:  # else the caller's folder, made once for many packages
        work_root.mkdir(parents=True, exist_ok=True)
    if remove_stale:
        _remove_stale_temp(work_root)
    temp_dir = unpack_to if unpack_to is not None else _LazyFolder(work_root)
    try:
        # Read once, in order, straight off the stick: each member is bounded, hashed and unpacked
        # into this folder as it goes by, and the seal is checked on the same bytes (issue 17: the
        # whole file was copied in first, then read again). What is read is what is checked, and
        # nothing is read from the stick once this returns. Evidence is named by its SHA-256: one
        # folder per package to make and remove (receiving 1,000 packages, issue 11).
        manifest, data, files, digest = _read_package(
            source, source.name, extract_to=temp_dir, accept=accept, already_stored=already_stored,
            progress=_Bytes(progress, size, f"Đang đọc và kiểm tra {source.name}"),
            plans=plans, syncer=syncer)
        own = temp_dir.path if isinstance(temp_dir, _LazyFolder) else None
        return OpenedPackage(source, manifest["format"], manifest, data, files, own, seal=digest[0])
    except BaseException:
        if isinstance(temp_dir, _LazyFolder) and temp_dir.path is not None:
            shutil.rmtree(temp_dir.path, ignore_errors=True)
        raise


class _LazyFolder:
    """A package's private temporary folder, made when the first evidence file is unpacked into
    it: none for a package without new evidence (issue 11: 1,000 folders made and removed)."""

    def __init__(self, root: Path) -> None:
        self.root, self.path = root, None

    def __truediv__(self, name: str) -> Path:
        if self.path is None:
            self.path = Path(tempfile.mkdtemp(prefix="goi-", dir=self.root))
        return self.path / name


def _remove_stale_temp(work_root: Path) -> None:
    """Temporary folders of imports that a crash left behind."""
    limit = time.time() - STALE_TEMP_SECONDS
    for folder in work_root.glob("goi-*"):
        try:
            if folder.is_dir() and folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
