"""The task tree: index → area → criterion → task, as a Qt item model."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCollator, QLocale, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from ..model import Status, TaskRow
from ..text import format_date
from ..workspace import is_due_soon, is_overdue

TASK_ID_ROLE = Qt.UserRole + 1
SORT_ROLE = Qt.UserRole + 2

COLUMNS = ["Mã", "Nhiệm vụ", "Vai trò", "Thời hạn", "Tình trạng"]
COL_CODE, COL_TASK, COL_ROLE, COL_DEADLINE, COL_STATUS = range(len(COLUMNS))

OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#a61b1b")
DUE_SOON_BG = QColor("#fff1cc")
DONE_FG = QColor("#1f7a3a")
GROUP_BG = QColor("#eef3f8")

STATUS_LABELS = {
    Status.NOT_STARTED: "Chưa thực hiện",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.DONE: "Hoàn thành",
    Status.NOT_FEASIBLE: "Không thực hiện được",
}


def vietnamese_collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
    collator.setNumericMode(True)  # "1.10" after "1.9"
    collator.setCaseSensitivity(Qt.CaseInsensitive)
    return collator


def deadline_label(row: TaskRow) -> str:
    """The deadline as written, with the date it was read as when the text is not a date."""
    if row.due_date and row.due_date.strftime("%d/%m/%Y") not in row.deadline_text:
        return f"{row.deadline_text} ({format_date(row.due_date)})"
    return row.deadline_text


def short_deadline(row: TaskRow) -> str:
    """For the narrow list column: the due date when there is one, else the text."""
    if row.due_date:
        return format_date(row.due_date)
    return " ".join(row.deadline_text.split())


def _group_item(text: str, bold: bool = True) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    font = QFont()
    font.setBold(bold)
    item.setFont(font)
    item.setBackground(QBrush(GROUP_BG))
    return item


def _blank_group_cells() -> list[QStandardItem]:
    cells = []
    for _ in range(len(COLUMNS) - 2):
        cell = QStandardItem("")
        cell.setEditable(False)
        cell.setBackground(QBrush(GROUP_BG))
        cells.append(cell)
    return cells


class TaskTreeModel(QStandardItemModel):
    """Rebuilt from a list of TaskRow whenever the filter or the data changes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        self._task_items: dict[int, QStandardItem] = {}

    def populate(self, rows: list[TaskRow], today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        self.removeRows(0, self.rowCount())
        self._task_items.clear()
        groups: dict[tuple, QStandardItem] = {}
        for row in rows:
            parent = self._parent_for(row, groups)
            parent.appendRow(self._task_cells(row, today))

    def _parent_for(self, row: TaskRow, groups: dict[tuple, QStandardItem]) -> QStandardItem:
        index_key = (row.plan_id, row.index_name)
        if index_key not in groups:
            item = _group_item(row.index_name or row.index_kind)
            # The index's name already says which index it is; the narrow code column stays empty.
            self.appendRow([_group_item(""), item, *_blank_group_cells()])
            groups[index_key] = self.item(self.rowCount() - 1, 0)
        parent = groups[index_key]
        if row.area_title and (row.area_code, row.area_title) != (row.code, row.criterion):
            area_key = (*index_key, row.area_code, row.area_title)
            if area_key not in groups:
                parent.appendRow([_group_item(row.area_code), _group_item(row.area_title), *_blank_group_cells()])
                groups[area_key] = parent.child(parent.rowCount() - 1, 0)
            parent = groups[area_key]
        if row.criterion:
            crit_key = (*index_key, row.code, row.criterion)
            if crit_key not in groups:
                code = _group_item(row.code, bold=False)
                title = _group_item(row.criterion, bold=False)
                parent.appendRow([code, title, *_blank_group_cells()])
                groups[crit_key] = parent.child(parent.rowCount() - 1, 0)
            parent = groups[crit_key]
        return parent

    def _task_cells(self, row: TaskRow, today: dt.date) -> list[QStandardItem]:
        role = row.role.label if row.role else ""
        if row.role and row.conditional:
            role += " *"
        status = STATUS_LABELS[row.status]
        if row.status == Status.IN_PROGRESS and row.percent:
            status += f" ({row.percent}%)"
        overdue, soon = is_overdue(row, today), is_due_soon(row, today)
        deadline = short_deadline(row)
        if overdue:
            deadline += " · quá hạn"
        elif soon:
            deadline += " · sắp đến hạn"
        texts = ["", " ".join(row.content.split()), role, deadline, status]
        tooltips = ["", row.content, row.role_reason, deadline_label(row), status]
        cells = []
        for column, text in enumerate(texts):
            cell = QStandardItem(text)
            cell.setEditable(False)
            cell.setData(row.id, TASK_ID_ROLE)
            cell.setToolTip(tooltips[column] or text)
            if overdue:
                cell.setBackground(QBrush(OVERDUE_BG))
                if column in (COL_DEADLINE, COL_STATUS):
                    cell.setForeground(QBrush(OVERDUE_FG))
            elif soon:
                cell.setBackground(QBrush(DUE_SOON_BG))
            if row.status == Status.DONE and column == COL_STATUS:
                cell.setForeground(QBrush(DONE_FG))
            if row.removed:
                font = cell.font()
                font.setStrikeOut(True)
                cell.setFont(font)
            cell.setData(row.due_date.isoformat() if (column == COL_DEADLINE and row.due_date) else text, SORT_ROLE)
            cells.append(cell)
        self._task_items[row.id] = cells[0]
        return cells

    def task_ids(self) -> list[int]:
        """The tasks shown, in tree order."""
        return list(self._task_items)

    def index_of_task(self, task_id: int):
        item = self._task_items.get(task_id)
        return item.index() if item else None


class CollatingProxy(QSortFilterProxyModel):
    """Sorts by Vietnamese collation (numeric-aware) when the user clicks a column header."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._collator = vietnamese_collator()
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left, right) -> bool:
        a = left.data(SORT_ROLE) or left.data(Qt.DisplayRole) or ""
        b = right.data(SORT_ROLE) or right.data(Qt.DisplayRole) or ""
        return self._collator.compare(str(a), str(b)) < 0
