"""Searches of a Xapian passage index: the query parsed by the service's own parser
(query_parser.py, so both engines read a query alike), turned into a Xapian query, ranked by
BM25 (Enquire), with facet counts by ValueCountMatchSpy and the page's passages read back. A
passage published at two addresses is found once, as its first copy (the writer marks the later
ones, store.py), and its hit lists the other copies' addresses.

Up to EXACT_UP_TO matches (every shard's), the total and the facet counts are exact: Xapian's
`checkatleast` makes the match look at every one. Beyond, as Elasticsearch's `track_total_hits`
and web search engines do, the match stops after about that many (in document order) and the
total is Xapian's estimate, the facet counts the spies' counts of the matches seen scaled up to it
(Xapian's documented way); the results say so (`estimated`). Each facet's spy reads a value of
each match it sees: at 1M passages a common word's exact counts took seconds. A grouped or
sorted page is fetched in a pass of its own, counted uncollapsed and unsorted: over remote shards
a collapsed match's bounds are wrong, and with a sort ValueCountMatchSpy over-counts by about a
page.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice

import xapian
from whoosh import query as wq

from ...model import Passage
from .. import query_parser
from ..queries import QueryError, filter_query
from ..ranking import COORDINATION_STEP
from ..schema import FACET_COLUMNS, ROUTINE
from . import layout

# The value slot each facet counts: a single-valued column's, or the slot where a column of
# several values a passage (topics, people) holds them joined.
FACET_SLOTS = {name: layout.VALUE_SLOTS.get(column, layout.LIST_SLOTS.get(column))
               for name, column in FACET_COLUMNS.items()
               if column in layout.VALUE_SLOTS or column in layout.LIST_SLOTS}
SLOT_FACETS = {name: FACET_COLUMNS[name] for name in FACET_SLOTS}
SORTS = ("relevance", "newest", "oldest")
# Words a prefix (`refer*`) may match.
MAX_EXPANSIONS = 1000
# Matches counted exactly; beyond, the total and facet counts are estimates. (A match asked
# for no passage at all looks at every one whatever `checkatleast` says: ask for one at least.)
EXACT_UP_TO = 10_000
# (terms, not xapian.Query objects: a Query is reference-counted without a lock, and the web
# server's threads building queries from one shared Query crash the process)
_ROUTINE = layout.boolean_term("routine", ROUTINE)


@dataclass
class XapianHit:
    """One passage of a page, its score (0 when sorted by date), when grouped by item how many
    more passages of its item were found but not listed, and the addresses of its other copies
    (none when it has none)."""

    passage: Passage
    score: float
    more_in_item: int = 0
    copies: tuple[str, ...] = ()


@dataclass
class XapianResults:
    """A page of hits, the total, the hits that can be listed (fewer when grouped by item) and
    the facet counts (value, count; most first)."""

    total: int
    hits: list[XapianHit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    listed: int = 0
    # Passages of routine items the words matched, left out (before the filters).
    routine_left_out: int = 0
    # The total, listed and facet counts are estimates (more than EXACT_UP_TO matches).
    estimated: bool = False


def search(database: xapian.Database, text: str | wq.Query | None, filters: dict[str, list[str]] | None = None,
           *, date_from: dt.date | None = None, date_to: dt.date | None = None,
           include_routine: bool = False, sort: str = "relevance", first: int = 0,
           size: int = 10, facets: Sequence[str] = tuple(SLOT_FACETS), per_item: int = 0,
           facet_values: int | None = None, exact_up_to: int = EXACT_UP_TO) -> XapianResults:
    """One page of the passages matching `text` within `filters` (OR within a facet, AND
    across), with the total and each facet's counts (the first `facet_values` of each, and its
    chosen ones; all when None); a facet with chosen values is counted under every filter but
    its own, as on the Whoosh engine. With `per_item`, at most that many passages of an agenda
    item are listed (Xapian's collapse key on the item slot). `text` may come parsed already
    (with its acronyms expanded). Beyond `exact_up_to` matches the counts are estimates."""
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}")
    unknown = set(facets) - set(SLOT_FACETS)
    if unknown:
        raise QueryError(f"the Xapian engine does not count {', '.join(sorted(unknown))} yet")
    filters = filters or {}
    words = parse(text)
    limited = _passages(words, include_routine)

    def within(without: str | None = None) -> xapian.Query:
        chosen = filter_query(filters, date_from, date_to, without)
        return limited if chosen is None else xapian.Query(
            xapian.Query.OP_FILTER, limited, translate(chosen))

    found = within()
    # A grouped or sorted page is fetched in a pass of its own: over remote shards a collapsed
    # match's bounds are wrong (the total), and with a sort the spies over-count.
    own_pass = sort != "relevance" or per_item > 0
    enquire = _enquire(database, found)
    counted = [name for name in facets if not filters.get(name)]
    spies = {name: xapian.ValueCountMatchSpy(FACET_SLOTS[name]) for name in counted}
    items = xapian.ValueCountMatchSpy(layout.VALUE_SLOTS["item_key"])
    for spy in [*spies.values(), *([items] if per_item else [])]:
        enquire.add_matchspy(spy)
    mset = enquire.get_mset(0 if own_pass else first, 1 if own_pass else size, exact_up_to + 1)
    tally = _Tally.of(mset, exact_up_to, items if per_item else next(iter(spies.values()), None))
    counts = {name: tally.scaled(_counts(spy, name, facet_values)) for name, spy in spies.items()}
    estimated = not tally.exact
    for name in facets:
        if name not in counts:  # chosen values: counted without the facet's own filter
            counts[name], rough = count_facet(database, within(without=name), name,
                                              filters[name], facet_values, exact_up_to)
            estimated |= rough
    if own_pass:
        mset = _page(database, found, sort, per_item).get_mset(first, size)
    # Passages found per item, counted by a spy: MSetItem.collapse_count is 0 over remote
    # shards. Beyond the exact count the spy saw some items only: the listed passages are its
    # items' scaled up, and the page's items are counted apart.
    found_in_item = _summed(items) if per_item else {}
    listed = tally.total
    if per_item:
        listed = min(tally.total, tally.scale(sum(min(count, per_item)
                                                   for count in found_in_item.values())))
        if not tally.exact:
            found_in_item = _item_counts(database, found, {_item(match) for match in mset})
    hits = []
    for match in mset:
        passage = layout.document_passage(match.document)
        hits.append(XapianHit(passage, match.weight if sort == "relevance" else 0.0,
                              max(found_in_item.get(_item(match), 0) - per_item, 0),
                              copy_urls(database, layout.text_key_term(match.document),
                                        passage.id)))
    routine = 0
    if not include_routine:
        routine, rough = _count(database, xapian.Query(
            xapian.Query.OP_FILTER, _passages(words, True), xapian.Query(_ROUTINE)), exact_up_to)
        estimated |= rough
    return XapianResults(total=tally.total, hits=hits,
                         facets={name: counts[name] for name in facets}, listed=listed,
                         routine_left_out=routine, estimated=estimated)


@dataclass(frozen=True)
class _Tally:
    """What a match counted: the total (an estimate beyond the exact count), the matches the
    spies saw, and whether they saw every match."""

    total: int
    seen: int
    exact: bool

    @classmethod
    def of(cls, mset: xapian.MSet, exact_up_to: int, spy: xapian.MatchSpy | None) -> _Tally:
        """The tally of an uncollapsed match asked to look at `exact_up_to` + 1 matches at
        least, as one of its spies (any: they all see the same matches) saw it."""
        if spy is None:  # the bounds meet when every match was looked at
            known = mset.get_matches_lower_bound() == mset.get_matches_upper_bound()
            total = mset.get_matches_estimated()
            return cls(total if known else _rounded(total), total, known)
        seen = int(spy.get_total())
        if seen <= exact_up_to:
            return cls(seen, seen, True)
        return cls(_rounded(max(mset.get_matches_estimated(), seen)), seen, False)

    def scale(self, count: int) -> int:
        """A count among the matches seen, scaled up to the total."""
        return count if self.exact or not self.seen else round(count * self.total / self.seen)

    def scaled(self, counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """(value, count) pairs scaled up to the total (the order stays)."""
        return [(value, self.scale(count)) for value, count in counts]


def _rounded(estimate: int) -> int:
    """An estimate to two significant figures: its other digits mean nothing."""
    return round(estimate, 2 - len(str(estimate))) if estimate >= 100 else estimate


def _count(database: xapian.Database, query: xapian.Query, exact_up_to: int) -> tuple[int, bool]:
    """The number of documents matching `query` and whether it is an estimate."""
    tally = _Tally.of(_enquire(database, query).get_mset(0, 1, exact_up_to + 1), exact_up_to,
                      None)
    return tally.total, not tally.exact


def _item_counts(database: xapian.Database, found: xapian.Query, keys: set[str]
                 ) -> dict[str, int]:
    """The passages `found` in each of these items (by item key), counted exactly."""
    return {key: _count(database, xapian.Query(
        xapian.Query.OP_FILTER, found, xapian.Query(layout.boolean_term("item_key", key))),
        database.get_doccount())[0] for key in keys}


def copy_urls(database: xapian.Database, copies_term: str | None, passage_id: str
              ) -> tuple[str, ...]:
    """The addresses of the other copies of a passage (its text key's term), in the order
    indexed; none when it has none. A passage's copies share its council, so its shard."""
    if copies_term is None or database.get_termfreq(copies_term) < 2:
        return ()
    others = (layout.document_fields(database.get_document(posting.docid))
              for posting in database.postlist(copies_term))
    return tuple(fields["url"] for fields in others
                 if fields["id"] != passage_id and fields.get("url"))


def _item(match: xapian.MSetItem) -> str:
    """The item key of a hit, as the item spy counts it."""
    return match.document.get_value(layout.VALUE_SLOTS["item_key"]).decode("utf-8")


def _page(database: xapian.Database, found: xapian.Query, sort: str,
          per_item: int) -> xapian.Enquire:
    """The enquire of a sorted or grouped page (at most `per_item` passages of an item)."""
    enquire = _enquire(database, found)
    if sort != "relevance":
        # Undated passages last either way, as on Whoosh: the date slot sorted down (an empty
        # value last) or the slot where they are the latest date sorted up.
        slot = layout.VALUE_SLOTS["meeting_date"] if sort == "newest" else layout.OLDEST_SLOT
        enquire.set_sort_by_value_then_relevance(slot, sort == "newest")
    if per_item:
        enquire.set_collapse_key(layout.VALUE_SLOTS["item_key"], per_item)
    return enquire


def count_facet(database: xapian.Database, found: xapian.Query, name: str,
                always: Sequence[str] = (), limit: int | None = None,
                exact_up_to: int = EXACT_UP_TO) -> tuple[list[tuple[str, int]], bool]:
    """(value, count) of one facet among the passages `found`: the first `limit` (all when
    None), those of `always` beyond them, and those of `always` not found with 0; and whether
    the counts are estimates (more than `exact_up_to` passages found)."""
    enquire = _enquire(database, found)
    spy = xapian.ValueCountMatchSpy(FACET_SLOTS[name])
    enquire.add_matchspy(spy)
    tally = _Tally.of(enquire.get_mset(0, 1, exact_up_to + 1), exact_up_to, spy)
    counts = tally.scaled(_counts(spy, name))
    shown = counts if limit is None else counts[:limit] + [
        pair for pair in counts[limit:] if pair[0] in always]
    known = {value for value, _ in counts}
    zeros = [(value, 0) for value in always if value and value not in known]
    return shown + zeros, not tally.exact


def _enquire(database: xapian.Database, query: xapian.Query) -> xapian.Enquire:
    enquire = xapian.Enquire(database)
    enquire.set_query(query)
    return enquire


def _counts(spy: xapian.ValueCountMatchSpy, name: str, limit: int | None = None
            ) -> list[tuple[str, int]]:
    """A facet's counts by its spy, most frequent first, then by value (the Whoosh engine's
    order and Xapian's): the first `limit`, all when None. A facet of several values a passage
    is counted by combination: each is split and its values summed."""
    if FACET_COLUMNS[name] not in layout.LIST_SLOTS:
        if limit is not None:  # Xapian picks them, in C++
            return [(item.term.decode("utf-8"), item.termfreq) for item in spy.top_values(limit)]
        return _ordered(_summed(spy))
    counts: dict[str, int] = {}
    for joined, count in _summed(spy).items():
        for value in joined.split(layout.LIST_SEPARATOR):
            if value:
                counts[value] = counts.get(value, 0) + count
    return _ordered(counts)[:limit]


def _ordered(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(value, count) pairs, most frequent first, then by value."""
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def _summed(spy: xapian.ValueCountMatchSpy) -> dict[str, int]:
    """A spy's counts by value."""
    return {item.term.decode("utf-8"): item.termfreq for item in spy.values()}


def _passages(words: xapian.Query | None, include_routine: bool) -> xapian.Query:
    """The query's passages (every passage for no words), later copies left out (a passage
    published at two addresses is found once, as its first copy), routine business left out
    unless asked for: the source records never match."""
    passages = xapian.Query(xapian.Query.OP_AND_NOT, xapian.Query(layout.PASSAGE_TERM),
                            xapian.Query(layout.LATER_COPY_TERM))
    query = passages if words is None else xapian.Query(xapian.Query.OP_FILTER, words, passages)
    if include_routine:
        return query
    return xapian.Query(xapian.Query.OP_AND_NOT, query, xapian.Query(_ROUTINE))


def parse(text: str | wq.Query | None) -> xapian.Query | None:
    """The user's words (or their parsed query) as a Xapian query; None for no words (every
    passage)."""
    parsed = parse_words(text) if isinstance(text, str) else text
    return None if parsed is None else translate(parsed)


def parse_words(text: str) -> wq.Query | None:
    """The user's words parsed by the service's parser (query_parser.py); None for no words."""
    if not text.strip():
        return None
    try:
        return query_parser.parse(layout.SCHEMA, text)
    except Exception as exc:  # the parser raises assorted errors on odd syntax
        raise QueryError(f"cannot understand the query {text!r}: {exc}") from None


def with_wildcards_listed(database: xapian.Database, query: wq.Query | None
                          ) -> wq.Query | None:
    """The parsed query with each wildcard (`wom?n`, `colo*r`: Xapian 1.4 expands a trailing
    `*` only) as the indexed words it matches, at most MAX_EXPANSIONS, as Whoosh's Wildcard
    reads them from its lexicon; none matching is a query matching nothing."""

    def listed(part: wq.Query) -> wq.Query:
        if not isinstance(part, wq.Wildcard):
            return part
        prefix = _text_prefix(part.fieldname)
        start = re.split(r"[*?]", part.text, maxsplit=1)[0]
        pattern = re.compile("".join(".*" if char == "*" else "." if char == "?"
                                     else re.escape(char) for char in part.text))
        found = (item.term.decode("utf-8")[len(prefix):]
                 for item in database.allterms(prefix + start))
        words = list(islice((word for word in found  # (another field's terms start upper-case)
                             if not word[:1].isupper() and pattern.fullmatch(word)),
                            MAX_EXPANSIONS))
        if not words:
            return wq.NullQuery
        return wq.Or([wq.Term(part.fieldname, word) for word in words], boost=part.boost)

    return None if query is None else query.accept(listed)


def translate(query: wq.Query) -> xapian.Query:
    """A parsed (Whoosh) query as the Xapian query that matches the same passages."""
    found = _translated(query)
    boost = getattr(query, "boost", 1.0)
    if boost != 1.0 and not isinstance(query, query_parser.Coordinated):
        found = xapian.Query(xapian.Query.OP_SCALE_WEIGHT, found, boost)
    return found


def _translated(query: wq.Query) -> xapian.Query:
    op = xapian.Query
    if query is wq.NullQuery:
        return op()
    if isinstance(query, query_parser.Coordinated):
        return _coordinated([translate(sub) for sub in query.subqueries], query.boost)
    if isinstance(query, wq.Term):
        return op(_term(query.fieldname, query.text))
    if isinstance(query, wq.Phrase):
        prefix = _text_prefix(query.fieldname)
        return op(op.OP_PHRASE, [op(prefix + word) for word in query.words],
                  len(query.words) + query.slop - 1)
    if isinstance(query, wq.Prefix):
        return op(op.OP_WILDCARD, _text_prefix(query.fieldname) + query.text, MAX_EXPANSIONS,
                  op.WILDCARD_LIMIT_ERROR)
    if isinstance(query, wq.Every):
        return op.MatchAll
    if isinstance(query, wq.DateRange):
        start, end = query.startdate, query.enddate
        return op(op.OP_VALUE_RANGE, layout.VALUE_SLOTS["meeting_date"],
                  layout.date_value(start) if start else "",
                  layout.date_value(end) if end else "99999999")
    if isinstance(query, wq.AndNot):
        return op(op.OP_AND_NOT, translate(query.a), translate(query.b))
    if isinstance(query, wq.AndMaybe):
        return op(op.OP_AND_MAYBE, translate(query.a), translate(query.b))
    if isinstance(query, wq.Not):
        return op(op.OP_AND_NOT, op.MatchAll, translate(query.query))
    if isinstance(query, wq.And):
        return op(op.OP_AND, [translate(sub) for sub in query.subqueries])
    if isinstance(query, wq.Or):
        return op(op.OP_OR, [translate(sub) for sub in query.subqueries])
    raise QueryError(f"the Xapian engine cannot search {type(query).__name__} queries yet "
                     f"({query})")


def _coordinated(concepts: list[xapian.Query], boost: float) -> xapian.Query:
    """Plain words: passages holding every concept first (a fixed step, as ranking.coordinate
    gives), then by BM25. (The Whoosh engine also weighs a passage holding some of the concepts
    by the square of its share; not here yet.)"""
    op = xapian.Query
    ranked = op(op.OP_OR, concepts)
    if len(concepts) > 1:
        every = op(op.OP_AND, [op(op.OP_SCALE_WEIGHT, concept, 0) for concept in concepts])
        step = op(xapian.FixedWeightPostingSource(COORDINATION_STEP))
        ranked = op(op.OP_OR, [op(op.OP_AND, step, every), ranked])
    return ranked if boost == 1.0 else op(op.OP_SCALE_WEIGHT, ranked, boost)


def _term(field_name: str, text: object) -> str:
    if isinstance(text, bytes):  # a number as Whoosh encodes it (year:2021): the filter term
        text = layout.SCHEMA[field_name].from_bytes(text)
    if field_name in layout.TEXT_PREFIXES:
        return layout.TEXT_PREFIXES[field_name] + str(text)
    if field_name in layout.BOOLEAN_PREFIXES:
        return layout.boolean_term(field_name, text)
    raise QueryError(f"the Xapian engine does not index the field {field_name!r}")


def _text_prefix(field_name: str) -> str:
    if field_name not in layout.TEXT_PREFIXES:
        raise QueryError(f"the Xapian engine does not search words in {field_name!r}")
    return layout.TEXT_PREFIXES[field_name]


def missing_words(database: xapian.Database, query: wq.Query | None, ids: Sequence[str]
                  ) -> list[tuple[str, ...]]:
    """For each passage (by id), the plain words of the parsed `query` it does not hold, as
    typed: what hits.missing_words gives on Whoosh ("Missing: waiting"), one pass a word."""
    plain = None if query is None else query_parser.coordinated_part(query)
    if plain is None or not ids:
        return [()] * len(ids)
    page = xapian.Query(xapian.Query.OP_OR,
                        [xapian.Query(layout.boolean_term("id", one)) for one in ids])
    held = [_matching_ids(database, xapian.Query(xapian.Query.OP_FILTER, translate(concept),
                                                 page), len(ids))
            for concept in plain.subqueries]
    return [tuple(label for label, holding in zip(plain.labels, held) if one not in holding)
            for one in ids]


def _matching_ids(database: xapian.Database, query: xapian.Query, size: int) -> set[str]:
    """The passage ids among the first `size` matches of `query`."""
    return {layout.document_fields(match.document)["id"]
            for match in _enquire(database, query).get_mset(0, size)}
