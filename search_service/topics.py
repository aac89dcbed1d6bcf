"""Topics: a taxonomy of council service areas kept as TOML, and the tagging of passages with it.

Tagging runs on every passage at index time, so it never loops over terms: the text is split
into words once, and the words are looked up in dictionaries built when the taxonomy loads
(single words by set intersection, phrases by their first word and then a substring test).
Pure: text in, topics out; the pipeline re-tags an index's stored passages with it
(pipeline/retag.py).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from .model import Passage

TAXONOMY_ENV = "SEARCH_SERVICE_TAXONOMY"
DEFAULT_NAME = "default"
# A term weighs 2 and a hint 1; a topic needs 2 to be tagged: one term, or two different hints.
TERM_WEIGHT, HINT_WEIGHT, THRESHOLD = 2, 1, 2

_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*")
# An acronym as minutes write it, without a plural s: "CSE", "CCGs", "S106", "A&E".
_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9&]*[A-Z0-9])s?\b")
_ACRONYM_TERM = re.compile(r"^[A-Z][A-Z0-9&]*[A-Z0-9]$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used; the message names the file and what to fix."""


@dataclass(frozen=True)
class Topic:
    """One topic: its stable id, the label members see, and the words that signal it."""

    id: str
    label: str
    terms: tuple[str, ...]
    hints: tuple[str, ...] = ()


def words(text: str) -> list[str]:
    """The lower-case words of a text as tagging and glossary matching see them."""
    return _WORD.findall(_POSSESSIVE.sub("", text.lower()))


def _plural_forms(word: str) -> set[str]:
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.add(word[:-1])
    else:
        forms.update((word + "s", word + "es"))
        if word.endswith("y"):
            forms.add(word[:-1] + "ies")
    return forms


# What a matched term adds to a topic's score: (topic index, weight, the term as written).
_Match = tuple[int, int, str]


class Taxonomy:
    """A list of topics with the lookup tables that tag a text in one pass over its words."""

    def __init__(self, topics: Sequence[Topic], source: str = DEFAULT_NAME) -> None:
        self.topics = tuple(topics)
        self.source = source
        self._single: dict[str, list[_Match]] = {}
        self._phrases: dict[str, list[tuple[str, frozenset[str], _Match]]] = {}
        self._acronyms: dict[str, list[_Match]] = {}
        for index, topic in enumerate(self.topics):
            for weight, entries in ((TERM_WEIGHT, topic.terms), (HINT_WEIGHT, topic.hints)):
                for entry in entries:
                    self._add(entry, (index, weight, entry))

    def _add(self, entry: str, match: _Match) -> None:
        if _ACRONYM_TERM.match(entry):
            self._acronyms.setdefault(entry, []).append(match)
            return
        parts = words(entry)
        for last in _plural_forms(parts[-1]):
            phrase = [*parts[:-1], last]
            if len(phrase) == 1:
                self._single.setdefault(last, []).append(match)
            else:
                padded = f" {' '.join(phrase)} "
                self._phrases.setdefault(phrase[0], []).append(
                    (padded, frozenset(phrase), match))

    @property
    def labels(self) -> list[str]:
        """The topic labels in taxonomy order."""
        return [topic.label for topic in self.topics]

    @property
    def fingerprint(self) -> str:
        """A short hash of the topics, to tell which taxonomy tagged an index."""
        data = json.dumps([[t.id, t.label, t.terms, t.hints] for t in self.topics])
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]

    def matches(self, text: str) -> set[tuple[int, int, str]]:
        """What the text signals: (topic index, weight, term or hint as written) for each."""
        found: set[_Match] = set()
        text_words = words(text)
        present = set(text_words)
        for word in present.intersection(self._single):
            found.update(self._single[word])
        starts = present.intersection(self._phrases)
        if starts:
            padded = f" {' '.join(text_words)} "
            for word in starts:
                found.update(match for phrase, needed, match in self._phrases[word]
                             if needed <= present and phrase in padded)
        for acronym in set(_ACRONYM.findall(text)).intersection(self._acronyms):
            found.update(self._acronyms[acronym])
        return found

    def scores(self, text: str) -> dict[int, int]:
        """Each signalled topic's score (by topic index) for one text."""
        scores: dict[int, int] = {}
        for index, weight, _ in self.matches(text):
            scores[index] = scores.get(index, 0) + weight
        return scores

    def _chosen(self, text: str | None) -> set[int]:
        if not text:
            return set()
        return {index for index, score in self.scores(text).items() if score >= THRESHOLD}

    def tag(self, text: str, title: str | None = None) -> tuple[str, ...]:
        """The labels of the topics of a text, adding those of its agenda item's title."""
        return self._labels(self._chosen(text) | self._chosen(title))

    def _labels(self, chosen: set[int]) -> tuple[str, ...]:
        return tuple(self.topics[index].label for index in sorted(chosen))

    def tag_passages(self, passages: Iterable[Passage]) -> list[Passage]:
        """The passages with their `topics` set from their text and their item's title."""
        titles: dict[str | None, set[int]] = {}
        tagged = []
        for passage in passages:
            title = passage.item.title
            if title not in titles:
                titles[title] = self._chosen(title)
            topics = self._labels(titles[title] | self._chosen(passage.text))
            tagged.append(replace(passage, topics=topics) if topics != passage.topics else passage)
        return tagged


def _string_list(value: object, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and words(v) for v in value):
        raise TaxonomyError(f"{where}: '{key}' must be a list of words or phrases")
    return tuple(value)


def _line_of(text: str, topic_id: str) -> str:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"""\s*id\s*=\s*["']{re.escape(topic_id)}["']""", line):
            return f":{number}"
    return ""


def _read_topic(entry: object, number: int, source: str, text: str) -> Topic:
    where = f"{source}: topic {number}"
    if not isinstance(entry, dict):
        raise TaxonomyError(f"{where}: each [[topic]] must be a table")
    topic_id = entry.get("id")
    if not isinstance(topic_id, str) or not _ID.match(topic_id):
        raise TaxonomyError(f"{where}: 'id' must be lower-case letters, digits and dashes, "
                            f"like id = \"housing\"")
    where = f"{source}{_line_of(text, topic_id)}: topic {topic_id!r}"
    unknown = set(entry) - {"id", "label", "terms", "hints"}
    if unknown:
        raise TaxonomyError(f"{where}: unknown key {', '.join(sorted(unknown))}; a topic has "
                            f"id, label, terms and hints")
    label = entry.get("label")
    if not isinstance(label, str) or not label.strip() or "," in label:
        raise TaxonomyError(f"{where}: 'label' must be a non-empty name without commas")
    terms = _string_list(entry.get("terms"), where, "terms")
    hints = _string_list(entry.get("hints", []), where, "hints")
    if not terms:
        raise TaxonomyError(f"{where}: 'terms' must list at least one word or phrase")
    return Topic(id=topic_id, label=label.strip(), terms=terms, hints=hints)


def parse_taxonomy(text: str, source: str) -> Taxonomy:
    """A taxonomy from TOML text; `extends = "default"` starts from the shipped taxonomy.

    In an extending file a topic with the id of a default topic replaces it, `remove = [ids]`
    drops default topics, and new topics are added after the default ones.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{source}: not valid TOML: {exc}") from None
    unknown = set(data) - {"topic", "extends", "remove"}
    if unknown:
        raise TaxonomyError(f"{source}: unknown key {', '.join(sorted(unknown))}; a taxonomy "
                            f"has [[topic]] tables and optionally extends and remove")
    entries = data.get("topic", [])
    if not isinstance(entries, list):
        raise TaxonomyError(f"{source}: topics must be written as [[topic]] tables")
    topics = [_read_topic(entry, number, source, text)
              for number, entry in enumerate(entries, start=1)]
    extends = data.get("extends")
    if extends is not None:
        if extends != DEFAULT_NAME:
            raise TaxonomyError(f"{source}: extends must be \"default\" (the shipped taxonomy), "
                                f"not {extends!r}")
        topics = _merge(default_taxonomy().topics, topics, data.get("remove", []), source)
    elif "remove" in data:
        raise TaxonomyError(f"{source}: remove only works with extends = \"default\"")
    seen: set[tuple[str, str]] = set()
    for topic in topics:
        for key in (("id", topic.id), ("label", topic.label.lower())):
            if key in seen:
                raise TaxonomyError(f"{source}: two topics have the {key[0]} {key[1]!r}")
            seen.add(key)
    if not topics:
        raise TaxonomyError(f"{source}: no topics; add [[topic]] tables")
    return Taxonomy(topics, source)


def _merge(base: Sequence[Topic], own: Sequence[Topic], remove: object,
           source: str) -> list[Topic]:
    known = {topic.id for topic in base}
    if not isinstance(remove, list) or not all(isinstance(r, str) for r in remove):
        raise TaxonomyError(f"{source}: remove must be a list of topic ids")
    missing = [topic_id for topic_id in remove if topic_id not in known]
    if missing:
        raise TaxonomyError(f"{source}: remove names unknown topics {', '.join(missing)}; "
                            f"see `search-service topics` for the ids")
    replacing = {topic.id: topic for topic in own}
    merged = [replacing.pop(topic.id, topic) for topic in base if topic.id not in remove]
    return merged + [topic for topic in own if topic.id in replacing]


_DEFAULT: list[Taxonomy] = []


def default_taxonomy() -> Taxonomy:
    """The taxonomy shipped with the package (loaded once)."""
    if not _DEFAULT:
        text = resources.files("search_service").joinpath("data/topics.toml").read_text("utf-8")
        _DEFAULT.append(parse_taxonomy(text, DEFAULT_NAME))
    return _DEFAULT[0]


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The taxonomy in `path`, else in `$SEARCH_SERVICE_TAXONOMY`, else the shipped one."""
    chosen = path or os.environ.get(TAXONOMY_ENV)
    if not chosen:
        return default_taxonomy()
    try:
        text = Path(chosen).read_text("utf-8")
    except OSError as exc:
        raise TaxonomyError(f"cannot read the taxonomy {chosen}: {exc.strerror or exc}; "
                            f"check --taxonomy or ${TAXONOMY_ENV}") from None
    except UnicodeDecodeError:
        raise TaxonomyError(f"{chosen}: not UTF-8 text") from None
    return parse_taxonomy(text, str(chosen))
