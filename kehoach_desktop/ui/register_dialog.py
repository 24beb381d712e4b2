"""The issued-report register (issue 13): the reports issued, each reprinted exactly as issued."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from ..report.periods import ReportPeriod
from ..text import format_date, format_datetime
from .widgets import accept_cancel_buttons


class RegisterDialog(QDialog):
    """Lists the register; accepting with a row selected asks for a reprint of it (`chosen()`)."""

    def __init__(self, rows: list[dict], parent=None):
        super().__init__(parent)
        self.rows = rows
        self.setWindowTitle("Báo cáo đã ban hành")
        self.setMinimumSize(760, 320)
        layout = QVBoxLayout(self)
        intro = QLabel("Báo cáo đã lưu hoặc in khi có số và ngày ký. In lại cho đúng nội dung đã ban hành, "
                       "không theo số liệu hiện nay.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rows), 5)
        self.table.setHorizontalHeaderLabels(["Số", "Ngày ký", "Kỳ báo cáo", "Tệp", "Ghi sổ lúc"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        for n, row in enumerate(rows):
            period = _period_words(row)
            for column, value in enumerate((row["number"], format_date(row["signed_on"]), period,
                                            row["file_name"], format_datetime(row["issued_at"]))):
                self.table.setItem(n, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        if rows:
            self.table.selectRow(len(rows) - 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(accept_cancel_buttons(self, "In lại (lưu tệp)…"))

    def chosen(self) -> dict | None:
        selected = self.table.selectionModel().selectedRows()
        return self.rows[selected[0].row()] if selected else None


def _period_words(row: dict) -> str:
    """"9 tháng đầu năm 2025", "từ ngày 01/8/2025 đến ngày 15/11/2025"."""
    start, end = dt.date.fromisoformat(row["start_date"]), dt.date.fromisoformat(row["end_date"])
    return ReportPeriod.of(row["period"], row["year"], start, end).phrase()
