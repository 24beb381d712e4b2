"""Deadlines written as free text → due dates, without losing the text.

"31/12/2025", "Trước ngày 20/3/2024", "Quý II và Quý III", "Trong năm 2025",
"6 tháng đầu năm", "Thường xuyên", "Hằng năm", "Sau khi ban hành" …
When the text names no year, the plan's year is used.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .text import fold

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Deadline:
    """A deadline text as read: its dates, and whether it recurs."""
    text: str
    dates: tuple[dt.date, ...] = field(default_factory=tuple)
    recurring: bool = False  # "Thường xuyên", "Hằng năm": due at each reporting period
    # For a recurring text that names no date of its own, `dates` are the year's report dates.

    @property
    def due_date(self) -> dt.date | None:
        """The final date the text sets (several dates stand for several reports)."""
        return max(self.dates) if self.dates else None

    def next_due(self, today: dt.date) -> dt.date | None:
        """The first date not yet passed, else the last one."""
        upcoming = [d for d in sorted(self.dates) if d >= today]
        return upcoming[0] if upcoming else self.due_date


def _end_of_month(year: int, month: int) -> dt.date:
    # the day before the 1st of the next month (issue 17: `calendar` and `locale` stay unloaded at start)
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _explicit_dates(text: str, year: int | None) -> list[dt.date]:
    found = []
    for day, month, yr in re.findall(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?!\d)", text):
        use_year = int(yr) if yr else year
        if use_year is None:
            continue
        try:
            found.append(dt.date(use_year, int(month), int(day)))
        except ValueError:
            continue
    return found


_QUARTER = r"(iv|iii|ii|i|[1-4])"


def _quarter_dates(folded: str, year: int | None) -> list[dt.date]:
    """"Quý IV", "Quý II và Quý III", "Quý III-IV/2023": the end of each quarter named."""
    found = []
    for match in re.finditer(rf"\bquy\s+{_QUARTER}(?:\s*[-–]\s*{_QUARTER})?(?:\s*/\s*(20\d\d))?\b", folded):
        first = _ROMAN_QUARTERS[match.group(1)]
        last = _ROMAN_QUARTERS[match.group(2)] if match.group(2) else first
        use_year = int(match.group(3)) if match.group(3) else year
        if use_year is None:
            continue
        found += [_end_of_month(use_year, quarter * 3) for quarter in range(first, max(first, last) + 1)]
    return found


def _month_dates(folded: str) -> list[dt.date]:
    """"Tháng 01/2024": the end of that month."""
    found = []
    for month, year in re.findall(r"\bthang\s+(\d{1,2})\s*/\s*(20\d\d)\b", folded):
        if 1 <= int(month) <= 12:
            found.append(_end_of_month(int(year), int(month)))
    return found


def parse_deadline(text: str, plan_year: int | None = None) -> Deadline:
    """Due dates for a deadline text; texts with no date stay undated."""
    raw = (text or "").strip()
    folded = fold(raw)
    year_match = re.search(r"\b(?:nam\s+)(20\d\d)\b", folded)
    year = int(year_match.group(1)) if year_match else plan_year

    start = _start_date(folded, year)
    dates = [d for d in _explicit_dates(folded, year) if d != start]
    dates += _quarter_dates(folded, year)
    dates += _month_dates(folded)
    dates += _day_of_quarter_end_dates(folded, year)
    if not dates and year is not None:
        if re.search(r"\b0?6 thang dau nam\b|\bsau thang dau nam\b", folded):
            dates.append(dt.date(year, 6, 30))
        elif re.search(r"\b0?9 thang dau nam\b", folded):
            dates.append(dt.date(year, 9, 30))
        elif re.search(r"\b(trong |ca )?nam 20\d\d\b", folded) and not re.search(r"\bhang nam\b", folded):
            dates.append(dt.date(year, 12, 31))
    recurring = bool(re.search(r"\b(thuong xuyen|hang nam|hàng nam|dinh ky|lien tuc)\b", folded))
    if start and not dates:  # "Từ 01/6/2023": ongoing from then, reported at each period after it
        return Deadline(raw, tuple(d for d in reporting_period_ends(start.year) if d >= start), True)
    if recurring and year is not None and not _names_its_own_dates(folded, dates):
        if _once_a_year(folded):  # "Hằng năm": once a year, at the yearly report (issue 13)
            dates = [dt.date(year, 12, 31)]
        else:
            dates = reporting_period_ends(year)  # due at each report: Quý I, 6 tháng, 9 tháng, năm
    return Deadline(raw, tuple(sorted(set(dates))), recurring)


def _start_date(folded: str, year: int | None) -> dt.date | None:
    """The date after "từ (ngày)": when the work starts, not a deadline ("đến …" is the deadline)."""
    found = re.search(r"\btu (?:ngay )?(\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)", folded)
    if not found:
        return None
    dates = _explicit_dates(found.group(1), year)
    return dates[0] if dates else None


def _day_of_quarter_end_dates(folded: str, year: int | None) -> list[dt.date]:
    """"Trước ngày 12 tháng cuối quý": that day of March, June, September and December."""
    found = re.search(r"\bngay (\d{1,2}) (?:cua )?thang cuoi (?:moi |cac |hang )?quy\b", folded)
    if not found or year is None or not 1 <= int(found.group(1)) <= 28:
        return []
    return [dt.date(year, month, int(found.group(1))) for month in (3, 6, 9, 12)]


def reporting_period_ends(year: int) -> list[dt.date]:
    """The closing dates of the year's progress reports (quarterly, half-yearly, yearly)."""
    return [_end_of_month(year, month) for month in (3, 6, 9, 12)]


def _names_its_own_dates(folded: str, dates: list[dt.date]) -> bool:
    """"Trước 30/6 hằng năm" sets its own date; "Thường xuyên trong năm 2025" only the year."""
    whole_year = dates and all(d.month == 12 and d.day == 31 for d in dates) and not re.search(r"\d{1,2}\s*/\s*\d", folded)
    return bool(dates) and not whole_year


def _once_a_year(folded: str) -> bool:
    """"Hằng năm" / "Hàng năm" without "thường xuyên", "định kỳ": due once, at the year's end."""
    return bool(re.search(r"\bhang nam\b", folded)) and not re.search(r"\b(thuong xuyen|dinh ky|lien tuc)\b", folded)
