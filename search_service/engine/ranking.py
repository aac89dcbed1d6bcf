"""BM25F ranking in bulk: every candidate of a query scored at once with numpy.

Whoosh ranks by walking its matcher tree in Python one candidate at a time (~1–3 µs each; a
common word at 1M passages has ~300k candidates per field). Here each term's posting list is
read a block at a time as arrays of documents and term frequencies, each document's field length
comes from the segment's length column (read once and cached), and BM25F is computed for all
candidates at once with Whoosh's formula and statistics (idf and average field length of the
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
from whoosh.query.compound import DefaultOr, PreloadedOr
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from . import facet_counts
from .caches import caches_of
from .query_parser import Coordinated

log = logging.getLogger(__name__)

# A field length as Whoosh stores it: one byte per document and field.
_LENGTHS = np.array([byte_to_length(b) or 0 for b in range(256)], dtype=np.float64)
_LENGTH_ONE = int(np.flatnonzero(_LENGTHS == 1)[0])
# Whoosh's Or: a binary tree of unions, or an array of summed scores for many clauses or a small
# segment (whoosh.query.compound.Or._matcher).
_TOO_MANY_CLAUSES = q.Or.TOO_MANY_CLAUSES
_TREE_ABOVE_DOCS = 5000
# Unions of more documents than a segment's 1/_DENSE_FROM add scores on a dense array.
_DENSE_FROM = 8


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
    if isinstance(query, Coordinated):
        return _coordinated(query, leaf, scored)
    if type(query) in (q.Or, DefaultOr, PreloadedOr):
        return _or(query, leaf, scored)
    if isinstance(query, q.AndNot):
        a = _score(query.a, leaf, scored)
        return _without(a, _score(query.b, leaf, False).docs)
    if isinstance(query, q.AndMaybe):
        a, b = _score(query.a, leaf, scored), _score(query.b, leaf, scored)
        scores = a.scores.copy()
        _, at_a, at_b = np.intersect1d(a.docs, b.docs, assume_unique=True,
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
    """A term's postings scored as Whoosh scores them."""
    return _postings(term, leaf)[0]


def _postings(term: q.Term, leaf: Searcher, within: np.ndarray | None = None,
              values: bool = False) -> tuple[Scored, list[bytes]]:
    """A term's postings in one segment scored by BM25F times the term's boost, and with
    `values` each posting's encoded positions; with `within` (sorted documents), of the blocks
    holding those only."""
    if term.fieldname not in leaf.schema:
        return _NOTHING, []
    try:
        text = leaf.schema[term.fieldname].to_bytes(term.text)
    except ValueError:  # a value the field cannot hold
        return _NOTHING, []
    segment = leaf.reader().segment()
    # Whole lists only: a phrase reads parts of its words' lists, with their positions.
    key = (segment.segment_id(), term.fieldname, text) if (
        segment is not None and within is None and not values) else None
    kept = caches_of(leaf).postings
    cached = kept.get(key) if key else None
    if cached is not None:
        all_docs, all_weights = cached
        return _boosted(Scored(all_docs, _bm25(leaf, term.fieldname, text, all_docs,
                                               all_weights)), term.boost), []
    try:
        matcher = leaf.reader().postings(term.fieldname, text)
    except (ValueError, TermNotFound):  # a word not there
        return _NOTHING, []
    reader = facet_counts.posting_reader(matcher)
    if reader is None:
        raise Unranked(f"the postings of {term} are not Whoosh 3's")
    docs, weights, encoded = [facet_counts.EMPTY], [facet_counts.EMPTY_WEIGHTS], []
    for ids, block_weights, block_values in facet_counts.posting_blocks(
            reader, weights=True, values=values, within=within):
        docs.append(ids)
        weights.append(block_weights)
        encoded.extend(block_values)
    all_docs, all_weights = np.concatenate(docs), np.concatenate(weights)
    if key:
        kept.put(key, all_docs, all_weights)
    return _boosted(Scored(all_docs, _bm25(leaf, term.fieldname, text, all_docs, all_weights)),
                    term.boost), encoded


def _bm25(leaf: Searcher, fieldname: str, text: bytes, docs: np.ndarray,
          weights: np.ndarray) -> np.ndarray:
    """What Whoosh's BM25F scorer of the term gives each posting: whoosh.scoring.bm25 with the
    idf and average field length of the whole index, in the same order of operations."""
    top = leaf.get_parent()
    weighting = top.weighting
    if type(weighting) is not BM25F:
        raise Unranked(f"the weighting {type(weighting).__name__} is Whoosh's alone")
    if not leaf.schema[fieldname].scorable:  # no lengths (ids, keywords): the weight is the score
        return weights
    idf, average = top.idf(fieldname, text), _average_length(top, fieldname)
    K1, B = weighting.K1, weighting._field_B.get(fieldname, weighting.B)
    lengths = _LENGTHS[length_codes(leaf, fieldname)[docs]]
    return idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / average)))


def _average_length(top: Searcher, fieldname: str) -> float:
    known = caches_of(top).average_lengths.setdefault(top, {})
    if fieldname not in known:
        known[fieldname] = top.avg_field_length(fieldname) or 1
    return known[fieldname]


def length_codes(leaf: Searcher, fieldname: str) -> np.ndarray:
    """Each document's length of a field in one segment as Whoosh stores it, a byte (cached)."""

    def build() -> np.ndarray:
        reader = leaf.reader()
        count = reader.doc_count_all()
        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:  # Whoosh's scorer asks for a length of 1 then
            return np.full(count, _LENGTH_ONE, dtype=np.uint8)
        return facet_counts.column_values(column, count).astype(np.uint8)

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
    frequencies = [leaf.reader().doc_frequency(phrase.fieldname, word) for word in words]
    if not words or not all(frequencies):
        return _NOTHING
    # The rarest word first: the others' blocks without any of its documents stay unread.
    parts: list[tuple[Scored, list[bytes]]] = [(_NOTHING, [])] * len(words)
    candidates = None
    for n in sorted(range(len(words)), key=frequencies.__getitem__):
        parts[n] = _postings(q.Term(phrase.fieldname, words[n]), leaf, candidates, values=True)
        found = parts[n][0].docs
        candidates = found if candidates is None else candidates[_member(candidates, found)]
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


def _coordinated(query: Coordinated, leaf: Searcher, scored: bool) -> Scored:
    """Plain words: a passage holding more of the concepts first, then by BM25F."""
    parts = [_score(sub, leaf, scored) for sub in query.subqueries]
    count = leaf.doc_count_all()
    totals, held = np.zeros(count), np.zeros(count)
    weights = concept_weights(query, leaf.get_parent())
    for part, weight in zip(parts, weights):
        totals[part.docs] += part.scores
        held[part.docs] += weight
    docs = np.flatnonzero(held)
    if not scored:
        return Scored(docs, np.ones(len(docs)))
    return Scored(docs, coordinate(totals[docs], held[docs] / sum(weights)) * query.boost)


def concept_weights(query: Coordinated, top: Searcher) -> list[float]:
    """How much each concept counts: the idf of its rarest word in the passage text, so that a
    passage holding "CAMHS" but not "year" ranks above one holding "year" alone."""
    return [max((top.idf(field, text) for field, text in sub.iter_all_terms()
                 if field == "text"), default=1.0)
            for sub in query.subqueries]


def coordinate(bm25: np.ndarray, share: np.ndarray) -> np.ndarray:
    """Passages holding every concept first; then BM25F times the square of the share of the
    concepts held (weighted by concept_weights). Measured on train's searches against
    lexicographic (share, then BM25F) and Lucene's linear coordination: docs/relevance.md."""
    return (share >= 1 - 1e-9) * COORDINATION_STEP + bm25 * share ** 2


# Holding every concept adds more than BM25F ever gives one passage.
COORDINATION_STEP = 1000.0


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
    if not len(a.docs) or not len(b.docs):
        return b if not len(a.docs) else a
    size = int(max(a.docs[-1], b.docs[-1])) + 1
    if (len(a.docs) + len(b.docs)) * _DENSE_FROM < size:
        docs = np.union1d(a.docs, b.docs)
        scores = np.zeros(len(docs))
        scores[np.searchsorted(docs, a.docs)] = a.scores
        scores[np.searchsorted(docs, b.docs)] += b.scores
        return Scored(docs, scores)
    # Many documents: add on a dense array rather than sort their union.
    totals, matched = np.zeros(size), np.zeros(size, dtype=bool)
    totals[a.docs] = a.scores
    totals[b.docs] += b.scores
    matched[a.docs] = True
    matched[b.docs] = True
    docs = np.flatnonzero(matched)
    return Scored(docs, totals[docs])


def _intersection(a: Scored, b: Scored) -> Scored:
    """Whoosh's IntersectionMatcher: the documents of both, scores added."""
    in_b = _within(a, b.docs)
    return Scored(in_b.docs, in_b.scores + b.restricted(in_b.docs))


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
    keep = ~_member(a.docs, docs)
    return Scored(a.docs[keep], a.scores[keep])


def _within(a: Scored, docs: np.ndarray) -> Scored:
    keep = _member(a.docs, docs)
    return Scored(a.docs[keep], a.scores[keep])


def _member(docs: np.ndarray, of: np.ndarray) -> np.ndarray:
    """Which of the sorted documents are among `of` (sorted too)."""
    if not len(docs) or not len(of):
        return np.zeros(len(docs), dtype=bool)
    mask = np.zeros(int(max(docs[-1], of[-1])) + 1, dtype=bool)
    mask[of] = True
    return mask[docs]
