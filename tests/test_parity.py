"""Parity of the two engines on a real corpus written by the project (the web tests' minutes and
the sample report in samples/): for searches of words, phrases, acronyms, the query syntax,
filters, date ranges, sorts and pages, the API answers with the same totals, pages, facet counts,
expansions and suggestions on Whoosh and Xapian, lists the same agenda items, and every passage
found is found by both.

What may differ, by design (docs/scale-out.md): the order of passages of equal standing (Whoosh's
BM25F and share² of the words held, Xapian's BM25), so which passages a page shows first, and
which two passages of an agenda item a grouped page lists. Those are compared as sets: the
items listed with their counts, and every match of the search without grouping."""
from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from search_service.app import create_app
from search_service.cli import opened_reader
from search_service.pipeline.indexing import index_paths
from search_service.readers import Reader
from search_service.search import MAX_PAGE_SIZE
from search_service.web.params import read_request
from tests.conftest import ENGINES, WEB_DATA

SAMPLE_REPORT = (Path(__file__).parent.parent / "samples"
                 / "worcestershire-safeguarding-annual-report.txt")
# Every kind of search the pages offer, as the search form and the facet links write them.
SEARCHES = [
    "q=council", "q=pothole+repairs", "q=%22Members+Question+Time%22", "q=%22early+help%22",
    "q=MASH", "q=CAMHS", "q=children+looked+after", "q=school+-forum",
    "q=ofsted+OR+inspection", "q=refer*", "q=schoo*", "q=sch%3Fol", "q=c*cil",
    "q=how+are+school+budgets+set%3F", "q=question:Hilton",
    "q=question:Hilton+answer:Norman", "q=speaker:hilton", "q=inspecton",
    "q=informaton+sharing", "q=school+AND+(budget+OR+funding)", "q=year:2021",
    "q=school&kind=qa", "q=council&kind=qa&kind=statement", "q=council&committee=cabinet",
    "q=council&council=south+ashworth", "q=school&year=2021&year=2022",
    "q=school&from=2020-01-01&to=2022-12-31", "q=council&topic=Children%27s+social+care",
    "q=council&speaker=Cllr+Hilton", "q=school&committee=Schools+Forum&kind=decision",
    "q=council&sort=newest", "q=council&sort=oldest&page=2", "q=council&page_size=5&page=3",
    "q=interest", "q=interest&routine=include", "", "kind=decision", "council=Stourshire",
    "year=2022&sort=newest", "from=2018-01-01&to=2019-12-31&sort=oldest",
    "q=%22zebra+crossing+quango%22",
]
# What the API says of the whole search, the same on both engines.
SAME = ("query", "filters", "sort", "page", "page_size", "pages", "total", "listed",
        "routine_left_out", "expansions", "suggestion", "estimated", "shards")


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The corpus indexed by each engine."""
    built = {}
    for engine in ENGINES:
        built[engine] = tmp_path_factory.mktemp(f"parity-{engine}")
        report = index_paths(built[engine], [str(WEB_DATA), str(SAMPLE_REPORT)], engine=engine)
        assert not report.errors and report.passages_added > 100
    return built


@pytest.fixture(scope="module")
def clients(indexes: dict[str, Path]) -> dict[str, FlaskClient]:
    return {engine: create_app(index_dir=index).test_client()
            for engine, index in indexes.items()}


@pytest.fixture(scope="module")
def readers(indexes: dict[str, Path]) -> Iterator[dict[str, Reader]]:
    with opened_reader(indexes["whoosh"]) as whoosh, opened_reader(indexes["xapian"]) as xapian:
        yield {"whoosh": whoosh, "xapian": xapian}


def api(client: FlaskClient, search: str) -> dict[str, Any]:
    response = client.get("/api/search?" + search)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def items(answer: dict[str, Any]) -> Counter[tuple[str, str, int]]:
    """The agenda items a page lists (meeting, title), each with how many of its passages are
    found but not listed, once for each passage listed."""
    return Counter((hit["meeting_id"], hit["item_title"] or "", hit["more_in_item"])
                   for hit in answer["results"])


def every_match(reader: Reader, search: str) -> set[str]:
    """The ids of every passage the search finds, ungrouped, page after page."""
    request = dataclasses.replace(read_request(MultiDict(parse_qsl(search))), page=1,
                                  page_size=MAX_PAGE_SIZE, facets=False, group_by_item=False)
    found: list[str] = []
    while True:
        hits = reader.search(request).hits
        found += [hit.passage.id for hit in hits]
        if len(hits) < MAX_PAGE_SIZE:
            return set(found)
        request = dataclasses.replace(request, page=request.page + 1)


@pytest.mark.parametrize("search", SEARCHES)
def test_both_engines_give_the_same_totals_facets_items_and_matches(
        clients: dict[str, FlaskClient], readers: dict[str, Reader], search: str) -> None:
    expected, found = (api(clients[engine], search) for engine in ENGINES)
    for key in SAME:
        assert found.get(key) == expected.get(key), key
    assert list(found["facets"]) == list(expected["facets"])
    for name in expected["facets"]:
        assert found["facets"][name] == expected["facets"][name], name
    assert len(found["results"]) == len(expected["results"])
    # The order of passages of equal standing differs (BM25F and share², BM25): a sorted page
    # lists the same dates in order; every page lists as many passages of each item.
    if "sort=" in search:
        assert ([hit["meeting_date"] for hit in found["results"]]
                == [hit["meeting_date"] for hit in expected["results"]])
    whole = "&".join(part for part in search.split("&")
                     if not part.startswith(("page=", "page_size="))) + f"&page_size={MAX_PAGE_SIZE}"
    expected_whole, found_whole = (api(clients[engine], whole) for engine in ENGINES)
    if expected_whole["pages"] <= 1:  # every item of the search on one page
        assert items(found_whole) == items(expected_whole)
    matches = {engine: every_match(readers[engine], search) for engine in ENGINES}
    assert matches["xapian"] == matches["whoosh"]
    assert len(matches["whoosh"]) == expected["total"]


def test_the_searches_cover_what_they_are_meant_to(clients: dict[str, FlaskClient]) -> None:
    """The searches above find passages, page, suggest, expand acronyms and count facets, so
    the parity is not that of empty answers."""
    answers = {search: api(clients["whoosh"], search) for search in SEARCHES}
    assert sum(1 for answer in answers.values() if answer["total"] > 0) >= len(SEARCHES) - 2
    assert answers["q=inspecton"]["suggestion"] and answers["q=MASH"]["expansions"]
    assert answers["q=council&sort=oldest&page=2"]["pages"] > 2
    assert answers["q=interest"]["routine_left_out"] > 0
    grouped = answers["q=pothole+repairs"]  # agenda items of many passages, two listed of each
    assert grouped["listed"] < grouped["total"]
    assert answers["q=school&from=2020-01-01&to=2022-12-31"]["total"] > 0
    assert answers["q=%22zebra+crossing+quango%22"]["total"] == 0
    assert all(answers["q=council"]["facets"][name] for name in ("council", "committee", "kind",
                                                                 "year", "topic", "speaker"))
