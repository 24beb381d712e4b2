"""Consolidation (issue 11): the Department of Home Affairs, or a lead department, takes in
the agencies' progress packages, sees who reported and who is late, and reports on all of
them. Services only (no Qt): roster, receive, overview; the command line is cli.py."""

from __future__ import annotations

import contextlib
import unicodedata
from typing import Iterator

from ..db import transaction


class _DryRun(Exception):
    """Raised inside a transaction to roll back what a preview wrote."""


@contextlib.contextmanager
def maybe_rolled_back(db, dry_run: bool) -> Iterator[None]:
    """One transaction; for a dry run the same work is done and then rolled back."""
    try:
        with transaction(db):
            yield
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass


# Vietnamese alphabetical order (a ă â b c d đ e ê …), tones after the letters (a à á ả ã ạ):
# the window sorts with QCollator; the services and the reports need the same order without Qt.
_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}


def vietnamese_key(text: str) -> tuple:
    primary, tones = [], []
    for char in unicodedata.normalize("NFD", text.lower()):
        if char in _TONES:
            tones[-1:] = [_TONES[char]]
            continue
        if unicodedata.combining(char) and primary:
            letter = unicodedata.normalize("NFC", _LETTERS[primary[-1]] + char) if primary[-1] < len(_LETTERS) else ""
            if letter in _LETTERS:
                primary[-1] = _LETTERS.index(letter)
            continue
        primary.append(_LETTERS.index(char) if char in _LETTERS else len(_LETTERS) + ord(char))
        tones.append(0)
    return tuple(primary), tuple(tones)
