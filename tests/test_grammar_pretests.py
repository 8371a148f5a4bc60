"""The pre-tests that stand beside some patterns (words a match opens with, a part every match holds)
are kept in step with the patterns: a pre-test that missed a form of its pattern would drop matches."""

from __future__ import annotations

import re

import pytest

from extractor.grammar import settings

try:  # the standard library's parser of its own patterns
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]


def _openings(pattern: str) -> list[str]:
    """The literal text each alternative of a pattern's leading group (or of the pattern) opens with."""
    items = list(sre_parse.parse(pattern))
    while items and items[0][0] is sre_parse.SUBPATTERN:
        items = list(items[0][1][-1])
    if items and items[0][0] is sre_parse.BRANCH:
        branches = [list(b) for b in items[0][1][1]]
    else:
        branches = [items]
    openings = []
    for branch in branches:
        literal = ""
        for op, av in branch:
            if op is not sre_parse.LITERAL:
                break
            literal += chr(av)
        openings.append(literal)
    return openings


@pytest.mark.parametrize("form", sorted(settings("body")["deadline_words"]["starts"]))
def test_deadline_forms_open_with_their_listed_words(form):
    words = settings("body")["deadline_words"]["starts"][form]
    pattern = settings("body")["deadlines"][form].removeprefix("(?i)")
    for opening in _openings(pattern):
        assert any(opening.startswith(word) for word in words), (form, opening)


@pytest.mark.parametrize("form", sorted(settings("body")["deadline_cores"]))
def test_deadline_cores_are_written_as_in_their_forms(form):
    core = settings("body")["deadline_cores"][form]
    pattern = settings("body")["deadlines"][form]
    assert core in pattern
    before = pattern[:pattern.index(core)]
    depth = len(re.findall(r"(?<!\\)\(", before)) - len(re.findall(r"(?<!\\)\)", before))
    assert depth == 0, "a core is a part of the form's own sequence, not of a group or an alternative in it"


def test_short_citations_open_with_their_listed_words():
    words = settings("body")["citation_words"]["short_first_words"]
    for opening in _openings(settings("body")["citations"]["short"]):
        assert any(opening.startswith(word) for word in words), opening


@pytest.mark.parametrize("line", ["\nTHỜI GIAN", "\nThời gian hoàn thành", "\n \tTiến độ", "\nTIẾN ĐỘ"])
def test_time_lines_as_written_are_found_before_lower_casing(line):
    forms = settings("body")["deadlines"]
    assert re.match(forms["time_line"], line.lower())
    assert re.match(forms["time_line_written"], line)
