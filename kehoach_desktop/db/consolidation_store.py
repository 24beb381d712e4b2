"""SQL of consolidation (issue 11): the consolidating role, the roster of agencies expected to
report, the packages received and each agency's progress and evidence per task."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # annotations only: the db is connection.Database, sqlite-utils' at first use (issue 17)
    import sqlite_utils

from .store import _insert, _one

ROSTER_FIELDS = ("name", "kind", "code", "contact", "source", "added_at")
AGENCY_TASK_FIELDS = ("agency_id", "task_id", "role", "status", "percent", "result", "completed_on", "score",
                      "difficulties", "proposals", "updated_at", "revision", "package_created_at", "package_id")
AGENCY_EVIDENCE_FIELDS = ("agency_id", "task_id", "number", "date", "issuer", "abstract", "file_sha256",
                          "file_name", "file_size", "added_at")
PACKAGE_FIELDS = ("agency_id", "package_id", "file_name", "file_sha256", "period_code", "period_year",
                  "created_at", "received_at", "plan_sha256")


# --- the consolidating role ------------------------------------------------------------------

def get_consolidates(db: sqlite_utils.Database) -> str:
    row = _one(db, "SELECT consolidates FROM consolidation_role WHERE id = 1")
    return row["consolidates"] if row else "none"


def set_consolidates(db: sqlite_utils.Database, value: str) -> None:
    db.execute("INSERT INTO consolidation_role (id, consolidates) VALUES (1, ?) "
               "ON CONFLICT(id) DO UPDATE SET consolidates = excluded.consolidates", [value])


# --- roster ----------------------------------------------------------------------------------

def list_roster(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM roster_agency ORDER BY id"))


def get_agency(db: sqlite_utils.Database, agency_id: int) -> dict | None:
    return _one(db, "SELECT * FROM roster_agency WHERE id = ?", [agency_id])


def find_agency_by_code(db: sqlite_utils.Database, code: str) -> dict | None:
    return _one(db, "SELECT * FROM roster_agency WHERE code = ?", [code])


def find_agencies_by_name(db: sqlite_utils.Database, name: str) -> list[dict]:
    return list(db.query("SELECT * FROM roster_agency WHERE name = ? ORDER BY id", [name]))


def insert_agency(db: sqlite_utils.Database, values: dict) -> int:
    return _insert(db, "roster_agency", {key: values[key] for key in ROSTER_FIELDS})


def update_agency(db: sqlite_utils.Database, agency_id: int, values: dict) -> None:
    db["roster_agency"].update(agency_id, values)


# --- packages received -------------------------------------------------------------------------

def insert_received(db: sqlite_utils.Database, values: dict) -> int:
    return _insert(db, "received_package", {key: values[key] for key in PACKAGE_FIELDS})


def list_received(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM received_package ORDER BY created_at, id"))


# --- per-agency progress and evidence ----------------------------------------------------------

def agency_tasks(db: sqlite_utils.Database, agency_id: int) -> dict[int, dict]:
    """task_id → the agency's row for it."""
    return {row["task_id"]: row for row in db.query("SELECT * FROM agency_task WHERE agency_id = ?", [agency_id])}


def agency_task_states(db: sqlite_utils.Database, roles: tuple, statuses: tuple) -> list[tuple]:
    """(agency_id, task_id, role, status, completed_on) of every row, in table order (one scan),
    role and status as their places in `roles` and `statuses` (0: NULL or another value; the
    tuples' first place is kept for it): small ints, which Python does not make row by row as it
    makes strings (3·10⁵ rows read in 0.40 s instead of 0.56 s)."""
    role_case = " ".join(f"WHEN ? THEN {n}" for n in range(1, len(roles)))
    status_case = " ".join(f"WHEN ? THEN {n}" for n in range(1, len(statuses)))
    return db.conn.execute(f"SELECT agency_id, task_id, CASE role {role_case} ELSE 0 END, "
                           f"CASE status {status_case} ELSE 0 END, completed_on FROM agency_task",
                           [*roles[1:], *statuses[1:]]).fetchall()


def agency_texts(db: sqlite_utils.Database) -> list[dict]:
    """The rows that carry words: a result, difficulties or proposals."""
    return list(db.query("SELECT agency_id, task_id, result, difficulties, proposals FROM agency_task "
                         "WHERE status IS NOT NULL AND (result != '' OR difficulties != '' OR proposals != '')"))


def get_agency_task(db: sqlite_utils.Database, agency_id: int, task_id: int) -> dict | None:
    return _one(db, "SELECT * FROM agency_task WHERE agency_id = ? AND task_id = ?", [agency_id, task_id])


_INSERT_AGENCY_TASK = (f"INSERT INTO agency_task ({', '.join(AGENCY_TASK_FIELDS)}) "
                       f"VALUES ({', '.join('?' for _ in AGENCY_TASK_FIELDS)})")
_UPDATE_AGENCY_TASK = (f"UPDATE agency_task SET {', '.join(f'{key} = ?' for key in AGENCY_TASK_FIELDS[2:])} "
                       "WHERE id = ? AND agency_id = ? AND task_id = ?")


class AgencyTaskWriter:
    """The agency_task rows of one receive's packages, a few packages' rows written together
    (issue 11, speed). `add(rows, existing)` takes one agency's rows, each a tuple of the values
    in AGENCY_TASK_FIELDS order, with `existing` (task id → the agency's row as read,
    agency_tasks): new rows are inserted and the others updated by id (an upsert costs three
    times as much). Speed: the CHECK switch below is a PRAGMA, and each PRAGMA makes SQLite prepare
    every statement again; switched around each package's rows it cost ~0.2 ms a package (the
    roster's insert alone went from 20 to 150 µs). The caller flushes before it reads the rows of
    an agency with rows pending (pending_for) and at the end, inside its transaction."""

    BATCH_ROWS = 6000  # ~20 packages of 300 tasks

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.rows: list[tuple] = []  # every row added, as given (checked together)
        self.inserts: list[tuple] = []
        self.updates: list[tuple] = []
        self.agencies: set[int] = set()

    def add(self, rows: list[tuple], existing: dict[int, dict]) -> None:
        if not rows:
            return
        self.rows += rows
        if existing:
            self.inserts += [row for row in rows if row[1] not in existing]
            self.updates += [(*row[2:], existing[row[1]]["id"], row[0], row[1]) for row in rows if row[1] in existing]
        else:
            self.inserts += rows
        self.agencies.update({row[0] for row in rows})
        if len(self.rows) >= self.BATCH_ROWS:
            self.flush()

    def pending_for(self, agency_id: int) -> bool:
        return agency_id in self.agencies

    def flush(self) -> None:
        if not self.rows:
            return
        with _checks_verified_here(self.db, self.rows):
            if self.inserts:
                self.db.conn.executemany(_INSERT_AGENCY_TASK, self.inserts)
            if self.updates:
                self.db.conn.executemany(_UPDATE_AGENCY_TASK, self.updates)
        self.rows, self.inserts, self.updates, self.agencies = [], [], [], set()


def agency_evidence(db: sqlite_utils.Database, agency_id: int, task_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM agency_evidence WHERE agency_id = ? AND task_id = ? ORDER BY id",
                         [agency_id, task_id]))


def agency_evidence_by_task(db: sqlite_utils.Database, agency_id: int) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {}
    for row in db.query("SELECT * FROM agency_evidence WHERE agency_id = ? ORDER BY id", [agency_id]):
        found.setdefault(row["task_id"], []).append(row)
    return found


def get_agency_evidence(db: sqlite_utils.Database, evidence_id: int) -> dict | None:
    return _one(db, "SELECT * FROM agency_evidence WHERE id = ?", [evidence_id])




# --- each agency's proposed criterion scores (issue 12) ----------------------------------------

AGENCY_SCORE_FIELDS = ("agency_id", "criterion_id", "score", "not_applicable", "not_applicable_reason",
                       "explanation", "updated_at", "package_created_at", "package_id")


def agency_scores(db: sqlite_utils.Database, agency_id: int) -> dict[int, dict]:
    """criterion_id → the agency's proposed score."""
    return {row["criterion_id"]: row for row in db.query(
        "SELECT * FROM agency_criterion_score WHERE agency_id = ?", [agency_id])}


def save_agency_score(db: sqlite_utils.Database, values: dict) -> None:
    keys = AGENCY_SCORE_FIELDS
    db.execute(f"INSERT INTO agency_criterion_score ({', '.join(keys)}) VALUES ({', '.join('?' for _ in keys)}) "
               "ON CONFLICT(agency_id, criterion_id) DO UPDATE SET "
               + ", ".join(f"{key} = excluded.{key}" for key in keys if key not in ("agency_id", "criterion_id")),
               [values[key] for key in keys])


def score_proposals(db: sqlite_utils.Database) -> list[dict]:
    """Every agency's proposed score with the agency's name, in roster order."""
    return list(db.query("SELECT s.*, a.name AS agency_name, a.code AS agency_code FROM agency_criterion_score s "
                         "JOIN roster_agency a ON a.id = s.agency_id ORDER BY a.id"))


# --- receiving many packages (issue 11, speed) ----------------------------------------------------

_INSERT_AGENCY_EVIDENCE = (f"INSERT INTO agency_evidence (agency_id, task_id, {', '.join(AGENCY_EVIDENCE_FIELDS[2:])}) "
                           f"VALUES ({', '.join('?' for _ in AGENCY_EVIDENCE_FIELDS)})")


def replace_agency_evidence_rows(db: sqlite_utils.Database, agency_id: int, rows: list[tuple]) -> None:
    """[(task_id, [evidence values in AGENCY_EVIDENCE_FIELDS[2:] order])]: each task's evidence replaced."""
    if not rows:
        return
    db.conn.executemany("DELETE FROM agency_evidence WHERE agency_id = ? AND task_id = ?",
                        [(agency_id, task_id) for task_id, _ in rows])
    db.conn.executemany(_INSERT_AGENCY_EVIDENCE, [(agency_id, task_id, *values)
                                                  for task_id, items in rows for values in items])


# --- the received evidence files for `kehoach check` (issue 11) ------------------------------------

def received_evidence_file_rows(conn) -> list[dict]:
    """Every received evidence row that has a stored file, with its agency and task, for the
    health check (a plain sqlite3 connection: the check opens the file read-only)."""
    from .maintenance import _tables

    if "agency_evidence" not in _tables(conn):  # a data file from before consolidation
        return []
    keys = ("id", "task_id", "file_sha256", "file_name", "agency_id", "agency", "task_code", "task_content")
    rows = conn.execute(
        "SELECT e.id, e.task_id, e.file_sha256, e.file_name, e.agency_id, a.name, coalesce(c.code, ''), t.content "
        "FROM agency_evidence e JOIN roster_agency a ON a.id = e.agency_id JOIN task t ON t.id = e.task_id "
        "LEFT JOIN criterion c ON c.id = t.criterion_id WHERE e.file_sha256 IS NOT NULL ORDER BY a.name, t.id, e.id")
    return [dict(zip(keys, row)) for row in rows]


@contextlib.contextmanager
def page_cache_for_receiving(db: sqlite_utils.Database, kib: int = 65536) -> Iterator[None]:
    """A larger page cache while many agencies' rows go in: with 3·10⁵ rows the task index no
    longer fits SQLite's default 2 MB, and every package touches a page per task (~10% less CPU
    for the insert, measured with 1,000 packages)."""
    before = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    db.conn.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA cache_size = {int(before)}")


@contextlib.contextmanager
def task_index_rebuilt_after(db: sqlite_utils.Database, new_rows: int) -> Iterator[None]:
    """Inside the receiving transaction: when the rows about to go in are many beside those
    stored, the agency_task index by task is dropped and built again once at the end (1,000
    packages of 300 rows: ~8% less CPU for the whole receive; building it for 3·10⁵ rows took 0.1 s).
    On an error nothing is rebuilt here: the transaction's rollback restores the index."""
    row = db.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'agency_task_task'").fetchone()
    stored = db.conn.execute("SELECT count(*) FROM agency_task").fetchone()[0] if row else 0
    if row is None or row[0] is None or new_rows * REBUILD_RATIO < stored:
        yield
        return
    db.conn.execute("DROP INDEX agency_task_task")
    yield
    db.conn.execute(row[0])


REBUILD_RATIO = 4  # per row, building anew (0.35 µs) costs a tenth or less of keeping it up (1–3 µs)


# --- agency_task's CHECK constraints verified once per package (issue 11, speed) ---
# SQLite evaluates them for every row: half the cost of inserting a package's 300 rows (5 µs a row,
# measured). The same conditions hold over the distinct values of all the rows at once.

_TASK_ROLES = frozenset((None, "lead", "implementing", "cooperating"))
_TASK_STATUSES = frozenset((None, "chưa thực hiện", "đang thực hiện", "hoàn thành", "không thực hiện được"))


def _pass_task_checks(rows: list[tuple]) -> bool:
    """What agency_task's CHECK constraints require (migrations._V_CONSOLIDATION), for every row."""
    try:
        percents = {row[4] for row in rows}
        return ({row[2] for row in rows} <= _TASK_ROLES and {row[3] for row in rows} <= _TASK_STATUSES
                and {*map(type, percents)} <= {int} and (not percents or 0 <= min(percents) <= max(percents) <= 100))
    except TypeError:  # an unhashable value: SQLite would refuse it anyway
        return False


@contextlib.contextmanager
def _checks_verified_here(db: sqlite_utils.Database, rows: list[tuple]) -> Iterator[None]:
    """SQLite's row-by-row CHECKs off while these rows go in, when they pass them all here; else
    SQLite checks them as always (and refuses the bad one)."""
    if not rows or not _pass_task_checks(rows):
        yield
        return
    db.conn.execute("PRAGMA ignore_check_constraints = ON")
    try:
        yield
    finally:
        db.conn.execute("PRAGMA ignore_check_constraints = OFF")


# --- the plan sections received (plan.json, package format 2; issue 11) ---

def received_plan(db: sqlite_utils.Database, key: tuple) -> bytes | None:
    """The plan.json stored for (SHA-256, size, CRC-32), or None."""
    row = db.conn.execute("SELECT content FROM received_plan WHERE sha256 = ? AND size = ? AND crc32 = ?",
                          list(key)).fetchone()
    return bytes(row[0]) if row else None


def received_plans(db: sqlite_utils.Database) -> dict[tuple, bytes]:
    """Every plan.json stored, by (SHA-256, size, CRC-32)."""
    return {(sha, size, crc): bytes(content) for sha, size, crc, content in db.conn.execute(
        "SELECT sha256, size, crc32, content FROM received_plan ORDER BY id")}


def save_received_plans(db: sqlite_utils.Database, plans: dict[tuple, bytes], now: str) -> None:
    """Each plan.json read and checked in a receive, once."""
    db.conn.executemany("INSERT OR IGNORE INTO received_plan (sha256, size, crc32, content, received_at) "
                        "VALUES (?, ?, ?, ?, ?)", [(*key, raw, now) for key, raw in plans.items()])
