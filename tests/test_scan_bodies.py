"""Who must do each task in the body of a scanned document, as OCR reads it.

Each test is a form seen in the text Tesseract gives of real signed scans (a provincial People's
Committee's directives, notices and decisions), written anew with made-up names and numbers: OCR
misreads inside a list of units, names of bodies that hold "và".
"""

from __future__ import annotations

from conftest import tasks_by_id

HEADER = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 12/CT-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Định, ngày 14 tháng 3 năm 2025

CHỈ THỊ
Về việc tăng cường quản lý các dự án đầu tư

"""
FOOTER = """
Nơi nhận:
- Như trên;
- Lưu: VT, KT.
CHỦ TỊCH
Lê Văn Bình
"""


def tasks_of(body: str) -> dict:
    return tasks_by_id(HEADER + body + FOOTER)


def test_a_list_of_units_read_with_a_full_stop_or_a_misread_tone_goes_on():
    tasks = tasks_of("""Để đẩy nhanh tiến độ các dự án, Chủ tịch UBND tỉnh yêu cầu:
1. Các sở, ban ngành, UBND
các huyện. thị xã, các cơ quan liên quan rà soát các dự án chậm tiến độ.
2. Chủ tịch UBND các huyện, thị xã, thành phó:
- Kiểm tra các công trình trên địa bàn.
3. Giám đốc Sở Xây dựng; Chủ tịch Ủy ban nhân dân
các huyện, thành phô có trách nhiệm hướng dẫn nhà đầu tư.
""")
    assert tasks["1"].lead == ["Các sở, ban ngành", "UBND các huyện. thị xã"]
    assert tasks["2"].lead == ["Chủ tịch UBND các huyện, thị xã, thành phó"]
    assert tasks["3"].lead == ["Giám đốc Sở Xây dựng", "Chủ tịch Ủy ban nhân dân các huyện, thành phô"]


def test_a_kind_of_body_of_the_province_then_the_next_addressee():
    tasks = tasks_of("""1. Thủ trưởng các sở, ban, ngành của tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thị xã trong tỉnh
có trách nhiệm:
a) Thi hành nghiêm các bản án hành chính.
2. Sở Tư pháp chủ trì, phối hợp với các sở, ban, ngành của tỉnh, Ủy ban nhân dân cấp xã tuyên truyền pháp luật.
""")
    assert tasks["1.a"].lead == ["Thủ trưởng các sở, ban, ngành của tỉnh", "Chủ tịch Ủy ban nhân dân các huyện, thị xã"]
    assert tasks["2"].cooperating == ["các sở, ban, ngành của tỉnh", "Ủy ban nhân dân cấp xã"]


def test_the_board_of_a_named_economic_zone_and_the_provinces_other_zones_is_one_body():
    tasks = tasks_of("""1. Đối với các dự án chậm tiến độ:
a) Giao Sở Xây dựng rà soát các dự án khu dân cư.
b) Ban quản lý Khu kinh tế Nhơn Hội và các KCN Bình Định rà soát các dự án do Ban cấp chủ trương đầu tư.
2. Sở Tài chính phối hợp chặt chẽ với Ủy ban MTTQ Việt Nam tỉnh, Ban Quản lý
Khu kinh tế Nhơn Hội và các Khu công nghiệp tỉnh Bình Định, các cơ quan liên quan huy động nguồn lực.
""")
    assert tasks["1.b"].lead == ["Ban quản lý Khu kinh tế Nhơn Hội và các KCN Bình Định"]
    assert tasks["2"].cooperating == ["Ủy ban MTTQ Việt Nam tỉnh",
                                      "Ban Quản lý Khu kinh tế Nhơn Hội và các Khu công nghiệp tỉnh Bình Định"]


def test_the_inspectorate_of_a_province_or_district_leads():
    tasks = tasks_of("""Chủ tịch UBND tỉnh yêu cầu các sở, ban ngành, UBND các huyện thực hiện các nội dung sau:
1. Thanh tra tỉnh chủ trì, phối hợp thực hiện
a) Phối hợp với Ban Tiếp công dân tỉnh chuẩn bị nội dung tiếp công dân.
2. Giao Thanh tra huyện Tuy Phước kiểm tra việc giải quyết khiếu nại.
""")
    assert tasks["1.a"].lead == ["Thanh tra tỉnh"]
    assert tasks["2"].lead == ["Thanh tra huyện Tuy Phước"]


def test_a_kind_only_qualified_as_competent_is_no_partner_before_its_verb():
    tasks = tasks_of("""1. Công an tỉnh chủ trì, phối hợp với Sở Giao thông vận tải, các lực lượng chức năng phân luồng
giao thông qua các công trình cầu.
2. Ngân hàng Nhà nước chi nhánh tỉnh phối hợp với các cơ quan chức năng tăng cường kiểm tra hoạt động
mua bán ngoại tệ.
3. Sở Y tế phối hợp với các lực lượng chức năng của địa phương kiểm tra an toàn thực phẩm.
""")
    assert tasks["1"].cooperating == ["Sở Giao thông vận tải"]
    assert tasks["2"].cooperating == []
    assert tasks["3"].cooperating == ["các lực lượng chức năng của địa phương"]


def test_a_group_of_kinds_qualified_as_relevant_at_its_end_is_no_partner():
    tasks = tasks_of("""1. Thanh tra tỉnh phối hợp với Ban Tiếp công dân tỉnh và các cơ quan, đơn vị, địa
phương có liên quan để chuẩn bị nội dung tiếp công dân.
2. Sở Nội vụ phối hợp với Sở Tài chính, các cơ quan, đơn vị, địa phương liên quan rà soát biên chế.
""")
    assert tasks["1"].cooperating == ["Ban Tiếp công dân tỉnh"]
    assert tasks["2"].cooperating == ["Sở Tài chính"]


def test_a_bracket_after_a_partner_does_not_end_the_list_of_partners():
    tasks = tasks_of("""1. Sở Thông tin và Truyền thông chủ động phối hợp Sở Nông nghiệp và Môi trường (Cơ quan
thường trực về phòng, chống thiên tai), Sở Xây dựng và các địa phương cung cấp thông tin dự báo thiên tai.
2. Thanh tra tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh) và
UBND các xã, phường rà soát quy trình giải quyết thủ tục hành chính.
3. Sở Y tế phối hợp với Sở Tài chính (nếu cần) lập dự toán kinh phí.
""")
    assert tasks["1"].cooperating == ["Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "các địa phương"]
    assert tasks["2"].cooperating == ["Văn phòng UBND tỉnh", "UBND các xã, phường"]
    assert tasks["3"].cooperating == ["Sở Tài chính"]
