"""Atom feeds of searches, so members can subscribe to a topic and hear of new minutes."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import quote

from flask import url_for
from lxml import etree

from ..search import Hit, SearchResults
from ..serialize import hit_record
from .present import KIND_LABELS, WEB_LINKS, long_date

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 20
# Characters XML 1.0 cannot carry; scraped minutes sometimes hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def atom_feed(results: SearchResults, page_url: str, feed_url: str) -> bytes:
    """The Atom document of a page of results (newest first): one entry per passage."""
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    query = results.request.query
    _add(feed, "title", f"Minutes: {query}" if query else "Minutes: newest passages")
    _add(feed, "id", _xml_url(feed_url))
    _link(feed, feed_url, "self", "application/atom+xml")
    _link(feed, page_url, "alternate", "text/html")
    records = [hit_record(hit, WEB_LINKS) for hit in results.hits]
    dates = [_updated(record) for record in records]
    _add(feed, "updated", _timestamp(max(dates) if dates else dt.datetime.now(dt.timezone.utc)))
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    _add(author, "name", "Minutes search service")
    for hit, record in zip(results.hits, records):
        feed.append(_entry(hit, record))
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8")


def _entry(hit: Hit, record: dict[str, Any]) -> etree._Element:
    entry = etree.Element(f"{{{ATOM}}}entry")
    page = url_for("pages.passage", passage_id=record["id"], _external=True)
    where = ", ".join(part for part in (record["committee"], long_date(record["meeting_date"]))
                      if part)
    title = f"{KIND_LABELS.get(record['kind'], 'Passage')}: " \
            f"{record['item_title'] or 'minutes'}" + (f" ({where})" if where else "")
    _add(entry, "title", title)
    _add(entry, "id", page)
    _add(entry, "updated", _timestamp(_updated(record)))
    _link(entry, page, "alternate", "text/html")
    if record["source_url"]:
        _link(entry, record["source_url"], "related", "text/html")
    etree.SubElement(entry, f"{{{ATOM}}}category", term=record["kind"])
    summary = f"Question: {record['question']}\nAnswer: {record['answer']}" \
        if hit.passage.shows_exchange else record["text"]
    _add(entry, "summary", summary).set("type", "text")
    return entry


def _updated(record: dict[str, Any]) -> dt.datetime:
    date = dt.datetime.fromisoformat(record["meeting_date"] or "1970-01-01")
    return date.replace(tzinfo=dt.timezone.utc)


def _timestamp(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: etree._Element, tag: str, text: str) -> etree._Element:
    child = etree.SubElement(parent, f"{{{ATOM}}}{tag}")
    child.text = _NOT_XML.sub("", text)
    return child


def _link(parent: etree._Element, href: str, rel: str, media_type: str) -> None:
    etree.SubElement(parent, f"{{{ATOM}}}link", href=_xml_url(href), rel=rel, type=media_type)


def _xml_url(url: str) -> str:
    """A URL with the characters XML cannot carry percent-encoded: the request's own URL holds
    whatever was typed ("?q=%EF%BF%BE" is U+FFFE once decoded)."""
    return _NOT_XML.sub(lambda match: quote(match.group()), url)
