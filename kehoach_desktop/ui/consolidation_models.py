"""Qt models of consolidation (issue 11): the register of reports and the task × agency matrix.

Both read a consolidation.overview.Snapshot (plain values); a cell is computed when Qt asks
for it, so 300 tasks × 1,000 agencies cost no widget and no up-front work.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ..consolidation.overview import LATE, MISSING, SUBMITTED, Snapshot, task_counts
from ..model import AGENCY_KIND_LABELS, AgencyKind, Status
from ..exchange.content import period_label
from ..text import fold, format_datetime

AGENCY_ID_ROLE = Qt.UserRole + 1
TASK_ID_ROLE = Qt.UserRole + 2
SEARCH_ROLE = Qt.UserRole + 3
GROUP_AT = 100  # more agencies than this: the matrix shows one column per kind

STATUS_SHORT = {
    Status.DONE.value: "Xong", Status.IN_PROGRESS.value: "Đang", Status.NOT_STARTED.value: "Chưa",
    Status.NOT_FEASIBLE.value: "Không TH",
}
STATUS_COLORS = {
    Status.DONE.value: "#d8f0d8", Status.IN_PROGRESS.value: "#fff1c9", Status.NOT_STARTED.value: "#f1f1f1",
    Status.NOT_FEASIBLE.value: "#e3e3f3",
}
OVERDUE_COLOR = "#f8d0d0"
STATE_COLORS = {SUBMITTED: "#d8f0d8", LATE: "#fff1c9", MISSING: "#f8d0d0"}
KIND_SHORT = {"so": "Sở, ngành", "huyen": "Huyện", "xa": "Xã", "khac": "Khác"}


def short_name(name: str) -> str:
    """"UBND xã Bạch Đằng" → "Xã Bạch Đằng": the column header has room for the place only."""
    if name.startswith("UBND ") and len(name) > 5:
        return name[5].upper() + name[6:]
    return name


class RegisterModel(QAbstractTableModel):
    """One row per rostered agency: its report for the period, what is overdue (what the
    consolidator acts on, seen without scrolling on a 1024-pixel screen), its counts, and the
    times of its package last."""

    HEADERS = ["Đơn vị", "Loại", "Mã định danh", "Tình trạng", "Kỳ", "Quá hạn", "Quá hạn lâu nhất", "Được giao",
               "Chủ trì / TH / PH", "Hoàn thành", "Đúng hạn", "Muộn", "Đang TH", "Chưa TH", "Tạo gói lúc",
               "Nhận lúc"]
    CODE_COLUMN, FIRST_COUNT, FIRST_TIME = 2, 5, 14

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, snapshot: Snapshot, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = []
        for row in rows:
            self.rows.append({**row, "counts": snapshot.counts(row["id"])})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            period, c = row["period"], row["counts"]
            values = [row["name"], KIND_SHORT.get(row["kind"], row["kind"]), row["code"], row["state"],
                      period_label(period) if period else "", c["overdue"] or "",
                      f"{c['overdue_days']} ngày" if c["overdue_days"] else "", c["tasks"],
                      f"{c['lead']} / {c['implementing']} / {c['cooperating']}", c["done"], c["done_on_time"],
                      c["done_late"], c["in_progress"], c["not_started"],
                      format_datetime(row["created_at"]), format_datetime(row["received_at"])]
            return values[col]
        if role == Qt.TextAlignmentRole and col >= self.FIRST_COUNT:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole and col == 3 and row["state"] in STATE_COLORS:
            return QBrush(QColor(STATE_COLORS[row["state"]]))
        if role == AGENCY_ID_ROLE:
            return row["id"]
        return None


class MatrixModel(QAbstractTableModel):
    """Rows: the tasks in annex order; column 0 the task, 1 "x/y đơn vị hoàn thành", then one
    column per agency (or per kind when grouped: "done/assigned" of that kind)."""

    FIXED = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.snapshot: Snapshot | None = None
        self.columns: list[dict] = []  # {"agency": row} or {"kind": value, "ids": [...]}
        self.grouped = False
        self._totals: list[tuple[int, int]] = []

    def set_snapshot(self, snapshot: Snapshot, grouped: bool | None = None) -> None:
        self.beginResetModel()
        self.snapshot = snapshot
        self.grouped = len(snapshot.agencies) > GROUP_AT if grouped is None else grouped
        if self.grouped:
            self.columns = []
            for kind in AgencyKind:
                ids = [a["id"] for a in snapshot.agencies if a["kind"] == kind.value]
                if ids:
                    self.columns.append({"kind": kind.value, "ids": ids})
        else:
            self.columns = [{"agency": agency} for agency in snapshot.agencies]
        self._totals = [task_counts(snapshot, task) for task in snapshot.tasks]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.snapshot is None else len(self.snapshot.tasks)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.FIXED + len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Vertical:  # stays in view while the agencies scroll by
            if self.snapshot is None or role not in (Qt.DisplayRole, Qt.ToolTipRole):
                return None
            task = self.snapshot.tasks[section]
            if role == Qt.ToolTipRole:
                return f"{task.code} {task.content}".strip()
            return task.code or str(section + 1)
        if role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        if section == 0:
            return "Nhiệm vụ"
        if section == 1:
            return "Đơn vị hoàn thành"
        column = self.columns[section - self.FIXED]
        if "kind" in column:
            label = AGENCY_KIND_LABELS[AgencyKind(column["kind"])]
            return f"{label} ({len(column['ids'])})" if role == Qt.ToolTipRole else KIND_SHORT[column["kind"]]
        name = column["agency"]["name"]
        return name if role == Qt.ToolTipRole else short_name(name)

    def data(self, index, role=Qt.DisplayRole):
        if self.snapshot is None:
            return None
        task = self.snapshot.tasks[index.row()]
        col = index.column()
        if role == TASK_ID_ROLE:
            return task.id
        if col == 0:
            if role in (Qt.DisplayRole, Qt.ToolTipRole):
                code = f"{task.code} " if task.code else ""  # the code is the row's header
                return f"{code}{task.content}" if role == Qt.ToolTipRole else task.content[:110]
            if role == SEARCH_ROLE:
                return fold(f"{task.code} {task.content} {task.index_kind}")
            return None
        if col == 1:
            if role == Qt.DisplayRole:
                done, assigned = self._totals[index.row()]
                return f"{done}/{assigned}" if assigned else "—"
            return None
        column = self.columns[col - self.FIXED]
        if "kind" in column:
            return self._group_cell(task, column, role)
        agency_id = column["agency"]["id"]
        if role == AGENCY_ID_ROLE:
            return agency_id
        status = self.snapshot.status(agency_id, task.id)
        if status is None:
            return None
        overdue = self.snapshot.overdue_days(task, status)
        if role == Qt.DisplayRole:
            return "Quá hạn" if overdue else STATUS_SHORT[status]
        if role == Qt.BackgroundRole:
            return QBrush(QColor(OVERDUE_COLOR if overdue else STATUS_COLORS[status]))
        if role == Qt.ToolTipRole:
            return f"{column['agency']['name']}: {status}" + (f", quá hạn {overdue} ngày" if overdue else "")
        return None

    def _group_cell(self, task, column: dict, role):
        if role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        done, assigned = self.snapshot.kind_totals(task.id, column["kind"])
        return f"{done}/{assigned}" if assigned else None


class TaskSearchProxy(QSortFilterProxyModel):
    """Filters the matrix rows by task text, ignoring diacritics (and đ/d)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        if not hasattr(self, "endFilterChange"):  # before Qt 6.10
            self._needle = fold(text).strip()
            self.invalidateFilter()
            return
        self.beginFilterChange()  # Qt 6.10+: invalidateFilter() is deprecated
        self._needle = fold(text).strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802
        if not self._needle:
            return True
        return self._needle in (self.sourceModel().index(row, 0, parent).data(SEARCH_ROLE) or "")
