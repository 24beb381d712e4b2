"""What every command prints: JSON as UTF-8 text, Vietnamese letters as they are."""

from __future__ import annotations

import json
import sys
from typing import Iterable, Iterator


def print_json(value) -> None:
    sys.stdout.write(readable_json(value) + "\n")


def print_json_items(items: Iterable) -> None:
    """print_json(list(items)), each item written as it comes: a listing of 20,000 tasks is not
    held in memory to be printed (issue 17)."""
    for piece in _list_pieces(items, 0):
        sys.stdout.write(piece)
    sys.stdout.write("\n")


def readable_json(value, depth: int = 0) -> str:
    """JSON as `json.dumps(value, ensure_ascii=False)` reads it back, laid out for a reader: a
    list's items one a line, down to the lists in a top-level object, and a top-level object's
    keys one a line; below that each item on its one line. The items are written by json's C
    encoder: its indenting encoder is pure Python, 2-3× slower (`tasks --json` at 20,000 tasks:
    0.93 against 0.45 s, issue 17)."""
    if isinstance(value, list) and depth <= 1:
        return "".join(_list_pieces(value, depth))
    if isinstance(value, dict) and value and depth == 0 and all(type(key) is str for key in value):
        items = ",\n  ".join(f"{json.dumps(key, ensure_ascii=False)}: {readable_json(item, 1)}"
                             for key, item in value.items())
        return "{\n  " + items + "\n}"
    return json.dumps(value, ensure_ascii=False)


def _list_pieces(items: Iterable, depth: int) -> Iterator[str]:
    """A list laid out by readable_json, in pieces as its items come ("[]" for none)."""
    pad, first = "  " * (depth + 1), True
    for item in items:
        yield ("[\n" if first else ",\n") + pad + readable_json(item, depth + 1)
        first = False
    yield "[]" if first else "\n" + "  " * depth + "]"
