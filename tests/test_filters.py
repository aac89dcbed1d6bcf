"""Filter values as people type them: any case, extra spaces, a councillor's title or none; an
unknown value of a closed list is an error naming the allowed ones (library, API, page, CLI)."""
from __future__ import annotations

import datetime as dt

import lxml.html
import pytest
from click.testing import CliRunner

from search_service.app import create_app
from search_service.cli import cli
from search_service.filters import normalise, person
from search_service.model import AgendaItem, Meeting, Passage
from search_service.search import QueryError
from tests.support.engines import search, write_passages

CABINET = Meeting(council="Exampleshire", committee="Cabinet", date=dt.date(2021, 6, 1),
                  url="https://council.example/m1", identifier="m1")
SCRUTINY = Meeting(council="Exampleshire", committee="Overview & Scrutiny Committee",
                   date=dt.date(2022, 3, 9), url="https://council.example/m2", identifier="m2")
ROADS = AgendaItem(number="5", title="Highways")


def item(number: str) -> AgendaItem:
    """An agenda item of its own (a page of results shows at most two passages of one item)."""
    return AgendaItem(number=number, title="Highways")
PASSAGES = [
    Passage(id="c1", kind="qa", text="Councillor Hilton asked about potholes on the A41. The "
            "Cabinet Member replied that repairs were scheduled.", meeting=CABINET, item=item("1"),
            position=0, speaker="Councillor Hilton", question="about potholes on the A41",
            answer="repairs were scheduled"),
    Passage(id="c2", kind="statement", text="The Cabinet Member for Highways presented the "
            "report.", meeting=CABINET, item=item("2"), position=1,
            speaker="the Cabinet Member for Highways"),
    Passage(id="c3", kind="decision", text="RESOLVED that the road repair plan be approved.",
            meeting=CABINET, item=item("3"), position=2),
    Passage(id="s1", kind="statement", text="Cllr Ann Hilton (Vice-Chair) noted the budget for "
            "road repairs.", meeting=SCRUTINY, item=item("4"), position=0,
            speaker="Cllr Ann Hilton (Vice-Chair)"),
    Passage(id="s2", kind="statement", text="Mrs Jones spoke about the library.",
            meeting=SCRUTINY, item=item("5"), position=1, speaker="Mrs Jones"),
    Passage(id="s3", kind="statement", text="Councillor Peter Klute welcomed the plan.",
            meeting=SCRUTINY, item=item("6"), position=2,
            speaker="Councillor Peter Klute, Chair of the Committee"),
]


@pytest.fixture
def index_dir(tmp_path, engine):
    return write_passages(tmp_path, engine, {"https://council.example/i5": PASSAGES})


def found(index_dir, **filters: list[str]) -> list[str]:
    """The ids of the passages a filtered search finds, in id order."""
    results = search(index_dir, filters=filters, page_size=100)
    return sorted(hit.passage.id for hit in results.hits)


@pytest.mark.parametrize("typed, expected", [
    ("Cabinet", "cabinet"),
    ("  Schools   Forum ", "schools forum"),
    ("Overview & Scrutiny", "overview and scrutiny"),
    ("Children\u2019s Services", "children's services"),
])
def test_values_are_folded_for_matching(typed, expected):
    assert normalise(typed) == expected


@pytest.mark.parametrize("speaker, name", [
    ("Councillor Hilton", "hilton"),
    ("Cllr. Hilton", "hilton"),
    ("County Councillor Mrs Hilton", "hilton"),
    ("Cllr Ann Hilton (Vice-Chair)", "ann hilton"),
    ("Councillor Klute, Chair of the Health Scrutiny Committee", "klute"),
    ("Dr Smith", "smith"),
    ("the Chairman", "chairman"),
    ("Mayor John Biggs", "john biggs"),
])
def test_a_speakers_name_is_found_without_titles_or_role(speaker, name):
    assert person(speaker) == name


@pytest.mark.parametrize("filters, expected", [
    ({"committee": ["cabinet"]}, ["c1", "c2", "c3"]),
    ({"committee": ["  CABINET "]}, ["c1", "c2", "c3"]),
    ({"committee": ["overview and scrutiny committee"]}, ["s1", "s2", "s3"]),
    ({"council": ["exampleshire"], "kind": ["QA"]}, ["c1"]),
    ({"speaker": ["Cllr Hilton"]}, ["c1"]),
    ({"speaker": ["councillor hilton"]}, ["c1"]),
    ({"speaker": ["Hilton"]}, ["c1"]),
    ({"speaker": ["Councillor Ann Hilton"]}, ["s1"]),
    ({"speaker": ["ann hilton"]}, ["s1"]),
    ({"speaker": ["Cllr Klute"]}, ["s3"]),  # no speaker named just Klute: the surname's
    ({"speaker": ["klute"]}, ["s3"]),
    ({"speaker": ["jones"]}, ["s2"]),
    ({"speaker": ["Councillor Nobody"]}, []),  # an open list: nothing found, no error
    ({"item": ["highways"]}, ["c1", "c2", "c3", "s1", "s2", "s3"]),
])
def test_filters_match_in_any_case_and_without_titles(index_dir, filters, expected):
    assert found(index_dir, **filters) == expected


def test_the_results_name_the_values_as_the_index_holds_them(index_dir):
    results = search(index_dir, filters={"committee": ["cabinet"]})
    assert results.request.filters == {"committee": ["Cabinet"]}
    assert ("Cabinet", 3) in results.facets["committee"]
    assert ("cabinet", 0) not in results.facets["committee"]


@pytest.mark.parametrize("filters, named", [
    ({"kind": ["question"]}, ["qa, statement, decision"]),
    ({"committee": ["Cabnet"]}, ["'Cabnet'", "Cabinet"]),
    ({"council": ["Exampleshir"]}, ["Exampleshire"]),
    ({"year": ["last year"]}, ["year must be a number"]),
])
def test_an_unknown_value_of_a_closed_list_names_the_allowed_ones(index_dir, filters, named):
    with pytest.raises(QueryError) as raised:
        search(index_dir, filters=filters)
    for text in named:
        assert text in str(raised.value)


def test_a_long_list_is_named_by_its_closest_values_and_its_size(tmp_path, engine):
    committees = [f"Area Committee {n}" for n in range(20)] + ["Cabinet", "Cabinet Board"]
    passages = [Passage(id=f"p{n}", kind="statement", text="Noted.", position=0, item=ROADS,
                        meeting=Meeting(council="X", committee=name, date=None, url=None,
                                        identifier=f"m{n}"))
                for n, name in enumerate(committees)]
    write_passages(tmp_path, engine, {"https://council.example/all": passages})
    with pytest.raises(QueryError) as raised:
        search(tmp_path, filters={"committee": ["cabinett"]})
    message = str(raised.value)
    assert "Cabinet, Cabinet Board" in message and "22" in message
    assert "Area Committee 7" not in message


def test_the_api_resolves_values_and_rejects_unknown_ones(index_dir):
    client = create_app(index_dir=index_dir).test_client()
    body = client.get("/api/search?committee=cabinet&speaker=Cllr+Hilton").get_json()
    assert [hit["id"] for hit in body["results"]] == ["c1"]
    assert body["filters"] == {"committee": ["Cabinet"], "speaker": ["Councillor Hilton"]}
    response = client.get("/api/search?kind=question")
    assert response.status_code == 400
    message = response.get_json()["error"]["message"]
    assert all(kind in message for kind in ("qa", "statement", "decision"))
    response = client.get("/api/search?q=road&committee=cabnet")
    assert response.status_code == 400 and "Cabinet" in response.get_json()["error"]["message"]


def test_the_page_explains_an_unknown_value_and_its_chips_remove_the_resolved_one(index_dir):
    client = create_app(index_dir=index_dir).test_client()
    response = client.get("/?q=road&committee=cabnet")
    assert response.status_code == 400
    doc = lxml.html.fromstring(response.get_data(as_text=True))
    error = doc.xpath("string(//div[@class='error-summary'])")
    assert "'cabnet'" in error and "Cabinet" in error and "Traceback" not in error
    doc = lxml.html.fromstring(client.get("/?committee=cabinet").get_data(as_text=True))
    chip = doc.xpath("//ul[@class='chips']//a")[0]
    assert "Committee: Cabinet" in chip.text_content()
    assert "committee" not in chip.get("href"), "the chip removes the filter it shows"


def test_the_cli_filters_in_any_case_and_rejects_unknown_values(index_dir):
    runner = CliRunner()
    result = runner.invoke(cli, ["search", "--index", str(index_dir), "--json",
                                 "--committee", "cabinet", "--kind", "QA"])
    assert result.exit_code == 0, result.output
    assert '"id": "c1"' in result.output and result.output.count("\n") == 1
    result = runner.invoke(cli, ["search", "--index", str(index_dir), "--committee", "Cabnet"])
    assert result.exit_code == 1 and "Cabinet" in result.output
