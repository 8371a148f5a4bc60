"""The blocks the segmenter finds, as typed values: what ``segment`` hands to the field readers.

Each block is a span ``[start, end)`` of the normalized text and its text; a block that the
segmenter has already split (the date into place, day, month and year; the title into its type)
carries those parts as typed attributes, so a field reader never looks anything up by a string key.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TypeVar

from .lines import Lines
from .record import DocType, Span


@dataclass(frozen=True)
class SignatureLines:
    """The signature block as found: its upper-case lines (authority and title) and the name."""

    start: int  # offsets in the normalized text
    end: int
    caps: tuple[str, ...]
    name: str | None
    name_span: Span | None


@dataclass
class Block:
    """A located part of the document: ``[start, end)`` in the normalized text and its text."""

    kind: str
    start: int
    end: int
    text: str


@dataclass
class NumberBlock(Block):
    value_span: Span  # what follows "Số:" (empty for "Số:" alone, the number left blank)


@dataclass
class DateBlock(Block):
    """Place and date of issue (``Hà Nội, ngày 05 tháng 3 năm 2019``), as the date grammar split them."""

    place: str | None
    date: str
    date_span: Span
    day: str | None  # as printed: digits, dots left for hand entry, or OCR's reading of handwriting
    month: str | None
    year: str


@dataclass
class TitleBlock(Block):
    doc_type: DocType  # the type the title line names


@dataclass
class SubjectBlock(Block):
    after_prefix: bool  # a "V/v" / "Về việc" trích yếu by the number (a công văn's), not under a title


@dataclass
class SignatureBlock(Block):
    lines: SignatureLines


@dataclass
class StampBlock(Block):
    org: str  # what stands before ĐẾN on the stamp's line (CV, an office's name)
    number: str | None
    date: str | None


B = TypeVar("B", bound=Block)


@dataclass
class Layout:
    """The blocks of a document by kind, and its lines."""

    text: str
    lines: Lines
    blocks: dict[str, Block] = field(default_factory=dict)

    def get(self, kind: str) -> Block | None:
        return self.blocks.get(kind)

    def add(self, kind: str, start: int, end: int) -> Block:
        return self.put(Block(kind, start, end, self.text[start:end]))

    def put(self, block: Block) -> Block:
        self.blocks[block.kind] = block
        return block

    # the blocks by kind, for the field readers
    @property
    def issuer(self) -> Block | None:
        return self.blocks.get("issuer")

    @property
    def recipients(self) -> Block | None:
        return self.blocks.get("recipients")

    @property
    def body(self) -> Block | None:
        return self.blocks.get("body")

    @property
    def annex(self) -> Block | None:
        return self.blocks.get("annex")

    @property
    def distribution(self) -> Block | None:
        return self.blocks.get("distribution")

    @property
    def urgency(self) -> Block | None:
        return self.blocks.get("urgency")

    @property
    def secrecy(self) -> Block | None:
        return self.blocks.get("secrecy")

    @property
    def number(self) -> NumberBlock | None:
        return self._typed("number", NumberBlock)

    @property
    def date(self) -> DateBlock | None:
        return self._typed("date", DateBlock)

    @property
    def title(self) -> TitleBlock | None:
        return self._typed("title", TitleBlock)

    @property
    def subject(self) -> SubjectBlock | None:
        return self._typed("subject", SubjectBlock)

    @property
    def signature(self) -> SignatureBlock | None:
        return self._typed("signature", SignatureBlock)

    @property
    def stamp(self) -> StampBlock | None:
        return self._typed("stamp", StampBlock)

    def _typed(self, kind: str, cls: type[B]) -> B | None:
        block = self.blocks.get(kind)
        return block if isinstance(block, cls) else None

    def line_at(self, offset: int) -> int:
        """Index of the line that holds ``offset``."""
        return max(bisect.bisect_right(self.lines.starts, offset) - 1, 0)


