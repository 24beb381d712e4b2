"""The report services over a Workspace: the user's texts per plan and period, the content, the files.

Workspace exposes these as thin methods; the window and the command line call those.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..db import store, transaction
from ..durable import fsync_dir
from ..errors import InvalidInputError, NotFoundError
from ..text import clean_cell, nfc
from .content import ReportContent, ReportTexts, build_content, prefilled_texts, report_tasks
from .periods import ReportPeriod

if TYPE_CHECKING:
    from ..workspace import Workspace

Progress = Callable[[int, int, str], object]
FORMATS = {".pdf": "PDF", ".docx": "Word"}


def choose_plan(ws: "Workspace", plan_id: int | None) -> dict:
    """The plan asked for, or the latest one imported."""
    plans = store.list_plans(ws.db)
    if not plans:
        raise NotFoundError("Chưa có kế hoạch nào: hãy nhập phụ lục kế hoạch trước khi lập báo cáo.")
    if plan_id is None:
        return plans[-1]
    for plan in plans:
        if plan["id"] == plan_id:
            return plan
    raise NotFoundError(f"Không có kế hoạch số {plan_id}.")


def _profile(ws: "Workspace"):
    profile = ws.profile()
    if profile is None:
        raise InvalidInputError("Chưa khai báo thông tin cơ quan, đơn vị (tên, địa danh, người ký): hãy khai báo trước.")
    return profile


def load_texts(ws: "Workspace", period: ReportPeriod, plan_id: int | None = None,
               today: dt.date | None = None) -> ReportTexts:
    """The texts saved for this plan and period, else texts prefilled from the tasks' notes."""
    plan = choose_plan(ws, plan_id)
    row = store.get_report(ws.db, plan["id"], period.kind, period.start.isoformat(), period.end.isoformat())
    if row is not None:
        return ReportTexts(
            number=row["number"], signed_on=dt.date.fromisoformat(row["signed_on"]) if row["signed_on"] else None,
            addressees=_lines(row["addressees"]), recipients=_lines(row["recipients"]),
            direction=row["direction"], shortcomings=row["shortcomings"], next_steps=row["next_steps"],
            proposals=row["proposals"], saved=True,
        )
    rows = report_tasks(ws.tasks(), plan["id"])
    notes = {note["task_id"]: (note["difficulties"], note["proposals"])
             for note in store.list_plan_notes(ws.db, plan["id"])}
    return prefilled_texts(plan, _profile(ws), rows, notes, period, today or dt.date.today())


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
    return load_texts(ws, period, plan["id"])


def build(ws: "Workspace", period: ReportPeriod, texts: ReportTexts | None = None, plan_id: int | None = None,
          today: dt.date | None = None) -> ReportContent:
    """The report's content; the saved (or prefilled) texts when `texts` is None."""
    today = today or dt.date.today()
    plan = choose_plan(ws, plan_id)
    profile = _profile(ws)
    if texts is None:
        texts = load_texts(ws, period, plan["id"], today)
    check_texts(texts)
    all_rows = [row for row in ws.tasks() if row.plan_id == plan["id"]]
    rows = report_tasks(all_rows, plan["id"])
    from ..assessment.service import criterion_scores_once  # issue 12: one score per criterion

    rows = criterion_scores_once(ws, rows, plan["id"])
    evidence: dict[int, list] = {}
    for record in store.list_plan_evidence(ws.db, plan["id"]):
        evidence.setdefault(record["task_id"], []).append(ws._evidence(record))  # the row → Evidence mapping
    indices = ", ".join(dict.fromkeys(
        row.index_kind if row.index_kind != "Khác" else row.index_name for row in all_rows if not row.removed))
    return build_content(profile=profile, plan=plan, rows=rows, evidence=evidence, period=period, texts=texts,
                         today=today, all_indices=indices)


def render(content: ReportContent, fmt: str, progress: Progress | None = None) -> bytes:
    """The report as PDF or Word bytes."""
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
