"""Field extractors on the real forms their docstrings list."""

from __future__ import annotations

import pytest

from extractor.fields.citations import find_citations
from extractor.fields.deadlines import find_deadlines
from extractor.fields.issuer import parse_issuer, split_units
from extractor.fields.number import parse_number
from extractor.fields.signature import parse_signature
from extractor.ner import find_agencies


@pytest.mark.parametrize("rest, number, symbol, type_code, issuer_code, unit_code, year", [
    ("1523/UBND-KT", "1523", "UBND-KT", None, "UBND", "KT", None),
    ("12/2018/QĐ-UBND", "12", "QĐ-UBND", "QĐ", "UBND", None, 2018),
    ("432-TB/VPTW", "432", "TB/VPTW", "TB", "VPTW", None, None),
    ("16/KH-MTTQ-BTT", "16", "KH-MTTQ-BTT", "KH", "MTTQ", "BTT", None),
    ("   /KH-UBND", None, "KH-UBND", "KH", "UBND", None, None),
    ("1523-/UBND-KT...", "1523", "UBND-KT", None, "UBND", "KT", None),
])
def test_number_forms(rest, number, symbol, type_code, issuer_code, unit_code, year):
    n = parse_number(rest)
    assert (n.number, n.symbol, n.type_code, n.issuer_code, n.unit_code, n.year) == (
        number, symbol, type_code, issuer_code, unit_code, year)


def test_cong_van_symbol_has_no_type_code():
    n = parse_number("5348/CT-CS", "Công văn")  # CT here is Cục Thuế, not Chỉ thị
    assert (n.type_code, n.issuer_code, n.unit_code) == (None, "CT", "CS")


@pytest.mark.parametrize("block, name, parent", [
    ("ỦY\nBAN NHÂN DÂN\nTỈNH HÀ TĨNH", "Ủy ban nhân dân tỉnh Hà Tĩnh", None),
    ("UBND THÀNH PHỐ HÀ\nNỘI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo Thành phố Hà Nội",
     "Ủy ban nhân dân Thành phố Hà Nội"),
    ("BAN CHẤP HÀNH\nTRUNG ƯƠNG\nVĂN PHÒNG", "Văn phòng Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương"),
    ("BỘ TÀI CHÍNH\nCỤC THUẾ", "Cục Thuế", "Bộ Tài chính"),
    ("THỦ TƯỚNG CHÍNH\nPHỦ", "Thủ tướng Chính phủ", None),
    ("VĂN PHÒNG\nCHÍNH PHỦ", "Văn phòng Chính phủ", None),  # a dependent body's head wrapped, not its parent
])
def test_issuer_blocks(block, name, parent):
    issuer = parse_issuer(block)
    assert (issuer.name, issuer.parent) == (name, parent)


def test_issuer_units_split_at_heads_not_at_wraps():
    assert split_units("ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC") == [
        "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"]


@pytest.mark.parametrize("caps, authority, position", [
    ("TM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH"),
    ("KT.\nTRƯỞNG THUẾ TỈNH\nPHÓ TRƯỞNG THUẾ TỈNH", ["KT. TRƯỞNG THUẾ TỈNH"], "PHÓ TRƯỞNG THUẾ TỈNH"),
    ("K/T CHÁNH\nVĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG THƯỜNG TRỰC", ["K/T CHÁNH VĂN PHÒNG"],
     "PHÓ CHÁNH VĂN PHÒNG THƯỜNG TRỰC"),
    ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"], "CHỦ TỊCH"),
    ("THỦ TƯỚNG", [], "THỦ TƯỚNG"),
    # the signer's own title wrapped after its comma
    ("TL. CỤC TRƯỞNG\nTRƯỞNG BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ", ["TL. CỤC TRƯỞNG"], "TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ"),
    ("KT. BỘ TRƯỞNG,\nCHỦ NHIỆM\nTHỨ TRƯỞNG", ["KT. BỘ TRƯỞNG, CHỦ NHIỆM"], "THỨ TRƯỞNG"),
    # a note left above the block: copies and the typist's initials, a file code
    ("08 KH\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH"),
    ("HP_VP11_QĐ\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH"),
    # ... but an authority line with a number in it is one ("QUẬN 1", "BAN CHỈ ĐẠO 389")
    ("TM. ỦY BAN NHÂN DÂN QUẬN 1\nCHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN QUẬN 1"], "CHỦ TỊCH"),
    # the title run into the authority line by conversion, no space left
    ("TM. ỦY BAN THƯỜNG VỤ QUỐC HỘICHỦ TỊCH", ["TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI"], "CHỦ TỊCH"),
])
def test_signature_forms(caps, authority, position):
    sig = parse_signature(caps.split("\n"), "Nguyễn Văn An")
    assert (sig.authority, sig.position, sig.signer) == (authority, position, "Nguyễn Văn An")


@pytest.mark.parametrize("text, value, precision, recurrence", [
    ("báo cáo chậm nhất ngày 25/8/2019.", "2019-08-25", "day", None),
    ("hoàn thành trước ngày 05 tháng 12 năm 2025.", "2025-12-05", "day", None),
    ("hoàn thành trong tháng 4/2019.", "2019-04", "month", None),
    ("thực hiện trong quý II/2019.", "2019-Q2", "quarter", None),
    ("báo cáo 6 tháng đầu năm 2026", "2026-H1", "half", None),
    ("hoàn thành trong năm 2026.", "2026", "year", None),
    ("báo cáo trước ngày 15/7 hằng năm.", "--07-15", "day", "yearly"),
    ("tổng hợp kết quả, báo cáo trước ngày 30 tháng 01 của năm tiếp theo.", "--01-30", "day", "yearly"),
    ("gửi Sở Tài chính trước ngày 15/01 năm sau.", "--01-15", "day", "yearly"),
    ("gửi trước ngày 20 hằng tháng.", "---20", "day", "monthly"),
    ("trong vòng 10 ngày kể từ ngày ký", "2019-03-15", "day", None),
    ("- Thời gian hoàn thành: tháng 11/2025 đến tháng 4/2026;", "2026-04", "month", None),
])
def test_deadline_forms(text, value, precision, recurrence):
    found = find_deadlines(text, 0, len(text), "2019-03-05")
    assert [(d.value, d.precision, d.recurrence) for d, _ in found] == [(value, precision, recurrence)]


def test_dates_that_are_not_deadlines():
    text = "Căn cứ Quyết định số 845/QĐ-UBND ngày 20/02/2019; năm 2020 và những năm tiếp theo."
    assert find_deadlines(text, 0, len(text), "2019-03-05") == []


@pytest.mark.parametrize("text", [
    # a legal condition, years before the document: who used the land before the Land Law took effect
    "Hộ gia đình đã sử dụng đất ổn định trước ngày 01 tháng 7 năm 2014 thì được bồi thường về đất.",
    "Người có công đã từ trần trước ngày 01/01/2009 được truy tặng.",
    # the end of a period of application: "từ … đến trước ngày …"
    "Thu nhập nhận được từ ngày 19/02/2025 đến trước ngày 01/10/2025 thì thực hiện theo Nghị định.",
    # the day a figure stands at
    "Giải ngân vốn đầu tư công tính đến hết ngày 31 tháng 10 năm 2025 đạt 72,4% kế hoạch.",
    # a working season that comes back every year, not its end as a limit
    "Thời gian thực hiện: Từ tháng 3 đến tháng 11 hằng năm.",
    # a day of the last year of a programme, which the document does not date
    "Bộ Quốc phòng thẩm định, trình phê duyệt trước ngày 10 tháng 6 năm cuối của kỳ kế hoạch.",
])
def test_conditions_periods_and_figures_as_of_a_day_are_not_deadlines(text):
    assert find_deadlines(text, 0, len(text), "2025-11-20") == []


def test_without_an_issue_date_the_numbers_year_tells_a_condition_from_a_limit():
    """A decree whose date line is lost (158/2025/NĐ-CP): its conditions years back are still no limits."""
    text = "Người lao động có thời gian làm việc trước ngày 01 tháng 01 năm 1995 được tính hưởng."
    assert find_deadlines(text, 0, len(text), None, year=2025) == []
    assert [d.value for d, _ in find_deadlines(text, 0, len(text), None)] == ["1995-01-01"]  # (no year known)


def test_a_limit_a_little_before_the_issue_date_is_kept_for_its_warning():
    """A few days or months early is a typing slip or a limit overtaken by signing: kept, and the
    record warns (deadline_before_issue_date); only over a year early is it no limit."""
    text = "Các sở báo cáo Ủy ban nhân dân tỉnh trước ngày 15/11/2025."
    assert [d.value for d, _ in find_deadlines(text, 0, len(text), "2025-11-20")] == ["2025-11-15"]


def test_time_column_of_a_task_table():
    # a task table flattened by conversion: one cell per line, the time column's cells below its title
    table = ("TT\n\nNội dung\n\nCơ quan chủ trì\n\nThời gian hoàn\nthành\n\n1\n\nRà soát quy hoạch 2021-2030\n\n"
             "Sở Xây dựng\n\nQuý IV/2025\n\n2\n\nCập nhật số liệu\n\nSở Tài chính\n\n2026\n\n3\n\n"
             "Tập huấn\n\nSở Nội vụ\n\nThường xuyên\n\n4\n\nBáo cáo tổng kết\n\nSở Nội vụ\n\n30/11/2026\n")
    found = find_deadlines(table, 0, len(table), "2025-10-01")
    assert [d.value for d, _ in found] == ["2025-Q4", "2026", "2026-11-30"]
    # without the column a lone year is only a year
    plain = "Số liệu năm\n\n2026\n\n2025\n"
    assert find_deadlines(plain, 0, len(plain), "2025-10-01") == []


def test_annex_after_the_signature_is_its_own_block():
    from extractor import extract

    text = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 41/KH-UBND\nLai Châu, ngày 03 tháng 3 năm 2025\nKẾ HOẠCH\n"
            "Triển khai chuyển đổi số năm 2025\n"
            "1. Sở Khoa học và Công nghệ chủ trì triển khai các nhiệm vụ tại Phụ lục.\n"
            "Nơi nhận:\n- Các sở, ban, ngành;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
            "Tống Thanh Hải\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\nTT\nNhiệm vụ\nThời gian\n1\nSố hóa hồ sơ\nQuý II/2025\n")
    record = extract(text)
    assert [t.id for t in record.tasks] == ["1"]  # the annex's rows are not items of the body
    assert [d.value for d in record.deadlines] == ["2025-Q2"]


def test_deadline_year_from_issue_date_is_flagged():
    text = "báo cáo trước ngày 30/6."
    [(d, notes)] = find_deadlines(text, 0, len(text), "2019-03-05")
    assert d.value == "2019-06-30" and notes == ["year_from_issue_date"]


def test_citations_forms_and_relations():
    text = ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; Thực hiện Kế hoạch số 07-KH/TU "
            "ngày 03/5/2018 của Tỉnh ủy; thay thế Quyết định số 845/QĐ-UBND; theo Công văn số 15972/SXD-QLN& TTBĐS.")
    cites = find_citations(text, 0, len(text), None)
    assert [(c.number, c.relation) for c in cites] == [
        ("30/2020/NĐ-CP", "based_on"), ("07-KH/TU", "implements"), ("845/QĐ-UBND", "replaces"),
        ("15972/SXD-QLN&TTBĐS", "refers")]
    assert cites[0].date == "2020-03-05" and cites[0].doc_type == "Nghị định"


@pytest.mark.parametrize("text, names", [
    ("Giao Sở Xây dựng chủ trì, phối hợp với Trung tâm Chuyển đổi số Thành phố, Công an Thành phố",
     ["Sở Xây dựng", "Trung tâm Chuyển đổi số Thành phố", "Công an Thành phố"]),
    ("phối hợp với các Sở: Tài chính, Tư pháp và Xây dựng", ["Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng"]),
    ("các Sở: Tài chính, Nội vụ, Công ty TNHH MTV Xổ số kiến thiết", ["Sở Tài chính", "Sở Nội vụ",
                                                                     "Công ty TNHH MTV Xổ số kiến thiết"]),
    ("Chủ tịch UBND các huyện, thị xã, thành phố chỉ đạo", ["UBND các huyện, thị xã, thành phố"]),
    ("các cơ quan, đơn vị có liên quan triển khai", []),
    ("Bộ Văn hóa, Thể thao và Du lịch chủ trì", ["Bộ Văn hóa, Thể thao và Du lịch"]),
    ("2. Sở Lao động — Thương binh và Xã hội chịu trách nhiệm", ["Sở Lao động — Thương binh và Xã hội"]),
    ("các sở, ban ngành, UBND các huyện, thành phố triển khai", ["các sở, ban ngành", "UBND các huyện, thành phố"]),
    ("Giao Sở Xây dựng tiến hành rà soát", ["Sở Xây dựng"]),
    ("công tác bầu cử đại biểu Quốc hội khóa XVI; Đoàn đại biểu Quốc hội", ["Đoàn đại biểu Quốc hội"]),
    ("Đề nghị Ủy ban Kinh tế và Tài chính của Quốc hội và các Ủy ban của Quốc hội phối hợp",
     ["Ủy ban Kinh tế và Tài chính của Quốc hội", "các Ủy ban của Quốc hội"]),
    ("Đề nghị Tỉnh đoàn và các tổ chức chính trị - xã hội phối hợp", ["Tỉnh đoàn", "các tổ chức chính trị - xã hội"]),
])
def test_agency_recognition(text, names):
    assert [a.name for a in find_agencies(text)] == names


def test_ocr_corrections_of_titles_and_family_names():
    from extractor.fields.signature import correct_ocr
    from extractor.record import Signature

    sig = Signature(authority=["KT. CHỦ TỊCH"], position="PHO CHU TỊCH", signer="Nguyên Hoàng Giang")
    fixed, notes = correct_ocr(sig)
    assert (fixed.position, fixed.signer) == ("PHÓ CHỦ TỊCH", "Nguyễn Hoàng Giang")
    assert notes == ["PHO CHU TỊCH → PHÓ CHỦ TỊCH", "Nguyên Hoàng Giang → Nguyễn Hoàng Giang"]
    clean = Signature(authority=["KT. BỘ TRƯỞNG"], position="THỨ TRƯỞNG", signer="Lê Anh Tuấn")
    assert correct_ocr(clean) == (clean, [])


def test_ocr_repair_of_issuer_lines_keeps_real_names():
    from extractor.fields.issuer import repair_ocr

    fixed, notes = repair_ocr("ÚY BAN NHÂN DÂN\nTÍNH QUẢNG NGÃI")
    assert fixed == "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI" and len(notes) == 2
    assert repair_ocr("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH") == ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", [])


def test_item_headed_by_a_body_name_is_led_by_it():
    """… and an unnamed group split by a comma and a line break ("các cơ quan,\nđơn vị liên quan")
    is no partner."""
    from extractor import extract

    text = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 212/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Định, ngày 09 tháng 10 năm 2024
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Tây Sơn
1. Ban Quản lý dự án đầu tư xây dựng, giao thông huyện Tây Sơn
a) Khẩn trương hoàn thành hồ sơ quyết toán các công trình đã bàn giao.
b) Phối hợp với Sở Tài chính, các cơ quan,
đơn vị liên quan rà soát nguồn vốn còn lại.
2. Sở Giao thông vận tải hướng dẫn thủ tục điều chỉnh dự án.
Nơi nhận:
- Như trên;
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Trần Văn Hòa
"""
    tasks = {t.id: t for t in extract(text).tasks}
    board = "Ban Quản lý dự án đầu tư xây dựng, giao thông huyện Tây Sơn"
    assert tasks["1"].lead == [board]
    assert tasks["1.a"].lead == [board]
    assert tasks["1.b"].cooperating == ["Sở Tài chính"]
    assert tasks["2"].lead == ["Sở Giao thông vận tải"]


def test_an_item_opening_with_a_collective_is_led_by_it():
    from extractor.fields.tasks import Item, assign_roles

    text = ("2. Cấp ủy, chính quyền địa phương các cấp, nhất là các đô thị lớn phải đi đầu trong chuyển đổi mô hình "
            "chăm sóc trẻ em.")
    item = Item("2", "arabic", 2, 0, 3, end=len(text))
    assign_roles(text, item, [item], [])
    assert item.lead == ["Cấp ủy, chính quyền địa phương các cấp"]


def test_a_chi_thi_hands_its_items_to_those_it_directs():
    from extractor.fields.tasks import preamble_lead

    text = ("Để cải thiện môi trường đầu tư theo Chỉ thị số 04/CT-UBND ngày 12/02/2018 của UBND tỉnh, "
            "UBND tỉnh chỉ thị các sở, ban ngành, UBND các huyện, thành phố, các cơ quan, đơn vị liên quan "
            "tập trung triển khai thực hiện các nhiệm vụ trọng tâm như sau:")
    assert preamble_lead(text, 0, len(text)) == ["các sở, ban ngành", "UBND các huyện, thành phố"]


def test_a_later_sentence_of_an_item_can_give_it_another_lead():
    from extractor import extract

    text = """VĂN PHÒNG CHÍNH PHỦ
Số: 512/TB-VPCP
Hà Nội, ngày 12 tháng 6 năm 2025
THÔNG BÁO
Kết luận của Phó Thủ tướng về Chương trình mục tiêu quốc gia
1. Về triển khai Chương trình: Chính phủ phân công nhiệm vụ các bộ, cơ quan theo chức năng. Bộ Dân tộc và \
Tôn giáo chịu trách nhiệm hướng dẫn vùng đồng bào dân tộc thiểu số. Ủy ban nhân dân các tỉnh báo cáo kết quả.
2. Giao Bộ Tài chính bố trí nguồn vốn.
Nơi nhận:
- Các Bộ;
- Lưu: VT.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Sỹ Hiệp
""".replace("\\\n", "")
    tasks = {t.id: t for t in extract(text).tasks}
    assert tasks["1"].lead == ["Bộ Dân tộc và Tôn giáo"]  # "báo cáo" is no duty verb: the UBND is not added
    assert tasks["2"].lead == ["Bộ Tài chính"]


def test_citation_numbers_with_a_part_or_a_stray_space_and_dates_in_words():
    text = ("Thực hiện Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ và Quyết định số "
            "4422 /QĐ-BVHTTDL ngày 21 tháng 11 năm 2025 của Bộ Văn hóa, Thể thao và Du lịch; mục 1.2. Sở Y tế")
    cites = find_citations(text, 0, len(text), None)
    assert [(c.number, c.date) for c in cites] == [("66.7/2025/NQ-CP", "2025-11-15"),
                                                    ("4422/QĐ-BVHTTDL", "2025-11-21")]


def test_short_citations_each_once():
    text = ("Căn cứ Nghị quyết số 347/2024/NQ-HĐND ngày 10/12/2024 (sau đây gọi tắt là Nghị quyết 347); "
            "thực hiện Chỉ\nthị 18 của Thủ tướng; theo Quyết định 2024 của tỉnh; Điều 1. Bãi bỏ các Quyết định\n"
            "1. Bãi bỏ toàn bộ.")
    cites = find_citations(text, 0, len(text), None)
    assert [(c.number, c.doc_type, c.relation) for c in cites] == [
        ("347/2024/NQ-HĐND", "Nghị quyết", "based_on"), ("18", "Chỉ thị", "implements")]


def test_ocr_misreading_of_the_archive_vt_is_put_back():
    from extractor.fields.distribution import correct_archive

    archive = ["VŨ KTTHTú"]  # "Lưu: VT, KTTHTú" read by OCR
    assert correct_archive(archive) == (["VT", "KTTHTú"], ["Lưu: VŨ KTTHTú → VT, KTTHTú"])
    assert correct_archive(["VI", "KT"]) == (["VT", "KT"], ["Lưu: VI → VT"])
    assert correct_archive(["VP", "KT"]) == (["VP", "KT"], [])


def test_a_plans_aims_section_assigns_nothing():
    from extractor import extract

    text = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 77/KH-UBND
Nghệ An, ngày 14 tháng 02 năm 2025
KẾ HOẠCH
Triển khai công tác phòng, chống thiên tai năm 2025
Ủy ban nhân dân tỉnh giao các sở, ban, ngành thực hiện các nội dung sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Các sở, ban, ngành, Ủy ban nhân dân các xã phải chủ động phòng ngừa, ứng phó kịp thời.
II. NHIỆM VỤ
1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công an tỉnh tổ chức diễn tập.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Phú Hiền
"""
    tasks = {t.id: t for t in extract(text).tasks}
    assert tasks["I"].lead == [] and tasks["I.1"].lead == [] and tasks["I.1"].cooperating == []
    assert tasks["II.1"].lead == ["Sở Nông nghiệp và Môi trường"] and tasks["II.1"].cooperating == ["Công an tỉnh"]


ARTICLE = """Thẻ căn cước mẫu mới có những thông tin gì?

Theo Thông tư số 16/2024/TT-BCA, mặt trước của thẻ căn cước in các dòng chữ:
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh phúc, dòng chữ CĂN CƯỚC.

Mặt sau của thẻ gồm:
+ Bên trái: bộ phận lưu trữ thông tin được mã hóa;
+ Bên phải, từ trên xuống:
+ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM;
+ Nơi cư trú, nơi đăng ký khai sinh, ngày cấp và ngày hết hạn.
"""


def test_a_quoc_hieu_printed_again_below_is_never_the_issuer():
    """A text with no header (an article about the ID card) that prints the quốc hiệu twice:
    no issuer, rather than the second one, which the header's mask did not cover."""
    from extractor import extract

    record = extract(ARTICLE)
    assert record.issuer is None
    assert "missing_header" in [w.code for w in record.warnings]


RESOLUTION = """ỦY BAN THƯỜNG VỤ QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1702/NQ-UBTVQH15
NGHỊ QUYẾT
Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Trị năm 2025
Căn cứ Nghị quyết số 76/2025/UBTVQH15 ngày 14 tháng 4 năm 2025 của Ủy ban Thường vụ Quốc hội;
Điều 1. Sắp xếp để thành lập các đơn vị hành chính cấp xã của tỉnh Quảng Trị.
Điều 2. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.
Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV
thông qua ngày 16 tháng 6 năm 2025.
TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI
CHỦ TỊCH
Trần Thanh Mẫn
"""


def test_a_resolution_without_a_date_line_is_dated_by_its_adoption():
    from extractor import extract

    record = extract(RESOLUTION)
    assert (record.issue_date.value, record.issue_date.precision) == ("2025-06-16", "day")
    start, end = record.issue_date.span
    assert RESOLUTION[start:end] == "ngày 16 tháng 6 năm 2025"


def test_the_adoption_of_a_cited_resolution_is_not_the_issue_date():
    from extractor import extract

    text = RESOLUTION.replace("Nghị quyết này được Ủy ban", "Nghị quyết số 35/2025/NQ-HĐND được Hội đồng")
    assert extract(text).issue_date is None


@pytest.mark.parametrize("text, name", [
    ("Giao Ủy ban nhân dân tỉnh Hà\nTĩnh chủ trì thực hiện.", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ("theo Nghị quyết của Hội đồng nhân dân tỉnh Thừa Thiên\nHuế quy định", "Hội đồng nhân dân tỉnh Thừa Thiên Huế"),
    ("Sở Tài chính tỉnh Quảng\nNinh hướng dẫn", "Sở Tài chính tỉnh Quảng Ninh"),
])
def test_a_province_wrapped_inside_an_agency_name(text, name):
    """Web conversion wraps a line inside a listed province's name: the name is whole."""
    assert [a.name for a in find_agencies(text)] == [name]


@pytest.mark.parametrize("text, issuer", [
    ("Căn cứ Thông tư số 09/2025/TT-BNG ngày 30/6/2025 của Bộ trưởng Bộ Ngoại giao hướng dẫn chức năng,",
     "Bộ trưởng Bộ Ngoại giao"),
    ("Bãi bỏ Quyết định số 1029/QĐ-UBND ngày 25 tháng 6 năm 2024 của Chủ tịch Ủy ban nhân dân tỉnh về việc công bố",
     "Chủ tịch Ủy ban nhân dân tỉnh"),
    ("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính;", "Chính phủ"),
    ("Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn",
     "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"),
    ("Quyết định số 12/QĐ-BCĐ ngày 05/3/2025 của Trưởng Ban Chỉ đạo Nhà nước về du lịch về việc",
     "Trưởng Ban Chỉ đạo Nhà nước"),  # (the body as the recogniser ends it: at "về")
])
def test_a_cited_documents_issuer_is_its_head_as_printed_not_the_titles_first_word(text, issuer):
    (cite,) = find_citations(text, 0, len(text), None)
    assert cite.issuer == issuer


def test_an_issuer_code_with_the_legislatures_term_is_inferred():
    """"1655/NQ-UBTVQH15": the code carries the term (15th National Assembly); the body is known
    without it when the header block is lost."""
    from extractor.fields.issuer import infer_issuer

    issuer = infer_issuer(parse_number("1655/NQ-UBTVQH15"), [], None)
    assert (issuer.name, issuer.inferred) == ("Ủy ban Thường vụ Quốc hội", True)


@pytest.mark.parametrize("text, name", [
    ("theo Quyết định số 12/2020/QĐ-UBND của Ủy ban nhân dân tỉnh Hà Tĩnh Ban hành Quy định về quản lý",
     "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ("Quyết định số 52/2002/QĐ-UB của Ủy ban nhân dân tỉnh Bình Phước Thành lập trạm y tế xã",
     "Ủy ban nhân dân tỉnh Bình Phước"),
    ("Nghị quyết số 08/2023/NQ-HĐND của Hội đồng nhân dân tỉnh Nghệ An Quy định mức thu",
     "Hội đồng nhân dân tỉnh Nghệ An"),
])
def test_a_cited_titles_capitalised_verb_after_a_province_ends_the_name(text, name):
    assert [a.name for a in find_agencies(text)] == [name]
