"""The benchmark's query mix on an existing Xapian index (folder or stub file), this checkout's
code beside a baseline checkout's, in one run: no rebuild.

    python -m benchmarks.compare_queries --index DIR --passages 1m --baseline CODE_DIR \
        [--baseline-index DIR] [--rounds 2] [--out FILE.md]

Each round runs `benchmarks.phases xapian-queries` (wall time of the mix with every facet count,
then without) once with the baseline's code and once with this one's, each in its own process,
alternating, so that the load of a shared machine falls on both alike. A figure is the median of
its rounds. The baseline is any checkout holding `search_service`, `benchmarks`, `tests` and
`templates` (e.g. `git archive COMMIT search_service benchmarks tests templates | tar -x -C DIR`);
`--baseline-index` gives it an index of its own (of the same passages) when the layout changed.
"""
from __future__ import annotations

import argparse
import resource
import statistics
from pathlib import Path
from typing import Any

from tests.support.generate import parse_scale

from .run import REPO, run_step

CODES = ("baseline", "this")


def rounds(indexes: tuple[Path, Path], passages: int, seed: int, baseline: Path,
           count: int) -> dict[str, list[dict[str, Any]]]:
    """The figures of each round, by code (the baseline's on the first index)."""
    figures: dict[str, list[dict[str, Any]]] = {code: [] for code in CODES}
    for _ in range(count):
        for code, folder, index in zip(CODES, (baseline, REPO), indexes):
            before = _children_cpu()
            step = run_step("xapian-queries", str(index), str(passages), str(seed), code=folder)
            figures[code].append(step | {"cpu_s": _children_cpu() - before})
    return figures


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children: a step's CPU time,
    less sensitive than wall time to other work on a shared machine."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def rows(figures: dict[str, list[dict[str, Any]]]) -> list[tuple[str, list[float]]]:
    """(label, [baseline, this]) for the overall figures and each category's median / p95."""
    def each(read: Any) -> list[float]:
        return [statistics.median(read(one) for one in figures[code]) for code in CODES]

    out = [(f"all facets, {stat}", each(lambda one, stat=stat: one["all"][stat]))
           for stat in ("median", "p95", "p99")]
    out += [(f"no facets, {stat}", each(lambda one, stat=stat: one["no_facets"][stat]))
            for stat in ("median", "p95")]
    out.append(("first query after open", each(lambda one: one["first_query_ms"])))
    out.append(("CPU of the whole step: open, warm-up, both mixes (s)",
                each(lambda one: one["cpu_s"])))
    for name in figures[CODES[0]][0]["categories"]:
        for stat in ("median", "p95"):
            out.append((f"↳ {name}, {stat}",
                        each(lambda one, name=name, stat=stat: one["categories"][name][stat])))
    return out


def markdown(figures: dict[str, list[dict[str, Any]]], title: str) -> str:
    """The side-by-side table (ms)."""
    lines = [title, "", "| query latency (ms; CPU in s) | baseline | this | ratio |", "|---|---:|---:|---:|"]
    for label, (old, new) in rows(figures):
        lines.append(f"| {label} | {old:,.0f} | {new:,.0f} | {new / old:.2f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """The command line: print the table, and write it to `--out` when given."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare_queries",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True, help="the Xapian index or stub")
    parser.add_argument("--passages", default="1m", help="the scale the mix is drawn for")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated corpus")
    parser.add_argument("--baseline", type=Path, required=True, help="the other code's folder")
    parser.add_argument("--baseline-index", type=Path,
                        help="the baseline's own index (default: --index)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each code, alternating")
    parser.add_argument("--out", type=Path, help="write the markdown table here too")
    args = parser.parse_args(argv)
    indexes = ((args.baseline_index or args.index).resolve(), args.index.resolve())
    figures = rounds(indexes, parse_scale(args.passages), args.seed, args.baseline.resolve(),
                     args.rounds)
    table = markdown(figures, f"Xapian query mix on {indexes[1]} (baseline: {indexes[0]}; "
                              f"{args.passages} passages, seed {args.seed}), {args.rounds} "
                              f"rounds, median of rounds")
    print(table)
    if args.out:
        args.out.write_text(table)


if __name__ == "__main__":
    main()
