"""The people of a passage: who asked, who answered, who spoke, as names to find them by.

The splitter reads who asked, answered or spoke as written ("Mr Balfour and Mr Wilkin",
"Aileen Buckton (Executive Director for Community Services)", "Mrs M. Patrick, 119 Essex
Road"). A person is named once, without the role or address after the name, two people joined
by "and" are two, and an unnamed member ("A Member") is nobody to find.
"""
from __future__ import annotations

import re

from .model import Passage

# "and" joins two people when a title or a capitalised name follows it ("Mr Balfour and Mr
# Wilkin"); in "the Head of Audit and Risk" it joins the words of one role.
_TITLES = (r"(?:Cllrs?\.?|Councillors?|County Councillor|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|"
           r"Sir|Dame|Lord|Lady|Alderman|Mayor|Rev|Revd)")
_TWO_PEOPLE = re.compile(rf"\s+(?:and|&)\s+(?={_TITLES}\s)")
# What follows a name: a role in brackets or after a comma, an address.
_AFTER_NAME = re.compile(r"\s*[(,].*$")
_UNNAMED = re.compile(r"^(?:an?|one|another|other|some|several)\s", re.IGNORECASE)


def names_in(written: str | None) -> list[str]:
    """The people named in one asker, answerer or speaker as the splitter read it."""
    if not written:
        return []
    names = []
    for part in _TWO_PEOPLE.split(written.strip()):
        name = " ".join(_AFTER_NAME.sub("", part).split())
        if name and not _UNNAMED.match(name):
            names.append(name)
    return names


def people_of(passage: Passage) -> list[str]:
    """Everyone a passage names as asking, answering or speaking, each once, in that order."""
    found = [name for written in (passage.asked_by, passage.answered_by, passage.speaker)
             for name in names_in(written)]
    return list(dict.fromkeys(found))


def roles_of(passage: Passage, name: str) -> list[str]:
    """What the named person did in a passage: 'asked', 'answered', 'spoke'."""
    return [role for role, written in (("asked", passage.asked_by),
                                       ("answered", passage.answered_by),
                                       ("spoke", passage.speaker))
            if name in names_in(written)]
