"""Issue 11: the consolidator's counts, worked out in C passes over 3·10⁵ rows (overview._count),
held to the plain statement of the rule, a row at a time (below), over random reports."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from kehoach_desktop.consolidation import overview as views
from kehoach_desktop.consolidation.roster import PlanTask
from kehoach_desktop.outcomes import overdue_after

ROLES = ("lead", "implementing", "cooperating")
STATUSES = ("chưa thực hiện", "đang thực hiện", "hoàn thành", "không thực hiện được")
KINDS = ("so", "huyen", "xa", "khac")
TODAY = dt.date(2025, 7, 20)
DAYS = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 12, 31))

tasks_strategy = st.lists(st.tuples(st.one_of(st.none(), DAYS), st.booleans()), min_size=1, max_size=6)
agencies_strategy = st.lists(st.sampled_from(KINDS), min_size=1, max_size=5)
cell = st.tuples(st.one_of(st.none(), st.sampled_from(ROLES)), st.one_of(st.none(), st.sampled_from(STATUSES)),
                 st.one_of(st.none(), DAYS.map(dt.date.isoformat)))


def plain_counts(snap: views.Snapshot, rows: list[tuple]) -> dict:
    """Every count a row at a time, as the rule reads (what overview._count was until issue 11's speed)."""
    tasks = {task.id: task for task in snap.tasks}
    counts = {agency["id"]: views._empty_counts() for agency in snap.agencies}
    kinds = {agency["id"]: agency["kind"] for agency in snap.agencies}
    task_totals = {task_id: [0, 0] for task_id in tasks}
    kind_totals, task_overdue, overdue_of, started = {}, dict.fromkeys(tasks, 0), {}, set()

    def count(agency_id, task_id, role, status, completed):
        c = counts[agency_id]
        task = tasks[task_id]
        c["tasks"] += 1
        c[role] += 1
        c[views._COUNT_KEYS[status]] += 1
        task_totals[task_id][1] += 1
        kind = kind_totals.setdefault((task_id, kinds[agency_id]), [0, 0])
        kind[1] += 1
        if status != views.NOT_STARTED:
            started.add(task_id)
        if status == views.DONE:
            task_totals[task_id][0] += 1
            kind[0] += 1
            late = completed is not None and task.due_date is not None and completed > task.due_date.isoformat()
            c["done_late" if late else "done_on_time"] += 1
            return
        since, unstarted_only = overdue_after(task.due_date, task.due_dates, task.recurring, snap.today, snap.closed)
        if status != views.NOT_FEASIBLE and since is not None and (status == views.NOT_STARTED or not unstarted_only):
            days = max((snap.today - since).days, 1)
            task_overdue[task_id] += 1
            c["overdue"] += 1
            c["overdue_days"] = max(c["overdue_days"], days)
            overdue_of.setdefault(agency_id, set()).add(task_id)

    for agency_id, task_id, role, status, completed in rows:
        if agency_id in snap.matched or task_id not in tasks or not role:
            continue
        if status == views.DONE and completed is not None and completed > snap.today.isoformat():
            status = views.IN_PROGRESS  # finished after the day counted
        count(agency_id, task_id, role, status or views.NOT_STARTED, completed)
    for agency_id, roles in snap.matched.items():
        for task_id, role in roles.items():
            count(agency_id, task_id, role, views.NOT_STARTED, None)
    return {"counts": counts, "tasks": task_totals, "kinds": kind_totals, "overdue": task_overdue,
            "overdue_of": overdue_of, "started": started & {t for t, (done, n) in task_totals.items() if n}}


@settings(max_examples=150, deadline=None)
@given(tasks_strategy, agencies_strategy, st.data(), st.booleans())
def test_the_counts_are_those_of_the_rule_row_by_row(task_specs, agency_kinds, data, closed):
    tasks = [PlanTask(id=n + 1, plan_id=1, plan_year=2025, index_kind="PAR INDEX", index_name="PAR INDEX",
                      index_position=0, code=f"1.{n + 1}", content=f"Nhiệm vụ {n + 1}", lead="", implementing="",
                      cooperating="", due_date=due, recurring=recurring and due is None,
                      due_dates=(dt.date(2025, 3, 31), dt.date(2025, 6, 30)) if recurring and due is None else ())
             for n, (due, recurring) in enumerate(task_specs)]
    agencies = [{"id": n + 10, "name": f"Đơn vị {n}", "kind": kind} for n, kind in enumerate(agency_kinds)]
    silent = data.draw(st.sets(st.sampled_from([a["id"] for a in agencies])))
    matched = {agency_id: data.draw(st.dictionaries(st.sampled_from([t.id for t in tasks]), st.sampled_from(ROLES)))
               for agency_id in silent}
    rows = []
    for agency in agencies:  # rows of a silent agency too: read, and left out as the rule says
        for task_id in data.draw(st.sets(st.integers(1, len(tasks) + 1))):  # one task not of the plan
            rows.append((agency["id"], task_id, *data.draw(cell)))
    rows = data.draw(st.permutations(rows))  # the table's order is no agency's order
    snap = views.Snapshot(views.ReportPeriod.of("h1", 2025), TODAY, "plan", tasks, agencies, matched,
                          any_package={a["id"] for a in agencies} - silent, closed=closed)
    coded = [(a, t, views.ROLE_CODES.index(role), views.STATUS_CODES.index(status), completed)
             for a, t, role, status, completed in rows]  # as cstore.agency_task_states reads them
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(views.cstore, "agency_task_states", lambda db, roles, statuses: coded)
        views._count(snap, db=None)
    expected = plain_counts(snap, rows)
    assert {a["id"]: snap.counts(a["id"]) for a in agencies} == expected["counts"]
    assert {t.id: list(snap.task_totals(t.id)) for t in tasks} == expected["tasks"]
    assert {key: list(snap.kind_totals(*key)) for key in expected["kinds"]} == expected["kinds"]
    assert snap._task_overdue == expected["overdue"]
    lists = views.action_lists(snap)
    assert {item["agency_id"]: {t["task_id"] for t in item["tasks"]} for item in lists["overdue"]} == expected["overdue_of"]
    unstarted = {t for t, (done, n) in expected["tasks"].items() if n} - expected["started"]
    assert {item["task_id"] for item in lists["not_started"]} == unstarted
    for agency in agencies:  # each cell as the matrix asks for it
        for task in tasks:
            status = snap.status(agency["id"], task.id)
            plain = [r for r in rows if r[:2] == (agency["id"], task.id)]
            if agency["id"] in matched:
                assert status == (views.NOT_STARTED if task.id in matched[agency["id"]] else None)
            elif not plain or not plain[0][2]:
                assert status is None
            else:
                _, _, _, raw, completed = plain[0]
                finished_later = raw == views.DONE and completed is not None and completed > TODAY.isoformat()
                assert status == (views.IN_PROGRESS if finished_later else raw or views.NOT_STARTED)
