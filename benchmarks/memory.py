"""What a search process holds in memory: anonymous vs file-backed, and who allocated it.

    python -m benchmarks.memory --index DIR [--passages N] [--seed 7] [--queries 96] [--top 20]
                                [--no-trace]

Opens a searcher on DIR and runs the benchmark's query mix (`benchmarks/queries.py`) through
`search_passages`, as `benchmarks.phases whoosh-queries` does. Prints the process's resident
memory from /proc/self/smaps_rollup (anonymous, and file-backed: Whoosh maps the segment files)
after opening and after the mix, its peak, the CPU time of the mix, what the index's caches hold
(`engine.caches.IndexCaches`: segment data and posting lists) and, unless `--no-trace`,
tracemalloc's live and peak Python allocations grouped by the service's (or else Whoosh's)
innermost function that made them.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import numpy as np

from search_service.engine.caches import IndexCaches, caches_of
from search_service.engine.schema import PASSAGE
from search_service.engine.store import open_index
from search_service.search import SearchRequest, search_passages

from .phases import WARM_UP, request_of
from .queries import query_mix

FRAMES = 10
OURS = ("search_service", "whoosh")


def resident() -> dict[str, float]:
    """This process's resident memory in MB: all, anonymous, file-backed, and the peak."""
    fields = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rss": fields["Rss"], "anonymous": fields["Anonymous"],
            "file": fields["Rss"] - fields["Anonymous"], "peak": peak}


def cache_mb(caches: IndexCaches) -> dict[str, float]:
    """The segment data's numpy bytes by kind of entry (columns by field, masks), in MB."""
    sizes: Counter[str] = Counter()
    for key, value in caches.segment_entries():
        kind = next(part for part in key[1:] if isinstance(part, str))
        for part in _arrays(value):
            sizes[kind] += part.nbytes / 2**20
    return dict(sizes.most_common())


def _arrays(value: object) -> list[np.ndarray]:
    if isinstance(value, np.ndarray):
        return [value]
    if isinstance(value, (tuple, list)):
        return [a for item in value for a in _arrays(item)]
    if hasattr(value, "__dataclass_fields__"):
        return [a for name in value.__dataclass_fields__ for a in _arrays(getattr(value, name))]
    return []


def allocations(snapshot: tracemalloc.Snapshot, top: int) -> list[tuple[str, float]]:
    """Live bytes (MB) by the innermost frame of the service, else of Whoosh, else anything."""
    grouped: Counter[str] = Counter()
    for stat in snapshot.statistics("traceback"):
        frames = list(reversed(stat.traceback))  # most recent first
        where = next((f for package in OURS for f in frames if f"/{package}/" in f.filename),
                     frames[0])
        grouped[f"{'/'.join(where.filename.split('/')[-2:])}:{where.lineno}"] += stat.size / 2**20
    return grouped.most_common(top)


def main(argv: list[str] | None = None) -> None:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="the index to search")
    parser.add_argument("--passages", type=int, help="scale of the query mix (default: the "
                        "passages in the index)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated corpus")
    parser.add_argument("--queries", type=int, default=96,
                        help="the first N queries of the mix (12 is one of each category)")
    parser.add_argument("--top", type=int, default=20, help="allocation sites listed")
    parser.add_argument("--no-trace", action="store_true",
                        help="no tracemalloc: resident memory and CPU time only")
    args = parser.parse_args(argv)
    if not args.no_trace:
        tracemalloc.start(FRAMES)
    started = resident()
    searcher = open_index(args.index).searcher()
    passages = args.passages or searcher.doc_frequency("record", PASSAGE)
    opened = resident()
    mix = query_mix(passages, args.seed)[:args.queries]
    cpu = time.process_time()
    for word in WARM_UP:
        search_passages(searcher, SearchRequest(query=word))
    warm_cpu = time.process_time() - cpu
    for query in mix:
        searcher = searcher.refresh()
        search_passages(searcher, request_of(query))
    cpu = time.process_time() - cpu
    after = resident()
    print(f"index {args.index}: {passages:,} passages, {len(searcher.leaf_searchers())} "
          f"segments; {len(mix)} queries")
    print(f"CPU: warm-up ({', '.join(WARM_UP)}) {warm_cpu:.2f} s, mix "
          f"{(cpu - warm_cpu) / len(mix) * 1000:.0f} ms per query")
    for name, figures in (("start", started), ("opened", opened), ("after mix", after)):
        print(f"resident at {name:<9}: {figures['rss']:7.0f} MB = {figures['anonymous']:6.0f} "
              f"anonymous + {figures['file']:6.0f} file-backed; peak {figures['peak']:6.0f} MB")
    caches = caches_of(searcher)
    cache = cache_mb(caches)
    print(f"segment cache: {sum(cache.values()):.1f} MB of arrays in "
          f"{len(caches.segment_entries())} entries: "
          + ", ".join(f"{kind} {mb:.1f}" for kind, mb in cache.items()))
    print(f"posting cache: {caches.postings.bytes / 2**20:.1f} MB")
    if not args.no_trace:
        current, peak = tracemalloc.get_traced_memory()
        print(f"tracemalloc: {current / 2**20:.0f} MB live, {peak / 2**20:.0f} MB peak")
        for where, mb in allocations(tracemalloc.take_snapshot(), args.top):
            print(f"  {mb:8.1f} MB  {where}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
