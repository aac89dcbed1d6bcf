"""Words of the English language (pyspellchecker's dictionary, loaded once in about 0.1 s): a
word the passages lack may still be a real word, never a misspelling to correct, and the parts a
joined word splits into must be real words ("weedkiller" is "weed killer", "presidential" no
"pres idential")."""
from __future__ import annotations

from functools import cache

from spellchecker import SpellChecker


@cache
def _dictionary() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


def is_english(word: str) -> bool:
    """Whether a word (any case) is a word of the English language."""
    return word.lower() in _dictionary()
