"""Write a generated corpus of minutes (the generator is `tests/support/generate.py`).

    python -m benchmarks.generate --passages 100k OUT_FOLDER
"""
from __future__ import annotations

import argparse
from pathlib import Path

from tests.support.generate import parse_scale, write_corpus


def main(argv: list[str] | None = None) -> None:
    """The command line: write one corpus."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate",
                                     description="Write a generated corpus of minutes (.jsonl).")
    parser.add_argument("out", type=Path, help="the folder of .jsonl files to write")
    parser.add_argument("--passages", default="10k", help="about how many passages (10k, 1m)")
    parser.add_argument("--seed", type=int, default=7, help="the same seed gives the same corpus")
    parser.add_argument("--changed", type=float, default=0.0,
                        help="share of documents rewritten, for an incremental run (0.01)")
    args = parser.parse_args(argv)
    try:
        passages = parse_scale(args.passages)
    except ValueError as exc:
        parser.error(str(exc))
    info = write_corpus(args.out, passages, args.seed, args.changed)
    print(f"{args.out}: {info.documents} documents, {info.paragraphs} paragraphs, "
          f"{info.changed} changed, {info.bytes / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
