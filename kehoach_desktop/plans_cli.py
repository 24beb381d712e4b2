"""`kehoach remove-plan` and `kehoach carry-over` (issue 16): the window's plan services for scripts."""

from __future__ import annotations

import argparse

from .console import print_json
from .errors import InvalidInputError
from .plans import carry_over, plan_contents, plan_label, remove_plan, unfinished_tasks


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    remove = sub.add_parser("remove-plan", parents=[common],
                            help="xóa một kế hoạch cùng nhiệm vụ, kết quả, tài liệu kiểm chứng (sao lưu trước)")
    remove.add_argument("--plan", required=True, help="số kế hoạch, ví dụ 2163/KH-UBND")
    remove.add_argument("--year", type=int, help="năm của kế hoạch, khi cùng số có nhiều năm")
    remove.add_argument("--yes", action="store_true", help="xóa thật; không có thì chỉ in những gì sẽ xóa")
    remove.add_argument("--json", action="store_true")
    carry = sub.add_parser("carry-over", parents=[common],
                           help="chép các nhiệm vụ chưa hoàn thành của một kế hoạch sang kế hoạch khác")
    carry.add_argument("--from", dest="source", required=True, help="số kế hoạch cũ")
    carry.add_argument("--from-year", type=int)
    carry.add_argument("--to", dest="target", required=True, help="số kế hoạch mới")
    carry.add_argument("--to-year", type=int)
    carry.add_argument("--task", type=int, action="append", help="chỉ nhiệm vụ này (mã số); lặp lại được")
    carry.add_argument("--json", action="store_true")


def _plan(workspace, number: str, year: int | None) -> dict:
    found = [plan for plan in workspace.plans() if plan["number"].casefold() == number.strip().casefold()
             and year in (None, plan["year"])]
    if not found:
        raise InvalidInputError(f"Không có kế hoạch số “{number}”" + (f" năm {year}." if year else "."))
    if len(found) > 1:
        raise InvalidInputError(f"Có {len(found)} kế hoạch số “{number}”: hãy ghi thêm năm (--year).")
    return found[0]


def cmd_remove_plan(workspace, args) -> int:
    plan = _plan(workspace, args.plan, args.year)
    contents = plan_contents(workspace, plan["id"])
    if not args.yes:
        print(f"Sẽ xóa kế hoạch “{plan_label(plan)}” cùng {contents.sentence()}. Thêm --yes để xóa (sao lưu trước).")
        return 0
    removal = remove_plan(workspace, plan["id"])
    if args.json:
        print_json({"plan": plan["number"], "tasks": contents.tasks, "results": contents.results,
                    "evidence": contents.evidence, "reports": contents.reports,
                    "backup": str(removal.backup.path) if removal.backup else None})
    else:
        where = f" Bản sao lưu trước khi xóa: {removal.backup.path.name}." if removal.backup else ""
        print(f"Đã xóa kế hoạch {plan['number']} cùng {contents.sentence()}.{where}")
    return 0


def cmd_carry_over(workspace, args) -> int:
    source = _plan(workspace, args.source, args.from_year)
    target = _plan(workspace, args.target, args.to_year)
    left = {row.id for row in unfinished_tasks(workspace.tasks(), source["id"])}
    chosen = args.task or sorted(left)
    strangers = [task_id for task_id in chosen if task_id not in left]
    if strangers:
        raise InvalidInputError(f"Nhiệm vụ số {strangers[0]} không phải việc chưa hoàn thành của kế hoạch "
                                f"{source['number']}.")
    copied = carry_over(workspace, chosen, target["id"])
    if args.json:
        print_json({"copied": copied, "chosen": len(chosen)})
    else:
        print(f"Đã chuyển {copied} nhiệm vụ sang kế hoạch {target['number']}"
              + (f" ({len(chosen) - copied} nhiệm vụ đã có sẵn)." if copied < len(chosen) else "."))
    return 0


COMMANDS = {"remove-plan": cmd_remove_plan, "carry-over": cmd_carry_over}
