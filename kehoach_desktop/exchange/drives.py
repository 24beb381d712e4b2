"""The removable drives (USB sticks, memory cards) mounted now, to offer them as export targets.

Windows: the drive letters GetLogicalDrives reports whose GetDriveTypeW is DRIVE_REMOVABLE.
Linux: the mounts in /proc/mounts under /media, /run/media or /mnt, or of a block device
that /sys/block/<disk>/removable marks as removable. Plain results; the files read are
parameters so that tests can give fake ones.
"""

from __future__ import annotations

import os
import re
import shutil
import string
from dataclasses import dataclass
from pathlib import Path

DRIVE_REMOVABLE = 2
REMOVABLE_MOUNT_ROOTS = ("/media/", "/run/media/", "/mnt/")


@dataclass(frozen=True)
class Drive:
    path: Path
    label: str
    free_bytes: int | None = None

    @property
    def title(self) -> str:
        """"USB (E:\\) — còn trống 3,2 GB"."""
        free = f" — còn trống {self.free_bytes / 1024**3:.1f} GB".replace(".", ",") if self.free_bytes is not None else ""
        return f"{self.label} ({self.path}){free}"


def removable_drives() -> list[Drive]:
    if os.name == "nt":
        return windows_drives()
    return linux_drives()


def _free(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None


def windows_drives(kernel=None) -> list[Drive]:
    """Removable drive letters; `kernel` is kernel32 (a stand-in in tests)."""
    if kernel is None:  # pragma: no cover - Windows only
        import ctypes

        kernel = ctypes.windll.kernel32
    mask = kernel.GetLogicalDrives()
    drives = []
    previous = kernel.SetErrorMode(1)  # SEM_FAILCRITICALERRORS: no "insert a disk" box for empty readers
    try:
        for number, letter in enumerate(string.ascii_uppercase):
            drive = _windows_drive(kernel, f"{letter}:\\") if mask & (1 << number) else None
            if drive is not None:
                drives.append(drive)
    finally:
        kernel.SetErrorMode(previous)
    return drives


def _windows_drive(kernel, root: str) -> Drive | None:
    import ctypes

    if kernel.GetDriveTypeW(ctypes.c_wchar_p(root)) != DRIVE_REMOVABLE:
        return None
    name = ctypes.create_unicode_buffer(261)
    if not kernel.GetVolumeInformationW(ctypes.c_wchar_p(root), name, 261, None, None, None, None, 0):
        return None  # a card reader with no card
    return Drive(Path(root), name.value or "USB", _free(Path(root)))


def linux_drives(mounts: Path = Path("/proc/mounts"), sys_block: Path = Path("/sys/block"),
                 *, with_free_space: bool = True) -> list[Drive]:
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    drives = []
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        device, mount_point = fields[0], _unescape(fields[1])
        if not (mount_point.startswith(REMOVABLE_MOUNT_ROOTS) or _removable_device(device, sys_block)):
            continue
        path = Path(mount_point)
        drives.append(Drive(path, path.name or "USB", _free(path) if with_free_space else None))
    return drives


def _unescape(field: str) -> str:
    """/proc/mounts writes spaces and other characters as octal escapes (\\040)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _removable_device(device: str, sys_block: Path) -> bool:
    """/dev/sdb1 → /sys/block/sdb/removable == "1"; mmcblk0p1 → mmcblk0."""
    match = re.fullmatch(r"/dev/((?:sd[a-z]+)|(?:mmcblk\d+))(?:p?\d+)?", device)
    if not match:
        return False
    try:
        return (sys_block / match.group(1) / "removable").read_text().strip() == "1"
    except OSError:
        return False
