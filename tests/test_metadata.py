"""Council, committee, meeting date and item read from the page itself (fragments written for
these tests in the shapes council sites publish; real pages are measured by
benchmarks/metadata.py)."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from search_service.councils import council_name
from search_service.engine.store import open_index
from search_service.model import Document
from search_service.pipeline.indexing import index_paths
from search_service.search import SearchRequest, search_passages
from search_service.segment import read_page, split_document
from search_service.sources.html import read_html_file

MINUTES = "\n\nMinutes:\n\nThe Committee noted the report on library opening hours."


@pytest.mark.parametrize("text, committee, date, number", [
    pytest.param("Issue - meetings\n\nLibraries\n\nMeeting: 03/05/2022 - Cabinet (Item 7.)"
                 + MINUTES, "Cabinet", dt.date(2022, 5, 3), "7", id="issue-page"),
    pytest.param("Agenda item\n\nMeeting of Audit Committee, Monday, 12th March, 2018 2.00 pm "
                 "(Item 5.)\n\nLibraries" + MINUTES, "Audit Committee", dt.date(2018, 3, 12), "5",
                 id="item-page-meeting-of"),
    pytest.param("Agenda and minutes\n\nSchools Forum - Thursday 14th January 2021 2.00 pm\n\n"
                 "No. Item", "Schools Forum", dt.date(2021, 1, 14), None, id="meeting-page"),
    pytest.param("Decision details\n\nLibraries\n\nDecision Maker: Cabinet\n\nDecision:\n\n"
                 "Approved.\n\nDate of decision: 09/01/2024", "Cabinet", dt.date(2024, 1, 9),
                 None, id="decision-page"),
    pytest.param("Minutes of a meeting of the PLANNING COMMITTEE held in the Council Chamber,\n"
                 "Town Hall at 7.00 pm on 4th June 2019", "Planning Committee",
                 dt.date(2019, 6, 4), None, id="plain-minutes-upper-case"),
    pytest.param("Licensing Panel 2019/20\nFriday 2nd August 2019\nVenue: Room 1",
                 "Licensing Panel", dt.date(2019, 8, 2), None, id="title-over-date-line"),
    pytest.param("Board Minutes (renamed 01/04/2020)\nDate:\nTuesday, 11th December, 2012\n",
                 "Board", dt.date(2012, 12, 11), None, id="label-between-title-and-date"),
    pytest.param("Minutes of Meeting, Tuesday, 7th March 2023\n\nThe Parish Council met on "
                 "Tuesday, 7th March in the Village Hall.", "Parish Council",
                 dt.date(2023, 3, 7), None, id="parish-met"),
    pytest.param("04 July 2023 – Minutes of the Planning Meeting\nCllr A Bee (Chairman)",
                 "Planning", dt.date(2023, 7, 4), None, id="date-then-title"),
    pytest.param("Cofnodion cyfarfod Pwyllgor Cynllunio a gynhaliwyd ar Dydd Mawrth, 12fed "
                 "Mawrth 2019", "Pwyllgor Cynllunio", dt.date(2019, 3, 12), None, id="welsh"),
    pytest.param("Pwyllgor Iaith - Dydd Llun, 17eg Mai, 2021 10.00 am\n\nNo. Item",
                 "Pwyllgor Iaith", dt.date(2021, 5, 17), None, id="welsh-meeting-page"),
    pytest.param("The minutes were submitted.\n\n12 April, 2016\n\nCouncillor Roberts spoke.",
                 None, None, None, id="date-in-minutes-is-not-the-meeting"),
    pytest.param("Agenda item\n\nBudget - Cabinet - 5 February 2020 (Recommendation 3)" + MINUTES,
                 None, None, None, id="item-title-naming-another-meeting"),
])
def test_header_is_read(text: str, committee: str | None, date: dt.date | None,
                        number: str | None) -> None:
    page = read_page(text)
    assert (page.committee, page.meeting_date) == (committee, date)
    assert page.items[0][0].number == number


_MENU = "".join(f"  • {entry}\n" for entry in (
    "Calendar", "Committees", "Decisions", "Forward Plans", "Library", "Meetings",
    "Search documents", "Subscribe to updates", "Your councillors", "What's new", "Agenda item"))


def test_a_site_menu_above_an_item_page_is_not_its_title() -> None:
    # the text of a page whose menu is a list of links: the menu's last point names the kind
    page = read_page(_MENU + "\n    LIBRARIES\n\n    • Meeting of Cabinet, Tuesday, 12th March, "
                     "2024 6.00 pm (Item 5.)\n\n    To consider the report.\n" + MINUTES)
    item, minutes = page.items[0]
    assert (item.title, item.number) == ("LIBRARIES", "5")
    assert (page.committee, page.meeting_date) == ("Cabinet", dt.date(2024, 3, 12))
    assert "Calendar" not in minutes


def test_a_list_opening_the_minutes_is_no_menu() -> None:
    points = "".join(f"• {point}\n" for point in (
        "Grass cutting", "Bus shelter", "Play area", "Street lights", "Dog bins"))
    page = read_page("Minutes of the Parish Council, 3 May 2022\n\n" + points)
    assert "Dog bins" in page.items[0][1]


@pytest.mark.parametrize("text, council", [
    ("Stockton-on-Tees Borough Council\nLicensing Committee Minutes\nDate:\n1 May 2012",
     "Stockton-on-Tees Borough Council"),
    ("Minutes of the meeting of Upper Sheep Parish Council held on 3 May 2022",
     "Upper Sheep Parish Council"),
    ("Minutes of the meeting of the Full Council held on 3 May 2022", None),
    ("Cabinet - Tuesday, 2nd October, 2018 2.00 pm", None),
])
def test_council_is_read_from_a_header_line(text: str, council: str | None) -> None:
    assert read_page(text).council == council


@pytest.mark.parametrize("text, name", [
    ("Brighton & Hove City Council", "Brighton & Hove City Council"),
    ("London Borough of Barking and Dagenham", "London Borough of Barking and Dagenham"),
    ("Cyngor Sir Ynys Môn", "Cyngor Sir Ynys Môn"),
    ("Greater Example Combined Authority", "Greater Example Combined Authority"),
    ("Full Council", None), ("Town Council", None), ("The Parish Council", None),
    ("democracy.example.gov.uk", None), ("Cabinet", None),
])
def test_council_names(text: str, name: str | None) -> None:
    assert council_name(text) == name


def test_meetings_without_a_date_stay_apart() -> None:
    first, second = (split_document(Document(source=url, url=url, text=text))[0].meeting
                     for url, text in (("https://a.example/1", "Cabinet - 1 May 2020" + MINUTES),
                                       ("https://a.example/2", "Agenda item\n\nX" + MINUTES)))
    undated = [split_document(Document(source=url, url=url, committee="Cabinet",
                                       text="Agenda item\n\nX" + MINUTES))[0].meeting
               for url in ("https://a.example/3", "https://a.example/4")]
    assert first.identifier != second.identifier
    assert undated[0].identifier != undated[1].identifier


def test_site_title_names_the_council(tmp_path: Path) -> None:
    page = tmp_path / "item.html"
    page.write_text("<html><head><title>Agenda item - Libraries - Upper Sheep District Council"
                    "</title></head><body><div id='modgov'><h1>Agenda item</h1><p>Libraries</p>"
                    "<p>Minutes:</p><p>The Committee noted the report.</p></div>"
                    "<div id='footer'>© 2024 Upper Sheep District Council</div></body></html>",
                    "utf-8")
    assert read_html_file(str(page)).council == "Upper Sheep District Council"


def test_indexed_passages_carry_the_names_the_page_gives(tmp_path: Path) -> None:
    record = {"url": "https://democracy.upper-sheep.example.gov.uk/ieIssueDetails.aspx?IId=1",
              "text": "Upper Sheep District Council\n\nIssue - meetings\n\nLibrary hours\n\n"
                      "Meeting: 03/05/2022 - Communities Committee (Item 7)" + MINUTES}
    source = tmp_path / "pages.jsonl"
    source.write_text(json.dumps(record) + "\n", "utf-8")
    index_paths(tmp_path / "ix", [str(source)])
    with open_index(tmp_path / "ix").searcher() as searcher:
        [hit] = search_passages(searcher, SearchRequest(query="library opening hours")).hits
    meeting, item = hit.passage.meeting, hit.passage.item
    assert meeting.council == "Upper Sheep District Council"
    assert meeting.committee == "Communities Committee"
    assert meeting.date == dt.date(2022, 5, 3)
    assert item.number == "7" and item.title == "Library hours"
    host = "democracy.upper-sheep.example.gov.uk"
    for value in (meeting.council, meeting.committee, item.title):
        assert value != host and not re.fullmatch(r"[0-9a-f]{16,}", value)
