"""A ModernGov site: its web service (`mgWebService.asmx`), its meeting pages, and the crawl cache.

The web service answers plain GETs with XML: `GetCommittees` (ids and titles),
`GetMeetings?lCommitteeId=…&sFromDate=…&sToDate=…` (a committee's meetings in a date window,
dates as dd/mm/yyyy) and `GetMeeting?lMeetingId=…` (date, committee, agenda items, whether
minutes are published). The minutes themselves are read from the meeting page
`ieListDocuments.aspx?CId=…&MId=…`, whose markup `html.py` renders as page text, or, where the
page has none, from the "Printed minutes" PDF it links to (`pdf.py`).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

from ..fetch import CachedPage, PageCache
from ..model import Document
from . import SourceError
from .html import html_document
from .pdf import pdf_document

log = logging.getLogger(__name__)

WEB_SERVICE = "mgWebService.asmx"
# Host labels that name the software or the department, not the council.
HOST_NOISE = frozenset({"www", "democracy", "democratic", "moderngov", "modgov", "committees",
                        "councillors", "meetings", "minutes", "mg", "councildecisions",
                        "governance", "decisions", "localgov", "cmis", "services"})
HOST_SUFFIXES = (".moderngov.co.uk", ".gov.uk", ".gov.wales", ".llyw.cymru", ".gov.scot",
                 ".org.uk", ".co.uk", ".org", ".com", ".net")
_MINUTES_HEADING = re.compile(r"^Minutes:?$", re.I | re.M)
# The meeting page's link to its printed minutes: "Printed minutes PDF 48 KB", to
# "documents/g5432/Printed minutes 02nd-Oct-2018 10.00 Cabinet.pdf?T=1".
_PRINTED_MINUTES = re.compile(r"\bprinted minutes\b", re.I)
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)


class WebServiceError(ValueError):
    """A web-service answer that cannot be read; the message says what is wrong with it."""


@dataclass(frozen=True)
class Committee:
    """A committee as `GetCommittees` lists it."""

    id: str
    title: str
    expired: bool = False
    deleted: bool = False


@dataclass(frozen=True)
class MeetingSummary:
    """A meeting as `GetMeetings` lists it."""

    id: str
    date: dt.date | None
    status: str | None = None


@dataclass(frozen=True)
class ItemSummary:
    """An agenda item as `GetMeeting` lists it."""

    number: str | None
    title: str | None


@dataclass(frozen=True)
class MeetingDetails:
    """A meeting as `GetMeeting` describes it; `minutes_published` is None when it does not say."""

    id: str
    committee_id: str | None
    committee_title: str | None
    date: dt.date | None
    items: tuple[ItemSummary, ...]
    minutes_published: bool | None


class ModernGovSite:
    """The URLs of one ModernGov site, from the base URL the user gave."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"{base_url!r} is not a web address; give the site's address, "
                             f"e.g. https://democracy.example.gov.uk")
        path = parts.path
        if re.search(r"\.as[pm]x$", path, re.I):  # a page of the site was given: use its folder
            path = path.rsplit("/", 1)[0]
        self.base = urlunsplit((parts.scheme, parts.netloc, path.rstrip("/"), "", ""))
        self.host = parts.hostname or parts.netloc

    def _service(self, operation: str, **params: object) -> str:
        query = f"?{urlencode(params)}" if params else ""
        return f"{self.base}/{WEB_SERVICE}/{operation}{query}"

    def committees_url(self) -> str:
        """`GetCommittees`: every committee of the site."""
        return self._service("GetCommittees", lDays=0)

    def meetings_url(self, committee_id: str, since: dt.date, until: dt.date) -> str:
        """`GetMeetings`: a committee's meetings between two dates (inclusive)."""
        return self._service("GetMeetings", lCommitteeId=committee_id,
                             sFromDate=f"{since:%d/%m/%Y}", sToDate=f"{until:%d/%m/%Y}")

    def meeting_url(self, meeting_id: str) -> str:
        """`GetMeeting`: one meeting with its agenda items."""
        return self._service("GetMeeting", lMeetingId=meeting_id)

    def page_url(self, committee_id: str | None, meeting_id: str) -> str:
        """The meeting page with its agenda and minutes."""
        params = {"CId": committee_id, "MId": meeting_id} if committee_id else {"MId": meeting_id}
        return f"{self.base}/ieListDocuments.aspx?{urlencode(params)}"


def council_from_host(host: str) -> str:
    """A council name guessed from the site's host: democracy.kent.gov.uk → "Kent"."""
    host = host.lower().split(":")[0]
    if re.fullmatch(r"[\d.]+|\[?[\da-f:]+\]?|localhost", host):
        return host
    for suffix in HOST_SUFFIXES:
        if host.endswith(suffix):
            host = host[: -len(suffix)]
            break
    labels = [label for label in host.split(".") if label and label not in HOST_NOISE]
    name = labels[-1] if labels else host
    return "-".join(part.capitalize() for part in name.split("-"))


def _parse_xml(body: bytes, what: str) -> etree._Element:
    """Parse a web-service answer; WebServiceError says where it is malformed."""
    if not body.strip():
        raise WebServiceError(f"empty answer to {what}")
    try:
        root = etree.fromstring(body, parser=_XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise WebServiceError(f"malformed XML in the answer to {what} "
                              f"({exc.msg})") from None
    if _local(root.tag) == "html":
        raise WebServiceError(f"the answer to {what} is a web page, not XML: is the web service "
                              f"switched off on this site?")
    return root


def _local(tag: object) -> str:
    """An element's name without its namespace, lower-cased (the service's case varies)."""
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _elements(root: etree._Element, name: str) -> list[etree._Element]:
    return [el for el in root.iter() if _local(el.tag) == name]


def _text(element: etree._Element, name: str) -> str | None:
    """The text of the first child element called `name`, with ModernGov's double escaping undone."""
    for child in element:
        if _local(child.tag) == name:
            value = html.unescape((child.text or "").strip())
            return value or None
    return None


def _flag(element: etree._Element, *names: str) -> bool | None:
    for name in names:
        value = _text(element, name)
        if value is not None:
            return value.strip().lower() in ("true", "1", "yes")
    return None


def parse_date(value: str | None) -> dt.date | None:
    """A web-service date: dd/mm/yyyy as ModernGov writes it, or ISO; None when absent or bad."""
    if not value:
        return None
    value = value.strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value[:10], pattern).date()
        except ValueError:
            continue
    return None


def parse_committees(body: bytes) -> list[Committee]:
    """The committees in a `GetCommittees` answer."""
    root = _parse_xml(body, "GetCommittees")
    committees = []
    for element in _elements(root, "committee"):
        committee_id, title = _text(element, "committeeid"), _text(element, "committeetitle")
        if committee_id:
            committees.append(Committee(committee_id, title or f"Committee {committee_id}",
                                        expired=bool(_flag(element, "committeeexpired")),
                                        deleted=bool(_flag(element, "committeedeleted"))))
    return committees


def parse_meetings(body: bytes) -> list[MeetingSummary]:
    """The meetings in a `GetMeetings` answer."""
    root = _parse_xml(body, "GetMeetings")
    return [MeetingSummary(meeting_id, parse_date(_text(element, "meetingdate")),
                           _text(element, "meetingstatus"))
            for element in _elements(root, "meeting")
            if (meeting_id := _text(element, "meetingid"))]


def parse_meeting(body: bytes) -> MeetingDetails:
    """The details in a `GetMeeting` answer."""
    root = _parse_xml(body, "GetMeeting")
    meetings = _elements(root, "meeting")
    if not meetings or not _text(meetings[0], "meetingid"):
        raise WebServiceError("the answer to GetMeeting names no meeting")
    meeting = meetings[0]
    items = []
    minutes_in_items = False
    for element in _elements(meeting, "agendaitem"):
        number = _text(element, "fulldisplaynumberformat") or _text(element, "agendaitemnumber")
        items.append(ItemSummary(number.rstrip(".") if number else None,
                                 _text(element, "agendaitemtitle")))
        minutes_in_items |= bool(_text(element, "minutesnonemptyhtmlbody"))
    published = _flag(meeting, "minutespublished", "minutepublished")
    if published is None and minutes_in_items:
        published = True
    return MeetingDetails(id=_text(meeting, "meetingid") or "",
                          committee_id=_text(meeting, "committeeid"),
                          committee_title=_text(meeting, "committeetitle"),
                          date=parse_date(_text(meeting, "meetingdate")),
                          items=tuple(items), minutes_published=published)


def page_has_minutes(text: str) -> bool:
    """Whether a meeting page's text carries minutes (a "Minutes:" heading under an item)."""
    return bool(_MINUTES_HEADING.search(text))


def printed_minutes_url(page_url: str, body: bytes) -> str | None:
    """The address of the printed-minutes PDF a meeting page links to, if it links to one."""
    try:
        root = lxml.html.fromstring(body)
    except (etree.ParserError, ValueError):
        return None
    for link in root.iter("a"):
        href = link.get("href") or ""
        if urlsplit(href).path.lower().endswith(".pdf") and (
                _PRINTED_MINUTES.search(link.text_content()) or
                _PRINTED_MINUTES.search(unquote(href))):
            return urljoin(page_url, href.strip())
    return None


def meeting_document(url: str, body: bytes, notes: dict[str, str | None],
                     source: str | None = None) -> Document:
    """The Document of a meeting page or its printed minutes (a PDF), with the crawl's hints.

    The council is the one the crawl was told (`--council`), else the one the site names in the
    page's title or footer, else one made from the host: never the bare host where the site
    gives a name."""
    hints = {"council": notes.get("council"), "committee": notes.get("committee"),
             "meeting_date": parse_date(notes.get("meeting_date"))}
    if body.startswith(b"%PDF-"):
        document = pdf_document(body, source=source or url, url=url,
                                meeting_url=notes.get("meeting_url") or url, **hints)
    else:
        document = html_document(body, Document(source=source or url, url=url, text="",
                                                meeting_url=url, **hints))
    if document.council:
        return document
    return dataclasses.replace(document, council=council_from_host(urlsplit(url).hostname or ""))


def cached_document(page: CachedPage) -> Document | SourceError | None:
    """The Document of a cached meeting page or printed minutes, or None for a cached
    web-service answer."""
    notes = page.meta.get("document")
    if not isinstance(notes, dict):
        return None
    try:
        return meeting_document(page.meta["url"], page.body(), notes, source=str(page.body_path))
    except (OSError, KeyError, ValueError) as exc:
        return SourceError(str(page.body_path), f"unreadable cached page ({exc})")


def read_cache(cache_dir: str | Path) -> Iterator[Document | SourceError]:
    """Every meeting page in a crawl cache as a Document: re-index without re-crawling."""
    root = Path(cache_dir)
    if not root.is_dir():
        yield SourceError(str(root), "no such cache folder; `crawl --cache DIR` fills one")
        return
    for page in PageCache(root).pages():
        document = cached_document(page)
        if document is not None:
            yield document
