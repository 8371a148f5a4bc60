"""Command line: ``python -m extractor extract FILE`` and batches to JSON Lines or tables."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import export


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="extractor", description="Vietnamese administrative documents to records")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract records from files or directories")
    ex.add_argument("paths", nargs="+", help="files (.txt .md .docx .pdf .png .jpg .tif) or directories")
    ex.add_argument("-o", "--output", help="a file (.jsonl .json .ics) or, for csv, parquet and edxml, a directory")
    export.add_arguments(ex)
    ex.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for a batch")
    ex.add_argument("--compact", action="store_true", help="one-line JSON for a single file")
    sub.add_parser("schema", help="print the record's JSON Schema")
    from .report import add_report_command
    from .show import add_show_command
    add_report_command(sub)
    add_show_command(sub)
    args = parser.parse_args(argv)
    if hasattr(args, "run"):  # commands that register themselves (report, show)
        return args.run(args)
    if args.command == "extract":
        try:
            args.output_to = export.from_arguments(args)
        except ValueError as e:
            parser.error(str(e))

    if args.command == "schema":
        from .record import json_schema
        print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
        return 0
    return _extract(args)


def _extract(args: argparse.Namespace) -> int:
    from .batch import expand_inputs, run, safe_extract

    files, skipped = expand_inputs(args.paths)
    if args.output is None and args.format is None and len(files) == 1 and not Path(args.paths[0]).is_dir():
        record = safe_extract(files[0])
        sys.stdout.write(record.model_dump_json(indent=None if args.compact else 2) + "\n")
        return 0
    started = time.perf_counter()
    lines = list(run(files, args.jobs))
    errors = sum('"error":{' in line for line in lines)
    export.write(lines, args.output_to)
    seconds = time.perf_counter() - started
    print(f"{len(lines)} records ({errors} with error), {skipped} files skipped, {seconds:.1f} s",
          file=sys.stderr)
    return 0
