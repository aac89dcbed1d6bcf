"""The benchmark: build, re-index, size, memory, query latency and web load, Whoosh beside FTS5.

    python -m benchmarks.run --scale 100k --out benchmarks/results/100k.json

prints a table and writes the figures as JSON (`--out`) and as a markdown table (same name,
`.md`), both rewritten as each step completes, so a run stopped midway still reports. Every
figure of the service is printed beside SQLite FTS5's from the same run, with their ratio, and
beside a baseline checkout's (`--baseline DIR`) when one is given. See benchmarks/README.md.
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.support.generate import CorpusInfo, parse_scale, write_corpus
from tests.support.queries import web_queries

from .web import load_test

log = logging.getLogger(__name__)

CHANGED = 0.01
WEB_QUERIES = 20_000


REPO = Path(__file__).resolve().parents[1]
Save = Callable[[dict[str, Any]], None]


def run_step(*args: str, code: Path = REPO) -> dict[str, Any]:
    """Run one step of benchmarks.phases in its own process, with the code in `code`; its
    figures."""
    command = [sys.executable, "-m", "benchmarks.phases", *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=code)
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
    info_path = path.parent / f"{path.name}.info.json"  # not with_suffix: "-0.0" and "-0.01"
    if path.exists() and info_path.exists():
        return path, CorpusInfo(**json.loads(info_path.read_text()))
    info = write_corpus(path, passages, seed, changed)
    info_path.write_text(json.dumps(info.__dict__))
    return path, info


def measure(passages: int, seed: int, work: Path, web_seconds: int, save: Save,
            baseline: Path | None = None) -> dict[str, Any]:
    """Every figure of one benchmark run; `save` is called with the figures after each step."""
    figures: dict[str, Any] = {"scale": passages, "seed": seed, "machine": {
        "cpus": os.cpu_count(), "python": platform.python_version()}}
    started = time.perf_counter()
    base, info = corpus(work, passages, seed, 0.0)
    changed, changed_info = corpus(work, passages, seed, CHANGED)
    figures["corpus"] = info.__dict__ | {"changed_documents": changed_info.changed,
                                         "generate_seconds": time.perf_counter() - started}
    # (figures key, phases step prefix, index, code)
    engines = [("whoosh", "whoosh", work / "whoosh", REPO),
               ("fts5", "fts5", work / "fts5.db", REPO)]
    if baseline:
        figures["baseline_code"] = str(baseline)
        engines.insert(1, ("baseline", "whoosh", work / "whoosh-baseline", baseline))
    for path in [work / "whoosh", work / "whoosh-baseline"]:
        shutil.rmtree(path, ignore_errors=True)
    for path in work.glob("fts5.db*"):
        path.unlink()
    for engine, step, target, code in engines:
        figures[engine] = {}
        log.info("%s: full build", engine)
        figures[engine]["build"] = run_step(f"{step}-index", str(target), str(base), code=code)
        figures[engine]["size_mb"] = disk_mb(target)
        save(figures)
        log.info("%s: incremental run, %d documents changed", engine, changed_info.changed)
        figures[engine]["incremental"] = run_step(f"{step}-index", str(target), str(changed),
                                                  code=code)
        save(figures)
        log.info("%s: queries", engine)
        figures[engine]["queries"] = run_step(f"{step}-queries", str(target), str(passages),
                                              str(seed), code=code)
        save(figures)
    if web_seconds:
        paths = work / "web-queries.txt"
        paths.write_text("\n".join(web_queries(WEB_QUERIES)) + "\n")
        log.info("web load, %d s per server", web_seconds)
        figures["web"] = load_test(work / "whoosh", work / "fts5.db", paths, web_seconds, work)
    figures["total_seconds"] = time.perf_counter() - started
    save(figures)
    return figures


Cells = dict[str, Any]  # engine -> a figure, a (median, p95) pair or None


def rows(figures: dict[str, Any]) -> list[tuple[str, Cells]]:
    """The table: each figure of each engine measured so far (None where not, or not yet)."""
    engines = [name for name in ("whoosh", "baseline", "fts5") if name in figures]

    def each(read: Callable[[dict[str, Any]], Any]) -> Cells:
        cells = {}
        for engine in engines:
            try:
                cells[engine] = read(figures[engine])
            except (KeyError, TypeError, ZeroDivisionError):
                cells[engine] = None
        return cells

    out = [
        ("passages indexed", each(lambda e: e["build"]["passages"])),
        ("full build (s)", each(lambda e: e["build"]["seconds"])),
        ("full build (passages/s)",
         each(lambda e: e["build"]["passages"] / e["build"]["seconds"])),
        ("  of which read + split (passages/s, same splitter)",
         each(lambda e: e["build"]["passages"] / e["build"]["split_seconds"])),
        ("1% incremental run (s)", each(lambda e: e["incremental"]["seconds"])),
        ("index size (MB)", each(lambda e: e["size_mb"])),
        ("indexer peak memory (MB)", each(lambda e: max(e["build"]["peak_mb"],
                                                        e["incremental"]["peak_mb"]))),
        ("searcher peak memory (MB)", each(lambda e: e["queries"]["peak_mb"])),
        ("open searcher (ms)", each(lambda e: e["queries"]["open_ms"])),
        ("first query after open (ms)", each(lambda e: e["queries"]["first_query_ms"])),
    ]
    for stat in ("median", "p95", "p99"):
        out.append((f"query {stat}, all facets (ms)",
                    each(lambda e, stat=stat: e["queries"]["all"][stat])))
    categories = next((figures[e]["queries"]["categories"] for e in engines
                       if "queries" in figures[e]), {})
    for name in categories:
        out.append((f"  {name}: median / p95 (ms)", each(lambda e, name=name: (
            e["queries"]["categories"][name]["median"], e["queries"]["categories"][name]["p95"]))))
    if "web" in figures:
        web = figures["web"]
        fts = web["fts5_api"]
        out += [("web search page (pages/s, c=8)", {"whoosh": web["page"]["requests_per_second"],
                                                   "fts5": fts["requests_per_second"]}),
                ("web JSON API (requests/s, c=8)", {"whoosh": web["api"]["requests_per_second"],
                                                   "fts5": fts["requests_per_second"]}),
                ("web API latency median (ms)", {"whoosh": web["api"]["latency_median_ms"],
                                                 "fts5": fts["latency_median_ms"]})]
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
    if isinstance(whoosh, tuple) and isinstance(fts, tuple):
        whoosh, fts = whoosh[0], fts[0]
    if whoosh is None or not fts or isinstance(whoosh, tuple):
        return "–"
    return f"{whoosh / fts:.2f}×"


def markdown(figures: dict[str, Any]) -> str:
    """The figures measured so far as a markdown table with the Whoosh/FTS5 ratios."""
    total = (f"total {figures['total_seconds']:.0f} s" if "total_seconds" in figures
             else "incomplete run: figures of the steps done so far")
    head = (f"Scale {figures['scale']:,} passages (seed {figures['seed']}, "
            f"{figures['corpus']['documents']:,} documents, "
            f"{figures['corpus']['changed_documents']} changed for the incremental run); "
            f"{total}\n\n")
    baseline = "baseline" in figures
    if baseline:
        head += f"Baseline: the code in {figures['baseline_code']}, built in the same run.\n\n"
        lines = ["| figure | Whoosh | Whoosh baseline | SQLite FTS5 | Whoosh ÷ FTS5 "
                 "| baseline ÷ FTS5 |", "|---|---:|---:|---:|---:|---:|"]
    else:
        lines = ["| figure | Whoosh | SQLite FTS5 | Whoosh ÷ FTS5 |", "|---|---:|---:|---:|"]
    for name, cells in rows(figures):
        label = name.strip() if not name.startswith("  ") else "↳ " + name.strip()
        w, b, f = cells.get("whoosh"), cells.get("baseline"), cells.get("fts5")
        if baseline:
            lines.append(f"| {label} | {_cell(w)} | {_cell(b)} | {_cell(f)} | {_ratio(w, f)} "
                         f"| {_ratio(b, f)} |")
        else:
            lines.append(f"| {label} | {_cell(w)} | {_cell(f)} | {_ratio(w, f)} |")
    return head + "\n".join(lines) + "\n"


def write_figures(out: Path, figures: dict[str, Any]) -> None:
    """Write the figures as JSON to `out` and as a markdown table beside it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=1) + "\n")
    out.with_suffix(".md").write_text(markdown(figures))


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
    parser.add_argument("--baseline", type=Path, default=None,
                        help="a checkout of other code (e.g. `git worktree add DIR COMMIT`) whose "
                             "Whoosh build, re-index and queries run in the same run, side by side")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        passages = parse_scale(args.scale)
    except ValueError as exc:
        parser.error(str(exc))
    work = args.work or Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        figures = measure(passages, args.seed, work, args.web_seconds,
                          lambda figures: write_figures(args.out, figures), args.baseline)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(markdown(figures))


if __name__ == "__main__":
    main()
