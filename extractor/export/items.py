"""What the writers take: records as a batch yields them (the model, its dict, or its JSON line)."""

from __future__ import annotations

from ..record import Record


def as_record(item: Record | dict | str) -> Record:
    """A record from what a batch yields: the model, its dict, or its JSON line."""
    if isinstance(item, Record):
        return item
    if isinstance(item, str):
        return Record.model_validate_json(item)
    return Record.model_validate(item)
