"""Số và ký hiệu: the document's number and symbol.

Forms handled (as printed after ``Số``):
- ``1523/UBND-KT`` (công văn: issuer and drafting unit), ``980/KH-UBND`` (type and issuer),
  ``16/KH-MTTQ-BTT`` (type, issuer, unit);
- ``12/2018/QĐ-UBND`` and ``24/2025/TT-BTP`` (normative: year after the number);
- ``432-TB/VPTW``, ``215-TB/TU`` (party form: number, dash, type/issuer);
- ``10988/BNV-CQĐP`` glued to ``Số:``; ``   /KH-UBND`` or ``/QĐ-…`` (blank number, left for hand entry);
- OCR noise: spaces inside, ``1523-/UBND-KT...`` (stray dash and dots), Icelandic ``QÐ``.
"""

from __future__ import annotations

import regex

from ..grammar import doc_type_by_code, rx
from ..record import Number

_NUMBER = regex.compile(
    r"^(?P<number>\d+[A-Za-z]?)?[-.]?(?:/(?P<year>(?:19|20)\d{2}))?(?P<sep>[/-])(?P<symbol>[\p{L}\d&.\-/]+?)$")
_JUNK_NUMBER = regex.compile(r"^(?=[^/]*[^\d/A-Za-z\p{L}-])[^/]{1,8}(?=/)")


def parse_number(rest: str, doc_type_name: str | None = None) -> Number | None:
    raw = rx(r"[^\p{L}\d)]+$").sub("", rx(r"\s+").sub("", rest))  # OCR specks after the symbol
    raw = rx(r"[.…_]+(?=/)").sub("", raw)
    if not raw:
        return None
    junk = _JUNK_NUMBER.match(raw)  # a handwritten number read by OCR as noise: "4@`/TB-UBND"
    m = _NUMBER.match(raw[junk.end():] if junk else raw)
    if not m:
        digits = rx(r"^\d+").match(raw)
        return Number(raw=raw, number=digits.group() if digits else None)
    symbol = m["symbol"].strip("-/.…")
    number = m["number"]
    parts = rx(r"[-/]").split(symbol)
    type_code = issuer_code = unit_code = None
    codes = doc_type_by_code()
    if parts and parts[0] in codes and (doc_type_name != "Công văn" or codes[parts[0]].name == "Công văn"):
        type_code = parts[0]
        rest_parts = parts[1:]
    else:
        rest_parts = parts
    if rest_parts:
        issuer_code = rest_parts[0] or None
        if len(rest_parts) > 1:
            unit_code = "-".join(rest_parts[1:]) or None
    return Number(raw=raw, number=number, symbol=symbol or None, type_code=type_code,
                  issuer_code=issuer_code, unit_code=unit_code, year=int(m["year"]) if m["year"] else None)
