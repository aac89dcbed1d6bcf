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
import logging
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CONCURRENCY = 8
THREADS = 2
# Each wrk thread walks its own half of the query list, so no query is asked twice.
WRK_SCRIPT = """
local paths = {}
for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
local counter = 0
setup = function(thread)
  thread:set("first", counter)
  counter = counter + 1
end
init = function(args) n = first end
request = function()
  n = n + %(threads)d
  return wrk.format("GET", "%(prefix)s" .. paths[(n %% #paths) + 1])
end
"""


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(command: list[str], port: int, ready_path: str, log: Path | None = None,
           code: Path | None = None) -> Iterator[subprocess.Popen]:
    """Run a web server (with the code in `code`, default this checkout) until the block ends;
    wait until `ready_path` answers.

    Its stderr goes to `log` (a temporary file if None): a pipe nobody reads would fill up
    with waitress's queue warnings under load and stall the server.
    """
    with open(log, "w+b") if log else tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, cwd=code)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}",
                                           timeout=60).read()
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        errors.seek(0)
                        raise RuntimeError(f"server {' '.join(command)} did not start: "
                                           f"{errors.read().decode()[-2000:]}") from None
                    time.sleep(0.2)
            yield process
        finally:
            process.terminate()
            process.wait(timeout=30)


def serve_command(index_dir: Path, port: int) -> list[str]:
    """The command line of `search-service serve` over `index_dir` on 127.0.0.1:`port`."""
    return [sys.executable, "-m", "search_service", "serve", "--index", str(Path(index_dir)
                                                                               .resolve()),
            "--host", "127.0.0.1", "--port", str(port)]


@contextmanager
def serve_index(index_dir: Path, log: Path | None = None) -> Iterator[str]:
    """`search-service serve` over `index_dir` on a free port of 127.0.0.1; yields its base URL."""
    port = free_port()
    with server(serve_command(index_dir, port), port, "/help", log=log):
        yield f"http://127.0.0.1:{port}"


def memory_mb(pid: int) -> dict[str, float]:
    """A process's resident memory in MB: all, anonymous, file-backed (mapped index files), and
    its peak."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    status = Path(f"/proc/{pid}/status").read_text()
    peak = int(re.search(r"VmHWM:\s+(\d+)", status)[1]) / 1024
    return {"rss": fields["Rss"], "anonymous": fields["Anonymous"],
            "file": fields["Rss"] - fields["Anonymous"], "peak": peak}


def wrk(port: int, prefix: str, paths_file: Path, seconds: int, script_file: Path,
        concurrency: int = CONCURRENCY) -> dict[str, float]:
    """Requests per second and latency of wrk against `prefix` + each line of `paths_file`.

    A request unanswered after a minute counts as a socket error (wrk's own default is 2 s).
    """
    script_file.write_text(WRK_SCRIPT % {"paths": paths_file, "prefix": prefix,
                                         "threads": THREADS})
    done = subprocess.run(["wrk", f"-t{THREADS}", f"-c{concurrency}", f"-d{seconds}s",
                           "--timeout", "60s", "--latency", "-s", str(script_file),
                           f"http://127.0.0.1:{port}"],
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"wrk failed: {done.stderr or done.stdout}")
    out = done.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                        out)
    return {"requests": int(re.search(r"(\d+) requests in", out)[1]),
            "requests_per_second": rate, "non_2xx": int(errors[1]) if errors else 0,
            "socket_errors": sum(map(int, sockets.groups())) if sockets else 0,
            "latency_median_ms": _ms(re.search(r"50%\s+([\d.]+\w+)", out)[1]),
            "latency_p99_ms": _ms(re.search(r"99%\s+([\d.]+\w+)", out)[1])}


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def load_test(index_dir: Path, db: Path, paths_file: Path, seconds: int, work: Path
              ) -> dict[str, dict[str, float]]:
    """Pages/s of the search page and the API, and of the FTS5 app's API, at concurrency 8."""
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is not installed: apt-get install wrk (Debian)")
    out = {}
    port = free_port()
    with server(serve_command(index_dir, port), port, "/?q=council"):
        for name, prefix in (("page", "/?"), ("api", "/api/search?")):
            out[name] = wrk(port, prefix, paths_file, seconds, work / "wrk.lua")
    port = free_port()
    baseline = [sys.executable, "-m", "benchmarks.fts5_app", str(db), str(port)]
    with server(baseline, port, "/api/search?q=council"):
        out["fts5_api"] = wrk(port, "/api/search?", paths_file, seconds, work / "wrk.lua")
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
            out[name] = wrk(port, prefix, paths_file, seconds, work / "wrk.lua")
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
    from .queries import web_queries

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
