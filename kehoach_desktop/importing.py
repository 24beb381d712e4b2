"""Import service: read an annex file, preview it, and apply it in one transaction.

Importing the same file again changes nothing; a revised annex of the same plan updates
tasks in place and keeps every progress record and evidence; tasks that disappeared are
marked as removed from the plan, never deleted.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import sqlite_utils

from . import collector
from .db import store, transaction
from .errors import ImportRefusedError
from .importer import ParsedAnnex, Warning, parse_grids, read_excel_grids
from .importer.annex import ColumnOverrides, Grid, parse_plan_reference
from .legacy_encoding import UnknownLegacyEncodingError, to_unicode
from .importer.word import read_word_grids
from .matching import resolve_role
from .model import AgencyProfile, Role
from .plans import is_carried  # issue 16
from .text import fold

ProgressCallback = Callable[[int, int, str], None]  # (done, total, what)


@dataclass
class ImportSummary:
    """What an import found (and, when applied, what it changed)."""

    file_name: str
    plan: dict
    indices: list[dict]
    criteria: int
    tasks: int
    mine: dict[str, int]
    warnings: list[dict]
    applied: bool = False
    changes: dict[str, int] = field(default_factory=dict)
    # --- issue 14: rows not read, the column mapping per table, tasks serving several criteria
    skipped: list[dict] = field(default_factory=list)
    tables: list[dict] = field(default_factory=list)
    shared_tasks: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "file": self.file_name,
            "plan": self.plan,
            "indices": self.indices,
            "criteria": self.criteria,
            "tasks": self.tasks,
            "mine": self.mine,
            "warnings": self.warnings,
            "applied": self.applied,
            "changes": self.changes,
            "skipped": self.skipped,
            "tables": self.tables,
            "shared_tasks": self.shared_tasks,
        }


def read_annex(path: Path | str, columns: ColumnOverrides | None = None) -> ParsedAnnex:
    """Parse an annex file of a supported format; refuse anything else with a reason.

    `columns` corrects which column is what (table key or "*" → column → role); without it
    the mapping remembered for a table's layout, if any, is not applied here (see
    `read_annex_with_memory`).
    """
    with collector.paused():  # a 20,000-row annex keeps ~10⁶ objects alive until it is parsed
        return _read_annex(Path(path), columns)


def _read_annex(path: Path, columns: ColumnOverrides | None) -> ParsedAnnex:
    if not path.exists():
        raise ImportRefusedError(f"Không tìm thấy tệp “{path}”.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        grids = read_excel_grids(path)
    elif suffix == ".docx":
        grids = read_word_grids(path)
    elif suffix == ".xls":
        raise ImportRefusedError(
            f"Tệp “{path.name}” là định dạng Excel cũ (.xls). Hãy mở bằng Excel và lưu lại dạng .xlsx rồi nhập lại."
        )
    elif suffix == ".doc":
        raise ImportRefusedError(
            f"Tệp “{path.name}” là định dạng Word cũ (.doc). Hãy mở bằng Word và lưu lại dạng .docx rồi nhập lại."
        )
    else:
        raise ImportRefusedError(
            f"Tệp “{path.name}” không phải là phụ lục dạng Excel (.xlsx) hoặc Word (.docx); "
            "chương trình không đọc được loại tệp này."
        )
    grids, encoding = _grids_in_unicode(grids, path.name)
    annex = parse_grids(grids, path.name, columns)
    if encoding in LEGACY_NAMES:
        annex.warnings.insert(0, Warning(path.name, None, f"Chữ trong tệp gõ bằng bảng mã {LEGACY_NAMES[encoding]}; "
                                                           "đã chuyển sang Unicode."))
    if not annex.indices or annex.task_count == 0:
        if any(table.source == "none" for table in annex.tables):
            _settle_identity(annex, path)
            raise UnknownLayoutError(
                f"Tệp “{path.name}”: không tìm thấy bảng có dòng tiêu đề quen thuộc (STT, Nhiệm vụ, Chủ trì…); hãy chỉ ra cột nào là "
                "nhiệm vụ, cơ quan, thời hạn (trong cửa sổ xem trước, hoặc --columns \"C=task,D=lead,E=cooperating,"
                "F=deadline\").", annex)
        raise ImportRefusedError(
            f"Tệp “{path.name}” không phải là phụ lục phân công nhiệm vụ: không tìm thấy bảng có các cột "
            "như STT, Nhiệm vụ, Thời gian, Đơn vị chủ trì, Đơn vị phối hợp."
        )
    _settle_identity(annex, path)
    return annex


class UnknownLayoutError(ImportRefusedError):
    """No header recognised: the caller can offer the column mapping (the parsed tables ride along)."""

    def __init__(self, message: str, annex: ParsedAnnex):
        super().__init__(message)
        self.annex = annex


def _settle_identity(annex: ParsedAnnex, path: Path) -> None:
    """The plan's number: from the title rows, else the file's own properties, else its name."""
    if not annex.plan_number:
        for text in file_properties(path):
            reference = parse_plan_reference(text)
            number = reference[0] if reference else _bare_number(text)
            if number:
                annex.plan_number, annex.plan_number_source = number, "properties"
                if reference and reference[1] and not annex.plan_date:
                    annex.plan_date = reference[1]
                    if annex.plan_year is None or len(set(annex.title_years)) > 1:
                        annex.plan_year = annex.plan_date.year
                break
    if not annex.plan_number:
        number = _bare_number(path.stem.replace("_", "-"))
        if number:
            annex.plan_number, annex.plan_number_source = number, "file name"
    if not annex.plan_number:
        annex.plan_number = path.stem  # something to tell plans apart until the user types the number
        annex.warnings.append(Warning(annex.file_name, None, "Không thấy số hiệu kế hoạch trong tiêu đề, thuộc tính "
                                      "hay tên tệp; hãy nhập số hiệu kế hoạch (tạm dùng tên tệp)."))


def _bare_number(text: str) -> str:
    found = re.search(r"(?<!\d)(\d{1,5})\s*[/_\-. ]\s*(KH)\s*[-–_ ]\s*([A-ZĐ][A-ZĐ0-9]{1,9})(?![a-z])", text)
    return f"{found.group(1)}/{found.group(2)}-{found.group(3)}" if found else ""


def file_properties(path: Path) -> list[str]:
    """The title, subject, keywords and description an Office file carries (docProps/core.xml)."""
    import html
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return []
    texts = []
    for tag in ("dc:title", "dc:subject", "cp:keywords", "dc:description"):
        found = re.search(rf"<{tag}[^>]*>(.*?)</{tag}>", core, re.DOTALL)
        if found and found.group(1).strip():
            texts.append(html.unescape(found.group(1)).strip())
    return texts


LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC, phông .VnTime)", "vni": "VNI (phông VNI-Times)"}


def _grids_in_unicode(grids: list[Grid], file_name: str) -> tuple[list[Grid], str]:
    """Convert text typed in TCVN3 or VNI to Unicode; refuse an encoding we cannot read."""
    texts = [cell.text for grid in grids for row in grid.rows for cell in row if cell.text]
    try:
        converted, encoding = to_unicode(texts)
    except UnknownLegacyEncodingError as error:
        raise ImportRefusedError(f"Tệp “{file_name}”: {error}") from None
    if encoding not in LEGACY_NAMES:
        return grids, encoding
    replacements = iter(converted)
    for grid in grids:
        grid.rows = [[replace(cell, text=next(replacements)) if cell.text else cell for cell in row] for row in grid.rows]
    return grids, encoding


def _number_from_file_name(stem: str) -> str:
    """"bac-kan-365-KH-UBND-phu-luc" → "365/KH-UBND"; else the file name itself."""
    found = re.search(r"(?<!\d)(\d{1,5})[\s_\-./]*(KH)[\s_\-]+([A-ZĐ]{2,10})(?![a-z])", stem)
    return f"{found.group(1)}/{found.group(2)}-{found.group(3)}" if found else stem


def summarize(annex: ParsedAnnex, profile: AgencyProfile | None) -> ImportSummary:
    mine = {role.value: 0 for role in Role}
    for index in annex.indices:
        for task in index.tasks:
            found = resolve_role(profile, task.lead, task.implementing, task.cooperating)
            if found.role:
                mine[found.role.value] += 1
    return ImportSummary(
        file_name=annex.file_name,
        plan={
            "number": annex.plan_number,
            "date": annex.plan_date.isoformat() if annex.plan_date else None,
            "issuer": annex.plan_issuer,
            "year": annex.plan_year,
            "title": annex.plan_title,
            # Where the number came from; "" when nobody wrote it: the user must type it.
            "number_source": annex.plan_number_source,
            "number_missing": not annex.plan_number_source,
        },
        indices=[
            {"kind": index.kind.value, "name": index.name, "sheet": index.sheet,
             "criteria": len(index.criteria), "tasks": len(index.tasks)}
            for index in annex.indices
        ],
        criteria=annex.criteria_count,
        tasks=annex.task_count,
        mine=mine,
        warnings=[w.to_json() for w in annex.warnings],
        skipped=[w.to_json() for w in annex.skipped],
        tables=[table.to_json() for table in annex.tables],
        shared_tasks=[
            {"sheet": task.sheet, "row": task.row, "content": task.content,
             "criteria": [task.criterion_key or "", *task.also_serves]}
            for index in annex.indices for task in index.tasks if task.also_serves
        ],
    )


def apply_annex(
    db: sqlite_utils.Database,
    annex: ParsedAnnex,
    source_file: str,
    progress: ProgressCallback | None = None,
) -> dict[str, int]:
    """Write the parsed annex in one transaction; return counts of added/updated/removed tasks.

    A task of a revised annex keeps its row (and so its progress and evidence) when its text
    is unchanged, or, failing that, when it is the most similar unclaimed task of the same
    criterion: annexes get reworded between versions.
    """
    changes = {"added": 0, "updated": 0, "unchanged": 0, "removed": 0, "restored": 0}
    total = annex.task_count
    with transaction(db):
        plan_id = _upsert_plan(db, annex, source_file)
        old_tasks = store.list_plan_tasks(db, plan_id)
        criterion_keys = {row["id"]: criterion_key(row) for row in store.all_criteria(db)}
        also_serves: dict[int, list[int]] = {}  # id(values) → the other criteria it serves
        incoming = _incoming_tasks(db, plan_id, annex, also_serves)
        pairs = pair_with_existing(incoming, old_tasks, criterion_keys)
        linked = store.plan_also_serves(db, plan_id)
        done = 0
        for values, old in pairs:
            if old is None:
                task_id = store.insert_task(db, values)
                changes["added"] += 1
            else:
                task_id = old["id"]
                changes[update_task(db, old, values)] += 1
            wanted = also_serves.get(id(values), [])
            if wanted != linked.get(task_id, []):
                store.set_also_serves(db, task_id, wanted)
            done += 1
            if progress and done % 25 == 0:
                progress(done, total, "Đang ghi nhiệm vụ")
        claimed = {old["id"] for _, old in pairs if old is not None}
        for row in old_tasks:
            if row["id"] not in claimed and not row["removed"] and not is_carried(row):  # issue 16: carried by hand
                store.update_task(db, row["id"], {"removed": 1})
                changes["removed"] += 1
    return changes


def _incoming_tasks(db: sqlite_utils.Database, plan_id: int, annex: ParsedAnnex,
                    also_serves: dict[int, list[int]]) -> list[tuple[dict, str]]:
    """Upsert indices and criteria; return each task's row values with its criterion key."""
    existing_indices = {(row["kind"], row["name"]): row for row in store.list_indices(db, plan_id)}
    incoming = []
    for position, index in enumerate(annex.indices):
        found = existing_indices.get((index.kind.value, index.name))
        if found:
            index_id = found["id"]
            if found["position"] != position:
                store.update_index(db, index_id, {"position": position})
        else:
            index_id = store.insert_index(
                db, {"plan_id": plan_id, "kind": index.kind.value, "name": index.name, "position": position}
            )
        criterion_ids = _upsert_criteria(db, index_id, index.criteria)
        for task_position, task in enumerate(index.tasks):
            values = {
                "plan_id": plan_id, "index_id": index_id,
                "criterion_id": criterion_ids.get(task.criterion_key or ""),
                "position": task_position, "content": task.content,
                "deadline_text": task.deadline_text, "evidence_required": task.evidence_required,
                "lead": task.lead, "implementing": task.implementing, "cooperating": task.cooperating,
                "source_sheet": task.sheet, "source_row": task.row, "removed": 0,
            }
            incoming.append((values, task.criterion_key or ""))
            others = [criterion_ids[key] for key in task.also_serves if key in criterion_ids]
            if others:
                also_serves[id(values)] = others
    return incoming


# Below this similarity a reworded task is taken for a new one (and the old one for removed).
REWORDED_MIN_SIMILARITY = 0.6
# A reworded task stays near its old place; the window bounds the work on a rewritten annex.
REWORDED_POSITION_WINDOW = 30


def pair_with_existing(
    incoming: list[tuple[dict, str]], old_tasks: list[dict], criterion_keys: dict[int, str]
) -> list[tuple[dict, dict | None]]:
    """Each incoming task with the stored task it continues, or None for a new task."""
    by_place: dict[tuple[int, str], list[dict]] = {}  # stored tasks by index and criterion
    for row in old_tasks:
        by_place.setdefault((row["index_id"], criterion_keys.get(row["criterion_id"], "")), []).append(row)
    paired: list[dict | None] = [None] * len(incoming)
    claimed: set[int] = set()

    def claim(i: int, row: dict) -> None:
        paired[i] = row
        claimed.add(row["id"])

    for i, (values, key) in enumerate(incoming):  # the same text: the same task
        text = fold(values["content"])
        same = next((row for row in by_place.get((values["index_id"], key), [])
                     if row["id"] not in claimed and fold(row["content"]) == text), None)
        if same is not None:
            claim(i, same)
    candidates = []  # reworded: the most similar unclaimed task of the same criterion, nearby
    for i, (values, key) in enumerate(incoming):
        if paired[i] is not None:
            continue
        for row in by_place.get((values["index_id"], key), []):
            near = abs(row["position"] - values["position"]) <= REWORDED_POSITION_WINDOW
            if near and row["id"] not in claimed:
                ratio = _similarity(row["content"], values["content"])
                if ratio >= REWORDED_MIN_SIMILARITY:
                    candidates.append((ratio, i, row))
    for _, i, row in sorted(candidates, key=lambda item: -item[0]):
        if paired[i] is None and row["id"] not in claimed:
            claim(i, row)
    return [(values, paired[i]) for i, (values, _) in enumerate(incoming)]


def _similarity(old: str, new: str) -> float:
    matcher = difflib.SequenceMatcher(None, fold(old), fold(new), autojunk=False)
    if matcher.real_quick_ratio() < REWORDED_MIN_SIMILARITY or matcher.quick_ratio() < REWORDED_MIN_SIMILARITY:
        return 0.0  # cheap upper bounds rule most pairs out
    return matcher.ratio()


def update_task(db: sqlite_utils.Database, old: dict, values: dict) -> str:
    """Bring a stored task up to the annex; say which count the change belongs to."""
    differs = {k: v for k, v in values.items() if old.get(k) != v}
    if not differs:
        return "unchanged"
    store.update_task(db, old["id"], differs)
    if old["removed"] and not values["removed"]:
        return "restored"
    return "updated" if set(differs) - {"position", "source_row", "source_sheet"} else "unchanged"


def criterion_key(row: dict) -> str:
    return row["code"] or "#" + fold(row["title"])


def _upsert_plan(db: sqlite_utils.Database, annex: ParsedAnnex, source_file: str) -> int:
    date = annex.plan_date.isoformat() if annex.plan_date else None
    values = {
        "number": annex.plan_number,
        "date": date,
        "issuer": annex.plan_issuer,
        "year": annex.plan_year,
        "title": annex.plan_title,
        "source_file": source_file,
    }
    found = store.find_plan(db, annex.plan_number, date)
    if found and found["year"] and annex.plan_year and found["year"] != annex.plan_year:
        found = None  # issue 16: a new year's annex under the same number is a new plan, not a revision
    if found:
        changed = {k: v for k, v in values.items() if found.get(k) != v}
        if changed:
            store.update_plan(db, found["id"], changed)
        return found["id"]
    values["imported_at"] = dt.datetime.now().isoformat(timespec="seconds")
    return store.insert_plan(db, values)


def _upsert_criteria(db: sqlite_utils.Database, index_id: int, criteria) -> dict[str, int]:
    """Insert or update the index's criteria; return code → id (areas without a code by title)."""
    existing = {criterion_key(row): row for row in store.list_criteria(db, index_id)}
    ids: dict[str, int] = {}
    current_area_id = None
    for position, criterion in enumerate(criteria):
        key = criterion.key
        parent_id = _parent_id(criterion.code, ids) if criterion.code else None
        if parent_id is None and not criterion.is_area:
            parent_id = current_area_id
        values = {
            "index_id": index_id,
            "parent_id": parent_id,
            "code": criterion.code,
            "title": criterion.title,
            "max_score": criterion.max_score,
            "prior_result": criterion.prior_result,
            "target": criterion.target,
            "position": position,
        }
        old = existing.get(key)
        if old is None:
            criterion_id = store.insert_criterion(db, values)
        else:
            criterion_id = old["id"]
            differs = {k: v for k, v in values.items() if old.get(k) != v}
            if differs:
                store.update_criterion(db, criterion_id, differs)
        ids[key] = criterion_id
        if criterion.is_area:
            current_area_id = criterion_id
    return ids


def _parent_id(code: str, ids: dict[str, int]) -> int | None:
    parts = code.split(".")
    while len(parts) > 1:
        parts.pop()
        parent = ids.get(".".join(parts))
        if parent is not None:
            return parent
    return None
