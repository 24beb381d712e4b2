"""Plans as the user sees them (issue 16): their label, the sample plan, a finished year, removal.

No Qt: the window and the command line call these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .backup import REASON_LABELS
from .db import store, transaction
from .errors import InvalidInputError, NotFoundError
from .model import Status, TaskRow
from .paths import sample_workbook
from .text import format_date

if TYPE_CHECKING:
    from .workspace import Workspace

SAMPLE_LABEL = "Kế hoạch mẫu"
REMOVAL_REASON = "xoa-ke-hoach"
REASON_LABELS.setdefault(REMOVAL_REASON, "Trước khi xóa kế hoạch")


def is_sample(plan: dict) -> bool:
    """The plan loaded from the embedded sample workbook at the first start."""
    return Path(plan.get("source_file") or "").name == sample_workbook().name


def plan_label(plan: dict) -> str:
    """“2163/KH-UBND ngày 12/07/2025 · năm 2025 · Ủy ban nhân dân tỉnh Cao Bằng” (sample plans say so)."""
    parts = [plan["number"] + (f" ngày {format_date(plan['date'])}" if plan.get("date") else "")]
    if plan.get("year"):
        parts.append(f"năm {plan['year']}")
    if plan.get("issuer"):
        parts.append(plan["issuer"])
    label = " · ".join(parts)
    return f"{SAMPLE_LABEL} — {label}" if is_sample(plan) else label


def find_plan(ws: "Workspace", plan_id: int) -> dict:
    for plan in ws.plans():
        if plan["id"] == plan_id:
            return plan
    raise NotFoundError(f"Không có kế hoạch số {plan_id}.")


@dataclass
class PlanContents:
    plan: dict
    tasks: int
    results: int
    evidence: int
    reports: int

    def sentence(self) -> str:
        """What goes, for the confirmation: “94 nhiệm vụ, 12 kết quả đã ghi, 3 tài liệu kiểm chứng, …”."""
        parts = [f"{self.tasks} nhiệm vụ", f"{self.results} kết quả đã ghi",
                 f"{self.evidence} tài liệu kiểm chứng", f"{self.reports} nội dung báo cáo đã lưu"]
        return ", ".join(parts)


def plan_contents(ws: "Workspace", plan_id: int) -> PlanContents:
    plan = find_plan(ws, plan_id)
    return PlanContents(plan, **store.plan_contents(ws.db, plan_id))


@dataclass
class Removal:
    contents: PlanContents
    backup: object | None  # the BackupInfo made just before


def remove_plan(ws: "Workspace", plan_id: int) -> Removal:
    """Back up first, then remove the plan with its tasks, results, evidence records and report texts,
    in one transaction. The evidence files stay in the store while a backup refers to them."""
    contents = plan_contents(ws, plan_id)
    backup = ws.backup_before(REMOVAL_REASON) or next(iter(ws.backups.list()), None)
    with transaction(ws.db):
        store.delete_plan(ws.db, plan_id)
    return Removal(contents, backup)


@dataclass
class FinishedPlan:
    plan: dict
    unfinished: int

    def sentence(self) -> str:
        return f"Kế hoạch năm {self.plan['year']} đã kết thúc: {self.unfinished} nhiệm vụ chưa hoàn thành."


def is_finished(plan: dict, today: dt.date) -> bool:
    """A plan of a past year: its tasks are no longer painted as alarms."""
    return bool(plan.get("year")) and plan["year"] < today.year


def finished_plans(plans: list[dict], rows: list[TaskRow], today: dt.date) -> list[FinishedPlan]:
    """Plans of a past year, with the agency's tasks left unfinished (removed ones left out)."""
    found = []
    for plan in plans:
        if not is_finished(plan, today):
            continue
        unfinished = sum(1 for row in rows if row.plan_id == plan["id"] and row.role and not row.removed
                         and row.status not in (Status.DONE, Status.NOT_FEASIBLE))
        found.append(FinishedPlan(plan, unfinished))
    return found


# --- carrying unfinished tasks over to a new year's plan, by hand ---

CARRIED_SHEET = "chuyển tiếp"  # task.source_sheet of a carried task: no annex sheet of the new plan holds it
CARRIED_INDEX = "Nhiệm vụ chuyển tiếp từ kế hoạch {number} (năm {year})"


def is_carried(task: dict) -> bool:
    return task.get("source_sheet") == CARRIED_SHEET


def unfinished_tasks(rows: list[TaskRow], plan_id: int) -> list[TaskRow]:
    """The agency's tasks of a plan that were neither completed nor found impossible."""
    return [row for row in rows if row.plan_id == plan_id and row.role and not row.removed
            and row.status not in (Status.DONE, Status.NOT_FEASIBLE)]


def carry_over(ws: "Workspace", task_ids: list[int], target_plan_id: int) -> int:
    """Copy the chosen tasks into the target plan, under an index naming the plan they come from;
    the deadline becomes the target plan's year, the progress starts anew. A task already carried into
    the target plan is not copied twice. Returns the number copied."""
    target = find_plan(ws, target_plan_id)
    if not target.get("year"):
        raise InvalidInputError(f"Kế hoạch {target['number']} không ghi năm: không chuyển tiếp nhiệm vụ sang được.")
    found = store.get_tasks(ws.db, task_ids)  # one query, in the order chosen
    sources = [found.get(task_id) for task_id in task_ids]
    if any(task is None for task in sources):
        raise NotFoundError("Có nhiệm vụ đã chọn không còn trong dữ liệu.")
    plans = {plan["id"]: plan for plan in ws.plans()}
    copied = 0
    with transaction(ws.db):
        indices = {row["name"]: row for row in store.list_indices(ws.db, target_plan_id)}
        present = store.list_plan_tasks(ws.db, target_plan_id)
        carried = {row["source_row"] for row in present if is_carried(row)}  # the source task's id
        position = max((row["position"] for row in present), default=0)
        for task in sources:
            source = plans[task["plan_id"]]
            if source["id"] == target_plan_id:
                raise InvalidInputError(f"Nhiệm vụ “{task['content'][:60]}” đã thuộc kế hoạch {target['number']}.")
            name = CARRIED_INDEX.format(number=source["number"], year=source.get("year") or "?")
            if name not in indices:
                index_id = store.insert_index(ws.db, {"plan_id": target_plan_id, "kind": "Khác", "name": name,
                                                      "position": len(indices) + 1})
                indices[name] = {"id": index_id, "name": name}
            index_id = indices[name]["id"]
            if task["id"] in carried:
                continue
            position += 1
            store.insert_task(ws.db, {
                "plan_id": target_plan_id, "index_id": index_id, "criterion_id": None, "position": position,
                "content": task["content"], "deadline_text": f"Trong năm {target['year']}",
                "evidence_required": task["evidence_required"], "lead": task["lead"],
                "implementing": task["implementing"], "cooperating": task["cooperating"],
                "source_sheet": CARRIED_SHEET, "source_row": task["id"], "role_override": task["role_override"],
            })
            carried.add(task["id"])
            copied += 1
    return copied
