"""PDF: the text layer when there is a usable one, OCR of the rendered pages otherwise.

pypdfium2 (PDFium) was chosen for speed and for the positions of its text runs, which let the
two header and signature columns be read apart (see ``columns``). A text layer that holds only a
digital-signature box (``Ký bởi: …``, ``Thời gian ký: …``: a few hundred characters on a full
page) is not usable text: such a page is a scan with a signature stamp, and goes to OCR.
"""

from __future__ import annotations

import regex

from ..record import Source
from .base import READERS, Document, ReadError
from .columns import Box, join_pages, reading_order
from .ocr import OcrUnavailable, ocr_images, ocr_warnings, unreadable_fields

MIN_CHARS_PER_PAGE = 200
WORD_GAP = 0.8  # a gap between two glyphs wider than this share of the glyph height starts a new word
_SIGNATURE_BOX = regex.compile(r"(?i)ký\s+bởi|thời\s+gian\s+ký|signed\s+by|email\s*:|cơ\s+quan\s*:")


def usable_text(text: str) -> bool:
    """A page's text layer is usable when it is more than a digital-signature box."""
    stripped = _SIGNATURE_BOX.sub("", text)
    letters = sum(ch.isalpha() for ch in stripped)
    return letters >= MIN_CHARS_PER_PAGE


def _page_text(page) -> str:
    """The page's words with their boxes (from PDFium's characters), then in reading order."""
    textpage = page.get_textpage()
    width, _height = page.get_size()
    text = textpage.get_text_range()
    boxes: list[Box] = []
    word: list[str] = []
    box: list[float] = []

    def flush() -> None:
        if word:
            boxes.append(Box(box[0], -box[3], box[2], -box[1], "".join(word)))
            word.clear()

    for i, ch in enumerate(text[:textpage.count_chars()]):
        if ch.isspace():
            flush()
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        if word and left - box[2] > (box[3] - box[1]) * WORD_GAP:  # a wide jump without a space
            flush()
        if not word:
            box = [left, bottom, right, top]
        else:
            box = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        word.append(ch)
    flush()
    textpage.close()
    return reading_order(boxes, width) if boxes else ""


def _signing_times(pdf) -> list[str]:
    """When the PDF was digitally signed (``D:20250117170630+07'00'`` → ``2025-01-17T17:06:30+07:00``):
    a published directive carries its signers' timestamps, a fact a tracker can use."""
    import ctypes

    import pypdfium2.raw as raw

    times = []
    for i in range(raw.FPDF_GetSignatureCount(pdf.raw)):
        sig = raw.FPDF_GetSignatureObject(pdf.raw, i)
        size = raw.FPDFSignatureObj_GetTime(sig, None, 0)
        buf = ctypes.create_string_buffer(size)
        raw.FPDFSignatureObj_GetTime(sig, buf, size)
        m = _PDF_DATE.match(buf.value.decode("latin-1"))
        if m:
            zone = f"{m['tz']}:{m['tzm']}" if m["tz"] else ""
            times.append(f"{m['y']}-{m['mo']}-{m['d']}T{m['h']}:{m['mi']}:{m['s']}{zone}")
    return times


_PDF_DATE = regex.compile(r"D:(?P<y>\d{4})(?P<mo>\d\d)(?P<d>\d\d)(?P<h>\d\d)(?P<mi>\d\d)(?P<s>\d\d)"
                          r"(?:(?P<tz>[+-]\d\d)'(?P<tzm>\d\d))?")


@READERS.register("pdf", (".pdf",), magic=(b"%PDF",))
def read_pdf(data: bytes, src: Source) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as e:  # noqa: BLE001 - PDFium reports broken files with one error type
        raise ReadError("unreadable", f"not a readable PDF: {e}", src) from e
    src.pages = len(pdf)
    src.signed = _signing_times(pdf)
    texts = [_page_text(pdf[i]) for i in range(len(pdf))]
    scanned = [i for i, t in enumerate(texts) if not usable_text(t)]
    warnings: list[tuple[str, str]] = []
    unreadable: frozenset[str] = frozenset()
    if scanned:
        images = [pdf[i].render(scale=300 / 72).to_pil() for i in scanned]
        try:
            results = ocr_images(images)
        except OcrUnavailable as e:
            raise ReadError("ocr_unavailable", f"{len(scanned)} page(s) need OCR: {e}", src) from e
        for i, result in zip(scanned, results, strict=True):
            texts[i] = result.text
        src.ocr = True
        warnings.extend(ocr_warnings(results))
        unreadable = unreadable_fields(results)
    pdf.close()
    src.encoding = None
    return Document(join_pages(texts), src, warnings, unreadable)
