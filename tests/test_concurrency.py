"""Concurrent use: searches answered through an indexer's commits, and two indexers at once."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from search_service.engine.caches import GLOBAL, LIVE, caches_of
from search_service.engine.store import open_index, run_lock
from search_service.pipeline.indexing import index_paths
from search_service.search import SearchRequest, search_passages
from tests.support.crash import indexer_command, snapshot
from tests.support.generate import write_corpus
from tests.support.server import serve_index

QUERIES = ["council", "report", "budget", "question", "", "resolved", "member"]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two corpora of different documents: the second arrives while the first is searched."""
    folder = tmp_path_factory.mktemp("corpora")
    first, second = folder / "first", folder / "second"
    write_corpus(first, passages=400, seed=11)
    write_corpus(second, passages=600, seed=12)
    # The generator numbers its pages from 0 whatever the seed: give the second its own URLs.
    for part in second.glob("*.jsonl"):
        part.write_text(part.read_text().replace("mgAi.aspx?ID=", "mgAi.aspx?Second=1&ID="))
    return first, second


def search_loop(base: str, stop: threading.Event, answers: Counter, totals: list[int]) -> None:
    """Ask the API over and over until told to stop, counting the answers by status."""
    n = 0
    while not stop.is_set():
        query = QUERIES[n % len(QUERIES)]
        n += 1
        try:
            with urllib.request.urlopen(f"{base}/api/search?q={query}", timeout=60) as response:
                answers[response.status] += 1
                if not query:
                    totals.append(json.loads(response.read())["total"])
        except urllib.error.HTTPError as exc:
            answers[exc.code] += 1
        except OSError as exc:
            answers[type(exc).__name__] += 1


@pytest.mark.slow
def test_searches_are_answered_without_error_while_the_indexer_commits(corpora, tmp_path):
    first, second = corpora
    index_dir = tmp_path / "index"
    index_paths(index_dir, [str(first)])
    log = tmp_path / "server.log"
    with serve_index(index_dir, log=log) as base:
        stop, answers = threading.Event(), Counter()
        totals: list[list[int]] = [[] for _ in range(4)]
        loops = [threading.Thread(target=search_loop, args=(base, stop, answers, seen))
                 for seen in totals]
        for loop in loops:
            loop.start()
        try:  # many small commits, each one a new generation the searchers must pick up
            subprocess.run(indexer_command(index_dir, second, commit_every=5), check=True,
                           timeout=600)
        finally:
            stop.set()
            for loop in loops:
                loop.join(timeout=120)
        with urllib.request.urlopen(f"{base}/api/search?q=&routine=include",
                                    timeout=60) as response:
            final_total = json.loads(response.read())["total"]

    assert set(answers) == {200}, answers
    assert answers[200] > len(loops)
    for seen in totals:  # each loop's searches see the index grow, never shrink back
        assert seen == sorted(seen) and seen[0] < seen[-1], seen
    assert final_total == len(snapshot(index_dir).rows())
    assert "Traceback" not in log.read_text()


@pytest.mark.slow
def test_two_indexers_started_together_both_finish_and_lose_nothing(corpora, tmp_path):
    first, second = corpora
    index_dir = tmp_path / "index"
    runs = [subprocess.Popen([sys.executable, "-m", "search_service", "index", "--wait",
                              "--index", str(index_dir), str(corpus)],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for corpus in (first, second)]
    outputs = [run.communicate(timeout=600)[0] for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outputs
    reference = tmp_path / "reference"
    index_paths(reference, [str(first), str(second)])
    together, alone = snapshot(index_dir), snapshot(reference)
    assert together.rows() == alone.rows() and together.hashes == alone.hashes
    assert together.duplicates == 0


def test_a_second_indexer_is_told_another_run_holds_the_index(corpora, tmp_path):
    first, _ = corpora
    index_dir = tmp_path / "index"
    with run_lock(index_dir):
        run = subprocess.run([sys.executable, "-m", "search_service", "index", "--index",
                              str(index_dir), str(first)], capture_output=True, text=True,
                             timeout=120)
    assert run.returncode != 0
    assert "another indexer run" in run.stderr and "--wait" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_server_keeps_facet_columns_only_of_the_segments_it_still_reads(corpora, tmp_path):
    first, _ = corpora
    rewritten = tmp_path / "rewritten"
    write_corpus(rewritten, passages=400, seed=11, changed=0.5)  # half of `first`, rewritten
    index_dir = tmp_path / "index"
    index_paths(index_dir, [str(first)])
    searcher = open_index(index_dir).searcher()
    search_passages(searcher, SearchRequest(query="council"))
    # Commits that delete passages from the segment just read, add segments and merge some.
    index_paths(index_dir, [str(rewritten)], commit_every=7)
    searcher = searcher.refresh()
    search_passages(searcher, SearchRequest(query="council"))

    segments = [leaf.reader().segment() for leaf, _ in searcher.leaf_searchers()]
    current = {s.segment_id() for s in segments}
    kept = [key for key, _ in caches_of(searcher).segment_entries()]
    assert {key[0] for key in kept if key[0] != GLOBAL} <= current
    # Labels over all segments, for the segment sets still read only.
    assert all(set(key[2]) <= current for key in kept if key[0] == GLOBAL)
    # A segment's columns outlive its deletions; its mask of live documents does not.
    live = {(s.segment_id(), LIVE, s.deleted_count()) for s in segments}
    assert {key for key in kept if key[1] == LIVE} <= live
