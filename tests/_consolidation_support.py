"""Helpers for the consolidation tests: 30 communes and 5 departments built from the sample
plan through the services, each with its own progress and evidence, and their packages."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from kehoach_desktop import cli
from kehoach_desktop.model import AgencyKind, AgencyProfile, Evidence, Progress, Role, Status
from kehoach_desktop.workspace import Workspace

COMMUNES = ["Hòa An", "Hòa Ân", "Nước Hai", "Bạch Đằng", "Hồng Việt", "Dân Chủ", "Nam Tuấn", "Đức Long",
            "Trương Lương", "Bình Long", "Hà Quảng", "Trường Hà", "Lũng Nặm", "Tổng Cọt", "Trà Lĩnh",
            "Quang Hán", "Trùng Khánh", "Đình Phong", "Đàm Thủy", "Hạ Lang", "Lý Quốc", "Quảng Uyên",
            "Phục Hòa", "Hòa Thuận", "Thạch An", "Đông Khê", "Bảo Lạc", "Cốc Pàng", "Bảo Lâm", "Nguyên Bình"]
DEPARTMENTS = ["Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Sở Y tế"]
AGENCIES = [AgencyProfile(name=f"UBND xã {name}", kind=AgencyKind.XA) for name in COMMUNES] + \
    [AgencyProfile(name=name, kind=AgencyKind.SO) for name in DEPARTMENTS]
UNREPORTED = {"UBND xã Bảo Lâm", "UBND xã Nguyên Bình", "Sở Y tế"}  # rostered, send nothing
SHARED_FILE = b"%PDF-1.4\n" + b"Huong dan chung cua tinh\n" * 2000
STATUSES = [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.DONE, Status.NOT_FEASIBLE]


def run_cli(*args) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as exit_:  # argparse refusing an argument
            code = exit_.code
    return code, out.getvalue()


def fill_agency(ws: Workspace, number: int, files: Path) -> None:
    """Progress on the agency's tasks, varied by its number; evidence with a file of its own
    and one file every agency has (stored once by the consolidator)."""
    mine = ws.tasks(mine_only=True)
    today = dt.date.today()
    chosen = mine[: 6 + number % 7]
    led = [t for t in mine if t.role == Role.LEAD and ws.profile().name in t.lead]  # led by name
    chosen += [t for t in led if t not in chosen][:2]  # a lead department's own results
    for k, task in enumerate(chosen):
        status = STATUSES[(number + k) % len(STATUSES)]
        ws.save_progress(Progress(
            task_id=task.id, status=status, percent=100 if status == Status.DONE else 10 * ((number + k) % 9),
            result=f"Kết quả {k} của đơn vị {number}", completed_on=today if status == Status.DONE else None,
            difficulties="Thiếu kinh phí" if k == 0 else "", proposals="Đề nghị hỗ trợ" if k == 1 else ""))
    own = files / f"bao-cao-{number}.pdf"
    own.write_bytes(b"%PDF-1.4\n" + f"don vi {number}\n".encode() * 500)
    shared = files / "huong-dan.pdf"
    shared.write_bytes(SHARED_FILE)
    first = mine[0]
    ws.add_evidence(first.id, Evidence(task_id=first.id, number=f"{number}/BC-UBND", abstract="Báo cáo kết quả"), own)
    ws.add_evidence(first.id, Evidence(task_id=first.id, abstract="Hướng dẫn của tỉnh"), shared)


@pytest.fixture(scope="session")
def province(tmp_path_factory):
    """Every agency's data folder and package, and a template consolidator folder (Sở Nội vụ)."""
    from conftest import SAMPLE_XLSX

    root = tmp_path_factory.mktemp("province")
    template = root / "template"
    with Workspace(template) as ws:
        ws.save_profile(AgencyProfile(name="Sở Nội vụ", kind=AgencyKind.SO, governing_body="UBND tỉnh Cao Bằng"))
        ws.import_annex(SAMPLE_XLSX)
    packages = root / "usb"
    packages.mkdir()
    files = root / "files"
    files.mkdir()
    folders = {}
    for number, profile in enumerate(AGENCIES):
        folder = root / f"agency-{number}"
        shutil.copytree(template, folder)
        with Workspace(folder) as ws:
            ws.save_profile(profile)
            fill_agency(ws, number, files)
            if profile.name not in UNREPORTED:
                ws.export_package(packages / f"{number:02d}.khbc", period={"code": "year", "year": 2025})
        folders[profile.name] = folder
    return {"root": root, "template": template, "packages": packages, "folders": folders}


def consolidator(province, target: Path, *, name: str = "Sở Nội vụ", consolidates: str = "plan") -> Workspace:
    """A fresh copy of the consolidator's folder, its role set and the whole roster added."""
    shutil.copytree(province["template"], target)
    ws = Workspace(target)
    from kehoach_desktop.consolidation import roster

    if name != "Sở Nội vụ":
        ws.save_profile(AgencyProfile(name=name, kind=AgencyKind.SO))
    roster.set_consolidates(ws, consolidates)
    for profile in AGENCIES:
        roster.add_agency(ws, profile.name, profile.kind.value, allow_similar=True)
    return ws


def own_tasks(folder: Path) -> list[dict]:
    code, out = run_cli("--data-dir", folder, "tasks", "--mine", "--json")
    assert code == 0
    return json.loads(out)
