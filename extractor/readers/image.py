"""Images (PNG, JPEG, TIFF, multi-page TIFF): OCR every page."""

from __future__ import annotations

import io

from ..read import Document, ReadError
from ..record import Source


def read_image(data: bytes, src: Source) -> Document:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from .columns import join_pages
    from .ocr import OcrUnavailable, ocr_images, ocr_warnings

    try:
        image = Image.open(io.BytesIO(data))
        pages = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError) as e:
        raise ReadError("unreadable", f"not a readable image: {e}", src) from e
    try:
        results = ocr_images(pages)
    except OcrUnavailable as e:
        raise ReadError("ocr_unavailable", str(e), src) from e
    src.ocr = True
    src.pages = len(pages)
    return Document(join_pages([r.text for r in results]), src, ocr_warnings(results))
