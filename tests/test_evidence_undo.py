"""Issue 16: adding or removing a document of evidence is undone with Ctrl+Z or the “Hoàn tác”
button beside the status message; a removed document comes back with its file, which never left
the hashed store, and with its criterion links."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from kehoach_desktop import evidence_undo  # noqa: E402
from kehoach_desktop.db import assessment as assessment_sql  # noqa: E402
from kehoach_desktop.db import transaction  # noqa: E402
from kehoach_desktop.model import Evidence, Role  # noqa: E402
from kehoach_desktop.ui.evidence_dialog import EvidenceDialog  # noqa: E402


def _beside_the_message(window) -> bool:
    """The “Hoàn tác” button shows whole, and the message it belongs to is not cut by it or by the counts
    (the window as wide as on a 1024 × 768 screen)."""
    from PySide6.QtWidgets import QApplication

    window.resize(987, window.height())
    QApplication.processEvents()
    bar, button = window.statusBar(), window.undo.button
    text_width = bar.fontMetrics().horizontalAdvance(bar.currentMessage())
    left = button.mapTo(bar, button.rect().topLeft()).x()
    return button.isVisible() and button.width() >= button.minimumSizeHint().width() and text_width < left


def _lead_task(window):
    return next(row for row in window.workspace.tasks(mine_only=True) if row.role == Role.LEAD)


def _add_through_the_dialog(window, qtbot, monkeypatch, path, number):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    def fill_and_accept(dialog):
        dialog.number.setFocus()
        dialog.number.insert(number)  # QTest types ASCII only; Vietnamese arrives from the input method
        dialog.choose_file()
        dialog.accept()
        return EvidenceDialog.Accepted

    monkeypatch.setattr(EvidenceDialog, "exec", fill_and_accept)
    qtbot.mouseClick(window.detail.add_evidence_button, Qt.LeftButton)


def test_ctrl_z_takes_back_a_document_just_added_and_keeps_its_file(window, qtbot, monkeypatch, tmp_path):
    task = _lead_task(window)
    window.select_task(task.id)
    source = tmp_path / "bien-ban.pdf"
    source.write_bytes(b"%PDF-1.4 bien ban " * 50)
    _add_through_the_dialog(window, qtbot, monkeypatch, source, "12/BB-UBND")
    [added] = window.workspace.evidence_list(task.id)
    assert window.detail.evidence.rowCount() == 1
    assert "Đã thêm tài liệu “12/BB-UBND”" in window.statusBar().currentMessage()
    assert _beside_the_message(window)
    assert window.undo.button.isVisible()

    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key_Z, Qt.ControlModifier)
    assert window.workspace.evidence_list(task.id) == []
    assert window.detail.evidence.rowCount() == 0  # the table follows at once
    assert window.workspace.evidence.path_for(added.file_sha256).is_file()  # the file stays in the store
    assert "Đã hoàn tác" in window.statusBar().currentMessage()
    assert window.model.task(task.id).evidence_count == 0


def test_a_removed_document_comes_back_with_hoan_tac(window, qtbot, monkeypatch, tmp_path):
    task = _lead_task(window)
    window.select_task(task.id)
    source = tmp_path / "quyet-dinh.docx"
    source.write_bytes(b"PK quyet dinh " * 80)
    _add_through_the_dialog(window, qtbot, monkeypatch, source, "45/QĐ-UBND")
    [before] = window.workspace.evidence_list(task.id)
    pane = window.detail
    pane.result.setPlainText("Đang soạn")  # an unsaved edit in the form: the table still follows

    rect = pane.evidence.visualItemRect(pane.evidence.item(0, 0))
    qtbot.mouseClick(pane.evidence.viewport(), Qt.LeftButton, pos=rect.center())
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or QMessageBox.Yes)
    qtbot.mouseClick(pane.remove_evidence_button, Qt.LeftButton)
    assert asked and "hoàn tác" in asked[0]
    assert window.workspace.evidence_list(task.id) == [] and pane.evidence.rowCount() == 0
    assert "Đã xóa tài liệu “45/QĐ-UBND”" in window.statusBar().currentMessage()
    assert _beside_the_message(window)
    assert window.undo.button.isVisible()

    qtbot.mouseClick(window.undo.button, Qt.LeftButton)
    [back] = window.workspace.evidence_list(task.id)
    assert back == before  # the same record, the same id, the same file
    assert window.workspace.evidence_file_status(back) == "ok"
    assert pane.evidence.rowCount() == 1 and pane.evidence.item(0, 0).text() == "45/QĐ-UBND"
    assert pane.result.toPlainText() == "Đang soạn"  # the edit in the form is untouched
    assert not window.undo.button.isVisible() and not window.undo.action.isEnabled()  # one step, once


def test_adding_a_document_reads_the_evidence_table_once(window, qtbot, monkeypatch, tmp_path):
    """With a clean form and with unsaved edits in it, the table shows the new document after one read."""
    task = _lead_task(window)
    window.select_task(task.id)
    reads = []
    evidence_list = window.workspace.evidence_list
    monkeypatch.setattr(window.workspace, "evidence_list", lambda task_id: reads.append(task_id) or evidence_list(task_id))
    for number, edit in (("1/BB-UBND", ""), ("2/BB-UBND", "Đang soạn")):
        if edit:
            window.detail.result.setPlainText(edit)
        reads.clear()
        source = tmp_path / f"bien-ban-{number[0]}.pdf"
        source.write_bytes(number.encode() * 40)
        _add_through_the_dialog(window, qtbot, monkeypatch, source, number)
        assert reads == [task.id]
    assert window.detail.evidence.rowCount() == 2 and window.detail.result.toPlainText() == "Đang soạn"


def _task_with_criterion(ws):
    return next(row for row in ws.tasks() if row.extra.get("criterion_id"))


def test_removal_and_undo_keep_the_criterion_links_and_survive_a_cleanup(imported_workspace, tmp_path):
    ws = imported_workspace
    task = _task_with_criterion(ws)
    source = tmp_path / "ke-hoach.pdf"
    source.write_bytes(b"%PDF-1.4 ke hoach " * 40)
    evidence = ws.add_evidence(task.id, Evidence(task_id=task.id, number="7/KH-UBND"), source)
    with transaction(ws.db):
        assessment_sql.insert_link(ws.db, {"criterion_id": task.extra["criterion_id"], "evidence_id": evidence.id,
                                           "location": "mục 2, trang 3", "added_at": "2025-09-01T08:00:00"})

    stored = ws.evidence.path_for(evidence.file_sha256)
    os.utime(stored, (0, 0))  # a file attached long ago…

    removed = evidence_undo.remove(ws, evidence.id)
    assert ws.evidence_list(task.id) == []
    assert assessment_sql.links_of_evidence(ws.db, evidence.id) == []  # dropped with the record
    ws.backup("thu-cong")  # …and a backup with its cleanup of unused files before the undo
    assert stored.is_file()

    back = evidence_undo.restore(ws, removed)
    assert back == evidence
    [link] = assessment_sql.links_of_evidence(ws.db, evidence.id)
    assert link["location"] == "mục 2, trang 3" and link["criterion_id"] == task.extra["criterion_id"]


def test_a_removed_documents_id_taken_meanwhile_comes_back_under_a_new_one(imported_workspace):
    ws = imported_workspace
    task = _task_with_criterion(ws)
    first = ws.add_evidence(task.id, Evidence(task_id=task.id, number="1/BC"))
    removed = evidence_undo.remove(ws, first.id)
    other = ws.add_evidence(task.id, Evidence(task_id=task.id, number="2/BC"))  # another program, meanwhile
    back = evidence_undo.restore(ws, removed)
    assert back.number == "1/BC" and back.id != other.id
    assert sorted(e.number for e in ws.evidence_list(task.id)) == ["1/BC", "2/BC"]
