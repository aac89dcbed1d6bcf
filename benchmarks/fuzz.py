"""Fuzz the readers, the splitter and the query side; print what was fuzzed and what broke.

    python -m benchmarks.fuzz [--inputs 3000] [--queries 5000] [--passages 20k]

Input side: hand-made hostile files (binary, empty, truncated, deeply nested, 10 MB single
lines, cp1252, UTF-16, mixed encodings, over the size limit) and property-based random ones
(markup built from minutes-like pieces and then cut or corrupted, random bytes, random `.jsonl`
lines) go through the readers and the splitter: each must end as passages or as a SourceError
naming its file, within a bounded time. Query side: random query strings and parameters, and
pathological queries (leading wildcards, hundreds of terms, huge page numbers), against the
search page, the API and the feed under the production server: never a 500, every 400 with a
message, every answer bounded in time. The generators and checks are `tests/support/fuzz.py`;
the tests in tests/test_fuzz_*.py run them with few examples.
"""
from __future__ import annotations

import argparse
import logging
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search_service.pipeline.indexing import index_paths
from tests.support.fuzz import (ENDPOINTS, HOSTILE_FILES, PATHOLOGICAL, InputReport, QueryReport,
                                check_input, check_query, input_files, search_params)
from tests.support.generate import parse_scale, write_corpus
from tests.support.server import free_port, serve_command, server


def fuzz_inputs(folder: Path, examples: int, report: InputReport) -> None:
    """Random input files through the readers and the splitter."""
    folder.mkdir(parents=True, exist_ok=True)

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(input_files())
    def one(file: tuple[str, bytes]) -> None:
        path = folder / f"fuzz{file[0]}"
        path.write_bytes(file[1])
        check_input(path, report)

    one()


def hostile_inputs(folder: Path, report: InputReport) -> None:
    """The hand-made hostile files through the readers and the splitter, then one index run."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in HOSTILE_FILES.items():
        path = folder / name
        path.write_bytes(content())
        check_input(path, report)


def fuzz_queries(base: str, examples: int, report: QueryReport) -> None:
    """Random query strings and parameters against every search endpoint."""
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(ENDPOINTS), search_params())
    def one(endpoint: str, params: list[tuple[str, str]]) -> None:
        check_query(base, endpoint, params, report)

    one()


def pathological_queries(base: str, report: QueryReport) -> None:
    """The costly queries against the search page and the API."""
    for params in PATHOLOGICAL:
        for endpoint in ("/", "/api/search"):
            check_query(base, endpoint, params, report)


# --- the command line ------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    """Run both sides and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=3000, help="random input files")
    parser.add_argument("--queries", type=int, default=5000, help="random queries")
    parser.add_argument("--passages", default="20k", help="size of the index queried")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="fuzz-"))
    inputs = InputReport()
    started = time.perf_counter()
    hostile_inputs(work / "hostile", inputs)
    fuzz_inputs(work / "random", args.inputs, inputs)
    print(f"inputs fuzzed: {inputs.files} files ({len(HOSTILE_FILES)} hand-made hostile), "
          f"{inputs.documents} documents, {inputs.passages} passages, {inputs.errors} per-file "
          f"errors, 0 crashes; slowest file {inputs.slowest[0]:.1f} s ({inputs.slowest[1]}); "
          f"{time.perf_counter() - started:.0f} s")
    for reason, count in inputs.reasons.most_common(8):
        print(f"  error {count:5d}x {reason}")
    report = index_paths(work / "hostile-index", [str(work / "hostile")])
    print(f"index run over the hostile files: {report.summary()}")

    corpus = work / "corpus"
    write_corpus(corpus, parse_scale(args.passages))
    index_paths(work / "index", [str(corpus)])
    port = free_port()
    queries = QueryReport()
    log_file = work / "server.log"
    started = time.perf_counter()
    with server(serve_command(work / "index", port), port, "/?q=council", log=log_file):
        base = f"http://127.0.0.1:{port}"
        pathological_queries(base, queries)
        print(f"pathological queries: {queries.requests}, slowest {queries.slowest[0]:.2f} s "
              f"({queries.slowest[1]})")
        fuzz_queries(base, args.queries, queries)
    print(f"queries fuzzed: {queries.requests} against {args.passages} passages, statuses "
          f"{dict(sorted(queries.statuses.items()))}, slowest {queries.slowest[0]:.2f} s "
          f"({queries.slowest[1]}); {time.perf_counter() - started:.0f} s")
    print(f"tracebacks in the server log: {log_file.read_text().count('Traceback')}")


if __name__ == "__main__":
    main()
