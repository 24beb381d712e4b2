"""Small shared widgets: an optional date field in dd/mm/yyyy, a decimal-comma score field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QHBoxLayout, QWidget

VI_LOCALE = QLocale(QLocale.Vietnamese, QLocale.Vietnam)


class OptionalDateEdit(QWidget):
    """A date in dd/MM/yyyy that may be left empty (an unchecked box)."""

    def __init__(self, label: str = "", parent=None):
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setCalendarPopup(True)
        self.edit.setLocale(VI_LOCALE)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.changed = self.check.toggled  # callers listen to both

    def value(self) -> dt.date | None:
        if not self.check.isChecked():
            return None
        qdate = self.edit.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setDate(QDate(value.year, value.month, value.day) if value else QDate.currentDate())


class ScoreEdit(QDoubleSpinBox):
    """A self-assessed score with a decimal comma; the special 'blank' value means not scored."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setLocale(VI_LOCALE)
        self.setDecimals(4)
        self.setRange(-1, 1000)
        self.setSingleStep(0.25)
        self.setSpecialValueText("chưa chấm")
        self.setValue(-1)

    def set_maximum_score(self, maximum: float | None) -> None:
        self.setMaximum(maximum if maximum is not None else 1000)

    def score(self) -> float | None:
        return None if self.value() < 0 else round(self.value(), 4)

    def set_score(self, value: float | None) -> None:
        self.setValue(-1 if value is None else value)


def accept_cancel_buttons(dialog: QDialog, accept_text: str) -> QDialogButtonBox:
    """The dialog's “{accept_text}” / “Hủy” buttons, wired to accept() and reject()."""
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Ok).setText(accept_text)
    buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
