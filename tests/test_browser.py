"""The pages in a real browser: Debian's Chromium through Playwright, the app under waitress."""
from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect, sync_playwright

from search_service.model import Document
from search_service.pipeline.indexing import index_documents, index_paths

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent.parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless; Playwright never downloads a browser of its own."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser: Browser, viewport: dict[str, int] = DESKTOP,
              javascript: bool = True) -> tuple[Page, list[str]]:
    """A fresh page, and the list its console errors (CSP reports among them) are added to."""
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors


def test_search_click_a_facet_and_follow_a_result_without_javascript(server, browser):
    page, errors = open_page(browser, javascript=False)
    page.goto(server)
    page.get_by_label("Words to find").fill("pothole")
    page.get_by_role("button", name="Search").click()
    heading = page.locator("#results-title")
    expect(heading).to_contain_text("passages for")
    before = int(heading.inner_text().split()[0])
    kind = page.locator("section[aria-labelledby='facet-kind'] a", has_text="Question and answer")
    count = int(kind.locator(".facet__count").inner_text().split()[0])
    kind.click()
    expect(page).to_have_url(f"{server}/?q=pothole&kind=qa")
    expect(heading).to_have_text(f"{count} passage{'' if count == 1 else 's'} for pothole")
    assert count < before
    expect(page.locator(".chips .chip")).to_have_text("Remove filter Kind: Question and answer×")
    first = page.locator("ol.hits article h3 a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".passage--full .badge")).to_have_text("Question and answer")
    expect(page.locator("#similar-title")).to_have_text("Asked before")
    page.locator(".passage--full").get_by_role("link", name="Whole meeting").click()
    expect(page.locator("section.item").first).to_be_visible()
    assert not errors, errors
    page.context.close()


def pages_to_check(server: str) -> list[str]:
    """Every kind of page: front, results with filters, passage, meeting, browse, help, errors,
    glossary, and results with acronyms explained inside highlights."""
    with urllib.request.urlopen(f"{server}/api/search?q=%22Members+Question+Time%22") as response:
        hit = json.load(response)["results"][0]
    return [server + path for path in (
        "/", "/?q=council&kind=qa&kind=statement&from=2016-01-01",
        "/?q=inspecton", "/?q=council&page=2&sort=newest", hit["links"]["page"],
        hit["links"]["meeting"], "/browse", "/help", "/?q=x&page=0", "/passages/nope",
        "/glossary", "/?q=HNB", "/people/Cllr%20Hilton", "/?q=apologies&routine=include")]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_page_passes_axe_core_wcag_21_aa(server, browser, viewport):
    page, errors = open_page(browser, viewport)
    axe = Axe()
    found = {}
    for url in pages_to_check(server):
        errors.clear()
        response = page.goto(url)
        if response and response.ok:
            assert not errors, (url, errors)
        violations = axe.run(page, options=WCAG_21_AA).response["violations"]
        if violations:
            found[url] = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                          for v in violations]
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{url} scrolls sideways: {width}px"
    assert not found, found
    page.context.close()


def test_a_member_page_from_a_result_lists_what_they_asked_and_were_told(server, browser):
    page, errors = open_page(browser)
    page.goto(f"{server}/?q={quote('speaker:hilton')}")
    page.locator("ol.hits .meta a", has_text="Councillor Hilton").first.click()
    expect(page.locator("h1")).to_have_text("Councillor Hilton")
    expect(page.locator(".lede")).to_contain_text("question")
    expect(page.locator("p.roles", has_text="Asked").first).to_be_visible()
    expect(page.locator("dl.qa").first).to_contain_text("Answer")
    feed = page.locator("link[type='application/atom+xml']").get_attribute("href")
    with urllib.request.urlopen(server + feed) as response:
        assert b"<entry>" in response.read()
    assert not errors, errors
    page.context.close()


def test_routine_items_are_left_out_until_asked_for_and_back(start_server, browser, tmp_path):
    minutes = [("Apologies for absence", "Apologies were received from Councillor Shah."),
               ("Pothole repairs", "Councillor Hilton sent apologies for the late report on "
                                   "pothole repairs, which the Cabinet noted.")]
    index_documents(tmp_path, [Document(
        source=title, url=f"https://example.gov.uk/mgAi.aspx?ID={n}", text=text,
        committee="Cabinet", item_title=title) for n, (title, text) in enumerate(minutes)])
    page, errors = open_page(browser)
    with start_server(tmp_path) as server:
        page.goto(f"{server}/?q=apologies")
        note = page.locator("p.routine-note")
        expect(note).to_contain_text("1 passage of routine items")
        expect(page.locator("ol.hits article")).to_have_count(1)
        note.get_by_role("link", name="Include routine items").click()
        expect(page).to_have_url(f"{server}/?q=apologies&routine=include")
        expect(page.locator("ol.hits article")).to_have_count(2)
        page.get_by_role("link", name="Leave routine items out").click()
        expect(page).to_have_url(f"{server}/?q=apologies")
    assert not errors, errors
    page.context.close()


def test_the_meeting_page_shows_each_passage_under_its_item_without_repeating(server, browser):
    page, errors = open_page(browser)
    page.goto(f"{server}/?q={quote('Members Question Time')}")
    page.locator("ol.hits").get_by_role("link", name="Whole meeting").first.click()
    items = page.locator("section.item")
    expect(items.first).to_be_visible()
    first = items.first.locator("article").first
    assert first.locator(".badge").count() == 1
    assert first.locator(".meta time").count() == 0
    assert not errors, errors
    page.context.close()


def test_facets_titles_and_browse_name_the_council_and_committee_the_page_gives(
        start_server, browser, tmp_path):
    host = "democracy.upper-sheep.example.gov.uk"
    (tmp_path / "pages.jsonl").write_text(json.dumps({
        "url": f"https://{host}/ieIssueDetails.aspx?IId=1",
        "text": "Upper Sheep District Council\n\nIssue - meetings\n\nLibrary hours\n\n"
                "Meeting: 03/05/2022 - Communities Committee (Item 7)\n\nMinutes:\n\n"
                "Councillor Ross asked whether the library would open on Sundays. The Head "
                "of Libraries replied that it would from June."}) + "\n", encoding="utf-8")
    index_paths(tmp_path / "ix", [str(tmp_path / "pages.jsonl")])
    page, errors = open_page(browser)
    with start_server(tmp_path / "ix") as server:
        page.goto(f"{server}/?q=library")
        labels = page.locator(".facet__label").all_inner_texts()
        assert "Upper Sheep District Council" in labels and "Communities Committee" in labels
        page.goto(f"{server}/browse")
        names = page.locator("main").inner_text()
        assert "Upper Sheep District Council" in names and "Communities Committee" in names
        shown = labels + [page.locator("main").inner_text()]
    assert not any(host in text or re.search(r"\b[0-9a-f]{16}\b", text) for text in shown)
    assert not errors, errors
    page.context.close()


def test_markup_inside_the_minutes_is_shown_as_text_and_never_runs(server, browser):
    page, errors = open_page(browser)
    page.goto(f"{server}/?q={quote('overview role')}")
    hit = page.locator("ol.hits article", has_text="Please clarify the overview role")
    expect(hit).to_contain_text('<script>window.injected = true; document.title = "INJECTED";'
                                '</script><img src=x onerror="window.injected = true"> & '
                                '<b>bold</b>')
    assert page.evaluate("window.injected") is None
    assert page.title() != "INJECTED"
    assert page.locator("main script, main img, main b").count() == 0
    hit.locator("h3 a").click()
    expect(page.locator(".passage--full")).to_contain_text("<script>window.injected")
    assert page.evaluate("window.injected") is None
    assert page.locator("script").count() == 0
    assert not errors, errors
    page.context.close()


def test_keyboard_users_get_a_skip_link_and_a_visible_focus(server, browser):
    page, _ = open_page(browser)
    page.goto(f"{server}/?q=council")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the skip link shows when focused"
    skip.press("Enter")
    focus_style = """() => {
        const element = document.activeElement, style = getComputedStyle(element);
        return [element.id || element.textContent.trim(), style.backgroundColor,
                style.outlineColor, style.outlineStyle];
    }"""
    page.keyboard.press("Tab")
    link = page.evaluate(focus_style)
    assert link[:2] == ["How to search", "rgb(255, 221, 0)"], "a focused link turns yellow"
    page.keyboard.press("Tab")
    box = page.evaluate(focus_style)
    assert box[0] == "q" and box[2:] == ["rgb(255, 221, 0)", "solid"], \
        "the search box gets a yellow outline"
    page.context.close()


@pytest.mark.parametrize("name, viewport", [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots_of_the_search_page(server, browser, name, viewport):
    """Saved to artifacts/ for people to look at; the page must fit the screen's width."""
    page, errors = open_page(browser, viewport)
    page.goto(f"{server}/?q={quote('question time')}&kind=qa")
    expect(page.locator("ol.hits article").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"search-{name}.png", full_page=name == "desktop")
    page.locator("ol.hits article h3 a").first.click()
    page.screenshot(path=ARTIFACTS / f"passage-{name}.png", full_page=name == "desktop")
    assert not errors, errors
    page.context.close()
