"""The Reader of a Xapian index (a folder or a stub file of shards): what the pages and the API
ask, answered by search_xapian.py and the engine's reading.py, as readers.WhooshReader answers
on Whoosh."""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, TypeVar

from .engine.xapian_engine import reading
from .engine.xapian_engine.shards import with_live_shards
from .engine.xapian_engine.store import Database
from .glossary import Glossary
from .model import Passage
from .search import (Hit, IndexSummary, MeetingSummary, SearchRequest, SearchResults,
                     agenda_items, neighbours, newest_meetings, summaries_of)
from .search_xapian import glossary_of, search_xapian, similar_xapian

P = ParamSpec("P")
T = TypeVar("T")


def _over_live_shards(read: Callable[Concatenate[XapianReader, P], T]
                      ) -> Callable[Concatenate[XapianReader, P], T]:
    """A read of the request's database: a shard that stops answering during it is left out
    and the read made again on the others (the reader keeps the database they make for the
    rest of the request); another failure is a StoreError, a message, not a traceback."""
    @functools.wraps(read)
    def checked(reader: XapianReader, *args: P.args, **kwargs: P.kwargs) -> T:
        def attempt(database: Database) -> T:
            reader.database = database
            return read(reader, *args, **kwargs)
        return with_live_shards(reader.database, attempt)
    return checked


@dataclass
class XapianReader:
    """A Reader over a Xapian database, refreshed for the request (over a stub, the shards
    that answered)."""

    database: Database

    def search(self, request: SearchRequest) -> SearchResults:
        """One page of results (search_xapian reads over the live shards itself)."""
        return search_xapian(self.database, request)

    @_over_live_shards
    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id, or None."""
        return reading.passage_by_id(self.database, passage_id)

    @_over_live_shards
    def neighbours(self, passage: Passage) -> tuple[Passage | None, Passage | None]:
        """The passages just before and after this one in its agenda item."""
        return neighbours(reading.item_passages(self.database, passage), passage)

    @_over_live_shards
    def similar(self, passage_id: str, limit: int) -> list[Hit]:
        """Passages from other meetings on this one's subject, most alike first."""
        return similar_xapian(self.database, passage_id, limit=limit)

    @_over_live_shards
    def meetings(self, meeting_ids: Iterable[str]) -> dict[str, MeetingSummary | None]:
        """The summaries of these meetings (None for one without passages)."""
        wanted = list(meeting_ids)
        return summaries_of(reading.meetings(self.database, wanted), wanted)

    @_over_live_shards
    def every_meeting(self) -> list[MeetingSummary]:
        """Every meeting in the index, newest first."""
        return newest_meetings(reading.meetings(self.database))

    @_over_live_shards
    def meeting_items(self, meeting_id: str) -> list[list[Passage]]:
        """A meeting's passages by agenda item, in agenda order."""
        return agenda_items(reading.meeting_passages(self.database, meeting_id))

    @_over_live_shards
    def glossary(self) -> Glossary:
        """The shipped glossary and the acronyms learnt from the index."""
        return glossary_of(self.database)

    @_over_live_shards
    def summary(self) -> IndexSummary:
        """What the index holds now."""
        return IndexSummary(reading.passage_count(self.database),
                            reading.values_held(self.database, "meeting_id"),
                            reading.values_held(self.database, "committee_key"))
