"""Who does what in each seed's annex, for a department, a commune and a district.

The expected roles below were read off each responsibility cell by hand (the cells are
quoted); every other task is checked against rules a person applies when reading a cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_desktop.importing import read_annex
from kehoach_desktop.matching import resolve_role
from kehoach_desktop.model import AgencyKind, AgencyProfile, Role
from kehoach_desktop.paths import sample_workbook
from kehoach_desktop.text import fold

DATA = Path(__file__).parent / "data"
FILES = {
    "cao_bang": sample_workbook(),
    "ha_giang": DATA / "ha-giang-147-KH-UBND-phu-luc.docx",
    "bac_giang": DATA / "bac-giang-87-KH-UBND-phu-luc.docx",
    "bac_kan": DATA / "bac-kan-365-KH-UBND-phu-luc.xlsx",
    "dak_lak": DATA / "dak-lak-2025-phu-luc.xlsx",
}
DEPARTMENT = AgencyProfile("Sở Tư pháp", AgencyKind.SO)
COMMUNE = AgencyProfile("UBND xã Tân Lập", AgencyKind.XA)
DISTRICT = AgencyProfile("UBND huyện Ba Bể", AgencyKind.HUYEN)

L, I, C, N = Role.LEAD, Role.IMPLEMENTING, Role.COOPERATING, None
# (annex, sheet, row, lead cell starts with, department, commune, district; "?" = conditional)
HAND_READ = [
    # Cao Bằng 2025
    ("cao_bang", "Phụ lục 1", 76, "Các sở, ban, ngành, UBND cấp xã", L, L, N),
    ("cao_bang", "Phụ lục 2", 11, "UBND cấp xã", N, L, N),
    ("cao_bang", "Phụ lục 1", 15, "Sở Tư pháp", L, C, N),
    ("cao_bang", "Phụ lục 2", 19, "UBND cấp xã", N, L, N),
    ("cao_bang", "Phụ lục 2", 31, "Các sở, ban, ngành, địa phương", L, L, L),
    # Hà Giang 2024 (Word, two-row header)
    ("ha_giang", "Bảng 1", 15, "Sở Tư pháp", L, N, C),
    ("ha_giang", "Bảng 1", 8, "Sở Nội vụ", "C?", "C?", "C?"),  # "Các đơn vị được kiểm tra"
    ("ha_giang", "Bảng 1", 86, "Sở Thông tin và Truyền thông", C, N, C),
    ("ha_giang", "Bảng 1", 59, "Sở Nội vụ tham mưu", C, N, C),
    ("ha_giang", "Bảng 1", 31, "Văn phòng UBND tỉnh", C, C, C),  # "UBND cấp huyện, cấp xã"
    # Bắc Giang 2024 (flat Word list)
    ("bac_giang", "Bảng 1", 4, "Văn phòng UBND tỉnh", C, C, C),
    ("bac_giang", "Bảng 1", 20, "UBND cấp huyện", N, N, L),
    ("bac_giang", "Bảng 1", 8, "Sở Y tế", N, C, C),
    # Bắc Kạn 2023 (four sheets)
    ("bac_kan", "Phụ lục 1", 32, "Các sở, ban, ngành, UBND cấp huyện", L, N, L),
    ("bac_kan", "Phụ lục 2", 38, "Sở Tài chính", "C?", "C?", C),  # "Các đơn vị dự toán, UBND cấp huyện"
    ("bac_kan", "Phụ lục 1", 9, "Các Sở: Công thương", N, N, N),
    ("bac_kan", "Phụ lục 4", 29, "UBND cấp xã", N, L, C),
    ("bac_kan", "Phụ lục 2", 39, "Các đơn vị sự nghiệp", "L?", N, L),  # "các sở, ngành có đơn vị sự nghiệp"
    ("bac_kan", "Phụ lục 2", 14, "Sở Tư pháp", L, N, C),
    # Đắk Lắk 2025 (implementing column)
    ("dak_lak", "Phụ lục", 17, "Văn phòng UBND tỉnh", I, I, I),
    ("dak_lak", "Phụ lục", 133, "Sở Nông nghiệp và Môi trường", N, I, N),
    ("dak_lak", "Phụ lục", 124, "Các cơ quan, đơn vị, địa phương", L, L, L),
    # lead "… và các cơ quan có liên quan" (conditional), implementing "Các cơ quan, đơn vị, địa
    # phương" (every agency): a definite role outranks a conditional one (issue 14).
    ("dak_lak", "Phụ lục", 14, "Sở Nội vụ, Văn phòng UBND tỉnh", I, I, I),
]


@pytest.fixture(scope="module")
def annexes():
    return {name: read_annex(path) for name, path in FILES.items()}


def _task(annex, sheet, row):
    [task] = [t for index in annex.indices for t in index.tasks if t.sheet == sheet and t.row == row]
    return task


def _expected(code):
    if code is None or isinstance(code, Role):
        return code, False
    if isinstance(code, str):
        return {"L": L, "I": I, "C": C}[code[0]], True
    raise ValueError(code)


@pytest.mark.parametrize("name, sheet, row, lead, department, commune, district", HAND_READ,
                         ids=[f"{h[0]}-{h[1]}-{h[2]}" for h in HAND_READ])
def test_roles_read_by_hand(annexes, name, sheet, row, lead, department, commune, district):
    roles = (department, commune, district)
    task = _task(annexes[name], sheet, row)
    assert task.lead.startswith(lead)
    for profile, code in zip((DEPARTMENT, COMMUNE, DISTRICT), roles):
        role, conditional = _expected(code)
        found = resolve_role(profile, task.lead, task.implementing, task.cooperating)
        assert (found.role, found.conditional if role else False) == (role, conditional), profile.name
        if role:
            assert found.reason  # the window can say why


# --- rules over every task of every annex ----------------------------------------------------------

_WORDS_THAT_CAN_NAME = {
    AgencyKind.SO: ("so", "nganh", "co quan", "don vi"),
    AgencyKind.XA: ("xa", "dia phuong", "co quan", "don vi", "cac cap"),
    AgencyKind.HUYEN: ("huyen", "dia phuong", "co quan", "don vi", "cac cap"),
}


def _all_tasks(annexes):
    return [(name, t) for name, annex in annexes.items() for index in annex.indices for t in index.tasks]


@pytest.mark.parametrize("profile", [DEPARTMENT, COMMUNE, DISTRICT], ids=lambda p: p.name)
def test_no_role_without_a_word_that_can_name_the_agency(annexes, profile):
    for name, task in _all_tasks(annexes):
        found = resolve_role(profile, task.lead, task.implementing, task.cooperating)
        if found.role is None:
            continue
        cell = {L: task.lead, I: task.implementing, C: task.cooperating}[found.role]
        words = fold(cell).replace(",", " ")
        assert any(w in words for w in _WORDS_THAT_CAN_NAME[profile.kind]), (name, task.row, cell)


def test_a_department_named_in_the_lead_column_leads(annexes):
    for profile_name in ("Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "Văn phòng UBND tỉnh", "Sở Y tế"):
        profile = AgencyProfile(profile_name, AgencyKind.SO)
        named = [t for _, t in _all_tasks(annexes) if fold(t.lead).startswith(fold(profile_name))]
        assert named, profile_name
        for task in named:
            assert resolve_role(profile, task.lead, task.implementing, task.cooperating).role == L


def test_a_commune_group_in_the_lead_column_makes_the_commune_lead(annexes):
    groups = ("ubnd cap xa", "ubnd cac xa", "ubnd cap huyen, cap xa")
    named = [t for _, t in _all_tasks(annexes) if any(g in fold(t.lead) for g in groups)]
    assert len(named) >= 10
    for task in named:
        assert resolve_role(COMMUNE, task.lead, task.implementing, task.cooperating).role == L


@pytest.mark.parametrize("name", ["ha_giang", "bac_giang", "bac_kan"])
def test_plans_before_2025_assign_districts(annexes, name):
    """District People's Committees existed until mid-2025: the older plans give them work."""
    assert annexes[name].plan_year < 2025
    roles = [resolve_role(DISTRICT, t.lead, t.implementing, t.cooperating).role for _, t in _all_tasks({name: annexes[name]})]
    assert roles.count(L) >= 1 and roles.count(C) >= 1
