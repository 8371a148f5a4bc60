"""The document record, version 1: the output contract of ``shared/spec/RECORD.md``.

All record types live here (``DocType`` too: the grammar's table of types hands out these). They
are plain dataclasses: the pipeline makes every value itself, so nothing needs checking on the way
out, and a batch worker starts without importing pydantic (half of the package's start-up, 0.1 s).
Records coming *in* (a JSON Lines file given to an exporter, a spaCy document's record) are checked
by pydantic against these same classes (``from_json``, ``from_dict``), which also gives the JSON
Schema (``json_schema``); ``to_json`` writes them with orjson.

Every extracted object carries ``span``: its ``[start, end)`` character offsets in the decoded
source text, so a reviewer can highlight where a value came from. ``WarningCode`` lists every kind
of warning; the JSON carries its string.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

import orjson

if TYPE_CHECKING:
    from pydantic import TypeAdapter

SCHEMA_VERSION = "1"
Span = tuple[int, int]
Precision = Literal["day", "month", "quarter", "half", "year"]
Urgency = Literal["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"]
Secrecy = Literal["MẬT", "TỐI MẬT", "TUYỆT MẬT"]

model = dataclass(kw_only=True)  # every record type: fields by name only, as in the JSON
_CHECKED = {"extra": "forbid"}  # pydantic's configuration when it checks a record read back: no unknown keys


@model
class Source:
    __pydantic_config__ = _CHECKED

    path: str | None = None
    format: Literal["text", "markdown", "docx", "pdf", "image"] = "text"
    ocr: bool = False
    encoding: str | None = None
    sha256: str | None = None
    pages: int | None = None
    signed: list[str] = field(default_factory=list)  # times of the PDF's digital signatures (ISO 8601)


@dataclass(kw_only=True, frozen=True)  # the grammar's table hands out shared instances
class DocType:
    __pydantic_config__ = _CHECKED

    name: str
    code: str | None = None
    span: Span | None = None


@model
class Number:
    __pydantic_config__ = _CHECKED

    raw: str
    number: str | None = None
    symbol: str | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    unit_code: str | None = None
    year: int | None = None
    span: Span | None = None


@model
class Issuer:
    __pydantic_config__ = _CHECKED

    name: str
    parent: str | None = None
    raw: str | None = None
    inferred: bool = False
    span: Span | None = None


@model
class PartialDate:
    __pydantic_config__ = _CHECKED

    value: str
    precision: Precision
    raw: str | None = None
    span: Span | None = None


@model
class Recipient:
    __pydantic_config__ = _CHECKED

    name: str
    raw: str | None = None
    span: Span | None = None


@model
class Deadline:
    __pydantic_config__ = _CHECKED

    value: str
    precision: Precision
    recurrence: Literal["yearly", "monthly"] | None = None
    relative: bool = False
    raw: str | None = None
    task: str | None = None
    span: Span | None = None


@model
class Task:
    __pydantic_config__ = _CHECKED

    id: str
    parent: str | None = None
    text: str
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    deadline: Deadline | None = None
    span: Span | None = None


@model
class Citation:
    __pydantic_config__ = _CHECKED

    doc_type: str | None = None
    number: str
    date: str | None = None
    issuer: str | None = None
    relation: Literal["based_on", "replaces", "amends", "guides", "implements", "refers"] = "refers"
    raw: str
    span: Span | None = None


@model
class Signature:
    __pydantic_config__ = _CHECKED

    authority: list[str] = field(default_factory=list)
    position: str | None = None
    signer: str | None = None
    span: Span | None = None


@model
class DistributionEntry:
    __pydantic_config__ = _CHECKED

    name: str
    note: str | None = None
    span: Span | None = None


@model
class Stamp:
    __pydantic_config__ = _CHECKED

    kind: Literal["incoming"] = "incoming"
    org: str | None = None
    number: str | None = None
    date: str | None = None
    raw: str | None = None
    span: Span | None = None


class WarningCode(StrEnum):
    """What a warning is about; the JSON carries the value string. A stage adding a new kind of
    warning adds it here, so every code a reader may meet is listed in one place."""

    # reading the file
    LEGACY_ENCODING = "legacy_encoding"  # converted from a TCVN3/VNI font encoding
    ENCODING_ERRORS = "encoding_errors"  # bytes that no encoding decodes were replaced
    OCR_LOW_CONFIDENCE = "ocr_low_confidence"
    HANDWRITING = "handwriting"  # OCR met handwriting in the header (number or day)
    OCR_CORRECTED = "ocr_corrected"  # a value OCR misread was put back (message: before → after)
    MAX_PAGES = "max_pages"  # a PDF or image longer than --max-pages: only its first pages were read
    FORM_FIELD = "form_field"  # a value read from a signed PDF's form field (the number, the day)
    # header and tail
    BLANK_NUMBER = "blank_number"
    NUMBER_UNREADABLE = "number_unreadable"
    BLANK_DAY = "blank_day"
    DAY_UNREADABLE = "day_unreadable"
    ISSUER_INFERRED = "issuer_inferred"
    MISSING_HEADER = "missing_header"
    # body
    DEADLINE_BEFORE_ISSUE_DATE = "deadline_before_issue_date"
    YEAR_FROM_ISSUE_DATE = "year_from_issue_date"
    # the document as a whole
    NOT_A_DIRECTIVE = "not_a_directive"


@model
class Warning:
    __pydantic_config__ = _CHECKED

    code: WarningCode
    message: str


@model
class Error:
    __pydantic_config__ = _CHECKED

    code: str
    message: str


@model
class Record:
    __pydantic_config__ = _CHECKED

    schema_version: str = SCHEMA_VERSION
    source: Source = field(default_factory=Source)
    doc_type: DocType | None = None
    number: Number | None = None
    issuer: Issuer | None = None
    place: str | None = None
    issue_date: PartialDate | None = None
    subject: str | None = None
    recipients: list[Recipient] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    signature: Signature | None = None
    distribution: list[DistributionEntry] = field(default_factory=list)
    archive: list[str] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    urgency: Urgency | None = None
    secrecy: Secrecy | None = None
    warnings: list[Warning] = field(default_factory=list)
    error: Error | None = None

    def warn(self, code: WarningCode | str, message: str) -> None:
        """Add a warning once (a code given as its string is looked up in ``WarningCode``)."""
        code = WarningCode(code)
        if not any(w.code == code and w.message == message for w in self.warnings):
            self.warnings.append(Warning(code=code, message=message))

    def to_json(self, compact: bool = False) -> str:
        """The record as JSON: two-space indented, or on one line."""
        return to_json_bytes(self, indent=not compact).decode()

    def to_dict(self) -> dict[str, Any]:
        """The record as the JSON's plain values (spans as lists, warning codes as strings)."""
        return orjson.loads(to_json_bytes(self))

    @classmethod
    def from_json(cls, data: str | bytes) -> Record:
        """A record from its JSON, checked against these types (pydantic's ``ValidationError`` if
        it does not fit: a missing or unknown key, a value of the wrong kind)."""
        return _checker().validate_json(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """A record from a dict of the JSON's values, checked as ``from_json`` does."""
        return _checker().validate_python(data)


def to_json_bytes(value: object, indent: bool = False) -> bytes:
    """Any record value as UTF-8 JSON, on one line or two-space indented (the bytes a batch writes
    as they are)."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 if indent else 0)


@functools.cache
def _checker() -> TypeAdapter[Record]:
    """pydantic's validator for records read back, built on first use (it costs 0.1 s)."""
    from pydantic import TypeAdapter

    return TypeAdapter(Record)


def json_schema() -> dict:
    """The record's JSON Schema."""
    return _checker().json_schema()
