"""Where a body's name ends in free text: names wrapped over lines, names holding commas or "và",
collectives over kinds of units (short documents written for the tests)."""

from __future__ import annotations

import pytest

from extractor.ner import find_agencies


@pytest.mark.parametrize("text, name", [
    ("Hồ sơ gửi Ủy ban nhân dân thành phố\nHải Phòng xét tặng.", "Ủy ban nhân dân thành phố Hải Phòng"),
    ("theo Nghị quyết số 15/2023/NQ-HĐND của Hội đồng nhân dân tỉnh\nGia Lai quy định",
     "Hội đồng nhân dân tỉnh Gia Lai"),
    ("b) Sở Nội vụ thành phố\nĐà Nẵng thẩm định hồ sơ.", "Sở Nội vụ thành phố Đà Nẵng"),
    ("1. Ban Quản lý Khu công nghệ cao thành phố Hải\nPhòng là cơ quan trực thuộc",
     "Ban Quản lý Khu công nghệ cao thành phố Hải Phòng"),
])
def test_a_province_after_a_line_wrapped_at_its_unit_goes_on_the_name(text, name):
    """Hard-wrapped text breaks the line between the unit ("thành phố", "tỉnh") and the province's
    name, or inside the province's name after a named body: the name is whole."""
    assert [a.name for a in find_agencies(text)] == [name]


def test_a_capitalised_word_after_a_wrapped_unit_that_is_no_province_is_not_taken_in():
    text = "đề nghị Ủy ban nhân dân thành phố\nTổng hợp kết quả trước ngày 20."
    assert [a.name for a in find_agencies(text)] == ["Ủy ban nhân dân thành phố"]


def test_a_shared_territorial_heads_provinces_across_a_wrap_and_before_the_verb():
    text = ("c) Ủy ban nhân dân các tỉnh, thành phố: Lạng\nSơn, Cần Thơ, Hà Nội, Bình Định khẩn trương bàn giao "
            "mặt bằng.")
    assert [a.name for a in find_agencies(text)] == [
        "Ủy ban nhân dân tỉnh Lạng Sơn", "Ủy ban nhân dân thành phố Cần Thơ", "Ủy ban nhân dân thành phố Hà Nội",
        "Ủy ban nhân dân tỉnh Bình Định"]


@pytest.mark.parametrize("text, name", [
    ("Đề nghị Tổng công ty Hàng hải\nViệt Nam báo cáo.", "Tổng công ty Hàng hải Việt Nam"),
    ("gửi hồ sơ đến Trung tâm Phục vụ hành chính công tỉnh\nQuảng Trị (số 5, đường Lê Lợi)",
     "Trung tâm Phục vụ hành chính công tỉnh Quảng Trị"),
    ("Quyết định số 12/2021/QĐ-UBND của Ủy ban nhân dân tỉnh Phú Yên sửa đổi Quy định",
     "Ủy ban nhân dân tỉnh Phú Yên"),
])
def test_a_name_goes_on_across_a_wrap_before_viet_nam_or_a_province_and_stops_at_an_amending_verb(text, name):
    """"Việt Nam" on the next line ends the name of the line before; a unit and a province after a
    name's lower-case words are its territory, wrapped or not; "sửa đổi", "bổ sung" are the cited
    title's verbs, not the issuer's name."""
    assert [a.name for a in find_agencies(text)] == [name]


@pytest.mark.parametrize("text, names", [
    ("Điều 3. Cục trưởng Cục Di sản, Lưu trữ và Thư viện chịu trách nhiệm thi hành",
     ["Cục Di sản, Lưu trữ và Thư viện"]),
    ("Giao Viện Khảo cổ, Dân tộc học và Nhân học Việt Nam chủ trì", ["Viện Khảo cổ, Dân tộc học và Nhân học Việt Nam"]),
    ("Công ty TNHH MTV Tư vấn, Thiết kế và Xây lắp Bình Định thực hiện",
     ["Công ty TNHH MTV Tư vấn, Thiết kế và Xây lắp Bình Định"]),
    # a list of bodies, not one name
    ("Bộ Y tế, Tài chính và Nội vụ khẩn trương", ["Bộ Y tế"]),
    ("Sở Công Thương, Xây dựng và Tư pháp báo cáo", ["Sở Công Thương"]),
    ("Sở Tài chính, Sở Nội vụ và Sở Tư pháp", ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"]),
    ("Vụ trưởng Vụ Tổ chức cán bộ, Cục trưởng Cục Dược và Thủ trưởng các đơn vị",
     ["Vụ Tổ chức cán bộ", "Cục Dược"]),
])
def test_a_comma_inside_an_official_name_closed_by_va(text, names):
    """A name that lists its fields with commas and closes the list with "và" is one body; a
    piece that opens with a head, a role or a ministry's whole field is another body."""
    assert [a.name for a in find_agencies(text)] == names


@pytest.mark.parametrize("text, names", [
    ("a) Ủy ban nhân dân xã/phường lập danh sách hộ được hỗ trợ.", ["Ủy ban nhân dân xã/phường"]),
    ("3. UBND các tỉnh/ thành phố chỉ đạo rà soát.", ["UBND các tỉnh/ thành phố"]),
    ("hồ sơ nộp tại Trung tâm Phục vụ hành chính công xã/phường nơi cư trú",
     ["Trung tâm Phục vụ hành chính công xã/phường"]),
    # generic units: the capital after them is the verb, not a place
    ("trình Chủ tịch Ủy ban nhân dân xã/phường Quyết định công nhận.", ["Ủy ban nhân dân xã/phường"]),
    ("Giao Ủy ban nhân dân các\nxã, phường tổ chức thực hiện.", ["Ủy ban nhân dân các xã, phường"]),
    ("Giao Ủy ban nhân dân\ncác phường, xã tổ chức thực hiện.", ["Ủy ban nhân dân các phường, xã"]),
])
def test_units_parted_by_a_slash_or_wrapped_around_cac_are_one_collective(text, names):
    """"xã/phường" writes the kinds of unit one body is for; a line wrapped before or after "các"
    keeps the head with its units."""
    assert [a.name for a in find_agencies(text)] == names


@pytest.mark.parametrize("text, names", [
    ("Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh tuyên truyền.", ["Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh"]),
    ("Hội Liên hiệp Phụ nữ các cấp vận động hội viên.", ["Hội Liên hiệp Phụ nữ các cấp"]),
    ("Hội Nông dân tỉnh Quảng Bình hướng dẫn.", ["Hội Nông dân tỉnh Quảng Bình"]),
])
def test_a_named_body_keeps_the_unit_of_its_branch(text, names):
    """A body of the list followed by its province's unit names the province's branch; the unit is
    no stray word left to end a list."""
    assert [a.name for a in find_agencies(text)] == names


@pytest.mark.parametrize("text, names", [
    ("Cục trưởng Cục Trồng trọt và Bảo vệ thực vật chịu trách nhiệm", ["Cục Trồng trọt và Bảo vệ thực vật"]),
    ("Giao Cục Tiền lương và Bảo hiểm xã hội chủ trì", ["Cục Tiền lương và Bảo hiểm xã hội"]),
])
def test_a_national_body_whose_second_field_opens_with_a_head_word(text, names):
    assert [a.name for a in find_agencies(text)] == names


@pytest.mark.parametrize("text, names", [
    ("Bộ trưởng các Bộ: Y tế, Nội vụ, Công Thương và\nThủ trưởng các cơ quan liên quan chịu trách nhiệm",
     ["Bộ Y tế", "Bộ Nội vụ", "Bộ Công Thương"]),
    ("Giám đốc các Sở: Tư pháp, Xây dựng, Thủ trưởng các đơn vị liên quan thi hành",
     ["Sở Tư pháp", "Sở Xây dựng"]),
])
def test_a_role_ends_a_shared_heads_list(text, names):
    assert [a.name for a in find_agencies(text)] == names


@pytest.mark.parametrize("text, names", [
    ("Giao Bộ trưởng Bộ Tư pháp thừa ủy quyền Thủ tướng Chính phủ ký văn bản",
     ["Bộ Tư pháp", "Thủ tướng Chính phủ"]),
    ("Ủy quyền cho Lãnh đạo Bộ Ngoại giao thay mặt Chính phủ ký Hiệp định", ["Bộ Ngoại giao", "Chính phủ"]),
])
def test_acting_for_another_body_ends_the_name(text, names):
    """"thừa ủy quyền", "thay mặt" open whom the body acts for: they end its name."""
    assert [a.name for a in find_agencies(text)] == names
