"""Issue 17: what a command prints as JSON reads back as the value, whatever the value, and a
list of records prints one record a line (written by json's C encoder, not its slow indenting one)."""

from __future__ import annotations

import contextlib
import io
import json

from hypothesis import given, strategies as st

from kehoach_desktop.console import readable_json

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(max_size=5) | st.integers(), inner, max_size=4), max_leaves=30)


@given(_VALUES)
def test_printed_json_reads_back_as_json_dumps_of_the_value(value):
    assert json.loads(readable_json(value)) == json.loads(json.dumps(value))


def test_a_list_of_tasks_prints_one_task_a_line_with_its_letters_as_they_are():
    tasks = [{"id": n, "content": f"Nhiệm vụ {n}", "lead": ["Sở Nội vụ"]} for n in range(3)]
    lines = readable_json(tasks).splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    assert [json.loads(line.strip().rstrip(",")) for line in lines[1:-1]] == tasks
    assert "Sở Nội vụ" in lines[1]


def test_an_object_of_lists_prints_a_key_a_line_and_their_records_a_line_each():
    overview = {"agencies": [{"name": "UBND xã Hòa An"}, {"name": "UBND xã Hòa Ân"}], "tasks": []}
    assert readable_json(overview).splitlines() == [
        "{", '  "agencies": [', '    {"name": "UBND xã Hòa An"},', '    {"name": "UBND xã Hòa Ân"}', "  ],",
        '  "tasks": []', "}"]


@given(st.lists(_VALUES, max_size=5))
def test_items_printed_as_they_come_are_the_list_printed_at_once(items):
    from kehoach_desktop.console import print_json, print_json_items

    streamed, at_once = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(streamed):
        print_json_items(iter(items))
    with contextlib.redirect_stdout(at_once):
        print_json(items)
    assert streamed.getvalue() == at_once.getvalue()
