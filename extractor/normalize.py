"""Normalize decoded text while keeping a map back to the source offsets.

What a document looks like after web conversion, Word export or OCR differs from its printed form
in ways that matter to rules but not to readers. This stage removes those differences:

- Unicode: NFD and mixed forms to NFC; Icelandic ``Ð`` (OCR) to ``Đ``; no-break and zero-width spaces.
- Tone placement: old style ``hoà``, ``uỷ`` to modern ``hòa``, ``ủy`` at syllable end only
  (``hoàn`` and ``khoảng`` are left alone).
- Markup: ``**bold**``, ``__u__``, ``~~s~~``, ``*em*``, ``#`` headings, ``|`` table cells (a cell
  becomes a line of its own, so a markdown header table reads as two columns).
- Web line breaks: a line that starts with a lower-case word continues the line before it
  (``Thành\\nphố Hồ Chí Minh``, ``Kính\\ngửi:``), unless it opens an item such as ``a)`` or ``(i)``.

Every edit goes through :meth:`Text.sub`, which carries the offset map along (eyecite's
``SpanUpdater`` idea), so a span found in the normalized text maps back to the source.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import regex

from .grammar import settings
from .regex_cache import compile_pattern, compile_re

_GRAMMAR = settings("normalize")
_OLD_TONES: dict[str, str] = dict(_GRAMMAR["old_tones"])
_OLD_TONES.update({k.upper(): v.upper() for k, v in list(_OLD_TONES.items())})
_OLD_TONES.update({k[0].upper() + k[1]: v[0].upper() + v[1] for k, v in list(_OLD_TONES.items()) if k.islower()})
# "qu" + "ý" is a different syllable (quý), so old-style pairs only after a consonant or at word start.
# One pattern per first letter of a pair: a scan for one literal character is several times faster
# than a scan for a class of them. The pairs never overlap and what one pattern writes is nothing
# another one matches, so running them one after the other is one pass.
# (the standard library's engine runs these scans faster than ``regex``; "not followed by a letter"
# is [^\W\d_] there)
_OLD_TONE_RES = tuple(
    compile_re(re.escape(first) + "[" + "".join(sorted(k[1] for k in _OLD_TONES if k[0] == first))
               + r"](?<![qQ]..)(?![^\W\d_])")
    for first in sorted({k[0] for k in _OLD_TONES}))
_CHAR_MAP = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u2044": "/", "\u2215": "/", "\u0110": "Đ",
                           "\u00a0": " ", "\t": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ",
                           "\u3000": " "})
_ODD_CHARS = compile_pattern(r"[\u00d0\u00f0\u2044\u2215\u00a0\t\u2002\u2003\u2009\u202f\u3000]")
_CRLF = compile_pattern(r"\r\n?")
_ZERO_WIDTH_LIST = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = compile_pattern(f"[{_ZERO_WIDTH_LIST}]")
_ODD_LIST = "\u00d0\u00f0\u2044\u2215\u00a0\t\u2002\u2003\u2009\u202f\u3000"
# an item's marker left alone on its line by conversion ("1.\nGiai đoạn 2025 - 2030", "III.\nNHIỆM VỤ"):
# the break after it is a space (found from the break, the marker checked behind it)
_ITEM_LETTER = _GRAMMAR["letters"]["item"]
_BARE_MARKER = compile_pattern(rf"(?m)\n(?<=^[ \t]*(?:\d{{1,2}}(?:\.\d{{1,2}})*\.|[IVX]{{1,5}}\.|[{_ITEM_LETTER}]\))\n)"
                             r"(?=[ \t]*\S)")
_CODE_BREAK = compile_pattern(r"\n(?<=\p{Lu}-\n)(?=\p{Lu}{2,})")
# (a scan for the letter followed by itself is faster than a test for the pair as a substring)
_DOUBLED_D_NEAR = compile_re("{0}(?={0})".format(re.escape(_GRAMMAR["ocr"]["doubled_letter"])))
_DOUBLED_D = compile_pattern(_GRAMMAR["ocr"]["doubled_d"], regex.V1)  # OCR's repeated Đ
_MARKUP_PAIRS = ("**", "__", "~~")  # bold, underline, strike-through: removed in one pass
# markdown left by conversion, one pattern per mark so each scan starts from its literal character
_MARKUP = {"*": compile_pattern(r"(?<![\p{L}\d*])\*(?=\S)|(?<=\S)\*(?![\p{L}\d*])"),  # emphasis
           "#": compile_pattern(r"(?m)(?<=^[ ]*)#{1,6}[ ]+"),  # headings
           "\\": compile_pattern(r"\\(?=[\[\]().\-*_#|])")}  # escapes
_COPYRIGHT_ITEM = compile_pattern(r"(?m)^[ \t]*\K©(?=\))")  # OCR reads the item "c)" as "©)"
# a header's rule with the number's label behind it on the same line (grammars/normalize.toml, layout)
_NUMBER_AFTER_RULE = compile_re(_GRAMMAR["layout"]["number_after_rule"])
# an article's word at a line's end, its number on the next line (grammars/normalize.toml, joins.article)
_ARTICLE_BREAK_TEST = _GRAMMAR["joins"]["article"] + "\n"
# (the word and its break matched, not a look-behind: a literal start is a fast scan)
_ARTICLE_BREAK = compile_re(re.escape(_ARTICLE_BREAK_TEST) + r"(?=[ ]*\d)")
_HEADER_CHARS = 1000  # where a document's header table ends, at the latest
_TABLE_BAR = compile_pattern(r"[ ]*\|[ ]*")  # (found from its bar: see _Bars)
_TRAILING_SPACE = compile_pattern(r" +\n")  # (from its spaces: "[ ]+(?=\n)" tries every space)
_FINAL_SPACE = compile_pattern(r" +\Z")
_SPACE_BREAK = compile_re(r"\n(?<= \n)")  # (a test for " \n" three times as fast as the substring test)
# a line starting with a lower-case letter continues the previous one, unless it opens an item (or is a
# line of its own: grammars/normalize.toml, letters.own_line)
# (on the standard engine, twice as fast here; it has no \p{Ll}, so the Vietnamese lower case is spelt out)
_VI_LOWER = _GRAMMAR["letters"]["lower"]
_SOFT_BREAK = compile_re(rf"\n(?<=[^\n]\n)(?=[ ]*[{_VI_LOWER}])"
                         rf"(?![ ]*(?:[{_ITEM_LETTER}]{{1,2}}\)|\(?[ivx]{{1,4}}\)|[{_ITEM_LETTER}]\.[ ]|"
                         rf"{_GRAMMAR['letters']['own_line']}))")


AnyMatch = regex.Match[str] | re.Match[str]


class _Near:
    """A pattern that matches one line break, tried only at the breaks a cheap pattern finds.

    ``regex`` spends about as long on each line break of a text as on a look-behind, so a pattern
    that looks behind every break costs much more than the few breaks it matches. ``near`` (on the
    standard engine, which steps from break to break quickly) finds every break ``exact`` may match
    and a few more; ``exact`` decides. As both match at single breaks, ``exact``'s matches at those
    breaks are the ones ``exact.finditer`` would find.
    """

    def __init__(self, near: re.Pattern[str], exact: regex.Pattern[str]):
        self.near, self.exact = near, exact

    def finditer(self, text: str) -> Iterator[AnyMatch]:
        for m in self.near.finditer(text):
            found = self.exact.match(text, m.start())
            if found:
                yield found

    def sub(self, repl: str, text: str) -> str:
        new = repl if "\\" not in repl else None  # (no template to expand)
        pieces, last = [], 0
        for m in self.finditer(text):
            pieces += (text[last:m.start()], m.expand(repl) if new is None else new)
            last = m.end()
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)


class _Bars:
    """``_TABLE_BAR``'s matches, found from their bars: a scan for one literal character is fast,
    one that starts a try at every space is not. Each match starts where the spaces before its bar
    start (not before the end of the match before it), as the leftmost match does."""

    def finditer(self, text: str) -> Iterator[AnyMatch]:
        last = 0
        while (bar := text.find("|", last)) >= 0:
            start = bar
            while start > last and text[start - 1] == " ":
                start -= 1
            m = _TABLE_BAR.match(text, start)
            yield m
            last = m.end()


AnyPattern = regex.Pattern[str] | re.Pattern[str] | _Near | _Bars  # edits run on either engine, whichever scans faster


# the breaks the patterns above may match: after the mark of an item ("1.", "IV.", a digit of any
# script: any character outside ASCII but a lower-case letter or an ellipsis; "a)" after a space or
# at its line's start); after a dash, not in a rule
_BARE_MARKER_NEAR = _Near(compile_re(rf"\n(?:(?<=[0-9IVX]\.\n)|(?<=[^\x00-\x7f{_VI_LOWER}\u2026]\.\n)"
                                     rf"|(?<=[{_ITEM_LETTER}]\)\n)(?<![^ \t\n]..\n))"), _BARE_MARKER)
_CODE_BREAK_NEAR = _Near(compile_re(r"\n(?<=[^-\s]-\n)"), _CODE_BREAK)


@dataclass(frozen=True)
class Text:
    """Normalized text and its offset map back to the source text.

    The map is a sorted list of anchors ``(normalized offset, source offset)``; between anchors
    offsets advance together. Length-preserving edits (most of them) add no anchor, so the map
    stays small and mapping is a binary search.
    """

    text: str
    anchors: tuple[tuple[int, int], ...] = ((0, 0),)

    @classmethod
    def of(cls, source: str) -> Text:
        return cls(source)

    def to_source(self, offset: int) -> int:
        i = bisect.bisect_right(self.anchors, (offset, float("inf"))) - 1
        new, old = self.anchors[max(i, 0)]
        return old + (offset - new)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the source text of ``text[start:end]``."""
        if end <= start:
            return self.to_source(start), self.to_source(start)
        i = bisect.bisect_left(self.anchors, (end, -1))
        if i < len(self.anchors) and self.anchors[i][0] == end:  # an edit ends here: take its first anchor
            return self.to_source(start), self.anchors[i][1]
        return self.to_source(start), self.to_source(end - 1) + 1

    def replace_same_length(self, pattern: AnyPattern, repl: str | Callable[[AnyMatch], str]) -> Text:
        """Replace where every replacement is as long as what it replaces (a line break by a
        space, ``oà`` by ``òa``): offsets do not move, so the map stays and the work is done in C."""
        return Text(pattern.sub(repl, self.text), self.anchors)

    def sub(self, pattern: AnyPattern, repl: str | Callable[[AnyMatch], str]) -> Text:
        """Replace like ``pattern.sub`` and carry the offset map along."""
        source = self.text
        literal = repl if isinstance(repl, str) and "\\" not in repl else None  # (no template to expand)
        pieces: list[str] = []
        edits: list[tuple[int, int, int]] = []  # (old start, old end, new length) in this text's coordinates
        last = 0
        for m in pattern.finditer(source):
            start, end = m.span()
            new = literal if literal is not None else repl(m) if callable(repl) else m.expand(repl)
            pieces.append(source[last:start])
            pieces.append(new)
            if len(new) != end - start:
                edits.append((start, end, len(new)))
            last = end
        if not pieces:
            return self
        pieces.append(source[last:])
        text = "".join(pieces)
        if not edits:
            return Text(text, self.anchors)
        # carry our anchors into the new coordinates, then anchor both ends of every edit
        anchors: list[tuple[int, int]] = []
        shifts = []  # (old end, cumulative shift after this edit)
        total = 0
        for s_, e_, ln in edits:
            total += ln - (e_ - s_)
            shifts.append((s_, e_, total))
        ends = [e_ for _, e_, _ in shifts]
        for pos, src in self.anchors:
            i = bisect.bisect_right(ends, pos) - 1
            if i + 1 < len(shifts) and shifts[i + 1][0] < pos < shifts[i + 1][1]:
                continue  # inside a replaced run
            anchors.append((pos + (shifts[i][2] if i >= 0 else 0), src))
        # the source offsets of the edits' ends, by one walk along our anchors (the ends come in
        # order): what ``to_source`` gives for each
        own = self.anchors
        k, last_k = 0, len(own) - 1
        before = 0
        for s_, e_, total_after in shifts:
            while k < last_k and own[k + 1][0] <= s_:
                k += 1
            anchors.append((s_ + before, own[k][1] + s_ - own[k][0]))
            while k < last_k and own[k + 1][0] <= e_:
                k += 1
            anchors.append((e_ + total_after, own[k][1] + e_ - own[k][0]))
            before = total_after
        return Text(text, tuple(sorted(set(anchors))))


_GRAPHEME = compile_pattern(r"\X")


def _nfc(text: Text) -> Text:
    if unicodedata.is_normalized("NFC", text.text):
        return text
    return text.sub(_GRAPHEME, lambda m: unicodedata.normalize("NFC", m.group()))


def normalize(source: str) -> Text:
    """The normalized text of a decoded document, with its offset map."""
    # each edit runs only when a cheap test (a substring search in C) says it has work to do
    text = Text.of(source)
    if "\r" in source:
        text = text.sub(_CRLF, "\n")
    text = _nfc(text)
    if any(ch in text.text for ch in _ODD_LIST):
        text = text.replace_same_length(_ODD_CHARS, lambda m: m.group().translate(_CHAR_MAP))
    if _DOUBLED_D_NEAR.search(text.text):
        text = text.sub(_DOUBLED_D, lambda m: "Đ" if len(m.group()) > 1 else "")
    if any(ch in text.text for ch in _ZERO_WIDTH_LIST):
        text = text.sub(_ZERO_WIDTH, "")
    if _NUMBER_AFTER_RULE.search(text.text, 0, _HEADER_CHARS):  # (a header's line: only the top is read)
        text = text.sub(_NUMBER_AFTER_RULE, "\n")
    # (a test for a single character is a fast scan, for a pair a slow one: the pair only if its character is there)
    pairs = tuple(pair for pair in _MARKUP_PAIRS if pair[0] in text.text and pair in text.text)
    if pairs:
        text = text.sub(_pairs_pattern(pairs), "")
    for mark, pattern in _MARKUP.items():
        if mark in text.text:
            text = text.sub(pattern, "")
    if "©" in text.text:
        text = text.replace_same_length(_COPYRIGHT_ITEM, "c")
    if "|" in text.text:
        text = text.sub(_Bars(), "\n")
    for pattern in _OLD_TONE_RES:  # (each scan costs about what a test for its letter would)
        text = text.replace_same_length(pattern, _modern_tone)
    if _SPACE_BREAK.search(text.text):
        text = text.sub(_TRAILING_SPACE, "\n")
    if text.text.endswith(" "):
        text = text.sub(_FINAL_SPACE, "")
    text = text.replace_same_length(_SOFT_BREAK, " ")
    text = text.replace_same_length(_BARE_MARKER_NEAR, " ")
    text = text.sub(_CODE_BREAK_NEAR, "")  # a ký hiệu broken after its dash: "143/STC-\nHCSN"
    if _ARTICLE_BREAK_TEST in text.text:
        text = text.replace_same_length(_ARTICLE_BREAK, _ARTICLE_BREAK_TEST[:-1] + " ")
    return text.replace_same_length(_join_words(), " ")


@cache
def _pairs_pattern(pairs: tuple[str, ...]) -> re.Pattern[str]:
    """The pass over the markup pairs a text holds: the others cannot match, and a pattern of one
    literal scans fast."""
    return compile_re("|".join(map(re.escape, pairs)))


@cache
def _join_words() -> _Near:
    words = settings("normalize")["joins"]["words"].split()
    # the match is the line break itself, so the scan stops only at line breaks
    # (the cheap look-ahead first: most breaks fail it before the word list is tried)
    exact = compile_pattern(rf"\n(?=[ ]*[\p{{Lu}}\d])(?<=(?<![\p{{L}}])(?:{'|'.join(map(regex.escape, words))})\n)",
                          regex.V1)
    # tried only after the last letter of a word of the list (and its last two letters), before
    # what is neither a lower-case letter nor ASCII punctuation
    ends = "".join(sorted({re.escape(w[-1]) for w in words}))
    near = rf"\n(?<=[{ends}]\n)(?=[ ]*[^{_VI_LOWER}\n\-(+/.=\[_\":])"
    if all(len(w) > 1 for w in words):
        near += rf"(?<=(?:{'|'.join(sorted({re.escape(w[-2:]) for w in words}))})\n)"
    return _Near(compile_re(near), exact)


def _modern_tone(m: re.Match[str]) -> str:
    """``hoà`` → ``hòa`` at a syllable's end (the pattern has left ``quý`` alone: another syllable)."""
    return _OLD_TONES[m.group()]




def strip_marks(text: str) -> str:
    """The letters without tone and shape marks, Đ as D: how OCR'd capitals and typed ones are
    compared ("QUYÉT ĐỊNH" and "QUYẾT ĐỊNH", "Nguyên" and "Nguyễn")."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("Đ", "D").replace("đ", "d")


def clean_value(value: str | None, strip: str = " ;.,:") -> str | None:
    """A text value as the record holds it: white space folded, no trailing punctuation."""
    if value is None:
        return None
    value = " ".join(value.replace("*", "").replace("~", "").replace("`", "").split()).strip(strip).strip()
    return value or None
