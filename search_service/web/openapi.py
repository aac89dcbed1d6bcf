"""The OpenAPI 3.1 document of the JSON API; tests check it against real responses."""
from __future__ import annotations

from typing import Any

from ..engine.schema import FACET_COLUMNS
from ..model import KINDS
from ..search import MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SORTS
from .params import DEFAULT_PAGE_SIZE, MAX_VALUES_PER_FILTER, MAX_YEAR, MIN_YEAR, UNGROUPED


def _nullable(kind: str, **extra: Any) -> dict[str, Any]:
    return {"type": [kind, "null"], **extra}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    """A closed object: a field the document does not name fails validation."""
    return {"type": "object", "properties": properties, "additionalProperties": False,
            "required": list(properties) if required is None else required}


# A meeting's time of day, 24-hour, as "HH:MM" (RFC 3339's "time" format wants seconds and an
# offset, which minutes never give).
MEETING_TIME = {"pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                "description": "The meeting's time of day, 24-hour: \"18:00\"; null when the "
                               "page does not give it."}
MEETING_TITLE = ("The heading the meeting's page gives it (\"Cabinet - Tuesday, 12th March, 2019 "
                 "6.00 pm\", \"Annual Meeting of the Parish Council\"); null when it gives none.")

LINKS = _object({"page": {"type": "string"}, "api": {"type": "string"},
                 "meeting": _nullable("string"),
                 "source": _nullable("string", description="The published page, when on the web.")})

PASSAGE = _object({
    "id": {"type": "string"},
    "kind": {"type": "string", "enum": list(KINDS)},
    "text": {"type": "string", "description": "The whole passage as it appears in the minutes."},
    "question": _nullable("string", description="For a Q&A passage: the question part."),
    "answer": _nullable("string", description="For a Q&A passage: the answer part."),
    "speaker": _nullable("string"),
    "asked_by": _nullable("string"),
    "answered_by": _nullable("string"),
    "council": _nullable("string"),
    "committee": _nullable("string"),
    "meeting_id": _nullable("string"),
    "meeting_date": _nullable("string", format="date"),
    "meeting_time": _nullable("string", **MEETING_TIME),
    "meeting_title": _nullable("string", description=MEETING_TITLE),
    "item_number": _nullable("string"),
    "item_title": _nullable("string"),
    "position": _nullable("integer", description="Order of the passage within its page."),
    "topics": {"type": "array", "items": {"type": "string"}},
    "people": {"type": "array", "description": "Everyone the passage names as asking, "
               "answering or speaking, with their pages.", "items": _ref("Person")},
    "source_url": _nullable("string", description="The published minutes page."),
    "meeting_url": _nullable("string"),
    "links": _ref("PassageLinks"),
})

HIT = _object({
    **PASSAGE["properties"],
    "score": {"type": "number"},
    "highlights": {"type": "object", "description": "HTML fragments with matches in <mark>; "
                   "the minutes text in them is escaped.",
                   "properties": {name: {"type": "string"}
                                  for name in ("text", "question", "answer", "item_title")},
                   "additionalProperties": False},
    "missing": {"type": "array", "items": {"type": "string"},
                "description": "Words of the search, as typed, that this passage does not hold "
                               "(plain words are ranked, not all required)."},
    "copies": {"type": "array", "items": {"type": "string"},
               "description": "Other addresses where the council published the same passage "
                              "(found once, as its first copy indexed)."},
    "more_in_item": {"type": "integer", "minimum": 0,
                     "description": "Passages of the same agenda item that matched but are not "
                                    "listed: at most two of one item are."},
})

PERSON = _object({
    "name": {"type": "string"},
    "links": _object({"page": {"type": "string"}, "api": {"type": "string"}}),
})

PERSON_PAGE = _object({
    "name": {"type": "string", "description": "The name as asked for."},
    "names": {"type": "array", "items": {"type": "string"},
              "description": "The people of that name in the index (a surname alone may name "
                             "several)."},
    "total": {"type": "integer"},
    "page": {"type": "integer"},
    "pages": {"type": "integer"},
    "groups": {"type": "array", "items": _object({
        "committee": {"type": "string"},
        "year": {"type": "string"},
        "passages": {"type": "array", "items": _object({
            **HIT["properties"],
            "roles": {"type": "array", "items": {"type": "string",
                                                 "enum": ["asked", "answered", "spoke"]},
                      "description": "What the person did in this passage."}})},
    })},
})

MEETING = _object({
    "id": {"type": "string"},
    "council": _nullable("string"),
    "committee": _nullable("string"),
    "date": _nullable("string", format="date"),
    "time": _nullable("string", **MEETING_TIME),
    "title": _nullable("string", description=MEETING_TITLE),
    "url": _nullable("string"),
    "passages": {"type": "integer", "minimum": 1},
    "links": _object({"page": {"type": "string"}, "api": {"type": "string"}}),
})

EXPANSION = _object({
    "typed": {"type": "string", "description": "An acronym or long form as the query had it."},
    "also": {"type": "array", "items": {"type": "string"},
             "description": "Its long forms or acronyms, also searched (at a lower weight)."},
})

DEFINITION = _object({
    "acronym": {"type": "string"},
    "long_form": {"type": "string"},
    "source": {"type": "string", "enum": ["learnt", "shipped"],
               "description": "Learnt from a council's minutes, or shipped with the service."},
    "council": _nullable("string", description="The council (or its web site's host) whose "
                                               "minutes define it; null when shipped."),
    "pages": _nullable("integer", minimum=1, description="How many minutes pages define it; "
                                                         "null when shipped."),
    "links": _object({"search": {"type": "string"}, "api": {"type": "string"}}),
})

GLOSSARY = _object({
    "councils": {"type": "array", "items": {"type": "string"},
                 "description": "Every council acronyms were learnt from."},
    "council": {"type": "array", "items": {"type": "string"},
                "description": "The councils asked for, as the index names them."},
    "acronyms": {"type": "array", "items": _ref("Definition"),
                 "description": "Learnt acronyms by council, then the shipped ones."},
})

SHARDS = _object({
    "total": {"type": "integer", "minimum": 1, "description": "The shards the stub file names."},
    "failed": {"type": "integer", "minimum": 0,
               "description": "The shards that did not answer: their passages are missing."},
    "failed_addresses": {"type": "array", "items": {"type": "string"},
                         "description": "Those shards' addresses (HOST:PORT, or a path)."},
})

FACET_VALUE = _object({"value": {"type": "string"}, "label": {"type": "string"},
                       "count": {"type": "integer", "minimum": 0},
                       "selected": {"type": "boolean"}})

SEARCH = _object({
    "query": {"type": "string"},
    "filters": {"type": "object", "additionalProperties": {"type": "array",
                                                           "items": {"type": "string"}}},
    "from": _nullable("string", format="date"),
    "to": _nullable("string", format="date"),
    "sort": {"type": "string", "enum": list(SORTS)},
    "page": {"type": "integer"},
    "page_size": {"type": "integer"},
    "pages": {"type": "integer"},
    "total": {"type": "integer"},
    "estimated": {"type": "boolean", "description": "The total, listed and facet counts are "
                  "estimates: on a Xapian index a search counts the first 10,000 matches "
                  "exactly ($SEARCH_SERVICE_EXACT_COUNT sets another number) and scales the "
                  "counts of those it saw up to Xapian's estimate of the rest."},
    "listed": {"type": "integer", "description": "The passages the pages list: a search for "
               "words lists at most two of one agenda item (each hit's more_in_item counts the "
               "others) unless group=none."},
    "routine_left_out": {"type": "integer", "description": "Passages of routine items "
                         "(apologies, declarations of interest, the last minutes, the next "
                         "meeting's date) the search matched and left out; routine=include "
                         "includes them."},
    "include_routine": {"type": "boolean"},
    "suggestion": _nullable("string", description="A corrected query when words look misspelt."),
    "expansions": {"type": "array", "items": _ref("Expansion"),
                   "description": "What the query also searched: acronyms' long forms, and "
                                  "acronyms of long forms."},
    "results": {"type": "array", "items": _ref("Hit")},
    "shards": {"oneOf": [_ref("Shards"), {"type": "null"}],
               "description": "Over a Xapian stub file of shards: how many the search asked "
                              "and which did not answer (failed > 0: the results are partial, "
                              "the totals and counts those of the shards that answered); null "
                              "for one index."},
    "facets": {"type": "object", "description": "Counts per facet value for the query; a facet's "
               "own chosen values do not narrow its counts.",
               "properties": {name: {"type": "array", "items": _ref("FacetValue")}
                              for name in FACET_COLUMNS},
               "additionalProperties": False},
})

ITEM = _object({"number": _nullable("string"), "title": _nullable("string"),
                "source_url": _nullable("string"),
                "passages": {"type": "array", "items": _ref("Passage")}})

ERROR = _object({"error": _object({"status": {"type": "integer"},
                                   "message": {"type": "string"}})})


# What a filter value may be, beyond a value of the facet as the search lists it.
FILTER_NOTES = {
    "kind": " qa, statement or decision, in any case; another value is a 400.",
    "council": " In any case; one the index does not hold is a 400 naming the closest ones.",
    "committee": " In any case; one the index does not hold is a 400 naming the closest ones.",
    "speaker": " In any case, titles ignored: 'Cllr Hilton' and 'Hilton' find 'Councillor "
               "Hilton'.",
    "topic": " In any case.",
    "item": " In any case.",
    "year": " A meeting's year, like 2019.",
}


def _query_parameter(name: str, schema: dict[str, Any], description: str = "") -> dict[str, Any]:
    """An optional query parameter; given empty, as a form's blank field is, it is left out."""
    return {"name": name, "in": "query", "required": False, "allowEmptyValue": True,
            **({"description": description} if description else {}), "schema": schema}


def _filter_parameter(name: str) -> dict[str, Any]:
    items: dict[str, Any] = {"type": "string"}
    if name == "kind":
        items["enum"] = list(KINDS)
    if name == "year":
        items = {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}
    return {**_query_parameter(name, {"type": "array", "items": items,
                                      "maxItems": MAX_VALUES_PER_FILTER},
                               f"Only passages with this {name}; repeat for several (ORed)."
                               f"{FILTER_NOTES.get(name, '')}"),
            "style": "form", "explode": True}


SEARCH_PARAMETERS = [
    _query_parameter("q", {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                     'Words (ANDed), "phrases", AND/OR/NOT, -word, field:word '
                     "(question:, answer:, speaker:, committee:, council:)."),
    *(_filter_parameter(name) for name in FACET_COLUMNS),
    _query_parameter("from", {"type": "string", "format": "date"}, "Meetings on or after."),
    _query_parameter("to", {"type": "string", "format": "date"},
                     "Meetings on or before; a 'to' before the 'from' is a 400."),
    _query_parameter("routine", {"type": "string", "enum": ["include"]},
                     "`include` to include routine items (apologies, declarations of interest, "
                     "approval of the last minutes, the date of the next meeting), left out by "
                     "default."),
    _query_parameter("group", {"type": "string", "enum": [UNGROUPED]},
                     "`none` to list every passage in rank order; by default a search for words "
                     "lists at most two passages of one agenda item."),
    _query_parameter("sort", {"type": "string", "enum": list(SORTS), "default": "relevance"}),
    _query_parameter("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE,
                              "default": 1}),
    _query_parameter("page_size", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE,
                                   "default": DEFAULT_PAGE_SIZE}),
]


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*statuses: int) -> dict[str, Any]:
    reasons = {400: "A bad query or parameter; the message says what to change.",
               404: "No such passage or meeting.",
               503: "The index has not been built yet, or none of its shards answers."}
    return {str(status): _json(_ref("Error"), reasons[status]) for status in statuses}


def _id_parameter(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


def openapi_document(server_url: str = "") -> dict[str, Any]:
    """The OpenAPI document, naming `server_url` as the server."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Minutes search API", "version": "1",
                 "description": "Full-text search over passages of council meeting minutes: "
                                "questions with their answers, statements and decisions."},
        "servers": [{"url": server_url or "/"}],
        "paths": {
            "/api/search": {"get": {
                "operationId": "search", "summary": "Search passages",
                "parameters": SEARCH_PARAMETERS,
                "responses": {"200": _json(_ref("SearchResults"), "A page of results."),
                              **_errors(400, 503)}}},
            "/api/passages/{passage_id}": {"get": {
                "operationId": "getPassage", "summary": "One passage in its context",
                "parameters": [_id_parameter("passage_id")],
                "responses": {"200": _json(_object({
                    "passage": _ref("Passage"),
                    "meeting": {"oneOf": [_ref("Meeting"), {"type": "null"}]},
                    "previous": {"oneOf": [_ref("Passage"), {"type": "null"}]},
                    "next": {"oneOf": [_ref("Passage"), {"type": "null"}]},
                    "similar": {"type": "array", "items": _ref("Hit"),
                                "description": "Passages on the same subject from other "
                                "meetings (questions for a question), most alike first, "
                                "each scored by its similarity from 0 to 1; empty when none "
                                "is alike enough."},
                }), "The passage, its neighbours in the agenda item and similar passages."),
                    **_errors(404, 503)}}},
            "/api/meetings/{meeting_id}": {"get": {
                "operationId": "getMeeting", "summary": "One meeting with its passages",
                "parameters": [_id_parameter("meeting_id")],
                "responses": {"200": _json(_object({
                    "meeting": _ref("Meeting"),
                    "items": {"type": "array", "items": _ref("Item")},
                }), "The meeting and its agenda items in order."), **_errors(404, 503)}}},
            "/api/people/{name}": {"get": {
                "operationId": "getPerson", "summary": "A person's questions, answers and "
                "statements",
                "parameters": [_id_parameter("name"), _query_parameter(
                    "page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE,
                             "default": 1})],
                "responses": {"200": _json(_ref("PersonPage"), "Passages naming the person "
                                           "as asking, answering or speaking, newest first."),
                              **_errors(400, 404, 503)}}},
            "/api/glossary": {"get": {
                "operationId": "glossary", "summary": "Acronyms and their long forms",
                "parameters": [{**_query_parameter(
                    "council", {"type": "array", "items": {"type": "string"},
                                "maxItems": MAX_VALUES_PER_FILTER},
                    "Only acronyms learnt from this council's minutes (and the shipped ones); "
                    "repeat for several. One nothing was learnt from is a 400 naming those "
                    "known."), "style": "form", "explode": True}],
                "responses": {"200": _json(_ref("Glossary"), "Learnt and shipped acronyms."),
                              **_errors(400, 503)}}},
            "/api/openapi.json": {"get": {
                "operationId": "openapi", "summary": "This document",
                "responses": {"200": _json({"type": "object"}, "The OpenAPI document.")}}},
        },
        "components": {"schemas": {
            "Passage": PASSAGE, "PassageLinks": LINKS, "Hit": HIT, "Meeting": MEETING,
            "FacetValue": FACET_VALUE, "SearchResults": SEARCH, "Item": ITEM, "Error": ERROR,
            "Expansion": EXPANSION, "Definition": DEFINITION, "Glossary": GLOSSARY,
            "Person": PERSON, "PersonPage": PERSON_PAGE, "Shards": SHARDS,
        }},
    }
