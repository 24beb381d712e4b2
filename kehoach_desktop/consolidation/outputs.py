"""What the consolidator writes besides the report: the matrix as an .xlsx, and one task
package (.khnv) per rostered agency, its tasks only, in one step."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from ..exchange.content import ProgressCallback
from ..exchange.workbook import put, sheet_title
from ..file_names import ascii_slug
from ..exchange.writer import ExportError, write_atomically
from ..model import AgencyKind, AgencyProfile, Status
from . import overview as views

def ascii_name(text: str) -> str:
    """"UBND xã Hòa Ân" → "UBND-xa-Hoa-An": a file name safe on any USB stick."""
    return ascii_slug(text) or "don-vi"


STATUS_WORDS = {Status.DONE.value: "Hoàn thành", Status.IN_PROGRESS.value: "Đang thực hiện",
                Status.NOT_STARTED.value: "Chưa thực hiện", Status.NOT_FEASIBLE.value: "Không thực hiện được"}


def matrix_workbook(snapshot: views.Snapshot) -> bytes:
    """One sheet per index: tasks as rows, agencies as columns, frozen headers, text never a formula."""
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    book.remove(book.active)
    by_index: dict[str, list] = {}
    for task in snapshot.tasks:
        by_index.setdefault(task.index_kind if task.index_kind != "Khác" else task.index_name, []).append(task)
    bold = Font(bold=True)
    for index, tasks in by_index.items():
        sheet = book.create_sheet(sheet_title(book, index))
        headers = ["Mã", "Nhiệm vụ", "Thời hạn", "Số đơn vị hoàn thành", "Số đơn vị được giao"]
        headers += [agency["name"] for agency in snapshot.agencies]
        for col, name in enumerate(headers, start=1):
            cell = sheet.cell(row=1, column=col)
            put(cell, name)
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row, task in enumerate(tasks, start=2):
            done, assigned = views.task_counts(snapshot, task)
            values = [task.code, task.content, task.due_date.strftime("%d/%m/%Y") if task.due_date else "", done,
                      assigned]
            for agency in snapshot.agencies:
                status = snapshot.status(agency["id"], task.id)
                overdue = snapshot.overdue_days(task, status)
                values.append("" if status is None else
                              f"Quá hạn {overdue} ngày" if overdue else STATUS_WORDS[status])
            for col, value in enumerate(values, start=1):
                put(sheet.cell(row=row, column=col), value)
        sheet.freeze_panes = "C2"
        sheet.column_dimensions["A"].width = 9
        sheet.column_dimensions["B"].width = 60
        for col in range(3, len(headers) + 1):
            sheet.column_dimensions[get_column_letter(col)].width = 16
        sheet.row_dimensions[1].height = 45
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(tasks) + 1}"
    if not book.worksheets:
        book.create_sheet("Ma trận")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_matrix(workspace, target: str | Path, snapshot: views.Snapshot | None = None) -> Path:
    target = Path(target)
    if target.suffix.lower() != ".xlsx":
        raise ExportError(f"Tên tệp “{target.name}” phải có đuôi .xlsx.")
    data = matrix_workbook(snapshot or views.load(workspace))

    def verify(path: Path) -> None:
        import openpyxl

        openpyxl.load_workbook(path, read_only=True).close()

    return write_atomically(target, lambda out: out.write(data), verify, expected_size=len(data)).path


@dataclass
class TaskPackages:
    written: list[dict] = field(default_factory=list)  # {"agency", "file", "tasks"}
    skipped: list[dict] = field(default_factory=list)  # {"agency", "reason"}

    def to_json(self) -> dict:
        return {"written": self.written, "skipped": self.skipped}


def write_task_packages(workspace, folder: str | Path, progress: ProgressCallback | None = None) -> TaskPackages:
    """One .khnv per rostered agency (its tasks only) into a folder or onto a stick."""
    from .roster import roster

    folder = Path(folder)
    if not folder.is_dir():
        raise ExportError(f"Không có thư mục “{folder}” để ghi các gói nhiệm vụ.")
    result = TaskPackages()
    agencies = roster(workspace)
    names: set[str] = set()
    for number, agency in enumerate(agencies, start=1):
        if progress:
            progress(number - 1, len(agencies), f"Đang ghi gói nhiệm vụ cho {agency['name']}")
        if not agency["tasks"]:
            result.skipped.append({"agency": agency["name"], "reason": "không được giao nhiệm vụ nào"})
            continue
        stem = f"NV-{ascii_name(agency['name'])[:60]}" + (f"-{ascii_name(agency['code'])}" if agency["code"] else "")
        while stem.casefold() in names:  # two names that only differ in diacritics
            stem += f"-{agency['id']}"
        names.add(stem.casefold())
        audience = AgencyProfile(name=agency["name"], kind=AgencyKind(agency["kind"]))
        written = workspace.export_package(folder / f"{stem}.khnv", audience=audience)
        result.written.append({"agency": agency["name"], "file": str(written.path), "tasks": written.tasks})
    if progress:
        progress(len(agencies), len(agencies), "Đã ghi xong")
    return result
