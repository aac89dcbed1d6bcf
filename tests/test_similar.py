"""'Asked before': a question's page lists questions on its subject from other meetings, and
says so when there are none, rather than questions sharing a word or two; on both engines."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import lxml.html
import pytest

from search_service.app import create_app
from search_service.cli import opened_reader
from search_service.engine.choice import choose_engine, engine_of, store_module
from search_service.engine.reading import SearcherWords
from search_service.engine.store import open_index
from search_service.engine.xapian_engine.reading import DatabaseWords
from search_service.engine.xapian_engine.store import open_index as open_xapian
from search_service.model import AgendaItem, Meeting, Passage
from search_service.search import Hit, similar_passages
from search_service.search_xapian import similar_xapian
from search_service.similarity import WordStatistics, similarities

ITEM = AgendaItem(number="7", title="Members' Questions")
# (id, question, answer): each asked at a meeting of its own.
QUESTIONS = [
    ("potholes", "Councillor Hilton asked what funding was available to repair the potholes on "
     "rural roads this winter.", "the Cabinet Member said the highways budget had been raised"),
    ("potholes-again", "Councillor Smith asked how much funding had been set aside for pothole "
     "repairs on rural roads.", "the Cabinet Member said £2m would repair the worst roads"),
    ("rough-sleepers", "Councillor Hilton asked what funding was available for rough sleepers "
     "this winter.", "the Cabinet Member said the night shelter would open in November"),
    ("recycling", "Councillor Jones asked what funding was available to raise recycling rates.",
     "the Cabinet Member said a food waste collection would start in April"),
    ("ofsted", "Councillor Brown asked what the Ofsted inspection had found in children's "
     "services.", "the Cabinet Member said the service had been judged good"),
]

# Minutes of another meeting, so that words common in minutes ("funding", "available",
# "winter") weigh as little as they do in a real index.
BACKGROUND = [
    "The Cabinet noted that funding was available from the reserve for the scheme.",
    "Members noted the winter maintenance plan and the gritting routes.",
    "The Director said funding for the year was available within the budget.",
    "The Committee noted the report on winter pressures in adult social care.",
    "Funding available from government grants had fallen this year.",
    "Officers would report on the funding available for play areas.",
    "The winter fuel scheme had helped 300 households.",
    "The Leader thanked staff for their work over the winter.",
    "Funding was available to extend the library opening hours.",
    "The Chair noted that no further funding would be available this year.",
]


def question(n: int, passage_id: str, asked: str, answer: str) -> Passage:
    meeting = Meeting(council="Exampleshire", committee="Cabinet",
                      date=dt.date(2020 + n, 3, 1), url=f"https://council.example/m{n}",
                      identifier=f"m{n}")
    return Passage(id=passage_id, kind="qa", text=f"{asked} In reply, {answer}.",
                   meeting=meeting, item=ITEM, position=0, question=asked, answer=answer,
                   source_url=f"https://council.example/m{n}")


@pytest.fixture(params=["whoosh", "xapian"])
def index_dir(tmp_path, request):
    store = store_module(choose_engine(tmp_path, request.param))
    writer = store.PassageWriter(store.open_index(tmp_path, create=True))
    for n, (passage_id, asked, answer) in enumerate(QUESTIONS):
        writer.replace_source(f"https://council.example/m{n}", "h",
                              [question(n, passage_id, asked, answer)], existed=False)
    meeting = Meeting(council="Exampleshire", committee="Council", date=dt.date(2019, 1, 9),
                      url="https://council.example/b", identifier="b")
    writer.replace_source("https://council.example/b", "h", [
        Passage(id=f"b{n}", kind="statement", text=text, meeting=meeting, item=ITEM, position=n,
                source_url="https://council.example/b") for n, text in enumerate(BACKGROUND)],
        existed=False)
    writer.commit()
    return tmp_path


@contextmanager
def opened(index_dir: Path) -> Iterator[tuple[WordStatistics, Callable[..., list[Hit]]]]:
    """The index's word statistics and its engine's similar passages (a passage id, a
    threshold)."""
    if engine_of(index_dir) == "xapian":
        database = open_xapian(index_dir).searcher()
        try:
            yield DatabaseWords(database), partial(similar_xapian, database)
        finally:
            database.close()
        return
    with open_index(index_dir).searcher() as searcher:
        yield SearcherWords(searcher), partial(similar_passages, searcher)


def test_a_question_lists_only_the_question_on_its_subject(index_dir):
    with opened_reader(index_dir) as reader:
        assert [hit.passage.id for hit in reader.similar("potholes", 5)] == ["potholes-again"]
    with opened(index_dir) as (_, similar):
        # Without the threshold, what the page listed before: every question sharing a word.
        listed = [hit.passage.id for hit in similar("potholes", at_least=0.0)]
    assert {"rough-sleepers", "recycling"} <= set(listed)


@pytest.mark.parametrize("passage_id", ["rough-sleepers", "recycling", "ofsted"])
def test_a_question_on_no_other_subject_lists_none(index_dir, passage_id):
    with opened_reader(index_dir) as reader:
        assert reader.similar(passage_id, 5) == []


def test_who_asked_and_how_minutes_put_it_make_no_likeness(index_dir):
    with opened(index_dir) as (words, _):
        alike, unrelated = similarities(
            words, "Councillor Hilton asked the Cabinet Member about the library opening hours.",
            ["In respect of question 2, Cllr Smith asked about library opening hours.",
             "In respect of question 2, Councillor Hilton asked the Cabinet Member about the "
             "bus station."])
    assert alike > 0.5 and unrelated == 0.0


def test_the_page_shows_the_alike_question_or_says_there_is_none(index_dir):
    client = create_app(index_dir=index_dir).test_client()
    page = lxml.html.fromstring(client.get("/passages/potholes").get_data(as_text=True))
    shown = page.xpath("//section[@class='similar']//article//h3/a/@href")
    assert shown == ["/passages/potholes-again"]
    page = lxml.html.fromstring(client.get("/passages/ofsted").get_data(as_text=True))
    assert not page.xpath("//section[@class='similar']//article")
    assert "No question like this one was asked at other meetings" in page.xpath(
        "string(//section[@class='similar'])")


def test_the_api_lists_the_alike_question_with_its_similarity(index_dir):
    client = create_app(index_dir=index_dir).test_client()
    similar = client.get("/api/passages/potholes").get_json()["similar"]
    assert [hit["id"] for hit in similar] == ["potholes-again"]
    assert 0.25 <= similar[0]["score"] <= 1
    assert client.get("/api/passages/recycling").get_json()["similar"] == []
