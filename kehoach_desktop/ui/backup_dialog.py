"""The backup screen (list, back up now, restore the chosen one) and the damaged-data dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QStyle, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from ..backup import KEEP_DAILY, KEEP_MONTHLY, KEEP_WEEKLY, BackupInfo
from ..errors import DatabaseDamagedError

COLUMNS = ["Thời điểm", "Lý do", "Nhiệm vụ", "Kết quả đã ghi", "Tài liệu kiểm chứng"]


def _label(text: str = "", *, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


class BackupDialog(QDialog):
    """Lists the backups; the window does the work when a button asks for it."""

    backup_requested = Signal()
    restore_requested = Signal(object)  # the chosen BackupInfo

    def __init__(self, folder, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Sao lưu và khôi phục dữ liệu")
        self.resize(760, 440)
        about = _label(
            "Chương trình tự sao lưu khi mở (nếu dữ liệu đã thay đổi), 30 phút một lần khi có thay đổi, "
            "và luôn sao lưu trước khi nhập phụ lục, nâng cấp hay khôi phục dữ liệu. Giữ mọi bản của hai ngày "
            f"gần nhất, rồi một bản mỗi ngày trong {KEEP_DAILY} ngày, mỗi tuần trong {KEEP_WEEKLY} tuần, "
            f"mỗi tháng trong {KEEP_MONTHLY} tháng.")
        where = _label(f"Thư mục sao lưu: {folder}", selectable=True)
        where.setStyleSheet("color: #455a64;")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda *_: self._ask_restore())
        self.empty = _label("Chưa có bản sao lưu nào.")
        self.backup_button = QPushButton("Sao lưu ngay")
        self.backup_button.clicked.connect(self.backup_requested.emit)
        self.restore_button = QPushButton("Khôi phục bản đã chọn…")
        self.restore_button.clicked.connect(self._ask_restore)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.set_backups([])

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.backups = list(backups)  # rows in this order; Python objects stay out of the Qt items
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            if info.problem:
                values = [info.when, f"Không đọc được: {info.problem}", "", "", ""]
            else:
                values = [info.when, info.reason_label, str(info.tasks), str(info.progress), str(info.evidence)]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(info.name)
                if column >= 2:
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if info.problem:
                    cell.setForeground(QColor("#b71c1c"))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        for column in (0, 2, 3, 4):  # room around the headers
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 14)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.empty.setVisible(not backups)
        if backups:
            self.table.selectRow(0)
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and not info.problem)

    def _ask_restore(self) -> None:
        info = self.selected()
        if info is not None and not info.problem:
            self.restore_requested.emit(info)


def counts_text(info: BackupInfo) -> str:
    return f"{info.tasks} nhiệm vụ, {info.progress} kết quả đã ghi, {info.evidence} tài liệu kiểm chứng"


class DamagedDataDialog(QDialog):
    """At start: the data file is damaged. Accepted means "restore the latest good backup"."""

    def __init__(self, error: DatabaseDamagedError, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Tệp dữ liệu bị hỏng")
        self.setMinimumWidth(640)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignTop)
        heading = _label("Tệp dữ liệu của chương trình bị hỏng nên không thể mở an toàn.")
        heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        problems = _label("\n".join(f"• {problem[:1].upper()}{problem[1:]}." for problem in error.problems),
                          selectable=True)
        untouched = "Chương trình không ghi gì vào tệp này."
        if error.kept_at:
            untouched += f" Bản bị hỏng đã được giữ lại trong thư mục:\n{error.kept_at}"
        kept = _label(untouched, selectable=True)
        latest = error.latest_backup
        if latest is not None:
            offer = _label(
                f"Bản sao lưu gần nhất còn tốt: lúc {latest.when} ({counts_text(latest)}).\n"
                "Khôi phục bản này để làm việc tiếp; những gì ghi sau thời điểm đó sẽ phải ghi lại.")
            offer.setStyleSheet("font-weight: 600;")
        else:
            offer = _label("Chưa có bản sao lưu nào để khôi phục. Hãy liên hệ cán bộ kỹ thuật và gửi kèm "
                           "thư mục chứa bản bị hỏng ở trên.")
        buttons = QDialogButtonBox()
        if latest is not None:
            self.restore_button = buttons.addButton("Khôi phục bản sao lưu này", QDialogButtonBox.AcceptRole)
            self.restore_button.setDefault(True)
        else:
            self.restore_button = None
        buttons.addButton("Thoát", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        text = QVBoxLayout()
        for widget in (heading, problems, kept, offer):
            text.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        # A window ignores its wrapped labels' height-for-width: give it the height they need.
        width = self.minimumWidth()
        self.resize(width, max(self.sizeHint().height(), layout.heightForWidth(width)))
