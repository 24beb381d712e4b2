"""Storage: connection settings, round trips, refusing newer data files, migrations, one transaction per action."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3

import pytest

from kehoach_desktop.db import SCHEMA_VERSION, current_version, migrate, migrations, open_database, store
from kehoach_desktop.errors import DatabaseTooNewError, InvalidInputError
from kehoach_desktop.model import AgencyKind, AgencyProfile, Authority, Evidence, Progress, Status
from kehoach_desktop.paths import DB_FILE_NAME
from kehoach_desktop.workspace import Workspace

from _support import evidence_files, snapshot, table_counts


def _pragmas(db) -> dict:
    return {
        name: db.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
    }


def _assert_safe_pragmas(db) -> None:
    values = _pragmas(db)
    assert values["foreign_keys"] == 1
    assert values["journal_mode"].lower() == "wal"
    assert values["synchronous"] == 2  # FULL
    assert values["busy_timeout"] > 0


def test_open_database_sets_the_pragmas(tmp_path):
    db = open_database(tmp_path / "a.sqlite3")
    try:
        _assert_safe_pragmas(db)
    finally:
        db.close()


def test_every_workspace_connection_has_the_pragmas(data_dir):
    with Workspace(data_dir) as first:
        _assert_safe_pragmas(first.db)
        with Workspace(data_dir) as second:  # a second window or the CLI on the same folder
            _assert_safe_pragmas(second.db)


def test_foreign_keys_are_enforced(workspace):
    with pytest.raises(sqlite3.IntegrityError):
        workspace.db.execute(
            "INSERT INTO task (plan_id, index_id, position, content) VALUES (999, 999, 0, 'x')"
        )


# --- round trips ---------------------------------------------------------------------------------


def test_profile_round_trip(data_dir):
    profile = AgencyProfile(
        name="UBND xã Hòa An", kind=AgencyKind.XA, governing_body="UBND tỉnh Cao Bằng", place="Hòa An",
        symbol="UBND", signer_name="Nông Văn Bình", signer_title="Chủ tịch", authority=Authority.TM,
    )
    with Workspace(data_dir) as ws:
        ws.save_profile(profile)
    with Workspace(data_dir) as ws:
        assert ws.profile() == profile


def test_profile_with_blank_name_is_refused_and_not_saved(workspace):
    with pytest.raises(InvalidInputError) as refused:
        workspace.save_profile(AgencyProfile(name="   ", kind=AgencyKind.SO))
    assert "Tên cơ quan" in str(refused.value)
    assert workspace.profile().name == "UBND xã Hòa An"


def test_plan_progress_and_evidence_round_trip(imported_workspace, data_dir, tmp_path):
    ws = imported_workspace
    task = next(row for row in ws.tasks() if row.index_kind == "PAPI" and row.code == "1.1")
    attachment = tmp_path / "Báo cáo tuyên truyền.pdf"
    attachment.write_bytes(b"%PDF-1.4 bao cao")
    ws.save_progress(
        Progress(
            task_id=task.id, status=Status.DONE, percent=100, result="Đã tổ chức 3 hội nghị",
            completed_on=dt.date(2025, 6, 15), score=0.75, difficulties="Thiếu kinh phí", proposals="Bổ sung kinh phí",
        ),
        [(Evidence(task_id=task.id, number="15/BC-UBND", date=dt.date(2025, 6, 16), issuer="UBND xã Hòa An",
                   abstract="Báo cáo kết quả tuyên truyền"), attachment)],
    )
    plans, tasks = ws.plans(), [row.to_json() for row in ws.tasks()]
    progress, evidence = ws.progress(task.id), ws.evidence_list(task.id)
    ws.close()

    with Workspace(data_dir) as reopened:
        assert reopened.plans() == plans
        assert plans[0]["number"] == "2163/KH-UBND" and plans[0]["date"] == "2025-07-12"
        assert [row.to_json() for row in reopened.tasks()] == tasks
        assert reopened.progress(task.id) == progress
        assert progress.status == Status.DONE and progress.percent == 100
        assert progress.result == "Đã tổ chức 3 hội nghị" and progress.completed_on == dt.date(2025, 6, 15)
        assert progress.score == 0.75 and progress.difficulties == "Thiếu kinh phí"
        assert reopened.evidence_list(task.id) == evidence
        [item] = evidence
        assert (item.number, item.date, item.issuer, item.abstract) == (
            "15/BC-UBND", dt.date(2025, 6, 16), "UBND xã Hòa An", "Báo cáo kết quả tuyên truyền")
        assert item.file_name == "Báo cáo tuyên truyền.pdf"
        assert item.file_sha256 == hashlib.sha256(b"%PDF-1.4 bao cao").hexdigest()
        assert reopened.evidence.path_for(item.file_sha256).read_bytes() == b"%PDF-1.4 bao cao"


# --- a data file from a newer program -------------------------------------------------------------


def _write_db_with_version(path, version: int, *, wal: bool = False) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE future_table (x TEXT)")
    conn.execute("INSERT INTO future_table VALUES ('dữ liệu của phiên bản sau')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_newer_database_is_refused_and_left_untouched(data_dir, wal):
    data_dir.mkdir(parents=True)
    path = data_dir / DB_FILE_NAME
    newer = SCHEMA_VERSION + 5
    _write_db_with_version(path, newer, wal=wal)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    files = sorted(p.name for p in data_dir.iterdir())

    with pytest.raises(DatabaseTooNewError) as refused:
        Workspace(data_dir)

    message = str(refused.value)
    assert str(newer) in message and str(SCHEMA_VERSION) in message
    assert "phiên bản" in message and "mới hơn" in message  # Vietnamese, for the user
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in data_dir.iterdir()) == files
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == newer
    finally:
        conn.close()


def test_migrate_refuses_newer_database_too(tmp_path):
    path = tmp_path / "x.sqlite3"
    _write_db_with_version(path, SCHEMA_VERSION + 1)
    conn = sqlite3.connect(path, isolation_level=None)
    import sqlite_utils

    with pytest.raises(DatabaseTooNewError):
        migrate(sqlite_utils.Database(conn))
    conn.close()


# --- migrations ------------------------------------------------------------------------------------

# Rows that are valid once the schema has reached a version, inserted with plain SQL as the
# program of that version would have written them.
SEED_ROWS: dict[int, list[tuple[str, dict]]] = {
    1: [
        ("profile", {"id": 1, "name": "UBND xã Hòa An", "kind": "xa", "governing_body": "UBND tỉnh Cao Bằng",
                     "place": "Hòa An", "symbol": "UBND", "signer_name": "Nông Văn Bình",
                     "signer_title": "Chủ tịch", "authority": "TM."}),
        ("plan", {"id": 1, "number": "2163/KH-UBND", "date": "2025-07-12", "issuer": "UBND tỉnh Cao Bằng",
                  "year": 2025, "title": "Kế hoạch cải thiện", "source_file": "phu-luc.xlsx",
                  "imported_at": "2025-07-20T08:00:00"}),
        ("plan_index", {"id": 1, "plan_id": 1, "kind": "PAPI", "name": "PHỤ LỤC 2 — PAPI", "position": 0}),
        ("criterion", {"id": 1, "index_id": 1, "parent_id": None, "code": "1", "title": "Tham gia của người dân",
                       "max_score": None, "prior_result": "", "target": "", "position": 0}),
        ("criterion", {"id": 2, "index_id": 1, "parent_id": 1, "code": "1.1", "title": "Tri thức công dân",
                       "max_score": 1.5, "prior_result": "1,2", "target": "1,4", "position": 1}),
        ("task", {"id": 1, "plan_id": 1, "index_id": 1, "criterion_id": 2, "position": 0,
                  "content": "Thực hiện tuyên truyền, phổ biến", "deadline_text": "Quý IV",
                  "evidence_required": "Báo cáo", "lead": "UBND cấp xã", "implementing": "",
                  "cooperating": "Sở Nội vụ", "source_sheet": "Phụ lục 2", "source_row": 8, "removed": 0,
                  "role_override": None}),
    ],
    2: [
        ("progress", {"task_id": 1, "status": "đang thực hiện", "percent": 40, "result": "Đã tổ chức 1 hội nghị",
                      "completed_on": None, "score": 1.0, "difficulties": "", "proposals": "",
                      "updated_at": "2025-08-01T09:00:00"}),
        ("evidence", {"id": 1, "task_id": 1, "number": "15/BC-UBND", "date": "2025-07-30",
                      "issuer": "UBND xã Hòa An", "abstract": "Báo cáo", "file_sha256": None, "file_name": None,
                      "file_size": None, "added_at": "2025-08-01T09:00:00"}),
    ],
    3: [
        ("report", {"id": 1, "plan_id": 1, "period": "h1", "year": 2025, "start_date": "2025-01-01",
                    "end_date": "2025-06-30", "number": "", "signed_on": None, "addressees": "Sở Nội vụ",
                    "recipients": "Như trên", "direction": "Đã ban hành kế hoạch triển khai.",
                    "shortcomings": "", "next_steps": "", "proposals": "", "updated_at": "2025-07-01T08:00:00"}),
    ],
    # issue 14: the task of a cell merged over criteria 1.1 and (here) the area 1 serves both
    migrations.MIGRATIONS.index(migrations._V_TASK_ALSO_SERVES) + 1: [
        ("task_criterion", {"id": 1, "task_id": 1, "criterion_id": 1}),
    ],
}
# issue 12: a criterion's own score and a document linked to it (computed version: the lead renumbers)
SEED_ROWS[migrations.MIGRATIONS.index(migrations._V_CRITERION_SCORES) + 1] = [
    ("criterion_score", {"criterion_id": 2, "score": 1.25, "not_applicable": 0, "not_applicable_reason": "",
                         "explanation": "Còn 1 hội nghị chưa tổ chức", "note": "", "updated_at": "2025-09-01T08:00:00"}),
    ("criterion_evidence", {"id": 1, "criterion_id": 2, "evidence_id": 1, "number": "", "date": None, "issuer": "",
                            "abstract": "", "file_sha256": None, "file_name": None, "file_size": None,
                            "location": "mục 2, trang 3", "added_at": "2025-09-01T08:00:00"}),
]
# issue 15: progress revisions and the plan's last task package
SEED_ROWS[migrations.MIGRATIONS.index(migrations._V_REVISIONS) + 1] = [
    ("plan", {"id": 2, "number": "15/KH-SNV", "date": "2025-09-01", "issuer": "Sở Nội vụ", "year": 2025,
              "title": "Kế hoạch bổ sung", "source_file": "goi.khnv", "imported_at": "2025-09-02T08:00:00",
              "task_package_created_at": "2025-09-01T10:00:00"}),
    ("plan_index", {"id": 2, "plan_id": 2, "kind": "PAR INDEX", "name": "PAR INDEX", "position": 0}),
    ("task", {"id": 2, "plan_id": 2, "index_id": 2, "criterion_id": None, "position": 0,
              "content": "Rà soát thủ tục hành chính", "deadline_text": "Năm 2025", "evidence_required": "",
              "lead": "Sở Nội vụ", "implementing": "", "cooperating": "", "source_sheet": "", "source_row": None,
              "removed": 0, "role_override": "none"}),
    ("progress", {"task_id": 2, "status": "hoàn thành", "percent": 100, "result": "Đã rà soát",
                  "completed_on": "2025-09-10", "score": None, "difficulties": "", "proposals": "",
                  "updated_at": "2025-09-10T09:00:00", "revision": 3}),
]
# issue 13: the progress change log, and the addressees remembered per plan.
SEED_ROWS[migrations.MIGRATIONS.index(migrations._V_PROGRESS_LOG) + 1] = [
    ("progress_log", {"id": 100, "task_id": 1, "status": "đang thực hiện", "percent": 60,
                      "result": "Đã tổ chức 2 hội nghị", "completed_on": None, "recorded_at": "2025-09-01T09:00:00"}),
]
SEED_ROWS[migrations.MIGRATIONS.index(migrations._V_PLAN_REPORTING) + 1] = [
    ("plan", {"id": 3, "number": "87/KH-UBND", "date": "2024-05-03", "issuer": "UBND tỉnh Bắc Giang",
              "year": 2024, "title": "Duy trì, cải thiện", "source_file": "bg.xlsx",
              "imported_at": "2025-07-20T08:00:00", "cited_number": "", "cited_date": None, "cited_issuer": "Ủy ban nhân dân tỉnh Bắc Giang",
              "cited_title": "Duy trì, cải thiện các chỉ số năm 2024",
              "report_addressees": "UBND tỉnh Bắc Giang (qua Sở Nội vụ)",
              "report_cutoff_day": 14}),
]

SEED_ROWS[migrations.MIGRATIONS.index(migrations._V_ISSUED_REPORTS) + 1] = [
    ("issued_report", {"id": 1, "plan_id": 1, "period": "q3", "year": 2025, "start_date": "2025-01-01",
                       "end_date": "2025-09-30", "number": "5", "signed_on": "2025-10-06", "file_name": "bc.pdf",
                       "file_format": "PDF", "file_sha256": "0" * 64, "content": "{}", "content_sha256": "1" * 64,
                       "issued_at": "2025-10-06T09:00:00"}),
]

SEED_ROWS[migrations.MIGRATIONS.index(migrations._V_REPORT_CALENDAR) + 1] = [
    ("report_obligation", {"id": 1, "plan_id": 1, "period": "year", "year": 2025, "start_date": "2025-01-01",
                           "end_date": "2025-12-31", "due_date": "2025-11-30",
                           "recipient": "UBND tỉnh Cao Bằng (qua Sở Nội vụ)"}),
]


def test_progress_log_upgrade_logs_what_was_recorded_then_every_change(data_dir):
    """From the version before the log: the recorded progress is logged once, then every change."""
    data_dir.mkdir(parents=True)
    before = migrations.MIGRATIONS.index(migrations._V_PROGRESS_LOG)
    _build_db_at(data_dir / DB_FILE_NAME, before)
    with Workspace(data_dir) as ws:
        log = list(ws.db.query("SELECT status, percent, recorded_at FROM progress_log WHERE task_id = 1"))
        assert log == [{"status": "đang thực hiện", "percent": 40, "recorded_at": "2025-08-01T09:00:00"}]
        ws.save_progress(Progress(task_id=1, status=Status.DONE, percent=100, result="Xong"))
        progress = ws.progress(1)
        progress.difficulties = "Không có thay đổi kết quả"
        ws.save_progress(progress)  # no change of status, percent, result or date: not logged again
        log = list(ws.db.query("SELECT status, percent FROM progress_log WHERE task_id = 1 ORDER BY id"))
        assert [row["percent"] for row in log] == [40, 100]


# issue 11: consolidation — the role, a rostered agency, a package received, its progress and evidence
from kehoach_desktop.db.migrations import MIGRATIONS as _MIGRATIONS, _V_CONSOLIDATION  # noqa: E402

SEED_ROWS[_MIGRATIONS.index(_V_CONSOLIDATION) + 1] = [
    ("consolidation_role", {"id": 1, "consolidates": "plan"}),
    ("roster_agency", {"id": 1, "name": "UBND xã Hòa Ân", "kind": "xa", "code": "", "contact": "0206 3852 111",
                       "source": "goi", "added_at": "2025-08-02T08:00:00"}),
    ("received_package", {"id": 1, "agency_id": 1, "package_id": "6f1c2d9e-0000-4000-8000-000000000001",
                          "file_name": "hoa-an.khbc", "file_sha256": "a" * 64, "period_code": "h1",
                          "period_year": 2025, "created_at": "2025-08-02T01:00:00+00:00",
                          "received_at": "2025-08-02T09:00:00"}),
    ("agency_task", {"id": 1, "agency_id": 1, "task_id": 1, "role": "lead", "status": "hoàn thành", "percent": 100,
                     "result": "Đã tổ chức 2 hội nghị", "completed_on": "2025-07-30", "score": None,
                     "difficulties": "", "proposals": "", "updated_at": "2025-08-01T09:00:00", "revision": 0,
                     "package_created_at": "2025-08-02T01:00:00+00:00", "package_id": 1}),
    ("agency_evidence", {"id": 1, "agency_id": 1, "task_id": 1, "number": "9/BC-UBND", "date": "2025-07-30",
                         "issuer": "UBND xã Hòa Ân", "abstract": "Báo cáo", "file_sha256": None, "file_name": None,
                         "file_size": None, "added_at": "2025-08-01T09:00:00"}),
]


# issue 12 (follow-up): a lead department's proposed criterion score, as its package brought it
SEED_ROWS[_MIGRATIONS.index(migrations._V_AGENCY_CRITERION_SCORES) + 1] = [
    ("agency_criterion_score", {"id": 1, "agency_id": 1, "criterion_id": 2, "score": 1.0, "not_applicable": 0,
                                "not_applicable_reason": "", "explanation": "Còn thiếu 1 báo cáo",
                                "updated_at": "2025-08-01T09:00:00",
                                "package_created_at": "2025-08-02T01:00:00+00:00", "package_id": 1}),
]


# issue 11 (speed): a plan section received, and the package that brought it naming it
SEED_ROWS[_MIGRATIONS.index(migrations._V_RECEIVED_PLANS) + 1] = [
    ("received_plan", {"id": 1, "sha256": "b" * 64, "size": 11, "crc32": 4_000_000_000,
                       "content": b'{"plans":[]}', "received_at": "2025-08-02T09:00:00"}),
    ("received_package", {"id": 2, "agency_id": 1, "package_id": "6f1c2d9e-0000-4000-8000-000000000002",
                          "file_name": "hoa-an-2.khbc", "file_sha256": "c" * 64, "period_code": "year",
                          "period_year": 2025, "created_at": "2025-12-02T01:00:00+00:00",
                          "received_at": "2025-12-02T09:00:00", "plan_sha256": "b" * 64}),
]


def test_every_schema_version_has_representative_rows():
    """Adding a migration means adding rows here, so that upgrading from it is tested."""
    assert set(SEED_ROWS) == set(range(1, SCHEMA_VERSION + 1))


def _build_db_at(path, version: int) -> list[tuple[str, dict]]:
    db = open_database(path)
    try:
        migrate(db, target=version)
        assert current_version(db) == version
        inserted = [item for v in range(1, version + 1) for item in SEED_ROWS[v]]
        for table, row in inserted:
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
        return inserted
    finally:
        db.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_upgrading_from_every_older_version_keeps_the_data(data_dir, version):
    data_dir.mkdir(parents=True)
    inserted = _build_db_at(data_dir / DB_FILE_NAME, version)

    with Workspace(data_dir) as ws:
        assert current_version(ws.db) == SCHEMA_VERSION
        for table, row in inserted:
            pk = {"progress": "task_id", "criterion_score": "criterion_id"}.get(table, "id")
            stored = list(ws.db.query(f"SELECT * FROM {table} WHERE {pk} = ?", [row[pk]]))
            assert stored and {k: stored[0][k] for k in row} == row, table
        # The upgraded data is usable through the services.
        if version >= 1:
            assert ws.profile().signer_name == "Nông Văn Bình"
            [task] = ws.tasks(mine_only=True)
            assert task.code == "1.1" and task.role is not None and task.due_date == dt.date(2025, 12, 31)
            ws.save_progress(Progress(task_id=task.id, status=Status.DONE, percent=100))
            assert ws.progress(task.id).status == Status.DONE
        else:
            assert ws.profile() is None and ws.tasks() == []


def test_opening_an_up_to_date_database_migrates_nothing(data_dir):
    with Workspace(data_dir) as ws:
        schema = list(ws.db.query("SELECT * FROM sqlite_master ORDER BY name"))
    with Workspace(data_dir) as ws:
        assert list(ws.db.query("SELECT * FROM sqlite_master ORDER BY name")) == schema
        assert current_version(ws.db) == SCHEMA_VERSION


def _schema_and_version(path):
    conn = sqlite3.connect(path)
    try:
        schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        return schema, conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_a_failing_migration_changes_nothing(data_dir, monkeypatch, version):
    data_dir.mkdir(parents=True)
    path = data_dir / DB_FILE_NAME
    _build_db_at(path, version)
    before = _schema_and_version(path)
    broken = list(migrations.MIGRATIONS)
    broken[version] = broken[version] + ";\nINSERT INTO no_such_table VALUES (1)"
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)

    with pytest.raises(sqlite3.OperationalError):
        Workspace(data_dir)

    assert _schema_and_version(path) == before
    assert before[1] == version


# --- one transaction per action ------------------------------------------------------------------


def test_progress_with_an_invalid_new_evidence_is_not_saved(imported_workspace):
    ws = imported_workspace
    task = ws.tasks(mine_only=True)[0]
    ws.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=30, result="Bước đầu"))
    before = snapshot(ws.db)

    with pytest.raises(InvalidInputError) as refused:
        ws.save_progress(
            Progress(task_id=task.id, status=Status.DONE, percent=100, result="Xong"),
            [(Evidence(task_id=task.id, number="15/BC-UBND"), None),
             (Evidence(task_id=task.id), None)],  # no number, no abstract, no file
        )

    assert "Tài liệu kiểm chứng" in str(refused.value)
    assert snapshot(ws.db) == before
    saved = ws.progress(task.id)
    assert (saved.status, saved.percent, saved.result) == (Status.IN_PROGRESS, 30, "Bước đầu")
    assert ws.evidence_list(task.id) == []


@pytest.mark.parametrize(
    "change, message",
    [
        ({"percent": 150}, "150"),
        ({"percent": -1}, "-1"),
        ({"score": -0.5}, "âm"),
        ({"completed_on": dt.date.today() + dt.timedelta(days=30)}, "tương lai"),
    ],
)
def test_invalid_progress_is_refused_and_nothing_is_written(imported_workspace, tmp_path, change, message):
    ws = imported_workspace
    task = ws.tasks(mine_only=True)[0]
    attachment = tmp_path / "qd.pdf"
    attachment.write_bytes(b"quyet dinh")
    before = snapshot(ws.db)

    with pytest.raises(InvalidInputError) as refused:
        ws.save_progress(dataclasses.replace(Progress(task_id=task.id), **change),
                         [(Evidence(task_id=task.id, number="1/QĐ"), attachment)])

    assert message in str(refused.value)
    assert snapshot(ws.db) == before
    assert evidence_files(ws.data_dir) == []


def test_a_failing_import_writes_nothing(workspace, sample_xlsx, monkeypatch):
    before = snapshot(workspace.db)
    calls = {"n": 0}
    real_insert = store.insert_task

    def insert_then_fail(db, values):
        calls["n"] += 1
        if calls["n"] == 50:
            raise sqlite3.OperationalError("disk I/O error")
        return real_insert(db, values)

    monkeypatch.setattr(store, "insert_task", insert_then_fail)
    with pytest.raises(sqlite3.OperationalError):
        workspace.import_annex(sample_xlsx)

    assert calls["n"] == 50
    assert snapshot(workspace.db) == before
    assert table_counts(workspace.db)["task"] == 0


# --- issue 15: text an older program saved with characters XML cannot hold ---------------------

def test_upgrading_cleans_old_text_once_and_the_report_and_workbook_then_write(data_dir, tmp_path):
    import docx

    from kehoach_desktop.report.periods import ReportPeriod

    before_mine = migrations.MIGRATIONS.index(migrations._V_REVISIONS)
    data_dir.mkdir(parents=True)
    _build_db_at(data_dir / DB_FILE_NAME, before_mine)
    db = open_database(data_dir / DB_FILE_NAME)
    db.execute("UPDATE progress SET result = ?, status = 'hoàn thành', percent = 100, completed_on = '2025-05-01' "
               "WHERE task_id = 1", ["Đã\x00 tổ chức\x0b 1 hội nghị\ufffe\nvà\ttọa đàm"])
    db.execute("UPDATE task SET content = ? WHERE id = 1", ["Thực hiện\x1f tuyên truyền"])
    db.close()
    with Workspace(data_dir) as ws:
        assert ws.progress(1).result == "Đã tổ chức 1 hội nghị\nvà\ttọa đàm"
        assert ws.task(1).content == "Thực hiện tuyên truyền"
        ws.export_workbook(tmp_path / "kq.xlsx")
        period = ReportPeriod.of("year", 2025)
        path = ws.write_report(tmp_path / "bc.docx", period, ws.report_texts(period, today=dt.date(2025, 12, 20)),
                               today=dt.date(2025, 12, 20))
        assert any("Đã tổ chức 1 hội nghị" in p.text for t in docx.Document(path).tables
                   for row in t.rows for c in row.cells for p in c.paragraphs)
