"""How well "asked before" tells questions on the same subject from unrelated ones, measured on
the labelled questions of real minutes (docs/asked-before.md).

Every page of the given corpora is indexed, and each labelled qa unit found as a qa passage is
one question. Every pair of these questions from different meetings is scored with the
similarity the passage page uses; pairs whose questions are in one group of
benchmarks/asked_before_subjects.json (grouped by hand) are on the same subject, all others
not. The script prints precision and recall of showing the pairs at or above each threshold,
then what the passage page shows at SIMILAR_ENOUGH for each question (-v: every pair shown).

    python -m benchmarks.asked_before [-v] ../shared/corpus/dev /tmp/corpus-work

Pages whose host is in docs/holdout-hosts.txt are left out (the untouched test set).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from urllib.parse import urlparse

from search_service import search, similarity
from search_service.engine.reading import SearcherWords
from search_service.engine.store import open_index, stored_passage
from search_service.model import Passage
from search_service.pipeline.indexing import index_paths

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT_HOSTS = ROOT / "docs" / "holdout-hosts.txt"
SUBJECTS = Path(__file__).resolve().parent / "asked_before_subjects.json"
THRESHOLDS = [step / 100 for step in range(0, 51, 5)]


@dataclass(frozen=True)
class Question:
    """A labelled question found as a passage of the index."""

    snippet: str
    passage: Passage
    host: str

    @property
    def text(self) -> str:
        """What the similarity compares: the question part, else the passage's text."""
        return " ".join((self.passage.question or self.passage.text).split())


def fold(text: str) -> str:
    """Text folded for matching snippets: case, curly quotes, dashes and white space."""
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " ")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip().lower()


def held_out() -> set[str]:
    """The hosts of the untouched test set."""
    return set(HOLDOUT_HOSTS.read_text(encoding="utf-8").split())


def pages(corpora: list[Path]) -> Iterator[tuple[dict, Path]]:
    """Every page of the corpora outside the held-out hosts, with its labels file."""
    hosts = held_out()
    for corpus in corpora:
        for path in sorted((corpus / "docs").glob("*.json")):
            page = json.loads(path.read_text(encoding="utf-8"))
            if urlparse(page["url"]).hostname not in hosts:
                yield page, corpus / "labels" / path.name


def index_pages(corpora: list[Path], index_dir: Path) -> None:
    """Index every page as score_search.py does: one JSON line each, the host as council."""
    lines = [json.dumps({"url": page["url"], "council": urlparse(page["url"]).hostname,
                         "text": page["text"]}) for page, _ in pages(corpora)]
    jsonl = index_dir.parent / "pages.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = index_paths(index_dir, [str(jsonl)])
    if report.errors:
        sys.exit(f"cannot index the corpora: {report.errors[0]}")


def labelled_questions(corpora: list[Path], searcher) -> tuple[list[Question], int]:
    """The labelled qa units found as qa passages, and how many units there were."""
    passages: dict[str, list[Passage]] = {}
    for fields in searcher.all_stored_fields():
        if fields.get("kind") == "qa":
            passages.setdefault(fields.get("source_url"), []).append(stored_passage(fields))
    found, units = [], 0
    for page, labels in pages(corpora):
        if not labels.exists():
            continue
        for unit in json.loads(labels.read_text(encoding="utf-8"))["units"]:
            if unit["kind"] != "qa":
                continue
            units += 1
            snippet = fold(unit["snippet"])
            passage = next((p for p in passages.get(page["url"], [])
                            if snippet in fold(p.text)), None)
            if passage is not None:
                found.append(Question(unit["snippet"], passage,
                                      urlparse(page["url"]).hostname or ""))
    return found, units


def subjects() -> dict[str, str]:
    """The subject of each grouped question, by its snippet."""
    groups = json.loads(SUBJECTS.read_text(encoding="utf-8"))["subjects"]
    return {snippet: group["subject"] for group in groups for snippet in group["snippets"]}


def scored_pairs(searcher, questions: list[Question]
                 ) -> list[tuple[float, bool, Question, Question]]:
    """(similarity, same subject, a, b) of every pair of questions from different meetings."""
    subject = subjects()
    pairs = []
    for a, b in combinations(questions, 2):
        if a.passage.meeting.identifier == b.passage.meeting.identifier:
            continue
        score = similarity.similarities(SearcherWords(searcher), a.text, [b.text])[0]
        same = a.snippet in subject and subject[a.snippet] == subject.get(b.snippet)
        pairs.append((score, same, a, b))
    return pairs


def threshold_table(pairs: list[tuple[float, bool, Question, Question]]) -> str:
    """Precision and recall of showing the pairs at or above each threshold."""
    alike = sum(same for _, same, _, _ in pairs)
    lines = [f"{len(pairs)} pairs of questions from different meetings, {alike} on the same "
             f"subject", "threshold  shown  alike  precision  recall"]
    for threshold in THRESHOLDS:
        shown = [same for score, same, _, _ in pairs if score >= threshold]
        hits = sum(shown)
        mark = "  <- SIMILAR_ENOUGH" if abs(threshold - similarity.SIMILAR_ENOUGH) < 1e-9 else ""
        lines.append(f"{threshold:9.2f}  {len(shown):5}  {hits:5}  "
                     f"{hits / len(shown) if shown else 1:9.2f}  "
                     f"{hits / alike if alike else 0:6.2f}{mark}")
    return "\n".join(lines)


def page_figures(searcher, questions: list[Question], verbose: bool) -> str:
    """What the passage page lists for each labelled question, before and at the threshold."""
    before = at = without = 0
    shown = []
    for question in questions:
        listed = search.similar_passages(searcher, question.passage.id, at_least=0.0)
        kept = [hit for hit in listed if hit.score >= similarity.SIMILAR_ENOUGH]
        before, at, without = before + len(listed), at + len(kept), without + (not kept)
        shown += [(hit.score, question.text, Question("", hit.passage, "").text) for hit in kept]
    lines = [f"passage pages of {len(questions)} questions: {before} listed without a "
             f"threshold, {at} at {similarity.SIMILAR_ENOUGH}; {without} pages say none"]
    if verbose:
        lines += [f"  {score:.2f}  {a[:90]}\n        {b[:90]}"
                  for score, a, b in sorted(shown, reverse=True)]
    return "\n".join(lines)


def main() -> None:
    """Index the corpora, score every pair of labelled questions and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="List every question the passage pages show, with its score.")
    args = parser.parse_args()
    if any("corpus-held" in str(corpus) for corpus in args.corpora):
        sys.exit("the held-out corpus is an untouched test set: do not measure on it")
    with tempfile.TemporaryDirectory() as tmp:
        index_pages(args.corpora, Path(tmp) / "index")
        with open_index(Path(tmp) / "index").searcher() as searcher:
            questions, units = labelled_questions(args.corpora, searcher)
            print(f"{units} labelled questions, {len(questions)} found as qa passages")
            print(threshold_table(scored_pairs(searcher, questions)))
            print(page_figures(searcher, questions, args.verbose))


if __name__ == "__main__":
    main()
