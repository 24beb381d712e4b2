"""The window knows the version it loaded: a save over a record changed elsewhere shows both and
asks (issue 15)."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kehoach_desktop.ui import conflict_dialog
from kehoach_desktop.ui.conflict_dialog import KEEP_MINE, KEEP_THEIRS, SaveConflictDialog
from kehoach_desktop.workspace import Workspace


def _edit_elsewhere(window, task_id, **changes):
    with Workspace(window.workspace.data_dir, check_health=False) as other:
        loaded = other.progress(task_id)
        other.save_progress(dataclasses.replace(loaded, **changes), base=loaded)


@pytest.mark.parametrize("choice", [KEEP_MINE, KEEP_THEIRS, 0])
def test_a_conflicting_save_shows_both_versions_and_keeps_the_choice(window, qtbot, monkeypatch, choice, tmp_path):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"unexpected warning {a[2]}"))
    shown = []

    def answer(dialog):
        shown.append([[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())])
        if choice == KEEP_MINE:
            dialog.resize(1024, 300)
            dialog.grab().save(str(tmp_path / "conflict.png"))
        return choice

    monkeypatch.setattr(SaveConflictDialog, "exec", answer)
    task_id = window.visible_task_ids()[0]
    window.select_task(task_id)
    pane = window.detail
    pane.result.setPlainText("Bản của tôi")
    pane.percent.setValue(30)
    _edit_elsewhere(window, task_id, result="Bản của máy khác", difficulties="Thiếu người")
    qtbot.mouseClick(pane.save_button, Qt.LeftButton)
    assert shown == [[["Kết quả", "Bản của máy khác", "Bản của tôi"]]]
    saved = window.workspace.progress(task_id)
    assert saved.difficulties == "Thiếu người"  # the other window's change is never lost
    if choice == KEEP_MINE:
        assert (saved.result, saved.percent) == ("Bản của tôi", 30)
    elif choice == KEEP_THEIRS:
        assert (saved.result, saved.percent) == ("Bản của máy khác", 30)
    else:
        assert (saved.result, saved.percent) == ("Bản của máy khác", 0)
        assert pane.dirty and pane.result.toPlainText() == "Bản của tôi"  # still on screen, unsaved


def test_a_save_after_another_window_saved_other_fields_asks_nothing(window, qtbot, monkeypatch):
    monkeypatch.setattr(SaveConflictDialog, "exec", lambda self: pytest.fail("no conflict expected"))
    task_id = window.visible_task_ids()[0]
    window.select_task(task_id)
    window.detail.percent.setValue(55)
    _edit_elsewhere(window, task_id, proposals="Bổ sung kinh phí")
    qtbot.mouseClick(window.detail.save_button, Qt.LeftButton)
    saved = window.workspace.progress(task_id)
    assert (saved.percent, saved.proposals) == (55, "Bổ sung kinh phí")
    assert window.detail.proposals.toPlainText() == "Bổ sung kinh phí"  # the pane shows the merged record


def test_shown_values_are_in_vietnamese_format():
    from kehoach_desktop.model import Progress

    progress = Progress(task_id=1, score=1.25, percent=40)
    assert conflict_dialog.shown_value(progress, "score") == "1,25"
    assert conflict_dialog.shown_value(progress, "completed_on") == "(không ghi)"
