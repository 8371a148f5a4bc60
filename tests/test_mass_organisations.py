"""Who must do each task in the plans of the Fatherland Front and its member organisations.

Each test is a form seen in several issuers' plans (a commune Front committee's, a ward's, a city's
and a province's), written for the test with made-up places.
"""

from __future__ import annotations

from conftest import tasks_by_id

HEADER = """ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM
XÃ TÂN HÒA
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 12/KH-MTTQ
Tân Hòa, ngày 10 tháng 11 năm 2025

KẾ HOẠCH
Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025

"""
FOOTER = """
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. BAN THƯỜNG TRỰC
CHỦ TỊCH
Nguyễn Văn An
"""


def tasks_of(body: str) -> dict:
    return tasks_by_id(HEADER + body + FOOTER)


def test_member_organisations_of_the_front_are_a_kind_of_body():
    tasks = tasks_of("""1. Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã chủ trì, phối hợp với
các tổ chức chính trị - xã hội, tổ chức thành viên của Mặt trận tổ chức Ngày hội tại các thôn.
2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức thành viên của Mặt trận tham gia vận động hội viên.
3. Các tổ chức thành viên của MTTQ Việt Nam xã tham gia giám sát theo phân công.
""")
    # a list of partners: the member organisations are one of its own, not cut off the previous kind
    assert tasks["1"].cooperating == ["các tổ chức chính trị - xã hội", "tổ chức thành viên của Mặt trận"]
    assert tasks["2"].lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "các tổ chức thành viên của Mặt trận"]
    # the name ends with its unit, before the verb
    assert tasks["3"].lead == ["Các tổ chức thành viên của MTTQ Việt Nam xã"]


def test_emulation_council_members_and_commune_units_of_mass_organisations():
    tasks = tasks_of("""1. Đề nghị Hội Nông dân xã, Hội Liên hiệp Phụ nữ xã vận động hội viên tham gia Ngày hội.
2. Hội đồng Thi đua - Khen thưởng các cấp theo dõi, đánh giá kết quả thi đua.
3. Hội đồng Thi đua - Khen thưởng tỉnh chủ trì, phối hợp với Sở Nội vụ xét khen thưởng.
4. Thành viên Hội đồng Thi đua - Khen thưởng xã; Thủ trưởng các ban, ngành xã chịu trách nhiệm thi hành Kế hoạch này.
""")
    # a mass organisation of the commune keeps its unit
    assert tasks["1"].lead == ["Hội Nông dân xã", "Hội Liên hiệp Phụ nữ xã"]
    # the emulation and awards council, with its level, and the role of its members before it
    assert tasks["2"].lead == ["Hội đồng Thi đua - Khen thưởng các cấp"]
    assert tasks["3"].lead == ["Hội đồng Thi đua - Khen thưởng tỉnh"]
    assert tasks["3"].cooperating == ["Sở Nội vụ"]
    assert tasks["4"].lead[0] == "Thành viên Hội đồng Thi đua - Khen thưởng xã"
