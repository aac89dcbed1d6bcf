"""Matches marked in a hit's text fields, the same markup on both engines: Whoosh's highlighter
re-reads a field's text with the schema's analyser and marks the query's words in it (the
Whoosh engine through its Results, the Xapian engine with the words of the parsed query)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from whoosh.fields import Schema
from whoosh.highlight import (ContextFragmenter, Fragmenter, Highlighter, HtmlFormatter,
                              WholeFragmenter, set_matched_filter, top_fragments)
from whoosh.query import MultiTerm, Query

# The fields a hit shows marked, in the order they are marked (the formatter numbers the words
# in the order it meets them).
MARKED_FIELDS = ("text", "question", "answer", "item_title")
# A field this short is shown whole with its matches marked; a longer one as fragments.
WHOLE_FIELD_CHARS = 600
CONTEXT_FRAGMENTER = ContextFragmenter(maxchars=300, surround=80)
# Fragments a field shows at most.
TOP_FRAGMENTS = 3

# Marks the matches in one field's text with a fragmenter: (field, text, fragmenter) → HTML,
# empty when nothing matched.
Mark = Callable[[str, str, Fragmenter], str]


def page_formatter() -> HtmlFormatter:
    """The formatter of one page of hits: <mark>, fragments joined by an ellipsis."""
    return HtmlFormatter(tagname="mark", between=" … ")


def marked_fields(fields: Mapping[str, Any], mark: Mark) -> dict[str, str]:
    """Matches marked in each text field: the whole field when short, else fragments."""
    out = {}
    for name in MARKED_FIELDS:
        text = fields.get(name)
        if text:
            whole = len(text) <= WHOLE_FIELD_CHARS
            fragmenter = WholeFragmenter() if whole else CONTEXT_FRAGMENTER
            # Plain words search an answer through the text that holds it: mark them there too.
            fragment = mark(name, text, fragmenter) or (
                name == "answer" and mark("text", text, fragmenter))
            if fragment:
                out[name] = fragment if whole else f"… {fragment} …"
    return out


def query_words(query: Query | None, expand: Callable[[str, str], Iterable[str]]
                ) -> dict[str, frozenset[str]]:
    """The words of a parsed query by field, as Whoosh's Results.query_terms(expand=True) gives
    them: a prefix (`refer*`) as the indexed words it stands for, listed by `expand(field,
    prefix)`."""
    words: dict[str, set[str]] = {}
    for leaf in [] if query is None else query.leaves():
        if isinstance(leaf, MultiTerm):
            words.setdefault(leaf.fieldname, set()).update(expand(leaf.fieldname, leaf.text))
        elif leaf.has_terms():
            for field, text in leaf.terms(phrases=True):
                if isinstance(text, str):  # (a number, year:2021, is no word of a text)
                    words.setdefault(field, set()).add(text)
    return {field: frozenset(found) for field, found in words.items()}


def word_marker(schema: Schema, words: Mapping[str, frozenset[str]],
                formatter: HtmlFormatter) -> Mark:
    """A Mark of `words` (by field) in stored text, as Highlighter.highlight_hit marks a hit
    whose matched terms are not recorded: the text re-read by the field's analyser."""
    def mark(name: str, text: str, fragmenter: Fragmenter) -> str:
        wanted = words.get(name)
        if not wanted:
            return ""
        tokens = schema[name].analyzer(text, positions=True, chars=True, mode="index",
                                       removestops=False)
        merged = Highlighter._merge_matched_tokens(set_matched_filter(tokens, wanted))
        highlighter = Highlighter(fragmenter=fragmenter, formatter=formatter)
        fragments = top_fragments(fragmenter.fragment_tokens(text, merged), TOP_FRAGMENTS,
                                  highlighter.scorer, highlighter.order, minscore=1)
        return formatter.format(fragments)
    return mark
