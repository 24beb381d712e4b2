"""Command-line backups, restore and checks: `kehoach backup|backups|restore|check`.

These commands take the data folder rather than an open Workspace: `backups`, `restore` and
`check` must work when the data file is damaged (opening a Workspace refuses it then).
`check` exits with EXIT_PROBLEMS_FOUND when the data file or an evidence file is bad.
"""

from __future__ import annotations

from pathlib import Path

from .backup import BackupInfo, BackupManager
from .db import maintenance
from .evidence_store import EvidenceStore
from .health import EvidenceCheck, check_database, check_evidence, describe_evidence_item
from .paths import DB_FILE_NAME
from .console import print_json as _print_json

EXIT_PROBLEMS_FOUND = 1


def add_commands(sub, common) -> None:
    backup = sub.add_parser("backup", parents=[common], help="sao lưu dữ liệu ngay")
    backup.add_argument("--out", help="ghi bản sao lưu vào tệp này thay vì thư mục backups")
    backup.add_argument("--json", action="store_true")
    backups = sub.add_parser("backups", parents=[common], help="liệt kê các bản sao lưu")
    backups.add_argument("--json", action="store_true")
    restore = sub.add_parser("restore", parents=[common], help="khôi phục một bản sao lưu")
    restore.add_argument("backup", help="tên bản sao lưu (xem lệnh backups) hoặc đường dẫn tệp")
    restore.add_argument("--json", action="store_true")
    check = sub.add_parser("check", parents=[common],
                           help="kiểm tra tệp dữ liệu và mọi tệp tài liệu kiểm chứng (mã thoát 1 khi có lỗi)")
    check.add_argument("--json", action="store_true")




def _counts(info: BackupInfo) -> str:
    return f"{info.tasks} nhiệm vụ, {info.progress} kết quả, {info.evidence} tài liệu kiểm chứng"


def cmd_backup(data_dir: Path, args) -> int:
    from .workspace import Workspace

    with Workspace(data_dir) as workspace:
        info = workspace.backup("thu-cong", out=args.out)
    if args.json:
        _print_json(info.to_json())
        return 0
    print(f"Đã sao lưu vào “{info.path}”: {_counts(info)}.")
    if args.out:
        print("Tệp này chỉ chứa dữ liệu; các tệp tài liệu kiểm chứng nằm trong thư mục “evidence” "
              "của thư mục dữ liệu.")
    return 0


def cmd_backups(data_dir: Path, args) -> int:
    found = BackupManager(data_dir).list()
    if args.json:
        _print_json([info.to_json() for info in found])
        return 0
    if not found:
        print("Chưa có bản sao lưu nào.")
    for info in found:
        about = f"không đọc được ({info.problem})" if info.problem else _counts(info)
        print(f"{info.when}  {info.name}  {about} — {info.reason_label}")
    return 0


def cmd_restore(data_dir: Path, args) -> int:
    result = BackupManager(data_dir).restore(args.backup)
    if args.json:
        _print_json(result.to_json())
        return 0
    print(f"Đã khôi phục bản sao lưu lúc {result.restored.when}: {_counts(result.restored)}.")
    if result.safety_backup:
        print(f"Dữ liệu trước khi khôi phục đã được sao lưu vào “{result.safety_backup.name}”.")
    if result.damaged_kept_at:
        print(f"Tệp dữ liệu bị hỏng được giữ lại trong “{result.damaged_kept_at}”.")
    if result.missing_evidence:
        print(f"Cảnh báo: thiếu {len(result.missing_evidence)} tệp tài liệu kiểm chứng mà bản sao lưu cần.")
    return 0


def cmd_check(data_dir: Path, args) -> int:
    """integrity_check of the data file, then every evidence file against its SHA-256; writes nothing."""
    db = data_dir / DB_FILE_NAME
    problems = check_database(db, full=True, expect_data=BackupManager(data_dir).has_backups())
    evidence: EvidenceCheck | None = None
    if not problems and db.exists() and db.stat().st_size:
        conn = maintenance.open_read_only(db)
        try:
            rows = maintenance.evidence_file_rows(conn)  # the agencies' received files too (issue 11)
        finally:
            conn.close()
        evidence = check_evidence(rows, EvidenceStore(data_dir / "evidence"))
    ok = not problems and (evidence is None or evidence.ok)
    if args.json:
        _print_json({"ok": ok, "database": {"path": str(db), "ok": not problems, "problems": problems},
                     "evidence": evidence.to_json() if evidence else None})
        return 0 if ok else EXIT_PROBLEMS_FOUND
    if problems:
        print(f"Tệp dữ liệu “{db}” bị hỏng: " + "; ".join(problems) + ".")
        print("Mở chương trình hoặc dùng lệnh “kehoach backups” và “kehoach restore” để khôi phục bản sao lưu.")
    else:
        print(f"Tệp dữ liệu “{db}”: không có lỗi.")
    if evidence is not None:
        print(f"Đã kiểm tra {evidence.checked} tệp tài liệu kiểm chứng.")
        for label, items in (("Tệp bị thiếu", evidence.missing), ("Tệp đã bị thay đổi", evidence.altered)):
            for item in items:
                print(f"  {label}: {describe_evidence_item(item)}")
    return 0 if ok else EXIT_PROBLEMS_FOUND


COMMANDS = {"backup": cmd_backup, "backups": cmd_backups, "restore": cmd_restore, "check": cmd_check}
