"""The tree's read at start does less work, with the same results (issue 17): the status bar's
counts read off the filter keys are count_tasks' own, for random tasks over two plans."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from kehoach_desktop.task_filter import counts_by_plan  # noqa: E402
from kehoach_desktop.workspace import count_tasks  # noqa: E402

pytest.importorskip("PySide6.QtWidgets")
from kehoach_desktop.ui.task_tree import build_tree  # noqa: E402
from test_tree_filter import TODAY, _change, _sample_rows  # noqa: E402


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(_change, min_size=94, max_size=94), second_plan=st.lists(st.booleans(), min_size=94, max_size=94))
def test_the_counts_read_off_the_keys_are_count_tasks_of_each_plan(tmp_path_factory, qapp, changes, second_plan):
    rows = []
    for row, change, other in zip(_sample_rows(tmp_path_factory), changes, second_plan):
        due = TODAY + dt.timedelta(days=change["due"]) if change["due"] is not None else None
        rows.append(dataclasses.replace(row, status=change["status"], role=change["role"], removed=change["removed"],
                                        evidence_count=change["evidence_count"], due_date=due, due_dates=(),
                                        plan_id=row.plan_id + 1 if other else row.plan_id))
    tree = build_tree(rows, TODAY)
    expected = {plan_id: count_tasks([row for row in rows if row.plan_id == plan_id], TODAY)
                for plan_id in {row.plan_id for row in rows}}
    assert counts_by_plan(tree.rows, tree.prefixes) == expected
