"""Compiled grammars kept on disk between runs: start-up without recompiling them.

Compiling the grammars takes ~0.2 s, as long as extracting 40 documents, and most of it is the
parsers of ``regex`` and of the standard ``re`` (cheap first scans use it), both written in Python.
What a parser hands its C engine is plain data (the pattern, its flags, a list of opcodes, group
tables), so it is kept in a cache file and handed to the engine directly the next time. A pattern
made from the cache is the same object the module's own ``compile`` makes. The grammars' TOML files
are kept parsed the same way (``cached_table``), keyed by their text.

The file is written with ``marshal`` (data only: loading it runs no code) after its SHA-256 (a
flipped bit is caught, not run as a different pattern), one per ``regex`` and Python version, under
``$VN_EXTRACTOR_CACHE`` or the user's cache folder (``$XDG_CACHE_HOME``, ``~/.cache``);
``VN_EXTRACTOR_CACHE=off`` turns it off. A missing, unreadable, corrupt or unwritable cache only
costs the compile time; it is never an error.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import re._compiler as _re_compiler  # the standard module's parser, likewise
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex
import regex._main as _regex_main  # the module whose parser turns a pattern into the engine's opcodes

CACHE_ENV = "VN_EXTRACTOR_CACHE"
Key = tuple[str, str, int]  # engine ("regex" or "re"), pattern, flags
_lock = threading.Lock()
_stored: dict[Key, Any] | None = None  # read from the file at first use
_used: dict[Key, Any] = {}  # the entries this process compiled or took from the file
_new = False  # something was compiled: the file is written again at exit


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the cache when this pattern was compiled before."""
    return _cached(("regex", pattern, int(flags)), _regex_main, "_regex",
                   lambda: regex.compile(pattern, flags, cache_pattern=False))


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` (the standard module: faster than ``regex`` on the simple
    patterns of first scans), from the cache when this pattern was compiled before."""
    return _cached(("re", pattern, int(flags)), _re_compiler, "_sre",
                   lambda: _re_compiler.compile(pattern, int(flags)))


def cached_table(text: str, parse: Callable[[str], dict]) -> dict:
    """``parse(text)`` (a grammar file's TOML), from the cache when this text was parsed before."""
    key = ("toml", text, 0)
    with _lock:
        table = _load().get(key)
        if isinstance(table, dict):
            _used[key] = table
        else:
            table = parse(text)
            try:
                marshal.dumps(table)
            except ValueError:  # (a TOML date: parsed each time)
                return table
            _remember(key, table)
        # a copy: the kept one is written to the file as it was read, whatever a caller does with its own
        return marshal.loads(marshal.dumps(table))


def _cached(key: Key, module: Any, engine_name: str, compile_: Callable[[], Any]) -> Any:
    """The pattern of ``key`` made by ``module.<engine_name>.compile`` from the cached arguments,
    or compiled by ``compile_`` while those arguments are caught for the cache."""
    engine = getattr(module, engine_name)
    with _lock:
        args = _load().get(key)
        if isinstance(args, tuple):
            try:
                compiled = engine.compile(*args)
            except Exception:  # noqa: BLE001 (an entry the engine refuses is compiled again)
                compiled = None
            if compiled is not None:
                _used[key] = args
                return compiled
        compiled, args = _compile_capturing(module, engine_name, compile_)
        if args is not None:
            _remember(key, args)
        return compiled


def cache_file() -> Path | None:
    """Where the cache is kept, or None when it is off."""
    where = os.environ.get(CACHE_ENV)
    if where and where.lower() in ("off", "0", "no", "false"):
        return None
    folder = Path(where) if where else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / \
        "vn-directive-extractor"
    py = ".".join(map(str, sys.version_info[:3]))  # (the standard re's parser may change in a patch release)
    return folder / f"regex-{regex.__version__}-py{py}.marshal"


def save() -> None:
    """Write the entries this process used, when it compiled any (at exit; also callable)."""
    global _new
    path = cache_file()
    with _lock:
        if not _new or path is None:
            return
        payload = marshal.dumps({key: args for key, args in _used.items()})
        data = hashlib.sha256(payload).digest() + payload
        _new = False
    import tempfile  # (only a run that compiled something writes)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as f:
            f.write(data)
        os.replace(f.name, path)  # (whole or not at all: a reader never sees half a file)
    except OSError:  # a read-only home, a full disk: the next run compiles again
        try:
            os.unlink(f.name)
        except (OSError, UnboundLocalError):
            pass


def _load() -> dict[Key, Any]:
    global _stored
    if _stored is None:
        _stored = {}
        path = cache_file()
        if path is not None:
            try:
                raw = path.read_bytes()
                digest, payload = raw[:32], raw[32:]
                data = marshal.loads(payload) if hashlib.sha256(payload).digest() == digest else None
                if isinstance(data, dict):
                    _stored = {k: v for k, v in data.items() if isinstance(k, tuple) and len(k) == 3}
            except (OSError, ValueError, EOFError, TypeError):
                pass
    return _stored


def _remember(key: Key, args: Any) -> None:
    global _new
    if not _new:
        atexit.register(save)
    _new = True
    _used[key] = args


def _compile_capturing(module: Any, engine_name: str, compile_: Callable[[], Any]) -> tuple[Any, tuple | None]:
    """Compile with the module's own parser and catch what it hands the engine."""
    engine = getattr(module, engine_name)
    caught: list[tuple] = []

    class _Catcher:
        def __getattr__(self, name: str) -> Any:
            return getattr(engine, name)

        @staticmethod
        def compile(*args: Any) -> Any:
            caught.append(args)
            return engine.compile(*args)

    setattr(module, engine_name, _Catcher())
    try:
        compiled = compile_()
    finally:
        setattr(module, engine_name, engine)
    if len(caught) != 1 or (engine_name == "_regex" and caught[0][5]):  # (regex: named lists are not kept)
        return compiled, None
    args = tuple(_plain(a) for a in caught[0])
    try:
        marshal.dumps(args)
    except ValueError:  # (something marshal cannot keep: compiled each time)
        return compiled, None
    return compiled, args


def _plain(value: Any) -> Any:
    """Flags and opcodes come as int subclasses (the modules' enums, ``re``'s named constants):
    plain ints for marshal."""
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return [int(v) if isinstance(v, int) else v for v in value]
    return value
