"""Load the production server with wrk: requests per second, latency, errors and memory.

`wrk` (Debian package `wrk`) drives `search-service serve` (waitress) on 127.0.0.1 with a mix of
search pages, API searches, feeds, passage and meeting pages; an indexer run can commit new
minutes into the index meanwhile. `tests/test_load.py` runs it for a few seconds, `python -m
benchmarks.load` for a minute and `benchmarks/web.py` per endpoint.
"""
from __future__ import annotations

import re
import subprocess
import threading
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from search_service.engine.choice import engine_of, store_module

from .crash import indexer_command
from .queries import web_queries
from .server import free_port, memory_mb, serve_command, server

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
# Seconds of load warming the server up before its memory is read again.
WARM_UP_SECONDS = 5
# Of every 20 requests: 8 search pages, 8 API searches, 1 feed, 2 passages, 1 meeting.
MIX = ("page",) * 8 + ("api",) * 8 + ("feed", "passage", "passage api", "meeting")


def wrk(port: int, prefix: str, paths_file: Path, seconds: int, script_file: Path,
        concurrency: int) -> dict[str, float]:
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


def request_paths(index_dir: Path, count: int) -> list[str]:
    """`count` request paths in the mix, over distinct queries and real passage ids."""
    store = store_module(engine_of(index_dir))
    passages = list(islice(store.stored_passages(store.open_index(index_dir)), 200))
    queries = web_queries(count)
    paths = []
    for n, query in enumerate(queries):
        kind = MIX[n % len(MIX)]
        passage = passages[n % len(passages)]
        paths.append({"page": f"/?{query}", "api": f"/api/search?{query}",
                      "feed": f"/feed.atom?{query}", "passage": f"/passages/{passage['id']}",
                      "passage api": f"/api/passages/{passage['id']}",
                      "meeting": f"/meetings/{passage['meeting_id']}"}[kind])
    return paths


@dataclass
class LoadReport:
    """The figures of one load run."""

    seconds: int
    concurrency: int
    result: dict[str, float] = field(default_factory=dict)
    memory_mb: dict[str, dict[str, float]] = field(default_factory=dict)  # see server.memory_mb
    indexer: str = ""
    tracebacks: int = 0

    @property
    def errors(self) -> int:
        """Answers that were not 2xx, and requests that got no answer."""
        return int(self.result["non_2xx"] + self.result["socket_errors"])

    def summary(self) -> str:
        """The figures as printed lines."""
        r, m = self.result, self.memory_mb
        lines = [
            f"load: {self.seconds} s at concurrency {self.concurrency} (waitress)",
            f"requests: {r['requests']:.0f}, {r['requests_per_second']:.1f} req/s, "
            f"p50 {r['latency_median_ms']:.0f} ms, p99 {r['latency_p99_ms']:.0f} ms",
            f"errors: {self.errors} (non-2xx {r['non_2xx']:.0f}, socket "
            f"{r['socket_errors']:.0f}); tracebacks in the server log: {self.tracebacks}",
            "server memory (anonymous + file-backed, MB): "
            + ", ".join(f"{m[at]['anonymous']:.0f} + {m[at]['file']:.0f} {label}"
                        for at, label in (("start", "after start-up"), ("warm", "after warm-up"),
                                          ("after", "after the load")))
            + f" ({m['after']['rss'] - m['warm']['rss']:+.1f} MB: anonymous "
              f"{m['after']['anonymous'] - m['warm']['anonymous']:+.1f}, file-backed "
              f"{m['after']['file'] - m['warm']['file']:+.1f}); peak {m['after']['peak']:.0f} MB"]
        if self.indexer:
            lines.append(f"indexer during the load: {self.indexer}")
        return "\n".join(lines)


def load_run(index_dir: Path, work: Path, seconds: int, concurrency: int,
             new_minutes: Path | None = None, warm_up: int = WARM_UP_SECONDS) -> LoadReport:
    """Serve `index_dir` with waitress and load it with wrk; index `new_minutes` meanwhile."""
    work.mkdir(parents=True, exist_ok=True)
    paths_file = work / "paths.txt"
    paths_file.write_text("\n".join(request_paths(index_dir, 2000)) + "\n")
    port = free_port()
    report = LoadReport(seconds, concurrency)
    server_log = work / "server.log"
    with server(serve_command(index_dir, port), port, "/help", log=server_log) as process:
        report.memory_mb["start"] = memory_mb(process.pid)
        wrk(port, "", paths_file, warm_up, work / "wrk.lua", concurrency)
        report.memory_mb["warm"] = memory_mb(process.pid)
        indexer = None
        if new_minutes:
            indexer = threading.Thread(target=_index_during_load,
                                       args=(index_dir, new_minutes, report))
            indexer.start()
        report.result = wrk(port, "", paths_file, seconds, work / "wrk.lua", concurrency)
        if indexer:
            indexer.join()
        report.memory_mb["after"] = memory_mb(process.pid)
    report.tracebacks = server_log.read_text().count("Traceback")
    return report


def _index_during_load(index_dir: Path, new_minutes: Path, report: LoadReport) -> None:
    """An indexer run with a commit every few documents, as a cron job would start one."""
    done = subprocess.run(indexer_command(index_dir, new_minutes, commit_every=20),
                          capture_output=True, text=True)
    files = len(list(new_minutes.glob("*.jsonl")))
    report.indexer = ("completed" if done.returncode == 0 else
                      f"FAILED ({done.stderr.strip()[-300:]})") + f" over {files} files"
