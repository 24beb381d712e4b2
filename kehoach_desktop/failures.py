"""A full disk, a read-only folder, a missing permission or a failing drive is not damage
(issue 15): each is told apart from corruption and said in one Vietnamese sentence that names
the file or folder and what to do. Nothing is copied or restored because of it."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from .errors import StorageError

FULL, READ_ONLY, PERMISSION, IO = "full", "read-only", "permission", "io"
LOW_SPACE_BYTES = 4 * 1024**2  # below this, an I/O error while writing is the disk being full

# By name: errno differs between systems (Windows has no ENOMEDIUM, for one), and a name
# missing here must not stop the program from starting.
_ERRNO_NAMES = {
    "ENOSPC": FULL, "EDQUOT": FULL, "EFBIG": FULL,
    "EROFS": READ_ONLY,
    "EACCES": PERMISSION, "EPERM": PERMISSION,
    "EIO": IO, "ENXIO": IO, "ENODEV": IO, "ESTALE": IO, "ENOMEDIUM": IO,
}
_ERRNO_KINDS = {getattr(errno, name): kind for name, kind in _ERRNO_NAMES.items() if hasattr(errno, name)}
# Windows' own codes (OSError.winerror), read first: Python gives a write-protected stick or a
# drive that is not ready EACCES or EINVAL, which would read as a missing permission or nothing.
_WINERROR_KINDS = {
    112: FULL, 39: FULL,  # ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
    19: READ_ONLY,  # ERROR_WRITE_PROTECT
    5: PERMISSION,  # ERROR_ACCESS_DENIED
    21: IO, 23: IO, 55: IO, 483: IO, 1117: IO, 1167: IO,
    # ERROR_NOT_READY, ERROR_CRC, ERROR_DEV_NOT_EXIST, ERROR_DEVICE_HARDWARE_ERROR, ERROR_IO_DEVICE,
    # ERROR_DEVICE_NOT_CONNECTED (a USB stick pulled out)
}
# SQLite's primary result codes (https://www.sqlite.org/rescode.html)
_SQLITE_KINDS = {13: FULL, 8: READ_ONLY, 3: PERMISSION, 23: PERMISSION, 10: IO, 14: IO}


def kind_of(error: BaseException, where: Path | None = None) -> str | None:
    """FULL, READ_ONLY, PERMISSION or IO for an error of the storage; None for anything else
    (corruption included)."""
    kind = None
    if isinstance(error, OSError) and getattr(error, "winerror", None) in _WINERROR_KINDS:
        kind = _WINERROR_KINDS[error.winerror]
    elif isinstance(error, OSError) and error.errno in _ERRNO_KINDS:
        kind = _ERRNO_KINDS[error.errno]
    elif isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        kind = _SQLITE_KINDS.get(code & 0xFF) if isinstance(code, int) else None
        if kind is None:
            text = str(error).lower()
            kind = (FULL if "disk is full" in text else READ_ONLY if "readonly" in text
                    else IO if "disk i/o error" in text or "unable to open" in text else None)
    if kind == IO and where is not None and _free_space(where) < LOW_SPACE_BYTES:
        kind = FULL  # SQLite reports a -shm it cannot extend on a full disk as an I/O error
    return kind


def _free_space(where: Path) -> int:
    path = Path(where)
    for candidate in (path, *path.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return LOW_SPACE_BYTES


def message(kind: str, where: Path | str) -> str:
    where = str(where)
    if kind == FULL:
        return (f"Ổ đĩa đầy: không ghi được vào “{where}”. Dữ liệu không bị hỏng và không có gì bị thay đổi; "
                "hãy giải phóng chỗ trống trên ổ đĩa (xóa bớt tệp không cần) rồi làm lại.")
    if kind == READ_ONLY:
        return (f"“{where}” chỉ cho phép đọc, không ghi được. Dữ liệu không bị thay đổi; hãy cấp quyền ghi "
                "hoặc chọn thư mục khác rồi làm lại.")
    if kind == PERMISSION:
        return (f"Không có quyền truy cập “{where}”. Dữ liệu không bị thay đổi; hãy cấp quyền cho tài khoản "
                "đang dùng rồi làm lại.")
    return (f"Lỗi đọc, ghi ổ đĩa ở “{where}” (ổ đĩa có thể bị lỗi hoặc USB đã bị rút ra). Dữ liệu không bị "
            "thay đổi; hãy kiểm tra ổ đĩa rồi làm lại.")


def storage_error(error: BaseException, where: Path | str | None = None) -> StorageError | None:
    """The StorageError to show for `error`, or None when it is not a storage failure. The
    file the operating system names wins over `where`."""
    named = getattr(error, "filename", None) if isinstance(error, OSError) else None
    place = Path(named) if named else (Path(where) if where else None)
    kind = kind_of(error, place)
    if kind is None:
        return None
    failure = StorageError(message(kind, place if place is not None else "ổ đĩa"))
    failure.kind = kind
    return failure


def raise_as_storage(error: BaseException, where: Path | str | None = None) -> None:
    """Re-raise a storage failure as StorageError (from the original); other errors untouched."""
    failure = storage_error(error, where)
    if failure is not None:
        raise failure from error


# --- the data folder itself ---

def refuse_a_file(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise StorageError(f"Đường dẫn thư mục dữ liệu “{folder}” là một tệp, không phải thư mục; hãy chọn một "
                           "thư mục khác (--data-dir hoặc biến KEHOACH_DATA_DIR) hoặc đổi tên tệp đó.")


def prepare_data_folder(folder: Path) -> bool:
    """Create the data folder when missing; True when it can be written, False when it can
    only be read (it then opens for reading). Refuses a path that is a file, by name."""
    import tempfile

    folder = Path(folder)
    refuse_a_file(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise StorageError(f"Không tạo được thư mục dữ liệu “{folder}”: trên đường dẫn có một tệp trùng tên "
                           "thư mục; hãy chọn thư mục khác.") from None
    except OSError as error:
        raise_as_storage(error, folder)
        raise
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError as error:
        if kind_of(error, folder) in (READ_ONLY, PERMISSION):
            return False
        raise_as_storage(error, folder)
        raise
