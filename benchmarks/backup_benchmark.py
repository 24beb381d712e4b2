"""Data-safety speed: start-up check, change detection, backup, listing, restore, evidence check.

Builds a data folder with a generated annex of N tasks, progress on every task and one
evidence file per task, then prints each operation's time next to a reference measured in
the same run: a plain copy of the data file (for the whole-file operations) and a plain
SHA-256 of every evidence file (for the evidence check). Run:
    python benchmarks/backup_benchmark.py [--tasks 2000] [--evidence-kib 200]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from import_benchmark import best_of, make_annex  # noqa: E402

from kehoach_desktop import health  # noqa: E402
from kehoach_desktop.backup import BackupManager  # noqa: E402
from kehoach_desktop.db import maintenance  # noqa: E402
from kehoach_desktop.evidence_store import EvidenceStore  # noqa: E402
from kehoach_desktop.model import AgencyKind, AgencyProfile, Evidence, Progress, Status  # noqa: E402
from kehoach_desktop.workspace import Workspace  # noqa: E402


def build(folder: Path, tasks: int, evidence_kib: int) -> Path:
    data = folder / "data"
    annex = folder / "phu-luc.xlsx"
    make_annex(annex, tasks)
    with Workspace(data) as ws:
        ws.save_profile(AgencyProfile(name="UBND xã Hòa An", kind=AgencyKind.XA))
        ws.import_annex(annex)
        for number, task in enumerate(ws.tasks()):
            attachment = folder / "tep.pdf"
            attachment.write_bytes(os.urandom(evidence_kib * 1024))
            ws.save_progress(
                Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=number % 100, result=f"Kết quả {number}"),
                [(Evidence(task_id=task.id, number=f"{number}/BC-UBND", abstract="Báo cáo"), attachment)])
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--evidence-kib", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = build(folder, args.tasks, args.evidence_kib)
        db = data / "kehoach.sqlite3"
        copy_best, _ = best_of(5, lambda: shutil.copyfile(db, folder / "copy.sqlite3"))
        files = sorted((data / "evidence").glob("??/*"))
        hash_best, _ = best_of(3, lambda: [hashlib.sha256(path.read_bytes()).hexdigest() for path in files])

        ws = Workspace(data)
        manager = BackupManager(data)
        results = {
            "start-up check (quick_check)": best_of(5, lambda: health.check_database(db))[0],
            "open the data": best_of(5, lambda: Workspace(data).close())[0],
            "change detection (digest)": best_of(5, lambda: maintenance.content_digest(ws.db.conn))[0],
            "backup (backup API + integrity_check)": best_of(5, lambda: manager.create(ws.db.conn, "thu-cong"))[0],
        }
        for _ in range(26):
            manager.create(ws.db.conn, "tu-dong")
        results["list 31 backups with counts"] = best_of(3, lambda: manager.list())[0]
        newest = manager.list(with_counts=False)[0].path
        ws.close()
        results["restore (copy, check, back up current, swap)"] = best_of(3, lambda: manager.restore(newest))[0]
        conn = maintenance.open_read_only(db)
        rows = maintenance.evidence_file_rows(conn)
        conn.close()
        # A fresh store each time: its cache of verified files would skip the hashing.
        evidence_best, _ = best_of(3, lambda: health.check_evidence(rows, EvidenceStore(data / "evidence")))
        size = db.stat().st_size

    print(f"{args.tasks} tasks, {args.tasks} evidence files of {args.evidence_kib} KiB; data file {size / 1e6:.1f} MB")
    print(f"reference: plain copy of the data file {copy_best * 1000:.1f} ms")
    for name, seconds in results.items():
        print(f"  {name:<48} {seconds * 1000:8.1f} ms   ×{seconds / copy_best:6.1f} the plain copy")
    print(f"reference: SHA-256 of every evidence file {hash_best * 1000:.1f} ms")
    print(f"  {'evidence check':<48} {evidence_best * 1000:8.1f} ms   ×{evidence_best / hash_best:6.2f} the plain hashing")


if __name__ == "__main__":
    main()
