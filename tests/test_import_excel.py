"""Importing Excel annexes: the Cao Bằng sample, re-imports, revised annexes, refusals, odd layouts."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kehoach_desktop.errors import ImportRefusedError
from kehoach_desktop.importing import read_annex
from kehoach_desktop.model import Evidence, Progress, Role, Status

from _support import build_workbook, copy_sample, delete_row_keeping_merges, find_row, snapshot, table_counts

SEED = Path("/work/shared/seeds/000_62b1a5ed94e22152.txt")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    if not SEED.exists():
        pytest.skip("seed plans not available")
    lines = SEED.read_text(encoding="utf-8").split("\n")[651:1940]  # the two annexes, lines 652–1940
    return [_norm(line) for line in lines]


# --- the sample workbook ----------------------------------------------------------------------------


def test_sample_plan_and_indices(imported_workspace):
    ws = imported_workspace
    [plan] = ws.plans()
    assert plan["number"] == "2163/KH-UBND"
    assert plan["date"] == "2025-07-12"
    assert plan["year"] == 2025
    assert "Cao Bằng" in plan["issuer"]
    indices = list(ws.db.query("SELECT kind, name FROM plan_index ORDER BY position"))
    assert [i["kind"] for i in indices] == ["PAR INDEX", "PAPI"]
    counts = {}
    for row in ws.tasks():
        counts[row.index_kind] = counts.get(row.index_kind, 0) + 1
    assert counts == {"PAR INDEX": 58, "PAPI": 36}
    assert len(ws.tasks()) == 94


def test_sample_preview_matches_the_import(workspace, sample_xlsx):
    preview = workspace.preview_import(sample_xlsx)
    assert table_counts(workspace.db)["task"] == 0  # a preview writes nothing
    assert preview.plan["number"] == "2163/KH-UBND" and preview.plan["date"] == "2025-07-12"
    assert [i["kind"] for i in preview.indices] == ["PAR INDEX", "PAPI"]
    assert [i["tasks"] for i in preview.indices] == [58, 36]
    assert preview.tasks == 94 and preview.warnings == []
    workspace.import_annex(sample_xlsx)
    mine = [row.role.value for row in workspace.tasks(mine_only=True)]
    assert preview.mine == {role.value: mine.count(role.value) for role in Role}


def test_sample_criteria_tree_matches_the_published_plan(imported_workspace, seed_lines):
    ws = imported_workspace
    criteria = list(ws.db.query("SELECT * FROM criterion ORDER BY index_id, position"))
    by_id = {c["id"]: c for c in criteria}
    seed_set = set(seed_lines)
    for criterion in criteria:
        title = _norm(criterion["title"])
        assert title in seed_set, f"criterion {criterion['code']} “{title}” is not in the published plan"
        if criterion["code"]:
            # In the flattened plan, the code is the line just before the title.
            positions = [i for i, line in enumerate(seed_lines) if line == title]
            assert any([line for line in seed_lines[:i] if line][-1] == criterion["code"] for i in positions)
    by_code = {(c["index_id"], c["code"]): c for c in criteria}
    par, papi = sorted({c["index_id"] for c in criteria})

    def title(index_id, code):
        return by_code[(index_id, code)]["title"]

    def parent_code(index_id, code):
        return by_id[by_code[(index_id, code)]["parent_id"]]["code"]

    assert title(par, "1") == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    assert title(par, "2.4.1").startswith("Tính đồng bộ, thống nhất của các VBQPPL")
    assert title(par, "8.1") == "Kết quả Chỉ số hài lòng (SIPAS)"
    assert parent_code(par, "2.4.1") == "2.4" and parent_code(par, "2.4") == "2"
    assert by_code[(par, "2")]["parent_id"] is None
    assert title(papi, "1.1") == "Tri thức công dân"
    assert title(papi, "6.4") == "Anh ninh, trật tự khu dân cư"  # sic, as published
    assert parent_code(papi, "6.4") == "6"
    areas = [c["code"] for c in criteria if c["index_id"] == papi and c["parent_id"] is None]
    assert areas == [str(n) for n in range(1, 9)]
    # PAPI area 7 has a criterion without a number; it still belongs to area 7.
    [unnumbered] = [c for c in criteria if c["index_id"] == papi and c["code"] == ""]
    assert unnumbered["title"].startswith("Nghiêm túc bảo vệ môi trường")
    assert by_id[unnumbered["parent_id"]]["code"] == "7"


def test_sample_task_texts_are_the_published_ones(imported_workspace, seed_lines):
    seed_set = set(seed_lines)
    for row in imported_workspace.tasks():
        for line in row.content.split("\n"):
            assert _norm(line) in seed_set, f"task {row.id}: “{line[:60]}” is not in the published plan"


def _task(ws, index_kind, code, content_start=""):
    rows = [r for r in ws.tasks() if r.index_kind == index_kind and r.code == code and r.content.startswith(content_start)]
    assert rows, (index_kind, code, content_start)
    return rows[0]


def test_sample_roles_for_a_commune(imported_workspace):
    ws = imported_workspace
    papi_11 = _task(ws, "PAPI", "1.1")
    assert papi_11.criterion == "Tri thức công dân"
    assert papi_11.role == Role.LEAD and "trong cột Chủ trì" in papi_11.role_reason
    assert papi_11.lead == ["UBND cấp xã"] and papi_11.cooperating == ["Sở Nội vụ"]
    par_12 = _task(ws, "PAR INDEX", "1.2")
    assert par_12.role == Role.COOPERATING and "trong cột Phối hợp" in par_12.role_reason
    assert _task(ws, "PAR INDEX", "1.4").role == Role.COOPERATING
    assert _task(ws, "PAR INDEX", "1.1").conditional  # "… được giao theo kế hoạch số 3662/KH-UBND"
    assert _task(ws, "PAPI", "6.4").role is None  # "Công an cấp xã" leads, not the commune
    assert _task(ws, "PAPI", "6.1", "Tiếp tục đẩy mạnh").role is None  # Sở Y tế / Sở Nội vụ
    # Merged cells: PAR 2.2 continues "Sở Tư pháp" / "Các sở, ban, ngành, UBND cấp xã" from 2.1.
    par_22 = _task(ws, "PAR INDEX", "2.2")
    assert par_22.lead == ["Sở Tư pháp"] and par_22.role == Role.COOPERATING
    assert par_22.area_code == "2" and par_22.area_title == "CẢI CÁCH THỂ CHẾ"


def test_sample_deadlines(imported_workspace):
    ws = imported_workspace
    assert _task(ws, "PAR INDEX", "1.1").due_date == dt.date(2025, 12, 31)
    assert _task(ws, "PAR INDEX", "7.3.3").deadline_text == "Trong năm\n2025"
    assert _task(ws, "PAR INDEX", "7.3.3").due_date == dt.date(2025, 12, 31)
    papi_13 = _task(ws, "PAPI", "1.3")
    assert papi_13.deadline_text == "Trước, trong bầu cử" and papi_13.due_date is None
    assert _task(ws, "PAPI", "2.1").recurring  # "Thường xuyên"


def test_importing_twice_changes_nothing(imported_workspace, sample_xlsx):
    ws = imported_workspace
    before = snapshot(ws.db)
    summary = ws.import_annex(sample_xlsx)
    assert summary.changes == {"added": 0, "updated": 0, "unchanged": 94, "removed": 0, "restored": 0}
    assert snapshot(ws.db) == before


# --- a revised annex ---------------------------------------------------------------------------------


def _revise(sample: Path, target: Path, *, delete: tuple[str, str], reword: tuple[str, str, str]) -> Path:
    """Copy the sample; delete the row of one criterion code; change the task text of another."""
    copy_sample(sample, target)
    workbook = openpyxl.load_workbook(target)
    sheet_name, code, new_text = reword
    sheet = workbook[sheet_name]
    sheet.cell(find_row(sheet, 1, code, start=5), 3).value = new_text
    sheet_name, code = delete
    sheet = workbook[sheet_name]
    delete_row_keeping_merges(sheet, find_row(sheet, 1, code, start=5))
    workbook.save(target)
    return target


def test_revised_annex_keeps_progress_and_marks_removed_tasks(imported_workspace, sample_xlsx, tmp_path):
    ws = imported_workspace
    kept = _task(ws, "PAPI", "1.1")
    dropped = _task(ws, "PAR INDEX", "1.6")
    reworded = _task(ws, "PAR INDEX", "1.3")
    for task in (kept, dropped):
        ws.save_progress(
            Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=40, result=f"Kết quả {task.code}"),
            [(Evidence(task_id=task.id, number=f"{task.id}/BC-UBND", abstract="Báo cáo"), None)],
        )
    revised = _revise(sample_xlsx, tmp_path / "2163-sua-doi.xlsx",
                      delete=("Phụ lục 1", "1.6"),
                      reword=("Phụ lục 1", "1.3", "Kiểm tra 100% cơ quan, đơn vị theo kế hoạch"))
    tasks_before = {row.id: row for row in ws.tasks()}

    summary = ws.import_annex(revised)

    rows = {row.id: row for row in ws.tasks()}
    # Nothing is deleted: every task id still exists.
    assert set(tasks_before) <= set(rows)
    # The unchanged task keeps its id, progress and evidence.
    assert rows[kept.id].removed is False
    assert ws.progress(kept.id).percent == 40 and ws.progress(kept.id).result == "Kết quả 1.1"
    assert [e.number for e in ws.evidence_list(kept.id)] == [f"{kept.id}/BC-UBND"]
    # The task whose row disappeared is marked removed, with its progress and evidence kept.
    assert rows[dropped.id].removed is True
    assert ws.progress(dropped.id).status == Status.IN_PROGRESS
    assert len(ws.evidence_list(dropped.id)) == 1
    # The reworded task is active under its new text; the old text is no longer active.
    active = [row for row in rows.values() if not row.removed]
    assert [r.code for r in active if r.content == "Kiểm tra 100% cơ quan, đơn vị theo kế hoạch"] == ["1.3"]
    assert reworded.content not in {r.content for r in active}
    assert len(active) == 93
    # Every other task is untouched.
    untouched = set(tasks_before) - {dropped.id, reworded.id}
    assert all(not rows[i].removed and rows[i].content == tasks_before[i].content for i in untouched)
    assert summary.changes["removed"] >= 1 and summary.changes["added"] <= 1
    assert ws.counts().total == 93

    # Importing the original again brings the removed task back, progress intact.
    again = ws.import_annex(sample_xlsx)
    assert again.changes["restored"] >= 1
    assert ws.task(dropped.id).removed is False
    assert ws.progress(dropped.id).result == "Kết quả 1.6"


# --- refusals ----------------------------------------------------------------------------------------


def _txt_renamed(folder: Path) -> Path:
    path = folder / "phu-luc.xlsx"
    path.write_text("STT\tNhiệm vụ\tThời gian\tĐơn vị chủ trì\n1\tTuyên truyền\tQuý IV\tUBND cấp xã\n", encoding="utf-8")
    return path


def _zip_without_workbook(folder: Path) -> Path:
    path = folder / "nen.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "không phải sổ Excel")
    return path


def _ole(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 4096)
    return path


def _no_header(folder: Path) -> Path:
    return build_workbook(folder / "khong-co-tieu-de.xlsx", {"Sheet1": [
        ["Danh sách cán bộ"],
        ["Họ tên", "Chức vụ", "Ghi chú"],
        ["Nguyễn Văn A", "Chủ tịch", ""],
    ]})


def _missing(folder: Path) -> Path:
    return folder / "khong-ton-tai.xlsx"


@pytest.mark.parametrize("make, words", [
    (_txt_renamed, "không phải"),
    (_zip_without_workbook, "không phải"),
    (lambda folder: _ole(folder, "cu.xls"), ".xls"),
    (lambda folder: _ole(folder, "mat-khau.xlsx"), "mật khẩu"),
    (_no_header, "không tìm thấy bảng"),
    (_missing, "Không tìm thấy"),
], ids=["txt-renamed", "zip-without-workbook", "xls", "ole-named-xlsx", "no-header", "missing"])
def test_unusable_files_are_refused_and_nothing_is_written(imported_workspace, tmp_path, make, words):
    ws = imported_workspace
    bad = make(tmp_path)
    before = snapshot(ws.db)
    for action in (ws.preview_import, ws.import_annex):
        with pytest.raises(ImportRefusedError) as refused:
            action(bad)
        message = str(refused.value)
        assert bad.name in message
        assert words.lower() in message.lower()
        assert "Tệp" in message or "tệp" in message  # Vietnamese, for the user
    assert snapshot(ws.db) == before


# --- synthetic layouts ---------------------------------------------------------------------------------

TITLE = [
    ["ỦY BAN NHÂN DÂN TỈNH CAO BẰNG"],
    ["PHỤ LỤC 2"],
    ["PHÂN CÔNG THỰC HIỆN KẾ HOẠCH CẢI THIỆN CHỈ SỐ PAPI NĂM 2025"],
    ["(Kèm theo Kế hoạch số 15/KH-UBND ngày 03/02/2025 của UBND tỉnh Cao Bằng)"],
    [],
]


def _tasks(annex):
    return [task for index in annex.indices for task in index.tasks]


def test_header_in_any_column_order_case_and_diacritics(tmp_path):
    path = build_workbook(tmp_path / "dao-cot.xlsx", {"PAPI": TITLE + [
        ["Đơn vị phối hợp", "THỜI GIAN THỰC HIỆN", "nhiệm vụ", "stt", "Nội dung", "đơn vị CHỦ TRÌ"],
        [None, None, None, "1", "Tham gia của người dân", None],
        ["Sở Nội vụ", "Quý II", "Tuyên truyền bầu cử", "1.1", "Tri thức công dân", "UBND cấp xã"],
        ["Sở Tư pháp", "31/12/2025", "Phổ biến pháp luật", "1.2", "Cơ hội tham gia", "Các sở, ban, ngành"],
    ]})
    annex = read_annex(path)
    assert (annex.plan_number, annex.plan_date, annex.plan_year) == ("15/KH-UBND", dt.date(2025, 2, 3), 2025)
    [index] = annex.indices
    assert index.kind.value == "PAPI"
    assert [(c.code, c.title) for c in index.criteria] == [
        ("1", "Tham gia của người dân"), ("1.1", "Tri thức công dân"), ("1.2", "Cơ hội tham gia")]
    first, second = index.tasks
    assert (first.criterion_key, first.content, first.deadline_text, first.lead, first.cooperating) == (
        "1.1", "Tuyên truyền bầu cử", "Quý II", "UBND cấp xã", "Sở Nội vụ")
    assert (second.criterion_key, second.lead, second.cooperating) == ("1.2", "Các sở, ban, ngành", "Sở Tư pháp")
    assert first.row == len(TITLE) + 3  # the row number the user sees in Excel


def test_unaccented_header_words(tmp_path):
    path = build_workbook(tmp_path / "khong-dau.xlsx", {"Sheet1": TITLE + [
        ["TT", "Tieu chi", "Nhiem vu", "Thoi gian thuc hien", "Don vi chu tri", "Don vi phoi hop"],
        ["1.1", "Tri thức công dân", "Tuyên truyền", "Quý IV", "UBND cấp xã", "Sở Nội vụ"],
    ]})
    [task] = _tasks(read_annex(path))
    assert (task.content, task.deadline_text, task.lead, task.cooperating) == (
        "Tuyên truyền", "Quý IV", "UBND cấp xã", "Sở Nội vụ")


def test_header_repeated_after_a_page_break_is_not_a_task(tmp_path):
    header = ["STT", "Nội dung", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp"]
    path = build_workbook(tmp_path / "lap-tieu-de.xlsx", {"PAPI": TITLE + [
        header,
        ["1", "Tham gia của người dân", None, None, None, None],
        ["1.1", "Tri thức công dân", "Việc trước trang", "Quý II", "UBND cấp xã", "Sở Nội vụ"],
        header,
        ["1.2", "Cơ hội tham gia", "Việc sau trang", "Quý III", "UBND cấp xã", None],
    ]})
    annex = read_annex(path)
    assert len(annex.indices) == 1
    assert [t.content for t in _tasks(annex)] == ["Việc trước trang", "Việc sau trang"]
    assert [c.code for c in annex.indices[0].criteria] == ["1", "1.1", "1.2"]


def test_two_row_header_repeated_after_a_page_break(tmp_path):
    top = ["STT", "Nội dung", "Nhiệm vụ năm 2025", "Thời gian hoàn thành", "Phân công nhiệm vụ", None]
    sub = [None, None, None, None, "Đơn vị chủ trì", "Đơn vị phối hợp"]
    header_merges = ["A{0}:A{1}", "B{0}:B{1}", "C{0}:C{1}", "D{0}:D{1}", "E{0}:F{0}"]
    first, again = len(TITLE) + 1, len(TITLE) + 5
    path = build_workbook(
        tmp_path / "tieu-de-hai-dong.xlsx",
        {"PAPI": TITLE + [
            top, sub,
            ["1.1", "Tri thức công dân", "Việc một", "Quý II", "UBND cấp xã", "Sở Nội vụ"],
            ["1.2", "Cơ hội tham gia", "Việc hai", "Quý III", "Sở Tư pháp", "UBND cấp xã"],
            top, sub,
            ["1.3", "Chất lượng bầu cử", "Việc ba", "Quý IV", "UBND cấp xã", None],
        ]},
        merges={"PAPI": [m.format(first, first + 1) for m in header_merges]
                + [m.format(again, again + 1) for m in header_merges]},
    )
    tasks = _tasks(read_annex(path))
    assert [(t.content, t.lead, t.cooperating) for t in tasks] == [
        ("Việc một", "UBND cấp xã", "Sở Nội vụ"),
        ("Việc hai", "Sở Tư pháp", "UBND cấp xã"),
        ("Việc ba", "UBND cấp xã", ""),
    ]


def test_merged_cells_continue_the_value_above(tmp_path):
    start = len(TITLE) + 2
    path = build_workbook(
        tmp_path / "gop-o.xlsx",
        {"PAPI": TITLE + [
            ["STT", "Nội dung", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp"],
            ["1.1", "Tri thức công dân", "Việc một", "Thường xuyên", "UBND cấp xã", "Sở Tư pháp"],
            [None, None, "Việc hai", None, None, None],
            ["1.2", "Cơ hội tham gia", "Việc ba", None, None, None],
            ["1.3", "Chất lượng bầu cử", "Việc bốn", "Quý IV", "Sở Nội vụ", None],
        ]},
        merges={"PAPI": [f"A{start}:A{start + 1}", f"B{start}:B{start + 1}",
                         f"D{start}:D{start + 2}", f"E{start}:E{start + 2}", f"F{start}:F{start + 2}"]},
    )
    annex = read_annex(path)
    tasks = _tasks(annex)
    assert [(t.criterion_key, t.content, t.deadline_text, t.lead, t.cooperating) for t in tasks] == [
        ("1.1", "Việc một", "Thường xuyên", "UBND cấp xã", "Sở Tư pháp"),
        ("1.1", "Việc hai", "Thường xuyên", "UBND cấp xã", "Sở Tư pháp"),
        ("1.2", "Việc ba", "Thường xuyên", "UBND cấp xã", "Sở Tư pháp"),
        ("1.3", "Việc bốn", "Quý IV", "Sở Nội vụ", ""),
    ]
    assert [c.code for c in annex.indices[0].criteria] == ["1.1", "1.2", "1.3"]  # no duplicate 1.1


def test_column_number_row_under_the_header_is_skipped(tmp_path):
    path = build_workbook(tmp_path / "so-cot.xlsx", {"PAPI": TITLE + [
        ["STT", "Nội dung", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["1", "Tham gia của người dân", None, None, None, None],
        ["1.1", "Tri thức công dân", "Tuyên truyền", "Quý IV", "UBND cấp xã", "Sở Nội vụ"],
    ]})
    annex = read_annex(path)
    assert [t.content for t in _tasks(annex)] == ["Tuyên truyền"]
    assert [c.code for c in annex.indices[0].criteria] == ["1", "1.1"]
    assert annex.warnings == []


def test_plain_column_numbers_row_is_skipped_too(tmp_path):
    path = build_workbook(tmp_path / "so-cot-2.xlsx", {"PAPI": TITLE + [
        ["STT", "Nội dung", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp"],
        [1, 2, 3, 4, 5, 6],
        ["1.1", "Tri thức công dân", "Tuyên truyền", "Quý IV", "UBND cấp xã", "Sở Nội vụ"],
    ]})
    annex = read_annex(path)
    assert [t.content for t in _tasks(annex)] == ["Tuyên truyền"]
    assert [c.code for c in annex.indices[0].criteria] == ["1.1"]


def test_task_without_any_agency_is_imported_with_a_warning(tmp_path):
    path = build_workbook(tmp_path / "thieu-don-vi.xlsx", {"PAPI": TITLE + [
        ["STT", "Nội dung", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp"],
        ["1.1", "Tri thức công dân", "Tuyên truyền", "Quý IV", None, None],
    ]})
    annex = read_annex(path)
    assert len(_tasks(annex)) == 1
    [warning] = annex.warnings
    assert warning.row == len(TITLE) + 2 and "chủ trì" in warning.message


def test_score_column_gives_criteria_a_maximum(tmp_path):
    from _support import build_scored_annex

    annex = read_annex(build_scored_annex(tmp_path / "diem.xlsx"))
    scores = {c.code: c.max_score for c in annex.indices[0].criteria}
    assert scores == {"1": 9.5, "1.1": 1.5, "1.2": 2.0}


# --- issue 17: a large annex read in linear time ----------------------------------------------------


def test_an_annex_is_read_with_the_collector_held_off_and_it_is_back_after(tmp_path, monkeypatch):
    import gc

    from kehoach_desktop import importing

    seen = []
    real_parse = importing.parse_grids
    monkeypatch.setattr(importing, "parse_grids", lambda *args: (seen.append(gc.isenabled()), real_parse(*args))[1])
    rows = [["STT", "Nhiệm vụ", "Thời gian thực hiện", "Đơn vị chủ trì"], [1, "Rà soát văn bản", "Quý II", "Sở Tư pháp"]]
    read_annex(build_workbook(tmp_path / "a.xlsx", {"PL": rows}))
    with pytest.raises(ImportRefusedError):  # no task table: refused, and the collector is back all the same
        read_annex(build_workbook(tmp_path / "b.xlsx", {"PL": [["Tiêu đề"], ["chỉ có chữ"]]}))
    assert seen == [False, False] and gc.isenabled()


def test_the_cells_of_a_repeated_text_are_shared_within_a_read_and_not_kept_for_the_next(tmp_path):
    from kehoach_desktop.importer.excel import read_excel_grids

    rows = [["STT", "Nhiệm vụ", "Đơn vị chủ trì"]] + [[n, f"Nhiệm vụ {n}", "Sở Nội vụ"] for n in range(1, 40)]
    path = build_workbook(tmp_path / "a.xlsx", {"PL1": rows, "PL2": rows})
    first, second = read_excel_grids(path), read_excel_grids(path)
    leads = {id(grid.rows[r][2]) for grid in first for r in range(1, 40)}
    assert len(leads) == 1  # one Cell for the agency repeated over both sheets
    assert id(second[0].rows[1][2]) not in leads  # a new read makes its own (nothing kept across reads)
    assert [[cell.text for cell in row] for row in second[1].rows] == [[cell.text for cell in row] for row in first[1].rows]
