"""What the pages and the API both look up: a search with its meetings, a passage, a meeting."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import abort
from ..engine.store import Searcher

from ..glossary import SHIPPED, list_definitions
from ..people import roles_of
from ..search import (Hit, MeetingSummary, SearchRequest, SearchResults, get_meeting, get_meetings,
                      get_passage, item_neighbours, meeting_passages, search_passages,
                      similar_passages)
from .present import FACET_VALUES_SHOWN, definition_record, hit_record, passage_record, web_url

SIMILAR_SHOWN = 5


@dataclass
class SearchView:
    """A page of results with the meetings its facet values and chips name."""

    results: SearchResults
    meetings: dict[str, MeetingSummary | None]


def run_search(searcher: Searcher, request: SearchRequest) -> SearchView:
    """Search, then look up the meetings named by the meeting facet's values."""
    results = search_passages(searcher, request)
    named = [value for value, _ in results.facets.get("meeting", [])[:FACET_VALUES_SHOWN]]
    named += request.filters.get("meeting", [])
    return SearchView(results, get_meetings(searcher, dict.fromkeys(named)))


@dataclass
class PassageView:
    """One passage with its meeting, its neighbours in the item and similar passages."""

    passage: dict[str, Any]
    meeting: MeetingSummary | None
    previous: dict[str, Any] | None
    next: dict[str, Any] | None
    similar: list[Hit]


def find_passage(searcher: Searcher, passage_id: str) -> PassageView:
    """The passage page's content, or 404."""
    fields = get_passage(searcher, passage_id)
    if fields is None:
        abort(404, f"There is no passage with id {passage_id!r}. It may have been re-indexed "
                   f"since the link was made: search for its words instead.")
    before, after = item_neighbours(searcher, fields)
    meeting = get_meeting(searcher, fields["meeting_id"]) if fields.get("meeting_id") else None
    return PassageView(passage_record(fields), meeting,
                       passage_record(before) if before else None,
                       passage_record(after) if after else None,
                       similar_passages(searcher, passage_id, limit=SIMILAR_SHOWN))


@dataclass
class MeetingView:
    """A meeting with its agenda items, each with its passages in order."""

    meeting: MeetingSummary
    items: list[dict[str, Any]]


def find_meeting(searcher: Searcher, meeting_id: str) -> MeetingView:
    """The meeting page's content, or 404."""
    meeting = get_meeting(searcher, meeting_id)
    if meeting is None:
        abort(404, f"There is no meeting with id {meeting_id!r}. Browse the committees to find "
                   f"it.")
    items: dict[str, dict[str, Any]] = {}
    for fields in meeting_passages(searcher, meeting_id):
        item = items.setdefault(fields.get("item_key") or "", {
            "number": fields.get("item_number"), "title": fields.get("item_title"),
            "source_url": web_url(fields.get("url")), "passages": []})
        item["passages"].append(passage_record(fields))
    return MeetingView(meeting, list(items.values()))


@dataclass
class GlossaryView:
    """Acronyms learnt per council (of the chosen councils, if any) and the shipped ones."""

    councils: list[str]
    chosen: list[str]
    learnt: dict[str, list[dict[str, Any]]]
    shipped: list[dict[str, Any]]


def find_glossary(searcher: Searcher, asked: Sequence[str]) -> GlossaryView:
    """The glossary's content; a council nothing was learnt from is a 400 naming those known."""
    councils = sorted({d.council for d in list_definitions(searcher)}, key=str.casefold)
    by_name = {council.casefold(): council for council in councils}
    unknown = [name for name in asked if name.casefold() not in by_name]
    if unknown:
        abort(400, f"No acronyms have been learnt from the minutes of {unknown[0]!r}. Councils "
                   f"with learnt acronyms: {', '.join(councils) or 'none yet'}.")
    chosen = list(dict.fromkeys(by_name[name.casefold()] for name in asked))
    learnt: dict[str, list[dict[str, Any]]] = {council: [] for council in chosen or councils}
    shipped = []
    for definition in list_definitions(searcher, chosen, shipped=True):
        if definition.council == SHIPPED:
            shipped.append(definition_record(definition))
        else:
            learnt[definition.council].append(definition_record(definition))
    return GlossaryView(councils, chosen, learnt, shipped)


# Passages listed on a person's page at a time, newest first.
PERSON_PAGE_SIZE = 50


@dataclass
class PersonView:
    """A person's passages, newest first, grouped by committee and year."""

    name: str
    names: list[str]
    results: SearchResults
    groups: list[dict[str, Any]]


def find_person(searcher: Searcher, name: str, page: int = 1) -> PersonView:
    """Everything a person asked, answered or said (one page of it), or 404."""
    results = search_passages(searcher, SearchRequest(
        filters={"speaker": [name]}, sort="newest", page=page, page_size=PERSON_PAGE_SIZE))
    names = results.request.filters.get("speaker", [])
    if not results.total:
        abort(404, f"No passage names {name!r} as asking, answering or speaking. Look for them "
                   f"in the Speaker list of a search.")
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for hit in results.hits:
        record = hit_record(hit)
        heading = (record["committee"] or "Committee not named",
                   (record["meeting_date"] or "")[:4] or "Date not known")
        group = groups.setdefault(heading, {"committee": heading[0], "year": heading[1],
                                            "passages": []})
        group["passages"].append(record | {"roles": sorted({
            role for held in names for role in roles_of(hit.fields, held)})})
    for group in groups.values():  # a meeting's passages in the order of its minutes
        group["passages"].sort(key=lambda p: (p["meeting_date"] or "", p["meeting_id"] or "",
                                              -(p["position"] or 0)), reverse=True)
    return PersonView(name, names, results, list(groups.values()))
