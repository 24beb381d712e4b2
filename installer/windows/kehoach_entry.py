"""Entry point of the frozen Windows program (PyInstaller): the same `kehoach` command line.

KeHoachCCHC.exe (no console) opens the window; kehoach.exe (console) serves scripts.
"""

import multiprocessing
import sys

from kehoach_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # receiving many packages checks them in worker processes (issue 11)
    sys.exit(main())
