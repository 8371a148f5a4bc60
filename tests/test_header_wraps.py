"""Headers and signatures in hard-wrapped text (issue 9, class 6), in documents written for the test."""

from __future__ import annotations

import pytest

from extractor import extract

LETTER = """BỘ TÀI
CHÍNH
CỤC
HẢI QUAN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1234/HQ-GSQL
V/v thủ tục hải quan đối với hàng hóa xuất khẩu
Hà Nội, ngày 12 tháng 5 năm 2025
Kính gửi: Công ty TNHH Thương mại Minh Long.
Cục Hải quan nhận được công văn của Công ty. Về vấn đề này, Cục Hải quan có ý kiến như sau:
1. Về thủ tục hải quan: đề nghị Công ty nghiên cứu quy định tại Điều 67 Thông tư số 38/2015/TT-BTC.
2. Về chính sách thuế: đề nghị Công ty nghiên cứu quy định tại Nghị định số 134/2016/NĐ-CP.
Nơi nhận:
- Như trên;
- Lưu: VT, GSQL.
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Nguyễn Văn
Bình
{after}
"""


def test_an_issuing_body_split_over_lines_keeps_its_head_word():
    issuer = extract(LETTER.format(after="")).issuer
    assert (issuer.name, issuer.parent) == ("Cục Hải quan", "Bộ Tài chính")


@pytest.mark.parametrize("after", ["PHỤ LỤC\nDANH MỤC HÀNG HÓA", "THỦ TƯỚNG\nCHÍNH PHỦ", "DANH\nMỤC THỦ TỤC"])
def test_a_signers_name_ends_where_a_heading_starts(after):
    record = extract(LETTER.format(after=after))
    assert record.signature.signer == "Nguyễn Văn Bình"  # wrapped over two lines, the heading after it left out
    assert [t.lead for t in record.tasks] == [["Công ty"], ["Công ty"]]


def test_a_comma_at_the_end_of_an_issuer_line_stays_in_the_name():
    text = LETTER.format(after="").replace("BỘ TÀI\nCHÍNH\nCỤC\nHẢI QUAN", "BỘ VĂN HÓA,\nTHỂ THAO\nVÀ DU LỊCH")
    assert extract(text).issuer.name == "Bộ Văn hóa, Thể thao và Du lịch"


def test_an_authority_line_wrapped_before_its_last_word():
    """"T/M BỘ CHÍNH\nTRỊ" over the name: a single word that is no title ends the authority line."""
    text = LETTER.format(after="").replace("KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG", "T/M BỘ CHÍNH\nTRỊ")
    signature = extract(text).signature
    assert (signature.authority, signature.position) == (["T/M BỘ CHÍNH TRỊ"], None)


def test_a_subject_line_ending_in_cua_goes_on_with_the_authority_it_names():
    text = LETTER.format(after="").replace(
        "V/v thủ tục hải quan đối với hàng hóa xuất khẩu\n",
        "V/v THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA\nTHỦ TƯỚNG CHÍNH PHỦ VỀ CÔNG TÁC DÂN SỐ\n")
    assert extract(text).subject.endswith("CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ CÔNG TÁC DÂN SỐ")


def test_a_bare_ve_under_the_number_opens_the_trich_yeu():
    text = LETTER.format(after="").replace("V/v thủ tục hải quan", "Về thủ tục hải quan")
    assert extract(text).subject == "thủ tục hải quan đối với hàng hóa xuất khẩu"


REPLY = """BỘ TÀI CHÍNH
CỤC THUẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 4512/CT-CS
V/v chính sách thuế giá trị gia tăng
Hà Nội, ngày 10 tháng 10 năm 2025
Kính gửi: Thuế
thành phố Hải Phòng
Cục Thuế nhận được Công văn số 1234/HPH-QLDN ngày 05/9/2025 của Thuế thành phố Hải Phòng về
chính sách thuế giá trị gia tăng. Về vấn đề này, Cục Thuế có ý kiến như sau:
Căn cứ Luật Thuế giá trị gia tăng số 48/2024/QH15;
Đề nghị Thuế thành phố Hải Phòng căn cứ hồ sơ cụ thể để hướng dẫn người nộp thuế.
Nơi nhận:
- Như trên;
- Lưu: VT, CS.
TL. CỤC TRƯỞNG
KT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ
PHÓ TRƯỞNG BAN
Nguyễn Văn Hùng
"""


def test_a_replys_body_opens_with_the_office_that_received_a_letter():
    """"Cục Thuế nhận được Công văn số …" under a wrapped Kính gửi line starts the body: it is no
    more of the recipient's name (nor of the trích yếu)."""
    record = extract(REPLY)
    assert [r.name for r in record.recipients] == ["Thuế thành phố Hải Phòng"]
    assert record.subject == "chính sách thuế giá trị gia tăng"


RESOLUTION_WITHOUT_HEADER = """NGHỊ QUYẾT
Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Điện Biên năm 2025
ỦY BAN THƯỜNG VỤ QUỐC HỘI
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Xét đề nghị của Chính phủ tại Tờ trình số 376/TTr-CP,
QUYẾT NGHỊ:
Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh Điện Biên
Trên cơ sở Đề án của Chính phủ, Ủy ban Thường vụ Quốc hội quyết định sắp xếp để thành lập các đơn vị
hành chính cấp xã của tỉnh Điện Biên như sau:
1. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Mường Phăng và Nà Nhạn thành xã mới.
2. Sau khi sắp xếp, tỉnh Điện Biên có 45 đơn vị hành chính cấp xã.
Điều 2. Hiệu lực thi hành
1. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.
2. Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Điện Biên tổ chức thi hành Nghị quyết này.
Nơi nhận:
- Chính phủ;
- Tỉnh ủy, HĐND, UBND tỉnh Điện Biên;
- Lưu: HC, PLTP.
TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI
CHỦ TỊCH
Trần Thanh Mẫn
"""


def test_without_number_or_date_the_title_still_ends_the_issuer_block():
    """A resolution whose number and date were lost in conversion: the upper-case lines under its
    title ("ỦY BAN THƯỜNG VỤ QUỐC HỘI" as the enacting body, "QUYẾT NGHỊ:") are no issuer block;
    the issuer comes from the signature instead."""
    issuer = extract(RESOLUTION_WITHOUT_HEADER).issuer
    assert (issuer.name, issuer.parent, issuer.inferred) == ("Ủy ban Thường vụ Quốc hội", None, True)


WRAPPED_TITLE = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
--------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 81/2025/QĐ-UBND
Hà Tĩnh, ngày 25 tháng 11 năm 2025
QUYẾT
ĐỊNH
BÃI BỎ QUYẾT ĐỊNH
SỐ 16/2025/QĐ-UBND NGÀY 03/3/2025 CỦA ỦY BAN NHÂN DÂN TỈNH BAN HÀNH QUY ĐỊNH CHỨC
NĂNG, NHIỆM VỤ CỦA SỞ TƯ PHÁP
ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
QUYẾT ĐỊNH:
Điều 1. Bãi bỏ Quyết định số 16/2025/QĐ-UBND ngày 03/3/2025 của Ủy ban nhân dân tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT, NC.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Hùng
"""


def test_a_title_wrapped_after_its_first_word_and_its_whole_subject():
    """"QUYẾT\\nĐỊNH" is the title; the upper-case subject under it runs on over "SỐ 16/2025/…", a
    cited number, not another number line."""
    record = extract(WRAPPED_TITLE)
    assert record.doc_type.name == "Quyết định"
    assert record.subject == ("BÃI BỎ QUYẾT ĐỊNH SỐ 16/2025/QĐ-UBND NGÀY 03/3/2025 CỦA ỦY BAN NHÂN DÂN TỈNH "
                              "BAN HÀNH QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ CỦA SỞ TƯ PHÁP")


def test_a_subject_prefix_alone_on_its_line():
    text = REPLY.replace("V/v chính sách thuế giá trị gia tăng", "V/v:\nChính sách thuế giá trị gia tăng")
    assert extract(text).subject == "Chính sách thuế giá trị gia tăng"


def test_a_lower_case_v_v_line_is_not_joined_to_the_number_line():
    """Web text joins a line opening in lower case to the one before; "v/v …" under the number is
    the trích yếu, not the rest of the ký hiệu (which made "4512/CT-CS v/v …" a chỉ thị's number)."""
    record = extract(REPLY.replace("V/v chính sách thuế", "v/v chính sách thuế"))
    assert record.number.raw == "4512/CT-CS"
    assert (record.doc_type.name, record.subject) == ("Công văn", "chính sách thuế giá trị gia tăng")


def test_a_recipients_name_wrapped_before_its_last_word_is_one_recipient():
    text = REPLY.replace("Kính gửi: Thuế\nthành phố Hải Phòng", "Kính gửi: Thuế thành phố Hải\nPhòng.")
    assert [r.name for r in extract(text).recipients] == ["Thuế thành phố Hải Phòng"]


@pytest.mark.parametrize("second", ["MST:0101234567", "UBND"])
def test_a_code_or_an_abbreviation_on_the_next_line_is_no_part_of_the_name(second):
    text = REPLY.replace("Kính gửi: Thuế\nthành phố Hải Phòng", f"Kính gửi: Công ty TNHH Thương mại ABC\n{second}")
    assert extract(text).recipients[0].name == "Công ty TNHH Thương mại ABC"


FLATTENED_TABLE = ("BỘ XÂY DỰNG__________ Số: 42/2025/TT-BXD | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
                   "Độc lập - Tự do - Hạnh phúc______________________" + """

THÔNG TƯ

Hướng dẫn quản lý chi phí bảo trì công trình xây dựng

Căn cứ Nghị định số 06/2021/NĐ-CP ngày 26 tháng 01 năm 2021 của Chính phủ;

Bộ trưởng Bộ Xây dựng ban hành Thông tư hướng dẫn quản lý chi phí bảo trì công trình xây dựng.

Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn quản lý chi phí bảo trì công trình xây dựng.
""")


@pytest.mark.parametrize("rule", ["__________", "------------------", "====="])
def test_number_beside_the_issuers_rule_on_a_flattened_header_line(rule: str) -> None:
    record = extract(FLATTENED_TABLE.replace("__________", rule, 1))
    assert record.number is not None and record.number.raw == "42/2025/TT-BXD"
    assert record.issuer is not None and record.issuer.name == "Bộ Xây dựng"
    assert record.doc_type is not None and record.doc_type.name == "Thông tư"


def test_a_blank_number_after_its_label_is_not_split() -> None:
    """A template's blank ("Số: ______/QĐ-UBND") has its rule after the label: no line break there."""
    record = extract(LETTER.replace("Số: 1234/HQ-GSQL", "Số: ______/HQ-GSQL"))
    assert record.number is not None and record.number.symbol == "HQ-GSQL"


@pytest.mark.parametrize(("title", "subject"), [("THÔNG TƯ", "Hướng dẫn quản lý chi phí bảo trì công trình xây dựng"),
                                                ("QUYẾT ĐỊNH", "Ban hành Quy chế làm việc của Sở Xây dựng")])
def test_subject_glued_to_its_upper_case_title(title: str, subject: str) -> None:
    """Conversion may drop the break between the title and the trích yếu ("NGHỊ ĐỊNHQuy định về …")."""
    text = FLATTENED_TABLE.replace("THÔNG TƯ\n\nHướng dẫn quản lý chi phí bảo trì công trình xây dựng",
                                   title + subject)
    record = extract(text)
    assert record.doc_type is not None and record.doc_type.name == title.capitalize()
    assert record.subject == subject


def test_a_title_case_line_under_the_number_is_no_glued_title() -> None:
    """Only an upper-case type name makes a title: with the title gone, the type comes from the
    number's code and no line is taken for a title."""
    record = extract(FLATTENED_TABLE.replace("THÔNG TƯ\n\n", ""))
    assert record.doc_type is not None and record.doc_type.span is None  # (from the number's code, no title)
