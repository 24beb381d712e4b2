"""Annexes laid out as other provinces lay them out (issue 14): expected tasks, roles for a
department, a commune and a district, and due dates; skipped rows; the plan's identity; the
column mapping on the command line and remembered per layout."""

from __future__ import annotations

import datetime as dt
import json

import docx
import openpyxl
import pytest

import _layout_support as layouts
from _support import build_workbook, run_cli, table_counts
from kehoach_desktop.deadlines import parse_deadline
from kehoach_desktop.errors import ImportRefusedError
from kehoach_desktop.importing import UnknownLayoutError, read_annex
from kehoach_desktop.matching import resolve_role
from kehoach_desktop.model import AgencyKind, AgencyProfile, Role

DEPARTMENT = AgencyProfile("Sở Tư pháp", AgencyKind.SO)
COMMUNE = AgencyProfile("UBND xã Tân Lập", AgencyKind.XA)
DISTRICT = AgencyProfile("UBND huyện Ba Bể", AgencyKind.HUYEN)
L, I, C, N = Role.LEAD, Role.IMPLEMENTING, Role.COOPERATING, None


def _tasks(annex):
    return [t for index in annex.indices for t in index.tasks]


def _task(annex, start):
    [task] = [t for t in _tasks(annex) if t.content.startswith(start)]
    return task


def _roles(task):
    return tuple(resolve_role(p, task.lead, task.implementing, task.cooperating).role for p in (DEPARTMENT, COMMUNE, DISTRICT))


def _due(task, year):
    return parse_deadline(task.deadline_text, year).due_date


# --- one agency column with the roles written inside ------------------------------------------------

ONE_COLUMN = [
    # task starts with, lead, cooperating, (department, commune, district), due date
    ("Đảm bảo đủ số lượng", "Sở Nội vụ", "Sở Tài chính, UBND cấp huyện", (N, N, C), dt.date(2023, 12, 31)),
    ("Tiếp tục đôn đốc", "Các sở, ban, ngành; UBND cấp huyện", "Sở Nội vụ", (L, N, L), dt.date(2023, 12, 31)),
    # "Thường xuyên": due at each report, the last at the year's end
    ("Tiếp tục nâng cao chất lượng", "Sở Tư pháp", "các sở, ban, ngành, UBND cấp xã", (L, C, N), dt.date(2023, 12, 31)),
    ("Nâng cao trách nhiệm", "UBND cấp xã", "Sở Nội vụ", (N, L, N), dt.date(2023, 11, 30)),
    ("Tăng cường công tác thanh tra", "Sở Nội vụ", "UBND cấp huyện, UBND cấp xã", (N, C, C), dt.date(2023, 10, 15)),
]


@pytest.fixture(scope="module")
def one_column(tmp_path_factory):
    return read_annex(layouts.one_agency_column_xlsx(tmp_path_factory.mktemp("a") / "bac-kan-mot-cot.xlsx"))


@pytest.mark.parametrize("start, lead, cooperating, roles, due", ONE_COLUMN, ids=[r[0] for r in ONE_COLUMN])
def test_roles_written_inside_one_agency_column(one_column, start, lead, cooperating, roles, due):
    task = _task(one_column, start)
    assert (task.lead, task.implementing, task.cooperating) == (lead, "", cooperating)
    assert _roles(task) == roles
    assert _due(task, one_column.plan_year) == due


def test_one_column_annex_counts_identity_and_notes(one_column):
    assert len(_tasks(one_column)) == 5
    assert (one_column.plan_number, one_column.plan_date) == ("365/KH-UBND", dt.date(2023, 6, 8))
    # The title speaks of 2022 and 2023: the plan's year is its date's.
    assert one_column.plan_year == 2023
    assert not any("Báo cáo quý" in t.evidence_required + t.content for t in _tasks(one_column))  # "Ghi chú"
    [table] = one_column.tables
    assert {table.roles[c] for c in (3, 4, 5)} == {"implementing", "deadline", "ignore"}
    assert any("(1), (2)" in s.message for s in one_column.skipped)


# --- sheets named by their index, deadline column first, score group, output column -------------------

def test_sheets_named_by_index_deadline_first_and_score_group(tmp_path):
    annex = read_annex(layouts.sheets_deadline_first_xlsx(tmp_path / "bac-kan-hai-trang.xlsx"))
    assert [i.kind.value for i in annex.indices] == ["PAR INDEX", "SIPAS"]
    par, sipas = annex.indices
    first = par.tasks[0]
    assert first.content.startswith("Tham mưu cho UBND tỉnh") and first.deadline_text == "31/12/2023"
    assert first.evidence_required == "Báo cáo giải ngân hằng tháng"  # "Kết quả đầu ra"
    assert _roles(first) == (C, N, C)
    [criterion] = [c for c in par.criteria if c.code == "6.3.2"]
    assert (criterion.max_score, criterion.prior_result, criterion.target) == (0.75, "0.25", "0.75")
    assert _roles(par.tasks[1]) == (N, N, C)  # "các đơn vị sự nghiệp" is not a group of agencies
    assert [_roles(t) for t in sipas.tasks] == [(N, L, N), (N, C, C)]
    assert [_due(t, 2023) for t in sipas.tasks] == [dt.date(2023, 12, 31), dt.date(2023, 6, 30)]


# --- several Word tables named by heading paragraphs; sub-tasks; repeated header ----------------------

@pytest.fixture(scope="module")
def headings(tmp_path_factory):
    return read_annex(layouts.headings_and_subtasks_docx(tmp_path_factory.mktemp("h") / "bac-giang-nhieu-bang.docx"))


def test_tables_take_the_index_and_area_of_their_heading(headings):
    assert [i.kind.value for i in headings.indices] == ["PAPI", "SIPAS"]
    papi, sipas = headings.indices
    areas = [c.title for c in papi.criteria if c.is_area]
    assert areas == ["Chỉ số nội dung 1: Tham gia của người dân ở cấp cơ sở",
                     "Chỉ số nội dung 2: Công khai, minh bạch trong việc ra quyết định ở địa phương"]
    by_area = {}
    for task in papi.tasks:
        by_area.setdefault(task.criterion_key, []).append(task.content[:20])
    area_2 = next(c for c in papi.criteria if c.title.startswith("Chỉ số nội dung 2"))
    assert len(by_area[area_2.key]) == 2
    assert [t.content[:20] for t in sipas.tasks] == ["Khảo sát sự hài lòng"]


def test_sub_tasks_including_one_above_a_repeated_header(headings):
    papi = headings.indices[0]
    [heading] = [c for c in papi.criteria if c.code == "1"]
    assert heading.title.startswith("Tăng cường tuyên truyền")
    subtasks = [t for t in papi.tasks if t.criterion_key == heading.key]
    assert [t.content[:12] for t in subtasks] == ["Phổ biến Luậ", "Tổ chức bầu ", "Công khai cá"]
    last = subtasks[-1]  # "c)", the row just above the header repeated at the page break
    assert (last.lead, last.deadline_text) == ("UBND cấp xã", "Thường xuyên")
    assert [_roles(t) for t in subtasks] == [(C, L, N), (N, C, L), (N, L, N)]
    assert [_due(t, 2024) for t in subtasks][:2] == [dt.date(2024, 6, 30), dt.date(2024, 12, 31)]
    assert any("lặp lại" in s.message for s in headings.skipped)
    after = _task(headings, "Hướng dẫn Ban Thanh tra")  # the numbered task after the sub-tasks
    assert after.criterion_key != heading.key and _roles(after) == (N, C, N)


# --- an assignment without task text; a task cell merged over several criteria ----------------------

def test_criterion_assigned_without_task_and_task_serving_several_criteria(tmp_path, workspace):
    path = layouts.criterion_rows_docx(tmp_path / "ha-giang-tieu-chi.docx")
    annex = read_annex(path)
    [index] = annex.indices
    own = _task(annex, "Kế hoạch CCHC năm")  # the criterion is the task
    assert own.from_criterion and own.criterion_key == "1.1" and _roles(own) == (C, N, C)
    assert _due(own, 2024) == dt.date(2024, 1, 31)
    shared = _task(annex, "Thực hiện đầy đủ, đúng tiến độ")
    assert (shared.criterion_key, shared.also_serves) == ("1.2", ["1.3", "1.4"])
    assert _roles(shared) == (L, L, L)
    police = _task(annex, "Rà soát văn bản QPPL")  # "các cơ quan báo chí; Công an tỉnh" name nobody here
    assert _roles(police) == (L, N, N)
    summary = workspace.preview_import(path)
    assert summary.shared_tasks == [{"sheet": "Bảng 1", "row": 4, "content": shared.content,
                                     "criteria": ["1.2", "1.3", "1.4"]}]
    assert summary.tasks == 3


def test_a_merged_task_is_stored_once_and_linked_to_every_criterion(tmp_path, workspace):
    path = layouts.criterion_rows_docx(tmp_path / "ha-giang-tieu-chi.docx")
    workspace.import_annex(path)
    [task] = list(workspace.db.query("SELECT t.id, c.code FROM task t JOIN criterion c ON c.id = t.criterion_id "
                                     "WHERE t.content LIKE 'Thực hiện đầy đủ, đúng tiến độ%'"))
    assert task["code"] == "1.2"
    assert [c["code"] for c in workspace.task_also_serves(task["id"])] == ["1.3", "1.4"]
    assert workspace.import_annex(path).changes["added"] == 0  # a second import changes nothing
    assert [c["code"] for c in workspace.task_also_serves(task["id"])] == ["1.3", "1.4"]
    # A revised annex where 1.4 gets its own task: the merged task now serves 1.2 and 1.3 only.
    document = docx.Document(str(path))
    row = document.tables[0]._tbl.tr_lst[5]  # the raw row: python-docx answers merged cells by their top
    for column, text in ((3, "Kiểm tra CCHC tại 30% cơ quan, đơn vị"), (4, "Sở Nội vụ"), (5, ""), (6, "Quý III/2024")):
        tc = row.tc_lst[column]
        tc.tcPr.remove(tc.tcPr.vMerge)
        tc.p_lst[0].add_r().text = text
    document.save(path)
    changes = workspace.import_annex(path).changes
    assert changes["added"] == 1
    assert [c["code"] for c in workspace.task_also_serves(task["id"])] == ["1.3"]


# --- nothing dropped without a word -----------------------------------------------------------------

def test_every_skipped_row_is_listed_and_errors_never_become_text(tmp_path):
    path = layouts.one_agency_column_xlsx(tmp_path / "loi.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    sheet["C8"] = "=CONCATENATE(B8)"  # written by a program: no cached value
    sheet["D11"] = "#REF!"
    sheet.append(["4", None, "#N/A", "Sở Nội vụ", "31/12/2023"])
    sheet.append(["5"])
    workbook.save(path)
    annex = read_annex(path)
    skipped = {(s.row, s.message) for s in annex.skipped}
    assert (8, "cột C: công thức chưa có giá trị (tệp chưa được Excel tính lại) — bỏ qua ô này") in skipped
    assert (11, "cột D: ô báo lỗi “#REF!” — bỏ qua ô này") in skipped
    assert (13, "không đọc được nội dung (ô lỗi hoặc công thức chưa có giá trị)") in skipped
    assert (14, "không có nội dung nhiệm vụ hay tiêu chí") in skipped
    assert all(s.sheet == "Phụ lục" for s in annex.skipped)
    texts = " ".join(t.content + t.lead + t.implementing + t.cooperating for t in _tasks(annex))
    assert "#" not in texts
    assert [t.row for t in _tasks(annex)] == [7, 10, 11, 12]


# --- the plan's identity ----------------------------------------------------------------------------

def _bare_annex(path, title_rows, properties=None):
    rows = [*title_rows, ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
            ["1", "Rà soát thủ tục hành chính", "UBND cấp xã", "Quý II"]]
    build_workbook(path, {"Phụ lục": rows})
    if properties:
        workbook = openpyxl.load_workbook(path)
        workbook.properties.title = properties
        workbook.save(path)
    return path


def test_identity_from_title_then_properties_then_name(tmp_path):
    no_number = [["PHỤ LỤC NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAR INDEX NĂM 2024"], ["(Kèm theo Kế hoạch số /KH-UBND của UBND tỉnh)"]]
    from_props = read_annex(_bare_annex(tmp_path / "phu-luc.xlsx", no_number,
                                        "Kế hoạch số 56/KH-UBND ngày 20/3/2024 của UBND tỉnh Hà Giang"))
    assert (from_props.plan_number, from_props.plan_number_source, from_props.plan_date) == \
        ("56/KH-UBND", "properties", dt.date(2024, 3, 20))
    from_name = read_annex(_bare_annex(tmp_path / "ke-hoach-77-KH-UBND.xlsx", no_number))
    assert (from_name.plan_number, from_name.plan_number_source) == ("77/KH-UBND", "file name")
    nothing = read_annex(_bare_annex(tmp_path / "phu-luc-moi.xlsx", no_number))
    assert nothing.plan_number_source == "" and nothing.plan_year == 2024
    assert any("hãy nhập số hiệu" in w.message for w in nothing.warnings)


def test_missing_number_is_said_in_the_summary(tmp_path, workspace):
    path = _bare_annex(tmp_path / "phu-luc-moi.xlsx", [["PHỤ LỤC PAR INDEX"], ["(Kèm theo Kế hoạch số /KH-UBND)"]])
    assert workspace.preview_import(path).plan["number_missing"] is True
    assert workspace.preview_import(layouts.one_agency_column_xlsx(tmp_path / "x.xlsx")).plan["number_missing"] is False


# --- the column mapping: command line, no header, remembered -----------------------------------------

def _unknown_layout(path):
    """A table whose header words the importer does not know."""
    rows = [["DANH MỤC VIỆC CẦN LÀM NĂM 2025"], ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/02/2025 của UBND tỉnh Cao Bằng)"],
            ["Số", "Việc cần làm", "Ai làm", "Ai giúp", "Hạn"],
            ["1", "Rà soát, công bố danh mục thủ tục hành chính", "Sở Tư pháp", "UBND cấp xã", "30/6/2025"],
            ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "UBND cấp xã", "Sở Tư pháp", "31/12/2025"]]
    return build_workbook(path, {"Trang 1": rows})


def test_no_header_offers_the_mapping_and_columns_read_it(tmp_path, workspace, capsys):
    path = _unknown_layout(tmp_path / "la.xlsx")
    with pytest.raises(UnknownLayoutError) as refused:
        workspace.preview_import(path)
    assert "--columns" in str(refused.value) and refused.value.annex.tables[0].samples
    code, out, err = run_cli(capsys, "import", path, "--dry-run", "--json", "--data-dir", workspace.data_dir,
                             "--columns", "B=task,C=lead,D=cooperating,E=deadline")
    assert code == 0, err
    report = json.loads(out)
    assert report["tasks"] == 2 and report["plan"]["number"] == "12/KH-UBND"
    used = {c["column"]: c["role"] for c in report["tables"][0]["columns"]}
    assert used == {"A": "ignore", "B": "task", "C": "lead", "D": "cooperating", "E": "deadline"}
    assert report["tables"][0]["source"] == "user"
    assert table_counts(workspace.db)["task"] == 0
    # Imported once with the mapping, the next file of the same layout needs none.
    code, out, err = run_cli(capsys, "import", path, "--data-dir", workspace.data_dir,
                             "--columns", "B=task,C=lead,D=cooperating,E=deadline")
    assert code == 0, err
    other = _unknown_layout(tmp_path / "lb.xlsx")
    workbook = openpyxl.load_workbook(other)
    workbook.active["B4"] = "Công khai kết quả giải quyết hồ sơ trên Cổng dịch vụ công"
    workbook.save(other)
    again = workspace.preview_import(other)
    assert again.tables[0]["source"] == "remembered" and again.tasks == 2


def test_columns_correct_a_recognised_header_and_are_remembered(tmp_path, workspace, capsys):
    path = layouts.one_agency_column_xlsx(tmp_path / "mot-cot.xlsx")
    # The user says column D holds the lead only (no roles written inside would be split anyway).
    code, out, err = run_cli(capsys, "import", path, "--json", "--data-dir", workspace.data_dir,
                             "--columns", "C=task,D=lead,E=deadline,F=evidence")
    assert code == 0, err
    [table] = json.loads(out)["tables"]
    assert {c["column"]: c["role"] for c in table["columns"]}["F"] == "evidence"
    remembered = json.loads((workspace.data_dir / "column-mappings.json").read_text(encoding="utf-8"))
    assert remembered["layouts"][table["layout"]]["F"] == "evidence"
    again = workspace.preview_import(layouts.one_agency_column_xlsx(tmp_path / "ban-sau.xlsx"))
    assert again.tables[0]["source"] == "remembered"
    assert {c["column"]: c["role"] for c in again.tables[0]["columns"]}["F"] == "evidence"


@pytest.mark.parametrize("bad", ["C=task,ZZZZ=lead", "C=boss", "D=lead"])
def test_bad_columns_are_refused_in_one_sentence(tmp_path, workspace, capsys, bad):
    path = layouts.one_agency_column_xlsx(tmp_path / "x.xlsx")
    code, out, err = run_cli(capsys, "import", path, "--data-dir", workspace.data_dir, "--columns", bad)
    assert code == 2 and "--columns" in err and err.count("\n") <= 1
    assert table_counts(workspace.db)["task"] == 0


def test_flat_list_divided_by_heading_rows(tmp_path):
    annex = read_annex(layouts.heading_rows_xlsx(tmp_path / "bac-giang-papi.xlsx"))
    [index] = annex.indices
    assert index.kind.value == "PAPI"
    areas = [c.title.split(":")[0] for c in index.criteria]
    assert areas == ["Chỉ số nội dung 1", "Chỉ số nội dung 2", "Chỉ số nội dung 3"]
    by_area = [next(c.title for c in index.criteria if c.key == t.criterion_key)[:17] for t in index.tasks]
    assert by_area == ["Chỉ số nội dung 1"] * 2 + ["Chỉ số nội dung 2", "Chỉ số nội dung 3"]
    assert [_roles(t) for t in index.tasks] == [(C, L, N), (N, I, N), (N, L, C), (N, I, N)]
    assert [t.evidence_required for t in index.tasks] == ["Báo cáo", "Biên bản", "Danh sách", "Sổ tiếp dân"]
    assert [_due(t, 2025) for t in index.tasks][:3] == [dt.date(2025, 6, 30), dt.date(2025, 12, 31), dt.date(2025, 3, 31)]
    assert [(s.row, s.message) for s in annex.skipped] == [(4, "dòng tiêu đề bảng (tên các cột)"),
                                                            (9, "dòng tiêu đề bảng lặp lại")]


@pytest.mark.parametrize("header, role", [
    ("Ghi chú", "ignore"), ("Nguồn kinh phí", "ignore"), ("Hạn hoàn thành", "deadline"),
    ("Tiến độ hoàn thành", "deadline"), ("Cơ quan đầu mối", "lead"), ("Đơn vị phụ trách", "lead"),
    ("Đơn vị được giao", "implementing"), ("Cơ quan, đơn vị thực hiện", "implementing"),
    ("Biện pháp thực hiện", "task"), ("Nội dung công việc", "task"), ("Sản phẩm đầu ra", "evidence"),
    ("Kết quả đầu ra", "evidence"), ("Hình thức văn bản", "evidence"), ("Mã tiêu chí", "stt"),
    ("Điểm số Tối đa", "max_score"), ("Điểm số Đạt năm 2022", "prior"), ("Điểm số Mục tiêu năm 2023", "target"),
])
def test_header_words_of_other_provinces(header, role):
    from kehoach_desktop.importer.annex import _column_role

    assert _column_role(header) == role


def test_sub_tasks_lettered_in_the_task_cell_and_labels_on_their_own_lines(tmp_path):
    rows = [["PHỤ LỤC CHỈ SỐ PAPI NĂM 2024"], ["STT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời gian"],
            ["1", "Nâng cao chất lượng tiếp công dân:", None, None],
            [None, "a) Tiếp công dân định kỳ tại trụ sở UBND xã",
             "Chủ trì:\nUBND cấp xã\nPhối hợp:\nCông an cấp xã\nCác cơ quan ngành dọc", "Hằng tháng"],
            [None, "b) Giải quyết đơn thư đúng hạn", "UBND cấp huyện", "Thường xuyên"],
            ["2", "Công khai ngân sách xã", "UBND cấp xã", "Quý I"]]
    annex = read_annex(build_workbook(tmp_path / "papi-ha-giang.xlsx", {"PAPI": rows}))
    [index] = annex.indices
    first, second, third = index.tasks
    assert first.criterion_key == second.criterion_key == "1" and third.criterion_key is None
    assert (first.lead, first.cooperating) == ("UBND cấp xã", "Công an cấp xã; Các cơ quan ngành dọc")
    assert _roles(first) == (N, L, N)  # neither the commune police nor the branch offices name anyone here
    # b) names its own agency: nothing is carried down from a)
    assert (second.lead, second.implementing, second.cooperating) == ("", "UBND cấp huyện", "")
    assert _roles(second) == (N, N, I)


def test_lettered_sub_task_without_number_just_above_a_repeated_header(tmp_path):
    header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    rows = [["PHỤ LỤC CHỈ SỐ PAPI NĂM 2024"], header,
            ["1", "Tăng cường tuyên truyền Luật Thực hiện dân chủ ở cơ sở:", None, None, None],
            [None, "a) Phổ biến Luật qua hệ thống truyền thanh cơ sở", "UBND cấp xã", "Sở Tư pháp", "Quý II/2024"],
            [None, "b) Tổ chức bầu cử trưởng thôn", "UBND cấp huyện", "UBND cấp xã", "Năm 2024"],
            [None, "c) Công khai các khoản đóng góp", "UBND cấp xã", "Sở Tài chính", "Quý III/2024"],
            header,
            ["2", "Hướng dẫn Ban Thanh tra nhân dân giám sát công trình", "Ủy ban MTTQ tỉnh", "UBND cấp xã", "31/12/2024"]]
    annex = read_annex(build_workbook(tmp_path / "papi-trang.xlsx", {"PAPI": rows}))
    [index] = annex.indices
    assert [t.content[:3] for t in index.tasks] == ["a) ", "b) ", "c) ", "Hướ"]
    c = index.tasks[2]
    assert (c.criterion_key, c.lead, c.cooperating, c.deadline_text) == ("1", "UBND cấp xã", "Sở Tài chính", "Quý III/2024")
    assert [(s.row, s.message) for s in annex.skipped] == [(2, "dòng tiêu đề bảng (tên các cột)"),
                                                            (7, "dòng tiêu đề bảng lặp lại")]


def test_rows_of_a_table_above_the_recognised_header_are_listed(tmp_path):
    rows = [["PHỤ LỤC PAR INDEX"], ["1", "Rà soát thủ tục", "UBND cấp xã", "Quý I"],
            ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
            ["1", "Số hóa hồ sơ", "UBND cấp xã", "Quý II"]]
    annex = read_annex(build_workbook(tmp_path / "lech.xlsx", {"P": rows}))
    assert (2, "nằm trên dòng tiêu đề bảng nên không được đọc") in [(s.row, s.message) for s in annex.skipped]


def test_index_and_numbered_area_headings_between_word_tables(tmp_path):
    annex = read_annex(layouts.numbered_headings_docx(tmp_path / "lang-son.docx"))
    assert [(i.kind.value, i.name) for i in annex.indices] == [("PAR INDEX", "PHỤ LỤC — PAR INDEX"),
                                                               ("SIPAS", "CHỈ SỐ SIPAS")]
    par, sipas = annex.indices
    assert [c.title for c in par.criteria] == ["1. Công tác chỉ đạo, điều hành", "2. Cải cách thể chế"]
    assert [t.criterion_key for t in par.tasks] == [c.key for c in par.criteria]
    assert [_roles(t) for t in par.tasks] == [(C, N, N), (L, C, N)]
    assert [_roles(t) for t in sipas.tasks] == [(N, I, I)]
    assert [_due(t, 2025) for t in annex.indices[0].tasks] == [dt.date(2025, 1, 31), dt.date(2025, 6, 30)]


# --- any column order: the same tasks and roles --------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ORDERED = [
    ["STT", "Tiêu chí", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành", "Sản phẩm", "Ghi chú"],
    ["I", "CẢI CÁCH THỂ CHẾ", None, None, None, None, None, None],
    ["1", "TCTP 2.4.2. Tính hợp lý của các VBQPPL", "Nâng cao chất lượng thẩm định văn bản QPPL", "Sở Tư pháp",
     "Các sở, ban, ngành; UBND cấp xã", "Thường xuyên", "Báo cáo", "XHH"],
    ["2", "TC 3.4. Kết quả giải quyết TTHC", "Nâng cao trách nhiệm của công chức giải quyết TTHC", "UBND cấp xã",
     "Sở Nội vụ", "30/11/2023", "Báo cáo", ""],
    ["3", "TC 5.4. Chấp hành kỷ luật, kỷ cương", "Thanh tra việc chấp hành kỷ luật hành chính", "UBND cấp huyện",
     "UBND cấp xã", "Quý III/2023", "Kết luận", ""],
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(8)))
def test_any_column_order_reads_the_same_tasks(tmp_path, order):
    rows = [["(Kèm theo Kế hoạch số 365/KH-UBND ngày 08/6/2023 của UBND tỉnh Bắc Kạn)"]]
    rows += [[row[i] for i in order] for row in _ORDERED]
    annex = read_annex(build_workbook(tmp_path / f"thu-tu-{'-'.join(map(str, order))}.xlsx", {"P": rows}))
    found = [(t.criterion_key, t.content[:20], t.deadline_text, t.evidence_required, _roles(t)) for t in _tasks(annex)]
    assert found == [("2.4.2", "Nâng cao chất lượng ", "Thường xuyên", "Báo cáo", (L, C, N)),
                     ("3.4", "Nâng cao trách nhiệm", "30/11/2023", "Báo cáo", (N, L, N)),
                     ("5.4", "Thanh tra việc chấp ", "Quý III/2023", "Kết luận", (N, C, L))]


def test_columns_for_one_sheet_only(tmp_path, workspace, capsys):
    path = layouts.sheets_deadline_first_xlsx(tmp_path / "hai-trang.xlsx")
    code, out, err = run_cli(capsys, "import", path, "--dry-run", "--json", "--data-dir", workspace.data_dir,
                             "--columns", "Phụ lục 3 - SIPAS!G=task,Phụ lục 3 - SIPAS!H=cooperating")
    assert code == 0, err
    tables = {t["key"]: t for t in json.loads(out)["tables"]}
    roles = {key: {c["column"]: c["role"] for c in t["columns"]} for key, t in tables.items()}
    assert roles["Phụ lục 3 - SIPAS#1"]["H"] == "cooperating" and tables["Phụ lục 3 - SIPAS#1"]["source"] == "user"
    assert roles["Phụ lục 1 - PAR INDEX#1"]["H"] == "lead" and tables["Phụ lục 1 - PAR INDEX#1"]["source"] == "detected"
