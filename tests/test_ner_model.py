"""The optional statistical agency recogniser: how a model is loaded and merged with the rules, and
how ``scripts/train_ner.py`` turns gold agency names into spans.

The merge is tested with a spaCy pipeline whose only component is an entity ruler (no training, so
the result is certain); a trained model is loaded by the same code.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extractor import ner

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("1. Giao Sở Tài chính chủ trì, phối hợp với Nhà máy nước Cẩm Xuyên lắp đặt đồng hồ;\n"
        "2. Nhà máy nước Cẩm Xuyên báo cáo kết quả trước ngày 30/6/2026.")


@pytest.fixture
def model_dir(tmp_path, monkeypatch):
    """A saved pipeline that marks one body no rule or list knows, and one the rules also find."""
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "AGENCY", "pattern": "Nhà máy nước Cẩm Xuyên"},
                        {"label": "AGENCY", "pattern": "Sở Tài chính chủ trì"}])
    nlp.to_disk(tmp_path / "model")
    monkeypatch.setenv(ner.MODEL_ENV, str(tmp_path / "model"))
    ner._statistical_model.cache_clear()
    yield tmp_path / "model"
    ner._statistical_model.cache_clear()


def test_rules_alone_without_a_model(monkeypatch):
    monkeypatch.delenv(ner.MODEL_ENV, raising=False)
    assert [a.name for a in ner.find_agencies(TEXT)] == [a.name for a in ner.rule_agencies(TEXT)]
    assert "Nhà máy nước Cẩm Xuyên" not in [a.name for a in ner.rule_agencies(TEXT)]


def test_model_adds_the_bodies_the_rules_miss(model_dir):
    found = ner.find_agencies(TEXT, offset=100)
    names = [a.name for a in found]
    # the model's body on both lines, in text order; where the rules found a body ("Sở Tài chính"),
    # an overlapping model span ("Sở Tài chính chủ trì") is not taken
    assert names.count("Nhà máy nước Cẩm Xuyên") == 2
    assert "Sở Tài chính" in names and "Sở Tài chính chủ trì" not in names
    assert [a.start for a in found] == sorted(a.start for a in found)
    second = [a for a in found if a.name.startswith("Nhà máy")][1]
    assert TEXT[second.start - 100:second.end - 100] == "Nhà máy nước Cẩm Xuyên"


def test_model_reaches_task_leads(model_dir):
    from extractor import extract

    doc = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/UBND-KT\nHà Tĩnh, ngày 05 tháng 3 năm 2026\n"
           "V/v triển khai dự án cấp nước\nKính gửi: Các sở, ban, ngành cấp tỉnh.\n" + TEXT +
           "\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n")
    leads = {t.id: t.lead for t in extract(doc).tasks}
    assert leads.get("2") == ["Nhà máy nước Cẩm Xuyên"]


def test_a_missing_model_warns_and_leaves_the_rules(tmp_path, monkeypatch):
    pytest.importorskip("spacy")
    monkeypatch.setenv(ner.MODEL_ENV, str(tmp_path / "no-such-model"))
    ner._statistical_model.cache_clear()
    try:
        with pytest.warns(UserWarning, match="no agency model"):
            found = ner.find_agencies(TEXT)
    finally:
        ner._statistical_model.cache_clear()
    assert [a.name for a in found] == [a.name for a in ner.rule_agencies(TEXT)]


def test_gold_names_located_as_printed(corpus):
    """A gold name with a role and a spelled-out head is found where the text abbreviates it."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_ner import locate

    text = "Đề nghị Chủ tịch UBND tỉnh  Hà Tĩnh và Sở Lao động – Thương binh và Xã hội (phối hợp);\nNhư trên"
    spans, located = locate(text, {"Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
                                   "Sở Lao động - Thương binh và Xã hội", "Như trên", "Bộ trưởng"})
    assert [text[s:e] for s, e in spans] == ["UBND tỉnh  Hà Tĩnh", "Sở Lao động – Thương binh và Xã hội"]
    assert located == 2
