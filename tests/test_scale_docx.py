"""The linear DOCX writer (issue 17) writes exactly what python-docx's own API wrote."""

from __future__ import annotations

import copy
import io
import zipfile

from _report_support import TODAY, record_progress
from kehoach_desktop.report import word
from kehoach_desktop.report.periods import ReportPeriod


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _through_the_python_docx_api(monkeypatch) -> None:
    """The writer as it was: document.add_paragraph(), runs built and deep-copied afresh."""
    monkeypatch.setattr(word, "_add_paragraph", lambda container: container.add_paragraph())
    monkeypatch.setattr(word, "_fast_run", word._new_run)
    monkeypatch.setattr(word, "_copy", copy.deepcopy)
    monkeypatch.setattr(word, "_empty_cells", lambda template: None)
    original_new_row = word._new_row

    def new_row(table, template):
        tr = original_new_row(table, template)
        for paragraph in tr.iter(word._P):  # the per-row emptying of the old writer
            for child in list(paragraph):
                if child.tag != word._P_PR:
                    paragraph.remove(child)
        return tr

    monkeypatch.setattr(word, "_new_row", new_row)


def test_the_fast_writer_changes_no_byte_of_the_document(imported_workspace, monkeypatch):
    record_progress(imported_workspace)
    content = imported_workspace.build_report(ReportPeriod.of("q3", 2025), today=TODAY)
    assert content.annex_row_count > 50 and len(content.blocks) > 10  # the body and the annex both written
    fast = _parts(word.render_docx(content))
    with monkeypatch.context() as patch:
        _through_the_python_docx_api(patch)
        reference = _parts(word.render_docx(content))
    assert fast.keys() == reference.keys()
    assert fast["word/document.xml"].decode() == reference["word/document.xml"].decode()
    assert fast == reference
    assert "Kết quả thực hiện".encode() in fast["word/document.xml"]
