"""Searches as people type them: plain words ranked by how many a passage holds, words with
inner punctuation, unclosed quotes, results grouped by agenda item, "Missing: …"."""
import datetime as dt
from pathlib import Path

import pytest

from search_service.cli import opened_reader
from search_service.model import Document
from search_service.pipeline.indexing import index_documents
from search_service.search import SearchRequest

SEED = Path(__file__).parent / "data" / "seed.txt"

PARKING = """\
Councillor Patel asked what the Cabinet Member for Highways had said about parking charges in \
the town centre.

The Cabinet Member replied that parking charges would be frozen until April.
"""
CHILDREN = """\
Members asked how many looked after children were placed outside the county. The Director \
said that 45 children were placed outside the county.

The Panel was told that Child and Adolescent Mental Health Services waiting times had fallen \
to twelve weeks.

Members discussed self-harm among young people and the support offered at A&E.

The self-scrutiny exercise was welcomed by the Panel.

The year-end position showed an underspend on placements.

The year ahead would be difficult for the service.
"""
POTHOLES = "\n\n".join(
    f"Point {n}: pothole repairs on the {road} road were discussed at length."
    for n, road in enumerate(["north", "south", "east", "west", "upper", "lower", "old"], 1))
OTHER_POTHOLES = ["A resident asked when the pothole repairs in the village would be done.",
                  "The Parish Council noted the pothole repairs list."]


def document(url: str, text: str, committee: str, title: str) -> Document:
    return Document(source=url, url=url, text=text, council="Northshire County Council",
                    committee=committee, meeting_date=dt.date(2024, 3, 5), item_title=title)


@pytest.fixture(scope="module")
def reader(tmp_path_factory, engine):
    """The index on `engine`, read through the engine's Reader."""
    index_dir = tmp_path_factory.mktemp(f"plain-words-{engine}")
    documents = [document("https://example.gov.uk/parking", PARKING, "Cabinet", "Town centre"),
                 document("https://example.gov.uk/children", CHILDREN, "Children's Scrutiny",
                          "Annual report"),
                 document("https://example.gov.uk/roads", POTHOLES, "Highways", "Roads"),
                 *[document(f"https://example.gov.uk/roads/{n}", text, "Parish", f"Item {n}")
                   for n, text in enumerate(OTHER_POTHOLES)],
                 Document(source=str(SEED), url="seed", text=SEED.read_text(encoding="utf-8"))]
    report = index_documents(index_dir, documents, engine=engine)
    assert not report.errors
    with opened_reader(index_dir) as reader:
        yield reader


def search(reader, query: str, **options):
    return reader.search(SearchRequest(query=query, **options))


def texts(results) -> list[str]:
    return [hit.passage.text for hit in results.hits]


@pytest.mark.parametrize("query, expected", [
    ("how many looked after children", "looked after children were placed"),
    ("CAMHS waiting times", "Mental Health Services waiting times"),
    ("what did the cabinet member say about parking charges", "parking charges in the town"),
    ("is there anything about self-harm at A&E", "self-harm among young people"),
])
def test_questions_and_partial_words_find_the_passage_first(reader, query, expected):
    results = search(reader, query)
    assert results.hits and expected in texts(results)[0]


@pytest.mark.parametrize("query, expected", [
    ("how many looked after children are placed outside the county?",
     "looked after children were placed"),
    ("what did the cabinet member say about parking charges ?", "parking charges in the town"),
    ('what about "parking charges?"', "parking charges in the town"),
])
def test_a_question_mark_ending_a_question_is_no_wildcard(reader, query, expected):
    results = search(reader, query)
    assert results.hits and expected in texts(results)[0]
    assert results.suggestion is None


@pytest.mark.parametrize("query", ["fro?en", "fr*en", "fro?en parking"])
def test_a_question_mark_or_star_inside_a_word_is_a_wildcard(reader, query):
    assert "frozen until April" in texts(search(reader, query))[0]
    assert search(reader, "fro?xen").hits == []


def test_did_you_mean_only_for_words_the_passages_do_not_hold(reader):
    # "placement" is nowhere as written, but its stem is: the search found it, nothing to fix.
    assert search(reader, "placement underspend").suggestion is None
    assert search(reader, "plcements underspend").suggestion == "placements underspend"


@pytest.mark.parametrize("query", ["why couldn't placements underspend",
                                   "why didn’t placements underspend"])
def test_did_you_mean_leaves_contractions_alone(reader, query):
    assert search(reader, query).suggestion is None
    assert search(reader, query.replace("placements", "plcements")).suggestion == query


@pytest.mark.parametrize("query, same_as", [
    ("NOT NOT underspend", "underspend"),              # a double negation cancels
    ("underspend NOT NOT NOT county", "underspend NOT county"),
    ("placements AND AND underspend", "placements AND underspend"),
])
def test_an_operator_typed_twice_is_read_once(reader, query, same_as):
    assert texts(search(reader, query)) == texts(search(reader, same_as))
    assert search(reader, same_as).hits


def test_passages_holding_every_word_come_before_those_holding_some(reader):
    ranked = texts(search(reader, "year-end placements underspend"))
    assert "year-end position" in ranked[0]
    assert not any("year ahead" in text for text in ranked)


@pytest.mark.parametrize("query, found, not_found", [
    ("self-harm", "self-harm among", "self-scrutiny"),
    ("self harm", "self-harm among", None),  # "self-scrutiny" holds one word: after it
    ("selfharm", "self-harm among", "self-scrutiny"),
    ("year-end", "year-end position", "year ahead"),
    ("A&E", "at A&E", "self-scrutiny"),
    ('"risk of self-harm"', None, None),
    ("joined-up", "more joined-up working", None),
    ("long-term", "long-term sick leave", None),
])
def test_words_with_inner_punctuation_are_words(reader, query, found, not_found):
    hits = texts(search(reader, query))
    if found is None:
        assert hits == []
    else:
        assert hits and all(found in text for text in hits[:1])
    assert not any(not_found and not_found in text for text in hits)


def test_an_unclosed_quote_runs_to_the_end(reader):
    assert texts(search(reader, '"parking charges')) == texts(
        search(reader, '"parking charges"')) != []


@pytest.mark.parametrize("query, required, banned", [
    ('"town centre" cabinet', "town centre", None),
    ("pothole -village", "pothole", "village"),
    ("parking AND april", "April", None),
    ("question:parking", "parking", None),
    ("pothole repairs OR underspend", "pothole", None),
])
def test_explicit_syntax_keeps_its_strict_meaning(reader, query, required, banned):
    hits = texts(search(reader, query))
    assert hits and all(required in text or "underspend" in text for text in hits)
    assert not any(banned and banned in text for text in hits)


def test_one_agenda_item_shows_at_most_two_passages_and_counts_the_rest(reader):
    results = search(reader, "pothole repairs")
    roads = [hit for hit in results.hits if hit.passage.url == "https://example.gov.uk/roads"]
    assert len(roads) == 2 and {hit.more_in_item for hit in roads} == {5}
    assert results.total == 9 and len(results.hits) == 4


def test_a_passage_shows_the_plain_words_it_does_not_hold(reader):
    results = search(reader, "parking charges refund")
    assert results.hits[0].missing == ("refund",)
    assert search(reader, "parking charges").hits[0].missing == ()


def test_pages_count_the_listed_passages_only(reader):
    results = search(reader, "pothole repairs", page_size=2)
    assert results.total == 9 and results.listed == 4 and results.pages == 2
    assert search(reader, "pothole repairs", page_size=2, page=3).hits == []


def one_page_reader(tmp_path_factory, engine: str, name: str, page: Document):
    """An index of one page on `engine`, read through the engine's Reader."""
    index_dir = tmp_path_factory.mktemp(f"{name}-{engine}")
    report = index_documents(index_dir, [page], engine=engine)
    assert not report.errors
    with opened_reader(index_dir) as reader:
        yield reader


@pytest.fixture(scope="module")
def compounds_reader(tmp_path_factory, engine):
    """Minutes writing some words apart and others joined, on `engine`."""
    yield from one_page_reader(tmp_path_factory, engine, "compounds", document(
        "https://example.gov.uk/parish", "A resident asked whether weed killer was used on the "
        "footpaths.\n\nThe carpark behind the village hall would be resurfaced in May.\n\n"
        "The Clerk reported that the bus shelter had been repaired.\n\nThe scanned letter "
        "read conf idential, from the club's pres office.", "Parish", "Public forum"))


@pytest.mark.parametrize("query, expected, also", [
    ("weedkiller", "weed killer was used", ("weedkiller", ("weed killer",))),
    ("car park", "The carpark behind", ("car park", ("carpark",))),
    ("bus shelter", "bus shelter had been", None),   # held as written: nothing more searched
])
def test_words_written_joined_or_apart_find_each_other(compounds_reader, query, expected, also):
    results = search(compounds_reader, query)
    assert results.hits and expected in texts(results)[0]
    found = [(expansion.typed, expansion.also) for expansion in results.expansions]
    assert found == ([also] if also else [])


def test_a_word_splits_only_into_english_words(compounds_reader):
    # ("pres" and "idential" are words of the page, broken by its scan, not of the language)
    assert search(compounds_reader, "presidential office").expansions == []


@pytest.fixture(scope="module")
def synonyms_reader(tmp_path_factory, engine):
    """Minutes in the words councils use, on `engine`."""
    yield from one_page_reader(tmp_path_factory, engine, "synonyms", document(
        "https://example.gov.uk/housing", "The average time to relet voids had risen to 41 "
        "days.\n\nReports of fly-tipping in the borough had fallen by a fifth.\n\n"
        "The footway on Mill Lane would be resurfaced in the spring.\n\nA resident said the "
        "pavement outside the school was too narrow.\n\nThe Homes for Ukraine grant was £10,500 a "
        "guest for the first year.", "Housing", "Performance"))


@pytest.mark.parametrize("query, expected, also", [
    ("why are empty homes taking longer to relet", "relet voids",
     ("empty homes", ("void", "empty property"))),
    ("illegal dumping", "Reports of fly-tipping", ("illegal dumping", ("fly-tipping",
                                                                       "dumped rubbish"))),
    ("footway resurfacing", "The footway on Mill Lane", ("footway", ("pavement",))),
    # a people's word finds its place's name
    ("funding for each Ukrainian refugee", "Homes for Ukraine", ("Ukrainian", ("Ukraine",))),
])
def test_plain_words_find_the_words_minutes_use(synonyms_reader, query, expected, also):
    results = search(synonyms_reader, query)
    assert results.hits and expected in texts(results)[0]
    assert [(expansion.typed, expansion.also) for expansion in results.expansions] == [also]


def test_the_words_typed_rank_before_their_synonyms(synonyms_reader):
    found = texts(search(synonyms_reader, "pavement"))
    assert [text.split()[:2] for text in found] == [["A", "resident"], ["The", "footway"]]


@pytest.fixture(scope="module")
def length_reader(tmp_path_factory, engine):
    """A one-line mention and a paragraph that discusses the matter, on `engine`."""
    yield from one_page_reader(tmp_path_factory, engine, "length", document(
        "https://example.gov.uk/parks", "The play area fencing was mentioned.\n\nCouncillor "
        "Hale reported on the play area at Mill Green. The fencing around the play area had "
        "been damaged twice since the summer and the contractor had quoted for new fencing "
        "with a self-closing gate. Parents had asked for the play area to stay open while "
        "the work was done, and the contractor had agreed to replace the fencing one side at "
        "a time over two weeks in the school holidays. The Clerk would report on the new fencing "
        "for the play area in March.", "Parish", "Parks"))


def test_a_paragraph_on_the_matter_ranks_above_a_passing_mention(length_reader):
    found = texts(search(length_reader, "play area fencing"))
    assert [text.split()[:2] for text in found] == [["Councillor", "Hale"], ["The", "play"]]
