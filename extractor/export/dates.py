"""The last day a partial date covers: where a tracker or a calendar puts a deadline."""

from __future__ import annotations

import calendar
import re
from datetime import date

_PARTIAL = re.compile(r"(?P<year>\d{4})"
                      r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|Q(?P<quarter>[1-4])|H(?P<half>[12])))?")


def last_day(value: str) -> date | None:
    """``2019-04-25`` itself, ``2019-04`` → 04-30, ``2019-Q2`` → 06-30, ``2019-H1`` → 06-30, ``2019`` → 12-31.

    None for a recurring form (``--06-15``, ``---20``), which has no single last day, and for a value that is
    no date (a month 13 never comes from the extractor, but a hand-edited record may hold one).
    """
    match = _PARTIAL.fullmatch(value)
    if not match:
        return None
    year = int(match["year"])
    if match["day"]:
        month, day = int(match["month"]), int(match["day"])
    else:
        month = (int(match["month"]) if match["month"] else int(match["quarter"]) * 3 if match["quarter"]
                 else int(match["half"]) * 6 if match["half"] else 12)
        day = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
    try:
        return date(year, month, day)
    except ValueError:
        return None
