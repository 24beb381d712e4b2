"""The agency's profile: who we are, for matching tasks and for the report's header and signature."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QMessageBox,
)

from ..model import AGENCY_KIND_LABELS, AgencyKind, AgencyProfile, Authority
from .widgets import accept_cancel_buttons

AUTHORITY_LABELS = {
    Authority.TM: "TM. (thay mặt tập thể, chỉ cho UBND: TM. ỦY BAN NHÂN DÂN)",
    Authority.KT: "KT. (ký thay người đứng đầu)",
    Authority.Q: "Q. (quyền)",
    Authority.NONE: "Người đứng đầu ký trực tiếp",
}

# An example only: shown as placeholders on the first start, never saved unless typed (issue 16).
DEFAULT_PROFILE = AgencyProfile(
    name="UBND xã Hòa An", kind=AgencyKind.XA, governing_body="UBND tỉnh Cao Bằng", place="Hòa An",
    symbol="UBND", signer_name="", signer_title="CHỦ TỊCH", authority=Authority.TM,
)


class ProfileDialog(QDialog):
    def __init__(self, profile: AgencyProfile | None, parent=None, *, first_run: bool = False,
                 consolidates: str | None = None):
        super().__init__(parent)
        self.setWindowTitle("Thông tin cơ quan, đơn vị")
        self.setMinimumWidth(560)
        example = DEFAULT_PROFILE
        profile = profile or AgencyProfile(name="", kind=AgencyKind.XA, authority=Authority.TM)  # issue 16: empty
        form = QFormLayout(self)
        if first_run:
            intro = QLabel(
                "Chào mừng! Hãy cho biết cơ quan, đơn vị của anh/chị. Chương trình dùng thông tin này để "
                "tìm các nhiệm vụ được giao cho đơn vị trong phụ lục kế hoạch và để in báo cáo đúng thể thức."
            )
            intro.setWordWrap(True)
            form.addRow(intro)
        self.name = QLineEdit(profile.name)
        self.name.setPlaceholderText(f"ví dụ: {example.name}, Sở Tư pháp")
        self.kind = QComboBox()
        for kind in AgencyKind:
            self.kind.addItem(AGENCY_KIND_LABELS[kind], kind.value)
        self.kind.setCurrentIndex(self.kind.findData(profile.kind.value))
        self.governing_body = QLineEdit(profile.governing_body)
        self.governing_body.setPlaceholderText("ví dụ: UBND tỉnh Cao Bằng (để trống nếu không có)")
        self.place = QLineEdit(profile.place)
        self.place.setPlaceholderText("địa danh ghi ở dòng ngày tháng, ví dụ: Hòa An")
        self.symbol = QLineEdit(profile.symbol)
        self.symbol.setPlaceholderText("chữ viết tắt tên cơ quan trong số ký hiệu, ví dụ: UBND, STP")
        self.signer_name = QLineEdit(profile.signer_name)
        self.signer_name.setPlaceholderText("họ và tên người ký báo cáo, ví dụ: Nông Văn A")
        self.signer_title = QLineEdit(profile.signer_title)
        self.signer_title.setPlaceholderText("ví dụ: CHỦ TỊCH, PHÓ CHỦ TỊCH, GIÁM ĐỐC")
        self.authority = QComboBox()
        for authority in Authority:
            self.authority.addItem(AUTHORITY_LABELS[authority], authority.value)
        self.authority.setCurrentIndex(self.authority.findData(profile.authority.value))
        form.addRow("Tên cơ quan, đơn vị:", self.name)
        form.addRow("Loại:", self.kind)
        form.addRow("Cơ quan chủ quản:", self.governing_body)
        form.addRow("Địa danh:", self.place)
        form.addRow("Chữ viết tắt (ký hiệu):", self.symbol)
        form.addRow("Người ký:", self.signer_name)
        form.addRow("Chức vụ người ký:", self.signer_title)
        form.addRow("Thẩm quyền ký:", self.authority)
        self.authority_note = QLabel(
            "TM. chỉ dùng cho tập thể lãnh đạo (UBND xã, huyện): “TM. ỦY BAN NHÂN DÂN”. Một sở ký "
            "“GIÁM ĐỐC”, hoặc “KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC” khi cấp phó ký (với một sở, báo cáo không in TM.). "
            "UBND không in dòng cơ quan chủ quản phía trên tên."
        )
        self.authority_note.setWordWrap(True)
        self.authority_note.setStyleSheet("color: #555;")
        form.addRow("", self.authority_note)
        self.consolidates_box = self._consolidates_box(consolidates) if consolidates is not None else None
        if self.consolidates_box is not None:
            form.addRow("Vai trò tổng hợp:", self.consolidates_box)
        self.load_sample = None
        if first_run:  # the sample plan is offered, and named as a sample (issue 16)
            self.load_sample = QCheckBox("Nạp “Kế hoạch mẫu” để xem thử")
            self.load_sample.setChecked(True)
            form.addRow(self.load_sample)
            # A check box does not wrap: the rest on a line that does (at 1024 px it was cut mid-word).
            sample_note = QLabel("Kế hoạch 2163/KH-UBND của UBND tỉnh Cao Bằng; xóa được bất cứ lúc nào "
                                 "(Tệp → Xóa kế hoạch…).")
            sample_note.setWordWrap(True)
            sample_note.setStyleSheet("color: #555; margin-left: 22px;")
            form.addRow(sample_note)
        form.addRow(accept_cancel_buttons(self, "Lưu"))

    def profile(self) -> AgencyProfile:
        return AgencyProfile(
            name=self.name.text().strip(), kind=AgencyKind(self.kind.currentData()),
            governing_body=self.governing_body.text().strip(), place=self.place.text().strip(),
            symbol=self.symbol.text().strip(), signer_name=self.signer_name.text().strip(),
            signer_title=self.signer_title.text().strip(), authority=Authority(self.authority.currentData()),
        )

    # --- consolidation (issue 11) ---
    @staticmethod
    def _consolidates_box(value: str) -> QComboBox:
        from ..consolidation.roster import CONSOLIDATES_LABELS

        box = QComboBox()
        for key in ("none", "plan", "led-tasks"):
            box.addItem(CONSOLIDATES_LABELS[key], key)
        box.setCurrentIndex(max(0, box.findData(value)))
        box.setToolTip("Sở Nội vụ tổng hợp toàn bộ kế hoạch; sở chủ trì tổng hợp các nhiệm vụ mình được giao "
                       "chủ trì (đích danh, không tính “Các sở, ban, ngành”).")
        return box

    def consolidates(self) -> str | None:
        return self.consolidates_box.currentData() if self.consolidates_box is not None else None
    def wants_sample(self) -> bool:
        return bool(self.load_sample is not None and self.load_sample.isChecked())

    def accept(self) -> None:
        if not self.name.text().strip():
            QMessageBox.warning(self, "Thiếu tên đơn vị", "Hãy nhập tên cơ quan, đơn vị.")
            return
        super().accept()
