"""Who must do each task, in forms earlier rounds left unread: a later sentence of an item whose subject
follows a connective ("Đồng thời, …").

Each test is a directive written for the test (made-up names and numbers), in the wording of public
conclusions and plans.
"""

from __future__ import annotations

from conftest import tasks_by_id

HEADER = """ĐẢNG BỘ TỈNH HÒA BÌNH
TỈNH ỦY
-------
ĐẢNG CỘNG SẢN VIỆT NAM
---------------
Số 58-KL/TU
Hòa Bình, ngày 12 tháng 11 năm 2025

KẾT LUẬN
CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ CÔNG TÁC CHĂM LO NGƯỜI CAO TUỔI

Ban Thường vụ Tỉnh ủy kết luận như sau:
"""
FOOTER = """
Nơi nhận:
- Các huyện ủy, thành ủy,
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC
Bùi Văn Sơn
"""


def tasks_of(body: str) -> dict:
    return tasks_by_id(HEADER + body + FOOTER)


def test_a_later_sentence_opening_with_a_connective_names_its_subject():
    tasks = tasks_of("""1. Giao Đảng ủy Ủy ban nhân dân tỉnh chỉ đạo rà soát chế độ trợ cấp cho người cao tuổi cô đơn,
bảo đảm chi trả đúng, đủ và kịp thời. Đồng thời, cấp ủy, chính quyền cơ sở phải nắm chắc hoàn cảnh từng
hộ để có biện pháp hỗ trợ.
2. Giao Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tuyên truyền về phong trào chăm sóc người cao tuổi.
Ngoài ra, giao Đảng ủy Sở Y tế chỉ đạo khám sức khỏe định kỳ cho người cao tuổi.
""")
    assert tasks["1"].lead == ["Đảng ủy Ủy ban nhân dân tỉnh", "cấp ủy, chính quyền cơ sở"]
    assert tasks["2"].lead == ["Ban Tuyên giáo và Dân vận Tỉnh ủy", "Đảng ủy Sở Y tế"]

