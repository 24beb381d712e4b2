"""The window's USB exchange: menu actions to export packages and the results workbook, and
to import a package, each running off the GUI thread through the window's OperationRunner."""

from __future__ import annotations

from pathlib import Path


from .lazy_qt import QFileDialog, QMessageBox
from .operations import describe_error
from .start_order import text_action

# issue 17: the exchange services and dialogs load when an action is first used, not at start


def _removable_drives():
    from ..exchange.drives import removable_drives

    return removable_drives()


class ExchangeActions:
    """Builds the “Trao đổi” menu on a MainWindow and carries out its actions."""

    def __init__(self, window, list_drives=None):
        self.window = window
        self.list_drives = list_drives or _removable_drives
        self.export_report_action = text_action("Xuất gói báo cáo (.khbc)…", window)
        self.export_report_action.triggered.connect(lambda: self.export(".khbc"))
        self.export_tasks_action = text_action("Xuất gói nhiệm vụ (.khnv)…", window)
        self.export_tasks_action.triggered.connect(lambda: self.export(".khnv"))
        self.export_workbook_action = text_action("Xuất bảng kết quả Excel…", window)
        self.export_workbook_action.triggered.connect(lambda: self.export(".xlsx"))
        self.import_action = text_action("Nhập gói…", window)
        self.import_action.setToolTip("Nhập gói báo cáo (.khbc), gói nhiệm vụ (.khnv) hoặc bảng kết quả Excel")
        self.import_action.triggered.connect(self.choose_and_import)
        menu = window.menuBar().addMenu("T&rao đổi (USB)")
        for action in (self.export_report_action, self.export_tasks_action, self.export_workbook_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.import_action)

    # --- export -----------------------------------------------------------------------------

    def export(self, suffix: str) -> None:
        window = self.window
        if not window.detail.save_if_dirty():
            return
        from .exchange_dialogs import ExportDialog

        dialog = ExportDialog(suffix, window.workspace.profile(), self.list_drives, window)
        if dialog.exec() != ExportDialog.Accepted:
            return
        target, period = dialog.target(), dialog.chosen_period()
        if target.exists() and QMessageBox.question(
                window, "Ghi đè?", f"Đã có tệp “{target.name}” trong “{target.parent}”. Ghi đè bằng tệp mới?"
        ) != QMessageBox.Yes:
            return

        def work(ctx):
            if suffix == ".xlsx":
                return ctx.workspace.export_workbook(target, period=period, progress=ctx.report)
            return ctx.workspace.export_package(target, period=period, progress=ctx.report)

        window.runner.run(window, f"Đang ghi {target.name}…", work, self._exported,
                          lambda error: QMessageBox.warning(window, "Không xuất được", describe_error(error)))

    def _exported(self, result) -> None:
        from ..exchange.safe_zip import format_size

        lines = [f"Đã ghi và kiểm tra xong “{result.path}” ({format_size(result.size)}).",
                 f"{result.plans} kế hoạch, {result.tasks} nhiệm vụ, kết quả của {result.progress} nhiệm vụ, "
                 f"{result.evidence} tài liệu kiểm chứng"
                 + (f" ({result.evidence_files} tệp)" if result.evidence_files else "") + "."]
        if result.stale_removed:
            lines.append("Đã xóa tệp dở dang của lần ghi trước: " + ", ".join(result.stale_removed) + ".")
        lines += [f"Lưu ý: {warning}" for warning in result.warnings]
        lines.append("Có thể rút USB.")
        self.window.statusBar().showMessage(f"Đã ghi {result.path.name}. Có thể rút USB.", 10000)
        QMessageBox.information(self.window, "Đã xuất xong", "\n\n".join(lines))

    # --- import -----------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        drives = self.list_drives()
        start = str(drives[0].path) if drives else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Chọn gói hoặc bảng kết quả", start,
            "Gói và bảng kết quả (*.khbc *.khnv *.xlsx);;Mọi tệp (*)")
        if path:
            self.window.import_file(Path(path))  # the window tells packages from annexes

    def import_package(self, path: Path, *, confirm: bool = True) -> None:
        """Check the file (read once off the stick) and preview it; import after the user agrees."""
        window = self.window
        if not window.detail.save_if_dirty():
            return

        def open_and_preview(ctx):
            opened = ctx.workspace.open_package(path, ctx.report)
            try:
                return opened, ctx.workspace.preview_package(opened)
            except BaseException:
                opened.close()
                raise

        def previewed(result) -> None:
            from ..exchange.apply import change_phrases
            from .exchange_dialogs import PackagePreviewDialog

            opened, summary = result
            if confirm and PackagePreviewDialog(summary, window).exec() != PackagePreviewDialog.Accepted:
                opened.close()
                return

            def imported(summary) -> None:
                opened.close()
                window.reload()
                phrases = change_phrases(summary.changes)
                text = ("Không có gì thay đổi." if summary.changes_nothing
                        else "Đã " + "; ".join(phrases) + ".")
                window.statusBar().showMessage(f"Đã nhập {path.name}.", 10000)
                QMessageBox.information(window, "Đã nhập xong", f"Đã nhập “{path.name}”.\n\n{text}")

            def import_failed(error) -> None:
                opened.close()
                failed(error)

            window.runner.run(window, f"Đang nhập {path.name}…",
                              lambda ctx: ctx.workspace.import_package(opened, ctx.report), imported, import_failed)

        def failed(error) -> None:
            QMessageBox.warning(window, "Không nhập được", describe_error(error))

        window.runner.run(window, f"Đang kiểm tra {path.name}…", open_and_preview, previewed, failed)
