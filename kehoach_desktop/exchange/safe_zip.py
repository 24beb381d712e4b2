"""Reading a zip that came on a USB stick from an unknown PC, trusting nothing in it.

Before any member is read, the central directory is checked: entry count, member names
(no absolute paths, drive letters, "..", symlinks, duplicates, or names that collide when
case and Unicode normalisation are ignored), declared sizes and compression ratios, and
that no two entries share bytes (the overlapping-entries zip bomb). Members are then read
through a bounded stream that stops at the declared size and at the limit, whatever the
compressed data says. Every refusal names the file and the reason, in Vietnamese.
"""

from __future__ import annotations

import copy
import hashlib
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from ..errors import ImportRefusedError

from ..limits import MAX_ENTRIES, MAX_MEMBER_BYTES, MAX_TOTAL_BYTES  # shared with entry (issue 15)
MAX_RATIO = 200  # unpacked / packed, per member and overall; beyond this it is a zip bomb
RATIO_FLOOR_BYTES = 1024**2  # below this size a high ratio is harmless (a short repetitive JSON)
CHUNK = 1024 * 1024

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

Progress = Callable[[int], None]  # bytes just read


def refuse(display_name: str, reason: str) -> ImportRefusedError:
    return ImportRefusedError(f"Không nhập được tệp “{display_name}”: {reason}.")


def format_size(size: int) -> str:
    """"850 KB", "12,3 MB", "1,2 GB" with a decimal comma."""
    if size < 1024**2:
        return f"{max(1, round(size / 1024))} KB" if size else "0 KB"
    if size < 1024**3:
        return f"{size / 1024**2:.1f}".replace(".", ",") + " MB"
    return f"{size / 1024**3:.1f}".replace(".", ",") + " GB"


_mb = format_size


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class SafeZip:
    """A zip whose directory passed every check; members are read bounded and verified."""

    def __init__(self, path: Path, display_name: str, allowed_name: re.Pattern, source: BinaryIO | None = None):
        """`source`: the file as it is to be read (seal.SealedReader hashes it on the way), else `path`."""
        self.path = Path(path)
        self.name = display_name
        self._zip = _open_zip(source if source is not None else self.path, display_name)
        try:
            infos = self._zip.infolist()
            check_directory(infos, display_name, self.path.stat().st_size)
            self._data_starts = check_no_overlap(self.path, infos, self._zip.start_dir, display_name)
            for info in infos:
                if not allowed_name.fullmatch(info.filename):
                    raise refuse(display_name, f"có thành phần lạ “{info.filename}” không thuộc một gói của chương trình")
            self.infos = {info.filename: info for info in infos}
        except BaseException:
            self._zip.close()
            raise

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "SafeZip":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def comment(self) -> bytes:
        return self._zip.comment

    def names(self) -> set[str]:
        return set(self.infos)

    def size(self, name: str) -> int:
        return self.infos[name].file_size

    def in_file_order(self, names) -> list[str]:
        """The members named, in the order they lie in the file: read so, the file is read once."""
        return sorted(names, key=lambda name: self.infos[name].header_offset)

    def data_spans(self, names) -> list[tuple[int, int]]:
        """(start, end) in the file of the named members' stored data, as their local headers and
        the directory place it (the version 2 seal leaves the evidence's data out, issue 17)."""
        return sorted((self._data_starts[name], self._data_starts[name] + self.infos[name].compress_size)
                      for name in names)

    def read_small(self, name: str, limit: int) -> bytes:
        """A whole member in memory, for the JSON parts; refused above `limit` bytes."""
        info = self.infos.get(name)
        if info is None:
            raise refuse(self.name, f"thiếu thành phần “{name}” — đây không phải là gói của chương trình hoặc gói bị hỏng")
        if info.file_size > limit:
            raise refuse(self.name, f"thành phần “{name}” quá lớn ({_mb(info.file_size)}; tối đa {_mb(limit)})")
        parts: list[bytes] = []
        self.copy(name, _Collect(parts), limit=limit)
        return b"".join(parts)

    def copy(self, name: str, out: BinaryIO | None, *, limit: int = MAX_MEMBER_BYTES,
             progress: Progress | None = None, crc: bool = True,
             feed: Callable[[bytes], None] | None = None) -> tuple[int, str]:
        """Stream one member into `out` (or nowhere); return its actual size and SHA-256.
        `feed`: each chunk is given to it instead of hashed here (the SHA-256 returned is then
        empty): the caller hashes on a thread of its own while this one reads and writes.

        The stream stops at the declared size and at `limit`: a member that inflates to
        more than it declared is refused without writing the excess. `crc=False` when the
        caller checks the SHA-256 returned against a known one: the zip's CRC-32 of the same
        bytes then adds nothing and costs a pass over them.
        """
        info = self.infos[name]
        bound = min(info.file_size, limit)
        digest = hashlib.sha256()
        size = 0
        if not crc:
            info = copy.copy(info)
            info.CRC = None  # zipfile checks no CRC it has no value for
        for chunk in self._chunks(info):
            size += len(chunk)
            if size > bound:
                raise refuse(self.name, f"thành phần “{name}” giải nén ra nhiều hơn kích thước đã khai báo")
            if feed is None:
                digest.update(chunk)
            else:
                feed(chunk)
            if out is not None:
                out.write(chunk)
            if progress:
                progress(len(chunk))
        if size != info.file_size:
            raise refuse(self.name, f"thành phần “{name}” bị cắt cụt (đọc được {_count(size)} trên "
                                    f"{_count(info.file_size)} byte)")
        return size, digest.hexdigest() if feed is None else ""

    def _chunks(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The member's bytes; any decoding failure (bad CRC, zlib, cut data) is a refusal."""
        try:
            stream = self._zip.open(info)
        except ImportRefusedError:  # the stick's read error, said as such
            raise
        except Exception as error:  # BadZipFile (names differ, bad header), NotImplementedError…
            raise refuse(self.name, f"thành phần “{info.filename}” bị hỏng ({_reason(error)})") from None
        with stream:
            while True:
                try:
                    chunk = stream.read(CHUNK)
                except ImportRefusedError:
                    raise
                except Exception as error:  # BadZipFile (CRC), zlib.error, EOFError, OSError
                    raise refuse(self.name, f"thành phần “{info.filename}” bị hỏng, không giải nén được "
                                            f"({_reason(error)})") from None
                if not chunk:
                    return
                yield chunk


class _Collect:
    def __init__(self, parts: list[bytes]):
        self.parts = parts

    def write(self, chunk: bytes) -> None:
        self.parts.append(chunk)


def _reason(error: BaseException) -> str:
    """A decoder failure in words: zipfile and zlib speak English."""
    text = str(error)
    if "CRC" in text:
        return "sai mã kiểm tra CRC-32"
    if isinstance(error, EOFError) or "truncated" in text.lower() or "incomplete" in text.lower():
        return "dữ liệu bị cắt cụt"
    if "differ" in text:
        return "tên ở mục lục và ở phần đầu thành phần khác nhau"
    if type(error).__name__ == "error":  # zlib.error
        return "dữ liệu nén bị hỏng"
    return f"lỗi {type(error).__name__}"


def _open_zip(path: Path | BinaryIO, display_name: str) -> zipfile.ZipFile:
    if isinstance(path, Path):
        with open(path, "rb") as handle:
            head = handle.read(4)
    else:
        path.seek(0)
        head = path.read(4)
        path.seek(0)
    if head not in (b"PK\x03\x04", b"PK\x05\x06"):
        raise refuse(display_name, "tệp không phải là gói của chương trình (không phải dạng nén zip)")
    try:
        return zipfile.ZipFile(path)
    except ImportRefusedError:
        raise
    except Exception:  # BadZipFile, struct.error, ValueError, UnicodeDecodeError… on a damaged directory
        raise refuse(display_name, "tệp bị hỏng hoặc bị cắt cụt (có thể do rút USB khi đang chép); "
                                   "hãy chép lại tệp từ máy gửi") from None


def check_directory(infos: list[zipfile.ZipInfo], display_name: str, archive_size: int) -> None:
    """Entry count, names, flags and sizes as the central directory declares them."""
    if len(infos) > MAX_ENTRIES:
        raise refuse(display_name, f"có quá nhiều thành phần ({_count(len(infos))}; tối đa {_count(MAX_ENTRIES)})")
    seen: dict[str, str] = {}
    exact: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        _check_name(name, info, display_name)
        if name in exact:
            raise refuse(display_name, f"thành phần “{name}” xuất hiện hai lần")
        exact.add(name)
        folded = unicodedata.normalize("NFC", name).casefold()
        if folded in seen:
            raise refuse(display_name, f"hai thành phần “{seen[folded]}” và “{name}” trùng tên khi không phân biệt "
                                       "chữ hoa, chữ thường hoặc cách gõ dấu")
        seen[folded] = name
        if info.flag_bits & 0x1:
            raise refuse(display_name, f"thành phần “{name}” bị mã hóa (đặt mật khẩu)")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(display_name, f"thành phần “{name}” dùng kiểu nén không hỗ trợ (mã {info.compress_type})")
        if info.file_size > MAX_MEMBER_BYTES:
            raise refuse(display_name, f"thành phần “{name}” quá lớn khi giải nén ({_mb(info.file_size)})")
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise refuse(display_name, f"thành phần “{name}” có tỷ lệ nén bất thường ({_count(ratio)} lần) — "
                                       "dấu hiệu của tệp “bom nén”")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise refuse(display_name, f"khi giải nén quá lớn ({_mb(total)}; tối đa {_mb(MAX_TOTAL_BYTES)})")
    if total > RATIO_FLOOR_BYTES and total > MAX_RATIO * max(archive_size, 1):
        raise refuse(display_name, f"khi giải nén lớn gấp {_count(total // max(archive_size, 1))} lần tệp nén — "
                                   "dấu hiệu của tệp “bom nén”")


def _check_name(name: str, info: zipfile.ZipInfo, display_name: str) -> None:
    if not name or _CONTROL.search(name):
        raise refuse(display_name, f"có thành phần mang tên không hợp lệ ({name!r})")
    if name.startswith(("/", "\\")):
        raise refuse(display_name, f"thành phần “{name}” có đường dẫn tuyệt đối")
    if _DRIVE.match(name):
        raise refuse(display_name, f"thành phần “{name}” chỉ tới một ổ đĩa")
    if ".." in re.split(r"[\\/]", name):
        raise refuse(display_name, f"thành phần “{name}” có “..” (trỏ ra ngoài thư mục)")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise refuse(display_name, f"thành phần “{name}” là một liên kết (symlink)")
    if info.is_dir() or name.endswith(("/", "\\")):
        raise refuse(display_name, f"có thư mục “{name}” không thuộc một gói của chương trình")


def check_no_overlap(path: Path, infos: list[zipfile.ZipInfo], directory_start: int,
                     display_name: str) -> dict[str, int]:
    """Each member's local header and data lie before the next one's and before the directory;
    returns where each member's data starts (after its local header).

    A zip bomb of the "overlapping files" kind (David Fifield, 2019) points many directory
    entries at the same compressed bytes; a valid package never shares bytes between members.
    """
    end_of_previous = 0
    data_starts = {}
    with open(path, "rb") as handle:
        for info in sorted(infos, key=lambda item: item.header_offset):
            if info.header_offset < end_of_previous:
                raise refuse(display_name, "các thành phần chồng lên nhau (dùng chung dữ liệu) — "
                                           "dấu hiệu của tệp “bom nén”")
            handle.seek(info.header_offset)
            header = handle.read(_LOCAL_HEADER.size)
            if len(header) < _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
                raise refuse(display_name, f"thành phần “{info.filename}” bị hỏng (sai phần đầu)")
            fields = _LOCAL_HEADER.unpack(header)
            name_length, extra_length = fields[-2], fields[-1]
            data_starts[info.filename] = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
            end_of_previous = data_starts[info.filename] + info.compress_size
            if info.flag_bits & 0x8:  # a data descriptor follows the data: at least 12 bytes
                end_of_previous += 12
    if end_of_previous > directory_start:
        raise refuse(display_name, "các thành phần chồng lên mục lục của tệp nén — dấu hiệu của tệp “bom nén” "
                                   "hoặc tệp hỏng")
    return data_starts


def peek_first_member(path: Path, name: str, limit: int, head_bytes: int) -> bytes:
    """The data of `name` when it is the file's first member and deflated (as the program writes
    its manifest), read from the file's first `head_bytes` (more only for a long member, up to
    `limit` bytes) without the zip's directory: a hint, nothing checked. Anything else raises."""
    with open(path, "rb") as handle:
        head = handle.read(head_bytes)
        fields = _LOCAL_HEADER.unpack_from(head)
        signature, method, (name_length, extra_length) = fields[0], fields[4], fields[-2:]
        start = _LOCAL_HEADER.size + name_length + extra_length
        if signature != _LOCAL_SIGNATURE or method != zipfile.ZIP_DEFLATED \
                or head[_LOCAL_HEADER.size:_LOCAL_HEADER.size + name_length] != name.encode():
            raise ValueError(f"not {name} first")
        inflater = zlib.decompressobj(-15)
        data = inflater.decompress(head[start:], limit)
        if not inflater.eof:  # a long member: the rest of a bounded read
            data += inflater.decompress(handle.read(limit), limit - len(data))
    if not inflater.eof:
        raise ValueError(f"{name} longer than allowed")
    return data
