"""What an installed program carries and tells: resources inside the package, --version,
`import --sample`, UTF-8 output into files, the "Giới thiệu" dialog. (The wheel itself is built,
installed and run outside the checkout by installer/wheel-smoke.sh, called from .ci/run.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib.resources import files
from pathlib import Path

import kehoach_desktop
from kehoach_desktop import about, paths

from _support import run_cli, snapshot
from conftest import ROOT


def test_resources_are_found_inside_the_package_with_importlib_resources():
    package_dir = Path(kehoach_desktop.__file__).parent
    assert paths.resources_dir() == Path(str(files("kehoach_desktop") / "resources"))
    assert paths.resources_dir().parent == package_dir  # never a top-level "resources" in site-packages
    assert paths.sample_workbook().is_file()
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert (paths.fonts_dir() / f"Tinos-{face}.ttf").stat().st_size > 100_000
    assert "SIL OPEN FONT LICENSE" in (paths.fonts_dir() / "OFL.txt").read_text(encoding="utf-8")


def test_the_wheel_is_told_to_carry_every_resource_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["kehoach_desktop"]
    package_dir = Path(kehoach_desktop.__file__).parent
    shipped = {p for pattern in patterns for p in package_dir.glob(pattern) if p.is_file()}
    on_disk = {p for p in paths.resources_dir().rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert on_disk and on_disk <= shipped


def test_version_is_printed(capsys):
    code, out, _ = run_cli(capsys, "--version")
    assert code == 0
    assert out.strip() == f"kehoach {kehoach_desktop.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", kehoach_desktop.__version__)


def test_import_sample_loads_the_bundled_plan(capsys, tmp_path):
    data = tmp_path / "data"
    assert run_cli(capsys, "profile", "--data-dir", data, "--name", "UBND xã Hòa An", "--kind", "xa")[0] == 0
    code, out, err = run_cli(capsys, "import", "--sample", "--data-dir", data)
    assert code == 0, err
    assert "2163/KH-UBND" in out and "Đã nhập: thêm 94" in out
    code, out, _ = run_cli(capsys, "tasks", "--mine", "--data-dir", data)
    assert code == 0 and "Chủ trì" in out


def test_import_needs_exactly_one_source(capsys, tmp_path, sample_xlsx):
    data = tmp_path / "data"
    run_cli(capsys, "profile", "--data-dir", data, "--name", "UBND xã Hòa An", "--kind", "xa")
    from kehoach_desktop.workspace import Workspace

    with Workspace.open(data) as ws:
        before = snapshot(ws.db)
    for args in (("import",), ("import", str(sample_xlsx), "--sample")):
        code, out, err = run_cli(capsys, *args, "--data-dir", data)
        assert code == 2 and out == ""
        assert err.startswith("Lỗi: ") and len(err.strip().splitlines()) == 1
    with Workspace.open(data) as ws:
        assert snapshot(ws.db) == before


def test_vietnamese_output_into_a_file_is_utf8_whatever_the_code_page(tmp_path):
    """`kehoach tasks > tasks.txt` on a Windows code page (cp1252 cannot encode "ủ")."""
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    for args in (["profile", "--name", "UBND xã Hòa An", "--kind", "xa"], ["import", "--sample"]):
        subprocess.run([sys.executable, "-m", "kehoach_desktop", "--data-dir", str(data), *args],
                       check=True, env=env, capture_output=True)
    out_file = tmp_path / "tasks.txt"
    with out_file.open("wb") as out:
        done = subprocess.run([sys.executable, "-m", "kehoach_desktop", "tasks", "--mine", "--data-dir", str(data)],
                              env=env, stdout=out, stderr=subprocess.PIPE)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = out_file.read_bytes().decode("utf-8")
    assert "Chủ trì" in text and len(text.splitlines()) > 10


def test_every_runtime_dependency_has_its_licence_listed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = {re.split(r"[<>=!~\[ ]", dep)[0].lower().replace("_", "-") for dep in config["project"]["dependencies"]}
    listed = {dist.lower().replace("_", "-") for _, dist, _ in about._LIBRARIES}
    assert wanted <= listed, f"missing from the About dialog: {wanted - listed}"
    assert all(c.licence and c.version != "không rõ" for c in about.components() if c.name != "Phông chữ Tinos")


def test_about_dialog_shows_version_data_folder_and_licences(window, monkeypatch):
    from kehoach_desktop.ui import about_dialog

    shown = []
    monkeypatch.setattr(about_dialog.AboutDialog, "exec", lambda self: shown.append(self) or 0)
    menu_titles = [action.text() for action in window.menuBar().actions()]
    assert about_dialog.HELP_MENU_TITLE in menu_titles
    window.about_action.trigger()
    dialog = shown[0]
    assert dialog.windowTitle() == "Giới thiệu"
    assert str(window.workspace.data_dir) in dialog.data_label.text()
    cells = {dialog.table.item(row, 0).text(): dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())}
    assert cells["Phông chữ Tinos"] == "SIL Open Font License 1.1"
    assert cells["Qt for Python (PySide6, shiboken6) và Qt 6"].startswith("LGPL-3.0")
    assert "SIL OPEN FONT LICENSE Version 1.1" in dialog.font_licence.toPlainText()
    assert kehoach_desktop.__version__ in dialog.findChildren(about_dialog.QLabel)[0].text()
