"""Hostile and broken input files: every one ends as passages or as a clear per-file error.

The short form of `python -m benchmarks.fuzz` (see docs/reliability.md).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search_service.model import Document
from search_service.pipeline.indexing import index_paths
from search_service.sources import SourceError, read_paths
from search_service.sources.html import html_to_text
from search_service.sources.text import MAX_BYTES, decode_bytes
from tests.support.fuzz import HOSTILE_FILES, check_input, input_files

EXAMPLES = 150
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


def test_a_file_over_the_size_limit_says_how_big_it_is(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"x" * (MAX_BYTES + 2**20 // 2))
    error = read_one(path)
    assert isinstance(error, SourceError)
    assert error.reason == "file is 20.5 MB; pages of minutes are under 20 MB"


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hand_made_hostile_files_end_as_passages_or_an_error_naming_the_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(HOSTILE_FILES[name]())
    check_input(path)


def test_an_index_run_over_hostile_files_indexes_the_good_and_names_the_bad(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name in ("binary.txt", "nested-divs.html", "nested-json.jsonl", "cp1252.txt",
                 "utf16-bom.html", "truncated.html", "control-chars.html"):
        (folder / name).write_bytes(HOSTILE_FILES[name]())

    report = index_paths(tmp_path / "index", [str(folder)])

    assert sorted(Path(error.location.split(":")[0]).name for error in report.errors) == [
        "binary.txt", "nested-divs.html", "nested-json.jsonl"]
    assert report.documents == 4 and report.passages_added >= 3


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(file=input_files())
def test_random_files_end_as_passages_or_errors_naming_the_file(tmp_path, file):
    path = tmp_path / f"random{file[0]}"
    path.write_bytes(file[1])
    check_input(path)


@settings(max_examples=EXAMPLES, deadline=None, database=None)
@given(data=st.binary(max_size=3000))
def test_any_bytes_decode_to_text_or_are_called_binary(data):
    try:
        assert isinstance(decode_bytes(data), str)
    except ValueError as exc:
        assert "binary" in str(exc)
