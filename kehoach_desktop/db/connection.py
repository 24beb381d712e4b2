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


class Database:
    """The program's handle on one SQLite connection: `execute`, `query` (rows as dicts, as
    sqlite-utils gives them) and `close` straight on the connection; the table helpers
    (`db["task"].update(…)`, `table_names()`) are sqlite-utils', imported at their first use.
    sqlite-utils pulls in click, dateutil and its plugin machinery: about 0.1 s that every start
    paid before the window could show (issue 17)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils = None
        conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it on every connection

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def query(self, sql: str, params=None) -> Iterator[dict]:
        cursor = self.execute(sql, params)
        keys = _unique_keys([column[0] for column in cursor.description or ()])
        return (dict(zip(keys, row)) for row in cursor)

    def close(self) -> None:
        self.conn.close()

    def utils(self):
        """The sqlite-utils Database on the same connection (imported and made once)."""
        if self._utils is None:
            self._utils = _import_sqlite_utils().Database(self.conn)
        return self._utils

    def __getitem__(self, table_name: str):
        return self.utils()[table_name]

    def table_names(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def _unique_keys(keys: list[str]) -> list[str]:
    """Column names made unique as sqlite-utils does (`id`, `id_2`): a join's twin names."""
    if len(set(keys)) == len(keys):
        return keys
    taken, seen, unique = set(keys), set(), []
    for key in keys:
        name, suffix = key, 2
        while name in seen or (name != key and name in taken):
            name, suffix = f"{key}_{suffix}", suffix + 1
        seen.add(name)
        unique.append(name)
    return unique


BUSY_TIMEOUT_MS = 10_000


def open_database(path: Path | str) -> Database:
    """A Database on `path` with foreign keys, WAL, synchronous=FULL, busy timeout.

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
    return Database(conn)


@contextlib.contextmanager
def transaction(db: Database) -> Iterator[Database]:
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
