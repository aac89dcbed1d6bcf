"""Search over a real on-disk index: spelling suggestions and bounds."""
import pytest

from search_service.indexer import index_paths
from search_service.search import QueryError, SearchRequest, search_passages, suggest
from search_service.store import open_index
from tests.test_cli import SEED


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("ix")
    index_paths(index_dir, [str(SEED)])
    with open_index(index_dir).searcher() as searcher:
        yield searcher


@pytest.mark.parametrize("query, expected", [
    ("informaton sharing", "information sharing"),
    ("safegaurding", "safeguarding"),
    ("chidren", "children"),
    ('speaker:chair "informaton sharing" OR trainning', 'speaker:chair "information sharing" OR training'),
    ("information sharing", None),   # known words
    ("referrals", None),
    ("the board and the panel", None),  # stop words and operators are not misspellings
    ("tax", None),                   # no indexed word within one edit of a short word
    ("", None),
])
def test_suggestions_are_whole_indexed_words(searcher, query, expected):
    assert suggest(searcher, query) == expected


def test_a_suggested_query_finds_what_the_misspelt_one_missed(searcher):
    misspelt = search_passages(searcher, SearchRequest(query="informaton sharing"))
    assert misspelt.total == 0
    fixed = search_passages(searcher, SearchRequest(query=misspelt.suggestion))
    assert fixed.total > 0


@pytest.mark.parametrize("request_, message", [
    (SearchRequest(query="x" * 501), "the limit is 500"),
    (SearchRequest(page=0), "page must be between"),
    (SearchRequest(page_size=1000), "page size must be between"),
    (SearchRequest(sort="random"), "sort must be one of"),
    (SearchRequest(filters={"colour": ["red"]}), "unknown filter colour"),
])
def test_out_of_bounds_requests_say_what_is_allowed(searcher, request_, message):
    with pytest.raises(QueryError, match=message):
        search_passages(searcher, request_)
