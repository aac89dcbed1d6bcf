"""How alike two questions are: the cosine of their tf-idf vectors over the words that say what
they are about, for "asked before" (docs/asked-before.md)."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Protocol

from .engine.query_parser import QUESTION_WORDS
from .model import Passage

# The words a passage's similar passages are searched by: its subject's, by tf-idf.
KEY_WORDS = 10
# Shown as asked before at or above this similarity; measured on hand-judged pairs of labelled
# questions (benchmarks/asked_before.py, docs/asked-before.md).
SIMILAR_ENOUGH = 0.25
# One shared word is no shared subject: "the date of conviction" and "the number of arrests and
# convictions" score high on "conviction" alone, short as they are.
SHARED_WORDS = 2
# Words of how minutes record a question rather than what it is about: "In respect of question
# 2, Councillor Hilton asked the Cabinet Member ..." is alike in every council.
MINUTES_WORDS = frozenset("""
    respect regard regards relation reference response responses respond responded responding
    reply replied answer answered answers question questions query queried queries raised raise
    asked asking sought seek clarification clarify clarified confirm confirmed note noted
    informed advised explained stated requested request member members councillor councillors
    cllr cllrs cabinet portfolio holder chair chairman officer officers mr mrs ms dr number
    point points concern concerns further update comment comments whether also council councils
    committee meeting information issue issues matter need needed provide provided providing
    require required requirement requirements work borough city county district
""".split()) | QUESTION_WORDS
# A person named in the text ("Councillor A. Chambers", "Cllr Hilton"): who asked is not what.
_PERSON = re.compile(r"\b(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr)\.?\s+"
                     r"((?:[A-Z][\w'\u2019.-]*\s*){1,3})")


class WordStatistics(Protocol):
    """What similarity reads of an index, whatever its engine (engine/reading.py for Whoosh,
    engine/xapian_engine/reading.py for Xapian)."""

    def analysed_words(self, text: str, field: str = "text") -> list[tuple[str, str]]:
        """Each word of `text` as `field` indexes it (its stem) with the word as written."""

    def document_count(self) -> int:
        """The documents of the index."""

    def document_frequency(self, field: str, word: str) -> int:
        """How many documents hold `word` (as indexed) in `field`."""


def topic_words(index: WordStatistics, text: str, field: str = "text") -> Counter[str]:
    """The indexed words (stems) of `text` that say what it is about, with their counts."""
    names = {word.casefold() for match in _PERSON.finditer(text)
             for word in re.findall(r"[\w'\u2019-]+", match.group(1))}
    left_out = MINUTES_WORDS | names
    return Counter(stem for stem, written in index.analysed_words(text, field)
                   if written.casefold() not in left_out and not stem.isdigit())


def weights(index: WordStatistics, words: Counter[str], rarity: dict[str, float] | None = None,
            field: str = "text") -> dict[str, float]:
    """tf-idf of each word: 1 + log of its count, times log(documents / documents with it);
    `rarity` keeps each word's idf across calls, so each is looked up once."""
    total = max(index.document_count(), 1)
    rarity = {} if rarity is None else rarity
    out = {}
    for word, count in words.items():
        if word not in rarity:
            rarity[word] = math.log(total / max(index.document_frequency(field, word), 1))
        if rarity[word] > 0:
            out[word] = (1 + math.log(count)) * rarity[word]
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The cosine of two sparse vectors; 0 when they share fewer than SHARED_WORDS words."""
    if len(a.keys() & b.keys()) < SHARED_WORDS:
        return 0.0
    dot = sum(weight * b.get(word, 0.0) for word, weight in a.items())
    norms = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return dot / norms if norms else 0.0


def similarities(index: WordStatistics, text: str, others: Iterable[str]) -> list[float]:
    """How alike `text` is to each of `others`, from 0 (no subject shared) to 1."""
    rarity: dict[str, float] = {}
    source = weights(index, topic_words(index, text), rarity)
    return [cosine(source, weights(index, topic_words(index, other), rarity))
            for other in others]


def compared_text(passage: Passage | None) -> str:
    """What is compared for similarity: a question's question part, else the passage's text."""
    return "" if passage is None else passage.question or passage.text


def key_words(index: WordStatistics, passage: Passage) -> list[tuple[str, float]]:
    """The KEY_WORDS words of a passage's subject (stems, by tf-idf) with their weights,
    weightiest first."""
    weighted = weights(index, topic_words(index, compared_text(passage)))
    return sorted(weighted.items(), key=lambda item: (-item[1], item[0]))[:KEY_WORDS]


def alike_enough(index: WordStatistics, passage: Passage, candidates: list[Passage],
                 limit: int, at_least: float = SIMILAR_ENOUGH) -> list[tuple[float, int]]:
    """(similarity, position) of the `candidates` alike enough to `passage`, most alike
    first, at most `limit`."""
    scores = similarities(index, compared_text(passage), map(compared_text, candidates))
    return sorted(((score, n) for n, score in enumerate(scores) if score >= at_least),
                  key=lambda pair: (-pair[0], pair[1]))[:limit]
