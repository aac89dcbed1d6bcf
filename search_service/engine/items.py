"""Agenda items and copies across segments: the item of each found passage as one number, and
the passages a council published at two addresses (an agenda item page and an issue page).

An item's passages always share a segment (facet_counts.item_numbers), so a found passage's
item is its number within its segment plus the items of the segments before.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh.query import Term
from whoosh.searching import Searcher

from . import facet_counts
from .schema import PASSAGE


def item_groups(searcher: Searcher, found: list[np.ndarray]) -> np.ndarray:
    """The item of each found passage (all segments' found passages, in order) as a number."""
    groups, offset = [np.zeros(0, dtype=np.int64)], 0
    for (leaf, _), local in zip(searcher.leaf_searchers(), found):
        numbers, count = facet_counts.item_numbers(leaf)
        groups.append(numbers[local] + offset)
        offset += count
    return np.concatenate(groups)


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
