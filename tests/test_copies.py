"""One passage shown once, on both engines: the same minutes published at two addresses (an
agenda item page and an issue page) are found once, as the first copy indexed, which links the
other."""
import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from search_service.app import create_app
from search_service.cli import opened_reader
from search_service.model import Document
from search_service.pipeline.indexing import index_documents
from search_service.pipeline.retag import retag_index
from search_service.search import SearchRequest, SearchResults
from search_service.topics import parse_taxonomy
from tests.support.xapian_shards import ShardServers, write_stub

MINUTES = """\
Councillor Hilton asked whether the pothole repair budget would rise next year. The Cabinet \
Member replied that it would rise by five per cent from April.

RESOLVED that the report be noted.
"""
ITEM_PAGE = "https://example.gov.uk/mgAi.aspx?ID=7"
ISSUE_PAGE = "https://example.gov.uk/ieIssueDetails.aspx?IId=9&Opt=3"
COUNCIL = "Northshire County Council"
ENGINES = pytest.mark.parametrize("engine", ["whoosh", "xapian"])


def page(url: str, date: dt.date = dt.date(2024, 5, 1), text: str = MINUTES,
         council: str = COUNCIL) -> Document:
    return Document(source=url, url=url, text=text, council=council, committee="Cabinet",
                    meeting_date=date, item_title="Highways budget")


def search(index: Path, query: str = "pothole", **options: object) -> SearchResults:
    """A search of the index (a folder of either engine, or a stub file) as the CLI reads it."""
    with opened_reader(index) as reader:
        return reader.search(SearchRequest(query=query, **options))  # type: ignore[arg-type]


def found(index: Path, query: str = "pothole") -> list[tuple[str, tuple[str, ...]]]:
    """Each hit's address and its other copies' addresses."""
    return [(hit.passage.url, hit.copies) for hit in search(index, query).hits]


@ENGINES
def test_the_same_minutes_at_two_addresses_are_found_once_with_both_links(tmp_path, engine):
    index_documents(tmp_path, [page(ITEM_PAGE), page(ISSUE_PAGE)], engine=engine)
    results = search(tmp_path)
    assert results.total == 1 and results.facets["council"] == [(COUNCIL, 1)]
    assert found(tmp_path) == [(ITEM_PAGE, (ISSUE_PAGE,))]
    # A listing counts the copy once too: the question, and each page's short resolution.
    listing = search(tmp_path, "", include_routine=True)
    assert listing.total == 3 and listing.facets["kind"] == [("decision", 2), ("qa", 1)]
    client = create_app(index_dir=tmp_path).test_client()
    doc = lxml.html.fromstring(client.get("/?q=pothole").data)
    assert doc.xpath("//ol[@class='hits']//a[contains(., 'Also published here')]/@href") == [
        ISSUE_PAGE]
    api = client.get("/api/search?q=pothole").get_json()
    assert api["total"] == 1 and [hit["copies"] for hit in api["results"]] == [[ISSUE_PAGE]]


@ENGINES
def test_the_same_words_at_another_meeting_or_too_short_to_tell_are_kept(tmp_path, engine):
    index_documents(tmp_path, [page(ITEM_PAGE), page(ISSUE_PAGE, dt.date(2025, 5, 1))],
                    engine=engine)
    assert found(tmp_path) == [(ITEM_PAGE, ()), (ISSUE_PAGE, ())]
    # "RESOLVED that the report be noted." is under 80 characters: never taken for a copy.
    index_documents(tmp_path / "one", [page(ITEM_PAGE), page(ISSUE_PAGE)], engine=engine)
    assert search(tmp_path / "one", "report noted").total == 2


@ENGINES
def test_the_second_copy_stands_in_when_the_first_page_is_gone(tmp_path, engine):
    index_documents(tmp_path, [page(ITEM_PAGE), page(ISSUE_PAGE)], engine=engine)
    index_documents(tmp_path, [Document(source=ITEM_PAGE, url=ITEM_PAGE, text="Withdrawn.",
                                        council=COUNCIL)])
    assert found(tmp_path) == [(ISSUE_PAGE, ())]
    # The issue page's question and resolution, and the item page's "Withdrawn.".
    assert search(tmp_path, "").facets["council"] == [(COUNCIL, 3)]


@ENGINES
def test_a_first_page_indexed_again_becomes_the_later_copy(tmp_path, engine):
    index_documents(tmp_path, [page(ITEM_PAGE), page(ISSUE_PAGE)], engine=engine)
    changed = page(ITEM_PAGE, text=MINUTES + "\nThe meeting closed at 8.05 pm.\n")
    index_documents(tmp_path, [changed])
    assert found(tmp_path) == [(ISSUE_PAGE, (ITEM_PAGE,))]
    # The issue page gone too: the item page, alone, is found again.
    index_documents(tmp_path, [page(ISSUE_PAGE, text="Withdrawn.")])
    assert found(tmp_path) == [(ITEM_PAGE, ())]


@ENGINES
def test_copies_stay_found_once_after_a_retag(tmp_path, engine):
    index_documents(tmp_path, [page(ITEM_PAGE), page(ISSUE_PAGE)], engine=engine)
    potholes = parse_taxonomy('[[topic]]\nid = "potholes"\nlabel = "Potholes"\n'
                              'terms = ["pothole"]\n', "test")
    report = retag_index(tmp_path, potholes)
    assert (report.passages, report.retagged) == (4, 4)
    results = search(tmp_path, "pothole")
    assert results.total == 1 and results.facets["topic"] == [("Potholes", 1)]
    assert found(tmp_path) == [(ITEM_PAGE, (ISSUE_PAGE,))]


def test_copies_are_found_once_through_a_stub_of_shards(tmp_path, shard_servers: ShardServers):
    # Shards are by council: the copies are in one shard, another council in the other.
    north, south = tmp_path / "north", tmp_path / "south"
    index_documents(north, [page(ITEM_PAGE), page(ISSUE_PAGE)], engine="xapian")
    elsewhere = "https://south.example.gov.uk/mgAi.aspx?ID=3"
    index_documents(south, [page(elsewhere, council="Southshire District Council")],
                    engine="xapian")
    stub = write_stub(tmp_path / "shards.stub",
                      shard_servers.serve([north / "xapian", south / "xapian"]))
    assert sorted(found(stub)) == [(ITEM_PAGE, (ISSUE_PAGE,)), (elsewhere, ())]
    assert search(stub).total == 2

