"""BM25F ranking in bulk: every candidate of a query scored at once with numpy.

Whoosh ranks by walking its matcher tree in Python one candidate at a time (~1–3 µs each; a
common word at 1M passages has ~300k candidates per field). Here each term's posting list is
read a block at a time as arrays of documents and term frequencies, each document's field length
comes from the segment's length column (read once and cached), and BM25F is computed for all
candidates at once with Whoosh's own scorer of the term (idf and average field length of the
whole index, B, K1). Scores are combined in the very tree Whoosh builds for the segment (the
same matcher choices, the same order of additions), so they are the same floats and ties break
the same way: by document number.

Phrases are verified by their word positions for the documents holding every word only. Parts
this module does not score raise Unranked, and the caller ranks through Whoosh instead (correct,
slower): an Every (`field:*`), numeric and date ranges, Or with minmatch or a coordination
scale, DisjunctionMax, phrases with a slop, span queries, and posting lists of another codec.
"""
from __future__ import annotations

import logging
from bisect import insort
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.columns import NumericColumn
from whoosh.query.compound import DefaultOr, PreloadedOr
from whoosh.scoring import BM25FScorer, WeightScorer
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from . import facet_counts

log = logging.getLogger(__name__)

# A field length as Whoosh stores it: one byte per document and field.
_LENGTHS = np.array([byte_to_length(b) or 0 for b in range(256)], dtype=np.float64)
# Whoosh's Or: a binary tree of unions, or an array of summed scores for many clauses or a small
# segment (whoosh.query.compound.Or._matcher).
_TOO_MANY_CLAUSES = q.Or.TOO_MANY_CLAUSES
_TREE_ABOVE_DOCS = 5000


class Unranked(Exception):
    """A query part the bulk ranking does not score: Whoosh's own search must rank it."""


@dataclass(frozen=True)
class Scored:
    """Documents of one segment (sorted, unique; deleted ones included) with their scores."""

    docs: np.ndarray
    scores: np.ndarray

    def restricted(self, docs: np.ndarray) -> np.ndarray:
        """The scores of `docs`, which must be among these documents."""
        return self.scores[np.searchsorted(self.docs, docs)]


_NOTHING = Scored(facet_counts.EMPTY, np.zeros(0))


def score_query(searcher: Searcher, query: q.Query) -> list[Scored]:
    """The documents matching `query` in each leaf segment, with the scores Whoosh's search
    would give them; raises Unranked for a query with a part scored only by Whoosh."""
    return [_score(query, leaf, True) for leaf, _ in searcher.leaf_searchers()]


def _score(query: q.Query, leaf: Searcher, scored: bool) -> Scored:
    """One segment's matches of `query`; `scored` is False where Whoosh asks only for matches
    (the terms of a constant-score pattern)."""
    if isinstance(query, q.Term):
        return _term(query, leaf)
    if isinstance(query, q.Phrase):
        return _phrase(query, leaf)
    if type(query) is q.And:
        return _and(query, leaf, scored)
    if type(query) in (q.Or, DefaultOr, PreloadedOr):
        return _or(query, leaf, scored)
    if isinstance(query, q.AndNot):
        a = _score(query.a, leaf, scored)
        return _without(a, _score(query.b, leaf, False).docs)
    if isinstance(query, q.AndMaybe):
        a, b = _score(query.a, leaf, scored), _score(query.b, leaf, scored)
        scores = a.scores.copy()
        both, at_a, at_b = np.intersect1d(a.docs, b.docs, assume_unique=True,
                                          return_indices=True)
        scores[at_a] += b.scores[at_b]
        return Scored(a.docs, scores)
    if isinstance(query, q.Require):
        a, b = _score(query.a, leaf, scored), _score(query.b, leaf, False)
        return _within(a, b.docs)
    if isinstance(query, q.Not):
        # Whoosh's InverseMatcher: every document but the query's, each scoring 1.0.
        everything = np.arange(leaf.reader().doc_count_all(), dtype=np.int64)
        docs = np.setdiff1d(everything, _score(query.query, leaf, False).docs,
                            assume_unique=True)
        return Scored(docs, np.ones(len(docs)))
    if isinstance(query, q.MultiTerm) and not _is_every(query):
        return _expanded(query, leaf, scored)
    if query is q.NullQuery:
        return _NOTHING
    raise Unranked(f"{type(query).__name__} is ranked by Whoosh")


def _is_every(query: q.MultiTerm) -> bool:
    """Whether Whoosh turns this pattern into an Every (`field:*`)."""
    return (isinstance(query, q.Prefix) and query.text == "") or \
        (isinstance(query, q.Wildcard) and query.text == "*")


def _term(term: q.Term, leaf: Searcher) -> Scored:
    """A term's postings scored by Whoosh's scorer for it, times the term's boost."""
    matcher = term.matcher(leaf)  # Whoosh's own: nothing for a missing term or field
    if not matcher.is_active():
        return _NOTHING
    reader = facet_counts.posting_reader(matcher)
    if reader is None:
        raise Unranked(f"the postings of {term} are not Whoosh 3's")
    blocks = list(facet_counts.posting_blocks(reader, weights=True))
    docs = np.concatenate([np.asarray(ids, dtype=np.int64) for ids, _, _ in blocks])
    weights = np.concatenate([np.asarray(w, dtype=np.float64) for _, w, _ in blocks])
    scores = _bm25(reader.scorer, leaf, term.fieldname, docs, weights)
    if term.boost != 1.0:
        scores = scores * term.boost
    return Scored(docs, scores)


def _bm25(scorer: Any, leaf: Searcher, fieldname: str, docs: np.ndarray,
          weights: np.ndarray) -> np.ndarray:
    """whoosh.scoring.bm25 for every posting, in the same order of operations."""
    if isinstance(scorer, WeightScorer):  # a field without lengths (ids, keywords)
        return weights
    if type(scorer) is not BM25FScorer:
        raise Unranked(f"the scorer {type(scorer).__name__} is Whoosh's alone")
    lengths = field_lengths(leaf, fieldname)[docs]
    K1, B = scorer.K1, scorer.B
    return scorer.idf * ((weights * (K1 + 1)) /
                         (weights + K1 * ((1 - B) + B * lengths / scorer.avgfl)))


def field_lengths(leaf: Searcher, fieldname: str) -> np.ndarray:
    """Each document's length of a field in one segment, as Whoosh stores it (cached)."""

    def build() -> np.ndarray:
        reader = leaf.reader()
        count = reader.doc_count_all()
        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:  # Whoosh's scorer asks for a length of 1 then
            return np.ones(count)
        return _LENGTHS[column_values(column, count)]

    return facet_counts.cached_for_segment(leaf, f"<length {fieldname}>",  # type: ignore
                                           build)


def ranked_page(keys: np.ndarray, docnums: np.ndarray, first: int, count: int) -> np.ndarray:
    """The positions of ranks `first` to `first + count` in the order of (key, docnum), lowest
    first: only the keys up to the last rank wanted are sorted."""
    wanted = first + count
    candidates = np.arange(len(keys))
    if len(keys) > wanted:
        last = np.partition(keys, wanted - 1)[wanted - 1]
        candidates = np.flatnonzero(keys <= last)
    order = np.lexsort((docnums[candidates], keys[candidates]))
    return candidates[order[first:wanted]]


def column(leaf: Searcher, fieldname: str) -> np.ndarray:
    """Every document's raw value of a sortable field in one segment (cached)."""

    def build() -> np.ndarray:
        reader = leaf.reader()
        return column_values(reader.column_reader(fieldname, translate=False),
                             reader.doc_count_all())

    return facet_counts.cached_for_segment(leaf, f"<column {fieldname}>", build)  # type: ignore


def column_values(reader: Any, count: int) -> np.ndarray:
    """Every document's value of a Whoosh column reader, as one array."""
    if isinstance(reader, NumericColumn.Reader):  # fixed-size big-endian numbers: read at once
        values = np.full(count, reader._default, dtype=np.dtype(">" + reader._typecode))
        stored = reader._dbfile.get(reader._basepos, reader._count * reader._fixedlen)
        values[:reader._count] = np.frombuffer(stored, dtype=values.dtype)
        return values
    return np.array(list(reader))


def _phrase(phrase: q.Phrase, leaf: Searcher) -> Scored:
    """A phrase's documents: those holding its words at consecutive positions (Whoosh's
    SpanNear2 with slop 1), scored as the sum of its words' scores."""
    field = leaf.schema[phrase.fieldname] if phrase.fieldname in leaf.schema else None
    if field is None:
        return _NOTHING
    if phrase.slop != 1 or not field.format or not field.format.supports("positions"):
        raise Unranked(f"{phrase} is ranked by Whoosh")
    try:
        words = [field.to_bytes(word) for word in phrase.words]
    except ValueError:
        return _NOTHING
    reader = leaf.reader()
    if not words or any((phrase.fieldname, word) not in reader for word in words):
        return _NOTHING
    parts = [_term_positions(q.Term(phrase.fieldname, word), leaf) for word in words]
    candidates = facet_counts.EMPTY
    for n, (scored, _) in enumerate(parts):
        candidates = scored.docs if n == 0 else np.intersect1d(candidates, scored.docs,
                                                               assume_unique=True)
    decode = field.format.decoder("positions")
    keep = np.zeros(len(candidates), dtype=bool)
    at = [np.searchsorted(scored.docs, candidates) for scored, _ in parts]
    for i in range(len(candidates)):
        starts = set(decode(parts[0][1][at[0][i]]))
        for n in range(1, len(parts)):
            starts &= {p - n for p in decode(parts[n][1][at[n][i]])}
            if not starts:
                break
        keep[i] = bool(starts)
    docs = candidates[keep]
    # Whoosh scores a phrase as the intersection of its words: a binary tree of sums.
    scores = _binary_sum([scored.restricted(docs) for scored, _ in parts])
    if phrase.boost != 1.0:
        scores = scores * phrase.boost
    return Scored(docs, scores)


def _term_positions(term: q.Term, leaf: Searcher) -> tuple[Scored, list[bytes]]:
    """A term's scored postings and each posting's encoded positions."""
    matcher = term.matcher(leaf)
    reader = facet_counts.posting_reader(matcher)
    if reader is None:
        raise Unranked(f"the postings of {term} are not Whoosh 3's")
    docs, weights, values = [], [], []
    for ids, block_weights, block_values in facet_counts.posting_blocks(reader, weights=True,
                                                                        values=True):
        docs.append(np.asarray(ids, dtype=np.int64))
        weights.append(np.asarray(block_weights, dtype=np.float64))
        values.extend(block_values)
    all_docs = np.concatenate(docs)
    scores = _bm25(reader.scorer, leaf, term.fieldname, all_docs, np.concatenate(weights))
    return Scored(all_docs, scores), values


def _binary_sum(parts: list[np.ndarray]) -> np.ndarray:
    """The sum of equal-length arrays in whoosh.util.make_binary_tree's order."""
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    return _binary_sum(parts[:half]) + _binary_sum(parts[half:])


def _and(query: q.And, leaf: Searcher, scored: bool) -> Scored:
    """Whoosh's And: a tree of intersections, the smallest parts combined last."""
    subs = query.subqueries
    if not subs:
        return _NOTHING
    if len(subs) == 1:  # Whoosh uses the part's matcher alone, without the And's boost
        return _score(subs[0], leaf, scored)
    reader = leaf.reader()
    parts = [(0 - sub.estimate_size(reader), _score(sub, leaf, scored)) for sub in subs]
    return _boosted(_weighted_tree(parts, _intersection), query.boost)


def _or(query: q.Or, leaf: Searcher, scored: bool) -> Scored:
    """Whoosh's Or: a tree of unions by size, or an array of scores summed in order."""
    if query.minmatch or query.scale:
        raise Unranked(f"{query} (minmatch or scale) is ranked by Whoosh")
    subs = query.subqueries
    if not subs:
        return _NOTHING
    if len(subs) == 1:
        return _score(subs[0], leaf, scored)
    reader = leaf.reader()
    as_tree = type(query) is DefaultOr or (
        type(query) is q.Or and len(subs) < _TOO_MANY_CLAUSES
        and (len(subs) == 2 or leaf.doc_count_all() > _TREE_ABOVE_DOCS))
    if as_tree:
        parts = [(sub.estimate_size(reader), _score(sub, leaf, scored)) for sub in subs]
        return _boosted(_weighted_tree(parts, _union), query.boost)
    return _array_union([_score(sub, leaf, scored) for sub in subs], query.boost, scored,
                        leaf.doc_count_all())


def _expanded(query: q.MultiTerm, leaf: Searcher, scored: bool) -> Scored:
    """A prefix, wildcard or fuzzy word: an Or of the words it matches in the segment."""
    fieldname = query.field()
    words = [q.Term(fieldname, word) for word in query._btexts(leaf.reader()) if word]
    if not words:
        return _NOTHING
    if len(words) == 1:
        return _term(words[0], leaf)
    # A constant-score pattern asks its Or for matches only (Whoosh's context without weighting).
    return _or(q.Or(words, boost=query.boost), leaf, scored and not query.constantscore)


def _weighted_tree(parts: list[tuple[int, Scored]], combine: Any) -> Scored:
    """whoosh.util.make_weighted_tree: combine the two lightest parts until one remains."""
    # Whoosh's matchers compare equal whatever they are, so ties keep their order.
    items = [_Weighted(weight, n, scored) for n, (weight, scored) in enumerate(parts)]
    items.sort()
    made = len(items)
    while len(items) > 1:
        a, b = items.pop(0), items.pop(0)
        insort(items, _Weighted(a.weight + b.weight, made, combine(a.scored, b.scored)))
        made += 1
    return items[0].scored


@dataclass(frozen=True)
class _Weighted:
    """A part of a weighted tree; ordered by weight, then by when it was made (Whoosh's sort
    and insort keep equal weights in order)."""

    weight: int
    made: int
    scored: Scored

    def __lt__(self, other: _Weighted) -> bool:
        return (self.weight, self.made) < (other.weight, other.made)


def _union(a: Scored, b: Scored) -> Scored:
    """Whoosh's UnionMatcher: the documents of either, scores added where both match."""
    docs = np.union1d(a.docs, b.docs)
    scores = np.zeros(len(docs))
    scores[np.searchsorted(docs, a.docs)] = a.scores
    scores[np.searchsorted(docs, b.docs)] += b.scores
    return Scored(docs, scores)


def _intersection(a: Scored, b: Scored) -> Scored:
    """Whoosh's IntersectionMatcher: the documents of both, scores added."""
    docs, at_a, at_b = np.intersect1d(a.docs, b.docs, assume_unique=True, return_indices=True)
    return Scored(docs, a.scores[at_a] + b.scores[at_b])


def _array_union(parts: list[Scored], boost: float, scored: bool, count: int) -> Scored:
    """Whoosh's ArrayUnionMatcher: each part's scores times the boost, added in order."""
    totals = np.zeros(count)
    for part in parts:
        if scored:
            totals[part.docs] += part.scores * boost
        else:
            totals[part.docs] = 1
    docs = np.flatnonzero(totals > 0)
    return Scored(docs, totals[docs])


def _boosted(scored: Scored, boost: float) -> Scored:
    return scored if boost == 1.0 else Scored(scored.docs, scored.scores * boost)


def _without(a: Scored, docs: np.ndarray) -> Scored:
    keep = ~np.isin(a.docs, docs, assume_unique=True)
    return Scored(a.docs[keep], a.scores[keep])


def _within(a: Scored, docs: np.ndarray) -> Scored:
    keep = np.isin(a.docs, docs, assume_unique=True)
    return Scored(a.docs[keep], a.scores[keep])
