"""Score the splitter against a labelled corpus: coverage, kind accuracy, qa split, merge rate."""
from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .model import Document, Passage
from .segment import split_document

log = logging.getLogger(__name__)

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                       "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_SPACES = re.compile(r"\s+")


class CorpusError(ValueError):
    """The folder is not a labelled corpus (docs/X.json with labels/X.json)."""


@dataclass
class DocumentScore:
    """How the passages of one labelled page match its gold units."""

    name: str
    units: int = 0
    covered: int = 0
    kind_ok: int = 0
    splits: int = 0
    split_ok: int = 0
    merged: int = 0
    passages: int = 0
    misses: list[str] = field(default_factory=list)


@dataclass
class EvaluationReport:
    """Scores over a corpus, overall and per document, with the splitting speed."""

    documents: list[DocumentScore]
    seconds: float

    def _total(self, name: str) -> int:
        return sum(getattr(d, name) for d in self.documents)

    @property
    def units(self) -> int:
        return self._total("units")

    @property
    def passages(self) -> int:
        return self._total("passages")

    @property
    def coverage(self) -> float:
        return _ratio(self._total("covered"), self.units)

    @property
    def kind_accuracy(self) -> float:
        return _ratio(self._total("kind_ok"), self.units)

    @property
    def split_accuracy(self) -> float:
        splits = self._total("splits")
        return _ratio(self._total("split_ok"), splits) if splits else 1.0

    @property
    def merge_rate(self) -> float:
        return _ratio(self._total("merged"), self.units)

    @property
    def passages_per_second(self) -> float:
        return self.passages / self.seconds if self.seconds > 0 else float("inf")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def fold(text: str | None) -> str:
    """Text as the labels are matched: case, curly quotes, dashes and white space folded."""
    return _SPACES.sub(" ", (text or "").translate(_FOLD)).strip().lower()


def score_document(name: str, passages: list[Passage], units: list[dict]) -> DocumentScore:
    """Score one page's passages against its gold units (same rules as score_split.py)."""
    score = DocumentScore(name, units=len(units), passages=len(passages))
    texts = [fold(p.text) for p in passages]
    owners: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        snippet = fold(unit["snippet"])
        has_split = unit["kind"] == "qa" and bool(unit.get("q")) and bool(unit.get("a"))
        score.splits += has_split
        hit = next((j for j, text in enumerate(texts) if snippet in text), None)
        if hit is None:
            score.misses.append(f"not covered [{unit['kind']}] {unit['snippet'][:70]!r}")
            continue
        score.covered += 1
        owners.setdefault(hit, []).append(i)
        passage = passages[hit]
        if passage.kind == unit["kind"]:
            score.kind_ok += 1
        else:
            score.misses.append(f"kind {passage.kind} should be {unit['kind']}: "
                                f"{unit['snippet'][:70]!r}")
        if has_split:
            question, answer = fold(passage.question), fold(passage.answer)
            if fold(unit["q"]) in question and fold(unit["a"]) in answer:
                score.split_ok += 1
            else:
                score.misses.append(f"split: question={str(passage.question)[:50]!r} "
                                    f"answer={str(passage.answer)[:50]!r} "
                                    f"want q={unit['q'][:40]!r}")
    for owned in owners.values():
        if len(owned) > 1:
            score.merged += len(owned)
            score.misses.append(f"{len(owned)} units in one passage: "
                                f"{units[owned[0]]['snippet'][:50]!r} ...")
    return score


def _load(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"{path}: cannot read labelled corpus file: {exc}") from exc


def evaluate_corpus(path: Path) -> EvaluationReport:
    """Split every labelled page under `path` in-process and score the passages."""
    labels = sorted((path / "labels").glob("*.json"))
    if not labels:
        raise CorpusError(f"{path}: no labels/*.json found; give a folder with docs/ and labels/")
    scores: list[DocumentScore] = []
    seconds = 0.0
    for label in labels:
        page = _load(path / "docs" / label.name)
        units = _load(label)
        if not isinstance(page, dict) or not isinstance(units, dict) or "units" not in units:
            raise CorpusError(f"{label}: expected {{'url', 'text'}} and {{'units': [...]}}")
        doc = Document(source=str(path / "docs" / label.name), url=page.get("url") or label.stem,
                       text=page.get("text") or "")
        started = time.perf_counter()
        passages = split_document(doc)
        seconds += time.perf_counter() - started
        scores.append(score_document(label.stem, passages, units["units"]))
    log.info("evaluated %d documents in %.3f s", len(scores), seconds)
    return EvaluationReport(scores, seconds)


def format_report(report: EvaluationReport, verbose: bool) -> str:
    """The report as text: per-document figures and misses when verbose, then one figure line."""
    lines: list[str] = []
    if verbose:
        for d in report.documents:
            split = f"{d.split_ok}/{d.splits}" if d.splits else "-"
            lines.append(f"{d.name}: units={d.units} covered={d.covered} kind_ok={d.kind_ok} "
                         f"split={split} merged={d.merged} passages={d.passages}")
            lines.extend(f"  {miss}" for miss in d.misses)
    lines.append(f"docs={len(report.documents)} units={report.units} "
                 f"coverage={report.coverage:.3f} kind_acc={report.kind_accuracy:.3f} "
                 f"qa_split={report.split_accuracy:.3f} merged={report.merge_rate:.3f} "
                 f"passages={report.passages} passages/s={report.passages_per_second:.0f}")
    return "\n".join(lines)
