"""Roles written inside one agency cell, split into lead, implementing and cooperating.

Many provinces keep one "Cơ quan thực hiện" column and write the roles in it:
"Chủ trì: Sở Nội vụ; Phối hợp: Sở Tài chính", "- Chủ trì: …" on lines of their own,
"Sở Nội vụ (chủ trì), Sở Tài chính", "Sở X chủ trì, Sở Y phối hợp", "Sở X chủ trì, phối
hợp với Sở Y". The role words are removed from the names.
"""

from __future__ import annotations

import functools
import re

from ..matching import _AGENCY_HEAD
from ..text import nfc

ROLES = ("lead", "implementing", "cooperating")
_WORD = {"chủ trì": "lead", "phối hợp": "cooperating", "thực hiện": "implementing"}
_ROLE = r"(chủ\s*trì|phối\s*hợp|thực\s*hiện)"

# A label: "Chủ trì:", "- Cơ quan phối hợp:", "Đơn vị thực hiện:" — the names follow it.
_LABEL = re.compile(rf"(?:^|(?<=[\n;,.]))\s*[-–•+*]?\s*(?:(?:cơ quan|đơn vị)\s+)?{_ROLE}\s*:", re.IGNORECASE)
# "phối hợp với …", "và phối hợp cùng …": the names follow it.
_WITH = re.compile(r"(?:,\s*|\s+)(?:và\s+)?phối\s*hợp\s+(?:với|cùng)\s+", re.IGNORECASE)
# "(chủ trì)", "(phối hợp)": the names before it.
_PAREN = re.compile(rf"\(\s*{_ROLE}\s*\)", re.IGNORECASE)
# "Sở X chủ trì," / "Sở Y phối hợp": the names before it, the word ending a piece.
_VERB = r"(?:\s+(?:tham\s+mưu|thực\s+hiện|triển\s+khai|tổ\s+chức|hướng\s+dẫn|xây\s+dựng|đôn\s+đốc|theo\s+dõi))?"
_AFTER = re.compile(rf"\s+(chủ\s*trì|phối\s*hợp){_VERB}\s*(?=$|[,;.\n]|\s+(?:và\s+)?phối\s*hợp\s+(?:với|cùng)\s)",
                    re.IGNORECASE)


def _role_of(word: str) -> str:
    return _WORD[re.sub(r"\s+", " ", word.lower())]


def split_roles(text: str, own_role: str) -> dict[str, str] | None:
    """The cell's names by role, or None when the cell writes no role of its own.

    Names written without a role word go to the column's own role, or to cooperating when
    the cell names a lead elsewhere ("Sở Nội vụ (chủ trì), Sở Tài chính").
    """
    text = nfc(text or "")
    lowered = text.lower()
    if "chủ" not in lowered and "phối" not in lowered and "hiện" not in lowered:
        return None  # most cells: no role word at all
    found = _split_cached(text, own_role)
    return dict(found) if found is not None else None


@functools.lru_cache(maxsize=4096)  # the same cells recur on many rows
def _split_cached(text: str, own_role: str) -> tuple[tuple[str, str], ...] | None:
    found = _split(text, own_role)
    return tuple(found.items()) if found is not None else None


def _split(text: str, own_role: str) -> dict[str, str] | None:
    markers = []  # (start, end, role, names come "before" or "after" the marker)
    for pattern, side in ((_LABEL, "after"), (_WITH, "after"), (_PAREN, "before"), (_AFTER, "before")):
        for match in pattern.finditer(text):
            word = match.group(1) if pattern is not _WITH else "phối hợp"
            markers.append((match.start(), match.end(), _role_of(word), side))
    if not markers:
        return None
    markers.sort()
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    loose: list[str] = []
    position, pending = 0, None
    for start, end, role, side in markers:
        if start < position:
            continue  # overlapping markers: the first one read wins
        before = text[position:start]
        if side == "before":
            found[role].append(before)
        elif pending:
            found[pending].append(before)
        else:
            loose.append(before)
        pending = role if side == "after" else None
        position = end
    (found[pending] if pending else loose).append(text[position:])
    if not any(_clean(part) for parts in found.values() for part in parts):
        return None
    # Names written without a role word after a lead cooperate ("Sở Nội vụ (chủ trì), Sở Tài
    # chính"); anything else (a sentence) stays in the column it was written in.
    for part in loose:
        agency_like = bool(_AGENCY_HEAD.match(_clean(part)))
        found["cooperating" if found["lead"] and own_role != "cooperating" and agency_like else own_role].append(part)
    return {role: "\n".join(p for p in (_clean(part) for part in parts) if p) for role, parts in found.items()}


def _clean(part: str) -> str:
    lines = []
    for line in re.split(r"[\n;]+", part):
        line = re.sub(r"^[\s,.:\-–•+*]+|[\s,.:;\-–]+$", "", line)
        line = re.sub(r"^(và|với|cùng|do)\s+", "", line, flags=re.IGNORECASE)
        if line:
            lines.append(line)
    return "; ".join(lines)


def distribute(values: dict[str, str]) -> dict[str, str]:
    """lead/implementing/cooperating cells with the roles written inside them moved out."""
    result = {role: [] for role in ROLES}
    seen = set()
    for role in ROLES:
        cell = values.get(role, "")
        split = split_roles(cell, role) if cell else None
        if split is None:
            if cell:
                result[role].append(cell)
            continue
        if cell in seen:
            continue  # the same roles written again (a cell merged across the columns): read once
        seen.add(cell)
        for target, names in split.items():
            if names:
                result[target].append(names)
    return {role: "\n".join(parts) for role, parts in result.items()}
