"""The score sheet read back (PDF, Word, Excel) and `kehoach report --kind self-assessment` (issue 12)."""

from __future__ import annotations

import re

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from pypdf import PdfReader

from kehoach_desktop.assessment import service, sheet
from kehoach_desktop.model import AgencyKind, AgencyProfile, Authority, Evidence

from _report_support import pdf_text
from _support import run_cli
from test_assessment import AREA_2, HA_GIANG, finish

PROFILE = AgencyProfile("Sở Tư pháp", AgencyKind.SO, governing_body="UBND tỉnh Hà Giang", place="Hà Giang",
                        signer_name="Nguyễn Văn Hùng", signer_title="Giám đốc", authority=Authority.NONE)
SCORES = {"2.1.1": ("2", ""), "2.1.2": ("0,75", "Chưa ban hành văn bản xử lý kết quả theo dõi quý IV"),
          "2.2.1": ("0,5", ""), "2.2.2": ("1", ""), "2.3": ("1,25", "Còn 01 văn bản đang chờ cơ quan ban hành xử lý")}


@pytest.fixture
def scored(data_dir):
    from kehoach_desktop.workspace import Workspace

    ws = Workspace(data_dir)
    ws.save_profile(PROFILE)
    ws.import_annex(HA_GIANG)
    assessment = service.load(ws)
    for n, (code, (score, explanation)) in enumerate(SCORES.items()):
        item = service.find_criterion(assessment, code)
        finish(ws, item)
        task_id = item.task_ids[0]
        evidence = ws.add_evidence(task_id, Evidence(task_id=task_id, number=f"{n + 20}/QĐ-STP", issuer="Sở Tư pháp",
                                                     abstract="Văn bản kiểm chứng"))
        service.save_score(ws, item.id, score=score, explanation=explanation,
                           links=[service.DocumentLink(location=f"mục {n + 1}, trang 2", evidence_id=evidence.id)])
    yield ws
    ws.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_sheet_has_every_criterion_of_the_area_the_totals_and_the_explanations(scored, tmp_path):
    path = sheet.write_sheet(scored, tmp_path / "tu-cham.pdf")
    reader = PdfReader(path)
    pages = pdf_text(reader)
    text = _flat(" ".join(pages))
    assert "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM" in text and "NĂM 2024" in text
    assert "Kế hoạch số 147/KH-UBND ngày 31/5/2024" in text
    for code in AREA_2:
        assert re.search(rf"(^| ){re.escape(code)} ", text), code
    assert not re.search(r"(^| )1\.1 ", text) and "CÔNG TÁC CHỈ ĐẠO" not in text  # Sở Nội vụ's area is not shown
    assert "Cộng lĩnh vực 2 6 5,5" in text and "TỔNG SỐ ĐIỂM 6 5,5" in text
    for _, explanation in SCORES.values():
        assert explanation in text
    assert "20/QĐ-STP" in text and "(mục 1, trang 2)" in text
    assert "GIÁM ĐỐC" in text and "Nguyễn Văn Hùng" in text
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages)  # landscape
    assert "Helvetica" not in str([p["/Resources"] for p in reader.pages])


def test_docx_and_xlsx_carry_the_same_table(scored, tmp_path):
    word = docx.Document(sheet.write_sheet(scored, tmp_path / "tu-cham.docx"))
    assert word.sections[0].orientation == WD_ORIENT.LANDSCAPE
    table = word.tables[1]  # after the header's layout table
    assert [c.text for c in table.rows[0].cells][:4] == sheet.HEADER[:4]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["2.1.2"][2:4] == ["1", "0,75"] and SCORES["2.1.2"][1] in rows["2.1.2"][5]
    assert [r.cells[1].text for r in table.rows][-1] == "TỔNG SỐ ĐIỂM"

    book = openpyxl.load_workbook(sheet.write_sheet(scored, tmp_path / "tu-cham.xlsx"))
    values = [[c.value for c in row] for row in book.active.iter_rows()]
    header = values.index(sheet.HEADER)
    by_code = {row[0]: row for row in values[header + 1:] if row[0]}
    assert by_code["2.3"][2:4] == [1.5, 1.25] and "(mục 5, trang 2)" in by_code["2.3"][4]
    assert values[-1][1] == "TỔNG SỐ ĐIỂM" and values[-1][2:4] == [6, 5.5]
    assert book.active.print_title_rows == f"${header + 1}:${header + 1}"  # the header printed on every page


def test_cli_report_kind_self_assessment(scored, tmp_path, capsys):
    data = scored.data_dir
    scored.close()
    out = tmp_path / "bang.pdf"
    code, stdout, err = run_cli(capsys, "--data-dir", data, "report", "--kind", "self-assessment", "--out", out)
    assert code == 0, err
    assert "bảng tự đánh giá" in stdout and "TỔNG SỐ ĐIỂM" in _flat(" ".join(pdf_text(PdfReader(out))))
    code, _, err = run_cli(capsys, "--data-dir", data, "report", "--kind", "self-assessment", "--out", tmp_path / "x.txt")
    assert code == 2 and ".xlsx" in err and not (tmp_path / "x.txt").exists()
    code, _, err = run_cli(capsys, "--data-dir", data, "report", "--out", tmp_path / "y.pdf")
    assert code == 2 and "--period" in err


def test_progress_report_annex_shows_the_criterion_score_once(data_dir):
    """Bắc Kạn, Phụ lục 2, criterion 1.2 has two tasks led by Sở Nội vụ: one score, shown once."""
    from kehoach_desktop.report.periods import ReportPeriod
    from kehoach_desktop.workspace import Workspace

    from test_assessment import BAC_KAN

    with Workspace(data_dir) as ws:
        ws.save_profile(AgencyProfile("Sở Nội vụ", AgencyKind.SO, place="Bắc Kạn"))
        ws.import_annex(BAC_KAN)
        item = next(c for c in service.load(ws).criteria if c.code == "1.2" and len(c.task_ids) == 2)
        assert item.may_score
        service.save_score(ws, item.id, score="0,25", explanation="Chậm 01 báo cáo quý")
        content = ws.build_report(ReportPeriod.of("year", 2023))
        rows = [r for g in content.annex_groups for r in g.rows if r.criterion.startswith("Tiêu chí 1.2. Thực hiện chế độ")]
        assert len(rows) == 2
        assert [r.score for r in rows] == ["0,25", ""] and [r.max_score for r in rows] == ["0,5", ""]


# --- progress packages carry the criterion scores (issue 12) ---------------------------------------


def test_progress_package_carries_scores_and_older_packages_still_import(scored, tmp_path):
    import json

    from kehoach_desktop.workspace import Workspace

    from _exchange_support import members, rebuild_package

    package = scored.export_package(tmp_path / "stp.khbc").path
    data = json.loads(members(package)["data.json"])
    records = {r["criterion"]: r for r in data["criterion_scores"]}
    assert len(records) == len(SCORES)
    record = next(r for r in records.values() if r["explanation"] == SCORES["2.3"][1])
    assert record["score"] == 1.25 and record["evidence"][0]["location"] == "mục 5, trang 2"
    assert record["evidence"][0]["task"] is not None  # a task's evidence, named by its task

    with Workspace(tmp_path / "new-pc") as new_pc:  # the lead department's data on a new PC
        summary = new_pc.import_package(package)
        assert summary.changes["scores_added"] == len(SCORES)
        restored = {c.code: c for c in service.load(new_pc).criteria if c.self_score is not None}
        assert {code: restored[code].self_score for code in SCORES} == {"2.1.1": 2, "2.1.2": 0.75, "2.2.1": 0.5,
                                                                        "2.2.2": 1, "2.3": 1.25}
        [document] = restored["2.3"].evidence
        assert document.evidence_id is not None and document.location == "mục 5, trang 2"  # linked, not copied
        assert new_pc.import_package(package).changes_nothing

    def without_scores(name, content):
        if name != "data.json":
            return content
        older = json.loads(content)
        del older["criterion_scores"]
        return json.dumps(older).encode()

    older = rebuild_package(package, tmp_path / "older.khbc", change=without_scores)
    with Workspace(tmp_path / "older-pc") as older_pc:
        summary = older_pc.import_package(older)
        assert summary.applied and summary.changes["tasks_added"] > 0 and summary.changes["scores_added"] == 0
        assert all(c.self_score is None for c in service.load(older_pc).criteria)
