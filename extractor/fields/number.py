"""Số và ký hiệu: the document's number and symbol.

Forms handled (as printed after ``Số``):
- ``1523/UBND-KT`` (công văn: issuer and drafting unit), ``980/KH-UBND`` (type and issuer),
  ``16/KH-MTTQ-BTT`` (type, issuer, unit);
- ``12/2018/QĐ-UBND`` and ``24/2025/TT-BTP`` (normative: year after the number);
- ``432-TB/VPTW``, ``215-TB/TU`` (party form: number, dash, type/issuer; there alone ``TT`` is a
  Thông tri, elsewhere a Thông tư: ``24/2025/TT-BTP``);
- ``10988/BNV-CQĐP`` glued to ``Số:``; ``   /KH-UBND`` or ``/QĐ-…`` (blank number, left for hand entry);
- OCR noise: spaces inside, ``1523-/UBND-KT...`` (stray dash and dots), Icelandic ``QÐ``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..blocks import NumberBlock
from ..grammar import doc_type_by_code, letter_type, rx
from ..normalize import Text
from ..record import DocType, Number, Warning, WarningCode
from ..regex_cache import compile_pattern

_NUMBER = compile_pattern(
    r"^(?P<number>\d+[A-Za-z]?)?[-.]?(?:/(?P<year>(?:19|20)\d{2}))?(?P<sep>[/-])(?P<symbol>[\p{L}\d&.\-/]+?)$")
_JUNK_NUMBER = compile_pattern(r"^(?=[^/]*[^\d/A-Za-z\p{L}-])[^/]{1,8}(?=/)")


@dataclass(frozen=True)
class NumberReading:
    number: Number | None
    named_type: DocType | None  # the type the symbol's type code names (QĐ → Quyết định; party TT → Thông tri)
    warnings: tuple[Warning, ...] = ()


def read_number(block: NumberBlock, text: Text, doc_type: DocType | None, handwritten: bool) -> NumberReading:
    """The number after ``Số:`` (span in the source); a blank or unreadable one is warned about.

    ``doc_type`` is the type the title line names, if any: a công văn's symbol has no type code
    (``5348/CT-CS``: CT is Cục Thuế there). ``handwritten``: OCR reported the number handwritten."""
    rest = text.text[block.value_span[0]:block.value_span[1]]
    fields, named_type = _parse(rest, doc_type.name if doc_type else None)
    number = Number(**{**_NO_PARTS, **fields, "span": text.source_span(*block.value_span)}) if fields \
        else None
    if number is not None and number.number is None and rx(r"[^/\-]*\d").match(number.raw):
        warning = Warning(code=WarningCode.NUMBER_UNREADABLE,
                          message=f"the number '{number.raw}' cannot be read (handwritten?)")
    elif (number is None or number.number is None) and handwritten:
        warning = Warning(code=WarningCode.NUMBER_UNREADABLE,
                          message="the number is handwritten and could not be read (see warnings)")
    elif number is None or number.number is None:
        warning = Warning(code=WarningCode.BLANK_NUMBER, message="the document number is left blank")
    else:
        return NumberReading(number, named_type)
    return NumberReading(number, named_type, (warning,))


def parse_number(rest: str, doc_type_name: str | None = None) -> Number | None:
    """The number and its parts from what follows ``Số:``."""
    fields = _parse(rest, doc_type_name)[0]
    return Number(**fields) if fields else None


# a Number's fields, in order, as a number read without parts has them
_NO_PARTS = dict(raw="", number=None, symbol=None, type_code=None, issuer_code=None, unit_code=None, year=None)


def _tidy(rest: str) -> str:
    """What follows ``Số:`` without white space, OCR specks after the symbol and dots before a slash.
    Each substitution is made only when what it removes is there: white space (``str.isspace`` holds
    all ``\\s`` matches), a last character that is no letter, digit or ")" (``str.isalpha`` and
    ``str.isdecimal`` hold no character the pattern's class lacks), a dot before a slash (tests check it)."""
    raw = rx(r"\s+").sub("", rest) if rest.split() != [rest] else rest
    if raw and not (raw[-1].isalpha() or raw[-1].isdecimal() or raw[-1] == ")"):
        raw = rx(r"[^\p{L}\d)]+$").sub("", raw)  # OCR specks after the symbol
    if "./" in raw or "…/" in raw or "_/" in raw:
        raw = rx(r"[.…_]+(?=/)").sub("", raw)
    return raw


def _parse(rest: str, doc_type_name: str | None) -> tuple[dict[str, str | int | None] | None, DocType | None]:
    """The fields of the Number read from ``rest`` (those it has), and the type its type code names."""
    raw = _tidy(rest)
    if not raw:
        return None, None
    # a handwritten number read by OCR as noise: "4@`/TB-UBND" (its match ends at the first slash)
    junk = _JUNK_NUMBER.match(raw) if 0 < raw.find("/") <= 8 else None
    m = _NUMBER.match(raw[junk.end():] if junk else raw)
    if not m:
        digits = rx(r"^\d+").match(raw)
        return dict(raw=raw, number=digits.group() if digits else None), None
    symbol = m["symbol"].strip("-/.…")
    number = m["number"]
    parts = symbol.replace("/", "-").split("-")
    type_code = issuer_code = unit_code = None
    codes = doc_type_by_code(party=m["sep"] == "-")  # "215-TB/TU": the party's form
    letter = letter_type().name
    named_type = None
    if parts and parts[0] in codes and (doc_type_name != letter or codes[parts[0]].name == letter):
        type_code = parts[0]
        named_type = codes[type_code]
        rest_parts = parts[1:]
    else:
        rest_parts = parts
    if rest_parts:
        issuer_code = rest_parts[0] or None
        if len(rest_parts) > 1:
            unit_code = "-".join(rest_parts[1:]) or None
    return dict(raw=raw, number=number, symbol=symbol or None, type_code=type_code, issuer_code=issuer_code,
                unit_code=unit_code, year=int(m["year"]) if m["year"] else None), named_type
