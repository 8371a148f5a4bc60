"""Compiled grammars kept on disk between runs: start-up without recompiling them.

Compiling the grammars takes ~0.2 s, as long as extracting 40 documents, and most of it is the
``regex`` module's parser, written in Python. What that parser hands its C engine is plain data (the
pattern, its flags, a list of opcodes, group tables), so it is kept in a cache file and handed to
the engine directly the next time. A pattern made from the cache is the same object the module's own
``compile`` makes.

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
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import regex
import regex._main as _regex_main  # the module whose parser turns a pattern into the engine's opcodes

CACHE_ENV = "VN_EXTRACTOR_CACHE"
_lock = threading.Lock()
_stored: dict[tuple[str, int], tuple] | None = None  # read from the file at first use
_used: dict[tuple[str, int], tuple] = {}  # the entries this process compiled or took from the file
_new = False  # something was compiled: the file is written again at exit


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the cache when this pattern was compiled before."""
    key = (pattern, int(flags))
    with _lock:
        stored = _load()
        args = stored.get(key)
        if args is not None:
            try:
                compiled = _regex_main._regex.compile(*args)
            except Exception:  # noqa: BLE001 (an entry the engine refuses is compiled again)
                compiled = None
            if compiled is not None:
                _used[key] = args
                return compiled
        compiled, args = _compile_capturing(pattern, flags)
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
    py = f"{sys.version_info.major}.{sys.version_info.minor}"
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


def _load() -> dict[tuple[str, int], tuple]:
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
                    _stored = {k: v for k, v in data.items() if isinstance(k, tuple) and isinstance(v, tuple)}
            except (OSError, ValueError, EOFError, TypeError):
                pass
    return _stored


def _remember(key: tuple[str, int], args: tuple) -> None:
    global _new
    if not _new:
        atexit.register(save)
    _new = True
    _used[key] = args


def _compile_capturing(pattern: str, flags: int) -> tuple[regex.Pattern[str], tuple | None]:
    """Compile with the module's own ``compile`` and catch what its parser hands the engine."""
    engine = _regex_main._regex
    caught: list[tuple] = []

    class _Catcher:
        def __getattr__(self, name: str) -> Any:
            return getattr(engine, name)

        @staticmethod
        def compile(*args: Any) -> Any:
            caught.append(args)
            return engine.compile(*args)

    _regex_main._regex = _Catcher()
    try:
        compiled = regex.compile(pattern, flags, cache_pattern=False)
    finally:
        _regex_main._regex = engine
    if len(caught) != 1 or caught[0][5]:  # (patterns with named lists are not kept)
        return compiled, None
    # (flags come as the module's enum: plain ints for marshal)
    return compiled, tuple(int(a) if isinstance(a, int) else a for a in caught[0])
