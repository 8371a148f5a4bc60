"""The pipeline: source → normalized text → blocks → fields → record.

``extract`` is the public entry point; each stage lives in its own module and this one only wires
them together and maps every span back to the source text.
"""

from __future__ import annotations

from pathlib import Path

from . import read
from .fields.body import extract_body
from .fields.citations import find_citations
from .fields.dates import find_date, iso_date
from .fields.issuer import clean_place, infer_issuer, parse_issuer, repair_ocr
from .fields.lists import correct_archive, parse_distribution, parse_recipients
from .fields.number import parse_number
from .fields.signature import correct_ocr, parse_signature
from .grammar import doc_type_by_code, doc_types, patterns, rx
from .normalize import Text, clean_value, normalize
from .record import DocType, Error, PartialDate, Record, Source, Stamp
from .segment import Layout, segment

MIN_TEXT = 40  # characters: less than this is not a document
HEADER_CHARS = 6000  # the header of a directive lies well within this


def extract(source: str | Path | bytes) -> Record:
    """Read a document (a path, raw bytes or its text) and return its record.

    Never raises for a bad document: the record carries ``error`` instead.
    """
    try:
        doc = read.load(source)
    except read.ReadError as e:
        return Record(source=e.source or Source(), error=Error(code=e.code, message=str(e)))
    return extract_text(doc.text, doc.source, doc.warnings)


def extract_header(raw: str) -> Record:
    """Only the header fields (number, issuer, place and date, type, subject, recipients), read
    from the top of the document: for triage of large batches, where the body is not needed."""
    record = Record()
    text = normalize(raw[:HEADER_CHARS])
    layout = segment(text.text, header_only=True)
    _header(record, layout, text)
    _issuer(record, layout, text)
    return record


def extract_text(raw: str, source: Source | None = None, warnings: list[tuple[str, str]] | None = None) -> Record:
    """The record of a decoded document (what ``extract`` does once the file is read)."""
    record = Record(source=source or Source())
    for code, message in warnings or []:
        record.warn(code, message)
    if len(raw.strip()) < MIN_TEXT:
        record.error = Error(code="empty", message=f"the document has {len(raw.strip())} characters of text")
        return record
    text = normalize(raw)
    layout = segment(text.text)
    _header(record, layout, text)
    _tail(record, layout, text)
    _issuer(record, layout, text)
    block = layout.get("body")
    if block:
        annex = layout.get("annex")
        extract_body(record, text, block.start, block.end, (annex.start, annex.end) if annex else None)
    if record.number is None and record.issue_date is None and record.signature is None:
        # no header and no signature: not an administrative document, or one that lost both
        if record.tasks or record.citations or find_citations(text.text, 0, len(text.text), None):
            record.warn("not_a_directive", "no number, date or signature found: not an administrative document?")
        else:
            record.error = Error(code="not_a_directive",
                                 message="no number, date, signature, task or citation found: "
                                         "not an administrative document")
    return record


def _handwritten(record: Record, what: str) -> bool:
    """Did OCR find handwriting it could not read where the number (or the day) is?"""
    return any(w.code == "handwriting" and f"{what} unreadable" in w.message for w in record.warnings)


def _span(text: Text, start: int, end: int) -> tuple[int, int]:
    return text.source_span(start, end)


def _header(record: Record, layout: Layout, text: Text) -> None:
    title = layout.get("title")
    subject = layout.get("subject")
    if title:
        dt = next(t for t in doc_types() if t.name == title.groups["name"])
        record.doc_type = DocType(name=dt.name, code=dt.code, span=_span(text, title.start, title.end))
    elif subject is not None and subject.groups.get("vv"):
        record.doc_type = DocType(name="Công văn", code=None)
    number = layout.get("number")
    if number:
        rest = number.groups.get("rest") or ""
        record.number = parse_number(rest, record.doc_type.name if record.doc_type else None)
        if record.number:
            record.number.span = _span(text, *number.spans["rest"])
        if record.number is not None and record.number.number is None and rx(r"[^/\-]*\d").match(record.number.raw):
            record.warn("number_unreadable", f"the number '{record.number.raw}' cannot be read (handwritten?)")
        elif (record.number is None or record.number.number is None) and _handwritten(record, "number"):
            record.warn("number_unreadable", "the number is handwritten and could not be read (see warnings)")
        elif record.number is None or record.number.number is None:
            record.warn("blank_number", "the document number is left blank")
    if record.doc_type is None and record.number and record.number.type_code:
        dt = doc_type_by_code()[record.number.type_code]
        record.doc_type = DocType(name=dt.name, code=dt.code)
    elif record.doc_type is None and record.number and record.number.symbol:
        record.doc_type = DocType(name="Công văn", code=None)
    if record.doc_type and record.doc_type.name == "Công văn" and record.number and record.number.type_code:
        record.number = parse_number(record.number.raw, "Công văn").model_copy(update={"span": record.number.span})
    date = layout.get("date")
    if date:
        g = date.groups
        day = (g.get("day") or "").strip(" .…_")
        unreadable = bool(day) and not day.isdigit()
        day = day if day.isdigit() else ""
        value = iso_date(g["year"], g.get("month"), day or None)
        if value:
            precision = "day" if day else ("month" if g.get("month") else "year")
            record.issue_date = PartialDate(value=value, precision=precision, raw=clean_value(g["date"]),
                                            span=_span(text, *date.spans["date"]))
            if unreadable or (not day and _handwritten(record, "day")):
                signed = f"; the PDF was first signed on {record.source.signed[0][:10]}" if record.source.signed else ""
                seen = f" ('{g.get('day')}')" if g.get("day") else ""
                record.warn("day_unreadable", f"the day of the issue date cannot be read{seen}{signed}")
            elif not day:
                record.warn("blank_day", "the day of the issue date is left blank")
        record.place = clean_place(g.get("place"))
    if subject:  # the trích yếu without a leading "V/v" or "Về việc", also under a title
        record.subject = clean_value(patterns("header")["blocks"]["subject_prefix"].sub("", subject.text, count=1))
    recipients = layout.get("recipients")
    if recipients:
        record.recipients = parse_recipients(recipients.text, recipients.start)
        for r in record.recipients:
            r.span = _span(text, *r.span)
    for kind in ("urgency", "secrecy"):
        block = layout.get(kind)
        if block:
            setattr(record, kind, block.text.strip())


def _tail(record: Record, layout: Layout, text: Text) -> None:
    sig = layout.get("signature")
    if sig:
        record.signature = parse_signature(sig.groups["caps"], sig.groups.get("name"))
        record.signature.span = _span(text, sig.start, sig.end)
        if record.source.ocr:
            for note in correct_ocr(record.signature):
                record.warn("ocr_corrected", note)
    dist = layout.get("distribution")
    if dist:
        record.distribution, record.archive = parse_distribution(dist.text, dist.start)
        if record.source.ocr:
            for note in correct_archive(record.archive):
                record.warn("ocr_corrected", note)
        for d in record.distribution:
            d.span = _span(text, *d.span)
    stamp = layout.get("stamp")
    if stamp:
        g = stamp.groups
        found = find_date(g.get("date") or "")
        record.stamps.append(Stamp(org=clean_value(g.get("org")), number=g.get("number"),
                                   date=found[0] if found else None, raw=clean_value(stamp.text),
                                   span=_span(text, stamp.start, stamp.end)))


def _issuer(record: Record, layout: Layout, text: Text) -> None:
    block = layout.get("issuer")
    if block:
        lines = block.text
        if record.source.ocr:
            lines, notes = repair_ocr(lines)
            for note in notes:
                record.warn("ocr_corrected", note)
        record.issuer = parse_issuer(lines)
        if record.issuer:
            record.issuer.span = _span(text, block.start, block.end)
    if record.issuer is None:
        authority = record.signature.authority if record.signature else []
        record.issuer = infer_issuer(record.number, authority, record.place)
        if record.issuer:
            record.warn("issuer_inferred", f"issuer block not found; inferred '{record.issuer.name}'")
        if record.number is None or record.issuer is None:
            record.warn("missing_header", "the header block (issuer, number) was not found")
