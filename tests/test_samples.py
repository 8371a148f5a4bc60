"""Every sample in samples/ gives the record its NAME.expected.json pins down."""

from __future__ import annotations

import json

import pytest
from conftest import sample_files
from expected import summary

from extractor import extract


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_sample_matches_expected(path):
    expected = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json").read_text(encoding="utf-8"))
    got = summary(json.loads(extract(path).model_dump_json()))
    for key, value in expected.items():
        assert got[key] == value, f"{path.name}: {key}"


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
