"""show: a document with every extracted value highlighted at its span, in displaCy's entity style."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from browser import browse
from conftest import ROOT, SAMPLES

pytest.importorskip("spacy")

from extractor import read  # noqa: E402
from extractor.labels import values  # noqa: E402
from extractor.pipeline import extract_text  # noqa: E402
from extractor.show import _Mark, _nest, render  # noqa: E402


class Marks(HTMLParser):
    """The highlighted values of a page: (label, start, end) of each mark, and each task's id."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: set[tuple[str, int, int]] = set()
        self.tasks: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark":
            start, end = map(int, a["data-span"].split(","))
            self.marks.add((a["data-label"], start, end))
        elif tag == "span" and "data-task" in a:
            self.tasks.append(a["data-task"])


def highlighted(path) -> tuple[Marks, set, list[str]]:
    doc = read.load(path)
    record = extract_text(doc.text, doc.source, doc.warnings)
    page = Marks()
    page.feed(render(path))
    return page, {(v.label, v.start, v.end) for v in values(record, doc.text)}, [t.id for t in record.tasks if t.span]


def test_nested_and_crossing_values_are_marked_as_well_formed_html():
    marks = [_Mark(0, 4, "<a>", "</a>"), _Mark(2, 6, "<b>", "</b>"), _Mark(1, 2, "<c>", "</c>")]
    assert _nest("abcdef\ng", marks) == "<a>a<c>b</c><b>cd</b></a><b>ef</b><br>g"
    assert _nest("x < y", [_Mark(0, 5, "<m>", "</m>")]) == "<m>x &lt; y</m>"


def test_show_writes_the_page_of_a_sample_that_reads_in_chromium(tmp_path):
    out = tmp_path / "cchc.html"
    run = subprocess.run([sys.executable, "-m", "extractor", "show", str(SAMPLES / "cv-ubnd-hatinh-cchc.txt"),
                          "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    text = (SAMPLES / "cv-ubnd-hatinh-cchc.txt").read_text(encoding="utf-8")
    with browse(out, tmp_path / "show.png") as (page, errors):
        assert errors == []
        marks = page.eval_on_selector_all("mark.entity", """els => els.map(m => {
            const copy = m.cloneNode(true);
            copy.querySelectorAll('mark > span:last-child, sup').forEach(s => s.remove());  // the labels
            return [m.dataset.label, m.dataset.span, copy.textContent, getComputedStyle(m).backgroundColor,
                    m.getBoundingClientRect().width];
        })""")
        record_json = page.inner_text("aside pre")
    assert '"raw": "1523/UBND-KT"' in record_json
    for label, span, shown, colour, width in marks:
        start, end = map(int, span.split(","))
        assert "".join(shown.split()) == "".join(text[start:end].split()), label
        assert colour != "rgba(0, 0, 0, 0)" and width > 0
    colours = {label: colour for label, _, _, colour, _ in marks}
    assert len(set(colours.values())) == len(colours)  # one colour per label
    assert {"LEAD", "PARTNER", "DEADLINE", "CITATION", "NUMBER", "ISSUER", "RECIPIENT"} <= colours.keys()


@pytest.mark.parametrize("path", sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md")),
                         ids=lambda p: p.name)
def test_every_value_with_a_span_is_highlighted_in_every_sample(path):
    page, expected, tasks = highlighted(path)
    assert page.marks == expected and page.tasks == tasks


def test_every_value_with_a_span_is_highlighted_in_every_dev_document(corpus):
    missing = {}
    for path in sorted((corpus / "docs").iterdir()):
        page, expected, tasks = highlighted(path)
        if page.marks != expected or page.tasks != tasks:
            missing[path.name] = sorted(expected - page.marks)
    assert missing == {}


def test_a_file_that_cannot_be_read_gives_a_page_with_its_error(tmp_path):
    page = render(tmp_path / "absent.txt")
    assert re.search(r'class="error">error: unreadable', page)
