"""`kehoach report …`: the progress report as PDF or Word from the command line."""

from __future__ import annotations

import datetime as dt

from ..errors import InvalidInputError
from ..text import format_date, parse_date
from .periods import PERIOD_KINDS, ReportPeriod
from .service import output_format
from ..console import print_json as _print_json


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
    report.add_argument("--addressee", action="append", help="nơi được kính gửi (lặp lại được)")
    report.add_argument("--recipient", action="append", help="một dòng Nơi nhận (lặp lại được)")
    report.add_argument("--only-led", action="store_true", help="chỉ các nhiệm vụ đơn vị chủ trì")
    report.add_argument("--compact-not-started", action="store_true",
                        help="nhiệm vụ chưa thực hiện (chưa đến hạn) gộp một dòng mỗi lĩnh vực trong phụ lục")
    report.add_argument("--as-recorded", help="dựng lại theo số liệu đã ghi đến ngày (DD/MM/YYYY)")
    add_plan_parsers(sub, common)


def add_plan_parsers(sub, common) -> None:
    """`kehoach plan …` corrects the plan as issued; `kehoach plans` lists the plans (issue 13)."""
    plan = sub.add_parser("plan", parents=[common], help="sửa số, ngày, cơ quan ban hành, trích yếu của kế hoạch")
    plan.add_argument("--plan", type=int, help="mã kế hoạch (mặc định: kế hoạch nhập gần nhất)")
    plan.add_argument("--number", help="số, ký hiệu, ví dụ 2163/KH-UBND")
    plan.add_argument("--date", help="ngày ban hành (DD/MM/YYYY)")
    plan.add_argument("--issuer", help="cơ quan ban hành, ví dụ UBND tỉnh Cao Bằng")
    plan.add_argument("--title", help="trích yếu, như trên văn bản")
    plan.add_argument("--cutoff-day", type=int, help="ngày chốt số liệu trong tháng cuối kỳ (0: cuối kỳ; 14: theo Bộ Nội vụ)")
    plan.add_argument("--addressee", action="append", help="nơi được kính gửi mặc định của báo cáo (lặp lại được)")
    plan.add_argument("--json", action="store_true")
    plans = sub.add_parser("plans", parents=[common], help="liệt kê các kế hoạch đã nhập")
    plans.add_argument("--json", action="store_true")
    issued = sub.add_parser("reports", parents=[common], help="sổ đăng ký các báo cáo đã ban hành (có số, ngày)")
    issued.add_argument("--plan", type=int)
    issued.add_argument("--json", action="store_true")
    calendar = sub.add_parser("calendar", parents=[common], help="lịch báo cáo của kế hoạch: kỳ, hạn gửi, nơi nhận")
    calendar.add_argument("--plan", type=int)
    calendar.add_argument("--set", dest="set_kind", choices=PERIOD_KINDS, help="thêm hoặc sửa một kỳ báo cáo")
    calendar.add_argument("--due", help="hạn gửi (DD/MM/YYYY), với --set")
    calendar.add_argument("--recipient", help="nơi nhận báo cáo, với --set")
    calendar.add_argument("--year", type=int, help="năm của kỳ, với --set (mặc định: năm của kế hoạch)")
    calendar.add_argument("--from", dest="start", help="ngày bắt đầu, với --set custom")
    calendar.add_argument("--to", dest="end", help="ngày kết thúc, với --set custom")
    calendar.add_argument("--remove", choices=PERIOD_KINDS, help="bỏ một kỳ khỏi lịch")
    calendar.add_argument("--due-day", type=int, help="mọi kỳ hạn gửi vào ngày này của tháng cuối kỳ (ví dụ 12)")
    calendar.add_argument("--json", action="store_true")
    again = sub.add_parser("reprint", parents=[common], help="in lại đúng nội dung một báo cáo đã ban hành")
    again.add_argument("id", type=int, help="số thứ tự trong sổ đăng ký (xem kehoach reports)")
    again.add_argument("--out", required=True, help="tệp kết quả .pdf hoặc .docx")


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
    if args.addressee:
        texts.addressees = list(args.addressee)
    if args.recipient:
        texts.recipients = list(args.recipient)
    texts.only_led, texts.compact_not_started = args.only_led, args.compact_not_started
    recorded_by = parse_date(args.as_recorded, field="Ngày số liệu (--as-recorded)") if args.as_recorded else None
    from .service import build, write_issued

    path = write_issued(workspace, build(workspace, period, texts, plan["id"], recorded_by=recorded_by), args.out)
    size_kb = max(path.stat().st_size // 1024, 1)
    from .plans import plan_reference

    print(f"Đã lập báo cáo {period.label} thực hiện {plan_reference(plan)}: {path} ({size_kb} KB).")
    return 0


def plan_command(workspace, args) -> int:
    from .service import correct_plan

    date = parse_date(args.date, field="Ngày ban hành (--date)") if args.date else None
    plan = correct_plan(workspace, args.plan, number=args.number, date=date, issuer=args.issuer, title=args.title,
                        cutoff_day=args.cutoff_day, addressees=args.addressee)
    if args.json:
        _print_json(plan)
    else:
        print(f"Kế hoạch {plan['id']}: {plan['citation']}" + (f" về {plan['title']}" if plan["title"] else ""))
        if plan["missing"]:
            print(f"Còn thiếu: {', '.join(plan['missing'])}.")
    return 0


def plans_command(workspace, args) -> int:
    from .service import plan_json

    plans = [plan_json(plan) for plan in workspace.plans()]
    if args.json:
        _print_json(plans)
        return 0
    for plan in plans:
        missing = f" (thiếu: {', '.join(plan['missing'])})" if plan["missing"] else ""
        print(f"{plan['id']:>3}  {plan['citation']}{missing}")
    return 0


def reports_command(workspace, args) -> int:
    from .service import issued_reports

    rows = issued_reports(workspace, args.plan)
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        print(f"{row['id']:>3}  số {row['number']} ngày {row['signed_on']}  {row['period']} {row['year']}  {row['file_name']}")
    return 0


def calendar_command(workspace, args) -> int:
    from . import calendar

    if args.set_kind:
        if not args.due:
            raise InvalidInputError("--set cần hạn gửi --due DD/MM/YYYY.")
        start = parse_date(args.start, field="Ngày bắt đầu (--from)") if args.start else None
        end = parse_date(args.end, field="Ngày kết thúc (--to)") if args.end else None
        rows = calendar.set_obligation(workspace, args.plan, args.set_kind, parse_date(args.due, field="Hạn gửi (--due)"),
                                       recipient=args.recipient, start=start, end=end, year=args.year)
    elif args.remove:
        rows = calendar.remove_obligation(workspace, args.plan, args.remove)
    elif args.due_day is not None:
        rows = calendar.set_due_day(workspace, args.plan, args.due_day)
    else:
        rows = calendar.obligations(workspace, args.plan)
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        issued = f"đã ban hành số {row['issued']['number']}" if row["issued"] else "chưa ban hành"
        print(f"{row['name']:<18} hạn {format_date(row['due'])}  {row['recipient']}  ({issued})")
    return 0


def reprint_command(workspace, args) -> int:
    from .service import output_format, reprint

    output_format(args.out)
    path = reprint(workspace, args.id, args.out)
    print(f"Đã in lại báo cáo {args.id}: {path}.")
    return 0


