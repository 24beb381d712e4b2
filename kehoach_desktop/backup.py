"""Backups of the data file: made with SQLite's backup API, checked, thinned, restored.

Backups live in `<data folder>/backups/` as `kehoach-2026-11-21T08-30-00-tu-dong.sqlite3`
(local time, then why it was made). Each is a self-contained SQLite file in rollback-journal
mode, checked with integrity_check before it gets its final name; the file name and the
file itself are the whole record (no index to fall out of step).

Has the data changed since the last backup? SQLite's own markers do not answer this in
WAL mode: `PRAGMA data_version` is per connection and the header's change counter is not
bumped on each commit. So the answer is a digest of the data (schema version and every row,
db.maintenance.content_digest) compared with the newest backup's. It costs a few
milliseconds for a year of one agency's records and needs no extra writes on every save.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from . import health
from .failures import raise_as_storage
from .db import SCHEMA_VERSION
from .db import maintenance
from .durable import fsync_dir
from .errors import BackupError, DatabaseDamagedError, NotFoundError
from .paths import DB_FILE_NAME

BACKUP_DIR = "backups"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9
# Every backup of the last two days is kept as well: the one made before this morning's
# import must outlive the automatic backup made half an hour later.
KEEP_ALL_WITHIN = dt.timedelta(days=2)
EVIDENCE_GRACE = dt.timedelta(days=2)  # an unreferenced evidence file younger than this stays

_NAME = re.compile(r"kehoach-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d)(?:-(\d+))?(?:-([a-z][a-z0-9-]*))?\.sqlite3")
_STAMP = "%Y-%m-%dT%H-%M-%S"

REASON_LABELS = {
    "tu-dong": "Tự động (30 phút)",
    "khoi-dong": "Khi mở chương trình",
    "nhap": "Trước khi nhập phụ lục",
    "nhap-goi": "Trước khi nhập gói dữ liệu",
    "nang-cap": "Trước khi nâng cấp dữ liệu",
    "khoi-phuc": "Trước khi khôi phục",
    "thu-cong": "Sao lưu theo yêu cầu",
}

Progress = Callable[[int, int, str], Any]


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where, when, why it was made, and its size."""
    path: Path
    created_at: dt.datetime
    reason: str
    size: int
    schema_version: int | None = None
    tasks: int | None = None
    progress: int | None = None
    evidence: int | None = None
    problem: str = ""  # why the file cannot be read; "" when it can

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)

    @property
    def when(self) -> str:
        return self.created_at.strftime("%d/%m/%Y %H:%M")

    def to_json(self) -> dict:
        return {
            "file": self.name, "path": str(self.path), "created_at": self.created_at.isoformat(),
            "reason": self.reason, "size": self.size, "schema_version": self.schema_version,
            "tasks": self.tasks, "progress": self.progress, "evidence": self.evidence,
            "problem": self.problem or None,
        }


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup restored, the copies it kept, the evidence missing."""
    restored: BackupInfo
    safety_backup: BackupInfo | None  # the data as it was just before, when it could be read
    damaged_kept_at: Path | None  # where a damaged data file was copied, when it was damaged
    missing_evidence: list[str]  # files the restored data refers to that the store lacks

    def to_json(self) -> dict:
        return {
            "restored": self.restored.to_json(),
            "safety_backup": self.safety_backup.to_json() if self.safety_backup else None,
            "damaged_kept_at": str(self.damaged_kept_at) if self.damaged_kept_at else None,
            "missing_evidence": self.missing_evidence,
        }


def backups_to_keep(
    times: Iterable[dt.datetime], now: dt.datetime, *, daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY, keep_all_within: dt.timedelta = KEEP_ALL_WITHIN,
) -> set[dt.datetime]:
    """The backup times to keep: the newest of each of the last `daily` days that have a
    backup, of the last `weekly` ISO weeks and of the last `monthly` months, and every
    backup younger than `keep_all_within` (or dated in the future by a wrong clock)."""
    newest_first = sorted(set(times), reverse=True)
    keep = {moment for moment in newest_first if now - moment <= keep_all_within}
    periods = (
        (daily, lambda moment: moment.date()),
        (weekly, lambda moment: moment.isocalendar()[:2]),
        (monthly, lambda moment: (moment.year, moment.month)),
    )
    for count, period_of in periods:
        seen: set = set()
        for moment in newest_first:
            period = period_of(moment)
            if period in seen:
                continue
            if len(seen) == count:
                break
            seen.add(period)
            keep.add(moment)
    return keep


class BackupManager:
    """The backups of one data folder. Plain files; safe to use from several processes."""

    def __init__(self, data_dir: Path, clock: Callable[[], dt.datetime] = dt.datetime.now):
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / DB_FILE_NAME
        self.folder = self.data_dir / BACKUP_DIR
        self.clock = clock
        self._digests: dict[tuple, str] = {}

    # --- listing ------------------------------------------------------------------------------

    def list(self, *, with_counts: bool = True) -> list[BackupInfo]:
        """Backups, newest first; with their counts unless `with_counts` is False."""
        found = []
        for path in self.folder.glob("kehoach-*.sqlite3") if self.folder.is_dir() else ():
            match = _NAME.fullmatch(path.name)
            if match:
                created = _stamp_time(match.group(1))
                found.append((created, int(match.group(2) or 1), path, match.group(3) or ""))
        found.sort(key=lambda item: (item[0], item[1]), reverse=True)
        infos = []
        for created, _, path, reason in found:
            try:
                infos.append(self.describe(path, created, reason) if with_counts
                             else BackupInfo(path, created, reason, path.stat().st_size))
            except FileNotFoundError:  # thinned by another program meanwhile
                continue
        return infos

    def describe(self, path: Path, created: dt.datetime | None = None, reason: str = "") -> BackupInfo:
        path = Path(path)
        if created is None:
            match = _NAME.fullmatch(path.name)
            created = _stamp_time(match.group(1)) if match else \
                dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
            reason = (match.group(3) or "") if match else ""
        try:
            summary = maintenance.summarize_file(path)
        except maintenance.SQLiteError as error:
            return BackupInfo(path, created, reason, path.stat().st_size, problem=str(error))
        return BackupInfo(path, created, reason, path.stat().st_size, **summary)

    def has_backups(self) -> bool:
        return bool(self.list(with_counts=False))

    def latest_usable(self) -> BackupInfo | None:
        """The newest backup that passes quick_check and that this program can read."""
        for info in self.list(with_counts=False):
            described = self.describe(info.path, info.created_at, info.reason)
            if (not described.problem and 0 < (described.schema_version or 0) <= SCHEMA_VERSION
                    and not maintenance.check_file(info.path)):
                return described
        return None

    def resolve(self, backup: str | Path) -> Path:
        """A backup given by path, or by its file name in the backups folder."""
        candidate = Path(backup)
        for path in (candidate, self.folder / candidate.name):
            if path.is_file():
                return path
        raise NotFoundError(f"Không tìm thấy bản sao lưu “{backup}”.")

    # --- making backups -----------------------------------------------------------------------

    def create(self, source, reason: str = "thu-cong", *, out: Path | None = None) -> BackupInfo:
        """Back up the open connection `source` (a sqlite3 connection) into the backups folder,
        or into the file `out`. The copy is checked before it gets its name."""
        target = Path(out) if out else self._new_path(reason)
        if out and target.exists():
            raise BackupError(f"Tệp “{target}” đã có; hãy chọn tên khác (không ghi đè).")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise_as_storage(error, target.parent)
            raise
        temp = target.parent / f".dang-sao-luu-{_unique()}.sqlite3"
        try:
            problems = maintenance.backup_into(source, temp)
            if problems:
                raise BackupError(f"Bản sao lưu vừa tạo không đạt kiểm tra ({problems[0]}); đã bỏ bản này.")
            _fsync_file(temp)
            os.replace(temp, target)
            fsync_dir(target.parent)
        except (maintenance.SQLiteError, OSError) as error:
            raise_as_storage(error, target.parent)  # issue 15: "Ổ đĩa đầy…", nothing kept
            raise BackupError(f"Không sao lưu được dữ liệu vào “{target}”: {error}") from error
        finally:
            for leftover in (temp, Path(f"{temp}-journal")):
                leftover.unlink(missing_ok=True)
        return self.describe(target) if out else self.describe(target, *self._parse(target))

    def _create_from_file(self, reason: str) -> BackupInfo:
        conn = maintenance.open_read_only(self.db_path)
        try:
            return self.create(conn, reason)
        finally:
            conn.close()

    def _new_path(self, reason: str) -> Path:
        if not re.fullmatch(r"[a-z][a-z0-9-]*", reason):
            raise ValueError(f"reason must be a lower-case slug: {reason!r}")
        stamp = self.clock().strftime(_STAMP)
        taken = {match.group(2) or "1" for path in self.folder.glob(f"kehoach-{stamp}*.sqlite3")
                 if (match := _NAME.fullmatch(path.name))}
        number = 1
        while str(number) in taken:  # several backups in one second (tests, quick actions)
            number += 1
        counter = "" if number == 1 else f"-{number}"
        return self.folder / f"kehoach-{stamp}{counter}-{reason}.sqlite3"

    @staticmethod
    def _parse(path: Path) -> tuple[dt.datetime, str]:
        match = _NAME.fullmatch(path.name)
        return _stamp_time(match.group(1)), match.group(3) or ""

    def changed_since_latest(self, source) -> bool:
        """Does the open connection `source` hold other data than the newest backup?"""
        newest = self.list(with_counts=False)
        if not newest:
            return maintenance.has_rows(source)
        try:
            return maintenance.content_digest(source) != self._digest(newest[0].path)
        except maintenance.SQLiteError:
            return True  # the newest backup cannot be read: make a good one

    def _digest(self, path: Path) -> str:
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in self._digests:
            self._digests[key] = maintenance.content_digest_of_file(path)
        return self._digests[key]

    # --- thinning and evidence ----------------------------------------------------------------

    def thin(self, now: dt.datetime | None = None) -> list[Path]:
        """Delete the backups backups_to_keep does not keep; return them."""
        backups = self.list(with_counts=False)
        keep = backups_to_keep([info.created_at for info in backups], now or self.clock())
        removed = []
        for info in backups:
            if info.created_at not in keep:
                info.path.unlink(missing_ok=True)
                removed.append(info.path)
        return removed

    def referenced_evidence(self) -> set[str] | None:
        """Evidence files any kept backup refers to; None when a backup cannot be read
        (then no evidence file may be considered unused)."""
        hashes: set[str] = set()
        for info in self.list(with_counts=False):
            try:
                hashes |= maintenance.evidence_hashes_of_file(info.path)
            except maintenance.SQLiteError:
                return None
        return hashes

    # --- the data file at start ---------------------------------------------------------------

    def refuse_if_damaged(self) -> None:
        """Raise DatabaseDamagedError, after copying the damaged files aside, when the data
        file is damaged. Writes nothing to the data file."""
        problems = health.check_database(self.db_path, expect_data=self.has_backups())
        if not problems:
            return
        try:
            kept = health.keep_damaged_copy(self.db_path, self.clock())
        except OSError as error:  # issue 15: a full disk is said as such; nothing half-copied stays
            raise_as_storage(error, self.data_dir)
            raise
        latest = self.latest_usable()
        raise DatabaseDamagedError(
            damaged_message(self.db_path, problems, kept, latest),
            path=self.db_path, problems=problems, kept_at=kept, latest_backup=latest,
        )

    # --- restoring ----------------------------------------------------------------------------

    def restore(self, backup: str | Path, progress: Progress | None = None) -> RestoreResult:
        """Put a backup in place of the data file: copied into a temporary file and checked
        first, the current data backed up (or, when damaged, copied aside), then swapped.

        Every connection to the data file must be closed; another program still using it
        makes the restore refuse, with nothing changed.
        """
        report = progress or (lambda *args: None)
        self.remove_stray_copies()
        source = self.resolve(backup)
        report(0, 3, "Đang kiểm tra bản sao lưu…")
        temp = self.data_dir / f".khoi-phuc-{_unique()}.sqlite3"
        try:
            restored = self._checked_copy(source, temp)
            report(1, 3, "Đang sao lưu dữ liệu hiện tại…")
            safety, kept = self._set_current_aside()
            report(2, 3, "Đang thay tệp dữ liệu…")
            for stale in (Path(f"{self.db_path}-wal"), Path(f"{self.db_path}-shm")):
                stale.unlink(missing_ok=True)  # they belonged to the replaced file
            os.replace(temp, self.db_path)
            fsync_dir(self.data_dir)
        finally:
            temp.unlink(missing_ok=True)
        store = self.data_dir / "evidence"
        missing = sorted(sha for sha in maintenance.evidence_hashes_of_file(self.db_path)
                         if not (store / sha[:2] / sha).is_file())
        report(3, 3, "Đã khôi phục.")
        return RestoreResult(restored, safety, kept, missing)

    def _checked_copy(self, source: Path, temp: Path) -> BackupInfo:
        name = source.name
        try:
            problems = maintenance.backup_file_into(source, temp)
        except maintenance.SQLiteError as error:
            raise BackupError(f"Tệp “{name}” không phải bản sao lưu đọc được ({error}); dữ liệu không thay đổi.") from error
        if problems:
            raise BackupError(f"Bản sao lưu “{name}” bị hỏng ({problems[0]}); dữ liệu không thay đổi.")
        broken = maintenance.foreign_key_problems(temp)  # issue 15: rows pointing at nothing
        if broken:
            raise BackupError(f"Bản sao lưu “{name}” có {len(broken)} dòng trỏ tới dữ liệu không có (bảng "
                              f"{', '.join(sorted({table for table, _ in broken}))}); không khôi phục, dữ liệu "
                              "không thay đổi.")
        info = self.describe(temp, *self._parse(source)) if _NAME.fullmatch(name) else self.describe(temp)
        if (info.schema_version or 0) > SCHEMA_VERSION:
            raise BackupError(
                f"Bản sao lưu “{name}” do phiên bản mới hơn của chương trình tạo (phiên bản dữ liệu "
                f"{info.schema_version}, chương trình này đọc được đến {SCHEMA_VERSION}); dữ liệu không thay đổi.")
        if info.schema_version == 0:
            raise BackupError(f"Tệp “{name}” không chứa dữ liệu của chương trình; dữ liệu không thay đổi.")
        _fsync_file(temp)
        return BackupInfo(source, info.created_at, info.reason, source.stat().st_size, info.schema_version,
                          info.tasks, info.progress, info.evidence)

    def _set_current_aside(self) -> tuple[BackupInfo | None, Path | None]:
        """Back up the current data file; copy it aside instead when it is damaged."""
        db = self.db_path
        if not db.exists() and not Path(f"{db}-wal").exists():
            return None, None
        if health.check_database(db, expect_data=self.has_backups()):
            return None, health.keep_damaged_copy(db, self.clock())
        if not db.exists() or db.stat().st_size == 0:  # a first start: nothing to keep
            return None, None
        safety = self._create_from_file("khoi-phuc")
        if not maintenance.leave_wal_mode(db):
            raise BackupError(
                "Dữ liệu đang được mở ở một cửa sổ hoặc một lệnh khác của chương trình. "
                "Hãy đóng chúng rồi khôi phục lại; dữ liệu không thay đổi.")
        return safety, None

    # --- what an interrupted restore or backup left behind (issue 15) ---

    def remove_stray_copies(self, now: float | None = None) -> list[Path]:
        """Delete the temporary copy a killed restore left in the data folder, and half-made
        backups older than STRAY_BACKUP_SECONDS (a younger one may be another program's, now)."""
        import time

        now = time.time() if now is None else now
        removed = []
        candidates = list(self.data_dir.glob(".khoi-phuc-*.sqlite3*"))
        if self.folder.is_dir():
            candidates += [path for path in self.folder.glob(".dang-sao-luu-*.sqlite3*")
                           if now - path.stat().st_mtime > STRAY_BACKUP_SECONDS]
        for path in candidates:
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass
        return removed


def damaged_message(path: Path, problems: list[str], kept: Path | None, latest: BackupInfo | None) -> str:
    text = f"Tệp dữ liệu “{path}” bị hỏng: {'; '.join(problems)}. Chương trình không ghi gì vào tệp này."
    if kept:
        text += f" Bản bị hỏng đã được giữ lại trong thư mục “{kept}”."
    if latest:
        text += (f" Có thể khôi phục bản sao lưu lúc {latest.when} ({latest.tasks} nhiệm vụ, "
                 f"{latest.progress} kết quả, {latest.evidence} tài liệu kiểm chứng): "
                 f"kehoach restore {latest.name}")
    else:
        text += " Chưa có bản sao lưu nào để khôi phục."
    return text


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as file:
        os.fsync(file.fileno())


STRAY_BACKUP_SECONDS = 600  # issue 15


def _unique() -> str:
    """A name no other copy has. uuid loads here, not at start: it imports `platform` (issue 17)."""
    import uuid

    return uuid.uuid4().hex


def _stamp_time(stamp: str) -> dt.datetime:
    """The time in a backup's name (_STAMP, digits checked by _NAME). Not strptime: its module
    takes longer to load than the listing that opens the data folder at start (issue 17)."""
    return dt.datetime(int(stamp[0:4]), int(stamp[5:7]), int(stamp[8:10]),
                       int(stamp[11:13]), int(stamp[14:16]), int(stamp[17:19]))
