"""Backups: made with SQLite's backup API and checked, made when they should be, thinned,
restored exactly; evidence files kept while a backup refers to them."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_desktop import backup as backup_module
from kehoach_desktop.backup import BackupManager, backups_to_keep
from kehoach_desktop.db import SCHEMA_VERSION, maintenance
from kehoach_desktop.errors import BackupError, EvidenceFileAlteredError, NotFoundError
from kehoach_desktop.evidence_store import FILE_ALTERED, FILE_MISSING, FILE_OK
from kehoach_desktop.model import Evidence, Progress, Status
from kehoach_desktop.paths import DB_FILE_NAME
from kehoach_desktop.workspace import Workspace

from _support import build_scored_annex, evidence_files, listing, snapshot


def _file_snapshot(path) -> dict[str, list[dict]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: [dict(row) for row in conn.execute(f"SELECT * FROM [{name}] ORDER BY rowid")] for name in tables}
    finally:
        conn.close()


def _attach(ws, tmp_path, task_id: int, name: str, content: bytes, **progress) -> Evidence:
    path = tmp_path / name
    path.write_bytes(content)
    ws.save_progress(Progress(task_id=task_id, **progress),
                     [(Evidence(task_id=task_id, number=f"{name}/BC", abstract=f"Báo cáo {name}"), path)])
    return ws.evidence_list(task_id)[-1]


@pytest.fixture
def worked(imported_workspace, tmp_path):
    """The sample plan with some progress and evidence recorded."""
    ws = imported_workspace
    mine = ws.tasks(mine_only=True)
    _attach(ws, tmp_path, mine[0].id, "a.pdf", b"%PDF bao cao a", status=Status.DONE, percent=100, result="Xong")
    _attach(ws, tmp_path, mine[1].id, "b.pdf", b"%PDF bao cao b", status=Status.IN_PROGRESS, percent=40)
    ws.set_role_override(mine[2].id, "none")
    for info in ws.backups.list():  # the one made before the sample's import: start with none
        info.path.unlink()
    return ws


# --- making a backup ----------------------------------------------------------------------------


def test_a_backup_is_a_checked_self_contained_copy_of_the_data(worked):
    info = worked.backup()
    assert info.path.parent == worked.data_dir / "backups"
    assert info.reason == "thu-cong" and info.reason_label == "Sao lưu theo yêu cầu"
    assert _file_snapshot(info.path) == snapshot(worked.db)  # every row of every table
    header = info.path.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # rollback-journal mode: one file, no -wal needed
    assert maintenance.check_file(info.path, full=True) == []
    assert (info.tasks, info.progress, info.evidence) == (94, 2, 2)
    assert info.schema_version == SCHEMA_VERSION
    assert not list(info.path.parent.glob(".dang-sao-luu-*"))  # no temporary file left


def test_backup_to_a_chosen_file_refuses_to_overwrite(worked, tmp_path):
    out = tmp_path / "usb" / "kehoach-ban-sao.sqlite3"
    info = worked.backup(out=out)
    assert info.path == out and _file_snapshot(out) == snapshot(worked.db)
    with pytest.raises(BackupError) as refused:
        worked.backup(out=out)
    assert "đã có" in str(refused.value)


def test_a_backup_that_fails_its_check_is_not_kept(worked, monkeypatch):
    monkeypatch.setattr(maintenance, "check_problems", lambda conn, full=False: ["*** in database main ***"])
    with pytest.raises(BackupError) as refused:
        worked.backup()
    assert "không đạt kiểm tra" in str(refused.value)
    assert list((worked.data_dir / "backups").iterdir()) == []


def test_backup_only_when_the_data_changed(worked, tmp_path):
    first = worked.backup_if_changed("khoi-dong")
    assert first is not None and first.reason == "khoi-dong"
    assert worked.backup_if_changed() is None  # nothing changed since
    task = worked.tasks(mine_only=True)[3]
    worked.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=10))
    second = worked.backup_if_changed()
    assert second is not None and second.progress == first.progress + 1
    assert worked.backup_if_changed() is None


def test_an_empty_data_folder_is_not_backed_up(data_dir):
    with Workspace(data_dir) as ws:
        assert ws.backup_if_changed() is None
        assert ws.backup_before("nhap") is None
    assert not (data_dir / "backups").exists()


def test_import_backs_up_the_data_as_it_was_before(worked, sample_xlsx, tmp_path):
    before = snapshot(worked.db)
    worked.import_annex(build_scored_annex(tmp_path / "99-KH.xlsx"))
    [made] = worked.backups.list()
    assert made.reason == "nhap" and made.reason_label == "Trước khi nhập phụ lục"
    assert _file_snapshot(made.path) == before


def test_a_refused_import_makes_no_backup(worked, tmp_path):
    bad = tmp_path / "khong-phai.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(Exception):
        worked.import_annex(bad)
    assert worked.backups.list() == []


def test_upgrading_an_older_data_file_backs_it_up_first(data_dir, monkeypatch):
    from kehoach_desktop.db import migrations, open_database

    data_dir.mkdir(parents=True)
    db = open_database(data_dir / DB_FILE_NAME)
    migrations.migrate(db, target=SCHEMA_VERSION - 1)
    db.execute("INSERT INTO profile (id, name, kind) VALUES (1, 'UBND xã Hòa An', 'xa')")
    db.close()
    with Workspace(data_dir) as ws:
        [made] = ws.backups.list()
        assert made.reason == "nang-cap" and made.schema_version == SCHEMA_VERSION - 1
        assert ws.profile().name == "UBND xã Hòa An"
    with Workspace(data_dir) as ws:  # already upgraded: no second backup
        assert len(ws.backups.list()) == 1


def test_backups_made_in_the_same_second_keep_distinct_names(worked):
    moment = dt.datetime(2026, 11, 21, 8, 30)
    manager = BackupManager(worked.data_dir, clock=lambda: moment)
    names = {manager.create(worked.db.conn, "tu-dong").name for _ in range(3)}
    assert len(names) == 3
    assert all(info.created_at == moment for info in manager.list())


# --- thinning ------------------------------------------------------------------------------------


moments = st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2026, 12, 31))


@settings(max_examples=300, deadline=None)
@given(times=st.lists(moments, max_size=120), now=moments)
def test_thinning_keeps_the_newest_of_each_recent_day_week_and_month(times, now):
    kept = backups_to_keep(times, now)
    assert kept <= set(times)
    newest_first = sorted(set(times), reverse=True)
    for count, period in ((12, lambda t: t.date()), (10, lambda t: t.isocalendar()[:2]), (9, lambda t: (t.year, t.month))):
        periods = list(dict.fromkeys(period(t) for t in newest_first))[:count]
        for key in periods:  # the newest backup of each of the last `count` periods
            assert max(t for t in times if period(t) == key) in kept
    for t in kept:  # nothing else is kept
        young = now - t <= dt.timedelta(days=2)
        reasons = [young] + [
            period(t) in list(dict.fromkeys(period(u) for u in newest_first))[:count]
            and t == max(u for u in times if period(u) == period(t))
            for count, period in ((12, lambda u: u.date()), (10, lambda u: u.isocalendar()[:2]),
                                  (9, lambda u: (u.year, u.month)))
        ]
        assert any(reasons), t
    assert all(t in kept for t in times if now - t <= dt.timedelta(days=2))


def test_a_year_of_daily_backups_thins_to_about_thirty():
    now = dt.datetime(2026, 11, 21, 17, 0)
    times = [now - dt.timedelta(days=day, hours=hour) for day in range(365) for hour in (0, 4, 8)]
    kept = backups_to_keep(times, now)
    days = {t.date() for t in kept}
    assert len(days) <= 12 + 10 + 9 + 1
    assert max(times) in kept
    assert (min(kept).year, min(kept).month) == (2026, 3)  # nine months: November back to March
    assert all(t in kept for t in times if now - t <= dt.timedelta(days=2))


def test_thinning_deletes_the_files_of_old_backups(worked):
    start = dt.datetime(2026, 1, 1, 9, 0)
    clock = {"now": start}
    manager = BackupManager(worked.data_dir, clock=lambda: clock["now"])
    for day in range(60):
        clock["now"] = start + dt.timedelta(days=day)
        manager.create(worked.db.conn, "tu-dong")
    removed = manager.thin()
    left = manager.list(with_counts=False)
    assert len(left) + len(removed) == 60 and not any(path.exists() for path in removed)
    assert {info.created_at for info in left} == backups_to_keep(
        [start + dt.timedelta(days=day) for day in range(60)], clock["now"])


# --- restoring -----------------------------------------------------------------------------------


def test_restore_drill_brings_back_every_row_of_every_table(worked, tmp_path):
    ws = worked
    before = snapshot(ws.db)
    backed_up = ws.backup()
    mine = ws.tasks(mine_only=True)
    ws.save_progress(Progress(task_id=mine[0].id, status=Status.NOT_FEASIBLE, percent=0, result="Đổi ý"))
    ws.remove_evidence(ws.evidence_list(mine[1].id)[0].id)
    _attach(ws, tmp_path, mine[4].id, "c.pdf", b"%PDF bao cao c", status=Status.DONE, percent=100)
    ws.set_role_override(mine[2].id, "auto")
    ws.import_annex(build_scored_annex(tmp_path / "99-KH.xlsx"))
    changed = snapshot(ws.db)
    assert changed != before
    data_dir = ws.data_dir
    ws.close()

    result = BackupManager(data_dir).restore(backed_up.name)

    with Workspace(data_dir) as restored:
        assert snapshot(restored.db) == before
        assert restored.check_evidence().ok
    assert result.restored.path == backed_up.path and result.missing_evidence == []
    assert result.safety_backup.reason == "khoi-phuc"
    assert _file_snapshot(result.safety_backup.path) == changed  # undo is possible
    assert not list(data_dir.glob(".khoi-phuc-*"))


def test_restore_refuses_while_another_connection_has_the_data_open(worked):
    backed_up = worked.backup()
    worked.save_progress(Progress(task_id=worked.tasks(mine_only=True)[5].id, status=Status.DONE, percent=100))
    before = snapshot(worked.db)
    with pytest.raises(BackupError) as refused:
        BackupManager(worked.data_dir).restore(backed_up.path)
    assert "đang được mở" in str(refused.value)
    assert snapshot(worked.db) == before
    assert not list(worked.data_dir.glob(".khoi-phuc-*"))


@pytest.mark.parametrize("damage", ["garbage", "newer", "not ours", "corrupt page"])
def test_a_bad_backup_is_refused_and_nothing_changes(worked, tmp_path, damage):
    bad = tmp_path / "ban-sao.sqlite3"
    if damage == "garbage":
        bad.write_bytes(b"this is not a database" * 100)
    elif damage == "not ours":
        sqlite3.connect(bad).execute("CREATE TABLE x (y)").connection.close()
    else:
        worked.backup(out=bad)
        conn = sqlite3.connect(bad)
        if damage == "newer":
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
        if damage == "corrupt page":
            data = bytearray(bad.read_bytes())
            page = 4096 * 3
            data[page + 8: page + 4096] = os.urandom(4096 - 8)
            bad.write_bytes(bytes(data))
    data_dir = worked.data_dir
    before = snapshot(worked.db)
    worked.close()
    files = listing(data_dir)

    with pytest.raises(BackupError) as refused:
        BackupManager(data_dir).restore(bad)

    assert "dữ liệu không thay đổi" in str(refused.value)
    assert listing(data_dir) == files
    with Workspace(data_dir) as again:
        assert snapshot(again.db) == before


def test_restore_of_an_unknown_backup_says_so(worked):
    with pytest.raises(NotFoundError):
        worked.backups.restore("kehoach-2020-01-01T00-00-00-tu-dong.sqlite3")


# --- evidence files ------------------------------------------------------------------------------


def test_missing_and_altered_evidence_files_are_found(worked, tmp_path):
    ws = worked
    mine = ws.tasks(mine_only=True)
    first = ws.evidence_list(mine[0].id)[0]
    second = ws.evidence_list(mine[1].id)[0]
    assert ws.check_evidence().ok and ws.check_evidence().checked == 2
    ws.evidence.path_for(first.file_sha256).unlink()
    altered = ws.evidence.path_for(second.file_sha256)
    altered.write_bytes(b"%PDF bao cao b, sua lai")

    found = ws.check_evidence()
    assert [item["evidence_id"] for item in found.missing] == [first.id]
    assert [item["evidence_id"] for item in found.altered] == [second.id]
    assert found.altered[0]["file_name"] == "b.pdf"
    assert ws.evidence_file_status(first) == FILE_MISSING
    assert ws.evidence_file_status(second) == FILE_ALTERED
    with pytest.raises(NotFoundError):
        ws.evidence_copy_to_open(first.id)
    with pytest.raises(EvidenceFileAlteredError) as refused:
        ws.evidence_copy_to_open(second.id)
    assert "b.pdf" in str(refused.value) and "thay đổi" in str(refused.value)


def test_attaching_the_original_again_repairs_an_altered_file(worked, tmp_path):
    ws = worked
    task = ws.tasks(mine_only=True)[1]
    item = ws.evidence_list(task.id)[0]
    ws.evidence.path_for(item.file_sha256).write_bytes(b"hong")
    assert ws.evidence_file_status(item) == FILE_ALTERED
    _attach(ws, tmp_path, task.id, "b-goc.pdf", b"%PDF bao cao b", status=Status.IN_PROGRESS, percent=50)
    assert ws.evidence_file_status(item) == FILE_OK


def _age(path, days: float) -> None:
    old = time.time() - days * 86400
    os.utime(path, (old, old))


def test_evidence_files_are_kept_while_a_backup_refers_to_them(worked, tmp_path):
    ws = worked
    task = ws.tasks(mine_only=True)[0]
    item = ws.evidence_list(task.id)[0]
    stored = ws.evidence.path_for(item.file_sha256)
    ws.backup()
    ws.remove_evidence(item.id)
    _age(stored, 30)
    assert ws.collect_unused_evidence() == []  # the backup still refers to it
    assert stored.exists()

    for info in ws.backups.list():  # once no backup refers to it, it goes
        info.path.unlink()
    assert ws.collect_unused_evidence() == [item.file_sha256]
    assert not stored.exists()
    assert ws.check_evidence().ok


def test_young_or_in_use_evidence_files_are_never_collected(worked, tmp_path):
    ws = worked
    files = evidence_files(ws.data_dir)
    orphan_young = ws.evidence.add(_write(tmp_path / "moi.pdf", b"chua ghi vao du lieu"))
    for path in files:
        _age(path, 30)
    assert ws.collect_unused_evidence() == []
    assert ws.evidence.path_for(orphan_young.sha256).exists()
    assert evidence_files(ws.data_dir) == sorted(files + [ws.evidence.path_for(orphan_young.sha256)])


def test_an_unreadable_backup_stops_evidence_collection(worked, tmp_path):
    ws = worked
    item = ws.evidence_list(ws.tasks(mine_only=True)[0].id)[0]
    ws.remove_evidence(item.id)
    _age(ws.evidence.path_for(item.file_sha256), 30)
    broken = ws.data_dir / "backups" / "kehoach-2026-01-01T08-00-00-tu-dong.sqlite3"
    broken.parent.mkdir(exist_ok=True)
    broken.write_bytes(b"\0" * 4096)
    assert ws.collect_unused_evidence() == []
    assert ws.evidence.path_for(item.file_sha256).exists()


def _write(path, content: bytes):
    path.write_bytes(content)
    return path


def test_backups_listing_shows_counts_newest_first(worked, tmp_path):
    clock = {"now": dt.datetime(2026, 11, 20, 8, 0)}
    manager = BackupManager(worked.data_dir, clock=lambda: clock["now"])
    manager.create(worked.db.conn, "khoi-dong")
    clock["now"] = dt.datetime(2026, 11, 21, 8, 30)
    _attach(worked, tmp_path, worked.tasks(mine_only=True)[6].id, "d.pdf", b"%PDF d", percent=10)
    manager.create(worked.db.conn, "tu-dong")
    newest, oldest = manager.list()
    assert (newest.when, newest.evidence, oldest.evidence) == ("21/11/2026 08:30", 3, 2)
    assert newest.to_json()["created_at"] == "2026-11-21T08:30:00"
    assert hashlib.sha256(newest.path.read_bytes()).hexdigest()  # a plain readable file
    assert backup_module.REASON_LABELS[oldest.reason] == "Khi mở chương trình"
