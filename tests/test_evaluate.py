"""The evaluation command's library: scores of the splitter on a small labelled corpus."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from search_service.cli import cli
from search_service.evaluate import (CorpusError, evaluate_corpus, format_report, host_of,
                                     read_hosts)

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "segment" / "corpus"
# Minutes written for these tests: a question answered, a statement and a decision.
PAGE = """Minutes:
Councillor Amber asked when the footbridge on Mill Lane would reopen. The Head of Highways \
replied that the repairs would finish in May.
The Head of Highways presented the annual report on the condition of the roads.
RESOLVED that the report be noted.
"""
UNITS = [
    {"kind": "qa", "snippet": "Councillor Amber asked when the footbridge",
     "q": "when the footbridge on Mill Lane would reopen", "a": "the repairs would finish in May"},
    {"kind": "statement", "snippet": "presented the annual report on the condition"},
    {"kind": "decision", "snippet": "RESOLVED that the report be noted"},
]


def _write_corpus(folder: Path, pages: dict[str, tuple[str, list[dict]]]) -> Path:
    """A labelled corpus of pages {name: (url, units)}, each holding PAGE."""
    (folder / "docs").mkdir(parents=True)
    (folder / "labels").mkdir()
    for name, (url, units) in pages.items():
        (folder / "docs" / f"{name}.json").write_text(
            json.dumps({"url": url, "text": PAGE}), "utf-8")
        (folder / "labels" / f"{name}.json").write_text(json.dumps({"units": units}), "utf-8")
    return folder


def test_fixture_corpus_scores_full_marks() -> None:
    report = evaluate_corpus(CORPUS)
    assert [d.name for d in report.documents] == ["item1", "item2", "seed"]
    assert report.units == 7 + 8 + 20
    assert (report.coverage, report.kind_accuracy, report.split_accuracy,
            report.merge_rate) == (1.0, 1.0, 1.0, 0.0)
    assert report.passages_per_second > 0


def test_misses_are_counted_and_listed(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "c")
    labels = tmp_path / "c" / "labels" / "item1.json"
    units = json.loads(labels.read_text("utf-8"))["units"]
    units[0]["kind"] = "decision"                              # a wrong kind
    units.append({"kind": "statement", "snippet": "words that are not on the page"})
    units.append({"kind": "statement", "snippet": "to the report which set out the activity"})
    labels.write_text(json.dumps({"units": units}), "utf-8")
    report = evaluate_corpus(tmp_path / "c")
    item1 = report.documents[0]
    assert (item1.units, item1.covered, item1.kind_ok, item1.merged) == (9, 8, 7, 2)
    text = format_report(report, verbose=True)
    assert "item1: units=9 covered=8 kind_ok=7" in text
    assert "not covered [statement] 'words that are not on the page'" in text
    assert "kind statement should be decision" in text
    assert "2 units in one passage" in text
    last = text.splitlines()[-1]
    assert last.startswith("docs=3 units=37 coverage=0.973 kind_acc=0.946 qa_split=1.000 "
                           "merged=0.054 qa_recall=1.000 qa_precision=")
    assert format_report(report, verbose=False).splitlines()[-1] == last


def test_folder_without_labels_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no labels/"):
        evaluate_corpus(tmp_path)


def test_unreadable_page_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "labels").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "labels" / "x.json").write_text('{"units": []}', "utf-8")
    (tmp_path / "docs" / "x.json").write_text("{not json", "utf-8")
    with pytest.raises(CorpusError, match=r"x\.json: cannot read"):
        evaluate_corpus(tmp_path)


def test_qa_recall_precision_and_confusion(tmp_path: Path) -> None:
    wrong = [dict(UNITS[0], kind="statement"), dict(UNITS[1], kind="qa"), UNITS[2]]
    corpus = _write_corpus(tmp_path / "c", {"a": ("https://a.example.gov.uk/x", UNITS),
                                            "b": ("https://b.example.gov.uk/y", wrong)})
    report = evaluate_corpus(corpus)
    assert (report.qa_recall, report.qa_precision) == (0.5, 0.5)   # b's gold qa is a statement
    assert report.confusion[("qa", "statement")] == 1
    assert report.confusion[("statement", "qa")] == 1
    assert report.confusion[("decision", "decision")] == 2
    lines = format_report(report, verbose=False).splitlines()
    assert lines[0].split() == ["gold", "\\", "passage", "qa", "statement", "decision"]
    assert lines[1].split() == ["qa", "1", "1", "0"]
    assert lines[2].split() == ["statement", "1", "1", "0"]
    assert "qa_recall=0.500 qa_precision=0.500" in lines[-1]
    assert "passages/s=" in lines[-1]


def test_hosts_choose_the_pages_scored(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "c", {"a": ("https://A.example.gov.uk/x", UNITS),
                                            "b": ("https://b.example.gov.uk/y", UNITS),
                                            "c": ("http://c.example.org:8080/z", UNITS)})
    listed = tmp_path / "hosts.txt"
    listed.write_text("# the third kept apart\na.example.gov.uk\n\nc.example.org  # port\n",
                      "utf-8")
    assert read_hosts(listed) == {"a.example.gov.uk", "c.example.org", "www.a.example.gov.uk",
                                  "www.c.example.org"}
    assert host_of("http://c.example.org:8080/z") == "c.example.org"
    assert [d.name for d in evaluate_corpus(corpus, hosts=read_hosts(listed)).documents] \
        == ["a", "c"]
    assert [d.name for d in evaluate_corpus(corpus, exclude_hosts=read_hosts(listed)).documents] \
        == ["b"]


def test_missing_hosts_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="cannot read the list of hosts"):
        read_hosts(tmp_path / "nope.txt")


@pytest.mark.parametrize("folder", sorted(DATA.glob("holdout*")), ids=lambda p: p.name)
def test_synthetic_holdout_sets_stay_right(folder: Path) -> None:
    # regression sets written with the rules; labelled real pages are scored by
    # `python -m benchmarks.corpus_checks`, not here
    report = evaluate_corpus(folder)
    assert report.coverage == 1.0 and report.merge_rate == 0.0
    assert report.kind_accuracy >= 0.97 and report.split_accuracy >= 0.95


def test_evaluate_command_scores_the_listed_hosts(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "c", {"a": ("https://a.example.gov.uk/x", UNITS),
                                            "b": ("https://b.example.gov.uk/y", UNITS)})
    listed = tmp_path / "hosts.txt"
    listed.write_text("b.example.gov.uk\n", "utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "--hosts", str(listed), str(corpus)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("docs=1 units=3 coverage=1.000")
    assert "gold \\ passage" in result.output
    missing = CliRunner().invoke(cli, ["evaluate", "--exclude-hosts", str(tmp_path / "no.txt"),
                                       str(corpus)])
    assert missing.exit_code != 0 and "cannot read the list of hosts" in missing.output


def test_a_listed_host_stands_for_itself_with_and_without_www(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "c", {"a": ("https://www.a.example.gov.uk/x", UNITS),
                                            "b": ("https://b.example.gov.uk/y", UNITS)})
    listed = tmp_path / "hosts.txt"
    listed.write_text("a.example.gov.uk\nwww.b.example.gov.uk\n", "utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "--hosts", str(listed), str(corpus)])
    assert result.output.splitlines()[-1].startswith("docs=2 units=6")


def test_evaluate_asks_for_its_corpus_rather_than_reading_one_outside_the_project() -> None:
    result = CliRunner().invoke(cli, ["evaluate"])
    assert result.exit_code == 2
    assert "Missing argument 'CORPUS'" in result.output


def test_item_accuracy_is_scored_where_units_name_their_item(tmp_path: Path) -> None:
    titled = "Minutes of the meeting\n\nPresent: Councillors Amber and Reed\n\n" \
        "Highways Update\n\n" + PAGE.removeprefix("Minutes:\n").replace("\n", "\n\n") + \
        "\nParish Grants\n\nThe Clerk reported that two applications for grants had come in."
    units = [dict(UNITS[0], item="Highways Update"), dict(UNITS[1], item="highways update"),
             {"kind": "statement", "snippet": "two applications for grants had come in",
              "item": "Village Hall"}]
    corpus = _write_corpus(tmp_path / "c", {"a": ("https://a.example.gov.uk/x", units)})
    (corpus / "docs" / "a.json").write_text(json.dumps({"url": "u", "text": titled}), "utf-8")
    report = evaluate_corpus(corpus)
    assert report.item_accuracy == pytest.approx(2 / 3)   # the grant sits under Parish Grants
    text = format_report(report, verbose=True)
    assert "item 'Parish Grants' should be 'Village Hall'" in text
    assert text.splitlines()[-1].endswith("item_acc=0.667")
    assert "item_acc" not in format_report(evaluate_corpus(CORPUS), verbose=False)


# A second labeller of PAGE: the same question with its answer cut later, the presentation taken
# for a decision, and the resolution folded into it (no unit of its own).
SECOND = [
    {"kind": "qa", "snippet": "Councillor Amber asked when the footbridge",
     "q": "when the footbridge on Mill Lane would reopen", "a": "would finish in May"},
    {"kind": "decision", "snippet": "presented the annual report on the condition"},
]


def test_a_second_labelling_is_scored_against_the_first(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "c", {"a": ("https://a.example.gov.uk/x", UNITS),
                                            "b": ("https://b.example.gov.uk/y", UNITS)})
    second = tmp_path / "second"
    (second / "labels").mkdir(parents=True)
    (second / "labels" / "a.json").write_text(json.dumps({"units": SECOND}), "utf-8")
    report = evaluate_corpus(corpus, against=second)
    assert [d.name for d in report.documents] == ["a"]   # (b has no second labelling)
    assert (report.units, report.coverage, report.kind_accuracy) == (3, 1.0, 2 / 3)
    assert report.confusion == {("qa", "qa"): 1, ("statement", "decision"): 1,
                                ("decision", "decision"): 1}
    assert report.split_accuracy == 0.0 and report.merge_rate == 2 / 3   # (the answer cut later)
    result = CliRunner().invoke(cli, ["evaluate", "--against", str(second), str(corpus)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "docs=1 units=3 coverage=1.000 kind_acc=0.667 qa_split=0.000 merged=0.667 "
        "qa_recall=1.000 qa_precision=1.000 passages=3")   # ("Minutes:" before the first)


def test_the_splitter_is_scored_on_the_units_two_labellers_agree_on(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "c", {"a": ("https://a.example.gov.uk/x", UNITS)})
    second = tmp_path / "second"
    (second / "labels").mkdir(parents=True)
    (second / "labels" / "a.json").write_text(json.dumps({"units": SECOND}), "utf-8")
    report = evaluate_corpus(corpus, agreed_with=second)
    # (the statement, which the second labeller took for a decision, is left out)
    assert report.units == 2 and report.confusion == {("qa", "qa"): 1, ("decision", "decision"): 1}
    result = CliRunner().invoke(cli, ["evaluate", "--agreed-with", str(second), str(corpus)])
    assert result.exit_code == 0 and result.output.splitlines()[-1].startswith(
        "docs=1 units=2 coverage=1.000 kind_acc=1.000")
    both = CliRunner().invoke(cli, ["evaluate", "--against", str(second), "--agreed-with",
                                    str(second), str(corpus)])
    assert both.exit_code == 2 and "not both" in both.output
