"""Annexes of other provinces' layouts, transcribed from the seeds into tests/data (Word here).

What is checked is the part of the import that already handles these layouts; the
expected facts come from the transcriptions' *_expected.json files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach_desktop.importing import read_annex
from kehoach_desktop.paths import sample_workbook

DATA = Path(__file__).parent / "data"


def expected(name: str) -> dict:
    return json.loads((DATA / f"{name}_expected.json").read_text(encoding="utf-8"))


def find_task(index, code, start):
    for task in index.tasks:
        if (code is None or task.criterion_key == code) and task.content.startswith(start):
            return task
    raise AssertionError(f"no task {code} starting {start!r}")


def test_ha_giang_word_annex_with_group_headers():
    facts = expected("ha_giang")
    annex = read_annex(DATA / "ha-giang-147-KH-UBND-phu-luc.docx")
    assert annex.plan_number == facts["plan_number"]
    assert annex.plan_date.isoformat() == facts["plan_date"]
    assert annex.plan_year == facts["plan_year"]
    [index] = annex.indices
    assert index.kind.value == "PAR INDEX"
    assert len(index.tasks) == facts["task_count"]
    for sample in facts["sample_tasks"]:
        task = find_task(index, sample["criterion_code"], sample["content_first_60"])
        assert task.lead == (sample["lead"] or "")
        assert task.cooperating == (sample["cooperating"] or "")
        if sample.get("deadline"):
            assert task.deadline_text == sample["deadline"]
    scores = {c.code: c.max_score for c in index.criteria}
    for area in facts["areas"]:
        assert scores[area["code"]] == pytest.approx(area["max_score"])


def test_bac_giang_flat_word_list_with_merged_cells():
    facts = expected("bac_giang")
    annex = read_annex(DATA / "bac-giang-87-KH-UBND-phu-luc.docx")
    assert annex.plan_number == facts["plan_number"]  # the annex leaves it blank: from the file name
    [index] = annex.indices
    assert index.kind.value == "PAPI"
    assert len(index.tasks) == facts["indices"]["PAPI"]["tasks"]
    assert index.criteria == []  # no criterion column: the STT numbers tasks
    for sample in facts["samples"]:
        # Two tasks share their first words; the table row (after the header row) tells them apart.
        [task] = [t for t in index.tasks if t.row == sample["table_row"] + 1]
        assert task.content.startswith(sample["task_first60"])
        assert task.lead == sample["lead"]
        assert task.cooperating == (sample["cooperating"] or "")
        assert task.deadline_text == sample["deadline"]


def test_bac_kan_index_kinds_named_in_words():
    annex = read_annex(DATA / "bac-kan-365-KH-UBND-phu-luc.xlsx")
    # "Chỉ số hài lòng …" is SIPAS, "Chỉ số quản trị hành chính công" is PAPI.
    assert [index.kind.value for index in annex.indices] == ["PAR INDEX", "PAR INDEX", "SIPAS", "PAPI"]
    assert annex.plan_number == "365/KH-UBND"
    assert annex.plan_year == 2023


def test_bac_kan_counts_and_samples_on_four_sheets():
    facts = expected("bac_kan")
    annex = read_annex(DATA / "bac-kan-365-KH-UBND-phu-luc.xlsx")
    for index, sheet in zip(annex.indices, facts["sheets"]):
        counts = sheet["counts"]
        assert index.sheet == sheet["name"]
        # Rows under a merged task cell that name their own agencies are kept as assignments.
        # TCTP 6.1.2, 6.2.2, 6.3.3 (Phụ lục 1, rows 28–30) have no task text but name a cooperating
        # agency and a deadline (bac_kan_notes.md): the criterion itself is the task (issue 14).
        assigned = [t.row for t in index.tasks if t.from_criterion]
        assert assigned == ([28, 29, 30] if index.sheet == "Phụ lục 1" else [])
        assert len(index.tasks) == counts["tasks"] + counts.get("responsibility_rows_sharing_the_task_above", 0) \
            + len(assigned)
        # Areas and groups are criteria too (the tree's upper level); total rows are neither.
        groups = counts.get("area_rows", 0) + counts.get("group_rows(tiêu chí / chỉ số nội dung)", 0)
        assert len(index.criteria) == counts["criterion_rows"] + groups
        assert not any(c.title.upper().startswith("TỔNG") for c in index.criteria)
    for sample in facts["samples"]:
        index = next(i for i in annex.indices if i.sheet == sample["sheet"])
        [task] = [t for t in index.tasks if t.row == sample["row"]] or [
            t for t in index.tasks if t.content.startswith(sample["task_first60"]) and t.criterion_key == sample["criterion_code"]]
        assert task.content.startswith(sample["task_first60"])
        assert task.lead == (sample["lead"] or "") and task.cooperating == (sample["cooperating"] or "")
        assert task.deadline_text == (sample["deadline"] or "")
        criterion = next(c for c in index.criteria if c.key == task.criterion_key)
        if sample["max_score"] is not None:
            assert criterion.max_score == pytest.approx(sample["max_score"])


def test_dak_lak_sections_page_breaks_and_area_notes():
    facts = expected("dak_lak")
    annex = read_annex(DATA / "dak-lak-2025-phu-luc.xlsx")
    kinds = [index.kind.value for index in annex.indices]
    assert kinds == ["PAR INDEX", "SIPAS", "PAPI"]  # "I/II/III CHỈ SỐ …" section rows
    # The transcription counts a task cell merged over 5.1–5.3 once; rows 5.2 and 5.3 name
    # their own agencies, so the importer keeps them as two more assignments of that task.
    extra = {"PAR INDEX": 0, "SIPAS": 0, "PAPI": 2}
    for index in annex.indices:
        assert len(index.tasks) == facts["indices"][index.kind.value]["tasks"] + extra[index.kind.value]
    for sample in facts["samples"]:
        index = annex.indices[kinds.index(sample["index"])]
        same_content = [t for t in index.tasks if t.content.startswith(sample["task_first60"])]
        # A criterion whose every cell is merged with the one above shares that row's task.
        [task] = [t for t in same_content if t.criterion_key == sample["criterion_code"]] or same_content
        assert task.lead == (sample["lead"] or "")
        assert task.implementing == (sample["implementing"] or "")
        assert task.deadline_text == (sample["deadline"] or "")
        if sample.get("criterion_text_joined"):  # a row cut by a page break is joined again
            criterion = next(c for c in index.criteria if c.code == sample["criterion_code"])
            assert criterion.title == sample["criterion_text_joined"]


@pytest.mark.parametrize("encoding, options", [("tcvn3", {"tcvn3_capitals": "vntimeh"}), ("vni", {})])
def test_annex_typed_in_a_legacy_encoding_is_converted(tmp_path, encoding, options):
    """A workbook typed with .VnTime or VNI-Times fonts reads as the same tasks, in Unicode."""
    import openpyxl

    from kehoach_desktop.legacy_encoding import encode

    sample = sample_workbook()
    workbook = openpyxl.load_workbook(sample)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = encode(cell.value, encoding, **options)
    legacy = tmp_path / "phu-luc-bang-ma-cu.xlsx"
    workbook.save(legacy)

    converted, original = read_annex(legacy), read_annex(sample)
    assert "đã chuyển sang Unicode" in converted.warnings[0].message
    assert converted.plan_number == original.plan_number == "2163/KH-UBND"

    def tasks(annex):
        # .VnTimeH cannot mark a lone capital inside lower-case text ("Ủy ban" reads "ủy ban").
        return [(t.content.casefold(), t.lead.casefold(), t.deadline_text) for i in annex.indices for t in i.tasks]

    assert tasks(converted) == tasks(original)
