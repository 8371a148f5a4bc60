"""Read a document from a path, bytes or text into plain text plus its ``Source``.

Formats: plain text and markdown (UTF-8, UTF-16 with BOM, Windows-1258, and the legacy
Vietnamese font encodings TCVN3/ABC and VNI, detected and converted), DOCX, PDF (text layer,
or OCR when there is none) and images (OCR). Heavy libraries are imported only by the reader
that needs them, so reading a text file stays fast.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .record import Source

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
SUFFIXES = {**TEXT_SUFFIXES, ".docx": "docx", ".pdf": "pdf", ".png": "image", ".jpg": "image",
            ".jpeg": "image", ".tif": "image", ".tiff": "image"}
MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 300  # pages of a PDF or image read at most (a runaway scan stops here, with a warning)


class ReadError(Exception):
    def __init__(self, code: str, message: str, source: Source | None = None):
        super().__init__(message)
        self.code = code
        self.source = source


@dataclass
class Document:
    text: str
    source: Source
    warnings: list[tuple[str, str]] = field(default_factory=list)


def load(source: str | Path | bytes) -> Document:
    if isinstance(source, bytes):
        return _from_bytes(source, Source(path=None, format="text"))
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and len(source) < 4096
                                    and Path(source).suffix.lower() in SUFFIXES):
        return load_path(Path(source))
    return Document(source, Source(path=None, format="text", encoding=None))


def load_path(path: Path) -> Document:
    fmt = SUFFIXES.get(path.suffix.lower(), "text")
    src = Source(path=str(path), format=fmt)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError("too_large", f"{size} bytes is more than the {MAX_BYTES} a document may have", src)
        data = path.read_bytes()
    except OSError as e:
        raise ReadError("unreadable", f"cannot read {path}: {e.strerror or e}", src) from e
    src.sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ReadError("empty", "the file is empty", src)
    if fmt in ("text", "markdown"):
        return _from_bytes(data, src)
    if fmt == "docx":
        from .readers.docx import read_docx
        return read_docx(data, src)
    if fmt == "pdf":
        from .readers.pdf import read_pdf
        return read_pdf(data, src)
    from .readers.image import read_image
    return read_image(data, src)


def _from_bytes(data: bytes, src: Source) -> Document:
    if src.sha256 is None:
        src.sha256 = hashlib.sha256(data).hexdigest()
    from .readers.encoding import decode
    text, encoding, warnings = decode(data)
    if text is None:
        raise ReadError("binary", "the file is not text (binary data)", src)
    src.encoding = encoding
    return Document(text, src, warnings)
