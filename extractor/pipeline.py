"""The pipeline: source → normalized text → blocks → fields → record.

``extract`` is the public entry point. Each stage lives in its own module and this one only wires
them together: ``read`` decodes the file, ``normalize`` gives the text and its map back to the
source, ``segment`` finds the blocks (``blocks.Layout``), and one module per field in ``fields/``
reads its value from its block and returns it (spans already in the source), with the warnings it
raises. The record is assembled here and nowhere else (the body's fields apart, for now).
"""

from __future__ import annotations

from pathlib import Path

from . import read
from .blocks import Layout
from .fields.body import read_body
from .fields.citations import find_citations
from .fields.dates import read_adoption_date, read_issue_date
from .fields.distribution import read_distribution
from .fields.doc_type import infer_doc_type, read_doc_type
from .fields.issuer import read_issuer
from .fields.marks import read_marks
from .fields.number import read_number
from .fields.place import read_place
from .fields.recipients import read_recipients
from .fields.signature import read_signature
from .fields.stamps import read_stamp
from .fields.subject import read_subject
from .normalize import Text, normalize
from .record import Error, Record, Source, Warning, WarningCode
from .segment import segment

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
    return extract_text(doc.text, doc.source, doc.warnings, doc.unreadable)


def extract_header(raw: str) -> Record:
    """Only the header fields (number, issuer, place and date, type, subject, recipients), read
    from the top of the document: for triage of large batches, where the body is not needed."""
    record = Record()
    text = normalize(raw[:HEADER_CHARS])
    layout = segment(text.text, header_only=True)
    _header(record, layout, text)
    _issuer(record, layout, text)
    return record


def extract_text(raw: str, source: Source | None = None, warnings: list[tuple[str, str]] | None = None,
                 unreadable: frozenset[str] = frozenset()) -> Record:
    """The record of a decoded document (what ``extract`` does once the file is read); ``unreadable``:
    the fields the reader saw handwritten and could not read ('number', 'day')."""
    record = Record(source=source or Source())
    for code, message in warnings or []:
        record.warn(code, message)
    if len(raw.strip()) < MIN_TEXT:
        record.error = Error(code="empty", message=f"the document has {len(raw.strip())} characters of text")
        return record
    text = normalize(raw)
    layout = segment(text.text)
    _header(record, layout, text, unreadable)
    _tail(record, layout, text)
    _issuer(record, layout, text)
    body, annex = layout.body, layout.annex
    if body:
        issue = record.issue_date.value if record.issue_date and record.issue_date.precision == "day" else None
        found = read_body(text, body.start, body.end, (annex.start, annex.end) if annex else None, issue,
                          record.number.raw if record.number else None,
                          year=record.number.year if record.number else None)
        record.tasks, record.deadlines, record.citations = found.tasks, found.deadlines, found.citations
        _add(record, found.warnings)
    if record.number is None and record.issue_date is None and record.signature is None:
        # no header and no signature: not an administrative document, or one that lost both
        if record.tasks or record.citations or find_citations(text.text, 0, len(text.text), None):
            record.warn(WarningCode.NOT_A_DIRECTIVE,
                        "no number, date or signature found: not an administrative document?")
        else:
            record.error = Error(code="not_a_directive",
                                 message="no number, date, signature, task or citation found: "
                                         "not an administrative document")
    return record


def _add(record: Record, warnings: list[Warning] | tuple[Warning, ...]) -> None:
    for w in warnings:
        record.warn(w.code, w.message)


def _header(record: Record, layout: Layout, text: Text, unreadable: frozenset[str] = frozenset()) -> None:
    """Type, number, place and date, subject, recipients, urgency and secrecy."""
    record.doc_type = read_doc_type(layout.title, layout.subject, text)
    if layout.number:
        reading = read_number(layout.number, text, record.doc_type, "number" in unreadable)
        record.number = reading.number
        _add(record, reading.warnings)
        record.doc_type = record.doc_type or infer_doc_type(reading)
    if layout.date:
        record.issue_date, warnings = read_issue_date(layout.date, text, record.source.signed,
                                                      "day" in unreadable)
        _add(record, warnings)
        record.place = read_place(layout.date)
    else:
        record.issue_date = read_adoption_date(text)
    if layout.subject:  # the trích yếu without a leading "V/v" or "Về việc", also under a title
        record.subject = read_subject(layout.subject)
    if layout.recipients:
        record.recipients = read_recipients(layout.recipients, text)
    record.urgency, record.secrecy = read_marks(layout)


def _tail(record: Record, layout: Layout, text: Text) -> None:
    """Signature, Nơi nhận and its archive line, incoming-document stamps."""
    if layout.signature:
        record.signature, warnings = read_signature(layout.signature.lines, text, record.source.ocr)
        _add(record, warnings)
    if layout.distribution:
        record.distribution, record.archive, warnings = read_distribution(layout.distribution, text,
                                                                          record.source.ocr)
        _add(record, warnings)
    if layout.stamp:
        record.stamps.append(read_stamp(layout.stamp, text))


def _issuer(record: Record, layout: Layout, text: Text) -> None:
    """The issuer, read last: when its block is lost it is inferred from the number, signature and place."""
    authority = record.signature.authority if record.signature else []
    record.issuer, warnings = read_issuer(layout.issuer, text, record.source.ocr, record.number, authority,
                                          record.place)
    _add(record, warnings)
