"""Incoming-document stamp (dấu đến) the receiving office puts on a copy.

Forms handled: ``CV ĐẾN Số: 512 Ngày: 07/3/19``, ``ĐẾN Số: 1234 Ngày 12/5/2020 Chuyển: …``; what
stands before ``ĐẾN`` on its line (``CV``, an office's name) is the stamp's org.
"""

from __future__ import annotations

from ..blocks import StampBlock
from ..normalize import Text, clean_value
from ..record import Stamp
from .dates import find_date


def read_stamp(block: StampBlock, text: Text) -> Stamp:
    found = find_date(block.date or "")
    return Stamp(org=clean_value(block.org), number=block.number, date=found[0] if found else None,
                 raw=clean_value(block.text), span=text.source_span(block.start, block.end))
