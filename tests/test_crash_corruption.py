"""A damaged data file is caught at start, kept aside untouched, and the latest good backup
restores; damage made the ways SQLite documents (https://www.sqlite.org/howtocorrupt.html)."""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_desktop import health
from kehoach_desktop.backup import BackupManager
from kehoach_desktop.errors import DatabaseDamagedError
from kehoach_desktop.model import Progress, Status
from kehoach_desktop.paths import DB_FILE_NAME
from kehoach_desktop.workspace import Workspace

from _support import snapshot

ROOT = Path(__file__).resolve().parent.parent

# Saves progress on tasks [first, last) and dies without closing anything, as at a power cut:
# the data file keeps its -wal journal (holding those changes) and its -shm index.
_CRASH = """
import os, sys
sys.path.insert(0, {root!r})
from kehoach_desktop.model import Progress, Status
from kehoach_desktop.workspace import Workspace
ws = Workspace(sys.argv[1])
for task in ws.tasks()[int(sys.argv[2]):int(sys.argv[3])]:
    ws.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=20, result=sys.argv[4]))
os.kill(os.getpid(), 9)
"""


def killed_while_saving(data_dir: Path, first: int, last: int, result: str) -> None:
    """A real SIGKILL of a writer process."""
    done = subprocess.run([sys.executable, "-c", _CRASH.format(root=str(ROOT)), str(data_dir), str(first), str(last), result],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == -9, done.stderr
    assert Path(f"{data_dir / DB_FILE_NAME}-wal").stat().st_size > 0


def crash_while_saving(data_dir: Path, first: int, last: int, result: str) -> None:
    """The files as a crash leaves them, made quickly: copied while the writer still has them
    open (the data file, its -wal journal holding the changes, its -shm index), put back after
    the writer closed."""
    names = [DB_FILE_NAME, f"{DB_FILE_NAME}-wal", f"{DB_FILE_NAME}-shm"]
    with Workspace(data_dir) as ws:
        for task in ws.tasks()[first:last]:
            ws.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=20, result=result))
        frozen = {name: (data_dir / name).read_bytes() for name in names}
    for name, content in frozen.items():
        (data_dir / name).write_bytes(content)
    assert len(frozen[names[1]]) > 0


def digests(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.glob(f"{DB_FILE_NAME}*"))}


@pytest.fixture
def backed_up(imported_workspace):
    """Data with a backup, then more work after it; closed cleanly. Returns (folder, backup rows)."""
    ws = imported_workspace
    task = ws.tasks(mine_only=True)[0]
    ws.save_progress(Progress(task_id=task.id, status=Status.DONE, percent=100, result="Đã xong"))
    ws.backup("tu-dong")
    backup_rows = snapshot(ws.db)
    ws.save_progress(Progress(task_id=ws.tasks(mine_only=True)[1].id, status=Status.IN_PROGRESS, percent=30))
    folder = ws.data_dir
    ws.close()
    return folder, backup_rows


def zero_header(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))


def truncate(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def corrupt_pages(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for page in range(2, len(data) // 4096, 2):
        data[page * 4096 + 16: page * 4096 + 200] = bytes(184)
    db.write_bytes(bytes(data))


def expect_damaged(folder: Path, problem: str) -> DatabaseDamagedError:
    """Opening refuses with the problem named, writes nothing, keeps a copy of every file aside."""
    before = digests(folder)
    with pytest.raises(DatabaseDamagedError) as refused:
        Workspace(folder)
    error = refused.value
    assert problem in str(error) and str(folder / DB_FILE_NAME) in str(error)
    assert digests(folder) == before  # nothing written to the data file or its journal
    assert error.kept_at is not None and error.kept_at.parent == folder / "damaged"
    assert digests(error.kept_at) == before  # the damaged files, as they were
    return error


def restore_latest(folder: Path, error: DatabaseDamagedError, expected_rows) -> None:
    assert error.latest_backup is not None and "kehoach restore" in str(error)
    result = BackupManager(folder).restore(error.latest_backup.path)
    assert result.safety_backup is None and result.damaged_kept_at == error.kept_at
    with Workspace(folder) as ws:
        assert snapshot(ws.db) == expected_rows
    assert not (folder / f"{DB_FILE_NAME}-shm").exists() or health.check_database(folder / DB_FILE_NAME) == []


@pytest.mark.parametrize("damage, problem", [
    (zero_header, "phần đầu tệp"),
    (truncate, "cắt ngắn"),
    (corrupt_pages, "SQLite báo cơ sở dữ liệu bị hỏng"),
    (lambda db: db.write_bytes(b""), "rỗng (0 byte)"),
    (lambda db: db.unlink(), "không còn tệp dữ liệu"),
], ids=["zeroed header", "truncated", "overwritten pages", "emptied", "deleted"])
def test_a_damaged_data_file_is_caught_kept_aside_and_restored(backed_up, damage, problem):
    folder, backup_rows = backed_up
    damage(folder / DB_FILE_NAME)
    error = expect_damaged(folder, problem) if (folder / DB_FILE_NAME).exists() else None
    if error is None:  # nothing left to keep aside: still refused, still restorable
        with pytest.raises(DatabaseDamagedError) as refused:
            Workspace(folder)
        error = refused.value
        assert problem in str(error) and error.kept_at is None
    restore_latest(folder, error, backup_rows)


def test_the_same_damage_found_twice_is_kept_once(backed_up):
    folder, _ = backed_up
    zero_header(folder / DB_FILE_NAME)
    first = expect_damaged(folder, "phần đầu tệp")
    second = expect_damaged(folder, "phần đầu tệp")
    assert first.kept_at == second.kept_at and len(list((folder / "damaged").iterdir())) == 1


def test_a_crash_is_not_damage_and_loses_no_committed_change(backed_up):
    folder, _ = backed_up
    killed_while_saving(folder, 10, 30, "trước khi mất điện")
    assert health.check_database(folder / DB_FILE_NAME) == []
    with Workspace(folder) as ws:
        saved = [ws.progress(task.id).result for task in ws.tasks()[10:30]]
    assert saved == ["trước khi mất điện"] * 20
    assert not (folder / "damaged").exists()


def test_a_deleted_journal_holding_saved_changes_is_caught(backed_up):
    folder, backup_rows = backed_up
    crash_while_saving(folder, 10, 30, "chỉ còn trong nhật ký")
    (folder / f"{DB_FILE_NAME}-wal").unlink()
    error = expect_damaged(folder, "đã bị xóa")
    restore_latest(folder, error, backup_rows)


def test_a_journal_cut_short_is_caught(backed_up):
    folder, _ = backed_up
    crash_while_saving(folder, 10, 30, "nhật ký bị cắt")
    wal = folder / f"{DB_FILE_NAME}-wal"
    wal.write_bytes(wal.read_bytes()[:5000])
    expect_damaged(folder, "bị cắt ngắn")


def test_a_journal_from_another_copy_is_caught(backed_up, tmp_path):
    folder, backup_rows = backed_up
    other = tmp_path / "may-khac" / "data"
    shutil.copytree(folder, other)  # the same data on another computer, worked on there
    crash_while_saving(other, 40, 80, "trên máy khác")
    crash_while_saving(folder, 10, 30, "trên máy này")
    shutil.copyfile(other / f"{DB_FILE_NAME}-wal", folder / f"{DB_FILE_NAME}-wal")
    error = expect_damaged(folder, "không thuộc về tệp dữ liệu này")
    restore_latest(folder, error, backup_rows)


def test_a_journal_without_its_data_file_is_caught(backed_up):
    folder, backup_rows = backed_up
    crash_while_saving(folder, 10, 30, "tệp dữ liệu bị mất")
    (folder / DB_FILE_NAME).unlink()
    error = expect_damaged(folder, "không có tệp dữ liệu đi kèm")
    restore_latest(folder, error, backup_rows)
    assert not (folder / f"{DB_FILE_NAME}-wal").exists()  # the orphan went with the restore, kept aside


def test_a_stale_index_after_a_power_cut_is_not_damage(backed_up):
    """After a power cut the -shm may predate the journal's last restart (its salt-1 one behind)."""
    folder, _ = backed_up
    crash_while_saving(folder, 10, 30, "sau khi mất điện")
    shm = folder / f"{DB_FILE_NAME}-shm"
    data = bytearray(shm.read_bytes())
    salt1 = struct.unpack(">I", (folder / f"{DB_FILE_NAME}-wal").read_bytes()[16:20])[0]
    for copy in (0, 48):
        data[copy + 32: copy + 36] = struct.pack(">I", (salt1 - 1) % 2**32)
    shm.write_bytes(bytes(data))
    assert health.check_database(folder / DB_FILE_NAME) == []
    with Workspace(folder) as ws:
        assert ws.progress(ws.tasks()[10].id).result == "sau khi mất điện"


def test_checking_while_another_program_writes_finds_nothing(backed_up):
    folder, _ = backed_up
    with Workspace(folder) as writer:
        tasks = writer.tasks()
        for number, task in enumerate(tasks[:40]):
            writer.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=number))
            assert health.check_database(folder / DB_FILE_NAME) == []
        with Workspace(folder) as reader:  # as the window's worker or the command line would
            assert reader.progress(tasks[39].id).percent == 39


def test_the_damaged_copy_keeps_the_evidence_of_what_happened(backed_up):
    folder, _ = backed_up
    crash_while_saving(folder, 10, 30, "x")
    (folder / f"{DB_FILE_NAME}-wal").unlink()
    error = expect_damaged(folder, "đã bị xóa")
    assert sorted(path.name for path in error.kept_at.iterdir()) == [DB_FILE_NAME, f"{DB_FILE_NAME}-shm"]
    assert os.listdir(folder / "damaged") == [error.kept_at.name]


def test_a_damaged_newest_backup_is_passed_over_for_an_older_good_one(backed_up):
    folder, backup_rows = backed_up
    [good] = [info for info in BackupManager(folder).list() if info.reason == "tu-dong"]
    newer = folder / "backups" / "kehoach-2099-01-01T08-00-00-tu-dong.sqlite3"
    data = bytearray(good.path.read_bytes())
    data[4096 * 2 + 8: 4096 * 4] = bytes(4096 * 2 - 8)  # pages overwritten, header intact
    newer.write_bytes(bytes(data))
    zero_header(folder / DB_FILE_NAME)
    error = expect_damaged(folder, "phần đầu tệp")
    assert error.latest_backup.path == good.path
    restore_latest(folder, error, backup_rows)
