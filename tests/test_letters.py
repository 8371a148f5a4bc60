"""Leads in letters answering a body's question (công văn trả lời): the addressed body is asked to
check or discuss, and its name must end before that verb (short documents written for the tests)."""

from __future__ import annotations

import pytest

from extractor import extract
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


def test_a_name_ends_before_lien_he():
    text = "Đề nghị Công ty Cổ phần Thương mại Hòa Bình liên hệ với Thuế tỉnh Phú Thọ để được hướng dẫn."
    assert [a.name for a in find_agencies(text)][:2] == ["Công ty Cổ phần Thương mại Hòa Bình", "Thuế tỉnh Phú Thọ"]


REPLY = """BỘ TÀI CHÍNH
CỤC THUẾ
-------
Số: 4120/CT-CS
V/v chính sách thu tiền thuê đất
Hà Nội, ngày 12 tháng 11 năm 2025

Kính gửi: Thuế tỉnh Quảng Bình.

Cục Thuế nhận được công văn số 210/QBI-QLĐ ngày 02/10/2025 của Thuế tỉnh Quảng Bình hỏi về chính
sách thu tiền thuê đất. Về vấn đề này, Cục Thuế có ý kiến như sau:
1. Về thời điểm tính tiền thuê đất: thực hiện theo quy định tại Điều 30 Nghị định số 103/2024/NĐ-CP.
2. Về hồ sơ miễn, giảm: căn cứ quy định tại Điều 39 Nghị định số 103/2024/NĐ-CP.
Đề nghị Thuế tỉnh Quảng Bình phối hợp với các cơ quan chức năng của địa phương rà soát hồ sơ cụ thể
để xử lý theo đúng quy định.
Cục Thuế trả lời để Thuế tỉnh Quảng Bình biết và thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, CS.
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Trần Văn Bình
"""


def test_the_replys_closing_line_charges_no_one_and_the_request_before_it_is_read():
    """"Cục Thuế trả lời để X biết (và thực hiện)" closes a reply (27 pool letters of the tax and
    customs offices): the replying office is no lead; the request before it ("Đề nghị Thuế tỉnh …")
    is."""
    tasks = {t.id: t for t in extract(REPLY).tasks}
    assert tasks["2"].lead == ["Thuế tỉnh Quảng Bình"]
    assert tasks["2"].cooperating == ["các cơ quan chức năng của địa phương"]  # (as the dev gold writes one)
    assert "trả lời để" not in tasks["2"].text
