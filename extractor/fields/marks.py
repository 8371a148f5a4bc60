"""Urgency (độ khẩn: KHẨN, THƯỢNG KHẨN, HỎA TỐC) and secrecy (độ mật: MẬT, TỐI MẬT, TUYỆT MẬT) marks,
printed alone on a header line; the segmenter finds them, the record keeps them as printed."""

from __future__ import annotations

from ..blocks import Layout


def read_marks(layout: Layout) -> tuple[str | None, str | None]:
    """(urgency, secrecy)."""
    urgency, secrecy = layout.urgency, layout.secrecy
    return (urgency.text.strip() if urgency else None), (secrecy.text.strip() if secrecy else None)
