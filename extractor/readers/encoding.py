"""Decode bytes to text: BOMs, UTF-8, UTF-16, Windows-1258, TCVN3 (ABC) and VNI.

Legacy font encodings put Vietnamese letters on Latin-1 code points, so a TCVN3 or VNI file
decodes as Latin-1 without error and reads as mojibake. They are recognised by the code points
their tables use, converted with the tables in ``grammars/encodings/``, and the result is
checked to read as Vietnamese.
"""

from __future__ import annotations

import codecs
import unicodedata

import regex

from ..record import Source
from .base import READERS, Document, ReadError
from .legacy import decode_tcvn3, decode_vni

_VIET = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u0323]|[àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", regex.I)


def vietnamese_score(text: str) -> float:
    """How much a decoding reads like Vietnamese: the share of letters with Vietnamese
    diacritics (~0.3 in real text), less a penalty for Latin letters Vietnamese never uses
    (``ñ ö ä ø û``… are what legacy font bytes look like in the wrong code page)."""
    sample = unicodedata.normalize("NFC", text[:20000])
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return 0.0
    return (len(_VIET.findall(sample)) - 3 * len(_FOREIGN.findall(sample))) / letters


_FOREIGN = regex.compile(r"[ñöäëïüåæøûîçœÿßÑÖÄËÏÜÅÆØÛÎÇŒŸ]")


def legacy_decode(data: bytes) -> tuple[str, str] | None:
    """The text of a TCVN3 or VNI file, with the encoding's name; None when neither fits."""
    if all(b < 0x80 for b in data[:20000]):
        return None
    baseline = max(vietnamese_score(data.decode("cp1252", errors="replace")),
                   vietnamese_score(data.decode("cp1258", errors="replace")))
    best = None
    for name, decode in (("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        text = decode(data)
        score = vietnamese_score(text) - text.count("\ufffd") / max(len(text), 1)
        if score > 0.1 and score > baseline + 0.05 and (best is None or score > best[0]):
            best = (score, text, name)
    return (best[1], best[2]) if best else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    return controls > len(sample) * 0.05


def decode(data: bytes) -> tuple[str | None, str | None, list[tuple[str, str]]]:
    warnings: list[tuple[str, str]] = []
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, warnings
    if len(data) > 3 and data[1:4:2] == b"\x00\x00" and data[0] != 0:
        return data.decode("utf-16-le", errors="replace"), "utf-16-le", warnings
    if _looks_binary(data):
        return None, None, warnings
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as e:
        text = None
        encoding = None
        utf8_error = e
    if text is not None and vietnamese_score(text) > 0.05:
        return text, encoding, warnings
    legacy = legacy_decode(data)
    if legacy:
        converted, name = legacy
        warnings.append(("legacy_encoding", f"converted from the {name} font encoding"))
        return converted, name, warnings
    if text is not None:
        return text, encoding, warnings
    cp = data.decode("cp1258", errors="replace")
    if vietnamese_score(cp) > 0.05:
        return unicodedata.normalize("NFC", cp), "cp1258", warnings
    warnings.append(("encoding_errors",
                     f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}); bad bytes replaced"))
    return data.decode("utf-8", errors="replace"), "utf-8", warnings


@READERS.register("text", (".txt",))
@READERS.register("markdown", (".md", ".markdown"))
def read_text(data: bytes, src: Source) -> Document:
    text, encoding, warnings = decode(data)
    if text is None:
        raise ReadError("binary", "the file is not text (binary data)", src)
    src.encoding = encoding
    return Document(text, src, warnings)
