"""The agency's tasks and results as an Excel workbook, and reading that workbook back.

One sheet per index of each plan, in the annex's layout (STT, criterion, maximum score,
task, deadline, responsible agencies) plus the result columns (Tình trạng, Tỷ lệ, Ngày
hoàn thành, Kết quả thực hiện, Tài liệu kiểm chứng) and, on the criterion rows, the criterion's
self-assessed score shown read-only (issue 12: the score belongs to the criterion and is given
in the self-assessment, never per task, never from this workbook); frozen header, wrapped
text, set widths, A4 landscape with the header row repeated on every printed page.
Text that begins with = + - @ or a tab is written as text with Excel's quote prefix,
never as a formula.

A very hidden sheet holds the program's data (the JSON of a progress package, without
the files) and a hidden column holds each task row's reference. Reading the workbook
back recognises it by that sheet, restores the tasks it lists, and takes the progress
from the visible result cells, which the user may have edited in Excel. Any other
workbook is an annex and goes to the annex importer.
"""

from __future__ import annotations

import datetime as dt
import math
import hashlib
import io
import json
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import sqlite_utils

from .. import __version__
from ..errors import ImportRefusedError, InvalidInputError
from ..evidence_store import EvidenceStore
from ..importer.container import check_office_file
from ..model import AgencyProfile, Role, Status
from ..text import format_date, nfc, parse_date, parse_decimal
from .content import (
    FORMAT_WORKBOOK, ExportResult, PackageContent, ProgressCallback, collect, period_label, role_of,
)
from .packages import OpenedPackage
from .schema import check_agency, check_data
from .safe_zip import refuse
from .writer import ExportError, write_atomically

MARKER_SHEET = "_kehoach"
MARKER = "kehoach-xlsx"
WORKBOOK_VERSION = 1
JSON_CHUNK = 30_000  # characters per cell (Excel holds 32,767)
MAX_CELL_CHARS = 32_767
HEADER_ROW = 5
FONT_NAME = "Times New Roman"

CRITERION_SCORE_HEADER = "Điểm tự chấm của tiêu chí (chỉ xem)"  # issue 12
LEGACY_SCORE_HEADER = "Điểm tự chấm"  # the per-task column of older workbooks: read, never imported
WHERE_TO_SCORE = ("điểm tự chấm thuộc tiêu chí, chấm trong chương trình tại “Tự đánh giá, chấm điểm” "
                  "(hoặc lệnh kehoach score)")
# (header, width, key); "implementing" only when some task names implementing agencies.
COLUMNS = [
    ("STT", 6, "code"),
    ("Lĩnh vực/Tiêu chí", 24, "criterion"),
    ("Điểm tối đa", 7, "max_score"),
    ("Nhiệm vụ", 40, "content"),
    ("Thời gian thực hiện", 13, "deadline_text"),
    ("Đơn vị chủ trì", 18, "lead"),
    ("Đơn vị thực hiện", 18, "implementing"),
    ("Đơn vị phối hợp", 18, "cooperating"),
    ("Vai trò của đơn vị", 10, "role"),
    ("Tình trạng", 13, "status"),
    ("Tỷ lệ hoàn thành (%)", 9, "percent"),
    ("Ngày hoàn thành", 11, "completed_on"),
    ("Kết quả thực hiện", 36, "result"),
    ("Tài liệu kiểm chứng", 30, "evidence"),
    (CRITERION_SCORE_HEADER, 11, "criterion_score"),
    ("Mã dòng", 8, "ref"),
]
RESULT_KEYS = ("status", "percent", "completed_on", "result")
STATUS_TEXT = {status: status.value[:1].upper() + status.value[1:] for status in Status}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# --- writing --------------------------------------------------------------------------------

def export_workbook(
    db: sqlite_utils.Database,
    evidence: EvidenceStore,
    target: Path,
    profile: AgencyProfile | None,
    *,
    period: dict | None = None,
    all_tasks: bool = False,
    plan_ids=None,
    progress: ProgressCallback | None = None,
    today: dt.date | None = None,
) -> ExportResult:
    """Write the results workbook safely (see writer.py) and read it back verified."""
    target = Path(target)
    if target.suffix.lower() != ".xlsx":
        raise ExportError(f"Tên tệp “{target.name}” phải có đuôi .xlsx.")
    include = None if all_tasks else (lambda row: not row["removed"] and role_of(row, profile) is not None)
    content = collect(db, evidence, FORMAT_WORKBOOK, profile, plan_ids=plan_ids, period=period, include_task=include)
    if content.task_count == 0:
        raise ExportError("Không có nhiệm vụ nào của đơn vị để xuất ra Excel.")
    if progress:
        progress(0, 2, "Đang tạo bảng Excel")
    payload = build_workbook(content, today or dt.date.today())
    digest = hashlib.sha256(payload).hexdigest()
    if progress:
        progress(1, 2, "Đang ghi tệp Excel")

    def verify(path: Path) -> None:
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise ExportError("nội dung đọc lại khác nội dung đã ghi")
        with zipfile.ZipFile(path) as archive:
            if archive.testzip() is not None:
                raise ExportError("tệp nén bị hỏng")

    written = write_atomically(target, lambda out: out.write(payload), verify, expected_size=len(payload))
    return ExportResult(
        path=written.path, kind=FORMAT_WORKBOOK, size=written.size, package_id="",
        plans=len(content.data["plans"]), tasks=content.task_count, progress=len(content.data["progress"]),
        evidence=len(content.data["evidence"]), evidence_files=0, evidence_bytes=0,
        stale_removed=written.stale_removed, warnings=content.warnings,
    )


def safe_text(text: str) -> str:
    """What a cell can hold: no XML-illegal control characters, at most 32,767 characters."""
    return _ILLEGAL.sub("", text)[:MAX_CELL_CHARS]


def put(cell, value) -> None:
    """Set a cell; text that Excel could take for a formula stays text (quote prefix)."""
    if isinstance(value, str):
        value = safe_text(value)
        cell.value = value
        if value.startswith(_FORMULA_START):
            cell.data_type = "s"
            cell.quotePrefix = True
        return
    cell.value = value


def build_workbook(content: PackageContent, today: dt.date) -> bytes:
    import openpyxl  # deferred: importing the package must stay light

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    data = content.data
    progress = {record["task"]: record for record in data["progress"]}
    evidence: dict[int, list[dict]] = {}
    for record in data["evidence"]:
        evidence.setdefault(record["task"], []).append(record)
    several_plans = len(data["plans"]) > 1
    for plan in data["plans"]:
        for index in plan["indices"]:
            if not index["tasks"]:
                continue
            title = sheet_title(workbook, f"{plan['number'].split('/')[0]} {index['kind']}" if several_plans
                                 else index["kind"])
            sheet = workbook.create_sheet(title)
            _fill_sheet(sheet, content, plan, index, progress, evidence, today)
    _write_marker(workbook, content)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_title(workbook, wanted: str) -> str:
    """A sheet name Excel accepts (no []:*?/\\, at most 31 characters), unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", " ", wanted).strip()[:28] or "Trang"
    title, number = base, 2
    while title in workbook.sheetnames or title == MARKER_SHEET:
        title, number = f"{base} ({number})", number + 1
    return title


def _columns(index: dict) -> list[tuple[str, int, str]]:
    if any(task["implementing"] for task in index["tasks"]):
        return COLUMNS
    return [column for column in COLUMNS if column[2] != "implementing"]


def _fill_sheet(sheet, content: PackageContent, plan: dict, index: dict, progress: dict, evidence: dict,
                today: dt.date) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = _columns(index)
    last = get_column_letter(len(columns))
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    plain, bold = Font(name=FONT_NAME, size=11), Font(name=FONT_NAME, size=11, bold=True)

    date = f" ngày {format_date(plan['date'])}" if plan["date"] else ""
    issuer = f" của {plan['issuer']}" if plan["issuer"] else ""
    heading = [
        f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ — {index['name']}".upper(),
        f"(Thực hiện Kế hoạch số {plan['number']}{date}{issuer})",
        "Đơn vị: " + (content.profile or {}).get("name", "")
        + (f" — Kỳ báo cáo: {period_label(content.period)}" if content.period else "")
        + f" — Số liệu đến ngày {format_date(today)}",
    ]
    heading.append(f"Cột “{CRITERION_SCORE_HEADER}” chỉ để xem: {WHERE_TO_SCORE}; sửa điểm trong bảng này "
                   "không được nhập vào chương trình.")  # issue 12
    for row, text in enumerate(heading, start=1):
        put(sheet.cell(row, 1), text)
        sheet.cell(row, 1).font = Font(name=FONT_NAME, size=13 if row == 1 else 11, bold=row == 1,
                                       italic=row in (2, 4))
        sheet.cell(row, 1).alignment = Alignment(horizontal="center", wrap_text=True)
        sheet.merge_cells(f"A{row}:{last}{row}")
    sheet.row_dimensions[HEADER_ROW].height = 4 * LINE_POINTS + 3
    sheet.row_dimensions[2].height = sheet.row_dimensions[3].height = LINE_POINTS + 3
    sheet.row_dimensions[4].height = 2 * LINE_POINTS + 3
    for col, (header, width, key) in enumerate(columns, start=1):
        cell = sheet.cell(HEADER_ROW, col, header)
        cell.font, cell.border = bold, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
        letter = get_column_letter(col)
        sheet.column_dimensions[letter].width = width
        if key == "ref":
            sheet.column_dimensions[letter].hidden = True

    row = HEADER_ROW + 1
    criteria = {criterion["ref"]: criterion for criterion in index["criteria"]}
    tasks_by_criterion: dict[int | None, list[dict]] = {}
    for task in sorted(index["tasks"], key=lambda t: t["position"]):
        tasks_by_criterion.setdefault(task["criterion"], []).append(task)
    shown = _criteria_with_tasks(criteria, tasks_by_criterion)
    keys = [key for _, _, key in columns]
    area_fill = PatternFill("solid", fgColor="F2F2F2")
    read_only_fill = PatternFill("solid", fgColor="EDEDED")
    scores = _criterion_scores(content.data, plan)
    for criterion_ref in [None] + [c["ref"] for c in sorted(index["criteria"], key=lambda c: c["position"])]:
        if criterion_ref is not None:
            if criterion_ref not in shown:
                continue
            criterion = criteria[criterion_ref]
            values = {"code": criterion["code"], "criterion": criterion["title"], "max_score": criterion["max_score"],
                      "criterion_score": scores.get(criterion_ref)}
            for col, key in enumerate(keys, start=1):
                cell = sheet.cell(row, col)
                put(cell, values.get(key))
                cell.font, cell.border, cell.alignment = bold, border, wrap
                if criterion["parent"] is None:
                    cell.fill = area_fill
                if key == "criterion_score":
                    cell.fill = read_only_fill
            _fit_height(sheet, row, columns)
            row += 1
        for task in tasks_by_criterion.get(criterion_ref, []):
            values = _task_values(task, progress.get(task["ref"]), evidence.get(task["ref"], []))
            for col, key in enumerate(keys, start=1):
                cell = sheet.cell(row, col)
                put(cell, values.get(key))
                cell.font, cell.border, cell.alignment = plain, border, wrap
                if key == "completed_on" and values.get(key) is not None:
                    cell.number_format = "dd/mm/yyyy"
                if key == "criterion_score":
                    cell.fill = read_only_fill
            _fit_height(sheet, row, columns)
            row += 1
    status_col = get_column_letter(keys.index("status") + 1)
    choices = ",".join(STATUS_TEXT[status] for status in Status)
    validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    validation.add(f"{status_col}{HEADER_ROW + 1}:{status_col}{max(row - 1, HEADER_ROW + 1)}")
    sheet.add_data_validation(validation)
    _page_setup(sheet)


def _criterion_scores(data: dict, plan: dict) -> dict[int, object]:
    """criterion ref → its self-assessed score (or "Không áp dụng"), from the package's
    optional `criterion_scores` (issue 12); refs are unique across the plans of one export."""
    refs = {criterion["ref"] for index in plan["indices"] for criterion in index["criteria"]}
    shown: dict[int, object] = {}
    for record in data.get("criterion_scores") or []:
        if record["criterion"] in refs:
            shown[record["criterion"]] = "Không áp dụng" if record["not_applicable"] else record["score"]
    return shown


LINE_POINTS = 15  # one line of 11-point Times New Roman
CHARS_PER_WIDTH = 1.2  # characters of Times New Roman 11 per unit of Excel column width, roughly


def _fit_height(sheet, row: int, columns: list[tuple[str, int, str]]) -> None:
    """Tall enough for the wrapped text: openpyxl cannot autofit and LibreOffice keeps the
    default height, which would cut the text on screen and on paper."""
    lines = 1
    for col, (_, width, key) in enumerate(columns, start=1):
        value = sheet.cell(row, col).value
        if not isinstance(value, str) or key == "ref":
            continue
        factor = CHARS_PER_WIDTH * (0.9 if sheet.cell(row, col).font.b else 1.0) * (0.75 if value.isupper() else 1.0)
        per_line = max(1, int(width * factor) - 1)  # less the cell's padding
        lines = max(lines, sum(_wrapped_lines(part, per_line) for part in value.split("\n")))
    sheet.row_dimensions[row].height = min(409, lines * LINE_POINTS + 5)  # 409: Excel's largest


def _wrapped_lines(text: str, per_line: int) -> int:
    """Lines a paragraph takes when whole words are wrapped at `per_line` characters."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, 0
        used += (1 if used else 0) + len(word)
        while used > per_line:  # a word longer than the line breaks where it must
            lines, used = lines + 1, used - per_line
    return lines


def _criteria_with_tasks(criteria: dict[int, dict], tasks_by_criterion: dict) -> set[int]:
    """Criteria that have tasks in the sheet, and their ancestors (the areas above them)."""
    shown: set[int] = set()
    for ref in tasks_by_criterion:
        while ref is not None and ref not in shown:
            shown.add(ref)
            ref = criteria[ref]["parent"]
    return shown


def _task_values(task: dict, record: dict | None, evidence: list[dict]) -> dict:
    record = record or {}
    status = Status(record.get("status") or Status.NOT_STARTED.value)
    role = task.get("role")
    completed = record.get("completed_on")
    return {
        "content": task["content"], "deadline_text": task["deadline_text"], "lead": task["lead"],
        "implementing": task["implementing"], "cooperating": task["cooperating"],
        "role": Role(role).label if role else "",
        "status": STATUS_TEXT[status], "percent": record.get("percent", 0),
        "completed_on": dt.date.fromisoformat(completed) if completed else None,
        "result": record.get("result", ""), "evidence": "\n".join(evidence_line(item) for item in evidence),
        "ref": task["ref"],
    }


def evidence_line(item: dict) -> str:
    """"15/BC-UBND ngày 16/06/2025 của UBND xã Hòa An: Báo cáo … (tệp: bao-cao.pdf)"."""
    text = item["number"]
    if item["date"]:
        text += f" ngày {format_date(item['date'])}"
    if item["issuer"]:
        text += f" của {item['issuer']}"
    if item["abstract"]:
        text = f"{text}: {item['abstract']}" if text else item["abstract"]
    if item["file_name"]:
        text += f" (tệp: {item['file_name']})"
    return "- " + text.strip()


def _page_setup(sheet) -> None:
    from openpyxl.worksheet.page import PageMargins

    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.oddFooter.center.text = "Trang &P / &N"


def _write_marker(workbook, content: PackageContent) -> None:
    sheet = workbook.create_sheet(MARKER_SHEET)
    sheet.sheet_state = "veryHidden"
    sheet["A1"], sheet["B1"], sheet["C1"] = MARKER, WORKBOOK_VERSION, __version__
    exported_at = dt.datetime.now().astimezone().isoformat(timespec="seconds")  # issue 15: remembered
    payload = json.dumps({"profile": content.profile, "period": content.period, "data": content.data,
                          "exported_at": exported_at},
                         ensure_ascii=True, separators=(",", ":"))  # ASCII: nothing a cell cannot hold
    for number, start in enumerate(range(0, len(payload), JSON_CHUNK), start=2):
        sheet.cell(number, 1).value = payload[start:start + JSON_CHUNK]
        sheet.cell(number, 1).data_type = "s"


# --- reading back ---------------------------------------------------------------------------

def is_own_workbook(path: Path) -> bool:
    """Whether an .xlsx is the program's results workbook (it has the hidden marker sheet)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("xl/workbook.xml")
            if info.file_size > 1024**2:
                return False
            return f'name="{MARKER_SHEET}"'.encode() in archive.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError):
        return False  # encrypted or an unsupported compression: the import refuses it by name (issue 15)


def open_workbook(source: Path, work_root: Path, profile: AgencyProfile | None) -> OpenedPackage:
    """Read the program's own workbook (copied to a private temporary folder first) as a package."""
    import openpyxl

    source = Path(source)
    if not source.is_file():
        raise ImportRefusedError(f"Không tìm thấy tệp “{source}”.")
    work_root.mkdir(parents=True, exist_ok=True)
    temp_dir = Path(tempfile.mkdtemp(prefix="bang-", dir=work_root))
    try:
        local = temp_dir / "bang.xlsx"
        try:
            shutil.copyfile(source, local)
        except OSError as error:
            raise refuse(source.name, f"không đọc được tệp ({error.strerror or error})") from None
        check_office_file(local, "xl/workbook.xml", "Excel (.xlsx)", "Hãy mở bằng Excel và lưu lại rồi nhập lại.")
        try:
            workbook = openpyxl.load_workbook(local)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise refuse(source.name, f"tệp Excel bị hỏng ({type(error).__name__})") from None
        try:
            manifest, data = _read_marker(workbook, source.name)
            check_agency(manifest, profile, source.name)
            notes: list[str] = []
            data["progress"], edited = _progress_from_cells(workbook, data, source.name, notes)
        finally:
            workbook.close()
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)
    check_data(data, manifest, source.name, set())
    return OpenedPackage(source, FORMAT_WORKBOOK, manifest, data, {}, edited=edited, read_notes=notes)


def _read_marker(workbook, display_name: str) -> tuple[dict, dict]:
    if MARKER_SHEET not in workbook.sheetnames or workbook[MARKER_SHEET]["A1"].value != MARKER:
        raise refuse(display_name, "đây không phải là bảng kết quả do chương trình xuất ra")
    sheet = workbook[MARKER_SHEET]
    version = sheet["B1"].value
    if not isinstance(version, int) or version < 1:
        raise refuse(display_name, f"phiên bản bảng kết quả không hợp lệ ({version!r})")
    if version > WORKBOOK_VERSION:
        raise refuse(display_name, f"bảng kết quả được tạo bởi phiên bản mới hơn của chương trình (phiên bản "
                                   f"{version}, chương trình này đọc được đến {WORKBOOK_VERSION}). Hãy cài "
                                   "phiên bản mới nhất của chương trình")
    chunks = []
    for (value,) in sheet.iter_rows(min_row=2, max_col=1, values_only=True):
        if value is None:
            break
        chunks.append(str(value))
    try:
        payload = json.loads("".join(chunks))
    except (ValueError, RecursionError):
        raise refuse(display_name, "phần dữ liệu ẩn của bảng kết quả bị hỏng") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
        raise refuse(display_name, "phần dữ liệu ẩn của bảng kết quả bị hỏng")
    data = payload["data"]
    plans = data.get("plans") if isinstance(data.get("plans"), list) else []
    manifest = {
        "format": FORMAT_WORKBOOK, "format_version": version, "program_version": sheet["C1"].value,
        "profile": payload.get("profile"), "period": payload.get("period"), "audience": None,
        "plans": [{key: plan.get(key) for key in ("number", "date", "issuer", "title")}
                  for plan in plans if isinstance(plan, dict)],
        "members": [], "created_at": None,
    }
    if "exported_at" in payload:  # issue 15: when it was exported, validated like any time in a file
        from .schema import valid_time

        if valid_time(payload["exported_at"]) is None:
            raise refuse(display_name, "thời điểm xuất bảng kết quả không hợp lệ hoặc ở tương lai")
        manifest["created_at"] = payload["exported_at"]
    if not isinstance(manifest["profile"], dict) or not isinstance(manifest["profile"].get("name"), str):
        raise refuse(display_name, "phần dữ liệu ẩn của bảng kết quả bị hỏng (thiếu tên đơn vị)")
    check_data(data, manifest, display_name, set())
    return manifest, data


def _progress_from_cells(workbook, data: dict, display_name: str,
                         notes: list[str] | None = None) -> tuple[list[dict], set[int]]:
    """The progress records with what the visible result cells say, and the refs edited in Excel.

    Nothing is silently dropped or misread (issue 15): a sheet whose hidden key column was
    deleted, and one task's rows edited differently, are refused naming the rows; a row the
    user added (no key) is named in `notes` and not imported."""
    notes = notes if notes is not None else []
    exported = {record["task"]: record for record in data["progress"]}
    tasks = {task["ref"]: (task, index, plan) for plan in data["plans"] for index in plan["indices"]
             for task in index["tasks"]}
    now = dt.datetime.now().isoformat(timespec="seconds")
    records = dict(exported)
    edited: set[int] = set()
    seen: dict[int, tuple[str, dict]] = {}
    for sheet in workbook.worksheets:
        if sheet.title == MARKER_SHEET:
            continue
        columns = _header_columns(sheet)
        if "ref" not in columns:
            if any(key in columns for key in RESULT_KEYS):
                raise refuse(display_name, f"trang “{sheet.title}” không còn cột “Mã dòng” (cột ẩn) nên không biết "
                                           "dòng nào là nhiệm vụ nào; hãy xuất lại bảng kết quả và sửa trên bảng mới")
            continue
        legacy_scores = 0  # issue 12: a per-task score typed in an older workbook is read, never imported
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=False):
            ref = _ref(row[columns["ref"]].value) if columns["ref"] < len(row) else None
            where = f"trang “{sheet.title}”, dòng {row[0].row}"
            if ref is None or ref not in tasks:
                if any(row[col].value not in (None, "") for key, col in columns.items()
                       if key in RESULT_KEYS and col < len(row)):
                    notes.append(f"{where}: dòng không có mã dòng của chương trình (có thể do người dùng thêm) — "
                                 "không nhập dòng này.")
                continue
            score_col = columns.get("score")
            if score_col is not None and score_col < len(row) and row[score_col].value not in (None, ""):
                legacy_scores += 1
            shown = _read_results(row, columns, where, display_name)
            if ref in seen and seen[ref][1] != shown:
                raise refuse(display_name, f"{seen[ref][0]} và {where} là cùng một nhiệm vụ nhưng được sửa khác "
                                           "nhau; hãy giữ một dòng rồi nhập lại")
            seen[ref] = (where, shown)
            before = exported.get(ref)
            if shown == _as_shown(before):
                continue  # not edited in Excel: the exported record, with its own time, stands
            base = before or {"task": ref, "difficulties": "", "proposals": ""}
            records[ref] = {**base, **shown, "task": ref, "updated_at": now}
            edited.add(ref)
        if legacy_scores:
            notes.append(f"trang “{sheet.title}”: cột “{LEGACY_SCORE_HEADER}” theo từng nhiệm vụ ({legacy_scores} dòng "
                         f"có điểm) không được nhập — {WHERE_TO_SCORE}.")
    return list(records.values()), edited


def keep_local_task_scores(db, records: list[dict], task_ids: dict[int, int]) -> list[dict]:
    """The progress records of a workbook with the per-task score this machine has (issue 12):
    a workbook never writes a per-task score, not even one its hidden data still carries."""
    from ..db import store

    kept = []
    for record in records:
        local = store.get_progress(db, task_ids[record["task"]])
        kept.append({**record, "score": local["score"] if local else None})
    return kept


def _header_columns(sheet) -> dict[str, int]:
    headers = {header: key for header, _, key in COLUMNS} | {LEGACY_SCORE_HEADER: "score"}
    found: dict[str, int] = {}
    for row in sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True):
        for col, value in enumerate(row):
            key = headers.get(nfc(value).strip()) if isinstance(value, str) else None
            if key:
                found[key] = col
    return found


def _ref(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _as_shown(record: dict | None) -> dict:
    """A progress record as its cells show it after a round trip through Excel."""
    record = record or {}
    return {
        "status": record.get("status") or Status.NOT_STARTED.value,
        "percent": record.get("percent", 0),
        "completed_on": record.get("completed_on"),
        "result": safe_text(record.get("result", "")),
    }


def _read_results(row, columns: dict[str, int], where: str, display_name: str) -> dict:
    def value(key):
        col = columns.get(key)
        return row[col].value if col is not None and col < len(row) else None

    try:
        status_text = value("status")
        status = Status.parse(str(status_text)) if status_text not in (None, "") else Status.NOT_STARTED
        percent = _percent(value("percent"))
        completed = _completed_on(value("completed_on"))
    except InvalidInputError as error:
        raise refuse(display_name, f"{where}: {error}".rstrip(".")) from None
    result = value("result")
    return {
        "status": status.value, "percent": percent,
        "completed_on": completed.isoformat() if completed else None,
        "result": nfc(result) if result is not None else "",
    }


def _completed_on(raw) -> dt.date | None:
    """A date cell, a date typed as text, or a date Excel stores as a number (a serial day)."""
    if isinstance(raw, dt.datetime):
        found = raw.date()
    elif isinstance(raw, dt.date):
        found = raw
    elif isinstance(raw, str) and raw.strip():
        found = parse_date(raw, field="Ngày hoàn thành")
    elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if not (math.isfinite(raw) and 1 <= raw < 2958466):
            raise InvalidInputError(f"Ngày hoàn thành “{raw}” không phải là một ngày.")
        from openpyxl.utils.datetime import from_excel

        found = from_excel(raw).date()
    elif raw in (None, ""):
        return None
    else:
        raise InvalidInputError(f"Ngày hoàn thành “{raw}” không phải là một ngày.")
    if found > dt.date.today() + dt.timedelta(days=1):
        raise InvalidInputError(f"Ngày hoàn thành {found.strftime('%d/%m/%Y')} ở tương lai.")
    return found


def _percent(raw) -> int:
    if isinstance(raw, bool):  # TRUE/FALSE typed in the percent column is not 1 % / 0 %
        raise InvalidInputError(f"Tỷ lệ hoàn thành “{'TRUE' if raw else 'FALSE'}” không hợp lệ (phải là số "
                                "nguyên từ 0 đến 100).")
    if raw in (None, ""):
        return 0
    number = parse_decimal(raw, field="Tỷ lệ hoàn thành") if not isinstance(raw, (int, float)) else raw
    if number is None or not float(number).is_integer() or not 0 <= number <= 100:
        raise InvalidInputError(f"Tỷ lệ hoàn thành “{raw}” không hợp lệ (phải là số nguyên từ 0 đến 100).")
    return int(number)

