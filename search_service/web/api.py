"""The JSON API: search, passages, meetings and the glossary, with the OpenAPI document that
describes them."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, request

from ..model import ShardStatus
from ..search import SearchResults
from ..serialize import hit_record, passage_record
from . import current_reader, not_found
from .openapi import openapi_document
from .params import read_request, read_values
from .present import WEB_LINKS, facet_records, item_record, meeting_record
from .views import (UnknownCouncil, find_glossary, find_meeting, find_passage, find_person,
                    run_search)

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search() -> dict[str, Any]:
    """Results, facet counts, paging and a spelling suggestion for the page's parameters."""
    found = run_search(current_reader(), read_request(request.args))
    return search_record(found.results) | {"facets": facet_records(found.results,
                                                                   found.meetings)}


def search_record(results: SearchResults) -> dict[str, Any]:
    """What was asked, and the page of results it found."""
    asked = results.request
    return {
        "query": asked.query,
        "filters": asked.filters,
        "from": asked.date_from.isoformat() if asked.date_from else None,
        "to": asked.date_to.isoformat() if asked.date_to else None,
        "sort": asked.sort,
        "page": asked.page,
        "page_size": asked.page_size,
        "pages": results.pages,
        "total": results.total,
        "listed": results.listed,
        # The total, listed and facet counts are estimates (a Xapian index, many matches).
        "estimated": results.estimated,
        "routine_left_out": results.routine_left_out,
        "include_routine": asked.include_routine,
        "suggestion": results.suggestion,
        "expansions": [{"typed": e.typed, "also": list(e.also)} for e in results.expansions],
        "results": [hit_record(hit, WEB_LINKS) for hit in results.hits],
        "shards": shards_record(results.shards) if results.shards else None,
    }


def shards_record(shards: ShardStatus) -> dict[str, Any]:
    """The shards of a stub file a search asked, and those that did not answer."""
    return {"total": shards.total, "failed": shards.failed,
            "failed_addresses": list(shards.failed_addresses)}


@bp.get("/passages/<path:passage_id>")
def passage(passage_id: str) -> dict[str, Any]:
    """One passage with its meeting, its neighbours in the item and similar passages."""
    view = find_passage(current_reader(), passage_id)
    if view is None:
        abort(404, not_found.passage(passage_id))
    return {"passage": passage_record(view.passage, WEB_LINKS),
            "meeting": meeting_record(view.meeting) if view.meeting else None,
            "previous": passage_record(view.previous, WEB_LINKS) if view.previous else None,
            "next": passage_record(view.next, WEB_LINKS) if view.next else None,
            "similar": [hit_record(hit, WEB_LINKS) for hit in view.similar]}


@bp.get("/people/<path:name>")
def person(name: str) -> dict[str, Any]:
    """A person's passages (asked, answered or spoke), newest first, by committee and year."""
    view = find_person(current_reader(), name, read_request(request.args).page)
    if view is None:
        abort(404, not_found.person(name))
    return {"name": name, "names": view.names, "total": view.results.total,
            "page": view.results.request.page, "pages": view.results.pages,
            "groups": [{"committee": group.committee, "year": group.year,
                        "passages": [hit_record(hit, WEB_LINKS) | {"roles": roles}
                                     for hit, roles in group.hits]}
                       for group in view.groups]}


@bp.get("/meetings/<path:meeting_id>")
def meeting(meeting_id: str) -> dict[str, Any]:
    """One meeting with its agenda items and their passages."""
    view = find_meeting(current_reader(), meeting_id)
    if view is None:
        abort(404, not_found.meeting(meeting_id))
    return {"meeting": meeting_record(view.meeting),
            "items": [item_record(passages, [passage_record(p, WEB_LINKS) for p in passages])
                      for passages in view.items]}


@bp.get("/glossary")
def glossary() -> dict[str, Any]:
    """Acronyms learnt from the minutes (of the chosen councils) and those shipped."""
    try:
        view = find_glossary(current_reader(), read_values(request.args, "council"))
    except UnknownCouncil as exc:
        abort(400, str(exc))
    return {"councils": view.councils, "council": view.chosen,
            "acronyms": [*(record for records in view.learnt.values() for record in records),
                         *view.shipped]}


@bp.get("/openapi.json")
def openapi() -> dict[str, Any]:
    """The OpenAPI 3 document of this API."""
    return openapi_document(server_url=request.url_root.rstrip("/"))
