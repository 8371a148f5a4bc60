"""PDF: the text layer when there is a usable one, OCR of the rendered pages otherwise.

pypdfium2 (PDFium) was chosen for speed and for the position of every glyph. Words are built
from the glyphs' boxes and baselines, not from the text runs PDFium reports: LibreOffice draws the
letters its body font lacks from a fallback font, after the rest of the line, and runs then read
"T Ỉ NH". The lines are read in order with the header and signature columns apart (``columns``),
and the values e-office systems fill in at signing (form fields) join the line they sit on.
A page with an image whose text layer holds only a digital-signature box (``Ký bởi: …``,
``Thời gian ký: …``) is a scan with a signature stamp, and goes to OCR.
"""

from __future__ import annotations

import ctypes
import os
import unicodedata
from dataclasses import dataclass, replace

from ..grammar import patterns
from ..record import Source
from ..regex_cache import compile_pattern
from .base import Document, ReadError
from .columns import Box, is_page_number, join_pages, lines_in_order, side_by_side
from .ocr import MAX_OCR_PAGES, MAX_PIXELS, OcrFailed, OcrUnavailable, ocr_images, ocr_warnings, unreadable_fields

MIN_CHARS_PER_PAGE = 200
OCR_DPI = 300  # resolution a page without text is rendered at for OCR
BASELINE_SHIFT = 0.3  # glyphs whose baselines differ by less than this share of a glyph's height share a line
WORD_GAP = 0.1  # a gap between glyphs wider than this share of the line's glyph height parts words (within a
# word they abut: gaps up to 0.07 on LibreOffice PDFs; a space squeezed by a wider fallback glyph is 0.11)


def usable_text(text: str) -> bool:
    """A page's text layer is usable when it is more than a digital-signature box."""
    stripped = patterns("readers")["pdf"]["signature_box"].sub("", text)
    letters = sum(ch.isalpha() for ch in stripped)
    return letters >= MIN_CHARS_PER_PAGE


def _glyphs(textpage) -> list[Box]:
    """Every glyph PDFium found, with its loose box (the advance width, so the glyphs of a word
    abut); a space or line break the file itself writes is kept as a separator box (text " ").
    The spaces and line breaks PDFium adds (wherever a text run or the font changes) are left
    out: they are its guess, and they split words whose letters come from two fonts."""
    import pypdfium2.raw as raw

    glyphs: list[Box] = []
    rect = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(textpage.count_chars()):
        if raw.FPDFText_IsGenerated(textpage.raw, i) == 1:
            continue
        code = raw.FPDFText_GetUnicode(textpage.raw, i)
        ch = chr(code) if 0 < code < 0x110000 else "\ufffd"
        if unicodedata.combining(ch) and glyphs and not glyphs[-1].text.isspace():
            last = glyphs[-1]  # a mark drawn on its own: it belongs to the letter before it
            glyphs[-1] = Box(last.x0, last.y0, last.x1, last.y1, last.text + ch, baseline=last.baseline)
            continue
        if not raw.FPDFText_GetLooseCharBox(textpage.raw, i, rect):
            continue  # PDFium has no box for it: nothing drawn
        base = -rect.bottom if not raw.FPDFText_GetCharOrigin(textpage.raw, i, x, y) else -y.value
        glyphs.append(Box(rect.left, -rect.top, rect.right, -rect.bottom, " " if ch.isspace() else ch, baseline=base))
    return glyphs


def _words(line: list[Box], fields: frozenset[Box] = frozenset()) -> list[Box]:
    """The words of one line of glyphs (left to right): a word ends at a space the file writes,
    where the gap to the next glyph is wider than ``WORD_GAP`` of the line's glyph height, and
    where a form field's glyphs (``fields``) meet the page's own."""
    heights = sorted(g.y1 - g.y0 for g in line if not g.text.isspace())
    if not heights:
        return []
    gap = heights[len(heights) // 2] * WORD_GAP
    words: list[Box] = []
    word: list[Box] = []

    def flush() -> None:
        if word:
            text = unicodedata.normalize("NFC", "".join(g.text for g in word))
            words.append(Box(min(g.x0 for g in word), min(g.y0 for g in word), max(g.x1 for g in word),
                             max(g.y1 for g in word), text))
            word.clear()

    for glyph in line:
        if glyph.text.isspace():
            flush()
            continue
        if word and (glyph.x0 - word[-1].x1 > gap or (glyph in fields) != (word[-1] in fields)):
            flush()
        word.append(glyph)
    flush()
    return words


@dataclass
class _Page:
    rows: list[list[Box]]  # lines, those side by side made one row, top to bottom
    width: float
    height: float
    filled: list[str]  # values read from form fields
    has_image: bool  # a scan: a page with little text and an image is read by OCR

    def text(self) -> str:
        return lines_in_order(self.rows, self.width) if self.rows else ""


def _page(pdf, index: int) -> _Page:
    """The page's rows of words, built from glyph geometry (see ``_glyphs``), with the values of
    the form fields that sit on its lines."""
    page = pdf[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    glyphs = _glyphs(textpage)
    textpage.close()
    has_image = _has_image(page)
    widgets = _widget_boxes(page)
    page.close()
    filled: list[str] = []
    field_glyphs: list[Box] = []
    if widgets and glyphs:
        field_glyphs, filled = _form_field_glyphs(pdf, index, glyphs, widgets)
    fields = frozenset(field_glyphs)
    lines = [words for line in _baseline_lines(glyphs + field_glyphs) if (words := _words(line, fields))]
    return _Page(side_by_side(lines), width, height, filled, has_image)


def _has_image(page) -> bool:
    import pypdfium2.raw as raw

    return any(raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, i)) == raw.FPDF_PAGEOBJ_IMAGE
               for i in range(raw.FPDFPage_CountObjects(page.raw)))


def _document_text(pages: list[_Page]) -> str:
    """The text of pages that all have a text layer, read as one long page (their page numbers
    left out), so that a column running on to the next page (a long Nơi nhận list) stays whole."""
    rows: list[list[Box]] = []
    top = 0.0
    for number, page in enumerate(pages, start=1):
        kept = list(page.rows)
        for end in (0, -1):
            if kept and is_page_number(" ".join(b.text for b in kept[end]), number):
                del kept[end]
        rows.extend([replace(b, y0=b.y0 + top, y1=b.y1 + top) for b in row] for row in kept)
        top += page.height
    return lines_in_order(rows, max(page.width for page in pages)) if rows else ""


def _baseline_lines(glyphs: list[Box]) -> list[list[Box]]:
    """Glyphs grouped into lines by the baseline they stand on, each line left to right. A glyph's
    box says little about its line: a letter with stacked marks, or one from a fallback font, is
    taller, and in closely set text it reaches into the next line."""
    lines: list[list[Box]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.baseline, g.x0)):
        line = lines[-1] if lines else None
        if line and glyph.baseline - line[0].baseline <= (line[0].y1 - line[0].y0) * BASELINE_SHIFT:
            line.append(glyph)
        else:
            lines.append([glyph])
    return [sorted(line, key=lambda g: g.x0) for line in lines]


def _widget_boxes(page) -> list[Box]:
    """Where the page's form fields (widget annotations) are, in the glyphs' coordinates."""
    import pypdfium2.raw as raw

    boxes = []
    for i in range(raw.FPDFPage_GetAnnotCount(page.raw)):
        annot = raw.FPDFPage_GetAnnot(page.raw, i)
        if raw.FPDFAnnot_GetSubtype(annot) == raw.FPDF_ANNOT_WIDGET:
            rect = raw.FS_RECTF()
            if raw.FPDFAnnot_GetRect(annot, rect):
                boxes.append(Box(rect.left, -rect.top, rect.right, -rect.bottom, ""))
        raw.FPDFPage_CloseAnnot(annot)
    return boxes


def _form_field_glyphs(pdf, index: int, glyphs: list[Box], widgets: list[Box]) -> tuple[list[Box], list[str]]:
    """The glyphs that filled form fields show on the page's text lines, and their words.

    e-office systems fill the number and the day in at signing, as the appearance of signature
    fields laid over the blanks of "Số:      /UBND-KGVX" and "ngày      tháng": not page text. The
    page is flattened (the fields' appearances drawn into its content) and read again; the new
    glyphs inside a field that stand on a line of the page's own text are its values. A field
    standing apart (the signing system's stamp with its e-mail and time) is left out."""
    import pypdfium2.raw as raw

    page = pdf[index]
    flattened = raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS
    page.close()
    if not flattened:
        return [], []
    page = pdf[index]
    textpage = page.get_textpage()
    known = {(g.text, round(g.x0), round(g.y0)) for g in glyphs}
    new = [g for g in _glyphs(textpage) if (g.text, round(g.x0), round(g.y0)) not in known and
           any(w.x0 <= (g.x0 + g.x1) / 2 <= w.x1 and w.y0 <= (g.y0 + g.y1) / 2 <= w.y1 for w in widgets)]
    textpage.close()
    page.close()
    spans = [(min(g.y0 for g in line), max(g.y1 for g in line), line[0].baseline) for line in _baseline_lines(glyphs)]
    kept: list[Box] = []
    values: list[str] = []
    for line in _baseline_lines(new):
        for word in _words(line):
            middle = (word.y0 + word.y1) / 2
            baseline = next((base for top, bottom, base in spans if top <= middle <= bottom), None)
            if baseline is not None:  # the value stands on that line of text
                kept.extend(replace(g, baseline=baseline) for g in line if word.x0 <= g.x0 and g.x1 <= word.x1)
                values.append(word.text)
    return kept, values


def _signing_times(pdf) -> list[str]:
    """When the PDF was digitally signed (``D:20250117170630+07'00'`` → ``2025-01-17T17:06:30+07:00``):
    a published directive carries its signers' timestamps, a fact a tracker can use."""
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


_PDF_DATE = compile_pattern(r"D:(?P<y>\d{4})(?P<mo>\d\d)(?P<d>\d\d)(?P<h>\d\d)(?P<mi>\d\d)(?P<s>\d\d)"
                          r"(?:(?P<tz>[+-]\d\d)'(?P<tzm>\d\d))?")


def read_pdf(data: bytes, src: Source, max_pages: int) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as e:  # noqa: BLE001 - PDFium reports broken files with one error type
        raise ReadError("unreadable", f"not a readable PDF: {e}", src) from e
    try:
        return _read_pages(pdf, src, max_pages)
    except pdfium.PdfiumError as e:
        raise ReadError("unreadable", f"PDFium cannot read a page: {e}", src) from e
    finally:
        pdf.close()


def _read_pages(pdf, src: Source, max_pages: int) -> Document:
    src.pages = len(pdf)
    src.signed = _signing_times(pdf)
    warnings: list[tuple[str, str]] = []
    if src.pages > max_pages:
        warnings.append(("max_pages", f"only the first {max_pages} of {src.pages} pages were read (--max-pages)"))
    pages = [_page(pdf, i) for i in range(min(src.pages, max_pages))]
    texts = [page.text() for page in pages]
    # a page with little text is a scan when it has an image (a short last page of text is not)
    scanned = [i for i, t in enumerate(texts) if not usable_text(t) and pages[i].has_image]
    filled = [value for i, page in enumerate(pages) if i not in scanned for value in page.filled]
    if filled:
        warnings.append(("form_field", "read from form fields the signing system filled in: "
                         + ", ".join(f"'{v}'" for v in filled)))
    unreadable: frozenset[str] = frozenset()
    if scanned:
        if len(scanned) > MAX_OCR_PAGES:
            raise ReadError("too_large", f"{len(scanned)} pages need OCR, more than the {MAX_OCR_PAGES} it reads", src)
        results = []
        batch = os.cpu_count() or 1  # rendered a few at a time: a page image at 300 dpi is some 25 MB
        try:
            for start in range(0, len(scanned), batch):
                results.extend(ocr_images([_render(pdf[i]) for i in scanned[start:start + batch]]))
        except OcrUnavailable as e:
            raise ReadError("ocr_unavailable", f"{len(scanned)} page(s) need OCR: {e}", src) from e
        except OcrFailed as e:
            raise ReadError("ocr_failed", str(e), src) from e
        for i, result in zip(scanned, results, strict=True):
            texts[i] = result.text
        src.ocr = True
        warnings.extend(ocr_warnings(results))
        unreadable = unreadable_fields(results)
    src.encoding = None
    text = join_pages(texts) if scanned else _document_text(pages)
    return Document(text, src, warnings, unreadable)


def _render(page):
    """The page as an image for OCR: 300 dpi, or less for a page so large it would pass ``MAX_PIXELS``."""
    width, height = page.get_size()
    scale = min(OCR_DPI / 72, (MAX_PIXELS / max(width * height, 1)) ** 0.5)
    return page.render(scale=scale).to_pil()
