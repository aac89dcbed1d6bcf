"""Score the splitter against a labelled corpus: coverage, kinds, qa split, merges, speed; or a
second labelling of the same pages, to see how far two labellers agree."""
from __future__ import annotations

import json
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .model import AgendaItem, Document, Meeting, Passage, stable_id
from .segment import split_document

log = logging.getLogger(__name__)

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                       "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
KINDS = ("qa", "statement", "decision")


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
    qa_gold: int = 0        # covered gold qa units
    qa_gold_ok: int = 0     # … whose passage is a qa
    qa_passages: int = 0    # qa passages holding a gold unit
    qa_passages_ok: int = 0  # … of which one is a gold qa
    items: int = 0          # covered units labelled with their agenda item ("item")
    items_ok: int = 0       # … whose passage's item title is that item
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, passage)
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
    def qa_recall(self) -> float:
        return _ratio(self._total("qa_gold_ok"), self._total("qa_gold"))

    @property
    def qa_precision(self) -> float:
        return _ratio(self._total("qa_passages_ok"), self._total("qa_passages"))

    @property
    def item_accuracy(self) -> float | None:
        """The share of units labelled with their item whose passage has that item's title
        (None when no unit is)."""
        items = self._total("items")
        return _ratio(self._total("items_ok"), items) if items else None

    @property
    def confusion(self) -> Counter[tuple[str, str]]:
        return sum((d.confusion for d in self.documents), Counter())

    @property
    def passages_per_second(self) -> float:
        return self.passages / self.seconds if self.seconds > 0 else float("inf")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def fold(text: str | None) -> str:
    """Text as the labels are matched: case, curly quotes, dashes and white space folded."""
    return _SPACES.sub(" ", (text or "").translate(_FOLD)).strip().lower()


def _words(text: str | None) -> str:
    return _NOT_WORD.sub(" ", fold(text)).strip()


def same_item(gold: str | None, title: str | None) -> bool:
    """Whether a passage's item title is the labelled item: both absent, or one holding the
    other and at least half as long (labellers copy a heading's first words; pages add its
    agenda reference)."""
    gold, title = _words(gold), _words(title)
    if not gold or not title:
        return gold == title
    shorter, longer = sorted((gold, title), key=len)
    return shorter in longer and len(shorter) * 2 >= len(longer)


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
        if "item" in unit:
            score.items += 1
            if same_item(unit["item"], passage.item.title):
                score.items_ok += 1
            else:
                score.misses.append(f"item {passage.item.title!r} should be {unit['item']!r}: "
                                    f"{unit['snippet'][:50]!r}")
        score.confusion[unit["kind"], passage.kind] += 1
        if unit["kind"] == "qa":
            score.qa_gold += 1
            score.qa_gold_ok += passage.kind == "qa"
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
    for hit, owned in owners.items():
        if passages[hit].kind == "qa":
            score.qa_passages += 1
            score.qa_passages_ok += any(units[i]["kind"] == "qa" for i in owned)
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


def read_hosts(path: Path) -> set[str]:
    """The host names listed in a file, one a line ('#' starts a comment); a host listed with or
    without a leading "www." stands for both."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the list of hosts: {exc}") from exc
    listed = {line.split("#")[0].strip().lower().removeprefix("www.") for line in lines} - {""}
    return listed | {f"www.{host}" for host in listed}


def host_of(url: str) -> str:
    """The host name of a page's URL, lower case ('' when the URL has none)."""
    return (urlsplit(url).hostname or "").lower()


def evaluate_corpus(path: Path, hosts: set[str] | None = None,
                    exclude_hosts: set[str] | None = None,
                    against: Path | None = None, agreed_with: Path | None = None
                    ) -> EvaluationReport:
    """Split every labelled page under `path` in-process and score the passages.

    With `hosts`, only pages whose URL's host is listed count; with `exclude_hosts`, only the
    others (so one third of a corpus's councils can be kept apart and scored alone). With
    `against`, a folder holding a second labelling of some of the pages (labels/X.json), those
    pages' second labels are scored instead of the splitter's passages (labelled_passages); with
    `agreed_with`, such a folder, the splitter is scored on those pages' units only where the
    second labelling gives them the same kind (agreed_units).
    """
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
        host = host_of(page.get("url") or "")
        if (hosts is not None and host not in hosts) or host in (exclude_hosts or ()):
            continue
        doc = Document(source=str(path / "docs" / label.name), url=page.get("url") or label.stem,
                       text=page.get("text") or "")
        gold = units["units"]
        theirs: list[dict] = []
        if second_labels := against or agreed_with:
            second = second_labels / "labels" / label.name
            if not second.exists():
                continue   # (a second labelling may cover some of the pages)
            theirs = _units(second)
        if agreed_with is not None:
            gold = agreed_units(doc, gold, theirs)
        if against is not None:
            passages = labelled_passages(doc, theirs)
        else:
            started = time.perf_counter()
            passages = split_document(doc)
            seconds += time.perf_counter() - started
        scores.append(score_document(label.stem, passages, gold))
    log.info("evaluated %d documents in %.3f s", len(scores), seconds)
    return EvaluationReport(scores, seconds)


def _units(path: Path) -> list[dict]:
    units = _load(path)
    if not isinstance(units, dict) or not isinstance(units.get("units"), list):
        raise CorpusError(f"{path}: expected {{'units': [...]}}")
    return units["units"]


def labelled_passages(doc: Document, units: list[dict]) -> list[Passage]:
    """A labelling's units as if a splitter had made them, to score one labelling against
    another: each unit runs from where its snippet starts to where the next unit's does (text
    before the first is a statement), and a qa's answer starts at its `a` snippet. The text is
    folded as the labels are matched (fold)."""
    text = fold(doc.text)
    found = sorted(((text.find(fold(unit["snippet"])), n) for n, unit in enumerate(units)
                    if fold(unit["snippet"]) in text))
    cuts = [0, *(at for at, _ in found), len(text)]
    owners: list[dict | None] = [None, *(units[n] for _, n in found)]
    meeting = Meeting(None, None, None, doc.url, identifier=stable_id(doc.url))
    passages = []
    for position, (start, end, unit) in enumerate(zip(cuts, cuts[1:], owners)):
        body = text[start:end].strip()
        if not body:
            continue
        kind = unit["kind"] if unit else "statement"
        answer_at = body.find(fold(unit["a"])) if unit and kind == "qa" and unit.get("a") else -1
        question = body[:answer_at].strip() if answer_at > 0 else body if kind == "qa" else None
        passages.append(Passage(
            id=str(position), kind=kind, text=body, meeting=meeting, position=position,
            item=AgendaItem(None, unit.get("item") if unit else None),
            question=question, answer=body[answer_at:] if answer_at > 0 else None))
    return passages


def agreed_units(doc: Document, units: list[dict], second: list[dict]) -> list[dict]:
    """The units a second labelling of the page types alike: the kind of the second labeller's
    unit that holds each one's snippet (labelled_passages) is its own."""
    theirs = labelled_passages(doc, second)
    return [unit for unit in units
            if any(fold(unit["snippet"]) in passage.text and passage.kind == unit["kind"]
                   for passage in theirs)]


def format_confusion(confusion: Counter[tuple[str, str]]) -> list[str]:
    """A confusion matrix of kinds: one row per gold kind, one column per passage kind."""
    width = max(len(k) for k in KINDS) + 2
    lines = ["gold \\ passage".ljust(16) + "".join(k.rjust(width) for k in KINDS)]
    for gold in KINDS:
        lines.append(gold.ljust(16) + "".join(str(confusion[gold, k]).rjust(width)
                                               for k in KINDS))
    return lines


def format_report(report: EvaluationReport, verbose: bool) -> str:
    """The report as text: per-document figures and misses when verbose, the confusion matrix of
    kinds, then one figure line."""
    lines: list[str] = []
    if verbose:
        for d in report.documents:
            split = f"{d.split_ok}/{d.splits}" if d.splits else "-"
            lines.append(f"{d.name}: units={d.units} covered={d.covered} kind_ok={d.kind_ok} "
                         f"split={split} merged={d.merged} passages={d.passages}")
            lines.extend(f"  {miss}" for miss in d.misses)
    lines.extend(format_confusion(report.confusion))
    lines.append(f"docs={len(report.documents)} units={report.units} "
                 f"coverage={report.coverage:.3f} kind_acc={report.kind_accuracy:.3f} "
                 f"qa_split={report.split_accuracy:.3f} merged={report.merge_rate:.3f} "
                 f"qa_recall={report.qa_recall:.3f} qa_precision={report.qa_precision:.3f} "
                 f"passages={report.passages}"
                 # (a second labelling scored instead of the splitter took no time to split)
                 + (f" passages/s={report.passages_per_second:.0f}" if report.seconds > 0 else "")
                 + (f" item_acc={report.item_accuracy:.3f}"
                    if report.item_accuracy is not None else ""))
    return "\n".join(lines)
