"""Signature block: authority lines, the signer's own title, the signer.

Forms handled (the block located by the segmenter, upper-case lines then the name):
- ``TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An``;
- ``TL. CỤC TRƯỞNG / KT. TRƯỞNG BAN CHÍNH SÁCH, THUẾ QUỐC TẾ / PHÓ TRƯỞNG BAN``;
- authority wrapped by web conversion: ``KT.\\nTRƯỞNG THUẾ TỈNH``, ``K/T CHÁNH\\nVĂN PHÒNG``,
  ``KT. BỘ TRƯỞNG,\\nCHỦ NHIỆM``; the name split: ``Bùi\\nXuân Cường``;
- flattened on one line: ``TM. ỦY BAN NHÂN DÂN CHỦ TỊCH     Phạm Đình Nghị``, ``CHỦ TỊCH  Huỳnh Tấn Việt``;
- the head signing in person: ``THỦ TƯỚNG / Phạm Minh Chính`` (no authority lines).
"""

from __future__ import annotations

import difflib

import regex

from ..grammar import patterns, rx, settings
from ..normalize import clean_value, strip_marks
from ..record import Signature


def correct_ocr(signature: Signature) -> list[str]:
    """Mend what OCR does to a signature block: a title close to a known one (``PHÓ CHỦ TỊC``)
    and a family name without its tone marks (``Nguyên``). Returns the corrections made."""
    g = settings("header")["corrections"]
    notes: list[str] = []

    def closest(text: str) -> str | None:
        same_letters = [t for t in g["titles"] if strip_marks(t) == strip_marks(text)]
        if same_letters:  # only the tone marks were lost
            return same_letters[0] if same_letters[0] != text else None
        best = max(g["titles"], key=lambda t: difflib.SequenceMatcher(None, text, t).ratio())
        ok = text != best and difflib.SequenceMatcher(None, strip_marks(text), strip_marks(best)).ratio() >= 0.85
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
    return notes


def parse_signature(caps: str, name: str | None) -> Signature:
    sig = patterns("header")["signature"]
    lines = [ln.strip() for ln in caps.split("\n") if ln.strip()]
    marker = regex.compile(r"^" + sig["authority"].pattern)
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
        elif len(group) > 1:
            authority.append(" ".join(group[:-1]))
            position = group[-1]
        else:
            line = group[0]
            m = regex.search(r"\s(" + sig["position"].pattern + r")$", line)
            if m and m.start(1) > len(line.split()[0]) + 1:
                authority.append(line[:m.start()].strip())
                position = m.group(1)
            else:
                authority.append(line)
    authority = [clean_value(_tidy_marker(a), " ;,:") for a in authority]
    return Signature(authority=[a for a in authority if a], position=clean_value(position, " ;.,:"),
                     signer=clean_value(name))


def _tidy_marker(line: str) -> str:
    """``KT.TRƯỞNG`` → ``KT. TRƯỞNG``, OCR's ``TM:`` → ``TM.``; the marker otherwise stays as printed."""
    line = rx(r"^(TM|KT|TL|TUQ|Q)[:,](?=\s)").sub(r"\1.", line)  # OCR reads the dot as ":" or ","
    return rx(r"^(TM|KT|TL|TUQ|Q)\.(?=\S)").sub(r"\1. ", line)
