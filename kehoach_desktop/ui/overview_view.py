"""“Tổng quan” (issue 16): where the agency's tasks of the chosen plan stand, shown in the right-hand
pane whenever no task is selected (so it opens by default once a plan is loaded).

The bars are a QPainter widget (QtCharts is not in PySide6-Essentials); the numbers come from
kehoach_desktop.overview. The overdue, due-soon and evidence-missing counts are links that filter
the task list.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ..overview import STATE_LABELS, STATES, Overview
from ..text import format_date, format_decimal

COLOURS = {"done": QColor("#2e7d32"), "in_progress": QColor("#1e88e5"), "not_started": QColor("#b0bec5"),
           "overdue": QColor("#d32f2f")}
ROW_HEIGHT, BAR_HEIGHT, LABEL_SHARE = 30, 14, 0.42
# A plan whose year has ended: what was left undone is history, not an alarm.
FINISHED_COLOURS = COLOURS | {"overdue": QColor("#607d8b"), "in_progress": QColor("#90a4ae"),
                              "not_started": QColor("#cfd8dc")}
FINISHED_LABELS = STATE_LABELS | {"overdue": "Chưa xong khi kết thúc năm"}


class BarChart(QWidget):
    """One stacked bar per index and area: done, in progress, not started, overdue."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars = []
        self.finished = False
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    NARROW = 520  # below this width a bar's name gets a line of its own above the bar

    def set_bars(self, bars, finished: bool = False) -> None:
        self.bars, self.finished = bars, finished
        self._fit_height()
        self.update()

    def _row_height(self) -> int:
        return ROW_HEIGHT if self.width() >= self.NARROW else ROW_HEIGHT + QFontMetrics(self.font()).lineSpacing()

    def _fit_height(self) -> None:
        self.setFixedHeight(self._row_height() * len(self.bars) + ROW_HEIGHT * len(self._legend_rows()))

    def _legend_rows(self) -> list[list[str]]:
        """The legend's states, in as many rows as the width needs (one row cut off its last label)."""
        metrics = QFontMetrics(self.font())
        labels = FINISHED_LABELS if self.finished else STATE_LABELS
        rows, x = [[]], 0
        for state in STATES:
            width = BAR_HEIGHT + 16 + metrics.horizontalAdvance(labels[state])
            if rows[-1] and x + width > max(self.width(), 1):
                rows.append([])
                x = 0
            rows[-1].append(state)
            x += width
        return rows

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(360, self._row_height() * len(self.bars) + ROW_HEIGHT * len(self._legend_rows()))

    def minimumSizeHint(self) -> QSize:
        return QSize(220, self.sizeHint().height())

    def tooltip_text(self, y: float) -> str:
        """The whole name of the bar under the pointer (a narrow pane cuts it) and its counts."""
        row = int(y // self._row_height())
        if not 0 <= row < len(self.bars):
            return ""
        bar, labels = self.bars[row], FINISHED_LABELS if self.finished else STATE_LABELS
        counts = " · ".join(f"{labels[state]}: {bar.counts[state]}" for state in STATES)
        return f"{bar.label}\n{counts}"

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            text = self.tooltip_text(event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        colours, labels = (FINISHED_COLOURS, FINISHED_LABELS) if self.finished else (COLOURS, STATE_LABELS)
        metrics = QFontMetrics(self.font())
        width = self.width()
        narrow = width < self.NARROW
        row_height, line = self._row_height(), metrics.lineSpacing()
        label_width = width if narrow else int(width * LABEL_SHARE)
        count_width = metrics.horizontalAdvance("000/000") + 8
        bar_left = 12 if narrow else label_width + 8
        bar_width = max(width - bar_left - 8 - count_width, 40)
        exposed = event.rect()  # issue 17: the rows in sight only (1,000 areas at 20,000 tasks: 60 ms a paint)
        first, last = max(exposed.top() // row_height, 0), exposed.bottom() // row_height + 1
        for row, bar in enumerate(self.bars[first:last], first):
            top = row * row_height
            font = self.font()
            font.setBold(bar.level == 0)
            painter.setFont(font)
            indent = 12 * bar.level
            text = QFontMetrics(font).elidedText(bar.label, Qt.ElideRight, label_width - indent)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(indent, top, label_width - indent, line if narrow else ROW_HEIGHT),
                             Qt.AlignVCenter | Qt.AlignLeft, text)
            if narrow:
                top += line
            x = float(bar_left)
            for state in STATES:
                part = bar_width * bar.counts[state] / (bar.total or 1)  # each bar: its own tasks, in shares
                if part > 0:
                    painter.fillRect(QRectF(x, top + (ROW_HEIGHT - BAR_HEIGHT) / 2, part, BAR_HEIGHT), colours[state])
                    x += part
            painter.drawText(QRectF(bar_left + bar_width + 8, top, count_width, ROW_HEIGHT), Qt.AlignVCenter,
                             f"{bar.counts['done']}/{bar.total}")
        # the legend under the bars, wrapped to the width
        painter.setFont(self.font())
        for number, states in enumerate(self._legend_rows()):
            x, top = 0, len(self.bars) * row_height + number * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2
            for state in states:
                painter.fillRect(QRectF(x, top, BAR_HEIGHT, BAR_HEIGHT), colours[state])
                label = labels[state]
                painter.drawText(QRectF(x + BAR_HEIGHT + 4, top - 4, metrics.horizontalAdvance(label) + 4,
                                        BAR_HEIGHT + 8), Qt.AlignVCenter, label)
                x += BAR_HEIGHT + 16 + metrics.horizontalAdvance(label)
        painter.end()


class OverviewView(QScrollArea):
    link_chosen = Signal(str)  # "overdue", "due_soon", "no_evidence"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.title = QLabel("Tổng quan")
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.title.setWordWrap(True)
        self.plan = QLabel()
        self.plan.setWordWrap(True)
        self.plan.setStyleSheet("color: #455a64;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.links = QLabel()
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.RichText)
        self.links.linkActivated.connect(self.link_chosen.emit)
        self.chart = BarChart()
        self.hint = QLabel("Chọn một nhiệm vụ ở danh sách bên trái để ghi kết quả; bấm “Tổng quan” để quay lại đây.")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #607d8b;")
        inner = QWidget()
        layout = QVBoxLayout(inner)
        for widget in (self.title, self.plan, self.summary, self.links, self.chart, self.hint):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(inner)
        self.overview: Overview | None = None

    def show_overview(self, overview: Overview, plan_text: str, finished: bool = False, has_plans: bool = True) -> None:
        self.overview = overview
        self.title.setText("Tổng quan")
        self.plan.setText(plan_text)
        self.plan.setVisible(bool(plan_text))
        for widget in (self.links, self.chart, self.hint):  # no zero counts, empty chart or task hint before a plan
            widget.setVisible(has_plans)
        if not has_plans:
            self.summary.setText("Chưa có kế hoạch nào. Chọn “Nhập phụ lục kế hoạch…” (menu Tệp) để nạp tệp phụ lục "
                                 "kế hoạch của tỉnh; trang này sẽ cho biết các nhiệm vụ của đơn vị đang ở đâu.")
        elif overview.total == 0:
            self.summary.setText("Chưa có nhiệm vụ nào của đơn vị trong kế hoạch này.")
        else:
            self.summary.setText(f"Đơn vị có {overview.total} nhiệm vụ; đã hoàn thành {overview.done} "
                                 f"({overview.done_percent}%).")
        # A finished plan: its late tasks as it ended, beside the banner's count of all it left unfinished.
        overdue = (f"{overview.overdue} việc quá hạn khi kế hoạch kết thúc" if finished
                   else f"{overview.overdue} việc quá hạn")
        lines = [
            _link("overdue", overdue, overview.overdue, "#455a64" if finished else "#b71c1c"),
            _link("due_soon", f"{overview.due_soon} việc sắp đến hạn (14 ngày tới)", overview.due_soon, "#8d6e00"),
            _link("no_evidence", f"{overview.evidence_missing} việc đã hoàn thành chưa có tài liệu kiểm chứng",
                  overview.evidence_missing, "#4a148c"),
        ]
        if overview.own_scores:  # a lead department's criteria (issue 12)
            self_score, maximum, scored, scorable = overview.own_scores
            lines.append(f"Tự chấm điểm PAR INDEX: {format_decimal(self_score, 2)}/{format_decimal(maximum, 2)} điểm "
                         f"({scored}/{scorable} tiêu chí đã chấm).")
        if overview.report_due:  # from the plan's reporting calendar (issue 13)
            from ..report.calendar import reminder_text

            lines.append(f"Báo cáo phải gửi tới: {escape(reminder_text(overview.report_due))} "
                         f"(hạn {format_date(overview.report_due['due'])}).")
        elif overview.next_report:
            name, end = overview.next_report
            lines.append(f"Kỳ báo cáo tới: {name}, hết kỳ ngày {format_date(end)}.")
        self.links.setText("<br>".join(lines))
        self.chart.set_bars(overview.bars, finished)


def _link(key: str, text: str, count: int, colour: str) -> str:
    if not count:
        return text
    return f'<a href="{key}" style="color: {colour}; font-weight: 600;">{text}</a>'
