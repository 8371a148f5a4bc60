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

