"""The Xapian store: open, write and commit the passage database.

The database is the folder `xapian/` inside the index folder (beside the ENGINE file and the
run lock), or, to search shards, a stub file naming them (`remote HOST:PORT` or `auto PATH`,
one a line; shards.py reads it and opens them). A batch of sources is one Xapian transaction:
committed whole by `commit`, or dropped by `cancel` or by the run dying; the database always
holds its last commit.

Copies (the same minutes published at two addresses, store.text_key) are marked as they are
written: a passage whose text key a passage of the database holds already gets the later-copy
term, and searches leave it out; when a first copy's source is replaced, the earliest copy left
of it loses the mark and stands in. Searches leave out one boolean term's passages (no value
read a match). Shards are by council and a text key holds the council: a passage's copies are
in its own shard.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import xapian

from ...model import Passage
from ..caches import GenerationValues
from ..store import StoreError, item_key
from . import layout
from .shards import DATABASE, PassageDatabase, open_database

log = logging.getLogger(__name__)

# What the search stage holds and catches, named here so that only the engine imports xapian.
Database = PassageDatabase
EngineError = xapian.Error


class XapianIndex:
    """A Xapian passage index: a database folder, or a stub file of shards (read-only)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.database_path = self.path if self.path.is_file() else self.path / DATABASE
        # What the searches read from a whole generation (the glossary), shared by every
        # database opened from this object (the web server's threads).
        self.kept = GenerationValues()

    def searcher(self) -> PassageDatabase:
        """The database as it is now, the shards of a stub that answer as one (its `shards`
        says which did not)."""
        return open_database(self.path, self.kept)

    def writable(self) -> xapian.WritableDatabase:
        """The database open for writing (Xapian's own lock: one writer at a time)."""
        if self.path.is_file():
            raise StoreError(f"{self.path} is a stub file of shards; write each shard's "
                             f"folder on its machine")
        try:
            return xapian.WritableDatabase(str(self.database_path), xapian.DB_CREATE_OR_OPEN)
        except xapian.DatabaseLockError:
            raise StoreError(f"another process writes {self.database_path}") from None


def open_index(index_dir: Path, create: bool = False) -> XapianIndex:
    """The Xapian index at `index_dir` (a folder or a stub file); its database is created, empty,
    when asked and absent."""
    ix = XapianIndex(index_dir)
    if not ix.database_path.exists():
        if not create:
            raise StoreError(f"no index in {index_dir}: run `search-service index --engine "
                             f"xapian --index {index_dir} PATH...` first")
        ix.writable().close()  # no transaction open: closing commits the empty database
    return ix


def clear_leftovers(ix: XapianIndex) -> int:
    """Nothing to clear: an uncommitted Xapian transaction leaves no files behind."""
    return 0


def stored_hashes(ix: XapianIndex) -> dict[str, str]:
    """The content hash of every source document in the index, by url."""
    database = ix.searcher()
    hashes = {}
    for posting in database.postlist(layout.SOURCE_TERM):
        fields = layout.document_fields(database.get_document(posting.docid))
        hashes[fields["source_url"]] = fields["source_hash"]
    return hashes


def stored_passages(ix: XapianIndex) -> Iterator[dict[str, Any]]:
    """The stored fields of every passage of the index, read through one database."""
    database = ix.searcher()
    try:
        for posting in database.postlist(layout.PASSAGE_TERM):
            yield layout.document_fields(database.get_document(posting.docid))
    finally:
        database.close()


class PassageWriter:
    """Replaces the passages of source documents inside one Xapian transaction (a batch)."""

    def __init__(self, ix: XapianIndex) -> None:
        self._database = ix.writable()
        # Flushed: committing the transaction commits the batch to disk, atomically.
        self._database.begin_transaction(True)

    def replace_source(self, url: str, content_hash: str, passages: Sequence[Passage],
                       existed: bool, acronyms: object = None) -> int:
        """Delete the source's old passages (when it `existed`), add the new ones and its hash;
        returns the number of old passages removed."""
        removed = 0
        source_term = layout.boolean_term("source_url", url)
        if existed:
            # The source's marker record carries its url too: it is not a passage.
            removed = max(self._database.get_termfreq(source_term) - 1, 0)
            first_copies = self._first_copies(source_term)
            self._database.delete_document(source_term)
            for copies_term in first_copies:
                self._promote_copy(copies_term)
        described: set[str] = set()
        for passage in passages:
            key = item_key(passage)
            document = layout.passage_document(passage, key not in described)
            copies_term = layout.text_key_term(document)
            if copies_term and self._database.term_exists(copies_term):
                document.add_boolean_term(layout.LATER_COPY_TERM)
            self._database.add_document(document)
            described.add(key)
        self._database.add_document(layout.source_document(
            url, content_hash, acronyms, layout.spelling_words(passages)))
        return removed

    def replace_passages(self, passages: Sequence[Passage]) -> None:
        """Rewrite passages already in the index (by id), e.g. with new topics: each keeps its
        document id, its later-copy mark, and its item's description indexed where it was."""
        for passage in passages:
            id_term = layout.boolean_term("id", passage.id)
            old = next(iter(self._database.postlist(id_term)), None)
            terms = set() if old is None else layout.terms_of(
                self._database.get_document(old.docid))
            document = layout.passage_document(passage, layout.describes_item(terms))
            if layout.LATER_COPY_TERM.encode() in terms:
                document.add_boolean_term(layout.LATER_COPY_TERM)
            self._database.replace_document(id_term, document)

    def _first_copies(self, source_term: str) -> set[str]:
        """The copies' terms of a source's passages that are first copies (not marked later)."""
        query = xapian.Query(xapian.Query.OP_AND_NOT, xapian.Query(source_term),
                             xapian.Query(layout.LATER_COPY_TERM))
        enquire = xapian.Enquire(self._database)
        enquire.set_query(query)
        matches = enquire.get_mset(0, self._database.get_termfreq(source_term))
        return {term for match in matches
                if (term := layout.text_key_term(match.document)) is not None}

    def _promote_copy(self, copies_term: str) -> None:
        """Unmark the earliest copy left of a first copy deleted: it stands in (unless a first
        copy is left)."""
        earliest = next(iter(self._database.postlist(copies_term)), None)
        if earliest is None:
            return
        document = self._database.get_document(earliest.docid)
        if layout.LATER_COPY_TERM.encode() in layout.terms_of(document):
            document.remove_term(layout.LATER_COPY_TERM)
            self._database.replace_document(earliest.docid, document)

    def commit(self) -> None:
        """Make everything written so far visible to searchers, atomically."""
        self._database.commit_transaction()
        self._database.close()

    def cancel(self) -> None:
        """Drop everything written since the writer opened."""
        self._database.cancel_transaction()
        self._database.close()
