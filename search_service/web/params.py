"""Search parameters in URLs: read them into a SearchRequest and write them back as links."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from werkzeug.datastructures import MultiDict

from ..engine.schema import FACET_COLUMNS
from ..search import QueryError, SearchRequest

DEFAULT_PAGE_SIZE = 10
# `routine=include` asks for routine items (apologies, declarations…) too.
ROUTINE_INCLUDED = "include"
# `group=none` lists every passage in rank order, not at most two of one agenda item.
UNGROUPED = "none"
# More values than anyone ticks by hand; bounds the size of the filter query.
MAX_VALUES_PER_FILTER = 20
WHOLE_NUMBER = re.compile(r"-?[0-9]+")
# The years a date can have; a meeting's year outside them cannot be in the index.
MIN_YEAR, MAX_YEAR = dt.MINYEAR, dt.MAXYEAR


def read_request(args: MultiDict[str, str], facets: bool = True) -> SearchRequest:
    """The search request in URL parameters; a bad parameter raises QueryError naming it."""
    filters = {}
    for name in FACET_COLUMNS:
        values = read_values(args, name)
        if name == "year":
            values = list(dict.fromkeys(_year(value) for value in values))
        if values:
            filters[name] = values
    return SearchRequest(
        query=_single(args, "q"),
        filters=filters,
        date_from=_date(args, "from"),
        date_to=_date(args, "to"),
        sort=_single(args, "sort") or "relevance",
        page=_number(args, "page", 1),
        page_size=_number(args, "page_size", DEFAULT_PAGE_SIZE),
        facets=facets,
        include_routine=_given(args, "routine", ROUTINE_INCLUDED, "to include routine items"),
        group_by_item=not _given(args, "group", UNGROUPED, "every passage in rank order"),
    )


def read_values(args: MultiDict[str, str], name: str) -> list[str]:
    """A repeatable parameter's distinct values, blanks left out; too many raise QueryError."""
    given = args.getlist(name)
    # Counted as sent, blanks and repeats too, as the OpenAPI document's maxItems counts them.
    if len(given) > MAX_VALUES_PER_FILTER:
        raise QueryError(f"at most {MAX_VALUES_PER_FILTER} values of {name!r} can be chosen")
    return list(dict.fromkeys(value.strip() for value in given if value.strip()))


def _single(args: MultiDict[str, str], name: str) -> str:
    """A parameter given at most once, stripped; empty (as a form sends a blank field) is ''."""
    given = args.getlist(name)
    if len(given) > 1:
        raise QueryError(f"{name!r} can be given once, not {len(given)} times")
    return given[0].strip() if given else ""


def _date(args: MultiDict[str, str], name: str) -> dt.date | None:
    value = _single(args, name)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name!r} must be a date like 2018-10-02, not {value!r}") from None


def _number(args: MultiDict[str, str], name: str, default: int) -> int:
    value = _single(args, name)
    if not value:
        return default
    # Digits only: int() would also take "1_0" and other scripts' digits, which no client means.
    if not WHOLE_NUMBER.fullmatch(value):
        raise QueryError(f"{name!r} must be a whole number, not {value!r}")
    return int(value)


def _year(value: str) -> str:
    """A year filter value as the index holds it ("02019" → "2019"), else QueryError."""
    if not WHOLE_NUMBER.fullmatch(value) or not MIN_YEAR <= int(value) <= MAX_YEAR:
        raise QueryError(f"year must be a number like 2019 (from {MIN_YEAR} to {MAX_YEAR}), "
                         f"not {value!r}")
    return str(int(value))


def _given(args: MultiDict[str, str], name: str, value: str, meaning: str) -> bool:
    """Whether a parameter that takes one value was given it; any other value raises QueryError."""
    given = _single(args, name)
    if given not in ("", value):
        raise QueryError(f"{name!r} must be {value!r} ({meaning}) or left out, not {given!r}")
    return given == value


def is_empty(request: SearchRequest) -> bool:
    """True when the user has asked for nothing yet: no words, filters or dates."""
    return not (request.query or request.filters or request.date_from or request.date_to)


def request_args(request: SearchRequest) -> list[tuple[str, str]]:
    """The URL parameters of a request, leaving out defaults, so links stay short."""
    args: list[tuple[str, str]] = []
    if request.query:
        args.append(("q", request.query))
    for name, values in request.filters.items():
        args.extend((name, value) for value in values)
    if request.date_from:
        args.append(("from", request.date_from.isoformat()))
    if request.date_to:
        args.append(("to", request.date_to.isoformat()))
    if request.include_routine:
        args.append(("routine", ROUTINE_INCLUDED))
    if not request.group_by_item:
        args.append(("group", UNGROUPED))
    if request.sort != "relevance":
        args.append(("sort", request.sort))
    if request.page != 1:
        args.append(("page", str(request.page)))
    if request.page_size != DEFAULT_PAGE_SIZE:
        args.append(("page_size", str(request.page_size)))
    return args


def toggled(request: SearchRequest, name: str, value: str) -> SearchRequest:
    """The request with one filter value added, or removed when it was chosen; back to page 1."""
    filters = {key: list(values) for key, values in request.filters.items()}
    values = filters.setdefault(name, [])
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    return dataclasses.replace(request, filters={k: v for k, v in filters.items() if v}, page=1)


def changed(request: SearchRequest, **changes: object) -> SearchRequest:
    """The request with some fields changed; anything but a page change goes back to page 1."""
    changes.setdefault("page", 1)
    return dataclasses.replace(request, **changes)  # type: ignore[arg-type]
