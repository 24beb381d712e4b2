"""Task texts wrap in the tree instead of being cut to two or three words on a small screen.

A delegate only (any model can keep it): the row is as tall as the text needs at the column's
current width, up to MAX_LINES lines; the rest shows in the tooltip. Qt paints the wrapped text
itself (the view's wordWrap); QTreeView asks the delegate's size without the column width, so the
width is taken from the header here.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QTreeView

MAX_LINES = 3


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeView, column: int):
        super().__init__(tree)
        self.tree, self.column = tree, column
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
        base = super().sizeHint(option, index)
        text = index.data(Qt.DisplayRole)
        if not text:
            return base
        width = self.tree.columnWidth(self.column)
        if self.tree.header().visualIndex(self.column) == 0:
            width -= self.tree.indentation() * (self._depth(index) + 1)
        style = self.tree.style()
        width -= 2 * (style.pixelMetric(QStyle.PM_FocusFrameHMargin, None, self.tree) + 1)
        if width < 40:
            return base
        metrics = option.fontMetrics
        font = index.data(Qt.FontRole)
        if font is not None:
            from PySide6.QtGui import QFontMetrics

            metrics = QFontMetrics(font)
        needed = metrics.boundingRect(QRect(0, 0, width, 100000), Qt.TextWordWrap, str(text)).height()
        lines = min(MAX_LINES, max(1, round(needed / max(metrics.lineSpacing(), 1))))
        return QSize(base.width(), max(base.height(), lines * metrics.lineSpacing() + 6))


def wrap_column(tree: QTreeView, column: int) -> WrappingDelegate:
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    delegate = WrappingDelegate(tree, column)
    tree.setItemDelegateForColumn(column, delegate)
    return delegate
