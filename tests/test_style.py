"""The code stays ruff clean (the rules are in pyproject.toml)."""

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
    out = subprocess.run([ruff, "check", "extractor", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]


def test_command_line_does_not_import_heavy_libraries():
    code = ("import sys; import extractor.cli; from extractor import extract;"
            "extract('samples/cv-ubnd-hatinh-cchc.txt');"
            "heavy = ('pandas', 'spacy', 'underthesea', 'docx', 'pypdfium2', 'PIL');"
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr
