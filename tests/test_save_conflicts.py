"""Saved work is never lost (issue 15): a save writes only the fields the user changed, over the
record as it is when written; a field changed elsewhere meanwhile is a conflict the window asks
about; parallel writer processes never lose a change."""

from __future__ import annotations

import dataclasses
import multiprocessing

import pytest

from kehoach_desktop.cli import main as cli_main
from kehoach_desktop.errors import InvalidInputError, SaveConflictError
from kehoach_desktop.model import Progress, Status
from kehoach_desktop.workspace import Workspace


@pytest.fixture
def task_id(imported_workspace):
    return imported_workspace.tasks(mine_only=True)[0].id


def test_two_windows_saving_different_fields_keep_both(imported_workspace, task_id):
    ws = imported_workspace
    with Workspace(ws.data_dir, check_health=False) as other:
        mine, theirs = ws.progress(task_id), other.progress(task_id)  # both windows loaded revision 0
        other.save_progress(dataclasses.replace(theirs, difficulties="Thiếu kinh phí"), base=theirs)
        ws.save_progress(dataclasses.replace(mine, result="Đã tổ chức hội nghị", percent=40), base=mine)
    saved = ws.progress(task_id)
    assert (saved.result, saved.percent, saved.difficulties) == ("Đã tổ chức hội nghị", 40, "Thiếu kinh phí")
    assert saved.revision == 2


def test_the_same_field_changed_in_two_places_is_a_conflict_and_nothing_is_written(imported_workspace, task_id):
    ws = imported_workspace
    loaded = ws.progress(task_id)
    with Workspace(ws.data_dir, check_health=False) as other:
        other.save_progress(dataclasses.replace(loaded, result="Bản của máy khác", proposals="Bổ sung"), base=loaded)
    before = ws.progress(task_id)
    with pytest.raises(SaveConflictError) as caught:
        ws.save_progress(dataclasses.replace(loaded, result="Bản của tôi", percent=60), base=loaded)
    conflict = caught.value
    assert conflict.fields == ["result"] and "kết quả" in str(conflict)
    assert ws.progress(task_id) == before  # nothing written
    # Both versions are at hand; each choice keeps the other side's non-conflicting change.
    assert (conflict.theirs.result, conflict.mine.result) == ("Bản của máy khác", "Bản của tôi")
    assert conflict.mine.proposals == "Bổ sung" and conflict.mine.percent == 60
    assert conflict.theirs_kept.result == "Bản của máy khác" and conflict.theirs_kept.percent == 60
    ws.save_progress(conflict.mine, base=conflict.theirs)
    saved = ws.progress(task_id)
    assert (saved.result, saved.percent, saved.proposals) == ("Bản của tôi", 60, "Bổ sung")


def test_a_save_that_changes_nothing_writes_nothing(imported_workspace, task_id):
    ws = imported_workspace
    loaded = ws.progress(task_id)
    assert ws.save_progress(loaded, base=loaded).revision == 0 and ws.progress(task_id).updated_at is None


def test_the_command_line_sets_only_the_fields_it_is_given(imported_workspace, task_id, capsys):
    ws = imported_workspace
    loaded = ws.progress(task_id)
    ws.save_progress(dataclasses.replace(loaded, result="Từ cửa sổ", difficulties="Khó"), base=loaded)
    assert cli_main(["--data-dir", str(ws.data_dir), "progress", str(task_id), "--percent", "70"]) == 0
    saved = ws.progress(task_id)
    assert (saved.result, saved.difficulties, saved.percent) == ("Từ cửa sổ", "Khó", 70)


def test_text_is_cleaned_of_characters_xml_cannot_hold_once_when_saved(imported_workspace, task_id):
    ws = imported_workspace
    dirty = "Đã\x00 tổ\x07 chức\ufffe hội\x1b nghị\nlần 2\ttại xã"
    ws.save_progress(Progress(task_id=task_id, result=dirty, difficulties="a\x0bb"))
    saved = ws.progress(task_id)
    assert saved.result == "Đã tổ chức hội nghị\nlần 2\ttại xã" and saved.difficulties == "ab"


@pytest.mark.parametrize("score", ["inf", "1e999", "nan", "-inf"])
def test_a_non_finite_score_is_refused_at_entry_naming_the_field(imported_workspace, task_id, score, capsys):
    ws = imported_workspace
    code = cli_main(["--data-dir", str(ws.data_dir), "progress", str(task_id), f"--score={score}"])
    assert code == 2 and "Điểm tự chấm" in capsys.readouterr().err
    with pytest.raises(InvalidInputError, match="Điểm tự chấm"):
        ws.save_progress(Progress(task_id=task_id, score=float(score)))
    assert ws.progress(task_id).score is None


def test_a_result_over_the_package_limit_is_refused_naming_the_field(imported_workspace, task_id):
    from kehoach_desktop.limits import MAX_TEXT_CHARS

    with pytest.raises(InvalidInputError, match="Kết quả dài"):
        imported_workspace.save_progress(Progress(task_id=task_id, result="x" * (MAX_TEXT_CHARS + 1)))


# --- parallel writer processes -----------------------------------------------------------------

ROUNDS = 24


def _writer(data_dir, task_id, name, barrier) -> None:
    """One writer: each round it loads the record, waits for the other, then saves its field."""
    with Workspace(data_dir, check_health=False) as ws:
        for round_ in range(ROUNDS):
            base = ws.progress(task_id)
            barrier.wait(timeout=60)
            value = f"{name} lần {round_}"
            if name == "window":
                ws.save_progress(dataclasses.replace(base, result=value), base=base)
            elif round_ % 2:
                ws.update_progress(task_id, {"difficulties": value})  # as `kehoach progress` does
            else:
                ws.save_progress(dataclasses.replace(base, difficulties=value), base=base)
            barrier.wait(timeout=60)  # saved; the test checks
            barrier.wait(timeout=60)  # checked; next round


def test_parallel_writers_lose_no_change_in_any_round(imported_workspace, task_id):
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(3)
    data_dir = imported_workspace.data_dir
    workers = [context.Process(target=_writer, args=(data_dir, task_id, name, barrier))
               for name in ("window", "command")]
    for worker in workers:
        worker.start()
    lost = []
    try:
        for round_ in range(ROUNDS):
            barrier.wait(timeout=60)
            barrier.wait(timeout=60)
            saved = imported_workspace.progress(task_id)
            if saved.result != f"window lần {round_}" or saved.difficulties != f"command lần {round_}":
                lost.append((round_, saved.result, saved.difficulties))
            barrier.wait(timeout=60)
    finally:
        for worker in workers:
            worker.join(timeout=60)
    assert [worker.exitcode for worker in workers] == [0, 0]
    assert lost == []
    assert imported_workspace.progress(task_id).revision == 2 * ROUNDS
    assert imported_workspace.progress(task_id).status == Status.NOT_STARTED  # nobody touched it


# --- any two concurrent edits: merged, or a conflict with nothing written ------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_VALUES = {
    "status": st.sampled_from([Status.IN_PROGRESS, Status.DONE, Status.NOT_FEASIBLE]),
    "percent": st.integers(0, 100),
    "result": st.sampled_from(["Đã họp", "Đã ban hành kế hoạch", "Chưa xong"]),
    "difficulties": st.sampled_from(["Thiếu kinh phí", "Thiếu người"]),
    "proposals": st.sampled_from(["Bổ sung", "Tập huấn"]),
}
_EDITS = st.dictionaries(st.sampled_from(sorted(_VALUES)), st.none()).flatmap(
    lambda keys: st.fixed_dictionaries({key: _VALUES[key] for key in keys}))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mine=_EDITS, theirs=_EDITS)
def test_two_concurrent_edits_are_merged_or_refused_whole(imported_workspace, task_id, mine, theirs):
    ws = imported_workspace
    ws.save_progress(Progress(task_id=task_id))  # a fresh record for each example
    loaded = ws.progress(task_id)
    with Workspace(ws.data_dir, check_health=False) as other:
        other.save_progress(dataclasses.replace(loaded, **theirs), base=loaded)
    after_theirs = ws.progress(task_id)
    mine = {key: value for key, value in mine.items() if getattr(loaded, key) != value}  # real changes only
    theirs = {key: value for key, value in theirs.items() if getattr(loaded, key) != value}
    clash = [key for key in mine if key in theirs and mine[key] != theirs[key]]
    if clash:
        with pytest.raises(SaveConflictError) as caught:
            ws.save_progress(dataclasses.replace(loaded, **mine), base=loaded)
        assert sorted(caught.value.fields) == sorted(clash)
        assert ws.progress(task_id) == after_theirs  # nothing written
        return
    ws.save_progress(dataclasses.replace(loaded, **mine), base=loaded)
    saved = ws.progress(task_id)
    for key, value in {**theirs, **mine}.items():
        assert getattr(saved, key) == value, key
    for key in set(_VALUES) - set(mine) - set(theirs):
        assert getattr(saved, key) == getattr(loaded, key), key
