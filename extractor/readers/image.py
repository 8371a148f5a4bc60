"""Images (PNG, JPEG, TIFF, multi-page TIFF): OCR every page.

An image's size is checked from its header before any pixel is decoded: a small file can claim
30,000 × 30,000 pixels (a decompression bomb) and would take gigabytes to open.
"""

from __future__ import annotations

import io
import itertools
import warnings

from ..record import Source
from .base import Document, ReadError
from .columns import join_pages
from .ocr import MAX_OCR_PAGES, MAX_PIXELS, OcrFailed, OcrUnavailable, ocr_images, ocr_warnings, unreadable_fields


def read_image(data: bytes, src: Source, max_pages: int) -> Document:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with warnings.catch_warnings():  # the size is checked below; a corrupt EXIF block does not matter
            warnings.simplefilter("ignore")
            image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
        notes = []
        if frames > max_pages:
            notes.append(("max_pages", f"only the first {max_pages} of {frames} pages were read (--max-pages)"))
        if min(frames, max_pages) > MAX_OCR_PAGES:
            raise ReadError("too_large", f"{frames} pages is more than the {MAX_OCR_PAGES} OCR reads", src)
        pages = []
        for frame in itertools.islice(ImageSequence.Iterator(image), max_pages):
            width, height = frame.size
            if width * height > MAX_PIXELS:
                raise ReadError("too_large", f"an image of {width} × {height} pixels is more than the "
                                             f"{MAX_PIXELS:,} a page may have", src)
            pages.append(frame.copy())
    except Image.DecompressionBombError as e:
        raise ReadError("too_large", f"not opened: {e}", src) from e
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as e:
        raise ReadError("unreadable", f"not a readable image: {e}", src) from e
    try:
        results = ocr_images(pages)
    except OcrUnavailable as e:
        raise ReadError("ocr_unavailable", str(e), src) from e
    except OcrFailed as e:
        raise ReadError("ocr_failed", str(e), src) from e
    src.ocr = True
    src.pages = frames
    return Document(join_pages([r.text for r in results]), src, notes + ocr_warnings(results),
                    unreadable_fields(results))
