"""Synonyms: plain words and the words minutes use for the same thing ("empty homes" / "voids",
"illegal dumping" / "fly-tipping"), shipped with the service (data/synonyms.toml).

The expander asks a thesaurus what it asks a glossary (query_parser.AcronymLookup): a single
word of a group is widened into the group's other terms, and so is a run of typed words that is a
term of a group. Terms match by their words' stems without small words, so "empty homes" finds
the group of "empty home" and "children in care" that of "children looked after".
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources

from whoosh.analysis import STOP_WORDS

from .analysis import minutes_stem

_WORD = re.compile(r"[^\W_]+")  # "fly-tipping" is the words of "fly tipping"


def term_key(text: str) -> tuple[str, ...]:
    """A term as matched: the stems of its words, small words left out."""
    return tuple(_stem(word) for word in _WORD.findall(text.lower()) if word not in STOP_WORDS)


# (the expander asks of every word, and of every run of words, each search)
_stem = lru_cache(maxsize=4096)(minutes_stem)


class Thesaurus:
    """Groups of terms that mean the same, looked up by any of their terms."""

    def __init__(self, groups: Iterable[Sequence[str]]) -> None:
        self._others: dict[tuple[str, ...], tuple[str, ...]] = {}
        for group in groups:
            for term in group:
                key = term_key(term)
                others = tuple(other for other in group if term_key(other) != key)
                self._others[key] = self._others.get(key, ()) + others

    def expands(self, word: str) -> bool:
        """Whether one typed word is a term of a group."""
        return bool(self._others.get(term_key(word)))

    def long_forms(self, word: str, councils: Sequence[str] = ()) -> list[str]:
        """The other terms of a word's group."""
        return list(self._others.get(term_key(word), ()))

    def acronyms(self, words: str, councils: Sequence[str] = ()) -> list[str]:
        """The other terms of the group of a run of typed words."""
        key = term_key(words)
        return list(self._others.get(key, ())) if len(key) > 1 else []


@cache
def shipped_thesaurus() -> Thesaurus:
    """The synonyms shipped with the service."""
    text = resources.files("search_service").joinpath("data/synonyms.toml").read_text("utf-8")
    return Thesaurus(tomllib.loads(text)["groups"])
