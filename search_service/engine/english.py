"""Words of the English language (pyspellchecker's dictionary, loaded once in about 0.1 s): a
word the passages lack may still be a real word, never a misspelling to correct, and the parts a
joined word splits into must be real words ("weedkiller" is "weed killer", "presidential" no
"pres idential"). The dictionary spells as Americans do; British spellings are read through
theirs ("colour", "organisation", "centre", "defence", "programme", "queueing")."""
from __future__ import annotations

import re
from functools import cache

from spellchecker import SpellChecker

# British endings and the American ones the dictionary holds.
_AMERICAN = [(re.compile(pattern), american) for pattern, american in (
    (r"our(s|ed|ing|ite|ites|able|er|ers)?$", r"or\1"),      # colour, neighbour, favourite
    (r"is(e|es|ed|ing|er|ers|ation|ations)$", r"iz\1"),       # realise, organisation
    (r"ys(e|es|ed|ing)$", r"yz\1"),                           # analyse
    (r"([^aeiou])re(s)?$", r"\1er\2"),                        # centre, metres
    (r"([^aeiou])red$", r"\1ered"),                           # centred
    (r"ence(s)?$", r"ense\1"),                                # defence, offence
    (r"ogue(s)?$", r"og\1"),                                  # catalogue
    (r"amme(s)?$", r"am\1"),                                  # programme
    (r"eing$", "ing"),                                        # queueing
)]


@cache
def _dictionary() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


def load() -> None:
    """Read the dictionary now (`serve` does, before its first visitor)."""
    _dictionary()


def is_english(word: str) -> bool:
    """Whether a word (any case) is a word of the English language, spelt as in Britain or as
    in America."""
    word = word.lower()
    dictionary = _dictionary()
    return word in dictionary or any(
        pattern.search(word) and pattern.sub(american, word) in dictionary
        for pattern, american in _AMERICAN)
