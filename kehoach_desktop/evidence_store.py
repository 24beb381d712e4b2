"""Evidence files, stored once each under their SHA-256 inside the data folder.

A file is copied to a temporary name, fsynced and renamed before the row that refers to
it commits, so a power cut never leaves a row pointing at half a file.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import NotFoundError

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    name: str  # the original file name, kept as data


class EvidenceStore:
    def __init__(self, root: Path):
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise ValueError("not a sha256")
        return self.root / sha256[:2] / sha256

    def add(self, source: Path) -> StoredFile:
        """Copy `source` into the store (once per content); return its digest and size."""
        if not source.is_file():
            raise NotFoundError(f"Không tìm thấy tệp tài liệu kiểm chứng “{source}”.")
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            final = self.path_for(digest.hexdigest())
            if final.exists() and final.stat().st_size == size:
                os.unlink(temp_name)
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temp_name, final)
                _fsync_dir(final.parent)
        except BaseException:
            if os.path.exists(temp_name):
                os.unlink(temp_name)
            raise
        return StoredFile(digest.hexdigest(), size, source.name)

    def adopt(self, source: Path, sha256: str, *, sync_folder: bool = True) -> bool:
        """Move a file already verified to have this digest (and fsynced) into the store.

        Used for evidence unpacked from a package into the data folder's own temporary
        folder: a rename instead of a second copy. Returns False when the store had it.
        With sync_folder=False the caller calls sync_folders() once for many files.
        """
        final = self.path_for(sha256)
        if final.exists() and final.stat().st_size == source.stat().st_size:
            source.unlink()
            return False
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(source, final)
        except OSError:  # another file system (EXDEV): copy, hashing again
            stored = self.add(source)
            source.unlink()
            if stored.sha256 != sha256:
                raise ValueError("adopted file does not have the stated digest") from None
            return True
        if sync_folder:
            _fsync_dir(final.parent)
        return True

    def sync_folders(self, sha256s) -> None:
        """Make the renames of adopted files durable: one fsync per store folder touched."""
        for folder in sorted({self.path_for(sha).parent for sha in sha256s}):
            _fsync_dir(folder)

    def remove(self, sha256: str) -> None:
        path = self.path_for(sha256)
        if path.exists():
            path.unlink()

    def open_copy(self, sha256: str, original_name: str, work_dir: Path) -> Path:
        """A copy under its original name (so the right program opens it)."""
        source = self.path_for(sha256)
        if not source.exists():
            raise NotFoundError(f"Tệp “{original_name}” không còn trong kho tài liệu (đã bị xóa hoặc hỏng).")
        work_dir.mkdir(parents=True, exist_ok=True)
        target_dir = Path(tempfile.mkdtemp(prefix="mo-", dir=work_dir))
        target = target_dir / safe_file_name(original_name)
        shutil.copyfile(source, target)
        return target


def safe_file_name(name: str) -> str:
    """A file name with no path parts and no characters Windows refuses."""
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r'[<>:"|?*\x00-\x1f]', "_", base).strip(" .")
    return base[:150] or "tai-lieu"


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
