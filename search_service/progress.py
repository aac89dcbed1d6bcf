"""Progress of an index or crawl run: a bar redrawn on a terminal, plain log lines under cron."""
from __future__ import annotations

import datetime as dt
import sys
import time
from typing import TextIO

from .model import Document
from .pipeline.report import IndexReport
from .sources import SourceError

BAR_WIDTH = 24
REDRAW_SECONDS = 0.1


class RunProgress:
    """Shows a run's progress on a stream (stderr by default).

    On a terminal: one status line, redrawn in place, with a bar once the total is known, and
    errors printed above it. Elsewhere (cron, a pipe, a log file): one timestamped line per
    document indexed and per error, nothing for unchanged documents.
    """

    def __init__(self, stream: TextIO | None = None, interactive: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self._report = IndexReport()
        self._meetings: tuple[int, int] | None = None
        self._errors_shown = 0
        self._changed = 0
        self._added = 0
        self._drawn = 0.0
        self._line_open = False

    def meetings(self, done: int, total: int) -> None:
        """The crawl's progress through the meetings it listed."""
        self._meetings = (done, total)
        self._draw()

    def document(self, document: Document | SourceError, report: IndexReport) -> None:
        """The indexer's progress after one document or error (a `pipeline.report.Progress`)."""
        self._report = report
        new_errors = report.errors[self._errors_shown:]
        for error in new_errors:
            self._line(f"error: {error}")
        self._errors_shown = len(report.errors)
        indexed = report.changed > self._changed and isinstance(document, Document)
        if indexed and not new_errors and not self.interactive:
            added = report.passages_added - self._added
            where = document.url if document.url == document.source else (
                f"{document.url} (from {document.source})")
            self._line(f"indexed {where}: {added} passages")
        self._changed, self._added = report.changed, report.passages_added
        self._draw()

    def finish(self) -> None:
        """Clear the status line, so the summary that follows stands alone."""
        if self._line_open:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._line_open = False

    def _line(self, text: str) -> None:
        if self.interactive:
            self.finish()
            self.stream.write(text + "\n")
        else:
            self.stream.write(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} {text}\n")
        self.stream.flush()
        self._drawn = 0.0

    def _draw(self) -> None:
        now = time.monotonic()
        if not self.interactive or now - self._drawn < REDRAW_SECONDS:
            return
        self._drawn = now
        report = self._report
        status = (f"{report.documents} documents, {report.passages_added} passages added, "
                  f"{len(report.errors)} errors")
        if self._meetings and self._meetings[1]:
            done, total = self._meetings
            filled = BAR_WIDTH * done // total
            status = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} meetings, {status}"
        self.stream.write(f"\r\x1b[K{status}")
        self.stream.flush()
        self._line_open = True
