"""Who cooperates on each task: kinds of partners no gazetteer holds, in a directive written for the test.

Each test is a form seen in public plans and decisions ("phối hợp với …" lists whose pieces name a kind of
body with what defines it), with made-up names.
"""

from __future__ import annotations

from test_leads import tasks_of


def test_a_kind_of_partner_with_what_defines_it_and_the_verb_after_it():
    # a kind of body defined by a clause is one partner, up to ten words; the task's verb ends it,
    # "làm tốt", "căn cứ", "điều tra" too
    tasks = tasks_of("""1. Sở Công Thương chủ trì, phối hợp với các đơn vị điện lực trên địa bàn tỉnh bảo đảm cấp điện.
2. Ủy ban nhân dân các xã phối hợp với các lực lượng vũ trang đóng quân tại địa bàn để sơ tán người dân.
3. Các cơ quan, đơn vị phối hợp với cơ quan báo chí làm tốt công tác thông tin, tuyên truyền.
4. Sở Y tế chủ trì, phối hợp với đơn vị cung cấp dịch vụ công nghệ thông tin căn cứ quy trình nội bộ
xây dựng quy trình điện tử.
5. Công an tỉnh phối hợp với lực lượng chức năng điều tra các vụ vận chuyển trái phép.
""")
    assert tasks["1"].cooperating == ["các đơn vị điện lực trên địa bàn tỉnh"]
    assert tasks["2"].cooperating == ["các lực lượng vũ trang đóng quân tại địa bàn"]
    assert tasks["3"].cooperating == ["cơ quan báo chí"]
    assert tasks["4"].cooperating == ["đơn vị cung cấp dịch vụ công nghệ thông tin"]
    assert tasks["5"].cooperating == []  # only "chức năng": no one named


def test_a_kind_of_partner_wrapped_on_two_lines_has_one_space():
    tasks = tasks_of("""1. Công an tỉnh chủ trì, phối hợp với chính quyền địa phương, lực lượng
Kiểm lâm kiểm tra các điểm nóng về khai thác rừng trái phép.
""")
    assert tasks["1"].cooperating == ["chính quyền địa phương", "lực lượng Kiểm lâm"]


def test_member_organisations_facilities_and_investors_are_kinds_of_partners():
    # "tổ chức" is also a verb ("phối hợp với Sở Y tế tổ chức tập huấn"): a kind only after "các" or before
    # "thành viên", "chính trị - xã hội"; "cơ sở dữ liệu" is no body
    tasks = tasks_of("""1. Ban Thường trực phối hợp với các tổ chức thành viên thực hiện giám sát tại các điểm bỏ phiếu.
2. Sở Giáo dục và Đào tạo phối hợp với các cơ sở giáo dục mầm non triển khai chương trình.
3. Công ty Điện lực tỉnh phối hợp với chủ đầu tư công trình lưới điện để cải tạo hành lang an toàn.
4. Ủy ban nhân dân các xã phối hợp với các tổ chức cung cấp dịch vụ chi trả thực hiện mở tài khoản.
5. Sở Tư pháp phối hợp với Sở Y tế tổ chức tập huấn cho cán bộ.
6. Sở Nội vụ phối hợp với các sở, ngành và các cơ quan, tổ chức có liên quan thực hiện Tháng hành động.
7. Tổ kiểm tra phối hợp với cơ sở sản xuất tiến hành thống kê thiệt hại.
""")
    assert tasks["1"].cooperating == ["các tổ chức thành viên"]
    assert tasks["2"].cooperating == ["các cơ sở giáo dục mầm non"]
    assert tasks["3"].cooperating == ["chủ đầu tư công trình lưới điện"]
    assert tasks["4"].cooperating == ["các tổ chức cung cấp dịch vụ chi trả"]
    assert tasks["5"].cooperating == ["Sở Y tế"]
    assert tasks["6"].cooperating == ["các sở, ngành"]
    assert tasks["7"].cooperating == ["cơ sở sản xuất"]


def test_a_resolution_s_closing_clause_charges_the_council_s_bodies_and_deputies():
    # the national formula of a People's Council resolution: each body and the deputies as written; the
    # council inside "đại biểu Hội đồng nhân dân tỉnh" is no partner of its own
    tasks = tasks_of("""1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và đại biểu \
Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp với Thường trực Hội đồng nhân dân tỉnh, các Ban của \
Hội đồng nhân dân tỉnh, Tổ đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện.
4. Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân và các đại biểu Hội đồng nhân dân tỉnh tăng cường
giám sát việc thực hiện Nghị quyết này.
5. Tuyên truyền về cuộc bầu cử đại biểu Hội đồng nhân dân các cấp.
6. Giao Tổ đại biểu Quốc hội tỉnh tổng hợp ý kiến cử tri.
""")
    assert tasks["2"].lead == ["Thường trực Hội đồng nhân dân tỉnh", "các Ban của Hội đồng nhân dân tỉnh",
                               "các Tổ đại biểu", "đại biểu Hội đồng nhân dân tỉnh"]
    assert tasks["3"].cooperating == ["Thường trực Hội đồng nhân dân tỉnh", "các Ban của Hội đồng nhân dân tỉnh",
                                      "Tổ đại biểu Hội đồng nhân dân tỉnh", "đại biểu Hội đồng nhân dân tỉnh"]
    assert tasks["4"].lead == ["Thường trực Hội đồng nhân dân", "các Ban của Hội đồng nhân dân",
                               "các đại biểu Hội đồng nhân dân tỉnh"]
    assert tasks["5"].lead == []
    assert "Tổ đại biểu" not in tasks["6"].lead  # (a National Assembly group is not the council's)


def test_a_labelled_partner_before_a_vague_group_is_kept():
    # "Đơn vị phối hợp: X và các đơn vị liên quan": the group names no one, X does
    tasks = tasks_of("""1. Hỗ trợ thành lập hợp tác xã kiểu mới.
Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.
Đơn vị phối hợp: Hợp tác xã Thành Công và các đơn vị liên quan.
""")
    assert tasks["1"].cooperating == ["Hợp tác xã Thành Công"]
