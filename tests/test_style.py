"""The code stays ruff clean (the rules are in pyproject.toml); a wheel carries every data file."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


def test_ruff_clean():
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    if not shutil.which(ruff):
        pytest.skip("ruff is not installed")
    out = subprocess.run([ruff, "check", "extractor", "tests", "benchmarks", "scripts"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]


def test_command_line_does_not_import_heavy_libraries():
    code = ("import sys; import extractor.cli; from extractor import extract;"
            "extract('samples/cv-ubnd-hatinh-cchc.txt');"
            "heavy = ('pandas', 'pyarrow', 'xmlschema', 'icalendar', 'spacy', 'underthesea', 'matplotlib',"
            " 'networkx', 'docx', 'pypdfium2', 'PIL', 'extractor.readers.pdf', 'extractor.readers.ocr',"
            " 'extractor.readers.image', 'extractor.readers.docx');"
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_wheel_carries_every_grammar_file_and_the_digit_model():
    """A file added to grammars/ that the package data does not name would be missing from a wheel
    (an editable install would not notice: it reads the repository)."""
    import fnmatch
    import tomllib

    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    data, dirs = setup["package-data"], setup["package-dir"]
    assert dirs["extractor.grammars"] == "grammars"
    for path in (ROOT / "grammars").rglob("*"):
        if path.is_dir():
            continue
        rel = path.relative_to(ROOT / "grammars")
        package = ".".join(["extractor.grammars", *rel.parts[:-1]])
        assert package in setup["packages"], package
        assert any(fnmatch.fnmatch(rel.name, pattern) for pattern in data.get(package, [])), rel
    assert "digits.npz" in data["extractor.readers"]
