"""Read a document from a path, bytes or text into plain text plus its ``Source``: the one entry.

Formats: plain text and markdown (UTF-8, UTF-16 with BOM, Windows-1258, and the legacy
Vietnamese font encodings TCVN3/ABC and VNI, detected and converted), DOCX, PDF (text layer,
or OCR when there is none) and images (OCR). A file goes to the reader its first bytes name
(``%PDF``, a zip, an image), else to the one its suffix names, else it is read as text. Heavy
libraries are imported only by the reader that needs them, so reading a text file stays fast.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .readers import encoding  # noqa: F401 - registers the text reader in READERS
from .readers.base import READERS, Document, Reader, ReadError
from .record import Source

# the other formats, whose modules are imported when a file of theirs comes (a batch of text never does)
READERS.declare("docx", (".docx",), (b"PK\x03\x04",), "docx", "read_docx")
READERS.declare("pdf", (".pdf",), (b"%PDF",), "pdf", "read_pdf")
READERS.declare("image", (".png", ".jpg", ".jpeg", ".tif", ".tiff"),
                (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"), "image", "read_image")

__all__ = ["Document", "ReadError", "load", "load_path", "SUFFIXES", "MAX_BYTES", "MAX_PAGES"]

SUFFIXES = READERS.suffixes()
MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 300  # pages of a PDF or image read at most (a runaway scan stops here, with a warning); --max-pages


def load(source: str | Path | bytes) -> Document:
    """A path (``Path``, or a short one-line ``str`` with a known suffix), raw bytes, or the text itself."""
    if isinstance(source, bytes):
        return _read(source, Source(path=None, format="text"), None)
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and len(source) < 4096
                                    and Path(source).suffix.lower() in SUFFIXES):
        return load_path(Path(source))
    return _given_text(source)


def _given_text(text: str) -> Document:
    """Text handed over as a string. A lone surrogate (text decoded with ``surrogateescape``, or
    cut from UTF-16) has no UTF-8 form, so no record holding it could be written: each becomes
    U+FFFD, one character for one, so every span stays true."""
    doc = Document(text, Source(path=None, format="text", encoding=None))
    try:
        text.encode()
    except UnicodeEncodeError:
        doc.text, count = _SURROGATE.subn("\ufffd", text)
        doc.warnings.append(("encoding_errors", f"{count} lone surrogate code points replaced by U+FFFD"))
    return doc


_SURROGATE = re.compile("[\ud800-\udfff]")


def load_path(path: Path) -> Document:
    named = READERS.by_suffix(path.suffix)
    src = Source(path=str(path), format=named.format if named else "text")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError("too_large", f"{size} bytes is more than the {MAX_BYTES} a document may have", src)
        data = path.read_bytes()
    except OSError as e:
        raise ReadError("unreadable", f"cannot read {path}: {e.strerror or e}", src) from e
    if not data.strip():
        src.sha256 = hashlib.sha256(data).hexdigest()
        raise ReadError("empty", "the file is empty", src)
    return _read(data, src, named)


def _read(data: bytes, src: Source, named: Reader | None) -> Document:
    """Hand the bytes to the reader their content names, or the suffix names, or the text reader."""
    src.sha256 = hashlib.sha256(data).hexdigest()
    reader = READERS.by_content(data) or named or READERS.get("text")
    src.format = reader.format
    return reader.read(data, src, MAX_PAGES)  # read at call time: the command line may have set it
