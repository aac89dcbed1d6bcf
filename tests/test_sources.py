"""Readers: plain text decoding, the .jsonl bulk format and its per-line errors."""
import datetime as dt
import json

import pytest

from search_service.model import Document
from search_service.sources import SourceError, read_paths
from search_service.sources.text import decode_bytes


@pytest.mark.parametrize("data, expected", [
    ("Minutes: · point".encode("utf-8"), "Minutes: · point"),
    (b"\xef\xbb\xbfMinutes:", "Minutes:"),
    ("Minutes: \u2019quoted\u2019".encode("cp1252"), "Minutes: \u2019quoted\u2019"),
    ("Minutes:".encode("utf-16"), "Minutes:"),
])
def test_decode_bytes_handles_council_encodings(data, expected):
    assert decode_bytes(data) == expected


def test_binary_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x00\x01\x02PK\x00")
    [error] = read_paths([str(path)])
    assert isinstance(error, SourceError)
    assert error.location == str(path) and "binary" in error.reason


def test_missing_and_unsupported_paths_are_reported(tmp_path):
    (tmp_path / "minutes.docx").write_bytes(b"PK\x03\x04")
    errors = list(read_paths([str(tmp_path / "nope.txt"), str(tmp_path / "minutes.docx")]))
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'nope.txt'}: no such file or directory",
        f"{tmp_path / 'minutes.docx'}: unsupported file type '.docx'; "
        "expected one of .txt, .html, .htm, .jsonl, .pdf",
    ]


def test_directories_are_read_recursively_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Minutes:\n\nSecond.")
    (tmp_path / "a.txt").write_text("Minutes:\n\nFirst.")
    (tmp_path / "notes.md").write_text("ignored")
    docs = list(read_paths([str(tmp_path)]))
    assert [d.text.split()[-1] for d in docs] == ["First.", "Second."]


def write_jsonl(path, lines):
    path.write_text("\n".join(l if isinstance(l, str) else json.dumps(l, ensure_ascii=False) for l in lines) + "\n",
                    encoding="utf-8")


def test_jsonl_reads_hints_and_ignores_unknown_keys(tmp_path):
    path = tmp_path / "bulk.jsonl"
    write_jsonl(path, [{"url": "https://council.example/mgAi.aspx?ID=1", "text": "Minutes:\n\nA.",
                        "council": "Worcestershire", "committee": "Cabinet",
                        "meeting_date": "2018-10-02", "item_title": "Budget",
                        "item_number": 5, "colour": "blue"}])
    [doc] = read_paths([str(path)])
    assert doc == Document(source=str(path), url="https://council.example/mgAi.aspx?ID=1",
                           text="Minutes:\n\nA.", council="Worcestershire", committee="Cabinet",
                           meeting_date=dt.date(2018, 10, 2), item_title="Budget",
                           item_number="5")


def test_jsonl_html_is_turned_into_page_text(tmp_path):
    path = tmp_path / "bulk.jsonl"
    write_jsonl(path, [{"url": "u", "html": "<p>Minutes:</p><ul><li>First &amp; best</li></ul>"}])
    [doc] = read_paths([str(path)])
    assert "First & best" in doc.text and "<li>" not in doc.text


def test_jsonl_bad_lines_are_reported_with_file_and_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "bulk.jsonl"
    write_jsonl(path, [
        {"url": "u1", "text": "one"},
        "{not json",
        {"text": "no url"},
        {"url": "u4"},
        {"url": "u5", "text": "five", "meeting_date": "2nd October"},
        "",
        {"url": "u7", "text": "line\u2028separator inside a string"},
    ])
    results = list(read_paths([str(path)]))
    assert [d.url for d in results if isinstance(d, Document)] == ["u1", "u7"]
    errors = [str(e) for e in results if isinstance(e, SourceError)]
    assert errors[0].startswith(f"{path}:2: invalid JSON")
    assert errors[1] == f"{path}:3: missing 'url' (a non-empty string identifying the page)"
    assert errors[2] == f"{path}:4: needs 'text', 'html' or 'pdf' (a non-empty string)"
    assert errors[3].startswith(f"{path}:5: 'meeting_date' '2nd October' is not an ISO date")


def test_jsonl_half_surrogate_escapes_are_replaced_not_fatal(tmp_path):
    path = tmp_path / "bulk.jsonl"
    path.write_text('{"url": "u", "text": "Minutes: caf\\udce9 closed"}\n', encoding="utf-8")
    [doc] = read_paths([str(path)])
    assert doc.text == "Minutes: caf? closed"
    doc.text.encode("utf-8")


def test_jsonl_files_of_any_size_are_streamed_and_an_oversized_line_is_skipped(tmp_path):
    from search_service.sources.text import MAX_BYTES

    path = tmp_path / "bulk.jsonl"
    page = "Minutes:\n\n" + "The Committee noted the report. " * 3000
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"url": "huge", "text": "x" * (MAX_BYTES + 10)}) + "\n")
        for number in range(MAX_BYTES // len(page) + 20):
            handle.write(json.dumps({"url": f"u{number}", "text": page}) + "\n")
    assert path.stat().st_size > MAX_BYTES
    results = list(read_paths([str(path)]))
    assert str(results[0]) == f"{path}:1: line is over 20 MB; a record is one page of minutes"
    assert all(isinstance(d, Document) for d in results[1:])
    assert results[1].url == "u0" and len(results) == MAX_BYTES // len(page) + 21


def test_jsonl_with_a_byte_order_mark_and_windows_1252_bytes(tmp_path):
    path = tmp_path / "bulk.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + '{"url": "u", "text": "caf\xe9 \x93quoted\x94"}\n'.encode("latin-1"))
    [doc] = read_paths([str(path)])
    assert doc.text == "caf\u00e9 \u201cquoted\u201d"


def test_a_binary_file_named_jsonl_is_one_error_not_one_per_line(tmp_path):
    path = tmp_path / "bulk.jsonl"
    path.write_bytes(b"\x00\x01\x02\x03\n" * 100 + bytes(range(256)))
    [error] = read_paths([str(path)])
    assert str(error) == f"{path}: looks like a binary file, not text"
