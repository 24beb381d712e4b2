"""Hostile Office files (issue 15): how long each takes to be refused and the peak memory of
the process that refuses it. Each file is generated (tests/_hostile_files.py) and read in a
fresh process through `kehoach import --dry-run`; the issue asks for under 2 s and 200 MB.
Run:  python benchmarks/hostile_files_benchmark.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]
import _hostile_files as hostile  # noqa: E402

CASES = {
    "merged-whole-sheet.xlsx": hostile.xlsx_with_merged_range,
    "million-rows.xlsx": hostile.xlsx_with_declared_rows,
    "many-sheets.xlsx": hostile.xlsx_with_many_sheets,
    "many-cells.xlsx": hostile.xlsx_with_many_cells,
    "padded.xlsx": lambda p: hostile.xlsx_with_padding(p, 60),
    "grid-before.docx": hostile.docx_with_grid,
}

# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
PROBE = """
import re, sys, time
start = time.perf_counter()
from kehoach_desktop.cli import main
code = main(["--data-dir", sys.argv[1], "import", sys.argv[2], "--dry-run"])
peak = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1)) / 1024
print(f"{time.perf_counter() - start:.2f} {peak:.0f} {code}")
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        baseline = subprocess.run([sys.executable, "-c", "import re, kehoach_desktop.cli, openpyxl, docx;"
                                   "print(int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())"
                                   ".group(1)) // 1024)"],
                                  capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)}).stdout
        print(f"interpreter with the program and its libraries loaded: {baseline.strip()} MB")
        print(f"{'file':<26}{'size':>10}{'seconds':>9}{'peak MB':>9}  exit")
        for name, build in CASES.items():
            path = build(folder / name)
            result = subprocess.run([sys.executable, "-c", PROBE, str(folder / "data"), str(path)],
                                    capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
            seconds, peak, code = result.stdout.split()
            print(f"{name:<26}{path.stat().st_size:>10}{seconds:>9}{peak:>9}  {code}  {result.stderr.strip()[:90]}")


if __name__ == "__main__":
    main()
