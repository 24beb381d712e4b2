"""The report services over a Workspace: the user's texts per plan and period, the content, the files.

Workspace exposes these as thin methods; the window and the command line call those.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .. import collector
from ..db import store, transaction
from ..durable import fsync_dir
from ..errors import InvalidInputError, NotFoundError
from ..text import clean_cell, fold, format_date, nfc
from .content import ReportContent, ReportTexts, build_content, prefilled_texts, report_tasks
from .periods import ReportPeriod
from .plans import as_issued, has_real_number, missing_fields, plan_reference, plan_year

if TYPE_CHECKING:
    from ..workspace import Workspace

Progress = Callable[[int, int, str], object]
FORMATS = {".pdf": "PDF", ".docx": "Word"}


def choose_plan(ws: "Workspace", plan_id: int | None) -> dict:
    """The plan asked for, or the latest one imported."""
    plans = store.list_plans(ws.db)
    if not plans:
        raise NotFoundError("Chưa có kế hoạch nào: hãy nhập phụ lục kế hoạch trước.")
    if plan_id is None:
        return as_issued(plans[-1])
    for plan in plans:
        if plan["id"] == plan_id:
            return as_issued(plan)
    raise NotFoundError(f"Không có kế hoạch số {plan_id}.")


def _profile(ws: "Workspace"):
    profile = ws.profile()
    if profile is None:
        raise InvalidInputError("Chưa khai báo thông tin cơ quan, đơn vị (tên, địa danh, người ký): hãy khai báo trước.")
    return profile


def load_texts(ws: "Workspace", period: ReportPeriod, plan_id: int | None = None,
               today: dt.date | None = None, rows: list | None = None) -> ReportTexts:
    """The texts saved for this plan and period, else texts prefilled from the tasks' notes
    (`rows`: the plan's report tasks when the caller has read them already)."""
    plan = choose_plan(ws, plan_id)
    row = store.get_report(ws.db, plan["id"], period.kind, period.start.isoformat(), period.end.isoformat())
    if row is not None:
        return ReportTexts(
            number=row["number"], signed_on=dt.date.fromisoformat(row["signed_on"]) if row["signed_on"] else None,
            addressees=_lines(row["addressees"]), recipients=_lines(row["recipients"]),
            direction=row["direction"], shortcomings=row["shortcomings"], next_steps=row["next_steps"],
            proposals=row["proposals"], saved=True,
        )
    if rows is None:
        rows = report_tasks(ws.plan_tasks(plan["id"]), plan["id"])
    notes = {note["task_id"]: (note["difficulties"], note["proposals"])
             for note in store.list_plan_notes(ws.db, plan["id"])}
    texts = prefilled_texts(plan, _profile(ws), rows, notes, period, today or dt.date.today())
    texts.recipients = [_remembered_archive(ws) or texts.recipients[-1]]
    return texts


def _remembered_archive(ws: "Workspace") -> str:
    """"Lưu: VT, VP" as the last report saved wrote it (the drafting unit), for the next report."""
    for row in sorted(store.list_reports(ws.db), key=lambda r: r["updated_at"], reverse=True):
        for line in _lines(row["recipients"]):
            if fold(line.lstrip("- ")).startswith("luu"):
                return line.lstrip("- ").rstrip(".;")
    return ""


def _lines(text: str) -> list[str]:
    return [line for line in clean_cell(text).split("\n") if line.strip()]


def check_texts(texts: ReportTexts) -> None:
    number = nfc(texts.number).strip()
    if number and not number.isdigit():
        raise InvalidInputError(f"Số báo cáo “{number}” không hợp lệ: chỉ ghi phần số (ví dụ 05), ký hiệu tự thêm.")
    if number and int(number) == 0:
        raise InvalidInputError("Số báo cáo phải lớn hơn 0.")


def save_texts(ws: "Workspace", period: ReportPeriod, texts: ReportTexts, plan_id: int | None = None) -> ReportTexts:
    check_texts(texts)
    plan = choose_plan(ws, plan_id)
    values = {
        "plan_id": plan["id"], "period": period.kind, "year": period.year,
        "start_date": period.start.isoformat(), "end_date": period.end.isoformat(),
        "number": nfc(texts.number).strip(), "signed_on": texts.signed_on.isoformat() if texts.signed_on else None,
        "addressees": "\n".join(clean_cell(a) for a in texts.addressees if a.strip()),
        "recipients": "\n".join(clean_cell(r) for r in texts.recipients if r.strip()),
        "direction": clean_cell(texts.direction), "shortcomings": clean_cell(texts.shortcomings),
        "next_steps": clean_cell(texts.next_steps), "proposals": clean_cell(texts.proposals),
        "updated_at": dt.datetime.now().isoformat(timespec="seconds"),
    }
    with transaction(ws.db):
        store.save_report(ws.db, values)
        if values["addressees"]:  # remembered as the plan's default for its next reports
            store.update_plan_identity(ws.db, plan["id"], {"report_addressees": values["addressees"]})
    return load_texts(ws, period, plan["id"])


def check_dates(plan: dict, period: ReportPeriod, texts: ReportTexts) -> None:
    """A report is neither signed before its plan was issued nor for a period that ended before it."""
    if not plan.get("date"):
        return
    issued = dt.date.fromisoformat(plan["date"])
    ref = plan_reference(plan)
    if period.end < issued:
        raise InvalidInputError(
            f"Kỳ báo cáo {period.label} kết thúc ngày {format_date(period.end)}, trước ngày ban hành "
            f"{ref} ({format_date(issued)}): không lập được báo cáo cho kỳ này.")
    if texts.signed_on is not None and texts.signed_on < issued:
        raise InvalidInputError(
            f"Ngày ký {format_date(texts.signed_on)} đứng trước ngày ban hành {ref} ({format_date(issued)}).")
    if texts.signed_on is not None and texts.signed_on < period.start:
        raise InvalidInputError(
            f"Ngày ký {format_date(texts.signed_on)} đứng trước kỳ báo cáo {period.label}.")


def plan_period(plan: dict, period: ReportPeriod) -> ReportPeriod:
    """The period with the plan's data cutoff (the period's end, or the 14th of its last month)."""
    return period.with_cutoff(plan.get("report_cutoff_day") or 0)


def build(ws: "Workspace", period: ReportPeriod, texts: ReportTexts | None = None, plan_id: int | None = None,
          today: dt.date | None = None, recorded_by: dt.date | None = None) -> ReportContent:
    """The report's content; the saved (or prefilled) texts when `texts` is None.

    `recorded_by`: rebuild from the progress recorded by that day (the change log).
    """
    today = today or dt.date.today()
    plan = choose_plan(ws, plan_id)
    period = plan_period(plan, period)
    profile = _profile(ws)
    all_rows = ws.plan_tasks(plan["id"])  # this plan's tasks only, read once
    rows = report_tasks(all_rows, plan["id"])
    if texts is None:
        texts = load_texts(ws, period, plan["id"], today, rows)
    check_texts(texts)
    check_dates(plan, period, texts)
    history: dict[int, list[dict]] = {}
    for entry in store.list_plan_progress_log(ws.db, plan["id"]):
        history.setdefault(entry["task_id"], []).append(entry)
    from ..assessment.service import criterion_scores_once  # issue 12: one score per criterion

    rows = criterion_scores_once(ws, rows, plan["id"])
    evidence: dict[int, list] = {}
    for record in store.list_plan_evidence(ws.db, plan["id"]):
        evidence.setdefault(record["task_id"], []).append(ws._evidence(record))  # the row → Evidence mapping
    indices = ", ".join(dict.fromkeys(
        row.index_kind if row.index_kind != "Khác" else row.index_name for row in all_rows if not row.removed))
    content = build_content(profile=profile, plan=plan, rows=rows, evidence=evidence, period=period, texts=texts,
                            today=today, all_indices=indices, history=history, recorded_by=recorded_by)
    add_changes_since(ws, content)
    return content


def render(content: ReportContent, fmt: str, progress: Progress | None = None) -> bytes:
    """The report as PDF or Word bytes; the collector held off meanwhile (a 20,000-task report's
    flowables stay alive until the pages are laid out: its collections took ~6% of the PDF)."""
    with collector.paused():
        if fmt == "PDF":
            from .pdf import render_pdf

            return render_pdf(content, progress)
        from .word import render_docx

        return render_docx(content, progress)


def output_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InvalidInputError(f"Tệp “{Path(path).name}”: chỉ lưu được báo cáo dạng .pdf hoặc .docx.")
    return FORMATS[suffix]


def write(content: ReportContent, path: str | Path, progress: Progress | None = None) -> Path:
    """Write the report next to its target first, then move it in place: no half-written file."""
    path = Path(path)
    if not path.parent.is_dir():  # refused before the rendering, which takes seconds
        raise NotFoundError(f"Không có thư mục “{path.parent}” để lưu “{path.name}”.")
    data = render(content, output_format(path), progress)
    refused = InvalidInputError(f"Không ghi được “{path}”: tệp đang mở ở chương trình khác hoặc không có quyền ghi.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".kehoach-", suffix=path.suffix, dir=path.parent)
    except PermissionError:
        raise refused from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())  # reports are often saved straight onto a USB stick
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a saved report is an ordinary file
        os.replace(temporary, path)
        fsync_dir(path.parent)  # the rename too, before the user pulls the stick out
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, PermissionError):
            raise refused from None
        raise
    return path


# --- the plan as issued: correction and listing (issue 13) ------------------------------------


def plan_json(plan: dict) -> dict:
    """A plan for `kehoach plans --json` and the plan dialog: as issued (corrections over the import)."""
    plan = as_issued(plan) if "stored_number" not in plan else plan
    return {
        "id": plan["id"], "number": plan["number"] if has_real_number(plan["number"]) else None,
        "stored_number": plan["stored_number"], "stored_date": plan["stored_date"],
        "date": plan["date"], "issuer": plan["issuer"], "title": plan["title"],
        "year": plan["year"], "source_file": plan["source_file"], "missing": missing_fields(plan),
        "citation": plan_reference(plan), "addressees": _lines(plan.get("report_addressees") or ""),
        "cutoff_day": plan.get("report_cutoff_day") or 0,
    }


def correct_plan(ws: "Workspace", plan_id: int | None, *, number: str | None = None, date: dt.date | None = None,
                 issuer: str | None = None, title: str | None = None, cutoff_day: int | None = None,
                 addressees: list[str] | None = None) -> dict:
    """Set the plan's number, date, issuer, trích yếu (and its reporting options) as issued.

    The year follows from the date and the title together. One transaction; a refusal writes nothing.
    """
    plan = choose_plan(ws, plan_id)
    values: dict = {}
    if number is not None:
        number = clean_cell(number).replace(" ", "")
        if number and not has_real_number(number):
            raise InvalidInputError(
                f"Số, ký hiệu kế hoạch “{number}” không hợp lệ: ghi như trên văn bản, ví dụ 2163/KH-UBND.")
        if number:  # "" leaves the stored stand-in, which a report never cites as a number
            values["cited_number"] = number
    if date is not None:
        values["cited_date"] = date.isoformat()
    if issuer is not None:
        values["cited_issuer"] = clean_cell(issuer).replace("\n", " ")
    if title is not None:
        values["cited_title"] = clean_cell(title).replace("\n", " ")
    if cutoff_day is not None:
        if cutoff_day not in (0, 14) and not 1 <= cutoff_day <= 28:
            raise InvalidInputError("Ngày chốt số liệu phải là 0 (cuối kỳ) hoặc một ngày từ 1 đến 28.")
        values["report_cutoff_day"] = int(cutoff_day)
    if addressees is not None:
        values["report_addressees"] = "\n".join(clean_cell(a) for a in addressees if clean_cell(a))
    merged = as_issued({**store.get_plan(ws.db, plan["id"]), **values})
    if "cited_date" in values or "cited_title" in values:
        issued = dt.date.fromisoformat(merged["date"]) if merged["date"] else None
        values["year"] = plan_year(issued, merged["title"]) or plan["year"]  # deadlines follow the year
    if values:
        with transaction(ws.db):
            store.update_plan_identity(ws.db, plan["id"], values)
    return plan_json(store.get_plan(ws.db, plan["id"]))


# --- the issued-report register (issue 13) ----------------------------------------------------


def register_issued(ws: "Workspace", content: ReportContent, data: bytes, path: Path | None, fmt: str) -> int | None:
    """Keep a numbered and dated report with its content; the same content again only updates the file."""
    from .register import content_digest, content_to_json, is_issued

    if not is_issued(content) or content.plan_id is None:
        return None
    text = content_to_json(content)
    digest = content_digest(text)
    period = content.period
    file_values = {"file_name": str(path) if path else "", "file_format": fmt,
                   "file_sha256": hashlib.sha256(data).hexdigest()}
    number, signed = nfc(content.texts.number).strip(), content.texts.signed_on.isoformat()
    with transaction(ws.db):
        found = store.find_issued_report(ws.db, content.plan_id, number, signed, digest)
        if found is not None:
            store.update_issued_file(ws.db, found["id"], file_values)
            return found["id"]
        return store.insert_issued_report(ws.db, {
            "plan_id": content.plan_id, "period": period.kind, "year": period.year,
            "start_date": period.start.isoformat(), "end_date": period.end.isoformat(), "number": number,
            "signed_on": signed, "content": text, "content_sha256": digest,
            "issued_at": dt.datetime.now().isoformat(timespec="seconds"), **file_values,
        })


def write_issued(ws: "Workspace", content: ReportContent, path: str | Path, progress: Progress | None = None) -> Path:
    """Write the report file; register it when it is numbered and dated."""
    path = write(content, path, progress)
    register_issued(ws, content, path.read_bytes(), path, output_format(path))
    return path


def issued_json(row: dict) -> dict:
    return {key: row[key] for key in ("id", "plan_id", "period", "year", "start_date", "end_date", "number",
                                      "signed_on", "file_name", "file_format", "file_sha256", "content_sha256",
                                      "issued_at")}


def issued_reports(ws: "Workspace", plan_id: int | None = None) -> list[dict]:
    """The register, oldest first (what `kehoach reports` and the window list)."""
    return [issued_json(row) for row in store.list_issued_reports(ws.db, plan_id)]


def reprint(ws: "Workspace", issued_id: int, path: str | Path, progress: Progress | None = None) -> Path:
    """The issued report again, from the content it was built from (not from today's data)."""
    from .register import content_from_json

    row = store.get_issued_report(ws.db, issued_id)
    if row is None:
        raise NotFoundError(f"Không có báo cáo đã ban hành số thứ tự {issued_id} trong sổ đăng ký.")
    return write(content_from_json(row["content"]), path, progress)


def previous_issued(ws: "Workspace", plan_id: int, period: ReportPeriod) -> ReportContent | None:
    from .register import content_from_json

    row = store.latest_issued_before(ws.db, plan_id, period.end.isoformat())
    return content_from_json(row["content"]) if row else None


def add_changes_since(ws: "Workspace", content: ReportContent) -> None:
    """After the general figures: what changed since the last report issued for an earlier period."""
    from .content import Block, BlockKind
    from .register import changes_since

    previous = previous_issued(ws, content.plan_id, content.period) if content.plan_id else None
    if previous is None:
        return
    at = next((i for i, block in enumerate(content.blocks) if block.text == "(Chi tiết tại Phụ lục kèm theo.)"), None)
    if at is not None:
        content.blocks.insert(at, Block(BlockKind.PARAGRAPH, changes_since(previous, content.states, content.figures)))
