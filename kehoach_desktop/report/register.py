"""The issued-report register (issue 13): a report saved or printed with its number and date is
kept with the content it was built from, so it can be reprinted identically and the next report
can say what changed since.

The content is stored as JSON (plain values only); `content_from_json(content_to_json(c)) == c`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

from ..model import Role
from .content import AnnexGroup, AnnexRow, Block, BlockKind, Figures, Outcome, ReportContent, ReportTexts
from .periods import ReportPeriod
from .wording import cite_date, count_words


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def content_to_json(content: ReportContent) -> str:
    def plain(value):
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, Role):
            return value.value
        raise TypeError(type(value))

    data = dataclasses.asdict(content)
    data["figures"]["by_role"] = {role.value: n for role, n in content.figures.by_role.items()}
    data["states"] = {str(task): state for task, state in content.states.items()}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=plain)


def content_from_json(text: str) -> ReportContent:
    data = json.loads(text)
    figures = dict(data["figures"])
    figures["as_of"] = _date(figures["as_of"])
    figures["by_role"] = {Role(role): n for role, n in figures["by_role"].items()}
    period = dict(data["period"])
    period["start"], period["end"] = _date(period["start"]), _date(period["end"])
    texts = dict(data["texts"])
    texts["signed_on"] = _date(texts["signed_on"])
    data.update(
        figures=Figures(**figures), period=ReportPeriod(**period), texts=ReportTexts(**texts),
        blocks=[Block(BlockKind(block["kind"]), block["text"]) for block in data["blocks"]],
        annex_groups=[AnnexGroup(group["title"], group["level"], [AnnexRow(**row) for row in group["rows"]])
                      for group in data["annex_groups"]],
        states={int(task): state for task, state in data["states"].items()},
    )
    return ReportContent(**data)


def content_digest(content_json: str) -> str:
    return hashlib.sha256(content_json.encode("utf-8")).hexdigest()


def is_issued(content: ReportContent) -> bool:
    """Numbered and dated: an issued report, registered when saved or printed."""
    return bool(content.texts.number.strip()) and content.texts.signed_on is not None


def changes_since(previous: ReportContent, states: dict[int, str], figures: Figures) -> str:
    """"So với Báo cáo số 05/BC-UBND ngày 06/10/2025 (9 tháng đầu năm 2025): hoàn thành thêm 03 nhiệm vụ; …"."""
    done = (Outcome.DONE_ON_TIME.value, Outcome.DONE_LATE.value)
    newly_done = sum(1 for task, state in states.items() if state in done and previous.states.get(task) not in done)
    started = sum(1 for task, state in states.items()
                  if state == Outcome.IN_PROGRESS.value and previous.states.get(task) == Outcome.NOT_STARTED.value)
    added = sum(1 for task in states if task not in previous.states)
    parts = [f"hoàn thành thêm {count_words(newly_done)} nhiệm vụ"]
    if started:
        parts.append(f"bắt đầu thực hiện thêm {count_words(started)} nhiệm vụ")
    if added:
        parts.append(f"được giao thêm {count_words(added)} nhiệm vụ")
    change = figures.overdue - previous.figures.overdue
    if change:
        parts.append(f"số nhiệm vụ quá hạn {'tăng' if change > 0 else 'giảm'} {count_words(abs(change))}")
    signed = cite_date(previous.texts.signed_on) if previous.texts.signed_on else ""
    number = previous.number_line.removeprefix("Số: ").strip()
    return (f"So với Báo cáo số {number}" + (f" ngày {signed}" if signed else "")
            + f" ({previous.period.phrase()}): " + "; ".join(parts) + ".")
