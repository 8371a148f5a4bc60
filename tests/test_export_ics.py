"""The deadline calendar: one all-day event per deadline, on its last day, recurring where the deadline does."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from conftest import sample_files

from extractor import extract
from extractor.export.dates import last_day
from extractor.export.ics import build_calendar, write_calendar
from extractor.record import Deadline, PartialDate, Record, Task

icalendar = pytest.importorskip("icalendar")


@pytest.fixture(scope="module")
def records() -> dict[str, Record]:
    return {p.name: extract(p) for p in sample_files()}


def parsed(records, now: datetime | None = None):
    data = build_calendar(records, io.StringIO(), now).to_ical()
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


def test_one_event_per_sample_deadline_on_its_last_day(records):
    batch = list(records.values())
    events = parsed(batch)
    assert len(events) == sum(len(r.deadlines) for r in batch)
    deadlines = [d for r in batch for d in r.deadlines]
    for event, deadline in zip(events, deadlines, strict=True):
        start = event.decoded("dtstart")
        assert event.decoded("dtend") - start == timedelta(days=1)
        assert isinstance(start, date) and not isinstance(start, datetime)  # all day
        if deadline.recurrence is None:
            assert start == last_day(deadline.value)
            assert "RRULE" not in event


def test_the_hatinh_letter_as_a_calendar(records):
    record = records["cv-ubnd-hatinh-cchc.txt"]
    events = {str(e["summary"]): e for e in parsed([record])}
    assert set(events) == {"1523/UBND-KT · 1 · Sở Nội vụ", "1523/UBND-KT · 2 · Sở Kế hoạch và Đầu tư",
                           "1523/UBND-KT · 3.a · UBND các huyện, thị xã, thành phố",
                           "1523/UBND-KT · 3.b · UBND các huyện, thị xã, thành phố"}
    month = events["1523/UBND-KT · 2 · Sở Kế hoạch và Đầu tư"]
    assert month.decoded("dtstart") == date(2019, 4, 30)  # 'tháng 4/2019': its last day
    assert "theo tháng (month)" in str(month["description"])
    assert "samples/cv-ubnd-hatinh-cchc.txt" in str(month["description"])
    task = next(t for t in record.tasks if t.id == "2")
    assert f"Nhiệm vụ 2: {task.text}" in str(month["description"])
    yearly = events["1523/UBND-KT · 3.b · UBND các huyện, thị xã, thành phố"]
    assert yearly.decoded("dtstart") == date(2019, 6, 15)  # the first 15 June after the issue date (5 March 2019)
    assert yearly["rrule"]["FREQ"] == ["YEARLY"]


def test_quarter_and_recurring_deadlines_of_a_hand_made_record():
    record = Record(
        issue_date=PartialDate(value="2024-07-10", precision="day"),
        tasks=[Task(id="1", text="Báo cáo định kỳ", lead=["Sở Y tế"])],
        deadlines=[Deadline(value="2024-Q3", precision="quarter", task="1"),
                   Deadline(value="---05", precision="day", recurrence="monthly", task="1"),
                   Deadline(value="--12", precision="month", recurrence="yearly", task="1"),
                   Deadline(value="--07-01", precision="day", recurrence="yearly", task="1")],
    )
    events = parsed([record])
    assert [e.decoded("dtstart") for e in events] == [date(2024, 9, 30), date(2024, 8, 5), date(2024, 12, 31),
                                                      date(2025, 7, 1)]
    assert [dict(e["rrule"]) if "rrule" in e else None for e in events] == [
        None, {"FREQ": ["MONTHLY"], "BYMONTHDAY": [5]}, {"FREQ": ["YEARLY"], "BYMONTH": [12], "BYMONTHDAY": [-1]},
        {"FREQ": ["YEARLY"], "BYMONTH": [7], "BYMONTHDAY": [1]}]
    assert "theo quý (quarter)" in str(events[0]["description"])


def test_uids_are_stable_between_exports_and_distinct(records):
    batch = list(records.values())
    first = [str(e["uid"]) for e in parsed(batch, datetime(2025, 1, 1, tzinfo=UTC))]
    again = [str(e["uid"]) for e in parsed(batch, datetime(2026, 6, 1, tzinfo=UTC))]
    assert first == again
    assert len(set(first)) == len(first)


def test_an_error_record_and_a_record_without_tasks_give_no_event(records, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "deadlines.ics"
    count = write_calendar([extract(empty), records["ttr-ubnd-xa-blank-number.txt"]], out, io.StringIO(),
                           io.StringIO())
    assert count == 0
    assert icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT") == []


def test_every_corpus_deadline_is_an_event_on_the_right_day(corpus):
    batch = [extract(p) for p in sorted((corpus / "docs").iterdir())]
    events = parsed(batch)
    deadlines = [d for r in batch for d in r.deadlines]
    assert len(events) == len(deadlines)
    for event, deadline in zip(events, deadlines, strict=True):
        start = event.decoded("dtstart")
        if deadline.recurrence is None:
            assert start == last_day(deadline.value), deadline
        else:
            assert deadline.value.endswith(f"{start.day:02d}") or deadline.precision == "month", deadline
            assert event["rrule"]["FREQ"] == [deadline.recurrence.upper()]
