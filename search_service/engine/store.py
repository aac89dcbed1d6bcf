"""The Whoosh store: open, lock, write and commit the passage index."""
from __future__ import annotations

import datetime as dt
import errno
import fcntl
import logging
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index, searching
from whoosh.codec.whoosh3 import W3PerDocReader
from whoosh.filedb.filestore import FileStorage, Storage
from whoosh.index import TOC, FileIndex, clean_files
from whoosh.scoring import BM25F
from whoosh.writing import SegmentWriter

from ..model import AgendaItem, Meeting, Passage, stable_id
from ..people import people_of
from ..routine import is_routine
from .caches import IndexCaches
from .merge_policy import tiered_merge
from .patches import apply_patches
from .schema import PASSAGE, ROUTINE, SOURCE, build_schema

log = logging.getLogger(__name__)

DEFAULT_INDEX = "index"
RUN_LOCK = "RUN.lock"
# Memory for a batch's postings before Whoosh spills them to disk and merges the runs back (a
# third more CPU per posting): enough for a batch of pipeline.indexing.COMMIT_EVERY documents,
# ~22k passages.
WRITER_LIMIT_MB = 640


class StoreError(Exception):
    """An index that cannot be opened or written; the message is meant for the user."""


class UnavailableError(StoreError):
    """An index that exists but cannot be read now: none of its shards answers."""


class IndexBusyError(StoreError):
    """Another indexer run holds the index."""


def default_index_dir() -> Path:
    """`$SEARCH_SERVICE_INDEX`, else `./index`."""
    return Path(os.environ.get("SEARCH_SERVICE_INDEX") or DEFAULT_INDEX)


# BM25F with passages' length weighing less than Whoosh's default (B 0.75): minutes' passages
# run from a line to a page, and a long one holding the words is as likely the answer (Xapian's
# BM25 uses 0.5 too). Chosen on 150 labelled searches, checked on 64 others: docs/relevance.md.
WEIGHTING = BM25F(B=0.5, K1=1.2)

# What PassageIndex.searcher() opens (one thread's view of one generation): the rest of the
# service names the type by this.
Searcher = searching.Searcher


class PassageIndex(FileIndex):
    """Whoosh's on-disk index with what searches keep about it: every searcher opened from it
    shares its caches."""

    def __init__(self, storage: Storage, schema: Any = None,
                 indexname: str = index._DEF_INDEX_NAME) -> None:
        super().__init__(storage, schema, indexname)
        self.caches = IndexCaches()

    def searcher(self, **kwargs: Any) -> Searcher:
        """A searcher ranking by `WEIGHTING` unless another weighting is given."""
        kwargs.setdefault("weighting", WEIGHTING)
        return super().searcher(**kwargs)


def open_index(index_dir: Path, create: bool = False) -> PassageIndex:
    """Open the index in `index_dir`; create it (and the folder) when asked and absent."""
    apply_patches()
    index_dir = Path(index_dir)
    from .choice import engine_of  # choice.py imports this module's errors
    if engine_of(index_dir) != "whoosh":
        raise StoreError(f"{index_dir} is a Xapian index: read it through its engine "
                         f"(engine/choice.py); this needs a Whoosh index")
    if index.exists_in(str(index_dir)):
        try:
            ix = PassageIndex(FileStorage(str(index_dir)))
        except (AttributeError, ImportError) as exc:  # its pickled schema names code now gone
            raise StoreError(_rebuild_message(index_dir, f"its schema names {exc}")) from None
        check_schema(ix, index_dir)
        return ix
    if not create:
        raise StoreError(f"no index in {index_dir}: run `search-service index --index "
                         f"{index_dir} PATH...` first")
    index_dir.mkdir(parents=True, exist_ok=True)
    return PassageIndex.create(FileStorage(str(index_dir)), build_schema())


def check_schema(ix: PassageIndex, index_dir: Path) -> None:
    """Refuse an index built by another version of the service, saying how to rebuild it."""
    expected, found = build_schema(), ix.schema
    differ = sorted(name for name in set(expected.names()) | set(found.names())
                    if name not in expected or name not in found
                    or _field_kind(expected[name]) != _field_kind(found[name]))
    if differ:
        raise StoreError(_rebuild_message(index_dir, f"fields {', '.join(differ)} differ"))


def _field_kind(field: Any) -> tuple[type, type, bool]:
    """What makes two versions of a field index differently: its type, its analyzer's, and
    whether it has a column."""
    return type(field), type(getattr(field, "analyzer", None)), field.column_type is not None


def _rebuild_message(index_dir: Path, why: str) -> str:
    return (f"the index in {index_dir} was built by another version of the service ({why}); "
            f"build a new one with `search-service index --index NEW_DIR SOURCES...` (or "
            f"`--from-cache CACHE`), then swap the folders")


@contextmanager
def run_lock(index_dir: Path, wait: bool = False) -> Iterator[None]:
    """Hold the index's run lock for a whole indexer run.

    The lock is an advisory `flock`, so the kernel drops it when a run dies, however it dies:
    a killed run never leaves a stale lock behind.
    """
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / RUN_LOCK, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise IndexBusyError(f"another indexer run ({holder}) holds {index_dir}; "
                                     f"try again later, or pass --wait") from None
            raise
        handle.seek(0)
        previous = handle.read().strip()
        if previous:  # every run clears its note as it ends: this one's run died
            log.warning("the previous indexer run (%s) did not finish: it was killed or "
                        "crashed; its lock is released and what it had not committed is "
                        "indexed now", previous)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {dt.datetime.now():%Y-%m-%d %H:%M:%S}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


def clear_leftovers(ix: PassageIndex) -> int:
    """Delete the files no generation of the index uses; returns how many.

    A run killed while writing leaves the segment files it never committed, and its writer's
    temporary folder (`MAIN.tmp`, the postings pool). Whoosh deletes the segment files
    them at its next commit, but a run with nothing to commit would leave them for good. Under
    Whoosh's write lock, so no writer's files are touched; returns 0 when a writer is at work.
    """
    lock = ix.lock("WRITELOCK")
    if not lock.acquire():
        return 0
    try:
        before = set(ix.storage.list())
        toc = TOC.read(ix.storage, ix.indexname)
        clean_files(ix.storage, ix.indexname, toc.generation, toc.segments)
        shutil.rmtree(Path(ix.storage.folder, f"{ix.indexname}.tmp"), ignore_errors=True)
        removed = len(before - set(ix.storage.list()))
    finally:
        lock.release()
    if removed:
        log.info("removed %d files left by a run that did not finish", removed)
    return removed


def stored_hashes(ix: PassageIndex) -> dict[str, str]:
    """The content hash of every source document in the index, by url."""
    with ix.searcher() as searcher:
        return {fields["source_url"]: fields["source_hash"]
                for fields in searcher.documents(record=SOURCE)}


def stored_passages(ix: PassageIndex) -> Iterator[dict[str, Any]]:
    """The stored fields of every passage of the index, read through one searcher."""
    with ix.searcher() as searcher:
        yield from searcher.documents(record=PASSAGE)


def passage_fields(passage: Passage, describes_item: bool = True) -> dict[str, object]:
    """The Whoosh document of one passage.

    The agenda item's description is stored on every passage but indexed only where
    `describes_item` (the item's first passage), so it is analysed and searched once per item.
    """
    meeting, item = passage.meeting, passage.item
    date = meeting.date
    people = people_of(passage)
    description = item.description
    stored_description = {} if describes_item or description is None else {
        "item_description": "", "_stored_item_description": description}
    return _without_none({
        "id": passage.id,
        "record": PASSAGE,
        "source_url": passage.source_url,
        "kind": passage.kind,
        "text": passage.text,
        "question": passage.question,
        "answer": passage.answer,
        "speaker": ", ".join(people),
        "people": ",".join(people) or None,
        "asked_by": passage.asked_by,
        "answered_by": passage.answered_by,
        "council": meeting.council,
        "council_key": meeting.council,
        "committee": meeting.committee,
        "committee_key": meeting.committee,
        "meeting_id": meeting.identifier,
        "meeting_date": dt.datetime(date.year, date.month, date.day) if date else None,
        "year": date.year if date else None,
        "meeting_url": meeting.url,
        "meeting_time": f"{meeting.time:%H:%M}" if meeting.time else None,
        "meeting_title": meeting.title,
        "item_number": item.number,
        "item_title": item.title,
        "item_title_key": item.title,
        "item_description": item.description,
        "item_key": item_key(passage),
        "text_key": text_key(passage),
        "url": passage.url,
        "position": passage.position,
        "topics": ",".join(passage.topics) or None,
        "routine": ROUTINE if is_routine(passage) else None,
    }) | stored_description | {"_stored_speaker": passage.speaker}


# A passage shorter than this ("The report was noted.") may recur in one meeting: never a copy.
COPY_MIN_CHARS = 80


def text_key(passage: Passage) -> str | None:
    """What two copies of a passage share when a council publishes the same minutes at two
    addresses: council, meeting date (or meeting), item title and text, case and spacing aside;
    None for a short passage."""
    if len(passage.text) < COPY_MIN_CHARS:
        return None
    meeting = passage.meeting

    def folded(text: str | None) -> str:
        return " ".join((text or "").casefold().split())

    return stable_id(folded(meeting.council), meeting.date or meeting.identifier,
                     folded(passage.item.title), folded(passage.text))


def item_key(passage: Passage) -> str:
    """The key of the passage's agenda item: its meeting and item number (or title)."""
    return f"{passage.meeting.identifier}/{passage.item.number or passage.item.title or ''}"


def stored_passage(fields: dict[str, Any]) -> Passage:
    """The passage whose Whoosh document has these stored fields (the inverse of passage_fields)."""
    stamp = fields.get("meeting_date")
    meeting_url, source_url = fields.get("meeting_url"), fields.get("source_url", "")
    url = fields.get("url")
    time = fields.get("meeting_time")
    meeting = Meeting(council=fields.get("council"), committee=fields.get("committee"),
                      date=stamp.date() if stamp else None, url=meeting_url,
                      identifier=fields["meeting_id"],
                      time=dt.time.fromisoformat(time) if time else None,
                      title=fields.get("meeting_title"))
    item = AgendaItem(number=fields.get("item_number"), title=fields.get("item_title"),
                      description=fields.get("item_description"),
                      url=url if url != (meeting_url or source_url) else None)
    topics = fields.get("topics")
    return Passage(id=fields["id"], kind=fields["kind"], text=fields["text"], meeting=meeting,
                   item=item, position=fields["position"], question=fields.get("question"),
                   answer=fields.get("answer"), speaker=fields.get("speaker"),
                   asked_by=fields.get("asked_by"), answered_by=fields.get("answered_by"),
                   source_url=source_url, topics=tuple(topics.split(",")) if topics else ())


def _without_none(fields: dict[str, object]) -> dict[str, object]:
    return {name: value for name, value in fields.items() if value is not None}


class FieldLengths:
    """The field lengths of a segment's documents, each field's column read once.

    Whoosh reads a document's field length from disk again for every posting it writes (a seek
    and an unpack per posting): 3.6% of a build's CPU (docs/performance.md, round 3).
    """

    def __init__(self, reader: W3PerDocReader) -> None:
        self._reader = reader
        self._columns: dict[str, list[int | None]] = {}

    def doc_field_length(self, docnum: int, fieldname: str) -> int | None:
        """The length of `fieldname` in document `docnum`, as Whoosh's reader gives it."""
        column = self._columns.get(fieldname)
        if column is None:
            read = self._reader.doc_field_length
            column = self._columns[fieldname] = [
                read(number, fieldname) for number in range(self._reader.doc_count_all())]
        return column[docnum]

    def close(self) -> None:
        """Close the segment's reader."""
        self._reader.close()


class BuildWriter(SegmentWriter):
    """Whoosh's writer, writing a segment's postings with the field lengths read once."""

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = FieldLengths(self.per_document_reader())
        try:
            self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        finally:
            lengths.close()
        self.fieldwriter.close()


class PassageWriter:
    """Replaces the passages of source documents inside one Whoosh writer."""

    def __init__(self, ix: PassageIndex, limitmb: int = WRITER_LIMIT_MB) -> None:
        self._writer: SegmentWriter = BuildWriter(ix, limitmb=limitmb)
        self._searcher = self._writer.searcher()

    def replace_source(self, url: str, content_hash: str, passages: Sequence[Passage],
                       existed: bool, acronyms: object = None) -> int:
        """Delete the source's old passages (when it `existed`), add the new ones and its hash.

        `acronyms`, what the glossary learnt from the source, is kept on its source record.
        Returns the number of old passages removed.
        """
        removed = 0
        if existed:
            removed = self._writer.delete_by_term("source_url", url, searcher=self._searcher)
            removed -= 1  # the source marker is not a passage
        described: set[str] = set()
        for passage in passages:
            key = item_key(passage)
            self._writer.add_document(**passage_fields(passage, key not in described))
            described.add(key)
        self._writer.add_document(**_without_none({
            "record": SOURCE, "source_url": url, "source_hash": content_hash,
            "acronyms": acronyms,
            "spelling": "\n".join(passage.text for passage in passages) or None}))
        return max(removed, 0)

    def replace_passages(self, passages: Sequence[Passage]) -> None:
        """Rewrite passages already in the index (by id), e.g. with new topics."""
        reader = self._searcher.reader()
        for passage in passages:
            old = self._searcher.document_number(id=passage.id)
            # The passage that carried its item's indexed description keeps carrying it (Whoosh
            # gives None, not 0, for an empty field).
            describes_item = old is not None and bool(
                reader.doc_field_length(old, "item_description"))
            self._writer.delete_by_term("id", passage.id, searcher=self._searcher)
            self._writer.add_document(**passage_fields(passage, describes_item))

    def commit(self) -> None:
        """Make everything written so far visible to searchers, atomically."""
        self._searcher.close()
        self._writer.commit(mergetype=tiered_merge)

    def cancel(self) -> None:
        """Drop everything written since the writer opened."""
        self._searcher.close()
        self._writer.cancel()
