"""Records as normalized tables, one per entity, that join on ``document_id`` (and tasks on ``task_id``).

Analysts load these into pandas, DuckDB or a spreadsheet without unpicking list-valued columns. Every column
has a declared type; partial dates stay text (``2019-Q2``) with their precision in the next column.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ..record import Record
from .dates import last_day
from .items import as_record

# table → (column, type); the types are pandas' nullable ones, mapped to Arrow's for Parquet
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("document_id", "string"), ("source_path", "string"), ("source_format", "string"),
        ("source_pages", "Int64"), ("source_ocr", "boolean"), ("doc_type", "string"), ("doc_type_code", "string"),
        ("number_raw", "string"), ("number", "string"), ("symbol", "string"), ("number_year", "Int64"),
        ("type_code", "string"), ("issuer_code", "string"), ("unit_code", "string"),
        ("issuer", "string"), ("issuer_parent", "string"), ("issuer_inferred", "boolean"), ("place", "string"),
        ("issue_date", "string"), ("issue_date_precision", "string"), ("subject", "string"),
        ("signer", "string"), ("signer_position", "string"), ("signer_authority", "string"),
        ("urgency", "string"), ("secrecy", "string"), ("error_code", "string"), ("error_message", "string"),
        ("warning_codes", "string"),
    ),
    "tasks": (
        ("document_id", "string"), ("task_id", "string"), ("parent_id", "string"), ("text", "string"),
        ("deadline", "string"), ("deadline_precision", "string"), ("deadline_recurrence", "string"),
    ),
    "task_agencies": (
        ("document_id", "string"), ("task_id", "string"), ("role", "string"), ("agency", "string"),
    ),
    "deadlines": (
        ("document_id", "string"), ("task_id", "string"), ("value", "string"), ("precision", "string"),
        ("recurrence", "string"), ("relative", "boolean"), ("last_day", "string"), ("raw", "string"),
    ),
    "citations": (
        ("document_id", "string"), ("number", "string"), ("doc_type", "string"), ("date", "string"),
        ("issuer", "string"), ("relation", "string"), ("raw", "string"),
    ),
    "recipients": (("document_id", "string"), ("name", "string"), ("raw", "string")),
    "distribution": (("document_id", "string"), ("name", "string"), ("note", "string")),
}
LIST_SEPARATOR = "; "  # for the two short lists kept in a documents column: authority lines, warning codes


def rows(record: Record) -> dict[str, list[dict]]:
    """The record's rows in each table."""
    doc = record.source.sha256
    number, issuer, issue, signature = record.number, record.issuer, record.issue_date, record.signature
    document = {
        "document_id": doc, "source_path": record.source.path, "source_format": record.source.format,
        "source_pages": record.source.pages, "source_ocr": record.source.ocr,
        "doc_type": record.doc_type and record.doc_type.name, "doc_type_code": record.doc_type and record.doc_type.code,
        "number_raw": number and number.raw, "number": number and number.number, "symbol": number and number.symbol,
        "number_year": number and number.year, "type_code": number and number.type_code,
        "issuer_code": number and number.issuer_code, "unit_code": number and number.unit_code,
        "issuer": issuer and issuer.name, "issuer_parent": issuer and issuer.parent,
        "issuer_inferred": issuer and issuer.inferred, "place": record.place,
        "issue_date": issue and issue.value, "issue_date_precision": issue and issue.precision,
        "subject": record.subject, "signer": signature and signature.signer,
        "signer_position": signature and signature.position,
        "signer_authority": LIST_SEPARATOR.join(signature.authority) if signature and signature.authority else None,
        "urgency": record.urgency, "secrecy": record.secrecy,
        "error_code": record.error and record.error.code, "error_message": record.error and record.error.message,
        "warning_codes": LIST_SEPARATOR.join(w.code for w in record.warnings) or None,
    }
    tasks, agencies = [], []
    for task in record.tasks:
        deadline = task.deadline
        tasks.append({"document_id": doc, "task_id": task.id, "parent_id": task.parent, "text": task.text,
                      "deadline": deadline and deadline.value, "deadline_precision": deadline and deadline.precision,
                      "deadline_recurrence": deadline and deadline.recurrence})
        agencies += [{"document_id": doc, "task_id": task.id, "role": role, "agency": agency}
                     for role, names in (("lead", task.lead), ("cooperating", task.cooperating)) for agency in names]
    return {
        "documents": [document],
        "tasks": tasks,
        "task_agencies": agencies,
        "deadlines": [{"document_id": doc, "task_id": d.task, "value": d.value, "precision": d.precision,
                       "recurrence": d.recurrence, "relative": d.relative, "last_day": _iso(last_day(d.value)),
                       "raw": d.raw}
                      for d in record.deadlines],
        "citations": [{"document_id": doc, "number": c.number, "doc_type": c.doc_type, "date": c.date,
                       "issuer": c.issuer, "relation": c.relation, "raw": c.raw} for c in record.citations],
        "recipients": [{"document_id": doc, "name": r.name, "raw": r.raw} for r in record.recipients],
        "distribution": [{"document_id": doc, "name": d.name, "note": d.note} for d in record.distribution],
    }


def frames(records: Iterable[Record]):
    """``{table: pandas.DataFrame}`` with every table present and every column typed, even when empty."""
    import pandas as pd

    collected: dict[str, list[dict]] = {name: [] for name in TABLES}
    for record in records:
        for name, table_rows in rows(as_record(record)).items():
            collected[name] += table_rows
    result = {}
    for name, columns in TABLES.items():
        frame = pd.DataFrame(collected[name], columns=[c for c, _ in columns])
        result[name] = frame.astype(dict(columns))
    return result


def arrow_schema(table: str):
    """The Parquet schema of one table: pandas' nullable types as Arrow's."""
    import pyarrow as pa

    types = {"string": pa.string(), "Int64": pa.int64(), "boolean": pa.bool_()}
    return pa.schema([(column, types[kind]) for column, kind in TABLES[table]])


def write_tables(records: Iterable[Record], out_dir: Path, fmt: str) -> dict[str, Path]:
    """``out_dir/TABLE.csv`` or ``out_dir/TABLE.parquet`` for each table; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, frame in frames(records).items():
        path = out_dir / f"{name}.{fmt}"
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pandas(frame, schema=arrow_schema(name), preserve_index=False), path)
        else:
            frame.to_csv(path, index=False)
        written[name] = path
    return written


def tasks_frame(records: Iterable[Record | dict]):
    """One row per task with its agencies joined, for a tracker that wants one flat sheet."""
    import pandas as pd

    table = []
    for record in map(as_record, records):
        for task in record.tasks:
            table.append({
                "path": record.source.path, "number": record.number and record.number.raw,
                "task": task.id, "text": task.text,
                "lead": LIST_SEPARATOR.join(task.lead), "cooperating": LIST_SEPARATOR.join(task.cooperating),
                "deadline": task.deadline and task.deadline.value,
            })
    return pd.DataFrame(table)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
