"""Inputs the fuzzer (``../shared/tools/fuzz.py``) broke once: each must give a record, never raise."""

from __future__ import annotations

from extractor import extract

HEADER = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n--------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 512/TB-UBND\n\nHà Nội, ngày 21 tháng 11 năm 2025\n\n"
)


def test_document_cut_inside_its_title_line():
    """Cut after the first letters of the title: the body would start past the end of the text."""
    record = extract(HEADER + "THÔNG BÁO\nKẾ")
    assert record.error is None
    assert record.number.raw == "512/TB-UBND"
    assert record.tasks == []

