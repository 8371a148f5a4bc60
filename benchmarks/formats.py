"""Score the dev gold documents in every format a user holds, each as a share of their typed text's score.

Each dev gold document's typed text is written out by several producers, extracted, and scored with
``shared/tools/score.py --pred``:

- ``text``: the typed text itself (the reference: every other score is printed as a share of it);
- ``tcvn3``, ``vni``: the text re-encoded in the legacy font encodings (TCVN3 as the ABC fonts write it,
  accented capitals typed in a capitals font on the lower-case codes);
- ``docx``: this project's renderer (``render.to_docx``: header and signature in two-column tables);
- ``docx-shapes``: python-docx, with the header and signature laid out other ways (three columns,
  merged cells, number and trích yếu in one cell, nested tables, manual line breaks, a text box),
  one shape per document in turn (``render.to_docx_shaped``);
- ``docx-lo``: LibreOffice opening ``docx`` and saving it again as DOCX (its own XML);
- ``pdf``: fpdf2 (``render.to_pdf``);
- ``pdf-lo``: LibreOffice converting ``docx`` (typed in Times New Roman, as directives are) to PDF
  with the fonts it has (Liberation Serif, and a fallback font for the letters it lacks);
- ``scan``: degraded page images of the text in a PDF without text layer, through OCR (minutes).

``--scans`` also scores the real published scans (``shared/corpus/scans`` against ``gold-scans``).
LibreOffice (Debian ``libreoffice-writer``, with ``fonts-liberation``) is needed for the ``-lo``
formats, Tesseract for ``scan``. Run on purpose:

    python benchmarks/formats.py [--formats text,tcvn3,vni,docx,docx-shapes,docx-lo,pdf,pdf-lo] [--scans]
"""

from __future__ import annotations

import argparse
import json
import shutil
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
from extractor.readers.legacy import encode_tcvn3, encode_vni  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
SHAPES = render.DOCX_SHAPES
DEFAULT_FORMATS = "text,tcvn3,vni,docx,docx-shapes,docx-lo,pdf,pdf-lo"
# format -> (suffix of the rendered file, renderer); the -lo formats are then converted by LibreOffice
RENDER = {
    "text": (".txt", lambda raw, i: raw.encode("utf-8")),
    "tcvn3": (".txt", lambda raw, i: encode_tcvn3(raw, capitals_font=True)),
    "vni": (".txt", lambda raw, i: encode_vni(raw)),
    "docx": (".docx", lambda raw, i: render.to_docx(raw)),
    "docx-shapes": (".docx", lambda raw, i: render.to_docx_shaped(raw, SHAPES[i % len(SHAPES)])),
    "docx-lo": (".docx", lambda raw, i: render.to_docx(raw)),
    "pdf": (".pdf", lambda raw, i: render.to_pdf(raw)),
    "pdf-lo": (".docx", lambda raw, i: render.to_docx(raw, font="Times New Roman")),
    "scan": (".pdf", lambda raw, i: render.to_image_pdf(raw)),
}
LIBREOFFICE = {"docx-lo": "docx:MS Word 2007 XML", "pdf-lo": "pdf"}


def _render(args: tuple[str, int, Path, Path]) -> Path:
    fmt, index, doc, out_dir = args
    suffix, make = RENDER[fmt]
    path = out_dir / (doc.stem + suffix)
    path.write_bytes(make(doc.read_text(encoding="utf-8"), index))
    return path


def _libreoffice(paths: list[Path], target: str, out_dir: Path) -> list[Path]:
    """Convert with LibreOffice in one run (its own profile, so other instances do not interfere)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice is not installed (Debian: libreoffice-writer fonts-liberation)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                        "--outdir", str(out_dir), *map(str, paths)], capture_output=True, check=True, timeout=1800)
    suffix = "." + target.split(":")[0]
    return [out_dir / (p.stem + suffix) for p in paths]


def _extract(args: tuple[Path, Path]) -> tuple[float, int]:
    path, pred_dir = args
    started = time.perf_counter()
    record = extract(path)
    seconds = time.perf_counter() - started
    (pred_dir / f"{path.stem}.json").write_text(record.model_dump_json(), encoding="utf-8")
    return seconds, record.source.pages or 1


def _score(gold: Path, pred_dir: Path) -> dict:
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold),
                          "--pred", str(pred_dir), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _report(name: str, summary: dict, typed: float | None, detail: str) -> None:
    ratio = f"  {summary['score'] / typed:.3f}× typed" if typed else ""
    print(f"{name:12} field score {summary['score']:.3f}{ratio}  ({detail})")
    fields = {k: v.get("accuracy", v.get("f1")) for k, v in summary["fields"].items()}
    low = ", ".join(f"{k} {v:.2f}" for k, v in fields.items() if v is not None and v < 0.9)
    if low:
        print(f"{'':12} under 0.9: {low}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "gold")
    ap.add_argument("--docs", type=Path, default=SHARED / "corpus" / "docs")
    ap.add_argument("--formats", default=DEFAULT_FORMATS, help=f"any of {','.join(RENDER)}")
    ap.add_argument("--scans", action="store_true", help="also score the real scans against gold-scans")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    docs = [args.docs / json.loads(g.read_text(encoding="utf-8"))["doc"] for g in sorted(args.gold.glob("*.json"))]
    typed = None
    formats = args.formats.split(",")
    if "text" in formats:
        formats.remove("text")
        formats.insert(0, "text")
    for fmt in formats:
        with tempfile.TemporaryDirectory() as tmp:
            files, preds = Path(tmp) / "files", Path(tmp) / "records"
            files.mkdir()
            preds.mkdir()
            with ProcessPoolExecutor(args.jobs) as pool:
                paths = list(pool.map(_render, [(fmt, i, d, files) for i, d in enumerate(docs)]))
                if fmt in LIBREOFFICE:
                    converted = files / "converted"
                    paths = _libreoffice(paths, LIBREOFFICE[fmt], converted)
                timings = list(pool.map(_extract, [(p, preds) for p in paths]))
            summary = _score(args.gold, preds)
            typed = summary["score"] if fmt == "text" else typed
            pages, seconds = sum(t[1] for t in timings), sum(t[0] for t in timings)
            _report(fmt, summary, typed if fmt != "text" else None,
                    f"{len(docs)} documents, {pages} pages, {seconds / pages:.2f} s/page")
    if args.scans:
        gold = SHARED / "corpus" / "gold-scans"
        scans = [SHARED / "corpus" / "scans" / json.loads(g.read_text(encoding="utf-8"))["doc"]
                 for g in sorted(gold.glob("*.json"))]
        with tempfile.TemporaryDirectory() as tmp:
            with ProcessPoolExecutor(args.jobs) as pool:
                timings = list(pool.map(_extract, [(p, Path(tmp)) for p in scans]))
            summary = _score(gold, Path(tmp))
            pages, seconds = sum(t[1] for t in timings), sum(t[0] for t in timings)
            _report("real scans", summary, None, f"{len(scans)} documents, {pages} pages, {seconds / pages:.2f} s/page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
