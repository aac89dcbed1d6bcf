"""Minutes the tests share: the user's seed page and a short agenda item written for the tests."""
from __future__ import annotations

from pathlib import Path

from search_service.model import Document

# The user's own example: a Worcestershire County Council agenda item page (Children and Families
# Overview and Scrutiny Panel: Worcestershire Safeguarding Children Board Annual Report 2017-18).
SEED = Path(__file__).parents[1] / "data" / "seed.txt"

PAGE = """Agenda item

Highways maintenance

Minutes:

The Head of Highways presented the report on the condition of roads.

In response to a question about pothole repairs, Members were informed that repairs were made within 28 days.

RESOLVED that the report be noted.
"""


def doc(url: str = "https://council.example/mgAi.aspx?ID=1", text: str = PAGE,
        **hints: str) -> Document:
    """A Document of `text` (PAGE unless given) at `url`, with metadata hints."""
    return Document(source=url, url=url, text=text, **hints)
