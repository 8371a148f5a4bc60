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



def test_document_cut_inside_a_character():
    data = (HEADER + "THÔNG BÁO\nKết luận của Chủ tịch UBND Thành phố\n1. Giao Sở Nội vụ chủ trì").encode()
    record = extract(data[:-1])  # the last byte of "ì" cut off: still UTF-8, not a legacy encoding
    assert record.source.encoding == "utf-8"
    assert [w.code for w in record.warnings] == ["encoding_errors"]
    assert record.number.raw == "512/TB-UBND"
    assert [t.id for t in record.tasks] == ["1"]
