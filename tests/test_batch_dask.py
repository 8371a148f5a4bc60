"""The same batch on a real Dask cluster (LocalCluster, worker processes): the same records in input order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, sample_files

from extractor.batch import FAULTS_VARIABLE, expand_inputs, extract_batch

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")


VICTIM = "victim-dask.txt"  # a worker given this file kills itself (the batch's test hook)


@pytest.fixture(scope="module")
def cluster():
    os.environ[FAULTS_VARIABLE] = f"crash:{VICTIM}"  # the workers' environment, set before they start
    with (dask.config.set({"distributed.scheduler.allowed-failures": 0}),
          distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=40) as cluster):
        yield cluster
    del os.environ[FAULTS_VARIABLE]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask") / "in"
    folder.mkdir()
    for copy in "ab":
        for f in sample_files():
            (folder / f"{copy}-{f.name}").write_bytes(f.read_bytes())
    (folder / "z-empty.txt").write_bytes(b"")
    return folder


def test_a_dask_cluster_writes_the_records_of_a_local_run(cluster, folder, tmp_path):
    files, _ = expand_inputs([folder])
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    extract_batch(files, local, jobs=1)
    with distributed.Client(cluster) as client:
        summary = extract_batch(files, remote, client=client)
    assert remote.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")
    assert (summary.written, dict(summary.errors)) == (len(files), {"empty": 1})


def test_the_command_line_runs_on_a_scheduler_address_and_resumes(cluster, folder, tmp_path):
    files, _ = expand_inputs([folder])
    local = tmp_path / "local.jsonl"
    extract_batch(files, local, jobs=1)
    lines = local.read_text(encoding="utf-8").splitlines(keepends=True)
    out = tmp_path / "dask.jsonl"
    out.write_text("".join(lines[:7]) + lines[7][:50], encoding="utf-8")  # a run killed mid-write
    done = subprocess.run([sys.executable, "-m", "extractor", "extract", str(folder), "-o", str(out), "--resume",
                           "--dask", cluster.scheduler_address], capture_output=True, text=True, cwd=ROOT,
                          env=os.environ, timeout=300)
    assert done.returncode == 1, done.stderr  # the empty file's record is an error
    assert "7 already in the output" in done.stderr
    assert out.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")


def test_a_dask_worker_that_dies_costs_only_its_document(cluster, folder, tmp_path):
    files, _ = expand_inputs([folder])
    victim = folder.parent / VICTIM
    victim.write_bytes(sample_files()[0].read_bytes())
    files.insert(3, victim)
    out = tmp_path / "dask.jsonl"
    with distributed.Client(cluster) as client:
        summary = extract_batch(files, out, client=client)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"]["path"] for r in records] == [str(f) for f in files]
    assert records[3]["error"]["code"] == "crashed"
    assert [r["error"]["code"] for r in records if r["error"]] == ["crashed", "empty"]
    assert summary.errors == {"crashed": 1, "empty": 1}
