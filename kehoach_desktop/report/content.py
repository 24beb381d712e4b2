"""What the progress report says, worked out once for both the PDF and the Word writer.

`build_content` turns the agency's profile, the plan, its tasks with progress and evidence,
the period and the user's texts into a ReportContent: strings and blocks in reading order,
nothing about fonts or pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from ..model import AgencyProfile, Evidence, Role, Status, TaskRow
from ..text import clean_cell, format_decimal, nfc
from .periods import ReportPeriod
from .wording import (
    BLANK, agency_lines, cite_date, count_words, date_line, document_number, document_symbol, number_symbol,
    percent, recipient_lines, sentence_case, short_issuer, signature_lines, upper,
)

DEFAULT_ADDRESSEE = "Sở Nội vụ"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
LETTERS = "abcdđeghiklmnopqrstuvxy"


@dataclass
class ReportTexts:
    """What the user writes or chooses in the report dialog, saved per plan and period."""

    number: str = ""
    signed_on: dt.date | None = None
    addressees: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    direction: str = ""  # I. Công tác chỉ đạo, triển khai
    shortcomings: str = ""  # III. Tồn tại, hạn chế và nguyên nhân
    next_steps: str = ""  # IV. Nhiệm vụ, giải pháp thời gian tới
    proposals: str = ""  # V. Đề xuất, kiến nghị
    saved: bool = False  # read back from the data file (not prefilled)


class Outcome(str, Enum):
    """A task's state at the end of the period (or today, when the period has not ended)."""

    DONE_ON_TIME = "Hoàn thành đúng hạn"
    DONE_LATE = "Hoàn thành chậm so với thời hạn"
    IN_PROGRESS = "Đang thực hiện"
    NOT_STARTED = "Chưa thực hiện"
    NOT_FEASIBLE = "Không thực hiện được"


@dataclass(frozen=True)
class Figures:
    as_of: dt.date
    assigned: int
    by_role: dict  # Role → count, roles with no task left out
    done_on_time: int
    done_late: int
    in_progress: int
    not_started: int
    not_feasible: int
    overdue: int

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late


@dataclass
class AnnexRow:
    number: int
    content: str
    criterion: str  # "Tiêu chí 1.1. Thực hiện kế hoạch CCHC", or ""
    role: str
    deadline: str
    result: str
    status: str
    evidence: list[str]
    max_score: str
    score: str


@dataclass
class AnnexGroup:
    """A heading row in the annex table (an index or an area) followed by its task rows."""

    title: str
    level: int  # 1: index, 2: area
    rows: list[AnnexRow] = field(default_factory=list)


class BlockKind(str, Enum):
    HEADING = "heading"  # "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI": capitals, bold
    SUBHEADING = "subheading"  # "1. Kết quả chung": bold
    MINOR = "minor"  # "a) Lĩnh vực …": bold italic
    PARAGRAPH = "paragraph"  # justified, first-line indent


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


@dataclass
class ReportContent:
    governing_body: str  # capitals, "" when none
    agency: list[str]
    number_line: str
    date_line: str
    title: str
    abstract: str
    addressees: list[str]
    blocks: list[Block]
    recipients: list[str]
    signature: list[str]
    signer_name: str
    annex_title: list[str]
    annex_subtitle: str
    annex_groups: list[AnnexGroup]
    has_scores: bool
    figures: Figures
    period: ReportPeriod
    texts: ReportTexts
    agency_name: str = ""
    extra_annexes: list = field(default_factory=list)  # issue 11: AnnexTable, after the annex

    @property
    def annex_row_count(self) -> int:
        return sum(len(group.rows) for group in self.annex_groups)


@dataclass
class AnnexTable:
    """An annex as a plain table (issue 11, the consolidated report): its own landscape pages,
    the header row repeated; `widths` are relative; a row of one cell is a group heading."""

    title: list[str]
    subtitle: str
    headers: list[str]
    widths: list[float]
    rows: list[list[str]]


# --- outcomes and figures ---------------------------------------------------------------------


def outcome(row: TaskRow, as_of: dt.date) -> Outcome:
    """The task's state on `as_of`: a task finished after that day was still in progress then."""
    if row.status == Status.NOT_FEASIBLE:
        return Outcome.NOT_FEASIBLE
    if row.status == Status.DONE and (row.completed_on is None or row.completed_on <= as_of):
        late = row.completed_on and row.due_date and row.completed_on > row.due_date
        return Outcome.DONE_LATE if late else Outcome.DONE_ON_TIME
    if row.status == Status.NOT_STARTED:
        return Outcome.NOT_STARTED
    return Outcome.IN_PROGRESS


def is_overdue_at(row: TaskRow, as_of: dt.date) -> bool:
    state = outcome(row, as_of)
    unfinished = state in (Outcome.IN_PROGRESS, Outcome.NOT_STARTED)
    return unfinished and row.due_date is not None and row.due_date < as_of


def figures_for(rows: list[TaskRow], as_of: dt.date) -> Figures:
    outcomes = [outcome(row, as_of) for row in rows]
    by_role = {role: sum(row.role == role for row in rows) for role in Role}
    return Figures(
        as_of=as_of, assigned=len(rows), by_role={role: n for role, n in by_role.items() if n},
        done_on_time=outcomes.count(Outcome.DONE_ON_TIME), done_late=outcomes.count(Outcome.DONE_LATE),
        in_progress=outcomes.count(Outcome.IN_PROGRESS), not_started=outcomes.count(Outcome.NOT_STARTED),
        not_feasible=outcomes.count(Outcome.NOT_FEASIBLE),
        overdue=sum(is_overdue_at(row, as_of) for row in rows),
    )


def report_tasks(rows: list[TaskRow], plan_id: int) -> list[TaskRow]:
    """The agency's tasks of one plan, in annex order: those with a role, not removed from the plan."""
    return [row for row in rows if row.plan_id == plan_id and row.role is not None and not row.removed]


# --- the user's texts ---------------------------------------------------------------------------


def default_addressees(plan: dict) -> list[str]:
    """"Sở Nội vụ tỉnh Cao Bằng" when the plan's issuer names the province."""
    issuer = short_issuer(plan.get("issuer") or "")
    for word in ("tỉnh ", "thành phố "):
        at = issuer.find(word)
        if at >= 0:
            return [f"{DEFAULT_ADDRESSEE} {issuer[at:]}"]
    return [DEFAULT_ADDRESSEE]


def prefilled_texts(plan: dict, profile: AgencyProfile, rows: list[TaskRow], progress_notes: dict[int, tuple[str, str]],
                    period: ReportPeriod, today: dt.date) -> ReportTexts:
    """Texts for a report not written yet: difficulties and proposals recorded on the tasks.

    `progress_notes` maps a task id to its (difficulties, proposals).
    """
    as_of = min(period.end, today)
    difficulties = _noted(rows, progress_notes, 0)
    proposals = _noted(rows, progress_notes, 1)
    unfinished = [row for row in rows if outcome(row, as_of) in (Outcome.IN_PROGRESS, Outcome.NOT_STARTED)]
    overdue = sum(is_overdue_at(row, as_of) for row in rows)
    next_steps = ""
    if unfinished:
        next_steps = (
            f"Tập trung chỉ đạo hoàn thành {count_words(len(unfinished))} nhiệm vụ chưa hoàn thành"
            + (f", trong đó có {count_words(overdue)} nhiệm vụ đã quá hạn" if overdue else "")
            + "; bảo đảm chất lượng, đúng thời hạn và lưu đầy đủ tài liệu kiểm chứng."
        )
    plan_ref = _plan_reference(plan)
    direction = (
        f"Thực hiện {plan_ref}, {profile.name} đã triển khai, phân công thực hiện các nhiệm vụ "
        "được giao tại Kế hoạch."
    )
    return ReportTexts(
        addressees=default_addressees(plan), recipients=["Lưu: VT"], direction=direction,
        shortcomings=difficulties, next_steps=next_steps, proposals=proposals,
    )


def _noted(rows: list[TaskRow], notes: dict[int, tuple[str, str]], which: int) -> str:
    lines, seen = [], set()
    for row in rows:
        text = clean_cell(notes.get(row.id, ("", ""))[which]).replace("\n", " ")
        if text and text not in seen:
            seen.add(text)
            where = f" (tiêu chí {row.code})" if row.code else ""
            lines.append(f"- {text.rstrip('.;')}{where}.")
    return "\n".join(lines)


# --- the content --------------------------------------------------------------------------------


def _plan_reference(plan: dict) -> str:
    """"Kế hoạch số 2163/KH-UBND ngày 12/7/2025 của UBND tỉnh Cao Bằng"."""
    text = f"Kế hoạch số {plan['number']}"
    if plan.get("date"):
        text += f" ngày {cite_date(dt.date.fromisoformat(plan['date']))}"
    if plan.get("issuer"):
        text += f" của {short_issuer(plan['issuer'])}"
    return text


def _index_names(rows: list[TaskRow]) -> str:
    kinds = []
    for row in rows:
        name = row.index_kind if row.index_kind != "Khác" else row.index_name
        if name not in kinds:
            kinds.append(name)
    return ", ".join(kinds)


def build_content(
    *, profile: AgencyProfile, plan: dict, rows: list[TaskRow], evidence: dict[int, list[Evidence]],
    period: ReportPeriod, texts: ReportTexts, today: dt.date, all_indices: str = "",
) -> ReportContent:
    """The whole report. `rows` are the agency's tasks of the plan (see `report_tasks`)."""
    as_of = min(period.end, today)
    symbol = document_symbol(profile)
    plan_year = plan.get("year")
    indices = all_indices or _index_names(rows) or "PAR INDEX, SIPAS, PAPI"
    subject = f"{_plan_reference(plan)} về cải thiện, nâng cao các chỉ số {indices}"
    if plan_year:
        subject += f" năm {plan_year}"
    abstract = f"Kết quả thực hiện {subject} {period.abstract_suffix(plan_year)}"
    figures = figures_for(rows, as_of)
    scored = any(row.max_score is not None for row in rows)
    groups = _annex_groups(rows, evidence, as_of, scored)
    blocks = _body(profile, plan, rows, evidence, period, texts, figures, as_of, subject)
    signed = cite_date(texts.signed_on) if texts.signed_on else f"{BLANK}/{BLANK}/{today.year}"
    report_ref = f"số {number_symbol(texts.number, symbol)} ngày {signed}"
    has_addressees = any(a.strip() for a in texts.addressees)
    return ReportContent(
        governing_body=upper(profile.governing_body),
        agency=agency_lines(profile),
        number_line=document_number(texts.number, symbol),
        date_line=date_line(profile.place, texts.signed_on, today.year),
        title="BÁO CÁO",
        abstract=abstract,
        addressees=[clean_cell(a) for a in texts.addressees if clean_cell(a)],
        blocks=blocks,
        recipients=recipient_lines(texts.recipients, has_addressees=has_addressees),
        signature=signature_lines(profile),
        signer_name=nfc(profile.signer_name).strip(),
        annex_title=["PHỤ LỤC", f"KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO {upper(period.words(plan_year))}"],
        annex_subtitle=f"(Kèm theo Báo cáo {report_ref} của {profile.name})",
        annex_groups=groups, has_scores=scored, figures=figures, period=period, texts=texts,
        agency_name=profile.name,
    )


def _paragraphs(text: str) -> list[Block]:
    lines = [line.strip() for line in clean_cell(text).split("\n")]
    return [Block(BlockKind.PARAGRAPH, line) for line in lines if line]


def _body(profile, plan, rows, evidence, period, texts, figures, as_of, subject) -> list[Block]:
    blocks = [Block(BlockKind.HEADING, "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI")]
    blocks += _paragraphs(texts.direction) or [Block(BlockKind.PARAGRAPH, "Không có.")]
    blocks.append(Block(BlockKind.HEADING, "II. KẾT QUẢ THỰC HIỆN"))
    blocks.append(Block(BlockKind.SUBHEADING, "1. Kết quả chung"))
    blocks += _figure_paragraphs(profile, plan, figures)
    blocks.append(Block(BlockKind.SUBHEADING, "2. Kết quả thực hiện theo từng chỉ số"))
    blocks += _per_index(rows, evidence, as_of)
    for heading, text in (
        ("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", texts.shortcomings),
        ("IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", texts.next_steps),
        ("V. ĐỀ XUẤT, KIẾN NGHỊ", texts.proposals),
    ):
        blocks.append(Block(BlockKind.HEADING, heading))
        blocks += _paragraphs(text) or [Block(BlockKind.PARAGRAPH, "Không có.")]
    blocks.append(Block(
        BlockKind.PARAGRAPH,
        f"Trên đây là báo cáo kết quả thực hiện {_plan_reference(plan)} {period.phrase()} "
        f"của {profile.name}./.",
    ))
    return blocks


def _figure_paragraphs(profile: AgencyProfile, plan: dict, f: Figures) -> list[Block]:
    roles = ", ".join(f"{role.label.lower()} {count_words(n)}" for role, n in f.by_role.items())
    lines = [
        f"Tính đến ngày {cite_date(f.as_of)}, {profile.name} được giao {count_words(f.assigned)} nhiệm vụ "
        f"theo {_plan_reference(plan)}" + (f" ({roles})." if roles else "."),
        f"- Đã hoàn thành {count_words(f.done)} nhiệm vụ ({percent(f.done, f.assigned)}), trong đó hoàn thành "
        f"đúng hạn {count_words(f.done_on_time)}, hoàn thành chậm so với thời hạn {count_words(f.done_late)};",
        f"- Đang thực hiện {count_words(f.in_progress)} nhiệm vụ;",
        f"- Chưa thực hiện {count_words(f.not_started)} nhiệm vụ;",
    ]
    if f.not_feasible:
        lines.append(f"- Không thực hiện được {count_words(f.not_feasible)} nhiệm vụ;")
    lines.append(f"- Số nhiệm vụ đã quá hạn nhưng chưa hoàn thành: {count_words(f.overdue)}.")
    lines.append("(Chi tiết tại Phụ lục kèm theo.)")
    return [Block(BlockKind.PARAGRAPH, line) for line in lines]


Area = tuple[str, str]  # (code, title in sentence case)


def _grouped(rows: list[TaskRow]) -> list[tuple[str, list[tuple[Area, list[TaskRow]]]]]:
    """[(index name, [((area code, area title), rows)])] in annex order."""
    indices: dict[str, dict[Area, list[TaskRow]]] = {}
    for row in rows:
        index = row.index_kind if row.index_kind != "Khác" else row.index_name
        area = (row.area_code.rstrip("."), sentence_case(row.area_title) or "Nhiệm vụ khác")
        indices.setdefault(index, {}).setdefault(area, []).append(row)
    return [(index, list(areas.items())) for index, areas in indices.items()]


def _per_index(rows: list[TaskRow], evidence: dict[int, list[Evidence]], as_of: dt.date) -> list[Block]:
    blocks = []
    for i, (index, areas) in enumerate(_grouped(rows), start=1):
        blocks.append(Block(BlockKind.SUBHEADING, f"2.{i}. Chỉ số {index}"))
        for j, ((_, title), area_rows) in enumerate(areas):
            letter = LETTERS[j] if j < len(LETTERS) else str(j + 1)
            blocks.append(Block(BlockKind.MINOR, f"{letter}) {title}"))
            f = figures_for(area_rows, as_of)
            blocks.append(Block(
                BlockKind.PARAGRAPH,
                f"Được giao {count_words(f.assigned)} nhiệm vụ; đã hoàn thành {count_words(f.done)}, "
                f"đang thực hiện {count_words(f.in_progress)}, chưa thực hiện {count_words(f.not_started)}"
                + (f", quá hạn {count_words(f.overdue)}" if f.overdue else "") + ".",
            ))
            for row in area_rows:  # the results; every task, with its evidence in full, is in the annex
                if _one_line(row.result):
                    blocks.append(Block(BlockKind.PARAGRAPH, _task_sentence(row, evidence.get(row.id, []))))
    if not blocks:
        blocks.append(Block(BlockKind.PARAGRAPH, "Đơn vị không được giao nhiệm vụ nào trong Kế hoạch."))
    return blocks


def _one_line(text: str) -> str:
    """A cell as one line; the bullets an annex cell starts with ("- …") dropped."""
    return clean_cell(text).replace("\n", " ").strip().lstrip("-–•+ ").strip()


def _task_sentence(row: TaskRow, documents: list[Evidence]) -> str:
    content = _one_line(row.content).rstrip(".;:")
    role = f" ({row.role.label.lower()})" if row.role else ""
    text = f"- {content}{role}: {_one_line(row.result).rstrip('.;')}."
    cited = [evidence_text(doc, issuer=False) for doc in documents]
    if cited:
        text = text[:-1] + f" (tài liệu kiểm chứng: {'; '.join(cited)})."
    return text


def evidence_text(doc: Evidence, *, issuer: bool = True) -> str:
    """"Số 15/BC-UBND ngày 10/3/2025 của UBND xã Hòa An"; the abstract only when there is no number."""
    parts = []
    if doc.number:
        parts.append(f"số {doc.number}")
    if doc.date:
        parts.append(f"ngày {cite_date(doc.date)}")
    if doc.issuer and issuer:
        parts.append(f"của {doc.issuer}")
    head = " ".join(parts)
    abstract = _one_line(doc.abstract)
    if not doc.number and abstract:
        head = f"{abstract} {head}".strip()
    head = head or (doc.file_name or "")
    return head[:1].upper() + head[1:] if issuer else head


def _annex_groups(rows, evidence, as_of, scored) -> list[AnnexGroup]:
    groups: list[AnnexGroup] = []
    number = 0
    for i, (index, areas) in enumerate(_grouped(rows)):
        roman = ROMAN[i] if i < len(ROMAN) else str(i + 1)
        groups.append(AnnexGroup(f"{roman}. CHỈ SỐ {upper(index)}", 1))
        for (code, title), area_rows in areas:
            group = AnnexGroup(f"{code}. {title}" if code else title, 2)
            for row in area_rows:
                number += 1
                group.rows.append(_annex_row(number, row, evidence.get(row.id, []), as_of, scored))
            groups.append(group)
    return groups


def _annex_row(number: int, row: TaskRow, documents: list[Evidence], as_of: dt.date, scored: bool) -> AnnexRow:
    criterion = ""
    if row.code and row.code != row.area_code:
        criterion = f"Tiêu chí {row.code}. {_one_line(row.criterion)}".strip()
    state = outcome(row, as_of)
    status = state.value
    if is_overdue_at(row, as_of):
        status += " (quá hạn)"
    result = _one_line(row.result)
    if state == Outcome.IN_PROGRESS and row.percent and row.status != Status.DONE:
        result = (result + f" (đạt {row.percent}%)").strip()
    return AnnexRow(
        number=number, content=_one_line(row.content), criterion=criterion,
        role=row.role.label if row.role else "", deadline=_one_line(row.deadline_text), result=result,
        status=status, evidence=[evidence_text(doc) for doc in documents],
        max_score=format_decimal(row.max_score, 4) if scored else "",
        score=format_decimal(row.score, 4) if scored else "",
    )
