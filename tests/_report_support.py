"""Shared by the report tests: a commune with recorded progress and evidence, and PDF read-back helpers."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from kehoach_desktop.model import AgencyKind, AgencyProfile, Authority, Evidence, Status
from kehoach_desktop.report.periods import ReportPeriod

REPORT_PROFILE = AgencyProfile(
    name="UBND xã Hòa An", kind=AgencyKind.XA, governing_body="UBND tỉnh Cao Bằng", place="Hòa An",
    symbol="UBND", signer_name="Nông Văn Bình", signer_title="Phó Chủ tịch", authority=Authority.TM,
)
# The sample plan was issued on 12/7/2025: its first report is the 9-month one (issue 13 refuses
# a period that ended before the plan).
PERIOD = ReportPeriod.of("q3", 2025)
SIGNED = dt.date(2025, 10, 6)
TODAY = dt.date(2025, 10, 6)


@dataclass
class Recorded:
    """What the fixture recorded, to compare the report's figures against."""

    on_time: list[int]
    finished_after: list[int]  # done after the period's end: still in progress at its end
    in_progress: list[int]
    evidence_numbers: dict[int, str]


def record_progress(workspace) -> Recorded:
    """Progress on the commune's first tasks: done on time, done late, in progress; evidence on some."""
    workspace.save_profile(REPORT_PROFILE)
    mine = [row for row in workspace.tasks(mine_only=True) if row.due_date is not None]
    recorded = Recorded([], [], [], {})
    for n, row in enumerate(mine[:9]):
        progress = workspace.progress(row.id)
        if n % 3 == 0:
            progress.status, progress.percent = Status.DONE, 100
            progress.completed_on = min(row.due_date, dt.date(2025, 9, 20))
            progress.result = f"Đã hoàn thành nhiệm vụ thứ {n + 1}, đạt yêu cầu đề ra"
            recorded.on_time.append(row.id)
        elif n % 3 == 1:
            progress.status, progress.percent = Status.IN_PROGRESS, 40
            progress.result = "Đang triển khai, đạt khoảng 40% khối lượng"
            progress.difficulties = f"Thiếu kinh phí thực hiện nhiệm vụ {n + 1}"
            progress.proposals = "Đề nghị Sở Nội vụ hướng dẫn nghiệp vụ"
            recorded.in_progress.append(row.id)
        else:
            progress.status, progress.percent = Status.DONE, 100
            progress.completed_on = dt.date(2025, 11, 25)  # after the period's end
            progress.result = "Hoàn thành sau khi điều chỉnh nhân sự"
            recorded.finished_after.append(row.id)
        evidence = []
        if n % 3 != 1:
            number = f"{n + 11:02d}/QĐ-UBND"
            evidence.append((Evidence(task_id=row.id, number=number, date=dt.date(2025, 8, n + 2),
                                      issuer="UBND xã Hòa An", abstract="Quyết định ban hành kế hoạch"), None))
            recorded.evidence_numbers[row.id] = number
        workspace.save_progress(progress, evidence)
    return recorded


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u00a0", " ")


def pdf_text(reader) -> list[str]:
    return [nfc(page.extract_text()) for page in reader.pages]


def text_pieces(page) -> list[tuple[str, float, float, str, float]]:
    """(text, x, y, font name, size) of every text run on a page, in page coordinates."""
    pieces = []

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        a, b, _, _, e, f = tm
        A, B, C, D, E, F = cm
        x = e * A + f * C + E
        y = e * B + f * D + F
        scale = (a * A + b * C) or 1
        name = str(font.get("/BaseFont", "")) if font else ""
        pieces.append((nfc(text), x, y, name, size * abs(scale)))

    page.extract_text(visitor_text=visit)
    return pieces
