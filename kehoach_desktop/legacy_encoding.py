"""Legacy Vietnamese encodings in annex files: find TCVN3 (ABC) and VNI-Windows text, convert it.

Old office PCs typed Vietnamese with 8-bit "font encodings". Excel and Word store such text as
Latin-1 code points that only look right in the matching font:

* TCVN3 / ABC (fonts ``.VnTime``, ``.VnArial`` …): one code point per letter, e.g. "Céng hoµ".
  The upper-case fonts (``.VnTimeH`` …) draw the *same* code points as capitals: TCVN3 has no
  code points of its own for capitals with a tone mark (only Ă Â Ê Ô Ơ Ư Đ have one).
  The full national standard TCVN 5712:1993 "VN1" does give those 60 capitals their own code
  points (some in the C0/C1 control ranges); they are decoded too, and ``encode`` uses them so
  that upper case survives a round trip.
* VNI-Windows (fonts ``VNI-Times`` …): an ASCII base letter followed by a mark character,
  e.g. "Vieät Nam", "ñ"/"Ñ" for đ/Đ, "ô"/"ö" for ơ/ư.

Public API: :func:`detect_encoding`, :func:`convert`, :func:`to_unicode`, :func:`encode`
(the inverse, for tests and test-data generators) and :func:`is_vietnamese_syllable`.

Sources of the tables (mapping data transcribed and cross-checked, no code copied)
-------------------------------------------------------------------------------
TCVN3:
  1. UniKey's converter library VnConv (Pham Kim Long), ``SingleByteTables`` "TCVN3" and
     ``UnicodeTable`` in ``fcitx/fcitx5-unikey`` file ``unikey/data.cpp``.
  2. glibc ``iconvdata/tcvn5712-1.c`` (``bminor/glibc``), TCVN 5712:1993 VN1: its 0xA0–0xFF
     range is the TCVN3 table plus the VN1 capitals; the VN1 capitals are taken from here.
  3. XFree86 X-TrueType ``TCVNtoUCS2.c`` (``apple-open-source/macos``,
     ``X11/xc/extras/X-TrueType/TCVN/TCVNtoUCS2.c``).
  4. ``khiemdoan/VBKey`` ``Modules/mdlCodeTable.bas`` (``TCVN3_TABLE``).
  5. ``hdbd789/clinic`` ``Source/PhongKham/PhongKham/Helpers/Converter.cs`` (the same 74-entry
     table appears in ``backupvietsoft/HRM`` ``ConvertVNI/XtraForm1.cs`` and
     ``Eruylz/XuatThuy`` ``Utils/Unicode2TCVN3.cs``).
  6. ``duydev/vietnamese-conversion`` ``src/charsets.ts``.
VNI-Windows:
  1. UniKey VnConv ``DoubleByteTables`` "VNI-WIN" (``fcitx/fcitx5-unikey`` ``unikey/data.cpp``:
     a 16-bit word per letter, low byte = base, high byte = mark).
  2. ``khiemdoan/VBKey`` ``Modules/mdlCodeTable.bas`` (``VNI_WINDOWS_TABLE``).
  3. ``duydev/vietnamese-conversion`` ``src/charsets.ts`` (``VNI``).

Where the sources agree and disagree
-------------------------------------
* The 67 lower-case letters and the 7 capitals Ă Â Ê Ô Ơ Ư Đ of TCVN3 are identical in
  sources 1, 2 (0xA0–0xFF), 4, 5 and 6. The 134 VNI letters are identical in all three
  VNI sources.
* Capitals with a tone mark in TCVN3 — three different answers:
  UniKey (1) and VBKey (4) give them the lower-case code point (the ``.VnTimeH`` convention);
  glibc (2) and X-TrueType (3) give the distinct VN1 code points used here;
  duydev (6) writes an ASCII capital followed by the lower-case toned letter (e.g. "A¸" for
  "Á"), which no font renders as "Á"; not followed.
* VN1 C0 range: glibc has 0x04 Ừ, 0x05 Ử, 0x06 Ữ; X-TrueType has 0x03 Ừ, 0x04 Ử,
  0x05 ủ (lower case, apparently a slip) and nothing at 0x06. glibc is followed.
* VN1 0xB0–0xB4 are combining tone marks (glibc, X-TrueType); TCVN3/ABC does not use them and
  real text has "°", "±", "²", "³" there, so they are left alone. VN1 capitals at 0x80–0x9F are
  decoded only from the C1 control characters U+0080–U+009F, never from the Windows-1252
  punctuation (“ ” – … •) that ABC documents use at those bytes (UniKey keeps them as
  punctuation for TCVN3 too).

Detection heuristics (see :func:`detect_encoding`) are documented next to the thresholds.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from .errors import ImportRefusedError

__all__ = [
    "TCVN3",
    "UNICODE",
    "UNKNOWN_LEGACY",
    "VNI",
    "TCVN3_TO_UNICODE",
    "TCVN3_VN1_CAPITALS",
    "VNI_TO_UNICODE",
    "UnknownLegacyEncodingError",
    "convert",
    "detect_encoding",
    "encode",
    "is_vietnamese_syllable",
    "to_unicode",
]

UNICODE = "unicode"
TCVN3 = "tcvn3"
VNI = "vni"
UNKNOWN_LEGACY = "unknown-legacy"
LEGACY_ENCODINGS = (TCVN3, VNI)


class UnknownLegacyEncodingError(ImportRefusedError):
    """The text is in a legacy Vietnamese encoding this program cannot convert."""


UNKNOWN_LEGACY_MESSAGE = (
    "Tệp dùng một bảng mã tiếng Việt cũ mà chương trình không nhận ra "
    "(không phải Unicode, TCVN3/ABC hay VNI), nên chữ có dấu sẽ bị sai. "
    "Hãy mở tệp, chuyển bảng mã sang Unicode (ví dụ bằng Unikey Toolkit) rồi nhập lại."
)

# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

#: TCVN3 (ABC, "VN3") code point → Unicode: the lower-case letters, one line per base vowel,
#: then the seven capitals that have a code point of their own. ASCII letters map to themselves.
#: "ý" (0xFD) is the same code point in both and is listed so the table is complete.
TCVN3_TO_UNICODE: dict[str, str] = {
    "\xb5": "à", "\xb8": "á", "\xb6": "ả", "\xb7": "ã", "\xb9": "ạ",
    "\xa8": "ă", "\xbb": "ằ", "\xbe": "ắ", "\xbc": "ẳ", "\xbd": "ẵ", "\xc6": "ặ",
    "\xa9": "â", "\xc7": "ầ", "\xca": "ấ", "\xc8": "ẩ", "\xc9": "ẫ", "\xcb": "ậ",
    "\xae": "đ",
    "\xcc": "è", "\xd0": "é", "\xce": "ẻ", "\xcf": "ẽ", "\xd1": "ẹ",
    "\xaa": "ê", "\xd2": "ề", "\xd5": "ế", "\xd3": "ể", "\xd4": "ễ", "\xd6": "ệ",
    "\xd7": "ì", "\xdd": "í", "\xd8": "ỉ", "\xdc": "ĩ", "\xde": "ị",
    "\xdf": "ò", "\xe3": "ó", "\xe1": "ỏ", "\xe2": "õ", "\xe4": "ọ",
    "\xab": "ô", "\xe5": "ồ", "\xe8": "ố", "\xe6": "ổ", "\xe7": "ỗ", "\xe9": "ộ",
    "\xac": "ơ", "\xea": "ờ", "\xed": "ớ", "\xeb": "ở", "\xec": "ỡ", "\xee": "ợ",
    "\xef": "ù", "\xf3": "ú", "\xf1": "ủ", "\xf2": "ũ", "\xf4": "ụ",
    "\xad": "ư", "\xf5": "ừ", "\xf8": "ứ", "\xf6": "ử", "\xf7": "ữ", "\xf9": "ự",
    "\xfa": "ỳ", "\xfd": "ý", "\xfb": "ỷ", "\xfc": "ỹ", "\xfe": "ỵ",
    "\xa1": "Ă", "\xa2": "Â", "\xa7": "Đ", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư",
}  # fmt: skip

#: TCVN 5712:1993 VN1 capitals with a tone mark (glibc ``tcvn5712-1.c``), in the order
#: grave, acute, hook, tilde, dot below for A, Ă, Â, E, Ê, I, O, Ô, Ơ, U, Ư, Y.
TCVN3_VN1_CAPITALS: dict[str, str] = {
    "\x80": "À", "\x83": "Á", "\x81": "Ả", "\x82": "Ã", "\x84": "Ạ",
    "\xaf": "Ằ", "\xc0": "Ắ", "\xba": "Ẳ", "\xbf": "Ẵ", "\x85": "Ặ",
    "\xc1": "Ầ", "\xc4": "Ấ", "\xc2": "Ẩ", "\xc3": "Ẫ", "\x86": "Ậ",
    "\x87": "È", "\x8a": "É", "\x88": "Ẻ", "\x89": "Ẽ", "\x8b": "Ẹ",
    "\xc5": "Ề", "\xda": "Ế", "\xcd": "Ể", "\xd9": "Ễ", "\x8c": "Ệ",
    "\x8d": "Ì", "\x90": "Í", "\x8e": "Ỉ", "\x8f": "Ĩ", "\x91": "Ị",
    "\x92": "Ò", "\x95": "Ó", "\x93": "Ỏ", "\x94": "Õ", "\x96": "Ọ",
    "\xdb": "Ồ", "\xff": "Ố", "\xe0": "Ổ", "\xf0": "Ỗ", "\x97": "Ộ",
    "\x98": "Ờ", "\x9b": "Ớ", "\x99": "Ở", "\x9a": "Ỡ", "\x9c": "Ợ",
    "\x9d": "Ù", "\x01": "Ú", "\x9e": "Ủ", "\x9f": "Ũ", "\x02": "Ụ",
    "\x04": "Ừ", "\x11": "Ứ", "\x05": "Ử", "\x06": "Ữ", "\x12": "Ự",
    "\x13": "Ỳ", "\x16": "Ý", "\x14": "Ỷ", "\x15": "Ỹ", "\x17": "Ỵ",
}  # fmt: skip

#: VNI-Windows sequence → Unicode (UniKey "VNI-WIN"). Letters absent here are the same in both
#: (ASCII, and í ì Í Ì, which VNI writes with the Latin-1 code point itself).
VNI_TO_UNICODE: dict[str, str] = {
    "aø": "à", "aù": "á", "aû": "ả", "aõ": "ã", "aï": "ạ",
    "aê": "ă", "aè": "ằ", "aé": "ắ", "aú": "ẳ", "aü": "ẵ", "aë": "ặ",
    "aâ": "â", "aà": "ầ", "aá": "ấ", "aå": "ẩ", "aã": "ẫ", "aä": "ậ",
    "ñ": "đ",
    "eø": "è", "eù": "é", "eû": "ẻ", "eõ": "ẽ", "eï": "ẹ",
    "eâ": "ê", "eà": "ề", "eá": "ế", "eå": "ể", "eã": "ễ", "eä": "ệ",
    "æ": "ỉ", "ó": "ĩ", "ò": "ị",
    "oø": "ò", "où": "ó", "oû": "ỏ", "oõ": "õ", "oï": "ọ",
    "oâ": "ô", "oà": "ồ", "oá": "ố", "oå": "ổ", "oã": "ỗ", "oä": "ộ",
    "ô": "ơ", "ôø": "ờ", "ôù": "ớ", "ôû": "ở", "ôõ": "ỡ", "ôï": "ợ",
    "uø": "ù", "uù": "ú", "uû": "ủ", "uõ": "ũ", "uï": "ụ",
    "ö": "ư", "öø": "ừ", "öù": "ứ", "öû": "ử", "öõ": "ữ", "öï": "ự",
    "yø": "ỳ", "yù": "ý", "yû": "ỷ", "yõ": "ỹ", "î": "ỵ",
    "AØ": "À", "AÙ": "Á", "AÛ": "Ả", "AÕ": "Ã", "AÏ": "Ạ",
    "AÊ": "Ă", "AÈ": "Ằ", "AÉ": "Ắ", "AÚ": "Ẳ", "AÜ": "Ẵ", "AË": "Ặ",
    "AÂ": "Â", "AÀ": "Ầ", "AÁ": "Ấ", "AÅ": "Ẩ", "AÃ": "Ẫ", "AÄ": "Ậ",
    "Ñ": "Đ",
    "EØ": "È", "EÙ": "É", "EÛ": "Ẻ", "EÕ": "Ẽ", "EÏ": "Ẹ",
    "EÂ": "Ê", "EÀ": "Ề", "EÁ": "Ế", "EÅ": "Ể", "EÃ": "Ễ", "EÄ": "Ệ",
    "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
    "OØ": "Ò", "OÙ": "Ó", "OÛ": "Ỏ", "OÕ": "Õ", "OÏ": "Ọ",
    "OÂ": "Ô", "OÀ": "Ồ", "OÁ": "Ố", "OÅ": "Ổ", "OÃ": "Ỗ", "OÄ": "Ộ",
    "Ô": "Ơ", "ÔØ": "Ờ", "ÔÙ": "Ớ", "ÔÛ": "Ở", "ÔÕ": "Ỡ", "ÔÏ": "Ợ",
    "UØ": "Ù", "UÙ": "Ú", "UÛ": "Ủ", "UÕ": "Ũ", "UÏ": "Ụ",
    "Ö": "Ư", "ÖØ": "Ừ", "ÖÙ": "Ứ", "ÖÛ": "Ử", "ÖÕ": "Ữ", "ÖÏ": "Ự",
    "YØ": "Ỳ", "YÙ": "Ý", "YÛ": "Ỷ", "YÕ": "Ỹ", "Î": "Ỵ",
}  # fmt: skip

# ---- derived tables -------------------------------------------------------------------------

_TCVN3_DECODE: dict[str, str] = {**TCVN3_TO_UNICODE, **TCVN3_VN1_CAPITALS}
_TCVN3_TRANSLATE = str.maketrans(_TCVN3_DECODE)
_VN1_CODES = frozenset(TCVN3_VN1_CAPITALS)
_VN1_LETTERS = frozenset(TCVN3_VN1_CAPITALS.values())
_TCVN3_LOWER_CODES = frozenset(k for k, v in TCVN3_TO_UNICODE.items() if v.islower())

_VNI_DECODE = VNI_TO_UNICODE
# Longest match first: "ôù" is ớ, not ơ followed by a stray mark.
_VNI_PATTERN = re.compile(
    "|".join(re.escape(seq) for seq in sorted(_VNI_DECODE, key=len, reverse=True))
)
_VNI_PAIR_PATTERN = re.compile("|".join(re.escape(seq) for seq in _VNI_DECODE if len(seq) == 2))

_UNICODE_TO_TCVN3: dict[str, str] = {v: k for k, v in _TCVN3_DECODE.items() if k != v}
_UNICODE_TO_VNI: dict[str, str] = {v: k for k, v in VNI_TO_UNICODE.items()}

#: Characters that mean something else in each legacy encoding: ``encode`` refuses them when
#: they are not Vietnamese letters, since they would not come back unchanged.
_RESERVED = {
    TCVN3: frozenset(k for k, v in _TCVN3_DECODE.items() if k != v),
    VNI: frozenset("".join(_VNI_DECODE)) - frozenset("AaEeOoUuYy"),  # ASCII bases stay letters
}

_TONE_MARKS = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}

#: Letters only Unicode Vietnamese has (neither TCVN3 nor VNI text can contain them).
_VIET_UNICODE_ONLY = frozenset("ăĂđĐĩĨũŨơƠưƯ") | frozenset(chr(c) for c in range(0x1EA0, 0x1EFA))

# --------------------------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------------------------


def convert(text: str, encoding: str, *, fix_case: bool = True) -> str:
    """Convert ``text`` written in ``encoding`` ("tcvn3" or "vni") to Unicode NFC.

    ``"unicode"`` only normalises to NFC. For TCVN3, ``fix_case`` restores capitals that
    ``.VnTimeH`` fonts drew from lower-case code points. A "shouting" word has two or more
    capitals (ASCII or TCVN3 Ă Â Ê Ô Ơ Ư Đ) and no ASCII lower-case letter ("CéNG", "§I").
    If the text has one and no ASCII lower-case letter at all, all of it is upper-cased
    ("CéNG HOµ X· HéI" → "CỘNG HOÀ XÃ HỘI"); otherwise each run of words without an ASCII
    lower-case letter that holds two shouting words is ("Phô lôc 1. NHIÖM Vô Vµ GI¶I PH¸P").
    Nothing is changed when the text uses VN1 capitals (case is then explicit). A capital
    written with ``.VnTimeH`` inside lower-case text ("ñy ban" for "Ủy ban") cannot be told
    from a small letter and stays small.
    """
    if text is None:
        return ""
    text = str(text)
    if encoding == UNICODE:
        return unicodedata.normalize("NFC", text)
    if encoding == TCVN3:
        converted = text.translate(_TCVN3_TRANSLATE)
        if fix_case:
            converted = _restore_vntimeh_capitals(text, converted)
        return unicodedata.normalize("NFC", converted)
    if encoding == VNI:
        converted = _VNI_PATTERN.sub(lambda m: _VNI_DECODE[m.group()], text)
        return unicodedata.normalize("NFC", converted)
    raise ValueError(f"Không chuyển được từ bảng mã {encoding!r} (chỉ hỗ trợ tcvn3, vni, unicode).")


_TCVN3_WORD = re.compile(
    r"(?:[^\W\d_]|[" + "".join(re.escape(c) for c in sorted(_TCVN3_DECODE)) + r"])+"
)


_TCVN3_CAPITAL_CODES = frozenset(k for k, v in TCVN3_TO_UNICODE.items() if v.isupper())


def _restore_vntimeh_capitals(original: str, converted: str) -> str:
    # TCVN3 decoding maps one character to one character, so spans line up in both strings.
    if not _TCVN3_LOWER_CODES.intersection(original) or _VN1_CODES.intersection(original):
        return converted
    words = list(_TCVN3_WORD.finditer(original))

    def has_lower(word: str) -> bool:
        return any("a" <= c <= "z" for c in word)

    def shouting(word: str) -> bool:  # "CéNG", "§I": two capitals, no ASCII lower-case letter
        capitals = sum("A" <= c <= "Z" or c in _TCVN3_CAPITAL_CODES for c in word)
        return capitals >= 2 and not has_lower(word)

    if not any(shouting(m.group()) for m in words):
        return converted
    if not has_lower(original):
        to_upper = words  # the whole text is in capitals: "CéNG HOµ X· HéI"
    else:
        # Runs of words without an ASCII lower-case letter that hold at least two shouting
        # words: "NHIÖM Vô Vµ GI¶I PH¸P" is a heading, "TP Hå" or "UBND X·" is not.
        to_upper, run, loud = [], [], 0
        for match in [*words, None]:
            if match is None or has_lower(match.group()):
                if loud >= 2:
                    to_upper.extend(run)
                run, loud = [], 0
                continue
            run.append(match)
            loud += shouting(match.group())
    chars = list(converted)
    for match in to_upper:
        for i in range(match.start(), match.end()):
            upper = chars[i].upper()
            if len(upper) == 1:
                chars[i] = upper
    return "".join(chars)


def encode(text: str, encoding: str, *, tcvn3_capitals: str = "vn1") -> str:
    """Write Unicode ``text`` in a legacy encoding: the inverse of :func:`convert`.

    ``tcvn3_capitals`` chooses how TCVN3 writes capitals with a tone mark: ``"vn1"`` (default)
    uses the distinct TCVN 5712 VN1 code points, so ``convert(encode(t)) == NFC(t)``;
    ``"vntimeh"`` writes the lower-case code point, as UniKey/ABC do for ``.VnTimeH`` fonts
    (the case then survives only through :func:`convert`'s capital restoration).
    Raises ``ValueError`` for a character that would read back as something else
    (e.g. "µ" or "ñ" in TCVN3, "ö" in VNI).
    """
    text = unicodedata.normalize("NFC", str(text))
    if encoding == UNICODE:
        return text
    if encoding == TCVN3:
        if tcvn3_capitals not in ("vn1", "vntimeh"):
            raise ValueError(f"tcvn3_capitals phải là 'vn1' hoặc 'vntimeh', không phải {tcvn3_capitals!r}.")
        table = _UNICODE_TO_TCVN3
    elif encoding == VNI:
        table = _UNICODE_TO_VNI
    else:
        raise ValueError(f"Không ghi được sang bảng mã {encoding!r} (chỉ hỗ trợ tcvn3, vni).")
    reserved = _RESERVED[encoding]
    out: list[str] = []
    for ch in text:
        if encoding == TCVN3 and tcvn3_capitals == "vntimeh" and ch in _VN1_LETTERS:
            out.append(table.get(ch.lower(), ch.lower()))  # "ý" is the same code point
        elif ch in table:
            out.append(table[ch])
        elif ch in reserved:
            raise ValueError(f"Ký tự {ch!r} (U+{ord(ch):04X}) không ghi được trong bảng mã {encoding}.")
        else:
            out.append(ch)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Vietnamese syllables
# --------------------------------------------------------------------------------------------

_ONSETS = tuple(
    "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split()
) + ("",)
_OPEN_RHYMES = (
    "a ai ao au ay âu ây e eo ê êu i ia iu iêu yêu o oa oai oao oay oe oeo oi ô ôi ơ ơi "
    "u ua uây uê ui uôi uơ uy uya uyu ư ưa ưi ưu ươi ươu y"
).split()
_CLOSED_RHYMES = {  # nucleus: final consonants it takes
    "a": "c ch m n ng nh p t", "ă": "c m n ng p t", "â": "c m n ng p t",
    "e": "c m n ng p t", "ê": "ch m n nh p t", "i": "ch m n nh p t",
    "o": "c m n ng p t", "oo": "c ng", "ô": "c m n ng p t", "ơ": "m n p t",
    "u": "c m n ng p t", "ư": "c m n ng t", "iê": "c m n ng p t", "yê": "m n ng t",
    "uô": "c m n ng t", "ươ": "c m n ng p t", "oa": "c ch m n ng nh p t",
    "oă": "c m n ng t", "oe": "m n ng t", "uâ": "n ng t", "uê": "ch n nh",
    "uy": "ch n nh p t", "uyê": "n t", "y": "ch n nh t",
}  # fmt: skip
for _nucleus in ("a", "ă", "ê", "ô", "ơ", "u"):  # Central Highlands names: Đắk Lắk, Krông Búk
    _CLOSED_RHYMES[_nucleus] += " k"
_RHYMES = frozenset(_OPEN_RHYMES) | frozenset(
    nucleus + final for nucleus, finals in _CLOSED_RHYMES.items() for final in finals.split()
)
_STOP_FINALS = ("c", "ch", "k", "p", "t")


@functools.lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (any case, NFC or NFD) is spelled like a Vietnamese syllable.

    Onset + rhyme from the standard inventories (plus final "k" of Central Highlands names),
    at most one tone mark, and a syllable ending in c/ch/k/p/t only with the sắc or nặng
    tone. Where the tone mark sits (hòa/hoà) is not checked.
    """
    if not word or len(word) > 8:
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    for onset in _ONSETS:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset) :]
        if rhyme not in _RHYMES:
            continue
        if onset == "qu" and rhyme.startswith("u"):
            continue
        if rhyme.endswith(_STOP_FINALS) and not (tones and _TONE_MARKS[tones[0]] in ("sac", "nang")):
            continue
        return True
    return False


# --------------------------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------------------------

# Word characters for scoring: letters, combining marks and every legacy code point.
_LEGACY_CHARS = frozenset(_TCVN3_DECODE) | frozenset("".join(_VNI_DECODE))
_DETECT_WORD = re.compile(
    r"(?:[^\W\d_]|[\u0300-\u036f"
    + "".join(re.escape(c) for c in sorted(_LEGACY_CHARS))
    + r"])+"
)
#: Legacy code points that are not letters in Unicode (·, ¸, ¶, ®, soft hyphen, controls …):
#: inside a word they are near-certain signs of a legacy encoding.
_SYMBOL_CODES = frozenset(c for c in _TCVN3_DECODE if not c.isalpha())
_VIETNAMESE_LETTERS = frozenset(_TCVN3_DECODE.values()) | frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)
#: TCVN3 code points that are symbols, or letters Vietnamese does not have ("Ö", "ß", "ñ" …):
#: a word they turn into a Vietnamese syllable ("ViÖt", "x·") is strong TCVN3 evidence.
#: Not the ordinal indicators ("nº"), nor the micro sign at the start of a word ("5 µm").
_TCVN3_DISTINCTIVE = _SYMBOL_CODES | frozenset(
    c for c in _TCVN3_DECODE if c.isalpha() and c not in _VIETNAMESE_LETTERS and c not in "µªº"
)
#: VNI characters that do not follow a vowel in Western orthographies (so "où", "naïve",
#: "Raúl" are no evidence, while "Vieät", "ñöôïc", "Nhaø" are).
_VNI_DISTINCTIVE = frozenset("ñÑäÄøØõÕåÅãÃüÜâÂêÊöÖ")

# Thresholds, as fractions of the candidate words (words of 2+ characters with a non-ASCII one).
MIN_GAIN = 0.20  # legacy reading must make this many more words valid than the Unicode reading
MIN_VALID = 0.50  # and at least this share of candidate words must be valid syllables after it
MIN_FIXED_WITHOUT_DISTINCTIVE = 3  # distinct words it repairs, unless one has a distinctive char
# unknown-legacy, route 1: words with a non-letter legacy code point inside ("Vi¿t") …
UNKNOWN_MIN_SUSPICIOUS = 3  # … at least this many,
UNKNOWN_SUSPICIOUS_SHARE = 0.30  # … making up this share of candidates,
UNKNOWN_MAX_VALID = 0.50  # while at most this share reads as valid Unicode Vietnamese.
# unknown-legacy, route 2: the plain ASCII words are Vietnamese ("Nam", "ban", "gian") but no
# reading makes the accented words Vietnamese:
UNKNOWN_MIN_WORDS = 3  # candidate words at least,
UNKNOWN_MIN_PLAIN = 3  # plain ASCII words at least,
UNKNOWN_PLAIN_VIETNAMESE = 0.70  # share of them that are Vietnamese syllables,
UNKNOWN_ACCENTED_SHARE = 0.25  # share of all words that are candidates; and no reading > 50 %.
UNKNOWN_MAX_VIET_ONLY = 0.20  # never unknown-legacy when this share has letters only Unicode has


class _WordScore(NamedTuple):
    unicode: bool  # a Vietnamese syllable as it stands
    tcvn3: bool  # … once read as TCVN3
    vni: bool  # … once read as VNI
    tcvn3_mark: bool  # holds a character distinctive of TCVN3
    vni_mark: bool  # holds a character distinctive of VNI
    tcvn3_shape: bool  # holds a TCVN3 symbol code point, which VNI text never has
    vni_shape: bool  # holds a VNI vowel + mark pair, which TCVN3 text almost never has
    suspicious: bool  # a non-letter legacy code point between two word characters
    viet_only: bool  # a letter only Unicode Vietnamese has


@functools.lru_cache(maxsize=65536)
def _score_word(word: str) -> _WordScore:
    as_tcvn3 = word.translate(_TCVN3_TRANSLATE)
    as_vni = _VNI_PATTERN.sub(lambda m: _VNI_DECODE[m.group()], word)
    return _WordScore(
        unicode=is_vietnamese_syllable(word),
        tcvn3=is_vietnamese_syllable(as_tcvn3),
        vni=is_vietnamese_syllable(as_vni),
        tcvn3_mark=any(c in _TCVN3_DISTINCTIVE for c in word) or "µ" in word[1:],  # not "µm"
        vni_mark=any(c in _VNI_DISTINCTIVE for c in word),
        tcvn3_shape=any(c in _SYMBOL_CODES for c in word),
        vni_shape=_VNI_PAIR_PATTERN.search(word) is not None,
        suspicious=any(c in _SYMBOL_CODES for c in word[1:-1]),  # "Microsoft®" is no sign
        viet_only=any(c in _VIET_UNICODE_ONLY for c in word),
    )


def _words(texts: Iterable[object]) -> tuple[list[str], list[str]]:
    """(candidate words: 2+ characters with a non-ASCII one; plain ASCII words of 2+ letters
    that are not all capitals), each as often as it occurs. An annex repeats its texts (the
    same agencies, the same deadlines): each distinct text is split once."""
    candidates: list[str] = []
    plain: list[str] = []
    for text, times in Counter(str(text) for text in texts if text is not None).items():
        found, ascii_words = [], []
        for match in _DETECT_WORD.finditer(unicodedata.normalize("NFC", text)):
            word = match.group()
            if len(word) < 2:
                continue
            if not word.isascii():
                found.append(word)
            elif not word.isupper():  # acronyms and Roman numerals say nothing of the language
                ascii_words.append(word)
        candidates.extend(found * times)
        plain.extend(ascii_words * times)
    return candidates, plain


def _tally(words: list[str]) -> dict[str, int]:
    """Counts over the candidate words.

    ``X``: words valid once read as X; ``X_repaired`` / ``X_broken``: words it makes valid /
    invalid; ``X_shape``: valid words with X's telltale shape. ``X_fixed`` and ``X_strong``
    count distinct words (case-folded), so one word repeated ("où … où") is one piece of
    evidence; a strong word is repaired by X, not valid under the other legacy reading, and
    holds a character distinctive of X.
    """
    counts = dict.fromkeys(
        ("n", UNICODE, TCVN3, VNI, "suspicious", "viet_only")
        + tuple(f"{e}_{k}" for e in LEGACY_ENCODINGS for k in ("repaired", "broken", "shape")),
        0,
    )
    fixed: dict[str, set[str]] = {TCVN3: set(), VNI: set()}
    strong: dict[str, set[str]] = {TCVN3: set(), VNI: set()}
    for word, times in Counter(words).items():  # each distinct word scored once, counted as often as it occurs
        score = _score_word(word)
        counts["n"] += times
        counts[UNICODE] += score.unicode * times
        counts["suspicious"] += score.suspicious * times
        counts["viet_only"] += score.viet_only * times
        for name, other, valid, mark, shape in (
            (TCVN3, score.vni, score.tcvn3, score.tcvn3_mark, score.tcvn3_shape),
            (VNI, score.tcvn3, score.vni, score.vni_mark, score.vni_shape),
        ):
            counts[name] += valid * times
            counts[name + "_broken"] += (score.unicode and not valid) * times
            counts[name + "_shape"] += (valid and shape) * times
            if valid and not score.unicode:
                counts[name + "_repaired"] += times
                fixed[name].add(word.casefold())
                if mark and not other:
                    strong[name].add(word.casefold())
    for name in LEGACY_ENCODINGS:
        counts[name + "_fixed"] = len(fixed[name])
        counts[name + "_strong"] = len(strong[name])
    return counts


def detect_encoding(texts: Iterable[str]) -> str:
    """Decide, from a whole sample (e.g. every cell text of a sheet), how it is encoded.

    Returns ``"unicode"``, ``"tcvn3"``, ``"vni"`` or ``"unknown-legacy"``.

    Scoring: the candidate words are the words of two or more characters with a non-ASCII
    character (letters, combining marks and legacy code points count as word characters).
    Each is read three ways — as Unicode, as TCVN3, as VNI — and checked with
    :func:`is_vietnamese_syllable`. A legacy reading qualifies when, over the candidates, it
    makes at least ``MIN_GAIN`` (20 %) more words valid than the Unicode reading, leaves at
    least ``MIN_VALID`` (50 %) valid, repairs more words than it breaks, and repairs at least
    ``MIN_FIXED_WITHOUT_DISTINCTIVE`` (3) different words — or one word that only this
    reading makes valid and that holds a distinctive character (TCVN3: a code point that is a
    symbol such as "·", "¸", "®" or a letter Vietnamese lacks such as "Ö"; VNI: a mark that
    does not follow vowels in Western spelling such as "ä", "ø", "ñ"). When both qualify, the
    one whose telltale shape is more frequent wins (TCVN3: symbol code points, which VNI never
    uses; VNI: vowel + mark pairs, which TCVN3 text practically never has), then the one with
    more valid words, more distinctive repaired words, more repaired words. Plain ASCII,
    numbers and dates have no candidates and are ``"unicode"``; real Unicode Vietnamese and
    French/English accents do not gain from a legacy reading.

    ``"unknown-legacy"`` (text in some other old encoding: VISCII, VPS, a code page mix-up …)
    is returned when no reading wins, fewer than ``UNKNOWN_MAX_VIET_ONLY`` of the candidates
    hold letters only Unicode has, and either (1) at least ``UNKNOWN_MIN_SUSPICIOUS`` candidate
    words, ``UNKNOWN_SUSPICIOUS_SHARE`` of them, have a non-letter legacy code point between
    two word characters while at most ``UNKNOWN_MAX_VALID`` read as Unicode Vietnamese; or
    (2) the plain ASCII words look Vietnamese (at least ``UNKNOWN_MIN_PLAIN`` of them,
    ``UNKNOWN_PLAIN_VIETNAMESE`` valid syllables), the accented words are common
    (``UNKNOWN_ACCENTED_SHARE`` of all words) and no reading makes more than
    ``UNKNOWN_MAX_VALID`` of them Vietnamese. English or French text fails (2) because most
    of its plain words are not Vietnamese syllables.
    """
    candidates, plain = _words(texts)
    counts = _tally(candidates)
    n = counts["n"]
    if n == 0:
        return UNICODE
    best: str | None = None
    best_rank: tuple[bool, int, int, int] = (False, 0, 0, 0)
    for name in LEGACY_ENCODINGS:
        valid, fixed = counts[name], counts[name + "_fixed"]
        if (
            fixed >= 1
            and (valid - counts["unicode"]) / n >= MIN_GAIN
            and valid / n >= MIN_VALID
            and counts[name + "_repaired"] > counts[name + "_broken"]
            and (fixed >= MIN_FIXED_WITHOUT_DISTINCTIVE or counts[name + "_strong"] >= 1)
        ):
            other = VNI if name == TCVN3 else TCVN3
            rank = (
                counts[name + "_shape"] > counts[other + "_shape"],
                valid,
                counts[name + "_strong"],
                fixed,
            )
            if best is None or rank > best_rank:
                best, best_rank = name, rank
    if best is not None:
        return best
    if counts["viet_only"] / n >= UNKNOWN_MAX_VIET_ONLY:
        return UNICODE
    if (
        counts["suspicious"] >= UNKNOWN_MIN_SUSPICIOUS
        and counts["suspicious"] / n >= UNKNOWN_SUSPICIOUS_SHARE
        and counts["unicode"] / n <= UNKNOWN_MAX_VALID
    ):
        return UNKNOWN_LEGACY
    plain_valid = sum(map(is_vietnamese_syllable, plain))
    if (
        n >= UNKNOWN_MIN_WORDS
        and max(counts[UNICODE], counts[TCVN3], counts[VNI]) / n <= UNKNOWN_MAX_VALID
        and len(plain) >= UNKNOWN_MIN_PLAIN
        and plain_valid / len(plain) >= UNKNOWN_PLAIN_VIETNAMESE
        and n / (n + len(plain)) >= UNKNOWN_ACCENTED_SHARE
    ):
        return UNKNOWN_LEGACY
    return UNICODE


def _keep_as_unicode(text: str, encoding: str) -> bool:
    """A cell of a legacy sheet that is already Unicode (e.g. a title retyped later)."""
    words, _ = _words([text])
    if not words:
        return False
    counts = _tally(words)
    return counts["viet_only"] > 0 or counts[encoding] < counts["unicode"]


def to_unicode(texts: list[str]) -> tuple[list[str], str]:
    """Detect the encoding of ``texts`` as a whole, then return them in Unicode NFC.

    Returns the converted texts (same length and order) and the encoding found. In a sheet
    found to be TCVN3 or VNI, a text that evidently is Unicode already (it has letters only
    Unicode has, or the legacy reading would make fewer of its words valid) is only
    normalised. Raises :class:`UnknownLegacyEncodingError` (a Vietnamese message for the
    user) for ``"unknown-legacy"``.
    """
    items = ["" if t is None else str(t) for t in texts]
    encoding = detect_encoding(items)
    if encoding == UNKNOWN_LEGACY:
        raise UnknownLegacyEncodingError(UNKNOWN_LEGACY_MESSAGE)
    if encoding == UNICODE:
        return [unicodedata.normalize("NFC", t) for t in items], UNICODE
    converted = [
        unicodedata.normalize("NFC", t) if _keep_as_unicode(t, encoding) else convert(t, encoding)
        for t in items
    ]
    return converted, encoding
