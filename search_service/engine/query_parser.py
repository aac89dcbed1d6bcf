"""The query language.

Plain words are what most people type, often as a question ("how many looked after children"):
they are ranked, not all required. Question words and stop words are left out, and the passages
holding most of the other words come first (`Coordinated`, ranked in ranking.py). Explicit syntax
keeps its strict meaning: "quoted phrases", AND/OR/NOT and parentheses (the whole query is then
strict, every word required as before), `-word` and `+word` after white space, `field:word`;
a question mark that ends a word is punctuation, `?` inside a word a wildcard.
A word with inner punctuation (`self-harm`, `A&E`, `2019/20`) is one word: its parts in order or
its joined form (analysis.py indexes both). An unclosed quote runs to the end of the query.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from whoosh import qparser
from whoosh.analysis import STOP_WORDS
from whoosh.fields import Schema
from whoosh.qparser import syntax
from whoosh.qparser.plugins import BoostPlugin, FuzzyTermPlugin, PhrasePlugin, Plugin
from whoosh.query import And, AndMaybe, AndNot, NullQuery, Or, Phrase, Query, Term

from .analysis import joined_form
from .english import is_english

# Words match the passage text, its question (boosted: that is what people look for), and the
# agenda item's title and description (indexed on the item's first passage). A question's answer
# is part of its text, so `answer:` is a prefix only: one field fewer to score per word.
FIELD_BOOSTS = {"text": 1.0, "question": 1.5, "item_title": 0.6, "item_description": 0.3}
# Plain words also match the council's and committee's names ("Melton complaints upheld").
SEARCHED_FIELDS = FIELD_BOOSTS | {"council": 0.3, "committee": 0.3}
# Friendly prefixes people type, mapped to schema fields.
FIELD_ALIASES = {"q": "question", "a": "answer", "title": "item_title", "item": "item_title",
                 "topic": "topics", "date": "meeting_date"}
# Words that make a search a question, not what it is about: never required, never scored
# (unless the search has no other words).
QUESTION_WORDS = frozenset("""
    what which who whom whose why how when where whether
    did does do done was were is are am been being has have had having
    would could should shall will can may might must
    there their any anyone anybody anything someone something ever still
    much many
    i me my we our us they them it its this that these those he she his her
    tell told say said says ask asked know happened happen please about
""".split())


class Coordinated(Or):
    """Plain words ranked by coordination: a passage holding more of them (concepts: a word, its
    acronym's long forms, a compound's forms) ranks above one holding fewer; BM25F orders those
    holding as many. Whoosh's own search ranks it as an Or (a sum of BM25F)."""

    def __init__(self, subqueries: Sequence[Query], boost: float = 1.0,
                 labels: Sequence[str] = ()) -> None:
        super().__init__(list(subqueries), boost=boost)
        # The word each concept was typed as, for "Missing: …".
        self.labels = tuple(labels) or tuple(str(sub) for sub in subqueries)

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and self.labels == getattr(other, "labels", None)

    __hash__ = Or.__hash__

    def apply(self, fn: Callable[[Query], Query]) -> Coordinated:
        """The same concepts, each changed by `fn`, with their labels."""
        return Coordinated([fn(sub) for sub in self.subqueries], self.boost, self.labels)

    def normalize(self) -> Query:
        """Concepts with no query (stop words) dropped with their labels; one left is itself."""
        kept = [(sub.normalize(), label) for sub, label in zip(self.subqueries, self.labels)]
        kept = [(sub, label) for sub, label in kept if sub is not NullQuery]
        if not kept:
            return NullQuery
        if len(kept) == 1:
            return kept[0][0].with_boost(kept[0][0].boost * self.boost)
        return Coordinated([sub for sub, _ in kept], self.boost, [label for _, label in kept])


class CompoundNode(syntax.WordNode):
    """A word with inner punctuation: its parts as a phrase, or its joined form."""

    def query(self, parser: qparser.QueryParser) -> Query:
        fieldname = self.fieldname or parser.fieldname
        field = parser.schema[fieldname] if parser.schema and fieldname in parser.schema else None
        if field is None or not field.format or not field.format.supports("positions"):
            return super().query(parser)
        parts = list(field.process_text(self.text, mode="query"))
        joined = list(field.process_text(joined_form(self.text) or "", mode="query"))
        forms: list[Query] = [Term(fieldname, word) for word in joined]
        if len(parts) > 1:
            forms.append(Phrase(fieldname, parts))
        elif parts:
            forms.append(Term(fieldname, parts[0]))
        if not forms:
            return NullQuery
        found = Or(forms, boost=self.boost) if len(forms) > 1 else forms[0].with_boost(self.boost)
        return syntax.attach(found, self)


class CoordinatedGroup(syntax.GroupNode):
    """The plain words of a query, gathered into one Coordinated query."""

    def query(self, parser: qparser.QueryParser) -> Query:
        subs, labels = [], []
        for node in self.nodes:
            sub = node.query(parser)
            if sub is not None:
                subs.append(sub)
                labels.append(_typed(node))
        return syntax.attach(Coordinated(subs, self.boost, labels), self)


def _typed(node: syntax.SyntaxNode) -> str:
    """A plain word as typed (an acronym's group is the acronym with its long forms)."""
    if isinstance(node, syntax.GroupNode):
        return _typed(node.nodes[0])
    return node.text


class PlainWordsPlugin(qparser.Plugin):
    """Turns compounds into CompoundNodes and gathers a query's plain words for coordination.

    Runs after field names are applied (100) and around the acronym expander (105), before the
    multifield plugin spreads words over fields (110).
    """

    def filters(self, parser: object) -> list[tuple[Callable[..., Any], int]]:
        return [(self.mark_compounds, 101), (self.mark_plain_words, 104),
                (self.gather_plain_words, 109)]

    def mark_compounds(self, parser: object, group: syntax.GroupNode) -> syntax.GroupNode:
        """Words with a joined form become CompoundNodes."""
        for n, node in enumerate(group.nodes):
            if isinstance(node, syntax.GroupNode):
                self.mark_compounds(parser, node)
            elif type(node) is syntax.WordNode and joined_form(node.text):
                compound = copy.copy(node)
                compound.__class__ = CompoundNode
                group.nodes[n] = compound
        return group

    def mark_plain_words(self, parser: object, group: syntax.GroupNode) -> syntax.GroupNode:
        """Mark the plain words of a query without operators; drop its question words."""
        nodes = group.nodes
        if any(isinstance(node, (syntax.Operator, syntax.GroupNode)) for node in nodes):
            return group  # AND/OR/NOT or parentheses: strict, as typed
        plain = [n for n, node in enumerate(nodes)
                 if type(node) in (syntax.WordNode, CompoundNode) and node.fieldname is None
                 and not (n and isinstance(nodes[n - 1], (qparser.PlusMinusPlugin.Plus,
                                                          qparser.PlusMinusPlugin.Minus)))
                 and not (n + 1 < len(nodes)
                          and isinstance(nodes[n + 1], qparser.BoostPlugin.BoostNode))]
        asking = {n for n in plain if nodes[n].text.lower() in QUESTION_WORDS}
        # Stop words stay where they are (the analyzer drops them; an acronym's long form may
        # hold one), and count as no content.
        content = {n for n in plain if nodes[n].text.lower() not in STOP_WORDS} - asking
        if asking and content:
            group.nodes = [node for n, node in enumerate(nodes) if n not in asking]
        for n in plain:
            nodes[n].plain = True
        group.plain_words = True
        return group

    def gather_plain_words(self, parser: object, group: syntax.GroupNode) -> syntax.GroupNode:
        """Move the marked words (with their acronym alternatives) into a CoordinatedGroup."""
        if not getattr(group, "plain_words", False):
            return group
        plain = [node for node in group.nodes if _is_plain(node)]
        if plain:
            group.nodes = [node for node in group.nodes if not _is_plain(node)]
            group.nodes.append(CoordinatedGroup(plain))
        return group


def _is_plain(node: syntax.SyntaxNode) -> bool:
    if isinstance(node, syntax.GroupNode):  # an acronym widened by the expander
        return bool(node.nodes) and _is_plain(node.nodes[0])
    return getattr(node, "plain", False)


def make_parser(schema: Schema, plugins: Iterable[qparser.Plugin] = ()) -> qparser.QueryParser:
    """The query parser, with the plugins given (the acronym expander)."""
    parser = qparser.MultifieldParser(list(SEARCHED_FIELDS), schema,
                                      fieldboosts=SEARCHED_FIELDS, group=qparser.AndGroup)
    # `-` and `+` mark a word only after white space or a parenthesis: "self-harm" is a word.
    parser.remove_plugin_class(qparser.PlusMinusPlugin)
    parser.add_plugin(qparser.PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+",
                                              minusexpr=r"(?<![^\s(])-"))
    aliases: dict[str, list[str]] = {}
    for alias, name in FIELD_ALIASES.items():  # `title:` and `item:` both name item_title
        aliases.setdefault(name, []).append(alias)
    parser.add_plugin(qparser.FieldAliasPlugin(aliases))
    parser.add_plugin(PlainWordsPlugin())
    for plugin in plugins:
        parser.add_plugin(plugin)
    return parser


def close_quotes(text: str) -> str:
    """The query with an unclosed quote closed at its end."""
    return text + '"' if text.count('"') % 2 else text


# A question mark ending a word ("… before the coast floods?") asks, it is no wildcard: one
# followed by white space, a closing quote or parenthesis, or the end of the query.
_ASKING_MARK = re.compile(r"\?+(?=[\s\"')\]]|$)")


def without_question_marks(text: str) -> str:
    """The query with the question marks that end words taken out; one inside a word
    (`wom?n`) stays the wildcard of one letter."""
    return _ASKING_MARK.sub("", text)


# The same operator typed twice or more: "NOT NOT x" (Whoosh's parser fails on it), "a AND AND b".
_OPERATOR_RUN = re.compile(r"\b(AND|OR|NOT)(?:\s+\1)+\b")


def single_operators(text: str) -> str:
    """The query with each run of one operator outside quotes said once, a run of NOTs by its
    parity ("NOT NOT x" is "x")."""
    def once(match: re.Match[str]) -> str:
        if match[1] != "NOT":
            return match[1]
        return "NOT" if len(match[0].split()) % 2 else ""

    parts = text.split('"')
    return '"'.join(_OPERATOR_RUN.sub(once, part) if i % 2 == 0 else part
                    for i, part in enumerate(parts))


def parse(schema: Schema, text: str, plugins: Iterable[qparser.Plugin] = ()) -> Query:
    """The query for the user's words: plain words coordinated, alongside required syntax."""
    return _soften(make_parser(schema, plugins).parse(
        close_quotes(single_operators(without_question_marks(text)))))


def _soften(query: Query) -> Query:
    """Plain words beside required parts ("quoted" words) rank those parts, not narrow them."""
    if isinstance(query, AndNot):
        return AndNot(_soften(query.a), query.b)
    if isinstance(query, AndMaybe):
        return AndMaybe(_soften(query.a), query.b)
    if type(query) is And:
        plain = [sub for sub in query.subqueries if isinstance(sub, Coordinated)]
        required = [sub for sub in query.subqueries if not isinstance(sub, Coordinated)]
        if plain and required:
            return AndMaybe(required[0] if len(required) == 1 else And(required), plain[0])
    return query


def coordinated_part(query: Query) -> Coordinated | None:
    """The plain words of a parsed query, if it has any."""
    if isinstance(query, Coordinated):
        return query
    if isinstance(query, (AndNot, AndMaybe)):
        return coordinated_part(query.a) or coordinated_part(query.b)
    return None


# Acronyms and their long forms (glossary.py): both searched, those typed ranked first.
EXPANSION_BOOST = 0.5
MAX_RUN = 12  # the most query words one long form may span


class AcronymLookup(Protocol):
    """What the acronym expander asks of a glossary (glossary.Glossary)."""

    def expands(self, word: str) -> bool: ...

    def long_forms(self, acronym: str, councils: Sequence[str] = ()) -> list[str]: ...

    def acronyms(self, long_form: str, councils: Sequence[str] = ()) -> list[str]: ...


# A word is split in two, or two words joined, only where each part has this many letters.
MIN_COMPOUND_PART = 3


class Compounds:
    """Words written joined in a search and apart in the minutes, or the other way round
    ("weedkiller" / "weed killer", "car park" / "carpark"), looked up as the acronym expander
    looks up acronyms: a word the index does not hold that splits into two English words it
    holds is searched as their phrase too, and two plain words whose joined form it holds as
    that word too. `held(word)` says whether the passages' text holds a word as written there
    (analysed by `field`)."""

    def __init__(self, field: Any, held: Callable[[str], bool]) -> None:
        self.field = field
        self.held = held
        self._splits: dict[str, str] = {}

    def _holds(self, text: str) -> bool:
        words = list(self.field.process_text(text, mode="query"))
        return bool(words) and all(self.held(word) for word in words)

    def expands(self, word: str) -> bool:
        """Whether a word the index does not hold splits into two words it holds."""
        if word in self._splits:
            return True
        if not word.isalpha() or len(word) < 2 * MIN_COMPOUND_PART or self._holds(word):
            return False
        for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
            left, right = word[:cut], word[cut:]
            if left.lower() not in STOP_WORDS and right.lower() not in STOP_WORDS \
                    and is_english(left) and is_english(right) \
                    and self._holds(left) and self._holds(right):
                self._splits[word] = f"{left} {right}"
                return True
        return False

    def long_forms(self, word: str, councils: Sequence[str] = ()) -> list[str]:
        """The two words a word splits into, as one phrase."""
        return [self._splits[word]] if self.expands(word) else []

    def acronyms(self, words: str, councils: Sequence[str] = ()) -> list[str]:
        """The joined form of two plain words, when the index holds it."""
        parts = words.split()
        if len(parts) != 2 or not all(part.isalpha() and len(part) >= MIN_COMPOUND_PART
                                      and part.lower() not in STOP_WORDS
                                      and part.lower() not in QUESTION_WORDS for part in parts):
            return []
        joined = "".join(parts)
        return [joined] if self._holds(joined) else []


class Lookups:
    """Lookups asked in turn (acronyms, then compounds, then synonyms): the first that knows a
    word or a run of words answers for it."""

    def __init__(self, *lookups: AcronymLookup) -> None:
        self.lookups = lookups

    def expands(self, word: str) -> bool:
        return any(lookup.expands(word) for lookup in self.lookups)

    def long_forms(self, acronym: str, councils: Sequence[str] = ()) -> list[str]:
        for lookup in self.lookups:
            if lookup.expands(acronym):
                return lookup.long_forms(acronym, councils)
        return []

    def acronyms(self, long_form: str, councils: Sequence[str] = ()) -> list[str]:
        for lookup in self.lookups:
            found = lookup.acronyms(long_form, councils)
            if found:
                return found
        return []


@dataclass(frozen=True)
class Expansion:
    """What a query also searched: the words as typed and what they stand for."""

    typed: str
    also: tuple[str, ...]


class AcronymExpander(Plugin):
    """A query parser plugin: a known acronym also searches its long forms, and back.

    It runs after explicit field names are applied and before the multifield plugin spreads
    words over fields. It touches only unfielded words with no boost or fuzziness, and a long
    form only when no operator borders it, so the rest of the query keeps its meaning.
    """

    def __init__(self, glossary: AcronymLookup, councils: Sequence[str] = ()) -> None:
        self.glossary = glossary
        self.councils = tuple(councils)
        self.expansions: list[Expansion] = []

    def filters(self, parser: object) -> list[tuple[object, int]]:
        """Run between the field names (100) and the multifield plugin (110)."""
        return [(self.expand, 105)]

    def expand(self, parser: object, group: syntax.GroupNode) -> syntax.GroupNode:
        """The group with acronyms and long forms widened into alternatives."""
        nodes = list(group.nodes)
        out: list[syntax.SyntaxNode] = []
        i = 0
        while i < len(nodes):
            node = nodes[i]
            if isinstance(node, syntax.GroupNode):
                out.append(self.expand(parser, node))
                i += 1
                continue
            if _unfielded(node) and not _bound(nodes, i):
                end, alternatives = self._long_form_at(nodes, i)
                if alternatives:
                    run = nodes[i:end]
                    _place(alternatives, run[0].startchar, run[-1].endchar)
                    out.append(syntax.OrGroup([syntax.AndGroup(run), _boosted(alternatives)]))
                    i = end
                    continue
                alternatives = self._alternatives(node)
                if alternatives:
                    _place(alternatives, node.startchar, node.endchar)
                    out.append(syntax.OrGroup([node, _boosted(alternatives)]))
                    i += 1
                    continue
            out.append(node)
            i += 1
        group.nodes = out
        return group

    def _alternatives(self, node: syntax.SyntaxNode) -> list[syntax.SyntaxNode]:
        """Phrases for an acronym word; the acronym for a quoted long form."""
        if isinstance(node, PhrasePlugin.PhraseNode):
            acronyms = self.glossary.acronyms(node.text, self.councils)
            if acronyms:
                self.expansions.append(Expansion(f'"{node.text}"', tuple(acronyms)))
            return [syntax.WordNode(acronym) for acronym in acronyms]
        if type(node) is syntax.WordNode and self.glossary.expands(node.text):
            long_forms = self.glossary.long_forms(node.text, self.councils)
            self.expansions.append(Expansion(node.text, tuple(long_forms)))
            return [PhrasePlugin.PhraseNode(text, 0) for text in long_forms]
        return []

    def _long_form_at(self, nodes: list[syntax.SyntaxNode], start: int
                      ) -> tuple[int, list[syntax.SyntaxNode]]:
        """The longest run of free words from `start` that is a long form, with its acronyms."""
        ends, texts = [], []
        i = start
        while i < len(nodes) and len(texts) < MAX_RUN:
            if isinstance(nodes[i], syntax.Whitespace):
                i += 1
                continue
            if type(nodes[i]) is not syntax.WordNode or not _unfielded(nodes[i]) or \
                    _bound(nodes, i):
                break
            texts.append(nodes[i].text)
            ends.append(i + 1)
            i += 1
        # (a run opens and closes with a word of its own: "the CAMHS services in" is no term)
        if not _neutral(_neighbour(nodes, start, -1)) or not texts \
                or texts[0].lower() in STOP_WORDS:
            return start, []
        for count in range(len(texts), 1, -1):
            if not _neutral(_neighbour(nodes, ends[count - 1] - 1, 1)) \
                    or texts[count - 1].lower() in STOP_WORDS:
                continue
            typed = " ".join(texts[:count])
            acronyms = self.glossary.acronyms(typed, self.councils)
            if acronyms:
                self.expansions.append(Expansion(typed, tuple(acronyms)))
                return ends[count - 1], [_word_or_phrase(acronym) for acronym in acronyms]
        return start, []


def _word_or_phrase(text: str) -> syntax.SyntaxNode:
    """An alternative as a node: one word, or a phrase of several (a synonym's)."""
    return PhrasePlugin.PhraseNode(text, 0) if " " in text else syntax.WordNode(text)


def _unfielded(node: syntax.SyntaxNode) -> bool:
    """A plain word or quoted phrase without a field name."""
    return (type(node) is syntax.WordNode or isinstance(node, PhrasePlugin.PhraseNode)) \
        and not node.fieldname


def _bound(nodes: list[syntax.SyntaxNode], i: int) -> bool:
    """Whether a boost (^2) or fuzziness (~) written after the word applies to it."""
    after = _neighbour(nodes, i, 1)
    return isinstance(after, (BoostPlugin.BoostNode, FuzzyTermPlugin.FuzzinessNode))


def _neighbour(nodes: list[syntax.SyntaxNode], i: int, step: int) -> syntax.SyntaxNode | None:
    i += step
    while 0 <= i < len(nodes) and isinstance(nodes[i], syntax.Whitespace):
        i += step
    return nodes[i] if 0 <= i < len(nodes) else None


def _neutral(node: syntax.SyntaxNode | None) -> bool:
    """Whether a node next to a run of words leaves the run's grouping alone (no operator)."""
    return node is None or type(node) is syntax.WordNode or isinstance(
        node, (PhrasePlugin.PhraseNode, syntax.GroupNode))


def _place(nodes: list[syntax.SyntaxNode], startchar: int, endchar: int) -> None:
    """Give added nodes the place of the words they stand for, as Whoosh's queries expect."""
    for node in nodes:
        node.startchar, node.endchar = startchar, endchar


def _boosted(alternatives: list[syntax.SyntaxNode]) -> syntax.GroupNode:
    return syntax.OrGroup(alternatives, boost=EXPANSION_BOOST)
