"""Councils' names as pages write them: "Stockton-on-Tees Borough Council", "Cyngor Sir Powys".

Shared by the readers of page markup (a site's title and banner) and of page text (a header
line), so that both accept the same names and neither takes a committee for a council.
"""
from __future__ import annotations

import re

_NAME_WORD = r"(?:[A-Z][\w'’.&-]*|and|&|upon|on|in|of|the|le|by|under)"
# Words that open a body's name without naming a place: "Full Council", "Town Council".
_GENERIC = (r"(?!(?:Full|Special|Extraordinary|Annual|Ordinary|County|Borough|District|City|"
            r"Town|Parish|Community|Combined|Fire|Licensing|Planning|Executive|Joint|Local|"
            r"Unitary|Police|Health|Schools?|Youth|Shadow|Meeting|Minutes|Agenda|The)\b)")
_COUNCIL_NAME = re.compile(
    rf"(?:(?:The )?(?:Royal |London )?Borough of |City of |Cyngor (?:Sir |Bwrdeistref Sirol |"
    rf"Dinas |Tref |Cymuned )?){_GENERIC}[A-Z][\w'’.&-]*(?: {_NAME_WORD}){{0,4}}"
    rf"(?: (?:County |City )?Council)?|"
    rf"(?:The )?{_GENERIC}[A-Z][\w'’.&-]*(?: {_NAME_WORD}){{0,4}}? "
    r"(?:(?:County |Metropolitan )?Borough |County |District |City |Town |Parish |Community |"
    r"Combined |Fire (?:and Rescue )?)?(?:Council|Authority)")


def council_name(text: str | None) -> str | None:
    """The text itself when the whole of it is a council's name, else None."""
    text = (text or "").strip()
    return text if text and _COUNCIL_NAME.fullmatch(text) else None
