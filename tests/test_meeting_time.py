"""A meeting's time and title read from its page, stored, and shown in the pages, the API and
the CLI (fragments written for these tests in the shapes council sites publish; real pages are
measured by benchmarks/metadata.py)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from whoosh import index as whoosh_index
from whoosh.fields import Schema

from search_service.app import create_app
from search_service.cli import cli
from search_service.engine.schema import build_schema
from search_service.engine.store import StoreError, open_index, passage_fields, stored_passage
from search_service.model import Document
from search_service.pipeline.indexing import index_documents
from search_service.segment import read_page, split_document
from search_service.segment.header import parse_time

MINUTES = "\n\nMinutes:\n\nThe Committee noted the report on library opening hours."


@pytest.mark.parametrize("text, time, title", [
    pytest.param("Agenda and minutes\n\nCabinet - Tuesday, 12th March, 2019 6.00 pm\n\n"
                 "Venue: Town Hall", dt.time(18), "Cabinet - Tuesday, 12th March, 2019 6.00 pm",
                 id="meeting-page-heading"),
    pytest.param("Agenda item\n\nMeeting of Audit Committee, Monday, 12th March, 2018 10.30 am "
                 "(Item 5.)\n\nLibraries" + MINUTES, dt.time(10, 30),
                 "Audit Committee - Monday, 12th March, 2018 10.30 am",
                 id="item-page-titled-as-its-meeting-page"),
    pytest.param("Minutes of the Annual Meeting of the Parish Council held on 5 May 2022 at "
                 "7.30pm in the Village Hall", dt.time(19, 30),
                 "Annual Meeting of the Parish Council", id="plain-minutes-held-at"),
    pytest.param("Minutes of a meeting of the PLANNING COMMITTEE held in the Council Chamber,\n"
                 "Town Hall at 9.30 am on 4th June 2019", dt.time(9, 30),
                 "Meeting of the Planning Committee", id="time-on-the-run-on-line"),
    pytest.param("Licensing Committee Minutes\nDate:\nTuesday, 11th December, 2012\nTime:\n"
                 "10.00am", dt.time(10), None, id="time-label-over-its-value"),
    pytest.param("Minutes July 2013\n\nON TUESDAY 16TH JULY 2013 AT 8.00 P.M.\n\nPresent: Cllr A",
                 dt.time(20), None, id="upper-case-date-line"),
    pytest.param("Minutes of Meeting, Tuesday, 7th March 2023\n\nThe Parish Council met on "
                 "Tuesday, 7th March in the Village Hall, at 7.30pm", dt.time(19, 30), None,
                 id="parish-met-at"),
    pytest.param("11 April 2023 Garden Allotments Committee\n\nMinutes of a meeting of the Garden "
                 "Allotments Committee held 18:00hrs Tuesday, 11 April 2023.", dt.time(18),
                 "11 April 2023 Garden Allotments Committee", id="twenty-four-hour-clock"),
    pytest.param("Agenda and minutes\n\nSpecial meeting to receive the Roads Report, Environment "
                 "Committee\n\nWednesday 20 November 2019 4.00 pm\n\nVenue: Guildhall",
                 dt.time(16), "Special meeting to receive the Roads Report, Environment "
                 "Committee - Wednesday 20 November 2019 4.00 pm", id="heading-over-date-line"),
    pytest.param("4 June 2019 Councillor Ash asked about the library at 7pm\n\nThe Chairman "
                 "replied.", None, None, id="a-dated-sentence-is-no-heading"),
    pytest.param("Issue - meetings\n\nLibraries\n\nMeeting: 03/05/2022 - Cabinet (Item 7.)"
                 "\n\nMinutes:\n\nReplies are due by 4pm on 3 May 2022.", None, None,
                 id="issue-page-gives-neither-and-minutes-times-are-not-the-meetings"),
])
def test_time_and_title_are_read_from_the_header(text, time, title):
    page = read_page(text)
    assert (page.meeting_time, page.meeting_title) == (time, title)


@pytest.mark.parametrize("text, time", [
    ("6.00 pm", dt.time(18)), ("7pm", dt.time(19)), ("10 a.m.", dt.time(10)),
    ("12 noon", dt.time(12)), ("12.30 am", dt.time(0, 30)), ("1800 hrs", dt.time(18)),
    ("19.00 hours", dt.time(19)), ("14:15", dt.time(14, 15)),
    ("£6.00", None), ("6.00", None), ("6:30", None), ("2 amendments", None), ("13 pm", None),
    ("in the afternoon", None),
])
def test_times_as_minutes_write_them(text, time):
    assert parse_time(text) == time


def test_a_header_of_another_date_gives_no_time():
    """The source's date wins; a time the page gives for another day is not this meeting's."""
    text = "Agenda and minutes\n\nCabinet - Tuesday, 12th March, 2019 6.00 pm\n\nNo. Item"
    [meeting] = {p.meeting for p in split_document(Document(
        source="s", url="s", text=text + "\n\n1.\n\nBudget" + MINUTES,
        meeting_date=dt.date(2019, 3, 19)))}
    assert (meeting.date, meeting.time, meeting.title) == (dt.date(2019, 3, 19), None, None)


PAGES = {
    "https://council.example/ieListDocuments.aspx?MId=1": (
        "Agenda and minutes\n\nCabinet - Tuesday, 12th March, 2019 6.00 pm\n\nNo. Item\n\n"
        "1.\n\nLibrary opening hours\n\nMinutes:\n\n"
        "The Head of Libraries presented the report on library opening hours."),
    "https://council.example/parish/2022-05-05": (
        "Minutes of the Annual Meeting of the Parish Council held on 5 May 2022 at 7.30pm\n\n"
        "1. Election of Chairman\n\nCouncillor Ash was elected Chairman of the library group."),
}


def write_pages(index_dir: Path, engine: str) -> Path:
    """An index of the two pages, written with `engine`."""
    index_documents(index_dir, [Document(source=url, url=url, text=text, council="Exampleshire")
                                for url, text in PAGES.items()], engine=engine)
    return index_dir


@pytest.fixture
def built(tmp_path, engine):
    return write_pages(tmp_path, engine)


@pytest.fixture
def whoosh_built(tmp_path):
    """For the test of Whoosh's stored fields themselves."""
    return write_pages(tmp_path, "whoosh")


def _hits(client, query):
    return client.get(f"/api/search?q={query}").get_json()["results"]


def test_the_api_gives_each_passage_and_meeting_its_time_and_title(built):
    client = create_app(index_dir=built).test_client()
    [hit] = _hits(client, "opening")
    assert (hit["meeting_date"], hit["meeting_time"], hit["meeting_title"]) == (
        "2019-03-12", "18:00", "Cabinet - Tuesday, 12th March, 2019 6.00 pm")
    meeting = client.get(f"/api/meetings/{hit['meeting_id']}").get_json()["meeting"]
    assert (meeting["date"], meeting["time"], meeting["title"]) == (
        "2019-03-12", "18:00", "Cabinet - Tuesday, 12th March, 2019 6.00 pm")
    passage = client.get(f"/api/passages/{hit['id']}").get_json()["passage"]
    assert passage["meeting_time"] == "18:00"


def test_the_meeting_page_heads_with_its_time_and_a_title_that_tells_more(built):
    client = create_app(index_dir=built).test_client()
    cabinet, parish = _hits(client, "opening")[0], _hits(client, "elected")[0]
    page = lxml.html.fromstring(client.get(cabinet["links"]["meeting"]).get_data(as_text=True))
    assert " ".join(page.xpath("string(//h1)").split()) == "Cabinet 12 March 2019, 6.00 pm"
    assert page.xpath("//h1//time/@datetime") == ["2019-03-12T18:00"]
    page = lxml.html.fromstring(client.get(parish["links"]["meeting"]).get_data(as_text=True))
    assert " ".join(page.xpath("string(//h1)").split()) == \
        "Annual Meeting of the Parish Council 5 May 2022, 7.30 pm"
    assert "Annual Meeting of the Parish Council, 5 May 2022" in page.xpath("string(//title)")


def test_a_result_shows_when_its_meeting_sat_and_a_title_only_when_it_tells_more(built):
    client = create_app(index_dir=built).test_client()
    results = lxml.html.fromstring(client.get("/?q=opening+chairman").get_data(as_text=True))
    metas = [" ".join(meta.text_content().split())
             for meta in results.xpath("//ol[@class='hits']//ul[@class='meta']")]
    assert any("12 March 2019, 6.00 pm" in meta and "Tuesday" not in meta for meta in metas)
    assert any("5 May 2022, 7.30 pm" in meta and "Annual Meeting of the Parish Council" in meta
               for meta in metas)


def test_search_json_gives_time_and_title_and_keeps_its_keys(built):
    result = CliRunner().invoke(cli, ["search", "--index", str(built), "--json", "opening"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert (record["meeting_time"], record["meeting_title"]) == (
        "18:00", "Cabinet - Tuesday, 12th March, 2019 6.00 pm")
    assert {"id", "score", "kind", "text", "question", "answer", "speaker", "council",
            "committee", "meeting_date", "item_title", "url", "topics"} <= set(record)


def test_time_and_title_survive_the_retag_command(built):
    result = CliRunner().invoke(cli, ["retag", "--index", str(built)])
    assert result.exit_code == 0, result.output
    client = create_app(index_dir=built).test_client()
    [hit] = _hits(client, "opening")
    assert (hit["meeting_time"], hit["meeting_title"]) == (
        "18:00", "Cabinet - Tuesday, 12th March, 2019 6.00 pm")


def test_time_and_title_survive_a_retag(whoosh_built):
    with open_index(whoosh_built).searcher() as searcher:
        fields = next(f for f in searcher.documents() if f.get("meeting_time"))
    passage = stored_passage(fields)
    assert (passage.meeting.time, passage.meeting.title) == (
        dt.time(18), "Cabinet - Tuesday, 12th March, 2019 6.00 pm")
    assert passage_fields(passage)["meeting_time"] == "18:00"


def test_an_index_built_before_time_and_title_is_refused_with_how_to_rebuild(tmp_path):
    fields = {name: field for name, field in build_schema().items()
              if name not in ("meeting_time", "meeting_title")}
    whoosh_index.create_in(str(tmp_path), Schema(**fields))
    with pytest.raises(StoreError) as refused:
        open_index(tmp_path)
    assert "fields meeting_time, meeting_title differ" in str(refused.value)
    assert "search-service index --index NEW_DIR" in str(refused.value)
