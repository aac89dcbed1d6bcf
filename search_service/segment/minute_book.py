"""Plain minutes laid out as a minute book: numbered headings open the items.

"609. Apologies for absence", "1044 CITY CENTRE MARKETS UPDATE - The Director submitted …",
"1045 (12) ALBERT AVENUE BATHS - …", "(199) CHAIRMAN'S ANNOUNCEMENT", "FC/23/101 PUBLIC
PARTICIPATION", "573. Apologies for Absence: There were no absentees", "Minute 34 - Precept", "Item 4 - Public
Questions", "P24/03 DC/23/4412/FUL 14 Station Road", "JC 23/44 Specialised services".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import AGENDA_VERB

# A link to a document after its name: "Budget Report pdf icon PDF 238 KB".
DOC_LINK = re.compile(r"\s*(?:pdf icon )?PDF \d[\d.,]* ?[KM]B\s*$", re.I)
_HEADING = re.compile(
    r"^(?![QA] ?\d{1,3}[.:)]\s)"             # "Q1) Mr Skerritt – …" asks; "A1) …" answers
    r"(?:(?:Minute|Item) (?:No\.? ?|Number )?)?"   # "Minute 34 - Proposed Police Precept"
    r"\(?(?P<number>(?:[A-Z]{1,6}(?:/| (?=\d{1,4}/))?)?(?P<value>\d{1,4})(?:[/:]\d{1,4}){0,2}[a-z]?"
    r"(?:/[A-Z]{1,4})?)\)?"                  # "04/08:01", "41/19/BC"
    r"(?:\.(?=[A-Z]{2})|\.?(?: ?\((?P<sub>\d{1,3}[a-z]?)\))?\s+(?:[-–|]\s+)?)"  # "1.ELECTION", "22/38 | "
    r"(?:\d{1,3}\.\s+)?"                    # the agenda's number after the minute's: "A011/19 3. …"
    r"(?P<rest>[A-Z(].*)$")
# A minute numbered in Roman numerals, as Scottish councils number them: "III ENERGY PRICING".
_ROMAN_HEADING = re.compile(r"^(?P<number>(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\.?\s+"
                            r"(?P<rest>[A-Z(][^a-z]*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
# Where an upper-case title gives way to the minutes on the same line.
_TITLE_END = re.compile(r"\s+[-–]\s+|:\s+|\s+[-–]$|:$")
# Words of a sentence rather than a title.
_SENTENCE_WORD = re.compile(r"\b(?:is|are|was|were|be|been|had|has|have|will|would|noted|"
                            r"agreed|resolved|approved|received|said|reported)\b", re.I)
# "12 April, 2016" is a date, not item 12.
_MONTH = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|"
                    r"November|December)\b", re.I)
_MAX_TITLE_WORDS = 12
# An item titled as the agenda words it (text.AGENDA_VERB), its verb in lower case.
_AGENDA_TITLE = re.compile(rf"^To {AGENDA_VERB}")
_MAX_AGENDA_TITLE_WORDS = 25
_LEAD_IN_WORDS = 4


@dataclass(frozen=True)
class Heading:
    """An item heading: its line, number (None when unnumbered), title and any minutes on the
    same line."""

    line: int
    number: str | None
    value: int
    title: str
    text: str


def _title_case_title(text: str) -> bool:
    words = text.split()
    agenda = bool(_AGENDA_TITLE.match(text))
    longest = (_MAX_AGENDA_TITLE_WORDS, 200) if agenda else (_MAX_TITLE_WORDS, 100)
    return (0 < len(words) <= longest[0] and len(text) <= longest[1] and text[:1].isupper()
            and not text.endswith((".", ";", ",", "?", "!")) and not _SENTENCE_WORD.search(text))


def read_heading(line: str, number: int) -> Heading | None:
    """The item heading on a line, if the line is one."""
    if roman := _ROMAN_HEADING.match(line):
        return Heading(number, roman["number"], _roman_value(roman["number"]),
                       roman["rest"].strip(), "")
    match = _HEADING.match(line)
    if not match or _MONTH.match(match["rest"]):
        return None
    rest = match["rest"].strip()
    cut = _TITLE_END.search(rest)
    head, text = (rest[:cut.start()], rest[cut.end():]) if cut else (rest, "")
    if not text and head.endswith(".") and ". " not in head:   # "3. Finance."
        head = head[:-1]
    upper = sum(c.isupper() for c in head) >= 2 and not any(c.islower() for c in head)
    if not (upper or _title_case_title(head)):
        if not _title_case_title(rest):
            return None
        head, text = rest, ""
    item = f"{match['number']} ({match['sub']})" if match["sub"] else match["number"]
    return Heading(number, item, int(match["value"]), head.strip(), text.strip())


def _roman_value(numeral: str) -> int:
    """The value of a Roman numeral below 90."""
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0]))


def find_headings(lines: list[str]) -> list[Heading]:
    """The item headings of a page of plain minutes, or none when its numbers are not headings.

    Headings are the longest run of candidate lines whose numbers never fall (the points of a
    numbered list inside an item, "1. Ensure that …", number afresh and are left out); they count
    when there are at least two and most of them have minutes under them (a numbered list of
    short points has none).
    """
    headings = _rising(_without_list_points(
        lines, [h for i, line in enumerate(lines) if (h := read_heading(line, i))]))
    headings = _without_sentence_points(lines, headings)
    if len(headings) < 2:
        return []
    ends = [h.line for h in headings[1:]] + [len(lines)]
    with_minutes = sum(bool(h.text) or any(lines[k] for k in range(h.line + 1, end))
                       for h, end in zip(headings, ends))
    return headings if with_minutes * 2 > len(headings) else []


# A numbered line: "2. S Atkin will progress the initiative."
_NUMBERED_LINE = re.compile(r"^(\d{1,3})[.)]\s")
_AGENDA_WORDING = re.compile(r"^To [a-z]+\b")   # "To invite Councillors to declare …"


def _without_sentence_points(lines: list[str], headings: list[Heading]) -> list[Heading]:
    """The headings less the points of a numbered list whose other points read as sentences
    ("1. Bruce Morrison contact for …", "2. S Atkin will progress …", "3. Ship to Ship Oil
    Transfer – report to follow."): two candidates with only such points between them, and the
    candidates next to those, one number apart, with nothing under them either."""
    pairs = list(zip(headings, headings[1:]))
    points = {heading.line for before, after in pairs
              if _sentence_points_between(lines, before, after) for heading in (before, after)}
    grown = bool(points)
    while grown:
        grown = False
        for before, after in pairs:
            if after.value == before.value + 1 and (before.line in points) != (
                    after.line in points) and _bare(lines, before.line) \
                    and _bare(lines, after.line):
                points.update((before.line, after.line))
                grown = True
    return [heading for heading in headings if heading.line not in points]


def _sentence_points_between(lines: list[str], before: Heading, after: Heading) -> bool:
    """Whether only lines numbered with every number between two candidates stand between them,
    none worded as an agenda item ("574. To invite Councillors to declare an interest …" is an
    item whose one line reads as no heading), and nothing stands under the second."""
    between = [lines[k] for k in range(before.line + 1, after.line) if lines[k]]
    numbered = [match for line in between if (match := _NUMBERED_LINE.match(line))]
    return bool(between) and len(numbered) == len(between) and _bare(lines, after.line) \
        and [int(match[1]) for match in numbered] == list(range(before.value + 1, after.value)) \
        and not any(_AGENDA_WORDING.match(match.string[match.end():].lstrip())
                    for match in numbered)


def _bare(lines: list[str], line: int) -> bool:
    """Whether nothing but the next numbered line follows line `line` (a point of a list has
    no minutes under it; "4. Matters arising" has "4.1 Fire proof safe …")."""
    following = next((text for text in lines[line + 1:] if text), None)
    return following is None or bool(_NUMBERED_LINE.match(following))


def _without_list_points(lines: list[str], candidates: list[Heading]) -> list[Heading]:
    """The candidates that are not points of a list a sentence introduces ("He gave her three
    messages to consider;" then "1. Transport: …", "2. Housing: …")."""
    kept, point = [], None
    for heading in candidates:
        before = next((lines[k] for k in range(heading.line - 1, -1, -1) if lines[k]), "")
        if before.endswith((":", ";")) and len(before.split()) >= _LEAD_IN_WORDS \
                or point is not None and heading.value == point + 1:
            point = heading.value
        else:
            kept.append(heading)
            point = None
    return kept


def _rising(headings: list[Heading]) -> list[Heading]:
    """The longest subsequence of `headings` whose numbers never fall (the first such, in order)."""
    if not headings:
        return []
    best = [1] * len(headings)   # the length of the longest run ending at each heading
    before = [-1] * len(headings)
    for j, heading in enumerate(headings):
        for i in range(j):
            if headings[i].value <= heading.value and best[i] + 1 > best[j]:
                best[j], before[j] = best[i] + 1, i
    at = max(range(len(headings)), key=lambda k: (best[k], -k))
    run = []
    while at >= 0:
        run.append(headings[at])
        at = before[at]
    return run[::-1]


# A line that opens a list, a sentence or a speech rather than an item: bullets, list markers,
# "Comment:", a person's name.
_NOT_PLAIN_HEADING = re.compile(
    r"^(?:[-–•·*>o]\s|\(?[a-z\d]{1,3}[.)]\s|(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Mayor|Proposed|"
    r"Seconded|Resolved|Agreed|Action|Comment|Question|Answer|Response|Reply|Note|Present|"
    r"Apologies|In attendance|Also present|Additional documents|Decisions?|Outcome|Discussion|"
    r"Debate|Background|Summary|Reasons?|Recommendations?|Venue|Contact)\b)", re.I)
# A sentence without its full stop: "The report covered a review of the strategy".
_NARRATIVE = re.compile(r"^(?:(?:The|This|It|There|He|She|They|We|A|An|Members|Officers|"
                        r"Councillors)\s(?:\w+\s){0,3}[a-z]+(?:ed|s)\b|.*\b(?:us|we|our|he|she|"
                        r"they|it)\b)")
_MAX_PLAIN_TITLE_WORDS = 10
_MAX_COLON_TITLE_WORDS = 5
# A page whose long lines end without a stop this often wraps its sentences across lines.
_WRAPPED_SHARE = 0.3


def _plain_title(lines: list[str], n: int, wrapped: bool) -> str | None:
    """The title on line `n` if it stands alone as an unnumbered heading: a short title, the
    previous line blank or ending a sentence; on a page whose sentences wrap from line to line,
    also a colon or a blank line after it."""
    line = DOC_LINK.sub("", lines[n])
    if not line or _NOT_PLAIN_HEADING.match(line):
        return None
    if wrapped and not line.endswith(":") and n + 1 < len(lines) and lines[n + 1]:
        return None
    before = next((lines[k] for k in range(n - 1, -1, -1) if lines[k]), "")
    if before and not before.endswith((".", ";", "!", "?")) and lines[n - 1]:
        return None
    if DOC_LINK.search(before):   # the agenda's description under a linked title
        return None
    if _NARRATIVE.match(line):
        return None
    title = line.removesuffix(":").rstrip() if line.endswith(":") else line
    words = len(title.split())
    if line.endswith(":") and words > _MAX_COLON_TITLE_WORDS:
        return None
    if words > _MAX_PLAIN_TITLE_WORDS or not _title_case_title(title):
        return None
    return title


# An upper-case title run into its minutes after a full stop, as old parish minutes write
# them: "FINANCE. A cheque was signed …", "HIGHWAYS AND FOOTPATHS. The Clerk was asked …"
# (a decision's own word in capitals is no title).
_RUN_IN_TITLE = re.compile(
    r"^(?!(?:RESOLVED|AGREED|NOTED|DECIDED|APPROVED|CARRIED|ACTIONS?|NOTES?|PROPOSED|SECONDED|"
    r"RECOMMENDED|DEFERRED|QUESTIONS?|ANSWERS?|RESPONSE)\.)"
    r"(?=[^.]*[A-Z]{4})"   # a word, not a numeral: "II. Delegate authority …" is a point
    r"(?P<title>[A-Z][A-Z'’&/,-]*[A-Z](?: [A-Z&][A-Z'’&/,-]*)*)\.\s+(?P<text>[A-Z(£\d].*)$")


def find_plain_headings(lines: list[str], start: int) -> list[Heading]:
    """Unnumbered item headings of plain minutes from line `start` on ("Police Report:",
    "Public Forum" alone on its line above the minutes, "FINANCE. A cheque was …" run into its
    minutes), or none unless there are at least two and most have running text under them."""
    long_lines = [line for line in lines if len(line.split()) >= 6]
    wrapped = sum(not line.endswith((".", ":", ";", "!", "?", ")")) for line in long_lines) \
        > len(long_lines) * _WRAPPED_SHARE
    # headings stand after the lines of who attended or else after the first running text
    # (above it: the page's title), and before the last line
    if not start:
        start = next((n for n, line in enumerate(lines) if len(line.split()) >= 6), len(lines))
    last = max((n for n, line in enumerate(lines) if line), default=0)
    # (a page writes its titles one way: run into their minutes, or each on its own line)
    headings = [Heading(n, None, 0, run_in["title"], run_in["text"])
                for n in range(start, min(last + 1, len(lines)))
                if (run_in := _RUN_IN_TITLE.match(lines[n]))]
    if len(headings) < 2:
        headings = [Heading(n, None, 0, title, "") for n in range(start, last)
                    if (title := _plain_title(lines, n, wrapped))]
    if len(headings) < 2:
        return []
    ends = [h.line for h in headings[1:]] + [len(lines)]
    with_minutes = sum(bool(h.text) or any(len(lines[k].split()) >= 6
                                           for k in range(h.line + 1, end))
                       for h, end in zip(headings, ends))
    return headings if with_minutes * 2 > len(headings) else []
