"""Tasks: the numbered items of the body, with their lead and cooperating agencies.

Item schemes handled, from the highest level down: ``I.``, ``II.`` (roman); ``Điều 2.`` (articles of
a quyết định); ``1.``, ``1.1.``, ``1.1.2`` (arabic, the dotted id gives the parent); ``(1)``;
``a)`` … ``đ)``, ``g)`` (the Vietnamese alphabet has no f, j, w, z); ``(i)``, ``(ii)``. Ids are
paths: ``1``, ``1.a``, ``I.2``, ``Điều 2.1.a``. ``-`` and ``+`` bullets stay in their parent.

Roles: ``Giao Sở X``, ``Đề nghị Sở X``, ``Sở X chủ trì``, ``Sở X: …``, ``Bộ Công an chỉ đạo …`` at the
start of an item lead it, as printed with a role before each body (``Bộ trưởng các Bộ: …; Chủ tịch
UBND các tỉnh …``); so do a subject after an opening clause (``Để …, các sở, ban, ngành … triển
khai``) or a topic (``Về …: UBND tỉnh … tiếp tục``), a heading of bodies or of a kind of body over
its bullets, and a collective or a kind no list holds (``Các doanh nghiệp thủy điện vận hành …``).
Later sentences add shares (``… . Bộ X chịu trách nhiệm …``). ``phối hợp với …`` cooperate. An item
naming no lead takes its nearest ancestor's, and a top-level item the agency the preamble addresses
(``đề nghị Sở Y tế … thực hiện các nội dung sau:``).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import NamedTuple

import regex

from ..grammar import patterns, rx, settings, word_list
from ..ner import Agency, find_agencies
from ..normalize import clean_value
from ..regex_cache import compile_pattern

_RANK = {"roman": 0, "article": 1, "arabic": 2, "paren_number": 5, "letter": 6, "paren_roman": 7}


@dataclass(eq=False, slots=True)
class Item:
    id: str
    scheme: str
    level: int
    start: int  # of the item's line, in the normalized text
    text_start: int  # after the marker
    end: int = 0
    parent: Item | None = None
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    field_of_parent: bool = False  # "b) Cơ quan thực hiện: …" describes its parent task
    aims: bool = False  # in a section stating aims ("MỤC ĐÍCH, YÊU CẦU"): no lead
    shares_only: bool = False  # its leads stand in later sentences only: the inherited lead opens it
    children: list[Item] = field(default_factory=list)


class _Facts(NamedTuple):
    """What an item's text holds, found once for all its readings: each rules readings out before
    their patterns are tried. ``asks``: it holds an assignment word (``ask_words``; without one no
    ``_assignments`` in it finds any); ``reach``: where its last body starts (-1: none; no run of
    bodies starts after it); ``lines``: a line break stands before its last non-blank character
    (without one it has no bullet or paragraph after a break)."""

    asks: bool
    reach: int
    lines: bool


class Marks(NamedTuple):
    """Where the assignment words (``ask_words``) and the breaks before a later sentence
    (``_NEXT_SENTENCE``) of a body stand, as (start, end) in order, each found by one scan of the
    whole body: a scan of each item's text cost more than the rest of its reading. Neither pattern
    looks around what it matches but for the capital after a break, and no two of its matches overlap,
    so a text's own matches are the body's that lie inside it (a break's capital too)."""

    asks: list[tuple[int, int]]
    breaks: list[tuple[int, int]]


def body_marks(text: str, start: int, end: int) -> Marks:
    """The ``Marks`` of the body ``text[start:end]``: one scan per alternative of each pattern,
    each led by a literal (fast; a scan for the alternation tries each at every character)."""
    return Marks(sorted(m.span() for part in _ask_words()[1] for m in part.finditer(text, start, end)),
                 sorted(m.span() for part in _NEXT_SENTENCE_PARTS for m in part.finditer(text, start, end)))


@cache
def _ask_words() -> tuple[regex.Pattern[str], tuple[regex.Pattern[str], ...]]:
    """The assignment words' cheap test (``[lists]``, ``ask_words``) and each of its alternatives."""
    parts = settings("body")["lists"]["ask_words"]
    return compile_pattern("|".join(parts), regex.V1), tuple(compile_pattern(p, regex.V1) for p in parts)


def _p(name: str) -> regex.Pattern[str]:
    """A pattern of the lists and separators of the body (``grammars/body.toml``, ``[lists]``)."""
    return patterns("body")["lists"][name]


@cache
def _words() -> dict:
    """Words of the body that code tests for (``grammars/body.toml``, ``[words]``)."""
    return settings("body")["words"]


def find_items(text: str, start: int, end: int) -> list[Item]:
    """Numbered items between ``start`` and ``end`` of the normalized text, in order, with parents."""
    p = patterns("body")["items"]
    article = _words()["article"]
    items: list[Item] = []
    stack: list[Item] = []
    for line_start, line in _marker_lines(text, start, end):  # only lines that can open an item
        first = line.lstrip()[:1]
        schemes = (("arabic",) if first.isdigit() else ("paren_number", "paren_roman") if first == "(" else
                   ("article",) if first == article[0] else ("roman",) if first in "IVX" else ("letter",))
        for scheme in schemes:
            m = p[scheme].match(line)
            if not m:
                continue
            raw_id = m["id"]
            # a number with no "." or ")" of a marker: an item only when a capital follows ("1 Giao …")
            bare = scheme == "arabic" and line[m.end("id"):m.end("id") + 1] not in (".", ")")
            if bare and line[m.end():m.end() + 1].islower():
                break  # "- Ban bầu cử …:\n01 cá nhân/01 ban;" is a figure
            if scheme == "arabic" and _wrapped_number(text, line_start, raw_id, stack, bare):
                break  # "… tỷ lệ người từ\n15 tuổi trở lên …": a line wrapped before a figure, not item 15
            if scheme == "letter" and stack and stack[-1].scheme == "letter" and not _next_letter(stack[-1], raw_id):
                if raw_id in "iv" and stack[-1].id[-1] not in "hi":
                    continue  # "i)" or "v)" out of the a, b, c… order: a roman sub-point, not a letter
            level = _RANK[scheme] + (raw_id.count(".") if scheme == "arabic" else 0)
            deep = stack and stack[-1].level > _RANK["arabic"] and stack[-1].scheme != "paren_number"
            if scheme == "paren_number" and deep:
                continue  # "(1) …" deep inside a sub-item lists details of that sub-item, not tasks
            while stack and stack[-1].level >= level:
                stack.pop()
            parent = stack[-1] if stack else None
            if scheme == "arabic" and "." in raw_id:
                # 1.2 is a child of 1: find that ancestor, keep the path above it
                head = raw_id.rsplit(".", 1)[0]
                anc = next((s for s in reversed(stack) if s.scheme == "arabic" and s.id.endswith(head)), None)
                parent = anc or parent
                local = raw_id.rsplit(".", 1)[1]
            else:
                local = raw_id
            if scheme == "article":
                item_id = f"{article} {raw_id}"
            elif parent is None:
                item_id = local if scheme != "arabic" else raw_id
            else:
                item_id = f"{parent.id}.{local}"
            item = Item(item_id, scheme, level, line_start, line_start + m.end(), parent=parent)
            if parent is not None:
                parent.children.append(item)
            items.append(item)
            stack.append(item)
            break
    if not items or items[-1].scheme != "article":
        # (a decision's last article holds its own closing paragraph: "Điều 3. Hiệu lực và trách nhiệm
        # thi hành\nQuyết định này có hiệu lực …\nChánh Văn phòng …, Giám đốc … chịu trách nhiệm thi hành")
        end = _closing_start(text, items[-1].text_start if items else start, end, p["closing"])
    # each item ends where the next item of its level or higher starts (one pass from the last item)
    later: list[Item] = []  # items after the current one that no item between them and it outranks
    for item in reversed(items):
        while later and later[-1].level > item.level:
            later.pop()
        item.end = min(later[-1].start, end) if later else end
        later.append(item)
    for item in items:
        if item.scheme == "paren_number" and item.parent and item is item.parent.children[-1]:
            # "(1) …, (2) …, (3) ….\nỦy ban nhân dân các tỉnh … gửi Báo cáo …": the paragraph after a
            # list of points goes back to the item that lists them
            close = _PARAGRAPH_AFTER_SENTENCE.search(text, item.text_start, item.end)
            if close:
                item.end = close.start() + 1
    return items


def _wrapped_number(text: str, line_start: int, raw_id: str, stack: list[Item], bare: bool) -> bool:
    """A number opening a line is a wrapped sentence's figure, not an item, when the line before
    runs on (no closing punctuation, no blank line) and the number is not the next in its list, or
    has no "." or ")" of a marker ("… mỗi ban\n01 cá nhân")."""
    if "." in raw_id or line_start < 2:
        return False
    before = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1].rstrip()
    if not before or before[-1] in _SENTENCE_CLOSERS:
        return False
    if bare:
        return True
    siblings = [s for s in stack if s.scheme == "arabic" and "." not in s.id.rsplit(".", 1)[-1]]
    last = siblings[-1].id.rsplit(".", 1)[-1] if siblings else "0"
    return not (last.isdigit() and int(raw_id) in (int(last) + 1, 1))


def _closing_start(text: str, after: int, end: int, closing: regex.Pattern[str]) -> int:
    """Where the body's closing paragraph starts, or ``end``: one of its last three lines, or the
    first line of a paragraph (after a blank line) among its last eight, a closing wrapped on five
    lines ("Ủy ban nhân dân tỉnh giao Giám\nđốc các sở, … triển khai thực hiện …")."""
    found, stop = 0, end
    while found < _CLOSING_LINES and stop > after:  # the last lines that are not blank, from the end
        nl = text.rfind("\n", after, stop)
        line_start = nl + 1 if nl >= 0 else after
        line = text[line_start:stop]
        if line.strip():
            found += 1
            opens = found <= 3 or text[max(after, line_start - 2):line_start].count("\n") == 2
            if opens and line_start > after and closing.match(line):
                return line_start
        stop = nl if nl >= 0 else after
    return end


def _next_letter(prev: Item, raw: str) -> bool:
    last = prev.id.rsplit(".", 1)[-1]
    letters = _words()["item_letters"]
    return last in letters and raw in letters and letters.index(raw) == letters.index(last) + 1


def own_text(text: str, item: Item, items: list[Item]) -> tuple[int, int]:
    """The span of an item's own text: up to its first child."""
    return item.text_start, item.children[0].start if item.children else item.end


def assign_roles(text: str, item: Item, items: list[Item], body_agencies: list[Agency],
                 marks: Marks | None = None) -> None:
    """Lead and cooperating agencies named by the item itself (or by its field sub-items).

    ``body_agencies`` are the agencies of the whole body, recognised once; ``marks``, its marks
    (None: the item's text is searched)."""
    r = patterns("body")["roles"]
    w = _words()
    start, end = own_text(text, item, items)
    chunk = text[start:end]
    if item.parent and w["field_cheap_test"] in chunk and r["field_item"].match(chunk):
        item.field_of_parent = True
        return
    agencies = _within(body_agencies, start, end, 0)
    for child in item.children:
        if r["field_item"].match(text, child.text_start):
            cs, ce = own_text(text, child, items)
            agencies += _within(body_agencies, cs, ce, len(chunk) + 1)
            chunk += "\n" + text[cs:ce]
            marks = None  # (the text read is no longer one span of the body)
    if marks is None:
        asks = _ask_words()[0].search(chunk) is not None
    else:
        i = bisect.bisect_left(marks.asks, (start,))
        asks = i < len(marks.asks) and marks.asks[i][1] <= end
    facts = _Facts(asks, max(a.start for a in agencies) if agencies else -1, "\n" in chunk.rstrip(" \t\n"))
    labelled = ":" in chunk and any(map(chunk.__contains__, w["label_cheap_test"]))  # before the regexes
    labelled_lead = _labelled(chunk, agencies, r["lead_label"]) if labelled else []
    labelled_coop = _labelled(chunk, agencies, r["coop_label"], split=True) if labelled else []
    coop_spans: list[tuple[int, int]] = []
    next_stop = _FirstMatch(r["coop_stop"], chunk)
    opens = list(r["cooperate"].finditer(chunk)) if w["cooperate_cheap_test"] in chunk else []
    for m, next_open in zip(opens, [o.start() for o in opens[1:]] + [len(chunk)], strict=False):
        # (from the space that ends the match: a verb right after "phối hợp" names no partner, "phối
        # hợp tham mưu Chủ tịch UBND tỉnh …", nor a noun's phrase after it, "Quy chế phối hợp trong …");
        # a list ends where the next "phối hợp" begins
        stop = next_stop(m.end() - 1)
        while stop and stop.start() < next_open and stop.group() == ";" and _list_goes_on(
                chunk, stop.end(), agencies, r):
            stop = next_stop(stop.end())  # "phối hợp với các Sở …; UBND các xã, phường; …"
        coop_spans.append((m.end(), min(stop.start() if stop else len(chunk), next_open)))
    lead: list[str] = list(labelled_lead)
    coop: list[str] = list(labelled_coop)
    if coop_spans:
        # (not a unit named in a bracket after a partner: "Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính
        # công tỉnh) và UBND các xã" names two partners, the bracket only which unit of the first acts)
        span_starts = [s for s, _ in coop_spans]
        brackets = _Brackets(chunk)
        for a in agencies:
            i = bisect.bisect_right(span_starts, a.start) - 1
            if i >= 0 and a.start < coop_spans[i][1] and brackets.closed(coop_spans[i][0], a.start):
                _add(coop, a.name)
    ends_before = list(itertools.accumulate((a.end for a in agencies), max))  # (the spans of names read so far)
    for s_, e_ in coop_spans:  # pieces of the list that no body name covers
        pieces = _pieces(chunk, s_, e_)
        group_vague = _groups_vague(chunk, pieces, r, tuple(w["plural"]))
        for k, (p_start, p_end) in enumerate(pieces):
            named = bisect.bisect_left(agencies, p_end, key=_START)  # the names that start before the piece ends
            covered = named > 0 and ends_before[named - 1] > p_start
            name = " ".join(chunk[p_start:p_end].split())  # (one space where a line wrapped in it)
            vague = r["partner_vague"].search(name) or group_vague[k + 1]
            if not covered and len(name.split()) <= _PARTNER_WORDS and r["partner_kind"].match(name) and not vague:
                _add(coop, name)
    body_at = _heading_end(chunk)
    headed = False  # the bullets and paragraphs under a heading were read
    first = _skip_space(chunk, 0)
    if not lead and chunk.startswith(_duty_first(), first):
        lead = _duty_heading(chunk, agencies, r)
    if not lead and (item.children or body_at < len(chunk)) and chunk[first:first + 1].isupper():
        lead = _agency_heading(chunk, agencies, body_at)
    if not lead and body_at < len(chunk):
        heading = chunk[:body_at]
        if (not heading.rstrip().endswith((".", ";")) and len(heading.split()) <= _HEADING_WORDS
                and not _run(agencies, first, chunk)):
            # a heading (no sentence: no closing full stop) over bullets or paragraphs that each name who
            # does what: "2. Trách nhiệm thực hiện\n- Các cơ quan, đơn vị …\n- Sở Nội vụ hướng dẫn …"
            lead = _bullet_leads(chunk, body_at, agencies, r, facts)
            headed = True
    if not lead:
        lead = _subject_lead(chunk, 0, agencies, r, facts)
    opened = bool(lead)  # the item's opening names its lead; later sentences only add shares
    if "." in chunk:
        # later sentences may hand a share of the item to another body: "… . Bộ Dân tộc và Tôn
        # giáo chịu trách nhiệm hướng dẫn …", "… . Yêu cầu các Bộ, cơ quan đổi mới …"
        starts = {a.start for a in agencies} if agencies else ()
        read_to = -1  # the end of the last run read: a sentence starting inside it was read with it
        for at in _sentence_starts(chunk, start, end, marks):
            if (joined := r["connective"].match(chunk, at)) is not None:
                at = joined.end()  # "… . Đồng thời, các địa phương chủ động …": the subject after it
            # (a body must open the sentence; a list "A; B; C" is one run, not one per sentence)
            # (or a role before it: "… kể từ ngày ký. Chánh Văn phòng …, Giám đốc Sở X chịu trách nhiệm …")
            opens = at in starts or (chunk[at:at + 1].isupper() and _role_opens(chunk, at, agencies))
            run = _run(agencies, at, chunk) if opens and at >= read_to else None
            if run:
                read_to = run[-1].end
            if run and (r["duty_verb"].match(chunk, run[-1].end) or r["executes"].match(chunk, run[-1].end)
                        or r["duty_with_partner"].match(chunk, run[-1].end)):
                for a in run:
                    _add(lead, a.name)
            elif facts.asks and (ask := r["assign"].match(chunk, at)):
                # "… . Yêu cầu các cấp ủy, cơ quan, đơn vị, địa phương đẩy mạnh …": kinds of bodies, as written
                for name in [a.name for a in _run(agencies, ask.end(), chunk)] or _collective(chunk, ask.end(), r):
                    _add(lead, name)
            elif (_may_open_collective(chunk, at) and (who := r["collective_subject"].match(chunk, at))
                  and (r["duty_verb"].match(chunk, who.end()) or r["duty_with_partner"].match(chunk, who.end()))):
                for name in _collective(chunk, at, r):  # "… . Chính quyền địa phương phải gần dân …"
                    _add(lead, name)
    if not lead and item.parent:
        first_line = chunk[:chunk.find("\n")] if "\n" in chunk else chunk
        # "3. Cán bộ phụ trách lĩnh vực …" heading its duties
        if r["who_heading"].match(first_line) and r["implementation"].search(text, item.parent.text_start,
                                                                             item.parent.text_start + 80):
            lead = [clean_value(first_line)]
    if not lead and not headed and (facts.lines or _BULLET.match(chunk)):
        lead = _bullet_leads(chunk, 0, agencies, r, facts)
    item.lead = [a for a in lead if a not in coop] if coop else lead
    item.cooperating = coop
    item.shares_only = bool(item.lead) and not opened


def _sentence_starts(chunk: str, start: int, end: int, marks: Marks | None) -> list[int]:
    """Where the sentences after the first of ``chunk`` (``text[start:end]``) start."""
    if marks is None:
        return [m.end() for m in _NEXT_SENTENCE.finditer(chunk)]
    breaks = marks.breaks
    out = []
    # (a break ending at the text's end has its capital outside it)
    for i in range(bisect.bisect_left(breaks, (start,)), len(breaks)):
        if breaks[i][1] >= end:
            break
        out.append(breaks[i][1] - start)
    return out


def _heading_end(chunk: str) -> int:
    """Where an item's heading (its first paragraph) ends: at a blank line or a bullet."""
    m = _HEADING_END.search(chunk)
    return len(chunk) if m is None else m.start()


def _bullet_leads(chunk: str, start: int, agencies: list[Agency], r: dict, facts: _Facts) -> list[str]:
    """Leads of a heading item whose bullets each name who does what ("- Sở X chủ trì …", "- Giao
    Sở Y …"), or, when no bullet does, whose paragraphs do ("Ban Thường trực … kiểm tra …")."""
    lead: list[str] = []
    for bullet in _bullets(chunk, facts.lines):
        if bullet.end() >= start:
            for name in _subject_lead(chunk, bullet.end(), agencies, r, facts):
                _add(lead, name)
    if not lead and facts.lines and len(chunk[:chunk.find("\n")].split()) <= _HEADING_WORDS:  # (one line: none)
        for line in _PARAGRAPH.finditer(chunk, start):
            if _wrapped(chunk, line.start()):
                continue  # "… Giám đốc\nSở Nội vụ; …": a line wrapped inside a sentence opens no paragraph
            for name in _subject_lead(chunk, line.start() + 1, agencies, r, facts):
                _add(lead, name)
    return lead


def _wrapped(chunk: str, nl: int) -> bool:
    """The line break at ``nl`` wraps a sentence: the line before it (not the first line, a heading)
    ends without punctuation and is not blank."""
    before = chunk[:nl].rstrip(" \t")
    return bool(before) and before[-1] not in _SENTENCE_CLOSERS and before[-1] != "\n" and "\n" in before


def _agency_heading(chunk: str, agencies: list[Agency], end: int) -> list[str]:
    """An item whose heading (up to ``end``) is only a body's name, its duties below it: ``1. Ban
    Chỉ đạo xoá nhà tạm, nhà dột nát huyện Bình Sơn`` over ``a) …``, ``b) …``. The heading as
    written is the lead (recognition alone may stop at a comma inside the name)."""
    if end > _HEADING_CHARS:
        return []
    kind = _kind_heading(chunk[:end], agencies)
    if kind:
        return [kind]
    leads = []
    pos = 0
    head = chunk[:end]
    if any(map(head.__contains__, _words()["heading_stop_chars"])):
        return []  # (heading_stop finds it in the piece that holds it; a cheap test first)
    roles = patterns("body")["roles"]
    for piece in head.split(";"):  # "Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình …"
        # (each test below alone rules the heading out: the cheap ones first)
        words = piece.split()
        if len(words) > 14:
            return []
        heading = " ".join(words)
        if _p("heading_stop").search(heading):
            return []
        inside = [a for a in agencies if pos <= a.start < pos + len(piece)] if agencies else []
        first = _skip_space(chunk, pos)
        pos += len(piece) + 1
        if not inside and (_unlisted_body().match(heading) or roles["kind_heading"].fullmatch(heading)) \
                and not roles["partner_vague"].search(heading):
            inside = [Agency(heading, first, first + len(piece))]  # a body no list holds: "Báo và Phát thanh, …"
        if not inside or len(inside) > 1 or (inside[0].start != first
                                             and not _role_before(chunk[first:inside[0].start])):
            return []
        leads.append(clean_value(heading))
    return leads


def _duty_heading(chunk: str, agencies: list[Agency], r: dict) -> list[str]:
    """The bodies an item's heading gives its duties to, when they close the heading's line: ``Trách
    nhiệm của Sở Tư pháp`` (over ``a) Chủ trì, hướng dẫn …``), ``Nhiệm vụ của Ủy ban nhân dân cấp
    tỉnh:``, ``Trách nhiệm của Ủy ban\nnhân dân cấp xã`` (wrapped), ``Trách nhiệm của Sở Văn hóa, Thể
    thao và Du lịch; Ủy ban nhân dân các xã, phường``, ``Trách nhiệm của Cục Điện lực`` over a
    paragraph of duties. Not a person or a body no list holds (``Nhiệm vụ của giáo viên chủ nhiệm``,
    ``Trách nhiệm của Bên mua điện``), nor a body that only begins what the heading names
    (``Trách nhiệm của các cơ quan khác có liên quan``)."""
    m = r["duty_heading"].match(chunk)
    run = _run(agencies, m.end(), chunk) if m else []
    if not run or not r["duty_heading_end"].match(chunk, run[-1].end):
        return []
    return [a.name for a in run]


@cache
def _duty_first() -> tuple[str, ...]:
    return tuple(_words()["duty_heading_first"])


def _kind_heading(head: str, agencies: list[Agency]) -> str | None:
    """A heading that is one kind of body with what defines it, as written: ``Các doanh nghiệp hoạt
    động trong lĩnh vực xây dựng, giao thông … trên địa bàn tỉnh`` (what defines it may run past 14
    words, but holds no verb of duty), ``Đề nghị các tổ chức cung cấp dịch vụ chi trả`` (the request
    word left out), ``Các cơ quan đăng ký đầu tư (Sở Tài chính, …):`` (a note in brackets and the colon
    before the sub-items left out)."""
    if not any(piece in head for piece in _words()["kind_heading_cheap_test"]):
        return None  # (most headings: no "các" or "những" to open a kind of body)
    roles = patterns("body")["roles"]
    head = head.rstrip()
    colon = head.endswith(":")
    head = head[:-1] if colon else head
    note = _p("trailing_note").search(head)
    named = head[:note.start()] if note else head
    start = _skip_space(named, 0)
    ask = roles["assign"].match(named, start)
    if ask:
        start = ask.end()
    inside = [a for a in agencies if a.start < len(named)] if agencies else []
    if inside and not (len(inside) == 1 and inside[0].start == start
                       and inside[0].name.split()[0].lower() in _words()["plural"]):
        return None  # a body's name: read as a body (a kind found may stop short: "Các đoàn thể, tổ chức xã hội")
    heading = " ".join(named[start:].split())
    words = len(heading.split())
    if words > (14 if colon else _KIND_HEADING_WORDS) or not roles["kind_heading"].fullmatch(heading):
        return None
    if roles["partner_vague"].search(heading) or _p("heading_stop").search(heading):
        return None
    if words > 14 and roles["duty_verb"].search(heading):
        return None  # "Các doanh nghiệp … phải …": a sentence, not a heading
    return clean_value(heading) or None


@cache
def _unlisted_body() -> regex.Pattern[str]:
    """A head of a body and a capitalised word: ``Báo và Phát thanh, Truyền hình Cần Thơ``."""
    heads = "|".join(regex.escape(h) for h in sorted(word_list("agencies/heads.txt"), key=len, reverse=True))
    return compile_pattern(rf"(?:{heads}){_words()['unlisted_body_joint']}")


def _role_opens(chunk: str, at: int, agencies: list[Agency]) -> bool:
    """Only a role stands between ``at`` and the next body: "Chánh Văn phòng Ủy ban nhân dân tỉnh",
    "Giám đốc Sở X" (roles are a few words: the body starts within 40 characters)."""
    i = bisect.bisect_right(agencies, at, key=_START)
    return i < len(agencies) and agencies[i].start - at <= 40 and _role_before(chunk[at:agencies[i].start])


def _role_before(gap: str) -> bool:
    return bool(patterns("body")["roles"]["role_before"].fullmatch(gap))


def _groups_vague(chunk: str, pieces: list[tuple[int, int]], r: dict, plural: tuple[str, ...]) -> list[bool]:
    """For each piece of a partners' list (and one past the last), whether it and the pieces after it
    close an unnamed group qualified only as relevant, though commas part it: "các cơ quan, đơn vị liên
    quan", "các cơ quan, đơn vị, địa phương có liên quan" (kinds without a plural of their own belong
    to the group opened before them; the last of them qualifies it). One pass from the end: a list of
    thousands of kinds is read once."""
    vague = [False] * (len(pieces) + 1)
    for j in range(len(pieces) - 1, -1, -1):
        piece = chunk[slice(*pieces[j])].strip()
        if r["partner_kind"].match(piece) and not piece.startswith(plural):
            vague[j] = r["partner_vague"].search(piece) is not None or vague[j + 1]
    return vague


def _pieces(chunk: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of a list ``a, b và c`` between ``start`` and ``end``."""
    out, pos = [], start
    for sep in _p("separator").finditer(chunk, start, end):
        out.append((pos, sep.start()))
        pos = sep.end()
    out.append((pos, end))
    return [(s, e) for s, e in out if e > s]


_START = attrgetter("start")  # (a key in C: the bisections of the agencies run thousands of times)


def _within(agencies: list[Agency], start: int, end: int, at: int) -> list[Agency]:
    """Agencies inside ``[start, end)``, with offsets moved to where that text sits in a chunk."""
    lo = bisect.bisect_left(agencies, start, key=_START)
    if lo == len(agencies) or agencies[lo].start >= end:
        return []  # (most items name none)
    out = []
    for i in range(lo, len(agencies)):  # (not a copy of the rest)
        a = agencies[i]
        if a.start >= end:
            break
        if a.end <= end:
            out.append(Agency(a.name, a.start - start + at, a.end - start + at,
                              None if a.group is None else a.group - start + at))
    return out


def _labelled(chunk: str, agencies: list[Agency], label: regex.Pattern[str], split: bool = False) -> list[str]:
    """Agencies after a label (``Đơn vị chủ trì: Sở X``). When no body name is there, the
    label's value as written is the answer (``Đơn vị chủ trì: Đồng chí Phó Chủ tịch …``): for
    partners (``split``) one per comma-separated piece."""
    names: list[str] = []
    for m in label.finditer(chunk):
        found = _run(agencies, _skip_space(chunk, m.end()), chunk)
        for a in found:
            _add(names, a.name)
        if found and not split:
            # "Cơ quan thực hiện: Sở Nội vụ chủ trì …; Sở Tư pháp và các sở, ban, ngành … chủ động …":
            # each clause of the label's line that opens with bodies adds them
            line_end = chunk.find("\n", m.end())
            for clause in _CLAUSE_AFTER_SEMICOLON.finditer(chunk, m.end(), line_end if line_end >= 0 else len(chunk)):
                for a in _run(agencies, clause.end(), chunk):
                    _add(names, a.name)
        if not found:
            line_end = chunk.find("\n", m.end())
            value = chunk[m.end():line_end if line_end >= 0 else len(chunk)]
            pieces: list[str] = []
            for piece in (rx(r"\s*[,;]\s*").split(value) if split else [value]):
                if pieces and _p("partner_goes_on").match(piece):
                    pieces[-1] += ", " + piece  # "…tham mưu, giúp việc …": one partner with a comma
                else:
                    pieces.append(piece)
            vague = patterns("body")["roles"]["partner_vague"]
            for piece in pieces:
                piece = clean_value(piece)
                # (a group only qualified as relevant names no partner: "Đơn vị phối hợp thực hiện: Các
                # cơ quan, đơn vị, địa phương liên quan"; a body before or after it still does: "Hợp tác
                # xã Thành Công và các đơn vị liên quan", "Các sở, ngành có liên quan và UBND các xã, phường")
                kept = [piece]
                if split and (m_vague := vague.search(piece)):
                    kept = [piece[:m_vague.start()].rpartition(" và ")[0].strip(),
                            piece[m_vague.end():].partition(" và ")[2].strip()]
                for name in kept:
                    if name and len(name.split()) <= 24 and not (split and vague.search(name)):
                        _add(names, name)
    return names


# lines that can open an item, bullets and paragraphs are found from their line breaks (a "^" would
# be tried at every character)
_BULLET = compile_pattern(r"[ \t]*[-–+•][ \t]*")
_BULLET_AFTER_BREAK = compile_pattern(r"\n[ \t]*[-–+•][ \t]*")
_PARAGRAPH = compile_pattern(r"\n[ \t]*(?=\p{Lu})")
_PARAGRAPH_AFTER_SENTENCE = compile_pattern(r"[.!?][)”\"]?[ \t]*\n[ \t]*(?=\p{Lu})")
_CLAUSE_AFTER_SEMICOLON = compile_pattern(r";\s*")
_CLAUSE_BREAK = compile_pattern(r"[,;]\s+")
_WRAPPED_SENTENCE_END = compile_pattern(r"\.(?:\s|$)|[.:;!?]\s*\n|\n[ \t]*\n")
_SENTENCE_CLOSERS = ".:;!?)”\"…"
_HEADING_END = compile_pattern(r"\n[ \t]*\n|\n(?=[ \t]*[-–+•])")
# a kind of partner with what defines it: "các lực lượng vũ trang đóng quân tại địa bàn"
_PARTNER_WORDS = 10
_LOOSE_LAST_WORDS = 7  # a kind closing a list before its verb: "các ngân hàng thương mại cổ phần"
_CLOSING_LINES = 8  # a closing paragraph wrapped on lines of a narrow page starts within the last eight
_HEADING_CHARS = 300  # a heading naming bodies is shorter than this (a longer first paragraph is a sentence)
_KIND_HEADING_WORDS = 30  # a kind of body with what defines it: "Các doanh nghiệp hoạt động trong …"
_HEADING_WORDS = 12  # a first paragraph of at most this many words is a heading, not a sentence
_NEXT_SENTENCE = compile_pattern(r"[.;]\s+(?=\p{Lu})")
_NEXT_SENTENCE_PARTS = (compile_pattern(r"\.\s+(?=\p{Lu})"), compile_pattern(r";\s+(?=\p{Lu})"))  # (its alternatives)
_SENTENCE_END = compile_pattern(r"[.;](?:\s|$)|\n")


def _marker_lines(text: str, start: int, end: int):
    """(start, text) of the lines in ``text[start:end]`` that can open an item."""
    if start == 0 or text[start - 1] == "\n":
        m = _p("marker_line").match(text, start, end)
        if m:
            yield start, m.group()
    for m in _p("marker_after_break").finditer(text, start, end):
        yield m.start() + 1, m.group()[1:]


def _bullets(chunk: str, lines: bool = True):
    """The ``-``, ``+``, ``•`` bullets opening lines of ``chunk`` (``lines`` False: it is one line,
    only its start can hold one)."""
    first = _BULLET.match(chunk)
    if first:
        yield first
    if lines:
        yield from _BULLET_AFTER_BREAK.finditer(chunk)


def _subject_lead(chunk: str, start: int, agencies: list[Agency], r: dict, facts: _Facts,
                  after_topic: bool = False) -> list[str]:
    """Who a sentence starting at ``start`` puts in charge: ``Giao X``, ``X chủ trì``, ``X: …``.
    ``after_topic``: the sentence follows a topic ("Về …:"), where a body opening it must be
    followed by a verb of duty ("Các Bộ, cơ quan thống nhất …" reports an opinion)."""
    if not facts.asks and facts.reach < start:
        # no assignment word and no body from here on: every way below but the collective finds none
        return [] if after_topic else _collective(chunk, start, r)
    lead_verb = r["topic_verb"] if after_topic else r["lead_verb"]
    end = _sentence_end(chunk, start) if facts.asks else -1  # (-1: found when a reading below needs it)
    names: list[str] = []
    for m in (_assignments(chunk, start, end, r) if facts.asks else ()):
        for a in _run(agencies, m.end(), chunk):
            _add(names, a.name)
        if names:
            return names
        # "Yêu cầu các cấp ủy, tổ chức đảng, các cơ quan … nghiêm túc …" (the request opens the sentence)
        if m.start() == _skip_space(chunk, start) and (who := _collective(chunk, m.end(), r)):
            return who
    at = _skip_space(chunk, start)
    run = _run(agencies, at, chunk)
    if (run and (lead_verb.match(chunk, run[-1].end) or r["executes"].match(chunk, run[-1].end))
            and not _addressed(chunk, at, agencies, r)):
        if handed := r["delegates"].match(chunk, run[-1].end):  # "UBND tỉnh ủy quyền cho Giám đốc Sở X"
            return [a.name for a in _run(agencies, handed.end(), chunk)]
        return [a.name for a in run]
    if r["intro"].match(chunk, start):  # "Căn cứ …, các sở, ban, ngành … xây dựng …" (after a topic too)
        for comma in _CLAUSE_BREAK.finditer(chunk, start, _paragraph_end(chunk, start)):
            run = _run(agencies, comma.end(), chunk)
            if run and lead_verb.match(chunk, run[-1].end) and not _addressed(chunk, comma.end(), agencies, r):
                return [a.name for a in run]
    if after_topic:
        # "Đẩy mạnh …: Các bộ khẩn trương trình …": a collective, with a verb of duty
        at = _skip_space(chunk, start)
        who = r["collective_subject"].match(chunk, at) if _may_open_collective(chunk, at) else None
        return _collective(chunk, at, r) if who and r["topic_verb"].match(chunk, who.end()) else []
    named_topic = r["topic"].match(chunk, start)  # "Về kiến nghị …; …: Bộ X khẩn trương …"
    topic = named_topic.end() - 1 if named_topic else chunk.find(":", start)
    if topic >= 0 and not named_topic:  # (the colon must stand in the sentence)
        end = end if end >= 0 else _sentence_end(chunk, start)
        topic = topic if topic < end else -1
    if topic > 0 and (start or named_topic or not (facts.asks and _assignments_any(chunk, start, topic, r))):
        # "Về đề nghị hỗ trợ …: Ủy ban nhân dân tỉnh Đắk Lắk tiếp tục rà soát …": the subject after a topic
        names = _subject_lead(chunk, topic + 1, agencies, r, facts, after_topic=True)
        if names:
            return names
    m = None
    if _words()["lead_cheap_test"] in chunk:
        end = end if end >= 0 else _sentence_end(chunk, start)
        m = _p("chu_tri").search(chunk, start, end)
    if m:
        before = [a for a in agencies if start <= a.start and a.end <= m.start() and m.start() - a.end < 4]
        if before:
            return [before[-1].name]
    if who := _collective(chunk, start, r):
        return who
    if start == 0 and facts.asks:  # "(1) Về việc …: …; giao Bộ X làm …": a later clause of the item assigns it
        for m in _assignments(chunk, end, end + 600, r):
            names = [a.name for a in _run(agencies, m.end(), chunk)]
            if names:
                return names
    return []


class _Brackets:
    """Whether the brackets opened in a stretch of text are all closed in it, counted from where they
    are, not by reading the stretch: a long item may hold thousands of names."""

    def __init__(self, text: str):
        self.opens = [m.start() for m in _OPEN.finditer(text)] if "(" in text else []
        self.closes = [m.start() for m in _CLOSE.finditer(text)] if ")" in text else []

    def closed(self, start: int, end: int) -> bool:
        def count(at: list[int]) -> int:
            return bisect.bisect_left(at, end) - bisect.bisect_left(at, start)

        return count(self.opens) <= count(self.closes)


_OPEN, _CLOSE = compile_pattern(r"\("), compile_pattern(r"\)")


class _FirstMatch:
    """``pattern.search(text, pos)``, each search reused for the positions after it up to what it
    found: an item's partner lists are read from each "phối hợp" in turn, and a search from each to
    a far stop would read a long item once per "phối hợp" (a line repeated 3,000 times took minutes).
    Exact: a match never depends on where the search starts (lookbehinds see before it)."""

    def __init__(self, pattern: regex.Pattern[str], text: str):
        self.pattern, self.text = pattern, text
        self.since, self.found = len(text) + 1, None

    def __call__(self, pos: int) -> regex.Match[str] | None:
        if not (self.since <= pos and (self.found is None or self.found.start() >= pos)):
            self.since, self.found = pos, self.pattern.search(self.text, pos)
        return self.found


def _list_goes_on(chunk: str, at: int, agencies: list[Agency], r: dict) -> bool:
    """A list of partners goes on past the ";" before ``at``: a body follows it that is no subject of a
    clause of its own ("phối hợp với các Sở, ban, ngành của tỉnh; Ủy ban nhân dân các xã, phường; các
    cơ quan, đơn vị … triển khai …", not "phối hợp với Sở X; Sở Y chịu trách nhiệm …")."""
    at = _skip_space(chunk, at)
    run = _run(agencies, at, chunk)
    return bool(run) and run[0].start - at <= 40 and not r["duty_verb"].match(chunk, run[-1].end)


def _addressed(chunk: str, at: int, agencies: list[Agency], r: dict) -> bool:
    """The bodies listed from ``at`` are those reported, submitted or given advice to, not who acts:
    "… , định kỳ báo cáo UBND tỉnh, Chủ tịch UBND tỉnh, Sở Xây dựng kết quả" (the list, read from a
    comma inside it, is followed back to its first body), "Tổng hợp, báo cáo UBND tỉnh,\nChủ tịch UBND
    tỉnh các vấn đề …", "Thẩm định và trình\nBộ trưởng Bộ Công Thương phê duyệt …"."""
    if not at:
        return False
    i = bisect.bisect_left(agencies, at, key=_START)
    while i > 0 and agencies[i - 1].end <= at:  # back over the bodies of the list the run goes on
        gap = chunk[agencies[i - 1].end:at]
        sep = _p("list_separator").match(gap)
        rest = gap[sep.end():]
        if not sep.group().strip() or (rest and not r["role_before"].fullmatch(rest)):
            break
        at = agencies[i - 1].start
        i -= 1
    return r["addressed_before"].search(chunk, max(0, at - 80), at) is not None


def _collective(chunk: str, start: int, r: dict) -> list[str]:
    """Those charged, named as collectives or kinds of bodies, as written, one per group: a new
    "các" opens the next group ("các cấp ủy, tổ chức đảng, các cơ quan, đơn vị, địa phương" → two)."""
    start = _skip_space(chunk, start)
    who = r["collective_subject"].match(chunk, start) if _may_open_collective(chunk, start) else None
    if not who or r["partner_vague"].search(who["who"]):
        return []
    groups = [clean_value(_p("honorific").sub("", g)) for g in _p("next_group").split(who["who"])]
    if groups and "(" in groups[-1]:  # a note in brackets closing the heading: "… nhà ở xã hội (Bên cho thuê)"
        groups[-1] = clean_value(_p("trailing_note").sub("", groups[-1]))
    return [g for g in groups if g and not r["partner_vague"].search(g)]


def _may_open_collective(chunk: str, at: int) -> bool:
    """A cheap test before the collective pattern: does a word it can start with stand at ``at``?"""
    return chunk[at:at + 12].lower().startswith(_collective_first())


@cache
def _collective_first() -> tuple[str, ...]:
    return tuple(_words()["collective_first"])


def _assignments_any(text: str, start: int, end: int, r: dict) -> bool:
    return next(_assignments(text, start, end, r), None) is not None


def _paragraph_end(chunk: str, start: int) -> int:
    """The end of the sentence at ``start``, reading across lines wrapped inside it (a line that does
    not end in punctuation goes on), within 600 characters."""
    m = _WRAPPED_SENTENCE_END.search(chunk, start, start + 600)
    return m.end() if m else min(len(chunk), start + 600)


def _assignments(text: str, start: int, end: int, r: dict):
    """``Giao``, ``Đề nghị``, ``Yêu cầu`` in ``text[start:end]`` as words of their own (not the
    "giao" of "bàn giao")."""
    if _ask_words()[0].search(text, start, end) is None:  # a cheap test before the grammar's pattern
        return
    for m in r["assign"].finditer(text, start, end):
        if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/-")) \
                and not _in_purpose(text, start, m.start(), r):
            yield m


def _in_purpose(text: str, start: int, at: int, r: dict) -> bool:
    """The assignment word at ``at`` stands in a purpose clause after the sentence's own verb: "… Ủy ban
    nhân dân Thành phố gửi Thường trực Hội đồng nhân dân Thành phố để xem xét, giao các Ban …", "… giới
    thiệu tới các cơ quan liên quan để xem xét, đề nghị Ủy ban nhân dân thành phố …", "… tham mưu để
    Trưởng ban báo cáo, đề nghị Trung ương …": it tells what the one addressed may do, and charges no one
    (not "Để …, đề nghị Sở X …": a purpose opening the sentence comes before its request)."""
    clause = max(text.rfind(c, start, at) for c in ".;:") + 1 or start
    return "để" in text[clause:at] and r["purpose_before"].search(text, clause, at) is not None


def _sentence_end(chunk: str, start: int = 0) -> int:
    m = _SENTENCE_END.search(chunk, start, start + 600)
    return m.end() if m else min(len(chunk), start + 600)


def _skip_space(chunk: str, i: int) -> int:
    while i < len(chunk) and chunk[i] in " \t\n":
        i += 1
    return i


def _run(agencies: list[Agency], start: int, chunk: str) -> list[Agency]:
    """Agencies starting at ``start`` and following each other by ``,`` or ``và`` or ``;``."""
    lo = bisect.bisect_left(agencies, start, key=_START)  # (those before ``start`` are passed over)
    if lo == len(agencies):
        return []
    out: list[Agency] = []
    pos = start
    roles = patterns("body")["roles"]
    printed, role_group = "", None
    for i in range(lo, len(agencies)):
        a = agencies[i]
        if out and a.start == out[-1].start and a.end == out[-1].end:
            out.append(_with_role(a, printed))  # one item of a shared head naming two: "các tỉnh: Gia Lai và Lâm Đồng"
            continue
        if a.start < pos:
            continue
        gap = chunk[pos:a.start]
        role = ""
        if out:
            # "Sở X, Sở Y và Sở Z", "Bộ trưởng các Bộ: …; Chủ tịch UBND các tỉnh …" (a role may stand
            # before each of them)
            sep = _p("list_separator").match(gap)
            rest = gap[sep.end():]
            if rest and not roles["role_before"].fullmatch(rest) and not _p("plural_before").fullmatch(rest):
                loose = _loose_pieces(chunk, pos, a.start)
                if loose is None:
                    break
                out.extend(loose)
            else:
                role = rest
        elif gap and not gap.isspace():
            if not roles["role_before"].fullmatch(gap):
                break  # a role before the first agency: "Giám đốc Sở X", "Chủ tịch UBND …"
            role = gap
        # the lead as printed, with its role; a role before a shared head holds for all its bodies
        if role.strip():
            # ("Giám đốc: …" printed without its colon, "đồng chí Bộ trưởng …" without the form of address)
            printed, role_group = " ".join(_p("honorific").sub("", role).split()).rstrip(":"), a.group
        elif a.group is None or a.group != role_group:
            printed = ""
        out.append(_with_role(a, printed))
        pos = a.end
    if out:
        out.extend(_loose_pieces(chunk, pos, None) or [])
    return out


def _with_role(agency: Agency, role: str) -> Agency:
    """The agency named with the role printed before it ("Chủ tịch Ủy ban nhân dân tỉnh Gia Lai")."""
    return Agency(f"{role} {agency.name}", agency.start, agency.end, agency.group) if role else agency


def _loose_pieces(chunk: str, start: int, end: int | None) -> list[Agency] | None:
    """Kinds of bodies no list holds, between (or after) the agencies of a list: "…, Ủy ban Mặt trận
    Tổ quốc tỉnh, các doanh nghiệp, các hợp tác xã và …". Each is "các" or "những" and a few
    lower-case words, followed by a separator; a note "(sau đây gọi tắt là …)" is passed over.
    ``None`` when the text up to ``end`` is not such pieces (``end`` None: as many as there are)."""
    out: list[Agency] = []
    pos = start
    limit = len(chunk) if end is None else end
    while pos < limit:
        m = _p("loose_piece").match(chunk, pos, limit)
        if m is None:
            break
        # (not the head of a group qualified only as relevant: "các cơ quan, tổ chức có liên quan")
        if m["piece"] and not patterns("body")["roles"]["partner_vague"].search(chunk, m.start("piece"),
                                                                                 min(limit, m.end() + 30)):
            out.append(Agency(" ".join(m["piece"].split()), m.start("piece"), m.end("piece")))
        pos = m.end()
    if end is None:
        # the last piece, before the list's verb: "…, các doanh nghiệp tập trung triển khai …"
        last = _p("loose_last").match(chunk, pos)
        who = patterns("body")["roles"]["collective_subject"].match(chunk, last.end()) if last else None
        if (who and len(who["who"].split()) <= _LOOSE_LAST_WORDS
                and not patterns("body")["roles"]["partner_vague"].search(who["who"])):
            out.append(Agency(" ".join(who["who"].split()), who.start("who"), who.end("who")))
        return out
    return out if _p("list_separator").fullmatch(chunk, pos, end) else None



def _add(names: list[str], name: str) -> None:
    if name not in names:
        names.append(name)


def preamble_lead(text: str, start: int, end: int) -> list[str]:
    """Agencies a preamble hands the list to: ``đề nghị Sở Y tế … thực hiện các nội dung sau:``."""
    roles = patterns("body")["roles"]
    found = list(roles["preamble"].finditer(text, start, end))
    if not found:
        return []
    who = found[-1]["who"]
    names = [a.name for a in find_agencies(who)]
    if not names and len(who.split()) <= 12 and not roles["partner_vague"].search(who):
        # "yêu cầu cấp ủy, tổ chức đảng, chính quyền, đoàn thể các cấp tập trung thực hiện …":
        # those addressed, as written, even when no body name is among them
        names = [clean_value(who)]
    return [n for n in names if n]


def single_request(text: str, start: int, end: int) -> Item | None:
    """The one request of a directive without numbered items: the first sentence in which
    ``đề nghị``, ``yêu cầu`` or ``giao`` hands work to an agency. Its task covers the rest of
    the body, so the body's deadlines belong to it."""
    r = patterns("body")["roles"]
    agencies = None  # (recognised at the first assignment word: a body without one needs none)
    for m in _assignments(text, start, end, r):
        if agencies is None:
            agencies = find_agencies(text[start:end], start)
        run = _run(agencies, m.end(), text)
        if run:
            item = Item("1", "request", 0, m.start(), m.start(), end=end)
            item.lead = [a.name for a in run]
            sentence_end = _sentence_end(text, m.end())
            coop = r["cooperate"].search(text, m.end(), sentence_end)
            if coop:
                item.cooperating = [a.name for a in _run(agencies, coop.end(), text)]
            return item
    return None


def item_text(text: str, item: Item, items: list[Item]) -> str:
    start, end = own_text(text, item, items)
    return clean_value(text[start:end], " ;.,:/") or ""  # (without the closing "./.")
