"""Opening the SQLite file with the settings every connection must have."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Iterator



def _import_sqlite_utils():
    """sqlite-utils imports numpy and pandas when they are installed, only to store their values,
    which this program never passes it; numpy alone costs 0.1–0.3 s of every start (issue 17).
    Hidden during that one import; anything that needs numpy later imports it as usual."""
    import sys

    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # `import numpy` raises ImportError, as when not installed
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            sys.modules.pop(name, None)
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

BUSY_TIMEOUT_MS = 10_000


def open_database(path: Path | str) -> sqlite_utils.Database:
    """A sqlite-utils Database on `path` with foreign keys, WAL, synchronous=FULL, busy timeout.

    The driver runs in autocommit mode; transactions are opened explicitly with
    :func:`transaction`, one per user action.
    """
    conn = sqlite3.connect(
        str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Switching to WAL rewrites the file header: refuse a newer program's file before that.
    from .migrations import refuse_if_too_new  # deferred: migrations imports this module

    try:
        refuse_if_too_new(conn.execute("PRAGMA user_version").fetchone()[0], str(path))
    except BaseException:
        conn.close()
        raise
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return sqlite_utils.Database(conn)


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction (BEGIN IMMEDIATE … COMMIT); rolled back on any error."""
    conn = db.conn
    if conn.in_transaction:  # nested: a savepoint keeps the outer action whole
        conn.execute("SAVEPOINT nested")
        try:
            yield db
        except BaseException:
            conn.execute("ROLLBACK TO nested")
            conn.execute("RELEASE nested")
            raise
        conn.execute("RELEASE nested")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
