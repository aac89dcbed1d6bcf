"""The one definition of the Whoosh schema.

Text fields are stemmed (so "referral" finds "referrals") and stored for highlighting. Facet
fields are separate untokenised `*_key` columns, sortable so that facet counts read a column
instead of stored documents. Each source document also gets one `record="source"` marker holding
its content hash, so an unchanged document is skipped in the same commit that recorded it, the
acronyms learnt from it (glossary.py), so the glossary changes in the same commit as the
passages, and its unstemmed words (`spelling`), the did-you-mean's word list.

Indexing cost is per posting (a Python loop per word and document, docs/performance.md), so
nothing is indexed twice: an agenda item's description is indexed on its first passage only
(stored on all), the words for spelling once per source rather than once per passage, and the
numbers nobody searches by range (`position`, `year`) as one term instead of Whoosh's eight
range tiers.
"""
from __future__ import annotations

from whoosh.analysis import STOP_WORDS, StandardAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import MinutesAnalyzer

PASSAGE = "passage"
SOURCE = "source"
# The `routine` field's value on passages of routine business (routine.py).
ROUTINE = "yes"

# Field name -> the sortable column that holds its facet value.
FACET_COLUMNS = {
    "council": "council_key",
    "committee": "committee_key",
    "meeting": "meeting_id",
    "year": "year",
    "topic": "topics",
    "kind": "kind",
    "speaker": "people",
    "item": "item_title_key",
}


# Words of council and committee names (and web hosts) too common to search them by.
NAME_WORDS = frozenset("""
    council councils county borough district city town parish metropolitan royal london
    committee committees sub subcommittee panel board forum group meeting meetings joint
    www gov uk org co moderngov democracy democratic services cmis councillors decisions
    """.split())


def build_schema() -> Schema:
    """The schema of the passage index."""
    # Compound words, stems, and one indexing loop with an unbounded stemming cache (the default
    # LRU cache slows indexing badly, WHOOSH-NOTES).
    stem = MinutesAnalyzer()
    # Council and committee names, whose words a search may hold ("Melton complaints"); a
    # council known by its web site's host name is split at the dots. Words every name has
    # ("council", "committee", "gov") are left out: they would match every passage.
    names = StandardAnalyzer(expression=r"\w+", stoplist=STOP_WORDS | NAME_WORDS)
    return Schema(
        id=ID(stored=True, unique=True),
        record=ID,
        source_url=ID(stored=True),
        source_hash=ID(stored=True),
        kind=ID(stored=True, sortable=True),
        text=TEXT(analyzer=stem, stored=True),
        # The unstemmed words of the passages of a source, on its source record: suggestions are
        # words, not stems.
        spelling=TEXT(analyzer=StandardAnalyzer(), phrase=False),
        question=TEXT(analyzer=stem, stored=True),
        answer=TEXT(analyzer=stem, stored=True),
        # Indexed: everyone the passage names as asking, answering or speaking (`speaker:`);
        # stored: who spoke, as the splitter read it.
        speaker=TEXT(stored=True),
        # The same people, each a value of the speaker facet and filter.
        people=KEYWORD(stored=True, commas=True, lowercase=False, scorable=False),
        asked_by=STORED,
        answered_by=STORED,
        council=TEXT(analyzer=names, stored=True),
        council_key=ID(sortable=True),
        committee=TEXT(analyzer=names, stored=True),
        committee_key=ID(sortable=True),
        meeting_id=ID(stored=True, sortable=True),
        meeting_date=DATETIME(stored=True, sortable=True),
        year=NUMERIC(stored=True, sortable=True, shift_step=32),
        meeting_url=STORED,
        # Shown, never searched: the meeting's time ("18:00") and the heading its page gives it.
        meeting_time=STORED,
        meeting_title=STORED,
        item_number=STORED,
        item_title=TEXT(analyzer=stem, stored=True),
        item_title_key=ID(sortable=True),
        item_description=TEXT(analyzer=stem, stored=True),
        item_key=ID(stored=True, sortable=True),
        # Shared by copies of one passage published at two addresses (store.text_key).
        text_key=ID(stored=True, sortable=True),
        url=STORED,
        position=NUMERIC(stored=True, sortable=True, shift_step=32),
        topics=KEYWORD(stored=True, commas=True, lowercase=False),
        # ROUTINE on passages of routine business, left out of searches by default.
        routine=ID,
        acronyms=STORED,
    )
