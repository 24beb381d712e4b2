"""The overview chart in the PDF report (issue 16): per area, the agency's tasks done / in progress /
not started / not feasible at the end of the period, as reportlab's own stacked bar chart."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, String
from reportlab.lib import colors

from .content import Outcome, ReportContent
from .fonts import REGULAR

SERIES = [
    ("Hoàn thành", (Outcome.DONE_ON_TIME.value, Outcome.DONE_LATE.value), colors.HexColor("#2e7d32")),
    ("Đang thực hiện", (Outcome.IN_PROGRESS.value,), colors.HexColor("#1e88e5")),
    ("Chưa thực hiện", (Outcome.NOT_STARTED.value,), colors.HexColor("#b0bec5")),
    ("Không thực hiện được", (Outcome.NOT_FEASIBLE.value,), colors.HexColor("#6d4c41")),
]
BAR_ROW = 16  # points per area
LABEL_WIDTH = 190
MAX_BARS = 36  # what fits one A4 page; the areas beyond share the last bar (issue 17: a chart taller
# than the page stops reportlab, so a plan of more areas had no PDF report at all)


class ChartDrawing(Drawing):
    """reportlab starts every drawing in Helvetica, a font the PDF would name without embedding it;
    this one starts in the report's own font."""

    def drawOn(self, canvas, x, y, _sW=0):
        saved = STATE_DEFAULTS["fontName"]
        STATE_DEFAULTS["fontName"] = REGULAR
        try:
            super().drawOn(canvas, x, y, _sW)
        finally:
            STATE_DEFAULTS["fontName"] = saved


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def progress_chart(content: ReportContent, width: float) -> Drawing | None:
    """None when the report has no task to chart."""
    groups = [group for group in content.annex_groups if group.rows]
    if not groups:
        return None
    labels = [_short(group.title) for group in groups]
    data = [[sum(1 for row in group.rows if row.status.startswith(statuses)) for group in groups]
            for _, statuses, _ in SERIES]
    if len(groups) > MAX_BARS:
        labels[MAX_BARS - 1:] = [f"Các lĩnh vực khác ({len(groups) - MAX_BARS + 1})"]
        data = [series[:MAX_BARS - 1] + [sum(series[MAX_BARS - 1:])] for series in data]
        groups = groups[:MAX_BARS]
    height = BAR_ROW * len(groups) + 56
    drawing = ChartDrawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = LABEL_WIDTH, 40
    chart.width, chart.height = width - LABEL_WIDTH - 10, BAR_ROW * len(groups)
    chart.data = data
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.reverseDirection = True  # the first area on top, as in the annex
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 8
    most = max(map(sum, zip(*data)))
    step = max(1, round(most / 5))
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = -(-most // step) * step  # the longest bar ends inside the axis
    chart.barWidth = BAR_ROW * 0.7
    chart.barLabels.fontName = REGULAR  # never the default Helvetica: every font is embedded
    for index, (_, _, colour) in enumerate(SERIES):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 8, 14
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName, legend.fontSize = REGULAR, 8
    legend.dx = legend.dy = 7
    legend.deltax = (width - 16) / len(SERIES)
    legend.colorNamePairs = [(colour, name) for name, _, colour in SERIES]
    drawing.add(legend)
    drawing.add(String(0, height - 10, "Số nhiệm vụ của đơn vị theo lĩnh vực và tình trạng", fontName=REGULAR,
                       fontSize=9))
    return drawing
