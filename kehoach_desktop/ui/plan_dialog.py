"""The plan as issued (issue 13): number, date, issuer and trích yếu, corrected by hand.

Three of the five seed annexes leave the number or the date blank; a report cites the plan from
these fields and never invents a number, so the clerk fills them in here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from .widgets import OptionalDateEdit, accept_cancel_buttons

CUTOFF_CHOICES = [(0, "Ngày cuối kỳ (31/3, 30/6, 30/9, 31/12)"), (14, "Ngày 14 tháng cuối kỳ (chế độ báo cáo của Bộ Nội vụ)")]


class PlanDialog(QDialog):
    """Edits one plan's identity; `values()` is what `report.service.correct_plan` takes."""

    def __init__(self, plan: dict, parent=None):
        super().__init__(parent)
        self.plan_id = plan["id"]
        self.setWindowTitle("Thông tin kế hoạch (như văn bản ban hành)")
        self.setMinimumWidth(600)
        form = QFormLayout(self)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #9a3412;")
        if plan["missing"]:
            self.warning.setText(f"Kế hoạch còn thiếu: {', '.join(plan['missing'])}. Báo cáo sẽ ghi rõ là chưa có, "
                                 "không tự đặt số; hãy ghi đúng như trên văn bản.")
            form.addRow(self.warning)
        self.number = QLineEdit(plan["number"] or "")
        self.number.setPlaceholderText("ví dụ: 2163/KH-UBND")
        self.date = OptionalDateEdit("Có ngày ban hành")
        self.date.set_value(dt.date.fromisoformat(plan["date"]) if plan["date"] else None)
        self.issuer = QLineEdit(plan["issuer"])
        self.issuer.setPlaceholderText("ví dụ: UBND tỉnh Cao Bằng, Chủ tịch UBND tỉnh Cao Bằng")
        self.title = QPlainTextEdit(plan["title"])
        self.title.setPlaceholderText("trích yếu như trên văn bản, ví dụ: Cải thiện, nâng cao các chỉ số "
                                      "PAR-INDEX, SIPAS, PAPI năm 2025")
        self.title.setFixedHeight(70)
        self.cutoff = QComboBox()
        for value, label in CUTOFF_CHOICES:
            self.cutoff.addItem(label, value)
        self.cutoff.setCurrentIndex(max(self.cutoff.findData(plan["cutoff_day"]), 0))
        self.addressees = QPlainTextEdit("\n".join(plan["addressees"]))
        self.addressees.setPlaceholderText("mỗi nơi một dòng, ví dụ: UBND tỉnh Cao Bằng (qua Sở Nội vụ); "
                                           "để trống: Sở Nội vụ tỉnh")
        self.addressees.setFixedHeight(56)
        form.addRow("Số, ký hiệu:", self.number)
        form.addRow("Ngày ban hành:", self.date)
        form.addRow("Cơ quan ban hành:", self.issuer)
        form.addRow("Trích yếu:", self.title)
        form.addRow("Số liệu báo cáo tính đến:", self.cutoff)
        form.addRow("Kính gửi (mặc định):", self.addressees)
        note = QLabel(f"Tệp phụ lục đã nhập: {plan['source_file']}. Năm của kế hoạch tính theo ngày ban hành và trích yếu.")
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(accept_cancel_buttons(self, "Lưu"))

    def values(self) -> dict:
        lines = [line.strip() for line in self.addressees.toPlainText().split("\n") if line.strip()]
        values = {"number": self.number.text().strip(), "issuer": self.issuer.text().strip(),
                  "title": self.title.toPlainText().strip(), "cutoff_day": self.cutoff.currentData(),
                  "addressees": lines}
        if self.date.value() is not None:
            values["date"] = self.date.value()
        return values
