"""ModernGov HTML pages (agenda item and meeting pages) turned into the page text of a browser.

The splitter reads page text as a browser saves it: one paragraph, list item or table cell per
block with blank lines between blocks, bullets as "· ", a meeting page's item table as a
"No. Item" line then the item number, title, description, "Minutes:" and minutes body. This
module renders ModernGov markup (`table.mgItemTable`, `p.mgAiTitleTxt`, `div.mgWordPara`,
`p.mgSubItemTitleTxt`, Word paragraphs) into exactly that, dropping page furniture (scripts,
hidden Word markup, action links, lists of attached documents). Beside the text, the markup
gives what the text cannot say for sure: the council the site names (page title, site-name tag,
copyright line) and the heading of a meeting page (`h2.mgSubTitleTxt`, whole even where a line
break splits it).
"""
from __future__ import annotations

import dataclasses
import re

import lxml.html
from lxml import etree
from lxml.html import HTMLParser

from ..councils import council_name
from ..model import Document
from .text import decode_bytes, document_url, read_bytes

# Tags whose content never reaches the reader: furniture, embedded objects, form controls.
DROP_TAGS = ("script", "style", "noscript", "head", "title", "meta", "link", "template", "svg",
             "object", "iframe", "input", "select", "button", "textarea", "img", "map")
# ModernGov furniture inside the content area: "View the decision for item 4." style links.
DROP_CLASSES = ("mgActionList", "mgHide")
BLOCK_TAGS = frozenset({
    "p", "div", "li", "tr", "td", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul",
    "ol", "dl", "dd", "dt", "blockquote", "section", "article", "header", "footer", "main",
    "aside", "address", "pre", "hr", "fieldset", "legend", "figure", "figcaption", "center",
    "tbody", "thead", "tfoot", "body", "html", "form"})
# A document link in a title or list: "Minutes of 15 October pdf icon PDF 175 KB".
DOC_SIZE = re.compile(r"\s*(?:pdf icon\s*)?(?:PDF|DOCX?|XLSX?|PPTX?)\s*\d[\d.,]*\s*[KM]B\s*$", re.I)
DOC_HREF = re.compile(r"(?:mgConvert2PDF|ieGetDocument|/documents/|\.(?:pdf|docx?|xlsx?|pptx?)$)",
                      re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(https?://\S+?)\s*-->", re.I)
# Word's Symbol-font bullet (a private-use character) and friends, as the splitter's bullet.
BULLET_CHARS = str.maketrans({"\uf0b7": "·", "\uf0a7": "·", "\u2022": "·"})
_PARA = "\x00"   # a paragraph break between blocks
_LINE = "\x01"   # a line break (<br>) inside a block
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2007\u202f\u200b]+")
_BREAKS = re.compile(rf"[ {_PARA}{_LINE}]*{_PARA}[ {_PARA}{_LINE}]*")
# Between the parts of a page title: "Agenda item - Budget - Kent County Council", "… | …".
_TITLE_PARTS = re.compile(r"\s+[-–|:]\s+")
# The kind of page a ModernGov page's main title names: a meeting page's kinds.
_MEETING_PAGE_KIND = re.compile(r"^(?:Agenda|Minutes|Decisions|Meeting documents)"
                                r"(?:,? (?:and|&) .*|, .*)?$", re.I)
# A copyright line naming the site's owner: "© 2024 Kent County Council".
_COPYRIGHT = re.compile(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?(?:[-–]\s*)?(.{3,80}?)\.?$", re.I)


def html_to_text(markup: str | bytes) -> str:
    """Page text with one paragraph, list item or cell per block and blank lines between blocks."""
    root = parse_html(markup)
    return "" if root is None else _page_text(root)


def _page_text(root: etree._Element) -> str:
    """The text of a parsed page, as html_to_text gives it."""
    parts: list[str] = []
    try:
        _render(content_root(root), parts)
    except RecursionError:
        raise ValueError("markup nested too deeply to read (hundreds of unclosed tags)") from None
    text = _SPACE.sub(" ", "".join(parts)).translate(BULLET_CHARS)
    text = _BREAKS.sub("\n\n", text)
    lines = (line.strip() for line in text.replace(_LINE, "\n").split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def parse_html(markup: str | bytes) -> etree._Element | None:
    """Parse a page's markup (bytes decoded as council sites need); None for an empty page."""
    if isinstance(markup, bytes):
        markup = decode_bytes(markup)
    # lxml refuses str input that still declares a byte encoding.
    markup = XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        return None
    try:
        # huge_tree lifts libxml2's limits (256 levels, 10 MB of text in one node), which
        # otherwise drop the rest of a page without a word.
        return lxml.html.document_fromstring(markup, parser=HTMLParser(huge_tree=True))
    except etree.ParserError:  # markup with no elements at all, e.g. only a comment
        return None


def content_root(root: etree._Element) -> etree._Element:
    """The ModernGov content area (`#modgov`) when the page has one, else the whole page."""
    found = root.xpath("//*[@id='modgov']")
    return found[0] if found else root


def _classes(node: etree._Element) -> set[str]:
    return set((node.get("class") or "").split())


def _hidden(node: etree._Element) -> bool:
    style = (node.get("style") or "").replace(" ", "").lower()
    return ("display:none" in style or "mso-hide:all" in style or node.get("hidden") is not None
            or bool(_classes(node) & set(DROP_CLASSES)))


def _document_link_item(node: etree._Element) -> bool:
    """A list item that is only a link to an attached document (the "Additional documents")."""
    links = node.findall(".//a")
    if len(links) != 1 or not DOC_HREF.search(links[0].get("href") or ""):
        return False
    own = "".join(node.itertext()).strip()
    return own == "".join(links[0].itertext()).strip()


def _render(node: etree._Element, parts: list[str]) -> None:
    """Append the text of `node` and its descendants, with markers where blocks and lines break."""
    tag = node.tag if isinstance(node.tag, str) else ""
    if not tag or tag in DROP_TAGS or _hidden(node):
        return  # comments, processing instructions and dropped furniture: tails kept by the caller
    if tag == "br":
        parts.append(_LINE)
        return
    if tag == "li" and _document_link_item(node):
        return
    block = tag in BLOCK_TAGS
    if block:
        parts.append(_PARA)
    if tag == "li":
        parts.append(_list_marker(node))
    elif tag == "th":
        parts.append(" ")  # header cells share a line: "No. Item"
    start = len(parts)
    parts.append(node.text or "")
    for child in node:
        _render(child, parts)
        parts.append(child.tail or "")
    if "mgAiTitleTxt" in _classes(node):
        title = DOC_SIZE.sub("", "".join(parts[start:]))
        del parts[start:]
        parts.append(title)
    if block:
        parts.append(_PARA)


def _list_marker(item: etree._Element) -> str:
    """"· " for a bullet; "3. ", "c. " or "iii. " for a numbered list item."""
    parent = item.getparent()
    if parent is None or parent.tag != "ol":
        return "· "
    siblings = [child for child in parent if child.tag == "li"]
    try:
        number = int(parent.get("start") or 1) + siblings.index(item)
    except ValueError:
        number = 1 + siblings.index(item)
    kind = parent.get("type") or "1"
    if kind in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return f"{letter.upper() if kind == 'A' else letter}. "
    if kind in ("i", "I"):
        return f"{_roman(number).upper() if kind == 'I' else _roman(number)}. "
    return f"{number}. "


def _roman(number: int) -> str:
    values = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
              (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def saved_page_url(markup: str) -> str | None:
    """The page's own URL when the browser that saved it recorded one ("saved from url=")."""
    match = SAVED_FROM.search(markup[:4096])
    return match[1] if match else None


def site_council(root: etree._Element) -> str | None:
    """The council a page's site names: in the page title, a site-name tag or the copyright
    line; None when none of them is a council's name."""
    title = " ".join((root.findtext(".//title") or "").split())
    candidates = _TITLE_PARTS.split(title)[::-1] + [
        meta.get("content") or "" for meta in root.xpath(
            "//meta[@property='og:site_name' or @name='application-name' or @name='author']")]
    for text in root.xpath("//footer//text() | //*[@id='footer']//text()"):
        if match := _COPYRIGHT.search(" ".join(str(text).split())):
            candidates.append(match[1])
    return next((name for text in candidates if (name := council_name(text))), None)


def meeting_heading(root: etree._Element) -> str | None:
    """The heading a ModernGov meeting page gives its meeting ("Cabinet - Tuesday, 12th March,
    2019 6.00 pm"), its lines joined by " - "; None on other pages (an item page's heading is
    the item's title)."""
    kinds, headings = (root.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), "
                                  f"' {name} ')]") for name in ("mgMainTitleTxt", "mgSubTitleTxt"))
    if not kinds or not headings or \
            not _MEETING_PAGE_KIND.match(" ".join("".join(kinds[0].itertext()).split())):
        return None
    parts: list[str] = []
    _render(headings[0], parts)
    lines = "".join(parts).replace(_PARA, "\n").replace(_LINE, "\n").split("\n")
    return " - ".join(line for line in (" ".join(part.split()) for part in lines) if line) or None


def html_document(markup: str | bytes, hints: Document) -> Document:
    """The Document of a page's markup: `hints` (a Document without text, as the source knows
    it) with the page's text, and the council and meeting heading the markup gives where the
    hints do not."""
    root = parse_html(markup)
    if root is None:
        return hints
    return dataclasses.replace(hints, text=_page_text(root),
                               council=hints.council or site_council(root),
                               meeting_title=hints.meeting_title or meeting_heading(root))


def read_html_file(path: str) -> Document:
    """Read a saved `.html`/`.htm` ModernGov page; its identity is the URL it was saved from,
    its council the one its site names."""
    markup = decode_bytes(read_bytes(path))
    url = saved_page_url(markup)
    return html_document(markup, Document(
        source=path, url=url or document_url(path), text="",
        meeting_url=url if url and "ieListDocuments" in url else None))

