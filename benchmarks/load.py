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
from pathlib import Path

from tests.support.crash import indexer_command
from tests.support.generate import parse_scale, write_corpus
from tests.support.load import load_run


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
