"""What the rest of the service reads from an open index besides searches: the words of a text
as a field indexes them and word statistics (SearcherWords), the values a facet holds per
segment, and what source records carry (the acronyms learnt), each kept per segment where a
search would read it again."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from whoosh.fields import Schema
from whoosh.searching import Searcher

from .caches import caches_of
from .facet_counts import cached_for_segment, posting_reader
from .schema import SOURCE

T = TypeVar("T")


def analysed(schema: Schema, text: str, field: str) -> list[tuple[str, str]]:
    """Each word of `text` as the schema's `field` indexes it (its stem) with the word as
    written."""
    return [(token.text, token.original)
            for token in schema[field].analyzer(text, keeporiginal=True)]


@dataclass(frozen=True)
class SearcherWords:
    """The word statistics of a searcher's index (similarity.WordStatistics)."""

    searcher: Searcher

    def analysed_words(self, text: str, field: str = "text") -> list[tuple[str, str]]:
        """Each word of `text` as `field` indexes it (its stem) with the word as written."""
        return analysed(self.searcher.schema, text, field)

    def document_count(self) -> int:
        """The live documents of the index (source records included)."""
        return self.searcher.reader().doc_count()

    def document_frequency(self, field: str, word: str) -> int:
        """How many documents hold `word` (as indexed) in `field`."""
        return self.searcher.reader().doc_frequency(field, word)


def kept_for_generation(searcher: Searcher, name: str, build: Callable[[], T]) -> T:
    """`build()` for the searcher's generation of the index, kept by the index until a newer
    generation is searched."""
    return caches_of(searcher).generations.for_generation(
        name, searcher.reader().generation(), build)


def values_per_segment(searcher: Searcher, column: str,
                       build: Callable[[Iterable[str]], T]) -> list[T]:
    """For each segment, `build` of the values its documents hold in a facet column (its
    words), built once and kept with the segment's columns."""

    def segment(leaf: Searcher) -> T:
        field = leaf.schema[column]
        return build(field.from_bytes(word) for word in leaf.reader().lexicon(column))

    return [cached_for_segment(leaf, f"<values {column}>", lambda: segment(leaf))  # type: ignore
            for leaf, _ in searcher.leaf_searchers()]


def live_source_payloads(searcher: Searcher, field: str, convert: Callable[[Any], list[T]]
                         ) -> list[T]:
    """`convert` of what every live source record stores in `field` (the records without it
    left out); each segment's records read once and kept with its columns, so a commit re-reads
    only its new segments' records."""
    found: list[T] = []
    for leaf, _ in searcher.leaf_searchers():
        reader = leaf.reader()
        found.extend(item for docnum, items in _segment_payloads(leaf, field, convert)
                     if not reader.is_deleted(docnum) for item in items)
    return found


def _segment_payloads(leaf: Searcher, field: str, convert: Callable[[Any], list[T]]
                      ) -> list[tuple[int, list[T]]]:
    """The converted payload of each source record of one segment, deleted ones too."""

    def build() -> list[tuple[int, list[T]]]:
        reader = leaf.reader()
        if ("record", SOURCE) not in reader:
            return []
        matcher = reader.postings("record", SOURCE)  # skips deleted records: unwrapped
        records = posting_reader(matcher)
        out = []
        for docnum in (matcher if records is None else records).all_ids():
            payload = reader.stored_fields(docnum).get(field)
            if payload:
                out.append((docnum, convert(payload)))
        return out

    return cached_for_segment(leaf, f"<{field}>", build)  # type: ignore[return-value]
