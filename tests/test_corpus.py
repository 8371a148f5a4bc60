"""Smoke checks on the shared corpus (skipped when it is absent). Scores are measured by
../shared/tools/score.py, not here."""

from __future__ import annotations

import json

from extractor import extract


def test_dev_documents_give_their_gold_number_and_date(corpus):
    checked = 0
    for gold_file in sorted((corpus / "gold").glob("*.json"))[:6]:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        record = extract(corpus / "docs" / gold["doc"])
        assert record.error is None
        if isinstance(gold["fields"].get("number.raw"), str):
            assert record.number.raw.replace(" ", "") == gold["fields"]["number.raw"].replace(" ", "")
            checked += 1
        assert record.issue_date.value == gold["fields"]["issue_date.value"]
    assert checked >= 3


def test_pool_documents_never_crash(corpus):
    for path in sorted((corpus / "pool").glob("*.txt"))[:25]:
        record = extract(path)
        assert record.source.sha256
