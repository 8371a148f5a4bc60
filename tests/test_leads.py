"""Who must do each task: the forms of issue 9, each in a directive written for the test.

Each test is a real form seen in public directives (roles before bodies, shared heads of provinces,
persons, kinds of bodies no list holds, opening clauses, topics), with made-up names and numbers.
"""

from __future__ import annotations

from conftest import tasks_by_id

from extractor import extract


def provincial_header(number: str, day: str) -> str:
    """The top of a Quảng Trị provincial directive, up to its number and date."""
    return f"""ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: {number}
Quảng Trị, ngày {day}
"""


HEADER = provincial_header("15/CĐ-UBND", "20 tháng 10 năm 2025") + """
CÔNG ĐIỆN
Về việc chủ động ứng phó với mưa lũ

"""
FOOTER = """
Nơi nhận:
- Như trên;
- Lưu: VT, NN.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Văn Nam
"""


def tasks_of(body: str) -> dict:
    return tasks_by_id(HEADER + body + FOOTER)


def test_roles_before_each_body_and_shared_heads_of_ministries_and_provinces():
    tasks = tasks_of("""Thủ tướng Chính phủ yêu cầu:
1. Bộ trưởng các Bộ: Quốc phòng, Công an, Khoa học và Công nghệ; Chủ tịch Ủy ban nhân dân các tỉnh,
thành phố ven biển từ Quảng Trị đến Quảng Ngãi tổ chức theo dõi chặt chẽ diễn biến của bão.
2. Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Trị, Huế và Đà Nẵng khẩn trương sơ tán người dân.
3. Các tỉnh Quảng Trị, Quảng Ngãi chủ động bố trí kinh phí khắc phục hậu quả.
""")
    # as printed: the role before a shared head holds for each of its bodies
    assert tasks["1"].lead == ["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an", "Bộ trưởng Bộ Khoa học và Công nghệ",
                               "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển từ Quảng Trị đến Quảng Ngãi"]
    assert tasks["2"].lead == ["Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị", "Chủ tịch Ủy ban nhân dân tỉnh Huế",
                               "Chủ tịch Ủy ban nhân dân tỉnh Đà Nẵng"]
    assert tasks["3"].lead == ["tỉnh Quảng Trị", "tỉnh Quảng Ngãi"]


def test_a_person_charged_by_title_and_name():
    tasks = tasks_of("""1. Giao Phó Chủ tịch UBND tỉnh Lê Văn Minh trực tiếp chỉ đạo công tác cứu hộ.
2. Sở Xây dựng bảo đảm giao thông thông suốt.
""")
    assert tasks["1"].lead == ["Phó Chủ tịch UBND tỉnh Lê Văn Minh"]
    assert tasks["2"].lead == ["Sở Xây dựng"]


def test_kinds_of_bodies_no_list_holds_lead_as_written():
    tasks = tasks_of("""1. Các doanh nghiệp thủy điện vận hành hồ chứa đúng quy trình được phê duyệt.
2. Các đơn vị quản lý đường bộ khu vực
- Bố trí lực lượng trực tại các điểm xung yếu.
- Báo cáo Sở Xây dựng tình hình giao thông hằng ngày.
3. Yêu cầu các cấp ủy, tổ chức đảng, các cơ quan, đơn vị nghiêm túc quán triệt nội dung Công điện.
4. Các cơ quan, đơn vị có liên quan chủ động phối hợp thực hiện.
""")
    assert tasks["1"].lead == ["Các doanh nghiệp thủy điện"]
    assert tasks["2"].lead == ["Các đơn vị quản lý đường bộ khu vực"]
    assert tasks["3"].lead == ["các cấp ủy, tổ chức đảng", "các cơ quan, đơn vị"]
    assert tasks["4"].lead == []  # a group qualified only as relevant names no one


def test_an_opening_clause_before_the_subject_and_a_topic_before_its_colon():
    tasks = tasks_of("""1. Để bảo đảm an toàn cho người dân vùng trũng thấp, các sở, ban, ngành, Ủy ban Mặt trận
Tổ quốc tỉnh, các xã, phường, các doanh nghiệp tập trung triển khai phương án sơ tán.
2. Về đề nghị hỗ trợ kinh phí khắc phục sạt lở; đề nghị bổ sung phương tiện: Sở Tài chính khẩn trương tổng
hợp, báo cáo Ủy ban nhân dân tỉnh.
""")
    assert tasks["1"].lead == ["các sở, ban, ngành", "Ủy ban Mặt trận Tổ quốc tỉnh", "các xã, phường",
                               "các doanh nghiệp"]
    assert tasks["2"].lead == ["Sở Tài chính"]


def test_a_heading_of_several_bodies_leads_its_sub_items():
    tasks = tasks_of("""1. Thủ
trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường

a) Rà soát, cập nhật phương án phòng, chống thiên tai.

b) Kiểm tra an toàn hồ đập trên địa bàn.
""")
    expected = ["Thủ trưởng các sở, ban, ngành tỉnh", "Chủ tịch UBND các xã, phường"]  # as printed
    assert tasks["1"].lead == expected and tasks["1.a"].lead == expected and tasks["1.b"].lead == expected


def test_a_later_sentence_adds_a_share_and_the_inherited_lead_stays():
    tasks = tasks_of("""Chủ tịch UBND tỉnh yêu cầu Sở Nông nghiệp và Môi trường thực hiện các nội dung sau:
1. Theo dõi chặt chẽ mực nước các hồ chứa. Chính quyền địa phương phải chủ động sơ tán người dân.
""")
    assert tasks["1"].lead == ["Sở Nông nghiệp và Môi trường", "Chính quyền địa phương"]


def test_a_line_wrapped_before_a_figure_is_no_item():
    tasks = tasks_of("""1. Sở Y tế bảo đảm thuốc, vật tư cho người từ
15 tuổi trở lên tại các điểm sơ tán.
2. Sở Công Thương bảo đảm hàng hóa thiết yếu.
""")
    assert list(tasks) == ["1", "2"]


def test_the_paragraph_after_numbered_points_goes_back_to_their_item():
    record = extract(HEADER + """1. Chủ tịch Ủy ban nhân dân các xã, phường rà soát, báo cáo:
(1) Số hộ dân có nhà bị sập, trôi.
(2) Tổng kinh phí cần hỗ trợ.
Ủy ban nhân dân các xã, phường gửi Báo cáo về Sở Tài chính trước ngày 27/10/2025.
2. Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
""" + FOOTER)
    assert [(d.value, d.task) for d in record.deadlines] == [("2025-10-27", "1")]


def test_the_heads_of_the_central_government_bodies_named_together_are_one_lead():
    tasks = tasks_of("""Thủ tướng Chính phủ yêu cầu:
1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ,
cơ quan thuộc Chính phủ và Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo
rà soát các tuyến đê xung yếu.
2. Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ trực tiếp
chỉ đạo công tác cứu trợ.
3. Giao bộ trưởng, thủ trưởng cơ quan ngang bộ theo dõi, đôn đốc thực hiện.
""")
    assert tasks["1"].lead == ["Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
                               "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    # (as written, without the "các đồng chí" before it)
    assert tasks["2"].lead == ["Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ"]
    assert tasks["3"].lead == ["bộ trưởng, thủ trưởng cơ quan ngang bộ"]


def test_a_shared_head_of_ministries_and_agencies_or_of_corporations_names_each():
    tasks = tasks_of("""1. Các Bộ, cơ quan: Tài chính, Xây dựng, Công Thương, Tập đoàn Điện lực Việt Nam theo chức năng,
nhiệm vụ được giao khẩn trương khắc phục sự cố.
2. Đề nghị các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội khôi phục ngay
hệ thống viễn thông.
""")
    assert tasks["1"].lead == ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Công Thương", "Tập đoàn Điện lực Việt Nam"]
    assert tasks["2"].lead == ["Tập đoàn Bưu chính Viễn thông Việt Nam", "Tập đoàn Công nghiệp - Viễn thông Quân đội"]


def test_the_province_s_procuracy_court_and_labour_federation_and_a_governor_lead():
    tasks = tasks_of("""1. Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh đẩy nhanh việc truy tố, xét xử
các vụ án.
2. Đề nghị Liên đoàn Lao động tỉnh chủ trì vận động công nhân, người lao động ủng hộ đồng bào vùng lũ.
3. Thống đốc Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng giãn nợ cho khách hàng bị thiệt hại.
""")
    assert tasks["1"].lead == ["Viện kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh"]
    assert tasks["2"].lead == ["Liên đoàn Lao động tỉnh"]
    assert tasks["3"].lead == ["Thống đốc Ngân hàng Nhà nước Việt Nam"]


DECISION = provincial_header("27/QĐ-UBND", "14 tháng 11 năm 2025") + """
QUYẾT ĐỊNH
Về việc công bố danh mục thủ tục hành chính lĩnh vực văn thư, lưu trữ

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ

QUYẾT ĐỊNH:

Điều 1. Công bố kèm theo Quyết định này danh mục 09 thủ tục hành chính lĩnh vực văn thư, lưu trữ.

Điều 2. Sở Nội vụ công khai danh mục tại Trung tâm Phục vụ hành chính công tỉnh và trên Cổng
thông tin điện tử của Sở, xã
Cam Lộ và các xã lân cận.

"""
SIGNED = """
Nơi nhận:
- Như Điều 3;
- Lưu: VT, NC.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Thị Hoa
"""


def test_the_executors_of_a_decision_in_its_last_article_lead_it():
    # the closing paragraph of the last article is its own, after a title or an effect sentence; a
    # role before the first body ("Chánh Văn phòng"), lines wrapped inside the list ("xã,\nphường"), a
    # piece no body name covers before "… chịu trách nhiệm thi hành"
    for article in ("""Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân
tỉnh; Giám đốc Sở Nội vụ; Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã,
phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
""", """Điều 3. Trách nhiệm thi hành

Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc
Sở Nội vụ; Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã,
phường; các hợp tác xã dịch vụ lưu trữ trên địa bàn tỉnh và các tổ chức, cá nhân có liên quan
chịu trách nhiệm thi hành Quyết định này./.
"""):
        record = extract(DECISION + article + SIGNED)
        tasks = {t.id: t for t in record.tasks}
        assert tasks["Điều 3"].lead == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ",
                                         "Thủ trưởng các sở, ban, ngành",
                                         "Chủ tịch Ủy ban nhân dân các xã, phường"]
        # a line wrapped inside a sentence opens no paragraph: "Cam Lộ" leads nothing
        assert tasks["Điều 2"].lead == ["Sở Nội vụ"]


def test_an_article_s_number_wrapped_away_from_its_word_keeps_the_article_s_id():
    """Conversion may put "Điều" alone on its line ("Điều\n3.\nChánh Văn phòng …"): the items are
    still articles ("Điều 3", not a third item "3"), and the last one's executors lead it."""
    record = extract(DECISION.replace("Điều 1. ", "Điều\n1. ").replace("Điều 2. ", "Điều\n2.\n") + """Điều
3.
Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Nội vụ; Chủ tịch Ủy ban nhân dân các xã, phường
chịu trách nhiệm thi hành Quyết định này./.
""" + SIGNED)
    tasks = {t.id: t for t in record.tasks}
    assert list(tasks) == ["Điều 1", "Điều 2", "Điều 3"]
    assert tasks["Điều 2"].lead == ["Sở Nội vụ"]
    assert tasks["Điều 3"].lead == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ",
                                     "Chủ tịch Ủy ban nhân dân các xã, phường"]


def test_whom_a_rule_applies_to_is_no_lead():
    # "Đối tượng áp dụng" lists whom the rules bind, at any level; a section's own heading line says so
    tasks = tasks_of("""I. MỤC TIÊU, ĐỐI TƯỢNG
1. Mục tiêu
Đến hết năm 2026 có 50% hợp tác xã ứng dụng công nghệ số.
2. Đối tượng áp dụng
a) Các hợp tác xã, tổ hợp tác trên địa bàn tỉnh.
b) Các doanh nghiệp, cơ quan, tổ chức cung cấp giải pháp chuyển đổi số.
II. ĐỐI TƯỢNG VÀ THỜI GIAN THI ĐUA
1. Ủy ban nhân dân các xã, phường trên địa bàn tỉnh.
III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc thực hiện.
""")
    assert all(tasks[i].lead == [] for i in ("I.2", "I.2.a", "I.2.b", "II.1"))
    assert tasks["III.1"].lead == ["Sở Khoa học và Công nghệ"]


def test_a_scope_article_whose_title_stands_on_the_next_line_is_no_lead():
    head = DECISION.split("Điều 1.")[0]
    record = extract(head + """Điều 1.
Phạm vi điều chỉnh
Quyết định này quy định khung giá cho thuê nhà ở xã hội trên địa bàn tỉnh.
Điều 2.
Đối tượng áp dụng
1. Chủ đầu tư dự án xây dựng nhà ở xã hội, đơn vị quản lý vận hành nhà ở xã hội trên địa bàn tỉnh.
2. Các cơ quan, tổ chức có liên quan đến việc quản lý nhà ở xã hội.
Điều 3.
Sở Xây dựng chủ trì hướng dẫn thực hiện Quyết định này.
""" + SIGNED)
    tasks = {t.id: t for t in record.tasks}
    assert tasks["Điều 2.1"].lead == [] and tasks["Điều 2.2"].lead == []
    assert tasks["Điều 3"].lead == ["Sở Xây dựng"]


def test_a_heading_naming_a_kind_of_body_by_what_it_does_is_read_whole():
    tasks = tasks_of("""1. Các doanh nghiệp kinh doanh dịch vụ vận tải hành khách, hàng hóa bằng đường thủy nội địa
trên địa bàn tỉnh
- Chủ động rà soát phương tiện, neo đậu tàu thuyền an toàn.
- Báo cáo tình hình thiệt hại về Sở Xây dựng.
2. Đề nghị các tổ chức cung cấp dịch vụ viễn thông
a) Bảo đảm thông tin liên lạc thông suốt.
b) Nhắn tin cảnh báo đến các thuê bao trong vùng nguy hiểm.
3. Các cơ quan quản lý đê điều (Chi cục Thủy lợi, Hạt Quản lý đê):
a) Tuần tra, canh gác đê 24/24 giờ.
4. Các đoàn thể, tổ chức xã hội:

Vận động hội viên giúp người dân di dời tài sản.
""")
    assert tasks["1"].lead == ["Các doanh nghiệp kinh doanh dịch vụ vận tải hành khách, hàng hóa bằng đường thủy "
                               "nội địa trên địa bàn tỉnh"]
    assert tasks["2"].lead == tasks["2.b"].lead == ["các tổ chức cung cấp dịch vụ viễn thông"]
    assert tasks["3"].lead == tasks["3.a"].lead == ["Các cơ quan quản lý đê điều"]
    assert tasks["4"].lead == ["Các đoàn thể, tổ chức xã hội"]


def test_a_list_goes_on_through_a_plural_before_a_body_and_a_name_wrapped_over_a_line():
    tasks = tasks_of("""1. Đề nghị Văn phòng Tỉnh ủy và các Ban Tuyên giáo và Dân vận Tỉnh ủy, Ủy ban Kiểm tra Tỉnh
ủy tăng cường kiểm tra công tác phòng, chống thiên tai.
2. Thường trực Hội đồng nhân dân tỉnh, các Ban Hội đồng nhân dân tỉnh giám sát việc thực hiện.
3. Đề nghị Văn phòng Tỉnh ủy và các Ban Xây
dựng Đảng tuyên truyền, vận động Nhân dân.
""")
    assert tasks["1"].lead == ["Văn phòng Tỉnh ủy", "các Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"]
    assert tasks["2"].lead == ["Thường trực Hội đồng nhân dân tỉnh", "các Ban Hội đồng nhân dân tỉnh"]
    assert tasks["3"].lead == ["Văn phòng Tỉnh ủy", "các Ban Xây dựng Đảng"]


def test_a_name_wrapped_inside_viet_nam_is_one_name():
    tasks = tasks_of("""1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Tập đoàn Bưu chính Viễn thông Việt
Nam bảo đảm thông tin liên lạc phục vụ chỉ đạo ứng phó bão.
""")
    assert tasks["1"].lead == ["Sở Khoa học và Công nghệ"]
    assert tasks["1"].cooperating == ["Tập đoàn Bưu chính Viễn thông Việt Nam"]


def test_the_subject_after_an_opening_clause_or_a_topic():
    tasks = tasks_of("""1. Trong trường hợp mưa lớn kéo dài, Sở Xây dựng có trách nhiệm tham mưu phân luồng giao thông.
2. Từ ngày 01 tháng 11 năm 2025, Trung tâm Điều hành đô thị thông minh tỉnh, Trung tâm Y tế khu vực tổ chức
trực 24/24 giờ.
3. Về kiến nghị hỗ trợ kinh phí khắc phục hậu quả: Sở Tài chính theo chức năng, nhiệm vụ được giao khẩn
trương tổng hợp, báo cáo.
4. Hỗ trợ di dời dân: Ủy ban nhân dân xã, phường phối hợp với lực lượng vũ trang bố trí phương tiện.
5. Khắc phục sạt lở: Sau khi nước rút, Ủy ban nhân dân các xã phối hợp với Công an xã kiểm tra hiện trường.
6. Rà soát phương án ứng phó: Các sở, ngành khẩn trương cập nhật phương án.
7. Về dự án hồ chứa: Các Bộ, cơ quan thống nhất với đề xuất của tỉnh.
""")
    assert tasks["1"].lead == ["Sở Xây dựng"]
    assert tasks["2"].lead == ["Trung tâm Điều hành đô thị thông minh tỉnh", "Trung tâm Y tế khu vực"]
    assert tasks["3"].lead == ["Sở Tài chính"]
    assert tasks["4"].lead == ["Ủy ban nhân dân xã, phường"]
    assert tasks["5"].lead == ["Ủy ban nhân dân các xã"]
    assert tasks["6"].lead == ["Các sở, ngành"]
    assert tasks["7"].lead == []  # an opinion, not a duty


def test_a_role_before_one_kind_of_body_and_a_role_over_bodies_after_its_colon():
    tasks = tasks_of("""Điều 1. Phê duyệt danh mục thủ tục hành chính nội bộ trong lĩnh vực văn thư.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc Sở Tư pháp, Giám đốc các sở, Thủ trưởng các ban, ngành cấp
tỉnh; Giám đốc: Trung tâm Phục vụ hành chính công tỉnh; Trung tâm Công báo - Tin học tỉnh và các tổ chức,
cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
""")
    assert tasks["Điều 3"].lead == ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tư pháp", "Giám đốc các sở",
                                    "Thủ trưởng các ban, ngành cấp tỉnh",
                                    "Giám đốc Trung tâm Phục vụ hành chính công tỉnh",
                                    "Trung tâm Công báo - Tin học tỉnh"]


def test_a_closing_paragraph_wrapped_on_narrow_lines_is_not_the_last_item():
    tasks = tasks_of("""1. Sở Xây dựng kiểm tra an toàn các công trình.

2. Ủy ban nhân dân các xã, phường

a) Tổ chức sơ tán người dân khỏi vùng nguy hiểm.

b) Hằng năm, tổ chức kiểm tra, đánh giá tình hình
thực hiện trên địa bàn.

Ủy ban nhân dân tỉnh giao Giám
đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh và Chủ tịch Ủy ban
nhân dân các xã, phường theo chức năng, nhiệm vụ được
giao triển khai thực hiện đảm bảo hiệu quả,
đúng quy định./.
""")
    assert tasks["2.b"].lead == ["Ủy ban nhân dân các xã, phường"]


def test_a_role_after_va_opens_the_next_addressee_not_the_name():
    tasks = tasks_of("""Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp kiểm tra hàng hóa.
Điều 2. Chánh Văn phòng Bộ, Vụ trưởng Vụ Kế hoạch và Thủ trưởng các đơn vị có liên quan thuộc Bộ chịu trách
nhiệm thi hành Quyết định này./.
""")
    assert tasks["Điều 2"].lead == ["Chánh Văn phòng Bộ", "Vụ trưởng Vụ Kế hoạch"]


def test_the_board_of_zones_named_by_their_kinds_and_regional_branches():
    tasks = tasks_of("""1. Ban Quản lý các khu kinh tế và khu công nghiệp tỉnh chủ trì, phối hợp với Sở Xây dựng rà soát
hạ tầng thoát nước.
2. Sở Tài chính chủ trì, phối hợp với Ban Quản lý các Khu chế xuất và công nghiệp tỉnh Quảng Trị bố trí kinh phí.
3. Đề nghị Kho bạc nhà nước khu vực X, Kiểm toán nhà nước khu vực IV và Ngân hàng Nhà nước chi nhánh khu vực 9
phối hợp bảo đảm nguồn vốn khắc phục hậu quả.
""")
    assert tasks["1"].lead == ["Ban Quản lý các khu kinh tế và khu công nghiệp tỉnh"]
    assert tasks["2"].cooperating == ["Ban Quản lý các Khu chế xuất và công nghiệp tỉnh Quảng Trị"]
    assert tasks["3"].lead == ["Kho bạc nhà nước khu vực X", "Kiểm toán nhà nước khu vực IV",
                               "Ngân hàng Nhà nước chi nhánh khu vực 9"]


def test_a_shared_head_parted_by_semicolons_and_a_kind_of_bank_closing_a_list():
    tasks = tasks_of("""Điều 1. Phê duyệt phương án bảo tồn di tích.
Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Văn hóa, Thể thao và Du lịch; Nội vụ; Tài chính;
Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này.
Điều 3. Ngân hàng Nhà nước Việt Nam và các ngân hàng thương mại cổ phần quyết liệt triển khai chương trình
tín dụng hỗ trợ người dân.
""")
    assert tasks["Điều 2"].lead == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
                                    "Giám đốc Sở Nội vụ", "Giám đốc Sở Tài chính",
                                    "Chủ tịch Ủy ban nhân dân các xã, phường"]
    assert tasks["Điều 3"].lead == ["Ngân hàng Nhà nước Việt Nam", "các ngân hàng thương mại cổ phần"]


def test_a_verb_right_after_cac_is_a_kind_of_body_not_the_verb():
    tasks = tasks_of("""1. Đề nghị các cấp ủy đảng và các tổ chức chính trị - xã hội tỉnh: Phối hợp tuyên truyền,
vận động hội viên.
2. Chủ đầu tư và các tổ chức tư vấn khảo sát tổ chức rà soát hồ sơ thiết kế.
3. Các cơ sở sản xuất tuân thủ nghiêm các quy định về xả thải.
""")
    assert tasks["1"].lead == ["các cấp ủy đảng", "các tổ chức chính trị - xã hội tỉnh"]
    assert tasks["2"].lead == ["Chủ đầu tư", "các tổ chức tư vấn khảo sát"]
    assert tasks["3"].lead == ["Các cơ sở sản xuất"]


def test_operation_management_is_a_kind_of_body_and_a_provider_is_not_cut_at_its_verb():
    tasks = tasks_of("""1. Chủ đầu tư, đơn vị quản lý vận hành công trình thủy lợi (Bên quản lý):
a) Kiểm tra an toàn hồ chứa trước mùa mưa bão.
b) Báo cáo kết quả về Sở Nông nghiệp và Môi trường.
2. Sở Công Thương chủ trì, phối hợp với doanh nghiệp cung cấp điện và các cơ quan liên quan bảo đảm
cấp điện cho các trạm bơm tiêu úng.
""")
    assert tasks["1"].lead == ["Chủ đầu tư, đơn vị quản lý vận hành công trình thủy lợi"]
    assert tasks["1.a"].lead == tasks["1"].lead
    # (the partner is a kind described by what it provides: no bare "doanh nghiệp" cut at "cung cấp")
    assert tasks["2"].lead == ["Sở Công Thương"]
    assert "doanh nghiệp" not in tasks["2"].cooperating


def test_a_handover_names_who_receives_not_who_must_act():
    tasks = tasks_of("""Điều 1. Thẩm quyền quản lý tài sản được xác lập sở hữu toàn dân
1. Sở Tài chính quyết định xử lý tài sản chuyển giao cho Hội đồng nhân dân tỉnh; Ủy ban Mặt trận
Tổ quốc Việt Nam tỉnh.
2. Chủ tịch Ủy ban nhân dân các xã, phường quản lý tài sản bàn giao cho Ủy ban nhân dân xã.
3. Giao cho Sở Xây dựng tiếp nhận hồ sơ công trình.
""")
    assert tasks["Điều 1.1"].lead == ["Sở Tài chính"]
    assert tasks["Điều 1.2"].lead == ["Chủ tịch Ủy ban nhân dân các xã, phường"]
    assert tasks["Điều 1.3"].lead == ["Sở Xây dựng"]


def test_the_members_of_a_steering_committee_are_charged_with_the_ministers():
    tasks = tasks_of("""Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Ban Chỉ đạo.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Các thành viên Ban Chỉ đạo, Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính
phủ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Quyết định này.
Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ và các thành viên Ban Chỉ đạo tỉnh chịu
trách nhiệm thi hành Quyết định này.
""")
    assert tasks["Điều 3"].lead == ["Các thành viên Ban Chỉ đạo",
                                    "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ",
                                    "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"]
    assert tasks["Điều 4"].lead == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ",
                                    "các thành viên Ban Chỉ đạo tỉnh"]


def test_the_cooperative_alliance_and_the_labour_federation_are_bodies():
    tasks = tasks_of("""1. Liên minh Hợp tác xã Việt Nam và Liên minh Hợp tác xã cấp tỉnh rà soát phương án giãn nợ.
2. Liên đoàn Lao động, Hội Nông dân, Liên minh Hợp tác xã xây dựng kế hoạch hành động.
3. Tổng Liên đoàn Lao động Việt Nam chỉ đạo công đoàn các cấp hỗ trợ người lao động.
""")
    assert tasks["1"].lead == ["Liên minh Hợp tác xã Việt Nam", "Liên minh Hợp tác xã cấp tỉnh"]
    assert tasks["2"].lead == ["Liên đoàn Lao động", "Hội Nông dân", "Liên minh Hợp tác xã"]
    assert tasks["3"].lead == ["Tổng Liên đoàn Lao động Việt Nam"]


def test_whom_a_task_is_reported_or_submitted_to_is_no_lead():
    # "báo cáo X, Y, Z kết quả" read from a comma inside the list, a list wrapped after "báo cáo …,",
    # "trình" at a line's end: those reported or submitted to; the item keeps its parent's lead
    tasks = tasks_of("""1. Sở Nông nghiệp và Môi trường:
a) Rà soát hồ sơ các công trình chuyển tiếp.
b) Giám sát chặt chẽ chất lượng thi công, bảo đảm an toàn lao động; định kỳ hằng quý báo cáo UBND tỉnh, \
Chủ tịch UBND tỉnh, Sở Tài chính kết quả thực hiện.
c) Định kỳ hằng tháng báo cáo UBND tỉnh, Sở Xây dựng tiến độ giải ngân.
d) Tổng hợp, báo cáo UBND tỉnh,
Chủ tịch UBND tỉnh các vướng mắc phát sinh.
đ) Thẩm định và trình
Chủ tịch UBND tỉnh phê duyệt điều chỉnh dự toán.
2. Sở Xây dựng chủ trì, tham mưu Chủ tịch UBND tỉnh về quy hoạch chung.
""")
    for key in ("1.a", "1.b", "1.c", "1.d", "1.đ"):
        assert tasks[key].lead == ["Sở Nông nghiệp và Môi trường"], key
    assert tasks["2"].lead == ["Sở Xây dựng"]


def test_a_kind_of_body_opening_an_item_without_a_plural_leads_it():
    # rules that hand a power or a duty to a kind of body, written without "các": "Sở, ban, ngành …
    # quyết định …", "Sở quản lý ngành, lĩnh vực có trách nhiệm …", "Cơ quan chuyên môn, tổ chức hành
    # chính khác thuộc UBND tỉnh quyết định …"
    tasks = tasks_of("""1. Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh quyết định điều chuyển máy móc \
giữa các đơn vị trực thuộc.
2. Sở quản lý ngành, lĩnh vực có trách nhiệm rà soát danh mục hàng hóa bình ổn giá.
3. Cơ quan chuyên môn, tổ chức hành chính khác thuộc Ủy ban nhân dân tỉnh quyết định mức khoán kinh phí.
4. Tổ chức, cá nhân có liên quan được hưởng hỗ trợ theo quy định.
""")
    assert tasks["1"].lead == ["Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh"]
    assert tasks["2"].lead == ["Sở quản lý ngành, lĩnh vực"]
    assert tasks["3"].lead == ["Cơ quan chuyên môn, tổ chức hành chính khác thuộc Ủy ban nhân dân tỉnh"]
    assert tasks["4"].lead == []


def test_a_list_of_partners_goes_on_past_a_semicolon_before_another_body():
    # "phối hợp với A; B; các …" one list; a body after ";" with its own verb of duty opens a clause
    tasks = tasks_of("""1. Giao Sở Công Thương chủ trì, phối hợp với các sở, ban, ngành của tỉnh; Ủy ban nhân dân \
các xã, phường; các doanh nghiệp triển khai chương trình bình ổn thị trường.
2. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính; Sở Xây dựng chịu trách nhiệm thẩm định thiết kế.
""")
    assert "Ủy ban nhân dân các xã, phường" in tasks["1"].cooperating
    assert tasks["2"].cooperating == ["Sở Tài chính"]
    assert tasks["2"].lead == ["Sở Y tế", "Sở Xây dựng"]


def test_cooperation_between_bodies_names_no_partner():
    # "phối hợp giữa A và B" names a relation (a cooperation rule's title, an aim), not a task's partners
    tasks = tasks_of("""1. Tăng cường phối hợp giữa các sở, ban, ngành và các địa phương trong thực hiện chương trình.
2. Bãi bỏ Quyết định số 12/2019/QĐ-UBND ban hành Quy chế phối hợp giữa Sở Tư pháp với Ủy ban nhân dân cấp xã.
3. Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ hướng dẫn thực hiện.
""")
    assert tasks["1"].cooperating == []
    assert tasks["2"].cooperating == []
    assert tasks["3"].cooperating == ["Sở Nội vụ"]


def test_a_body_handing_its_power_down_is_not_who_acts():
    # "X phân cấp (thẩm quyền) cho Y …", "X ủy quyền cho Y": Y does the items; X named alone is no lead
    tasks = tasks_of("""1. Ủy ban nhân dân tỉnh ủy quyền cho Giám đốc Sở Nội vụ:
a) Quyết định bổ nhiệm lại Kiểm soát viên.
b) Cho ý kiến về quy hoạch cán bộ quản lý doanh nghiệp.
2. Ủy ban nhân dân tỉnh phân cấp thẩm quyền cho Sở Tư pháp ký văn bản đồng ý việc cho con nuôi.
3. Ủy ban nhân dân tỉnh phân cấp cho cơ quan nhà nước, đơn vị sự nghiệp bổ sung máy móc chuyên dùng.
""")
    for key in ("1", "1.a", "1.b"):
        assert tasks[key].lead == ["Giám đốc Sở Nội vụ"], key
    assert tasks["2"].lead == ["Sở Tư pháp"]
    assert tasks["3"].lead == []


def test_a_heading_naming_whose_duties_they_are_leads_its_clauses():
    # "Trách nhiệm của X" / "Nhiệm vụ của X" over clauses that name no subject of their own (decrees,
    # circulars, provincial rules); a person or a body qualified only as relevant leads nothing
    record = extract(DECISION.replace("Điều 2. Sở Nội vụ", "Điều 4. Sở Nội vụ") + """Điều 3. Trách nhiệm của \
các cơ quan, đơn vị
1. Trách nhiệm của Sở Nội vụ
a) Hướng dẫn các xã, phường lập danh mục hồ sơ lưu trữ.
b) Kiểm tra việc thực hiện, báo cáo Ủy ban nhân dân tỉnh.
2. Nhiệm vụ của Ủy ban
nhân dân cấp xã:
a) Bố trí kho lưu trữ bảo đảm an toàn.
b) Sở Khoa học và Công nghệ chịu trách nhiệm hỗ trợ số hóa tài liệu.
3. Trách nhiệm của Trung tâm Phục vụ hành chính công tỉnh

Tiếp nhận hồ sơ và trả kết quả đúng hạn.
4. Nhiệm vụ của văn thư cơ quan
a) Lập hồ sơ công việc theo danh mục.
5. Trách nhiệm của các cơ quan khác có liên quan
a) Phối hợp cung cấp tài liệu.
""" + SIGNED)
    tasks = {t.id: t for t in record.tasks}
    for key in ("Điều 3.1", "Điều 3.1.a", "Điều 3.1.b"):
        assert tasks[key].lead == ["Sở Nội vụ"], key
    for key in ("Điều 3.2", "Điều 3.2.a"):
        assert tasks[key].lead == ["Ủy ban nhân dân cấp xã"], key
    assert tasks["Điều 3.2.b"].lead == ["Sở Khoa học và Công nghệ"]
    assert tasks["Điều 3.3"].lead == ["Trung tâm Phục vụ hành chính công tỉnh"]
    assert tasks["Điều 3"].lead == ["các cơ quan, đơn vị"]
    assert not any("văn thư" in name for name in tasks["Điều 3.4.a"].lead)
    assert not any("liên quan" in name for name in tasks["Điều 3.5.a"].lead)


def test_a_later_request_to_kinds_of_bodies_adds_them_as_written():
    # "… . Yêu cầu các cấp ủy, cơ quan, đơn vị … đẩy mạnh …" (party conclusions, government notices,
    # official letters): a request opening a later sentence names kinds of bodies, not listed names
    tasks = tasks_of("""1. Giao Sở Nông nghiệp và Môi trường kiểm tra các hồ chứa, báo cáo trước ngày 25/10/2025.
Yêu cầu các địa phương chủ động sơ tán người dân khỏi vùng trũng thấp.
2. Sở Xây dựng rà soát các tuyến đường bị sạt lở. Đề nghị các cấp ủy, cơ quan, đơn vị tăng cường \
kiểm tra công trình.
""")
    assert tasks["1"].lead == ["Sở Nông nghiệp và Môi trường", "các địa phương"]
    assert tasks["2"].lead == ["Sở Xây dựng", "các cấp ủy, cơ quan, đơn vị"]


def test_the_form_of_address_before_a_role_is_passed_over():
    # "Giao đồng chí Bộ trưởng Bộ X …", "Yêu cầu các đồng chí bí thư tỉnh ủy, thành ủy, các đồng chí …
    # phải …" (party conclusions, government notices): "đồng chí" addresses the person, it names no body
    tasks = tasks_of("""1. Giao đồng chí Giám đốc Sở Xây dựng trực tiếp kiểm tra các công trình đang thi công.
2. Sở Y tế bảo đảm thuốc men cho vùng lũ. Yêu cầu các đồng chí bí thư huyện ủy, các đồng chí chủ tịch \
ủy ban nhân dân xã phải trực tiếp chỉ đạo công tác sơ tán.
""")
    assert tasks["1"].lead == ["Giám đốc Sở Xây dựng"]
    assert tasks["2"].lead == ["Sở Y tế", "bí thư huyện ủy", "chủ tịch ủy ban nhân dân xã"]


def test_a_verb_or_a_phrase_right_after_phoi_hop_names_no_partner():
    # "phối hợp tham mưu Chủ tịch …" (cooperating in advising the chair), "Quy chế phối hợp trong
    # công tác … trên địa bàn tỉnh X" (a noun): neither names a partner
    tasks = tasks_of("""1. Sở Nội vụ theo dõi, phối hợp tham mưu Chủ tịch UBND tỉnh trong việc sắp xếp bộ máy.
2. Ban hành kèm theo Quyết định này Quy chế phối hợp trong công tác quản lý về đê điều trên địa bàn tỉnh Quảng Trị.
3. Sở Công Thương có trách nhiệm phối hợp cùng các cơ quan chuyên môn của Bộ Công Thương kiểm tra thị trường.
""")
    assert tasks["1"].cooperating == []
    assert tasks["2"].cooperating == []
    assert tasks["3"].cooperating  # "phối hợp cùng các …" still opens a list


def test_a_partner_label_with_thuc_hien_and_a_vague_group_in_its_value():
    tasks = tasks_of("""1. Rà soát văn bản quy phạm pháp luật về đất đai.
Đơn vị chủ trì thực hiện: Sở Tư pháp.
Đơn vị phối hợp thực hiện: Sở Nông nghiệp và Môi trường.
2. Tập huấn cho cán bộ làm công tác hòa giải ở cơ sở.
Đơn vị chủ trì thực hiện: Sở Tư pháp.
Đơn vị phối hợp thực hiện: Các sở, ngành có liên quan và UBND các xã, phường.
3. Tổng kết công tác năm.
Đơn vị chủ trì thực hiện: Sở Tư pháp.
Đơn vị phối hợp thực hiện: Các cơ quan, đơn vị, địa phương liên quan.
""")
    assert tasks["1"].cooperating == ["Sở Nông nghiệp và Môi trường"]
    assert tasks["2"].cooperating == ["UBND các xã, phường"]
    assert tasks["3"].cooperating == []


def test_a_kind_of_body_ending_in_cong_lap_is_read_whole():
    # "lập" after "công" closes the name "đơn vị sự nghiệp công lập", it is no verb of duty
    tasks = tasks_of("""1. Các đơn vị sự nghiệp công lập thuộc tỉnh có trách nhiệm công khai giá dịch vụ.
2. Cơ quan chuyên môn, đơn vị sự nghiệp công
lập thuộc Ủy ban nhân dân tỉnh quyết định danh mục tài sản chuyên dùng.
""")
    assert tasks["1"].lead == ["Các đơn vị sự nghiệp công lập thuộc tỉnh"]
    assert tasks["2"].lead == ["Cơ quan chuyên môn, đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh"]


def test_a_kind_of_body_that_is_allowed_or_acted_on_is_charged_with_nothing():
    # "được" + a verb is a permission or a passive: "được tự chủ quyết định", "được quy định tại …"
    tasks = tasks_of("""1. Các cơ sở giáo dục được tự chủ quyết định mức thu dịch vụ hỗ trợ học tập.
2. Các đơn vị sự nghiệp công lập được quy định tại Nghị định về chức năng, nhiệm vụ của Bộ.
""")
    assert tasks["1"].lead == []
    assert tasks["2"].lead == []


def test_an_article_empowering_a_head_of_department_charges_him():
    # a provincial decision delegating procedures: "Ủy quyền cho Giám đốc Sở X thực hiện …" (its listed
    # procedures take the same lead); "ủy quyền cho" inside a sentence is the delegation already read
    tasks = tasks_of("""Điều 1. Ủy quyền cho Giám đốc Sở Xây dựng thực hiện giải quyết các thủ tục hành chính sau:
1. Cấp giấy phép xây dựng công trình cấp II.
2. Điều chỉnh giấy phép xây dựng công trình cấp II.
Điều 2. Ủy ban nhân dân tỉnh ủy quyền cho Chủ tịch Ủy ban nhân dân các xã, phường phê duyệt phương án.
""")
    assert tasks["Điều 1"].lead == ["Giám đốc Sở Xây dựng"]
    assert tasks["Điều 1.1"].lead == ["Giám đốc Sở Xây dựng"]
    assert tasks["Điều 2"].lead == ["Chủ tịch Ủy ban nhân dân các xã, phường"]
