"""From grids of cells (any source: Excel, Word) to a parsed annex.

Finds the header by its words (one or two rows, any column order, any case or
diacritics), then walks the rows: section rows that name an index or an area, criterion
rows, task rows and continuation rows, carrying merged and blank cells down within the
same criterion.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import IndexKind
from ..errors import InvalidInputError
from ..text import clean_cell, fold, parse_decimal
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
    ("ignore", re.compile(r"^ghi chu\b")),  # notes: neither task nor agency
    ("deadline", re.compile(r"\b(thoi gian|thoi han|tien do)\b")),
    ("lead", re.compile(r"\bchu tri\b")),
    ("cooperating", re.compile(r"\bphoi hop\b")),
    # A score group over sub-columns reads "Điểm số Tối đa", "Điểm số Đạt năm 2022", …
    ("max_score", re.compile(r"\bdiem toi da\b|\bdiem chuan\b|\bdiem\b.*\btoi da\b|^toi da$")),
    ("target", re.compile(r"\bmuc tieu\b")),
    ("evidence", re.compile(r"\bkiem chung\b|\bsan pham\b|\bket qua dau ra\b")),
    ("prior", re.compile(r"\bnam truoc\b|\bdiem dat duoc\b|\bket qua nam 20\d\d\b|\bnam 20\d\d\b.*\bdiem\b"
                         r"|\bdiem\b.*\bdat\b.*\b20\d\d\b")),
    ("task", re.compile(r"\bnhiem vu\b|\bnoi dung thuc hien\b|\bgiai phap\b|\bcong viec\b|\bhoat dong\b")),
    ("implementing", re.compile(r"\bthuc hien\b")),
    ("criterion", re.compile(r"\blinh vuc\b|\btieu chi\b|\bnoi dung\b|\bchi so\b|\btctp\b")),
    ("stt", re.compile(r"^(s ?tt|tt|so tt|so thu tu)$")),
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

    def col(self, role: str) -> int | None:
        cols = self.columns.get(role)
        return cols[0] if cols else None


def _row_texts(grid: Grid, row: int) -> list[str]:
    return [cell.text for cell in grid.rows[row]]


def _header_at(grid: Grid, row: int) -> Header | None:
    """A header starting at `row`: one row, or two when the next row holds sub-headers
    (cells merged down from this row, or group headers such as "Phân công trách nhiệm"
    over "Chủ trì | Phối hợp")."""
    if _looks_like_data(grid, row) or sum(1 for c in grid.rows[row] if c.text and not c.merged_up) < 2:
        return None
    texts = _row_texts(grid, row)
    last, combined, own = row, list(texts), list(texts)
    if row + 1 < len(grid.rows) and _is_subheader_row(grid, row + 1):
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
    return Header(row, last, columns, signature)


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


_SUBTASK = re.compile(r"^\(?[a-zđ]\)|^[a-zđ]\.$|^[-+•*–]$", re.IGNORECASE)


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
    return min(hits)[1] if hits else None


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
    after_page_break: bool = False  # the previous row was a header repeated at a page break


def parse_grids(grids: list[Grid], file_name: str) -> ParsedAnnex:
    annex = ParsedAnnex(file_name=file_name)
    for grid in grids:
        _parse_grid(grid, annex)
    if not annex.plan_number:
        annex.warnings.append(Warning(file_name, None, "Không thấy số hiệu kế hoạch trong phần tiêu đề; dùng tên tệp thay thế."))
    if annex.plan_year is None and annex.plan_date:
        annex.plan_year = annex.plan_date.year
    return annex


def _title_lines(grid: Grid, until: int) -> list[str]:
    lines = []
    for row in grid.rows[:until]:
        seen = []
        for cell in row:
            if cell.text and not cell.merged_left and cell.text not in seen:
                seen.append(cell.text)
        lines.extend(seen)
    return lines


def _absorb_titles(annex: ParsedAnnex, lines: list[str]) -> None:
    for line in lines:
        reference = parse_plan_reference(line)
        if reference and not annex.plan_number:
            annex.plan_number, annex.plan_date, annex.plan_issuer = reference
        year = re.search(r"\bn[aă]m\s+(20\d\d)\b", fold(line))
        if year and annex.plan_year is None and "kem theo" not in fold(line):
            annex.plan_year = int(year.group(1))
        if not annex.plan_title and re.search(r"\bke hoach\b|\bcai thien\b|\bphan cong\b", fold(line)) and "kem theo" not in fold(line):
            annex.plan_title = line


def _parse_grid(grid: Grid, annex: ParsedAnnex) -> None:
    row = 0
    while row < len(grid.rows):
        header = _header_at(grid, row)
        if header is None:
            row += 1
            continue
        titles = _title_lines(grid, header.first_row)
        _absorb_titles(annex, titles)
        kind = detect_index(" ".join(titles)) or detect_index(grid.name) or IndexKind.OTHER
        name = _index_name(grid, titles, kind)
        index = ParsedIndex(kind=kind, name=name, sheet=grid.name)
        annex.indices.append(index)
        row = _read_table(grid, header, annex, index)
    if not any(index.sheet == grid.name for index in annex.indices) and any(any(c.text for c in r) for r in grid.rows):
        annex.warnings.append(Warning(grid.name, None, "Không tìm thấy dòng tiêu đề bảng (STT, Nhiệm vụ, Chủ trì…) — bỏ qua trang này."))


def _index_name(grid: Grid, titles: list[str], kind: IndexKind) -> str:
    annex_title = next((t for t in titles if re.match(r"^ph[uụ] l[uụ]c\b", fold(t))), "")
    label = annex_title or grid.name
    return f"{label} — {kind.value}" if kind != IndexKind.OTHER else label


def _read_table(grid: Grid, header: Header, annex: ParsedAnnex, index: ParsedIndex) -> int:
    """Read data rows after `header`; return the row where the next table starts (or the end)."""
    walk = _Walk(index)
    row = header.last_row + 1
    while row < len(grid.rows):
        cells = grid.rows[row]
        if not any(c.text for c in cells) or _is_column_number_row(cells):
            row += 1
            continue
        if tuple(fold(c.text) for c in cells) == header.signature or _header_repeats(grid, row, header):
            row = _skip_repeated_header(grid, row, header)
            walk.after_page_break = True
            continue
        other = _header_at(grid, row)
        if other is not None and other.signature != header.signature:
            return row  # a new table starts: its own index
        if not (walk.after_page_break and _continue_split_row(grid, row, header, walk)):
            _read_row(grid, row, header, annex, walk)
        walk.after_page_break = False
        row += 1
    return row


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

    if _TOTAL.match(fold(crit_text or stt)) and not task_is_new:
        return  # "TỔNG", "Tổng số:": the sum of the scores, neither an area nor a criterion

    code, title = _code_and_title(stt, crit_text)
    if _ROMAN.match(stt) and not code:
        # A roman-numeral area row ("I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"): an area without a number.
        code = ""
    has_criterion_column = header.col("criterion") is not None
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
    if not task_is_new:
        # No task of its own (an area or criterion row), or a merged task cell that serves
        # several criteria: that task was recorded once, on the first of them.
        return
    # Roles written inside one cell ("Chủ trì: Sở Nội vụ; Phối hợp: …") go to their own role.
    agencies = distribute({role: _carried(grid, row, header, role, walk) for role in ROLES})
    task = ParsedTask(
        criterion_key=walk.criterion.key if walk.criterion else None,
        content=task_text,
        deadline_text=_carried(grid, row, header, "deadline", walk),
        evidence_required=_text(grid, row, header, "evidence"),
        sheet=grid.name,
        row=line,
        **agencies,
    )
    if not (task.lead or task.implementing or task.cooperating):
        annex.warnings.append(Warning(grid.name, line, "Nhiệm vụ không ghi cơ quan chủ trì, thực hiện hay phối hợp."))
    walk.index.tasks.append(task)
    walk.last_task = task


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
