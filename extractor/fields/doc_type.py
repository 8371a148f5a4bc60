"""Document type (loại văn bản): Công văn, Quyết định, Thông báo, Kế hoạch … with its code.

Forms handled, first that applies:
- a title line naming the type (``QUYẾT ĐỊNH``, ``THÔNG BÁO KẾT LUẬN``, OCR's ``QUYÉT ĐỊNH``), found by
  the segmenter: the type with the title's span;
- a ``V/v`` trích yếu by the number and no title: a công văn;
- no title: the type the number's type code names (``12/2018/QĐ-UBND`` → Quyết định; ``24/2025/TT-BTP``
  → Thông tư, while the party's ``05-TT/TU`` → Thông tri), else a công văn when the number has a
  symbol at all (``1523/UBND-KT``).
"""

from __future__ import annotations

from ..blocks import SubjectBlock, TitleBlock
from ..grammar import letter_type
from ..normalize import Text
from ..record import DocType
from .number import NumberReading


def read_doc_type(title: TitleBlock | None, subject: SubjectBlock | None, text: Text) -> DocType | None:
    """The type the header states: its title line, or a công văn's ``V/v`` trích yếu."""
    if title:
        t = title.doc_type  # (the grammar's shared instance: a copy with the title's span)
        return DocType(name=t.name, code=t.code, span=text.source_span(title.start, title.end))
    if subject is not None and subject.after_prefix:
        return letter_type()
    return None


def infer_doc_type(number: NumberReading) -> DocType | None:
    """The type when the header states none: from the number's type code, or a công văn."""
    if number.named_type:
        return number.named_type
    if number.number and number.number.symbol:
        return letter_type()
    return None
