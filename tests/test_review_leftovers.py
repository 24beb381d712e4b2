"""Issue 16 review: less repeated work with the same behaviour — save_score reads the plan once,
the progress report reads one plan's tasks and only the scores, one choose_plan, one decimal
parser, carry-over in one query, a progress save checked and cleaned once."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kehoach_desktop.assessment import service
from kehoach_desktop.errors import InvalidInputError, NotFoundError
from kehoach_desktop.limits import clean_text
from kehoach_desktop.model import Evidence, Progress, Status
from kehoach_desktop.report import service as report_service

from test_assessment import AREA_2, BAC_KAN, HA_GIANG, finish, ha_giang  # noqa: F401  (fixture)

FIXTURE_OK = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _item(ws, code):
    return service.find_criterion(service.load(ws, index_kind="PAR INDEX"), code)


@FIXTURE_OK
@given(code=st.sampled_from(sorted(AREA_2)), share=st.integers(0, 4), not_applicable=st.booleans(),
       link=st.booleans())
def test_save_score_returns_the_criterion_as_a_fresh_read_shows_it(ha_giang, tmp_path, code, share,
                                                                 not_applicable, link):
    ws = ha_giang
    item = _item(ws, code)
    finish(ws, item)
    links = [service.DocumentLink(location="mục 1", document=Evidence(task_id=0, number="5/QĐ"))] if link else []
    saved = service.save_score(ws, item.id, score=item.max_score * share / 4, explanation="Giải trình",
                               not_applicable=not_applicable, not_applicable_reason="Không có việc" * not_applicable,
                               links=links)
    assert saved == _item(ws, code)


@given(whole=st.integers(0, 3), digits=st.text("0123456789", min_size=1, max_size=4), point=st.sampled_from(".,"))
def test_a_score_reads_a_point_or_a_comma_as_the_decimal_mark(whole, digits, point):
    item = service.CriterionAssessment(
        id=1, code="2.1", title="", index_id=1, index_kind="PAR INDEX", index_name="", parent_id=None, area_id=1,
        is_leaf=True, max_score=4.0, prior_text="", prior=None, target_text="", target=None, evidence_required="",
        scorable=True, reason_not_scorable="", precision=4)
    text = f"{whole}{point}{digits}"
    expected = decimal.Decimal(f"{whole}.{digits}")
    if expected > 4:
        with pytest.raises(InvalidInputError, match="vượt điểm tối đa"):
            service.check_score(item, text)
    else:  # "0.125" is 0,125 (a score has no thousands), as "0,125" is
        assert service.check_score(item, text) == pytest.approx(float(expected))
    for bad in ("1e3", "inf", "1.2.3", "1,5,0", "một"):
        with pytest.raises(InvalidInputError, match="không phải là một số"):
            service.check_score(item, bad)


def test_the_assessment_chooses_and_cites_the_plan_as_the_reports_do(ha_giang, data_dir):
    ws = ha_giang
    plan = ws.plans()[-1]
    report_service.correct_plan(ws, plan["id"], number="147/KH-UBND", issuer="Ủy ban nhân dân tỉnh Hà Giang")
    assessment = service.load(ws, index_kind="PAR INDEX")
    assert assessment.plan == report_service.choose_plan(ws, None)
    assert assessment.plan["number"] == "147/KH-UBND"
    with pytest.raises(NotFoundError, match=f"Không có kế hoạch số {plan['id'] + 99}"):
        service.load(ws, plan_id=plan["id"] + 99)


def test_the_report_reads_one_plans_tasks_and_the_same_scores(ha_giang):
    ws = ha_giang
    ws.import_annex(BAC_KAN)  # a second plan
    first = next(plan for plan in ws.plans() if plan["number"].startswith("147"))  # Hà Giang
    for plan in ws.plans():
        assert ws.plan_tasks(plan["id"]) == [row for row in ws.tasks() if row.plan_id == plan["id"]]
    item = service.find_criterion(service.load(ws, index_kind="PAR INDEX", plan_id=first["id"]), "2.2.1")
    finish(ws, item)
    service.save_score(ws, item.id, score=0.25, explanation="Công bố chậm")
    full = {c.id: c.self_score for c in service.load(ws, plan_id=first["id"]).criteria if c.scorable}
    assert service.self_scores(ws, first["id"]) == full and full[item.id] == 0.25
    rows = service.criterion_scores_once(ws, report_service.report_tasks(ws.plan_tasks(first["id"]), first["id"]),
                                         first["id"])
    scored = [row for row in rows if row.extra.get("criterion_id") == item.id]
    assert [row.score for row in scored][:1] == [0.25] and all(row.score is None for row in scored[1:])


def test_a_report_without_saved_texts_reads_its_plans_tasks_once(ha_giang, monkeypatch):
    """The prefilled texts and the report's tables come from one read of the plan's tasks."""
    ws = ha_giang
    reads = []
    plan_tasks = ws.plan_tasks
    monkeypatch.setattr(ws, "plan_tasks", lambda plan_id: reads.append(plan_id) or plan_tasks(plan_id))
    period = report_service.ReportPeriod.of("h1", ws.plans()[0]["year"])
    content = report_service.build(ws, period, today=dt.date(ws.plans()[0]["year"], 6, 20))
    assert len(reads) == 1
    assert content.texts == report_service.load_texts(ws, period, today=dt.date(ws.plans()[0]["year"], 6, 20))


def test_carry_over_keeps_the_chosen_order_and_refuses_a_missing_task(ha_giang):
    from kehoach_desktop.plans import carry_over, unfinished_tasks

    ws = ha_giang
    ws.import_annex(BAC_KAN)
    source = next(plan for plan in ws.plans() if plan["number"].startswith("147"))
    target = next(plan for plan in ws.plans() if plan["id"] != source["id"])
    chosen = [row.id for row in unfinished_tasks(ws.tasks(), source["id"])[:4]][::-1]
    with pytest.raises(NotFoundError):
        carry_over(ws, chosen + [10**9], target["id"])
    assert carry_over(ws, chosen + chosen[:1], target["id"]) == 4  # a repeated id is copied once
    carried = [row for row in ws.plan_tasks(target["id"]) if row.index_name.startswith("Nhiệm vụ chuyển tiếp")]
    by_id = {row.id: row for row in ws.tasks()}
    assert [row.content for row in carried] == [by_id[task_id].content for task_id in chosen]


@FIXTURE_OK
@given(text=st.text(st.characters(codec="utf-8"), max_size=60), percent=st.integers(0, 99))
def test_a_save_stores_the_cleaned_texts_and_an_unchanged_save_writes_nothing(ha_giang, text, percent):
    ws = ha_giang
    task = ws.tasks()[0]
    saved = ws.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=percent, result=text,
                                      difficulties=text))
    assert saved.result == saved.difficulties == clean_text(text).strip()
    again = ws.save_progress(Progress(task_id=task.id, status=Status.IN_PROGRESS, percent=percent, result=text,
                                      difficulties=text, revision=saved.revision), base=saved)
    assert again.revision == saved.revision  # the same values, written differently: no change, no write


def test_a_save_over_the_stored_record_still_checks_the_whole_record(ha_giang):
    ws = ha_giang
    task = next(row for row in ws.tasks() if row.max_score)
    loaded = ws.progress(task.id)
    with pytest.raises(InvalidInputError, match="tương lai"):
        ws.save_progress(Progress(task_id=task.id, completed_on=dt.date.today() + dt.timedelta(days=5)), base=loaded)
    with pytest.raises(InvalidInputError, match="Kết quả dài"):
        ws.save_progress(Progress(task_id=task.id, result="x" * 200_000), base=loaded)
    assert ws.progress(task.id).revision == loaded.revision  # nothing written
