"""Routine items (apologies, declarations, the last minutes, the next meeting) out of the way of
searches unless asked for, and front-page counts of live passages only."""
import datetime as dt

import lxml.html
import pytest
from click.testing import CliRunner

from search_service.app import create_app
from search_service.cli import cli
from search_service.model import AgendaItem, Document, Meeting, Passage
from search_service.pipeline.indexing import index_documents
from search_service.routine import is_routine
from tests.support.engines import search


def passage(title: str | None, text: str) -> Passage:
    return Passage(id="p", kind="statement", text=text, position=0,
                   meeting=Meeting(None, None, None, None, "m"), item=AgendaItem(None, title))


@pytest.mark.parametrize("title, text, routine", [
    ("Apologies for Absence", "Apologies were received from Councillor Shah.", True),
    ("1. APOLOGIES", "There were no absentees and all members were present.", True),
    ("Declarations of Interest", "Councillor Lee declared a personal interest in item 6.", True),
    ("Minutes of the previous meeting", "RESOLVED that the minutes be signed as a correct "
                                        "record.", True),
    ("Date of next meeting", "The next meeting will be on 4 March 2025 at 7pm.", True),
    ("Ymddiheuriadau / Apologies", "Apologies for absence were received from Cllr Jones.", True),
    (None, "No declarations of interest were made.", True),
    (None, "There were no apologies.", True),
    (None, "The minutes of the meeting held on 3 May were approved as a correct record.", True),
    # The substance of the next item, run under a routine title on a page without item markers.
    ("Apologies", "Two residents had shown an interest in the vacant seat and a ballot was held.",
     False),
    ("Declarations of Interest", "Members discussed speeding on Back Lane at length.", False),
    ("Budget monitoring", "Apologies were offered for the late report; it was noted.", False),
    (None, "Members asked about the interest earned on reserves.", False),
])
def test_routine_business_is_told_by_its_title_and_its_words(title, text, routine):
    assert is_routine(passage(title, text)) is routine


ITEMS = [("Apologies for absence", "Apologies were received from Councillor Shah."),
         ("Declarations of interest", "No declarations of interest were made."),
         ("Pothole repairs", "Councillor Hilton asked about the interest paid on the pothole "
                             "repairs loan. Officers replied that the rate was fixed.")]


def documents(reply: str = "fixed") -> list[Document]:
    """A meeting's three agenda item pages."""
    return [Document(source=f"item{n}", url=f"https://example.gov.uk/mgAi.aspx?ID={n}",
                     text=text.replace("fixed", reply), council="Northshire County Council",
                     committee="Cabinet", meeting_date=dt.date(2024, 5, 1), item_title=title,
                     meeting_url="https://example.gov.uk/ieListDocuments.aspx?MId=1")
            for n, (title, text) in enumerate(ITEMS)]


@pytest.fixture
def index_dir(tmp_path, engine):
    report = index_documents(tmp_path, documents(), engine=engine)
    assert not report.errors
    return tmp_path


def test_searches_leave_routine_items_out_unless_asked(index_dir):
    plain = search(index_dir, query="interest")
    included = search(index_dir, query="interest", include_routine=True)
    assert [hit.passage.item.title for hit in plain.hits] == ["Pothole repairs"]
    assert plain.routine_left_out == 1
    assert {hit.passage.item.title for hit in included.hits} == {
        "Pothole repairs", "Declarations of interest"}


def test_the_page_offers_to_include_routine_items_and_back(index_dir):
    client = create_app(index_dir=index_dir).test_client()
    page = lxml.html.fromstring(client.get("/?q=interest").data)
    note = page.xpath("//p[@class='routine-note']")[0]
    assert "1 passage of routine items" in note.text_content()
    included = lxml.html.fromstring(client.get(note.xpath("a/@href")[0]).data)
    assert len(included.xpath("//ol[@class='hits']/li")) == 2
    back = included.xpath("//p[@class='routine-note']/a/@href")[0]
    assert "routine" not in back
    assert client.get("/api/search?q=interest&routine=include").json["total"] == 2
    assert client.get("/api/search?q=interest&routine=yes").status_code == 400


def test_the_cli_includes_routine_items_when_asked(index_dir):
    runner = CliRunner()
    plain = runner.invoke(cli, ["search", "--index", str(index_dir), "interest"])
    assert "1 passages of routine items left out" in plain.output
    included = runner.invoke(cli, ["search", "--index", str(index_dir), "--include-routine",
                                   "--json", "interest"])
    assert included.exit_code == 0 and len(included.output.splitlines()) == 2


def test_the_front_page_counts_live_passages_only(index_dir):
    client = create_app(index_dir=index_dir).test_client()

    def counts() -> str:
        page = lxml.html.fromstring(client.get("/").data)
        return " ".join(page.xpath("string(//section[@class='landing']/p)").split()[:8])

    assert counts() == "3 passages from 1 meeting of 1 committee:"
    index_documents(index_dir, documents(reply="fixed until 2030"))
    client = create_app(index_dir=index_dir).test_client()
    assert counts() == "3 passages from 1 meeting of 1 committee:"
