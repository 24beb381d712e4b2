"""The window's "Kế hoạch" menu (issue 13): correct the plan as issued, offered after an import
when its number, date, issuer or trích yếu is missing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from ..text import format_date
from .lazy_qt import QInputDialog, QMessageBox
from .operations import describe_error
from .start_order import text_action


def _report_calendar():  # issue 17: the report services load at their first use, not at start
    from ..report import calendar

    return calendar


def _report_service():
    from ..report import service

    return service


class PlanActions:
    def __init__(self, window):
        self.window = window
        self.edit_action = text_action("Thông tin kế hoạch (số, ngày, trích yếu)…", window)
        self.edit_action.triggered.connect(lambda: self.edit_plan())
        menu = window.menuBar().addMenu("&Kế hoạch")
        menu.addAction(self.edit_action)
        self.calendar_action = text_action("Lịch báo cáo…", window)
        self.calendar_action.triggered.connect(lambda: self.edit_calendar())
        menu.addAction(self.calendar_action)
        self.register_action = text_action("Báo cáo đã ban hành (in lại)…", window)
        self.register_action.triggered.connect(lambda: self.show_register())
        menu.addAction(self.register_action)
        # The next report due within 14 days and not yet issued (the reporting calendar).
        self.due = None
        self.due_label = QLabel()
        self.due_label.setStyleSheet("color: #9a3412; font-weight: 600; padding: 0 8px;")
        window.statusBar().addPermanentWidget(self.due_label)
        window.after_tasks_shown.then(self.refresh_reminder)  # issue 17: the report services after the tasks' paint

    def refresh_reminder(self) -> None:
        try:
            self.due = _report_calendar().next_due(self.window.workspace, self.window.today)
        except Exception:  # no plan, no profile yet: nothing to remind of
            self.due = None
        self.due_label.setText(_report_calendar().reminder_text(self.due) if self.due else "")
        self.due_label.setToolTip(f"Hạn gửi: {format_date(self.due['due'])}; bấm Báo cáo để lập." if self.due else "")
        self.due_label.setVisible(self.due is not None)

    def point_at_due(self, dialog) -> None:
        """The report dialog opens on the report due next, when one is near."""
        self.refresh_reminder()
        if self.due is None or self.due["kind"] == "custom":
            return
        dialog.year.setValue(self.due["year"])
        dialog.period.setCurrentIndex(dialog.period.findData(self.due["kind"]))

    def _plans(self) -> list[dict]:
        return [_report_service().plan_json(plan) for plan in self.window.workspace.plans()]

    def edit_calendar(self, plan_id: int | None = None) -> None:
        """The plan's reports owed: due dates and recipients edited in a table."""
        from .calendar_dialog import CalendarDialog

        plan = self._choose(plan_id)
        if plan is None:
            return
        rows = _report_calendar().obligations(self.window.workspace, plan["id"], self.window.today)
        dialog = CalendarDialog(rows, plan["citation"], self.window)
        if dialog.exec() != CalendarDialog.Accepted or not dialog.changes():
            return
        changes = dialog.changes()

        items = [dict(kind=row["kind"], due=due, recipient=recipient, year=row["year"],
                      start=dt.date.fromisoformat(row["start"]) if row["kind"] == "custom" else None,
                      end=dt.date.fromisoformat(row["end"]) if row["kind"] == "custom" else None)
                 for row, due, recipient in changes]

        def save(ctx) -> None:
            _report_calendar().set_obligations(ctx.workspace, plan["id"], items)

        self.window.runner.run(
            self.window, "Đang lưu lịch báo cáo…", save, lambda _: self.refresh_reminder(),
            lambda error: QMessageBox.warning(self.window, "Không lưu được lịch báo cáo", describe_error(error)),
        )

    def show_register(self) -> None:
        """The issued reports; one reprinted, exactly as issued, into a file the user picks."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from .register_dialog import RegisterDialog

        rows = _report_service().issued_reports(self.window.workspace)
        dialog = RegisterDialog(rows, self.window)
        if dialog.exec() != RegisterDialog.Accepted or dialog.chosen() is None:
            return
        row = dialog.chosen()
        suggested = str(Path.home() / f"Bao-cao-{row['number']}-{row['signed_on']}.pdf")
        path, _ = QFileDialog.getSaveFileName(self.window, "In lại báo cáo", suggested,
                                              "Tệp PDF (*.pdf);;Tệp Word (*.docx)")
        if not path:
            return
        self.window.runner.run(
            self.window, "Đang in lại báo cáo…", lambda ctx: _report_service().reprint(ctx.workspace, row["id"], path),
            lambda written: self.window.statusBar().showMessage(f"Đã in lại vào {Path(written).name}.", 8000),
            lambda error: QMessageBox.warning(self.window, "Không in lại được", describe_error(error)),
        )

    def _choose(self, plan_id: int | None) -> dict | None:
        plans = self._plans()
        if not plans:
            QMessageBox.information(self.window, "Chưa có kế hoạch", "Hãy nhập phụ lục kế hoạch trước.")
            return None
        plan = next((p for p in plans if p["id"] == plan_id), None)
        if plan is None and len(plans) == 1:
            plan = plans[0]
        if plan is None:
            names = [f"{p['id']}. {p['citation']}" for p in plans]
            chooser = QInputDialog(self.window)
            chooser.setWindowTitle("Chọn kế hoạch")
            chooser.setLabelText("Kế hoạch:")
            chooser.setComboBoxItems(names)
            chooser.setTextValue(names[-1])
            chooser.setOkButtonText("Chọn")
            chooser.setCancelButtonText("Hủy")
            self.chooser = chooser  # tests answer it
            if chooser.exec() != QInputDialog.Accepted:
                return None
            plan = plans[names.index(chooser.textValue())]
        return plan

    def edit_plan(self, plan_id: int | None = None) -> PlanDialog | None:
        plan = self._choose(plan_id)
        if plan is None:
            return None
        from .plan_dialog import PlanDialog

        dialog = PlanDialog(plan, self.window)
        if dialog.exec() != PlanDialog.Accepted:
            return dialog
        values = dialog.values()
        self.window.runner.run(
            self.window, "Đang lưu thông tin kế hoạch…",
            lambda ctx: _report_service().correct_plan(ctx.workspace, plan["id"], **values),
            lambda saved: self._plan_saved(saved),
            lambda error: QMessageBox.warning(self.window, "Không lưu được thông tin kế hoạch", describe_error(error)),
        )
        return dialog

    def _plan_saved(self, saved: dict) -> None:
        self.window.statusBar().showMessage(f"Đã lưu: {saved['citation']}.", 8000)
        self.window._plans_reloaded()  # the plan selector and the overview show the corrected plan
        if self.window.detail.task is None:
            from .window_features import refresh_overview

            refresh_overview(self.window)

    def after_import(self, summary) -> None:
        """The import preview's hook: offer the plan dialog when the plan would be cited incompletely."""
        number, date = summary.plan["number"], summary.plan["date"]
        plan = next((p for p in self._plans() if p["stored_number"] == number and p["stored_date"] == date), None)
        if plan is None or not plan["missing"]:
            return
        box = QMessageBox(QMessageBox.Question, "Kế hoạch chưa đủ thông tin",
                          f"Phụ lục vừa nhập chưa ghi {', '.join(plan['missing'])} của kế hoạch. Báo cáo sẽ ghi rõ "
                          "là chưa có, không tự đặt số. Sửa thông tin kế hoạch ngay bây giờ?", parent=self.window)
        now = box.addButton("Sửa ngay", QMessageBox.AcceptRole)
        box.addButton("Để sau", QMessageBox.RejectRole)
        self.question = box  # tests answer it
        box.exec()
        if box.clickedButton() is now:
            self.edit_plan(plan["id"])
