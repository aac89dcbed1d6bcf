"""A page's header → its council, committee, meeting date, time and title, and item number.

Read from the shapes pages give them in: ModernGov meeting pages ("Cabinet - Tuesday, 12th
March, 2019 6.00 pm"), item pages ("Meeting of Cabinet, Tuesday, 12th March, 2019 6.00 pm (Item
95.)"), issue pages ("Meeting: 09/02/2017 - Council (Item 144)"), decision pages ("Decision
Maker: Cabinet", "Date of decision: 22/02/2022"); plain minutes ("Minutes of the meeting of the
Fire Authority held on …", a title line over a date line); parish and Welsh styles ("Minutes of
Meeting, Tuesday, 7th March 2023", "Cofnodion cyfarfod … a gynhaliwyd ar 12 Mawrth 2019").
The time is read from a line giving the meeting's date ("… 2019 6.00 pm"), a "Time:" label or
the opening lines of plain minutes ("held … at 7.30pm"); the title is the heading the page gives
the meeting ("Cabinet - Tuesday, 12th March, 2019 6.00 pm", "Annual Meeting of the Parish
Council"), never a line of the minutes.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..councils import council_name

MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)} | {m: i for i, m in enumerate(
    ("ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi",
     "hydref", "tachwedd", "rhagfyr"), start=1)} | {
    m[:3]: i for m, i in (("january", 1), ("february", 2), ("march", 3), ("april", 4),
                          ("june", 6), ("july", 7), ("august", 8), ("september", 9),
                          ("october", 10), ("november", 11), ("december", 12))} | {"sept": 9}
_WEEKDAY = (r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
            r"Dydd (?:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul))")
# English ordinals and Welsh ones ("1af", "2il", "3ydd", "12fed", "20fed").
_ORDINAL = r"(?:st|nd|rd|th|af|il|ydd|ed|fed|eg|ain)?"
# "Tuesday, 12th March, 2019", "12 March 2019", "16TH JULY 2013", "Dydd Mawrth, 12fed Mawrth 2019"
# or "12/03/2019": a date as it is written, with named groups for its parts.
_NAMED_DATE = (rf"(?:{_WEEKDAY},? (?:the )?)?(?P<day>\d{{1,2}}){_ORDINAL}(?: of)? "
               r"(?P<month>[A-Za-z]{3,10})\.?,? (?P<year>\d{4})\b")
_DATE = (rf"(?:{_NAMED_DATE}|(?:{_WEEKDAY},? )?"
         r"(?P<nday>\d{1,2})[/.](?P<nmonth>\d{1,2})[/.](?P<nyear>\d{4})\b)")
_TIME = r"(?:,? (?:at |from )?\d{1,2}(?:[.:]\d{2})? ?(?:[ap]\.? ?m\.?|hrs|noon)?)"
_HEADER_LINES = 15
_HEADER_CHARS = 300   # a header line is short; never scan a huge first line for a date
_BODY = re.compile(r"\b(?:Committee|Council|Cabinet|Board|Panel|Forum|Commission|Authority|"
                   r"Executive|Group|Partnership|Assembly|Sub-Committee|Trust|Pwyllgor|"
                   r"Cyngor|Cabinet|Bwrdd)\b", re.I)
# "Meeting: 09/02/2017 - Council (Item 144)" heads an issue page.
_MEETING_LINE = re.compile(rf"^Meeting: {_DATE} [-–] (?P<committee>.+?)"
                           r"(?: \(Item (?P<number>[\w.]+?)\.?\))?$")
# "Meeting of Cabinet, Tuesday, 12th March, 2019 6.00 pm (Item 95.)" heads an item page.
_MEETING_OF = re.compile(rf"^(?:[•·*] )?Meeting of (?P<committee>.+?),? (?P<when>{_DATE}{_TIME}?)"
                         r"(?: \(Item (?P<number>[\w.]+?)\.?\))?$", re.I)
# "Cabinet - Tuesday, 2nd October, 2018 2.00 pm", "Schools Forum - Thursday 14th January 2021"
# ("Budget - Cabinet - 5 February 2020 (Recommendation 3)", with a dash before the body's name,
# titles an item about another meeting)
_MEETING_TITLE = re.compile(rf"^(?P<committee>[^\d](?:(?! [-–] ).){{2,150}}?) [-–] {_DATE}")
# "04 July 2023 – Minutes of the Planning Meeting", "11 April 2023 Garden Allotments Committee"
_DATE_THEN_TITLE = re.compile(
    rf"^{_NAMED_DATE}{_TIME}?\s*[-–:]?\s*(?:Minutes of (?:the |a )?)?(?P<committee>[A-Z].{{2,100}}?)"
    r"(?: Minutes)?$")
# "Minutes of the meeting of the Fire Authority held on Tuesday 12 December 2023 at …",
# "Minutes of a meeting of the DEVELOPMENT COMMITTEE held in the Council Chamber,"
_MINUTES_OF = re.compile(
    r"^(?:(?:Draft |Confirmed |Approved )?Minutes of (?:the (?!previous |last )(?P<body>.+?)"
    r"(?: (?:virtual|remote|hybrid|special|extraordinary|annual|ordinary))? meeting|(?:the |an? )?(?:(?:Annual |Extraordinary |Special |Ordinary |Remote |Virtual |"
    r"Hybrid )?meeting of (?:the )?(?P<committee>.+?)))|"
    r"Cofnodion (?:cyfarfod )?(?P<welsh>.+?)(?= a gynhaliwyd\b))"
    r"(?P<end> held\b| a gynhaliwyd\b| on\b| at\b|,|$)", re.I)
# The words opening a plain minutes' heading, before the meeting's own title.
_MINUTES_OPENING = re.compile(r"^(?:(?:Draft |Confirmed |Approved )?Minutes of |Cofnodion )"
                              r"(?:the |an? )?", re.I)
# "Minutes of the meeting held on 5 February 2024", "Minutes of Meeting, Tuesday, 7th March 2023"
_MINUTES_HELD = re.compile(r"^(?:Minutes of (?:a |the )?meeting\b|Cofnodion\b)", re.I)
# "Tuesday, 1st November, 2011 7.30 pm", "ON TUESDAY 16TH JULY 2013 AT 8.00 P.M.": a date alone.
_DATE_LINE = re.compile(rf"^(?:(?:Date|Dyddiad): )?(?:on )?{_DATE}{_TIME}?\.?$", re.I)
# "22/02/2022 - Climate action plan" heads a decision page: the date of the decision.
DATED_TITLE = re.compile(
    r"^(?P<nday>\d{1,2})/(?P<nmonth>\d{1,2})/(?P<nyear>\d{4}) [-–] (?P<title>.+)$")
# "The Parish Council met on Tuesday, 7th March in the Evangelical Hall"
_BODY_MET = re.compile(r"^The (?P<committee>[A-Z][\w' -]{2,60}?) met (?:on|at|in)\b")
# The facts a decision page lists: "Decision Maker: Cabinet", "Date of decision: 22/02/2022",
# "Decided at meeting: 22/02/2022 - Cabinet".
_DECISION_MAKER = re.compile(r"^Decision Maker: (?P<committee>.{2,100})$", re.I)
_DECIDED_AT = re.compile(rf"^Decided at meeting: {_DATE} [-–] (?P<committee>.{{2,100}})$", re.I)
_DECISION_DATE = re.compile(rf"^Date of decision: {_DATE}", re.I)
# Words after a committee's name that do not name it: "2019/20", "(ceased to operate …)".
_COMMITTEE_TAIL = re.compile(r"(?:\s+\d{4}/\d{2,4}|\s+\([^()]*\)|\s+Minutes|\s+Councillors|"
                             r"\s+[-–]\s*$|[,.:;]\s*$)+$", re.I)
_LABEL = re.compile(r"^[\w ]{2,20}:$")
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "on", "in", "at", "to", "a", "an", "by"})
# A time of day as minutes write it: "6.00 pm", "7.30pm", "10 a.m.", "8.00 P.M.", "12 noon",
# "18:00hrs", "1800 hrs", "19.00 hours", "18:00". A bare "6.00" (a sum of money as often) and
# "6:30" (morning or evening?) are not times.
_CLOCK = re.compile(
    r"(?<![\d.:/£$])(?:(?P<hour>\d{1,2})(?:[.:](?P<minute>[0-5]\d))? ?(?P<half>[ap])\.? ?m\b\.?"
    r"|(?P<hour24>[01]?\d|2[0-3])[.:]?(?P<minute24>[0-5]\d) ?(?:hrs|hours|hr)\b"
    r"|(?P<colon_hour>[01]\d|2[0-3]):(?P<colon_minute>[0-5]\d)(?![\d:])"
    r"|(?:12(?:[.:]00)? ?)?\b(?:noon|midday)\b)", re.I)
# "Time: 1.30 p.m.", or "Time:" with the time on the next line; Welsh "Amser:".
_TIME_LABEL = re.compile(r"^(?:Time|Amser|Start time|Meeting time):\s*(?P<rest>.*)$", re.I)
# Lines heading a meeting page that name no meeting: the page's kind.
_PAGE_KIND = re.compile(r"^(?:Agenda|Minutes|Decisions|Meeting documents|Issue - .*|Decision "
                        r"details|Agenda item)(?:,? (?:and|&) .*)?$", re.I)


@dataclass
class Header:
    """What a page's header says about its meeting, and the item number it gives."""

    committee: str | None = None
    meeting_date: dt.date | None = None
    council: str | None = None
    number: str | None = None
    meeting_time: dt.time | None = None
    meeting_title: str | None = None

    def fill(self, committee: str | None = None, date: dt.date | None = None,
             title: str | None = None) -> None:
        """Set the committee, the date and the meeting's title where they are not yet known."""
        self.committee = self.committee or committee_name(committee)
        self.meeting_date = self.meeting_date or date
        self.meeting_title = self.meeting_title or reader_case(title)

    @property
    def complete(self) -> bool:
        """Whether both the committee and the date are known."""
        return bool(self.committee and self.meeting_date)


def parse_date(match: re.Match[str]) -> dt.date | None:
    """The date a match of _DATE found, or None when it is no real date."""
    if "nday" in match.re.groupindex and match["nday"]:
        day, month, year = match["nday"], match["nmonth"], match["nyear"]
    else:
        day, month, year = match["day"], match["month"], match["year"]
    if day is None:
        return None
    number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    try:
        return dt.date(int(year), number, int(day)) if number else None
    except ValueError:
        return None


def committee_name(text: str | None) -> str | None:
    """A committee's name as a reader wants it: without trailing years or notes, and an
    upper-case name ("AUDIT COMMITTEE") in title case."""
    if not text:
        return None
    return reader_case(_COMMITTEE_TAIL.sub("", text.strip(" ,")).strip())


def reader_case(text: str | None) -> str | None:
    """Text as a reader wants it: an upper-case heading ("AUDIT COMMITTEE") in title case."""
    text = " ".join((text or "").split())
    if text.isupper() and len(text) > 4:
        text = " ".join(w if w in _SMALL_WORDS and n else w.capitalize()
                        for n, w in enumerate(text.lower().split()))
    return text or None


def parse_time(text: str) -> dt.time | None:
    """The first time of day written in a text ("6.00 pm" → 18:00), or None."""
    for match in _CLOCK.finditer(text):
        if match["half"]:
            hour, minute = int(match["hour"]), int(match["minute"] or 0)
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
        elif match["hour24"]:
            hour, minute = int(match["hour24"]), int(match["minute24"])
        elif match["colon_hour"]:
            hour, minute = int(match["colon_hour"]), int(match["colon_minute"])
        else:
            hour, minute = 12, 0
        return dt.time(hour, minute)
    return None


def read_header(lines: list[str]) -> Header:
    """Read council, committee, date and item number from a page's first lines (then from its
    decision facts, wherever they stand)."""
    header = Header()
    head = [line[:_HEADER_CHARS] for line in lines[:_HEADER_LINES]]
    for line in head:
        if _read_full_line(line, header):
            break
    for n, line in enumerate(head):
        if header.complete:
            break
        _read_partial_line(head, n, header)
    for line in lines:
        if header.complete:
            break
        _read_decision_fact(line, header)
    header.meeting_time = _read_time(head, header.meeting_date)
    header.council = next((line for line in head if council_name(line)),
                          None) or council_name(header.committee)
    return header


def _read_full_line(line: str, header: Header) -> bool:
    """Read a line naming both committee and date (and perhaps the item); True if it did."""
    for pattern in (_MEETING_LINE, _MEETING_OF, _MEETING_TITLE):
        if match := pattern.match(line):
            header.fill(match["committee"], parse_date(match), _full_line_title(match))
            if "number" in pattern.groupindex:
                header.number = match["number"]
            return header.complete
    return False


def _full_line_title(match: re.Match[str]) -> str | None:
    """The meeting's title in a line naming committee and date, as its meeting page heads it:
    "Meeting of Cabinet, Tuesday, … 6.00 pm (Item 95.)" → "Cabinet - Tuesday, … 6.00 pm", so
    that the item pages and the meeting page of one meeting give it one title. An issue page
    ("Meeting: 09/02/2017 - Council") gives none."""
    if match.re is _MEETING_OF:
        return f"{match['committee'].strip(' ,')} - {match['when']}"
    if match.re is _MEETING_TITLE:
        return match.string
    return None


def _read_partial_line(lines: list[str], n: int, header: Header) -> None:
    """Read what line n gives of the committee or the date."""
    line = lines[n]
    if match := _MINUTES_OF.match(line):
        header.fill(match["committee"] or match["body"] or match["welsh"],
                    _date_in(line) or _date_in(_line_after(lines, n)), _minutes_of_title(match))
    elif match := _DATE_THEN_TITLE.match(line):
        body = _meeting_body(match["committee"])
        header.fill(body, parse_date(match), line if body else None)
    elif _MINUTES_HELD.match(line) and (date := _date_in(line)):
        header.fill(_title_above(lines, n), date)
    elif (match := _DATE_LINE.match(line)) and not _sentence_above(lines, n):
        header.fill(_title_above(lines, n), parse_date(match), _heading_over(lines, n))
    elif match := DATED_TITLE.match(line):
        header.fill(None, parse_date(match))
    elif match := _BODY_MET.match(line):
        header.fill(match["committee"] if _BODY.search(match["committee"]) else None,
                    _date_in(line))


def _read_decision_fact(line: str, header: Header) -> None:
    """Read a decision page's decision maker, meeting and date of decision."""
    line = line.strip()
    if match := _DECIDED_AT.match(line):
        header.fill(match["committee"], parse_date(match))
    elif match := _DECISION_MAKER.match(line):
        header.fill(match["committee"], None)
    elif match := _DECISION_DATE.match(line):
        header.fill(None, parse_date(match))


def _minutes_of_title(match: re.Match[str]) -> str:
    """The meeting a plain minutes' heading names, as its title: "Minutes of the Annual Meeting
    of the Parish Council held on …" → "Annual Meeting of the Parish Council"."""
    title = _MINUTES_OPENING.sub("", match.string[:match.start("end")]).strip(" ,")
    name = match["committee"] or match["body"] or match["welsh"]
    if name and name.isupper():  # "meeting of the PLANNING COMMITTEE"
        title = title.replace(name, reader_case(name) or name)
    return title[:1].upper() + title[1:]


def _heading_over(lines: list[str], n: int) -> str | None:
    """A meeting page's heading set as a title line right over its date line ("Planning
    Committee" / "Wednesday 10 July 2019 4.00 pm"), as one title with the date."""
    above = next((line for line in reversed(lines[:n]) if line), "")
    if not above or len(above) > 200 or above.endswith((".", ":", ";")) or \
            _PAGE_KIND.match(above) or council_name(above) or not _BODY.search(above) or \
            _date_in(above):
        return None
    return f"{above} - {lines[n]}"


def _read_time(lines: list[str], date: dt.date | None) -> dt.time | None:
    """The meeting's time: on a "Time:" label, on a header line giving the meeting's date (not
    below a sentence, where a date is in the minutes), or on plain minutes' opening lines."""
    for n, line in enumerate(lines):
        if label := _TIME_LABEL.match(line):
            text = label["rest"] or _line_after(lines, n)
        elif _MINUTES_OF.match(line) or _MINUTES_HELD.match(line):
            text = f"{line} {_line_after(lines, n)}"  # "held in the Chamber," / "… at 9.30 am"
        elif _BODY_MET.match(line) or (_date_in(line) == date and not _sentence_above(lines, n)
                                       and _dated_heading(line)):
            text = line
        else:
            continue
        if time := parse_time(text):
            return time
    return None


def _dated_heading(line: str) -> bool:
    """Whether a line heads a meeting with its date (and perhaps its time after it)."""
    if match := _DATE_THEN_TITLE.match(line):
        return _meeting_body(match["committee"]) is not None
    return any(pattern.match(line) for pattern in (_MEETING_OF, _MEETING_TITLE, _DATE_LINE))


def _sentence_above(lines: list[str], n: int) -> bool:
    """Whether a sentence stands above line n: a date alone below one is in the minutes."""
    return any(line.endswith((".", ";")) for line in lines[:n])


def _line_after(lines: list[str], n: int) -> str:
    """The next line with text when line n runs on into it (no full stop ends it)."""
    if lines[n].endswith("."):
        return ""
    return next((line for line in lines[n + 1:] if line), "")


def _date_in(line: str) -> dt.date | None:
    """The first real date written in a line."""
    return next((date for match in re.finditer(_DATE, line, re.I) if (date := parse_date(match))),
                None)


def _meeting_body(title: str) -> str | None:
    """The body a title names ("Planning Meeting" → "Planning"), if it names one."""
    if len(title.split()) > 10 or title.endswith("."):
        return None
    if match := re.fullmatch(r"(?:the )?(.+?) meeting", title, re.I):
        return match[1] if len(match[1].split()) <= 4 else None
    return title if _BODY.search(title) else None


def _title_above(lines: list[str], n: int) -> str | None:
    """The title line above line n naming a body ("Council - Planning Committee" gives the
    committee), skipping labels such as "Date:"."""
    above = [line for line in reversed(lines[:n]) if line and not _LABEL.match(line)]
    if not above or len(above[0]) > 120 or above[0].endswith((".", ":")):
        return None
    title = committee_name(re.split(r" [-–] ", above[0])[-1])
    if not title or council_name(title) or not _BODY.search(title) or _date_in(title) or \
            _MINUTES_HELD.match(title):
        return None
    return title

