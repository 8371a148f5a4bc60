"""The entries of a dash list, the shape both ``Kính gửi`` (``recipients``) and ``Nơi nhận``
(``distribution``) are printed in; each of those fields has its own module and reads its entries here.

Forms handled:
- one entry per dash line: ``- Sở Xây dựng;``, with web-wrapped continuations
  (``- Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc\\nChính phủ;``);
- undashed entries ending in ``;`` or ``.``; a line starting in lower case continues the one before;
- ``+`` sub-entries under an entry ending in ``:``, kept with it.
"""

from __future__ import annotations

import regex

from ..grammar import rx
from ..lines import DASHES
from ..regex_cache import compile_pattern

# an entry's opening mark (the one dash set of grammars/header.toml, markdown's "*" bullet included)
DASH = compile_pattern(r"^[ ]*[" + regex.escape("".join(DASHES)) + r"][ ]*")
_DASH_MARKS = frozenset("".join(DASHES))  # (DASH's class, for a test by hand on every line of a list)


def list_entries(text: str, offset: int) -> list[tuple[str, str, int, int]]:
    """Entries of a list block: (cleaned text, raw text, start, end) in block order."""
    entries: list[list] = []
    pos = offset
    ends_entry, lower_first = rx(r"[;.]\s*$"), rx(r"^\p{Ll}")
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        after = line.lstrip(" ")  # DASH: spaces, then one of its marks
        dashed = after[:1] in _DASH_MARKS
        body = after[1:].strip() if dashed else stripped
        sub_item = stripped.startswith("+") and entries and entries[-1][1].endswith(":")
        continues = sub_item or (entries and not dashed and (not ends_entry.search(entries[-1][1])
                                                             or lower_first.match(body)))
        if continues:
            entries[-1][1] += " " + body
            entries[-1][3] = start + len(line)
        else:
            entries.append([body, body, start + len(line) - len(line.lstrip()), start + len(line)])
    return [(e[1], e[1], e[2], e[3]) for e in entries]
