"""Every window and dialog fits the office screens, its buttons visible (issue 16).

Each screen runs tools/window_tour.py in its own process: the offscreen platform takes its
screen size from a file read when Qt starts, so one process cannot try three screens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOUR = ROOT / "tools" / "window_tour.py"
EXPECTED = {"cua-so-chinh", "bao-cao", "thong-tin-don-vi-lan-dau", "sao-luu", "du-lieu-hong", "huong-dan",
            "xem-truoc-nhap-phu-luc", "tai-lieu-kiem-chung", "xuat-goi-bao-cao", "xem-truoc-goi", "hoi-xac-nhan",
            "tong-quan", "tim-kiem", "ngay-hoan-thanh", "xoa-ke-hoach", "chuyen-tiep",
            "ke-hoach", "lich-bao-cao", "so-bao-cao", "gioi-thieu", "nhan-goi", "khoi-phuc", "xung-dot"}


@pytest.fixture(scope="module")
def tour_data(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("tour") / "data"  # filled by the first run, reused by the others


@pytest.mark.parametrize("screen, scale, logical", [
    ("1366x728", 1.0, (1366, 728)),   # 1366×768 less the Windows taskbar
    ("1024x768", 1.0, (1024, 768)),
    ("1920x1080", 1.25, (1536, 864)),  # Full HD at 125 %
])
def test_every_window_fits_the_screen_with_its_buttons_visible(tour_data, screen, scale, logical):
    env = {key: value for key, value in os.environ.items() if key not in ("QT_SCALE_FACTOR", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run([sys.executable, str(TOUR), "--screen", screen, "--scale", str(scale), "--data", str(tour_data)],
                          capture_output=True, text=True, env=env, timeout=240)
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    names = {record["name"] for record in records}
    assert EXPECTED <= names, (EXPECTED - names, done.stderr[-2000:])
    for record in records:
        assert tuple(record["screen"]) == logical
        x, y, width, height = record["window"]
        assert record["inside"] and x >= 0 and y >= 0 and x + width <= logical[0] and y + height <= logical[1], record
        assert record["buttons_cut"] == [] and record["sideways"] == [], record
    assert done.returncode == 0, done.stderr[-2000:]


TWO_SCREENS = """
import json, sys
from PySide6.QtWidgets import QDialog, QMainWindow
from kehoach_desktop.ui.app import make_application
app = make_application()
laptop = next(screen for screen in app.screens() if screen.name() == "laptop")
main = QMainWindow(); main.resize(1000, 600); main.show()
main.windowHandle().setScreen(laptop); main.move(laptop.geometry().x() + 80, 40)
app.processEvents()
assert main.screen() is laptop
dialog = QDialog(main); dialog.resize(1800, 900); dialog.show()  # too big for the laptop screen
app.processEvents()
g, area = dialog.frameGeometry(), laptop.availableGeometry()
print(json.dumps({"screen": dialog.screen().name(), "inside": area.contains(g), "size": [g.width(), g.height()]}))
"""


def test_a_dialog_fits_the_screen_its_parent_is_on(tmp_path):
    config = tmp_path / "screens.json"
    screen = {"y": 0, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [
        {"name": "wide", "x": 0, "width": 1920, "height": 1080, **screen},
        {"name": "laptop", "x": 1920, "width": 1366, "height": 728, **screen}]}))
    env = {key: value for key, value in os.environ.items() if key != "QT_SCALE_FACTOR"}
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", TWO_SCREENS], capture_output=True, text=True, env=env, timeout=60)
    record = json.loads(done.stdout.strip().splitlines()[-1])
    assert record["screen"] == "laptop" and record["inside"], (record, done.stderr[-1000:])
    assert record["size"][0] <= 1366 and record["size"][1] <= 728
