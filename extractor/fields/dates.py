"""Dates: the issue date of the header and the date grammar shared by other fields.

Forms handled: ``ngày 05 tháng 3 năm 2019``; ``ngày   tháng 6 năm 2020`` (day left blank for hand
entry: month precision and a ``blank_day`` warning); ``ngày 05/3/2019``; two-digit years
``07/3/19`` (20xx); OCR noise such as ``ngày 05 tháng 03:năm 2019``.
"""

from __future__ import annotations

import datetime as dt

import regex

_NUMERIC = regex.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4}|\d{2})(?!\d)")
_WORDS = regex.compile(r"ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*[,:.]?\s*năm\s*(?P<y>\d{4})", regex.I)


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
    for pattern in (_WORDS, _NUMERIC):
        for m in pattern.finditer(text):
            value = iso_date(m["y"], m["m"], m["d"])
            if value:
                return value, m
    return None
