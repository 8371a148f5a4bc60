"""edXML (QCVN 102:2016/BTTTT) edoc messages from records, and the checks a receiving hub makes.

Vietnamese e-office systems exchange documents as edXML. The mapping from the record, the element order and
the rules come from ``shared/spec/EDXML.md``: §8 maps the record, §3 gives the order the VNPT reference library
writes, §6–7 the checks a hub makes that a schema cannot. ``edxml.xsd`` beside this module is the project's own
XSD 1.1 schema written from that spec (no official schema exists); ``xmlschema`` is imported only to validate.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from ..record import Record

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
SCHEMA_PATH = Path(__file__).with_name("edxml.xsd")

# the order com.vnpt.xml.ed.header.MessageHeader.accumulate writes (EDXML.md §3); receivers read any order,
# but a message that differs from the reference library's output is harder to compare and debug
HEADER_ORDER = ("From", "To", "DocumentId", "Code", "PromulgationInfo", "DocumentType", "Subject", "Content",
                "SignerInfo", "DueDate", "OtherInfo", "ResponseFor", "SteeringType", "ResponseForTask",
                "ApplicationType", "ToPlaces")
ORGAN_ORDER = ("OrganId", "OrganizationInCharge", "OrganName", "OrganAdd", "Email", "Telephone", "Fax", "Website")
CHILD_ORDER = {
    "From": ORGAN_ORDER,
    "To": ORGAN_ORDER,
    "Code": ("CodeNumber", "CodeNotation"),
    "PromulgationInfo": ("Place", "PromulgationDate"),
    "DocumentType": ("Type", "TypeDetail", "TypeName"),
    "SignerInfo": ("Competence", "Position", "FullName"),
    "OtherInfo": ("Priority", "SphereOfPromulgation", "TyperNotation", "PromulgationAmount", "PageAmount",
                  "ReplyFors", "Direction", "ReferenceCodes", "Appendixes"),
}
# OtherInfo/Priority: 0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc (4, Hỏa tốc hẹn giờ, is no mark a record holds)
PRIORITY = {None: "0", "KHẨN": "1", "THƯỢNG KHẨN": "2", "HỎA TỐC": "3"}
# the character limits the Bkav hub's constants intend (EDXML.md §6): exceeding one is a warning, never cut
LENGTHS = {"OrganName": 200, "OrganizationInCharge": 500, "OrganAdd": 500, "Email": 100, "Telephone": 20,
           "Fax": 20, "Website": 20, "CodeNumber": 11, "CodeNotation": 30, "Place": 50, "TypeName": 100,
           "Subject": 500, "Content": 500, "SphereOfPromulgation": 100, "TyperNotation": 10}
TO_PLACE_LENGTH = 150
ORGAN_ID = re.compile(r"[^.\s]+(?:\.[^.\s]+){0,3}")
DOCUMENT_ID = re.compile(r"(?P<organ>[^,]+),(?P<date>\d{4}/\d{2}/\d{2}),(?P<code>[^/]+/.+)")
NEW_DOCUMENT = ("0", "Văn bản điện tử mới")  # Bussiness/BussinessDocType and its reason
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not allowed in XML 1.0


@dataclass(frozen=True)
class Organ:
    """An organ on the national axis: its id comes from the axis registry, never from the document."""

    organ_id: str
    name: str = ""

    def __post_init__(self) -> None:
        if not ORGAN_ID.fullmatch(self.organ_id):
            raise ValueError(f"organ id {self.organ_id!r} is not an edXML OrganId "
                             "(1 to 4 dot-separated groups, e.g. 000.00.00.H42)")

    @classmethod
    def parse(cls, text: str) -> Organ:
        """``ID=NAME`` as the command line's ``--to`` takes it."""
        organ_id, _, name = text.partition("=")
        return cls(organ_id.strip(), name.strip())


@dataclass
class Message:
    """One edoc message; ``missing`` lists what the standard requires and the record lacks (then nothing is sent)."""

    document_id: str
    xml: bytes
    missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Report:
    """What a receiving hub would reject (errors) and what it would accept with a doubt (warnings)."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _add(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, _q(name))
    if text is not None:
        element.text = NOT_XML.sub("", text)  # a control character left by OCR or a PDF would break the message
    return element


def _organ(parent: ET.Element, tag: str, organ_id: str, name: str, in_charge: str = "") -> None:
    element = _add(parent, tag)
    values = {"OrganId": organ_id, "OrganizationInCharge": in_charge, "OrganName": name}
    for child in ORGAN_ORDER:  # every child, empty where unknown: the strictest hub demands them all
        _add(element, child, values.get(child, ""))


def slash_date(iso_day: str) -> str:
    """``2019-03-05`` → ``2019/03/05``, the only date form edXML parsers accept."""
    return iso_day.replace("-", "/")


def due_date(record: Record) -> str:
    """The earliest deadline that names a day (edXML DueDate), as ``yyyy/MM/dd``; empty when none does."""
    days = [d.value for d in record.deadlines
            if d.precision == "day" and d.recurrence is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.value)]
    return slash_date(min(days)) if days else ""


def code(record: Record) -> tuple[str, str]:
    """(CodeNumber, CodeNotation): the số, and the ký hiệu with the year a legal document's number carries."""
    number = record.number
    if number is None:
        return "", ""
    notation = number.symbol or ""
    if notation and number.year is not None:
        notation = f"{number.year}/{notation}"
    return number.number or "", notation


def competence(record: Record) -> str:
    """SignerInfo/Competence: the authority lines above the signer's title (``TM. …``, ``KT. …``), in order."""
    return " ".join(record.signature.authority) if record.signature else ""


def build(record: Record, sender: Organ, receivers: Sequence[Organ], now: datetime | None = None) -> Message:
    """The edoc message for one record, filled as EDXML.md §8 maps it."""
    now = now or datetime.now()
    missing: list[str] = []
    warnings: list[str] = []
    number, notation = code(record)
    if not number:
        missing.append("CodeNumber (the document's number is " + ("blank)" if record.number else "not found)"))
    if not notation:
        missing.append("CodeNotation (the document's ký hiệu is not found)")
    issue = record.issue_date
    promulgation = slash_date(issue.value) if issue and issue.precision == "day" else ""
    if not promulgation:
        missing.append(f"PromulgationDate (the issue date gives only its {issue.precision}: {issue.value})"
                       if issue else "PromulgationDate (no issue date found)")
    subject = (record.subject or "").strip()
    if not subject:
        missing.append("Subject (no trích yếu found)")
    organ_name = sender.name or (record.issuer.name if record.issuer else "")
    if not organ_name:
        warnings.append("From/OrganName is empty: no issuer found and no --organ-name given")
    type_name = record.doc_type.name if record.doc_type else ""
    if not type_name:
        warnings.append("DocumentType/TypeName is empty: the document type is not found")
    if record.secrecy:
        warnings.append(f"the secrecy mark {record.secrecy} has no edXML element and is not in the message")
    document_id = f"{sender.organ_id},{promulgation},{number}/{notation}"

    root = ET.Element(_q("edXML"))
    envelope = _add(root, "edXMLEnvelope")
    header = _add(envelope, "edXMLHeader")
    message = _add(header, "MessageHeader")
    _organ(message, "From", sender.organ_id, organ_name, (record.issuer.parent or "") if record.issuer else "")
    for receiver in receivers:
        _organ(message, "To", receiver.organ_id, receiver.name)
    _add(message, "DocumentId", document_id)
    element = _add(message, "Code")
    _add(element, "CodeNumber", number)
    _add(element, "CodeNotation", notation)
    element = _add(message, "PromulgationInfo")
    _add(element, "Place", record.place or "")
    _add(element, "PromulgationDate", promulgation)
    element = _add(message, "DocumentType")
    _add(element, "Type", "1")  # what the reference samples send for every type (EDXML.md §4)
    _add(element, "TypeDetail", "0")
    _add(element, "TypeName", type_name)
    _add(message, "Subject", subject)
    _add(message, "Content", subject)  # the samples repeat the trích yếu; the body is an attachment, not here
    signature = record.signature
    element = _add(message, "SignerInfo")
    _add(element, "Competence", competence(record))
    _add(element, "Position", (signature.position or "") if signature else "")
    _add(element, "FullName", (signature.signer or "") if signature else "")
    _add(message, "DueDate", due_date(record))
    element = _add(message, "OtherInfo")
    _add(element, "Priority", PRIORITY[record.urgency])
    _add(element, "SphereOfPromulgation", "")
    _add(element, "TyperNotation", "")
    if record.source.pages:
        _add(element, "PageAmount", str(record.source.pages))
    _add(element, "Appendixes")
    places = _add(message, "ToPlaces")
    for entry in record.distribution:
        _add(places, "Place", entry.name)
    traces = _add(header, "TraceHeaderList")
    business = _add(traces, "Bussiness")  # sic: the standard's spelling
    _add(business, "DocumentId", document_id)
    _add(business, "BussinessDocType", NEW_DOCUMENT[0])
    _add(business, "BussinessDocReason", NEW_DOCUMENT[1])
    trace = _add(traces, "TraceHeader")
    _add(trace, "OrganId", sender.organ_id)
    _add(trace, "Timestamp", now.strftime("%Y/%m/%d %H:%M:%S"))
    ET.indent(root)
    # the declaration written as the reference samples write it (ElementTree's own uses single quotes)
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           + ET.tostring(root, encoding="unicode", default_namespace=NS) + "\n").encode("utf-8")
    return Message(document_id=document_id, xml=xml, missing=missing, warnings=warnings)


@functools.cache
def _schema():
    import xmlschema

    return xmlschema.XMLSchema11(str(SCHEMA_PATH))


def _local(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def _real_date(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%Y/%m/%d").date()
    except ValueError:
        return None


def _check_order(parent: ET.Element, order: Sequence[str], where: str, errors: list[str]) -> None:
    ranks = {name: i for i, name in enumerate(order)}
    last = -1
    for child in parent:
        rank = ranks.get(_local(child))
        if rank is None:
            continue  # an unknown element is the schema's to report
        if rank < last:
            errors.append(f"{where}/{_local(child)} is out of the reference library's order ({', '.join(order)})")
            return
        last = rank


def validate(xml: bytes | str | Path, today: date | None = None) -> Report:
    """Check one edoc message: the XSD 1.1 schema, then what the schema cannot (EDXML.md §6–7)."""
    report = Report()
    try:
        data = xml.read_bytes() if isinstance(xml, Path) else xml
        root = ET.fromstring(data)
    except (ET.ParseError, OSError) as e:
        report.errors.append(f"not well-formed XML: {e}")
        return report
    for error in _schema().iter_errors(root):
        report.errors.append(f"{(error.path or '').replace(_q(''), '')}: {error.reason}")
    header = root.find(f"{_q('edXMLEnvelope')}/{_q('edXMLHeader')}/{_q('MessageHeader')}")
    if header is None:
        return report
    _check_rules(header, root, today or date.today(), report)
    return report


def _check_rules(header: ET.Element, root: ET.Element, today: date, report: Report) -> None:
    errors, warnings = report.errors, report.warnings

    def text(path: str) -> str | None:
        found = header.find("/".join(_q(p) for p in path.split("/")))
        return None if found is None else (found.text or "").strip()

    promulgation = text("PromulgationInfo/PromulgationDate")
    day = _real_date(promulgation) if promulgation else None
    if promulgation and day is None:
        errors.append(f"PromulgationDate {promulgation} is not a real date")
    if day and day > today:
        errors.append(f"PromulgationDate {promulgation} is after today ({today:%Y/%m/%d})")
    due = text("DueDate")
    if due and _real_date(due) is None:
        errors.append(f"DueDate {due} is not a real date")

    document_id = text("DocumentId")
    if document_id is None:
        warnings.append("no DocumentId: a receiver makes up a UUID, so a re-sent message is a new document")
    else:
        match = DOCUMENT_ID.fullmatch(document_id)
        if not match:
            errors.append(f"DocumentId {document_id!r} is not in the form OrganId,yyyy/MM/dd,Number/Notation")
        elif _real_date(match["date"]) is None:
            errors.append(f"DocumentId {document_id!r} carries no real date")
        elif (match["organ"], match["date"], match["code"]) != (
                text("From/OrganId"), promulgation, f"{text('Code/CodeNumber')}/{text('Code/CodeNotation')}"):
            warnings.append(f"DocumentId {document_id!r} does not repeat From/OrganId, PromulgationDate and Code")
        if len(document_id.split(".")) > 15:
            errors.append(f"DocumentId {document_id!r} has more than 15 dot-separated groups")

    _check_order(header, HEADER_ORDER, "MessageHeader", errors)
    for child in header:
        order = CHILD_ORDER.get(_local(child))
        if order:
            _check_order(child, order, _local(child), errors)
    for organ_id in root.iter(_q("OrganId")):
        if len((organ_id.text or "").strip().split(".")) > 4:
            errors.append(f"OrganId {organ_id.text!r} has more than 4 dot-separated groups")
    to_places = set(header.iterfind(f"{_q('ToPlaces')}/{_q('Place')}"))
    for element in header.iter():
        name = _local(element)
        limit = TO_PLACE_LENGTH if element in to_places else LENGTHS.get(name)
        if limit and len(element.text or "") > limit:
            warnings.append(f"{name} is {len(element.text)} characters, over the {limit} a hub expects")


def write_messages(records: Iterable[Record], out_dir: Path, sender: Organ, receivers: Sequence[Organ],
                   log: TextIO, now: datetime | None = None) -> int:
    """``out_dir/NAME.edxml`` per record that makes a valid message; a line on ``log`` for each one that does not.

    Returns how many messages were written.
    """
    if not receivers:
        raise ValueError("an edXML message needs at least one receiver (--to ID=NAME)")
    out_dir.mkdir(parents=True, exist_ok=True)
    names: set[str] = set()
    document_ids: dict[str, str] = {}
    written = 0
    for index, record in enumerate(records, 1):
        label = record.source.path or f"record {index}"
        if record.error:
            print(f"{label}: no edXML message: the record has error {record.error.code} ({record.error.message})",
                  file=log)
            continue
        message = build(record, sender, receivers, now)
        if message.missing:
            print(f"{label}: no edXML message: missing {'; '.join(message.missing)}", file=log)
            continue
        report = validate(message.xml)
        if not report.ok:
            print(f"{label}: no edXML message: {'; '.join(report.errors)}", file=log)
            continue
        for warning in message.warnings + report.warnings:
            print(f"{label}: edXML warning: {warning}", file=log)
        first = document_ids.setdefault(message.document_id, label)
        if first != label:
            print(f"{label}: edXML warning: DocumentId {message.document_id} is also {first}'s;"
                  " a hub refuses the second", file=log)
        name = _file_name(record, index, names)
        (out_dir / f"{name}.edxml").write_bytes(message.xml)
        written += 1
    return written


def _file_name(record: Record, index: int, taken: set[str]) -> str:
    """The input's stem; its full name when two inputs share a stem (``a.txt``, ``a.pdf``)."""
    path = Path(record.source.path) if record.source.path else None
    candidates = [path.stem, path.name] if path else [(record.source.sha256 or "")[:16] or f"record-{index}"]
    candidates.append(f"{candidates[-1]}-{index}")
    name = next(c for c in candidates if c not in taken)
    taken.add(name)
    return name
