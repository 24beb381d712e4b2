"""The window's side of data safety: the damaged-start dialog, the backup screen, automatic
backups, and evidence files marked when missing or altered."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton  # noqa: E402

from kehoach_desktop.errors import DatabaseDamagedError  # noqa: E402
from kehoach_desktop.model import Evidence, Progress, Status  # noqa: E402
from kehoach_desktop.paths import DB_FILE_NAME  # noqa: E402
from kehoach_desktop.ui import app as app_module  # noqa: E402
from kehoach_desktop.ui.backup_dialog import BackupDialog, DamagedDataDialog  # noqa: E402
from kehoach_desktop.ui.main_window import AUTO_BACKUP_MS  # noqa: E402
from kehoach_desktop.workspace import Workspace  # noqa: E402

from _support import snapshot  # noqa: E402



def _first_mine(win):
    return next(row for row in win._rows if row.role is not None)


def _texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


# --- damaged data at start -------------------------------------------------------------------


@pytest.fixture
def damaged_folder(imported_workspace):
    ws = imported_workspace
    task = ws.tasks(mine_only=True)[0]
    ws.save_progress(Progress(task_id=task.id, status=Status.DONE, percent=100, result="Đã xong"))
    ws.backup("tu-dong")
    good = snapshot(ws.db)
    folder = ws.data_dir
    ws.close()
    db = folder / DB_FILE_NAME
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))
    return folder, good


def _damage_error(folder) -> DatabaseDamagedError:
    with pytest.raises(DatabaseDamagedError) as refused:
        app_module.open_main_window(folder, synchronous=True)
    return refused.value


def test_damaged_start_explains_and_restores_the_latest_backup(qtbot, damaged_folder, monkeypatch):
    folder, good = damaged_folder
    app_module.make_application()
    error = _damage_error(folder)
    shown = {}

    def accept(dialog):
        shown["text"] = _texts(dialog)
        shown["buttons"] = [button.text() for button in dialog.findChildren(QPushButton)]
        return DamagedDataDialog.Accepted

    monkeypatch.setattr(DamagedDataDialog, "exec", accept)
    win = app_module.recover_from_damage(error, folder, synchronous=True)
    qtbot.addWidget(win)

    assert "bị hỏng" in shown["text"] and str(error.kept_at) in shown["text"]
    assert f"lúc {error.latest_backup.when}" in shown["text"] and "1 kết quả đã ghi" in shown["text"]
    assert "Khôi phục bản sao lưu này" in shown["buttons"] and "Thoát" in shown["buttons"]
    assert snapshot(win.workspace.db) == good
    assert "Đã khôi phục bản sao lưu" in win.statusBar().currentMessage()
    assert (error.kept_at / DB_FILE_NAME).read_bytes()[:100] == bytes(100)  # the damaged copy stays
    win.workspace.close()


def test_damaged_start_quit_writes_nothing(qtbot, damaged_folder, monkeypatch):
    folder, _ = damaged_folder
    app_module.make_application()
    error = _damage_error(folder)
    before = (folder / DB_FILE_NAME).read_bytes()
    monkeypatch.setattr(DamagedDataDialog, "exec", lambda dialog: DamagedDataDialog.Rejected)
    assert app_module.recover_from_damage(error, folder, synchronous=True) is None
    assert (folder / DB_FILE_NAME).read_bytes() == before


def test_damaged_start_without_a_backup_only_offers_to_quit(qtbot, tmp_path):
    app_module.make_application()
    error = DatabaseDamagedError("x", path=tmp_path / DB_FILE_NAME, problems=["tệp bị cắt ngắn"],
                                 kept_at=tmp_path / "damaged" / "2026-11-21T08-30-00", latest_backup=None)
    dialog = DamagedDataDialog(error)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    assert [button.text() for button in dialog.findChildren(QPushButton)] == ["Thoát"]
    assert "Chưa có bản sao lưu" in _texts(dialog) and "Tệp bị cắt ngắn." in _texts(dialog)


# --- the backup screen -----------------------------------------------------------------------


def test_backup_screen_backs_up_and_restores_the_chosen_backup(window, monkeypatch):
    task = _first_mine(window)
    window.workspace.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=40, result="Lần 1"))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)
    seen = {}

    def use_the_screen(dialog: BackupDialog):
        before = dialog.table.rowCount()
        dialog.backup_button.click()
        seen["after backup"] = dialog.table.rowCount() - before
        seen["newest reason"] = dialog.table.item(0, 1).text()
        window.workspace.save_progress(Progress(task_id=task.id, status=Status.DONE, percent=100, result="Lần 2"))
        dialog.table.selectRow(0)
        dialog.restore_button.click()
        seen["reasons"] = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
        seen["when"] = dialog.table.item(0, 0).text()
        return BackupDialog.Rejected

    monkeypatch.setattr(BackupDialog, "exec", use_the_screen)
    window.backup_action.trigger()

    assert seen["after backup"] == 1 and seen["newest reason"] == "Sao lưu theo yêu cầu"
    assert seen["reasons"][0] == "Trước khi khôi phục"  # the data as they were, kept first
    assert len(seen["when"]) == 16 and seen["when"][2] == "/" and seen["when"][5] == "/"  # dd/mm/yyyy HH:MM
    progress = window.workspace.progress(task.id)
    assert (progress.result, progress.percent) == ("Lần 1", 40)
    assert next(row for row in window._rows if row.id == task.id).percent == 40  # the window reloaded
    assert "Đã khôi phục" in window.statusBar().currentMessage()
    window.workspace.save_progress(Progress(task_id=task.id, status=Status.DONE, percent=100))  # usable again


def test_a_refused_restore_leaves_the_window_working(window, monkeypatch, tmp_path):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    bad = tmp_path / "kehoach-2026-01-01T08-00-00-tu-dong.sqlite3"
    bad.write_bytes(b"hong" * 1000)
    info = window.workspace.backups.describe(bad)
    window.restore_backup(info, confirm=False)
    assert warnings and "dữ liệu không thay đổi" in warnings[0]
    assert window.workspace.profile().name == "UBND xã Hòa An"


def test_automatic_backups_at_start_and_every_half_hour_when_changed(window):
    before = len(window.workspace.backups.list())
    window.start_automatic_backups()
    assert window.backup_timer.isActive() and window.backup_timer.interval() == AUTO_BACKUP_MS
    made = window.workspace.backups.list()
    assert len(made) == before + 1 and made[0].reason == "khoi-dong"
    window.backup_timer.timeout.emit()  # nothing changed in the half hour
    assert len(window.workspace.backups.list()) == before + 1
    task = _first_mine(window)
    window.workspace.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=5))
    window.backup_timer.timeout.emit()
    newest = window.workspace.backups.list()[0]
    assert newest.reason == "tu-dong" and newest.progress == made[0].progress + 1
    window.close()
    assert not window.backup_timer.isActive()


# --- evidence files marked ---------------------------------------------------------------------


def test_missing_and_altered_evidence_files_are_marked_and_not_opened(window, tmp_path, monkeypatch):
    task = _first_mine(window)
    for name in ("a.pdf", "b.pdf"):
        path = tmp_path / name
        path.write_bytes(f"%PDF {name}".encode())
        window.workspace.add_evidence(task.id, Evidence(task_id=task.id, number=name), path)
    first, second = window.workspace.evidence_list(task.id)
    window.workspace.evidence.path_for(first.file_sha256).unlink()
    window.workspace.evidence.path_for(second.file_sha256).write_bytes(b"sua")

    window.reload(keep_task=task.id)
    pane = window.detail
    assert pane.evidence.item(0, 4).text() == "⚠ Tệp bị thiếu: a.pdf"
    assert pane.evidence.item(1, 4).text() == "⚠ Tệp đã bị thay đổi: b.pdf"
    assert "SHA-256" in pane.evidence.item(1, 4).toolTip()
    assert pane.evidence_problems.isVisible()  # seen even when the file column is scrolled away
    assert "Tệp bị thiếu: “a.pdf”" in pane.evidence_problems.text()
    assert "Tệp đã bị thay đổi: “b.pdf”" in pane.evidence_problems.text()

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    pane.evidence.selectRow(1)
    pane.open_evidence()
    assert warnings and "b.pdf" in warnings[0] and "đã bị thay đổi" in warnings[0]
    with Workspace(window.workspace.data_dir) as other:
        assert len(other.check_evidence().missing) == 1

    window.select_task(next(row.id for row in window._rows if row.role is not None and row.id != task.id))
    assert not pane.evidence_problems.isVisible()
