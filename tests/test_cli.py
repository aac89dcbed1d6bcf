"""The command-line contract: split, index and search as other tools drive them."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from search_service.cli import cli
from tests.support.minutes import SEED


@pytest.fixture
def runner():
    return CliRunner()


def run(runner, *args):
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


def json_lines(output):
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_split_json_gives_the_seed_passages(runner):
    result = run(runner, "split", "--json", SEED)
    assert result.exit_code == 0
    passages = json_lines(result.output)
    assert {p["source"] for p in passages} == {str(SEED)}
    statements = [p for p in passages if p["kind"] == "statement"
                  and p["speaker"] == "the Independent Chair"]
    qas = [p for p in passages if p["kind"] == "qa"]
    assert len(statements) == 8 and len(qas) == 11
    sharing = next(p for p in qas if "information sharing" in p["text"])
    assert sharing["question"] == "whether information sharing was still a problem"
    assert sharing["answer"].startswith("Members were informed that although things had improved")
    for passage in passages:
        assert set(passage) >= {"source", "kind", "text", "question", "answer", "speaker"}


def test_split_human_output_shows_question_and_answer(runner):
    result = run(runner, "split", SEED)
    assert "Q: whether information sharing was still a problem" in result.output
    assert "A: Members were informed" in result.output


@pytest.fixture
def bulk(tmp_path):
    path = tmp_path / "bulk.jsonl"
    lines = [
        {"url": "https://council.example/mgAi.aspx?ID=7", "council": "Exampleshire",
         "committee": "Cabinet", "meeting_date": "2019-03-05", "item_title": "Libraries",
         "text": "Agenda item\n\nLibraries\n\nMinutes:\n\nCouncillor Smith asked whether the "
                 "mobile library would continue. The Cabinet Member replied that it would run "
                 "until 2020.\n\nRESOLVED that the library strategy be approved."},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_index_then_search_ranks_the_information_sharing_answer_first(runner, engine, tmp_path,
                                                                     bulk):
    index = tmp_path / "ix"
    result = run(runner, "index", "--engine", engine, "--index", index, SEED, bulk)
    assert result.exit_code == 0, result.output
    assert "2 documents read, 0 unchanged" in result.output
    hits = json_lines(run(runner, "search", "--index", index, "--json",
                          "information sharing").output)
    assert hits[0]["kind"] == "qa"
    assert hits[0]["question"] == "whether information sharing was still a problem"
    assert set(hits[0]) >= {"id", "score", "kind", "text", "question", "answer", "speaker",
                            "council", "committee", "meeting_date", "item_title", "url"}


def test_second_index_run_reports_no_changes(runner, engine, tmp_path, bulk):
    index = tmp_path / "ix"
    run(runner, "index", "--engine", engine, "--index", index, SEED, bulk)
    again = run(runner, "index", "--index", index, SEED, bulk)
    assert again.exit_code == 0
    assert again.output.strip() == ("2 documents read, 2 unchanged, 0 passages added, "
                                    "0 removed, 0 errors (index already up to date)")


def test_broken_jsonl_line_is_named_and_the_good_lines_are_indexed(runner, engine, tmp_path, bulk):
    broken = tmp_path / "broken.jsonl"
    broken.write_text(bulk.read_text() + '{"url": "half a line\n', encoding="utf-8")
    index = tmp_path / "ix"
    result = runner.invoke(cli, ["index", "--engine", engine, "--index", str(index), str(broken)])
    assert result.exit_code == 1
    assert f"error: {broken}:2: invalid JSON" in result.output
    hits = json_lines(run(runner, "search", "--index", index, "--json", "mobile library").output)
    assert hits and hits[0]["council"] == "Exampleshire"
    assert hits[0]["meeting_date"] == "2019-03-05"


def test_search_filters_and_facet_counts(runner, engine, tmp_path, bulk):
    index = tmp_path / "ix"
    run(runner, "index", "--engine", engine, "--index", index, SEED, bulk)
    qa_only = json_lines(run(runner, "search", "--index", index, "--json", "--kind", "decision",
                             "--committee", "Cabinet", "library").output)
    assert [h["kind"] for h in qa_only] == ["decision"]
    dated = json_lines(run(runner, "search", "--index", index, "--json", "--from", "2019-01-01",
                           "--to", "2019-12-31", "library").output)
    assert dated and all(h["meeting_date"].startswith("2019") for h in dated)
    human = run(runner, "search", "--index", index, "library").output
    assert "kind: " in human and "committee: Cabinet" in human
    # meetings named as people know them, never by their ids
    meeting_line = next(line for line in human.splitlines() if line.startswith("meeting: "))
    assert "Cabinet, 5 March 2019" in meeting_line
    assert not re.search(r"\b[0-9a-f]{16}\b", meeting_line)


def test_search_without_an_index_says_how_to_make_one(runner, tmp_path):
    result = runner.invoke(cli, ["search", "--index", str(tmp_path / "none"), "anything"])
    assert result.exit_code == 1
    assert "no index in" in result.output and "search-service index" in result.output
    assert "Traceback" not in result.output


def test_search_rejects_an_overlong_query_with_a_clear_message(runner, engine, tmp_path):
    run(runner, "index", "--engine", engine, "--index", tmp_path, SEED)
    result = runner.invoke(cli, ["search", "--index", str(tmp_path), "x" * 600])
    assert result.exit_code == 1 and "the limit is 500" in result.output


def test_module_entry_point_and_default_index_from_environment(tmp_path):
    env_index = tmp_path / "env-index"
    subprocess.run([sys.executable, "-m", "search_service", "index", str(SEED)], check=True,
                   capture_output=True, cwd=tmp_path,
                   env={"SEARCH_SERVICE_INDEX": str(env_index), "PATH": "/usr/bin:/bin",
                        "PYTHONPATH": str(Path(__file__).parents[1])})
    assert any(env_index.glob("*.toc"))


def test_evaluate_prints_the_splitter_figures_for_a_labelled_folder(runner):
    corpus = Path(__file__).parent / "data" / "segment" / "corpus"
    result = run(runner, "evaluate", corpus)
    assert result.exit_code == 0
    assert "docs=3" in result.output and "coverage=" in result.output


def test_evaluate_names_a_folder_without_labels(runner, tmp_path):
    result = runner.invoke(cli, ["evaluate", str(tmp_path)])
    assert result.exit_code == 1 and str(tmp_path) in result.output


def test_help_names_every_command_in_whole_words(runner):
    result = runner.invoke(cli, ["--help"], terminal_width=80)
    commands = result.output.split("Commands:")[1].strip().splitlines()
    assert len(commands) >= 10 and not any(line.endswith("...") for line in commands)


def test_search_all_exports_every_hit_beyond_a_hundred(runner, engine, tmp_path):
    minutes = "\n\n".join(f"Point {n}: the pothole on road {n} was repaired." for n in range(150))
    (tmp_path / "roads.txt").write_text(minutes, encoding="utf-8")
    run(runner, "index", "--engine", engine, "--index", tmp_path / "ix", tmp_path / "roads.txt")
    hits = json_lines(run(runner, "search", "--index", tmp_path / "ix", "--json", "--all",
                          "pothole").output)
    assert len(hits) == len({hit["id"] for hit in hits}) > 100


@pytest.fixture
def roads_index(runner, engine, tmp_path):
    """Five points of one agenda item on potholes, and one of another item."""
    points = "\n\n".join(f"Point {n}: the pothole on road {n} was repaired." for n in range(5))
    (tmp_path / "roads.txt").write_text(points, encoding="utf-8")
    (tmp_path / "lanes.txt").write_text("A pothole in the lane was reported.", encoding="utf-8")
    run(runner, "index", "--engine", engine, "--index", tmp_path / "ix", tmp_path)
    return tmp_path / "ix"


def test_search_json_lists_every_passage_of_an_item_in_rank_order(runner, roads_index):
    hits = json_lines(run(runner, "search", "--index", roads_index, "--json", "pothole").output)
    assert len(hits) == 6 and {hit["more_in_item"] for hit in hits} == {0}


def test_search_groups_by_item_as_the_page_does_when_asked(runner, roads_index):
    hits = json_lines(run(runner, "search", "--index", roads_index, "--json", "--group",
                          "pothole").output)
    roads = [hit for hit in hits if hit["url"].endswith("roads.txt")]
    assert len(hits) == 3 and len(roads) == 2 and {hit["more_in_item"] for hit in roads} == {3}
    shown = run(runner, "search", "--index", roads_index, "pothole").output
    assert "(showing 1–3)" in shown and "3 more from this item" in shown


def test_the_index_log_names_each_document_of_a_bulk_file(runner, engine, tmp_path):
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text("\n".join(json.dumps({"url": f"https://example.gov.uk/mgAi.aspx?ID={n}",
                                          "text": f"The Panel noted report {n}."})
                              for n in range(2)), encoding="utf-8")
    result = run(runner, "index", "--engine", engine, "--index", tmp_path / "ix", bulk)
    for n in range(2):
        assert f"indexed https://example.gov.uk/mgAi.aspx?ID={n} (from {bulk})" in result.output
