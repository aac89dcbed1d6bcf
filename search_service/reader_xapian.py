"""The Reader of a Xapian index (a folder or a stub file of shards): what the pages and the API
ask, answered by search_xapian.py and the engine's reading.py, as readers.WhooshReader answers
on Whoosh. Not yet on Xapian: similar passages (none are listed)."""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from .engine.store import StoreError
from .engine.xapian_engine import reading
from .engine.xapian_engine.store import Database, EngineError
from .glossary import Glossary
from .model import Passage
from .search import (Hit, IndexSummary, MeetingSummary, SearchRequest, SearchResults,
                     agenda_items, neighbours, newest_meetings, summaries_of)
from .search_xapian import glossary_of, search_xapian

P = ParamSpec("P")
T = TypeVar("T")


def _failing_as_store_error(read: Callable[P, T]) -> Callable[P, T]:
    """A read whose database failure (a shard down) is a StoreError: a message, no traceback."""
    @functools.wraps(read)
    def checked(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return read(*args, **kwargs)
        except EngineError as exc:
            raise StoreError(f"the Xapian index failed: {exc.get_msg()}") from None
    return checked


def generation(database: Database) -> tuple[int, int]:
    """What changes with every commit of any shard: the document count and the last document
    number (a commit replacing a source adds documents, one removing it lowers the count)."""
    return database.get_doccount(), database.get_lastdocid()


@dataclass
class XapianReader:
    """A Reader over a Xapian database, reopened for the request; `glossary_of` reads the
    glossary (the pool keeps it for the database's generation)."""

    database: Database
    glossary_of: Callable[[Database], Glossary] = glossary_of

    def search(self, request: SearchRequest) -> SearchResults:
        """One page of results."""
        return search_xapian(self.database, request, self.glossary())

    @_failing_as_store_error
    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id, or None."""
        return reading.passage_by_id(self.database, passage_id)

    @_failing_as_store_error
    def neighbours(self, passage: Passage) -> tuple[Passage | None, Passage | None]:
        """The passages just before and after this one in its agenda item."""
        return neighbours(reading.item_passages(self.database, passage), passage)

    def similar(self, passage_id: str, limit: int) -> list[Hit]:
        """None yet on the Xapian engine (docs/scale-out.md)."""
        return []

    @_failing_as_store_error
    def meetings(self, meeting_ids: Iterable[str]) -> dict[str, MeetingSummary | None]:
        """The summaries of these meetings (None for one without passages)."""
        wanted = list(meeting_ids)
        return summaries_of(reading.meetings(self.database, wanted), wanted)

    @_failing_as_store_error
    def every_meeting(self) -> list[MeetingSummary]:
        """Every meeting in the index, newest first."""
        return newest_meetings(reading.meetings(self.database))

    @_failing_as_store_error
    def meeting_items(self, meeting_id: str) -> list[list[Passage]]:
        """A meeting's passages by agenda item, in agenda order."""
        return agenda_items(reading.meeting_passages(self.database, meeting_id))

    @_failing_as_store_error
    def glossary(self) -> Glossary:
        """The shipped glossary and the acronyms learnt from the index."""
        return self.glossary_of(self.database)

    @_failing_as_store_error
    def summary(self) -> IndexSummary:
        """What the index holds now."""
        return IndexSummary(reading.passage_count(self.database),
                            reading.values_held(self.database, "meeting_id"),
                            reading.values_held(self.database, "committee_key"))
