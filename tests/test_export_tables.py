"""Normalized tables: one row per entity the records hold, typed columns, joined on document_id and task_id."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import sample_files

from extractor import extract
from extractor.export import frames, tasks_frame
from extractor.export.dates import last_day
from extractor.export.tables import TABLES, write_tables
from extractor.record import Record

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> list[Record]:
    """The samples, and an unreadable file's error record."""
    empty = tmp_path_factory.mktemp("in") / "empty.txt"
    empty.write_bytes(b"")
    records = [extract(p) for p in sample_files()] + [extract(empty)]
    assert records[-1].error is not None
    return records


def expected_rows(records: list[Record]) -> dict[str, Counter]:
    """Each table's rows as the records hold them, keyed as the tables key them."""
    return {
        "documents": Counter((r.source.sha256, r.source.path) for r in records),
        "tasks": Counter((r.source.sha256, t.id, t.parent, t.text) for r in records for t in r.tasks),
        "task_agencies": Counter((r.source.sha256, t.id, role, a) for r in records for t in r.tasks
                          for role, names in (("lead", t.lead), ("cooperating", t.cooperating)) for a in names),
        "deadlines": Counter((r.source.sha256, d.task, d.value, d.precision) for r in records for d in r.deadlines),
        "citations": Counter((r.source.sha256, c.number, c.relation) for r in records for c in r.citations),
        "recipients": Counter((r.source.sha256, x.name) for r in records for x in r.recipients),
        "distribution": Counter((r.source.sha256, d.name, d.note) for r in records for d in r.distribution),
    }


KEYS = {"documents": ("document_id", "source_path"), "tasks": ("document_id", "task_id", "parent_id", "text"),
        "task_agencies": ("document_id", "task_id", "role", "agency"),
        "deadlines": ("document_id", "task_id", "value", "precision"),
        "citations": ("document_id", "number", "relation"), "recipients": ("document_id", "name"),
        "distribution": ("document_id", "name", "note")}


def as_rows(table: dict[str, list], keys: tuple[str, ...]) -> list[tuple]:
    return list(zip(*(table[k] for k in keys), strict=True))


def test_parquet_tables_read_back_with_exactly_the_records_rows_and_join(batch, tmp_path):
    written = write_tables(batch, tmp_path, "parquet")
    assert set(written) == set(TABLES)
    expected = expected_rows(batch)
    tables = {name: pq.read_table(path) for name, path in written.items()}
    for name, table in tables.items():
        assert Counter(as_rows(table.to_pydict(), KEYS[name])) == expected[name], name  # none lost, none twice
    documents = set(tables["documents"].column("document_id").to_pylist())
    assert len(documents) == len(batch)
    for name in TABLES:
        assert set(tables[name].column("document_id").to_pylist()) <= documents, name
    task_keys = set(as_rows(tables["tasks"].to_pydict(), ("document_id", "task_id")))
    assert set(as_rows(tables["task_agencies"].to_pydict(), ("document_id", "task_id"))) <= task_keys
    tasked_deadlines = [k for k in as_rows(tables["deadlines"].to_pydict(), ("document_id", "task_id")) if k[1]]
    assert set(tasked_deadlines) <= task_keys


def test_columns_have_their_declared_types_even_in_an_empty_table(batch, tmp_path):
    error_only = [batch[-1]]
    written = write_tables(error_only, tmp_path, "parquet")
    tasks = pq.read_table(written["tasks"])
    assert tasks.num_rows == 0
    assert tasks.schema.field("task_id").type == pa.string()
    documents = pq.read_table(written["documents"]).to_pylist()
    assert documents[0]["error_code"] == "empty"
    assert documents[0]["issuer_inferred"] is None
    full = pq.read_table(write_tables(batch, tmp_path / "all", "parquet")["documents"])
    assert full.schema.field("source_pages").type == pa.int64()
    assert full.schema.field("issuer_inferred").type == pa.bool_()
    assert full.schema.field("issue_date").type == pa.string()


def test_frames_give_the_same_tables_in_python(batch):
    tables = frames(batch)
    assert set(tables) == set(TABLES)
    hatinh = next(r for r in batch if r.source.path.endswith("cv-ubnd-hatinh-cchc.txt"))
    documents = tables["documents"].set_index("document_id")
    row = documents.loc[hatinh.source.sha256]
    assert (row["number"], row["symbol"], row["issue_date"], row["issue_date_precision"]) == (
        "1523", "UBND-KT", "2019-03-05", "day")
    assert row["signer_authority"] == "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH"
    assert str(tables["documents"]["number_year"].dtype) == "Int64"
    agencies = tables["task_agencies"]
    task_2 = agencies[(agencies["document_id"] == hatinh.source.sha256) & (agencies["task_id"] == "2")]
    assert list(zip(task_2["role"], task_2["agency"], strict=True)) == [
        ("lead", "Sở Kế hoạch và Đầu tư"), ("cooperating", "Sở Tài chính"), ("cooperating", "Sở Xây dựng")]
    deadlines = tables["deadlines"][tables["deadlines"]["document_id"] == hatinh.source.sha256]
    assert list(zip(deadlines["value"], deadlines["precision"], deadlines["last_day"].fillna(""), strict=True)) == [
        ("2019-04-25", "day", "2019-04-25"), ("2019-04", "month", "2019-04-30"),
        ("2019-03-15", "day", "2019-03-15"), ("--06-15", "day", "")]


def test_a_document_without_tasks_has_its_row_and_no_task_rows(batch):
    tables = frames(batch)
    no_tasks = next(r for r in batch if r.source.path.endswith("ttr-ubnd-xa-blank-number.txt"))
    assert no_tasks.tasks == []
    assert (tables["documents"]["document_id"] == no_tasks.source.sha256).sum() == 1
    assert (tables["tasks"]["document_id"] == no_tasks.source.sha256).sum() == 0
    row = tables["documents"].set_index("document_id").loc[no_tasks.source.sha256]
    assert row["warning_codes"].split("; ")[0] == "blank_number"


def test_csv_tables_and_the_flat_task_sheet(batch, tmp_path):
    import pandas as pd

    written = write_tables(batch, tmp_path, "csv")
    documents = pd.read_csv(written["documents"])
    assert len(documents) == len(batch)
    tasks = pd.read_csv(written["tasks"], dtype=str)
    assert len(tasks) == sum(len(r.tasks) for r in batch)
    flat = tasks_frame(r.model_dump() for r in batch)
    assert len(flat) == len(tasks)
    assert flat.iloc[0]["lead"]


@pytest.mark.parametrize(("value", "day"), [
    ("2019-04-25", "2019-04-25"), ("2024-02", "2024-02-29"), ("2019-Q2", "2019-06-30"), ("2024-Q1", "2024-03-31"),
    ("2019-H1", "2019-06-30"), ("2019-H2", "2019-12-31"), ("2019", "2019-12-31"), ("--06-15", None), ("---20", None),
    ("2019-13", None), ("2019-02-30", None)])
def test_the_last_day_of_a_partial_date(value, day):
    result = last_day(value)
    assert (result.isoformat() if result else None) == day


def test_every_corpus_deadline_is_a_row(corpus):
    records = [extract(p) for p in sorted((corpus / "docs").iterdir())]
    tables = frames(records)
    assert len(tables["deadlines"]) == sum(len(r.deadlines) for r in records)
    assert len(tables["task_agencies"]) == sum(len(t.lead) + len(t.cooperating) for r in records for t in r.tasks)
    dated = tables["deadlines"][tables["deadlines"]["recurrence"].isna()]
    assert dated["last_day"].notna().all()
