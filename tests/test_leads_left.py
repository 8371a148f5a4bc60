"""Who must do each task, in forms earlier rounds left unread: a later sentence of an item whose subject
follows a connective ("Đồng thời, …") or whose verb is "phối hợp" with a named partner; an assignment
word in a purpose clause ("… gửi X để xem xét, giao Y …"), which charges no one.

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


def test_a_later_sentence_whose_subject_works_with_a_named_partner_leads():
    tasks = tasks_of("""1. Yêu cầu Đảng ủy Ủy ban nhân dân tỉnh chỉ đạo hoàn thành việc sắp xếp các cơ sở bảo trợ xã hội
trong năm 2025. Các huyện ủy, thành ủy phối hợp Sở Y tế rà soát các trạm y tế xã, hoàn thành trước ngày
31/12/2025.
2. Sở Y tế chủ trì tổ chức khám sức khỏe cho người cao tuổi. Các doanh nghiệp phối hợp tài trợ
kinh phí theo khả năng.
""")
    assert tasks["1"].lead == ["Đảng ủy Ủy ban nhân dân tỉnh", "Các huyện ủy, thành ủy"]
    assert tasks["1"].cooperating == ["Sở Y tế"]
    # (a verb after "phối hợp", no partner: the sentence states a wish, not whom the item charges)
    assert tasks["2"].lead == ["Sở Y tế"]


def test_an_assignment_word_in_a_purpose_clause_charges_no_one():
    tasks = tasks_of("""1. Trong thời hạn 15 ngày kể từ khi nhận được hồ sơ, Ủy ban nhân dân tỉnh gửi Thường trực
Hội đồng nhân dân tỉnh để xem xét, giao các Ban của Hội đồng nhân dân tỉnh thẩm tra theo quy định.
2. Các cơ quan báo chí của tỉnh có trách nhiệm phát hiện, giới thiệu gương người tốt tới Sở Nội vụ để xem
xét, đề nghị Ủy ban nhân dân tỉnh khen thưởng.
3. Để bảo đảm tiến độ, đề nghị Sở Tài chính bố trí kinh phí thực hiện trong quý IV năm 2025.
""")
    assert tasks["1"].lead == ["Ủy ban nhân dân tỉnh"]
    assert tasks["2"].lead == ["Các cơ quan báo chí của tỉnh"]
    # (a purpose opening the sentence comes before its request)
    assert tasks["3"].lead == ["Sở Tài chính"]



def front_plan(items: str) -> dict:
    """The tasks of a ward Front committee's plan whose section I holds ``items``."""
    return tasks_by_id("""ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM
PHƯỜNG TÂN AN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 21/KH-MTTQ
Tân An, ngày 3 tháng 12 năm 2025

KẾ HOẠCH
Giám sát việc lập danh sách cử tri

I. TỔ CHỨC THỰC HIỆN
""" + items + """
Nơi nhận:
- Lưu: VT.
TM. BAN THƯỜNG TRỰC
CHỦ TỊCH
Trần Thị Lan
""")


def test_a_bodys_name_ends_before_thanh_lap():
    tasks = front_plan("""1. Ban Thường trực Ủy ban MTTQ Việt Nam phường thành lập tổ giám sát danh sách cử tri.
2. Ban Chỉ đạo phường thành lập tổ giúp việc trong tháng 12 năm 2025.
""")
    assert tasks["I.1"].lead == ["Ban Thường trực Ủy ban MTTQ Việt Nam phường"]
    assert tasks["I.2"].lead == ["Ban Chỉ đạo phường"]


def test_the_fronts_residential_boards_are_bodies():
    tasks = front_plan("""1. Ban công tác Mặt trận các tổ dân phố căn cứ kế hoạch này chủ động phối hợp thực hiện.
2. Ban Công tác Mặt trận ở khu dân cư có trách nhiệm tuyên truyền đến từng hộ gia đình.
3. Ban Thường trực Ủy ban MTTQ Việt Nam phường chủ trì, phối hợp với Ban công tác Mặt trận các thôn, ấp giám
sát việc niêm yết danh sách cử tri.
""")
    assert tasks["I.1"].lead == ["Ban công tác Mặt trận các tổ dân phố"]
    assert tasks["I.2"].lead == ["Ban Công tác Mặt trận ở khu dân cư"]
    assert tasks["I.3"].cooperating == ["Ban công tác Mặt trận các thôn, ấp"]
