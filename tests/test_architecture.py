"""The house rules of issue 8 that code can check: Vietnamese words and patterns live in grammars/."""

from __future__ import annotations

import ast

import regex
from conftest import ROOT

VIETNAMESE = regex.compile(r"[À-ỹĐđ]")
PATTERN_CALLS = {"rx", "compile", "search", "match", "fullmatch", "sub", "finditer", "findall", "split"}
# modules whose words and patterns are still to move to grammars/ (none)
PENDING: set[str] = set()
# literals that are the output contract (the record's urgency and secrecy values, and what edXML
# makes of them) or character repairs, not language a linguist tunes
ALLOWED = {("record.py", "Urgency"), ("record.py", "Secrecy"), ("normalize.py", "_CHAR_MAP"),
           ("export/edxml.py", "PRIORITY")}


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def vietnamese_in_code(source: str) -> list[tuple[int, str, str]]:
    """(line, owner, code) of every pattern compiled from, and every list of two or more, Vietnamese
    literals; messages and docstrings are neither, so they are not reported."""
    tree = ast.parse(source)
    owner_of = {}  # node → the name it is assigned to, if any
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            for inner in ast.walk(node):
                owner_of[id(inner)] = getattr(target, "id", "")
    found = []
    for node in ast.walk(tree):
        bad = False
        if isinstance(node, ast.Call) and node.args:
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            bad = name in PATTERN_CALLS and any(VIETNAMESE.search(s) for s in _strings(node.args[0]))
        elif isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            words = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
            bad = sum(bool(VIETNAMESE.search(w)) for w in words) >= 2
        if bad:
            found.append((node.lineno, owner_of.get(id(node), ""), ast.unparse(node)[:80]))
    return found


def test_the_check_sees_word_lists_and_patterns_but_not_messages():
    code = ('HEADS = ["Bộ", "Sở"]\n_P = rx(r"Kính\\s+gửi")\n'
            'def f():\n    """Đọc ``Số:``."""\n    warn("ocr_corrected", f"Lưu: {x} → VT")\n')
    assert [owner for _, owner, _ in vietnamese_in_code(code)] == ["HEADS", "_P"]


def test_no_vietnamese_word_list_or_pattern_in_python():
    found = {}
    for path in sorted((ROOT / "extractor").rglob("*.py")):
        rel = path.relative_to(ROOT / "extractor").as_posix()
        if rel in PENDING:
            continue
        bad = [hit for hit in vietnamese_in_code(path.read_text(encoding="utf-8")) if (rel, hit[1]) not in ALLOWED]
        if bad:
            found[rel] = bad
    assert found == {}
