"""Web load: the service under its production server (waitress), and the FTS5 baseline app.

`wrk` (Debian package `wrk`) drives each server at a concurrency of 8 over distinct queries, so no
result cache can answer twice. The service runs exactly as deployed (`search-service serve`);
the FTS5 baseline is a small Flask app under waitress answering the same JSON search.

    python -m benchmarks.web --index DIR [--baseline CODE_DIR] [--seconds 15]

serves DIR with this checkout's code (and with the code in CODE_DIR, for example a `git archive`
of an older commit, one after the other in the same run) and prints for each: the first
search pages of the server threads, sent together as a server's first visitors do; search pages
and API searches per second under wrk; the server's resident memory after the load.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from tests.support.load import wrk
from tests.support.queries import web_queries
from tests.support.server import free_port, memory_mb, serve_command, server

CONCURRENCY = 8


def load_test(index_dir: Path, db: Path, paths_file: Path, seconds: int, work: Path
              ) -> dict[str, dict[str, float]]:
    """Pages/s of the search page and the API, and of the FTS5 app's API, at concurrency 8."""
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is not installed: apt-get install wrk (Debian)")
    out = {}
    port = free_port()
    with server(serve_command(index_dir, port), port, "/?q=council"):
        for name, prefix in (("page", "/?"), ("api", "/api/search?")):
            out[name] = wrk(port, prefix, paths_file, seconds, work / "wrk.lua",
                            CONCURRENCY)
    port = free_port()
    baseline = [sys.executable, "-m", "benchmarks.fts5_app", str(db), str(port)]
    with server(baseline, port, "/api/search?q=council"):
        out["fts5_api"] = wrk(port, "/api/search?", paths_file, seconds, work / "wrk.lua",
                              CONCURRENCY)
    return out


def first_pages(base: str, queries: list[str]) -> list[float]:
    """Seconds to answer each search page, all sent at once (a fresh server: one per thread)."""
    def fetch(query: str) -> float:
        started = time.perf_counter()
        with urllib.request.urlopen(f"{base}/?{query}", timeout=600) as response:
            response.read()
        return time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=len(queries)) as pool:
        return list(pool.map(fetch, queries))


def server_figures(index_dir: Path, code: Path | None, paths_file: Path, seconds: int,
                   work: Path) -> dict[str, Any]:
    """A fresh server's first pages, then wrk on the search page and the API, then memory."""
    queries = paths_file.read_text().split()
    port = free_port()
    with server(serve_command(index_dir, port), port, "/help", code=code,
                log=work / "server.log") as process:
        started = memory_mb(process.pid)
        first = first_pages(f"http://127.0.0.1:{port}", queries[-CONCURRENCY:])
        out: dict[str, Any] = {"first_pages_s": {"median": statistics.median(first),
                                                 "max": max(first)}}
        for name, prefix in (("page", "/?"), ("api", "/api/search?")):
            out[name] = wrk(port, prefix, paths_file, seconds, work / "wrk.lua",
                            CONCURRENCY)
        out["memory_mb"] = {"ready": started, "after": memory_mb(process.pid)}
    return out


def report(figures: dict[str, dict[str, Any]]) -> str:
    """The figures of each server as a markdown table, one column per code."""
    names = list(figures)
    rows = [
        ("first 8 search pages at once: median / slowest (s)",
         lambda f: f"{f['first_pages_s']['median']:.2f} / {f['first_pages_s']['max']:.2f}"),
        ("search pages/s (wrk, c=8)", lambda f: f"{f['page']['requests_per_second']:.2f}"),
        ("↳ median / p99 (ms)", lambda f: f"{f['page']['latency_median_ms']:,.0f} / "
                                          f"{f['page']['latency_p99_ms']:,.0f}"),
        ("API searches/s (wrk, c=8)", lambda f: f"{f['api']['requests_per_second']:.2f}"),
        ("↳ median / p99 (ms)", lambda f: f"{f['api']['latency_median_ms']:,.0f} / "
                                          f"{f['api']['latency_p99_ms']:,.0f}"),
        ("errors (non-2xx, socket)", lambda f: f"{f['page']['non_2xx'] + f['api']['non_2xx']:.0f}"
                                               f", {f['page']['socket_errors'] + f['api']['socket_errors']:.0f}"),
        ("server memory when ready: anonymous + file-backed (MB)",
         lambda f: f"{f['memory_mb']['ready']['anonymous']:,.0f} + "
                   f"{f['memory_mb']['ready']['file']:,.0f}"),
        ("server memory after the load: anonymous + file-backed (MB)",
         lambda f: f"{f['memory_mb']['after']['anonymous']:,.0f} + "
                   f"{f['memory_mb']['after']['file']:,.0f}"),
        ("server peak resident memory (MB)", lambda f: f"{f['memory_mb']['after']['peak']:,.0f}"),
    ]
    lines = ["| figure | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    lines += [f"| {label} | " + " | ".join(cell(figures[n]) for n in names) + " |"
              for label, cell in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.web",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="the index to serve")
    parser.add_argument("--baseline", type=Path,
                        help="a folder with other code (search_service, templates) to serve "
                             "the same index with first, for a before/after in one run")
    parser.add_argument("--seconds", type=int, default=15, help="wrk's load per endpoint")
    parser.add_argument("--queries", type=int, default=20_000, help="distinct queries")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk (Debian)")
    work = Path(tempfile.mkdtemp(prefix="web-"))
    paths_file = work / "queries.txt"
    paths_file.write_text("\n".join(web_queries(args.queries)) + "\n")
    codes = {"baseline": args.baseline.resolve()} if args.baseline else {}
    codes["this checkout"] = None
    figures = {}
    for name, code in codes.items():
        figures[name] = server_figures(args.index, code, paths_file, args.seconds, work)
        print(f"{name}: {figures[name]}", file=sys.stderr)
    print(report(figures))


if __name__ == "__main__":
    main()
