"""When a task's progress was saved elsewhere while the user edited it: both versions side by
side, and the user chooses which to keep (issue 15). Nothing is written until they choose."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from ..errors import SaveConflictError
from ..limits import PROGRESS_FIELD_LABELS
from ..model import Progress
from ..text import format_date, format_decimal

KEEP_MINE, KEEP_THEIRS = 1, 2


def shown_value(progress: Progress, key: str) -> str:
    value = getattr(progress, key)
    if key == "status":
        return value.value
    if key == "percent":
        return f"{value} %"
    if key == "completed_on":
        return format_date(value) or "(không ghi)"
    if key == "score":
        return format_decimal(value, 4) if value is not None else "(không ghi)"
    return value or "(trống)"


class SaveConflictDialog(QDialog):
    """exec() returns KEEP_MINE, KEEP_THEIRS, or 0 (go on editing, nothing saved)."""

    def __init__(self, conflict: SaveConflictError, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Kết quả vừa được lưu ở nơi khác")
        self.setMinimumWidth(640)
        intro = QLabel(str(conflict))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(conflict.fields), 3)
        self.table.setHorizontalHeaderLabels(["Mục", "Bản đã lưu ở nơi khác", "Bản bạn đang sửa"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, key in enumerate(conflict.fields):
            for column, text in enumerate((PROGRESS_FIELD_LABELS[key], shown_value(conflict.theirs, key),
                                           shown_value(conflict.mine, key))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.resizeRowsToContents()
        note = QLabel("Những thay đổi khác của bạn (ở các mục không trùng) được giữ trong cả hai cách.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #455a64;")
        self.keep_mine = QPushButton("Giữ bản của tôi")
        self.keep_mine.setDefault(True)
        self.keep_theirs = QPushButton("Dùng bản đã lưu")
        self.cancel = QPushButton("Quay lại sửa tiếp")
        self.keep_mine.clicked.connect(lambda: self.done(KEEP_MINE))
        self.keep_theirs.clicked.connect(lambda: self.done(KEEP_THEIRS))
        self.cancel.clicked.connect(lambda: self.done(0))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_mine, self.keep_theirs, self.cancel):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(buttons)
