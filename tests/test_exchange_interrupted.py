"""An export killed at random moments never leaves, under the final name, a file that fails
verification: the previous package or nothing. Children export in a loop; the test kills
them with SIGKILL at random times (dozens of runs, a few seconds in all)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kehoach_desktop.exchange.packages import read_package
from kehoach_desktop.model import Evidence
from kehoach_desktop.workspace import Workspace

from _exchange_support import fill_workspace
from conftest import COMMUNE, ROOT, SAMPLE_XLSX

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

# One process loads the program once, then forks an exporter per request: starting a fresh
# interpreter for each of dozens of runs would take most of the test's time.
ZYGOTE = """
import os, signal, sys
from pathlib import Path
from kehoach_desktop.workspace import Workspace
import kehoach_desktop.exchange.packages  # loaded once here: the Workspace loads it at first use (issue 17)
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the killed exporters
print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        with Workspace(sys.argv[1]) as workspace:
            while True:
                workspace.export_package(Path(line.strip()))
    print(pid, flush=True)
"""
PARALLEL = 6
ROUNDS = 6


def _prepare(root: Path) -> Path:
    data = root / "data"
    with Workspace(data) as ws:
        ws.save_profile(COMMUNE)
        ws.import_annex(SAMPLE_XLSX)
        fill_workspace(ws, root / "files")
        task = ws.tasks(mine_only=True)[5]
        for number in range(3):  # a few MB, so that one export takes a few tens of milliseconds
            attachment = root / "files" / f"scan-{number}.pdf"
            attachment.write_bytes(random.Random(number).randbytes(1024 * 1024))
            ws.add_evidence(task.id, Evidence(task_id=task.id, abstract=f"Bản chụp {number}"), attachment)
    return data


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_export_killed_at_random_moments_leaves_the_old_file_or_nothing(tmp_path):
    seed = random.randrange(1 << 30)
    chance = random.Random(seed)
    data = _prepare(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    zygote = subprocess.Popen([sys.executable, "-c", ZYGOTE, str(data)], cwd=ROOT, env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    outcomes = {"final": 0, "partial": 0, "nothing": 0}
    try:
        assert zygote.stdout.readline().strip() == "ready"
        for round_number in range(ROUNDS):
            targets = [tmp_path / f"usb-{round_number}-{n}" / "bao-cao.khbc" for n in range(PARALLEL)]
            pids = []
            started = time.monotonic()
            for target in targets:
                target.parent.mkdir()
                zygote.stdin.write(f"{target}\n")
                zygote.stdin.flush()
                pids.append(int(zygote.stdout.readline()))
            for moment, pid in sorted(zip((chance.uniform(0.005, 0.6) for _ in pids), pids)):
                time.sleep(max(0.0, started + moment - time.monotonic()))
                os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
            while not all(_gone(pid) for pid in pids) and time.monotonic() < deadline:
                time.sleep(0.005)
            for target in targets:
                outcomes["partial"] += any(target.parent.glob("*.partial"))
                if target.exists():
                    outcomes["final"] += 1
                    read_package(target, target.name)  # verifies every checksum and the seal, or raises
                else:
                    outcomes["nothing"] += 1
    finally:
        zygote.kill()
        zygote.wait(timeout=10)
    assert outcomes["final"] > 0, f"seed {seed}: no kill came after a complete export {outcomes}"
    assert outcomes["partial"] > 0, f"seed {seed}: no kill came during a write {outcomes}"
    with Workspace(data) as ws:  # the next export cleans up what the killed ones left
        folder = next(t.parent for t in sorted(tmp_path.glob("usb-*/*")) if list(t.parent.glob("*.partial")))
        leftovers = sorted(p.name for p in folder.glob("*.partial"))
        result = ws.export_package(folder / "bao-cao.khbc")
        assert result.stale_removed == leftovers
        assert not list(folder.glob("*.partial"))
