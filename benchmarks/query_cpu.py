"""CPU time per query of the benchmark's query mix on an existing index, pass by pass.

    python -m benchmarks.query_cpu --index DIR --passages 100k [--passes 2]

CPU time (`time.process_time`) is less sensitive than wall time to other work on a shared
machine. The searcher is warmed as `serve` warms it (facet columns, glossary, spelling words);
the first pass then meets each query's words for the first time, unless an earlier query of the
mix searched them too; later passes show what a process that has seen the words before pays.
Run it from two checkouts one after the other to compare code on the same index.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from search_service.engine.store import open_index
from search_service.search import search_passages, warm_up
from tests.support.generate import parse_scale

from .phases import request_of
from .queries import query_mix


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def run(index: Path, passages: int, seed: int, passes: int) -> list[dict[str, object]]:
    """Per pass: median, p95, p99 of CPU ms over the mix, by category, and the hits found."""
    searcher = open_index(index).searcher()
    warm_up(searcher)
    mix = query_mix(passages, seed)
    figures = []
    for number in range(1, passes + 1):
        by_category: dict[str, list[float]] = {}
        hits = 0
        for query in mix:
            started = time.process_time()
            hits += search_passages(searcher, request_of(query)).total
            by_category.setdefault(query.category, []).append(
                (time.process_time() - started) * 1000)
        every = [ms for values in by_category.values() for ms in values]
        figures.append({
            "pass": number, "median": statistics.median(every), "p95": percentile(every, .95),
            "p99": percentile(every, .99), "hits": hits,
            "categories": {name: {"median": statistics.median(values),
                                  "p95": percentile(values, .95)}
                           for name, values in by_category.items()}})
    return figures


def main(argv: list[str] | None = None) -> None:
    """The command line: print each pass's figures, and the JSON on the last line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.query_cpu", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True, help="the index to search")
    parser.add_argument("--passages", default="100k", help="the scale the mix is drawn for")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated corpus")
    parser.add_argument("--passes", type=int, default=2, help="passes over the mix")
    args = parser.parse_args(argv)
    figures = run(args.index, parse_scale(args.passages), args.seed, args.passes)
    for one in figures:
        print(f"pass {one['pass']}: CPU ms per query median {one['median']:.0f}, "
              f"p95 {one['p95']:.0f}, p99 {one['p99']:.0f}; {one['hits']:,} hits")
        for name, values in one["categories"].items():  # type: ignore[union-attr]
            print(f"  {name}: {values['median']:.0f} / {values['p95']:.0f}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
