"""Another program on a data folder, for tests/test_single_instance.py.

    python instance_holder.py DATA_DIR hold     # take the lock, answer "show" requests
    python instance_holder.py DATA_DIR mute     # take the lock, never answer (a hung program)
    python instance_holder.py DATA_DIR try      # a second start: print whether the lock was taken
    python instance_holder.py DATA_DIR ask      # a second start: ask the first to come to front

"hold"/"mute" print "ready PID" once the lock is held and "shown" for each request; they run
until killed or until stdin closes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSocketNotifier  # noqa: E402

from kehoach_desktop.ui import single_instance  # noqa: E402


class _Window:
    """Stands in for the main window: records that it was brought to front."""

    def isMinimized(self):
        return False

    def show(self):
        print("shown", flush=True)

    def raise_(self):
        pass

    def activateWindow(self):
        pass


def main(data_dir: str, mode: str) -> int:
    app = QCoreApplication([])
    lock = single_instance.InstanceLock(Path(data_dir))
    if mode == "try":
        taken = lock.acquire()
        holder = lock.holder()
        print("taken" if taken else f"refused {holder[0] if holder else '?'}", flush=True)
        return 0
    if mode == "ask":
        print("answered" if single_instance.ask_first_to_show(Path(data_dir)) else "silent", flush=True)
        return 0
    if not lock.acquire():
        print("refused", flush=True)
        return 1
    if mode == "hold":
        lock.listen(_Window())
    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Read)
    stdin.activated.connect(lambda *_: sys.stdin.readline() or app.quit())
    print(f"ready {os.getpid()}", flush=True)
    app.exec()
    lock.release()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
