"""Numbered forward migrations, versioned with PRAGMA user_version.

Each migration takes the schema from version N-1 to N inside one transaction. Never edit
a migration that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from ..errors import DatabaseTooNewError
from .connection import transaction

_V1_PLANS_AND_TASKS = """
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('so', 'huyen', 'xa', 'khac')),
    governing_body TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    symbol TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    signer_title TEXT NOT NULL DEFAULT '',
    authority TEXT NOT NULL DEFAULT 'none' CHECK (authority IN ('TM.', 'KT.', 'Q.', 'none'))
);
CREATE TABLE plan (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL,
    date TEXT,
    issuer TEXT NOT NULL DEFAULT '',
    year INTEGER,
    title TEXT NOT NULL DEFAULT '',
    source_file TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);
CREATE UNIQUE INDEX plan_number ON plan(number, date);
CREATE TABLE plan_index (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE criterion (
    id INTEGER PRIMARY KEY,
    index_id INTEGER NOT NULL REFERENCES plan_index(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES criterion(id) ON DELETE CASCADE,
    code TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    max_score REAL,
    prior_result TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE INDEX criterion_index ON criterion(index_id);
CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    index_id INTEGER NOT NULL REFERENCES plan_index(id) ON DELETE CASCADE,
    criterion_id INTEGER REFERENCES criterion(id) ON DELETE SET NULL,
    position INTEGER NOT NULL,
    content TEXT NOT NULL,
    deadline_text TEXT NOT NULL DEFAULT '',
    evidence_required TEXT NOT NULL DEFAULT '',
    lead TEXT NOT NULL DEFAULT '',
    implementing TEXT NOT NULL DEFAULT '',
    cooperating TEXT NOT NULL DEFAULT '',
    source_sheet TEXT NOT NULL DEFAULT '',
    source_row INTEGER,
    removed INTEGER NOT NULL DEFAULT 0,
    role_override TEXT CHECK (role_override IN ('lead', 'implementing', 'cooperating', 'none'))
);
CREATE INDEX task_plan ON task(plan_id);
"""

_V2_PROGRESS_AND_EVIDENCE = """
CREATE TABLE progress (
    task_id INTEGER PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'chưa thực hiện'
        CHECK (status IN ('chưa thực hiện', 'đang thực hiện', 'hoàn thành', 'không thực hiện được')),
    percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    result TEXT NOT NULL DEFAULT '',
    completed_on TEXT,
    score REAL,
    difficulties TEXT NOT NULL DEFAULT '',
    proposals TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE RESTRICT,
    number TEXT NOT NULL DEFAULT '',
    date TEXT,
    issuer TEXT NOT NULL DEFAULT '',
    abstract TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
    file_name TEXT,
    file_size INTEGER,
    added_at TEXT NOT NULL
);
CREATE INDEX evidence_task ON evidence(task_id);
CREATE INDEX evidence_file ON evidence(file_sha256);
"""

_V3_REPORT_TEXTS = """
CREATE TABLE report (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    period TEXT NOT NULL CHECK (period IN ('q1', 'h1', 'q3', 'year', 'custom')),
    year INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    signed_on TEXT,
    addressees TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL DEFAULT '',
    shortcomings TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    proposals TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX report_period ON report(plan_id, period, start_date, end_date)
"""

# issue 13: every progress change is logged (by triggers, whichever path saves it), so that a
# report for a past period can be rebuilt from what had been recorded by then. Rows already
# recorded are logged once, at their last update.
_V_PROGRESS_LOG = """
CREATE TABLE progress_log (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    percent INTEGER NOT NULL DEFAULT 0,
    result TEXT NOT NULL DEFAULT '',
    completed_on TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX progress_log_task ON progress_log(task_id, recorded_at);
INSERT INTO progress_log (task_id, status, percent, result, completed_on, recorded_at)
    SELECT task_id, status, percent, result, completed_on, updated_at FROM progress;
CREATE TRIGGER progress_logged_insert AFTER INSERT ON progress BEGIN
    INSERT INTO progress_log (task_id, status, percent, result, completed_on, recorded_at)
    VALUES (NEW.task_id, NEW.status, NEW.percent, NEW.result, NEW.completed_on, NEW.updated_at);
END;
CREATE TRIGGER progress_logged_update AFTER UPDATE ON progress
WHEN NEW.status IS NOT OLD.status OR NEW.percent IS NOT OLD.percent OR NEW.result IS NOT OLD.result
     OR NEW.completed_on IS NOT OLD.completed_on BEGIN
    INSERT INTO progress_log (task_id, status, percent, result, completed_on, recorded_at)
    VALUES (NEW.task_id, NEW.status, NEW.percent, NEW.result, NEW.completed_on, NEW.updated_at);
END
"""

# issue 13: per plan, the plan as issued when corrected by hand (cited_*: reports cite these; the
# imported number and date stay the plan's identity for the next import), the addressees its
# reports go to (Kính gửi), remembered from the last report saved, and the data cutoff: 0 = the
# period's last day, else that day of its last month (the Ministry's regime runs the data to the 14th).
_V_PLAN_REPORTING = """
ALTER TABLE plan ADD COLUMN cited_number TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN cited_date TEXT;
ALTER TABLE plan ADD COLUMN cited_issuer TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN cited_title TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN report_addressees TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN report_cutoff_day INTEGER NOT NULL DEFAULT 0
"""

# issue 13: the issued-report register — every report saved or printed with a number and a date,
# with the content it was built from (JSON), for an identical reprint and "what changed since".
_V_ISSUED_REPORTS = """
CREATE TABLE issued_report (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    year INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    number TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    file_format TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    issued_at TEXT NOT NULL
);
CREATE INDEX issued_report_plan ON issued_report(plan_id, end_date)
"""

# issue 13: the reporting calendar — per plan, the reports owed: kind, period, due date, recipient.
# No rows for a plan means the defaults (one per period of the plan's year); an edit stores them all.
_V_REPORT_CALENDAR = """
CREATE TABLE report_obligation (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    period TEXT NOT NULL CHECK (period IN ('q1', 'h1', 'q3', 'year', 'custom')),
    year INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    recipient TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX report_obligation_period ON report_obligation(plan_id, period, start_date, end_date)
"""

# MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS: list[str] = [_V1_PLANS_AND_TASKS, _V2_PROGRESS_AND_EVIDENCE, _V3_REPORT_TEXTS]
MIGRATIONS += [_V_PROGRESS_LOG, _V_PLAN_REPORTING, _V_ISSUED_REPORTS, _V_REPORT_CALENDAR]  # issue 13
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, *, target: int = SCHEMA_VERSION, db_name: str = "") -> int:
    """Bring the schema up to `target`; refuse a database written by a newer program.

    Returns the version found before migrating.
    """
    found = current_version(db)
    refuse_if_too_new(found, db_name)
    for version in range(found, target):
        with transaction(db):
            for statement in _statements(MIGRATIONS[version]):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {version + 1}")
    return found


def refuse_if_too_new(found: int, db_name: str = "") -> None:
    """Raise DatabaseTooNewError for a file written by a newer program (user_version above ours)."""
    if found > SCHEMA_VERSION:
        where = f" “{db_name}”" if db_name else ""
        raise DatabaseTooNewError(
            f"Tệp dữ liệu{where} được tạo bởi phiên bản mới hơn của chương trình "
            f"(phiên bản dữ liệu {found}, chương trình này chỉ đọc được đến {SCHEMA_VERSION}). "
            "Hãy cài phiên bản mới nhất của chương trình; dữ liệu không bị thay đổi."
        )


def _statements(script: str) -> list[str]:
    """The script's statements; a trigger's BEGIN … END body (issue 13) stays one statement."""
    statements, pending = [], ""
    for part in script.split(";"):
        pending = f"{pending};{part}" if pending else part
        if sqlite3.complete_statement(pending + ";"):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements
