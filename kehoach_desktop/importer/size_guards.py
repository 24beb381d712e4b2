"""Sizes an Office file declares, checked before any parser loads it (issue 15).

openpyxl and python-docx build every cell, merged cell and grid column in memory: a 5 KB
.xlsx with one merged range over a whole sheet, or a .docx row with gridBefore=10⁸, takes
gigabytes. So before they open a file, its zip directory (compression method, encryption,
every entry's size and ratio, the total) and its XML are scanned as a stream of bytes, with
no parser: rows, cells, merged ranges, the declared dimension, sheets, grid spans. A file
whose declared sizes are far beyond any annex is refused at once, naming the file and the
reason; memory stays at one decompressed chunk.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import ImportRefusedError

MAX_TOTAL_UNPACKED = 64 * 1024**2  # all entries together; a real annex unpacks to a few MB
MAX_ENTRY_RATIO = 100  # unpacked / packed for an entry over RATIO_FLOOR: beyond is a zip bomb
RATIO_FLOOR = 1024**2
MAX_SHEETS = 50
MAX_ROWS = 20_000  # one sheet or table (the readers' own limit)
MAX_COLUMN = 16_384  # Excel's last column, XFD
MAX_CELLS = 200_000  # cells of all sheets together
MAX_MERGED_CELLS = 400_000  # cells covered by merged ranges, all sheets together
MAX_GRID = 60  # a Word row's gridBefore, gridAfter, gridSpan (the reader keeps 60 columns)
CHUNK = 1024**2
MAX_TAG = 64 * 1024

_SUPPORTED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_METHOD_NAMES = {9: "Deflate64", 99: "AES", 12: "BZIP2", 14: "LZMA", 93: "Zstandard", 95: "XZ"}

_SHEET = re.compile(rb"<(?:\w+:)?sheet\s")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_ROW_NUMBER = re.compile(rb" r=\"(\d{5,})\"")  # only a row's r is all digits (a cell's is A1); 5+ may be too many
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?\"")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s[^>]*?ref=\"[A-Za-z]*\d*:?([A-Za-z]+)(\d+)\"")
_GRID = re.compile(rb"<w:(gridBefore|gridAfter|gridSpan)\s[^>]*?w:val=\"([^\"]*)\"")
_TABLE_ROW = re.compile(rb"<w:tr[\s>]")


def _refuse(name: str, reason: str) -> ImportRefusedError:
    return ImportRefusedError(f"Không nhập được tệp “{name}”: {reason}.")


def _column_number(letters: bytes) -> int:
    """b"XFD" → 16384; beyond Excel's last column (four letters or more) → ValueError."""
    from openpyxl.utils import column_index_from_string  # not on the window's start path

    return column_index_from_string(letters.decode("ascii").upper())


def check_declared_sizes(path: Path, kind: str, archive: zipfile.ZipFile | None = None) -> None:
    """Refuse an .xlsx/.docx whose zip or XML declares more than any annex needs.
    `archive`: the file already open (container.check_office_file), so it is opened once."""
    name = Path(path).name
    try:
        if archive is None:
            with zipfile.ZipFile(path) as opened:
                _check_archive(opened, name, kind)
        else:
            _check_archive(archive, name, kind)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise _refuse(name, "tệp bị hỏng, không đọc được") from None


def _check_archive(archive: zipfile.ZipFile, name: str, kind: str) -> None:
    _check_entries(archive.infolist(), name, kind)
    if kind.startswith("Excel"):
        _check_workbook(archive, name)
    else:
        _check_document(archive, name)


def _check_entries(infos: list[zipfile.ZipInfo], name: str, kind: str) -> None:
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(name, f"tệp đã được đặt mật khẩu (mã hóa). Hãy mở bằng {kind.split()[0]}, bỏ mật khẩu "
                                "và lưu lại rồi nhập lại")
        if info.compress_type not in _SUPPORTED_METHODS:
            method = _METHOD_NAMES.get(info.compress_type, f"số {info.compress_type}")
            raise _refuse(name, f"tệp được nén bằng phương pháp {method} mà chương trình không đọc được. Hãy mở "
                                f"bằng {kind.split()[0]} và lưu lại rồi nhập lại")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_ENTRY_RATIO * max(info.compress_size, 1):
            raise _refuse(name, f"thành phần “{info.filename[:80]}” khi giải nén lớn gấp "
                                f"{info.file_size // max(info.compress_size, 1)} lần khi nén: đây không phải là "
                                "một phụ lục bình thường")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_UNPACKED:
        raise _refuse(name, f"tệp khi giải nén lớn {total // 1024**2} MB, quá mức "
                            f"{MAX_TOTAL_UNPACKED // 1024**2} MB của một phụ lục")


def _scan(archive: zipfile.ZipFile, member: str, visit) -> None:
    """Feed `visit` the member's bytes in chunks cut before a '<', so no tag is split."""
    tail = b""
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(CHUNK)
            data = tail + chunk
            if not chunk:
                if data:
                    visit(data)
                return
            cut = data.rfind(b"<")
            if cut == 0 and len(data) < MAX_TAG:  # one tag so far, not yet whole
                tail = data
                continue
            if cut <= 0:  # no tag start (or an absurdly long tag): nothing worth keeping whole
                cut = len(data)
            visit(data[:cut])
            tail = data[cut:]


class _Counts:
    def __init__(self):
        self.cells = 0
        self.merged = 0


def _check_workbook(archive: zipfile.ZipFile, name: str) -> None:
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        sheets = [0]
        _scan(archive, "xl/workbook.xml", lambda data: sheets.__setitem__(0, sheets[0] + len(_SHEET.findall(data))))
        if sheets[0] > MAX_SHEETS:
            raise _refuse(name, f"tệp có {sheets[0]} trang tính, quá mức {MAX_SHEETS} trang của một phụ lục")
    counts = _Counts()
    for member in sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")):
        _check_sheet(archive, member, name, counts)


def _check_sheet(archive: zipfile.ZipFile, member: str, name: str, counts: _Counts) -> None:
    sheet = member.rsplit("/", 1)[-1].removesuffix(".xml")
    rows = [0]

    def visit(data: bytes) -> None:
        for match in (_DIMENSION.finditer(data) if b"dimension" in data else ()):
            last_row, last_column = int(match.group(2)[:9]), _column_number(match.group(1))
            if last_row > MAX_ROWS:
                raise _refuse(name, f"trang tính “{sheet}” khai báo {last_row} dòng, quá mức {MAX_ROWS} dòng "
                                    "của một phụ lục")
            if last_column > MAX_COLUMN:
                raise _refuse(name, f"trang tính “{sheet}” khai báo cột thứ {last_column}, quá cột cuối của Excel")
        rows[0] += _count(data, b"row", _ROW)
        for match in _ROW_NUMBER.finditer(data):
            if int(match.group(1)[:9]) > MAX_ROWS:
                raise _refuse(name, f"trang tính “{sheet}” có dòng số {int(match.group(1)[:9])}, quá mức "
                                    f"{MAX_ROWS} dòng của một phụ lục")
        if rows[0] > MAX_ROWS:
            raise _refuse(name, f"trang tính “{sheet}” có hơn {MAX_ROWS} dòng, quá mức của một phụ lục")
        counts.cells += _count(data, b"c", _CELL)
        if counts.cells > MAX_CELLS:
            raise _refuse(name, f"tệp có hơn {MAX_CELLS} ô dữ liệu, quá mức của một phụ lục")
        for match in (_MERGE.finditer(data) if b"mergeCell" in data else ()):
            counts.merged += _merged_area(match, sheet, name)
            if counts.merged > MAX_MERGED_CELLS:
                raise _refuse(name, f"các vùng gộp ô của tệp phủ hơn {MAX_MERGED_CELLS} ô, quá mức của một phụ lục")

    _scan(archive, member, visit)


def _count(data: bytes, tag: bytes, pattern: re.Pattern) -> int:
    """Elements named `tag`: bytes.count, many times faster than a regex, unless the XML
    gives the namespace a prefix (<x:row>), rare but valid."""
    if b":" + tag + b" " in data or b":" + tag + b">" in data:
        return len(pattern.findall(data))
    return data.count(b"<" + tag + b" ") + data.count(b"<" + tag + b">") + data.count(b"<" + tag + b"/")


def _merged_area(match, sheet: str, name: str) -> int:
    first_col, first_row = _column_number(match.group(1)), int(match.group(2)[:9])
    last_col = _column_number(match.group(3)) if match.group(3) else first_col
    last_row = int(match.group(4)[:9]) if match.group(4) else first_row
    if max(first_row, last_row) > MAX_ROWS or max(first_col, last_col) > MAX_COLUMN:
        ref = match.group(0).split(b'ref="', 1)[1].decode("ascii", "replace")[:40].rstrip('"')
        raise _refuse(name, f"trang tính “{sheet}” có vùng gộp ô {ref} vượt quá {MAX_ROWS} dòng của một phụ lục")
    return (abs(last_row - first_row) + 1) * (abs(last_col - first_col) + 1)


def _check_document(archive: zipfile.ZipFile, name: str) -> None:
    if "word/document.xml" not in archive.namelist():
        return
    rows = [0]

    def visit(data: bytes) -> None:
        for match in _GRID.finditer(data):
            attribute, value = match.group(1).decode(), match.group(2).decode("ascii", "replace")[:20]
            if not value.isdigit():
                raise _refuse(name, f"thuộc tính {attribute} trong bảng có giá trị “{value}” không phải là số; "
                                    "hãy mở bằng Word và lưu lại rồi nhập lại")
            if int(value) > MAX_GRID:
                raise _refuse(name, f"một dòng của bảng khai báo {attribute} = {int(value)} cột, quá mức "
                                    f"{MAX_GRID} cột của một phụ lục")
        rows[0] += len(_TABLE_ROW.findall(data))
        if rows[0] > MAX_ROWS * 2:
            raise _refuse(name, f"các bảng của tệp có hơn {MAX_ROWS * 2} dòng, quá mức của một phụ lục")

    _scan(archive, "word/document.xml", visit)
