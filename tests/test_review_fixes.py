"""Behaviour fixed after the first review: refusals copy no file, removed tasks are not "mine",
a department's full name still matches, command-line refusals are in Vietnamese."""

from __future__ import annotations

import pytest

from kehoach_desktop.cli import main
from kehoach_desktop.errors import InvalidInputError
from kehoach_desktop.matching import resolve_role
from kehoach_desktop.model import AgencyKind, AgencyProfile, Evidence, Role


def test_refused_evidence_copies_no_file(imported_workspace, tmp_path):
    task = imported_workspace.tasks(mine_only=True)[0]
    good = tmp_path / "bao-cao.pdf"
    good.write_bytes(b"report")
    progress = imported_workspace.progress(task.id)
    with pytest.raises(InvalidInputError):
        imported_workspace.save_progress(progress, [
            (Evidence(task_id=task.id, number="01/BC-UBND"), good),
            (Evidence(task_id=task.id), None),  # no number, abstract or file
        ])
    store = imported_workspace.data_dir / "evidence"
    assert not store.exists() or not any(p.is_file() for p in store.rglob("*"))
    assert imported_workspace.evidence_list(task.id) == []


def test_removed_tasks_are_not_listed_as_mine(imported_workspace):
    first = imported_workspace.tasks(mine_only=True)[0]
    imported_workspace.db.execute("UPDATE task SET removed = 1 WHERE id = ?", [first.id])
    assert first.id not in {row.id for row in imported_workspace.tasks(mine_only=True)}
    assert first.id in {row.id for row in imported_workspace.tasks()}


@pytest.mark.parametrize("name, cell, expected", [
    ("Sở Tư pháp tỉnh Cao Bằng", "Sở Tư pháp", Role.LEAD),
    ("Sở Tư pháp tỉnh Cao Bằng", "Sở Tài chính", None),
    ("UBND tỉnh Cao Bằng", "UBND huyện Hòa An", None),
    ("Công an tỉnh Cao Bằng", "Công an cấp xã", None),
])
def test_full_department_name_matches_its_short_form(name, cell, expected):
    kind = AgencyKind.SO if name.startswith("Sở") else AgencyKind.KHAC
    assert resolve_role(AgencyProfile(name, kind), cell, "", "").role == expected


@pytest.mark.parametrize("args, words", [
    (["profile", "--kind", "foo"], "không hợp lệ"),
    (["progress", "abc"], "không phải là số nguyên"),
    (["tasks", "--mine", "x"], "tham số không nhận ra"),
])
def test_argument_errors_are_in_vietnamese(tmp_path, capsys, args, words):
    with pytest.raises(SystemExit) as exit_info:
        main([*args, "--data-dir", str(tmp_path / "d")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert words in err and "invalid" not in err and "required" not in err


def test_import_without_a_file_says_what_to_give(tmp_path, capsys):
    """`kehoach import` with neither a file nor --sample: one Vietnamese sentence, status 2."""
    assert main(["import", "--data-dir", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err
    assert "Thiếu tệp để nhập" in err and "--sample" in err and "required" not in err
