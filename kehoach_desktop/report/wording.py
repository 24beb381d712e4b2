"""How Decree 30/2020/NĐ-CP writes the fixed parts of a document: numbers, dates, header, signature.

Plain functions over plain values, shared by the PDF and the Word writers.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ..model import AgencyKind, AgencyProfile, Authority
from ..text import clean_cell, fold, nfc

BLANK = "\u00a0" * 6  # room to write a number or a day by hand (non-breaking: never collapsed)
UBND_FULL = "Ủy ban nhân dân"

# Acronyms kept in capitals when an upper-case title is put in sentence case.
_ACRONYMS = {
    "UBND", "HĐND", "MTTQ", "CCHC", "TTHC", "CQCM", "ĐVHC", "CBCCVC", "VBQPPL", "PAKN", "DVC", "SNCL",
    "KT-XH", "PAR", "INDEX", "PAR-INDEX", "SIPAS", "PAPI", "XHH", "TW", "VN", "CNTT", "TTĐT", "VP",
}
_VOWELS = set("aeiouy")


def two_digits(value: int) -> str:
    """Numbers below 10 with a leading zero: 05, 12."""
    return f"{value:02d}"


def number_symbol(number: str, symbol: str) -> str:
    """"05/BC-UBND"; the number left blank for the clerk when the report is not yet issued."""
    number = nfc(number).strip()
    if number.isdigit():
        number = two_digits(int(number))
    return f"{number or BLANK}/BC-{symbol}" if symbol else f"{number or BLANK}/BC"


def document_number(number: str, symbol: str) -> str:
    """"Số: 05/BC-UBND" as the header writes it."""
    return f"Số: {number_symbol(number, symbol)}"


def date_line(place: str, signed_on: dt.date | None, blank_year: int) -> str:
    """"Hòa An, ngày 05 tháng 01 năm 2026": day below 10 and months 1–2 with a leading zero."""
    prefix = f"{place}, ngày" if place else "ngày"
    if signed_on is None:
        return f"{prefix}{BLANK}tháng{BLANK}năm {blank_year}"
    month = two_digits(signed_on.month) if signed_on.month < 3 else str(signed_on.month)
    return f"{prefix} {two_digits(signed_on.day)} tháng {month} năm {signed_on.year}"


def cite_date(value: dt.date) -> str:
    """A date cited in the text, as the seeds write it: 12/7/2025, 05/3/2025, 10/01/2026."""
    month = two_digits(value.month) if value.month < 3 else str(value.month)
    return f"{two_digits(value.day)}/{month}/{value.year}"


def upper(text: str) -> str:
    return nfc(text).upper()


def short_issuer(name: str) -> str:
    """"Ủy ban nhân dân tỉnh Cao Bằng" → "UBND tỉnh Cao Bằng", as the text of a report cites it."""
    name = clean_cell(name).replace("\n", " ")
    if fold(name).startswith(fold(UBND_FULL)):
        return "UBND" + name[len(UBND_FULL):]
    return name


def _expand_ubnd(name: str) -> tuple[str, str]:
    """("Ủy ban nhân dân", "xã Hòa An") for a People's Committee, else ("", name)."""
    name = clean_cell(name).replace("\n", " ")
    folded = fold(name)
    for prefix in ("ubnd ", fold(UBND_FULL) + " "):
        if folded.startswith(prefix):
            return UBND_FULL, name[len(prefix):].strip()
    return "", name


def agency_lines(profile: AgencyProfile) -> list[str]:
    """The issuing agency in capitals as the header shows it: "ỦY BAN NHÂN DÂN" / "XÃ HÒA AN"."""
    committee, rest = _expand_ubnd(profile.name)
    if committee:
        return [upper(committee), upper(rest)] if rest else [upper(committee)]
    return [upper(rest)]


def document_symbol(profile: AgencyProfile) -> str:
    """The abbreviation after /BC-: the profile's, else UBND for a People's Committee, else initials."""
    if profile.symbol.strip():
        return upper(profile.symbol.strip())
    committee, rest = _expand_ubnd(profile.name)
    if committee or profile.kind in (AgencyKind.XA, AgencyKind.HUYEN):
        return "UBND"
    letters = [word[0] for word in re.findall(r"\w+", fold(rest))]
    return "".join(letters).upper()


def signature_lines(profile: AgencyProfile) -> list[str]:
    """The authority and title lines above the signature, in capitals.

    TM. names the collective ("TM. ỦY BAN NHÂN DÂN"); a deputy signing for the head gets a
    "KT. CHỦ TỊCH" line above "PHÓ CHỦ TỊCH"; Q. is written before the title.
    """
    title = upper(profile.signer_title.strip())
    head = re.sub(r"^PHÓ\s+", "", title)
    deputy = bool(title) and head != title
    lines: list[str] = []
    if profile.authority == Authority.TM and not collective_body(profile):
        # TM. is for collective bodies only: a Sở signs as its director, or KT. for a deputy.
        return ([f"KT. {head}"] if deputy else []) + ([title] if title else [])
    if profile.authority == Authority.TM:
        committee, rest = _expand_ubnd(profile.name)
        lines.append(f"TM. {upper(committee or rest)}")
        if deputy:
            lines.append(f"KT. {head}")
    elif profile.authority == Authority.KT and title:
        lines.append(f"KT. {head}")
    elif profile.authority == Authority.Q and title:
        return [f"Q. {title}"]
    if title:
        lines.append(title)
    return lines


def recipient_lines(recipients: list[str], *, has_addressees: bool) -> list[str]:
    """"- Như trên;" first (when there is a Kính gửi), each "- …;", and "- Lưu: VT, …." last."""
    cleaned = [_strip_list_marks(line) for line in recipients]
    cleaned = [line for line in cleaned if line and fold(line) != "nhu tren"]
    keep = [line for line in cleaned if not fold(line).startswith("luu")]
    archive = next((line for line in cleaned if fold(line).startswith("luu")), "Lưu: VT")
    lines = (["Như trên"] if has_addressees else []) + keep
    return [f"- {line};" for line in lines] + [f"- {archive}."]


def _strip_list_marks(line: str) -> str:
    return clean_cell(line).lstrip("-–•+ ").rstrip(";.,: ").strip()


@functools.lru_cache(maxsize=4096)  # one call per row, few distinct area titles
def sentence_case(title: str) -> str:
    """An upper-case area title in sentence case, acronyms kept: "CẢI CÁCH TTHC" → "Cải cách TTHC"."""
    title = clean_cell(title).replace("\n", " ")
    letters = [ch for ch in title if ch.isalpha()]
    if not letters or any(ch.islower() for ch in letters):
        return title
    words = []
    for word in title.split(" "):
        bare = word.strip(",.;:()")
        keep = bare in _ACRONYMS or not (set(fold(bare)) & _VOWELS) or bool(re.fullmatch(r"[IVXL]+", bare))
        words.append(word if keep else word.lower())
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def count_words(value: int) -> str:
    """Counts as reports write them: 0, 05, 12."""
    return "0" if value == 0 else two_digits(value)


def percent(part: int, whole: int) -> str:
    """One format everywhere, one decimal: "9,0%", "100,0%", "0,0%"."""
    value = 100 * part / whole if whole else 0.0
    return f"{value:.1f}".replace(".", ",") + "%"


def collective_body(profile: AgencyProfile) -> bool:
    """A body that decides collectively (UBND xã, huyện, tỉnh…) and so signs "TM."; a Sở does not."""
    committee, _ = _expand_ubnd(profile.name)
    return bool(committee) or profile.kind in (AgencyKind.XA, AgencyKind.HUYEN) or (
        profile.kind == AgencyKind.KHAC and fold(profile.name).startswith(("hoi dong", "ban chi dao", "uy ban")))
