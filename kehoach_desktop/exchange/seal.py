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


class HashThread:
    """Hashes fed from a thread of their own: hashlib lets go of the interpreter lock on large
    buffers, so a second hash of the same bytes (the seal beside the evidence's own SHA-256,
    or beside the reads and writes) runs alongside them instead of after (issue 17).
    The bytes given must not change afterwards (bytes, or a view of bytes)."""

    def __init__(self) -> None:
        import queue
        import threading

        self._queue: queue.Queue = queue.Queue(maxsize=16)  # at most 16 chunks waiting
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kehoach-hash", daemon=True)
        self._thread.start()

    def update(self, hasher, data) -> None:
        """`hasher.update(data)`, on the thread."""
        if not self._thread.is_alive():
            raise RuntimeError("hash thread already closed")  # never a put that waits for good
        self._queue.put((hasher, data if isinstance(data, (bytes, memoryview)) else bytes(data)))

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is None:  # after a failure the queue is still drained: update() never blocks for good
                try:
                    item[0].update(item[1])
                except BaseException as error:  # noqa: BLE001 - raised again by close()
                    self._error = error

    def close(self) -> None:
        """Every chunk given hashed; the thread ended."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self._error is not None:
            raise self._error


class _Batched:
    """One hasher fed through a HashThread, small pieces (zip headers, data descriptors: tens of
    bytes each, thousands of them) gathered first, so that each costs no trip to the thread.
    The order of the bytes is kept."""

    SMALL = 64 * 1024

    def __init__(self, thread: HashThread, hasher) -> None:
        self.thread, self.hasher = thread, hasher
        self._pending = bytearray()

    def update(self, data) -> None:
        if len(data) < self.SMALL:
            self._pending += data
            if len(self._pending) < self.SMALL:
                return
            data, self._pending = bytes(self._pending), bytearray()
        else:
            self.flush()
        self.thread.update(self.hasher, data)

    def flush(self) -> None:
        if self._pending:
            self.thread.update(self.hasher, bytes(self._pending))
            self._pending = bytearray()


class SealingWriter:
    """The file object a package is written through: it hashes as it goes and, having no
    seek(), makes zipfile write sequentially (sizes in data descriptors), so one pass does."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.hasher = TailHasher()
        self.thread = HashThread()
        self._feed = _Batched(self.thread, self.hasher)
        self.offset = 0

    def write(self, data) -> int:
        self.out.write(data)
        self._feed.update(data)
        self.offset += len(data)
        return len(data)

    def close(self) -> None:
        """Everything written hashed, and the hashing thread stopped (seal() then uses the digest)."""
        self._feed.flush()
        self.thread.close()

    def tell(self) -> int:
        return self.offset

    def flush(self) -> None:
        self.out.flush()

    def seal(self) -> None:
        """Replace the comment's placeholder digits (the file's last bytes) by the digest."""
        self.close()
        digest, tail = self.hasher.result()
        if tail != PLACEHOLDER[-DIGEST_LENGTH:]:
            raise RuntimeError("the zip must end with the seal placeholder as its comment")
        self.out.seek(-DIGEST_LENGTH, os.SEEK_END)
        self.out.write(digest.encode("ascii"))


class SealedReader:
    """The package file as zipfile reads it, hashed for the seal in file order as its bytes go by.

    Once start() is called, every byte read at the frontier is fed to the seal's hasher; a
    byte further on first brings the frontier there (a data descriptor between members, or a
    member read out of order: read and hashed once); bytes behind it are not hashed again.
    Members read in the order they lie in the file are thus read once, and the seal is the
    hash of the very bytes that were unpacked and checked (issue 17: no copy of the file first,
    no second read). finish() hashes the rest, the central directory.
    A read error is the package's (or the stick's) fault and is refused as such. The bytes read
    are told to `progress` by report() (and finish()), never from inside zipfile's reads: a
    cancel raised by the callback must not pass for a damaged member."""

    def __init__(self, handle: BinaryIO, display_name: str, progress=None):
        self.handle, self.name, self.progress = handle, display_name, progress
        self.hasher = TailHasher()
        self.thread: HashThread | None = None
        self.frontier = 0
        self.unreported = 0
        self.position = handle.tell()  # kept here: a tell() is a system call, and zipfile asks before every read
        self.active = False

    def start(self) -> None:
        advise = getattr(os, "posix_fadvise", None)
        if advise is not None:  # read ahead further: the file is read from start to end
            try:
                advise(self.handle.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)
            except (OSError, ValueError, AttributeError):
                pass
        self.thread = HashThread()
        self._batched = _Batched(self.thread, self.hasher)
        self.active = True

    def close(self) -> None:
        if self.thread is not None:
            self._batched.flush()
            self.thread.close()

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET and offset == self.position:
            return offset
        self.position = self.handle.seek(offset, whence)
        return self.position

    def tell(self) -> int:
        return self.position

    def read(self, size: int = -1) -> bytes:
        start = self.position
        if self.active and start > self.frontier:
            self._advance(start)
        data = self._read(size)
        self.position = start + len(data)
        if self.active and self.position > self.frontier:
            self._feed(memoryview(data)[self.frontier - start:])
        return data

    def finish(self) -> tuple[str, bytes]:
        """Hash whatever is left up to the end of the file; the digest and the last 64 bytes."""
        self._advance(None, reporting=True)
        self.active = False
        self._batched.flush()
        self.thread.close()
        return self.hasher.result()

    def report(self) -> None:
        """Tell `progress` the bytes read since the last report."""
        if self.progress is not None and self.unreported:
            done, self.unreported = self.unreported, 0
            self.progress(done)

    def _advance(self, target: int | None, reporting: bool = False) -> None:
        self.handle.seek(self.frontier)
        while target is None or self.frontier < target:
            chunk = self._read(CHUNK if target is None else min(CHUNK, target - self.frontier))
            if not chunk:
                break
            self._feed(chunk)
            if reporting:
                self.report()
        self.position = self.handle.seek(target if target is not None else self.frontier)

    def _feed(self, data) -> None:
        self._batched.update(data)
        self.frontier += len(data)
        self.unreported += len(data)

    def _read(self, size: int) -> bytes:
        try:
            return self.handle.read(size)
        except OSError as error:
            raise refuse(self.name, f"không đọc được tệp ({error.strerror or error}); USB có thể đã bị rút") from None


def check_seal(display_name: str, comment: bytes, digest: str, tail: bytes) -> None:
    if not (comment.startswith(PREFIX) and len(comment) == len(PLACEHOLDER)) or comment[len(PREFIX):] != tail:
        raise refuse(display_name, "thiếu mã kiểm tra toàn tệp — không phải gói do chương trình tạo ra, "
                                   "hoặc gói bị hỏng")
    if tail != digest.encode("ascii"):
        raise refuse(display_name, "tệp đã bị thay đổi hoặc hỏng (mã kiểm tra toàn tệp không khớp); "
                                   "hãy chép lại tệp từ máy gửi")
