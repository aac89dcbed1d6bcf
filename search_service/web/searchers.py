"""One Whoosh searcher per server thread, refreshed per request to see the indexer's commits;
each generation of the index warmed once, by the first thread to see it."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from whoosh.searching import Searcher

from ..search import warm_up
from ..engine.store import open_index

log = logging.getLogger(__name__)

# The newest generation warmed (or being warmed) of each index folder: the caches warmed are the
# process's, shared by every pool and thread.
_warmed: dict[Path, int] = {}
_lock = threading.Lock()


class SearcherPool:
    """Hands each thread its own searcher over `index_dir`, refreshed to the latest commit.

    Opening a searcher is slow on a big index and a searcher must not be shared across threads
    (WHOOSH-NOTES), so each thread keeps one and calls `refresh()`, which costs microseconds when
    nothing changed and picks up a cron indexer's new commit without a restart. What a search
    reads per segment (facet columns, masks, the glossary) is cached across threads, built by
    one thread while the others wait for it; the first thread to see a new generation `warm`s
    it, so the threads meeting a commit together wait for one read rather than each doing it.
    """

    def __init__(self, index_dir: Path, warm: Callable[[Searcher], object] = warm_up) -> None:
        self.index_dir = Path(index_dir)
        self._folder = self.index_dir.resolve()
        self._warm = warm
        self._local = threading.local()

    def searcher(self) -> Searcher:
        """This thread's searcher, up to date; raises StoreError while no index exists."""
        current: Searcher | None = getattr(self._local, "searcher", None)
        if current is None:
            current = open_index(self.index_dir).searcher()
            log.info("opened a searcher on %s", self.index_dir)
        else:
            current = current.refresh()
        self._local.searcher = current
        self.warm(current)
        return current

    def warm(self, searcher: Searcher) -> None:
        """Warm the searcher's generation of the index, unless it was (or is being) already."""
        generation = searcher.reader().generation()
        with _lock:
            if generation is None or generation <= _warmed.get(self._folder, -1):
                return
            _warmed[self._folder] = generation
        started = time.perf_counter()
        self._warm(searcher)
        log.info("warmed generation %d of %s in %.2f s", generation, self.index_dir,
                 time.perf_counter() - started)
