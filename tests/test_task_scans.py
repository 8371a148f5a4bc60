"""The cheap tests and body-wide scans of the task stage give what the plain patterns give.

Facts about an item's text found once (an assignment word, the sentence breaks, the characters a
pattern finds alone) decide which readings of it are tried: on the samples and on variants of them
with the marks those tests look for put in at random, each must agree with the pattern it stands for,
and the roles read with the body's marks must be those read from each item's own text.
"""

from __future__ import annotations

import re

import pytest
from conftest import perturbed_samples

from extractor.fields import tasks as T
from extractor.grammar import patterns, settings
from extractor.ner import find_agencies
from extractor.normalize import normalize

BITS = ["\n", "\n\n", " ", ". ", "; ", ".\n", ". A", "; Sở", " giao ", "Giao ", "đề nghị ", "Đề  nghị", "yêu\ncầu",
        "GIAO", "iao", "- ", "\n- ", "\n+ ", "\n• ", "\n1. ", "\na) ", "\n(1) ", ":", " phối hợp với ",
        "Các doanh nghiệp "]


def _texts() -> list[str]:
    return perturbed_samples(BITS, seed=11, insertions=40, prepare=lambda text: normalize(text).text)


@pytest.fixture(scope="module")
def bodies() -> list[tuple[str, list[T.Item], int, int]]:
    out = []
    for text in _texts():
        items = T.find_items(text, 0, len(text))
        if items:
            out.append((text, items, items[0].start, len(text)))
    return out


def test_the_marks_of_a_body_are_those_of_each_item_text(bodies):
    ask = T._ask_words()[0]
    for text, items, first, end in bodies:
        marks = T.body_marks(text, first, end)
        # (found one alternative at a time: the matches of the whole pattern)
        assert marks.asks == [m.span() for m in ask.finditer(text, first, end)]
        assert marks.breaks == [m.span() for m in T._NEXT_SENTENCE.finditer(text, first, end)]
        for item in items:
            start, stop = T.own_text(text, item, items)
            chunk = text[start:stop]
            assert T._sentence_starts(chunk, start, stop, marks) == T._sentence_starts(chunk, start, stop, None)
            i = T.bisect.bisect_left(marks.asks, (start,))
            assert (i < len(marks.asks) and marks.asks[i][1] <= stop) == (ask.search(chunk) is not None)


def test_roles_read_with_the_marks_are_those_read_from_each_item(bodies):
    for text, items, first, end in bodies:
        agencies = find_agencies(text[first:end], first)
        marks = T.body_marks(text, first, end)
        for item in items:
            T.assign_roles(text, item, items, agencies, marks)
            with_marks = (item.lead, item.cooperating, item.field_of_parent, item.shares_only)
            T.assign_roles(text, item, items, agencies)
            assert (item.lead, item.cooperating, item.field_of_parent, item.shares_only) == with_marks


def test_the_heading_stop_characters_are_those_it_finds_alone():
    stop = patterns("body")["lists"]["heading_stop"]
    chars = settings("body")["words"]["heading_stop_chars"]
    assert {c for c in map(chr, range(0x110000)) if stop.fullmatch(c)} == set(chars)
    for c in chars:  # wherever they stand
        assert all(stop.search(s) for s in (c, f"Sở{c}", f"{c}Sở", f"Ban Chỉ đạo {c} tỉnh"))


def _top_level(pattern: str) -> str:
    """The characters of ``pattern`` outside its groups and classes (escapes skipped)."""
    out, depth, i, in_class = [], 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            out.append(c)
        i += 1
    return "".join(out)


def test_the_field_test_character_ends_every_field_item():
    """The sub-item field pattern is tried only where its last character stands: it closes the
    whole pattern (no alternative at its top level)."""
    pattern = settings("body")["roles"]["field_item"]
    mark = settings("body")["words"]["field_cheap_test"]
    assert pattern.endswith(re.escape(mark))
    assert "|" not in _top_level(pattern)
