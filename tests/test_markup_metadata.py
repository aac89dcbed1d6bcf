"""What a page's markup says about its meeting, read alike from a saved `.html` page and a bulk
record's `html`: the council its site names, the heading of a meeting page; and the bulk keys
`meeting_time` and `meeting_title` (pages written for these tests in ModernGov's markup)."""
from __future__ import annotations

import datetime as dt
import json

from search_service.engine.schema import PASSAGE
from search_service.engine.store import open_index
from search_service.pipeline.indexing import index_paths
from search_service.sources import read_paths

HEADING = "Cabinet - Tuesday, 12th March, 2019 6.00 pm"


def meeting_page(heading: str = HEADING, kind: str = "Agenda and minutes") -> str:
    """A ModernGov meeting page: the site's name in its title and footer, the meeting's heading,
    one item with minutes."""
    return f"""<!DOCTYPE html><html><head><title>Agenda for Cabinet - Exampleshire County Council
</title></head><body><div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">{kind}</h1>
</div><div class="mgSubTitle"><h2 class="mgSubTitleTxt">{heading}</h2></div>
<table class="mgItemTable"><tr><th>No.</th><th>Item</th></tr><tr>
<td class="mgItemNumberCell"><p class="mgAiTitleTxt">1.</p></td><td>
<p class="mgAiTitleTxt">Library opening hours</p><p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>The Head of Libraries presented the report on opening hours.</p>
</div></td></tr></table></div><div id="footer"><p>&copy; Exampleshire County Council</p></div>
</body></html>"""


def indexed(tmp_path, *paths):
    report = index_paths(tmp_path / "index", [str(p) for p in paths])
    assert report.errors == [], report.errors
    with open_index(tmp_path / "index").searcher() as searcher:
        return {p["source_url"]: p for p in searcher.documents(record=PASSAGE)}


def meeting_of(passage: dict) -> tuple:
    return (passage["council"], passage["committee"], passage["meeting_date"].date(),
            passage.get("meeting_time"), passage.get("meeting_title"))


def test_a_bulk_record_of_markup_takes_its_meeting_from_the_markup_as_a_saved_page_does(
        tmp_path):
    saved = tmp_path / "cabinet.html"
    saved.write_text(meeting_page(), encoding="utf-8")
    bulk = tmp_path / "pages.jsonl"
    bulk.write_text(json.dumps({"url": "https://democracy.example.gov.uk/ieListDocuments.aspx"
                                       "?MId=7", "html": meeting_page()}) + "\n", encoding="utf-8")
    found = indexed(tmp_path, saved, bulk)
    expected = ("Exampleshire County Council", "Cabinet", dt.date(2019, 3, 12), "18:00", HEADING)
    assert [meeting_of(p) for p in found.values()] == [expected, expected]


def test_what_a_bulk_record_gives_wins_over_the_markup(tmp_path):
    bulk = tmp_path / "pages.jsonl"
    bulk.write_text(json.dumps({
        "url": "https://example.gov.uk/m/7", "html": meeting_page(), "council": "Exampleshire",
        "committee": "Executive", "meeting_date": "2019-03-12", "meeting_time": "18:30",
        "meeting_title": "Budget meeting"}) + "\n", encoding="utf-8")
    [passage] = indexed(tmp_path, bulk).values()
    assert meeting_of(passage) == ("Exampleshire", "Executive", dt.date(2019, 3, 12), "18:30",
                                   "Budget meeting")


def test_a_heading_broken_over_two_lines_is_one_title(tmp_path):
    saved = tmp_path / "planning.html"
    saved.write_text(meeting_page("Planning Committee<br>Wednesday 10 July 2019 4.00 pm"),
                     encoding="utf-8")
    [document] = read_paths([str(saved)])
    assert document.meeting_title == "Planning Committee - Wednesday 10 July 2019 4.00 pm"


def test_an_item_pages_heading_is_its_items_title_not_a_meetings(tmp_path):
    saved = tmp_path / "item.html"
    saved.write_text(meeting_page("Library opening hours", kind="Agenda item"), encoding="utf-8")
    [document] = read_paths([str(saved)])
    assert (document.council, document.meeting_title) == ("Exampleshire County Council", None)


def test_a_bad_meeting_time_is_named_with_its_line(tmp_path):
    bulk = tmp_path / "pages.jsonl"
    bulk.write_text(json.dumps({"url": "u", "text": "Minutes", "meeting_time": "teatime"}) + "\n",
                    encoding="utf-8")
    [error] = read_paths([str(bulk)])
    assert str(error) == f"{bulk}:1: 'meeting_time' 'teatime' is not a time of day such as 18:00"
