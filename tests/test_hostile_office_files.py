"""Small files never eat the machine (issue 15): the sizes an .xlsx/.docx declares are checked
before openpyxl or python-docx load it; each hostile file is refused naming the file and the
reason, nothing written. (Time and memory: benchmarks/hostile_files_benchmark.py.)"""

from __future__ import annotations

import zipfile

import pytest

from kehoach_desktop.errors import ImportRefusedError

import _hostile_files as hostile
from _support import run_cli, snapshot

CASES = {
    "gop-o-ca-trang.xlsx": (lambda p: hostile.xlsx_with_merged_range(p), "vùng gộp ô A1:XFD1048576"),
    "gop-o-rong.xlsx": (lambda p: hostile.xlsx_with_merged_range(p, "A1:XFD20000"), "các vùng gộp ô"),
    "trieu-dong.xlsx": (lambda p: hostile.xlsx_with_declared_rows(p), "khai báo 1000000 dòng"),
    "nhieu-trang.xlsx": (lambda p: hostile.xlsx_with_many_sheets(p), "60 trang tính"),
    "nhieu-o.xlsx": (lambda p: hostile.xlsx_with_many_cells(p), "hơn 200000 ô"),
    "dem-trang.xlsx": (lambda p: hostile.xlsx_with_padding(p), "lớn gấp"),
    "grid-before.docx": (lambda p: hostile.docx_with_grid(p), "gridBefore = 100000000"),
    "grid-after.docx": (lambda p: hostile.docx_with_grid(p, "gridAfter", "99999"), "gridAfter = 99999"),
    "grid-span.docx": (lambda p: hostile.docx_with_grid(p, "gridSpan", "70000"), "gridSpan = 70000"),
    "grid-chu.docx": (lambda p: hostile.docx_with_grid(p, "gridBefore", "hai"), "“hai” không phải là số"),
    "grid-am.docx": (lambda p: hostile.docx_with_grid(p, "gridSpan", "-3"), "không phải là số"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_file_declaring_huge_sizes_is_refused_before_it_is_loaded(workspace, tmp_path, name, capsys):
    build, reason = CASES[name]
    path = build(tmp_path / name)
    assert path.stat().st_size < 2 * 1024**2  # small on disk
    before = snapshot(workspace.db)
    with pytest.raises(ImportRefusedError) as refused:
        workspace.preview_import(path)
    message = str(refused.value)
    assert f"“{name}”" in message and reason in message, message
    code, out, err = run_cli(capsys, "--data-dir", workspace.data_dir, "import", path)
    assert code == 2 and f"“{name}”" in err and "Traceback" not in err
    assert snapshot(workspace.db) == before


@pytest.mark.parametrize("method, encrypted, reason", [
    (9, False, "Deflate64"), (99, False, "AES"), (14, False, "LZMA"), (None, True, "đặt mật khẩu"),
])
def test_an_encrypted_or_deflate64_or_aes_xlsx_is_refused_in_vietnamese(workspace, tmp_path, method, encrypted,
                                                                       reason, capsys):
    plain = hostile.plain_xlsx(tmp_path / "goc.xlsx")
    path = hostile.with_zip_flags(plain, tmp_path / "la.xlsx", method=method, encrypted=encrypted)
    with zipfile.ZipFile(path) as archive:  # what the test aims at: the flags are there
        info = archive.infolist()[0]
        assert (info.compress_type == method) if method else (info.flag_bits & 1)
    code, _, err = run_cli(capsys, "--data-dir", workspace.data_dir, "import", path)
    assert code == 2 and "“la.xlsx”" in err and reason in err and "Traceback" not in err


def test_ordinary_annexes_pass_the_guards(sample_xlsx, tmp_path):
    from kehoach_desktop.importer.size_guards import check_declared_sizes

    check_declared_sizes(sample_xlsx, "Excel (.xlsx)")
    check_declared_sizes(hostile.plain_xlsx(tmp_path / "nho.xlsx"), "Excel (.xlsx)")
    check_declared_sizes(hostile.docx_with_grid(tmp_path / "vua.docx", "gridSpan", "3"), "Word (.docx)")


def test_the_guards_read_a_tag_split_across_chunks(tmp_path, monkeypatch):
    """The scan reads 1 MB at a time; a merged range straddling two chunks is still seen."""
    from kehoach_desktop.importer import size_guards

    monkeypatch.setattr(size_guards, "CHUNK", 7)
    with pytest.raises(ImportRefusedError, match="vùng gộp ô"):
        size_guards.check_declared_sizes(hostile.xlsx_with_merged_range(tmp_path / "a.xlsx"), "Excel (.xlsx)")


def test_the_window_says_why_an_encrypted_or_hostile_file_is_refused(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    plain = hostile.plain_xlsx(tmp_path / "goc.xlsx")
    window.import_file(hostile.with_zip_flags(plain, tmp_path / "mat-khau.xlsx", encrypted=True))
    window.import_file(hostile.xlsx_with_merged_range(tmp_path / "gop.xlsx"))
    assert len(shown) == 2 and "“mat-khau.xlsx”" in shown[0] and "mật khẩu" in shown[0]
    assert "“gop.xlsx”" in shown[1] and "vùng gộp ô" in shown[1]


def test_reading_an_annex_stops_when_the_user_cancels(workspace, sample_xlsx):
    class Cancelled(Exception):
        pass

    calls = []

    def cancel_after_first(done, total, text):
        calls.append(text)
        if len(calls) > 1:
            raise Cancelled

    with pytest.raises(Cancelled):
        workspace.preview_import(sample_xlsx, progress=cancel_after_first)
    with pytest.raises(Cancelled):
        workspace.import_annex(sample_xlsx, progress=cancel_after_first if not calls.clear() else None)
    assert workspace.plans() == []  # nothing written
