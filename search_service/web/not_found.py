"""What a 404 says when a look-up finds nothing, the same on the pages and in the API: what is
missing and where to look instead."""
from __future__ import annotations


def passage(passage_id: str) -> str:
    """No passage has this id."""
    return (f"There is no passage with id {passage_id!r}. It may have been re-indexed since the "
            f"link was made: search for its words instead.")


def meeting(meeting_id: str) -> str:
    """No passage belongs to this meeting."""
    return f"There is no meeting with id {meeting_id!r}. Browse the committees to find it."


def person(name: str) -> str:
    """No passage names this person."""
    return (f"No passage names {name!r} as asking, answering or speaking. Look for them in the "
            f"Speaker list of a search.")
