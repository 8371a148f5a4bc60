"""OCR with Tesseract (Debian packages ``tesseract-ocr`` and ``tesseract-ocr-vie``).

Tesseract is run as a program, one page per process, pages in parallel; its TSV output gives
each word's block, line and confidence, so columns are read apart and a page read with low
confidence is flagged. Nothing is downloaded: the Vietnamese model comes from the system package.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import get_args

import regex

from ..grammar import patterns
from ..normalize import strip_marks
from ..record import Urgency
from ..regex_cache import compile_pattern
from .columns import Box, lines_in_order, side_by_side

LOW_CONFIDENCE = 70.0
PRINTED_CONFIDENCE = 80.0  # a number OCR reads with less is treated as handwriting: read again or left blank
HANDWRITING_CONFIDENCE = 85.0  # a handwritten number read below this is reported, not used
HEADER_SHARE = 0.4  # the header's number and date stand in the top of the first page


MAX_PIXELS = 60_000_000  # a page image may have (A4 at 600 dpi is 35 million)
MAX_OCR_PAGES = 100  # pages read by OCR in one document, past which it is refused (some seconds each)
PAGE_SECONDS = 300  # Tesseract's time for a page (a dense A4 page at 300 dpi takes 5-20 s)
REGION_SECONDS = 60  # for a band, a word or a digit slot


class OcrUnavailable(RuntimeError):
    """No Tesseract (or no Vietnamese data for it) on this machine."""


class OcrFailed(RuntimeError):
    """Tesseract ran and failed on a page: it exited with an error or ran out of time."""


@dataclass
class OcrPage:
    text: str
    confidence: float
    words: int
    handwriting: list[str] = field(default_factory=list)


_DIGITS = compile_pattern(r"^\d{1,5}$")
_BEFORE_SYMBOL = compile_pattern(r"[^/-]*")
_SYMBOL = compile_pattern(r"[/-]\p{L}|/(?:19|20)\d\d/")


def _digits_in(image, box: tuple[int, int, int, int]) -> tuple[str, float] | None:
    """Second pass on a small region where a number was written by hand: digits only.
    Returns the digits and Tesseract's lowest word confidence."""
    x0, y0, x1, y1 = box
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    crop = image.crop(box)
    crop = crop.resize((crop.width * 3, crop.height * 3)).point(lambda v: 255 if v > 150 else 0)
    for psm in ("7", "8"):
        try:
            out = _tesseract(crop, "--psm", psm, "-c", "tessedit_char_whitelist=0123456789", "tsv")
        except OcrFailed:
            return None  # a slot Tesseract cannot read is left to the other reader
        words = [w for line in _tsv_words(out.stdout).values() for w in line]
        digits = "".join(w.text for w in words)
        if _DIGITS.match(digits):
            return digits, min(w.confidence for w in words)
    return None


def _tesseract(image, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess[str]:
    """Tesseract on a PIL image, its output on stdout; one thread per process (pages run in
    parallel instead). Raises ``OcrFailed`` when it exits with an error or runs out of time."""
    timeout = REGION_SECONDS if timeout is None else timeout
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "image.png")
        image.save(path)
        try:
            out = subprocess.run(["tesseract", path, "stdout", *args], capture_output=True, text=True,
                                 env={**os.environ, "OMP_THREAD_LIMIT": "1"}, timeout=timeout)
        except subprocess.TimeoutExpired as e:
            raise OcrFailed(f"Tesseract took more than {timeout:.0f} s") from e
        except OSError as e:
            raise OcrUnavailable(f"tesseract cannot be run: {e}") from e
    if out.returncode != 0:
        raise OcrFailed(f"Tesseract exited with {out.returncode}: {out.stderr.strip()[-300:]}")
    return out


def _char_x(image, word: Box, chars: str) -> float | None:
    """x where the first of ``chars`` starts inside a word Tesseract read as one (``$4/UBND-KTTH``:
    handwriting run into the print), from Tesseract's character boxes of that word alone."""
    pad = max(2, int((word.y1 - word.y0) * 0.3))
    box = (max(0, int(word.x0) - pad), max(0, int(word.y0) - pad), int(word.x1) + pad, int(word.y1) + pad)
    try:
        out = _tesseract(image.crop(box), "-l", "vie", "--psm", "7", "makebox")
    except OcrFailed:
        return None
    for row in out.stdout.splitlines():
        parts = row.split(" ")
        if len(parts) >= 5 and parts[0] in chars:
            return box[0] + int(parts[1])
    return None


def _slot_reading(image, box: tuple[int, int, int, int], text_height: float, day: bool) -> tuple[str | None, str]:
    """Digits written by hand in ``box``: the value to use (or None) and a note for the warning.

    Two readers: the digit classifier (``digits``) and Tesseract restricted to digits. A value is
    used when both read the same, or when one of them is sure (the classifier above its trained
    threshold, Tesseract above ``HANDWRITING_CONFIDENCE``) and the other has nothing against it;
    otherwise the slot is left blank and the guesses go into the note. Never invented: a
    reading that is not a plausible day or number is not used."""
    import numpy as np

    from . import digits  # loads NumPy: only when a handwritten slot is read

    x0, y0, x1, y1 = box
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None, "unreadable"
    margin = int(text_height * 0.8)  # into the printed words beside the slot: digits written over its edge
    wide = (max(0, x0 - margin), y0, min(image.width, x1 + margin), y1)
    mine = digits.read_slot(np.asarray(image.crop(wide)), text_height, (x0 - wide[0], x1 - wide[0]))
    tess = _digits_in(image, box)

    def plausible(value: str | None) -> bool:
        if not value or not _DIGITS.match(value):
            return False
        return 1 <= int(value) <= 31 and len(value) <= 2 if day else int(value) > 0

    mine_v = mine.digits if mine and plausible(mine.digits) else None
    tess_v = tess[0] if tess and plausible(tess[0]) else None
    if mine is None and tess is None:
        return None, "blank"
    if mine_v and tess_v and int(mine_v) == int(tess_v):
        return mine_v, f"{mine_v} (two readers agree)"
    def other(value: str, read: str | None) -> str:
        return f"; the other reader saw {read}" if read and read != value else ""

    if mine_v and mine.confidence >= digits.threshold() and (tess_v is None or tess[1] < HANDWRITING_CONFIDENCE):
        return mine_v, f"{mine_v} (digit reader, confidence {mine.confidence:.2f}{other(mine_v, tess and tess[0])})"
    if tess_v and tess[1] >= HANDWRITING_CONFIDENCE and (mine_v is None or mine.confidence < digits.threshold()):
        return tess_v, f"{tess_v} (OCR digits, confidence {tess[1]:.0f}{other(tess_v, mine and mine.digits)})"
    guesses = [g for g in (f"{mine.digits} ({mine.confidence:.2f})" if mine else None,
                           f"{tess[0]} ({tess[1]:.0f})" if tess else None) if g]
    return None, "unreadable (best guesses " + ", ".join(guesses) + ")"


def _printed(line: list[Box], inner: list[Box]) -> bool:
    """Whether the digits between two printed words (``inner``, within ``line``) are print read
    with confidence and fill the space between them: a pen digit Tesseract did not see leaves
    a gap ("ngày 2 tháng" where "20" is written)."""
    if any(x.confidence < PRINTED_CONFIDENCE for x in line):
        return False
    if len(line) < 2 or not inner:
        return True  # one word ("Số:1523/UBND"): nothing left unread beside it
    h = line[0].y1 - line[0].y0
    space = line[-1].x0 - line[0].x1 - sum(x.x1 - x.x0 for x in inner)
    return space < h * 1.5


def _read_handwriting(image, words: list[Box]) -> list[str]:
    """Numbers and days written by hand in the header (``Số: 46 /TB-UBND``, ``ngày 24 tháng``)
    come out of OCR as noise. The slot between the printed words is read again for digits and
    the line rewritten; each value read this way is reported so a person can check it, and a slot
    that cannot be read is left blank."""
    notes = [f"number {note}" for note in _number_slot(image, words)]
    return notes + [f"day {note}" for note in _day_slot(image, words)]


def _number_slot(image, words: list[Box]) -> list[str]:
    """The number's slot, between ``Số:`` and the printed symbol; ``words`` is rewritten."""
    for i, w in enumerate(words):
        head = patterns("readers")["ocr"]["number_word"].match(w.text)
        if head is None:
            continue
        # the printed symbol ("/TB-UBND", "/2018/QĐ-UBND", "-TB/TU"), not a "/" a pen stroke was read as
        slash = next((j for j in range(i, len(words)) if _SYMBOL.search(words[j].text)), None)
        if slash is None:
            break
        printed = words[slash]
        # what stands where the number goes: "46" printed, "4@'" scrawled, "" left blank
        written = w.text[head.end():] if slash == i else \
            w.text[head.end():] + "".join(x.text for x in words[i + 1:slash]) + printed.text
        rest = _BEFORE_SYMBOL.match(written).group()
        if _DIGITS.match(rest) and _printed(words[i:slash + 1], words[i + 1:slash]):
            break  # printed and read
        h = w.y1 - w.y0
        left = w.x1 if w.text == head.group() else (_char_x(image, w, ":;.") or w.x0 + h * 0.9) + h * 0.25
        right = printed.x0 if printed.text[:1] in "/-" else _char_x(image, printed, "/")
        if right is None or right <= left + h * 0.5:
            if not rest:
                break  # no room for a number: left blank on purpose
            right = printed.x0 + (printed.x1 - printed.x0) * len(rest) / max(len(printed.text), 1)
        value, note = _slot_reading(image, (int(left), int(w.y0 - h * 0.6), int(right - h * 0.08), int(w.y1 + h * 0.6)),
                                    h * 0.8, day=False)
        if note == "blank":
            break
        tail = printed.text[printed.text.find("/"):] if "/" in printed.text else printed.text
        words[i:slash + 1] = [Box(w.x0, w.y0, printed.x1, w.y1, f"{head.group()} {value or ''}{tail}")]
        return [note]
    return []


def _day_slot(image, words: list[Box]) -> list[str]:
    """The day's slot, between ``ngày`` and ``tháng``; ``words`` is rewritten."""
    for i, w in enumerate(words):
        if w.text.lower() not in ("ngày", "ngay"):
            continue
        month = next((j for j in range(i + 1, min(i + 4, len(words))) if "thá" in words[j].text.lower()), None)
        if month is None:
            break
        m = words[month]
        between = "".join(x.text for x in words[i + 1:month])
        if between and _DIGITS.match(between) and _printed(words[i:month + 1], words[i + 1:month]):
            break  # printed and read
        h = w.y1 - w.y0
        month_w = (m.x1 - m.x0) * (5 / len(m.text) if len(m.text) > 5 else 1)  # "tháng", without junk before it
        left = min(w.x1, w.x0 + month_w * 0.95)  # "ngày" read with the day run into it
        right = m.x1 - month_w if len(m.text) > 5 else m.x0
        if right - left < h * 0.6:
            break  # printed words side by side: no day slot
        value, note = _slot_reading(image, (int(left), int(w.y0 - h * 0.5), int(right), int(w.y1 + h * 0.5)),
                                    h * 0.8, day=True)
        if note == "blank":
            break
        words[i + 1:month + 1] = ([Box(left, w.y0, right, w.y1, value)] if value else []) + \
            [Box(right, m.y0, m.x1, m.y1, "tháng")]
        return [note]
    return []


def tesseract_available() -> bool:
    if not shutil.which("tesseract"):
        return False
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    return "vie" in out.stdout.split()


def ocr_image(image) -> OcrPage:
    """OCR one page image (a PIL image)."""
    if not shutil.which("tesseract"):
        raise OcrUnavailable("tesseract is not installed (Debian: tesseract-ocr tesseract-ocr-vie)")
    original = image
    image = _prepare(image)
    stamp = _urgency_stamp(original, image.width / original.width)
    out = _tesseract(image, "-l", "vie", "--psm", "3", "tsv", timeout=PAGE_SECONDS)
    # Tesseract's page layout analysis already puts each column in a block of its own: lines are
    # emitted block by block, so the two header columns come out apart, not interleaved.
    lines = _tsv_words(out.stdout)
    confidences = [b.confidence for line in lines.values() for b in line]
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    notes: list[str] = []
    tess_lines = []
    for words in lines.values():
        words = sorted(words, key=lambda b: b.x0)
        if words[0].y0 < image.height * HEADER_SHARE and not notes:  # the header's Số and date line
            notes.extend(_read_handwriting(image, words))
        tess_lines.append(words)
    tess_lines.extend(_dropped_lines(image, tess_lines))
    if stamp:
        tess_lines.append([stamp])
    # Tesseract's lines follow the skew of the page; lines that stand side by side (the two header
    # columns, Nơi nhận beside the signature) become one row, which is then read column by column
    # "¡" is OCR's reading of an "i" (never printed in these documents: "NC(V¡16)")
    text = lines_in_order(side_by_side(tess_lines), image.width).replace("¡", "i")
    return OcrPage(text, confidence, len(confidences), notes)


STAMP_INK = 0.002  # share of the header's pixels in red ink above which it may hold a stamp
STAMP_ANGLES = range(-25, 26)  # degrees a stamp may be turned by


def _urgency_stamp(image, scale: float) -> Box | None:
    """The urgency stamp ("HỎA TỐC", "THƯỢNG KHẨN", "KHẨN"), red and often turned, in the header:
    ``_prepare`` masks red ink (seals, signatures), so it is read apart. The red ink of the top of
    the page is turned upright (the angle at which its rows are most uneven) and read; the mark is
    kept only when the reading is one of the marks a record may hold. Its box is in the prepared
    image's pixels (``scale``)."""
    import numpy as np
    from PIL import Image

    rgb = np.asarray(image.convert("RGB"), dtype=np.int16)
    top = rgb[: int(rgb.shape[0] * HEADER_SHARE)]
    red = (top[..., 0] - np.maximum(top[..., 1], top[..., 2])) > 60
    if red.sum() < red.size * STAMP_INK:
        return None
    ys, xs = np.nonzero(red)
    x0, y0, x1, y1 = int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1
    ink = Image.fromarray(np.where(red[y0:y1, x0:x1], 0, 255).astype(np.uint8))

    def unevenness(angle: int) -> float:
        rows = (np.asarray(ink.rotate(angle, expand=True, fillcolor=255)) < 128).sum(axis=1)
        return float(np.var(rows))

    upright = ink.rotate(max(STAMP_ANGLES, key=unevenness), expand=True, fillcolor=255)
    try:
        read = _tesseract(upright, "-l", "vie", "--psm", "6").stdout
    except OcrFailed:
        return None
    mark = _urgency_mark(read)
    return Box(x0 * scale, y0 * scale, x1 * scale, y1 * scale, mark) if mark else None


def _urgency_mark(read: str) -> str | None:
    """The urgency mark a stamp's reading names, compared without marks ("HOA TOC" is "HỎA TỐC");
    one letter may be misread in a mark of two words, none in "KHẨN"."""
    bare = strip_marks(read).upper()
    for mark in sorted(get_args(Urgency), key=len, reverse=True):
        errors = 1 if " " in mark else 0
        if regex.search(rf"(?<!\p{{L}})(?:{regex.escape(strip_marks(mark))}){{e<={errors}}}(?!\p{{L}})", bare):
            return mark
    return None


def _tsv_words(tsv: str, dx: int = 0, dy: int = 0) -> dict[tuple[int, int, int], list[Box]]:
    """Tesseract's TSV as words grouped by (block, paragraph, line), offset by (dx, dy)."""
    lines: dict[tuple[int, int, int], list[Box]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        conf = float(row.get("conf") or -1)
        if not text or conf < 0:
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        left, top = int(row["left"]) + dx, int(row["top"]) + dy
        lines.setdefault(key, []).append(Box(left, top, left + int(row["width"]), top + int(row["height"]), text, conf))
    return lines


def _dropped_lines(image, lines: list[list[Box]]) -> list[list[Box]]:
    """Lines of text Tesseract's page layout analysis left out. It sometimes takes a paragraph
    for a picture and drops it (a bold item number in front helps it do so); the ink that no word
    covers shows where. Wide bands of such ink, the height of text lines, are read again as a
    plain block of text. Signatures and seals are narrow or masked, so they are not read."""
    import numpy as np

    ink = np.asarray(image) < 128
    pad = max(2, image.height // 700)
    for line in lines:
        for b in line:
            ink[max(0, int(b.y0) - pad):int(b.y1) + pad, max(0, int(b.x0) - pad):int(b.x1) + pad] = False
    width = image.width
    rows = ink.sum(axis=1) > width * 0.02
    bands: list[tuple[int, int]] = []
    y = 0
    while y < len(rows):
        if not rows[y]:
            y += 1
            continue
        start = y
        while y < len(rows) and rows[y]:
            y += 1
        if bands and start - bands[-1][1] < min(bands[-1][1] - bands[-1][0], width * 0.03):  # lines of a paragraph
            bands[-1] = (bands[-1][0], y)
        else:
            bands.append((start, y))
    found: list[list[Box]] = []
    for y0, y1 in bands:
        if y1 - y0 < width * 0.008:  # a rule under a heading, a dash
            continue
        cols = np.flatnonzero(ink[y0:y1].any(axis=0))
        x0, x1 = int(cols[0]), int(cols[-1])
        if x1 - x0 < width * 0.4:  # a signature, a stamp, a short word: not a dropped paragraph
            continue
        box = (max(0, x0 - 10), max(0, y0 - 10), min(width, x1 + 10), min(image.height, y1 + 10))
        try:
            out = _tesseract(image.crop(box), "-l", "vie", "--psm", "6", "tsv")
        except OcrFailed:
            continue  # the band stays unread, as it was
        for words in _tsv_words(out.stdout, box[0], box[1]).values():
            if sum(w.confidence for w in words) / len(words) >= LOW_CONFIDENCE:
                found.append(sorted(words, key=lambda b: b.x0))
    return found


def _prepare(image):
    """Grey scale, with red (seals, signatures in red ink) pushed to white so it is not read."""
    from PIL import Image, ImageChops, ImageFilter

    rgb = image.convert("RGB")
    r, g, b = rgb.split()
    redness = ImageChops.subtract(r, ImageChops.lighter(g, b))
    mask = redness.point(lambda v: 255 if v > 60 else 0)
    grey = rgb.convert("L")
    grey.paste(255, mask=mask)
    if grey.width < 1500:  # small photos: enlarge for Tesseract
        scale = 1800 / grey.width
        grey = grey.resize((int(grey.width * scale), int(grey.height * scale)), Image.LANCZOS)
    return grey.filter(ImageFilter.MedianFilter(3))  # dust and speckle would be read as "_", "-", "."


def ocr_images(images: list, jobs: int | None = None) -> list[OcrPage]:
    """OCR pages in parallel (Tesseract runs as separate processes, so threads suffice)."""
    jobs = jobs or min(len(images), os.cpu_count() or 1) or 1
    if jobs <= 1:
        return [ocr_image(im) for im in images]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(ocr_image, images))


def ocr_warnings(pages: list[OcrPage]) -> list[tuple[str, str]]:
    warnings = []
    low = [i + 1 for i, p in enumerate(pages) if p.confidence < LOW_CONFIDENCE]
    if low:
        warnings.append(("ocr_low_confidence", f"OCR confidence below {LOW_CONFIDENCE:.0f} on page(s) {low}"))
    read = [note for p in pages for note in p.handwriting]
    if read:
        warnings.append(("handwriting", "handwritten number or day in the header: " + "; ".join(read)))
    return warnings


def unreadable_fields(pages: list[OcrPage]) -> frozenset[str]:
    """The header fields ('number', 'day') written by hand that no reader could read."""
    return frozenset(note.split(" ", 1)[0] for p in pages for note in p.handwriting
                     if note.split(" ", 2)[1:2] == ["unreadable"])
