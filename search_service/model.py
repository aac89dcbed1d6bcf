"""The dataclasses every pipeline stage speaks: documents in, passages out."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["qa", "statement", "decision"]
KINDS: tuple[Kind, ...] = ("qa", "statement", "decision")


@dataclass(frozen=True)
class Document:
    """One source page as read by a source module, before splitting.

    `source` is the path or URL as the user gave it; `url` is the document's identity in the
    index (the page URL where known, else the path). The optional fields are hints from the
    source (a `.jsonl` line, a crawl) that win over what the splitter reads from the page header.
    `meeting_time` and `meeting_title` are the meeting's time of day and the heading its page
    gives it ("Cabinet - Tuesday, 12th March, 2019 6.00 pm").
    """

    source: str
    url: str
    text: str
    council: str | None = None
    committee: str | None = None
    meeting_date: dt.date | None = None
    item_title: str | None = None
    item_number: str | None = None
    meeting_url: str | None = None
    meeting_time: dt.time | None = None
    meeting_title: str | None = None

    @property
    def content_hash(self) -> str:
        """A hash of everything that decides the document's passages."""
        h = hashlib.sha256()
        for part in (self.text, self.council, self.committee, self.meeting_date,
                     self.item_title, self.item_number, self.meeting_url, self.meeting_time,
                     self.meeting_title):
            h.update(str(part).encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()[:32]


@dataclass(frozen=True)
class Meeting:
    """A meeting of a committee of a council; `title` is the heading its page gives it."""

    council: str | None
    committee: str | None
    date: dt.date | None
    url: str | None
    identifier: str
    time: dt.time | None = None
    title: str | None = None


@dataclass(frozen=True)
class AgendaItem:
    """One agenda item of a meeting; its description is the agenda text, not minutes."""

    number: str | None
    title: str | None
    description: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Segment:
    """One passage as the minutes splitter finds it, before it is placed in a meeting."""

    kind: Kind
    text: str
    question: str | None = None
    answer: str | None = None
    speaker: str | None = None
    asked_by: str | None = None
    answered_by: str | None = None
    heading: str | None = None   # the title above it inside the minutes, if any


@dataclass(frozen=True)
class Passage:
    """A searchable unit of minutes: a question with its answer, a statement or a decision."""

    id: str
    kind: Kind
    text: str
    meeting: Meeting
    item: AgendaItem
    position: int
    question: str | None = None
    answer: str | None = None
    speaker: str | None = None
    asked_by: str | None = None
    answered_by: str | None = None
    source_url: str = ""
    topics: tuple[str, ...] = field(default_factory=tuple)

    @property
    def url(self) -> str:
        """Where the passage is published: its agenda item's page, else its meeting's, else the
        source it was read from."""
        return self.item.url or self.meeting.url or self.source_url

    @property
    def shows_exchange(self) -> bool:
        """Whether the passage is shown as a question and its answer; else it shows its text."""
        return self.kind == "qa" and bool(self.question and self.answer)


@dataclass(frozen=True)
class ShardStatus:
    """The shards a search over a stub file asked: how many, and the addresses of those that did
    not answer (their passages are missing from the results)."""

    total: int
    failed_addresses: tuple[str, ...] = ()

    @property
    def failed(self) -> int:
        """The number of shards that did not answer."""
        return len(self.failed_addresses)

    @property
    def warning(self) -> str | None:
        """What to tell the user when some shards did not answer; None when all did."""
        if not self.failed:
            return None
        return (f"{self.failed} of {self.total} shards did not answer "
                f"({', '.join(self.failed_addresses)}): results are partial")


def stable_id(*parts: object) -> str:
    """A short id derived only from the given parts, so unchanged text keeps its id."""
    h = hashlib.sha1()
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:16]
