"""Province scale, the file side (issue 17): the annex read as a stream, written in a bounded
number of reads; packages read once, in order, with every check kept."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import zipfile
from pathlib import Path

import pytest

from kehoach_desktop.errors import ImportRefusedError
from kehoach_desktop.exchange import packages
from kehoach_desktop.importer.annex import ParsedAnnex, ParsedCriterion, ParsedIndex, ParsedTask
from kehoach_desktop.importing import apply_annex, read_annex
from kehoach_desktop.model import Evidence, IndexKind

from _exchange_support import PLACEHOLDER, filled, filled_template  # noqa: F401  (fixtures)
from _support import listing, snapshot

# --- the annex ----------------------------------------------------------------------------------


def _annex_workbook(path: Path, tasks: int) -> Path:
    """An annex whose deadline cell is merged down over each criterion's tasks."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục 1"
    sheet.append(["KẾ HOẠCH CẢI THIỆN CHỈ SỐ PAR INDEX NĂM 2025"])
    sheet.append(["STT", "Tiêu chí", "Nhiệm vụ", "Thời gian thực hiện", "Đơn vị chủ trì"])
    sheet.append(["1", "CÔNG TÁC CHỈ ĐẠO", None, None, None])
    for n in range(tasks):
        if n % 2 == 0:
            sheet.append([f"1.{n // 2 + 1}", f"Tiêu chí 1.{n // 2 + 1}", f"Nhiệm vụ {n}", "Quý {}".format(n % 4 + 1),
                          "UBND cấp xã"])
        else:
            sheet.append([None, None, f"Nhiệm vụ {n}", None, "UBND cấp xã"])
            row = sheet.max_row
            sheet.merge_cells(start_row=row - 1, end_row=row, start_column=4, end_column=4)
    book.save(path)
    return path


def _declare_dimension(path: Path, ref: str) -> None:
    """Rewrite the sheet's <dimension>, as some programs write it wrong."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), sheet)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_sheet_declaring_a_wrong_size_is_read_whole_and_merged_cells_carry_down(tmp_path):
    """The reader streams the sheet (openpyxl's read-only mode): the size the file declares is
    not trusted, and merged ranges still give each covered row the top cell's value."""
    path = _annex_workbook(tmp_path / "phu-luc.xlsx", 40)
    expected = read_annex(path)
    _declare_dimension(path, "A1:B2")
    annex = read_annex(path)
    [index] = annex.indices
    assert [task.content for task in index.tasks] == [f"Nhiệm vụ {n}" for n in range(40)]
    assert [task.deadline_text for task in index.tasks] == [f"Quý {n % 4 + 1}" if n % 2 == 0 else f"Quý {n % 4}"
                                                            for n in range(40)]
    assert [(t.content, t.deadline_text, t.criterion_key) for t in index.tasks] == \
        [(t.content, t.deadline_text, t.criterion_key) for t in expected.indices[0].tasks]


def _parsed(tasks: int) -> ParsedAnnex:
    annex = ParsedAnnex(file_name="x.xlsx", plan_number="9/KH-UBND", plan_date=dt.date(2025, 1, 10), plan_year=2025)
    index = ParsedIndex(IndexKind.PAR_INDEX, "Chỉ số PAR INDEX", "Phụ lục 1")
    index.criteria.append(ParsedCriterion("1", "LĨNH VỰC", is_area=True))
    for n in range(tasks):
        if n % 3 == 0:
            index.criteria.append(ParsedCriterion(f"1.{n // 3 + 1}", f"Tiêu chí {n}", max_score=1.0))
        index.tasks.append(ParsedTask(f"1.{n // 3 + 1}", f"Nhiệm vụ số {n}", lead="UBND cấp xã", row=n + 4,
                                      sheet="Phụ lục 1", also_serves=["1.1"] if n == 5 else []))
    annex.indices.append(index)
    return annex


def _statements(workspace, annex) -> list[str]:
    seen: list[str] = []
    workspace.db.conn.set_trace_callback(seen.append)
    try:
        apply_annex(workspace.db, annex, "x.xlsx")
    finally:
        workspace.db.conn.set_trace_callback(None)
    return seen


def test_an_import_reads_the_same_number_of_times_whatever_its_size(tmp_path):
    """No lookup per row (of a task, a criterion, a parent): the reads are a fixed number; the
    writes one per row written; a re-import of the same annex writes nothing."""
    from kehoach_desktop.workspace import Workspace

    counts = {}
    for size in (30, 300):
        with Workspace(tmp_path / f"d{size}") as workspace:
            first = _statements(workspace, _parsed(size))
            again = _statements(workspace, _parsed(size))
        reads = [s for s in first if s.lstrip().upper().startswith("SELECT")]
        writes = [s for s in first if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
        rows = size + len(_parsed(size).indices[0].criteria)
        assert len(writes) <= rows + 6  # the plan, the index, each criterion and task, the task serving two
        counts[size] = len(reads)
        assert not [s for s in again if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert counts[300] == counts[30] and counts[30] < 20


# --- packages -----------------------------------------------------------------------------------

BIG = 3 * 1024 * 1024 + 123  # more than one read's chunk


@pytest.fixture
def big_package(filled, tmp_path):
    """(workspace, package) whose evidence includes a 3 MB file of random bytes."""
    ws, _ = filled
    big = tmp_path / "Biên bản nghiệm thu.pdf"
    big.write_bytes(random.Random(17).randbytes(BIG))
    task = ws.tasks(mine_only=True)[4]
    ws.add_evidence(task.id, Evidence(task_id=task.id, number="9/BB-UBND", abstract="Biên bản"), big)
    usb = tmp_path / "usb"
    usb.mkdir()
    result = ws.export_package(usb / "bao-cao.khbc")
    return ws, result.path, hashlib.sha256(big.read_bytes()).hexdigest()


def _receiver(tmp_path):
    from conftest import COMMUNE
    from kehoach_desktop.workspace import Workspace

    ws = Workspace(tmp_path / "may-moi")
    ws.save_profile(COMMUNE)
    return ws


def _member_data_offset(path: Path, sha: str) -> int:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("evidence/" + sha)
    data = path.read_bytes()
    name_length, extra_length = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little"), \
        int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    return info.header_offset + 30 + name_length + extra_length


def _assert_refused_leaving_nothing(ws, package: Path, reason: str) -> None:
    before = (snapshot(ws.db), listing(ws.data_dir))
    for action in (ws.preview_package, ws.import_package):
        with pytest.raises(ImportRefusedError, match=reason):
            action(package)
        assert (snapshot(ws.db), listing(ws.data_dir)) == before  # nothing unpacked stays, nothing stored


def test_a_large_member_is_stored_and_a_changed_byte_in_it_is_refused(big_package, tmp_path):
    ws, package, sha = big_package
    with zipfile.ZipFile(package) as archive:
        info = archive.getinfo("evidence/" + sha)
    assert info.compress_type == zipfile.ZIP_STORED and info.compress_size == info.file_size == BIG
    receiver = _receiver(tmp_path)
    data = bytearray(package.read_bytes())
    data[_member_data_offset(package, sha) + 2 * 1024 * 1024 + 7] ^= 0x10  # in its third chunk
    tampered = package.with_name("sua.khbc")
    tampered.write_bytes(bytes(data))
    # Format 2: the evidence data is outside the seal, the member's own SHA-256 refuses it.
    _assert_refused_leaving_nothing(receiver, tampered, "không đúng mã kiểm tra SHA-256")
    summary = receiver.import_package(package)  # the untouched package goes in, the big file whole
    assert summary.changes["files_added"] >= 1
    assert hashlib.sha256(receiver.evidence.path_for(sha).read_bytes()).hexdigest() == sha
    receiver.close()


def test_a_changed_byte_in_a_large_member_of_a_version_1_package_is_refused(big_package, tmp_path):
    from _exchange_support import as_format_1

    ws, _, sha = big_package
    package = as_format_1(ws.export_package(tmp_path / "moi.khbc").path, tmp_path / "usb" / "cu.khbc")
    receiver = _receiver(tmp_path)
    data = bytearray(package.read_bytes())
    data[_member_data_offset(package, sha) + 2 * 1024 * 1024 + 7] ^= 0x10
    tampered = package.with_name("sua.khbc")
    tampered.write_bytes(bytes(data))
    _assert_refused_leaving_nothing(receiver, tampered, "mã kiểm tra toàn tệp không khớp")
    # Sealed again by whoever changed it: the member's own SHA-256 still refuses it.
    body = bytes(data[:-64])
    resealed = package.with_name("niem-lai.khbc")
    resealed.write_bytes(body + hashlib.sha256(body).hexdigest().encode())
    assert body.endswith(PLACEHOLDER[:-64])
    _assert_refused_leaving_nothing(receiver, resealed, "không đúng mã kiểm tra SHA-256")
    assert receiver.import_package(package).changes["files_added"] >= 1  # version 1 still goes in
    receiver.close()


def _bytes_read() -> int:
    """What this process has read so far (read system calls, the page cache included)."""
    return int(re.search(r"rchar: (\d+)", Path("/proc/self/io").read_text()).group(1))


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="Linux's per-process read count")
def test_a_package_is_read_once(big_package, tmp_path):
    """Each byte comes off the stick once: no copy of the file first, no second pass to hash it
    (which read a 500 MB package three times)."""
    ws, package, _ = big_package
    receiver = _receiver(tmp_path)
    before = _bytes_read()
    with receiver.open_package(package) as opened:
        assert opened.files
        read = _bytes_read() - before
    size = package.stat().st_size
    assert size <= read < size + 512 * 1024, (read, size)
    receiver.close()


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="Linux's per-process read count")
def test_a_package_whose_evidence_the_store_holds_reads_no_evidence_data(big_package, tmp_path):
    """Format 2, the same package again: its headers, JSON and directory are read and sealed;
    the evidence data, verified already in the store, is not read at all."""
    ws, package, _ = big_package
    receiver = _receiver(tmp_path)
    receiver.import_package(package)
    before = _bytes_read()
    assert receiver.import_package(package).changes_nothing
    read = _bytes_read() - before
    assert read < BIG // 2, read  # the database and its backup included; the 3 MB file not read
    receiver.close()


def test_a_stick_pulled_out_midway_is_a_refusal_that_leaves_nothing(big_package, tmp_path, monkeypatch):
    ws, package, _ = big_package
    real_open = open

    class Pulled:
        def __init__(self, handle):
            self.handle, self.left = handle, 1024 * 1024

        def read(self, size=-1):
            data = self.handle.read(size)
            self.left -= len(data)
            if self.left < 0:
                raise OSError(5, "Input/output error")
            return data

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    monkeypatch.setattr(packages, "open", lambda path, mode="r", *a, **k: Pulled(real_open(path, mode, *a, **k))
                        if Path(path) == package else real_open(path, mode, *a, **k), raising=False)
    receiver = _receiver(tmp_path)
    _assert_refused_leaving_nothing(receiver, package, "USB có thể đã bị rút")
    receiver.close()


def test_a_cancel_while_a_package_is_read_is_a_cancel_not_a_damaged_file(big_package, tmp_path):
    """The window's Hủy raises from the progress callback: it must stop the reading as such."""
    ws, package, _ = big_package

    class Stop(Exception):
        pass

    calls = []

    def progress(done, total, text):
        calls.append(done)
        if len(calls) == 3:
            raise Stop

    receiver = _receiver(tmp_path)
    with pytest.raises(Stop):
        receiver.open_package(package, progress)
    assert calls[-1] < package.stat().st_size and not list((receiver.data_dir / "tmp").glob("goi-*"))
    receiver.close()


def test_export_verifies_with_one_read_and_still_catches_a_store_file_changed(big_package, tmp_path):
    ws, package, sha = big_package
    stored = ws.evidence.path_for(sha)
    data = bytearray(stored.read_bytes())
    data[BIG // 2] ^= 0x01
    stored.write_bytes(bytes(data))
    from kehoach_desktop.exchange.writer import ExportError

    with pytest.raises(ExportError, match="trong kho đã bị thay đổi"):
        ws.export_package(tmp_path / "usb" / "lan-hai.khbc")
    assert not (tmp_path / "usb" / "lan-hai.khbc").exists()


# --- the report's chart (a plan of many areas) ------------------------------------------------


def test_a_plan_of_many_areas_still_has_its_pdf_report_and_chart(workspace):
    from kehoach_desktop.report import ReportPeriod
    from kehoach_desktop.report.chart import MAX_BARS, progress_chart
    from kehoach_desktop.report.service import render

    annex = ParsedAnnex(file_name="x.xlsx", plan_number="9/KH-UBND", plan_date=dt.date(2025, 1, 10), plan_year=2025)
    index = ParsedIndex(IndexKind.PAR_INDEX, "Chỉ số PAR INDEX", "Phụ lục 1")
    for area in range(1, 61):
        index.criteria.append(ParsedCriterion(str(area), f"LĨNH VỰC {area}", is_area=True))
        index.tasks.append(ParsedTask(str(area), f"Nhiệm vụ của lĩnh vực {area}", lead="UBND cấp xã", row=area))
    annex.indices.append(index)
    apply_annex(workspace.db, annex, "x.xlsx")
    content = workspace.build_report(ReportPeriod.of("h1", 2025), today=dt.date(2025, 7, 5))
    bars = progress_chart(content, 450).contents[0]
    assert len(bars.categoryAxis.categoryNames) == MAX_BARS
    assert sum(map(sum, bars.data)) == content.annex_row_count == 60
    assert "Các lĩnh vực khác (25)" in bars.categoryAxis.categoryNames
    assert render(content, "PDF").startswith(b"%PDF")
