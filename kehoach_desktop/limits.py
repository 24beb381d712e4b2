"""The limits every value must keep, checked where data enters and shared by export and import.

Whatever passes here the program can write into a package or a workbook and read back: the
detail pane, `kehoach progress`, the annex import and attaching evidence check values with
these functions, the package reader checks the same numbers (exchange/schema.py,
exchange/safe_zip.py), and the export names the task and field of a value that breaks them.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from .errors import InvalidInputError
from .text import format_decimal, nfc

MAX_TEXT_CHARS = 100_000  # one text field (a result, a task's content) in a package
MAX_ENTRIES = 5_000  # members of one package: the evidence files of a whole plan fit many times
MAX_EVIDENCE_FILES = MAX_ENTRIES - 2  # the manifest and the data take two members
MAX_MEMBER_BYTES = 2 * 1024**3  # one evidence file
MAX_TOTAL_BYTES = 8 * 1024**3  # everything a package unpacks to
MAX_SCORE = 1_000.0  # no index gives a criterion more points than this

# Characters XML 1.0 cannot hold (the Word report and the workbook are XML): C0 controls
# other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

PROGRESS_FIELD_LABELS = {
    "status": "Tình trạng", "percent": "Tỷ lệ hoàn thành", "result": "Kết quả",
    "completed_on": "Ngày hoàn thành", "score": "Điểm tự chấm", "difficulties": "Khó khăn",
    "proposals": "Đề xuất",
}


def clean_text(value: object) -> str:
    """NFC text without the characters XML cannot hold; cleaned once, when it is saved."""
    return _NOT_XML.sub("", nfc(value))


def check_text(value: object, field: str) -> str:
    """The cleaned text, or InvalidInputError naming the field when it is too long."""
    text = clean_text(value).strip()
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidInputError(
            f"{field} dài {len(text)} ký tự, quá giới hạn {MAX_TEXT_CHARS} ký tự; hãy rút gọn "
            "hoặc đưa phần chi tiết vào tài liệu kiểm chứng."
        )
    return text


def check_number(value: float | int | None, field: str, *, maximum: float = MAX_SCORE) -> float | None:
    """A finite, non-negative number not above `maximum`; None stays None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidInputError(f"{field} “{value}” không phải là một số.")
    if not math.isfinite(value):
        raise InvalidInputError(f"{field} “{value}” không phải là một số hữu hạn; hãy nhập một số, ví dụ 1,5.")
    if value < 0:
        raise InvalidInputError(f"{field} không được âm.")
    if value > maximum:
        raise InvalidInputError(f"{field} {format_decimal(value, 4)} vượt giới hạn {format_decimal(maximum, 4)}.")
    return float(value)


def check_evidence_file(path: Path, files_held: int, bytes_held: int) -> None:
    """An evidence file that still lets every package of the data be written and read back."""
    size = Path(path).stat().st_size
    name = Path(path).name
    if size > MAX_MEMBER_BYTES:
        raise InvalidInputError(f"Tệp “{name}” lớn {format_decimal(size / 1024**3, 1)} GB, quá giới hạn "
                                f"{MAX_MEMBER_BYTES // 1024**3} GB cho một tài liệu kiểm chứng.")
    if files_held + 1 > MAX_EVIDENCE_FILES:
        raise InvalidInputError(f"Không thể đính kèm “{name}”: dữ liệu đã có {files_held} tệp tài liệu kiểm "
                                f"chứng, tối đa một gói chứa được {MAX_EVIDENCE_FILES} tệp.")
    if bytes_held + size > MAX_TOTAL_BYTES:
        raise InvalidInputError(f"Không thể đính kèm “{name}”: tổng dung lượng tài liệu kiểm chứng sẽ vượt "
                                f"{MAX_TOTAL_BYTES // 1024**3} GB, mức tối đa một gói chứa được.")


# --- where data enters from a file, and where it leaves ---------------------------------------

def check_annex(annex) -> None:
    """An annex read from a file (importing.ParsedAnnex): every maximum score a finite,
    non-negative number, every text within the package limit. Raises ImportRefusedError
    naming the file, the sheet and the row or criterion."""
    from .errors import ImportRefusedError

    _clean_annex(annex)
    try:
        for index in annex.indices:
            for criterion in index.criteria:
                name = criterion.code or criterion.title[:40]
                check_number(criterion.max_score, f"Điểm tối đa của tiêu chí {name} (trang “{index.sheet}”)")
                check_text(criterion.title, f"Tên tiêu chí {name} (trang “{index.sheet}”)")
            for task in index.tasks:
                where = f"(trang “{task.sheet}”, dòng {task.row})"
                for attribute, label in (("content", "Nội dung nhiệm vụ"), ("deadline_text", "Thời hạn"),
                                         ("evidence_required", "Sản phẩm"), ("lead", "Cơ quan chủ trì"),
                                         ("implementing", "Cơ quan thực hiện"), ("cooperating", "Cơ quan phối hợp")):
                    check_text(getattr(task, attribute), f"{label} {where}")
    except InvalidInputError as error:
        raise ImportRefusedError(f"Không nhập được tệp “{annex.file_name}”: {error}") from None


_ANNEX_TEXTS = ("content", "deadline_text", "evidence_required", "lead", "implementing", "cooperating")


def _clean_annex(annex) -> None:
    """Characters XML cannot hold removed from every text of the annex, once, before it is saved."""
    for attribute in ("plan_number", "plan_issuer", "plan_title"):
        setattr(annex, attribute, clean_text(getattr(annex, attribute)))
    for index in annex.indices:
        index.name = clean_text(index.name)
        keys = {}
        for criterion in index.criteria:
            before = criterion.key
            for attribute in ("code", "title", "prior_result", "target"):
                setattr(criterion, attribute, clean_text(getattr(criterion, attribute)))
            keys[before] = criterion.key  # the tasks refer to their criterion by this key
        for task in index.tasks:
            task.criterion_key = keys.get(task.criterion_key, task.criterion_key)
            for attribute in _ANNEX_TEXTS:
                setattr(task, attribute, clean_text(getattr(task, attribute)))


def export_problem(data: dict) -> str | None:
    """The first value of a package's data that breaks a limit, named by task and field; the
    export refuses it before writing, so that the reader never sees it."""
    tasks = {task["ref"]: task for plan in data["plans"] for index in plan["indices"] for task in index["tasks"]}
    scores = {}
    for plan in data["plans"]:
        for index in plan["indices"]:
            for criterion in index["criteria"]:
                scores[criterion["ref"]] = criterion
                try:
                    check_number(criterion["max_score"], "điểm tối đa")
                except InvalidInputError as error:
                    return f"tiêu chí {criterion['code'] or criterion['title'][:40]}: {error}"
            for task in index["tasks"]:
                for key in ("content", "deadline_text", "evidence_required", "lead", "implementing", "cooperating"):
                    if len(task[key] or "") > MAX_TEXT_CHARS:
                        return f"{_task_name(task)}, mục “{key}”: dài quá {MAX_TEXT_CHARS} ký tự"
    for record in data["progress"]:
        task = tasks.get(record["task"], {"content": "?"})
        try:
            check_number(record["score"], "Điểm tự chấm")
        except InvalidInputError as error:
            return f"{_task_name(task)}: {error}"
        for key in ("result", "difficulties", "proposals"):
            if len(record[key] or "") > MAX_TEXT_CHARS:
                return (f"{_task_name(task)}, mục {PROGRESS_FIELD_LABELS[key].lower()}: dài quá "
                        f"{MAX_TEXT_CHARS} ký tự")
    return None


def _task_name(task: dict) -> str:
    content = " ".join(str(task.get("content", "")).split())
    return f"nhiệm vụ “{content[:60]}{'…' if len(content) > 60 else ''}”"
