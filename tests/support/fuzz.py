"""Hostile inputs and queries, and the checks each must pass: the generators of
`tests/test_fuzz_*.py` and of `python -m benchmarks.fuzz` (whose docstring tells what is fuzzed).

An input file must end as passages or as a SourceError naming it; a query must be answered or
refused with a message, never a 500.
"""
from __future__ import annotations

import json
import random
import string
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from hypothesis import strategies as st

from search_service.engine.schema import FACET_COLUMNS
from search_service.model import Document
from search_service.segment import split_document
from search_service.sources import SourceError, read_file
from search_service.sources.text import MAX_BYTES

# --- the input side -------------------------------------------------------------------------

MINUTES_LINES = [
    "Minutes:", "RESOLVED that the report be noted.", "RESOLVED:", "(a) the plan be approved;",
    "In response to a question about the budget, the officer advised that it was on track.",
    "Councillor Smith asked whether the bridge would reopen. The Leader replied that it would.",
    "Question: When will the road be repaired?", "Response: In March.", "· a bullet point",
    "1. a numbered point", "The following points were raised:", "Agenda item", "No. Item",
    "Cabinet - Tuesday, 2nd October, 2018 2.00 pm", "Meeting: 09/02/2017 - Council (Item 144)",
    "Supporting documents:", "Minutes of 15 October pdf icon PDF 175 KB", "Agenda and minutes",
]
TAGS = ["p", "div", "span", "b", "i", "li", "ul", "ol", "table", "tr", "td", "th", "br", "font",
        "script", "style", "a", "h2", "pre", "select", "svg", "template", "iframe"]
ATTRIBUTES = ['class="mgAiTitleTxt"', 'class="mgItemTable"', 'id="modgov"', 'style="display:none"',
              'class="mgWordPara"', 'type="a"', 'start="-3"', 'start="x"', 'type="i"',
              'href="mgConvert2PDF.aspx?ID=1"', 'hidden', 'onclick="alert(1)"']
ENCODINGS = ["utf-8", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "utf-8-sig"]


@st.composite
def minutes_text(draw: st.DrawFn) -> str:
    """Page text from minutes-like lines, random words and odd characters."""
    pieces = draw(st.lists(st.one_of(st.sampled_from(MINUTES_LINES), st.text(max_size=40)),
                           max_size=30))
    separators = draw(st.lists(st.sampled_from(["\n", "\n\n", " ", "\r\n", "\u2028", "\t"]),
                               min_size=len(pieces), max_size=len(pieces)))
    return "".join(piece + sep for piece, sep in zip(pieces, separators))


@st.composite
def markup(draw: st.DrawFn) -> str:
    """Markup of ModernGov-like pieces, unbalanced and cut at a random place."""
    out = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attributes = draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=2))
            out.append(f"<{tag}{''.join(' ' + a for a in attributes)}>")
        elif kind == 1:
            out.append(f"</{tag}>")
        elif kind == 2:
            out.append(draw(st.sampled_from(MINUTES_LINES)))
        elif kind == 3:
            out.append(draw(st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&bogus;", "<!--",
                                             "-->", "<![CDATA[", "<?xml version='1.0'?>",
                                             "\x00", "\x01", "\ufeff", "\uf0b7"])))
        else:
            out.append(draw(st.text(max_size=20)))
    text = "".join(out)
    return text[:draw(st.integers(0, len(text)))] if draw(st.booleans()) else text


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str]) -> bytes:
    """Text in a random encoding, sometimes with a second encoding pasted in, sometimes cut."""
    first = draw(text).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if draw(st.booleans()):
        first += draw(text).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    return first[:draw(st.integers(0, len(first)))] if draw(st.booleans()) else first


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5),
                                                                      children, max_size=3),
    max_leaves=10)


@st.composite
def jsonl_line(draw: st.DrawFn) -> str:
    """One bulk-format line: a plausible record with random values, or anything at all."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.text(max_size=60)).replace("\n", " ")
    record = {key: draw(st.one_of(JSON_VALUES, st.text(max_size=30)))
              for key in draw(st.lists(st.sampled_from(
                  ["url", "text", "html", "council", "committee", "meeting_date", "item_title",
                   "item_number", "meeting_url", "extra"]), unique=True))}
    if draw(st.booleans()):
        record["url"] = draw(st.text(min_size=1, max_size=30))
        record["text" if draw(st.booleans()) else "html"] = draw(
            st.one_of(minutes_text(), markup()))
    return json.dumps(record, ensure_ascii=draw(st.booleans()), allow_nan=True)


def input_files() -> st.SearchStrategy[tuple[str, bytes]]:
    """(suffix, content) of a random input file."""
    return st.one_of(
        st.tuples(st.just(".txt"), encoded(minutes_text())),
        st.tuples(st.sampled_from([".html", ".htm"]), encoded(markup())),
        st.tuples(st.sampled_from([".txt", ".html", ".jsonl"]), st.binary(max_size=2000)),
        st.tuples(st.just(".jsonl"), st.lists(jsonl_line(), max_size=6).map(
            lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))),
    )


def _single_line(size: int) -> str:
    words = "the council noted the report whether asked replied RESOLVED that budget".split()
    rng = random.Random(size)
    return " ".join(rng.choice(words) for _ in range(size // 6))[:size]


# Hand-made hostile files: name -> content. Big ones are built on demand.
HOSTILE_FILES: dict[str, Callable[[], bytes]] = {
    "empty.txt": lambda: b"",
    "blank.html": lambda: b" \n\t\n ",
    "comment-only.html": lambda: b"<!-- nothing else -->",
    "binary.txt": lambda: bytes(range(256)) * 64,
    "png.html": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500),
    "zip.jsonl": lambda: b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
    "truncated.html": lambda: b"<html><body><p>Minutes:</p><p>The Committee noted the rep",
    "nested-divs.html": lambda: ("<div>" * 50_000 + "deep" + "</div>" * 50_000).encode(),
    "unclosed-fonts.html": lambda: ("<p>Minutes:</p>" + "<font>" * 600 + "RESOLVED that it be "
                                    "noted.").encode(),
    "nested-json.jsonl": lambda: ('{"url":"u","text":' + "[" * 50_000 + "]" * 50_000 + "}\n")
    .encode(),
    "single-line-10mb.txt": lambda: ("Minutes:\n\n" + _single_line(10_000_000)).encode(),
    "single-line-10mb.html": lambda: f"<p>Minutes:</p><p>{_single_line(10_000_000)}</p>".encode(),
    "single-line-10mb.jsonl": lambda: json.dumps(
        {"url": "big", "text": "Minutes:\n\n" + _single_line(10_000_000)}).encode(),
    "one-char-lines.txt": lambda: ("Minutes:\n\n" + "a\n" * 500_000).encode(),
    "cp1252.txt": lambda: "Minutes:\n\nThe £5m scheme – it’s agreed.\n".encode("cp1252"),
    "utf16-bom.html": lambda: "<p>Minutes:</p><p>RESOLVED that it be noted.</p>".encode("utf-16"),
    "utf16-le-no-bom.txt": lambda: "Minutes:\n\nThe report was noted.\n".encode("utf-16-le"),
    "mixed-encodings.txt": lambda: ("Minutes:\n\nit’s £5 ".encode("utf-8")
                                    + "and £6 ‘quoted’".encode("cp1252")),
    "lone-surrogate.jsonl": lambda: b'{"url":"s","text":"Minutes:\\n\\nhalf \\ud800 pair"}\n',
    "control-chars.html": lambda: b"<p>Minutes:</p><p>a\x01b\x02c\x1bd\x7fe</p>",
    "over-the-limit.txt": lambda: b"x" * (MAX_BYTES + 1),
}


@dataclass
class InputReport:
    """What the input fuzzing read."""

    files: int = 0
    documents: int = 0
    passages: int = 0
    errors: int = 0
    slowest: tuple[float, str] = (0.0, "")
    reasons: Counter = field(default_factory=Counter)


def check_input(path: Path, report: InputReport | None = None) -> list[Document | SourceError]:
    """Read and split one file as the indexer does; anything but passages or errors naming the
    file raises."""
    started = time.perf_counter()
    found = list(read_file(str(path)))
    for item in found:
        if isinstance(item, SourceError):
            assert item.location.startswith(str(path)), item
            assert item.reason and "Traceback" not in item.reason, item
        else:
            assert isinstance(item, Document)
            for passage in split_document(item):
                assert passage.text.strip() and passage.kind in ("qa", "statement", "decision")
                if report:
                    report.passages += 1
    if report:
        report.files += 1
        report.documents += sum(isinstance(item, Document) for item in found)
        report.errors += sum(isinstance(item, SourceError) for item in found)
        report.reasons.update(item.reason.split(";")[0][:50] for item in found
                              if isinstance(item, SourceError))
        seconds = time.perf_counter() - started
        report.slowest = max(report.slowest, (seconds, path.name))
    return found


# --- the query side --------------------------------------------------------------------------

QUERY_TOKENS = ["AND", "OR", "NOT", "TO", "(", ")", '"', "'", "*", "?", "~", "~2", "^3", "+",
                "-", ":", "[", "]", "{", "}", "\\", "/", "<", ">", "&", "|", "!", "question:",
                "answer:", "q:", "a:", "title:", "item:", "topic:", "date:", "date:[2018 to]",
                "date:2019", "speaker:", "committee:", "council:", "kind:", "year:", "id:",
                "record:", "source_hash:", "meeting_date:[20180101 TO 20191231]", "*ing",
                "<script>alert(1)</script>", "council", "report", "budget", "\u0000", "%00",
                "NaN", "1e309", "ÿ", "你好", "\U0001f600"]
PARAMETERS = ["q", "page", "page_size", "sort", "from", "to", "group", "routine", *FACET_COLUMNS,
              "unknown"]
NUMBERS = ["0", "-1", "1", "2", "999", "1000", "1001", "10" * 20, "1.5", "1e3", " 3 ", "٣",
           "0x10", ""]
VALUES = st.one_of(st.sampled_from(NUMBERS), st.sampled_from(
    ["relevance", "newest", "oldest", "qa", "statement", "decision", "none", "include",
     "2018-10-02", "2018-02-30", "9999-12-31", "0001-01-01", "20181002", "2018-10-02T10:00"]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))


def query_text() -> st.SearchStrategy[str]:
    """Query strings from syntax pieces, words and random characters."""
    return st.lists(st.one_of(st.sampled_from(QUERY_TOKENS),
                              st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)),
                    max_size=25).map(lambda parts: " ".join(parts)
                                     if len(parts) % 2 else "".join(parts))


def search_params() -> st.SearchStrategy[list[tuple[str, str]]]:
    """URL parameters: a query and random other parameters, repeated or not."""
    return st.tuples(query_text(), st.lists(st.tuples(st.sampled_from(PARAMETERS), VALUES),
                                            max_size=6)).map(lambda t: [("q", t[0]), *t[1]])


ENDPOINTS = ["/", "/api/search", "/feed.atom"]
# Queries that cost the most, each with the endpoint it goes to.
PATHOLOGICAL = [
    {"q": "*"}, {"q": "*a*"}, {"q": "*e* *a* *o* *i*"}, {"q": " ".join("*" + c for c in
                                                                      string.ascii_lowercase)},
    {"q": " OR ".join(f"w{n}" for n in range(120))}, {"q": " ".join(["council"] * 250)},
    {"q": " ".join(f"{c}*" for c in string.ascii_lowercase * 9)[:500]},
    {"q": "(" * 240 + "council" + ")" * 240}, {"q": '"' + "the " * 120 + '"'},
    {"q": '"council report"~1000'}, {"q": "council~3 report~3 budget~3 member~3"},
    {"q": "date:[1000 to 3000]"}, {"q": "year:[0 TO 99999999]"}, {"q": "x" * 500},
    {"q": "council", "page": "1000", "page_size": "100"}, {"q": "", "page": "1000"},
    {"q": "council", "page": str(10 ** 30)}, {"q": "council", "page_size": str(10 ** 9)},
    {"q": "council", "sort": "newest", "page": "999"},
    {"q": "NOT NOT NOT"}, {"q": "council AND AND NOT NOT report"},
]


@dataclass
class QueryReport:
    """What the query fuzzing asked and got."""

    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    slowest: tuple[float, str] = (0.0, "")
    failures: list[str] = field(default_factory=list)


def check_query(base: str, endpoint: str, params: list[tuple[str, str]] | dict[str, str],
                report: QueryReport | None = None, timeout: float = 120) -> int:
    """One request: never a 500, a 400 says why; returns the status."""
    url = f"{base}{endpoint}?{urlencode(params)}"
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    seconds = time.perf_counter() - started
    if report:
        report.requests += 1
        report.statuses[status] += 1
        report.slowest = max(report.slowest, (seconds, url[len(base):][:120]))
    assert status in (200, 400), f"{status} for {url}"
    if status == 400:
        if endpoint.startswith("/api/"):
            assert json.loads(body)["error"]["message"], url
        else:
            assert b"Traceback" not in body
    return status
