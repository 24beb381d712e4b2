"""“Hoàn thành” asks when the work was completed: no silent today for work done months ago."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLabel, QMessageBox

from ..text import format_date
from .widgets import VI_LOCALE, accept_cancel_buttons


def outside_plan_year(day: dt.date, plan_year: int | None) -> bool:
    return plan_year is not None and day.year != plan_year


class CompletionDateDialog(QDialog):
    def __init__(self, task_title: str, plan_year: int | None, today: dt.date, parent=None,
                 initial: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle("Ngày hoàn thành")
        self.plan_year, self.today = plan_year, today
        intro = QLabel(f"Nhiệm vụ “{task_title}” hoàn thành ngày nào? "
                       "Ngày này được ghi vào báo cáo; hãy chọn đúng ngày đã xong việc.")
        intro.setWordWrap(True)
        self.date = QDateEdit()
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setCalendarPopup(True)
        self.date.setLocale(VI_LOCALE)
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        start = initial or (today if not plan_year or today.year == plan_year else dt.date(plan_year, 12, 31))
        self.date.setDate(QDate(start.year, start.month, start.day))
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow("Ngày hoàn thành:", self.date)
        form.addRow(accept_cancel_buttons(self, "Ghi ngày này"))
        self.setMinimumWidth(440)

    def value(self) -> dt.date:
        qdate = self.date.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

    def accept(self) -> None:
        day = self.value()
        if outside_plan_year(day, self.plan_year) and QMessageBox.warning(
            self, "Ngày ngoài năm kế hoạch",
            f"Ngày {format_date(day)} không thuộc năm {self.plan_year} của kế hoạch. Vẫn ghi ngày này?",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No,
        ) != QMessageBox.Yes:
            return
        super().accept()
