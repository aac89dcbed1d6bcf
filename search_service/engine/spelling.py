"""Did you mean: a query's unknown words replaced by the closest words the index holds, the
same way on both engines. The words are the unstemmed words of the passage texts (Whoosh: the
`spelling` field of the source records; Xapian: the source records' `W:` terms); a correction
allows one edit in short words and two in longer ones, keeps the first letter, and prefers the
word more source documents hold, so "tax" never becomes "was". A word of the English language
(english.py) is no misspelling, though the passages lack it: "taxi" is never offered as "tax",
nor "loos" as "look"."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from whoosh.analysis import STOP_WORDS
from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton
from whoosh.spelling import Corrector, ListCorrector

from .english import is_english
from .query_parser import QUESTION_WORDS, without_question_marks

# Words of the query to spell-check: not operators, field prefixes, wildcards or quoted syntax.
# (a word before "'t" is half of a contraction: "couldn't" is no misspelt "couldn")
_QUERY_WORD = re.compile(r"(?<![\w:*?~^])[A-Za-z][a-z]{2,}(?![\w:*?~^]|['’]t\b)")
_OPERATORS = {"and", "or", "not", "to"}


def known_words(field: Any, spelt: Callable[[str], bool], indexed: Callable[[str], bool]
                ) -> Callable[[str], bool]:
    """Whether the passages hold a word as written (`spelt`) or by its stem (`indexed` of each
    word `field` makes of it): "floods" where they say "flood" found them already."""
    return lambda word: spelt(word) or any(
        indexed(stem) for stem in field.process_text(word, mode="query"))


def suggest(text: str, known: Callable[[str], bool], corrector_of: Callable[[], Corrector]
            ) -> str | None:
    """The query with each unknown word (not `known`) replaced by the closest word of the
    corrector (`corrector_of()`, asked for only when a word is unknown), or None when no word
    changed."""
    text = without_question_marks(text)
    corrected, corrector = text, None
    for match in reversed(list(_QUERY_WORD.finditer(text))):
        typed = match.group()
        word = typed.lower()
        if word in STOP_WORDS or word in QUESTION_WORDS or word in _OPERATORS or known(word) \
                or is_english(word):
            continue
        corrector = corrector or corrector_of()
        found = corrector.suggest(word, limit=1, maxdist=1 if len(word) <= 5 else 2, prefix=1)
        capital = typed[0].isupper()
        # (a name typed as one, after the first word, is no misspelt word: "Winslow" is not
        # "window")
        if not found or (capital and match.start() > 0 and is_english(found[0])):
            continue
        # (in the case typed: "Conisbrough" → "Conisborough")
        fixed = found[0].capitalize() if capital else found[0]
        corrected = corrected[:match.start()] + fixed + corrected[match.end():]
    return corrected if corrected != text else None


class SourceWords(Corrector):
    """The words within the edit distance (`within(text, maxdist, prefix)`), those held by more
    source documents (`sources(word)`) first: the same ranking on both engines, whose ways of
    counting a word's occurrences differ."""

    def __init__(self, within: Callable[[str, int, int], Iterable[str]],
                 sources: Callable[[str], int]) -> None:
        self.within = within
        self.sources = sources

    def _suggestions(self, text: str, maxdist: int, prefix: int
                     ) -> Iterator[tuple[float, str]]:
        for word in self.within(text, maxdist, prefix):
            yield -(maxdist + 0.5 / max(self.sources(word), 1)), word


def listed_words_within(words: list[str]) -> Callable[[str, int, int], Iterator[str]]:
    """`within` over a sorted list of words, by the Levenshtein automaton Whoosh runs over a
    field's words."""

    def within(text: str, maxdist: int, prefix: int) -> Iterator[str]:
        if not words:  # (the automaton's walk indexes the list's first word)
            return
        dfa = levenshtein_automaton(text, maxdist, prefix).to_dfa()
        yield from find_all_matches(dfa, ListCorrector.Skipper(words))

    return within
