"""The shortcuts of the field readers give what the plain forms give.

A pattern tried only where a cheap test says it may match, a head found from the first words
instead of by trying every head: each must give the plain form's result, on the lines of the
samples and on variants of them with specks and spaces put in at random.
"""

from __future__ import annotations

import random
import sys

import regex
from conftest import sample_files

from extractor.fields import issuer as I
from extractor.fields import lists as L
from extractor.fields import number as N
from extractor.fields import signature as S
from extractor.grammar import rx

BITS = [" ", "  ", "\t", "\x1c", "\u2028", "\xa0", "ư ", " ư", "a ", " .", "- ", "+ ", "Ab ", " aB", "(", ")"]


def _lines() -> list[str]:
    rng = random.Random(11)
    lines = []
    for path in sample_files():
        for line in path.read_text(encoding="utf-8").split("\n"):
            line = line.strip()
            if not line:
                continue
            lines.append(line)
            chars = list(line)
            for _ in range(2):
                chars.insert(rng.choice((0, 1, 2, len(chars) - 2, len(chars) - 1, len(chars))), rng.choice(BITS))
            lines.append("".join(chars).strip())
    return [line for line in lines if line]


def test_str_isspace_holds_every_white_space_the_patterns_match():
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    for flags in (0, regex.V1):
        assert all(c.isspace() for c in regex.findall(r"\s", every, flags=flags))


def test_specks_tried_only_where_they_can_be():
    for line in _lines() + ["ư PHÓ CHÁNH VĂN PHÒNG", "BỘ TRƯỞNG ư", "a", "ab", "a b", "x CHỦ TỊCH y"]:
        assert S._unspecked(line) == S._SPECKS.sub("", line), line


def test_head_from_the_first_words_is_the_longest_head_that_opens_the_body():
    g = I._grammar()
    bodies = [line.upper() for line in _lines()] + [h for h in g["heads"]] + [h + " X" for h in g["heads"]]
    bodies += [f"{a} {b}" for a in g["heads"][:20] for b in g["heads"][:20]]
    for body in bodies:
        body = regex.sub(r"\s+", " ", body).strip()
        assert I._head_of(body, g) == next((h for h in g["heads"] if body.startswith(h + " ")), ""), body


def test_str_isalpha_and_isdecimal_hold_no_character_the_pattern_class_lacks():
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    kept = set(regex.findall(r"[\p{L}\d)]", every, flags=regex.V1))
    assert all(c in kept for c in every if c.isalpha() or c.isdecimal())


def _numbers() -> list[str]:
    rng = random.Random(5)
    pieces = ["12", "1523", "/", "-", ".", "…", "_", " ", "\t", "\n", "\x1c", "\u2028", "QĐ", "UBND", "KT", "2025",
              ")", "(", "@", "`", "'", "Ð", "٣", "x", "..."]
    numbers = ["1523/UBND-KT", "12/2018/QĐ-UBND", "432-TB/VPTW", "   /KH-UBND", "1523-/UBND-KT...", "4@`/TB-UBND",
               "10 988 / BNV-CQĐP", "", " ", "/", "..../QĐ-UBND", "123456789/X"]
    for _ in range(3000):
        numbers.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))))
    return numbers


def test_number_tidied_as_by_the_three_substitutions():
    for rest in _numbers():
        plain = rx(r"[.…_]+(?=/)").sub("", rx(r"[^\p{L}\d)]+$").sub("", rx(r"\s+").sub("", rest)))
        assert N._tidy(rest) == plain, rest


def test_number_read_as_by_the_plain_patterns():
    junk = 0
    for rest in _numbers():
        raw = N._tidy(rest)
        fast = N._JUNK_NUMBER.match(raw) if 0 < raw.find("/") <= 8 else None
        plain = N._JUNK_NUMBER.match(raw)
        assert (fast and fast.span()) == (plain and plain.span()), raw
        junk += plain is not None
        assert raw.replace("/", "-").split("-") == rx(r"[-/]").split(raw), raw
    assert junk > 50  # (the shortcut is tried on numbers the pattern takes for noise)


def _plain_list_entries(text: str, offset: int) -> list[tuple[str, str, int, int]]:
    """``lists.list_entries`` with the dash found by its pattern (the form before the test by hand)."""
    entries: list[list] = []
    pos = offset
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        dashed = bool(L.DASH.match(line))
        body = L.DASH.sub("", line).strip()
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


def test_list_entries_dashed_as_by_the_pattern():
    rng = random.Random(3)
    marks = ["- ", "-", " - ", "  – ", "+ ", "• ", "* ", "\t- ", " \t-", "—", "", "", "", "a", "x:"]
    lines = _lines()
    for _ in range(400):
        text = "\n".join(rng.choice(marks) + rng.choice(lines) + rng.choice(["", ";", ".", ":", " "])
                         for _ in range(rng.randint(1, 12)))
        assert L.list_entries(text, 7) == _plain_list_entries(text, 7), text
