"""The compiled-grammar cache: a run from the cache gives the same records as a run that compiles,
and a cache that is corrupt, unwritable or off costs time only, never a record or a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SAMPLES

SAMPLE = SAMPLES / "cd-ubnd-quangtri-mualu.txt"
# extracts the sample, then reports how many patterns came from the cache and whether any was compiled
RUN = """import json, sys
from extractor import extract, regex_cache
record = extract(sys.argv[1])
print(json.dumps({"record": record.model_dump_json(), "from_cache": len(regex_cache._used),
                  "standard_re": sum(key[0] == "re" for key in regex_cache._used),
                  "tables": sum(key[0] == "toml" for key in regex_cache._used), "compiled": regex_cache._new}))
"""


def _run(cache: str) -> dict:
    env = dict(os.environ, VN_EXTRACTOR_CACHE=cache)
    done = subprocess.run([sys.executable, "-c", RUN, str(SAMPLE)], capture_output=True, text=True, env=env,
                          cwd=ROOT, check=True)
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("regex-*.marshal"))


def test_a_run_from_the_cache_compiles_nothing_and_gives_the_same_record(tmp_path):
    first = _run(str(tmp_path))
    assert first["compiled"] and len(_cache_files(tmp_path)) == 1
    second = _run(str(tmp_path))
    assert not second["compiled"], "every grammar pattern should come from the cache"
    assert second["from_cache"] > 100
    assert second["standard_re"] > 20  # the first scans' patterns (module ``re``) too
    assert second["tables"] >= 5  # and the grammars' TOML files, parsed
    assert second["record"] == first["record"]


def test_a_corrupt_cache_is_compiled_again(tmp_path):
    good = _run(str(tmp_path))["record"]
    (path,) = _cache_files(tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40  # one flipped bit in the opcodes
    path.write_bytes(bytes(data))
    again = _run(str(tmp_path))
    assert again["compiled"] and again["record"] == good
    path.write_bytes(b"\x00garbage")  # and a file that is no cache at all
    assert _run(str(tmp_path))["record"] == good
    assert not _run(str(tmp_path))["compiled"]  # rewritten whole


def test_an_unwritable_cache_or_none_costs_no_record(tmp_path):
    good = _run(str(tmp_path / "ok"))["record"]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert _run(str(blocker / "cache"))["record"] == good  # (the folder cannot be made)
    off = _run("off")
    assert off["record"] == good and off["compiled"]


def test_a_pattern_from_the_cache_is_the_pattern_compile_makes(tmp_path, monkeypatch):
    """Each engine's pattern rebuilt from what its parser handed over: same groups, flags, matches."""
    import re

    import regex

    from extractor import regex_cache

    monkeypatch.setenv("VN_EXTRACTOR_CACHE", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_stored", None)
    monkeypatch.setattr(regex_cache, "_used", {})
    text = "Số: 12/QĐ-UBND ngày 05/3/2025; số 7/KH-BCĐ, ngày 1/10/2024"
    cases = [(regex_cache.compile_re, re.compile, r"(?P<n>\d+)/(?P<code>[^\W\d_]+(?:-[^\W\d_]+)*)", re.I),
             (regex_cache.compile_pattern, regex.compile, r"(?P<n>\d+)/(?P<code>\p{Lu}+(?:-\p{Lu}+)*)", regex.V1)]
    for cached, plain, pattern, flags in cases:
        cached(pattern, flags)  # compiled, its arguments kept
        regex_cache.save()
        monkeypatch.setattr(regex_cache, "_stored", None)  # as a new process: read from the file
        again = cached(pattern, flags)
        assert regex_cache._load()[(("re" if plain is re.compile else "regex"), pattern, int(flags))]
        reference = plain(pattern, flags)
        assert (again.pattern, again.flags, again.groupindex) == (reference.pattern, reference.flags,
                                                                   reference.groupindex)
        assert [m.groupdict() for m in again.finditer(text)] == [m.groupdict() for m in reference.finditer(text)]


def test_a_table_from_the_cache_is_the_parsed_file_and_a_copy(tmp_path, monkeypatch):
    import tomllib

    from extractor import regex_cache

    monkeypatch.setenv("VN_EXTRACTOR_CACHE", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_stored", None)
    monkeypatch.setattr(regex_cache, "_used", {})
    text = (ROOT / "grammars" / "dates.toml").read_text(encoding="utf-8")
    first = regex_cache.cached_table(text, tomllib.loads)
    regex_cache.save()
    monkeypatch.setattr(regex_cache, "_stored", None)  # as a new process: read from the file
    parsed = []
    again = regex_cache.cached_table(text, lambda t: parsed.append(t) or tomllib.loads(t))
    assert not parsed and again == first == tomllib.loads(text)
    again.clear()  # a caller's own copy: what the cache keeps (and writes) is untouched
    assert regex_cache.cached_table(text, tomllib.loads) == first
