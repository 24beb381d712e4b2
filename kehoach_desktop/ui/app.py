"""Starting the program: the application object, the first-run questions, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from ..errors import KehoachError
from ..paths import resolve_data_dir, sample_workbook
from ..workspace import Workspace
from .main_window import MainWindow
from .operations import OperationRunner, describe_error
from .profile_dialog import ProfileDialog


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
    app.setApplicationName("Kế hoạch CCHC")
    app.setOrganizationName("kehoach_desktop")
    app.setStyle("Fusion")
    font = app.font()
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    return app


def first_run(window: MainWindow) -> None:
    """Empty data folder: ask who we are, then load the embedded sample plan."""
    workspace = window.workspace
    if workspace.profile() is None:
        dialog = ProfileDialog(None, window, first_run=True)
        if dialog.exec() == ProfileDialog.Accepted:
            workspace.save_profile(dialog.profile())
        else:
            from .profile_dialog import DEFAULT_PROFILE

            workspace.save_profile(DEFAULT_PROFILE)
    if not workspace.has_plans() and sample_workbook().exists():
        window.import_file(sample_workbook(), confirm=False)
    window.reload()


def open_main_window(data_dir, *, synchronous: bool = False) -> MainWindow:
    workspace = Workspace(resolve_data_dir(data_dir))
    runner = OperationRunner(workspace.data_dir, synchronous=synchronous)
    return MainWindow(workspace, runner)


def run(data_dir=None) -> int:
    app = make_application()
    try:
        window = open_main_window(data_dir)
    except KehoachError as error:
        QMessageBox.critical(None, "Không mở được dữ liệu", describe_error(error))
        return 2
    window.show()
    first_run(window)
    return app.exec()
