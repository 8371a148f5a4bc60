"""The document type read from the header: title line first, then the number's type code."""

from __future__ import annotations

from extractor.pipeline import extract_header

HEADER = """BỘ GIÁO DỤC VÀ ĐÀO TẠO
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: {number}
Hà Nội, ngày 14 tháng 7 năm 2025

Quy định về tổ chức thi tốt nghiệp trung học phổ thông

Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;
"""

PARTY = """TỈNH ỦY QUẢNG TRỊ
ĐẢNG CỘNG SẢN VIỆT NAM
Số {number}
Quảng Trị, ngày 02 tháng 10 năm 2025

về tăng cường công tác phòng, chống tham nhũng

Thực hiện Chỉ thị số 04-CT/TW của Ban Bí thư,
"""


def test_tt_in_a_state_number_is_thong_tu():
    """'TT' in a ministry's number ('21/2025/TT-BGDĐT') is a Thông tư, even without a title line."""
    record = extract_header(HEADER.format(number="21/2025/TT-BGDĐT"))
    assert (record.doc_type.name, record.doc_type.code) == ("Thông tư", "TT")
    assert record.number.type_code == "TT"


def test_tt_in_a_party_number_is_thong_tri():
    """Only the party issues Thông tri; its number has the party form ('05-TT/TU')."""
    record = extract_header(PARTY.format(number="05-TT/TU"))
    assert (record.doc_type.name, record.doc_type.code) == ("Thông tri", "TT")
    assert (record.number.number, record.number.type_code, record.number.issuer_code) == ("05", "TT", "TU")


def test_a_party_number_with_a_shared_code_keeps_its_type():
    record = extract_header(PARTY.format(number="215-TB/TU"))
    assert record.doc_type.name == "Thông báo"
