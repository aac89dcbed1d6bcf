"""A passage as a Xapian document.

Words are made by the Whoosh schema's own analysers (schema.py, analysis.py), so both engines
index and search the very same words (stems, compound words' parts and joined forms) and match
the same passages; only the ranking formula differs (Xapian's BM25 over the whole document,
Whoosh's BM25F per field). Each searched field has its own term prefix; filters are boolean
terms (no weight, no length); facets, sorting and grouping read value slots; what a hit shows is
the document's data, the stored fields of store.passage_fields as JSON.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import xapian

from ...model import Passage, stable_id
from ..schema import PASSAGE, SOURCE, build_schema
from ..store import passage_fields, stored_passage

SCHEMA = build_schema()

# Searched fields -> term prefix ("" for the passage text, the field most words are in).
TEXT_PREFIXES = {"text": "", "question": "XQ", "answer": "XA", "item_title": "XI",
                 "item_description": "XD", "council": "XC", "committee": "XM",
                 "speaker": "XS"}
# Filter fields (the Whoosh schema's ID and KEYWORD fields) -> boolean term prefix; a value is
# written after a colon, so a value starting with a capital cannot run into its prefix.
BOOLEAN_PREFIXES = {"id": "Q", "record": "N", "source_url": "U", "kind": "K",
                    "council_key": "C", "committee_key": "M", "meeting_id": "D", "year": "Y",
                    "people": "P", "topics": "T", "item_title_key": "L", "item_key": "I",
                    "text_key": "H", "routine": "R", "spelling": "W"}
# Single-valued columns -> value slot: facet counts (ValueCountMatchSpy), sorting by date,
# grouping by agenda item (collapse key).
VALUE_SLOTS = {"kind": 0, "council_key": 1, "committee_key": 2, "meeting_id": 3, "year": 4,
               "meeting_date": 5, "item_key": 6, "text_key": 7, "item_title_key": 8}
# Columns of several values a passage (topics, people) -> value slot: all of a passage's values
# in one, sorted and joined by LIST_SEPARATOR, so that one ValueCountMatchSpy counts each
# combination and the search splits them (only Xapian's own spies run on remote shards, and a
# spy a slot costs a value read a match: one slot a value, as before, cost a search 20 slots).
LIST_SLOTS = {"topics": 40, "people": 41}
LIST_SEPARATOR = "\x1f"
# The meeting date again, an undated passage as the latest date: sorted up, it lists undated
# passages last, as Whoosh's oldest-first does (a KeyMaker with a default value would, but the
# remote backend refuses KeyMakers).
OLDEST_SLOT = 9
UNDATED = "99999999"
# A passage whose copy (a passage of the same text_key, term "H:") was indexed before it: the
# same minutes published at a second address. Searches leave it out, as the Whoosh engine leaves
# out all but the first copy indexed (engine/items.py); the writer marks it and, when the first
# copy is deleted, unmarks the earliest copy left (store.PassageWriter).
LATER_COPY_TERM = "O:later copy"
# Xapian refuses terms over 245 bytes: a longer value (a long URL) is filtered by its hash.
MAX_VALUE_BYTES = 200


def boolean_term(column: str, value: object) -> str:
    """The filter term of `value` in `column`."""
    text = str(value)
    if len(text.encode("utf-8")) > MAX_VALUE_BYTES:
        text = "#" + stable_id(text)
    return f"{BOOLEAN_PREFIXES[column]}:{text}"


def date_value(value: dt.date | dt.datetime) -> str:
    """A meeting date as its value slot holds it: YYYYMMDD sorts as the dates do."""
    return f"{value:%Y%m%d}"


def passage_document(passage: Passage, describes_item: bool = True) -> xapian.Document:
    """The Xapian document of one passage (the same fields as its Whoosh document)."""
    fields = passage_fields(passage, describes_item)
    document = xapian.Document()
    for name, prefix in TEXT_PREFIXES.items():
        text = fields.get(name)
        if text:
            for token in SCHEMA[name].analyzer(str(text), positions=True):
                document.add_posting(prefix + token.text, token.pos + 1)
    for column in BOOLEAN_PREFIXES:
        value = fields.get(column)
        if value is None:
            continue
        values = list(dict.fromkeys(value.split(","))) if column in LIST_SLOTS else [value]
        for one in values:
            document.add_boolean_term(boolean_term(column, one))
        if column in LIST_SLOTS:
            document.add_value(LIST_SLOTS[column], LIST_SEPARATOR.join(sorted(values)))
    for column, slot in VALUE_SLOTS.items():
        value = fields.get(column)
        if value is not None:
            document.add_value(slot, date_value(value) if column == "meeting_date"
                               else str(value))
    dated = fields.get("meeting_date")
    document.add_value(OLDEST_SLOT, date_value(dated) if dated else UNDATED)
    document.set_data(json.dumps(_stored(fields), default=_json_value))
    return document


def source_document(url: str, content_hash: str, acronyms: object,
                    words: Iterable[str] = ()) -> xapian.Document:
    """The marker record of a source document: its url, content hash, acronyms learnt and the
    words of its passages, for spelling suggestions (a boolean `W:` term each: they weigh
    nothing, so the records leave the passages' statistics alone)."""
    document = xapian.Document()
    document.add_boolean_term(boolean_term("record", SOURCE))
    document.add_boolean_term(boolean_term("source_url", url))
    for word in words:
        document.add_boolean_term(boolean_term("spelling", word))
    document.set_data(json.dumps({"record": SOURCE, "source_url": url,
                                  "source_hash": content_hash, "acronyms": acronyms}))
    return document


def spelling_words(passages: Iterable[Passage]) -> set[str]:
    """The unstemmed words of the passages' texts, as the Whoosh engine's `spelling` field
    holds them (too long a word to spell-check left out)."""
    text = "\n".join(passage.text for passage in passages)
    return {token.text for token in SCHEMA["spelling"].analyzer(text)
            if len(token.text.encode("utf-8")) <= MAX_VALUE_BYTES}


def _stored(fields: dict[str, Any]) -> dict[str, Any]:
    """What Whoosh would store: the fields, with `_stored_NAME` in place of NAME."""
    stored = {name: value for name, value in fields.items() if not name.startswith("_stored_")}
    stored.update((name.removeprefix("_stored_"), value) for name, value in fields.items()
                  if name.startswith("_stored_"))
    return stored


def _json_value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in a Xapian document")


def document_fields(document: xapian.Document) -> dict[str, Any]:
    """The stored fields of a document, as Whoosh gives them back (dates as datetimes)."""
    fields = json.loads(document.get_data())
    if fields.get("meeting_date"):
        fields["meeting_date"] = dt.datetime.fromisoformat(fields["meeting_date"])
    return fields


def document_passage(document: xapian.Document) -> Passage:
    """The passage a document holds (the inverse of passage_document)."""
    return stored_passage(document_fields(document))


def text_key_term(document: xapian.Document) -> str | None:
    """The copies' term ("H:") of a passage's document; None for a passage that has no copies
    (too short to tell apart)."""
    key = document.get_value(VALUE_SLOTS["text_key"])
    return boolean_term("text_key", key.decode("utf-8")) if key else None


def terms_of(document: xapian.Document) -> set[bytes]:
    """Every term of a document."""
    return {item.term for item in document.termlist()}


def describes_item(terms: set[bytes]) -> bool:
    """Whether a passage's document (its terms) indexes its agenda item's description: only
    the item's first passage does (store.passage_fields)."""
    prefix = TEXT_PREFIXES["item_description"].encode()
    return any(term.startswith(prefix) for term in terms)


PASSAGE_TERM = boolean_term("record", PASSAGE)
SOURCE_TERM = boolean_term("record", SOURCE)
