"""Words and phrases of the real minutes' statistics, most frequent first, and query strings made
of them: what the tests and the benchmarks search for."""
from __future__ import annotations

import json

from whoosh.analysis import STOP_WORDS

from .generate import STATS_FILE


def vocabulary() -> list[str]:
    """Content words of the real minutes, most frequent first."""
    successors = json.loads(STATS_FILE.read_text(encoding="utf-8"))["successors"]
    counted = sorted(((len(following), word.lower()) for word, following in successors.items()
                      if word.isalpha() and len(word) > 3 and word.lower() not in STOP_WORDS),
                     key=lambda pair: (-pair[0], pair[1]))
    seen: dict[str, None] = {}
    for _, word in counted:
        seen.setdefault(word)
    return list(seen)


def phrases() -> list[str]:
    """Two-word phrases of content words that occur more than once in the real minutes."""
    successors = json.loads(STATS_FILE.read_text(encoding="utf-8"))["successors"]
    found = sorted(((count, f"{a} {b}".lower()) for a, following in successors.items()
                    for b, count in following.items()
                    if count > 1 and a.isalpha() and b.isalpha() and len(a) > 3 and len(b) > 3
                    and a.lower() not in STOP_WORDS and b.lower() not in STOP_WORDS),
                   key=lambda pair: (-pair[0], pair[1]))
    return [phrase for _, phrase in found]


def web_queries(count: int) -> list[str]:
    """`count` distinct query strings (URL-encoded `q=` values with filters) for the load test."""
    words = vocabulary()[20:]
    kinds = ("", "&kind=qa", "&kind=statement", "&kind=decision")
    out = []
    for n in range(count):
        word = words[n % len(words)]
        extra = kinds[(n // len(words)) % len(kinds)]
        second = n // (len(words) * len(kinds))
        query = word if not second else f"{word}+{words[(n + second) % len(words)]}"
        out.append(f"q={query}{extra}")
    return out
