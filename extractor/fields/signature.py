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

import regex

from ..grammar import patterns, rx
from ..normalize import clean_value
from ..record import Signature


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
