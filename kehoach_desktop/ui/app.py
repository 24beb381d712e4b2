"""Starting the program: the application object, the first-run questions, the main window."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from ..errors import DatabaseDamagedError, KehoachError
from ..paths import resolve_data_dir, sample_workbook
from ..workspace import Workspace
from .lazy_qt import QMessageBox
from .main_window import MainWindow
from .operations import OperationRunner, describe_error

# issue 17: the dialogs of a first start, a damaged file or a second start load when one is needed


def make_application(argv: list[str] | None = None, *, fit_windows: bool = True) -> QApplication:
    """`fit_windows=False` (the program's start): the screen fitter waits, see `fit_windows_now`."""
    app = QApplication.instance()
    if app is None:  # issue 17: the style named as Qt reads it from a command line; setStyle("Fusion")
        # returns the style, whose Python type PySide then makes (QStyle's enums: ~8 ms of the start)
        app = QApplication([*(argv or sys.argv[:1]), "-style", "Fusion"])
    else:
        app.setStyle("Fusion")
    QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
    app.setApplicationName("Kế hoạch CCHC")
    app.setOrganizationName("kehoach_desktop")
    font = app.font()
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    install_window_features(app, fit_windows)  # issue 16: Vietnamese standard buttons, windows fitted to the screen
    return app


# --- window features (issue 16) ---


def install_window_features(app: QApplication, fit_windows: bool = True) -> None:
    from . import vietnamese

    vietnamese.install(app)
    if fit_windows:
        fit_windows_now()


def fit_windows_now() -> None:
    """Install the application-wide filter that fits every window and dialog to the screen.

    issue 17: the first event any Python filter on the application sees makes PySide create
    the Python types of all of Qt's classes (10–15 ms at start); the main window is fitted
    directly and the filter waits for the tasks' first paint, or for the first dialog shown."""
    from . import screen_fit

    screen_fit.install(QApplication.instance())


def first_run(window: MainWindow) -> None:
    """Empty data folder: ask who we are, then load the embedded sample plan."""
    workspace = window.workspace
    wants_sample, changed = True, False  # an already set-up folder: the window read it once already (issue 17)
    if workspace.profile() is None:
        fit_windows_now()  # issue 17: a dialog opens before the tasks' first paint
        from .profile_dialog import ProfileDialog

        dialog = ProfileDialog(None, window, first_run=True)
        if dialog.exec() != ProfileDialog.Accepted:  # nothing saved: asked again at the next start
            window.statusBar().showMessage(
                "Chưa khai báo cơ quan, đơn vị: bấm “Thông tin đơn vị…” để khai báo; lần mở sau chương trình hỏi lại.")
            return
        workspace.save_profile(dialog.profile())
        wants_sample, changed = dialog.wants_sample(), True
    if wants_sample and not workspace.has_plans() and sample_workbook().exists():
        fit_windows_now()  # its progress dialog
        window.import_file(sample_workbook(), confirm=False)  # reloads the window when imported
    elif changed:
        window.reload()


def open_main_window(data_dir, *, synchronous: bool = False) -> MainWindow:
    workspace = Workspace(resolve_data_dir(data_dir))
    runner = OperationRunner(workspace.data_dir, synchronous=synchronous)
    return MainWindow(workspace, runner)


def recover_from_damage(error: DatabaseDamagedError, data_dir, *, synchronous: bool = False) -> MainWindow | None:
    """Explain the damage; restore the latest good backup when the user agrees.

    Nothing is written unless the user chooses to restore. Returns the main window on the
    restored data, or None to quit.
    """
    from PySide6.QtCore import QEventLoop  # issue 17: not at every start

    from ..backup import BackupManager
    from .backup_dialog import DamagedDataDialog

    if DamagedDataDialog(error).exec() != DamagedDataDialog.Accepted or error.latest_backup is None:
        return None
    folder = resolve_data_dir(data_dir)
    runner = OperationRunner(folder, synchronous=synchronous)
    outcome: dict = {}
    loop = QEventLoop()

    def finished(key, value) -> None:
        outcome[key] = value
        loop.quit()

    runner.run(
        None, "Đang khôi phục dữ liệu…",
        lambda ctx: BackupManager(folder).restore(error.latest_backup.path, progress=ctx.report),
        lambda result: finished("result", result), lambda failure: finished("error", failure),
        open_workspace=False,
    )
    if not outcome:
        loop.exec()
    if "error" in outcome:
        QMessageBox.critical(None, "Không khôi phục được", describe_error(outcome["error"]))
        return None
    try:
        window = open_main_window(folder, synchronous=synchronous)
    except KehoachError as failure:
        QMessageBox.critical(None, "Không mở được dữ liệu", describe_error(failure))
        return None
    window.statusBar().showMessage(
        f"Đã khôi phục bản sao lưu lúc {outcome['result'].restored.when}; bản bị hỏng được giữ lại.", 20000)
    return window


def run(data_dir=None) -> int:
    try:
        return _run(data_dir)
    finally:
        gc.enable()  # issue 17: whatever way the start went (the command line disabled it)


def _start_path_left() -> None:
    """What the start put off until the first window's tasks are shown, or until the start takes
    another way (a second start, damaged data, a refusal): every later window fitted to its
    screen, and the garbage collections the command line stopped (issue 17)."""
    fit_windows_now()
    gc.enable()


def show_first_window(window: MainWindow, *once_shown) -> None:
    """The start's window shown, the first-start questions asked; what the tasks' first paint does
    not need waits for it (issue 17): `once_shown`, then the start-up backup."""
    from .screen_fit import fit_first_show

    later = window.after_tasks_shown
    fit_first_show(window)
    window.show()
    later.at_latest(STARTED_BY_MS)  # should the read of the tasks fail
    later.then(_start_path_left)  # once the tasks are on the screen
    for action in once_shown:
        later.then(action)
    first_run(window)
    later.then(window.start_automatic_backups)


def _run(data_dir) -> int:
    from .single_instance import InstanceLock

    app = make_application(fit_windows=False)  # issue 17: see fit_windows_now
    lock = InstanceLock(resolve_data_dir(data_dir))  # issue 10: one program per data folder
    if not lock.acquire():
        _start_path_left()
        return second_start(lock)
    try:
        try:
            window = open_main_window(data_dir)
        except DatabaseDamagedError as error:
            _start_path_left()
            window = recover_from_damage(error, data_dir)
            if window is None:
                return 2
        except KehoachError as error:
            _start_path_left()
            QMessageBox.critical(None, "Không mở được dữ liệu", describe_error(error))
            return 2
        show_first_window(window, lambda: lock.listen(window))
        return app.exec()
    finally:
        lock.release()


# --- one program per data folder (issue 10) ---

EXIT_ALREADY_OPEN = 3


def second_start(lock) -> int:
    """The folder is open in another window: bring that one to front, else say so and quit."""
    from .single_instance import already_open_message, ask_first_to_show

    holder = lock.holder()
    if ask_first_to_show(lock.data_dir, holder[0] if holder else None):
        return 0
    box = QMessageBox(QMessageBox.Warning, "Chương trình đang mở", already_open_message(lock.data_dir, holder))
    box.addButton("Đóng", QMessageBox.AcceptRole)
    box.exec()
    return EXIT_ALREADY_OPEN


# --- start-up (issue 17) ---


STARTED_BY_MS = 5000  # the second-start listener and the start-up backup, whatever the read did
