"""The user guide shipped with the program (Vietnamese HTML and its pictures)."""

from pathlib import Path

GUIDE_DIR = Path(__file__).resolve().parent
GUIDE_FILE = GUIDE_DIR / "huong-dan.html"
IMAGES_DIR = GUIDE_DIR / "images"
