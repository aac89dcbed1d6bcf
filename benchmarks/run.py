"""The benchmark: build, re-index, size, memory, query latency and web load, Whoosh beside FTS5.

    python -m benchmarks.run --scale 100k --out benchmarks/results/100k.json

prints a table and writes the figures as JSON (`--out`) and as a markdown table (same name,
`.md`). Every figure of the service is printed beside SQLite FTS5's from the same run, with
their ratio. See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .generate import CorpusInfo, parse_scale, write_corpus
from .queries import web_queries
from .web import load_test

log = logging.getLogger(__name__)

CHANGED = 0.01
WEB_QUERIES = 20_000


def run_step(*args: str) -> dict[str, Any]:
    """Run one step of benchmarks.phases in its own process; its figures."""
    command = [sys.executable, "-m", "benchmarks.phases", *args]
    done = subprocess.run(command, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1])
    if done.returncode:
        raise RuntimeError(f"step {' '.join(args)} failed:\n{done.stderr[-4000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    if figures.get("errors"):
        raise RuntimeError(f"step {' '.join(args)} met errors: {figures['errors']}")
    return figures


def disk_mb(path: Path) -> float:
    """Size on disk of a file or folder, in MB."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def corpus(work: Path, passages: int, seed: int, changed: float) -> tuple[Path, CorpusInfo]:
    """Generate (or reuse) the corpus file of this scale, seed and change."""
    path = work / f"corpus-{passages}-{seed}-{changed}"
    info_path = path.with_suffix(".info.json")
    if path.exists() and info_path.exists():
        return path, CorpusInfo(**json.loads(info_path.read_text()))
    info = write_corpus(path, passages, seed, changed)
    info_path.write_text(json.dumps(info.__dict__))
    return path, info


def measure(passages: int, seed: int, work: Path, web_seconds: int) -> dict[str, Any]:
    """Every figure of one benchmark run."""
    figures: dict[str, Any] = {"scale": passages, "seed": seed, "machine": {
        "cpus": os.cpu_count(), "python": platform.python_version()}}
    started = time.perf_counter()
    base, info = corpus(work, passages, seed, 0.0)
    changed, changed_info = corpus(work, passages, seed, CHANGED)
    figures["corpus"] = info.__dict__ | {"changed_documents": changed_info.changed,
                                         "generate_seconds": time.perf_counter() - started}
    index_dir, db = work / "whoosh", work / "fts5.db"
    shutil.rmtree(index_dir, ignore_errors=True)
    for path in work.glob("fts5.db*"):
        path.unlink()
    for engine, target in (("whoosh", index_dir), ("fts5", db)):
        log.info("%s: full build", engine)
        build = run_step(f"{engine}-index", str(target), str(base))
        size = disk_mb(target)
        log.info("%s: incremental run, %d documents changed", engine, changed_info.changed)
        again = run_step(f"{engine}-index", str(target), str(changed))
        log.info("%s: queries", engine)
        queries = run_step(f"{engine}-queries", str(target), str(passages), str(seed))
        figures[engine] = {"build": build, "size_mb": size, "incremental": again,
                           "queries": queries}
    if web_seconds:
        paths = work / "web-queries.txt"
        paths.write_text("\n".join(web_queries(WEB_QUERIES)) + "\n")
        log.info("web load, %d s per server", web_seconds)
        figures["web"] = load_test(index_dir, db, paths, web_seconds, work)
    figures["total_seconds"] = time.perf_counter() - started
    return figures


def rows(figures: dict[str, Any]) -> list[tuple[str, float | None, float | None]]:
    """The table: (figure, Whoosh, FTS5)."""
    w, f = figures["whoosh"], figures["fts5"]
    out = [
        ("passages indexed", w["build"]["passages"], f["build"]["passages"]),
        ("full build (s)", w["build"]["seconds"], f["build"]["seconds"]),
        ("full build (passages/s)", w["build"]["passages"] / w["build"]["seconds"],
         f["build"]["passages"] / f["build"]["seconds"]),
        ("  of which read + split (passages/s, same splitter)", None,
         f["build"]["passages"] / f["build"]["split_seconds"]),
        ("1% incremental run (s)", w["incremental"]["seconds"], f["incremental"]["seconds"]),
        ("index size (MB)", w["size_mb"], f["size_mb"]),
        ("indexer peak memory (MB)", max(w["build"]["peak_mb"], w["incremental"]["peak_mb"]),
         max(f["build"]["peak_mb"], f["incremental"]["peak_mb"])),
        ("searcher peak memory (MB)", w["queries"]["peak_mb"], f["queries"]["peak_mb"]),
        ("open searcher (ms)", w["queries"]["open_ms"], f["queries"]["open_ms"]),
        ("first query after open (ms)", w["queries"]["first_query_ms"],
         f["queries"]["first_query_ms"]),
    ]
    for stat in ("median", "p95", "p99"):
        out.append((f"query {stat}, all facets (ms)", w["queries"]["all"][stat],
                    f["queries"]["all"][stat]))
    for name, stats in w["queries"]["categories"].items():
        other = f["queries"]["categories"][name]
        out.append((f"  {name}: median / p95 (ms)", (stats["median"], stats["p95"]),
                    (other["median"], other["p95"])))
    if "web" in figures:
        web = figures["web"]
        out += [("web search page (pages/s, c=8)", web["page"]["requests_per_second"],
                 web["fts5_api"]["requests_per_second"]),
                ("web JSON API (requests/s, c=8)", web["api"]["requests_per_second"],
                 web["fts5_api"]["requests_per_second"]),
                ("web API latency median (ms)", web["api"]["latency_median_ms"],
                 web["fts5_api"]["latency_median_ms"])]
    return out


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, tuple):
        return " / ".join(_cell(v) for v in value)
    if isinstance(value, int) or value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _ratio(whoosh: Any, fts: Any) -> str:
    if isinstance(whoosh, tuple):
        whoosh, fts = whoosh[0], fts[0]
    if whoosh is None or not fts:
        return "–"
    return f"{whoosh / fts:.2f}×"


def markdown(figures: dict[str, Any]) -> str:
    """The figures as a markdown table with the Whoosh/FTS5 ratio."""
    head = (f"Scale {figures['scale']:,} passages (seed {figures['seed']}, "
            f"{figures['corpus']['documents']:,} documents, "
            f"{figures['corpus']['changed_documents']} changed for the incremental run); "
            f"total {figures['total_seconds']:.0f} s\n\n")
    lines = ["| figure | Whoosh | SQLite FTS5 | Whoosh ÷ FTS5 |", "|---|---:|---:|---:|"]
    lines += [f"| {name.strip() if not name.startswith('  ') else '↳ ' + name.strip()} | "
              f"{_cell(w)} | {_cell(f)} | {_ratio(w, f)} |" for name, w, f in rows(figures)]
    return head + "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """The command line: run the benchmark at one scale and write its figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default="10k", help="passages: 10k, 100k, 1m or a number")
    parser.add_argument("--out", type=Path, required=True,
                        help="JSON file for the figures; a .md table is written beside it")
    parser.add_argument("--work", type=Path, default=None,
                        help="folder for the corpus and indexes (default: a temporary folder, "
                             "removed afterwards); a corpus already there is reused")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated corpus")
    parser.add_argument("--web-seconds", type=int, default=20,
                        help="seconds of load per web server; 0 skips the web test")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        passages = parse_scale(args.scale)
    except ValueError as exc:
        parser.error(str(exc))
    work = args.work or Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        figures = measure(passages, args.seed, work, args.web_seconds)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=1) + "\n")
    table = markdown(figures)
    args.out.with_suffix(".md").write_text(table)
    print(table)


if __name__ == "__main__":
    main()
