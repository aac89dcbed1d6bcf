"""Indexes written with either engine and searches read through the engine-neutral Reader (as
the web pages, the API and the CLI read), for the tests that run on both engines."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from search_service.cli import opened_reader
from search_service.model import Passage
from search_service.pipeline.run import write_run
from search_service.search import SearchRequest, SearchResults


def write_passages(index_dir: Path, engine: str,
                   sources: Mapping[str, Sequence[Passage]]) -> Path:
    """A new index at `index_dir`, written with `engine`, holding each source's passages (by its
    url) in one commit."""
    with write_run(index_dir, create=True, engine=engine) as run:
        for url, passages in sources.items():
            run.writer.replace_source(url, "h", passages, existed=False)
    return index_dir


def search(index_dir: Path, **request: object) -> SearchResults:
    """One page of results of the index at `index_dir`, read with its own engine."""
    with opened_reader(index_dir) as reader:
        return reader.search(SearchRequest(**request))  # type: ignore[arg-type]
