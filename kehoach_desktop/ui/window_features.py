"""What issue 16 adds to the main window, in one place: sizes remembered, shortcuts, the guide,
wrapped task texts, a detail pane that scrolls only vertically.

`install(window)` is called once at the end of MainWindow.__init__.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtGui import QKeySequence

from . import screen_fit
from .lazy_qt import Qt  # issue 17: its uses here come after the first paint
from .operations import describe_error
from .start_order import text_action
from .task_tree import COL_CODE, COL_DEADLINE, COL_ROLE, COL_STATUS, COL_TASK
from .wrap_delegate import wrap_column


def install(window) -> None:
    screen_fit.use_folder(window.workspace.data_dir)
    if screen_fit.was_maximized(type(window).__name__):
        window.setWindowState(window.windowState() | Qt.WindowMaximized)
    window.wrap_delegates = [wrap_column(window.tree, column)
                             for column in (COL_TASK, COL_DEADLINE, COL_STATUS, COL_CODE, COL_ROLE)]
    _narrow_columns(window)
    _install_search_hits(window)
    _reflow_filters(window)
    _install_shortcuts(window)
    _install_undo(window)
    _install_plans(window)
    _install_overview(window)
    _install_help_menu(window)


def _install_search_hits(window) -> None:
    """Matched words highlighted in the tree; matches in hidden fields named in the tooltip."""
    from ..search_hits import hidden_hits
    from .task_tree import task_id_at

    def hits(index) -> list[str]:
        task_id = task_id_at(index)
        row = window.model.task(task_id) if task_id else None  # a lookup, not a scan per painted cell
        return hidden_hits(row, window.search.text()) if row is not None else []

    for delegate in window.wrap_delegates:
        window.search.textChanged.connect(delegate.set_query)
        delegate.hidden_hits = hits


def _narrow_columns(window) -> None:
    """The short columns give way to the task's text; their own texts wrap to a second line."""
    header = window.tree.header()
    for column, width in ((COL_CODE, 84), (COL_ROLE, 76), (COL_DEADLINE, 104), (COL_STATUS, 104)):
        header.resizeSection(column, width)


def _fit_detail_pane(detail) -> None:
    """The form follows the pane's width: long rows put the field under its label, no sideways scroll."""
    # issue 17: the pane is built after the first paint; so are these types (QSizePolicy's ~1 ms)
    from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QScrollArea, QSizePolicy

    for form in detail.findChildren(QFormLayout):
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
    for combo in detail.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
    labels = [label for label in detail.findChildren(QLabel) if label.wordWrap()]
    for label in labels:  # take the height the wrapped text needs at the width it is given
        label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.MinimumExpanding)
    detail.label_heights = _LabelHeights(labels, detail)
    for area in detail.findChildren(QScrollArea):
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        area.viewport().installEventFilter(detail.label_heights)
    for box in detail.findChildren(QGroupBox):  # a new task's texts ask for a new layout here
        box.installEventFilter(detail.label_heights)


class _LabelHeights(QObject):
    """QFormLayout gives a wrapped label the height of a wider one: set it from the real width."""

    def __init__(self, labels, parent):
        super().__init__(parent)
        self.labels = labels
        self.timer = QTimer(self, singleShot=True, interval=0)
        self.timer.timeout.connect(self.update)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Resize, QEvent.LayoutRequest):
            self.timer.start()
        return False

    def update(self) -> None:
        for label in self.labels:
            if label.isVisible() and label.width() > 0:
                needed = label.heightForWidth(label.width())
                if needed > 0 and label.minimumHeight() != needed:
                    label.setMinimumHeight(needed)


def _reflow_filters(window) -> None:
    """The search box gets a row of its own under the filters (it showed three characters at 1024 px)."""
    outer = window.search.parentWidget().layout()  # issue 17: not findChildren (every object of the window)
    for index in range(outer.count()):
        layout = outer.itemAt(index).layout()
        if layout is not None and layout.indexOf(window.search) >= 0:
            layout.removeWidget(window.search)
            outer.insertWidget(index + 1, window.search)
            return


def _install_shortcuts(window) -> None:
    find = text_action("Tìm nhiệm vụ", window)
    find.setShortcuts(QKeySequence.Find)
    find.triggered.connect(lambda: (window.search.setFocus(Qt.ShortcutFocusReason), window.search.selectAll()))
    window.addAction(find)
    window.find_action = find


def _install_undo(window) -> None:
    from .undo import UndoController

    window.undo = UndoController(window)
    window.undo.undone.connect(window._task_saved)  # the one task updated in place, as after a save
    # an evidence undo shows at once, edits or not (window.detail: the pane once it is built)
    window.undo.undone.connect(lambda task_id: window.detail.refresh_evidence(task_id))
    edit_menu = window.menuBar().addMenu("&Sửa")
    edit_menu.addAction(window.undo.action)
    edit_menu.addAction(window.find_action)


def _install_plans(window) -> None:
    """The plan selector and banners above the tree, the legend under it, “Xóa kế hoạch…” in Tệp."""
    from .plan_bar import Legend, PlanBar, remove_plan_interactively

    left = window.agency_label.parentWidget().layout()
    window.plan_bar = PlanBar(window)
    left.insertWidget(left.indexOf(window.agency_label) + 1, window.plan_bar)
    window.legend = Legend()
    left.insertWidget(left.indexOf(window.tree) + 1, window.legend)
    remove = text_action("Xóa kế hoạch…", window)
    remove.triggered.connect(lambda: remove_plan_interactively(window))
    window.remove_plan_action = remove
    file_menu = window.menuBar().actions()[0].menu()
    quit_action = next((a for a in file_menu.actions() if a.text() == "Thoát"), None)
    file_menu.insertAction(quit_action, remove)  # the plan bar is filled when the tasks are read (_tree_loaded)


def _install_overview(window) -> None:
    """“Tổng quan” takes the detail pane's place whenever no task is selected."""
    window.overview = None  # issue 17: built after the tasks' first paint (_build_overview)
    window.after_tasks_shown.then(lambda: _build_overview(window))
    window.detail.on_shown = lambda task: _show_right(window, task)
    action = text_action("Tổng quan", window)
    action.setShortcuts([QKeySequence("Ctrl+T")])
    action.triggered.connect(lambda: show_overview(window))
    window.overview_action = action
    toolbar = window.toolbar  # issue 17: findChildren wrapped every child, making the types of all
    toolbar.insertAction(toolbar.actions()[0], action)
    window.overview_on_show = _OnShow(window, lambda: window.detail.task is None and refresh_overview(window))
    window.plan_bar.plan_changed.connect(lambda _: window.detail.task is None and refresh_overview(window))
    _show_right(window, window.detail.task)
    window.after_tasks_shown.then(lambda: window.detail.task is None and refresh_overview(window))


class _OnShow(QObject):
    """Calls `then` each time the window is shown."""

    def __init__(self, window, then):
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Show:
            self.then()
        return False


def _show_right(window, task) -> None:
    if task is None:
        if window.overview is None:  # not built yet: shown as it is built (_build_overview)
            return
        if window.isVisible():  # a hidden (or closing) window is brought up to date when shown
            refresh_overview(window)
        window.right_stack.setCurrentWidget(window.overview)
    else:
        window.right_stack.setCurrentWidget(window.detail)


def refresh_overview(window) -> None:
    """“Tổng quan” read again off the GUI thread (the calendar, the self-scores), unless nothing
    changed since it was last read: the same rows, plan and day, and no save anywhere since."""
    if window._restoring or not window.after_tasks_shown.done or window.overview is None:  # issue 17: once the tasks are painted
        return
    from ..overview import data_stamp, load_overview

    rows, plan_id, today = window._rows, window.current_plan_id, window.today
    key = (plan_id, today, data_stamp(window.workspace))
    if getattr(window, "_overview_rows", None) is rows and window._overview_key == key:
        return
    window._overview_rows, window._overview_key = rows, key  # also while it loads: no second load queued
    snapshot = list(rows)  # the worker reads a copy: a save updates the window's rows in place

    def loaded(result) -> None:
        window.overview.show_overview(result.overview, result.plan_text, result.finished, result.has_plans)

    def failed(error) -> None:
        window._overview_rows = None
        window.statusBar().showMessage(f"Không đọc được tổng quan: {describe_error(error)}", 10000)

    window.runner.run(window, "Đang tải tổng quan…",
                      lambda ctx: load_overview(ctx.workspace, snapshot, today, plan_id), loaded, failed,
                      latest="overview")


def show_overview(window) -> None:
    if not window.detail.save_if_dirty():
        return
    window.tree.setCurrentIndex(QModelIndex())
    window.tree.clearSelection()
    if window.detail.task is not None:
        window.detail.show_task(None)
    else:
        _show_right(window, None)


def show_filtered(window, key: str, scope) -> None:
    """An overview link: the agency's tasks that are overdue, due soon, or done without evidence."""
    if not window.detail.save_if_dirty():
        return
    for widget, value in ((window.scope, window.scope.findData(scope)), (window.status_filter, 0)):
        widget.blockSignals(True)
        widget.setCurrentIndex(value)
        widget.blockSignals(False)
    for widget, value in ((window.overdue_only, key == "overdue"),):
        widget.blockSignals(True)
        widget.setChecked(value)
        widget.blockSignals(False)
    window.search.blockSignals(True)
    window.search.clear()
    window.search.blockSignals(False)
    window._filters_changed()
    if key in ("due_soon", "no_evidence"):
        window.filter.only = key
        window._refresh_tree()
    names = {"overdue": "quá hạn", "due_soon": "sắp đến hạn", "no_evidence": "đã hoàn thành nhưng chưa có tài liệu kiểm chứng"}
    window.statusBar().showMessage(f"Đang hiện các việc {names[key]}; đổi bộ lọc để xem lại tất cả.", 10000)


def attach_detail(window, detail) -> None:
    """The detail pane, built after the window (issue 17), joins “Tổng quan” and the undo."""
    _fit_detail_pane(detail)
    detail.today = window.today
    detail.undoable.connect(window.undo.record)
    window.right_stack.addWidget(detail)
    detail.shown.connect(lambda task: _show_right(window, task))


def _install_help_menu(window) -> None:
    guide = text_action("Hướng dẫn sử dụng", window)
    guide.setShortcuts(QKeySequence.HelpContents)
    guide.triggered.connect(lambda: open_guide(window))
    from .help_menu import help_menu

    menu = help_menu(window)
    menu.insertAction(menu.actions()[0] if menu.actions() else None, guide)  # the guide first, "Giới thiệu…" last
    window.guide_action = guide


def open_guide(window):
    from .guide import GuideWindow

    if getattr(window, "guide_window", None) is None:
        window.guide_window = GuideWindow(window)
    window.guide_window.show()
    window.guide_window.raise_()
    return window.guide_window


# --- start-up (issue 17) ---


def _build_overview(window) -> None:
    """“Tổng quan” made once the tasks have painted: its module and widgets (≈ 12 ms at start)
    show nothing before its read, which waits for that paint too. The right side is empty until."""
    from ..task_filter import MINE_ANY
    from .overview_view import OverviewView

    window.overview = OverviewView()
    window.overview.link_chosen.connect(lambda key: show_filtered(window, key, MINE_ANY))
    window.right_stack.insertWidget(0, window.overview)  # before the detail pane, when that came first
    if window.detail.task is None:
        window.right_stack.setCurrentWidget(window.overview)
