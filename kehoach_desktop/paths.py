"""Where the data lives: --data-dir, else $KEHOACH_DATA_DIR, else the platform's user data folder."""

from __future__ import annotations

import atexit
import contextlib
import os
from importlib.resources import as_file, files
from pathlib import Path

APP_NAME = "kehoach_desktop"
DB_FILE_NAME = "kehoach.sqlite3"
ENV_DATA_DIR = "KEHOACH_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resources_dir() -> Path:
    """The resources shipped inside the package (``kehoach_desktop/resources``: fonts, samples).

    Found with importlib.resources, so a checkout, a wheel install and the frozen Windows program
    all find them the same way; a zipped package has them extracted once for the process.
    """
    root = files(__package__).joinpath("resources")
    if isinstance(root, Path):
        return root
    return _EXTRACTED.enter_context(as_file(root))  # pragma: no cover - zipped package only


_EXTRACTED = contextlib.ExitStack()
atexit.register(_EXTRACTED.close)


def sample_workbook() -> Path:
    return resources_dir() / "samples" / "2163-KH-UBND-Cao-Bang-phu-luc.xlsx"


def fonts_dir() -> Path:
    """Tinos, metric-compatible with Times New Roman, with every Vietnamese glyph (OFL, see OFL.txt)."""
    return resources_dir() / "fonts"
