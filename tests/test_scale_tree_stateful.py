"""The tree model, its proxy and the view stay consistent with the data (issue 17): a Hypothesis
state machine edits tasks, changes roles and filters, types and erases search letters, sorts by a
column, closes groups, re-imports the annex and imports a progress package, and after every step
compares what the view shows with the services."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings, strategies as st  # noqa: E402
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule  # noqa: E402

from conftest import COMMUNE, SAMPLE_XLSX  # noqa: E402
from kehoach_desktop.model import Progress, Role, Status  # noqa: E402
from kehoach_desktop.task_filter import ALL, MINE_ANY, TaskFilter, apply_filter  # noqa: E402
from kehoach_desktop.workspace import Workspace  # noqa: E402

QtWidgets = pytest.importorskip("PySide6.QtWidgets")
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt  # noqa: E402

from kehoach_desktop.ui.task_tree import TASK_ID_ROLE, TaskFilterProxy, TaskTreeModel, build_tree  # noqa: E402

TODAY = dt.date(2025, 7, 5)
_TEMPLATE: list[Path] = []


def _template() -> Path:
    """The sample plan imported once; each example works on a copy."""
    if not _TEMPLATE:
        root = Path(tempfile.mkdtemp(prefix="kehoach-tree-"))
        with Workspace(root / "data") as ws:
            ws.save_profile(COMMUNE)
            ws.import_annex(SAMPLE_XLSX)
        _TEMPLATE.append(root / "data")
    return _TEMPLATE[0]


def _shown(view, parent=QModelIndex()) -> tuple[list[int], int]:
    """Task ids the view shows (rows not hidden, below groups not hidden), depth first, and the
    number of groups it shows without a task."""
    ids, empty, model = [], 0, view.model()
    for row in range(model.rowCount(parent)):
        if view.isRowHidden(row, parent):
            continue
        index = model.index(row, 0, parent)
        task_id = index.data(TASK_ID_ROLE)
        if task_id is not None:
            ids.append(task_id)
            continue
        below, below_empty = _shown(view, index)
        ids += below
        empty += below_empty + (not below)
    return ids, empty


def _laid_out(view) -> list[int]:
    """The task ids of the rows the view has laid out, top to bottom (what the arrow keys walk)."""
    ids, index = [], view.model().index(0, 0)
    while index.isValid():
        task_id = index.siblingAtColumn(0).data(TASK_ID_ROLE)
        if task_id is not None:
            ids.append(task_id)
        index = view.indexBelow(index)
    return ids


class TreeMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
        self.root = Path(tempfile.mkdtemp(prefix="kehoach-tree-run-"))
        shutil.copytree(_template(), self.root / "data")
        shutil.copytree(_template(), self.root / "other-pc")
        self.ws = Workspace(self.root / "data")
        self.view = QtWidgets.QTreeView()
        self.model = TaskTreeModel(self.view)  # the view owns them: freed after it, never before
        self.proxy = TaskFilterProxy(self.view)
        self.proxy.setSourceModel(self.model)
        self.proxy.show_in(self.view)
        self.filter = TaskFilter()
        self.query = ""
        self.closed: list = []  # groups the user closed (persistent indexes of the model)
        self.packages = 0
        self._reload()

    def _reload(self) -> None:
        """As the window does: the new tree, every group open, then the filter."""
        self.model.set_tree(build_tree(self.ws.tasks(), TODAY))
        self.closed = []
        self.view.expandAll()
        self.proxy.refilter()

    def _task_id(self, pick: int) -> int:
        rows = self.model.rows
        return rows[pick % len(rows)].id

    @rule(pick=st.integers(0, 10_000), status=st.sampled_from(list(Status)), percent=st.integers(0, 100))
    def edit(self, pick, status, percent):
        task_id = self._task_id(pick)
        self.ws.save_progress(Progress(task_id=task_id, status=status, percent=percent, result=f"Lần {percent}"))
        self.proxy.update_task(self.ws.task(task_id))  # what the window does after a save

    @rule(pick=st.integers(0, 10_000), role=st.sampled_from(["auto", "none", *[r.value for r in Role]]))
    def set_role(self, pick, role):
        task_id = self._task_id(pick)
        self.proxy.update_task(self.ws.set_role_override(task_id, role))

    @rule(scope=st.sampled_from([MINE_ANY, ALL, *[r.value for r in Role]]),
          status=st.none() | st.sampled_from(list(Status)), overdue=st.booleans(),
          query=st.sampled_from(["", "tuyen truyen", "đóng góp", "cchc", "xa", "khong co tu nay"]))
    def change_filter(self, scope, status, overdue, query):
        self.query = query
        self.filter = TaskFilter(scope=scope, status=status, overdue_only=overdue, query=query)
        self.proxy.set_filter(self.filter)

    @rule(letter=st.sampled_from(list("tuyenchxđã1. ")), erase=st.booleans())
    def type_in_search(self, letter, erase):
        """One more letter in the search box, or one erased: the rows that change hide or show."""
        self.query = self.query[:-1] if erase else self.query + letter
        self.filter = dataclasses.replace(self.filter, query=self.query)
        self.proxy.set_filter(self.filter)

    @rule(column=st.integers(-1, 4), descending=st.booleans())
    def sort_by_column(self, column, descending):
        self.view.sortByColumn(column, Qt.DescendingOrder if descending else Qt.AscendingOrder)

    @rule(pick=st.integers(0, 10_000))
    def close_group(self, pick):
        groups = [index for index in _groups(self.model) if self.view.isExpanded(self.proxy.view_index(index))]
        if groups:
            group = groups[pick % len(groups)]
            self.view.collapse(self.proxy.view_index(group))
            self.closed.append(QPersistentModelIndex(group))

    @rule()
    def import_annex_again(self):
        self.ws.import_annex(SAMPLE_XLSX)
        self._reload()

    @rule(pick=st.integers(0, 10_000))
    def import_package(self, pick):
        """Progress recorded on another PC of the same agency arrives in a .khbc."""
        self.packages += 1
        with Workspace(self.root / "other-pc") as other:
            task_id = other.tasks()[pick % 94].id
            other.save_progress(Progress(task_id=task_id, status=Status.DONE, percent=100,
                                         result=f"Từ máy khác {self.packages}", completed_on=TODAY))
            package = other.export_package(self.root / f"goi-{self.packages}.khbc").path
        self.ws.import_package(package)
        self._reload()

    @invariant()
    def model_holds_the_data(self):
        fresh = {row.id: row for row in self.ws.tasks()}
        assert [row.id for row in self.model.rows] == list(fresh)
        for row in self.model.rows:
            assert row.to_json() == fresh[row.id].to_json()

    @invariant()
    def view_shows_what_the_filter_accepts(self):
        expected = [row.id for row in apply_filter(self.ws.tasks(), self.filter, TODAY)]
        assert self.proxy.visible_task_ids() == expected
        shown, empty_groups = _shown(self.view)
        assert sorted(shown) == sorted(expected) and empty_groups == 0
        assert self.proxy.visible_count() == len(expected)
        assert all(self.proxy.is_visible(task_id) for task_id in expected)

    @invariant()
    def closed_groups_stay_closed_and_the_others_are_laid_out(self):
        closed = [QModelIndex(kept) for kept in self.closed]
        assert not any(self.view.isExpanded(self.proxy.view_index(index)) for index in closed)
        if not self.closed:  # every group open: the arrow keys walk exactly the tasks shown
            assert sorted(_laid_out(self.view)) == sorted(self.proxy.visible_task_ids())

    def teardown(self):
        self.ws.close()
        shutil.rmtree(self.root, ignore_errors=True)


def _groups(model, parent=QModelIndex()) -> list:
    """Every group of the model (a row with rows below it), depth first."""
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if model.rowCount(index):
            found += [index, *_groups(model, index)]
    return found


TreeMachine.TestCase.settings = settings(
    max_examples=6, stateful_step_count=10, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_tree_model_stays_consistent = TreeMachine.TestCase
