"""Packages near a plain copy (issue 17): evidence stored as it is, the written file read back once."""

from __future__ import annotations

import zipfile

import pytest

from kehoach_desktop.errors import KehoachError
from kehoach_desktop.exchange import writer
from kehoach_desktop.exchange.safe_zip import SafeZip

from _exchange_support import filled, filled_template  # noqa: F401  (fixtures)


def test_evidence_is_stored_not_deflated_and_verification_reads_no_member_twice(filled, tmp_path, monkeypatch):
    ws, _ = filled
    copies = []
    real_copy = SafeZip.copy
    monkeypatch.setattr(SafeZip, "copy", lambda self, name, *a, **k: copies.append(name) or real_copy(self, name, *a, **k))
    result = ws.export_package(tmp_path / "bao-cao.khbc")
    with zipfile.ZipFile(result.path) as archive:
        evidence = [info for info in archive.infolist() if info.filename.startswith("evidence/")]
    assert evidence and all(info.compress_type == zipfile.ZIP_STORED for info in evidence)
    assert not any(name.startswith("evidence/") for name in copies)  # the seal stands for them
    assert sorted(copies) == ["data.json", "manifest.json", "plan.json"]  # each once (plan.json: issue 11)


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


def test_an_imported_package_still_checks_every_member(filled, tmp_path, monkeypatch):
    ws, _ = filled
    result = ws.export_package(tmp_path / "bao-cao.khbc")
    copies = []
    real_copy = SafeZip.copy
    monkeypatch.setattr(SafeZip, "copy", lambda self, name, *a, **k: copies.append(name) or real_copy(self, name, *a, **k))
    with ws.open_package(result.path) as opened:
        assert opened.files
    assert sum(name.startswith("evidence/") for name in copies) == result.evidence_files  # untrusted: each one hashed
