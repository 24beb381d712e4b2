"""Start-up imports only what the window needs (issue 17): checked in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def _loaded_after(code: str) -> set[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


# The real start (`kehoach --data-dir DIR`): the modules loaded when the window first paints its tasks.
_AT_FIRST_PAINT = """
import gc, json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from kehoach_desktop.cli import main
from kehoach_desktop.ui.main_window import MainWindow

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and "first_with_tasks" not in FIRST:
            FIRST["first_with_tasks"] = WINDOW[0].proxy.visible_count() > 0
        if event.type() == QEvent.Paint and WINDOW[0].proxy.visible_count() > 0 and not SEEN:
            SEEN.append(sorted(sys.modules))
            import PySide6.QtGui as gui, PySide6.QtWidgets as widgets
            TYPES.extend(name for module in (gui, widgets) for name, value in vars(module).items()
                         if isinstance(value, type))
            FIT.update(qt_namespace="Qt" in vars(sys.modules["PySide6.QtCore"]))  # made at its first use
            FIT.update(fitter=hasattr(QApplication.instance(), "_screen_fitter"),
                       fitted=bool(WINDOW[0].property("kehoach_fitted")))
            STYLE.append(QApplication.style().name())  # after the types were listed: this makes QStyle's
            FIT.update(collector=gc.isenabled())
            QTimer.singleShot(300, lambda: (FIT.update(collector_later=gc.isenabled()), QApplication.instance().quit()))
        return False

WINDOW, SEEN, FIT, TYPES, FIRST, STYLE, _show = [], [], {}, [], {}, [], MainWindow.show
def shown(window):
    WINDOW.append(window)
    window.watch = Watch()
    window.tree.viewport().installEventFilter(window.watch)
    QTimer.singleShot(30000, QApplication.instance().quit)
    _show(window)
MainWindow.show = shown
main(["--data-dir", sys.argv[1]])
FIT["fitter_later"] = hasattr(QApplication.instance(), "_screen_fitter")
print(json.dumps({"tasks": WINDOW[0].proxy.visible_count(), "modules": SEEN[0] if SEEN else [], "fit": FIT,
                  "qt_types": sorted(TYPES), "first_with_tasks": FIRST.get("first_with_tasks"), "style": STYLE}))
"""

# What only a user's later action needs: nothing of it may load before the window shows its tasks.
NOT_BEFORE_FIRST_PAINT = (
    "sqlite_utils", "click", "dateutil", "pluggy", "numpy", "pandas", "openpyxl", "reportlab", "docx", "lxml",
    "kehoach_desktop.exchange", "kehoach_desktop.importing", "kehoach_desktop.importer", "kehoach_desktop.about",
    "kehoach_desktop.safety_cli", "kehoach_desktop.assessment.service", "kehoach_desktop.consolidation.receive",
    "kehoach_desktop.ui.backup_dialog", "kehoach_desktop.ui.profile_dialog", "kehoach_desktop.ui.import_dialog",
    "kehoach_desktop.ui.report_dialog", "kehoach_desktop.ui.exchange_dialogs", "kehoach_desktop.ui.plan_dialog",
    "kehoach_desktop.ui.assessment_view", "kehoach_desktop.ui.consolidation_window",
    # wait for the tasks' paint (ui/start_order.py): the report reminder and the overview's read,
    # the second-start listener, the start-up backup
    "kehoach_desktop.report", "PySide6.QtNetwork", "uuid", "_strptime",
    "kehoach_desktop.ui.detail_pane",  # hidden behind “Tổng quan”: built after that paint too
    "kehoach_desktop.ui.overview_view", "kehoach_desktop.overview",  # “Tổng quan”: its read waits for it anyway
    "kehoach_desktop.ui.widgets",  # the dialogs' date and score fields (the search box's button: ui/clear_button)
)


def _at_first_paint(data_dir) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _AT_FIRST_PAINT, str(data_dir)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=data_dir.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_first_paint_of_the_window_comes_before_the_services_only_a_later_action_needs(imported_workspace):
    imported_workspace.close()
    seen = _at_first_paint(imported_workspace.data_dir)
    loaded = set(seen["modules"])
    assert seen["tasks"] > 0 and "kehoach_desktop.ui.task_tree" in loaded  # the probe saw the window with tasks
    early = sorted(name for name in loaded for unwanted in NOT_BEFORE_FIRST_PAINT
                   if name == unwanted or name.startswith(unwanted + "."))
    assert early == []
    # issue 17: the application-wide screen fitter (its first event costs 10–15 ms) waits for that
    # paint; the main window itself was fitted to the screen as it showed
    assert seen["fit"] == {"fitter": False, "fitted": True, "fitter_later": True, "qt_namespace": False,
                           "collector": False, "collector_later": True}  # issue 17: no collections before it
    assert seen["first_with_tasks"]  # a small plan is read before the window shows: no empty first paint
    # PySide makes the Python type of a Qt class at its first use; a widget pointer it has not seen
    # (Qt's own viewport of the tree) made it create every widget class of QtWidgets (30-40 ms)
    assert {"QTreeView", "QMainWindow"} <= set(seen["qt_types"])
    assert not {"QWizard", "QCalendarWidget", "QColorDialog", "QMdiArea", "QLCDNumber", "QDial"} & set(seen["qt_types"])
    assert "QGradient" not in seen["qt_types"]  # the tree's colours: no gradient presets
    # issue 17: the style is named on Qt's command line (setStyle returned it: QStyle's enums, ~8 ms)
    # and the rows are measured without asking it for margins
    assert "QStyle" not in seen["qt_types"] and seen["style"] == ["fusion"]
    assert "QAction" in seen["qt_types"] and "QIcon" not in seen["qt_types"]  # menus: QAction(text, parent) made QIcon's type
    # the dialogs' classes (ui/lazy_qt.py) and the list views findChildren wrapped (screen_fit)
    assert not {"QMessageBox", "QFileDialog", "QInputDialog", "QListWidget", "QListView", "QDateEdit"} & set(seen["qt_types"])


def test_the_window_path_leaves_the_command_modules_and_numpy_unloaded():
    loaded = _loaded_after("import kehoach_desktop.cli\nimport kehoach_desktop.ui.app")
    assert "kehoach_desktop.ui.main_window" in loaded  # the probe sees what the window needs
    for unwanted in ("numpy", "pandas", "sqlite_utils", "click", "kehoach_desktop.safety_cli",
                     "kehoach_desktop.exchange.cli", "kehoach_desktop.report.cli", "openpyxl", "reportlab", "docx"):
        assert unwanted not in loaded, unwanted


def test_a_command_line_still_parses_every_command():
    loaded = _loaded_after("from kehoach_desktop.cli import build_parser\nbuild_parser()")
    assert {"kehoach_desktop.safety_cli", "kehoach_desktop.exchange.cli"} <= loaded


def test_the_window_only_command_lines_are_recognised():
    from kehoach_desktop.cli import _window_data_dir

    assert _window_data_dir([]) == (True, None)
    assert _window_data_dir(["--data-dir", "/tmp/x"]) == (True, "/tmp/x")
    assert _window_data_dir(["--data-dir=/tmp/y"]) == (True, "/tmp/y")
    assert _window_data_dir(["--data-dir", "/tmp/x", "tasks"])[0] is False
    assert _window_data_dir(["--help"])[0] is False
    assert _window_data_dir(["tasks", "--json"])[0] is False


# --- the db layer's Database: sqlite3 at start, sqlite-utils' table helpers at first use ---


def test_the_database_gives_rows_as_sqlite_utils_did_and_its_table_helpers_still_work(tmp_path):
    import sqlite_utils

    from kehoach_desktop.db import open_database

    db = open_database(tmp_path / "x.db")
    db.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT)")
    db.execute("CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER, name TEXT)")
    db["a"].insert({"id": 1, "name": "Sở Nội vụ"})
    db["b"].upsert({"id": 7, "a_id": 1, "name": "xã Hòa An"}, pk="id")
    db["b"].update(7, {"name": "xã Hòa Bình"})
    join = "SELECT a.id, a.name, b.id, b.name FROM a JOIN b ON b.a_id = a.id"
    rows = list(db.query(join))
    assert rows == list(sqlite_utils.Database(db.conn).query(join))  # twin names: id, name, id_2, name_2
    assert rows == [{"id": 1, "name": "Sở Nội vụ", "id_2": 7, "name_2": "xã Hòa Bình"}]
    assert list(db.query("SELECT * FROM a WHERE id = ?", [2])) == []
    assert sorted(db.table_names()) == ["a", "b"] and db["b"].count == 1
    assert db.execute("PRAGMA recursive_triggers").fetchone()[0] == 1  # as sqlite-utils set it
    db.close()


def test_sqlite_utils_loads_only_when_a_table_helper_is_first_used(tmp_path):
    code = (f"from kehoach_desktop.db import open_database\nimport sys\ndb = open_database({str(tmp_path / 'y.db')!r})\n"
            "db.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)')\nlist(db.query('SELECT * FROM t'))\n"
            "print('before', 'sqlite_utils' in sys.modules)\ndb['t'].insert({'id': 1})\n"
            "print('after', 'sqlite_utils' in sys.modules, db['t'].count)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.split()
    assert out == ["before", "False", "after", "True", "1"]


# --- the window's own parts of the start ---


def test_the_search_box_clears_with_our_own_button(window, qtbot):
    search = window.search
    assert search.clear_action is None and not search.isClearButtonEnabled()  # nothing drawn before typing
    search.setText("kiem tra")
    assert search.clear_action.isVisible() and not search.isClearButtonEnabled()  # ours, not Qt's themed one
    assert not search.clear_action.icon().isNull()
    search.clear_action.trigger()
    assert search.text() == "" and not search.clear_action.isVisible()
    search.setText("a")
    assert search.clear_action.isVisible() and len(search.actions()) == 1  # one button, shown again


def test_the_cheaper_pyside_feature_check_answers_as_pyside_does():
    import email
    import math

    import shibokensupport.feature as feature

    import kehoach_desktop.ui  # noqa: F401  (installs the cheaper check)
    from kehoach_desktop import model
    from kehoach_desktop.ui import task_tree

    cheaper = feature._mod_uses_pyside
    assert getattr(cheaper, "reads_bytes", False)
    import PySide6.QtCore

    # the standard library is answered without reading it; a package beside it (site-packages) is read
    for module, uses in ((task_tree, True), (model, False), (math, False), (email, False), (PySide6, True)):
        assert cheaper(module) is uses, module.__name__


def test_the_installer_check_lists_every_module_of_the_package():
    import importlib
    import pkgutil

    sys.path.insert(0, str(ROOT / "installer" / "windows"))
    try:
        check_bytecode = importlib.import_module("check_bytecode")
    finally:
        sys.path.pop(0)
    import kehoach_desktop

    package = Path(kehoach_desktop.__file__).parent
    walked = {"kehoach_desktop"} | {info.name for info in pkgutil.walk_packages([str(package)], "kehoach_desktop.")}
    assert check_bytecode.package_modules(package) == walked


def _window_with_tree(qtbot):
    from PySide6.QtWidgets import QTreeView, QVBoxLayout, QWidget

    window = QWidget()
    window.tree = QTreeView()
    QVBoxLayout(window).addWidget(window.tree)
    qtbot.addWidget(window)
    return window


def test_what_the_tasks_paint_does_not_need_runs_once_after_it(qtbot):
    from kehoach_desktop.ui.start_order import AfterTasksShown

    window = _window_with_tree(qtbot)
    later, done = AfterTasksShown(window), []
    later.then(lambda: done.append("listen"))
    window.show()
    qtbot.wait(50)
    assert done == []  # painted, but without the tasks yet
    later.tasks_read()
    window.tree.viewport().update()
    qtbot.waitUntil(lambda: done == ["listen"], timeout=3000)
    later.then(lambda: done.append("backup"))  # asked after that paint: at once
    later.tasks_read()  # a second read changes nothing
    qtbot.wait(50)
    assert done == ["listen", "backup"]


def test_a_window_shown_after_its_read_runs_the_waiting_work_as_it_shows(qtbot):
    from kehoach_desktop.ui.start_order import AfterTasksShown

    window = _window_with_tree(qtbot)
    later, done = AfterTasksShown(window), []
    later.then(lambda: done.append("overview"))
    later.tasks_read()  # a synchronous read, in the constructor
    qtbot.wait(20)
    assert done == []
    window.show()
    assert done == ["overview"]


def test_a_read_that_never_arrives_still_lets_the_deferred_work_run(qtbot):
    from kehoach_desktop.ui.start_order import AfterTasksShown

    window = _window_with_tree(qtbot)
    later, done = AfterTasksShown(window), []
    later.then(lambda: done.append("listen"))
    later.at_latest(50)
    qtbot.waitUntil(lambda: done == ["listen"], timeout=2000)


def test_the_trees_own_viewport_looks_as_qts_own(window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QTreeView

    plain = QTreeView()
    ours, qts = window.tree.viewport(), plain.viewport()
    for look in (lambda v: v.backgroundRole(), lambda v: v.autoFillBackground(), lambda v: v.objectName(),
                 lambda v: v.focusProxy() is not None):
        assert look(ours) == look(qts)
    window.search.setText("không có nhiệm vụ nào như thế này")
    window._filters_changed()
    image = window.tree.viewport().grab().toImage()  # nothing shown: the viewport's own background
    assert image.pixelColor(image.width() // 2, image.height() - 5) == window.tree.palette().color(QPalette.Base)


def test_the_cheaper_check_goes_in_with_the_package_when_pyside_came_first():
    code = ("import PySide6.QtCore\nimport kehoach_desktop.errors\nimport shibokensupport.feature as feature\n"
            "print(getattr(feature._mod_uses_pyside, 'reads_bytes', False))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.split()
    assert out == ["True"]
    assert "PySide6.QtCore" not in _loaded_after("import kehoach_desktop.errors")  # without PySide: nothing of it


def test_work_waiting_for_a_read_made_before_the_window_showed_waits_for_its_first_paint(qtbot):
    from kehoach_desktop.ui.start_order import AfterTasksShown

    window = _window_with_tree(qtbot)
    later, done = AfterTasksShown(window), []
    later.paint_first = True  # the start read the tasks before showing the window
    later.then(lambda: done.append("detail pane"))
    later.tasks_read()
    window.show()
    assert done == []  # not at the show: the first paint comes first
    window.tree.viewport().update()
    qtbot.waitUntil(lambda: done == ["detail pane"], timeout=3000)


def test_a_lazy_qt_class_acts_as_the_class_itself(qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox as Real, QWidget

    from kehoach_desktop.ui.lazy_qt import QMessageBox

    box = QMessageBox(QMessageBox.Warning, "Tiêu đề", "Nội dung")
    assert type(box) is Real and isinstance(box, QMessageBox) and not isinstance(QWidget(), QMessageBox)
    assert QMessageBox.Yes == Real.Yes and issubclass(Real, QMessageBox)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 7)  # as tests patch a module's QMessageBox
    assert Real(Real.Warning, "a", "b").exec() == 7
