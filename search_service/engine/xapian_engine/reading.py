"""What the pages read of a Xapian passage index besides a search, as hits.py reads it of a
Whoosh one: a passage by id, a meeting's and an item's passages (their boolean terms `Q:`,
`D:`, `I:`), each meeting's first passage and count, the matches marked in a page's hits and
the word statistics of "asked before" (DatabaseWords). Postings, term lists and term
frequencies are read through a stub too: every shard as one database."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

import xapian
from whoosh.query import Query

from ...model import Passage
from ..highlights import marked_fields, page_formatter, query_words, word_marker
from ..reading import analysed
from ..store import item_key, passage_fields
from . import layout
from .search import MAX_EXPANSIONS


def _passages(database: xapian.Database, term: str) -> Iterator[Passage]:
    """The passages holding a boolean term, in document order."""
    for posting in database.postlist(term):
        yield layout.document_passage(database.get_document(posting.docid))


def passage_by_id(database: xapian.Database, passage_id: str) -> Passage | None:
    """The passage with this id, or None."""
    return next(_passages(database, layout.boolean_term("id", passage_id)), None)


def meeting_passages(database: xapian.Database, meeting_id: str) -> list[Passage]:
    """One meeting's passages."""
    return list(_passages(database, layout.boolean_term("meeting_id", meeting_id)))


def item_passages(database: xapian.Database, passage: Passage) -> list[Passage]:
    """The passages of this passage's agenda item, in their order in the minutes."""
    found = _passages(database, layout.boolean_term("item_key", item_key(passage)))
    return sorted(found, key=lambda other: other.position)


def meetings(database: xapian.Database, meeting_ids: Iterable[str] | None = None
             ) -> dict[str, tuple[Passage, int]]:
    """The first passage of each meeting (of those of `meeting_ids`, or of every one) and how
    many passages it has."""
    prefix = layout.boolean_term("meeting_id", "")
    if meeting_ids is None:
        meeting_ids = [item.term.decode("utf-8")[len(prefix):]
                       for item in database.allterms(prefix)]
    found = {}
    for meeting_id in dict.fromkeys(meeting_ids):
        term = layout.boolean_term("meeting_id", meeting_id)
        first = next(_passages(database, term), None) if meeting_id else None
        if first is not None:
            found[meeting_id] = (first, database.get_termfreq(term))
    return found


def values_held(database: xapian.Database, column: str) -> int:
    """How many values of a filter column passages hold (meetings, committees)."""
    prefix = layout.boolean_term(column, "")
    return sum(1 for item in database.allterms(prefix) if len(item.term) > len(prefix))


def passage_count(database: xapian.Database) -> int:
    """The passages in the index (source records left out)."""
    return database.get_termfreq(layout.PASSAGE_TERM)


def highlights(database: xapian.Database, query: Query | None,
               passages: Sequence[Passage]) -> list[dict[str, str]]:
    """The matches of the parsed `query` marked in each passage's text fields, as the Whoosh
    engine marks a page of hits (its highlighter, over the stored text)."""
    words = query_words(query, lambda field, prefix: _expanded(database, field, prefix))
    mark = word_marker(layout.SCHEMA, words, page_formatter())
    return [marked_fields(passage_fields(passage), mark) for passage in passages]


def _expanded(database: xapian.Database, field: str, prefix: str) -> list[str]:
    """The indexed words of a text field starting with `prefix` (`refer*`)."""
    if field not in layout.TEXT_PREFIXES:
        return []
    start = layout.TEXT_PREFIXES[field]
    return [item.term.decode("utf-8")[len(start):]
            for item in islice(database.allterms(start + prefix), MAX_EXPANSIONS)]


@dataclass(frozen=True)
class DatabaseWords:
    """The word statistics of a database (similarity.WordStatistics), as the Whoosh engine's
    SearcherWords gives them: the words by the same analysers, counts of every shard."""

    database: xapian.Database

    def analysed_words(self, text: str, field: str = "text") -> list[tuple[str, str]]:
        """Each word of `text` as `field` indexes it (its stem) with the word as written."""
        return analysed(layout.SCHEMA, text, field)

    def document_count(self) -> int:
        """The documents of the database (source records included)."""
        return self.database.get_doccount()

    def document_frequency(self, field: str, word: str) -> int:
        """How many documents hold `word` (as indexed) in `field`."""
        return self.database.get_termfreq(layout.TEXT_PREFIXES[field] + word)
