"""Score the dev gold documents rendered as DOCX, PDF and noisy scans against their typed text.

For each dev gold document, the typed text is rendered (``render``) as a DOCX with header and
signature tables, a PDF with a text layer, and a scanned PDF of degraded page images; each is
extracted and scored with ``shared/tools/score.py --pred``. Prints each format's field score,
its ratio to the typed text's, and OCR seconds per page. Run on purpose (OCR takes minutes):

    python benchmarks/formats.py [--formats text,docx,pdf,scan] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import render  # noqa: E402

from extractor import extract  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
SUFFIX = {"text": ".txt", "docx": ".docx", "pdf": ".pdf", "scan": ".pdf"}


def _one(args: tuple[str, Path, Path]) -> tuple[str, float, int]:
    fmt, doc, out_dir = args
    raw = doc.read_text(encoding="utf-8")
    data = {"text": lambda: raw.encode("utf-8"), "docx": lambda: render.to_docx(raw),
            "pdf": lambda: render.to_pdf(raw), "scan": lambda: render.to_image_pdf(raw)}[fmt]()
    path = out_dir / (doc.stem + SUFFIX[fmt])
    path.write_bytes(data)
    started = time.perf_counter()
    record = extract(path)
    seconds = time.perf_counter() - started
    (out_dir / f"{doc.stem}.json").write_text(record.model_dump_json(), encoding="utf-8")
    return doc.stem, seconds, record.source.pages or 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "gold")
    ap.add_argument("--docs", type=Path, default=SHARED / "corpus" / "docs")
    ap.add_argument("--formats", default="text,docx,pdf,scan")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    docs = [args.docs / json.loads(g.read_text(encoding="utf-8"))["doc"] for g in sorted(args.gold.glob("*.json"))]
    scores = {}
    for fmt in args.formats.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            out_dir = Path(tmp)
            with ProcessPoolExecutor(args.jobs) as pool:
                timings = list(pool.map(_one, [(fmt, d, out_dir) for d in docs]))
            result = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(args.gold),
                                     "--pred", str(out_dir), "--json"], capture_output=True, text=True)
            summary = json.loads(result.stdout)
            scores[fmt] = summary["score"]
            pages = sum(t[2] for t in timings)
            seconds = sum(t[1] for t in timings)
            ratio = f"{scores[fmt] / scores['text']:.3f} of typed" if "text" in scores else ""
            print(f"{fmt:5} field score {scores[fmt]:.3f} {ratio}  ({len(docs)} documents, {pages} pages, "
                  f"{seconds / pages:.2f} s/page)")
            weak = {k: v.get("accuracy", v.get("f1")) for k, v in summary["fields"].items()}
            low = ", ".join(f"{k} {v:.2f}" for k, v in weak.items() if v < 0.9)
            if low:
                print(f"      under 0.9: {low}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
