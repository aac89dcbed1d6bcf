"""Did you mean: a query's unknown words replaced by the closest words the index holds, the
same way on both engines. The words are the unstemmed words of the passage texts (Whoosh: the
`spelling` field of the source records; Xapian: the source records' `W:` terms); a correction
allows one edit in short words and two in longer ones, keeps the first letter, and prefers the
word found in more places, so "tax" never becomes "was"."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from whoosh.analysis import STOP_WORDS
from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton
from whoosh.spelling import Corrector, ListCorrector

# Words of the query to spell-check: not operators, field prefixes, wildcards or quoted syntax.
_QUERY_WORD = re.compile(r"(?<![\w:*?~^])[A-Za-z][a-z]{2,}(?![\w:*?~^])")
_OPERATORS = {"and", "or", "not", "to"}


def suggest(text: str, known: Callable[[str], bool], corrector_of: Callable[[], Corrector]
            ) -> str | None:
    """The query with each unknown word (not `known`) replaced by the closest word of the
    corrector (`corrector_of()`, asked for only when a word is unknown), or None when no word
    changed."""
    corrected, changed, corrector = text, False, None
    for match in reversed(list(_QUERY_WORD.finditer(text))):
        word = match.group().lower()
        if word in STOP_WORDS or word in _OPERATORS or known(word):
            continue
        corrector = corrector or corrector_of()
        found = corrector.suggest(word, limit=1, maxdist=1 if len(word) <= 5 else 2, prefix=1)
        if found:
            corrected = corrected[:match.start()] + found[0] + corrected[match.end():]
            changed = True
    return corrected if changed else None


class FrequentWords(Corrector):
    """The words within the edit distance in a word list, the most frequent first, as Whoosh's
    ReaderCorrector ranks the words of a field."""

    def __init__(self, frequencies: Mapping[str, int]) -> None:
        self.frequencies = frequencies
        self.words = sorted(frequencies)

    def _suggestions(self, text: str, maxdist: int, prefix: int
                     ) -> Iterator[tuple[float, str]]:
        dfa = levenshtein_automaton(text, maxdist, prefix).to_dfa()
        for word in find_all_matches(dfa, ListCorrector.Skipper(self.words)):
            yield -(maxdist + 0.5 / max(self.frequencies[word], 1)), word
