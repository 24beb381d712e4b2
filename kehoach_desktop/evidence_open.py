"""Opening an evidence file safely (issue 15): always a copy, under a name that cannot fool the
user or the shell, and only document and image types are handed to the system directly.

A name from a package may carry bidi controls ("báo cáo\u202egpj.exe" shows as "…exe.jpg"),
a Windows device name (CON, AUX, NUL, COM1…, which Windows opens as a device), or be too long
for the path limit. Anything that is not a document or an image (exe, bat, lnk, js…) is only
shown in its folder, with a warning.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

MAX_NAME_CHARS = 120  # leaves room for the temporary folder within Windows' 260-character paths
OPENABLE = frozenset({".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".jpg", ".jpeg", ".png",
                      ".tif", ".tiff", ".txt"})
_DEVICES = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)", re.IGNORECASE)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def _invisible(ch: str) -> bool:
    """Bidi controls, zero-width and other format characters (category Cf) and controls."""
    return unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp")


def safe_name(name: str) -> str:
    """The name the copy gets: NFC, no path, no bidi or format characters, no characters
    Windows refuses, no device name, at most MAX_NAME_CHARS (the stem shortened, the
    extension kept)."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = "".join(ch for ch in base if not _invisible(ch))
    base = _UNSAFE.sub("_", base).strip(" .")
    if not base:
        return "tai-lieu"
    stem, dot, extension = base.rpartition(".")
    if not dot or not stem or len(extension) > 10 or " " in extension:
        stem, extension = base, ""
    if _DEVICES.fullmatch(stem.split(".")[0].strip()):
        stem = "_" + stem
    room = MAX_NAME_CHARS - (len(extension) + 1 if extension else 0)
    stem = stem[:room].rstrip(" .") or "tai-lieu"
    return f"{stem}.{extension}" if extension else stem


def opens_directly(name: str) -> bool:
    """Whether the system may open the file itself (a document or an image)."""
    return PurePath(safe_name(name)).suffix.lower() in OPENABLE


def warning_for(name: str) -> str:
    extension = PurePath(safe_name(name)).suffix or "(không có đuôi)"
    return (f"Tệp “{safe_name(name)}” có đuôi {extension}, không phải văn bản hay hình ảnh: nếu mở, nó có thể chạy "
            "như một chương trình. Chương trình chỉ mở thư mục chứa bản sao của tệp; chỉ mở tệp khi chắc chắn "
            "nó an toàn.")
