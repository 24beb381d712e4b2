"""Whole-file operations on a SQLite database: checks, backups, read-only summaries.

Nothing here changes the live data file except :func:`leave_wal_mode`, which a restore
uses to make sure no other program has the file open before swapping it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .migrations import current_version  # works on a plain connection too

CHECK_LIMIT = 20  # problems reported by quick_check / integrity_check at most


def open_read_only(path: Path | str) -> sqlite3.Connection:
    """A connection that never writes the data file.

    Without a -wal file the whole database is in the main file: `immutable=1` reads it
    without creating -wal/-shm files next to it. With a -wal file (another program has
    it open, or the last one was cut off) SQLite must read the journal too: `mode=ro`.
    """
    path = Path(path).resolve()
    has_wal = Path(f"{path}-wal").exists()
    uri = path.as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def check_problems(conn: sqlite3.Connection, *, full: bool = False) -> list[str]:
    """SQLite's own check: [] when the database is sound, else its messages.

    quick_check reads every page and b-tree; integrity_check also compares indexes
    with their tables (slower). Either raises for a file that is not a database.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}({CHECK_LIMIT})")]
    except sqlite3.DatabaseError as error:
        _raise_if_storage(error, None)  # a full or failing disk is not damage (issue 15)
        return [str(error)]
    return [] if rows == ["ok"] else rows


def check_file(path: Path | str, *, full: bool = False) -> list[str]:
    """check_problems on a file opened read-only."""
    try:
        conn = open_read_only(path)
        conn.execute("PRAGMA schema_version").fetchone()  # opens the file (and its -shm) now
    except sqlite3.Error as error:
        _raise_if_storage(error, Path(path))
        return [str(error)]
    try:
        return check_problems(conn, full=full)
    finally:
        conn.close()


def _raise_if_storage(error: sqlite3.Error, path: Path | None) -> None:
    """StorageError for a full, read-only or failing disk: told apart from a damaged file."""
    from ..failures import raise_as_storage

    raise_as_storage(error, path)


def backup_into(source: sqlite3.Connection, target: Path) -> list[str]:
    """Copy `source` into the new file `target` with SQLite's backup API and check the copy.

    The copy is left in rollback-journal mode, so it is one self-contained file that can be
    copied or opened read-only without -wal/-shm companions. Returns integrity_check's
    problems ([] when the copy is sound).
    """
    dest = sqlite3.connect(str(target), isolation_level=None)
    try:
        source.backup(dest)  # one step: a consistent snapshot even while others write
        dest.execute("PRAGMA journal_mode = DELETE")
        return check_problems(dest, full=True)
    finally:
        dest.close()


def backup_file_into(source: Path | str, target: Path) -> list[str]:
    """backup_into from a database file opened read-only."""
    conn = open_read_only(source)
    try:
        return backup_into(conn, target)
    finally:
        conn.close()


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def summarize(conn: sqlite3.Connection) -> dict:
    """Schema version and the counts a person recognises their data by."""
    tables = set(_tables(conn))
    counts = {
        key: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if table in tables else 0
        for key, table in (("tasks", "task"), ("progress", "progress"), ("evidence", "evidence"))
    }
    return {"schema_version": current_version(conn), **counts}


def summarize_file(path: Path | str) -> dict:
    conn = open_read_only(path)
    try:
        return summarize(conn)
    finally:
        conn.close()


def content_digest(conn: sqlite3.Connection) -> str:
    """SHA-256 of the schema version and every row of every table, in rowid order.

    Two databases with the same digest hold the same data, whatever their page layout
    (a backup made with the backup API, a vacuumed copy).
    """
    import hashlib  # issue 17: OpenSSL loads with it, not at start

    digest = hashlib.sha256(f"version {current_version(conn)}\n".encode())
    for table in _tables(conn):
        digest.update(f"table {table}\n".encode())
        for row in conn.execute(f"SELECT * FROM [{table}] ORDER BY rowid"):
            digest.update(repr(row).encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


def content_digest_of_file(path: Path | str) -> str:
    conn = open_read_only(path)
    try:
        return content_digest(conn)
    finally:
        conn.close()


def has_rows(conn: sqlite3.Connection) -> bool:
    return any(conn.execute(f"SELECT 1 FROM [{table}] LIMIT 1").fetchone() for table in _tables(conn))


def evidence_hashes(conn: sqlite3.Connection) -> set[str]:
    """SHA-256 of every evidence file the database refers to."""
    if "evidence" not in _tables(conn):
        return set()
    from .assessment import linked_file_hashes  # issue 12: documents added to a criterion directly

    found = {row[0] for row in conn.execute("SELECT DISTINCT file_sha256 FROM evidence WHERE file_sha256 IS NOT NULL")}
    if "agency_evidence" in _tables(conn):  # issue 11: files received from other agencies are in use too
        found |= {row[0] for row in conn.execute(
            "SELECT DISTINCT file_sha256 FROM agency_evidence WHERE file_sha256 IS NOT NULL")}
    return found | linked_file_hashes(conn)


def evidence_file_rows(conn: sqlite3.Connection) -> list[dict]:
    """Every evidence row that has a stored file: the agency's own in task order, then those
    received from other agencies (issue 11), with their agency and task."""
    from .consolidation_store import received_evidence_file_rows

    if "evidence" not in _tables(conn):
        return []
    rows = conn.execute("SELECT id, task_id, file_sha256, file_name FROM evidence "
                        "WHERE file_sha256 IS NOT NULL ORDER BY task_id, id")
    own = [dict(zip(("id", "task_id", "file_sha256", "file_name"), row)) for row in rows]
    return own + received_evidence_file_rows(conn)


def evidence_hashes_of_file(path: Path | str) -> set[str]:
    conn = open_read_only(path)
    try:
        return evidence_hashes(conn)
    finally:
        conn.close()


def leave_wal_mode(path: Path | str, timeout: float = 2.0) -> bool:
    """Checkpoint the database into its main file and switch it to rollback-journal mode.

    SQLite allows this only when no other connection has the file open, so True also means
    "nobody else is using this file now". Leaves no -wal/-shm file behind.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=timeout)
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:  # "database is locked": another connection is open
        return False
    finally:
        conn.close()
    return mode.lower() == "delete"


SQLiteError = sqlite3.Error  # what the functions above raise for a file that is not a database


# --- limits (issue 15) ---

def evidence_totals(conn: sqlite3.Connection) -> tuple[int, int]:
    """How many distinct evidence files the data refer to, and their total size in bytes."""
    row = conn.execute("SELECT count(*), coalesce(sum(size), 0) FROM (SELECT file_sha256, max(file_size) AS size "
                       "FROM evidence WHERE file_sha256 IS NOT NULL GROUP BY file_sha256)").fetchone()
    return row[0], row[1]


def foreign_key_problems(path: Path | str) -> list[tuple[str, int]]:
    """(table, rowid) of every row whose reference points at no row: PRAGMA foreign_key_check."""
    conn = open_read_only(path)
    try:
        return [(row[0], row[1]) for row in conn.execute("PRAGMA foreign_key_check")]
    finally:
        conn.close()
