"""Task texts wrap in the tree instead of being cut to two or three words on a small screen.

A delegate only (any model can keep it): the row is as tall as the text needs at the column's
current width, up to MAX_LINES lines; the rest shows in the tooltip. Qt paints the wrapped text
itself (the view's wordWrap); QTreeView asks the delegate's size without the column width, so the
width is taken from the header here.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QTreeView

from ..search_hits import match_spans
from .qt_values import DISPLAY_ROLE, FONT_ROLE, TOOLTIP_ROLE

# issue 17: what only a search's highlighting needs (text layouts, their formats) is imported
# there; the tasks' first paint needs none of it, nor Qt's enum namespace (ui/qt_values)

HIT_BACKGROUND, HIT_TEXT = "#ffe082", "#000000"  # a matched word: dark on amber

MAX_LINES = 3
MIN_WRAP_WIDTH = 46  # px: a narrower column keeps one line (40 px of text and the style's margins)
UNIFORM_LINES = 2
# Above this many tasks every row is two lines high (the rest elided; tooltip and detail pane show
# it all): the view then measures one row, not each of 20,000 (issue 17). Rows of varied height
# make every selection walk the heights above it: 40 ms at 1,000 tasks, 60-100 ms at 2,000,
# against 10-15 ms with uniform rows; a commune's plan (100-300 tasks) keeps wrapping.
WRAP_LIMIT = 1000


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeView, column: int):
        super().__init__(tree)
        self.tree, self.column = tree, column
        self._sizes: dict[tuple, QSize] = {}
        self.query = ""  # the search box's text: its words are highlighted (issue 16)
        self.hidden_hits = None  # fn(index) -> lines naming matches outside the shown text
        self._relayout = QTimer(self, singleShot=True, interval=60)
        self._relayout.timeout.connect(tree.doItemsLayout)
        tree.header().sectionResized.connect(self._section_resized)

    def _section_resized(self, logical: int, *_):
        if logical == self.column:
            self._relayout.start()

    def _depth(self, index) -> int:
        depth = 0
        while index.parent().isValid():
            index, depth = index.parent(), depth + 1
        return depth

    def sizeHint(self, option, index) -> QSize:
        if self.tree.uniformRowHeights():  # a large tree: every row two lines (see fit_rows)
            base = super().sizeHint(option, index)
            return QSize(base.width(), max(base.height(), UNIFORM_LINES * option.fontMetrics.lineSpacing() + 6))
        text = index.data(DISPLAY_ROLE)
        if not text or not self.tree.isVisible():  # issue 17: not shown yet, its widths are not yet its own
            return super().sizeHint(option, index)
        font = index.data(FONT_ROLE)
        width = self.tree.columnWidth(self.column)
        if self.tree.header().visualIndex(self.column) == 0:
            width -= self.tree.indentation() * (self._depth(index) + 1)
        # Scrolling to a task asks the size of every row above it: the answer is kept per text,
        # width and font, so a selection costs a lookup per row, not a measure (issue 17).
        size_key = (str(text), width, font.key() if font is not None else "", option.fontMetrics.lineSpacing())
        size = self._sizes.get(size_key)
        if size is None:
            size = self._sizes[size_key] = self._measure(option, index, text, font, width)
            if len(self._sizes) > 100000:
                self._sizes.clear()
        return size

    def _measure(self, option, index, text, font, width: int) -> QSize:
        base = super().sizeHint(option, index)
        if width < MIN_WRAP_WIDTH:
            return base
        metrics = option.fontMetrics
        if font is not None:
            metrics = QFontMetrics(font)
        if base.width() <= width and "\n" not in str(text):  # its one line fits: nothing to wrap
            return QSize(base.width(), max(base.height(), metrics.lineSpacing() + 6))
        # Qt's own measure of the text wrapped in a cell of that width, margins taken off as the
        # style paints them (the view asks with no width). issue 17: the style's margins asked from
        # here made QStyle's Python type, with its enums (~8 ms), before the first paint.
        cell = type(option)(option)
        cell.rect = QRect(0, 0, width, 100000)
        needed = super().sizeHint(cell, index).height()
        lines = min(MAX_LINES, max(1, round(needed / max(metrics.lineSpacing(), 1))))
        return QSize(base.width(), max(base.height(), lines * metrics.lineSpacing() + 6))

    # --- search hits (issue 16) -----------------------------------------------------------------

    def set_query(self, query: str) -> None:
        if query != self.query:
            self.query = query
            self.tree.viewport().update()

    def paint(self, painter, option, index) -> None:
        text = index.data(DISPLAY_ROLE)
        spans = _spans(str(text), self.query) if text and self.query.strip() else ()
        if not spans:
            super().paint(painter, option, index)
            return
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QPalette
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else self.tree.style()
        style.drawControl(QStyle.CE_ItemViewItem, opt, painter, widget)
        area = style.subElementRect(QStyle.SE_ItemViewItemText, opt, widget).adjusted(2, 0, -2, 0)
        selected = bool(opt.state & QStyle.State_Selected)
        painter.save()
        painter.setPen(opt.palette.color(QPalette.HighlightedText if selected else QPalette.Text))
        painter.setClipRect(area)
        layout, height = _hit_layout(str(text), spans, opt.font, area.width(), area.height())
        layout.draw(painter, QPointF(area.left(), area.top() + max((area.height() - height) / 2, 0)))
        painter.restore()

    def helpEvent(self, event, view, option, index) -> bool:
        """The tooltip also names matches in fields the list does not show (lead, result, …)."""
        if self.query.strip() and self.hidden_hits is not None and event is not None:
            lines = self.hidden_hits(index)
            if lines:
                from html import escape  # here, not at start: html.entities alone is ~2.6 ms

                from PySide6.QtWidgets import QToolTip

                tip = escape(str(index.data(TOOLTIP_ROLE) or index.data(DISPLAY_ROLE) or ""))
                found = "<br>".join(escape(line) for line in lines)
                QToolTip.showText(event.globalPos(), f"{tip}<hr><b>Khớp tìm kiếm:</b><br>{found}", view)
                return True
        return super().helpEvent(event, view, option, index)


def _hit_layout(text: str, spans, font, width: int, height: int) -> tuple:
    """The text wrapped to the width with the matched spans marked, as many whole lines as the
    height holds (the last one elided when text remains, as Qt draws an unmarked cell), and the
    height they take. A QTextLayout, not a QTextDocument of HTML: a search repaints a hundred
    cells, and each document was parsed anew (~0.4 ms each)."""
    from PySide6.QtCore import Qt

    text = text.replace("\n", "\u2028")  # the same length: the spans still fit
    layout = _laid_out(text, spans, font, width)
    metrics = QFontMetrics(font)
    room = max(1, int(height // max(metrics.lineSpacing(), 1)))
    if layout.lineCount() > room:
        start = layout.lineAt(room - 1).textStart()
        text = text[:start] + metrics.elidedText(text[start:].replace("\u2028", " "), Qt.ElideRight, width)
        layout = _laid_out(text, spans, font, width)
    lines = min(layout.lineCount(), room)
    return layout, sum(layout.lineAt(n).height() for n in range(lines))


def _laid_out(text: str, spans, font, width: int):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    ranges = []
    for start, end in spans:
        if start < len(text):
            marked = QTextLayout.FormatRange()
            marked.start, marked.length, marked.format = start, min(end, len(text)) - start, _hit_format()
            ranges.append(marked)
    layout.setFormats(ranges)
    layout.beginLayout()
    top = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, top))
        top += line.height()
    layout.endLayout()
    return layout


@functools.lru_cache(maxsize=4096)  # the rows in sight are painted again and again while the query stays
def _spans(text: str, query: str) -> tuple:
    return tuple(match_spans(text, query))


@functools.lru_cache(maxsize=1)
def _hit_format():
    from PySide6.QtGui import QColor, QTextCharFormat

    marked = QTextCharFormat()
    marked.setBackground(QColor(HIT_BACKGROUND))
    marked.setForeground(QColor(HIT_TEXT))
    return marked


def wrap_column(tree: QTreeView, column: int) -> WrappingDelegate:
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    delegate = WrappingDelegate(tree, column)
    tree.setItemDelegateForColumn(column, delegate)
    return delegate


def fit_rows(tree: QTreeView, tasks: int) -> None:
    """Rows as tall as their text (up to MAX_LINES) for a plan of usual size; uniform two-line
    rows for a province-sized list, where measuring each row would cost more than a keystroke."""
    uniform = tasks > WRAP_LIMIT
    if tree.uniformRowHeights() != uniform:
        tree.setUniformRowHeights(uniform)
