"""Batches: expand inputs, extract each in a worker, write records in input order as they come.

Every document is extracted in a worker process, even with one job: a document that crashes a
native library (PDFium, Tesseract) or the OOM killer then costs only that document. It is retried
once in a fresh worker and, if it fails again, gets a ``crashed`` error record; one that takes
longer than the timeout gets a ``timeout`` record. The batch goes on either way.

Records are written (and flushed) as soon as they and all the inputs before them are done, so an
output is always a prefix of the full batch's output, plus at most one torn last line when the
run was killed mid-write. ``resume=True`` cuts that line off and appends the missing records, so
a killed and resumed batch writes exactly the file an uninterrupted one would have.

The same batch runs on a Dask distributed cluster with ``client=``: workers need the package
installed and read the inputs by path (a shared file system), so paths must mean the same file on
every worker.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import selectors
import signal
import struct
import threading
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from . import read
from .read import SUFFIXES
from .record import Error, Record, Source, json_bytes

if TYPE_CHECKING:
    from distributed import Client

DEFAULT_TIMEOUT = 600.0  # seconds per document: OCR of a long scan at 300 dpi takes minutes
AHEAD_PER_JOB = 256  # documents past the next one to write that workers may run ahead (a long scan
# holds the output back while the others go on; their records wait in memory, a few MB at most)
QUEUED_PER_WORKER = 2  # documents a worker holds: the one it works on and the next
FAULTS_VARIABLE = "EXTRACTOR_FAULTS"  # test hook, see _inject_fault


@dataclass(frozen=True)
class Result:
    """One input's record as a JSON line (UTF-8, no newline: written as it comes, never decoded on
    the way), with what a progress display and the exit status need."""

    index: int
    path: str
    line: bytes
    error: str | None = None  # the record's error code
    pages: int = 0  # pages read by OCR


class Progress(Protocol):
    """A display of the batch: ``start`` with the inputs and those already done (resume), then
    ``update`` once per record as it is written."""

    def start(self, total: int, done: int) -> None: ...

    def update(self, result: Result) -> None: ...

    def close(self) -> None: ...


@dataclass
class Summary:
    """What a batch did, for its summary line and exit status."""

    inputs: int = 0
    written: int = 0
    resumed: int = 0  # inputs whose record was already in the output
    errors: Counter[str] = field(default_factory=Counter)  # error code → records, resumed ones included
    seconds: float = 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def expand_inputs(inputs: Iterable[str | Path]) -> tuple[list[Path], int]:
    """Files to read, in order: a directory gives its readable files sorted; returns (files, skipped)."""
    files: list[Path] = []
    skipped = 0
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                if f.suffix.lower() in SUFFIXES and not f.name.endswith(".expected.json"):
                    files.append(f)
                else:
                    skipped += 1
        else:
            files.append(path)  # named on the command line: always read
    return files, skipped


def safe_extract(path: Path) -> Record:
    """``extract`` that turns any unexpected failure into an error record."""
    from .pipeline import extract

    try:
        return extract(path)
    except Exception as e:  # noqa: BLE001 - a batch must never stop for one document
        detail = traceback.format_exception_only(type(e), e)[-1].strip()
        return _error_record(str(path), "internal", detail)


def _error_record(path: str, code: str, message: str) -> Record:
    return Record(source=Source(path=path, format=SUFFIXES.get(Path(path).suffix.lower(), "text")),
                  error=Error(code=code, message=message))


def extract_result(index: int, path: str, max_pages: int | None = None) -> Result:
    """Extract one input of a batch (in a worker, local or on Dask, which get the batch's
    ``max_pages`` with each document: a spawned or remote worker does not share the parent's)."""
    if max_pages is not None:
        read.MAX_PAGES = max_pages
    _inject_fault(path)
    record = safe_extract(Path(path))
    return Result(index, path, json_bytes(record), record.error.code if record.error else None,
                  (record.source.pages or 0) if record.source.ocr else 0)




def _error_result(index: int, path: str, code: str, message: str) -> Result:
    return Result(index, path, json_bytes(_error_record(path, code, message)), code)


# --- local workers ---------------------------------------------------------------------------------

_WARM_UP = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 12/UBND-KT
V/v triển khai kế hoạch năm 2025
Hà Tĩnh, ngày 5 tháng 3 năm 2025
Kính gửi: Sở Tài chính; Sở Kế hoạch và Đầu tư.
Căn cứ Quyết định số 45/QĐ-UBND ngày 2/1/2025 của UBND tỉnh, UBND tỉnh yêu cầu:
1. Sở Tài chính chủ trì, phối hợp với các sở, ngành báo cáo trước ngày 30/3/2025.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def _warm_up() -> None:
    """Compile the grammars once in the parent, so forked workers start with them (and share them)."""
    from .pipeline import extract_text

    extract_text(_WARM_UP)
    gc.freeze()  # what is loaded now lives as long as the process: keep the collector off it


def _inject_fault(path: str) -> None:
    """Test hook: ``EXTRACTOR_FAULTS=crash:a.txt,crash_once:b.txt,stall:c.txt`` makes a worker kill
    itself (SIGKILL), do so the first time only, or hang, on inputs of those names, so the tests
    exercise real worker deaths and stalls."""
    spec = os.environ.get(FAULTS_VARIABLE)
    if not spec:
        return
    name = Path(path).name
    for item in spec.split(","):
        kind, _, target = item.partition(":")
        if target != name:
            continue
        if kind == "crash_once":
            marker = Path(path + ".crashed")
            if marker.exists():
                continue
            marker.touch()
            kind = "crash"
        if kind == "crash":
            os.kill(os.getpid(), signal.SIGKILL)
        if kind == "stall":
            time.sleep(3600)


def _work(conn: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt stops
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path, max_pages = task
        result = extract_result(index, path, max_pages)
        code = (result.error or "").encode()
        conn.send_bytes(_FRAME.pack(result.pages, len(code)) + code + result.line)


_FRAME = struct.Struct("<IB")  # a worker's result: OCR pages, length of the error code; then the code
# and the JSON line (bytes, not a pickled Result: the parent only writes them; which document it is,
# the parent knows: a pipe keeps the order the documents were given in)

Task = tuple[int, str, int]  # index, path, attempt (1: a retry, given to a worker alone)


class _Worker:
    """A worker process and the documents it holds: the one it works on and, on a first attempt,
    the next one queued behind it (so it never waits for the parent between documents)."""

    def __init__(self, context: multiprocessing.context.BaseContext):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.tasks: deque[Task] = deque()
        self.deadline = float("inf")  # of the document it works on

    def wants(self) -> int:
        """How many more documents to give it: a retry is worked on alone."""
        if any(attempt for _, _, attempt in self.tasks):
            return 0
        return QUEUED_PER_WORKER - len(self.tasks)

    def give(self, task: Task, timeout: float | None) -> None:
        if not self.tasks:
            self.deadline = time.monotonic() + timeout if timeout else float("inf")
        self.tasks.append(task)
        self.conn.send((*task[:2], read.MAX_PAGES))

    def result(self, timeout: float | None) -> Result:
        """The result of the document worked on (it has come: its pipe is readable); the next one
        starts. Raises EOFError or OSError if the worker died instead."""
        frame = self.conn.recv_bytes()
        index, path, _attempt = self.tasks.popleft()
        self.deadline = time.monotonic() + timeout if timeout and self.tasks else float("inf")
        pages, size = _FRAME.unpack_from(frame)
        start = _FRAME.size + size
        return Result(index, path, frame[start:], frame[_FRAME.size:start].decode() or None, pages)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def death(self) -> str:
        self.stop()
        code = self.process.exitcode
        return f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"


def _context() -> multiprocessing.context.BaseContext:
    """Fork workers from a warmed-up parent when that is safe (no other thread could hold a lock
    the child needs, as in a notebook with a Dask client); start them afresh otherwise."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        _warm_up()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run(files: Sequence[Path | str], jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT) -> Iterator[Result]:
    """Extract ``files`` in ``jobs`` worker processes; yield each result in input order as soon as
    it and all before it are done.

    One selector watches every worker's pipe (a result) and process (a death), registered once per
    worker: the parent's own work per document stays a small part of one core's."""
    paths = [str(f) for f in files]
    if not paths:
        return
    context = _context()
    fresh: Iterator[Task] = ((i, p, 0) for i, p in enumerate(paths))
    again: deque[Task] = deque()  # given to a worker that died or was stopped: first in line
    pending: Task | None = next(fresh, None)
    done: dict[int, Result] = {}
    next_out = 0
    ahead = AHEAD_PER_JOB * max(jobs, 1)
    ready = selectors.DefaultSelector()
    workers: list[_Worker] = []

    def start(i: int) -> None:
        worker = _Worker(context)
        if i < len(workers):
            workers[i] = worker
        else:
            workers.append(worker)
        ready.register(worker.conn, selectors.EVENT_READ, (i, worker, False))
        ready.register(worker.process.sentinel, selectors.EVENT_READ, (i, worker, True))

    def replace(i: int) -> str:
        """Stop worker ``i`` (dead or stalled) and start a fresh one in its place; how it ended."""
        ready.unregister(workers[i].conn)
        ready.unregister(workers[i].process.sentinel)
        how = workers[i].death()
        start(i)
        return how

    def lost(i: int) -> None:
        """Worker ``i`` died: a fresh one takes its place; its documents are retried once, alone."""
        tasks = workers[i].tasks
        how = replace(i)
        for index, path, attempt in tasks:
            if attempt == 0:
                again.append((index, path, 1))
            else:
                done[index] = _error_result(index, path, "crashed",
                                            f"the worker extracting this document died twice ({how})")

    try:
        for i in range(max(1, min(jobs, len(paths)))):
            start(i)
        while next_out < len(paths):
            for i in range(len(workers)):
                while workers[i].wants() > 0:
                    if again and (not again[0][2] or not workers[i].tasks):
                        task = again.popleft()
                    elif not again and pending is not None and pending[0] < next_out + ahead:
                        task, pending = pending, next(fresh, None)
                    else:
                        break
                    try:
                        workers[i].give(task, timeout)
                    except OSError:  # it died idle (killed from outside): its documents go to a fresh one
                        again.extendleft(reversed(workers[i].tasks))
                        replace(i)
            wait_for = min(w.deadline for w in workers) - time.monotonic()
            events = ready.select(None if wait_for == float("inf") else max(0.0, wait_for))
            dead = set()
            for key, _ in events:
                i, worker, sentinel = key.data
                if worker is not workers[i]:
                    continue  # replaced while handling an earlier event
                if sentinel:
                    dead.add(i)  # (its last results may still be in the pipe: read below)
                    continue
                try:
                    result = workers[i].result(timeout)
                    done[result.index] = result
                except (EOFError, OSError):
                    dead.add(i)
            for i in dead:
                worker = workers[i]
                try:
                    while worker.tasks and worker.conn.poll():
                        result = worker.result(timeout)
                        done[result.index] = result
                except (EOFError, OSError):
                    pass
                lost(i)
            now = time.monotonic()
            for i, worker in enumerate(workers):
                if worker.tasks and now >= worker.deadline:
                    index, path, _attempt = worker.tasks.popleft()
                    rest = list(worker.tasks)
                    worker.tasks.clear()
                    replace(i)
                    done[index] = _error_result(index, path, "timeout",
                                                f"extraction took longer than {timeout:g} s and was stopped")
                    again.extendleft(reversed(rest))  # not started: as they were
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for worker in workers:
            worker.stop()
        ready.close()


# --- Dask ------------------------------------------------------------------------------------------

def run_dask(files: Sequence[Path | str], client: Client, timeout: float | None = None,
             ahead: int | None = None) -> Iterator[Result]:
    """``run`` on a Dask distributed cluster: the same results, in input order.

    A worker that dies is handled by the scheduler (its tasks go to other workers, up to its
    ``allowed-failures``); a document whose task still fails is submitted once more, and gets a
    ``crashed`` record if that fails too. ``timeout`` gives a
    ``timeout`` record, but Dask cannot stop a running task: its worker thread stays busy until
    the document is done.
    """
    from distributed import KilledWorker

    paths = [str(f) for f in files]
    ahead = ahead or 4 * max(1, sum(client.nthreads().values()))
    futures: deque = deque()
    submitted = 0
    for index, path in enumerate(paths):
        while submitted < len(paths) and submitted < index + ahead:
            futures.append(client.submit(extract_result, submitted, paths[submitted], read.MAX_PAGES, pure=False))
            submitted += 1
        future = futures.popleft()
        for attempt in (0, 1):
            try:
                yield future.result(timeout=timeout)
            except KilledWorker as e:
                if attempt == 0:  # it may only have been queued on the worker that died: once more, alone
                    future = client.submit(extract_result, index, path, read.MAX_PAGES, pure=False)
                    continue
                yield _error_result(index, path, "crashed", f"the Dask workers extracting this document died: {e}")
            except TimeoutError:
                future.cancel()
                yield _error_result(index, path, "timeout", f"extraction took longer than {timeout:g} s")
            except Exception as e:  # noqa: BLE001 - a lost task is one error record, not a lost batch
                yield _error_result(index, path, "internal", f"Dask: {type(e).__name__}: {e}")
            break


# --- output, resume and the whole batch ------------------------------------------------------------

def _append_lines(out: Path, lines: Iterable[bytes], append: bool) -> None:
    """JSON Lines, each line flushed as soon as it is written (what ``resume`` relies on)."""
    with out.open("ab" if append else "wb") as f:
        for line in lines:
            f.write(line + b"\n")
            f.flush()


class ResumeError(Exception):
    """The output cannot be resumed (a line that is not a record)."""


def completed(out: Path) -> list[tuple[str, str | None]]:
    """The complete records already in a JSON Lines output: (input path, error code), in order.

    A run killed mid-write leaves a last line without its newline: it is cut off here, so the
    records appended next start on a line of their own."""
    found: list[tuple[str, str | None]] = []
    if not out.exists():
        return found
    with out.open("r+b") as f:
        good_end = 0
        for number, line in enumerate(f, 1):
            if not line.endswith(b"\n"):
                break  # torn: the run was killed while writing it
            try:
                record = json.loads(line)
                found.append((record["source"]["path"], (record.get("error") or {}).get("code")))
            except (ValueError, KeyError, TypeError, AttributeError) as e:
                raise ResumeError(f"{out}: line {number} is not a record ({e}); remove it to resume") from e
            good_end += len(line)
        if f.seek(0, os.SEEK_END) != good_end:
            f.truncate(good_end)
    return found


def _not_done(files: Sequence[Path], done: list[tuple[str, str | None]], summary: Summary) -> list[Path]:
    """The inputs without a record in ``done`` (an input named twice needs two), counting the
    errors of those that have one."""
    records: dict[str, deque[str | None]] = {}
    for path, code in done:
        records.setdefault(path, deque()).append(code)
    todo = []
    for f in files:
        codes = records.get(str(f))
        if codes:
            code = codes.popleft()
            summary.resumed += 1
            if code:
                summary.errors[code] += 1
        else:
            todo.append(f)
    return todo


def extract_batch(files: Sequence[Path], output: Path | Callable[[Iterator[str]], object], *, jobs: int = 1,
                  timeout: float | None = DEFAULT_TIMEOUT, client: Client | None = None, resume: bool = False,
                  progress: Progress | None = None) -> Summary:
    """Extract ``files`` (see ``expand_inputs``) into ``output``: a JSON Lines file, or a writer of
    any format, a function given the records' JSON lines as an iterator (in input order, each as
    soon as it is ready), such as ``lambda lines: export.write(lines, out)``.

    With ``resume``, inputs whose record is already in the JSON Lines ``output`` are skipped and
    the others appended. With ``client`` (a ``distributed.Client``) the work runs on that Dask
    cluster instead of local worker processes.
    """
    started = time.perf_counter()
    summary = Summary(inputs=len(files))
    todo = list(files)
    if resume:
        if not isinstance(output, Path):
            raise ResumeError("resume needs a JSON Lines output file")
        todo = _not_done(files, completed(output), summary)

    def lines() -> Iterator[bytes]:
        results = run_dask(todo, client, timeout) if client is not None else run(todo, jobs, timeout)
        for result in results:
            yield result.line
            summary.written += 1
            if result.error:
                summary.errors[result.error] += 1
            if progress:
                progress.update(result)

    if progress:
        progress.start(len(files), summary.resumed)
    try:
        if isinstance(output, Path):
            _append_lines(output, lines(), append=resume)
        else:
            output(line.decode() for line in lines())
    finally:
        if progress:
            progress.close()
        summary.seconds = time.perf_counter() - started
    return summary
