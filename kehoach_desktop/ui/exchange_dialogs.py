"""Dialogs of the USB exchange: where to write a package, and what a package will change."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from html import escape
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSpinBox, QStyle, QVBoxLayout, QWidget,
)

from ..exchange.drives import Drive
from ..exchange.apply import PackageSummary, change_phrases
from ..exchange.content import PERIOD_CODES, PERIOD_LABELS, period_label
from ..exchange.safe_zip import format_size
from ..model import AgencyProfile
from ..text import format_date, upper_first
from .widgets import accept_cancel_buttons

KIND_TITLES = {
    ".khbc": "Xuất gói báo cáo tiến độ (.khbc)",
    ".khnv": "Xuất gói nhiệm vụ (.khnv)",
    ".xlsx": "Xuất bảng kết quả Excel (.xlsx)",
}
KIND_HINTS = {
    ".khbc": "Gói gồm kế hoạch, kết quả thực hiện, tài liệu kiểm chứng (kèm tệp đính kèm) và nội dung báo cáo "
             "của đơn vị: gửi Sở Nội vụ, hoặc dùng để chuyển dữ liệu sang máy khác.",
    ".khnv": "Gói gồm kế hoạch với các tiêu chí và nhiệm vụ, để đơn vị khác nhập thẳng vào chương trình "
             "mà không cần tệp phụ lục.",
    ".xlsx": "Bảng Excel các nhiệm vụ của đơn vị theo mẫu phụ lục, thêm các cột kết quả; in được khổ A4 ngang. "
             "Có thể sửa kết quả trong Excel rồi nhập lại vào chương trình.",
}
FILE_PREFIX = {".khbc": "BC", ".khnv": "NV", ".xlsx": "KQ"}


def default_file_name(suffix: str, profile: AgencyProfile | None, today: dt.date) -> str:
    """"BC-UBND-xa-Hoa-An-2025-06-30.khbc": plain ASCII, safe on any USB stick."""
    agency = re.sub(r"[^A-Za-z0-9]+", "-", ascii_letters(profile.name) if profile else "").strip("-")
    return f"{FILE_PREFIX[suffix]}-{agency[:60] or 'don-vi'}-{today.isoformat()}{suffix}"


def ascii_letters(text: str) -> str:
    """Vietnamese without its diacritics, case kept: "UBND xã Hòa An" → "UBND xa Hoa An"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


class ExportDialog(QDialog):
    """Choose a removable drive (or any folder), the file name and, for reports, the period."""

    def __init__(self, suffix: str, profile: AgencyProfile | None, list_drives: Callable[[], list[Drive]],
                 parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.suffix = suffix
        self.list_drives = list_drives
        self.folder: Path | None = None
        self.today = today or dt.date.today()
        self.setWindowTitle(KIND_TITLES[suffix])
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        hint = QLabel(KIND_HINTS[suffix])
        hint.setWordWrap(True)
        layout.addWidget(hint)

        layout.addWidget(QLabel("<b>Ghi vào</b> (chọn USB hoặc thư mục):"))
        self.places = QListWidget()
        self.places.setFixedHeight(96)
        self.places.currentItemChanged.connect(self._place_changed)
        layout.addWidget(self.places)
        row = QHBoxLayout()
        self.place_hint = QLabel()
        self.place_hint.setWordWrap(True)
        self.place_hint.setStyleSheet("color: #546e7a;")
        self.rescan = QPushButton("Tìm lại USB")
        self.rescan.clicked.connect(self.refresh_places)
        self.other = QPushButton("Chọn thư mục khác…")
        self.other.clicked.connect(self.choose_folder)
        row.addWidget(self.place_hint, 1)
        row.addWidget(self.rescan)
        row.addWidget(self.other)
        layout.addLayout(row)

        form = QFormLayout()
        self.file_name = QLineEdit(default_file_name(suffix, profile, self.today))
        form.addRow("Tên tệp:", self.file_name)
        self.period = QComboBox()
        self.year = QSpinBox()
        if suffix != ".khnv":
            self.period.addItem("Không theo kỳ (mọi nội dung báo cáo)", None)
            for code in PERIOD_CODES:
                self.period.addItem(upper_first(PERIOD_LABELS[code]), code)
            self.year.setRange(2000, 2100)
            self.year.setValue(self.today.year)
            period_row = QWidget()
            period_layout = QHBoxLayout(period_row)
            period_layout.setContentsMargins(0, 0, 0, 0)
            period_layout.addWidget(self.period, 1)
            period_layout.addWidget(QLabel("năm"))
            period_layout.addWidget(self.year)
            form.addRow("Kỳ báo cáo:", period_row)
        layout.addLayout(form)
        self.buttons = accept_cancel_buttons(self, "Ghi ra")
        layout.addWidget(self.buttons)
        self.refresh_places()

    def refresh_places(self) -> None:
        """The removable drives now mounted, and the folder chosen by hand if any."""
        self.places.clear()
        drives = self.list_drives()
        style = self.style()
        for drive in drives:
            item = QListWidgetItem(style.standardIcon(QStyle.SP_DriveFDIcon), drive.title)
            item.setData(Qt.UserRole, str(drive.path))
            self.places.addItem(item)
        chosen = self.folder if self.folder is not None and all(d.path != self.folder for d in drives) else None
        if chosen is not None:
            item = QListWidgetItem(style.standardIcon(QStyle.SP_DirIcon), str(chosen))
            item.setData(Qt.UserRole, str(chosen))
            self.places.addItem(item)
        self.place_hint.setText("" if drives else "Chưa thấy USB nào: cắm USB rồi bấm “Tìm lại USB”, "
                                                  "hoặc chọn một thư mục.")
        selected = next((row for row in range(self.places.count())
                         if self.places.item(row).data(Qt.UserRole) == str(self.folder)), 0)
        if self.places.count():
            self.places.setCurrentRow(selected)
        else:
            self.folder = None
        self._update_ok()

    def _place_changed(self, current, _previous=None) -> None:
        if current is not None:
            self.folder = Path(current.data(Qt.UserRole))
        self._update_ok()

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Chọn thư mục để ghi", str(self.folder or Path.home()))
        if chosen:
            self.folder = Path(chosen)
            self.refresh_places()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(self.folder is not None)

    def accept(self) -> None:
        if self.folder is None or not self.file_name.text().strip():
            return
        super().accept()

    def target(self) -> Path:
        name = self.file_name.text().strip()
        if not name.lower().endswith(self.suffix):
            name += self.suffix
        return Path(self.folder) / name

    def chosen_period(self) -> dict | None:
        code = self.period.currentData() if self.suffix != ".khnv" else None
        return {"code": code, "year": self.year.value()} if code else None


def preview_text(summary: PackageSummary) -> str:
    """Rich text for the preview; every value from the package is escaped (it comes from an
    unknown PC)."""
    kind = summary.kind_label[:1].upper() + summary.kind_label[1:]
    lines = [f"<b>{kind}</b>" + (f" của <b>{escape(summary.agency)}</b>" if summary.agency else "")]
    if summary.audience:
        lines.append(f"Gửi riêng cho: {escape(summary.audience)}")
    made = []
    if summary.created_at:
        made.append(f"tạo ngày {format_date(summary.created_at)}")
    if summary.program_version:
        made.append(f"bằng chương trình phiên bản {escape(str(summary.program_version))}")
    if summary.period:
        made.append(f"kỳ báo cáo {period_label(summary.period)}")
    lines.append(f"Tệp: {escape(summary.file_name)}" + (f" ({', '.join(made)})" if made else ""))
    lines.append("")
    for plan in summary.plans:
        date = f" ngày {format_date(plan['date'])}" if plan["date"] else ""
        lines.append(f"• Kế hoạch số {escape(plan['number'])}{date}: {plan['tasks']} nhiệm vụ")
    contents = summary.contents
    parts = [f"kết quả của {contents['progress']} nhiệm vụ", f"{contents['evidence']} tài liệu kiểm chứng"]
    if contents["evidence_files"]:
        parts[-1] += f" ({contents['evidence_files']} tệp, {format_size(contents['evidence_bytes'])})"
    if contents["reports"]:
        parts.append(f"{contents['reports']} nội dung báo cáo")
    if summary.kind != "kehoach-khnv":
        lines.append("Trong tệp có " + ", ".join(parts) + ".")
    lines.append("")
    phrases = change_phrases(summary.changes)
    if summary.changes_nothing:
        lines.append("<b>Dữ liệu trong máy đã có đủ nội dung của tệp này; nhập lại không thay đổi gì.</b>")
        if phrases:
            lines.append("(" + escape("; ".join(phrases)) + ")")
    else:
        lines.append("<b>Khi nhập, chương trình sẽ:</b>")
        lines += [f"– {escape(phrase)}" for phrase in phrases]
    return "<br>".join(lines)


class PackagePreviewDialog(QDialog):
    """What a checked package holds and what importing it will change, before anything is written."""

    def __init__(self, summary: PackageSummary, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Xem trước trước khi nhập")
        self.setMinimumSize(600, 360)
        layout = QVBoxLayout(self)
        checked = QLabel("✔ Tệp đã được kiểm tra đầy đủ (định dạng, kích thước, mã kiểm tra của từng thành phần).")
        checked.setStyleSheet("color: #2e7d32;")
        checked.setWordWrap(True)
        layout.addWidget(checked)
        text = QLabel(preview_text(summary))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(text)
        for warning in summary.warnings:
            note = QLabel(f"Lưu ý: {warning}")
            note.setTextFormat(Qt.PlainText)  # the warning may quote text from the package
            note.setWordWrap(True)
            note.setStyleSheet("color: #b45309;")
            layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(accept_cancel_buttons(self, "Nhập vào dữ liệu"))
