"""The main window driven through its widgets, offscreen, as an official would use it."""

from __future__ import annotations

import hashlib
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from kehoach_desktop.model import Role, Status  # noqa: E402
from kehoach_desktop.text import fold  # noqa: E402
from kehoach_desktop.ui.evidence_dialog import EvidenceDialog  # noqa: E402
from kehoach_desktop.workspace import Workspace  # noqa: E402



def visible_rows(win):
    ids = set(win.visible_task_ids())
    return [row for row in win._rows if row.id in ids]


def test_first_start_loads_the_sample_plan_for_a_commune(window):
    profile = window.workspace.profile()
    assert profile.name == "UBND xã Hòa An"
    assert window.workspace.plans()[0]["number"] == "2163/KH-UBND"
    rows = visible_rows(window)
    assert rows and all(row.role is not None for row in rows)  # "Việc của tôi" by default
    assert "Việc của tôi:" in window.counts_label.text()


def test_filter_search_edit_and_attach_evidence(window, qtbot, tmp_path, monkeypatch):
    all_mine = len(visible_rows(window))
    lead_index = window.scope.findData(Role.LEAD.value)
    window.scope.setCurrentIndex(lead_index)
    lead_rows = visible_rows(window)
    assert 0 < len(lead_rows) < all_mine
    assert all(row.role == Role.LEAD for row in lead_rows)

    qtbot.keyClicks(window.search, "tuyen truyen")
    qtbot.waitUntil(lambda: len(visible_rows(window)) < len(lead_rows), timeout=3000)
    found = visible_rows(window)
    assert found and all("tuyen truyen" in fold(row.content + row.criterion + row.code) for row in found)

    target = found[0]
    assert window.select_task(target.id)
    pane = window.detail
    assert pane.task.id == target.id
    from kehoach_desktop.ui.completion_dialog import CompletionDateDialog

    monkeypatch.setattr(CompletionDateDialog, "exec", lambda dialog: CompletionDateDialog.Accepted)  # issue 16
    pane.status.setCurrentIndex(pane.status.findData(Status.DONE.value))
    assert pane.percent.value() == 100  # "hoàn thành" fills 100 %
    pane.result.setFocus()
    # QTest types ASCII only; Vietnamese text arrives committed by the input method.
    pane.result.insertPlainText("Đã tổ chức 03 hội nghị tuyên truyền")
    qtbot.mouseClick(pane.save_button, Qt.LeftButton)

    evidence_file = tmp_path / "Báo cáo 15-BC-UBND.pdf"
    evidence_file.write_bytes(b"%PDF-1.4 evidence " * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(evidence_file), ""))

    def fill_and_accept(dialog):
        qtbot.keyClicks(dialog.number, "15/BC-UBND")
        dialog.abstract.insertPlainText("Báo cáo kết quả tuyên truyền CCHC")
        dialog.choose_file()
        dialog.accept()
        return EvidenceDialog.Accepted

    monkeypatch.setattr(EvidenceDialog, "exec", fill_and_accept)
    qtbot.mouseClick(pane.add_evidence_button, Qt.LeftButton)
    assert pane.evidence.rowCount() == 1
    assert pane.evidence.item(0, 0).text() == "15/BC-UBND"

    with Workspace(window.workspace.data_dir) as check:
        progress = check.progress(target.id)
        assert progress.status == Status.DONE and progress.percent == 100
        assert progress.result == "Đã tổ chức 03 hội nghị tuyên truyền"
        [evidence] = check.evidence_list(target.id)
        assert evidence.number == "15/BC-UBND" and evidence.file_name == evidence_file.name
        digest = hashlib.sha256(evidence_file.read_bytes()).hexdigest()
        assert evidence.file_sha256 == digest
        assert check.evidence.path_for(digest).read_bytes() == evidence_file.read_bytes()
    assert "Hoàn thành: 1" in window.counts_label.text()


def test_search_ignores_diacritics_and_d_stroke(window, qtbot):
    window.scope.setCurrentIndex(window.scope.findData("all"))
    qtbot.keyClicks(window.search, "dong gop")
    qtbot.waitUntil(lambda: 0 < len(visible_rows(window)) < len(window._rows), timeout=3000)
    assert all("dong gop" in fold(" ".join([row.content, row.criterion])) for row in visible_rows(window))
    assert any("Đóng góp" in row.criterion or "đóng góp" in row.content for row in visible_rows(window))


def test_score_above_maximum_is_refused_and_kept_on_screen(window, qtbot, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    row = visible_rows(window)[0]
    window.select_task(row.id)
    pane = window.detail
    pane.difficulties.setPlainText("Thiếu kinh phí")
    pane.completed_on.check.setChecked(True)
    pane.completed_on.edit.setDate(pane.completed_on.edit.date().addDays(30))  # in the future
    qtbot.mouseClick(pane.save_button, Qt.LeftButton)
    assert warnings and "tương lai" in warnings[0]
    assert pane.difficulties.toPlainText() == "Thiếu kinh phí"  # nothing typed is lost
    assert window.workspace.progress(row.id).difficulties == ""


def test_overdue_only_shows_overdue_tasks(window):
    window.overdue_only.setChecked(True)
    from kehoach_desktop.workspace import is_overdue

    rows = visible_rows(window)
    assert rows and all(is_overdue(row, window.today) for row in rows)
