"""Passages and hits as JSON records: the one place a passage becomes the values the JSON API,
the Atom feed and `search --json` give, so they cannot drift apart (the OpenAPI document's
schemas name the same keys, tests/test_serialize.py)."""
from __future__ import annotations

from typing import Any, Protocol

from .model import Passage
from .people import people_of
from .search import Hit

# The keys of a `search --json` line, in order: a flat record for scripts, with the address
# as indexed (a local file's path too).
EXPORTED = ("id", "score", "kind", "text", "question", "answer", "speaker", "council",
            "committee", "meeting_date", "meeting_time", "meeting_title", "item_title", "url",
            "topics", "missing", "more_in_item")
# The keys of a `split --json` line, in order, after the document it was read from.
SPLIT = ("id", "kind", "text", "question", "answer", "speaker", "asked_by", "answered_by",
         "position", "topics", "council", "committee", "meeting_date", "meeting_time",
         "meeting_title", "item_number", "item_title")


class Links(Protocol):
    """Where the service shows a passage and a person: the web's pages and API."""

    def passage(self, passage: Passage) -> dict[str, str | None]:
        """A passage's page, its API record and its meeting's page."""

    def person(self, name: str) -> dict[str, str]:
        """The page and API record of a person a passage names."""


def published(url: str | None) -> str | None:
    """The URL when it is a web page; None for a local file the user indexed, and for any
    other scheme (a `javascript:` link in hostile minutes must never reach a page or client)."""
    return url if url and url.startswith(("https://", "http://")) else None


def passage_record(passage: Passage, links: Links) -> dict[str, Any]:
    """One passage as the API returns it (and the pages and the feed show it)."""
    return _values(passage) | {
        "people": [{"name": name, "links": links.person(name)} for name in people_of(passage)],
        "source_url": published(passage.url),
        "meeting_url": published(passage.meeting.url),
        "links": links.passage(passage) | {"source": published(passage.url)},
    }


def hit_record(hit: Hit, links: Links) -> dict[str, Any]:
    """A search hit: the passage, its score and its highlighted fragments (escaped HTML)."""
    return passage_record(hit.passage, links) | {
        "score": round(hit.score, 4), "highlights": hit.highlights,
        "missing": list(hit.missing), "more_in_item": hit.more_in_item,
        "copies": [url for url in map(published, hit.copies) if url]}


def exported_record(hit: Hit) -> dict[str, Any]:
    """The `search --json` line of one hit."""
    values = _values(hit.passage) | {"score": round(hit.score, 4), "url": hit.passage.url,
                                     "missing": list(hit.missing),
                                     "more_in_item": hit.more_in_item}
    return {key: values[key] for key in EXPORTED}


def split_record(passage: Passage, source: str) -> dict[str, Any]:
    """The `split --json` line of one passage of the document read from `source`."""
    values = _values(passage)
    return {"source": source} | {key: values[key] for key in SPLIT}


def _values(passage: Passage) -> dict[str, Any]:
    """The passage's own fields as JSON values."""
    meeting, item = passage.meeting, passage.item
    return {
        "id": passage.id,
        "kind": passage.kind,
        "text": passage.text,
        "question": passage.question,
        "answer": passage.answer,
        "speaker": passage.speaker,
        "asked_by": passage.asked_by,
        "answered_by": passage.answered_by,
        "council": meeting.council,
        "committee": meeting.committee,
        "meeting_id": meeting.identifier,
        "meeting_date": meeting.date.isoformat() if meeting.date else None,
        "meeting_time": f"{meeting.time:%H:%M}" if meeting.time else None,
        "meeting_title": meeting.title,
        "item_number": item.number,
        "item_title": item.title,
        "position": passage.position,
        "topics": list(passage.topics),
    }
