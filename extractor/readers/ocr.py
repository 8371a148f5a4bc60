"""OCR with Tesseract (Debian packages ``tesseract-ocr`` and ``tesseract-ocr-vie``).

Tesseract is run as a program, one page per process, pages in parallel; its TSV output gives
each word's box and confidence, so columns are read apart (``columns``) and a page read with low
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
from dataclasses import dataclass

from .columns import Box, reading_order

LOW_CONFIDENCE = 70.0


class OcrUnavailable(RuntimeError):
    pass


@dataclass
class OcrPage:
    text: str
    confidence: float
    words: int


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
    boxes: list[Box] = []
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(out.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        conf = float(row.get("conf") or -1)
        if not text or conf < 0:
            continue
        left, top = int(row["left"]), int(row["top"])
        boxes.append(Box(left, top, left + int(row["width"]), top + int(row["height"]), text))
        confidences.append(conf)
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage(reading_order(boxes, image.width), confidence, len(boxes))


def _prepare(image):
    """Grey scale, with red (seals, signatures in red ink) pushed to white so it is not read."""
    from PIL import Image, ImageChops

    rgb = image.convert("RGB")
    r, g, b = rgb.split()
    redness = ImageChops.subtract(r, ImageChops.lighter(g, b))
    mask = redness.point(lambda v: 255 if v > 60 else 0)
    grey = rgb.convert("L")
    grey.paste(255, mask=mask)
    if grey.width < 1500:  # small photos: enlarge for Tesseract
        scale = 1800 / grey.width
        grey = grey.resize((int(grey.width * scale), int(grey.height * scale)), Image.LANCZOS)
    return grey


def ocr_images(images: list, jobs: int | None = None) -> list[OcrPage]:
    """OCR pages in parallel (Tesseract runs as separate processes, so threads suffice)."""
    jobs = jobs or min(len(images), os.cpu_count() or 1) or 1
    if jobs <= 1:
        return [ocr_image(im) for im in images]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(ocr_image, images))


def ocr_warnings(pages: list[OcrPage]) -> list[tuple[str, str]]:
    low = [i + 1 for i, p in enumerate(pages) if p.confidence < LOW_CONFIDENCE]
    if low:
        return [("ocr_low_confidence", f"OCR confidence below {LOW_CONFIDENCE:.0f} on page(s) {low}")]
    return []
