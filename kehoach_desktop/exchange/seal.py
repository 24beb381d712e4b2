"""A whole-file checksum in the zip comment, so that any changed or missing byte is noticed.

The archive comment of a package is "kehoach-sha256:" and the SHA-256 (hex) of every byte
of the file before those 64 digits. The members' own checksums catch changed content;
the seal also catches what they cannot: a changed header field or timestamp, a flipped
bit of a deflate stream that leaves the output unchanged, a file cut short. It is a
checksum, not a signature: it tells a damaged file from a good one, not who made it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from .safe_zip import CHUNK, refuse

PREFIX = b"kehoach-sha256:"
DIGEST_LENGTH = 64
PLACEHOLDER = PREFIX + b"0" * DIGEST_LENGTH


class TailHasher:
    """SHA-256 of everything fed except the last 64 bytes, which are kept apart."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()
        self._tail = b""

    def update(self, chunk: bytes) -> None:
        if len(chunk) >= DIGEST_LENGTH:
            view = memoryview(chunk)  # no copy of a megabyte chunk to cut 64 bytes off
            self._digest.update(self._tail)
            self._digest.update(view[:-DIGEST_LENGTH])
            self._tail = bytes(view[-DIGEST_LENGTH:])
            return
        data = self._tail + bytes(chunk)
        self._digest.update(data[:-DIGEST_LENGTH])
        self._tail = data[-DIGEST_LENGTH:]

    def result(self) -> tuple[str, bytes]:
        return self._digest.hexdigest(), self._tail


class SealingWriter:
    """The file object a package is written through: it hashes as it goes and, having no
    seek(), makes zipfile write sequentially (sizes in data descriptors), so one pass does."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.hasher = TailHasher()
        self.offset = 0

    def write(self, data) -> int:
        self.out.write(data)
        self.hasher.update(data)
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def flush(self) -> None:
        self.out.flush()

    def seal(self) -> None:
        """Replace the comment's placeholder digits (the file's last bytes) by the digest."""
        digest, tail = self.hasher.result()
        if tail != PLACEHOLDER[-DIGEST_LENGTH:]:
            raise RuntimeError("the zip must end with the seal placeholder as its comment")
        self.out.seek(-DIGEST_LENGTH, os.SEEK_END)
        self.out.write(digest.encode("ascii"))


def digest_of(path: Path, progress=None) -> tuple[str, bytes]:
    hasher = TailHasher()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            hasher.update(chunk)
            if progress is not None:
                progress(len(chunk))
    return hasher.result()


def check_seal(display_name: str, comment: bytes, digest: str, tail: bytes) -> None:
    if not (comment.startswith(PREFIX) and len(comment) == len(PLACEHOLDER)) or comment[len(PREFIX):] != tail:
        raise refuse(display_name, "thiếu mã kiểm tra toàn tệp — không phải gói do chương trình tạo ra, "
                                   "hoặc gói bị hỏng")
    if tail != digest.encode("ascii"):
        raise refuse(display_name, "tệp đã bị thay đổi hoặc hỏng (mã kiểm tra toàn tệp không khớp); "
                                   "hãy chép lại tệp từ máy gửi")
