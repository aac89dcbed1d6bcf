"""The Xapian engine against the Whoosh engine on the same minutes (the user's seed and pages
written here): the same totals, facet counts and top hits; two shards served by xapian-tcpsrv
and opened through a stub file give what one database gives."""
from __future__ import annotations

import json
import operator
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from search_service.cli import cli, opened_reader
from search_service.engine.choice import ENGINE_FILE, engine_of
from search_service.engine.store import StoreError, open_index
from search_service.engine.xapian_engine import search as xsearch
from search_service.engine.xapian_engine.store import open_index as open_xapian
from search_service.pipeline.indexing import index_paths
from search_service.search import SearchRequest, search_passages
from search_service.search_xapian import EXACT_COUNT_ENV
from search_service.serialize import EXPORTED
from tests.support.minutes import SEED
from tests.support.xapian_shards import (
    PAGES,
    one_index_and_a_stub_of_two_shards,
    write_pages,
)

QUERIES = ["referrals", "safeguarding board annual report", "waiting times", '"early help"',
           "children -schools", ""]
# Queries whose best passage holds every word (or a phrase, or one word): the same top hit on
# both engines. No words: both list every passage, each in its own order.
SAME_TOP_HIT = ("referrals", "waiting times", '"early help"', "children -schools")
FACETS = ("kind", "council", "committee", "year", "meeting", "topic", "speaker")


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = write_pages(tmp_path_factory.mktemp("pages"), list(PAGES))
    return [str(SEED), str(folder)]


@pytest.fixture(scope="module")
def both(sources: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A Whoosh index and a Xapian index of the same sources."""
    whoosh_dir, xapian_dir = (tmp_path_factory.mktemp(name) for name in ("whoosh", "xapian"))
    for index_dir, engine in ((whoosh_dir, None), (xapian_dir, "xapian")):
        report = index_paths(index_dir, sources, engine=engine)
        assert not report.errors and report.passages_added > 20
    return whoosh_dir, xapian_dir


def whoosh_search(index_dir: Path, text: str, **filters: list[str]):
    with open_index(index_dir).searcher() as searcher:
        return search_passages(searcher, SearchRequest(query=text, filters=filters,
                                                       group_by_item=False, page_size=5))


def test_the_engine_is_recorded_and_kept(both: tuple[Path, Path], sources: list[str]) -> None:
    whoosh_dir, xapian_dir = both
    assert (xapian_dir / ENGINE_FILE).read_text().strip() == "xapian"
    assert engine_of(xapian_dir) == "xapian" and engine_of(whoosh_dir) == "whoosh"
    with pytest.raises(StoreError, match="is a xapian index"):
        index_paths(xapian_dir, sources, engine="whoosh")


def test_a_second_run_changes_nothing_and_a_changed_page_is_replaced(
        tmp_path: Path) -> None:
    index_dir, pages = tmp_path / "index", write_pages(tmp_path / "pages", ["northvale"])
    first = index_paths(index_dir, [str(pages)], engine="xapian")
    assert index_paths(index_dir, [str(pages)]).unchanged == 1
    PAGES_CHANGED = dict(PAGES["northvale"], text=PAGES["northvale"]["text"].replace(
        "412 referrals", "415 referrals"))
    (pages / "pages.jsonl").write_text(json.dumps(
        {"url": "https://northvale.example.gov.uk/minutes/1", **PAGES_CHANGED}) + "\n")
    again = index_paths(index_dir, [str(pages)])
    assert again.passages_removed == first.passages_added == again.passages_added
    database = open_xapian(index_dir).searcher()
    found = xsearch.search(database, "415")
    assert found.total == 1 and xsearch.search(database, "412").total == 0
    assert xsearch.search(database, "").total == first.passages_added


def test_a_cancelled_batch_leaves_the_last_commit(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    index_paths(index_dir, [str(write_pages(tmp_path / "one", ["northvale"]))], engine="xapian")
    before = xsearch.search(open_xapian(index_dir).searcher(), "").total

    def failing() -> Iterator[object]:
        yield from __import__("search_service.sources", fromlist=["read_paths"]).read_paths(
            [str(write_pages(tmp_path / "two", ["southmere"]))])
        raise KeyboardInterrupt

    from search_service.pipeline.indexing import index_documents
    with pytest.raises(KeyboardInterrupt):
        index_documents(index_dir, failing())
    assert xsearch.search(open_xapian(index_dir).searcher(), "").total == before


@pytest.mark.parametrize("text", QUERIES)
def test_totals_facets_and_top_hit_match_whoosh(both: tuple[Path, Path], text: str) -> None:
    whoosh_dir, xapian_dir = both
    expected = whoosh_search(whoosh_dir, text)
    found = xsearch.search(open_xapian(xapian_dir).searcher(), text, size=5)
    assert found.total == expected.total > 0
    for name in FACETS:
        assert found.facets[name] == expected.facets[name], name
    if text in SAME_TOP_HIT:
        assert found.hits[0].passage == expected.hits[0].passage
    elif text:  # a passage holding some of the words: Whoosh also weighs the share it holds
        assert found.hits[0].passage in [hit.passage for hit in expected.hits]


@pytest.mark.parametrize("filters", [{"kind": ["qa"]}, {"council": ["Northvale", "Southmere"]},
                                     {"committee": ["Cabinet"], "kind": ["qa"]}])
def test_filters_and_their_facets_match_whoosh(both: tuple[Path, Path],
                                               filters: dict[str, list[str]]) -> None:
    whoosh_dir, xapian_dir = both
    expected = whoosh_search(whoosh_dir, "referrals report", **filters)
    found = xsearch.search(open_xapian(xapian_dir).searcher(), "referrals report", filters)
    assert found.total == expected.total > 0
    for name in FACETS:
        assert found.facets[name] == expected.facets[name], name
    for hit in found.hits:
        assert hit.passage.kind in filters.get("kind", [hit.passage.kind])
        assert hit.passage.meeting.council in filters.get("council",
                                                          [hit.passage.meeting.council])
        assert hit.passage.meeting.committee in filters.get("committee",
                                                            [hit.passage.meeting.committee])


def test_newest_first(both: tuple[Path, Path]) -> None:
    found = xsearch.search(open_xapian(both[1]).searcher(), "referrals", sort="newest")
    dates = [hit.passage.meeting.date for hit in found.hits]
    dated = [date for date in dates if date]  # undated passages count as the oldest
    assert dates[:len(dated)] == sorted(dated, reverse=True)
    assert dated[0].isoformat() == "2022-11-15"


def test_beyond_the_exact_count_the_counts_are_estimates_of_the_right_size(
        both: tuple[Path, Path]) -> None:
    database = open_xapian(both[1]).searcher()
    for text, per_item, sort in (("", 0, "relevance"), ("report", 3, "relevance"),
                                 ("report", 3, "newest")):
        exact = xsearch.search(database, text, size=5, per_item=per_item, sort=sort)
        rough = xsearch.search(database, text, size=5, per_item=per_item, sort=sort,
                               exact_up_to=5)
        assert not exact.estimated and rough.estimated and exact.total > 20
        # The same page, each hit's passages of its item counted exactly; the total and listed
        # of the right size, and each facet's counts adding up to about the total.
        assert [(hit.passage, hit.more_in_item) for hit in rough.hits] == [
            (hit.passage, hit.more_in_item) for hit in exact.hits]
        assert exact.total / 2 <= rough.total <= exact.total * 2
        assert rough.listed <= rough.total and (rough.listed < rough.total) == bool(per_item)
        kinds = dict(rough.facets["kind"])
        assert set(kinds) <= {value for value, _ in exact.facets["kind"]}
        assert sum(kinds.values()) == pytest.approx(rough.total, abs=len(kinds))
        # Counting at least every match: exact, as without a threshold.
        whole = xsearch.search(database, text, size=5, per_item=per_item, sort=sort,
                               exact_up_to=exact.total)
        assert not whole.estimated and (whole.total, whole.listed, whole.facets) == (
            exact.total, exact.listed, exact.facets)


def test_two_shards_through_a_stub_are_one_database(tmp_path: Path, shard_servers) -> None:
    whole, stub = one_index_and_a_stub_of_two_shards(tmp_path, shard_servers)
    assert engine_of(stub) == "xapian"
    one, shards = open_xapian(whole).searcher(), open_xapian(stub).searcher()
    for text in QUERIES:
        for filters in ({}, {"kind": ["qa", "decision"]}):
            expected = xsearch.search(one, text, filters, size=5)
            found = xsearch.search(shards, text, filters, size=5)
            assert found.total == expected.total
            assert found.facets == expected.facets
            assert [hit.score for hit in found.hits] == pytest.approx(
                [hit.score for hit in expected.hits])
            if text:
                assert found.hits[0].passage == expected.hits[0].passage
    # The trap of a sort by value over remote shards: facet counts stay exact.
    assert (xsearch.search(shards, "referrals", sort="newest").facets
            == xsearch.search(one, "referrals", sort="newest").facets)
    # Beyond the exact count (each shard counts its first matches): estimates said so, the
    # same page with the same "N more" as one database.
    for sort in ("relevance", "newest"):
        exact = xsearch.search(one, "report", size=5, per_item=3, sort=sort)
        found = xsearch.search(shards, "report", size=5, per_item=3, sort=sort, exact_up_to=5)
        assert found.estimated and exact.total / 2 <= found.total <= exact.total * 2
        assert ({hit.passage.id: hit.more_in_item for hit in found.hits}
                == {hit.passage.id: hit.more_in_item for hit in exact.hits})


def test_retag_gives_the_topics_of_a_whoosh_retag(sources: list[str], tmp_path: Path) -> None:
    taxonomy = tmp_path / "topics.toml"
    taxonomy.write_text('[[topic]]\nid = "referrals"\nlabel = "Referrals"\n'
                        'terms = ["referral"]\n', encoding="utf-8")
    outputs, topics, referrals = [], [], []
    for engine in ("whoosh", "xapian"):
        index_dir = tmp_path / engine
        index_paths(index_dir, sources, engine=engine)
        result = run_cli(["retag", "--index", str(index_dir), "--taxonomy", str(taxonomy)])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
        with opened_reader(index_dir) as reader:
            topics.append(reader.search(SearchRequest(group_by_item=False)).facets["topic"])
            referrals.append(sorted(hit.passage.id for hit in reader.search(SearchRequest(
                filters={"topic": ["Referrals"]}, page_size=100)).hits))
    assert outputs[0] == outputs[1] and " re-tagged" in outputs[0]
    assert topics[0] == topics[1] and topics[1][0][0] == "Referrals"
    assert referrals[0] == referrals[1] and len(referrals[1]) == dict(topics[1])["Referrals"]


def run_cli(args: list[str]) -> Result:
    """A CLI run that ended by its own exit, never by an exception escaping."""
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def json_search(index: Path, *args: str) -> list[dict]:
    """The lines of `search --json` on `index` (a folder or a stub file)."""
    result = run_cli(["search", "--index", str(index), "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


@pytest.mark.parametrize("text", ["referrals", "waiting times", '"early help"'])
def test_search_json_gives_the_same_passages_and_keys_as_whoosh(both: tuple[Path, Path],
                                                                text: str) -> None:
    expected, found = (json_search(index, "--limit", "5", text) for index in both)
    assert found and {line["id"] for line in found} == {line["id"] for line in expected}
    assert [list(line) for line in found] == [list(EXPORTED)] * len(found)
    assert found[0] == expected[0] | {"score": found[0]["score"]}


def test_search_text_output_is_whooshs(both: tuple[Path, Path]) -> None:
    """The same lines (acronyms expanded alike, every facet counted alike, meetings named as
    the pages name them), for searches that rank alike."""
    for text in ("waiting times", "referrals", "CAMHS"):
        expected, found = (run_cli(["search", "--index", str(index), text]).output.splitlines()
                           for index in both)
        assert found == expected
        [meetings] = [line for line in found if line.startswith("meeting: ")]
        assert "Cabinet, 9 March 2021 (" in meetings or "Scrutiny Panel, 15 November 2022 (" \
            in meetings
        found = "\n".join(found)
        assert int(found.split(" passages")[0]) > 0 and "\n[qa] " in found
    assert "\nAlso searched: CAMHS → Child and Adolescent Mental Health Services" in found


def test_search_filters_as_typed(both: tuple[Path, Path]) -> None:
    args = ["--kind", "qa", "--council", "northvale", "--limit", "20", "referrals"]
    expected, found = (json_search(index, *args) for index in both)
    assert {line["id"] for line in found} == {line["id"] for line in expected}
    assert found and {(line["kind"], line["council"]) for line in found} == {("qa", "Northvale")}
    in_2021 = [json_search(index, "--all", "year:2021") for index in both]
    assert in_2021[1] and {line["meeting_date"] for line in in_2021[1]} == {"2021-03-09"}
    assert {line["id"] for line in in_2021[1]} == {line["id"] for line in in_2021[0]}
    refused = run_cli(["search", "--index", str(both[1]), "--council", "nowhere", "x"])
    assert refused.exit_code == 1 and "nowhere" in refused.output


def test_search_says_its_counts_are_estimates_beyond_the_exact_count(
        both: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    exact = run_cli(["search", "--index", str(both[1]), "report"]).output
    monkeypatch.setenv(EXACT_COUNT_ENV, "5")
    rough = run_cli(["search", "--index", str(both[1]), "report"]).output
    assert re.match(r"\d+ passages \(showing 1–\d+\)\n", exact)
    assert re.match(r"about \d+ passages \(showing 1–\d+\)\n", rough)
    assert re.search(r"\nkind: \w+ \(about \d+\)", rough)
    monkeypatch.setenv(EXACT_COUNT_ENV, "many")
    refused = run_cli(["search", "--index", str(both[1]), "report"])
    assert refused.exit_code == 1 and refused.output.strip().splitlines() == [
        f"Error: {EXACT_COUNT_ENV} must be a whole number of matches (1 or more), not 'many'"]


def test_search_what_xapian_cannot_yet_is_one_line_and_exit_1(both: tuple[Path, Path]) -> None:
    result = run_cli(["search", "--index", str(both[1]), "date:2021"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [(
        "Error: the Xapian engine cannot search NumericRange queries yet "
        "(meeting_date:[63745056000000000 TO 63776591999999999])")]


def test_search_a_stub_of_two_shards_answers_as_one_database(tmp_path: Path,
                                                            shard_servers) -> None:
    whole, stub = one_index_and_a_stub_of_two_shards(tmp_path, shard_servers)
    for args in (["referrals"], ["--kind", "qa", "waiting times"]):
        found = json_search(stub, *args)
        assert found and found == json_search(whole, *args)
    # A listing (no words) is in document order, which the shard layout changes.
    by_id = operator.itemgetter("id")
    listing = sorted(json_search(stub, "--all"), key=by_id)
    assert len(listing) > 20 and listing == sorted(json_search(whole, "--all"), key=by_id)


def test_without_the_xapian_extra_the_engine_is_refused_with_how_to_install_it(
        tmp_path: Path) -> None:
    # (a Python without the bindings: `import xapian` fails as it would on a plain install)
    run = subprocess.run(
        [sys.executable, "-c", "import sys; sys.modules['xapian'] = None; "
         "from search_service.cli import cli; cli()", "index", "--engine", "xapian",
         "--index", str(tmp_path / "ix"), str(SEED)],
        capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "needs the [xapian] extra" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "ix" / ENGINE_FILE).exists()   # a Whoosh index may go there later
