"""Facet counts in bulk: matched documents as arrays, counted against cached facet ordinals.

Whoosh's `groupedby` calls Python code for every matching document and facet (WHOOSH-NOTES: p95
~2 s on broad queries). Here a query's matches are read as arrays straight from the posting
blocks (And/Or/Not of terms; other queries through Whoosh's own matcher), and each facet column
is read once per segment into an array of ordinals, so counting is one `numpy.bincount`.
"""
from __future__ import annotations

import logging
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as q
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.columns import NumericColumn
from whoosh.fields import DATETIME
from whoosh.idsets import BitSet
from whoosh.matching import Matcher
from whoosh.searching import Searcher

from .caches import GLOBAL, LIVE, caches_of

log = logging.getLogger(__name__)

EMPTY = np.zeros(0, dtype=np.int64)
EMPTY_WEIGHTS = np.zeros(0)


@dataclass(frozen=True)
class Column:
    """One facet of one segment: sorted distinct labels and each document's label ordinal."""

    labels: np.ndarray  # str objects, sorted (not fixed-width unicode: 4 bytes × longest label)
    ords: np.ndarray | None  # per document, -1 for none (the smallest int type that holds the
    # labels); None for a many-valued facet
    # A many-valued facet: every (document, label ordinal) pair, the documents of each label in
    # turn, so a count over documents is one bincount.
    posting_docs: np.ndarray | None = None
    posting_labels: np.ndarray | None = None


def _cached(searcher: Searcher, key: tuple, build: Callable[[], object]) -> object:
    """The value of `key` kept by the searcher's index, else `build()` (kept)."""
    return caches_of(searcher).cached(key, build)


def _segment_key(searcher: Searcher) -> tuple:
    return (searcher.reader().segment().segment_id(),)


def _live(searcher: Searcher) -> np.ndarray | None:
    """A mask of the segment's documents that are not deleted; None when none are."""
    reader = searcher.reader()
    if not reader.has_deletions():
        return None
    segment = reader.segment()

    def build() -> np.ndarray:
        mask = np.ones(reader.doc_count_all(), dtype=bool)
        mask[np.fromiter(segment.deleted_docs(), dtype=np.int64)] = False
        return mask

    return _cached(searcher, _segment_key(searcher) + (LIVE, segment.deleted_count()),
                   build)  # type: ignore[return-value]


def cached_for_segment(leaf: Searcher, name: str, build: Callable[[], object]) -> object:
    """`build()` of one segment, kept with its facet columns (and forgotten with them)."""
    if leaf.reader().segment() is None:  # an index before its first commit: nothing to keep
        return build()
    return _cached(leaf, _segment_key(leaf) + (name,), build)


def cached_for_index(searcher: Searcher, name: str, build: Callable[[], object]) -> object:
    """`build()` over every segment of the searcher and their deletions, kept until a segment
    goes or documents are deleted."""
    leaves = [leaf for leaf, _ in searcher.leaf_searchers()]
    if any(leaf.reader().segment() is None for leaf in leaves):  # no segment yet
        return build()
    deletions = ",".join(str(leaf.reader().segment().deleted_count()) for leaf in leaves)
    return _cached(searcher, (GLOBAL, f"{name} {deletions}",
                    tuple(leaf.reader().segment().segment_id() for leaf in leaves)), build)


def item_numbers(leaf: Searcher) -> tuple[np.ndarray, int]:
    """Each document's agenda item numbered within the segment, and how many items it has.

    A source document's passages are written in one batch and merged together, so an item's
    passages always share a segment.
    """

    def build() -> tuple[np.ndarray, int]:
        if not leaf.reader().has_column("item_key"):  # a segment of source records only
            return np.zeros(leaf.doc_count_all(), dtype=np.int64), 1
        labels, numbers = np.unique(sortable_column(leaf, "item_key"), return_inverse=True)
        return numbers.astype(np.int64), len(labels)

    return cached_for_segment(leaf, "<item numbers>", build)  # type: ignore


def _forget_old_segments(searcher: Searcher) -> None:
    """Drop the data kept of segments the searcher's generation of the index no longer has."""
    caches, generation = caches_of(searcher), searcher.reader().generation()
    if generation is None or generation <= caches.newest_generation:  # None: no segment yet
        return
    caches.forget_old_segments(
        generation, [leaf.reader().segment() for leaf, _ in searcher.leaf_searchers()])


def matching_docs(searcher: Searcher, query: q.Query) -> list[np.ndarray]:
    """The live documents matching `query`, as one sorted array per leaf segment."""
    _forget_old_segments(searcher)
    return [_live_only(leaf, _docs(query, leaf)) for leaf, _ in searcher.leaf_searchers()]


def narrow(searcher: Searcher, docs: list[np.ndarray], term: q.Term) -> list[np.ndarray]:
    """Those of the documents (one sorted array per leaf segment) that hold `term` too and are
    not deleted: `matching_docs` of an And of a query and `term`, given the query's documents."""
    _forget_old_segments(searcher)
    out = []
    for (leaf, _), local in zip(searcher.leaf_searchers(), docs):
        if _is_broad(term, leaf):
            local = local[_broad_term(term, leaf)[1][local]]
        else:
            local = np.intersect1d(local, _term_docs(term, leaf), assume_unique=True)
        out.append(_live_only(leaf, local))
    return out


def _live_only(leaf: Searcher, docs: np.ndarray) -> np.ndarray:
    """Those of a segment's documents that are not deleted."""
    live = _live(leaf)
    return docs[live[docs]] if live is not None and len(docs) else docs


def _docs(query: q.Query, leaf: Searcher) -> np.ndarray:
    """Sorted unique documents of one segment matching `query` (deleted ones may be included)."""
    if isinstance(query, q.Term):
        return _broad_term(query, leaf)[0] if _is_broad(query, leaf) else _term_docs(query, leaf)
    if isinstance(query, q.And):
        positive = [s for s in query.subqueries if not isinstance(s, q.Not)]
        negative = [s.query for s in query.subqueries if isinstance(s, q.Not)]
        if positive:
            # A term in most documents (such as record:passage, in every search) narrows the
            # others through its cached mask rather than being read and intersected each time.
            broad = [isinstance(s, q.Term) and _is_broad(s, leaf) for s in positive]
            if all(broad):
                broad[0] = False
            docs = _intersect(_docs(s, leaf) for s, wide in zip(positive, broad) if not wide)
            for term in (s for s, wide in zip(positive, broad) if wide):
                docs = docs[_broad_term(term, leaf)[1][docs]]
            for sub in negative:
                docs = np.setdiff1d(docs, _docs(sub, leaf), assume_unique=True)
            return docs
    if isinstance(query, (q.Or, q.DisjunctionMax)) and not getattr(query, "minmatch", 0):
        parts = [_docs(s, leaf) for s in query.subqueries]
        return np.unique(np.concatenate(parts)) if parts else EMPTY
    if isinstance(query, q.AndNot):
        return np.setdiff1d(_docs(query.a, leaf), _docs(query.b, leaf), assume_unique=True)
    if isinstance(query, q.Require):
        return _intersect([_docs(query.a, leaf), _docs(query.b, leaf)])
    if isinstance(query, q.AndMaybe):
        return _docs(query.a, leaf)
    if query is q.NullQuery:
        return EMPTY
    if isinstance(query, q.NumericRange) and leaf.reader().has_column(query.fieldname):
        return _range_docs(query, leaf)
    if isinstance(query, q.NumericRange):
        simpler = query.simplify(leaf.reader())
        if not isinstance(simpler, type(query)):
            return _docs(simpler, leaf)
    if isinstance(query, q.ConstantScoreQuery):  # a simplified date range: an Or of term ranges
        return _docs(query.child, leaf)
    if isinstance(query, q.TermRange):  # its words as bytes: a date range's tiers are no dates
        words = [q.Term(name, word) for name, word in query.expanded_terms(leaf.reader())]
        return _docs(q.Or(words), leaf) if words else EMPTY
    return np.fromiter(query.docs(leaf), dtype=np.int64)


def sortable_column(leaf: Searcher, fieldname: str) -> np.ndarray:
    """Every document's raw value of a sortable field in one segment (cached)."""

    def build() -> np.ndarray:
        reader = leaf.reader()
        return column_values(reader.column_reader(fieldname, translate=False),
                             reader.doc_count_all())

    return cached_for_segment(leaf, f"<column {fieldname}>", build)  # type: ignore


def column_values(reader: Any, count: int) -> np.ndarray:
    """Every document's value of a Whoosh column reader, as one array."""
    if isinstance(reader, NumericColumn.Reader):  # fixed-size big-endian numbers: read at once
        values = np.full(count, reader._default, dtype=np.dtype(">" + reader._typecode))
        stored = reader._dbfile.get(reader._basepos, reader._count * reader._fixedlen)
        values[:reader._count] = np.frombuffer(stored, dtype=values.dtype)
        return values
    return np.array(list(reader))


def _range_docs(query: q.NumericRange, leaf: Searcher) -> np.ndarray:
    """A numeric or date range's documents, read from the field's column: Whoosh would read
    the posting lists of up to a thousand terms (the range's tiers) per segment."""
    field = leaf.schema[query.fieldname]
    values = sortable_column(leaf, query.fieldname)
    keep = values != field.default  # a document without a value
    # A date range holds its bounds as the column does (microseconds); a number range numbers.
    bound = (lambda value: value) if isinstance(field, DATETIME) else field.to_column_value
    if query.start is not None:
        low = bound(query.start)
        keep &= values > low if query.startexcl else values >= low
    if query.end is not None:
        high = bound(query.end)
        keep &= values < high if query.endexcl else values <= high
    return np.flatnonzero(keep)


def _intersect(arrays: Iterable[np.ndarray]) -> np.ndarray:
    result = None
    for docs in arrays:
        result = docs if result is None else np.intersect1d(result, docs, assume_unique=True)
        if not len(result):
            break
    return EMPTY if result is None else result


def _is_broad(term: q.Term, leaf: Searcher) -> bool:
    """Whether the term is in more than half the segment's documents."""
    reader = leaf.reader()
    try:
        return reader.doc_frequency(term.fieldname, term.text) * 2 > reader.doc_count_all()
    except (KeyError, ValueError):  # not a field, or a value the field cannot hold
        return False


def _broad_term(term: q.Term, leaf: Searcher) -> tuple[np.ndarray, np.ndarray]:
    """A broad term's documents and a mask of them over the segment, read once and cached."""

    def build() -> tuple[np.ndarray, np.ndarray]:
        docs = _term_docs(term, leaf)
        mask = np.zeros(leaf.reader().doc_count_all(), dtype=bool)
        mask[docs] = True
        return docs, mask

    return _cached(leaf, _segment_key(leaf) + ("<term>", term.fieldname, term.text),
                   build)  # type: ignore[return-value]


def _term_docs(term: q.Term, leaf: Searcher) -> np.ndarray:
    """The posting list of a term, read a block at a time."""
    matcher = term.matcher(leaf)
    inner = posting_reader(matcher)
    if inner is None:
        return np.fromiter(matcher.all_ids(), dtype=np.int64)
    blocks = [ids for ids, _, _ in posting_blocks(inner)]
    return np.concatenate(blocks) if blocks else EMPTY


def posting_reader(matcher: Matcher) -> W3LeafMatcher | None:
    """The W3 posting list under a term's matcher (its deletion filter and boost unwrapped:
    deleted documents are dropped by the caller), or None."""
    while not isinstance(matcher, W3LeafMatcher) and hasattr(matcher, "child"):
        matcher = matcher.child
    return matcher if isinstance(matcher, W3LeafMatcher) else None


def posting_blocks(reader: W3LeafMatcher, weights: bool = False, values: bool = False,
                   within: np.ndarray | None = None
                   ) -> Iterator[tuple[np.ndarray, np.ndarray, Sequence[bytes]]]:
    """(documents, weights, values) of each block of a posting list from where the reader
    stands; weights and values are empty unless asked for. With `within` (sorted documents),
    blocks holding none of them are skipped unread.

    Decoded with numpy where Whoosh decodes in Python: documents are stored as differences,
    weights as None (all 1.0), one float for all (Whoosh reads it as a 32-bit float) or one
    float each.
    """
    after = -1  # the last document of the previous block
    while reader.is_active():
        if within is not None:
            wanted = np.searchsorted(within, after, side="right")
            if wanted == len(within):
                return
            after = reader._maxid
            if within[wanted] > after:
                reader._next_block()
                continue
        if reader._data is None:
            reader._read_data()
        stored_ids, stored_weights, stored_values = reader._data[:3]
        ids = np.array(stored_ids, dtype=np.int64)
        if not reader._byteids:
            ids = np.cumsum(ids)
        at = reader._i
        block_weights = EMPTY_WEIGHTS
        if weights:
            if stored_weights is None:
                block_weights = np.ones(len(ids) - at)
            elif isinstance(stored_weights, float):
                block_weights = np.full(len(ids) - at, np.float32(stored_weights), np.float64)
            else:
                block_weights = np.array(stored_weights[at:], dtype=np.float64)
        if values and reader._values is None:
            reader._read_values()
        yield ids[at:], block_weights, reader._values[at:] if values else ()
        reader._next_block()


def allowed_set(searcher: Searcher, docs: list[np.ndarray]) -> BitSet:
    """The documents as a Whoosh filter (global numbers), so Whoosh need not find them again."""
    mask = np.zeros(searcher.doc_count_all(), dtype=bool)
    for (_, offset), local in zip(searcher.leaf_searchers(), docs):
        mask[local + offset] = True
    allowed = BitSet()
    allowed.bits = array("B", np.packbits(mask, bitorder="little").tobytes())
    return allowed


def without(docs: list[np.ndarray], others: list[np.ndarray]) -> list[np.ndarray]:
    """Each segment's documents but the others of that segment (a mask: no sort)."""
    kept = []
    for own, other in zip(docs, others):
        if not len(own) or not len(other):
            kept.append(own)
            continue
        keep = np.ones(int(max(own[-1], other[-1])) + 1, dtype=bool)
        keep[other] = False
        kept.append(own[keep[own]])
    return kept


def intersect(a: list[np.ndarray], b: list[np.ndarray]) -> list[np.ndarray]:
    """Per-segment intersection of two matches."""
    return [np.intersect1d(x, y, assume_unique=True) for x, y in zip(a, b)]


def _column(leaf: Searcher, fieldname: str, label: Callable[[object], str | None]) -> Column:
    """The facet column of one segment, read once and cached."""

    def build() -> Column:
        reader = leaf.reader()
        field = reader.schema[fieldname]
        if reader.has_column(fieldname):
            # Each document's raw value numbered in order of appearance; only the distinct
            # values are translated and labelled, then renumbered in label order.
            raw: dict[object, int] = {}
            seen = np.fromiter((raw.setdefault(v, len(raw)) for v in
                                reader.column_reader(fieldname, translate=False)),
                               dtype=np.int32, count=reader.doc_count_all())
            names = [label(field.from_column_value(v)) for v in raw]
            labels = sorted({name for name in names if name is not None})
            index = {name: n for n, name in enumerate(labels)}
            renumber = np.array([-1 if name is None else index[name] for name in names],
                                dtype=_ordinal_type(len(labels)))
            return Column(_strings(labels), renumber[seen])
        names, postings = [], []
        for text in reader.lexicon(fieldname):
            name = label(field.from_bytes(text))
            if name is not None:
                names.append(name)
                docs = _term_docs(q.Term(fieldname, field.from_bytes(text)), leaf)
                postings.append(docs.astype(np.int32))
        order = sorted(range(len(names)), key=names.__getitem__)
        ordered = [postings[i] for i in order]
        return Column(_strings([names[i] for i in order]), None,
                      np.concatenate(ordered or [EMPTY]).astype(np.int64),
                      np.repeat(np.arange(len(ordered)), [len(docs) for docs in ordered]))

    return _cached(leaf, _segment_key(leaf) + (fieldname,), build)  # type: ignore[return-value]


def _ordinal_type(labels: int) -> type:
    """The smallest signed integer type numbering `labels` labels and -1."""
    return next(t for t in (np.int8, np.int16, np.int32) if labels <= np.iinfo(t).max)


def _strings(labels: list[str]) -> np.ndarray:
    out = np.empty(len(labels), dtype=object)
    out[:] = labels
    return out


def count_values(searcher: Searcher, docs: list[np.ndarray], fieldname: str,
                 label: Callable[[object], str | None], limit: int | None = None,
                 always: Sequence[str] = ()) -> list[tuple[str, int]]:
    """(label, count) of the values of `fieldname` among `docs`, most frequent first, then by
    label: the first `limit` (all when None), and those of `always` found beyond them; `label`
    turns a column value into its label, or None for 'no value'."""
    labels, to_global = _global_labels(searcher, fieldname, label)
    found = []
    for (leaf, _), local, mapping in zip(searcher.leaf_searchers(), docs, to_global):
        if not len(local):
            continue
        column = _column(leaf, fieldname, label)
        if column.ords is not None:
            ords = column.ords[local]
            found.append(mapping[ords[ords >= 0]])
        else:
            mask = np.zeros(leaf.reader().doc_count_all(), dtype=bool)
            mask[local] = True
            held = np.bincount(column.posting_labels[mask[column.posting_docs]],
                               minlength=len(column.labels))
            found.append(np.repeat(mapping, held))
    if not found:
        return []
    counts = np.bincount(np.concatenate(found), minlength=len(labels))
    present = np.flatnonzero(counts)
    # Global ordinals follow the labels' order: most frequent first, then by label.
    ranked = present[np.lexsort((present, -counts[present]))]
    if limit is not None:
        wanted = set(always)
        ranked = np.concatenate([ranked[:limit], [n for n in ranked[limit:].tolist()
                                                  if labels[n] in wanted]]).astype(np.int64)
    return list(zip(labels[ranked].tolist(), counts[ranked].tolist()))


def _global_labels(searcher: Searcher, fieldname: str, label: Callable[[object], str | None]
                   ) -> tuple[np.ndarray, list[np.ndarray]]:
    """The sorted labels of a facet over every segment of the searcher, and for each segment
    its labels' numbers among them (cached for the set of segments): the counts of every
    segment then add up in one array."""
    leaves = [leaf for leaf, _ in searcher.leaf_searchers()]

    def build() -> tuple[np.ndarray, list[np.ndarray]]:
        columns = [_column(leaf, fieldname, label).labels for leaf in leaves]
        labels = _strings(sorted(set().union(*(column.tolist() for column in columns))))
        return labels, [np.searchsorted(labels, column) if len(column) else EMPTY
                        for column in columns]

    if any(leaf.reader().segment() is None for leaf in leaves):  # an index with no segment yet
        return _strings([]), [EMPTY for _ in leaves]
    key = (GLOBAL, fieldname, tuple(leaf.reader().segment().segment_id() for leaf in leaves))
    return _cached(searcher, key, build)  # type: ignore[return-value]


def first_and_count(searcher: Searcher, fieldname: str, label: Callable[[object], str | None],
                    values: Iterable[str] | None = None) -> dict[str, tuple[int, int]]:
    """For each value of a single-valued facet that live documents hold (each of `values`, or
    every one): the global number of its first document and how many documents hold it.

    A search page names up to 30 meetings; looking each up as a term costs a posting read per
    meeting and segment, where this is a binary search in each segment's cached column (and
    every value at once, one `numpy.unique` per segment).
    """
    _forget_old_segments(searcher)
    wanted = None if values is None else list(dict.fromkeys(values))
    found: dict[str, tuple[int, int]] = {}
    for leaf, offset in searcher.leaf_searchers():
        if leaf.reader().segment() is None or wanted == []:  # an index with no segment yet
            continue
        column = _column(leaf, fieldname, label)
        if column.ords is None or not len(column.labels):
            continue
        each = _each_value(leaf, column) if wanted is None else _these_values(
            leaf, fieldname, column, wanted)
        for value, first_doc, count in each:
            first, total = found.get(value, (offset + first_doc, 0))
            found[value] = (first, total + count)
    return found


def _each_value(leaf: Searcher, column: Column) -> Iterator[tuple[str, int, int]]:
    """Every value of a segment's column held by live documents, with the first of them and
    their count."""
    live = _live(leaf)
    held = column.ords >= 0 if live is None else (column.ords >= 0) & live
    docs = np.flatnonzero(held)
    ordinals, first, counts = np.unique(column.ords[docs], return_index=True, return_counts=True)
    yield from zip(column.labels[ordinals].tolist(), docs[first].tolist(), counts.tolist())


def _these_values(leaf: Searcher, fieldname: str, column: Column, wanted: list[str]
                  ) -> Iterator[tuple[str, int, int]]:
    """Those of `wanted` that live documents of the segment hold, with the first of them and
    their count."""
    order, sorted_ords = _by_value(leaf, fieldname, column)
    for value, ordinal in zip(wanted, np.searchsorted(column.labels, wanted).tolist()):
        if ordinal == len(column.labels) or column.labels[ordinal] != value:
            continue
        start, end = np.searchsorted(sorted_ords, [ordinal, ordinal + 1]).tolist()
        docs = _live_only(leaf, order[start:end])
        if len(docs):
            yield value, int(docs[0]), len(docs)


def _by_value(leaf: Searcher, fieldname: str, column: Column) -> tuple[np.ndarray, np.ndarray]:
    """A segment's documents ordered by their value of a single-valued facet (in document order
    within a value), and their ordinals in that order."""

    def build() -> tuple[np.ndarray, np.ndarray]:
        order = np.argsort(column.ords, kind="stable")
        return order, column.ords[order]

    return cached_for_segment(leaf, f"{fieldname} by value", build)  # type: ignore[return-value]
