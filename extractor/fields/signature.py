"""Signature block: authority lines, the signer's own title, the signer.

Forms handled (the block located by the segmenter, upper-case lines then the name):
- ``TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An``;
- ``TL. CỤC TRƯỞNG / KT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ / PHÓ TRƯỞNG BAN``, and a title
  wrapped after its comma: ``TL. CỤC TRƯỞNG / TRƯỞNG BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ``;
- authority wrapped by web conversion: ``KT.\\nTRƯỞNG THUẾ TỈNH``, ``K/T CHÁNH\\nVĂN PHÒNG``,
  ``KT. BỘ TRƯỞNG,\\nCHỦ NHIỆM``; the name split: ``Bùi\\nXuân Cường``;
- flattened on one line: ``TM. ỦY BAN NHÂN DÂN CHỦ TỊCH     Phạm Đình Nghị``, ``CHỦ TỊCH  Huỳnh Tấn Việt``,
  even with no space left between them: ``TM. ỦY BAN THƯỜNG VỤ QUỐC HỘICHỦ TỊCH``;
- the head signing in person: ``THỦ TƯỚNG / Phạm Minh Chính`` (no authority lines);
- OCR: specks at a line's ends (``ư PHÓ CHÁNH VĂN PHÒNG``), the rest of the Nơi nhận column between
  the title and the name, titles and family names that lost their marks (``PHO CHU TỊCH``, ``Nguyên``).

``find_signature_lines`` reads the block's lines in a region the segmenter chooses and returns them
as ``SignatureLines``; ``read_signature`` turns those into the record's ``Signature``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from functools import cache, lru_cache

import regex

from ..blocks import SignatureLines
from ..grammar import patterns, rx, settings
from ..lines import DASHES, Line, is_upper_line, next_nonblank
from ..normalize import Text, clean_value, strip_marks
from ..record import Signature, Warning, WarningCode
from ..regex_cache import compile_pattern

MAX_OPENING_WORDS = 10  # words in an upper-case line that opens a block without an authority or title
MAX_CAPS_WORDS = 12  # words in an upper-case line that may still be an authority or title line
MAX_NAME_WORDS = 6  # words in a signer's name (with a rank in front)
OVERRUN_LINES = 8  # lines past the region's end the block may still run (a long authority)
NAME_SEARCH_LINES = 20  # lines after the title where OCR may have put the name (Nơi nhận in between)
READINGS_KEPT = 4096  # signature blocks whose reading is kept
# one- or two-character specks OCR leaves at either end of a signature line (never a capitalised word)
_SPECKS = compile_pattern(r"^(?:[^\p{Lu}\s\-–+]\S?\s+)+|(?:\s+[^\p{Lu}\s]\S?)+$")


def _unspecked(text: str) -> str:
    """``text`` without the specks of ``_SPECKS``. A speck is a word of one or two characters at an
    end, so a match has white space second or third from one end: the pattern (slow on every line)
    is tried only then (``str.isspace`` holds every character ``\\s`` matches; a test checks it)."""
    if text[1:2].isspace() or text[2:3].isspace() or text[-2:-1].isspace() or text[-3:-2].isspace():
        return _SPECKS.sub("", text)
    return text


def find_signature_lines(lines: Sequence[Line], lo: int, hi: int) -> SignatureLines | None:
    """The first signature block that opens on a line in ``[lo, hi)``: an authority or title line,
    or a short upper-case line that a name follows."""
    sig = patterns("header")["signature"]
    for k in range(lo, hi):
        text = lines[k].text.strip()
        if not text or not is_upper_line(text.split("  ")[0]) or text.startswith(DASHES):
            continue  # (a dash line is a Nơi nhận entry)
        strong = sig["authority"].match(text) or sig["position"].match(text)
        if not strong and len(text.split()) > MAX_OPENING_WORDS:
            continue
        found = _read_lines(lines, k, hi)
        if found and (strong or found.name):
            return found
    return None


def _read_lines(lines: Sequence[Line], k: int, hi: int) -> SignatureLines | None:
    """Upper-case lines from line ``k``, then the signer's name (on its own lines, or flattened
    onto the title's line)."""
    sig = patterns("header")["signature"]
    noise, name_line = sig["noise"], sig["name_line"]
    caps: list[str] = []
    name_parts: list[str] = []
    name_span = None
    end = lines[k].end
    j = k
    stop = min(hi + OVERRUN_LINES, len(lines))
    while j < stop:
        line = lines[j]
        raw = line.text
        text = _unspecked(raw.strip()) if caps else raw.strip()  # OCR specks: "ư PHÓ CHÁNH VĂN PHÒNG"
        if not text or noise.match(text):
            j += 1
            continue
        if not name_parts and is_upper_line(text) and (not caps or len(text.split()) <= MAX_CAPS_WORDS) \
                and not text.startswith(DASHES) \
                and not rx(r"^\p{Lu}[\p{Ll}]+(?:\s+\p{Lu}[\p{Ll}]+){1,4}$").match(text):  # else a name after all
            caps.append(text)
            end = line.end
            j += 1
            continue
        flat = rx(r"^(?P<caps>[^\p{Ll}]+?)\s{2,}(?P<name>\p{Lu}[\p{Ll}]*(?:\s+\p{Lu}[\p{Ll}]*){1,5})$").match(text)
        if flat is None:  # one space only, but the upper-case part is a title: "CHỦ TỊCH Huỳnh Tấn Việt"
            flat = rx(r"^(?P<caps>[^\p{Ll}]+?)\s(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5})$").match(text)
            if flat and not sig["position"].fullmatch(flat["caps"].strip().split(".")[-1].strip()):
                flat = None
        if not name_parts and flat and is_upper_line(flat["caps"]):
            caps.append(flat["caps"].strip())
            name_parts.append(flat["name"])
            off = line.start + raw.index(flat["name"])
            name_span = (off, off + len(flat["name"]))
            end = line.end
            break
        if name_parts and is_upper_line(text):
            break  # a name wraps in its own case: "PHỤ LỤC", "DANH MỤC" after it are headings, not its end
        if name_line.match(text) and caps and len(" ".join(name_parts + [text]).split()) <= MAX_NAME_WORDS:
            off = line.start + raw.index(text)
            name_span = (name_span[0] if name_span else off, off + len(text))
            name_parts.append(text)
            end = line.end
            if len(" ".join(name_parts).split()) >= 2:
                nxt = next_nonblank(lines, j + 1, 2)
                if nxt is None or not name_line.match(lines[nxt].text.strip()) \
                        or len(lines[nxt].text.split()) > 1:
                    break
            j += 1
            continue
        break
    if not caps:
        return None
    if not name_parts:
        # OCR may put the rest of the Nơi nhận column between the title and the name: look further
        for jj in range(j, min(j + NAME_SEARCH_LINES, len(lines))):
            text = lines[jj].text.strip().strip("[]{}()|`'\"“”‘’:;,.")  # OCR specks around the name
            if sig["name_line"].match(text) and 2 <= len(text.split()) <= 5 and not text.startswith(DASHES):
                off = lines[jj].start + lines[jj].text.index(text)
                return SignatureLines(lines[k].start, end, tuple(caps), text, (off, off + len(text)))
    return SignatureLines(lines[k].start, end, tuple(caps), " ".join(name_parts) or None, name_span)


def read_signature(found: SignatureLines, text: Text, ocr: bool) -> tuple[Signature, list[Warning]]:
    """The record's signature from the block's lines (span in the source), OCR misreadings mended."""
    authority, position, signer = _signature_parts(found.caps, found.name)
    signature = Signature(authority=list(authority), position=position, signer=signer,
                      span=text.source_span(found.start, found.end))
    signature, notes = correct_ocr(signature) if ocr else (signature, [])
    return signature, [Warning(code=WarningCode.OCR_CORRECTED, message=note) for note in notes]


def correct_ocr(signature: Signature) -> tuple[Signature, list[str]]:
    """Mend what OCR does to a signature block: a title close to a known one (``PHÓ CHỦ TỊC``)
    and a family name without its tone marks (``Nguyên``). Returns the mended signature (a copy)
    and the corrections made."""
    g = settings("header")["corrections"]
    signature = signature.model_copy(update={"authority": list(signature.authority)})
    notes: list[str] = []

    def closest(text: str) -> str | None:
        same_letters = [t for t in g["titles"] if strip_marks(t) == strip_marks(text)]
        if same_letters:  # only the tone marks were lost
            return same_letters[0] if same_letters[0] != text else None
        best = max(g["titles"], key=lambda t: difflib.SequenceMatcher(None, text, t).ratio())
        similarity = difflib.SequenceMatcher(None, strip_marks(text), strip_marks(best)).ratio()
        ok = text != best and similarity >= g["similarity"]
        return best if ok else None

    if signature.position and not signature.authority:
        # "TẦXI.UY BAN NHAN DAN CHỦ TỊCH": an authority line run into the title by OCR
        m = rx(r"^(?P<auth>.+?)\s+(?P<pos>" + patterns("header")["signature"]["position"].pattern + r")$").match(
            signature.position)
        if m and (fixed := closest(m["auth"]) or (m["auth"] if m["auth"] in g["titles"] else None)):
            notes.append(f"{signature.position} → {fixed} / {m['pos']}")
            signature.authority, signature.position = [fixed], m["pos"]
    if signature.position and (fixed := closest(signature.position)):
        notes.append(f"{signature.position} → {fixed}")
        signature.position = fixed
    for i, line in enumerate(signature.authority):
        if fixed := closest(line):
            notes.append(f"{line} → {fixed}")
            signature.authority[i] = fixed
    if signature.signer:
        first, _, rest = signature.signer.partition(" ")
        plain = {strip_marks(n).casefold(): n for n in g["family_names"]}
        if first not in g["family_names"] and strip_marks(first).casefold() in plain:
            fixed = f"{plain[strip_marks(first).casefold()]} {rest}".strip()
            notes.append(f"{signature.signer} → {fixed}")
            signature.signer = fixed
    return signature, notes


def parse_signature(caps: Sequence[str], name: str | None) -> Signature:
    """Authority lines (each opened by TM., KT., TL. …, wrapped lines joined), the signer's own
    title (the last group, or the end of a flattened authority line) and the name."""
    authority, position, signer = _signature_parts(tuple(caps), name)
    return Signature(authority=list(authority), position=position, signer=signer)


@lru_cache(maxsize=READINGS_KEPT)
def _signature_parts(caps: tuple[str, ...], name: str | None) -> tuple[tuple[str, ...], str | None, str | None]:
    """(authority lines, the signer's title, the name) as ``parse_signature`` reads them; kept, as an
    office's signature blocks repeat (the pool: 211 blocks on 395 documents)."""
    sig = patterns("header")["signature"]
    marker, position_at_end, glued_position = _marker_patterns()
    lines: list[str] = []
    for line in (ln.strip() for ln in caps if ln.strip()):
        if not lines and any(ch.isdigit() for ch in line) and line != caps[-1].strip() and not marker.match(line):
            continue  # a note left above the block ("09 KH": copies and the typist's initials), no authority
        if lines and lines[-1].endswith(",") and not marker.match(line):
            lines[-1] += " " + line  # a title wrapped after its comma: "TRƯỞNG BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ"
        else:
            lines.append(line)
    groups: list[list[str]] = []
    for line in lines:
        if marker.match(line) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    authority: list[str] = []
    position = None
    for i, group in enumerate(groups):
        last = i == len(groups) - 1
        if not last:
            authority.append(" ".join(group))
            continue
        if not marker.match(group[0]):
            position = " ".join(group)
        elif len(group) > 1 and not (len(group[-1].split()) == 1 and not sig["position"].fullmatch(group[-1])):
            authority.append(" ".join(group[:-1]))
            position = group[-1]
        elif len(group) > 1:  # "T/M BỘ CHÍNH\nTRỊ": one word that is no title ends a wrapped authority line
            authority.append(" ".join(group))
        else:
            line = group[0]
            m = position_at_end.search(line) or glued_position.search(line)
            if m and m.start(1) > len(line.split()[0]) + 1:
                authority.append(line[:m.start(1)].strip())
                position = m.group(1)
            else:
                authority.append(line)
    authority = [clean_value(_tidy_marker(a), " ;,:") for a in authority]
    return tuple(a for a in authority if a), clean_value(position, " ;.,:"), clean_value(name)


@cache
def _marker_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The authority marker opening a line, a title ending one, and a title run into the line
    before it by conversion with no space (``TM. ỦY BAN THƯỜNG VỤ QUỐC HỘICHỦ TỊCH``: words are
    spaced, so a title that starts inside one was glued to it); compiled once."""
    sig = patterns("header")["signature"]
    position = sig["position"].pattern
    return (compile_pattern(r"^" + sig["authority"].pattern), compile_pattern(r"\s(" + position + r")$"),
            compile_pattern(r"(?<=\p{Lu})(" + position + r")$"))


def _tidy_marker(line: str) -> str:
    """``KT.TRƯỞNG`` → ``KT. TRƯỞNG``, OCR's ``TM:`` → ``TM.``; the marker otherwise stays as printed."""
    sig = patterns("header")["signature"]
    # (a substitution reads its template each time: made only where its pattern is found)
    if sig["marker_misread"].search(line):
        line = sig["marker_misread"].sub(r"\1.", line)  # OCR reads the dot as ":" or ","
    if sig["marker_glued"].search(line):
        line = sig["marker_glued"].sub(r"\1. ", line)
    return line
