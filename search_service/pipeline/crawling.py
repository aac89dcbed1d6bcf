"""Crawl a ModernGov site into the index: the crawler yields the documents, indexed as they
arrive under the run lock, so nothing is fetched while another run holds the index."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..crawl import CrawlStats, MeetingProgress, open_crawl
from ..sources import SourceError
from .indexing import index_documents
from .report import IndexReport, Progress

# Meeting pages are few and slow to fetch politely: commit often so a killed crawl keeps its work.
COMMIT_EVERY = 20


@dataclass
class CrawlReport(CrawlStats):
    """What one crawl did, with the indexer's report of what it stored."""

    index: IndexReport = field(default_factory=IndexReport)

    @property
    def errors(self) -> list[SourceError]:
        """Every URL that failed, in the order met."""
        return self.index.errors

    def summary(self) -> str:
        """The one-line summary printed at the end of a crawl."""
        return f"{super().summary()}; {self.index.summary()}"


def crawl_site(base_url: str, index_dir: Path, cache_dir: Path, *,
               since: dt.date | None = None, until: dt.date | None = None,
               committee_ids: Sequence[str] = (), council: str | None = None,
               delay: float = 1.0, timeout: float = 30.0, backoff: float = 1.0,
               wait: bool = False, progress: Progress | None = None,
               on_meeting: MeetingProgress | None = None) -> CrawlReport:
    """Crawl a ModernGov site's meetings with minutes into the index, incrementally.

    Only a crawl of every committee that met no error is remembered as complete (the window of
    the next crawl starts from it).
    """
    report = CrawlReport()
    crawler = open_crawl(base_url, cache_dir, report, since=since, until=until,
                         committee_ids=committee_ids, council=council, delay=delay,
                         timeout=timeout, backoff=backoff, on_meeting=on_meeting)
    report.index = index_documents(index_dir, crawler.documents(), wait=wait, progress=progress,
                                   commit_every=COMMIT_EVERY)
    if not report.errors and not committee_ids:
        crawler.record_complete()
    return report
