"""The seal in the zip comment, so that any changed or missing byte is noticed.

Version 1 (packages of format version 1): the archive comment is "kehoach-sha256:" and the
SHA-256 (hex) of every byte of the file before those 64 digits. The members' own checksums
catch changed content; the seal also catches what they cannot: a changed header field or
timestamp, a flipped bit of a deflate stream that leaves the output unchanged, a file cut
short. It is a checksum, not a signature: it tells a damaged file from a good one, not who
made it.

Version 2 (format version 2, issue 17): the comment is "kehoach-seal2:" and the SHA-256 of
every byte of the file before those 64 digits EXCEPT the stored bytes of the evidence members
(`evidence/<sha256>`). Why that is enough, and why it is cheaper:
- each evidence member is checked on its own: its name is its SHA-256, the manifest declares
  that SHA-256 and its size, and the reader compares the bytes it unpacks with both; so the seal
  need not hash them a second time (version 1 hashed each evidence byte twice on import, and
  twice more on export: while writing and while verifying);
- everything else is sealed byte for byte: every local header and data descriptor (names,
  sizes, CRCs, times, flags), manifest.json, plan.json and data.json as stored (a flipped bit of their
  deflate streams included), the central directory (names, sizes, order, offsets) and the end
  records; the excluded spans are where the sealed central directory and the sealed local
  headers say the evidence data lies, so moving or resizing one breaks the seal too;
- a cut file loses its end records or the seal itself; a changed evidence byte fails that
  member's SHA-256 whenever the member is used;
- an evidence file the receiver already holds (verified in its own store) need not be read at
  all: a second import of a package reads its headers, JSON and directory only. Where the whole
  package must be shown intact (a package received before, `KnownPackage`), the reader checks
  every evidence member's SHA-256 as well.
The export's read-back compares the bytes on the device with what was written: the seal's hash
for everything but the evidence data, the zip's own CRC-32 (computed while writing) for that data.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from ..errors import KehoachError
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


class InlineHash:
    """HashThread's interface, hashing at once on the caller's thread: for little data (each of a
    consolidator's 1,000 small packages) starting a thread costs more than the hashing it moves."""

    def update(self, hasher, data) -> None:
        hasher.update(data)

    def close(self) -> None:
        pass


THREAD_FROM = 4 * 1024 * 1024  # bytes to hash: from this on, a thread of its own pays


def hash_worker(size: int | None) -> "HashThread | InlineHash":
    """A HashThread for `size` bytes or more to hash (None: not known), else InlineHash."""
    return InlineHash() if size is not None and size < THREAD_FROM else HashThread()


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
    """The file object a package is written through: it hashes for the version 2 seal as it goes
    (bytes written between begin_data() and end_data(), an evidence member's data, are written but
    not hashed; end_data() gives their span) and, having no seek(), makes zipfile write
    sequentially (sizes in data descriptors), so one pass does."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.hasher = TailHasher()
        self.thread = HashThread()
        self._feed = _Batched(self.thread, self.hasher)
        self.offset = 0
        self._data_start: int | None = None

    def write(self, data) -> int:
        self.out.write(data)
        if self._data_start is None:
            self._feed.update(data)
        self.offset += len(data)
        return len(data)

    def begin_data(self) -> None:
        self._data_start = self.offset

    def end_data(self) -> tuple[int, int]:
        span, self._data_start = (self._data_start, self.offset), None
        return span

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
        if tail != PLACEHOLDER_V2[-DIGEST_LENGTH:]:
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
    For a version 2 seal, the spans given to exclude() (the evidence members' data, sorted, apart)
    are never hashed, and a span not read by zipfile is skipped, not read: an evidence file the
    receiver holds already costs no read of its bytes. Without spans, every byte (version 1).
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
        self._spans: list[tuple[int, int]] = []  # a version 2 seal's spans left out (exclude()); none for version 1
        self._next = 0  # the first span not yet wholly behind the frontier

    def start(self) -> None:
        advise = getattr(os, "posix_fadvise", None)
        if advise is not None:  # read ahead further: the file is read from start to end
            try:
                advise(self.handle.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)
            except (OSError, ValueError, AttributeError):
                pass
        self.thread = hash_worker(_file_size(self.handle))
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

    def exclude(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)

    def _feed(self, data) -> None:
        start = self.frontier
        end = start + len(data)
        view = memoryview(data)
        position = start
        while self._next < len(self._spans):
            low, high = self._spans[self._next]
            if low >= end:
                break
            if low > position:
                self._batched.update(view[position - start:low - start])
            position = max(position, min(high, end))
            if high > end:
                break
            self._next += 1
        if position < end:
            self._batched.update(view[position - start:])
        self.frontier = end
        self.unreported += len(data)

    def _advance(self, target: int | None, reporting: bool = False) -> None:
        self.handle.seek(self.frontier)
        while target is None or self.frontier < target:
            span = self._span_ahead()
            if span is not None and span[0] <= self.frontier:  # inside evidence data: skipped, not read
                skip_to = span[1] if target is None else min(span[1], target)
                self.unreported += skip_to - self.frontier
                self.frontier = skip_to
                self.handle.seek(skip_to)
                continue
            size = CHUNK if target is None else min(CHUNK, target - self.frontier)
            if span is not None:
                size = min(size, span[0] - self.frontier)
            chunk = self._read(size)
            if not chunk:
                break
            self._feed(chunk)
            if reporting:
                self.report()
        self.position = self.handle.seek(target if target is not None else self.frontier)

    def _span_ahead(self) -> tuple[int, int] | None:
        """The first span that does not lie wholly behind the frontier."""
        while self._next < len(self._spans) and self._spans[self._next][1] <= self.frontier:
            self._next += 1
        return self._spans[self._next] if self._next < len(self._spans) else None

    def _read(self, size: int) -> bytes:
        try:
            return self.handle.read(size)
        except OSError as error:
            raise refuse(self.name, f"không đọc được tệp ({error.strerror or error}); USB có thể đã bị rút") from None


def _file_size(handle) -> int | None:
    try:
        return os.fstat(handle.fileno()).st_size
    except (AttributeError, OSError, ValueError):  # not a file of the system (a test's bytes)
        return None


def check_seal(display_name: str, comment: bytes, digest: str, tail: bytes, prefix: bytes = PREFIX) -> None:
    """`prefix`: PREFIX (version 1, the whole file) or PREFIX_V2 (all but the evidence data)."""
    if not (comment.startswith(prefix) and len(comment) == len(prefix) + DIGEST_LENGTH) or comment[len(prefix):] != tail:
        raise refuse(display_name, "thiếu mã kiểm tra toàn tệp — không phải gói do chương trình tạo ra, "
                                   "hoặc gói bị hỏng")
    if tail != digest.encode("ascii"):
        raise refuse(display_name, "tệp đã bị thay đổi hoặc hỏng (mã kiểm tra toàn tệp không khớp); "
                                   "hãy chép lại tệp từ máy gửi")


# --- version 2: every byte but the evidence data (issue 17) -------------------------------------

PREFIX_V2 = b"kehoach-seal2:"
PLACEHOLDER_V2 = PREFIX_V2 + b"0" * DIGEST_LENGTH


def seal_version(comment: bytes) -> int:
    """2 for a version 2 seal, else 1 (the version 1 reader refuses a comment that is neither)."""
    return 2 if comment.startswith(PREFIX_V2) else 1


_PAGE = 64 * 1024  # a multiple of any page size the program runs on


class ReadBack:
    """Verifies a version 2 package as read back from the device, from its first byte on, in as
    many steps as suit the writer: `check(path, upto)` as soon as the bytes up to `upto` are
    fsynced (the writer's SyncBehind calls it on its thread while the copy goes on), `finish()`
    once the whole file is fsynced and renamed. Each byte is read back once, its cached page
    dropped first: every byte but the evidence data is compared with the seal's digest taken while
    writing, each evidence member's data with the CRC-32 zipfile computed while writing. CRC-32
    catches any wrongly written byte (any error burst up to 32 bits always, any other all but
    once in 4·10⁹) at a fraction of a second SHA-256's cost.

    `data_crcs` (start, end, CRC of each evidence member's data, in file order) is the writer's
    list, appended as members are written: every span starting before `upto` is in it by then."""

    STEP = 4 * 1024**2

    def __init__(self, data_crcs: list[tuple[int, int, int]]):
        self.data_crcs = data_crcs
        self.cursor = 0  # bytes before it read back and checked
        self._sealed = TailHasher()  # the bytes the seal covers, in order
        self._span = 0  # the evidence span being checked, or next
        self._crc = 0

    def check(self, path: Path, upto: int) -> None:
        """The bytes before `upto` (fsynced) read back, up to a page boundary: the page the writer
        is still filling could not be dropped, and is read back by the next step instead."""
        self._check(path, upto - upto % _PAGE)

    def _check(self, path: Path, upto: int) -> None:
        if upto <= self.cursor:
            return
        start = self.cursor
        with open(path, "rb", buffering=0) as handle:
            advise = getattr(os, "posix_fadvise", None)
            if advise is not None:  # the device, not the page cache; read ahead as far as it goes
                advise(handle.fileno(), start, upto - start, os.POSIX_FADV_DONTNEED)
                advise(handle.fileno(), start, upto - start, os.POSIX_FADV_SEQUENTIAL)
            handle.seek(start)
            while self.cursor < upto:
                piece = handle.read(min(self.STEP, upto - self.cursor))
                if not piece:
                    raise ReadBackError(f"tệp ngắn hơn đã ghi (hết ở byte {self.cursor})")
                self._take(piece)
            if advise is not None:  # checked: its pages need not stay in memory (nor be dropped later)
                advise(handle.fileno(), start, upto - start, os.POSIX_FADV_DONTNEED)

    def finish(self, path: Path, size: int, digest: str) -> None:
        actual = os.stat(path).st_size
        if actual != size:
            raise ReadBackError(f"kích thước {actual} byte thay vì {size}")
        self._check(path, size)
        if self._span != len(self.data_crcs):
            raise ReadBackError("thiếu dữ liệu của tệp tài liệu")
        found, tail = self._sealed.result()
        if found != digest or tail != digest.encode("ascii"):
            raise ReadBackError("mã kiểm tra của gói không khớp với nội dung đã ghi")

    def _take(self, piece: bytes) -> None:
        import zlib

        view, base = memoryview(piece), self.cursor
        position, end = base, base + len(piece)
        while position < end:
            span = self.data_crcs[self._span] if self._span < len(self.data_crcs) else None
            if span is None or position < span[0]:  # sealed bytes
                stop = end if span is None else min(end, span[0])
                self._sealed.update(view[position - base:stop - base])
            else:  # an evidence member's data
                stop = min(end, span[1])
                self._crc = zlib.crc32(view[position - base:stop - base], self._crc)
                if stop == span[1]:
                    if self._crc != span[2]:
                        raise ReadBackError(f"dữ liệu từ byte {span[0]} không khớp mã CRC-32 đã ghi")
                    self._span, self._crc = self._span + 1, 0
            position = stop
        self.cursor = end


class ReadBackError(KehoachError):
    """The file read back is not what was written (writer.write_atomically reports it)."""
