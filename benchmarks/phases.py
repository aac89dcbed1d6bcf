"""The measured steps of the benchmark, each run in its own process for its own peak memory.

    python -m benchmarks.phases STEP ARGS...

prints one JSON object: the step's figures, with `seconds` (timed inside the process, without
interpreter start-up) and `peak_mb` (the process's peak resident memory).
"""
from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from search_service.engine.store import open_index
from search_service.pipeline.indexing import index_paths
from search_service.search import SearchRequest, SearchResults, search_passages

from . import fts5
from .queries import BenchQuery, query_mix

WARM_UP = ("council", "report", "budget")


def peak_mb() -> float:
    """This process's peak resident memory in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def whoosh_index(index_dir: str, corpus: str, engine: str | None = None) -> dict[str, Any]:
    """A full build, or an incremental run over an existing index (of `engine`)."""
    started = time.perf_counter()
    report = index_paths(Path(index_dir), [corpus], engine=engine)
    return {"seconds": time.perf_counter() - started, "documents": report.documents,
            "unchanged": report.unchanged, "passages": report.passages_added,
            "errors": [str(error) for error in report.errors]}


def fts5_index(db: str, corpus: str) -> dict[str, Any]:
    """The same run into SQLite FTS5."""
    started = time.perf_counter()
    report = fts5.index_paths(Path(db), [corpus])
    return {"seconds": time.perf_counter() - started, "documents": report.documents,
            "unchanged": report.unchanged, "passages": report.passages,
            "split_seconds": report.split_seconds, "errors": report.errors}


def latencies(run: Callable[[BenchQuery], int], mix: list[BenchQuery]) -> dict[str, Any]:
    """Run each query of the mix once; latency figures overall and per category."""
    timings: list[tuple[str, float, int]] = []
    for query in mix:
        started = time.perf_counter()
        total = run(query)
        timings.append((query.category, (time.perf_counter() - started) * 1000, total))
    by_category: dict[str, list[float]] = {}
    for category, ms, _ in timings:
        by_category.setdefault(category, []).append(ms)
    return {"all": summary([ms for _, ms, _ in timings]),
            "categories": {name: summary(values) | {"hits_median": statistics.median(
                total for category, _, total in timings if category == name)}
                for name, values in by_category.items()}}


def summary(values: list[float]) -> dict[str, float]:
    """Median, p95 and p99 of latencies in ms (nearest rank)."""
    ordered = sorted(values)

    def rank(p: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(p * len(ordered) + 0.5) - 1))]

    return {"median": statistics.median(ordered), "p95": rank(0.95), "p99": rank(0.99),
            "count": len(ordered)}


def xapian_index(index_dir: str, corpus: str) -> dict[str, Any]:
    """The same run into a Xapian index folder."""
    return whoosh_index(index_dir, corpus, engine="xapian")


def request_of(query: BenchQuery, facets: bool = True) -> SearchRequest:
    """The service's request for a query of the mix, facets included as the web page asks (or
    not, as the API's callers may)."""
    return SearchRequest(query=query.text, filters=query.filters, date_from=query.date_from,
                         date_to=query.date_to, page=query.page, facets=facets)


def whoosh_queries(index_dir: str, passages: str, seed: str) -> dict[str, Any]:
    """Open a searcher, time the first query, then the mix through the web app's search call,
    the searcher refreshed before each query as the web server does."""
    def opened() -> Callable[[SearchRequest], SearchResults]:
        searcher = open_index(Path(index_dir)).searcher()

        def search(request: SearchRequest) -> SearchResults:
            nonlocal searcher
            searcher = searcher.refresh()
            return search_passages(searcher, request)
        return search

    return timed_queries(opened, passages, seed)


def xapian_queries(index: str, passages: str, seed: str) -> dict[str, Any]:
    """The same on a Xapian index folder or stub file of shards, refreshed before each query as
    a long-running server does (`refreshed`: reopened, or opened anew if a shard failed)."""
    # Imported here: Xapian is the [xapian] extra, which a Whoosh-only benchmark may lack.
    from search_service.engine.xapian_engine.store import open_index as open_xapian
    from search_service.search_xapian import search_xapian

    def opened() -> Callable[[SearchRequest], SearchResults]:
        database = open_xapian(Path(index)).searcher()

        def search(request: SearchRequest) -> SearchResults:
            nonlocal database
            database = database.refreshed()
            found = search_xapian(database, request)
            assert not found.shards or not found.shards.failed, found.shards
            return found
        return search

    return timed_queries(opened, passages, seed)


def timed_queries(opened: Callable[[], Callable[[SearchRequest], SearchResults]],
                  passages: str, seed: str) -> dict[str, Any]:
    """Time opening an engine's search (`opened`) and its first query, warm it up, then time
    the mix with and without facets."""
    started = time.perf_counter()
    search = opened()
    ready = time.perf_counter()
    search(SearchRequest(query=WARM_UP[0]))
    first = time.perf_counter()
    for word in WARM_UP[1:]:
        search(SearchRequest(query=word))
    figures = with_and_without_facets(
        lambda query, facets=True: search(request_of(query, facets)).total, passages, seed)
    return figures | {"open_ms": (ready - started) * 1000, "first_query_ms": (first - ready) * 1000}


def with_and_without_facets(run: Callable[[BenchQuery, bool], int], passages: str,
                            seed: str) -> dict[str, Any]:
    """The mix with every facet count (`all`, `categories`), then without (`no_facets`)."""
    mix = query_mix(int(passages), int(seed))
    figures = latencies(run, mix)
    figures["no_facets"] = latencies(lambda query: run(query, False), mix)["all"]
    return figures


def fts5_queries(db: str, passages: str, seed: str) -> dict[str, Any]:
    """The same mix through SQLite FTS5."""
    started = time.perf_counter()
    conn = fts5.connect(Path(db))
    opened = time.perf_counter()
    fts5.search(conn, BenchQuery("warm", WARM_UP[0], WARM_UP[0]))
    first = time.perf_counter()
    figures = latencies(lambda query: fts5.search(conn, query)["total"],
                        query_mix(int(passages), int(seed)))
    return figures | {"open_ms": (opened - started) * 1000, "first_query_ms": (first - opened) * 1000}


STEPS: dict[str, Callable[..., dict[str, Any]]] = {
    "whoosh-index": whoosh_index, "fts5-index": fts5_index, "xapian-index": xapian_index,
    "whoosh-queries": whoosh_queries, "fts5-queries": fts5_queries,
    "xapian-queries": xapian_queries,
}


def main(argv: list[str]) -> None:
    """Run one step and print its figures as JSON."""
    figures = STEPS[argv[0]](*argv[1:])
    print(json.dumps(figures | {"peak_mb": peak_mb()}))


if __name__ == "__main__":
    main(sys.argv[1:])
