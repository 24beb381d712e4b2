"""Checking the data of a package: every record has the fields and types the program writes,
every reference resolves, and the package is this agency's (or for it)."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import operator

from ..model import AgencyKind, AgencyProfile, Authority, Status
from ..text import nfc
from .content import FORMAT_WORKBOOK, is_progress_table, progress_records
from .manifest import FORMAT_PROGRESS, FORMAT_TASKS
from .safe_zip import refuse

from ..limits import MAX_SCORE, MAX_TEXT_CHARS  # shared with entry (issue 15)

def _text(value) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT_CHARS


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**53


def _number(value) -> bool:
    return (_int(value) or isinstance(value, float)) and math.isfinite(value) and abs(value) <= MAX_SCORE


def _bool(value) -> bool:
    return isinstance(value, bool)


def _date(value) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _sha(value) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(ch in "0123456789abcdef" for ch in value)


def _list(value) -> bool:
    return isinstance(value, list)


def _optional(check):
    optional = lambda value: value is None or check(value)  # noqa: E731
    optional.optional_of = check  # for _FastSpec
    return optional


def _one_of(*choices):
    return lambda value: value in choices


PLAN_SPEC = {"number": _text, "date": _optional(_date), "issuer": _text, "year": _optional(_int), "title": _text,
             "source_file": _text, "imported_at": _text, "indices": _list, "reports": _list}
INDEX_SPEC = {"kind": _text, "name": _text, "position": _int, "criteria": _list, "tasks": _list}
CRITERION_SPEC = {"ref": _int, "parent": _optional(_int), "code": _text, "title": _text,
                  "max_score": _optional(lambda v: _number(v) and v >= 0), "prior_result": _text, "target": _text, "position": _int}
TASK_SPEC = {"ref": _int, "criterion": _optional(_int), "position": _int, "content": _text,
             "deadline_text": _text, "evidence_required": _text, "lead": _text, "implementing": _text,
             "cooperating": _text, "source_sheet": _text, "source_row": _optional(_int), "removed": _bool}
ROLE_OVERRIDES = (None, "lead", "implementing", "cooperating", "none")
PROGRESS_SPEC = {"task": _int, "status": _one_of(*(s.value for s in Status)),
                 "percent": lambda v: _int(v) and 0 <= v <= 100, "result": _text, "completed_on": _optional(_date),
                 "score": _optional(lambda v: _number(v) and v >= 0), "difficulties": _text, "proposals": _text,
                 "updated_at": _text}
EVIDENCE_SPEC = {"task": _int, "number": _text, "date": _optional(_date), "issuer": _text, "abstract": _text,
                 "file_sha256": _optional(_sha), "file_name": _optional(_text),
                 "file_size": _optional(lambda v: _int(v) and v >= 0), "added_at": _text}
REPORT_SPEC = {"period": _one_of("q1", "h1", "q3", "year", "custom"), "year": _int, "start_date": _date,
               "end_date": _date, "number": _text, "signed_on": _optional(_date), "addressees": _text,
               "recipients": _text, "direction": _text, "shortcomings": _text, "next_steps": _text,
               "proposals": _text, "updated_at": _text}
PROFILE_SPEC = {"name": lambda v: _text(v) and bool(v.strip()), "kind": _one_of(*(k.value for k in AgencyKind)),
                "governing_body": _text, "place": _text, "symbol": _text, "signer_name": _text,
                "signer_title": _text, "authority": _one_of(*(a.value for a in Authority))}


def _need(record, spec: dict, where: str, display_name: str) -> None:
    fast = _FAST.get(id(spec))
    if fast is not None and fast.passes(record):
        return
    if not isinstance(record, dict):
        raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where})")
    for key, check in spec.items():
        if key not in record or not check(record[key]):
            raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, mục “{key}”)")


class _FastSpec:
    """The same checks as a spec, the text and integer fields of a record tested together
    (a package has 10⁵ of them). Stricter than the spec (exact str/int, as JSON gives them):
    a record it does not pass goes through the spec one field at a time, which names the field."""

    def __init__(self, spec: dict):
        def of(kind):
            return [key for key, check in spec.items() if check is kind]

        def optional(kind):
            return [key for key, check in spec.items() if getattr(check, "optional_of", None) is kind]

        self.keys = (of(_text), of(_int), of(_bool), optional(_int))  # texts, ints, bools, optional ints
        self.columns = [_column(keys) for keys in self.keys]
        grouped = {key for keys in self.keys for key in keys}
        self.others = [(key, check) for key, check in spec.items() if key not in grouped]

    def passes(self, record) -> bool:
        """One record: the same test as a list of one."""
        return self.passes_all([record])

    def passes_all(self, records: list) -> bool:
        """passes() for every record of a list, each field kind tested over all of them at once
        (a package's 300 tasks: a few C loops instead of 300 calls). The other checks run once
        per distinct (type, value): a status or a date repeats."""
        try:
            if {*map(type, records)} - {dict}:
                return False
            values = [column(records) for column in self.columns]
            others = [(check, [*map(operator.itemgetter(key), records)]) for key, check in self.others]
        except (KeyError, TypeError):  # a field missing
            return False
        return self._pass(*values, others)

    def passes_columns(self, columns: dict[str, list]) -> bool:
        """passes_all() for records given as columns ({key: [its value in each record]}, every key there)."""
        chained = itertools.chain.from_iterable
        values = [[*chained(columns[key] for key in keys)] for keys in self.keys]
        return self._pass(*values, [(check, columns[key]) for key, check in self.others])

    @staticmethod
    def _pass(texts: list, ints: list, bools: list, optional_ints: list, others: list[tuple]) -> bool:
        try:
            for check, values in others:
                if not all(check(value) for _, value in {*zip(map(type, values), values)}):
                    return False
        except TypeError:  # an unhashable value (a list where a status goes)
            return False
        if texts and ({*map(type, texts)} != {str} or max(map(len, texts)) > MAX_TEXT_CHARS):
            return False
        if bools and {*map(type, bools)} != {bool}:
            return False
        if optional_ints:
            kinds = {*map(type, optional_ints)}
            if not kinds <= {int, type(None)}:
                return False
            ints = [*ints, *filter(_not_none, optional_ints)]
        return not ints or ({*map(type, ints)} == {int} and max(map(abs, ints)) < 2**53)


_not_none = functools.partial(operator.is_not, None)


def _column(keys: list[str]):
    """records → the list of their values for `keys`, record after record (KeyError when one is
    missing), in C loops: no Python call per record (issue 11: 300 records × 1,000 packages)."""
    if not keys:
        return lambda records: []
    get = operator.itemgetter(*keys)
    if len(keys) == 1:
        return lambda records: [*map(get, records)]
    return lambda records: [*itertools.chain.from_iterable(map(get, records))]


def check_data(data, manifest: dict, display_name: str, files: set[str], known=None) -> tuple[set, set]:
    """Every record has the fields and types the program writes; every reference resolves.
    `known`: the package's plan.json as checked before (content.KnownPlan, issue 11): its indices
    are not checked again, the agency's roles in data["roles"] are. Returns (task refs, criterion refs)."""
    kind = manifest["format"]
    _need(data, {"plans": _list, "progress": _progress_form, "evidence": _list}, "data.json", display_name)
    if kind != FORMAT_TASKS:
        _need(manifest.get("profile"), PROFILE_SPEC, "thông tin đơn vị", display_name)
    task_refs: set[int] = set()
    all_refs: set[int] = set()
    all_criteria: set[int] = set()  # issue 12
    times = _Times()
    for plan in data["plans"]:
        _need(plan, PLAN_SPEC, "kế hoạch", display_name)
        if not plan["number"].strip():
            raise refuse(display_name, "dữ liệu trong gói không hợp lệ (kế hoạch không có số)")
        where = f"kế hoạch {plan['number']}"
        for index in plan["indices"] if known is None else ():
            _need(index, INDEX_SPEC, where, display_name)
            together = _criteria_together(index["criteria"], all_refs)  # issue 11: speed
            criterion_refs = set() if together is None else together
            if together is not None:
                all_refs.update(together)
                all_criteria.update(together)
            for criterion in index["criteria"] if together is None else []:  # the first bad one named
                _need(criterion, CRITERION_SPEC, f"{where}, tiêu chí", display_name)
                _new_ref(criterion["ref"], all_refs, display_name)
                criterion_refs.add(criterion["ref"])
                all_criteria.add(criterion["ref"])
            for criterion in index["criteria"]:
                if criterion["parent"] is not None and criterion["parent"] not in criterion_refs:
                    raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, tiêu chí "
                                               f"{criterion['code']} trỏ tới tiêu chí cha không có)")
            refs = _tasks_together(index["tasks"], kind, criterion_refs, all_refs)  # issue 11: speed
            if refs is not None:
                all_refs.update(refs)
                task_refs.update(refs)
                continue
            for task in index["tasks"]:  # one at a time: the first bad one is named
                _need(task, TASK_SPEC, f"{where}, nhiệm vụ", display_name)
                if kind != FORMAT_TASKS and task.get("role_override") not in ROLE_OVERRIDES:
                    raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, vai trò tự đặt)")
                if kind != FORMAT_TASKS and not _role(task.get("role")):
                    raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, vai trò trong nhiệm vụ)")
                if task["criterion"] is not None and task["criterion"] not in criterion_refs:
                    raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, nhiệm vụ trỏ tới "
                                               "tiêu chí không có)")
                also = task.get("also_serves", [])  # issue 14: optional
                if not _list(also) or any(not _int(ref) or ref not in criterion_refs for ref in also):
                    raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, nhiệm vụ phục vụ "
                                               "tiêu chí không có)")
                _new_ref(task["ref"], all_refs, display_name)
                task_refs.add(task["ref"])
        for report in plan["reports"]:
            _need(report, REPORT_SPEC, f"{where}, báo cáo", display_name)
            _check_revision_and_time(report, f"{where}, báo cáo", display_name, times)
    if known is not None:
        task_refs, all_criteria = _known_plan_refs(data, known, display_name)
    seen_progress: set[int] = set()
    for record in _progress_to_check_one_by_one(data["progress"], task_refs, times):
        _need(record, PROGRESS_SPEC, "tiến độ", display_name)
        _check_revision_and_time(record, "tiến độ", display_name, times)
        if record["task"] not in task_refs or record["task"] in seen_progress:
            raise refuse(display_name, "dữ liệu trong gói không hợp lệ (tiến độ của nhiệm vụ không có)")
        seen_progress.add(record["task"])
    for record in [] if _evidence_together(data["evidence"], task_refs) else data["evidence"]:
        _need(record, EVIDENCE_SPEC, "tài liệu kiểm chứng", display_name)
        if record["task"] not in task_refs:
            raise refuse(display_name, "dữ liệu trong gói không hợp lệ (tài liệu của nhiệm vụ không có)")
    if kind == FORMAT_TASKS and (progress_count(data["progress"]) or data["evidence"]):
        raise refuse(display_name, "gói nhiệm vụ không được mang tiến độ hay tài liệu kiểm chứng")
    _check_scores(data, kind, all_criteria, task_refs, display_name)  # issue 12
    return task_refs, all_criteria


# --- a package whose plan.json is known (issue 11) ---

def _known_plan_refs(data: dict, known, display_name: str) -> tuple[set, set]:
    """The known plan's refs, once the agency's roles (data["roles"]: ref → (override, role)) name
    only its tasks, with an override the program writes."""
    roles = data["roles"]
    try:
        pairs = {*roles.values()}  # a few distinct (override, role): each checked once
    except TypeError:  # an unhashable value
        pairs = {(None, [])}
    if not known.task_refs.issuperset(roles) or any(
            override not in ROLE_OVERRIDES or not _role(role) for override, role in pairs):
        raise refuse(display_name, "dữ liệu trong gói không hợp lệ (vai trò trong nhiệm vụ)")
    return known.task_refs, known.criterion_refs


# --- the records of a list checked together (issue 11: receiving 1,000 packages) ---
# Each answers True only when every check of check_data's loop passes for every record; else
# the loop runs one record at a time and refuses with the same message as always.

_REF, _TASK, _CRITERION, _UPDATED = (operator.itemgetter(key) for key in ("ref", "task", "criterion", "updated_at"))
_ROLE_OVERRIDE = operator.methodcaller("get", "role_override")
_ROLE = operator.methodcaller("get", "role")


def _role(value) -> bool:
    """A task's role as a package gives it: none, or a text (one the program does not know is
    taken as none). The same rule whether the plan is read or known already (issue 11)."""
    return value is None or _text(value)
_ALSO_SERVES = operator.methodcaller("get", "also_serves", [])
_REVISION = operator.methodcaller("get", "revision", 0)


def _criteria_together(criteria: list, all_refs: set[int]) -> set[int] | None:
    """The refs of an index's criteria when all of them pass (their parents checked after); else None."""
    if not _FAST[id(CRITERION_SPEC)].passes_all(criteria):
        return None
    refs = [*map(_REF, criteria)]
    if len({*refs}) != len(refs) or not all_refs.isdisjoint(refs):
        return None
    return {*refs}


def _tasks_together(tasks: list, kind: str, criterion_refs: set[int], all_refs: set[int]) -> list[int] | None:
    """The refs of an index's tasks when all of them pass; else None."""
    if not _FAST[id(TASK_SPEC)].passes_all(tasks):
        return None
    try:
        if kind != FORMAT_TASKS and ({*map(_ROLE_OVERRIDE, tasks)} - set(ROLE_OVERRIDES)
                                     or not all(map(_role, {*map(_ROLE, tasks)}))):
            return None
    except TypeError:  # an unhashable role
        return None
    if {*map(_CRITERION, tasks)} - criterion_refs - {None}:
        return None
    also = [*map(_ALSO_SERVES, tasks)]
    if {*map(type, also)} - {list}:
        return None
    served = [*itertools.chain.from_iterable(also)]
    if served and ({*map(type, served)} != {int} or {*served} - criterion_refs):
        return None
    refs = [*map(_REF, tasks)]
    if len({*refs}) != len(refs) or not all_refs.isdisjoint(refs):
        return None
    return refs


def _progress_together(records: list, task_refs: set[int], times: "_Times") -> bool:
    if not _FAST[id(PROGRESS_SPEC)].passes_all(records):
        return False
    revisions = [*map(_REVISION, records)]
    if revisions and ({*map(type, revisions)} != {int} or min(revisions) < 0 or max(revisions) >= 2**53):
        return False
    if not all(map(times.valid, {*map(_UPDATED, records)})):
        return False
    tasks = [*map(_TASK, records)]
    return len({*tasks}) == len(tasks) and task_refs.issuperset(tasks)


def _progress_columns_together(columns: dict[str, list], task_refs: set[int], times: "_Times") -> bool:
    """_progress_together for format 3's columns as a receiver takes them (content.progress_columns)."""
    if not _FAST[id(PROGRESS_SPEC)].passes_columns(columns):
        return False
    revisions, tasks = columns["revision"], columns["task"]
    if revisions and ({*map(type, revisions)} != {int} or min(revisions) < 0 or max(revisions) >= 2**53):
        return False
    if not all(map(times.valid, {*columns["updated_at"]})):  # texts and ints by now: hashable
        return False
    return len({*tasks}) == len(tasks) and task_refs.issuperset(tasks)


def _progress_form(value) -> bool:
    """Records (formats 1 and 2, and any reader's joined form), or format 3's columns as the
    reader has checked them (packages._progress_read: a receiver holding the plan keeps them)."""
    return _list(value) or is_progress_table(value)


def progress_count(progress: list | dict) -> int:
    """How many progress records, given as records or as columns."""
    return len(progress["task"]) if type(progress) is dict else len(progress)


def _progress_to_check_one_by_one(progress: list | dict, task_refs: set[int], times: "_Times") -> list[dict]:
    """Nothing when all the records pass together; else all of them, for check_data to name the first bad one."""
    if type(progress) is dict:
        return [] if _progress_columns_together(progress, task_refs, times) else progress_records(progress)
    return [] if _progress_together(progress, task_refs, times) else progress


def _evidence_together(records: list, task_refs: set[int]) -> bool:
    return _FAST[id(EVIDENCE_SPEC)].passes_all(records) and task_refs.issuperset(map(_TASK, records))


def _new_ref(ref: int, seen: set[int], display_name: str) -> None:
    if ref in seen:
        raise refuse(display_name, "dữ liệu trong gói không hợp lệ (mã dòng bị lặp)")
    seen.add(ref)


def check_agency(manifest: dict, profile: AgencyProfile | None, display_name: str) -> None:
    """A progress package restores only this agency's data; a task package for one agency goes only to it."""
    kind = manifest["format"]
    if kind in (FORMAT_PROGRESS, FORMAT_WORKBOOK):
        owner = (manifest.get("profile") or {}).get("name", "")
        if profile is not None and not same_agency(owner, profile.name):
            what = "gói báo cáo" if kind == FORMAT_PROGRESS else "bảng kết quả"
            raise refuse(display_name, f"đây là {what} của “{owner}”, không phải của đơn vị này (“{profile.name}”). "
                                       f"Chương trình chỉ nhập lại {what} của chính đơn vị mình; việc tổng hợp "
                                       "gói của nhiều đơn vị chưa được hỗ trợ")
    audience = manifest.get("audience")
    if kind == FORMAT_TASKS and audience and profile is not None and not same_agency(audience["name"], profile.name):
        raise refuse(display_name, f"gói nhiệm vụ này gửi riêng cho “{audience['name']}”, không phải cho đơn vị "
                                   f"này (“{profile.name}”)")


# --- criterion scores (issue 12): an optional list; older packages have none ---

SCORE_SPEC = {"criterion": _int, "score": _optional(lambda v: _number(v) and v >= 0), "not_applicable": _bool,
              "not_applicable_reason": _text, "explanation": _text, "note": _text, "updated_at": _text,
              "evidence": _list}
SCORE_LINK_SPEC = {"task": _optional(_int), "number": _text, "date": _optional(_date), "issuer": _text,
                   "abstract": _text, "file_sha256": _optional(_sha), "file_name": _optional(_text),
                   "file_size": _optional(lambda v: _int(v) and v >= 0), "location": _text, "added_at": _text}


def _check_scores(data: dict, kind: str, criteria: set[int], tasks: set[int], display_name: str) -> None:
    from .criterion_scores import check

    records = data.get("criterion_scores")
    if kind == FORMAT_TASKS and records:
        raise refuse(display_name, "gói nhiệm vụ không được mang tiến độ hay điểm tự chấm")
    check(records, criteria, tasks, display_name, {"score": SCORE_SPEC, "link": SCORE_LINK_SPEC})


# --- revisions and times (issue 15) ---

FUTURE_TOLERANCE = dt.timedelta(days=1)  # clocks of office PCs are often off by hours, rarely by days


def valid_time(value, latest: dt.datetime | None = None) -> dt.datetime | None:
    """An ISO time not later than `latest` (default: now plus the tolerance), as an aware
    datetime; else None."""
    if not isinstance(value, str) or not 10 <= len(value) <= 40:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the sender's local time, as written by this program
    if moment > (latest or latest_valid_time()):
        return None
    return moment


def latest_valid_time() -> dt.datetime:
    return dt.datetime.now().astimezone() + FUTURE_TOLERANCE


class _Times:
    """valid_time for the records of one package: one "now" for all, each distinct text parsed once."""

    def __init__(self) -> None:
        self.latest = latest_valid_time()
        self.seen: dict[str, bool] = {}

    def valid(self, value) -> bool:
        if type(value) is not str:
            return valid_time(value, self.latest) is not None
        ok = self.seen.get(value)
        if ok is None:
            ok = self.seen[value] = valid_time(value, self.latest) is not None
        return ok


def _check_revision_and_time(record: dict, where: str, display_name: str, times: _Times | None = None) -> None:
    if "revision" in record and not (_int(record["revision"]) and record["revision"] >= 0):
        raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}, mục “revision”)")
    if not (times or _Times()).valid(record["updated_at"]):
        raise refuse(display_name, f"dữ liệu trong gói không hợp lệ ({where}: thời điểm cập nhật "
                                   f"“{str(record['updated_at'])[:40]}” không phải là thời điểm hợp lệ hoặc ở "
                                   "tương lai; hãy kiểm tra đồng hồ của máy gửi rồi xuất lại gói)")


def same_agency(theirs: str, ours: str) -> bool:
    """Names compared in NFC with every diacritic: "Hòa Ân" is not "Hòa An" (nor "Hoa An").
    Only letter case and runs of spaces may differ, which never tell two agencies apart."""
    def key(name: str) -> str:
        return " ".join(nfc(name).casefold().split())

    return key(theirs) == key(ours)


# Fast paths of the specs checked once per record (see _FastSpec).
_FAST = {id(spec): _FastSpec(spec) for spec in (PLAN_SPEC, INDEX_SPEC, CRITERION_SPEC, TASK_SPEC, PROGRESS_SPEC,
                                                 EVIDENCE_SPEC, REPORT_SPEC, PROFILE_SPEC, SCORE_SPEC,
                                                 SCORE_LINK_SPEC)}
