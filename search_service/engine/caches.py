"""What searches keep about one index, owned by the index object and within one memory budget.

Every search reads per segment the same facet columns, field lengths, masks and values, and the
posting lists of its words; a segment's files never change, so these stay valid across the
index's generations and are shared by every thread that searches it. Segment data comes first
(each search reads it); decoded posting lists use what is left of the budget. Values built from
a whole generation (the glossary) are kept for the newest generation only.
"""
from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

import numpy as np

from .posting_cache import PostingCache

# Segment data and decoded posting lists together: at 1M passages the facet columns and field
# lengths of 48 segments take ~200 MB, which leaves the posting lists the 256 MB they had alone.
BUDGET_MB = 512
# Segments whose columns, masks and arrays are kept, across searchers: more than an index has (a
# 1M build makes ~48), or every search would read some of them again.
CACHED_SEGMENTS = 256
T = TypeVar("T")
LIVE = "<live>"
GLOBAL = "<global>"


class IndexCaches:
    """The caches of one index: segment data, posting lists, per-searcher and per-generation
    values, and the newest generation warmed."""

    def __init__(self, budget_bytes: int = BUDGET_MB * 2**20) -> None:
        self.budget_bytes = budget_bytes
        # Keyed (segment id, name, ...); the live mask also by the segment's deletion count,
        # (segment id, LIVE, count); values over several segments (GLOBAL, name, segment ids).
        self._segments: OrderedDict[tuple, tuple[object, int]] = OrderedDict()
        self._owners: OrderedDict[object, None] = OrderedDict()  # least recently used first
        self._building: dict[tuple, threading.Event] = {}
        self._lock = threading.Lock()
        self._segment_bytes = 0
        self._newest_generation = -1  # of the index, as the searches so far have seen it
        self.postings = PostingCache(lambda: self.budget_bytes - self._segment_bytes)
        # The index-wide average length of each field, per searcher: Whoosh sums it over the
        # segments each time a scorer is made.
        self.average_lengths: WeakKeyDictionary[Any, dict[str, float]] = WeakKeyDictionary()
        self.generations = GenerationValues()
        self._warmed = -1

    @property
    def segment_bytes(self) -> int:
        """The bytes of the arrays of the segment data kept."""
        return self._segment_bytes

    @property
    def newest_generation(self) -> int:
        """The newest generation of the index the searches so far have seen."""
        return self._newest_generation

    def segment_entries(self) -> list[tuple[tuple, object]]:
        """The segment data kept, by key (to measure it)."""
        with self._lock:
            return [(key, value) for key, (value, _) in self._segments.items()]

    def cached(self, key: tuple, build: Callable[[], object]) -> object:
        """The value kept for `key`, else `build()`, built by one thread while others asking for
        the same key wait: a server's threads that meet a new segment at once read it once."""
        while True:
            with self._lock:
                if key in self._segments:
                    self._owners.move_to_end(_owner(key))
                    return self._segments[key][0]
                pending = self._building.get(key)
                if pending is None:
                    pending = self._building[key] = threading.Event()
                    break
            pending.wait()  # then look again: the builder may have failed; this thread retries
        try:
            value = build()
            size = _array_bytes(value)
            with self._lock:
                self._segments[key] = (value, size)
                self._segment_bytes += size
                self._owners[_owner(key)] = None
                self._owners.move_to_end(_owner(key))
                if len(self._owners) > CACHED_SEGMENTS:
                    oldest, _ = self._owners.popitem(last=False)
                    self._drop([other for other in self._segments if _owner(other) == oldest])
            return value
        finally:
            with self._lock:
                del self._building[key]
            pending.set()

    def forget_old_segments(self, generation: int, segments: list[Any]) -> None:
        """Drop the data of segments a newer generation of the index no longer has.

        Every indexer commit adds segments, merges others away and changes deletion counts; a
        long-running server would otherwise keep the columns of every segment it ever saw, up to
        `CACHED_SEGMENTS` segments (each up to megabytes). Live masks of older deletion counts go
        too; the columns of a segment that only lost documents stay.
        """
        if generation <= self._newest_generation:
            return
        current = {segment.segment_id() for segment in segments}
        live = {(segment.segment_id(), LIVE, segment.deleted_count()) for segment in segments}
        with self._lock:
            self._newest_generation = max(self._newest_generation, generation)
            self._drop([key for key in self._segments if _stale(key, current, live)])
            kept = {_owner(key) for key in self._segments}
            for owner in [owner for owner in self._owners if owner not in kept]:
                del self._owners[owner]

    def _drop(self, keys: list[tuple]) -> None:
        for key in keys:
            _, size = self._segments.pop(key)
            self._segment_bytes -= size

    def claim_warm_up(self, generation: int) -> bool:
        """Whether `generation` is newer than any warmed (or being warmed); claims it if so."""
        with self._lock:
            if generation <= self._warmed:
                return False
            self._warmed = generation
            return True


class GenerationValues:
    """Values built from a whole generation of an index (the glossary), each kept for the last
    generation asked for; shared by the threads searching the index, whatever its engine."""

    def __init__(self) -> None:
        self._values: dict[str, tuple[Hashable, object]] = {}
        self._lock = threading.Lock()

    def for_generation(self, name: str, generation: Hashable,
                       build: Callable[[], T]) -> T:
        """`build()` for the index's `generation` (whatever identifies it: Whoosh's number, None
        before its first commit), kept until another is asked for; built under a lock, so
        threads meeting a new generation together build it once."""
        with self._lock:
            kept = self._values.get(name)
            if kept is None or kept[0] != generation:
                kept = self._values[name] = (generation, build())
            return kept[1]  # type: ignore[return-value]


def _owner(key: tuple) -> object:
    """The segment an entry belongs to: its id, or the ids of all for values over all."""
    return key[2] if key[0] == GLOBAL else key[0]


def _stale(key: tuple, segments: set[str], live: set[tuple]) -> bool:
    """Whether an entry belongs to segments no longer read or to old deletions."""
    if key[0] == GLOBAL:
        return not set(key[2]) <= segments
    return key[0] not in segments or (key[1] == LIVE and key not in live)


def _array_bytes(value: object) -> int:
    """The bytes of the numpy arrays in a value (in tuples, lists and dataclasses): what the
    budget counts; the Python objects beside them are small."""
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, (tuple, list)):
        return sum(_array_bytes(part) for part in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return sum(_array_bytes(getattr(value, f.name)) for f in dataclasses.fields(value))
    return 0


def caches_of(searcher: Any) -> IndexCaches:
    """The caches of the index a searcher (or one of its segments' searchers) reads: an index
    opened by store.open_index."""
    return searcher._ix.caches  # Whoosh keeps the index there, and gives it to leaf searchers
