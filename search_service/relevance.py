"""Score the search on labelled corpora with queries: MRR@10, hit@1, hit@10, zero results.

A corpus is a folder with docs/X.json ({"url", "text"}), labels/X.json ({"units": [...]}) and
optionally queries.json ([{"query", "snippet", "doc"}]). Every page of every corpus is indexed
(as `score_search.py` does: the council is the URL's host), so the pages of other corpora are
distractors; each query is searched as the CLI searches it, and a hit is the first result whose
text holds the query's snippet and at most three labelled snippets (a whole page returned as one
passage does not count).
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .engine.store import open_index
from .evaluate import CorpusError, fold, host_of
from .model import Document
from .pipeline.indexing import index_documents
from .search import SearchRequest, search_passages

log = logging.getLogger(__name__)

# A hit may hold this many labelled snippets at most: more is a page returned whole.
MAX_SNIPPETS_IN_HIT = 3


@dataclass(frozen=True)
class LabelledQuery:
    """A search someone would type and the snippet of the passage that answers it."""

    query: str
    snippet: str
    doc: str
    host: str


@dataclass
class QueryOutcome:
    """Where the answering passage came in one search (None: not in the first `limit`)."""

    query: LabelledQuery
    rank: int | None
    hits: int


@dataclass
class RelevanceReport:
    """Outcomes of every query, and the figures over them."""

    outcomes: list[QueryOutcome] = field(default_factory=list)

    def _share(self, test: object) -> float:
        return sum(map(test, self.outcomes)) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def mrr(self) -> float:
        return self._share(lambda o: 1 / o.rank if o.rank else 0.0)

    @property
    def hit1(self) -> float:
        return self._share(lambda o: o.rank == 1)

    @property
    def hit10(self) -> float:
        return self._share(lambda o: o.rank is not None)

    @property
    def zero_results(self) -> float:
        return self._share(lambda o: o.hits == 0)


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"{path}: cannot read: {exc}") from exc


def corpus_pages(corpus: Path) -> Iterator[tuple[str, dict]]:
    """(name, {"url", "text"}) of every page of a corpus, in name order."""
    pages = sorted((corpus / "docs").glob("*.json"))
    if not pages:
        raise CorpusError(f"{corpus}: no docs/*.json found; give a folder with docs/ and labels/")
    for path in pages:
        page = _read_json(path)
        if not isinstance(page, dict) or not isinstance(page.get("text"), str):
            raise CorpusError(f"{path}: expected {{'url': ..., 'text': ...}}")
        yield path.stem, page


def corpus_documents(corpora: Iterable[Path]) -> Iterator[Document]:
    """Every page of the corpora as a Document whose council is its URL's host."""
    for corpus in corpora:
        for name, page in corpus_pages(corpus):
            url = page.get("url") or f"{corpus.name}/{name}"
            yield Document(source=str(corpus / "docs" / f"{name}.json"), url=url,
                           text=page["text"], council=host_of(url) or None)


def labelled_snippets(corpora: Iterable[Path]) -> list[str]:
    """The folded snippet of every labelled unit of the corpora."""
    return [fold(unit["snippet"]) for corpus in corpora
            for path in sorted((corpus / "labels").glob("*.json"))
            for unit in _read_json(path).get("units", [])]  # type: ignore[union-attr]


def labelled_queries(corpora: Iterable[Path]) -> list[LabelledQuery]:
    """The queries of every corpus that has a queries.json, each with its page's host."""
    found = []
    for corpus in corpora:
        path = corpus / "queries.json"
        if not path.exists():
            continue
        hosts = {name: host_of(page.get("url") or "") for name, page in corpus_pages(corpus)}
        for entry in _read_json(path):  # type: ignore[union-attr]
            found.append(LabelledQuery(entry["query"], entry["snippet"], entry.get("doc", ""),
                                       hosts.get(entry.get("doc", ""), "")))
    return found


def build_index(index_dir: Path, corpora: list[Path]) -> None:
    """Index every page of the corpora into `index_dir`."""
    report = index_documents(index_dir, corpus_documents(corpora))
    log.info("indexed %d pages, %d passages", report.documents, report.passages_added)


def score_queries(index_dir: Path, queries: list[LabelledQuery], snippets: list[str],
                  limit: int = 10, grouped: bool = False) -> RelevanceReport:
    """Search each query in the index and find where its answering passage comes, in the list
    `search --json` gives (or, `grouped`, the web page's: two passages of an item at most)."""
    report = RelevanceReport()
    with open_index(index_dir).searcher() as searcher:
        for query in queries:
            results = search_passages(searcher, SearchRequest(
                query=query.query, page_size=limit, facets=False, group_by_item=grouped))
            want = fold(query.snippet)
            rank = next((n for n, hit in enumerate(results.hits, 1)
                         if _answers(fold(hit.passage.text), want, snippets)), None)
            report.outcomes.append(QueryOutcome(query, rank, len(results.hits)))
    return report


def _answers(text: str, want: str, snippets: list[str]) -> bool:
    return want in text and sum(s in text for s in snippets) <= MAX_SNIPPETS_IN_HIT


def format_relevance(report: RelevanceReport, verbose: bool) -> str:
    """The figures as one line, after each query that missed rank 1 when verbose."""
    lines = []
    if verbose:
        lines.extend(f"rank {o.rank} ({o.hits} hits): {o.query.query}  [{o.query.doc}]"
                     for o in report.outcomes if o.rank != 1)
    lines.append(f"queries={len(report.outcomes)} mrr10={report.mrr:.3f} "
                 f"hit1={report.hit1:.3f} hit10={report.hit10:.3f} "
                 f"zero_results={report.zero_results:.3f}")
    return "\n".join(lines)
