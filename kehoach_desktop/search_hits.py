"""Where a search matched (issue 16): the spans of a text that match the query's words, found the
way the search finds them (case, diacritics and đ/d ignored), and a short note for fields the
list does not show (“Chủ trì: … Sở Nội vụ …”). No Qt."""

from __future__ import annotations

import unicodedata

from .model import TaskRow
from .text import fold


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.casefold())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return stripped.replace("đ", "d").replace("ð", "d") or ch


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) positions in `text` where a word of the query occurs, merged and in order."""
    words = fold(query).split()
    if not words or not text:
        return []
    folded, origin = [], []  # folded text, and for each folded character the index in `text`
    for index, ch in enumerate(text):
        piece = " " if ch.isspace() else _fold_char(ch)
        folded.append(piece)
        origin.extend([index] * len(piece))
    haystack = "".join(folded)
    spans = []
    for word in words:
        start = haystack.find(word)
        while start >= 0:
            spans.append((origin[start], origin[start + len(word) - 1] + 1))
            start = haystack.find(word, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def hidden_hits(row: TaskRow, query: str, width: int = 50) -> list[str]:
    """The fields outside the task's own text that the query matched, each with a short excerpt."""
    fields = [("Tiêu chí", row.criterion), ("Lĩnh vực", row.area_title), ("Chủ trì", "; ".join(row.lead)),
              ("Thực hiện", "; ".join(row.implementing)), ("Phối hợp", "; ".join(row.cooperating)),
              ("Thời hạn", row.deadline_text), ("Kết quả", row.result)]
    notes = []
    for label, text in fields:
        spans = match_spans(text, query)
        if spans:
            start = max(spans[0][0] - width // 2, 0)
            excerpt = text[start:start + width].replace("\n", " ")
            notes.append(f"{label}: {'…' if start else ''}{excerpt}{'…' if start + width < len(text) else ''}")
    return notes
