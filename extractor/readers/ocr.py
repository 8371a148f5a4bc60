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

import regex

from .columns import Box, lines_in_order

LOW_CONFIDENCE = 70.0
PRINTED_CONFIDENCE = 80.0  # a number OCR reads with less is treated as handwriting: read again or left blank
KEEP_CONFIDENCE = 60.0  # below this, digits OCR read where a number stands are not kept at all
HANDWRITING_CONFIDENCE = 85.0  # a handwritten number read below this is reported, not used
HEADER_SHARE = 0.4  # the header's number and date stand in the top of the first page


class OcrUnavailable(RuntimeError):
    pass


@dataclass
class OcrPage:
    text: str
    confidence: float
    words: int
    handwriting: list[str] = field(default_factory=list)


_NUMBER_WORD = regex.compile(r"^S[ốôoó6ồổỗ0][:.;]?")
_DIGITS = regex.compile(r"^\d{1,5}$")


def _digits_in(image, box: tuple[int, int, int, int]) -> tuple[str, float] | None:
    """Second pass on a small region where a number was written by hand: digits only.
    Returns the digits and Tesseract's lowest word confidence."""
    x0, y0, x1, y1 = box
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    crop = image.crop(box)
    crop = crop.resize((crop.width * 3, crop.height * 3)).point(lambda v: 255 if v > 150 else 0)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "crop.png")
        crop.save(path)
        for psm in ("7", "8"):
            out = subprocess.run(["tesseract", path, "stdout", "--psm", psm, "-c", "tessedit_char_whitelist=0123456789",
                                  "tsv"], capture_output=True, text=True,
                                 env={**os.environ, "OMP_THREAD_LIMIT": "1"}, timeout=60)
            rows = [r for r in csv.DictReader(io.StringIO(out.stdout), delimiter="\t", quoting=csv.QUOTE_NONE)
                    if (r.get("text") or "").strip() and float(r.get("conf") or -1) >= 0]
            digits = "".join(r["text"].strip() for r in rows)
            if _DIGITS.match(digits):
                return digits, min(float(r["conf"]) for r in rows)
    return None


def _read_handwriting(image, words: list[Box]) -> list[str]:
    """Numbers and days written by hand in the header (``Số: 46 /TB-UBND``, ``ngày 24 tháng``)
    come out of OCR as noise. Read the gap between the printed words again, digits only, and
    rewrite the line; each value read this way is reported so a person can check it."""
    notes: list[str] = []
    for i, w in enumerate(words):
        h = w.y1 - w.y0
        if _NUMBER_WORD.match(w.text) and i + 1 < len(words):
            slash = next((j for j in range(i, len(words)) if "/" in words[j].text or "-" in words[j].text[:1]), None)
            if slash is None:
                continue
            head = _NUMBER_WORD.match(w.text).group()
            if slash == i:  # "Số:1523/UBND-KT" read as one word
                rest = w.text[len(head):].split("/")[0]
            else:
                between = "".join(x.text for x in words[i + 1:slash])
                rest = w.text[len(head):] + between + words[slash].text.split("/")[0]
            sure = all(x.confidence >= PRINTED_CONFIDENCE for x in words[i:slash + 1])
            if not rest or (_DIGITS.match(rest) and sure):
                continue  # left blank, or printed and read
            printed = words[slash]
            char = (printed.x1 - printed.x0) / max(len(printed.text), 1)  # width of a printed character
            left = int(w.x0 + len(head) * char * 0.9)
            right = int(printed.x0 - char * 0.15)
            if slash == i:
                right = int(w.x0 + (len(w.text.split("/")[0]) + 0.2) * char)
            read = _digits_in(image, (left, w.y0 - h // 2, right, w.y1 + h // 2))
            tail = "/" + printed.text.split("/", 1)[1] if "/" in printed.text else printed.text
            if read and read[1] >= HANDWRITING_CONFIDENCE:
                words[i:slash + 1] = [Box(w.x0, w.y0, printed.x1, w.y1, f"{head} {read[0]}{tail}")]
                notes.append(f"number {read[0]} (confidence {read[1]:.0f})")
            elif _DIGITS.match(rest) and min(x.confidence for x in words[i + 1:slash + 1] or [w]) >= KEEP_CONFIDENCE:
                # digits read with fair confidence and not read better: kept, flagged
                words[i:slash + 1] = [Box(w.x0, w.y0, printed.x1, w.y1, f"{head} {rest}{tail}")]
                notes.append(f"number {rest} read with low confidence")
            else:  # unreadable: leave the number blank, never a guess
                words[i:slash + 1] = [Box(w.x0, w.y0, printed.x1, w.y1, f"{head} {tail}")]
                notes.append(f"number unreadable{f' (best guess {read[0]}, confidence {read[1]:.0f})' if read else ''}")
            break
    for i, w in enumerate(words):
        if w.text.lower() in ("ngày", "ngay") and i + 1 < len(words):
            month = next((j for j in range(i + 1, min(i + 4, len(words)))
                          if words[j].text.lower().startswith("thá")), None)
            if month is None:
                continue
            between = "".join(x.text for x in words[i + 1:month])
            sure = all(x.confidence >= PRINTED_CONFIDENCE for x in words[i + 1:month])
            if not between or (_DIGITS.match(between) and sure):
                continue  # left blank, or printed and read
            h = w.y1 - w.y0
            char = (w.x1 - w.x0) / 4
            read = _digits_in(image, (int(w.x1 - char * 0.6), w.y0 - h // 2, int(words[month].x0 - char * 0.2),
                                      w.y1 + h // 2))
            if read and 1 <= int(read[0]) <= 31 and len(read[0]) == 2 and read[1] >= HANDWRITING_CONFIDENCE:
                words[i + 1:month] = [Box(w.x1, w.y0, words[month].x0, w.y1, read[0])]
                notes.append(f"day {read[0]} (confidence {read[1]:.0f})")
            elif _DIGITS.match(between) and 1 <= int(between) <= 31:
                notes.append(f"day {between} read with low confidence")  # kept, flagged
            else:
                words[i + 1:month] = []
                notes.append(f"day unreadable{f' (best guess {read[0]}, confidence {read[1]:.0f})' if read else ''}")
            break
    return notes


def tesseract_available() -> bool:
    if not shutil.which("tesseract"):
        return False
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    return "vie" in out.stdout.split()


def ocr_image(image) -> OcrPage:
    """OCR one page image (a PIL image)."""
    if not shutil.which("tesseract"):
        raise OcrUnavailable("tesseract is not installed (Debian: tesseract-ocr tesseract-ocr-vie)")
    image = _prepare(image)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "page.png")
        image.save(path)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        out = subprocess.run(["tesseract", path, "stdout", "-l", "vie", "--psm", "3", "tsv"],
                             capture_output=True, text=True, env=env, timeout=300)
    if out.returncode != 0:
        raise OcrUnavailable(out.stderr.strip()[-300:])
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
    # Tesseract's lines follow the skew of the page; lines that stand side by side (the two header
    # columns, Nơi nhận beside the signature) become one row, which is then read column by column
    text = lines_in_order(_rows(tess_lines), image.width)
    return OcrPage(text, confidence, len(confidences), notes)


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
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "band.png")
            image.crop(box).save(path)
            out = subprocess.run(["tesseract", path, "stdout", "-l", "vie", "--psm", "6", "tsv"],
                                 capture_output=True, text=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"},
                                 timeout=120)
        for words in _tsv_words(out.stdout, box[0], box[1]).values():
            if sum(w.confidence for w in words) / len(words) >= LOW_CONFIDENCE:
                found.append(sorted(words, key=lambda b: b.x0))
    return found


def _rows(lines: list[list[Box]]) -> list[list[Box]]:
    def extent(line):
        return min(b.y0 for b in line), max(b.y1 for b in line), line[0].x0, line[-1].x1

    rows: list[list[Box]] = []
    extents: list[tuple[float, float, float, float]] = []
    for line in sorted(lines, key=lambda ln: sum(extent(ln)[:2]) / 2):
        y0, y1, x0, x1 = extent(line)
        for i, (ry0, ry1, rx0, rx1) in enumerate(extents):
            overlap = min(y1, ry1) - max(y0, ry0)
            apart = x0 > rx1 or x1 < rx0
            if apart and overlap > 0.5 * min(y1 - y0, ry1 - ry0):
                rows[i] = sorted(rows[i] + line, key=lambda b: b.x0)
                extents[i] = (min(y0, ry0), max(y1, ry1), min(x0, rx0), max(x1, rx1))
                break
        else:
            rows.append(line)
            extents.append((y0, y1, x0, x1))
    return rows


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
