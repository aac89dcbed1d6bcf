"""Round 5 of the splitter: classes of passage found wrong on pages of councils in no labelled
set (docs/splitter.md). Each example is written for the test, in the manner of those pages."""
from __future__ import annotations

import pytest

from search_service.segment import split_minutes
from tests.support.segments import check_split

ROUND5_CLASSES = [
    pytest.param(
        "Councillor Ames\n\n"
        "Welcomed the new parking zones. Queried whether the permit charge would rise next "
        "year.\n\n"
        "Councillor Boyd\n\n"
        "Noted the success of the trial in the town centre.",
        [("qa", "Welcomed"), ("statement", "Noted the success")],
        ("Queried whether the permit charge", None), id="points-under-a-name-line"),
    pytest.param(
        "Action: JW to ask the contractor for a price for the new gate.\n\n"
        "ACTION The Clerk to write to the county about the bus shelter.",
        [("decision", "Action: JW"), ("decision", "ACTION The Clerk")], None,
        id="action-lines"),
]


@pytest.mark.parametrize(("text", "expected", "parts"), ROUND5_CLASSES)
def test_split_minutes_round5_classes(text: str, expected: list[tuple[str, str]],
                                      parts: tuple[str, str | None] | None) -> None:
    check_split(text, expected, parts)


def test_points_under_a_name_line_are_that_persons_until_someone_else_speaks() -> None:
    segments = split_minutes(
        "Councillor Ames\n\n"
        "Thanked officers for the report on the leisure contract.\n\n"
        "Councillor Cole explained that the contract ran until 2027.")
    assert [(s.kind, s.speaker) for s in segments] == [
        ("statement", "Councillor Ames"), ("statement", "Councillor Cole")]
