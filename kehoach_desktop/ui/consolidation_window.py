"""The consolidator's window (issue 11): the register of reports per period, the matrix of
tasks × agencies, one agency's task, the lists to act on, and receiving packages."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QPushButton, QSpinBox,
    QTableView, QTableWidget, QTableWidgetItem, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..consolidation import overview as views
from ..consolidation import receive as receiving
from ..exchange.content import PERIOD_LABELS, period_label
from ..report.periods import ReportPeriod
from ..text import format_date, format_datetime, upper_first
from .consolidation_models import AGENCY_ID_ROLE, TASK_ID_ROLE, MatrixModel, RegisterModel, TaskSearchProxy
from .operations import Cancelled, describe_error

FILTERS = [(None, "Mọi đơn vị"), (views.MISSING, "Chưa nộp"), (views.LATE, "Nộp muộn"),
           (views.SUBMITTED, "Đã nộp đúng hạn")]
PERIODS = ("q1", "h1", "q3", "year")
RELOAD_AFTER_MS = 350  # the period and year controls: one read when the user stops changing them


OVERDUE_ROLE = Qt.UserRole + 20  # an agency's place in the list of overdue tasks by agency
FIT_ROWS = 100  # rows a column's width is fitted to (besides those in view)


class ConsolidationWindow(QMainWindow):
    def __init__(self, workspace, runner, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.workspace, self.runner = workspace, runner
        self.today = today or dt.date.today()
        self.snapshot: views.Snapshot | None = None
        self._register: list[dict] = []  # the snapshot's register, every state
        self._lists: dict = {}  # what the areas and actions tabs show, computed with the snapshot
        self.setWindowTitle("Tổng hợp báo cáo của các đơn vị")
        self.resize(1340, 800)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_AFTER_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._build()
        self.reload()

    # --- construction ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.period = QComboBox()
        for code in PERIODS:
            self.period.addItem(upper_first(PERIOD_LABELS[code]), code)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.period.currentIndexChanged.connect(lambda *_: self._reload_timer.start())
        self.year.valueChanged.connect(lambda *_: self._reload_timer.start())
        self.year.setKeyboardTracking(False)  # typing "2025" asks for one year, not 2, 20, 202
        self.receive_files_button = QPushButton("Nhận gói báo cáo…")
        self.receive_files_button.clicked.connect(self.choose_files)
        self.receive_folder_button = QPushButton("Nhận cả thư mục, USB…")
        self.receive_folder_button.clicked.connect(self.choose_folder)
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # on a 1024-pixel screen it takes two lines, never cut
        top = QHBoxLayout()
        for widget in (QLabel("Kỳ báo cáo:"), self.period, QLabel("Năm:"), self.year):
            top.addWidget(widget)
        top.addWidget(self.summary, 1)
        top.addWidget(self.receive_files_button)
        top.addWidget(self.receive_folder_button)
        self.roster_button = QPushButton("Nhập danh sách đơn vị…")
        self.roster_button.clicked.connect(self.choose_roster)
        self.report_button = QPushButton("Báo cáo tổng hợp…")
        self.report_button.clicked.connect(self.choose_report)
        self.matrix_button = QPushButton("Xuất ma trận Excel…")
        self.matrix_button.clicked.connect(self.choose_matrix)
        self.send_button = QPushButton("Ghi gói nhiệm vụ cho các đơn vị…")
        self.send_button.clicked.connect(self.choose_send_folder)
        outputs = QHBoxLayout()
        for button in (self.roster_button, self.report_button, self.matrix_button, self.send_button):
            outputs.addWidget(button)
        outputs.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._register_tab(), "Sổ nhận báo cáo")
        self.tabs.addTab(self._matrix_tab(), "Nhiệm vụ × đơn vị")
        self.tabs.addTab(self._areas_tab(), "Theo chỉ số, lĩnh vực")
        self.tabs.addTab(self._actions_tab(), "Việc cần đôn đốc")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addLayout(outputs)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _register_tab(self) -> QWidget:
        self.state_filter = QComboBox()
        for value, label in FILTERS:
            self.state_filter.addItem(label, value)
        self.state_filter.currentIndexChanged.connect(lambda *_: self._fill_register())
        self.register_model = RegisterModel(self)
        self.register_view = QTableView()
        self.register_view.setModel(self.register_model)
        self.register_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.register_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.register_view.horizontalHeader().setStretchLastSection(True)
        # its columns fitted to the first rows and those in view, not to all of a province's
        # (1,000 agencies × 16 columns: 1.3 s on the GUI thread)
        self.register_view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.register_view.verticalHeader().setVisible(False)
        self.register_view.doubleClicked.connect(self._show_agency_in_matrix)
        box = QWidget()
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel("Lọc:"))
        row.addWidget(self.state_filter)
        row.addStretch(1)
        row.addWidget(QLabel("Nhấp đúp một đơn vị để xem các nhiệm vụ của đơn vị đó."))
        layout.addLayout(row)
        layout.addWidget(self.register_view, 1)
        return box

    def _matrix_tab(self) -> QWidget:
        self.matrix_model = MatrixModel(self)
        self.matrix_proxy = TaskSearchProxy(self)
        self.matrix_proxy.setSourceModel(self.matrix_model)
        self.matrix_view = QTableView()
        self.matrix_view.setModel(self.matrix_proxy)
        self.matrix_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.matrix_view.setWordWrap(False)
        header = self.matrix_view.horizontalHeader()
        header.setDefaultSectionSize(96)
        header.setTextElideMode(Qt.ElideRight)
        header.setMinimumSectionSize(40)
        self.matrix_view.verticalHeader().setDefaultSectionSize(24)
        self.matrix_view.verticalHeader().setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.matrix_view.doubleClicked.connect(self._open_cell)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm nhiệm vụ (gõ không dấu cũng được)…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.matrix_proxy.set_needle)
        self.grouped = QCheckBox("Gộp đơn vị theo loại")
        self.grouped.toggled.connect(lambda on: self._fill_matrix(on))
        box = QWidget()
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.grouped)
        layout.addLayout(row)
        layout.addWidget(self.matrix_view, 1)
        layout.addWidget(QLabel("Nhấp đúp một ô để xem kết quả, tài liệu kiểm chứng, khó khăn và đề xuất của đơn vị."))
        return box

    def _areas_tab(self) -> QWidget:
        self.areas_tree = QTreeWidget()
        self.areas_tree.setHeaderLabels(["Chỉ số, lĩnh vực", "Nhiệm vụ", "Lượt giao", "Hoàn thành", "Quá hạn"])
        _name_column_stretches(self.areas_tree)
        return self.areas_tree

    def _fill_areas(self) -> None:
        self.areas_tree.clear()
        for index in self._lists["areas"]:
            top = QTreeWidgetItem([f"Chỉ số {index['index']}", *(str(index[k]) for k in ("tasks", "assigned"))])
            top.setText(3, f"{index['done']} ({_percent(index['done'], index['assigned'])})")
            top.setText(4, str(index["overdue"]))
            for area in index["areas"]:
                child = QTreeWidgetItem([area["area"], str(area["tasks"]), str(area["assigned"]),
                                         f"{area['done']} ({_percent(area['done'], area['assigned'])})",
                                         str(area["overdue"])])
                top.addChild(child)
            self.areas_tree.addTopLevelItem(top)
            top.setExpanded(True)

    def _actions_tab(self) -> QWidget:
        self.actions_tree = QTreeWidget()
        self.actions_tree.setHeaderLabels(["Việc cần đôn đốc", "Chi tiết"])
        self.actions_tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.actions_tree.itemDoubleClicked.connect(self._open_action)
        self.actions_tree.itemExpanded.connect(self._fill_overdue_tasks)
        return self.actions_tree

    # --- data -------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the period's data off the GUI thread (delayed progress, cancellable), then show it."""
        self._reload_timer.stop()
        period = None
        if self.snapshot is not None:
            period = ReportPeriod.of(self.period.currentData(), self.year.value())
        today = self.today

        def read(ctx):
            ctx.report(0, 0, "Đang đọc dữ liệu của các đơn vị…")
            snapshot = views.load(ctx.workspace, period, today)
            ctx.report(0, 0, "Đang tính số liệu tổng hợp…")
            lists = {"areas": views.area_counts(snapshot), "actions": views.action_lists(snapshot)}
            ctx.report(0, 0)
            return snapshot, lists

        def loaded(result) -> None:
            self._show(*result)

        def failed(error: BaseException) -> None:
            if not isinstance(error, Cancelled):  # cancelled: the data shown stays
                QMessageBox.warning(self, "Không mở được bảng tổng hợp", describe_error(error))

        self.runner.run(self, "Đang mở bảng tổng hợp…", read, loaded, failed,
                        latest=self)  # an older read that ends later is dropped

    def _show(self, snapshot: views.Snapshot, lists: dict) -> None:
        self.snapshot, self._lists = snapshot, lists
        for widget, value in ((self.period, self.period.findData(self.snapshot.period.kind)),
                              (self.year, self.snapshot.period.year)):
            widget.blockSignals(True)
            widget.setCurrentIndex(value) if widget is self.period else widget.setValue(value)
            widget.blockSignals(False)
        snap = self.snapshot
        self._register = views.register(snap)  # once a snapshot: the state filter picks from it
        sent = sum(row["state"] in (views.SUBMITTED, views.LATE) for row in self._register)
        self.summary.setText(
            f"{len(snap.agencies)} đơn vị, {len(snap.tasks)} nhiệm vụ; đã nộp {sent}, "
            f"hạn nộp {format_date(views.due_date(snap.period))}")
        self._fill_register()
        self.grouped.blockSignals(True)
        self.grouped.setChecked(len(snap.agencies) > 100)
        self.grouped.blockSignals(False)
        self._fill_matrix(self.grouped.isChecked())
        self._fill_areas()
        self._fill_actions()

    def _fill_register(self) -> None:
        if self.snapshot is not None:
            self.register_model.set_rows(self.snapshot, views.in_state(self._register, self.state_filter.currentData()))
            for col in range(1, self.register_model.columnCount()):
                self.register_view.resizeColumnToContents(col)
            self.register_view.resizeColumnToContents(0)
            self.register_view.setColumnWidth(0, min(self.register_view.columnWidth(0), 250))
            self.register_view.setColumnHidden(RegisterModel.CODE_COLUMN,  # an empty column takes room
                                               not any(agency["code"] for agency in self.snapshot.agencies))

    def _fill_matrix(self, grouped: bool) -> None:
        if self.snapshot is None:
            return
        self.matrix_model.set_snapshot(self.snapshot, grouped)
        self._fit_task_column()
        self.matrix_view.setColumnWidth(1, 130)

    def _fit_task_column(self) -> None:
        self.matrix_view.setColumnWidth(0, max(260, min(420, self.width() // 3)))  # room for the agencies at 1024

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_task_column()

    def _fill_actions(self) -> None:
        self.actions_tree.clear()
        lists = self._lists["actions"]
        overdue = QTreeWidgetItem([f"Nhiệm vụ quá hạn theo đơn vị ({len(lists['overdue'])} đơn vị)", ""])
        for position, item in enumerate(lists["overdue"]):
            agency = QTreeWidgetItem([item["agency"], f"{len(item['tasks'])} nhiệm vụ"])
            agency.setData(0, OVERDUE_ROLE, position)  # its tasks are put under it when it is opened
            agency.setChildIndicatorPolicy(QTreeWidgetItem.ShowIndicator)
            overdue.addChild(agency)
        silent = QTreeWidgetItem([f"Đơn vị chưa gửi báo cáo nào ({len(lists['not_reported'])})", ""])
        for name in lists["not_reported"]:
            silent.addChild(QTreeWidgetItem([name, ""]))
        untouched = QTreeWidgetItem([f"Nhiệm vụ chưa đơn vị nào bắt đầu ({len(lists['not_started'])})", ""])
        for task in lists["not_started"]:
            untouched.addChild(QTreeWidgetItem([f"{task['code']} {task['content'][:110]}".strip(),
                                                f"{task['agencies']} đơn vị được giao"]))
        for item in (overdue, silent, untouched):
            self.actions_tree.addTopLevelItem(item)
            item.setExpanded(True)

    def _fill_overdue_tasks(self, agency: QTreeWidgetItem) -> None:
        """An agency's overdue tasks, made when its line is first opened: a province's list holds
        up to 3·10⁵ of them (all made at once: 3.4 s on the GUI thread)."""
        position = agency.data(0, OVERDUE_ROLE)
        if position is None or agency.childCount():
            return
        item = self._lists["actions"]["overdue"][position]
        children = []
        for task in item["tasks"]:
            child = QTreeWidgetItem([f"{task['code']} {task['content'][:110]}".strip(),
                                     f"quá hạn {task['days']} ngày (hạn {format_date(task['due_date'])})"])
            child.setData(0, AGENCY_ID_ROLE, item["agency_id"])
            child.setData(0, TASK_ID_ROLE, task["task_id"])
            children.append(child)
        agency.addChildren(children)

    # --- navigation ---------------------------------------------------------------------------------

    def _show_agency_in_matrix(self, index) -> None:
        agency_id = self.register_model.data(index, AGENCY_ID_ROLE)
        if self.grouped.isChecked():
            self.grouped.setChecked(False)
        for col, column in enumerate(self.matrix_model.columns, start=MatrixModel.FIXED):
            if column.get("agency", {}).get("id") == agency_id:
                self.tabs.setCurrentIndex(1)
                self.matrix_view.selectColumn(col)
                self.matrix_view.scrollTo(self.matrix_proxy.index(0, col))
                return

    def _open_cell(self, index) -> None:
        source = self.matrix_proxy.mapToSource(index)
        agency_id = self.matrix_model.data(source, AGENCY_ID_ROLE)
        if agency_id is None or self.matrix_model.data(source) is None:
            return
        self.open_agency_task(agency_id, self.matrix_model.data(source, TASK_ID_ROLE))

    def _open_action(self, item, _column) -> None:
        agency_id = item.data(0, AGENCY_ID_ROLE)
        if agency_id is not None:
            self.open_agency_task(agency_id, item.data(0, TASK_ID_ROLE))

    def open_agency_task(self, agency_id: int, task_id: int) -> "AgencyTaskDialog":
        task = next(t for t in self.snapshot.tasks if t.id == task_id)
        dialog = AgencyTaskDialog(self.workspace, views.agency_task(self.workspace, agency_id, task_id), task, self)
        dialog.show()
        self.last_detail = dialog
        return dialog

    # --- receiving ----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Chọn các gói báo cáo của đơn vị", "",
                                                "Gói báo cáo (*.khbc);;Mọi tệp (*)")
        if files:
            self.receive([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục hoặc USB có các gói báo cáo")
        if folder:
            self.receive([Path(folder)])

    def receive(self, paths: list[Path]) -> None:
        """Preview every package (nothing written), then receive them if the user agrees."""
        def preview(ctx):
            return receiving.receive(ctx.workspace, paths, dry_run=True, progress=ctx.report)

        def apply(ctx):
            ctx.workspace.backup_before("nhan-goi")
            return receiving.receive(ctx.workspace, paths, progress=ctx.report)

        def done(result: receiving.ReceiveResult) -> None:
            self.reload()
            QMessageBox.information(self, "Đã nhận gói", _summary(result))

        def previewed(result: receiving.ReceiveResult) -> None:
            self.receive_dialog = ReceiveDialog(result, self)
            if self.receive_dialog.exec() == QDialog.Accepted:
                self.runner.run(self, "Đang nhận gói…", apply, done, self._failed)

        self.runner.run(self, "Đang kiểm tra các gói…", preview, previewed, self._failed)

    # --- outputs: the roster, the consolidated report, the matrix, the task packages ------------------

    def choose_roster(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Chọn tệp Excel danh sách đơn vị", "", "Excel (*.xlsx)")
        if path:
            self.import_roster(Path(path))

    def import_roster(self, path: Path) -> None:
        from ..consolidation.roster import import_roster

        def done(change) -> None:
            self.reload()
            questions = "".join(f"\n• Cần xác nhận: {q}." for q in change.questions[:10])
            QMessageBox.information(self, "Đã nhập danh sách đơn vị",
                                    f"Thêm {len(change.added)} đơn vị, cập nhật {len(change.updated)}, giữ nguyên "
                                    f"{change.unchanged}.{questions}")
        self.runner.run(self, "Đang nhập danh sách đơn vị…", lambda ctx: import_roster(ctx.workspace, path), done,
                        self._failed)

    def choose_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Lưu báo cáo tổng hợp", "bao-cao-tong-hop.pdf",
                                              "PDF (*.pdf);;Word (*.docx)")
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        from ..consolidation.report import write_consolidated

        period = self.snapshot.period
        self.runner.run(self, "Đang lập báo cáo tổng hợp…",
                        lambda ctx: write_consolidated(ctx.workspace, path, period, progress=ctx.report),
                        lambda written: QMessageBox.information(self, "Đã lập báo cáo", f"Đã lưu “{written}”."),
                        self._failed)

    def choose_matrix(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Lưu ma trận nhiệm vụ × đơn vị", "ma-tran-tong-hop.xlsx",
                                              "Excel (*.xlsx)")
        if path:
            from ..consolidation.outputs import write_matrix

            snapshot = self.snapshot
            self.runner.run(self, "Đang ghi tệp Excel…", lambda ctx: write_matrix(ctx.workspace, path, snapshot),
                            lambda written: QMessageBox.information(self, "Đã ghi", f"Đã lưu “{written}”."),
                            self._failed)

    def choose_send_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục hoặc USB để ghi các gói nhiệm vụ")
        if folder:
            self.send_tasks(Path(folder))

    def send_tasks(self, folder: Path) -> None:
        from ..consolidation.outputs import write_task_packages

        def done(sent) -> None:
            QMessageBox.information(self, "Đã ghi các gói nhiệm vụ",
                                    f"Đã ghi {len(sent.written)} gói nhiệm vụ vào “{folder}”"
                                    + (f"; bỏ qua {len(sent.skipped)} đơn vị không được giao nhiệm vụ." if sent.skipped
                                       else "."))
        self.runner.run(self, "Đang ghi các gói nhiệm vụ…",
                        lambda ctx: write_task_packages(ctx.workspace, folder, progress=ctx.report), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, "Không nhận được gói", describe_error(error))


def _name_column_stretches(tree: QTreeWidget) -> None:
    """The first column takes the room left by the figures (the last one no longer does: the
    names of areas were cut while half the window stood empty)."""
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    for column in range(1, tree.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeToContents)


def _percent(part: int, whole: int) -> str:
    from ..report.wording import percent

    return percent(part, whole)


def _summary(result: receiving.ReceiveResult) -> str:
    return (f"Nhận {result.count(receiving.RECEIVED)} gói; không thay đổi {result.count(receiving.UNCHANGED)}; "
            f"từ chối {result.count(receiving.REFUSED)}; cần xác nhận {result.count(receiving.QUESTION)}.")


class ReceiveDialog(QDialog):
    """One preview listing every package: its agency, period, creation time and what it changes."""

    HEADERS = ["Tệp", "Đơn vị", "Kỳ", "Tạo lúc", "Kết quả", "Thay đổi / lý do"]

    def __init__(self, result: receiving.ReceiveResult, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Xem trước các gói báo cáo")
        self.resize(1100, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_summary(result).replace("Nhận", "Sẽ nhận", 1) + " Chưa ghi gì vào dữ liệu."))
        self.table = QTableWidget(len(result.packages), len(self.HEADERS))
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        for row, item in enumerate(result.packages):
            detail = item.message if item.status in (receiving.REFUSED, receiving.QUESTION) else \
                item.describe().split(": ", 1)[-1]
            values = [item.file, item.agency or "", period_label(item.period),
                      format_datetime(item.created_at) if item.created_at else "",
                      receiving.STATUS_LABELS[item.status], detail]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(5, 420)
        self.table.setWordWrap(True)  # what a package changes, or why it is refused, read in full
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton("Nhận các gói hợp lệ", QDialogButtonBox.AcceptRole)
        self.accept_button.setEnabled(result.count(receiving.RECEIVED) > 0)
        buttons.addButton("Hủy", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.table.resizeRowsToContents()  # once the last column has its stretched width


class AgencyTaskDialog(QDialog):
    """One agency's task: result, percent, evidence (files open), difficulties and proposals."""

    def __init__(self, workspace, detail: dict, task, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(f"{detail['agency']['name']} — nhiệm vụ {task.code}".strip(" —"))
        self.resize(760, 520)
        form = QFormLayout(self)
        content = QLabel(escape(f"{task.code} {task.content}".strip()))
        content.setWordWrap(True)
        form.addRow("Nhiệm vụ:", content)
        form.addRow("Đơn vị:", QLabel(escape(detail["agency"]["name"])))
        role = views.ROLE_NAMES.get(detail["role"] or "", "—")
        form.addRow("Vai trò:", QLabel(role))
        self.status = QLabel(f"{detail['status']}, {detail['percent']}%"
                             + (f", hoàn thành ngày {format_date(detail['completed_on'])}" if detail["completed_on"] else ""))
        form.addRow("Tình trạng:", self.status)
        for label, key in (("Kết quả:", "result"), ("Khó khăn:", "difficulties"), ("Đề xuất:", "proposals")):
            text = QLabel(escape(detail[key]) or "—")
            text.setTextFormat(Qt.PlainText)
            text.setText(detail[key] or "—")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextSelectableByMouse)
            form.addRow(label, text)
        self.evidence = QListWidget()
        self.evidence.setMaximumHeight(160)
        for item in detail["evidence"]:
            words = " — ".join(part for part in (item["number"], format_date(item["date"]) if item["date"] else "",
                                                 item["abstract"]) if part)
            if item["file_name"]:
                words += f" [{item['file_name']}{'' if item['file_status'] == 'ok' else ', tệp không có trong máy'}]"
            entry = QListWidgetItem(words)
            entry.setData(Qt.UserRole, item["id"] if item["file_sha256"] else None)
            self.evidence.addItem(entry)
        self.evidence.itemDoubleClicked.connect(self.open_file)
        if detail["evidence"]:
            form.addRow("Tài liệu kiểm chứng:", self.evidence)
        else:  # no empty box: said in words
            form.addRow("Tài liệu kiểm chứng:", QLabel("Đơn vị không gửi tài liệu kiểm chứng cho nhiệm vụ này."))
        self.open_button = QPushButton("Mở tệp")
        self.open_button.clicked.connect(lambda: self.open_file(self.evidence.currentItem()))
        self.open_button.setEnabled(False)  # until an item with a file is chosen
        self.evidence.currentItemChanged.connect(
            lambda item, _old: self.open_button.setEnabled(item is not None and item.data(Qt.UserRole) is not None))
        if self.evidence.count():
            self.evidence.setCurrentRow(0)
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(close)
        form.addRow(row)
        if not detail["evidence"]:  # nothing to open: no button, no empty space
            self.open_button.hide()
            self.resize(760, self.sizeHint().height())

    def open_file(self, item) -> Path | None:
        evidence_id = item.data(Qt.UserRole) if item is not None else None
        if evidence_id is None:
            return None
        try:
            path = views.evidence_copy_to_open(self.workspace, evidence_id)
        except Exception as error:  # noqa: BLE001 - shown to the user
            QMessageBox.warning(self, "Không mở được tệp", describe_error(error))
            return None
        if not getattr(self, "no_open", False):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path
