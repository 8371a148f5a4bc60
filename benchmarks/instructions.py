"""Instructions the pipeline executes on a folder (default: the pool), counted under valgrind.

Wall and CPU seconds on a shared VM drift by a third between minutes; an instruction count does
not, so it shows whether a change made the work smaller. Counts the pipeline over every document
of the folder minus a run that reads them all and extracts one (start-up and reading left out).
The code counted is that of ``--code DIR`` (a checkout, for comparing commits; default this one);
the compiled-grammar cache is off so both runs do the same. Needs Debian's ``valgrind``; slow
(about a minute per run). Run on purpose:

    python benchmarks/instructions.py [DIR] [--code /path/to/other/checkout]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from extractor.pipeline import extract_text
from extractor.read import load_path
docs = [load_path(f) for f in sorted(Path(sys.argv[2]).iterdir()) if f.suffix in (".txt", ".md")]
extract_text(docs[0].text)
for d in docs[:int(sys.argv[3])]:
    extract_text(d.text, d.source)
"""


def instructions(code: Path, folder: Path, n: int) -> int:
    env = {**os.environ, "VN_EXTRACTOR_CACHE": "off", "PYTHONHASHSEED": "0"}
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           sys.executable, "-c", CHILD, str(code), str(folder), str(n)],
                          capture_output=True, text=True, env=env, check=True)
    return int(re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)[1].replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / "pool")
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout whose extractor is counted")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)")
        return 1
    n = sum(1 for f in args.folder.iterdir() if f.suffix in (".txt", ".md"))
    base = instructions(args.code, args.folder, 0)
    full = instructions(args.code, args.folder, n)
    print(f"{args.code}: {(full - base) / 1e9:.2f} G instructions for the pipeline on {n} documents "
          f"({(full - base) / n / 1e6:.1f} M per document)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
