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
from extractor.fields import signature as S

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
