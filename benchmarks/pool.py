"""Benchmark and coverage on a folder of documents (default: ../shared/corpus/pool), in one process.

Reports documents per second for the header stage alone (``extract_header``: normalize, segment
and read the header fields from the top of each document) and for the whole pipeline, and the share
of documents with each key field. Run on purpose:

    python benchmarks/pool.py [DIR] [--stage header|full]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.pipeline import extract_header, extract_text  # noqa: E402
from extractor.read import load_path  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/pool"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--show-missing", action="store_true")
    args = ap.parse_args()
    files = sorted(p for p in Path(args.folder).iterdir() if p.suffix in (".txt", ".md"))
    if not files:
        print(f"no documents in {args.folder}")
        return 1
    docs = [load_path(f) for f in files]
    extract_text(docs[0].text)  # warm up: grammars compile once

    started = time.perf_counter()
    for _ in range(args.repeat):
        for d in docs:
            extract_header(d.text)
    header_seconds = time.perf_counter() - started

    runs = []
    cpu_runs = []
    records = []
    for _ in range(args.repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        records = [extract_text(d.text, d.source) for d in docs]
        runs.append(time.perf_counter() - started)
        cpu_runs.append(time.process_time() - cpu_started)
    full_seconds = min(runs)  # the best run: the machine's other load only ever slows a run down

    n = len(docs) * args.repeat
    have = Counter()
    for f, r in zip(files, records, strict=True):
        checks = {
            "no error": r.error is None,
            "number": r.number is not None and r.number.number is not None,
            "number line (incl. blank)": r.number is not None or any(w.code == "blank_number" for w in r.warnings),
            "issuer": r.issuer is not None,
            "issue_date": r.issue_date is not None,
            "signer": r.signature is not None and r.signature.signer is not None,
            "subject": r.subject is not None,
            "tasks": bool(r.tasks),
        }
        for k, ok in checks.items():
            have[k] += ok
            if args.show_missing and not ok and k in ("issuer", "issue_date", "signer"):
                print(f"  missing {k}: {f.name}")
    print(f"{len(docs)} documents from {args.folder}")
    for k in ("no error", "number", "number line (incl. blank)", "issuer", "issue_date", "signer", "subject", "tasks"):
        print(f"  {k:28} {have[k] / len(docs):6.1%}")
    print(f"header stage: {n / header_seconds:8.0f} documents/s (mean of {args.repeat} runs)")
    print(f"full pipeline: {len(docs) / full_seconds:8.0f} documents/s (best of {len(runs)} runs; "
          f"median {len(docs) / sorted(runs)[len(runs) // 2]:.0f}); "
          f"{len(docs) / min(cpu_runs):.0f} documents per CPU second")
    # (later runs find the readings of issuer blocks, signatures and citations kept from the first)
    print(f"  the first run alone: {len(docs) / runs[0]:8.0f} documents/s, "
          f"{len(docs) / cpu_runs[0]:.0f} per CPU second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
