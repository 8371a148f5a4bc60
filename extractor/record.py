"""The document record, version 1: the output contract of ``shared/spec/RECORD.md``.

All record models live here (``DocType`` too: the grammar's table of types hands out these).
Every extracted object carries ``span``: its ``[start, end)`` character offsets in the decoded
source text, so a reviewer can highlight where a value came from. ``WarningCode`` lists every kind
of warning; the JSON carries its string.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"
Span = tuple[int, int]


def _new_list() -> list:
    """A field's empty list. (A Python function: for the builtin ``list`` pydantic reads the
    signature from its text, which costs 5 ms of every start.)"""
    return []


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Model):
    path: str | None = None
    format: Literal["text", "markdown", "docx", "pdf", "image"] = "text"
    ocr: bool = False
    encoding: str | None = None
    sha256: str | None = None
    pages: int | None = None
    signed: list[str] = Field(default_factory=_new_list)  # times of the PDF's digital signatures (ISO 8601)


class DocType(Model):
    model_config = ConfigDict(extra="forbid", frozen=True)  # the grammar's table hands out shared instances

    name: str
    code: str | None = None
    span: Span | None = None


class Number(Model):
    raw: str
    number: str | None = None
    symbol: str | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    unit_code: str | None = None
    year: int | None = None
    span: Span | None = None


class Issuer(Model):
    name: str
    parent: str | None = None
    raw: str | None = None
    inferred: bool = False
    span: Span | None = None


class PartialDate(Model):
    value: str
    precision: Literal["day", "month", "quarter", "half", "year"]
    raw: str | None = None
    span: Span | None = None


class Recipient(Model):
    name: str
    raw: str | None = None
    span: Span | None = None


class Deadline(Model):
    value: str
    precision: Literal["day", "month", "quarter", "half", "year"]
    recurrence: Literal["yearly", "monthly"] | None = None
    relative: bool = False
    raw: str | None = None
    task: str | None = None
    span: Span | None = None


class Task(Model):
    id: str
    parent: str | None = None
    text: str
    lead: list[str] = Field(default_factory=_new_list)
    cooperating: list[str] = Field(default_factory=_new_list)
    deadline: Deadline | None = None
    span: Span | None = None


class Citation(Model):
    doc_type: str | None = None
    number: str
    date: str | None = None
    issuer: str | None = None
    relation: Literal["based_on", "replaces", "amends", "guides", "implements", "refers"] = "refers"
    raw: str
    span: Span | None = None


class Signature(Model):
    authority: list[str] = Field(default_factory=_new_list)
    position: str | None = None
    signer: str | None = None
    span: Span | None = None


class DistributionEntry(Model):
    name: str
    note: str | None = None
    span: Span | None = None


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


class Warning(Model):
    code: WarningCode
    message: str


class Error(Model):
    code: str
    message: str


class Record(Model):
    schema_version: str = SCHEMA_VERSION
    source: Source = Field(default_factory=Source)
    doc_type: DocType | None = None
    number: Number | None = None
    issuer: Issuer | None = None
    place: str | None = None
    issue_date: PartialDate | None = None
    subject: str | None = None
    recipients: list[Recipient] = Field(default_factory=_new_list)
    tasks: list[Task] = Field(default_factory=_new_list)
    deadlines: list[Deadline] = Field(default_factory=_new_list)
    citations: list[Citation] = Field(default_factory=_new_list)
    signature: Signature | None = None
    distribution: list[DistributionEntry] = Field(default_factory=_new_list)
    archive: list[str] = Field(default_factory=_new_list)
    stamps: list[Stamp] = Field(default_factory=_new_list)
    urgency: Literal["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"] | None = None
    secrecy: Literal["MẬT", "TỐI MẬT", "TUYỆT MẬT"] | None = None
    warnings: list[Warning] = Field(default_factory=_new_list)
    error: Error | None = None

    def warn(self, code: WarningCode | str, message: str) -> None:
        """Add a warning once (a code given as its string is looked up in ``WarningCode``)."""
        code = WarningCode(code)
        if not any(w.code == code and w.message == message for w in self.warnings):
            self.warnings.append(Warning(code=code, message=message))

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)


def json_schema() -> dict:
    return Record.model_json_schema()


M = TypeVar("M", bound=BaseModel)


def built(model: type[M], **values: object) -> M:
    """A model from values the pipeline made itself, every field given: no validation, as
    ``model_construct``, in a quarter of its time (a long decree has thousands of tasks)."""
    obj = model.__new__(model)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj
