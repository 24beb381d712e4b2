"""Adding an evidence document: number and symbol, date, issuer, abstract, an optional file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QMessageBox,
    QPlainTextEdit, QPushButton, QWidget,
)

from ..model import Evidence
from .widgets import OptionalDateEdit, accept_cancel_buttons


class EvidenceDialog(QDialog):
    def __init__(self, task_id: int, parent=None, *, default_issuer: str = ""):
        super().__init__(parent)
        self.task_id = task_id
        self.setWindowTitle("Thêm tài liệu kiểm chứng")
        self.setMinimumWidth(520)
        self.number = QLineEdit()
        self.number.setPlaceholderText("ví dụ: 125/BC-UBND")
        self.date = OptionalDateEdit("Có ngày")
        self.issuer = QLineEdit(default_issuer)
        self.abstract = QPlainTextEdit()
        self.abstract.setPlaceholderText("Trích yếu nội dung văn bản")
        self.abstract.setFixedHeight(70)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText("(không bắt buộc) tệp văn bản đã ký, ảnh chụp…")
        browse = QPushButton("Chọn tệp…")
        browse.clicked.connect(self.choose_file)
        file_row = QWidget()
        row_layout = QHBoxLayout(file_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.file, 1)
        row_layout.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Số, ký hiệu:", self.number)
        form.addRow("Ngày văn bản:", self.date)
        form.addRow("Cơ quan ban hành:", self.issuer)
        form.addRow("Trích yếu:", self.abstract)
        form.addRow("Tệp đính kèm:", file_row)
        form.addRow(accept_cancel_buttons(self, "Thêm"))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Chọn tệp tài liệu kiểm chứng")
        if path:
            self.file.setText(path)

    def accept(self) -> None:
        if not (self.number.text().strip() or self.abstract.toPlainText().strip() or self.file.text()):
            QMessageBox.warning(self, "Thiếu thông tin", "Hãy nhập số, ký hiệu hoặc trích yếu, hoặc chọn một tệp.")
            return
        super().accept()

    def evidence(self) -> tuple[Evidence, Path | None]:
        item = Evidence(
            task_id=self.task_id, number=self.number.text().strip(), date=self.date.value(),
            issuer=self.issuer.text().strip(), abstract=self.abstract.toPlainText().strip(),
        )
        return item, Path(self.file.text()) if self.file.text() else None
