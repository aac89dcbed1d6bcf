"""Hostile and broken input files: every one ends as passages or as a clear per-file error."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from search_service.model import Document
from search_service.sources import SourceError, read_paths
from search_service.sources.html import html_to_text
from search_service.sources.text import decode_bytes

MINUTES = "Minutes:\n\nThe Committee noted the report on school transport.\n"


def read_one(path: Path) -> Document | SourceError:
    [found] = read_paths([str(path)])
    return found


def test_json_nested_thousands_deep_is_an_error_of_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bulk.jsonl"
    deep = '{"url": "u1", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    good = json.dumps({"url": "u2", "text": MINUTES})
    path.write_text(deep + "\n" + good + "\n", encoding="utf-8")

    error, document = read_paths([str(path)])

    assert isinstance(error, SourceError) and error.location == f"{path}:1"
    assert "nested too deeply" in error.reason
    assert isinstance(document, Document) and document.url == "u2"


@pytest.mark.parametrize("depth", [300, 900])
def test_markup_nested_hundreds_deep_keeps_all_its_text(depth: int) -> None:
    markup = "<p>before</p>" + "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p>"
    assert html_to_text(markup) == "before\n\ndeep text\n\nafter"


def test_markup_nested_too_deep_to_read_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "item.html"
    path.write_text("<p>Minutes:</p>" + "<font>" * 50_000 + "text", encoding="utf-8")

    error = read_one(path)

    assert isinstance(error, SourceError) and error.location == str(path)
    assert "nested too deeply" in error.reason


def test_ten_megabyte_paragraph_in_html_is_read_with_the_rest_of_the_page(tmp_path: Path) -> None:
    path = tmp_path / "item.html"
    line = "the council noted the report " * 350_000  # over libxml2's 10 MB text node limit
    path.write_text(f"<p>Minutes:</p><p>{line}</p><p>Closing paragraph.</p>", encoding="utf-8")

    document = read_one(path)

    assert isinstance(document, Document)
    assert document.text.endswith("Closing paragraph.") and len(document.text) > 10_000_000


@pytest.mark.parametrize("data, expected", [
    # UTF-8 and Windows-1252 pasted into one page: each part keeps its characters.
    ("it’s £5 – ".encode("utf-8") + "it’s £6".encode("cp1252"), "it’s £5 – it’s £6"),
    ("Minutes: the Committee noted".encode("utf-16-le"), "Minutes: the Committee noted"),
    ("Minutes: the Committee noted".encode("utf-16-be"), "Minutes: the Committee noted"),
])
def test_mixed_and_bomless_encodings_decode_to_their_text(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected
