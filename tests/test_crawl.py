"""Crawling a fake ModernGov site served over real HTTP on 127.0.0.1 into a real Whoosh index."""
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from search_service.cli import cli
from search_service.crawl import LOOKBACK, crawl_window
from search_service.engine.schema import PASSAGE
from search_service.engine.store import open_index
from search_service.fetch import USER_AGENT, PageCache
from search_service.pipeline.crawling import crawl_site
from search_service.search import SearchRequest, search_passages
from search_service.sources.moderngov import (ModernGovSite, WebServiceError, council_from_host,
                                              parse_committees, parse_meeting)
from tests.support.moderngov_site import FakeModernGov

SINCE = dt.date(2000, 1, 1)
MALFORMED = "/mgWebService.asmx/GetMeetings?lCommitteeId=330"
COMMITTEES = {"Council", "Children and Families Overview and Scrutiny Panel", "Scrutiny Committee"}


@pytest.fixture
def site():
    """The fake site with a page that fails once, a slow page and a committee with broken XML."""
    with FakeModernGov() as fake:
        fake.faults.fail_once.add(fake.page_path("4001"))
        fake.faults.slow[fake.page_path("4002")] = 0.3
        fake.faults.malformed.add(MALFORMED)
        yield fake


def crawl(site, tmp_path, **options):
    options = {"since": SINCE, "delay": 0, "backoff": 0.05, "council": "Test Council", **options}
    return crawl_site(site.base_url, tmp_path / "index", tmp_path / "cache", **options)


def passages(index, query):
    """Hits for a query, as a user searching sees them."""
    with open_index(index).searcher() as searcher:
        return search_passages(searcher, SearchRequest(query=query, page_size=100))


def stored(index):
    """Every passage in the index, as stored fields."""
    with open_index(index).searcher() as searcher:
        return list(searcher.documents(record=PASSAGE))


def index_files(tmp_path):
    return {p.name: p.stat().st_mtime_ns for p in (tmp_path / "index").iterdir()
            if p.name != "RUN.lock"}


def test_crawl_fills_the_index_with_committees_dates_items_and_passages(site, tmp_path):
    report = crawl(site, tmp_path)

    [error] = report.errors
    assert MALFORMED in error.location and "malformed XML" in error.reason
    assert (report.committees, report.meetings, report.without_minutes) == (4, 5, 1)
    assert report.pages_changed == 4
    everything = stored(tmp_path / "index")
    assert len(everything) == report.index.passages_added > 50
    by_meeting = {(p["committee"], p["meeting_date"].date().isoformat(), p["url"].split("?")[1])
                  for p in everything}
    assert by_meeting == {
        ("Council", "2004-11-04", "CId=261&MId=910"),
        ("Children and Families Overview and Scrutiny Panel", "2018-10-02", "CId=144&MId=3001"),
        ("Scrutiny Committee", "2019-03-12", "CId=320&MId=4001"),
        ("Scrutiny Committee", "2020-01-20", "CId=320&MId=4002")}
    assert {p["council"] for p in everything} == {"Test Council"}
    pothole = passages(tmp_path / "index", "pothole repairs").hits[0].passage
    assert pothole.item.title == ("Task and finish group report - road maintenance - "
                                  "pothole repairs")
    assert pothole.item.number == "7"
    assert pothole.url == site.base_url + "/ieListDocuments.aspx?CId=320&MId=4001"
    patrols = passages(tmp_path / "index", "crossing patrols").hits[0].passage
    assert patrols.kind == "qa" and patrols.item.title == "Public Open Forum"
    # The 500 was retried; the meeting without minutes and the deleted committee were left alone.
    assert site.requests_for(site.page_path("4001")) == [500, 200]
    assert site.requests_for(site.page_path("3002")) == []
    assert site.requests_for("/mgWebService.asmx/GetMeeting?lMeetingId=5001") == []


def test_second_crawl_fetches_nothing_new_and_changes_nothing(site, tmp_path):
    crawl(site, tmp_path)
    before, files = stored(tmp_path / "index"), index_files(tmp_path)
    site.requests.clear()

    again = crawl(site, tmp_path)

    assert (again.pages_changed, again.pages_unchanged) == (0, 4)
    assert (again.index.passages_added, again.index.passages_removed) == (0, 0)
    assert again.index.unchanged == 4
    fetched = site.full_responses()
    assert fetched and all("/GetCommittees" in t or "/GetMeetings" in t for t in fetched)
    assert site.requests_for("/ieListDocuments.aspx") == [304] * 4
    assert index_files(tmp_path) == files  # no new commit
    assert stored(tmp_path / "index") == before


def test_edited_meeting_page_is_reindexed_on_the_next_crawl(site, tmp_path):
    crawl(site, tmp_path)
    site.edit_minutes("4002", "4", "overwhelming support", "unanimous support")

    again = crawl(site, tmp_path)

    assert (again.pages_changed, again.pages_unchanged, again.index.unchanged) == (1, 3, 3)
    assert again.index.passages_removed == again.index.passages_added > 0
    assert passages(tmp_path / "index", "unanimous").total == 1
    assert passages(tmp_path / "index", '"overwhelming support"').total == 0


def test_without_conditional_requests_unchanged_pages_are_still_not_reindexed(site, tmp_path):
    site.faults.conditional = False
    crawl(site, tmp_path)
    again = crawl(site, tmp_path)
    assert again.pages_changed == 4 and again.index.unchanged == 4
    assert again.index.passages_added == 0


def test_requests_name_the_service_and_wait_the_delay_between_them(site, tmp_path):
    crawl(site, tmp_path, delay=0.2, committee_ids=["261"])
    times = [arrived for arrived, _, _ in site.arrivals]
    assert len(times) == 4  # committees, meetings, the meeting, its page
    assert all(later - earlier >= 0.2 for earlier, later in zip(times, times[1:]))
    assert {agent for _, _, agent in site.arrivals} == {USER_AGENT}


def test_a_failing_page_is_named_and_every_other_meeting_is_indexed(site, tmp_path):
    site.faults.always_fail.add(site.page_path("3001"))
    report = crawl(site, tmp_path)
    failed = [e for e in report.errors if "MId=3001" in e.location]
    assert [e.reason for e in failed] == ["HTTP 500 Internal Server Error (gave up after 4 attempts)"]
    assert report.index.documents == 3
    assert site.requests_for(site.page_path("3001")) == [500] * 4


def test_a_page_slower_than_the_timeout_is_an_error_after_retries(site, tmp_path):
    site.faults.slow[site.page_path("4002")] = 1.0
    report = crawl(site, tmp_path, timeout=0.2, committee_ids=["320"])
    [error] = report.errors
    assert error.location.endswith("MId=4002")
    assert error.reason == "no answer within 0.2 s (gave up after 4 attempts)"
    assert passages(tmp_path / "index", "pothole").total > 0


def test_only_the_chosen_committees_are_crawled_and_unknown_ids_are_named(site, tmp_path):
    report = crawl(site, tmp_path, committee_ids=["261", "999"])
    assert [e.reason for e in report.errors] == ["no committee with id 999 on this site"]
    assert {p["committee"] for p in stored(tmp_path / "index")} == {"Council"}


def test_reindex_from_the_cache_needs_no_request(site, tmp_path):
    crawl(site, tmp_path)
    crawled = stored(tmp_path / "index")
    site.requests.clear()
    runner = CliRunner()
    fresh = tmp_path / "fresh"
    result = runner.invoke(cli, ["index", "--index", str(fresh), "--from-cache",
                                 str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    assert "4 documents read, 0 unchanged" in result.output
    assert site.requests == []
    assert sorted(stored(fresh), key=str) == sorted(crawled, key=str)
    same = runner.invoke(cli, ["index", "--index", str(tmp_path / "index"), "--from-cache",
                               str(tmp_path / "cache")])
    assert "(index already up to date)" in same.output


def test_index_needs_paths_or_a_cache(tmp_path):
    result = CliRunner().invoke(cli, ["index", "--index", str(tmp_path)])
    assert result.exit_code == 2 and "--from-cache DIR" in result.output
    missing = CliRunner().invoke(cli, ["index", "--index", str(tmp_path), "--from-cache",
                                       str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "no such cache folder" in missing.output


def test_crawl_command_prints_errors_and_a_summary_and_fails_when_a_source_failed(site, tmp_path):
    result = CliRunner().invoke(cli, [
        "crawl", "--index", str(tmp_path / "index"), "--cache", str(tmp_path / "cache"),
        "--since", "2000-01-01", "--delay", "0", "--council", "Test Council", site.base_url])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert any("error: " in line and "lCommitteeId=330" in line for line in lines)
    assert lines[-1].startswith("4 committees, 5 meetings (1 without minutes), 4 pages new or "
                                "changed, 0 unchanged, ")
    assert lines[-1].endswith("4 documents read, 0 unchanged, "
                              f"{len(stored(tmp_path / 'index'))} passages added, 0 removed, "
                              "1 errors")


def test_crawl_command_rejects_a_bad_address_or_window(tmp_path):
    runner = CliRunner()
    bad = runner.invoke(cli, ["crawl", "--cache", str(tmp_path), "democracy.example.gov.uk"])
    assert bad.exit_code == 1 and "is not a web address" in bad.output
    window = runner.invoke(cli, ["crawl", "--cache", str(tmp_path), "--since", "2020-01-02",
                                 "--until", "2020-01-01", "https://democracy.example.gov.uk"])
    assert window.exit_code == 1 and "--since 2020-01-02 is after --until 2020-01-01" in window.output


def test_after_a_complete_crawl_the_next_looks_back_a_year(tmp_path):
    with FakeModernGov() as fake:
        report = crawl(fake, tmp_path, committee_ids=())
        assert report.errors == []
        cache, site = PageCache(tmp_path / "cache"), ModernGovSite(fake.base_url)
        today = dt.date.today()
        assert crawl_window(cache, site, None, None, ()).since == today - LOOKBACK
        assert crawl_window(cache, site, SINCE, None, ()).since == SINCE
    assert crawl_window(cache, ModernGovSite("https://other.example"), None, None, ()).since \
        == SINCE


@pytest.mark.parametrize("base, expected", [
    ("https://democracy.kent.gov.uk", "https://democracy.kent.gov.uk"),
    ("https://www.slough.gov.uk/moderngov/", "https://www.slough.gov.uk/moderngov"),
    ("https://democracy.kent.gov.uk/mgListCommittees.aspx?bcr=1", "https://democracy.kent.gov.uk"),
])
def test_site_address_is_the_folder_of_the_moderngov_pages(base, expected):
    site = ModernGovSite(base)
    assert site.base == expected
    assert site.meetings_url("5", dt.date(2019, 1, 2), dt.date(2019, 3, 4)) == (
        f"{expected}/mgWebService.asmx/GetMeetings?lCommitteeId=5&sFromDate=02%2F01%2F2019"
        "&sToDate=04%2F03%2F2019")


@pytest.mark.parametrize("host, council", [
    ("democracy.kent.gov.uk", "Kent"),
    ("worcestershire.moderngov.co.uk", "Worcestershire"),
    ("democracy.brighton-hove.gov.uk", "Brighton-Hove"),
    ("councillors.herefordshire.gov.uk", "Herefordshire"),
    ("127.0.0.1", "127.0.0.1"),
])
def test_council_name_from_the_host(host, council):
    assert council_from_host(host) == council


def test_web_service_answers_are_read_as_modernGov_writes_them():
    committees = parse_committees(
        b'<?xml version="1.0" encoding="utf-8"?><committees><committee><committeeid>7'
        b"</committeeid><committeetitle>Children&amp;#39;s Services &amp;amp; Schools"
        b"</committeetitle><committeedeleted>True</committeedeleted></committee></committees>")
    assert [(c.id, c.title, c.deleted) for c in committees] == [
        ("7", "Children's Services & Schools", True)]
    meeting = parse_meeting(
        b"<getmeeting><meeting><meetingid>9</meetingid><meetingdate>02/10/2018</meetingdate>"
        b"<agendaitems><agendaitem><agendaitemnumber>4</agendaitemnumber><agendaitemtitle>Budget"
        b"</agendaitemtitle><minutesnonemptyhtmlbody>&lt;p&gt;Agreed&lt;/p&gt;"
        b"</minutesnonemptyhtmlbody></agendaitem></agendaitems></meeting></getmeeting>")
    assert meeting.date == dt.date(2018, 10, 2) and meeting.minutes_published is True
    assert [(i.number, i.title) for i in meeting.items] == [("4", "Budget")]


@pytest.mark.parametrize("body, message", [
    (b"<committees><committee>", "malformed XML in the answer to GetCommittees"),
    (b"<!DOCTYPE html><html><body>Runtime Error</body></html>", "is a web page, not XML"),
    (b"", "empty answer to GetCommittees"),
])
def test_unreadable_web_service_answers_say_what_is_wrong(body, message):
    with pytest.raises(WebServiceError, match=message):
        parse_committees(body)


def test_cache_keeps_one_entry_per_url_with_what_the_crawl_noted(site, tmp_path):
    crawl(site, tmp_path)
    cache = PageCache(tmp_path / "cache")
    notes = [json.loads(p.read_text())["document"] for p in (tmp_path / "cache").glob("*/*.json")
             if "document" in json.loads(p.read_text())]
    assert sorted(n["meeting_id"] for n in notes) == ["3001", "4001", "4002", "910"]
    page = cache.load(site.base_url + site.page_path("910"))
    assert page.meta["etag"] and b"Millbrook" in page.body()


def test_a_meeting_with_only_printed_minutes_is_indexed_from_its_pdf(tmp_path):
    with FakeModernGov() as fake:
        report = crawl(fake, tmp_path, committee_ids=["330"])
        assert report.errors == [] and report.pages_changed == 1
        everything = stored(tmp_path / "index")
        assert {(p["council"], p["committee"], p["meeting_date"].date().isoformat())
                for p in everything} == {("Test Council", "Licensing Committee", "2019-06-18")}
        [(pdf, page)] = {(p["source_url"], p["url"]) for p in everything}
        assert pdf.startswith(fake.base_url + "/documents/g3301/Printed%20minutes%2018th-Jun-2019")
        assert page == fake.base_url + fake.page_path("3301")
        kinds = {(p["item_number"], p["kind"]) for p in everything}
        assert kinds == {("14", "statement"), ("15", "statement"), ("15", "qa"),
                         ("15", "decision")}
        assert not any("Page 1" in p["text"] or "Licensing Committee - " in p["text"]
                       for p in everything)
        granted = passages(tmp_path / "index", "premises licence granted").hits[0].passage
        assert granted.kind == "decision" and granted.item.title.startswith(
            "Application for a Premises Licence")

        fake.requests.clear()
        again = crawl(fake, tmp_path, committee_ids=["330"])
        assert (again.pages_unchanged, again.index.unchanged) == (1, 1)
        assert fake.requests_for("/documents/g3301/") == [304]

    fresh = CliRunner().invoke(cli, ["index", "--index", str(tmp_path / "fresh"), "--from-cache",
                                     str(tmp_path / "cache")])
    assert fresh.exit_code == 0, fresh.output
    assert sorted(stored(tmp_path / "fresh"), key=str) == sorted(everything, key=str)
