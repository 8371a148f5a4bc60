"""Issuer (cơ quan ban hành).

Forms handled in the issuer block (upper case, one body per line, parent first):
- ``ỦY BAN NHÂN DÂN / TỈNH HÀ TĨNH`` → ``Ủy ban nhân dân tỉnh Hà Tĩnh``;
- ``UBND THÀNH PHỐ HÀ NỘI / SỞ GIÁO DỤC VÀ ĐÀO TẠO`` → ``Sở Giáo dục và Đào tạo Thành phố Hà Nội``
  (territory taken from the parent), parent ``Ủy ban nhân dân Thành phố Hà Nội``;
- ``BAN CHẤP HÀNH TRUNG ƯƠNG / VĂN PHÒNG`` → ``Văn phòng Ban Chấp hành Trung ương`` (a dependent
  body takes its parent's name);
- ``BỘ TÀI CHÍNH / CỤC THUẾ`` → ``Cục Thuế`` with parent ``Bộ Tài chính``;
- web line breaks inside a name (``ỦY\\nBAN NHÂN DÂN``, ``THỦ TƯỚNG CHÍNH\\nPHỦ``).
When the block is lost, the issuer is inferred from the symbol's issuer code, the signature's
``TM.`` line and the place, with ``inferred: true``.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from ..blocks import Block
from ..grammar import issuer_codes, provinces, rx, settings
from ..normalize import Text, clean_value, strip_marks
from ..record import Issuer, Number, Warning, WarningCode
from ..regex_cache import compile_pattern

# An office prints its issuer block alike on all its documents, so a batch reads the same few blocks
# and bodies again and again (the pool: 110 blocks, 63 bodies on 395 documents): their readings, which
# depend on the text alone, are kept (so many of them).
READINGS_KEPT = 4096


def read_issuer(block: Block | None, text: Text, ocr: bool, number: Number | None, authority: list[str],
                place: str | None) -> tuple[Issuer | None, list[Warning]]:
    """The issuer from its header block (span in the source; OCR's marks mended), else inferred
    from the number's issuer code, the signature's ``TM.`` line (``authority``) and the place."""
    warnings: list[Warning] = []
    issuer = None
    if block:
        lines = block.text
        if ocr:
            lines, notes = repair_ocr(lines)
            warnings += [Warning(code=WarningCode.OCR_CORRECTED, message=note) for note in notes]
        parts = _issuer_parts(lines)
        if parts:
            issuer = Issuer(name=parts[0], parent=parts[1], raw=parts[2], inferred=False,
                           span=text.source_span(block.start, block.end))
    if issuer is None:
        issuer = infer_issuer(number, authority, place)
        if issuer:
            warnings.append(Warning(code=WarningCode.ISSUER_INFERRED,
                                    message=f"issuer block not found; inferred '{issuer.name}'"))
        if number is None or issuer is None:
            warnings.append(Warning(code=WarningCode.MISSING_HEADER,
                                    message="the header block (issuer, number) was not found"))
    return issuer, warnings


@cache
def _grammar() -> dict:
    g = settings("issuer")
    heads = sorted(g["heads"], key=len, reverse=True)
    # the territory words, and the abbreviations that stand for one ("TP." for "THÀNH PHỐ")
    full = g["territories"]
    territories = sorted(full + [a for a, word in g["abbreviations"].items() if word in full], key=len, reverse=True)
    return {
        "head": compile_pattern(r"^(?:" + "|".join(map(regex.escape, heads)) + r")\b"),
        "heads": heads,
        "head_set": set(heads),
        "head_words": max(h.count(" ") + 1 for h in heads),
        "dependent": set(g["dependent"]),
        "territory": compile_pattern(r"(?:^|\s)(?P<kind>" + "|".join(map(regex.escape, territories))
                                   + r")\s+(?!(?:" + "|".join(map(regex.escape, g["not_a_place"]))
                                   + r")\b)(?P<name>\S.*)$"),
        "territory_start": compile_pattern(r"^(?:" + "|".join(map(regex.escape, territories)) + r")\s"),
        "central": set(g["central_cities"]),
        "abbrev": compile_pattern(r"(?<!\S)(" + "|".join(map(regex.escape, g["abbreviations"])) + r")(?!\S)"),
        "abbrev_map": g["abbreviations"],
        # proper nouns and provinces, each with its case-folded form (looked for in a name, then written
        # with their capitals)
        "proper_folded": [(p, p.casefold()) for p in sorted(g["proper"]["words"], key=len, reverse=True)
                          + list(provinces())],
        "territory_of": compile_pattern(r"(?i)(?:^|\s)((?:" + "|".join(map(regex.escape, full)) + r")\s+\S.*)$"),
        "national_parent": compile_pattern(r"^(?:" + "|".join(map(regex.escape, g["national_parents"])) + r")\b"),
        "city": g["city_word"].lower(),
        "province": g["province_word"].lower(),
        "plain_after": set(g["plain_after"]),
        "capital_after": set(g["capital_after"]),
        "on_behalf": compile_pattern(g["inference"]["on_behalf"], regex.V1),
        "local": compile_pattern(g["inference"]["local"], regex.V1),
    }


def split_units(block_text: str) -> list[str]:
    """The bodies of an issuer block, parent first, with web line breaks re-joined."""
    g = _grammar()
    units: list[str] = []
    # (OCR specks around a line; a comma at its end stays while the name goes on: "BỘ VĂN HÓA,\nTHỂ THAO")
    for line in (ln.strip().lstrip(_SPECKS).rstrip(_SPECKS_BUT_COMMA) for ln in block_text.split("\n")):
        if not line:
            continue
        # "CỤC\nHẢI QUAN": a head alone on its line goes on with the next, whatever it starts with; so does
        # a dependent body's head on the block's first line ("VĂN PHÒNG\nCHÍNH PHỦ"; under its parent,
        # "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG", it is the whole name)
        lone_head = bool(units) and units[-1] in g["heads"] and (len(units) == 1 or units[-1] not in g["dependent"])
        if lone_head:
            units[-1] = f"{units[-1]} {line}"
        elif units and not _opens_unit(units[-1], line, g):
            if _ends_with_province(units[-1]) and not g["territory_start"].match(line):
                continue  # a unit is complete with its province: what follows is OCR junk
            units[-1] = f"{units[-1]} {line}"
        else:
            units.append(line)
    return [unit.rstrip(_SPECKS) for unit in units]


_SPECKS = "\"'“”‘’`.,;:_|"
_SPECKS_BUT_COMMA = _SPECKS.replace(",", "")


def _ends_with_province(unit: str) -> bool:
    return unit.endswith(_province_ends())


@cache
def _province_ends() -> tuple[str, ...]:
    """Each province's name as it ends a unit (one ``endswith`` for them all)."""
    return tuple(" " + name.upper() for name in provinces())


def _opens_unit(previous: str, line: str, g: dict) -> bool:
    if not g["head"].match(line) or g["territory_start"].match(line):
        return False
    joined = f"{previous.split()[-1]} {line}"
    first = len(line.split()[0])
    return not any(joined.startswith(h) and len(h) > first for h in g["heads"])


def _expand(text: str) -> str:
    g = _grammar()
    return g["abbrev"].sub(lambda m: g["abbrev_map"][m.group(1)], text)


@lru_cache(maxsize=READINGS_KEPT)
def sentence_case(upper: str) -> str:
    """``SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HÀ TĨNH`` → ``Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh``."""
    g = _grammar()
    text = rx(r"\s+").sub(" ", upper).strip()
    if not is_upper(text):
        return text
    m = g["territory"].search(text)
    body, territory = (text[:m.start()].strip(), m) if m else (text, None)
    head = _head_of(body, g)
    after_head = len(head.split()) if head and head not in g["plain_after"] else -1
    words = body.lower().split(" ") if body else []
    out = []
    for i, w in enumerate(words):
        cap = i in (0, after_head) or (i > 0 and (words[i - 1] in g["capital_after"] or out[-1].endswith(",")))
        out.append(w[:1].upper() + w[1:] if cap else w)
    result = " ".join(out)
    folded = result.casefold()
    for proper, proper_folded in g["proper_folded"]:
        if proper_folded in folded:
            result = _proper_pattern(proper).sub(proper, result)
            folded = result.casefold()
    if territory:
        kind = g["abbrev_map"].get(territory["kind"], territory["kind"]).lower()  # "TP." → "thành phố"
        name = territory["name"]
        if kind == g["city"] and name in g["central"]:
            kind = kind[:1].upper() + kind[1:]
        place = " ".join(w[:1].upper() + w[1:].lower() for w in name.split(" "))
        result = f"{result} {kind} {place}".strip()
    return result[:1].upper() + result[1:]


def _head_of(body: str, g: dict) -> str:
    """The longest head followed by a space that ``body`` starts with, or "": a head is whole words,
    so it is one of the body's first words joined (the longest tried first)."""
    words = body.split(" ")
    for k in range(min(g["head_words"], len(words) - 1), 0, -1):
        prefix = " ".join(words[:k])
        if prefix in g["head_set"]:
            return prefix
    return ""


@cache
def _proper_pattern(proper: str) -> regex.Pattern[str]:
    """A proper noun as a whole word in any case (flags as ``regex.sub`` gives them)."""
    return compile_pattern(r"(?i)(?<!\p{L})" + regex.escape(proper) + r"(?!\p{L})")


def is_upper(text: str) -> bool:
    return not rx(r"\p{Ll}").search(text)


def territory_of(name: str) -> str | None:
    """``Ủy ban nhân dân tỉnh Hà Tĩnh`` → ``tỉnh Hà Tĩnh``."""
    m = _grammar()["territory_of"].search(name)
    return m.group(1) if m else None


def repair_ocr(block_text: str) -> tuple[str, list[str]]:
    """Mend what OCR does to an issuer block's bold capitals, by comparing letters without their
    marks: a line whose marks went wrong but whose letters spell a known head or a province
    ("ÚY BAN NHÂN DÂN", "TÍNH QUẢNG NGÃI") is written as it should be. Returns the corrections."""
    known = {_bare(w): w for w in _known_lines()}
    out, notes = [], []
    for line in block_text.split("\n"):
        fixed = known.get(_bare(line.strip()))
        if fixed and fixed != line.strip():
            notes.append(f"{line.strip()} → {fixed}")
            line = fixed
        out.append(line)
    return "\n".join(out), notes


@cache
def _known_lines() -> list[str]:
    g = settings("issuer")
    lines = [h for h in g["heads"] if len(h) > 3]
    for name, kind in provinces().items():
        word = g["city_word"] if kind == g["city_word"].lower() else g["province_word"]
        lines += [f"{word} {name.upper()}", name.upper()]
    return lines


def _bare(text: str) -> str:
    return " ".join(strip_marks(text).upper().split())


def parse_issuer(block_text: str) -> Issuer | None:
    parts = _issuer_parts(block_text)
    return Issuer(name=parts[0], parent=parts[1], raw=parts[2], inferred=False) if parts else None


@lru_cache(maxsize=READINGS_KEPT)
def _issuer_parts(block_text: str) -> tuple[str, str | None, str] | None:
    """(name, parent, raw block) of the issuer ``parse_issuer`` reads."""
    units = [_expand(u) for u in split_units(block_text)]
    if not units:
        return None
    g = _grammar()
    names = [sentence_case(u) for u in units]
    name = names[-1]
    parent = names[-2] if len(names) > 1 else None
    if parent:
        if units[-1] in g["dependent"]:
            name = f"{name} {parent}"
        elif not territory_of(name) and territory_of(parent) and not g["national_parent"].match(parent):
            name = f"{name} {territory_of(parent)}"
    return clean_value(name) or name, clean_value(parent), block_text.strip()


def infer_issuer(number: Number | None, authority: list[str], place: str | None) -> Issuer | None:
    """Issuer when the header block is lost: the symbol's issuer code, else the ``TM.`` line."""
    name = None
    kind = "central"
    codes = issuer_codes()
    inference = _grammar()
    if number and number.issuer_code:
        code = number.issuer_code.split("-")[0]
        code = code if code in codes else code.rstrip("0123456789")  # the legislature's term: "UBTVQH15"
        if code in codes:
            name, kind = codes[code]
    if name is None:
        for line in authority:
            m = inference["on_behalf"].match(line)
            if m:
                name = sentence_case(_expand(m.group(1)))
                kind = "local" if inference["local"].search(name) else "central"
    if name is None:
        return None
    if kind == "local" and place and not territory_of(name):
        province_kind = provinces().get(place)
        if province_kind:
            g = _grammar()
            word = g["city"].capitalize() if province_kind == g["city"] else g["province"]
            name = f"{name} {word} {place}"
    return Issuer(name=name, parent=None, raw=None, inferred=True)
