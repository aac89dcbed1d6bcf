"""What the pages and the API both look up: a search with its meetings, a passage, a meeting, a
person, the glossary; None (or a GlossaryError) where there is nothing to show, and the
blueprints answer 404 or 400."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..glossary import SHIPPED
from ..index_glossary import definitions_in
from ..model import Passage
from ..people import roles_of
from ..readers import Reader
from ..search import Hit, MeetingSummary, SearchRequest, SearchResults
from .present import FACET_VALUES_SHOWN, definition_record

SIMILAR_SHOWN = 5


@dataclass
class SearchView:
    """A page of results with the meetings its facet values and chips name."""

    results: SearchResults
    meetings: dict[str, MeetingSummary | None]


def run_search(reader: Reader, request: SearchRequest) -> SearchView:
    """Search, then look up the meetings named by the meeting facet's values."""
    results = reader.search(request)
    named = [value for value, _ in results.facets.get("meeting", [])[:FACET_VALUES_SHOWN]]
    named += request.filters.get("meeting", [])
    return SearchView(results, reader.meetings(dict.fromkeys(named)))


@dataclass
class PassageView:
    """One passage with its meeting, its neighbours in the item and similar passages."""

    passage: Passage
    meeting: MeetingSummary | None
    previous: Passage | None
    next: Passage | None
    similar: list[Hit]


def find_passage(reader: Reader, passage_id: str) -> PassageView | None:
    """The passage page's content, or None when there is no such passage."""
    passage = reader.passage(passage_id)
    if passage is None:
        return None
    before, after = reader.neighbours(passage)
    meeting_id = passage.meeting.identifier
    return PassageView(passage, reader.meetings([meeting_id])[meeting_id], before, after,
                       reader.similar(passage_id, limit=SIMILAR_SHOWN))


@dataclass
class MeetingView:
    """A meeting with its agenda items, each with its passages in order."""

    meeting: MeetingSummary
    items: list[list[Passage]]


def find_meeting(reader: Reader, meeting_id: str) -> MeetingView | None:
    """The meeting page's content, or None when no passage belongs to the meeting."""
    meeting = reader.meetings([meeting_id])[meeting_id]
    if meeting is None:
        return None
    return MeetingView(meeting, reader.meeting_items(meeting_id))


class UnknownCouncil(Exception):
    """Councils asked for that no acronym was learnt from; the message names those known."""


@dataclass
class GlossaryView:
    """Acronyms learnt per council (of the chosen councils, if any) and the shipped ones."""

    councils: list[str]
    chosen: list[str]
    learnt: dict[str, list[dict[str, Any]]]
    shipped: list[dict[str, Any]]


def find_glossary(reader: Reader, asked: Sequence[str]) -> GlossaryView:
    """The glossary's content; a council nothing was learnt from raises UnknownCouncil."""
    glossary = reader.glossary()
    councils = sorted({d.council for d in definitions_in(glossary)}, key=str.casefold)
    by_name = {council.casefold(): council for council in councils}
    unknown = [name for name in asked if name.casefold() not in by_name]
    if unknown:
        raise UnknownCouncil(f"No acronyms have been learnt from the minutes of {unknown[0]!r}. "
                             f"Councils with learnt acronyms: {', '.join(councils) or 'none yet'}.")
    chosen = list(dict.fromkeys(by_name[name.casefold()] for name in asked))
    learnt: dict[str, list[dict[str, Any]]] = {council: [] for council in chosen or councils}
    shipped = []
    for definition in definitions_in(glossary, chosen, shipped=True):
        if definition.council == SHIPPED:
            shipped.append(definition_record(definition))
        else:
            learnt[definition.council].append(definition_record(definition))
    return GlossaryView(councils, chosen, learnt, shipped)


# Passages listed on a person's page at a time, newest first.
PERSON_PAGE_SIZE = 50


@dataclass
class PersonGroup:
    """A person's passages at one committee in one year, each with what they did in it."""

    committee: str
    year: str
    hits: list[tuple[Hit, list[str]]]


@dataclass
class PersonView:
    """A person's passages, newest first, grouped by committee and year."""

    name: str
    names: list[str]
    results: SearchResults
    groups: list[PersonGroup]


def find_person(reader: Reader, name: str, page: int = 1) -> PersonView | None:
    """Everything a person asked, answered or said (one page of it), or None when no passage
    names them."""
    results = reader.search(SearchRequest(
        filters={"speaker": [name]}, sort="newest", page=page, page_size=PERSON_PAGE_SIZE))
    if not results.total:
        return None
    names = results.request.filters.get("speaker", [])
    groups: dict[tuple[str, str], PersonGroup] = {}
    for hit in results.hits:
        meeting = hit.passage.meeting
        heading = (meeting.committee or "Committee not named",
                   meeting.date.isoformat()[:4] if meeting.date else "Date not known")
        group = groups.setdefault(heading, PersonGroup(*heading, []))
        group.hits.append((hit, sorted({role for held in names
                                        for role in roles_of(hit.passage, held)})))
    for group in groups.values():  # a meeting's passages in the order of its minutes
        group.hits.sort(key=lambda found: _minutes_order(found[0].passage), reverse=True)
    return PersonView(name, names, results, list(groups.values()))


def _minutes_order(passage: Passage) -> tuple[dt.date, str, int]:
    return passage.meeting.date or dt.date.min, passage.meeting.identifier, -passage.position
