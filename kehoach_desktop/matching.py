"""Which tasks are this agency's: resolve responsibility phrases into names and groups.

A responsibility cell ("Các sở, ban, ngành; UBND cấp xã", "Sở Tư pháp", "UBND các xã,
phường, thị trấn") names agencies directly or through groups. A task is the agency's in a
role when that role's cell names the agency or a group that contains its kind. The
strongest role wins: lead > implementing > cooperating.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .model import AgencyKind, AgencyProfile, Role
from .text import fold, nfc

# Abbreviations written in annexes, expanded so that "Sở KH&CN" and
# "Sở Khoa học và Công nghệ" compare equal. Keys and values are folded text.
_ABBREVIATIONS = [
    (r"\bvp ubnd\b", "van phong uy ban nhan dan"),
    (r"\bvp\b", "van phong"),
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bub mttq\b", "uy ban mat tran to quoc"),
    (r"\bmttq\b", "mat tran to quoc"),
    (r"\bkh ?& ?cn\b|\bkhcn\b", "khoa hoc va cong nghe"),
    (r"\bkh ?& ?dt\b|\bkhdt\b", "ke hoach va dau tu"),
    (r"\btt ?& ?tt\b|\btttt\b", "thong tin va truyen thong"),
    (r"\bgd ?& ?dt\b|\bgddt\b", "giao duc va dao tao"),
    (r"\bnn ?& ?ptnt\b|\bnnptnt\b", "nong nghiep va phat trien nong thon"),
    (r"\bnn ?& ?mt\b", "nong nghiep va moi truong"),
    (r"\btn ?& ?mt\b|\btnmt\b", "tai nguyen va moi truong"),
    (r"\bld ?, ?tb ?& ?xh\b|\bldtbxh\b", "lao dong thuong binh va xa hoi"),
    (r"\bvh ?, ?tt ?& ?dl\b|\bvhttdl\b", "van hoa the thao va du lich"),
    (r"\bcqcm\b", "co quan chuyen mon"),
    (r"&", " va "),
]


def canonical(text: str) -> str:
    """Folded text with abbreviations expanded and punctuation reduced to spaces."""
    folded = fold(text)
    for pattern, replacement in _ABBREVIATIONS:
        folded = re.sub(pattern, replacement, folded)
    folded = re.sub(r"[^\w,;:]+", " ", folded)
    return re.sub(r"\s+", " ", folded).strip()


@dataclass(frozen=True)
class Group:
    """A group name of the annexes ("UBND cấp xã", "các sở, ban, ngành") and the kinds of agency it takes in."""
    label: str  # how we name the group to the user
    pattern: re.Pattern
    kinds: frozenset[AgencyKind]
    always_conditional: bool = False  # "các đơn vị được kiểm tra": only some of them


def _group(label: str, pattern: str, *kinds: AgencyKind, conditional: bool = False) -> Group:
    return Group(label, re.compile(pattern), frozenset(kinds), conditional)


_ALL = (AgencyKind.SO, AgencyKind.HUYEN, AgencyKind.XA, AgencyKind.KHAC)
_UB = "uy ban nhan dan"
# "cấp xã", "các huyện" name People's Committees only when written alone, after UBND or
# "chính quyền", or factored after a comma ("UBND cấp huyện, cấp xã"); "Công an cấp xã" is
# the commune police, not the commune.
_LEVEL = rf"(?:^|(?<=[,;:] )|\b{_UB} |\bchinh quyen )"

# Order matters only for the reason shown: the most specific wording first.
GROUPS: list[Group] = [
    _group("Các sở, ban, ngành", r"\b(cac )?so, (ban, )?nganh\b", AgencyKind.SO),
    _group("Các sở, ban, ngành", r"\bcac so\b(?! ?:)", AgencyKind.SO),
    _group("Các cơ quan chuyên môn", r"\bcac co quan chuyen mon\b", AgencyKind.SO),
    _group("UBND cấp xã", rf"{_LEVEL}cap xa\b", AgencyKind.XA),
    _group("UBND các xã, phường", rf"{_LEVEL}cac xa\b", AgencyKind.XA),
    _group("UBND các xã, phường", r"\bxa, phuong\b", AgencyKind.XA),
    _group("UBND cấp huyện", rf"{_LEVEL}cap huyen\b", AgencyKind.HUYEN),
    _group("UBND các huyện, thành phố", rf"{_LEVEL}cac huyen\b", AgencyKind.HUYEN),
    _group("UBND các cấp", rf"\b{_UB} cac cap\b", AgencyKind.HUYEN, AgencyKind.XA),
    _group(
        "Các cơ quan, đơn vị, địa phương",
        r"\b(cac )?co quan, don vi(, dia phuong)?\b|\bcac don vi, dia phuong\b",
        *_ALL,
    ),
    _group("Địa phương", r"\b(cac )?dia phuong\b", AgencyKind.HUYEN, AgencyKind.XA),
    # "UBND và các tổ chức chính trị - xã hội cấp xã", "UBND, UBMTTQ cấp huyện": the level
    # written once at the end applies to the People's Committee named first.
    _group("UBND cấp xã", rf"^(cac )?{_UB}( va|,) [^;]*\b(cap xa|cac xa)\b", AgencyKind.XA),
    _group("UBND cấp huyện", rf"^(cac )?{_UB}( va|,) [^;]*\b(cap huyen|cac huyen)\b", AgencyKind.HUYEN),
    # "Các đơn vị được kiểm tra", "các cơ quan có liên quan", "các đơn vị dự toán": some
    # agencies of any kind, picked by what follows. A noun after it names another class of
    # bodies ("các cơ quan báo chí", "cơ quan ngành dọc", "đơn vị sự nghiệp"): not a group.
    _group("Các cơ quan, đơn vị", r"\bcac (co quan|don vi)\b(?= *($|[,;:(]|(hanh chinh|nha nuoc|du toan|chuyen mon"
           r"|dia phuong|trong|tren dia ban|thuoc|truc thuoc|lien quan|co lien quan|duoc|co|da|chua|thuc hien"
           r"|theo|tham gia|tai|o)\b))", *_ALL, conditional=True),
]

# Nouns after a group word that name another class of bodies than departments and People's
# Committees: press, branch offices of ministries, public service units, the central level…
_OTHER_CLASS = re.compile(
    r" ?(bao chi|thong tan|truyen thong|nganh doc|trung uong|su nghiep|y te|giao duc|truong hoc|doanh nghiep"
    r"|tu nhan|ngoai nha nuoc|cong an|quan doi|luc luong vu trang|ngan hang|tin dung|ton giao|doan the"
    r"|to chuc chinh tri|hoi dong)\b"
)

# Bodies that are neither a department nor a People's Committee: a level word after them
# ("Công an tỉnh, cấp huyện", "Bệnh viện đa khoa cấp huyện") names their own branch.
_OTHER_BODY = re.compile(
    r"^(cac )?(cong an|benh vien|trung tam|truong|toa an|vien kiem sat|doan|hoi|mat tran|uy ban mat tran"
    r"|chi cuc|cuc|kho bac|bao hiem|ngan hang|ban chi huy|bo chi huy|quan su|bien phong|to chuc|doanh nghiep"
    r"|co quan bao chi|bao|dai|buu dien|dien luc|thue|hai quan|lien doan|hop tac xa|tram|co so)\b"
)

# Words after a group that restrict it to some of its members.
_CONDITION = re.compile(
    r"\b(co lien quan|lien quan|duoc giao|thuc hien tuyen dung|co don vi|co tuyen dung"
    r"|duoc kiem tra|duoc thanh tra|duoc lua chon|duoc chon|theo chuc nang|theo tham quyen|tuyen dung"
    r"|co \w+)\b"
)


# A comma separates two agencies only when what follows starts like an agency's name:
# "Sở Nội vụ, Thanh tra tỉnh" is two, "Các sở, ban, ngành", "UBND các xã, phường, thị trấn"
# and "Sở Văn hóa, Thể thao và Du lịch" are one.
_AGENCY_HEAD = re.compile(
    r"(Sở|UBND|Ủy ban|Uỷ ban|Văn phòng|VP|Thanh tra|Công an|Ban|Bộ Chỉ huy|Bộ|Đài|Báo|Trường|Hội"
    r"|Liên đoàn|Liên minh|Tỉnh đoàn|Đoàn|Kho bạc|Cục|Chi cục|Bảo hiểm|Ngân hàng|Trung tâm|Mặt trận"
    r"|MTTQ|Tòa án|Toà án|Viện|Đảng ủy|Đảng uỷ|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Thành ủy|Phòng|Các|Cơ quan"
    r"|Cổng|Bệnh viện|Hải quan|Thuế|Bưu điện|Viettel|VNPT|Chủ tịch|Lãnh đạo|Hội đồng|HĐND|Quỹ|Điện lực)\s+\S"
    r"|các (?:sở|cơ quan|đơn vị|phòng|ban|địa phương)\b"
)


def split_phrases(cell: str) -> list[str]:
    """A responsibility cell as its list of phrases, exactly as written.

    Items are separated by ';', line breaks, or a comma followed by another agency's name
    (the commas inside a group or a name stay). Bullets and trailing punctuation are trimmed.
    """
    return [part for item in _items(cell) for part in _split_commas(item) if part]


def _items(cell: str) -> list[str]:
    """The pieces between ';' and line breaks, bullets and trailing punctuation trimmed.

    Matching works on these whole pieces: a qualifier at the end of "Các sở, ban, ngành,
    UBND cấp xã được giao" restricts every group of the piece.
    """
    items: list[str] = []
    for piece in re.split(r"[;\n]+", nfc(cell)):
        piece = re.sub(r"^\s*[-–•+*]\s*", "", piece).strip().rstrip(".,;").strip()
        if piece.startswith("(") and items:  # a note on the line below belongs to the item above
            items[-1] = f"{items[-1]} {piece}"
        elif piece:
            items.append(piece)
    return items


def _split_commas(piece: str) -> list[str]:
    parts = [part.strip() for part in piece.split(",")]
    merged: list[str] = []
    for part in parts:
        if merged and not (_AGENCY_HEAD.match(part) and " " in merged[-1]):
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    return [part.strip(" .") for part in merged]


@dataclass(frozen=True)
class PhraseMatch:
    """Why one responsibility phrase names the agency."""
    reason: str
    conditional: bool


def _name_variants(profile: AgencyProfile) -> list[str]:
    """Canonical forms under which the agency may be named (abbreviations expanded)."""
    name = canonical(profile.name)
    if not name:
        return []
    # "Sở Tư pháp tỉnh Cao Bằng" is written "Sở Tư pháp" in the province's own annex.
    short = re.sub(r"\s+(tinh|thanh pho)\s+[\w ]+$", "", name)
    if short != name and re.match(r"(so|ban) \w+", short):
        return [name, short]
    return [name]


def match_phrase(phrase: str, profile: AgencyProfile, factored_prefix: str = "") -> PhraseMatch | None:
    """Does this one phrase name the agency, directly or through a group?"""
    text = canonical(phrase)
    if factored_prefix and not text.startswith(factored_prefix):
        text = f"{factored_prefix} {text}"
    for variant in _name_variants(profile):
        if re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", text):
            return PhraseMatch(f"tên “{profile.name}”", False)
    other_body = bool(_OTHER_BODY.match(text))
    for group in GROUPS:
        found = group.pattern.search(text)
        if found and other_body and not text.startswith(("cac so", "so ")):
            continue
        if found and _OTHER_CLASS.match(text, found.end()):
            break  # "các cơ quan, đơn vị ngành dọc", "các đơn vị sự nghiệp": another class of bodies
        if found and profile.kind in group.kinds:
            # A qualifier after a list of groups ("Các sở, ngành, địa phương thực hiện tuyển
            # dụng") restricts every group of the list, not only the last one.
            tail = text[_end_of_groups(text, found.end()):]
            conditional = group.always_conditional or bool(_CONDITION.match(tail.lstrip(" ,")))
            return PhraseMatch(f"nhóm “{group.label}”", conditional)
    return None


def _end_of_groups(text: str, end: int) -> int:
    """Where the run of groups that ends at or after `end` stops (groups joined by commas)."""
    moved = True
    while moved:
        moved = False
        for group in GROUPS:
            following = group.pattern.match(text, end + 2) if text[end:end + 2] == ", " else None
            if following and following.end() > end:
                end, moved = following.end(), True
    return end


def _factored_prefix(phrase: str) -> str:
    """'các sở: Thông tin…; Tư pháp' → 'so' carried into the items after the colon."""
    head = canonical(phrase.split(":", 1)[0]) if ":" in phrase else ""
    if head in ("cac so", "so"):
        return "so"
    if head in ("cac ban", "ban"):
        return "ban"
    return ""


def match_cell(cell: str, profile: AgencyProfile) -> PhraseMatch | None:
    """The first phrase of a cell that names the agency."""
    return _match_cell(nfc(cell), profile.name, profile.kind)


@functools.lru_cache(maxsize=16384)  # the same cells recur on many rows
def _match_cell(cell: str, name: str, kind: AgencyKind) -> PhraseMatch | None:
    profile = AgencyProfile(name=name, kind=kind)
    prefix = ""
    first: PhraseMatch | None = None
    for raw in re.split(r"[;\n]+", nfc(cell)):
        if ":" in raw and _factored_prefix(raw):
            prefix = _factored_prefix(raw)
            raw = raw.split(":", 1)[1]
        for phrase in _items(raw):
            found = match_phrase(phrase, profile, prefix)
            if found and not found.conditional:
                return found  # the agency named for certain: the strongest reason
            first = first or found
    return first


@dataclass(frozen=True)
class RoleMatch:
    """The agency's role in a task, and why."""
    role: Role | None
    reason: str  # "nhóm “UBND cấp xã” trong cột Chủ trì"
    conditional: bool


_COLUMN_LABELS = {Role.LEAD: "Chủ trì", Role.IMPLEMENTING: "Thực hiện", Role.COOPERATING: "Phối hợp"}


def resolve_role(profile: AgencyProfile | None, lead: str, implementing: str, cooperating: str) -> RoleMatch:
    """The agency's strongest role in a task, with the reason, or no role."""
    if profile is None:
        return RoleMatch(None, "", False)
    conditional: RoleMatch | None = None
    for role, cell in ((Role.LEAD, lead), (Role.IMPLEMENTING, implementing), (Role.COOPERATING, cooperating)):
        found = match_cell(cell or "", profile)
        if found:
            reason = f"{found.reason} trong cột {_COLUMN_LABELS[role]}"
            if not found.conditional:
                return RoleMatch(role, reason, False)  # a definite role outranks a conditional one
            conditional = conditional or RoleMatch(role, reason + " (có điều kiện)", True)
    return conditional or RoleMatch(None, "", False)
