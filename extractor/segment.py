"""Split a normalized document into the blocks Nghị định 30/2020/NĐ-CP lays out.

Header (issuer block, quốc hiệu and tiêu ngữ, số/ký hiệu, place and date, urgency and secrecy
marks, type and trích yếu), recipients (``Kính gửi``, or a công điện's ``… điện:`` list), body,
``Nơi nhận``, signature and stamps. Each block is a span of the normalized text, so every field
read from it keeps its position.

Real documents break the layout often: the two header columns may come in either order, be
flattened onto one line, or lose the issuer block; the signature may stand before or after
``Nơi nhận``, or before an annex. The segmenter locates blocks by their own markers, not by order.

It returns a ``blocks.Layout``; a block the segmenter has already split carries its parts typed
(the date's place, day, month and year; the title's type). The markers are patterns of
``grammars/header.toml`` and ``grammars/dates.toml``; the signature block's lines are read by
``fields.signature``, which owns everything about signatures. How far each search looks is a named
constant below.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from .blocks import (
    DateBlock,
    Layout,
    NumberBlock,
    SignatureBlock,
    StampBlock,
    SubjectBlock,
    TitleBlock,
)
from .fields.signature import find_signature_lines
from .grammar import doc_type_titles, patterns, rx, settings
from .lines import DASHES, Lines, is_upper_line, next_nonblank
from .normalize import strip_marks
from .record import DocType, Span
from .regex_cache import compile_pattern, compile_re

# How far the segmenter looks. Each number measures a part of a printed directive (Nghị định
# 30/2020 layout), generous enough for web-converted and OCR'd copies.
HEADER_WINDOW = 4000  # characters from the top where header blocks are looked for
RULE_GAP = 120  # characters between the top of the header and a rule drawn under it
FUZZY_HINT_WINDOW = 1200  # characters from the top where a piece of a garbled quốc hiệu is looked for
FUZZY_MARGIN = 60  # characters either side of that piece where the fuzzy pattern is tried
PLACE_BEFORE_DATE = 80  # characters before the date where its place is looked for
NUMBER_HAS_DIGIT = 40  # characters after "Số" that must hold a digit or "/" for a number line
SUBJECT_LINES = 12  # lines from the number line where a "V/v" trích yếu may start; also the most a trích yếu runs
TITLE_LINES = 14  # lines below the top of the header where the type title (QUYẾT ĐỊNH) may stand
RECIPIENTS_WINDOW = 3000  # characters after the header where "Kính gửi" may stand
SIGNATURE_LINES = 25  # lines after Nơi nhận or the closing "./." where the signature block may stand
SIGNATURE_BEFORE_LIST = 14  # lines before Nơi nhận where a signature printed above it may stand
LAST_LINES = 30  # the last lines of a document, searched for a signature when nothing else places it
STAMP_WINDOW = 3000  # characters at the end where an incoming-document stamp may stand
SUBJECT_LINE_CHARS = 250  # a line below a title longer than this is body text, not a trích yếu
ENTRY_GAP_LINES = 3  # lines a blank gap between two dash entries of Kính gửi may span
MIN_HEAD_WORDS = 2  # words of capitals an issuer line must keep once OCR's lower-case junk is cut off
MIN_BARE_TITLE = 6  # letters of a type title compared without marks (shorter ones match ordinary words)

_UPPER_HEAD = rx(r"^[^\p{Ll}\n]+(?=\s+\S*\p{Ll})")
# the closing "./." (\.\s*/\s*\.) on the standard engine, which scans from its full stop twice as fast;
# \s spelt out as ``regex`` has it (Unicode White_Space; the standard engine's adds \x1c-\x1f)
_SPACE = r"[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_CLOSING = compile_re(rf"\.{_SPACE}*/{_SPACE}*\.")


def segment(text: str, header_only: bool = False) -> Layout:
    """Blocks of a normalized document; ``header_only`` stops after the header and recipients."""
    layout = Layout(text, Lines(text))
    p = patterns("header")["blocks"]
    window = text[:HEADER_WINDOW]

    masks = _header_masks(window, p)
    number = _find_number(layout, p)
    date = _find_date(window, p)
    if date:
        layout.put(date)
    _find_marks(layout, window, p)

    # the top of the header ends with the last of quốc hiệu, tiêu ngữ, number and date (and a
    # rule drawn right under them); rules further down belong to the body
    marks = [m for m in masks if not p["separator"].fullmatch(window, m[0], m[1])]
    top_end = max([m[1] for m in marks] + [b.end for b in (number, layout.date) if b] + [0])
    for s_, e_ in masks:
        if top_end <= s_ <= top_end + RULE_GAP and p["separator"].fullmatch(window, s_, e_):
            top_end = e_
    _find_issuer(layout, masks, number)
    body_start = _find_title_and_subject(layout, top_end, p)
    body_start = max(body_start, _find_recipients(layout, body_start, p))
    if header_only:
        return layout
    tail_start = _find_tail(layout, body_start)
    layout.add("body", body_start, max(body_start, tail_start))
    _find_annex(layout, p)
    _find_stamps(layout, p)
    return layout


def _header_masks(window: str, p: dict) -> list[tuple[int, int]]:
    """Spans of the quốc hiệu, tiêu ngữ, party motto and rules: never part of the issuer."""
    spans = []
    for key in ("national_title", "motto", "party_motto"):
        m = p[key].search(window)
        hint = p.get(f"{key}_hint")
        seen = hint.search(window, 0, FUZZY_HINT_WINDOW) if hint and m is None and f"{key}_fuzzy" in p else None
        if seen:  # OCR noise: fuzzy matching is slow, so only around a piece of the phrase
            lo, hi = max(0, seen.start() - FUZZY_MARGIN), min(len(window), seen.end() + FUZZY_MARGIN)
            m = p[f"{key}_fuzzy"].search(window, lo, hi)
        if m:
            spans.append(m.span())
    spans.extend(m.span() for m in _line_end_matches(p["separator"], window))
    return sorted(spans)


def _find_number(layout: Layout, p: dict) -> NumberBlock | None:
    for m in _line_matches(p["number_line"], layout.text, 0, HEADER_WINDOW):
        rest = m.group("rest")
        start, end = m.span("rest")
        gap = rx(r"\S(\s{2,})\S").search(rest)  # two header columns flattened onto one line
        if gap:
            end = start + gap.start(1)
            rest = rest[:gap.start(1)]
        if not rest.strip():  # "Số:" alone, the number on the next line (or blank)
            nxt = layout.line_at(m.end()) + 1
            if nxt < len(layout.lines) and rx(r"^\s*[\d.…]*\s*/").match(layout.lines[nxt].text):
                start, end = layout.lines[nxt].start, layout.lines[nxt].end
        elif not rx(r"[/\d]").search(rest[:NUMBER_HAS_DIGIT]):
            continue  # "Số liệu …" or prose
        if "/" not in layout.text[start:end] and not rx(r"\d").search(layout.text[start:end]):
            end = m.end()
            start = value_end = start
        else:
            value_end = end
        return layout.put(NumberBlock("number", m.start(), end, layout.text[m.start():end], (start, value_end)))
    return None


def _find_date(window: str, p: dict) -> DateBlock | None:
    """The first date preceded by a place (``Hà Nội, ngày …``): the header's place and date."""
    found = []
    for pattern in patterns("dates")["header"].values():  # in words, then in figures
        for m in pattern.finditer(window):
            before = window[max(0, m.start() - PLACE_BEFORE_DATE):m.start()]
            place = p["place"].search(before) or p["place_bare"].search(before)
            if place:
                found.append((m.start(), m, place, m.start() - len(before)))
                break
    if not found:
        return None
    _, m, place, base = min(found, key=lambda f: f[0])
    start = base + place.start("place")
    return DateBlock("date", start, m.end(), window[start:m.end()], place=place["place"], date=m["date"],
                     date_span=m.span("date"), day=m["day"], month=m["month"], year=m["year"])


def _find_marks(layout: Layout, window: str, p: dict) -> None:
    for key, words in _mark_words():
        # (a cheap test before the pattern: a word, once all its characters are there, each found fast)
        if not any(all(c in window for c in w) and w in window for w in words):
            continue
        m = p[key].search(window)
        if m:
            layout.add(key, m.start("mark"), m.end("mark"))


@cache
def _mark_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each mark's pattern name and the words one of which its every match holds."""
    blocks = settings("header")["blocks"]
    return tuple((key, tuple(blocks[f"{key}_words"])) for key in ("urgency", "secrecy"))


def _find_issuer(layout: Layout, masks: list[Span], number: NumberBlock | None) -> None:
    """The issuer block: upper-case lines above the number line, minus quốc hiệu and tiêu ngữ."""
    limit = min([b.start for b in (number, layout.date) if b] or [HEADER_WINDOW])
    # every quốc hiệu above the limit, not only the header's: a text without a header may print it
    # again lower down ("… dòng chữ: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), and it is never an issuer
    p = patterns("header")["blocks"]
    masks = sorted(set(masks).union(m.span() for key in ("national_title", "party_motto")
                                    for m in p[key].finditer(layout.text, 0, limit)))
    pieces: list[tuple[int, int]] = []
    bounded = number is not None or layout.date is not None
    for line_start, part in zip(layout.lines.starts, layout.lines.parts, strict=False):  # (a start past the end)
        if line_start >= limit:
            break
        if not bounded and _title_type(part.strip())[0]:
            break  # no number or date found: the type's title ("NGHỊ QUYẾT") still ends the top of the header
        for start, end in _minus(line_start, min(line_start + len(part), limit), masks):
            chunk = layout.text[start:end]
            if not chunk.strip():
                continue
            upper = is_upper_line(chunk)
            if not upper:
                # an upper-case line with lower-case OCR junk joined to it: keep its capitals
                # (not an incoming-document stamp: "CV ĐẾN Số: 512 …")
                head = None if patterns("header")["blocks"]["stamp"].search(chunk) else _UPPER_HEAD.match(chunk)
                chunk = head.group() if head and len(head.group().split()) >= MIN_HEAD_WORDS else ""
                upper = bool(chunk.strip()) and is_upper_line(chunk)
            if upper and not _is_mark(chunk):
                lead = len(chunk) - len(chunk.lstrip())
                pieces.append((start + lead, start + len(chunk.rstrip())))
    if not pieces:
        return
    # the block's text is its upper-case pieces, one per line (quốc hiệu and rules left out)
    block = layout.add("issuer", pieces[0][0], pieces[-1][1])
    block.text = "\n".join(layout.text[s:e] for s, e in pieces)


def _is_mark(chunk: str) -> bool:
    if not any(w in chunk for _, words in _mark_words() for w in words):
        return False  # (no word of a mark: neither pattern can match)
    p = patterns("header")["blocks"]
    return bool(p["urgency"].fullmatch(chunk.strip()) or p["secrecy"].fullmatch(chunk.strip()))


def _minus(start: int, end: int, masks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    for ms, me in masks:
        if ms < end and me > start:
            break
    else:
        return [(start, end)]  # (most lines: no mask on them)
    parts = [(start, end)]
    for ms, me in masks:
        nxt = []
        for s, e in parts:
            if me <= s or ms >= e:
                nxt.append((s, e))
                continue
            if s < ms:
                nxt.append((s, ms))
            if me < e:
                nxt.append((me, e))
        parts = nxt
    return parts


def _find_title_and_subject(layout: Layout, top_end: int, p: dict) -> int:
    """Find the type title (``QUYẾT ĐỊNH``) and the trích yếu; return where the body starts."""
    lines = layout.lines
    body_start = top_end
    number = layout.number
    first = layout.line_at(number.start) if number else layout.line_at(top_end)
    # V/v trích yếu of a công văn: near the number line; a bare "Về …" only on the line right under it
    under_number = next_nonblank(lines, first + 1) if number else None
    prefix = p["subject_prefix"]
    for i in range(first, min(first + SUBJECT_LINES, len(lines))):
        m = prefix.match(lines[i].text)
        if m is None and i == under_number:
            m = p["subject_prefix_bare"].match(lines[i].text)
        if m is None:
            continue
        prev = next((lines[j].text.strip() for j in range(i - 1, max(first, i - 3) - 1, -1) if not lines[j].blank), "")
        if _title_type(prev)[0]:
            break  # "QUYẾT ĐỊNH / Về việc …": the title's subject, found with the title below
        if lines[i].start < HEADER_WINDOW:
            start = lines[i].start + m.end()
            first_line = i
            if not lines[i].text[m.end():].strip():  # "V/v:" alone, the trích yếu on the next line
                nxt = next_nonblank(lines, i + 1)
                if nxt is None or nxt > i + 2:
                    break
                first_line, start = nxt, lines[nxt].start
            end_line = _continue_subject(layout, first_line, p, upper=False)
            end = lines[end_line].end
            layout.put(SubjectBlock("subject", start, end, layout.text[start:end], after_prefix=True))
            body_start = max(body_start, lines[end_line].end)
            break
    # title line: a document type name alone on its line, after the top of the header
    start_line = layout.line_at(top_end) + (1 if top_end else 0)
    after_number = number.end if number else 0
    for i in range(max(first, 0), min(start_line + TITLE_LINES, len(lines))):
        line = lines[i]
        if line.start < after_number:
            continue
        stripped = line.text.strip()
        if not stripped or not (is_upper_line(stripped) or stripped[:2].isupper()):
            continue
        dt, title_len = _title_type(stripped)
        if dt is not None and not is_upper_line(stripped) and not _glued_subject(stripped[title_len:title_len + 2]):
            continue
        title_start = line.start + line.text.index(stripped)
        title_end = title_start + title_len
        if dt is None and " " not in stripped and i + 1 < len(lines):
            # "QUYẾT\nĐỊNH", "THÔNG\nTƯ": a title wrapped after its first word by conversion
            second = lines[i + 1].text.strip()
            dt, joined_len = _title_type(f"{stripped} {second}") if second else (None, 0)
            if dt is not None and joined_len > len(stripped) + 1:
                line = lines[i + 1]
                title_end = line.start + line.text.index(second) + joined_len - len(stripped) - 1
            else:
                dt = None
        if dt is None:
            continue
        title = layout.put(TitleBlock("title", title_start, title_end, layout.text[title_start:title_end],
                                      doc_type=dt))
        at = layout.line_at(title_end)  # (the title's last line)
        rest_start = title.end
        rest = layout.text[rest_start:line.end]
        if rest.strip():
            sub_first = at
            upper = True
        else:
            sub_first = next_nonblank(lines, at + 1)
            if sub_first is None:
                return line.end
            rest_start = lines[sub_first].start
            upper = is_upper_line(lines[sub_first].text)
        first_text = lines[sub_first].text
        starts_body = p["not_subject"].match(first_text) or p["telegram_open"].match(first_text)
        if layout.subject is None and not starts_body \
                and (upper or (len(first_text) < SUBJECT_LINE_CHARS and not first_text.rstrip().endswith(":"))):
            end_line = _continue_subject(layout, sub_first, p, upper=upper)
            end = lines[end_line].end
            layout.put(SubjectBlock("subject", rest_start, end, layout.text[rest_start:end], after_prefix=False))
            return max(body_start, lines[end_line].end + 1)
        return max(body_start, line.end + 1)
    return body_start


@lru_cache(maxsize=4096)  # (title lines repeat from document to document)
def _title_type(line: str) -> tuple[DocType | None, int]:
    """The type a title line names, and how many characters of the line the type name covers
    (an extra title form such as ``THÔNG BÁO KẾT LUẬN`` covers only ``THÔNG BÁO``: the rest is subject)."""
    for title, dt in doc_type_titles():
        if line.startswith(title) and (len(line) == len(title) or not line[len(title)].isalpha()
                                       or _glued_subject(line[len(title):len(title) + 2])):
            return dt, len(title) if title == dt.name.upper() else len(dt.name)
    # OCR loses tone marks on bold capitals ("QUYÉT ĐỊNH", "THONG BAO"): compare without them
    bare = strip_marks(line)
    for title, dt in _bare_titles():
        if bare.startswith(title) and (len(bare) == len(title) or not bare[len(title)].isalpha()):
            return dt, len(dt.name)
    return None, 0


def _glued_subject(start: str) -> bool:
    """The subject glued to its upper-case title by conversion: a capital and then a lower-case
    letter ("NGHỊ ĐỊNHQuy định về …", "THÔNG TƯHướng dẫn …")."""
    return len(start) == 2 and start[0].isupper() and start[1].islower()


@cache
def _bare_titles() -> tuple[tuple[str, DocType], ...]:
    """Each type's name in capitals without marks, long enough not to match ordinary words."""
    titles = ((strip_marks(title), dt) for title, dt in doc_type_titles() if title == dt.name.upper())
    return tuple((title, dt) for title, dt in titles if len(title) >= MIN_BARE_TITLE)


def _continue_subject(layout: Layout, i: int, p: dict, upper: bool) -> int:
    """Last line of a trích yếu starting on line ``i``."""
    lines = layout.lines
    date = patterns("dates")["header"]["words"]
    last = i
    j = i + 1
    end = min(len(lines), i + SUBJECT_LINES)
    while j < end:
        line = lines[j]
        if line.blank:
            nxt = next_nonblank(lines, j)
            # a trích yếu split by blank lines continues only with a lower-case word
            if nxt is None or upper or not rx(r"^\s*\p{Ll}").match(lines[nxt].text):
                break
            j = nxt
            continue
        text = line.text
        if (date.search(text) or p["recipients_open"].match(text)
                or p["body_open"].match(text) or p["telegram_open"].match(text)
                or p["separator"].match(text)
                or (p["number_line"].match(text) and not (upper and layout.number and is_upper_line(text)))):
            break  # (an upper-case "SỐ 15/2025/QĐ-UBND NGÀY …" under the number goes on a title's subject)
        if upper and not is_upper_line(text):
            break
        if _is_authority_line(text) and is_upper_line(text) and not p["runs_on"].search(lines[last].text):
            break  # "ỦY BAN NHÂN DÂN TỈNH …" / "CHỦ TỊCH …" between the title and "Căn cứ" (not after "… CỦA")
        if not upper and not rx(r"^\s*\p{Ll}").match(text) and rx(r"[.;:]\s*$").search(lines[last].text):
            break
        last = j
        j += 1
    return last


def _is_authority_line(text: str) -> bool:
    """``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`` between a title and ``Căn cứ``: not part of the title."""
    return bool(patterns("header")["blocks"]["authority_line"].match(text))


def _find_recipients(layout: Layout, body_start: int, p: dict) -> int:
    """The ``Kính gửi`` list (or a công điện's ``… điện:`` list); return where the body starts."""
    search_end = min(len(layout.text), body_start + RECIPIENTS_WINDOW)
    m = next(_line_matches(p["recipients_open"], layout.text, 0, search_end), None)
    title = layout.title
    if m is None and title and title.doc_type.name == settings("header")["blocks"]["telegram_type"]:
        m = p["telegram_open"].search(layout.text, title.start, search_end)
    if m is None:
        return body_start
    lines = layout.lines
    i = layout.line_at(m.end())
    first_inline = layout.text[m.end():lines[i].end].strip()
    end = lines[i].end
    last_text = first_inline
    j = i + 1
    if first_inline and rx(r"\.\s*$").search(first_inline) and not first_inline.startswith(DASHES):
        layout.add("recipients", m.end(), end)
        return max(body_start, end)
    seen_entry = bool(first_inline)
    dashed = first_inline.startswith(DASHES)
    while j < len(lines):
        text = lines[j].text.strip()
        if not text:
            if seen_entry:
                nxt = next_nonblank(lines, j, ENTRY_GAP_LINES)
                if nxt is None or not (dashed and lines[nxt].text.strip().startswith(DASHES)):
                    break
            j += 1
            continue
        starts_dash = text.startswith(DASHES)
        if seen_entry and not starts_dash:
            # a wrapped line continues an entry that has not ended
            ended = rx(r"[.;]\s*$").search(last_text) if dashed else rx(r"[.;,]\s*$").search(last_text)
            if ended and not rx(r"^\p{Ll}").match(text):
                break
        if p["body_open"].match(text) and not starts_dash:
            break
        seen_entry = True
        dashed = dashed or starts_dash
        last_text = text
        end = lines[j].end
        j += 1
    layout.add("recipients", m.end(), end)
    return max(body_start, end)


def _find_tail(layout: Layout, body_start: int) -> int:
    """Nơi nhận and signature blocks; return where the body ends."""
    p = patterns("header")["blocks"]
    # the first Nơi nhận that opens its line: later ones belong to forms in the annexes
    noi = None
    leads = tuple(settings("header")["blocks"]["distribution_open_leads"])
    for m in _lead_matches(p["distribution_open"], leads, layout.text, body_start):
        before = layout.text[layout.text.rfind("\n", 0, m.start()) + 1:m.start()]
        if not before.strip(" \t-_*") or before.rstrip().endswith("./."):
            noi = m
            break
    dist_end = None
    if noi:
        dist_end = _distribution_end(layout, noi.end())
        layout.add("distribution", noi.end(), dist_end)
    _find_signature(layout, body_start, noi.start() if noi else None, dist_end)
    ends = [len(layout.text)]
    if noi:
        ends.append(noi.start())
    sig = layout.signature
    if sig and sig.start > body_start:
        ends.append(sig.start)
    return min(ends)


def _find_annex(layout: Layout, p: dict) -> None:
    """The annexes after the signature and Nơi nhận (``PHỤ LỤC`` on a line of its own), to the end."""
    after = max((b.end for b in (layout.signature, layout.distribution) if b), default=None)
    if after is None:
        return
    text = layout.text
    for m in p["annex"].finditer(text, after):  # (found from its words, then checked to open its line)
        if not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip():
            layout.add("annex", m.start(), len(text))
            return


def _find_signature(layout: Layout, body_start: int, noi_start: int | None, dist_end: int | None) -> None:
    """The signature block: authority lines, the signer's title, the name.

    Looked for after the Nơi nhận list, then just before it, then after the closing ``./.``, then
    in the last lines of the document (``fields.signature`` reads the lines of each region).
    """
    for lo, hi in _signature_regions(layout, body_start, noi_start, dist_end):
        found = find_signature_lines(layout.lines, lo, hi)
        if found:
            layout.put(SignatureBlock("signature", found.start, found.end, layout.text[found.start:found.end], found))
            return


def _signature_regions(layout: Layout, body_start: int, noi_start: int | None,
                       dist_end: int | None) -> Iterator[tuple[int, int]]:
    """The line ranges where a signature is looked for, in turn (the closings are found only when
    the regions by Nơi nhận hold none: a scan of the whole body)."""
    lines = layout.lines
    if dist_end is not None:
        i = layout.line_at(dist_end) + 1
        yield i, min(i + SIGNATURE_LINES, len(lines))
    if noi_start is not None:
        i = layout.line_at(noi_start)
        yield max(layout.line_at(body_start), i - SIGNATURE_BEFORE_LIST), i
    closings = list(_CLOSING.finditer(layout.text, body_start))
    for closing in closings[:1] + closings[-1:]:  # the main text's end; an annex may close later
        i = layout.line_at(closing.end()) + 1
        yield i, min(i + SIGNATURE_LINES, len(lines))
    yield max(layout.line_at(body_start), len(lines) - LAST_LINES), len(lines)


def _distribution_end(layout: Layout, start: int) -> int:
    lines = layout.lines
    i = layout.line_at(start)
    end = lines[i].end
    archive = patterns("header")["blocks"]["archive_item"]
    lower_first = rx(r"^\p{Ll}")
    seen_archive = bool(archive.match(layout.text[start:lines[i].end]))
    prev = lines[i].text.rstrip()  # how the list so far ends (its last line is never blank)
    for j in range(i + 1, len(lines)):
        line = lines[j]
        text = line.text.strip()
        if not text:
            continue
        if seen_archive and not lower_first.match(text) and not prev.endswith(":"):
            break
        is_entry = text.startswith(DASHES) or lower_first.match(text)
        if not is_entry and prev.endswith(":"):
            is_entry = True  # "- Lưu:\nVT, Vụ TCCB."
        if not is_entry:
            sig = patterns("header")["signature"]
            if (prev.endswith((";", ".")) or sig["authority"].match(text) or sig["position"].fullmatch(text)
                    or sig["name_line"].match(text)):
                break
        if archive.match(text):
            seen_archive = True
        end = line.end
        prev = line.text.rstrip()
    return end


def _find_stamps(layout: Layout, p: dict) -> None:
    """An incoming-document stamp, looked for in the first and last lines where stamps are put."""
    text = layout.text
    for lo, hi in ((0, HEADER_WINDOW), (max(HEADER_WINDOW, len(text) - STAMP_WINDOW), len(text))):
        m = p["stamp"].search(text, lo, hi)
        if m:
            line = layout.lines[layout.line_at(m.start())]
            layout.put(StampBlock("stamp", m.start(), m.end(), m.group(), org=text[line.start:m.start()],
                                  number=m["number"], date=m["date"]))
            return


# Scans led by line breaks. ``regex`` tries a pattern that starts with ``^`` or holds no literal to
# lead it at every position of the text; a scan for a literal character (the line break) is many
# times faster. A grammar pattern whose every match starts a line, or ends one, is looked for from
# the breaks; the matches are the pattern's own, and the same.

def _alternatives(pattern: str) -> list[str] | None:
    """The top-level alternatives of a pattern, or None when a set within a set (V1) makes the
    reading unsure."""
    parts, depth, start, i, in_set = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_set:
            if c == "[":
                return None
            in_set = c != "]"
        elif c == "[":
            in_set = True
            i += 2 if pattern[i + 1:i + 2] == "^" else 1  # a "]" first in a set is one of its characters
            i += 1 if pattern[i:i + 1] == "]" else 0
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return parts + [pattern[start:]]


_MULTILINE = "(?m)"


@cache
def _led_by_break(pattern: regex.Pattern[str]) -> regex.Pattern[str] | None:
    """``\\n`` and the pattern, when every match of it starts a line (``(?m)^`` opens each of its
    alternatives); else None."""
    if not pattern.pattern.startswith(_MULTILINE):
        return None
    body = pattern.pattern[len(_MULTILINE):]
    alternatives = _alternatives(body)
    if not alternatives or not all(a.startswith("^") for a in alternatives):
        return None
    return compile_pattern(rf"\n(?:{body})", pattern.flags)


def _line_matches(pattern: regex.Pattern[str], text: str, pos: int, endpos: int) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, pos, endpos)`` for a pattern whose matches start lines, found from
    the break before each line (the first line checked by itself)."""
    led = _led_by_break(pattern)
    if led is None:
        yield from pattern.finditer(text, pos, endpos)
        return
    if pos == 0 or text[pos - 1] == "\n":
        m = pattern.match(text, pos, endpos)
        if m:
            yield m
            pos = m.end()
    for m in led.finditer(text, pos, endpos):
        yield pattern.match(text, m.start() + 1, endpos)


@cache
def _ended_by_break(pattern: regex.Pattern[str]) -> regex.Pattern[str] | None:
    """A line break that ends a line holding a match, when every match ends its line (``$`` closes
    each alternative of a ``(?m)`` pattern); else None."""
    if not pattern.pattern.startswith(_MULTILINE):
        return None
    body = pattern.pattern[len(_MULTILINE):]
    alternatives = _alternatives(body)
    if not alternatives or not all(a.endswith("$") and not a.endswith("\\$") for a in alternatives):
        return None
    return compile_pattern(rf"\n(?<=(?:{body})\n)", pattern.flags)


def _line_end_matches(pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches each lie in a line and end it (the
    rules under a header): a line's match is looked for only when the break after it ends one."""
    led = _ended_by_break(pattern)
    if led is None:
        yield from pattern.finditer(text)
        return
    for m in led.finditer(text):
        yield pattern.search(text, text.rfind("\n", 0, m.start()) + 1, m.start())
    last = pattern.search(text, text.rfind("\n") + 1)
    if last:
        yield last


@cache
def _led_by_chars(pattern: regex.Pattern[str], leads: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    """The pattern behind a look-ahead for each of the characters its matches start with: ``regex``
    scans from one literal character fast, from a set of them (the pattern's own start) slowly."""
    return tuple(compile_pattern(rf"(?={regex.escape(c)})(?:{pattern.pattern})", pattern.flags) for c in leads)


def _lead_matches(pattern: regex.Pattern[str], leads: tuple[str, ...], text: str,
                  pos: int) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, pos)`` for a pattern that never matches empty and whose every match
    starts with one of ``leads``: the leftmost match from the cursor is the first of each lead's
    next match (one scan per lead, kept while it lies ahead of the cursor)."""
    scans = _led_by_chars(pattern, leads)
    ahead: list[regex.Match[str] | None] = [None] * len(scans)
    live = list(range(len(scans)))
    while live:
        for k in list(live):
            m = ahead[k]
            if m is None or m.start() < pos:
                m = ahead[k] = scans[k].search(text, pos)
                if m is None:
                    live.remove(k)  # (none from here on: none from further on)
        if not live:
            return
        m = min((ahead[k] for k in live), key=lambda found: found.start())
        yield m
        pos = m.end()
