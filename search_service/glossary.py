"""Acronyms: learnt from the minutes per council, a shipped glossary, query expansion both ways.

Learning reads definitions the way minutes write them, "Child Sexual Exploitation (CSE)" and
"CSE (child sexual exploitation)", and keeps a pair only when the acronym's letters can be found
in order in the long form, each word's first letter starting a letter run (the Schwartz–Hearst
test). At search time a known acronym in the query also searches its long forms as phrases, and
a long form also searches its acronym; both at a lower boost, so passages with the words the
user typed rank first.
"""
from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from .model import Document, Passage
from .topics import words

log = logging.getLogger(__name__)

SHIPPED = ""  # the council key of the shipped glossary
MAX_LONG_FORMS = 3
# A long form also matches without one of these last words ("… Mental Health" for CAMHS) when
# three or more words remain.
GENERIC_HEADS = frozenset({"service", "board", "group", "team", "panel", "partnership", "plan",
                           "strategy", "programme", "unit", "forum", "regulation", "scheme"})
_STOP = frozenset({"a", "an", "and", "of", "the", "for", "in", "on", "to", "or", "with"})

# "(CSE)", "(CCGs)", "(DoLS)": an acronym alone in brackets.
_BRACKETED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{0,9}[A-Z0-9]s?)\s*\)")
# "CSE (child sexual exploitation)": an acronym, then its long form in brackets.
_ACRONYM_BRACKETS = re.compile(r"\b([A-Z][A-Za-z0-9&]{0,9}[A-Z0-9]s?) \(([A-Za-z][^()]{3,120})\)")
_CLAUSE_END = re.compile(r"[.;:!?()\[\]\n]")
# A run of capitalised words, maybe joined by small words: "Child and Adolescent Mental Health".
_TITLE_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:(?:and|of|for|the|in|on|&) )?[A-Z][a-z]+)+")
# An acronym in running text or a query: capitals (and digits), maybe a plural s.
_ACRONYM_WORD = re.compile(r"\b([A-Z][A-Za-z0-9&]*[A-Z0-9])(s?)\b")


@dataclass(frozen=True)
class Definition:
    """An acronym with one long form, where it was learnt (SHIPPED for the shipped glossary)."""

    acronym: str
    long_form: str
    council: str = SHIPPED
    pages: int = 1


def acronym_key(acronym: str) -> str:
    """The acronym as looked up: upper case, without a plural s ("CCGs" → "CCG")."""
    if len(acronym) > 2 and acronym.endswith("s") and acronym[:-1].upper() == acronym[:-1]:
        acronym = acronym[:-1]
    return acronym.upper()


def is_acronym(word: str) -> bool:
    """Whether a word is written like an acronym: two or more capitals, mostly capitals."""
    core = acronym_key(word)
    capitals = sum(1 for ch in word if ch.isupper())
    return 2 <= len(core) <= 10 and capitals >= 2 and capitals * 2 >= len(core) \
        and core[0].isalpha()


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def long_form_key(text: str) -> tuple[str, ...]:
    """A long form as matched: its words, singular, without small words like "and"."""
    return tuple(_singular(word) for word in words(text) if word not in _STOP)


def _long_form_keys(long_form: str) -> list[tuple[str, ...]]:
    key = long_form_key(long_form)
    keys = [key] if len(key) >= 2 else []
    if len(key) >= 4 and key[-1] in GENERIC_HEADS:
        keys.append(key[:-1])
    return keys


def match_long_form(acronym: str, candidate: str) -> str | None:
    """The shortest end of `candidate` whose letters spell `acronym` (Schwartz–Hearst), or None."""
    short = [ch.lower() for ch in acronym_key(acronym) if ch.isalnum()]
    s, i = len(short) - 1, len(candidate) - 1
    while s >= 0:
        ch = short[s]
        # The acronym's first letter must start a word of the long form.
        while i >= 0 and (candidate[i].lower() != ch or
                          (s == 0 and i > 0 and candidate[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i, s = i - 1, s - 1
    start = candidate.rfind(" ", 0, i + 1) + 1
    long_form = candidate[start:].strip(" ,-–")
    if len(long_form.split()) < 2 or len(long_form.split()) > len(short) + 4:
        return None
    if acronym_key(acronym) in long_form.upper().split() or long_form.split()[0].lower() in _STOP:
        return None
    return long_form


def find_definitions(text: str) -> list[tuple[str, str]]:
    """The (acronym, long form) pairs a text defines, in the order it defines them."""
    found = []
    for match in _BRACKETED_ACRONYM.finditer(text):
        acronym = match.group(1)
        if not is_acronym(acronym):
            continue
        clause = _CLAUSE_END.split(text[:match.start()])[-1].split()
        letters = len(acronym_key(acronym))
        window = " ".join(clause[-min(letters + 5, letters * 2):])
        long_form = match_long_form(acronym, window)
        if long_form:
            found.append((acronym, long_form))
    for match in _ACRONYM_BRACKETS.finditer(text):
        acronym, inner = match.group(1), match.group(2).strip()
        if is_acronym(acronym) and match_long_form(acronym, inner) == inner:
            found.append((acronym, inner))
    return found


def find_spelt_out(text: str, known: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Acronyms used in a text whose capitalised words spell them out exactly elsewhere in it.

    "Child Sexual Exploitation remained a priority … looking beyond CSE": minutes often use
    both without brackets. Only capitalised words count, their initials must equal the
    acronym's letters, and acronyms in `known` (already defined) are skipped.
    """
    done = {acronym_key(acronym) for acronym in known}
    wanted: dict[str, str] = {}
    for match in _ACRONYM_WORD.finditer(text):
        written = match.group(0)
        key = acronym_key(written)
        if is_acronym(written) and key.isalpha() and key not in done:
            wanted.setdefault(key, written)
    if not wanted:
        return []
    found = []
    for run in _TITLE_RUN.finditer(text):
        capitalised = [(m.start(), m.end(), m.group()[0]) for m in re.finditer(r"[A-Z][a-z]+",
                                                                                run.group())]
        for first in range(len(capitalised)):
            for last in range(first + 1, min(first + 10, len(capitalised))):
                initials = "".join(letter for _, _, letter in capitalised[first:last + 1])
                if initials in wanted:
                    long_form = run.group()[capitalised[first][0]:capitalised[last][1]]
                    found.append((wanted.pop(initials), long_form))
    return found


def council_key(council: str | None, url: str | None) -> str:
    """The council a page belongs to: its name where known, else its web site's host name."""
    if council:
        return council
    host = urlsplit(url or "").hostname
    return host or "(unknown council)"


def learn_definitions(passages: Sequence[Passage]) -> list[tuple[str, str]]:
    """The acronym definitions in a document's passages and its agenda items, each pair once."""
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    texts = dict.fromkeys(part for passage in passages
                          for part in (passage.item.title, passage.item.description, passage.text)
                          if part)
    for text in texts:
        for acronym, long_form in find_definitions(text):
            seen.setdefault((acronym_key(acronym), long_form.lower()), (acronym, long_form))
    page = "\n".join(texts)
    for acronym, long_form in find_spelt_out(page, (acronym for acronym, _ in seen.values())):
        seen.setdefault((acronym_key(acronym), long_form.lower()), (acronym, long_form))
    return list(seen.values())


class Glossary:
    """Acronyms and their long forms, looked up both ways."""

    def __init__(self, definitions: Iterable[Definition], word_acronyms: Iterable[str] = ()):
        merged: dict[tuple[str, str, str], Definition] = {}
        for definition in definitions:
            key = (acronym_key(definition.acronym), definition.council,
                   " ".join(long_form_key(definition.long_form)))
            old = merged.get(key)
            merged[key] = definition if old is None else Definition(
                old.acronym, old.long_form, old.council, old.pages + definition.pages)
        self.definitions = sorted(merged.values(), key=lambda d: (acronym_key(d.acronym),
                                                                 d.council, -d.pages))
        self.word_acronyms = frozenset(acronym_key(word) for word in word_acronyms)
        self._by_acronym: dict[str, list[Definition]] = {}
        self._by_long_form: dict[tuple[str, ...], list[Definition]] = {}
        for definition in self.definitions:
            self._by_acronym.setdefault(acronym_key(definition.acronym), []).append(definition)
            for key in _long_form_keys(definition.long_form):
                self._by_long_form.setdefault(key, []).append(definition)

    def __len__(self) -> int:
        return len(self.definitions)

    def _ranked(self, found: list[Definition], councils: Sequence[str]) -> list[Definition]:
        """The council's own definitions first, then the shipped ones, then other councils'."""
        def rank(d: Definition) -> tuple[int, int]:
            place = 0 if d.council in councils else 1 if d.council == SHIPPED else 2
            return place, -d.pages
        return sorted(found, key=rank)

    def long_forms(self, acronym: str, councils: Sequence[str] = ()) -> list[str]:
        """The long forms of an acronym, most relevant first, at most MAX_LONG_FORMS."""
        out: dict[tuple[str, ...], str] = {}
        for definition in self._ranked(self._by_acronym.get(acronym_key(acronym), []), councils):
            out.setdefault(long_form_key(definition.long_form), definition.long_form)
        return list(out.values())[:MAX_LONG_FORMS]

    def acronyms(self, long_form: str, councils: Sequence[str] = ()) -> list[str]:
        """The acronyms whose long form (or its start, see GENERIC_HEADS) these words are."""
        out: dict[str, str] = {}
        for definition in self._ranked(self._by_long_form.get(long_form_key(long_form), []),
                                       councils):
            out.setdefault(acronym_key(definition.acronym), definition.acronym)
        return list(out.values())[:MAX_LONG_FORMS]

    def expands(self, word: str) -> bool:
        """Whether a query word stands for a known acronym.

        Typed in capitals it always does; in lower case only when it has three or more letters
        and is not also an English word (the shipped `words` list), so "send" stays a verb.
        """
        key = acronym_key(word)
        if key not in self._by_acronym:
            return False
        if is_acronym(word):
            return True
        return len(key) >= 3 and key not in self.word_acronyms

    def explained(self, text: str, councils: Sequence[str] = (),
                  seen: set[str] | None = None) -> list[tuple[int, int, str]]:
        """The known acronyms of `text` as (start, end, long forms joined by " or "), the
        councils' own meanings first, for the web to explain.

        With `seen`, only acronyms not in it, once each, and they are added to it: pass one set
        for the fields of a passage to explain each acronym's first use only.
        """
        found = []
        for match in _ACRONYM_WORD.finditer(text):
            written = match.group(0)
            key = acronym_key(written)
            if not is_acronym(written) or (seen is not None and key in seen):
                continue
            long_forms = self.long_forms(written, councils)
            if not long_forms:
                continue
            if seen is not None:
                seen.add(key)
            found.append((match.start(), match.end(), " or ".join(long_forms)))
        return found


def shipped_glossary_data() -> tuple[list[Definition], list[str]]:
    """The definitions and word-like acronyms of the glossary shipped with the package."""
    text = resources.files("search_service").joinpath("data/acronyms.toml").read_text("utf-8")
    data = tomllib.loads(text)
    definitions = []
    for acronym, value in data.get("acronyms", {}).items():
        for long_form in [value] if isinstance(value, str) else value:
            definitions.append(Definition(acronym, long_form))
    return definitions, list(data.get("words", []))


def build_glossary(learnt: Iterable[Definition]) -> Glossary:
    """The shipped glossary together with what was learnt from the minutes."""
    shipped, word_acronyms = shipped_glossary_data()
    return Glossary([*shipped, *learnt], word_acronyms)


def source_acronyms(document: Document, passages: Sequence[Passage]) -> dict[str, Any] | None:
    """What to keep on a source's index record: its council and the definitions it makes."""
    pairs = learn_definitions(passages)
    if not pairs:
        return None
    council = passages[0].meeting.council if passages else None
    return {"council": council_key(council or document.council, document.url),
            "definitions": pairs}
