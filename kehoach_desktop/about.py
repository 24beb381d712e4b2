"""What the "Giới thiệu" (About) dialog tells: version, data folder, what is shipped and its licence.

No Qt here: the window shows it, a test reads it.
"""

from __future__ import annotations

import platform
import sqlite3
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import __version__
from .paths import fonts_dir

PROGRAM_NAME = "Theo dõi thực hiện kế hoạch cải thiện chỉ số PAR INDEX, SIPAS, PAPI"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


# (shown name, distribution whose version is read, licence). Every runtime dependency and what
# it brings; the PyInstaller build copies their metadata so the versions show there too.
_LIBRARIES = [
    ("Qt for Python (PySide6, shiboken6) và Qt 6", "PySide6-Essentials", "LGPL-3.0 (Qt: LGPL-3.0)"),
    ("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    ("openpyxl", "openpyxl", "MIT"),
    ("et-xmlfile", "et_xmlfile", "MIT"),
    ("ReportLab", "reportlab", "BSD"),
    ("rl_accel", "rl_accel", "BSD"),
    ("python-docx", "python-docx", "MIT"),
    ("lxml", "lxml", "BSD-3-Clause"),
    ("platformdirs", "platformdirs", "MIT"),
    ("defusedxml", "defusedxml", "PSF-2.0"),
    ("pypdfium2 (PDFium)", "pypdfium2", "Apache-2.0 hoặc BSD-3-Clause (PDFium: BSD-3-Clause)"),
    ("Pillow", "pillow", "MIT-CMU"),
    ("click, click-default-group, tabulate, sqlite-fts4, python-dateutil", "click",
     "BSD-3-Clause, Public Domain, MIT, Apache-2.0, BSD/Apache-2.0"),
]

FONT_NOTE = ("Phông chữ Tinos (Google, metric tương đương Times New Roman), dùng để nhúng vào báo cáo PDF: "
             "SIL Open Font License 1.1 (OFL), toàn văn bên dưới.")


def _version_of(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "không rõ"


def components() -> list[Component]:
    """The program itself, the interpreter, SQLite, the libraries and the fonts, with their licences."""
    shipped = [
        Component("Python", platform.python_version(), "PSF-2.0"),
        Component("SQLite", sqlite3.sqlite_version, "Public Domain"),
    ]
    shipped += [Component(name, _version_of(dist), licence) for name, dist, licence in _LIBRARIES]
    shipped.append(Component("Phông chữ Tinos", "", "SIL Open Font License 1.1"))
    return shipped


def font_licence_text() -> str:
    path = fonts_dir() / "OFL.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


@dataclass(frozen=True)
class AboutInfo:
    version: str
    data_dir: Path
    components: list[Component]
    font_licence: str


def about(data_dir: Path) -> AboutInfo:
    return AboutInfo(__version__, Path(data_dir), components(), font_licence_text())
