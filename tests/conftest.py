"""Shared fixtures. Qt is imported only inside the window fixture: service tests run without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kehoach_desktop.model import AgencyKind, AgencyProfile
from kehoach_desktop.paths import ENV_DATA_DIR, sample_workbook
from kehoach_desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_XLSX = sample_workbook()  # inside the package: kehoach_desktop/resources/samples/

COMMUNE = AgencyProfile(name="UBND xã Hòa An", kind=AgencyKind.XA, governing_body="UBND tỉnh Cao Bằng")


@pytest.fixture(autouse=True, scope="session")
def _never_the_real_data_folder(tmp_path_factory):
    """A test that forgets --data-dir must not write into the user's real data folder."""
    fallback = tmp_path_factory.mktemp("fallback-data-dir")
    before = os.environ.get(ENV_DATA_DIR)
    os.environ[ENV_DATA_DIR] = str(fallback)
    yield fallback
    if before is None:
        os.environ.pop(ENV_DATA_DIR, None)
    else:
        os.environ[ENV_DATA_DIR] = before


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def workspace(data_dir):
    ws = Workspace(data_dir)
    ws.save_profile(COMMUNE)
    yield ws
    ws.close()


@pytest.fixture
def sample_xlsx() -> Path:
    assert SAMPLE_XLSX.is_file(), f"missing sample workbook {SAMPLE_XLSX}"
    return SAMPLE_XLSX


@pytest.fixture
def imported_workspace(workspace, sample_xlsx):
    summary = workspace.import_annex(sample_xlsx)
    assert summary.applied and summary.tasks == 94
    return workspace


def _fill_example_and_accept(dialog):
    """The user types the example agency (the dialog starts empty) and saves."""
    from kehoach_desktop.ui.profile_dialog import DEFAULT_PROFILE as example

    for field in ("name", "governing_body", "place", "symbol", "signer_name", "signer_title"):
        getattr(dialog, field).setText(getattr(example, field))
    dialog.kind.setCurrentIndex(dialog.kind.findData(example.kind.value))
    dialog.authority.setCurrentIndex(dialog.authority.findData(example.authority.value))
    return type(dialog).DialogCode.Accepted


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A first start on an empty data folder: the example agency typed into the profile dialog, saved."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kehoach_desktop.ui import app as app_module
    from kehoach_desktop.ui.profile_dialog import ProfileDialog

    monkeypatch.setattr(ProfileDialog, "exec", _fill_example_and_accept)
    # After importing an annex that lacks the plan's number or date the window asks whether to
    # correct the plan now (issue 13): "Để sau", unless a test answers it itself.
    monkeypatch.setattr("kehoach_desktop.ui.plan_actions.QMessageBox.exec", lambda box: 0)
    app_module.make_application()
    win = app_module.open_main_window(tmp_path / "data", synchronous=True)
    qtbot.addWidget(win)
    win.show()
    app_module.first_run(win)
    yield win
    win.workspace.close()
