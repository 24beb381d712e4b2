"""The report dialog driven through its widgets, offscreen: fill it, preview, save PDF and Word, print."""

from __future__ import annotations

import io

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import docx  # noqa: E402
import pypdf  # noqa: E402
import pytest  # noqa: E402
import gc  # noqa: E402

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

from _report_support import PERIOD, SIGNED, TODAY, nfc, record_progress  # noqa: E402
from kehoach_desktop.report.periods import ReportPeriod  # noqa: E402
from kehoach_desktop.ui.report_dialog import ReportDialog  # noqa: E402

DIRECTION = "UBND xã đã ban hành Kế hoạch số 15/KH-UBND ngày 20/02/2025 triển khai thực hiện."


@pytest.fixture
def dialog(window, qtbot):
    record_progress(window.workspace)
    dlg = ReportDialog(window.workspace, window.runner, window, today=TODAY)
    qtbot.addWidget(dlg)
    dlg.period.setCurrentIndex(dlg.period.findData("q3"))
    dlg.year.setValue(2025)
    dlg.number.setText("12")
    dlg.signed_on.set_value(SIGNED)
    direction = dlg.sections["direction"]
    direction.clear()
    direction.insertPlainText(DIRECTION)
    dlg.recipients.clear()
    dlg.recipients.insertPlainText("Thường trực Đảng ủy xã\nLưu: VT, VP")
    yield dlg
    _dispose(dlg)


def _dispose(dlg) -> None:
    """Delete the dialog while Qt runs: PySide6 may crash freeing Qt objects at interpreter exit."""
    dlg.done(0)
    dlg.setParent(None)
    dlg.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()


def _saving_to(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_the_main_window_offers_the_report(window, monkeypatch):
    opened = []
    monkeypatch.setattr(ReportDialog, "exec", lambda self: opened.append(self) or 0)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.report_action in file_menu.actions()
    window.report_action.trigger()
    assert opened and opened[0].period.currentData() in ("q1", "h1", "q3", "year")
    _dispose(opened.pop())


def test_save_as_pdf_writes_the_report_with_the_typed_texts(dialog, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "bao-cao"  # no extension typed: .pdf is added
    _saving_to(monkeypatch, target)
    qtbot.mouseClick(dialog.pdf_button, Qt.LeftButton)
    written = tmp_path / "bao-cao.pdf"
    assert written.is_file()
    text = " ".join(nfc(page.extract_text()) for page in pypdf.PdfReader(written).pages)
    flat = " ".join(text.split())
    assert "Số: 12/BC-UBND" in flat and "Hòa An, ngày 06 tháng 10 năm 2025" in flat
    assert DIRECTION in flat and "- Thường trực Đảng ủy xã;" in flat and "- Lưu: VT, VP." in flat
    saved = dialog.workspace.report_texts(PERIOD)
    assert saved.saved and saved.number == "12" and saved.direction == DIRECTION


def test_save_as_word(dialog, qtbot, monkeypatch, tmp_path):
    _saving_to(monkeypatch, tmp_path / "bao-cao.docx")
    qtbot.mouseClick(dialog.word_button, Qt.LeftButton)
    document = docx.Document(tmp_path / "bao-cao.docx")
    assert DIRECTION in nfc("\n".join(p.text for p in document.paragraphs))


def test_preview_shows_every_page_and_renders_the_visible_ones(dialog, qtbot):
    dialog.resize(1311, 706)
    dialog.show()
    qtbot.mouseClick(dialog.preview_button, Qt.LeftButton)
    pages = len(pypdf.PdfReader(__import__("io").BytesIO(dialog.pdf)).pages)
    assert dialog.preview.page_count() == pages > 1
    qtbot.waitUntil(lambda: dialog.preview.labels[0].pixmap() is not None and
                    not dialog.preview.labels[0].pixmap().isNull(), timeout=3000)
    assert 0 in dialog.preview.rendered and len(dialog.preview.labels) - 1 not in dialog.preview.rendered
    assert "trang" in dialog.status.text()


def test_print_sends_every_page_once(dialog, qtbot, monkeypatch, tmp_path):
    output = tmp_path / "in.pdf"
    used = {}

    def accept(self):
        printer = self.printer()
        used["copies"] = printer.copyCount()
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(output))
        return QPrintDialog.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(dialog.print_button, Qt.LeftButton)  # builds the report first, then prints
    assert used["copies"] == 1
    printed = pypdf.PdfReader(output)
    assert len(printed.pages) == dialog.preview.page_count()
    assert "Đã gửi" in dialog.status.text()
    from kehoach_desktop.db import store  # a numbered, dated report printed is issued (issue 13)

    [issued] = store.list_issued_reports(dialog.workspace.db)
    assert (issued["number"], issued["signed_on"], issued["period"]) == ("12", SIGNED.isoformat(), "q3")


def test_an_edit_after_the_preview_is_printed_not_the_old_preview(dialog, qtbot, monkeypatch, tmp_path):
    output = tmp_path / "in.pdf"

    def accept(self):
        self.printer().setOutputFormat(QPrinter.PdfFormat)
        self.printer().setOutputFileName(str(output))
        return QPrintDialog.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(dialog.preview_button, Qt.LeftButton)
    dialog.number.setText("47")
    qtbot.mouseClick(dialog.print_button, Qt.LeftButton)
    assert output.is_file()
    # The printer gets page images of dialog.pdf: that PDF must carry the new number.
    printed_from = pypdf.PdfReader(io.BytesIO(dialog.pdf)).pages[0].extract_text()
    assert "47/BC-" in printed_from


def test_changing_the_period_loads_that_period_texts(dialog, qtbot, monkeypatch, tmp_path):
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    dialog.period.setCurrentIndex(dialog.period.findData("q1"))
    assert dialog.number.text() == "" and dialog.sections["direction"].toPlainText() != DIRECTION
    dialog.period.setCurrentIndex(dialog.period.findData("q3"))
    assert dialog.number.text() == "12" and dialog.sections["direction"].toPlainText() == DIRECTION
    dialog.period.setCurrentIndex(dialog.period.findData("custom"))
    assert dialog.start.isEnabled() and dialog.end.isEnabled()
