"""The search pages through Flask's test client, over an on-disk index of the web fixtures."""
from __future__ import annotations

import copy
import datetime as dt
import re
from urllib.parse import parse_qsl, urlsplit

import lxml.html
import pytest
from flask.testing import FlaskClient

from search_service.app import CONTENT_SECURITY_POLICY
from search_service.topics import default_taxonomy


def get_page(client: FlaskClient, url: str, status: int = 200) -> lxml.html.HtmlElement:
    """GET a page, check its status, and parse it."""
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    assert response.content_type == "text/html; charset=utf-8"
    return lxml.html.fromstring(response.get_data(as_text=True))


def texts(doc: lxml.html.HtmlElement, xpath: str) -> list[str]:
    """The normalised text of each element the XPath finds."""
    return [" ".join(el.text_content().split()) for el in doc.xpath(xpath)]


def total(doc: lxml.html.HtmlElement) -> int:
    """The result count in the results heading."""
    heading = texts(doc, "//h2[@id='results-title']")[0]
    return int(heading.split()[0].replace(",", ""))


def facet_values(doc: lxml.html.HtmlElement, name: str) -> dict[str, tuple[int, str, bool]]:
    """A facet's values: label -> (count, link, chosen)."""
    values = {}
    for link in doc.xpath(f"//section[@aria-labelledby='facet-{name}']//a"):
        label = " ".join(link.xpath("string(.//span[@class='facet__label'])").split())
        label = label.removeprefix("Remove filter ")
        count = int(link.xpath("string(.//span[@class='facet__count'])").split()[0].replace(",", ""))
        values[label] = (count, link.get("href"), "is-selected" in link.get("class"))
    return values


def hit_dates(doc: lxml.html.HtmlElement) -> list[dt.date | None]:
    """The meeting date of each hit on the page (its datetime may give the time too), None where
    it has none."""
    dates = []
    for hit in doc.xpath("//ol[@class='hits']/li"):
        found = hit.xpath(".//time/@datetime")
        dates.append(dt.datetime.fromisoformat(found[0]).date() if found else None)
    return dates


def test_front_page_has_a_labelled_search_form_and_says_what_is_indexed(client):
    doc = get_page(client, "/")
    form = doc.xpath("//form[@role='search']")[0]
    assert form.get("method") == "get" and form.get("action") == "/"
    assert doc.xpath("//label[@for='q']") and doc.xpath("//input[@id='q'][@name='q']")
    assert re.search(r"\d+ passages from \d+ meetings of \d+ committees",
                     texts(doc, "//section[@class='landing']")[0])
    assert not doc.xpath("//ol[@class='hits']")
    for landmark in ("//header", "//main[@id='main']", "//footer", "//nav[@aria-label='Site']"):
        assert doc.xpath(landmark)


def test_a_search_shows_passages_with_their_kind_source_and_context(client):
    doc = get_page(client, "/?q=pothole+repairs")
    assert total(doc) > 0
    cards = doc.xpath("//ol[@class='hits']/li/article")
    assert cards
    for card in cards:
        assert card.xpath(".//span[contains(@class,'badge')]/text()")[0] in (
            "Question and answer", "Statement", "Decision")
        assert card.xpath(".//h3/a/@href")[0].startswith("/passages/")
        assert card.xpath(".//a[starts-with(@href,'http')][contains(.,'Published minutes')]")
    assert sum(bool(card.xpath(".//mark")) for card in cards) > len(cards) / 2, \
        "hits mark the words that matched"
    kestwick = [card for card in cards if "Environment & Transport Cabinet Committee" in
                card.text_content()]
    assert kestwick and "17 November 2016" in kestwick[0].text_content()
    assert "Kestwick" in kestwick[0].text_content()


def test_question_and_answer_passages_show_the_question_then_the_answer(client):
    doc = get_page(client, "/?q=question:Hilton+answer:Norman")
    qa = doc.xpath("//article[contains(@class,'passage--qa')]//dl[@class='qa']")
    assert qa
    for pair in qa:
        question, answer = pair.xpath("./div")
        assert question.xpath("string(dt)").startswith("Question")
        assert "Answer" in answer.xpath("string(dt)")
        assert "Hilton" in question.xpath("string(dd)") and "Norman" in answer.xpath("string(dd)")


def test_stemming_finds_other_forms_of_a_word(client):
    singular = get_page(client, "/?q=repair")
    plural = get_page(client, "/?q=repairs")
    assert total(singular) == total(plural) > 0
    marked = {mark.text.lower() for mark in singular.xpath("//mark")}
    assert "repairs" in marked


def test_markup_in_the_minutes_is_shown_as_text_never_as_markup(client):
    response = client.get("/?q=overview+role")
    html = response.get_data(as_text=True)
    assert "&lt;script&gt;window.injected" in html
    assert "<script" not in html and "<img" not in html and "<b>bold" not in html
    doc = lxml.html.fromstring(html)
    assert any("<script>window.injected = true;" in text
               for text in texts(doc, "//ol[@class='hits']//p | //ol[@class='hits']//dd"))


def test_facets_count_the_passages_a_click_on_them_finds(client):
    doc = get_page(client, "/?q=school")
    committees = facet_values(doc, "committee")
    assert committees
    label, (count, link, chosen) = next(iter(committees.items()))
    assert not chosen
    filtered = get_page(client, link)
    assert total(filtered) == count
    assert texts(filtered, "//ul[@class='chips']//a")[0].startswith(
        f"Remove filter Committee: {label}")
    assert facet_values(filtered, "committee")[label][2], "the chosen value is ticked"


def test_several_values_of_one_facet_are_ored_and_the_facet_keeps_its_other_values(client):
    doc = get_page(client, "/?kind=qa")
    years = facet_values(doc, "year")
    assert len(years) >= 2
    (first, (first_count, first_link, _)), (second, (second_count, _, _)) = \
        list(years.items())[:2]
    one = get_page(client, first_link)
    assert set(facet_values(one, "year")) == set(years), "other years stay on offer"
    both = get_page(client, facet_values(one, "year")[second][1])
    assert total(both) == first_count + second_count
    chosen = {label for label, (_, _, ticked) in facet_values(both, "year").items() if ticked}
    assert chosen == {first, second}
    assert dict(parse_qsl(urlsplit(facet_values(both, "year")[first][1]).query)) == {
        "kind": "qa", "year": second}, "clicking a chosen value removes it"


@pytest.mark.parametrize("facet", ["council", "committee", "meeting", "year", "topic", "kind",
                                   "speaker"])
def test_every_facet_is_offered_with_counts_that_match_its_filter(client, facet):
    doc = get_page(client, "/?q=council")
    values = facet_values(doc, facet)
    assert values, f"no {facet} facet"
    label, (count, link, _) = next(iter(values.items()))
    assert total(get_page(client, link)) == count


def test_a_chip_removes_its_filter(client):
    doc = get_page(client, "/?q=school&kind=qa&year=2022")
    chips = {text: link for text, link in zip(
        texts(doc, "//ul[@class='chips']//a[@class='chip']"),
        doc.xpath("//ul[@class='chips']//a[@class='chip']/@href"))}
    assert set(chips) == {"Remove filter Kind: Question and answer×", "Remove filter Year: 2022×"}
    without_year = chips["Remove filter Year: 2022×"]
    assert dict(parse_qsl(urlsplit(without_year).query)) == {"q": "school", "kind": "qa"}


def test_a_date_range_keeps_only_meetings_inside_it(client):
    doc = get_page(client, "/?q=&from=2018-01-01&to=2019-12-31&sort=oldest")
    dates = hit_dates(doc)
    assert dates and all(d and dt.date(2018, 1, 1) <= d <= dt.date(2019, 12, 31) for d in dates)
    assert "From: 1 January 2018" in " ".join(texts(doc, "//ul[@class='chips']//a"))
    assert doc.xpath("//input[@id='from']/@value") == ["2018-01-01"]


@pytest.mark.parametrize("sort, newest_first", [("newest", True), ("oldest", False)])
def test_date_sorts_order_by_meeting_date_with_undated_passages_last(client, sort, newest_first):
    doc = get_page(client, f"/?q=council&sort={sort}&page_size=100")
    dates = hit_dates(doc)
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=newest_first) and len(set(dated)) > 2
    assert None in dates and dates.index(None) == len(dated), "undated passages come last"
    assert doc.xpath(f"//nav[@aria-label='Sort results']//a[@aria-current='true']"
                     f"[contains(@href,'sort={sort}')]")


def test_pages_of_results_have_a_total_and_links_between_them(client):
    first = get_page(client, "/?q=council&page_size=5")
    count = total(first)
    listed = client.get("/api/search?q=council").json["listed"]
    assert count > listed > 10
    grouped = " (the others are more passages of the same agenda items)"
    assert texts(first, "//p[@class='results__range']") == [f"Showing 1–5 of {listed}{grouped}"]
    next_link = first.xpath("//nav[@aria-label='Pages of results']//a[@rel='next']/@href")[0]
    second = get_page(client, next_link)
    assert texts(second, "//p[@class='results__range']") == [
        f"Showing 6–10 of {listed}{grouped}"]
    ids = lambda doc: doc.xpath("//ol[@class='hits']//h3/@id")  # noqa: E731
    assert not set(ids(first)) & set(ids(second))
    current = second.xpath("//nav[@aria-label='Pages of results']//a[@aria-current='page']")
    assert current[0].text_content() == "Page 2"


def test_pages_of_every_passage_in_rank_order_link_on_with_group_none(client):
    first = get_page(client, "/?q=council&page_size=5&group=none")
    count = total(first)
    assert texts(first, "//p[@class='results__range']") == [f"Showing 1–5 of {count}"]
    next_link = first.xpath("//nav[@aria-label='Pages of results']//a[@rel='next']/@href")[0]
    assert "group=none" in next_link
    assert not get_page(client, next_link).xpath("//*[contains(text(), 'more from this item')]")


def test_a_page_past_the_end_says_so(client):
    doc = get_page(client, "/?q=council&page=999")
    assert "past the last page" in texts(doc, "//p[@class='empty']")[0]


def test_a_misspelt_word_gets_a_did_you_mean_link_that_finds_passages(client):
    doc = get_page(client, "/?q=inspecton")
    assert total(doc) == 0
    link = doc.xpath("//p[@class='suggestion']/a/@href")[0]
    assert total(get_page(client, link)) > 0


def test_no_results_gives_advice(client):
    doc = get_page(client, "/?q=%22zebra+crossing+quango%22")
    assert total(doc) == 0
    assert "Check the spelling" in texts(doc, "//div[@class='empty']")[0]


@pytest.mark.parametrize("query, message", [
    ("q=" + "a" * 501, "the limit is 500"),
    ("q=x&page=abc", "'page' must be a whole number"),
    ("q=x&page=0", "page must be between 1 and 1000"),
    ("q=x&page=1001", "page must be between 1 and 1000"),
    ("q=x&page_size=101", "page size must be between 1 and 100"),
    ("q=x&sort=random", "sort must be one of relevance, newest, oldest"),
    ("q=x&from=2018-13-01", "'from' must be a date like 2018-10-02"),
    ("q=x&from=2019-01-01&to=2018-01-01", "the 'from' date is after the 'to' date"),
    ("q=x&year=last", "year must be a number"),
    ("q=x" + "&speaker=a" * 21, "at most 20 values of 'speaker'"),
])
def test_bad_parameters_get_a_friendly_message_on_the_page(client, query, message):
    doc = get_page(client, f"/?{query}", status=400)
    error = texts(doc, "//div[@class='error-summary']")[0]
    assert message.lower() in error.lower()
    assert "Traceback" not in lxml.html.tostring(doc, encoding="unicode")
    assert doc.xpath("//form[@role='search']"), "the form is still there to try again"


def test_the_passage_page_shows_its_neighbours_and_where_it_was_asked_before(client):
    doc = get_page(client, "/?q=%22Members+Question+Time%22&kind=qa")
    # The first hit whose question and answer were told apart: which passage ranks first
    # differs between the engines (Whoosh scores every passage holding the phrase alike, Xapian's
    # BM25 prefers the shorter), so the page of a passage listed with its question is opened.
    link = doc.xpath("//ol[@class='hits']//article[.//dl[@class='qa']]//h3/a/@href")[0]
    passage = get_page(client, link)
    assert passage.xpath("//h1")[0].text_content().strip() == "Members' Question Time"
    assert passage.xpath("//article[contains(@class,'passage--full')]//dl[@class='qa']")
    context = texts(passage, "//section[@class='context']//p[@class='context__label']")
    assert context and set(context) <= {"Just before", "Just after"}
    assert texts(passage, "//h2[@id='similar-title']") == ["Asked before"]
    meeting = passage.xpath("//nav[@aria-label='Breadcrumb']//a/@href")[1]
    similar = passage.xpath("//section[@class='similar']//article")
    # Only questions on its subject are listed (tests/test_similar.py); else the page says so.
    none = "No question like this one was asked at other meetings"
    assert similar or none in passage.xpath("string(//section[@class='similar'])")
    for card in similar:
        other = card.xpath(".//a[contains(.,'Whole meeting')]/@href")[0]
        assert other != meeting, "similar passages come from other meetings"


def test_the_meeting_page_lists_its_items_and_passages_in_order(client):
    doc = get_page(client, "/?council=South+Ashworth")
    meeting = doc.xpath("//a[contains(.,'Whole meeting')]/@href")[0]
    page = get_page(client, meeting)
    assert page.xpath("string(//h1)") == "Council"
    headings = texts(page, "//section[@class='item']/h2")
    assert [heading.split(".")[0] for heading in headings] == ["50", "51", "52"]
    assert headings[0] == "50. By-Election: Millbrook Ward, Ashworth"
    passages = page.xpath("//section[@class='item']//article")
    lede = texts(page, "//p[@class='lede']")[0]
    assert f"{len(passages)} passages in 3 agenda items" in lede
    assert texts(page, "//h1") and page.xpath("//a[contains(@href,'?meeting=')]"), \
        "a link searches within the meeting"
    for passage in passages:  # the kind once, and no meeting details the page header gives
        assert len(passage.xpath(".//*[contains(@class,'badge')]")) == 1
        assert not passage.xpath(".//ul[@class='meta']//time")
        assert "South Ashworth" not in passage.xpath("string(.//ul[@class='meta'])")


def test_the_browse_page_lists_councils_committees_and_their_meetings(client):
    doc = get_page(client, "/browse")
    councils = texts(doc, "//section[@class='council']/h2")
    assert "Marlbury" in councils and "Stourshire" in councils
    forum = doc.xpath("//section[@class='council'][h2='Marlbury']"
                      "//section[@class='committee'][h3='Schools Forum']")[0]
    meeting = forum.xpath(".//ul[@class='meetings']//a")[0]
    assert meeting.text_content().startswith("26 September 2022")
    assert get_page(client, meeting.get("href")).xpath("//h1")


def test_the_help_page_explains_the_query_syntax(client):
    doc = get_page(client, "/help")
    table = " ".join(texts(doc, "//table"))
    for syntax in ('"information sharing"', "OR", "-parking", "question:", "answer:", "speaker:",
                   "committee:", "refer*", "wom?n", "waiting for an assessment?"):
        assert syntax in table
    assert "all words must match" not in table   # plain words are ranked, not all required


@pytest.mark.parametrize("url", ["/passages/nope", "/meetings/nope", "/no/such/page"])
def test_unknown_pages_are_a_friendly_404(client, url):
    doc = get_page(client, url, status=404)
    assert doc.xpath("//h1")[0].text_content() == "Not Found"
    assert doc.xpath("//a[@href='/']")


@pytest.mark.parametrize("url", ["/", "/?q=council", "/help", "/browse", "/glossary", "/nope",
                                 "/api/search?q=council", "/api/search?page=0",
                                 "/feed.atom?q=council", "/static/site.css"])
def test_every_response_carries_the_security_headers(client, url):
    with client.get(url) as response:  # a static file's response holds the file open
        headers = response.headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src" not in CONTENT_SECURITY_POLICY and "default-src 'none'" in \
        CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


def test_the_pages_carry_no_script_at_all(client):
    for url in ("/", "/?q=council", "/browse", "/help", "/glossary"):
        html = client.get(url).get_data(as_text=True)
        assert "<script" not in html and " on" + "click=" not in html


def minutes_words(card: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A copy of a passage card without its item's title (the agenda's words) and the links'
    hidden labels that repeat it."""
    card = copy.deepcopy(card)
    for title in card.xpath(".//h1|.//h2|.//h3|.//*[@class='visually-hidden']"):
        title.drop_tree()
    return card


def first_uses_explained(card: lxml.html.HtmlElement, acronym: str, long_form: str) -> bool:
    """Whether a passage card explains `acronym` once, at its first use in the minutes'
    words, with `long_form`."""
    card = minutes_words(card)
    abbrs = card.xpath(f".//abbr[.='{acronym}']")
    html = lxml.html.tostring(card, encoding="unicode")
    explained = f'<abbr title="{long_form}">{acronym}</abbr>'
    return len(abbrs) == 1 and abbrs[0].get("title") == long_form and \
        html.index(acronym) == html.index(explained) + explained.index(f">{acronym}") + 1


def test_acronyms_in_results_are_explained_at_their_first_use_inside_the_highlights(client):
    doc = get_page(client, "/?q=HNB")
    cards = [card for card in doc.xpath("//ol[@class='hits']//article")
             if card.xpath("string(.//p[@class='passage__text'])").count("HNB") == 4]
    assert len(cards) == 1, "the Marlbury Schools Forum passage uses HNB four times"
    assert first_uses_explained(cards[0], "HNB", "High Needs Block")
    assert len(cards[0].xpath(".//p[@class='passage__text']//mark[.='HNB']")) == 4
    assert cards[0].xpath(".//mark/abbr[.='HNB']"), "the explanation sits inside the highlight"


def test_acronyms_are_explained_on_the_passage_and_meeting_pages(client):
    results = get_page(client, "/?q=%22HNB+Recovery+Plan%22")
    passage = get_page(client, results.xpath("//ol[@class='hits']//h3/a/@href")[0])
    article = passage.xpath("//article[contains(@class,'passage--full')]")[0]
    assert first_uses_explained(article, "HNB", "High Needs Block")
    meeting = get_page(client, article.xpath(".//a[contains(.,'Whole meeting')]/@href")[0])
    cards = [card for card in meeting.xpath("//section[@class='item']//article")
             if "HNB" in minutes_words(card).text_content()]
    assert cards and all(first_uses_explained(card, "HNB", "High Needs Block")
                         for card in cards)
    assert meeting.xpath("//abbr[@title='Dedicated School’s Grant'][.='DSG']"), \
        "the council's own definitions are used"


def test_a_question_and_its_answer_explain_an_acronym_once_with_the_shipped_glossary(client):
    doc = get_page(client, "/?q=%22care+leavers%22&kind=qa")
    card = doc.xpath("//ol[@class='hits']//article[contains(., 'engagement with LAC')]")[0]
    question, answer = card.xpath(".//dl[@class='qa']/div/dd")
    assert "LAC" in question.text_content() and "LAC" in answer.text_content()
    assert first_uses_explained(card, "LAC", "Looked After Children")
    assert question.xpath("abbr[.='LAC']") and not answer.xpath(".//abbr[.='LAC']")


def glossary_rows(section: lxml.html.HtmlElement) -> dict[str, tuple[list[str], str]]:
    """A glossary table's rows: acronym -> (the other cells, the acronym's link)."""
    return {row.xpath("string(th/a)").removeprefix("Search for "):
            (texts(row, "td"), row.xpath("th/a/@href")[0]) for row in section.xpath(".//tbody/tr")}


def test_the_glossary_page_lists_acronyms_by_council_and_the_common_ones(client):
    doc = get_page(client, "/glossary")
    assert doc.xpath("//nav[@aria-label='Site']//a[@href='/glossary'][@aria-current='page']")
    councils = texts(doc, "//section[@class='glossary-council']/h2")
    assert councils == ["Hollinshire", "Marlbury", "South Ashworth", "Stourshire",
                        "West Wealdshire"]
    marlbury = doc.xpath("//section[@class='glossary-council'][h2='Marlbury']")[0]
    assert texts(marlbury, ".//thead//th") == ["Acronym", "Stands for", "Pages defining it"]
    cells, link = glossary_rows(marlbury)["HNB"]
    assert cells == ["High Needs Block", "1"] and link == "/?q=HNB"
    results = get_page(client, link)
    assert total(results) > 0 and "Also searched: HNB → High Needs Block" in \
        texts(results, "//p[@class='also-searched']")[0]
    common = glossary_rows(doc.xpath("//section[@class='glossary-shipped']")[0])
    assert common["CIL"] == (["Community Infrastructure Levy"], "/?q=CIL")
    assert doc.xpath("//nav[@aria-label='Councils']//a[@href='#council-2'][.='Marlbury']")


def test_the_glossary_page_of_one_council_and_of_an_unknown_one(client):
    doc = get_page(client, "/glossary?council=West+Wealdshire")
    assert texts(doc, "//section[@class='glossary-council']/h2") == ["West Wealdshire"]
    assert "MASH" in glossary_rows(doc)
    assert doc.xpath("//a[@href='/glossary'][contains(.,'every council')]")
    error = get_page(client, "/glossary?council=%3Cb%3EAtlantis", status=400)
    assert "No acronyms have been learnt from the minutes of '<b>Atlantis'" in \
        texts(error, "//main//p")[0]
    assert not error.xpath("//main//b")


def test_the_help_page_links_to_the_glossary(client):
    doc = get_page(client, "/help")
    assert doc.xpath("//main//a[@href='/glossary']")
    assert "CAMHS" in " ".join(texts(doc, "//main//p"))


def test_the_topic_facet_chips_and_api_name_topics_as_the_taxonomy_labels_them(client):
    labels = {topic.id: topic.label for topic in default_taxonomy().topics}
    doc = get_page(client, "/?q=council")
    shown = facet_values(doc, "topic")
    assert shown and set(shown) <= set(labels.values())
    assert not set(shown) & (set(labels) - set(labels.values())), "no topic ids are shown"
    label, (_, link, _) = next((label, value) for label, value in shown.items() if "'" in label
                               or " " in label)
    chosen = get_page(client, link)
    assert texts(chosen, "//ul[@class='chips']//a[@class='chip']") == [
        f"Remove filter Topic: {label}×"]
    body = client.get("/api/search?q=council").get_json()
    assert {(v["value"], v["label"]) for v in body["facets"]["topic"]} == {
        (label, label) for label in shown}
    assert set(body["results"][0]["topics"]) <= set(labels.values())
