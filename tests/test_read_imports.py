"""No import cycle in the package: every module imports on its own, and the import graph is a tree.

Cycles used to be dodged by imports hidden inside functions (readers took ``Document`` from
``read.py``, which dispatched to them). The graph here counts those hidden imports too, so a cycle
cannot come back that way."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "extractor"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its code (top level or in a function)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            for alias in node.names:  # "from . import digits" names a module; "from .base import X" does not
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target)
    return {m for m in found if m in known and m != name}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph (as the modules along it), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_sees_a_cycle_through_a_hidden_import(tmp_path):
    # the shape the readers had: read → readers.pdf at top level, readers.pdf → read inside a function
    (tmp_path / "extractor" / "readers").mkdir(parents=True)
    (tmp_path / "extractor" / "read.py").write_text("from .readers.pdf import read_pdf\n")
    (tmp_path / "extractor" / "readers" / "pdf.py").write_text("def read_pdf():\n    from ..read import Document\n")
    files = {"extractor.read": tmp_path / "extractor" / "read.py",
             "extractor.readers.pdf": tmp_path / "extractor" / "readers" / "pdf.py"}
    graph = {name: imports_of(name, path, set(files)) for name, path in files.items()}
    assert find_cycle(graph) == ["extractor.read", "extractor.readers.pdf", "extractor.read"]


def test_no_import_cycle_in_the_package():
    known = modules()
    graph = {name: imports_of(name, path, set(known)) for name, path in known.items()}
    assert "extractor.readers.base" in graph["extractor.readers.pdf"]
    assert "extractor.readers.digits" in graph["extractor.readers.ocr"]
    assert find_cycle(graph) is None


# One interpreter forks a child per module; the child imports that module first, as a user's script
# would. The third-party libraries are loaded once before forking (they cannot take part in a cycle
# of ours), which keeps the test quick.
FRESH_IMPORTS = """
import os, sys, importlib, traceback
import regex
import orjson
failures, running = [], {}
def wait_one():
    pid, status = os.wait()
    if os.waitstatus_to_exitcode(status):
        failures.append(running[pid])
    del running[pid]
for name in sys.argv[1:]:
    if len(running) == 2:  # the machine's two cores
        wait_one()
    pid = os.fork()
    if pid == 0:
        try:
            importlib.import_module(name)
        except BaseException:
            traceback.print_exc()
            os._exit(1)
        os._exit(0)
    running[pid] = name
while running:
    wait_one()
print(" ".join(failures))
"""


def test_every_module_imports_on_its_own_in_a_fresh_interpreter():
    names = [name for name in modules() if name != "extractor.__main__"]  # a script: it runs when imported
    out = subprocess.run([sys.executable, "-c", FRESH_IMPORTS, *names], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.split() == [], out.stderr[-3000:]
