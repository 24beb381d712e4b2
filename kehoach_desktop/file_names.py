"""Readable default file names without diacritics: “Bao-cao-6-thang-2025-UBND-xa-Hoa-An.pdf”.

Vietnamese letters lose their marks (đ → d, Đ → D), case is kept, anything else becomes one
hyphen: such names survive every USB stick, e-mail client and Windows code page.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_NAME = re.compile(r"[^A-Za-z0-9]+")

PERIOD_WORDS = {"q1": "Quy-I", "h1": "6-thang", "q3": "9-thang", "year": "nam"}


def ascii_slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _NOT_NAME.sub("-", plain).strip("-")


def report_file_name(period, agency: str | None, suffix: str) -> str:
    """The report's default name: kind of period, year, agency."""
    if period.kind in PERIOD_WORDS:
        when = f"{PERIOD_WORDS[period.kind]}-{period.year}"
    else:
        when = f"tu-{period.start:%d-%m-%Y}-den-{period.end:%d-%m-%Y}"
    parts = ["Bao-cao", when, ascii_slug(agency or "")]
    return "-".join(part for part in parts if part) + suffix
