"""The task tree as a model (issue 17): a save changes one row in place, the selection stays
where the user clicked, filters re-map without rebuilding, selecting reads one task."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from kehoach_desktop.db import store  # noqa: E402
from kehoach_desktop.model import Status  # noqa: E402
from kehoach_desktop.task_filter import TaskFilter, apply_filter  # noqa: E402


def _mine(window):
    return [row for row in window._rows if row.role is not None and not row.removed]


class _Signals:
    """Counts what the source model and the proxy tell the view."""

    def __init__(self, model):
        self.changed: list[tuple[int, int]] = []
        self.resets = 0
        self.structure = 0
        model.dataChanged.connect(lambda top, bottom, *_: self.changed.append(((top.internalId(), top.row()), bottom.column())))
        model.modelReset.connect(self._reset)
        for signal in (model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._structure)

    def _reset(self, *_):
        self.resets += 1

    def _structure(self, *_):
        self.structure += 1


def test_a_save_changes_one_row_in_place_and_nothing_is_reread(window, qtbot, monkeypatch):
    target = _mine(window)[2]
    assert window.select_task(target.id)
    seen = _Signals(window.model)
    reads = []
    monkeypatch.setattr(window.workspace, "tasks", lambda **kw: reads.append(kw) or [])
    pane = window.detail
    pane.status.setCurrentIndex(pane.status.findData(Status.IN_PROGRESS.value))
    pane.percent.setValue(60)
    qtbot.mouseClick(pane.save_button, Qt.LeftButton)

    assert reads == []  # no task list re-read
    assert seen.resets == 0 and seen.structure == 0
    target_cell = window.model.index_of_task(target.id)
    assert {cell for cell, _ in seen.changed} == {(target_cell.internalId(), target_cell.row())}  # that row only
    row = next(row for row in window._rows if row.id == target.id)
    assert (row.status, row.percent) == (Status.IN_PROGRESS, 60)
    status_cell = window.model.index_of_task(target.id).siblingAtColumn(4)
    assert status_cell.data() == "Đang thực hiện (60%)"
    assert window.detail.task.id == target.id and window.tree.currentIndex().data(window_task_role()) == target.id


def window_task_role():
    from kehoach_desktop.ui.task_tree import TASK_ID_ROLE

    return TASK_ID_ROLE


def test_after_editing_a_task_the_click_on_another_is_kept(window, qtbot):
    first, second = _mine(window)[0], _mine(window)[5]
    assert window.select_task(first.id)
    window.detail.result.setPlainText("Đã triển khai")  # edited, not saved
    index = window.proxy.view_index(window.model.index_of_task(second.id))
    rect = window.tree.visualRect(index)
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.LeftButton, pos=rect.center())  # the save runs on the way

    assert window.tree.currentIndex().data(window_task_role()) == second.id  # no snap back to the first
    assert window.detail.task.id == second.id
    assert window.workspace.progress(first.id).result == "Đã triển khai"
    assert next(row for row in window._rows if row.id == first.id).result == "Đã triển khai"


def test_a_saved_task_that_leaves_the_filter_disappears_from_it(window, qtbot, monkeypatch):
    from kehoach_desktop.ui.completion_dialog import CompletionDateDialog

    monkeypatch.setattr(CompletionDateDialog, "exec", lambda dialog: CompletionDateDialog.Accepted)  # the date asked (issue 16)
    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.NOT_STARTED.value))
    before = window.visible_task_ids()
    target = before[1]
    assert window.select_task(target)
    pane = window.detail
    pane.status.setCurrentIndex(pane.status.findData(Status.DONE.value))
    qtbot.mouseClick(pane.save_button, Qt.LeftButton)
    after = window.visible_task_ids()
    assert after == [task_id for task_id in before if task_id != target]
    assert window.detail.task is None
    assert f"Đang hiện {len(after)} nhiệm vụ" in window.empty_hint.text()


def test_filters_re_map_in_place_and_match_the_service_filter(window):
    seen = _Signals(window.model)
    for scope in ("all", "lead", "mine"):
        window.scope.setCurrentIndex(window.scope.findData(scope))
        expected = [row.id for row in apply_filter(window._rows, TaskFilter(scope=scope), window.today)]
        assert window.visible_task_ids() == expected
    assert seen.resets == 0  # the source model was not rebuilt


def test_selecting_a_task_reads_that_task_not_every_criterion(window, monkeypatch):
    calls = []
    monkeypatch.setattr(store, "all_criteria", lambda db: calls.append("all") or [])
    monkeypatch.setattr(store, "task_rows", _counting(store.task_rows, calls))
    target = _mine(window)[7]
    assert window.select_task(target.id)
    assert window.detail.task.id == target.id and window.detail.task.area_title == target.area_title
    assert "all" not in calls and calls and all(call == "one" for call in calls)


def _counting(function, calls):
    def wrapper(db, task_id=None):
        calls.append("one" if task_id is not None else "every")
        return function(db, task_id)

    return wrapper


def test_the_first_start_of_a_set_up_folder_reads_the_tasks_once(imported_workspace, qtbot, monkeypatch):
    from kehoach_desktop.ui import app as app_module
    from kehoach_desktop.workspace import Workspace

    folder = imported_workspace.data_dir
    imported_workspace.close()
    reads = []
    real = Workspace.tasks
    monkeypatch.setattr(Workspace, "tasks", lambda self, **kw: reads.append(kw) or real(self, **kw))
    app_module.make_application()
    window = app_module.open_main_window(folder, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    app_module.first_run(window)
    assert len(reads) == 1
    assert len(window.visible_task_ids()) == len([r for r in window._rows if r.role and not r.removed]) > 0
    window.workspace.close()
