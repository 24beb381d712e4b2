"""The plan as its own package member, plan.json (format 2, issue 11): a receiver reads and checks
one plan section once, not once per agency; a tampered plan.json is refused; packages of format 1
(the plan inside data.json) are received and imported exactly as before."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_desktop.consolidation import receive as receiving
from kehoach_desktop.db import consolidation_store as cstore
from kehoach_desktop.exchange import manifest as manifest_module
from kehoach_desktop.exchange.safe_zip import SafeZip
from kehoach_desktop.workspace import Workspace

from _consolidation_support import consolidator, province  # noqa: F401 - the fixture
from _exchange_support import as_format_1, members, portable, rebuild_package


def _received(ws) -> dict:
    rows = {}
    for table, key in (("agency_task", "agency_id, task_id"), ("agency_evidence", "agency_id, task_id, number")):
        rows[table] = [tuple(row) for row in ws.db.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()]
    rows["roster"] = [tuple(row) for row in ws.db.execute("SELECT name, kind, code FROM roster_agency ORDER BY name")]
    return rows


def _outcomes(result) -> list:
    return [(item.file, item.status, item.message, item.agency, item.changes) for item in result.packages]


def _plan_digest(path) -> str:
    manifest = json.loads(members(path)["manifest.json"])
    return next(member["sha256"] for member in manifest["members"] if member["name"] == "plan.json")


def _plan_reads(monkeypatch) -> list:
    """The plan.json members read out of packages, as SafeZip reads them."""
    reads = []
    real = SafeZip.read_small

    def spy(self, name, limit):
        if name == "plan.json":
            reads.append(self.name)
        return real(self, name, limit)
    monkeypatch.setattr(SafeZip, "read_small", spy)
    return reads


def test_a_package_holds_its_plan_in_plan_json_declared_in_the_manifest(province):
    path = sorted(province["packages"].glob("*.khbc"))[0]
    parts = members(path)
    manifest = json.loads(parts["manifest.json"])
    declared = {member["name"]: member for member in manifest["members"]}
    assert manifest["format_version"] == manifest_module.FORMAT_VERSION >= 2
    assert declared["plan.json"]["sha256"] == hashlib.sha256(parts["plan.json"]).hexdigest()
    assert declared["plan.json"]["size"] == len(parts["plan.json"])
    plan, data = json.loads(parts["plan.json"]), json.loads(parts["data.json"])
    assert plan["plans"][0]["indices"][0]["tasks"] and "indices" not in data["plans"][0]
    assert data["progress"]  # the agency's own records stay in data.json


def test_agencies_that_imported_the_plan_apart_send_the_same_plan_json(province, tmp_path):
    import shutil

    from kehoach_desktop.db import store, transaction

    shutil.copytree(province["folders"]["UBND xã Hòa An"], tmp_path / "xa")
    with Workspace(tmp_path / "xa") as ws:
        first = ws.export_package(tmp_path / "truoc.khbc").path
        with transaction(ws.db):
            store.update_plan(ws.db, ws.plans()[0]["id"], {"imported_at": "2025-08-01T09:00:00",
                                                            "source_file": "phu-luc-tai-ve.xlsx"})
        second = ws.export_package(tmp_path / "sau.khbc").path
    assert members(first)["plan.json"] == members(second)["plan.json"]
    assert json.loads(members(second)["data.json"])["plans"][0]["source_file"] == "phu-luc-tai-ve.xlsx"


def test_a_plan_json_known_from_a_package_before_is_not_read_again(province, tmp_path, monkeypatch):
    packages = sorted(province["packages"].glob("*.khbc"))
    digests = {_plan_digest(path) for path in packages}
    assert len(digests) == 1 < len(packages)  # every agency's package of the plan carries the same plan.json
    reads = _plan_reads(monkeypatch)
    with consolidator(province, tmp_path / "snv") as ws:
        result = receiving.receive(ws, packages, workers=0)
        stored = _received(ws)
    assert result.count(receiving.RECEIVED) == len(packages)
    assert len(reads) == 1  # read and checked once, for the first package
    monkeypatch.undo()
    with consolidator(province, tmp_path / "each") as ws:  # each package alone: its plan.json read each time
        for path in packages:
            receiving.receive(ws, [path], workers=0)
        assert _received(ws) == stored


def test_a_plan_json_stored_by_an_earlier_receive_is_not_read_again(province, tmp_path, monkeypatch):
    first, *rest = sorted(province["packages"].glob("*.khbc"))
    with consolidator(province, tmp_path / "snv") as ws:
        receiving.receive(ws, [first], workers=0)
        digest = _plan_digest(first)
        assert [row[0] for row in ws.db.execute("SELECT sha256 FROM received_plan")] == [digest]
        assert ws.db.execute("SELECT plan_sha256 FROM received_package").fetchall() == [(digest,)]
        reads = _plan_reads(monkeypatch)
        later = receiving.receive(ws, rest, workers=0)
        assert reads == [] and later.count(receiving.RECEIVED) == len(rest)
        assert ws.db.execute("SELECT count(*) FROM received_plan").fetchone()[0] == 1
        stored = _received(ws)
    monkeypatch.undo()
    with consolidator(province, tmp_path / "all") as ws:
        receiving.receive(ws, [first, *rest], workers=0)
        assert _received(ws) == stored


def test_worker_processes_use_and_store_the_plans_as_this_process_does(province, tmp_path):
    first, *rest = sorted(province["packages"].glob("*.khbc"))
    with consolidator(province, tmp_path / "pool") as ws:
        receiving.receive(ws, [first], workers=2)  # learned in a worker, stored here
        assert [row[0] for row in ws.db.execute("SELECT sha256 FROM received_plan")] == [_plan_digest(first)]
        result = receiving.receive(ws, rest, workers=2)  # the stored plan sent to the workers
        assert result.count(receiving.RECEIVED) == len(rest)
        pooled = _received(ws)
    with consolidator(province, tmp_path / "alone") as ws:
        receiving.receive(ws, [first], workers=0)
        receiving.receive(ws, rest, workers=0)
        assert _received(ws) == pooled


def test_a_tampered_plan_json_is_refused_and_the_others_go_in(province, tmp_path):
    good, other = sorted(province["packages"].glob("*.khbc"))[:2]

    def tamper(name, data):  # same length: the size the manifest declares still holds
        return data.replace(b"UBND", b"UBNX", 1) if name == "plan.json" else data
    bad = rebuild_package(other, tmp_path / "sua-ke-hoach.khbc", change=tamper, keep_manifest_checksums=True)
    assert members(bad)["plan.json"] != members(other)["plan.json"]
    for files in ([bad], [good, bad]):  # unknown plan; and a plan whose digest was just matched (its CRC differs)
        with consolidator(province, tmp_path / f"snv{len(files)}") as ws:
            result = receiving.receive(ws, files, workers=0)
            refused = next(item for item in result.packages if item.file == bad.name)
            assert refused.status == receiving.REFUSED and "plan.json" in refused.message
            assert "SHA-256" in refused.message
            assert result.count(receiving.RECEIVED) == len(files) - 1
            assert ws.db.execute("SELECT count(*) FROM received_package").fetchone()[0] == len(files) - 1


def test_a_plan_json_that_does_not_go_with_its_data_is_refused(province, tmp_path):
    source = sorted(province["packages"].glob("*.khbc"))[0]

    def other_number(name, data):
        if name != "data.json":
            return data
        content = json.loads(data)
        content["plans"][0]["number"] = "999/KH-UBND"
        return json.dumps(content, ensure_ascii=False).encode()
    bad = rebuild_package(source, tmp_path / "lech.khbc", change=other_number)
    with consolidator(province, tmp_path / "snv") as ws:
        result = receiving.receive(ws, [source, bad], workers=0)
    refused = next(item for item in result.packages if item.file == "lech.khbc")
    assert refused.status == receiving.REFUSED and "không khớp" in refused.message


def test_format_1_packages_are_received_exactly_as_format_2_ones(province, tmp_path, monkeypatch):
    packages = sorted(province["packages"].glob("*.khbc"))
    old = tmp_path / "v1"
    for path in packages:
        as_format_1(path, old / path.name)
        with zipfile.ZipFile(old / path.name) as archive:
            assert "plan.json" not in archive.namelist()
    with consolidator(province, tmp_path / "new") as ws:
        new_result = receiving.receive(ws, packages, workers=0)
        new_rows = _received(ws)
    reads = _plan_reads(monkeypatch)
    with consolidator(province, tmp_path / "old") as ws:
        old_result = receiving.receive(ws, [old], workers=0)
        assert _received(ws) == new_rows
        assert reads == []  # nothing to read apart: the plan is inside data.json
        again = receiving.receive(ws, packages, workers=0)  # the same packages in format 2
        assert _received(ws) == new_rows
    assert _outcomes(old_result) == _outcomes(new_result)
    assert old_result.count(receiving.RECEIVED) == len(packages)
    assert {item.status for item in again.packages} == {receiving.UNCHANGED}  # the same packages (their ids)


def test_a_format_1_package_with_a_plan_json_member_is_refused(province, tmp_path):
    source = sorted(province["packages"].glob("*.khbc"))[0]
    bad = rebuild_package(source, tmp_path / "lai.khbc", manifest_change=lambda m: m.update(format_version=1))
    with consolidator(province, tmp_path / "snv") as ws:
        [outcome] = receiving.receive(ws, [bad], workers=0).packages
    assert outcome.status == receiving.REFUSED and "plan.json" in outcome.message


def test_an_agency_imports_its_own_package_of_either_format_alike(province, tmp_path):
    """kehoach import of a .khbc (its own data on a new PC) and of a .khnv, format 1 or 2."""
    folder = province["folders"]["UBND xã Hòa An"]
    with Workspace(folder) as ws:
        profile = ws.profile()
        khbc = ws.export_package(tmp_path / "rieng.khbc").path
        khnv = ws.export_package(tmp_path / "nhiem-vu.khnv").path
    found = {}
    for version, (progress, tasks) in {2: (khbc, khnv), 1: (as_format_1(khbc, tmp_path / "v1" / "rieng.khbc"),
                                                            as_format_1(khnv, tmp_path / "v1" / "nhiem-vu.khnv"))}.items():
        with Workspace(tmp_path / f"pc{version}") as ws:
            ws.save_profile(profile)
            assert ws.import_package(progress).applied
            found[version, "khbc"] = portable(ws.db)
        with Workspace(tmp_path / f"xa{version}") as ws:
            ws.save_profile(profile)
            assert ws.import_package(tasks).applied
            found[version, "khnv"] = portable(ws.db)
    for value in found.values():  # the time of the import on each PC
        value["plan"] = [{**row, "imported_at": None} for row in value["plan"]]
    assert found[1, "khbc"] == found[2, "khbc"] and found[1, "khnv"] == found[2, "khnv"]
    assert found[2, "khbc"]["progress"] and found[2, "khnv"]["task"]


# --- agency_task's CHECK constraints, verified once per package (issue 11, speed) ---

@settings(max_examples=150, deadline=None)
@given(role=st.sampled_from([None, "lead", "implementing", "cooperating", "Lead", "none", ""]),
       status=st.sampled_from([None, "chưa thực hiện", "đang thực hiện", "hoàn thành", "không thực hiện được",
                               "hoàn thành ", "hoan thanh", "xong"]),
       percent=st.one_of(st.integers(-5, 105), st.sampled_from([50.0, "50", None])))
def test_the_checks_made_once_per_package_agree_with_sqlites_own(role, status, percent):
    from kehoach_desktop.db import migrations

    conn = sqlite3.connect(":memory:")
    conn.executescript("CREATE TABLE roster_agency (id INTEGER PRIMARY KEY); CREATE TABLE task (id INTEGER PRIMARY KEY);"
                       "CREATE TABLE received_package (id INTEGER PRIMARY KEY);")
    script = migrations._V_CONSOLIDATION
    start = script.index("CREATE TABLE agency_task")
    conn.executescript(script[start:script.index(";", start) + 1])
    row = (1, 1, role, status, percent, "", None, None, "", "", None, 0, "2025-01-01T00:00:00+00:00", None)
    try:
        conn.execute(cstore._INSERT_AGENCY_TASK, row)
        accepted = True
    except sqlite3.IntegrityError:
        accepted = False
    passes = cstore._pass_task_checks([row])
    if passes:
        assert accepted  # what goes in without SQLite's checks, SQLite would have let in
    if role in (None, "lead", "implementing", "cooperating") and status in cstore._TASK_STATUSES \
            and type(percent) is int and 0 <= percent <= 100:
        assert passes  # what the program writes takes the quick way (anything else: SQLite checks it)


def test_sqlites_checks_are_back_on_after_a_receive(province, tmp_path):
    with consolidator(province, tmp_path / "snv") as ws:
        receiving.receive(ws, sorted(province["packages"].glob("*.khbc"))[:3], workers=0)
        assert ws.db.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0


# --- the roster looked up from its index while receiving (issue 11, speed) ---

@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["UBND xã Hòa An", "UBND xã Hoà An", "UBND xã Hòa Ân", "Sở Y tế",
                                                "Sở Y Tế", "UBND xã Nước Hai"]),
                               st.sampled_from(["", "", "X01", "X02", "H-7"])), max_size=8),
       name=st.sampled_from(["UBND xã Hòa An", "UBND xã Hoa An", "Sở Y tế", "UBND xã Nước Hai", "Sở Tư pháp"]),
       code=st.sampled_from(["", "X01", "H-7", "Z9"]))
def test_a_lookup_through_the_roster_index_finds_what_the_queries_find(tmp_path_factory, rows, name, code):
    from kehoach_desktop.consolidation import roster
    from kehoach_desktop.db import transaction

    with Workspace(tmp_path_factory.mktemp("ro")) as ws:
        with transaction(ws.db):
            for number, (agency, agency_code) in enumerate(rows):
                try:
                    with transaction(ws.db):
                        cstore.insert_agency(ws.db, {"name": agency, "kind": "xa", "code": agency_code, "contact": "",
                                                     "source": "tay", "added_at": f"2025-01-{number + 1:02d}"})
                except sqlite3.IntegrityError:  # a code or a code-less name twice: the roster refuses it
                    pass
            index = roster.RosterIndex(ws.db)
            with_index, without = roster.lookup(ws.db, name, code, index), roster.lookup(ws.db, name, code)
    assert with_index.agency == without.agency and with_index.similar == without.similar


def test_a_failed_fsync_is_not_lost_when_a_later_package_of_the_receive_is_refused():
    """The receive's one syncer: a refused package waits quietly for the files in flight; an
    earlier file's failed fsync is raised all the same before the files are stored."""
    from kehoach_desktop.exchange.packages import _Syncer

    class Failing:
        def fileno(self):
            raise OSError(5, "Lỗi đọc ghi")

        def close(self):
            pass
    syncer = _Syncer()
    syncer.submit(Failing())
    syncer.wait(quietly=True)  # a later package refused
    try:
        syncer.wait()
    except OSError as error:
        assert error.errno == 5
    else:
        raise AssertionError("the failed fsync was lost")


def test_the_order_by_creation_is_read_from_the_first_bytes_as_the_zip_reader_reads_it(province, tmp_path):
    import os

    import pytest

    source = sorted(province["packages"].glob("*.khbc"))[0]
    assert receiving._peek_manifest(source) == json.loads(members(source)["manifest.json"])
    noise = os.urandom(15_000).hex()  # a manifest that does not fit the first bytes read
    long = rebuild_package(source, tmp_path / "dai.khbc", manifest_change=lambda m: m.update(ghi_chu=noise))
    assert receiving._peek_manifest(long)["ghi_chu"] == noise
    (tmp_path / "rong.khbc").write_bytes(b"")
    for bad in (tmp_path / "rong.khbc", _data_first(source, tmp_path / "sau.khbc")):  # only a hint: then last
        with pytest.raises(Exception):
            receiving._peek_manifest(bad)


def _data_first(source, target):
    from _exchange_support import write_zip

    parts = members(source)
    manifest = parts.pop("manifest.json")
    return write_zip(target, [*parts.items(), ("manifest.json", manifest)])
