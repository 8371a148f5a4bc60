"""Does a spaCy agency recogniser trained on the gold labels help? Measured on held-out folds.

For each of the five folds of ``benchmarks/folds.py``, a model is trained by ``scripts/train_ner.py``
on the other four (the gold agency names located in their texts), then judged on the held-out fold:

(a) mentions: precision and recall of the located gold mentions (exact spans) for the model alone,
    the rules alone (``rule_agencies``) and the rules with the model's spans that overlap none of
    theirs. Precision is a lower bound: a body the text names but no gold set lists (a cited
    ministry) counts as wrong.
(b) the pipeline: task_leads and task_cooperating F1 of the fold's documents extracted with the
    rules alone and with the model's extra spans merged into ``find_agencies`` (``VN_EXTRACTOR_NER_MODEL``),
    scored by ``../shared/tools/score.py``.

Run on purpose (spaCy needed: ``pip install -e ".[spacy]"``; about 7 minutes on two shared cores)::

    python benchmarks/ner_trained.py [--models DIR] [--reuse] [--json]

``--reuse`` skips training for the folds whose model is already in ``DIR``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from folds import FOLDS, assign_folds, extract_all, score  # noqa: E402
from train_ner import GOLD, gold_docs, predict, train  # noqa: E402

from extractor.ner import MODEL_ENV, rule_agencies  # noqa: E402

TRIM = " \t\n,;:.()"
FAMILIES = ("task_leads", "task_cooperating", "field score")


def trimmed(text: str, spans) -> set[tuple[int, int]]:
    """Spans without surrounding spaces and punctuation, so boundaries compare on the words alone."""
    out = set()
    for s, e in spans:
        while s < e and text[s] in TRIM:
            s += 1
        while e > s and text[e - 1] in TRIM:
            e -= 1
        if s < e:
            out.add((s, e))
    return out


def prf(gold: set, found: set) -> tuple[int, int, int]:
    return len(gold & found), len(found), len(gold)


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def pipeline_scores(doc_names: list[str], gold_files: list[Path], model: Path | None) -> dict:
    """Extract ``doc_names`` (rules, or rules + ``model``) and score them on ``gold_files`` (score.py's JSON)."""
    docs = GOLD.parent / "docs"
    env_before = os.environ.pop(MODEL_ENV, None)
    if model is not None:
        os.environ[MODEL_ENV] = str(model)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            src, pred = Path(tmp) / "docs", Path(tmp) / "pred"
            src.mkdir()
            pred.mkdir()
            for name in doc_names:
                (src / name).symlink_to(docs / name)
            extract_all(src, pred)
            return score(gold_files, pred)
    finally:
        os.environ.pop(MODEL_ENV, None)
        if env_before is not None:
            os.environ[MODEL_ENV] = env_before


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", type=Path, default=Path(tempfile.gettempdir()) / "ner-folds")
    ap.add_argument("--reuse", action="store_true", help="use the fold models already in --models")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    import spacy

    docs = gold_docs()
    fold_of = assign_folds(GOLD)
    rows = []
    for k in range(FOLDS):
        held_out = [name for name in docs if fold_of[name] == k]
        path = args.models / f"fold{k}"
        seconds = None
        if args.reuse and path.is_dir():
            nlp = spacy.load(path)
        else:
            started = time.perf_counter()
            nlp, _ = train([d for n, d in docs.items() if fold_of[n] != k], args.epochs, log=lambda _: None)
            seconds = time.perf_counter() - started
            path.parent.mkdir(parents=True, exist_ok=True)
            nlp.to_disk(path)
        counts = {"model": [0, 0, 0], "rules": [0, 0, 0], "union": [0, 0, 0]}
        for name in held_out:
            d = docs[name]
            gold = trimmed(d.text, d.mentions)
            rules = [(a.start, a.end) for a in rule_agencies(d.text)]
            model = predict(nlp, d.text)
            extra = [(s, e) for s, e in model if not any(rs < e and s < re_ for rs, re_ in rules)]
            for key, spans in (("model", model), ("rules", rules), ("union", rules + extra)):
                counts[key] = [a + b for a, b in zip(counts[key], prf(gold, trimmed(d.text, spans)), strict=True)]
        gold_files = [GOLD / n for n in held_out]
        names = [docs[n].name for n in held_out]
        without = pipeline_scores(names, gold_files, None)
        with_model = pipeline_scores(names, gold_files, path)
        row = {"fold": k, "docs": len(held_out), "train_seconds": seconds,
               "size_bytes": sum(f.stat().st_size for f in path.rglob("*") if f.is_file())}
        for key, (tp, found, gold) in counts.items():
            row[key] = {"precision": ratio(tp, found), "recall": ratio(tp, gold), "tp": tp, "found": found,
                        "gold": gold}
        for fam in FAMILIES:
            row[fam] = {"rules": without["fields"].get(fam, {}).get("f1"),
                        "rules+model": with_model["fields"].get(fam, {}).get("f1")}
        row["field score"] = {"rules": without["score"], "rules+model": with_model["score"]}
        rows.append(row)
        if not args.json:
            print(_line(row), flush=True)
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(_mean(rows))
    return 0


def _line(row: dict) -> str:
    mentions = "  ".join(f"{key} P {row[key]['precision']:.3f} R {row[key]['recall']:.3f}"
                         for key in ("model", "rules", "union"))
    tasks = "  ".join(f"{fam} {row[fam]['rules']:.3f}→{row[fam]['rules+model']:.3f}" for fam in FAMILIES)
    trained = f"trained {row['train_seconds']:.0f} s" if row["train_seconds"] is not None else "reused"
    return f"fold {row['fold']} ({row['docs']} docs, {trained}): {mentions}  |  {tasks}"


def _mean(rows: list[dict]) -> str:
    def avg(get) -> float:
        return sum(get(r) for r in rows) / len(rows)

    mentions = "  ".join(f"{key} P {avg(lambda r, k=key: r[k]['precision']):.3f} "
                         f"R {avg(lambda r, k=key: r[k]['recall']):.3f}" for key in ("model", "rules", "union"))
    tasks = "  ".join(f"{fam} {avg(lambda r, f=fam: r[f]['rules']):.3f}→{avg(lambda r, f=fam: r[f]['rules+model']):.3f}"
                      for fam in FAMILIES)
    return f"mean over folds: {mentions}  |  {tasks}"


if __name__ == "__main__":
    raise SystemExit(main())
