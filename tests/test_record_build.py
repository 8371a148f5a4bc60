"""``record.built`` makes the pipeline's own values into models without validation: the models it
makes must be the ones pydantic makes, in every way the record is used (JSON, equality, later
assignment, validation of the whole record)."""

from extractor.record import Citation, Deadline, Task, built


def test_built_task_is_the_validated_task():
    values = dict(id="2.a", parent="2", text="Sở Y tế chủ trì, phối hợp với Sở Tài chính tham mưu",
                  lead=["Sở Y tế"], cooperating=["Sở Tài chính"], deadline=None, span=(120, 190))
    fast, checked = built(Task, **values), Task(**values)
    assert fast == checked
    assert fast.model_dump_json() == checked.model_dump_json()
    assert fast.model_fields_set == checked.model_fields_set


def test_built_task_takes_a_deadline_later_and_validates():
    task = built(Task, id="1", parent=None, text="Báo cáo kết quả", lead=[], cooperating=[], deadline=None,
                 span=None)
    task.deadline = Deadline(value="2025-12-31", precision="day", raw="trước ngày 31/12/2025", span=(5, 26))
    again = Task.model_validate_json(task.model_dump_json())
    assert again == task and again.deadline.value == "2025-12-31"


def test_built_citation_dumps_like_model_construct():
    values = dict(doc_type="Nghị định", number="30/2020/NĐ-CP", date="2020-03-05", issuer="Chính phủ",
                  relation="based_on", raw="Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ", span=(0, 52))
    assert built(Citation, **values).model_dump_json() == Citation.model_construct(**values).model_dump_json()
