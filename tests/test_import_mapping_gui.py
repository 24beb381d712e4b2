"""The import preview (issue 14): reassign a column, see the counts change, import; and the
mapping step offered when no header is recognised. Screenshots go to $KEHOACH_SHOTS if set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import _layout_support as layouts  # noqa: E402
from _support import build_workbook  # noqa: E402
from kehoach_desktop.ui.import_dialog import ImportPreviewDialog  # noqa: E402


def _shot(dialog, name):
    folder = os.environ.get("KEHOACH_SHOTS")
    if folder:
        for width, height in ((1366, 728), (1024, 768)):
            dialog.resize(width, height)
            for tab in range(dialog.tabs.count()):
                dialog.tabs.setCurrentIndex(tab)
                dialog.grab().save(str(Path(folder) / f"{name}-{width}-{tab}.png"))
            dialog.tabs.setCurrentIndex(0)


def _unknown_layout(path):
    rows = [["DANH MỤC VIỆC CẦN LÀM NĂM 2025"], ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/02/2025 của UBND tỉnh Cao Bằng)"],
            ["Số", "Việc cần làm", "Ai làm", "Ai giúp", "Hạn"],
            ["1", "Rà soát, công bố danh mục thủ tục hành chính", "UBND cấp xã", "Sở Tư pháp", "30/6/2025"],
            ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Sở Tư pháp", "UBND cấp xã", "31/12/2025"]]
    return build_workbook(path, {"Trang 1": rows})


def test_reassign_a_column_in_the_preview_then_import(window, tmp_path, monkeypatch):
    path = layouts.sheets_deadline_first_xlsx(tmp_path / "hai-trang.xlsx")
    seen = []

    def reassign_and_accept(dialog):
        assert dialog.summary.tasks == 4
        before = dict(dialog.summary.mine)
        sipas = next(t for t in dialog.tables if t.key.startswith("Phụ lục 3"))
        sipas.choose("H", "cooperating")  # the user says both agency columns only cooperate
        dialog.apply_columns()
        seen.append((before, dict(dialog.summary.mine)))
        _shot(dialog, "import-preview-columns")
        roles = {c["column"]: c["role"] for t in dialog.summary.tables if t["key"] == sipas.key for c in t["columns"]}
        assert (roles["H"], roles["I"]) == ("cooperating", "cooperating")
        return ImportPreviewDialog.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", reassign_and_accept)
    window.import_file(path)
    [(before, after)] = seen
    assert before["lead"] == after["lead"] + 1 and after["cooperating"] == before["cooperating"] + 1  # UBND xã
    rows = list(window.workspace.db.query(
        "SELECT lead, cooperating FROM task WHERE content LIKE 'Nâng cao chất lượng phục vụ%'"))
    assert rows == [{"lead": "", "cooperating": "UBND cấp xã\nVăn phòng UBND tỉnh"}]
    par = list(window.workspace.db.query("SELECT lead FROM task WHERE content LIKE 'Tham mưu cho UBND tỉnh%'"))
    assert par == [{"lead": "Sở Tài chính"}]  # the other sheet kept the columns as found
    assert (window.workspace.data_dir / "column-mappings.json").is_file()


def test_no_header_opens_the_mapping_step(window, tmp_path, monkeypatch):
    path = _unknown_layout(tmp_path / "la.xlsx")
    seen = []

    def map_and_accept(dialog):
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        seen.append((dialog.summary.tasks, ok.isEnabled(), dialog.tabs.currentIndex()))
        _shot(dialog, "import-preview-no-header")
        [table] = dialog.tables
        for letter, role in (("B", "task"), ("C", "lead"), ("D", "cooperating"), ("E", "deadline")):
            table.choose(letter, role)
        dialog.apply_columns()
        seen.append((dialog.summary.tasks, ok.isEnabled(), dialog.tabs.currentIndex()))
        return ImportPreviewDialog.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", map_and_accept)
    window.import_file(path)
    assert seen == [(0, False, 0), (2, True, 0)]
    leads = [r["lead"] for r in window.workspace.db.query("SELECT lead FROM task JOIN plan ON plan.id = task.plan_id "
                                                          "WHERE plan.number = '12/KH-UBND' ORDER BY task.position")]
    assert leads == ["UBND cấp xã", "Sở Tư pháp"]


def test_a_column_changed_without_reading_again_still_counts(window, tmp_path, monkeypatch, qtbot):
    path = layouts.one_agency_column_xlsx(tmp_path / "mot-cot.xlsx")

    def change_and_accept(dialog):
        dialog.show()
        dialog.tables[0].choose("F", "evidence")  # "Ghi chú" as the evidence, then straight to import
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        ok.click()
        return dialog.result()

    monkeypatch.setattr(ImportPreviewDialog, "exec", change_and_accept)
    window.import_file(path)
    rows = list(window.workspace.db.query("SELECT evidence_required FROM task WHERE content LIKE 'Đảm bảo đủ%'"))
    assert rows == [{"evidence_required": "Báo cáo quý"}]
