"""Undo of the last change of a task (Ctrl+Z, or “Hoàn tác” beside the status message).

A change is recorded as an UndoStep: the task, a sentence for the status bar and the work that
puts the data back (run through the OperationRunner like any save). One step is kept: the last
change, which is the one a hurried user wants back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from .lazy_qt import QMessageBox
from .operations import describe_error
from .start_order import text_action

MESSAGE_MS = 15000


@dataclass
class UndoStep:
    task_id: int
    message: str  # what was done, shown in the status bar: "Đã lưu kết quả nhiệm vụ 1.1."
    undo: Callable  # fn(workspace) putting the data back
    undone: str = "Đã hoàn tác thay đổi vừa rồi."


class UndoController(QObject):
    """Keeps the last step, shows it in the status bar with a “Hoàn tác” button, undoes it."""

    undone = Signal(int)  # task id put back

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.step: UndoStep | None = None
        self.action = text_action("Hoàn tác thay đổi vừa rồi", window)
        self.action.setShortcuts(QKeySequence.Undo)
        self.action.setEnabled(False)
        self.action.triggered.connect(self.undo)
        window.addAction(self.action)
        self.button = QPushButton("Hoàn tác")
        self.button.setFlat(True)
        self.button.setStyleSheet("color: #0d47a1; text-decoration: underline; padding: 0 6px;")
        self.button.clicked.connect(self.undo)
        # Permanent, left of the counts: a normal status-bar widget lies under the message, which
        # painted over it (the button could not be seen, let alone clicked).
        window.statusBar().insertPermanentWidget(0, self.button)
        self.button.hide()
        window.statusBar().messageChanged.connect(self._message_changed)

    def record(self, step: UndoStep) -> None:
        self.step = step
        self.action.setEnabled(True)
        self.window.statusBar().showMessage(step.message, MESSAGE_MS)  # short: the counts share the bar
        self.button.setToolTip(f"Hoàn tác (Ctrl+Z): {step.message}")
        self.button.show()

    def _message_changed(self, text: str) -> None:
        if not text:
            self.button.hide()

    def undo(self) -> None:
        step, self.step = self.step, None
        self.action.setEnabled(False)
        self.button.hide()
        if step is None:
            self.window.statusBar().showMessage("Không có thay đổi nào để hoàn tác.", 4000)
            return

        def done(_) -> None:
            self.undone.emit(step.task_id)
            self.window.statusBar().showMessage(step.undone, 8000)

        self.window.runner.run(
            self.window, "Đang hoàn tác…", lambda ctx: step.undo(ctx.workspace), done,
            lambda error: QMessageBox.warning(self.window, "Không hoàn tác được", describe_error(error)),
        )
