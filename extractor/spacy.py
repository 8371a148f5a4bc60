"""spaCy documents of directives: the record on ``doc._.record``, its values as entities.

>>> from extractor.spacy import load
>>> nlp = load()
>>> doc = nlp(text)
>>> doc._.record.number.raw, [(e.text, e.label_) for e in doc.ents], list(doc.spans["tasks"])

The ``vn_directive`` component runs the extractor on ``doc.text`` and sets:

- ``doc._.record``: the ``Record`` (kept as its JSON data in ``doc._.record_data``, so a ``DocBin``
  with user data carries it);
- ``doc.ents``: the values of ``extractor.labels.LABELS`` (``LEAD``, ``PARTNER``, ``RECIPIENT``,
  ``ISSUER``, ``ISSUE_DATE``, ``DEADLINE``, ``NUMBER``, ``CITATION``…), ``ent.kb_id_`` holding the
  value as the record has it (an agency's name, an ISO date); where two overlap the longer stays;
- ``doc.spans["tasks"]``: one span per task that has a span, labelled with the task's id;
  ``doc.spans["lead"]`` and ``doc.spans["partner"]``: the agencies of tasks (overlaps allowed).

The pipeline is ``spacy.blank("vi")`` with spaCy's rule-based tokenizer instead of the ``vi``
default: that one wants ``pyvi`` (a word segmenter with its own model) or, without it, splits on
white space only, leaving ``vụ,`` and ``(chủ`` as tokens, so entities would take the punctuation.
Rule-based tokens are syllables with punctuation split off, which is what the record's character
spans fall on; words are not needed to place values the extractor has already found.

Beware: this module is ``extractor.spacy``; it imports the ``spacy`` package absolutely.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from extractor.labels import values
from extractor.record import Record

TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}  # spaCy's rule-based tokenizer (see above)

if not Doc.has_extension("record_data"):
    Doc.set_extension("record_data", default=None)
if not Doc.has_extension("record"):
    Doc.set_extension("record", getter=lambda doc: None if doc._.record_data is None
                      else Record.model_validate(doc._.record_data))


class DirectiveAnnotator:
    """The ``vn_directive`` pipeline component."""

    def __call__(self, doc: Doc) -> Doc:
        from extractor.pipeline import extract_text

        return annotate(doc, extract_text(doc.text))


@Language.factory("vn_directive")
def make_directive_annotator(nlp: Language, name: str) -> DirectiveAnnotator:
    return DirectiveAnnotator()


def load() -> Language:
    """A blank Vietnamese pipeline with the ``vn_directive`` component; nothing is downloaded."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": TOKENIZER}})
    nlp.add_pipe("vn_directive")
    return nlp


def annotate(doc: Doc, record: Record) -> Doc:
    """Put ``record`` (read from ``doc.text``: its spans are offsets into it) on ``doc``."""
    doc._.record_data = record.model_dump(mode="json")
    entities: list[Span] = []
    groups: dict[str, list[Span]] = {"lead": [], "partner": []}
    for value in values(record, doc.text):
        span = doc.char_span(value.start, value.end, label=value.label, kb_id=value.value, alignment_mode="expand")
        if span is None:
            continue
        entities.append(span)
        if value.label in ("LEAD", "PARTNER"):
            groups[value.label.lower()].append(span)
    doc.ents = filter_spans(entities)
    doc.spans["tasks"] = [span for task in record.tasks if task.span
                          if (span := doc.char_span(*task.span, label=task.id, alignment_mode="expand")) is not None]
    for name, spans in groups.items():
        doc.spans[name] = spans
    return doc


def read_docs(paths: Iterable[str | Path], nlp: Language | None = None) -> Iterator[Doc]:
    """One ``Doc`` per file (any format ``extract`` reads), with the record of the file: its source,
    encoding and OCR warnings, which ``nlp(text)`` alone cannot know. A file that cannot be read
    gives an empty ``Doc`` whose record carries the error."""
    from extractor import read
    from extractor.pipeline import extract_text
    from extractor.record import Error, Source

    nlp = nlp or load()
    for path in paths:
        try:
            loaded = read.load(Path(path))
        except read.ReadError as e:
            record = Record(source=e.source or Source(path=str(path)), error=Error(code=e.code, message=str(e)))
            yield annotate(nlp.make_doc(""), record)
            continue
        yield annotate(nlp.make_doc(loaded.text), extract_text(loaded.text, loaded.source, loaded.warnings))


def corpus_docbin(paths: Iterable[str | Path], nlp: Language | None = None) -> DocBin:
    """A ``DocBin`` of the files, records included (``DocBin(store_user_data=True)``); read it
    back with ``DocBin().from_disk(p).get_docs(load().vocab)`` after ``import extractor.spacy``."""
    docbin = DocBin(store_user_data=True)
    for doc in read_docs(paths, nlp):
        docbin.add(doc)
    return docbin
