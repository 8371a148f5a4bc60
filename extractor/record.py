"""The document record, version 1: the output contract of ``shared/spec/RECORD.md``.

All record models live here. Every extracted object carries ``span``: its ``[start, end)`` character
offsets in the decoded source text, so a reviewer can highlight where a value came from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"
Span = tuple[int, int]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Model):
    path: str | None = None
    format: Literal["text", "markdown", "docx", "pdf", "image"] = "text"
    ocr: bool = False
    encoding: str | None = None
    sha256: str | None = None
    pages: int | None = None
    signed: list[str] = Field(default_factory=list)  # times of the PDF's digital signatures (ISO 8601)


class DocType(Model):
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
    lead: list[str] = Field(default_factory=list)
    cooperating: list[str] = Field(default_factory=list)
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
    authority: list[str] = Field(default_factory=list)
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


class Warning(Model):
    code: str
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
    recipients: list[Recipient] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    signature: Signature | None = None
    distribution: list[DistributionEntry] = Field(default_factory=list)
    archive: list[str] = Field(default_factory=list)
    stamps: list[Stamp] = Field(default_factory=list)
    urgency: Literal["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"] | None = None
    secrecy: Literal["MẬT", "TỐI MẬT", "TUYỆT MẬT"] | None = None
    warnings: list[Warning] = Field(default_factory=list)
    error: Error | None = None

    def warn(self, code: str, message: str) -> None:
        if not any(w.code == code and w.message == message for w in self.warnings):
            self.warnings.append(Warning(code=code, message=message))

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)


def json_schema() -> dict:
    return Record.model_json_schema()
