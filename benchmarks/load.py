"""Load the production server with wrk: requests per second, latency, errors and memory.

    python -m benchmarks.load [--seconds 60] [--concurrency 32] [--passages 20k] [--index DIR]
                              [--with-indexer]

`search-service serve` (waitress) answers a mix of search pages, API searches, feeds, passage
and meeting pages from wrk (Debian package `wrk`) on 127.0.0.1. Every answer must be a 2xx:
any other status or socket error is an error. The server's resident memory is read after
start-up, after a warm-up run and after the load, to show it does not grow. With
`--with-indexer` an indexer run commits new minutes into the index throughout the load.
"""
from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from search_service.schema import PASSAGE
from search_service.store import open_index

from .crash_kill import indexer_command
from .generate import parse_scale, write_corpus
from .queries import web_queries
from .web import free_port, memory_mb, serve_command, server, wrk

log = logging.getLogger(__name__)

WARM_UP_SECONDS = 5
# Of every 20 requests: 8 search pages, 8 API searches, 1 feed, 2 passages, 1 meeting.
MIX = ("page",) * 8 + ("api",) * 8 + ("feed", "passage", "passage api", "meeting")


def request_paths(index_dir: Path, count: int) -> list[str]:
    """`count` request paths in the mix, over distinct queries and real passage ids."""
    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        passages = [fields for fields in searcher.documents(record=PASSAGE)][:200]
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
    memory_mb: dict[str, dict[str, float]] = field(default_factory=dict)  # see web.memory_mb
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
            f"server memory (anonymous + file-backed, MB): "
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


def main(argv: list[str] | None = None) -> None:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the load")
    parser.add_argument("--concurrency", type=int, default=32, help="open connections")
    parser.add_argument("--passages", default="20k", help="size of the generated index")
    parser.add_argument("--index", type=Path, help="an existing index to serve instead")
    parser.add_argument("--with-indexer", action="store_true",
                        help="index new minutes into the index during the load")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="load-"))
    index_dir = args.index
    if index_dir is None:
        index_dir = work / "index"
        write_corpus(work / "corpus", parse_scale(args.passages))
        subprocess.run(indexer_command(index_dir, work / "corpus", commit_every=500), check=True)
    new_minutes = None
    if args.with_indexer:
        new_minutes = work / "new-minutes"
        write_corpus(new_minutes, parse_scale(args.passages) // 10, seed=99)
        for part in new_minutes.glob("*.jsonl"):  # URLs of their own, not the served ones
            part.write_text(part.read_text().replace("mgAi.aspx?ID=", "mgAi.aspx?New=1&ID="))
    report = load_run(index_dir, work, args.seconds, args.concurrency, new_minutes)
    print(report.summary())
    sys.exit(1 if report.errors or report.tracebacks else 0)


if __name__ == "__main__":
    main()
