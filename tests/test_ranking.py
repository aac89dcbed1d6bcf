"""The bulk ranking gives Whoosh's own ranking: the same hits, scores and order, on a real index
of generated minutes in several segments with deleted passages. Searches here include routine
items, as Whoosh's own search of the same query does (test_routine.py tests leaving them out)."""
import datetime as dt

import numpy as np
import pytest
from whoosh import sorting
from whoosh.query import And, AndNot, DateRange, DefaultOr, Or, Query, Term
from whoosh.reading import SegmentReader
from whoosh.searching import Results

from search_service import grouping
from search_service.engine import caches, context, posting_cache, ranking
from search_service.engine.caches import caches_of
from search_service.engine.queries import PASSAGES, parse_query
from search_service.engine.query_parser import coordinated_part
from search_service.engine.reading import SearcherWords
from search_service.engine.store import open_index
from search_service.pipeline.indexing import index_paths
from search_service.search import (FACET_VALUES, SIMILAR_CANDIDATES, SearchRequest, expand_query,
                                   get_passage, search_passages, similar_passages, similar_query)
from search_service.similarity import SIMILAR_ENOUGH
from tests.support.generate import write_corpus
from tests.support.queries import phrases, vocabulary

COMMON, MIDDLING = vocabulary()[0], vocabulary()[150]
PHRASE = phrases()[0]
QUERIES = [
    COMMON, MIDDLING, f"{COMMON} {MIDDLING}", f"{COMMON} OR {MIDDLING}", f"{COMMON} -{MIDDLING}",
    f"NOT {MIDDLING}", f'"{PHRASE}"', f'"{PHRASE}" OR {MIDDLING}', '"chief executive director"',
    '"following points were"',
    f"{COMMON} ANDMAYBE {MIDDLING}", f"q:{COMMON}", "title:report^2", f"{COMMON}^0.5 budget",
    "re*", "hous*", f"hous* -{COMMON}", "budget (report OR plan) -housing", "council~",
    "item_description:budget", "kind:qa", "zzzunknownword", "",
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    """A generated corpus indexed in small commits (several segments), then 5% of its pages
    rewritten (deleted passages)."""
    base = tmp_path_factory.mktemp("ranking")
    write_corpus(base / "corpus", 1500)
    write_corpus(base / "changed", 1500, changed=0.05)
    for corpus in ("corpus", "changed"):
        report = index_paths(base / "index", [str(base / corpus)], commit_every=25)
        assert not report.errors
    with open_index(base / "index").searcher() as searcher:
        assert len(searcher.leaf_searchers()) > 2 and searcher.reader().has_deletions()
        yield searcher


def everything(**options) -> SearchRequest:
    """A search request that includes routine items, as Whoosh's own search does."""
    return SearchRequest(include_routine=True, **options)


def searched(searcher, text: str) -> Query:
    """The query search_passages runs for the text (acronyms expanded)."""
    return expand_query(searcher, everything(query=text), parse_query(searcher, text))[0]


def whoosh_hits(searcher, query: Query) -> Results:
    """Whoosh's own ranking of every passage matching the query.

    limit=None scores every match: a limited search skips posting blocks it judges unable to
    reach the top, and for AndNot and AndMaybe it misjudges (it drops hits that rank higher than
    the ones it returns). Whoosh's AndNot matcher also keeps a few documents of the excluded
    words (the first of a posting list); the mask removes them, as the bulk matching does.
    """
    return searcher.search(query, limit=None, filter=PASSAGES,
                           mask=query.b if isinstance(query, AndNot) else None)


def whoosh_ranking(searcher, query: Query) -> list[tuple[str, float]]:
    """(id, score) of Whoosh's ranking of every passage matching the query, as a search lists
    them: plain words combined by coordination from Whoosh's scores of each, and at most
    grouping.PER_ITEM passages of one agenda item."""
    plain = coordinated_part(query)
    if plain is None:
        ranked = [(hit.docnum, hit.score or 0.0) for hit in whoosh_hits(searcher, query)]
        if query != PASSAGES and ranked_in_bulk(searcher, query):
            ranked = sorted(with_previous_passage(searcher, dict(ranked)).items(),
                            key=lambda pair: (-pair[1], pair[0]))
    else:
        assert plain is query, "the test's queries have plain words alone or none"
        concepts = [{hit.docnum: hit.score for hit in whoosh_hits(searcher, sub)}
                    for sub in plain.subqueries]
        weights = ranking.concept_weights(plain, searcher)
        docs = sorted(set().union(*concepts))
        bm25 = np.array([sum(found.get(doc, 0.0) for found in concepts) for doc in docs])
        held = np.array([sum(weight for found, weight in zip(concepts, weights) if doc in found)
                         for doc in docs])
        scores = ranking.coordinate(bm25, held / sum(weights)) * plain.boost
        scores = with_previous_passage(searcher, dict(zip(docs, scores.tolist())))
        ranked = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
    listed = [(docnum, round(score, 6)) for docnum, score in ranked]
    return grouped(searcher, listed) if query != PASSAGES else [
        (searcher.stored_fields(docnum)["id"], score) for docnum, score in listed]


def ranked_in_bulk(searcher, query: Query) -> bool:
    """Whether ranking.py scores the query (else Whoosh's own search ranks it)."""
    try:
        ranking.score_query(searcher, query)
    except ranking.Unranked:
        return False
    return True


def with_previous_passage(searcher, scores: dict[int, float]) -> dict[int, float]:
    """Each score raised by context.PREVIOUS_SHARE of the score of the passage written just
    before it, of the same agenda item at the position before, where that one matches too."""
    def before(docnum: int) -> int | None:
        if docnum == 0 or docnum - 1 not in scores:
            return None
        this, that = searcher.stored_fields(docnum), searcher.stored_fields(docnum - 1)
        same = that.get("item_key") == this["item_key"] \
            and that.get("position") == this["position"] - 1
        return docnum - 1 if same else None

    return {docnum: score + context.PREVIOUS_SHARE * scores[previous]
            if (previous := before(docnum)) is not None else score
            for docnum, score in scores.items()}


def grouped(searcher, ranked: list[tuple[int, float]]) -> list[tuple[str, float]]:
    """(id, key) of the ranked documents, at most grouping.PER_ITEM of one agenda item."""
    shown: dict[str, int] = {}
    listed = []
    for docnum, key in ranked:
        fields = searcher.stored_fields(docnum)
        shown[fields["item_key"]] = shown.get(fields["item_key"], 0) + 1
        if shown[fields["item_key"]] <= grouping.PER_ITEM:
            listed.append((fields["id"], key))
    return listed


def our_ranking(searcher, text: str, page: int, size: int, sort: str = "relevance"
                ) -> list[tuple[str, float]]:
    results = search_passages(searcher, everything(query=text, page=page, page_size=size,
                                                      sort=sort, facets=False))
    return [(hit.passage.id, round(hit.score, 6)) for hit in results.hits]


@pytest.mark.parametrize("text", QUERIES)
def test_the_pages_of_hits_are_whooshs_ranking(searcher, text):
    expected = whoosh_ranking(searcher, searched(searcher, text))
    assert expected or text == "zzzunknownword"
    assert our_ranking(searcher, text, 1, 100) == expected[:100]
    assert our_ranking(searcher, text, 3, 7) == expected[14:21]


@pytest.mark.parametrize("text", [text for text in QUERIES if text])
def test_every_match_scores_as_in_whoosh(searcher, text):
    query = searched(searcher, text)
    expected = {hit.docnum: round(hit.score, 6) for hit in whoosh_hits(searcher, query)}
    got = {}
    for (leaf, offset), scored in zip(searcher.leaf_searchers(),
                                      ranking.score_query(searcher, query)):
        passages = leaf.reader()
        for doc, score in zip(scored.docs.tolist(), scored.scores.tolist()):
            if not passages.is_deleted(doc) and offset + doc in expected:
                got[offset + doc] = round(score, 6)
    assert got == expected


def as_unions_by_size(query: Query) -> Query:
    """The query with every Or made a tree of unions, as Whoosh builds it in segments of over
    5,000 documents (smaller ones sum an array of scores instead)."""
    if type(query) is Or:
        return DefaultOr([as_unions_by_size(sub) for sub in query.subqueries], boost=query.boost)
    return query if query.is_leaf() else query.apply(as_unions_by_size)


@pytest.mark.parametrize("text", [f"{COMMON} OR {MIDDLING} OR budget", "re*",
                                  f"{COMMON} {MIDDLING}"])
def test_unions_by_size_add_scores_in_whooshs_order(searcher, text):
    query = as_unions_by_size(searched(searcher, text))
    expected = [(hit.docnum, hit.score) for hit in searcher.search(query, limit=None,
                                                                   filter=PASSAGES)]
    got = {}
    for (_, offset), scored in zip(searcher.leaf_searchers(),
                                   ranking.score_query(searcher, query)):
        got.update((offset + doc, score) for doc, score in zip(scored.docs.tolist(),
                                                               scored.scores.tolist()))
    assert [(doc, got[doc]) for doc, _ in expected] == expected  # the very same floats


@pytest.mark.parametrize("sort, reverse", [("newest", True), ("oldest", False)])
@pytest.mark.parametrize("text", [COMMON, f'"{PHRASE}"', ""])
def test_date_orders_are_whooshs(searcher, text, sort, reverse):
    missing = searcher.schema["meeting_date"].default
    by_date = sorting.FieldFacet("meeting_date")
    if reverse:
        by_date = sorting.TranslateFacet(lambda value: 0 if value == missing else value, by_date)
    found = searcher.search(searched(searcher, text), limit=None, filter=PASSAGES,
                            sortedby=by_date, reverse=reverse)
    ranked = [(hit.docnum, float(hit.score)) for hit in found]
    expected = grouped(searcher, ranked) if text else [(hit["id"], key) for hit, (_, key)
                                                        in zip(found, ranked)]
    assert our_ranking(searcher, text, 1, 60, sort) == expected[:60]
    assert our_ranking(searcher, text, 4, 9, sort) == expected[27:36]


@pytest.mark.parametrize("text", ["meeting_date:[2010 to 2020]",
                                  f"{COMMON} meeting_date:[2010 to 2015]"])
def test_queries_the_bulk_ranking_leaves_to_whoosh_rank_as_before(searcher, text):
    query = searched(searcher, text)
    with pytest.raises(ranking.Unranked):
        ranking.score_query(searcher, query)
    expected = [(hit["id"], round(hit.score or 0.0, 6))
                for hit in searcher.search(query, limit=10, filter=PASSAGES)]
    assert expected and our_ranking(searcher, text, 1, 10) == expected


def test_a_phrase_matches_its_words_in_order_only(searcher):
    first, second = PHRASE.split()
    forward = search_passages(searcher, everything(query=f'"{first} {second}"'))
    backward = search_passages(searcher, everything(query=f'"{second} {first}"'))
    both = search_passages(searcher, everything(query=f"{first} {second}"))
    assert 0 < forward.total < both.total
    assert backward.total < forward.total
    for hit in forward.hits:
        assert "<mark" in hit.highlights.get("text", "") + hit.highlights.get("item_title", "")


@pytest.mark.slow
def test_posting_lists_kept_in_the_cache_rank_as_read_from_disk(searcher, monkeypatch):
    # Every list kept (the real threshold keeps only lists longer than a small index has).
    monkeypatch.setattr(posting_cache, "FROM_POSTINGS", 1)
    monkeypatch.setattr(caches_of(searcher), "postings", posting_cache.PostingCache(lambda: 2**30))
    cold = {text: our_ranking(searcher, text, 1, 50) for text in QUERIES}
    assert caches_of(searcher).postings.bytes > 0
    for text in QUERIES:
        assert our_ranking(searcher, text, 1, 50) == cold[text] == \
            whoosh_ranking(searcher, searched(searcher, text))[:50]


def test_the_posting_cache_keeps_within_its_budget_dropping_the_least_recent():
    cache = posting_cache.PostingCache(lambda: 3 * 8 * posting_cache.FROM_POSTINGS)
    docs, weights = np.arange(posting_cache.FROM_POSTINGS), np.ones(posting_cache.FROM_POSTINGS)
    for word in (b"a", b"b", b"c"):
        cache.put(("seg", "text", word), docs, weights)
    cache.get(("seg", "text", b"a"))  # now the most recent
    cache.put(("seg", "text", b"d"), docs, weights)
    assert cache.get(("seg", "text", b"b")) is None
    kept = cache.get(("seg", "text", b"a"))
    assert kept is not None and (kept[0] == docs).all() and (kept[1] == weights).all()
    assert cache.bytes <= 3 * 8 * posting_cache.FROM_POSTINGS
    cache.put(("seg", "text", b"short"), docs[:10], weights[:10])
    assert cache.get(("seg", "text", b"short")) is None


def test_facets_list_the_most_frequent_values_and_every_chosen_one(searcher):
    listed_values = search_passages(searcher, everything(query=COMMON)).facets["item"]
    assert len(listed_values) == FACET_VALUES
    counts = [count for _, count in listed_values]
    assert counts == sorted(counts, reverse=True)
    # A value beyond the first hundred, counted over every segment, when chosen.
    listed = {value for value, _ in listed_values}
    beyond = ((title.decode(), len(searcher.search(And([
        searched(searcher, COMMON), PASSAGES, Term("item_title_key", title)]), limit=None)))
        for title in searcher.lexicon("item_title_key") if title.decode() not in listed)
    rare, expected = next((title, count) for title, count in beyond if count)
    request = everything(query=COMMON, filters={"item": [rare]})
    assert dict(search_passages(searcher, request).facets["item"])[rare] == expected


@pytest.mark.parametrize("text", ["date:[2010 TO 2012]", "date:{20100105 TO 20120301}",
                                  "date:[2015 TO]", "date:[TO 2008]", "year:[2008 TO 2011]",
                                  "year:{2008 TO 2011}", f"{COMMON} date:[2019 TO 2020]"])
def test_ranges_read_from_the_column_match_whooshs_range_terms(searcher, text):
    query = searched(searcher, text)
    expected = {hit["id"] for hit in searcher.search(And([query, PASSAGES]), limit=None)}
    found = search_passages(searcher, everything(query=text, page_size=100))
    assert found.total == len(expected) > 0
    assert {hit.passage.id for hit in found.hits} <= expected


def test_a_date_filter_keeps_the_passages_of_meetings_within_it(searcher):
    request = everything(query=COMMON, date_from=dt.date(2011, 3, 1),
                            date_to=dt.date(2013, 2, 28), page_size=100)
    found = search_passages(searcher, request)
    within = DateRange("meeting_date", dt.datetime(2011, 3, 1), dt.datetime(2013, 2, 28, 23, 59))
    expected = searcher.search(And([searched(searcher, COMMON), PASSAGES, within]), limit=None)
    assert found.total == len(expected) > 0
    assert all(dt.date(2011, 3, 1) <= hit.passage.meeting.date <= dt.date(2013, 2, 28)
               for hit in found.hits)


def test_searches_read_no_column_again_while_the_index_has_no_more_segments_than_are_kept(
        searcher, monkeypatch):
    # Each segment has a dozen and more cached arrays (facet columns, field lengths, masks):
    # the cache keeps whole segments, so an index of CACHED_SEGMENTS segments never re-reads.
    monkeypatch.setattr(caches, "CACHED_SEGMENTS", len(searcher.leaf_searchers()) + 1)
    queries = [COMMON, MIDDLING, f'"{PHRASE}"', f"{COMMON} date:[2010 TO 2015]"]
    for text in queries:
        search_passages(searcher, everything(query=text, sort="newest"))
        search_passages(searcher, everything(query=text))
    reads = []
    column_reader = SegmentReader.column_reader
    monkeypatch.setattr(SegmentReader, "column_reader", lambda reader, name, *args, **kwargs:
                        reads.append(name) or column_reader(reader, name, *args, **kwargs))
    for text in queries:
        search_passages(searcher, everything(query=text, sort="newest"))
        search_passages(searcher, everything(query=text))
    assert reads == []


def test_similar_passages_are_whooshs_best_matches_of_the_key_words_kept_by_likeness(searcher):
    passages = [hit["id"] for hit in searcher.search(Term("kind", "qa"), limit=3)] + \
        [hit["id"] for hit in searcher.search(Term("kind", "statement"), limit=3)]
    for passage_id in passages:
        query, same_kind, excluded = similar_query(SearcherWords(searcher),
                                                   get_passage(searcher, passage_id))
        per_item: dict[str, int] = {}
        best = []  # Whoosh's ranking, at most grouping.PER_ITEM passages of one agenda item
        for hit in searcher.search(query, limit=None, filter=same_kind, mask=excluded):
            per_item[hit["item_key"]] = per_item.get(hit["item_key"], 0) + 1
            if per_item[hit["item_key"]] <= grouping.PER_ITEM:
                best.append(hit["id"])
        candidates = similar_passages(searcher, passage_id, limit=SIMILAR_CANDIDATES,
                                      at_least=0.0)
        assert {hit.passage.id for hit in candidates} == set(best[:SIMILAR_CANDIDATES])
        scores = [hit.score for hit in candidates]
        assert scores == sorted(scores, reverse=True), "most alike first"
        shown = similar_passages(searcher, passage_id)
        assert [hit.passage.id for hit in shown] == [hit.passage.id for hit in candidates
                                             if hit.score >= SIMILAR_ENOUGH][:5]
