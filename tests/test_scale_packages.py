"""Packages near a plain copy (issue 17): evidence stored as it is, the written file read back once."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from kehoach_desktop.errors import KehoachError
from kehoach_desktop.exchange import packages, writer
from kehoach_desktop.exchange.safe_zip import SafeZip

from _exchange_support import filled, filled_template  # noqa: F401  (fixtures)


def _bytes_read() -> int:
    """What this process has read so far (read system calls of every thread, the page cache included)."""
    return int(re.search(r"rchar: (\d+)", Path("/proc/self/io").read_text()).group(1))


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="Linux's per-process read count")
def test_evidence_is_stored_not_deflated_and_verification_reads_the_file_once(filled, tmp_path, monkeypatch):
    ws, _ = filled
    copies, read = [], []
    real_copy, real_read_back = SafeZip.copy, packages.read_back
    monkeypatch.setattr(SafeZip, "copy", lambda self, name, *a, **k: copies.append(name) or real_copy(self, name, *a, **k))

    def counted_read_back(*args, **kwargs):
        before = _bytes_read()
        real_read_back(*args, **kwargs)
        read.append(_bytes_read() - before)

    monkeypatch.setattr(packages, "read_back", counted_read_back)
    result = ws.export_package(tmp_path / "bao-cao.khbc")
    with zipfile.ZipFile(result.path) as archive:
        evidence = [info for info in archive.infolist() if info.filename.startswith("evidence/")]
    assert evidence and all(info.compress_type == zipfile.ZIP_STORED for info in evidence)
    assert not copies  # no member unpacked again: the bytes are compared with what was written
    assert len(read) == 1 and result.size <= read[0] < result.size + 1024  # each byte read back once (and /proc)


def test_a_changed_byte_inside_an_evidence_member_is_still_caught(filled, tmp_path, monkeypatch):
    ws, _ = filled
    real = writer._drop_cached_pages

    def corrupt_evidence(path):
        real(path)
        with zipfile.ZipFile(path) as archive:
            info = next(i for i in archive.infolist() if i.filename.startswith("evidence/"))
        data = bytearray(path.read_bytes())
        data[info.header_offset + 30 + len(info.filename) + 5] ^= 0x01  # inside the member's bytes
        path.write_bytes(bytes(data))

    monkeypatch.setattr(writer, "_drop_cached_pages", corrupt_evidence)
    with pytest.raises(KehoachError, match="đọc lại không đúng"):
        ws.export_package(tmp_path / "bao-cao.khbc")
    assert not (tmp_path / "bao-cao.khbc").exists()


def test_an_imported_package_still_checks_every_member_the_store_does_not_hold(filled, tmp_path, monkeypatch):
    from conftest import COMMUNE
    from kehoach_desktop.workspace import Workspace

    ws, _ = filled
    result = ws.export_package(tmp_path / "bao-cao.khbc")
    copies = []
    real_copy = SafeZip.copy
    monkeypatch.setattr(SafeZip, "copy", lambda self, name, *a, **k: copies.append(name) or real_copy(self, name, *a, **k))
    with Workspace(tmp_path / "may-moi") as receiver:
        receiver.save_profile(COMMUNE)
        with receiver.open_package(result.path) as opened:
            assert opened.files and all(path is not None for path in opened.files.values())
    assert sum(name.startswith("evidence/") for name in copies) == result.evidence_files  # untrusted: each one hashed
    copies.clear()
    with ws.open_package(result.path) as opened:  # the sender's own store holds every file, verified
        assert set(opened.files) and all(path is None for path in opened.files.values())
    assert not any(name.startswith("evidence/") for name in copies)  # format 2: not read at all
