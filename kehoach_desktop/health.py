"""Is the data file sound? Checks made before anything opens it for writing.

SQLite documents how a database gets damaged (https://www.sqlite.org/howtocorrupt.html):
a header overwritten, a file cut short, its -wal journal deleted, or a -wal belonging to
another copy put next to it. The checks below look at the files' own headers first
(without SQLite, so nothing is replayed or written), then run SQLite's quick_check on a
read-only connection.

The -shm file is SQLite's index of the -wal journal. While it is intact it records the
journal's salt (changed each time the journal starts over) and how many frames hold
committed changes; a journal that is missing, too short or carries an unrelated salt no
longer holds the changes it should. After a power cut the -shm may be a little stale
(it is never fsynced); a journal that merely started over since then has salt-1 one or a
few steps above the recorded one (SQLite increments it on every restart), which is
accepted.
"""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path

from .db import maintenance
from .failures import raise_as_storage
from .evidence_store import FILE_ALTERED, FILE_MISSING, file_sha256

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (0x377F0682, 0x377F0683)
WAL_HEADER = 32
WAL_FRAME_HEADER = 24
SHM_HEADER = 48  # one copy of the wal-index header; SQLite writes it twice
WAL_INDEX_VERSION = 3007000
SALT_RESTARTS_ACCEPTED = 64  # journal restarts a stale -shm may have missed
RECHECKS = 5  # a program writing at this moment can make the files disagree for an instant
RECHECK_PAUSE = 0.05
DAMAGED_DIR = "damaged"


@dataclass(frozen=True)
class _WalIndex:
    """The write-ahead log's index header, as the check reads it."""
    max_frame: int
    backfilled: int
    salt: bytes


def _read(path: Path, size: int) -> bytes | None:
    try:
        with open(path, "rb") as file:
            return file.read(size)
    except FileNotFoundError:
        return None


def _page_size(raw: int) -> int:
    return 65536 if raw == 1 else raw


def _wal_index(shm: Path) -> _WalIndex | None:
    """The -shm file's header, or None when it is absent or not a valid index."""
    data = _read(shm, 2 * SHM_HEADER + 4)
    if data is None or len(data) < 2 * SHM_HEADER + 4 or data[:SHM_HEADER] != data[SHM_HEADER:2 * SHM_HEADER]:
        return None
    version, _, _, is_init = struct.unpack("=IIIB", data[:13])
    if version != WAL_INDEX_VERSION or is_init != 1:
        return None
    max_frame = struct.unpack("=I", data[16:20])[0]
    backfilled = struct.unpack("=I", data[2 * SHM_HEADER:2 * SHM_HEADER + 4])[0]
    return _WalIndex(max_frame=max_frame, backfilled=backfilled, salt=data[32:40])


def _file_problems(db: Path, expect_data: bool) -> list[str]:
    """What the files' headers say, without opening them with SQLite."""
    wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
    wal_size = wal.stat().st_size if wal.exists() else None
    if not db.exists():
        if wal_size:
            return [f"có tệp nhật ký “{wal.name}” chứa dữ liệu nhưng không có tệp dữ liệu đi kèm"]
        return ["không còn tệp dữ liệu trong khi thư mục dữ liệu đã có bản sao lưu"] if expect_data else []
    size = db.stat().st_size
    if size == 0:
        if wal_size:
            return [f"tệp nhật ký “{wal.name}” còn dữ liệu nhưng tệp dữ liệu rỗng (0 byte)"]
        return ["tệp dữ liệu rỗng (0 byte) trong khi thư mục dữ liệu đã có bản sao lưu"] if expect_data else []
    header = _read(db, 100) or b""
    if len(header) < 100 or header[:16] != SQLITE_MAGIC:
        return ["phần đầu tệp không còn là của một cơ sở dữ liệu SQLite (có thể đã bị ghi đè hoặc xóa trắng)"]
    page_size = _page_size(struct.unpack(">H", header[16:18])[0])
    if page_size < 512 or page_size & (page_size - 1):
        return ["phần đầu tệp ghi cỡ trang không hợp lệ (phần đầu tệp bị hỏng)"]
    change_counter, pages = struct.unpack(">II", header[24:32])
    header_valid = pages > 0 and struct.unpack(">I", header[92:96])[0] == change_counter
    if not wal_size and header_valid and size < pages * page_size:
        return [f"tệp bị cắt ngắn: còn {size:,} byte trong khi cần {pages * page_size:,} byte".replace(",", ".")]
    return _journal_problems(wal, shm, page_size)


def _journal_problems(wal: Path, shm: Path, page_size: int) -> list[str]:
    index = _wal_index(shm)
    if index is None or index.max_frame <= index.backfilled:
        return []  # nothing recorded as waiting in the journal: SQLite rebuilds the index itself
    wal_header = _read(wal, WAL_HEADER)
    if wal_header is None:
        return [f"tệp nhật ký “{wal.name}” chứa các thay đổi đã lưu sau cùng đã bị xóa"]
    needed = WAL_HEADER + index.max_frame * (WAL_FRAME_HEADER + page_size)
    if len(wal_header) < WAL_HEADER or wal.stat().st_size < needed:
        return [f"tệp nhật ký “{wal.name}” bị cắt ngắn, mất các thay đổi đã lưu sau cùng"]
    if struct.unpack(">I", wal_header[:4])[0] not in WAL_MAGICS:
        return [f"tệp nhật ký “{wal.name}” bị hỏng phần đầu"]
    if wal_header[16:24] != index.salt:
        recorded = struct.unpack(">I", index.salt[:4])[0]
        found = struct.unpack(">I", wal_header[16:20])[0]
        if not 0 < (found - recorded) % 2**32 <= SALT_RESTARTS_ACCEPTED:
            return [f"tệp nhật ký “{wal.name}” không thuộc về tệp dữ liệu này (có thể được chép từ máy hoặc bản sao khác)"]
    return []


def check_database(db: Path, *, full: bool = False, expect_data: bool = False) -> list[str]:
    """Problems of the data file `db` in Vietnamese; [] when it is sound or does not exist yet.

    Never writes the data file. `full` runs integrity_check instead of quick_check.
    `expect_data` (backups exist): a missing or empty data file is then a loss, not a first start.
    """
    db = Path(db)
    try:
        return _check_database(db, full, expect_data)
    except OSError as error:  # issue 15: unreadable is not damaged
        raise_as_storage(error, db)
        raise


def _check_database(db: Path, full: bool, expect_data: bool) -> list[str]:
    problems = _file_problems(db, expect_data)
    for _ in range(RECHECKS):  # a writer elsewhere may be between two journal writes: look again
        if not problems or not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists():
            break
        time.sleep(RECHECK_PAUSE)
        problems = _file_problems(db, expect_data)
    if problems or not db.exists() or db.stat().st_size == 0:
        return problems
    found = maintenance.check_file(db, full=full)
    if found:
        return ["SQLite báo cơ sở dữ liệu bị hỏng: " + "; ".join(found[:3])]
    return []


def keep_damaged_copy(db: Path, now: dt.datetime | None = None) -> Path | None:
    """Copy the data file and its -wal/-shm into damaged/<time>/, untouched; return that folder.

    The same damaged files found again (the program started twice) are not copied twice.
    """
    db = Path(db)
    files = [path for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if path.exists()]
    if not files:
        return None
    root = db.parent / DAMAGED_DIR
    earlier = max((path for path in root.iterdir() if path.is_dir()), default=None) if root.exists() else None
    if earlier is not None and _fingerprint(earlier) == {path.name: file_sha256(path) for path in files}:
        return earlier
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%dT%H-%M-%S")
    target = root / stamp
    suffix = 1
    while target.exists():
        suffix += 1
        target = root / f"{stamp}-{suffix}"
    target.mkdir(parents=True)
    try:
        for path in files:
            shutil.copy2(path, target / path.name)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)  # a half copy would be taken for the damaged files
        raise
    return target


def _fingerprint(folder: Path) -> dict[str, str]:
    return {path.name: file_sha256(path) for path in folder.iterdir() if path.is_file()}


@dataclass
class EvidenceCheck:
    """Evidence files checked against their SHA-256: the rows whose file is missing or altered."""

    checked: int = 0  # distinct files
    missing: list[dict] = field(default_factory=list)
    altered: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.altered

    def to_json(self) -> dict:
        return {"checked": self.checked, "missing": self.missing, "altered": self.altered}


def check_evidence(rows: list[dict], store, progress=None) -> EvidenceCheck:
    """Each stored file of the evidence `rows` (db.maintenance.evidence_file_rows: the agency's
    own and the agencies' received evidence) checked against its SHA-256 in the EvidenceStore
    `store`, once per distinct file."""
    digests = list(dict.fromkeys(row["file_sha256"] for row in rows))
    states: dict[str, str] = {}
    for done, sha in enumerate(digests):
        if progress:
            progress(done, len(digests), "Đang kiểm tra tài liệu kiểm chứng…")
        states[sha] = store.verify(sha)
    result = EvidenceCheck(checked=len(digests))
    for row in rows:
        state = states[row["file_sha256"]]
        if state in (FILE_MISSING, FILE_ALTERED):
            item = {"evidence_id": row["id"], "task_id": row["task_id"], "file_name": row["file_name"],
                    "sha256": row["file_sha256"]}
            if "agency" in row:  # received from an agency (issue 11): said whose and for which task
                item.update({key: row[key] for key in ("agency_id", "agency", "task_code", "task_content")})
            (result.missing if state == FILE_MISSING else result.altered).append(item)
    return result


# --- received evidence (issue 11) ---

def describe_evidence_item(item: dict) -> str:
    """Where a missing or altered file belongs: the agency's own task, or an agency's received one."""
    if "agency" not in item:
        return f"“{item['file_name']}” (tài liệu số {item['evidence_id']}, nhiệm vụ {item['task_id']})"
    content = item["task_content"] if len(item["task_content"]) <= 80 else item["task_content"][:79] + "…"
    task = f"{item['task_code']} {content}".strip()
    return f"“{item['file_name']}” của {item['agency']}, nhiệm vụ “{task}” (tài liệu đơn vị gửi, số {item['evidence_id']})"
