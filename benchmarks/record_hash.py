"""One hash per document of its whole record, to prove a refactoring changed no behaviour.

Extracts every document of the given folders (default: ../shared/corpus/pool and
../shared/corpus/docs) and prints ``NAME HASH`` per document, the hash being SHA-256 of the record's
JSON with nothing left out. Keep a baseline before a change and compare after it:

    python benchmarks/record_hash.py > /tmp/before.txt
    python benchmarks/record_hash.py --compare /tmp/before.txt   # lists the documents that changed

With ``--compare`` and ``--show``, a changed document's record fields that differ are printed too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor import extract  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def record_hashes(folders: list[Path]) -> dict[str, tuple[str, dict]]:
    """``folder/name`` → (hash of the record's JSON, the record as a dict)."""
    out = {}
    for folder in folders:
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            dumped = extract(path).model_dump_json()
            out[f"{folder.name}/{path.name}"] = (hashlib.sha256(dumped.encode("utf-8")).hexdigest(),
                                                 json.loads(dumped))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", type=Path, default=[CORPUS / "pool", CORPUS / "docs"])
    ap.add_argument("--compare", type=Path, help="a baseline printed by this script")
    ap.add_argument("--show", action="store_true", help="with --compare: print the fields that changed")
    args = ap.parse_args()
    hashes = record_hashes(args.folders)
    if args.compare is None:
        for name, (digest, _) in hashes.items():
            print(name, digest)
        return 0
    baseline = dict(line.split() for line in args.compare.read_text(encoding="utf-8").splitlines() if line.strip())
    changed = [name for name, (digest, _) in hashes.items() if baseline.get(name) != digest]
    missing = sorted(set(baseline) - set(hashes))
    for name in changed:
        print("changed", name)
        if args.show:
            for key, value in hashes[name][1].items():
                print(f"    {key}: {json.dumps(value, ensure_ascii=False)[:300]}")
    for name in missing:
        print("missing", name)
    print(f"{len(hashes)} documents, {len(changed)} changed, {len(missing)} missing")
    return 1 if changed or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
