"""Printed minutes (PDF): text as a reader sees it, the seed printed and split, bad files named."""
from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from search_service.cli import cli
from search_service.model import Document
from search_service.pipeline.indexing import index_paths
from search_service.segment import split_document
from search_service.sources import SourceError, read_paths
from search_service.sources import pdf as pdf_reader
from search_service.sources.pdf import NO_TEXT, read_pdf_bytes
from search_service.sources.pdf_layout import Run, page_text_lines, printed_text
from tests.support.minutes import SEED
from tests.support.moderngov_site import FakeModernGov
from tests.support.moderngov_site.pages import printed_minutes_path
from tests.support.moderngov_site.printed_minutes import (Bullet, Columns, Heading, Layout, Para,
                                                          Table, printed, scanned, seed_blocks)

PANEL = "Children and Families Overview and Scrutiny Panel"
HEADER = f"{PANEL} - 2 October 2018"
LONG = ("The Panel considered the report of the Director of Children's Services, which set out "
        "the progress made since the inspection and the priorities for the coming year, including "
        "the recruitment and retention of social workers, the stability of placements for looked "
        "after children and the timeliness of assessments. ")


def text_of(blocks, **layout) -> str:
    return read_pdf_bytes(printed(blocks, **layout)).text


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    blocks = seed_blocks(SEED.read_text(encoding="utf-8"), committee=PANEL,
                         date_line="Tuesday, 2 October 2018 at 10.00 am")
    layout = Layout(header=HEADER).add(blocks)
    assert len(layout.pages) == 2
    return layout.pdf()


def test_the_seed_printed_splits_like_the_seed_page(seed_pdf, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(seed_pdf)
    [document] = read_paths([str(path)])
    passages = split_document(document)
    page = split_document(Document(source="seed", url="seed",
                                   text=SEED.read_text(encoding="utf-8")))

    def shape(found):
        return [(p.kind, p.text, p.question, p.answer, p.speaker, p.asked_by, p.answered_by)
                for p in found]

    assert shape(p for p in passages if p.item.number == "612") == shape(page)
    chair = [p for p in passages if p.speaker == "the Independent Chair" and p.kind == "statement"]
    questions = [p for p in passages if p.kind == "qa"]
    assert len(chair) == 8 and len(questions) == 11
    sharing = next(p for p in questions if "information sharing" in p.text)
    assert sharing.question == "whether information sharing was still a problem"
    [decision] = [p for p in passages if p.item.number == "613" and p.kind == "decision"]
    assert decision.text.startswith("RESOLVED that the performance")
    assert decision.item.title == "Performance and In-Year Budget Monitoring"
    assert {(p.meeting.committee, p.meeting.date) for p in passages} == {
        (PANEL, dt.date(2018, 10, 2))}
    for passage in passages:
        assert "2 October 2018" not in passage.text and "Page " not in passage.text


def test_split_command_reads_a_pdf(seed_pdf, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(seed_pdf)
    result = CliRunner().invoke(cli, ["split", "--json", str(path)])
    assert result.exit_code == 0, result.output
    kinds = [json.loads(line)["kind"] for line in result.output.splitlines()]
    assert kinds.count("qa") == 11 and kinds[-1] == "decision"


@pytest.mark.parametrize("layout", [
    pytest.param({"header": "Cabinet - 12/10/2023", "footer": "Page {page} of {pages}"},
                 id="header-and-page-n-of-m"),
    pytest.param({"header": None, "footer": "{page}"}, id="bare-page-number"),
    pytest.param({"header": "Planning Committee", "footer": "Chairman's initials ........ "
                  "- {page} -"}, id="initials-footer"),
])
def test_running_headers_footers_and_page_numbers_are_left_out(layout):
    text = text_of([Para(LONG * 3) for _ in range(8)], **layout)
    assert text.split("\n\n") == [" ".join((LONG * 3).split())] * 8
    for word in ("Cabinet", "Page", "Planning", "initials"):
        assert word not in text


def test_a_paragraph_runs_on_across_a_page_break_and_hyphenated_words_are_whole():
    layout = Layout(header=HEADER).add([Para(LONG * 3) for _ in range(6)])
    assert len(layout.pages) == 2
    raw = "".join(run[3] for page in layout.pages for run in page.runs)
    assert "-" in raw.replace("Children's", "")  # the layout did break words
    paragraphs = read_pdf_bytes(layout.pdf()).text.split("\n\n")
    assert paragraphs == [" ".join((LONG * 3).split())] * 6


def test_two_columns_are_read_one_after_the_other():
    left = "The first column tells of the budget. " * 6
    right = "The second column tells of the housing plans. " * 6
    text = text_of([Para("Minutes of the meeting"), Columns((left.strip(), right.strip())),
                    Para("The meeting closed at 8.15 pm.")], hyphenate=False)
    assert text.split("\n\n") == ["Minutes of the meeting", left.strip(), right.strip(),
                                  "The meeting closed at 8.15 pm."]


def test_a_table_keeps_its_rows_in_order_with_cells_apart():
    text = text_of([Para("The votes were recorded as follows:"),
                    Table((("Councillor", "Vote", "Ward"), ("Cllr A Green", "For", "North"),
                           ("Cllr B Moss", "Against", "South"))),
                    Para("RESOLVED that the motion be carried.")])
    assert text.split("\n\n") == ["The votes were recorded as follows:", "Councillor\tVote\tWard",
                                  "Cllr A Green\tFor\tNorth", "Cllr B Moss\tAgainst\tSouth",
                                  "RESOLVED that the motion be carried."]


@pytest.mark.parametrize("number, title", [
    ("612", "Apologies for Absence"), ("12.", "Declarations of Interest"),
    ("Minute 45/23", "Public Participation"),
])
def test_numbered_items_are_headings_the_splitter_finds(number, title):
    blocks = [Para("Minutes of the meeting of the Parish Council held on 4 March 2024", bold=True),
              Para("Present: Councillors Ash, Birch and Elm"),
              Heading(number, title), Para("There were none."),
              Heading(number.replace("612", "613").replace("12.", "13.").replace("45/", "46/"),
                      "Planning Applications"),
              Bullet("The Council noted the applications received since the last meeting."),
              Para("RESOLVED that the clerk respond to the planning authority.")]
    document = Document(source="p", url="p", text=text_of(blocks))
    passages = split_document(document)
    assert [(p.item.title, p.kind) for p in passages] == [
        (title, "statement"), ("Planning Applications", "decision"),
        ("Planning Applications", "decision")]
    assert {p.meeting.committee for p in passages} == {"Parish Council"}


@pytest.mark.parametrize("lines, expected", [
    pytest.param([("The Committee agreed to a multi-", 300), ("agency review.", 150)],
                 "The Committee agreed to a multiagency review.", id="hyphen-joined"),
    pytest.param([("a well-being plan; the well-", 300), ("being of staff.", 150)],
                 "a well-being plan; the well-being of staff.", id="known-compound-kept"),
    pytest.param([("The review of South-", 300), ("West Water was noted.", 150)],
                 "The review of South-West Water was noted.", id="capital-after-hyphen"),
    pytest.param([("The budget for 2017-", 300), ("18 was agreed.", 150)],
                 "The budget for 2017-18 was agreed.", id="years"),
    pytest.param([("Page 3 of 9", 80)], "", id="page-number-alone"),
])
def test_lines_join_as_words_and_sentences_do(lines, expected):
    runs = [Run(0, 72, 100 + 14 * n, 72 + width, 110 + 14 * n, text)
            for n, (text, width) in enumerate(lines)]
    runs.append(Run(0, 72, 500, 372, 510, "A full line that sets the width of the text column."))
    body = printed_text([page_text_lines(runs, 842)]).split("\n\n")
    assert body[:-1] == ([expected] if expected else [])


def test_heading_in_capitals_gives_committee_and_date():
    committee, date = pdf_reader.read_heading(
        "STRATFORD TOWN COUNCIL\n\nMINUTES OF THE MEETING OF THE PLANNING AND HIGHWAYS "
        "COMMITTEE HELD ON MONDAY 3RD JUNE 2024 AT 7.00 PM")
    assert (committee, date) == ("Planning and Highways Committee", dt.date(2024, 6, 3))


def test_hints_given_win_over_the_heading(seed_pdf):
    document = pdf_reader.pdf_document(seed_pdf, source="s", url="u", committee="Cabinet",
                                       meeting_date=dt.date(2019, 1, 1))
    assert (document.committee, document.meeting_date) == ("Cabinet", dt.date(2019, 1, 1))


def bad_files(tmp_path: Path, good: bytes) -> dict[str, Path]:
    files = {
        "encrypted": Layout().add([Para(LONG)]).pdf(encrypt="secret"),
        "corrupt": good[: len(good) // 3],
        "not-a-pdf": b"<html>Sorry, the page you asked for was not found</html>",
        "scanned": scanned(),
        "long": printed([Para(LONG * 3) for _ in range(20)]),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / f"{name}.pdf"
        paths[name].write_bytes(data)
    return paths


def test_bad_pdfs_are_named_with_what_to_do_and_the_rest_is_read(seed_pdf, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 3)
    paths = bad_files(tmp_path, seed_pdf)
    (tmp_path / "good.pdf").write_bytes(seed_pdf)
    results = list(read_paths([str(tmp_path)]))
    errors = {Path(e.location).stem: e.reason for e in results if isinstance(e, SourceError)}
    assert errors == {
        "corrupt": "not a readable PDF (corrupt or cut short): re-download or re-save the file",
        "encrypted": "PDF is encrypted (needs a password): save a copy without a password to "
                     "index it",
        "long": "PDF has 4 pages; the limit is 3: split the file",
        "not-a-pdf": "not a PDF (no %PDF- header): re-download the file",
        "scanned": NO_TEXT,
    }
    assert {e.location for e in results if isinstance(e, SourceError)} == {
        str(p) for p in paths.values()}
    [good] = [d for d in results if isinstance(d, Document)]
    assert good.committee == PANEL
    report = index_paths(tmp_path / "index", [str(tmp_path)])
    assert len(report.errors) == 5 and report.passages_added == 23


def test_a_page_of_far_too_many_characters_is_refused_by_page(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_CHARS", 500)
    with pytest.raises(pdf_reader.PdfError, match=r"^page 1: over 500 characters on one page"):
        read_pdf_bytes(printed([Para(LONG * 3)]))


def test_reading_is_given_up_after_the_time_limit(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_SECONDS", -1.0)
    with pytest.raises(pdf_reader.PdfError, match=r"^page 1: reading took over -1 s"):
        read_pdf_bytes(printed([Para(LONG)]))


def test_jsonl_pdf_as_path_base64_or_data_uri_with_hints(seed_pdf, tmp_path):
    (tmp_path / "printed").mkdir()
    (tmp_path / "printed" / "m.pdf").write_bytes(seed_pdf)
    encoded = base64.b64encode(seed_pdf).decode("ascii")
    path = tmp_path / "bulk.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"pdf": "printed/m.pdf", "council": "Worcestershire"},
        {"url": "https://council.example/m.pdf", "pdf": encoded, "committee": "Cabinet"},
        {"url": "u3", "pdf": "data:application/pdf;base64," + encoded},
        {"pdf": encoded},
        {"url": "u5", "pdf": "missing.pdf"},
        {"url": "u6", "pdf": "data:application/pdf;base64,@@@"},
    ]) + "\n", encoding="utf-8")
    results = list(read_paths([str(path)]))
    documents = [d for d in results if isinstance(d, Document)]
    assert [(d.url, d.council, d.committee) for d in documents] == [
        (str((tmp_path / "printed" / "m.pdf").resolve()), "Worcestershire", PANEL),
        ("https://council.example/m.pdf", None, "Cabinet"),
        ("u3", None, PANEL)]
    assert len({d.text for d in documents}) == 1
    assert [str(e) for e in results if isinstance(e, SourceError)] == [
        f"{path}:4: missing 'url' (a non-empty string identifying the page): a 'pdf' given in "
        "base64 needs one",
        f"{path}:5: 'pdf' names no file: {tmp_path / 'missing.pdf'}",
        f"{path}:6: 'pdf' is neither a path, a URL nor base64 (invalid base64)"]


def test_jsonl_pdf_by_url_is_fetched_and_a_missing_one_named(tmp_path):
    with FakeModernGov() as fake:
        meeting = fake.meeting("3301")
        url = f"{fake.base_url}/{printed_minutes_path(meeting, fake.committee('330'))}"
        gone = fake.base_url + "/documents/g1/gone.pdf"
        path = tmp_path / "bulk.jsonl"
        path.write_text(json.dumps({"pdf": url}) + "\n" + json.dumps({"pdf": gone}) + "\n",
                        encoding="utf-8")
        document, error = read_paths([str(path)])
    assert (document.url, document.committee, document.meeting_date) == (
        url, "Licensing Committee", dt.date(2019, 6, 18))
    assert str(error) == f"{path}:2: cannot fetch 'pdf': {gone}: HTTP 404 Not Found"
