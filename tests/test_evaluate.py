"""The evaluation command's library: scores of the splitter on a small labelled corpus."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from search_service.evaluate import CorpusError, evaluate_corpus, format_report

CORPUS = Path(__file__).parent / "data" / "segment" / "corpus"


def test_fixture_corpus_scores_full_marks() -> None:
    report = evaluate_corpus(CORPUS)
    assert [d.name for d in report.documents] == ["d005", "d035", "seed"]
    assert report.units == 7 + 8 + 20
    assert (report.coverage, report.kind_accuracy, report.split_accuracy,
            report.merge_rate) == (1.0, 1.0, 1.0, 0.0)
    assert report.passages_per_second > 0


def test_misses_are_counted_and_listed(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "c")
    labels = tmp_path / "c" / "labels" / "d005.json"
    units = json.loads(labels.read_text("utf-8"))["units"]
    units[0]["kind"] = "decision"                              # a wrong kind
    units.append({"kind": "statement", "snippet": "words that are not on the page"})
    units.append({"kind": "statement", "snippet": "to the report which set out the activity"})
    labels.write_text(json.dumps({"units": units}), "utf-8")
    report = evaluate_corpus(tmp_path / "c")
    d005 = report.documents[0]
    assert (d005.units, d005.covered, d005.kind_ok, d005.merged) == (9, 8, 7, 2)
    text = format_report(report, verbose=True)
    assert "d005: units=9 covered=8 kind_ok=7" in text
    assert "not covered [statement] 'words that are not on the page'" in text
    assert "kind statement should be decision" in text
    assert "2 units in one passage" in text
    last = text.splitlines()[-1]
    assert last.startswith("docs=3 units=37 coverage=0.973 kind_acc=0.946 qa_split=1.000 "
                           "merged=0.054 passages=")
    assert format_report(report, verbose=False) == last


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
