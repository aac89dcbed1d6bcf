"""The HTML pages: search, passage, meeting, browse, glossary, help and the Atom feed of a
search."""
from __future__ import annotations

import dataclasses
import logging
from typing import Any

from flask import Blueprint, Response, abort, render_template, request, url_for

from ..glossary import Glossary
from ..model import Passage
from ..search import MAX_QUERY_LENGTH, Hit, QueryError, SearchRequest
from ..serialize import hit_record, passage_record
from . import current_reader, not_found
from .feeds import FEED_SIZE, atom_feed
from .params import (DEFAULT_PAGE_SIZE, changed, is_empty, read_request, read_values,
                     request_args, toggled)
from .present import (FACET_TITLES, KIND_LABELS, WEB_LINKS, clock, facet_label,
                      facet_records, item_record, long_date, meeting_label, passage_html,
                      search_url, telling_title)
from .views import (UnknownCouncil, find_glossary, find_meeting, find_passage, find_person,
                    run_search)

log = logging.getLogger(__name__)

bp = Blueprint("pages", __name__)

SORT_LABELS = {"relevance": "Relevance", "newest": "Newest first", "oldest": "Oldest first"}
# Meetings listed per committee on the browse page; the rest are a filtered search away.
BROWSE_MEETINGS_SHOWN = 12


@bp.app_template_filter("long_date")
def long_date_filter(value: Any) -> str:
    """2 October 2018."""
    return long_date(value)


@bp.app_template_filter("clock")
def clock_filter(value: str | None) -> str:
    """18:00 as "6.00 pm"."""
    return clock(value)


@bp.app_template_filter("telling_title")
def telling_title_filter(title: str | None, committee: str | None) -> str | None:
    """A meeting's title when it tells more than its committee and date."""
    return telling_title(title, committee)


@bp.app_context_processor
def labels() -> dict[str, Any]:
    """Names the templates use for kinds and facets."""
    return {"KIND_LABELS": KIND_LABELS, "FACET_TITLES": FACET_TITLES}


@bp.get("/")
def search() -> tuple[str, int] | str:
    """The search page: a form, and results when something was asked."""
    try:
        search_request = read_request(request.args)
    except QueryError as exc:
        typed = SearchRequest(query=request.args.get("q", "")[:MAX_QUERY_LENGTH])
        return render_template("search.html", request_=typed, error=str(exc)), 400
    if is_empty(search_request):
        return render_template("search.html", request_=search_request, landing=landing_stats())
    try:
        found = run_search(current_reader(), search_request)
    except QueryError as exc:
        return render_template("search.html", request_=search_request, error=str(exc)), 400
    results = found.results
    # Filter values as the index holds them ("cabinet" typed, "Cabinet" chosen): the chips and
    # facet links then remove and toggle the values shown.
    search_request = results.request
    glossary = current_reader().glossary()
    facets = facet_records(results, found.meetings)
    for name, values in facets.items():
        for value in values:
            value["url"] = link(toggled(search_request, name, value["value"]))
    return render_template(
        "search.html", request_=search_request, results=results, facets=facets,
        hits=[hit_card(hit, glossary) for hit in results.hits],
        chips=chips(search_request, found.meetings),
        sorts=[(label, link(changed(search_request, sort=key)), key == search_request.sort)
               for key, label in SORT_LABELS.items()],
        pages=page_links(search_request, results.pages),
        suggestion_url=link(changed(search_request, query=results.suggestion))
        if results.suggestion else None,
        routine_url=link(changed(search_request,
                                 include_routine=not search_request.include_routine)),
        feed_url=search_url("pages.feed", request_args(changed(search_request))),
        api_url=search_url("api.search", request_args(search_request)))


def passage_card(passage: Passage, glossary: Glossary) -> dict[str, Any]:
    """A passage's record with the escaped HTML its card shows, acronyms explained."""
    return passage_record(passage, WEB_LINKS) | shown(passage, glossary)


def hit_card(hit: Hit, glossary: Glossary) -> dict[str, Any]:
    """A hit's record with the escaped HTML its card shows, matches marked, acronyms
    explained."""
    return hit_record(hit, WEB_LINKS) | shown(hit.passage, glossary, hit.highlights)


def shown(passage: Passage, glossary: Glossary,
          highlights: dict[str, str] | None = None) -> dict[str, Any]:
    """What a card shows beyond the record: its fields' HTML and whether it is a question and
    its answer."""
    return {"html": passage_html(passage, glossary, highlights),
            "exchange": passage.shows_exchange}


def link(search_request: SearchRequest) -> str:
    """The search page's URL for a request."""
    return search_url("pages.search", request_args(search_request))


def landing_stats() -> dict[str, int]:
    """What the index holds now, for the front page."""
    return dataclasses.asdict(current_reader().summary())


def chips(search_request: SearchRequest, meetings: dict[str, Any]) -> list[tuple[str, str]]:
    """The chosen filters as (label, URL without that filter)."""
    out = []
    for name, values in search_request.filters.items():
        for value in values:
            label = f"{FACET_TITLES.get(name, name.title())}: {facet_label(name, value, meetings)}"
            out.append((label, link(toggled(search_request, name, value))))
    if search_request.date_from:
        out.append((f"From: {long_date(search_request.date_from)}",
                    link(changed(search_request, date_from=None))))
    if search_request.date_to:
        out.append((f"To: {long_date(search_request.date_to)}",
                    link(changed(search_request, date_to=None))))
    return out


def page_links(search_request: SearchRequest, pages: int) -> list[tuple[int | None, str | None]]:
    """Page numbers around the current one as (number, URL); None marks a gap."""
    current = search_request.page
    wanted = sorted({1, pages, *range(max(1, current - 2), min(pages, current + 2) + 1)})
    links: list[tuple[int | None, str | None]] = []
    for previous, number in zip([None, *wanted], wanted):
        if previous is not None and number - previous > 1:
            links.append((None, None))
        links.append((number, link(changed(search_request, page=number))))
    return links


@bp.get("/passages/<path:passage_id>")
def passage(passage_id: str) -> str:
    """One passage, its neighbours in the agenda item and similar passages from other meetings."""
    reader = current_reader()
    view = find_passage(reader, passage_id)
    if view is None:
        abort(404, not_found.passage(passage_id))
    glossary = reader.glossary()
    return render_template(
        "passage.html", passage=passage_card(view.passage, glossary), view=view,
        previous=passage_card(view.previous, glossary) if view.previous else None,
        next=passage_card(view.next, glossary) if view.next else None,
        meeting_name=meeting_label(view.meeting, view.passage.meeting.identifier),
        similar=[hit_card(hit, glossary) for hit in view.similar])


@bp.get("/meetings/<path:meeting_id>")
def meeting(meeting_id: str) -> str:
    """One meeting: its agenda items and their passages."""
    reader = current_reader()
    view = find_meeting(reader, meeting_id)
    if view is None:
        abort(404, not_found.meeting(meeting_id))
    glossary = reader.glossary()
    items = [item_record(passages, [passage_card(p, glossary) for p in passages])
             for passages in view.items]
    return render_template("meeting.html", view=view, items=items,
                           meeting_name=meeting_label(view.meeting, meeting_id),
                           search_url=search_url("pages.search", [("meeting", meeting_id)]))


@bp.get("/people/<path:name>")
def person(name: str) -> str:
    """A member's or officer's questions, answers and statements, by committee and year."""
    reader = current_reader()
    view = find_person(reader, name, read_request(request.args).page)
    if view is None:
        abort(404, not_found.person(name))
    glossary = reader.glossary()
    groups = [{"committee": group.committee, "year": group.year,
               "passages": [hit_card(hit, glossary) | {"roles": roles}
                            for hit, roles in group.hits]}
              for group in view.groups]
    pages = [(number, url_for("pages.person", name=name, page=number))
             for number in range(1, view.results.pages + 1)]
    return render_template("person.html", view=view, groups=groups, pages=pages,
                           feed_url=url_for("pages.feed", speaker=view.names or [name]),
                           search_url=search_url("pages.search",
                                                 [("speaker", n) for n in view.names]))


@bp.get("/browse")
def browse() -> str:
    """Councils, their committees and each committee's meetings, newest first."""
    councils: dict[str, dict[str, list[Any]]] = {}
    for summary in current_reader().every_meeting():
        committees = councils.setdefault(summary.council or "Council not named", {})
        committees.setdefault(summary.committee or "Committee not named", []).append(summary)
    return render_template(
        "browse.html", councils={council: dict(sorted(committees.items()))
                                 for council, committees in sorted(councils.items())},
        shown=BROWSE_MEETINGS_SHOWN)


@bp.get("/glossary")
def glossary() -> str:
    """Acronyms learnt from each council's minutes and the common ones, each a search link."""
    try:
        view = find_glossary(current_reader(), read_values(request.args, "council"))
    except UnknownCouncil as exc:
        abort(400, str(exc))
    return render_template("glossary.html", view=view)


@bp.get("/help")
def help_page() -> str:
    """How to write a query."""
    return render_template("help.html")


@bp.get("/feed.atom")
def feed() -> Response:
    """An Atom feed of the newest passages matching a search, to subscribe to a topic."""
    search_request = changed(read_request(request.args, facets=False), sort="newest",
                             page_size=FEED_SIZE)
    found = run_search(current_reader(), search_request)
    page_url = search_url("pages.search", request_args(changed(
        search_request, sort="newest", page_size=DEFAULT_PAGE_SIZE)), external=True)
    body = atom_feed(found.results, page_url=page_url, feed_url=request.url)
    return Response(body, mimetype="application/atom+xml")
