"""Revised annexes: a task reworded between versions keeps its progress and evidence."""

from __future__ import annotations

import openpyxl

from kehoach_desktop.model import Evidence, Progress, Status

from _support import copy_sample, find_row


def _reword(sample, target, sheet_name: str, code: str, change) -> str:
    copy_sample(sample, target)
    workbook = openpyxl.load_workbook(target)
    sheet = workbook[sheet_name]
    cell = sheet.cell(find_row(sheet, 1, code, start=5), 3)
    cell.value = change(cell.value)
    workbook.save(target)
    return cell.value


def _task(ws, kind, code):
    return next(r for r in ws.tasks() if r.index_kind == kind and r.code == code and not r.removed)


def _record(ws, task):
    ws.save_progress(
        Progress(task_id=task.id, status=Status.DONE, percent=100, result="Đã ban hành kế hoạch"),
        [(Evidence(task_id=task.id, number="12/KH-UBND", abstract="Kế hoạch"), None)],
    )


def test_a_reworded_task_keeps_its_progress_and_evidence(imported_workspace, sample_xlsx, tmp_path):
    ws = imported_workspace
    task = _task(ws, "PAR INDEX", "1.3")
    _record(ws, task)

    def reword(text: str) -> str:  # a few words changed, as a revised annex does
        return text.replace("Kiểm tra", "Tổ chức kiểm tra", 1).rstrip(".") + " năm 2025."

    new_text = _reword(sample_xlsx, tmp_path / "sua-doi.xlsx", "Phụ lục 1", "1.3", reword)
    assert new_text != task.content
    summary = ws.import_annex(tmp_path / "sua-doi.xlsx")

    same = ws.task(task.id)
    assert same.content == new_text and not same.removed
    assert ws.progress(task.id).status == Status.DONE
    assert [e.number for e in ws.evidence_list(task.id)] == ["12/KH-UBND"]
    assert summary.changes["added"] == 0 and summary.changes["removed"] == 0
    assert summary.changes["updated"] == 1
    assert ws.counts().total == 94


def test_a_rewritten_task_is_new_and_the_old_one_kept_as_removed(imported_workspace, sample_xlsx, tmp_path):
    ws = imported_workspace
    task = _task(ws, "PAR INDEX", "1.3")
    _record(ws, task)
    new_text = _reword(sample_xlsx, tmp_path / "sua-doi.xlsx", "Phụ lục 1", "1.3",
                       lambda _: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực")
    summary = ws.import_annex(tmp_path / "sua-doi.xlsx")

    assert ws.task(task.id).removed  # kept, with its work, but no longer in the plan
    assert ws.progress(task.id).status == Status.DONE and len(ws.evidence_list(task.id)) == 1
    [fresh] = [r for r in ws.tasks() if r.content == new_text]
    assert fresh.id != task.id and ws.progress(fresh.id).status == Status.NOT_STARTED
    assert summary.changes["added"] == 1 and summary.changes["removed"] == 1


def test_two_tasks_of_one_criterion_both_reworded_pair_with_their_own(workspace, tmp_path):
    from _support import build_workbook

    header = ["STT", "Tiêu chí", "Nhiệm vụ", "Thời gian", "Đơn vị chủ trì", "Đơn vị phối hợp"]
    first = [header, ["1.1", "Tiêu chí", "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền", "Quý II", "UBND cấp xã", ""],
             ["", "", "Tuyên truyền về dịch vụ công trực tuyến trên loa truyền thanh xã", "Quý III", "UBND cấp xã", ""]]
    second = [header, ["1.1", "Tiêu chí", "Rà soát, đánh giá các thủ tục hành chính thuộc thẩm quyền giải quyết", "Quý II", "UBND cấp xã", ""],
              ["", "", "Tuyên truyền về dịch vụ công trực tuyến trên hệ thống loa truyền thanh", "Quý III", "UBND cấp xã", ""]]
    build_workbook(tmp_path / "12-KH-UBND.xlsx", {"PL": first})
    workspace.import_annex(tmp_path / "12-KH-UBND.xlsx")
    before = {r.deadline_text: r.id for r in workspace.tasks()}
    build_workbook(tmp_path / "12-KH-UBND.xlsx", {"PL": second})
    summary = workspace.import_annex(tmp_path / "12-KH-UBND.xlsx")
    after = {r.deadline_text: r.id for r in workspace.tasks() if not r.removed}
    assert after == before
    assert summary.changes["updated"] == 2 and summary.changes["added"] == 0


def test_two_identical_tasks_under_one_criterion_import_twice_without_change(workspace, tmp_path):
    from _support import build_workbook, snapshot

    header = ["STT", "Tiêu chí", "Nhiệm vụ", "Thời gian", "Đơn vị chủ trì", "Đơn vị phối hợp"]
    rows = [header, ["1.1", "Tiêu chí", "Tuyên truyền cải cách hành chính", "Quý II", "UBND cấp xã", ""],
            ["", "", "Tuyên truyền cải cách hành chính", "Quý IV", "UBND cấp xã", ""]]
    annex = build_workbook(tmp_path / "12-KH-UBND.xlsx", {"PL": rows})
    workspace.import_annex(annex)
    before = snapshot(workspace.db)
    summary = workspace.import_annex(annex)
    assert summary.changes["added"] == 0 and summary.changes["removed"] == 0
    assert snapshot(workspace.db) == before
