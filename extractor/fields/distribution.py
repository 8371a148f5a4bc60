"""Distribution: the ``Nơi nhận`` list and its ``Lưu`` (archive) line.

Forms handled:
- one entry per dash line, notes in a trailing parenthesis: ``- Thủ tướng Chính phủ (để b/c);`` →
  note ``để b/c``;
- the ``Lưu: VT, KT, an12.`` line → archive ``["VT", "KT", "an12"]``, also ``Lưu VT, NN (03). Hg.``;
- OCR's ``Lưu: VŨ KTTH`` → ``VT, KTTH`` (reported).
"""

from __future__ import annotations

from functools import lru_cache

from ..blocks import Block
from ..grammar import patterns
from ..normalize import Text, clean_value
from ..record import DistributionEntry, Warning, WarningCode
from ..regex_cache import compile_pattern, compile_re
from .lists import list_entries

_COMMA_OR_PAREN = compile_re(r"[,()]")
_NOTE = compile_pattern(r"\s*\((?P<note>[^()]{1,40})\)\s*[;,.]*\s*$")
# The Nơi nhận of an office's documents repeat their entries ("Như trên", its Lưu line): an entry's
# reading, which depends on its text alone, is kept (so many of them)
ENTRIES_KEPT = 4096


def read_distribution(block: Block, text: Text, ocr: bool
                      ) -> tuple[list[DistributionEntry], list[str], list[Warning]]:
    """(entries with spans in the source, archive, warnings for what OCR misread and was put back)."""
    found, archive = _read(block.text, block.start)
    entries = [DistributionEntry(name=name, note=note, span=text.source_span(start, end))
               for name, note, start, end in found]
    archive, notes = correct_archive(archive) if ocr else (archive, [])
    return entries, archive, [Warning(code=WarningCode.OCR_CORRECTED, message=note) for note in notes]


def parse_distribution(text: str, offset: int) -> tuple[list[DistributionEntry], list[str]]:
    found, archive = _read(text, offset)
    return [DistributionEntry(name=name, note=note, span=(start, end)) for name, note, start, end in found], archive


def _read(text: str, offset: int) -> tuple[list[tuple[str, str | None, int, int]], list[str]]:
    """(name, note, start, end) per entry, offsets in the text; the archive."""
    entries: list[tuple[str, str | None, int, int]] = []
    archive: list[str] = []
    for body, _raw, start, end in list_entries(text, offset):
        archived, reading = _entry(body)
        if archived is not None:
            archive = list(archived)  # (a list of its own: the record's)
        elif reading:
            entries.append((*reading, start, end))
    return entries, archive


@lru_cache(maxsize=ENTRIES_KEPT)
def _entry(body: str) -> tuple[tuple[str, ...] | None, tuple[str, str | None] | None]:
    """An entry's reading: (the archive's items, None) for the Lưu line, else (None, its name and note),
    or (None, None) for an entry with no name."""
    m = patterns("header")["blocks"]["archive_item"].match(body)
    if m:
        return tuple(a for a in (clean_value(x, " ;.,:") for x in split_top_commas(body[m.end():])) if a), None
    note = None
    n = _NOTE.search(body) if ")" in body else None  # (a note ends in its parenthesis)
    if n:
        note = clean_value(n["note"])
        body = body[:n.start()]
    name = clean_value(body)
    return None, ((name, note) if name else None)


def split_top_commas(text: str) -> list[str]:
    """``text`` split at its commas outside parentheses: a comma whose next parenthesis closes one is
    inside it (``KTTH (Nam, 15b)``). Decided from the end in one pass over the commas and
    parentheses: a look-ahead per comma reads to the end of the text each time, quadratic on a long
    entry (fuzzing: 4 s on one Lưu line 300 KB long)."""
    cuts: list[int] = []
    next_paren = ""
    for m in reversed(list(_COMMA_OR_PAREN.finditer(text))):
        char = m.group()
        if char != ",":
            next_paren = char
        elif next_paren != ")":
            cuts.append(m.start())
    bounds = [-1, *reversed(cuts), len(text)]
    return [text[a + 1:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def correct_archive(archive: list[str]) -> tuple[list[str], list[str]]:
    """OCR of ``Lưu: VT, KT`` often reads the văn thư's ``VT`` as ``VŨ``, ``VI`` or ``V1`` and loses the
    comma after it (``VŨ KTTH``). The first archive item is the văn thư by the format standard, so such
    a misreading is put back; returns the archive (a new list) and the corrections made."""
    m = patterns("header")["blocks"]["archive_clerk_misread"].match(archive[0]) if archive else None
    if m is None:
        return list(archive), []
    mended = ["VT"] + ([m["rest"]] if m["rest"] else []) + archive[1:]
    return mended, [f"Lưu: {archive[0]} → VT{', ' + m['rest'] if m['rest'] else ''}"]
