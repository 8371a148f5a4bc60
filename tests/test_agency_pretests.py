"""The agency patterns' pretests (``[pretests]`` in grammars/agencies.toml) pass wherever their pattern
matches: a pretest stricter than its pattern would drop bodies without any error."""

from __future__ import annotations

import pytest

from extractor import ner

# (written for this test: each form the pretests must let through, in running text)
TEXT = """Giao Sở Tài chính, Sở Y tế tỉnh Hà Tĩnh và Bộ Văn hóa, Thể thao và Du lịch chủ trì.
Ủy ban nhân dân các xã, phường, đặc khu; UBND tỉnh; Ủy ban nhân dân
các xã, phường; Công an Thành phố; Hội đồng nhân dân tỉnh
Vĩnh Long; Ủy ban nhân dân cấp xã; UBND xã/phường Hòa Bình.
Trung tâm Chuyển đổi số Thành phố, Cục Đường bộ Việt Nam, Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh.
Các sở, ban, ngành; các cơ quan Trung ương; các tổ chức chính trị - xã hội; Giám đốc các Sở, Thủ trưởng
các ngành; CÁC SỞ, BAN, NGÀNH; các doanh nghiệp.
Kho bạc Nhà nước khu vực XI, Văn phòng Chính phủ, Hội Nông dân tỉnh, Ngân hàng Nhà nước chi nhánh khu vực 8.
Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng; Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai; tỉnh: Lâm Đồng.
Các đồng chí Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ; bộ trưởng, thủ
trưởng cơ quan ngang bộ.
Đồng chí Phó Chủ tịch UBND tỉnh Nguyễn Văn An; Phó Thủ tướng Chính phủ Trần Văn Bình; Chủ tịch Lê Minh Hải.
Các Sở: Tài chính, Tư pháp; các bộ, cơ quan: Xây dựng, Công Thương; các Tập đoàn: Điện lực Việt Nam.
Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai; UBND các tỉnh, thành phố: Tuyên Quang, Đồng Nai.
Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và đại biểu HĐND tỉnh;
các ban HĐND thành phố, Tổ đại biểu Hội đồng nhân dân, các đại biểu Hội đồng nhân dân.
"""


@pytest.mark.parametrize("key", sorted(ner._compiled()["pretests"]))
def test_a_pretest_passes_wherever_its_pattern_matches(key):
    c = ner._compiled()
    matched = [pos for pos in range(len(TEXT)) if c[key].match(TEXT, pos)]
    assert matched, f"the text holds no form of {key}"
    assert [pos for pos in matched if not c["pretests"][key](TEXT, pos)] == []


def test_pretests_leave_the_bodies_found_as_without_them():
    c = ner._compiled()
    found = ner.rule_agencies(TEXT)
    pretests = c.pop("pretests")
    try:
        c["pretests"] = {}
        assert ner.rule_agencies(TEXT) == found
    finally:
        c["pretests"] = pretests


@pytest.mark.parametrize("name", ["Sở Tài chính và", "Sở Tài chính của", "Ban Quản lý các", "Sở Y tế, ", "Sở Y tế,",
                                  "Cục Thuế  ", "Sở Xây dựng với", "Sở Tư pháp cho"])
def test_trailing_words_are_stripped_where_the_cheap_test_sends_them(name):
    c = ner._compiled()
    assert name.endswith(c["trail_ends"]) or name[-1].isspace() or name.endswith(",")
    assert c["trail"].sub("", name) != name


@pytest.mark.parametrize("name", ["Sở Tài chính", "Bộ Công an", "Văn phòng Ủy ban nhân dân tỉnh", "các sở, ban, ngành",
                                  "Ban Chỉ đạo 389", "Cục Văn hóa cơ sở, Gia đình và Thư viện", "Sở Y tế tỉnh Hà Tĩnh"])
def test_a_name_the_cheap_test_passes_over_has_no_trailing_words(name):
    c = ner._compiled()
    assert not (name.endswith(c["trail_ends"]) or name[-1].isspace() or name.endswith(","))
    assert c["trail"].sub("", name) == name
