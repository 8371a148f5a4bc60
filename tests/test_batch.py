"""Batches under faults: workers really killed and stalled, runs SIGKILLed and resumed, exit statuses.

Faults come from the batch's test hook (``EXTRACTOR_FAULTS``): a worker kills itself with SIGKILL
or sleeps when it is given the named file.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import resource
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from conftest import ROOT, sample_files

from extractor.batch import FAULTS_VARIABLE, completed, expand_inputs, extract_batch
from extractor.cli import main


def run(*args: str, faults: str = "") -> subprocess.CompletedProcess:
    """The command run in this process (its workers are forked from it, sharing its compiled
    grammars: much faster than a new interpreter each time)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    os.environ[FAULTS_VARIABLE] = faults
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            try:
                status = main(list(args))
            except SystemExit as e:
                status = e.code
    finally:
        del os.environ[FAULTS_VARIABLE]
    return subprocess.CompletedProcess(args, status, stdout.getvalue(), stderr.getvalue())


def run_process(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def copies(folder: Path, times: int = 3) -> Path:
    """The samples, ``times`` times over under different names (39 documents for 3)."""
    folder.mkdir()
    for copy in "abcdefghijklmnopqrstuvwxyz"[:times]:
        for f in sample_files():
            shutil.copy(f, folder / f"{copy}-{f.name}")
    return folder


def reference_run(folder: Path, out: Path) -> list[str]:
    """The lines of an uninterrupted, fault-free run."""
    done = run("extract", str(folder), "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return copies(tmp_path_factory.mktemp("batch") / "in")


@pytest.fixture(scope="module")
def reference(folder: Path) -> list[str]:
    return reference_run(folder, folder.parent / "reference.jsonl")


@pytest.fixture(scope="module")
def long_folder(tmp_path_factory) -> Path:
    """Twelve copies of the samples (156 documents, ~430 KB of records): a batch long enough that a
    kill after its first records lands mid-batch however fast the machine."""
    return copies(tmp_path_factory.mktemp("long") / "in", times=12)


@pytest.fixture(scope="module")
def long_reference(long_folder: Path) -> list[str]:
    return reference_run(long_folder, long_folder.parent / "reference.jsonl")


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def names(out: Path) -> list[str]:
    return [Path(r["source"]["path"]).name for r in records(out)]


def test_a_worker_killed_on_one_document_costs_that_document_only(folder, reference, tmp_path):
    victim = sorted(folder.iterdir())[4].name
    out = tmp_path / "out.jsonl"
    done = run("extract", str(folder), "-o", str(out), "--jobs", "2", faults=f"crash:{victim}")
    assert done.returncode == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(reference)
    for line, expected in zip(lines, reference, strict=True):
        record = json.loads(line)
        if Path(record["source"]["path"]).name == victim:
            assert record["error"]["code"] == "crashed"
            assert "died twice (killed by signal 9)" in record["error"]["message"]
        else:
            assert line == expected
    assert "1 with error: 1 crashed" in done.stderr


def test_a_document_whose_worker_dies_once_is_retried_in_a_fresh_worker(tmp_path):
    folder = copies(tmp_path / "in")  # of its own: the hook leaves a marker file beside the victim
    reference = reference_run(folder, tmp_path / "reference.jsonl")
    victim = sorted(folder.iterdir())[0].name
    out = tmp_path / "out.jsonl"
    done = run("extract", str(folder), "-o", str(out), faults=f"crash_once:{victim}")
    assert done.returncode == 0, done.stderr
    assert (folder / f"{victim}.crashed").exists()  # the first worker did die on it
    assert out.read_text(encoding="utf-8").splitlines() == reference


def test_a_stalled_document_gets_a_timeout_record_and_the_batch_goes_on(folder, reference, tmp_path):
    victim = sorted(folder.iterdir())[2].name
    out = tmp_path / "out.jsonl"
    done = run("extract", str(folder), "-o", str(out), "--timeout", "2", "--jobs", "2", faults=f"stall:{victim}")
    assert done.returncode == 1
    got = records(out)
    assert [r["error"]["code"] if r["error"] else None for r in got].count("timeout") == 1
    assert Path(got[2]["source"]["path"]).name == victim and got[2]["error"]["code"] == "timeout"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[:2] + lines[3:] == reference[:2] + reference[3:]


def test_records_are_written_while_the_batch_runs(folder, tmp_path):
    """A stall on the last document: everything before it is already in the file."""
    last = sorted(folder.iterdir())[-1].name
    out = tmp_path / "out.jsonl"
    env = {**os.environ, FAULTS_VARIABLE: f"stall:{last}"}
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(folder), "-o", str(out)],
                            cwd=ROOT, env=env, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        expected = len(list(folder.iterdir())) - 1
        for _ in range(600):
            if out.exists() and out.read_bytes().count(b"\n") == expected:
                break
            time.sleep(0.1)
        assert out.read_bytes().count(b"\n") == expected
        assert proc.poll() is None  # still running, stalled on the last document
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.parametrize("kill_after_bytes", [1, 20_000, 60_000])
def test_a_batch_killed_with_its_workers_is_completed_by_resume(long_folder, long_reference, tmp_path,
                                                               kill_after_bytes):
    folder, reference = long_folder, long_reference
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "extractor", "extract", str(folder), "-o", str(out), "--jobs", "2"]
    proc = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL, start_new_session=True)
    while proc.poll() is None and not (out.exists() and out.stat().st_size >= kill_after_bytes):
        time.sleep(0.001)
    os.killpg(proc.pid, signal.SIGKILL)  # the process group: the batch and its workers
    proc.wait()
    killed = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    assert len(killed) < len(reference)  # killed mid-batch
    done = run("extract", str(folder), "-o", str(out), "--jobs", "2", "--resume")
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").splitlines() == reference


def test_resume_cuts_a_torn_last_line_and_appends_the_rest(folder, reference, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("\n".join(reference[:5]) + "\n" + reference[5][:100], encoding="utf-8")
    assert [Path(path).name for path, _code in completed(out)] == [Path(p).name for p in
                                                                   sorted(map(str, folder.iterdir()))[:5]]
    assert out.read_text(encoding="utf-8") == "\n".join(reference[:5]) + "\n"  # the torn line is gone
    done = run("extract", str(folder), "-o", str(out), "--resume")
    assert done.returncode == 0, done.stderr
    assert f"{len(reference)} records (0 with error), 0 files skipped, 5 already in the output" in done.stderr
    assert out.read_text(encoding="utf-8").splitlines() == reference


def _file_size_limit(limit: int):
    """For a child process: files it writes stop growing at ``limit`` bytes (a disk that fills)."""
    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG): no signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limited


def test_a_disk_that_fills_mid_batch_leaves_complete_records_and_resume_finishes(folder, reference, tmp_path):
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, VN_EXTRACTOR_CACHE=str(tmp_path / "cache"))  # (its own file, also past the limit)
    done = subprocess.run([sys.executable, "-m", "extractor", "extract", str(folder), "-o", str(out), "--quiet"],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
                          preexec_fn=_file_size_limit(30_000))
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr and "cannot write" in done.stderr and "--resume" in done.stderr
    written = out.read_bytes()
    assert len(written) == 30_000 and not written.endswith(b"\n")  # full, the last line torn
    assert 0 < written.count(b"\n") < len(reference)
    resumed = run("extract", str(folder), "-o", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_text(encoding="utf-8").splitlines() == reference


def test_a_full_disk_is_an_error_message_and_status_3_not_a_traceback(folder):
    done = run("extract", str(folder), "-o", "/dev/full")
    assert done.returncode == 3
    assert done.stderr.startswith("extractor: cannot write /dev/full: No space left on device")


def test_resume_of_an_input_named_twice_completes_both_records(tmp_path):
    a, b = sample_files()[:2]
    out = tmp_path / "out.jsonl"
    assert run("extract", str(a), str(b), str(a), "-o", str(out)).returncode == 0
    whole = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(whole[0], encoding="utf-8")  # killed after the first record
    assert run("extract", str(a), str(b), str(a), "-o", str(out), "--resume").returncode == 0
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == whole


def test_resume_refuses_an_output_with_a_line_that_is_not_a_record(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"not": "a record"}\n', encoding="utf-8")
    done = run("extract", str(folder), "-o", str(out), "--resume")
    assert done.returncode == 2
    assert "line 1 is not a record" in done.stderr
    assert out.read_text(encoding="utf-8") == '{"not": "a record"}\n'


def test_resume_counts_errors_already_in_the_output(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sample_files()[0], folder / "a.txt")
    (folder / "b.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert run("extract", str(folder), "-o", str(out)).returncode == 1
    again = run("extract", str(folder), "-o", str(out), "--resume")
    assert again.returncode == 1  # b.txt's record (empty) is still an error
    assert names(out) == ["a.txt", "b.txt"]


def test_exit_status_zero_when_every_record_is_clean(tmp_path):
    out = tmp_path / "out.jsonl"
    done = run("extract", *map(str, sample_files()[:3]), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert len(records(out)) == 3


def test_a_missing_file_gives_an_error_record_on_stdout_and_exit_status_one(tmp_path):
    done = run("extract", str(tmp_path / "nowhere.txt"))
    assert done.returncode == 1
    record = json.loads(done.stdout)
    assert record["error"]["code"] == "unreadable"
    assert record["source"]["path"].endswith("nowhere.txt")


@pytest.mark.parametrize("args", [["extract"], ["extract", "a.txt", "--resume"], ["extract", "a.txt", "--bogus"],
                                  ["extract", "a.txt", "-o", "t.csv", "--resume"], ["extract", "a.txt", "-j", "-1"],
                                  ["extract", "a.txt", "-o", "no/such/folder/out.jsonl"],
                                  ["extract", "a.txt", "-o", "."]])
def test_usage_errors_exit_with_status_two(args):
    done = run(*args)
    assert done.returncode == 2
    assert "usage:" in done.stderr


def test_help_documents_the_exit_status():
    done = run("extract", "--help")
    assert done.returncode == 0
    assert "exit status" in done.stdout and "usage error" in done.stdout
    for option in ("--resume", "--timeout", "--jobs", "--dask", "--quiet", "--max-pages"):
        assert option in done.stdout


def test_no_progress_bar_when_stderr_is_not_a_terminal(folder, tmp_path):
    done = run("extract", str(folder), "-o", str(tmp_path / "out.jsonl"))
    assert "\r" not in done.stderr and "doc/s" not in done.stderr
    assert done.stderr.count("\n") == 1  # the summary line only


def _stderr_on_a_terminal(*args: str) -> str:
    try:
        controller, terminal = pty.openpty()
    except OSError:
        pytest.skip("no pseudo-terminal on this machine")
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    proc = subprocess.Popen([sys.executable, "-m", "extractor", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=terminal)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the process is gone
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait()
    os.close(controller)
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_progress_bar_on_a_terminal_and_off_with_quiet(folder, tmp_path):
    shown = _stderr_on_a_terminal("extract", str(folder), "-o", str(tmp_path / "out.jsonl"))
    total = len(list(folder.iterdir()))
    assert f"{total}/{total}" in shown and "doc/s" in shown and "errors: 0" in shown
    assert "records (0 with error)" in shown
    quiet = _stderr_on_a_terminal("extract", str(folder), "-o", str(tmp_path / "out.jsonl"), "--quiet")
    assert quiet == ""


def test_python_api_writes_the_same_records_as_the_command_line(folder, reference, tmp_path):
    out = tmp_path / "api.jsonl"
    files, skipped = expand_inputs([folder])
    summary = extract_batch(files, out, jobs=2)
    assert (summary.written, summary.error_count, skipped) == (len(reference), 0, 0)
    assert out.read_text(encoding="utf-8").splitlines() == reference


def test_max_pages_stops_a_long_pdf_with_a_warning(tmp_path):
    render = pytest.importorskip("render")
    pytest.importorskip("fpdf")
    if render.font_path() is None:
        pytest.skip("no DejaVu font to write the PDF")
    text = sample_files()[0].read_text(encoding="utf-8")
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(render.to_pdf("\n\n".join([text] * 3)))
    whole = json.loads(run_process("extract", str(pdf), "--compact").stdout)
    cut = json.loads(run_process("extract", str(pdf), "--compact", "--max-pages", "1").stdout)
    pages = whole["source"]["pages"]
    assert pages >= 2 and cut["source"]["pages"] == pages
    assert "max_pages" not in [w["code"] for w in whole["warnings"]]
    assert {"code": "max_pages", "message": f"only the first 1 of {pages} pages were read (--max-pages)"} \
        in cut["warnings"]


def test_stdout_closed_early_stops_the_batch_without_a_traceback(folder):
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(folder)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b'{"schema_version"')
    proc.stdout.close()  # like `| head -1`
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 1
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
