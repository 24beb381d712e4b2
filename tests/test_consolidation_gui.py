"""The consolidator's window (issue 11): register, matrix, one agency's task, receiving."""

from __future__ import annotations

import os

import pytest

from _consolidation_support import UNREPORTED, consolidator, province  # noqa: F401 - the fixture

SHOTS = os.environ.get("KEHOACH_SHOTS")  # a folder: screenshots for looking at them


@pytest.fixture
def snv_window(qtbot, province, tmp_path):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kehoach_desktop.ui import app as app_module

    consolidator(province, tmp_path / "snv").close()
    app_module.make_application()
    win = app_module.open_main_window(tmp_path / "snv", synchronous=True)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.workspace.close()


def _shot(widget, name: str, sizes=((1366, 728), (1024, 768))) -> None:
    if SHOTS:
        for width, height in sizes:
            widget.resize(width, height)
            widget.grab().save(os.path.join(SHOTS, f"{name}-{width}.png"))


def test_receive_then_register_matrix_and_one_agency_task(snv_window, province, qtbot, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from kehoach_desktop.ui import consolidation_window as module

    window = snv_window.open_consolidation()
    qtbot.addWidget(window)
    assert window.register_model.rowCount() == 35  # rostered, nothing received yet
    shown = []

    def preview(dialog):
        shown.append([dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())])
        _shot(dialog, "receive-preview")
        return QDialog.Accepted
    monkeypatch.setattr(module.ReceiveDialog, "exec", preview)
    monkeypatch.setattr(module.QMessageBox, "information", lambda *a: None)
    window.receive([province["packages"]])
    assert shown and shown[0].count("nhận") == 35 - len(UNREPORTED)
    # the register: the filter "chưa nộp" lists exactly the agencies that sent nothing
    window.period.setCurrentIndex(window.period.findData("year"))
    window.year.setValue(2025)
    qtbot.waitUntil(lambda: (window.snapshot.period.kind, window.snapshot.period.year) == ("year", 2025))
    window.state_filter.setCurrentIndex(window.state_filter.findData("chưa nộp"))
    names = {window.register_model.rows[r]["name"] for r in range(window.register_model.rowCount())}
    assert names == UNREPORTED
    window.state_filter.setCurrentIndex(0)
    _shot(window, "register")
    # the matrix: tasks × 35 agencies, one model, no widget per cell
    window.tabs.setCurrentIndex(1)
    model = window.matrix_model
    assert model.columnCount() == 2 + 35 and model.rowCount() == len(window.snapshot.tasks)
    assert window.matrix_view.indexWidget(window.matrix_proxy.index(0, 2)) is None
    _shot(window, "matrix")
    # double-click a cell the agency completed: its result and evidence
    snapshot = window.snapshot
    target = None
    for col, column in enumerate(model.columns, start=model.FIXED):
        agency_id = column["agency"]["id"]
        for row, task in enumerate(snapshot.tasks):
            if snapshot.status(agency_id, task.id) == "hoàn thành" and snapshot.completed_on(agency_id, task.id):
                target = (row, col, agency_id, task.id)
                break
        if target:
            break
    row, col, agency_id, task_id = target
    index = window.matrix_proxy.index(row, col)
    window.matrix_view.scrollTo(index)
    rect = window.matrix_view.visualRect(index)
    qtbot.mouseClick(window.matrix_view.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.matrix_view.viewport(), Qt.LeftButton, pos=rect.center())
    detail = window.last_detail
    assert "hoàn thành" in detail.status.text()
    assert detail.windowTitle().startswith(column["agency"]["name"])
    _shot(detail, "agency-task", ((760, 520),))
    # the search filters the matrix rows, diacritics ignored
    window.search.setText("tuyen truyen")
    assert 0 < window.matrix_proxy.rowCount() < model.rowCount()
    # grouped by kind: one column per kind with done/assigned
    window.grouped.setChecked(True)
    assert [c["kind"] for c in model.columns] == ["so", "xa"]
    window.tabs.setCurrentIndex(2)
    assert window.areas_tree.topLevelItemCount() >= 2  # PAR INDEX, PAPI…
    _shot(window, "areas")
    window.tabs.setCurrentIndex(3)
    _shot(window, "actions")
    assert window.actions_tree.topLevelItemCount() == 3
    _click_through_an_overdue_task(window, qtbot)


def _click_through_an_overdue_task(window, qtbot):
    """An agency's overdue tasks come when its line is opened (a province has 3·10⁵ of them), as
    the list says, and a double-click opens the agency's task."""
    from PySide6.QtCore import Qt

    from kehoach_desktop.consolidation import overview as views
    from kehoach_desktop.ui.consolidation_models import TASK_ID_ROLE

    overdue = window.actions_tree.topLevelItem(0)
    expected = views.action_lists(window.snapshot)["overdue"]
    assert overdue.childCount() == len(expected) > 0
    agency = overdue.child(0)
    assert agency.childCount() == 0 and agency.text(1) == f"{len(expected[0]['tasks'])} nhiệm vụ"
    tree = window.actions_tree
    tree.scrollToItem(agency)
    rect = tree.visualItemRect(agency)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=rect.center())  # a double-click opens the line
    qtbot.mouseDClick(tree.viewport(), Qt.LeftButton, pos=rect.center())
    assert agency.isExpanded()
    assert [agency.child(n).data(0, TASK_ID_ROLE) for n in range(agency.childCount())] == \
        [task["task_id"] for task in expected[0]["tasks"]]
    task = agency.child(0)
    tree.scrollToItem(task)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=tree.visualItemRect(task).center())
    qtbot.mouseDClick(tree.viewport(), Qt.LeftButton, pos=tree.visualItemRect(task).center())
    assert window.last_detail.windowTitle().startswith(expected[0]["agency"])
    window.last_detail.close()
    agency.setExpanded(False)
    agency.setExpanded(True)  # opened again: the same tasks, not twice
    assert agency.childCount() == len(expected[0]["tasks"])


def test_window_writes_the_report_matrix_and_task_packages(snv_window, province, qtbot, monkeypatch, tmp_path):
    from kehoach_desktop.ui import consolidation_window as module

    messages = []
    monkeypatch.setattr(module.QMessageBox, "information", lambda _parent, title, text: messages.append(text))
    monkeypatch.setattr(module.QMessageBox, "warning", lambda _parent, title, text: messages.append("!" + text))
    window = snv_window.open_consolidation()
    qtbot.addWidget(window)
    window.write_report(tmp_path / "th.pdf")
    (tmp_path / "usb").mkdir()
    window.send_tasks(tmp_path / "usb")
    assert not [m for m in messages if m.startswith("!")], messages
    assert (tmp_path / "th.pdf").stat().st_size > 10_000
    assert len(list((tmp_path / "usb").glob("*.khnv"))) == 35


def test_profile_dialog_sets_the_consolidating_role(snv_window, monkeypatch):
    from kehoach_desktop.consolidation import roster
    from kehoach_desktop.ui.profile_dialog import ProfileDialog  # the window loads it when first asked (issue 17)

    def accept_led_tasks(dialog):
        assert dialog.consolidates() == "plan"  # what the data say
        dialog.consolidates_box.setCurrentIndex(dialog.consolidates_box.findData("led-tasks"))
        return ProfileDialog.Accepted
    monkeypatch.setattr(ProfileDialog, "exec", accept_led_tasks)
    snv_window.edit_profile()
    assert roster.get_consolidates(snv_window.workspace) == "led-tasks"


def test_the_period_controls_read_once_when_the_user_stops_and_off_the_gui_thread(snv_window, qtbot,
                                                                                    monkeypatch):
    import threading

    from kehoach_desktop.consolidation import overview as views
    from kehoach_desktop.ui import consolidation_window as module

    window = snv_window.open_consolidation()
    qtbot.addWidget(window)
    reads = []
    real_load = views.load

    def counted(workspace, *args, **kwargs):
        reads.append((workspace is window.workspace, args[0] if args else None))
        return real_load(workspace, *args, **kwargs)
    monkeypatch.setattr(views, "load", counted)
    for year in (2021, 2022, 2023, 2024, 2025):  # arrows held down on the year
        window.year.setValue(year)
    window.period.setCurrentIndex(window.period.findData("h1"))
    assert reads == []  # nothing read while the user is still changing them
    qtbot.waitUntil(lambda: len(reads) == 1, timeout=3000)
    qtbot.wait(module.RELOAD_AFTER_MS + 100)
    assert len(reads) == 1
    own_connection, period = reads[0]
    assert not own_connection  # the operation's own workspace (a worker thread in the program)
    assert (period.kind, period.year) == ("h1", 2025)
    assert (window.snapshot.period.kind, window.snapshot.period.year) == ("h1", 2025)
    # a read cancelled by the user keeps what is shown and says nothing
    shown = window.snapshot
    warnings = []
    monkeypatch.setattr(module.QMessageBox, "warning", lambda *a: warnings.append(a))

    def cancelled(ctx_workspace, *args, **kwargs):
        raise module.Cancelled()
    monkeypatch.setattr(views, "load", cancelled)
    window.reload()
    assert window.snapshot is shown and not warnings
    # with the program's own runner the read happens on a worker thread
    from kehoach_desktop.ui.operations import OperationRunner

    threads = []

    def on_thread(workspace, *args, **kwargs):
        threads.append(threading.current_thread())
        return real_load(workspace, *args, **kwargs)
    monkeypatch.setattr(views, "load", on_thread)
    runner = OperationRunner(window.workspace.data_dir)
    other = module.ConsolidationWindow(window.workspace, runner, today=window.today)
    qtbot.addWidget(other)
    assert other.snapshot is None  # the window is up before the data are read
    qtbot.waitUntil(lambda: other.snapshot is not None, timeout=10000)
    runner.wait()
    assert threads and threads[0] is not threading.main_thread()
    assert other.register_model.rowCount() == 35


def test_what_a_clerk_acts_on_is_in_view_on_a_small_screen(snv_window, province, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from kehoach_desktop.ui import consolidation_window as module
    from kehoach_desktop.ui.consolidation_models import RegisterModel

    monkeypatch.setattr(module.ReceiveDialog, "exec", lambda dialog: QDialog.Accepted)
    monkeypatch.setattr(module.QMessageBox, "information", lambda *a: None)
    window = snv_window.open_consolidation()
    qtbot.addWidget(window)
    window.receive([province["packages"]])
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    # the register: the overdue columns without scrolling; no empty code column
    view = window.register_view
    assert view.isColumnHidden(RegisterModel.CODE_COLUMN)  # no agency has a code here
    for name in ("Tình trạng", "Quá hạn", "Quá hạn lâu nhất"):
        column = RegisterModel.HEADERS.index(name)
        assert view.columnViewportPosition(column) + view.columnWidth(column) <= view.viewport().width(), name
    # the matrix: each row's code stays in its header while the agencies scroll by
    model = window.matrix_model
    task = window.snapshot.tasks[0]
    from PySide6.QtCore import Qt

    assert model.headerData(0, Qt.Vertical) == (task.code or "1")
    assert not model.index(0, 0).data().startswith(f"{task.code} ") or not task.code
    assert window.matrix_view.columnWidth(0) <= 1024 // 3
    # the areas: names in full, the figures beside them
    window.tabs.setCurrentIndex(2)
    tree = window.areas_tree
    metrics = tree.fontMetrics()
    longest = max((tree.topLevelItem(i).child(j).text(0) for i in range(tree.topLevelItemCount())
                   for j in range(tree.topLevelItem(i).childCount())), key=metrics.horizontalAdvance)
    assert tree.columnWidth(0) >= metrics.horizontalAdvance(longest) + tree.indentation()
    # one agency's task without evidence: no empty list, no button that opens nothing
    snapshot = window.snapshot
    agency = next(a for a in snapshot.agencies if a["id"] in snapshot.any_package)
    bare = next(t for t in snapshot.tasks if snapshot.status(agency["id"], t.id) is not None
                and not module.views.agency_task(window.workspace, agency["id"], t.id)["evidence"])
    dialog = window.open_agency_task(agency["id"], bare.id)
    assert dialog.open_button.isHidden() and dialog.evidence.count() == 0
    with_file = next(t for t in snapshot.tasks if snapshot.status(agency["id"], t.id) is not None
                     and module.views.agency_task(window.workspace, agency["id"], t.id)["evidence"])
    dialog = window.open_agency_task(agency["id"], with_file.id)
    assert not dialog.open_button.isHidden() and dialog.open_button.isEnabled()
