"""The checks that need the labelled real pages of ../shared/corpus, kept out of the test suite
(which holds only the user's seed and text this project wrote); `.ci/run` runs them after the
tests when that corpus is there.

    python -m benchmarks.corpus_checks [CORPUS]      (default: ../shared/corpus)

Prints the splitter's figures on each labelled set (the last line of `search-service evaluate
SET`) and the search's on all of them (`search-service evaluate-search SET...`, when a set has
searches), then checks that the pages in FULL_MARKS split exactly as labelled; exits 1 when one
does not or the search could not be scored, with a message when a set cannot be read.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from search_service.evaluate import (CorpusError, DocumentScore, EvaluationReport, evaluate_corpus,
                                     format_report)

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# Pages split exactly as labelled since the evaluation was written (they were its tests' corpus):
# bullets with an answer between them (d005), lettered points some of which answer questions
# (d035), and the user's seed.
FULL_MARKS = {"dev": ("d005", "d035", "seed")}


def labelled_sets(corpus: Path) -> list[Path]:
    """The labelled sets in `corpus`: its folders with a labels/ folder, by name."""
    return sorted(labels.parent for labels in corpus.glob("*/labels"))


def is_full_marks(score: DocumentScore) -> bool:
    """Every unit covered with its kind, its question and answer split right, none merged."""
    return (score.covered == score.kind_ok == score.units and score.split_ok == score.splits
            and score.merged == 0)


def full_marks_failures(name: str, report: EvaluationReport) -> list[str]:
    """The pages of set `name` that FULL_MARKS names and that do not split as labelled."""
    scores = {score.name: score for score in report.documents}
    failures = []
    for page in FULL_MARKS.get(name, ()):
        if page not in scores:
            failures.append(f"{name}/{page}: not in the set")
        elif not is_full_marks(scores[page]):
            failures.append(f"{name}/{page}: not split as labelled")
    return failures


def search_figures(sets: list[Path]) -> tuple[str, bool]:
    """The last line of `search-service evaluate-search` over the sets (or of its error), and
    whether it ran."""
    done = subprocess.run([sys.executable, "-m", "search_service", "evaluate-search",
                           *map(str, sets)], capture_output=True, text=True)
    lines = (done.stdout if done.returncode == 0 else done.stderr).strip().splitlines()
    return (lines or ["no output"])[-1], done.returncode == 0


def main(argv: list[str] | None = None) -> None:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus_checks",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS,
                        help="folder of labelled sets (docs/ + labels/ each)")
    args = parser.parse_args(argv)
    sets = labelled_sets(args.corpus)
    if not sets:
        sys.exit(f"{args.corpus}: no labelled sets (folders with docs/ and labels/)")
    failures = []
    for folder in sets:
        try:
            report = evaluate_corpus(folder)
        except CorpusError as exc:
            sys.exit(str(exc))
        print(f"splitter, {folder.name}: {format_report(report, verbose=False).splitlines()[-1]}")
        failures += full_marks_failures(folder.name, report)
    if any((folder / "queries.json").exists() for folder in sets):
        figures, ran = search_figures(sets)
        print(f"search, {' + '.join(folder.name for folder in sets)}: {figures}")
        failures += [] if ran else ["evaluate-search did not run"]
    for failure in failures:
        print(f"FAILED {failure}")
    print(f"pages that must split as labelled: {sum(map(len, FULL_MARKS.values()))}, "
          f"{len(failures)} do not")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
