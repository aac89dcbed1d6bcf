"""The analyzer of the text fields: words with inner punctuation, stemming, and a fused indexing
pass.

Minutes are full of words written with inner punctuation: `self-harm`, `joined-up`, `A&E`,
`COVID-19`, `2019/20`. A compound is indexed as its parts at consecutive positions (so `self
harm` and the phrase "risk of self-harm" find it) and, at the position of its first part, as
one joined word (`selfharm`, `ae`, `201920`), so `A&E` is a word even though `a` and `e` are too
short to index. Queries ask for either (query_parser.py); the joined word is indexed only, never
part of an analysed query, so a phrase is always its parts in order. Inner dots stay inside a word
as in Whoosh's default tokenizer (`1.5m`, `S.106`), and an apostrophe still ends one
(`council's`).

Whoosh's analyzers are chains of generators (tokenizer, lowercase, stop words, stemmer), each
touching every token: 27% of a build (docs/performance.md). Indexing calls the analyzer with one
fixed set of options; for those it runs one loop that yields the very same tokens as its chain
(text and position; tests/test_analysis.py compares them). Every other call (queries,
highlighting with character offsets) goes through the chain.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import (
    STOP_WORDS,
    CompositeAnalyzer,
    LowercaseFilter,
    StemFilter,
    StopFilter,
    Token,
    Tokenizer,
)
from whoosh.lang.porter import stem as porter_stem

log = logging.getLogger(__name__)

# The options Whoosh's Positions format passes when it indexes a field (formats.word_values).
INDEXING_CALL = {"mode": "index", "positions": True, "boosts": True}
# Letters and digits with inner dots (Whoosh's default word), joined into a compound by hyphens
# (ASCII and Unicode), ampersands or slashes.
_PART = r"\w+(?:\.?\w+)*"
_JOINER = r"[-\u2010\u2011&/]"
WORD = re.compile(rf"{_PART}(?:{_JOINER}{_PART})*")
_JOINERS = frozenset("-\u2010\u2011&/")
_PARTS = re.compile(_PART)
_SLASH_BETWEEN_NUMBERS = re.compile(r"^[\d.]+(?:/[\d.]+)+$")


# British spelling keeps a noun and its verb apart where the stemmer does not join them: the
# licence / to license, practice / to practise, and the American spellings of defence, offence.
_SAME_STEM = {"licenc": "licens", "practic": "practis", "defenc": "defens", "offenc": "offens",
              "pretenc": "pretens", "analyz": "analys", "paralyz": "paralys"}


def minutes_stem(word: str) -> str:
    """The Porter stem of a lower-case word, with British noun and verb spellings as one."""
    stemmed = porter_stem(word)
    return _SAME_STEM.get(stemmed, stemmed)


def joined_form(word: str) -> str | None:
    """A compound written as one word ("self-harm" -> "selfharm"), or None: a plain word, or
    words split by a slash ("members/officers": two words, where "2019/20" is one)."""
    if not re.search(_JOINER, word) or ("/" in word and not _SLASH_BETWEEN_NUMBERS.match(word)):
        return None
    return re.sub(_JOINER, "", word)


class CompoundTokenizer(Tokenizer):
    """Whoosh's RegexTokenizer, with a compound's joined form after its parts outside queries.

    Tokens carry two flags for CompoundStopFilter: `first_part` on a compound's first part,
    `joined` on its joined form.
    """

    def __eq__(self, other: object) -> bool:
        return self.__class__ is other.__class__

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: Any) -> Iterator[Token]:
        """The words of `value`, each compound's parts numbered in turn."""
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        if not tokenize:  # a pattern or a value taken whole (Whoosh's wildcards, fuzzy words)
            _set(token, value, start_pos, start_char, keeporiginal, positions, chars,
                 first_part=False, joined=False)
            yield token
            return
        pos = start_pos
        for match in WORD.finditer(value):
            word = match.group(0)
            if _JOINERS.isdisjoint(word):  # most words: one part, no joined form
                token.text, token.stopped = word, False
                token.first_part = token.joined = False
                if keeporiginal:
                    token.original = word
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar, token.endchar = start_char + match.start(), start_char + \
                        match.end()
                pos += 1
                yield token
                continue
            parts = [(m.group(0), match.start() + m.start()) for m in _PARTS.finditer(word)]
            for n, (text, start) in enumerate(parts):
                _set(token, text, pos, start_char + start, keeporiginal, positions, chars,
                     first_part=n == 0 and len(parts) > 1, joined=False)
                pos += 1
                yield token
            joined = joined_form(word) if len(parts) > 1 and mode != "query" else None
            if joined:
                _set(token, joined, pos - len(parts), start_char + match.start(), keeporiginal,
                     positions, chars, first_part=False, joined=True)
                token.endchar = start_char + match.end() if chars else None
                yield token


def _set(token: Token, text: str, pos: int, startchar: int, keeporiginal: bool,
         positions: bool, chars: bool, first_part: bool, joined: bool) -> None:
    token.text = text
    token.stopped = False
    token.first_part, token.joined = first_part, joined
    if keeporiginal:
        token.original = text
    if positions:
        token.pos = pos
    if chars:
        token.startchar, token.endchar = startchar, startchar + len(text)


class CompoundStopFilter(StopFilter):
    """Whoosh's StopFilter (stop words leave no gap in the positions), with a compound's joined
    form at the position of its first part kept, or as a word of its own when no part is kept
    ("a&e")."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        stops, minsize, renumber = self.stops, self.min, self.renumber
        pos = compound_at = None
        for t in tokens:
            if getattr(t, "first_part", False):
                compound_at = None
            kept = len(t.text) >= minsize and t.text not in stops
            if not kept:
                if not t.removestops:
                    t.stopped = True
                    yield t
                continue
            t.stopped = False
            if getattr(t, "joined", False) and compound_at is not None:
                if renumber and t.positions:
                    t.pos = compound_at
                yield t
                continue
            if renumber and t.positions:
                pos = t.pos if pos is None else pos + 1
                t.pos = pos
            if compound_at is None and not getattr(t, "joined", False):
                compound_at = t.pos if t.positions else None
            yield t


class MinutesAnalyzer(CompositeAnalyzer):
    """Compound words, lower case, stop words, stemming (with an unbounded stem cache), and one
    fused loop for the indexing pass."""

    def __init__(self) -> None:
        super().__init__(CompoundTokenizer(), LowercaseFilter(),
                         CompoundStopFilter(stoplist=STOP_WORDS, minsize=2),
                         StemFilter(stemfn=minutes_stem, cachesize=-1))
        self._stems: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        # The schema is pickled into the index's table of contents: not the cache.
        return {name: value for name, value in self.__dict__.items() if name != "_stems"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._stems = {}

    def __call__(self, value: str, no_morph: bool = False, **options: Any) -> Iterator[Token]:
        """The tokens of `value`: the fused loop when indexing, the chain otherwise."""
        if no_morph or options != INDEXING_CALL:
            return super().__call__(value, no_morph=no_morph, **options)
        return self._indexing_tokens(value)

    def stem(self, word: str) -> str:
        """One lower-case word as the index holds it."""
        stemmed = self._stems.get(word)
        if stemmed is None:
            stemmed = self._stems[word] = self.items[-1].stemfn(word)
        return stemmed

    def _indexing_tokens(self, value: str) -> Iterator[Token]:
        stops, minsize = self.items[2].stops, self.items[2].min
        # One token reused for every word, as Whoosh's tokenizer does.
        token = Token(chars=False, removestops=True, **INDEXING_CALL)
        token.boost, token.stopped = 1.0, False
        # Whoosh's numbering: the first word kept keeps its number among all words, the next
        # follow it (stop words leave no gap).
        number, position = 0, None
        for match in WORD.finditer(value):
            word = match.group(0).lower()
            if _JOINERS.isdisjoint(word):  # most words: one part, no joined form
                number += 1
                if len(word) >= minsize and word not in stops:
                    position = number - 1 if position is None else position + 1
                    token.text, token.pos = self.stem(word), position
                    yield token
                continue
            first, compound_at = number, None
            for part in _PARTS.findall(word):
                number += 1
                if len(part) < minsize or part in stops:
                    continue
                position = number - 1 if position is None else position + 1
                compound_at = position if compound_at is None else compound_at
                token.text, token.pos = self.stem(part), position
                yield token
            joined = joined_form(word)
            if joined and len(joined) >= minsize and joined not in stops:
                if compound_at is None:
                    position = compound_at = first if position is None else position + 1
                token.text, token.pos = self.stem(joined), compound_at
                yield token
