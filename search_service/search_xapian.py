"""search.py's requests on a Xapian index (a folder or a stub file of shards): the same
SearchRequest answered as the same SearchResults, hits holding the model.Passage the database
stores, so the CLI and the web print both engines' hits with the same functions. Over a stub,
the results say how many shards answered (SearchResults.shards). A query the engine cannot
translate raises QueryError naming what; what it answers differently from Whoosh is listed in
docs/scale-out.md."""
from __future__ import annotations

import dataclasses
import os

from whoosh import query as wq

from .engine import spelling
from .engine.queries import expand_words
from .engine.schema import FACET_COLUMNS
from .engine.store import StoreError
from .engine.xapian_engine import layout, reading
from .engine.xapian_engine import search as xsearch
from .engine.xapian_engine.shards import with_live_shards
from .engine.xapian_engine.store import Database
from .filters import UnknownValue, Values, resolve_among, values_of
from .glossary import Glossary, build_glossary
from .grouping import PER_ITEM
from .index_glossary import source_definitions
from .search import (
    FACET_VALUES,
    SIMILAR_CANDIDATES,
    Hit,
    QueryError,
    SearchRequest,
    SearchResults,
    alike_hits,
    similar_query,
    validate,
)
from .similarity import SIMILAR_ENOUGH

# How many matches a search counts exactly (its total and facet counts); beyond, they are
# estimates, said so. Xapian's default (xsearch.EXACT_UP_TO) unless this variable sets another.
EXACT_COUNT_ENV = "SEARCH_SERVICE_EXACT_COUNT"


def search_xapian(database: Database, request: SearchRequest) -> SearchResults:
    """One page of results, as search.search_passages gives on Whoosh, with the shards that
    answered (`shards`): a shard that stops answering during the search is left out and the
    search made again on the others. A database failing is a StoreError, a message, not a
    traceback."""
    return with_live_shards(database, lambda live: _search(live, request))


def _search(database: Database, request: SearchRequest) -> SearchResults:
    validate(request)
    request = resolve_filters(database, request)
    councils = [value for value in request.filters.get("council", []) if value]
    expanded, expansions = expand_words(layout.SCHEMA, request.query, glossary_of(database),
                                        councils, held=lambda word: text_held(database, word))
    query = xsearch.with_wildcards_listed(database,
                                          expanded or xsearch.parse_words(request.query))
    grouped = bool(request.query.strip()) and request.group_by_item
    found = xsearch.search(
        database, query, request.filters, date_from=request.date_from,
        date_to=request.date_to, include_routine=request.include_routine, sort=request.sort,
        first=(request.page - 1) * request.page_size, size=request.page_size,
        facets=tuple(xsearch.SLOT_FACETS) if request.facets else (),
        per_item=PER_ITEM if grouped else 0, facet_values=FACET_VALUES,
        exact_up_to=exact_count())
    missing = xsearch.missing_words(database, query, [hit.passage.id for hit in found.hits])
    marked = reading.highlights(database, query, [hit.passage for hit in found.hits])
    hits = [Hit(hit.passage, hit.score, marks, more_in_item=hit.more_in_item, missing=lacking,
                copies=hit.copies)
            for hit, lacking, marks in zip(found.hits, missing, marked)]
    return SearchResults(request=request, total=found.total, hits=hits, facets=found.facets,
                         listed=found.listed, routine_left_out=found.routine_left_out,
                         expansions=expansions, shards=database.shards,
                         estimated=found.estimated,
                         suggestion=suggestion(database, request.query))


def similar_xapian(database: Database, passage_id: str, limit: int = 5,
                   at_least: float = SIMILAR_ENOUGH) -> list[Hit]:
    """search.similar_passages on Xapian: the same key words searched (search.similar_query,
    translated), the best SIMILAR_CANDIDATES of other meetings (at most PER_ITEM of an item;
    Xapian's BM25 picks them), kept where alike enough by the same measure."""
    source = reading.passage_by_id(database, passage_id)
    if source is None:
        return []
    words = reading.DatabaseWords(database)
    similar = similar_query(words, source)
    if similar is None:
        return []
    query, same_kind, excluded = similar
    wanted = wq.AndNot(query if same_kind is None else wq.And([query, same_kind]), excluded)
    found = xsearch.search(database, wanted, include_routine=True, size=SIMILAR_CANDIDATES,
                           facets=(), per_item=PER_ITEM, exact_up_to=SIMILAR_CANDIDATES)
    return alike_hits(words, source, [hit.passage for hit in found.hits], limit, at_least)


def exact_count() -> int:
    """How many matches to count exactly: $SEARCH_SERVICE_EXACT_COUNT, else Xapian's default."""
    value = os.environ.get(EXACT_COUNT_ENV, "").strip()
    if not value:
        return xsearch.EXACT_UP_TO
    if not value.isdigit() or int(value) < 1:
        raise StoreError(f"{EXACT_COUNT_ENV} must be a whole number of matches (1 or more), "
                         f"not {value!r}")
    return int(value)


def glossary_of(database: Database) -> Glossary:
    """The shipped glossary and what the index's source records learnt, as
    index_glossary.glossary_for gives on Whoosh; kept by the index for the database's
    generation (every source record of every shard: at 10,000 sources a search would spend
    most of its time reading them), so the web server's threads and the CLI's pages read it
    once."""
    return database.kept.for_generation("glossary", database.generation(),
                                        lambda: _read_glossary(database))


def text_held(database: Database, word: str) -> bool:
    """Whether the passages' text holds a word (as indexed), on any shard."""
    return database.term_exists(layout.TEXT_PREFIXES["text"] + word)


def suggestion(database: Database, query: str) -> str | None:
    """The query with unknown words replaced by the closest words of the passages (spelling.py),
    from the source records' `W:` terms of every shard: Xapian's own spelling table answers
    nothing over remote shards. A word the passages hold as written, or whose stem they hold,
    is known. The corrector's word list is read once for the database's generation, when a
    word is unknown."""
    prefix = layout.boolean_term("spelling", "")
    known = spelling.known_words(layout.SCHEMA["text"],
                                 lambda word: database.term_exists(prefix + word),
                                 lambda stem: text_held(database, stem))
    return spelling.suggest(
        query, known,
        lambda: database.kept.for_generation("spelling", database.generation(),
                                             lambda: _corrector(database, prefix)))


def _corrector(database: Database, prefix: str) -> spelling.SourceWords:
    """The corrector of the words of every source record now, each by how many hold it."""
    sources = {item.term.decode("utf-8")[len(prefix):]: item.termfreq
               for item in database.allterms(prefix)}
    return spelling.SourceWords(spelling.listed_words_within(sorted(sources)), sources.__getitem__)


def _read_glossary(database: Database) -> Glossary:
    """The glossary read from every source record of the database now."""
    payloads = (layout.document_fields(database.get_document(posting.docid)).get("acronyms")
                for posting in database.postlist(layout.SOURCE_TERM))
    learnt = Glossary(definition for payload in payloads if payload
                      for definition in source_definitions(payload))
    return build_glossary(learnt.definitions)


def resolve_filters(database: Database, request: SearchRequest) -> SearchRequest:
    """The request with its filter values as the index holds them ("cabinet" → "Cabinet"), as
    search.resolve_filters does on Whoosh."""
    try:
        chosen = {name: resolve_among(lambda name=name: [held_values(database, name)], name,
                                      values)
                  for name, values in request.filters.items()}
    except UnknownValue as exc:
        raise QueryError(str(exc)) from None
    return dataclasses.replace(request, filters=chosen)


def held_values(database: Database, name: str) -> Values:
    """A facet's values in the database (every shard), read from its filter terms."""
    prefix = layout.boolean_term(FACET_COLUMNS[name], "")
    return values_of((item.term.decode("utf-8")[len(prefix):]
                      for item in database.allterms(prefix)), people=name == "speaker")
