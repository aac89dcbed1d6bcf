"""Acronyms: learning from minutes, the glossary in the index, query expansion, <abbr> markup."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from markupsafe import escape

from search_service.app import create_app
from search_service.cli import cli
from search_service.engine.queries import parse_query
from search_service.engine.store import open_index
from search_service.glossary import (
    Definition,
    Glossary,
    build_glossary,
    find_definitions,
    find_spelt_out,
    learn_definitions,
)
from search_service.model import Document
from search_service.pipeline.indexing import index_documents
from search_service.search import SearchRequest, expand_query
from search_service.segment import split_document
from search_service.web.present import mark_up
from tests.support.engines import search as read

SEED = Path(__file__).parent / "data" / "seed.txt"
SEED_URL = "https://worcestershire.example/mgAi.aspx?ID=4627"
OTHER_URL = "https://worcestershire.example/mgAi.aspx?ID=5000"
OTHER_PAGE = """Agenda item

Health and Wellbeing Board update

Minutes:

The Board heard that CAMHS waiting times had fallen to twelve weeks.

Members asked about child sexual exploitation in the night-time economy and were told that taxi drivers now had training.
"""


def seed_document(text: str | None = None) -> Document:
    return Document(source=str(SEED), url=SEED_URL, text=text or SEED.read_text("utf-8"))


@pytest.mark.parametrize("text, expected", [
    ("Clinical Commissioning Groups (CCGs) and the police", [("CCGs", "Clinical Commissioning Groups")]),
    ("work on CSE (child sexual exploitation) continued", [("CSE", "child sexual exploitation")]),
    ("the Child and Adolescent Mental Health Services (CAMHS) team",
     [("CAMHS", "Child and Adolescent Mental Health Services")]),
    ("Deprivation of Liberty Safeguards (DoLS) applications",
     [("DoLS", "Deprivation of Liberty Safeguards")]),
    ("Education, Health and Care Plans (EHCPs) were late", [("EHCPs", "Education, Health and Care Plans")]),
    ("the Panel (TP) met", []),
    ("the budget (2018/19) and item (a) and (NB) apply", []),
    ("the WSCB (which would come to the Board in December) met", []),
])
def test_definitions_are_found_as_minutes_write_them(text, expected):
    assert find_definitions(text) == expected


def test_an_acronym_spelt_out_elsewhere_in_the_page_is_learnt():
    text = ("Child Sexual Exploitation remained a priority but the WSCB was also looking beyond "
            "CSE to the wider context. Early Help remained an issue.")
    assert find_spelt_out(text) == [("CSE", "Child Sexual Exploitation")]
    assert find_spelt_out(text, known=["CSE"]) == []
    assert find_spelt_out("The Chief Executive Officer spoke about CSE.") == []


def test_the_seed_teaches_its_six_acronyms_with_their_long_forms():
    learnt = dict(learn_definitions(split_document(seed_document())))
    assert learnt == {
        "CSE": "Child Sexual Exploitation", "WSCB": "Worcestershire Safeguarding Children Board",
        "CCGs": "Clinical Commissioning Groups", "GDPR": "General Data Protection Regulation",
        "CAMHS": "Child and Adolescent Mental Health Services",
        "CDOP": "Child Death Overview Panel"}


def test_glossary_looks_up_both_ways_and_prefers_the_councils_own_definition():
    glossary = Glossary([Definition("CSP", "Community Safety Partnership"),
                         Definition("CSP", "Countryside Stewardship Plan", "Somerset")])
    assert glossary.long_forms("CSP") == ["Community Safety Partnership",
                                          "Countryside Stewardship Plan"]
    assert glossary.long_forms("csp", ["Somerset"])[0] == "Countryside Stewardship Plan"
    assert glossary.acronyms("community safety partnerships") == ["CSP"]
    camhs = Glossary([Definition("CAMHS", "Child and Adolescent Mental Health Services")])
    assert camhs.acronyms("child and adolescent mental health") == ["CAMHS"]
    assert camhs.acronyms("mental health") == []


@pytest.mark.parametrize("word, expands", [
    ("CAMHS", True), ("camhs", True), ("CCGs", True), ("SEND", True), ("send", False),
    ("Send", False), ("NHS", True), ("care", False),
])
def test_which_query_words_count_as_acronyms(word, expands):
    assert build_glossary([Definition("CCGs", "Clinical Commissioning Groups", "x")]).expands(
        word) is expands


def write_index(path: Path, engine: str) -> Path:
    """An index of the seed and another page of the same council, written with `engine`."""
    report = index_documents(path, [seed_document(),
                                    Document(source="other", url=OTHER_URL, text=OTHER_PAGE)],
                             engine=engine)
    assert not report.errors
    return path


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory, engine):
    return write_index(tmp_path_factory.mktemp(f"index-{engine}"), engine)


@pytest.fixture(scope="module")
def whoosh_index_dir(tmp_path_factory):
    """For the tests of the query expansion itself (it reads a Whoosh searcher)."""
    return write_index(tmp_path_factory.mktemp("index-whoosh"), "whoosh")


def search(index_dir, query, **options):
    return read(index_dir, query=query, page_size=50, **options)


def test_long_form_search_finds_the_camhs_passages_and_says_what_else_it_searched(index_dir):
    results = search(index_dir, "child and adolescent mental health")
    texts = [hit.passage.text for hit in results.hits]
    assert any("Child and Adolescent Mental Health Services (CAMHS)" in t for t in texts)
    assert any(t.startswith("The Board heard that CAMHS waiting times") for t in texts)
    assert [(e.typed, e.also) for e in results.expansions] == [
        ("child and adolescent mental health", ("CAMHS",))]


def test_a_long_form_typed_among_small_words_is_said_without_them(index_dir):
    results = search(index_dir, "waiting times in the child and adolescent mental health "
                                "services of the county")
    assert [(e.typed, e.also) for e in results.expansions] == [
        ("child and adolescent mental health services", ("CAMHS",))]


def test_acronym_search_finds_the_spelt_out_passages_too(index_dir):
    results = search(index_dir, "CSE")
    texts = [hit.passage.text for hit in results.hits]
    assert len(texts) == 3
    assert any(t.startswith("With reference to CSE, the agenda report") for t in texts)
    assert any(t.startswith("Child Sexual Exploitation remained a priority") for t in texts)
    assert any("child sexual exploitation in the night-time economy" in t for t in texts)
    assert [(e.typed, e.also) for e in results.expansions] == [
        ("CSE", ("Child Sexual Exploitation",))]


@pytest.mark.parametrize("query", [
    "information sharing", "referral OR training", '"early help"', "question:problem",
    "safeguarding -adult", "board*", "trainng", "", "schools AND (suicide OR neglect)",
])
def test_queries_without_acronyms_give_exactly_the_same_results(whoosh_index_dir, query):
    with open_index(whoosh_index_dir).searcher() as searcher:
        typed = parse_query(searcher, query)
        assert expand_query(searcher, SearchRequest(query=query), typed) == (typed, [])


def test_the_glossary_follows_the_index_when_a_page_changes(tmp_path, engine):
    index_documents(tmp_path, [seed_document()], engine=engine)
    assert search(tmp_path, "GDPR").expansions
    without = SEED.read_text("utf-8").replace(" (GDPR)", "")
    index_documents(tmp_path, [seed_document(without)])
    result = CliRunner().invoke(cli, ["glossary", "--index", str(tmp_path)])
    assert "CAMHS" in result.output and "GDPR" not in result.output


def test_glossary_command_lists_what_was_learnt_by_council(index_dir):
    runner = CliRunner()
    result = runner.invoke(cli, ["glossary", "--index", str(index_dir)])
    assert result.exit_code == 0
    assert "worcestershire.example:" in result.output
    assert "CAMHS      Child and Adolescent Mental Health Services" in result.output
    lines = runner.invoke(cli, ["glossary", "--index", str(index_dir), "--json"]).output
    records = [json.loads(line) for line in lines.splitlines()]
    assert {"acronym": "CDOP", "long_form": "Child Death Overview Panel",
            "council": "worcestershire.example", "pages": 1} in records
    shipped = runner.invoke(cli, ["glossary", "--index", str(index_dir), "--shipped"]).output
    assert "Shipped with the service:" in shipped and "Community Infrastructure Levy" in shipped
    result = runner.invoke(cli, ["search", "--index", str(index_dir), "CSE"])
    assert "Also searched: CSE → Child Sexual Exploitation" in result.output


def test_abbr_markup_explains_acronyms_and_cannot_inject_html():
    glossary = Glossary([Definition("CSE", "Child Sexual Exploitation"),
                         Definition("XSS", 'Cross "Site"><script>alert(1)</script>')])
    html = mark_up(glossary, escape('<script>alert("CSE")</script> CSE & XSS, cse'))
    assert "<script>" not in html
    assert '<abbr title="Child Sexual Exploitation">CSE</abbr>' in html
    assert 'title="Cross &#34;Site&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">XSS</abbr>' \
        in html
    assert html.endswith(", cse")
    highlighted = mark_up(glossary, '<mark class="match term0">CSE</mark> work')
    assert highlighted == ('<mark class="match term0"><abbr title="Child Sexual Exploitation">'
                           'CSE</abbr></mark> work')


def test_the_results_page_says_what_else_was_searched_escaped(index_dir):
    client = create_app(index_dir=index_dir).test_client()
    page = client.get("/?q=CSE").get_data(as_text=True)
    assert "Also searched: <q>CSE</q> → Child Sexual Exploitation" in page
    page = client.get("/?q=%3Cb%3E+CSE").get_data(as_text=True)
    assert "<b>" not in page and "Also searched: <q>CSE</q>" in page


def test_abbr_markup_can_mark_only_the_first_use_of_each_acronym_across_fields():
    glossary = Glossary([Definition("CCG", "Clinical Commissioning Group"),
                         Definition("CSE", "Child Sexual Exploitation")])
    seen: set[str] = set()
    question = mark_up(glossary, escape("Did the CCGs fund CSE work? The CCG said no."), seen=seen)
    answer = mark_up(glossary, escape("CSE work and CCG funding continue."), seen=seen)
    assert question.count("<abbr") == 2 and question.startswith(
        'Did the <abbr title="Clinical Commissioning Group">CCGs</abbr> fund <abbr')
    assert "<abbr" not in answer and seen == {"CCG", "CSE"}
