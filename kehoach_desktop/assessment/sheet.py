"""The score sheet (Bảng tổng hợp kết quả tự đánh giá, chấm điểm) as PDF, Word and Excel.

Landscape A4 with the Decree 30 header and signature block (the report engine's pieces), the
table's header row repeated on every page, a total row per area and one for the index.
Which areas: those where the agency scores a criterion (a lead department's proposal);
every area for a consolidator or when the agency scores none.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..durable import fsync_dir
from ..errors import InvalidInputError, NotFoundError
from ..model import Evidence, IndexKind
from ..report.content import evidence_text
from ..report.wording import (
    agency_lines, cite_date, date_line, document_number, document_symbol, recipient_lines, signature_lines, upper,
)
from ..text import format_decimal, nfc
from . import service
from .model import Assessment, CriterionAssessment, LinkedDocument, Total

FORMATS = (".pdf", ".docx", ".xlsx")
HEADER = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá",
          "Tài liệu kiểm chứng (số, ngày, cơ quan ban hành; vị trí)", "Giải trình"]
COLUMNS_MM = [16, 78, 18, 20, 70, 50]


@dataclass
class SheetRow:
    kind: str  # "annex" (a heading when several annexes), "area", "criterion", "parent" (has sub-criteria), "area_total", "total"
    code: str
    title: str
    max_score: str
    self_score: str
    documents: list[str] = field(default_factory=list)
    explanation: str = ""


@dataclass
class SheetContent:
    governing_body: str
    agency: list[str]
    number_line: str
    date_line: str
    title: list[str]
    subtitle: str
    rows: list[SheetRow]
    recipients: list[str]
    signature: list[str]
    signer_name: str
    agency_name: str
    total: Total

    @property
    def abstract(self) -> str:  # the PDF's metadata
        return " ".join(self.title)


def build_sheet(ws, plan_id: int | None = None, today: dt.date | None = None) -> SheetContent:
    profile = ws.profile()
    if profile is None:
        raise InvalidInputError("Chưa khai báo thông tin cơ quan, đơn vị (tên, địa danh, người ký): hãy khai báo trước.")
    assessment = service.load(ws, index_kind=IndexKind.PAR_INDEX.value, plan_id=plan_id)
    if not assessment.areas:
        raise NotFoundError(f"Kế hoạch {assessment.plan['number']} không có tiêu chí PAR INDEX nào có điểm tối đa "
                            "để tự chấm điểm.")
    today = today or dt.date.today()
    year = assessment.plan.get("year") or today.year
    areas = _areas_shown(assessment)
    rows = _rows(assessment, areas)
    total = _sum_total(areas)
    rows.append(SheetRow("total", "", "TỔNG SỐ ĐIỂM" + _left_out(total), _score(total.max), _score(total.self)))
    plan = assessment.plan
    plan_ref = f"Kế hoạch số {plan['number']}"
    if plan.get("date"):
        plan_ref += f" ngày {cite_date(dt.date.fromisoformat(plan['date']))}"
    if plan.get("issuer"):
        plan_ref += f" của {plan['issuer']}"
    scope = "các lĩnh vực, tiêu chí do " + profile.name + " chủ trì" if len(areas) < len(assessment.areas) else (
        "toàn bộ các lĩnh vực")
    return SheetContent(
        governing_body=upper(profile.governing_body), agency=agency_lines(profile),
        number_line=document_number("", document_symbol(profile)), date_line=date_line(profile.place, None, today.year),
        title=["BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
               f"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) NĂM {year}"],
        subtitle=f"({scope}; theo {plan_ref})",
        rows=rows, recipients=recipient_lines([], has_addressees=False), signature=signature_lines(profile),
        signer_name=nfc(profile.signer_name).strip(), agency_name=profile.name, total=total,
    )


def _areas_shown(assessment: Assessment) -> list[Total]:
    mine = {c.area_id for c in assessment.criteria if c.may_score}
    return [a for a in assessment.areas if a.id in mine] or list(assessment.areas)


def _sum_total(areas: list[Total]) -> Total:
    def summed(name):
        values = [getattr(a, name) for a in areas if getattr(a, name) is not None]
        return sum(values) if values else None

    return Total(code="", title="Tổng số", index_kind=IndexKind.PAR_INDEX.value, index_name="",
                 max=summed("max"), self=summed("self"), prior=summed("prior"), target=summed("target"),
                 not_applicable_max=sum(a.not_applicable_max for a in areas))


def _left_out(total: Total) -> str:
    """The maxima of criteria "không áp dụng", left out of the total's maximum (said, not hidden)."""
    if not total.not_applicable_max:
        return ""
    return f" (không tính {_score(total.not_applicable_max)} điểm tối đa của tiêu chí không áp dụng)"


def _score(value: float | None) -> str:
    return format_decimal(value, 4) if value is not None else ""


def _rows(assessment: Assessment, areas: list[Total]) -> list[SheetRow]:
    rows = []
    several = len({area.index_name for area in areas}) > 1  # Bắc Kạn: two annexes of the one index
    annex = None
    for area in areas:
        if several and area.index_name != annex:
            annex = area.index_name
            rows.append(SheetRow("annex", "", annex, "", ""))
        members = [c for c in assessment.criteria if c.area_id == area.id]
        for item in members:
            if item.id == area.id:
                rows.append(SheetRow("area", item.code, upper(item.title), _score(area.max), _score(area.self)))
                continue
            rows.append(_criterion_row(item))
        label = f"Cộng lĩnh vực {area.code}" if area.code else f"Cộng lĩnh vực “{area.title}”"
        rows.append(SheetRow("area_total", "", label + _left_out(area), _score(area.max), _score(area.self)))
    return rows


def _criterion_row(item: CriterionAssessment) -> SheetRow:
    if not item.is_leaf:
        return SheetRow("parent", item.code, item.title, _score(item.max_score), _score(item.subtotal))
    if not item.scorable:
        shown = "Điều tra XHH" if "điều tra" in item.reason_not_scorable else ""
        return SheetRow("criterion", item.code, item.title, _score(item.max_score), shown,
                        explanation=item.reason_not_scorable)
    explanation = item.explanation
    if item.not_applicable:
        explanation = f"Không áp dụng: {item.not_applicable_reason}" + (f". {explanation}" if explanation else "")
    return SheetRow("criterion", item.code, item.title, _score(item.max_score),
                    "Không áp dụng" if item.not_applicable else _score(item.self_score),
                    [_document(doc) for doc in item.evidence], explanation)


def _document(doc: LinkedDocument) -> str:
    text = evidence_text(Evidence(task_id=0, number=doc.number, date=doc.date, issuer=doc.issuer,
                                  abstract=doc.abstract, file_name=doc.file_name))
    if doc.location:
        text += f" ({doc.location})"
    return text + (" — thiếu tệp" if doc.missing else "")


# --- writing -------------------------------------------------------------------------------------

def output_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InvalidInputError(f"Tệp “{path.name}”: bảng tự đánh giá chỉ lưu được dạng .pdf, .docx hoặc .xlsx.")
    return suffix


def render(content: SheetContent, suffix: str) -> bytes:
    if suffix == ".pdf":
        from .sheet_pdf import render_pdf

        return render_pdf(content)
    if suffix == ".docx":
        from .sheet_docx import render_docx

        return render_docx(content)
    return render_xlsx(content)


def write_sheet(ws, path: Path, plan_id: int | None = None, today: dt.date | None = None) -> Path:
    """Build the sheet and write it next to its target first, then move it in place."""
    path = Path(path)
    suffix = output_format(path)
    if not path.parent.is_dir():
        raise NotFoundError(f"Không có thư mục “{path.parent}” để lưu “{path.name}”.")
    data = render(build_sheet(ws, plan_id, today), suffix)
    handle, temporary = tempfile.mkstemp(prefix=".kehoach-", suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
        fsync_dir(path.parent)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, PermissionError):
            raise InvalidInputError(f"Không ghi được “{path}”: tệp đang mở ở chương trình khác hoặc không có quyền ghi.") from None
        raise
    return path


def render_xlsx(content: SheetContent) -> bytes:
    """The same table in a workbook: numbers as numbers, the header row printed on every page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    sheet.title = "Tự chấm điểm"
    bold = Font(name="Times New Roman", bold=True, size=12)
    plain = Font(name="Times New Roman", size=12)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    for line in content.title:
        sheet.append([line])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=len(HEADER))
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.cell(sheet.max_row, 1).alignment = Alignment(horizontal="center")
    sheet.append([content.subtitle])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=len(HEADER))
    sheet.cell(sheet.max_row, 1).alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.append(HEADER)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font, cell.border = bold, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in content.rows:
        values = [row.code, row.title, _cell_number(row.max_score), _cell_number(row.self_score),
                  "\n".join(row.documents), row.explanation]
        sheet.append(values)
        strong = row.kind in ("annex", "area", "area_total", "total")
        for cell in sheet[sheet.max_row]:
            cell.font, cell.border, cell.alignment = (bold if strong else plain), border, wrap
    for letter, width in zip("ABCDEF", (8, 60, 12, 14, 55, 45)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell_number(text: str):
    """A score as a number in the workbook; words ("Điều tra XHH", "Không áp dụng") as written."""
    try:
        return float(text.replace(",", ".")) if text else None
    except ValueError:
        return text
