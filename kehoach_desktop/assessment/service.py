"""The self-assessment services: read the criteria with their scores, save one criterion's score.

The score belongs to the criterion, not to a task. Scorable: a PAR INDEX criterion with a
maximum score and no sub-criteria, not measured by a sociological survey. Who may score: the
agency that leads one of the criterion's tasks (a lead department, also when it consolidates
its led tasks), or the consolidator of the whole plan (`kehoach profile --consolidates plan`,
stored by the consolidation service); never a commune, whatever its consolidating role (a
commune does not self-assess the province's index).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..consolidation import roster
from ..db import assessment as sql
from ..db import store, transaction
from ..errors import InvalidInputError, NotFoundError
from ..matching import resolve_role
from ..model import AgencyKind, AgencyProfile, Evidence, IndexKind, Role, Status
from ..text import fold, format_decimal, nfc, parse_decimal
from .model import Assessment, CriterionAssessment, LinkedDocument, Total

SURVEY_MARKS = ("dieu tra xhh", "doi tuong dieu tra xa hoi hoc", "dieu tra xa hoi hoc")
NOT_SCORED_INDICES = {
    IndexKind.PAPI.value: "PAPI là chỉ số do UNDP khảo sát người dân, không tự chấm điểm",
    IndexKind.SIPAS.value: "SIPAS đo sự hài lòng của người dân bằng điều tra xã hội học, không tự chấm điểm",
    IndexKind.OTHER.value: "chỉ số này không thuộc PAR INDEX, không tự chấm điểm",
}
MAX_DECIMALS = 4


@dataclass
class DocumentLink:
    """A document to link to a criterion: an existing evidence record, or a new one (with its file)."""

    location: str
    evidence_id: int | None = None
    document: Evidence | None = None
    file: Path | None = None


def parse_index_kind(text: str | None) -> str | None:
    """"PAR INDEX", "par-index", "papi", "sipas" → the stored kind; None for no filter."""
    if not text:
        return None
    wanted = fold(text).replace("-", " ").replace("_", " ")
    if wanted in ("par", "cchc", "chi so cchc"):
        return IndexKind.PAR_INDEX.value
    for kind in IndexKind:
        if fold(kind.value) == wanted or fold(kind.value).replace(" ", "") == wanted.replace(" ", ""):
            return kind.value
    choices = ", ".join(k.value for k in IndexKind)
    raise InvalidInputError(f"Chỉ số “{text}” không có; chọn một trong: {choices}.")


def choose_plan(ws, plan_id: int | None = None) -> dict:
    """The plan asked for, or the latest one imported, as the reports choose it (and cite it:
    with the user's corrections of its number, date and issuer)."""
    from ..report.service import choose_plan as chosen

    return chosen(ws, plan_id)


def load(ws, *, index_kind: str | None = None, plan_id: int | None = None, documents: bool = True) -> Assessment:
    """Every criterion of the plan (of one index kind, when given) with score, basis and totals.

    `documents=False`: without the linked documents (no file is looked at) and the lead
    departments' proposals, for a view that shows the scores only (the overview)."""
    plan = choose_plan(ws, plan_id)
    profile = ws.profile()
    consolidates = roster.get_consolidates(ws)
    all_rows = sql.plan_criteria(ws.db, plan["id"])
    rows = [row for row in all_rows if row["index_kind"] == index_kind] if index_kind else all_rows
    scores = {row["criterion_id"]: row for row in sql.plan_scores(ws.db, plan["id"])}
    links: dict[int, list[dict]] = {}
    for link in sql.plan_evidence_links(ws.db, plan["id"]) if documents else ():
        links.setdefault(link["criterion_id"], []).append(link)
    tasks: dict[int, list[dict]] = {}
    for task in sql.plan_task_links(ws.db, plan["id"]):
        if task["criterion_id"] is not None and not task["removed"]:
            tasks.setdefault(task["criterion_id"], []).append(task)
    parents = {row["parent_id"] for row in rows if row["parent_id"] is not None}
    by_id = {row["id"]: row for row in rows}
    precision = _precision_by_index(all_rows)  # the plan's criteria, read once
    criteria = []
    for row in rows:
        own_tasks = tasks.get(row["id"], [])
        item = _criterion(row, by_id, row["id"] not in parents, own_tasks, precision[row["index_id"]])
        item.may_score, item.why_not_allowed = _permission(profile, consolidates, item, own_tasks)
        _apply_score(item, scores.get(row["id"]), links.get(row["id"], []), ws)
        criteria.append(item)
    if consolidates != "none" and documents:  # a consolidator sees each lead department's proposal beside its own
        from ..consolidation.scores import proposals_by_criterion

        proposals = proposals_by_criterion(ws.db)
        for item in criteria:
            item.proposals = proposals.get(item.id, []) if item.scorable else []
    _subtotals(criteria)
    areas = _area_totals(criteria)
    return Assessment(plan=plan, criteria=criteria, areas=areas, total=_index_total(areas, index_kind))


def _criterion(row, by_id, is_leaf, own_tasks, precision) -> CriterionAssessment:
    area = row
    while area["parent_id"] is not None and area["parent_id"] in by_id:
        area = by_id[area["parent_id"]]
    required = []
    for task in own_tasks:
        text = task["evidence_required"].strip()
        if text and text not in required:
            required.append(text)
    item = CriterionAssessment(
        id=row["id"], code=row["code"], title=row["title"], index_id=row["index_id"],
        index_kind=row["index_kind"], index_name=row["index_name"], parent_id=row["parent_id"],
        area_id=area["id"], is_leaf=is_leaf, max_score=row["max_score"],
        prior_text=row["prior_result"], prior=_number(row["prior_result"]),
        target_text=row["target"], target=_number(row["target"]),
        evidence_required="\n".join(required), scorable=False, reason_not_scorable="",
        precision=precision, task_ids=[task["id"] for task in own_tasks],
        tasks_not_started=sum(task["status"] == Status.NOT_STARTED.value for task in own_tasks),
    )
    item.reason_not_scorable = _why_not_scorable(item)
    item.scorable = not item.reason_not_scorable
    return item


def _why_not_scorable(item: CriterionAssessment) -> str:
    if item.index_kind in NOT_SCORED_INDICES:
        return f"Tiêu chí {item.code or item.title}: {NOT_SCORED_INDICES[item.index_kind]}."
    label = f"Tiêu chí {item.code}" if item.code else f"Lĩnh vực “{item.title}”"
    words = fold(" ".join((item.title, item.prior_text, item.target_text)))
    if any(mark in words for mark in SURVEY_MARKS):
        return f"{label} được đo bằng điều tra xã hội học (Điều tra XHH), không tự chấm điểm."
    if item.max_score is None:
        return f"{label} không có điểm tối đa trong phụ lục (đo bằng điều tra xã hội học), không tự chấm điểm."
    if not item.is_leaf:
        return f"{label} có các tiêu chí thành phần: điểm là tổng điểm của các tiêu chí thành phần."
    return ""


def _permission(profile: AgencyProfile | None, consolidates: str, item: CriterionAssessment,
                tasks: list[dict]) -> tuple[bool, str]:
    """Whether this agency may score the criterion; the commune check comes before the
    consolidating role, so a commune set to consolidate is still refused."""
    if not item.scorable:
        return False, item.reason_not_scorable
    if profile is None:
        return False, "Chưa có thông tin cơ quan, đơn vị: không biết ai chấm điểm."
    if profile.kind == AgencyKind.XA:
        return False, (f"{profile.name} là UBND cấp xã: cấp xã không tự chấm điểm Chỉ số CCHC (PAR INDEX) "
                       "của tỉnh.")
    if consolidates == "plan":  # the plan's consolidator (Sở Nội vụ) scores every scorable criterion
        return True, ""
    # "led-tasks" (a lead department gathering its tasks) or no role: the criteria it leads.
    for task in tasks:
        override = task["role_override"]
        role = (None if override == "none" else Role(override)) if override else resolve_role(
            profile, task["lead"], task["implementing"], task["cooperating"]).role
        if role == Role.LEAD:
            return True, ""
    return False, (f"{profile.name} không chủ trì nhiệm vụ nào của tiêu chí {item.code}: chỉ đơn vị chủ trì "
                   "hoặc cơ quan tổng hợp kế hoạch chấm điểm tiêu chí này.")


def _apply_score(item: CriterionAssessment, score: dict | None, links: list[dict], ws) -> None:
    item.evidence = [_document(link, ws) for link in links]
    if score is None:
        return
    item.self_score = score["score"] if item.scorable else None
    item.not_applicable = bool(score["not_applicable"])
    item.not_applicable_reason = score["not_applicable_reason"]
    item.explanation = score["explanation"]
    item.note = score["note"]


def _document(link: dict, ws) -> LinkedDocument:
    status = ws.evidence.quick_status(link["file_sha256"], link["file_size"]) if link["file_sha256"] else ""
    return LinkedDocument(
        id=link["id"], evidence_id=link["evidence_id"], task_id=link["task_id"], number=link["number"] or "",
        date=dt.date.fromisoformat(link["date"]) if link["date"] else None, issuer=link["issuer"] or "",
        abstract=link["abstract"] or "", file_name=link["file_name"], file_sha256=link["file_sha256"],
        location=link["location"], file_status=status,
    )


def printed(text: str) -> str:
    """A printed result or target with a decimal comma ("7.83" → "7,83"); words as written."""
    return text.replace(".", ",") if _NUMBER.fullmatch(text or "") else text


_NUMBER = re.compile(r"\s*([0-9]+(?:[.,][0-9]+)?)\s*")


def _number(text: str) -> float | None:
    """A printed result or target ("7.83", "0,8617"); None for words ("Điều tra XHH", a sentence)."""
    match = _NUMBER.fullmatch(text or "")
    return float(match.group(1).replace(",", ".")) if match else None


def _decimals(text: str) -> int:
    match = _NUMBER.fullmatch(text or "")
    if not match or not re.search(r"[.,]", match.group(1)):
        return 0
    return len(re.split(r"[.,]", match.group(1))[1])


def _precision_by_index(rows: list[dict]) -> dict[int, int]:
    """As many decimals as the plan's annexes print for scores (at least 2, at most 4)."""
    places = 2
    for row in rows:
        if row["index_kind"] == IndexKind.PAR_INDEX.value:
            places = max(places, _decimals(row["prior_result"]), _decimals(row["target"]))
    places = min(places, MAX_DECIMALS)
    return {row["index_id"]: places for row in rows}


# --- totals ----------------------------------------------------------------------------------------

def _subtotals(criteria: list[CriterionAssessment]) -> None:
    """Each criterion with sub-criteria gets the sum of the scores given below it."""
    children: dict[int, list[CriterionAssessment]] = {}
    for item in criteria:
        children.setdefault(item.parent_id, []).append(item)

    def total(item: CriterionAssessment) -> float | None:
        if item.is_leaf:
            return item.self_score
        values = [v for v in (total(child) for child in children.get(item.id, [])) if v is not None]
        item.subtotal = sum(values) if values else None
        return item.subtotal

    for item in children.get(None, []):
        total(item)

def _area_totals(criteria: list[CriterionAssessment]) -> list[Total]:
    areas = []
    for area in (c for c in criteria if c.parent_id is None or c.area_id == c.id):
        members = [c for c in criteria if c.area_id == area.id]
        leaves = [c for c in members if c.is_leaf and c.id != area.id]
        if not any(c.scorable for c in members):
            continue
        areas.append(_total(area, leaves))
    return areas


def _total(area: CriterionAssessment, leaves: list[CriterionAssessment]) -> Total:
    def summed(values):
        values = [v for v in values if v is not None]
        return sum(values) if values else None

    scored = [c for c in leaves if c.scorable and not c.not_applicable]
    # A criterion marked "không áp dụng" leaves its maximum out of the totals (area and index):
    # nothing could be scored there, so counting its maximum would show those points as lost
    # and lower the share of the maximum the province reaches. The annexes we import print no
    # rule for it (they give only "Điểm tối đa" and the total), so the points left out are kept
    # beside the totals (`not_applicable_max`, printed on the sheet) for a reader who counts
    # otherwise to see them.
    not_applicable = sum(c.max_score for c in leaves if c.scorable and c.not_applicable and c.max_score is not None)
    maximum = area.max_score if area.max_score is not None else summed(c.max_score for c in leaves)
    total = Total(
        id=area.id, code=area.code, title=area.title, index_kind=area.index_kind, index_name=area.index_name,
        max=maximum - not_applicable if maximum is not None else None, not_applicable_max=not_applicable,
        self=summed(c.self_score for c in scored),
        prior=area.prior if area.prior is not None else summed(c.prior for c in leaves),
        target=area.target if area.target is not None else summed(c.target for c in leaves),
    )
    total.below_max = [c.code for c in scored if c.below_max]
    total.points_at_risk = sum(c.max_score - c.self_score for c in scored if c.below_max)
    total.lost_last_year = [c.code for c in leaves if c.lost_last_year]
    return total


def _index_total(areas: list[Total], index_kind: str | None) -> Total:
    def summed(name):
        values = [getattr(a, name) for a in areas if getattr(a, name) is not None]
        return sum(values) if values else None

    total = Total(code="", title="Tổng số", index_kind=index_kind or "", index_name="",
                  max=summed("max"), self=summed("self"), prior=summed("prior"), target=summed("target"))
    total.points_at_risk = sum(a.points_at_risk for a in areas)
    total.not_applicable_max = sum(a.not_applicable_max for a in areas)
    total.below_max = [code for a in areas for code in a.below_max]
    total.lost_last_year = [code for a in areas for code in a.lost_last_year]
    return total


# --- finding a criterion ------------------------------------------------------------------------

def find_criterion(assessment: Assessment, code: str, *, criterion_id: int | None = None) -> CriterionAssessment:
    if criterion_id is not None:
        found = [c for c in assessment.criteria if c.id == criterion_id]
    else:
        found = [c for c in assessment.criteria if c.code == nfc(code).strip()]
    if not found:
        raise NotFoundError(f"Không có tiêu chí mã “{code}” trong kế hoạch {assessment.plan['number']}.")
    scorable = [c for c in found if c.scorable] or found
    if len(scorable) > 1:
        places = "; ".join(f"số {c.id} ({c.index_name[:40]})" for c in scorable)
        raise InvalidInputError(f"Mã tiêu chí “{code}” có ở {len(scorable)} chỗ trong phụ lục: {places}; "
                                "chọn bằng --criterion-id.")
    return scorable[0]


# --- saving one criterion's score ----------------------------------------------------------------

def save_score(ws, criterion_id: int, *, score: float | str | None, explanation: str | None = None,
               not_applicable: bool = False, not_applicable_reason: str = "",
               links: list[DocumentLink] = (), unlink: list[int] = (), plan_id: int | None = None) -> CriterionAssessment:
    """Validate and save one criterion's score with its basis as one transaction; refuse with a
    Vietnamese sentence and write nothing when something is wrong."""
    assessment = load(ws, plan_id=plan_id or _plan_of(ws, criterion_id))
    item = next((c for c in assessment.criteria if c.id == criterion_id), None)
    if item is None:
        raise NotFoundError(f"Không có tiêu chí số {criterion_id}.")
    if not item.scorable:
        raise InvalidInputError(item.reason_not_scorable)
    if not item.may_score:
        raise InvalidInputError(item.why_not_allowed)
    value = None if not_applicable else check_score(item, score)
    reason = nfc(not_applicable_reason).strip()
    if not_applicable and not reason:
        raise InvalidInputError(f"Tiêu chí {item.code} đánh dấu “không áp dụng” cần ghi lý do.")
    text = nfc(item.explanation if explanation is None else explanation).strip()
    links = list(links)
    for link in links:
        _check_link(ws, item, link)
    kept = [doc for doc in item.evidence if doc.id not in set(unlink)]
    relinked = {link.evidence_id for link in links if link.evidence_id is not None}
    missing = [doc for doc in kept if doc.missing and doc.evidence_id not in relinked]
    missing += [link for link in links if link.evidence_id is not None and _evidence_missing(ws, link.evidence_id)]
    if not text and not not_applicable:
        if value is not None and value < item.max_score - 1e-9:
            raise InvalidInputError(
                f"Tiêu chí {item.code}: điểm tự chấm {format_decimal(value, item.precision)} thấp hơn điểm tối đa "
                f"{format_decimal(item.max_score, item.precision)} nên cần có giải trình.")
        if missing:
            raise InvalidInputError(f"Tiêu chí {item.code}: có tài liệu kiểm chứng bị thiếu tệp nên cần có giải trình.")
        if item.tasks_not_started:  # a full score on work not begun needs a word of why
            raise InvalidInputError(
                f"Tiêu chí {item.code}: {item.tasks_not_started} nhiệm vụ của tiêu chí chưa thực hiện nên điểm tự chấm "
                "cần có giải trình (hoặc ghi kết quả thực hiện trước).")
    stored = [(link, ws.evidence.add(Path(link.file)) if link.file else None) for link in links]
    now = dt.datetime.now().isoformat(timespec="seconds")
    with transaction(ws.db):
        sql.save_score(ws.db, criterion_id, {
            "score": value, "not_applicable": int(not_applicable), "not_applicable_reason": reason if not_applicable else "",
            "explanation": text, "note": item.note, "updated_at": now,
        })
        for link_id in unlink:
            sql.delete_link(ws.db, link_id)
        for link, file in stored:
            _write_link(ws, criterion_id, link, file, now)
    # The criterion as saved, from what was checked above: the plan is not read a second time.
    saved = dataclasses.replace(item, self_score=value, not_applicable=bool(not_applicable),
                                not_applicable_reason=reason if not_applicable else "", explanation=text)
    _apply_score(saved, None, sql.plan_evidence_links_of(ws.db, criterion_id), ws)
    return saved


def check_score(item: CriterionAssessment, score: float | str | None) -> float:
    label = f"Điểm tự chấm của tiêu chí {item.code}"
    if score is None or (isinstance(score, str) and not score.strip()):
        raise InvalidInputError(f"{label} chưa được nhập.")
    if isinstance(score, str):
        raw = nfc(score).strip().replace(" ", "")
        if not re.fullmatch(r"[+-]?[0-9]+([.,][0-9]+)?", raw):  # digits and one separator: no 1e3, no inf
            raise InvalidInputError(f"{label} “{score}” không phải là một số.")
        places = len(re.split(r"[.,]", raw)[1].rstrip("0")) if re.search(r"[.,]", raw) else 0  # "0,5000" is 0,5
        if places > item.precision:
            raise InvalidInputError(f"{label} “{score}” có quá {item.precision} chữ số thập phân "
                                    f"(phụ lục ghi điểm đến {item.precision} chữ số).")
        # A score has no thousands: its point is a decimal one ("0.125" is 0,125, never 125).
        value = parse_decimal(raw.replace(".", ","), field=label)
    else:
        value = float(score)
        if math.isfinite(value) and abs(round(value, item.precision) - value) > 1e-9:
            raise InvalidInputError(f"{label} có quá {item.precision} chữ số thập phân.")
    if not math.isfinite(value):
        raise InvalidInputError(f"{label} không phải là một số hữu hạn.")
    if value < 0:
        raise InvalidInputError(f"{label} không được âm.")
    if value > item.max_score + 1e-9:
        raise InvalidInputError(f"{label} là {format_decimal(value, item.precision)}, vượt điểm tối đa "
                                f"{format_decimal(item.max_score, item.precision)}.")
    return round(value, item.precision)


def _check_link(ws, item: CriterionAssessment, link: DocumentLink) -> None:
    if not nfc(link.location).strip():
        raise InvalidInputError(f"Tiêu chí {item.code}: cần ghi vị trí chứng minh trong tài liệu kiểm chứng "
                                "(ví dụ “mục 2, trang 3”).")
    if link.evidence_id is not None:
        if store.get_evidence(ws.db, link.evidence_id) is None:
            raise NotFoundError(f"Không có tài liệu kiểm chứng số {link.evidence_id}.")
        return
    doc = link.document or Evidence(task_id=0)
    if not (doc.number.strip() or doc.abstract.strip() or link.file):
        raise InvalidInputError("Tài liệu kiểm chứng cần có số, ký hiệu, trích yếu hoặc tệp đính kèm.")
    if link.file and not Path(link.file).is_file():
        raise NotFoundError(f"Không tìm thấy tệp tài liệu kiểm chứng “{link.file}”.")


def _evidence_missing(ws, evidence_id: int) -> bool:
    row = store.get_evidence(ws.db, evidence_id)
    return bool(row and row["file_sha256"]) and ws.evidence.quick_status(row["file_sha256"], row["file_size"]) != "ok"


def _write_link(ws, criterion_id: int, link: DocumentLink, file, now: str) -> None:
    location = nfc(link.location).strip()
    if link.evidence_id is not None:
        found = sql.find_link(ws.db, criterion_id, link.evidence_id)
        if found:
            sql.update_link_location(ws.db, found["id"], location)
            return
        sql.insert_link(ws.db, {"criterion_id": criterion_id, "evidence_id": link.evidence_id,
                                "location": location, "added_at": now})
        return
    doc = link.document or Evidence(task_id=0)
    sql.insert_link(ws.db, {
        "criterion_id": criterion_id, "number": nfc(doc.number).strip(),
        "date": doc.date.isoformat() if doc.date else None, "issuer": nfc(doc.issuer).strip(),
        "abstract": nfc(doc.abstract).strip(), "file_sha256": file.sha256 if file else None,
        "file_name": nfc(file.name) if file else None, "file_size": file.size if file else None,
        "location": location, "added_at": now,
    })


def _plan_of(ws, criterion_id: int) -> int:
    row = store.get_criterion(ws.db, criterion_id)
    if row is None:
        raise NotFoundError(f"Không có tiêu chí số {criterion_id}.")
    index = next((i for p in store.list_plans(ws.db) for i in store.list_indices(ws.db, p["id"])
                  if i["id"] == row["index_id"]), None)
    return index["plan_id"]


def candidate_evidence(ws, item: CriterionAssessment) -> list[Evidence]:
    """The evidence already recorded on the criterion's tasks (offered for linking)."""
    return [e for task_id in item.task_ids for e in ws.evidence_list(task_id)]


# --- the progress report's annex ---------------------------------------------------------------

def criterion_scores_once(ws, rows: list, plan_id: int) -> list:
    """The rows of the progress report's annex with the criterion's own score (and maximum) on the
    first task of each criterion only: the score belongs to the criterion, not to each task."""
    scores = self_scores(ws, plan_id)
    seen: set[int] = set()
    shown = []
    for row in rows:
        criterion_id = row.extra.get("criterion_id")
        first = criterion_id not in seen
        seen.add(criterion_id)
        shown.append(dataclasses.replace(row, score=scores.get(criterion_id) if first else None,
                                         max_score=row.max_score if first else None))
    return shown


def self_scores(ws, plan_id: int) -> dict[int, float | None]:
    """Each scorable criterion's own score, from the criteria and their scores only: no permission,
    documents, files or proposals (what load() adds), for the progress report's annex."""
    rows = sql.plan_criteria(ws.db, plan_id)
    parents = {row["parent_id"] for row in rows if row["parent_id"] is not None}
    by_id = {row["id"]: row for row in rows}
    scores = {row["criterion_id"]: row["score"] for row in sql.plan_scores(ws.db, plan_id)}
    return {row["id"]: scores.get(row["id"]) for row in rows
            if _criterion(row, by_id, row["id"] not in parents, [], 2).scorable}
