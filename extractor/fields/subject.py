"""Trích yếu (subject): what the document is about.

Forms handled (the block located by the segmenter): ``V/v triển khai …`` or ``Về việc …`` by the
number (a công văn), wrapped over lines; OCR's ``\\W việc``, ``Vê việc``; under a title line
(``QUYẾT ĐỊNH / Về việc ban hành …``, ``KẾ HOẠCH / Triển khai …``), where the leading ``Về việc``
is dropped as well.
"""

from __future__ import annotations

from ..blocks import SubjectBlock
from ..grammar import patterns
from ..normalize import clean_value


def read_subject(block: SubjectBlock) -> str | None:
    """The trích yếu without a leading ``V/v`` or ``Về việc``, white space folded."""
    return clean_value(patterns("header")["blocks"]["subject_prefix"].sub("", block.text, count=1))
