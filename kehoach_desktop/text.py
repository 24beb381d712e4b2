"""Vietnamese text helpers: NFC, diacritic-insensitive folding, dates dd/mm/yyyy, decimal comma."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from .errors import InvalidInputError

_SPACE_CHARS = r"\t\u00a0\u2000-\u200b\u202f\u3000"  # with " ": the spaces a text may hold
_SPACES = re.compile(f"[ {_SPACE_CHARS}]+")


def nfc(value: object) -> str:
    """Text in Unicode NFC, or "" for None."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value))


def clean_cell(value: object) -> str:
    """A cell's text as the user should see it: NFC, line breaks kept, runs of spaces collapsed."""
    text = nfc(value).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    # Drop blank lines at either end but keep inner line breaks (bullets).
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def fold(text: str | None) -> str:
    """Lower-case, diacritics removed, đ→d, spaces collapsed: the key for search and matching."""
    if not text:
        return ""
    return _fold(str(text))


@functools.lru_cache(maxsize=65536)  # annex cells and phrases repeat a great deal
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", str(text).casefold())
    # issue 17: the marks of Vietnamese removed by str.replace (twice as fast as translating every
    # character); translate, which removes every combining mark, only runs over what is left
    # that is not ASCII (quotes, dashes, other scripts' marks). The same result as translating all.
    for mark in _VIETNAMESE_MARKS:
        decomposed = decomposed.replace(mark, "")
    stripped = decomposed.replace("đ", "d").replace("ð", "d").replace("\n", " ")
    if not stripped.isascii():
        stripped = _NOT_ASCII.sub(_without_marks, stripped)
    return _SPACES_TO_CHANGE.sub(" ", stripped).strip()


# --- folding (issue 17) ---

_VIETNAMESE_MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # grave…dot below, circumflex, breve, horn
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
# _SPACES's runs but a single plain space (most of a text's matches), which needs no change
_SPACES_TO_CHANGE = re.compile(f"[{_SPACE_CHARS}][ {_SPACE_CHARS}]*| [ {_SPACE_CHARS}]+")


def _without_marks(match: re.Match) -> str:
    return match.group().translate(_NO_MARKS)  # in C: a per-character generator cost 2 s at 20,000 tasks


class _MarksRemoved(dict):
    """str.translate's table: combining marks (Unicode category Mn) map to nothing, learnt per code point."""

    def __missing__(self, point: int):
        self[point] = None if unicodedata.category(chr(point)) == "Mn" else point
        return self[point]


_NO_MARKS = _MarksRemoved()


def parse_date(text: str, *, field: str = "Ngày") -> dt.date:
    """Parse dd/mm/yyyy (also d/m/yyyy, with '-' or '.'); a clear Vietnamese error otherwise."""
    raw = nfc(text).strip()
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", raw)
    if not match:
        raise InvalidInputError(
            f"{field} “{raw}” không đúng dạng ngày/tháng/năm (ví dụ 31/12/2025)."
        )
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidInputError(f"{field} “{raw}” không phải là một ngày có thật.") from None


def format_date(value: dt.date | str | None) -> str:
    """dd/mm/yyyy for display; "" when there is no date."""
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return value.strftime("%d/%m/%Y")


def format_datetime(value: str | None) -> str:
    """An ISO timestamp as dd/mm/yyyy HH:MM."""
    if not value:
        return ""
    moment = dt.datetime.fromisoformat(value)
    return moment.strftime("%d/%m/%Y %H:%M")


def parse_decimal(text: str | float | int | None, *, field: str = "Giá trị") -> float | None:
    """A number written with a decimal comma ("1,0000", "9,5") or point; None for blank."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text)
    raw = nfc(text).strip().replace(" ", "")
    if not raw:
        return None
    if re.fullmatch(r"[+-]?\d+(,\d+)?", raw):
        raw = raw.replace(",", ".")
    elif re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?", raw):  # 1.234,5
        raw = raw.replace(".", "").replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        raise InvalidInputError(f"{field} “{text}” không phải là một số.") from None


def format_decimal(value: float | None, places: int = 2) -> str:
    """A number with a decimal comma and no useless trailing zeros: 9,5 — 10 — 0,25."""
    if value is None:
        return ""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


# --- a label at the start of a line (issue 16) ---

def upper_first(text: str) -> str:
    """The first letter in upper case, the rest as written: "quý I" → "Quý I" (str.capitalize
    would write "Quý i", and "SIPAS đo…" as "Sipas đo…")."""
    return text[:1].upper() + text[1:]
