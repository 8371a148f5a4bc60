"""Dates that are time limits and dates that are not (issue 9, class 4), in sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.fields.deadlines import _add_months, find_deadlines


def values(text: str, issue: str | None = "2025-01-31") -> list[str]:
    return [d.value for d, _ in find_deadlines(text, 0, len(text), issue)]


@pytest.mark.parametrize("text", [
    "phấn đấu đạt mục tiêu tăng trưởng kinh tế 8% trong năm 2025",
    "Công tác giám sát được tiến hành thường xuyên, liên tục trong năm 2025",
    "Hội nghị sơ kết công tác 6 tháng đầu năm 2025 của ngành",
    "Chương trình xóa nhà tạm trong năm 2025 đã được hoàn thành",
    "Thời gian thực hiện: Năm 2025\nvà các năm tiếp theo.",
    # a period's end, its start written out at length (a delegation's term)
    "Thời hạn ủy quyền: Từ ngày Quyết định này có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2030.",
])
def test_targets_periods_and_things_done_are_no_time_limits(text):
    assert values(text) == []


@pytest.mark.parametrize("text, expected", [
    ("đảm bảo thông xe tuyến chính trong năm 2025", ["2025"]),
    ("gửi kết quả về Sở Giáo dục và Đào tạo, hạn cuối\nngày 15 tháng 12 hàng năm", ["--12-15"]),
    ("báo cáo Ủy ban nhân dân tỉnh trước ngày 30/11 hằng năm", ["--11-30"]),
    # no "từ" in reach: the end of work to be done
    ("Các sở, ngành tập trung rà soát, hoàn thiện hồ sơ các dự án đầu tư công đến hết ngày 15/3/2025", ["2025-03-15"]),
])
def test_time_limits(text, expected):
    assert values(text) == expected


def test_working_days_and_month_ends():
    # issued on Friday 31/01/2025: five working days end on Friday 07/02
    assert values("trong vòng 05 ngày làm việc kể từ ngày ký") == ["2025-02-07"]
    assert values("trong vòng 10 ngày kể từ ngày ký") == ["2025-02-10"]
    assert values("chậm nhất 01 tháng kể từ ngày ký") == ["2025-02-28"]  # not 28 by a cap: the month's last day
    assert _add_months(dt.date(2024, 1, 31), 1) == "2024-02-29"
    assert _add_months(dt.date(2025, 3, 30), 1) == "2025-04-30"


def test_a_cut_over_date_makes_its_before_a_condition() -> None:
    """A day the text also opens a period with is a legal cut-over date: "trước" it is a condition."""
    text = ("1. Người lao động có thời gian đóng bảo hiểm xã hội trước ngày 01 tháng 7 năm 2025 thì được tính "
            "theo quy định cũ.\n2. Từ ngày 01 tháng 7 năm 2025, mức hưởng được tính theo quy định tại Nghị định này.\n"
            "3. Bảo hiểm xã hội tỉnh báo cáo kết quả thực hiện trước ngày 15/12/2025.")
    assert values(text, "2025-06-20") == ["2025-12-15"]


def test_a_time_limit_is_kept_where_no_period_opens_on_its_day() -> None:
    text = ("Sở Tài chính hoàn thành việc rà soát trước ngày 01/7/2025.\n"
            "Kế hoạch này được thực hiện từ ngày 15/6/2025.")
    assert values(text, "2025-06-10") == ["2025-07-01"]
