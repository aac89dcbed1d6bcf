"""Kill the indexer with SIGKILL at random moments and prove the index survives every kill.

    python -m benchmarks.crash_kill --kills 20 [--passages 10k] [--commit-every 100] [--seed 1]

Two versions of a generated corpus (the second rewrites about half of the documents) are indexed
in turn into one index, as a cron job would, and each indexer process is killed with SIGKILL at a
random moment within the time an uninterrupted run takes. After every kill:

- the index opens and answers a search;
- every document in it holds exactly the passages of the version its recorded hash names
  (no half-written document, no passage without its document);
- no lock is left held: the next run takes the run lock and Whoosh's write lock at once.

A last run then completes, and its index must equal an uninterrupted run over the same corpus,
passage id for passage id and stored-content hash for stored-content hash. Prints the figures.
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

from tests.support.crash import crash_run
from tests.support.generate import parse_scale


def main(argv: list[str] | None = None) -> None:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.crash_kill",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLs to survive")
    parser.add_argument("--passages", default="10k", help="corpus size (about; 10k, 50k)")
    parser.add_argument("--commit-every", type=int, default=100,
                        help="documents per commit in the killed runs")
    parser.add_argument("--seed", type=int, default=1, help="corpus and kill moments")
    parser.add_argument("--work", type=Path, help="working folder (default: a new temp folder)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.work is None:
        args.work = Path(tempfile.mkdtemp(prefix="crash-kill-"))
    started = time.perf_counter()
    report = crash_run(args.work, args.kills, parse_scale(args.passages), args.commit_every,
                       args.seed)
    print(report.summary())
    print(f"took {time.perf_counter() - started:.0f} s; work folder {args.work}")
    sys.exit(1 if report.failures or report.survived < report.kills else 0)


if __name__ == "__main__":
    main()
