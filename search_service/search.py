"""Searches of the passage index: a SearchRequest in, a page of hits with facet counts, a spelling
suggestion and the acronyms also searched out; the engine matches, ranks, counts and highlights."""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import filters, grouping, similarity
from .engine import context, facet_counts, hits, items, queries, ranking
from .engine.queries import Query, QueryError
from .engine.query_parser import Expansion
from .engine.reading import SearcherWords
from .engine.schema import FACET_COLUMNS
from .engine.store import Searcher
from .index_glossary import glossary_for
from .model import Passage, ShardStatus

log = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 500
MAX_PAGE_SIZE = 100
MAX_PAGE = 1000
# Values listed per facet, most frequent first (the pages show 30); chosen values always.
FACET_VALUES = 100
SORTS = ("relevance", "newest", "oldest")


@dataclass
class SearchRequest:
    """Everything a search page, the API or the CLI can ask for."""

    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10
    facets: bool = True
    # Routine items (apologies, declarations of interest, the last minutes, the next meeting's
    # date) are left out unless asked for.
    include_routine: bool = False
    # A search for words lists at most grouping.PER_ITEM passages of an agenda item; an
    # export lists every one.
    group_by_item: bool = True


@dataclass
class Hit:
    """One passage in a result list, with what the search found out about it."""

    passage: Passage
    score: float
    highlights: dict[str, str]
    # Passages of the same agenda item found but not listed (grouping.PER_ITEM are).
    more_in_item: int = 0
    # Plain words of the search this passage does not hold ("Missing: waiting").
    missing: tuple[str, ...] = ()
    # The addresses of the same passage published again (an issue page beside the item page).
    copies: tuple[str, ...] = ()


@dataclass
class SearchResults:
    """A page of hits with the total, facet counts and a spelling suggestion."""

    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    suggestion: str | None = None
    # Acronyms and long forms the query also searched ("also searched: …").
    expansions: list[Expansion] = field(default_factory=list)
    # The hits that can be listed: a search for words lists at most grouping.PER_ITEM of one
    # agenda item.
    listed: int = 0
    # Passages of routine items the words matched, left out (before the filters).
    routine_left_out: int = 0
    # The shards of a Xapian stub file asked and those that did not answer; None for one index.
    shards: ShardStatus | None = None
    # The total, listed and facet counts are estimates: the Xapian engine counts exactly up to
    # a threshold (engine/xapian_engine/search.py EXACT_UP_TO); Whoosh always counts exactly.
    estimated: bool = False

    @property
    def pages(self) -> int:
        """The number of result pages."""
        return max(1, -(-self.listed // self.request.page_size))


def validate(request: SearchRequest) -> None:
    """Reject requests that are out of bounds, with a message saying what is allowed."""
    if len(request.query) > MAX_QUERY_LENGTH:
        raise QueryError(f"query is {len(request.query)} characters; the limit is "
                         f"{MAX_QUERY_LENGTH}")
    if request.sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}")
    if not 1 <= request.page <= MAX_PAGE:
        raise QueryError(f"page must be between 1 and {MAX_PAGE}")
    if not 1 <= request.page_size <= MAX_PAGE_SIZE:
        raise QueryError(f"page size must be between 1 and {MAX_PAGE_SIZE}")
    unknown = set(request.filters) - set(FACET_COLUMNS)
    if unknown:
        raise QueryError(f"unknown filter {', '.join(sorted(unknown))}; filters are "
                         f"{', '.join(FACET_COLUMNS)}")
    if request.date_from and request.date_to and request.date_from > request.date_to:
        raise QueryError("the 'from' date is after the 'to' date")


def expand_query(searcher: Searcher, request: SearchRequest,
                 query: Query) -> tuple[Query, list[Expansion]]:
    """The query also searching the long forms of its acronyms and the acronyms of its long
    forms; `query` itself when it has neither."""
    return queries.expand_query(searcher, request.query, query, glossary_for(searcher),
                                _chosen(request, "council"))


def filter_query(request: SearchRequest, without: str | None = None) -> Query | None:
    """The request's filters as one query (`without` one facet's own filter)."""
    return queries.filter_query(request.filters, request.date_from, request.date_to, without)


def resolve_filters(searcher: Searcher, request: SearchRequest) -> SearchRequest:
    """The request with its filter values as the index holds them ("cabinet" → "Cabinet");
    a value outside a closed list (kind, council, committee) raises QueryError naming those."""
    try:
        chosen = {name: filters.resolve(searcher, name, values)
                  for name, values in request.filters.items()}
    except filters.UnknownValue as exc:
        raise QueryError(str(exc)) from None
    return dataclasses.replace(request, filters=chosen)


def search_passages(searcher: Searcher, request: SearchRequest) -> SearchResults:
    """Run a search request and return one page of results."""
    validate(request)
    request = resolve_filters(searcher, request)
    typed = queries.parse_query(searcher, request.query)
    query, expansions = expand_query(searcher, request, typed)
    # Matches are found once as arrays, scored in bulk where the ranking allows: they give the
    # total, the facet counts and the page of hits (passages only, within the filters); only the
    # page's hits are loaded and highlighted.
    matched, scored = hits.matches(searcher, query, request.sort)
    if scored is not None:   # (ranked in bulk: a passage gains from the one before it)
        scored = context.with_previous(searcher, scored)
    # A passage published at two addresses is found once: the first copy indexed.
    matched = facet_counts.without(matched, items.copies(searcher).later)
    routine = 0
    if not request.include_routine:
        kept = facet_counts.without(
            matched, facet_counts.matching_docs(searcher, queries.ROUTINE_PASSAGES))
        routine, matched = sum(map(len, matched)) - sum(map(len, kept)), kept
    filtering = filter_query(request)
    found = matched if filtering is None else facet_counts.intersect(
        matched, facet_counts.matching_docs(searcher, filtering))
    total = sum(map(len, found))
    # A search for words lists at most PER_ITEM passages of an item; a listing lists all.
    groups = items.item_groups(searcher, found) if (
        request.query.strip() and request.group_by_item) else None
    listed = total if groups is None else grouping.listed(groups)
    first = (request.page - 1) * request.page_size
    page_hits = []
    # A page past the end shows nothing (and an empty filter would be no filter at all).
    if first < listed:
        loaded, more = _page(searcher, query, found, scored, request, groups, highlighted=True)
        missing = hits.missing_words(searcher, query, [hit.docnum for hit in loaded])
        page_hits = [Hit(hit.passage, hit.score, hit.highlights, more_in_item=more_here,
                         missing=lacking, copies=hits.copy_urls(searcher, hit))
                     for hit, more_here, lacking in zip(loaded, more, missing)]
    facets = {}
    if request.facets:
        facets = {name: count_facet(searcher, matched, found, request, name)
                  for name in FACET_COLUMNS}
    return SearchResults(request=request, total=total, hits=page_hits, facets=facets,
                         suggestion=hits.suggest(searcher, request.query),
                         expansions=expansions,
                         listed=listed,
                         routine_left_out=routine)


def _page(searcher: Searcher, query: Query, found: list[np.ndarray],
          scored: list[ranking.Scored] | None, request: SearchRequest,
          groups: np.ndarray | None, highlighted: bool = False
          ) -> tuple[list[hits.Found], list[int]]:
    """The page's hits among the found passages, in the request's order (with `groups`, the
    found passages' items: at most grouping.PER_ITEM of one), and how many more passages of
    each hit's item were found."""
    first = (request.page - 1) * request.page_size
    if request.sort == "relevance" and scored is None and query != queries.PASSAGES:
        loaded = hits.unscored_page(searcher, query, found, first, request.page_size,
                                    highlighted)
        return loaded, [0] * len(loaded)
    keys, order, ties, docnums = hits.sort_keys(searcher, found, scored, request.sort)
    if groups is None:
        groups = np.arange(len(docnums))
    at = grouping.grouped_page(order, ties, groups, first, request.page_size)
    return (hits.load_hits(searcher, query, keys[at], docnums[at], highlighted),
            grouping.more_in_item(groups, at))


def _chosen(request: SearchRequest, name: str) -> list[str]:
    return [value for value in request.filters.get(name, []) if value != ""]


def count_facet(searcher: Searcher, matched: list[Any], found: list[Any],
                request: SearchRequest, name: str) -> list[tuple[str, int]]:
    """(value, count) of one facet among the hits, most frequent first: the first
    `FACET_VALUES`, and the chosen ones.

    Several values of one facet can be chosen (they are ORed), so a facet with chosen values is
    counted under every filter but its own, and its chosen values are always listed, with a
    count of 0 if need be.
    """
    chosen = _chosen(request, name)
    if chosen:
        others = filter_query(request, without=name)
        found = matched if others is None else facet_counts.intersect(
            matched, facet_counts.matching_docs(searcher, others))
    counts = hits.facet_values(searcher, found, FACET_COLUMNS[name], limit=FACET_VALUES,
                               always=chosen)
    known = {value for value, _ in counts}
    return counts + [(value, 0) for value in chosen if value not in known]


def get_passage(searcher: Searcher, passage_id: str) -> Passage | None:
    """One passage, or None."""
    return hits.passage_by_id(searcher, passage_id)


@dataclass(frozen=True)
class MeetingSummary:
    """A meeting as the index knows it: its header and how many passages it has."""

    id: str
    council: str | None
    committee: str | None
    date: dt.date | None
    url: str | None
    passages: int
    first_item: str | None = None
    time: str | None = None
    title: str | None = None


def meeting_summary(meeting_id: str, first: Passage, passages: int) -> MeetingSummary:
    """A meeting's summary from its first passage and its number of passages."""
    meeting = first.meeting
    return MeetingSummary(id=meeting_id, council=meeting.council, committee=meeting.committee,
                          date=meeting.date, url=meeting.url, passages=passages,
                          first_item=first.item.title,
                          time=f"{meeting.time:%H:%M}" if meeting.time else None,
                          title=meeting.title)


def newest_meetings(found: dict[str, tuple[Passage, int]]) -> list[MeetingSummary]:
    """The summaries of meetings (by id: their first passage and number of passages), newest
    first."""
    meetings = [meeting_summary(meeting_id, first, passages)
                for meeting_id, (first, passages) in found.items()]
    return sorted(meetings, key=lambda m: (m.date or dt.date.min, m.id), reverse=True)


def list_meetings(searcher: Searcher) -> list[MeetingSummary]:
    """Every meeting in the index, newest first; reads one stored document per meeting."""
    return newest_meetings(hits.meetings(searcher))


def get_meeting(searcher: Searcher, meeting_id: str) -> MeetingSummary | None:
    """One meeting's summary, or None when no passage belongs to it."""
    return get_meetings(searcher, [meeting_id])[meeting_id]


def get_meetings(searcher: Searcher, meeting_ids: Iterable[str]
                 ) -> dict[str, MeetingSummary | None]:
    """The summaries of several meetings (None for one without passages), read in bulk."""
    wanted = list(meeting_ids)
    return summaries_of(hits.meetings(searcher, wanted), wanted)


def summaries_of(found: dict[str, tuple[Passage, int]], wanted: list[str]
                 ) -> dict[str, MeetingSummary | None]:
    """The summaries of the `wanted` meetings among those `found` (None for the others)."""
    return {meeting_id: meeting_summary(meeting_id, *found[meeting_id])
            if meeting_id in found else None for meeting_id in wanted}


@dataclass(frozen=True)
class IndexSummary:
    """What the index holds now: live passages and the meetings and committees they are from."""

    passages: int
    meetings: int
    committees: int


def summarise_index(searcher: Searcher) -> IndexSummary:
    """The live passages (replaced ones left out) and their meetings and committees."""
    passages = facet_counts.matching_docs(searcher, queries.PASSAGES)
    meetings, committees = (hits.facet_values(searcher, passages, column)
                            for column in ("meeting_id", "committee_key"))
    return IndexSummary(sum(map(len, passages)), len(meetings), len(committees))


# A word in most minutes: searching it reads every facet column and the glossary once.
WARM_UP_QUERY = "council"


def warm_up(searcher: Searcher) -> None:
    """Read once what every search reads (facet columns, the glossary, the spelling words), so
    the first visitor after a start does not wait for it."""
    search_passages(searcher, SearchRequest(query=WARM_UP_QUERY))


def meeting_items(searcher: Searcher, meeting_id: str) -> list[list[Passage]]:
    """The passages of one meeting by agenda item, in agenda order and then in minutes order."""
    return agenda_items(hits.meeting_passages(searcher, meeting_id))


def agenda_items(passages: Iterable[Passage]) -> list[list[Passage]]:
    """A meeting's passages by agenda item, in agenda order and then in minutes order."""
    by_item: dict[str | None, list[Passage]] = {}
    for passage in sorted(passages, key=_agenda_order):
        by_item.setdefault(passage.item.number or passage.item.title, []).append(passage)
    return list(by_item.values())


def _agenda_order(passage: Passage) -> tuple[Any, ...]:
    number = passage.item.number or ""
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 10**9, number, number or passage.item.title or "",
            passage.position)


def item_neighbours(searcher: Searcher, passage: Passage
                    ) -> tuple[Passage | None, Passage | None]:
    """The passages just before and just after this one in the same agenda item."""
    return neighbours(hits.item_passages(searcher, passage), passage)


def neighbours(ordered: list[Passage], passage: Passage
               ) -> tuple[Passage | None, Passage | None]:
    """The passages just before and just after `passage` among its item's, `ordered`."""
    at = next((i for i, other in enumerate(ordered) if other.id == passage.id), None)
    if at is None:
        return None, None
    return (ordered[at - 1] if at > 0 else None,
            ordered[at + 1] if at + 1 < len(ordered) else None)


# Candidates whose similarity is measured: the key words' best matches, of which a few are alike.
SIMILAR_CANDIDATES = 20


def similar_passages(searcher: Searcher, passage_id: str, limit: int = 5,
                     at_least: float = similarity.SIMILAR_ENOUGH) -> list[Hit]:
    """Passages from other meetings on the subject of this one, most alike first, scored by
    their similarity (for a question: where it came up before); none when none is alike
    enough."""
    source = get_passage(searcher, passage_id)
    if source is None:
        return []
    words = SearcherWords(searcher)
    similar = similar_query(words, source)
    if similar is None:
        return []
    query, same_kind, excluded = similar
    # Matched and ranked as a search is: a filter would first turn the kind into a set of every
    # question in the index, then walk the candidates one by one.
    matched, scored = hits.matches(searcher, query, "relevance")
    if same_kind is not None:
        matched = facet_counts.narrow(searcher, matched, same_kind)
    outside = facet_counts.matching_docs(searcher, excluded)
    candidates = [np.setdiff1d(docs, other, assume_unique=True)
                  for docs, other in zip(matched, outside)]
    if not any(map(len, candidates)):  # an empty filter would be no filter at all
        return []
    # The key words' best matches, kept where the whole question is alike: sharing a word or two
    # ("funding", a councillor's name) is no shared subject.
    found, _ = _page(searcher, query, candidates, scored,
                     SearchRequest(page_size=SIMILAR_CANDIDATES),
                     items.item_groups(searcher, candidates))
    return alike_hits(words, source, [hit.passage for hit in found], limit, at_least)


def alike_hits(index: similarity.WordStatistics, source: Passage, candidates: list[Passage],
               limit: int, at_least: float) -> list[Hit]:
    """The candidates alike enough to `source` as hits scored by their similarity, most alike
    first (both engines' similar passages)."""
    return [Hit(candidates[n], score=score, highlights={})
            for score, n in similarity.alike_enough(index, source, candidates, limit, at_least)]


def similar_query(index: similarity.WordStatistics, passage: Passage
                  ) -> tuple[Query, Query | None, Query] | None:
    """What `similar_passages` searches: the passage's key words (the words of its subject, by
    tf-idf), the kind to keep (questions for a question, so each comes with the answer given
    then) and what to leave out (its own meeting, or itself); None for a passage without key
    words. Both engines search it (the Xapian engine translates it)."""
    key_terms = similarity.key_words(index, passage)
    if not key_terms:
        return None
    query = queries.any_of([queries.term("text", word, boost=weight)
                            for word, weight in key_terms])
    same_kind = queries.term("kind", "qa") if passage.kind == "qa" else None
    meeting_id = passage.meeting.identifier
    return query, same_kind, (queries.term("meeting_id", meeting_id) if meeting_id
                              else queries.term("id", passage.id))
