"""`kehoach export` and the package side of `kehoach import`: command bodies over the Workspace."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..errors import InvalidInputError
from ..model import AgencyKind, AgencyProfile
from ..text import format_date
from .apply import change_phrases
from .content import PERIOD_CODES, period_label
from .safe_zip import format_size
from ..console import print_json as _print_json


def add_export_parser(sub, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser("export", parents=[common],
                            help="xuất gói báo cáo (.khbc), gói nhiệm vụ (.khnv) hoặc bảng kết quả Excel (.xlsx)")
    export.add_argument("--out", required=True, help="tệp sẽ ghi: TÊN.khbc, TÊN.khnv hoặc TÊN.xlsx")
    export.add_argument("--period", choices=PERIOD_CODES, help="kỳ báo cáo: q1, h1 (6 tháng), q3, year")
    export.add_argument("--year", type=int, help="năm của kỳ báo cáo (mặc định: năm nay)")
    export.add_argument("--plan", help="số kế hoạch, ví dụ 2163/KH-UBND (mặc định: mọi kế hoạch)")
    export.add_argument("--for-agency", help="gói nhiệm vụ gửi riêng cho một đơn vị: tên đơn vị")
    export.add_argument("--for-kind", choices=[k.value for k in AgencyKind], help="loại của đơn vị nhận")
    export.add_argument("--all-tasks", action="store_true", help="bảng Excel: mọi nhiệm vụ, không chỉ của đơn vị")
    export.add_argument("--json", action="store_true")




def cmd_export(workspace, args) -> int:
    target = Path(args.out)
    period = None
    if args.period:
        period = {"code": args.period, "year": args.year or dt.date.today().year}
    elif args.year:
        raise InvalidInputError("--year chỉ dùng cùng --period.")
    plan_ids = _plan_ids(workspace, args.plan)
    if target.suffix.lower() == ".xlsx":
        if args.for_agency:
            raise InvalidInputError("--for-agency chỉ dùng cho gói nhiệm vụ (.khnv).")
        result = workspace.export_workbook(target, period=period, all_tasks=args.all_tasks, plan_ids=plan_ids)
    else:
        audience = None
        if args.for_agency:
            if not args.for_kind:
                raise InvalidInputError("Cần --for-kind (so, huyen, xa, khac) cùng --for-agency.")
            audience = AgencyProfile(name=args.for_agency, kind=AgencyKind(args.for_kind))
        result = workspace.export_package(target, period=period, audience=audience, plan_ids=plan_ids)
    if args.json:
        _print_json(result.to_json())
        return 0
    for name in result.stale_removed:
        print(f"Đã xóa tệp dở dang của lần xuất trước: {name}")
    for warning in result.warnings:
        print(f"Cảnh báo: {warning}")
    files = f" ({result.evidence_files} tệp, {format_size(result.evidence_bytes)})" if result.evidence_files else ""
    print(f"Đã ghi và kiểm tra xong “{result.path}” ({format_size(result.size)}): {result.plans} kế hoạch, "
          f"{result.tasks} nhiệm vụ, kết quả của {result.progress} nhiệm vụ, {result.evidence} tài liệu kiểm chứng"
          f"{files}. Có thể rút USB.")
    return 0


def _plan_ids(workspace, number: str | None) -> list[int] | None:
    if not number:
        return None
    ids = [plan["id"] for plan in workspace.plans() if plan["number"].casefold() == number.strip().casefold()]
    if not ids:
        raise InvalidInputError(f"Không có kế hoạch số “{number}”.")
    return ids




def cmd_import_package(workspace, args) -> int:
    summary = workspace.preview_package(args.file) if args.dry_run else workspace.import_package(args.file)
    if args.json:
        _print_json(summary.to_json())
        return 0
    made = f", tạo ngày {format_date(summary.created_at)}" if summary.created_at else ""
    owner = f" của {summary.agency}" if summary.agency else ""
    print(f"{summary.kind_label[:1].upper()}{summary.kind_label[1:]}{owner}{made}"
          + (f", kỳ {period_label(summary.period)}" if summary.period else "") + ".")
    for plan in summary.plans:
        date = f" ngày {format_date(plan['date'])}" if plan["date"] else ""
        print(f"  Kế hoạch {plan['number']}{date}: {plan['tasks']} nhiệm vụ")
    for warning in summary.warnings:
        print(f"  Cảnh báo: {warning}")
    phrases = change_phrases(summary.changes)
    if summary.changes_nothing:
        kept = f" ({'; '.join(phrases)})" if phrases else ""
        print(f"Không có gì thay đổi: dữ liệu trong máy đã có đủ nội dung của tệp này{kept}.")
    elif summary.applied:
        print("Đã nhập: " + "; ".join(phrases) + ".")
    else:
        print("Xem trước (chưa ghi gì): sẽ " + "; ".join(phrases) + ".")
    return 0
