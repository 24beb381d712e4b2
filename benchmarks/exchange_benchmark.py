"""USB exchange speed: export and import of a progress package with 2,000 tasks and 500 MB of
evidence files, next to a plain file copy (shutil.copyfile + fsync) of the package's bytes,
measured in the same run, as the reference ratio. Run:
    python benchmarks/exchange_benchmark.py [--tasks 2000] [--mb 500] [--files 1000]

Export writes NAME.partial, fsyncs, renames, then reads the file back from the device and
verifies every checksum; import copies the package off the "stick", verifies it, unpacks
the evidence and writes one transaction. Both therefore move the bytes more than once; the
ratio says how much dearer that safety is than a bare copy.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from import_benchmark import make_annex  # noqa: E402

from kehoach_desktop.db import store, transaction  # noqa: E402
from kehoach_desktop.model import AgencyKind, AgencyProfile  # noqa: E402
from kehoach_desktop.workspace import Workspace  # noqa: E402

MB = 1024 * 1024


def fill(ws: Workspace, folder: Path, total_mb: int, files: int) -> int:
    """Progress on every task and `files` evidence files of random bytes, `total_mb` in all."""
    tasks = ws.tasks()
    chance = random.Random(7)
    size = total_mb * MB // files
    folder.mkdir()
    now = "2025-06-30T10:00:00"
    stored = []
    for number in range(files):
        path = folder / f"tai-lieu-{number:04d}.pdf"
        path.write_bytes(chance.randbytes(size))
        stored.append(ws.evidence.add(path))
        path.unlink()
    with transaction(ws.db):
        for position, task in enumerate(tasks):
            store.save_progress(ws.db, task.id, {
                "status": "đang thực hiện", "percent": 50, "result": f"Kết quả nhiệm vụ {position}: đã triển khai",
                "completed_on": None, "score": None, "difficulties": "", "proposals": "", "updated_at": now})
        for number, item in enumerate(stored):
            store.insert_evidence(ws.db, {
                "task_id": tasks[number % len(tasks)].id, "number": f"{number}/BC-UBND", "date": "2025-06-15",
                "issuer": "UBND xã Hòa An", "abstract": "Báo cáo kết quả", "file_sha256": item.sha256,
                "file_name": f"Báo cáo {number}.pdf", "file_size": item.size, "added_at": now})
    return sum(item.size for item in stored)


def timed(fn) -> tuple[float, object]:
    """Time fn after flushing earlier writes, so that their writeback does not land in this figure."""
    if hasattr(os, "sync"):
        os.sync()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def copy_with_fsync(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--mb", type=int, default=500)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        annex = root / "annex.xlsx"
        make_annex(annex, args.tasks)
        profile = AgencyProfile("UBND xã Hòa An", AgencyKind.XA)
        with Workspace(root / "source") as ws:
            ws.save_profile(profile)
            ws.import_annex(annex)
            evidence_bytes = fill(ws, root / "files", args.mb, args.files)
            usb = root / "usb"
            usb.mkdir()
            export_time, result = timed(lambda: ws.export_package(usb / "bao-cao.khbc"))
        package = result.path
        size = package.stat().st_size
        copies = []
        for _ in range(3):  # the disk is noisy: the best of three copies is the reference
            copies.append(timed(lambda: copy_with_fsync(package, root / "copy.khbc"))[0])
            (root / "copy.khbc").unlink()
        copy_time = min(copies)
        with Workspace(root / "new-pc") as new_pc:
            new_pc.save_profile(profile)
            import_time, summary = timed(lambda: new_pc.import_package(package))
            assert summary.changes["files_added"] == args.files and summary.changes["tasks_added"] == result.tasks
            again_time, again = timed(lambda: new_pc.import_package(package))
            assert again.changes_nothing

        def rate(seconds: float) -> str:
            return f"{size / MB / seconds:7.1f} MB/s"

        print(f"package: {result.tasks} tasks, {result.evidence_files} evidence files, "
              f"{evidence_bytes / MB:.0f} MB of evidence, {size / MB:.1f} MB on the stick")
        print(f"plain copy + fsync (reference): {copy_time:6.2f} s  {rate(copy_time)}   (best of 3)")
        def ratios(seconds: float) -> str:  # time over the copy's, and throughput as a share of it
            share = copy_time / seconds
            return (f"ratio {seconds / copy_time:5.2f}x the copy's time; throughput {share:4.2f}x the copy's "
                    f"({'meets' if share >= 0.5 else 'BELOW'} the 0.5x target)")

        print(f"export (write, fsync, verify):  {export_time:6.2f} s  {rate(export_time)}   {ratios(export_time)}")
        print(f"import (copy in, verify, write): {import_time:5.2f} s  {rate(import_time)}   {ratios(import_time)}")
        print(f"import again (nothing changes): {again_time:6.2f} s  {rate(again_time)}   {ratios(again_time)}")


if __name__ == "__main__":
    main()
