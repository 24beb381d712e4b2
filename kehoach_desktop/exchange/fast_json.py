"""Parsing a package's JSON members faster (issue 11: receiving 1,000 packages parses 72 MB of
data.json; the standard library took ~0.8 ms a package, orjson ~0.3 ms).

orjson, when installed, is used only where it gives exactly what json.loads gives: it refuses
everything json.loads refuses with parse_constant refusing NaN/Infinity (invalid UTF-8, control
characters, a BOM, lone surrogates, trailing text: tests/test_fast_json.py) and 1e999; but it
reads any nesting, where json.loads raises RecursionError at ~1,000 levels, and it turns an
integer of more than 64 bits into a float where json.loads keeps it an int. So a text with a run
of 19 or more digits, one nested deeper than 255 levels that might reach json.loads's limit
(_shallow_enough), and any text orjson refuses, is parsed by json.loads as before: the same
value, or the same refusal.
"""

from __future__ import annotations

import json
import sys

# 2**63 has 19 digits: below them orjson's ints are exact. Found by making every digit a 0 and
# looking for nineteen of them (a regular expression took 0.9 ms over a data.json, this 0.05 ms).
MAX_DEPTH = 255  # orjson.dumps's limit: json.loads reads any nesting up to ~1,000 (the recursion limit)
_DIGITS_AS_ZERO = bytes(b"0"[0] if b"0"[0] <= byte <= b"9"[0] else byte for byte in range(256))
_LONG_DIGITS = b"0" * 19


def loads(raw: bytes, parse_constant):
    """json.loads(raw.decode("utf-8"), parse_constant=parse_constant), the same value or the
    same exception (UnicodeDecodeError, ValueError, RecursionError), faster when it can be."""
    orjson = _orjson()
    if orjson is not None and _LONG_DIGITS not in raw.translate(_DIGITS_AS_ZERO):
        try:
            value = orjson.loads(raw)
            if not _shallow_enough(raw.count(b"[") + raw.count(b"{")):
                orjson.dumps(value)  # refuses nesting deeper than MAX_DEPTH (0.13 ms over a data.json)
            return value
        except (orjson.JSONDecodeError, orjson.JSONEncodeError):
            pass  # json.loads says why (or, for 1e999 or deep nesting, what it makes of it)
    return json.loads(raw.decode("utf-8"), parse_constant=parse_constant)


def _shallow_enough(brackets: int) -> bool:
    """True when a text of this many opening brackets (its nesting cannot be deeper) would not
    reach the recursion limit in json.loads called here (each level of nesting takes one level
    of the limit, as each frame of the calls below this one does; MARGIN for the rest)."""
    if brackets <= MAX_DEPTH:
        return True
    frames, frame = 0, sys._getframe()
    while frame is not None:
        frames, frame = frames + 1, frame.f_back
    return brackets + frames + MARGIN < sys.getrecursionlimit()


MARGIN = 100


def _orjson():
    """orjson, imported at the first package read (not on the window's start path), or None."""
    global _ORJSON
    if _ORJSON is _UNSET:
        try:
            import orjson
        except ImportError:  # optional: the standard library alone gives the same values
            orjson = None
        _ORJSON = orjson
    return _ORJSON


_UNSET = object()
_ORJSON = _UNSET
