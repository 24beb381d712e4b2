"""What was true at a period's end: the tasks and evidence a report for that period may cite.

A result, completion date or document dated after the period's end is not cited; a task
completed after it was still "đang thực hiện" then, with the percent recorded at the time
(from the progress change log). With `recorded_by`, the progress is rebuilt from what had
been recorded by that day, so a past period's report can be made again as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..model import Evidence, Status, TaskRow

LogEntry = dict  # a progress_log row: status, percent, result, completed_on, recorded_at


def _day(entry: LogEntry) -> str:
    return (entry.get("recorded_at") or "")[:10]


def _state_recorded_by(row: TaskRow, entries: list[LogEntry], day: dt.date) -> TaskRow:
    known = [entry for entry in entries if _day(entry) <= day.isoformat()]
    if not known:
        return dataclasses.replace(row, status=Status.NOT_STARTED, percent=0, result="", completed_on=None)
    last = known[-1]
    completed = dt.date.fromisoformat(last["completed_on"]) if last["completed_on"] else None
    return dataclasses.replace(row, status=Status(last["status"]), percent=last["percent"] or 0,
                               result=last["result"] or "", completed_on=completed)


def _still_in_progress(row: TaskRow, entries: list[LogEntry], as_of: dt.date) -> TaskRow:
    """A task completed after `as_of`: its last unfinished record made by then, else nothing cited."""
    before = [entry for entry in entries
              if _day(entry) <= as_of.isoformat() and entry["status"] != Status.DONE.value]
    if not before:  # nothing unfinished recorded by then: the last unfinished record at all
        before = [entry for entry in entries if entry["status"] != Status.DONE.value]
    last = before[-1] if before else None
    return dataclasses.replace(
        row, status=Status.IN_PROGRESS, completed_on=None,
        percent=min(last["percent"] or 0, 99) if last else 0, result=(last["result"] or "") if last else "",
    )


def rows_as_of(rows: list[TaskRow], history: dict[int, list[LogEntry]], as_of: dt.date,
               recorded_by: dt.date | None = None) -> list[TaskRow]:
    """The tasks as the report for a period whose data run to `as_of` tells them."""
    out = []
    for row in rows:
        entries = history.get(row.id, [])
        if recorded_by is not None:
            row = _state_recorded_by(row, entries, recorded_by)
        if row.status == Status.DONE and row.completed_on is not None and row.completed_on > as_of:
            row = _still_in_progress(row, entries, as_of)
        out.append(row)
    return out


def evidence_as_of(documents: list[Evidence], as_of: dt.date) -> list[Evidence]:
    """The documents dated by `as_of` (an undated record is kept: it cannot be placed)."""
    return [doc for doc in documents if doc.date is None or doc.date <= as_of]
