"""Deadlines as an iCalendar file (RFC 5545) for the people who must meet them.

One all-day event per deadline, on the last day it allows (a month, quarter, half or year deadline on the
last day of that period, the precision said in the description); ``--MM-DD`` and ``--MM`` recur yearly,
``---DD`` monthly. UIDs derive from the document's sha256, the task and the deadline's place among that task's
deadlines, so importing a newer export updates the events instead of adding copies.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from ..record import Deadline, Record, Task
from .dates import last_day

PRODID = "-//vn-directive-extractor//deadlines//VI"
UID_DOMAIN = "vn-directive-extractor"
SEPARATOR = " · "
PRECISION_WORDS = {  # what the description says about where the event sits
    "day": "theo ngày (day)",
    "month": "theo tháng (month): ghi vào ngày cuối tháng",
    "quarter": "theo quý (quarter): ghi vào ngày cuối quý",
    "half": "theo nửa năm (half): ghi vào ngày cuối của nửa năm",
    "year": "theo năm (year): ghi vào ngày cuối năm",
}
RECURRENCE_WORDS = {"yearly": "hằng năm (yearly)", "monthly": "hằng tháng (monthly)"}


def _anchor(record: Record) -> date:
    """The day recurring deadlines start from: the issue date's first day, else today."""
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", record.issue_date.value if record.issue_date else "")
    if not match:
        return date.today()
    return date(int(match[1]), int(match[2] or 1), int(match[3] or 1))


def _first_yearly(month: int, day: int | None, start: date) -> date | None:
    """The first ``month``/``day`` (the month's last day when ``day`` is None) on or after ``start``."""
    for year in range(start.year, start.year + 9):  # 9 years: a 29 February always comes within them
        last = calendar.monthrange(year, month)[1]
        if day is not None and day > last:
            continue
        candidate = date(year, month, day or last)
        if candidate >= start:
            return candidate
    return None


def _first_monthly(day: int, start: date) -> date | None:
    year, month = start.year, start.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= start:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def occurrence(deadline: Deadline, start: date) -> tuple[date, dict | None] | None:
    """(the event's day, its RRULE or None); None when the value names no day this module can place."""
    if deadline.recurrence is None:
        day = last_day(deadline.value)
        return (day, None) if day else None
    yearly = re.fullmatch(r"--(\d{2})(?:-(\d{2}))?", deadline.value)
    monthly = re.fullmatch(r"---(\d{2})", deadline.value)
    if deadline.recurrence == "yearly" and yearly and 1 <= int(yearly[1]) <= 12:
        month, day = int(yearly[1]), int(yearly[2]) if yearly[2] else None
        first = _first_yearly(month, day, start)
        rule = {"FREQ": "YEARLY", "BYMONTH": month, "BYMONTHDAY": day or -1}
        return (first, rule) if first else None
    if deadline.recurrence == "monthly" and monthly and 1 <= int(monthly[1]) <= 31:
        first = _first_monthly(int(monthly[1]), start)
        return (first, {"FREQ": "MONTHLY", "BYMONTHDAY": int(monthly[1])}) if first else None
    return None


def summary(record: Record, deadline: Deadline, task: Task | None) -> str:
    """``1523/UBND-KT · 2 · Sở Kế hoạch và Đầu tư``: the document's number, the task, its lead."""
    number = record.number.raw if record.number else Path(record.source.path or "văn bản").name
    lead = ", ".join(task.lead) if task else ""
    return SEPARATOR.join(part for part in (number, deadline.task, lead) if part)


def description(record: Record, deadline: Deadline, task: Task | None) -> str:
    when = RECURRENCE_WORDS[deadline.recurrence] if deadline.recurrence else PRECISION_WORDS[deadline.precision]
    lines = [f"Thời hạn: {deadline.raw or deadline.value} — {deadline.value}, {when}"]
    if task:
        lines.append(f"Nhiệm vụ {task.id}: {task.text}")
        if task.lead:
            lines.append("Chủ trì: " + ", ".join(task.lead))
        if task.cooperating:
            lines.append("Phối hợp: " + ", ".join(task.cooperating))
    document = " ".join(p for p in (record.doc_type and record.doc_type.name,
                                    record.number and f"số {record.number.raw}") if p)
    if document or record.issuer:
        lines.append("Văn bản: " + SEPARATOR.join(p for p in (document, record.issuer and record.issuer.name) if p))
    if record.subject:
        lines.append(f"Trích yếu: {record.subject}")
    lines.append(f"Tệp nguồn: {record.source.path or '(văn bản)'}")
    return "\n".join(lines)


def uid(record: Record, task_id: str | None, ordinal: int) -> str:
    """Stable across exports of the same file: its sha256, the task, and which of the task's deadlines."""
    document = record.source.sha256 or record.source.path or ""
    key = f"{document}|{task_id or ''}|{ordinal}"
    return f"{hashlib.sha256(key.encode()).hexdigest()[:32]}@{UID_DOMAIN}"


def build_calendar(records: Iterable[Record], log: TextIO, now: datetime | None = None):
    """An ``icalendar.Calendar`` with one event per deadline the records hold."""
    from icalendar import Calendar, Event

    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Thời hạn nhiệm vụ")
    for record in records:
        tasks = {task.id: task for task in record.tasks}
        start = _anchor(record)
        ordinals: dict[str | None, int] = {}
        for deadline in record.deadlines:
            ordinals[deadline.task] = ordinals.get(deadline.task, 0) + 1
            placed = occurrence(deadline, start)
            if placed is None:
                print(f"{record.source.path}: no calendar event for the deadline {deadline.value!r}: no day to place",
                      file=log)
                continue
            day, rule = placed
            task = tasks.get(deadline.task) if deadline.task else None
            event = Event()
            event.add("uid", uid(record, deadline.task, ordinals[deadline.task]))
            event.add("dtstamp", stamp)
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("summary", summary(record, deadline, task))
            event.add("description", description(record, deadline, task))
            event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy that day
            if rule:
                event.add("rrule", rule)
            cal.add_component(event)
    return cal


def write_calendar(records: Iterable[Record], out: Path | None, stream: TextIO, log: TextIO) -> int:
    """Write the calendar to ``out`` (or ``stream``); returns the number of events."""
    cal = build_calendar(records, log)
    data = cal.to_ical()
    if out is None:
        stream.write(data.decode("utf-8"))
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    return len(cal.walk("VEVENT"))
