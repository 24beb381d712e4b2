"""What the progress report says, worked out once for both the PDF and the Word writer.

`build_content` turns the agency's profile, the plan, its tasks with progress and evidence,
the period and the user's texts into a ReportContent: strings and blocks in reading order,
nothing about fonts or pages.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from enum import Enum

from ..model import AgencyKind, AgencyProfile, Evidence, Role, Status, TaskRow
from ..text import clean_cell, fold, format_decimal, nfc
from ..outcomes import Outcome, is_overdue_at, outcome  # noqa: F401 (re-exported)
from .asof import evidence_as_of, rows_as_of
from .periods import ReportPeriod
from .plans import plan_reference, plan_subject
from .wording import (
    BLANK, _expand_ubnd as _committee, agency_lines, cite_date, count_words, date_line, document_number,
    document_symbol, number_symbol, percent, recipient_lines, sentence_case, short_issuer, signature_lines, upper,
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
    only_led: bool = False  # only the tasks the agency leads (chủ trì)
    compact_not_started: bool = False  # an area's tasks not started (and not late) in one annex row


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
    task_id: int | None = None


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
    plan_id: int | None = None
    states: dict = field(default_factory=dict)  # task id → Outcome value at the cutoff (the register compares)
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
    centred: tuple[int, ...] = (0,)  # the columns of numbers (STT, counts, days)


# --- outcomes and figures ---------------------------------------------------------------------


def figures_for(rows: list[TaskRow], as_of: dt.date, closed: bool = False) -> Figures:
    outcomes = [outcome(row, as_of) for row in rows]
    by_role = {role: sum(row.role == role for row in rows) for role in Role}
    return Figures(
        as_of=as_of, assigned=len(rows), by_role={role: n for role, n in by_role.items() if n},
        done_on_time=outcomes.count(Outcome.DONE_ON_TIME), done_late=outcomes.count(Outcome.DONE_LATE),
        in_progress=outcomes.count(Outcome.IN_PROGRESS), not_started=outcomes.count(Outcome.NOT_STARTED),
        not_feasible=outcomes.count(Outcome.NOT_FEASIBLE),
        overdue=sum(is_overdue_at(row, as_of, closed) for row in rows),
    )


def report_tasks(rows: list[TaskRow], plan_id: int) -> list[TaskRow]:
    """The agency's tasks of one plan, in annex order: those with a role, not removed from the plan."""
    return [row for row in rows if row.plan_id == plan_id and row.role is not None and not row.removed]


# --- the user's texts ---------------------------------------------------------------------------


def _is_home_affairs(profile: AgencyProfile | None) -> bool:
    return profile is not None and fold(profile.name).startswith("so noi vu")


def default_addressees(plan: dict, profile: AgencyProfile | None = None) -> list[str]:
    """The plan's remembered addressees, else "Sở Nội vụ tỉnh …" (the province from the issuer).

    The Sở Nội vụ never addresses itself: it reports to the UBND tỉnh.
    """
    remembered = [line for line in clean_cell(plan.get("report_addressees") or "").split("\n") if line.strip()]
    if remembered:
        return remembered
    issuer = short_issuer(plan.get("issuer") or "")
    province = ""
    for word in ("tỉnh ", "thành phố "):
        at = issuer.find(word)
        if at >= 0:
            province = issuer[at:]
            break
    if _is_home_affairs(profile):
        return [f"UBND {province}" if province else "UBND tỉnh"]
    return [f"{DEFAULT_ADDRESSEE} {province}" if province else DEFAULT_ADDRESSEE]


def prefilled_texts(plan: dict, profile: AgencyProfile, rows: list[TaskRow], progress_notes: dict[int, tuple[str, str]],
                    period: ReportPeriod, today: dt.date) -> ReportTexts:
    """Texts for a report not written yet: difficulties and proposals recorded on the tasks.

    `progress_notes` maps a task id to its (difficulties, proposals).
    """
    as_of = min(period.end, today)
    closed = today > period.end
    difficulties = _noted(rows, progress_notes, 0)
    proposals = _noted(rows, progress_notes, 1)
    unfinished = [row for row in rows if outcome(row, as_of) in (Outcome.IN_PROGRESS, Outcome.NOT_STARTED)]
    overdue = sum(is_overdue_at(row, as_of, closed) for row in rows)
    next_steps = ""
    if unfinished:
        next_steps = (
            f"Tập trung chỉ đạo hoàn thành {count_words(len(unfinished))} nhiệm vụ chưa hoàn thành"
            + (f", trong đó có {count_words(overdue)} nhiệm vụ đã quá hạn" if overdue else "")
            + "; bảo đảm chất lượng, đúng thời hạn và lưu đầy đủ tài liệu kiểm chứng."
        )
    direction = (
        f"Thực hiện {plan_reference(plan)}, {profile.name} đã triển khai, phân công thực hiện các nhiệm vụ "
        "được giao tại Kế hoạch."
    )
    archive = "Lưu: VT, VP" if is_collective_committee(profile) else "Lưu: VT"  # VP: Văn phòng HĐND và UBND
    return ReportTexts(
        addressees=default_addressees(plan, profile), recipients=[archive], direction=direction,
        shortcomings=difficulties, next_steps=next_steps, proposals=proposals,
    )


def _noted(rows: list[TaskRow], notes: dict[int, tuple[str, str]], which: int) -> str:
    lines, seen = [], set()
    for row in rows:
        text = clean_cell(notes.get(row.id, ("", ""))[which]).replace("\n", " ")
        if text and text not in seen:
            seen.add(text)
            where = f" ({terms(row).criterion.lower()} {row.code} {index_label(row)})" if row.code else ""
            lines.append(f"- {text.rstrip('.;')}{where}.")
    return "\n".join(lines)


# --- the terms of each index ----------------------------------------------------------------------


@dataclass(frozen=True)
class Terms:
    area: str  # what the index calls its top level
    criterion: str  # and the level below


_TERMS = {
    "PAPI": Terms("Chỉ số nội dung", "Nội dung thành phần"),
    "SIPAS": Terms("Nhóm tiêu chí", "Tiêu chí"),
}
_PAR = Terms("Lĩnh vực", "Tiêu chí")


def index_label(row: TaskRow) -> str:
    return row.index_kind if row.index_kind != "Khác" else row.index_name


def terms(row: TaskRow) -> Terms:
    return _TERMS.get(row.index_kind, _PAR)


# --- the content --------------------------------------------------------------------------------


def _index_names(rows: list[TaskRow]) -> str:
    return ", ".join(dict.fromkeys(index_label(row) for row in rows))


def report_subject(plan: dict, all_indices: str = "") -> str:
    """"Kế hoạch số … về {trích yếu of the plan, verbatim}"; rebuilt only when the plan has none."""
    subject = plan_subject(plan)
    if not subject:
        subject = f"cải thiện, nâng cao các chỉ số {all_indices or 'PAR INDEX, SIPAS, PAPI'}"
        if plan.get("year"):
            subject += f" năm {plan['year']}"
    return f"{plan_reference(plan)} về {subject}"


def report_abstract(plan: dict, period: ReportPeriod, all_indices: str = "") -> str:
    """"Kết quả thực hiện Kế hoạch số … về … năm 2025 6 tháng đầu năm 2025"; the yearly report
    of the plan's own year does not say "năm 2025" twice."""
    subject = report_subject(plan, all_indices)
    phrase = period.phrase()
    if period.kind == "year" and fold(subject).endswith(fold(phrase)):
        return f"Kết quả thực hiện {subject}"
    return f"Kết quả thực hiện {subject} {phrase}"


def is_collective_committee(profile: AgencyProfile) -> bool:
    """A People's Committee (UBND xã, UBND huyện): its name is its whole header, no governing line."""
    committee, _ = _committee(profile.name)
    return bool(committee) or profile.kind in (AgencyKind.XA, AgencyKind.HUYEN)


def build_content(
    *, profile: AgencyProfile, plan: dict, rows: list[TaskRow], evidence: dict[int, list[Evidence]],
    period: ReportPeriod, texts: ReportTexts, today: dt.date, all_indices: str = "",
    history: dict | None = None, recorded_by: dt.date | None = None,
) -> ReportContent:
    """The whole report. `rows` are the agency's tasks of the plan (see `report_tasks`).

    The data run to `as_of`: the period's end, never after the signing date (nor today);
    `history` (task id → progress log rows) gives the percent recorded then.
    """
    as_of = report_cutoff(period, texts.signed_on, today)
    closed = as_of >= period.end
    if texts.only_led:
        rows = [row for row in rows if row.role == Role.LEAD]
    rows = rows_as_of(rows, history or {}, as_of, recorded_by)
    evidence = {task: evidence_as_of(docs, as_of) for task, docs in evidence.items()}
    symbol = document_symbol(profile)
    abstract = report_abstract(plan, period, all_indices)
    figures = figures_for(rows, as_of, closed)
    scored = any(row.max_score is not None for row in rows)
    groups = _annex_groups(rows, evidence, as_of, scored, closed, texts.compact_not_started)
    blocks = _body(profile, plan, rows, evidence, period, texts, figures, as_of, closed)
    signed = cite_date(texts.signed_on) if texts.signed_on else f"{BLANK}/{BLANK}/{today.year}"
    report_ref = f"số {number_symbol(texts.number, symbol)} ngày {signed}"
    has_addressees = any(a.strip() for a in texts.addressees)
    governing = "" if is_collective_committee(profile) else upper(profile.governing_body)
    return ReportContent(
        governing_body=governing,
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
        annex_title=["PHỤ LỤC", f"KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO {upper(period.phrase())}"],
        annex_subtitle=f"(Kèm theo Báo cáo {report_ref} của {profile.name})",
        annex_groups=groups, has_scores=scored, figures=figures, period=period, texts=texts,
        agency_name=profile.name, plan_id=plan.get("id"),
        states={row.id: outcome(row, as_of).value for row in rows},
    )


def report_cutoff(period: ReportPeriod, signed_on: dt.date | None, today: dt.date) -> dt.date:
    """"Tính đến ngày": the period's data cutoff, never after the signing date nor today."""
    return min(d for d in (period.cutoff, signed_on, today) if d is not None)


def _paragraphs(text: str) -> list[Block]:
    lines = [line.strip() for line in clean_cell(text).split("\n")]
    return [Block(BlockKind.PARAGRAPH, line) for line in lines if line]


def _body(profile, plan, rows, evidence, period, texts, figures, as_of, closed) -> list[Block]:
    blocks = [Block(BlockKind.HEADING, "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI")]
    blocks += _paragraphs(texts.direction) or [Block(BlockKind.PARAGRAPH, "Không có.")]
    blocks.append(Block(BlockKind.HEADING, "II. KẾT QUẢ THỰC HIỆN"))
    blocks.append(Block(BlockKind.SUBHEADING, "1. Kết quả chung"))
    blocks += _figure_paragraphs(profile, plan, figures)
    blocks.append(Block(BlockKind.SUBHEADING, "2. Kết quả thực hiện theo từng chỉ số"))
    blocks += _per_index(rows, evidence, as_of, closed)
    late = [row for row in rows if is_overdue_at(row, as_of, closed)]
    for heading, text in (
        ("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", texts.shortcomings),
        ("IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", texts.next_steps),
        ("V. ĐỀ XUẤT, KIẾN NGHỊ", texts.proposals),
    ):
        blocks.append(Block(BlockKind.HEADING, heading))
        blocks += _paragraphs(text) or _when_empty(heading, late)
    addressee = next((clean_cell(a) for a in texts.addressees if clean_cell(a)), "")
    closing = f"Trên đây là báo cáo kết quả thực hiện {plan_reference(plan)} {period.phrase()}"
    if addressee:
        closing += f"; {profile.name} báo cáo {addressee} theo dõi, tổng hợp"
    blocks.append(Block(BlockKind.PARAGRAPH, closing + "./."))
    return blocks


def _when_empty(heading: str, late: list[TaskRow]) -> list[Block]:
    """Nothing written: "Không có." only when no task is late; else what is late."""
    if not late:
        return [Block(BlockKind.PARAGRAPH, "Không có.")]
    if heading.startswith("III"):
        if len(late) <= 5:
            listed = "; ".join(_short(row) for row in late)
        else:  # many: how many in each area, the tasks themselves are in the annex
            areas: dict[str, int] = {}
            for row in late:
                term = terms(row).area.lower()
                where = f"{term} {row.area_code.rstrip('.')} {index_label(row)}" if row.area_code else index_label(row)
                areas[where] = areas.get(where, 0) + 1
            listed = "; ".join(f"{where}: {count_words(n)}" for where, n in areas.items())
            listed += " (chi tiết tại Phụ lục)"
        return [Block(BlockKind.PARAGRAPH,
                      f"Còn {count_words(len(late))} nhiệm vụ đã quá hạn nhưng chưa hoàn thành, gồm: {listed}.")]
    if heading.startswith("V"):
        return [Block(BlockKind.PARAGRAPH,
                      f"Đề nghị cho phép tiếp tục thực hiện {count_words(len(late))} nhiệm vụ đã quá hạn "
                      "nêu tại mục III và xem xét điều chỉnh thời hạn phù hợp.")]
    return [Block(BlockKind.PARAGRAPH, "Không có.")]


def _short(row: TaskRow) -> str:
    text = _one_line(row.content).rstrip(".;:")
    text = text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + "…"
    where = f" ({terms(row).criterion.lower()} {row.code} {index_label(row)})" if row.code else ""
    return text[:1].lower() + text[1:] + where if not text[:2].isupper() else text + where


def _figure_paragraphs(profile: AgencyProfile, plan: dict, f: Figures) -> list[Block]:
    roles = ", ".join(f"{role.label.lower()} {count_words(n)}" for role, n in f.by_role.items())
    lines = [
        f"Tính đến ngày {cite_date(f.as_of)}, {profile.name} được giao {count_words(f.assigned)} nhiệm vụ "
        f"theo {plan_reference(plan)}" + (f" ({roles})." if roles else "."),
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


def breakdown(f: Figures) -> str:
    """"Được giao 12 nhiệm vụ: hoàn thành 05 (đúng hạn 04, chậm 01), đang thực hiện 03, …": sums to the total."""
    done = f"hoàn thành {count_words(f.done)}"
    if f.done:  # on time and late only when something was done: the parts always sum to the whole
        done += f" (đúng hạn {count_words(f.done_on_time)}, chậm {count_words(f.done_late)})"
    parts = [done,
             f"đang thực hiện {count_words(f.in_progress)}", f"chưa thực hiện {count_words(f.not_started)}"]
    if f.not_feasible:
        parts.append(f"không thực hiện được {count_words(f.not_feasible)}")
    text = f"Được giao {count_words(f.assigned)} nhiệm vụ: " + ", ".join(parts)
    if f.overdue:
        text += f"; trong đó quá hạn chưa hoàn thành {count_words(f.overdue)}"
    return text + "."


Area = tuple[str, str]  # (code, title in sentence case)


def _grouped(rows: list[TaskRow]) -> list[tuple[str, list[tuple[Area, list[TaskRow]]]]]:
    """[(index name, [((area code, area title), rows)])] in annex order."""
    indices: dict[str, dict[Area, list[TaskRow]]] = {}
    for row in rows:
        area = (row.area_code.rstrip("."), sentence_case(row.area_title) or "Nhiệm vụ khác")
        indices.setdefault(index_label(row), {}).setdefault(area, []).append(row)
    return [(index, list(areas.items())) for index, areas in indices.items()]


def _per_index(rows: list[TaskRow], evidence: dict[int, list[Evidence]], as_of: dt.date, closed: bool) -> list[Block]:
    blocks = []
    for i, (index, areas) in enumerate(_grouped(rows), start=1):
        blocks.append(Block(BlockKind.SUBHEADING, f"2.{i}. Chỉ số {index}"))
        index_rows = [row for _, area_rows in areas for row in area_rows]
        blocks.append(Block(BlockKind.PARAGRAPH, breakdown(figures_for(index_rows, as_of, closed))))
        for j, ((code, title), area_rows) in enumerate(areas):
            letter = LETTERS[j] if j < len(LETTERS) else str(j + 1)
            term = terms(area_rows[0]).area
            named = f"{term} {code}: {title}" if code and not fold(title).startswith(fold(term)) else title
            blocks.append(Block(BlockKind.MINOR, f"{letter}) {named}"))
            blocks.append(Block(BlockKind.PARAGRAPH, breakdown(figures_for(area_rows, as_of, closed))))
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
    result = _one_line(row.result).rstrip(".;")
    text = f"- {content}{role}: {result}."
    cited = [evidence_text(doc) for doc in not_cited_in(documents, result)]
    if cited:
        text = text[:-1] + f" (tài liệu kiểm chứng: {'; '.join(cited)})."
    return text


def not_cited_in(documents: list[Evidence], result: str) -> list[Evidence]:
    """The documents the result does not already cite by number (none cited twice)."""
    folded = fold(result)
    out, seen = [], set()
    for doc in documents:
        key = fold(doc.number).replace(" ", "") if doc.number else f"#{doc.id}"
        if key in seen or (doc.number and fold(doc.number).replace(" ", "") in folded.replace(" ", "")):
            continue
        seen.add(key)
        out.append(doc)
    return out


# The document type from the symbol after the number ("12/KH-UBND" → Kế hoạch).
_DOCUMENT_TYPES = {
    "KH": "Kế hoạch", "QĐ": "Quyết định", "BC": "Báo cáo", "TB": "Thông báo", "HD": "Hướng dẫn",
    "CV": "Công văn", "TTr": "Tờ trình", "NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận",
    "GM": "Giấy mời", "BB": "Biên bản", "CTr": "Chương trình", "QC": "Quy chế", "ĐA": "Đề án",
}


def document_type(number: str) -> str:
    """"12/KH-UBND" → "Kế hoạch"; "125/UBND-VP" (no type code) → "Công văn"; "" when unknown."""
    symbol = nfc(number).split("/", 1)[1] if "/" in number else ""
    code = symbol.split("-", 1)[0].strip()
    if code in _DOCUMENT_TYPES:
        return _DOCUMENT_TYPES[code]
    if code.upper() in ("UBND", "SNV", "VP") or (code and "-" in symbol):
        return "Công văn"
    return ""


def evidence_text(doc: Evidence, *, issuer: bool = True) -> str:
    """"Kế hoạch số 12/KH-UBND ngày 15/01/2025 của UBND xã Hòa An về …": type, number, date, issuer, abstract."""
    return _evidence_text(doc.number, doc.date, doc.issuer if issuer else "", doc.abstract, doc.file_name)


@functools.lru_cache(maxsize=8192)  # each document is cited in the body and in the annex
def _evidence_text(number: str, date: dt.date | None, issuer: str, abstract_text: str, file_name: str | None) -> str:
    doc = Evidence(task_id=0, number=number, date=date, issuer=issuer, abstract=abstract_text, file_name=file_name)
    kind = document_type(doc.number) if doc.number else ""
    abstract = _one_line(doc.abstract).rstrip(".;")
    if kind and fold(abstract).startswith(fold(kind)):
        abstract = abstract[len(kind):].strip(" :,")  # "Quyết định ban hành …" after "Quyết định số …"
    if fold(abstract).startswith("v/v "):
        abstract = abstract[4:]
    parts = [kind] if kind else []
    if doc.number:
        parts.append(f"số {doc.number}")
    if doc.date:
        parts.append(f"ngày {cite_date(doc.date)}")
    if doc.issuer:
        parts.append(f"của {short_issuer(doc.issuer)}")
    head = " ".join(parts)
    if abstract:
        if head:
            lowered = abstract if abstract[:2].isupper() else abstract[:1].lower() + abstract[1:]
            head = f"{head} về {lowered}" if not fold(lowered).startswith("ve ") else f"{head} {lowered}"
        else:
            head = abstract
    head = head or (doc.file_name or "")
    return head[:1].upper() + head[1:]


def _annex_groups(rows, evidence, as_of, scored, closed=False, compact=False) -> list[AnnexGroup]:
    groups: list[AnnexGroup] = []
    number = 0
    for i, (index, areas) in enumerate(_grouped(rows)):
        roman = ROMAN[i] if i < len(ROMAN) else str(i + 1)
        groups.append(AnnexGroup(f"{roman}. CHỈ SỐ {upper(index)}", 1))
        for (code, title), area_rows in areas:
            group = AnnexGroup(f"{code}. {title}" if code else title, 2)
            waiting = [row for row in area_rows if compact and outcome(row, as_of) == Outcome.NOT_STARTED
                       and not is_overdue_at(row, as_of, closed)]
            for row in area_rows:
                if row in waiting:
                    continue
                number += 1
                group.rows.append(_annex_row(number, row, evidence.get(row.id, []), as_of, scored, closed))
            if waiting:
                number += 1
                group.rows.append(_waiting_row(number, waiting))
            groups.append(group)
    return groups


def _waiting_row(number: int, rows: list[TaskRow]) -> AnnexRow:
    """The area's tasks not started (and not late) in one row: their criteria, not each text."""
    codes = ", ".join(dict.fromkeys(row.code for row in rows if row.code))
    content = f"{count_words(len(rows))} nhiệm vụ chưa đến kỳ thực hiện" + (f" (tiêu chí {codes})" if codes else "")
    return AnnexRow(number=number, content=content, criterion="", role="", deadline="", result="",
                    status=Outcome.NOT_STARTED.value, evidence=[], max_score="", score="")


def _annex_row(number: int, row: TaskRow, documents: list[Evidence], as_of: dt.date, scored: bool,
               closed: bool = False) -> AnnexRow:
    criterion = ""
    if row.code and row.code != row.area_code:
        criterion = f"{terms(row).criterion} {row.code}. {_one_line(row.criterion)}".strip()
    state = outcome(row, as_of)
    status = state.value
    if is_overdue_at(row, as_of, closed):
        status += " (quá hạn)"
    result = _one_line(row.result)
    if state == Outcome.IN_PROGRESS and row.percent and row.status != Status.DONE:
        result = (result + f" (đạt {row.percent}%)").strip()
    return AnnexRow(
        number=number, content=_one_line(row.content), criterion=criterion,
        role=row.role.label if row.role else "", deadline=_one_line(row.deadline_text), result=result,
        status=status, evidence=[evidence_text(doc) for doc in not_cited_in(documents, result)],
        max_score=format_decimal(row.max_score, 4) if scored else "",
        score=format_decimal(row.score, 4) if scored else "", task_id=row.id,
    )
