"""The `kehoach` command line: the same services as the window, for scripts and tests.

With no subcommand it opens the window. Bad input prints one Vietnamese message on stderr
and exits with status 2; nothing is written.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from . import __version__
from .errors import KehoachError
from .model import AgencyKind, AgencyProfile, Authority, Evidence, Status
from .text import format_decimal, parse_date

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


def _print_json(value) -> None:  # issue 17: json loads for a command, not for the window
    from .console import print_json

    print_json(value)


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
    parser.add_argument("--version", action="version", version=f"kehoach {__version__}")
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
    profile.add_argument("--consolidates", choices=["plan", "led-tasks", "none"],  # issue 11
                         help="vai trò tổng hợp: toàn bộ kế hoạch, các nhiệm vụ mình chủ trì, hoặc không")

    imp = sub.add_parser("import", parents=[common],
                         help="nhập phụ lục kế hoạch (Excel, Word), gói .khbc, .khnv hoặc bảng kết quả Excel")
    imp.add_argument("file", nargs="?")
    imp.add_argument("--sample", action="store_true", help="nhập kế hoạch mẫu đi kèm chương trình")
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--columns", help='cột nào là gì, ví dụ "C=task,D=lead,E=cooperating,F=deadline"; '
                     'riêng một trang: "Phụ lục 2!C=task,Phụ lục 2!D=lead" (issue 14)')

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
    # --- self-assessment (issue 12) ---
    from .assessment import cli as assessment_cli

    assessment_cli.add_parsers(sub, common)
    from .consolidation import cli as consolidation_cli  # issue 11

    consolidation_cli.add_parsers(sub, common)
    from . import plans_cli  # issue 16

    plans_cli.add_parsers(sub, common)
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
    try:
        return _main(argv)
    except BrokenPipeError:  # issue 15: `kehoach tasks | head` — the reader has gone; stop quietly
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the flush at exit must not fail again
    except (OSError, ValueError, AttributeError):
        pass


def _main(argv: list[str] | None = None) -> int:
    _utf8_when_redirected()
    window_only, data_dir = _window_data_dir(sys.argv[1:] if argv is None else list(argv))
    if window_only:  # issue 17: the window starts without building every command's parser
        import gc

        gc.disable()  # issue 17: no collections until the window's first paint (ui.app.run enables them)
        from .ui.app import run  # the window, only when asked for

        return run(data_dir=data_dir)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from .ui.app import run

        return run(data_dir=args.data_dir)
    try:
        from . import safety_cli

        if args.command in safety_cli.COMMANDS:  # backups, restore and check work on a damaged file
            from .failures import refuse_a_file
            from .paths import resolve_data_dir

            refuse_a_file(resolve_data_dir(args.data_dir))  # issue 15
            return safety_cli.COMMANDS[args.command](resolve_data_dir(args.data_dir), args)
        from .workspace import Workspace

        with Workspace.open(args.data_dir) as workspace:
            return COMMANDS[args.command](workspace, args)
    except KehoachError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        raise
    except (OSError, sqlite3.Error) as error:  # issue 15: disk full, read-only, I/O: not a traceback
        from .failures import storage_error
        from .paths import resolve_data_dir

        failure = storage_error(error, resolve_data_dir(args.data_dir))
        print(f"Lỗi: {failure or _unexpected(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _unexpected(error: BaseException) -> str:
    where = f" (“{error.filename}”)" if getattr(error, "filename", None) else ""
    return f"thao tác không thực hiện được{where}: {error.strerror or error}. Dữ liệu không bị thay đổi." \
        if isinstance(error, OSError) else f"thao tác không thực hiện được ({error}). Dữ liệu không bị thay đổi."




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
    _print_json(_with_consolidates(workspace, current, args.consolidates))
    return 0


def _with_consolidates(workspace, current, value: str | None) -> dict | None:
    """--- consolidation (issue 11) --- the consolidating role, set and shown beside the profile."""
    from .consolidation import roster

    if value is not None:
        if current is None:
            raise KehoachError("Chưa có thông tin cơ quan: cần cả --name và --kind (so, huyen, xa, khac).")
        roster.set_consolidates(workspace, value)
    if current is None:
        return None
    return {**current.to_json(), "consolidates": roster.get_consolidates(workspace)}


def cmd_import(workspace, args) -> int:
    from .exchange import cli as exchange_cli
    from .exchange.service import is_exchange_file

    args.file = _import_source(args)
    if is_exchange_file(Path(args.file)):
        return exchange_cli.cmd_import_package(workspace, args)
    columns = None
    if getattr(args, "columns", None):  # issue 14: the user's column mapping, for every table
        from .importer.mapping import parse_column_spec

        columns = parse_column_spec(args.columns)
    summary = (workspace.preview_import(args.file, columns=columns) if args.dry_run
               else workspace.import_annex(args.file, columns=columns))
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
    for line in import_detail_lines(summary):  # issue 14: mapping, skipped rows, missing number
        print(line)
    if summary.applied:
        c = summary.changes
        print(f"Đã nhập: thêm {c['added']}, cập nhật {c['updated']}, giữ nguyên {c['unchanged']}, "
              f"đánh dấu bị bỏ khỏi kế hoạch {c['removed']}.")
    else:
        print("Xem trước: chưa ghi gì vào dữ liệu.")
    return 0


def import_detail_lines(summary) -> list[str]:
    """The column mapping used per table, every skipped row, and a missing plan number (issue 14)."""
    lines = []
    if summary.plan.get("number_missing"):
        lines.append("  Chưa có số hiệu kế hoạch: hãy nhập số hiệu (đang tạm dùng tên tệp).")
    for table in summary.tables:
        used = ", ".join(f"{c['column']}={c['role']}" for c in table["columns"] if c["role"] != "ignore")
        lines.append(f"  Cột [{table['key']}]: {used or 'chưa xác định'}")
    for row in summary.skipped:
        lines.append(f"  Bỏ qua [{row['sheet']}, dòng {row['row']}]: {row['message']}")
    return lines


def cmd_tasks(workspace, args) -> int:
    rows = workspace.iter_tasks(mine_only=args.mine)  # written as they are read (issue 17)
    if args.json:
        from .console import print_json_items

        print_json_items(row.to_json() for row in rows)
        return 0
    for row in rows:
        role = row.role.label if row.role else "—"
        print(f"{row.id:>5}  {row.code:<8} {role:<10} {row.status.value:<22} {row.content[:70]}")
    return 0


def cmd_progress(workspace, args) -> int:
    import dataclasses

    loaded = workspace.progress(args.task_id)
    progress = dataclasses.replace(loaded)
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
    if args.score is not None:  # issue 12: the score belongs to the criterion
        raise KehoachError("Điểm tự chấm nay ghi cho tiêu chí, không ghi cho từng nhiệm vụ: dùng "
                           f"“kehoach score MÃ_TIÊU_CHÍ --score {args.score}” (xem “kehoach scores”).")
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
    # Only the fields asked for, over the record as it is when written (issue 15).
    from .limits import PROGRESS_FIELD_LABELS

    changes = {key: getattr(progress, key) for key in PROGRESS_FIELD_LABELS
               if getattr(progress, key) != getattr(loaded, key)}
    saved = workspace.update_progress(args.task_id, changes, new_evidence)
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


def _command(module: str, name: str, table: bool = False):
    """A command whose module is imported only when it runs: the window's start stays light (issue 17)."""
    def run(workspace, args) -> int:
        import importlib

        found = importlib.import_module(module, __package__)
        return (found.COMMANDS[name] if table else getattr(found, name))(workspace, args)
    return run


def cmd_report_routed(workspace, args) -> int:
    """`kehoach report`: the score sheet with --kind self-assessment (issue 12), else the progress report."""
    from .assessment import cli as assessment_cli

    return assessment_cli.routing_report(cmd_report)(workspace, args)


COMMANDS = {"profile": cmd_profile, "import": cmd_import, "tasks": cmd_tasks, "progress": cmd_progress,
            "report": cmd_report_routed, "export": cmd_export}
# --- plan correction, issued reports, calendar (issue 13) ---
COMMANDS.update({name: _command(".report.cli", f"{name}_command") for name in ("plan", "plans", "reports", "reprint",
                                                                             "calendar")})
# --- self-assessment (issue 12) ---
COMMANDS.update({name: _command(".assessment.cli", name, table=True) for name in ("scores", "score")})
# --- consolidation (issue 11) ---
COMMANDS.update({name: _command(".consolidation.cli", name, table=True) for name in ("roster", "receive", "overview")})
# --- plans: removal and carry-over (issue 16) ---
COMMANDS.update({name: _command(".plans_cli", name, table=True) for name in ("remove-plan", "carry-over")})


# --- packaging (issue 10) ---

def _utf8_when_redirected() -> None:
    """Vietnamese output into a file or a pipe: UTF-8, whatever the Windows code page says.

    A frozen program ignores PYTHONUTF8, so `kehoach tasks > tasks.txt` would otherwise fail.
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue  # the windowed program has no console streams
        try:
            if not stream.isatty() and (stream.encoding or "").lower().replace("-", "") != "utf8":
                stream.reconfigure(encoding="utf-8")
        except (OSError, ValueError):
            pass


def _import_source(args) -> str:
    """The file to import: the one given, or with --sample the plan shipped with the program."""
    from .paths import sample_workbook

    if args.sample and args.file:
        raise KehoachError("Chỉ chọn một: một tệp để nhập hoặc --sample, không cả hai.")
    if args.sample:
        return str(sample_workbook())
    if not args.file:
        raise KehoachError("Thiếu tệp để nhập: hãy ghi đường dẫn tệp, hoặc dùng --sample để nhập kế hoạch mẫu.")
    return args.file


if __name__ == "__main__":
    sys.exit(main())
