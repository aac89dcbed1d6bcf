"""One searcher per server thread over one open index, refreshed per request to see the
indexer's commits, handed to the pages as the engine's Reader: a pool per engine, chosen from the
index path by `open_pool`. On Whoosh each generation of the index is warmed once, by the first
thread to see it; on Xapian each request refreshes the thread's database (every shard's latest
commit; the shards of a stub that answer)."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from ..engine.choice import engine_of, index_written, store_module
from ..engine.store import PassageIndex, Searcher, open_index
from ..readers import Reader, WhooshReader
from ..search import WARM_UP_QUERY, SearchRequest, warm_up

log = logging.getLogger(__name__)


class Pool(Protocol):
    """What the app and `serve` ask of a pool, whatever the engine."""

    def index(self) -> object:
        """The open index; raises StoreError while no index exists."""

    def reader(self) -> Reader:
        """This thread's view of the index, up to date."""

    def warm_up(self) -> None:
        """Read what the first request would, before it comes."""


def open_pool(index_path: Path) -> Pool:
    """The pool of the engine of the index at `index_path` (a folder, or a stub of shards); of
    a folder the indexer has not run on yet, a pool that asks again at each request."""
    if engine_of(index_path) == "xapian":
        return XapianPool(index_path)
    if not index_written(index_path):
        return FirstRunPool(index_path)
    return SearcherPool(index_path)


class FirstRunPool:
    """The pool of a folder no index run has written yet: each request looks again, and once
    the first run has committed, the pool of its engine (the folder's ENGINE file, else Whoosh)
    answers from then on; until then every request is the StoreError saying there is no
    index."""

    def __init__(self, index_path: Path) -> None:
        self.index_path = Path(index_path)
        self._pool: Pool | None = None
        self._opening = threading.Lock()

    def chosen(self) -> Pool:
        """The pool of the index's engine; StoreError while no run has committed."""
        with self._opening:
            if self._pool is None:
                if not index_written(self.index_path):
                    open_index(self.index_path)   # raises: no index in the folder yet
                self._pool = open_pool(self.index_path)
            return self._pool

    def index(self) -> object:
        """The open index; raises StoreError while no index exists."""
        return self.chosen().index()

    def reader(self) -> Reader:
        """This thread's view of the index, up to date."""
        return self.chosen().reader()

    def warm_up(self) -> None:
        """Read what the first request would, before it comes."""
        self.chosen().warm_up()


class SearcherPool:
    """Hands each thread its own searcher over `index_dir`, refreshed to the latest commit.

    Opening a searcher is slow on a big index and a searcher must not be shared across threads,
    so each thread keeps one and calls `refresh()`, which costs microseconds when nothing
    changed and picks up a cron indexer's new commit without a restart. Every searcher comes
    from one open index, whose caches (facet columns, masks, posting lists, the glossary) the
    threads share, each built by one thread while the others wait for it; the first thread to
    see a new generation `warm`s it, so the threads meeting a commit together wait for one read
    rather than each doing it.
    """

    def __init__(self, index_dir: Path, warm: Callable[[Searcher], object] = warm_up) -> None:
        self.index_dir = Path(index_dir)
        self._warm = warm
        self._local = threading.local()
        self._index: PassageIndex | None = None
        self._opening = threading.Lock()

    def index(self) -> PassageIndex:
        """The open index, opened on first use; raises StoreError while no index exists."""
        with self._opening:
            if self._index is None:
                self._index = open_index(self.index_dir)
            return self._index

    def searcher(self) -> Searcher:
        """This thread's searcher, up to date; raises StoreError while no index exists."""
        current: Searcher | None = getattr(self._local, "searcher", None)
        if current is None:
            current = self.index().searcher()
            log.info("opened a searcher on %s", self.index_dir)
        else:
            current = current.refresh()
        self._local.searcher = current
        self.warm(current)
        return current

    def reader(self) -> Reader:
        """This thread's searcher, up to date, as a Reader."""
        return WhooshReader(self.searcher())

    def warm_up(self) -> None:
        """Warm the index's latest generation before the first request asks for it."""
        with self.index().searcher() as searcher:
            self.warm(searcher)

    def warm(self, searcher: Searcher) -> None:
        """Warm the searcher's generation of the index, unless it was (or is being) already."""
        generation = searcher.reader().generation()
        if generation is None or not self.index().caches.claim_warm_up(generation):
            return
        started = time.perf_counter()
        self._warm(searcher)
        log.info("warmed generation %d of %s in %.2f s", generation, self.index_dir,
                 time.perf_counter() - started)


class XapianPool:
    """Hands each thread its own Xapian database over `index_path` (a folder or a stub file of
    shards), refreshed at each request: the shards' new commits are seen without a restart, a
    shard that does not answer is left out of that request's results (which say so) and asked
    again at the next. The index object keeps the glossary of the latest generation for every
    thread."""

    def __init__(self, index_path: Path) -> None:
        self.index_path = Path(index_path)
        self._local = threading.local()
        self._index: Any = None
        self._opening = threading.Lock()

    def index(self) -> Any:
        """The Xapian index, found on first use; raises StoreError while there is none."""
        with self._opening:
            if self._index is None:
                self._index = store_module("xapian").open_index(self.index_path)
            return self._index

    def reader(self) -> Reader:
        """This thread's database, refreshed (the latest commits, the shards that answer now),
        as a Reader; StoreError when no shard answers."""
        from ..reader_xapian import XapianReader

        database = getattr(self._local, "database", None)
        if database is None:
            database = self.index().searcher()
            log.info("opened the Xapian database %s", self.index_path)
        else:
            database = database.refreshed()
        self._local.database = database
        return XapianReader(database)

    def warm_up(self) -> None:
        """Run one search before the first request: the database opened, its shards reached."""
        started = time.perf_counter()
        self.reader().search(SearchRequest(query=WARM_UP_QUERY))
        log.info("searched %s once in %.2f s", self.index_path, time.perf_counter() - started)
