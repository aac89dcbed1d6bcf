"""One searcher per server thread over one open index, refreshed per request to see the
indexer's commits; each generation of the index warmed once, by the first thread to see it."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from ..engine.store import PassageIndex, Searcher, open_index
from ..search import warm_up

log = logging.getLogger(__name__)


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
