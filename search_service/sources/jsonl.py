"""The bulk format: one JSON object per line, each one page of minutes.

Keys: `url` (required, the document's identity), `text` or `html` (one required), and optional
`council`, `committee`, `meeting_date` (ISO date), `item_title`, `item_number`, `meeting_url`.
Unknown keys are ignored. A bad line becomes a SourceError naming FILE:LINE; the others are read.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Iterator

from ..model import Document
from . import SourceError
from .html import html_to_text
from .text import CP1252_FALLBACK, MAX_BYTES, decode_bytes, read_bytes

OPTIONAL_TEXT_KEYS = ("council", "committee", "item_title", "item_number", "meeting_url")


def parse_record(record: object, source: str) -> Document:
    """Turn one decoded JSON line into a Document; ValueError says what is wrong with it."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    url = record.get("url")
    if not isinstance(url, str) or not url.strip():
        raise ValueError("missing 'url' (a non-empty string identifying the page)")
    text, markup = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        body = without_lone_surrogates(text)
    elif isinstance(markup, str) and markup.strip():
        body = html_to_text(without_lone_surrogates(markup))
    else:
        raise ValueError("needs 'text' or 'html' (a non-empty string)")
    hints: dict[str, str | None] = {}
    for key in OPTIONAL_TEXT_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, (str, int)):
            raise ValueError(f"'{key}' must be a string")
        hints[key] = str(value).strip() or None if value is not None else None
    return Document(source=source, url=url.strip(), text=body,
                    meeting_date=parse_date(record.get("meeting_date")), **hints)


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
    for number, line in _numbered_lines(path):
        if line is None:
            yield SourceError(f"{path}:{number}", f"line is over {MAX_BYTES // 2**20} MB; "
                                                  "a record is one page of minutes")
            continue
        if not line.strip():
            continue
        try:
            yield parse_record(json.loads(line), path)
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
