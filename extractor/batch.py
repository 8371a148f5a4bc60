"""Batches: expand inputs, extract each in order (optionally in parallel), never lose a document."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .read import SUFFIXES
from .record import Error, Record, Source


def expand_inputs(inputs: Iterable[str | Path]) -> tuple[list[Path], int]:
    """Files to read, in order: a directory gives its readable files sorted; returns (files, skipped)."""
    files: list[Path] = []
    skipped = 0
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                if f.suffix.lower() in SUFFIXES and not f.name.endswith(".expected.json"):
                    files.append(f)
                else:
                    skipped += 1
        else:
            files.append(path)  # named on the command line: always read
    return files, skipped


def safe_extract(path: Path) -> Record:
    """``extract`` that turns any unexpected failure into an error record."""
    from .pipeline import extract

    try:
        return extract(path)
    except Exception as e:  # noqa: BLE001 - a batch must never stop for one document
        detail = traceback.format_exception_only(type(e), e)[-1].strip()
        return Record(source=Source(path=str(path)), error=Error(code="internal", message=detail))


def _extract_json(path: Path) -> str:
    return safe_extract(path).model_dump_json()


def run(files: list[Path], jobs: int = 1) -> Iterator[str]:
    """One JSON line per file, in input order."""
    if jobs <= 1 or len(files) < 2:
        for f in files:
            yield _extract_json(f)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_extract_json, files, chunksize=4)
