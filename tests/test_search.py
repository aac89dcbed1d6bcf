"""Search over a real on-disk index: spelling suggestions (on both engines), bounds, agenda
descriptions and answers."""
import dataclasses
import datetime as dt

import pytest

from search_service.cli import opened_reader
from search_service.engine.choice import choose_engine, store_module
from search_service.engine.store import PassageWriter, open_index
from search_service.model import AgendaItem, Meeting, Passage
from search_service.pipeline.indexing import index_paths
from search_service.search import (
    QueryError,
    SearchRequest,
    get_meeting,
    get_meetings,
    list_meetings,
)
from tests.support.engines import search, write_passages
from tests.support.minutes import SEED


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory, engine):
    """The seed on `engine`, read through the engine's Reader."""
    index_dir = tmp_path_factory.mktemp(f"ix-{engine}")
    index_paths(index_dir, [str(SEED)], engine=engine)
    return index_dir


@pytest.mark.parametrize("query, expected", [
    ("informaton sharing", "information sharing"),
    ("Informaton sharing", "Information sharing"),   # in the case typed
    ("Chiddren sharing", "Children sharing"),
    ("sharing with Chiddren", None),  # a name typed mid-search is not made a common word
    ("safegaurding", "safeguarding"),
    ("chidren", "children"),
    ('speaker:chair "informaton sharing" OR trainning', 'speaker:chair "information sharing" OR training'),
    ("information sharing", None),   # known words
    ("referrals", None),
    ("the board and the panel", None),  # stop words and operators are not misspellings
    ("tax", None),                   # no indexed word within one edit of a short word
    ("boar report", None),           # an English word the passages lack is no misspelling
    ("", None),
])
def test_suggestions_are_whole_indexed_words(index_dir, query, expected):
    assert search(index_dir, query=query).suggestion == expected


def test_a_suggested_query_finds_what_the_misspelt_one_missed(index_dir):
    misspelt = search(index_dir, query="informaton sharing")
    assert misspelt.hits[0].missing == ("informaton",)
    fixed = search(index_dir, query=misspelt.suggestion)
    assert fixed.hits[0].missing == () and "information sharing" in fixed.hits[0].passage.text


@pytest.mark.parametrize("request_, message", [
    (SearchRequest(query="x" * 501), "the limit is 500"),
    (SearchRequest(page=0), "page must be between"),
    (SearchRequest(page_size=1000), "page size must be between"),
    (SearchRequest(sort="random"), "sort must be one of"),
    (SearchRequest(filters={"colour": ["red"]}), "unknown filter colour"),
])
def test_out_of_bounds_requests_say_what_is_allowed(index_dir, request_, message):
    with opened_reader(index_dir) as reader, pytest.raises(QueryError, match=message):
        reader.search(request_)


MEETING = Meeting(council="Exampleshire", committee="Cabinet", date=dt.date(2021, 6, 1),
                  url="https://council.example/m1", identifier="m1")
LIBRARIES = AgendaItem(number="4", title="Libraries",
                       description="To consider the bookmobile timetable for rural villages.")
ITEM_PASSAGES = [
    Passage(id="p0", kind="statement", text="The Cabinet Member introduced the report.",
            meeting=MEETING, item=LIBRARIES, position=0),
    Passage(id="p1", kind="qa", text="Councillor Smith asked whether branches would close. "
            "The Cabinet Member replied that opening hours would be reviewed.",
            meeting=MEETING, item=LIBRARIES, position=1,
            question="whether branches would close",
            answer="opening hours would be reviewed"),
    Passage(id="p2", kind="decision", text="RESOLVED that the strategy be approved.",
            meeting=MEETING, item=LIBRARIES, position=2),
]


@pytest.fixture
def item_index(tmp_path, engine):
    return write_passages(tmp_path, engine, {"https://council.example/i4": ITEM_PASSAGES})


def test_an_agenda_description_finds_its_item_once_and_every_passage_shows_it(item_index):
    found = search(item_index, query="bookmobile")
    assert [hit.passage.id for hit in found.hits] == ["p0"]
    with opened_reader(item_index) as reader:
        assert reader.passage("p2").item.description == LIBRARIES.description


@pytest.mark.parametrize("engine", ["whoosh", "xapian"])
def test_a_retagged_passage_keeps_its_items_description_searchable(tmp_path, engine):
    store = store_module(choose_engine(tmp_path, engine))
    ix = store.open_index(tmp_path, create=True)
    for write in (lambda writer: writer.replace_source("https://council.example/i4", "h",
                                                       ITEM_PASSAGES, existed=False),
                  lambda writer: writer.replace_passages(
                      [dataclasses.replace(p, topics=("libraries",)) for p in ITEM_PASSAGES])):
        writer = store.PassageWriter(ix)
        write(writer)
        writer.commit()
    with opened_reader(tmp_path) as reader:
        found = reader.search(SearchRequest(query="bookmobile"))
        tagged = reader.search(SearchRequest(filters={"topic": ["libraries"]}))
    assert [hit.passage.id for hit in found.hits] == ["p0"]
    assert sorted(hit.passage.id for hit in tagged.hits) == ["p0", "p1", "p2"]
    assert found.hits[0].passage.item.description == LIBRARIES.description


def test_plain_words_in_an_answer_are_marked_in_the_answer(item_index):
    plain = search(item_index, query="opening hours")
    prefixed = search(item_index, query="answer:reviewed")
    assert [hit.passage.id for hit in plain.hits] == ["p1"]
    assert ">opening</mark> <mark" in plain.hits[0].highlights["answer"]
    assert [hit.passage.id for hit in prefixed.hits] == ["p1"]
    assert ">reviewed</mark>" in prefixed.hits[0].highlights["answer"]


def test_an_index_with_no_passages_yet_answers_with_no_hits(tmp_path, engine):
    # A run killed before its first commit leaves an index with no segment at all.
    results = search(write_passages(tmp_path, engine, {}), query="council")
    assert (results.total, results.hits) == (0, [])


def test_meeting_summaries_count_live_passages_across_segments(tmp_path):
    # Two agenda item pages of one meeting indexed in one commit, a third in another (two
    # segments), then the second page re-indexed with one passage fewer: its old passages are
    # deleted from the first segment, not counted.
    ix = open_index(tmp_path, create=True)
    pages = {}
    for number in "456":
        url = f"https://council.example/i{number}"
        item = dataclasses.replace(LIBRARIES, number=number, title=f"Item {number}")
        pages[url] = [dataclasses.replace(p, id=f"{number}-{n}", item=item, source_url=url)
                      for n, p in enumerate(ITEM_PASSAGES)]
    first, second, third = pages
    for batch in [[(first, pages[first], False), (second, pages[second], False)],
                  [(third, pages[third], False)],
                  [(second, pages[second][:2], True)]]:
        writer = PassageWriter(ix)
        for url, passages, existed in batch:
            writer.replace_source(url, url + str(len(passages)), passages, existed=existed)
        writer.commit()
    with ix.searcher() as searcher:
        assert len(searcher.leaf_searchers()) > 1 and searcher.reader().has_deletions()
        found = get_meetings(searcher, [MEETING.identifier, "no-such-meeting"])
        assert get_meeting(searcher, MEETING.identifier) == found[MEETING.identifier]
        assert list_meetings(searcher) == [found[MEETING.identifier]]
    summary = found[MEETING.identifier]
    assert summary.passages == 3 + 3 + 2
    assert (summary.committee, summary.first_item) == (MEETING.committee, "Item 4")
    assert found["no-such-meeting"] is None
