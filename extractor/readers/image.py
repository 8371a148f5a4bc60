"""Images (PNG, JPEG, TIFF, multi-page TIFF): OCR every page."""

from __future__ import annotations

import io

from ..record import Source
from .base import READERS, Document, ReadError
from .columns import join_pages
from .ocr import OcrUnavailable, ocr_images, ocr_warnings, unreadable_fields


@READERS.register("image", (".png", ".jpg", ".jpeg", ".tif", ".tiff"),
                  magic=(b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"))
def read_image(data: bytes, src: Source) -> Document:
    from PIL import Image, ImageSequence, UnidentifiedImageError

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
    return Document(join_pages([r.text for r in results]), src, ocr_warnings(results), unreadable_fields(results))
