"""`evaluate-search`: the search scored on a labelled corpus with queries, written by the test."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from search_service.cli import cli

PAGES = {
    "roads": ("https://roads.example.gov.uk/mgAi.aspx?ID=1",
              "Councillor Ahmed asked how long pothole repairs took on rural roads. The Head of "
              "Highways replied that repairs were made within 28 days.\n\n"
              "RESOLVED that the highways report be noted."),
    "care": ("https://care.example.gov.uk/mgAi.aspx?ID=2",
             "Members asked about waiting times for Child and Adolescent Mental Health Services. "
             "The Director said that the average wait had fallen to twelve weeks.\n\n"
             "The Panel welcomed the new foster carer recruitment campaign."),
    "parish": ("https://parish.example.gov.uk/minutes/3",
               "The Clerk reported that the village hall roof had been repaired.\n\n"
               "It was agreed to pay the invoice for the bus shelter cleaning."),
}
LABELS = {
    "roads": [{"kind": "qa", "snippet": "Councillor Ahmed asked how long pothole repairs took"},
              {"kind": "decision", "snippet": "RESOLVED that the highways report be noted"}],
    "care": [{"kind": "qa", "snippet": "Members asked about waiting times for Child"},
             {"kind": "statement", "snippet": "The Panel welcomed the new foster carer"}],
    "parish": [{"kind": "statement", "snippet": "The Clerk reported that the village hall roof"},
               {"kind": "decision", "snippet": "It was agreed to pay the invoice"}],
}
QUERIES = [
    {"query": "how long do pothole repairs take", "doc": "roads",
     "snippet": "Councillor Ahmed asked how long pothole repairs took"},
    {"query": "CAMHS waiting times", "doc": "care",
     "snippet": "Members asked about waiting times for Child"},
    {"query": "foster carers", "doc": "care", "snippet": "The Panel welcomed the new foster carer"},
    {"query": "bus shelter invoice", "doc": "parish",
     "snippet": "It was agreed to pay the invoice"},
    {"query": "zebra crossing quango", "doc": "parish",
     "snippet": "The Clerk reported that the village hall roof"},
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for folder in ("docs", "labels"):
        (tmp_path / folder).mkdir()
    for name, (url, text) in PAGES.items():
        (tmp_path / "docs" / f"{name}.json").write_text(json.dumps({"url": url, "text": text}))
        (tmp_path / "labels" / f"{name}.json").write_text(json.dumps({"units": LABELS[name]}))
    (tmp_path / "queries.json").write_text(json.dumps(QUERIES))
    return tmp_path


def evaluate_search(*args: str) -> str:
    result = CliRunner().invoke(cli, ["evaluate-search", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_search_is_scored_with_mrr_hits_and_searches_that_found_nothing(corpus):
    assert evaluate_search(str(corpus)).splitlines()[-1] == (
        "queries=5 mrr10=0.800 hit1=0.800 hit10=0.800 zero_results=0.200")


def test_verbose_lists_the_searches_that_missed_rank_one(corpus):
    output = evaluate_search("-v", str(corpus))
    assert "rank None (0 hits): zebra crossing quango  [parish]" in output


def test_hosts_choose_the_searches_scored_with_every_page_still_indexed(corpus, tmp_path):
    hosts = tmp_path / "hosts.txt"
    hosts.write_text("care.example.gov.uk\n")
    assert evaluate_search("--hosts", str(hosts), str(corpus)).startswith("queries=2 ")
    assert evaluate_search("--exclude-hosts", str(hosts), str(corpus)).startswith("queries=3 ")


def test_grouped_scoring_counts_an_answer_behind_two_passages_of_its_item_as_missed(corpus):
    roads = corpus / "docs" / "roads.json"
    page = json.loads(roads.read_text())
    others = [f"Councillor Lee asked about pothole repairs on road {n}. The officer replied that "
              f"pothole repairs were due." for n in range(2)]
    # (a paragraph apart, so that the answer does not follow a passage that matches)
    page["text"] = "\n\n".join([*others, "The meeting turned to other business.", page["text"]])
    roads.write_text(json.dumps(page))
    query = [{"query": "pothole repairs", "doc": "roads",
              "snippet": "Councillor Ahmed asked how long pothole repairs took"}]
    (corpus / "queries.json").write_text(json.dumps(query))
    assert evaluate_search("-v", str(corpus)).startswith("rank 3 ")
    assert "rank None" in evaluate_search("-v", "--group", str(corpus))


def test_a_folder_without_queries_is_a_clear_error(corpus):
    (corpus / "queries.json").unlink()
    result = CliRunner().invoke(cli, ["evaluate-search", str(corpus)])
    assert result.exit_code == 1 and "no queries to score" in result.output
