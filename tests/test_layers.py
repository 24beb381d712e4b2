"""Layering: the services never load Qt, and the window never speaks SQL.

The command line and the tests must run on a machine without a display (or without
PySide6 at all), and every SQL statement lives in kehoach_desktop/db.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kehoach_desktop"
UI = PACKAGE / "ui"

CORE_MODULES = {
    "kehoach_desktop", "kehoach_desktop.cli", "kehoach_desktop.workspace", "kehoach_desktop.importing",
    "kehoach_desktop.importer", "kehoach_desktop.importer.annex", "kehoach_desktop.importer.excel",
    "kehoach_desktop.db", "kehoach_desktop.db.connection", "kehoach_desktop.db.migrations",
    "kehoach_desktop.db.store", "kehoach_desktop.matching", "kehoach_desktop.deadlines",
    "kehoach_desktop.text", "kehoach_desktop.model", "kehoach_desktop.paths",
    "kehoach_desktop.evidence_store", "kehoach_desktop.errors",
    "kehoach_desktop.backup", "kehoach_desktop.health", "kehoach_desktop.safety_cli", "kehoach_desktop.db.maintenance",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _non_ui_sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if UI not in p.parents)


def _non_ui_modules() -> list[str]:
    # __main__ runs the program when imported; it is covered by the CLI subprocess test.
    return sorted(_module_name(p) for p in _non_ui_sources() if p.name != "__main__.py")


def test_every_core_module_is_checked():
    assert CORE_MODULES <= set(_non_ui_modules())


def _loaded_qt_modules(code: str) -> list[str]:
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith('PySide6'))))\n"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        cwd=PACKAGE.parent, env=_env(),
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.mark.parametrize("module", _non_ui_modules())
def test_importing_a_service_module_loads_no_qt(module):
    assert _loaded_qt_modules(f"import {module}") == []


def test_running_cli_subcommands_loads_no_qt(tmp_path):
    code = (
        "from kehoach_desktop.cli import main\n"
        f"data = {str(tmp_path / 'data')!r}\n"
        "assert main(['--data-dir', data, 'profile', '--name', 'UBND xã Hòa An', '--kind', 'xa']) == 0\n"
        "assert main(['--data-dir', data, 'tasks', '--json']) == 0\n"
    )
    assert _loaded_qt_modules(code) == []


def test_the_subprocess_check_can_see_qt():
    """Guard for the two tests above: the probe does report PySide6 when it is loaded."""
    pytest.importorskip("PySide6")
    assert "PySide6" in _loaded_qt_modules("import PySide6")


# --- static checks ----------------------------------------------------------------------------


def _qt_imports(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.split(".")[0] in ("PySide6", "shiboken6")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] in ("PySide6", "shiboken6"):
                found.append(node.module)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            value = node.args[0].value
            if name in ("import_module", "__import__") and isinstance(value, str) and value.startswith("PySide6"):
                found.append(value)
    return found


_SQL = [
    re.compile(r"\.(execute|executemany|executescript)\s*\("),
    re.compile(r"\bSELECT\b[\s\S]{0,400}?\bFROM\b"),
    re.compile(r"\bINSERT\s+(OR\s+\w+\s+)?INTO\b"),
    re.compile(r"\bUPDATE\b\s+\S+\s+\bSET\b"),
    re.compile(r"\bDELETE\s+FROM\b"),
    re.compile(r"^\s*(import\s+sqlite3|from\s+sqlite3\s+import|import\s+sqlite_utils|from\s+sqlite_utils)", re.M),
]


def _sql_in(source: str) -> list[str]:
    return [match.group(0)[:60] for pattern in _SQL for match in pattern.finditer(source)]


def test_the_static_detectors_work():
    assert _qt_imports("from PySide6.QtWidgets import QWidget") == ["PySide6.QtWidgets"]
    assert _qt_imports("import PySide6.QtCore as qc") == ["PySide6.QtCore"]
    assert _qt_imports("importlib.import_module('PySide6.QtGui')") == ["PySide6.QtGui"]
    assert _qt_imports("from .ui.app import run") == []
    assert _sql_in('self.db.execute("DELETE FROM task")')
    assert _sql_in('rows = db.query("SELECT id\\n FROM task")')
    assert _sql_in("sql = 'INSERT INTO evidence VALUES (?)'")
    assert _sql_in("q = 'UPDATE progress SET percent = 1'")
    assert _sql_in("import sqlite3")
    assert not _sql_in('label = "Cập nhật tiến độ"; self.workspace.save_progress(p)')


def test_no_module_outside_ui_imports_qt():
    offenders = {
        str(path.relative_to(PACKAGE.parent)): found
        for path in _non_ui_sources()
        if (found := _qt_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_ui_contains_no_sql():
    offenders = {
        str(path.relative_to(PACKAGE.parent)): found
        for path in sorted(UI.rglob("*.py")) if UI.exists()
        if (found := _sql_in(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "the window must go through Workspace; SQL belongs in kehoach_desktop/db"
