"""Writing a file to a USB stick or a folder so that a pulled stick never leaves a bad file.

The file is written to `NAME.partial`, flushed and fsynced, renamed to `NAME`, and the
folder fsynced; then the file is read back from the device and verified. Until that
verification passes the caller must not say "the stick may be removed". An interrupted
write leaves the previous file or nothing under `NAME`; `.partial` files left by earlier
interrupted exports are removed and reported.
"""

from __future__ import annotations

import errno
import os
import zipfile
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable

from ..durable import fsync_dir
from ..errors import KehoachError
from .safe_zip import format_size as _mb

PARTIAL_SUFFIX = ".partial"
OUR_EXTENSIONS = (".khbc", ".khnv", ".xlsx")
SPACE_MARGIN_BYTES = 1024**2


class ExportError(KehoachError):
    """The file could not be written or did not read back correctly."""


@dataclass
class WrittenFile:
    path: Path
    size: int
    stale_removed: list[str] = field(default_factory=list)


def partial_path(target: Path) -> Path:
    return target.with_name(target.name + PARTIAL_SUFFIX)


def clean_stale_partials(folder: Path) -> list[str]:
    """Remove `*.khbc.partial` (and .khnv, .xlsx) left by an interrupted export; return their names."""
    removed = []
    for extension in OUR_EXTENSIONS:
        for path in sorted(folder.glob(f"*{extension}{PARTIAL_SUFFIX}")):
            try:
                path.unlink()
            except OSError:
                continue  # read-only or in use: it stays, and is not reported as removed
            removed.append(path.name)
    return removed


def check_target(target: Path, expected_size: int, suffixes: tuple[str, ...] = OUR_EXTENSIONS) -> None:
    """Refuse before writing: a missing folder, or not enough free space for the file."""
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"Không tìm thấy thư mục “{folder}” để ghi tệp (USB đã bị rút?).")
    if target.suffix.lower() not in suffixes:
        raise ExportError(f"Tên tệp “{target.name}” phải có đuôi .khbc, .khnv hoặc .xlsx.")
    free = shutil.disk_usage(folder).free
    needed = expected_size + SPACE_MARGIN_BYTES
    if free < needed:
        raise ExportError(
            f"Không đủ chỗ trống trong “{folder}” để ghi “{target.name}”: cần khoảng {_mb(needed)}, "
            f"còn {_mb(free)}. Hãy xóa bớt tệp hoặc dùng USB khác."
        )


def write_atomically(
    target: Path,
    write: Callable[[BinaryIO], None],
    verify: Callable[[Path], None],
    *,
    expected_size: int = 0,
    suffixes: tuple[str, ...] = OUR_EXTENSIONS,
) -> WrittenFile:
    """Write through `NAME.partial`, rename, then `verify(NAME)` as read back from the device.
    `suffixes`: the endings the target may have (the program's own files in the data folder too)."""
    target = Path(target)
    check_target(target, expected_size, suffixes)
    stale = clean_stale_partials(target.parent)
    partial = partial_path(target)
    try:
        with open(partial, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
        fsync_dir(target.parent)
    except OSError as error:
        _remove(partial)
        raise ExportError(_write_error(target, error)) from None
    except BaseException:
        _remove(partial)
        raise
    _drop_cached_pages(target)
    try:
        verify(target)
    except KehoachError as error:
        _remove(target)  # a file that does not verify must not stay under the final name
        raise ExportError(
            f"Tệp “{target.name}” ghi ra nhưng đọc lại không đúng ({error}). USB có thể bị lỗi; "
            "hãy thử lại hoặc dùng USB khác."
        ) from None
    except (OSError, zipfile.BadZipFile, EOFError, ValueError) as error:  # issue 15: a pulled stick too
        _remove(target)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "tệp đọc lại bị hỏng"
        raise ExportError(f"Không đọc lại được tệp “{target.name}” vừa ghi ({reason}). "
                          "USB có thể đã bị rút hoặc bị lỗi; hãy cắm lại và xuất lại.") from None
    try:
        size = target.stat().st_size
    except OSError:
        raise ExportError(f"Tệp “{target.name}” đã ghi và kiểm tra xong nhưng không còn thấy trên ổ đĩa: USB có thể "
                          "vừa bị rút ra. Hãy cắm lại và kiểm tra, hoặc xuất lại.") from None
    return WrittenFile(target, size, stale)


def _write_error(target: Path, error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return f"Hết chỗ trống khi ghi “{target.name}” vào “{target.parent}”. Hãy xóa bớt tệp hoặc dùng USB khác."
    if error.errno == errno.EFBIG:
        return (f"Tệp “{target.name}” quá lớn cho ổ đĩa này (USB định dạng FAT32 chỉ chứa tệp dưới 4 GB). "
                "Hãy chọn ít kế hoạch hơn hoặc dùng USB định dạng exFAT/NTFS.")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Không ghi được “{target.name}” vào “{target.parent}”: tệp cũ đang được mở trong chương trình "
                "khác (ví dụ Excel), hoặc USB bị khóa ghi, hoặc thư mục chỉ đọc.")
    return f"Không ghi được tệp “{target.name}” vào “{target.parent}”: {error.strerror or error}."


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # the stick is gone: nothing more can be done here



def _drop_cached_pages(path: Path) -> None:
    """Ask the OS to forget the file's cached pages, so verification reads the device itself."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    except OSError:
        pass
    finally:
        os.close(fd)




# --- writing behind (issue 17) ---

class SyncBehind:
    """Makes what is written so far durable on a thread of its own while the writing goes on, so
    that the device writes alongside the copy and the final fsync has little left to wait for
    (a 500 MB package: its fsync took as long as the whole copy). `written(offset)` after each
    piece; after each sync `after_sync(offset)` runs on the same thread (the read-back of what
    is now durable: packages.py). close() before the caller's own fsync, which stays the one that
    counts; `error` is what after_sync raised, if anything (the caller reports it when it verifies)."""

    STEP = 32 * 1024**2

    def __init__(self, out: BinaryIO, after_sync: Callable[[int], None] | None = None):
        import threading

        self._fd = out.fileno()
        self._out = out
        self._after_sync = after_sync
        self._asked = 0  # the offset the thread is to make durable
        self._synced = 0
        self._wake = threading.Event()
        self._done = False
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kehoach-sync", daemon=True)
        self._thread.start()

    def written(self, offset: int) -> None:
        if offset - self._asked >= self.STEP:
            self._out.flush()  # what the buffer holds reaches the file before the thread syncs it
            self._asked = offset
            self._wake.set()

    def _run(self) -> None:
        sync = getattr(os, "fdatasync", os.fsync)
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._done:
                return
            offset = self._asked
            try:
                sync(self._fd)
                if self._after_sync is not None and self.error is None:
                    self._after_sync(offset)
            except BaseException as error:  # noqa: BLE001 - the caller's own fsync or verify reports it
                self.error = error
                return

    def close(self) -> None:
        self._done = True
        self._wake.set()
        self._thread.join()
