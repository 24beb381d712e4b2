"""Long work off the GUI thread, with a progress dialog that appears after a short delay.

Modelled on Anki's CollectionOp: the operation runs in a worker thread on its own
Workspace (its own SQLite connection), reports progress through a callback, may be
cancelled, and hands its result or its error back to the GUI thread. Tests set
`synchronous=True` to run operations inline (as Picard does).
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..errors import KehoachError
from ..workspace import Workspace

SHOW_AFTER_MS = 400


class Cancelled(Exception):
    """Raised inside an operation when the user pressed Hủy."""


@dataclass
class OperationContext:
    """What an operation function receives: its own workspace, progress, cancellation."""

    workspace: Workspace | None  # None for an operation that must not hold the data open (restore)
    _report: Callable[[int, int, str], None]
    _cancel: threading.Event

    def report(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._report(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


def _workspace(data_dir: Path, open_workspace: bool):
    # The window's own Workspace checked the data file at start: no second health check here.
    return Workspace(data_dir, check_health=False) if open_workspace else contextlib.nullcontext(None)


def _named(error: BaseException, data_dir: Path) -> BaseException:
    """A disk-full, read-only or I/O failure named with the data folder (issue 15)."""
    from ..failures import storage_error

    return storage_error(error, data_dir) or error


class _Job(QRunnable):
    def __init__(self, data_dir: Path, fn, signals: _Signals, cancel: threading.Event, open_workspace: bool = True):
        super().__init__()
        self.data_dir, self.fn, self.signals, self.cancel = data_dir, fn, signals, cancel
        self.open_workspace = open_workspace

    def run(self) -> None:
        try:
            with _workspace(self.data_dir, self.open_workspace) as workspace:
                context = OperationContext(workspace, self.signals.progress.emit, self.cancel)
                result = self.fn(context)
        except BaseException as error:  # handed to the GUI thread, never lost
            self.signals.failed.emit(_named(error, self.data_dir))
        else:
            self.signals.finished.emit(result)


def describe_error(error: BaseException) -> str:
    if isinstance(error, KehoachError):
        return str(error)
    if isinstance(error, Cancelled):
        return "Đã hủy theo yêu cầu; dữ liệu không thay đổi."
    from ..failures import storage_error  # issue 15: disk full, read-only, I/O said as such

    failure = storage_error(error)
    if failure is not None:
        return str(failure)
    detail = "".join(traceback.format_exception_only(type(error), error)).strip()
    return f"Đã xảy ra lỗi không mong muốn, dữ liệu không thay đổi.\nChi tiết: {detail}"


class OperationRunner:
    """Runs operations for one data folder; one instance per window, no global state."""

    def __init__(self, data_dir: Path, *, synchronous: bool = False):
        self.data_dir = Path(data_dir)
        self.synchronous = synchronous
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)  # one writer at a time
        self._keep: set = set()
        self._latest: dict[object, object] = {}  # key → the newest request of that kind

    def supersede(self, key: object) -> None:
        """Drop the result of any request of this kind still running (the caller shows
        something newer without a request of its own)."""
        if key in self._latest:  # a request of this kind is running (a finished one has left)
            self._latest[key] = object()

    def run(
        self,
        parent: QWidget | None,
        title: str,
        fn: Callable[[OperationContext], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        open_workspace: bool = True,
        latest: object = None,
    ) -> None:
        """`latest`: a key naming a kind of read (a view's reload): only the newest request of
        that kind reaches its callbacks; one that an older, slower request would overwrite is
        never shown."""
        if latest is not None:
            on_done, on_error = self._newest_only(latest, on_done, on_error)
        cancel = threading.Event()
        if self.synchronous:
            try:
                with _workspace(self.data_dir, open_workspace) as workspace:
                    result = fn(OperationContext(workspace, lambda *a: None, cancel))
            except BaseException as error:
                on_error(_named(error, self.data_dir))
            else:
                on_done(result)
            return
        dialog = _LateDialog(parent, title, cancel)  # issue 17: built only if the work lasts
        signals = _Signals()
        self._keep.add(signals)
        self._keep.add(dialog)

        def finish(callback, value) -> None:
            dialog.finish()
            self._keep.discard(signals)
            self._keep.discard(dialog)
            callback(value)

        signals.progress.connect(dialog.progress)
        signals.finished.connect(lambda result: finish(on_done, result))
        signals.failed.connect(lambda error: finish(on_error, error))
        self._pool.start(_Job(self.data_dir, fn, signals, cancel, open_workspace))

    def wait(self) -> None:
        self._pool.waitForDone()

    def _newest_only(self, key, on_done, on_error):
        request = self._latest[key] = object()

        def newest() -> bool:  # and, being newest, it lets the key go (views are keys: kept no longer)
            if self._latest.get(key) is not request:
                return False
            del self._latest[key]
            return True

        def done(result) -> None:
            if newest():
                on_done(result)

        def failed(error) -> None:
            if newest():
                on_error(error)

        return done, failed


# --- start-up (issue 17) ---


class _LateDialog:
    """The progress dialog of one operation, made when it has lasted SHOW_AFTER_MS: most
    operations end sooner (the window's read of the tasks at start), and the first dialog's Qt
    types cost ≈ 10 ms. Progress reported before then shows when it appears."""

    def __init__(self, parent: QWidget | None, title: str, cancel: threading.Event):
        self.parent, self.title, self.cancel = parent, title, cancel
        self.dialog = None
        self.state = (0, 0, "")
        self.timer = QTimer(parent)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.show)
        self.timer.start(SHOW_AFTER_MS)

    def show(self) -> None:
        if self.cancel.is_set() or self.dialog is not None:
            return
        from PySide6.QtCore import Qt  # issue 17: not at start (ui/qt_values)
        from PySide6.QtWidgets import QProgressDialog

        self.dialog = dialog = QProgressDialog(self.title, "Hủy", 0, 0, self.parent)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel.set)
        self.progress(*self.state)
        dialog.show()

    def progress(self, done: int, total: int, text: str) -> None:
        self.state = (done, total, text or self.state[2])
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(text)

    def finish(self) -> None:
        with contextlib.suppress(RuntimeError):  # the parent window (and with it the timer) may be gone
            self.timer.stop()
            if self.dialog is not None:
                self.dialog.close()
                self.dialog.deleteLater()
