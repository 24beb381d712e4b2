"""Deadlines as the plans write them ("Thời gian thực hiện" columns of the seeds) → due dates."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_desktop.deadlines import parse_deadline
from kehoach_desktop.model import Status
from kehoach_desktop.workspace import Workspace, is_due_soon, is_overdue

from _support import build_workbook

D = dt.date

# (text as written, plan year, expected dates, recurring)
SEED_DEADLINES = [
    ("31/12/2025", 2025, [D(2025, 12, 31)], False),
    ("31/12/2025.", 2025, [D(2025, 12, 31)], False),
    ("31/12/2025", 2024, [D(2025, 12, 31)], False),  # the text's year beats the plan's
    ("Trước ngày 20/3/2024", 2024, [D(2024, 3, 20)], False),
    ("- Trước ngày 20/3/2024;\n- Trước ngày 20/6/2024;\n- Trước ngày 20/9/2024;\n- Trước ngày 20/12/2024.", 2024,
     [D(2024, 3, 20), D(2024, 6, 20), D(2024, 9, 20), D(2024, 12, 20)], False),
    ("Hoàn thành trước ngày 31/12/2025", 2025, [D(2025, 12, 31)], False),
    ("Chậm nhất là ngày 31/12/2025", 2025, [D(2025, 12, 31)], False),
    ("Quý II và Quý III", 2024, [D(2024, 6, 30), D(2024, 9, 30)], False),
    ("Quý IV", 2024, [D(2024, 12, 31)], False),
    ("Quý IV", 2025, [D(2025, 12, 31)], False),
    ("quý I", 2025, [D(2025, 3, 31)], False),
    ("Quý III-IV/2023", 2023, [D(2023, 9, 30), D(2023, 12, 31)], False),
    ("Quý III-IV/2023", 2024, [D(2023, 9, 30), D(2023, 12, 31)], False),
    ("Trong năm 2025", 2025, [D(2025, 12, 31)], False),
    ("Trong năm\n2025", 2025, [D(2025, 12, 31)], False),  # a line break inside the Excel cell
    ("Năm 2025", 2025, [D(2025, 12, 31)], False),
    ("Năm 2023", 2024, [D(2023, 12, 31)], False),
    ("Tháng 01/2024", 2023, [D(2024, 1, 31)], False),
    ("6 tháng đầu năm", 2025, [D(2025, 6, 30)], False),
    ("06 tháng đầu năm", 2025, [D(2025, 6, 30)], False),
    ("9 tháng đầu năm", 2025, [D(2025, 9, 30)], False),
    ("Thường xuyên", 2025, [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31)], True),  # due at each report
    ("Thường xuyên trong năm 2025", 2025, [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31)], True),
    ("Hằng năm", 2025, [D(2025, 12, 31)], True),  # once a year, not at every report
    ("Hàng năm", 2025, [D(2025, 12, 31)], True),
    ("Thường xuyên", None, [], True),  # no year known: no date invented
    ("Trước 30/6 hằng năm", 2025, [D(2025, 6, 30)], True),  # its own date
    ("Theo thời hạn quy định của Bộ Nội vụ", 2025, [], False),
    ("Theo thời hạn quy định của Trung ương", 2025, [], False),
    ("Trước, trong bầu cử", 2025, [], False),
    ("Trước, sau tuyển dụng", 2025, [], False),
    ("Sau khi ban hành", 2025, [], False),
    ("Khi xây dựng các văn bản", 2025, [], False),
    ("", 2025, [], False),
    # Bắc Kạn 2023: quarterly reports on the 12th of each quarter's last month, the yearly one on 12/12.
    ("Trước ngày 12 tháng cuối quý và ngày 12/12/2023", 2023,
     [D(2023, 3, 12), D(2023, 6, 12), D(2023, 9, 12), D(2023, 12, 12)], False),
    # Bắc Kạn 2023: a start date, not a deadline — due at each report from then on.
    ("Từ 01/6/2023", 2023, [D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 31)], True),
    ("Từ ngày 01/6 đến ngày 30/9/2023", 2023, [D(2023, 9, 30)], False),
    # Hà Giang 2024: the plan in the fourth quarter, the report before 20/12.
    ("- Kế hoạch trong quý IV năm trước liền kề năm kế hoạch;\n- Báo cáo trước ngày 20/12", 2024,
     [D(2024, 12, 20), D(2024, 12, 31)], False),
    ("Trước ngày 20/12/2024", 2024, [D(2024, 12, 20)], False),
    ("Trước ngày 31/01 năm 2025", 2024, [D(2025, 1, 31)], False),
    ("Hoàn thành kiểm tra, ban hành Thông báo kết luận kiểm tra trước ngày 31/12/2025", 2025, [D(2025, 12, 31)], False),
    ("Thường xuyên, nhất là tập trung vào trước các đợt bầu cử", 2025,
     [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31)], True),
    ("Năm 2024", 2024, [D(2024, 12, 31)], False),
    ("Trong năm 2024", 2024, [D(2024, 12, 31)], False),
    ("Theo quy định", 2025, [], False),
    ("Theo yêu cầu nhiệm vụ", 2024, [], False),
    ("Sau khi có dự thảo", 2025, [], False),
    ("Khi có văn bản chỉ đạo, hướng dẫn của Bộ Thông tin và Truyền thông", 2023, [], False),
    ("Khi xây dựng hoặc triển khai các chính sách", 2023, [], False),
    # Bắc Kạn 2023, Phụ lục 2: agency names typed in the deadline column stay undated.
    ("Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã", 2023, [], False),
    ("Các cơ quan, đơn vị, địa phương; đơn vị cung cấp phần mềm", 2023, [], False),
    # Hà Giang 2024, SIPAS 8.1: a sentence merged across the task, agency and time columns.
    ("Do Bộ Nội vụ chủ trì thực hiện. Phấn đấu mức độ hài lòng của người dân và doanh nghiệp đạt từ 90% trở lên",
     2024, [], False),
]


@pytest.mark.parametrize("text, year, dates, recurring", SEED_DEADLINES, ids=[repr(t[0])[:40] for t in SEED_DEADLINES])
def test_seed_deadlines(text, year, dates, recurring):
    deadline = parse_deadline(text, year)
    assert list(deadline.dates) == dates
    assert deadline.due_date == (max(dates) if dates else None)
    assert deadline.recurring is recurring
    assert deadline.text == text.strip()  # the words are never lost


@pytest.mark.parametrize("text, year, expected", [
    ("Quý IV", 2025, D(2025, 12, 31)),
    ("Quý IV", 2026, D(2026, 12, 31)),
    ("Quý II và Quý III", 2025, D(2025, 9, 30)),
    ("6 tháng đầu năm", 2026, D(2026, 6, 30)),
    ("Trước 15/12", 2025, D(2025, 12, 15)),
    ("Trước 30/6 hằng năm", 2025, D(2025, 6, 30)),
])
def test_year_comes_from_the_plan_when_the_text_has_none(text, year, expected):
    assert parse_deadline(text, year).due_date == expected


@pytest.mark.parametrize("text", ["Quý IV", "Quý II và Quý III", "6 tháng đầu năm", "Trước 15/12"])
def test_without_any_year_there_is_no_guess(text):
    assert parse_deadline(text, None).due_date is None


def test_several_reports_next_due_is_the_first_not_yet_passed():
    deadline = parse_deadline("- Trước ngày 20/3/2024;\n- Trước ngày 20/6/2024;\n- Trước ngày 20/12/2024.", 2024)
    assert deadline.next_due(D(2024, 1, 5)) == D(2024, 3, 20)
    assert deadline.next_due(D(2024, 3, 21)) == D(2024, 6, 20)
    assert deadline.next_due(D(2024, 6, 20)) == D(2024, 6, 20)
    assert deadline.next_due(D(2025, 1, 1)) == D(2024, 12, 20)


@pytest.mark.parametrize("text", ["32/13/2025", "30/2/2025", "31/4/2025"])
def test_impossible_dates_are_not_invented(text):
    assert parse_deadline(text, 2025).due_date is None


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)),
       st.sampled_from(["{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}", "Trước ngày {d}/{m}/{y}", "Hoàn thành trước ngày {d}/{m}/{y}."]),
       st.one_of(st.none(), st.integers(2000, 2099)))
def test_any_written_date_is_its_own_due_date(date, template, plan_year):
    text = template.format(d=date.day, m=date.month, y=date.year)
    assert parse_deadline(text, plan_year).due_date == date


def test_task_list_uses_the_plan_year_for_quarters(tmp_path):
    annex = build_workbook(tmp_path / "papi.xlsx", {"PAPI": [
        ["PHỤ LỤC"],
        ["KẾ HOẠCH CẢI THIỆN CHỈ SỐ PAPI NĂM 2026"],
        ["(Kèm theo Kế hoạch số 7/KH-UBND ngày 10/01/2026 của UBND tỉnh Cao Bằng)"],
        ["STT", "Nội dung", "Nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì", "Đơn vị phối hợp"],
        ["1", "Tham gia của người dân", None, None, None, None],
        ["1.1", "Tri thức công dân", "Tuyên truyền pháp luật", "Quý II", "UBND cấp xã", "Sở Tư pháp"],
        ["1.2", "Cơ hội tham gia", "Lấy ý kiến người dân", "Thường xuyên", "UBND cấp xã", None],
    ]})
    with Workspace(tmp_path / "data") as ws:
        ws.import_annex(annex)
        rows = {row.code: row for row in ws.tasks()}
    assert rows["1.1"].deadline_text == "Quý II"
    assert rows["1.1"].due_date == D(2026, 6, 30) and not rows["1.1"].recurring
    assert rows["1.2"].recurring and rows["1.2"].due_date == D(2026, 12, 31)
    assert is_overdue(rows["1.1"], D(2026, 7, 1)) and not is_overdue(rows["1.1"], D(2026, 6, 30))
    assert is_due_soon(rows["1.1"], D(2026, 6, 20)) and not is_due_soon(rows["1.1"], D(2026, 5, 1))
    # "Thường xuyên" is due at each report: soon before a quarter closes; overdue, as the
    # report counts it, once a report date has passed with nothing started, and once the year
    # is over and it is still not done.
    assert rows["1.2"].due_dates == (D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31))
    assert is_due_soon(rows["1.2"], D(2026, 9, 20)) and not is_due_soon(rows["1.2"], D(2026, 8, 1))
    assert not is_overdue(rows["1.2"], D(2026, 3, 31)) and is_overdue(rows["1.2"], D(2026, 10, 1))
    started = dataclasses.replace(rows["1.2"], status=Status.IN_PROGRESS)
    assert not is_overdue(started, D(2026, 10, 1)) and is_overdue(started, D(2027, 1, 1))


def test_every_deadline_phrase_of_the_seed_annexes_is_in_the_table_above():
    """The transcribed annexes (and the sample) hold no deadline wording left untested."""
    from pathlib import Path

    from kehoach_desktop.importing import read_annex
    from kehoach_desktop.paths import sample_workbook

    data = Path(__file__).parent / "data"
    files = [sample_workbook(), *sorted(data.glob("*.xlsx")), *sorted(data.glob("*.docx"))]
    tested = {text.strip() for text, _, _, _ in SEED_DEADLINES}
    untested = set()
    for path in files:
        for index in read_annex(path).indices:
            untested |= {task.deadline_text for task in index.tasks} - tested
    assert len(files) == 5 and not untested
