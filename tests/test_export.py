"""One --format option for every output: inferred from -o where it can be, refused with a reason where not."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from extractor.export import Output, resolve, write


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize(("output", "fmt", "expected"), [
    ("out.jsonl", None, "jsonl"), ("out.json", None, "json"), ("deadlines.ics", None, "ics"),
    ("records", None, "jsonl"), (None, None, "jsonl"), ("tables", "parquet", "parquet"), (None, "ics", "ics")])
def test_the_format_comes_from_the_option_or_the_suffix(output, fmt, expected):
    assert resolve(output, fmt).format == expected


@pytest.mark.parametrize(("output", "fmt", "said"), [
    ("out.csv", None, "use --format csv -o DIRECTORY"),
    ("out.parquet", None, "use --format parquet -o DIRECTORY"),
    (None, "parquet", "give a directory"),
    ("out", "edxml", "needs the sender's --organ-id"),
    ("out", "yaml", "unknown format"),
])
def test_options_that_do_not_fit_are_refused_with_a_reason(output, fmt, said):
    with pytest.raises(ValueError, match=said):
        resolve(output, fmt)


def test_a_file_format_is_not_written_over_a_directory_nor_tables_over_a_file(tmp_path):
    with pytest.raises(ValueError, match="is a directory"):
        resolve(tmp_path, "ics")
    (tmp_path / "records").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="is a file"):
        resolve(tmp_path / "records", "csv")


def test_edxml_options_are_checked_before_any_document_is_read():
    with pytest.raises(ValueError, match="same organ id twice"):
        resolve("out", "edxml", "000.00.00.H42", None, ["000.00.00.H41=A", "000.00.00.H41=B"])
    with pytest.raises(ValueError, match="not an edXML OrganId"):
        resolve("out", "edxml", "a.b.c.d.e", None, ["000.00.00.H41=A"])
    with pytest.raises(ValueError, match="are for --format edxml"):
        resolve("out.jsonl", None, "000.00.00.H42")
    output = resolve("out", "edxml", "000.00.00.H42", "Sở Y tế", ["000.00.00.H41=UBND tỉnh Nghệ An"])
    assert (output.sender.organ_id, output.sender.name) == ("000.00.00.H42", "Sở Y tế")
    assert output.receivers[0].name == "UBND tỉnh Nghệ An"


def test_json_is_an_array_and_lines_that_are_not_records_are_reported(tmp_path):
    line = json.dumps({"schema_version": "1", "source": {"path": "a.txt"}, "subject": "thử"}, ensure_ascii=False)
    out = tmp_path / "records.json"
    write([line, line], out)
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["subject"] for r in records] == ["thử", "thử"]
    log = io.StringIO()
    write([line, '{"tasks": 3}'], Output("ics", tmp_path / "d.ics"), log=log)
    assert "input 2: not a record, left out" in log.getvalue()


def test_command_line_writes_each_format(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("cv-ubnd-hatinh-cchc.txt", "ttr-ubnd-xa-blank-number.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")

    out = run("extract", str(folder), "-o", str(tmp_path / "deadlines.ics"))
    assert out.returncode == 1, out.stderr  # empty.txt gives an error record
    assert (tmp_path / "deadlines.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT") == 4
    assert "4 deadlines written" in out.stderr

    out = run("extract", str(folder), "--format", "parquet", "-o", str(tmp_path / "tables"))
    assert out.returncode == 1, out.stderr  # empty.txt gives an error record
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "citations.parquet", "deadlines.parquet", "distribution.parquet", "documents.parquet",
        "recipients.parquet", "task_agencies.parquet", "tasks.parquet"]

    out = run("extract", str(folder), "--format", "edxml", "-o", str(tmp_path / "edxml"),
              "--organ-id", "000.00.00.H42", "--to", "000.00.00.H41=UBND tỉnh Nghệ An")
    assert out.returncode == 1, out.stderr  # empty.txt gives an error record
    assert [p.name for p in (tmp_path / "edxml").iterdir()] == ["cv-ubnd-hatinh-cchc.edxml"]
    assert "empty.txt: no edXML message: the record has error empty" in out.stderr
    assert "ttr-ubnd-xa-blank-number.txt: no edXML message: missing CodeNumber" in out.stderr
    assert "1 edXML messages written" in out.stderr


def test_command_line_refuses_an_edxml_export_without_organs(tmp_path):
    out = run("extract", str(SAMPLES), "--format", "edxml", "-o", str(tmp_path / "edxml"))
    assert out.returncode == 2
    assert "needs the sender's --organ-id" in out.stderr
    assert not Path(tmp_path / "edxml").exists()


def test_the_wheel_carries_the_schema():
    import tomllib

    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "extractor.export" in setup["packages"]
    assert "edxml.xsd" in setup["package-data"]["extractor.export"]
    assert (ROOT / "extractor" / "export" / "edxml.xsd").is_file()
