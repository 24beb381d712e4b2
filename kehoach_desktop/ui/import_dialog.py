"""The preview shown before an annex is imported: what was found, which column was taken
for what (the user can reassign it and see the counts change), every skipped row and warning."""

from __future__ import annotations

from html import escape
from typing import Callable

from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem,
    QTabWidget, QVBoxLayout, QWidget,
)

from ..importer.annex import COLUMN_ROLES, column_number
from ..importing import ImportSummary
from ..text import format_date
from .widgets import accept_cancel_buttons

SAMPLE_ROWS = 3
Repreview = Callable[[dict], None]  # asks for the preview again with {table key: {column: role}}


def summary_text(summary: ImportSummary) -> str:
    plan = summary.plan
    date = f" ngày {format_date(plan['date'])}" if plan["date"] else ""
    lines = [
        f"<b>{escape(_cited_number(plan))}{date}</b>" + (f" của {escape(plan['issuer'])}" if plan["issuer"] else ""),
        f"Tệp: {escape(summary.file_name)}",
    ]
    if plan.get("number_missing"):
        lines.append("<span style='color:#a04000'>Tệp không ghi số hiệu kế hoạch: hãy nhập số hiệu "
                     "(menu Kế hoạch) sau khi nhập; báo cáo không tự đặt số.</span>")
    lines.append("")
    for index in summary.indices:
        lines.append(f"• {escape(index['name'])}: {index['criteria']} tiêu chí, {index['tasks']} nhiệm vụ")
    mine = summary.mine
    lines += [
        "",
        f"Tổng cộng <b>{summary.tasks}</b> nhiệm vụ, {summary.criteria} tiêu chí.",
        f"Giao cho đơn vị: chủ trì <b>{mine['lead']}</b>, thực hiện <b>{mine['implementing']}</b>, "
        f"phối hợp <b>{mine['cooperating']}</b>.",
    ]
    for shared in summary.shared_tasks:
        lines.append(f"Nhiệm vụ ở {escape(shared['sheet'])}, dòng {shared['row']} (ô gộp) phục vụ các tiêu chí "
                     f"{escape(', '.join(k.lstrip('#') for k in shared['criteria']))}.")
    return "<br>".join(lines)


def _cited_number(plan: dict) -> str:
    """Never a file name as the plan's number (issue 13)."""
    from ..report.plans import MISSING_NUMBER, has_real_number

    return f"Kế hoạch số {plan['number']}" if has_real_number(plan["number"]) else f"Kế hoạch {MISSING_NUMBER}"


class ColumnTable(QTableWidget):
    """One table of the annex: per column, its header, the role taken (a list) and first rows."""

    def __init__(self, table: dict, parent=None):
        columns = table["columns"]
        samples = min(SAMPLE_ROWS, max((len(c["samples"]) for c in columns), default=0))
        super().__init__(len(columns), 3 + samples, parent)
        self.key = table["key"]
        self.setHorizontalHeaderLabels(["Cột", "Tiêu đề cột", "Dùng làm"] + [f"Dòng {n + 1}" for n in range(samples)])
        self.verticalHeader().setVisible(False)
        self.combos: dict[str, QComboBox] = {}
        for row, column in enumerate(columns):
            self.setItem(row, 0, QTableWidgetItem(column["column"]))
            self.setItem(row, 1, QTableWidgetItem(column["label"]))
            combo = QComboBox()
            for role, label in COLUMN_ROLES.items():
                combo.addItem(label, role)
            combo.setCurrentIndex(max(0, combo.findData(column["role"])))
            self.setCellWidget(row, 2, combo)
            self.combos[column["column"]] = combo
            for n, text in enumerate(column["samples"][:samples]):
                item = QTableWidgetItem(text[:80].replace("\n", " "))
                item.setToolTip(text)
                self.setItem(row, 3 + n, item)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.detected = self.mapping()  # as read: a table the user did not touch is not "theirs"
        # Every column visible without an inner scroll bar; the page scrolls instead.
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + 4
                            + self.horizontalScrollBar().sizeHint().height()
                            + sum(self.rowHeight(r) for r in range(self.rowCount())))
        self.setColumnWidth(1, 150)
        self.setColumnWidth(2, 170)
        for n in range(samples):
            self.setColumnWidth(3 + n, 190)

    def mapping(self) -> dict[int, str]:
        return {column_number(letter): combo.currentData() for letter, combo in self.combos.items()}

    def choose(self, letter: str, role: str) -> None:
        combo = self.combos[letter]
        combo.setCurrentIndex(combo.findData(role))


class ImportPreviewDialog(QDialog):
    def __init__(self, summary: ImportSummary, parent=None, repreview: Repreview | None = None):
        super().__init__(parent)
        self.setWindowTitle("Xem trước phụ lục trước khi nhập")
        self.setMinimumSize(640, 420)
        self.repreview = repreview
        self.columns: dict | None = None  # the mapping the user applied, for the import
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        from ..report.plans import plan_warning  # issue 13: a plan cited incompletely is said so

        self.plan_warning = QLabel()
        self.plan_warning.setWordWrap(True)
        self.plan_warning.setStyleSheet("color: #9a3412;")
        layout.addWidget(self.plan_warning)
        self._plan_warning = plan_warning
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.buttons = accept_cancel_buttons(self, "Nhập vào dữ liệu")
        layout.addWidget(self.buttons)
        self.show_summary(summary)

    def show_summary(self, summary: ImportSummary) -> None:
        """Fill (or refill, after the user reassigned a column) every part of the preview."""
        self.summary = summary
        self.text.setText(summary_text(summary))
        warning = self._plan_warning(summary.plan)
        self.plan_warning.setText(warning)
        self.plan_warning.setVisible(bool(warning))
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.tables = [ColumnTable(table) for table in summary.tables]
        self.tabs.addTab(self._columns_page(), f"Cách đọc cột ({len(self.tables)} bảng)")
        self.tabs.addTab(self._list_page(summary.skipped, "Không có dòng nào bị bỏ qua."),
                         f"Dòng bỏ qua ({len(summary.skipped)})")
        self.tabs.addTab(self._list_page(summary.warnings, "Không có cảnh báo."), f"Cảnh báo ({len(summary.warnings)})")
        # The columns first (what was taken for what), and again after the user changed them.
        self.tabs.setCurrentIndex(max(current, 0) if summary.tasks else 0)
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(summary.tasks > 0)

    def _columns_page(self) -> QWidget:
        outer = QWidget()
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        page = QWidget()
        scroll.setWidget(page)
        outer_layout.addWidget(scroll, 1)
        layout = QVBoxLayout(page)
        unknown = any(t["source"] == "none" for t in self.summary.tables)
        note = QLabel(("Chương trình không nhận ra dòng tiêu đề của bảng. Hãy chọn ở cột “Dùng làm” cột nào là "
                       "nhiệm vụ, cơ quan, thời hạn" if unknown else
                       "Chương trình đã đoán cột nào là gì. Nếu sai, chọn lại ở cột “Dùng làm”")
                      + " rồi bấm “Đọc lại theo cột đã chọn”; cách đọc này được nhớ cho các tệp cùng mẫu.")
        note.setWordWrap(True)
        layout.addWidget(note)
        for summary_table, table in zip(self.summary.tables, self.tables):
            where = f"dòng tiêu đề {summary_table['header_row']}" if summary_table["header_row"] else "không nhận ra dòng tiêu đề"
            source = {"remembered": " — theo cách đọc đã nhớ", "user": " — theo cách bạn chọn"}.get(summary_table["source"], "")
            sheet, _, number = summary_table["key"].rpartition("#")
            name = sheet if number == "1" else f"{sheet}, bảng {number}"  # the n-th table of a sheet
            layout.addWidget(QLabel(f"<b>{escape(name)}</b> ({where}){source}"))
            layout.addWidget(table)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.apply_button = QPushButton("Đọc lại theo cột đã chọn")
        self.apply_button.clicked.connect(self.apply_columns)
        self.apply_button.setEnabled(self.repreview is not None)
        row.addStretch(1)
        row.addWidget(self.apply_button)
        outer_layout.addLayout(row)
        return outer

    def _list_page(self, rows: list[dict], empty: str) -> QWidget:
        if not rows:
            label = QLabel(empty)
            label.setMargin(12)
            return label
        table = QTableWidget(len(rows), 3)
        table.setHorizontalHeaderLabels(["Trang / bảng", "Dòng", "Lý do"])
        table.verticalHeader().setVisible(False)
        for row, entry in enumerate(rows):
            for column, value in enumerate((entry["sheet"], str(entry["row"] or ""), entry["message"])):
                table.setItem(row, column, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        return table

    def apply_columns(self) -> None:
        """Read the file again with the columns as the user set them (nothing is written)."""
        self._take_columns()
        if self.repreview is not None:
            self.repreview(self.columns or {})

    def accept(self) -> None:
        self._take_columns()  # a list changed without "Đọc lại" still counts for the import
        super().accept()

    def _take_columns(self) -> None:
        chosen = dict(self.columns or {})
        for table in self.tables:
            if table.mapping() != table.detected or table.key in chosen:
                chosen[table.key] = table.mapping()
        self.columns = chosen or None
