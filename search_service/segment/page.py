"""Page text → header information and agenda items with their minutes text."""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from ..model import AgendaItem
from .blocks import is_bullet
from .header import DATED_TITLE, read_header
from .minute_book import DOC_LINK as _DOC_LINK
from .minute_book import find_headings, find_plain_headings, read_heading

log = logging.getLogger(__name__)

# "50.", "CAB/23/45", "CH27", "45 (a)": an item number alone on its line above the title.
_ITEM_NUMBER = re.compile(
    r"^((?:[A-Z]{1,6}/?)?\d{1,4}[a-z]?(?:[/-]\d{1,4}){0,2}(?: ?\([a-z\d]{1,3}\))?)\.?$")
_NUMBERED_TITLE = re.compile(r"^(\d{1,4}[a-z]?)\.? +(\S.*)$")
# Where an item's title ends on a line that runs on into its agenda description: a link to a
# document, "Additional documents:", or the agenda's wording ("… To receive any apologies").
_TITLE_END = re.compile(
    r"\s+(?:pdf icon )?PDF \d[\d.,]* ?[KM]B\b|\s+Additional documents:|"
    r"\s+(?=To (?i:receive|consider|note|approve|agree|declare|review|adopt|confirm|elect|appoint|"
    r"discuss|determine|sign|authorise|report|provide|update|inform|seek|identify|answer|hear)\b)")
# An upper-case title run on into a description in ordinary case: "CHAIRMAN'S ANNOUNCEMENTS The …".
# (two upper-case words at least, then four words or more in ordinary case)
_UPPER_TITLE = re.compile(r"^[^a-z\s]+(?:\s+[^a-z\s]+)*\s+[^a-z\s]*[A-Z]{2}[^a-z\s]*"
                          r"(?=(?: [^\s]+){4})(?= [A-Z][a-z])")
# A table row of a meeting page flattened onto one line: "Title [description] Minutes: text".
_ROW_MINUTES = re.compile(r"^(?P<head>\S.*?)\s+Minutes:(?:\s+(?P<rest>\S.*))?$")
# "Minutes:" alone on its line, or opening the first line of the minutes ("Minutes: None."),
# but not naming who took them in a header ("Minutes: Andrea Lomas").
_MINUTES = re.compile(r"^(?:Minutes:?$|Decisions?:$|Minutes:\s+(?=\S)"
                      r"(?![A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}(?: \([^()]{1,60}\))?$))", re.I)
# Who attended, in a page header: "PRESENT: Councillors …", "Yn bresennol / Present:",
# "In attendance:", "Apologies for absence:" (the header of plain minutes, not minutes).
_ATTENDANCE = re.compile(
    r"^(?:[^/:]{1,40} / )?(?:Present|In attendance|Attending|Also (?:present|in attendance|"
    r"attending)|Apolog(?:y|ies)(?: for absence)?|Officers(?: present| in attendance)?|"
    r"Members present)\b[^:]{0,30}:", re.I)
_HEADER_LINES = 20
# A page's facts of its meeting, in its header: "Minutes of the meeting held on …", "Wednesday
# 16th June 2021 at 7.30 p.m.", "Councillors: …", "PRESENT were A Bush (Chairman), …".
_MEETING_FACTS = re.compile(
    r"\b(?:held|convened|took place|met)\b.{0,80}?\b(?:on|at|in|via)\b|\b(?:minutes|agenda)\b|"
    r"^(?:Present|Councillors?|Cllrs?|Members)\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b|\b(?:Chair(?:man|person)?|Clerk)\)", re.I)
_SENTENCE_WORDS = 6
_PROSE_WORDS = 12
_DOCUMENTS = re.compile(r"^(?:Supporting|Background|Accompanying) documents:?$", re.I)
# An issue page's list of documents between the agenda's description and the minutes.
_ADDITIONAL_DOCUMENTS = re.compile(r"^Additional documents:?$", re.I)
# The facts a decision page lists about a decision: not minutes.
_DECISION_FACTS = re.compile(
    r"^(?:Decision Maker|Decision status|Is Key decision\?|Is subject to call in\?|Report author|"
    r"Publication date|Date of decision|Decided at meeting|Effective from|Call-in deadline|"
    r"Date comes into force|Wards affected|Lead officer):", re.I)
_ITEM_PAGE = re.compile(r"^(?:Agenda item|Issue - (?:meetings|decisions)|Decision details)$", re.I)
_MEETING_PAGE = re.compile(r"^Agenda(?:,)? (?:and|&) (?:draft )?(?:minutes|decisions)$", re.I)
# A link of a site's menu: a bullet and a few words ("• Forthcoming Decisions").
_MENU_ENTRY = re.compile(r"^[•·*] \S+(?: \S+){0,3}$")
_MENU_ENTRIES = 5   # so many make a menu, not a list of the minutes
_ITEMS_HEADER = re.compile(r"^(?:\| )?No\.?(?: \|)? Item(?: \|)?$", re.I)
# Lines a web page adds around the minutes: navigation, venue and contact details, links.
_CHROME = re.compile(
    r"^(?:Skip to.*|Quick Links|navigation and tools|Find it|You are here.*|Agendas, Meetings and "
    r"Minutes.*|Issue - .*|Agenda item|Agenda(?:,)? (?:and|&) (?:draft )?(?:minutes|decisions)|"
    r"Venue:.*|"
    r"Contact:.*|Items|No\.? Item|Additional documents:?|View directions|Meeting: .*|"
    r"[|: ]*-{3}[-|: ]*)$", re.I)


@dataclass
class Page:
    """What a page says about itself: its meeting header and its items with minutes text."""

    committee: str | None = None
    meeting_date: dt.date | None = None
    council: str | None = None
    items: list[tuple[AgendaItem, str]] = field(default_factory=list)
    meeting_time: dt.time | None = None
    meeting_title: str | None = None


def read_page(text: str) -> Page:
    """Read a page's text: meeting header, then one or more agenda items with their minutes."""
    raw = _without_menu(text.splitlines())
    lines = [line.replace("\u00a0", " ").strip() for line in raw]
    header = read_header(lines)
    page = Page(committee=header.committee, meeting_date=header.meeting_date,
                council=header.council, meeting_time=header.meeting_time,
                meeting_title=header.meeting_title)
    number = header.number
    if any(_MEETING_PAGE.match(line) or _ITEMS_HEADER.match(line) for line in lines[:15]) \
            or sum(bool(_ROW_MINUTES.match(line)) for line in lines) >= 2:
        raw, heads = _unflatten_rows(raw)
        lines = [line.replace("\u00a0", " ").strip() for line in raw]
        # a meeting page whose items are numbered on their title lines: as a minute book
        page.items = _meeting_items(raw, lines, heads) or _minute_book_items(raw, lines)
    elif not _is_item_page(lines):
        page.items = _minute_book_items(raw, lines)
    if not page.items:
        page.items = [_single_item(raw, lines, number)]
    log.debug("page: %s %s, %d items", page.committee, page.meeting_date, len(page.items))
    return page


def _without_menu(raw: list[str]) -> list[str]:
    """The page without the site's menu above it: a run of short bulleted links ("• Calendar",
    "• Committees", …) opening the page."""
    end = entries = 0
    for n, line in enumerate(raw):
        if _MENU_ENTRY.match(line.strip()):
            end, entries = n + 1, entries + 1
        elif line.strip():
            break
    return raw[end:] if entries >= _MENU_ENTRIES else raw


def _title(line: str) -> str:
    return _split_title(line)[0]


def _split_title(line: str) -> tuple[str, str | None]:
    """An item's title line → its title and the agenda description run on after it, if any."""
    line = line.rstrip(" |")
    cut = _TITLE_END.search(line) or _UPPER_TITLE.match(line)
    if not cut or line.startswith("To "):
        return _DOC_LINK.sub("", line).strip(), None
    end = cut.start() if cut.re is _TITLE_END else cut.end()
    rest = _DOC_LINK.sub("", _TITLE_END.sub(" ", line[end:])).strip(" |")
    return line[:end].strip(), rest or None


def _unflatten_rows(raw: list[str]) -> tuple[list[str], set[int]]:
    """A meeting page's lines with each table row that was flattened onto one line ("Title
    To note … Minutes: text |") split before its minutes, and without the cells' bars; and the
    numbers of the lines that are such a row's head (its title and description)."""
    lines: list[str] = []
    heads = set()
    for line in raw:
        line = line.rstrip().removesuffix("|").rstrip()
        match = _ROW_MINUTES.match(line.strip())
        if match and not _MINUTES.match(line.strip()):
            heads.add(len(lines))
            lines.extend([match["head"], "Minutes:", *filter(None, [match["rest"]])])
        else:
            lines.append(line)
    return lines, heads


def _body(raw: list[str], lines: list[str], start: int, end: int,
          issue_page: bool = False) -> tuple[str | None, str]:
    """Split lines [start, end) of one item into agenda description and minutes text;
    `issue_page`: the page holds one item only (an "Issue - meetings" page and the like)."""
    stop = next((i for i in range(start, end) if _DOCUMENTS.match(lines[i])), end)
    marker = next((i for i in range(start, stop) if _MINUTES.match(lines[i])), None)
    if marker is None:
        after = [i for i in range(stop + 1, end) if _is_prose(lines[i])]
        if after:
            # An issue page saved without its "Minutes:" heading: the agenda's description,
            # the list of documents, then the minutes.
            return _description(lines[start:stop]), _minutes_text(raw[after[0]:end])
        listed = next((i for i in range(start, stop) if _ADDITIONAL_DOCUMENTS.match(lines[i])),
                      None) if issue_page else None
        if listed is not None and any(lines[i] for i in range(listed + 1, stop)):
            # … or the description, "Additional documents:", then the minutes
            return _description(lines[start:listed]), _minutes_text(raw[listed + 1:stop])
        return None, _minutes_text(raw[start:stop])
    first = _MINUTES.sub("", raw[marker].replace("\u00a0", " ").strip(), count=1)
    return _description(lines[start:marker]), _minutes_text([first, *raw[marker + 1:stop]])


def _description(lines: list[str]) -> str | None:
    """An agenda item's description: its lines without page chrome and links to documents."""
    return " ".join(line for line in lines
                    if line and not _CHROME.match(line) and not _DOC_LINK.search(line)) or None


def _is_prose(line: str) -> bool:
    """A line of running text (a sentence of twelve words or more), not a document's name."""
    return len(line.split()) >= _PROSE_WORDS and not _DOC_LINK.search(line) \
        and line.rstrip().endswith((".", ":", ";"))


def _minutes_text(raw: list[str]) -> str:
    """Minutes lines without the links to documents that pages list among them."""
    return "\n".join(line for line in raw
                     if not _DOC_LINK.search(line) and not _DECISION_FACTS.match(line.strip()))


def _is_item_page(lines: list[str]) -> bool:
    """Whether the page is one agenda item (its kind line, or a minutes marker, says so; the
    word "Minutes" alone is a site's menu or a page's title as often)."""
    return any(_ITEM_PAGE.match(line) for line in lines[:15]) or any(
        _MINUTES.match(line) and line.lower() != "minutes" for line in lines)


def _minute_book_items(raw: list[str], lines: list[str]) -> list[tuple[AgendaItem, str]]:
    """Items of plain minutes under numbered headings, or else unnumbered ones; the lines above
    the first heading stay minutes, without the page header (the lines listing who attended)."""
    start = _header_end(lines)
    headings = find_headings(lines) or find_plain_headings(lines, start)
    if not headings:
        return []
    items = []
    above = _above_attendance(raw, lines, headings[0].line)
    # minutes above the first heading begin with running text, not the page's title; after
    # the lines of who attended, with a sentence or a bullet point, not the names and roles of
    # those present
    start = next((n for n in range(start, headings[0].line)
                  if len(lines[n].split()) >= _SENTENCE_WORDS
                  and (not start or lines[n].endswith(".") or is_bullet(lines[n]))),
                 headings[0].line)
    if above or any(lines[start:headings[0].line]):
        items.append((AgendaItem(number=None, title=None),
                      _minutes_text([*above, *raw[start:headings[0].line]])))
    ends = [h.line for h in headings[1:]] + [len(lines)]
    for heading, end in zip(headings, ends):
        text = _minutes_text([heading.text, *raw[heading.line + 1:end]])
        items.append((AgendaItem(number=heading.number, title=_title(heading.title)), text))
    return items


def _single_item(raw: list[str], lines: list[str], number: str | None) -> tuple[AgendaItem, str]:
    """One agenda item (or a page of plain minutes): title after the page-kind line, if any."""
    start = 0
    above: list[str] = []   # (plain minutes only) the minutes above their attendance lines
    # the last kind line: a page may repeat it ("Decision details" twice)
    kind = max((i for i, line in enumerate(lines[:15]) if _ITEM_PAGE.match(line)), default=None)
    title = None
    item_page = _is_item_page(lines)
    if item_page:
        start = (kind + 1) if kind is not None else 0
        while start < len(lines) and (not lines[start] or _CHROME.match(lines[start])
                                      or DATED_TITLE.match(lines[start])):
            if match := DATED_TITLE.match(lines[start]):
                title = match["title"]
            start += 1
        if start < len(lines) and title is None:
            title = _title(lines[start])
            if (match := _NUMBERED_TITLE.match(title)) and number and match[1] == number:
                title = match[2]
            start += 1
        # an issue page repeats the title, numbered, above the description ("12 Play Areas")
        while start < len(lines) and (not lines[start] or _CHROME.match(lines[start])
                                      or _repeats_title(lines[start], title)):
            start += 1
    else:
        start = _header_end(lines)
        # plain minutes of one item under its numbered title: "8 Q3 Finance Monitoring"
        first = next((n for n in range(start, len(lines)) if lines[n]), None)
        heading = read_heading(lines[first], first) if first is not None else None
        if heading and not heading.text:
            number, title, start = number or heading.number, _title(heading.title), first + 1
        above = _above_attendance(raw, lines, len(lines))
    description, minutes = _body(raw, lines, start, len(lines), item_page)
    if above:
        minutes = f"{_minutes_text(above)}\n\n{minutes}"
    return AgendaItem(number=number, title=title, description=description), minutes


def _repeats_title(line: str, title: str | None) -> bool:
    """Whether a line is the item's title again, perhaps after its number."""
    match = _NUMBERED_TITLE.match(line)
    return title is not None and (match[2] if match else line) == title


def _header_end(lines: list[str]) -> int:
    """The first line after the attendance lines heading a page of plain minutes (0 if none)."""
    attendance = [n for n, line in enumerate(lines[:_HEADER_LINES]) if _ATTENDANCE.match(line)]
    return attendance[-1] + 1 if attendance else 0


def _above_attendance(raw: list[str], lines: list[str], stop: int) -> list[str]:
    """Minutes a page records above its attendance lines, before line `stop`, which the header
    would take ("Public Forum" / "Two members of the public attended …", the reports of outside
    bodies, then "Present: …"): from the first sentence that is not the page's own title to the
    first attendance line."""
    first = next((n for n, line in enumerate(lines[:_HEADER_LINES]) if _ATTENDANCE.match(line)),
                 None)
    if first is None:
        return []
    bound = min(first, stop)
    start = next((n for n in range(bound) if _opens_minutes(lines[n])), None)
    return [] if start is None else [raw[n] for n in range(start, bound)
                                     if not _MEETING_FACTS.search(lines[n])]


def _opens_minutes(line: str) -> bool:
    """A sentence of minutes, not the page's facts of the meeting ("Minutes of the meeting held
    on …", "Present: …")."""
    return len(line.split()) >= _SENTENCE_WORDS and line.rstrip().endswith(".") \
        and not _MEETING_FACTS.search(line)


def _meeting_items(raw: list[str], lines: list[str],
                   heads: set[int]) -> list[tuple[AgendaItem, str]]:
    """Items of a whole meeting page, found by their numbers or else by their minutes markers."""
    first = next((i for i, line in enumerate(lines) if _ITEMS_HEADER.match(line)), 0)
    starts = _numbered_starts(lines, first) or _marked_starts(lines, first, heads)
    items = []
    for n, (line_no, number, title_line) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        description, minutes = _body(raw, lines, title_line + 1, end)
        title, run_on = _split_title(lines[title_line])
        description = " ".join(filter(None, [run_on, description])) or None
        items.append((AgendaItem(number=number, title=title, description=description), minutes))
    return items


def _numbered_starts(lines: list[str], first: int) -> list[tuple[int, str | None, int]]:
    """(first line, number, title line) of items headed by a number line ("50.") then a title."""
    starts: list[tuple[int, str | None, int]] = []
    i = first
    while i < len(lines):
        match = _ITEM_NUMBER.match(lines[i])
        if match:
            j = i + 1
            while j < len(lines) and not lines[j]:
                j += 1
            if j < len(lines) and lines[j] and not _MINUTES.match(lines[j]):
                starts.append((i, match[1], j))
                i = j
        i += 1
    return starts


def _marked_starts(lines: list[str], first: int,
                   heads: set[int]) -> list[tuple[int, str | None, int]]:
    """Items of a page saved without item numbers: one per "Minutes:" marker, titled above it.

    The title is the head of a row flattened onto the marker's line (`heads`), or else the first
    line with a link to a document since the previous item's minutes began, or else the last
    line before the marker (an item without an agenda description).
    """
    markers = [i for i in range(first, len(lines)) if _MINUTES.match(lines[i])]
    if len(markers) < 2:
        return []
    starts: list[tuple[int, str | None, int]] = []
    floor = first + 1
    for marker in markers:
        region = [i for i in range(floor, marker) if lines[i] and not _CHROME.match(lines[i])]
        if marker - 1 in heads:
            starts.append((marker - 1, None, marker - 1))
        elif region:
            linked = [i for i in region if _DOC_LINK.search(lines[i])]
            title = region[0] if not starts else (linked or region)[0 if linked else -1]
            starts.append((title, None, title))
        floor = marker + 1
    return starts
