"""Every value with a span equals the source text at that span.

Spans are ``[start, end)`` in the decoded source text (the file's text after its encoding is
decoded, before normalization). "Equals" is judged after the documented normalization of both
sides: the source slice is normalized (NFC, modern tone marks, markup removed) and white space is
folded to one space. Per field:

- values copied from the text (``number.raw``, ``issue_date.raw``, ``deadlines[].raw``,
  ``citations[].raw``, ``stamps[].raw``, recipients' and distribution entries' ``name``, ``note``):
  the slice, as the record cleans text (no entry mark in front, no ``;.,:`` at the end; ``number.raw``
  also without white space, the dots of a blank number, and OCR specks after the symbol);
- values rewritten by rule (``doc_type.name`` from a title in capitals; ``issuer.raw``, whose
  lines are the block's pieces without the quốc hiệu between them; the signature's lines, joined
  from wrapped lines and with a marker's dot spaced: ``KT.TRƯỞNG`` → ``KT. TRƯỞNG``): the value
  equals the slice without case (title), or the letters and digits of each of its lines or parts
  stand in the slice's, in order (white space, punctuation and list marks aside: ``+ LĐVP`` under
  ``- Văn phòng UBND:``);
- ``tasks[].text``: its letters and digits stand in the slice's (an item's text joins its lines and
  sub-entries).
OCR-corrected values (a warning ``ocr_corrected`` names them) are compared before correction, so
they are left out here; the samples and dev documents are not OCR'd.
"""

from __future__ import annotations

import pytest
import regex
from conftest import sample_files

from extractor import extract
from extractor.normalize import clean_value, normalize
from extractor.read import load


def _fold(text: str) -> str:
    return " ".join(normalize(text).text.split())


_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def _bare(text: str) -> str:
    """Letters and digits only: white space, punctuation and list marks aside."""
    return _NOT_WORD.sub("", normalize(text).text)


def _in_order(parts: list[str], slice_: str) -> bool:
    pos = 0
    haystack = _bare(slice_)
    for part in parts:
        found = haystack.find(_bare(part), pos)
        if found < 0:
            return False
        pos = found + len(_bare(part))
    return True


def span_mismatches(path) -> list[str]:
    """What in the record of ``path`` does not match its source at its span."""
    source = load(path).text
    record = extract(path)
    bad: list[str] = []

    def at(obj) -> str:
        start, end = obj.span
        assert 0 <= start <= end <= len(source), obj
        return source[start:end]

    def check(what: str, ok: bool, value, slice_: str) -> None:
        if not ok:
            bad.append(f"{what}: {value!r} at {slice_!r}")

    def as_text(slice_: str) -> str:
        return clean_value(regex.sub(r"^[ ]*[-–+•*][ ]*", "", _fold(slice_))) or ""

    if record.doc_type and record.doc_type.span:
        s = at(record.doc_type)
        check("doc_type", _fold(s).casefold() == record.doc_type.name.casefold(), record.doc_type.name, s)
    if record.number and record.number.span:
        s = at(record.number)
        rest = regex.sub(r"[.…_]+(?=/)", "", "".join(normalize(s).text.split()))
        check("number", rest.startswith(record.number.raw) and not regex.search(
            r"[\p{L}\d]", rest[len(record.number.raw):]), record.number.raw, s)
    if record.issue_date and record.issue_date.span:
        s = at(record.issue_date)
        check("issue_date", _fold(s) == record.issue_date.raw, record.issue_date.raw, s)
    if record.issuer and record.issuer.span:
        s = at(record.issuer)
        check("issuer", _in_order(record.issuer.raw.split("\n"), s), record.issuer.raw, s)
    for r in record.recipients:
        s = at(r)
        check("recipient", as_text(s) == r.name, r.name, s)
    for d in record.distribution:
        s = at(d)
        check("distribution", _in_order([d.name] + ([d.note] if d.note else []), s), d.name, s)
    ocr = any(w.code == "ocr_corrected" for w in record.warnings)
    if record.signature and record.signature.span and not ocr:
        s = at(record.signature)
        parts = record.signature.authority + [record.signature.position or "", record.signature.signer or ""]
        check("signature", _in_order(parts, s), parts, s)
    for st in record.stamps:
        s = at(st)
        check("stamp", _fold(s) == st.raw, st.raw, s)
    for d in record.deadlines:
        s = at(d)
        check("deadline", _fold(s) == d.raw, d.raw, s)
    for c in record.citations:
        s = at(c)
        check("citation", clean_value(_fold(s)) == c.raw, c.raw, s)
    for t in record.tasks:
        s = at(t)
        check("task", _bare(t.text) in _bare(s), t.text[:80], s[:200])
    return bad


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_sample_values_equal_their_source_at_their_span(path):
    assert span_mismatches(path) == []


def test_dev_document_values_equal_their_source_at_their_span(corpus):
    bad = {p.name: m for p in sorted((corpus / "docs").iterdir()) if (m := span_mismatches(p))}
    assert bad == {}
