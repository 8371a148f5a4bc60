"""spaCy documents of directives: the record on the Doc, its values as entities, tasks as spans."""

from __future__ import annotations

import pytest
from conftest import SAMPLES, sample_files

spacy = pytest.importorskip("spacy")

from spacy.tokens import DocBin  # noqa: E402

from extractor import extract  # noqa: E402
from extractor.normalize import strip_marks  # noqa: E402
from extractor.spacy import corpus_docbin, load, read_docs  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    return load()


def bare(text: str) -> str:
    """A name compared without case, marks, commas or spacing."""
    return "".join(strip_marks(text).lower().replace(",", " ").split())


def test_doc_carries_the_record_its_values_and_its_tasks(nlp):
    text = (SAMPLES / "cv-ubnd-hatinh-cchc.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    assert doc._.record.number.raw == "1523/UBND-KT"
    ents = {(e.text, e.label_, e.kb_id_) for e in doc.ents}
    assert {("1523/UBND-KT", "NUMBER", "1523/UBND-KT"), ("Sở Nội vụ", "LEAD", "Sở Nội vụ"),
            ("Sở Tài chính", "PARTNER", "Sở Tài chính"), ("Sở Tư pháp", "PARTNER", "Sở Tư pháp"),
            ("chậm nhất ngày 25/4/2019", "DEADLINE", "2019-04-25"),
            ("ngày 05 tháng 3 năm 2019", "ISSUE_DATE", "2019-03-05")} <= ents
    assert any(label == "CITATION" and kb == "845/QĐ-UBND" for _, label, kb in ents)
    assert [e.text for e in doc.ents if e.label_ == "RECIPIENT"] == [
        "- Các sở, ban, ngành cấp tỉnh;", "- UBND các huyện, thị xã, thành phố."]
    tasks = doc.spans["tasks"]
    assert [s.label_ for s in tasks] == [t.id for t in doc._.record.tasks]
    assert tasks[0].text.startswith("1. Giao Sở Nội vụ chủ trì")
    assert [s.text for s in doc.spans["lead"]] == ["Sở Nội vụ", "Sở Kế hoạch và Đầu tư",
                                                   "UBND các huyện, thị xã, thành phố"]
    # task 2's partners are written under a shared head ("các Sở: Tài chính, Xây dựng"): each span is
    # the name's own part
    assert [s.text for s in doc.spans["partner"]] == ["Sở Tài chính", "Sở Tư pháp", "Tài chính", "Xây dựng"]
    assert [s.kb_id_ for s in doc.spans["partner"]][2:] == ["Sở Tài chính", "Sở Xây dựng"]


def test_tokens_split_punctuation_so_entities_end_at_the_name(nlp):
    doc = nlp("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Tư pháp (nếu cần) báo cáo.")
    assert [t.text for t in doc][:8] == ["Giao", "Sở", "Nội", "vụ", "chủ", "trì", ",", "phối"]


def test_component_is_registered_for_a_blank_vietnamese_pipeline():
    blank = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    blank.add_pipe("vn_directive")
    doc = blank("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 15/UBND-VX\nNghệ An, ngày 3 tháng 2 năm 2025\n"
                "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát, báo cáo trước ngày 15/3/2025.\n")
    assert doc._.record.issue_date.value == "2025-02-03"
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("LEAD", "PARTNER", "DEADLINE")] == [
        ("Sở Y tế", "LEAD"), ("Sở Tài chính", "PARTNER"), ("trước ngày 15/3/2025", "DEADLINE")]


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_entities_are_at_the_values_in_every_sample(nlp, path):
    """Offsets hold in the source text, NFD, markdown and old tone marks included."""
    doc = next(read_docs([path], nlp))
    assert doc._.record == extract(path)
    for ent in doc.ents:
        if ent.label_ in ("LEAD", "PARTNER"):  # the name, or its own part under a shared head
            assert bare(ent.kb_id_).endswith(bare(ent.text))


def test_a_corpus_goes_to_a_docbin_and_back_with_its_records(nlp, tmp_path):
    files = sample_files()[:4] + [tmp_path / "missing.txt"]
    corpus_docbin(files, nlp).to_disk(tmp_path / "corpus.spacy")
    docs = list(DocBin().from_disk(tmp_path / "corpus.spacy").get_docs(nlp.vocab))
    assert [d._.record.source.path for d in docs] == [str(f) for f in files]
    assert docs[-1]._.record.error.code == "unreadable" and len(docs[-1]) == 0
    original = next(read_docs([files[0]], nlp))
    assert [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in docs[0].ents] == [
        (e.start_char, e.end_char, e.label_, e.kb_id_) for e in original.ents]
    assert [s.label_ for s in docs[0].spans["tasks"]] == [t.id for t in original._.record.tasks if t.span]


def test_on_every_dev_document_tasks_are_spans_and_their_agencies_entities(corpus, nlp):
    problems = []
    for path in sorted((corpus / "docs").iterdir()):
        doc = next(read_docs([path], nlp))
        record = doc._.record
        if record.number is None and record.tasks == []:
            problems.append(f"{path.name}: no record")
        with_span = [t.id for t in record.tasks if t.span]
        if [s.label_ for s in doc.spans["tasks"]] != with_span:
            problems.append(f"{path.name}: task spans {len(doc.spans['tasks'])} for {len(with_span)} tasks")
        entities = {(e.label_, bare(e.kb_id_)) for e in doc.ents}
        # a name the record also gives inside a longer one ("Hội đồng nhân dân tỉnh" in "Thường trực
        # Hội đồng nhân dân tỉnh"): entities cannot overlap, its span group keeps it
        # … and one that is both a lead and a partner at one place: one entity, both span groups keep it
        inside = {(s.label_, bare(s.kb_id_)) for s in [*doc.spans["lead"], *doc.spans["partner"]]
                  if any(e.start <= s.start and s.end <= e.end and (e.text != s.text or e.label_ != s.label_)
                         for e in doc.ents)}
        for task in record.tasks:
            for label, names in (("LEAD", task.lead), ("PARTNER", task.cooperating)):
                problems += [f"{path.name} {task.id}: {label} {n}" for n in names
                             if (label, bare(n)) not in entities | inside]
    assert problems == []
