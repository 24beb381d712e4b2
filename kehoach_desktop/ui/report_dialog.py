"""The report dialog: period, number, date, addressees, recipients and the four texts on the left;
the PDF preview on the right; Print, Save as PDF and Save as Word.

The PDF is built off the GUI thread (OperationRunner); the preview renders its pages lazily,
as they scroll into view, from the PDF bytes kept in memory.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from ..errors import InvalidInputError
from ..report import PERIOD_KINDS, PERIOD_LABELS, ReportPeriod, ReportTexts
from ..report.preview import PdfPages
from ..report.service import render
from ..file_names import report_file_name
from .operations import OperationRunner, describe_error
from .screen_fit import preferred_size
from .widgets import VI_LOCALE, OptionalDateEdit

PREVIEW_DPI = 72
PAGE_GAP = 12
SECTION_FIELDS = [
    ("direction", "I. Công tác chỉ đạo, triển khai"),
    ("shortcomings", "III. Tồn tại, hạn chế và nguyên nhân"),
    ("next_steps", "IV. Nhiệm vụ, giải pháp thời gian tới"),
    ("proposals", "V. Đề xuất, kiến nghị"),
]


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _to_pixmap(image) -> QPixmap:
    qimage = QImage(image.rgb, image.width, image.height, image.width * 3, QImage.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())  # copy: the bytes belong to Python


class PdfPreview(QScrollArea):
    """The pages of a PDF one under the other, each rendered when it scrolls into view."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignHCenter)
        self.pages: PdfPages | None = None
        self.labels: list[QLabel] = []
        self.rendered: set[int] = set()  # the pages drawn so far
        self.paused = False  # while printing: pdfium must not be used from two threads at once
        self.dpi = PREVIEW_DPI
        self._show_placeholder("Bấm “Xem trước” để dựng báo cáo.")
        self.verticalScrollBar().valueChanged.connect(lambda *_: self._render_visible())

    def _show_placeholder(self, text: str) -> None:
        hint = QLabel(text)
        hint.setAlignment(Qt.AlignCenter)
        hint.setStyleSheet("color: #607d8b; padding: 40px;")
        self.setWidget(hint)

    def show_pdf(self, pdf: bytes) -> None:
        if self.pages is not None:
            self.pages.close()
        self.pages = PdfPages(pdf)
        holder = QWidget()
        holder.setStyleSheet("background: #9e9e9e;")
        layout = QVBoxLayout(holder)
        layout.setSpacing(PAGE_GAP)
        layout.setAlignment(Qt.AlignHCenter)
        self.labels, self.rendered = [], set()
        widest = max((self.pages.size(i)[0] for i in range(len(self.pages))), default=1)
        room = max(self.viewport().width() - 2 * PAGE_GAP - self.verticalScrollBar().sizeHint().width(), 200)
        self.dpi = min(PREVIEW_DPI, room * 72 / widest)  # the landscape annex fits without scrolling sideways
        for index in range(len(self.pages)):
            width, height = self.pages.size(index)
            label = QLabel()
            label.setFixedSize(int(width * self.dpi / 72), int(height * self.dpi / 72))
            label.setStyleSheet("background: white;")
            layout.addWidget(label, 0, Qt.AlignHCenter)
            self.labels.append(label)
        self.setWidget(holder)
        QTimer.singleShot(0, self._render_visible)

    def page_count(self) -> int:
        return len(self.labels)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._render_visible()

    def _render_visible(self) -> None:
        if self.pages is None or self.paused:
            return
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        for index, label in enumerate(self.labels):
            if index in self.rendered or label.y() > bottom or label.y() + label.height() < top:
                continue
            label.setPixmap(_to_pixmap(self.pages.render(index, self.dpi)))
            self.rendered.add(index)

    def close_pdf(self) -> None:
        if self.pages is not None:
            self.pages.close()
            self.pages = None


class ReportDialog(QDialog):
    def __init__(self, workspace, runner: OperationRunner, parent=None, today: dt.date | None = None,
                 plan_id: int | None = None):
        super().__init__(parent)
        self.workspace, self.runner = workspace, runner
        self.today = today or dt.date.today()
        self.pdf: bytes | None = None
        self._pdf_inputs = None  # the period and texts the PDF was built from
        self.setWindowTitle("Báo cáo kết quả thực hiện kế hoạch")
        self._saved_state = None  # (period, texts) as last read from or written to the data file
        preferred_size(self, 1280, 760)  # shrunk to the screen's usable area
        plans = workspace.plans()
        chosen = [plan for plan in plans if plan["id"] == plan_id] or plans[-1:]  # issue 16: the selected plan
        self.plan_id = chosen[0]["id"] if chosen else None
        self.plan_year = chosen[0]["year"] if chosen and chosen[0]["year"] else self.today.year
        if chosen:
            from ..plans import plan_label

            self.setWindowTitle(f"Báo cáo kết quả thực hiện kế hoạch — {plan_label(chosen[0])}")
        self._build()
        self._load_texts()

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        self.period = QComboBox()
        for kind in PERIOD_KINDS:
            self.period.addItem(PERIOD_LABELS[kind], kind)
        self.period.setCurrentIndex(self.period.findData(self._default_period()))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.plan_year)
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setLocale(VI_LOCALE)
        self.start.setDate(QDate(self.plan_year, 1, 1))
        self.end.setDate(_qdate(min(self.today, dt.date(self.plan_year, 12, 31))))
        self.number = QLineEdit()
        self.number.setPlaceholderText("để trống nếu văn thư chưa cấp số")
        self.signed_on = OptionalDateEdit("Đã ký ngày")
        self.addressees = QPlainTextEdit()
        self.addressees.setPlaceholderText("mỗi dòng một nơi; để trống nếu không có Kính gửi")
        self.recipients = QPlainTextEdit()
        self.recipients.setPlaceholderText("mỗi dòng một nơi; “Như trên” và “Lưu: VT” được thêm tự động")
        for edit in (self.addressees, self.recipients):
            edit.setMaximumHeight(64)
        self.sections = {}
        for field, _ in SECTION_FIELDS:
            edit = QPlainTextEdit()
            edit.setMinimumHeight(60)
            self.sections[field] = edit

        range_row = QHBoxLayout()
        range_row.addWidget(QLabel("Từ"))
        range_row.addWidget(self.start)
        range_row.addWidget(QLabel("đến"))
        range_row.addWidget(self.end)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period, 1)
        period_row.addWidget(QLabel("Năm"))
        period_row.addWidget(self.year)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a narrow pane puts the field under its label
        form.addRow("Kỳ báo cáo:", period_row)
        form.addRow("Khoảng thời gian:", range_row)
        form.addRow("Số báo cáo:", self.number)
        form.addRow("Ngày ký:", self.signed_on)
        form.addRow("Kính gửi:", self.addressees)
        form.addRow("Nơi nhận:", self.recipients)
        for field, label in SECTION_FIELDS:
            form.addRow(QLabel(label + ":"))
            form.addRow(self.sections[field])
        self._add_issue13_options(form)
        left = QWidget()
        left.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setMinimumWidth(440)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the form scrolls vertically only (issue 16)

        self.preview = PdfPreview()
        self.status = QLabel()
        self.status.setStyleSheet("color: #455a64;")
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(120)
        self.save_button = QPushButton("Lưu nội dung")
        self.preview_button = QPushButton("Xem trước")
        self.print_button = QPushButton("In…")
        self.pdf_button = QPushButton("Lưu PDF…")
        self.word_button = QPushButton("Lưu Word…")
        close_button = QPushButton("Đóng")
        self.save_button.clicked.connect(lambda: self.save_texts())
        self.preview_button.clicked.connect(lambda: self.refresh_preview())
        self.print_button.clicked.connect(lambda: self.print_report())
        self.pdf_button.clicked.connect(lambda: self.choose_and_save("PDF"))
        self.word_button.clicked.connect(lambda: self.choose_and_save("Word"))
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.save_button, self.preview_button, self.print_button, self.pdf_button, self.word_button,
                       close_button):
            buttons.addWidget(button)

        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([470, 790])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.year.valueChanged.connect(self._period_changed)
        self.start.dateChanged.connect(self._period_changed)
        self.end.dateChanged.connect(self._period_changed)
        self._edited = False
        for edit in (self.addressees, self.recipients, *self.sections.values()):
            edit.textChanged.connect(self._mark_edited)
        self.number.textEdited.connect(self._mark_edited)
        self.signed_on.changed.connect(self._mark_edited)
        self.signed_on.edit.dateChanged.connect(self._mark_edited)
        self._update_range()

    def _default_period(self) -> str:
        """The period just ended (or running), by today's month."""
        month = self.today.month if self.today.year == self.plan_year else 12
        return "q1" if month <= 4 else "h1" if month <= 7 else "q3" if month <= 10 else "year"

    # --- values -------------------------------------------------------------------------------

    def current_period(self) -> ReportPeriod:
        kind = self.period.currentData()
        if kind == "custom":
            return ReportPeriod.of(kind, self.year.value(), _date(self.start.date()), _date(self.end.date()))
        return ReportPeriod.of(kind, self.year.value())

    def texts(self) -> ReportTexts:
        return ReportTexts(
            number=self.number.text().strip(), signed_on=self.signed_on.value(),
            addressees=self.addressees.toPlainText().splitlines(), recipients=self.recipients.toPlainText().splitlines(),
            **{field: self.sections[field].toPlainText() for field, _ in SECTION_FIELDS},
            only_led=self.only_led.isChecked(), compact_not_started=self.compact_not_started.isChecked(),
        )

    def _load_texts(self) -> None:
        period = self.current_period()
        try:
            texts = self.workspace.report_texts(period, self.plan_id, today=self.today)
        except Exception as error:  # no plan, no profile, bad range: say so, keep the dialog usable
            self.status.setText(describe_error(error))
            self._saved_state = None
            return
        self.number.setText(texts.number)
        self.signed_on.set_value(texts.signed_on)
        self.addressees.setPlainText("\n".join(texts.addressees))
        self.recipients.setPlainText("\n".join(texts.recipients))
        for field, _ in SECTION_FIELDS:
            self.sections[field].setPlainText(getattr(texts, field))
        self._saved_state = (period, self.texts() if texts.saved else None)
        self._edited = False
        self.status.setText("Nội dung đã lưu cho kỳ này." if texts.saved else
                            "Nội dung gợi ý từ khó khăn, đề xuất ghi ở các nhiệm vụ; sửa rồi bấm “Lưu nội dung”.")

    def _update_range(self) -> None:
        custom = self.period.currentData() == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            period = ReportPeriod.of(self.period.currentData(), self.year.value())
            for edit, value in ((self.start, period.start), (self.end, period.end)):
                edit.blockSignals(True)
                edit.setDate(_qdate(value))
                edit.blockSignals(False)

    def _period_changed(self, *_) -> None:
        self._keep_draft()  # the texts typed for the period left are kept, not lost
        self._update_range()
        self.pdf = None
        self._load_texts()

    # --- actions ------------------------------------------------------------------------------

    def _failed(self, title: str):
        def show(error) -> None:
            self.preview.paused = False
            QMessageBox.warning(self, title, describe_error(error))
        return show

    def save_texts(self) -> None:
        period, texts = self.current_period(), self.texts()

        def saved(_) -> None:
            self._saved_state = (period, texts)
            self.status.setText("Đã lưu nội dung báo cáo của kỳ này.")

        self.runner.run(self, "Đang lưu…", lambda ctx: ctx.workspace.save_report_texts(period, texts, self.plan_id), saved,
                        self._failed("Không lưu được"))

    def refresh_preview(self, then=None) -> None:
        """Save the texts, build the PDF off the GUI thread, show it; then call `then` if given."""
        period, texts = self.current_period(), self.texts()

        def build(ctx) -> bytes:
            ctx.workspace.save_report_texts(period, texts, self.plan_id)
            content = ctx.workspace.build_report(period, texts, self.plan_id, today=self.today)
            return render(content, "PDF", ctx.report)

        def built(pdf: bytes) -> None:
            self.pdf, self._pdf_inputs = pdf, (period, texts)
            self._saved_state = (period, texts)
            self.preview.show_pdf(pdf)
            self.status.setText(f"Bản xem trước: {self.preview.page_count()} trang.")
            if then is not None:
                then()

        self.runner.run(self, "Đang dựng báo cáo…", build, built, self._failed("Không dựng được báo cáo"))

    def choose_and_save(self, fmt: str) -> None:
        suffix, pattern = (".pdf", "Tệp PDF (*.pdf)") if fmt == "PDF" else (".docx", "Tệp Word (*.docx)")
        profile = self.workspace.profile()
        name = report_file_name(self.current_period(), profile.name if profile else "", suffix)
        path, _ = QFileDialog.getSaveFileName(self, f"Lưu báo cáo dạng {fmt}", str(Path.home() / name), pattern)
        if not path:
            return
        path = Path(path)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.save_to(path)

    def save_to(self, path: Path) -> None:
        period, texts = self.current_period(), self.texts()

        def write(ctx):
            ctx.workspace.save_report_texts(period, texts, self.plan_id)
            return ctx.workspace.write_report(path, period, texts, self.plan_id, today=self.today, progress=ctx.report)

        def written(target) -> None:
            self._saved_state = (period, texts)
            self.status.setText(f"Đã lưu {Path(target).name}.")

        self.runner.run(self, f"Đang lưu {path.name}…", write, written, self._failed("Không lưu được báo cáo"))

    def print_report(self) -> None:
        if self.pdf is None or self._pdf_inputs != (self.current_period(), self.texts()):
            self.refresh_preview(then=self.print_report)  # print what the fields say now
            return
        printer = QPrinter(QPrinter.HighResolution)
        printer.setCopyCount(1)
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(QPageSize.A4))
        printer.setDocName("Báo cáo kết quả thực hiện kế hoạch")
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.Accepted:
            return
        pdf = self.pdf
        self.preview.paused = True

        def job(ctx) -> int:
            return print_pages(pdf, printer, ctx.report)

        def printed(count: int) -> None:
            self.preview.paused = False
            self.status.setText(f"Đã gửi {count} trang tới máy in.")
            self._register_printed(pdf)

        self.runner.run(self, "Đang in…", job, printed, self._failed("Không in được"))

    # --- options and the plan's warning (issue 13) ---

    def _add_issue13_options(self, form) -> None:
        from PySide6.QtWidgets import QCheckBox

        from ..report.plans import plan_warning

        self.only_led = QCheckBox("Chỉ các nhiệm vụ đơn vị chủ trì")
        self.compact_not_started = QCheckBox("Gộp việc chưa đến hạn (một dòng mỗi lĩnh vực)")
        self.compact_not_started.setToolTip("Trong phụ lục, các nhiệm vụ chưa thực hiện và chưa đến hạn của một "
                                            "lĩnh vực ghi chung một dòng.")
        form.addRow("Tùy chọn:", self.only_led)
        form.addRow("", self.compact_not_started)
        from ..report.plans import as_issued

        plans = self.workspace.plans()
        self.plan_warning = QLabel(plan_warning(as_issued(plans[-1])) if plans else "")
        self.plan_warning.setMinimumWidth(1)  # wraps inside the form, never widens it
        self.plan_warning.setWordWrap(True)
        self.plan_warning.setStyleSheet("color: #9a3412;")
        self.plan_warning.setVisible(bool(self.plan_warning.text()))
        form.insertRow(0, self.plan_warning)

    # --- issued-report register (issue 13) ---

    def _register_printed(self, pdf: bytes) -> None:
        """A numbered, dated report sent to the printer is issued: kept in the register."""
        from ..report.service import register_issued

        period, texts = self._pdf_inputs
        self.runner.run(self, "Đang ghi sổ báo cáo…", lambda ctx: register_issued(
            ctx.workspace, ctx.workspace.build_report(period, texts, today=self.today), pdf, None, "PDF"),
            lambda _: None, self._failed("Không ghi được sổ báo cáo"))

    def done(self, result) -> None:
        self.preview.close_pdf()
        super().done(result)

    # --- drafts (issue 16): nothing typed is lost on Đóng, Esc or a change of period -----------

    def unsaved_changes(self) -> bool:
        """True when the fields differ from what the data file holds for the period shown."""
        if self._saved_state is None:
            return False
        period, texts = self._saved_state
        if texts is None:  # prefilled, never saved: only the user's own edits count
            return self._edited
        return self.texts() != texts

    def _keep_draft(self) -> None:
        """Save the texts of the period being left as that period's draft (the `report` table)."""
        if self._saved_state is None or not self.unsaved_changes():
            self._edited = False
            return
        period, texts = self._saved_state[0], self.texts()
        self._edited = False
        try:
            self.workspace.save_report_texts(period, texts, self.plan_id)
        except Exception as error:
            QMessageBox.warning(self, "Chưa giữ được nội dung kỳ trước", describe_error(error))
            return
        self.status.setText(f"Đã giữ nội dung đã gõ cho kỳ “{period.label}”.")

    def _mark_edited(self, *_) -> None:
        self._edited = True

    def reject(self) -> None:
        """Đóng, Esc or the window's ×: ask when something typed is not saved yet."""
        if self.unsaved_changes():
            answer = QMessageBox.question(
                self, "Nội dung báo cáo chưa lưu",
                "Nội dung báo cáo của kỳ này đã sửa nhưng chưa lưu. Lưu trước khi đóng?",
                QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
            if answer == QMessageBox.Cancel:
                return
            if answer == QMessageBox.Save:
                period, texts = self.current_period(), self.texts()
                try:
                    self.workspace.save_report_texts(period, texts, self.plan_id)
                except Exception as error:
                    QMessageBox.warning(self, "Không lưu được", describe_error(error))
                    return
        super().reject()


def print_pages(pdf: bytes, printer: QPrinter, progress=None) -> int:
    """Paint every page at the printer's resolution; landscape pages turned to fit portrait paper."""
    pages = PdfPages(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise InvalidInputError("Không mở được máy in: hãy kiểm tra máy in đã bật và được chọn đúng.")
        dpi = min(printer.resolution(), 300)
        area = printer.pageLayout().fullRectPixels(printer.resolution())  # the page carries its own margins
        for index in range(len(pages)):
            if progress is not None:
                progress(index, len(pages), f"Đang in trang {index + 1}/{len(pages)}…")
            if index:
                printer.newPage()
            image = _qimage(pages.render(index, dpi))
            painter.save()
            if image.width() > image.height() and area.height() > area.width():
                painter.translate(area.width(), 0)
                painter.rotate(90)
                target = QRectF(0, 0, area.height(), area.width())
            else:
                target = QRectF(0, 0, area.width(), area.height())
            painter.drawImage(_fit(target, image.width(), image.height()), image)
            painter.restore()
        return len(pages)
    finally:
        if painter.isActive():
            painter.end()
        pages.close()


def _qimage(image) -> QImage:
    return QImage(image.rgb, image.width, image.height, image.width * 3, QImage.Format_RGB888).copy()


def _fit(target: QRectF, width: int, height: int) -> QRectF:
    """The largest rectangle of the page's proportions inside `target`, at its top left."""
    scale = min(target.width() / width, target.height() / height)
    return QRectF(target.x(), target.y(), width * scale, height * scale)
