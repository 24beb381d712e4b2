"""Issue 16: “Tổng quan” and “Tự đánh giá, chấm điểm” read their data off the GUI thread (through
the window's OperationRunner) and are not read again when nothing changed."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from kehoach_desktop import overview as overview_service  # noqa: E402
from kehoach_desktop.assessment import service  # noqa: E402
from kehoach_desktop.model import Role, Status  # noqa: E402

from test_assessment_gui import department_window  # noqa: E402,F401  (the fixture)


def _count_calls(monkeypatch, module, name):
    calls = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_the_overview_is_read_again_only_after_a_change(window, qtbot, monkeypatch):
    loads = _count_calls(monkeypatch, overview_service, "load_overview")
    done_before = window.overview.overview.done
    task = next(row for row in window.workspace.tasks(mine_only=True) if row.role == Role.LEAD)

    for _ in range(3):  # a task opened and the overview shown again, nothing saved: nothing read
        window.select_task(task.id)
        window.overview_action.trigger()
    assert loads == [] and window.right_stack.currentWidget() is window.overview

    window.select_task(task.id)
    pane = window.detail
    pane.status.setCurrentIndex(pane.status.findData(Status.IN_PROGRESS.value))
    pane.percent.setValue(30)
    qtbot.mouseClick(pane.save_button, Qt.LeftButton)
    window.overview_action.trigger()
    assert len(loads) == 1  # the save is seen
    window.overview_action.trigger()
    assert len(loads) == 1
    state = overview_service.state_of(window.workspace.task(task.id), window.today)
    assert state in ("in_progress", "overdue") and window.overview.overview.done == done_before
    assert window.overview.overview.bars == overview_service.build_overview(
        window._rows, window.today, window.current_plan_id).bars  # the saved task counted where it now is


def test_the_overview_loads_on_a_worker_thread(window, qtbot, monkeypatch):
    loads = _count_calls(monkeypatch, overview_service, "load_overview")
    shown = []
    monkeypatch.setattr(window.overview, "show_overview", lambda *args: shown.append(args))
    window.runner.synchronous = False
    try:
        window.today = window.today.replace(day=1) if window.today.day != 1 else window.today.replace(day=2)
        window.overview_action.trigger()  # a new day: read again
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    finally:
        window.runner.wait()
        window.runner.synchronous = True
    assert loads and loads[0] is not threading.main_thread()
    assert shown[0][0].total == window.overview.overview.total  # the same numbers, read elsewhere


def test_the_assessment_view_reads_off_the_gui_thread_and_reuses_an_unchanged_index(department_window, qtbot,
                                                                                   monkeypatch):
    win = department_window
    loads = _count_calls(monkeypatch, service, "load")
    titles = []
    run = win.runner.run
    monkeypatch.setattr(win.runner, "run", lambda parent, title, *a, **k: titles.append(title) or run(parent, title, *a, **k))
    view = win.open_assessment()
    qtbot.addWidget(view)
    assert "Đang tải bảng tự chấm điểm…" in titles and len(loads) == 1
    par = view.index.currentData()
    view.index.setCurrentIndex(view.index.findData("SIPAS"))
    assert len(loads) == 2 and "SIPAS" in view.hint.text()
    view.index.setCurrentIndex(view.index.findData(par))  # back, nothing saved: shown from what was read
    assert len(loads) == 2 and view.tree.topLevelItem(view.tree.topLevelItemCount() - 1).text(1) == "68"

    item = next(c for c in view.assessment.criteria if c.may_score)
    service.save_score(win.workspace, item.id, score=item.max_score, explanation="Đủ tài liệu")
    assert len(loads) == 3  # the save reads the plan once (it read it twice)
    view.index.setCurrentIndex(view.index.findData("SIPAS"))
    view.index.setCurrentIndex(view.index.findData(par))  # a score saved meanwhile: both read again
    assert len(loads) == 5


def test_an_empty_data_folder_shows_how_to_begin_not_zero_counts(qtbot, tmp_path):
    from kehoach_desktop.ui import app as app_module

    app_module.make_application()
    win = app_module.open_main_window(tmp_path / "data", synchronous=True)
    qtbot.addWidget(win)
    win.show()
    try:
        assert "Chưa có kế hoạch nào" in win.overview.summary.text()
        assert not win.overview.links.isVisible() and not win.overview.chart.isVisible()
        assert not win.legend.isVisible() and not win.plan_bar.isVisible()
    finally:
        win.workspace.close()


def test_period_names_keep_their_roman_numerals_in_the_package_dialog(window):
    from kehoach_desktop.text import upper_first
    from kehoach_desktop.ui.exchange_dialogs import ExportDialog

    dialog = ExportDialog(".khbc", window.workspace.profile(), lambda: [], window, today=window.today)
    names = [dialog.period.itemText(i) for i in range(dialog.period.count())]
    assert "Quý I" in names and "Quý III" in names and not any("Quý i" in name for name in names)
    assert upper_first("SIPAS đo sự hài lòng") == "SIPAS đo sự hài lòng"
    dialog.deleteLater()


def test_a_bar_cut_in_a_narrow_pane_names_itself_in_full_on_hover(window):
    chart = window.overview.chart
    chart.resize(300, chart.height())  # narrow: the long area names are elided on screen
    bars = window.overview.overview.bars
    longest = max(range(len(bars)), key=lambda i: len(bars[i].label))
    text = chart.tooltip_text(longest * chart._row_height() + 2)
    assert text.startswith(bars[longest].label + "\n") and f"Hoàn thành: {bars[longest].counts['done']}" in text
    assert chart.tooltip_text(len(bars) * chart._row_height() + 5) == ""  # the legend: no tooltip


def test_the_score_dialog_shows_its_buttons_whole_and_the_legend_wraps(department_window, qtbot):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from window_tour import _buttons_problems
    from kehoach_desktop.ui.assessment_view import ScoreDialog

    win = department_window
    view = win.open_assessment()
    qtbot.addWidget(view)
    dialog = ScoreDialog(win.workspace, service.find_criterion(view.assessment, "2.2.1"), view)
    qtbot.addWidget(dialog)
    dialog.resize(dialog.minimumSizeHint())  # the narrowest it can be (760 px wide)
    dialog.show()
    qtbot.wait(10)
    assert _buttons_problems(dialog) == []

    chart = win.overview.chart
    chart.resize(360, chart.height())
    rows = chart._legend_rows()
    assert len(rows) > 1 and sum(len(row) for row in rows) == 4
    assert chart.height() >= chart._row_height() * len(chart.bars) + 30 * len(rows)
