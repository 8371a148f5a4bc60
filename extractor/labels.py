"""The extracted values of a record as labelled character spans of the source text.

One list, shared by ``show`` (highlighting) and ``extractor.spacy`` (entities), so both agree on
what a value is and what it is called. Records give a span for every value they read from the
text except the agencies of tasks, which are names (``lead``, ``cooperating``): those are looked
up in the text of their task (or of the task they inherit them from), comparing letters without
tone marks so old tone placement (``Uỷ``/``Ủy``) and line breaks inside a name still match.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from .record import Record

# label → what it marks; documented in README ("spaCy documents") and shown in ``show``'s legend
LABELS: dict[str, str] = {
    "DOC_TYPE": "the document type (title)",
    "NUMBER": "the number and symbol (Số …)",
    "ISSUER": "the issuing body (header block)",
    "ISSUE_DATE": "the place and date line's date",
    "RECIPIENT": "a recipient (Kính gửi)",
    "LEAD": "an agency leading a task",
    "PARTNER": "an agency cooperating on a task (phối hợp)",
    "DEADLINE": "a deadline",
    "CITATION": "a cited document",
    "SIGNATURE": "the signature block",
    "DISTRIBUTION": "an entry of Nơi nhận",
    "STAMP": "an incoming-document stamp",
}


@dataclass(frozen=True)
class Value:
    """One extracted value at its place: ``text[start:end]`` is where the record read it."""

    label: str
    start: int
    end: int
    value: str  # the value as the record holds it (a normalized name, an ISO date…)
    task: str | None = None  # the task it belongs to (agencies, deadlines)


def values(record: Record, text: str) -> list[Value]:
    """Every value of ``record`` that has a place in ``text`` (its decoded source), in text order.

    Agencies of tasks not found in the text (a name the extractor composed, such as a distributed
    ``Công an phường, xã`` from ``Công an các phường, xã``) are left out.
    """
    found: list[Value] = []

    def add(label: str, obj, value: str | None, task: str | None = None) -> None:
        if obj is not None and obj.span is not None and obj.span[1] > obj.span[0] and value:
            found.append(Value(label, obj.span[0], obj.span[1], value, task))

    add("DOC_TYPE", record.doc_type, record.doc_type and record.doc_type.name)
    add("NUMBER", record.number, record.number and record.number.raw)
    add("ISSUER", record.issuer, record.issuer and record.issuer.name)
    add("ISSUE_DATE", record.issue_date, record.issue_date and record.issue_date.value)
    for r in record.recipients:
        add("RECIPIENT", r, r.name)
    deadlines = {d.span: d for d in record.deadlines if d.span}
    deadlines.update({t.deadline.span: t.deadline for t in record.tasks if t.deadline and t.deadline.span})
    for d in deadlines.values():
        add("DEADLINE", d, d.value, d.task)
    for c in record.citations:
        add("CITATION", c, c.number)
    add("SIGNATURE", record.signature, record.signature and (record.signature.signer or record.signature.position))
    for d in record.distribution:
        add("DISTRIBUTION", d, d.name)
    for s in record.stamps:
        add("STAMP", s, s.number or s.raw)
    seen = {(v.label, v.start, v.end) for v in found}
    for v in agency_values(record, text):  # a parent's agencies are its sub-items' too: one value per place
        if (v.label, v.start, v.end) not in seen:
            seen.add((v.label, v.start, v.end))
            found.append(v)
    return sorted(found, key=lambda v: (v.start, -v.end, v.label))


def agency_values(record: Record, text: str) -> list[Value]:
    """Where each task's lead and cooperating agencies are written: in the task's own text, else
    in the text of the nearest task above it (sub-items inherit their parent's lead), else anywhere."""
    folded = fold(text)
    tasks = {t.id: t for t in record.tasks}
    found: list[Value] = []
    for task in record.tasks:
        for label, names in (("LEAD", task.lead), ("PARTNER", task.cooperating)):
            for name in names:
                place = None
                scope = task
                while scope is not None and place is None:
                    if scope.span:
                        place = _find(name, folded, *scope.span)
                    scope = tasks.get(scope.parent) if scope.parent else None
                if place is None:  # named once for all tasks (a heading, the opening paragraph)
                    place = _find(name, folded, 0, len(text))
                if place:
                    found.append(Value(label, place[0], place[1], name, task.id))
    return found


def fold(text: str) -> str:
    """The text with each character replaced by its base letter in lower case (``Ủ`` → ``u``),
    one character for one, so offsets in the folded text are offsets in the text."""
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c.isspace():
        return " "
    base = unicodedata.normalize("NFD", c)[0]
    return base.lower() if len(base.lower()) == 1 else c


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> regex.Pattern[str]:
    """A name as a pattern over folded text: any white space between words, a comma where the
    name has one or not, marks (of a text in NFD) after any letter, whole words only."""
    marks = r"\p{M}*"

    def words(part: str) -> str:
        return r"\s+".join("".join(regex.escape(c) + marks for c in fold(w)) for w in part.split())

    pattern = r"\s*,?\s*".join(words(part) for part in name.split(","))  # "sở, ban, ngành" as "sở, ban ngành"
    return regex.compile(r"(?<![\p{L}\p{M}\d])" + pattern + r"(?![\p{L}\d])")


def _find(name: str, folded: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``name`` is written; for a name the extractor built from a shared head ("Bộ Quốc phòng"
    from "các Bộ: Quốc phòng, Công an", "tỉnh Nghệ An" from "Các tỉnh Nghệ An, …"), where its own
    part is written: the longest tail of its words that opens with a capital."""
    words = name.split()
    for k in range(len(words)):
        if k and not words[k][:1].isupper():
            continue
        m = _name_pattern(" ".join(words[k:])).search(folded, start, end)
        if m:
            return m.start(), m.end()
    return None
