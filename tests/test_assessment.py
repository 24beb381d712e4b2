"""Self-assessment per criterion (issue 12) on the Hà Giang and Bắc Kạn annexes: scores saved
and summed per area and for the index, refusals (above the maximum, survey criteria, PAPI, a
commune, no explanation below the maximum), linked documents, and the migration of per-task scores."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kehoach_desktop.assessment import service
from kehoach_desktop.db import migrations, open_database
from kehoach_desktop.errors import InvalidInputError, KehoachError
from kehoach_desktop.model import AgencyKind, AgencyProfile, Evidence, Progress, Status
from kehoach_desktop.paths import DB_FILE_NAME
from kehoach_desktop.workspace import Workspace

from _support import run_cli, snapshot

DATA = Path(__file__).parent / "data"
HA_GIANG = DATA / "ha-giang-147-KH-UBND-phu-luc.docx"
BAC_KAN = DATA / "bac-kan-365-KH-UBND-phu-luc.xlsx"
JUSTICE = AgencyProfile("Sở Tư pháp", AgencyKind.SO, governing_body="UBND tỉnh Hà Giang")
# Area 2 "CẢI CÁCH THỂ CHẾ" of Hà Giang: Sở Tư pháp leads every task; the sub-criteria's maxima.
AREA_2 = {"2.1.1": 2.0, "2.1.2": 1.0, "2.2.1": 0.5, "2.2.2": 1.0, "2.3": 1.5}


def _open(data_dir, annex, profile=JUSTICE) -> Workspace:
    ws = Workspace(data_dir)
    ws.save_profile(profile)
    ws.import_annex(annex)
    return ws


@pytest.fixture
def ha_giang(data_dir):
    ws = _open(data_dir, HA_GIANG)
    yield ws
    ws.close()


def finish(ws, item) -> None:
    """The criterion's tasks recorded as done (a full score on work not begun needs an explanation)."""
    for task_id in item.task_ids:
        ws.save_progress(Progress(task_id=task_id, status=Status.DONE, percent=100, result="Đã hoàn thành"))


def _criterion(ws, code, kind="PAR INDEX"):
    return service.find_criterion(service.load(ws, index_kind=kind), code)


def _area(assessment, code):
    return next(area for area in assessment.areas if area.code == code)


def test_lead_department_scores_its_area_and_the_totals_add_up(ha_giang):
    ws = ha_giang
    before = service.load(ws, index_kind="PAR INDEX")
    assert [c.code for c in before.criteria if c.may_score] == list(AREA_2)
    assert (before.total.max, before.total.self) == (pytest.approx(68.0), None)  # "Tổng số: 68.0" in the annex
    assert before.total.prior == pytest.approx(60.59)  # sum of the areas' printed results
    given_scores = {"2.1.1": "2", "2.1.2": "0,75", "2.2.1": "0,5", "2.2.2": "1", "2.3": "1,25"}
    for code, score in given_scores.items():
        item = _criterion(ws, code)
        finish(ws, item)
        explanation = "" if float(score.replace(",", ".")) == AREA_2[code] else f"Còn thiếu văn bản của tiêu chí {code}"
        service.save_score(ws, item.id, score=score, explanation=explanation)

    after = service.load(ws, index_kind="PAR INDEX")
    area = _area(after, "2")
    assert area.max == pytest.approx(6.0) and area.prior == pytest.approx(6.0) and area.target == pytest.approx(6.0)
    assert area.self == pytest.approx(5.5)
    assert area.below_max == ["2.1.2", "2.3"] and area.points_at_risk == pytest.approx(0.5)
    assert after.total.self == pytest.approx(5.5)
    assert after.criterion(_criterion(ws, "2.3").id).explanation == "Còn thiếu văn bản của tiêu chí 2.3"
    # Last year's losses are points at risk too (Hà Giang lost points on 1.1 and 3.2.1).
    assert "1.1" in _area(after, "1").lost_last_year and "3.2.1" in _area(after, "3").lost_last_year


@pytest.mark.parametrize("code, kind, score, words", [
    ("2.3", "PAR INDEX", "1,75", "vượt điểm tối đa 1,5"),
    ("2.3", "PAR INDEX", "-0,25", "không được âm"),
    ("2.3", "PAR INDEX", "nan", "không phải là một số"),
    ("2.3", "PAR INDEX", "1,123456", "chữ số thập phân"),
    ("2.3", "PAR INDEX", "1", "cần có giải trình"),  # below the maximum, no explanation
    ("8.1", "PAR INDEX", "1", "điều tra xã hội học"),  # "Điều tra XHH", no maximum
    ("2.1", "PAR INDEX", "3", "tiêu chí thành phần"),  # the sum of its sub-criteria
    ("1.1", "PAR INDEX", "1,5", "không chủ trì"),  # Sở Nội vụ's criterion
])
def test_refusals_write_nothing(ha_giang, code, kind, score, words):
    ws = ha_giang
    item = _criterion(ws, code, kind)
    before = snapshot(ws.db)
    with pytest.raises(KehoachError) as refused:
        service.save_score(ws, item.id, score=score)
    assert words in str(refused.value)
    assert snapshot(ws.db) == before


@given(value=st.floats(allow_nan=True, allow_infinity=True))
@settings(max_examples=60, deadline=None)
def test_any_number_is_accepted_only_within_zero_and_the_maximum(value):
    item = service.CriterionAssessment(
        id=1, code="2.3", title="", index_id=1, index_kind="PAR INDEX", index_name="", parent_id=None, area_id=1,
        is_leaf=True, max_score=1.5, prior_text="", prior=None, target_text="", target=None, evidence_required="",
        scorable=True, reason_not_scorable="", precision=4)
    try:
        accepted = service.check_score(item, value)
    except InvalidInputError as refused:
        assert str(refused).startswith("Điểm tự chấm của tiêu chí 2.3")
        assert not (math.isfinite(value) and 0 <= value <= 1.5 and round(value, 4) == value)
    else:
        assert 0 <= accepted <= 1.5 and accepted == round(value, 4)


def test_evidence_linked_with_its_location_and_a_missing_file_needs_an_explanation(ha_giang, tmp_path):
    ws = ha_giang
    item = _criterion(ws, "2.2.1")
    finish(ws, item)
    task_id = item.task_ids[0]
    pdf = tmp_path / "Quyết định công bố.pdf"
    pdf.write_bytes(b"%PDF-1.4 quyet dinh cong bo danh muc")
    recorded = ws.add_evidence(task_id, Evidence(task_id=task_id, number="12/QĐ-UBND", abstract="Công bố danh mục"), pdf)
    extra = tmp_path / "Báo cáo rà soát.pdf"
    extra.write_bytes(b"%PDF-1.4 bao cao ra soat")
    saved = service.save_score(ws, item.id, score="0,5", links=[
        service.DocumentLink(location="Điều 1, trang 1", evidence_id=recorded.id),
        service.DocumentLink(location="mục 2, trang 3", document=Evidence(task_id=0, number="30/BC-STP",
                             issuer="Sở Tư pháp", abstract="Báo cáo kết quả rà soát"), file=extra),
    ])
    assert [(d.number, d.location, d.missing) for d in saved.evidence] == [
        ("12/QĐ-UBND", "Điều 1, trang 1", False), ("30/BC-STP", "mục 2, trang 3", False)]
    assert "Thẩm quyền" in saved.evidence_required or saved.evidence_required  # the annex's requirement is shown
    # The file directly attached is kept by evidence cleanup (the data refer to it).
    from kehoach_desktop.db import maintenance
    assert saved.evidence[1].file_sha256 in maintenance.evidence_hashes(ws.db.conn)

    ws.evidence.path_for(recorded.file_sha256).unlink()  # the stored copy is lost
    missing = next(c for c in service.load(ws).criteria if c.id == item.id)
    assert missing.missing_documents == 1
    before = snapshot(ws.db)
    with pytest.raises(InvalidInputError, match="bị thiếu tệp"):
        service.save_score(ws, item.id, score="0,5", explanation="")
    assert snapshot(ws.db) == before
    service.save_score(ws, item.id, score="0,5", explanation="Bản chính lưu tại Văn phòng Sở")
    with pytest.raises(InvalidInputError, match="vị trí"):
        service.save_score(ws, item.id, score="0,5", links=[service.DocumentLink(location=" ", evidence_id=recorded.id)])


def test_a_full_score_on_a_task_not_started_needs_an_explanation(ha_giang):
    ws = ha_giang
    item = _criterion(ws, "2.2.2")
    before = snapshot(ws.db)
    with pytest.raises(InvalidInputError, match="chưa thực hiện"):
        service.save_score(ws, item.id, score="1")
    assert snapshot(ws.db) == before
    assert service.save_score(ws, item.id, score="1", explanation="Đã ban hành, chưa cập nhật tiến độ").self_score == 1
    finish(ws, item)
    assert service.save_score(ws, item.id, score="1", explanation="").explanation == ""


def test_not_applicable_needs_a_reason_and_leaves_the_sum(ha_giang):
    ws = ha_giang
    item = _criterion(ws, "2.3")
    with pytest.raises(InvalidInputError, match="lý do"):
        service.save_score(ws, item.id, score=None, not_applicable=True)
    service.save_score(ws, item.id, score=None, not_applicable=True,
                       not_applicable_reason="Năm 2024 không có văn bản bị kiến nghị xử lý")
    assessment = service.load(ws)
    assert assessment.criterion(item.id).not_applicable and _area(assessment, "2").self is None


def test_not_applicable_leaves_its_maximum_out_of_the_totals_and_says_so(ha_giang):
    from kehoach_desktop.assessment import sheet

    ws = ha_giang
    before = service.load(ws, index_kind="PAR INDEX")
    item = _criterion(ws, "2.3")  # maximum 1,5
    service.save_score(ws, item.id, score=None, not_applicable=True,
                       not_applicable_reason="Năm 2024 không có văn bản bị kiến nghị xử lý")
    other = _criterion(ws, "2.2.1")
    finish(ws, other)
    service.save_score(ws, other.id, score="0,5")
    after = service.load(ws, index_kind="PAR INDEX")
    area = _area(after, "2")
    assert area.max == pytest.approx(_area(before, "2").max - 1.5) and area.not_applicable_max == pytest.approx(1.5)
    assert after.total.max == pytest.approx(before.total.max - 1.5) and after.total.self == pytest.approx(0.5)
    assert after.to_json()["total"]["not_applicable_max"] == 1.5
    assert "2.3" not in area.below_max and area.points_at_risk == 0
    rows = sheet.build_sheet(ws).rows
    area_total = next(row for row in rows if row.kind == "area_total" and "lĩnh vực 2" in row.title)
    assert area_total.max_score == "4,5" and "không tính 1,5 điểm tối đa" in area_total.title
    assert "không tính 1,5 điểm" in rows[-1].title and rows[-1].max_score == "4,5"  # the areas it leads


def test_bac_kan_survey_papi_and_sipas_are_refused(data_dir):
    with _open(data_dir, BAC_KAN) as ws:
        assessment = service.load(ws)
        survey = next(c for c in assessment.criteria if c.code == "2.4.2")
        assert not survey.scorable and "Điều tra XHH" in survey.reason_not_scorable
        papi = next(c for c in assessment.criteria if c.index_kind == "PAPI" and c.code == "1.1")
        sipas = next(c for c in assessment.criteria if c.index_kind == "SIPAS" and c.code == "1.1")
        assert "UNDP" in papi.reason_not_scorable and "SIPAS" in sipas.reason_not_scorable
        before = snapshot(ws.db)
        for item in (survey, papi, sipas):
            with pytest.raises(InvalidInputError) as refused:
                service.save_score(ws, item.id, score="0,5", explanation="x")
            assert str(refused.value) == item.reason_not_scorable
        assert snapshot(ws.db) == before
        # A scorable criterion of Phụ lục 1, printed with four decimals elsewhere in the annex.
        item = next(c for c in assessment.criteria if c.code == "2.1" and c.may_score)
        saved = service.save_score(ws, item.id, score="2,7500", explanation="Chưa ban hành đủ văn bản xử lý")
        assert saved.self_score == 2.75
        assert service.load(ws, index_kind="PAR INDEX").total.self == pytest.approx(2.75)


def test_a_commune_does_not_score_the_province_index(data_dir):
    with _open(data_dir, HA_GIANG, AgencyProfile("UBND xã Tân Lập", AgencyKind.XA)) as ws:
        assessment = service.load(ws, index_kind="PAR INDEX")
        assert not any(c.may_score for c in assessment.criteria)
        item = service.find_criterion(assessment, "3.4.3")  # the commune-level dossiers criterion
        before = snapshot(ws.db)
        with pytest.raises(InvalidInputError, match="cấp xã không tự chấm điểm"):
            service.save_score(ws, item.id, score="1")
        assert snapshot(ws.db) == before


def test_a_plan_consolidator_scores_every_scorable_criterion(data_dir):
    """The role is the consolidation service's (`kehoach profile --consolidates plan`)."""
    from kehoach_desktop.consolidation import roster

    home_affairs = AgencyProfile("Sở Nội vụ", AgencyKind.SO, governing_body="UBND tỉnh Hà Giang")
    with _open(data_dir, HA_GIANG, home_affairs) as ws:
        led = {c.code for c in service.load(ws, index_kind="PAR INDEX").criteria if c.may_score}
        roster.set_consolidates(ws, "plan")
        assessment = service.load(ws, index_kind="PAR INDEX")
        scorable = [c for c in assessment.criteria if c.scorable]
        assert len(scorable) > len(led) and all(c.may_score for c in scorable)
        assert not any(c.may_score for c in assessment.criteria if not c.scorable)
        item = _criterion(ws, "2.3")  # Sở Tư pháp's criterion: the consolidator scores it too
        finish(ws, item)
        assert service.save_score(ws, item.id, score="1,5").self_score == 1.5


def test_a_led_tasks_consolidator_scores_only_what_it_leads(data_dir):
    from kehoach_desktop.consolidation import roster

    with _open(data_dir, HA_GIANG) as ws:
        roster.set_consolidates(ws, "led-tasks")
        assessment = service.load(ws, index_kind="PAR INDEX")
        assert [c.code for c in assessment.criteria if c.may_score] == list(AREA_2)
        item = _criterion(ws, "1.1")  # Sở Nội vụ's criterion
        before = snapshot(ws.db)
        with pytest.raises(InvalidInputError, match="không chủ trì"):
            service.save_score(ws, item.id, score="1,5", explanation="x")
        assert snapshot(ws.db) == before


@pytest.mark.parametrize("role", ["led-tasks", "plan"])
def test_a_commune_never_scores_whatever_its_consolidating_role(data_dir, role):
    from kehoach_desktop.consolidation import roster

    with _open(data_dir, HA_GIANG, AgencyProfile("UBND xã Tân Lập", AgencyKind.XA)) as ws:
        roster.set_consolidates(ws, role)
        assessment = service.load(ws, index_kind="PAR INDEX")
        assert not any(c.may_score for c in assessment.criteria)
        item = service.find_criterion(assessment, "3.4.3")
        before = snapshot(ws.db)
        with pytest.raises(InvalidInputError, match="cấp xã không tự chấm điểm"):
            service.save_score(ws, item.id, score="1", explanation="x")
        assert snapshot(ws.db) == before


# --- command line ------------------------------------------------------------------------------------


@pytest.fixture
def cli_ha_giang(tmp_path, capsys):
    data = tmp_path / "data"
    run_cli(capsys, "--data-dir", data, "profile", "--name", "Sở Tư pháp", "--kind", "so")
    code, _, err = run_cli(capsys, "--data-dir", data, "import", HA_GIANG, "--json")
    assert code == 0, err
    return data


def test_cli_scores_json_shape_and_a_score_with_evidence(cli_ha_giang, capsys, tmp_path):
    data = cli_ha_giang
    with Workspace(data) as ws:
        task_id = _criterion(ws, "2.1.1").task_ids[0]
        evidence = ws.add_evidence(task_id, Evidence(task_id=task_id, number="05/KH-STP", abstract="Kế hoạch TDTHPL"))
    code, out, err = run_cli(capsys, "--data-dir", data, "score", "2.1.1", "--score", "1,5", "--explanation",
                             "Chưa kiểm tra đủ 03 lĩnh vực", "--evidence", evidence.id, "--location", "mục II, trang 2")
    assert code == 0, err
    code, out, _ = run_cli(capsys, "--data-dir", data, "scores", "--index", "PAR INDEX", "--json")
    shown = json.loads(out)
    assert set(shown) >= {"criteria", "areas", "total"}
    item = next(c for c in shown["criteria"] if c["code"] == "2.1.1")
    assert {"code", "title", "index", "max_score", "self_score", "scorable", "reason_not_scorable", "evidence",
            "explanation"} <= set(item)
    assert (item["self_score"], item["max_score"], item["explanation"]) == (1.5, 2.0, "Chưa kiểm tra đủ 03 lĩnh vực")
    assert [(e["number"], e["location"]) for e in item["evidence"]] == [("05/KH-STP", "mục II, trang 2")]
    area = next(a for a in shown["areas"] if a["code"] == "2")
    assert {"code", "title", "max", "self", "prior", "target"} <= set(area) and area["self"] == 1.5
    assert shown["total"]["max"] == 68.0 and shown["total"]["self"] == 1.5
    survey = next(c for c in shown["criteria"] if c["code"] == "8.1")
    assert survey["scorable"] is False and "điều tra" in survey["reason_not_scorable"]


def test_cli_a_plan_consolidator_scores_a_criterion_it_does_not_lead(cli_ha_giang, capsys):
    data = cli_ha_giang
    code, _, err = run_cli(capsys, "--data-dir", data, "score", "1.1", "--score", "1", "--explanation", "x")
    assert code == 2 and "không chủ trì" in err
    code, _, err = run_cli(capsys, "--data-dir", data, "profile", "--consolidates", "plan")
    assert code == 0, err
    code, _, err = run_cli(capsys, "--data-dir", data, "score", "1.1", "--score", "1", "--explanation",
                           "Chưa ban hành kế hoạch kiểm tra")
    assert code == 0, err
    code, out, _ = run_cli(capsys, "--data-dir", data, "scores", "--json")
    assert next(c for c in json.loads(out)["criteria"] if c["code"] == "1.1")["self_score"] == 1.0


@pytest.mark.parametrize("args, words", [
    (["2.3", "--score", "2"], "vượt điểm tối đa"),
    (["2.3", "--score", "inf"], "không phải là một số"),
    (["8.1", "--score", "1"], "Điều tra XHH"),
    (["1.1", "--index", "PAPI", "--score", "1"], "Không có tiêu chí"),
    (["9.9", "--score", "1"], "Không có tiêu chí mã “9.9”"),
    (["2.3", "--score", "1"], "giải trình"),
    (["2.3", "--score", "1,5", "--evidence", "999", "--location", "trang 1"], "Không có tài liệu kiểm chứng số 999"),
    (["2.3", "--score", "1,5", "--evidence", "1"], "--location"),
])
def test_cli_refusals_exit_2_and_write_nothing(cli_ha_giang, capsys, args, words):
    data = cli_ha_giang
    before = (data / DB_FILE_NAME).read_bytes()
    with Workspace(data) as ws:
        rows = snapshot(ws.db)
    code, out, err = run_cli(capsys, "--data-dir", data, "score", *args)
    assert code == 2 and out == "" and err.startswith("Lỗi") and words in err
    with Workspace(data) as ws:
        assert snapshot(ws.db) == rows
    assert before  # the file was there before


# --- migration of per-task scores ---------------------------------------------------------------------

MINE = migrations.MIGRATIONS.index(migrations._V_CRITERION_SCORES) + 1


def test_per_task_scores_move_to_their_criterion_the_lowest_with_a_note(data_dir):
    data_dir.mkdir(parents=True)
    db = open_database(data_dir / DB_FILE_NAME)
    migrations.migrate(db, target=MINE - 1)
    rows = [
        "INSERT INTO plan VALUES (1, '147/KH-UBND', '2024-05-31', 'UBND tỉnh Hà Giang', 2024, '', 'x.docx', '2024-06-01T08:00:00')",
        "INSERT INTO plan_index VALUES (1, 1, 'PAR INDEX', 'PHỤ LỤC', 0)",
        "INSERT INTO plan_index VALUES (2, 1, 'PAPI', 'PAPI', 1)",
        "INSERT INTO criterion VALUES (1, 1, NULL, '2', 'CẢI CHÁCH THỂ CHẾ', 6.0, '6.0', '6.0', 0)",
        "INSERT INTO criterion VALUES (2, 1, 1, '2.3', 'Xử lý văn bản trái pháp luật', 1.5, '1.5', '1.5', 1)",
        "INSERT INTO criterion VALUES (3, 1, 1, '2.2.1', 'Công bố danh mục', 0.5, '0.5', '0.5', 2)",
        "INSERT INTO criterion VALUES (4, 2, NULL, '1.1', 'Tri thức công dân', 2.5, '1,06', '1,56', 0)",
    ]
    tasks = [(1, 2, 1.5), (2, 2, 1.0), (3, 3, 0.5), (4, 4, 2.0), (5, 3, None)]
    for task_id, criterion_id, _ in tasks:
        index_id = 2 if criterion_id == 4 else 1
        rows.append(f"INSERT INTO task (id, plan_id, index_id, criterion_id, position, content, lead) "
                    f"VALUES ({task_id}, 1, {index_id}, {criterion_id}, {task_id}, 'Nhiệm vụ {task_id}', 'Sở Tư pháp')")
    for task_id, _, score in tasks:
        rows.append(f"INSERT INTO progress (task_id, status, percent, score, updated_at) VALUES "
                    f"({task_id}, 'hoàn thành', 100, {'NULL' if score is None else score}, '2024-10-0{task_id}T08:00:00')")
    for statement in rows:
        db.execute(statement)
    db.close()

    with Workspace(data_dir) as ws:
        scores = {row["criterion_id"]: row for row in ws.db.query("SELECT * FROM criterion_score")}
        assert set(scores) == {2, 3}  # PAR INDEX criteria only; PAPI is never self-scored
        assert scores[2]["score"] == 1.0 and "giữ điểm thấp nhất" in scores[2]["note"]
        assert "nhiệm vụ 1: 1,5" in scores[2]["note"] and "nhiệm vụ 2: 1,0" in scores[2]["note"]
        assert scores[3]["score"] == 0.5 and "giữ điểm thấp nhất" not in scores[3]["note"]
        per_task = {row["task_id"]: row["score"] for row in ws.db.query("SELECT task_id, score FROM progress")}
        assert per_task == {1: None, 2: None, 3: None, 4: 2.0, 5: None}
        ws.save_profile(JUSTICE)
        shown = service.load(ws, index_kind="PAR INDEX")
        assert _area(shown, "2").self == pytest.approx(1.5) and shown.criterion(2).note == scores[2]["note"]
