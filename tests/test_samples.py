"""Every sample in samples/ gives the record its NAME.expected.json pins down.

The expected values are read from each document by hand, not copied from the tool's output. Where
the tool is still wrong, the file's ``known_misses`` names the key and why; those keys are checked
by a strict xfail, so a fix shows up as a failure asking for the entry to be removed.
"""

from __future__ import annotations

import json

import pytest
from conftest import sample_files
from expected import expected_of, summary

from extractor import extract


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_sample_matchesexpected_of(path):
    expected, misses = expected_of(path)
    got = summary(json.loads(extract(path).model_dump_json()))
    for key, value in expected.items():
        if key not in misses:
            assert got[key] == value, f"{path.name}: {key}"


@pytest.mark.xfail(strict=True, reason="known misses: remove the entry from known_misses once the tool gets it")
@pytest.mark.parametrize("path", [p for p in sample_files() if expected_of(p)[1]], ids=lambda p: p.name)
def test_known_misses_of_a_sample(path):
    expected, misses = expected_of(path)
    got = summary(json.loads(extract(path).model_dump_json()))
    assert all(got[key] == expected[key] for key in misses)


def test_there_are_enough_varied_samples():
    files = sample_files()
    assert len(files) >= 12
    types = {summary(json.loads(extract(p).model_dump_json()))["doc_type"] for p in files}
    assert {"Công văn", "Thông báo", "Quyết định", "Kế hoạch", "Chỉ thị", "Công điện", "Tờ trình"} <= types


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_header_stage_alone_gives_the_same_header(path):
    from extractor.pipeline import extract_header

    full = summary(json.loads(extract(path).model_dump_json()))
    head = summary(json.loads(extract_header(path.read_text(encoding="utf-8")).model_dump_json()))
    for key in ("doc_type", "number", "issuer", "place", "issue_date", "subject", "recipients"):
        assert head[key] == full[key], key
