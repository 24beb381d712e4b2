"""Start-up imports only what the window needs (issue 17): checked in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys


def _loaded_after(code: str) -> set[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_the_window_path_leaves_the_command_modules_and_numpy_unloaded():
    loaded = _loaded_after("import kehoach_desktop.cli\nimport kehoach_desktop.ui.app")
    assert "kehoach_desktop.ui.main_window" in loaded  # the probe sees what the window needs
    assert "sqlite_utils" in loaded
    for unwanted in ("numpy", "pandas", "kehoach_desktop.safety_cli", "kehoach_desktop.exchange.cli",
                     "kehoach_desktop.report.cli", "openpyxl", "reportlab", "docx"):
        assert unwanted not in loaded, unwanted


def test_a_command_line_still_parses_every_command():
    loaded = _loaded_after("from kehoach_desktop.cli import build_parser\nbuild_parser()")
    assert {"kehoach_desktop.safety_cli", "kehoach_desktop.exchange.cli"} <= loaded


def test_the_window_only_command_lines_are_recognised():
    from kehoach_desktop.cli import _window_data_dir

    assert _window_data_dir([]) == (True, None)
    assert _window_data_dir(["--data-dir", "/tmp/x"]) == (True, "/tmp/x")
    assert _window_data_dir(["--data-dir=/tmp/y"]) == (True, "/tmp/y")
    assert _window_data_dir(["--data-dir", "/tmp/x", "tasks"])[0] is False
    assert _window_data_dir(["--help"])[0] is False
    assert _window_data_dir(["tasks", "--json"])[0] is False
