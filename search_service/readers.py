"""What the web pages and the API ask of an index, as one object per engine and request: a
search, a passage and its neighbours, meetings, the glossary, a summary. search.py answers on a
Whoosh index (`WhooshReader`), reader_xapian.py on a Xapian folder or stub of shards."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from .engine.store import Searcher
from .glossary import Glossary
from .index_glossary import glossary_for
from .model import Passage
from .search import (Hit, IndexSummary, MeetingSummary, SearchRequest, SearchResults,
                     get_meetings, get_passage, item_neighbours, list_meetings, meeting_items,
                     search_passages, similar_passages, summarise_index)


class Reader(Protocol):
    """One request's view of an index, whatever its engine."""

    def search(self, request: SearchRequest) -> SearchResults:
        """One page of results (search.search_passages)."""

    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id, or None."""

    def neighbours(self, passage: Passage) -> tuple[Passage | None, Passage | None]:
        """The passages just before and after this one in its agenda item."""

    def similar(self, passage_id: str, limit: int) -> list[Hit]:
        """Passages of other meetings on the same subject, most alike first."""

    def meetings(self, meeting_ids: Iterable[str]) -> dict[str, MeetingSummary | None]:
        """The summaries of these meetings (None for one without passages)."""

    def every_meeting(self) -> list[MeetingSummary]:
        """Every meeting in the index, newest first."""

    def meeting_items(self, meeting_id: str) -> list[list[Passage]]:
        """A meeting's passages by agenda item, in agenda order."""

    def glossary(self) -> Glossary:
        """The shipped glossary and the acronyms learnt from the index."""

    def summary(self) -> IndexSummary:
        """What the index holds now."""


@dataclass
class WhooshReader:
    """A Reader over a Whoosh searcher: search.py's functions."""

    searcher: Searcher

    def search(self, request: SearchRequest) -> SearchResults:
        """One page of results."""
        return search_passages(self.searcher, request)

    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id, or None."""
        return get_passage(self.searcher, passage_id)

    def neighbours(self, passage: Passage) -> tuple[Passage | None, Passage | None]:
        """The passages just before and after this one in its agenda item."""
        return item_neighbours(self.searcher, passage)

    def similar(self, passage_id: str, limit: int) -> list[Hit]:
        """Passages of other meetings on the same subject, most alike first."""
        return similar_passages(self.searcher, passage_id, limit=limit)

    def meetings(self, meeting_ids: Iterable[str]) -> dict[str, MeetingSummary | None]:
        """The summaries of these meetings (None for one without passages)."""
        return get_meetings(self.searcher, meeting_ids)

    def every_meeting(self) -> list[MeetingSummary]:
        """Every meeting in the index, newest first."""
        return list_meetings(self.searcher)

    def meeting_items(self, meeting_id: str) -> list[list[Passage]]:
        """A meeting's passages by agenda item, in agenda order."""
        return meeting_items(self.searcher, meeting_id)

    def glossary(self) -> Glossary:
        """The shipped glossary and the acronyms learnt from the index."""
        return glossary_for(self.searcher)

    def summary(self) -> IndexSummary:
        """What the index holds now."""
        return summarise_index(self.searcher)
