"""Command line: ``python -m extractor extract FILE`` and batches to JSON Lines or tables."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from . import export

EXIT_STATUS = """exit status:
  0  every input gave a record without error
  1  at least one record carries an error (all records are still written; a missing file
     gives an error record too)
  2  usage error (unknown option, --resume without a JSON Lines output, ...)
  3  the output could not be written (a full disk, ...): the records written so far are
     complete; --resume finishes a JSON Lines output"""


def main(argv: list[str] | None = None) -> int:
    from .batch import DEFAULT_TIMEOUT
    from .read import MAX_PAGES

    parser = argparse.ArgumentParser(prog="extractor", description="Vietnamese administrative documents to records")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract records from files or directories", epilog=EXIT_STATUS,
                        formatter_class=argparse.RawDescriptionHelpFormatter,
                        description="One file: its record as JSON on stdout. Several files or a directory: one\n"
                                    "JSON line per input, in input order, each written as soon as it and all\n"
                                    "before it are done.")
    ex.add_argument("paths", nargs="+", help="files (.txt .md .docx .pdf .png .jpg .tif) or directories")
    ex.add_argument("-o", "--output", help="a file (.jsonl .json .ics) or, for csv, parquet and edxml, a directory")
    export.add_arguments(ex)
    ex.add_argument("-j", "--jobs", type=int, default=1,
                    help="worker processes for a batch (default 1; 0: one per CPU core)")
    ex.add_argument("--resume", action="store_true",
                    help="skip inputs that already have a record in the JSON Lines output; append the others")
    ex.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                    help="in a batch, give up on a document after this long: a 'timeout' error record "
                         f"(default {DEFAULT_TIMEOUT:g}; 0: never)")
    ex.add_argument("--max-pages", type=int, default=None, metavar="N",
                    help=f"read at most N pages of a PDF or image, with a warning (default {MAX_PAGES})")
    ex.add_argument("--dask", metavar="tcp://SCHEDULER:PORT",
                    help="run on this Dask distributed cluster (workers need the package and read access "
                         "to the input paths; needs the 'dask' extra)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
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
    output = args.output_to
    if args.resume and (output.format != "jsonl" or output.path is None):
        parser.error("--resume needs -o OUT.jsonl (a JSON Lines output)")
    if output.path is not None and output.format not in export.DIRECTORY_FORMATS and not output.path.parent.is_dir():
        parser.error(f"-o {output.path}: not a file in an existing directory")
    if args.jobs < 0 or (args.max_pages is not None and args.max_pages < 1) or (args.timeout or 0) < 0:
        parser.error("--jobs, --timeout and --max-pages cannot be negative (--max-pages at least 1)")
    return _extract(args)


def _extract(args: argparse.Namespace) -> int:
    from . import read
    from .batch import DEFAULT_TIMEOUT, ResumeError, expand_inputs, extract_batch, safe_extract

    if args.max_pages is not None:
        read.MAX_PAGES = args.max_pages  # the batch passes it on to its workers
    files, skipped = expand_inputs(args.paths)
    if args.output is None and args.format is None and len(files) == 1 and not Path(args.paths[0]).is_dir():
        record = safe_extract(files[0])
        sys.stdout.write(record.model_dump_json(indent=None if args.compact else 2) + "\n")
        return 1 if record.error else 0

    client = _dask_client(args.dask) if args.dask else None
    progress = None if args.quiet or not sys.stderr.isatty() else BarProgress()
    timeout = DEFAULT_TIMEOUT if args.timeout is None else (args.timeout or None)
    try:
        summary = extract_batch(files, _output(args.output_to), jobs=args.jobs or _cores(), timeout=timeout,
                                client=client, resume=args.resume, progress=progress)
    except ResumeError as e:
        print(f"extractor: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # stdout closed early (``| head``): stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces the closed stream until exit
        return 1
    except OSError as e:  # the output: a full disk, a quota, a file grown past its limit
        where = args.output_to.path or "standard output"
        again = " (run again with --resume to finish it)" if args.output_to.format == "jsonl" and \
            args.output_to.path else ""
        print(f"extractor: cannot write {where}: {e.strerror or e}; the records written so far are "
              f"complete{again}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("interrupted: the records written so far are complete; run again with --resume to finish",
              file=sys.stderr)
        return 130
    finally:
        if client is not None:
            client.close()
    if not args.quiet:
        errors = ", ".join(f"{n} {code}" for code, n in summary.errors.most_common())
        resumed = f", {summary.resumed} already in the output" if args.resume else ""
        rate = summary.written / summary.seconds if summary.seconds else 0.0
        print(f"{summary.written + summary.resumed} records ({summary.error_count} with error"
              f"{': ' + errors if errors else ''}), {skipped} files skipped{resumed}, "
              f"{summary.seconds:.1f} s, {rate:.0f} documents/s", file=sys.stderr)
    return 1 if summary.error_count else 0


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _dask_client(address: str):
    try:
        from distributed import Client
    except ImportError:
        print("extractor: --dask needs the 'dask' extra: pip install 'vn-directive-extractor[dask]'",
              file=sys.stderr)
        raise SystemExit(2) from None
    try:
        return Client(address, timeout="20s")
    except OSError as e:
        print(f"extractor: cannot reach the Dask scheduler at {address}: {e}", file=sys.stderr)
        raise SystemExit(2) from None


def _output(output: export.Output) -> Path | Callable[[Iterator[str]], object]:
    """Where the batch's records go: a JSON Lines file (the batch writes it, flushing each line, so
    it can resume it), or the exporter of another format (or of stdout), given the records' JSON
    lines in input order."""
    if output.format == "jsonl" and output.path is not None:
        return output.path
    return lambda lines: export.write(lines, output)


class BarProgress:
    """A tqdm bar on stderr: documents done / total, documents per second, time left, errors, OCR pages."""

    def start(self, total: int, done: int) -> None:
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: workers are forked from this process
        self.errors = 0
        self.pages = 0
        self.bar = tqdm(total=total, initial=done, unit="doc", file=sys.stderr, dynamic_ncols=True,
                        smoothing=0.1)

    def update(self, result) -> None:
        self.errors += result.error is not None
        self.pages += result.pages
        self.bar.set_postfix_str(f"errors: {self.errors}" + (f", OCR pages: {self.pages}" if self.pages else ""),
                                 refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()
