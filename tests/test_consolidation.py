"""Consolidation (issue 11): 30 communes and 5 departments report to Sở Nội vụ by package."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kehoach_desktop.consolidation import overview as views
from kehoach_desktop.consolidation import receive as receiving
from kehoach_desktop.consolidation import roster
from kehoach_desktop.errors import InvalidInputError
from kehoach_desktop.model import AgencyKind, AgencyProfile, Progress, Status
from kehoach_desktop.workspace import Workspace

from _consolidation_support import (  # noqa: F401 - the fixture
    AGENCIES, UNREPORTED, consolidator, own_tasks, province, run_cli,
)
from _exchange_support import edit_progress, rebuild_package
from _support import snapshot

CLOSED = ("hoàn thành", "không thực hiện được")


def _expected(tasks: list[dict], today: dt.date) -> dict:
    mine = [t for t in tasks if not t["removed"]]
    return {
        "tasks": len(mine),
        "done": sum(t["status"] == "hoàn thành" for t in mine),
        "in_progress": sum(t["status"] == "đang thực hiện" for t in mine),
        "not_started": sum(t["status"] == "chưa thực hiện" for t in mine),
        "not_feasible": sum(t["status"] == "không thực hiện được" for t in mine),
        "overdue": sum(_late(t, today) for t in mine),
    }


def _late(task: dict, day: dt.date) -> bool:
    """Late on `day` as the agency's own report counts it: unfinished then and past its date; a
    "Thường xuyên" task before its last date of the year is late only if nothing was started."""
    def date(text):
        return dt.date.fromisoformat(text) if text else None

    finished = task["status"] in CLOSED and not (date(task["completed_on"]) or day) > day
    if finished:
        return False
    dates = [date(d) for d in task["due_dates"]] if task["recurring"] and task["due_dates"] else (
        [date(task["due_date"])] if task["due_date"] else [])
    passed = [d for d in dates if d < day]
    if not passed:
        return False
    final = date(task["due_date"])
    if task["recurring"] and final and max(passed) < final:
        return task["status"] == "chưa thực hiện"
    return True


@pytest.fixture(scope="module")
def received_template(province, tmp_path_factory):
    """Sở Nội vụ's folder with every package received, built once; each test gets a copy."""
    folder = tmp_path_factory.mktemp("received") / "snv"
    with consolidator(province, folder) as ws:
        result = receiving.receive(ws, [province["packages"]])
    return folder, result


@pytest.fixture
def received(received_template, tmp_path):
    import shutil

    folder, result = received_template
    shutil.copytree(folder, tmp_path / "snv")
    ws = Workspace(tmp_path / "snv")
    yield ws, result
    ws.close()


def test_overview_counts_equal_what_each_agency_says(province, received, tmp_path):
    ws, result = received
    assert result.count(receiving.RECEIVED) == len(AGENCIES) - len(UNREPORTED)
    assert result.count(receiving.REFUSED) == 0
    code, out = run_cli("--data-dir", ws.data_dir, "overview", "--period", "year", "--year", "2025", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"agencies", "tasks"}
    by_name = {item["name"]: item for item in data["agencies"]}
    assert set(by_name) == {profile.name for profile in AGENCIES}  # "Hòa An" and "Hòa Ân" kept apart
    today = dt.date.today()
    tasks_done: dict[int, int] = {}
    tasks_assigned: dict[int, int] = {}
    for profile in AGENCIES:
        item = by_name[profile.name]
        assert set(item) == {"name", "kind", "code", "received_at", "period", "tasks", "done", "in_progress",
                             "not_started", "not_feasible", "overdue"}
        own = own_tasks(province["folders"][profile.name])
        expected = _expected(own, today)
        if profile.name in UNREPORTED:  # nothing arrived: what it must report on, all not started
            assert item["received_at"] is None and item["period"] is None
            assert item["tasks"] == expected["tasks"] and item["not_started"] == expected["tasks"]
            continue
        assert {key: item[key] for key in expected} == expected, profile.name
        assert item["period"] == {"code": "year", "year": 2025} and item["received_at"]
        for task in own:
            tasks_assigned[task["id"]] = tasks_assigned.get(task["id"], 0) + 1
            tasks_done[task["id"]] = tasks_done.get(task["id"], 0) + (task["status"] == "hoàn thành")
    by_task = {task["id"]: task for task in data["tasks"]}
    reporters = [p for p in AGENCIES if p.name not in UNREPORTED]
    assert reporters and any(task["done"] for task in data["tasks"])
    for task_id, done in tasks_done.items():  # the template's task ids are every agency's ids
        assert by_task[task_id]["done"] == done
        assert by_task[task_id]["agencies"] >= tasks_assigned[task_id]


@pytest.mark.parametrize("day", [dt.date(2025, 6, 20), dt.date(2025, 9, 20), dt.date(2025, 12, 20)])
def test_overdue_counts_as_each_agency_counts_on_any_day(province, received, day):
    """Sở Nội vụ and the agency agree on what is late, "Thường xuyên" tasks included."""
    ws, _ = received
    snap = views.load(ws, None, day)
    by_name = {agency["name"]: agency["id"] for agency in snap.agencies}
    recurring_seen = False
    for profile in AGENCIES:
        if profile.name in UNREPORTED:
            continue
        own = [t for t in own_tasks(province["folders"][profile.name]) if not t["removed"]]
        recurring_seen |= any(t["recurring"] and t["status"] == "chưa thực hiện" for t in own)
        assert snap.counts(by_name[profile.name])["overdue"] == sum(_late(t, day) for t in own), profile.name
    assert recurring_seen


def test_evidence_is_stored_per_agency_and_files_once(province, received):
    ws, _ = received
    snap = views.load(ws, views.period_of("year", 2025, ws))
    agency = next(a for a in snap.agencies if a["name"] == "UBND xã Hòa Ân")
    first = own_tasks(province["folders"]["UBND xã Hòa Ân"])
    task_id = next(t["id"] for t in first if t["evidence_count"])
    detail = views.agency_task(ws, agency["id"], task_id)
    assert [e["abstract"] for e in detail["evidence"]] == ["Báo cáo kết quả", "Hướng dẫn của tỉnh"]
    assert all(e["file_status"] == "ok" for e in detail["evidence"])
    copy = views.evidence_copy_to_open(ws, detail["evidence"][1]["id"])
    assert copy.read_bytes().startswith(b"%PDF-1.4\nHuong dan")
    shared = detail["evidence"][1]["file_sha256"]
    stored = [p for p in (ws.data_dir / "evidence").rglob("*") if p.is_file()]
    assert sum(p.name.startswith(shared) for p in stored) == 1
    # the agency's own progress tables stay as they were (the consolidator's, empty)
    assert ws.db["progress"].count == 0 and ws.db["evidence"].count == 0
    # and the received files count as in use: the cleanup keeps them
    from kehoach_desktop.db import maintenance

    assert shared in maintenance.evidence_hashes(ws.db.conn)


def test_receiving_twice_changes_nothing(province, received):
    ws, _ = received
    before = snapshot(ws.db)
    again = receiving.receive(ws, [province["packages"]])
    assert again.count(receiving.UNCHANGED) == len(AGENCIES) - len(UNREPORTED)
    assert again.count(receiving.RECEIVED) == 0
    assert snapshot(ws.db) == before


def test_an_older_package_never_overwrites_newer_data(province, tmp_path):
    folder = province["folders"]["UBND xã Nước Hai"]
    work = tmp_path / "agency"
    import shutil

    shutil.copytree(folder, work)
    with Workspace(work) as agency:
        task = agency.tasks(mine_only=True)[0]
        agency.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=30, result="Bản cũ"))
        agency.export_package(tmp_path / "raw-old.khbc")
        agency.save_progress(Progress(task_id=task.id, status=Status.DONE, percent=100, result="Bản mới",
                                      completed_on=dt.date.today()))
        agency.export_package(tmp_path / "new.khbc")
    old = rebuild_package(tmp_path / "raw-old.khbc", tmp_path / "old.khbc",  # made an hour earlier
                          manifest_change=lambda m: m.update(created_at=(
                              dt.datetime.fromisoformat(m["created_at"]) - dt.timedelta(hours=1)).isoformat()))
    with consolidator(province, tmp_path / "snv") as ws:
        first = receiving.receive(ws, [tmp_path / "new.khbc"])
        assert first.count(receiving.RECEIVED) == 1
        later = receiving.receive(ws, [old])
        assert later.packages[0].changes["tasks_kept_newer"] > 0
        agency_id = next(a["id"] for a in roster.roster(ws) if a["name"] == "UBND xã Nước Hai")
        detail = views.agency_task(ws, agency_id, task.id)
        assert (detail["status"], detail["result"]) == ("hoàn thành", "Bản mới")
    # the same two in one batch, the older listed first or last: the same outcome
    with consolidator(province, tmp_path / "snv2") as ws:
        receiving.receive(ws, [old, tmp_path / "new.khbc"])
        agency_id = next(a["id"] for a in roster.roster(ws) if a["name"] == "UBND xã Nước Hai")
        assert views.agency_task(ws, agency_id, task.id)["result"] == "Bản mới"


def _inside_member(path, name: str) -> int:
    """The offset of a byte in the middle of a member's stored data."""
    import struct
    import zipfile

    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    with open(path, "rb") as handle:
        handle.seek(info.header_offset + 26)
        name_length, extra_length = struct.unpack("<2H", handle.read(4))
    return info.header_offset + 30 + name_length + extra_length + info.compress_size // 2


def test_bad_packages_are_refused_by_name_and_the_rest_go_in(province, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    good = sorted(province["packages"].glob("*.khbc"))[:4]
    for path in good[:3]:
        (usb / path.name).write_bytes(path.read_bytes())
    tampered = bytearray(good[3].read_bytes())
    tampered[_inside_member(good[3], "data.json")] ^= 0xFF  # (a byte of evidence the Sở holds would not matter)
    (usb / "hong.khbc").write_bytes(bytes(tampered))

    def other_plan(m):
        m["plans"][0]["number"] = "999/KH-UBND"
    rebuild_package(good[0], usb / "ke-hoach-khac.khbc", manifest_change=other_plan)

    def other_province(m):
        m["plans"][0].update(number="88/KH-UBND", issuer="Ủy ban nhân dân tỉnh Đắk Lắk")
    rebuild_package(good[1], usb / "tinh-khac.khbc", manifest_change=other_province)
    with consolidator(province, tmp_path / "snv") as ws:
        before = snapshot(ws.db)
        preview = receiving.receive(ws, [usb], dry_run=True)
        assert snapshot(ws.db) == before  # a dry run writes nothing
        code, out = run_cli("--data-dir", ws.data_dir, "receive", usb, "--json")
        assert code == 1
        result = json.loads(out)
    outcomes = {item["file"]: item for item in result["packages"]}
    assert [item.status for item in preview.packages] == [item["status"] for item in result["packages"]]
    assert {name for name, item in outcomes.items() if item["status"] == "received"} == {p.name for p in good[:3]}
    assert "mã kiểm tra" in outcomes["hong.khbc"]["message"]
    assert "999/KH-UBND" in outcomes["ke-hoach-khac.khbc"]["message"]
    assert "tỉnh khác" in outcomes["tinh-khac.khbc"]["message"]
    assert "Đắk Lắk" in outcomes["tinh-khac.khbc"]["message"]


def test_a_lead_department_sees_only_the_tasks_it_leads(province, tmp_path):
    with consolidator(province, tmp_path / "stp", name="Sở Tư pháp", consolidates="led-tasks") as ws:
        result = receiving.receive(ws, [province["packages"]])
        refused = [i for i in result.packages if i.status == receiving.REFUSED]
        assert len(refused) == 1 and "chính đơn vị này" in refused[0].message  # its own package
        code, out = run_cli("--data-dir", ws.data_dir, "overview", "--json")
        data = json.loads(out)
        led = [t for t in ws.tasks() if t.lead == ["Sở Tư pháp"] and not t.removed]
        assert led and {t["id"] for t in data["tasks"]} == {t.id for t in led}
        # group leads ("Các sở, ban, ngành") give it no gathering role
        assert all("Các sở" not in " ".join(t.lead) for t in ws.tasks() if t.id in {x["id"] for x in data["tasks"]})
        for item in data["agencies"]:
            assert item["tasks"] <= len(led)


def test_profile_consolidates_on_the_command_line(province, tmp_path):
    data = tmp_path / "d"
    code, out = run_cli("--data-dir", data, "profile", "--name", "Sở Nội vụ", "--kind", "so",
                        "--consolidates", "plan")
    assert code == 0 and json.loads(out)["consolidates"] == "plan"
    code, out = run_cli("--data-dir", data, "profile", "--consolidates", "led-tasks")
    assert json.loads(out)["consolidates"] == "led-tasks" and json.loads(out)["name"] == "Sở Nội vụ"
    code, _ = run_cli("--data-dir", data, "profile", "--consolidates", "tinh")
    assert code == 2


def test_receiving_needs_a_consolidating_role(province, tmp_path):
    import shutil

    shutil.copytree(province["template"], tmp_path / "d")
    with Workspace(tmp_path / "d") as ws:
        with pytest.raises(InvalidInputError, match="vai trò tổng hợp"):
            receiving.receive(ws, [province["packages"]])


def test_roster_identity_code_else_exact_name_and_near_names_are_asked(tmp_path):
    with Workspace(tmp_path / "d") as ws:
        ws.save_profile(AgencyProfile(name="Sở Nội vụ", kind=AgencyKind.SO))
        roster.set_consolidates(ws, "plan")
        roster.add_agency(ws, "UBND xã Hòa An", "xa")
        with pytest.raises(InvalidInputError, match="gần giống “UBND xã Hòa An”"):
            roster.add_agency(ws, "UBND xã Hoà An", "xa")  # another spelling of the same name: asked
        with pytest.raises(InvalidInputError, match="gần giống"):
            roster.add_agency(ws, "UBND xã Hòa Ân", "xa")
        roster.add_agency(ws, "UBND xã Hòa Ân", "xa", allow_similar=True)
        roster.add_agency(ws, "UBND xã Hòa An", "xa", contact="0206 3852 111")  # the same: completed
        roster.add_agency(ws, "Xã Hòa An (cũ)", "xa", code="H01")
        assert roster.add_agency(ws, "UBND xã Hòa An mới", "xa", code="H01").updated  # the code wins
        names = [row["name"] for row in roster.roster(ws)]
        assert names == ["UBND xã Hòa An", "UBND xã Hòa An mới", "UBND xã Hòa Ân"]


def test_roster_from_excel_and_assigned_tasks_by_the_annex(imported_workspace, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH ĐƠN VỊ BÁO CÁO"])
    sheet.append(["STT", "Tên đơn vị", "Mã định danh", "Loại", "Đầu mối liên hệ"])
    sheet.append([1, "Sở Tư pháp", "000.00.01.H10", "Sở", "Phòng HCTP"])
    sheet.append([2, "UBND xã Hòa An", "", "", "=HYPERLINK(\"x\")"])
    sheet.append([3, "UBND xã Hoà An", "", "xã", ""])  # near-identical: a question
    sheet.append([4, "", "", "", ""])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    ws = imported_workspace
    roster.set_consolidates(ws, "plan")
    preview = roster.import_roster(ws, path, dry_run=True)
    assert [r["name"] for r in preview.added] == ["Sở Tư pháp", "UBND xã Hòa An"] and len(preview.questions) == 1
    assert roster.roster(ws) == []
    code, out = run_cli("--data-dir", ws.data_dir, "roster", "import", path, "--json")
    assert code == 0 and json.loads(out)["applied"]
    code, out = run_cli("--data-dir", ws.data_dir, "roster", "--json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["Sở Tư pháp"]["kind"] == "so" and rows["Sở Tư pháp"]["code"] == "000.00.01.H10"
    assert rows["UBND xã Hòa An"]["kind"] == "xa"
    # what a commune must report on is what the commune itself sees as its tasks
    commune = len(ws.tasks(mine_only=True))  # the imported workspace is UBND xã Hòa An
    assert rows["UBND xã Hòa An"]["tasks"] == commune
    code, _ = run_cli("--data-dir", ws.data_dir, "roster", "add", "--name", "Sở Y tế", "--kind", "so")
    assert code == 0


def test_register_filters_missing_and_late(province, received):
    ws, _ = received
    snap = views.load(ws, views.period_of("year", 2025, ws), today=dt.date(2026, 1, 5))
    missing = {row["name"] for row in views.register(snap, views.MISSING)}
    assert missing == UNREPORTED
    late = views.register(snap, views.LATE)  # made today, long after 12/12/2025
    assert len(late) == len(AGENCIES) - len(UNREPORTED)
    lists = views.action_lists(snap)
    assert set(lists["not_reported"]) == UNREPORTED
    assert lists["overdue"] and all(item["tasks"] for item in lists["overdue"])


def test_consolidated_report_names_every_agency_that_has_not_reported(province, received, tmp_path):
    from pypdf import PdfReader

    ws, _ = received
    pdf, docx = tmp_path / "tong-hop.pdf", tmp_path / "tong-hop.docx"
    for out in (pdf, docx):
        code, text = run_cli("--data-dir", ws.data_dir, "report", "--consolidated", "--period", "year",
                             "--year", "2025", "--out", out)
        assert code == 0 and out.is_file()
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    text = " ".join(text.split())
    for name in UNREPORTED:
        assert name in text
    assert "PHỤ LỤC I" in text and "PHỤ LỤC II" in text and "PHỤ LỤC III" in text
    assert "Sở Tư pháp (chủ trì)" in text  # the lead department's results in its area
    assert "Thiếu kinh phí" in text and "Đề nghị hỗ trợ" in text  # gathered from the agencies
    import docx as python_docx

    document = python_docx.Document(docx)
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert UNREPORTED <= cells


def test_a_closed_year_counts_tasks_due_on_its_last_day_as_overdue_as_each_agency_report_does(province, received):
    """The yearly report is written after 31/12: a task due that day and not done is late then,
    in the consolidated figures exactly as in the agencies' own reports (closed period)."""
    from kehoach_desktop.consolidation.report import build_consolidated
    from kehoach_desktop.report.periods import ReportPeriod

    ws, _ = received
    year_end = dt.date(2025, 12, 31)
    content = build_consolidated(ws, ReportPeriod.of("year", 2025), dt.date(2026, 1, 20))
    snap = views.load(ws, ReportPeriod.of("year", 2025), year_end, closed=True)
    expected = 0
    for agency in snap.agencies:
        for task in snap.tasks:
            status = snap.status(agency["id"], task.id)
            completed = snap.completed_on(agency["id"], task.id)
            done_by_then = completed is not None and dt.date.fromisoformat(completed) <= year_end
            if status is not None and status not in CLOSED and task.due_date == year_end and not done_by_then:
                expected += 1
    assert expected > 0  # the sample's yearly tasks, left undone by most agencies
    assert content.figures.overdue >= expected


def test_matrix_workbook_one_sheet_per_index_frozen_and_formula_safe(province, received, tmp_path):
    import openpyxl

    ws, _ = received
    roster.add_agency(ws, "=HYPERLINK(\"http://x.invalid\",\"bấm\")", "khac")  # a hostile name stays text
    out = tmp_path / "ma-tran.xlsx"
    code, _ = run_cli("--data-dir", ws.data_dir, "overview", "--period", "year", "--year", "2025", "--xlsx", out)
    assert code == 0
    book = openpyxl.load_workbook(out)
    snap = views.load(ws, views.period_of("year", 2025, ws))
    assert book.sheetnames == list(dict.fromkeys(t.index_kind for t in snap.tasks))
    sheet = book[book.sheetnames[0]]
    assert sheet.freeze_panes == "C2"
    header = [cell.value for cell in sheet[1]]
    assert header[5:] == [a["name"] for a in snap.agencies]
    hostile = sheet.cell(row=1, column=header.index("=HYPERLINK(\"http://x.invalid\",\"bấm\")") + 1)
    assert hostile.data_type == "s" and hostile.quotePrefix
    first = snap.tasks[0]
    done, assigned = views.task_counts(snap, first)
    assert [sheet.cell(row=2, column=4).value, sheet.cell(row=2, column=5).value] == [done, assigned]


def test_one_task_package_per_rostered_agency(province, tmp_path):
    import zipfile

    with consolidator(province, tmp_path / "snv") as ws:
        folder = tmp_path / "usb"
        folder.mkdir()
        code, out = run_cli("--data-dir", ws.data_dir, "roster", "send-tasks", folder, "--json")
        assert code == 0
        sent = json.loads(out)
        assert len(sent["written"]) == len(AGENCIES)
        files = sorted(folder.glob("*.khnv"))
        assert len(files) == len(AGENCIES)  # "Hòa An" and "Hòa Ân" get two files
        expected = {row["name"]: row["tasks"] for row in roster.roster(ws)}
    for item in sent["written"]:
        assert item["tasks"] == expected[item["agency"]]
    # a commune with no annex imports its package and has exactly its tasks
    commune = next(item for item in sent["written"] if item["agency"] == "UBND xã Hòa Ân")
    with Workspace(tmp_path / "xa") as ws:
        ws.save_profile(AgencyProfile(name="UBND xã Hòa Ân", kind=AgencyKind.XA))
        ws.import_package(commune["file"])
        assert len(ws.tasks(mine_only=True)) == commune["tasks"] == len(ws.tasks())
    assert zipfile.is_zipfile(commune["file"])


def test_a_near_identical_agency_name_in_a_package_is_asked_not_merged(province, tmp_path):
    source = sorted(province["packages"].glob("*.khbc"))[0]  # UBND xã Hòa An's

    def renamed(m):
        m["profile"]["name"] = "UBND xã Hoà An"  # the old accent placement: another string, the same letters
    odd = rebuild_package(source, tmp_path / "hoa-an-cu.khbc", manifest_change=renamed)
    with consolidator(province, tmp_path / "snv") as ws:
        before = snapshot(ws.db)
        result = receiving.receive(ws, [odd])
        [item] = result.packages
        assert item.status == receiving.QUESTION and "gần giống “UBND xã Hòa An”" in item.message
        assert snapshot(ws.db) == before  # nothing merged, nothing added
        code, _ = run_cli("--data-dir", ws.data_dir, "receive", odd)
        assert code == 1


def test_packages_from_agencies_not_on_the_roster_add_them(province, tmp_path):
    import shutil

    shutil.copytree(province["template"], tmp_path / "snv")
    with Workspace(tmp_path / "snv") as ws:
        roster.set_consolidates(ws, "plan")
        result = receiving.receive(ws, sorted(province["packages"].glob("*.khbc"))[:4])
        # "Hòa An" goes in; "Hòa Ân", near-identical and on no roster, is asked about, not merged
        assert [item.status for item in result.packages] == ["received", "question", "received", "received"]
        assert all(item.changes["agency_added"] for item in result.packages if item.status == "received")
        rows = roster.roster(ws)
        assert len(rows) == 3 and {row["source"] for row in rows} == {"goi"}
        roster.add_agency(ws, "UBND xã Hòa Ân", "xa", allow_similar=True)  # the user's answer: another commune
        again = receiving.receive(ws, sorted(province["packages"].glob("*.khbc"))[:4])
        assert [item.status for item in again.packages] == ["unchanged", "received", "unchanged", "unchanged"]


def test_received_texts_are_cleaned_like_any_package(province, tmp_path):
    """A control character or U+FFFE in what an agency sent is dropped on receipt, so the
    consolidated Word report and the matrix workbook can always write it."""
    source = sorted(province["packages"].glob("*.khbc"))[0]

    def dirty(name, data):
        if name != "data.json":
            return data
        content = edit_progress(json.loads(data), lambda records: [
            record.update(result="Đã xong\x07 đợt\ufffe 1") for record in records])
        return json.dumps(content, ensure_ascii=False).encode()

    package = rebuild_package(source, tmp_path / "ban.khbc", change=dirty)
    with consolidator(province, tmp_path / "snv") as ws:
        assert receiving.receive(ws, [package]).count(receiving.RECEIVED) == 1
        results = {row["result"] for row in ws.db.query("SELECT result FROM agency_task WHERE result != ''")}
        assert results == {"Đã xong đợt 1"}
    docx = tmp_path / "tong-hop.docx"
    code, _ = run_cli("--data-dir", tmp_path / "snv", "report", "--consolidated", "--period", "year",
                      "--year", "2025", "--out", docx)
    assert code == 0 and docx.is_file()


def test_a_role_that_is_not_text_is_refused_whether_the_plan_is_new_or_known(province, tmp_path, monkeypatch):
    """Issue 11: one rule for a task's role, whether the receiver reads the package's plan.json or
    knows it already (the same file was taken the first time and refused once the plan was known)."""
    import _exchange_support

    monkeypatch.setitem(_exchange_support.SEAL_VERSION, "value", 2)
    first, other = sorted(province["packages"].glob("*.khbc"))[:2]

    def numeric_role(name, data):
        if name != "data.json":
            return data
        value = json.loads(data)
        value["plans"][0]["roles"][0][2] = 5
        return json.dumps(value, ensure_ascii=False).encode()

    odd = rebuild_package(other, tmp_path / "vai-tro-so.khbc", change=numeric_role)
    with consolidator(province, tmp_path / "new") as ws:  # the plan read from the package
        new = receiving.receive(ws, [odd])
    with consolidator(province, tmp_path / "known") as ws:  # the plan known from a package before
        assert receiving.receive(ws, [first]).count(receiving.RECEIVED) == 1
        known = receiving.receive(ws, [odd])
    for result in (new, known):
        assert [item.status for item in result.packages] == [receiving.REFUSED]
        assert "vai trò trong nhiệm vụ" in result.packages[0].message
