"""Plain values of the self-assessment: a criterion's score and basis, area and index totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class LinkedDocument:
    """A document that proves a criterion's score: a task's evidence or one added directly."""

    id: int
    evidence_id: int | None
    task_id: int | None
    number: str
    date: dt.date | None
    issuer: str
    abstract: str
    file_name: str | None
    file_sha256: str | None
    location: str
    file_status: str = ""  # "" without a file, else "ok", "missing" or "altered"

    @property
    def missing(self) -> bool:
        return self.file_status in ("missing", "altered")

    def to_json(self) -> dict:
        return {
            "id": self.id, "evidence_id": self.evidence_id, "task_id": self.task_id, "number": self.number,
            "date": self.date.isoformat() if self.date else None, "issuer": self.issuer,
            "abstract": self.abstract, "file_name": self.file_name, "location": self.location,
            "file_missing": self.missing,
        }


@dataclass
class CriterionAssessment:
    id: int
    code: str
    title: str
    index_id: int
    index_kind: str
    index_name: str
    parent_id: int | None
    area_id: int
    is_leaf: bool
    max_score: float | None
    prior_text: str
    prior: float | None
    target_text: str
    target: float | None
    evidence_required: str
    scorable: bool
    reason_not_scorable: str
    may_score: bool = False
    why_not_allowed: str = ""
    precision: int = 2
    self_score: float | None = None
    not_applicable: bool = False
    not_applicable_reason: str = ""
    explanation: str = ""
    note: str = ""
    evidence: list[LinkedDocument] = field(default_factory=list)
    task_ids: list[int] = field(default_factory=list)
    subtotal: float | None = None  # a criterion with sub-criteria: the sum of their scores
    tasks_not_started: int = 0  # the criterion's tasks still "chưa thực hiện"
    # For a consolidator: each agency's proposed score as its package brought it (issue 12);
    # None for an agency that consolidates nothing (the JSON then has no "proposals").
    proposals: list[dict] | None = None

    @property
    def depth(self) -> int:
        return self.code.count(".") + 1 if self.code else 1

    @property
    def missing_documents(self) -> int:
        return sum(doc.missing for doc in self.evidence)

    @property
    def below_max(self) -> bool:
        return (self.self_score is not None and self.max_score is not None
                and self.self_score < self.max_score - 1e-9)

    @property
    def lost_last_year(self) -> bool:
        return self.prior is not None and self.max_score is not None and self.prior < self.max_score - 1e-9

    def to_json(self) -> dict:
        return {
            "id": self.id, "code": self.code, "title": self.title, "index": self.index_kind,
            "annex": self.index_name, "max_score": self.max_score, "prior_result": self.prior_text,
            "target": self.target_text, "self_score": self.self_score, "scorable": self.scorable,
            "reason_not_scorable": self.reason_not_scorable or None, "may_score": self.may_score,
            "not_applicable": self.not_applicable, "not_applicable_reason": self.not_applicable_reason,
            "evidence_required": self.evidence_required,
            "evidence": [doc.to_json() for doc in self.evidence], "explanation": self.explanation,
            "note": self.note, "subtotal": self.subtotal,
        } | ({} if self.proposals is None else {"proposals": self.proposals})


@dataclass
class Total:
    """Sums of an area (a top-level criterion) or of an index."""

    code: str
    title: str
    index_kind: str
    index_name: str
    max: float | None = None
    self: float | None = None
    prior: float | None = None
    target: float | None = None
    points_at_risk: float = 0.0
    not_applicable_max: float = 0.0  # maxima of criteria "không áp dụng": left out of `max`
    below_max: list[str] = field(default_factory=list)  # codes scored below their maximum
    lost_last_year: list[str] = field(default_factory=list)  # codes below the maximum last year
    id: int | None = None

    def to_json(self) -> dict:
        return {
            "code": self.code, "title": self.title, "index": self.index_kind, "annex": self.index_name,
            "max": _round(self.max), "self": _round(self.self), "prior": _round(self.prior),
            "target": _round(self.target), "points_at_risk": _round(self.points_at_risk),
            "not_applicable_max": _round(self.not_applicable_max),
            "below_max": self.below_max, "lost_last_year": self.lost_last_year,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


@dataclass
class Assessment:
    """The self-assessment of one plan's criteria (all indices, or one kind)."""

    plan: dict
    criteria: list[CriterionAssessment]
    areas: list[Total]
    total: Total

    def criterion(self, criterion_id: int) -> CriterionAssessment:
        return next(c for c in self.criteria if c.id == criterion_id)

    def to_json(self) -> dict:
        total = self.total.to_json()
        return {
            "plan": {"id": self.plan["id"], "number": self.plan["number"]},
            "criteria": [c.to_json() for c in self.criteria],
            "areas": [area.to_json() for area in self.areas],
            "total": {key: total[key] for key in ("max", "self", "prior", "target", "points_at_risk",
                                                         "not_applicable_max")},
        }
