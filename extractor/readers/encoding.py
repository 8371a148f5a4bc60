"""Decode bytes to text: BOMs, UTF-8, UTF-16, Windows-1258, TCVN3 (ABC) and VNI.

Legacy font encodings put Vietnamese letters on Latin-1 code points, so a TCVN3 or VNI file
decodes as Latin-1 without error and reads as mojibake. They are recognised by the code points
their tables use, converted with the tables in ``grammars/encodings/``, and the result is
checked to read as Vietnamese.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

import regex

from ..grammar import patterns, word_list
from ..record import Source
from ..regex_cache import compile_pattern, compile_re
from .base import READERS, Document, ReadError
from .legacy import ABC_CAPITALS, decode_tcvn3, decode_vni


def vietnamese_score(text: str) -> float:
    """How much a decoding reads like Vietnamese: the share of letters with Vietnamese
    diacritics (~0.3 in real text), less a penalty for Latin letters Vietnamese never uses
    (``ñ ö ä ø û``… are what legacy font bytes look like in the wrong code page)."""
    sample = unicodedata.normalize("NFC", text[:20000])
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return 0.0
    return _lead(sample) / letters


def reads_vietnamese(text: str) -> bool:
    """``vietnamese_score(text) > 0.05``, mostly without counting the letters (the costly part): a
    lead of well over 0.05 of all the characters is more than that of the letters, if there is one.
    The Vietnamese letters of the first half are counted first: they often clear that bar alone."""
    sample = unicodedata.normalize("NFC", text[:20000])
    vietnamese, foreign = _letters()
    half = len(sample) // 2
    penalty = 3 * len(foreign.findall(sample))
    lead = len(vietnamese.findall(sample, 0, half)) - penalty
    if lead <= 0.06 * len(sample):
        lead += len(vietnamese.findall(sample, half))
    if lead > 0.06 * len(sample) and any(map(str.isalpha, sample)):
        return True
    letters = sum(map(str.isalpha, sample))  # (with a letter, ``lead`` is counted on the whole sample by now)
    return bool(letters) and lead / letters > 0.05


def _lead(sample: str) -> int:
    """Vietnamese letters less three times the foreign ones."""
    vietnamese, foreign = _letters()
    return len(vietnamese.findall(sample)) - 3 * len(foreign.findall(sample))


def _one_class(pattern: regex.Pattern) -> re.Pattern:
    """The characters a case-insensitive class matches, as one plain class: the same count, ten
    times faster (every character either pattern matches lies below U+2000)."""
    chars = sorted(set(pattern.findall("".join(map(chr, range(0x2000))))))
    return compile_re("[" + "".join(re.escape(ch) for ch in chars) + "]")


@cache
def _letters() -> tuple[re.Pattern, re.Pattern]:
    """Vietnamese letters and foreign ones (``grammars/readers.toml``), each as one plain class."""
    p = patterns("readers")["encoding"]
    return _one_class(p["vietnamese"]), _one_class(p["foreign"])
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)


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


_WORD = compile_pattern(r"\p{L}+")


def _capital_kind(word: str) -> str | None:
    """'capital' for a word typed in a capitals font ("CHủ", "TịCH", "ủY": a capital after the first
    letter, lower-case letters only where TCVN3 has no capital), 'maybe' for one that could be that
    or a title-case word ("Hà", "Số", "ở"), None for any other word."""
    if any(ch.islower() and ch.isascii() for ch in word) or not any(ch.islower() for ch in word):
        return None
    return "capital" if any(ch.isupper() for ch in word[1:]) else "maybe"


def _capital_line(line: str) -> bool:
    """A line of capitals whose accented capitals all decoded as lower case ("Uỷ BAN NHÂN DÂN",
    "Sở Y Tế"): no lower-case unaccented letter, and three or more words, each all capitals or
    such a 'maybe' word, at least one of them all capitals. "Số: 12/QĐ-UBND" has two words: left."""
    words = [w.strip(".,;:()") for w in line.split()]
    if not words or any(ch.islower() and ch.isascii() for ch in line):
        return False
    capitals = [w for w in words if w.isalpha() and w.isupper()]
    maybes = [w for w in words if w.isalpha() and _capital_kind(w) == "maybe"]
    return bool(capitals) and bool(maybes) and len(capitals) + len(maybes) == len(words) >= 3


# a line, or one column of a line where two columns were flattened (a tab, three spaces or more)
_PART = compile_pattern(r"(?:(?!\t|[ ]{3,})[^\n])+")


def recase_capitals(text: str) -> tuple[str, list[tuple[str, str]]]:
    """TCVN3 text typed with the ABC capitals fonts, which have no codes for accented capitals: such
    a capital is typed as its lower-case letter and the font draws it as a capital, so "CHỦ TỊCH"
    decodes as "CHủ TịCH". On a line (or a column of a flattened line) with such a word, it and the
    words that may be such ("Hà" in "TỉNH Hà TĩNH") are put in capitals. Returns the text and the
    (old, new) words."""
    repaired: list[tuple[str, str]] = []

    def recase(m: regex.Match) -> str:
        part = m.group()
        words = [(w, _capital_kind(w.group())) for w in _WORD.finditer(part)]
        if not any(kind == "capital" for _, kind in words) and not _capital_line(part):
            return part
        out, at = [], 0
        for w, kind in words:
            if kind:
                out.append(part[at:w.start()] + w.group().upper())
                repaired.append((w.group(), w.group().upper()))
                at = w.end()
        return "".join(out) + part[at:]

    return _PART.sub(recase, text), repaired


@cache
def _lost_capitals() -> regex.Pattern | None:
    """The agency heads and bodies that open with an accented capital ("Ủy ban nhân dân"), as they
    read when that capital was typed in a capitals font: with a lower-case first letter."""
    names = {n for f in ("agencies/heads.txt", "agencies/bodies.txt") for n in word_list(f)
             if n[:1].isupper() and not n[:1].isascii() and n[:1] not in ABC_CAPITALS}
    if not names:
        return None
    alternatives = "|".join(regex.escape(n[0].lower() + n[1:]) for n in sorted(names, key=len, reverse=True))
    return compile_pattern(rf"(?<!\p{{L}})(?:{alternatives})(?!\p{{L}})")


def capitalize_names(text: str) -> str:
    """"ủy ban nhân dân" → "Ủy ban nhân dân" where the capitals font lost the capital of a name's
    first letter ("Tỉnh ủy" is no name's start and stays as written)."""
    pattern = _lost_capitals()
    return pattern.sub(lambda m: m.group()[0].upper() + m.group()[1:], text) if pattern else text


MAX_BAD_UTF8 = 3  # broken sequences a UTF-8 file may have (or one per 1000 characters) and still be read as UTF-8


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
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
    if text is not None and reads_vietnamese(text):
        return text, encoding, warnings
    if text is None:
        # UTF-8 with a few broken bytes (a file cut inside a character, a flipped byte): still UTF-8
        mended = data.decode("utf-8", errors="replace")
        if mended.count("\ufffd") <= max(MAX_BAD_UTF8, len(mended) // 1000) and reads_vietnamese(mended):
            warnings.append(("encoding_errors", f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}); "
                                                "bad bytes replaced"))
            return mended, "utf-8", warnings
    legacy = legacy_decode(data)
    if legacy:
        converted, name = legacy
        repaired: list[tuple[str, str]] = []
        if name == "tcvn3":
            converted, repaired = recase_capitals(converted)
            if repaired:  # typed with the capitals fonts: the capitals that open names were lost too
                converted = capitalize_names(converted)
        note = ""
        if repaired:
            shown = ", ".join(f"'{old}' → '{new}'" for old, new in repaired[:3])
            note = (f"; {len(repaired)} words typed in a capitals font (.VnTimeH) re-cased "
                    f"({shown}{', …' if len(repaired) > 3 else ''})")
        warnings.append(("legacy_encoding", f"converted from the {name} font encoding{note}"))
        return converted, name, warnings
    if text is not None:
        return text, encoding, warnings
    cp = data.decode("cp1258", errors="replace")
    if reads_vietnamese(cp):
        return unicodedata.normalize("NFC", cp), "cp1258", warnings
    warnings.append(("encoding_errors",
                     f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}); bad bytes replaced"))
    return data.decode("utf-8", errors="replace"), "utf-8", warnings


@READERS.register("text", (".txt",))
@READERS.register("markdown", (".md", ".markdown"))
def read_text(data: bytes, src: Source, max_pages: int) -> Document:  # text has no pages
    text, encoding, warnings = decode(data)
    if text is None:
        raise ReadError("binary", "the file is not text (binary data)", src)
    src.encoding = encoding
    return Document(text, src, warnings)
