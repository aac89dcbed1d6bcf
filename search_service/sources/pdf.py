"""Printed minutes (PDF) → page text in the shape the splitter reads, with the meeting's heading.

PDFium (pypdfium2) gives each page's text runs with their boxes; `pdf_layout`'s rules turn
them into what a reader sees: running headers, footers and page numbers dropped, two columns
read one after the other, table rows kept as tab-separated cells, and lines joined into
paragraphs across line and page breaks (a word hyphenated at a line end joined again).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import time
from dataclasses import dataclass

import pypdfium2 as pdfium

from ..model import Document
from .pdf_layout import Line, Run, page_text_lines, printed_text
from .text import document_url, read_bytes

log = logging.getLogger(__name__)

# Printed minutes are a few MB at most; a larger file is a scan or not minutes. Bounds memory
# too: the whole file is held while PDFium reads it.
MAX_BYTES = 50 * 1024 * 1024
# The longest minute books run to a few hundred pages; more is not one meeting, or a bomb.
MAX_PAGES = 1000
# A file that takes longer than this to read is given up on (checked between pages).
MAX_SECONDS = 60.0
# A dense A4 page holds about 6,000 characters; far more is text too small to read (a bomb of
# tiny glyphs), which would hold the run's memory: the page is refused.
MAX_PAGE_CHARS = 60_000
NO_TEXT = "no text layer (scanned?); OCR is not supported"

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
# "Minutes of the meeting of the Fire Authority held on Tuesday 12 December 2023 at …",
# in any case, over the first lines of the text joined.
_HEADING = re.compile(
    r"\bMinutes of (?:an? |the )?(?:\w+ )?meeting of (?:the )?(?P<committee>[^.:;]{3,150}?),? "
    r"held\b[^.]{0,80}?\b(?P<day>\d{1,2})(?:st|nd|rd|th)?,? (?P<month>[A-Za-z]+),? "
    r"(?P<year>\d{4})\b", re.I)
_HEADING_CHARS = 1500
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "on", "at", "with"})


class PdfError(ValueError):
    """A PDF that cannot be indexed; the message says why and what to do."""


@dataclass(frozen=True)
class PrintedMinutes:
    """The text of a PDF of minutes and the meeting its heading names."""

    text: str
    pages: int
    committee: str | None = None
    meeting_date: dt.date | None = None


def read_pdf_bytes(data: bytes) -> PrintedMinutes:
    """Read a PDF's text as a reader sees it; PdfError when it has none or cannot be read."""
    if len(data) > MAX_BYTES:
        raise PdfError(f"PDF is {len(data) / 2**20:.1f} MB; printed minutes are under "
                       f"{MAX_BYTES // 2**20} MB: split the file or index a text copy")
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfError("not a PDF (no %PDF- header): re-download the file")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfError(_load_error(exc)) from None
    try:
        pages = _read_pages(document)
    finally:
        document.close()
    if not any(lines for lines in pages):
        raise PdfError(NO_TEXT)
    text = printed_text(pages)
    committee, date = read_heading(text)
    return PrintedMinutes(text, len(pages), committee, date)


def _load_error(exc: pdfium.PdfiumError) -> str:
    if exc.err_code == pdfium.raw.FPDF_ERR_PASSWORD:
        return "PDF is encrypted (needs a password): save a copy without a password to index it"
    if exc.err_code == pdfium.raw.FPDF_ERR_SECURITY:
        return "PDF uses an unsupported security handler: save a copy without protection"
    return "not a readable PDF (corrupt or cut short): re-download or re-save the file"


def _read_pages(document: pdfium.PdfDocument) -> list[list[Line]]:
    """Every page's text runs, within the page, character and time bounds."""
    count = len(document)
    if count > MAX_PAGES:
        raise PdfError(f"PDF has {count} pages; the limit is {MAX_PAGES}: split the file")
    started = time.monotonic()
    pages = []
    for number in range(count):
        if time.monotonic() - started > MAX_SECONDS:
            raise PdfError(f"page {number + 1}: reading took over {MAX_SECONDS:g} s; the file "
                           f"is too complex: index a text copy")
        page = document[number]
        try:
            pages.append(page_text_lines(_page_runs(page, number), page.get_height()))
        except pdfium.PdfiumError as exc:
            raise PdfError(f"page {number + 1}: unreadable ({exc}): re-save the file") from None
        finally:
            page.close()
    return pages


def _page_runs(page: pdfium.PdfPage, number: int) -> list[Run]:
    """The page's text runs (PDFium's rectangles of text on one line), top down."""
    textpage = page.get_textpage()
    try:
        if textpage.count_chars() > MAX_PAGE_CHARS:
            raise PdfError(f"page {number + 1}: over {MAX_PAGE_CHARS:,} characters on one page; "
                           f"not printed minutes")
        height = page.get_height()
        runs = []
        for index in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(index)
            text = textpage.get_text_bounded(left, bottom, right, top)
            if text.strip():
                runs.append(Run(number, left, height - top, right, height - bottom, text))
        return runs
    finally:
        textpage.close()


def read_heading(text: str) -> tuple[str | None, dt.date | None]:
    """Committee and date from a "Minutes of the meeting of … held on …" heading near the top."""
    match = _HEADING.search(" ".join(text[:_HEADING_CHARS].split()))
    if not match:
        return None, None
    committee = match["committee"].strip(" ,")
    if committee.isupper():
        committee = " ".join(word.lower() if word.lower() in _SMALL_WORDS and n else
                             word.capitalize() for n, word in enumerate(committee.split()))
    month = match["month"].lower()
    try:
        date = dt.date(int(match["year"]), _MONTHS.index(month) + 1, int(match["day"]))
    except ValueError:
        date = None
    return committee, date


def pdf_document(data: bytes, *, source: str, url: str, council: str | None = None,
                 committee: str | None = None, meeting_date: dt.date | None = None,
                 meeting_url: str | None = None) -> Document:
    """A Document of a PDF; the hints given win over the meeting its heading names."""
    minutes = read_pdf_bytes(data)
    log.debug("%s: %d pages, %d characters", source, minutes.pages, len(minutes.text))
    return Document(source=source, url=url, text=minutes.text, council=council,
                    committee=committee or minutes.committee,
                    meeting_date=meeting_date or minutes.meeting_date, meeting_url=meeting_url)


def read_pdf_size_checked(path: str) -> bytes:
    """A PDF file's bytes, refusing a file over MAX_BYTES before reading it."""
    return read_bytes(path, MAX_BYTES, "PDF is {size:.1f} MB; printed minutes are under "
                      "{limit} MB: split the file or index a text copy", PdfError)


def read_pdf_file(path: str) -> Document:
    """Read a `.pdf` of printed minutes."""
    return pdf_document(read_pdf_size_checked(path), source=path, url=document_url(path))
