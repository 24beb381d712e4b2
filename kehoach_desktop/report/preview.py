"""PDF pages as RGB pixels (pypdfium2), for the preview in the window and for printing. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2


@dataclass(frozen=True)
class PageImage:
    width: int
    height: int
    rgb: bytes  # width * 3 bytes per row


class PdfPages:
    """An open PDF (from bytes) whose pages can be measured and rendered one at a time."""

    def __init__(self, pdf: bytes):
        self._pdf = pdf  # pdfium reads from this buffer for as long as the document is open
        self._document = pypdfium2.PdfDocument(pdf)

    def __len__(self) -> int:
        return len(self._document)

    def size(self, index: int) -> tuple[float, float]:
        """The page's width and height in points."""
        return tuple(self._document[index].get_size())

    def render(self, index: int, dpi: float) -> PageImage:
        page = self._document[index]
        image = page.render(scale=dpi / 72).to_pil().convert("RGB")
        return PageImage(image.width, image.height, image.tobytes())

    def close(self) -> None:
        self._document.close()
