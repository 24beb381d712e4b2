"""`kehoach report …`: the progress report as PDF or Word from the command line."""

from __future__ import annotations

import datetime as dt

from ..errors import InvalidInputError
from ..text import parse_date
from .periods import PERIOD_KINDS, ReportPeriod
from .service import output_format


def add_parser(sub, common) -> None:
    report = sub.add_parser("report", parents=[common], help="lập báo cáo kết quả thực hiện kế hoạch (PDF hoặc Word)")
    report.add_argument("--period", required=True, choices=PERIOD_KINDS,
                        help="kỳ báo cáo: q1 (Quý I), h1 (6 tháng), q3 (9 tháng), year (năm), custom (tự chọn)")
    report.add_argument("--year", type=int, help="năm báo cáo (mặc định: năm của kế hoạch)")
    report.add_argument("--from", dest="start", help="ngày bắt đầu (DD/MM/YYYY), với --period custom")
    report.add_argument("--to", dest="end", help="ngày kết thúc (DD/MM/YYYY), với --period custom")
    report.add_argument("--out", required=True, help="tệp kết quả .pdf hoặc .docx")
    report.add_argument("--number", help="số báo cáo (để trống nếu chưa cấp số)")
    report.add_argument("--date", help="ngày ký (DD/MM/YYYY); để trống nếu chưa ký")
    report.add_argument("--plan", type=int, help="mã kế hoạch (mặc định: kế hoạch nhập gần nhất)")
    report.add_argument("--consolidated", action="store_true",  # issue 11
                        help="báo cáo tổng hợp của các đơn vị (Sở Nội vụ, sở chủ trì)")


def period_from(args, plan_year: int | None) -> ReportPeriod:
    if args.period != "custom" and (args.start or args.end):
        raise InvalidInputError("--from và --to chỉ dùng với --period custom.")
    start = parse_date(args.start, field="Ngày bắt đầu (--from)") if args.start else None
    end = parse_date(args.end, field="Ngày kết thúc (--to)") if args.end else None
    year = args.year or (end.year if end else None) or plan_year or dt.date.today().year
    return ReportPeriod.of(args.period, year, start, end)


def command(workspace, args) -> int:
    if getattr(args, "consolidated", False):  # issue 11: the consolidator's report
        from ..consolidation import report as consolidated

        return consolidated.command(workspace, args)
    output_format(args.out)
    from .service import choose_plan

    plan = choose_plan(workspace, args.plan)
    period = period_from(args, plan.get("year"))
    texts = workspace.report_texts(period, plan["id"])
    if args.number is not None:
        texts.number = args.number
    if args.date is not None:
        texts.signed_on = parse_date(args.date, field="Ngày ký (--date)")
    path = workspace.write_report(args.out, period, texts, plan["id"])
    size_kb = max(path.stat().st_size // 1024, 1)
    print(f"Đã lập báo cáo {period.label} của kế hoạch {plan['number']}: {path} ({size_kb} KB).")
    return 0
