"""Data folders of N tasks for the scale benchmarks, written through the import service.

The annex is built as the parser's own result (no spreadsheet to write and read back), then
applied with `importing.apply_annex` like any import; a third of the tasks get progress and
one evidence record. Fast: 20,000 tasks in a few seconds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach_desktop.db import store, transaction
from kehoach_desktop.importer.annex import ParsedAnnex, ParsedCriterion, ParsedIndex, ParsedTask
from kehoach_desktop.importing import apply_annex
from kehoach_desktop.model import AgencyKind, AgencyProfile, IndexKind
from kehoach_desktop.workspace import Workspace

PROFILE = AgencyProfile("UBND xã Hòa An", AgencyKind.XA, governing_body="UBND tỉnh Thử Nghiệm")
LEADS = ["Sở Nội vụ", "Các sở, ban, ngành, UBND cấp xã", "UBND cấp xã", "Văn phòng UBND tỉnh; Sở Tư pháp"]
DEADLINES = ["31/12/2025", "Trong năm 2025", "Quý II và Quý III", "Thường xuyên", "Trước ngày 20/3/2025"]
WORDS = ["tuyên truyền", "kiểm tra", "đôn đốc", "số hóa hồ sơ", "đào tạo", "khảo sát", "đánh giá", "công khai"]
SIZES = (300, 2000, 20000)


def make_annex(tasks: int) -> ParsedAnnex:
    annex = ParsedAnnex(file_name="scale.xlsx", plan_number="999/KH-UBND", plan_date=dt.date(2025, 1, 10),
                        plan_issuer="UBND tỉnh Thử Nghiệm", plan_year=2025, plan_title="Kế hoạch thử nghiệm")
    per_index = tasks // 3 + 1
    written = 0
    for kind in (IndexKind.PAR_INDEX, IndexKind.SIPAS, IndexKind.PAPI):
        index = ParsedIndex(kind=kind, name=f"Chỉ số {kind.value}", sheet=f"Phụ lục {kind.value}")
        area = 0
        count = 0
        while count < per_index and written < tasks:
            area += 1
            index.criteria.append(ParsedCriterion(code=str(area), title=f"LĨNH VỰC THỬ NGHIỆM SỐ {area}", is_area=True))
            for criterion in range(1, 11):
                code = f"{area}.{criterion}"
                index.criteria.append(ParsedCriterion(code=code, title=f"Tiêu chí {code} về cải cách hành chính",
                                                      max_score=1.0))
                for _ in range(2):  # two tasks per criterion
                    if count >= per_index or written >= tasks:
                        break
                    word = WORDS[written % len(WORDS)]
                    index.tasks.append(ParsedTask(
                        criterion_key=code, sheet=index.sheet, row=written + 5,
                        content=f"Nhiệm vụ {written}: {word}, tổ chức thực hiện các nội dung của tiêu chí {code}",
                        deadline_text=DEADLINES[written % 5], lead=LEADS[written % 4],
                        cooperating="Các cơ quan, đơn vị, địa phương"))
                    written += 1
                    count += 1
        annex.indices.append(index)
    return annex


def make_folder(folder: Path, tasks: int) -> Path:
    """A data folder holding a plan of `tasks` tasks; returns the folder."""
    with Workspace(folder) as workspace:
        workspace.save_profile(PROFILE)
        apply_annex(workspace.db, make_annex(tasks), "scale.xlsx")
        now = dt.datetime.now().isoformat(timespec="seconds")
        ids = [row["id"] for row in workspace.db.query("SELECT id FROM task ORDER BY id")]
        with transaction(workspace.db):
            for n, task_id in enumerate(ids[::3]):
                store.insert_progress(workspace.db, task_id, {
                    "status": "đang thực hiện" if n % 2 else "hoàn thành", "percent": 50 if n % 2 else 100,
                    "result": "Đã ban hành văn bản triển khai", "completed_on": None if n % 2 else "2025-06-10",
                    "score": None, "difficulties": "", "proposals": "", "updated_at": now})
                store.insert_evidence(workspace.db, {
                    "task_id": task_id, "number": f"{n + 1}/QĐ-UBND", "date": "2025-03-10",
                    "issuer": "UBND xã Hòa An", "abstract": "Quyết định ban hành kế hoạch", "added_at": now})
    return folder
