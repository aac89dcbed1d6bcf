"""One Whoosh searcher per server thread, refreshed per request to see the indexer's commits."""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from whoosh.searching import Searcher

from ..store import open_index

log = logging.getLogger(__name__)


class SearcherPool:
    """Hands each thread its own searcher over `index_dir`, refreshed to the latest commit.

    Opening a searcher is slow on a big index and a searcher must not be shared across threads
    (WHOOSH-NOTES), so each thread keeps one and calls `refresh()`, which costs microseconds when
    nothing changed and picks up a cron indexer's new commit without a restart.
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
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
        return current
