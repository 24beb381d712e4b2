"""Package format version 2 (issue 17): the seal covers every byte but the evidence data, which
each member's own SHA-256 covers; version 1 packages (whole-file seal) are still read and still
refused when changed."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_desktop.errors import ImportRefusedError
from kehoach_desktop.exchange import manifest
from kehoach_desktop.exchange.packages import KnownPackage, read_package
from kehoach_desktop.exchange.seal import PREFIX, PREFIX_V2
from kehoach_desktop.workspace import Workspace

import _exchange_support
from _exchange_support import evidence_data_spans, members, portable, rebuild_package, reseal_v2
from _support import listing, snapshot

filled_template = _exchange_support.filled_template

SEAL_BROKEN = "mã kiểm tra toàn tệp không khớp"


@pytest.fixture(scope="module")
def built(tmp_path_factory, filled_template) -> Path:
    """A data folder with real data and evidence, its package as format 2 and as format 1 wrote it."""
    root = tmp_path_factory.mktemp("format2")
    shutil.copytree(filled_template[0], root / "template")
    with Workspace(root / "template") as ws:
        ws.export_package(root / "v2.khbc")
    _exchange_support.as_format_1(root / "v2.khbc", root / "v1.khbc")
    return root


@pytest.fixture
def fresh(tmp_path):
    """A data folder of the same agency holding none of the data or evidence files."""
    from conftest import COMMUNE

    ws = Workspace(tmp_path / "may-moi")
    ws.save_profile(COMMUNE)
    yield ws
    ws.close()


def _changed(source: Path, target: Path, position: int, flip: int = 0x01) -> Path:
    data = bytearray(source.read_bytes())
    data[position] ^= flip
    target.write_bytes(bytes(data))
    return target


def _refused(ws: Workspace, package: Path, reason: str) -> None:
    before = (snapshot(ws.db), listing(ws.data_dir / "evidence"))
    with pytest.raises(ImportRefusedError) as refused:
        ws.import_package(package)
    assert f"“{package.name}”" in str(refused.value) and reason in str(refused.value), str(refused.value)
    assert (snapshot(ws.db), listing(ws.data_dir / "evidence")) == before
    assert not list((ws.data_dir / "tmp").glob("goi-*/*"))


def _member_range(path: Path, name: str) -> tuple[int, int]:
    """Where a member's stored bytes lie."""
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    lengths = info.header_offset + 26
    start = (info.header_offset + 30 + int.from_bytes(data[lengths:lengths + 2], "little")
             + int.from_bytes(data[lengths + 2:lengths + 4], "little"))
    return start, start + info.compress_size


def _central_entry(path: Path, name: str) -> int:
    """Where a member's central directory entry starts."""
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        at = archive.start_dir  # the first entry
    while True:
        name_length = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_length].decode() == name:
            return at
        extra = int.from_bytes(data[at + 30:at + 32], "little")
        comment = int.from_bytes(data[at + 32:at + 34], "little")
        at += 46 + name_length + extra + comment


def _evidence_name(path: Path) -> str:
    return next(name for name in members(path) if name.startswith("evidence/"))


def test_a_new_package_has_the_programs_format_and_is_sealed_as_version_2_defines(built, tmp_path):
    package = built / "v2.khbc"
    with zipfile.ZipFile(package) as archive:
        assert archive.comment.startswith(PREFIX_V2)
        assert json.loads(archive.read("manifest.json"))["format_version"] == manifest.FORMAT_VERSION >= 2
    again = reseal_v2(Path(shutil.copyfile(package, tmp_path / "again.khbc")))  # the seal computed from its definition
    assert again.read_bytes() == package.read_bytes()
    with zipfile.ZipFile(built / "v1.khbc") as archive:
        assert archive.comment.startswith(PREFIX) and not archive.comment.startswith(PREFIX_V2)
        assert json.loads(archive.read("manifest.json"))["format_version"] == 1


def test_a_version_1_package_brings_what_version_2_brings(built, tmp_path):
    from conftest import COMMUNE

    records = []
    for version in ("v1", "v2"):
        with Workspace(tmp_path / version) as ws:
            ws.save_profile(COMMUNE)
            summary = ws.import_package(built / f"{version}.khbc")
            assert summary.changes["files_added"] == len([n for n in members(built / "v2.khbc") if n.startswith("evidence/")])
            records.append(portable(ws.db))
    assert records[0] == records[1]


def test_a_changed_manifest_byte_is_refused_by_the_seal(built, fresh, tmp_path):
    start, end = _member_range(built / "v2.khbc", "manifest.json")
    for position in (start, (start + end) // 2, end - 1):  # deflated: the seal speaks before zlib
        _refused(fresh, _changed(built / "v2.khbc", tmp_path / "manifest.khbc", position), SEAL_BROKEN)


def test_a_manifest_made_again_and_resealed_still_checks_the_members(built, fresh, tmp_path, monkeypatch):
    monkeypatch.setitem(_exchange_support.SEAL_VERSION, "value", 2)

    def wrong_data_digest(manifest_value):
        for member in manifest_value["members"]:
            if member["name"] == "data.json":
                member["sha256"] = "0" * 64

    package = rebuild_package(built / "v2.khbc", tmp_path / "ke-khai.khbc", manifest_change=wrong_data_digest)
    _refused(fresh, package, "data.json không đúng mã kiểm tra SHA-256")


def test_a_changed_central_directory_entry_is_refused(built, fresh, tmp_path):
    package = built / "v2.khbc"
    entry = _central_entry(package, _evidence_name(package))
    for offset in (12, 16, 20, 42):  # its time, CRC-32, stored size, local header offset
        _refused(fresh, _changed(package, tmp_path / "muc-luc.khbc", entry + offset), "")


def test_a_central_directory_moved_and_resealed_is_refused(built, fresh, tmp_path):
    """A forger who moves an evidence member's span (its stored size) and seals again: the bytes
    then read as its data are not what its SHA-256 says, or the zip does not hold together."""
    package = built / "v2.khbc"
    name = _evidence_name(package)
    entry = _central_entry(package, name)
    data = bytearray(package.read_bytes())
    size = int.from_bytes(data[entry + 20:entry + 24], "little")
    data[entry + 20:entry + 24] = (size - 16).to_bytes(4, "little")
    moved = tmp_path / "doi-cho.khbc"
    moved.write_bytes(bytes(data))
    _refused(fresh, reseal_v2(moved), "")


def test_a_changed_byte_of_evidence_data_is_refused_by_its_sha256(built, fresh, tmp_path):
    start, end = _member_range(built / "v2.khbc", _evidence_name(built / "v2.khbc"))
    _refused(fresh, _changed(built / "v2.khbc", tmp_path / "tai-lieu.khbc", (start + end) // 2),
             "không đúng mã kiểm tra SHA-256")


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_a_package_cut_short_is_refused(built, fresh, tmp_path, version):
    data = (built / f"{version}.khbc").read_bytes()
    for end in sorted({1, 100, len(data) // 3, len(data) // 2, len(data) - 100, len(data) - 22, len(data) - 1}):
        cut = tmp_path / "cut.khbc"
        cut.write_bytes(data[:end])
        _refused(fresh, cut, "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.data())
def test_a_version_1_package_is_still_refused_for_any_changed_byte_its_evidence_data_included(built, fresh,
                                                                                              tmp_path, choice):
    package = built / "v1.khbc"
    spans = evidence_data_spans(package.read_bytes())
    start, end = choice.draw(st.sampled_from(spans + [(0, package.stat().st_size)]))
    position = choice.draw(st.integers(start, end - 1))
    _refused(fresh, _changed(package, tmp_path / "mot-byte.khbc", position, choice.draw(st.integers(1, 255))), "")


# --- a package received before (KnownPackage) ----------------------------------------------------

def _known(manifest_value):
    raise KnownPackage(manifest_value.get("package_id"))


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_a_copy_of_a_package_received_before_is_known_only_when_intact(built, tmp_path, version):
    package = built / f"{version}.khbc"
    with pytest.raises(KnownPackage):
        read_package(package, package.name, accept=_known)
    start, end = _member_range(package, _evidence_name(package))
    damaged = _changed(package, tmp_path / "hong.khbc", (start + end) // 2)  # its evidence data: outside the v2 seal
    with pytest.raises(ImportRefusedError, match=SEAL_BROKEN if version == "v1" else "không đúng mã kiểm tra SHA-256"):
        read_package(damaged, damaged.name, accept=_known)
    header = _changed(package, tmp_path / "dau.khbc", _member_range(package, "data.json")[0] - 3)  # its name
    with pytest.raises(ImportRefusedError, match=SEAL_BROKEN):
        read_package(header, header.name, accept=_known)


def test_a_known_version_2_package_reads_its_evidence_without_unpacking_it(built, tmp_path, monkeypatch):
    from kehoach_desktop.exchange.safe_zip import SafeZip

    package = built / "v2.khbc"
    copies = []
    real_copy = SafeZip.copy
    monkeypatch.setattr(SafeZip, "copy", lambda self, name, out, *a, **k: copies.append((name, out))
                        or real_copy(self, name, out, *a, **k))
    with pytest.raises(KnownPackage):
        read_package(package, package.name, accept=_known)
    evidence = [name for name, _ in copies if name.startswith("evidence/")]
    assert sorted(evidence) == sorted(n for n in members(package) if n.startswith("evidence/"))
    assert all(out is None for name, out in copies if name.startswith("evidence/"))


# --- the reader's hashing, on its own ------------------------------------------------------------

@settings(max_examples=100, deadline=None)
@given(data=st.binary(min_size=65, max_size=4000), cuts=st.lists(st.integers(0, 4000), max_size=10),
       moves=st.lists(st.tuples(st.booleans(), st.integers(1, 900)), max_size=25))
def test_the_reader_hashes_exactly_the_bytes_outside_the_spans_however_it_is_read(data, cuts, moves):
    """Reads forward, skips ahead (a member not read), reads back (zipfile re-reading a header):
    the digest is that of every byte outside the spans but the last 64, each once, in order."""
    import hashlib
    import io

    from kehoach_desktop.exchange.seal import SealedReader

    body = len(data) - 64
    points = sorted({min(cut, body) for cut in cuts})
    spans = [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]
    reader = SealedReader(io.BytesIO(data), "x.khbc")
    reader.exclude(spans)
    reader.start()
    position = 0
    for skip, size in moves:
        if skip:
            position = min(len(data), position + size)
        else:
            reader.seek(max(0, position - size // 3))  # sometimes behind the frontier
            position = reader.tell() + len(reader.read(size))
        reader.seek(position)
    digest, tail = reader.finish()
    expected, at = hashlib.sha256(), 0
    for start, end in spans:
        expected.update(data[at:start])
        at = end
    expected.update(data[at:body])
    assert (digest, tail) == (expected.hexdigest(), data[body:])


def test_files_waiting_for_their_fsync_stay_few(tmp_path, monkeypatch):
    """A slow stick or disk: the reading waits rather than keep every unpacked file open
    (Windows gives a process 512 handles; a package may hold thousands of files)."""
    import time

    from kehoach_desktop.exchange import packages

    real = packages._sync_and_close
    monkeypatch.setattr(packages, "_sync_and_close", lambda out: time.sleep(0.005) or real(out))
    monkeypatch.setattr(packages._Syncer, "OPEN_AT_MOST", 4)
    syncer, outs, most = packages._Syncer(), [], 0
    for number in range(40):
        out = open(tmp_path / str(number), "wb")
        out.write(b"x")
        outs.append(out)
        syncer.submit(out)
        most = max(most, sum(not item.closed for item in outs))
    syncer.wait()
    assert all(item.closed for item in outs) and most <= 4 + packages._Syncer.THREADS


@pytest.mark.parametrize("version", ["v1.khbc", "v2.khbc"])
def test_hashing_on_a_thread_or_in_turn_reads_the_same_and_refuses_the_same(built, version, monkeypatch, tmp_path):
    """Small packages are hashed on the reading thread (a thread per package cost more than the
    hashing: issue 11), large ones on a thread of their own: both read alike, both refuse a change."""
    from kehoach_desktop.exchange import seal

    source = built / version
    damaged = _changed(source, tmp_path / "hong.khbc", source.stat().st_size - 30)  # the central directory
    results = []
    for thread_from in (0, 1 << 40):  # every hash on a thread; none
        monkeypatch.setattr(seal, "THREAD_FROM", thread_from)
        manifest_read, data, files = read_package(source, source.name, extract_to=None)
        results.append((manifest_read, data, sorted(files)))
        with pytest.raises(ImportRefusedError):
            read_package(damaged, damaged.name)
    assert results[0] == results[1]
    monkeypatch.undo()
    unknown, small = seal.hash_worker(None), seal.hash_worker(10)
    unknown.close()
    assert isinstance(unknown, seal.HashThread) and isinstance(small, seal.InlineHash)
