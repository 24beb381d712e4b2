"""The right-hand pane: what the task asks, who does it, and the agency's progress and evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..model import Evidence, Progress, Role, Status, TaskRow
from ..text import format_date, format_decimal
from ..workspace import Workspace
from ..errors import SaveConflictError
from ..limits import PROGRESS_FIELD_LABELS
from ..evidence_open import opens_directly, warning_for
from .conflict_dialog import KEEP_MINE, KEEP_THEIRS, SaveConflictDialog
from .evidence_dialog import EvidenceDialog
from .operations import OperationRunner, describe_error
from .task_tree import STATUS_LABELS
from .widgets import OptionalDateEdit

# Evidence files checked by size (Workspace.evidence_file_status); opening one checks its SHA-256.
FILE_PROBLEMS = {"missing": "Tệp bị thiếu", "altered": "Tệp đã bị thay đổi"}
FILE_PROBLEM_HINTS = {
    "missing": "Tệp không còn trong kho tài liệu của chương trình. Hãy đính kèm lại tệp gốc.",
    "altered": "Nội dung tệp đã khác lúc đính kèm (mã kiểm tra SHA-256 không khớp). Hãy đính kèm lại tệp gốc.",
}

ROLE_CHOICES = [
    ("auto", "Tự động theo phụ lục"),
    (Role.LEAD.value, "Chủ trì"),
    (Role.IMPLEMENTING.value, "Thực hiện"),
    (Role.COOPERATING.value, "Phối hợp"),
    ("none", "Không phải việc của đơn vị"),
]


def _wrap_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


class DetailPane(QWidget):
    saved = Signal(int)  # task id whose progress, evidence or role changed
    undoable = Signal(object)  # an UndoStep for the change just saved (issue 16)
    shown = Signal(object)  # the task now shown, or None (issue 16: the overview takes its place)

    def __init__(self, workspace: Workspace, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.task: TaskRow | None = None
        self._loading = False
        self._dirty = False
        self._kept_score = None
        self._evidence_reads = 0  # times the evidence table was read: one read per change
        self.shown_progress: Progress | None = None  # as read from the data file, for undo
        self.today = dt.date.today()
        self._build()
        self.show_task(None)

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = _wrap_label()
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.criterion = _wrap_label()
        self.criterion.setStyleSheet("color: #455a64;")
        self.content = _wrap_label()
        self.deadline = _wrap_label()
        self.lead = _wrap_label()
        self.implementing = _wrap_label()
        self.cooperating = _wrap_label()
        self.evidence_required = _wrap_label()
        self.criterion_facts = _wrap_label()  # issue 12: maximum, last year's result, target
        self.role_reason = _wrap_label()
        self.role_reason.setStyleSheet("color: #455a64;")
        self.role_choice = QComboBox()
        for value, label in ROLE_CHOICES:
            self.role_choice.addItem(label, value)
        self.role_choice.activated.connect(self._role_changed)

        about = QGroupBox("Nhiệm vụ")
        about_form = QFormLayout(about)
        about_form.addRow(self.heading)
        about_form.addRow(self.criterion)
        about_form.addRow("Nội dung:", self.content)
        about_form.addRow("Thời hạn:", self.deadline)
        about_form.addRow("Chủ trì:", self.lead)
        self._implementing_row = QLabel("Thực hiện:")
        about_form.addRow(self._implementing_row, self.implementing)
        about_form.addRow("Phối hợp:", self.cooperating)
        self._evidence_required_row = QLabel("Sản phẩm:")
        about_form.addRow(self._evidence_required_row, self.evidence_required)
        self._criterion_facts_row = QLabel("Tiêu chí:")
        about_form.addRow(self._criterion_facts_row, self.criterion_facts)
        role_row = QWidget()
        role_layout = QVBoxLayout(role_row)
        role_layout.setContentsMargins(0, 0, 0, 0)
        role_layout.addWidget(self.role_choice)
        role_layout.addWidget(self.role_reason)
        about_form.addRow("Vai trò của đơn vị:", role_row)

        self.status = QComboBox()
        for status in Status:
            self.status.addItem(STATUS_LABELS[status], status.value)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.result = QPlainTextEdit()
        self.result.setPlaceholderText("Kết quả đã thực hiện: văn bản ban hành, số liệu, công việc đã làm…")
        self.result.setMinimumHeight(70)
        self.result.setMaximumHeight(120)
        self.completed_on = OptionalDateEdit("Đã hoàn thành ngày")
        self.difficulties = QPlainTextEdit()
        self.difficulties.setPlaceholderText("Khó khăn, vướng mắc (nếu có)")
        self.difficulties.setFixedHeight(56)
        self.proposals = QPlainTextEdit()
        self.proposals.setPlaceholderText("Đề xuất, kiến nghị (nếu có)")
        self.proposals.setFixedHeight(56)
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #607d8b;")
        self.save_button = QPushButton("Lưu kết quả")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.Save, self, activated=self.save)

        progress = QGroupBox("Kết quả thực hiện của đơn vị")
        form = QFormLayout(progress)
        form.addRow("Tình trạng:", self.status)
        form.addRow("Tỷ lệ hoàn thành:", self.percent)
        form.addRow("Kết quả:", self.result)
        form.addRow("", self.completed_on)
        form.addRow("Khó khăn:", self.difficulties)
        form.addRow("Đề xuất:", self.proposals)

        self.evidence = QTableWidget(0, 5)
        self.evidence.setHorizontalHeaderLabels(["Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu", "Tệp"])
        self.evidence.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.evidence.setSelectionMode(QAbstractItemView.SingleSelection)
        self.evidence.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.evidence.verticalHeader().setVisible(False)
        self.evidence.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.evidence.setMinimumHeight(120)
        self.evidence.doubleClicked.connect(lambda *_: self.open_evidence())
        self.add_evidence_button = QPushButton("Thêm tài liệu…")
        self.add_evidence_button.clicked.connect(self.add_evidence)
        self.open_evidence_button = QPushButton("Mở tệp")
        self.open_evidence_button.clicked.connect(self.open_evidence)
        self.remove_evidence_button = QPushButton("Xóa")
        self.remove_evidence_button.clicked.connect(self.remove_evidence)
        evidence_box = QGroupBox("Tài liệu kiểm chứng")
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.addWidget(self.evidence)
        self.evidence_problems = _wrap_label()  # visible even when the file column is scrolled away
        self.evidence_problems.setStyleSheet("color: #b71c1c;")
        evidence_layout.addWidget(self.evidence_problems)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_evidence_button)
        buttons.addWidget(self.open_evidence_button)
        buttons.addWidget(self.remove_evidence_button)
        buttons.addStretch(1)
        evidence_layout.addLayout(buttons)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(about)
        layout.addWidget(progress)
        layout.addWidget(evidence_box)
        layout.addStretch(1)
        self.placeholder = QLabel("Chọn một nhiệm vụ trong danh sách để xem và cập nhật kết quả thực hiện.")
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #607d8b; padding: 24px;")
        layout.insertWidget(0, self.placeholder)
        self._sections = [about, progress, evidence_box]
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        # The save bar stays visible below the scrolling form.
        self.save_bar = QWidget()
        save_row = QHBoxLayout(self.save_bar)
        save_row.setContentsMargins(8, 4, 8, 4)
        save_row.addWidget(self.updated, 1)
        save_row.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.save_bar)

        for signal in (self.status.currentIndexChanged, self.percent.valueChanged, self.result.textChanged,
                       self.completed_on.changed, self.completed_on.edit.dateChanged,
                       self.difficulties.textChanged, self.proposals.textChanged):
            signal.connect(self._mark_dirty)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.percent.editingFinished.connect(self._percent_finished)  # issue 16: status and percent agree

    # --- showing ------------------------------------------------------------------------------

    def show_task(self, task: TaskRow | None) -> None:
        self._loading = True
        self.task = task
        self.placeholder.setVisible(task is None)
        self.save_bar.setVisible(task is not None)
        for section in self._sections:
            section.setVisible(task is not None)
        if task is not None:
            self._show_about(task)
            self._show_progress(self.workspace.progress(task.id), task)
            self._shown = self.current_progress()  # as the widgets show it (issue 15)
            self._show_evidence()
        self._dirty = False
        self._loading = False
        self.shown.emit(task)

    def _show_about(self, task: TaskRow) -> None:
        title = f"{task.code} — {task.criterion}" if task.code else (task.criterion or "Nhiệm vụ")
        self.heading.setText(title)
        area = f"{task.index_kind}" + (f" · {task.area_code}. {task.area_title}" if task.area_title else "")
        if task.max_score is not None:
            area += f" · Điểm tối đa: {format_decimal(task.max_score, 4)}"
        self.criterion.setText(area + (" · ĐÃ BỎ KHỎI KẾ HOẠCH" if task.removed else ""))
        self.content.setText(task.content)
        self.deadline.setText((task.deadline_text or "(không ghi)") + _due_note(task))
        self.lead.setText("\n".join(task.lead) or "—")
        self.implementing.setText("\n".join(task.implementing))
        self.implementing.setVisible(bool(task.implementing))
        self._implementing_row.setVisible(bool(task.implementing))
        self.cooperating.setText("\n".join(task.cooperating) or "—")
        self.evidence_required.setText(task.evidence_required)
        self.evidence_required.setVisible(bool(task.evidence_required))
        self._evidence_required_row.setVisible(bool(task.evidence_required))
        facts = _criterion_facts(task)
        self.criterion_facts.setText(facts)
        self.criterion_facts.setVisible(bool(facts))
        self._criterion_facts_row.setVisible(bool(facts))
        choice = "auto"
        if task.role_overridden:
            choice = task.role.value if task.role else "none"
        self.role_choice.setCurrentIndex(self.role_choice.findData(choice))
        if task.role_overridden:  # the annex's reading and the user's choice (issue 16)
            self.role_reason.setText(task.role_reason)
        elif task.role:
            self.role_reason.setText(f"{task.role.label}: {task.role_reason}")
        else:
            self.role_reason.setText("Phụ lục không giao nhiệm vụ này cho đơn vị.")

    def _show_progress(self, progress: Progress, task: TaskRow) -> None:
        self._loaded = progress  # the version this pane edits: a save writes only what differs from it
        self.shown_progress = progress
        self.status.setCurrentIndex(self.status.findData(progress.status.value))
        self.percent.setValue(progress.percent)
        self.result.setPlainText(progress.result)
        self.completed_on.set_value(progress.completed_on)
        self._kept_score = progress.score  # the score is the criterion's now (issue 12): kept, not edited here
        self.difficulties.setPlainText(progress.difficulties)
        self.proposals.setPlainText(progress.proposals)
        if progress.updated_at:
            self.updated.setText(f"Cập nhật lần cuối: {progress.updated_at[8:10]}/{progress.updated_at[5:7]}/"
                                 f"{progress.updated_at[:4]} {progress.updated_at[11:16]}")
        else:
            self.updated.setText("Chưa ghi kết quả.")

    def _show_evidence(self) -> None:
        self._evidence_reads += 1
        items = self.workspace.evidence_list(self.task.id) if self.task else []
        self.evidence.setRowCount(len(items))
        problems = []
        for row, item in enumerate(items):
            state = self.workspace.evidence_file_status(item)
            problem = FILE_PROBLEMS.get(state)
            if problem:
                problems.append(f"⚠ {problem}: “{item.file_name}” ({item.number or item.abstract}). "
                                f"{FILE_PROBLEM_HINTS[state]}")
            file_text = f"⚠ {problem}: {item.file_name}" if problem else item.file_name or ""
            values = [item.number, format_date(item.date), item.issuer, item.abstract, file_text]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(256, item.id)
                cell.setToolTip(value)
                self.evidence.setItem(row, column, cell)
            if problem:
                file_cell = self.evidence.item(row, 4)
                file_cell.setForeground(QColor("#b71c1c"))
                file_cell.setToolTip(FILE_PROBLEM_HINTS[state])
        self.evidence_problems.setText("\n".join(problems))
        self.evidence_problems.setVisible(bool(problems))
        self.evidence.resizeColumnsToContents()
        self.evidence.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)

    # --- editing ------------------------------------------------------------------------------

    def _mark_dirty(self, *_) -> None:
        if not self._loading:
            self._dirty = True

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _status_changed(self, *_) -> None:
        if self._loading:
            return
        status = Status(self.status.currentData())
        if status == Status.DONE:
            if self.completed_on.value() is None:
                day = self.ask_completion_date()
                if day is None:  # no date given: the task is not marked done
                    previous = self.shown_progress.status if self.shown_progress else Status.NOT_STARTED
                    if previous == Status.DONE:
                        previous = Status.IN_PROGRESS
                    self.status.setCurrentIndex(self.status.findData(previous.value))
                    return
                self.completed_on.set_value(day)
            self.percent.setValue(100)
        elif self.completed_on.value() is not None:
            self.completed_on.set_value(None)  # a completion date only belongs to a completed task

    def current_progress(self) -> Progress:
        return Progress(
            task_id=self.task.id, status=Status(self.status.currentData()), percent=self.percent.value(),
            result=self.result.toPlainText(), completed_on=self.completed_on.value(),
            score=self._kept_score, difficulties=self.difficulties.toPlainText(),
            proposals=self.proposals.toPlainText(),
        )

    def save(self) -> bool:
        """Save the progress now; True when saved (or nothing to save)."""
        if self.task is None:
            return True
        progress = self.current_progress()
        try:  # refuse on the spot, before the user moves on, so nothing typed is lost
            self.workspace.validate_progress(progress)
        except Exception as error:
            QMessageBox.warning(self, "Chưa lưu được", describe_error(error))
            return False
        if not self._completion_year_agreed(progress):
            return False
        self._dirty = False
        self._save(self._edited(progress), self._loaded)
        return True

    def _edited(self, progress: Progress) -> Progress:
        """The loaded record with only the fields the user changed in the widgets: a value the
        widgets merely show differently (rounded, trimmed) is not a change."""
        edited = {key: getattr(progress, key) for key in PROGRESS_FIELD_LABELS
                  if getattr(progress, key) != getattr(self._shown, key)}
        return dataclasses.replace(self._loaded, **edited)

    # --- saving only what changed, asking on a conflict (issue 15) ---

    def _save(self, progress: Progress, base: Progress | None) -> None:
        def failed(error):
            self._dirty = True
            if isinstance(error, SaveConflictError):
                self._resolve_conflict(error)
                return
            QMessageBox.warning(self, "Không lưu được", describe_error(error))

        step = progress_undo_step(self.task, self.shown_progress)  # issue 16

        def done(_) -> None:
            self.saved.emit(progress.task_id)
            self.undoable.emit(step)

        self.runner.run(self, "Đang lưu…", lambda ctx: ctx.workspace.save_progress(progress, base=base), done, failed)

    def _resolve_conflict(self, conflict: SaveConflictError) -> None:
        """Show both versions; write the chosen one over the version saved meanwhile."""
        choice = SaveConflictDialog(conflict, self).exec()
        if choice == KEEP_MINE:
            self._dirty = False
            self._save(conflict.mine, conflict.theirs)
        elif choice == KEEP_THEIRS:
            self._dirty = False
            self._save(conflict.theirs_kept, conflict.theirs)

    def _percent_finished(self) -> None:
        """100 % means done (and asks the date); less than 100 % is not done."""
        if self._loading or self.task is None:
            return
        done = self.status.currentData() == Status.DONE.value
        if self.percent.value() == 100 and not done:
            self.status.setCurrentIndex(self.status.findData(Status.DONE.value))
        elif self.percent.value() < 100 and done:
            self.status.setCurrentIndex(self.status.findData(Status.IN_PROGRESS.value))

    def _completion_year_agreed(self, progress: Progress) -> bool:
        """A completion date outside the plan's year is most likely a slip: ask before saving it."""
        from .completion_dialog import outside_plan_year

        year = _plan_year(self.workspace, self.task.plan_id)
        if progress.completed_on is None or not outside_plan_year(progress.completed_on, year):
            return True
        return QMessageBox.question(
            self, "Ngày ngoài năm kế hoạch",
            f"Ngày hoàn thành {format_date(progress.completed_on)} không thuộc năm {year} của kế hoạch. Vẫn lưu?",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No) == QMessageBox.Yes

    def ask_completion_date(self) -> dt.date | None:
        """The date the work was completed, asked of the user (issue 16); None when cancelled."""
        from .completion_dialog import CompletionDateDialog

        dialog = CompletionDateDialog(_task_name(self.task), _plan_year(self.workspace, self.task.plan_id),
                                      self.today, self)
        return dialog.value() if dialog.exec() == CompletionDateDialog.Accepted else None

    def save_if_dirty(self) -> bool:
        return self.save() if self._dirty else True

    def _role_changed(self, *_) -> None:
        if self.task is None or self._loading:
            return
        task, choice = self.task, self.role_choice.currentData()
        before = (task.role.value if task.role else "none") if task.role_overridden else "auto"
        if choice == before:
            return
        if choice == "none" and not confirm_not_ours(self, task):
            self.role_choice.setCurrentIndex(self.role_choice.findData(before))
            return
        step = role_undo_step(task, before, choice)

        def done(_) -> None:
            self.saved.emit(task.id)
            self.undoable.emit(step)

        self.runner.run(
            self, "Đang lưu…", lambda ctx: ctx.workspace.set_role_override(task.id, choice), done,
            lambda error: QMessageBox.warning(self, "Không lưu được", describe_error(error)),
        )

    def add_evidence(self) -> None:
        if self.task is None:
            return
        profile = self.workspace.profile()
        dialog = EvidenceDialog(self.task.id, self, default_issuer=profile.name if profile else "")
        if dialog.exec() != EvidenceDialog.Accepted:
            return
        item, path = dialog.evidence()
        task = self.task

        def added(evidence) -> None:
            self._evidence_changed(task.id)
            self.undoable.emit(evidence_added_step(task, evidence))  # issue 16

        self.runner.run(
            self, "Đang lưu tài liệu kiểm chứng…",
            lambda ctx: ctx.workspace.add_evidence(task.id, item, path), added,
            lambda error: QMessageBox.warning(self, "Không thêm được tài liệu", describe_error(error)),
        )

    def _selected_evidence_id(self) -> int | None:
        rows = self.evidence.selectionModel().selectedRows()
        if not rows:
            return None
        return self.evidence.item(rows[0].row(), 0).data(256)

    def open_evidence(self) -> None:
        evidence_id = self._selected_evidence_id()
        if evidence_id is None:
            QMessageBox.information(self, "Mở tệp", "Hãy chọn một tài liệu trong danh sách.")
            return
        try:
            path = self.workspace.evidence_copy_to_open(evidence_id)
        except Exception as error:
            QMessageBox.warning(self, "Không mở được tệp", describe_error(error))
            return
        self.open_copy(path)

    # --- opening evidence safely (issue 15) ---

    def open_copy(self, path) -> None:
        """A document or an image opens; anything else only shows its folder, with a warning."""
        if opens_directly(path.name):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            return
        box = QMessageBox(QMessageBox.Warning, "Tệp có thể không an toàn", warning_for(path.name),
                          QMessageBox.NoButton, self)
        folder = box.addButton("Mở thư mục chứa tệp", QMessageBox.AcceptRole)
        box.addButton("Đóng", QMessageBox.RejectRole)
        box.exec()
        if box.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def remove_evidence(self) -> None:
        evidence_id = self._selected_evidence_id()
        if evidence_id is None or self.task is None:
            return
        answer = QMessageBox.question(self, "Xóa tài liệu kiểm chứng",
                                      "Xóa tài liệu này khỏi nhiệm vụ? Có thể hoàn tác ngay (Ctrl+Z); "
                                      "tệp đã lưu vẫn được giữ trong kho tài liệu.")
        if answer != QMessageBox.Yes:
            return
        task = self.task

        def removed(what) -> None:
            self._evidence_changed(task.id)
            self.undoable.emit(evidence_removed_step(task, what))  # issue 16

        self.runner.run(
            self, "Đang xóa…", lambda ctx: ctx.workspace.remove_evidence(evidence_id), removed,
            lambda error: QMessageBox.warning(self, "Không xóa được", describe_error(error)),
        )

    def _evidence_changed(self, task_id: int) -> None:
        """The window updates the task's row; the evidence table is read once: by the window's
        fresh show of the task, or here when the form has unsaved edits it must keep."""
        reads = self._evidence_reads
        self.saved.emit(task_id)
        if self._evidence_reads == reads:
            self.refresh_evidence(task_id)

    def refresh_evidence(self, task_id: int) -> None:
        """The evidence table read again when it shows this task (also with unsaved edits in the form)."""
        if self.task is not None and self.task.id == task_id:
            self._show_evidence()


# --- undo, the "not ours" override and the completion date (issue 16) ---


def _task_name(task: TaskRow) -> str:
    text = " ".join(task.content.split())
    return f"{task.code} {text[:60]}{'…' if len(text) > 60 else ''}".strip()


def progress_undo_step(task: TaskRow, before: Progress | None):
    from .undo import UndoStep

    previous = dataclasses.replace(before, updated_at=None) if before else Progress(task_id=task.id)
    return UndoStep(task.id, f"Đã lưu kết quả nhiệm vụ {_task_short(task)}.",
                    lambda ws: ws.save_progress(previous),
                    f"Đã hoàn tác: kết quả nhiệm vụ {_task_short(task)} trở lại như trước khi lưu.")


def role_undo_step(task: TaskRow, before: str, after: str):
    from .undo import UndoStep

    label = dict(ROLE_CHOICES)[after]
    return UndoStep(task.id, f"Nhiệm vụ {_task_short(task)}: {label[:1].lower() + label[1:]}.",
                    lambda ws: ws.set_role_override(task.id, before),
                    f"Đã hoàn tác: nhiệm vụ {_task_short(task)} trở lại vai trò trước đó.")


def _evidence_name(evidence) -> str:
    name = evidence.number or evidence.abstract or evidence.file_name or "tài liệu kiểm chứng"
    return name if len(name) <= 30 else name[:30] + "…"


def _task_short(task: TaskRow) -> str:
    """The task as the status bar names it (the counts take most of the bar): its code, else a few words."""
    if task.code:
        return task.code
    words = task.content.split()
    return "“" + " ".join(words[:4]) + ("…" if len(words) > 4 else "") + "”"


def evidence_added_step(task: TaskRow, evidence):
    """Undo of an added document: the record goes again (its file stays in the store)."""
    from .undo import UndoStep

    return UndoStep(task.id, f"Đã thêm tài liệu “{_evidence_name(evidence)}”.",  # into the task on screen
                    lambda ws: ws.remove_evidence(evidence.id),
                    f"Đã hoàn tác: bỏ tài liệu “{_evidence_name(evidence)}” vừa thêm.")


def evidence_removed_step(task: TaskRow, removed):
    """Undo of a removed document: the record and its criterion links come back; the file never left."""
    from .. import evidence_undo
    from .undo import UndoStep

    name = _evidence_name(Evidence(task_id=task.id, number=removed.record["number"],
                                   abstract=removed.record["abstract"], file_name=removed.record["file_name"]))
    return UndoStep(task.id, f"Đã xóa tài liệu “{name}”.",
                    lambda ws: evidence_undo.restore(ws, removed),
                    f"Đã hoàn tác: tài liệu “{name}” trở lại nhiệm vụ.")


def confirm_not_ours(parent, task: TaskRow) -> bool:
    annex = f"Phụ lục giao cho đơn vị vai trò {task.role.label.lower()} ({task.role_reason}). " if task.role else ""
    return QMessageBox.question(
        parent, "Không phải việc của đơn vị",
        f"{annex}Đánh dấu nhiệm vụ “{_task_name(task)}” là không phải việc của đơn vị? Nhiệm vụ sẽ không còn "
        "trong “Việc của tôi” và báo cáo; có thể hoàn tác ngay (Ctrl+Z) hoặc chọn lại “Tự động theo phụ lục”.",
        QMessageBox.Yes | QMessageBox.No, QMessageBox.No,
    ) == QMessageBox.Yes


def _due_note(task: TaskRow) -> str:
    """What the deadline text was read as: its date, or each report date of a recurring task."""
    if len(task.due_dates) > 1:
        label = "định kỳ, báo cáo vào" if task.recurring else "các mốc"
        return f" — {label}: " + ", ".join(format_date(d) for d in task.due_dates)
    if task.due_date:
        return f" — hạn: {format_date(task.due_date)}"
    return " — định kỳ" if task.recurring else ""


# --- criterion facts (issue 12) ---

def _criterion_facts(task: TaskRow) -> str:
    """The criterion's maximum, last year's result and this year's target as the annex gives them;
    the score itself is given per criterion in “Tự đánh giá, chấm điểm”."""
    from ..assessment.service import printed

    parts = []
    if task.max_score is not None:
        parts.append(f"Điểm tối đa: {format_decimal(task.max_score, 4)}")
    if task.extra.get("prior_result"):
        parts.append(f"Kết quả năm trước: {printed(task.extra['prior_result'])}")
    if task.extra.get("target"):
        parts.append(f"Mục tiêu: {printed(task.extra['target'])}")
    if parts and task.index_kind == "PAR INDEX":
        parts.append("Điểm tự chấm ghi cho cả tiêu chí ở màn hình “Tự đánh giá, chấm điểm”.")
    return "\n".join(parts)
def _plan_year(workspace, plan_id: int) -> int | None:
    return next((plan["year"] for plan in workspace.plans() if plan["id"] == plan_id), None)
