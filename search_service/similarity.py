"""How alike two questions are: the cosine of their tf-idf vectors over the words that say what
they are about, for "asked before" (docs/asked-before.md)."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from .engine.query_parser import QUESTION_WORDS
from .engine.reading import analysed_words, document_count, document_frequency
from .engine.store import Searcher

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


def topic_words(searcher: Searcher, text: str, field: str = "text") -> Counter[str]:
    """The indexed words (stems) of `text` that say what it is about, with their counts."""
    names = {word.casefold() for match in _PERSON.finditer(text)
             for word in re.findall(r"[\w'\u2019-]+", match.group(1))}
    left_out = MINUTES_WORDS | names
    return Counter(stem for stem, written in analysed_words(searcher, text, field)
                   if written.casefold() not in left_out and not stem.isdigit())


def weights(searcher: Searcher, words: Counter[str], rarity: dict[str, float] | None = None,
            field: str = "text") -> dict[str, float]:
    """tf-idf of each word: 1 + log of its count, times log(documents / documents with it);
    `rarity` keeps each word's idf across calls, so each is looked up once."""
    total = max(document_count(searcher), 1)
    rarity = {} if rarity is None else rarity
    out = {}
    for word, count in words.items():
        if word not in rarity:
            rarity[word] = math.log(total / max(document_frequency(searcher, field, word), 1))
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


def similarities(searcher: Searcher, text: str, others: Iterable[str]) -> list[float]:
    """How alike `text` is to each of `others`, from 0 (no subject shared) to 1."""
    rarity: dict[str, float] = {}
    source = weights(searcher, topic_words(searcher, text), rarity)
    return [cosine(source, weights(searcher, topic_words(searcher, other), rarity))
            for other in others]
