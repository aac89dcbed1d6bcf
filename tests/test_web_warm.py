"""A server's threads meeting an index (at start, or after a commit) read each segment once."""
from __future__ import annotations

import json
import threading
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from waitress import create_server
from waitress.wasyncore import close_all
from whoosh.index import FileIndex
from whoosh.reading import SegmentReader

from search_service.app import create_app
from search_service.engine.schema import FACET_COLUMNS, SOURCE
from search_service.engine.store import open_index
from search_service.pipeline.indexing import index_paths
from tests.support.generate import write_corpus

THREADS = 8
QUERIES = ["council", "report", "budget", "members", "question", "resolved", "school", ""]
# The facet columns, and the agenda item and copy keys that group results (topics and people
# are keywords of several values a passage: no column).
COLUMNS = {column for column in FACET_COLUMNS.values() if column not in ("topics", "people")} | {
    "item_key", "text_key"}


@contextmanager
def waitress_in_process(index_dir: Path) -> Iterator[str]:
    """The app under waitress with THREADS threads, in this process so its reads are counted."""
    server = create_server(create_app(index_dir=index_dir), host="127.0.0.1", port=0,
                           threads=THREADS)
    loop = threading.Thread(target=server.run)
    loop.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:  # closed from the server's own loop: closing a socket under its select races
        server.trigger.pull_trigger(lambda: close_all(server._map))
        loop.join(timeout=30)
        server.task_dispatcher.shutdown()


class Reads:
    """What the server threads read from Whoosh: facet columns and source records (the
    glossary's acronyms) by segment, and which threads opened or refreshed a reader (the indexer
    runs in the main thread)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.columns: Counter[tuple[str, str]] = Counter()
        self.sources: Counter[str] = Counter()
        self.threads: set[int] = set()
        column_reader, postings, reader = (SegmentReader.column_reader, SegmentReader.postings,
                                           FileIndex.reader)

        def counted_column(leaf: SegmentReader, fieldname: str, *args, **kwargs):
            if fieldname in COLUMNS:
                self.columns[(leaf.segment().segment_id(), fieldname)] += 1
            return column_reader(leaf, fieldname, *args, **kwargs)

        def counted_postings(leaf: SegmentReader, fieldname: str, text: object, *args, **kwargs):
            # The indexer, in the test's main thread, also reads source records.
            if (fieldname, text) in (("record", SOURCE), ("record", SOURCE.encode())) \
                    and threading.current_thread() is not threading.main_thread():
                self.sources[leaf.segment().segment_id()] += 1
            return postings(leaf, fieldname, text, *args, **kwargs)

        def counted_reader(ix: FileIndex, *args, **kwargs):
            if threading.current_thread() is not threading.main_thread():
                self.threads.add(threading.get_ident())
            return reader(ix, *args, **kwargs)

        monkeypatch.setattr(SegmentReader, "column_reader", counted_column)
        monkeypatch.setattr(SegmentReader, "postings", counted_postings)
        monkeypatch.setattr(FileIndex, "reader", counted_reader)


def search_all_at_once(base: str) -> list[int]:
    """THREADS searches sent together; each one's total."""
    def total(query: str) -> int:
        with urllib.request.urlopen(f"{base}/api/search?q={query}&routine=include",
                                    timeout=120) as response:
            return json.load(response)["total"]

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(total, QUERIES))


def segment_ids(index_dir: Path) -> set[str]:
    with open_index(index_dir).searcher() as searcher:
        return {leaf.reader().segment().segment_id() for leaf, _ in searcher.leaf_searchers()}


def test_threads_meeting_the_index_and_then_a_commit_read_each_column_once(tmp_path, monkeypatch):
    first, more = tmp_path / "first", tmp_path / "more"
    write_corpus(first, passages=300, seed=21)
    write_corpus(more, passages=300, seed=21, changed=0.3)  # rewrites some pages of `first`
    index_dir = tmp_path / "index"
    index_paths(index_dir, [str(first)])
    reads = Reads(monkeypatch)

    with waitress_in_process(index_dir) as base:
        before = search_all_at_once(base)
        old = segment_ids(index_dir)
        assert len(reads.threads) > 1  # several server threads met the index together
        assert reads.columns == {(segment, column): 1 for segment in old for column in COLUMNS}
        assert reads.sources == {segment: 1 for segment in old}

        reads.threads.clear()
        index_paths(index_dir, [str(more)])  # new segments, and deletions in the old ones
        after = search_all_at_once(base)
        new = segment_ids(index_dir)

    assert all(before) and after[-1] == sum(1 for _ in open_index(index_dir).searcher()
                                            .documents(record="passage"))
    assert len(reads.threads) > 1
    # Every thread sees the commit; the new segments' columns and source records are read once,
    # and those of segments that only lost documents to the rewritten pages are not read again.
    assert new - old and reads.columns == {(segment, column): 1 for segment in old | new
                                           for column in COLUMNS}
    assert reads.sources == {segment: 1 for segment in old | new}
