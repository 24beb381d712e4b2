"""Evidence files, stored once each under their SHA-256 inside the data folder.

A file is copied to a temporary name, fsynced and renamed before the row that refers to
it commits, so a power cut never leaves a row pointing at half a file.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .durable import fsync_dir
from .errors import EvidenceFileAlteredError, NotFoundError

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    """A file in the evidence store: its SHA-256 (its name there), size and the user's own file name."""
    sha256: str
    size: int
    name: str  # the original file name, kept as data


FILE_OK, FILE_MISSING, FILE_ALTERED = "ok", "missing", "altered"


class EvidenceStore:
    def __init__(self, root: Path):
        self.root = root
        self._verified: dict[str, tuple[int, int]] = {}  # sha256 -> (size, mtime) when it last hashed right

    def path_for(self, sha256: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise ValueError("not a sha256")
        return self.root / sha256[:2] / sha256

    def add(self, source: Path) -> StoredFile:
        """Copy `source` into the store (once per content); return its digest and size."""
        if not source.is_file():
            raise NotFoundError(f"Không tìm thấy tệp tài liệu kiểm chứng “{source}”.")
        self.root.mkdir(parents=True, exist_ok=True)
        import hashlib  # issue 17: OpenSSL loads with it, not at start

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
            if self.keep(digest.hexdigest()):
                os.unlink(temp_name)
            else:  # new, or the stored copy was altered: the fresh copy repairs it
                if not final.parent.exists():
                    final.parent.mkdir(parents=True)
                    fsync_dir(self.root)
                os.replace(temp_name, final)
                fsync_dir(final.parent)
        except BaseException:
            if os.path.exists(temp_name):
                os.unlink(temp_name)
            raise
        return StoredFile(digest.hexdigest(), size, source.name)

    def keep(self, sha256: str) -> bool:
        """True when the stored file is whole; its date is refreshed so that the unused-file
        cleanup leaves it alone while a new reference to it is being written."""
        if self.verify(sha256) != FILE_OK:
            return False
        path = self.path_for(sha256)
        os.utime(path)
        stat = path.stat()  # the new date is ours: the file stays known as whole, not hashed again
        self._verified[sha256] = (stat.st_size, stat.st_mtime_ns)
        return True

    def adopt(self, source: Path, sha256: str) -> None:
        """Move a file already verified to have this digest (and fsynced) into the store,
        replacing a missing or altered copy: a rename instead of a second copy.

        For evidence unpacked into the data folder's own temporary folder; the caller calls
        sync_folders() once for all the files it adopted.
        """
        final = self.path_for(sha256)
        if not final.parent.is_dir():  # issue 17: a stat; a mkdir waits on the folder's lock (1,000 of them: 0.4 s)
            final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, final)
        stat = final.stat()  # just verified by the caller: not hashed again by the next verify() (issue 17)
        self._verified[sha256] = (stat.st_size, stat.st_mtime_ns)

    def sync_folders(self, sha256s) -> None:
        """Make adopted files durable: one fsync per store folder touched, and the store's
        own folder for the folders just created."""
        folders = sorted({self.path_for(sha).parent for sha in sha256s})
        if len(folders) > 1:  # issue 17: a few threads, so that the journal takes them together
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(max_workers=8) as pool:
                list(pool.map(fsync_dir, folders))
        else:
            for folder in folders:
                fsync_dir(folder)
        if folders:
            fsync_dir(self.root)

    def quick_status(self, sha256: str, size: int | None) -> str:
        """FILE_MISSING, FILE_ALTERED when its size is not the recorded one, else FILE_OK."""
        try:
            actual = self.path_for(sha256).stat().st_size
        except FileNotFoundError:
            return FILE_MISSING
        return FILE_ALTERED if size is not None and actual != size else FILE_OK

    def verify(self, sha256: str) -> str:
        """FILE_OK when the stored file still hashes to `sha256`, else FILE_MISSING or FILE_ALTERED."""
        path = self.path_for(sha256)
        try:
            stat = path.stat()
        except FileNotFoundError:
            return FILE_MISSING
        seen = (stat.st_size, stat.st_mtime_ns)
        if self._verified.get(sha256) == seen:
            return FILE_OK
        if file_sha256(path) != sha256:
            self._verified.pop(sha256, None)
            return FILE_ALTERED
        self._verified[sha256] = seen
        return FILE_OK

    def remove_unused(self, in_use: set[str], *, older_than: float) -> list[str]:
        """Delete stored files whose digest is not in `in_use` and that were not written or
        re-added in the last `older_than` seconds; also leftovers of interrupted copies."""
        cutoff = time.time() - older_than
        removed = []
        for path in self._stored_files():
            if path.stat().st_mtime >= cutoff:
                continue
            if path.name.startswith(".incoming-") or path.name not in in_use:
                path.unlink(missing_ok=True)
                removed.append(path.name)
        return removed

    def _stored_files(self) -> Iterable[Path]:
        if not self.root.is_dir():
            return []
        return [path for path in self.root.glob("*") if path.is_file() and path.name.startswith(".incoming-")] + [
            path for path in self.root.glob("??/*") if re.fullmatch(r"[0-9a-f]{64}", path.name)]

    def open_copy(self, sha256: str, original_name: str, work_dir: Path) -> Path:
        """A copy under its original name (so the right program opens it)."""
        source = self.path_for(sha256)
        state = self.verify(sha256)
        if state == FILE_MISSING:
            raise NotFoundError(f"Tệp “{original_name}” không còn trong kho tài liệu (đã bị xóa hoặc hỏng).")
        if state == FILE_ALTERED:
            raise EvidenceFileAlteredError(
                f"Tệp “{original_name}” đã bị thay đổi sau khi đính kèm (mã kiểm tra SHA-256 không còn khớp), "
                "nên không còn là tài liệu gốc. Hãy đính kèm lại tệp gốc.")
        work_dir.mkdir(parents=True, exist_ok=True)
        target_dir = Path(tempfile.mkdtemp(prefix="mo-", dir=work_dir))
        target = target_dir / safe_file_name(original_name)
        shutil.copyfile(source, target)
        return target


def file_sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def safe_file_name(name: str) -> str:
    """A file name with no path parts and no characters Windows refuses; no bidi controls,
    no device names, long names shortened in the stem (issue 15: evidence_open)."""
    from .evidence_open import safe_name

    return safe_name(name)

