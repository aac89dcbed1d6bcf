"""The web pages and the JSON API on a Xapian index, served by `search-service serve` (waitress)
beside a Whoosh index of the same minutes (the user's seed, the web tests' pages and two
councils' pages written here): the same totals, facet counts, paging and passages, the same
highlights, passage and meeting pages; a stub of two real xapian-tcpsrv shards answers as one
database, and with a shard killed gives the live shard's results said so (the API's `shards`,
a notice on the page) until the shard is back; a commit to the served index is seen without a
restart."""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from lxml import html

from search_service.pipeline.indexing import index_paths
from search_service.search_xapian import EXACT_COUNT_ENV
from tests.conftest import WEB_DATA, running_server
from tests.support.minutes import SEED
from tests.support.xapian_shards import (
    PAGES,
    ShardServers,
    one_index_and_a_stub_of_two_shards,
    shard_indexes,
    write_pages,
    write_stub,
)

FACETS = ("council", "committee", "meeting", "year", "topic", "kind", "speaker", "item")
# Searches of words, a phrase, an acronym, filters, sorts and pages: the same totals, facet
# counts, paging and expansions on both engines.
SEARCHES = ["q=referrals", "q=%22early+help%22", "q=CAMHS", "q=council&kind=qa",
            "q=council&sort=newest", "q=council&sort=oldest&page=2", "q=council&page=2",
            "q=waiting+times", "q=children+-schools", "q=report&committee=cabinet",
            "q=referrals&page_size=3&page=2", "council=Northvale",
            "q=council&topic=Children%27s+social+care", "q=council&speaker=Councillor+Hilton",
            "kind=decision&page_size=5&page=2"]
# Searches whose pages list the same passages in the same order on both engines: their best
# passages hold every word, or a phrase, or they list a filter; elsewhere the ranking formulas
# (BM25F, BM25) order passages holding some of the words, and the ties of a date, apart.
SAME_PAGE = ("q=referrals", "q=%22early+help%22", "q=CAMHS", "q=referrals&page_size=3&page=2",
             "council=Northvale", "kind=decision&page_size=5&page=2")


def get(base: str, path: str) -> tuple[int, bytes]:
    """The status and body of a GET."""
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def api(base: str, path: str) -> dict[str, Any]:
    """The JSON of a GET that answered 200."""
    status, body = get(base, path)
    assert status == 200, body[:500]
    return json.loads(body)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return [str(SEED), str(write_pages(tmp_path_factory.mktemp("pages"), list(PAGES))),
            str(WEB_DATA)]


@pytest.fixture(scope="module")
def servers(sources: list[str], tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[dict[str, str]]:
    """A Whoosh and a Xapian index of the same minutes, each served by waitress: base URLs by
    engine."""
    with (running_server(index(tmp_path_factory, "whoosh", sources), tmp_path_factory) as whoosh,
          running_server(index(tmp_path_factory, "xapian", sources), tmp_path_factory) as xapian):
        yield {"whoosh": whoosh, "xapian": xapian}


def index(tmp_path_factory: pytest.TempPathFactory, engine: str, sources: list[str]) -> Path:
    """A new index of `sources` built with `engine`."""
    index_dir = tmp_path_factory.mktemp(engine)
    report = index_paths(index_dir, sources, engine=None if engine == "whoosh" else engine)
    assert not report.errors and report.passages_added > 100
    return index_dir


@pytest.mark.parametrize("search", SEARCHES)
def test_the_api_answers_as_on_whoosh(servers: dict[str, str], search: str) -> None:
    expected, found = (api(servers[engine], "/api/search?" + search)
                       for engine in ("whoosh", "xapian"))
    assert found["total"] == expected["total"] > 0 and found["estimated"] is False
    for key in ("query", "filters", "sort", "page", "pages", "listed", "routine_left_out",
                "expansions", "shards", "estimated"):
        assert found[key] == expected[key], key
    assert list(found["facets"]) == list(expected["facets"]) == list(FACETS)
    for name in FACETS:
        assert found["facets"][name] == expected["facets"][name], name
    ids = [[hit["id"] for hit in answer["results"]] for answer in (expected, found)]
    assert len(ids[1]) == len(ids[0]) > 0
    if search in SAME_PAGE:
        assert ids[1] == ids[0]
    if "sort=" in search:  # the same meetings' dates, in order; within a date, each its own ties
        assert ([hit["meeting_date"] for hit in found["results"]]
                == [hit["meeting_date"] for hit in expected["results"]])
    assert [list(hit) for hit in found["results"]] == [list(hit) for hit in expected["results"]]


def marks(highlights: dict[str, str]) -> dict[str, str]:
    """Highlights without the formatter's word numbers (term0, term1: in the order each page
    meets the words, which the ranking changes)."""
    return {name: re.sub(r" term\d+", "", text) for name, text in highlights.items()}


@pytest.mark.parametrize("search", ["q=referrals", "q=waiting+times", "q=%22early+help%22",
                                    "q=CAMHS", "q=refer*", "q=council&page_size=100"])
def test_highlights_are_whooshs(servers: dict[str, str], search: str) -> None:
    expected, found = ({hit["id"]: marks(hit["highlights"]) for hit in api(
        servers[engine], "/api/search?" + search)["results"]} for engine in ("whoosh", "xapian"))
    shared = set(found) & set(expected)
    assert shared and any(found[one] for one in shared)
    for one in shared:
        assert found[one] == expected[one], one


def test_the_search_page_marks_the_words_found(servers: dict[str, str]) -> None:
    status, body = get(servers["xapian"], "/?q=waiting+times")
    page = html.fromstring(body)
    assert status == 200
    marked = {mark.text_content().lower() for mark in page.xpath("//ol[@class='hits']//mark")}
    assert {"waiting", "times"} <= marked
    assert page.xpath("//p[@class='results__range']")
    assert "Missing:" in page.text_content()  # passages holding "waiting" or "times" only


def test_beyond_the_exact_count_the_page_and_the_api_say_the_counts_are_estimates(
        sources: list[str], tmp_path_factory: pytest.TempPathFactory,
        start_server: Callable[[Path], AbstractContextManager[str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EXACT_COUNT_ENV, "5")
    with start_server(index(tmp_path_factory, "xapian", sources)) as base:
        answer = api(base, "/api/search?q=council")
        page = html.fromstring(get(base, "/?q=council")[1])
    assert answer["estimated"] is True and answer["total"] > 5
    assert page.xpath("string(//h2[@id='results-title'])").startswith(
        f"About {answer['total']:,} passages")
    assert "are estimates" in page.xpath("string(//p[@class='estimate-note'])")
    assert re.match(r"of about [\d,]+", page.xpath("string(//p[@class='results__range'])")
                    .split("–", 1)[1].split(" ", 1)[1])
    counts = [count.text_content() for count in page.xpath("//span[@class='facet__count']")]
    assert counts and all(re.fullmatch(r"~[\d,]+ passages \(estimated\)", count)
                          for count in counts)


def test_passage_and_meeting_pages_open_by_id(servers: dict[str, str]) -> None:
    hit = api(servers["xapian"], "/api/search?q=412+referrals")["results"][0]
    expected, found = (api(servers[engine], f"/api/passages/{hit['id']}")
                       for engine in ("whoosh", "xapian"))
    for key in ("passage", "meeting", "previous", "next"):
        assert found[key] == expected[key], key
    assert found["meeting"]["council"] == "Northvale" and (found["previous"] or found["next"])
    meeting = found["meeting"]["id"]
    assert (api(servers["xapian"], f"/api/meetings/{meeting}")
            == api(servers["whoosh"], f"/api/meetings/{meeting}"))
    for path in (f"/passages/{hit['id']}", f"/meetings/{meeting}"):
        status, body = get(servers["xapian"], path)
        assert status == 200 and "412 referrals" in html.fromstring(body).text_content()
    assert get(servers["xapian"], "/passages/no-such-passage")[0] == 404


@pytest.mark.parametrize("path", ["/", "/browse", "/glossary", "/api/glossary", "/help",
                                  "/people/Councillor%20Ames", "/meetings/no-such-meeting"])
def test_the_other_pages_answer_as_on_whoosh(servers: dict[str, str], path: str) -> None:
    (status, expected), (found_status, found) = (get(servers[engine], path)
                                                 for engine in ("whoosh", "xapian"))
    assert found_status == status and found == expected


def test_a_persons_passages_and_a_feed_are_whooshs(servers: dict[str, str]) -> None:
    """The same passages (a sorted page's score is Whoosh's sort key, 0 on Xapian)."""
    expected, found = (api(servers[engine], "/api/people/Councillor%20Ames")
                       for engine in ("whoosh", "xapian"))
    for answer in (expected, found):
        for group in answer["groups"]:
            for passage in group["passages"]:
                passage["score"] = None
    assert found == expected and found["total"] > 0
    expected, found = (sorted(entry.removeprefix(servers[engine]) for entry in html.fromstring(
        get(servers[engine], "/feed.atom?q=%22early+help%22")[1]).xpath(
            "//*[local-name()='entry']/*[local-name()='id']/text()"))
        for engine in ("whoosh", "xapian"))
    assert found == expected and len(found) > 3


@pytest.mark.parametrize("search, message", [
    ("q=x&council=nowhere", "nowhere"), ("q=x&sort=sideways", "sort must be one of"),
    ("q=date:2021", "cannot search NumericRange queries")])
def test_a_bad_query_is_400_with_a_message(servers: dict[str, str], search: str,
                                           message: str) -> None:
    status, body = get(servers["xapian"], "/api/search?" + search)
    assert status == 400 and message in json.loads(body)["error"]["message"]
    status, body = get(servers["xapian"], "/?" + search)
    assert status == 400 and message.lower() in html.fromstring(body).text_content().lower()


def councils(answer: dict[str, Any]) -> dict[str, int]:
    """The council facet's counts of an API answer."""
    return {value["value"]: value["count"] for value in answer["facets"]["council"]}


def test_a_commit_is_seen_without_a_restart(tmp_path: Path, start_server: Callable[
        [Path], AbstractContextManager[str]]) -> None:
    index_dir = tmp_path / "index"
    index_paths(index_dir, [str(write_pages(tmp_path / "n", ["northvale"]))], engine="xapian")
    with start_server(index_dir) as base:
        before = api(base, "/api/search?q=referrals")
        assert councils(before) == {"Northvale": before["total"]}
        index_paths(index_dir, [str(write_pages(tmp_path / "s", ["southmere"]))])
        after = api(base, "/api/search?q=referrals")
        assert after["total"] == before["total"] + 1
        assert councils(after) == {"Northvale": before["total"], "Southmere": 1}


def without_shards(answer: dict[str, Any]) -> dict[str, Any]:
    """An API answer but its `shards` (null for one index)."""
    return {key: value for key, value in answer.items() if key != "shards"}


def partial_notes(base: str, path: str) -> list[str]:
    """The search page's notices that shards did not answer (its status must be 200)."""
    status, body = get(base, path)
    assert status == 200, body[:500]
    return [" ".join(note.text_content().split())
            for note in html.fromstring(body).xpath("//p[@class='partial-note']")]


def test_a_stub_of_two_shards_answers_as_one_database(
        tmp_path: Path, shard_servers: ShardServers,
        start_server: Callable[[Path], AbstractContextManager[str]]) -> None:
    whole, stub = one_index_and_a_stub_of_two_shards(tmp_path, shard_servers)
    with start_server(whole) as one, start_server(stub) as shards:
        for search in ("q=referrals", "q=waiting+times&kind=qa", "q=report&sort=newest",
                       "q=referrals&page_size=1&page=2", "q=CAMHS"):
            expected = api(one, "/api/search?" + search)
            assert expected["total"] > 0 and expected["shards"] is None
            found = api(shards, "/api/search?" + search)
            assert found["shards"] == {"total": 2, "failed": 0, "failed_addresses": []}
            assert without_shards(found) == without_shards(expected), search
        passage = expected["results"][0]["id"]
        assert (api(shards, f"/api/passages/{passage}")
                == api(one, f"/api/passages/{passage}"))
        status, body = get(shards, "/?q=waiting+times")
        assert status == 200 and html.fromstring(body).xpath("//ol[@class='hits']//mark")
        assert partial_notes(shards, "/?q=waiting+times") == []


SHARD_SEARCHES = ("q=referrals", "q=waiting+times&kind=qa", "q=CAMHS", "council=Northvale",
                  "q=report&sort=newest")


def test_a_shard_down_gives_partial_results_said_so_until_it_is_back(
        tmp_path: Path, shard_servers: ShardServers,
        start_server: Callable[[Path], AbstractContextManager[str]]) -> None:
    """The server keeps its databases between requests: a shard killed after they were opened
    is left out of the next request's results (the API and the page say so), and searched
    again once it is back on its port; the server logs no traceback."""
    indexes = shard_indexes(tmp_path)
    north, south = shard_servers.serve(indexes.shard_databases)
    stub = write_stub(tmp_path / "shards.stub", [north, south])
    with (start_server(indexes.whole) as whole, start_server(indexes.north) as north_only,
          start_server(stub) as shards):
        for search in SHARD_SEARCHES:
            assert api(shards, "/api/search?" + search)["shards"]["failed"] == 0
        shard_servers.kill(south)
        for search in SHARD_SEARCHES:
            found = api(shards, "/api/search?" + search)
            assert found["shards"] == {"total": 2, "failed": 1,
                                       "failed_addresses": [f"127.0.0.1:{south}"]}, search
            # The live shard's passages, counts and scores, as it answers alone.
            assert without_shards(found) == without_shards(
                api(north_only, "/api/search?" + search)), search
        assert (api(shards, "/api/search?q=referrals")["total"]
                < api(whole, "/api/search?q=referrals")["total"])
        assert partial_notes(shards, "/?q=referrals") == [
            "1 of 2 shards did not answer: results are partial."]
        assert get(shards, "/")[0] == get(shards, "/browse")[0] == 200
        shard_servers.start(indexes.south / "xapian", south)
        for search in SHARD_SEARCHES:
            found = api(shards, "/api/search?" + search)
            assert found["shards"] == {"total": 2, "failed": 0, "failed_addresses": []}
            assert without_shards(found) == without_shards(
                api(whole, "/api/search?" + search)), search
        assert partial_notes(shards, "/?q=referrals") == []


def test_every_shard_down_is_a_503_then_the_shards_back_answer(
        tmp_path: Path, shard_servers: ShardServers,
        start_server: Callable[[Path], AbstractContextManager[str]]) -> None:
    indexes = shard_indexes(tmp_path)
    ports = shard_servers.serve(indexes.shard_databases)
    stub = write_stub(tmp_path / "shards.stub", ports)
    with start_server(stub) as shards:
        assert api(shards, "/api/search?q=referrals")["total"] > 0
        for port in ports:
            shard_servers.kill(port)
        status, body = get(shards, "/api/search?q=referrals")
        assert status == 503 and json.loads(body)["error"]["status"] == 503
        assert "servers answered" in json.loads(body)["error"]["message"]
        status, page = get(shards, "/?q=referrals")
        assert status == 503 and b"not answering" in page and b"not been indexed" not in page
        for database, port in zip(indexes.shard_databases, ports):
            shard_servers.start(database, port)
        assert api(shards, "/api/search?q=referrals")["shards"]["failed"] == 0


def test_a_shard_added_to_the_stub_is_searched_without_a_restart(
        tmp_path: Path, shard_servers: ShardServers,
        start_server: Callable[[Path], AbstractContextManager[str]]) -> None:
    indexes = shard_indexes(tmp_path)
    north, south = shard_servers.serve(indexes.shard_databases)
    stub = write_stub(tmp_path / "shards.stub", [north])
    with start_server(indexes.whole) as whole, start_server(stub) as shards:
        before = api(shards, "/api/search?q=referrals")
        assert before["shards"] == {"total": 1, "failed": 0, "failed_addresses": []}
        write_stub(stub, [north, south])
        after = api(shards, "/api/search?q=referrals")
        assert after["shards"] == {"total": 2, "failed": 0, "failed_addresses": []}
        assert without_shards(after) == without_shards(api(whole, "/api/search?q=referrals"))
        assert after["total"] > before["total"]
