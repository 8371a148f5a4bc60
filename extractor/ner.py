"""Recognise Vietnamese public bodies in free text (the NER stage).

Rules, from the gazetteers in ``grammars/agencies/`` (a statistical model can be merged in for
measuring it, off by default: it lowered held-out task leads):
- a head and a field: ``Sở Tài chính``, ``Bộ Văn hóa, Thể thao và Du lịch``;
- a head and a territory: ``Ủy ban nhân dân các phường, xã, đặc khu``, ``UBND tỉnh``,
  ``Công an Thành phố``, ``Chủ tịch UBND các huyện`` (the role is left out);
- a head and a capitalised name: ``Trung tâm Chuyển đổi số Thành phố``, ``Cục Đường bộ Việt Nam``,
  ``Tập đoàn Công nghiệp - Viễn thông Quân đội``;
- named bodies from ``bodies.txt``: ``Văn phòng Chính phủ``, ``Đài Truyền hình Việt Nam``, with a
  region of a branch: ``Kho bạc nhà nước khu vực XI``, ``Ngân hàng Nhà nước chi nhánh khu vực 8``;
- the board of zones named by their kinds: ``Ban Quản lý các khu công nghệ cao và khu công nghiệp``;
- kinds of bodies: ``các sở, ban, ngành``, ``các Bộ, cơ quan`` (not when qualified only as
  relevant: ``các cơ quan, đơn vị liên quan`` names no one);
- shared heads: ``các Sở: Tài chính, Tư pháp`` → ``Sở Tài chính``, ``Sở Tư pháp``; of provinces:
  ``UBND các tỉnh: Gia Lai và Lâm Đồng`` → ``Ủy ban nhân dân tỉnh Gia Lai``, … (one ``group`` each list);
- provinces and cities as actors: ``Các tỉnh Nghệ An, Quảng Ngãi`` → ``tỉnh Nghệ An``, ``tỉnh Quảng Ngãi``;
- a person by title and name: ``Phó Thủ tướng Chính phủ Trần Hồng Hà``;
- the People's Council's own bodies and deputies, as a resolution charges them: ``các Ban của Hội đồng
  nhân dân tỉnh``, ``các Tổ đại biểu và đại biểu Hội đồng nhân dân Thành phố``;
- the heads of the central government's bodies named together: ``Bộ trưởng các Bộ, Thủ trưởng cơ quan
  ngang bộ, cơ quan thuộc Chính phủ`` (one addressee, as written).
The patterns are in ``grammars/agencies.toml``, the word lists in ``grammars/agencies/``.
"""

from __future__ import annotations

import os
import warnings
from functools import cache
from typing import NamedTuple

import regex

from .grammar import DASH, SPACE, factored, provinces, rx, settings, word_list
from .regex_cache import compile_pattern, compile_re


class Agency(NamedTuple):
    """A body named in a text, with its span (a tuple: thousands are made per long document)."""

    name: str
    start: int
    end: int
    group: int | None = None  # the bodies of one shared head ("các Sở: Tài chính, Tư pháp") share a group


_PLACEHOLDER = compile_pattern(r"<<(\w+)>>")


def _expand(pattern: str, parts: dict[str, str]) -> str:
    """``<<name>>`` → the part of that name (itself expanded), as ``grammars/agencies.toml`` writes them."""
    return _PLACEHOLDER.sub(lambda m: _expand(parts[m[1]], parts), pattern)


def _alternation(words: list[str], ignore_case: bool = False) -> str:
    """The names, longest first, as one pattern (common beginnings written once: ``factored``)."""
    return factored([_listed(w) for w in sorted(words, key=len, reverse=True)], ignore_case)


def _listed(name: str) -> str:
    """A gazetteer name as a pattern: any spacing, and any dash where the list has "-" (OCR and
    typists print "Lao động – Thương binh", "Lao động — Thương binh")."""
    return regex.escape(name).replace(r"\ \-\ ", DASH).replace(r"\ ", SPACE)


def _name_pattern(parts: dict[str, str]) -> str:
    """A capitalised run: capitalised words joined by spaces, ``và`` or ``-``, with lower-case
    syllables (not stop words) between them and at most five after the last, then a territory
    ("Trung tâm Y tế các huyện, thành phố")."""
    stop = factored([regex.escape(w).replace(r"\ ", "[ ]+")
                     for w in sorted(word_list("agencies/name_stops.txt"), key=len, reverse=True)])
    # (a line wrapped inside the name is a space: "Ban Xây\ndựng Đảng")
    # (a unit before a listed province is the territory's, read below, across a wrapped line too: "Trung tâm
    # Phục vụ hành chính công tỉnh\nNghệ An")
    # (… and so is a unit before a slash: "Phòng Văn hóa - Xã hội xã/phường")
    unit = rf"{parts['territory']}(?:\s+(?:{parts['provinces']})(?!\p{{L}})|[ ]*/)"
    # (a lower-case letter is looked for before the look-aheads: most runs of words end before a capital)
    # (a word is read whole, and the words before a joint are never given back: a joint opens with a space, a
    # comma or a dash before a capital, found neither inside a word nor before a word of lower case)
    word = rf"(?:[ ]+|[ ]*\n[ ]*)(?=\p{{Ll}})(?!(?:{stop})(?!\p{{L}}))(?!{unit})\p{{Ll}}++"
    joint = _expand(parts["joint"], parts)
    # a head of several words may open a name written in lower case after its first word: "Văn phòng
    # Ban chỉ đạo phòng thủ dân sự quốc gia"
    # (only heads with a capital after their first word: "Trung tâm" is a name's run as it stands)
    compound = [h.split() for h in word_list("agencies/heads.txt")
                if h[:1].isupper() and any(w[:1].isupper() for w in h.split()[1:]) and not h.isupper()]
    compound_alt = factored([
        SPACE.join([regex.escape(w[0])] + [f"[{x[0].upper()}{x[0].lower()}]{regex.escape(x[1:])}" for x in w[1:]])
        for w in sorted(compound, key=len, reverse=True)])
    # (a listed province is one capital, though a line wraps inside it: "Khu công nghệ cao thành phố Hải\nPhòng")
    cap = rf"(?:{compound_alt}|(?:{parts['provinces']})(?!\p{{L}})|{parts['cap']})"
    # (a territory may follow a line wrapped inside the name: "Hội Liên hiệp Phụ nữ\nThành phố")
    # (a province before a cited title's verb ends the name: "… tỉnh Hà Tĩnh Ban hành Quy định …")
    # (… or a listed province wrapped or after a wrap: "Khu kinh tế mở Chu Lai thành phố Đà\nNẵng")
    after = "|".join(_expand(parts[k], parts)
                     for k in ("wrapped_province", "province_before_title", "province_after_wrap"))
    territory = (rf"(?:(?:[ ]+|[ ]*\n[ ]*){_expand(parts['territory_group'], parts)}"
                 rf"(?:{after}|(?:[ ]+{parts['cap']})*))?")
    lower, capitals = int(parts["lower_words"]), int(parts["capitals_after_first"])
    # (the parts are written out in place: called by name with (?&…) they compile in half the time
    # but match ten times slower)
    return rf"(?:{cap}(?:(?:{word}){{0,{lower}}}+{joint}{cap}){{0,{capitals}}}(?:{word}){{0,{lower}}}{territory})"


@cache
def _compiled() -> dict:
    grammar = settings("agencies")
    heads = word_list("agencies/heads.txt")
    bodies = word_list("agencies/bodies.txt")
    fields = word_list("agencies/fields.txt")
    parts = dict(grammar["parts"])
    parts |= {"heads": _alternation(heads), "fields": _alternation(fields),
              "provinces": _alternation(list(provinces())),
              "bodies": _alternation(bodies, ignore_case=True),  # (matched whatever their case)
              # a capital that opens another body ends a name: "Sở Tài chính và Ủy ban nhân dân …" (an
              # abbreviation may follow: "Văn phòng HĐND và UBND phường" is one office)
              # (ties in a fixed order: the same pattern text in every process, so the compiled cache holds)
              "head_words": "|".join(sorted({h.split()[0] for h in heads if not h.split()[0].isupper()},
                                            key=lambda w: (-len(w), w)))}
    parts["name"] = _name_pattern(parts)
    parts["lower_letters"] = settings("normalize")["letters"]["lower"]  # (for the standard engine's pretests)
    compiled = {key: compile_pattern(_expand(pattern, parts), regex.V1) for key, pattern in grammar["patterns"].items()}
    # (a regional branch of a named body keeps its region: "Kiểm toán nhà nước khu vực II")
    # (… and a province's branch its unit: "Hội Nông dân tỉnh")
    compiled["bodies"] = compile_pattern(
        rf"(?<!\p{{L}})(?:{parts['bodies']})(?!\p{{L}})(?:{parts['region']}|{_expand(parts['body_unit'], parts)})?",
                                         regex.V1 | regex.I)
    first_words = {key: set(words.split()) for key, words in grammar["triggers"].items()}
    grammar_words = list(first_words.values())
    first_words["named"] = {h.split()[0] for h in heads}
    first_words["bodies"] = {b.split()[0] for b in bodies}  # (where the trigger pass can find them)
    # where any pattern can start: all first words found in one Aho-Corasick pass over the text, then
    # the patterns are tried at those places only
    # (bodies are matched whatever their case, but only where a first word stands as the list writes it)
    compiled["trigger"] = _automaton({w.split()[0] for w in heads + bodies}.union(*grammar_words))
    compiled["first_words"] = first_words
    # each first word → the patterns it starts (one pass over a text's triggers sorts them all)
    keys_of: dict[str, list[str]] = {}
    for key, words in first_words.items():
        for word in words:
            keys_of.setdefault(word, []).append(key)
    compiled["keys_of"] = keys_of
    # a looser beginning of a pattern, tried first by the standard engine: a long pattern costs `regex`
    # a microsecond to set up at each start, and most starts fail on their first words
    compiled["pretests"] = {key: compile_re(_expand(pattern, parts)).match
                            for key, pattern in grammar["pretests"].items()}
    compiled["cheap_tests"] = grammar["cheap_tests"]
    # what a name ends with where ``trail`` can match (a test in C before a pattern tried at every place)
    compiled["trail_ends"] = tuple(parts["trail_words"].split("|"))
    return compiled


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
    found = rule_agencies(text)
    if os.environ.get(MODEL_ENV):
        found = _with_model_spans(text, found)
    if offset:
        found = [Agency(a.name, a.start + offset, a.end + offset, None if a.group is None else a.group + offset)
                 for a in found]
    return found


def rule_agencies(text: str) -> list[Agency]:
    """The agencies the rules and gazetteers find in ``text`` (no statistical model)."""
    c = _compiled()
    n = len(text)
    starts: dict[str, list[int]] = {key: [] for key in c["first_words"]}
    keys_of = c["keys_of"]
    for end, word in c["trigger"].iter(text):  # whole words only
        start = end - len(word) + 1
        if (not start or not text[start - 1].isalpha()) and (end + 1 == n or not text[end + 1].isalpha()):
            for key in keys_of[word]:
                starts[key].append(start)
    return _found(c, text, starts)


def agency_at_start(text: str) -> Agency | None:
    """The agency ``text`` opens with, if any (``Thủ tướng Chính phủ`` in ``của Thủ tướng
    Chính phủ về …`` once ``của`` is cut): only the patterns its first word can start are tried."""
    c = _compiled()
    first = rx(r"\p{L}+").match(text)
    if first is None:
        return None
    found = _found(c, text, {key: [0] if key in keys else [] for key in c["first_words"]}
                   if (keys := c["keys_of"].get(first.group())) else {})
    return found[0] if found and found[0].start == 0 else None


def _found(c: dict, text: str, starts: dict[str, list[int]]) -> list[Agency]:
    """The agencies matched at ``starts`` (pattern → where its first words stand in ``text``)."""
    if not starts:
        return []
    strong: list[Agency] = []
    shared_territorial = _at(c, "shared_territorial", text, starts["shared_territorial"])
    territorial_lists = [(m.start(), m.end()) for m in shared_territorial]
    covered = 0
    for m in _at(c, "localities", text, starts["localities"]):
        if m.start() < covered or any(s <= m.start() < e for s, e in territorial_lists):
            continue  # inside a list read already ("Các tỉnh …"), or a shared head read below ("UBND các tỉnh: …")
        covered = m.end()
        kind = " ".join(m["kind"].split())
        start = m.start()
        for p in c["province"].finditer(m["list"]):
            strong.append(Agency(f"{kind} {' '.join(p.group().split())}", start, m.start("list") + p.end(), m.start()))
            start = m.start("list") + p.end()
    # (match, head, kind of territory): "các Sở: Tài chính, Tư pháp"; "Ủy ban nhân dân các tỉnh: Đắk Lắk,
    # Gia Lai" → "Ủy ban nhân dân tỉnh Đắk Lắk", …; "UBND các tỉnh, thành phố: Tuyên Quang, Hồ Chí Minh":
    # each name by its own kind ("Ủy ban nhân dân Thành phố Hồ Chí Minh")
    # (a head printed in lower case, "các bộ, cơ quan: …", is capitalised in the body's name)
    shared = [(m, " ".join(m["head"].split()).capitalize(), None) for m in _at(c, "shared", text, starts["shared"])]
    shared += [(m, " ".join(m["head"].split()), " ".join(m["terr"].split()))
               for m in shared_territorial]
    for m, head, terr in shared:
        # the list runs while items are capitalised; the first item's span opens at the shared head,
        # so a run of agencies starts there
        pos = m.start("list")
        for item in c["shared_item"].finditer(text[pos:pos + 400]):
            if item.start() != 0 and not c["list_joint"].match(item.group()):
                break
            name = " ".join(item["n"].split())  # (one space where a line wrapped in it)
            if item.start() and c["role_item"].match(name):
                break  # "… Công Thương và Thủ trưởng các cơ quan …": the next addressee's role
            known_field = terr is None and c["field"].fullmatch(f"{head} {name}")
            if item.start() and not known_field and name.split()[0] in c["first_words"]["named"] \
                    and c["named"].match(name):
                # "các Sở: Tài chính, Xây dựng, Công ty …": another body's head ends the list (a name
                # only starting with a head's first word does not: "các Tập đoàn: …, Công nghiệp - Viễn thông …")
                break
            parts = [name] if known_field else c["and"].split(name)
            start = m.start() if item.start() == 0 else pos + item.start("n")
            for part in parts:
                kind = terr if terr is None or "," not in terr else provinces().get(part, terr.split(",")[0])
                named = f"{head} {part}" if kind is None else f"{head} {kind} {part}"
                strong.append(Agency(named, start, pos + item.end("n"), m.start()))
            if not c["list_goes_on"].match(text, pos + item.end()):
                break
    for key in ("field", "territorial", "bodies", "person", "ministers", "zones", "zone_board", "front_boards",
                "council_bodies", "council_deputies"):
        strong.extend(_matches(c, key, text, starts[key]))
    weak = [a for key in ("named", "kinds") for a in _matches(c, key, text, starts[key])]
    # a gazetteer name is not stretched by lower-case words the looser pattern takes in: "Sở Xây
    # dựng tiến hành rà soát" names "Sở Xây dựng" (a capital further on does extend it)
    ends = {a.start: a.end for a in strong}
    weak = [a for a in weak if a.start not in ends or a.end <= ends[a.start]
            or any(ch.isupper() for ch in text[ends[a.start]:a.end])]
    if c["cheap_tests"]["of_assembly"] in text:  # the National Assembly's own bodies
        strong = [Agency(f"{a.name} {' '.join(m.group().split())}", a.start, m.end())
                  if (m := c["of_assembly"].match(text, a.end)) else a for a in strong]
    found = _resolve(strong + weak)
    if c["cheap_tests"]["deputies"] in text:  # "bầu cử đại biểu Quốc hội": the deputies, not the body
        found = [a for a in found if not c["deputies"].search(text, max(0, a.start - 12), a.start)]
    return found


def _at(c: dict, key: str, text: str, starts: list[int]) -> list[regex.Match[str]]:
    """The matches of pattern ``key`` at ``starts`` (where its pretest, if any, passes first)."""
    if not starts:
        return []
    match = c[key].match
    pretest = c["pretests"].get(key)
    if pretest is None:
        return [m for pos in starts if (m := match(text, pos))]
    return [m for pos in starts if pretest(text, pos) and (m := match(text, pos))]


def _matches(c: dict, key: str, text: str, starts: list[int]) -> list[Agency]:
    out: list[Agency] = []
    # (a pattern with a "printed" group prints only that part: "Các đồng chí Bộ trưởng, …" names the
    # ministers, though the agency's span takes in the words before, for the run it opens)
    printed = "printed" in c[key].groupindex
    trail, trail_ends = c["trail"], c["trail_ends"]
    for m in _at(c, key, text, starts):
        if key == "kinds" and c["relevant_only"].match(text, m.end()):
            continue
        start = m.start()
        name = m["printed"] if printed else m.group()
        if name.endswith(trail_ends) or name[-1:].isspace() or name.endswith(","):
            name = trail.sub("", name)
        if key == "named" and len(name.split()) < 2:
            continue
        out.append(Agency(" ".join(name.split()), start, (m.start("printed") if printed else start) + len(name)))
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


# --- the statistical recogniser: an optional hook, kept apart from the rules ------------------------------
# A spaCy model trained on the gold agency names (``scripts/train_ner.py``) adds the bodies it finds
# where the rules found none. Off unless ``VN_EXTRACTOR_NER_MODEL`` names a trained model's folder:
# on held-out folds it did not raise task leads and partners (README, "The NER stage"), so no model is
# shipped and spaCy is no dependency. Used by ``benchmarks/ner_trained.py``.
MODEL_ENV = "VN_EXTRACTOR_NER_MODEL"


@cache
def _statistical_model(path: str):
    try:
        import spacy

        return spacy.load(path)
    except (ImportError, OSError, ValueError) as e:  # no spaCy, or no model there: the rules alone
        warnings.warn(f"{MODEL_ENV}={path}: no agency model loaded ({e})", stacklevel=3)
        return None


def _with_model_spans(text: str, found: list[Agency]) -> list[Agency]:
    """``found`` and the model's spans that overlap none of them, read line by line as it was trained."""
    nlp = _statistical_model(os.environ[MODEL_ENV])
    if nlp is None:
        return found
    starts, lines = [], []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
            lines.append(line)
        pos += len(line) + 1
    extra = []
    for start, doc in zip(starts, nlp.pipe(lines), strict=True):
        for e in doc.ents:
            s, t = start + e.start_char, start + e.end_char
            if not any(a.start < t and s < a.end for a in found):
                extra.append(Agency(" ".join(e.text.split()), s, t))
    return sorted(found + extra, key=lambda a: a.start) if extra else found
