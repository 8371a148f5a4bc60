"""The grammars in ``grammars/``, loaded and compiled once.

Everything language-specific lives in data files a linguist can edit: regular expressions in TOML,
word lists in TSV/TXT. This module only reads them; no pattern is written in Python.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import regex

from .record import DocType
from .regex_cache import compile_pattern

GRAMMAR_DIR = Path(__file__).resolve().parent.parent / "grammars"
if not GRAMMAR_DIR.is_dir():  # installed as a wheel: grammars ship inside the package
    GRAMMAR_DIR = Path(__file__).resolve().parent / "grammars"


@cache
def rx(pattern: str) -> regex.Pattern[str]:
    """A pattern written in code, compiled once (the ``regex`` module's own cache is slow)."""
    return compile_pattern(pattern, regex.V1)


def rows(name: str) -> list[list[str]]:
    """Rows of a tab-separated grammar file, comments and blank lines skipped."""
    rows = []
    for line in (GRAMMAR_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def word_list(name: str) -> list[str]:
    """One entry per line of a grammar word list."""
    return [row[0] for row in rows(name)]


@cache
def patterns(name: str) -> dict[str, dict[str, regex.Pattern[str]]]:
    """Compile every pattern of ``grammars/NAME.toml``, keyed by section and name."""
    data = tomllib.loads((GRAMMAR_DIR / f"{name}.toml").read_text(encoding="utf-8"))
    compiled: dict[str, dict[str, regex.Pattern[str]]] = {}
    for section, entries in data.items():
        compiled[section] = {}
        for key, value in entries.items():
            if isinstance(value, str):
                compiled[section][key] = compile_pattern(value, regex.V1)
    return compiled


@cache
def settings(name: str) -> dict:
    """The non-pattern values of ``grammars/NAME.toml`` (word lists, tables)."""
    return tomllib.loads((GRAMMAR_DIR / f"{name}.toml").read_text(encoding="utf-8"))


@cache
def _doc_type_rows() -> tuple[tuple[DocType, tuple[str, ...], tuple[str, ...], bool], ...]:
    """(type, its title forms, its symbol codes, party only?) per row of ``doc_types.tsv``,
    longest name first so that 'Thông tư liên tịch' wins over 'Thông tư'."""
    types = []
    for row in rows("doc_types.tsv"):
        row += [""] * (5 - len(row))
        name, code, extra, symbol_codes, system = row[:5]
        titles = (name.upper(),) + tuple(t.strip().upper() for t in extra.split("|") if t.strip())
        codes = ((code,) if code else ()) + tuple(c for c in symbol_codes.split("|") if c)
        types.append((DocType(name=name, code=code or None), titles, codes, system == "party"))
    return tuple(sorted(types, key=lambda t: -len(t[0].name)))


@cache
def doc_types() -> tuple[DocType, ...]:
    """Document types, longest name first (the record's ``DocType``, without a span)."""
    return tuple(t for t, _, _, _ in _doc_type_rows())


@cache
def doc_type_titles() -> tuple[tuple[str, DocType], ...]:
    """(title as printed, upper case; its type), longest type name first: what a title line may say."""
    return tuple((title, t) for t, titles, _, _ in _doc_type_rows() for title in titles)


@cache
def doc_type_by_code(party: bool = False) -> dict[str, DocType]:
    """Type code in a ký hiệu → type (``QĐ`` → Quyết định, party ``CV`` → Công văn).

    A party-only type (Thông tri) owns its code only in a party number (``12-TT/TU``); in a state
    number the same code is the state type's (``24/2025/TT-BTP``: Thông tư)."""
    found = [(t, codes, party_only) for t, _, codes, party_only in reversed(_doc_type_rows())]
    by_code = {c: t for t, codes, party_only in found if not party_only for c in codes}
    if party:
        by_code.update({c: t for t, codes, party_only in found if party_only for c in codes})
    return by_code


def letter_type() -> DocType:
    """Công văn: the type with no code of its own in a state number (its party form ``CV`` names it)."""
    return doc_type_by_code(party=True)["CV"]


@cache
def issuer_codes() -> dict[str, tuple[str, str]]:
    """Issuer abbreviation in a ký hiệu → (full name, 'central' | 'local')."""
    return {row[0]: (row[1], row[2]) for row in rows("issuer_codes.tsv")}


@cache
def provinces() -> dict[str, str]:
    """Province or city name → its kind ('tỉnh' or 'thành phố')."""
    return {row[0]: row[1] for row in rows("agencies/provinces.tsv")}
