"""Leads in letters answering a body's question (công văn trả lời): the addressed body is asked to
check or discuss, and its name must end before that verb (short documents written for the tests)."""

from __future__ import annotations

import pytest

from extractor.ner import find_agencies


@pytest.mark.parametrize("text, name", [
    ("Đề nghị Thuế tỉnh Bình Thuận trao đổi với doanh nghiệp để làm rõ hồ sơ.", "Thuế tỉnh Bình Thuận"),
    ("Đề nghị Thuế thành phố Đà Nẵng đối chiếu hồ sơ thực tế để xử lý.", "Thuế thành phố Đà Nẵng"),
    ("Sở Tài chính trao đổi thống nhất với Sở Xây dựng trước khi trình.", "Sở Tài chính"),
])
def test_a_name_ends_before_the_verb_of_discussing_or_checking(text, name):
    """"… trao đổi …", "… đối chiếu …" follow the addressed body in answering letters (tax letters to
    provincial tax offices): the verb is not part of the name."""
    assert [a.name for a in find_agencies(text)][0] == name
