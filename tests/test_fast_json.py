"""A package's JSON members read through fast_json (issue 11): the same value as json.loads, or
a refusal where json.loads refuses, for any text: orjson is only a faster way to the same answer."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_desktop.exchange import fast_json


def _refuse_constant(name: str):
    raise ValueError(name)


def _standard(raw: bytes):
    """("ok", value) or ("refused",) as the standard library reads the text."""
    try:
        return "ok", json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return ("refused",)


def _fast(raw: bytes):
    try:
        return "ok", fast_json.loads(raw, _refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return ("refused",)


def _same(first, second) -> bool:
    """Equal, and of the same types all the way down (1 is not 1.0, nor True); without recursion
    (the values may be nested as deep as json.loads allows)."""
    pending = [(first, second)]
    while pending:
        one, other = pending.pop()
        if type(one) is not type(other):
            return False
        if isinstance(one, dict):
            if list(one) != list(other):
                return False
            pending += [(one[key], other[key]) for key in one]
        elif isinstance(one, (list, tuple)):
            if len(one) != len(other):
                return False
            pending += zip(one, other)
        elif one != other:
            return False
    return True


HOSTILE = [
    b'["a\x01b"]', b'\xef\xbb\xbf[1]', b"[01]", b"[1.]", b"[.5]", b"[+1]", b"[1] x", b'{"a":1,}', b"[1,]",
    b'["\\x41"]', b"['a']", b"[-]", b'"\xed\xa0\x80"', b"[\x0c1]", b'["\\ud800"]', b"[NaN]", b"[Infinity]",
    b"[-Infinity]", b"[1e999]", b"[-1e999]", b"[" * 5000 + b"]" * 5000, b'[{"a":' * 2000 + b"1" + b"}]" * 2000,
    b"[" * 255 + b"]" * 255, b"[" * 256 + b"]" * 256, b"[" * 700 + b"]" * 700, b"[" * 990 + b"]" * 990,
    b"[" * 1200 + b"]" * 1200, b"[[]," * 400 + b"[]" + b"]" * 400, b"[" + b"[1]," * 2000 + b"[1]]", b'{"a":1,"a":2}', b'{"\\u0000":1}',
    b"[18446744073709551615]", b"[18446744073709551616]", b"[-9223372036854775809]", b"[" + b"9" * 5000 + b"]",
    b'"\xc0\xaf"', b'"\xf4\x90\x80\x80"', b"", b" ", b"nul", b"[true, false, null]", b'{"x": [1.5e-400, 5e-324]}',
]


@pytest.mark.parametrize("raw", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_texts_read_as_the_standard_library_reads_them(raw):
    assert _same(_fast(raw), _standard(raw)), raw[:60]


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=-2**70, max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(_values, st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)),
                         max_size=3))
def test_any_text_even_damaged_reads_the_same(value, damage):
    raw = bytearray(json.dumps(value, ensure_ascii=False).encode("utf-8"))
    for position, byte in damage:  # a few bytes changed: most texts become invalid, some stay valid
        if raw:
            raw[position % len(raw)] = byte
    assert _same(_fast(bytes(raw)), _standard(bytes(raw)))


def test_a_package_record_reads_the_same_with_and_without_orjson(monkeypatch):
    raw = json.dumps({"progress": [{"task": 7, "percent": 40, "result": "Kết quả", "score": 1.5,
                                    "revision": 2**53 - 1, "completed_on": None}]}, ensure_ascii=False).encode()
    fast = fast_json.loads(raw, _refuse_constant)
    monkeypatch.setattr(fast_json, "_ORJSON", None)  # as where orjson is not installed
    assert _same(fast, fast_json.loads(raw, _refuse_constant))


@pytest.mark.parametrize("depth", [600, 850, 950, 1000, 1100])
def test_nesting_near_the_recursion_limit_reads_as_the_standard_library_reads_it_however_deep_the_caller(depth):
    raw = b"[" * depth + b"]" * depth

    def nested(levels: int):  # a caller deeper in the stack: json.loads reaches its limit sooner
        return nested(levels - 1) if levels else (_fast(raw), _standard(raw))

    for levels in (0, 100, 300):
        fast, standard = nested(levels)
        assert _same(fast, standard), (depth, levels)


# --- data.json's roles of a format 2 package, read in C loops (content._own_roles, issue 11) ---

from kehoach_desktop.exchange import content  # noqa: E402


def _roles_one_by_one(entries):
    """The reading as it was, one entry at a time: the reference."""
    roles = {}
    for ref, override, role in entries:
        if type(ref) is not int or ref in roles:
            raise content.PlanMismatch
        roles[ref] = (override, role)
    return roles


_entry = st.lists(st.integers(0, 5) | st.booleans() | st.none() | st.text(max_size=2)
                  | st.sampled_from(["lead", "implementing", "cooperating"]), min_size=2, max_size=4)
_entries = st.lists(_entry | st.text(min_size=3, max_size=3) | st.dictionaries(st.text(max_size=1), st.none()),
                    max_size=6) | st.dictionaries(st.text(max_size=2), st.none(), max_size=3) | st.none()


@settings(max_examples=400, deadline=None)
@given(_entries)
def test_roles_read_together_as_one_entry_at_a_time(entries):
    def outcome(read):
        try:
            return "ok", read(entries)
        except (content.PlanMismatch, TypeError, ValueError, KeyError, AttributeError):
            return ("refused",)

    assert _same(outcome(content._own_roles), outcome(_roles_one_by_one))
