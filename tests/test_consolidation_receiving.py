"""Receiving many packages fast (issue 11): worker processes check the packages while this
process writes, and every record list is checked at once; neither changes what goes in or
what is refused."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_desktop.consolidation import receive as receiving
from kehoach_desktop.exchange import schema
from kehoach_desktop.limits import MAX_TEXT_CHARS
from kehoach_desktop.ui.operations import Cancelled

from _consolidation_support import consolidator, province  # noqa: F401 - the fixture
from _exchange_support import edit_progress, rebuild_package
from _support import snapshot


def _received(ws) -> dict:
    rows = {}
    for table, key in (("agency_task", "agency_id, task_id"), ("agency_evidence", "agency_id, task_id, number")):
        rows[table] = [tuple(row) for row in ws.db.execute(
            f"SELECT * FROM {table} ORDER BY {key}").fetchall()]
    rows["roster"] = [tuple(row) for row in ws.db.execute("SELECT name, kind, code FROM roster_agency ORDER BY name")]
    return rows


def _outcomes(result) -> list:
    return [(item.file, item.status, item.message, item.agency, item.changes) for item in result.packages]


def test_worker_processes_receive_exactly_what_this_process_receives(province, tmp_path):
    with consolidator(province, tmp_path / "alone") as ws:
        cache = ws.db.execute("PRAGMA cache_size").fetchone()[0]
        alone = receiving.receive(ws, [province["packages"]], workers=0)
        stored_alone = _received(ws)
        assert ws.db.execute("PRAGMA cache_size").fetchone()[0] == cache  # the larger cache only while receiving
    with consolidator(province, tmp_path / "pool") as ws:
        pooled = receiving.receive(ws, [province["packages"]], workers=2)
        stored_pool = _received(ws)
        assert not list((ws.data_dir / "tmp").glob("goi-*"))  # every unpacked folder removed
    assert alone.count(receiving.RECEIVED) == len(list(province["packages"].glob("*.khbc")))
    assert _outcomes(pooled) == _outcomes(alone)
    # listed as the files were found (by name), though written in the order of their creation
    assert [item.file for item in pooled.packages] == sorted(p.name for p in province["packages"].glob("*.khbc"))
    # the same rows, ids aside (agency ids follow the order of receiving, which is the same)
    assert stored_pool == stored_alone


def test_a_cancelled_receive_writes_nothing_and_leaves_no_unpacked_files(province, tmp_path):
    with consolidator(province, tmp_path / "snv") as ws:
        before = snapshot(ws.db)
        files = sorted(ws.evidence.root.rglob("*"))

        def progress(done, total, text):
            if done == 5:
                raise Cancelled()
        with pytest.raises(Cancelled):
            receiving.receive(ws, [province["packages"]], progress=progress, workers=1)
        assert snapshot(ws.db) == before
        assert not list((ws.data_dir / "tmp").glob("goi-*"))
        assert sorted(ws.evidence.root.rglob("*")) == files  # no evidence file adopted either


def test_a_package_made_in_the_future_is_refused_by_the_exchange_rule(province, tmp_path):
    source = sorted(province["packages"].glob("*.khbc"))[0]
    ahead = dt.datetime.now().astimezone() + schema.FUTURE_TOLERANCE + dt.timedelta(hours=2)
    rebuild_package(source, tmp_path / "tuong-lai.khbc",
                    manifest_change=lambda m: m.update(created_at=ahead.isoformat(timespec="seconds")))
    within = dt.datetime.now().astimezone() + schema.FUTURE_TOLERANCE - dt.timedelta(hours=2)
    rebuild_package(source, tmp_path / "hoi-nhanh.khbc",
                    manifest_change=lambda m: m.update(created_at=within.isoformat(timespec="seconds"),
                                                       package_id=m["package_id"] + "-2"))
    with consolidator(province, tmp_path / "snv") as ws:
        result = receiving.receive(ws, [tmp_path / "tuong-lai.khbc", tmp_path / "hoi-nhanh.khbc"])
    outcomes = {item.file: item for item in result.packages}
    assert outcomes["tuong-lai.khbc"].status == receiving.REFUSED
    assert "ở tương lai" in outcomes["tuong-lai.khbc"].message
    assert outcomes["hoi-nhanh.khbc"].status == receiving.RECEIVED  # a clock a few hours ahead is tolerated


# --- every record of a list checked at once accepts nothing one-by-one refuses ---------------------

TASK = {"ref": 7, "criterion": None, "position": 0, "content": "Nhiệm vụ 1", "deadline_text": "31/12/2025",
        "evidence_required": "", "lead": "Sở Nội vụ", "implementing": "", "cooperating": "",
        "source_sheet": "Phụ lục 1", "source_row": 6, "removed": False}
PROGRESS = {"task": 7, "status": "hoàn thành", "percent": 100, "result": "Đã xong", "completed_on": "2025-05-02",
            "score": None, "difficulties": "", "proposals": "", "updated_at": "2025-05-02T10:00:00"}
CRITERION = {"ref": 3, "parent": None, "code": "1.1", "title": "Tiêu chí", "max_score": 1.5, "prior_result": "",
             "target": "", "position": 0}
ODD = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**60, max_value=2**60), st.floats(),
                st.text(max_size=12), st.just("x" * (MAX_TEXT_CHARS + 1)), st.just("2025-13-01"),
                st.just(1), st.just(1.0), st.just(True), st.just("hoàn thành"),
                st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(), max_size=1))
SPECS = [(TASK, schema.TASK_SPEC), (PROGRESS, schema.PROGRESS_SPEC), (CRITERION, schema.CRITERION_SPEC)]


def _one_by_one_ok(record, spec) -> bool:
    return isinstance(record, dict) and all(key in record and check(record[key]) for key, check in spec.items())


@settings(max_examples=300, deadline=None)
@given(which=st.sampled_from(SPECS), data=st.data(), size=st.integers(min_value=1, max_value=5))
def test_a_list_checked_at_once_never_passes_a_record_the_spec_refuses(which, data, size):
    base, spec = which
    records = []
    for _ in range(size):
        record = {**base, **data.draw(st.dictionaries(st.sampled_from(sorted(base)), ODD, max_size=2))}
        for key in data.draw(st.sets(st.sampled_from(sorted(base)), max_size=1)):
            record.pop(key, None)
        records.append(data.draw(st.one_of(st.just(record), st.just(record), ODD)))
    together = schema._FAST[id(spec)].passes_all(records)
    assert not together or all(_one_by_one_ok(record, spec) for record in records)
    if all(schema._FAST[id(spec)].passes(record) for record in records):
        assert together  # what passes one by one passes together: the fast path is taken


def test_a_bad_record_among_many_is_refused_with_the_same_message(province, tmp_path):
    import json

    source = sorted(province["packages"].glob("*.khbc"))[0]

    def break_one(key, value):
        def change(name, raw):
            if name != "data.json":
                return raw
            data = edit_progress(json.loads(raw), lambda records: records[-1].update({key: value}))
            return json.dumps(data, ensure_ascii=False).encode()
        return change
    cases = {"phan-tram.khbc": ("percent", 101, "mục “percent”"),
             "tuong-lai.khbc": ("updated_at", "2999-01-01T00:00:00", "ở tương lai"),
             "nhiem-vu.khbc": ("task", 10**9, "tiến độ của nhiệm vụ không có")}
    for name, (key, value, _) in cases.items():
        rebuild_package(source, tmp_path / name, change=break_one(key, value))
    with consolidator(province, tmp_path / "snv") as ws:
        result = receiving.receive(ws, [tmp_path / name for name in cases], workers=0)
    for item in result.packages:
        assert item.status == receiving.REFUSED
        assert cases[item.file][2] in item.message, item.message


# --- `kehoach check` verifies the received evidence files too ---------------------------------------

def test_check_names_the_agency_and_task_of_a_missing_or_damaged_received_file(province, tmp_path):
    import json

    from _consolidation_support import run_cli

    with consolidator(province, tmp_path / "snv") as ws:
        receiving.receive(ws, [province["packages"]], workers=0)
        rows = ws.db.execute(
            "SELECT e.file_sha256, e.file_name, a.name, t.content FROM agency_evidence e "
            "JOIN roster_agency a ON a.id = e.agency_id JOIN task t ON t.id = e.task_id "
            "WHERE e.file_name LIKE 'bao-cao-%' ORDER BY a.name").fetchall()
        gone, damaged = rows[0], rows[1]
        ws.evidence.path_for(gone[0]).unlink()
        path = ws.evidence.path_for(damaged[0])
        path.write_bytes(path.read_bytes()[:-10] + b"0123456789")
        assert not ws.check_evidence().ok  # what the window's check sees
        folder = ws.data_dir
    code, out = run_cli("--data-dir", folder, "check", "--json")
    assert code == 1
    found = json.loads(out)["evidence"]
    assert [(item["agency"], item["file_name"]) for item in found["missing"]] == [(gone[2], gone[1])]
    assert [(item["agency"], item["file_name"]) for item in found["altered"]] == [(damaged[2], damaged[1])]
    assert found["missing"][0]["task_content"] == gone[3]
    code, out = run_cli("--data-dir", folder, "check")
    assert code == 1
    line = next(text for text in out.splitlines() if "Tệp bị thiếu" in text)
    assert gone[1] in line and gone[2] in line and gone[3][:40] in line
    assert any(damaged[2] in text for text in out.splitlines() if "đã bị thay đổi" in text)


def test_check_passes_when_every_received_file_is_whole(province, tmp_path):
    import json

    from _consolidation_support import run_cli

    with consolidator(province, tmp_path / "snv") as ws:
        receiving.receive(ws, [province["packages"]], workers=0)
        received = ws.db.execute("SELECT count(DISTINCT file_sha256) FROM agency_evidence").fetchone()[0]
        own = ws.db.execute("SELECT count(DISTINCT file_sha256) FROM evidence WHERE file_sha256 IS NOT NULL "
                            "AND file_sha256 NOT IN (SELECT file_sha256 FROM agency_evidence "
                            "WHERE file_sha256 IS NOT NULL)").fetchone()[0]
        folder = ws.data_dir
    code, out = run_cli("--data-dir", folder, "check", "--json")
    assert code == 0
    assert json.loads(out)["evidence"]["checked"] == received + own > 0


def test_a_package_received_before_is_still_checked_and_a_tampered_copy_refused(province, tmp_path):
    packages = sorted(province["packages"].glob("*.khbc"))
    again = tmp_path / "again"
    again.mkdir()
    for path in packages[:3]:
        (again / path.name).write_bytes(path.read_bytes())
    tampered = bytearray(packages[0].read_bytes())
    tampered[len(tampered) // 2] ^= 0xFF  # the manifest still names the package received
    (again / "sua.khbc").write_bytes(bytes(tampered))
    with consolidator(province, tmp_path / "snv") as ws:
        receiving.receive(ws, [province["packages"]], workers=1)
        for workers in (0, 1):
            result = receiving.receive(ws, [again], workers=workers)
            outcomes = {item.file: item for item in result.packages}
            assert [outcomes[p.name].status for p in packages[:3]] == [receiving.UNCHANGED] * 3
            assert outcomes["sua.khbc"].status == receiving.REFUSED


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(
    ["a", "ê", "e\u0302", "\u0301", "\u0323", "\n", " ", "\x00", "\x0b", "\ufffe", "Đ", "ư", "\u202e"]),
    max_size=6).map("".join), min_size=1, max_size=4))
def test_texts_taken_as_they_are_only_when_cleaning_would_change_none(texts):
    from kehoach_desktop.exchange.content import PROGRESS_COLUMNS
    from kehoach_desktop.limits import clean_text

    # records as the checks let them through: the free texts are texts (the cleaner relies on it)
    fixed = {"difficulties": "", "proposals": texts[-1], "updated_at": "2025-06-01T10:00:00"}
    progress = [{key: (texts[n % len(texts)] if key == "result" else fixed.get(key)) for key in PROGRESS_COLUMNS}
                for n in range(len(texts))]
    clean = receiving._cleaner(receiving._progress_columns([{"task": n, **record} for n, record in enumerate(progress)]), [])
    for record in progress:
        values = tuple(record[key] for key in PROGRESS_COLUMNS)
        assert clean(values) == tuple(clean_text(v) if isinstance(v, str) else v for v in values)


# --- a receive's packages of one plan: the plan section matched once (issue 11, speed) ---

def _plan_changed(source, target, change):
    def edit(name, raw):
        if name not in ("plan.json", "data.json"):
            return raw
        data = json.loads(raw)
        if "indices" not in data["plans"][0]:  # format 2's data.json: the plan is in plan.json (issue 11)
            return raw
        change(data["plans"][0]["indices"][0]["tasks"])
        return json.dumps(data, ensure_ascii=False).encode()
    return rebuild_package(source, target, change=edit, manifest_change=lambda m: m.update(
        package_id=m["package_id"] + "-doi"))


def test_a_plan_section_differing_by_one_character_from_one_already_matched_is_matched_again(province, tmp_path):
    first, second = sorted(province["packages"].glob("*.khbc"))[:2]

    def one_more_letter(tasks):
        tasks[0]["content"] += "x"
    _plan_changed(second, tmp_path / "khac.khbc", one_more_letter)
    with consolidator(province, tmp_path / "alone") as ws:
        alone = receiving.receive(ws, [tmp_path / "khac.khbc"], workers=0)
        stored_alone = _received(ws)["agency_task"]
    with consolidator(province, tmp_path / "both") as ws:
        both = receiving.receive(ws, [first, tmp_path / "khac.khbc"], workers=0)
        changed = next(item for item in both.packages if item.file == "khac.khbc")
        agency = ws.db.execute("SELECT id FROM roster_agency WHERE name = ?", [changed.agency]).fetchone()[0]
        stored_both = ws.db.execute("SELECT * FROM agency_task WHERE agency_id = ? ORDER BY task_id",
                                    [agency]).fetchall()
    assert both.count(receiving.RECEIVED) == 2
    assert changed.changes == alone.packages[0].changes
    assert changed.changes["tasks_unmatched"] == 1  # the changed task found no local task, though the first did
    assert next(item for item in both.packages if item.file != "khac.khbc").changes["tasks_unmatched"] == 0
    assert [row[2:-1] for row in stored_both] == [row[2:-1] for row in stored_alone]  # received_package id aside


def test_a_package_whose_plan_section_breaks_a_rule_is_refused_after_a_good_one_of_the_same_plan(province, tmp_path):
    first, second = sorted(province["packages"].glob("*.khbc"))[:2]
    _plan_changed(second, tmp_path / "hong.khbc", lambda tasks: tasks[0].update(criterion=987654))
    with consolidator(province, tmp_path / "snv") as ws:
        result = receiving.receive(ws, [first, tmp_path / "hong.khbc"], workers=0)
        refused = next(item for item in result.packages if item.file == "hong.khbc")
        assert refused.status == receiving.REFUSED and "tiêu chí không có" in refused.message
        assert ws.db.execute("SELECT count(*) FROM received_package").fetchone()[0] == 1


def test_the_index_by_task_dropped_for_a_large_receive_is_back_after_it_a_preview_and_a_cancel(province, tmp_path):
    def index(ws):
        return ws.db.execute("SELECT sql FROM sqlite_master WHERE name = 'agency_task_task'").fetchone()
    with consolidator(province, tmp_path / "snv") as ws:
        made = index(ws)
        receiving.receive(ws, [province["packages"]], dry_run=True, workers=0)
        assert index(ws) == made and made is not None

        def progress(done, total, text):
            if done == 2:
                raise Cancelled()
        with pytest.raises(Cancelled):
            receiving.receive(ws, [province["packages"]], progress=progress, workers=0)
        assert index(ws) == made
        receiving.receive(ws, [province["packages"]], workers=0)
        assert index(ws) == made
        plan = ws.db.execute("EXPLAIN QUERY PLAN SELECT * FROM agency_task WHERE task_id = 1").fetchall()
        assert "agency_task_task" in str(plan)


def test_the_command_line_receives_with_the_worker_processes_asked_for(province, tmp_path):
    """`kehoach receive --workers N` (the installed program on a PC of many cores uses them by
    default; this checks the same path on any machine) receives what one process receives."""
    from _consolidation_support import run_cli

    results = {}
    for workers in ("0", "2"):
        with consolidator(province, tmp_path / f"w{workers}") as ws:
            code, out = run_cli("--data-dir", ws.data_dir, "receive", province["packages"], "--workers", workers,
                                "--json")
            assert code == 0
            results[workers] = [(item["file"], item["status"], item["changes"]) for item in json.loads(out)["packages"]]
    assert results["2"] == results["0"] and all(status == "received" for _, status, _ in results["0"])
    with consolidator(province, tmp_path / "refused") as ws:
        before = snapshot(ws.db)
        code, _ = run_cli("--data-dir", ws.data_dir, "receive", province["packages"], "--workers", "-1")
        assert code == 2 and snapshot(ws.db) == before


def test_worker_processes_by_default_only_where_they_are_known_to_work(monkeypatch):
    """Many cores and many packages: workers on Linux; none by default on Windows, where they were
    never seen to work (wine hangs Python's process pools); a handful of packages: none anywhere."""
    monkeypatch.setattr(receiving.os, "cpu_count", lambda: 8)
    monkeypatch.setattr(receiving, "_spawn_is_safe", lambda: True)
    monkeypatch.setattr(receiving.sys, "platform", "linux")
    assert receiving.default_workers(500) == min(7, receiving.MAX_WORKERS)
    assert receiving.default_workers(receiving.POOL_FROM - 1) == 0
    monkeypatch.setattr(receiving.sys, "platform", "win32")
    assert receiving.default_workers(500) == 0


def test_each_evidence_file_is_hashed_at_most_once_in_a_receive(province, tmp_path, monkeypatch):
    """A file many agencies send (or one the Sở holds already) is checked once, not once per
    package: keeping it refreshes its date, which no longer makes the store hash it again."""
    from kehoach_desktop import evidence_store

    with consolidator(province, tmp_path / "first") as ws:
        receiving.receive(ws, [province["packages"]], workers=0)
        first_files = {row[0] for row in ws.db.execute("SELECT file_sha256 FROM agency_evidence")}
    hashed = []
    real = evidence_store.file_sha256
    monkeypatch.setattr(evidence_store, "file_sha256", lambda path: hashed.append(path.name) or real(path))
    with consolidator(province, tmp_path / "again") as ws:
        for file in (tmp_path / "first" / "evidence").rglob("*"):  # the Sở holds every file already
            if file.is_file():
                target = ws.evidence.root / file.relative_to(tmp_path / "first" / "evidence")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, target)
        result = receiving.receive(ws, [province["packages"]], workers=0)
    assert result.count(receiving.RECEIVED) == len(list(province["packages"].glob("*.khbc")))
    assert len(hashed) == len(set(hashed)) <= len(first_files)


def test_rows_written_in_batches_of_any_size_are_the_rows_written_one_package_at_a_time(province, tmp_path,
                                                                                        monkeypatch):
    """AgencyTaskWriter flushes every BATCH_ROWS rows (mid-package too) and before an agency's rows
    are read again; the collector is back on after a receive, a cancelled one included."""
    import gc

    from kehoach_desktop.db import consolidation_store as cstore

    stored, outcomes = [], []
    for batch in (10**9, 1, 7):  # all at the end; each row alone; a few rows
        monkeypatch.setattr(cstore.AgencyTaskWriter, "BATCH_ROWS", batch)
        with consolidator(province, tmp_path / f"snv{batch}") as ws:
            result = receiving.receive(ws, [province["packages"]], workers=0)
            again = receiving.receive(ws, [province["packages"]], workers=0)  # nothing new: all unchanged
            assert gc.isenabled()
            stored.append(_received(ws))
            outcomes.append((_outcomes(result), _outcomes(again)))
    assert stored[0] == stored[1] == stored[2] and outcomes[0] == outcomes[1] == outcomes[2]
    assert len(stored[0]["agency_task"]) > 100

    with consolidator(province, tmp_path / "cancelled") as ws:
        def progress(done, total, text):
            if done == 5:
                raise Cancelled()
        with pytest.raises(Cancelled):
            receiving.receive(ws, [province["packages"]], progress=progress, workers=0)
        assert gc.isenabled()
