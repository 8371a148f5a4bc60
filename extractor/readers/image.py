"""Images (PNG, JPEG, TIFF, multi-page TIFF): OCR every page, a few pages at a time."""

from __future__ import annotations

import io
import os
from itertools import islice

from .. import read
from ..read import Document, ReadError
from ..record import Source


def read_image(data: bytes, src: Source) -> Document:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from .columns import join_pages
    from .ocr import OcrUnavailable, ocr_images, ocr_warnings

    results = []
    warnings = []
    at_once = os.cpu_count() or 1  # pages held at a time: one per Tesseract process
    try:
        image = Image.open(io.BytesIO(data))
        frames = ImageSequence.Iterator(image)
        while True:
            pages = [frame.copy() for frame in islice(frames, at_once)]
            if not pages:
                break
            if len(results) + len(pages) > read.MAX_PAGES:
                warnings.append(("max_pages", f"only the first {read.MAX_PAGES} pages were read (--max-pages)"))
                pages = pages[:read.MAX_PAGES - len(results)]
            results.extend(ocr_images(pages))
            if warnings:
                break
    except (UnidentifiedImageError, OSError) as e:
        raise ReadError("unreadable", f"not a readable image: {e}", src) from e
    except OcrUnavailable as e:
        raise ReadError("ocr_unavailable", str(e), src) from e
    src.ocr = True
    src.pages = len(results)
    return Document(join_pages([r.text for r in results]), src, warnings + ocr_warnings(results))
