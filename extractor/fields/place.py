"""Place of issue (địa danh), printed before the date: ``Hà Nội, ngày …``.

Forms handled: ``Hà Nội,``; ``Thành\\nphố Hồ Chí Minh,`` (wrapped); the place of two header columns
flattened onto one line (``BỘ TÀI CHÍNH      Hà Nội,``: the right column); a place lost to OCR noise
(more than eight words: none).
"""

from __future__ import annotations

from ..blocks import DateBlock
from ..grammar import rx
from ..normalize import clean_value

MAX_PLACE_WORDS = 8  # a place longer than this is a line of something else


def read_place(block: DateBlock) -> str | None:
    """The place printed before the issue date, as the record holds it."""
    place = block.place
    if place:
        place = rx(r"\s{2,}").split(place.strip())[-1]  # flattened columns: the right one
    place = clean_value(place)
    if place and len(place.split()) > MAX_PLACE_WORDS:
        return None
    return place
