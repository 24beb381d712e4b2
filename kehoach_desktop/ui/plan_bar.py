"""Above the task tree (issue 16): the plan and year selector, what the plan is (a sample, a finished
year), the colour legend; and removing a plan (backup first, a confirmation naming what goes)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout, QWidget,
)

from ..plans import (
    carry_over, finished_plans, is_sample, plan_contents, plan_label, remove_plan, unfinished_tasks,
)
from .lazy_qt import QDialogButtonBox, QFormLayout, QListWidget, QListWidgetItem, QMessageBox, Qt  # issue 17
from .operations import describe_error
from .qt_values import TOOLTIP_ROLE
from .task_tree import DONE_FG, DUE_SOON_BG, OVERDUE_BG, OVERDUE_FG

ALL_PLANS = "Tất cả kế hoạch"


def _swatch(background: str, foreground: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"background: {background}; color: {foreground}; padding: 1px 6px; border-radius: 3px;")
    return label


class Legend(QWidget):
    """What the row colours mean: what needs the user now, what comes soon, what is done."""

    def __init__(self, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Màu:"))
        row.addWidget(_swatch(OVERDUE_BG.name(), OVERDUE_FG.name(), "quá hạn — cần làm ngay"))
        row.addWidget(_swatch(DUE_SOON_BG.name(), "#5d4300", "sắp đến hạn"))
        row.addWidget(_swatch("transparent", DONE_FG.name(), "hoàn thành"))
        row.addStretch(1)


class PlanBar(QWidget):
    plan_changed = Signal(object)  # plan id, or None for every plan

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(20)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #e8f0fe; color: #1a3e72; padding: 4px 6px; border-radius: 3px;")
        self.remove_sample = QPushButton("Xóa kế hoạch mẫu…")
        self.remove_sample.clicked.connect(lambda: remove_plan_interactively(window, self.current_plan_id()))
        self.carry_button = QPushButton("Chuyển việc chưa xong…")
        self.carry_button.setToolTip("Chép các nhiệm vụ chưa hoàn thành của kế hoạch đã kết thúc sang kế hoạch năm mới")
        self.carry_button.clicked.connect(lambda: carry_over_interactively(window, self.current_plan_id()))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel("Kế hoạch:"))
        top.addWidget(self.combo, 1)
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(0, 0, 0, 0)
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.remove_sample)
        banner_row.addWidget(self.carry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(banner_row)
        self._plans: list[dict] = []

    def current_plan_id(self):
        return self.combo.currentData()

    def refresh(self) -> None:
        """Re-list the plans (after an import, a removal, a restore); keep the choice when it still exists."""
        plans = self.window.workspace.plans()
        keep = self.window.current_plan_id
        ids = [plan["id"] for plan in plans]
        if keep not in ids:
            keep = ids[-1] if ids else None  # the latest plan by default
        self._plans = plans
        self.combo.blockSignals(True)
        self.combo.clear()
        for plan in plans:
            self.combo.addItem(plan_label(plan), plan["id"])
            self.combo.setItemData(self.combo.count() - 1, plan_label(plan), TOOLTIP_ROLE)
        if len(plans) > 1:
            self.combo.addItem(ALL_PLANS, None)
        self.combo.setCurrentIndex(max(self.combo.findData(keep), 0))
        self.combo.setToolTip(self.combo.currentText())  # a narrow window cuts the label: the whole of it on hover
        self.combo.blockSignals(False)
        self.setVisible(bool(plans))
        legend = getattr(self.window, "legend", None)
        if legend is not None:
            legend.setVisible(bool(plans))  # no colours to explain before a plan is loaded
        self.window.current_plan_id = self.current_plan_id()
        self._describe()

    def _chosen(self, *_) -> None:
        if not self.window.detail.save_if_dirty():
            return
        self.window.current_plan_id = self.current_plan_id()
        self.combo.setToolTip(self.combo.currentText())
        self._describe()
        self.window._filters_changed()
        self.window._refresh_counts()
        self.plan_changed.emit(self.window.current_plan_id)

    def _describe(self) -> None:
        """A sample plan says so; a plan of a past year says it has ended and how much was left."""
        chosen = [plan for plan in self._plans if self.window.current_plan_id in (None, plan["id"])]
        lines = []
        sample = len(chosen) == 1 and is_sample(chosen[0])
        if sample:
            lines.append("Đây là Kế hoạch mẫu để xem thử chương trình; nạp phụ lục kế hoạch của đơn vị "
                         "(Tệp → Nhập phụ lục kế hoạch…) rồi xóa kế hoạch mẫu.")
        finished = finished_plans(chosen, self.window._rows, self.window.today)
        lines.extend(item.sentence() + " Các việc của kế hoạch này không còn tô màu quá hạn." for item in finished)
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))
        self.remove_sample.setVisible(sample)
        self.carry_button.setVisible(len(chosen) == 1 and len(self._plans) > 1 and bool(finished)
                                     and finished[0].unfinished > 0)


class RemovePlanDialog(QDialog):
    """Which plan goes, and exactly what goes with it."""

    def __init__(self, workspace, plan_id, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle("Xóa kế hoạch")
        self.combo = QComboBox()
        for plan in workspace.plans():
            self.combo.addItem(plan_label(plan), plan["id"])
        self.combo.setCurrentIndex(max(self.combo.findData(plan_id), 0))
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.what.setTextFormat(Qt.PlainText)
        self.combo.currentIndexChanged.connect(self._describe)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow("Kế hoạch:", self.combo)
        form.addRow(self.what)
        from .widgets import accept_cancel_buttons  # issue 17: not loaded at start

        self.buttons = accept_cancel_buttons(self, "Xóa kế hoạch này")
        form.addRow(self.buttons)
        self.setMinimumWidth(min(640, self.sizeHint().width() + 200))
        self._describe()

    def plan_id(self):
        return self.combo.currentData()

    def _describe(self, *_) -> None:
        if self.plan_id() is None:
            self.what.setText("Chưa có kế hoạch nào.")
            return
        contents = plan_contents(self.workspace, self.plan_id())
        self.what.setText(
            f"Sẽ xóa kế hoạch “{plan_label(contents.plan)}” cùng {contents.sentence()}.\n\n"
            "Dữ liệu hiện tại được sao lưu trước khi xóa; muốn lấy lại, khôi phục bản sao lưu đó "
            "(Tệp → Sao lưu và khôi phục…).")
        # QFormLayout gives a wrapped label the height of a wider one: ask for what the text needs
        self.what.setMinimumHeight(self.what.heightForWidth(max(self.width() - 40, 480)))


def remove_plan_interactively(window, plan_id=None) -> None:
    if not window.detail.save_if_dirty():
        return
    if not window.workspace.plans():
        QMessageBox.information(window, "Xóa kế hoạch", "Chưa có kế hoạch nào để xóa.")
        return
    dialog = RemovePlanDialog(window.workspace, plan_id if plan_id is not None else window.current_plan_id, window)
    if dialog.exec() != QDialog.Accepted or dialog.plan_id() is None:
        return
    chosen = dialog.plan_id()

    def removed(result) -> None:
        window.current_plan_id = None
        window.reload()
        when = f" (bản sao lưu lúc {result.backup.when})" if result.backup is not None else ""
        window.statusBar().showMessage(f"Đã xóa kế hoạch {result.contents.plan['number']}{when}.", 15000)

    window.runner.run(window, "Đang sao lưu và xóa kế hoạch…", lambda ctx: remove_plan(ctx.workspace, chosen),
                      removed, lambda error: QMessageBox.warning(window, "Không xóa được kế hoạch", describe_error(error)))


class CarryOverDialog(QDialog):
    """Which unfinished tasks of a finished plan go on in which plan (all ticked to start with)."""

    def __init__(self, workspace, rows, source_plan_id, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Chuyển việc chưa hoàn thành sang kế hoạch khác")
        plans = workspace.plans()
        source = next(plan for plan in plans if plan["id"] == source_plan_id)
        self.target = QComboBox()
        for plan in plans:
            if plan["id"] != source_plan_id:
                self.target.addItem(plan_label(plan), plan["id"])
        later = [plan["id"] for plan in plans if (plan.get("year") or 0) > (source.get("year") or 0)]
        if later:
            self.target.setCurrentIndex(self.target.findData(later[-1]))
        self.tasks = QListWidget()
        self.tasks.setWordWrap(True)
        self.tasks.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        for row in unfinished_tasks(rows, source_plan_id):
            item = QListWidgetItem(f"{row.code} {' '.join(row.content.split())}".strip())
            item.setData(Qt.UserRole, row.id)
            item.setToolTip(row.content)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.tasks.addItem(item)
        intro = QLabel(f"Các nhiệm vụ chưa hoàn thành của kế hoạch {source['number']} được chép sang kế hoạch "
                       "đã chọn (thời hạn: trong năm của kế hoạch đó; kết quả ghi lại từ đầu). Bỏ chọn việc "
                       "không làm tiếp.")
        intro.setWordWrap(True)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(intro)
        form.addRow("Sang kế hoạch:", self.target)
        form.addRow(self.tasks)
        from .widgets import accept_cancel_buttons  # issue 17: not loaded at start

        buttons = accept_cancel_buttons(self, "Chuyển các việc đã chọn")
        form.addRow(buttons)
        if self.target.count() == 0:  # nowhere to carry them yet: import the new year's annex first
            buttons.button(QDialogButtonBox.Ok).setEnabled(False)
            self.target.setPlaceholderText("chưa có kế hoạch khác: hãy nhập phụ lục kế hoạch năm mới trước")
        self.resize(760, 520)

    def chosen_task_ids(self) -> list[int]:
        return [self.tasks.item(i).data(Qt.UserRole) for i in range(self.tasks.count())
                if self.tasks.item(i).checkState() == Qt.Checked]


def carry_over_interactively(window, source_plan_id) -> None:
    if source_plan_id is None or not window.detail.save_if_dirty():
        return
    dialog = CarryOverDialog(window.workspace, window._rows, source_plan_id, window)
    if dialog.exec() != QDialog.Accepted or dialog.target.currentData() is None:
        return
    task_ids, target = dialog.chosen_task_ids(), dialog.target.currentData()

    def done(count: int) -> None:
        window.current_plan_id = target
        window.reload()
        window.statusBar().showMessage(f"Đã chuyển {count} nhiệm vụ sang kế hoạch mới.", 10000)

    window.runner.run(window, "Đang chuyển nhiệm vụ…", lambda ctx: carry_over(ctx.workspace, task_ids, target), done,
                      lambda error: QMessageBox.warning(window, "Không chuyển được", describe_error(error)))
