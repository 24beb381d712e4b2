"""The “Tự đánh giá, chấm điểm” view driven through its widgets (issue 12)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from kehoach_desktop.assessment import service  # noqa: E402
from kehoach_desktop.model import AgencyKind, AgencyProfile, Evidence  # noqa: E402
from kehoach_desktop.ui.assessment_view import COL_DOCS, COL_SELF, ID_ROLE, ScoreDialog  # noqa: E402
from kehoach_desktop.workspace import Workspace  # noqa: E402

from test_assessment import HA_GIANG  # noqa: E402


@pytest.fixture
def department_window(qtbot, tmp_path):
    from kehoach_desktop.ui import app as app_module

    data = tmp_path / "data"
    with Workspace(data) as ws:
        ws.save_profile(AgencyProfile("Sở Tư pháp", AgencyKind.SO))
        ws.import_annex(HA_GIANG)
    app_module.make_application()
    win = app_module.open_main_window(data, synchronous=True)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.workspace.close()


def _row(view, code):
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    iterator = QTreeWidgetItemIterator(view.tree)
    while iterator.value():
        item = iterator.value()
        if item.text(0).startswith(f"{code}. "):
            return item
        iterator += 1
    raise AssertionError(code)


def _total_row(view):
    return view.tree.topLevelItem(view.tree.topLevelItemCount() - 1)


def test_scoring_in_the_view_updates_the_totals_and_marks_a_missing_file(department_window, qtbot, tmp_path,
                                                                         monkeypatch):
    win = department_window
    assert win.assessment_action.isVisible()
    view = win.open_assessment()
    qtbot.addWidget(view)
    assert _total_row(view).text(0) == "Tổng số" and _total_row(view).text(1) == "68"
    assert _row(view, "8.1").text(COL_SELF) == "không tự chấm"

    # A task's evidence, its file then lost: linked with its place, marked missing.
    item = service.find_criterion(view.assessment, "2.2.1")
    task_id = item.task_ids[0]
    pdf = tmp_path / "qd.pdf"
    pdf.write_bytes(b"%PDF-1.4 quyet dinh")
    evidence = win.workspace.add_evidence(task_id, Evidence(task_id=task_id, number="12/QĐ-UBND", abstract="Công bố"), pdf)
    view.reload()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))

    def score_it(dialog_action):
        monkeypatch.setattr(ScoreDialog, "exec", lambda self: dialog_action(self))
        view.edit_item(_row(view, "2.2.1"))

    def first_try(dialog):
        dialog.score.setText("0,25")
        dialog.location.setText("Điều 1, trang 1")
        dialog.candidates.setCurrentIndex(dialog.candidates.findData(evidence.id))
        dialog.link_candidate()
        assert dialog.documents.rowCount() == 1 and dialog.documents.item(0, 2).text() == "Điều 1, trang 1"
        dialog.accept()  # below the maximum, no explanation: refused, stays open
        assert warnings and "giải trình" in warnings[-1]
        dialog.explanation.setPlainText("Công bố chậm 10 ngày so với quy định")
        dialog.accept()
        return dialog.result()

    score_it(first_try)
    row = _row(view, "2.2.1")
    assert row.text(COL_SELF) == "0,25" and row.text(COL_DOCS) == "1 tài liệu"
    assert _row(view, "2").text(COL_SELF) == "0,25"  # the area's sum
    assert _total_row(view).text(COL_SELF) == "0,25"
    assert "tự chấm 0,25" in view.totals.text()

    win.workspace.evidence.path_for(evidence.file_sha256).unlink()
    view.reload()
    assert "thiếu tệp" in _row(view, "2.2.1").text(COL_DOCS)

    # The requirement of the annex is shown beside what is attached.
    dialog = ScoreDialog(win.workspace, service.find_criterion(view.assessment, "2.2.1"), view)
    qtbot.addWidget(dialog)
    labels = " ".join(label.text() for label in dialog.findChildren(type(view.totals)))
    assert "Các văn bản công bố danh mục văn bản QPPL hết hiệu lực" in labels
    assert "⚠ Thiếu tệp" in dialog.documents.item(0, 3).text()


def test_the_sheet_is_written_from_the_view(department_window, qtbot, tmp_path):
    view = department_window.open_assessment()
    qtbot.addWidget(view)
    view.write_sheet(str(tmp_path / "bang.xlsx"))
    assert (tmp_path / "bang.xlsx").is_file() and "Đã lưu bảng tự chấm điểm" in view.totals.text()


def test_a_criterion_of_another_agency_opens_no_editor(department_window, qtbot, monkeypatch):
    view = department_window.open_assessment()
    qtbot.addWidget(view)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(ScoreDialog, "exec", lambda self: pytest.fail("no editor for this criterion"))
    view.edit_item(_row(view, "1.1"))
    assert shown and "không chủ trì" in shown[0]


def test_the_detail_pane_shows_the_criterion_and_no_per_task_score(department_window):
    win = department_window
    task = next(row for row in win._rows if row.code == "2.1.2")
    win.select_task(task.id)
    pane = win.detail
    assert not hasattr(pane, "score")
    facts = pane.criterion_facts.text()
    assert "Điểm tối đa: 1" in facts and "Kết quả năm trước: 1,0" in facts and "Mục tiêu: 1,0" in facts


def test_a_commune_is_not_offered_the_screen(window):
    assert not window.assessment_action.isVisible()
