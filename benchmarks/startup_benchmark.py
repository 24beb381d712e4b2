"""Start-up to a usable window, against a bare PySide6 window started the same way (issues 16, 17).

Each run is a fresh interpreter (`python -c …`) timed from spawn until its window has painted
(the paint event reaching the window, or the tree's viewport, as an event filter sees it: the
same moment for both); the program opens an existing data folder (the sample plan of 94 tasks,
and a plan of 300 tasks) with its profile, so no first-start question stops it. The program's
figure is the first paint of its task tree with the tasks in it (a plan of up to 1,000 tasks is
read before the window shows, a larger one on a worker thread after); its very first paint is
printed beside it. What the program leaves until after that paint (ui/start_order.py) is not in
the figure. Wall time is spawn → paint in the parent; CPU time is the child's
`time.process_time()` at that paint (interpreter start included), which holds better than wall
time on a loaded machine.

Two byte-code cases, as a user may meet them: the package as source only (the libraries keep
their installed .pyc), and the package byte-compiled (`compileall`, as the installer ships it).
Both run from a copy of the package in a temporary folder, so a stale __pycache__ in the work
tree changes nothing. The cases run in alternation; medians of N runs and their ratios. Run:
    python benchmarks/startup_benchmark.py [--runs 7] [--platform offscreen|xcb] [--before OTHER/kehoach_desktop] [--timeline]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Both children print when their window painted (wall clock, CPU of the process) and quit.
_WATCH = """
import json, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
FIRST = []
class _Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            now = (time.time(), time.process_time())
            if not FIRST:
                FIRST.append(now)
            if READY():
                print(json.dumps({"first": FIRST[0], "ready": now}), flush=True)
                QTimer.singleShot(0, QApplication.instance().quit)
        return False
_watch = _Watch()
"""

BARE = _WATCH + """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
APP = QApplication(sys.argv[:1])
WINDOW = QMainWindow(); WINDOW.resize(1280, 760); WINDOW.show()
READY = lambda: True
WINDOW.installEventFilter(_watch)
QTimer.singleShot(20000, APP.quit)
APP.exec()
"""

# The program starts as `kehoach --data-dir DIR` does (cli.main: the one-program lock, the window,
# the first-start check, the start-up backup); the watch is put on the window as it is shown.
PROGRAM = _WATCH + """
import sys
from kehoach_desktop.cli import main
import gc
gc.disable()  # as cli.main does before it imports the window (the import below is this start's)
from kehoach_desktop.ui.main_window import MainWindow
_show = MainWindow.show
def _shown(window):
    global READY
    READY = lambda: window.proxy.visible_count() > 0
    window.installEventFilter(_watch)
    window.tree.viewport().installEventFilter(_watch)
    QTimer.singleShot(20000, QApplication.instance().quit)
    _show(window)
MainWindow.show = _shown
main(["--data-dir", sys.argv[1]])
"""


# --timeline: the same start with marks (wall since spawn, CPU of the process) at each step.
TIMELINE = """
import json, sys, time
T0, MARKS = float(sys.argv[2]), []
def mark(name):
    MARKS.append((name, time.time() - T0, time.process_time()))
mark("interpreter started")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
mark("PySide6 QtCore, QtWidgets imported")
import kehoach_desktop.cli
mark("kehoach_desktop.cli imported")
import gc
gc.disable()  # as cli.main does before it imports the window
from kehoach_desktop.ui import app, main_window
mark("ui.app, ui.main_window imported")
W = main_window.MainWindow
def marked(owner, name, label):
    real = getattr(owner, name)
    def call(*args, **kwargs):
        mark(label + " begins")
        try:
            return real(*args, **kwargs)
        finally:
            mark(label + " ends")
    setattr(owner, name, call)
marked(app, "make_application", "application")
marked(app, "Workspace", "data folder opened (damage check)")
marked(W, "_build_actions", "menus, toolbar")
marked(W, "_build_central", "tree, filters")
marked(W, "_install_window_features", "plan bar, undo, window features")
marked(W, "_tree_loaded", "tasks put in the tree")
marked(main_window, "_read_tree", "tasks read, tree items built")
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and WINDOW[0].proxy.visible_count() > 0:
            mark("first paint of the tree with its tasks")
            print(json.dumps(MARKS), flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False
WATCH, WINDOW, show = Watch(), [], W.show
def shown(window):
    WINDOW.append(window)
    window.tree.viewport().installEventFilter(WATCH)
    mark("window.show() called")
    show(window)
W.show = shown
kehoach_desktop.cli.main(["--data-dir", sys.argv[1]])
"""


def timeline(code: str, folder: Path, env: dict, runs: int) -> list[tuple[str, float, float]]:
    """Median (name, wall since spawn, CPU) of each mark over `runs` starts."""
    seen = []
    for _ in range(runs):
        start = time.time()
        done = subprocess.run([sys.executable, "-c", code, str(folder), repr(start)], env=env,
                              capture_output=True, text=True, cwd=tempfile.gettempdir())
        lines = [line for line in done.stdout.splitlines() if line.startswith("[")]
        if done.returncode != 0 or not lines:
            raise SystemExit(f"the window did not start (status {done.returncode}):\n{done.stderr[-1500:]}")
        seen.append(json.loads(lines[-1]))
    return [(marks[0], statistics.median(run[n][1] for run in seen), statistics.median(run[n][2] for run in seen))
            for n, marks in enumerate(seen[0])]


def print_timeline(size: str, marks) -> None:
    print(f"\ntimeline, {size}, byte-code (medians; ms since spawn, and the step's own ms)")
    last_wall = last_cpu = 0.0
    for name, wall, cpu in marks:
        print(f"  {name:46}{wall * 1000:8.1f} wall {cpu * 1000:8.1f} cpu   +{(wall - last_wall) * 1000:6.1f} / +{(cpu - last_cpu) * 1000:6.1f}")
        last_wall, last_cpu = wall, cpu


def prepare(folder: Path) -> dict[str, Path]:
    """Two data folders: the embedded sample plan (94 tasks) and a generated plan of 300."""
    sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
    from scale_data import make_folder

    from kehoach_desktop.model import AgencyKind, AgencyProfile
    from kehoach_desktop.paths import sample_workbook
    from kehoach_desktop.workspace import Workspace

    sample = folder / "sample"
    with Workspace(sample) as ws:
        ws.save_profile(AgencyProfile(name="UBND xã Hòa An", kind=AgencyKind.XA, governing_body="UBND tỉnh Cao Bằng"))
        ws.import_annex(sample_workbook())
    return {"94 tasks": sample, "300 tasks": make_folder(folder / "scale300", 300)}


def package_copies(folder: Path, package: Path) -> dict[str, Path]:
    """The package as source only, and byte-compiled: two copies to put first on the path."""
    copies = {}
    for case in ("source", "pyc"):
        target = folder / case
        shutil.copytree(package, target / "kehoach_desktop",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        copies[case] = target
    if not compileall.compile_dir(copies["pyc"] / "kehoach_desktop", quiet=1, workers=1):
        raise SystemExit("the package did not byte-compile")
    return copies


def timed(code: str, args: list[str], env: dict) -> dict:
    # `python -c` puts the working directory first on sys.path: run where no package lies, so
    # that the copy on PYTHONPATH is the one imported.
    start = time.time()
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                          cwd=tempfile.gettempdir())
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the window did not start (status {done.returncode}):\n{done.stderr[-1500:]}")
    seen = json.loads(lines[-1])
    return {"first": seen["first"][0] - start, "wall": seen["ready"][0] - start, "cpu": seen["ready"][1]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="also time this kehoach_desktop folder (another checkout's) in the same run")
    parser.add_argument("--timeline", action="store_true",
                        help="then print where the time of a start goes (this checkout, byte-code)")
    args = parser.parse_args()
    packages = {"": ROOT / "kehoach_desktop"}
    if args.before:
        packages = {"before: ": args.before.resolve(), "now: ": packages[""]}
    with tempfile.TemporaryDirectory() as tmp:
        folders = prepare(Path(tmp) / "data")
        base = {key: value for key, value in os.environ.items() if key not in ("PYTHONPYCACHEPREFIX",)}
        base.update(QT_QPA_PLATFORM=args.platform, PYTHONDONTWRITEBYTECODE="1")
        envs = {}
        for n, (label, package) in enumerate(packages.items()):
            for case, path in package_copies(Path(tmp) / f"code{n}", package).items():
                envs[(label, case)] = {**base, "PYTHONPATH": str(path)}
        cases = [(size, key) for size in folders for key in envs]
        timed(BARE, [], base)  # warm the file cache once
        for size, key in cases:
            timed(PROGRAM, [str(folders[size])], envs[key])
        bare: list[dict] = []
        program: dict[tuple, list[dict]] = {key: [] for key in cases}
        for _ in range(args.runs):
            bare.append(timed(BARE, [], base))
            for size, key in cases:
                program[(size, key)].append(timed(PROGRAM, [str(folders[size])], envs[key]))
        report(args, bare, program)
        if args.timeline:
            for size in folders:
                print_timeline(size, timeline(TIMELINE, folders[size], envs[(list(packages)[-1], "pyc")], args.runs))
    return 0


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def report(args, bare: list[dict], program: dict[tuple, list[dict]]) -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"platform {args.platform}, {args.runs} runs each (medians), load average {load:.2f}"
          + (f"; before: {args.before}" if args.before else ""))
    print("program: first paint of the task tree with its tasks; bare: first paint of a QMainWindow")
    print(f"{'':44}{'first paint':>12}{'wall':>9}{'cpu':>9}{'wall ×':>9}{'cpu ×':>8}")
    bare_wall, bare_cpu = median(bare, "wall"), median(bare, "cpu")
    print(f"{'bare PySide6 window':44}{median(bare, 'first'):>11.3f}s{bare_wall:>8.3f}s{bare_cpu:>8.3f}s")
    for (size, (package, case)), runs in program.items():
        label = f"{package}kehoach, {size}, {'byte-code' if case == 'pyc' else 'source only'}"
        wall, cpu = median(runs, "wall"), median(runs, "cpu")
        print(f"{label:44}{median(runs, 'first'):>11.3f}s{wall:>8.3f}s{cpu:>8.3f}s"
              f"{wall / bare_wall:>8.2f}×{cpu / bare_cpu:>7.2f}×")
    print("target: ≤ 2× the bare window")


if __name__ == "__main__":
    sys.exit(main())
