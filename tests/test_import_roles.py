"""Roles written inside one agency cell (issue 14), in every way the annexes write them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_desktop.importer.roles import distribute, split_roles
from kehoach_desktop.matching import resolve_role
from kehoach_desktop.model import AgencyKind, AgencyProfile

NAMES = ["Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "UBND cấp xã",
         "UBND cấp huyện", "Các sở, ban, ngành", "UBND các xã, phường, thị trấn", "Công an tỉnh",
         "Sở Tài chính, UBND cấp huyện", "Các cơ quan, đơn vị, địa phương", "Ủy ban MTTQ tỉnh"]
FORMS = [
    "Chủ trì: {a}; Phối hợp: {b}",
    "Chủ trì: {a}\nPhối hợp: {b}",
    "- Chủ trì: {a}\n- Phối hợp: {b}",
    "+ Cơ quan chủ trì: {a}.\n+ Cơ quan phối hợp: {b}.",
    "Đơn vị chủ trì: {a}. Đơn vị phối hợp: {b}",
    "{a} (chủ trì); {b} (phối hợp)",
    "{a} (chủ trì), {b}",
    "{a} chủ trì, {b} phối hợp",
    "{a} chủ trì; {b} phối hợp.",
    "{a} chủ trì, phối hợp với {b}",
    "{a} chủ trì và phối hợp với {b}",
    "{a} chủ trì tham mưu; {b} phối hợp thực hiện",
    "{a} chủ trì thực hiện, phối hợp với {b}",
]
PROFILES = [AgencyProfile("Sở Tư pháp", AgencyKind.SO), AgencyProfile("UBND xã Tân Lập", AgencyKind.XA),
            AgencyProfile("UBND huyện Ba Bể", AgencyKind.HUYEN), AgencyProfile("Công an tỉnh", AgencyKind.KHAC)]

names = st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True)


@settings(max_examples=150, deadline=None)
@given(form=st.sampled_from(FORMS), lead=names, cooperating=names, column=st.sampled_from(["implementing", "lead"]))
def test_roles_inside_a_cell_read_as_separate_columns(form, lead, cooperating, column):
    a, b = "; ".join(lead), "; ".join(cooperating)
    found = distribute({column: form.format(a=a, b=b)})
    assert found == {"lead": a, "implementing": "", "cooperating": b}
    for profile in PROFILES:  # the same role as if the annex had two columns
        assert resolve_role(profile, **found) == resolve_role(profile, a, "", b)


@pytest.mark.parametrize("cell", ["Sở Nội vụ", "Các sở, ngành, địa phương thực hiện tuyển dụng",
                                  "Các cơ quan chủ trì các lĩnh vực CCHC", "UBND cấp xã thực hiện",
                                  "Sở Nội vụ tham mưu, phối hợp các cơ quan liên quan thực hiện"])
def test_cells_without_roles_of_their_own_are_left_alone(cell):
    assert split_roles(cell, "implementing") is None
    assert distribute({"implementing": cell}) == {"lead": "", "implementing": cell, "cooperating": ""}


def test_implementing_named_with_the_lead():
    assert distribute({"implementing": "Chủ trì: Sở Nội vụ\nThực hiện: UBND cấp xã\nPhối hợp: Sở Tư pháp"}) == \
        {"lead": "Sở Nội vụ", "implementing": "UBND cấp xã", "cooperating": "Sở Tư pháp"}


def test_a_roles_cell_merged_across_the_agency_columns_is_read_once():
    cell = "Chủ trì: Sở Nội vụ; Phối hợp: Sở Tư pháp"
    assert distribute({"lead": cell, "cooperating": cell}) == {"lead": "Sở Nội vụ", "implementing": "",
                                                                 "cooperating": "Sở Tư pháp"}
    # the same plain name typed in two columns stays in both
    assert distribute({"lead": "UBND cấp xã", "implementing": "UBND cấp xã"})["implementing"] == "UBND cấp xã"


def test_a_sentence_after_the_lead_stays_in_its_column():
    found = distribute({"lead": "Do Bộ Nội vụ chủ trì thực hiện. Phấn đấu mức độ hài lòng đạt 90%"})
    assert found == {"lead": "Bộ Nội vụ\nPhấn đấu mức độ hài lòng đạt 90%", "implementing": "", "cooperating": ""}
