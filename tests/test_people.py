"""People: who asked, answered or spoke, found by name in either role, with a page each."""
import datetime as dt

import lxml.html
import pytest

from search_service.app import create_app
from search_service.model import Document
from search_service.people import names_in
from search_service.pipeline.indexing import index_documents
from tests.support.engines import search

MINUTES = """\
Minutes:

Councillor Hilton asked whether the pothole budget would rise next year. Councillor Norman \
replied that it would rise by five per cent.

Councillor Hilton said that the roads in the north of the county were in a poor state.

A Member asked about gritting routes. The Head of Highways replied that the routes were \
unchanged.
"""


@pytest.mark.parametrize("written, names", [
    ("Councillor Hilton", ["Councillor Hilton"]),
    ("Mr Balfour and Mr Wilkin", ["Mr Balfour", "Mr Wilkin"]),
    ("Aileen Buckton (Executive Director for Community Services)", ["Aileen Buckton"]),
    ("Mrs M. Patrick, 119 Essex Road, Stamford", ["Mrs M. Patrick"]),
    ("the Head of Internal Audit and Risk", ["the Head of Internal Audit and Risk"]),
    ("A Member", []),
    (None, []),
])
def test_the_people_named_as_asking_answering_or_speaking(written, names):
    assert names_in(written) == names


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory, engine):
    folder = tmp_path_factory.mktemp(f"people-{engine}")
    report = index_documents(folder, [Document(
        source="roads", url="https://example.gov.uk/mgAi.aspx?ID=7", text=MINUTES,
        council="Northshire County Council", committee="Cabinet",
        meeting_date=dt.date(2024, 5, 1), item_title="Highways")], engine=engine)
    assert not report.errors
    return folder


def ids(index_dir, **request) -> set[str]:
    return {hit.passage.text[:30] for hit in search(index_dir, **request).hits}


@pytest.mark.parametrize("typed", ["Councillor Norman", "cllr norman", "Norman"])
def test_the_speaker_filter_finds_answerers_too(index_dir, typed):
    assert ids(index_dir, filters={"speaker": [typed]}) == {"Councillor Hilton asked whethe"}


def test_speaker_prefix_finds_askers_and_speakers(index_dir):
    assert ids(index_dir, query="speaker:hilton") == {"Councillor Hilton asked whethe",
                                                     "Councillor Hilton said that th"}


def test_the_speaker_facet_lists_people_and_no_unnamed_member(index_dir):
    facet = dict(search(index_dir).facets["speaker"])
    assert facet == {"Councillor Hilton": 2, "Councillor Norman": 1, "the Head of Highways": 1}


def test_a_person_page_lists_what_they_asked_and_said_by_committee_and_year(index_dir):
    client = create_app(index_dir=index_dir).test_client()
    response = client.get("/people/Cllr%20Hilton")
    assert response.status_code == 200
    page = lxml.html.fromstring(response.data)
    assert page.xpath("string(//h1)") == "Councillor Hilton"
    assert [" ".join(h.text_content().split()) for h in page.xpath("//main//h2")] == [
        "Cabinet 2024"]
    assert [r.text_content() for r in page.xpath("//p[@class='roles']")] == ["Asked", "Spoke"]
    feed = page.xpath("//link[@type='application/atom+xml']/@href")[0]
    atom = client.get(feed)
    assert atom.status_code == 200 and atom.data.count(b"<entry>") == 2


def test_each_passage_links_its_people(index_dir):
    client = create_app(index_dir=index_dir).test_client()
    page = lxml.html.fromstring(client.get("/?q=pothole").data)
    links = page.xpath("//ol[@class='hits']//a[contains(@href, '/people/')]")
    assert [a.text for a in links] == ["Councillor Hilton", "Councillor Norman"]
    assert client.get(links[1].get("href")).status_code == 200


def test_an_unknown_person_is_a_404_saying_where_to_look(index_dir):
    response = create_app(index_dir=index_dir).test_client().get("/people/Nobody%20Known")
    assert response.status_code == 404 and b"Speaker list" in response.data
