"""edXML export: messages built from records validate against the schema and the hub's rules, and carry the
record's values; the validator itself is checked on the reference samples (read from ../shared, never copied)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import ROOT, sample_files

from extractor import extract
from extractor.export.edxml import NS, Organ, build, code, validate, write_messages
from extractor.record import Number, Record

pytest.importorskip("xmlschema")

SENDER = Organ("000.00.00.H42", "")
RECEIVERS = (Organ("000.00.00.H41", "UBND tỉnh Nghệ An"), Organ("000.00.00.G22", "Văn phòng Chính phủ"))
NOW = datetime(2025, 12, 1, 9, 30)
REFERENCE = ROOT.parent / "shared" / "edxml-ref" / "samples"
SPEC_XSD = ROOT.parent / "shared" / "spec" / "edxml.xsd"


@pytest.fixture(scope="module")
def records() -> dict[str, Record]:
    return {p.name: extract(p) for p in sample_files()}


def header_values(xml: bytes) -> dict:
    """The MessageHeader values a test compares, read by path."""
    header = ET.fromstring(xml).find(f"{{{NS}}}edXMLEnvelope/{{{NS}}}edXMLHeader/{{{NS}}}MessageHeader")

    def text(path: str) -> str:
        return header.find("/".join(f"{{{NS}}}{p}" for p in path.split("/"))).text or ""

    names = ("From/OrganId", "From/OrganName", "From/OrganizationInCharge", "DocumentId", "Code/CodeNumber",
             "Code/CodeNotation", "PromulgationInfo/Place", "PromulgationInfo/PromulgationDate",
             "DocumentType/TypeName", "Subject", "Content", "SignerInfo/Competence", "SignerInfo/Position",
             "SignerInfo/FullName", "DueDate", "OtherInfo/Priority")
    values = {name: text(name) for name in names}
    values["To"] = [(t.find(f"{{{NS}}}OrganId").text, t.find(f"{{{NS}}}OrganName").text)
                    for t in header.iterfind(f"{{{NS}}}To")]
    values["ToPlaces"] = [p.text for p in header.iterfind(f"{{{NS}}}ToPlaces/{{{NS}}}Place")]
    return values


def expected_values(record: Record) -> dict:
    """What EDXML.md §8 says the header holds for this record, written out from the record's own fields."""
    day = record.issue_date.value.replace("-", "/")
    notation = (f"{record.number.year}/" if record.number.year else "") + record.number.symbol
    days = sorted(d.value for d in record.deadlines if d.precision == "day" and not d.recurrence)
    signature = record.signature
    return {
        "From/OrganId": SENDER.organ_id, "From/OrganName": record.issuer.name if record.issuer else "",
        "From/OrganizationInCharge": (record.issuer.parent or "") if record.issuer else "",
        "DocumentId": f"{SENDER.organ_id},{day},{record.number.number}/{notation}",
        "Code/CodeNumber": record.number.number, "Code/CodeNotation": notation,
        "PromulgationInfo/Place": record.place or "", "PromulgationInfo/PromulgationDate": day,
        "DocumentType/TypeName": record.doc_type.name if record.doc_type else "",
        "Subject": record.subject, "Content": record.subject,
        "SignerInfo/Competence": " ".join(signature.authority) if signature else "",
        "SignerInfo/Position": (signature.position or "") if signature else "",
        "SignerInfo/FullName": (signature.signer or "") if signature else "",
        "DueDate": days[0].replace("-", "/") if days else "",
        "OtherInfo/Priority": {None: "0", "KHẨN": "1", "THƯỢNG KHẨN": "2", "HỎA TỐC": "3"}[record.urgency],
        "To": [(r.organ_id, r.name) for r in RECEIVERS],
        "ToPlaces": [d.name for d in record.distribution],
    }


def complete(record: Record) -> bool:
    """The record holds every value edXML requires: number and ký hiệu, a full issue date, a trích yếu."""
    return bool(record.error is None and record.number and record.number.number and record.number.symbol
                and record.issue_date and record.issue_date.precision == "day" and record.subject)


def test_sample_messages_validate_and_carry_the_record_values(records):
    built = 0
    for name, record in records.items():
        message = build(record, SENDER, RECEIVERS, NOW)
        assert (not message.missing) == complete(record), (name, message.missing)
        if message.missing:
            continue
        report = validate(message.xml, today=date(2026, 1, 1))
        assert report.ok, (name, report.errors)
        assert report.warnings == [], (name, report.warnings)
        assert header_values(message.xml) == expected_values(record), name
        built += 1
    assert built == len(records) - 2  # all but the undated letter and the blank-numbered tờ trình


def test_due_date_is_the_earliest_deadline_with_a_day_and_priority_the_urgency(records):
    hatinh = header_values(build(records["cv-ubnd-hatinh-cchc.txt"], SENDER, RECEIVERS, NOW).xml)
    assert hatinh["DueDate"] == "2019/03/15"  # before 2019-04-25; the month and the yearly --06-15 name no day
    assert hatinh["SignerInfo/Competence"] == "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
    assert hatinh["ToPlaces"] == ["Như trên", "Thường trực Tỉnh ủy", "Chủ tịch, các PCT UBND tỉnh"]
    urgent = header_values(build(records["cd-bnnmt-hoatoc.txt"], SENDER, RECEIVERS, NOW).xml)
    assert urgent["OtherInfo/Priority"] == "3"  # HỎA TỐC


def test_a_record_without_tasks_or_deadlines_gives_a_message_with_an_empty_due_date(records):
    record = records["cv-ubnd-danang-nfd.txt"].model_copy(update={"tasks": [], "deadlines": []})
    message = build(record, SENDER, RECEIVERS, NOW)
    assert message.missing == []
    assert validate(message.xml).ok
    assert header_values(message.xml)["DueDate"] == ""


def test_the_sender_name_option_overrides_the_issuer():
    record = extract(sample_files()[0])
    message = build(record, Organ("000.00.00.H42", "Văn phòng UBND tỉnh"), RECEIVERS, NOW)
    assert header_values(message.xml)["From/OrganName"] == "Văn phòng UBND tỉnh"


def test_a_control_character_from_a_scan_does_not_break_the_message(records):
    record = records["cv-ubnd-hatinh-cchc.txt"]
    scanned = record.model_copy(update={"subject": "triển khai kế hoạch\x0c cải cách hành chính năm 2019"})
    message = build(scanned, SENDER, RECEIVERS, NOW)
    assert validate(message.xml).ok
    assert header_values(message.xml)["Subject"] == "triển khai kế hoạch cải cách hành chính năm 2019"


def test_a_legal_number_keeps_its_year_in_the_notation():
    record = Record(number=Number(raw="12/2018/QĐ-UBND", number="12", symbol="QĐ-UBND", year=2018))
    assert code(record) == ("12", "2018/QĐ-UBND")


def test_write_gives_no_message_for_an_error_or_a_missing_required_value(records, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    error_record = extract(empty)
    assert error_record.error is not None
    log = io.StringIO()
    batch = [*records.values(), error_record]
    written = write_messages(batch, tmp_path / "out", SENDER, RECEIVERS, log, NOW)
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == len(files) == len(records) - 2  # not the undated letter, the blank-numbered tờ trình
    assert "cv-ubnd-hatinh-cchc.edxml" in files
    assert "ttr-ubnd-xa-blank-number.edxml" not in files  # no tasks, a blank number and a month-only date
    lines = log.getvalue().splitlines()
    assert any("ttr-ubnd-xa-blank-number.txt: no edXML message: missing CodeNumber (the document's number is "
               "blank); PromulgationDate (the issue date gives only its month: 2020-06)" in line for line in lines)
    assert any("cv-lost-header-sotaichinh.txt: no edXML message: missing PromulgationDate" in line for line in lines)
    assert any("empty.txt: no edXML message: the record has error empty" in line for line in lines)
    for path in (tmp_path / "out").iterdir():
        assert validate(path, today=date(2026, 1, 1)).ok, path


def test_a_message_dated_after_today_is_not_written(records, tmp_path):
    record = records["cv-ubnd-hatinh-cchc.txt"]
    log = io.StringIO()
    assert write_messages([record], tmp_path, SENDER, RECEIVERS, log, NOW) == 1  # 2019 is in the past
    future = record.model_copy(update={"issue_date": record.issue_date.model_copy(update={"value": "2999-03-05"})})
    log = io.StringIO()
    assert write_messages([future], tmp_path / "future", SENDER, RECEIVERS, log, NOW) == 0
    assert "PromulgationDate 2999/03/05 is after today" in log.getvalue()


def test_two_inputs_with_the_same_document_id_are_both_written_with_a_warning(records, tmp_path):
    record = records["cv-ubnd-hatinh-cchc.txt"]
    copy = record.model_copy(update={"source": record.source.model_copy(update={"path": "elsewhere/copy.pdf"})})
    log = io.StringIO()
    assert write_messages([record, copy], tmp_path, SENDER, RECEIVERS, log, NOW) == 2
    assert "a hub refuses the second" in log.getvalue()


def test_organ_ids_and_receivers_are_checked():
    with pytest.raises(ValueError, match="not an edXML OrganId"):
        Organ("1.2.3.4.5")
    assert Organ.parse("000.00.00.H41=UBND tỉnh Nghệ An") == Organ("000.00.00.H41", "UBND tỉnh Nghệ An")
    with pytest.raises(ValueError, match="at least one receiver"):
        write_messages([], Path("unused"), SENDER, (), io.StringIO())


# each edit breaks one rule of our own message; the first four are the schema's, the rest only the validator sees
BROKEN = [
    ("<PromulgationDate>2019/03/05<", "<PromulgationDate>2019-03-05<", "PromulgationDate"),
    ("<Priority>0<", "<Priority>5<", "Priority"),
    ("<Subject>triển khai kế hoạch cải cách hành chính năm 2019</Subject>", "", "Subject"),
    ("<TraceHeaderList>", "<TraceHeaderList><TraceHeader><OrganId> </OrganId></TraceHeader>", "OrganId"),
    ("<PromulgationDate>2019/03/05<", "<PromulgationDate>2019/02/30<", "2019/02/30 is not a real date"),
    ("<PromulgationDate>2019/03/05<", "<PromulgationDate>2099/03/05<", "is after today"),
    ("<DueDate>2019/03/15<", "<DueDate>2019/04/31<", "DueDate 2019/04/31 is not a real date"),
    ("<DocumentId>000.00.00.H42,2019/03/05,1523/UBND-KT</DocumentId>\n        <Code>",
     "<DocumentId>1523/UBND-KT</DocumentId>\n        <Code>", "is not in the form"),
    ("<Subject>triển khai kế hoạch cải cách hành chính năm 2019</Subject>\n        "
     "<Content>triển khai kế hoạch cải cách hành chính năm 2019</Content>",
     "<Content>triển khai kế hoạch cải cách hành chính năm 2019</Content>\n        "
     "<Subject>triển khai kế hoạch cải cách hành chính năm 2019</Subject>", "out of the reference library's order"),
]


@pytest.mark.parametrize(("old", "new", "said"), BROKEN)
def test_the_validator_rejects_a_broken_message(records, old, new, said):
    xml = build(records["cv-ubnd-hatinh-cchc.txt"], SENDER, RECEIVERS, NOW).xml.decode("utf-8")
    assert old in xml
    broken = xml.replace(old, new, 1)
    report = validate(broken.encode("utf-8"), today=date(2026, 1, 1))
    assert not report.ok
    assert any(said in error for error in report.errors), report.errors


def test_a_duplicate_receiver_breaks_the_schema(records):
    message = build(records["cv-ubnd-hatinh-cchc.txt"], SENDER, (RECEIVERS[0], RECEIVERS[0]), NOW)
    assert any("uniqueToOrganId" in e or "duplicate" in e.lower() for e in validate(message.xml).errors)


def test_not_well_formed_input_is_an_error_not_a_traceback():
    assert validate(b"<edXML><unclosed></edXML>").errors[0].startswith("not well-formed XML")


@pytest.fixture(scope="module")
def reference() -> Path:
    if not REFERENCE.is_dir():
        pytest.skip("../shared/edxml-ref is not present")
    return REFERENCE


def test_the_validator_accepts_the_reference_messages(reference):
    good = sorted(reference.glob("*.edxml"))
    assert len(good) == 5
    for path in good:
        report = validate(path)
        assert report.ok, (path.name, report.errors)


def test_the_validator_rejects_the_bad_reference_messages(reference):
    date_report = validate(reference / "bad" / "bkav_edoc_new_ddMMyyyy-date.edxml")
    assert any("PromulgationDate 30/10/2020 is not a real date" in e for e in date_report.errors)
    broken = validate(reference / "bad" / "handwritten-test_edoc_not-well-formed.edxml")
    assert broken.errors[0].startswith("not well-formed XML")


def test_the_packaged_schema_is_the_spec(reference):
    if not SPEC_XSD.is_file():
        pytest.skip("../shared/spec is not present")
    packaged = ROOT / "extractor" / "export" / "edxml.xsd"
    assert packaged.read_bytes() == SPEC_XSD.read_bytes()


def test_every_corpus_document_gives_a_valid_message_or_says_what_it_lacks(corpus, tmp_path):
    docs = sorted((corpus / "docs").iterdir())
    batch = [extract(p) for p in docs]
    log = io.StringIO()
    written = write_messages(batch, tmp_path, SENDER, RECEIVERS, log, NOW)
    assert written == sum(complete(r) for r in batch)
    assert written >= 0.9 * len(docs)
    for record in batch:
        path = tmp_path / f"{Path(record.source.path).stem}.edxml"
        if not complete(record):
            assert not path.exists()
            assert f"{record.source.path}: no edXML message: missing" in log.getvalue()
            continue
        report = validate(path)
        assert report.ok, (path.name, report.errors)
        assert header_values(path.read_bytes()) == expected_values(record), path.name
