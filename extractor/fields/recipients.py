"""Recipients: the ``Kính gửi`` list (and a công điện's list after ``… điện:``).

Forms handled:
- one entry per dash line: ``- Sở Xây dựng;``, with web-wrapped continuations;
- entries on the ``Kính gửi:`` line itself, separated by ``;``;
- undashed lists (``Công ty …;\nMã số thuế: …;``) where description lines (tax code, address) are
  not recipients;
- a name wrapped before its last word: ``Kính gửi: Ông Thái Mạnh\nCường``.
"""

from __future__ import annotations

from ..blocks import Block
from ..grammar import patterns, rx
from ..normalize import Text, clean_value
from ..record import Recipient
from .lists import DASH, list_entries


def read_recipients(block: Block, text: Text) -> list[Recipient]:
    """The recipients of the block, spans in the source."""
    return [Recipient(name=name, raw=raw, span=text.source_span(start, end))
            for name, raw, start, end in _read(block.text, block.start)]


def parse_recipients(text: str, offset: int) -> list[Recipient]:
    return [Recipient(name=name, raw=raw, span=(start, end)) for name, raw, start, end in _read(text, offset)]


def _read(text: str, offset: int) -> list[tuple[str, str, int, int]]:
    """(name, raw text, start, end) per recipient, offsets in the text."""
    attribute = patterns("header")["recipients"]["attribute_line"]
    out = []
    first_line, _, rest = text.partition("\n")
    pieces: list[tuple[str, int, int]] = []
    if first_line.strip() and not DASH.match(first_line):
        # entries on the "Kính gửi:" line itself, split on ";"
        pos = offset
        for part in rx(r"(?<=;)").split(first_line):
            if part.strip():
                pieces.append((part, pos, pos + len(part)))
            pos += len(part)
        text_rest, rest_offset = rest, offset + len(first_line) + 1
    else:
        text_rest, rest_offset = text, offset
    for body, _raw, start, end in list_entries(text_rest, rest_offset):
        word = body.strip()
        if pieces and _name_syllable(word) and not DASH.match(body) and not attribute.match(word) \
                and not pieces[-1][0].rstrip().endswith((";", ",", ".")):
            # one syllable of a name alone on its line, the entry above unended: a name wrapped ("Ông Thái
            # Mạnh\nCường"); not an abbreviation ("UBND"), a code or a contact ("ĐT:0241234567")
            prev, prev_start, _ = pieces[-1]
            pieces[-1] = (f"{prev.rstrip()} {word}", prev_start, end)
            continue
        pieces.append((body, start, end))
    for body, start, end in pieces:
        if attribute.match(body):
            continue
        name = clean_value(DASH.sub("", body))
        if name and not rx(r"^[\d\W]+$").match(name):
            out.append((name, body.strip(), start, end))
    return out


def _name_syllable(word: str) -> bool:
    """A capitalised syllable, a stop after it at most: "Cường", "Tĩnh."."""
    word = word.rstrip(".;,")
    return word[:1].isupper() and len(word) > 1 and word[1:].isalpha() and word[1:].islower()
