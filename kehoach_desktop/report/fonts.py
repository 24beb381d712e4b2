"""The report's fonts: Tinos, shipped in kehoach_desktop/resources/fonts, metric-compatible with Times New Roman.

The PDF embeds subsets of them, so it looks the same on a machine without Times New Roman;
the Word copy names Times New Roman, which every office PC has.
"""

from __future__ import annotations

from ..errors import NotFoundError
from ..paths import fonts_dir

FAMILY = "Tinos"
WORD_FONT = "Times New Roman"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (f"{FAMILY}{style}" for style in ("", "-Bold", "-Italic", "-BoldItalic"))
_FILES = {REGULAR: "Tinos-Regular.ttf", BOLD: "Tinos-Bold.ttf", ITALIC: "Tinos-Italic.ttf",
          BOLD_ITALIC: "Tinos-BoldItalic.ttf"}


def register_pdf_fonts() -> None:
    """Register the four faces and their family with reportlab (once per process)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name, file_name in _FILES.items():
        path = fonts_dir() / file_name
        if not path.is_file():
            raise NotFoundError(f"Thiếu tệp phông chữ “{path}”: hãy cài lại chương trình.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
