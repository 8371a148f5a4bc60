"""Where a batch's time and memory go, and the end-to-end figures of the command line.

Parts, in one process: start-up (importing the package, compiling the grammars), reading (file,
SHA-256, encoding detection), the pipeline stages (normalize, segment, the fields), the record's
JSON; then the command ``extract DIR -o out.jsonl`` end to end with ``--jobs 1`` and ``--jobs 2``
(start-up, reading and writing included), underthesea's ``word_tokenize`` per document for
comparison (when the ``bench`` extra is installed), and the peak resident memory of a batch of
the folder once and ten times over. Wall-clock figures suffer from other load on the machine;
CPU seconds (the process and its workers) do not, so both are shown. Run on purpose:

    python benchmarks/batch.py [DIR] [--repeat 3] [--no-memory] [--no-underthesea]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POOL = ROOT.parent / "shared" / "corpus" / "pool"

MEASURE_CHILD = """import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, done.returncode)
"""


def measured(*command: str) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (all processes) and peak RSS in KB (the largest process) of a command."""
    out = subprocess.run([sys.executable, "-c", MEASURE_CHILD, *command], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    if out[3] not in ("0", "1"):
        raise SystemExit(f"{' '.join(command)} failed with status {out[3]}")
    return float(out[0]), float(out[1]), int(out[2])


def cli(folder: Path, out: Path, *options: str) -> tuple[float, float, int]:
    return measured(sys.executable, "-m", "extractor", "extract", str(folder), "-o", str(out), "--quiet", *options)


def best(runs: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """The least wall time and the least CPU time of the runs (the machine's other load only ever
    slows a run down, CPU time too: the cores' caches are shared), and the largest memory."""
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)


FIRST_DOCUMENT = """import time
from extractor.batch import _WARM_UP
from extractor.pipeline import extract_text
started = time.process_time()
extract_text(_WARM_UP)
print(time.process_time() - started)
"""


def _first_document(cache: str) -> float:
    """CPU seconds of the first document in a fresh process, the grammar cache as given ("" as
    configured: warmed by a first run, "off": every grammar compiled)."""
    env = {**os.environ, "VN_EXTRACTOR_CACHE": cache} if cache else dict(os.environ)
    run = [sys.executable, "-c", FIRST_DOCUMENT]
    if cache != "off":
        subprocess.run(run, env=env, cwd=ROOT, check=True, capture_output=True)  # (the cache up to date)
    return float(subprocess.run(run, env=env, cwd=ROOT, check=True, capture_output=True, text=True).stdout)


def parts(files: list[Path], repeat: int) -> None:
    bare = min(measured(sys.executable, "-c", "pass")[0] for _ in range(repeat))
    imports = min(measured(sys.executable, "-c", "import extractor.pipeline")[0] for _ in range(repeat))
    print(f"start-up: Python {bare * 1000:.0f} ms, importing the package {(imports - bare) * 1000:.0f} ms")

    from extractor.batch import _WARM_UP
    from extractor.normalize import normalize
    from extractor.pipeline import extract_text
    from extractor.read import load_path
    from extractor.readers.encoding import decode
    from extractor.segment import segment

    first = {cache: min(_first_document(cache) for _ in range(repeat)) for cache in ("off", "")}
    print(f"  the first document: {first[''] * 1000:.0f} ms CPU with the compiled grammars from the cache "
          f"(extractor/regex_cache.py), {first['off'] * 1000:.0f} ms compiling them (VN_EXTRACTOR_CACHE=off)")
    extract_text(_WARM_UP)  # (the parts below without their first compile)

    def per_doc(label: str, work, inputs: list) -> list:
        seconds, results = [], []
        for _ in range(repeat):
            started = time.process_time()
            results = [work(x) for x in inputs]
            seconds.append(time.process_time() - started)
        print(f"  {label:36} {min(seconds) / len(inputs) * 1000:6.2f} ms/document CPU")
        return results

    print(f"parts, on {len(files)} documents (best of {repeat}):")
    raw = per_doc("reading the file", Path.read_bytes, files)
    per_doc("encoding detection and decoding", decode, raw)
    docs = per_doc("reading, hashing, decoding (all)", load_path, files)
    texts = per_doc("normalize", lambda doc: normalize(doc.text), docs)
    per_doc("segment", lambda text: segment(text.text), texts)
    records = per_doc("the whole pipeline (record built)",
                      lambda doc: extract_text(doc.text, doc.source, doc.warnings), docs)
    per_doc("the record as JSON", lambda record: record.model_dump_json(), records)


def end_to_end(folder: Path, n: int, repeat: int, out: Path) -> float:
    """Documents per second with one and two workers; returns the CPU seconds per document of one."""
    rates, cpus = {}, {}
    runs: dict[int, list[tuple[float, float, int]]] = {1: [], 2: []}
    for _ in range(repeat):  # one job and two taken in turn: the machine's speed drifts between minutes
        for jobs in (1, 2):
            runs[jobs].append(cli(folder, out, "--jobs", str(jobs)))
    for jobs in (1, 2):
        wall, cpu, _rss = best(runs[jobs])
        rates[jobs], cpus[jobs] = n / wall, cpu
        print(f"extract DIR -o out.jsonl --jobs {jobs}: {n / wall:6.0f} documents/s ({wall:.2f} s wall, "
              f"{cpu:.2f} s CPU in all processes: {n / cpu:.0f} documents per CPU second)")
    pairs = sorted(one[0] / two[0] for one, two in zip(runs[1], runs[2], strict=True))
    print(f"  --jobs 2 / --jobs 1: {rates[2] / rates[1]:.2f}x (best against best); run by run, taken in turn: "
          f"median {pairs[len(pairs) // 2]:.2f}x, {pairs[0]:.2f}-{pairs[-1]:.2f}x")
    return cpus[1] / n


def underthesea(files: list[Path], cpu_per_doc: float) -> None:
    try:
        from underthesea import word_tokenize
    except ImportError:
        print("underthesea: not installed (pip install '.[bench]')")
        return
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files[:40]]
    word_tokenize(texts[0][:200])  # its model loads on first use
    started = time.process_time()
    for text in texts:
        word_tokenize(text)
    theirs = (time.process_time() - started) / len(texts)
    print(f"underthesea word_tokenize: {theirs * 1000:.0f} ms/document CPU (first {len(texts)} documents); "
          f"extract end to end: {cpu_per_doc * 1000:.1f} ms/document CPU = 1/{theirs / cpu_per_doc:.0f} of it")


def memory(files: list[Path], out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for copy in range(10):  # links, not copies: ten times the documents under other paths
            folder = Path(tmp) / f"copy{copy}"
            folder.mkdir()
            for f in files:
                (folder / f.name).symlink_to(f.resolve())
        once = cli(Path(tmp) / "copy0", out, "--jobs", "1")[2]
        ten = cli(Path(tmp), out, "--jobs", "1")[2]
    print(f"peak resident memory (largest process), --jobs 1: {len(files)} documents {once / 1024:.0f} MB, "
          f"{10 * len(files)} documents {ten / 1024:.0f} MB ({ten / once:.2f}x)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=POOL)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-memory", action="store_true")
    ap.add_argument("--no-underthesea", action="store_true")
    args = ap.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix in (".txt", ".md"))
    if not files:
        print(f"no documents in {args.folder}")
        return 1
    print(f"{len(files)} documents from {args.folder}; {os.cpu_count()} CPU cores, load average "
          f"{os.getloadavg()[0]:.1f}")
    parts(files, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        cpu_per_doc = end_to_end(args.folder, len(files), args.repeat, out)
        if not args.no_underthesea:
            underthesea(files, cpu_per_doc)
        if not args.no_memory:
            memory(files, out)
    print(f"(this process: peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
