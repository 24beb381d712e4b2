"""The reporting calendar of one plan (issue 13): each report owed, its due date and recipient, editable."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout

from ..text import format_date
from .widgets import VI_LOCALE, accept_cancel_buttons


class CalendarDialog(QDialog):
    """`changes()` lists (row, due date, recipient) of the rows the user changed."""

    def __init__(self, rows: list[dict], citation: str, parent=None):
        super().__init__(parent)
        self.rows = rows
        self.setWindowTitle("Lịch báo cáo của kế hoạch")
        self.setMinimumSize(760, 300)
        layout = QVBoxLayout(self)
        intro = QLabel(f"{citation}. Hạn gửi và nơi nhận của từng báo cáo; chương trình nhắc trước 14 ngày.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rows), 4)
        self.table.setHorizontalHeaderLabels(["Báo cáo", "Hạn gửi", "Nơi nhận", "Đã ban hành"])
        self.table.verticalHeader().setVisible(False)
        self.dates, self.recipients = [], []
        for n, row in enumerate(rows):
            self.table.setItem(n, 0, QTableWidgetItem(row["name"]))
            due = QDateEdit(QDate.fromString(row["due"], "yyyy-MM-dd"))
            due.setDisplayFormat("dd/MM/yyyy")
            due.setCalendarPopup(True)
            due.setLocale(VI_LOCALE)
            self.table.setCellWidget(n, 1, due)
            recipient = QLineEdit(row["recipient"])
            self.table.setCellWidget(n, 2, recipient)
            issued = row["issued"]
            text = f"Số {issued['number']} ngày {format_date(issued['date'])}" if issued else "Chưa"
            self.table.setItem(n, 3, QTableWidgetItem(text))
            self.dates.append(due)
            self.recipients.append(recipient)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        layout.addWidget(accept_cancel_buttons(self, "Lưu"))

    def changes(self) -> list[tuple[dict, dt.date, str]]:
        out = []
        for row, due, recipient in zip(self.rows, self.dates, self.recipients):
            value = due.date()
            date = dt.date(value.year(), value.month(), value.day())
            if date.isoformat() != row["due"] or recipient.text().strip() != row["recipient"]:
                out.append((row, date, recipient.text().strip()))
        return out
