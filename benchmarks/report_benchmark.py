"""Report speed: a plan of N tasks, each with progress and 3 evidence documents, to PDF and to Word.

Prints the time to build the content, to write the PDF and to write the DOCX; when LibreOffice
is installed, it converts the same DOCX to PDF headless (the reference, measured in the same
run) and prints the ratio. Target: PDF under 3 s, at least 20x faster than LibreOffice. Run:
    python benchmarks/report_benchmark.py [--tasks 2000]

With --growth it prints instead how import, `tasks --json`, the PDF and the DOCX grow over
300 / 2,000 / 20,000 tasks, with the ratio 20,000 / 2,000 (linear: at most 11×; issue 17):
    python benchmarks/report_benchmark.py --growth [--sizes 300 2000 20000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from import_benchmark import make_annex  # noqa: E402  (same folder)

from kehoach_desktop.db import store, transaction  # noqa: E402
from kehoach_desktop.model import AgencyKind, AgencyProfile, Authority  # noqa: E402
from kehoach_desktop.report import service  # noqa: E402
from kehoach_desktop.report.periods import ReportPeriod  # noqa: E402
from kehoach_desktop.workspace import Workspace  # noqa: E402

PROFILE = AgencyProfile("UBND xã Hòa An", AgencyKind.XA, governing_body="UBND tỉnh Thử Nghiệm", place="Hòa An",
                        symbol="UBND", signer_name="Nông Văn Bình", signer_title="Chủ tịch", authority=Authority.TM)
STATUSES = ["hoàn thành", "đang thực hiện", "chưa thực hiện", "hoàn thành"]


def fill_progress(workspace: Workspace) -> int:
    """Progress and 3 evidence records on every task, written in one transaction (setup, not measured)."""
    now = dt.datetime.now().isoformat(timespec="seconds")
    rows = workspace.tasks()
    with transaction(workspace.db):
        for n, row in enumerate(rows):
            status = STATUSES[n % 4]
            store.save_progress(workspace.db, row.id, {
                "status": status, "percent": 100 if status == "hoàn thành" else 50,
                "result": "Đã ban hành văn bản triển khai, tổ chức thực hiện và kiểm tra, đôn đốc; kết quả đạt "
                          "yêu cầu của Kế hoạch" if status != "chưa thực hiện" else "",
                "completed_on": "2025-06-10" if status == "hoàn thành" else None, "score": None,
                "difficulties": "Thiếu kinh phí" if n % 50 == 0 else "", "proposals": "", "updated_at": now,
            })
            for k in range(3):
                store.insert_evidence(workspace.db, {
                    "task_id": row.id, "number": f"{n * 3 + k + 1}/QĐ-UBND", "date": f"2025-0{k + 3}-1{k}",
                    "issuer": "UBND xã Hòa An", "abstract": "Quyết định ban hành kế hoạch thực hiện nhiệm vụ",
                    "added_at": now,
                })
    return len(rows)


def timed(fn):
    # What this script keeps alive from earlier steps (a 20,000-task report's content, ...) is
    # set aside from the collector first: otherwise each collection during the step walks it too,
    # and a step looks superlinear by what came before it, not by its own work.
    gc.collect()
    gc.freeze()
    try:
        start, start_cpu = time.perf_counter(), time.process_time()
        value = fn()
        timed.cpu = time.process_time() - start_cpu  # this process's CPU time: steady when others load the machine
        return value, time.perf_counter() - start
    finally:
        gc.unfreeze()


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def growth(sizes: list[int], repeat: int = 3, report_repeat: int = 2) -> None:
    """Each step at each size; the last two sizes' ratio says whether it grows linearly.
    Import and `tasks --json` are run `repeat` times, the reports `report_repeat` times (the
    best is kept: the machine is shared; one run of a report at 20,000 tasks moved ±10%)."""
    import contextlib
    import io

    from kehoach_desktop.cli import main as cli_main

    names = ("import (.xlsx annex)", "tasks --json", "report PDF", "report DOCX")
    rows: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}

    def measure(name: str, fn, times: int = 1):
        best = None
        for _ in range(times):
            value, seconds = timed(fn)
            best = (min(best[0], seconds), min(best[1], timed.cpu)) if best else (seconds, timed.cpu)
        rows[name].append(best[0])
        cpu[name].append(best[1])
        return value

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for size in sizes:
            annex = tmp / f"annex-{size}.xlsx"
            make_annex(annex, size)
            imports = []
            for n in range(repeat):  # each into a new data folder; only the import itself is timed
                with Workspace(tmp / f"data-{size}-{n}") as workspace:
                    workspace.save_profile(PROFILE)
                    seconds = timed(lambda: workspace.import_annex(annex))[1]
                    imports.append((seconds, timed.cpu))
            rows["import (.xlsx annex)"].append(min(wall for wall, _ in imports))
            cpu["import (.xlsx annex)"].append(min(used for _, used in imports))
            folder = tmp / f"data-{size}-0"
            with Workspace(folder) as workspace:
                fill_progress(workspace)
                content = service.build(workspace, ReportPeriod.of("h1", 2025), today=dt.date(2025, 7, 5))
            with contextlib.redirect_stdout(io.StringIO()):
                measure("tasks --json", lambda: cli_main(["--data-dir", str(folder), "tasks", "--json"]), repeat)
            measure("report PDF", lambda: service.write(content, tmp / f"r{size}.pdf"), report_repeat)
            measure("report DOCX", lambda: service.write(content, tmp / f"r{size}.docx"), report_repeat)
    print(f"{'tasks':<22}" + "".join(f"{size:>12,}" for size in sizes) + "   ratio last/previous (linear ≤ 11×)")
    for name in names:
        for label, times in (("wall", rows[name]), ("CPU", cpu[name])):
            ratio = times[-1] / times[-2] if len(times) > 1 else float("nan")
            print(f"{name + ' ' + label:<22}" + "".join(f"{t * 1000:>10.0f}ms" for t in times) + f"   {ratio:6.2f}x"
                  f"  {'linear' if ratio <= 11 else 'SUPERLINEAR'}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--growth", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="*", default=[300, 2000, 20000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of import and tasks --json (the best is kept)")
    args = parser.parse_args()
    if args.growth:
        growth(args.sizes, args.repeat)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        annex = tmp / "annex.xlsx"
        make_annex(annex, args.tasks)
        with Workspace(tmp / "data") as workspace:
            workspace.save_profile(PROFILE)
            workspace.import_annex(annex)
            tasks = fill_progress(workspace)
            period = ReportPeriod.of("h1", 2025)
            content, build_time = timed(lambda: service.build(workspace, period, today=dt.date(2025, 7, 5)))
        pdf_path, pdf_time = timed(lambda: service.write(content, tmp / "bao-cao.pdf"))
        docx_path, docx_time = timed(lambda: service.write(content, tmp / "bao-cao.docx"))
        print(f"report: {tasks} tasks, {content.annex_row_count} annex rows, 3 evidence documents each")
        print(f"content from the database:   {build_time * 1000:8.0f} ms")
        print(f"PDF  ({pdf_path.stat().st_size / 1024:6.0f} KiB):          {pdf_time * 1000:8.0f} ms   "
              f"{'within' if pdf_time < 3 else 'OVER'} the 3 s target")
        print(f"DOCX ({docx_path.stat().st_size / 1024:6.0f} KiB):          {docx_time * 1000:8.0f} ms")
        office = libreoffice()
        if office is None:
            print("LibreOffice (soffice) is not installed: the reference conversion was not measured.")
            return
        out = tmp / "lo"
        command = [office, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp / 'lo-profile'}",
                   "--convert-to", "pdf", "--outdir", str(out), str(docx_path)]
        subprocess.run(command, capture_output=True, timeout=900)  # first start sets up the profile
        _, lo_time = timed(lambda: subprocess.run(command, capture_output=True, timeout=900, check=True))
        print(f"LibreOffice DOCX → PDF (reference): {lo_time * 1000:8.0f} ms   "
              f"ours is {lo_time / pdf_time:5.1f}x faster (target ≥ 20x)")


if __name__ == "__main__":
    main()
