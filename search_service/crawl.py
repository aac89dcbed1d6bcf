"""The crawl of a ModernGov site: committees → meetings → meeting pages with minutes, as documents.

Stages, in order: `list_committees` (GetCommittees), `list_meetings` (GetMeetings per committee
in the date window), then per meeting `read_meeting` (GetMeeting: is there minutes?),
`fetch_minutes_page` (the meeting page, conditionally; its council the one `--council` names,
else the one the site names in the page's title or footer) and, where the page has no minutes but
links to printed minutes, `fetch_printed_minutes` (that PDF, as politely, cached and
conditionally). Every stage's failure becomes a
SourceError naming the URL, and the crawl goes on with the next committee or meeting. The crawl
only yields documents; pipeline/crawling.py indexes them as they arrive, under the index's run
lock, so nothing is fetched while another run holds the index.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .fetch import Fetched, FetchError, FetchStats, PageCache, PoliteClient
from .model import Document
from .sources import SourceError
from .sources.moderngov import (Committee, MeetingSummary, ModernGovSite, WebServiceError,
                                meeting_document, page_has_minutes, parse_committees,
                                parse_meeting, parse_meetings, printed_minutes_url)

log = logging.getLogger(__name__)

# Where a site's history starts when nothing narrower is asked for.
FIRST_DATE = dt.date(2000, 1, 1)
# After a complete crawl, later crawls look back this far: minutes are published and corrected
# weeks or months after a meeting, and older pages rarely change (crawl with --since for those).
LOOKBACK = dt.timedelta(days=365)
STATE_SUFFIX = ".crawl-state.json"
DEFAULT_CACHE = "cache"

MeetingProgress = Callable[[int, int], None]


class CrawlError(Exception):
    """A crawl that cannot start (a bad address or date window); the message is for the user."""


@dataclass
class CrawlStats:
    """What one crawl fetched and found."""

    committees: int = 0
    meetings: int = 0
    meetings_done: int = 0
    without_minutes: int = 0
    pages_changed: int = 0
    pages_unchanged: int = 0
    fetch: FetchStats = field(default_factory=FetchStats)

    def summary(self) -> str:
        """The crawl's part of the summary line."""
        return (f"{self.committees} committees, {self.meetings} meetings "
                f"({self.without_minutes} without minutes), {self.pages_changed} pages new or "
                f"changed, {self.pages_unchanged} unchanged, {self.fetch.requests} requests")


@dataclass(frozen=True)
class CrawlWindow:
    """Which meetings to crawl: a date window and, optionally, only some committees."""

    since: dt.date
    until: dt.date
    committee_ids: tuple[str, ...] = ()


class Crawler:
    """Yields the documents of one site's meetings with minutes, recording what it did."""

    def __init__(self, site: ModernGovSite, client: PoliteClient, window: CrawlWindow,
                 council: str | None, stats: CrawlStats,
                 on_meeting: MeetingProgress | None = None) -> None:
        self.site = site
        self.client = client
        self.window = window
        self.council = council
        self.stats = stats
        self.on_meeting = on_meeting or (lambda done, total: None)

    def documents(self) -> Iterator[Document | SourceError]:
        """The documents of every meeting page with minutes in the window, errors in between."""
        committees = yield from self.list_committees()
        meetings: dict[str, tuple[Committee, MeetingSummary]] = {}
        for committee in committees:
            found = yield from self.list_meetings(committee)
            for meeting in found:  # a joint meeting is listed under each of its committees
                meetings.setdefault(meeting.id, (committee, meeting))
        self.stats.meetings = len(meetings)
        self.on_meeting(0, len(meetings))
        for committee, meeting in meetings.values():
            yield from self.read_meeting(committee, meeting)
            self.stats.meetings_done += 1
            self.on_meeting(self.stats.meetings_done, len(meetings))

    def list_committees(self) -> Generator[SourceError, None, list[Committee]]:
        """The committees to crawl (generator return value); an error ends the crawl early."""
        url = self.site.committees_url()
        try:
            committees = parse_committees(self.client.get(url, cache=False).body)
        except (FetchError, WebServiceError) as exc:
            yield _error(url, exc)
            return []
        wanted = set(self.window.committee_ids)
        chosen = [c for c in committees if (c.id in wanted if wanted else not c.deleted)]
        for missing in sorted(wanted - {c.id for c in committees}):
            yield SourceError(url, f"no committee with id {missing} on this site")
        self.stats.committees = len(chosen)
        log.info("%s: %d committees to crawl", self.site.base, len(chosen))
        return chosen

    def list_meetings(self, committee: Committee
                      ) -> Generator[SourceError, None, list[MeetingSummary]]:
        """A committee's meetings in the window (generator return value)."""
        url = self.site.meetings_url(committee.id, self.window.since, self.window.until)
        try:
            meetings = parse_meetings(self.client.get(url, cache=False).body)
        except (FetchError, WebServiceError) as exc:
            yield _error(url, exc)
            return []
        return [m for m in meetings
                if m.date is None or self.window.since <= m.date <= self.window.until]

    def read_meeting(self, committee: Committee,
                     meeting: MeetingSummary) -> Iterator[Document | SourceError]:
        """The document of one meeting's page, if it has minutes."""
        url = self.site.meeting_url(meeting.id)
        try:
            details = parse_meeting(self.client.get(url).body)
        except (FetchError, WebServiceError) as exc:
            yield _error(url, exc)
            return
        if details.minutes_published is False:
            self.stats.without_minutes += 1
            return
        date = details.date or meeting.date
        notes = {"council": self.council,
                 "committee": details.committee_title or committee.title,
                 "meeting_date": date.isoformat() if date else None,
                 "meeting_id": meeting.id, "committee_id": committee.id}
        yield from self.fetch_minutes_page(
            self.site.page_url(details.committee_id or committee.id, meeting.id), notes,
            sure=details.minutes_published is True)

    def fetch_minutes_page(self, url: str, notes: dict[str, str | None],
                           sure: bool) -> Iterator[Document | SourceError]:
        """Fetch a meeting page (conditionally) and make its document; `sure` it has minutes."""
        try:
            fetched = self.client.get(url)
            document = meeting_document(url, fetched.body, notes)
        except (FetchError, ValueError) as exc:
            yield _error(url, exc)
            return
        if not page_has_minutes(document.text):
            printed = printed_minutes_url(url, fetched.body)
            if printed:  # a PDF names no site: its council is the one its meeting page gave
                yield from self.fetch_printed_minutes(
                    printed, {**notes, "meeting_url": url, "council": document.council})
                return
            if not sure:
                self.stats.without_minutes += 1
                return
        yield self._found(url, fetched, document, notes)

    def fetch_printed_minutes(self, url: str,
                              notes: dict[str, str | None]) -> Iterator[Document | SourceError]:
        """Fetch a meeting's printed minutes (a PDF, conditionally) and make their document."""
        try:
            fetched = self.client.get(url)
            document = meeting_document(url, fetched.body, notes)
        except (FetchError, ValueError) as exc:
            yield _error(url, exc)
            return
        yield self._found(url, fetched, document, notes)

    def record_complete(self) -> None:
        """Remember the window of this crawl, once it completed without errors: the next crawl
        of the site looks back from its end."""
        if self.client.cache:
            _record_complete_crawl(self.client.cache, self.site, self.window)

    def _found(self, url: str, fetched: Fetched, document: Document,
               notes: dict[str, str | None]) -> Document:
        """Note a document's hints in the cache (to re-index from it) and count it."""
        if self.client.cache:
            self.client.cache.note(url, document=notes)
        if fetched.changed:
            self.stats.pages_changed += 1
        else:
            self.stats.pages_unchanged += 1
        return document


def _error(url: str, exc: Exception) -> SourceError:
    reason = exc.reason if isinstance(exc, FetchError) else str(exc)
    return SourceError(url, reason)


def default_cache_dir() -> Path:
    """`$SEARCH_SERVICE_CACHE`, else `./cache`."""
    return Path(os.environ.get("SEARCH_SERVICE_CACHE") or DEFAULT_CACHE)


def crawl_window(cache: PageCache, site: ModernGovSite, since: dt.date | None,
                 until: dt.date | None, committee_ids: Sequence[str]) -> CrawlWindow:
    """The window asked for; without --since, a year back from the last complete crawl."""
    until = until or dt.date.today()
    if since is None:
        last = _last_complete_crawl(cache, site)
        since = min(last - LOOKBACK, until) if last else FIRST_DATE
    if since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    return CrawlWindow(since, until, tuple(committee_ids))


def _state_path(cache: PageCache, site: ModernGovSite) -> Path:
    return cache.root / f"{cache.path_for(site.base).parent.name}{STATE_SUFFIX}"


def _last_complete_crawl(cache: PageCache, site: ModernGovSite) -> dt.date | None:
    try:
        state = json.loads(_state_path(cache, site).read_text(encoding="utf-8"))
        return dt.date.fromisoformat(state["until"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _record_complete_crawl(cache: PageCache, site: ModernGovSite, window: CrawlWindow) -> None:
    path = _state_path(cache, site)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"site": site.base, "since": window.since.isoformat(),
                                "until": window.until.isoformat()}) + "\n", encoding="utf-8")


def open_crawl(base_url: str, cache_dir: Path, stats: CrawlStats, *,
               since: dt.date | None = None, until: dt.date | None = None,
               committee_ids: Sequence[str] = (), council: str | None = None,
               delay: float = 1.0, timeout: float = 30.0, backoff: float = 1.0,
               on_meeting: MeetingProgress | None = None) -> Crawler:
    """The crawler of a ModernGov site's meetings with minutes, counting into `stats`; a bad
    address or date window is a CrawlError before anything is fetched."""
    cache = PageCache(cache_dir)
    try:
        site = ModernGovSite(base_url)
        window = crawl_window(cache, site, since, until, committee_ids)
    except ValueError as exc:
        raise CrawlError(str(exc)) from None
    client = PoliteClient(cache, delay=delay, timeout=timeout, backoff=backoff)
    stats.fetch = client.stats
    log.info("crawling %s from %s to %s", site.base, window.since, window.until)
    return Crawler(site, client, window, council, stats, on_meeting)
