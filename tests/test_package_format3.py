"""Package format version 3 (issue 11): data.json holds the progress records as columns. Every
reader but a receiver holding the plan gets the records back as formats 1 and 2 wrote them; the
receiver takes the columns as they are. Format 2 packages (records) are still read, with the same
result; columns that are not exactly what the program writes are refused and change nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kehoach_desktop.consolidation import receive as receiving
from kehoach_desktop.errors import ImportRefusedError
from kehoach_desktop.exchange.content import PROGRESS_KEYS, collect, progress_records
from kehoach_desktop.exchange.manifest import FORMAT_PROGRESS
from kehoach_desktop.exchange.packages import read_package
from kehoach_desktop.workspace import Workspace

import _exchange_support
from _consolidation_support import consolidator, province  # noqa: F401 - the fixture
from _exchange_support import as_format_2, edit_progress, members, portable, rebuild_package
from _support import listing, snapshot

filled_template = _exchange_support.filled_template


@pytest.fixture(scope="module")
def built(tmp_path_factory, filled_template) -> Path:
    """A data folder with real data and evidence, its package as this program writes it and as format 2 did."""
    root = tmp_path_factory.mktemp("format3")
    shutil.copytree(filled_template[0], root / "template")
    with Workspace(root / "template") as ws:
        ws.export_package(root / "v3.khbc")
        written = collect(ws.db, ws.evidence, FORMAT_PROGRESS, ws.profile()).data["progress"]
    as_format_2(root / "v3.khbc", root / "v2.khbc")
    return {"root": root, "records": written}


def _data(path: Path) -> dict:
    return json.loads(members(path)["data.json"])


def test_the_progress_is_written_as_columns_and_read_back_as_the_records_collected(built):
    package = built["root"] / "v3.khbc"
    columns = _data(package)["progress"]
    assert list(columns) == list(PROGRESS_KEYS) and len(columns["task"]) == len(built["records"]) >= 2
    _, data, _ = read_package(package, package.name)
    assert data["progress"] == built["records"] == progress_records(columns)


def test_a_format_2_package_brings_what_the_format_3_one_brings(built, tmp_path):
    from conftest import COMMUNE

    found = []
    for version in ("v2", "v3"):
        with Workspace(tmp_path / version) as ws:
            ws.save_profile(COMMUNE)
            summary = ws.import_package(built["root"] / f"{version}.khbc")
            assert summary.changes["progress_added"] == len(built["records"])
            found.append(portable(ws.db))
    assert found[0] == found[1]


def _as_format_2_all(folder: Path, target: Path) -> Path:
    target.mkdir()
    for package in sorted(folder.glob("*.khbc")):
        as_format_2(package, target / package.name)
    return target


def _received_rows(ws) -> list[tuple]:
    return [tuple(row) for row in ws.db.execute(
        "SELECT a.name, t.content, at.role, at.status, at.percent, at.result, at.completed_on, at.score, "
        "at.difficulties, at.proposals, at.updated_at, at.revision FROM agency_task at "
        "JOIN roster_agency a ON a.id = at.agency_id JOIN task t ON t.id = at.task_id ORDER BY a.name, t.id")]


def test_a_consolidator_receives_format_2_packages_as_it_receives_format_3_ones(province, tmp_path):
    """The first package of the plan is read whole (records); the others find the plan known and
    take their columns as they are: both ways give the rows format 2's records give."""
    old = _as_format_2_all(province["packages"], tmp_path / "v2")
    rows = []
    for name, folder in (("v3", province["packages"]), ("v2", old)):
        with consolidator(province, tmp_path / f"snv-{name}") as ws:
            result = receiving.receive(ws, [folder], workers=0)
            assert result.count(receiving.RECEIVED) == len(list(folder.glob("*.khbc"))) >= 30
            rows.append(_received_rows(ws))
    assert rows[0] == rows[1] and len(rows[0]) > 100


def _progress_replaced(value):
    def change(name, raw):
        if name != "data.json":
            return raw
        return json.dumps({**json.loads(raw), "progress": value(json.loads(raw)["progress"])},
                          ensure_ascii=False).encode()
    return change


BAD_COLUMNS = {
    "thieu-cot": lambda columns: {key: value for key, value in columns.items() if key != "percent"},
    "them-cot": lambda columns: {**columns, "note": [""] * len(columns["task"])},
    "khong-phai-danh-sach": lambda columns: {**columns, "status": "hoàn thành"},
    "lech-do-dai": lambda columns: {**columns, "result": columns["result"][:-1]},
    "ban-ghi": progress_records,  # format 2's records in a format 3 package
    "rong": lambda columns: {},
}


@pytest.mark.parametrize("case", sorted(BAD_COLUMNS))
def test_columns_not_as_the_program_writes_them_are_refused_by_an_agency(built, tmp_path, case):
    from conftest import COMMUNE

    bad = rebuild_package(built["root"] / "v3.khbc", tmp_path / f"{case}.khbc",
                          change=_progress_replaced(BAD_COLUMNS[case]))
    with Workspace(tmp_path / "data") as ws:
        ws.save_profile(COMMUNE)
        before = (snapshot(ws.db), listing(ws.data_dir / "evidence"))
        with pytest.raises(ImportRefusedError, match=f"“{case}.khbc”.*tiến độ"):
            ws.import_package(bad)
        assert (snapshot(ws.db), listing(ws.data_dir / "evidence")) == before


def test_columns_in_a_format_2_package_are_refused(built, tmp_path):
    from conftest import COMMUNE

    bad = rebuild_package(built["root"] / "v3.khbc", tmp_path / "cot-v2.khbc",
                          manifest_change=lambda manifest: manifest.update(format_version=2))
    with Workspace(tmp_path / "data") as ws:
        ws.save_profile(COMMUNE)
        before = snapshot(ws.db)
        with pytest.raises(ImportRefusedError, match="“cot-v2.khbc”.*tiến độ"):
            ws.import_package(bad)
        assert snapshot(ws.db) == before


BAD_VALUES = {  # one value in one column, as a receiver holding the plan checks them
    "phan-tram.khbc": (lambda records: records[-1].update(percent="100"), "mục “percent”"),
    "trang-thai.khbc": (lambda records: records[0].update(status=["hoàn thành"]), "mục “status”"),
    "phien-ban.khbc": (lambda records: records[0].update(revision=-1), "mục “revision”"),
    "lap-nhiem-vu.khbc": (lambda records: records[1].update(task=records[0]["task"]), "tiến độ của nhiệm vụ không có"),
    "tuong-lai.khbc": (lambda records: records[0].update(updated_at="2999-01-01T00:00:00"), "ở tương lai"),
}


def test_a_bad_value_in_a_column_is_refused_by_a_receiver_holding_the_plan(province, tmp_path):
    first, source = sorted(province["packages"].glob("*.khbc"))[:2]
    usb = tmp_path / "usb"
    usb.mkdir()
    for name, (change, _) in BAD_VALUES.items():
        rebuild_package(source, usb / name, change=lambda member, raw, change=change: raw if member != "data.json"
                        else json.dumps(edit_progress(json.loads(raw), change), ensure_ascii=False).encode())
    with consolidator(province, tmp_path / "snv") as ws:
        assert receiving.receive(ws, [first]).count(receiving.RECEIVED) == 1  # the plan is known from now on
        before = snapshot(ws.db)
        result = receiving.receive(ws, [usb], workers=0)
        refused = {item.file: item.message for item in result.packages}
        assert snapshot(ws.db) == before
    for name, (_, reason) in BAD_VALUES.items():
        assert reason in refused[name], (name, refused[name])
