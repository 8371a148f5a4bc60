"""TCVN3 (ABC) and VNI font encodings (to be completed)."""

from __future__ import annotations


def legacy_decode(data: bytes) -> tuple[str, str] | None:
    return None
