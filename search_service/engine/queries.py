"""Queries as the engine runs them: the user's words parsed and kept affordable, facet filters
and date ranges, and the few plain queries the search layer builds (a term, any of several)."""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from itertools import islice

from whoosh.query import And, DateRange, Every, MultiTerm, Or, Query, Term
from whoosh.query.compound import PreloadedOr
from whoosh.reading import IndexReader
from whoosh.fields import Schema
from whoosh.searching import Searcher

from . import query_parser
from .query_parser import AcronymExpander, AcronymLookup, Compounds, Expansion, Lookups
from .schema import FACET_COLUMNS, PASSAGE, ROUTINE
from .synonyms import shipped_thesaurus

log = logging.getLogger(__name__)

# Words a wildcard, prefix or range may match before it is read in bulk, and in all.
PRELOAD_AT = 50
MAX_EXPANSIONS = 1000
PASSAGES = Term("record", PASSAGE)
ROUTINE_PASSAGES = Term("routine", ROUTINE)


class QueryError(ValueError):
    """A query or parameter the user must change; the message says how."""


def term(field: str, value: object, boost: float = 1.0) -> Query:
    """The documents whose `field` holds `value` (a word as indexed, or a field's value); a
    `boost` multiplies its scores."""
    return Term(field, value, boost=boost)


def any_of(parts: Sequence[Query]) -> Query:
    """The documents matching any of the parts, their scores added."""
    return Or(list(parts))


def parse_query(searcher: Searcher, text: str) -> Query:
    """The query for the user's words; every passage when there are none.

    Typed field prefixes can reach the source records (`record:source`): a search keeps
    passages only (passages_only).
    """
    if not text.strip():
        return PASSAGES
    try:
        parsed = query_parser.parse(searcher.schema, text)
    except Exception as exc:  # the parser raises assorted errors on odd syntax
        raise QueryError(f"cannot understand the query {text!r}: {exc}") from None
    return bound_patterns(parsed, searcher.reader())


def bound_patterns(query: Query, reader: IndexReader) -> Query:
    """The query with its wildcard, prefix, range and fuzzy words (and `*`) kept affordable.

    Each such pattern matches every word of the index that fits it, and Whoosh ORs those words
    in a binary tree of unions: seconds for a few hundred words (`re*`), minutes for `*a*`.
    Past PRELOAD_AT words a pattern's matches are read in bulk instead (Whoosh's PreloadedOr);
    past MAX_EXPANSIONS words in all, the user is asked for narrower patterns.
    """
    total = 0

    def bound(part: Query) -> Query:
        nonlocal total
        room = MAX_EXPANSIONS + 1 - total
        if isinstance(part, MultiTerm):
            words = list(islice(part.expanded_terms(reader), room))
        elif isinstance(part, Every) and part.fieldname not in (None, "", "*"):
            # `*` alone: Whoosh unions the postings of every word of the field.
            words = [(part.fieldname, word) for word in islice(reader.lexicon(part.fieldname),
                                                               room)]
        else:
            return part if part.is_leaf() else part.apply(bound)
        total += len(words)
        if total > MAX_EXPANSIONS:
            pattern = str(part).split(":", 1)[-1]  # "text:re*" as typed: "re*"
            raise QueryError(f"{pattern!r} matches too many different words (the limit is "
                             f"{MAX_EXPANSIONS:,} in a search): make it narrower, for example "
                             f"with more letters before the *; an empty search lists every "
                             f"passage")
        if len(words) < PRELOAD_AT:
            return part
        return PreloadedOr([Term(name, word) for name, word in words], boost=part.boost)

    return bound(query)


def expand_query(searcher: Searcher, text: str, query: Query, glossary: AcronymLookup,
                 councils: Sequence[str]) -> tuple[Query, list[Expansion]]:
    """The query also searching the long forms of its acronyms and the acronyms of its long
    forms, and its words written joined or apart; `query` itself when it has none of them, so
    such queries give the very same results."""
    reader = searcher.reader()
    expanded, expansions = expand_words(searcher.schema, text, glossary, councils,
                                        held=lambda word: ("text", word) in reader)
    if expanded is None:
        return query, []
    return bound_patterns(expanded, reader), expansions


def expand_words(schema: Schema, text: str, glossary: AcronymLookup, councils: Sequence[str],
                 held: Callable[[str], bool]) -> tuple[Query | None, list[Expansion]]:
    """`text` parsed with its acronyms' long forms and its long forms' acronyms, and its words
    written joined or apart (query_parser.Compounds; `held` says whether the passages' text
    holds a word as indexed); and what was added; (None, []) when nothing was (either engine
    then searches the query as typed)."""
    if not text.strip():
        return None, []
    lookups = Lookups(glossary, Compounds(schema["text"], held), shipped_thesaurus())
    expander = AcronymExpander(lookups, councils)
    try:
        expanded = query_parser.parse(schema, text, [expander])
    except Exception:  # the query as typed parsed; search it rather than fail
        log.exception("cannot expand the acronyms of %r", text)
        return None, []
    return (expanded, expander.expansions) if expander.expansions else (None, [])


def filter_query(filters: dict[str, list[str]], date_from: dt.date | None,
                 date_to: dt.date | None, without: str | None = None) -> Query | None:
    """The filters as one query: OR within a facet, AND across facets and the date range.

    `without` leaves one facet's own filter out, to count that facet's other values.
    """
    parts: list[Query] = []
    for name, values in filters.items():
        if name == without:
            continue
        column = FACET_COLUMNS[name]
        terms = [_facet_term(column, value) for value in values if value != ""]
        if terms:
            parts.append(Or(terms) if len(terms) > 1 else terms[0])
    if date_from or date_to:
        start = dt.datetime.combine(date_from, dt.time.min) if date_from else None
        end = dt.datetime.combine(date_to, dt.time.max) if date_to else None
        parts.append(DateRange("meeting_date", start, end))
    if not parts:
        return None
    return And(parts) if len(parts) > 1 else parts[0]


def _facet_term(column: str, value: str) -> Query:
    if column == "year":
        try:
            year = int(value)
        except ValueError:
            raise QueryError(f"year must be a number, not {value!r}") from None
        return Term(column, year)
    return Term(column, value)


def passages_only(query: Query) -> Query:
    """The query limited to passages: the index also holds a marker record per source document.

    A typed `record:source` or `source_url:...` would otherwise find the markers.
    """
    return query if query == PASSAGES else And([query, PASSAGES])

