"""PDF: the text layer when there is a usable one, OCR of the rendered pages otherwise.

pypdfium2 (PDFium) was chosen for speed and for the positions of its text runs, which let the
two header and signature columns be read apart (see ``columns``). A text layer that holds only a
digital-signature box (``Ký bởi: …``, ``Thời gian ký: …``: a few hundred characters on a full
page) is not usable text: such a page is a scan with a signature stamp, and goes to OCR.
"""

from __future__ import annotations

import regex

from ..read import Document, ReadError
from ..record import Source
from .columns import Box, reading_order

MIN_CHARS_PER_PAGE = 200
_SIGNATURE_BOX = regex.compile(r"(?i)ký\s+bởi|thời\s+gian\s+ký|signed\s+by|email\s*:|cơ\s+quan\s*:")


def usable_text(text: str) -> bool:
    """A page's text layer is usable when it is more than a digital-signature box."""
    stripped = _SIGNATURE_BOX.sub("", text)
    letters = sum(ch.isalpha() for ch in stripped)
    return letters >= MIN_CHARS_PER_PAGE


def _page_text(page) -> str:
    textpage = page.get_textpage()
    width, _height = page.get_size()
    boxes = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top).strip()
        if text:
            boxes.append(Box(left, -top, right, -bottom, text.replace("\r\n", " ").replace("\n", " ")))
    textpage.close()
    return reading_order(boxes, width) if boxes else ""


def read_pdf(data: bytes, src: Source) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as e:  # noqa: BLE001 - PDFium reports broken files with one error type
        raise ReadError("unreadable", f"not a readable PDF: {e}", src) from e
    src.pages = len(pdf)
    texts = [_page_text(pdf[i]) for i in range(len(pdf))]
    scanned = [i for i, t in enumerate(texts) if not usable_text(t)]
    warnings: list[tuple[str, str]] = []
    if scanned:
        from .ocr import OcrUnavailable, ocr_images, ocr_warnings

        images = [pdf[i].render(scale=300 / 72).to_pil() for i in scanned]
        try:
            results = ocr_images(images)
        except OcrUnavailable as e:
            raise ReadError("ocr_unavailable", f"{len(scanned)} page(s) need OCR: {e}", src) from e
        for i, result in zip(scanned, results):
            texts[i] = result.text
        src.ocr = True
        warnings.extend(ocr_warnings(results))
    pdf.close()
    src.encoding = None
    return Document("\n".join(texts), src, warnings)
