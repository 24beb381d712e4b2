"""Issue 16: an honest first start, the sample plan, removing a plan, the plan selector, a finished year."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QDialog  # noqa: E402

from kehoach_desktop.model import Evidence, Progress, Status  # noqa: E402
from kehoach_desktop.plans import finished_plans, plan_contents, remove_plan  # noqa: E402
from kehoach_desktop.ui.plan_bar import RemovePlanDialog  # noqa: E402
from kehoach_desktop.ui.profile_dialog import ProfileDialog  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def test_first_start_profile_is_empty_with_examples_and_cancel_saves_nothing(qtbot, tmp_path, monkeypatch):
    from kehoach_desktop.ui import app as app_module

    app_module.make_application()
    shown = []

    def look_and_cancel(dialog):
        shown.append((dialog.name.text(), dialog.name.placeholderText(), dialog.governing_body.text()))
        return QDialog.Rejected

    monkeypatch.setattr(ProfileDialog, "exec", look_and_cancel)
    win = app_module.open_main_window(tmp_path / "data", synchronous=True)
    qtbot.addWidget(win)
    app_module.first_run(win)
    assert shown == [("", "ví dụ: UBND xã Hòa An, Sở Tư pháp", "")]
    assert win.workspace.profile() is None and not win.workspace.has_plans()  # nothing saved, no sample
    assert "Chưa khai báo cơ quan, đơn vị" in win.statusBar().currentMessage()
    assert win.agency_label.text() == "Chưa khai báo đơn vị"
    app_module.first_run(win)  # the next start asks again
    assert len(shown) == 2
    win.workspace.close()


def test_first_start_offers_the_sample_and_can_decline_it(qtbot, tmp_path, monkeypatch):
    from kehoach_desktop.ui import app as app_module

    app_module.make_application()

    def fill_decline_sample(dialog):
        dialog.name.setText("Sở Tư pháp")
        assert dialog.load_sample.isChecked() and "Kế hoạch mẫu" in dialog.load_sample.text()
        dialog.load_sample.setChecked(False)
        return QDialog.Accepted

    monkeypatch.setattr(ProfileDialog, "exec", fill_decline_sample)
    win = app_module.open_main_window(tmp_path / "data", synchronous=True)
    qtbot.addWidget(win)
    app_module.first_run(win)
    assert win.workspace.profile().name == "Sở Tư pháp" and not win.workspace.has_plans()
    win.workspace.close()


def test_the_sample_plan_is_labelled_and_removable_after_a_backup(window, tmp_path, monkeypatch):
    bar = window.plan_bar
    assert bar.combo.currentText().startswith("Kế hoạch mẫu — 2163/KH-UBND")
    assert bar.remove_sample.isVisibleTo(window) and "Kế hoạch mẫu" in bar.banner.text()
    ws = window.workspace
    task = ws.tasks(mine_only=True)[0]
    ws.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=30, result="Đang làm"))
    proof = tmp_path / "bc.pdf"
    proof.write_bytes(b"%PDF-1.4 x")
    ws.add_evidence(task.id, Evidence(task_id=task.id, number="1/BC"), proof)

    seen = []

    def confirm(dialog):
        seen.append(dialog.what.text())
        return QDialog.Accepted

    monkeypatch.setattr(RemovePlanDialog, "exec", confirm)
    bar.remove_sample.click()
    assert "94 nhiệm vụ, 1 kết quả đã ghi, 1 tài liệu kiểm chứng" in seen[0] and "sao lưu" in seen[0]
    assert not ws.has_plans() and ws.tasks() == []
    backups = ws.backups.list()
    assert backups and backups[0].reason == "xoa-ke-hoach" and backups[0].tasks == 94
    assert "Đã xóa kế hoạch 2163/KH-UBND" in window.statusBar().currentMessage()
    assert not bar.isVisible()


def test_removal_refused_by_the_user_changes_nothing(window, monkeypatch):
    monkeypatch.setattr(RemovePlanDialog, "exec", lambda dialog: QDialog.Rejected)
    window.remove_plan_action.trigger()
    assert len(window.workspace.tasks()) == 94


def test_the_plan_selector_drives_tree_counts_and_reports(window):
    ws = window.workspace
    ws.import_annex(DATA / "bac-kan-365-KH-UBND-phu-luc.xlsx")
    window.reload()
    plans = ws.plans()
    assert len(plans) == 2 and window.plan_bar.combo.count() == 3  # two plans and "Tất cả kế hoạch"
    shown = {row.plan_id for row in ws.tasks() if row.id in set(window.visible_task_ids())}
    assert shown == {window.current_plan_id}
    for index in range(window.plan_bar.combo.count()):
        window.plan_bar.combo.setCurrentIndex(index)
        chosen = window.plan_bar.combo.currentData()
        visible = {row.plan_id for row in ws.tasks() if row.id in set(window.visible_task_ids())}
        expected_plans = {plan["id"] for plan in plans} if chosen is None else {chosen}
        assert visible <= expected_plans and (chosen is None or visible == {chosen} or not visible)
        mine = sum(1 for row in ws.tasks(mine_only=True) if chosen in (None, row.plan_id))
        assert f"Việc của tôi: {mine} " in window.counts_label.text()
    sample = next(plan for plan in plans if plan["number"] == "2163/KH-UBND")
    window.plan_bar.combo.setCurrentIndex(window.plan_bar.combo.findData(sample["id"]))
    from kehoach_desktop.ui.report_dialog import ReportDialog

    dialog = ReportDialog(ws, window.runner, window, plan_id=window.current_plan_id)
    assert dialog.plan_id == sample["id"] and "2163/KH-UBND" in dialog.windowTitle()
    dialog.done(0)


def test_a_past_years_plan_says_it_has_ended(window):
    rows = window.workspace.tasks()
    unfinished = sum(1 for row in rows if row.role and not row.removed and row.status != Status.DONE)
    [finished] = finished_plans(window.workspace.plans(), rows, dt.date(2026, 3, 1))
    assert finished.sentence() == f"Kế hoạch năm 2025 đã kết thúc: {unfinished} nhiệm vụ chưa hoàn thành."
    assert finished_plans(window.workspace.plans(), rows, dt.date(2025, 11, 1)) == []
    from kehoach_desktop.ui.task_tree import CALM_ROLE, COL_DEADLINE

    def first_row_calm() -> bool:
        task_id = window.visible_task_ids()[0]
        index = window.proxy.view_index(window.model.index_of_task(task_id).siblingAtColumn(COL_DEADLINE))
        return bool(index.data(CALM_ROLE))  # a finished plan's look, built into the items

    window.today = dt.date(2025, 10, 1)
    window.reload()
    assert not first_row_calm()  # a running plan keeps its "needs you now" colours
    window.today = dt.date(2026, 3, 1)
    window.reload()
    assert finished.sentence() in window.plan_bar.banner.text()
    assert first_row_calm()  # a finished plan's rows are not painted as alarms
    assert window.overview.chart.finished
    # the overview's count is of late tasks and says so: the banner's "chưa hoàn thành" counts every unfinished one
    from kehoach_desktop.workspace import is_overdue

    overdue = sum(1 for row in rows if row.role and not row.removed and is_overdue(row, window.today))
    assert f"{overdue} việc quá hạn khi kế hoạch kết thúc" in window.overview.links.text()


def test_remove_plan_service_names_what_goes(imported_workspace):
    plan_id = imported_workspace.plans()[0]["id"]
    contents = plan_contents(imported_workspace, plan_id)
    assert (contents.tasks, contents.results, contents.evidence) == (94, 0, 0)
    removal = remove_plan(imported_workspace, plan_id)
    assert removal.contents.tasks == 94 and removal.backup is not None
    assert imported_workspace.plans() == []


def test_unfinished_tasks_are_carried_over_by_hand_and_survive_a_reimport(imported_workspace):
    from kehoach_desktop.plans import carry_over, unfinished_tasks

    ws = imported_workspace
    sample = ws.plans()[0]
    done_task = ws.tasks(mine_only=True)[0]
    ws.save_progress(Progress(task_id=done_task.id, status=Status.DONE, percent=100, completed_on=dt.date(2025, 6, 1)))
    annex = DATA / "bac-kan-365-KH-UBND-phu-luc.xlsx"
    ws.import_annex(annex)
    target = next(plan for plan in ws.plans() if plan["id"] != sample["id"])
    left = unfinished_tasks(ws.tasks(), sample["id"])
    assert done_task.id not in {row.id for row in left}
    chosen = [row.id for row in left[:5]]
    assert carry_over(ws, chosen, target["id"]) == 5
    assert carry_over(ws, chosen, target["id"]) == 0  # not copied twice
    carried = [row for row in ws.tasks() if row.plan_id == target["id"] and row.index_name.startswith("Nhiệm vụ chuyển tiếp")]
    assert len(carried) == 5 and carried[0].index_name == f"Nhiệm vụ chuyển tiếp từ kế hoạch 2163/KH-UBND (năm 2025)"
    year = target["year"] or 2025
    assert all(row.deadline_text == f"Trong năm {target['year']}" for row in carried) or target["year"] is None
    assert {row.content for row in carried} == {row.content for row in left[:5]}
    assert all(row.role is not None and row.status == Status.NOT_STARTED for row in carried)
    assert all(row.due_date in (None, dt.date(year, 12, 31)) for row in carried)
    ws.import_annex(annex)  # a revised annex of the new plan does not drop the carried tasks
    assert all(not ws.task(row.id).removed for row in carried)


def test_a_new_years_annex_under_the_same_number_is_a_new_plan(workspace, sample_xlsx):
    """Numbers start again every year: "15/KH-UBND" of 2026 is not a revision of "15/KH-UBND" of 2025."""
    import dataclasses

    from kehoach_desktop.importing import apply_annex, read_annex

    annex = dataclasses.replace(read_annex(sample_xlsx), plan_date=None)  # an annex whose date was not found
    apply_annex(workspace.db, dataclasses.replace(annex, plan_year=2025), sample_xlsx.name)
    apply_annex(workspace.db, dataclasses.replace(annex, plan_year=2025), sample_xlsx.name)  # a revision
    assert len(workspace.plans()) == 1
    apply_annex(workspace.db, dataclasses.replace(annex, plan_year=2026), sample_xlsx.name)
    assert sorted(plan["year"] for plan in workspace.plans()) == [2025, 2026]
    assert not any(row.removed for row in workspace.tasks())  # last year's tasks are not "removed"


def test_the_window_offers_to_carry_a_finished_plans_tasks_over(window, monkeypatch):
    from PySide6.QtCore import Qt

    from kehoach_desktop.ui.plan_bar import CarryOverDialog

    ws = window.workspace
    ws.import_annex(DATA / "bac-kan-365-KH-UBND-phu-luc.xlsx")
    window.today = dt.date(2026, 2, 1)
    window.reload()
    sample = next(plan for plan in ws.plans() if plan["number"] == "2163/KH-UBND")
    window.plan_bar.combo.setCurrentIndex(window.plan_bar.combo.findData(sample["id"]))
    assert window.plan_bar.carry_button.isVisibleTo(window)
    assert "Kế hoạch năm 2025 đã kết thúc" in window.plan_bar.banner.text()

    def keep_two(dialog):
        assert dialog.tasks.count() == 89
        for i in range(2, dialog.tasks.count()):
            dialog.tasks.item(i).setCheckState(Qt.Unchecked)
        return QDialog.Accepted

    monkeypatch.setattr(CarryOverDialog, "exec", keep_two)
    window.plan_bar.carry_button.click()
    target = window.current_plan_id
    assert target != sample["id"] and "Đã chuyển 2 nhiệm vụ" in window.statusBar().currentMessage()
    assert sum(row.index_name.startswith("Nhiệm vụ chuyển tiếp") for row in ws.tasks() if row.plan_id == target) == 2


def test_the_command_line_removes_a_plan_and_carries_tasks_over(imported_workspace, capsys):
    from _support import run_cli

    ws = imported_workspace
    folder = ws.data_dir
    ws.import_annex(DATA / "bac-kan-365-KH-UBND-phu-luc.xlsx")
    target = next(plan for plan in ws.plans() if plan["number"] != "2163/KH-UBND")
    code, out, _ = run_cli(capsys, "carry-over", "--data-dir", folder, "--from", "2163/KH-UBND", "--to", target["number"])
    assert code == 0 and out.startswith("Đã chuyển 89 nhiệm vụ sang kế hoạch")
    code, out, _ = run_cli(capsys, "remove-plan", "--data-dir", folder, "--plan", "2163/kh-ubnd")
    assert code == 0 and "Sẽ xóa kế hoạch “Kế hoạch mẫu — 2163/KH-UBND" in out and "94 nhiệm vụ" in out
    assert len(ws.plans()) == 2  # without --yes nothing goes
    code, out, _ = run_cli(capsys, "remove-plan", "--data-dir", folder, "--plan", "2163/KH-UBND", "--yes")
    assert code == 0 and out.startswith("Đã xóa kế hoạch 2163/KH-UBND cùng 94 nhiệm vụ") and "sao lưu" in out
    assert [plan["number"] for plan in ws.plans()] == [target["number"]]
    code, _, err = run_cli(capsys, "remove-plan", "--data-dir", folder, "--plan", "99/KH")
    assert code == 2 and err.strip() == "Lỗi: Không có kế hoạch số “99/KH”."


def test_the_overview_follows_the_plan_chosen(window):
    """With no task selected the overview is on screen: choosing another plan redraws it for that plan."""
    ws = window.workspace
    ws.import_annex(DATA / "bac-kan-365-KH-UBND-phu-luc.xlsx")
    window.reload()
    combo = window.plan_bar.combo
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        chosen = combo.itemData(index)
        mine = [row for row in ws.tasks(mine_only=True) if chosen in (None, row.plan_id)]
        assert window.detail.task is None and window.overview.overview.total == len(mine)
