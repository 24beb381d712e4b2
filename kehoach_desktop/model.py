"""The domain: plans, indices, criteria, tasks, the agency's profile, progress and evidence.

Plain dataclasses; no Qt, no SQL. Values are stored as written (deadline text,
responsibility phrases) and derived values (due date, role) are computed from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class IndexKind(str, Enum):
    PAR_INDEX = "PAR INDEX"
    SIPAS = "SIPAS"
    PAPI = "PAPI"
    OTHER = "Khác"


class AgencyKind(str, Enum):
    SO = "so"  # provincial department, board or sector
    HUYEN = "huyen"  # district People's Committee
    XA = "xa"  # commune-level People's Committee
    KHAC = "khac"  # other

    @property
    def label(self) -> str:
        return AGENCY_KIND_LABELS[self]


AGENCY_KIND_LABELS = {
    AgencyKind.SO: "Sở, ban, ngành cấp tỉnh",
    AgencyKind.HUYEN: "UBND cấp huyện",
    AgencyKind.XA: "UBND cấp xã (xã, phường, thị trấn)",
    AgencyKind.KHAC: "Cơ quan, đơn vị khác",
}


class Authority(str, Enum):
    TM = "TM."
    KT = "KT."
    Q = "Q."
    NONE = "none"


class Role(str, Enum):
    LEAD = "lead"
    IMPLEMENTING = "implementing"
    COOPERATING = "cooperating"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def strength(self) -> int:
        return {Role.LEAD: 3, Role.IMPLEMENTING: 2, Role.COOPERATING: 1}[self]


ROLE_LABELS = {
    Role.LEAD: "Chủ trì",
    Role.IMPLEMENTING: "Thực hiện",
    Role.COOPERATING: "Phối hợp",
}


class Status(str, Enum):
    NOT_STARTED = "chưa thực hiện"
    IN_PROGRESS = "đang thực hiện"
    DONE = "hoàn thành"
    NOT_FEASIBLE = "không thực hiện được"

    @classmethod
    def parse(cls, text: str) -> "Status":
        from .text import fold

        wanted = fold(text).replace("_", " ").replace("-", " ")
        aliases = {
            "not started": cls.NOT_STARTED, "chua": cls.NOT_STARTED,
            "in progress": cls.IN_PROGRESS, "dang": cls.IN_PROGRESS,
            "done": cls.DONE, "xong": cls.DONE,
            "not feasible": cls.NOT_FEASIBLE, "khong": cls.NOT_FEASIBLE,
        }
        for status in cls:
            if fold(status.value) == wanted:
                return status
        if wanted in aliases:
            return aliases[wanted]
        from .errors import InvalidInputError

        choices = ", ".join(f"“{s.value}”" for s in cls)
        raise InvalidInputError(f"Tình trạng “{text}” không hợp lệ; chọn một trong: {choices}.")


@dataclass
class AgencyProfile:
    """The agency using the program (or one in a consolidator's roster)."""
    name: str
    kind: AgencyKind
    governing_body: str = ""
    place: str = ""
    symbol: str = ""
    signer_name: str = ""
    signer_title: str = ""
    authority: Authority = Authority.NONE

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind.value,
            "governing_body": self.governing_body,
            "place": self.place,
            "symbol": self.symbol,
            "signer_name": self.signer_name,
            "signer_title": self.signer_title,
            "authority": self.authority.value,
        }


@dataclass
class Plan:
    """A provincial plan (kế hoạch): its number, date, issuer and year."""
    number: str  # "2163/KH-UBND"
    date: dt.date | None = None
    issuer: str = ""
    year: int | None = None
    title: str = ""
    id: int | None = None


@dataclass
class PlanIndex:
    """One index of a plan's annex (PAR INDEX, SIPAS, PAPI), as one annex sheet or part."""
    kind: IndexKind
    name: str  # as written, e.g. "Phụ lục 1 — PAR INDEX, SIPAS"
    position: int = 0
    id: int | None = None
    plan_id: int | None = None


@dataclass
class Criterion:
    """A criterion of an index, or an area (lĩnh vực) grouping criteria."""
    code: str  # as printed: "1", "1.3", "2.4.1"; "" when the row has none
    title: str
    max_score: float | None = None
    prior_result: str = ""
    target: str = ""
    parent_id: int | None = None
    position: int = 0
    id: int | None = None
    index_id: int | None = None

    @property
    def depth(self) -> int:
        return self.code.count(".") + 1 if self.code else 1


@dataclass
class Task:
    """A task of the annex, with its responsibility phrases as written."""
    content: str
    deadline_text: str = ""
    evidence_required: str = ""
    lead: str = ""  # responsibility phrases exactly as written
    implementing: str = ""
    cooperating: str = ""
    criterion_id: int | None = None
    index_id: int | None = None
    position: int = 0
    source_sheet: str = ""
    source_row: int | None = None
    removed: bool = False
    role_override: Role | None = None
    id: int | None = None
    plan_id: int | None = None


@dataclass
class Progress:
    """What the agency recorded about one task."""
    task_id: int
    status: Status = Status.NOT_STARTED
    percent: int = 0
    result: str = ""
    completed_on: dt.date | None = None
    score: float | None = None
    difficulties: str = ""
    proposals: str = ""
    updated_at: str | None = None
    revision: int = 0  # saves made to the record (issue 15): what a window loaded, to detect a change


@dataclass
class Evidence:
    """One piece of evidence (tài liệu kiểm chứng) of a task."""
    task_id: int
    number: str = ""  # "15/QĐ-UBND"
    date: dt.date | None = None
    issuer: str = ""
    abstract: str = ""
    file_sha256: str | None = None
    file_name: str | None = None
    file_size: int | None = None
    added_at: str | None = None
    id: int | None = None


@dataclass
class TaskRow:
    """One task as the lists, the window and `kehoach tasks --json` see it: joined and derived."""

    id: int
    plan_id: int
    index_name: str
    index_kind: str
    area_code: str
    area_title: str
    code: str
    criterion: str
    max_score: float | None
    content: str
    deadline_text: str
    due_date: dt.date | None
    recurring: bool
    evidence_required: str
    lead: list[str]
    implementing: list[str]
    cooperating: list[str]
    role: Role | None
    role_reason: str
    role_overridden: bool
    conditional: bool
    removed: bool
    status: Status
    percent: int
    result: str
    completed_on: dt.date | None
    score: float | None
    evidence_count: int
    updated_at: str | None = None
    extra: dict = field(default_factory=dict)
    due_dates: tuple[dt.date, ...] = ()  # every date the deadline sets (one per report)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "code": self.code,
            "index": self.index_kind,
            "criterion": self.criterion,
            "content": self.content,
            "deadline_text": self.deadline_text,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "due_dates": [d.isoformat() for d in self.due_dates],
            "recurring": self.recurring,
            "lead": self.lead,
            "implementing": self.implementing,
            "cooperating": self.cooperating,
            "role": self.role.value if self.role else None,
            "role_reason": self.role_reason,
            "status": self.status.value,
            "percent": self.percent,
            "result": self.result,
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
            "score": self.score,
            "evidence_count": self.evidence_count,
            "removed": self.removed,
        }
