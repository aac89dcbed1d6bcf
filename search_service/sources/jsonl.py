"""The bulk format: one JSON object per line, each one page of minutes.

Keys: `url` (the document's identity), one of `text`, `html` or `pdf`, and optional `council`,
`committee`, `meeting_date` (ISO date), `meeting_time` ("18:00"), `meeting_title`, `item_title`,
`item_number`, `meeting_url`. What a record leaves out is read from its page: from `html` as
from a saved page (the council its site names, the meeting's heading), and from the text. `pdf` is a
PDF of printed minutes: a path (relative to the `.jsonl` file's folder), an http(s) URL, or the
file itself in base64 (optionally as a `data:application/pdf;base64,` URI); `url` defaults to
the PDF's URL or path. Unknown keys are ignored. A bad line becomes a SourceError naming
FILE:LINE; the others are read.
"""
from __future__ import annotations

import base64
import binascii
import codecs
import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from ..fetch import FetchError, PoliteClient
from ..model import Document
from . import SourceError
from .html import html_document
from .pdf import pdf_document, read_pdf_size_checked
from .text import CP1252_FALLBACK, MAX_BYTES, decode_bytes, read_bytes

OPTIONAL_TEXT_KEYS = ("council", "committee", "item_title", "item_number", "meeting_url",
                      "meeting_title")


PDF_URI = "data:application/pdf;base64,"
# A `pdf` value this long is the file itself in base64, not a path or a URL.
MAX_PATH_CHARS = 4096

Fetch = Callable[[str], bytes]


def parse_record(record: object, source: str, fetch: Fetch | None = None) -> Document:
    """Turn one decoded JSON line into a Document; ValueError says what is wrong with it.
    `fetch` reads a `pdf` given as a URL (none given: such a record is refused)."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    url = record.get("url")
    text, markup, printed = record.get("text"), record.get("html"), record.get("pdf")
    hints: dict[str, str | None] = {}
    for key in OPTIONAL_TEXT_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, (str, int)):
            raise ValueError(f"'{key}' must be a string")
        hints[key] = str(value).strip() or None if value is not None else None
    date = parse_date(record.get("meeting_date"))
    time = parse_time(record.get("meeting_time"))
    if not (isinstance(text, str) and text.strip() or isinstance(markup, str) and markup.strip()) \
            and isinstance(printed, str) and printed.strip():
        data, where = pdf_bytes(printed.strip(), source, fetch)
        url = url if isinstance(url, str) and url.strip() else where
        if not url:
            raise ValueError("missing 'url' (a non-empty string identifying the page): a 'pdf' "
                             "given in base64 needs one")
        document = pdf_document(data, source=source, url=url.strip(), council=hints["council"],
                                committee=hints["committee"], meeting_date=date,
                                meeting_url=hints["meeting_url"])
        return dataclasses.replace(document, item_title=hints["item_title"],
                                   item_number=hints["item_number"], meeting_time=time,
                                   meeting_title=hints["meeting_title"])
    if not isinstance(url, str) or not url.strip():
        raise ValueError("missing 'url' (a non-empty string identifying the page)")
    given = Document(source=source, url=url.strip(), text="", meeting_date=date,
                     meeting_time=time, **hints)
    if isinstance(text, str) and text.strip():
        return dataclasses.replace(given, text=without_lone_surrogates(text))
    if isinstance(markup, str) and markup.strip():
        return html_document(without_lone_surrogates(markup), given)
    raise ValueError("needs 'text', 'html' or 'pdf' (a non-empty string)")


def pdf_bytes(value: str, source: str, fetch: Fetch | None) -> tuple[bytes, str | None]:
    """The PDF a record's `pdf` names, and where it came from (None when inline)."""
    if value.startswith(("http://", "https://")):
        if fetch is None:
            raise ValueError(f"'pdf' is a URL ({value}) but no fetching is set up here")
        return fetch(value), value
    if value.startswith(PDF_URI) or len(value) > MAX_PATH_CHARS:
        try:
            return base64.b64decode(value.removeprefix(PDF_URI), validate=True), None
        except (binascii.Error, ValueError):
            raise ValueError("'pdf' is neither a path, a URL nor base64 (invalid base64)") from None
    path = Path(source).parent / value
    if not path.is_file():
        raise ValueError(f"'pdf' names no file: {path}")
    return read_pdf_size_checked(str(path)), str(path.resolve())


def parse_time(value: object) -> dt.time | None:
    """A time of day as "HH:MM" (seconds are accepted) or None."""
    if value in (None, ""):
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return dt.time.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"'meeting_time' {value!r} is not a time of day such as 18:00") from None


def fetch_pdf(client: PoliteClient) -> Fetch:
    """A fetcher of `pdf` URLs through the polite client, FetchError as ValueError."""
    def fetch(url: str) -> bytes:
        try:
            return client.get(url, cache=False).body
        except FetchError as exc:
            raise ValueError(f"cannot fetch 'pdf': {exc}") from None
    return fetch


def without_lone_surrogates(text: str) -> str:
    """JSON may escape half a surrogate pair ("\\ud800"), which no index can store: replace it."""
    return text.encode("utf-8", "replace").decode("utf-8")


def parse_date(value: object) -> dt.date | None:
    """An ISO date (a datetime's date part is accepted) or None."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError("'meeting_date' must be an ISO date string such as 2018-10-02")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"'meeting_date' {value!r} is not an ISO date such as 2018-10-02") from None


def read_jsonl(path: str) -> Iterator[Document | SourceError]:
    """Read a `.jsonl` file line by line, one Document per good line and one SourceError per bad
    line; the file may be of any size, each line up to MAX_BYTES."""
    fetch = fetch_pdf(PoliteClient())
    for number, line in _numbered_lines(path):
        if line is None:
            yield SourceError(f"{path}:{number}", f"line is over {MAX_BYTES // 2**20} MB; "
                                                  "a record is one page of minutes")
            continue
        if not line.strip():
            continue
        try:
            yield parse_record(json.loads(line), path, fetch)
        except json.JSONDecodeError as exc:
            yield SourceError(f"{path}:{number}", f"invalid JSON ({exc.msg} at column {exc.colno})")
        except RecursionError:  # json.loads recurses per level of [ or {
            yield SourceError(f"{path}:{number}", "invalid JSON (nested too deeply); a record "
                                                  "is one flat object")
        except ValueError as exc:
            yield SourceError(f"{path}:{number}", str(exc))


def _numbered_lines(path: str) -> Iterator[tuple[int, str | None]]:
    """The file's lines, split on "\n" only (U+2028 may sit inside a JSON string), decoded as
    pages are; None for a line over MAX_BYTES, which is skipped without being held in memory."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
            # UTF-16 (or binary) cannot be split on the byte "\n": read whole, bounded, as pages.
            yield from enumerate(decode_bytes(read_bytes(path)).split("\n"), start=1)
            return
        handle.seek(0)
        number = 0
        while raw := handle.readline(MAX_BYTES + 1):
            number += 1
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                while (rest := handle.readline(MAX_BYTES)) and not rest.endswith(b"\n"):
                    pass
                yield number, None
                continue
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            yield number, raw.decode("utf-8", errors=CP1252_FALLBACK)
