"""Whoosh's segment files are read in place: a searcher does not copy the index into memory."""
from __future__ import annotations

import io
import pickle
import tracemalloc
from pathlib import Path

import pytest

from search_service.engine.segment_files import MappedFile
from search_service.engine.store import open_index
from search_service.pipeline.indexing import index_paths
from search_service.search import SearchRequest, search_passages
from tests.support.generate import write_corpus

DATA = b"header\n" + pickle.dumps((128, 4001, 2.5, None, 3, 7), 2) + b"tail\nend"


def test_a_searcher_reads_the_segments_without_copying_them_into_memory(tmp_path: Path):
    write_corpus(tmp_path / "corpus", passages=600, seed=3)
    index_paths(tmp_path / "index", [str(tmp_path / "corpus")])
    segments = sum(path.stat().st_size for path in (tmp_path / "index").glob("*.seg"))
    assert segments > 2 * 2**20

    tracemalloc.start()
    try:
        searcher = open_index(tmp_path / "index").searcher()
        results = [search_passages(searcher, SearchRequest(query=words))
                   for words in ("council", "report -budget", "")]
        stored = sum(1 for n in range(searcher.doc_count_all()) if searcher.stored_fields(n))
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()

    assert all(result.total and result.hits for result in results)
    assert stored > 600
    # Whoosh 2.7.4 alone copied every inner file it opened: more than the segments' size.
    assert held < segments / 4, f"{held:,} bytes held for {segments:,} bytes of segments"


@pytest.mark.parametrize("steps", [
    [("read", 3), ("tell",), ("read", 4), ("read", 100), ("read", 5)],
    [("seek", 7), ("pickle",), ("tell",), ("read", -1)],
    [("readline",), ("pickle",), ("readline",), ("readline",), ("readline",)],
    [("seek", -3, 2), ("read", None), ("seek", 2), ("seek", 2, 1), ("read", 2)],
    [("seek", 200), ("read", 4), ("tell",)],
])
def test_a_mapped_file_reads_what_an_in_memory_copy_reads(steps):
    view, copy = MappedFile(memoryview(DATA)), io.BytesIO(DATA)
    for name, *args in steps:
        if name == "pickle":
            assert pickle.load(view) == pickle.load(copy)  # through peek, as Whoosh's headers
        else:
            assert getattr(view, name)(*args) == getattr(copy, name)(*args)
