"""The check every table of splitter examples makes: kinds, the start of each passage, and the
question and answer parts of its qa passage; and the passages of one item's minutes."""
from __future__ import annotations

from search_service.model import Document, Passage, Segment
from search_service.segment import split_document, split_minutes


def passages(text: str, title: str | None) -> list[tuple[str, str | None, str | None]]:
    """The kind, question and answer of each passage of `text`, the minutes of an item so titled."""
    doc = Document(source="minutes.txt", url="https://example.gov.uk/item", text=text,
                   item_title=title)
    return [(p.kind, p.question, p.answer) for p in split_document(doc)]


def page_passages(text: str) -> list[Passage]:
    """The passages of a whole page of minutes (its header, items and minutes as the page has
    them)."""
    url = "https://example.gov.uk/minutes"
    return split_document(Document(source=url, url=url, text=text))


def page_texts(text: str) -> list[str]:
    """The text of each passage of a whole page of minutes."""
    return [passage.text for passage in page_passages(text)]


def kinds(text: str, title: str | None) -> list[str]:
    """The kind of each passage of `text`, the minutes of an item so titled."""
    return [kind for kind, _, _ in passages(text, title)]


def check_split(text: str, expected: list[tuple[str, str]],
                parts: tuple[str, str | None] | None) -> list[Segment]:
    """Split `text`; assert each passage's kind and opening words, and, given `parts`, that the
    qa passage's question holds parts[0] and its answer parts[1] (when not None)."""
    segments = split_minutes(text)
    assert [(s.kind, s.text[:len(start)]) for s, (_, start) in zip(segments, expected)] == expected
    assert len(segments) == len(expected)
    if parts:
        exchange = next(s for s in segments if s.kind == "qa")
        assert parts[0] in (exchange.question or "")
        assert parts[1] is None or parts[1] in (exchange.answer or "")
    return segments
