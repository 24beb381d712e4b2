"""The roster's in-memory index (issue 11): a list of agencies put one after another through
the index says and writes exactly what the same list does through the database's queries."""

from __future__ import annotations

import tempfile

from hypothesis import HealthCheck, given, settings, strategies as st

from kehoach_desktop.consolidation import roster
from kehoach_desktop.db import transaction
from kehoach_desktop.workspace import Workspace

# Names that fold alike or differ only by a mark, a space or a letter's case: the index must find
# the same exact, coded and near-identical rows the queries find.
NAMES = ["UBND xã Hòa An", "UBND xã Hòa Ân", "UBND xã Hoà An", "UBND xã Hòa  An", "UBND XÃ HÒA AN",
         "UBND xã Đức Long", "UBND xã Duc Long", "Sở Tư pháp", "Sở Tư Pháp", "Văn phòng UBND tỉnh"]
ENTRY = st.fixed_dictionaries({
    "name": st.sampled_from(NAMES), "kind": st.sampled_from(["xa", "so", "khac"]),
    "code": st.sampled_from(["", "", "H001", "H002", "H003"]), "contact": st.sampled_from(["", "0206 385 2345"]),
})


def _put_all(entries: list[dict], allow_similar: bool, with_index: bool):
    with tempfile.TemporaryDirectory() as folder, Workspace(folder) as ws:
        change = roster.RosterChange()
        with transaction(ws.db):
            index = roster.RosterIndex(ws.db) if with_index else None
            for entry in entries:
                values = roster._checked(entry["name"], entry["kind"], entry["code"], entry["contact"])
                try:
                    roster._put(ws.db, values, "excel", change, allow_similar=allow_similar, index=index)
                except Exception as error:  # noqa: BLE001 - a refusal (a code taken) must be the same too
                    return ("refused", type(error).__name__), None
        rows = [_values(row) for row in roster.roster(ws)]
        return rows, ([*map(_values, change.added)], [*map(_values, change.updated)], change.unchanged,
                      change.questions)


def _values(row: dict) -> tuple:  # not when it was added: two runs may fall in two seconds
    return tuple(row.get(key) for key in ("id", "name", "kind", "code", "contact"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ENTRY, min_size=1, max_size=12), st.booleans())
def test_putting_agencies_through_the_index_is_putting_them_through_the_queries(entries, allow_similar):
    assert _put_all(entries, allow_similar, with_index=True) == _put_all(entries, allow_similar, with_index=False)
