"""The consolidated report to UBND tỉnh (Decree 30 format, the agency report's engine):
figures for the province, a paragraph per area with the lead department's results, the
difficulties and proposals gathered from the agencies, and three annexes: the register of
reports received, the per-area task table, the overdue tasks by agency."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model import AGENCY_KIND_LABELS, AgencyKind, AgencyProfile, Status
from ..report import service
from ..report.content import AnnexTable, Block, BlockKind, Figures, ReportContent, ReportTexts
from ..report.periods import ReportPeriod
from ..report.wording import (
    agency_lines, cite_date, count_words, date_line, document_number, document_symbol, percent, recipient_lines,
    short_issuer, signature_lines, upper,
)
from ..text import clean_cell, format_date, format_datetime
from . import overview as views
from .roster import names_as_lead

NAMES_IN_CELL = 8  # more agencies overdue on a task than this: counted, listed in annex III
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _p(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def _pairs(snap: views.Snapshot, as_of: dt.date):
    """Every (agency, task, status, completed_on) assigned."""
    for agency in snap.agencies:
        for task in snap.tasks:
            status = snap.status(agency["id"], task.id)
            if status is not None:
                yield agency, task, status, snap.completed_on(agency["id"], task.id)


def _figures(snap: views.Snapshot, pairs, as_of: dt.date) -> Figures:
    on_time = late = in_progress = not_started = not_feasible = overdue = 0
    for _agency, task, status, completed in pairs:
        if status == Status.DONE.value:
            if task.due_date and completed and dt.date.fromisoformat(completed) > task.due_date:
                late += 1
            else:
                on_time += 1
        elif status == Status.NOT_FEASIBLE.value:
            not_feasible += 1
        else:
            in_progress += status == Status.IN_PROGRESS.value
            not_started += status == Status.NOT_STARTED.value
            overdue += snap.overdue_days(task, status) > 0  # annex III's rule, the agency report's
    assigned = on_time + late + in_progress + not_started + not_feasible
    return Figures(as_of=as_of, assigned=assigned, by_role={}, done_on_time=on_time, done_late=late,
                   in_progress=in_progress, not_started=not_started, not_feasible=not_feasible, overdue=overdue)


def _areas(workspace, snap: views.Snapshot):
    return views.by_area(snap.tasks)


def build_consolidated(workspace, period: ReportPeriod | None = None, today: dt.date | None = None,
                       number: str = "", signed_on: dt.date | None = None) -> ReportContent:
    today = today or dt.date.today()
    plan = service.choose_plan(workspace, None)
    profile = service._profile(workspace)
    # A past period: overdue and late as they stood at its end, as the agency report counts.
    snap = views.load(workspace, period, today, at_period_end=True)
    period, as_of = snap.period, snap.today
    register = views.register(snap)
    sent = [row for row in register if row["state"] in (views.SUBMITTED, views.LATE)]
    late = [row for row in register if row["state"] == views.LATE]
    missing = [row for row in register if row["state"] in (views.MISSING, views.NOT_YET)]
    pairs = list(_pairs(snap, as_of))
    figures = _figures(snap, pairs, as_of)
    plan_ref = f"Kế hoạch số {plan['number']}" + (
        f" ngày {cite_date(dt.date.fromisoformat(plan['date']))}" if plan.get("date") else "") + (
        f" của {short_issuer(plan['issuer'])}" if plan.get("issuer") else "")
    scope = "các nhiệm vụ do đơn vị chủ trì" if snap.consolidates == "led-tasks" else "Kế hoạch"
    blocks = [Block(BlockKind.HEADING, "I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ")]
    blocks.append(_p(
        f"Theo {plan_ref}, {count_words(len(register))} cơ quan, đơn vị, địa phương có trách nhiệm báo cáo kết quả "
        f"thực hiện {scope} {period.phrase()} (hạn gửi ngày {cite_date(views.due_date(period))}). Đến ngày "
        f"{cite_date(today)}, {profile.name} đã nhận báo cáo của {count_words(len(sent))} đơn vị "
        f"({percent(len(sent), len(register))}), trong đó {count_words(len(late))} đơn vị gửi muộn; "
        f"{count_words(len(missing))} đơn vị chưa gửi báo cáo."))
    if missing:
        blocks.append(_p("Các đơn vị chưa gửi báo cáo: " + "; ".join(row["name"] for row in missing) + "."))
    if late:
        blocks.append(_p("Các đơn vị gửi báo cáo muộn: " + "; ".join(row["name"] for row in late) + "."))
    blocks.append(Block(BlockKind.HEADING, "II. KẾT QUẢ THỰC HIỆN"))
    blocks.append(Block(BlockKind.SUBHEADING, "1. Kết quả chung"))
    blocks += _figure_lines(len(snap.tasks), figures)
    blocks.append(Block(BlockKind.SUBHEADING, "2. Kết quả theo từng chỉ số, lĩnh vực"))
    areas = _areas(workspace, snap)
    texts = views.agency_texts(workspace)
    blocks += _per_area(snap, texts, areas, as_of)
    difficulties, proposals = _gathered(snap, texts)
    blocks.append(Block(BlockKind.HEADING, "III. KHÓ KHĂN, VƯỚNG MẮC"))
    blocks += [_p(line) for line in difficulties] or [_p("Các đơn vị không báo cáo khó khăn, vướng mắc.")]
    blocks.append(Block(BlockKind.HEADING, "IV. ĐỀ XUẤT, KIẾN NGHỊ"))
    blocks += [_p(line) for line in proposals] or [_p("Các đơn vị không có đề xuất, kiến nghị.")]
    blocks.append(_p(f"Trên đây là báo cáo tổng hợp kết quả thực hiện {plan_ref} {period.phrase()} "
                     f"của {profile.name}./."))
    symbol = document_symbol(profile)
    addressee = short_issuer(plan.get("issuer") or "") or "Ủy ban nhân dân tỉnh"
    report_ref = f"của {profile.name}"
    return ReportContent(
        governing_body=upper(profile.governing_body), agency=agency_lines(profile),
        number_line=document_number(number, symbol), date_line=date_line(profile.place, signed_on, today.year),
        title="BÁO CÁO",
        abstract=f"Tổng hợp kết quả thực hiện {plan_ref} {period.abstract_suffix(plan.get('year'))}",
        addressees=[addressee], blocks=blocks,
        recipients=recipient_lines(["Lưu: VT"], has_addressees=True), signature=signature_lines(profile),
        signer_name=clean_cell(profile.signer_name), annex_title=[], annex_subtitle="", annex_groups=[],
        has_scores=False, figures=figures, period=period, texts=ReportTexts(number=number, signed_on=signed_on),
        agency_name=profile.name,
        extra_annexes=[_register_annex(register, report_ref), _task_annex(snap, areas, report_ref),
                       _overdue_annex(snap, report_ref)],
    )


def _figure_lines(task_count: int, f: Figures) -> list[Block]:
    return [_p(line) for line in (
        f"Tổng hợp {count_words(task_count)} nhiệm vụ với {count_words(f.assigned)} lượt giao cho các đơn vị:",
        f"- Hoàn thành {count_words(f.done)} lượt ({percent(f.done, f.assigned)}), trong đó đúng hạn "
        f"{count_words(f.done_on_time)}, chậm so với thời hạn {count_words(f.done_late)};",
        f"- Đang thực hiện {count_words(f.in_progress)} lượt; chưa thực hiện {count_words(f.not_started)} lượt"
        + (f"; không thực hiện được {count_words(f.not_feasible)} lượt" if f.not_feasible else "") + ";",
        f"- Quá hạn nhưng chưa hoàn thành: {count_words(f.overdue)} lượt.",
        "(Chi tiết tại các Phụ lục kèm theo.)")]


def _per_area(snap: views.Snapshot, texts: dict, areas, as_of: dt.date) -> list[Block]:
    blocks = []
    letters = "abcdđeghiklmnopqrstuvxy"
    for i, (index, groups) in enumerate(areas, start=1):
        blocks.append(Block(BlockKind.SUBHEADING, f"2.{i}. Chỉ số {index}"))
        for j, (title, tasks) in enumerate(groups):
            blocks.append(Block(BlockKind.MINOR, f"{letters[j] if j < len(letters) else j + 1}) {title}"))
            ids = {task.id for task in tasks}
            pairs = [p for p in _pairs(snap, as_of) if p[1].id in ids]
            f = _figures(snap, pairs, as_of)
            blocks.append(_p(f"{count_words(len(tasks))} nhiệm vụ, {count_words(f.assigned)} lượt giao; hoàn thành "
                             f"{count_words(f.done)}, đang thực hiện {count_words(f.in_progress)}, chưa thực hiện "
                             f"{count_words(f.not_started)}" + (f", quá hạn {count_words(f.overdue)}" if f.overdue
                                                                else "") + "."))
            blocks += _lead_results(snap, texts, tasks)
    return blocks or [_p("Chưa có nhiệm vụ nào để tổng hợp.")]


def _lead_results(snap: views.Snapshot, texts: dict, tasks) -> list[Block]:
    """The lead department's own results on the area's tasks it leads by name."""
    lines = []
    for agency in snap.agencies:
        profile = AgencyProfile(name=agency["name"], kind=AgencyKind(agency["kind"]))
        for task in tasks:
            if not names_as_lead(task, profile):
                continue
            row = texts.get((agency["id"], task.id))
            result = clean_cell((row or {}).get("result") or "").replace("\n", " ").strip()
            if result:
                content = task.content.lstrip("-–+• ").rstrip(".;: ")  # "- Các cơ quan…": no "— -" in the sentence
                lines.append(_p(f"- {agency['name']} (chủ trì) — {content}: {result.rstrip('.;')}."))
    return lines


def _gathered(snap: views.Snapshot, texts: dict) -> tuple[list[str], list[str]]:
    """The agencies' difficulties and proposals; the same words from many agencies said once."""
    found: dict[str, dict[str, list[str]]] = {"difficulties": {}, "proposals": {}}
    for agency in snap.agencies:
        for task in snap.tasks:
            row = texts.get((agency["id"], task.id))
            if not row or snap.status(agency["id"], task.id) is None:
                continue
            for key, said in found.items():
                text = clean_cell(row.get(key) or "").replace("\n", " ").strip().rstrip(".;")
                if text:
                    names = said.setdefault(text, [])
                    if agency["name"] not in names:
                        names.append(agency["name"])

    def lines(texts: dict[str, list[str]]) -> list[str]:
        out = []
        for text, names in sorted(texts.items(), key=lambda item: -len(item[1])):
            who = "; ".join(names[:NAMES_IN_CELL])
            if len(names) > NAMES_IN_CELL:
                who += f" và {count_words(len(names) - NAMES_IN_CELL)} đơn vị khác"
            out.append(f"- {text} ({who}).")
        return out
    return lines(found["difficulties"]), lines(found["proposals"])


def _register_annex(register: list[dict], ref: str) -> AnnexTable:
    rows = [[str(n), row["name"], AGENCY_KIND_LABELS[AgencyKind(row["kind"])], row["state"],
             format_datetime(row["created_at"]) if row["created_at"] else "",
             format_datetime(row["received_at"]) if row["received_at"] else ""]
            for n, row in enumerate(register, start=1)]
    return AnnexTable(["PHỤ LỤC I", "SỔ NHẬN BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ"], f"(Kèm theo Báo cáo {ref})",
                      ["STT", "Cơ quan, đơn vị", "Loại", "Tình trạng", "Gửi lúc", "Nhận lúc"],
                      [12, 85, 60, 30, 32, 32], rows, centred=(0, 3, 4, 5))


def _task_annex(snap: views.Snapshot, areas, ref: str) -> AnnexTable:
    rows, number = [], 0
    for index, groups in areas:
        rows.append([f"CHỈ SỐ {upper(index)}"])
        for title, tasks in groups:
            rows.append([title])
            for task in tasks:
                number += 1
                done, assigned = views.task_counts(snap, task)
                late = [a["name"] for a in snap.agencies
                        if snap.overdue_days(task, snap.status(a["id"], task.id))]
                if len(late) > NAMES_IN_CELL:
                    late = [f"{count_words(len(late))} đơn vị (xem Phụ lục III)"]
                code = f"{task.code}. " if task.code else ""
                rows.append([str(number), f"{code}{task.content}", task.due_date and format_date(task.due_date) or "",
                             f"{done}/{assigned}", "; ".join(late)])
    return AnnexTable(["PHỤ LỤC II", "KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ THEO LĨNH VỰC"], f"(Kèm theo Báo cáo {ref})",
                      ["STT", "Nhiệm vụ", "Thời hạn", "Số đơn vị hoàn thành / được giao", "Đơn vị còn quá hạn"],
                      [12, 135, 22, 28, 55], rows, centred=(0, 2, 3))


def _overdue_annex(snap: views.Snapshot, ref: str) -> AnnexTable:
    """One row per agency: how many tasks overdue, which (by index and code), the longest delay;
    an agency that sent nothing is counted on its tasks by the annex, and said so; the total is
    the report's own figure of overdue assignments."""
    rows, total = [], 0
    tasks = {task.id: task for task in snap.tasks}
    for n, item in enumerate(views.action_lists(snap)["overdue"], start=1):
        overdue = item["tasks"]
        total += len(overdue)
        name = item["agency"] if item["agency_id"] in snap.any_package else \
            f"{item['agency']} (chưa gửi báo cáo; tính theo nhiệm vụ được giao)"
        rows.append([str(n), name, str(len(overdue)), _codes_by_index(tasks[t["task_id"]] for t in overdue),
                     str(max(task["days"] for task in overdue))])
    if rows:
        rows.append(["", "Tổng cộng", str(total), "", ""])
    else:
        rows.append([f"Đến ngày {cite_date(snap.today)}, không đơn vị nào có nhiệm vụ quá hạn chưa hoàn thành."])
    return AnnexTable(["PHỤ LỤC III", "DANH SÁCH NHIỆM VỤ QUÁ HẠN THEO ĐƠN VỊ"],
                      f"(Kèm theo Báo cáo {ref}; tính đến ngày {format_date(snap.today)})",
                      ["STT", "Cơ quan, đơn vị", "Số nhiệm vụ quá hạn", "Nhiệm vụ quá hạn (theo mã tiêu chí)",
                       "Quá hạn lâu nhất (ngày)"], [12, 70, 22, 125, 23], rows, centred=(0, 2, 4))


def _codes_by_index(tasks) -> str:
    """"PAR INDEX: 1.2, 2.4.1; PAPI: 4.1": a code alone is ambiguous (each index numbers its own);
    a task without a code is named by its first words; two tasks of one criterion are "8.1.4 (2)"."""
    by_index: dict[str, dict[str, int]] = {}
    for task in tasks:
        label = task.code or _first_words(task.content)
        codes = by_index.setdefault(task.index_kind, {})
        codes[label] = codes.get(label, 0) + 1
    return "; ".join(f"{index}: " + ", ".join(code if count == 1 else f"{code} ({count})"
                                              for code, count in codes.items())
                     for index, codes in by_index.items())


def _first_words(text: str, limit: int = 40) -> str:
    """A task without a code, named in a list separated by commas: its words up to the first
    comma (a comma inside would read as two tasks)."""
    text = " ".join(text.split())
    head = text.split(",", 1)[0].rstrip(" ;:.")
    if len(head) <= limit and head == text:
        return text
    return (head if len(head) <= limit else head[:limit].rsplit(" ", 1)[0]) + "…"


def write_consolidated(workspace, path: str | Path, period: ReportPeriod | None = None,
                       today: dt.date | None = None, progress=None, **texts) -> Path:
    service.output_format(path)  # a wrong extension refused before any work
    return service.write(build_consolidated(workspace, period, today, **texts), path, progress)


def command(workspace, args) -> int:
    """`kehoach report --consolidated --period … [--year …] --out FILE.pdf|.docx`."""
    from ..errors import InvalidInputError
    from ..text import parse_date

    if args.period == "custom":
        raise InvalidInputError("Báo cáo tổng hợp theo kỳ q1, h1, q3 hoặc year, không theo khoảng ngày tự chọn.")
    plan = service.choose_plan(workspace, None)
    period = ReportPeriod.of(args.period, args.year or plan.get("year") or dt.date.today().year)
    signed = parse_date(args.date, field="Ngày ký (--date)") if args.date else None
    path = write_consolidated(workspace, args.out, period, number=args.number or "", signed_on=signed)
    print(f"Đã lập báo cáo tổng hợp {period.label}: {path} ({max(path.stat().st_size // 1024, 1)} KB).")
    return 0
