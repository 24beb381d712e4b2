"""The plan dialog (issue 13) driven through its widgets, offscreen; the import preview's warning."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kehoach_desktop.ui.import_dialog import ImportPreviewDialog  # noqa: E402
from kehoach_desktop.ui.plan_dialog import PlanDialog  # noqa: E402

DAK_LAK = Path(__file__).parent / "data" / "dak-lak-2025-phu-luc.xlsx"
TITLE = "Cải thiện, nâng cao các chỉ số PAR-INDEX, SIPAS, PAPI năm 2025"


def test_plan_dialog_corrects_the_plan_and_the_report_cites_it(window, monkeypatch):
    def fill(dialog):
        assert "trích yếu" in dialog.warning.text()  # the sample's title row is the annex heading
        dialog.title.setPlainText(TITLE)
        dialog.date.set_value(dt.date(2025, 7, 12))
        dialog.cutoff.setCurrentIndex(dialog.cutoff.findData(14))
        dialog.addressees.setPlainText("UBND tỉnh Cao Bằng (qua Sở Nội vụ)")
        return PlanDialog.Accepted

    monkeypatch.setattr(PlanDialog, "exec", fill)
    window.plan_actions.edit_plan()
    [plan] = window.workspace.plans()
    assert plan["cited_title"] == TITLE and plan["report_cutoff_day"] == 14 and plan["year"] == 2025
    assert plan["report_addressees"] == "UBND tỉnh Cao Bằng (qua Sở Nội vụ)"
    assert window.statusBar().currentMessage().startswith("Đã lưu: Kế hoạch số 2163/KH-UBND")


def test_a_bad_number_in_the_plan_dialog_is_refused_and_nothing_saved(window, monkeypatch):
    warnings = []
    monkeypatch.setattr("kehoach_desktop.ui.plan_actions.QMessageBox.warning",
                        lambda parent, title, text: warnings.append(text))

    def fill(dialog):
        dialog.number.setText("phu-luc-2025")
        return PlanDialog.Accepted

    monkeypatch.setattr(PlanDialog, "exec", fill)
    before = window.workspace.plans()
    window.plan_actions.edit_plan()
    assert warnings and "phu-luc-2025" in warnings[0] and window.workspace.plans() == before


def test_import_preview_warns_and_offers_the_plan_dialog(window, monkeypatch, tmp_path):
    summary = window.workspace.preview_import(DAK_LAK)
    preview = ImportPreviewDialog(summary, window)
    assert "số, ký hiệu" in preview.plan_warning.text()
    preview.grab().save(str(tmp_path / "preview.png"))
    heading = preview.findChild(type(preview.plan_warning)).text().split("<br>")[0]
    assert heading.startswith("<b>Kế hoạch (chưa có số, ký hiệu)") and "dak-lak" not in heading

    opened = []
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: ImportPreviewDialog.Accepted)
    monkeypatch.setattr(PlanDialog, "exec", lambda self: opened.append(self) or PlanDialog.Rejected)
    monkeypatch.setattr("kehoach_desktop.ui.plan_actions.QMessageBox.exec",
                        lambda box: box.setProperty("answered", True))
    monkeypatch.setattr("kehoach_desktop.ui.plan_actions.QMessageBox.clickedButton",
                        lambda box: box.buttons()[0] if box.property("answered") else None)
    window.import_file(DAK_LAK)
    assert opened and "ngày ban hành" in opened[0].warning.text()


def test_the_report_due_soon_is_shown_and_the_report_dialog_opens_on_it(window, monkeypatch, tmp_path):
    import datetime as dt

    from kehoach_desktop.ui.report_dialog import ReportDialog

    window.today = dt.date(2025, 12, 22)
    window.plan_actions.refresh_reminder()
    assert window.plan_actions.due_label.text().startswith("Báo cáo năm gửi Sở Nội vụ tỉnh Cao Bằng: còn 9 ngày")
    window.resize(1366, 728)
    window.grab().save(str(tmp_path / "window.png"))
    opened = []
    monkeypatch.setattr(ReportDialog, "exec", lambda self: opened.append(
        (self.period.currentData(), self.year.value())) or 0)
    window.open_report()
    assert opened == [("year", 2025)]


def test_report_dialog_warns_of_a_plan_without_a_number_and_offers_the_options(workspace, qtbot, tmp_path):
    from kehoach_desktop.model import AgencyKind, AgencyProfile
    from kehoach_desktop.ui.operations import OperationRunner
    from kehoach_desktop.ui.report_dialog import ReportDialog

    workspace.save_profile(AgencyProfile(name="UBND xã Hòa Phú", kind=AgencyKind.XA, place="Hòa Phú"))
    workspace.import_annex(DAK_LAK)
    dialog = ReportDialog(workspace, OperationRunner(workspace.data_dir, synchronous=True), today=dt.date(2026, 1, 5))
    qtbot.addWidget(dialog)
    assert "chưa có số, ký hiệu" in dialog.plan_warning.text() and not dialog.plan_warning.isHidden()
    dialog.only_led.setChecked(True)
    assert dialog.texts().only_led and not dialog.texts().compact_not_started
    dialog.resize(1366, 728)
    dialog.grab().save(str(tmp_path / "report-dialog.png"))
    dialog.preview.close_pdf()


def test_with_several_plans_the_user_picks_one_in_vietnamese(window, monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

    window.workspace.import_annex(DAK_LAK)
    seen = {}

    def pick(chooser):
        buttons = chooser.findChild(QDialogButtonBox)
        seen["buttons"] = sorted(button.text() for button in buttons.buttons())
        chooser.setTextValue(next(name for name in chooser.comboBoxItems() if "chưa có số" in name))
        return QInputDialog.Accepted

    monkeypatch.setattr(QInputDialog, "exec", pick)
    monkeypatch.setattr(PlanDialog, "exec", lambda dialog: seen.setdefault("plan", dialog.plan_id) and 0)
    window.plan_actions.edit_plan()
    assert seen["buttons"] == ["Chọn", "Hủy"]
    dak_lak = next(p for p in window.workspace.plans() if p["source_file"].startswith("dak-lak"))
    assert seen["plan"] == dak_lak["id"]


def test_the_calendar_is_edited_in_the_window(window, monkeypatch, tmp_path):
    import datetime as dt

    from PySide6.QtCore import QDate

    from kehoach_desktop.report import calendar
    from kehoach_desktop.ui.calendar_dialog import CalendarDialog

    def edit(dialog):
        dialog.resize(800, 320)
        dialog.grab().save(str(tmp_path / "calendar.png"))
        last = len(dialog.rows) - 1  # the yearly report: Cao Bằng asks for it before 30/11/2025
        dialog.dates[last].setDate(QDate(2025, 11, 30))
        dialog.recipients[last].setText("UBND tỉnh Cao Bằng (qua Sở Nội vụ)")
        return CalendarDialog.Accepted

    monkeypatch.setattr(CalendarDialog, "exec", edit)
    window.plan_actions.edit_calendar()
    rows = calendar.obligations(window.workspace)
    assert (rows[-1]["kind"], rows[-1]["due"], rows[-1]["recipient"]) == (
        "year", "2025-11-30", "UBND tỉnh Cao Bằng (qua Sở Nội vụ)")
    window.today = dt.date(2025, 11, 21)
    window.plan_actions.refresh_reminder()
    assert window.plan_actions.due_label.text() == "Báo cáo năm gửi UBND tỉnh Cao Bằng (qua Sở Nội vụ): còn 9 ngày"


def test_an_issued_report_is_reprinted_from_the_window(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from _report_support import PERIOD, SIGNED, TODAY, record_progress
    from kehoach_desktop.ui.register_dialog import RegisterDialog

    record_progress(window.workspace)
    texts = window.workspace.report_texts(PERIOD, today=TODAY)
    texts.number, texts.signed_on = "5", SIGNED
    issued = window.workspace.write_report(tmp_path / "bc.pdf", PERIOD, texts, today=TODAY)
    shown = []
    monkeypatch.setattr(RegisterDialog, "exec", lambda dialog: shown.append(dialog) or RegisterDialog.Accepted)
    again = tmp_path / "in-lai.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(again), ""))
    window.plan_actions.show_register()
    assert shown[0].table.item(0, 0).text() == "5" and shown[0].table.item(0, 1).text() == "06/10/2025"
    assert again.read_bytes() == issued.read_bytes()
