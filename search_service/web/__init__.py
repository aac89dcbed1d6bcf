"""The web front end: search pages (`pages` blueprint), the JSON API (`api` blueprint), its
OpenAPI document and Atom feeds of searches."""
from __future__ import annotations

from flask import current_app

from ..engine.store import Searcher
from .searchers import SearcherPool

POOL_KEY = "search_service.searchers"


def current_searcher() -> Searcher:
    """The searcher of this server thread, refreshed to the index's latest commit."""
    pool: SearcherPool = current_app.extensions[POOL_KEY]
    return pool.searcher()
