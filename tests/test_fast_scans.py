"""The fast scans of normalize and segment find what the plain patterns find.

A pass tried only where a cheap pattern says it may match, a scan led by the line breaks or by the
characters a match starts with: each must give the plain pattern's matches, on the samples and on
variants of them with the marks those scans look for put in at random.
"""

from __future__ import annotations

import re

import pytest
from conftest import perturbed_samples

from extractor import normalize as N
from extractor import segment as S
from extractor.grammar import patterns, settings

BITS = ["\n", "\n\n", " ", "  ", "\t", " \n", "-", "---", "----\n", "-\n", "__", "**", "~~", "|", " | ", "1.\n",
        "III.\n", "a)\n", "(i)", "./.", ". / .", "\x1c", "\u2028", "hoà ", "quý ", "OÀ", "UỶ,", "Sở\n", "năm\n2025",
        "ABC-\nDEF", "\nSố: 12/UBND", "\nKính gửi:", "\nNơi nhận:", "\nNoi nhan:", " ơi nhận", "\nNƠI\nNHẬN", "=====\n"]


def _texts() -> list[str]:
    return perturbed_samples(BITS, seed=7, insertions=30)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_breaks_found_near_are_the_pattern_matches(texts):
    for text in texts:
        for near in (N._BARE_MARKER_NEAR, N._CODE_BREAK_NEAR, N._join_words()):
            assert _spans(near.finditer(text)) == _spans(near.exact.finditer(text))
        assert _spans(N._Bars().finditer(text)) == _spans(N._TABLE_BAR.finditer(text))


def test_old_tones_one_letter_at_a_time_as_in_one_pass(texts):
    tones = N._OLD_TONES
    one_pass = re.compile("[" + "".join(sorted({k[0] for k in tones})) + "]["
                          + "".join(sorted({k[1] for k in tones})) + r"](?![^\W\d_])")

    def modern(m: re.Match[str]) -> str:
        pair = m.group()
        keep = pair not in tones or (m.start() and m.string[m.start() - 1] in "qQ")
        return pair if keep else tones[pair]

    for text in texts:
        by_letter = text
        for pattern in N._OLD_TONE_RES:
            by_letter = pattern.sub(N._modern_tone, by_letter)
        assert by_letter == one_pass.sub(modern, text)


def test_scans_led_by_breaks_find_the_pattern_matches(texts):
    blocks = patterns("header")["blocks"]
    assert S._ended_by_break(blocks["separator"]) is not None
    for key in ("number_line", "recipients_open"):
        assert S._led_by_break(blocks[key]) is not None
    for text in texts:
        window = text[:S.HEADER_WINDOW]
        assert _spans(S._line_end_matches(blocks["separator"], window)) == _spans(blocks["separator"].finditer(window))
        for key in ("number_line", "recipients_open"):
            for pos in (0, 7):
                assert _spans(S._line_matches(blocks[key], text, pos, S.HEADER_WINDOW)) == \
                    _spans(blocks[key].finditer(text, pos, S.HEADER_WINDOW))


def test_distribution_scan_led_by_its_first_characters(texts):
    pattern = patterns("header")["blocks"]["distribution_open"]
    leads = tuple(settings("header")["blocks"]["distribution_open_leads"])
    # the leads are every character a match can start with
    assert {c for c in map(chr, range(0x110000)) if pattern.match(c, partial=True)} == set(leads)
    for text in texts:
        assert _spans(S._lead_matches(pattern, leads, text, 5)) == _spans(pattern.finditer(text, 5))


def test_closing_is_the_regex_pattern(texts):
    closing = S.rx(r"\.\s*/\s*\.")
    for text in texts:
        assert _spans(S._CLOSING.finditer(text)) == _spans(closing.finditer(text))
