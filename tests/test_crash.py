"""Crash safety: indexer runs killed with SIGKILL leave an index that opens, searches and heals.

The short form of `python -m benchmarks.crash_kill --kills 20` (see docs/reliability.md).
"""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search_service.engine.store import IndexBusyError, open_index, run_lock
from tests.support.crash import (crash_run, indexer_command, snapshot, unreferenced_files,
                                 write_versions)

KILLS = 3


@pytest.mark.slow
def test_index_survives_sigkill_at_random_moments(tmp_path: Path) -> None:
    report = crash_run(tmp_path, kills=KILLS, passages=600, commit_every=8, seed=3)

    assert report.failures == []
    assert (report.survived, report.kills) == (KILLS, KILLS)
    assert report.final_equal
    assert report.left_after_final == 0


def test_lock_of_a_killed_run_is_cleared_and_the_next_run_completes(tmp_path: Path) -> None:
    corpus, _ = write_versions(tmp_path, passages=300, seed=5)
    index_dir = tmp_path / "index"
    child = subprocess.Popen(indexer_command(index_dir, corpus, commit_every=1000))
    lock_file = index_dir / "RUN.lock"
    deadline = time.monotonic() + 60
    while not (lock_file.exists() and lock_file.read_text().startswith("pid")):
        assert child.poll() is None and time.monotonic() < deadline, "the run never took its lock"
        time.sleep(0.01)
    with pytest.raises(IndexBusyError, match=f"pid {child.pid}"):
        with run_lock(index_dir):
            pass
    child.send_signal(signal.SIGKILL)
    child.wait()

    assert lock_file.read_text().startswith(f"pid {child.pid}")  # the dead run's note is left
    rerun = subprocess.run([sys.executable, "-m", "search_service", "index", "--index",
                            str(index_dir), str(corpus)], timeout=120, capture_output=True,
                           text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"the previous indexer run (pid {child.pid} since" in rerun.stderr
    assert "did not finish" in rerun.stderr
    assert lock_file.read_text() == ""
    assert len(snapshot(index_dir).hashes) > 0
    with open_index(index_dir).searcher() as searcher:
        assert searcher.doc_count() > 0


def test_files_of_a_killed_run_are_cleared_by_the_next_even_with_nothing_to_commit(tmp_path):
    first, second = write_versions(tmp_path, passages=600, seed=7)
    index_dir = tmp_path / "index"
    subprocess.run(indexer_command(index_dir, first, commit_every=1000), check=True, timeout=120)
    child = subprocess.Popen(indexer_command(index_dir, second, commit_every=1000))
    deadline = time.monotonic() + 60
    while not unreferenced_files(index_dir):  # the run has started writing its segment
        assert child.poll() is None and time.monotonic() < deadline, "no segment was written"
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert unreferenced_files(index_dir)

    subprocess.run(indexer_command(index_dir, first, commit_every=1000), check=True, timeout=120)

    assert unreferenced_files(index_dir) == []
