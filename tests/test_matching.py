"""Which tasks are the agency's: responsibility phrases as written in the seed plans."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_desktop.matching import match_cell, resolve_role, split_phrases
from kehoach_desktop.model import AgencyKind, AgencyProfile, Role
from kehoach_desktop.text import fold

DEPARTMENT = AgencyProfile("Sở Tư pháp", AgencyKind.SO, "UBND tỉnh Cao Bằng")
COMMUNE = AgencyProfile("UBND xã Hòa An", AgencyKind.XA, "UBND tỉnh Cao Bằng")
DISTRICT = AgencyProfile("UBND huyện Hòa An", AgencyKind.HUYEN, "UBND tỉnh Cao Bằng")
POLICE = AgencyProfile("Công an tỉnh", AgencyKind.KHAC, "UBND tỉnh Cao Bằng")
SCIENCE = AgencyProfile("Sở Khoa học và Công nghệ", AgencyKind.SO)
PROVINCE_OFFICE = AgencyProfile("Văn phòng UBND tỉnh", AgencyKind.SO)
FINANCE = AgencyProfile("Sở Tài chính", AgencyKind.SO)
PROFILES = {p.name: p for p in (DEPARTMENT, COMMUNE, DISTRICT, POLICE, SCIENCE, PROVINCE_OFFICE, FINANCE)}

# Responsibility cells copied from /work/shared/seeds, and who each one names.
# Every profile not listed must NOT be matched.
SEED_CELLS: list[tuple[str, set[str]]] = [
    ("Các sở, ban, ngành, UBND cấp xã",  # Cao Bằng 2025
     {"Sở Tư pháp", "UBND xã Hòa An", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Sở Tài chính"}),
    ("Các Sở, ban, ngành; UBND các huyện, thành phố",  # 2024 plan, before districts were abolished
     {"Sở Tư pháp", "UBND huyện Hòa An", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Sở Tài chính"}),
    ("UBND cấp huyện, UBND cấp xã", {"UBND xã Hòa An", "UBND huyện Hòa An"}),
    ("UBND cấp huyện, cấp xã", {"UBND xã Hòa An", "UBND huyện Hòa An"}),
    ("Các sở, ban, ngành, UBND cấp huyện, cấp xã",
     {"Sở Tư pháp", "UBND xã Hòa An", "UBND huyện Hòa An", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh",
      "Sở Tài chính"}),
    ("UBND các xã, phường, thị trấn", {"UBND xã Hòa An"}),
    ("Các cơ quan, đơn vị, địa phương", set(PROFILES)),
    ("Các cơ quan, đơn vị", set(PROFILES)),
    ("Sở Tư pháp", {"Sở Tư pháp"}),
    ("Văn phòng UBND tỉnh", {"Văn phòng UBND tỉnh"}),
    ("Sở Khoa học và Công nghệ; Sở Văn hóa, Thể thao và Du lịch", {"Sở Khoa học và Công nghệ"}),
    ("Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ", {"Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ"}),
    ("Sở Nội vụ, Văn phòng UBND tỉnh", {"Văn phòng UBND tỉnh"}),
    ("Văn phòng UBND tỉnh; các sở: Thông tin và Truyền thông; Tư pháp; Tài chính",
     {"Văn phòng UBND tỉnh", "Sở Tư pháp", "Sở Tài chính"}),
    ("Các Sở: Nội vụ; Tài chính; Tài nguyên và Môi trường; Kế hoạch và Đầu tư", {"Sở Tài chính"}),
    ("Các sở, ngành, địa phương thực hiện tuyển dụng",
     {"Sở Tư pháp", "UBND xã Hòa An", "UBND huyện Hòa An", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh",
      "Sở Tài chính"}),
    ("Các Sở, ban, ngành có liên quan",
     {"Sở Tư pháp", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Sở Tài chính"}),
    ("Các sở, ban, ngành, UBND cấp xã; Công an tỉnh, Bảo hiểm xã hội",
     {"Sở Tư pháp", "UBND xã Hòa An", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Sở Tài chính",
      "Công an tỉnh"}),
    ("UBND cấp xã", {"UBND xã Hòa An"}),
    ("Sở KH&CN", {"Sở Khoa học và Công nghệ"}),
    ("Sở KHCN", {"Sở Khoa học và Công nghệ"}),
    ("VP UBND tỉnh", {"Văn phòng UBND tỉnh"}),
    ("UBND tỉnh", set()),
    ("Sở Nội vụ", set()),
    ("Thanh tra tỉnh", set()),
    ("UB Mặt Trận tổ quốc tỉnh; Sở Tài chính", {"Sở Tài chính"}),
    ("Công an cấp xã", set()),  # the commune police is not the commune People's Committee
    ("Công an tỉnh", {"Công an tỉnh"}),
]


@pytest.mark.parametrize("cell, named", SEED_CELLS, ids=[c for c, _ in SEED_CELLS])
@pytest.mark.parametrize("profile", PROFILES.values(), ids=list(PROFILES))
def test_seed_cells_name_exactly_the_right_agencies(cell, named, profile):
    found = match_cell(cell, profile)
    if profile.name in named:
        assert found is not None, f"“{cell}” should name {profile.name}"
    else:
        assert found is None, f"“{cell}” must not name {profile.name} (matched: {found})"


def test_named_department_is_not_matched_by_another_department():
    assert resolve_role(DEPARTMENT, "Văn phòng UBND tỉnh", "", "Sở Nội vụ").role is None
    assert resolve_role(DEPARTMENT, "Sở Tư pháp", "", "").role == Role.LEAD


def test_a_commune_is_not_a_department():
    assert match_cell("Các sở, ban, ngành", COMMUNE) is None
    assert match_cell("Các sở, ban, ngành", DEPARTMENT) is not None


def test_the_province_alone_does_not_name_a_commune_or_a_district():
    for profile in (COMMUNE, DISTRICT, DEPARTMENT):
        assert resolve_role(profile, "UBND tỉnh", "UBND tỉnh", "UBND tỉnh").role is None


def test_a_commune_in_a_pre_2025_plan_with_districts():
    assert match_cell("UBND các huyện, thành phố", COMMUNE) is None
    assert match_cell("UBND cấp huyện", COMMUNE) is None
    assert match_cell("UBND cấp huyện", DISTRICT) is not None


# --- roles and reasons -----------------------------------------------------------------------------


def test_strongest_role_wins():
    group = "Các sở, ban, ngành, UBND cấp xã"
    assert resolve_role(COMMUNE, group, group, group).role == Role.LEAD
    assert resolve_role(COMMUNE, "Sở Nội vụ", group, group).role == Role.IMPLEMENTING
    assert resolve_role(COMMUNE, "Sở Nội vụ", "", group).role == Role.COOPERATING
    assert resolve_role(COMMUNE, "Sở Nội vụ", "", "Văn phòng UBND tỉnh").role is None


def test_lead_by_name_beats_cooperating_by_group():
    found = resolve_role(DEPARTMENT, "Sở Tư pháp", "", "Các sở, ban, ngành, UBND cấp xã")
    assert found.role == Role.LEAD
    assert found.reason == "tên “Sở Tư pháp” trong cột Chủ trì"


def test_reason_names_the_group_and_the_column():
    lead = resolve_role(COMMUNE, "Các sở, ban, ngành, UBND cấp xã", "", "Sở Nội vụ")
    assert lead.role == Role.LEAD
    assert "UBND cấp xã" in lead.reason and "trong cột Chủ trì" in lead.reason
    coop = resolve_role(COMMUNE, "Sở Nội vụ", "", "Các sở, ban, ngành, UBND cấp xã")
    assert coop.role == Role.COOPERATING and "trong cột Phối hợp" in coop.reason
    impl = resolve_role(DISTRICT, "Sở Nội vụ", "UBND các huyện, thành phố", "")
    assert impl.role == Role.IMPLEMENTING
    assert "UBND các huyện" in impl.reason and "trong cột Thực hiện" in impl.reason
    department = resolve_role(DEPARTMENT, "Các sở, ban, ngành", "", "")
    assert "Các sở, ban, ngành" in department.reason


def test_no_profile_means_no_role():
    assert resolve_role(None, "Các cơ quan, đơn vị, địa phương", "", "").role is None


@pytest.mark.parametrize("profile", [DEPARTMENT, COMMUNE, DISTRICT], ids=lambda p: p.name)
def test_conditional_group_is_flagged_for_every_member(profile):
    found = resolve_role(profile, "Các sở, ngành, địa phương thực hiện tuyển dụng", "", "Sở Nội vụ, Thanh tra tỉnh")
    assert found.role == Role.LEAD
    assert found.conditional
    assert "có điều kiện" in found.reason


@pytest.mark.parametrize("profile", [DEPARTMENT, COMMUNE], ids=lambda p: p.name)
def test_qualifier_after_a_list_of_groups_applies_to_all_of_them(profile):
    # Cao Bằng 2025, PAR INDEX 1.1
    cell = "Các sở, ban, ngành, UBND cấp xã được giao theo kế hoạch số 3662/KH-UBND ngày 29/12/2024"
    found = resolve_role(profile, cell, "", "Sở Nội vụ")
    assert found.role == Role.LEAD and found.conditional


@pytest.mark.parametrize("cell, profile", [
    # Bắc Kạn 2023 (seed 004)
    ("Các sở, ban, ngành; UBND cấp huyện được thanh tra, kiểm tra trong năm", DISTRICT),
    ("Sở Nội vụ; các cơ quan, đơn vị tuyển dụng trong năm 2023", COMMUNE),
    ("Sở Nội vụ; các cơ quan, đơn vị tuyển dụng trong năm 2023", DEPARTMENT),
    ("Các Sở, ban, ngành có liên quan", DEPARTMENT),
], ids=["thanh-tra", "tuyen-dung-xa", "tuyen-dung-so", "lien-quan"])
def test_other_seed_qualifiers_make_the_match_conditional(cell, profile):
    found = match_cell(cell, profile)
    assert found is not None and found.conditional


@pytest.mark.parametrize("cell", [
    "Các sở, ban, ngành, UBND cấp xã",
    "Các cơ quan, đơn vị, địa phương",
    "Sở Tư pháp",
])
def test_unqualified_groups_and_names_are_not_conditional(cell):
    for profile in (DEPARTMENT, COMMUNE):
        found = match_cell(cell, profile)
        if found:
            assert not found.conditional


def test_split_phrases_keeps_groups_whole_and_trims_bullets():
    assert split_phrases("Các sở, ban, ngành; UBND cấp xã.") == ["Các sở, ban, ngành", "UBND cấp xã"]
    assert split_phrases("- Sở Nội vụ\n- Văn phòng UBND tỉnh;") == ["Sở Nội vụ", "Văn phòng UBND tỉnh"]
    assert split_phrases("") == []


# --- case, diacritics and Unicode forms --------------------------------------------------------------


def test_matching_ignores_case_and_diacritics():
    assert match_cell("CÁC SỞ, BAN, NGÀNH, UBND CẤP XÃ", COMMUNE) is not None
    assert match_cell("cac so, ban, nganh, ubnd cap xa", COMMUNE) is not None
    assert match_cell("SỞ TƯ PHÁP", DEPARTMENT) is not None
    assert match_cell("so tu phap", DEPARTMENT) is not None
    assert match_cell("so tai chinh", DEPARTMENT) is None


def test_matching_ignores_unicode_normalization_form():
    nfd_cell = unicodedata.normalize("NFD", "Sở Tư pháp; UBND cấp xã")
    assert nfd_cell != unicodedata.normalize("NFC", nfd_cell)
    assert match_cell(nfd_cell, DEPARTMENT) is not None
    assert match_cell(nfd_cell, COMMUNE) is not None
    nfd_profile = AgencyProfile(unicodedata.normalize("NFD", "Sở Tư pháp"), AgencyKind.SO)
    assert match_cell("Sở Tư pháp", nfd_profile) is not None


VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
VIETNAMESE_TEXT = st.text(
    alphabet=st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " ,.;:-&/()0123456789\n\t\u00a0"), max_size=60
)


@given(st.one_of(VIETNAMESE_TEXT, st.text(max_size=40)))
def test_fold_is_idempotent_and_strips_every_combining_mark(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert not any(unicodedata.category(ch) == "Mn" for ch in folded)
    assert "đ" not in folded and "Đ" not in folded


@given(st.one_of(VIETNAMESE_TEXT, st.text(max_size=40),
                 st.text(alphabet=st.sampled_from(" \t\n\u00a0\u2000\u200b\u202f\u3000\u0345\u0300a“–đ"), max_size=20)))
def test_fold_says_what_removing_every_combining_mark_says(text):
    """issue 17: the faster fold (the marks of Vietnamese by str.replace) against its plain definition."""
    removed = "".join(ch for ch in unicodedata.normalize("NFD", text.casefold()) if unicodedata.category(ch) != "Mn")
    spaced = " ".join(part for part in re.split(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+",
                                                 removed.replace("đ", "d").replace("ð", "d").replace("\n", " ")))
    assert fold(text) == spaced.strip()


@given(VIETNAMESE_TEXT)
def test_fold_ignores_case_and_normalization(text):
    assert fold(text.upper()) == fold(text.lower()) == fold(text)
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


CELLS = [cell for cell, _ in SEED_CELLS]
CASES = st.sampled_from([str, str.upper, str.lower, str.title, str.swapcase])
FORMS = st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"])


def _outcome(found):
    return None if found is None else (found.role, found.conditional)


@settings(max_examples=300)
@given(st.sampled_from(CELLS), st.sampled_from(list(PROFILES.values())), CASES, FORMS, st.sampled_from([0, 1, 2]))
def test_case_and_unicode_form_never_change_the_role(cell, profile, case, form, column):
    cells = ["", "", ""]
    cells[column] = cell
    written = ["", "", ""]
    written[column] = unicodedata.normalize(form, case(cell))
    assert _outcome(resolve_role(profile, *written)) == _outcome(resolve_role(profile, *cells))


@settings(max_examples=200)
@given(st.sampled_from(list(PROFILES.values())), CASES, FORMS)
def test_case_and_unicode_form_of_the_profile_name_never_change_the_match(profile, case, form):
    written = AgencyProfile(unicodedata.normalize(form, case(profile.name)), profile.kind)
    for cell in CELLS:
        assert _outcome(resolve_role(written, cell, "", "")) == _outcome(resolve_role(profile, cell, "", ""))


PLAIN_CELLS = [cell for cell in CELLS if ":" not in cell]  # factored lists carry their prefix forward


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PLAIN_CELLS), min_size=1, max_size=4), st.sampled_from(list(PROFILES.values())),
       st.sampled_from(["; ", ";\n", "\n- "]))
def test_a_cell_names_the_agency_iff_one_of_its_items_does(items, profile, separator):
    cell = separator.join(items)
    expected = any(match_cell(item, profile) is not None for item in items)
    assert (match_cell(cell, profile) is not None) == expected


@settings(max_examples=300)
@given(st.sampled_from(CELLS + [""]), st.sampled_from(CELLS + [""]), st.sampled_from(CELLS + [""]),
       st.sampled_from(list(PROFILES.values())))
def test_role_is_the_first_column_that_names_the_agency(lead, implementing, cooperating, profile):
    cells = ((Role.LEAD, lead), (Role.IMPLEMENTING, implementing), (Role.COOPERATING, cooperating))
    found = [(role, match_cell(cell, profile)) for role, cell in cells]
    definite = [role for role, match in found if match and not match.conditional]
    some = [role for role, match in found if match]
    # A definite role outranks a conditional one; among equals the first column wins.
    expected = (definite or some or [None])[0]
    assert resolve_role(profile, lead, implementing, cooperating).role == expected


def test_a_definite_implementing_role_outranks_a_conditional_lead():
    commune = AgencyProfile(name="UBND xã Hòa An", kind=AgencyKind.XA)
    found = resolve_role(commune, "Sở Nội vụ và các cơ quan có liên quan", "UBND cấp xã", "")
    assert found.role == Role.IMPLEMENTING and not found.conditional
    assert resolve_role(commune, "Sở Nội vụ và các cơ quan có liên quan", "", "").role == Role.LEAD


# --- lists of agencies: ";", line breaks and commas -------------------------------------------------

# Names and groups as the seeds write them; several carry commas of their own.
_LISTED = [
    "Sở Nội vụ", "Thanh tra tỉnh", "Văn phòng UBND tỉnh", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Lao động, Thương binh và Xã hội", "Công an tỉnh", "Báo Bắc Giang", "Đài Phát thanh và Truyền hình tỉnh",
    "Các sở, ban, ngành", "UBND các xã, phường, thị trấn", "UBND cấp huyện, cấp xã",
    "Các cơ quan, đơn vị, địa phương", "Sở Khoa học và Công nghệ", "Cục Thuế tỉnh", "Bảo hiểm xã hội tỉnh",
    "UBND các huyện, thị xã, thành phố", "Ban Dân tộc tỉnh", "Ủy ban MTTQ tỉnh", "các sở, ngành liên quan",
]


@given(st.lists(st.sampled_from(_LISTED), min_size=1, max_size=5, unique=True),
       st.sampled_from([", ", "; ", "\n", ";\n- "]))
def test_a_written_list_of_agencies_splits_into_its_items(names, separator):
    assert split_phrases(separator.join(names)) == names


def test_a_note_under_a_name_stays_with_it():
    cell = "Sở Thông tin và Truyền thông\n(Do Sở Thông tin và Truyền thông làm chủ đầu tư)"
    assert split_phrases(cell) == ["Sở Thông tin và Truyền thông (Do Sở Thông tin và Truyền thông làm chủ đầu tư)"]


@pytest.mark.parametrize("profile, cell, role", [
    (DEPARTMENT, "Văn phòng UBND tỉnh, Sở Tư pháp, Thanh tra tỉnh", Role.LEAD),
    (COMMUNE, "Sở Tư pháp, UBND cấp xã", Role.LEAD),
    (DISTRICT, "Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã", Role.LEAD),
])
def test_comma_lists_name_each_agency(profile, cell, role):
    assert resolve_role(profile, cell, "", "").role == role


# --- words that look like a group and are not; conditional and definite roles (issue 14) ----------

_OTHER_BODIES = [
    "Các cơ quan báo chí", "Các cơ quan báo chí, truyền thông", "cơ quan ngành dọc", "Các cơ quan ngành dọc",
    "Các cơ quan Trung ương đóng trên địa bàn tỉnh", "Các đơn vị sự nghiệp", "đơn vị sự nghiệp công lập",
    "Các đơn vị sự nghiệp công lập thuộc UBND tỉnh", "Công an tỉnh", "Công an tỉnh, cấp huyện, cấp xã",
    "Bệnh viện Đa khoa tỉnh", "Bệnh viện đa khoa cấp huyện", "Trung tâm Y tế cấp huyện",
    "Các tổ chức chính trị - xã hội cấp xã", "Trường học các cấp", "Các doanh nghiệp trên địa bàn",
    "Bảo hiểm xã hội cấp huyện", "Các cơ quan thông tấn", "Các cơ quan, đơn vị ngành dọc trên địa bàn",
    "Các cơ quan, đơn vị y tế", "Các đơn vị sự nghiệp trực thuộc", "Mặt trận Tổ quốc và các đoàn thể cấp xã",
]


@pytest.mark.parametrize("cell", _OTHER_BODIES)
@pytest.mark.parametrize("profile", [DEPARTMENT, COMMUNE, DISTRICT], ids=lambda p: p.name)
def test_bodies_that_are_not_departments_or_people_s_committees(cell, profile):
    assert match_cell(cell, profile) is None, cell


@pytest.mark.parametrize("cell", ["UBND và các tổ chức chính trị - xã hội cấp xã", "UBND, Ủy ban MTTQ cấp xã",
                                  "UBND và Công an cấp xã"])
def test_people_s_committee_named_with_others_of_its_level(cell):
    assert match_cell(cell, COMMUNE) is not None and not match_cell(cell, COMMUNE).conditional
    assert match_cell(cell, DISTRICT) is None and match_cell(cell, DEPARTMENT) is None
    assert resolve_role(COMMUNE, cell, "", "").role == Role.LEAD


@pytest.mark.parametrize("cell", ["Các đơn vị được kiểm tra", "Các đơn vị được kiểm tra (trong năm)",
                                  "Các đơn vị được kiểm tra\n(trong năm)", "Các cơ quan, đơn vị được thanh tra"])
@pytest.mark.parametrize("profile", [DEPARTMENT, COMMUNE, DISTRICT], ids=lambda p: p.name)
def test_inspected_units_are_a_conditional_group(cell, profile):
    found = match_cell(cell, profile)
    assert found is not None and found.conditional


def test_a_definite_role_outranks_a_conditional_one():
    # lead: only the inspected units; cooperating: every department for certain
    found = resolve_role(DEPARTMENT, "Các đơn vị được kiểm tra", "", "Các sở, ban, ngành")
    assert (found.role, found.conditional) == (Role.COOPERATING, False)
    # both conditional: the first column wins, still conditional
    found = resolve_role(DEPARTMENT, "Các đơn vị được kiểm tra", "", "Các sở, ngành có liên quan")
    assert (found.role, found.conditional) == (Role.LEAD, True)
    # in one cell, the phrase naming the agency for certain is the reason given
    found = match_cell("Các đơn vị được kiểm tra; Sở Tư pháp", DEPARTMENT)
    assert not found.conditional and "Sở Tư pháp" in found.reason
