"""The user's column mapping: parsed from `--columns`, remembered per table layout.

Remembered in `column-mappings.json` in the data folder (not in the database: it is a
preference about files, not data about the plan, and a backup restore must not undo it).
Keys are layout fingerprints (`annex.layout_of`); values map column letters to roles.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InvalidInputError
from .annex import COLUMN_ROLES, ColumnOverrides, column_number

FILE_NAME = "column-mappings.json"
MAX_LAYOUTS = 200  # the oldest are forgotten beyond this

# Words the command line accepts for a role, besides the role names themselves.
_ALIASES = {"code": "stt", "title": "criterion", "score": "max_score", "scores": "max_score",
            "implement": "implementing", "coop": "cooperating", "due": "deadline", "skip": "ignore",
            "note": "ignore", "notes": "ignore"}


def parse_column_spec(text: str) -> ColumnOverrides:
    """--columns for every table, or per sheet / Word table with a prefix:
    "C=task,D=lead" or "Phụ lục 2!C=task,Phụ lục 2!D=lead,Bảng 3!B=task"."""
    by_table: dict[str, list[str]] = {}
    for item in (part.strip() for part in text.split(",")):
        if item:
            table, _, rest = item.rpartition("!")
            by_table.setdefault(f"{table.strip()}#1" if table.strip() else "*", []).append(rest)
    return {key: parse_columns(",".join(items)) for key, items in by_table.items()}


def parse_columns(text: str) -> dict[int, str]:
    """"C=task,D=lead,E=cooperating,F=deadline" → {2: "task", 3: "lead", …}."""
    mapping: dict[int, str] = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        letter, _, role = item.partition("=")
        role = _ALIASES.get(role.strip().lower(), role.strip().lower())
        try:
            column = column_number(letter)
        except ValueError:
            column = -1
        if column < 0 or column > 200 or role not in COLUMN_ROLES:
            raise InvalidInputError(
                f"--columns: không hiểu “{item}”; hãy viết dạng CỘT=VAI_TRÒ, ví dụ “C=task”, với vai trò là một trong: "
                + ", ".join(COLUMN_ROLES) + "."
            )
        mapping[column] = role
    if "task" not in mapping.values():
        raise InvalidInputError("--columns: phải chỉ ra cột nhiệm vụ (ví dụ “C=task”) cho mỗi trang được nêu.")
    return mapping


def load(data_dir: Path) -> ColumnOverrides:
    """Remembered mappings by layout; a damaged file is ignored (it is only a convenience)."""
    try:
        raw = json.loads((Path(data_dir) / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    overrides: ColumnOverrides = {}
    for layout, columns in (raw.get("layouts") or {}).items() if isinstance(raw, dict) else ():
        try:
            overrides[str(layout)] = {column_number(k): v for k, v in columns.items() if v in COLUMN_ROLES}
        except (ValueError, AttributeError):
            continue
    return overrides


def remember(data_dir: Path, tables: list[dict]) -> None:
    """Keep the mapping of every table the user corrected, for the next file of its layout."""
    chosen = {t["layout"]: {c["column"]: c["role"] for c in t["columns"]} for t in tables if t.get("source") == "user"}
    if not chosen:
        return
    path = Path(data_dir) / FILE_NAME
    try:
        current = json.loads(path.read_text(encoding="utf-8")).get("layouts", {})
    except (OSError, ValueError, AttributeError):
        current = {}
    current = {k: v for k, v in current.items() if k not in chosen}
    current.update(chosen)
    while len(current) > MAX_LAYOUTS:
        current.pop(next(iter(current)))
    payload = json.dumps({"layouts": current}, ensure_ascii=False, indent=1).encode("utf-8")
    from ..exchange.writer import ExportError, write_atomically  # NAME.partial, fsync, rename

    try:
        write_atomically(path, lambda out: out.write(payload), lambda written: json.loads(written.read_bytes()),
                         expected_size=len(payload), suffixes=(".json",))
    except ExportError as error:  # the caller reports a folder it cannot write: the mapping is only a convenience
        raise OSError(str(error)) from None
