"""Start-up to a usable window, against a bare PySide6 window started the same way (issue 16).

Each run is a fresh interpreter (`python -c …`) timed from spawn until its window has painted
once and the process has exited; the program opens an existing data folder holding the sample
plan (94 tasks) and its profile, so no first-start question stops it. The two are run in
alternation, best and median of N printed with their ratio. Run:
    python benchmarks/startup_benchmark.py [--runs 7] [--platform offscreen|xcb]
Issue 17's GUI benchmarks measure the window at scale; this one is start-up only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Both children quit on the first paint of their window: the moment a user could work in it.
_PAINTED = """
from PySide6.QtCore import QEvent, QObject, QTimer
class _Quit(QObject):
    def eventFilter(self, obj, event):
        if obj is WINDOW and event.type() == QEvent.Paint:
            QTimer.singleShot(0, APP.quit)
        return False
_quit = _Quit(); WINDOW.installEventFilter(_quit)
QTimer.singleShot(10000, APP.quit)
APP.exec()
"""

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
APP = QApplication(sys.argv[:1])
WINDOW = QMainWindow(); WINDOW.resize(1280, 760); WINDOW.show()
""" + _PAINTED

PROGRAM = """
import sys
from kehoach_desktop.ui.app import make_application, open_main_window
APP = make_application()
WINDOW = open_main_window(sys.argv[1]); WINDOW.show()
""" + _PAINTED


def prepare(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from kehoach_desktop.model import AgencyKind, AgencyProfile
    from kehoach_desktop.paths import sample_workbook
    from kehoach_desktop.workspace import Workspace

    data = folder / "data"
    with Workspace(data) as ws:
        ws.save_profile(AgencyProfile(name="UBND xã Hòa An", kind=AgencyKind.XA, governing_body="UBND tỉnh Cao Bằng"))
        ws.import_annex(sample_workbook())
    return data


def timed(code: str, args: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the window did not start (status {done.returncode}):\n{done.stderr[-1500:]}")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        data = prepare(Path(tmp))
        timed(PROGRAM, [str(data)], env)  # warm the file cache and write the .pyc files once
        timed(BARE, [], env)
        bare, program = [], []
        for _ in range(args.runs):
            bare.append(timed(BARE, [], env))
            program.append(timed(PROGRAM, [str(data)], env))
    print(f"platform {args.platform}, {args.runs} runs each, sample plan (94 tasks)")
    print(f"{'':28}{'best':>10}{'median':>10}")
    print(f"{'bare PySide6 window':28}{min(bare):>9.3f}s{statistics.median(bare):>9.3f}s")
    print(f"{'kehoach window':28}{min(program):>9.3f}s{statistics.median(program):>9.3f}s")
    ratio_best, ratio_median = min(program) / min(bare), statistics.median(program) / statistics.median(bare)
    print(f"{'ratio (target ≤ 2×)':28}{ratio_best:>9.2f}×{ratio_median:>9.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
