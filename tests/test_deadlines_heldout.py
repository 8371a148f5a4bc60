"""Deadlines of forms found on unseen documents (round 13, held-out set), each in a document written
for the test, with made-up names, numbers and dates."""

from __future__ import annotations

from extractor import extract

HEADER = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1234/QĐ-UBND
Hà Giang, ngày 10 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành {kind} của tỉnh

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG

Căn cứ Luật Tổ chức chính quyền địa phương;
Theo đề nghị của Giám đốc Sở Tài chính.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này {kind} của tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Giám đốc Sở Tài chính và Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT, KT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Bình

"""


def deadlines(text: str) -> list[tuple[str, str | None]]:
    record = extract(text)
    assert record.error is None
    return [(d.value, d.recurrence) for d in record.deadlines]


def test_the_time_limits_of_a_plan_attached_after_the_signature_are_read() -> None:
    """A decision issuing a plan: the plan follows the Nơi nhận list, under its own "KẾ HOẠCH" title."""
    text = HEADER.format(kind="Kế hoạch rà soát tài sản công") + """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
KẾ HOẠCH
Rà soát tài sản công năm 2025
(Kèm theo Quyết định số 1234/QĐ-UBND ngày 10/11/2025 của Chủ tịch UBND tỉnh)

I. NHIỆM VỤ
1. Sở Tài chính
- Ban hành hướng dẫn rà soát cho các đơn vị.
Thời hạn hoàn thành: Trước ngày 30/11/2025.
- Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 01 năm 2026.
"""
    assert deadlines(text) == [("2025-11-30", None), ("2026-01-15", None)]


def test_the_yearly_reports_of_an_attached_regulation_are_read_and_its_annex_stays_tables_only() -> None:
    """A regulation ("QUY CHẾ") attached before a "PHỤ LỤC" of forms: its yearly reports are time
    limits; the annex's form text is still read only in a time column."""
    text = HEADER.format(kind="Quy chế quản lý hộp thư công vụ") + """QUY CHẾ
QUẢN LÝ HỘP THƯ CÔNG VỤ
(Ban hành kèm theo Quyết định số 1234/QĐ-UBND)

Điều 5. Chế độ báo cáo
Các cơ quan, đơn vị báo cáo định kỳ 06 tháng (trước ngày 25/6) và hằng năm (trước ngày 20/12 hằng năm)
về Sở Khoa học và Công nghệ.

PHỤ LỤC
MẪU ĐƠN ĐỀ NGHỊ CẤP HỘP THƯ
Người đề nghị hoàn thành trước ngày 05/12/2025 các mục dưới đây.
"""
    assert deadlines(text) == [("--06-25", "yearly"), ("--12-20", "yearly")]


def test_a_decision_without_an_attached_document_reads_nothing_after_its_signature() -> None:
    """Words after the signature that open no attached document (a list of procedures in lower case,
    a title in running text) are not read."""
    text = HEADER.format(kind="Danh mục thủ tục hành chính") + """Danh mục thủ tục hành chính
Quy định về hồ sơ: nộp trước ngày 30/11/2025 theo mẫu.
"""
    assert deadlines(text) == []


def test_a_number_of_working_days_from_the_issue_bounded_by_khong_qua() -> None:
    """"không quá N ngày làm việc kể từ ngày ban hành" is a time limit as "trong vòng N ngày" is."""
    text = HEADER.format(kind="Quy trình nội bộ").replace(
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 2. Sở Tài chính cập nhật quy trình lên Hệ thống thông tin giải quyết thủ tục hành chính. "
        "Thời hạn hoàn thành không quá 05 ngày làm việc kể từ ngày ban hành Quyết định.")
    record = extract(text)
    # issued on Monday 10/11/2025: five working days end on Monday 17/11
    assert [(d.value, d.relative, d.task) for d in record.deadlines] == [("2025-11-17", True, "Điều 2")]
