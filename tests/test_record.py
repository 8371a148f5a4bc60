"""The record's JSON contract: records the pipeline makes (dataclasses with pydantic's methods,
written by orjson) come back equal through pydantic's checked reading, the bytes are standard JSON
as pydantic wrote them, a record that does not fit is refused, and a batch never needs pydantic."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, sample_files

from extractor import extract
from extractor.record import Deadline, DocType, Record, Task, WarningCode, json_schema


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return [extract(p) for p in sample_files()]


def test_every_sample_record_comes_back_equal_from_its_json(records):
    for record in records:
        assert Record.model_validate_json(record.model_dump_json()) == record
        assert Record.model_validate(record.model_dump(mode="json")) == record


def test_the_json_is_what_pydantic_writes_for_the_same_classes(records):
    """orjson writes the record; pydantic's own serializer over the same classes must agree, byte for
    byte, compact and indented, on the samples and on odd strings (control characters, a line
    separator, an emoji, quotes and backslashes)."""
    from pydantic import TypeAdapter

    pydantic_json = TypeAdapter(Record)
    odd = Record(subject='tab\t, nul\x00, "quoted" \\ back, line\u2028sep, 💥, Sở Y tế', archive=["VT"])
    for record in [*records, odd]:
        assert record.model_dump_json() == pydantic_json.dump_json(record).decode()
        assert record.model_dump_json(indent=2) == pydantic_json.dump_json(record, indent=2).decode()
        assert record.model_dump_json(indent=4) == pydantic_json.dump_json(record, indent=4).decode()


def test_spans_are_lists_and_warning_codes_their_strings():
    record = Record(tasks=[Task(id="1", text="Báo cáo kết quả", lead=["Sở Y tế"], span=(10, 25))])
    record.warn(WarningCode.YEAR_FROM_ISSUE_DATE, "năm lấy từ ngày ban hành")
    data = record.model_dump(mode="json")
    assert data["tasks"][0]["span"] == [10, 25]
    assert data["warnings"] == [{"code": "year_from_issue_date", "message": "năm lấy từ ngày ban hành"}]


def test_a_task_given_its_deadline_later_reads_back_with_it():
    task = Task(id="2.a", parent="2", text="Sở Tài chính tham mưu, báo cáo trước ngày 31/12/2025")
    task.deadline = Deadline(value="2025-12-31", precision="day", raw="trước ngày 31/12/2025", span=(30, 52))
    again = Record.model_validate_json(Record(tasks=[task]).model_dump_json()).tasks[0]
    assert again == task and again.deadline.value == "2025-12-31"


@pytest.mark.parametrize("change, where", [
    (lambda d: d.update(extra_field=1), "extra_field"),  # an unknown key
    (lambda d: d["tasks"][0].pop("text"), "text"),  # a required value missing
    (lambda d: d["tasks"][0].update(span="10-25"), "span"),  # a value of the wrong kind
    (lambda d: d.update(urgency="GẤP"), "urgency"),  # not one of the marks
    (lambda d: d.update(warnings=[{"code": "no_such_code", "message": "?"}]), "code"),
])
def test_a_record_that_does_not_fit_is_refused(change, where):
    data = Record(tasks=[Task(id="1", text="Báo cáo", span=(10, 25))]).model_dump(mode="json")
    change(data)
    with pytest.raises(ValueError, match=where):
        Record.model_validate(data)


def test_the_schema_names_every_field_of_the_record():
    schema = json_schema()
    assert list(schema["properties"]) == list(Record.__dataclass_fields__)
    assert schema["additionalProperties"] is False
    assert set(schema["$defs"]["Task"]["required"]) == {"id", "text"}


def test_a_batch_worker_never_imports_pydantic(tmp_path):
    """pydantic is for records read back; importing it and building its validators would be half of
    every worker's start-up."""
    code = ("import sys; from extractor import batch, cli; from pathlib import Path; "
            f"r = batch.extract_result(0, {str(sample_files()[0])!r}); "
            "assert r.line.startswith(b'{'), r; print('pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_text_with_lone_surrogates_gives_a_record_that_can_be_written():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 45/UBND-VX\nV/v rà soát hồ sơ \ud800 năm 2025\n"
            "Kính gửi: Sở Y tế\udcff.\nĐề nghị Sở Y tế báo cáo kết quả trước ngày 30/6/2025.\n")
    record = extract(text)
    assert "\ufffd" in record.subject and record.recipients[0].name.startswith("Sở Y tế")
    assert [w.code for w in record.warnings] == [WarningCode.ENCODING_ERRORS]
    assert json.loads(record.model_dump_json())["recipients"][0]["span"] == list(record.recipients[0].span)


def test_a_copy_with_an_update_leaves_the_original_as_it_was():
    record = Record(doc_type=DocType(name="Công văn", code="CV"),
                    tasks=[Task(id="1", text="Báo cáo", lead=["Sở Y tế"])])
    deep = record.model_copy(deep=True)
    deep.tasks[0].lead.append("Sở Tài chính")
    other = record.model_copy(update={"subject": "về việc rà soát"})
    assert record.tasks[0].lead == ["Sở Y tế"] and record.subject is None
    assert other.subject == "về việc rà soát" and other.tasks is record.tasks  # shallow, as in pydantic
    assert record.model_dump()["tasks"][0]["span"] is None and record.model_dump()["doc_type"]["code"] == "CV"
