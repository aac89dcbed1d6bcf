"""Decoded posting lists of recently searched words, kept within a memory budget.

Whoosh stores a posting list as blocks of ~128 postings, each a compressed pickle holding the
positions too; a word in a third of a million passages is thousands of block reads, the same
every time it is searched (docs/performance.md, round 3). The documents and term frequencies of
long lists are kept here, per segment (whose files never change), shared by every thread of the
process; the least recently used go first when their share of the index's memory budget is full
(caches.IndexCaches owns both). Scores are not kept: they depend on statistics of the whole
index, which every commit changes.
"""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

log = logging.getLogger(__name__)

# Shorter lists are read in a few blocks: keeping them would only churn the cache.
FROM_POSTINGS = 256

Key = tuple[str, str, bytes]  # segment id, field, word
Postings = tuple[np.ndarray, np.ndarray]  # documents, term frequencies


class PostingCache:
    """A thread-safe LRU map of posting lists, bounded by the bytes of their arrays: `budget`
    gives the bytes they may take now."""

    def __init__(self, budget: Callable[[], int]) -> None:
        self._budget = budget
        self._entries: OrderedDict[Key, Postings] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def bytes(self) -> int:
        """The bytes held."""
        return self._bytes

    def get(self, key: Key) -> Postings | None:
        """The documents and frequencies kept for `key` (as int64 and float64), or None."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
        if found is None:
            return None
        return found[0].astype(np.int64), found[1].astype(np.float64)

    def put(self, key: Key, docs: np.ndarray, weights: np.ndarray) -> None:
        """Keep a long posting list (shorter ones are ignored), compactly where that is exact."""
        if len(docs) < FROM_POSTINGS:
            return
        compact = (docs.astype(np.int32), _compact_weights(weights))
        size = compact[0].nbytes + compact[1].nbytes
        budget = self._budget()
        if size > budget:
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = compact
            self._bytes += size
            while self._bytes > budget:
                _, (old_docs, old_weights) = self._entries.popitem(last=False)
                self._bytes -= old_docs.nbytes + old_weights.nbytes


def _compact_weights(weights: np.ndarray) -> np.ndarray:
    """Term frequencies as float32 when that loses nothing (whole numbers always do)."""
    narrow = weights.astype(np.float32)
    return narrow if np.array_equal(narrow, weights) else weights
