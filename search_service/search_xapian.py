"""search.py's requests on a Xapian index (a folder or a stub file of shards): the same
SearchRequest answered as the same SearchResults, hits holding the model.Passage the database
stores, so the CLI prints both engines' hits with the same functions. A query the engine
cannot translate raises QueryError naming what; what it answers differently from Whoosh (no
acronym expansion, no suggestion yet) is listed in docs/scale-out.md."""
from __future__ import annotations

import dataclasses

import xapian

from .engine.schema import FACET_COLUMNS
from .engine.store import StoreError
from .engine.xapian_engine import layout
from .engine.xapian_engine import search as xsearch
from .filters import UnknownValue, Values, resolve_among, values_of
from .grouping import PER_ITEM
from .search import Hit, QueryError, SearchRequest, SearchResults, validate


def search_xapian(database: xapian.Database, request: SearchRequest) -> SearchResults:
    """One page of results, as search.search_passages gives on Whoosh (no highlights: the CLI
    shows none); a database failing (a shard down) is a StoreError, a message, not a
    traceback."""
    try:
        return _search(database, request)
    except xapian.Error as exc:
        raise StoreError(f"the Xapian index failed: {exc.get_msg()}") from None


def _search(database: xapian.Database, request: SearchRequest) -> SearchResults:
    validate(request)
    request = resolve_filters(database, request)
    grouped = bool(request.query.strip()) and request.group_by_item
    found = xsearch.search(
        database, request.query, request.filters, date_from=request.date_from,
        date_to=request.date_to, include_routine=request.include_routine, sort=request.sort,
        first=(request.page - 1) * request.page_size, size=request.page_size,
        facets=tuple(xsearch.SLOT_FACETS) if request.facets else (),
        per_item=PER_ITEM if grouped else 0)
    missing = xsearch.missing_words(database, request.query,
                                    [hit.passage.id for hit in found.hits])
    hits = [Hit(hit.passage, hit.score, {}, more_in_item=hit.more_in_item, missing=lacking)
            for hit, lacking in zip(found.hits, missing)]
    return SearchResults(request=request, total=found.total, hits=hits, facets=found.facets,
                         listed=found.listed, routine_left_out=found.routine_left_out)


def resolve_filters(database: xapian.Database, request: SearchRequest) -> SearchRequest:
    """The request with its filter values as the index holds them ("cabinet" → "Cabinet"), as
    search.resolve_filters does on Whoosh."""
    try:
        chosen = {name: resolve_among(lambda name=name: [held_values(database, name)], name,
                                      values)
                  for name, values in request.filters.items()}
    except UnknownValue as exc:
        raise QueryError(str(exc)) from None
    return dataclasses.replace(request, filters=chosen)


def held_values(database: xapian.Database, name: str) -> Values:
    """A facet's values in the database (every shard), read from its filter terms."""
    prefix = layout.boolean_term(FACET_COLUMNS[name], "")
    return values_of((item.term.decode("utf-8")[len(prefix):]
                      for item in database.allterms(prefix)), people=name == "speaker")
