"""Results grouped by agenda item: at most PER_ITEM passages of one item in a list of results,
the others counted ("3 more from this item"), as TheyWorkForYou groups speeches by debate; and
one passage shown once when a council publishes the same minutes at two addresses (an agenda
item page and an issue page): the first copy indexed stands for the others, which it links.

An item's passages always share a segment (facet_counts.item_numbers), so a found passage's
group is its item's number within its segment plus the items of the segments before.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh.query import Term
from whoosh.searching import Searcher

from .engine import facet_counts, ranking
from .engine.schema import PASSAGE

PER_ITEM = 2
# Candidates taken in order before grouping, as a multiple of the ranks wanted; more are taken
# only when one item holds most of them.
_POOL = 4


def item_groups(searcher: Searcher, found: list[np.ndarray]) -> np.ndarray:
    """The item of each found passage (all segments' found passages, in order) as a number."""
    groups, offset = [np.zeros(0, dtype=np.int64)], 0
    for (leaf, _), local in zip(searcher.leaf_searchers(), found):
        numbers, count = facet_counts.item_numbers(leaf)
        groups.append(numbers[local] + offset)
        offset += count
    return np.concatenate(groups)


def listed(groups: np.ndarray) -> int:
    """How many passages a grouped list holds: at most PER_ITEM of each item."""
    return int(np.minimum(np.bincount(groups), PER_ITEM).sum()) if len(groups) else 0


def grouped_page(keys: np.ndarray, docnums: np.ndarray, groups: np.ndarray, first: int,
                 count: int) -> np.ndarray:
    """The positions of ranks `first` to `first + count` in the order of (key, docnum), lowest
    first, counting at most PER_ITEM passages of one item."""
    wanted, pool = first + count, (first + count) * _POOL
    while True:
        taken: list[int] = []
        shown: dict[int, int] = {}
        for at in ranking.ranked_page(keys, docnums, 0, pool).tolist():
            group = int(groups[at])
            if shown.get(group, 0) < PER_ITEM:
                shown[group] = shown.get(group, 0) + 1
                taken.append(at)
                if len(taken) == wanted:
                    break
        if len(taken) == wanted or pool >= len(keys):
            return np.array(taken[first:], dtype=np.int64)
        pool *= _POOL


def more_in_item(groups: np.ndarray, positions: np.ndarray) -> list[int]:
    """For each listed passage, how many passages of its item were found but not listed."""
    counts = np.bincount(groups)[groups[positions]]
    return np.maximum(counts - PER_ITEM, 0).tolist()


@dataclass(frozen=True)
class Copies:
    """The passages of the index that were published at more than one address."""

    later: list[np.ndarray]  # per segment, the live passages whose copy was indexed before
    keys: frozenset[bytes]  # the text_key of every passage that has a copy


def copies(searcher: Searcher) -> Copies:
    """The copies among the live passages of the index, worked out once per generation."""

    def build() -> Copies:
        live = facet_counts.matching_docs(searcher, Term("record", PASSAGE))
        leaves = [leaf for leaf, _ in searcher.leaf_searchers()]
        keys = [facet_counts.sortable_column(leaf, "text_key")[docs]
                if leaf.reader().has_column("text_key") else np.full(len(docs), b"")
                for leaf, docs in zip(leaves, live)]
        every = np.concatenate(keys) if keys else np.zeros(0, dtype="S1")
        later = np.ones(len(every), dtype=bool)
        later[np.unique(every, return_index=True)[1]] = False  # the first of each key
        later &= every != b""  # a passage too short to tell apart has no key
        bounds = np.cumsum([0] + [len(docs) for docs in live])
        return Copies([docs[later[start:end]] for docs, start, end
                       in zip(live, bounds, bounds[1:])], frozenset(every[later].tolist()))

    return facet_counts.cached_for_index(searcher, "<copies>", build)  # type: ignore


def copies_of(searcher: Searcher, text_key: str | None, passage_id: str) -> list[dict]:
    """The stored fields of the other copies of a passage (none when it has none)."""
    if not text_key or text_key.encode() not in copies(searcher).keys:
        return []
    return [fields for fields in searcher.documents(text_key=text_key)
            if fields.get("id") != passage_id]
