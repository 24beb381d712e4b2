"""Report periods: Quý I, 6 tháng đầu năm, 9 tháng (Quý III), năm, or a date range the user picks."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from ..deadlines import reporting_period_ends
from ..errors import InvalidInputError
from ..text import format_date
from .wording import cite_date

PERIOD_KINDS = ("q1", "h1", "q3", "year", "custom")

# kind → (label shown in the dialog, words in the abstract, last month)
_FIXED = {
    "q1": ("Quý I", "Quý I", 3),
    "h1": ("6 tháng đầu năm", "6 tháng đầu năm", 6),
    "q3": ("Quý III (9 tháng đầu năm)", "9 tháng đầu năm", 9),
    "year": ("Cả năm", "năm", 12),
}

PERIOD_LABELS = {kind: label for kind, (label, _, _) in _FIXED.items()} | {"custom": "Khoảng thời gian khác"}


@dataclass(frozen=True)
class ReportPeriod:
    kind: str
    year: int
    start: dt.date
    end: dt.date
    cutoff_day: int = 0  # the plan's data cutoff: 0 = the period's end, else that day of its last month

    @property
    def cutoff(self) -> dt.date:
        """"Tính đến ngày": the period's end, or (the Ministry's regime) the 14th of its last month."""
        if self.kind == "custom" or not 1 <= self.cutoff_day <= 28:
            return self.end
        return self.end.replace(day=self.cutoff_day)

    def with_cutoff(self, day: int) -> "ReportPeriod":
        return dataclasses.replace(self, cutoff_day=int(day or 0))

    @classmethod
    def of(cls, kind: str, year: int, start: dt.date | None = None, end: dt.date | None = None) -> "ReportPeriod":
        """A period by its kind; `custom` needs start and end, the others derive them from the year."""
        if kind not in PERIOD_KINDS:
            choices = ", ".join(PERIOD_KINDS)
            raise InvalidInputError(f"Kỳ báo cáo “{kind}” không hợp lệ; chọn một trong: {choices}.")
        if not 2000 <= int(year) <= 2100:
            raise InvalidInputError(f"Năm báo cáo {year} không hợp lệ.")
        if kind == "custom":
            if start is None or end is None:
                raise InvalidInputError("Kỳ báo cáo tự chọn cần cả ngày bắt đầu (--from) và ngày kết thúc (--to).")
            if end < start:
                raise InvalidInputError(
                    f"Ngày kết thúc {format_date(end)} đứng trước ngày bắt đầu {format_date(start)}."
                )
            return cls(kind, int(year), start, end)
        # The same closing dates as recurring task deadlines ("Thường xuyên").
        end = next(d for d in reporting_period_ends(int(year)) if d.month == _FIXED[kind][2])
        return cls(kind, int(year), dt.date(year, 1, 1), end)

    @property
    def label(self) -> str:
        if self.kind == "custom":
            return f"Từ {format_date(self.start)} đến {format_date(self.end)}"
        return self.phrase()

    def words(self, plan_year: int | None = None) -> str:
        """The period as the abstract says it: "6 tháng đầu năm", "Quý I năm 2026", "từ ngày … đến ngày …".

        The year is left out when it is the plan's own year, which the abstract already names.
        """
        if self.kind == "custom":
            return f"từ ngày {cite_date(self.start)} đến ngày {cite_date(self.end)}"
        words = _FIXED[self.kind][1]
        if self.year == plan_year and self.kind != "year":
            return words
        return f"{words} {self.year}" if words.endswith("năm") else f"{words} năm {self.year}"

    def phrase(self) -> str:
        """The period with its year, as a sentence says it: "6 tháng đầu năm 2025", "năm 2025"."""
        return self.words(None)

    def abstract_suffix(self, plan_year: int | None = None) -> str:
        """"(6 tháng đầu năm)" after the abstract; the yearly report says "(báo cáo năm)"."""
        if self.kind == "year" and self.year == plan_year:
            return "(báo cáo năm)"
        return f"({self.words(plan_year)})"
