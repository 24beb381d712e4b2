"""The `kehoach` command line: the same services as the window, for scripts and tests.

With no subcommand it opens the window. Bad input prints one Vietnamese message on stderr
and exits with status 2; nothing is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import KehoachError
from .model import AgencyKind, AgencyProfile, Authority, Evidence, Status
from .text import format_decimal, parse_date, parse_decimal

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Vietnamese with exit status 2."""

    def error(self, message: str) -> None:  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        print(f"Lỗi: tham số không hợp lệ — {_vietnamese(message)}", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


_ARGPARSE_MESSAGES = [
    (r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)", r"\1: giá trị \2 không hợp lệ (chọn một trong: \3)"),
    (r"argument (\S+): invalid int value: (.+)", r"\1: \2 không phải là số nguyên"),
    (r"argument (\S+): expected one argument", r"\1: thiếu giá trị"),
    (r"the following arguments are required: (.+)", r"thiếu tham số bắt buộc: \1"),
    (r"unrecognized arguments: (.+)", r"tham số không nhận ra: \1"),
    (r"argument (\S+): invalid choice: (.+)", r"\1: lệnh \2 không có"),
]


def _vietnamese(message: str) -> str:
    """argparse speaks English; say its usual complaints in Vietnamese."""
    import re

    for pattern, replacement in _ARGPARSE_MESSAGES:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


def build_parser() -> argparse.ArgumentParser:
    data_dir_help = "thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng, hoặc $KEHOACH_DATA_DIR)"
    parser = _Parser(prog="kehoach", description="Theo dõi, báo cáo thực hiện kế hoạch cải thiện chỉ số PAR INDEX, SIPAS, PAPI.")
    parser.add_argument("--data-dir", help=data_dir_help)
    # Accepted after the subcommand too; SUPPRESS keeps a value given before it.
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help=data_dir_help)
    sub = parser.add_subparsers(dest="command")

    profile = sub.add_parser("profile", parents=[common], help="xem hoặc đặt thông tin cơ quan, đơn vị")
    profile.add_argument("--name")
    profile.add_argument("--kind", choices=[k.value for k in AgencyKind])
    profile.add_argument("--governing-body")
    profile.add_argument("--place")
    profile.add_argument("--symbol")
    profile.add_argument("--signer")
    profile.add_argument("--signer-title")
    profile.add_argument("--authority", choices=[a.value for a in Authority])

    imp = sub.add_parser("import", parents=[common],
                         help="nhập phụ lục kế hoạch (Excel, Word), gói .khbc, .khnv hoặc bảng kết quả Excel")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    imp.add_argument("--json", action="store_true")

    tasks = sub.add_parser("tasks", parents=[common], help="liệt kê nhiệm vụ")
    tasks.add_argument("--mine", action="store_true", help="chỉ nhiệm vụ của cơ quan mình")
    tasks.add_argument("--json", action="store_true")

    prog = sub.add_parser("progress", parents=[common], help="ghi kết quả thực hiện một nhiệm vụ")
    prog.add_argument("task_id", type=int)
    prog.add_argument("--status")
    prog.add_argument("--percent", type=int)
    prog.add_argument("--result")
    prog.add_argument("--completed-on")
    prog.add_argument("--score")
    prog.add_argument("--difficulties")
    prog.add_argument("--proposals")
    prog.add_argument("--evidence", help="tệp tài liệu kiểm chứng")
    prog.add_argument("--evidence-number")
    prog.add_argument("--evidence-date")
    prog.add_argument("--evidence-issuer")
    prog.add_argument("--evidence-abstract")
    prog.add_argument("--json", action="store_true")

    from . import safety_cli  # the commands' modules, only when a command line is parsed (issue 17)
    from .exchange import cli as exchange_cli
    from .report import cli as report_cli

    report_cli.add_parser(sub, common)
    exchange_cli.add_export_parser(sub, common)
    safety_cli.add_commands(sub, common)
    return parser


def _window_data_dir(argv: list[str]) -> tuple[bool, str | None]:
    """(True, DIR) when the command line only opens the window: it starts without importing
    every command's module to build the full parser."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--data-dir" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--data-dir="):
        return True, argv[0].split("=", 1)[1]
    return False, None


def main(argv: list[str] | None = None) -> int:
    window_only, data_dir = _window_data_dir(sys.argv[1:] if argv is None else list(argv))
    if window_only:
        from .ui.app import run  # the window, only when asked for

        return run(data_dir=data_dir)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from .ui.app import run

        return run(data_dir=args.data_dir)
    try:
        from . import safety_cli

        if args.command in safety_cli.COMMANDS:  # backups, restore and check work on a damaged file
            from .paths import resolve_data_dir

            return safety_cli.COMMANDS[args.command](resolve_data_dir(args.data_dir), args)
        from .workspace import Workspace

        with Workspace.open(args.data_dir) as workspace:
            return COMMANDS[args.command](workspace, args)
    except KehoachError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def cmd_profile(workspace, args) -> int:
    updates = {
        "name": args.name, "kind": args.kind, "governing_body": args.governing_body, "place": args.place,
        "symbol": args.symbol, "signer_name": args.signer, "signer_title": args.signer_title,
        "authority": args.authority,
    }
    updates = {key: value for key, value in updates.items() if value is not None}
    current = workspace.profile()
    if updates:
        if current is None and ("name" not in updates or "kind" not in updates):
            raise KehoachError("Chưa có thông tin cơ quan: cần cả --name và --kind (so, huyen, xa, khac).")
        base = current.to_json() if current else {"authority": "none"}
        merged = {**base, **updates}
        current = workspace.save_profile(AgencyProfile(
            name=merged["name"], kind=AgencyKind(merged["kind"]),
            governing_body=merged.get("governing_body", ""), place=merged.get("place", ""),
            symbol=merged.get("symbol", ""), signer_name=merged.get("signer_name", ""),
            signer_title=merged.get("signer_title", ""), authority=Authority(merged.get("authority", "none")),
        ))
    _print_json(current.to_json() if current else None)
    return 0


def cmd_import(workspace, args) -> int:
    from .exchange import cli as exchange_cli
    from .exchange.service import is_exchange_file

    if is_exchange_file(Path(args.file)):
        return exchange_cli.cmd_import_package(workspace, args)
    summary = workspace.preview_import(args.file) if args.dry_run else workspace.import_annex(args.file)
    if args.json:
        _print_json(summary.to_json())
        return 0
    plan = summary.plan
    print(f"Kế hoạch: {plan['number']}" + (f" ngày {plan['date']}" if plan["date"] else "") + f" — {plan['issuer']}")
    for index in summary.indices:
        print(f"  {index['name']}: {index['criteria']} tiêu chí, {index['tasks']} nhiệm vụ")
    mine = summary.mine
    print(f"Tổng: {summary.criteria} tiêu chí, {summary.tasks} nhiệm vụ; của đơn vị: "
          f"chủ trì {mine['lead']}, thực hiện {mine['implementing']}, phối hợp {mine['cooperating']}")
    for warning in summary.warnings:
        where = f"{warning['sheet']}, dòng {warning['row']}" if warning["row"] else warning["sheet"]
        print(f"  Cảnh báo [{where}]: {warning['message']}")
    if summary.applied:
        c = summary.changes
        print(f"Đã nhập: thêm {c['added']}, cập nhật {c['updated']}, giữ nguyên {c['unchanged']}, "
              f"đánh dấu bị bỏ khỏi kế hoạch {c['removed']}.")
    else:
        print("Xem trước: chưa ghi gì vào dữ liệu.")
    return 0


def cmd_tasks(workspace, args) -> int:
    rows = workspace.tasks(mine_only=args.mine)
    if args.json:
        _print_json([row.to_json() for row in rows])
        return 0
    for row in rows:
        role = row.role.label if row.role else "—"
        print(f"{row.id:>5}  {row.code:<8} {role:<10} {row.status.value:<22} {row.content[:70]}")
    return 0


def cmd_progress(workspace, args) -> int:
    progress = workspace.progress(args.task_id)
    if args.status is not None:
        progress.status = Status.parse(args.status)
        if progress.status == Status.DONE and args.percent is None:
            progress.percent = 100
    if args.percent is not None:
        progress.percent = args.percent
    if args.result is not None:
        progress.result = args.result
    if args.completed_on is not None:
        progress.completed_on = parse_date(args.completed_on, field="Ngày hoàn thành")
    if args.score is not None:
        progress.score = parse_decimal(args.score, field="Điểm tự chấm")
    if args.difficulties is not None:
        progress.difficulties = args.difficulties
    if args.proposals is not None:
        progress.proposals = args.proposals
    new_evidence = []
    evidence_fields = (args.evidence_number, args.evidence_date, args.evidence_issuer, args.evidence_abstract)
    if args.evidence or any(value is not None for value in evidence_fields):
        new_evidence.append((Evidence(
            task_id=args.task_id, number=args.evidence_number or "",
            date=parse_date(args.evidence_date, field="Ngày văn bản") if args.evidence_date else None,
            issuer=args.evidence_issuer or "", abstract=args.evidence_abstract or "",
        ), Path(args.evidence) if args.evidence else None))
    saved = workspace.save_progress(progress, new_evidence)
    task = workspace.task(args.task_id)
    if args.json:
        _print_json({**task.to_json(), "evidence": [
            {"id": e.id, "number": e.number, "date": e.date.isoformat() if e.date else None,
             "issuer": e.issuer, "abstract": e.abstract, "file_name": e.file_name, "sha256": e.file_sha256}
            for e in workspace.evidence_list(args.task_id)]})
    else:
        score = f", điểm tự chấm {format_decimal(saved.score, 4)}" if saved.score is not None else ""
        print(f"Đã lưu nhiệm vụ {args.task_id}: {saved.status.value}, {saved.percent}%{score}; "
              f"{task.evidence_count} tài liệu kiểm chứng.")
    return 0


def cmd_export(workspace, args) -> int:
    from .exchange import cli as exchange_cli

    return exchange_cli.cmd_export(workspace, args)


def cmd_report(workspace, args) -> int:
    from .report import cli as report_cli

    return report_cli.command(workspace, args)


COMMANDS = {"profile": cmd_profile, "import": cmd_import, "tasks": cmd_tasks, "progress": cmd_progress,
            "report": cmd_report, "export": cmd_export}


if __name__ == "__main__":
    sys.exit(main())
