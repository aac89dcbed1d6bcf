"""Round 9 of the splitter: matters the public raise in the part of a meeting set aside for them
("Public Participation", "Open Forum", "Questions from residents"), each a question put to the
council, answered or not (docs/splitter.md, "Round 9"). The examples are written for the test."""
from __future__ import annotations

import pytest

from search_service.model import Document
from search_service.segment import split_document, split_minutes

RAISED = ("Mrs Jean Harper said she had reported flooding on Mill Road twice this winter. "
          "Cllr Ross confirmed that he had also reported it to the county.")


def kinds(text: str, title: str | None) -> list[tuple[str, str | None, str | None]]:
    doc = Document(source="minutes.txt", url="https://example.gov.uk/item", text=text,
                   item_title=title)
    return [(p.kind, p.question, p.answer) for p in split_document(doc)]


@pytest.mark.parametrize("title", ["Public Participation", "Questions from residents",
                                   "Open Forum", "Opportunity for members of the public to "
                                   "raise matters"])
def test_a_resident_raising_a_matter_in_the_public_part_is_a_question(title: str) -> None:
    assert kinds(RAISED, title) == [(
        "qa", "Mrs Jean Harper said she had reported flooding on Mill Road twice this winter.",
        "Cllr Ross confirmed that he had also reported it to the county.")]


@pytest.mark.parametrize("title", ["Highways update", "Public Consultation on the Local Plan",
                                   None])
def test_the_same_words_elsewhere_stay_a_point(title: str | None) -> None:
    assert [kind for kind, _, _ in kinds(RAISED, title)] == ["statement"]


def test_a_deputation_addressing_the_meeting_stays_a_point() -> None:
    text = "Dr Anne Cole addressed the meeting on behalf of the Riverside Residents' Association."
    assert [kind for kind, _, _ in kinds(text, "Public Participation")] == ["statement"]


def test_the_public_part_titled_inside_the_minutes_ends_at_the_next_item() -> None:
    segments = split_minutes(
        "3. Open Forum\n\n"
        "Comment that the bus shelter on Green Lane is broken – Clerk to report it to the "
        "county council.\n\n"
        "4. Matters arising\n\n"
        "Mr Hall said the new bench had been installed at the recreation ground.")
    assert [(s.kind, s.text[:12]) for s in segments] == [("qa", "Comment that"),
                                                        ("statement", "Mr Hall said")]
    assert segments[0].question == "Comment that the bus shelter on Green Lane is broken"
    assert segments[0].answer == "Clerk to report it to the county council."


def test_an_unanswered_matter_is_a_question_without_an_answer() -> None:
    segments = split_minutes("Public Participation\n\nA resident made a comment about the "
                             "missing bench by the pond.")
    assert [(s.kind, s.question, s.answer) for s in segments] == [
        ("qa", "A resident made a comment about the missing bench by the pond.", None)]
