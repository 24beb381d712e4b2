"""The fast path of the package data check (issue 11 follow-up) accepts nothing the
field-by-field check refuses, and a refused record is still named by its first bad field."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_desktop.errors import ImportRefusedError
from kehoach_desktop.exchange import schema
from kehoach_desktop.limits import MAX_TEXT_CHARS

TASK = {"ref": 7, "criterion": None, "position": 0, "content": "Nhiệm vụ 1", "deadline_text": "31/12/2025",
        "evidence_required": "", "lead": "Sở Nội vụ", "implementing": "", "cooperating": "",
        "source_sheet": "Phụ lục 1", "source_row": 6, "removed": False}
PROGRESS = {"task": 7, "status": "hoàn thành", "percent": 100, "result": "Đã xong", "completed_on": "2025-05-02",
            "score": None, "difficulties": "", "proposals": "", "updated_at": "2025-05-02T10:00:00"}

# Values of the kinds a hostile package may put in any field.
ODD = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**60, max_value=2**60), st.floats(),
                st.text(max_size=12), st.just("x" * (MAX_TEXT_CHARS + 1)), st.just("2025-13-01"),
                st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(), max_size=1))


def _slow_ok(record, spec) -> bool:
    return isinstance(record, dict) and all(key in record and check(record[key]) for key, check in spec.items())


@pytest.mark.parametrize("record, spec", [(TASK, schema.TASK_SPEC), (PROGRESS, schema.PROGRESS_SPEC)])
def test_records_the_program_writes_take_the_fast_path(record, spec):
    assert schema._FAST[id(spec)].passes(dict(record))


@settings(max_examples=300, deadline=None)
@given(which=st.sampled_from([(TASK, schema.TASK_SPEC), (PROGRESS, schema.PROGRESS_SPEC)]),
       changes=st.dictionaries(st.sampled_from(sorted(set(TASK) | set(PROGRESS))), ODD, max_size=3),
       dropped=st.sets(st.sampled_from(sorted(set(TASK) | set(PROGRESS))), max_size=2))
def test_fast_path_never_accepts_what_the_spec_refuses(which, changes, dropped):
    base, spec = which
    record = {**base, **changes}
    for key in dropped:
        record.pop(key, None)
    fast = schema._FAST[id(spec)].passes(record)
    slow = _slow_ok(record, spec)
    assert not fast or slow
    if slow:
        schema._need(record, spec, "nhiệm vụ", "a.khbc")  # accepted either way
    else:
        bad = next(key for key, check in spec.items() if key not in record or not check(record[key]))
        with pytest.raises(ImportRefusedError, match=f"mục “{bad}”"):
            schema._need(record, spec, "nhiệm vụ", "a.khbc")


def test_times_of_one_package_are_checked_once_each_and_the_future_still_refused():
    times = schema._Times()
    assert times.valid("2025-05-02T10:00:00") and times.valid("2025-05-02T10:00:00")
    assert not times.valid("2999-01-01T00:00:00")
    assert not times.valid("hôm qua") and not times.valid(None)
