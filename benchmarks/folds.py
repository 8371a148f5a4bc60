"""Cross-validation of the rules on the dev gold: the gold split into folds, each fold scored on its own.

Rules and word lists are not trained, but they are written by looking at documents: a rule that only
moves the fold whose documents it was written on is a rule for one document. So the dev gold is split
into folds (stratified by document type, then by how many task leads a document has, so each fold holds
a share of every kind) and every family is reported per fold, with the mean over folds next to the
full-set figure. Work on some folds, and judge the change on the others:

    python benchmarks/folds.py                      # extract the dev documents, score every fold
    python benchmarks/folds.py --pred DIR           # records already written, one NAME.json each
    python benchmarks/folds.py --list               # which document is in which fold
    python benchmarks/folds.py --verbose 0,1,2      # every miss, for the development folds only

The scorer is ``../shared/tools/score.py``, unchanged: these figures are the ones it prints, per fold.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOLDS = 5
# the families issue 9 is judged on, printed first
KEY = ["task_leads", "task_cooperating", "task_deadlines", "deadlines", "warnings", "task_ids"]


def assign_folds(gold_dir: Path, folds: int = FOLDS) -> dict[str, int]:
    """Gold file name → fold. Deterministic: documents of one type, most leads first, dealt round-robin."""
    by_type: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for f in sorted(gold_dir.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        kind = str((gold.get("fields") or {}).get("doc_type.name"))
        leads = len((gold.get("sets") or {}).get("task_leads") or [])
        by_type[kind].append((-leads, f.name))
    order = [name for kind in sorted(by_type) for _, name in sorted(by_type[kind])]
    return {name: i % folds for i, name in enumerate(order)}


def extract_all(docs: Path, out: Path) -> None:
    """One batch over the dev documents; records split into ``out/NAME.json`` as the scorer reads them."""
    jsonl = out / "all.jsonl"
    done = subprocess.run([sys.executable, "-m", "extractor", "extract", str(docs), "-o", str(jsonl)],
                          cwd=ROOT, stderr=subprocess.DEVNULL)
    if done.returncode not in (0, 1):  # 1: some record carries an error, all are written
        raise SystemExit(f"the batch over {docs} failed (exit status {done.returncode})")
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            name = Path(record["source"]["path"]).stem
            (out / f"{name}.json").write_text(line, encoding="utf-8")


def score(gold_files: list[Path], pred: Path, verbose: bool = False) -> dict:
    """``score.py --json`` on a subset of the gold (linked into a folder of its own)."""
    with tempfile.TemporaryDirectory() as tmp:
        for f in gold_files:
            (Path(tmp) / f.name).symlink_to(f.resolve())
        cmd = [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", tmp, "--pred", str(pred)]
        if verbose:
            print(subprocess.run(cmd + ["--verbose"], capture_output=True, text=True).stdout)
        return json.loads(subprocess.run(cmd + ["--json"], capture_output=True, text=True, check=True).stdout)


def figure(row: dict) -> float:
    return row.get("f1", row.get("recall") if "warnings" in row else row.get("accuracy", 0.0))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "gold")
    ap.add_argument("--docs", type=Path, default=SHARED / "corpus" / "docs")
    ap.add_argument("--pred", type=Path, help="records already written (NAME.json each)")
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--list", action="store_true", help="print the fold of every gold document")
    ap.add_argument("--verbose", default="", help="comma-separated folds whose misses to print")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    fold_of = assign_folds(args.gold, args.folds)
    if args.list:
        for name, k in sorted(fold_of.items(), key=lambda x: (x[1], x[0])):
            print(k, name)
        return 0
    shown = {int(k) for k in args.verbose.split(",") if k.strip()}
    with tempfile.TemporaryDirectory() as tmp:
        pred = args.pred
        if pred is None:
            pred = Path(tmp)
            extract_all(args.docs, pred)
        full = score(sorted(args.gold.glob("*.json")), pred)
        per_fold = []
        for k in range(args.folds):
            files = [args.gold / n for n, f in sorted(fold_of.items()) if f == k]
            per_fold.append(score(files, pred, verbose=k in shown))
    families = KEY + sorted(set(full["fields"]) - set(KEY))
    table = {}
    for fam in families:
        if fam not in full["fields"]:
            continue
        values = [figure(s["fields"][fam]) for s in per_fold if fam in s["fields"]]
        table[fam] = {"full": figure(full["fields"][fam]), "folds": values,
                      "cv": sum(values) / len(values) if values else None}
    cv_score = sum(s["score"] for s in per_fold) / len(per_fold)
    if args.json:
        print(json.dumps({"full": full["score"], "cv": cv_score, "families": table}, indent=1))
        return 0
    head = " ".join(f"fold{k}" for k in range(args.folds))
    print(f"{'family':22} {'full':>6} {'cv':>6}   {head}")
    for fam, row in table.items():
        folds = " ".join(f"{v:5.3f}" for v in row["folds"])
        print(f"{fam:22} {row['full']:6.3f} {row['cv']:6.3f}   {folds}")
    folds = " ".join(f"{s['score']:5.3f}" for s in per_fold)
    print(f"{'field score':22} {full['score']:6.3f} {cv_score:6.3f}   {folds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
