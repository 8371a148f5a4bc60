"""Citations: other documents referred to by number, and how this document stands to them.

Forms handled: ``Quyết định số 845/QĐ-UBND ngày 20/02/2019 của UBND tỉnh``; party forms
``Nghị quyết số 12-NQ/TU``, ``Kế hoạch số 07-KH/TU ngày 03/5/2018``; normative forms with a year
``Nghị định số 30/2020/NĐ-CP``, ``Luật … số 59/2020/QH14``; a number without ``số``
(``Thông tư 16/2024/TT-BCA``); spaces left by conversion (``15972/SXD-QLN& TTBĐS``). One entry
per distinct number, the first mention's text. Relation from the clause before the mention:
căn cứ → based_on, thay thế → replaces, sửa đổi/bổ sung → amends, hướng dẫn → guides,
thực hiện/triển khai → implements, otherwise refers.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import regex

from ..grammar import patterns, rx, settings
from ..ner import agency_at_start
from ..normalize import clean_value
from ..record import Citation
from ..regex_cache import compile_pattern, compile_re
from .dates import find_date


def find_citations(text: str, start: int, end: int, own_number: str | None) -> list[Citation]:
    p = patterns("body")["citations"]
    seen: set[str] = set()
    own = _key(own_number) if own_number else None
    out: list[Citation] = []
    last_end = -1000
    for m in _numbers(text, start, end, p["number"]):
        number, key = _number_key(m["number"])
        listed = m.start() - last_end < 60 and p["list_gap"].fullmatch(text, last_end, m.start())
        if key == own:
            continue
        if key in seen:
            last_end = m.end()
            continue
        before = text[max(start, m.start() - 120):m.start()]
        near = before[-90:]
        type_m = p["type_before"].search(near)
        if type_m is None and not p["number_word_before"].search(before) and not listed:
            continue
        last_end = m.end()
        seen.add(key)
        after = text[m.end():m.end() + 160]
        date_m = p["date_after"].match(after)
        date = _date_value(date_m.group()) if date_m else None  # (with its "ngày")
        rest = after[date_m.end():] if date_m else after
        issuer_m = p["issuer_after"].match(rest)
        raw_start = m.start() - (len(near) - type_m.start("type")) if type_m else m.start()
        raw_end = m.end() + (date_m.end() if date_m else 0) + (issuer_m.end() if issuer_m else 0)
        relation = _relation(before)
        doc_type = type_m["type"] if type_m else None
        out.append(Citation(
            doc_type=" ".join((doc_type[0].upper() + doc_type[1:]).split()) if doc_type else None,
            number=number, date=date, issuer=_issuer(rest, issuer_m),
            relation=relation, raw=clean_value(text[raw_start:raw_end]) or number, span=(raw_start, raw_end)))
    _add_short_forms(text, start, end, out, own)
    return out


def _relation(before: str) -> str:
    """How this document stands to a citation, from the clause before it ("Căn cứ …" → based_on)."""
    return _relation_of(before[max(before.rfind("."), before.rfind(";"), before.rfind(":")) + 1:])


@lru_cache(maxsize=4096)
def _relation_of(clause: str) -> str:
    """(the clauses recur: "Căn cứ Nghị định số", "Căn cứ Thông tư số" …)"""
    rel = patterns("body")["relations"]
    if rel["based_on"].search(clause):
        return "based_on"  # (the first in order, and the most common)
    if not _any_relation().search(clause):
        return "refers"  # (the next most common: one search instead of one per relation)
    return next((name for name in ("replaces", "amends", "guides", "implements") if rel[name].search(clause)), "refers")


@cache
def _any_relation() -> regex.Pattern[str]:
    """Any of the relations' patterns (each keeps its own flags inside its group)."""
    return compile_pattern("|".join(f"(?:{p.pattern})" for p in patterns("body")["relations"].values()), regex.V1)


def _add_short_forms(text: str, start: int, end: int, out: list[Citation], own: str | None) -> None:
    """``Nghị định 30``, ``Nghị quyết số 66``: a document named by its type and bare number. When a
    full citation has that number (``sau đây gọi tắt là Nghị quyết 347``) it is the same document
    and is not listed again; otherwise it is a citation of its own, its number as written."""
    if not any(word in text for word in settings("body")["citation_words"]["short_cheap_test"]):
        return
    leading = {_leading(c.number) for c in out} | ({_leading(own)} if own else set())
    for m in _short_forms(text, start, end):
        n = m["n"]
        if n in leading:
            continue
        leading.add(n)
        relation = _relation(text[max(start, m.start() - 120):m.start()])
        out.append(Citation(doc_type=rx(r"\s+").sub(" ", m["type"]), number=n, date=None, issuer=None,
                         relation=relation, raw=clean_value(m.group()), span=m.span()))


def _issuer(rest: str, m: regex.Match[str] | None) -> str | None:
    """Who issued the cited document: the body named right after "của" ("của Thủ tướng Chính phủ"),
    with the head's title when the document is the head's ("của Bộ trưởng Bộ Tài chính", "của Chủ
    tịch UBND tỉnh": as printed, not the first word of the title)."""
    if m is None:
        return None
    text = rest[m.start("issuer"):m.start("issuer") + 90]
    role = patterns("body")["citations"]["issuer_title"].match(text)
    if role and role.end():
        named = _named_at_start(text[role.end():])
        if named:
            return f"{clean_value(text[:role.end()])} {named}"
    return _named_at_start(text) or clean_value(m["issuer"])


@lru_cache(maxsize=4096)
def _named_at_start(text: str) -> str | None:
    """The name of the agency ``text`` opens with: a third of the citations of a batch repeat the
    words after their "của" ("Chính phủ quy định …") and are not read again."""
    named = agency_at_start(text)
    return named.name if named else None


def _numbers(text: str, start: int, end: int, number: regex.Pattern[str]):
    """Document numbers in ``text[start:end]``, found from their symbol: a "/" or "-" before a
    capital ("845/QĐ", "12-NQ") is rare and quick to find, the digits before it are then read."""
    after = start
    for at in _symbol_starts(text, start, end):
        if at < after:
            continue
        digits = _DIGITS_BEFORE.search(text, max(start, at - 12), at)
        if digits is None:
            continue
        at = digits.start()
        if at and (text[at - 1].isalnum() or text[at - 1] in "/.-"):
            continue
        m = number.match(text, at, end)
        if m:
            after = m.end()
            yield m


def _symbol_starts(text: str, start: int, end: int) -> list[int]:
    """Where ``_SYMBOL_START`` matches in ``text[start:end]``. Each separator is found on its own
    by the standard library's engine, which finds a literal first character much faster than
    ``regex`` scans for a class; a looser test there (a letter, not a capital) leaves few places,
    each then tried with the pattern itself."""
    places = sorted(m.start() for sep in (_SLASH, _HYPHEN) for m in sep.finditer(text, start, end))
    # (an ASCII capital right after, or after an ASCII space, passes ``\s?(?=\p{Lu})`` in both engines)
    return [at for at in places
            if "A" <= text[at + 1] <= "Z" or (text[at + 1] in _ASCII_SPACE and "A" <= text[at + 2] <= "Z")
            or _SYMBOL_START.match(text, at, end)]


# (a digit or "a" must come before: "- Sở Y tế", "KH-UBND" are passed over inside the engine)
_SYMBOL_START = compile_pattern(r"[/-](?<=[0-9a-z][ ]?[/-])\s?(?=\p{Lu})")
# ... and looser tests for it, one per separator, on the standard library's engine (its \s holds
# every \s of ``regex``, [^\W\d_] is a letter: a capital is one)
_SLASH = compile_re(r"/(?:(?<=[0-9a-z]/)|(?<=[0-9a-z] /))\s?[^\W\d_]")
_HYPHEN = compile_re(r"-(?:(?<=[0-9a-z]-)|(?<=[0-9a-z] -))\s?[^\W\d_]")
_ASCII_SPACE = " \t\n\v\f\r"
_DIGITS_BEFORE = compile_pattern(r"\d{1,6}(?:\.\d{1,2})?[a-z]?(?:/(?:19|20)\d{2})?[ ]?$")


def _short_forms(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The short forms in ``text[start:end]``, left to right. Each starts with one of a few words:
    those are found by ``str.find`` (faster than any engine's scan for the pattern's first letters),
    the pattern is tried there (two forms cannot overlap: the words stand only at their start)."""
    pattern = _short_form()
    found = []
    for word in settings("body")["citation_words"]["short_first_words"]:
        at = text.find(word, start, end)
        while at >= 0:
            if m := pattern.match(text, at, end):
                found.append(m)
            at = text.find(word, at + 1, end)
    found.sort(key=lambda m: m.start())
    return found


@cache
def _short_form() -> re.Pattern[str]:
    """The short form, on the standard library's engine (a third of the time of ``regex`` here)."""
    return compile_re(settings("body")["citations"]["short"])


@lru_cache(maxsize=4096)
def _date_value(text: str) -> str | None:
    """The date of a citation's "ngày …" (the same few dates recur: cited often, or cited together)."""
    found = find_date(text)
    return found[0] if found else None


def _leading(number: str) -> str:
    """The number a document is called by: ``347`` of ``347/2024/NQ-HĐND``, ``12`` of ``12-NQ/TU``."""
    return number.split("/")[0].split("-")[0]


@lru_cache(maxsize=4096)
def _number_key(written: str) -> tuple[str, str]:
    r"""A number as written, without its spaces (only regex ``\s`` stand in it: the same as
    ``rx(r"\s+").sub``), and its key (the same numbers recur: in a document, and in the laws cited)."""
    number = "".join(written.split())
    return number, _fold(number)


def _key(number: str) -> str:
    return _fold(rx(r"\s+").sub("", number))


def _fold(number: str) -> str:
    """``_key`` of a number without spaces."""
    folded = number.casefold()
    for letter, same in settings("body")["citation_words"]["number_folds"].items():
        folded = folded.replace(letter, same)
    return folded
