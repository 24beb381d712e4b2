"""What the window can leave until its first read of the tasks is on the screen (issue 17).

A small plan (MainWindow.READ_HERE_UP_TO tasks) is read before the window shows, so that its
first paint shows the tasks; larger data are read on a worker thread after the window shows.
The user waits for that paint. Work that shows nowhere in it runs once it has been painted, so
it neither delays it nor competes with the read for the processor: the report reminder, “Tổng
quan” and its read (they load the report services), the detail pane, listening for a second
start (QtNetwork), the start-up backup."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer


class AfterTasksShown(QObject):
    """`then(action)`: run `action` once the window has painted the tasks of its first read.

    `tasks_read()` is called when that read is in the model. A visible window runs the actions
    at its next paint, or after LATEST_MS at the latest; one shown only later (a synchronous
    read: tests, a restore) runs them as it is shown, or, with `paint_first` (the start read the
    tasks before showing the window), at its first paint."""

    LATEST_MS = 1000

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.read = self.done = False
        self.pending: list = []
        self.paint_first = False

    def then(self, action) -> None:
        if self.done:
            action()
        else:
            self.pending.append(action)

    def at_latest(self, ms: int) -> None:
        """Run the actions after `ms` even if no read ever arrives (it failed)."""
        QTimer.singleShot(ms, self, self._run)

    def tasks_read(self) -> None:
        if self.read:
            return
        self.read = True
        if self.window.isVisible():
            self._at_next_paint()
        else:
            self.window.installEventFilter(self)

    def _at_next_paint(self) -> None:
        at_next_paint(self.window.tree.viewport(), self._run, self.LATEST_MS)

    def eventFilter(self, obj, event) -> bool:
        if self.done:
            return False
        if event.type() == QEvent.Show and obj is self.window:
            obj.removeEventFilter(self)
            self._at_next_paint() if self.paint_first else self._run()
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        pending, self.pending = self.pending, []
        for action in pending:
            action()


def at_next_paint(widget, action, latest_ms: int = 1000) -> None:
    """Run `action` once, just after `widget`'s next paint is on the screen, or after `latest_ms`
    if no paint comes (a hidden window). A zero-delay timer set beside new rows runs before they
    are painted: Qt paints them at a later turn of the event loop."""
    _NextPaint(widget, action, latest_ms)


class _NextPaint(QObject):
    def __init__(self, widget, action, latest_ms: int):
        super().__init__(widget)
        self._action, self._done = action, False
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._run)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Paint and not self._done:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # once this paint is on the screen
        return False

    def _run(self) -> None:
        if not self._done:
            self._done = True
            self._action()
            self.deleteLater()


class DetailStandIn:
    """`window.detail` until the detail pane is built: right after the tasks' first paint, or
    when something first needs more of it than "no task shown, nothing to save". The pane is
    hidden behind “Tổng quan” at start; building it (≈ 45 ms, with the Qt types it uses) waits.

    `build()` makes the real pane, puts it in `window.detail` and returns it; `on_shown(task)`
    is what the pane's `shown` signal does (the overview takes its place)."""

    task = None
    dirty = False

    def __init__(self, build):
        self._build = build
        self.on_shown = lambda task: None

    def save_if_dirty(self) -> bool:
        return True

    def show_task(self, task) -> None:
        if task is None:
            self.on_shown(None)
        else:
            self._build().show_task(task)

    def refresh_evidence(self, task_id: int) -> None:
        pass  # no task shown: nothing to refresh

    def __getattr__(self, name):  # anything else: the real pane
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._build(), name)


def own_viewport(view) -> None:
    """Give a scroll area a viewport made here, set as Qt sets its own.

    The first `view.viewport()` on Qt's own viewport makes PySide look for the most derived Python
    type of a bare QWidget pointer: it creates the Python types of every widget class of QtWidgets
    (wizards, calendars, dials…): 36 ms alone, 8–10 ms of the window's start (which needs many of
    them anyway). A widget made in Python is known as it is. (setViewport grabs the pan gesture
    for it, as for Qt's own.)"""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QWidget

    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")  # as QAbstractScrollArea names its own
    viewport.setBackgroundRole(QPalette.Base)
    viewport.setAutoFillBackground(True)
    view.setViewport(viewport)


def text_action(text: str, parent):
    """QAction(text, parent) without that overload: PySide weighs QAction(icon, text) against it
    and makes QIcon's Python type for the check (≈ 2 ms at the start, which shows no icon)."""
    from PySide6.QtGui import QAction

    action = QAction(parent)
    action.setText(text)
    return action
