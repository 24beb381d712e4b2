"""From grids of cells (any source: Excel, Word) to a parsed annex.

Finds the header by its words (one or two rows, any column order, any case or
diacritics), then walks the rows: section rows that name an index or an area, criterion
rows, task rows and continuation rows, carrying merged and blank cells down within the
same criterion.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ..model import IndexKind
from ..errors import InvalidInputError
from ..text import clean_cell, fold, format_decimal, parse_decimal
from .roles import ROLES, distribute

# --- cells and grids ----------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    text: str
    number: float | None = None
    merged_up: bool = False  # the value belongs to a merged range that started in a row above
    merged_left: bool = False
    problem: str = ""  # why the cell could not be read ("#REF!", a formula without a value)

    @classmethod
    def of(cls, value: object, *, merged_up: bool = False, merged_left: bool = False) -> "Cell":
        if value is None and not (merged_up or merged_left):
            return EMPTY
        return cls._of(value, merged_up, merged_left)

    @classmethod
    def _of(cls, value: object, merged_up: bool = False, merged_left: bool = False) -> "Cell":
        number = None
        if isinstance(value, bool):
            text = str(value)
        elif isinstance(value, (int, float)):
            number = float(value)
            text = str(int(value)) if float(value).is_integer() else repr(value)
        elif isinstance(value, (dt.datetime, dt.date)):
            text = value.strftime("%d/%m/%Y")
        else:
            text = clean_cell(value)
            if text in ERROR_VALUES:  # an Excel error is never a task's text or an agency
                return cls("", None, merged_up, merged_left, f"ô báo lỗi “{text}”")
        return cls(text, number, merged_up, merged_left)


EMPTY = Cell("")


class CellMaker:
    """The cells of one read. An annex repeats its agencies and deadlines: each text's Cell is
    made once (a Cell is immutable, sharing one is safe) and forgotten with the read. Not a
    process-wide cache: one of 8,192 texts missed on every task of a 20,000-task annex and kept
    a smaller one's texts for the next read (issue 17)."""

    def __init__(self) -> None:
        self._texts: dict[str, Cell] = {}

    def of(self, value: object, *, merged_up: bool = False, merged_left: bool = False) -> Cell:
        if type(value) is not str or merged_up or merged_left:
            return Cell.of(value, merged_up=merged_up, merged_left=merged_left)
        cell = self._texts.get(value)
        if cell is None:
            cell = self._texts[value] = Cell._of(value)
        return cell


ERROR_VALUES = frozenset({"#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                          "#GETTING_DATA"})


@dataclass
class Grid:
    name: str  # sheet name, or "Bảng 2" for a Word table
    rows: list[list[Cell]]
    title_rows: int = 0  # leading rows that are not part of the sheet/table (Word titles)

    def line_number(self, row: int) -> int:
        """The row number the user sees: Excel's row, or the row within the Word table."""
        return row + 1 - self.title_rows

    def cell(self, row: int, col: int | None) -> Cell:
        if col is None or row >= len(self.rows) or col >= len(self.rows[row]):
            return EMPTY
        return self.rows[row][col]


# --- parsed structures ----------------------------------------------------------------------


@dataclass
class Warning:
    sheet: str
    row: int | None
    message: str

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "message": self.message}

    def __str__(self) -> str:
        where = f"{self.sheet}, dòng {self.row}" if self.row else self.sheet
        return f"[{where}] {self.message}"


@dataclass
class ParsedCriterion:
    code: str
    title: str
    max_score: float | None = None
    prior_result: str = ""
    target: str = ""
    is_area: bool = False

    @property
    def key(self) -> str:
        """Identity within its index: the code, or the title for an area without a number."""
        return self.code or "#" + fold(self.title)


@dataclass
class ParsedTask:
    criterion_key: str | None  # ParsedCriterion.key of the criterion it serves
    content: str
    deadline_text: str = ""
    evidence_required: str = ""
    lead: str = ""
    implementing: str = ""
    cooperating: str = ""
    sheet: str = ""
    row: int = 0
    # A task cell merged over several criteria is one task serving all of them: the first
    # is criterion_key, the others are listed here (each can take its own evidence and score).
    also_serves: list[str] = field(default_factory=list)
    from_criterion: bool = False  # the row assigned the criterion itself (no task text)


@dataclass
class ParsedIndex:
    kind: IndexKind
    name: str
    sheet: str
    criteria: list[ParsedCriterion] = field(default_factory=list)
    tasks: list[ParsedTask] = field(default_factory=list)


@dataclass
class ParsedAnnex:
    file_name: str
    plan_number: str = ""
    plan_date: dt.date | None = None
    plan_issuer: str = ""
    plan_year: int | None = None
    plan_title: str = ""
    indices: list[ParsedIndex] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    skipped: list[Warning] = field(default_factory=list)  # every row not read, with why
    tables: list["TableMapping"] = field(default_factory=list)  # which column was taken for what
    plan_number_source: str = ""  # "title", "properties", "file name" or "" (missing)
    title_years: list[int] = field(default_factory=list)

    @property
    def criteria_count(self) -> int:
        return sum(len(index.criteria) for index in self.indices)

    @property
    def task_count(self) -> int:
        return sum(len(index.tasks) for index in self.indices)


# --- header recognition ---------------------------------------------------------------------

# Column roles, tried in this order on a header cell's folded text: the first that matches
# wins, so "Thời gian thực hiện" is a deadline, not an implementing agency.
_COLUMN_RULES: list[tuple[str, re.Pattern]] = [
    ("ignore", re.compile(r"^ghi chu\b|\bkinh phi\b|\bnguon von\b")),  # notes, funding: neither task nor agency
    ("deadline", re.compile(r"\b(thoi gian|thoi han|tien do|moc thoi gian)\b|^han( hoan thanh| chot)?$")),
    ("lead", re.compile(r"\bchu tri\b|\bdau moi\b|\bphu trach\b|\bchiu trach nhiem chinh\b")),
    ("cooperating", re.compile(r"\bphoi hop\b")),
    # A score group over sub-columns reads "Điểm số Tối đa", "Điểm số Đạt năm 2022", …
    ("max_score", re.compile(r"\bdiem toi da\b|\bdiem chuan\b|\bdiem\b.*\btoi da\b|^toi da$")),
    ("target", re.compile(r"\bmuc tieu\b")),
    ("evidence", re.compile(r"\bkiem chung\b|\bsan pham\b|\bket qua dau ra\b|\bhinh thuc van ban\b"
                            r"|\bket qua can dat\b")),
    ("prior", re.compile(r"\bnam truoc\b|\bdiem dat duoc\b|\bket qua nam 20\d\d\b|\bnam 20\d\d\b.*\bdiem\b"
                         r"|\bdiem\b.*\bdat\b.*\b20\d\d\b")),
    ("task", re.compile(r"\bnhiem vu\b|\bnoi dung thuc hien\b|\bgiai phap\b|\bcong viec\b|\bhoat dong\b"
                        r"|\bbien phap\b")),
    ("implementing", re.compile(r"\bthuc hien\b|\bduoc giao\b|\bchiu trach nhiem\b|\bco quan, don vi\b")),
    ("stt", re.compile(r"^(s ?tt|tt|so tt|so thu tu|ma|ma so|ma tieu chi)$")),
    ("criterion", re.compile(r"\blinh vuc\b|\btieu chi\b|\bnoi dung\b|\bchi so\b|\btctp\b")),
]


def _column_role(text: str) -> str | None:
    if len(text) > 120:  # header cells are short; task texts are not headers
        return None
    folded = fold(text).replace(".", "").replace("/", " ")
    if not folded:
        return None
    for role, pattern in _COLUMN_RULES:
        if pattern.search(folded):
            return role
    return None


@dataclass
class Header:
    first_row: int
    last_row: int
    columns: dict[str, list[int]]  # role → column numbers (evidence may span several)
    signature: tuple[str, ...]  # folded header words, to spot a header repeated after a page break
    labels: list[str] = field(default_factory=list)  # each column's header text, as written

    def col(self, role: str) -> int | None:
        cols = self.columns.get(role)
        return cols[0] if cols else None


def _row_texts(grid: Grid, row: int) -> list[str]:
    return [cell.text for cell in grid.rows[row]]


def _header_at(grid: Grid, row: int) -> Header | None:
    """A header starting at `row`: one row, or two when the next row holds sub-headers
    (cells merged down from this row, or group headers such as "Phân công trách nhiệm"
    over "Chủ trì | Phối hợp")."""
    # A title merged across the row ("Chỉ số nội dung 1: …") is one text, not a header.
    if _looks_like_data(grid, row) or sum(1 for c in grid.rows[row] if c.text and not c.merged_up and not c.merged_left) < 2:
        return None
    texts = _row_texts(grid, row)
    last, combined, own = row, list(texts), list(texts)
    # Two header rows only when this row is itself made of column names: a data row just
    # above a header repeated at a page break ("c) Công khai …") is not a header.
    if row + 1 < len(grid.rows) and _is_subheader_row(grid, row + 1) and _names_columns(texts):
        below = grid.rows[row + 1]
        last = row + 1
        own = [cell.text if cell.text and not cell.merged_up else above for above, cell in zip(texts, below)]
        combined = [
            f"{above} {cell.text}".strip() if cell.text and not cell.merged_up and cell.text != above else above
            for above, cell in zip(texts, below)
        ]
    columns: dict[str, list[int]] = {}
    for col, text in enumerate(combined):
        role = _column_role(text)
        if role:
            columns.setdefault(role, []).append(col)
    if not _plausible_header(columns, combined):
        return None
    _choose_task_column(columns, own)
    if "task" not in columns:
        return None
    signature = tuple(fold(t) for t in combined)
    return Header(row, last, columns, signature, list(combined))


def _names_columns(texts: list[str]) -> bool:
    return sum(1 for text in dict.fromkeys(texts) if text and _column_role(text)) >= 2


def _is_subheader_row(grid: Grid, row: int) -> bool:
    cells = grid.rows[row]
    if _looks_like_data(grid, row):
        return False
    fresh = [c for c in cells if c.text and not c.merged_up and not c.merged_left]
    if not fresh or any(len(c.text) > 120 for c in fresh):
        return False
    merged_down = any(c.merged_up for c in cells)
    return merged_down or any(_column_role(c.text) for c in fresh)


def _plausible_header(columns: dict[str, list[int]], texts: list[str]) -> bool:
    """Enough known column names, a task or criterion column and someone or some time."""
    found = set(columns)
    if not ({"task", "criterion", "evidence"} & found):
        return False
    if not ({"lead", "deadline", "implementing", "cooperating"} & found) or len(found) < 3:
        return False
    named = sum(len(cols) for cols in columns.values())
    filled = len({t for t in texts if t})
    return named * 2 >= filled


def _choose_task_column(columns: dict[str, list[int]], own: list[str]) -> None:
    """Which column holds the task when the header has no "Nhiệm vụ" column."""
    if "task" in columns:
        return
    # Hà Giang: the task is the "Chất lượng/ Nội dung" sub-column of the evidence group.
    for col in columns.get("evidence", []):
        if re.search(r"\bnoi dung\b", fold(own[col])):
            columns["evidence"].remove(col)
            columns["task"] = [col]
            return
    # Cao Bằng PAPI: "Nội dung" (the criterion) beside "Nhiệm vụ năm 2025"; else the lone
    # "Nội dung" column of a flat list is the task.
    criteria = columns.get("criterion", [])
    if len(criteria) >= 2:
        columns["task"] = [criteria.pop()]
    elif criteria:
        columns["task"] = columns.pop("criterion")


_SUBTASK = re.compile(r"^\(?[a-zđ]\)|^[a-zđ][./]$|^[-+•*–]$", re.IGNORECASE)
_SUBTASK_TEXT = re.compile(r"^\(?[a-zđ][)/]\s|^[a-zđ]\.\s", re.IGNORECASE)  # "a) Phổ biến …" in the task cell


def _looks_like_data(grid: Grid, row: int) -> bool:
    """Numbered like a data row: "I", "1.2", or a sub-task "a)", "b.", "-"."""
    first = grid.rows[row][0].text.strip() if grid.rows[row] else ""
    return bool(re.fullmatch(r"[IVX]+\.?|\d+(\.\d+)*\.?", first) or _SUBTASK.match(first))


def _is_column_number_row(cells: list[Cell]) -> bool:
    """The "(1) (2) (3) …" row printed under many headers."""
    texts = [c.text for c in cells if c.text]
    return len(texts) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in texts)


# --- codes, sections, plan metadata ---------------------------------------------------------

_TOTAL = re.compile(r"^(tong|tong so|tong cong|cong)\s*:?$")  # "TỔNG", "Tổng số:" rows
_ROMAN = re.compile(r"^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})\.?$", re.IGNORECASE)
_CODE = re.compile(r"^\s*(?:(?:TCTP|TC|Tiêu chí thành phần|Tiêu chí|Chỉ số)\s*)?(\d+(?:\.\d+)*)\.?(?=\s|$|[:.\-–])", re.IGNORECASE)


def split_code(text: str) -> tuple[str, str]:
    """"TC 1.2. Title" → ("1.2", "Title"); "2.4.1" → ("2.4.1", ""); "Title" → ("", "Title")."""
    match = _CODE.match(text)
    if not match:
        return "", text.strip()
    rest = text[match.end():].lstrip(" .:-–\n")
    return match.group(1), rest.strip()


def detect_index(text: str) -> IndexKind | None:
    """The index a title or section row names (the first one named wins)."""
    hits = _index_hits(text)
    return min(hits)[1] if hits else None


def _index_hits(text: str) -> list[tuple[int, IndexKind]]:
    folded = fold(text)
    hits = []
    for kind, pattern in (
        (IndexKind.PAR_INDEX, r"\bpar[ -]?index\b|\bchi so cai cach hanh chinh\b|\bchi so cchc\b"),
        (IndexKind.SIPAS, r"\bsipas\b|\bchi so hai long\b"),
        (IndexKind.PAPI, r"\bpapi\b|\bchi so (hieu qua )?quan tri (va )?hanh chinh cong\b"),
    ):
        match = re.search(pattern, folded)
        if match:
            hits.append((match.start(), kind))
    return hits


_PLAN_REF = re.compile(
    r"(?:Kế hoạch|KH)\s*số\s*:?\s*(?P<number>\d*\s*/\s*KH[-–][\wĐđ\-–]+)"
    r"(?:\s*ngày\s*(?P<date>(?:\d{1,2}/\d{1,2}/\d{4})|(?:\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})))?"
    r"(?:\s*(?:của|do)\s*(?P<issuer>[^)\n]+))?",
    re.IGNORECASE,
)


def parse_plan_reference(text: str) -> tuple[str, dt.date | None, str] | None:
    """"(Kèm theo Kế hoạch số 2163/KH-UBND ngày 12/7/2025 của UBND tỉnh Cao Bằng)"."""
    match = _PLAN_REF.search(text)
    if not match:
        return None
    number = re.sub(r"\s+", "", match.group("number")).replace("–", "-")
    if number.startswith("/"):
        number = ""  # annexes are often typed before the plan gets its number
    date = None
    raw_date = match.group("date")
    if raw_date:
        parts = [int(p) for p in re.findall(r"\d+", raw_date)]
        try:
            date = dt.date(parts[2], parts[1], parts[0])
        except ValueError:
            date = None
    issuer = (match.group("issuer") or "").strip().rstrip(").;")
    return number, date, issuer


# --- walking the table ----------------------------------------------------------------------


@dataclass
class _Walk:
    """State carried from row to row while reading one table."""

    index: ParsedIndex
    criterion: ParsedCriterion | None = None
    last_task: ParsedTask | None = None
    area: ParsedCriterion | None = None  # the area a heading above the table named
    after_page_break: bool = False  # the previous row was a header repeated at a page break


ColumnOverrides = dict[str, dict[int, str]]  # table key ("*" for every table) → column → role


@dataclass
class TableMapping:
    """Which column of one table was taken for what, for the preview and the user's correction."""

    key: str  # "Phụ lục 1#1": the sheet or Word table, and the table's number in it
    sheet: str
    header_row: int | None  # the row the user sees, None when no header was recognised
    layout: str  # a fingerprint of the header's words: files of the same layout share it
    labels: list[str]  # header text per column
    roles: dict[int, str]  # column → role
    samples: list[list[str]]  # the first data rows, column by column
    source: str = "detected"  # "detected", "user" (given now) or "remembered"

    def to_json(self) -> dict:
        return {
            "key": self.key, "sheet": self.sheet, "header_row": self.header_row, "layout": self.layout,
            "source": self.source,
            "columns": [{"column": column_letter(c), "label": self.labels[c] if c < len(self.labels) else "",
                         "role": self.roles.get(c, "ignore"),
                         "samples": [row[c] if c < len(row) else "" for row in self.samples]}
                        for c in range(len(self.labels))],
        }


# Roles a column can be given, with the name shown to the user.
COLUMN_ROLES = {
    "task": "Nhiệm vụ", "stt": "STT / mã tiêu chí", "criterion": "Tiêu chí (mã và tên)",
    "lead": "Chủ trì", "implementing": "Thực hiện", "cooperating": "Phối hợp", "deadline": "Thời hạn",
    "max_score": "Điểm tối đa", "prior": "Kết quả năm trước", "target": "Mục tiêu",
    "evidence": "Kiểm chứng / sản phẩm", "ignore": "Bỏ qua",
}


def column_letter(col: int) -> str:
    """0 → "A" (columns are counted from 0 here)."""
    from openpyxl.utils import get_column_letter  # not on the window's start path

    return get_column_letter(col + 1)


def column_number(letter: str) -> int:
    """"A" → 0; ValueError for anything that is not a column of Excel (A…XFD)."""
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letter.strip().upper()) - 1


def parse_grids(grids: list[Grid], file_name: str, overrides: ColumnOverrides | None = None) -> ParsedAnnex:
    annex = ParsedAnnex(file_name=file_name)
    for grid in grids:
        _parse_grid(grid, annex, overrides or {})
    if annex.plan_number:
        annex.plan_number_source = "title"
    _settle_year(annex)
    return annex


def _settle_year(annex: ParsedAnnex) -> None:
    """The plan's year: the title's year, or the plan date's when the title names two
    ("khắc phục … năm 2022, nâng cao … năm 2023")."""
    years = sorted(set(annex.title_years))
    if len(years) == 1:
        annex.plan_year = years[0]
    elif annex.plan_date:
        annex.plan_year = annex.plan_date.year
    elif annex.plan_year is None and years:
        annex.plan_year = years[-1]


def _title_lines(grid: Grid, until: int, start: int = 0) -> list[str]:
    lines = []
    for row in grid.rows[start:until]:
        seen = []
        for cell in row:
            if cell.text and not cell.merged_left and cell.text not in seen:
                seen.append(cell.text)
        lines.extend(seen)
    return lines


def _absorb_titles(annex: ParsedAnnex, lines: list[str]) -> None:
    for line in lines:
        folded = fold(line)
        reference = parse_plan_reference(line)
        if reference and not annex.plan_number:
            annex.plan_number, annex.plan_date, annex.plan_issuer = reference
        if "kem theo" in folded:
            # "(Kèm theo Kế hoạch số /KH-UBND ngày tháng 6 năm 2023 …)": the plan's own year
            year = re.search(r"\bnam\s+(20\d\d)\b", folded)
            if year and annex.plan_year is None:
                annex.plan_year = int(year.group(1))
        elif not annex.title_years and re.search(r"\bnam\s+20\d\d\b", folded):
            annex.title_years = [int(y) for y in re.findall(r"\bnam\s+(20\d\d)\b", folded)]
        if not annex.plan_title and re.search(r"\bke hoach\b|\bcai thien\b|\bphan cong\b", folded) and "kem theo" not in folded:
            annex.plan_title = line


# A heading that names an area of an index: "Chỉ số nội dung 1: Tham gia của người dân ở cấp
# cơ sở", "Lĩnh vực 2. Cải cách thể chế", "Nhóm tiêu chí I: …".
_AREA_HEADING = re.compile(
    r"^(chi so noi dung|chi so thanh phan|noi dung|linh vuc|nhom tieu chi|tieu chi|chi so)\s+(\d+|[ivx]+)\s*[:.\-–]\s*\S"
)


_NUMBERED_HEADING = re.compile(r"^(\d{1,2}|[IVX]{1,4})[.)]\s+\S.{2,150}$")
_AREA_SHEET = re.compile(r"^(chi so noi dung|chi so thanh phan|linh vuc|nhom tieu chi|noi dung)\s*(\d+|[ivx]+)\b")


def _parse_grid(grid: Grid, annex: ParsedAnnex, overrides: ColumnOverrides) -> None:
    row, number, start = 0, 0, 0
    while row < len(grid.rows):
        header = _header_at(grid, row)
        if header is None:
            row += 1
            continue
        number += 1
        header = _overridden(grid, header, f"{grid.name}#{number}", overrides, annex)
        row = _read_under_header(grid, header, annex, start)
        start = row
    if number == 0 and any(any(c.text for c in r) for r in grid.rows):
        key = f"{grid.name}#1"
        override, source = _override_for(grid, None, key, overrides)
        if override:  # no header recognised, but the user said which column is what
            header = _header_from_roles(grid, override)
            _record_mapping(grid, header, key, annex, source, layout_of(grid, None))
            _read_under_header(grid, header, annex)
        else:
            _absorb_titles(annex, _title_lines(grid, _first_table_row(grid)))
            annex.tables.append(TableMapping(key, grid.name, None, layout_of(grid, None),
                                             _first_texts(grid, 0), {}, _sample_rows(grid, 0), "none"))
            annex.warnings.append(Warning(grid.name, None, "Không tìm thấy dòng tiêu đề bảng (STT, Nhiệm vụ, Chủ trì…); "
                                          "hãy chỉ ra cột nào là nhiệm vụ, cơ quan, thời hạn để đọc trang này."))


def _read_under_header(grid: Grid, header: Header, annex: ParsedAnnex, start: int = 0) -> int:
    titles = _title_lines(grid, max(header.first_row, 0), start)
    for row in range(max(start, grid.title_rows), max(header.first_row, 0)):
        if len({c.text for c in grid.rows[row] if c.text}) >= 3:  # a table's row, not a title line
            _skip(annex, grid, row, "nằm trên dòng tiêu đề bảng nên không được đọc")
    for row in range(max(header.first_row, 0), header.last_row + 1):
        _skip(annex, grid, row, "dòng tiêu đề bảng (tên các cột)")
    _absorb_titles(annex, titles)
    previous = annex.indices[-1] if annex.indices else None
    kind = _nearest_index(titles, grid.name)
    area = next((t for t in reversed(titles) if _AREA_HEADING.match(fold(t))), "")
    if not area and titles and _NUMBERED_HEADING.match(titles[-1]) and not detect_index(titles[-1]):
        area = titles[-1]  # "2. Cải cách thể chế" just above the table: the area it lists
    if not area and _AREA_SHEET.match(fold(grid.name)):
        area = grid.name  # a sheet per area: "Chỉ số nội dung 2 - Công khai"
    follows = previous is not None and (area or not titles or previous.sheet == grid.name)
    if kind is None and follows:
        kind = previous.kind  # the next table of the same index, named by its area or by nothing
    kind = kind or IndexKind.OTHER
    if previous is not None and previous.kind == kind and (area or not titles) and not _annex_heading(titles):
        index = previous  # another area of the index the previous table began, or its continuation
    else:
        index = ParsedIndex(kind=kind, name=_index_name(grid, titles, kind), sheet=grid.name)
        annex.indices.append(index)
    area_criterion = None
    if area:
        area_criterion = ParsedCriterion(code="", title=area, is_area=True)
        index.criteria.append(area_criterion)
    return _read_table(grid, header, annex, index, area_criterion)


def _nearest_index(titles: list[str], sheet_name: str) -> IndexKind | None:
    """The index named by the heading nearest the table (a later heading wins). A title
    naming several ("… các chỉ số PAR INDEX, SIPAS, PAPI") decides only when the sheet's
    name names none."""
    several = None
    for line in reversed(titles):
        hits = _index_hits(line)
        if len({kind for _, kind in hits}) == 1:
            return hits[0][1]
        if hits and several is None:
            several = min(hits)[1]
    return detect_index(sheet_name) or several


def _annex_heading(titles: list[str]) -> bool:
    return any(re.match(r"^phu luc\b", fold(t)) for t in titles)


def _index_name(grid: Grid, titles: list[str], kind: IndexKind) -> str:
    annex_title = next((t for t in titles if re.match(r"^ph[uụ] l[uụ]c\b", fold(t))), "")
    if not annex_title:  # "II. CHỈ SỐ SIPAS" above a Word table names it better than "Bảng 3"
        heading = next((t for t in reversed(titles) if detect_index(t) == kind and len(t) <= 120), "")
        if heading:
            return clean_title(heading)
    label = annex_title or grid.name
    if kind == IndexKind.OTHER or (not annex_title and detect_index(grid.name) == kind):
        return label  # a sheet named "Phụ lục 3 - SIPAS" already says which index
    return f"{label} — {kind.value}"


# --- the column mapping: shown, corrected, remembered --------------------------------------


def layout_of(grid: Grid, header: Header | None) -> str:
    """A short fingerprint of a table's header words (or, with no header, its first rows)."""
    import hashlib

    if header is not None:
        words = "|".join(header.signature)
    else:  # the table's first row: its column names, the same in every file of the layout
        words = "|".join(fold(c.text) for c in grid.rows[_first_table_row(grid)]) if grid.rows else ""
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def _first_table_row(grid: Grid) -> int:
    """The first row that fills two cells or more: where a table without a known header starts."""
    return next((r for r, row in enumerate(grid.rows) if sum(1 for c in row if c.text and not c.merged_left) >= 2), 0)


def _first_texts(grid: Grid, start: int) -> list[str]:
    """Per column, the first text found from `start` (labels for a table without header)."""
    width = max((len(r) for r in grid.rows), default=0)
    labels = [""] * width
    start = max(start, _first_table_row(grid))
    for row in grid.rows[start:start + 12]:
        for col, cell in enumerate(row):
            if not labels[col] and cell.text and len(cell.text) <= 60:
                labels[col] = cell.text
    return labels


def _sample_rows(grid: Grid, start: int, count: int = 3) -> list[list[str]]:
    rows = []
    for row in grid.rows[start:]:
        if sum(1 for c in row if c.text) >= 2 and not _is_column_number_row(row):
            rows.append([format_decimal(c.number) if c.number is not None and not c.number.is_integer() else c.text
                         for c in row])
            if len(rows) == count:
                break
    return rows


def _roles_of(header: Header) -> dict[int, str]:
    return {col: role for role, cols in header.columns.items() for col in cols}


def _overridden(grid: Grid, header: Header, key: str, overrides: ColumnOverrides, annex: ParsedAnnex) -> Header:
    override, source = _override_for(grid, header, key, overrides)
    if override:
        roles = _roles_of(header)
        given = {role for role in override.values() if role != "ignore"}
        roles = {c: r for c, r in roles.items() if r not in given or c in override}  # the user moved it
        roles.update(override)
        header = replace(header, columns=_columns_of(roles))
    _record_mapping(grid, header, key, annex, source)
    return header


def _override_for(grid: Grid, header: Header | None, key: str, overrides: ColumnOverrides) -> tuple[dict | None, str]:
    """The user's mapping for this table (given now), else the one remembered for its layout."""
    given = overrides.get(key) or overrides.get("*")
    if given:
        return given, "user"
    remembered = overrides.get(layout_of(grid, header))
    return (remembered, "remembered") if remembered else (None, "detected")


def _columns_of(roles: dict[int, str]) -> dict[str, list[int]]:
    columns: dict[str, list[int]] = {}
    for col in sorted(roles):
        if roles[col] != "ignore":
            columns.setdefault(roles[col], []).append(col)
    return columns


def _record_mapping(grid: Grid, header: Header, key: str, annex: ParsedAnnex, source: str,
                    layout: str | None = None) -> None:
    width = max((len(r) for r in grid.rows), default=0)
    labels = (header.labels + [""] * width)[:width] if header.labels else _first_texts(grid, header.last_row + 1)
    annex.tables.append(TableMapping(
        key, grid.name, grid.line_number(header.first_row) if header.first_row >= 0 else None,
        layout or layout_of(grid, header), labels, _roles_of(header),
        _sample_rows(grid, header.last_row + 1), source,
    ))


def _header_from_roles(grid: Grid, roles: dict[int, str]) -> Header:
    """The user's mapping on a table whose header was not recognised: data starts at the
    first row that fills the task column and one other mapped column; a row of words just
    above it is its header."""
    columns = _columns_of(roles)
    task = columns.get("task", [None])[0]
    for row in range(len(grid.rows)):
        filled = [c for c in roles if grid.cell(row, c).text]
        if task is not None and grid.cell(row, task).text and len(filled) >= 2:
            is_words = all(len(grid.cell(row, c).text) <= 60 and not grid.cell(row, c).number for c in filled)
            first = row if is_words and not _looks_like_data(grid, row) else row - 1
            labels = [c.text for c in grid.rows[first]] if first >= 0 else []
            return Header(first, first, columns, tuple(fold(t) for t in labels), labels)
    return Header(-1, -1, columns, (), [])


def _read_table(grid: Grid, header: Header, annex: ParsedAnnex, index: ParsedIndex,
                area: ParsedCriterion | None = None) -> int:
    """Read data rows after `header`; return the row where the next table starts (or the end)."""
    walk = _Walk(index, criterion=area, area=area)
    row = header.last_row + 1
    while row < len(grid.rows):
        cells = grid.rows[row]
        _note_problems(grid, row, annex)
        if not any(c.text for c in cells):
            row += 1
            continue
        if _is_column_number_row(cells):
            _skip(annex, grid, row, "dòng đánh số cột (1), (2), (3)…")
            row += 1
            continue
        if tuple(fold(c.text) for c in cells) == header.signature or _header_repeats(grid, row, header):
            after = _skip_repeated_header(grid, row, header)
            for skipped in range(row, after):
                _skip(annex, grid, skipped, "dòng tiêu đề bảng lặp lại")
            row = after
            walk.after_page_break = True
            continue
        other = _header_at(grid, row)
        if other is not None and other.signature != header.signature:
            return row  # a new table starts: its own index
        if not (walk.after_page_break and _continue_split_row(grid, row, header, walk)):
            before = _progress(walk)
            _read_row(grid, row, header, annex, walk)
            if _progress(walk) == before and any(c.text and not c.merged_up for c in cells):
                _skip(annex, grid, row, _skip_reason(grid, row, header))
        walk.after_page_break = False
        row += 1
    return row


def _progress(walk: _Walk) -> tuple:
    """What reading a row can change: a row that changes none of it was not used."""
    index = walk.index
    served = sum(len(t.also_serves) for t in index.tasks[-3:])
    return id(index), index.kind, len(index.criteria), len(index.tasks), served


def _skip(annex: ParsedAnnex, grid: Grid, row: int, why: str) -> None:
    annex.skipped.append(Warning(grid.name, grid.line_number(row), why))


def _skip_reason(grid: Grid, row: int, header: Header) -> str:
    if _TOTAL.match(fold(grid.cell(row, header.col("criterion")).text or grid.cell(row, header.col("stt")).text)):
        return "dòng tổng cộng"
    if any(c.problem for c in grid.rows[row]):
        return "không đọc được nội dung (ô lỗi hoặc công thức chưa có giá trị)"
    return "không có nội dung nhiệm vụ hay tiêu chí"


def _note_problems(grid: Grid, row: int, annex: ParsedAnnex) -> None:
    for col, cell in enumerate(grid.rows[row]):
        if cell.problem and not cell.merged_up and not cell.merged_left:
            annex.skipped.append(Warning(grid.name, grid.line_number(row),
                                         f"cột {column_letter(col)}: {cell.problem} — bỏ qua ô này"))


def _continue_split_row(grid: Grid, row: int, header: Header, walk: _Walk) -> bool:
    """A row cut by a page break continues on the next page with an empty STT: join it."""
    stt = grid.cell(row, header.col("stt"))
    task = walk.last_task
    if stt.text or task is None or walk.criterion is None or task.criterion_key != walk.criterion.key:
        return False
    crit_text = _text(grid, row, header, "criterion", fresh_only=True)
    if not crit_text or split_code(crit_text)[0]:
        return False  # a continuation row of the criterion cell, not a new criterion
    walk.criterion.title = _join(walk.criterion.title, crit_text)
    for role, attribute in (("task", "content"), ("deadline", "deadline_text"), ("lead", "lead"),
                            ("implementing", "implementing"), ("cooperating", "cooperating"),
                            ("evidence", "evidence_required")):
        more = _text(grid, row, header, role, fresh_only=True)
        if more:
            setattr(task, attribute, _join(getattr(task, attribute), more))
    return True


def _join(before: str, after: str) -> str:
    """Text cut at a page break: a new bullet starts a new line, else the sentence goes on."""
    if not before:
        return after
    return f"{before}\n{after}" if re.match(r"[-+•*]\s", after) else f"{before} {after}"


def _header_repeats(grid: Grid, row: int, header: Header) -> bool:
    other = _header_at(grid, row)
    return other is not None and other.columns == header.columns


def _skip_repeated_header(grid: Grid, row: int, header: Header) -> int:
    return row + (header.last_row - header.first_row) + 1


def _text(grid: Grid, row: int, header: Header, role: str, *, fresh_only: bool = False) -> str:
    parts = []
    columns = header.columns.get(role, [])
    for col in columns:
        cell = grid.cell(row, col)
        if cell.merged_left and _merge_origin(grid, row, col) in _title_columns(header):
            continue  # an area title merged across the whole row is not this column's value
        if cell.text and not (fresh_only and cell.merged_up) and cell.text not in parts:
            parts.append(cell.text)
    return "\n".join(parts)


def _merge_origin(grid: Grid, row: int, col: int) -> int:
    while col > 0 and grid.cell(row, col).merged_left:
        col -= 1
    return col


def _title_columns(header: Header) -> set[int]:
    return {col for role in ("stt", "criterion") for col in header.columns.get(role, [])}


def _read_row(grid: Grid, row: int, header: Header, annex: ParsedAnnex, walk: _Walk) -> None:
    line = grid.line_number(row)
    stt_cell = grid.cell(row, header.col("stt"))
    crit_cell = grid.cell(row, header.col("criterion"))
    stt = "" if stt_cell.merged_up else stt_cell.text
    crit_text = "" if crit_cell.merged_up else crit_cell.text
    task_cell = grid.cell(row, header.col("task"))
    task_text = _text(grid, row, header, "task")
    # A task cell merged over several rows is one task, unless a row names its own agencies:
    # then that row assigns the same task to someone else, and must not be lost.
    own_agencies = any(_text(grid, row, header, role, fresh_only=True) for role in ("lead", "implementing"))
    task_is_new = bool(task_text) and (not task_cell.merged_up or own_agencies)
    row_words = " ".join(c.text for c in grid.rows[row] if c.text and not c.merged_left)

    # A section row naming an index ("I | CHỈ SỐ PAR INDEX"): switch index within the table.
    section_kind = detect_index(crit_text or stt or row_words)
    roman = bool(_ROMAN.match(stt))
    # (A roman-numbered section row may carry a coordination note in the task column.)
    if section_kind and (not task_is_new or roman) and not _has_assignment(grid, row, header) and (not stt or roman):
        if walk.index.tasks or walk.index.criteria:
            walk.index = ParsedIndex(kind=section_kind, name=clean_title(crit_text or row_words), sheet=grid.name)
            annex.indices.append(walk.index)
        else:
            walk.index.kind, walk.index.name = section_kind, clean_title(crit_text or row_words)
        walk.criterion = walk.last_task = None
        return

    heading = _lone_heading(grid, row, header)
    if heading and header.col("criterion") is None:
        # A flat list divided by heading rows ("Chỉ số nội dung 2: Công khai, minh bạch …").
        walk.area = walk.criterion = ParsedCriterion(code="", title=clean_title(heading), is_area=True)
        walk.index.criteria.append(walk.area)
        walk.last_task = None
        return

    if _TOTAL.match(fold(crit_text or stt)) and not task_is_new:
        return  # "TỔNG", "Tổng số:": the sum of the scores, neither an area nor a criterion

    from_criterion = False
    code, title = _code_and_title(stt, crit_text)
    if _ROMAN.match(stt) and not code:
        # A roman-numeral area row ("I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"): an area without a number.
        code = ""
    has_criterion_column = header.col("criterion") is not None
    if code and not title and not task_text and not crit_cell.merged_up:
        return  # a number and nothing to say: listed as skipped
    if not has_criterion_column and code and task_is_new:
        if not _has_assignment(grid, row, header) and _subtasks_follow(grid, row, header):
            # "1 | Tăng cường tuyên truyền …:" over "a) …", "b) …": a heading of sub-tasks.
            walk.criterion = ParsedCriterion(code=code, title=task_text)
            walk.index.criteria.append(walk.criterion)
            walk.last_task = None
            return
        walk.criterion = walk.area  # a numbered task of a flat list ends the sub-tasks above
    # In a flat list (no criterion column) the STT numbers tasks, not criteria.
    if (code and (has_criterion_column or not task_is_new)) or (crit_text and has_criterion_column):
        criterion = ParsedCriterion(
            code=code,
            title=title,
            max_score=_score(grid, row, header),
            prior_result=_text(grid, row, header, "prior", fresh_only=True),
            target=_text(grid, row, header, "target", fresh_only=True),
        )
        # An area row may carry a coordination note ("Sở Nội vụ chủ trì, đôn đốc…") in the
        # task column but names no agency or time: the note is not a task of its own.
        area_note = task_is_new and code and "." not in code and not _has_assignment(grid, row, header)
        is_area = (code and "." not in code and not task_is_new) or (not code and not task_is_new) or area_note
        criterion.is_area = bool(is_area)
        if area_note:
            task_is_new = False
        walk.index.criteria.append(criterion)
        walk.criterion = criterion
        if not task_is_new and task_cell.merged_up and walk.last_task is not None and task_text \
                and fold(task_text) == fold(walk.last_task.content):
            # A task cell merged over several criteria: one task serving each of them.
            walk.last_task.also_serves.append(criterion.key)
            return
        if not task_is_new and not task_text and not is_area and not task_cell.problem \
                and _fresh_assignment(grid, row, header):
            # The row assigns the criterion itself (Hà Giang): the task is the criterion.
            task_text, task_is_new, from_criterion = title or crit_text, True, True
    if not task_is_new:
        # No task of its own (an area or criterion row).
        return
    # Roles written inside one cell ("Chủ trì: Sở Nội vụ; Phối hợp: …") go to their own role.
    # A row naming agencies of its own takes none from the row above (a blank cell there means nobody).
    own = _fresh_assignment(grid, row, header)
    agencies = distribute({role: _text(grid, row, header, role) if own else _carried(grid, row, header, role, walk)
                           for role in ROLES})
    task = ParsedTask(
        criterion_key=walk.criterion.key if walk.criterion else None,
        content=task_text,
        deadline_text=_carried(grid, row, header, "deadline", walk),
        evidence_required=_text(grid, row, header, "evidence"),
        sheet=grid.name,
        row=line,
        from_criterion=from_criterion,
        **agencies,
    )
    if not (task.lead or task.implementing or task.cooperating):
        annex.warnings.append(Warning(grid.name, line, "Nhiệm vụ không ghi cơ quan chủ trì, thực hiện hay phối hợp."))
    walk.index.tasks.append(task)
    walk.last_task = task


def _lone_heading(grid: Grid, row: int, header: Header) -> str:
    """The row's text when it is the row's only text (typed once or merged across) and
    reads like a heading, not a number or a total."""
    texts = {c.text for c in grid.rows[row] if c.text and not c.merged_up}
    if len(texts) != 1:
        return ""
    [text] = texts
    folded = fold(text)
    if split_code(text)[0] and not split_code(text)[1] or _TOTAL.match(folded) or _SUBTASK.match(text.strip()):
        return ""
    return text if _AREA_HEADING.match(folded) or _ROMAN.match(text.split(" ", 1)[0]) or text.isupper() else ""


def _subtasks_follow(grid: Grid, row: int, header: Header) -> bool:
    """The next row with text is numbered "a)", "b.", "-": sub-tasks of this row."""
    for below in range(row + 1, min(row + 4, len(grid.rows))):
        stt = grid.cell(below, header.col("stt")).text.strip()
        if any(c.text for c in grid.rows[below]):
            task = grid.cell(below, header.col("task")).text
            return bool(_SUBTASK.match(stt) or (not stt and _SUBTASK_TEXT.match(task)))
    return False


def _fresh_assignment(grid: Grid, row: int, header: Header) -> bool:
    return any(_text(grid, row, header, role, fresh_only=True) for role in ("lead", "implementing", "cooperating"))


def clean_title(text: str) -> str:
    return re.sub(r"^\s*[IVX]+\s*[.:\-–]?\s+", "", text).strip()


def _has_assignment(grid: Grid, row: int, header: Header) -> bool:
    return any(_text(grid, row, header, role) for role in ("lead", "implementing", "cooperating", "deadline"))


def _code_and_title(stt: str, crit_text: str) -> tuple[str, str]:
    stt_code, _ = split_code(stt)
    crit_code, crit_title = split_code(crit_text)
    if crit_code:
        return crit_code, crit_title
    return stt_code, crit_text


def _score(grid: Grid, row: int, header: Header) -> float | None:
    cell = grid.cell(row, header.col("max_score"))
    if cell.merged_up or not cell.text:
        return None
    if cell.number is not None:
        return cell.number
    try:
        return parse_decimal(cell.text)
    except InvalidInputError:  # "Điều tra XHH" and the like: no score
        return None


def _carried(grid: Grid, row: int, header: Header, role: str, walk: _Walk) -> str:
    """A cell's value; blank cells continue the value above within the same criterion."""
    value = _text(grid, row, header, role)
    if value or walk.last_task is None:
        return value
    same_criterion = walk.last_task.criterion_key == (walk.criterion.key if walk.criterion else None)
    if same_criterion and not grid.cell(row, header.col("stt")).text:
        return getattr(walk.last_task, {"deadline": "deadline_text"}.get(role, role))
    return value
