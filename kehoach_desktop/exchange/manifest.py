"""The manifest of a package: what it is, who made it, with which program, and its members.

`manifest.json` names the format and its version, the program version, a package id, the
agency profile, the plans, the creation time and, for every other member, its size and
SHA-256. A package of a newer format version is refused; an older one is brought up to
date by the chain of functions in UPGRADES before it is applied.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Callable

from .. import __version__
from .safe_zip import refuse

FORMAT_PROGRESS = "kehoach-khbc"  # progress package: an agency's progress, evidence and report texts
FORMAT_TASKS = "kehoach-khnv"  # task package: a plan with its criteria and tasks
FORMAT_VERSION = 3  # 2: the seal leaves the evidence data out (seal.py, issue 17); the plan in its own member, plan.json (issue 11)
# 3: the progress records as columns in data.json (content.progress_columns, issue 11)

EXTENSIONS = {".khbc": FORMAT_PROGRESS, ".khnv": FORMAT_TASKS}
KIND_LABELS = {FORMAT_PROGRESS: "gói báo cáo tiến độ", FORMAT_TASKS: "gói nhiệm vụ"}

MANIFEST_NAME = "manifest.json"
DATA_NAME = "data.json"
EVIDENCE_PREFIX = "evidence/"
PLAN_NAME = "plan.json"  # format 2 (issue 11)
MEMBER_NAMES = re.compile(r"manifest\.json|data\.json|plan\.json|evidence/[0-9a-f]{64}")

MAX_MANIFEST_BYTES = 4 * 1024**2
MAX_DATA_BYTES = 256 * 1024**2

# UPGRADES[n] takes (manifest, data) of format version n to version n + 1.
Upgrade = Callable[[dict, dict], tuple[dict, dict]]
UPGRADES: dict[int, Upgrade] = {}


# --- format version 2: the seal (issue 17) and the plan as its own member (issue 11) ---

def _seal_1_to_2(manifest: dict, data: dict) -> tuple[dict, dict]:
    """Version 2 changed how the file is sealed (seal.py) and put the plans in their own member,
    plan.json; neither changes what a package holds in memory: the reader checks each version's
    seal and joins plan.json and data.json into the form version 1 had."""
    return manifest, data


UPGRADES[1] = _seal_1_to_2


# --- format version 3: the progress records as columns (issue 11) ---

def _columns_2_to_3(manifest: dict, data: dict) -> tuple[dict, dict]:
    """Version 3 writes data.json's progress records as columns; the reader gives them back as
    records (packages._progress_read), so in memory a version 2 package is already a version 3 one."""
    return manifest, data


UPGRADES[2] = _columns_2_to_3


def new_manifest(kind: str, *, profile: dict | None, plans: list[dict], period: dict | None,
                 audience: dict | None, members: list[dict]) -> dict:
    return {
        "format": kind,
        "format_version": FORMAT_VERSION,
        "program": "kehoach_desktop",
        "program_version": __version__,
        "package_id": str(uuid.uuid4()),
        "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "profile": profile,
        "audience": audience,  # task package for one agency: {"name", "kind"}; None: for everyone
        "period": period,
        "plans": plans,
        "members": members,
    }


def check_manifest(manifest: object, display_name: str) -> dict:
    """Refuse a manifest that is not ours, is malformed, or comes from a newer program."""
    if not isinstance(manifest, dict) or manifest.get("format") not in KIND_LABELS:
        raise refuse(display_name, "đây không phải là gói báo cáo (.khbc) hoặc gói nhiệm vụ (.khnv) của chương trình")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse(display_name, f"phiên bản định dạng gói không hợp lệ ({version!r})")
    if version > FORMAT_VERSION:
        program = manifest.get("program_version")
        made_by = f" (chương trình phiên bản {program})" if isinstance(program, str) else ""
        raise refuse(display_name, f"gói được tạo bởi phiên bản mới hơn của chương trình{made_by}: định dạng "
                                   f"phiên bản {version}, chương trình này chỉ đọc được đến phiên bản "
                                   f"{FORMAT_VERSION}. Hãy cài phiên bản mới nhất của chương trình")
    members = manifest.get("members")
    if not isinstance(members, list) or not all(_is_member(item) for item in members):
        raise refuse(display_name, "danh sách thành phần trong manifest.json không hợp lệ")
    if not isinstance(manifest.get("plans"), list):
        raise refuse(display_name, "manifest.json thiếu danh sách kế hoạch")
    for key in ("profile", "audience"):
        value = manifest.get(key)
        if value is not None and not (isinstance(value, dict) and isinstance(value.get("name"), str)):
            raise refuse(display_name, f"manifest.json có mục “{key}” không hợp lệ")
    return manifest


def _is_member(item: object) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("name"), str) and bool(MEMBER_NAMES.fullmatch(item["name"]))
        and item["name"] != MANIFEST_NAME
        and isinstance(item.get("size"), int) and item["size"] >= 0
        and isinstance(item.get("sha256"), str) and bool(re.fullmatch(r"[0-9a-f]{64}", item["sha256"]))
    )


def upgrade(manifest: dict, data: dict) -> tuple[dict, dict]:
    """Bring an older package up to FORMAT_VERSION, one version at a time."""
    version = manifest["format_version"]
    while version < FORMAT_VERSION:
        manifest, data = UPGRADES[version](manifest, data)
        version += 1
        manifest = {**manifest, "format_version": version}
    return manifest, data

