"""What every reader returns (``Document``) or raises (``ReadError``), and the registry of readers.

A reader turns a file's bytes into text. Each format is registered here with the suffixes it reads
and the leading bytes ("magic") it starts with: the text reader by its module, the others (PDF,
images, DOCX) by ``read.py``, which names their modules so that they are imported only when a file
of theirs comes (they pull in PDFium, OCR, zip and XML code a batch of text never needs). ``read.py``
asks the registry which reader a file goes to. The registry lives here, below the readers, so that
no reader needs ``read.py`` and no import goes in a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from ..record import Source

# fields OCR can report as written by hand and not readable: the pipeline warns about them
UNREADABLE_FIELDS = frozenset({"number", "day"})


class ReadError(Exception):
    """A file that gives no text: ``code`` is the record's error code (``unreadable``, ``too_large``…)."""

    def __init__(self, code: str, message: str, source: Source | None = None):
        super().__init__(message)
        self.code = code
        self.source = source


@dataclass
class Document:
    """A document's text, where it came from, and what the reader noticed on the way.

    ``unreadable`` names the header fields OCR found written by hand and could not read
    (a subset of ``UNREADABLE_FIELDS``): data for the pipeline, which need not parse warnings."""

    text: str
    source: Source
    warnings: list[tuple[str, str]] = field(default_factory=list)
    unreadable: frozenset[str] = frozenset()


# a reader: the file's bytes, its Source (filled in as it reads) and how many pages it may read at most
ReadFunction = Callable[[bytes, Source, int], Document]


@dataclass(frozen=True)
class Reader:
    format: str  # the name ``Source.format`` records
    suffixes: tuple[str, ...]
    magic: tuple[bytes, ...]  # what a file of this format starts with
    read: ReadFunction


class Registry:
    """Readers by suffix and by the bytes their files start with."""

    def __init__(self) -> None:
        self._readers: dict[str, Reader] = {}

    def register(self, format: str, suffixes: tuple[str, ...], magic: tuple[bytes, ...] = ()
                 ) -> Callable[[ReadFunction], ReadFunction]:
        def add(read: ReadFunction) -> ReadFunction:
            self._readers[format] = Reader(format, suffixes, magic, read)
            return read
        return add

    def declare(self, format: str, suffixes: tuple[str, ...], magic: tuple[bytes, ...], module: str,
                function: str) -> None:
        """A reader ``function`` of ``readers/MODULE.py``, which is imported at the first file it reads."""
        def read(data: bytes, src: Source, max_pages: int) -> Document:
            return getattr(import_module(f"{__package__}.{module}"), function)(data, src, max_pages)
        self._readers[format] = Reader(format, suffixes, magic, read)

    def suffixes(self) -> dict[str, str]:
        """Suffix (``.pdf``) → format name, for every registered reader."""
        return {suffix: r.format for r in self._readers.values() for suffix in r.suffixes}

    def by_suffix(self, suffix: str) -> Reader | None:
        return next((r for r in self._readers.values() if suffix.lower() in r.suffixes), None)

    def by_content(self, data: bytes) -> Reader | None:
        """The reader whose format the data starts like (a PDF, a zip, a PNG…), if any."""
        return next((r for r in self._readers.values() if any(data.startswith(m) for m in r.magic)), None)

    def get(self, format: str) -> Reader:
        return self._readers[format]


READERS = Registry()
