"""Recipients (``Kính gửi``) and distribution (``Nơi nhận``) lists.

Forms handled:
- one entry per dash line: ``- Sở Xây dựng;``, with web-wrapped continuations
  (``- Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc\\nChính phủ;``);
- entries on the ``Kính gửi:`` line itself, separated by ``;``;
- undashed lists (``Công ty …;\\nMã số thuế: …;``) where description lines are not recipients;
- Nơi nhận notes in a trailing parenthesis: ``- Thủ tướng Chính phủ (để b/c);`` → note ``để b/c``;
- the ``Lưu: VT, KT, an12.`` line → archive ``["VT", "KT", "an12"]``, also ``Lưu VT, NN (03). Hg.``.
"""

from __future__ import annotations

import regex

from ..grammar import patterns, rx
from ..normalize import clean_value
from ..record import DistributionEntry, Recipient

_DASH = regex.compile(r"^[ ]*[-–+•*][ ]*")
_TOP_COMMA = regex.compile(r",(?![^()]*\))")
_NOTE = regex.compile(r"\s*\((?P<note>[^()]{1,40})\)\s*[;,.]*\s*$")


def _entries(text: str, offset: int) -> list[tuple[str, str, int, int]]:
    """Entries of a list block: (cleaned text, raw text, start, end) in block order."""
    entries: list[list] = []
    pos = offset
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        dashed = bool(_DASH.match(line))
        body = _DASH.sub("", line).strip()
        sub_item = line.lstrip().startswith("+") and entries and entries[-1][1].endswith(":")
        continues = sub_item or (entries and not dashed and (not rx(r"[;.]\s*$").search(entries[-1][1])
                                                             or rx(r"^\p{Ll}").match(body)))
        if continues:
            entries[-1][1] += " " + body
            entries[-1][3] = start + len(line)
        else:
            entries.append([body, line.strip(), start + line.index(stripped), start + len(line)])
            entries[-1][1] = body
    return [(e[1], e[1], e[2], e[3]) for e in entries]


def parse_recipients(text: str, offset: int) -> list[Recipient]:
    attribute = patterns("header")["recipients"]["attribute_line"]
    out = []
    first_line, _, rest = text.partition("\n")
    pieces: list[tuple[str, int, int]] = []
    if first_line.strip() and not _DASH.match(first_line):
        # entries on the "Kính gửi:" line itself, split on ";"
        pos = offset
        for part in rx(r"(?<=;)").split(first_line):
            if part.strip():
                pieces.append((part, pos, pos + len(part)))
            pos += len(part)
        text_rest, rest_offset = rest, offset + len(first_line) + 1
    else:
        text_rest, rest_offset = text, offset
    for body, _raw, start, end in _entries(text_rest, rest_offset):
        pieces.append((body, start, end))
    for body, start, end in pieces:
        if attribute.match(body):
            continue
        name = clean_value(_DASH.sub("", body))
        if name and not rx(r"^[\d\W]+$").match(name):
            out.append(Recipient(name=name, raw=body.strip(), span=(start, end)))
    return out


def parse_distribution(text: str, offset: int) -> tuple[list[DistributionEntry], list[str]]:
    archive_re = patterns("header")["blocks"]["archive_item"]
    entries: list[DistributionEntry] = []
    archive: list[str] = []
    for body, _raw, start, end in _entries(text, offset):
        m = archive_re.match(body)
        if m:
            archive = [a for a in (clean_value(x, " ;.,:") for x in _TOP_COMMA.split(body[m.end():])) if a]
            continue
        note = None
        n = _NOTE.search(body)
        if n:
            note = clean_value(n["note"])
            body = body[:n.start()]
        name = clean_value(body)
        if name:
            entries.append(DistributionEntry(name=name, note=note, span=(start, end)))
    return entries, archive


_VT_MISREAD = regex.compile(r"^V[ŨUIỊÌ1lL|](?:[ \t]+(?P<rest>\S.*))?$")


def correct_archive(archive: list[str]) -> list[str]:
    """OCR of ``Lưu: VT, KT`` often reads the văn thư's ``VT`` as ``VŨ``, ``VI`` or ``V1`` and loses the
    comma after it (``VŨ KTTH``). The first archive item is the văn thư by the format standard, so such
    a misreading is put back; returns the corrections made (applied to ``archive`` in place)."""
    if not archive:
        return []
    m = _VT_MISREAD.match(archive[0])
    if m is None:
        return []
    before = archive[0]
    archive[0:1] = ["VT"] + ([m["rest"]] if m["rest"] else [])
    return [f"Lưu: {before} → VT{', ' + m['rest'] if m['rest'] else ''}"]
