"""Numbered forward migrations, versioned with PRAGMA user_version.

Each migration takes the schema from version N-1 to N inside one transaction. Never edit
a migration that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the db is connection.Database, sqlite-utils' at first use (issue 17)
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

# issue 12: the self-assessed score belongs to the criterion (one per criterion), with the
# documents that prove it (a task's evidence, or a document added to the criterion directly)
# and where in each document the proof is. Per-task scores move to their criterion: the
# lowest when several tasks carry one (the note says so), and the per-task value is cleared.
# No semicolon inside the script's strings: it is split on them.
_V_CRITERION_SCORES = """
CREATE TABLE criterion_score (
    criterion_id INTEGER PRIMARY KEY REFERENCES criterion(id) ON DELETE CASCADE,
    score REAL CHECK (score IS NULL OR score >= 0),
    not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
    not_applicable_reason TEXT NOT NULL DEFAULT '',
    explanation TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE TABLE criterion_evidence (
    id INTEGER PRIMARY KEY,
    criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
    evidence_id INTEGER REFERENCES evidence(id) ON DELETE CASCADE,
    number TEXT NOT NULL DEFAULT '',
    date TEXT,
    issuer TEXT NOT NULL DEFAULT '',
    abstract TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
    file_name TEXT,
    file_size INTEGER,
    location TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL
);
CREATE INDEX criterion_evidence_criterion ON criterion_evidence(criterion_id);
CREATE INDEX criterion_evidence_file ON criterion_evidence(file_sha256);
INSERT INTO criterion_score (criterion_id, score, note, updated_at)
SELECT t.criterion_id, min(p.score),
       CASE WHEN count(*) > 1
            THEN 'Chuyển từ điểm tự chấm của ' || count(*) || ' nhiệm vụ (' ||
                 group_concat('nhiệm vụ ' || t.id || ': ' || replace(CAST(p.score AS TEXT), '.', ','), char(59) || ' ') ||
                 ') — giữ điểm thấp nhất.'
            ELSE 'Chuyển từ điểm tự chấm của nhiệm vụ ' || min(t.id) || '.' END,
       max(p.updated_at)
FROM progress p
JOIN task t ON t.id = p.task_id
JOIN criterion c ON c.id = t.criterion_id
JOIN plan_index i ON i.id = c.index_id AND i.kind = 'PAR INDEX'
WHERE c.title NOT LIKE '%Điều tra XHH%' AND p.score IS NOT NULL AND p.score >= 0 AND c.max_score IS NOT NULL AND p.score <= c.max_score + 1e-9
GROUP BY t.criterion_id;
UPDATE progress SET score = NULL
WHERE score IS NOT NULL AND task_id IN (
    SELECT t.id FROM task t JOIN criterion_score s ON s.criterion_id = t.criterion_id
)
"""


# issue 15: a progress record counts its saves (its revision), so that "newer" never depends
# on a sender's clock; a plan remembers the creation time of the last task package applied
# and a results workbook's export time, so that an older file cannot roll newer work back.
_NOT_XML = [code for code in range(1, 0x20) if code not in (0x09, 0x0A, 0x0D)] + [0xFFFE, 0xFFFF]
_NUL_PASSES = 8  # SQLite's replace() cannot see NUL: each pass cuts one out, on the bytes


_TEXT_COLUMNS = {
    "progress": ("result", "difficulties", "proposals"),
    "evidence": ("number", "issuer", "abstract", "file_name"),
    "task": ("content", "deadline_text", "evidence_required", "lead", "implementing", "cooperating"),
    "criterion": ("title", "prior_result", "target"),
    "report": ("number", "addressees", "recipients", "direction", "shortcomings", "next_steps", "proposals"),
    "criterion_score": ("not_applicable_reason", "explanation", "note"),  # issue 12's, which runs before
    "criterion_evidence": ("number", "issuer", "abstract", "file_name", "location"),
}
# Text saved by an older program is cleaned once, here; from now on it is cleaned when saved
# (limits.clean_text). One statement per character: nested replace() overflows SQLite's parser.
_CLEAN_OLD_TEXT = ";\n".join(
    f"UPDATE {table} SET " + ", ".join(f"{column} = replace({column}, char({code}), '')" for column in columns)
    + " WHERE " + " OR ".join(f"instr({column}, char({code})) > 0" for column in columns)
    for table, columns in _TEXT_COLUMNS.items() for code in _NOT_XML
) + ";\n" + ";\n".join(
    f"UPDATE {table} SET {column} = cast(substr(cast({column} AS blob), 1, instr(cast({column} AS blob), x'00') - 1) "
    f"AS text) || cast(substr(cast({column} AS blob), instr(cast({column} AS blob), x'00') + 1) AS text) "
    f"WHERE instr(cast({column} AS blob), x'00') > 0"
    for table, columns in _TEXT_COLUMNS.items() for column in columns for _ in range(_NUL_PASSES)
)

_V_REVISIONS = """
ALTER TABLE progress ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan ADD COLUMN task_package_created_at TEXT;
""" + _CLEAN_OLD_TEXT


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


# issue 14: a task cell merged over several criteria is one task serving each of them; the
# task's own criterion_id is the first, the others are listed here.
_V_TASK_ALSO_SERVES = """
CREATE TABLE task_criterion (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
    UNIQUE (task_id, criterion_id)
);
CREATE INDEX task_criterion_criterion ON task_criterion(criterion_id)
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


# issue 12 (follow-up): each lead department's proposed criterion scores as its progress
# packages bring them (`criterion_scores`), per (agency, criterion), for the consolidator to see
# beside the province's own score; never written into the consolidator's criterion_score.
_V_AGENCY_CRITERION_SCORES = """
CREATE TABLE agency_criterion_score (
    id INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES roster_agency(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
    score REAL CHECK (score IS NULL OR score >= 0),
    not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
    not_applicable_reason TEXT NOT NULL DEFAULT '',
    explanation TEXT NOT NULL DEFAULT '',
    updated_at TEXT,
    package_created_at TEXT NOT NULL,
    package_id INTEGER REFERENCES received_package(id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX agency_criterion_score_key ON agency_criterion_score(agency_id, criterion_id)
"""

# issue 11 (speed): the plan sections (plan.json, package format 2) of the packages received, by
# digest, so that a later receive of the same plan neither reads nor checks it again; each
# received package names its plan section.
_V_RECEIVED_PLANS = """
CREATE TABLE received_plan (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size INTEGER NOT NULL,
    crc32 INTEGER NOT NULL,
    content BLOB NOT NULL,
    received_at TEXT NOT NULL
);
ALTER TABLE received_package ADD COLUMN plan_sha256 TEXT
"""

# MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS: list[str] = [_V1_PLANS_AND_TASKS, _V2_PROGRESS_AND_EVIDENCE, _V3_REPORT_TEXTS]
MIGRATIONS.append(_V_CRITERION_SCORES)  # issue 12
MIGRATIONS.append(_V_REVISIONS)  # issue 15
MIGRATIONS += [_V_PROGRESS_LOG, _V_PLAN_REPORTING, _V_ISSUED_REPORTS, _V_REPORT_CALENDAR]  # issue 13
MIGRATIONS.append(_V_TASK_ALSO_SERVES)  # issue 14
MIGRATIONS.append(_V_CONSOLIDATION)  # issue 11
MIGRATIONS.append(_V_AGENCY_CRITERION_SCORES)  # issue 12 (after issue 11's roster)
MIGRATIONS.append(_V_RECEIVED_PLANS)  # issue 11
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
