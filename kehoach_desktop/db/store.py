"""Every SQL statement of the program. Functions take a Database and plain values.

Callers group them into one transaction per user action with :func:`transaction`.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Iterable, Iterator

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the db is connection.Database, sqlite-utils' at first use (issue 17)
    import sqlite_utils

PROFILE_FIELDS = (
    "name", "kind", "governing_body", "place", "symbol", "signer_name", "signer_title", "authority",
)
PROGRESS_FIELDS = (
    "status", "percent", "result", "completed_on", "score", "difficulties", "proposals", "updated_at",
)
EVIDENCE_FIELDS = (
    "task_id", "number", "date", "issuer", "abstract", "file_sha256", "file_name", "file_size", "added_at",
)


def _one(db: sqlite_utils.Database, sql: str, params: Iterable[Any] = ()) -> dict | None:
    rows = list(db.query(sql, list(params)))
    return rows[0] if rows else None


# --- profile -------------------------------------------------------------------------------

def get_profile(db: sqlite_utils.Database) -> dict | None:
    return _one(db, "SELECT * FROM profile WHERE id = 1")


def save_profile(db: sqlite_utils.Database, values: dict) -> None:
    row = {"id": 1, **{key: values[key] for key in PROFILE_FIELDS}}
    db["profile"].upsert(row, pk="id")


# --- plans, indices, criteria, tasks ------------------------------------------------------

def find_plan(db: sqlite_utils.Database, number: str, date: str | None) -> dict | None:
    return _one(db, "SELECT * FROM plan WHERE number = ? AND date IS ?", (number, date))


def list_plans(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM plan ORDER BY date, id"))


def insert_plan(db: sqlite_utils.Database, values: dict) -> int:
    return db["plan"].insert(values).last_pk


def update_plan(db: sqlite_utils.Database, plan_id: int, values: dict) -> None:
    db["plan"].update(plan_id, values)


def list_indices(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM plan_index WHERE plan_id = ? ORDER BY position", [plan_id]))


def insert_index(db: sqlite_utils.Database, values: dict) -> int:
    return db["plan_index"].insert(values).last_pk


def update_index(db: sqlite_utils.Database, index_id: int, values: dict) -> None:
    db["plan_index"].update(index_id, values)


def list_criteria(db: sqlite_utils.Database, index_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM criterion WHERE index_id = ? ORDER BY position", [index_id]))


def insert_criterion(db: sqlite_utils.Database, values: dict) -> int:
    return _insert(db, "criterion", values)


def update_criterion(db: sqlite_utils.Database, criterion_id: int, values: dict) -> None:
    db["criterion"].update(criterion_id, values)


def get_criterion(db: sqlite_utils.Database, criterion_id: int) -> dict | None:
    return _one(db, "SELECT * FROM criterion WHERE id = ?", [criterion_id])


def list_plan_tasks(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM task WHERE plan_id = ? ORDER BY position", [plan_id]))


def _insert(db: sqlite_utils.Database, table: str, values: dict) -> int:
    """A plain INSERT: sqlite-utils' table.insert() re-reads the schema on every call."""
    key = (table, tuple(values))
    sql = _INSERTS.get(key)
    if sql is None:  # issue 17: built once per table and columns, not once per row of a 20,000-row import
        sql = _INSERTS[key] = f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})"
    return db.execute(sql, list(values.values())).lastrowid


_INSERTS: dict[tuple[str, tuple[str, ...]], str] = {}


def insert_task(db: sqlite_utils.Database, values: dict) -> int:
    return _insert(db, "task", values)


def update_task(db: sqlite_utils.Database, task_id: int, values: dict) -> None:
    db["task"].update(task_id, values)


def get_task(db: sqlite_utils.Database, task_id: int) -> dict | None:
    return _one(db, "SELECT * FROM task WHERE id = ?", [task_id])


_TASK_ROWS = """
SELECT t.*, i.kind AS index_kind, i.name AS index_name, i.position AS index_position,
       c.code AS criterion_code, c.title AS criterion_title, c.max_score AS max_score,
       c.parent_id AS criterion_parent_id,
       p.status, p.percent, p.result, p.completed_on, p.score, p.difficulties, p.proposals,
       p.updated_at, pl.year AS plan_year,
       (SELECT count(*) FROM evidence e WHERE e.task_id = t.id) AS evidence_count
FROM task t
JOIN plan pl ON pl.id = t.plan_id
JOIN plan_index i ON i.id = t.index_id
LEFT JOIN criterion c ON c.id = t.criterion_id
LEFT JOIN progress p ON p.task_id = t.id
"""


def task_rows(db: sqlite_utils.Database, task_id: int | None = None) -> list[dict]:
    """Tasks joined with their index, criterion, progress and evidence count, in annex order."""
    if task_id is not None:
        return list(db.query(_TASK_ROWS + " WHERE t.id = ?", [task_id]))
    return list(db.query(_TASK_ROWS + " ORDER BY pl.id, i.position, t.position"))


def all_criteria(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM criterion ORDER BY index_id, position"))


# --- progress and evidence ------------------------------------------------------------------

def get_progress(db: sqlite_utils.Database, task_id: int) -> dict | None:
    return _one(db, "SELECT * FROM progress WHERE task_id = ?", [task_id])


def save_progress(db: sqlite_utils.Database, task_id: int, values: dict) -> None:
    row = {"task_id": task_id, **{key: values[key] for key in PROGRESS_FIELDS}}
    db["progress"].upsert(row, pk="task_id")


def list_evidence(db: sqlite_utils.Database, task_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM evidence WHERE task_id = ? ORDER BY id", [task_id]))


def get_evidence(db: sqlite_utils.Database, evidence_id: int) -> dict | None:
    return _one(db, "SELECT * FROM evidence WHERE id = ?", [evidence_id])


def insert_evidence(db: sqlite_utils.Database, values: dict) -> int:
    return _insert(db, "evidence", {key: values.get(key) for key in EVIDENCE_FIELDS})


def delete_evidence(db: sqlite_utils.Database, evidence_id: int) -> None:
    db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])


def insert_progress(db: sqlite_utils.Database, task_id: int, values: dict) -> None:
    """A task's first progress record (a plain INSERT: save_progress's upsert re-reads the schema)."""
    _insert(db, "progress", {"task_id": task_id, **{key: values[key] for key in PROGRESS_FIELDS}})


def list_plan_progress(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    return list(db.query(
        "SELECT p.* FROM progress p JOIN task t ON t.id = p.task_id WHERE t.plan_id = ? ORDER BY p.task_id",
        [plan_id],
    ))


# --- report texts (one row per plan and period) ---------------------------------------------

REPORT_FIELDS = (
    "plan_id", "period", "year", "start_date", "end_date", "number", "signed_on", "addressees",
    "recipients", "direction", "shortcomings", "next_steps", "proposals", "updated_at",
)


def get_report(
    db: sqlite_utils.Database, plan_id: int, period: str, start_date: str, end_date: str
) -> dict | None:
    return _one(
        db, "SELECT * FROM report WHERE plan_id = ? AND period = ? AND start_date = ? AND end_date = ?",
        (plan_id, period, start_date, end_date),
    )


def list_reports(db: sqlite_utils.Database, plan_id: int | None = None) -> list[dict]:
    if plan_id is None:
        return list(db.query("SELECT * FROM report ORDER BY plan_id, start_date, end_date"))
    return list(db.query("SELECT * FROM report WHERE plan_id = ? ORDER BY start_date, end_date", [plan_id]))


def save_report(db: sqlite_utils.Database, values: dict) -> int:
    """Insert or replace the texts of one plan's report for one period."""
    row = {key: values[key] for key in REPORT_FIELDS}
    found = get_report(db, row["plan_id"], row["period"], row["start_date"], row["end_date"])
    if found is None:
        return _insert(db, "report", row)
    db["report"].update(found["id"], row)
    return found["id"]


def list_plan_evidence(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    """Every evidence record of one plan's tasks, by task then in the order added (for reports)."""
    return list(db.query(
        "SELECT e.* FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.plan_id = ? ORDER BY e.task_id, e.id",
        [plan_id],
    ))


def list_plan_notes(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    """The difficulties and proposals recorded on one plan's tasks."""
    return list(db.query(
        "SELECT p.task_id, p.difficulties, p.proposals FROM progress p JOIN task t ON t.id = p.task_id "
        "WHERE t.plan_id = ? AND (p.difficulties != '' OR p.proposals != '')", [plan_id],
    ))


def table_counts(db: sqlite_utils.Database) -> dict[str, int]:
    return {name: db[name].count for name in db.table_names()}


# --- saving only what changed, with a revision (issue 15) ------------------------------------

def write_progress(db: sqlite_utils.Database, task_id: int, values: dict, revision: int) -> None:
    """Insert or replace a task's progress with the given revision (inside the caller's
    BEGIN IMMEDIATE transaction, which read the record it replaces)."""
    row = {key: values[key] for key in PROGRESS_FIELDS}
    columns = ", ".join(["task_id", *row, "revision"])
    marks = ", ".join("?" for _ in range(len(row) + 2))
    updates = ", ".join(f"{key} = excluded.{key}" for key in [*row, "revision"])
    db.execute(f"INSERT INTO progress ({columns}) VALUES ({marks}) "
               f"ON CONFLICT(task_id) DO UPDATE SET {updates}", [task_id, *row.values(), revision])




def get_plan_task_package(db: sqlite_utils.Database, plan_id: int) -> str | None:
    row = _one(db, "SELECT task_package_created_at FROM plan WHERE id = ?", [plan_id])
    return row["task_package_created_at"] if row else None


def set_plan_task_package(db: sqlite_utils.Database, plan_id: int, created_at: str) -> None:
    db.execute("UPDATE plan SET task_package_created_at = ? WHERE id = ?", [created_at, plan_id])
# --- reports: plan identity, progress log (issue 13) ----------------------------------------

PLAN_IDENTITY_FIELDS = ("cited_number", "cited_date", "cited_issuer", "cited_title", "year", "report_addressees",
                        "report_cutoff_day")


def get_plan(db: sqlite_utils.Database, plan_id: int) -> dict | None:
    return _one(db, "SELECT * FROM plan WHERE id = ?", [plan_id])


def update_plan_identity(db: sqlite_utils.Database, plan_id: int, values: dict) -> None:
    row = {key: values[key] for key in PLAN_IDENTITY_FIELDS if key in values}
    sets = ", ".join(f"{key} = ?" for key in row)
    db.execute(f"UPDATE plan SET {sets} WHERE id = ?", [*row.values(), plan_id])


def list_plan_progress_log(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    """Every recorded progress change of one plan's tasks, oldest first per task."""
    return list(db.query(
        "SELECT l.* FROM progress_log l JOIN task t ON t.id = l.task_id WHERE t.plan_id = ? "
        "ORDER BY l.task_id, l.recorded_at, l.id", [plan_id],
    ))


# --- issued-report register (issue 13) ------------------------------------------------------

ISSUED_FIELDS = ("plan_id", "period", "year", "start_date", "end_date", "number", "signed_on", "file_name",
                 "file_format", "file_sha256", "content", "content_sha256", "issued_at")


def insert_issued_report(db: sqlite_utils.Database, values: dict) -> int:
    return _insert(db, "issued_report", {key: values[key] for key in ISSUED_FIELDS})


def update_issued_file(db: sqlite_utils.Database, issued_id: int, values: dict) -> None:
    db.execute("UPDATE issued_report SET file_name = ?, file_format = ?, file_sha256 = ? WHERE id = ?",
               [values["file_name"], values["file_format"], values["file_sha256"], issued_id])


def find_issued_report(db: sqlite_utils.Database, plan_id: int, number: str, signed_on: str,
                       content_sha256: str) -> dict | None:
    return _one(db, "SELECT * FROM issued_report WHERE plan_id = ? AND number = ? AND signed_on = ? "
                    "AND content_sha256 = ? ORDER BY id DESC LIMIT 1", [plan_id, number, signed_on, content_sha256])


def get_issued_report(db: sqlite_utils.Database, issued_id: int) -> dict | None:
    return _one(db, "SELECT * FROM issued_report WHERE id = ?", [issued_id])


def list_issued_reports(db: sqlite_utils.Database, plan_id: int | None = None) -> list[dict]:
    if plan_id is None:
        return list(db.query("SELECT * FROM issued_report ORDER BY plan_id, end_date, id"))
    return list(db.query("SELECT * FROM issued_report WHERE plan_id = ? ORDER BY end_date, id", [plan_id]))


def list_issued_numbers(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    """The register's numbers and dates, without the content each report was built from."""
    return list(db.query("SELECT period, start_date, end_date, number, signed_on FROM issued_report "
                         "WHERE plan_id = ? ORDER BY end_date, id", [plan_id]))


def latest_issued_before(db: sqlite_utils.Database, plan_id: int, end_date: str) -> dict | None:
    """The last report issued for a period that ended before `end_date` (for "what changed since")."""
    return _one(db, "SELECT * FROM issued_report WHERE plan_id = ? AND end_date < ? ORDER BY end_date DESC, id DESC "
                    "LIMIT 1", [plan_id, end_date])


# --- reporting calendar (issue 13) ------------------------------------------------------------

OBLIGATION_FIELDS = ("plan_id", "period", "year", "start_date", "end_date", "due_date", "recipient")


def list_obligations(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM report_obligation WHERE plan_id = ? ORDER BY due_date, id", [plan_id]))


def replace_obligations(db: sqlite_utils.Database, plan_id: int, rows: list[dict]) -> None:
    db.execute("DELETE FROM report_obligation WHERE plan_id = ?", [plan_id])
    for row in rows:
        _insert(db, "report_obligation", {key: row[key] for key in OBLIGATION_FIELDS})
# --- criteria a task also serves (issue 14) ---

def plan_also_serves(db: sqlite_utils.Database, plan_id: int) -> dict[int, list[int]]:
    """task id → the criteria it serves besides its own (a task cell merged over several)."""
    found: dict[int, list[int]] = {}
    for row in db.query("SELECT tc.task_id, tc.criterion_id FROM task_criterion tc JOIN task t ON t.id = tc.task_id "
                        "WHERE t.plan_id = ? ORDER BY tc.id", [plan_id]):
        found.setdefault(row["task_id"], []).append(row["criterion_id"])
    return found


def set_also_serves(db: sqlite_utils.Database, task_id: int, criterion_ids: list[int]) -> None:
    db.execute("DELETE FROM task_criterion WHERE task_id = ?", [task_id])
    for criterion_id in dict.fromkeys(criterion_ids):
        db.execute("INSERT INTO task_criterion (task_id, criterion_id) VALUES (?, ?)", [task_id, criterion_id])


def task_also_serves(db: sqlite_utils.Database, task_id: int) -> list[dict]:
    """The other criteria a task serves, with code and title, in the annex's order."""
    return list(db.query("SELECT c.id, c.code, c.title FROM task_criterion tc JOIN criterion c ON c.id = tc.criterion_id "
                         "WHERE tc.task_id = ? ORDER BY tc.id", [task_id]))
# --- plan removal (issue 16) ---


def plan_contents(db: sqlite_utils.Database, plan_id: int) -> dict[str, int]:
    """What removing a plan takes with it: its tasks, recorded results, evidence records, report texts."""
    one = lambda sql: next(iter(db.execute(sql, [plan_id]).fetchone()), 0)  # noqa: E731
    return {
        "tasks": one("SELECT count(*) FROM task WHERE plan_id = ?"),
        "results": one("SELECT count(*) FROM progress p JOIN task t ON t.id = p.task_id WHERE t.plan_id = ?"),
        "evidence": one("SELECT count(*) FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.plan_id = ?"),
        "reports": one("SELECT count(*) FROM report WHERE plan_id = ?"),
    }


def delete_plan(db: sqlite_utils.Database, plan_id: int) -> None:
    """The plan and everything hanging from it (evidence records first: they restrict deletion)."""
    db.execute("DELETE FROM evidence WHERE task_id IN (SELECT id FROM task WHERE plan_id = ?)", [plan_id])
    db.execute("DELETE FROM plan WHERE id = ?", [plan_id])
# --- scale: reading one task's criterion chain (issue 17) ------------------------------------

def criterion_chain(db: sqlite_utils.Database, criterion_id: int | None) -> list[dict]:
    """A criterion and its ancestors up to its area, without reading every criterion."""
    if criterion_id is None:
        return []
    return list(db.query(
        "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT c.parent_id FROM criterion c JOIN up ON c.id = up.id "
        "WHERE c.parent_id IS NOT NULL) SELECT c.* FROM criterion c JOIN up ON c.id = up.id", [criterion_id]))


def task_listing(db: sqlite_utils.Database) -> Iterator[sqlite3.Row]:
    """task_rows() for every task as sqlite3.Row (read by column name): no dict per row, which
    costs as much as the query itself at 20,000 tasks. Rows as the query yields them, so that a
    listing can be written out as it is read (`tasks --json`, issue 17)."""
    cursor = db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(_TASK_ROWS + " ORDER BY pl.id, i.position, t.position")


# --- undoing an evidence removal (issue 16) ---------------------------------------------------

def insert_evidence_as(db: sqlite_utils.Database, record: dict, *, keep_id: bool) -> int:
    """An evidence record put back as it was: under its old id when `keep_id`, else a new one."""
    values = {key: record.get(key) for key in EVIDENCE_FIELDS}
    return _insert(db, "evidence", {"id": record["id"], **values} if keep_id else values)


# --- knowing whether anything changed (issue 16) ----------------------------------------------

def data_stamp(db: sqlite_utils.Database) -> tuple[int, int]:
    """Changes by other connections (PRAGMA data_version) and by this one (total_changes): equal
    stamps on one connection mean nothing was committed in between, so a view need not reload."""
    return db.conn.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes


# --- one plan's tasks (issue 16: a report reads its own plan only) ---------------------------

def plan_task_listing(db: sqlite_utils.Database, plan_id: int) -> Iterator[sqlite3.Row]:
    """task_listing() for the tasks of one plan, in annex order."""
    cursor = db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(_TASK_ROWS + " WHERE t.plan_id = ? ORDER BY i.position, t.position", [plan_id])


def plan_criteria_rows(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    """The criteria of one plan (all_criteria() of one plan)."""
    return list(db.query("SELECT c.* FROM criterion c JOIN plan_index i ON i.id = c.index_id WHERE i.plan_id = ? "
                         "ORDER BY c.index_id, c.position", [plan_id]))


def get_tasks(db: sqlite_utils.Database, task_ids: list[int]) -> dict[int, dict]:
    """Several tasks by id in one query (carrying tasks over): id → row, the ids not found left out."""
    import json

    return {row["id"]: row for row in db.query(
        "SELECT * FROM task WHERE id IN (SELECT value FROM json_each(?))", [json.dumps([int(i) for i in task_ids])])}


# --- start-up (issue 17) ---

def task_count(db: sqlite_utils.Database) -> int:
    return db.conn.execute("SELECT count(*) FROM task").fetchone()[0]
