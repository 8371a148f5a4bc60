"""The corpus report: figures of a corpus on one offline page, opened in headless Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest
from browser import FIGURES_JS, browse
from conftest import ROOT, SAMPLES, sample_files

pytest.importorskip("matplotlib")
pytest.importorskip("networkx")
pytest.importorskip("underthesea")

from extractor import extract, report  # noqa: E402


def test_report_of_the_samples_reads_in_chromium_with_every_figure_drawn(tmp_path):
    out = tmp_path / "report.html"
    run = subprocess.run([sys.executable, "-m", "extractor", "report", str(SAMPLES), "-o", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    n = len(sample_files())
    assert f"extracting {n}/{n}" in run.stderr  # documents are extracted first, with a progress line
    page_html = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page_html)  # nothing to fetch
    with browse(out, tmp_path / "report.png") as (page, errors):
        assert errors == []
        figures = page.eval_on_selector_all("figure", FIGURES_JS)
        sections = page.eval_on_selector_all("section",
                                             "els => els.map(s => [s.id, s.querySelectorAll('figure').length])")
        terms = page.inner_text("#terms")
    assert [f["caption"] for f in figures if not f["drawn"]] == []
    assert dict(sections).keys() == {"glance", "work", "citations", "terms"}
    assert all(n >= 3 for n in dict(sections).values())
    captions = " ".join(f["caption"] for f in figures)
    for title in ("Documents by type", "Documents by issuer", "Documents by month", "Warnings by kind",
                  "Error records by kind", "Share of documents with each key field", "Tasks per lead agency",
                  "Lead–partner network", "Deadline horizon by document type", "Deadline horizon by lead agency",
                  "Deadlines in 2019, by day", "Most cited documents", "Citations by relation", "Citation graph",
                  "Most frequent terms", "Top terms per lead agency", "Top terms per year"):
        assert title in captions
    texts = sum(1 for path in sample_files() for task in extract(path).tasks if task.text)
    assert re.search(rf"{texts} task texts \(\d+ distinct\) in \d+\.\d s", terms)
    assert (tmp_path / "report.png").stat().st_size > 50_000


def records_of_a_small_corpus() -> list[dict]:
    """Two directives of one province, the second citing the first, as JSON records."""
    def task(tid, text, lead, partners=(), deadline=None):
        return {"id": tid, "text": text, "lead": [lead], "cooperating": list(partners),
                "deadline": {"value": deadline, "precision": "day"} if deadline else None}
    return [
        {"doc_type": {"name": "Kế hoạch"}, "number": {"raw": "45/KH-UBND"},
         "issuer": {"name": "Ủy ban nhân dân tỉnh Nghệ An"},
         "issue_date": {"value": "2025-03-10", "precision": "day"},
         "tasks": [task("1", "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính triển khai cải cách hành chính, "
                             "báo cáo kết quả cải cách hành chính.", "Sở Nội vụ", ["Sở Tài chính"], "2025-04-09"),
                   task("2", "Sở Tài chính bố trí kinh phí cải cách hành chính, quyết toán kinh phí.",
                             "Sở Tài chính")],
         "deadlines": [{"value": "2025-04-09", "precision": "day"}, {"value": "2025-Q2", "precision": "quarter"}],
         "citations": [], "warnings": [], "error": None},
        {"doc_type": {"name": "Công văn"}, "number": {"raw": "120/UBND-NC"},
         "issuer": {"name": "Ủy ban nhân dân tỉnh Nghệ An"},
         "issue_date": {"value": "2026-01-05", "precision": "day"},
         "tasks": [task("1", "Sở Nội vụ tổng hợp, báo cáo kết quả chuyển đổi số, cải cách hành chính.", "Sở Nội vụ",
                        deadline="2026-01-20")],
         "deadlines": [{"value": "2026-01-20", "precision": "day"}],
         "citations": [{"doc_type": "Kế hoạch", "number": "45/KH-UBND", "relation": "implements"},
                       {"doc_type": "Quyết định", "number": "1/QĐ-UBND", "relation": "based_on"}],
         "warnings": [{"code": "issuer_inferred", "message": "…"}], "error": None},
        {"source": {"path": "empty.txt"}, "tasks": [], "error": {"code": "empty", "message": "the file is empty"}},
    ]


def test_deadlines_of_a_month_quarter_or_year_count_to_their_last_day():
    assert report._date("2025-11-03", end=True) == date(2025, 11, 3)
    assert report._date("2024-02", end=True) == date(2024, 2, 29)
    assert report._date("2026-Q1", end=True) == date(2026, 3, 31)
    assert report._date("2025", end=True) == date(2025, 12, 31)
    assert report._date("2025-Q3") == date(2025, 7, 1)
    assert report._date("--06-15", end=True) is None  # every year: no single day
    assert report._date("2025-13", end=True) is None


def test_sections_count_what_the_records_hold():
    records = records_of_a_small_corpus()
    glance = report.glance(records)
    assert glance.intro == "3 records: 2 documents read, 1 error records."
    work = report.work(records)
    assert work.intro.startswith("3 tasks, 3 of them with a lead agency; 2 distinct lead agencies")
    cites = report.citations(records)
    assert cites.intro == "2 citations of 2 distinct documents."
    assert "1 citations between 2 documents of the corpus" in cites.figures[2]  # 120/UBND-NC → 45/KH-UBND
    assert "Kế hoạch 45/KH-UBND" in cites.figures[0]


def test_terms_are_underthesea_words_of_task_texts_ranked_per_agency_and_year():
    section = report.terms(records_of_a_small_corpus())
    assert section.id == "terms"
    assert "3 task texts (3 distinct)" in section.intro
    by_agency, by_year = section.figures[1], section.figures[2]
    nv = re.search(r"<td>Sở Nội vụ</td><td>2</td><td>(.*?)</td>", by_agency).group(1)
    assert "báo cáo <small>(2)</small>" in nv  # a word of two syllables, counted as one
    assert "nội vụ" not in nv  # the task's own agency is not what it asks
    tc = re.search(r"<td>Sở Tài chính</td><td>1</td><td>(.*?)</td>", by_agency).group(1)
    assert tc == "kinh phí <small>(2)</small>"  # "cải cách" once in its tasks: not a key term of it
    # "cải cách" is 3 of 2025's words and 1 of 2026's few: no more a 2025 term than a 2026 one
    assert "<td>2025</td><td>2</td><td>kinh phí <small>(2)</small></td>" in by_year
    assert "<td>2026</td><td>1</td><td>—</td>" in by_year  # no word twice in that year


def test_report_of_a_records_file_is_built_from_its_lines(tmp_path, capsys):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records_of_a_small_corpus())
                       + '{"number": {"raw": "1/UBND"}, "tas\n[1, 2]\n\n', encoding="utf-8")
    assert len(report.read_records([str(records)])) == 3
    assert capsys.readouterr().err.splitlines() == [f"warning: {records} line 4 is not a JSON record: skipped",
                                                    f"warning: {records} line 5 is not a JSON record: skipped"]
    assert [r.get("number") for r in report.read_records([str(records)])][:2] == [
        {"raw": "45/KH-UBND"}, {"raw": "120/UBND-NC"}]
    page = report.build(report.read_records([str(records)]), "Nghệ An 2025–2026")
    assert "<title>Nghệ An 2025–2026</title>" in page
    assert page.count("<figure") >= 18


def test_extraction_and_the_command_line_do_not_import_the_research_libraries():
    code = ("import sys; from extractor import extract; from extractor.cli import main; "
            "extract('samples/cv-ubnd-hatinh-cchc.txt'); main(['schema']); "
            "print(sorted({'spacy', 'matplotlib', 'networkx', 'underthesea'} & set(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "[]"
