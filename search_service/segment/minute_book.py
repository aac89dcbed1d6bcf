"""Plain minutes laid out as a minute book: numbered headings open the items.

"609. Apologies for absence", "1044 CITY CENTRE MARKETS UPDATE - The Director submitted …",
"1045 (12) ALBERT AVENUE BATHS - …", "(199) CHAIRMAN'S ANNOUNCEMENT", "FC/23/101 PUBLIC
PARTICIPATION", "573. Apologies for Absence: There were no absentees", "Minute 34 - Precept", "Item 4 - Public
Questions", "P24/03 DC/23/4412/FUL 14 Station Road", "JC 23/44 Specialised services".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(
    r"^(?:(?:Minute|Item) (?:No\.? ?)?)?"   # "Minute 34 - Proposed Police Precept"
    r"\(?(?P<number>(?:[A-Z]{1,6}(?:/| (?=\d{1,4}/))?)?(?P<value>\d{1,4})(?:/\d{1,4}){0,2}[a-z]?)\)?\.?"
    r"(?: ?\((?P<sub>\d{1,3}[a-z]?)\))?\s+(?:[-–]\s+)?(?P<rest>[A-Z(].*)$")
# Where an upper-case title gives way to the minutes on the same line.
_TITLE_END = re.compile(r"\s+[-–]\s+|:\s+|\s+[-–]$|:$")
# Words of a sentence rather than a title.
_SENTENCE_WORD = re.compile(r"\b(?:is|are|was|were|be|been|had|has|have|will|would|noted|"
                            r"agreed|resolved|approved|received|said|reported)\b", re.I)
# "12 April, 2016" is a date, not item 12.
_MONTH = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|"
                    r"November|December)\b", re.I)
_MAX_TITLE_WORDS = 12
# An item titled as the agenda words it, often at length: "To consider options with regard to
# play facilities and to agree a preferred option".
_AGENDA_TITLE = re.compile(r"^To (?:consider|receive|note|approve|agree|discuss|review|decide|"
                           r"adopt|confirm|appoint|elect|accept|determine|ratify)\b")
_MAX_AGENDA_TITLE_WORDS = 25


@dataclass(frozen=True)
class Heading:
    """A numbered item heading: its line, number, title and any minutes on the same line."""

    line: int
    number: str
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
    match = _HEADING.match(line)
    if not match or _MONTH.match(match["rest"]):
        return None
    rest = match["rest"].strip()
    cut = _TITLE_END.search(rest)
    head, text = (rest[:cut.start()], rest[cut.end():]) if cut else (rest, "")
    upper = sum(c.isupper() for c in head) >= 2 and not any(c.islower() for c in head)
    if not (upper or _title_case_title(head)):
        if not _title_case_title(rest):
            return None
        head, text = rest, ""
    item = f"{match['number']} ({match['sub']})" if match["sub"] else match["number"]
    return Heading(number, item, int(match["value"]), head.strip(), text.strip())


def find_headings(lines: list[str]) -> list[Heading]:
    """The item headings of a page of plain minutes, or none when its numbers are not headings.

    Headings are the longest run of candidate lines whose numbers never fall (the points of a
    numbered list inside an item, "1. Ensure that …", number afresh and are left out); they count
    when there are at least two and most of them have minutes under them (a numbered list of
    short points has none).
    """
    headings = _rising([h for i, line in enumerate(lines) if (h := read_heading(line, i))])
    if len(headings) < 2:
        return []
    ends = [h.line for h in headings[1:]] + [len(lines)]
    with_minutes = sum(bool(h.text) or any(lines[k] for k in range(h.line + 1, end))
                       for h, end in zip(headings, ends))
    return headings if with_minutes * 2 > len(headings) else []


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
