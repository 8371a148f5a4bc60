"""Body fields: tasks, deadlines and citations (filled in by their own modules)."""

from __future__ import annotations

from ..normalize import Text
from ..record import Record


def extract_body(record: Record, text: Text, start: int, end: int) -> None:
    return None
