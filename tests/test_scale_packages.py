"""Packages near a plain copy (issue 17): evidence stored as it is, the written file read back once."""

from __future__ import annotations

import zipfile

import pytest

from kehoach_desktop.errors import KehoachError
from kehoach_desktop.exchange import manifest, seal, writer
from kehoach_desktop.exchange.safe_zip import SafeZip

from _exchange_support import filled, filled_template  # noqa: F401  (fixtures)


def test_evidence_is_stored_not_deflated_and_verification_reads_the_file_once(filled, tmp_path, monkeypatch):
    ws, _ = filled
    copies, read = [], []
    real_copy, real_take = SafeZip.copy, seal.ReadBack._take
    monkeypatch.setattr(SafeZip, "copy", lambda self, name, *a, **k: copies.append(name) or real_copy(self, name, *a, **k))
    monkeypatch.setattr(seal.ReadBack, "_take", lambda self, piece: read.append(len(piece)) or real_take(self, piece))
    result = ws.export_package(tmp_path / "bao-cao.khbc")
    with zipfile.ZipFile(result.path) as archive:
        evidence = [info for info in archive.infolist() if info.filename.startswith("evidence/")]
    assert evidence and all(info.compress_type == zipfile.ZIP_STORED for info in evidence)
    assert not copies  # no member unpacked again: the bytes are compared with what was written
    assert sum(read) == result.size  # each byte of the file read back once


def _read_back_steps(monkeypatch, corrupt: bool) -> list[tuple[int, int]]:
    """The read-back while writing, in 64 KB steps; `corrupt`: a byte of each step changed on
    the "device" before it is read back, as a bad stick would."""
    monkeypatch.setattr(writer.SyncBehind, "STEP", 64 * 1024)
    steps = []
    real_check = seal.ReadBack._check

    def check(self, path, upto):
        if corrupt and upto > self.cursor:
            with open(path, "r+b") as handle:
                handle.seek(upto - 1)
                byte = handle.read(1)
                handle.seek(upto - 1)
                handle.write(bytes([byte[0] ^ 0x04]))
        steps.append((self.cursor, upto))
        real_check(self, path, upto)

    monkeypatch.setattr(seal.ReadBack, "_check", check)
    return steps


def test_what_is_durable_is_read_back_while_the_copy_goes_on(filled, tmp_path, monkeypatch):
    ws, _ = filled
    steps = _read_back_steps(monkeypatch, corrupt=False)
    result = ws.export_package(tmp_path / "bao-cao.khbc")
    assert len(steps) >= 2 and steps[0][1] < result.size == steps[-1][1]  # during the copy, then the rest
    assert all(later[0] == earlier[1] for earlier, later in zip(steps, steps[1:]) if later[1] > later[0])
    with ws.open_package(result.path) as opened:  # and the file is a good package
        assert opened.manifest["format_version"] == manifest.FORMAT_VERSION


def test_a_byte_wrongly_written_early_is_caught_by_the_read_back_during_the_copy(filled, tmp_path, monkeypatch):
    ws, _ = filled
    _read_back_steps(monkeypatch, corrupt=True)
    with pytest.raises(KehoachError, match="đọc lại không đúng"):
        ws.export_package(tmp_path / "bao-cao.khbc")
    assert list(tmp_path.glob("bao-cao.khbc*")) == []


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
