"""Train a spaCy agency recogniser on the agency names of the dev gold, fold by fold.

The gold files name agencies in four sets (``task_leads``, ``task_cooperating``, ``recipients``,
``distribution``) but not where they are written. Each name is located in its document's normalized
text (case, old tone marks, ``UBND``/``Ủy ban nhân dân`` and spacing ignored; a leading role such as
``Chủ tịch`` is not part of the name, as the scorer reads it), and every place it occurs becomes an
AGENCY span. A body the rules find that no gold set names is left *unlabelled* (spaCy's missing
value), not "no entity": the gold lists only the agencies a document assigns or addresses, not every
body it cites, so calling those negatives would teach the model that ``Sở Tài chính`` in a citation is
no agency.

Tokens are syllables and punctuation (spaCy's rule tokenizer on a blank ``vi`` pipeline): agency
names begin and end at syllable boundaries, so no word segmenter (pyvi, the ``vi`` default, or
underthesea) is needed to place them, and none is installed to run the model.

Training data is the training folds only (``benchmarks/folds.py``'s ``assign_folds``)::

    pip install -e ".[spacy]"
    python scripts/train_ner.py --fold 2 --out /tmp/ner-fold2   # train on folds 0, 1, 3, 4
    python scripts/train_ner.py --out DIR                        # train on all 48 documents

``benchmarks/ner_trained.py`` trains one model per fold and measures each on its held-out fold.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "corpus" / "gold"
DOCS = SHARED / "corpus" / "docs"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from folds import assign_folds  # noqa: E402

from extractor.ner import find_agencies  # noqa: E402
from extractor.normalize import normalize  # noqa: E402

LABEL = "AGENCY"
SETS = ("task_leads", "task_cooperating", "recipients", "distribution")
# distribution entries that name no body: "Như trên", "Lưu: VT", "Như khoản 2 Điều 5", a person
# ("Đ/c PGĐ Phạm Quốc Toản", "TT Nguyễn Mạnh Khương")
NOT_A_BODY = re.compile(r"^(?:như|lưu|vt\b|văn thư|đ/c|đc\b|đồng chí|ông|bà|tt\.?\s|pgđ|gđ\b)")
ABBREVIATIONS = {("ủy", "ban", "nhân", "dân"): "ubnd", ("hội", "đồng", "nhân", "dân"): "hđnd"}
DASHES = "-–—"


@dataclass(frozen=True)
class Doc:
    """A gold document: its name, normalized text and located agency mentions ``(start, end)``."""
    name: str
    text: str
    mentions: tuple[tuple[int, int], ...]
    names: int  # distinct gold names
    located: int  # of which found in the text


@cache
def _scorer():
    """The scorer's own normalisation (roles, tones, abbreviations), so a name is read as it scores."""
    sys.path.insert(0, str(SHARED / "tools"))
    import score

    return score


def name_pattern(name: str) -> re.Pattern[str] | None:
    """A gold name as a pattern over the lower-cased text; ``None`` for names too vague to locate."""
    key = _scorer().norm(name, agency=True)
    if not key or NOT_A_BODY.match(key) or _scorer().ROLES.fullmatch(key + " "):
        return None  # no body, or a role alone ("Bộ trưởng (để báo cáo)")
    words = re.findall(r"\w+|[^\w\s]", key)
    if len([w for w in words if w[0].isalnum()]) < 2 and not (len(key) >= 3 and name.strip().isupper()):
        return None  # one common word ("tỉnh", "Bộ") would be found everywhere
    parts: list[tuple[str, bool]] = []  # (pattern, is a word)
    i = 0
    while i < len(words):
        four = tuple(words[i:i + 4])
        if four in ABBREVIATIONS:
            spelled = r"\s+".join(four)
            parts.append((f"(?:{spelled}|{ABBREVIATIONS[four]})", True))
            i += 4
            continue
        w = words[i]
        parts.append((f"[{DASHES}]" if w in DASHES else re.escape(w), w[0].isalnum()))
        i += 1
    pattern = parts[0][0]
    for (_, word_before), (part, word) in zip(parts, parts[1:], strict=False):
        pattern += (r"\s+" if word and word_before else r"\s*") + part
    return re.compile(rf"(?<!\w){pattern}(?!\w)")


def search_form(text: str) -> str:
    """Lower case and modern tone marks, offsets unchanged (each replacement keeps its length)."""
    low = text.lower()
    for old, new in _scorer().OLD_TONES.items():
        low = low.replace(old, new)
    return low if len(low) == len(text) else text.lower()


def locate(text: str, names: set[str]) -> tuple[list[tuple[int, int]], int]:
    """Every occurrence of every name, leftmost-longest where two overlap; and how many names were found."""
    low = search_form(text)
    spans: list[tuple[int, int]] = []
    located = 0
    for name in names:
        pattern = name_pattern(name)
        hits = [(m.start(), m.end()) for m in pattern.finditer(low)] if pattern else []
        located += bool(hits)
        spans += hits
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if not out or s >= out[-1][1]:
            out.append((s, e))
    return out, located


def gold_docs(gold_dir: Path = GOLD, docs_dir: Path = DOCS) -> dict[str, Doc]:
    """Gold file name → document with its located mentions."""
    out = {}
    for f in sorted(gold_dir.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        names = set()
        for key in SETS:
            for item in gold["sets"].get(key) or []:
                names.add(item[1] if isinstance(item, list) else item)
        text = normalize((docs_dir / gold["doc"]).read_text(encoding="utf-8")).text
        mentions, located = locate(text, names)
        out[f.name] = Doc(gold["doc"], text, tuple(mentions), len(names), located)
    return out


def lines(text: str):
    """``(start, line)`` for each non-blank line: the unit the model is trained and run on."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def blank_pipeline():
    """A blank Vietnamese pipeline with spaCy's rule tokenizer (syllables and punctuation, no pyvi)."""
    import spacy

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})


def examples(nlp, docs: list[Doc], negatives: float, rng: random.Random, unsure_missing: bool = True):
    """One training example per line: gold mentions are AGENCY, bodies only the rules find are
    unlabelled, the rest is outside; lines with none of these are kept with probability ``negatives``."""
    from spacy.training import Example, offsets_to_biluo_tags

    out = []
    for doc in docs:
        for start, line in lines(doc.text):
            end = start + len(line)
            gold = [(s - start, e - start, LABEL) for s, e in doc.mentions if start <= s and e <= end]
            # unlabelled: bodies only the rules find, and mentions wrapped over two lines
            unsure = [(a.start, a.end) for a in find_agencies(line)]
            unsure += [(s - start, e - start) for s, e in doc.mentions if s < end and e > start
                       and not (start <= s and e <= end)]
            if not gold and not unsure and rng.random() > negatives:
                continue
            tokens = nlp.make_doc(line)
            tags = offsets_to_biluo_tags(tokens, gold)  # (a span off the token boundaries: "-")
            for s, e in unsure if unsure_missing else []:
                if any(s < ge and gs < e for gs, ge, _ in gold):
                    continue
                for token in tokens:
                    if s < token.idx + len(token) and token.idx < e:
                        tags[token.i] = "-"
            out.append(Example.from_dict(tokens, {"entities": tags}))
    return out


def train(docs: list[Doc], epochs: int = 10, seed: int = 0, negatives: float = 0.3, log=print,
          unsure_missing: bool = True):
    """A ``ner`` pipe (spaCy's default transition-based model, its own small CNN) trained on ``docs``."""
    import spacy
    from spacy.util import minibatch

    spacy.util.fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = blank_pipeline()
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 48, "maxout_pieces": 2, "use_upper": True,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 64,
                    "depth": 2, "embed_size": 1000, "window_size": 1, "maxout_pieces": 2,
                    "subword_features": True}}})
    with warnings.catch_warnings():  # W030: a mention off the token boundaries ("-Văn phòng …") is left out
        warnings.simplefilter("ignore", UserWarning)
        data = examples(nlp, docs, negatives, rng, unsure_missing)
    optimizer = nlp.initialize(lambda: data)
    started = time.perf_counter()
    for epoch in range(epochs):
        rng.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        log(f"  epoch {epoch + 1}/{epochs}: loss {losses.get('ner', 0):.0f} ({time.perf_counter() - started:.0f} s)")
    return nlp, len(data)


def predict(nlp, text: str) -> list[tuple[int, int]]:
    """AGENCY spans of ``text``, read line by line as in training."""
    found = []
    starts_lines = list(lines(text))
    for (start, _), doc in zip(starts_lines, nlp.pipe(line for _, line in starts_lines), strict=True):
        found += [(start + e.start_char, start + e.end_char) for e in doc.ents if e.label_ == LABEL]
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fold", type=int, help="leave this fold out (default: train on every document)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--negatives", type=float, default=0.3, help="share of lines without any agency kept")
    args = ap.parse_args()
    docs = gold_docs()
    fold_of = assign_folds(GOLD)
    train_docs = [d for name, d in docs.items() if fold_of[name] != args.fold]
    names = sum(d.names for d in train_docs)
    located = sum(d.located for d in train_docs)
    print(f"{len(train_docs)} documents, {located}/{names} gold names located, "
          f"{sum(len(d.mentions) for d in train_docs)} mentions")
    started = time.perf_counter()
    nlp, n = train(train_docs, args.epochs, negatives=args.negatives)
    print(f"trained on {n} lines in {time.perf_counter() - started:.0f} s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
