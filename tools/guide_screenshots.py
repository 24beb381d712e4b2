"""Retake the user guide's pictures from the program itself (offscreen), so they stay current.

    python tools/guide_screenshots.py

Opens the windows through tools/window_tour.py on a 1366×728 screen with the sample plan, and
writes the pictures the guide shows into kehoach_desktop/guide/images/ (scaled to 960 px wide).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "kehoach_desktop" / "guide" / "images"
# tour window name → picture name used in huong-dan.html
PICTURES = {
    "tong-quan": "tong-quan.png", "cua-so-chinh": "cua-so-chinh.png", "tai-lieu-kiem-chung": "tai-lieu.png",
    "bao-cao": "bao-cao.png", "xuat-goi-bao-cao": "xuat-goi.png", "sao-luu": "sao-luu.png",
    "thong-tin-don-vi-lan-dau": "lan-dau.png",
}
WIDTH = 960


def main() -> int:
    shots = Path(tempfile.mkdtemp(prefix="kehoach-guide-"))
    env_path = str(ROOT)
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "window_tour.py"), "--screen", "1366x728",
                           "--shots", str(shots), "--only", ",".join(PICTURES)],
                          env={**__import__("os").environ, "PYTHONPATH": env_path}, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage

    QGuiApplication.instance() or QGuiApplication(["guide", "-platform", "offscreen"])
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, picture in PICTURES.items():
        image = QImage(str(shots / f"{name}.png"))
        if image.isNull():
            print(f"thiếu ảnh {name}", file=sys.stderr)
            continue
        if image.width() > WIDTH:
            image = image.scaledToWidth(WIDTH, Qt.SmoothTransformation)
        image.save(str(IMAGES / picture), "PNG", 80)
        print(IMAGES / picture)
    return 0


if __name__ == "__main__":
    sys.exit(main())
