"""The check every table of splitter examples makes: kinds, the start of each passage, and the
question and answer parts of its qa passage; and the passages of one item's minutes."""
from __future__ import annotations

from search_service.model import Document, Segment
from search_service.segment import split_document, split_minutes


def passages(text: str, title: str | None) -> list[tuple[str, str | None, str | None]]:
    """The kind, question and answer of each passage of `text`, the minutes of an item so titled."""
    doc = Document(source="minutes.txt", url="https://example.gov.uk/item", text=text,
                   item_title=title)
    return [(p.kind, p.question, p.answer) for p in split_document(doc)]


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
