"""Filter values as people type them ("cabinet", "Cllr Hilton") resolved to the values the index
holds ("Cabinet", "Councillor Hilton"), or a message naming the values there are."""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .engine.reading import values_per_segment
from .engine.schema import FACET_COLUMNS
from .engine.store import Searcher
from .model import KINDS

# Facets whose values are a closed list: a value outside it is a mistake to report, where an
# unknown speaker or topic simply finds nothing.
CLOSED = {"kind", "council", "committee"}
# Facets matched case-insensitively against the index's values; meeting ids and years are exact.
RESOLVED = {"council", "committee", "speaker", "topic", "item"}
# A closed list this long is named whole in a message; a longer one by its closest values.
LISTED_WHOLE = 12
CLOSEST = 5

# Titles before a speaker's name, stripped so "Cllr Hilton", "councillor hilton" and "Hilton"
# all find "Councillor Hilton".
_TITLE = re.compile(
    r"^(?:the|(?:(?:county|district|borough|city|town|parish|deputy)\s+)?"
    r"(?:cllrs?|councillors?|mayor)|alderman|mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|"
    r"lord|lady|baroness|rev|revd|reverend)\.?\s+")
# A role after the name: "Cllr Anyanwu (Cabinet Member for ...)", "Councillor Klute, Chair of".
_ROLE = re.compile(r"\s*[(,].*$")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


class UnknownValue(ValueError):
    """A filter value outside a closed list; the message names the allowed values."""


def normalise(value: str) -> str:
    """The value folded for matching: case, white space, curly quotes and "&" for "and"."""
    folded = value.translate(_QUOTES).casefold().replace("&", " and ")
    return " ".join(folded.split())


def person(value: str) -> str:
    """A speaker's name without titles or role: "Cllr Mrs Hilton (Leader)" → "hilton"."""
    name = _ROLE.sub("", normalise(value))
    while (stripped := _TITLE.sub("", name)) != name:
        name = stripped
    return name


@dataclass
class Values:
    """One segment's values of a facet, looked up by their folded forms."""

    by_key: dict[str, list[str]] = field(default_factory=dict)
    # Speakers only: by name without titles, and by surname.
    by_name: dict[str, list[str]] = field(default_factory=dict)
    by_surname: dict[str, list[str]] = field(default_factory=dict)

    def add(self, value: str, people: bool) -> None:
        """Index one value under its folded forms."""
        self.by_key.setdefault(normalise(value), []).append(value)
        if people and (name := person(value)):
            self.by_name.setdefault(name, []).append(value)
            self.by_surname.setdefault(name.split()[-1], []).append(value)

    def find(self, typed: str, people: bool) -> list[str]:
        """The values `typed` names: its folded form, and for a speaker the speakers of that
        name, else (a surname alone) every speaker with that surname."""
        found = list(self.by_key.get(normalise(typed), []))
        name = person(typed) if people else ""
        if name:
            found += self.by_name.get(name, [])
            if not found and " " not in name:
                found += self.by_surname.get(name, [])
        return found


def _held(searcher: Searcher, name: str) -> list[Values]:
    """Each segment's values of a facet, read from its word list once and kept with its
    columns."""
    return values_per_segment(searcher, FACET_COLUMNS[name],
                              lambda held: values_of(held, people=name == "speaker"))


def values_of(held: Iterable[str], people: bool) -> Values:
    """The values an index holds, looked up by their folded forms (any engine's values)."""
    values = Values()
    for value in held:
        values.add(value, people=people)
    return values


def resolve(searcher: Searcher, name: str, typed: Iterable[str]) -> list[str]:
    """The values a facet filter names, as the index holds them; raises UnknownValue for a value
    outside a closed list. A value of an open list that matches nothing is kept as typed."""
    return resolve_among(lambda: _held(searcher, name), name, typed)


def resolve_among(held: Callable[[], list[Values]], name: str, typed: Iterable[str]
                  ) -> list[str]:
    """resolve() over the values `held` gives (called only when a value needs looking up): the
    Xapian engine gives its own."""
    out: list[str] = []
    for value in typed:
        value = " ".join(value.split())
        if not value:  # no filter, as filter_query reads it
            continue
        if name == "kind":
            found = [kind for kind in KINDS if kind == value.casefold()]
        elif name in RESOLVED:
            found = sorted({one for values in held()
                            for one in values.find(value, people=name == "speaker")})
        else:
            found = [value]
        if not found and name in CLOSED:
            raise UnknownValue(unknown_message(name, value, allowed_among(held, name)))
        out.extend(found or [value])
    return list(dict.fromkeys(out))


def allowed_among(held: Callable[[], list[Values]], name: str) -> list[str]:
    """Every value of a closed facet among the values `held` gives, sorted."""
    if name == "kind":
        return list(KINDS)
    return sorted({value for values in held()
                   for same in values.by_key.values() for value in same}, key=str.casefold)


def unknown_message(name: str, typed: str, values: list[str]) -> str:
    """What to tell someone whose filter value is not one of `values`."""
    what = name
    if not values:
        return f"no passage has a {what} yet, so {what}={typed!r} finds nothing; remove it"
    if len(values) <= LISTED_WHOLE:
        return f"there is no {what} {typed!r}; choose one of: {', '.join(values)}"
    near = closest(typed, values)
    hint = f"the closest are: {', '.join(near)}" if near else "none is close"
    return (f"there is no {what} {typed!r} among the {len(values)} in the index; {hint} "
            f"(a search's {what} facet lists them all)")


def closest(typed: str, values: list[str]) -> list[str]:
    """Up to CLOSEST values like `typed`: those containing it, then the most alike in spelling."""
    folded = {normalise(value): value for value in values}
    key = normalise(typed)
    containing = [value for form, value in folded.items() if key in form]
    alike = difflib.get_close_matches(key, list(folded), n=CLOSEST, cutoff=0.5)
    return list(dict.fromkeys(containing + [folded[form] for form in alike]))[:CLOSEST]
