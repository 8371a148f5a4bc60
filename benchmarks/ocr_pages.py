"""OCR throughput on a multi-page scan: seconds per page with one worker and with all cores.

Renders a long dev document as degraded page images (``render``), then OCRs the pages with
``ocr_images(jobs=1)`` and with the default (one Tesseract process per core). Run on purpose:

    python benchmarks/ocr_pages.py [--pages 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import render  # noqa: E402

from extractor.readers.ocr import ocr_images  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=20)
    args = ap.parse_args()
    docs = sorted((SHARED / "corpus" / "docs").glob("*.txt"), key=lambda p: -p.stat().st_size)
    pages = []
    for doc in docs:
        pages += render.to_images(doc.read_text(encoding="utf-8"))
        if len(pages) >= args.pages:
            break
    pages = pages[:args.pages]
    for jobs in (1, os.cpu_count() or 1):
        started = time.perf_counter()
        ocr_images(pages, jobs=jobs)
        seconds = time.perf_counter() - started
        print(f"{len(pages)} pages, {jobs} worker(s): {seconds:.1f} s, {seconds / len(pages):.2f} s/page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
