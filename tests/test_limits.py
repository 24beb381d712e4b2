"""One bad value never blocks the agency (issue 15): limits checked where data enters (annex,
evidence, detail pane, `kehoach progress`), shared by export and import; an export that cannot
be written names the task and the field."""

from __future__ import annotations

import copy

import pytest

from kehoach_desktop import limits
from kehoach_desktop.db import store, transaction
from kehoach_desktop.errors import ImportRefusedError, InvalidInputError
from kehoach_desktop.exchange.writer import ExportError
from kehoach_desktop.model import Evidence, Progress

from _support import SCORED_ANNEX_ROWS, build_workbook, run_cli, snapshot


def _annex_with_max_score(path, value):
    rows = copy.deepcopy(SCORED_ANNEX_ROWS)
    rows[6][2] = value  # criterion 1.1
    return build_workbook(path, {"PAR INDEX": rows})


@pytest.mark.parametrize("value", ["inf", "1e999", "-1,5", "nan", "-inf", -2])
def test_an_annex_maximum_score_that_is_not_a_finite_positive_number_is_refused(workspace, tmp_path, value, capsys):
    annex = _annex_with_max_score(tmp_path / "phu-luc.xlsx", value)
    before = snapshot(workspace.db)
    with pytest.raises(ImportRefusedError) as refused:
        workspace.import_annex(annex)
    message = str(refused.value)
    assert "“phu-luc.xlsx”" in message and "Điểm tối đa của tiêu chí 1.1" in message
    assert snapshot(workspace.db) == before
    code, _, err = run_cli(capsys, "--data-dir", workspace.data_dir, "import", annex, "--dry-run")
    assert code == 2 and "Điểm tối đa" in err


def test_an_annex_with_sane_scores_still_imports(workspace, tmp_path):
    summary = workspace.import_annex(_annex_with_max_score(tmp_path / "phu-luc.xlsx", "1,5"))
    assert summary.applied and summary.tasks == 2


def test_an_annex_task_text_over_the_package_limit_is_refused_naming_the_row(workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1000)  # an Excel cell holds at most 32 767 characters
    rows = copy.deepcopy(SCORED_ANNEX_ROWS)
    rows[6][3] = "Ban hành kế hoạch " * 100
    annex = build_workbook(tmp_path / "dai.xlsx", {"PAR INDEX": rows})
    with pytest.raises(ImportRefusedError, match=r"Nội dung nhiệm vụ \(trang “PAR INDEX”, dòng 7\)"):
        workspace.import_annex(annex)


def test_evidence_over_the_member_limit_or_count_is_refused_before_it_is_copied(imported_workspace, tmp_path,
                                                                                monkeypatch):
    ws = imported_workspace
    task = ws.tasks(mine_only=True)[0]
    big = tmp_path / "Ảnh lớn.jpg"
    big.write_bytes(b"x" * 5000)
    monkeypatch.setattr(limits, "MAX_MEMBER_BYTES", 4000)
    with pytest.raises(InvalidInputError, match="“Ảnh lớn.jpg” lớn .* quá giới hạn"):
        ws.add_evidence(task.id, Evidence(task_id=task.id, abstract="Ảnh"), big)
    with pytest.raises(InvalidInputError, match="quá giới hạn"):
        ws.save_progress(Progress(task_id=task.id, percent=10), [(Evidence(task_id=task.id, abstract="Ảnh"), big)])
    assert ws.evidence_list(task.id) == [] and ws.progress(task.id).percent == 0
    assert not any((ws.data_dir / "evidence").rglob("*")) or all(
        p.is_dir() for p in (ws.data_dir / "evidence").rglob("*"))  # nothing copied
    monkeypatch.setattr(limits, "MAX_MEMBER_BYTES", 10_000)
    small = tmp_path / "a.pdf"
    small.write_bytes(b"%PDF a")
    ws.add_evidence(task.id, Evidence(task_id=task.id, abstract="Một"), small)
    monkeypatch.setattr(limits, "MAX_EVIDENCE_FILES", 1)
    other = tmp_path / "b.pdf"
    other.write_bytes(b"%PDF b")
    with pytest.raises(InvalidInputError, match="tối đa một gói chứa được 1 tệp"):
        ws.add_evidence(task.id, Evidence(task_id=task.id, abstract="Hai"), other)


def test_the_command_line_refuses_a_huge_result_naming_the_field(imported_workspace, capsys):
    ws = imported_workspace
    task = ws.tasks(mine_only=True)[0]
    code, _, err = run_cli(capsys, "--data-dir", ws.data_dir, "progress", task.id,
                           "--result", "x" * (limits.MAX_TEXT_CHARS + 1))
    assert code == 2 and "Kết quả dài" in err and ws.progress(task.id).result == ""


@pytest.mark.parametrize("column, value, named", [
    ("score", float("inf"), "Điểm tự chấm"),
    ("result", "x" * (limits.MAX_TEXT_CHARS + 5), "kết quả"),
])
def test_an_export_of_a_value_beyond_the_limits_names_the_task_and_field(imported_workspace, tmp_path,
                                                                         column, value, named):
    """Data written by an older program (before the limits) is refused by name, not as a bad stick."""
    ws = imported_workspace
    task = ws.tasks(mine_only=True)[0]
    ws.save_progress(Progress(task_id=task.id, percent=10))
    with transaction(ws.db):
        store.save_progress(ws.db, task.id, {**store.get_progress(ws.db, task.id), column: value})
    for target in (tmp_path / "bc.khbc", tmp_path / "kq.xlsx"):
        with pytest.raises(ExportError) as refused:
            if target.suffix == ".xlsx":
                ws.export_workbook(target)
            else:
                ws.export_package(target)
        message = str(refused.value)
        assert task.content[:30] in message and named in message and "USB" not in message
        assert not target.exists()


def test_what_the_limits_accept_is_what_the_package_reader_accepts():
    from kehoach_desktop.exchange import safe_zip, schema

    assert schema.MAX_TEXT_CHARS is limits.MAX_TEXT_CHARS or schema.MAX_TEXT_CHARS == limits.MAX_TEXT_CHARS
    assert safe_zip.MAX_MEMBER_BYTES == limits.MAX_MEMBER_BYTES and safe_zip.MAX_ENTRIES == limits.MAX_ENTRIES
    assert schema._number(limits.MAX_SCORE) and not schema._number(limits.MAX_SCORE * 2)
    assert not schema._number(float("inf")) and not schema._number(float("nan"))


def test_control_characters_are_cleaned_once_when_saved_and_the_report_and_workbook_write(
        imported_workspace, tmp_path):
    import datetime as dt

    import docx

    from kehoach_desktop.exchange import apply
    from kehoach_desktop.report.periods import ReportPeriod

    ws = imported_workspace
    task = ws.tasks(mine_only=True)[0]
    ws.save_progress(Progress(task_id=task.id, result="Đã\x0c ban hành\x00 kế hoạch\ufffe", difficulties="\x1bKhó",
                              completed_on=dt.date(2025, 5, 1), percent=100, status="hoàn thành"))
    assert ws.progress(task.id).result == "Đã ban hành kế hoạch" and ws.progress(task.id).difficulties == "Khó"
    # A package from elsewhere carrying them: cleaned when it is applied.
    assert apply._texts({"result": "a\x00b\ufffec\ud800"}, ["result"]) == {"result": "abc"}
    ws.export_workbook(tmp_path / "kq.xlsx")
    period = ReportPeriod.of("year", 2025)
    path = ws.write_report(tmp_path / "bao-cao.docx", period, ws.report_texts(period, today=dt.date(2025, 12, 20)),
                           today=dt.date(2025, 12, 20))
    assert "Đã ban hành kế hoạch" in "\n".join(cell.text for table in docx.Document(path).tables
                                                for row in table.rows for cell in row.cells)
