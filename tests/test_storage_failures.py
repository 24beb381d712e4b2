"""Every failure a Vietnamese message (issue 15): a full disk, a read-only data folder, a data
folder path that is a file, output piped into `head`. A full disk is not damage: `check` does
not advise a restore, nothing is copied aside, nothing restored. The disk tests mount a small
tmpfs and run only as root (as in CI); elsewhere they are skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_desktop.errors import StorageError
from kehoach_desktop.workspace import Workspace

from _support import run_cli, snapshot
from conftest import COMMUNE, SAMPLE_XLSX

ROOT = Path(__file__).resolve().parent.parent


def _mount(target: Path, options: str) -> None:
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root to mount a small disk")
    target.mkdir(parents=True, exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
                      capture_output=True).returncode:
        pytest.skip("mount is not allowed here")


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    _mount(disk, "size=12m")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def _fill(disk: Path) -> Path:
    filler = disk / "filler.bin"
    with open(filler, "wb", buffering=0) as handle:
        for size in (65536, 1):  # then the last bytes too
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError:
                pass
    return filler


@pytest.fixture
def full_disk_data(small_disk, tmp_path):
    data = small_disk / "data"
    with Workspace(data) as ws:
        ws.save_profile(COMMUNE)
        ws.import_annex(SAMPLE_XLSX)
        task = ws.tasks(mine_only=True)[0].id
        before = snapshot(ws.db)
    evidence = tmp_path / "Biên bản.pdf"
    evidence.write_bytes(os.urandom(256 * 1024))
    filler = _fill(small_disk)
    yield data, task, before, evidence
    filler.unlink(missing_ok=True)


def _still_intact(data: Path, before) -> None:
    with Workspace(data, check_health=True) as ws:
        assert snapshot(ws.db) == before
    assert not (data / "damaged").exists()


def test_disk_full_during_progress_evidence_import_and_backup_says_so(full_disk_data, capsys, tmp_path):
    data, task, before, evidence = full_disk_data
    big = "Kết quả rất dài. " * 20_000
    commands = [
        ("progress", str(task), "--result", big),
        ("progress", str(task), "--evidence", str(evidence), "--evidence-abstract", "Biên bản"),
        ("import", str(SAMPLE_XLSX)),
        ("backup",),
    ]
    for command in commands:
        code, _, err = run_cli(capsys, "--data-dir", data, *command)
        assert code == 2 and "Ổ đĩa đầy" in err and "Traceback" not in err, (command, err)
    (data.parent / "filler.bin").unlink()
    _still_intact(data, before)
    assert not list((data / "backups").glob(".dang-sao-luu-*"))  # no half backup left


KILLED_WRITER = """
import os, sys
from kehoach_desktop.model import Progress
from kehoach_desktop.workspace import Workspace
ws = Workspace(sys.argv[1])
ws.save_progress(Progress(task_id=int(sys.argv[2]), result="lưu ngay trước khi mất điện"))
os._exit(0)  # no checkpoint: the last change stays in the -wal journal
"""


def test_disk_full_is_not_damage_check_neither_advises_a_restore_nor_copies(full_disk_data, capsys):
    data, task, _, _ = full_disk_data
    (data.parent / "filler.bin").unlink()
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(data), str(task)], check=True, cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert Path(f"{data}/kehoach.sqlite3-wal").exists()
    Path(f"{data}/kehoach.sqlite3-shm").unlink()  # SQLite rebuilds it, which needs a little space
    _fill(data.parent)
    code, out, err = run_cli(capsys, "--data-dir", data, "check")
    assert code == 2 and "Ổ đĩa đầy" in err and "hỏng" not in out and "restore" not in out + err, out + err
    with pytest.raises(StorageError, match="Ổ đĩa đầy"):  # the start of the window: no "damaged" dialog
        Workspace(data)
    assert not (data / "damaged").exists()  # nothing copied
    (data.parent / "filler.bin").unlink()
    with Workspace(data) as ws:
        assert ws.progress(task).result == "lưu ngay trước khi mất điện"  # nothing lost, nothing restored


def test_disk_full_during_a_package_import_says_so(small_disk, tmp_path, capsys):
    source = tmp_path / "source"
    with Workspace(source) as ws:
        ws.save_profile(COMMUNE)
        ws.import_annex(SAMPLE_XLSX)
        package = ws.export_package(tmp_path / "bc.khbc").path
    data = small_disk / "data"
    with Workspace(data) as ws:
        ws.save_profile(COMMUNE)
        before = snapshot(ws.db)
    filler = _fill(small_disk)
    code, _, err = run_cli(capsys, "--data-dir", data, "import", package)
    assert code == 2 and "Ổ đĩa đầy" in err and "Traceback" not in err, err
    filler.unlink()
    _still_intact(data, before)
    assert not any((data / "tmp").iterdir()) if (data / "tmp").exists() else True


def test_a_read_only_data_folder_opens_for_reading(tmp_path, capsys):
    data = tmp_path / "ro" / "data"
    with Workspace(data) as ws:
        ws.save_profile(COMMUNE)
        ws.import_annex(SAMPLE_XLSX)
        task = ws.tasks(mine_only=True)[0].id
    if os.geteuid() != 0:
        pytest.skip("needs root to remount read-only")
    if subprocess.run(["mount", "--bind", str(data), str(data)], capture_output=True).returncode or \
            subprocess.run(["mount", "-o", "remount,ro,bind", str(data)], capture_output=True).returncode:
        subprocess.run(["umount", "-l", str(data)], capture_output=True)
        pytest.skip("bind mounts are not allowed here")
    try:
        code, out, err = run_cli(capsys, "--data-dir", data, "tasks", "--mine")
        assert code == 0 and out.count("\n") > 10, err
        with Workspace(data) as ws:
            assert ws.read_only and ws.profile().name == COMMUNE.name
        code, _, err = run_cli(capsys, "--data-dir", data, "progress", task, "--percent", "50")
        assert code == 2 and "chỉ cho phép đọc" in err and "Traceback" not in err, err
    finally:
        subprocess.run(["umount", "-l", str(data)], capture_output=True)


def test_a_data_folder_path_that_is_a_file_is_named(tmp_path, capsys):
    path = tmp_path / "du-lieu"
    path.write_text("không phải thư mục")
    for command in (("tasks",), ("check",), ("backups",)):
        code, _, err = run_cli(capsys, "--data-dir", path, *command)
        assert code == 2 and f"“{path}”" in err and "là một tệp" in err and "Traceback" not in err, (command, err)
    with pytest.raises(StorageError, match="là một tệp"):
        Workspace(path)


def test_output_piped_into_head_ends_quietly(imported_workspace):
    imported_workspace.close()
    command = (f"{sys.executable} -m kehoach_desktop --data-dir '{imported_workspace.data_dir}' tasks | head -n 2")
    result = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stdout.count("\n") == 2 and result.stderr == "", result.stderr


def test_the_window_opens_a_read_only_data_folder_and_says_why_a_save_fails(tmp_path, qtbot, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from kehoach_desktop.ui import app as app_module

    data = tmp_path / "ro-gui" / "data"
    with Workspace(data) as ws:
        ws.save_profile(COMMUNE)
        ws.import_annex(SAMPLE_XLSX)
    if os.geteuid() != 0 or subprocess.run(["mount", "--bind", str(data), str(data)], capture_output=True).returncode \
            or subprocess.run(["mount", "-o", "remount,ro,bind", str(data)], capture_output=True).returncode:
        subprocess.run(["umount", "-l", str(data)], capture_output=True)
        pytest.skip("needs root and bind mounts")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    try:
        app_module.make_application()
        window = app_module.open_main_window(data, synchronous=True)
        qtbot.addWidget(window)
        window.show()
        window.start_automatic_backups()
        assert shown == []  # no backup attempted on a folder that cannot change
        task_id = window.visible_task_ids()[0]
        window.select_task(task_id)
        window.detail.percent.setValue(30)
        qtbot.mouseClick(window.detail.save_button, Qt.LeftButton)
        assert shown and f"“{data}” chỉ cho phép đọc" in shown[-1], shown
        window.workspace.close()
        window.close()
    finally:
        subprocess.run(["umount", "-l", str(data)], capture_output=True)


@pytest.mark.parametrize("pulled", ["gone", "garbled"])
def test_a_stick_pulled_while_the_export_reads_its_file_back_is_a_message(imported_workspace, tmp_path,
                                                                        monkeypatch, pulled):
    import zipfile

    from kehoach_desktop.exchange import workbook
    from kehoach_desktop.exchange.writer import ExportError

    real_zip = zipfile.ZipFile

    def pulled_stick(path, *args, **kwargs):
        if pulled == "gone":
            Path(path).unlink()
            raise FileNotFoundError(2, "No such file or directory", str(path))
        raise zipfile.BadZipFile("File is not a zip file")

    monkeypatch.setattr(workbook.zipfile, "ZipFile", pulled_stick)
    target = tmp_path / "usb" / "kq.xlsx"
    target.parent.mkdir()
    with pytest.raises(ExportError, match="USB có thể đã bị rút"):
        imported_workspace.export_workbook(target)
    monkeypatch.setattr(workbook.zipfile, "ZipFile", real_zip)
    assert not target.exists()


def test_the_first_start_on_a_full_disk_is_a_message_not_a_traceback(small_disk, capsys):
    data = small_disk / "nothing-yet"
    filler = _fill(small_disk)
    code, _, err = run_cli(capsys, "--data-dir", data, "tasks")
    assert code == 2 and "Ổ đĩa đầy" in err and "Traceback" not in err, err
    with pytest.raises(StorageError, match="Ổ đĩa đầy"):  # what the window shows in its message box
        Workspace(data)
    filler.unlink()


# --- Windows (the installed program) ---

WINDOWS_ERRNO_NAMES = (  # of what CPython's errno has on Windows (the C library's and Winsock's): no ENOMEDIUM
    "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD", "EAGAIN",
    "ENOMEM", "EACCES", "EFAULT", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL",
    "ENFILE", "EMFILE", "ENOTTY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE",
    "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "EILSEQ", "ETIMEDOUT", "ECONNRESET",
    "ECONNREFUSED", "EWOULDBLOCK", "EDQUOT", "ESTALE")


def test_the_program_names_only_error_numbers_windows_has():
    """errno.X read at import or at run time must exist on Windows too (else getattr by name)."""
    import re

    used = {(path.name, name) for path in (ROOT / "kehoach_desktop").rglob("*.py")
            for name in re.findall(r"\berrno\.(E[A-Z0-9]+)", path.read_text(encoding="utf-8"))}
    assert used and {(file, name) for file, name in used if name not in WINDOWS_ERRNO_NAMES} == set()


def test_the_failures_module_loads_with_the_error_numbers_windows_has(monkeypatch):
    """The installed program imports this module before anything shows: a name of Linux's errno
    missing on Windows stopped it from starting at all."""
    import errno
    import importlib
    import types

    import kehoach_desktop.failures as failures

    windows_errno = types.ModuleType("errno")
    for name in WINDOWS_ERRNO_NAMES:
        setattr(windows_errno, name, getattr(errno, name))
    monkeypatch.setitem(sys.modules, "errno", windows_errno)
    try:
        reloaded = importlib.reload(failures)
        assert reloaded.kind_of(OSError(errno.ENOSPC, "No space left on device")) == reloaded.FULL
    finally:
        monkeypatch.setitem(sys.modules, "errno", errno)
        importlib.reload(failures)


@pytest.mark.parametrize(("winerror", "errno_value", "kind"), [
    (112, 28, "full"),  # ERROR_DISK_FULL
    (19, 13, "read-only"),  # ERROR_WRITE_PROTECT: Python says EACCES, the stick's switch is the cause
    (21, 22, "io"),  # ERROR_NOT_READY: the stick is gone
    (1167, 22, "io"),  # ERROR_DEVICE_NOT_CONNECTED
    (5, 13, "permission"),  # ERROR_ACCESS_DENIED
])
def test_windows_own_error_codes_are_told_apart(winerror, errno_value, kind):
    from kehoach_desktop import failures

    error = OSError(errno_value, "Windows error")
    error.winerror = winerror  # set by Python on Windows only
    assert failures.kind_of(error) == kind
    assert failures.kind_of(OSError(22, "Invalid argument")) is None  # without a Windows code: not storage
