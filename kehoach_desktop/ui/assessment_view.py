"""“Tự đánh giá, chấm điểm” (issue 12): the criteria tree of the scorable index with the annex's
maximum, last year's result and target beside the agency's own score, its documents and its
explanation; a row opens the score dialog; totals per area and for the index update at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout,
)

from ..assessment import service
from ..assessment.model import Assessment, CriterionAssessment, Total
from ..assessment.service import printed
from ..model import IndexKind
from ..overview import data_stamp
from ..text import format_date, format_decimal, upper_first
from .evidence_dialog import EvidenceDialog
from .operations import describe_error
from .widgets import accept_cancel_buttons

COLUMNS = ["Lĩnh vực / Tiêu chí / Tiêu chí thành phần", "Điểm tối đa", "Kết quả năm trước", "Mục tiêu",
           "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình"]
COL_MAX, COL_PRIOR, COL_TARGET, COL_SELF, COL_DOCS, COL_EXPLAIN = range(1, 7)
COL_PROPOSALS = len(COLUMNS)  # issue 12: a consolidator's extra column, shown when proposals arrived
PROPOSALS_HEADER = "Đề xuất của đơn vị chủ trì"
ID_ROLE = Qt.UserRole + 1
MISSING = QColor("#b71c1c")
MUTED = QColor("#78909c")


def _number(value: float | None, places: int) -> str:
    return format_decimal(value, places) if value is not None else ""


def proposals_text(item: CriterionAssessment) -> str:
    """“Sở Tư pháp: 1,25” per agency whose package proposed a score (one a line)."""
    lines = []
    for proposal in item.proposals or []:
        shown = "không áp dụng" if proposal["not_applicable"] else _number(proposal["score"], item.precision)
        lines.append(f"{proposal['agency']}: {shown or '—'}")
    return "\n".join(lines)


def documents_text(item: CriterionAssessment) -> str:
    """“2 tài liệu (1 thiếu tệp)”, or “chưa có”."""
    if not item.evidence:
        return "chưa có" if item.scorable else ""
    text = f"{len(item.evidence)} tài liệu"
    return text + (f" (⚠ {item.missing_documents} thiếu tệp)" if item.missing_documents else "")


class AssessmentView(QDialog):
    """A window of its own (not modal): the user goes back to the tasks while scoring."""

    def __init__(self, workspace, runner, parent=None, plan_id: int | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.plan_id = plan_id  # the plan chosen in the window's plan selector (None: the latest)
        self.runner = runner
        self.assessment: Assessment | None = None
        self.setWindowTitle("Tự đánh giá, chấm điểm")
        self.resize(1280, 680)
        self.index = QComboBox()
        for kind in (IndexKind.PAR_INDEX, IndexKind.SIPAS, IndexKind.PAPI):
            self.index.addItem(kind.value, kind.value)
        self.index.currentIndexChanged.connect(lambda *_: self._index_chosen())
        self._loaded: dict[str, tuple] = {}  # index kind → (data stamp, assessment) as last read
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #455a64;")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.itemActivated.connect(lambda item, _col: self.edit_item(item))
        from .wrap_delegate import wrap_column

        self.title_wrap = wrap_column(self.tree, 0)  # a criterion's name wraps (at 1024 px it was cut to a few words)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        self.tree.setColumnWidth(0, 470)
        for column, width in ((COL_MAX, 80), (COL_PRIOR, 125), (COL_TARGET, 90), (COL_SELF, 95), (COL_DOCS, 140)):
            self.tree.setColumnWidth(column, width)
        self.totals = QLabel()
        self.totals.setStyleSheet("font-weight: 600; padding: 4px 0;")
        self.totals.setWordWrap(True)
        self.edit_button = QPushButton("Chấm điểm tiêu chí…")
        self.edit_button.clicked.connect(lambda: self.edit_item(self.tree.currentItem()))
        self.sheet_button = QPushButton("Lập bảng tự chấm điểm…")
        self.sheet_button.clicked.connect(self.write_sheet)
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(QLabel("Chỉ số:"))
        top.addWidget(self.index)
        top.addWidget(self.hint, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.sheet_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self.reload()

    def resizeEvent(self, event) -> None:
        """The title column takes what the figures and a readable explanation leave (1024 px too)."""
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event) -> None:  # sized before it was shown: the tree's width is known only now
        super().showEvent(event)
        self.layout().activate()
        self._fit_columns()

    def _fit_columns(self) -> None:
        fixed = sum(self.tree.columnWidth(c) for c in (COL_MAX, COL_PRIOR, COL_TARGET, COL_SELF, COL_DOCS))
        if self.tree.columnCount() > COL_PROPOSALS:  # a consolidator's proposals column (issue 12)
            fixed += self.tree.columnWidth(COL_EXPLAIN)
        self.tree.setColumnWidth(0, max(260, self.tree.viewport().width() - fixed - 220))

    # --- showing ------------------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        """Read the chosen index's criteria again (off the GUI thread: every linked file is looked at)."""
        kind, plan_id, stamp = self.index.currentData(), self.plan_id, data_stamp(self.workspace)

        def loaded(assessment) -> None:
            self._loaded[kind] = (stamp, assessment)
            self._show(assessment, keep)

        def failed(error) -> None:  # no plan yet
            self.assessment = None
            self.tree.clear()
            self.totals.setText(describe_error(error))

        def load(workspace):
            return service.load(workspace, index_kind=kind, plan_id=plan_id)

        if self.runner is None:  # a view made without the window's runner (a test, a script)
            try:
                result = load(self.workspace)
            except Exception as error:
                failed(error)
            else:
                loaded(result)
            return
        if self.assessment is None:  # the first read: say so rather than show an empty tree
            self.totals.setText("Đang đọc các tiêu chí…")
        self.runner.run(self, "Đang tải bảng tự chấm điểm…", lambda ctx: load(ctx.workspace), loaded, failed,
                        latest=self)  # a newer request supersedes this one

    def _index_chosen(self) -> None:
        """Back to an index already read, with nothing saved since: shown again without reading."""
        kind = self.index.currentData()
        stamp, assessment = self._loaded.get(kind, (None, None))
        if assessment is not None and stamp == data_stamp(self.workspace):
            if self.runner is not None:
                self.runner.supersede(self)
            self._show(assessment, None)
        else:
            self.reload()

    def _show(self, assessment: Assessment, keep: int | None) -> None:
        self.assessment = assessment
        self.tree.clear()
        proposals = any(c.proposals for c in self.assessment.criteria)
        self.tree.setColumnCount(len(COLUMNS) + proposals)
        self.tree.setHeaderLabels(COLUMNS + [PROPOSALS_HEADER] * proposals)
        if proposals:
            self.tree.setColumnWidth(COL_EXPLAIN, 200)
        items: dict[int, QTreeWidgetItem] = {}
        annexes: dict[int, QTreeWidgetItem] = {}
        indices = {c.index_id for c in self.assessment.criteria}
        for criterion in self.assessment.criteria:
            parent = items.get(criterion.parent_id)
            if parent is None and len(indices) > 1:  # several annexes of one index: one branch each
                parent = annexes.get(criterion.index_id)
                if parent is None:
                    parent = annexes[criterion.index_id] = QTreeWidgetItem(self.tree, [criterion.index_name])
                    parent.setFirstColumnSpanned(True)
                    parent.setExpanded(True)
            row = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            items[criterion.id] = row
            self._fill(row, criterion)
            row.setExpanded(True)
            if criterion.id == keep:
                self.tree.setCurrentItem(row)
        total_row = QTreeWidgetItem(self.tree)
        self._fill_total(total_row, self.assessment.total)
        self._show_totals()
        self._show_hint()

    def _fill(self, row: QTreeWidgetItem, item: CriterionAssessment) -> None:
        places = item.precision
        if not item.is_leaf:
            self_value = _number(item.subtotal, places)
        elif item.not_applicable:
            self_value = "không áp dụng"
        elif not item.scorable:
            self_value = "không tự chấm"
        else:
            self_value = _number(item.self_score, places)
        values = [f"{item.code}. {item.title}" if item.code else item.title, _number(item.max_score, places),
                  printed(item.prior_text), printed(item.target_text), self_value,
                  documents_text(item) if item.may_score or item.evidence else "", item.explanation]
        if item.proposals:  # beside the province's own score: each lead department's proposal
            values.append(proposals_text(item))
        for column, value in enumerate(values):
            row.setText(column, value)
            row.setToolTip(column, value)
        row.setData(0, ID_ROLE, item.id)
        for column in (COL_MAX, COL_PRIOR, COL_TARGET, COL_SELF):
            row.setTextAlignment(column, Qt.AlignRight | Qt.AlignVCenter)
        if not item.is_leaf:
            font = QFont(row.font(0))
            font.setBold(item.parent_id is None or self._area(item.id) is not None)
            font.setItalic(not font.bold())
            for column in range(len(COLUMNS)):
                row.setFont(column, font)
        elif not item.may_score:  # shown, not editable by this agency: greyed, the reason on hover
            for column in range(len(COLUMNS)):
                row.setForeground(column, QBrush(MUTED))
                row.setToolTip(column, item.why_not_allowed)
        if item.missing_documents:
            row.setForeground(COL_DOCS, QBrush(MISSING))
        if item.below_max:
            row.setForeground(COL_SELF, QBrush(MISSING))

    def _fill_total(self, row: QTreeWidgetItem, total: Total) -> None:
        values = ["Tổng số", _number(total.max, 4), _number(total.prior, 4), _number(total.target, 4),
                  _number(total.self, 4), "", ""]
        font = QFont(row.font(0))
        font.setBold(True)
        for column, value in enumerate(values):
            row.setText(column, value)
            row.setFont(column, font)

    def _area(self, criterion_id: int) -> Total | None:
        return next((a for a in self.assessment.areas if a.id == criterion_id), None)

    def _show_totals(self) -> None:
        total = self.assessment.total
        if total.max is None:
            self.totals.setText("Chỉ số này không có điểm tự chấm.")
            return
        self.totals.setText(
            f"Tổng điểm tối đa {format_decimal(total.max, 4)} · tự chấm {format_decimal(total.self, 4) or '—'} · "
            f"năm trước {format_decimal(total.prior, 4) or '—'} · mục tiêu {format_decimal(total.target, 4) or '—'} · "
            f"điểm có nguy cơ mất {format_decimal(total.points_at_risk, 4) or '0'} "
            f"({len(total.below_max)} tiêu chí dưới điểm tối đa, {len(total.lost_last_year)} tiêu chí năm trước bị mất điểm)"
            + (f" · không áp dụng {format_decimal(total.not_applicable_max, 4)} điểm (không tính vào điểm tối đa)"
               if total.not_applicable_max else ""))

    def _show_hint(self) -> None:
        mine = [c for c in self.assessment.criteria if c.may_score]
        if self.index.currentData() != IndexKind.PAR_INDEX.value:
            self.hint.setText(upper_first(service.NOT_SCORED_INDICES[self.index.currentData()]) + ".")
        elif not mine:
            reason = next((c.why_not_allowed for c in self.assessment.criteria if c.scorable), "")
            self.hint.setText(reason or "Không có tiêu chí nào đơn vị được chấm điểm.")
        else:
            self.hint.setText(f"Đơn vị chấm điểm {len(mine)} tiêu chí (chủ trì). Nhấn đúp một tiêu chí để chấm điểm, "
                              "gắn tài liệu kiểm chứng và giải trình.")
        self.edit_button.setEnabled(bool(mine))

    # --- editing ------------------------------------------------------------------------------

    def write_sheet(self, path: str | None = None) -> None:
        """The score sheet as PDF, Word or Excel (by the extension chosen), written off the GUI thread."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from ..assessment import sheet

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Lưu bảng tổng hợp kết quả tự đánh giá, chấm điểm", str(Path.home() / "bang-tu-cham-diem.pdf"),
                "PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)")
            if not path:
                return
        self.runner.run(
            self, "Đang lập bảng tự chấm điểm…", lambda ctx: sheet.write_sheet(ctx.workspace, Path(path)),
            lambda written: self.totals.setText(f"Đã lưu bảng tự chấm điểm: {written}"),
            lambda error: QMessageBox.warning(self, "Không lập được bảng", describe_error(error)),
        )

    def edit_item(self, row: QTreeWidgetItem | None) -> None:
        criterion_id = row.data(0, ID_ROLE) if row is not None else None
        if criterion_id is None or self.assessment is None:
            return
        item = self.assessment.criterion(criterion_id)
        if not item.may_score:
            QMessageBox.information(self, "Không chấm điểm tiêu chí này", item.why_not_allowed)
            return
        dialog = ScoreDialog(self.workspace, item, self, self.runner)
        if dialog.exec() != QDialog.Accepted:
            return
        self.reload(keep=criterion_id)


class ScoreDialog(QDialog):
    """One criterion's score, its documents (each with where the proof is) and the explanation."""

    def __init__(self, workspace, item: CriterionAssessment, parent=None, runner=None):
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner or getattr(parent, "runner", None)
        self.item = item
        self.new_links: list[service.DocumentLink] = []
        self.unlink: list[int] = []
        self.setWindowTitle(f"Chấm điểm tiêu chí {item.code}")
        self.setMinimumWidth(760)
        heading = QLabel(f"<b>{item.code}. {item.title}</b>")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.RichText)
        facts = QLabel(f"Điểm tối đa: {format_decimal(item.max_score, item.precision)} · Kết quả năm trước: "
                       f"{printed(item.prior_text) or '—'} · Mục tiêu: {printed(item.target_text) or '—'}")
        facts.setWordWrap(True)
        self.score = QLineEdit(format_decimal(item.self_score, item.precision) if item.self_score is not None else "")
        self.score.setPlaceholderText(f"từ 0 đến {format_decimal(item.max_score, item.precision)}, ví dụ 0,75")
        self.not_applicable = QCheckBox("Không áp dụng với đơn vị; lý do:")
        self.not_applicable.setChecked(item.not_applicable)
        self.reason = QLineEdit(item.not_applicable_reason)
        self.explanation = QPlainTextEdit(item.explanation)
        self.explanation.setPlaceholderText("Bắt buộc khi điểm thấp hơn điểm tối đa hoặc tài liệu bị thiếu tệp")
        self.explanation.setFixedHeight(70)

        required = QLabel(item.evidence_required or "(phụ lục không ghi)")
        required.setWordWrap(True)
        required.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        required.setTextInteractionFlags(Qt.TextSelectableByMouse)
        required_box = QGroupBox("Yêu cầu của sản phẩm đầu ra (Tài liệu kiểm chứng) theo phụ lục")
        QVBoxLayout(required_box).addWidget(required)
        self.documents = QTableWidget(0, 4)
        self.documents.setHorizontalHeaderLabels(["Số, ký hiệu, ngày", "Trích yếu", "Vị trí chứng minh", "Tệp"])
        self.documents.verticalHeader().setVisible(False)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.documents.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.documents.setMinimumHeight(130)
        self.candidates = QComboBox()
        self._linked = {doc.evidence_id for doc in item.evidence if doc.evidence_id}
        for evidence in service.candidate_evidence(workspace, item):
            if evidence.id not in self._linked:
                self.candidates.addItem(f"{evidence.number or evidence.abstract} — {evidence.abstract}"[:90], evidence.id)
        self.location = QLineEdit()
        self.location.setPlaceholderText("ví dụ: mục 2, trang 3 (ghi trước khi gắn tài liệu)")
        link = QPushButton("Gắn tài liệu của nhiệm vụ")
        link.clicked.connect(self.link_candidate)
        link.setEnabled(self.candidates.count() > 0)
        add = QPushButton("Thêm tài liệu mới…")
        add.clicked.connect(self.add_document)
        remove = QPushButton("Bỏ khỏi tiêu chí")
        remove.clicked.connect(self.remove_selected)
        link_form = QFormLayout()
        link_form.addRow("Vị trí chứng minh:", self.location)
        link_form.addRow("Tài liệu của nhiệm vụ:", self.candidates)
        link_row = QHBoxLayout()
        link_row.addWidget(link)
        link_row.addWidget(add)
        link_row.addStretch(1)
        link_row.addWidget(remove)
        attached_box = QGroupBox("Tài liệu kiểm chứng đã gắn")
        attached_layout = QVBoxLayout(attached_box)
        attached_layout.addWidget(self.documents)
        attached_layout.addLayout(link_form)
        attached_layout.addLayout(link_row)
        evidence_row = QVBoxLayout()  # one above the other: side by side, their buttons and titles were cut
        evidence_row.addWidget(required_box)
        evidence_row.addWidget(attached_box, 1)

        form = QFormLayout()
        form.addRow("Điểm tự chấm:", self.score)
        na_row = QHBoxLayout()
        na_row.addWidget(self.not_applicable)
        na_row.addWidget(self.reason, 1)
        form.addRow("", na_row)
        form.addRow("Giải trình:", self.explanation)
        if item.note:
            note = QLabel(item.note)
            note.setWordWrap(True)
            note.setStyleSheet("color: #607d8b;")
            form.addRow("Ghi chú:", note)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(facts)
        layout.addLayout(evidence_row)
        layout.addLayout(form)
        layout.addWidget(accept_cancel_buttons(self, "Lưu điểm"))
        self._show_documents()

    def _show_documents(self) -> None:
        kept = [doc for doc in self.item.evidence if doc.id not in self.unlink]
        rows = [(f"{d.number} {format_date(d.date)}".strip(), d.abstract, d.location,
                 ("⚠ Thiếu tệp: " if d.missing else "") + (d.file_name or ""), d.missing, ("old", d.id)) for d in kept]
        for position, link in enumerate(self.new_links):
            doc = link.document
            label = f"{doc.number} {format_date(doc.date)}".strip() if doc else self._candidate_label(link.evidence_id)
            rows.append((label, doc.abstract if doc else "", link.location, link.file.name if link.file else "",
                         False, ("new", position)))
        self.documents.setRowCount(len(rows))
        for r, (number, abstract, location, file, missing, key) in enumerate(rows):
            for c, value in enumerate((number, abstract, location, file)):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.UserRole, key)
                cell.setFlags(cell.flags() & ~Qt.ItemIsEditable)
                if missing and c == 3:
                    cell.setForeground(QBrush(MISSING))
                self.documents.setItem(r, c, cell)
        self.documents.resizeColumnsToContents()
        self.documents.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)

    def _candidate_label(self, evidence_id) -> str:
        index = self.candidates.findData(evidence_id)
        return self.candidates.itemText(index) if index >= 0 else f"Tài liệu số {evidence_id}"

    def link_candidate(self) -> None:
        if self.candidates.currentData() is None:
            return
        if not self.location.text().strip():
            QMessageBox.warning(self, "Thiếu vị trí", "Hãy ghi vị trí chứng minh trong tài liệu (ví dụ “mục 2, trang 3”).")
            return
        self.new_links.append(service.DocumentLink(location=self.location.text(), evidence_id=self.candidates.currentData()))
        self.location.clear()
        self._show_documents()

    def add_document(self) -> None:
        if not self.location.text().strip():
            QMessageBox.warning(self, "Thiếu vị trí", "Hãy ghi vị trí chứng minh trong tài liệu trước (ví dụ “mục 2, trang 3”).")
            return
        dialog = EvidenceDialog(0, self, default_issuer=getattr(self.workspace.profile(), "name", ""))
        if dialog.exec() != QDialog.Accepted:
            return
        document, file = dialog.evidence()
        self.new_links.append(service.DocumentLink(location=self.location.text(), document=document, file=file))
        self.location.clear()
        self._show_documents()

    def remove_selected(self) -> None:
        cell = self.documents.item(self.documents.currentRow(), 0)
        if cell is None:
            return
        kind, key = cell.data(Qt.UserRole)
        if kind == "old":
            self.unlink.append(key)
        else:
            del self.new_links[key]
        self._show_documents()

    def accept(self) -> None:
        """Saved off the GUI thread (a new document's file is copied into the store); a refusal
        keeps the dialog open with what was typed."""
        item_id, score, explanation = self.item.id, self.score.text(), self.explanation.toPlainText()
        not_applicable, reason = self.not_applicable.isChecked(), self.reason.text()
        links, unlink = list(self.new_links), list(self.unlink)
        self.runner.run(
            self, "Đang lưu điểm…",
            lambda ctx: service.save_score(ctx.workspace, item_id, score=score, explanation=explanation,
                                           not_applicable=not_applicable, not_applicable_reason=reason,
                                           links=links, unlink=unlink),
            lambda _: QDialog.accept(self),
            lambda error: QMessageBox.warning(self, "Chưa lưu được", describe_error(error)),
        )
