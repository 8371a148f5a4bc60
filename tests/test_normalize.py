"""Normalization keeps a true map back to the source text."""

from __future__ import annotations

import unicodedata

from extractor.normalize import clean_value, normalize


def spans_of(source: str, words: list[str]) -> dict[str, str]:
    text = normalize(source)
    out = {}
    for w in words:
        i = text.text.index(w)
        a, b = text.source_span(i, i + len(w))
        out[w] = unicodedata.normalize("NFC", source[a:b])
    return out


def test_markup_removed_and_spans_point_into_source():
    source = "Số: **1523**/UBND-KT\r\n~~86~~ Sở *Y tế* | Hà Tĩnh"
    text = normalize(source)
    assert "**" not in text.text and "~~" not in text.text and "*" not in text.text
    assert spans_of(source, ["1523", "86", "Y tế", "Hà Tĩnh"]) == {
        "1523": "1523", "86": "86", "Y tế": "Y tế", "Hà Tĩnh": "Hà Tĩnh"}


def test_nfd_becomes_nfc_with_spans_on_whole_letters():
    source = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Hà Tĩnh")
    text = normalize(source)
    assert text.text == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert spans_of(source, ["Hà Tĩnh", "Ủy"]) == {"Hà Tĩnh": "Hà Tĩnh", "Ủy": "Ủy"}


def test_old_tone_placement_only_at_syllable_end():
    text = normalize("Uỷ ban hoà giải, hoàn thành khoảng Thuỷ lợi, quý I").text
    assert text == "Ủy ban hòa giải, hoàn thành khoảng Thủy lợi, quý I"


def test_web_line_breaks_rejoined_but_items_kept():
    text = normalize("Thành\nphố Hồ Chí Minh, ngày 1\nKính\ngửi:\n- Sở A;\na) việc một;\nb) việc hai").text
    assert "Thành phố Hồ Chí Minh" in text
    assert "Kính gửi:" in text
    assert "\na) việc một;\nb) việc hai" in text


def test_break_after_a_head_word_is_rejoined():
    assert "1. Sở Khoa học và Công nghệ" in normalize("1. Sở\nKhoa học và Công nghệ").text
    # an upper-case header line stays on its own
    assert normalize("BỘ TÀI CHÍNH\nCỤC THUẾ").text == "BỘ TÀI CHÍNH\nCỤC THUẾ"


def test_icelandic_eth_from_ocr():
    assert normalize("Số: 12/QÐ-UBND").text == "Số: 12/QĐ-UBND"


def test_letter_repeated_by_ocr_in_a_type_code():
    source = "Số: 47/QĐÐ-UBND, theo Quyết định số 79/QĐĐ-UBND của Cục QLĐĐ"
    text = normalize(source)
    assert text.text == "Số: 47/QĐ-UBND, theo Quyết định số 79/QĐ-UBND của Cục QLĐĐ"
    at = text.text.index("Cục")
    assert source[text.to_source(at):].startswith("Cục")  # spans still point at the source


def test_clean_value_folds_space_and_trailing_punctuation():
    assert clean_value("  Sở  Xây\n dựng; ") == "Sở Xây dựng"
    assert clean_value(" ;. ") is None


def test_item_letter_read_as_copyright_sign():
    assert normalize("b) Khẩn trương rà soát;\n©) Nghiên cứu giải quyết (© 2024)").text == \
        "b) Khẩn trương rà soát;\nc) Nghiên cứu giải quyết (© 2024)"


def test_item_marker_left_alone_on_its_line_is_joined_to_its_heading():
    text = normalize("III. LỘ TRÌNH\n1.\nGiai đoạn 2025 - 2030\n2.1.\nMở rộng cơ chế\nb)\nSở Y tế\nNăm\n2025.\nSố liệu")
    assert text.text == ("III. LỘ TRÌNH\n1. Giai đoạn 2025 - 2030\n2.1. Mở rộng cơ chế\nb) Sở Y tế\nNăm\n2025.\n"
                         "Số liệu")
