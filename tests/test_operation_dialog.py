"""The progress dialog of long work (ui/operations.py): made only once the work has lasted (issue 17)."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget  # noqa: E402

from kehoach_desktop.ui import operations  # noqa: E402


def _dialogs(parent) -> list[QProgressDialog]:
    return [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


def _run(qtbot, parent, fn) -> dict:
    outcome: dict = {}
    runner = outcome["runner"] = operations.OperationRunner(os.getcwd())  # its thread pool lives as long
    runner.run(parent, "Đang làm việc dài…", fn, lambda value: outcome.setdefault("done", value),
               lambda error: outcome.setdefault("error", error), open_workspace=False)
    return outcome


def test_quick_work_makes_no_dialog_and_long_work_shows_its_progress(qtbot, monkeypatch):
    monkeypatch.setattr(operations, "SHOW_AFTER_MS", 60)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    quick = _run(qtbot, parent, lambda ctx: 7)
    qtbot.waitUntil(lambda: "done" in quick)
    assert quick["done"] == 7 and parent.findChildren(QProgressDialog) == []

    release = threading.Event()

    def long_work(ctx):
        ctx.report(2, 5, "Đã đọc 2/5 tệp")
        release.wait(10)
        return "xong"

    slow = _run(qtbot, parent, long_work)
    qtbot.waitUntil(lambda: _dialogs(parent) != [], timeout=5000)
    dialog = _dialogs(parent)[0]
    assert (dialog.labelText(), dialog.value(), dialog.maximum()) == ("Đã đọc 2/5 tệp", 2, 5)  # reported before it showed
    release.set()
    qtbot.waitUntil(lambda: "done" in slow)
    assert slow["done"] == "xong" and "error" not in slow
    qtbot.waitUntil(lambda: _dialogs(parent) == [])


def test_cancel_in_the_late_dialog_stops_the_work(qtbot, monkeypatch):
    monkeypatch.setattr(operations, "SHOW_AFTER_MS", 30)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def until_cancelled(ctx):
        for _ in range(1000):  # 10 s at most
            ctx.report(0, 0, "")
            threading.Event().wait(0.01)

    outcome = _run(qtbot, parent, until_cancelled)
    qtbot.waitUntil(lambda: _dialogs(parent) != [], timeout=5000)
    button = _dialogs(parent)[0].findChild(QPushButton)
    assert button.text() == "Hủy"
    button.click()
    qtbot.waitUntil(lambda: "error" in outcome, timeout=5000)
    assert isinstance(outcome["error"], operations.Cancelled)
    assert operations.describe_error(outcome["error"]) == "Đã hủy theo yêu cầu; dữ liệu không thay đổi."
    QApplication.processEvents()


def test_only_the_newest_read_of_a_kind_reaches_its_view(qtbot):
    """A view that reads again (another period typed, an index chosen) shows the newest read,
    even when an older one ends after it; reads of another kind are not affected."""
    runner = operations.OperationRunner(os.getcwd())
    shown: list = []
    release_old = threading.Event()

    def old_read(ctx):
        release_old.wait(10)
        return "cũ"

    runner._pool.setMaxThreadCount(2)  # the older read may end last
    runner.run(None, "Đọc", old_read, shown.append, shown.append, open_workspace=False, latest="bảng")
    runner.run(None, "Đọc", lambda ctx: "mới", shown.append, shown.append, open_workspace=False, latest="bảng")
    runner.run(None, "Đọc", lambda ctx: "khác", shown.append, shown.append, open_workspace=False, latest="khác")
    qtbot.waitUntil(lambda: "mới" in shown and "khác" in shown)
    release_old.set()
    runner.wait()
    qtbot.wait(50)  # the old read's result, queued to the GUI thread, is delivered and dropped
    assert sorted(shown) == ["khác", "mới"]


def test_a_superseded_read_is_dropped_even_when_it_fails(qtbot):
    runner = operations.OperationRunner(os.getcwd())
    seen: list = []
    runner.run(None, "Đọc", lambda ctx: 1 / 0, seen.append, seen.append, open_workspace=False, latest="bảng")
    runner.supersede("bảng")  # the view showed a copy it had already read
    runner.wait()
    qtbot.wait(50)
    assert seen == []
