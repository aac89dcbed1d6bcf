"""Results grouped by agenda item: at most PER_ITEM passages of one item in a list of results,
the others counted ("3 more from this item"), as TheyWorkForYou groups speeches by debate; and
one passage shown once when a council publishes the same minutes at two addresses (an agenda
item page and an issue page): the first copy indexed stands for the others, which it links.

The engine numbers each found passage's item and finds the copies (engine/items.py); what is
listed of each item is decided here.
"""
from __future__ import annotations

import numpy as np

from .engine.ranking import ranked_page

PER_ITEM = 2
# Candidates taken in order before grouping, as a multiple of the ranks wanted; more are taken
# only when one item holds most of them.
_POOL = 4


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
        for at in ranked_page(keys, docnums, 0, pool).tolist():
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
