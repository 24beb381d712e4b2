"""Evidence opened safely (issue 15): a copy under a name that cannot fool the user or the
shell; only documents and images are opened directly, anything else shows its folder."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from kehoach_desktop.evidence_open import MAX_NAME_CHARS, opens_directly, safe_name
from kehoach_desktop.model import Evidence


@pytest.mark.parametrize("name, expected", [
    ("báo cáo\u202egpj.exe", "báo cáogpj.exe"),  # shows as "báo cáoexe.jpg" without the strip
    ("ảnh\u2066hội nghị\u2069.png", "ảnhhội nghị.png"),
    ("CON", "_CON"), ("con.txt", "_con.txt"), ("AUX.pdf", "_AUX.pdf"), ("nul.tar.gz", "_nul.tar.gz"),
    ("COM1.docx", "_COM1.docx"), ("lpt9", "_lpt9"), ("CONSOLE.pdf", "CONSOLE.pdf"),
    ("..\\..\\Windows\\win.ini", "win.ini"), ("a/b/c.pdf", "c.pdf"), ("bad:name?.pdf", "bad_name_.pdf"),
    ("  .  ", "tai-lieu"), ("Quyết định.pdf. ", "Quyết định.pdf"),
])
def test_names_that_could_fool_the_user_or_windows_are_made_safe(name, expected):
    assert safe_name(name) == expected


def test_a_long_name_is_shortened_in_the_stem_not_the_extension():
    name = "Báo cáo kết quả thực hiện " * 20 + ".docx"
    shortened = safe_name(name)
    assert len(shortened) <= MAX_NAME_CHARS and shortened.endswith(".docx") and shortened.startswith("Báo cáo")


@given(st.text(min_size=0, max_size=400))
def test_any_name_becomes_a_short_plain_file_name(name):
    safe = safe_name(name)
    assert 0 < len(safe) <= MAX_NAME_CHARS and "/" not in safe and "\\" not in safe
    assert not any(ord(ch) < 32 or ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
                   for ch in safe)
    assert safe_name(safe) == safe  # stable


@pytest.mark.parametrize("name, direct", [
    ("a.pdf", True), ("a.DOCX", True), ("ảnh.JPG", True), ("scan.tif", True), ("ghi chú.txt", True),
    ("a.ods", True), ("a.exe", False), ("a.bat", False), ("lối tắt.lnk", False), ("a.js", False),
    ("a.pdf.exe", False), ("báo cáo\u202egpj.exe", False), ("không đuôi", False), ("a.html", False),
])
def test_only_documents_and_images_open_directly(name, direct):
    assert opens_directly(name) is direct


def test_the_copy_to_open_gets_the_safe_name(imported_workspace, tmp_path):
    ws = imported_workspace
    task = ws.tasks(mine_only=True)[0]
    file = tmp_path / "hoa-don.exe"
    file.write_bytes(b"MZ fake")
    item = ws.add_evidence(task.id, Evidence(task_id=task.id, abstract="Tệp lạ"), file)
    from kehoach_desktop.db import store, transaction

    with transaction(ws.db):  # as a package from elsewhere may name it
        ws.db.execute("UPDATE evidence SET file_name = ? WHERE id = ?", ["hóa đơn\u202egpj.exe", item.id])
    copy = ws.evidence_copy_to_open(item.id)
    assert copy.name == "hóa đơngpj.exe" and copy.read_bytes() == b"MZ fake"
    assert copy.parent.parent == ws.data_dir / "tmp"  # a copy, never the stored file
    assert not opens_directly(copy.name)
    del store


def test_the_window_shows_only_the_folder_of_an_unsafe_file(window, monkeypatch, tmp_path):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    shown = []

    def answer(box):
        shown.append(box.text())
        box.show()
        box.grab().save(str(tmp_path / "canh-bao.png"))
        box.hide()
        folder = next(b for b in box.buttons() if b.text() == "Mở thư mục chứa tệp")
        monkeypatch.setattr(box, "clickedButton", lambda: folder)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    unsafe = tmp_path / "mo" / "chay.bat"
    unsafe.parent.mkdir()
    unsafe.write_text("echo")
    window.detail.open_copy(unsafe)
    assert opened == [str(unsafe.parent)] and "chạy như một chương trình" in shown[0]
    document = tmp_path / "mo" / "bao-cao.pdf"
    document.write_bytes(b"%PDF")
    window.detail.open_copy(document)
    assert opened[-1] == str(document)
