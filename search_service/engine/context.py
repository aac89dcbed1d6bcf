"""The passage before: minutes run in order, and the paragraph that answers often holds few of
the words searched for, which the paragraph before it (the question asked, the matter set out)
holds. A found passage's score gains a share of the score of the passage just before it in its
agenda item, when that one is found too (docs/relevance.md, "The passage before").

Only the order changes: the passages found are the same. Searches ranked by relevance in bulk
(ranking.py) are ranked so; the few that Whoosh's own search ranks are not (hits.matches), nor
the passages like one ("Asked before"), which are alike by their own words.
"""
from __future__ import annotations

import numpy as np
from whoosh.searching import Searcher

from . import facet_counts
from .ranking import Scored

# The share of the previous passage's score a passage gains (chosen on the read sets' searches,
# 0.1 to 0.3 a plateau).
PREVIOUS_SHARE = 0.2
# Matches of more than a segment's 1/_DENSE_FROM are looked up in one array of every document.
_DENSE_FROM = 8


def previous_passages(leaf: Searcher) -> np.ndarray:
    """For each document of a segment, the document of the passage just before it in its agenda
    item, or -1. A source's passages are written in order in one batch, so that one is the
    document before, of the same item, at the position before."""

    def build() -> np.ndarray:
        count = leaf.doc_count_all()
        before = np.full(count, -1, dtype=np.int64)
        if count < 2 or not leaf.reader().has_column("item_key"):
            return before
        items, _ = facet_counts.item_numbers(leaf)
        positions = facet_counts.sortable_column(leaf, "position").astype(np.int64)
        follows = (items[1:] == items[:-1]) & (positions[1:] == positions[:-1] + 1)
        before[1:][follows] = np.flatnonzero(follows)
        return before

    return facet_counts.cached_for_segment(leaf, "<previous passages>", build)  # type: ignore


def with_previous(searcher: Searcher, scored: list[Scored]) -> list[Scored]:
    """The scores of each segment's matches, each raised by PREVIOUS_SHARE of the score of the
    passage before it where that one matches too."""
    raised = []
    for (leaf, _), matches in zip(searcher.leaf_searchers(), scored):
        if len(matches.docs) < 2:
            raised.append(matches)
            continue
        before = previous_passages(leaf)[matches.docs]
        count = leaf.doc_count_all()
        if len(matches.docs) * _DENSE_FROM >= count:
            # many matches: every document's score in one array (the one at -1 scores 0)
            every = np.zeros(count + 1)
            every[matches.docs] = matches.scores
            bonus = every[before]
        else:
            at = np.searchsorted(matches.docs, before).clip(max=len(matches.docs) - 1)
            bonus = np.where((before >= 0) & (matches.docs[at] == before), matches.scores[at], 0.0)
        raised.append(Scored(matches.docs, matches.scores + PREVIOUS_SHARE * bonus))
    return raised
