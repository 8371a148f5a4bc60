"""How well are agencies recognised? Rules alone against underthesea's NER, on the dev gold.

The gold agencies are the names in each gold file's recipients, task leads and cooperating
agencies (leading roles such as "Giám đốc" removed, as the scorer does). A gold agency is found
when a recognised span in the document's text matches it (the scorer's fuzzy match, ratio ≥ 0.9).
Run on purpose: python benchmarks/ner_eval.py
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.ner import find_agencies  # noqa: E402
from extractor.normalize import normalize  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROLES = re.compile(r"^(?:phó )?(?:giám đốc|chủ tịch|thủ trưởng|bộ trưởng|trưởng ban|lãnh đạo|bí thư|trưởng)\s+")


def norm(s: str) -> str:
    s = " ".join(s.casefold().split()).replace("ủy", "ủy")
    return ROLES.sub("", s.replace("ubnd", "ủy ban nhân dân").replace("hđnd", "hội đồng nhân dân"))


def found(gold: str, spans: list[str]) -> bool:
    g = norm(gold)
    return any(difflib.SequenceMatcher(None, g, norm(s)).ratio() >= 0.9 for s in spans)


def underthesea_spans(text: str) -> list[str]:
    from underthesea import ner

    spans = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        current: list[str] = []
        for word, _pos, _chunk, tag in ner(line):
            if tag.endswith(("ORG", "LOC")) and (tag.startswith("B-") or not current):
                if current:
                    spans.append(" ".join(current))
                current = [word]
            elif tag.endswith(("ORG", "LOC")):
                current.append(word)
            else:
                if current:
                    spans.append(" ".join(current))
                current = []
        if current:
            spans.append(" ".join(current))
    return spans


def golds() -> list[tuple[str, str, list[str]]]:
    """(document, normalized text, gold agency names) for each dev gold file that has any."""
    out = []
    for g in sorted((SHARED / "corpus" / "gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        names = set(gold["sets"].get("recipients", []))
        names |= {a for _, a in gold["sets"].get("task_leads", []) + gold["sets"].get("task_cooperating", [])}
        if names:
            text = normalize((SHARED / "corpus" / "docs" / gold["doc"]).read_text(encoding="utf-8")).text
            out.append((gold["doc"], text, sorted(names)))
    return out


def main() -> int:
    golds_ = golds()
    total = sum(len(n) for _, _, n in golds_)
    results = {}
    for name, recognise in (("rules (gazetteers + grammar)", lambda t: [a.name for a in find_agencies(t)]),
                            ("underthesea ner (ORG, LOC)", underthesea_spans)):
        started = time.perf_counter()
        spans = {doc: recognise(text) for doc, text, _ in golds_}
        seconds = time.perf_counter() - started
        results[name] = spans
        hits = sum(found(n, spans[doc]) for doc, _, names in golds_ for n in names)
        print(f"{name:32} recall {hits / total:.3f} ({hits}/{total} gold agencies)  {seconds:.1f} s")
    union_hits = sum(found(n, sum((s[doc] for s in results.values()), [])) for doc, _, names in golds_ for n in names)
    print(f"{'rules + underthesea':32} recall {union_hits / total:.3f} ({union_hits}/{total})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
