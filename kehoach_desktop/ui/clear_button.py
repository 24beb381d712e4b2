"""The search box's clear button (issue 17), in a module of its own: the window's start loads it
without ui/widgets.py (the dialogs' date and score fields)."""

from __future__ import annotations


def add_clear_button(line_edit) -> None:
    """A clear button (×) inside the box, shown while there is text. Qt's own
    (setClearButtonEnabled) looks its icon up in the icon theme at first use: 70–80 ms on a
    machine with large themes. This one is drawn here, at the first character typed."""
    from PySide6.QtWidgets import QLineEdit

    def changed(text: str) -> None:
        action = getattr(line_edit, "clear_action", None)
        if action is None and text:
            action = line_edit.clear_action = line_edit.addAction(_clear_icon(), QLineEdit.TrailingPosition)
            action.setToolTip("Xóa nội dung ô")
            action.triggered.connect(line_edit.clear)
        if action is not None:
            action.setVisible(bool(text))

    line_edit.clear_action = None
    line_edit.textChanged.connect(changed)
    changed(line_edit.text())


def _clear_icon():
    """A grey disc with a white ×, at 16 and 32 pixels (sharp on scaled screens)."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor("#9e9e9e"))
        painter.drawEllipse(QPointF(size / 2, size / 2), size * 0.44, size * 0.44)
        painter.setPen(QPen(QColor("white"), size / 8, Qt.SolidLine, Qt.RoundCap))
        low, high = size * 0.33, size * 0.67
        painter.drawLine(QPointF(low, low), QPointF(high, high))
        painter.drawLine(QPointF(low, high), QPointF(high, low))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
