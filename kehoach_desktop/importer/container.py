"""Checks on an Office file (a zip) before any parser opens it: size, type, unpacked size."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import ImportRefusedError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 5_000
# The unpacked sizes, per entry (ratio) and in all, are size_guards' (the stricter limits).


def check_office_file(path: Path, required_part: str, kind: str, resave_hint: str) -> None:
    """Refuse, with the file's name and the reason, anything that is not a sane Office file.

    The zip is opened once here: its directory and the sizes its XML declares are checked
    (size_guards) on the same open archive."""
    from .size_guards import check_declared_sizes  # issue 15

    name = path.name
    if not path.is_file():
        raise ImportRefusedError(f"Không tìm thấy tệp “{path}”.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImportRefusedError(f"Tệp “{name}” quá lớn ({size // (1024 * 1024)} MB) để là một phụ lục kế hoạch.")
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRefusedError(
            f"Tệp “{name}” là tệp {kind} cũ hoặc đã đặt mật khẩu. {resave_hint}"
        )
    if not zipfile.is_zipfile(path):
        raise ImportRefusedError(f"Tệp “{name}” không phải là tệp {kind} hợp lệ (tệp hỏng hoặc sai định dạng).")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise ImportRefusedError(f"Tệp “{name}” có quá nhiều thành phần ({len(infos)}) để là một phụ lục.")
            if required_part not in {info.filename for info in infos}:
                raise ImportRefusedError(f"Tệp “{name}” không phải là tệp {kind} (thiếu phần {required_part}).")
            check_declared_sizes(path, kind, archive)
    except (zipfile.BadZipFile, OSError):
        raise ImportRefusedError(f"Tệp “{name}” bị hỏng, không đọc được.") from None
