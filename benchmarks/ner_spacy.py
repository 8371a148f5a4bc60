"""Would spaCy help the agency stage? Measured on the dev gold, run on purpose (spaCy is not a
dependency of the package: `pip install spacy` first).

1. An EntityRuler built from the gazetteers alone (named bodies; heads × fields; heads ×
   provinces): the "entity ruler" a spaCy host of the stage would start from.
2. A statistical NER (spaCy, blank multilingual tokenizer) trained on silver data: the pool's
   document bodies labelled by the project's rules.
Recall of the gold agency names is computed as in ner_eval.py; the union with the rules shows
whether the model adds anything.

    python benchmarks/ner_spacy.py [--docs 200] [--epochs 8]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ner_eval import found, golds  # noqa: E402

from extractor.grammar import provinces, word_list  # noqa: E402
from extractor.ner import find_agencies  # noqa: E402
from extractor.normalize import normalize  # noqa: E402
from extractor.segment import segment  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


def ruler_pipeline():
    import spacy

    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    phrases = set(word_list("agencies/bodies.txt"))
    for head in ("Bộ", "Sở", "Phòng"):
        phrases |= {f"{head} {f}" for f in word_list("agencies/fields.txt")}
    for head in ("Ủy ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND", "Công an", "Sở Y tế"):
        for name, kind in provinces().items():
            phrases |= {f"{head} {kind} {name}", f"{head} {name}"}
    ruler.add_patterns([{"label": "ORG", "pattern": p} for p in sorted(phrases)])
    return nlp


def silver(n_docs: int) -> list[tuple[str, list[tuple[int, int]]]]:
    examples = []
    for path in sorted((SHARED / "corpus" / "pool").glob("*.txt"))[:n_docs]:
        text = normalize(path.read_text(encoding="utf-8")).text
        body = segment(text).get("body")
        if not body:
            continue
        for line in text[body.start:body.end].split("\n"):
            if 20 < len(line) < 600:
                spans = [(a.start, a.end) for a in find_agencies(line)]
                examples.append((line, spans))
    return examples


def train(examples, epochs: int):
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("xx")
    ner = nlp.add_pipe("ner")
    ner.add_label("ORG")
    data = []
    for text, spans in examples:
        doc = nlp.make_doc(text)
        ents = [doc.char_span(s, e, label="ORG", alignment_mode="expand") for s, e in spans]
        ents = [e for e in ents if e is not None]
        try:
            data.append(Example.from_dict(doc, {"entities": [(e.start_char, e.end_char, "ORG") for e in ents]}))
        except ValueError:
            continue
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(0)
    for _ in range(epochs):
        rng.shuffle(data)
        for i in range(0, len(data), 32):
            nlp.update(data[i:i + 32], sgd=optimizer, drop=0.2)
    return nlp


def recall(spans_by_doc, gold) -> tuple[int, int]:
    total = sum(len(names) for _, _, names in gold)
    hits = sum(found(n, spans_by_doc[doc]) for doc, _, names in gold for n in names)
    return hits, total


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--epochs", type=int, default=8)
    args = ap.parse_args()
    gold = golds()
    rules = {doc: [a.name for a in find_agencies(text)] for doc, text, _ in gold}
    hits, total = recall(rules, gold)
    print(f"rules (grammar + gazetteers)      recall {hits / total:.3f} ({hits}/{total})")

    started = time.perf_counter()
    nlp = ruler_pipeline()
    ruled = {doc: [e.text for e in nlp(text).ents] for doc, text, _ in gold}
    hits, total = recall(ruled, gold)
    print(f"spaCy EntityRuler (gazetteers)    recall {hits / total:.3f} ({hits}/{total})"
          f"  {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    examples = silver(args.docs)
    model = train(examples, args.epochs)
    trained = time.perf_counter() - started
    started = time.perf_counter()
    predicted = {doc: [e.text for line in text.split("\n") for e in model(line).ents] for doc, text, _ in gold}
    hits, total = recall(predicted, gold)
    print(f"spaCy NER, silver ({len(examples)} lines)  recall {hits / total:.3f} ({hits}/{total})"
          f"  trained {trained:.0f} s, ran {time.perf_counter() - started:.1f} s")
    union = {doc: rules[doc] + predicted[doc] for doc in rules}
    hits, total = recall(union, gold)
    print(f"rules + spaCy NER                 recall {hits / total:.3f} ({hits}/{total})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
