"""The web front end: search pages (`pages` blueprint), the JSON API (`api` blueprint), its
OpenAPI document and Atom feeds of searches."""
from __future__ import annotations

from flask import current_app, g

from ..readers import Reader
from .searchers import Pool

POOL_KEY = "search_service.searchers"


def current_reader() -> Reader:
    """This server thread's view of the index (whatever its engine), brought to its latest
    commit once per request."""
    if "reader" not in g:
        pool: Pool = current_app.extensions[POOL_KEY]
        g.reader = pool.reader()
    return g.reader
