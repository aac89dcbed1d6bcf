"""One passage shown once: the same minutes published at two addresses (an agenda item page and
an issue page) are found once, as the first copy indexed, which links the other."""
import datetime as dt

import lxml.html

from search_service.app import create_app
from search_service.model import Document
from search_service.pipeline.indexing import index_documents
from tests.support.engines import search

MINUTES = """\
Councillor Hilton asked whether the pothole repair budget would rise next year. The Cabinet \
Member replied that it would rise by five per cent from April.

RESOLVED that the report be noted.
"""
ITEM_PAGE = "https://example.gov.uk/mgAi.aspx?ID=7"
ISSUE_PAGE = "https://example.gov.uk/ieIssueDetails.aspx?IId=9&Opt=3"


def page(url: str, date: dt.date = dt.date(2024, 5, 1)) -> Document:
    return Document(source=url, url=url, text=MINUTES, council="Northshire County Council",
                    committee="Cabinet", meeting_date=date, item_title="Highways budget")


def test_the_same_minutes_at_two_addresses_are_found_once_with_both_links(tmp_path, engine):
    index_documents(tmp_path, [page(ITEM_PAGE), page(ISSUE_PAGE)], engine=engine)
    results = search(tmp_path, query="pothole")
    assert results.total == 1
    (hit,) = results.hits
    assert hit.passage.url == ITEM_PAGE and hit.copies == (ISSUE_PAGE,)
    client = create_app(index_dir=tmp_path).test_client()
    doc = lxml.html.fromstring(client.get("/?q=pothole").data)
    assert doc.xpath("//ol[@class='hits']//a[contains(., 'Also published here')]/@href") == [
        ISSUE_PAGE]


def test_the_same_words_at_another_meeting_or_too_short_to_tell_are_kept(tmp_path, engine):
    index_documents(tmp_path, [page(ITEM_PAGE), page(ISSUE_PAGE, dt.date(2025, 5, 1))],
                    engine=engine)
    assert search(tmp_path, query="pothole").total == 2
    # "RESOLVED that the report be noted." is under 80 characters: never taken for a copy.
    index_documents(tmp_path / "one", [page(ITEM_PAGE), page(ISSUE_PAGE)], engine=engine)
    assert search(tmp_path / "one", query="report noted").total == 2


def test_the_second_copy_stands_in_when_the_first_page_is_gone(tmp_path, engine):
    index_documents(tmp_path, [page(ITEM_PAGE), page(ISSUE_PAGE)], engine=engine)
    index_documents(tmp_path, [Document(source=ITEM_PAGE, url=ITEM_PAGE, text="Withdrawn.",
                                        council="Northshire County Council")])
    results = search(tmp_path, query="pothole")
    assert [hit.passage.url for hit in results.hits] == [ISSUE_PAGE]
