"""Round 13 of the splitter: a matter raised at the meeting is a question put to it, answered or
not, as the corpus README defines a question; labels before a dash; councils writing themselves
in lower case; the chair's invitations and errands asked of others; agenda-worded and
sub-numbered titles (docs/splitter.md, "Round 13"). The examples are written for the test."""
from __future__ import annotations

import pytest

from search_service.model import Document
from search_service.segment import split_document
from search_service.segment.minutes import split_minutes
from tests.support.segments import passages as passages_of_item


def passages(text: str, title: str | None = "Matters raised by members"
             ) -> list[tuple[str, str | None, str | None]]:
    return passages_of_item(text, title)


@pytest.mark.parametrize("text", [
    "JH raised the poor state of the footway on Mill Lane.",
    "Councillor Price also raised the flooding at the ford after heavy rain.",
    "Mr Tom Hale brought up the lack of grit bins on Church Hill.",
    "Concerns were raised about the number of lorries using Station Road at night.",
])
def test_a_matter_raised_without_an_answer_is_a_question(text: str) -> None:
    assert passages(text) == [("qa", text, None)]


def test_a_matter_raised_and_answered_splits_at_the_answer() -> None:
    text = ("KB raised the overgrown hedge at the school gates. The Clerk will write to the "
            "owner.")
    assert passages(text) == [("qa", "KB raised the overgrown hedge at the school gates.",
                               "The Clerk will write to the owner.")]


@pytest.mark.parametrize("text", [
    "The summer fete raised £450 towards the church roof.",
    "No concerns were raised about the accounts.",
    "The Head of Planning raised the timetable for the local plan review.",
])
def test_money_raised_nothing_raised_and_an_officer_presenting_are_points(text: str) -> None:
    assert [kind for kind, _, _ in passages(text)] == ["statement"]


def test_a_concern_in_a_list_of_points_raised_in_debate_stays_a_point() -> None:
    text = ("The Council discussed the report and the following points were raised:\n\n"
            "• Councillors asked that comments from scrutiny be included in the reports.\n\n"
            "• Concern was raised that the report understated the committees' workload.")
    assert passages(text, "Scrutiny update")[-1] == (
        "statement", None, None)


@pytest.mark.parametrize("text, question", [
    ("2.3 – Councillor Hill raised the parking on Mill Road. The Clerk will write to Highways.",
     "Councillor Hill raised the parking on Mill Road."),
    ("Footpaths – JB raised the broken stile on the Ridgeway.",
     "JB raised the broken stile on the Ridgeway."),
])
def test_a_topic_or_number_before_a_dash_is_read_past(text: str, question: str) -> None:
    assert [(kind, asked) for kind, asked, _ in passages(text)] == [("qa", question)]


def test_a_point_after_a_topic_and_a_dash_stays_a_point() -> None:
    text = "Grass cutting – Cllr Trigg stated that the verges had been cut twice this year."
    assert [kind for kind, _, _ in passages(text)] == ["statement"]


def test_a_query_opening_its_sentence_with_a_capital_is_a_question() -> None:
    text = "Queries re the bus shelter that was taken down by the County Council."
    assert passages(text) == [("qa", text, None)]


@pytest.mark.parametrize("text", [
    "The parish council resolved to limit each councillor's report to three minutes.",
    "After the interviews, councillors approved the appointment of a new litter picker.",
])
def test_a_council_writing_itself_in_lower_case_decides(text: str) -> None:
    assert passages(text) == [("decision", None, None)]


def test_residents_counted_in_figures_raising_a_concern_ask() -> None:
    text = "3 residents of Mill Close voiced their concerns about the lorries using the lane."
    assert passages(text, "Public participation") == [("qa", text, None)]


def test_residents_counted_as_present_ask_nothing() -> None:
    assert passages("3 residents were present.", "Public participation")[0][0] == "statement"


def test_a_body_recommending_decides() -> None:
    text = "Councillors recommended that permission be refused for the extension at 4 Mill Lane."
    assert passages(text, "Planning applications") == [("decision", None, None)]


def test_the_chair_inviting_matters_asks_nothing() -> None:
    text = ("Cllr Moss asked if anyone wished to raise any matters. Those raised were taken under "
            "the items of the agenda.")
    assert [kind for kind, _, _ in passages(text, "Public session")] == ["statement"]


def test_having_asked_someone_to_do_something_is_an_errand() -> None:
    text = "JB has asked the landowner to cut back the hedge on Mill Lane – this will happen soon."
    assert [kind for kind, _, _ in passages(text)] == ["statement"]


def items(text: str) -> list[tuple[str, str | None, str]]:
    doc = Document(source="minutes.txt", url="https://example.gov.uk/minutes", text=text)
    return [(p.kind, p.item.title, p.text[:20]) for p in split_document(doc)]


def test_agenda_worded_and_sub_numbered_titles_head_the_points_under_them() -> None:
    text = ("1.0 To Receive Apologies for Absence\n"
            "Resolved: Cllr J Reed and the Locality Steward.\n\n"
            "2.0 To Consider the Co-option of a Parish Councillor\n"
            "Resolved: The Council agreed to co-opt Mrs Ann Hale.\n\n"
            "5.1 Ward Councillor (Cllr M Cope)\n"
            "Cllr Cope reported that the bypass survey had begun.")
    assert [(s.kind, s.heading, s.text[:20]) for s in split_minutes(text)] == [
        ("decision", "To Receive Apologies for Absence", "Resolved: Cllr J Ree"),
        ("decision", "To Consider the Co-option of a Parish Councillor", "Resolved: The Counci"),
        ("statement", "Ward Councillor (Cllr M Cope)", "Cllr Cope reported t")]


def test_a_part_of_the_public_session_keeps_it_the_public_s() -> None:
    text = ("7. Open Forum\n\n"
            "7.1 Traffic Management\n\n"
            "Mrs Dale raised parking outside the school. The Clerk will write to the school.")
    assert items(text)[-1][0] == "qa"


def test_an_agenda_title_run_into_its_text_or_closed_by_a_stop_heads_it() -> None:
    text = ("4. To Consider and Sign the Minutes of the Meeting, Held on 1 November 2022.\n"
            "a. Cllr Ward asked that the votes be recorded. This was agreed.\n\n"
            "5. To Consider the Financial Report (Appendix A).  It was proposed by Cllr Carr, "
            "seconded by Cllr Hill and AGREED that the payments be approved.")
    assert [(s.heading, s.text[:20]) for s in split_minutes(text)] == [
        ("To Consider and Sign the Minutes of the Meeting, Held on 1 November 2022",
         "a. Cllr Ward asked t"),
        ("To Consider the Financial Report (Appendix A)", "It was proposed by C")]
