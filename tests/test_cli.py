"""The command line and batches: one line per input, errors as records, never a crash."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from conftest import ROOT, SAMPLES


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True, cwd=ROOT)


def test_extract_one_file_prints_one_json_record():
    out = run("extract", str(SAMPLES / "cv-ubnd-hatinh-cchc.txt"))
    assert out.returncode == 0
    record = json.loads(out.stdout)
    assert record["schema_version"] == "1"
    assert record["number"]["raw"] == "1523/UBND-KT"


def test_batch_keeps_order_and_turns_bad_inputs_into_error_records(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "cv-ubnd-hatinh-cchc.txt", folder / "a.txt")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "d.md").write_text("Danh sách món ăn cho bữa tiệc cuối năm: phở, bún chả, nem rán, chè.\n" * 3,
                                 encoding="utf-8")
    (folder / "e.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (folder / "notes.csv").write_text("x,y\n", encoding="utf-8")
    named = tmp_path / "extra.dat"
    named.write_text("ỦY BAN NHÂN DÂN", encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    out = run("extract", str(folder), str(named), "-o", str(out_file), "--jobs", "2")
    assert out.returncode == 1, out.stderr  # records with errors: all written, and the status says so
    lines = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert [rec["source"]["path"].rsplit("/", 1)[-1] for rec in lines] == [
        "a.txt", "b.txt", "c.txt", "d.md", "e.docx", "extra.dat"]
    assert lines[0]["error"] is None
    codes = [rec["error"]["code"] if rec["error"] else None for rec in lines]
    assert codes == [None, "empty", "binary", "not_a_directive", "unreadable", "empty"]
    assert "6 records (5 with error: 2 empty, 1 binary, 1 not_a_directive, 1 unreadable), 1 files skipped" \
        in out.stderr


def test_schema_command_prints_the_record_schema():
    out = run("schema")
    schema = json.loads(out.stdout)
    assert {"number", "issuer", "tasks", "signature"} <= set(schema["properties"])


def test_table_export(tmp_path):
    out = run("extract", str(SAMPLES), "--format", "csv", "-o", str(tmp_path / "tables"))
    assert out.returncode == 0, out.stderr
    import pandas as pd

    frame = pd.read_csv(tmp_path / "tables" / "documents.csv")
    assert len(frame) == len([p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md")])
    assert set(frame["doc_type"]) >= {"Công văn", "Quyết định"}
