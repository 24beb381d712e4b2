"""The start path does without PySide's Qt enum namespace (issue 17, ui/qt_values.py): the plain
numbers it uses are Qt's own, the tree looks and behaves as with the enums, and sorting by a
column header works once the tasks have painted."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

QtWidgets = pytest.importorskip("PySide6.QtWidgets")
from PySide6.QtCore import QModelIndex, Qt  # noqa: E402

from conftest import COMMUNE, SAMPLE_XLSX  # noqa: E402
from kehoach_desktop.model import Status  # noqa: E402
from kehoach_desktop.ui import qt_values as qv  # noqa: E402
from kehoach_desktop.ui.task_tree import (  # noqa: E402
    COL_DEADLINE, COL_TASK, OVERDUE_BG, TASK_ID_ROLE, TaskFilterProxy, TaskTreeModel, build_tree,
)
from kehoach_desktop.workspace import Workspace  # noqa: E402

TODAY = dt.date(2025, 7, 5)


def test_the_plain_numbers_are_qts_own():
    pairs = [(qv.DISPLAY_ROLE, Qt.DisplayRole), (qv.TOOLTIP_ROLE, Qt.ToolTipRole), (qv.FONT_ROLE, Qt.FontRole),
             (qv.BACKGROUND_ROLE, Qt.BackgroundRole), (qv.FOREGROUND_ROLE, Qt.ForegroundRole),
             (qv.USER_ROLE, Qt.UserRole), (qv.ITEM_IS_SELECTABLE, Qt.ItemIsSelectable),
             (qv.ITEM_IS_ENABLED, Qt.ItemIsEnabled), (qv.ITEM_NEVER_HAS_CHILDREN, Qt.ItemNeverHasChildren)]
    assert [number for number, _ in pairs] == [member.value for _, member in pairs]


def _rows(tmp_path):
    with Workspace(tmp_path / "data") as ws:
        ws.save_profile(COMMUNE)
        ws.import_annex(SAMPLE_XLSX)
        rows = ws.tasks()[:6]
    # overdue at TODAY, not removed: the tree paints them red
    return [dataclasses.replace(row, due_date=TODAY - dt.timedelta(days=3), due_dates=(), status=Status.NOT_STARTED,
                                removed=False) for row in rows]


def _view(rows):
    view = QtWidgets.QTreeView()
    model, proxy = TaskTreeModel(view), TaskFilterProxy(view)
    proxy.setSourceModel(model)
    proxy.show_in(view)
    model.set_tree(build_tree(rows, TODAY))
    view.expandAll()
    return model, proxy, view


def test_cells_keep_their_flags_and_an_overdue_row_is_painted_red(tmp_path, qtbot):
    rows = _rows(tmp_path)
    model, proxy, view = _view(rows)
    qtbot.addWidget(view)
    task = model.index_of_task(rows[0].id)
    flags = model.flags(task)  # stored as QStandardItem.setFlags stores them: read back the same
    assert flags == Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemNeverHasChildren  # not editable
    assert model.flags(task.parent()) == Qt.ItemIsEnabled | Qt.ItemIsSelectable  # a group has children
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    cell = proxy.view_index(task.siblingAtColumn(COL_DEADLINE))
    view.scrollTo(cell)
    rect = view.visualRect(cell)
    image = view.viewport().grab().toImage()
    assert image.pixelColor(rect.right() - 3, rect.top() + 2) == OVERDUE_BG  # the colour as a solid background


def test_the_header_sorts_once_the_tasks_have_painted_and_the_annex_order_shows_first(window, qtbot):
    from kehoach_desktop.task_filter import ALL

    tree, proxy = window.tree, window.proxy
    header = tree.header()
    qtbot.waitUntil(lambda: window.after_tasks_shown.done, timeout=3000)
    assert tree.isSortingEnabled() and header.sortIndicatorSection() == -1  # no arrow: the annex's order
    window.scope.setCurrentIndex(window.scope.findData(ALL))
    window._filters_changed()
    annex = window.visible_task_ids()

    source = max((window.model.index_of_task(task_id).parent() for task_id in annex),
                 key=lambda group: window.model.rowCount(group))  # the criterion with most tasks

    def first_rows() -> list:
        group = proxy.mapFromSource(source)
        return [proxy.index(row, COL_TASK, group).data() for row in range(proxy.rowCount(group))]

    in_annex_order = first_rows()
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    QTest.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(header.sectionViewportPosition(COL_TASK) + 20, 5))
    names = first_rows()
    assert header.sortIndicatorSection() == COL_TASK and proxy.sortColumn() == COL_TASK and len(names) > 1
    sign = 1 if proxy.sortOrder() == Qt.AscendingOrder else -1
    collator = proxy._collator
    assert all(sign * collator.compare(a, b) <= 0 for a, b in zip(names, names[1:]))  # Vietnamese collation
    assert names != in_annex_order
    tree.sortByColumn(-1, Qt.AscendingOrder)
    assert first_rows() == in_annex_order and window.visible_task_ids() == annex
    assert proxy.mapToSource(proxy.index(0, 0, QModelIndex())).row() == 0
    assert proxy._in_source_order()  # the filter's row hiding maps rows directly again
    assert tree.model() is window.model  # and the view shows the model itself, without the proxy


def test_search_texts_folded_after_the_first_paint_answer_as_folded_at_once(tmp_path, qapp):
    """The start's read leaves the tasks' search texts for later (issue 17): a search before they
    are folded folds them itself, a task saved meanwhile is found by its new text."""
    from kehoach_desktop.task_filter import ALL, TaskFilter
    from kehoach_desktop.ui.task_tree import fold_texts

    rows = _rows(tmp_path)
    now, later = TaskTreeModel(), TaskTreeModel()
    now.set_tree(build_tree(list(rows), TODAY))  # each its own list: a save replaces its row in place
    later.set_tree(build_tree(list(rows), TODAY, fold=False))
    everything = TaskFilter(scope=ALL)
    assert later.select(everything) == now.select(everything)  # no words: nothing folded for it
    assert not later._tree.texts_folded
    later.update_task(dataclasses.replace(rows[1], result="Đã tổ chức hội nghị đối thoại"))
    word = TaskFilter(scope=ALL, query="hoi nghi doi thoai")
    assert later.select(word) == [1]  # folded at this first search, the saved text with them
    assert later._tree.texts_folded
    for query in ("cchc", "ke hoach", rows[0].code):
        assert later.select(TaskFilter(scope=ALL, query=query)) == now.select(TaskFilter(scope=ALL, query=query))
    tree = build_tree(list(rows), TODAY, fold=False)
    fold_texts(tree)
    assert tree.texts == now._tree.texts
