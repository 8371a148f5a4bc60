"""The grammars in ``grammars/``, loaded and compiled once.

Everything language-specific lives in data files a linguist can edit: regular expressions in TOML,
word lists in TSV/TXT. This module only reads them; no pattern is written in Python.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import regex

from .record import DocType
from .regex_cache import cached_table, compile_pattern, compile_re

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
    data = _table(name)
    compiled: dict[str, dict[str, regex.Pattern[str]]] = {}
    for section, entries in data.items():
        compiled[section] = {}
        for key, value in entries.items():
            if isinstance(value, str):
                compiled[section][key] = compile_pattern(value, regex.V1)
    return compiled


# the pieces of a word list's pattern that match a run of characters: spacing, a dash with any spacing
SPACE = r"\s+"
DASH = r"\s*[-–—]\s*"
_RUNS = (DASH, SPACE, "[ ]+")
_BLANK = " "  # what the runs may start with (any space: the check below only asks whether they can)


Atom = tuple[str, str, frozenset[str]]  # (key: equal keys are one branch; as written; the characters it can start with)
# a step of a listed name's pattern: a run, a class of characters ("[Bb]"), an escaped character, a character
_STEP = compile_re("|".join(map(re.escape, _RUNS)) + r"|\[[^\]]*\]|\\.|.", re.DOTALL)


@cache
def _atom(text: str, ignore_case: bool) -> Atom:
    if text in _RUNS:
        return text, text, frozenset(_BLANK + ("-–—" if text == DASH else ""))
    chars = frozenset(text[1:-1] if len(text) > 2 and text[0] == "[" else text[-1])
    if not ignore_case:
        return text, text, chars
    chars = frozenset(v for ch in chars for v in (ch, ch.lower(), ch.upper(), ch.casefold()))
    return min(chars) if len(chars) > 1 else text, text, chars


def factored(alternatives: list[str], ignore_case: bool = False) -> str:
    r"""``a|b|…`` with the common beginnings written once, as a prefix tree (``Sở\s+(?:Tài\s+chính|Tư\s+pháp)``):
    it matches the same way, faster (a place where no name goes on is left after one try, not one
    per name). Where two alternatives can both match at one place, the one listed first is still
    tried first; a branch where the tree cannot keep that order stays a plain list (``_branch``),
    and so do all of them when a run of spacing stands where another could take its place (a name
    with two spaces in a row, or ending in one)."""
    cut = [[_atom(step, ignore_case) for step in _STEP.findall(a)] for a in alternatives]
    if any(i + 1 == len(atoms) or _BLANK in atoms[i + 1][2]
           for atoms in cut for i, (_, text, _) in enumerate(atoms) if text in _RUNS):
        return "|".join(alternatives)
    if any(len(ch) > 1 for atoms in cut for _, _, chars in atoms for ch in chars):
        return "|".join(alternatives)  # a letter whose other case is two ("ß": "SS"), which the check below cannot see
    return _branch(list(enumerate(cut)), 0, top=True)


def _branch(alternatives: list[tuple[int, list[Atom]]], depth: int, top: bool = False) -> str:
    """The alternatives (rank, atoms) that share their first ``depth`` atoms, from there on."""
    if len(alternatives) == 1:
        return "".join(text for _, text, _ in alternatives[0][1][depth:])
    ends = [rank for rank, atoms in alternatives if len(atoms) == depth]
    groups: dict[str, list[tuple[int, list[Atom]]]] = {}
    for rank, atoms in alternatives:
        if len(atoms) > depth:
            groups.setdefault(atoms[depth][0], []).append((rank, atoms))
    branches = list(groups.values())  # in the order their first alternative is listed
    # tried in this order: each branch whole, then the end here; keep it where two can match together
    # (a longer name listed after a shorter one it begins with; two branches whose next steps overlap)
    in_order = not ends or all(b[-1][0] < ends[0] for b in branches)
    for i, first in enumerate(branches):
        for later in branches[i + 1:]:
            if first[-1][0] > later[0][0] and first[0][1][depth][2] & later[0][1][depth][2]:
                in_order = False
    if not in_order:
        listed = "|".join("".join(text for _, text, _ in atoms[depth:]) for _, atoms in alternatives)
        return listed if top else f"(?:{listed})"
    options = [b[0][1][depth][1] + _branch(b, depth + 1) for b in branches]
    if ends:
        return f"(?:{'|'.join(options)})?" if options else ""
    if top or len(options) == 1:
        return "|".join(options)
    return f"(?:{'|'.join(options)})"


@cache
def settings(name: str) -> dict:
    """The non-pattern values of ``grammars/NAME.toml`` (word lists, tables)."""
    return _table(name)


def _table(name: str) -> dict:
    """``grammars/NAME.toml`` parsed (kept parsed on disk with the compiled patterns)."""
    return cached_table((GRAMMAR_DIR / f"{name}.toml").read_text(encoding="utf-8"), _parse_toml)


def _parse_toml(text: str) -> dict:
    import tomllib  # (only when the cache has not got this text)

    return tomllib.loads(text)


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
