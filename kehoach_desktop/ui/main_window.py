"""The main window: the task tree with its filters on the left, the selected task on the right."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
from pathlib import Path

from PySide6.QtCore import QModelIndex, QTimer  # issue 17: not Qt before the first paint (ui/qt_values)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMainWindow, QSplitter, QStackedWidget, QTreeView, QVBoxLayout, QWidget,
)

from .. import collector
from ..model import Role, Status
from ..task_filter import ALL, MINE_ANY, TaskFilter, counts_by_plan
from ..workspace import Counts, Workspace, count_tasks
from .help_menu import add_about_action
from .lazy_qt import QFileDialog, QMessageBox  # issue 17: their types when first used
from .exchange_actions import ExchangeActions
from .operations import OperationRunner, describe_error
from .start_order import AfterTasksShown, DetailStandIn, at_next_paint, own_viewport, text_action
from .clear_button import add_clear_button
from .task_tree import (
    COL_CODE, COL_DEADLINE, COL_ROLE, COL_STATUS, COL_TASK, STATUS_LABELS, task_id_at,
    TaskFilterProxy, TaskTreeModel, build_tree, expand_all,
)
from .wrap_delegate import fit_rows  # loaded at start anyway (window_features)

AUTO_BACKUP_MS = 30 * 60 * 1000
FREEZE_ABOVE = 1000  # tasks: above this, the loaded objects are spared the garbage collector's full passes (issue 17)
READ_HERE_UP_TO = 1000  # tasks read before the window shows (issue 17, _read_here_first)
# issue 17: the dialogs, the backup and exchange services load when the user first asks for them

SCOPE_CHOICES = [
    (MINE_ANY, "Việc của tôi (mọi vai trò)"),
    (Role.LEAD.value, "Việc của tôi — chủ trì"),
    (Role.IMPLEMENTING.value, "Việc của tôi — thực hiện"),
    (Role.COOPERATING.value, "Việc của tôi — phối hợp"),
    (ALL, "Tất cả nhiệm vụ của kế hoạch"),
]


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, runner: OperationRunner, today: dt.date | None = None):
        super().__init__()
        self.workspace = workspace
        self.runner = runner
        self.today = today or dt.date.today()
        self.filter = TaskFilter()
        self._counts: dict[int, Counts] = {}  # per plan: the status bar adds the plans it shows
        self._refiltering = False  # a filter change or a save lets go of a hidden current row: not the user
        self._restoring = False
        self._backup_warned = False
        self.backup_dialog = None
        self.backup_timer = QTimer(self, interval=AUTO_BACKUP_MS)
        self.backup_timer.timeout.connect(lambda: self.backup_if_changed("tu-dong"))
        self.setWindowTitle("Kế hoạch cải thiện chỉ số PAR INDEX, SIPAS, PAPI")
        self._fit_to_screen()
        self.after_tasks_shown = AfterTasksShown(self)  # issue 17: what waits for the tasks' first paint
        self._build_actions()
        self.about_action = add_about_action(self)  # issue 10: "Trợ giúp" → "Giới thiệu…"
        self._build_central()
        self.model.modelReset.connect(self.after_tasks_shown.tasks_read)
        self._install_window_features()  # issue 16: before the first read, which then fills the plan bar too
        self.after_tasks_shown.then(self._build_detail)
        self.reload()

    # --- construction -------------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """1360×820 when it fits; office screens are often 1366×768."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1360, 820
        if screen is not None and screen.width() > 0:
            width, height = min(width, int(screen.width() * 0.96)), min(height, int(screen.height() * 0.92))
        self.resize(width, height)

    def _build_actions(self) -> None:
        self.import_action = text_action("Nhập phụ lục kế hoạch…", self)
        self.import_action.setShortcuts(QKeySequence.Open)
        self.import_action.triggered.connect(self.choose_and_import)
        self.report_action = text_action("Báo cáo…", self)
        self.report_action.setShortcuts(QKeySequence.Print)
        self.report_action.triggered.connect(self.open_report)
        self.profile_action = text_action("Thông tin đơn vị…", self)
        self.profile_action.triggered.connect(self.edit_profile)
        self.backup_action = text_action("Sao lưu và khôi phục…", self)
        self.backup_action.triggered.connect(self.show_backups)
        quit_action = text_action("Thoát", self)
        quit_action.setShortcuts(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu("&Tệp")
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.report_action)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        unit_menu = self.menuBar().addMenu("Đơn &vị")
        unit_menu.addAction(self.profile_action)
        self._build_consolidation_menu()  # issue 11
        self.toolbar = toolbar = self.addToolBar("Công cụ")
        toolbar.setMovable(False)
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextOnly")  # by its key: no Qt enum (issue 17)
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.report_action)
        toolbar.addAction(self.profile_action)
        self.exchange = ExchangeActions(self)  # the “Trao đổi (USB)” menu: packages and the results workbook
        toolbar.addAction(self.exchange.export_report_action)
        toolbar.addAction(self.exchange.import_action)
        self._add_assessment_action(file_menu, toolbar)  # issue 12
        from .plan_actions import PlanActions  # the “Kế hoạch” menu (issue 13)

        self.plan_actions = PlanActions(self)

    def _build_central(self) -> None:
        self.agency_label = QLabel()
        self.agency_label.setStyleSheet("font-size: 15px; font-weight: 600; padding: 2px 0;")
        self.scope = QComboBox()
        for value, label in SCOPE_CHOICES:
            self.scope.addItem(label, value)
        self.scope.currentIndexChanged.connect(self._filters_changed)
        self.status_filter = QComboBox()
        self.status_filter.addItem("Mọi tình trạng", None)
        for status in Status:
            self.status_filter.addItem(STATUS_LABELS[status], status.value)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.overdue_only = QCheckBox("Chỉ việc quá hạn")
        self.overdue_only.toggled.connect(self._filters_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm nhiệm vụ (gõ không dấu cũng được)…")
        add_clear_button(self.search)  # drawn by us: Qt's own scans the icon theme (issue 17)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._filters_changed)
        self.search.textChanged.connect(lambda *_: self._search_timer.start())

        filters = QHBoxLayout()
        filters.addWidget(self.scope)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.overdue_only)
        filters.addWidget(self.search, 1)

        self.model = TaskTreeModel(self)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        own_viewport(self.tree)  # issue 17: not Qt's, whose first use makes every widget type
        self.proxy.show_in(self.tree)  # issue 17: the filters hide the view's rows
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)  # until the tasks are read: fit_rows decides by their number
        self.tree.setWordWrap(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.after_tasks_shown.then(self._enable_sorting)  # issue 17: Qt's SortOrder after the first paint
        header = self.tree.header()
        header.setSectionResizeMode(COL_TASK, QHeaderView.Stretch)
        header.setStretchLastSection(False)
        self.tree.setIndentation(14)
        for column, width in ((COL_CODE, 92), (COL_ROLE, 82), (COL_DEADLINE, 150), (COL_STATUS, 130)):
            header.resizeSection(column, width)
        self._follow_current_row()
        self.proxy.view_model_changed.connect(self._follow_current_row)  # sorted or back in annex order

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.agency_label)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.tree, 1)
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #607d8b; padding: 8px;")
        left_layout.addWidget(self.empty_hint)

        self.detail = DetailStandIn(self._build_detail)  # issue 17: built once the tasks have painted
        self.right_stack = QStackedWidget()  # “Tổng quan” or the detail pane (window_features)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right_stack)
        splitter.setStretchFactor(0, 3)  # the right side without one: widths as when “Tổng quan” replaced the pane
        splitter.setSizes([800, 520])
        self.setCentralWidget(splitter)
        self.splitters = [splitter]  # what screen_fit remembers (issue 17: not found by findChildren)
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)

    # --- data ---------------------------------------------------------------------------------

    @property
    def _rows(self):
        """Every task the window holds, in annex order (the model's rows)."""
        return self.model.rows

    def reload(self, keep_task: int | None = None) -> None:
        """Re-read the tasks (on a worker thread) and show them with the current filters."""
        profile = self.workspace.profile()
        self.agency_label.setText(profile.name if profile else "Chưa khai báo đơn vị")
        self.assessment_action.setVisible(offers_assessment(profile))  # issue 12
        if keep_task is None and self.detail.task is not None:
            keep_task = self.detail.task.id
        today = self.today
        if self._read_here_first(keep_task):  # issue 17: the first read, before the window shows
            return
        self.runner.run(
            self, "Đang tải danh sách nhiệm vụ…", lambda ctx: _read_tree(ctx.workspace, today),
            lambda tree: self._tree_loaded(tree, keep_task),
            lambda error: QMessageBox.warning(self, "Không đọc được danh sách nhiệm vụ", describe_error(error)),
        )

    def _tree_loaded(self, tree, keep_task: int | None) -> None:
        self._refiltering = True
        try:
            self.model.set_tree(tree)
            fit_rows(self.tree, len(tree.rows))  # issue 17: wrapped rows, or two lines each at scale
            self._plans_reloaded()  # issue 16: the plan selector, banners, overview (and the filter's plan)
            expand_all(self.tree)  # every group, before the filter hides some: each opens when it shows again
            self.proxy.set_filter(self.filter)  # the window's filter, with the plan the selector chose
        finally:
            self._refiltering = False
        self._counts = tree.counts
        if len(tree.rows) > FREEZE_ABOVE:
            at_next_paint(self.tree.viewport(), self._spare_the_collector)  # issue 17: after the tasks' paint
        else:
            gc.unfreeze()  # smaller data now: what an earlier large load froze is collected again
        self._refresh_counts()
        self._refresh_hint()
        if keep_task is not None and self.select_task(keep_task):
            self.detail.show_task(self.workspace.task(keep_task))  # fresh progress and evidence
            return
        self.detail.show_task(None)

    def _refresh_tree(self, keep_task: int | None = None) -> None:
        """The tree re-filtered in place (the plan selector and the overview's links call this)."""
        self._apply_filter()
        if keep_task is not None and self.select_task(keep_task):
            self.detail.show_task(self.workspace.task(keep_task))

    def _apply_filter(self) -> None:
        """Re-filter the tree in place; the task being edited stays selected when it still shows."""
        current = self.detail.task.id if self.detail.task else None
        self._refiltering = True
        try:
            self.proxy.set_filter(self.filter)  # the rows that change hide or show; closed groups stay closed
            self._leave_hidden_row()
        finally:
            self._refiltering = False
        self._refresh_hint()
        if current is not None and not self.select_task(current):
            self.detail.show_task(None)

    def _refresh_hint(self) -> None:
        shown = self.proxy.visible_count()
        if not self._rows:
            self.empty_hint.setText("Chưa có kế hoạch nào. Chọn “Nhập phụ lục kế hoạch…” để nạp tệp Excel phụ lục.")
        elif not shown:
            self.empty_hint.setText("Không có nhiệm vụ nào khớp bộ lọc hoặc từ khóa tìm kiếm.")
        else:
            conditional = " Dấu * ở cột Vai trò: được giao có điều kiện (ví dụ “… có liên quan”)." if (
                self.proxy.any_visible_conditional()) else ""
            self.empty_hint.setText(f"Đang hiện {shown} nhiệm vụ. Nền đỏ: quá hạn; nền vàng: sắp đến hạn.{conditional}")

    def _refresh_counts(self) -> None:
        chosen = [counts for plan_id, counts in self._counts.items() if self.current_plan_id in (None, plan_id)]
        counts = functools.reduce(_add_counts, chosen, NO_COUNTS)  # issue 16: the plan chosen, or every plan
        self.counts_label.setText(
            f"Việc của tôi: {counts.mine}   ·   Hoàn thành: {counts.done}   ·   "
            f"Quá hạn: {counts.overdue}   ·   Sắp đến hạn: {counts.due_soon}   ·   Tổng nhiệm vụ: {counts.total}"
        )

    def select_task(self, task_id: int) -> bool:
        source = self.model.index_of_task(task_id)
        if source is None or not self.proxy.is_visible(task_id):
            return False
        index = self.proxy.view_index(source)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def visible_task_ids(self) -> list[int]:
        return self.proxy.visible_task_ids()

    # --- reactions ----------------------------------------------------------------------------

    def _filters_changed(self, *_) -> None:
        if not self.detail.save_if_dirty():
            return
        status = self.status_filter.currentData()
        self.filter = TaskFilter(
            scope=self.scope.currentData(), status=Status(status) if status else None,
            overdue_only=self.overdue_only.isChecked(), query=self.search.text(),
            plan_id=self.current_plan_id,  # issue 16: the plan selector
        )
        self._apply_filter()

    def _follow_current_row(self) -> None:
        """The detail pane follows the view's current row (of a new selection model after a sort)."""
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)

    def _current_changed(self, current, previous) -> None:
        if self._refiltering:
            return
        task_id = task_id_at(current)
        if self.detail.task is not None and self.detail.task.id == task_id:
            return
        if not self.detail.save_if_dirty():
            previous_id = self.detail.task.id if self.detail.task else None
            if previous_id is not None:
                QTimer.singleShot(0, lambda: self.select_task(previous_id))
            return
        self.detail.show_task(self.workspace.task(task_id) if task_id else None)

    def _task_saved(self, task_id: int) -> None:
        """One task changed: its row (and the counts) change in place; the selection stays where
        the user put it (a save that finishes after they clicked another task does not pull it back)."""
        row = self.workspace.task(task_id)
        old = self.model.task(task_id)
        if old is None or (old.plan_id, old.index_name, old.area_title, old.code, old.criterion) != (
                row.plan_id, row.index_name, row.area_title, row.code, row.criterion):
            self.reload()  # a task the tree does not hold, or moved to another group
            return
        editing = self.detail.task is not None and self.detail.task.id == task_id
        self._refiltering = True
        try:
            self.proxy.update_task(row)
            self._leave_hidden_row()
        finally:
            self._refiltering = False
        self._counts[row.plan_id] = _add_counts(self._counts.get(row.plan_id, NO_COUNTS),
                                                count_tasks([row], self.today), count_tasks([old], self.today))
        self._refresh_counts()
        self._refresh_hint()
        if editing and not self.detail.dirty:  # never moves the selection: the user may have clicked on
            if not self.proxy.is_visible(task_id):
                self.detail.show_task(None)  # the filters no longer show it
            elif task_id_at(self.tree.currentIndex()) == task_id:
                self.detail.show_task(row)  # fresh progress and evidence
        self.statusBar().showMessage("Đã lưu.", 4000)

    # --- actions ------------------------------------------------------------------------------

    def edit_profile(self) -> None:
        from ..consolidation import roster  # issue 11: the consolidating role beside the profile
        from .profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.workspace.profile(), self, consolidates=roster.get_consolidates(self.workspace))
        if dialog.exec() != ProfileDialog.Accepted:
            return
        profile, consolidates = dialog.profile(), dialog.consolidates()

        def save(ctx):
            saved = ctx.workspace.save_profile(profile)
            roster.set_consolidates(ctx.workspace, consolidates)
            return saved

        self.runner.run(
            self, "Đang lưu…", save,
            lambda _: self.reload(),
            lambda error: QMessageBox.warning(self, "Không lưu được", describe_error(error)),
        )

    def open_report(self) -> None:
        if not self.detail.save_if_dirty():
            return
        from .report_dialog import ReportDialog

        dialog = ReportDialog(self.workspace, self.runner, self, today=self.today, plan_id=self.current_plan_id)
        self.plan_actions.point_at_due(dialog)  # opens on the report due next (issue 13)
        dialog.exec()
        self.plan_actions.refresh_reminder()

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Chọn tệp phụ lục kế hoạch", str(Path.home()), "Phụ lục Excel hoặc Word (*.xlsx *.xlsm *.docx);;Mọi tệp (*)"
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, *, confirm: bool = True) -> None:
        """Preview the annex (off the GUI thread), then import it after the user agrees."""
        from ..exchange.service import is_exchange_file
        from .import_dialog import ImportPreviewDialog

        if is_exchange_file(path):  # a package or the program's results workbook, not an annex
            self.exchange.import_package(path, confirm=confirm)
            return
        if not self.detail.save_if_dirty():
            return

        def previewed(summary) -> None:
            columns = None
            if confirm:
                dialog = ImportPreviewDialog(summary, self, repreview=lambda chosen: repreview(dialog, chosen))
                if dialog.exec() != ImportPreviewDialog.Accepted:
                    return
                columns = dialog.columns  # the columns the user reassigned, if any (issue 14)
            self.runner.run(
                self, f"Đang nhập {path.name}…",
                lambda ctx: ctx.workspace.import_annex(path, progress=ctx.report, columns=columns),
                imported, failed,
            )

        def repreview(dialog, chosen) -> None:  # the file read again with the user's columns
            self.runner.run(self, f"Đang đọc lại {path.name}…",
                            lambda ctx: ctx.workspace.preview_import(path, columns=chosen),
                            dialog.show_summary, lambda error: shown_again(dialog, error))

        def shown_again(dialog, error) -> None:
            if getattr(error, "summary", None) is not None:
                dialog.show_summary(error.summary)
            else:
                QMessageBox.warning(dialog, "Không đọc được phụ lục", describe_error(error))

        def imported(summary) -> None:
            self.reload()
            c = summary.changes
            # Short: the counts on the right of the status bar would hide a long message.
            parts = [f"thêm {c['added']}"] + [f"{label} {c[key]}" for key, label in
                                               (("updated", "cập nhật"), ("removed", "bỏ khỏi kế hoạch")) if c[key]]
            self.statusBar().showMessage(f"Đã nhập phụ lục: {', '.join(parts)} nhiệm vụ.", 10000)
            if confirm:
                self.plan_actions.after_import(summary)  # number, date, issuer or title missing (issue 13)

        def failed(error) -> None:
            QMessageBox.warning(self, "Không nhập được phụ lục", describe_error(error))

        def preview_failed(error) -> None:
            if confirm and getattr(error, "summary", None) is not None:
                previewed(error.summary)  # no header recognised: the user maps the columns
            else:
                failed(error)

        self.runner.run(self, f"Đang đọc {path.name}…", lambda ctx: ctx.workspace.preview_import(path, progress=ctx.report),
                        previewed, preview_failed)  # cancellable (issue 15)

    # --- backups ------------------------------------------------------------------------------

    def start_automatic_backups(self) -> None:
        """A backup now when the data changed since the last one, then every 30 minutes."""
        self.backup_if_changed("khoi-dong")
        self.backup_timer.start()

    def backup_if_changed(self, reason: str = "tu-dong") -> None:
        if self._restoring:
            return

        def done(info) -> None:
            if info is not None:
                self.statusBar().showMessage(f"Đã tự động sao lưu dữ liệu lúc {info.created_at:%H:%M}.", 6000)

        def failed(error) -> None:
            self.statusBar().showMessage("Không tự sao lưu được dữ liệu.", 10000)
            if not self._backup_warned:  # once a session: the next attempt comes in 30 minutes
                self._backup_warned = True
                QMessageBox.warning(self, "Không tự sao lưu được", describe_error(error))

        self.runner.run(self, "Đang sao lưu…", lambda ctx: ctx.workspace.backup_if_changed(reason), done, failed)

    def show_backups(self) -> None:
        from .backup_dialog import BackupDialog

        # Bound methods, not lambdas holding the dialog: no reference cycle through its signals.
        self.backup_dialog = BackupDialog(self.workspace.backups.folder, self)
        self.backup_dialog.backup_requested.connect(self._backup_from_dialog)
        self.backup_dialog.restore_requested.connect(self._restore_from_dialog)
        self._refresh_backup_dialog()
        self.backup_dialog.exec()
        self.backup_dialog.deleteLater()
        self.backup_dialog = None

    def _refresh_backup_dialog(self, *_) -> None:
        if self.backup_dialog is not None:
            self.backup_dialog.set_backups(self.workspace.backups.list())

    def _backup_from_dialog(self) -> None:
        self.backup_now(self._refresh_backup_dialog)

    def _restore_from_dialog(self, info) -> None:
        self.restore_backup(info, self._refresh_backup_dialog)

    def backup_now(self, then=lambda info: None) -> None:
        from .backup_dialog import counts_text

        def done(info) -> None:
            self.statusBar().showMessage(f"Đã sao lưu: {counts_text(info)}.", 8000)
            then(info)

        self.runner.run(
            self, "Đang sao lưu…", lambda ctx: ctx.workspace.backup("thu-cong"), done,
            lambda error: QMessageBox.warning(self, "Không sao lưu được", describe_error(error)),
        )

    def restore_backup(self, info, then=lambda result: None, *, confirm: bool = True) -> None:
        """Put a backup in place of the data; the current data are backed up first."""
        from ..backup import BackupManager
        from .backup_dialog import counts_text

        if confirm and QMessageBox.question(
            self, "Khôi phục bản sao lưu",
            f"Khôi phục bản sao lưu lúc {info.when} ({counts_text(info)})?\n\n"
            "Dữ liệu hiện tại sẽ được sao lưu trước khi thay, nên vẫn có thể quay lại.",
        ) != QMessageBox.Yes:
            return
        if not self.detail.save_if_dirty():
            return
        self.runner.wait()
        self._restoring = True
        self.workspace.close()  # the restore needs every connection closed
        data_dir, path = self.workspace.data_dir, info.path

        def reopen() -> None:
            self._restoring = False
            self.workspace = Workspace(data_dir)
            self.detail.workspace = self.workspace
            self.reload()

        def restored(result) -> None:
            reopen()
            self.statusBar().showMessage(f"Đã khôi phục bản sao lưu lúc {result.restored.when}.", 15000)
            if result.missing_evidence:
                QMessageBox.warning(
                    self, "Thiếu tệp tài liệu kiểm chứng",
                    f"Bản sao lưu cần {len(result.missing_evidence)} tệp tài liệu kiểm chứng không còn trong "
                    "thư mục dữ liệu; các tài liệu đó được đánh dấu “Tệp bị thiếu”.")
            then(result)

        def failed(error) -> None:
            reopen()
            QMessageBox.warning(self, "Không khôi phục được", describe_error(error))
            then(None)

        self.runner.run(
            self, "Đang khôi phục dữ liệu…",
            lambda ctx: BackupManager(data_dir).restore(path, progress=ctx.report),
            restored, failed, open_workspace=False,
        )

    def closeEvent(self, event) -> None:
        if not self.detail.save_if_dirty():
            event.ignore()
            return
        self.backup_timer.stop()
        self.runner.wait()
        event.accept()

    # --- window features (issue 16) -------------------------------------------------------------

    current_plan_id: int | None = None  # the plan chosen in the plan selector; None: every plan
    plan_bar = None

    def _plans_reloaded(self) -> None:
        if self.plan_bar is not None:
            self.plan_bar.refresh()
            self.filter.plan_id = self.current_plan_id

    def _install_window_features(self) -> None:
        from . import window_features

        window_features.install(self)
    # --- consolidation (issue 11) ---

    def _build_consolidation_menu(self) -> None:
        self.consolidation_action = text_action("Bảng tổng hợp các đơn vị…", self)
        self.consolidation_action.triggered.connect(self.open_consolidation)
        menu = self.menuBar().addMenu("Tổng &hợp")
        menu.addAction(self.consolidation_action)

    def open_consolidation(self):
        from .consolidation_window import ConsolidationWindow

        self.consolidation_window = ConsolidationWindow(self.workspace, self.runner, self, today=self.today)
        self.consolidation_window.show()
        return self.consolidation_window
    # --- self-assessment (issue 12) ---

    def _add_assessment_action(self, menu, toolbar) -> None:
        self.assessment_action = text_action("Tự đánh giá, chấm điểm…", self)
        self.assessment_action.triggered.connect(self.open_assessment)
        menu.insertAction(self.backup_action, self.assessment_action)
        toolbar.addAction(self.assessment_action)

    def open_assessment(self):
        if not self.detail.save_if_dirty():
            return None
        from .assessment_view import AssessmentView

        view = AssessmentView(self.workspace, self.runner, self, plan_id=self.current_plan_id)
        view.show()
        return view

    # --- start-up (issue 17) ---

    def _build_detail(self):
        """The detail pane, built at its first use (window.detail is a DetailStandIn until then)."""
        if not isinstance(self.detail, DetailStandIn):
            return self.detail
        from . import window_features
        from .detail_pane import DetailPane

        self.detail = detail = DetailPane(self.workspace, self.runner)
        detail.saved.connect(self._task_saved)
        window_features.attach_detail(self, detail)
        return detail

    _first_read_done = False

    def _read_here_first(self, keep_task: int | None) -> bool:
        """The first read of the tasks, made here when the plans are small (up to READ_HERE_UP_TO
        tasks: 10-50 ms), before the window shows: its first paint shows the tasks, with no second
        connection, worker thread or second paint. Larger data are read on the worker thread
        after the window shows (what waits for their paint waits for either, start_order)."""
        if self._first_read_done or self.runner.synchronous:
            return False
        self._first_read_done = True
        try:
            if self.workspace.task_count() > READ_HERE_UP_TO:
                return False
            tree = _read_tree(self.workspace, self.today, fold=False)  # folded once the tasks have painted
        except Exception:  # said as it always is: by the worker's read, after the window shows
            return False
        self.after_tasks_shown.paint_first = True
        self.after_tasks_shown.then(self.model.fold_texts)  # the search texts (a search before folds them itself)
        self._tree_loaded(tree, keep_task)
        return True

    def _enable_sorting(self) -> None:
        """Header clicks sort the tree (Vietnamese collation); the annex's order until then.
        The indicator goes off first: enabling sorts by it, and Qt's default is column 0."""
        from PySide6.QtCore import Qt

        self.tree.header().setSortIndicator(-1, Qt.AscendingOrder)
        self.tree.setSortingEnabled(True)  # sorts by (-1, ascending): the proxy already is, nothing moves

    # --- tree speed (issue 17) ---

    def _spare_the_collector(self) -> None:
        """The objects alive once a large plan is shown (the tasks' rows: ~150,000 at 20,000 tasks)
        kept out of Python's full garbage collections, which otherwise walk them all (75-200 ms) at
        whatever keystroke happens to allocate the object that sets one off. Collected once first,
        what an earlier load kept there included, so that nothing that is garbage stays frozen."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def _leave_hidden_row(self) -> None:
        """The current row went out of sight with a filter change or a save: no current row then
        (the arrow keys start again from the top, not from a row the user cannot see)."""
        index = self.tree.currentIndex()
        while index.isValid():
            if self.tree.isRowHidden(index.row(), index.parent()):
                self.tree.setCurrentIndex(QModelIndex())
                return
            index = index.parent()


def offers_assessment(profile) -> bool:
    """A commune does not self-assess the province's index: the screen is not offered to it."""
    from ..model import AgencyKind

    return profile is not None and profile.kind != AgencyKind.XA

NO_COUNTS = Counts(0, 0, 0, 0, 0)


def _add_counts(counts: Counts, plus: Counts, minus: Counts = NO_COUNTS) -> Counts:
    """counts + plus − minus: a save moves one task's contribution, nothing is recounted."""
    return Counts(*(a + b - c for a, b, c in zip(dataclasses.astuple(counts), dataclasses.astuple(plus),
                                                    dataclasses.astuple(minus))))


# --- tree speed (issue 17) ---

def _read_tree(workspace, today, fold: bool = True):
    """The tasks read and the tree built, a past year's plans drawn calm: on the worker thread, or
    before the window shows for a plan of up to READ_HERE_UP_TO tasks (_read_here_first)."""
    from ..plans import is_finished

    finished = {plan["id"] for plan in workspace.plans() if is_finished(plan, today)}  # the plan bar's rule
    with collector.paused():  # 20,000 tasks: 3.7 s → 2.1 s (_spare_the_collector, after)
        tree = build_tree(workspace.tasks(), today, finished, fold=fold)
        tree.counts = counts_by_plan(tree.rows, tree.prefixes)  # from the filter keys: each task is not asked again
    return tree
