"""Atom feeds of searches: valid Atom, newest first, links to passage pages, text never markup."""
from __future__ import annotations

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, query: str) -> etree._Element:
    response = client.get(f"/feed.atom?{query}")
    assert response.status_code == 200
    assert response.content_type == "application/atom+xml; charset=utf-8"
    return etree.fromstring(response.data)


def test_a_search_feed_lists_its_newest_passages_first(client):
    root = feed(client, "q=council")
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "Minutes: council"
    entries = root.findall(f"{ATOM}entry")
    assert 1 < len(entries) <= 20
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext(f"{ATOM}updated") == updated[0]
    for entry in entries:
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link.startswith("http://localhost/passages/") and entry.findtext(f"{ATOM}id") == link
        assert entry.findtext(f"{ATOM}summary")


def test_the_feed_links_to_itself_and_to_the_search_page(client):
    root = feed(client, "q=pothole&kind=qa")
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == "http://localhost/feed.atom?q=pothole&kind=qa"
    assert links["alternate"] == "http://localhost/?q=pothole&kind=qa&sort=newest"
    assert all(entry.find(f"{ATOM}category").get("term") == "qa"
               for entry in root.findall(f"{ATOM}entry"))


def test_markup_in_the_minutes_stays_text_in_the_feed(client):
    root = feed(client, "q=overview+role")
    summaries = [entry.findtext(f"{ATOM}summary") for entry in root.findall(f"{ATOM}entry")]
    assert any("<script>window.injected = true;" in summary for summary in summaries)
    assert not root.findall(".//{http://www.w3.org/1999/xhtml}script")


def test_the_search_page_offers_the_feed_of_its_search(client):
    page = client.get("/?q=pothole&kind=qa").get_data(as_text=True)
    assert ('<link rel="alternate" type="application/atom+xml" title="New passages for this '
            'search" href="/feed.atom?q=pothole&amp;kind=qa">') in page


def test_a_bad_feed_query_is_a_400_page(client):
    response = client.get("/feed.atom?q=x&from=someday")
    assert response.status_code == 400
    assert "&#39;from&#39; must be a date" in response.get_data(as_text=True)


def test_a_feed_of_a_search_holding_a_character_xml_cannot_carry_is_valid_atom(client):
    # U+FFFE typed into the search: the feed's own URL holds it, percent-encoded there
    root = feed(client, "q=%EF%BF%BE")
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == "http://localhost/feed.atom?q=%EF%BF%BE"
