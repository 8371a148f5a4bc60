"""Recognise Vietnamese public bodies in free text (the NER stage).

Rules first, from the gazetteers in ``grammars/agencies/``:
- a head and a field: ``Sở Tài chính``, ``Bộ Văn hóa, Thể thao và Du lịch``;
- a head and a territory: ``Ủy ban nhân dân các phường, xã, đặc khu``, ``UBND tỉnh``,
  ``Công an Thành phố``, ``Chủ tịch UBND các huyện`` (the role is left out);
- a head and a capitalised name: ``Trung tâm Chuyển đổi số Thành phố``, ``Cục Đường bộ Việt Nam``,
  ``Tập đoàn Công nghiệp - Viễn thông Quân đội``;
- named bodies from ``bodies.txt``: ``Văn phòng Chính phủ``, ``Đài Truyền hình Việt Nam``;
- kinds of bodies: ``các sở, ban, ngành``, ``các Bộ, cơ quan`` (not when qualified only as
  relevant: ``các cơ quan, đơn vị liên quan`` names no one);
- shared heads: ``các Sở: Tài chính, Tư pháp`` → ``Sở Tài chính``, ``Sở Tư pháp``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from .grammar import provinces, rx, word_list


@dataclass(frozen=True)
class Agency:
    name: str
    start: int
    end: int


_TERRITORY = r"(?:tỉnh|thành[ ]+phố|Thành[ ]+phố|TP\.?|huyện|quận|thị[ ]+xã|xã|phường|đặc[ ]+khu|thị[ ]+trấn)"
_TERRITORY_GROUP = (rf"(?:các[ ]+)?(?:cấp[ ]+(?:tỉnh|huyện|xã)|{_TERRITORY}(?:[ ]*,[ ]*{_TERRITORY})*"
                    rf"(?:[ ]+(?:và|,)[ ]+{_TERRITORY})?)"
                    r"(?:\s+(?:ven\s+biển|miền\s+núi|biên\s+giới|trọng\s+điểm))?"
                    r"(?:\s+từ\s+\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,3}\s+đến\s+\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,3})?"
                    r"(?:\s+trực\s+thuộc\s+[Tt]rung\s+ương)?")
_CAP = r"(?:\p{Lu}[\p{L}]*|\d{1,3})"


def _name_pattern() -> str:
    """A capitalised run: capitalised words joined by spaces, ``và`` or ``-``, with lower-case
    syllables (not stop words) between them and at most one after the last."""
    stops = sorted(word_list("agencies/name_stops.txt"), key=len, reverse=True)
    stop = "|".join(regex.escape(w).replace(r"\ ", "[ ]+") for w in stops)
    word = rf"[ ]+(?!(?:{stop})(?!\p{{L}}))\p{{Ll}}+"
    # a capital that opens another body ends this one: "Sở Tài chính và Ủy ban nhân dân …"
    # (an abbreviation may follow: "Văn phòng HĐND và UBND phường" is one office)
    heads = "|".join(sorted({h.split()[0] for h in word_list("agencies/heads.txt") if not h.split()[0].isupper()},
                            key=len, reverse=True))
    joint = rf"(?:[ ]+|[ ]+và[ ]+(?!(?:{heads})(?!\p{{L}}))|[ ]*[-–—][ ]*)"
    territory = rf"(?:[ ]+{_TERRITORY_GROUP}(?:[ ]+{_CAP})*)?"  # "Trung tâm Y tế các huyện, thành phố"
    # lower-case words inside a name (Chuyển đổi số Thành phố) and after its last capital
    # (Cục Kết cấu hạ tầng xây dựng), none of them a stop word
    return rf"(?:{_CAP}(?:(?:{word}){{0,5}}{joint}{_CAP})*(?:{word}){{0,5}}{territory})"
# a kind that names a definite set of bodies on its own (the Fatherland Front's member organisations)
_DEFINITE_KIND = (r"(?:(?:tổ\s+chức|đoàn\s+thể)\s+chính\s+trị\s*[-–—]\s*xã\s+hội(?:\s+(?:tỉnh|thành\s+phố|các\s+cấp))?"
                  r"|Ủy\s+ban\s+của\s+Quốc\s+hội)")
_SCOPE = (r"(?:\s+(?:Thành\s+phố|tỉnh|cấp\s+tỉnh|Trung\s+ương|Quốc\s+hội|của\s+Quốc\s+hội|Chính\s+phủ|nêu\s+trên|"
          r"trực\s+thuộc(?:\s+(?:Tỉnh\s+ủy|Thành\s+ủy|Trung\s+ương|Sở|Bộ))?))")
_KINDS = (r"(?:sở|bộ|ban\s+ngành|ban|ngành|chủ\s+rừng|xã|phường|thị\s+trấn|đặc\s+khu|huyện|quận|thị\s+xã|thôn|huyện\s+ủy|thị\s+ủy|thành\s+ủy|quận\s+ủy|đảng\s+ủy|tỉnh\s+ủy|"
          r"cơ\s+quan|đơn\s+vị|địa\s+phương|tổ\s+chức\s+chính\s+trị\s*-\s*xã\s+hội|đoàn\s+thể|tổ\s+chức|doanh\s+nghiệp)")


_DEPUTIES = regex.compile(r"(?i)đại[ ]+biểu[ ]+$")
_OF_ASSEMBLY = regex.compile(r"[ ]+của[ ]+Quốc[ ]+hội(?!\p{L})")


def _listed(name: str) -> str:
    """A gazetteer name as a pattern: any spacing, and any dash where the list has "-" (OCR and
    typists print "Lao động – Thương binh", "Lao động — Thương binh")."""
    return regex.escape(name).replace(r"\ \-\ ", r"\s*[-–—]\s*").replace(r"\ ", r"\s+")


@cache
def _compiled() -> dict:
    heads = sorted(word_list("agencies/heads.txt"), key=len, reverse=True)
    fields = sorted(word_list("agencies/fields.txt"), key=len, reverse=True)
    bodies = sorted(word_list("agencies/bodies.txt"), key=len, reverse=True)
    head_alt = "|".join(_listed(h) for h in heads)
    field_alt = "|".join(_listed(f) for f in fields)
    body_alt = "|".join(_listed(b) for b in bodies)
    _NAME = _name_pattern()
    province_alt = "|".join(_listed(p) for p in sorted(provinces(), key=len, reverse=True))
    return {
        # provinces and cities as actors: "Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương …",
        # "Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai …" (one body per name)
        "localities": regex.compile(
            rf"(?<!\p{{L}})(?:[Cc]ác\s+)?(?P<kind>tỉnh|[Tt]hành\s+phố)\s*:?\s+"
            rf"(?P<list>(?:{province_alt})(?:\s*(?:,|và)\s*(?:{province_alt})(?!\p{{L}}))*)(?!\p{{L}})", regex.V1),
        "province": regex.compile(rf"(?:{province_alt})", regex.V1),
        "bodies": regex.compile(rf"(?<!\p{{L}})(?:{body_alt})(?!\p{{L}})", regex.V1 | regex.I),
        "field": regex.compile(
            rf"(?<!\p{{L}})(?P<head>Bộ|Sở|Phòng|Vụ|Đảng\s+ủy\s+Bộ|Đảng\s+ủy)\s+(?P<field>{field_alt})(?!\p{{L}})"
            rf"(?:[ ]+(?P<terr>{_TERRITORY_GROUP}(?:[ ]+{_NAME})?))?", regex.V1),
        "name": regex.compile(_NAME, regex.V1),
        "territorial": regex.compile(
            rf"(?<!\p{{L}})(?P<head>Ủy\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND|Công\s+an|Ban\s+Chỉ\s+huy\s+Quân\s+sự|"
            rf"Bộ\s+Chỉ\s+huy\s+Quân\s+sự|Kho\s+bạc\s+Nhà\s+nước|Đảng\s+ủy|Thuế|Văn\s+phòng\s+UBND|Văn\s+phòng\s+Ủy\s+ban\s+nhân\s+dân|"
            rf"Ủy\s+ban\s+MTTQ(?:\s+Việt\s+Nam)?|Ủy\s+ban\s+Mặt\s+trận\s+Tổ\s+quốc(?:\s+Việt\s+Nam)?|"
            rf"Ủy\s+ban\s+bầu\s+cử|Ban\s+bầu\s+cử|Hội\s+đồng\s+bầu\s+cử)"
            rf"[ ]+(?P<terr>{_TERRITORY_GROUP})(?:[ ]+(?P<name>{_NAME}))?", regex.V1),
        "named": regex.compile(rf"(?<![\p{{L}}])(?P<head>{head_alt})[ ]+(?P<name>{_NAME})", regex.V1),
        "shared": regex.compile(
            r"(?<!\p{L})[Cc]ác\s+(?P<head>Bộ|Sở|Cục|Vụ|Ban)\s*:\s*(?P<list>)(?=\p{Lu})", regex.V1),
        # kinds of bodies: a list of two or more ("các sở, ban, ngành"), or one with its scope
        # ("các cơ quan Trung ương", "các cơ quan Quốc hội"); "các cơ quan" alone names no one
        "kinds": regex.compile(
            rf"(?<!\p{{L}})(?:[Cc]ác\s+)(?:(?:{_KINDS})(?:(?:\s*,\s*{_KINDS}|\s+và\s+{_KINDS})+{_SCOPE}?|{_SCOPE})"
            rf"|{_DEFINITE_KIND})(?!\s*:)",
            regex.I | regex.V1),
        "shared_territorial": regex.compile(
            r"(?<!\p{L})(?P<head>Ủy\s+ban\s+nhân\s+dân|UBND)\s+các\s+(?P<terr>tỉnh,\s*thành\s+phố|tỉnh|thành\s+phố|huyện|quận|xã|phường)"
            r"\s*:\s*(?P<list>)(?=\p{Lu})", regex.V1),
        # (a field is tried first: "Khoa học và Công nghệ" is one item though "Công" opens other heads)
        "shared_item": regex.compile(rf"\s*(?:,|\svà\s)?\s*(?P<n>(?:{field_alt})(?!\p{{L}})|{_NAME})", regex.V1),
        # where any pattern can start: all first words found in one Aho-Corasick pass over the
        # text, then the patterns are tried at those places only
        "trigger": _automaton({w.split()[0] for w in heads + bodies}
                              | {"Bộ", "Sở", "Phòng", "Vụ", "Đảng", "Ủy", "UBND", "Hội", "HĐND", "Công", "Ban",
                                 "Kho", "Thuế", "Văn", "các", "Các", "CÁC", "tỉnh", "thành", "Thành"}),
        "first_words": {
            "named": {h.split()[0] for h in heads},
            "bodies": {w for b in bodies for w in (b.split()[0], b.split()[0].lower(), b.split()[0].upper())},
            "field": {"Bộ", "Sở", "Phòng", "Vụ", "Đảng"},
            "territorial": {"Ủy", "UBND", "Hội", "HĐND", "Công", "Ban", "Bộ", "Kho", "Đảng", "Thuế", "Văn"},
            "shared": {"các", "Các"},
            "localities": {"các", "Các", "tỉnh", "thành", "Thành"},
            "kinds": {"các", "Các", "CÁC"},
        },
        "relevant_only": regex.compile(r"\s*(?:có\s+)?(?:liên\s+quan|chức\s+năng)", regex.V1),
        "trail": regex.compile(r"(?:\s+(?:và|của|các|với|cho|tại|về))+$|[\s,]+$", regex.V1),
    }


def _automaton(words: set[str]):
    import ahocorasick  # pyahocorasick: many names, one pass

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def find_agencies(text: str, offset: int = 0) -> list[Agency]:
    """Agencies named in ``text``, left to right, longest match where two overlap; spans are
    moved by ``offset`` (where ``text`` starts in the document)."""
    c = _compiled()
    n = len(text)
    triggers = []
    for end, word in c["trigger"].iter(text):  # whole words only
        start = end - len(word) + 1
        if (not start or not text[start - 1].isalpha()) and (end + 1 == n or not text[end + 1].isalpha()):
            triggers.append((start, word))
    return _found(c, text, triggers, offset)


def agency_at_start(text: str) -> Agency | None:
    """The agency ``text`` opens with, if any (``Thủ tướng Chính phủ`` in ``của Thủ tướng
    Chính phủ về …`` once ``của`` is cut): only the patterns its first word can start are tried."""
    c = _compiled()
    first = rx(r"\p{L}+").match(text)
    if first is None:
        return None
    found = _found(c, text, [(0, first.group())], 0)
    return found[0] if found and found[0].start == 0 else None


def _found(c: dict, text: str, triggers: list[tuple[int, str]], offset: int) -> list[Agency]:

    def starts_for(key: str) -> list[int]:
        words = c["first_words"][key]
        return [pos for pos, word in triggers if word in words]

    strong: list[Agency] = []
    territorial_lists = [(m.start(), m.end()) for m in _at(c["shared_territorial"], text, starts_for("territorial"))]
    for m in _at(c["localities"], text, starts_for("localities")):
        if any(s <= m.start() < e for s, e in territorial_lists):
            continue  # "UBND các tỉnh, thành phố: …" is a shared head, read below
        kind = " ".join(m["kind"].split())
        start = m.start()
        for p in c["province"].finditer(m["list"]):
            strong.append(Agency(f"{kind} {' '.join(p.group().split())}", start, m.start("list") + p.end()))
            start = m.start("list") + p.end()
    shared = [(m, m["head"]) for m in _at(c["shared"], text, starts_for("shared"))]
    # "Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai" → "Ủy ban nhân dân tỉnh Đắk Lắk", …
    shared += [(m, f"{' '.join(m['head'].split())} {' '.join(m['terr'].split())}")
               for m in _at(c["shared_territorial"], text, starts_for("territorial"))]
    for m, head in shared:
        # "các Sở: Tài chính, Tư pháp và Xây dựng": the list runs while items are capitalised; the
        # first item's span opens at the shared head, so a run of agencies starts there
        pos = m.start("list")
        for item in c["shared_item"].finditer(text[pos:pos + 400]):
            if item.start() != 0 and not rx(r"\s*(?:,|\svà\s)").match(item.group()):
                break
            name = item["n"].strip()
            known_field = c["field"].fullmatch(f"{head} {name}")
            if item.start() and not known_field and name.split()[0] in c["first_words"]["named"]:
                break  # "các Sở: Tài chính, Xây dựng, Công ty …": another body's head ends the list
            parts = [name] if known_field else rx(r"\s+và\s+").split(name)
            start = m.start() if item.start() == 0 else pos + item.start("n")
            for part in parts:
                if "," in head:  # "UBND các tỉnh, thành phố: Tuyên Quang, Hồ Chí Minh": each by its own kind
                    named = f"{head.split()[0] if head.startswith('UBND') else ' '.join(head.split()[:4])} " \
                            f"{provinces().get(part, 'tỉnh')} {part}"
                else:
                    named = f"{head} {part}"
                strong.append(Agency(named, start, pos + item.end("n")))
            pos_end = pos + item.end()
            if not rx(r"\s*(?:,|\svà\s)\s*\p{Lu}").match(text[pos_end:pos_end + 6]):
                break
    for key in ("field", "territorial", "bodies"):
        strong.extend(_matches(c, key, text, starts_for(key)))
    weak = [a for key in ("named", "kinds") for a in _matches(c, key, text, starts_for(key))]
    # a gazetteer name is not stretched by lower-case words the looser pattern takes in: "Sở Xây
    # dựng tiến hành rà soát" names "Sở Xây dựng" (a capital further on does extend it)
    ends = {a.start: a.end for a in strong}
    weak = [a for a in weak if a.start not in ends or a.end <= ends[a.start]
            or any(ch.isupper() for ch in text[ends[a.start]:a.end])]
    if "của Quốc hội" in text:  # the National Assembly's own bodies: "Ủy ban Kinh tế và Tài chính của Quốc hội"
        strong = [Agency(a.name + " của Quốc hội", a.start, m.end()) if (m := _OF_ASSEMBLY.match(text, a.end)) else a
                  for a in strong]
    found = _resolve(strong + weak)
    if "đại biểu" in text:  # "bầu cử đại biểu Quốc hội": the deputies, not the body
        found = [a for a in found if not _DEPUTIES.search(text, max(0, a.start - 12), a.start)]
    if offset:
        found = [Agency(a.name, a.start + offset, a.end + offset) for a in found]
    return found


def _at(pattern: regex.Pattern[str], text: str, starts: list[int]):
    for pos in starts:
        m = pattern.match(text, pos)
        if m:
            yield m


def _matches(c: dict, key: str, text: str, starts: list[int]) -> list[Agency]:
    out = []
    for m in _at(c[key], text, starts):
        if key == "kinds" and c["relevant_only"].match(text, m.end()):
            continue
        start = m.start()
        name = c["trail"].sub("", m.group())
        if key == "named" and len(name.split()) < 2:
            continue
        out.append(Agency(" ".join(name.split()), start, start + len(name)))
    return out


def _resolve(found: list[Agency]) -> list[Agency]:
    """Leftmost-longest among overlapping matches; items of one shared head all stay."""
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Agency] = []
    seen: set[Agency] = set()
    for a in found:
        if out and a.start < out[-1].end and not (a.start == out[-1].start and a.end == out[-1].end):
            continue
        if a not in seen:
            seen.add(a)
            out.append(a)
    return out
