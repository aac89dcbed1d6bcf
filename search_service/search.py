"""Queries over the passage index: parsing, filters, facets, sorting, highlights, suggestions."""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable
from itertools import islice
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from whoosh.analysis import STOP_WORDS
from whoosh.highlight import ContextFragmenter, HtmlFormatter, WholeFragmenter
from whoosh.query import And, DateRange, Every, MultiTerm, Or, Query, Term
from whoosh.query.compound import PreloadedOr
from whoosh.reading import IndexReader
from whoosh.searching import Results, Searcher

from . import filters, grouping, similarity
from .engine import facet_counts, query_parser, ranking
from .glossary import AcronymExpander, Expansion, glossary_for
from .engine.schema import FACET_COLUMNS, PASSAGE, ROUTINE

log = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 500
# Words a wildcard, prefix or range may match before it is read in bulk, and in all.
PRELOAD_AT = 50
MAX_EXPANSIONS = 1000
MAX_PAGE_SIZE = 100
MAX_PAGE = 1000
# Values listed per facet, most frequent first (the pages show 30); chosen values always.
FACET_VALUES = 100
SORTS = ("relevance", "newest", "oldest")
# A field this short is shown whole with its matches marked; a longer one as fragments.
WHOLE_FIELD_CHARS = 600
CONTEXT_FRAGMENTER = ContextFragmenter(maxchars=300, surround=80)

HIT_FIELDS = ("kind", "text", "question", "answer", "speaker", "asked_by", "answered_by",
              "people", "council", "committee", "meeting_id", "meeting_date", "meeting_time",
              "meeting_title", "item_number", "item_title", "url", "meeting_url", "position",
              "topics")


class QueryError(ValueError):
    """A query or parameter the user must change; the message says how."""


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
    """One passage in a result list."""

    id: str
    score: float
    fields: dict[str, Any]
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


def parse_query(searcher: Searcher, text: str) -> Query:
    """The Whoosh query for the user's words; every passage when there are none.

    Typed field prefixes can reach the source records (`record:source`): search_passages
    keeps passages only.
    """
    if not text.strip():
        return Term("record", PASSAGE)
    try:
        parsed = query_parser.parse(searcher.schema, text)
    except Exception as exc:  # Whoosh raises assorted errors on odd syntax
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


def expand_query(searcher: Searcher, request: SearchRequest,
                 query: Query) -> tuple[Query, list[Expansion]]:
    """The query also searching the long forms of its acronyms and the acronyms of its long
    forms; `query` itself when it has neither, so such queries give the very same results."""
    if not request.query.strip():
        return query, []
    expander = AcronymExpander(glossary_for(searcher), _chosen(request, "council"))
    try:
        expanded = query_parser.parse(searcher.schema, request.query, [expander])
    except Exception:  # the query as typed parsed; search it rather than fail
        log.exception("cannot expand the acronyms of %r", request.query)
        return query, []
    if not expander.expansions:
        return query, []
    return bound_patterns(expanded, searcher.reader()), expander.expansions


def filter_query(request: SearchRequest, without: str | None = None) -> Query | None:
    """The filters as one query: OR within a facet, AND across facets and the date range.

    `without` leaves one facet's own filter out, to count that facet's other values.
    """
    parts: list[Query] = []
    for name, values in request.filters.items():
        if name == without:
            continue
        column = FACET_COLUMNS[name]
        terms = [_facet_term(column, value) for value in values if value != ""]
        if terms:
            parts.append(Or(terms) if len(terms) > 1 else terms[0])
    if request.date_from or request.date_to:
        start = dt.datetime.combine(request.date_from, dt.time.min) if request.date_from else None
        end = dt.datetime.combine(request.date_to, dt.time.max) if request.date_to else None
        parts.append(DateRange("meeting_date", start, end))
    if not parts:
        return None
    return And(parts) if len(parts) > 1 else parts[0]


def resolve_filters(searcher: Searcher, request: SearchRequest) -> SearchRequest:
    """The request with its filter values as the index holds them ("cabinet" → "Cabinet");
    a value outside a closed list (kind, council, committee) raises QueryError naming those."""
    try:
        chosen = {name: filters.resolve(searcher, name, values)
                  for name, values in request.filters.items()}
    except filters.UnknownValue as exc:
        raise QueryError(str(exc)) from None
    return dataclasses.replace(request, filters=chosen)


def _facet_term(column: str, value: str) -> Query:
    if column == "year":
        try:
            year = int(value)
        except ValueError:
            raise QueryError(f"year must be a number, not {value!r}") from None
        return Term(column, year)
    return Term(column, value)


def search_passages(searcher: Searcher, request: SearchRequest) -> SearchResults:
    """Run a search request and return one page of results."""
    validate(request)
    request = resolve_filters(searcher, request)
    typed = parse_query(searcher, request.query)
    query, expansions = expand_query(searcher, request, typed)
    # Matches are found once as arrays, scored in bulk where the ranking allows: they give the
    # total, the facet counts and the page of hits (passages only, within the filters); Whoosh
    # loads and highlights the page's hits only.
    matched, scored = _matches(searcher, query, request.sort)
    # A passage published at two addresses is found once: the first copy indexed.
    matched = facet_counts.without(matched, grouping.copies(searcher).later)
    routine = 0
    if not request.include_routine:
        kept = facet_counts.without(matched,
                                    facet_counts.matching_docs(searcher, ROUTINE_PASSAGES))
        routine, matched = sum(map(len, matched)) - sum(map(len, kept)), kept
    filtering = filter_query(request)
    found = matched if filtering is None else facet_counts.intersect(
        matched, facet_counts.matching_docs(searcher, filtering))
    total = sum(map(len, found))
    # A search for words lists at most PER_ITEM passages of an item; a listing lists all.
    groups = grouping.item_groups(searcher, found) if (
        request.query.strip() and request.group_by_item) else None
    listed = total if groups is None else grouping.listed(groups)
    first = (request.page - 1) * request.page_size
    hits = []
    # A page past the end shows nothing (and an empty filter would be no filter to Whoosh).
    if first < listed:
        results, more = _page(searcher, query, found, scored, request, groups)
        results.formatter = HtmlFormatter(tagname="mark", between=" … ")
        missing = _missing_words(searcher, query, [hit.docnum for hit in results[:]])
        hits = [Hit(id=hit["id"], score=float(hit.score or 0.0),
                    fields={name: hit.get(name) for name in HIT_FIELDS},
                    highlights=_highlights(hit), more_in_item=more_here, missing=lacking,
                    copies=tuple(copy["url"] for copy in grouping.copies_of(
                        searcher, hit.get("text_key"), hit["id"]) if copy.get("url")))
                for hit, more_here, lacking in zip(results[:], more, missing)]
    facets = {}
    if request.facets:
        facets = {name: count_facet(searcher, matched, found, request, name)
                  for name in FACET_COLUMNS}
    return SearchResults(request=request, total=total, hits=hits, facets=facets,
                         suggestion=suggest(searcher, request.query),
                         expansions=expansions,
                         listed=listed,
                         routine_left_out=routine)


PASSAGES = Term("record", PASSAGE)
ROUTINE_PASSAGES = Term("routine", ROUTINE)


def _matches(searcher: Searcher, query: Query, sort: str
             ) -> tuple[list[np.ndarray], list[ranking.Scored] | None]:
    """The passages matching the query (a sorted array per segment) and, for a ranking by
    relevance that ranking.py can do, the query's matches with their scores."""
    if sort == "relevance" and query != PASSAGES:
        try:
            scored = ranking.score_query(searcher, query)
        except ranking.Unranked as reason:
            log.debug("ranked by Whoosh: %s", reason)
        else:
            return facet_counts.narrow(searcher, [s.docs for s in scored], PASSAGES), scored
    return facet_counts.matching_docs(searcher, passages_only(query)), None


def _page(searcher: Searcher, query: Query, found: list[np.ndarray],
          scored: list[ranking.Scored] | None, request: SearchRequest,
          groups: np.ndarray | None) -> tuple[Results, list[int]]:
    """The page's hits among the found passages, in the request's order (with `groups`, the
    found passages' items: at most grouping.PER_ITEM of one), as Whoosh's Results (for their
    stored fields and highlights), and how many more passages of each hit's item were found."""
    first = (request.page - 1) * request.page_size
    if request.sort == "relevance" and scored is None and query != PASSAGES:
        # A query ranking.py does not score: Whoosh ranks it, within the found passages.
        results = searcher.search(query, limit=first + request.page_size,
                                  filter=facet_counts.allowed_set(searcher, found))
        return Results(searcher, query, results.top_n[first:]), [0] * len(results.top_n[first:])
    leaves = searcher.leaf_searchers()
    docnums = np.concatenate([local + offset for (_, offset), local in zip(leaves, found)])
    if request.sort == "relevance":
        # Every passage scores 1.0 for no words (the weight of Whoosh's `record` term).
        keys = np.ones(len(docnums)) if scored is None else np.concatenate(
            [matches.restricted(local) for matches, local in zip(scored, found)])
        # Whoosh's order: highest score first, then the lower document number.
        order, ties = -keys, docnums
    else:
        keys = np.concatenate([facet_counts.sortable_column(leaf, "meeting_date")[local]
                               for (leaf, _), local in zip(leaves, found)])
        if request.sort == "newest":
            # Whoosh sorts (date, document) in reverse; undated passages count as the oldest.
            keys = np.where(keys == searcher.schema["meeting_date"].default, 0, keys)
            order, ties = -keys.astype(np.int64), -docnums
        else:
            order, ties = keys, docnums
    if groups is None:
        groups = np.arange(len(docnums))
    at = grouping.grouped_page(order, ties, groups, first, request.page_size)
    return (Results(searcher, query, list(zip(keys[at].tolist(), docnums[at].tolist()))),
            grouping.more_in_item(groups, at))


def _missing_words(searcher: Searcher, query: Query, docnums: list[int]
                   ) -> list[tuple[str, ...]]:
    """For each passage, the plain words of the query it does not hold, as typed."""
    plain = query_parser.coordinated_part(query)
    if plain is None or not docnums:
        return [()] * len(docnums)
    offsets = [offset for _, offset in searcher.leaf_searchers()]
    segment = np.searchsorted(offsets, docnums, side="right") - 1
    local = np.array(docnums) - np.array(offsets)[segment]
    held = np.zeros((len(plain.subqueries), len(docnums)), dtype=bool)
    for n, concept in enumerate(plain.subqueries):
        try:  # the concept's postings were just read to rank it: the posting cache holds them
            matched = [scored.docs for scored in ranking.score_query(searcher, concept)]
        except ranking.Unranked:
            matched = facet_counts.matching_docs(searcher, concept)
        held[n] = [np.isin(at, matched[leaf]).item() for leaf, at in zip(segment, local)]
    return [tuple(label for label, has in zip(plain.labels, held[:, i]) if not has)
            for i in range(len(docnums))]


def passages_only(query: Query) -> Query:
    """The query limited to passages: the index also holds a marker record per source document.

    A typed `record:source` or `source_url:...` would otherwise find the markers.
    """
    return query if query == PASSAGES else And([query, PASSAGES])


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
    column = FACET_COLUMNS[name]
    counts = facet_counts.count_values(searcher, found, column, _labeller(searcher, column),
                                       limit=FACET_VALUES, always=chosen)
    known = {value for value, _ in counts}
    return counts + [(value, 0) for value in chosen if value not in known]


def _highlights(hit: Any) -> dict[str, str]:
    """Matches marked in each text field: the whole field when short, else fragments."""
    out = {}
    for name in ("text", "question", "answer", "item_title"):
        text = hit.get(name)
        if text:
            whole = len(text) <= WHOLE_FIELD_CHARS
            hit.results.fragmenter = WholeFragmenter() if whole else CONTEXT_FRAGMENTER
            # Plain words search an answer through the text that holds it: mark them there too.
            fragment = hit.highlights(name, top=3) or (
                name == "answer" and hit.highlights("text", text=text, top=3))
            if fragment:
                out[name] = fragment if whole else f"… {fragment} …"
    return out


def _labeller(searcher: Searcher, column: str) -> Callable[[object], str | None]:
    """A facet column's value as its label, or None for 'no value'."""
    # A numeric column gives passages without a value (no year) the field's maximum.
    missing = getattr(searcher.schema[column], "max_value", None)
    return lambda key: None if key in (None, "", b"", missing) else _facet_label(key)


def _facet_label(key: object) -> str:
    if isinstance(key, bytes):
        return key.decode("utf-8", errors="replace")
    return str(key)


# Words of the query to spell-check: not operators, field prefixes, wildcards or quoted syntax.
_QUERY_WORD = re.compile(r"(?<![\w:*?~^])[A-Za-z][a-z]{2,}(?![\w:*?~^])")
_OPERATORS = {"and", "or", "not", "to"}


def suggest(searcher: Searcher, text: str) -> str | None:
    """The query with unknown words replaced by the closest indexed words, or None.

    Words are checked against the unstemmed words of the passage texts (the `spelling` field of
    the source records), allowing one edit in short words and two in longer ones, so "tax"
    never becomes "was".
    """
    reader = searcher.reader()
    corrector = searcher.corrector("spelling")
    corrected, changed = text, False
    for match in reversed(list(_QUERY_WORD.finditer(text))):
        word = match.group().lower()
        if word in STOP_WORDS or word in _OPERATORS or ("spelling", word) in reader:
            continue
        found = corrector.suggest(word, limit=1, maxdist=1 if len(word) <= 5 else 2, prefix=1)
        if found:
            corrected = corrected[:match.start()] + found[0] + corrected[match.end():]
            changed = True
    return corrected if changed else None


def get_passage(searcher: Searcher, passage_id: str) -> dict[str, Any] | None:
    """The stored fields of one passage, or None."""
    # Only passages have ids (and meeting ids, item keys): a single term finds them fast, where
    # adding record=passage would walk every passage.
    return searcher.document(id=passage_id)


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


def _meeting_summary(meeting_id: str, fields: dict[str, Any], passages: int) -> MeetingSummary:
    date = fields.get("meeting_date")
    return MeetingSummary(id=meeting_id, council=fields.get("council"),
                          committee=fields.get("committee"), date=date.date() if date else None,
                          url=fields.get("meeting_url"), passages=passages,
                          first_item=fields.get("item_title"), time=fields.get("meeting_time"),
                          title=fields.get("meeting_title"))


def list_meetings(searcher: Searcher) -> list[MeetingSummary]:
    """Every meeting in the index, newest first; reads one stored document per meeting."""
    found = facet_counts.first_and_count(searcher, "meeting_id",
                                         _labeller(searcher, "meeting_id"))
    meetings = [_meeting_summary(meeting_id, searcher.stored_fields(first), passages)
                for meeting_id, (first, passages) in found.items()]
    return sorted(meetings, key=lambda m: (m.date or dt.date.min, m.id), reverse=True)


def get_meeting(searcher: Searcher, meeting_id: str) -> MeetingSummary | None:
    """One meeting's summary, or None when no passage belongs to it."""
    return get_meetings(searcher, [meeting_id])[meeting_id]


def get_meetings(searcher: Searcher, meeting_ids: Iterable[str]
                 ) -> dict[str, MeetingSummary | None]:
    """The summaries of several meetings (None for one without passages), read in bulk."""
    wanted = list(meeting_ids)
    found = facet_counts.first_and_count(searcher, "meeting_id",
                                         _labeller(searcher, "meeting_id"), wanted)
    return {meeting_id: _meeting_summary(meeting_id, searcher.stored_fields(found[meeting_id][0]),
                                         found[meeting_id][1]) if meeting_id in found else None
            for meeting_id in wanted}


@dataclass(frozen=True)
class IndexSummary:
    """What the index holds now: live passages and the meetings and committees they are from."""

    passages: int
    meetings: int
    committees: int


def summarise_index(searcher: Searcher) -> IndexSummary:
    """The live passages (replaced ones left out) and their meetings and committees."""
    passages = facet_counts.matching_docs(searcher, PASSAGES)
    meetings, committees = (
        facet_counts.count_values(searcher, passages, column, _labeller(searcher, column))
        for column in ("meeting_id", "committee_key"))
    return IndexSummary(sum(map(len, passages)), len(meetings), len(committees))


# A word in most minutes: searching it reads every facet column and the glossary once.
WARM_UP_QUERY = "council"


def warm_up(searcher: Searcher) -> None:
    """Read once what every search reads (facet columns, the glossary, the spelling words), so
    the first visitor after a start does not wait for it."""
    search_passages(searcher, SearchRequest(query=WARM_UP_QUERY))


def meeting_passages(searcher: Searcher, meeting_id: str) -> list[dict[str, Any]]:
    """The stored passages of one meeting, in agenda order and then in minutes order."""
    found = searcher.search(Term("meeting_id", meeting_id), limit=None)
    return sorted((dict(hit.fields()) for hit in found), key=_agenda_order)


def _agenda_order(fields: dict[str, Any]) -> tuple[Any, ...]:
    number = fields.get("item_number") or ""
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 10**9, number, fields.get("item_key") or "",
            fields.get("position") or 0)


def item_neighbours(searcher: Searcher, passage: dict[str, Any]
                    ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The passages just before and just after this one in the same agenda item."""
    found = searcher.search(Term("item_key", passage["item_key"]), limit=None,
                            sortedby="position")
    ordered = [dict(hit.fields()) for hit in found]
    at = next((i for i, fields in enumerate(ordered) if fields["id"] == passage["id"]), None)
    if at is None:
        return None, None
    return (ordered[at - 1] if at > 0 else None,
            ordered[at + 1] if at + 1 < len(ordered) else None)


# Candidates whose similarity is measured: the key words' best matches, of which a few are alike.
SIMILAR_CANDIDATES = 20
SIMILAR_KEY_WORDS = 10


def similar_passages(searcher: Searcher, passage_id: str, limit: int = 5,
                     at_least: float = similarity.SIMILAR_ENOUGH) -> list[Hit]:
    """Passages from other meetings on the subject of this one, most alike first, scored by
    their similarity (for a question: where it came up before); none when none is alike
    enough."""
    similar = similar_query(searcher, passage_id)
    if similar is None:
        return []
    query, same_kind, excluded = similar
    # Matched and ranked as a search is: Whoosh would first turn the kind into a set of every
    # question in the index, then walk the candidates one by one.
    matched, scored = _matches(searcher, query, "relevance")
    if same_kind is not None:
        matched = facet_counts.narrow(searcher, matched, same_kind)
    outside = facet_counts.matching_docs(searcher, excluded)
    candidates = [np.setdiff1d(docs, other, assume_unique=True)
                  for docs, other in zip(matched, outside)]
    if not any(map(len, candidates)):  # an empty filter would be no filter to Whoosh
        return []
    # The key words' best matches, kept where the whole question is alike: sharing a word or two
    # ("funding", a councillor's name) is no shared subject.
    found, _ = _page(searcher, query, candidates, scored,
                     SearchRequest(page_size=SIMILAR_CANDIDATES),
                     grouping.item_groups(searcher, candidates))
    fields = [{name: hit.get(name) for name in HIT_FIELDS} for hit in found]
    source = searcher.document(id=passage_id) or {}
    scores = similarity.similarities(searcher, _compared_text(source),
                                     [_compared_text(other) for other in fields])
    alike = sorted((-score, n) for n, score in enumerate(scores) if score >= at_least)
    return [Hit(id=found[n]["id"], score=-score, fields=fields[n], highlights={})
            for score, n in alike[:limit]]


def _compared_text(fields: dict[str, Any]) -> str:
    """What is compared for similarity: a question's question part, else the passage's text."""
    return fields.get("question") or fields.get("text") or ""


def similar_query(searcher: Searcher, passage_id: str
                  ) -> tuple[Query, Query | None, Query] | None:
    """What `similar_passages` searches: the passage's key words (the words of its subject, by
    tf-idf), the kind to keep (questions for a question, so each comes with the answer given
    then) and what to leave out (its own meeting, or itself); None for an unknown passage or
    one without key words."""
    docnum = searcher.document_number(id=passage_id)
    if docnum is None:
        return None
    fields = searcher.stored_fields(docnum)
    weights = similarity.weights(searcher, similarity.topic_words(searcher,
                                                                  _compared_text(fields)))
    key_terms = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:SIMILAR_KEY_WORDS]
    if not key_terms:
        return None
    query = Or([Term("text", word, boost=weight) for word, weight in key_terms])
    same_kind = Term("kind", "qa") if fields.get("kind") == "qa" else None
    meeting_id = fields.get("meeting_id")
    return query, same_kind, (Term("meeting_id", meeting_id) if meeting_id
                              else Term("id", passage_id))
