"""The council a crawl names its passages by: the one `--council` gives, else the one the site
names itself (a fake ModernGov site over real HTTP whose page title and footer say "Test
Council"), never its host; and each meeting's time and title from its page's heading."""
import datetime as dt

from click.testing import CliRunner

from search_service.cli import cli
from search_service.engine.schema import PASSAGE
from search_service.engine.store import open_index
from search_service.pipeline.crawling import crawl_site
from tests.support.moderngov_site import FakeModernGov


def stored(index):
    """Every passage in the index, as stored fields."""
    with open_index(index).searcher() as searcher:
        return list(searcher.documents(record=PASSAGE))


def crawl(site, tmp_path, **options):
    return crawl_site(site.base_url, tmp_path / "index", tmp_path / "cache",
                      since=dt.date(2000, 1, 1), delay=0, backoff=0.05,
                      committee_ids=["261", "330"], **options)


def test_without_council_the_crawl_names_the_council_the_site_names(tmp_path):
    with FakeModernGov() as site:
        report = crawl(site, tmp_path)
    assert report.errors == []
    everything = stored(tmp_path / "index")
    # The meeting page and the printed minutes (a PDF, which names no site) alike.
    assert {(p["committee"], p["council"]) for p in everything} == {
        ("Council", "Test Council"), ("Licensing Committee", "Test Council")}
    council = {(p["meeting_time"], p["meeting_title"]) for p in everything
               if p["committee"] == "Council"}
    assert council == {("14:00", "Council - Thursday, 4th November, 2004 2.00 pm")}

    fresh = CliRunner().invoke(cli, ["index", "--index", str(tmp_path / "fresh"), "--from-cache",
                                     str(tmp_path / "cache")])
    assert fresh.exit_code == 0, fresh.output
    assert {p["council"] for p in stored(tmp_path / "fresh")} == {"Test Council"}


def test_the_council_given_wins_over_the_name_the_site_gives(tmp_path):
    with FakeModernGov() as site:
        crawl(site, tmp_path, council="Exampleshire")
    assert {p["council"] for p in stored(tmp_path / "index")} == {"Exampleshire"}
