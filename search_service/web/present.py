"""Search results, meetings and acronyms as records and HTML, shared by the pages, the JSON API and
the feed; passages become records in serialize.py."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from flask import url_for
from markupsafe import Markup, escape

from ..glossary import SHIPPED, Definition, Glossary, council_key
from ..model import Passage
from ..search import MeetingSummary, SearchResults
from ..serialize import published
from .params import request_args, toggled

KIND_LABELS = {"qa": "Question and answer", "statement": "Statement", "decision": "Decision"}
# The facets shown on the search page, in order, with their headings.
FACET_TITLES = {"council": "Council", "committee": "Committee", "meeting": "Meeting",
                "year": "Year", "topic": "Topic", "kind": "Kind", "speaker": "Speaker"}
# Values listed per facet; chosen values are always listed as well.
FACET_VALUES_SHOWN = 30
# Words of a meeting's title that say nothing its committee, date and time do not say.
_TITLE_FILLER = frozenset("""
    meeting meetings minutes of the a an held on at and am pm noon st nd rd th
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december cyfarfod cofnodion dydd
    """.split())


class WebLinks:
    """The service's pages and API records of passages and people (within a request)."""

    def passage(self, passage: Passage) -> dict[str, str | None]:
        """A passage's page, its API record and its meeting's page."""
        meeting_id = passage.meeting.identifier
        return {"page": url_for("pages.passage", passage_id=passage.id),
                "api": url_for("api.passage", passage_id=passage.id),
                "meeting": url_for("pages.meeting", meeting_id=meeting_id) if meeting_id
                else None}

    def person(self, name: str) -> dict[str, str]:
        """A person's page and API record."""
        return {"page": url_for("pages.person", name=name), "api": url_for("api.person", name=name)}


WEB_LINKS = WebLinks()


def item_record(passages: list[Passage], records: list[dict[str, Any]]) -> dict[str, Any]:
    """An agenda item of a meeting with the records of its passages."""
    item = passages[0].item
    return {"number": item.number, "title": item.title,
            "source_url": published(passages[0].url), "passages": records}


def passage_html(passage: Passage, glossary: Glossary,
                 highlights: dict[str, str] | None = None) -> dict[str, Markup]:
    """The escaped HTML of a passage card's fields, highlighted where the search matched, with
    the first use of each acronym explained in <abbr title>, the passage's council's meaning
    first."""
    highlights = highlights or {}
    councils = [council_key(passage.meeting.council, published(passage.url))]
    seen: set[str] = set()
    html = {name: Markup(fragment) for name, fragment in highlights.items()}
    for name in ("question", "answer") if passage.shows_exchange else ("text",):
        shown = highlights.get(name) or escape(getattr(passage, name) or "")
        html[name] = mark_up(glossary, shown, councils, seen)
    return html


def mark_up(glossary: Glossary, html: str, councils: Sequence[str] = (),
            seen: set[str] | None = None) -> Markup:
    """Escaped HTML with each acronym the glossary knows wrapped in <abbr title="long form">.

    `html` must already be escaped (a highlight fragment, or `escape(text)`): only text between
    tags is touched, and the title is escaped, so minutes text cannot inject markup. `seen` is
    as Glossary.explained takes it.
    """
    parts = re.split(r"(<[^>]*>)", str(html))
    for index in range(0, len(parts), 2):
        text, marked, at = parts[index], [], 0
        for start, end, long_forms in glossary.explained(text, councils, seen):
            marked += [text[at:start],
                       f'<abbr title="{escape(long_forms)}">{text[start:end]}</abbr>']
            at = end
        parts[index] = "".join(marked) + text[at:]
    return Markup("".join(parts))


def definition_record(definition: Definition) -> dict[str, Any]:
    """An acronym with one long form: learnt (from which council, on how many pages) or shipped,
    with a search for it (which also finds its long forms)."""
    learnt = definition.council != SHIPPED
    query = [("q", definition.acronym)]
    return {"acronym": definition.acronym, "long_form": definition.long_form,
            "source": "learnt" if learnt else "shipped",
            "council": definition.council if learnt else None,
            "pages": definition.pages if learnt else None,
            "links": {"search": search_url("pages.search", query),
                      "api": search_url("api.search", query)}}


def meeting_record(meeting: MeetingSummary) -> dict[str, Any]:
    """A meeting's header as the API returns it."""
    return {
        "id": meeting.id,
        "council": meeting.council,
        "committee": meeting.committee,
        "date": meeting.date.isoformat() if meeting.date else None,
        "time": meeting.time,
        "title": meeting.title,
        "url": published(meeting.url),
        "passages": meeting.passages,
        "links": {"page": url_for("pages.meeting", meeting_id=meeting.id),
                  "api": url_for("api.meeting", meeting_id=meeting.id)},
    }


def meeting_label(meeting: MeetingSummary | None, meeting_id: str) -> str:
    """How a meeting is named in lists: committee and date, else what else is known."""
    if meeting is None:
        return f"Meeting {meeting_id}"
    name = telling_title(meeting.title, meeting.committee) or meeting.committee
    named = ", ".join(part for part in (name, long_date(meeting.date)) if part)
    if not name and meeting.council:
        named = ", ".join(part for part in (f"{meeting.council} meeting", named) if part)
    if not meeting.date and meeting.first_item:
        named = f"{named or 'Meeting'}: {meeting.first_item}"
    return named or f"Meeting {meeting_id}"


def telling_title(title: str | None, committee: str | None) -> str | None:
    """A meeting's title when it tells more than its committee, date and time ("Annual Meeting
    of the Parish Council", "Extraordinary meeting"); None for a heading that only repeats them
    ("Cabinet - Tuesday, 12th March, 2019 6.00 pm"), shown as the committee, date and time."""
    if not title:
        return None
    known = _TITLE_FILLER | set(re.findall(r"[^\W\d_]+", (committee or "").casefold()))
    return title if set(re.findall(r"[^\W\d_]+", title.casefold())) - known else None


def clock(value: str | None) -> str:
    """"18:00" as minutes write a time: "6.00 pm"."""
    if not value:
        return ""
    time = dt.time.fromisoformat(value)
    return f"{(time.hour - 1) % 12 + 1}.{time.minute:02d} {'pm' if time.hour >= 12 else 'am'}"


def long_date(value: dt.date | dt.datetime | str | None) -> str:
    """2 October 2018."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def facet_records(results: SearchResults, meetings: dict[str, MeetingSummary | None]
                  ) -> dict[str, list[dict[str, Any]]]:
    """Facet values with labels, counts and whether they are chosen; years newest first."""
    request = results.request
    out = {}
    for name, counts in results.facets.items():
        chosen = request.filters.get(name, [])
        if name == "year":
            counts = sorted(counts, key=lambda kv: kv[0], reverse=True)
        shown = counts[:FACET_VALUES_SHOWN]
        shown += [kv for kv in counts[FACET_VALUES_SHOWN:] if kv[0] in chosen]
        out[name] = [{"value": value, "label": facet_label(name, value, meetings),
                      "count": count, "selected": value in chosen} for value, count in shown]
    return out


def facet_label(name: str, value: str, meetings: dict[str, MeetingSummary | None]) -> str:
    """The label of a facet value: a meeting's committee and date, a kind's name."""
    if name == "meeting":
        return meeting_label(meetings.get(value), value)
    if name == "kind":
        return KIND_LABELS.get(value, value)
    return value


def search_url(endpoint: str, args: list[tuple[str, str]], external: bool = False) -> str:
    """The URL of a search endpoint with these parameters."""
    base = url_for(endpoint, _external=external)
    return f"{base}?{urlencode(args)}" if args else base


def toggle_url(results: SearchResults, name: str, value: str) -> str:
    """The search page with one filter value added or removed."""
    return search_url("pages.search", request_args(toggled(results.request, name, value)))
