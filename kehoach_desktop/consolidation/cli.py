"""`kehoach roster`, `kehoach receive`, `kehoach overview`: consolidation on the command line."""

from __future__ import annotations

import argparse
import sys

from ..errors import InvalidInputError
from ..exchange.content import PERIOD_CODES
from ..model import AgencyKind
from . import overview as views
from . import receive as receiving
from . import roster as rosters
from ..console import print_json as _print_json


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    roster = sub.add_parser("roster", parents=[common], help="danh sách đơn vị phải báo cáo (để tổng hợp)")
    roster.add_argument("--json", action="store_true")
    actions = roster.add_subparsers(dest="roster_action")
    add = actions.add_parser("add", parents=[common], help="thêm một đơn vị")
    add.add_argument("--name", required=True)
    add.add_argument("--kind", required=True, choices=[k.value for k in AgencyKind])
    add.add_argument("--code", default="", help="mã định danh")
    add.add_argument("--contact", default="", help="người, số điện thoại, thư điện tử liên hệ")
    add.add_argument("--allow-similar", action="store_true",
                     help="thêm cả khi tên gần giống một đơn vị đã có (chắc chắn là đơn vị khác)")
    add.add_argument("--json", action="store_true")
    imp = actions.add_parser("import", parents=[common], help="nhập danh sách đơn vị từ tệp Excel")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--json", action="store_true")
    send = actions.add_parser("send-tasks", parents=[common],
                              help="ghi một gói nhiệm vụ (.khnv) cho mỗi đơn vị trong danh sách vào một thư mục/USB")
    send.add_argument("folder")
    send.add_argument("--json", action="store_true")

    receive = sub.add_parser("receive", parents=[common],
                             help="nhận gói báo cáo (.khbc) của nhiều đơn vị, hoặc cả một thư mục/USB")
    receive.add_argument("paths", nargs="+", metavar="FILES_OR_FOLDERS")
    receive.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    receive.add_argument("--json", action="store_true")
    receive.add_argument("--workers", type=int, default=None, metavar="N",
                         help="số tiến trình phụ kiểm tra gói (mặc định: theo số lõi máy; 0: không dùng)")

    overview = sub.add_parser("overview", parents=[common], help="tổng hợp: đơn vị đã/chưa báo cáo, số nhiệm vụ")
    overview.add_argument("--period", choices=PERIOD_CODES)
    overview.add_argument("--year", type=int)
    overview.add_argument("--json", action="store_true")
    overview.add_argument("--xlsx", metavar="FILE.xlsx", help="ghi ma trận nhiệm vụ × đơn vị ra tệp Excel")




def cmd_roster(workspace, args) -> int:
    action = getattr(args, "roster_action", None)
    if action == "add":
        change = rosters.add_agency(workspace, args.name, args.kind, args.code, args.contact,
                                    allow_similar=args.allow_similar)
        return _print_change(change, args)
    if action == "import":
        change = rosters.import_roster(workspace, args.file, dry_run=args.dry_run)
        return _print_change(change, args)
    if action == "send-tasks":
        from .outputs import write_task_packages

        sent = write_task_packages(workspace, args.folder)
        if args.json:
            _print_json(sent.to_json())
        else:
            for item in sent.written:
                print(f"{item['agency']}: {item['tasks']} nhiệm vụ → {item['file']}")
            for item in sent.skipped:
                print(f"{item['agency']}: không ghi ({item['reason']})")
        return 0
    rows = rosters.roster(workspace)
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        code = f" [{row['code']}]" if row["code"] else ""
        print(f"{row['name']}{code} ({row['kind']}): {row['tasks']} nhiệm vụ, chủ trì {row['lead']}")
    print(f"Tổng: {len(rows)} đơn vị.")
    return 0


def _print_change(change: rosters.RosterChange, args) -> int:
    if args.json:
        _print_json(change.to_json())
        return 0
    verb = "Đã" if change.applied else "Xem trước (chưa ghi gì): sẽ"
    print(f"{verb} thêm {len(change.added)} đơn vị, cập nhật {len(change.updated)}, giữ nguyên {change.unchanged}.")
    for question in change.questions:
        print(f"  Cần xác nhận: {question}.")
    for error in change.errors:
        print(f"  Bỏ qua [{error['sheet']}, dòng {error['row']}]: {error['message']}")
    return 0


def cmd_receive(workspace, args) -> int:
    if args.workers is not None and args.workers < 0:  # before the backup: a refusal costs nothing
        raise InvalidInputError("Số tiến trình phụ (--workers) không được âm.")
    if not args.dry_run:
        workspace.backup_before("nhan-goi")
    result = receiving.receive(workspace, args.paths, dry_run=args.dry_run, workers=args.workers)
    if args.json:
        _print_json(result.to_json())
    else:
        for item in result.packages:
            print(item.describe())
        head = "Đã nhận" if result.applied else "Xem trước (chưa ghi gì): sẽ nhận"
        print(f"{head} {result.count(receiving.RECEIVED)} gói; không thay đổi {result.count(receiving.UNCHANGED)}; "
              f"từ chối {result.count(receiving.REFUSED)}; cần xác nhận {result.count(receiving.QUESTION)}.")
    for item in result.packages:
        if item.status in (receiving.REFUSED, receiving.QUESTION):
            print(f"Không nhận tệp “{item.file}”: {item.message}.", file=sys.stderr)
    held_back = result.count(receiving.REFUSED) + result.count(receiving.QUESTION)
    return 1 if held_back else 0  # the others went in; 1 says some need the user


def cmd_overview(workspace, args) -> int:
    if args.year and not args.period:
        raise InvalidInputError("--year chỉ dùng cùng --period.")
    period = views.period_of(args.period, args.year, workspace)
    snapshot = views.load(workspace, period)
    data = views.overview_json(snapshot)
    if args.xlsx:
        from .outputs import write_matrix

        path = write_matrix(workspace, args.xlsx, snapshot)
        print(f"Đã ghi ma trận nhiệm vụ × đơn vị: {path}", file=sys.stderr if args.json else sys.stdout)
    if args.json:
        _print_json(data)
        return 0
    print(f"Kỳ {snapshot.period.phrase()}; hạn nộp {views.due_date(snapshot.period):%d/%m/%Y}.")
    for agency, reg in zip(data["agencies"], views.register(snapshot)):
        print(f"{agency['name']}: {reg['state']}; {agency['done']}/{agency['tasks']} hoàn thành, "
              f"{agency['overdue']} quá hạn")
    return 0


COMMANDS = {"roster": cmd_roster, "receive": cmd_receive, "overview": cmd_overview}
