"""The “Trao đổi (USB)” menu driven offscreen: export to a stick, import with a preview, refusals."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox  # noqa: E402

from kehoach_desktop.exchange.drives import Drive  # noqa: E402
from kehoach_desktop.exchange.packages import read_package  # noqa: E402
from kehoach_desktop.model import Progress, Status  # noqa: E402
from kehoach_desktop.paths import sample_workbook  # noqa: E402
from kehoach_desktop.ui.exchange_dialogs import ExportDialog, PackagePreviewDialog  # noqa: E402
from kehoach_desktop.workspace import Workspace  # noqa: E402

from _support import listing, snapshot  # noqa: E402



@pytest.fixture
def messages(monkeypatch):
    said = {"information": [], "warning": []}
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: said["information"].append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said["warning"].append(text))
    return said


def test_export_to_a_removable_drive_then_the_stick_may_be_removed(window, tmp_path, messages, monkeypatch):
    stick = tmp_path / "usb"
    stick.mkdir()
    window.exchange.list_drives = lambda: [Drive(stick, "USB SO NOI VU", 2 * 1024**3)]
    task = window.workspace.tasks(mine_only=True)[0]
    window.workspace.save_progress(Progress(task_id=task.id, status=Status.DONE, percent=100, result="Xong"))
    chosen = {}

    def accept_first_drive(dialog):
        assert dialog.places.count() == 1 and dialog.folder == stick  # the stick is offered and selected
        dialog.period.setCurrentIndex(dialog.period.findData("h1"))
        dialog.accept()
        chosen["target"] = dialog.target()
        return ExportDialog.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept_first_drive)
    window.exchange.export_report_action.trigger()
    target = chosen["target"]
    assert target.parent == stick and target.suffix == ".khbc" and target.is_file()
    manifest, data, _ = read_package(target, target.name)
    assert manifest["period"]["code"] == "h1" and data["progress"][0]["result"] == "Xong"
    [message] = messages["information"]
    assert "Đã ghi và kiểm tra xong" in message and message.endswith("Có thể rút USB.")


def test_export_workbook_to_a_chosen_folder(window, tmp_path, messages, monkeypatch):
    folder = tmp_path / "thu-muc"
    folder.mkdir()
    window.exchange.list_drives = lambda: []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))

    def choose_folder(dialog):
        assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()  # nowhere to write yet
        dialog.other.click()
        dialog.accept()
        return ExportDialog.Accepted

    monkeypatch.setattr(ExportDialog, "exec", choose_folder)
    window.exchange.export_workbook_action.trigger()
    [written] = list(folder.glob("*.xlsx"))
    assert written.name.startswith("KQ-UBND-xa-Hoa-An-")
    assert "Có thể rút USB." in messages["information"][0]


def _other_pc(window, tmp_path, result: str):
    """The same agency's data on another PC, with one result recorded there, exported."""
    with Workspace(tmp_path / "other-pc") as other:
        other.save_profile(window.workspace.profile())
        other.import_annex(sample_workbook())
        task = other.tasks(mine_only=True)[1]
        other.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=30, result=result))
        other.export_package(tmp_path / "may-cu.khbc")
        return task.content


def test_import_a_package_after_its_preview(window, tmp_path, messages, monkeypatch):
    content = _other_pc(window, tmp_path, "Ghi ở máy cũ")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "may-cu.khbc"), ""))
    previews = []

    def look_and_accept(dialog):
        previews.append(dialog)
        return PackagePreviewDialog.Accepted

    monkeypatch.setattr(PackagePreviewDialog, "exec", look_and_accept)
    window.exchange.import_action.trigger()
    assert previews and not messages["warning"]
    assert "Đã nhập" in messages["information"][0] and "thêm kết quả thực hiện của 1 nhiệm vụ" in messages["information"][0]
    [task] = [row for row in window._rows if row.content == content]  # the window shows it at once
    assert task.result == "Ghi ở máy cũ" and task.status == Status.IN_PROGRESS
    assert not list((window.workspace.data_dir / "tmp").iterdir())  # the checked copy is gone


def test_cancelled_preview_and_refused_file_change_nothing(window, tmp_path, messages, monkeypatch):
    _other_pc(window, tmp_path, "Không được nhập")
    before, files = snapshot(window.workspace.db), listing(window.workspace.data_dir)
    monkeypatch.setattr(PackagePreviewDialog, "exec", lambda dialog: PackagePreviewDialog.Rejected)
    window.import_file(tmp_path / "may-cu.khbc")
    (tmp_path / "gia.khbc").write_bytes(b"PK\x03\x04 cut short")
    window.import_file(tmp_path / "gia.khbc")
    assert snapshot(window.workspace.db) == before and listing(window.workspace.data_dir) == files
    [refusal] = messages["warning"]
    assert "“gia.khbc”" in refusal and "bị hỏng" in refusal
    assert not list((window.workspace.data_dir / "tmp").iterdir())


def test_the_annex_menu_sends_a_results_workbook_to_the_package_import(window, tmp_path, messages, monkeypatch):
    result = window.workspace.export_workbook(tmp_path / "ket-qua.xlsx")
    before = snapshot(window.workspace.db)
    previews = []
    monkeypatch.setattr(PackagePreviewDialog, "exec", lambda dialog: previews.append(dialog) or 0)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(result.path), ""))
    window.import_action.trigger()  # “Nhập phụ lục kế hoạch…”
    assert len(previews) == 1 and not messages["warning"]
    assert snapshot(window.workspace.db) == before



def test_names_from_a_package_are_shown_as_text_not_markup():
    from kehoach_desktop.exchange.apply import CHANGE_KEYS, PackageSummary
    from kehoach_desktop.ui.exchange_dialogs import preview_text

    summary = PackageSummary(
        file_name="<img src=x>.khbc", kind="kehoach-khbc", kind_label="gói báo cáo tiến độ",
        agency="UBND xã <b>Hòa An</b>", audience=None, created_at=None, program_version=None, period=None,
        plans=[{"number": "12/KH-<i>UBND</i>", "date": None, "tasks": 3}],
        contents={"progress": 0, "evidence": 0, "evidence_files": 0, "evidence_bytes": 0, "reports": 0},
        changes=dict.fromkeys(CHANGE_KEYS, 0),
    )
    text = preview_text(summary)
    assert "<img" not in text and "<i>UBND" not in text and "<b>Hòa An" not in text
    assert "&lt;img src=x&gt;.khbc" in text and "UBND xã &lt;b&gt;Hòa An&lt;/b&gt;" in text
