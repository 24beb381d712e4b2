"""The consolidated report's figures and annex III (overdue tasks by agency) with real overdue
rows (issue 11): the counts agree with each other and with what the agencies reported."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kehoach_desktop.consolidation import overview as views
from kehoach_desktop.consolidation import receive as receiving
from kehoach_desktop.consolidation.report import build_consolidated
from kehoach_desktop.report.periods import ReportPeriod

from _consolidation_support import UNREPORTED, consolidator, province  # noqa: F401 - the fixture

YEAR = ReportPeriod.of("year", 2025)


@pytest.fixture(scope="module")
def early(province, tmp_path_factory):
    """Sở Nội vụ with every package received and nine tasks due in March or June 2025."""
    ws = consolidator(province, tmp_path_factory.mktemp("report") / "snv")
    receiving.receive(ws, [province["packages"]], workers=0)
    ids = [row[0] for row in ws.db.execute("SELECT id FROM task ORDER BY id")][::6][:9]
    with ws.db.conn:
        ws.db.conn.executemany("UPDATE task SET deadline_text = ? WHERE id = ?",
                               [("31/3/2025" if n % 2 else "30/6/2025", task_id) for n, task_id in enumerate(ids)])
    yield ws, set(ids)
    ws.close()


def _annex(content, title: str):
    return next(annex for annex in content.extra_annexes if annex.title[0] == title)


def test_annex_iii_lists_each_agency_overdue_and_its_total_is_the_reports_figure(early):
    ws, early_ids = early
    content = build_consolidated(ws, YEAR, today=dt.date(2026, 1, 20))
    annex = _annex(content, "PHỤ LỤC III")
    *rows, total = annex.rows
    assert total[1] == "Tổng cộng" and int(total[2]) == content.figures.overdue > 0
    assert sum(int(row[2]) for row in rows) == content.figures.overdue
    assert "31/12/2025" in annex.subtitle  # overdue as the period ended, said so
    snap = views.load(ws, YEAR, dt.date(2025, 12, 31), closed=True)  # as the report counts: the year has ended
    for row in rows:
        # every task counted is named: "PAR INDEX: 1.2, 8.1.4 (2); PAPI: …" adds up to the count
        named = 0
        for group in row[3].split("; "):
            index, _, codes = group.partition(": ")
            assert index in {task.index_kind for task in snap.tasks}
            named += sum(int(m.group(1) or 1) for m in re.finditer(r"[^,]+?(?: \((\d+)\))?(?:, |$)", codes))
        assert int(row[2]) == named
        assert int(row[4]) == max(snap.overdue_days(task, snap.status(agency["id"], task.id))
                                  for agency in snap.agencies if row[1].startswith(agency["name"])
                                  for task in snap.tasks)
    unreported = [row for row in rows if "chưa gửi báo cáo" in row[1]]
    assert {row[1].split(" (")[0] for row in unreported} == UNREPORTED
    assert all(any(task.id in early_ids for task in snap.tasks if task.code and task.code in row[3])
               for row in rows)


def test_a_task_finished_after_the_period_counts_as_in_progress_then(early):
    ws, _ = early
    finished = ws.db.execute("SELECT count(*) FROM agency_task WHERE status = 'hoàn thành'").fetchone()[0]
    assert finished > 0
    later = ws.db.execute("SELECT min(completed_on) FROM agency_task WHERE status = 'hoàn thành'").fetchone()[0]
    before = dt.date.fromisoformat(later) - dt.timedelta(days=1)
    # as of the day before the first completion nothing was done yet, as the agency report counts
    as_then = views.load(ws, YEAR, before)
    assert sum(as_then.counts(agency["id"])["done"] for agency in as_then.agencies) == 0
    as_now = views.load(ws, YEAR, dt.date.fromisoformat(later))
    assert sum(as_now.counts(agency["id"])["done"] for agency in as_now.agencies) > 0


def test_annex_iii_says_so_when_no_agency_is_overdue(province, tmp_path):
    # Every task is due 31/12/2025 (the recurring ones first at 31/03): none is late in mid-March. Once
    # the year has ended, a task due on its last day and not done is late, as the agency report says.
    with consolidator(province, tmp_path / "snv") as ws:
        receiving.receive(ws, [province["packages"]], workers=0)
        annex = _annex(build_consolidated(ws, YEAR, today=dt.date(2025, 3, 15)), "PHỤ LỤC III")
    assert len(annex.rows) == 1 and "không đơn vị nào có nhiệm vụ quá hạn" in annex.rows[0][0]


def test_a_past_periods_report_reads_the_agencies_once_as_they_stood_at_its_end(early, monkeypatch):
    """Without a period named, the report of the latest period that has ended is built from one
    read of every agency's data, counted at the period's end."""
    ws, _ = early
    loads = []
    real_load = views.load
    monkeypatch.setattr(views, "load", lambda *a, **k: loads.append(1) or real_load(*a, **k))
    content = build_consolidated(ws, None, today=dt.date(2026, 1, 20))
    monkeypatch.setattr(views, "load", real_load)
    assert len(loads) == 1
    closed = views.load(ws, YEAR, dt.date(2025, 12, 31), closed=True)
    assert content.figures.as_of == dt.date(2025, 12, 31)
    assert content.figures.overdue == sum(
        1 for agency in closed.agencies for task in closed.tasks
        if closed.overdue_days(task, closed.status(agency["id"], task.id)))


def test_annex_pages_are_filled_and_each_repeats_its_header(early):
    """A tall row of annex III (an agency with many overdue tasks) is cut between lines, the rest
    under “(tiếp)” on the next page: no page is left part empty, and each page has the header row."""
    import io

    import pypdf

    from kehoach_desktop.report import pdf as report_pdf
    from kehoach_desktop.report.service import render

    from _report_support import nfc, text_pieces

    ws, _ = early
    content = build_consolidated(ws, YEAR, today=dt.date(2026, 1, 20))
    pages = pypdf.PdfReader(io.BytesIO(render(content, "PDF"))).pages
    texts = [" ".join(nfc(page.extract_text()).split()) for page in pages]
    first = next(n for n, text in enumerate(texts) if "PHỤ LỤC III" in text)
    annex_pages = list(range(first, len(pages)))
    assert len(annex_pages) > 2
    assert all("Nhiệm vụ quá hạn (theo mã tiêu chí)" in texts[n] for n in annex_pages), texts[first + 1][:300]
    assert any("(tiếp)" in texts[n] for n in annex_pages[1:])
    line = 13
    for n in annex_pages[:-1]:
        lowest = min(y for text, _x, y, _f, _s in text_pieces(pages[n]))
        assert lowest - report_pdf.MARGIN_BOTTOM < 3 * line, f"trang {n + 1} còn trống phía dưới"
