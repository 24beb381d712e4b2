"""Who consolidates what, and the roster of agencies expected to report (danh sách đơn vị).

An agency is identified by its code (mã định danh) when it has one, else by its exact NFC
name: "Hòa Ân" and "Hòa An" are two agencies, and a name that differs from a rostered one
only in diacritics, case or abbreviations is reported as a question, never merged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..db import consolidation_store as cstore
from ..db import store, transaction
from ..deadlines import parse_deadline
from ..errors import ImportRefusedError, InvalidInputError
from ..matching import canonical, match_cell, resolve_role
from ..model import AgencyKind, AgencyProfile, Role
from ..text import clean_cell, fold
from . import maybe_rolled_back, vietnamese_key

CONSOLIDATES = ("plan", "led-tasks", "none")
CONSOLIDATES_LABELS = {
    "plan": "Tổng hợp toàn bộ kế hoạch (Sở Nội vụ)",
    "led-tasks": "Tổng hợp các nhiệm vụ đơn vị chủ trì",
    "none": "Không tổng hợp",
}
KIND_WORDS = [  # how a roster sheet may write the kind; checked in order on folded text
    (AgencyKind.SO, r"^(so|ban|nganh|so, ban, nganh|cap tinh)\b"),
    (AgencyKind.HUYEN, r"^(huyen|cap huyen|thanh pho|thi xa|ubnd (cap )?huyen)\b"),
    (AgencyKind.XA, r"^(xa|phuong|thi tran|cap xa|ubnd (cap )?xa)\b"),
    (AgencyKind.KHAC, r"^(khac|co quan khac)\b"),
]


def get_consolidates(workspace) -> str:
    return cstore.get_consolidates(workspace.db)


def set_consolidates(workspace, value: str) -> str:
    if value not in CONSOLIDATES:
        raise InvalidInputError(f"Vai trò tổng hợp “{value}” không hợp lệ; chọn một trong: {', '.join(CONSOLIDATES)}.")
    with transaction(workspace.db):
        cstore.set_consolidates(workspace.db, value)
    return value


# --- the tasks in the consolidator's scope and each agency's assigned tasks -------------------

@dataclass
class PlanTask:
    id: int
    plan_id: int
    plan_year: int | None
    index_kind: str
    index_name: str
    index_position: int
    code: str
    content: str
    lead: str
    implementing: str
    cooperating: str
    due_date: dt.date | None
    area: str = ""  # "1. Công tác chỉ đạo, điều hành CCHC": the top criterion above the task
    due_dates: tuple[dt.date, ...] = ()  # "Thường xuyên": due at each report (outcomes.overdue_after)
    recurring: bool = False


def _area(criteria: dict[int, dict], criterion_id: int | None) -> str:
    from ..report.wording import sentence_case

    area = criteria.get(criterion_id)
    while area is not None and area["parent_id"] is not None:
        area = criteria.get(area["parent_id"])
    if area is None:
        return "Nhiệm vụ khác"
    code, title = area["code"].rstrip("."), sentence_case(area["title"]) or "Nhiệm vụ khác"
    return f"{code}. {title}" if code else title


def plan_tasks(workspace) -> list[PlanTask]:
    """The current (not removed) tasks of every plan, in annex order."""
    result = []
    criteria = {row["id"]: row for row in store.all_criteria(workspace.db)}
    for row in store.task_rows(workspace.db):
        if row["removed"]:
            continue
        deadline = parse_deadline(row["deadline_text"], row["plan_year"])
        result.append(PlanTask(
            id=row["id"], plan_id=row["plan_id"], plan_year=row["plan_year"], index_kind=row["index_kind"],
            index_name=row["index_name"], index_position=row["index_position"], code=row["criterion_code"] or "",
            content=row["content"], lead=row["lead"], implementing=row["implementing"],
            cooperating=row["cooperating"],
            due_date=deadline.due_date, due_dates=deadline.dates, recurring=deadline.recurring,
            area=_area(criteria, row["criterion_id"]),
        ))
    return result


def names_as_lead(task: PlanTask, profile: AgencyProfile) -> bool:
    """Named as lead by its own name: a group lead ("Các sở, ban, ngành") gathers nothing."""
    found = match_cell(task.lead or "", profile)
    return found is not None and not found.reason.startswith("nhóm")


def scope_tasks(workspace, consolidates: str | None = None) -> list[PlanTask]:
    """The tasks this consolidator gathers: the whole plan, or those it leads by name."""
    consolidates = consolidates or get_consolidates(workspace)
    if consolidates == "none":
        raise InvalidInputError("Đơn vị chưa được đặt vai trò tổng hợp: đặt trong Đơn vị → Thông tin đơn vị… "
                                "hoặc bằng lệnh kehoach profile --consolidates plan|led-tasks.")
    tasks = plan_tasks(workspace)
    if consolidates == "led-tasks":
        profile = workspace.profile()
        if profile is None:
            raise InvalidInputError("Chưa khai báo thông tin đơn vị: cần tên đơn vị để biết nhiệm vụ nào mình chủ trì.")
        tasks = [task for task in tasks if names_as_lead(task, profile)]
    return tasks


def matched_roles(agency: dict, tasks: list[PlanTask]) -> dict[int, str]:
    """task id → the agency's role by the annex (the same matching as for the agency itself)."""
    profile = AgencyProfile(name=agency["name"], kind=AgencyKind(agency["kind"]))
    roles = {}
    for task in tasks:
        found = resolve_role(profile, task.lead, task.implementing, task.cooperating).role
        if found is not None:
            roles[task.id] = found.value
    return roles


# --- identity and the roster ---------------------------------------------------------------------

@dataclass
class Lookup:
    agency: dict | None  # the rostered agency this is, or None
    similar: list[dict] = field(default_factory=list)  # near-identical names: a question to the user

    def question(self, name: str) -> str:
        names = ", ".join(f"“{row['name']}”" for row in self.similar)
        return (f"tên “{name}” gần giống {names} trong danh sách đơn vị nhưng không trùng khớp; chương trình không "
                "tự gộp. Nếu là cùng một đơn vị, hãy ghi cùng mã định danh; nếu là đơn vị khác, hãy thêm nó vào "
                "danh sách (kehoach roster add) rồi nhận lại")


def clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", clean_cell(name)).strip()


def lookup(db, name: str, code: str = "", index: "RosterIndex | None" = None) -> Lookup:
    """The rostered agency with this code (else this exact NFC name), and near-identical ones.
    `index`: the roster's names already folded, for many lookups in a row (receiving)."""
    name, code = clean_name(name), clean_cell(code)
    if code:
        found = index.with_code(code) if index is not None else cstore.find_agency_by_code(db, code)
        if found is not None:
            return Lookup(found)
    named = index.with_name(name) if index is not None else cstore.find_agencies_by_name(db, name)
    exact = [row for row in named if not code or not row["code"]]
    if exact:
        return Lookup(exact[0])
    folded, canon = fold(name), canonical(name)
    rows = index.candidates(folded, canon) if index is not None else cstore.list_roster(db)
    similar = [row for row in rows
               if row["name"] != name and (fold(row["name"]) == folded or canonical(row["name"]) == canon)
               and (not code or not row["code"])]
    return Lookup(None, similar)


class RosterIndex:
    """The roster by folded and by canonical name, so that receiving 1,000 packages of new
    agencies does not compare each name with every other one (the same test, fewer rows)."""

    def __init__(self, db):
        self._by_key: dict[str, dict[int, dict]] = {}
        self._by_code: dict[str, dict] = {}  # by code and by exact name too: the queries scanned the roster
        self._by_name: dict[str, dict[int, dict]] = {}
        for row in cstore.list_roster(db):
            self.add(row)

    def add(self, row: dict) -> None:
        """A row as stored (the index must follow every change to the roster while it is used)."""
        for key in {"f" + fold(row["name"]), "c" + canonical(row["name"])}:
            self._by_key.setdefault(key, {})[row["id"]] = row
        if row["code"]:
            self._by_code.setdefault(row["code"], row)  # unique (roster_code)
        self._by_name.setdefault(row["name"], {})[row["id"]] = row

    def replace(self, old: dict, new: dict) -> None:
        """A stored row changed (its name or code may have): found by its new values only."""
        for key in {"f" + fold(old["name"]), "c" + canonical(old["name"])}:
            self._by_key.get(key, {}).pop(old["id"], None)
        if old["code"] and self._by_code.get(old["code"], {}).get("id") == old["id"]:
            del self._by_code[old["code"]]
        self._by_name.get(old["name"], {}).pop(old["id"], None)
        self.add(new)

    def with_code(self, code: str) -> dict | None:
        return self._by_code.get(code)

    def with_name(self, name: str) -> list[dict]:
        """The rows of this exact name, by id (as find_agencies_by_name)."""
        found = self._by_name.get(name, {})
        return [found[key] for key in sorted(found)]

    def candidates(self, folded: str, canon: str) -> list[dict]:
        """The rows whose folded or canonical name is this one, in roster order (by id)."""
        found = {**self._by_key.get("f" + folded, {}), **self._by_key.get("c" + canon, {})}
        return [found[key] for key in sorted(found)]


def _checked(name: str, kind: str, code: str, contact: str) -> dict:
    name = clean_name(name)
    if not name:
        raise InvalidInputError("Tên đơn vị không được để trống.")
    if len(name) > 300:
        raise InvalidInputError(f"Tên đơn vị “{name[:40]}…” quá dài.")
    try:
        kind = AgencyKind(kind).value
    except ValueError:
        raise InvalidInputError(f"Loại đơn vị “{kind}” không hợp lệ; chọn một trong: so, huyen, xa, khac.") from None
    return {"name": name, "kind": kind, "code": clean_cell(code)[:60], "contact": clean_cell(contact)[:300]}


@dataclass
class RosterChange:
    added: list[dict] = field(default_factory=list)
    updated: list[dict] = field(default_factory=list)
    unchanged: int = 0
    questions: list[str] = field(default_factory=list)  # near-identical names, not added
    errors: list[dict] = field(default_factory=list)  # {"sheet", "row", "message"}
    applied: bool = False

    def to_json(self) -> dict:
        return {"added": [row["name"] for row in self.added], "updated": [row["name"] for row in self.updated],
                "unchanged": self.unchanged, "questions": self.questions, "errors": self.errors,
                "applied": self.applied}


def insert_agency(db, row: dict, index: RosterIndex | None = None) -> int:
    """Add a row (cstore.ROSTER_FIELDS) to the roster, and to `index` when one is in use."""
    agency_id = cstore.insert_agency(db, row)
    if index is not None:
        index.add({"id": agency_id, **row})
    return agency_id


def _put(db, values: dict, source: str, change: RosterChange, *, allow_similar: bool,
         index: RosterIndex | None = None) -> None:
    """`index`: the roster's names for many puts in a row (a list of 1,000 agencies compared each
    name with every one before it: 8.5 s); it follows what is written here."""
    found = lookup(db, values["name"], values["code"], index)
    if found.agency is None:
        if found.similar and not allow_similar:
            change.questions.append(found.question(values["name"]))
            return
        insert_agency(db, {**values, "source": source, "added_at": dt.datetime.now().isoformat(timespec="seconds")},
                      index)
        change.added.append(values)
        return
    row = found.agency
    differs = {key: value for key, value in values.items() if value and row[key] != value}
    if differs:
        cstore.update_agency(db, row["id"], differs)
        change.updated.append({**row, **differs})
        if index is not None:
            index.replace(row, {**row, **differs})
    else:
        change.unchanged += 1


def add_agency(workspace, name: str, kind: str, code: str = "", contact: str = "", *,
               allow_similar: bool = False) -> RosterChange:
    """Add (or complete) one agency by hand. A near-identical name is refused unless confirmed."""
    values = _checked(name, kind, code, contact)
    change = RosterChange()
    with transaction(workspace.db):
        _put(workspace.db, values, "tay", change, allow_similar=allow_similar)
    if change.questions:
        raise InvalidInputError(change.questions[0][:1].upper() + change.questions[0][1:]
                                + " (hoặc thêm --allow-similar nếu chắc chắn là đơn vị khác).")
    change.applied = True
    return change


HEADERS = {  # column → words its header may contain (folded)
    "name": ("ten don vi", "ten co quan", "don vi", "co quan", "ten"),
    "kind": ("loai", "cap"),
    "code": ("ma dinh danh", "ma don vi", "ma"),
    "contact": ("lien he", "dien thoai", "email", "dau moi"),
}


def _header_columns(row: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for key, words in HEADERS.items():
        for col, text in enumerate(row):
            folded = fold(text)
            if col not in found.values() and any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded) for w in words):
                found[key] = col
                break
    return found


def guess_kind(name: str, written: str = "") -> AgencyKind:
    """The kind as written in the sheet, else from how the name begins."""
    for text in (written, name):
        folded = fold(text)
        if folded in {k.value for k in AgencyKind}:
            return AgencyKind(folded)
        for kind, pattern in KIND_WORDS:
            if re.search(pattern, folded):
                return kind
        if text is name:
            if re.match(r"^(uy ban nhan dan|ubnd) (xa|phuong|thi tran)\b", folded):
                return AgencyKind.XA
            if re.match(r"^(uy ban nhan dan|ubnd) (huyen|thanh pho|thi xa)\b", folded):
                return AgencyKind.HUYEN
    return AgencyKind.KHAC


def import_roster(workspace, path: str | Path, *, dry_run: bool = False) -> RosterChange:
    """Agencies from an .xlsx list: one row per agency, columns found by their header words."""
    from ..importer.excel import read_excel_grids

    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ImportRefusedError(f"Tệp “{path.name}” không phải là tệp Excel (.xlsx) danh sách đơn vị.")
    rows_in: list[tuple[str, int, dict]] = []
    change = RosterChange()
    for grid in read_excel_grids(path):
        texts = [[cell.text for cell in row] for row in grid.rows]
        header_at = next((i for i, row in enumerate(texts[:20])  # a title row above has one cell only
                          if sum(bool(t) for t in row) >= 2 and "name" in _header_columns(row)), None)
        if header_at is None:
            continue
        columns = _header_columns(texts[header_at])
        for number, row in enumerate(texts[header_at + 1:], start=header_at + 2):
            def cell(key: str) -> str:
                col = columns.get(key)
                return row[col] if col is not None and col < len(row) else ""
            name = clean_name(cell("name"))
            if not name or re.fullmatch(r"[\d.\s]+", name):
                continue
            kind = guess_kind(name, cell("kind")).value
            try:
                rows_in.append((grid.name, number, _checked(name, kind, cell("code"), cell("contact"))))
            except InvalidInputError as error:
                change.errors.append({"sheet": grid.name, "row": number, "message": str(error)})
    if not rows_in:
        raise ImportRefusedError(f"Tệp “{path.name}” không có trang nào có cột tên đơn vị (tiêu đề “Tên đơn vị”).")
    db = workspace.db
    with maybe_rolled_back(db, dry_run):
        index = RosterIndex(db)
        for _sheet, _row, values in rows_in:
            _put(db, values, "excel", change, allow_similar=False, index=index)
    change.applied = not dry_run
    return change


def roster(workspace) -> list[dict]:
    """Every rostered agency with the number of tasks it must report on, in Vietnamese order."""
    consolidates = get_consolidates(workspace)
    tasks = scope_tasks(workspace, consolidates) if consolidates != "none" else plan_tasks(workspace)
    result = []
    for row in cstore.list_roster(workspace.db):
        roles = matched_roles(row, tasks)
        result.append({"id": row["id"], "name": row["name"], "kind": row["kind"], "code": row["code"],
                       "contact": row["contact"], "source": row["source"], "tasks": len(roles),
                       "lead": sum(role == Role.LEAD.value for role in roles.values())})
    return sorted(result, key=lambda item: vietnamese_key(item["name"]))
