"""`kehoach export` and `kehoach import` of packages and the results workbook, as a script would use them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kehoach_desktop.exchange.drives import linux_drives, windows_drives
from kehoach_desktop.workspace import Workspace

import _exchange_support
from _exchange_support import portable
from _support import listing, run_cli, snapshot
from conftest import ROOT


run = run_cli


def run_json(capsys, *args):
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return json.loads(out)


filled = _exchange_support.filled
filled_template = _exchange_support.filled_template


@pytest.fixture
def data(filled):
    workspace, _ = filled
    workspace.close()
    return workspace.data_dir


def test_export_and_import_each_format_with_json_summaries(data, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    report = run_json(capsys, "--data-dir", data, "export", "--out", usb / "bc.khbc", "--period", "h1",
                      "--year", "2025", "--json")
    assert report["verified"] and report["format"] == "kehoach-khbc" and report["evidence_files"] == 2
    tasks = run_json(capsys, "--data-dir", data, "export", "--out", usb / "nv.khnv", "--json")
    assert tasks["format"] == "kehoach-khnv" and tasks["progress"] == 0
    sheet = run_json(capsys, "--data-dir", data, "export", "--out", usb / "kq.xlsx", "--json")
    assert sheet["format"] == "kehoach-xlsx" and sheet["tasks"] > 0

    new_pc = tmp_path / "new-pc"
    preview = run_json(capsys, "--data-dir", new_pc, "import", usb / "bc.khbc", "--dry-run", "--json")
    assert not preview["applied"] and preview["changes"]["tasks_added"] == 94
    with Workspace(new_pc) as ws:
        assert ws.plans() == [] and ws.profile() is None  # the dry run wrote nothing
    applied = run_json(capsys, "--data-dir", new_pc, "import", usb / "bc.khbc", "--json")
    assert applied["applied"] and applied["period"] == {"code": "h1", "year": 2025}
    for name in ("bc.khbc", "nv.khnv", "kq.xlsx"):
        again = run_json(capsys, "--data-dir", new_pc, "import", usb / name, "--json")
        assert again["changes_nothing"], name
    with Workspace(data) as before, Workspace(new_pc) as after:
        assert portable(after.db) == portable(before.db)


def test_plain_text_output_says_the_stick_may_be_removed(data, tmp_path, capsys):
    code, out, _ = run(capsys, "--data-dir", data, "export", "--out", tmp_path / "bc.khbc")
    assert code == 0 and "Đã ghi và kiểm tra xong" in out and "Có thể rút USB." in out
    code, out, _ = run(capsys, "--data-dir", data, "import", tmp_path / "bc.khbc")
    assert code == 0 and "Không có gì thay đổi" in out


def test_an_annex_still_goes_to_the_annex_importer(tmp_path, capsys, sample_xlsx):
    run_json(capsys, "--data-dir", tmp_path / "d", "profile", "--name", "UBND xã Hòa An", "--kind", "xa")
    summary = run_json(capsys, "--data-dir", tmp_path / "d", "import", sample_xlsx, "--json")
    assert summary["tasks"] == 94 and summary["changes"]["added"] == 94


def test_refusals_exit_2_with_a_vietnamese_message_and_write_nothing(data, tmp_path, capsys):
    (tmp_path / "gia.khbc").write_bytes(b"khong phai goi")
    with Workspace(data) as ws:
        before = snapshot(ws.db)
    files = listing(data)
    code, out, err = run(capsys, "--data-dir", data, "import", tmp_path / "gia.khbc")
    assert code == 2 and out == "" and err.startswith("Lỗi: ") and "“gia.khbc”" in err
    code, _, err = run(capsys, "--data-dir", data, "export", "--out", tmp_path / "x.pdf")
    assert code == 2 and ".khbc" in err
    code, _, err = run(capsys, "--data-dir", data, "export", "--out", tmp_path / "missing" / "x.khbc")
    assert code == 2 and "Không tìm thấy thư mục" in err
    code, _, err = run(capsys, "--data-dir", data, "export", "--out", tmp_path / "x.khnv", "--for-agency", "Sở Tư pháp")
    assert code == 2 and "--for-kind" in err
    code, _, err = run(capsys, "--data-dir", data, "export", "--out", tmp_path / "x.khbc", "--plan", "1/KH")
    assert code == 2 and "Không có kế hoạch số “1/KH”" in err
    with Workspace(data) as ws:
        assert snapshot(ws.db) == before
    assert listing(data) == files


def test_task_package_for_one_agency_from_the_command_line(data, tmp_path, capsys):
    out = run_json(capsys, "--data-dir", data, "export", "--out", tmp_path / "rieng.khnv",
                   "--for-agency", "Sở Tư pháp", "--for-kind", "so", "--json")
    assert 0 < out["tasks"] < 94
    code, _, err = run(capsys, "--data-dir", data, "import", tmp_path / "rieng.khnv")
    assert code == 2 and "gửi riêng cho “Sở Tư pháp”" in err


def test_the_module_runs_as_a_script(data, tmp_path):
    done = subprocess.run([sys.executable, "-m", "kehoach_desktop", "--data-dir", str(data), "export", "--out",
                           str(tmp_path / "bc.khbc"), "--json"], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["verified"]


# --- removable drives -------------------------------------------------------------------------


def test_removable_drives_from_a_fake_mounts_file(tmp_path):
    sys_block = tmp_path / "sys" / "block"
    for disk, removable in (("sda", "0"), ("sdb", "1"), ("mmcblk0", "1")):
        (sys_block / disk).mkdir(parents=True)
        (sys_block / disk / "removable").write_text(removable + "\n")
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda2 / ext4 rw 0 0\n"
        "/dev/sda1 /boot/efi vfat rw 0 0\n"
        "/dev/sdb1 /srv/usb vfat rw 0 0\n"
        "/dev/sdc1 /media/can-bo/USB\\040SO\\040NOI\\040VU vfat rw 0 0\n"
        "/dev/mmcblk0p1 /run/media/can-bo/THE-NHO exfat rw 0 0\n"
        "tmpfs /run tmpfs rw 0 0\n"
        "proc /proc proc rw 0 0\n"
    )
    drives = linux_drives(mounts, sys_block, with_free_space=False)
    assert [(str(d.path), d.label) for d in drives] == [
        ("/srv/usb", "usb"), ("/media/can-bo/USB SO NOI VU", "USB SO NOI VU"),
        ("/run/media/can-bo/THE-NHO", "THE-NHO")]
    assert linux_drives(tmp_path / "no-such-file", sys_block) == []


def test_removable_drives_on_windows_through_kernel32():
    class FakeKernel32:
        """E: a stick, F: an empty card reader, C: the system disk, G: a network drive."""

        def __init__(self):
            self.error_modes = []

        def GetLogicalDrives(self):  # noqa: N802 - the Windows names
            return sum(1 << (ord(letter) - ord("A")) for letter in "CEFG")

        def SetErrorMode(self, mode):  # noqa: N802
            self.error_modes.append(mode)
            return 0

        def GetDriveTypeW(self, root):  # noqa: N802
            return {"C:\\": 3, "E:\\": 2, "F:\\": 2, "G:\\": 4}[root.value]

        def GetVolumeInformationW(self, root, buffer, size, *rest):  # noqa: N802
            if root.value == "F:\\":
                return 0
            buffer.value = "USB SO NOI VU"
            return 1

    kernel = FakeKernel32()
    drives = windows_drives(kernel)
    assert [(str(d.path), d.label) for d in drives] == [("E:\\", "USB SO NOI VU")]
    assert kernel.error_modes == [1, 0]  # no "insert a disk" box, and the mode put back


def test_export_of_the_workbook_keeps_to_the_plan_asked_for(imported_workspace, tmp_path, capsys):
    import openpyxl

    from _support import build_workbook

    header = ["STT", "Tiêu chí", "Nhiệm vụ", "Thời gian", "Đơn vị chủ trì", "Đơn vị phối hợp"]
    other = build_workbook(tmp_path / "12-KH-UBND.xlsx", {"PL": [
        header, ["1.1", "Tiêu chí", "Nhiệm vụ riêng của kế hoạch 12", "Quý II", "UBND cấp xã", ""]]})
    imported_workspace.import_annex(other)
    data = imported_workspace.data_dir
    imported_workspace.close()

    run_json(capsys, "--data-dir", data, "export", "--out", tmp_path / "kq.xlsx", "--plan", "2163/KH-UBND", "--json")
    workbook = openpyxl.load_workbook(tmp_path / "kq.xlsx")
    cells = {str(c.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row if c.value}
    assert any("2163/KH-UBND" in c for c in cells)
    assert not any("Nhiệm vụ riêng của kế hoạch 12" in c for c in cells)
