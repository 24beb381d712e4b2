"""Issue 16, driven through the widgets offscreen: Vietnamese buttons, remembered sizes, report
drafts, the "not ours" override with undo, the completion date, undo, shortcuts, the guide."""

from __future__ import annotations

import datetime as dt
import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import given, strategies as st  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QPixmap, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox  # noqa: E402

from kehoach_desktop.file_names import report_file_name  # noqa: E402
from kehoach_desktop.model import Role, Status  # noqa: E402
from kehoach_desktop.report.periods import ReportPeriod  # noqa: E402
from kehoach_desktop.ui import screen_fit  # noqa: E402
from kehoach_desktop.ui.completion_dialog import CompletionDateDialog  # noqa: E402
from kehoach_desktop.ui.report_dialog import ReportDialog  # noqa: E402

TODAY = dt.date(2025, 9, 15)


def _dispose(widget) -> None:
    widget.setParent(None)
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()


def _mine(window):
    return next(row for row in window.workspace.tasks(mine_only=True) if row.role == Role.LEAD)


# --- Vietnamese standard buttons and remembered sizes ----------------------------------------


def test_standard_buttons_speak_vietnamese(window):
    box = QMessageBox(QMessageBox.Question, "Khôi phục", "Khôi phục?", QMessageBox.Yes | QMessageBox.No, window)
    assert sorted(button.text().replace("&", "") for button in box.buttons()) == ["Có", "Không"]
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Discard | QDialogButtonBox.Cancel | QDialogButtonBox.Close)
    texts = {button.text().replace("&", "") for button in buttons.buttons()}
    assert texts == {"Lưu", "Không lưu", "Hủy", "Đóng"}
    from PySide6.QtWidgets import QFileDialog, QPushButton

    drawn = QFileDialog(window, "Chọn tệp")
    drawn.setOption(QFileDialog.DontUseNativeDialog)  # the file dialog Qt draws itself
    assert {"Hủy", "Mở"} <= {button.text().replace("&", "") for button in drawn.findChildren(QPushButton)}
    _dispose(drawn)
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    printing = QPrintDialog(printer, window)  # Qt draws it on Linux; Windows shows its own, in Vietnamese
    assert {"In", "Hủy"} <= {button.text().replace("&", "") for button in printing.findChildren(QPushButton)}
    _dispose(printing)
    # Qt's other texts stay as they are (an empty answer would blank them, and break image loading)
    assert QCoreApplication.translate("QShortcut", "Ctrl") == "Ctrl"
    assert QCoreApplication.translate("QFileDialog", "%1 already exists.") == "%1 already exists."
    _dispose(box)


def test_the_right_click_menu_of_text_boxes_speaks_vietnamese(window):
    menus = [window.search.createStandardContextMenu(), window.detail.result.createStandardContextMenu()]
    texts = {action.text().split("\t")[0].replace("&", "") for menu in menus for action in menu.actions()
             if not action.isSeparator()}
    assert {"Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"} <= texts
    assert not texts & {"Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All"}
    for menu in menus:
        menu.deleteLater()


def test_a_dialog_remembers_its_size_in_the_data_folder(window, qtbot):
    first = ReportDialog(window.workspace, window.runner, window, today=TODAY)
    first.show()
    first.resize(700, 480)  # the offscreen screen is 800×600
    first.done(0)
    ini = window.workspace.data_dir / screen_fit.SETTINGS_FILE
    assert ini.is_file() and "ReportDialog" in ini.read_text(encoding="utf-8")
    second = ReportDialog(window.workspace, window.runner, window, today=TODAY)
    second.show()
    assert (second.width(), second.height()) == (700, 480)
    second.done(0)
    for dialog in (first, second):
        _dispose(dialog)


# --- report drafts ---------------------------------------------------------------------------


@pytest.fixture
def report(window, qtbot):
    dialog = ReportDialog(window.workspace, window.runner, window, today=TODAY)
    dialog.period.setCurrentIndex(dialog.period.findData("h1"))
    dialog.year.setValue(2025)
    dialog.show()
    yield dialog
    dialog.done(0)
    _dispose(dialog)


def test_report_texts_are_kept_when_the_period_changes(report, window):
    report.sections["shortcomings"].insertPlainText("Còn chậm cập nhật kết quả.")
    report.period.setCurrentIndex(report.period.findData("q3"))  # no save pressed
    saved = window.workspace.report_texts(ReportPeriod.of("h1", 2025), today=TODAY)
    assert saved.saved and "Còn chậm cập nhật kết quả." in saved.shortcomings
    report.period.setCurrentIndex(report.period.findData("h1"))
    assert "Còn chậm cập nhật kết quả." in report.sections["shortcomings"].toPlainText()


@pytest.mark.parametrize("answer, stays_open, kept", [
    (QMessageBox.Cancel, True, False), (QMessageBox.Save, False, True), (QMessageBox.Discard, False, False),
])
def test_closing_with_unsaved_texts_asks(report, window, monkeypatch, answer, stays_open, kept):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[1]) or answer)
    report.sections["proposals"].insertPlainText("Đề nghị tập huấn phần mềm.")
    report.reject()  # what Đóng, Esc and the × do
    assert asked == ["Nội dung báo cáo chưa lưu"]
    assert report.isVisible() == stays_open
    saved = window.workspace.report_texts(ReportPeriod.of("h1", 2025), today=TODAY)
    assert ("Đề nghị tập huấn phần mềm." in saved.proposals) == kept


def test_closing_without_changes_does_not_ask(report, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: pytest.fail("asked with nothing changed"))
    report.reject()
    assert not report.isVisible()


def test_default_report_file_name_is_readable_vietnamese_without_marks():
    assert report_file_name(ReportPeriod.of("h1", 2025), "UBND xã Hòa An", ".pdf") == \
        "Bao-cao-6-thang-2025-UBND-xa-Hoa-An.pdf"
    assert report_file_name(ReportPeriod.of("q1", 2025), "Sở Tư pháp", ".docx") == "Bao-cao-Quy-I-2025-So-Tu-phap.docx"


# --- "not ours", undo ------------------------------------------------------------------------


def _choose_role(pane, value) -> None:
    pane.role_choice.setCurrentIndex(pane.role_choice.findData(value))
    pane.role_choice.activated.emit(pane.role_choice.currentIndex())


def test_not_ours_asks_and_says_what_the_annex_said(window, monkeypatch):
    task = _mine(window)
    window.select_task(task.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.No)
    _choose_role(window.detail, "none")
    assert window.workspace.task(task.id).role == Role.LEAD  # refused: nothing written
    assert window.detail.role_choice.currentData() == "auto"

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.Yes)
    _choose_role(window.detail, "none")
    changed = window.workspace.task(task.id)
    assert changed.role is None and changed.role_overridden
    assert changed.role_reason.startswith("Theo phụ lục: Chủ trì — ")
    assert "Đơn vị đã tự chọn “Không phải việc của đơn vị”" in changed.role_reason
    assert task.id not in window.visible_task_ids()  # gone from "Việc của tôi"…
    assert window.undo.button.isVisible() and "không phải việc của đơn vị" in window.statusBar().currentMessage()

    window.undo.action.trigger()  # …and back with Ctrl+Z
    back = window.workspace.task(task.id)
    assert back.role == Role.LEAD and not back.role_overridden
    assert task.id in window.visible_task_ids()


def test_ctrl_z_undoes_the_last_saved_result(window, qtbot):
    task = _mine(window)
    window.select_task(task.id)
    pane = window.detail
    pane.result.setPlainText("Đã ban hành kế hoạch")
    pane.percent.setValue(40)
    assert pane.save()
    assert window.workspace.progress(task.id).result == "Đã ban hành kế hoạch"
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key_Z, Qt.ControlModifier)
    restored = window.workspace.progress(task.id)
    assert restored.result == "" and restored.percent == 0
    assert "Đã hoàn tác" in window.statusBar().currentMessage()


# --- the completion date ---------------------------------------------------------------------


def test_done_asks_for_the_completion_date(window, monkeypatch):
    task = _mine(window)
    window.select_task(task.id)
    pane = window.detail

    def choose_march(dialog):
        dialog.date.setDate(dialog.date.date().addMonths(-9))  # 31/12/2025 → 31/03/2025
        return CompletionDateDialog.Accepted

    monkeypatch.setattr(CompletionDateDialog, "exec", choose_march)
    pane.status.setCurrentIndex(pane.status.findData(Status.DONE.value))
    assert pane.completed_on.value() == dt.date(2025, 3, 31) and pane.percent.value() == 100

    pane.status.setCurrentIndex(pane.status.findData(Status.IN_PROGRESS.value))
    assert pane.completed_on.value() is None  # a date only for a completed task
    monkeypatch.setattr(CompletionDateDialog, "exec", lambda dialog: CompletionDateDialog.Rejected)
    pane.status.setCurrentIndex(pane.status.findData(Status.DONE.value))
    assert pane.status.currentData() != Status.DONE.value and pane.completed_on.value() is None


def test_a_completion_date_outside_the_plan_year_warns(qtbot, monkeypatch):
    warned = []
    dialog = CompletionDateDialog("1.1 Kế hoạch CCHC", 2025, dt.date(2026, 2, 10))
    qtbot.addWidget(dialog)
    assert dialog.value() == dt.date(2025, 12, 31)  # a past plan: its last day, not today
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: warned.append(args[2]) or QMessageBox.No)
    dialog.date.setDate(dialog.date.date().addDays(10))  # 10/01/2026
    dialog.accept()
    assert warned and "không thuộc năm 2025" in warned[0] and dialog.result() != CompletionDateDialog.Accepted
    dialog.date.setDate(dialog.date.date().addDays(-20))
    dialog.accept()
    assert len(warned) == 1 and dialog.result() == CompletionDateDialog.Accepted


# --- shortcuts and the guide -----------------------------------------------------------------


def test_ctrl_f_goes_to_the_search_box_and_f1_opens_the_guide(window, qtbot):
    window.activateWindow()
    window.tree.setFocus()
    window.find_action.trigger()
    assert window.search.hasFocus() or QApplication.focusWidget() is window.search
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.guide_action.shortcut().toString() == "F1"
    window.guide_action.trigger()
    guide = window.guide_window
    assert guide.isVisible()
    text = guide.browser.toPlainText()
    assert "Hướng dẫn sử dụng" in text and "Ghi kết quả và tài liệu kiểm chứng" in text
    picture = guide.browser.document().resource(QTextDocument.ImageResource, QUrl("images/tong-quan.png"))
    assert isinstance(picture, QPixmap) and not picture.isNull()  # the pictures ship with the guide
    guide.close()


# --- search hits -----------------------------------------------------------------------------


def test_search_hits_are_found_as_the_search_finds_them():
    from kehoach_desktop.search_hits import match_spans
    from kehoach_desktop.text import fold

    text = "Đẩy mạnh tuyên truyền về CCHC; tuyên dương"
    spans = match_spans(text, "TUYEN day")
    assert [text[s:e] for s, e in spans] == ["Đẩy", "tuyên", "tuyên"]
    assert all(fold(text[s:e]) in ("day", "tuyen") for s, e in spans)
    assert match_spans(text, "") == [] and match_spans(text, "khong co") == []


@given(text=st.text(alphabet="aăâbdđeêioôơuưyÁÀẢÃẠẤẦẨẪẬĐđ ", min_size=1, max_size=40), cut=st.integers(0, 39),
       length=st.integers(1, 6))
def test_every_word_cut_from_a_text_is_found_where_it_is(text, cut, length):
    from kehoach_desktop.search_hits import match_spans
    from kehoach_desktop.text import fold

    word = text[cut:cut + length].strip()
    if not word or " " in word:
        return
    spans = match_spans(text, word)
    assert spans and all(fold(word) in fold(text[s:e]) or fold(text[s:e]) in fold(word) for s, e in spans)
    assert any(s <= cut + text[cut:].index(word) < e for s, e in spans)


def test_search_box_drives_the_highlight_and_the_tooltip_names_hidden_matches(window, qtbot):
    task = next(row for row in window.workspace.tasks(mine_only=True) if row.lead)
    lead_word = task.lead[0].split()[-1]
    window.search.setText(lead_word)
    assert all(delegate.query == lead_word for delegate in window.wrap_delegates)
    from kehoach_desktop.ui.task_tree import COL_TASK

    source = window.model.index_of_task(task.id)
    index = window.proxy.view_index(source.siblingAtColumn(COL_TASK)) if source is not None else None
    if index is None:  # the filter has not run yet (debounced): run it now
        window._filters_changed()
        index = window.proxy.view_index(window.model.index_of_task(task.id).siblingAtColumn(COL_TASK))
    lines = window.wrap_delegates[0].hidden_hits(index)
    assert any(line.startswith("Chủ trì: ") and lead_word in line for line in lines)


def test_the_main_window_remembers_its_splitter(window, qtbot):
    from PySide6.QtWidgets import QSplitter

    from kehoach_desktop.ui import app as app_module

    splitter = window.findChildren(QSplitter)[0]
    splitter.setSizes([300, 460])
    wanted = splitter.sizes()
    window.hide()  # what closing does first: sizes and splitters are written then
    again = app_module.open_main_window(window.workspace.data_dir, synchronous=True)
    qtbot.addWidget(again)
    again.show()
    assert again.findChildren(QSplitter)[0].sizes() == wanted
    again.close()


def test_percent_and_status_agree_and_a_date_outside_the_year_asks_before_saving(window, monkeypatch):
    task = _mine(window)
    window.select_task(task.id)
    pane = window.detail
    monkeypatch.setattr(CompletionDateDialog, "exec", lambda dialog: CompletionDateDialog.Accepted)
    pane.percent.setValue(100)
    pane.percent.editingFinished.emit()
    assert pane.status.currentData() == Status.DONE.value and pane.completed_on.value() is not None
    pane.percent.setValue(80)
    pane.percent.editingFinished.emit()
    assert pane.status.currentData() == Status.IN_PROGRESS.value and pane.completed_on.value() is None

    pane.status.setCurrentIndex(pane.status.findData(Status.DONE.value))
    pane.completed_on.set_value(dt.date(2024, 12, 30))  # typed by hand, a year before the 2025 plan
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or QMessageBox.No)
    assert not pane.save() and "không thuộc năm 2025" in asked[0]
    assert window.workspace.progress(task.id).status != Status.DONE  # nothing written


def test_a_long_task_text_wraps_in_the_tree(window, qtbot):
    from kehoach_desktop.ui.task_tree import COL_TASK

    window.resize(1000, 700)
    window.tree.header().resizeSection(COL_TASK, 260)
    rows = window.workspace.tasks(mine_only=True)
    long_task = max(rows, key=lambda row: len(row.content))
    short_task = min(rows, key=lambda row: len(row.content))

    def height(task) -> int:
        index = window.proxy.view_index(window.model.index_of_task(task.id).siblingAtColumn(COL_TASK))
        window.tree.doItemsLayout()
        return window.tree.visualRect(index).height()

    line = window.tree.fontMetrics().lineSpacing()
    assert height(long_task) >= 3 * line and height(long_task) > height(short_task)  # up to three lines
