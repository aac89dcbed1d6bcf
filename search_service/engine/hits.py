"""A search's matches, its page of hits and what is read for them: matches found once as arrays
and scored in bulk where ranking.py can (the total, the facet counts and the page come from
them); only the page's hits are loaded, highlighted and checked for missing words."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
from whoosh.highlight import Fragmenter
from whoosh.query import Query, Term
from whoosh.searching import Results, Searcher

from ..model import Passage
from . import facet_counts, items, query_parser, ranking, spelling
from .highlights import TOP_FRAGMENTS, marked_fields, page_formatter
from .queries import PASSAGES, passages_only
from .store import item_key, stored_passage

log = logging.getLogger(__name__)

# One hit of a page: its document, score (or sort key), passage, marked matches and the key its
# copies share (store.text_key).
Found = NamedTuple("Found", [("docnum", int), ("score", float), ("passage", Passage),
                             ("highlights", dict[str, str]), ("text_key", str | None)])


def matches(searcher: Searcher, query: Query, sort: str
            ) -> tuple[list[np.ndarray], list[ranking.Scored] | None]:
    """The passages matching the query (a sorted array per segment) and, for a ranking by
    relevance that ranking.py can do, the query's matches with their scores."""
    if sort == "relevance" and query != PASSAGES:
        try:
            scored = ranking.score_query(searcher, query)
        except ranking.Unranked as reason:
            log.debug("ranked by Whoosh: %s", reason)
        else:
            return facet_counts.narrow(searcher, [s.docs for s in scored], PASSAGES), scored
    return facet_counts.matching_docs(searcher, passages_only(query)), None


def unscored_page(searcher: Searcher, query: Query, found: list[np.ndarray], first: int,
                  size: int, highlighted: bool = False) -> list[Found]:
    """Ranks `first` to `first + size` of a query ranking.py does not score: Whoosh ranks it,
    within the found passages."""
    results = searcher.search(query, limit=first + size,
                              filter=facet_counts.allowed_set(searcher, found))
    return _loaded(Results(searcher, query, results.top_n[first:]), highlighted)


def sort_keys(searcher: Searcher, found: list[np.ndarray], scored: list[ranking.Scored] | None,
              sort: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For the found passages (a sorted array per segment), in order: each one's score or date
    (its key), its place in the `sort` order and the tie-break (lowest first), and its document
    number."""
    leaves = searcher.leaf_searchers()
    docnums = np.concatenate([local + offset for (_, offset), local in zip(leaves, found)])
    if sort == "relevance":
        # Every passage scores 1.0 for no words (the weight of Whoosh's `record` term).
        keys = np.ones(len(docnums)) if scored is None else np.concatenate(
            [matches.restricted(local) for matches, local in zip(scored, found)])
        # Whoosh's order: highest score first, then the lower document number.
        return keys, -keys, docnums, docnums
    keys = np.concatenate([facet_counts.sortable_column(leaf, "meeting_date")[local]
                           for (leaf, _), local in zip(leaves, found)])
    if sort == "newest":
        # Whoosh sorts (date, document) in reverse; undated passages count as the oldest.
        keys = np.where(keys == searcher.schema["meeting_date"].default, 0, keys)
        return keys, -keys.astype(np.int64), -docnums, docnums
    return keys, keys, docnums, docnums


def load_hits(searcher: Searcher, query: Query, keys: np.ndarray, docnums: np.ndarray,
              highlighted: bool = False) -> list[Found]:
    """The hits of these documents with these scores (or sort keys), in order."""
    return _loaded(Results(searcher, query, list(zip(keys.tolist(), docnums.tolist()))),
                   highlighted)


def _loaded(results: Results, highlighted: bool) -> list[Found]:
    if highlighted:
        results.formatter = page_formatter()
    return [Found(hit.docnum, float(hit.score or 0.0), stored_passage(hit.fields()),
                  marked_fields(hit, lambda name, text, fragmenter, hit=hit: _marked(
                      hit, name, text, fragmenter)) if highlighted else {},
                  hit.get("text_key"))
            for hit in results[:]]


def _marked(hit: Any, name: str, text: str, fragmenter: Fragmenter) -> str:
    """The matches of a hit marked in `text` (its field `name`, or another's text)."""
    hit.results.fragmenter = fragmenter
    return hit.highlights(name, text=text, top=TOP_FRAGMENTS)


def missing_words(searcher: Searcher, query: Query, docnums: list[int]
                  ) -> list[tuple[str, ...]]:
    """For each passage, the plain words of the query it does not hold, as typed."""
    plain = query_parser.coordinated_part(query)
    if plain is None or not docnums:
        return [()] * len(docnums)
    offsets = [offset for _, offset in searcher.leaf_searchers()]
    segment = np.searchsorted(offsets, docnums, side="right") - 1
    local = np.array(docnums) - np.array(offsets)[segment]
    held = np.zeros((len(plain.subqueries), len(docnums)), dtype=bool)
    for n, concept in enumerate(plain.subqueries):
        try:  # the concept's postings were just read to rank it: the posting cache holds them
            matched = [scored.docs for scored in ranking.score_query(searcher, concept)]
        except ranking.Unranked:
            matched = facet_counts.matching_docs(searcher, concept)
        held[n] = [np.isin(at, matched[leaf]).item() for leaf, at in zip(segment, local)]
    return [tuple(label for label, has in zip(plain.labels, held[:, i]) if not has)
            for i in range(len(docnums))]


def facet_values(searcher: Searcher, docs: list[np.ndarray], column: str,
                 limit: int | None = None, always: Sequence[str] = ()) -> list[tuple[str, int]]:
    """(value, count) of a facet column among `docs`, most frequent first, then by value: the
    first `limit` (all when None), and those of `always` found beyond them."""
    return facet_counts.count_values(searcher, docs, column, _labeller(searcher, column),
                                     limit=limit, always=always)


def _labeller(searcher: Searcher, column: str) -> Callable[[object], str | None]:
    """A facet column's value as its label, or None for 'no value'."""
    # A numeric column gives passages without a value (no year) the field's maximum.
    missing = getattr(searcher.schema[column], "max_value", None)
    return lambda key: None if key in (None, "", b"", missing) else _facet_label(key)


def _facet_label(key: object) -> str:
    if isinstance(key, bytes):
        return key.decode("utf-8", errors="replace")
    return str(key)


def meetings(searcher: Searcher, meeting_ids: Iterable[str] | None = None
             ) -> dict[str, tuple[Passage, int]]:
    """The first passage of each meeting (of those of `meeting_ids`, or of every one) that live
    passages belong to, and how many do."""
    found = facet_counts.first_and_count(searcher, "meeting_id",
                                         _labeller(searcher, "meeting_id"), meeting_ids)
    return {meeting_id: (stored_passage(searcher.stored_fields(first)), count)
            for meeting_id, (first, count) in found.items()}


def passage_by_id(searcher: Searcher, passage_id: str) -> Passage | None:
    """The passage with this id, or None."""
    # Only passages have ids: a single term finds them fast, where adding record=passage would
    # walk every passage.
    fields = searcher.document(id=passage_id)
    return None if fields is None else stored_passage(fields)


def meeting_passages(searcher: Searcher, meeting_id: str) -> list[Passage]:
    """One meeting's passages."""
    found = searcher.search(Term("meeting_id", meeting_id), limit=None)
    return [stored_passage(hit.fields()) for hit in found]


def item_passages(searcher: Searcher, passage: Passage) -> list[Passage]:
    """The passages of this passage's agenda item, in their order in the minutes."""
    found = searcher.search(Term("item_key", item_key(passage)), limit=None,
                            sortedby="position")
    return [stored_passage(hit.fields()) for hit in found]


def copy_urls(searcher: Searcher, found: Found) -> tuple[str, ...]:
    """The addresses of the other copies of a hit's passage (none when it has none)."""
    return tuple(fields["url"] for fields in items.copies_of(searcher, found.text_key,
                                                              found.passage.id)
                 if fields.get("url"))


def suggest(searcher: Searcher, text: str) -> str | None:
    """The query with unknown words replaced by the closest indexed words, or None
    (spelling.py: against the `spelling` field of the source records). A word the passages hold
    as written, or whose stem they hold ("floods" where they say "flood"), is known."""
    reader = searcher.reader()
    known = spelling.known_words(searcher.schema["text"], lambda word: ("spelling", word) in reader,
                                 lambda stem: ("text", stem) in reader)
    return spelling.suggest(text, known,
                            lambda: spelling.SourceWords(
                                lambda word, maxdist, prefix: reader.terms_within(
                                    "spelling", word, maxdist, prefix=prefix),
                                lambda word: reader.doc_frequency("spelling", word)))
