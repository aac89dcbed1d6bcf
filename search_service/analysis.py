"""The stemming analyzer of the text fields, with its indexing pass fused into one loop.

Whoosh's StemmingAnalyzer is a chain of four generators (regex tokenizer, lowercase, stop words,
stemmer), each touching every token: 27% of a build (docs/performance.md). Indexing calls it
with one fixed set of options; for those this analyzer runs one loop that yields the very same
tokens (text and position; tests/test_build.py compares them on the labelled minutes). Every other
call (queries, highlighting with character offsets) goes through Whoosh's chain unchanged.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import CompositeAnalyzer, StemmingAnalyzer, Token

log = logging.getLogger(__name__)

# The options Whoosh's Positions format passes when it indexes a field (formats.word_values).
INDEXING_CALL = {"mode": "index", "positions": True, "boosts": True}


class FusedStemmingAnalyzer(CompositeAnalyzer):
    """StemmingAnalyzer(cachesize=-1) whose indexing pass is one loop with an unbounded cache."""

    def __init__(self) -> None:
        super().__init__(*StemmingAnalyzer(cachesize=-1).items)
        self._stems: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        # The schema is pickled into the index's table of contents: not the cache.
        return {name: value for name, value in self.__dict__.items() if name != "_stems"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._stems = {}

    def __call__(self, value: str, no_morph: bool = False, **options: Any) -> Iterator[Token]:
        """The tokens of `value`: the fused loop when indexing, Whoosh's chain otherwise."""
        if no_morph or options != INDEXING_CALL:
            return super().__call__(value, no_morph=no_morph, **options)
        return self._indexing_tokens(value)

    def _indexing_tokens(self, value: str) -> Iterator[Token]:
        tokenizer, _, stop, stemmer = self.items
        stops, minsize, stem, stems = stop.stops, stop.min, stemmer.stemfn, self._stems
        # One token reused for every word, as Whoosh's tokenizer does.
        token = Token(chars=False, removestops=True, **INDEXING_CALL)
        token.boost, token.stopped = 1.0, False
        position = None
        for number, match in enumerate(tokenizer.expression.finditer(value)):
            word = match.group(0).lower()
            if len(word) < minsize or word in stops:
                continue
            # Stop words leave no gap: the first word kept keeps its number, the next follow it.
            position = number if position is None else position + 1
            stemmed = stems.get(word)
            if stemmed is None:
                stemmed = stems[word] = stem(word)
            token.text, token.pos = stemmed, position
            yield token
