"""The Word copy of the report read back with python-docx, and `kehoach report` on the command line."""

from __future__ import annotations

import re

import docx
import pypdf
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from _report_support import PERIOD, SIGNED, TODAY, nfc, record_progress
from _support import run_cli
from kehoach_desktop.cli import main
from kehoach_desktop.report.periods import ReportPeriod



@pytest.fixture
def word_file(imported_workspace, tmp_path):
    record_progress(imported_workspace)
    texts = imported_workspace.report_texts(PERIOD, today=TODAY)
    texts.number, texts.signed_on = "5", SIGNED
    path = imported_workspace.write_report(tmp_path / "bao-cao.docx", PERIOD, texts, today=TODAY)
    return docx.Document(path), imported_workspace


def test_word_pages_margins_and_sections(word_file):
    document, _ = word_file
    body, annex = document.sections

    def mm(value):
        return round(value.mm, 1)

    assert body.orientation == WD_ORIENT.PORTRAIT and (mm(body.page_width), mm(body.page_height)) == (210, 297)
    assert annex.orientation == WD_ORIENT.LANDSCAPE and (mm(annex.page_width), mm(annex.page_height)) == (297, 210)
    for section in (body, annex):
        assert (mm(section.top_margin), mm(section.bottom_margin)) == (20, 20)
        assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)
        assert section.different_first_page_header_footer  # no number on the first page
        assert "PAGE" in section.header._element.xml
    restart = annex._sectPr.find(qn("w:pgNumType"))
    assert restart is not None and restart.get(qn("w:start")) == "1"


def test_word_fonts_are_times_new_roman_for_every_script(word_file):
    document, _ = word_file
    fonts = document.styles["Normal"].element.rPr.rFonts
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        assert fonts.get(qn(attribute)) == "Times New Roman"
    sizes = {run.font.size.pt for p in document.paragraphs for run in p.runs if run.font.size and run.text}
    assert 14 in sizes and sizes <= {11, 12, 13, 14}


def test_word_text_matches_the_report(word_file):
    document, workspace = word_file
    cells = [cell.text for table in document.tables[:1] for row in table.rows for cell in row.cells]
    header = nfc("\n".join(cells))
    for expected in ("ỦY BAN NHÂN DÂN", "Số: 05/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Hòa An, ngày 06 tháng 10 năm 2025"):
        assert expected in header
    text = nfc("\n".join(p.text for p in document.paragraphs))
    for heading in ("BÁO CÁO", "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN", "V. ĐỀ XUẤT, KIẾN NGHỊ",
                    "PHỤ LỤC"):
        assert heading in text
    signature = nfc("\n".join(c.text for row in document.tables[-2].rows for c in row.cells))
    assert "Nơi nhận:" in signature and "- Như trên;" in signature and "TM. ỦY BAN NHÂN DÂN" in signature


def test_word_annex_table_repeats_its_header_and_lists_every_task(word_file):
    document, workspace = word_file
    table = document.tables[-1]
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells][:2] == ["STT", "Nhiệm vụ"]
    numbered = [row for row in table.rows[1:] if row.cells[0].text.strip().isdigit()]
    assert len(numbered) == len(workspace.tasks(mine_only=True))


# --- command line -------------------------------------------------------------------------------


def _cli_workspace(imported_workspace):
    record_progress(imported_workspace)
    return str(imported_workspace.data_dir)


def test_cli_writes_pdf_and_docx(imported_workspace, tmp_path, capsys):
    data = _cli_workspace(imported_workspace)
    pdf = tmp_path / "bc.pdf"
    assert main(["--data-dir", data, "report", "--period", "q3", "--year", "2025", "--out", str(pdf),
                 "--number", "7", "--date", "05/01/2026"]) == 0
    assert "Đã lập báo cáo 9 tháng đầu năm 2025 thực hiện Kế hoạch số 2163/KH-UBND" in capsys.readouterr().out
    first = nfc(pypdf.PdfReader(pdf).pages[0].extract_text())
    assert "Số: 07/BC-UBND" in first and "Hòa An, ngày 05 tháng 01 năm 2026" in first
    word = tmp_path / "bc.docx"
    assert main(["--data-dir", data, "report", "--period", "custom", "--from", "01/08/2025", "--to", "15/11/2025",
                 "--out", str(word)]) == 0
    flat = re.sub(r"\s+", " ", nfc("\n".join(p.text for p in docx.Document(word).paragraphs)))
    assert "từ ngày 01/8/2025 đến ngày 15/11/2025" in flat


@pytest.mark.parametrize("arguments, message", [
    (["--period", "q5", "--out", "x.pdf"], "không hợp lệ"),
    (["--period", "q1", "--out", "x.txt"], ".pdf hoặc .docx"),
    (["--period", "custom", "--from", "01/05/2025", "--out", "x.pdf"], "--to"),
    (["--period", "q1", "--from", "01/05/2025", "--out", "x.pdf"], "chỉ dùng với --period custom"),
    (["--period", "q1", "--date", "31/02/2025", "--out", "x.pdf"], "không phải là một ngày có thật"),
    (["--period", "q1", "--number", "5/BC", "--out", "x.pdf"], "Số báo cáo"),
])
def test_cli_bad_arguments_exit_2_in_vietnamese_and_write_nothing(imported_workspace, tmp_path, capsys, monkeypatch,
                                                                arguments, message):
    data = _cli_workspace(imported_workspace)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "--data-dir", data, "report", *arguments)
    assert code == 2 and message in err
    assert not list(tmp_path.glob("x.*"))
