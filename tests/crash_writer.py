"""The writer of the crash test (tests/test_crash.py): records changes through the program's
own services until it is killed, and logs each change only once the service has returned.

Run as a script it serves runs, so that a run costs a fork rather than a Python start: each
line on stdin, "DATA_DIR LOG_FILE SEED DELAY_MS", forks a writer on DATA_DIR, waits until it
has opened the data and is about to write, lets it write for DELAY_MS milliseconds, kills it
with SIGKILL, reaps it and answers "killed". POSIX only.

Change n goes to the n-th task of the data (in the services' order), so the test knows what
each change must have left behind:
  - "progress": save_progress with result "thay-doi-n" and k (0–3) new evidence files;
  - "evidence": add_evidence with one file.
Each evidence row's abstract is "thay-doi-n-i-k" (its file i of k).
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kehoach_desktop.model import Evidence, Progress, Status  # noqa: E402
from kehoach_desktop.workspace import Workspace  # noqa: E402


def change_kind(seed: int, n: int) -> tuple[str, int]:
    """What change n is and how many evidence files it attaches."""
    rng = random.Random(f"{seed}-{n}")
    if rng.random() < 0.7:
        return "progress", rng.randint(0, 3)
    return "evidence", 1


def file_content(seed: int, n: int, i: int) -> bytes:
    """Evidence file i of change n: 4–256 KiB; one in five repeats an earlier change's file
    (the store keeps one copy per content)."""
    source = n - 1 if n > 0 and random.Random(f"{seed}-{n}-{i}").random() < 0.2 else n
    size = random.Random(f"{seed}-{source}-{i}").randint(4, 256) * 1024
    line = f"seed {seed} thay-doi {source} tep {i}\n".encode()
    return (line * (size // len(line) + 1))[:size]


def write_changes(data_dir: Path, log_path: Path, seed: int, ready_fd: int) -> None:
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    workspace = Workspace(data_dir)
    task_ids = [row.id for row in workspace.tasks()]
    sources = data_dir.parent / "nguon"
    sources.mkdir(exist_ok=True)
    os.write(ready_fd, b"ready\n")
    for n, task_id in enumerate(task_ids):
        kind, count = change_kind(seed, n)
        files = []
        for i in range(1, count + 1):
            path = sources / f"bao-cao-{n}-{i}.pdf"
            path.write_bytes(file_content(seed, n, i))
            files.append((Evidence(task_id=task_id, number=f"{n}/BC-UBND", abstract=f"thay-doi-{n}-{i}-{count}"), path))
        if kind == "progress":
            workspace.save_progress(
                Progress(task_id=task_id, status=Status.IN_PROGRESS, percent=n % 101, result=f"thay-doi-{n}"), files)
        else:
            workspace.add_evidence(task_id, *files[0])
        os.write(log, f"{n} {kind} {task_id} {count}\n".encode())  # one write: whole line or nothing
    while True:  # every task changed: wait to be killed
        time.sleep(1)


def serve() -> None:
    for line in sys.stdin:
        data_dir, log_path, seed, delay_ms = line.split()
        ready_read, ready_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(ready_read)
            try:
                write_changes(Path(data_dir), Path(log_path), int(seed), ready_write)
            finally:
                os._exit(1)
        os.close(ready_write)
        with os.fdopen(ready_read, "rb") as ready:
            ready.readline()
        time.sleep(int(delay_ms) / 1000)
        os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == 9
        print("killed" if killed else f"exited {os.waitstatus_to_exitcode(status)}", flush=True)


if __name__ == "__main__":
    serve()
