"""The plan as issued (số, ngày, cơ quan ban hành, trích yếu): how reports cite it, and its correction.

Three of the five seed annexes leave the number or the date blank; the importer then keeps
whatever it found (often the file name). A report never cites such a stand-in as a number.
"""

from __future__ import annotations

import datetime as dt
import re

from ..text import clean_cell, fold, nfc
from .wording import cite_date, sentence_case, short_issuer

# "2163/KH-UBND", "87/KH-UBND", "365/KH-UBND", "12a/KH-BCĐ"
_REAL_NUMBER = re.compile(r"^\d{1,5}[a-zA-Z]?\s*/\s*[A-ZĐ][A-ZĐa-zđ0-9.&-]*$")
MISSING_NUMBER = "(chưa có số, ký hiệu)"


def has_real_number(number: str | None) -> bool:
    """A number as the plan was issued with ("2163/KH-UBND"), not a file name or a blank "/KH-UBND"."""
    return bool(_REAL_NUMBER.match(nfc(number or "").strip()))


def missing_fields(plan: dict) -> list[str]:
    """The parts of the plan's identity a report needs and the plan lacks, in words."""
    missing = []
    if not has_real_number(plan.get("number")):
        missing.append("số, ký hiệu")
    if not plan.get("date"):
        missing.append("ngày ban hành")
    if not clean_cell(plan.get("issuer") or ""):
        missing.append("cơ quan ban hành")
    if not plan_subject(plan):
        missing.append("trích yếu")
    return missing


def plan_warning(plan: dict) -> str:
    """One sentence for the preview when the plan would be cited incompletely, else ""."""
    missing = missing_fields(plan)
    if not missing:
        return ""
    return (f"Kế hoạch chưa có {', '.join(missing)}: báo cáo sẽ ghi rõ là chưa có, không tự đặt; "
            "hãy sửa thông tin kế hoạch (menu Kế hoạch → Thông tin kế hoạch hoặc lệnh kehoach plan).")


def plan_reference(plan: dict) -> str:
    """"Kế hoạch số 2163/KH-UBND ngày 12/7/2025 của UBND tỉnh Cao Bằng"; a missing number said so."""
    number = nfc(plan.get("number") or "").strip()
    text = f"Kế hoạch số {number}" if has_real_number(number) else f"Kế hoạch {MISSING_NUMBER}"
    if plan.get("date"):
        text += f" ngày {cite_date(dt.date.fromisoformat(plan['date']))}"
    if plan.get("issuer"):
        text += f" của {short_issuer(plan['issuer'])}"
    return text


# Annex headings the importer may have taken for the title: not the plan's own trích yếu.
_ANNEX_HEADING = re.compile(r"^(phu luc|phan cong|bang phan cong|danh muc)\b")


def plan_subject(plan: dict) -> str:
    """The plan's trích yếu as it follows "về": verbatim, capitals of a heading put in sentence case."""
    title = clean_cell(plan.get("title") or "").replace("\n", " ").strip(" .")
    if not title:
        return ""
    title = sentence_case(title)
    folded = fold(title)
    if _ANNEX_HEADING.match(folded):
        return ""
    if folded.startswith("ke hoach ") and not folded.startswith("ke hoach cai cach"):
        title = title[len("Kế hoạch "):]
    return _lower_first(title)


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.isupper() and len(first) > 1:  # an acronym: "PAR INDEX …"
        return text
    return text[:1].lower() + text[1:]


def plan_year(date: dt.date | None, title: str) -> int | None:
    """The plan's year from its date and title together.

    "Khắc phục … năm 2022, nâng cao … năm 2023" dated 08/6/2023 is the 2023 plan: the latest
    year the title names that is not after the year following the date; else the date's year.
    """
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", fold(title or ""))]
    if date is not None:
        years = [y for y in years if y <= date.year + 1]
    if years:
        return max(years)
    return date.year if date else None


def as_issued(plan: dict) -> dict:
    """The plan with its hand corrections (cited_*) over what the import found; `stored_*` keep the latter."""
    out = dict(plan)
    for key in ("number", "date", "issuer", "title"):
        out[f"stored_{key}"] = plan.get(key)
        cited = plan.get(f"cited_{key}")
        if cited:
            out[key] = cited
    return out
