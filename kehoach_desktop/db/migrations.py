"""Numbered forward migrations, versioned with PRAGMA user_version.

Each migration takes the schema from version N-1 to N inside one transaction. Never edit
a migration that has shipped: add a new one.
"""

from __future__ import annotations

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

# issue 11: consolidation — the consolidating role, the roster of reporting agencies, the
# packages received, and each agency's progress and evidence per task (the agency's own
# progress tables stay as they are; evidence files go into the one hashed store).
_V_CONSOLIDATION = """
CREATE TABLE consolidation_role (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    consolidates TEXT NOT NULL DEFAULT 'none' CHECK (consolidates IN ('plan', 'led-tasks', 'none'))
);
CREATE TABLE roster_agency (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name != ''),
    kind TEXT NOT NULL CHECK (kind IN ('so', 'huyen', 'xa', 'khac')),
    code TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'tay' CHECK (source IN ('tay', 'excel', 'goi')),
    added_at TEXT NOT NULL
);
CREATE UNIQUE INDEX roster_code ON roster_agency(code) WHERE code != '';
CREATE UNIQUE INDEX roster_name ON roster_agency(name) WHERE code = '';
CREATE TABLE received_package (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES roster_agency(id) ON DELETE CASCADE,
    package_id TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL DEFAULT '',
    period_code TEXT,
    period_year INTEGER,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX received_agency ON received_package(agency_id, period_year, period_code);
CREATE TABLE agency_task (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES roster_agency(id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    role TEXT CHECK (role IN ('lead', 'implementing', 'cooperating')),
    status TEXT CHECK (status IS NULL OR status IN
        ('chưa thực hiện', 'đang thực hiện', 'hoàn thành', 'không thực hiện được')),
    percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    result TEXT NOT NULL DEFAULT '',
    completed_on TEXT,
    score REAL,
    difficulties TEXT NOT NULL DEFAULT '',
    proposals TEXT NOT NULL DEFAULT '',
    updated_at TEXT,
    revision INTEGER NOT NULL DEFAULT 0,
    package_created_at TEXT NOT NULL,
    package_id INTEGER REFERENCES received_package(id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX agency_task_key ON agency_task(agency_id, task_id);
CREATE INDEX agency_task_task ON agency_task(task_id);
CREATE TABLE agency_evidence (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES roster_agency(id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    number TEXT NOT NULL DEFAULT '',
    date TEXT,
    issuer TEXT NOT NULL DEFAULT '',
    abstract TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
    file_name TEXT,
    file_size INTEGER,
    added_at TEXT NOT NULL
);
CREATE INDEX agency_evidence_key ON agency_evidence(agency_id, task_id);
CREATE INDEX agency_evidence_file ON agency_evidence(file_sha256)
"""

# MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS: list[str] = [_V1_PLANS_AND_TASKS, _V2_PROGRESS_AND_EVIDENCE, _V3_REPORT_TEXTS]
MIGRATIONS.append(_V_CONSOLIDATION)  # issue 11
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
    return [part.strip() for part in script.split(";") if part.strip()]
