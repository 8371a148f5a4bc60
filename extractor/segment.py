"""Split a normalized document into the blocks Nghị định 30/2020/NĐ-CP lays out.

Header (issuer block, quốc hiệu and tiêu ngữ, số/ký hiệu, place and date, urgency and secrecy
marks, type and trích yếu), recipients (``Kính gửi``, or a công điện's ``… điện:`` list), body,
``Nơi nhận``, signature and stamps. Each block is a span of the normalized text, so every field
read from it keeps its position.

Real documents break the layout often: the two header columns may come in either order, be
flattened onto one line, or lose the issuer block; the signature may stand before or after
``Nơi nhận``, or before an annex. The segmenter locates blocks by their own markers, not by order.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from .grammar import doc_types, patterns, rx
from .normalize import strip_marks

HEADER_WINDOW = 4000  # characters from the top where header blocks are looked for
_UPPER_LINE = regex.compile(r"^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$")
# a signer's name as printed, with a military or police rank in front if any
_NAME_LINE = regex.compile(r"^(?:(?:Đại|Thượng|Trung|Thiếu)[ ](?:tướng|tá|úy)[ ])?(?:\p{Lu}[\p{Ll}]*\.?[ ]?){1,6}$")
# one- or two-character specks OCR leaves at either end of a signature line (never a capitalised word)
_SPECKS = regex.compile(r"^(?:[^\p{Lu}\s\-–+]\S?\s+)+|(?:\s+[^\p{Lu}\s]\S?)+$")
_UPPER_HEAD = regex.compile(r"^[^\p{Ll}\n]+(?=\s+\S*\p{Ll})")
_FUZZY_HINTS = {"national_title": regex.compile(r"(?i)nghĩa|nghia|xã\s+h|cộng\s*h"),
                "motto": regex.compile(r"(?i)phúc|phuc|độc|lập|tự\s+do")}
_CLOSING = regex.compile(r"\.\s*/\s*\.")


class Line(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Block:
    kind: str
    start: int
    end: int
    text: str
    groups: dict[str, str | None] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Layout:
    text: str
    lines: Lines
    blocks: dict[str, Block] = field(default_factory=dict)

    def get(self, kind: str) -> Block | None:
        return self.blocks.get(kind)

    def add(self, kind: str, start: int, end: int, **kw) -> Block:
        block = Block(kind, start, end, self.text[start:end], **kw)
        self.blocks[kind] = block
        return block

    def line_at(self, offset: int) -> int:
        """Index of the line that holds ``offset``."""
        return max(bisect.bisect_right(self.lines.starts, offset) - 1, 0)


class Lines(Sequence):
    """The lines of a text, made into ``Line`` objects only when looked at: most of a long
    document's lines are never visited by the segmenter."""

    def __init__(self, text: str):
        self.parts = text.split("\n")
        self.starts = list(itertools.accumulate(map(operator.add, map(len, self.parts), itertools.repeat(1)),
                                                initial=0))

    def __len__(self) -> int:
        return len(self.parts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.parts)))]
        part = self.parts[i]
        start = self.starts[i if i >= 0 else len(self.parts) + i]
        return Line(start, start + len(part), part)


def split_lines(text: str) -> Lines:
    return Lines(text)


def is_upper_line(text: str) -> bool:
    return bool(_UPPER_LINE.match(text.strip()))


def segment(text: str, header_only: bool = False) -> Layout:
    """Blocks of a normalized document; ``header_only`` stops after the header and recipients."""
    layout = Layout(text, split_lines(text))
    p = patterns("header")["blocks"]
    window = text[:HEADER_WINDOW]

    masks = _header_masks(window, p)
    number = _find_number(layout, p)
    date = _find_date(window, p)
    if date:
        layout.blocks["date"] = date
    _find_marks(layout, window, p)

    # the top of the header ends with the last of quốc hiệu, tiêu ngữ, number and date (and a
    # rule drawn right under them); rules further down belong to the body
    marks = [m for m in masks if not p["separator"].fullmatch(window, m[0], m[1])]
    top_end = max([m[1] for m in marks] + [b.end for b in (number, layout.get("date")) if b] + [0])
    for s_, e_ in masks:
        if top_end <= s_ <= top_end + 120 and p["separator"].fullmatch(window, s_, e_):
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
        hint = _FUZZY_HINTS.get(key)
        seen = hint.search(window, 0, 1200) if hint and m is None and f"{key}_fuzzy" in p else None
        if seen:  # OCR noise: fuzzy matching is slow, so only around a piece of the phrase
            lo, hi = max(0, seen.start() - 60), min(len(window), seen.end() + 60)
            m = p[f"{key}_fuzzy"].search(window, lo, hi)
        if m:
            spans.append(m.span())
    spans.extend(m.span() for m in p["separator"].finditer(window))
    return sorted(spans)


def _find_number(layout: Layout, p: dict) -> Block | None:
    for m in p["number_line"].finditer(layout.text, 0, HEADER_WINDOW):
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
        elif not rx(r"[/\d]").search(rest[:40]):
            continue  # "Số liệu …" or prose
        if "/" not in layout.text[start:end] and not rx(r"\d").search(layout.text[start:end]):
            return layout.add("number", m.start(), m.end(), groups={"rest": ""}, spans={"rest": (start, start)})
        return layout.add("number", m.start(), end, groups={"rest": layout.text[start:end]},
                          spans={"rest": (start, end)})
    return None


def _find_date(window: str, p: dict) -> Block | None:
    """The first date preceded by a place (``Hà Nội, ngày …``): the header's place and date."""
    found = []
    for key in ("date_line", "date_line_numeric"):
        for m in p[key].finditer(window):
            before = window[max(0, m.start() - 80):m.start()]
            place = p["place"].search(before) or p["place_bare"].search(before)
            if place:
                found.append((m.start(), m, place, m.start() - len(before)))
                break
    if not found:
        return None
    _, m, place, base = min(found, key=lambda f: f[0])
    groups = {**m.groupdict(), "place": place["place"]}
    spans = {k: m.span(k) for k in m.groupdict() if m.start(k) >= 0}
    return Block("date", base + place.start("place"), m.end(), window[base + place.start("place"):m.end()],
                 groups=groups, spans=spans)


def _find_marks(layout: Layout, window: str, p: dict) -> None:
    for key, word in (("urgency", ("KHẨN", "TỐC")), ("secrecy", ("MẬT",))):
        if not any(w in window for w in word):
            continue
        m = p[key].search(window)
        if m:
            layout.add(key, m.start("mark"), m.end("mark"))


def _find_issuer(layout: Layout, masks: list[tuple[int, int]], number: Block | None) -> None:
    """The issuer block: upper-case lines above the number line, minus quốc hiệu and tiêu ngữ."""
    limit = min([b.start for b in (number, layout.get("date")) if b] or [HEADER_WINDOW])
    pieces: list[tuple[int, int]] = []
    for line in layout.lines:
        if line.start >= limit:
            break
        for start, end in _minus(line.start, min(line.end, limit), masks):
            chunk = layout.text[start:end]
            if chunk.strip() and not is_upper_line(chunk):
                # an upper-case line with lower-case OCR junk joined to it: keep its capitals
                # (not an incoming-document stamp: "CV ĐẾN Số: 512 …")
                head = None if patterns("header")["blocks"]["stamp"].search(chunk) else _UPPER_HEAD.match(chunk)
                chunk = head.group() if head and len(head.group().split()) >= 2 else ""
            if chunk.strip() and is_upper_line(chunk) and not _is_mark(chunk):
                lead = len(chunk) - len(chunk.lstrip())
                pieces.append((start + lead, start + len(chunk.rstrip())))
    if not pieces:
        return
    # the block's text is its upper-case pieces, one per line (quốc hiệu and rules left out)
    block = layout.add("issuer", pieces[0][0], pieces[-1][1])
    block.text = "\n".join(layout.text[s:e] for s, e in pieces)


def _is_mark(chunk: str) -> bool:
    p = patterns("header")["blocks"]
    return bool(p["urgency"].fullmatch(chunk.strip()) or p["secrecy"].fullmatch(chunk.strip()))


def _minus(start: int, end: int, masks: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
    number = layout.get("number")
    first = layout.line_at(number.start) if number else layout.line_at(top_end)
    # V/v trích yếu of a công văn: near the number line
    for i in range(first, min(first + 12, len(lines))):
        m = p["subject_prefix"].match(lines[i].text)
        prev = next((lines[j].text.strip() for j in range(i - 1, max(first, i - 3) - 1, -1) if not lines[j].blank), "")
        if m and _title_type(prev)[0]:
            break  # "QUYẾT ĐỊNH / Về việc …": the title's subject, found with the title below
        if m and lines[i].start < HEADER_WINDOW:
            end_line = _continue_subject(layout, i, p, upper=False)
            start = lines[i].start + m.end()
            layout.add("subject", start, lines[end_line].end)
            layout.blocks["subject"].groups = {"vv": "1"}
            body_start = max(body_start, lines[end_line].end)
            break
    # title line: a document type name alone on its line, after the top of the header
    start_line = layout.line_at(top_end) + (1 if top_end else 0)
    for i in range(max(first, 0), min(start_line + 14, len(lines))):
        line = lines[i]
        if line.start < (number.end if number else 0):
            continue
        stripped = line.text.strip()
        if not stripped or not is_upper_line(stripped):
            continue
        dt, title_len = _title_type(stripped)
        if dt is None:
            continue
        layout.add("title", line.start + line.text.index(stripped), line.start + line.text.index(stripped) + title_len)
        layout.blocks["title"].groups = {"name": dt}
        rest_start = layout.blocks["title"].end
        rest = layout.text[rest_start:line.end]
        if rest.strip():
            sub_first = i
            upper = True
        else:
            sub_first = _next_nonblank(lines, i + 1)
            if sub_first is None:
                return line.end
            rest_start = lines[sub_first].start
            upper = is_upper_line(lines[sub_first].text)
        first_text = lines[sub_first].text
        starts_body = p["not_subject"].match(first_text) or p["telegram_open"].match(first_text)
        if "subject" not in layout.blocks and not starts_body \
                and (upper or (len(first_text) < 250 and not first_text.rstrip().endswith(":"))):
            end_line = _continue_subject(layout, sub_first, p, upper=upper)
            layout.add("subject", rest_start, lines[end_line].end)
            return max(body_start, lines[end_line].end + 1)
        return max(body_start, line.end + 1)
    return body_start


def _title_type(line: str) -> tuple[str | None, int]:
    for dt in doc_types():
        for title in dt.titles:
            if line.startswith(title) and (len(line) == len(title) or not line[len(title)].isalpha()):
                return dt.name, len(title) if title == dt.name.upper() else len(dt.name)
    # OCR loses tone marks on bold capitals ("QUYÉT ĐỊNH", "THONG BAO"): compare without them
    bare = strip_marks(line)
    for dt in doc_types():
        title = strip_marks(dt.name.upper())
        if len(title) >= 6 and bare.startswith(title) and (len(bare) == len(title) or not bare[len(title)].isalpha()):
            return dt.name, len(dt.name)
    return None, 0


def _next_nonblank(lines: list[Line], i: int, limit: int = 6) -> int | None:
    for j in range(i, min(i + limit, len(lines))):
        if not lines[j].blank:
            return j
    return None


def _continue_subject(layout: Layout, i: int, p: dict, upper: bool) -> int:
    """Last line of a trích yếu starting on line ``i``."""
    lines = layout.lines
    last = i
    j = i + 1
    while j < len(lines) and j < i + 12:
        line = lines[j]
        if line.blank:
            nxt = _next_nonblank(lines, j)
            # a trích yếu split by blank lines continues only with a lower-case word
            if nxt is None or upper or not rx(r"^\s*\p{Ll}").match(lines[nxt].text):
                break
            j = nxt
            continue
        text = line.text
        if (p["date_line"].search(text) or p["recipients_open"].match(text) or p["body_open"].match(text)
                or p["telegram_open"].match(text)
                or p["separator"].match(text) or p["number_line"].match(text)):
            break
        if upper and not is_upper_line(text):
            break
        if _is_authority_line(text) and is_upper_line(text):
            break  # "ỦY BAN NHÂN DÂN TỈNH …" / "CHỦ TỊCH …" between the title and "Căn cứ"
        if not upper and not rx(r"^\s*\p{Ll}").match(text) and rx(r"[.;:]\s*$").search(lines[last].text):
            break
        last = j
        j += 1
    return last


_AUTHORITY_LINE = regex.compile(
    r"^\s*(?:(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|CHÁNH)\s|"
    r"(?:ỦY\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|CHÍNH\s+PHỦ|BAN\s+THƯỜNG\s+TRỰC|BAN\s+CHẤP\s+HÀNH)\b)")


def _is_authority_line(text: str) -> bool:
    """``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`` between a title and ``Căn cứ``: not part of the title."""
    return bool(_AUTHORITY_LINE.match(text))


def _find_recipients(layout: Layout, body_start: int, p: dict) -> int:
    """The ``Kính gửi`` list (or a công điện's ``… điện:`` list); return where the body starts."""
    search_end = min(len(layout.text), body_start + 3000)
    m = p["recipients_open"].search(layout.text, 0, search_end)
    if m is None and layout.get("title") and layout.blocks["title"].groups.get("name") == "Công điện":
        m = p["telegram_open"].search(layout.text, layout.blocks["title"].start, search_end)
    if m is None:
        return body_start
    lines = layout.lines
    i = layout.line_at(m.end())
    first_inline = layout.text[m.end():lines[i].end].strip()
    end = lines[i].end
    last_text = first_inline
    j = i + 1
    if first_inline and rx(r"\.\s*$").search(first_inline) and not first_inline.startswith("-"):
        layout.add("recipients", m.end(), end)
        return max(body_start, end)
    seen_entry = bool(first_inline)
    dashed = first_inline.startswith(("-", "–", "+", "•"))
    while j < len(lines):
        text = lines[j].text.strip()
        if not text:
            if seen_entry:
                nxt = _next_nonblank(lines, j, 3)
                if nxt is None or not (dashed and lines[nxt].text.strip().startswith(("-", "–", "+"))):
                    break
            j += 1
            continue
        starts_dash = text.startswith(("-", "–", "+", "•"))
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
    for m in p["distribution_open"].finditer(layout.text, body_start):
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
    sig = layout.get("signature")
    if sig and sig.start > body_start:
        ends.append(sig.start)
    return min(ends)


def _find_annex(layout: Layout, p: dict) -> None:
    """The annexes after the signature and Nơi nhận (``PHỤ LỤC`` on a line of its own), to the end."""
    after = max((b.end for b in (layout.get("signature"), layout.get("distribution")) if b), default=None)
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
    in the last lines of the document.
    """
    lines = layout.lines
    regions: list[tuple[int, int]] = []
    if dist_end is not None:
        i = layout.line_at(dist_end) + 1
        regions.append((i, min(i + 25, len(lines))))
    if noi_start is not None:
        i = layout.line_at(noi_start)
        regions.append((max(layout.line_at(body_start), i - 14), i))
    closings = list(_CLOSING.finditer(layout.text, body_start))
    for closing in closings[:1] + closings[-1:]:  # the main text's end; an annex may close later
        i = layout.line_at(closing.end()) + 1
        regions.append((i, min(i + 25, len(lines))))
    regions.append((max(layout.line_at(body_start), len(lines) - 30), len(lines)))
    for lo, hi in regions:
        found = _scan_signature(layout, lo, hi)
        if found:
            start, end, caps, name, name_span = found
            block = layout.add("signature", start, end)
            block.groups = {"caps": caps, "name": name}
            if name_span:
                block.spans["name"] = name_span
            return


def _scan_signature(layout: Layout, lo: int, hi: int):
    sig = patterns("header")["signature"]
    lines = layout.lines
    for k in range(lo, hi):
        text = lines[k].text.strip()
        if not text or not is_upper_line(text.split("  ")[0]) or text.startswith(("-", "+", "–")):
            continue  # (a dash line is a Nơi nhận entry)
        # an authority or title line, or any short upper-case line that a name follows
        strong = sig["authority"].match(text) or sig["position"].match(text)
        if not strong and len(text.split()) > 10:
            continue
        found = _read_signature(layout, k, hi)
        if found and (strong or found[3]):
            return found
    return None


def _read_signature(layout: Layout, k: int, hi: int):
    sig = patterns("header")["signature"]
    lines = layout.lines
    caps: list[str] = []
    name_parts: list[str] = []
    name_span = None
    end = lines[k].end
    j = k
    while j < min(hi + 8, len(lines)):
        raw = lines[j].text
        text = _SPECKS.sub("", raw.strip()) if caps else raw.strip()  # OCR specks: "ư PHÓ CHÁNH VĂN PHÒNG"
        if not text or sig["noise"].match(text):
            j += 1
            continue
        if not name_parts and is_upper_line(text) and (not caps or len(text.split()) <= 12) \
                and not text.startswith(("-", "+", "–")) \
                and not rx(r"^\p{Lu}[\p{Ll}]+(?:\s+\p{Lu}[\p{Ll}]+){1,4}$").match(text):  # else a name after all
            caps.append(text)
            end = lines[j].end
            j += 1
            continue
        flat = rx(r"^(?P<caps>[^\p{Ll}]+?)\s{2,}(?P<name>\p{Lu}[\p{Ll}]*(?:\s+\p{Lu}[\p{Ll}]*){1,5})$").match(text)
        if flat is None:  # one space only, but the upper-case part is a title: "CHỦ TỊCH Huỳnh Tấn Việt"
            flat = rx(r"^(?P<caps>[^\p{Ll}]+?)\s(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5})$").match(text)
            if flat and not sig["position"].fullmatch(flat["caps"].strip().split(".")[-1].strip()):
                flat = None
        if not name_parts and flat and is_upper_line(flat["caps"]):
            caps.append(flat["caps"].strip())
            name_parts.append(flat["name"])
            off = lines[j].start + raw.index(flat["name"])
            name_span = (off, off + len(flat["name"]))
            end = lines[j].end
            break
        if _NAME_LINE.match(text) and caps and len(" ".join(name_parts + [text]).split()) <= 6:
            off = lines[j].start + raw.index(text)
            name_span = (name_span[0] if name_span else off, off + len(text))
            name_parts.append(text)
            end = lines[j].end
            if len(" ".join(name_parts).split()) >= 2:
                nxt = _next_nonblank(lines, j + 1, 2)
                if nxt is None or not _NAME_LINE.match(lines[nxt].text.strip()) or len(lines[nxt].text.split()) > 1:
                    break
            j += 1
            continue
        break
    if not caps:
        return None
    if not name_parts:
        # OCR may put the rest of the Nơi nhận column between the title and the name: look further
        for jj in range(j, min(j + 20, len(lines))):
            text = lines[jj].text.strip().strip("[]{}()|`'\"“”‘’:;,.")  # OCR specks around the name
            if _NAME_LINE.match(text) and 2 <= len(text.split()) <= 5 and not text.startswith(("-", "+")):
                off = lines[jj].start + lines[jj].text.index(text)
                return lines[k].start, end, "\n".join(caps), text, (off, off + len(text))
    return lines[k].start, end, "\n".join(caps), " ".join(name_parts) or None, name_span


def _distribution_end(layout: Layout, start: int) -> int:
    lines = layout.lines
    i = layout.line_at(start)
    end = lines[i].end
    archive = patterns("header")["blocks"]["archive_item"]
    j = i + 1
    seen_archive = bool(archive.match(layout.text[start:lines[i].end]))
    while j < len(lines):
        text = lines[j].text.strip()
        if not text:
            j += 1
            continue
        prev = layout.text[lines[i].start:end].rstrip()
        if seen_archive and not rx(r"^\p{Ll}").match(text) and not prev.endswith(":"):
            break
        is_entry = text.startswith(("-", "–", "+", "•")) or rx(r"^\p{Ll}").match(text)
        if not is_entry and prev.endswith(":"):
            is_entry = True  # "- Lưu:\nVT, Vụ TCCB."
        if not is_entry:
            sig = patterns("header")["signature"]
            if (prev.endswith((";", ".")) or sig["authority"].match(text) or sig["position"].fullmatch(text)
                    or _NAME_LINE.match(text)):
                break
        if archive.match(text):
            seen_archive = True
        end = lines[j].end
        j += 1
    return end


def _find_stamps(layout: Layout, p: dict) -> None:
    """An incoming-document stamp, looked for in the first and last lines where stamps are put."""
    text = layout.text
    for lo, hi in ((0, HEADER_WINDOW), (max(HEADER_WINDOW, len(text) - 3000), len(text))):
        m = p["stamp"].search(text, lo, hi)
        if m:
            line = layout.lines[layout.line_at(m.start())]
            groups = {**m.groupdict(), "org": text[line.start:m.start()]}
            layout.add("stamp", m.start(), m.end(), groups=groups)
            return
