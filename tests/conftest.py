from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "docs").is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


def tasks_by_id(text: str) -> dict:
    """The tasks of a directive written for a test, by id (it must read as a directive)."""
    from extractor import extract

    record = extract(text)
    assert record.error is None
    return {t.id: t for t in record.tasks}


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md"))


def perturbed_samples(bits: list[str], seed: int, insertions: int,
                      prepare: Callable[[str], str] = lambda text: text) -> list[str]:
    """Each sample text (``prepare``d) and three variants of it with ``insertions`` of ``bits`` put in at
    random places: the inputs on which a fast scan is checked against the pattern it stands for."""
    rng = random.Random(seed)
    texts = []
    for path in sample_files():
        text = prepare(path.read_text(encoding="utf-8"))
        texts.append(text)
        for _ in range(3):
            chars = list(text)
            for _ in range(insertions):
                chars.insert(rng.randint(0, len(chars)), rng.choice(bits))
            texts.append("".join(chars))
    return texts
