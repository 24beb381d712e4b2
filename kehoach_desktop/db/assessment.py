"""SQL of the self-assessment (issue 12): one score per criterion and the documents behind it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the db is connection.Database, sqlite-utils' at first use (issue 17)
    import sqlite_utils

SCORE_FIELDS = ("score", "not_applicable", "not_applicable_reason", "explanation", "note", "updated_at")
LINK_FIELDS = (
    "criterion_id", "evidence_id", "number", "date", "issuer", "abstract", "file_sha256", "file_name",
    "file_size", "location", "added_at",
)


def plan_criteria(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    """Every criterion of one plan with its index, in annex order."""
    return list(db.query(
        "SELECT c.*, i.kind AS index_kind, i.name AS index_name, i.position AS index_position "
        "FROM criterion c JOIN plan_index i ON i.id = c.index_id WHERE i.plan_id = ? "
        "ORDER BY i.position, c.position", [plan_id],
    ))


def plan_task_links(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    """Each task's criterion and the phrases that say who leads it (for who may score)."""
    return list(db.query(
        "SELECT t.id, t.criterion_id, t.lead, t.implementing, t.cooperating, t.role_override, t.removed, "
        "t.evidence_required, coalesce(p.status, 'chưa thực hiện') AS status "
        "FROM task t LEFT JOIN progress p ON p.task_id = t.id WHERE t.plan_id = ? ORDER BY t.position", [plan_id],
    ))


def plan_scores(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    return list(db.query(
        "SELECT s.* FROM criterion_score s JOIN criterion c ON c.id = s.criterion_id "
        "JOIN plan_index i ON i.id = c.index_id WHERE i.plan_id = ?", [plan_id],
    ))


_LINKS = """
SELECT l.id, l.criterion_id, l.evidence_id, l.location, l.added_at,
       coalesce(e.number, l.number) AS number, coalesce(e.date, l.date) AS date,
       coalesce(e.issuer, l.issuer) AS issuer, coalesce(e.abstract, l.abstract) AS abstract,
       coalesce(e.file_sha256, l.file_sha256) AS file_sha256, coalesce(e.file_name, l.file_name) AS file_name,
       coalesce(e.file_size, l.file_size) AS file_size, e.task_id AS task_id
FROM criterion_evidence l
JOIN criterion c ON c.id = l.criterion_id
JOIN plan_index i ON i.id = c.index_id
LEFT JOIN evidence e ON e.id = l.evidence_id
"""


def plan_evidence_links(db: sqlite_utils.Database, plan_id: int) -> list[dict]:
    """The documents linked to the plan's criteria, a task's evidence read through its record."""
    return list(db.query(_LINKS + " WHERE i.plan_id = ? ORDER BY l.criterion_id, l.id", [plan_id]))


def plan_evidence_links_of(db: sqlite_utils.Database, criterion_id: int) -> list[dict]:
    """The documents linked to one criterion (as plan_evidence_links reads them)."""
    return list(db.query(_LINKS + " WHERE l.criterion_id = ? ORDER BY l.id", [criterion_id]))


def get_score(db: sqlite_utils.Database, criterion_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM criterion_score WHERE criterion_id = ?", [criterion_id]))
    return rows[0] if rows else None


def save_score(db: sqlite_utils.Database, criterion_id: int, values: dict) -> None:
    row = {"criterion_id": criterion_id, **{key: values[key] for key in SCORE_FIELDS}}
    db.execute(
        "INSERT INTO criterion_score (criterion_id, score, not_applicable, not_applicable_reason, explanation, "
        "note, updated_at) VALUES (:criterion_id, :score, :not_applicable, :not_applicable_reason, :explanation, "
        ":note, :updated_at) ON CONFLICT(criterion_id) DO UPDATE SET score = excluded.score, "
        "not_applicable = excluded.not_applicable, not_applicable_reason = excluded.not_applicable_reason, "
        "explanation = excluded.explanation, note = excluded.note, updated_at = excluded.updated_at", row,
    )


def insert_link(db: sqlite_utils.Database, values: dict) -> int:
    text = ("number", "issuer", "abstract", "location")
    row = {key: values.get(key, "" if key in text else None) for key in LINK_FIELDS}
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return db.execute(f"INSERT INTO criterion_evidence ({columns}) VALUES ({marks})", list(row.values())).lastrowid


def delete_link(db: sqlite_utils.Database, link_id: int) -> None:
    db.execute("DELETE FROM criterion_evidence WHERE id = ?", [link_id])


def find_link(db: sqlite_utils.Database, criterion_id: int, evidence_id: int) -> dict | None:
    rows = list(db.query(
        "SELECT * FROM criterion_evidence WHERE criterion_id = ? AND evidence_id = ?", [criterion_id, evidence_id]))
    return rows[0] if rows else None


def update_link_location(db: sqlite_utils.Database, link_id: int, location: str) -> None:
    db.execute("UPDATE criterion_evidence SET location = ? WHERE id = ?", [location, link_id])


def criterion_link_ids(db: sqlite_utils.Database, criterion_id: int) -> list[int]:
    return [row["id"] for row in db.query(
        "SELECT id FROM criterion_evidence WHERE criterion_id = ? ORDER BY id", [criterion_id])]


def linked_file_hashes(conn) -> set[str]:
    """Files of documents added to a criterion directly (kept by evidence cleanup and checks)."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "criterion_evidence" not in names:
        return set()
    return {row[0] for row in conn.execute(
        "SELECT DISTINCT file_sha256 FROM criterion_evidence WHERE file_sha256 IS NOT NULL")}


# --- undoing an evidence removal (issue 16) ---

def links_of_evidence(db: sqlite_utils.Database, evidence_id: int) -> list[dict]:
    """The criterion links to one evidence record (removing the record drops them)."""
    return list(db.query("SELECT * FROM criterion_evidence WHERE evidence_id = ? ORDER BY id", [evidence_id]))
