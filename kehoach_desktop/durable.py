"""Making a rename survive a power cut: fsync the folder that holds it."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to the disk.

    Windows cannot open a folder to fsync it; NTFS and exFAT journal the rename themselves.
    """
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
