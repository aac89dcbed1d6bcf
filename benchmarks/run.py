"""The benchmark: build, re-index, size, memory, query latency and web load, Whoosh beside FTS5
(and with `--engine xapian` Xapian local, with `--shards 2` Xapian over two served shards).

    python -m benchmarks.run --scale 100k --out benchmarks/results/100k.json
    python -m benchmarks.run --scale 100k --engine whoosh --engine xapian --shards 2 --out ...

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
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.support.generate import CorpusInfo, parse_scale, write_corpus
from tests.support.queries import web_queries

from . import shards as sharding
from .web import load_test

log = logging.getLogger(__name__)

CHANGED = 0.01
WEB_QUERIES = 20_000
ENGINES = ("whoosh", "xapian")
# The columns of the table, in order: figures key -> heading ({shards}: how many).
COLUMNS = {"whoosh": "Whoosh", "baseline": "Whoosh baseline", "xapian": "Xapian local",
           "xapian_shards": "Xapian {shards} shards", "fts5": "SQLite FTS5"}


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
            baseline: Path | None = None, engines: tuple[str, ...] = ("whoosh",),
            shards: int = 1) -> dict[str, Any]:
    """Every figure of one benchmark run; `save` is called with the figures after each step.
    `engines` are the service's engines to measure (beside FTS5); `shards` over 1 also measures
    Xapian over that many shards served on this machine."""
    figures: dict[str, Any] = {"scale": passages, "seed": seed, "machine": {
        "cpus": os.cpu_count(), "python": platform.python_version(),
        "load_at_start": os.getloadavg()}}
    started = time.perf_counter()
    base, info = corpus(work, passages, seed, 0.0)
    changed, changed_info = corpus(work, passages, seed, CHANGED)
    figures["corpus"] = info.__dict__ | {"changed_documents": changed_info.changed,
                                         "generate_seconds": time.perf_counter() - started}
    # (figures key, phases step prefix, index, code)
    runs = [(engine, engine, work / engine, REPO) for engine in engines]
    runs.append(("fts5", "fts5", work / "fts5.db", REPO))
    if baseline:
        figures["baseline_code"] = str(baseline)
        runs.insert(1, ("baseline", "whoosh", work / "whoosh-baseline", baseline))
    for path in [work / "whoosh", work / "whoosh-baseline", work / "xapian",
                 work / "xapian-shards"]:
        shutil.rmtree(path, ignore_errors=True)
    for path in work.glob("fts5.db*"):
        path.unlink()
    for engine, step, target, code in runs:
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
    if shards > 1:
        figures["shards"], figures["xapian_shards"] = shards, {}
        measure_shards(work, base, changed, passages, seed, shards, figures["xapian_shards"],
                       lambda: save(figures))
    if web_seconds and "whoosh" in engines:
        paths = work / "web-queries.txt"
        paths.write_text("\n".join(web_queries(WEB_QUERIES)) + "\n")
        log.info("web load, %d s per server", web_seconds)
        figures["web"] = load_test(work / "whoosh", work / "fts5.db", paths, web_seconds, work)
    figures["machine"]["load_at_end"] = os.getloadavg()
    figures["total_seconds"] = time.perf_counter() - started
    save(figures)
    return figures


def measure_shards(work: Path, base: Path, changed: Path, passages: int, seed: int, shards: int,
                   figures: dict[str, Any], save: Callable[[], None]) -> None:
    """Xapian over `shards` shards split by council, into `figures`: each shard's build and
    incremental run, one after the other, then the query mix through a stub of the served
    shards; `save` after each step."""
    folder = work / "xapian-shards"
    dealt = sharding.deal_councils(base, shards)
    corpora = {name: sharding.split_corpus(path, dealt, folder / f"corpus-{name}")
               for name, path in (("base", base), ("changed", changed))}
    indexes = [folder / f"index-{shard}" for shard in range(shards)]
    figures["councils_per_shard"] = [Counter(dealt.values())[shard] for shard in range(shards)]
    log.info("xapian, %d shards: full build", shards)
    figures["build"] = sharding.build(run_step, indexes, corpora["base"])
    figures["size_mb"] = sum(disk_mb(index) for index in indexes)
    save()
    log.info("xapian, %d shards: incremental run", shards)
    figures["incremental"] = sharding.build(run_step, indexes, corpora["changed"])
    save()
    log.info("xapian, %d shards: queries through a stub", shards)
    figures["queries"] = sharding.queries(run_step, indexes, folder / "shards.stub", passages,
                                          seed)


Cells = dict[str, Any]  # engine -> a figure, a (median, p95) pair or None


def rows(figures: dict[str, Any]) -> list[tuple[str, Cells]]:
    """The table: each figure of each engine measured so far (None where not, or not yet)."""
    engines = [name for name in COLUMNS if name in figures]

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
    for stat in ("median", "p95"):
        out.append((f"query {stat}, no facets (ms)",
                    each(lambda e, stat=stat: e["queries"]["no_facets"][stat])))
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
    """The figures measured so far as a markdown table, one column an engine, with the
    Whoosh/FTS5 ratios."""
    total = (f"total {figures['total_seconds']:.0f} s" if "total_seconds" in figures
             else "incomplete run: figures of the steps done so far")
    head = (f"Scale {figures['scale']:,} passages (seed {figures['seed']}, "
            f"{figures['corpus']['documents']:,} documents, "
            f"{figures['corpus']['changed_documents']} changed for the incremental run); "
            f"{total}\n\n")
    if "baseline" in figures:
        head += f"Baseline: the code in {figures['baseline_code']}, built in the same run.\n\n"
    if "shards" in figures:
        head += (f"Xapian {figures['shards']} shards: the corpus split by council, each shard "
                 f"built in turn (build and incremental figures summed over the shards) and "
                 f"served by xapian-tcpsrv on 127.0.0.1 of this machine, searched through a "
                 f"stub file.\n\n")
    columns = [name for name in COLUMNS if name in figures]
    ratios = [name for name in ("whoosh", "baseline") if name in columns and "fts5" in columns]
    headings = [COLUMNS[name].format(shards=figures.get("shards")) for name in columns]
    headings += [f"{COLUMNS[name]} ÷ FTS5" for name in ratios]
    lines = [f"| figure | {' | '.join(headings)} |", "|---|" + "---:|" * len(headings)]
    for name, cells in rows(figures):
        label = name.strip() if not name.startswith("  ") else "↳ " + name.strip()
        values = [_cell(cells.get(column)) for column in columns]
        values += [_ratio(cells.get(column), cells.get("fts5")) for column in ratios]
        lines.append(f"| {label} | {' | '.join(values)} |")
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
    parser.add_argument("--engine", action="append", choices=ENGINES, default=None,
                        help="the service's engine to measure, repeatable (default: whoosh); "
                             "e.g. --engine whoosh --engine xapian for both side by side")
    parser.add_argument("--shards", type=int, default=1,
                        help="also measure Xapian over this many shards (split by council, "
                             "served by xapian-tcpsrv on 127.0.0.1, searched through a stub)")
    args = parser.parse_args(argv)
    if args.shards < 1:
        parser.error("--shards must be 1 or more")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        passages = parse_scale(args.scale)
    except ValueError as exc:
        parser.error(str(exc))
    work = args.work or Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        figures = measure(passages, args.seed, work, args.web_seconds,
                          lambda figures: write_figures(args.out, figures), args.baseline,
                          tuple(dict.fromkeys(args.engine or ["whoosh"])), args.shards)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(markdown(figures))


if __name__ == "__main__":
    main()
