"""The lines of a normalized text, with their offsets: what the segmenter and the signature reader walk.

A module of its own so that ``segment`` and ``fields.signature`` (which reads the signature block
line by line for the segmenter) share it without importing each other.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .grammar import settings
from .regex_cache import compile_pattern

_UPPER_LINE = compile_pattern(r"^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$")
DASHES = tuple(settings("header")["lists"]["entry_marks"])  # what opens an entry of a dash list (one set)


class Line(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class Lines(Sequence):
    """The lines of a text, made into ``Line`` objects only when looked at: most of a long
    document's lines are never visited by the segmenter. A line once made is kept: the segmenter
    and the signature reader look at the same lines many times."""

    def __init__(self, text: str):
        self.parts = text.split("\n")
        self.starts = list(itertools.accumulate(map(operator.add, map(len, self.parts), itertools.repeat(1)),
                                                initial=0))
        self._made: list[Line | None] = [None] * len(self.parts)

    def __len__(self) -> int:
        return len(self.parts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.parts)))]
        line = self._made[i]  # (an IndexError past the end, as a list gives)
        if line is None:
            if i < 0:
                i += len(self.parts)
            part = self.parts[i]
            start = self.starts[i]
            line = self._made[i] = _new_line(Line, (start, start + len(part), part))
        return line

    def __iter__(self) -> Iterator[Line]:
        for i in range(len(self.parts)):
            yield self[i]


_new_line = tuple.__new__  # (a Line without the Python-level __new__ of a named tuple)


def is_upper_line(text: str) -> bool:
    """A line with capitals and no lower-case letter (header and signature lines are printed so)."""
    return bool(_UPPER_LINE.match(text.strip()))


NEARBY_LINES = 6  # how far "the next line" may be when blank lines stand between (wrapped titles, names)


def next_nonblank(lines: Sequence[Line], i: int, limit: int = NEARBY_LINES) -> int | None:
    """The first non-blank line from ``i`` within ``limit`` lines."""
    for j in range(i, min(i + limit, len(lines))):
        if not lines[j].blank:
            return j
    return None
