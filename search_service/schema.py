"""The one definition of the Whoosh schema.

Text fields are stemmed (so "referral" finds "referrals") and stored for highlighting. Facet
fields are separate untokenised `*_key` columns, sortable so that facet counts read a column
instead of stored documents. Each source document also gets one `record="source"` marker holding
its content hash, so an unchanged document is skipped in the same commit that recorded it, and
the acronyms learnt from it (glossary.py), so the glossary changes in the same commit as the
passages.
"""
from __future__ import annotations

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

PASSAGE = "passage"
SOURCE = "source"

# Field name -> the sortable column that holds its facet value.
FACET_COLUMNS = {
    "council": "council_key",
    "committee": "committee_key",
    "meeting": "meeting_id",
    "year": "year",
    "topic": "topics",
    "kind": "kind",
    "speaker": "speaker_key",
    "item": "item_title_key",
}


def build_schema() -> Schema:
    """The schema of the passage index."""
    # An unbounded stemming cache: the default LRU cache slows indexing badly (WHOOSH-NOTES).
    stem = StemmingAnalyzer(cachesize=-1)
    return Schema(
        id=ID(stored=True, unique=True),
        record=ID,
        source_url=ID(stored=True),
        source_hash=ID(stored=True),
        kind=ID(stored=True, sortable=True),
        # spelling=True keeps the unstemmed words too, so suggestions are words, not stems.
        text=TEXT(analyzer=stem, stored=True, spelling=True),
        question=TEXT(analyzer=stem, stored=True),
        answer=TEXT(analyzer=stem, stored=True),
        speaker=TEXT(stored=True),
        speaker_key=ID(sortable=True),
        asked_by=STORED,
        answered_by=STORED,
        council=TEXT(stored=True),
        council_key=ID(sortable=True),
        committee=TEXT(stored=True),
        committee_key=ID(sortable=True),
        meeting_id=ID(stored=True, sortable=True),
        meeting_date=DATETIME(stored=True, sortable=True),
        year=NUMERIC(stored=True, sortable=True),
        meeting_url=STORED,
        item_number=STORED,
        item_title=TEXT(analyzer=stem, stored=True),
        item_title_key=ID(sortable=True),
        item_description=TEXT(analyzer=stem, stored=True),
        item_key=ID(stored=True),
        url=STORED,
        position=NUMERIC(stored=True, sortable=True),
        topics=KEYWORD(stored=True, commas=True, lowercase=False),
        acronyms=STORED,
    )
