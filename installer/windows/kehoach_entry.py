"""Entry point of the frozen Windows program (PyInstaller): the same `kehoach` command line.

KeHoachCCHC.exe (no console) opens the window; kehoach.exe (console) serves scripts.
"""

import sys

from kehoach_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
