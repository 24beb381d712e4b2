"""The preview shown before an annex is imported: what was found, and every warning."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QHeaderView,
)

from ..importing import ImportSummary
from ..text import format_date
from .widgets import accept_cancel_buttons


def summary_text(summary: ImportSummary) -> str:
    plan = summary.plan
    date = f" ngày {format_date(plan['date'])}" if plan["date"] else ""
    lines = [
        f"<b>{_cited_number(plan)}{date}</b>" + (f" của {plan['issuer']}" if plan["issuer"] else ""),
        f"Tệp: {summary.file_name}",
        "",
    ]
    for index in summary.indices:
        lines.append(f"• {index['name']}: {index['criteria']} tiêu chí, {index['tasks']} nhiệm vụ")
    mine = summary.mine
    lines += [
        "",
        f"Tổng cộng <b>{summary.tasks}</b> nhiệm vụ, {summary.criteria} tiêu chí.",
        f"Giao cho đơn vị: chủ trì <b>{mine['lead']}</b>, thực hiện <b>{mine['implementing']}</b>, "
        f"phối hợp <b>{mine['cooperating']}</b>.",
    ]
    return "<br>".join(lines)


def _cited_number(plan: dict) -> str:
    """Never a file name as the plan's number (issue 13)."""
    from ..report.plans import MISSING_NUMBER, has_real_number

    return f"Kế hoạch số {plan['number']}" if has_real_number(plan["number"]) else f"Kế hoạch {MISSING_NUMBER}"


class ImportPreviewDialog(QDialog):
    def __init__(self, summary: ImportSummary, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Xem trước phụ lục trước khi nhập")
        self.setMinimumSize(640, 420)
        layout = QVBoxLayout(self)
        text = QLabel(summary_text(summary))
        text.setWordWrap(True)
        layout.addWidget(text)
        from ..report.plans import plan_warning  # issue 13: a plan cited incompletely is said so

        if plan_warning(summary.plan):
            self.plan_warning = QLabel(plan_warning(summary.plan))
            self.plan_warning.setWordWrap(True)
            self.plan_warning.setStyleSheet("color: #9a3412;")
            layout.addWidget(self.plan_warning)
        if summary.warnings:
            layout.addWidget(QLabel(f"Cảnh báo ({len(summary.warnings)}):"))
            table = QTableWidget(len(summary.warnings), 3)
            table.setHorizontalHeaderLabels(["Trang", "Dòng", "Nội dung"])
            table.verticalHeader().setVisible(False)
            for row, warning in enumerate(summary.warnings):
                for column, value in enumerate((warning["sheet"], str(warning["row"] or ""), warning["message"])):
                    table.setItem(row, column, QTableWidgetItem(value))
            table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
            layout.addWidget(table, 1)
        else:
            layout.addWidget(QLabel("Không có cảnh báo."))
            layout.addStretch(1)
        layout.addWidget(accept_cancel_buttons(self, "Nhập vào dữ liệu"))
