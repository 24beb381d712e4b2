"""`restore` checks foreign keys too, and a killed restore leaves no stray copy (issue 15)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_desktop.errors import BackupError
from kehoach_desktop.workspace import Workspace

from _support import run_cli, snapshot

ROOT = Path(__file__).resolve().parent.parent


def test_a_backup_whose_rows_point_at_nothing_is_not_restored(imported_workspace, tmp_path, capsys):
    ws = imported_workspace
    info = ws.backup(out=tmp_path / "sao-luu.sqlite3")
    conn = sqlite3.connect(info.path)  # foreign keys off: as a tampered or half-edited backup
    conn.execute("INSERT INTO evidence (task_id, number, abstract, added_at) VALUES (99999, '1/BC', 'mồ côi', "
                 "'2025-01-01T00:00:00')")
    conn.commit()
    conn.close()
    assert sqlite3.connect(info.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # only the FK is off
    before = snapshot(ws.db)
    ws.close()
    code, _, err = run_cli(capsys, "--data-dir", ws.data_dir, "restore", info.path)
    assert code == 2 and "trỏ tới dữ liệu không có" in err and "evidence" in err, err
    with Workspace(ws.data_dir) as again:
        assert snapshot(again.db) == before
        with pytest.raises(BackupError, match="trỏ tới dữ liệu không có"):
            again.backups.restore(info.path)


KILLED_RESTORE = """
import os, sys
from kehoach_desktop.backup import BackupManager

original = BackupManager._set_current_aside

def killed(self):
    original(self)
    os._exit(9)  # the power goes off just before the restored copy takes the data file's place

BackupManager._set_current_aside = killed
BackupManager(sys.argv[1]).restore(sys.argv[2])
"""


def test_a_killed_restore_leaves_no_stray_copy_and_the_data_as_they_were(imported_workspace, tmp_path):
    ws = imported_workspace
    info = ws.backup(out=tmp_path / "sao-luu.sqlite3")
    before = snapshot(ws.db)
    ws.close()
    result = subprocess.run([sys.executable, "-c", KILLED_RESTORE, str(ws.data_dir), str(info.path)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True)
    assert result.returncode == 9, result.stderr
    assert list(ws.data_dir.glob(".khoi-phuc-*"))  # what the test aims at: the copy was left behind
    with Workspace(ws.data_dir) as again:
        assert snapshot(again.db) == before
    assert not list(ws.data_dir.glob(".khoi-phuc-*"))


def test_only_old_half_made_backups_are_removed(workspace):
    folder = workspace.backups.folder
    folder.mkdir(exist_ok=True)
    old, young = folder / ".dang-sao-luu-a.sqlite3", folder / ".dang-sao-luu-b.sqlite3"
    old.write_bytes(b"x")
    young.write_bytes(b"y")
    os.utime(old, (1, 1))
    workspace.backups.remove_stray_copies()
    assert not old.exists() and young.exists()  # a young one may be another program's, being written
