"""A shard that is down: two real xapian-tcpsrv shards on 127.0.0.1 behind a stub file, one
killed by its PID. The search answers from the live shard and says so on stderr; the shard
back on its port, the next search has every passage again; every shard down, or a stub line
that is none of the forms, is a one-line error."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from search_service.cli import cli
from search_service.engine.store import StoreError
from search_service.engine.xapian_engine.store import open_index
from search_service.model import ShardStatus
from search_service.pipeline.indexing import index_paths
from search_service.search import SearchRequest
from search_service.search_xapian import search_xapian, similar_xapian
from tests.support.xapian_shards import (
    ShardIndexes,
    ShardServers,
    shard_indexes,
    write_pages,
    write_stub,
)

QUERIES = (["referrals"], ["--kind", "qa", "waiting times"], ["--all"])


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> ShardIndexes:
    return shard_indexes(tmp_path_factory.mktemp("shards"))


@pytest.fixture
def served(indexes: ShardIndexes, shard_servers: ShardServers, tmp_path: Path
           ) -> tuple[Path, list[int]]:
    """Both shards served, and a stub naming them: (the stub, the north and south ports)."""
    ports = shard_servers.serve(indexes.shard_databases)
    return write_stub(tmp_path / "shards.stub", ports), ports


def search(index: Path, *args: str) -> Result:
    """A CLI search; no exception may escape (stdout and stderr apart)."""
    result = CliRunner().invoke(cli, ["search", "--index", str(index), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def json_search(index: Path, *args: str) -> tuple[list[dict], str]:
    """The hits of a `--json` search and its stderr; a listing (`--all`, no words) sorted by id:
    it is in document order, which the shard layout changes."""
    result = search(index, "--json", *args)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return (sorted(lines, key=lambda line: line["id"]) if "--all" in args else lines,
            result.stderr)


def test_a_shard_down_gives_the_live_shards_passages_with_a_warning(
        indexes: ShardIndexes, served: tuple[Path, list[int]],
        shard_servers: ShardServers) -> None:
    stub, (_, south) = served
    shard_servers.kill(south)
    for args in QUERIES:
        found, warning = json_search(stub, *args)
        # The --json lines are the live shard's own, as searching it alone gives them.
        assert found and found == json_search(indexes.north, *args)[0]
        assert warning == (f"warning: 1 of 2 shards did not answer (127.0.0.1:{south}): "
                           f"results are partial\n")
    text = search(stub, "referrals")
    assert text.exit_code == 0 and text.stdout.split("\n")[0].endswith(" (showing 1–3)")
    assert "1 of 2 shards did not answer" in text.stderr


def test_the_shard_back_on_its_port_is_searched_again(
        indexes: ShardIndexes, served: tuple[Path, list[int]],
        shard_servers: ShardServers) -> None:
    stub, (_, south) = served
    shard_servers.kill(south)
    assert json_search(stub, "waiting times")[1]
    shard_servers.start(indexes.south / "xapian", south)
    for args in QUERIES:
        assert json_search(stub, *args) == (json_search(indexes.whole, *args)[0], "")


def test_every_shard_down_is_a_one_line_error(served: tuple[Path, list[int]],
                                              shard_servers: ShardServers) -> None:
    stub, ports = served
    for port in ports:
        shard_servers.kill(port)
    result = search(stub, "referrals")
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert re.fullmatch(rf"Error: none of the 2 shards of {re.escape(str(stub))} answered "
                        rf"\(127\.0\.0\.1:{ports[0]}: [^;]+; 127\.0\.0\.1:{ports[1]}: [^;]+\)",
                        line), line
    assert "Couldn't connect: Connection refused" in line


def test_a_long_running_process_searches_the_live_shards_and_reconnects(
        indexes: ShardIndexes, served: tuple[Path, list[int]],
        shard_servers: ShardServers) -> None:
    """As serve holds a database between requests: a shard dies after the database was
    opened (the query fails half-way), then comes back."""
    stub, (_, south) = served
    request = SearchRequest(query="referrals", group_by_item=False)
    whole = search_xapian(open_index(indexes.whole).searcher(), request)
    north_only = search_xapian(open_index(indexes.north).searcher(), request)
    database = open_index(stub).searcher()
    assert search_xapian(database, request).shards == ShardStatus(2)
    shard_servers.kill(south)
    partial = search_xapian(database, request)
    assert partial.shards == ShardStatus(2, (f"127.0.0.1:{south}",))
    assert (partial.shards.total, partial.shards.failed) == (2, 1)
    assert partial.total == north_only.total < whole.total
    database = database.refreshed()
    assert search_xapian(database, request).shards.failed == 1
    shard_servers.start(indexes.south / "xapian", south)
    database = database.refreshed()
    again = search_xapian(database, request)
    assert again.shards == ShardStatus(2) and again.total == whole.total
    assert [hit.passage.id for hit in again.hits] == [hit.passage.id for hit in whole.hits]
    assert search_xapian(open_index(indexes.whole).searcher(), request).shards is None


def test_a_stub_may_name_shards_by_tcp_and_by_local_path_with_comments(
        indexes: ShardIndexes, shard_servers: ShardServers, tmp_path: Path) -> None:
    (port,) = shard_servers.serve([indexes.north / "xapian"])
    (tmp_path / "south").symlink_to(indexes.south / "xapian")
    stub = tmp_path / "mixed.stub"
    stub.write_text(f"# two councils\n\ntcp 127.0.0.1 {port}\n  auto south  \n")
    for args in QUERIES:
        assert json_search(stub, *args) == (json_search(indexes.whole, *args)[0], "")


FORMS = "a shard line is `remote HOST:PORT`, `tcp HOST PORT` or `auto PATH`"
PORT = "the port must be a number from 1 to 65535"


@pytest.mark.parametrize("line, message", [
    ("remote 127.0.0.1", f"cannot read `remote 127.0.0.1`: {FORMS} (`#` starts a comment)"),
    ("remote :127.0.0.1:33333", ("`remote :127.0.0.1:33333` names a program to run; a shard "
                                 "served by xapian-tcpsrv is `remote HOST:PORT`")),
    ("remote 127.0.0.1:port", f"`remote 127.0.0.1:port`: {PORT}, not 'port'"),
    ("tcp 127.0.0.1 99999", f"`tcp 127.0.0.1 99999`: {PORT}, not '99999'"),
    ("remote 127.0.0.1:³³", f"`remote 127.0.0.1:³³`: {PORT}, not '³³'"),
    ("glass /srv/minutes/index/xapian", "cannot read `glass /srv/minutes/index/xapian`"),
    ("auto", "cannot read `auto`"),
])
def test_a_malformed_stub_line_is_named_by_file_and_line(tmp_path: Path, line: str,
                                                         message: str) -> None:
    stub = tmp_path / "shards.stub"
    stub.write_text(f"# the shards\nremote 127.0.0.1:33333\n{line}\n")
    result = search(stub, "referrals")
    assert result.exit_code == 1
    error = result.stderr.splitlines()
    assert len(error) == 1 and error[0].startswith(f"Error: {stub}:3: ")
    assert message in error[0]


def test_a_stub_naming_no_shard_says_so(tmp_path: Path) -> None:
    stub = tmp_path / "empty.stub"
    stub.write_text("# nothing yet\n\n")
    result = search(stub, "referrals")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {stub} names no shard: write one line a shard, "
                             f"{FORMS.removeprefix('a shard line is ')}\n")
    with pytest.raises(StoreError, match="names no shard"):
        open_index(stub).searcher()


def test_a_refreshed_database_sees_a_new_commit_and_the_acronyms_it_taught(
        tmp_path: Path) -> None:
    """A long-running process keeps what it read of the whole index (the glossary) until a
    reopen sees a commit."""
    index = tmp_path / "index"
    index_paths(index, [str(write_pages(tmp_path / "a", ["northvale"]))], engine="xapian")
    database = open_index(index).searcher()
    request = SearchRequest(query="NETB")
    assert search_xapian(database, request).total == 0
    page = tmp_path / "b" / "energy.jsonl"
    page.parent.mkdir()
    page.write_text(json.dumps({
        "url": "https://northvale.example.gov.uk/minutes/2", "council": "Northvale",
        "committee": "Cabinet", "meeting_date": "2021-04-01",
        "text": "Minutes:\n\nThe Northvale Energy Transition Board (NETB) presented its report "
                "on heat pumps.\n\nRESOLVED: that the report be noted.\n"}) + "\n")
    index_paths(index, [str(page.parent)])
    assert search_xapian(database, request).total == 0   # (the commit not seen yet)
    database = database.refreshed()
    found = search_xapian(database, request)
    assert found.total > 0
    assert [(one.typed, one.also) for one in found.expansions] == [
        ("NETB", ("Northvale Energy Transition Board",))]


def test_spelling_suggestions_and_asked_before_come_through_remote_shards(
        indexes: ShardIndexes, served: tuple[Path, list[int]]) -> None:
    """Xapian's own spelling table answers nothing over remote shards: the suggestion comes
    from the shards' source records, as one database gives it; "asked before" reads word
    statistics of every shard."""
    stub, _ = served
    for misspelt, fixed in (("refferals", "referrals"), ("wating times", "waiting times")):
        for index in (stub, indexes.whole):
            assert f"\nDid you mean: {fixed}\n" in search(index, misspelt).stdout
    whole = open_index(indexes.whole).searcher()
    remote = open_index(stub).searcher()
    listed = 0
    try:
        for posting in whole.postlist("K:qa"):
            passage_id = json.loads(whole.get_document(posting.docid).get_data())["id"]
            alike = similar_xapian(whole, passage_id, at_least=0.0)
            assert [(hit.passage.id, round(hit.score, 6)) for hit in alike] == [
                (hit.passage.id, round(hit.score, 6))
                for hit in similar_xapian(remote, passage_id, at_least=0.0)]
            listed += len(alike)
    finally:
        whole.close()
        remote.close()
    assert listed, "some question has candidates from another meeting"
