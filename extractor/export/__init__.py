"""Write records in the form their reader loads as it is.

``jsonl`` (one record per line) and ``json`` (an array) for programs; ``csv`` and ``parquet``: a directory of
normalized tables for analysts (``tables.py``); ``edxml``: a directory of edoc messages for e-office systems
(``edxml.py``); ``ics``: one calendar of the deadlines (``ics.py``). Each writer imports its library (pandas,
pyarrow, xmlschema, icalendar) only when it runs, so the command line and ``extract()`` stay light.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..record import Record
from .items import as_record

if TYPE_CHECKING:
    from .edxml import Organ

FORMATS = ("jsonl", "json", "csv", "parquet", "edxml", "ics")
DIRECTORY_FORMATS = ("csv", "parquet", "edxml")  # they write several files
SUFFIXES = {".jsonl": "jsonl", ".json": "json", ".ics": "ics"}


@dataclass(frozen=True)
class Output:
    """Where and how to write: a format, a file or directory (None: standard output), edXML's organs."""

    format: str
    path: Path | None = None
    sender: Organ | None = None
    receivers: tuple[Organ, ...] = ()


def resolve(output: str | Path | None, fmt: str | None = None, organ_id: str | None = None,
            organ_name: str | None = None, to: Sequence[str] = ()) -> Output:
    """The output the options describe; ``ValueError`` with a sentence for a person when they do not fit."""
    path = Path(output) if output is not None else None
    if fmt is None:
        suffix = path.suffix.lower() if path else ""
        if suffix in (".csv", ".parquet", ".edxml"):
            raise ValueError(f"{suffix[1:]} writes a directory of files: use --format {suffix[1:]} -o DIRECTORY")
        fmt = SUFFIXES.get(suffix, "jsonl")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt in DIRECTORY_FORMATS:
        if path is None:
            raise ValueError(f"--format {fmt} writes several files: give a directory with -o")
        if path.is_file():
            raise ValueError(f"--format {fmt} writes into a directory, and {path} is a file")
    elif path is not None and path.is_dir():
        raise ValueError(f"--format {fmt} writes one file, and {path} is a directory")
    if fmt != "edxml":
        if organ_id or organ_name or to:
            raise ValueError("--organ-id, --organ-name and --to are for --format edxml")
        return Output(fmt, path)
    from .edxml import Organ

    if not organ_id or not to:
        raise ValueError("--format edxml needs the sender's --organ-id and at least one --to ID=NAME "
                         "(organ ids come from the axis registry: a document does not carry them)")
    receivers = tuple(Organ.parse(item) for item in to)
    ids = [r.organ_id for r in receivers]
    if len(set(ids)) < len(ids):
        raise ValueError("--to names the same organ id twice; a hub refuses a duplicate To")
    return Output(fmt, path, Organ(organ_id.strip(), (organ_name or "").strip()), receivers)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The output options of ``extract`` (``-o`` itself stays with the command line)."""
    parser.add_argument("--format", choices=FORMATS,
                        help="output format; by default from -o's suffix (.jsonl .json .ics), else jsonl")
    parser.add_argument("--organ-id", help="edxml: the sending organ's id on the axis (e.g. 000.00.00.H42)")
    parser.add_argument("--organ-name", help="edxml: the sending organ's name (default: each document's issuer)")
    parser.add_argument("--to", action="append", default=[], metavar="ID=NAME",
                        help="edxml: a receiving organ, its id and name (repeat for several)")


def from_arguments(args: argparse.Namespace) -> Output:
    return resolve(args.output, args.format, args.organ_id, args.organ_name, args.to)


def records(items: Iterable[Record | dict | str], log: TextIO) -> Iterator[Record]:
    """The records among ``items``; one that is not a record gives a line on ``log``, not a traceback."""
    for index, item in enumerate(items, 1):
        try:
            yield as_record(item)
        except (ValueError, TypeError) as e:  # (pydantic's ValidationError is a ValueError)
            print(f"input {index}: not a record, left out ({str(e).splitlines()[0]})", file=log)


def _json_line(item: Record | dict | str) -> str:
    if isinstance(item, str):
        return item
    return as_record(item).model_dump_json()


def write(items: Iterable[Record | dict | str], out: Output | Path | str | None, fmt: str | None = None, *,
          stream: TextIO | None = None, log: TextIO | None = None) -> None:
    """Write ``items`` (records, their dicts or JSON lines) as ``out`` says; a path alone picks its format."""
    output = out if isinstance(out, Output) else resolve(out, fmt)
    stream, log = stream or sys.stdout, log or sys.stderr
    if output.format in ("jsonl", "json"):
        _write_json(items, output, stream)
    elif output.format in ("csv", "parquet"):
        from .tables import write_tables

        write_tables(records(items, log), output.path, output.format)
    elif output.format == "edxml":
        from .edxml import write_messages

        written = write_messages(records(items, log), output.path, output.sender, output.receivers, log)
        print(f"{written} edXML messages written to {output.path}", file=log)
    else:
        from .ics import write_calendar

        events = write_calendar(records(items, log), output.path, stream, log)
        if output.path:
            print(f"{events} deadlines written to {output.path}", file=log)


def _write_json(items: Iterable[Record | dict | str], output: Output, stream: TextIO) -> None:
    target = output.path.open("w", encoding="utf-8") if output.path else stream
    try:
        if output.format == "jsonl":
            for item in items:
                target.write(_json_line(item) + "\n")
            return
        target.write("[")
        for index, item in enumerate(items):
            target.write(("," if index else "") + "\n" + _json_line(item))
        target.write("\n]\n")
    finally:
        if output.path:
            target.close()


def frames(items: Iterable[Record | dict | str]):
    """``{table: pandas.DataFrame}``: documents, tasks, task_agencies, deadlines, citations, recipients,
    distribution, each row with its ``document_id``."""
    from .tables import frames as table_frames

    return table_frames(records(items, sys.stderr))


def tasks_frame(items: Iterable[Record | dict | str]):
    """One row per task with its agencies joined (see ``tables.tasks_frame``)."""
    from .tables import tasks_frame as flat_tasks

    return flat_tasks(records(items, sys.stderr))


__all__ = ["FORMATS", "Output", "add_arguments", "as_record", "frames", "from_arguments", "records", "resolve",
           "tasks_frame", "write"]
