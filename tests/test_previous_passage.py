"""The passage before: a passage that holds few of the words searched ranks above one as good on
its own words when the passage just before it in its item, which sets out the matter, matches the
search too (engine/context.py). The minutes are written for the test."""
import datetime as dt

import pytest

from search_service.engine.store import open_index
from search_service.model import Document
from search_service.pipeline.indexing import index_documents
from search_service.search import SearchRequest, search_passages

DEBATE = """\
The Panel discussed the empty council homes on Mill Road and how long they took to relet.

The Head of Housing said that contractors were fitting new kitchens first.
"""
FOLLOWING = "The Head of Housing said that contractors were fitting new kitchens first."
ELSEWHERE = """\
The Committee noted that new kitchens were fitted in the sheltered scheme.
"""


def document(url: str, text: str, title: str) -> Document:
    return Document(source=url, url=url, text=text, council="Northshire District Council",
                    committee="Housing", meeting_date=dt.date(2024, 5, 9), item_title=title)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("previous-passage")
    report = index_documents(index_dir, [
        document("https://example.gov.uk/voids", DEBATE, "Housing performance"),
        document("https://example.gov.uk/kitchens", ELSEWHERE, "Sheltered housing")])
    assert not report.errors
    with open_index(index_dir).searcher() as searcher:
        yield searcher


def ranked(searcher, query: str) -> list[str]:
    results = search_passages(searcher, SearchRequest(query=query, facets=False,
                                                      group_by_item=False))
    return [hit.passage.text for hit in results.hits]


def test_a_passage_after_one_that_matches_ranks_above_one_as_good_alone(searcher):
    elsewhere = ELSEWHERE.strip()
    # On its own words the other passage is the better one: it is the shorter.
    assert ranked(searcher, "new kitchens") == [elsewhere, FOLLOWING]
    found = ranked(searcher, "empty homes relet new kitchens")
    assert found.index(FOLLOWING) < found.index(elsewhere)


def test_a_passage_holding_none_of_the_words_is_not_listed_for_the_one_before_it(searcher):
    assert ranked(searcher, "relet") == [DEBATE.split("\n\n")[0]]
