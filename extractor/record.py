"""The document record, version 1: the output contract of ``shared/spec/RECORD.md``.

All record types live here (``DocType`` too: the grammar's table of types hands out these). They
are dataclasses with the methods of pydantic's models that records are used with
(``model_dump_json``, ``model_dump``, ``model_copy``, ``model_validate``, ``model_validate_json``,
``model_json_schema``): the pipeline makes every value itself, so nothing needs checking on the way
out, and a batch worker starts without importing pydantic and building its validators (0.1 s, half
of the package's start-up). Records coming *in* (a JSON Lines file given to an exporter, a spaCy
document's record) are checked by pydantic against these same classes, which also gives the JSON
Schema; the JSON is written by orjson, byte for byte as pydantic writes it.

Every extracted object carries ``span``: its ``[start, end)`` character offsets in the decoded
source text, so a reviewer can highlight where a value came from. ``WarningCode`` lists every kind
of warning; the JSON carries its string.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal, Self

import orjson

if TYPE_CHECKING:
    from pydantic import TypeAdapter

SCHEMA_VERSION = "1"
Span = tuple[int, int]
Precision = Literal["day", "month", "quarter", "half", "year"]
Urgency = Literal["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"]
Secrecy = Literal["MẬT", "TỐI MẬT", "TUYỆT MẬT"]

model = dataclass(kw_only=True)  # every record type: fields by name only, as in the JSON
frozen_model = dataclass(kw_only=True, frozen=True)  # (the grammar's table of types hands out shared ones)


class Model:
    """What every record type can do, under the names pydantic's models give it."""

    __pydantic_config__ = {"extra": "forbid"}  # how pydantic checks one read back: no unknown keys

    def model_dump_json(self, indent: int | None = None) -> str:
        """The JSON, on one line or indented (as ``pydantic.BaseModel.model_dump_json``)."""
        if indent in (None, 2):
            return json_bytes(self, indent=bool(indent)).decode()
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=indent)

    def model_dump(self, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The values as a dict: as they are, or as the JSON has them (spans as lists, codes as strings)."""
        return orjson.loads(json_bytes(self)) if mode == "json" else dataclasses.asdict(self)

    def model_copy(self, update: dict[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, with ``update``'s values (not checked, as in pydantic)."""
        return dataclasses.replace(copy.deepcopy(self) if deep else self, **(update or {}))

    @classmethod
    def model_validate(cls, data: object) -> Self:
        """An instance from a dict of the JSON's values, checked: pydantic's ``ValidationError`` (a
        ``ValueError``) if a key is unknown or missing or a value of the wrong kind."""
        return _checker(cls).validate_python(data)

    @classmethod
    def model_validate_json(cls, data: str | bytes) -> Self:
        """An instance from its JSON, checked as ``model_validate`` does."""
        return _checker(cls).validate_json(data)

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        return _checker(cls).json_schema()


@model
class Source(Model):
    path: str | None = None
    format: Literal["text", "markdown", "docx", "pdf", "image"] = "text"
    ocr: bool = False
    encoding: str | None = None
    sha256: str | None = None
    pages: int | None = None
    signed: list[str] = field(default_factory=list)  # times of the PDF's digital signatures (ISO 8601)


@frozen_model
class DocType(Model):
    name: str
    code: str | None = None
    span: Span | None = None


@model
class Number(Model):
    raw: str
    number: str | None = None
    symbol: str | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    unit_code: str | None = None
    year: int | None = None
    span: Span | None = None


@model
class Issuer(Model):
    name: str
    parent: str | None = None
    raw: str | None = None
    inferred: bool = False
    span: Span | None = None


@model
class PartialDate(Model):
    value: str
    precision: Precision
    raw: str | None = None
    span: Span | None = None


@model
class Recipient(Model):
    name: str
    raw: str | None = None
    span: Span | None = None


@model
class Deadline(Model):
    value: str
    precision: Precision
    recurrence: Literal["yearly", "monthly"] | None = None
    relative: bool = False
    raw: str | None = None
    task: str | None = None
    span: Span | None = None


@model
class Task(Model):
    id: str
    parent: str | None = None
    text: str
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    deadline: Deadline | None = None
    span: Span | None = None


@model
class Citation(Model):
    doc_type: str | None = None
    number: str
    date: str | None = None
    issuer: str | None = None
    relation: Literal["based_on", "replaces", "amends", "guides", "implements", "refers"] = "refers"
    raw: str
    span: Span | None = None


@model
class Signature(Model):
    authority: list[str] = field(default_factory=list)
    position: str | None = None
    signer: str | None = None
    span: Span | None = None


@model
class DistributionEntry(Model):
    name: str
    note: str | None = None
    span: Span | None = None


@model
class Stamp(Model):
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
class Warning(Model):
    code: WarningCode
    message: str


@model
class Error(Model):
    code: str
    message: str


@model
class Record(Model):
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

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)


def json_bytes(value: object, indent: bool = False) -> bytes:
    """Any record value as UTF-8 JSON, on one line or two-space indented (the bytes a batch writes
    as they are)."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 if indent else 0)


@functools.cache
def _checker(cls: type) -> TypeAdapter:
    """pydantic's validator of a record type, built on first use (pydantic and its validators: 0.1 s)."""
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def json_schema() -> dict:
    return Record.model_json_schema()
