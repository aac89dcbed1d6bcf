"""The glossary of an index: the shipped one and the definitions learnt from the minutes it
holds, read from its source records through the engine (glossary.py stays text in, data out)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .engine.reading import kept_for_generation, live_source_payloads
from .engine.store import Searcher
from .glossary import SHIPPED, Definition, Glossary, build_glossary


def learnt_definitions(searcher: Searcher) -> list[Definition]:
    """Every definition learnt from the indexed minutes, one per council and long form."""
    return Glossary(live_source_payloads(searcher, "acronyms", source_definitions)).definitions


def source_definitions(payload: dict[str, Any]) -> list[Definition]:
    """The definitions a source record keeps (source_acronyms)."""
    return [Definition(acronym, long_form, payload["council"])
            for acronym, long_form in payload["definitions"]]


def glossary_for(searcher: Searcher) -> Glossary:
    """The shipped glossary and what was learnt from the index the searcher reads, kept by the
    index for its newest generation (a commit reads only its new segments' source records)."""
    return kept_for_generation(searcher, "glossary",
                               lambda: build_glossary(learnt_definitions(searcher)))


def definitions_in(glossary: Glossary, councils: Sequence[str] = (),
                   shipped: bool = False) -> list[Definition]:
    """The definitions of `glossary` learnt (only those of `councils`, when given), and the
    shipped ones too with `shipped`; by acronym, then council."""
    return [d for d in glossary.definitions
            if (shipped if d.council == SHIPPED else not councils or d.council in councils)]
