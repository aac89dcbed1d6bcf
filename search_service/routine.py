"""Routine items: apologies, declarations of interest, approval of the last minutes and the date
of the next meeting. Every meeting has them and they answer no one's search, so search leaves
them out unless asked (they stay indexed, and on the meeting page)."""
from __future__ import annotations

import re

from .model import Passage

_NUMBER = r"^\W*(?:\d+[a-z]?[.)]?\s+)?"
# Each kind of routine item: its agenda titles (in English and in Welsh, as bilingual councils
# print them) and the words its minutes use. A passage under such a title is routine only when
# it uses those words too: on a page whose items run together, the substance of the next item
# can sit under "Apologies".
_ROUTINE_ITEMS = [
    (re.compile(_NUMBER + r"(?:apologies|ymddiheuriadau|substitut)", re.IGNORECASE),
     re.compile(r"apolog|absen|substitut|present\b|attend", re.IGNORECASE)),
    (re.compile(_NUMBER + r"(?:(?:declarations?|disclosures?|notifications?)\s+of\s+|"
                          r"members'?\s+)?(?:\w+\s+){0,3}interests?\b|datgan\s+buddiant",
                re.IGNORECASE),
     re.compile(r"declar|disclos|pecuniary|prejudicial|dispensation", re.IGNORECASE)),
    (re.compile(_NUMBER + r"(?:(?:confirmation|approval|adoption|signing)\s+of\s+(?:the\s+)?)?"
                          r"(?:minutes|cofnodion)\b", re.IGNORECASE),
     re.compile(r"correct\s+record|minutes\s+of\s+the\s+(?:\w+\s+){0,8}meeting\s+(?:\w+\s+){0,8}"
                r"(?:be|were|was)\s+(?:approved|confirmed|agreed|signed|adopted|accepted)",
                re.IGNORECASE)),
    (re.compile(_NUMBER + r"(?:dates?|time)\s+(?:and\s+(?:time|venue)\s+)?of\s+(?:the\s+)?"
                          r"(?:next|future)\s+meetings?", re.IGNORECASE),
     re.compile(r"next\s+meeting|future\s+meeting|\b20\d\d\b", re.IGNORECASE)),
]
# Routine business recorded without a telling title: the sentence that opens the passage.
_ROUTINE_TEXT = re.compile(
    r"^\W*(?:"
    r"(?:an\s+)?apolog(?:y|ies)\s+(?:for\s+absence\s+)?(?:was|were|had\s+been)\s+"
    r"(?:received|submitted|noted|given)|(?:there\s+were\s+)?no\s+apologies|"
    r"apologies\s+for\s+absence\s+(?:were|was)|"
    r"(?:there\s+were\s+)?no\s+(?:declarations|disclosures)\s+of\s+(?:\w+\s+){0,3}interests?|"
    r"no\s+(?:\w+\s+){0,2}interests\s+were\s+declared|"
    r"(?:resolved:?\s+)?that\s+the\s+minutes\s+of\s+the\s+(?:\w+\s+){0,8}meeting\s+"
    r"(?:\w+\s+){0,8}be\s+(?:approved|confirmed|agreed|signed|adopted)|"
    r"the\s+minutes\s+of\s+the\s+(?:\w+\s+){0,8}meeting\s+(?:\w+\s+){0,8}(?:were|was)\s+"
    r"(?:approved|confirmed|agreed|signed|adopted)|"
    r"the\s+(?:date\s+of\s+the\s+)?next\s+meeting\s+(?:will|would|is\s+to)\s+be)", re.IGNORECASE)


def is_routine(passage: Passage) -> bool:
    """Whether a passage records routine business: its own opening words say so, or its item's
    title does and its words are that business's."""
    text, title = passage.text.strip(), (passage.item.title or "").strip()
    return bool(_ROUTINE_TEXT.match(text)) or any(
        titled.match(title) and worded.search(text) for titled, worded in _ROUTINE_ITEMS)
