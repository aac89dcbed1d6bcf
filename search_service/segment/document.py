"""One source document → passages placed in their meeting and agenda item."""
from __future__ import annotations

import logging
from collections import Counter
from urllib.parse import urlsplit

from ..model import AgendaItem, Document, Meeting, Passage, stable_id
from .minutes import split_minutes
from .page import Page, read_page
from .public_forum import is_public_item

log = logging.getLogger(__name__)


def _meeting(doc: Document, page: Page) -> Meeting:
    """The meeting a page belongs to: known by its page's address, else by its committee and
    date; a page that names neither is a meeting of its own, never one shared "Meeting". The
    time and title its header gives are kept only when the header is of that meeting's date."""
    council, committee = doc.council or page.council, doc.committee or page.committee
    date = doc.meeting_date or page.meeting_date
    same = page.meeting_date in (None, date)
    time = doc.meeting_time or (page.meeting_time if same else None)
    title = doc.meeting_title or (page.meeting_title if same else None)
    if doc.meeting_url:
        identifier = stable_id(doc.meeting_url)
    elif committee and date:
        identifier = stable_id(council or urlsplit(doc.url).hostname, committee, date)
    else:
        identifier = stable_id(doc.url)
    return Meeting(council=council, committee=committee, date=date, url=doc.meeting_url,
                   identifier=identifier, time=time, title=title)


def split_document(doc: Document) -> list[Passage]:
    """Split one page (an agenda item page or a whole meeting page) into passages."""
    page = read_page(doc.text)
    meeting = _meeting(doc, page)
    single = len(page.items) == 1
    passages: list[Passage] = []
    for item, minutes in page.items:
        if single:
            item = AgendaItem(number=doc.item_number or item.number,
                              title=doc.item_title or item.title,
                              description=item.description, url=doc.url)
        seen: Counter[str] = Counter()
        for position, segment in enumerate(split_minutes(minutes, is_public_item(item.title))):
            placed = item if item.title or not segment.heading else AgendaItem(
                number=None, title=segment.heading, url=item.url)
            key = placed.number or placed.title
            n = seen[segment.text]
            seen[segment.text] += 1
            passages.append(Passage(
                id=stable_id(doc.url, key, segment.text, n), kind=segment.kind,
                text=segment.text, meeting=meeting, item=placed, position=position,
                question=segment.question, answer=segment.answer, speaker=segment.speaker,
                asked_by=segment.asked_by, answered_by=segment.answered_by, source_url=doc.url))
    log.debug("%s: %d items, %d passages", doc.source, len(page.items), len(passages))
    return passages
