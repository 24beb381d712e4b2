"""Each lead department's proposed criterion scores reach the consolidator (issue 12 with issue
11): receiving a progress package stores its `criterion_scores` per (agency, criterion), never in
the consolidator's own scores, and `kehoach scores --json` lists them as `proposals` beside the
province's score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach_desktop.assessment import service
from kehoach_desktop.consolidation import receive as receiving
from kehoach_desktop.consolidation import roster
from kehoach_desktop.model import AgencyKind, AgencyProfile, Progress, Status
from kehoach_desktop.workspace import Workspace

from _support import run_cli

HA_GIANG = Path(__file__).parent / "data" / "ha-giang-147-KH-UBND-phu-luc.docx"
PROVINCE = "UBND tỉnh Hà Giang"


def _agency(folder: Path, name: str) -> Workspace:
    ws = Workspace(folder)
    ws.save_profile(AgencyProfile(name, AgencyKind.SO, governing_body=PROVINCE))
    ws.import_annex(HA_GIANG)
    return ws


def _score(ws, code: str, score: str, explanation: str = "") -> int:
    item = service.find_criterion(service.load(ws, index_kind="PAR INDEX"), code)
    for task_id in item.task_ids:
        ws.save_progress(Progress(task_id=task_id, status=Status.DONE, percent=100, result="Đã hoàn thành"))
    service.save_score(ws, item.id, score=score, explanation=explanation)
    return item.id


@pytest.fixture
def snv(tmp_path):
    """Sở Nội vụ (consolidates the plan) with its own score of 2.3 and Sở Tư pháp's package received."""
    usb = tmp_path / "usb"
    usb.mkdir()
    with _agency(tmp_path / "stp", "Sở Tư pháp") as justice:
        _score(justice, "2.3", "1,25", "Còn 01 văn bản chưa xử lý")
        _score(justice, "2.2.1", "0,5")
        justice.export_package(usb / "stp.khbc", period={"code": "year", "year": 2024})
    snv = tmp_path / "snv"
    with _agency(snv, "Sở Nội vụ") as ws:
        roster.set_consolidates(ws, "plan")
        own = _score(ws, "2.3", "1,5")  # the province's own (approved) score
        result = receiving.receive(ws, [usb])
        assert result.packages[0].changes["scores_received"] == 2
        assert "2 điểm tự chấm đề xuất" in result.packages[0].describe()
        assert service.load(ws).criterion(own).self_score == 1.5  # the proposal never overwrites it
        again = receiving.receive(ws, [usb])
        assert again.packages[0].status == receiving.UNCHANGED
    return snv


def test_received_proposals_are_listed_beside_the_provinces_score(snv, capsys):
    code, out, err = run_cli(capsys, "--data-dir", snv, "scores", "--index", "PAR INDEX", "--json")
    assert code == 0, err
    criteria = {c["code"]: c for c in json.loads(out)["criteria"]}
    assert criteria["2.3"]["self_score"] == 1.5
    assert [(p["agency"], p["score"], p["explanation"]) for p in criteria["2.3"]["proposals"]] == [
        ("Sở Tư pháp", 1.25, "Còn 01 văn bản chưa xử lý")]
    assert [(p["agency"], p["score"]) for p in criteria["2.2.1"]["proposals"]] == [("Sở Tư pháp", 0.5)]
    assert criteria["1.1"]["proposals"] == []


def test_an_agency_that_consolidates_nothing_has_no_proposals_in_its_json(tmp_path, capsys):
    with _agency(tmp_path / "stp", "Sở Tư pháp"):
        pass
    code, out, err = run_cli(capsys, "--data-dir", tmp_path / "stp", "scores", "--json")
    assert code == 0, err
    assert all("proposals" not in c for c in json.loads(out)["criteria"])


def test_the_view_shows_each_proposal_beside_the_provinces_score(snv, qtbot):
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kehoach_desktop.ui.app import make_application
    from kehoach_desktop.ui.assessment_view import COL_PROPOSALS, COL_SELF, PROPOSALS_HEADER, AssessmentView

    from test_assessment_gui import _row

    make_application()
    with Workspace(snv) as ws:
        view = AssessmentView(ws, runner=None)
        qtbot.addWidget(view)
        assert view.tree.headerItem().text(COL_PROPOSALS) == PROPOSALS_HEADER
        row = _row(view, "2.3")
        assert (row.text(COL_SELF), row.text(COL_PROPOSALS)) == ("1,5", "Sở Tư pháp: 1,25")
        assert _row(view, "1.1").text(COL_PROPOSALS) == ""
        if os.environ.get("KEHOACH_SHOTS"):
            view.resize(1366, 728)
            view.show()
            qtbot.wait(50)
            view.grab().save(os.environ["KEHOACH_SHOTS"])
        view.close()
