"""Open every window and dialog of the program on a simulated screen; check each fits; grab it.

    python tools/window_tour.py --screen 1366x728 [--scale 1.25] [--shots DIR] [--only NAME,…]

Prints one JSON line per window: its name, the screen's usable area, the window's geometry,
whether it is inside the screen, and the push buttons cut off or hidden. Exit status 1 when one
does not fit. Runs offscreen: the screen size comes from the offscreen platform's config file,
the scale from QT_SCALE_FACTOR (so "1920x1080 at 125 %" is a 1536×864 logical screen).
Used by tests/test_screen_fit.py and, for the guide's pictures, by tools/guide_screenshots.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2025, 9, 15)  # --today DD/MM/YYYY to see another day


def configure_screen(width: int, height: int, scale: float) -> None:
    """Must run before Qt is imported: the offscreen platform reads its screen from a file."""
    config = Path(tempfile.mkdtemp(prefix="kehoach-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "tour", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    if scale != 1:
        os.environ["QT_SCALE_FACTOR"] = str(scale)
    os.environ.setdefault("QT_QPA_FONTDIR", str(ROOT / "kehoach_desktop" / "resources" / "fonts"))


def prepare_data(folder: Path):
    from kehoach_desktop.model import AgencyKind, AgencyProfile, Progress, Status
    from kehoach_desktop.paths import sample_workbook
    from kehoach_desktop.workspace import Workspace

    with Workspace(folder) as ws:
        ws.save_profile(AgencyProfile(name="UBND xã Hòa An", kind=AgencyKind.XA, governing_body="UBND tỉnh Cao Bằng",
                                      place="Hòa An", symbol="UBND", signer_title="CHỦ TỊCH"))
        ws.import_annex(sample_workbook())
        mine = [row for row in ws.tasks(mine_only=True)]
        for row, (status, percent) in zip(mine, [(Status.DONE, 100), (Status.IN_PROGRESS, 50)] * 6):
            ws.save_progress(Progress(task_id=row.id, status=status, percent=percent,
                                      result="Đã ban hành kế hoạch triển khai và tổ chức thực hiện.",
                                      completed_on=dt.date(2025, 6, 30) if status == Status.DONE else None))
        ws.backup("thu-cong")


def _buttons_problems(window) -> list[str]:
    """Push buttons outside the window or squeezed below their text (those in a scroll area may scroll)."""
    from PySide6.QtWidgets import QAbstractScrollArea, QCheckBox, QPushButton

    problems = []
    for button in window.findChildren(QPushButton) + window.findChildren(QCheckBox):  # a check box does not wrap
        if not button.isVisibleTo(window) or not button.text():
            continue
        parent, scrolled = button.parentWidget(), False
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea):
                scrolled = True
            parent = parent.parentWidget()
        if scrolled:
            continue
        top_left = button.mapTo(window, button.rect().topLeft())
        inside = window.rect().contains(top_left) and window.rect().contains(
            button.mapTo(window, button.rect().bottomRight()))
        if not inside or button.width() < button.minimumSizeHint().width() - 2:
            problems.append(button.text().replace("&", ""))
    return problems


def _sideways_forms(window) -> list[str]:
    """Forms and panes (QScrollArea, not tables or text boxes) that show a horizontal scroll bar:
    their fields are cut at the right edge (issue 16: they scroll vertically only)."""
    from PySide6.QtWidgets import QScrollArea

    return [type(area.widget()).__name__ if area.widget() else type(area).__name__
            for area in window.findChildren(QScrollArea)
            if area.isVisibleTo(window) and area.horizontalScrollBar().isVisible()]


def check(name: str, window, shots: Path | None) -> dict:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # layouts that depend on a width settle in a few passes
        QApplication.processEvents()
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    record = {
        "name": name, "screen": [area.width(), area.height()],
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "inside": area.contains(frame), "buttons_cut": _buttons_problems(window),
        "sideways": _sideways_forms(window),
    }
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(shots / f"{name}.png"))
    return record


def tour(folder: Path, shots: Path | None, only: set[str] | None):
    """Yield (name, window) for every window and dialog, each shown on top of the main window."""
    from PySide6.QtWidgets import QMessageBox

    from kehoach_desktop.errors import DatabaseDamagedError
    from kehoach_desktop.paths import sample_workbook
    from kehoach_desktop.report import ReportPeriod
    from kehoach_desktop.ui import app as app_module
    from kehoach_desktop.ui.backup_dialog import BackupDialog, DamagedDataDialog
    from kehoach_desktop.ui.evidence_dialog import EvidenceDialog
    from kehoach_desktop.ui.exchange_dialogs import ExportDialog, PackagePreviewDialog
    from kehoach_desktop.ui.import_dialog import ImportPreviewDialog
    from kehoach_desktop.ui.main_window import MainWindow
    from kehoach_desktop.ui.operations import OperationRunner
    from kehoach_desktop.ui.profile_dialog import ProfileDialog
    from kehoach_desktop.ui.report_dialog import ReportDialog
    from kehoach_desktop.workspace import Workspace

    app_module.make_application()
    ws = Workspace(folder)
    runner = OperationRunner(folder, synchronous=True)
    main = MainWindow(ws, runner, today=TODAY)
    main.show()
    mine = [row for row in ws.tasks(mine_only=True)]
    main.select_task(mine[0].id)
    yield "cua-so-chinh", main
    from kehoach_desktop.ui.window_features import show_overview

    show_overview(main)
    yield "tong-quan", main
    main.search.setText("tuyen truyen")  # the search hits highlighted
    main._filters_changed()
    yield "tim-kiem", main
    main.search.clear()
    main._filters_changed()
    main.select_task(mine[0].id)

    def report():
        dialog = ReportDialog(ws, runner, main, today=TODAY)
        dialog.show()
        dialog.refresh_preview()
        return dialog

    package = folder.parent / "goi-thu.khbc"
    factories = {
        "thong-tin-don-vi-lan-dau": lambda: ProfileDialog(None, main, first_run=True),
        "thong-tin-don-vi": lambda: ProfileDialog(ws.profile(), main),
        "bao-cao": report,
        "sao-luu": lambda: _backup_dialog(BackupDialog, ws, main),
        "du-lieu-hong": lambda: DamagedDataDialog(DatabaseDamagedError(
            "x", path=folder / "kehoach.sqlite3", problems=["tệp bị cắt ngắn"], kept_at=folder / "damaged" / "x",
            latest_backup=ws.backups.list()[0])),
        "xem-truoc-nhap-phu-luc": lambda: ImportPreviewDialog(ws.preview_import(sample_workbook()), main),
        "tai-lieu-kiem-chung": lambda: EvidenceDialog(mine[0].id, main, default_issuer="UBND xã Hòa An"),
        "xuat-goi-bao-cao": lambda: ExportDialog(".khbc", ws.profile(), lambda: [], main, today=TODAY),
        "xem-truoc-goi": lambda: PackagePreviewDialog(_package_summary(ws, package), main),
        "hoi-xac-nhan": lambda: _question(QMessageBox, main),
    }
    factories.update(_issue16_windows(main, ws, runner))
    factories.update(_every_other_dialog(main, ws, folder, package))
    for name, make in factories.items():
        if only and name not in only:
            continue
        dialog = make()
        dialog.show()
        yield name, dialog
        dialog.close()
    ReportPeriod  # imported for callers who extend the tour
    main.close()
    ws.close()


def _issue16_windows(main, ws, runner) -> dict:
    """The windows issue 16 adds: the guide, the completion date, removing a plan, carrying tasks over."""
    from kehoach_desktop.ui import window_features
    from kehoach_desktop.ui.completion_dialog import CompletionDateDialog
    from kehoach_desktop.ui.plan_bar import CarryOverDialog, RemovePlanDialog

    plan = ws.plans()[0]
    return {
        "huong-dan": lambda: window_features.open_guide(main),
        "ngay-hoan-thanh": lambda: CompletionDateDialog("1.1 100% nhiệm vụ trong KH CCHC năm 2025 được hoàn thành",
                                                        plan["year"], TODAY, main),
        "xoa-ke-hoach": lambda: RemovePlanDialog(ws, plan["id"], main),
        "chuyen-tiep": lambda: CarryOverDialog(ws, ws.tasks(), plan["id"], main),
    }


def _every_other_dialog(main, ws, folder: Path, package: Path) -> dict:
    """The rest a user meets (issue 16's walk): the plan, its calendar and register, about,
    receiving packages, the restore question as the window asks it, a save conflict."""
    from kehoach_desktop.about import about
    from kehoach_desktop.report import calendar, service as report_service
    from kehoach_desktop.ui.about_dialog import AboutDialog
    from kehoach_desktop.ui.calendar_dialog import CalendarDialog
    from kehoach_desktop.ui.plan_dialog import PlanDialog
    from kehoach_desktop.ui.register_dialog import RegisterDialog

    plan = report_service.plan_json(ws.plans()[0])

    def receive():
        from kehoach_desktop.consolidation import receive as receiving
        from kehoach_desktop.ui.consolidation_window import ReceiveDialog

        from kehoach_desktop.consolidation import roster

        _package_summary(ws, package)
        roster.set_consolidates(ws, "plan")  # receiving is a consolidator's job: for the picture only
        try:
            return ReceiveDialog(receiving.receive(ws, [package], dry_run=True), main)
        finally:
            roster.set_consolidates(ws, "none")

    return {
        "ke-hoach": lambda: PlanDialog(plan, main),
        "lich-bao-cao": lambda: CalendarDialog(calendar.obligations(ws, plan["id"], TODAY), plan["citation"], main),
        "so-bao-cao": lambda: RegisterDialog(report_service.issued_reports(ws), main),
        "gioi-thieu": lambda: AboutDialog(about(folder), main),
        "nhan-goi": receive,
        "khoi-phuc": lambda: _restore_question(main, ws),
        "xung-dot": lambda: _conflict(main, ws),
    }


def _restore_question(main, ws):
    """The restore confirmation with the window's own words (it asks through QMessageBox.question)."""
    from PySide6.QtWidgets import QMessageBox

    from kehoach_desktop.ui.backup_dialog import counts_text

    info = ws.backups.list()[0]
    return QMessageBox(QMessageBox.Question, "Khôi phục bản sao lưu",
                       f"Khôi phục bản sao lưu lúc {info.when} ({counts_text(info)})?\n\n"
                       "Dữ liệu hiện tại sẽ được sao lưu trước khi thay, nên vẫn có thể quay lại.",
                       QMessageBox.Yes | QMessageBox.No, main)


def _conflict(main, ws):
    """A real conflict: the result saved elsewhere while the window edited it."""
    from kehoach_desktop.errors import SaveConflictError
    from kehoach_desktop.model import Progress
    from kehoach_desktop.ui.conflict_dialog import SaveConflictDialog

    task = ws.tasks(mine_only=True)[-1]
    loaded = ws.progress(task.id)
    ws.save_progress(Progress(task_id=task.id, result=f"Đã tổ chức 02 hội nghị (ghi ở máy của văn phòng, "
                                                      f"lần {loaded.revision + 1})."))  # differs at every tour
    try:
        ws.save_progress(Progress(task_id=task.id, result="Đã tổ chức 03 hội nghị tuyên truyền cải cách hành chính."),
                         base=loaded)
    except SaveConflictError as conflict:
        return SaveConflictDialog(conflict, main)
    raise AssertionError("no conflict")


def first_start(folder: Path):
    """An empty data folder: the window as it first opens, and the profile dialog over it."""
    from kehoach_desktop.ui import app as app_module
    from kehoach_desktop.ui.main_window import MainWindow
    from kehoach_desktop.ui.operations import OperationRunner
    from kehoach_desktop.ui.profile_dialog import ProfileDialog
    from kehoach_desktop.workspace import Workspace

    app_module.make_application()
    ws = Workspace(folder)
    main = MainWindow(ws, OperationRunner(folder, synchronous=True), today=TODAY)
    main.show()
    yield "lan-dau-cua-so", main
    dialog = ProfileDialog(None, main, first_run=True)
    dialog.show()
    yield "lan-dau-thong-tin", dialog
    dialog.close()
    main.close()
    ws.close()


def _backup_dialog(cls, ws, main):
    dialog = cls(ws.backups.folder, main)
    dialog.set_backups(ws.backups.list())
    return dialog


def _package_summary(ws, package: Path):
    if not package.exists():
        ws.export_package(package)
    return ws.preview_package(package)


def _question(cls, main):
    box = cls(cls.Question, "Khôi phục bản sao lưu", "Khôi phục bản sao lưu lúc 08:30 15/09/2026?",
              cls.Yes | cls.No, main)
    return box


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screen", default="1366x728")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--only")
    parser.add_argument("--data", type=Path, help="a data folder to use (made and filled when missing)")
    parser.add_argument("--today", help="the day the window believes it is, DD/MM/YYYY")
    parser.add_argument("--first-start", action="store_true", help="also an empty data folder's first start")
    args = parser.parse_args(argv)
    if args.today:
        global TODAY
        TODAY = dt.datetime.strptime(args.today, "%d/%m/%Y").date()
    width, height = (int(v) for v in args.screen.lower().split("x"))
    configure_screen(width, height, args.scale)
    sys.path.insert(0, str(ROOT))
    folder = args.data or Path(tempfile.mkdtemp(prefix="kehoach-tour-")) / "data"
    if not (folder / "kehoach.sqlite3").exists():
        prepare_data(folder)
    only = set(args.only.split(",")) if args.only else None
    failed = False
    walks = [tour(folder, args.shots, only)]
    if args.first_start:
        walks.insert(0, first_start(Path(tempfile.mkdtemp(prefix="kehoach-first-")) / "data"))
    for name, window in (item for walk in walks for item in walk):
        record = check(name, window, args.shots)
        failed |= not record["inside"] or bool(record["buttons_cut"]) or bool(record["sideways"])
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
