"""The corpus generator and a small run of the benchmark (figures only, no timing asserted)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from search_service.sources import read_paths
from tests.support.generate import parse_scale, write_corpus


@pytest.mark.parametrize("text, expected", [("10k", 10_000), ("1m", 1_000_000), ("2500", 2500),
                                            ("0.5M", 500_000)])
def test_scales_read_as_passages(text: str, expected: int) -> None:
    assert parse_scale(text) == expected


def test_a_bad_scale_says_what_is_expected() -> None:
    with pytest.raises(ValueError, match="such as 10k"):
        parse_scale("lots")


def test_the_same_seed_gives_the_same_corpus_and_a_change_rewrites_only_some(tmp_path: Path
                                                                             ) -> None:
    first = write_corpus(tmp_path / "a", 3000, seed=3)
    write_corpus(tmp_path / "b", 3000, seed=3)
    changed = write_corpus(tmp_path / "c", 3000, seed=3, changed=0.1)
    assert lines(tmp_path / "a") == lines(tmp_path / "b")
    base, other = lines(tmp_path / "a"), lines(tmp_path / "c")
    assert len(base) == len(other) == first.documents
    differing = sum(a != b for a, b in zip(base, other))
    assert 0 < differing == changed.changed < first.documents / 4


def lines(folder: Path) -> list[str]:
    return [line for path in sorted(folder.glob("*.jsonl"))
            for line in path.read_text().splitlines()]


def test_the_corpus_reads_as_minutes_of_many_meetings(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 5000, seed=5)
    assert len(list((tmp_path / "a").glob("*.jsonl"))) == 1
    documents = list(read_paths([str(tmp_path / "a")]))
    assert all(not isinstance(d, Exception) and "Minutes:" in d.text for d in documents)
    assert len({(d.council, d.committee, d.meeting_date) for d in documents}) > 20
    assert len({d.council for d in documents}) >= 2


@pytest.mark.slow
def test_a_small_benchmark_run_writes_its_figures(tmp_path: Path) -> None:
    """The issue's CI smoke scale, 10k passages, through the benchmark's command line; checks
    only that every step completes (needs `wrk`)."""
    out = tmp_path / "figures.json"
    subprocess.run([sys.executable, "-m", "benchmarks.run", "--scale", "10k", "--out", str(out),
                    "--work", str(tmp_path / "work"), "--web-seconds", "1"], check=True,
                   cwd=Path(__file__).parents[1])
    figures = json.loads(out.read_text())
    assert figures["whoosh"]["build"]["passages"] == figures["fts5"]["build"]["passages"] > 9000
    assert figures["whoosh"]["incremental"]["unchanged"] > 0
    assert figures["whoosh"]["queries"]["all"]["count"] == figures["fts5"]["queries"]["all"]["count"]
    assert figures["web"]["page"]["requests_per_second"] > 0
    assert figures["web"]["fts5_api"]["non_2xx"] == figures["web"]["api"]["non_2xx"] == 0
    table = out.with_suffix(".md").read_text()
    assert "| full build (passages/s) |" in table and "× |" in table


@pytest.mark.slow
def test_the_xapian_mode_measures_local_and_two_shards_side_by_side(tmp_path: Path) -> None:
    """A tiny run with Xapian local and two shards served by xapian-tcpsrv (FTS5 beside, no web
    test): every figure is printed and the shards hold every passage between them. (About 30 s:
    five builds.)"""
    out = tmp_path / "figures.json"
    run = subprocess.run([sys.executable, "-m", "benchmarks.run", "--scale", "2500", "--engine",
                          "xapian", "--shards", "2", "--web-seconds", "0", "--out", str(out),
                          "--work", str(tmp_path / "work")], capture_output=True, text=True,
                         cwd=Path(__file__).parents[1], timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    figures = json.loads(out.read_text())
    local, shards = figures["xapian"], figures["xapian_shards"]
    assert local["build"]["passages"] == shards["build"]["passages"] > 2000
    assert shards["build"]["passages"] == sum(step["passages"]
                                              for step in shards["build"]["per_shard"])
    assert all(councils > 0 for councils in shards["councils_per_shard"])
    for engine in (local, shards):
        assert engine["queries"]["all"]["count"] == engine["queries"]["no_facets"]["count"] == 96
    header, _, *rows = run.stdout.strip().split("\n\n")[-1].splitlines()
    assert header == "| figure | Xapian local | Xapian 2 shards | SQLite FTS5 |"
    table = {row.split(" | ")[0].removeprefix("| "): row.split(" | ")[1:] for row in rows}
    for figure in ("full build (passages/s)", "query median, all facets (ms)",
                   "query p95, all facets (ms)", "query median, no facets (ms)",
                   "query p95, no facets (ms)"):
        assert figure in table and "–" not in table[figure][:2], figure
