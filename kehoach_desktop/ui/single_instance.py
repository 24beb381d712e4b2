"""One program per data folder: the first window holds a lock, a second start brings it to front.

Qt's own pattern: a QLockFile in the data folder (it records process id, host and program name,
so the lock of a program that crashed or was killed is recognised as stale and taken over) and a
QLocalServer named after the folder, through which a second start asks the first to show itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject

# QtNetwork (the local socket) loads when the window starts listening, after its first paint (issue 17).

LOCK_FILE_NAME = "kehoach.lock"
# The Windows installer (Inno Setup's AppMutex) refuses to install or uninstall while it exists.
RUNNING_MUTEX = "KeHoachCCHC-dang-chay"
SHOW_REQUEST = b"show\n"
SHOWN_ANSWER = b"ok\n"
CONNECT_TIMEOUT_MS = 2000


def server_name(data_dir: Path) -> str:
    """A local-socket name for this folder (the same spelled two ways gives the same name)."""
    import hashlib  # issue 17: OpenSSL loads with it, at the listener (after the first paint)

    folder = os.path.normcase(str(Path(data_dir).expanduser().resolve()))
    return "kehoach-" + hashlib.sha256(folder.encode("utf-8")).hexdigest()[:24]


class InstanceLock(QObject):
    """The lock on one data folder, held for as long as the window runs."""

    def __init__(self, data_dir: Path, parent=None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self.data_dir / LOCK_FILE_NAME))
        self._lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
        self._server: QLocalServer | None = None
        self._target = None

    def acquire(self) -> bool:
        """Take the lock; a stale one (its program no longer runs) is removed and taken over."""
        if not self._lock.tryLock(0):
            return False
        _announce_running()
        return True

    def holder(self) -> tuple[int, str, str] | None:
        """(process id, host, program) of whoever holds the lock, if anyone does."""
        info = self._lock.getLockInfo()  # PySide6: (pid, host, app), or not a tuple when no lock
        return tuple(info) if isinstance(info, tuple) and info and info[0] else None

    def listen(self, target) -> None:
        """Bring *target* (the main window) to front when a second start asks."""
        from PySide6.QtNetwork import QLocalServer

        self._target = target
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket left by a crash; we hold the lock, so it is ours
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(name)

    def _on_connection(self) -> None:
        """A second start connected: it writes at once, so reading here blocks only briefly."""
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_TIMEOUT_MS):
                if bytes(socket.readAll()).startswith(SHOW_REQUEST.strip()) and self._target is not None:
                    bring_to_front(self._target)
                    socket.write(SHOWN_ANSWER)
                    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
            socket.disconnectFromServer()
            socket.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()


def ask_first_to_show(data_dir: Path, holder_pid: int | None = None) -> bool:
    """From a second start: ask the program holding the folder to come to front. True if it answered."""
    if sys.platform == "win32":  # let the first program take the foreground from us
        try:
            import ctypes

            ctypes.windll.user32.AllowSetForegroundWindow(holder_pid if holder_pid else -1)
        except (AttributeError, OSError):  # pragma: no cover - Windows only
            pass
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(SHOW_REQUEST)
    answered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS) and socket.waitForReadyRead(CONNECT_TIMEOUT_MS)
    answered = answered and bytes(socket.readAll()).startswith(SHOWN_ANSWER.strip())
    socket.abort()
    return bool(answered)


_mutex_handle = None


def _announce_running() -> None:
    """Windows: a named mutex held for the life of the process, which the installer looks for."""
    global _mutex_handle
    if sys.platform != "win32" or _mutex_handle is not None:
        return
    try:  # pragma: no cover - Windows only
        import ctypes

        _mutex_handle = ctypes.windll.kernel32.CreateMutexW(None, False, RUNNING_MUTEX)
    except (AttributeError, OSError):  # pragma: no cover
        pass


def bring_to_front(window) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def already_open_message(data_dir: Path, holder: tuple[int, str, str] | None) -> str:
    who = f" (tiến trình {holder[0]}" + (f" trên máy {holder[1]}" if holder[1] else "") + ")" if holder else ""
    return (f"Chương trình đang mở với thư mục dữ liệu “{data_dir}”{who}, nên không mở thêm cửa sổ thứ hai "
            "để tránh hai nơi cùng ghi một dữ liệu. Hãy dùng cửa sổ đang mở; nếu cửa sổ đó bị treo, "
            "hãy đóng hẳn nó rồi mở lại chương trình.")
