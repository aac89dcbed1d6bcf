"""The fixed query mix of the benchmark, in the service's syntax and in SQLite FTS5's.

Words are picked from the corpus statistics by frequency (common, middling, and made-up names of
the long tail that occur a handful of times), so the same scale and seed always give the same
queries, and every category has several distinct queries.
"""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from tests.support.generate import TAIL_SHARE, Generator, tail_word
from tests.support.queries import phrases, vocabulary

PER_CATEGORY = 8
DEEP_PAGE = 50


@dataclass(frozen=True)
class BenchQuery:
    """One query of the mix: the service's request and the FTS5 equivalent."""

    category: str
    text: str
    fts: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    page: int = 1


def rare_words(generator: Generator, count: int) -> list[str]:
    """Long-tail names expected in about five passages each at this scale."""
    model = generator.model
    tail_tokens = TAIL_SHARE * generator.passages * 40
    rank = max(1, int(tail_tokens / (5 * math.log(model.tail_size))))
    return [tail_word(rank + n).lower() for n in range(count)]


def misspelt(word: str) -> str:
    """The word with two inner letters swapped, as a hurried typist writes it."""
    middle = len(word) // 2
    return word[:middle - 1] + word[middle] + word[middle - 1] + word[middle + 1:]


def query_mix(passages: int, seed: int = 7) -> list[BenchQuery]:
    """The fixed mix: PER_CATEGORY queries in each category, all asking for facet counts."""
    generator = Generator(passages, seed)
    words = vocabulary()
    common, middling = words[:PER_CATEGORY * 2], words[150:150 + PER_CATEGORY * 4]
    two = phrases()[:PER_CATEGORY]
    committees = sorted({c for council in generator.councils for c in council.committees})
    rng = random.Random(f"{seed}:queries")
    mix: list[BenchQuery] = []
    for n in range(PER_CATEGORY):
        a, b = middling[2 * n], middling[2 * n + 1]
        c = common[n]
        committee = rng.choice(committees)
        kind = ("qa", "statement", "decision")[n % 3]
        mix += [
            BenchQuery("rare word", rare_words(generator, PER_CATEGORY)[n],
                       rare_words(generator, PER_CATEGORY)[n]),
            BenchQuery("common word", c, c),
            BenchQuery("middling word", a, a),
            BenchQuery("phrase", f'"{two[n]}"', f'"{two[n]}"'),
            BenchQuery("two words (AND)", f"{a} {b}", f"{a} {b}"),
            BenchQuery("boolean OR", f"{a} OR {b}", f"{a} OR {b}"),
            BenchQuery("boolean NOT", f"{c} -{a}", f"{c} NOT {a}"),
            BenchQuery("word + kind filter", c, c, filters={"kind": [kind]}),
            BenchQuery("word + committee + dates", b, b, filters={"committee": [committee]},
                       date_from=dt.date(2010 + n, 1, 1), date_to=dt.date(2015 + n, 12, 31)),
            BenchQuery("filters only", "", "", filters={"committee": [committee],
                                                        "kind": [kind]}),
            BenchQuery("deep page", common[PER_CATEGORY + n], common[PER_CATEGORY + n],
                       page=DEEP_PAGE),
            BenchQuery("misspelling", misspelt(a), misspelt(a)),
        ]
    return mix

