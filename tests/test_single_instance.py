"""One program per data folder: a second start on the same folder never opens a second writer;
it brings the first window to front, or says so; the lock of a crashed program is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_desktop.paths import DB_FILE_NAME

pytest.importorskip("PySide6.QtNetwork")
HOLDER = Path(__file__).resolve().parent / "instance_holder.py"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}


def start_holder(data: Path, mode: str) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, str(HOLDER), str(data), mode], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=ENV)
    line = holder.stdout.readline().split()
    assert line[:1] == ["ready"], line
    assert int(line[1]) == holder.pid
    return holder


def second_start(data: Path, mode: str) -> str:
    done = subprocess.run([sys.executable, str(HOLDER), str(data), mode], capture_output=True, text=True,
                          env=ENV, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def stop(holder: subprocess.Popen) -> str:
    out, _ = holder.communicate("", timeout=30)
    return out


@pytest.fixture
def lock_module(qapp):
    from kehoach_desktop.ui import single_instance

    return single_instance


def test_a_second_process_is_refused_while_the_first_holds_the_folder(tmp_path, lock_module):
    data = tmp_path / "data"
    first = lock_module.InstanceLock(data)
    assert first.acquire()
    assert second_start(data, "try") == f"refused {os.getpid()}"
    first.release()
    assert second_start(data, "try") == "taken"


def test_the_same_folder_spelled_otherwise_is_the_same_lock(tmp_path, lock_module):
    (tmp_path / "data").mkdir()
    first = lock_module.InstanceLock(tmp_path / "data")
    assert first.acquire()
    assert second_start(tmp_path / "x" / ".." / "data", "try").startswith("refused")
    assert second_start(tmp_path / "other", "try") == "taken"  # another folder is another lock
    first.release()


def test_a_second_start_brings_the_first_window_to_front(tmp_path, lock_module, qtbot, monkeypatch):
    data = tmp_path / "data"
    raised = []
    monkeypatch.setattr(lock_module, "bring_to_front", raised.append)
    first = lock_module.InstanceLock(data)
    assert first.acquire()
    first.listen("the window")
    asker = subprocess.Popen([sys.executable, str(HOLDER), str(data), "ask"], stdout=subprocess.PIPE, text=True, env=ENV)
    qtbot.waitUntil(lambda: raised == ["the window"], timeout=30000)
    assert asker.communicate(timeout=30)[0].strip() == "answered"
    first.release()


def test_the_window_start_defers_to_the_program_already_open(tmp_path, qapp, monkeypatch):
    """kehoach (the window) on a folder another program holds: that one comes to front; no second window."""
    from kehoach_desktop.ui import app as app_module

    data = tmp_path / "data"
    holder = start_holder(data, "hold")
    try:
        monkeypatch.setattr(app_module, "open_main_window", lambda *a, **k: pytest.fail("opened a second window"))
        assert app_module.run(data) == 0
    finally:
        out = stop(holder)
    assert "shown" in out.split()
    assert not (data / DB_FILE_NAME).exists()


def test_a_hung_first_program_gets_a_vietnamese_message_and_nothing_opens(tmp_path, qapp, monkeypatch):
    from kehoach_desktop.ui import app as app_module

    data = tmp_path / "data"
    holder = start_holder(data, "mute")
    shown = []
    monkeypatch.setattr(app_module.QMessageBox, "exec", lambda box: shown.append(box) or 0)
    monkeypatch.setattr(app_module, "open_main_window", lambda *a, **k: pytest.fail("opened a second window"))
    try:
        assert app_module.run(data) == app_module.EXIT_ALREADY_OPEN
    finally:
        stop(holder)
    box = shown[0]
    assert box.windowTitle() == "Chương trình đang mở"
    assert str(data) in box.text() and f"tiến trình {holder.pid}" in box.text()
    assert [button.text() for button in box.buttons()] == ["Đóng"]
    assert not (data / DB_FILE_NAME).exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_the_lock_of_a_killed_program_is_taken_over(tmp_path, lock_module):
    data = tmp_path / "data"
    crashed = start_holder(data, "hold")
    assert second_start(data, "try").startswith("refused")
    crashed.send_signal(signal.SIGKILL)
    crashed.wait(timeout=30)
    assert (data / lock_module.LOCK_FILE_NAME).exists()  # left behind by the crash
    lock = lock_module.InstanceLock(data)
    assert lock.acquire()
    assert lock.holder() is None or lock.holder()[0] == os.getpid()
    assert second_start(data, "try") == f"refused {os.getpid()}"
    lock.release()
