"""Dates: the issue date of the header, and the date grammar (``grammars/dates.toml``) other fields reuse.

Forms handled: ``ngày 05 tháng 3 năm 2019``; ``ngày   tháng 6 năm 2020`` (day left blank for hand
entry: month precision and a ``blank_day`` warning); ``ngày 05/3/2019``; two-digit years
``07/3/19`` (20xx); OCR noise such as ``ngày 05 tháng 03:năm 2019``; a handwritten day OCR could
not read (``ngày 2ó tháng 3``: month precision and ``day_unreadable``).

Without a date line (laws and resolutions of the Quốc hội and its Standing Committee), the date
of adoption in the closing sentence: ``… thông qua ngày 16 tháng 6 năm 2025.`` (``read_adoption_date``).

``find_date`` (a full date in words or figures anywhere) and ``iso_date`` are the shared pieces:
citations and stamps read their dates with them.
"""

from __future__ import annotations

import datetime as dt

import regex

from ..blocks import DateBlock
from ..grammar import patterns, settings
from ..normalize import Text, clean_value
from ..record import PartialDate, Warning, WarningCode


def iso_date(year: int | str, month: int | str | None = None, day: int | str | None = None) -> str | None:
    """ISO 8601 value for a full or partial date; None if it is not a real date."""
    try:
        y = int(year)
        if y < 100:
            y += 2000
        if month in (None, ""):
            return f"{y:04d}"
        m = int(month)
        if day in (None, ""):
            return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
        return dt.date(y, m, int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def find_date(text: str) -> tuple[str, regex.Match[str]] | None:
    """The first full date written in words or figures in ``text``."""
    grammar = patterns("dates")["date"]
    for pattern in (grammar["words"], grammar["numeric"]):
        for m in pattern.finditer(text):
            value = iso_date(m["y"], m["m"], m["d"])
            if value:
                return value, m
    return None


def read_issue_date(block: DateBlock, text: Text, signed: list[str], handwritten: bool
                    ) -> tuple[PartialDate | None, list[Warning]]:
    """The issue date of the header's date line (span in the source), with a warning when its day
    is left blank or cannot be read. ``signed``: the PDF's signature times, quoted as a hint for an
    unreadable day; ``handwritten``: OCR reported the day handwritten."""
    day = (block.day or "").strip(" .…_")
    unreadable = bool(day) and not day.isdigit()
    day = day if day.isdigit() else ""
    value = iso_date(block.year, block.month, day or None)
    if not value:
        return None, []
    precision = "day" if day else ("month" if block.month else "year")
    date = PartialDate(value=value, precision=precision, raw=clean_value(block.date),
                       span=text.source_span(*block.date_span))
    if unreadable or (not day and handwritten):
        hint = f"; the PDF was first signed on {signed[0][:10]}" if signed else ""
        seen = f" ('{block.day}')" if block.day else ""
        return date, [Warning(code=WarningCode.DAY_UNREADABLE,
                              message=f"the day of the issue date cannot be read{seen}{hint}")]
    if not day:
        return date, [Warning(code=WarningCode.BLANK_DAY, message="the day of the issue date is left blank")]
    return date, []


def read_adoption_date(text: Text) -> PartialDate | None:
    """The date a law or resolution was adopted (``thông qua ngày …``, its last mention: the
    closing sentence), for a document without a date line; a day written with a literal
    ``thông qua`` in the text only (most documents have none)."""
    if not any(word in text.text for word in settings("dates")["adoption"]["cheap_tests"]):
        return None
    found = patterns("dates")["adoption"]["adopted"].search(text.text)  # (searched from the end: the last)
    if found is None:
        return None
    value = iso_date(found["year"], found["month"], found["day"])
    if not value:
        return None
    return PartialDate(value=value, precision="day", raw=clean_value(found["date"]),
                       span=text.source_span(*found.span("date")))
