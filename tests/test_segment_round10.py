"""Round 10 of the splitter: the last minutes taken as the record in narrative, votes counted in
words, and sentences whose full stop was lost when a page's lines ran together (docs/splitter.md,
"Round 10"). The examples are written for the test."""
from __future__ import annotations

import pytest

from search_service.model import Document
from search_service.segment import split_document
from search_service.segment.text import sentences
from tests.support.segments import passages as passages_of_item


def passages(text: str, title: str | None = "Matters arising"
             ) -> list[tuple[str, str | None, str | None]]:
    return passages_of_item(text, title)


@pytest.mark.parametrize("text", [
    "The minutes of the meeting held on 3 March 2024 were found to be correct.",
    "These were proposed as a correct record by Jean Hope, seconded by Alan Reid.",
    "The minutes were approved by Ruth Gray and seconded by Tom Innes.",
    "Minutes of 12 February, after being read, were signed as a true record.",
])
def test_the_last_minutes_taken_as_the_record_are_a_decision(text: str) -> None:
    assert passages(text, "Minutes of the last meeting") == [("decision", None, None)]


@pytest.mark.parametrize("text", [
    "A secret ballot was held. 6 voted in favour 1 against and Mr Ian Dale was co-opted.",
    "Two applications had been received. Mrs Ann Law was duly co-opted on to the Council.",
])
def test_votes_counted_in_words_and_co_options_are_decisions(text: str) -> None:
    assert passages(text, "Co-option") == [("decision", None, None)]


def test_the_record_noted_in_passing_stays_a_point() -> None:
    text = ("The Clerk said the notes of the site visit would be found to be useful when the "
            "application came back.")
    assert [kind for kind, _, _ in passages(text)] == ["statement"]


@pytest.mark.parametrize("text, expected", [
    ("Cllr Lowe asked about the damage to the verges and street furniture The Clerk had "
     "written to the county about it.",
     ["Cllr Lowe asked about the damage to the verges and street furniture",
      "The Clerk had written to the county about it."]),
    ("The grass was cut last week Cllr Ross said it needed cutting again.",
     ["The grass was cut last week", "Cllr Ross said it needed cutting again."]),
    # a name inside a sentence is no new one
    ("A letter from Mr Dean said the wall was his.", ["A letter from Mr Dean said the wall was his."]),
    ("The matter was raised with Councillor Page who agreed to visit.",
     ["The matter was raised with Councillor Page who agreed to visit."]),
])
def test_a_sentence_whose_full_stop_was_lost_still_ends(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_lines_run_together_still_split_a_question_from_its_answer() -> None:
    text = ("Cllr Lowe asked if members had seen the damage to the verges and street furniture "
            "The Clerk had written to the county about why the work was done that way.")
    assert passages(text) == [(
        "qa", "Cllr Lowe asked if members had seen the damage to the verges and street furniture",
        "The Clerk had written to the county about why the work was done that way.")]


def test_a_response_whose_comma_was_lost_still_splits() -> None:
    text = ("In response to interest from the floor about the village cobbles Mr Dent gave an "
            "overview of the project. The survey would finish in June.")
    assert passages(text) == [(
        "qa", "interest from the floor about the village cobbles",
        "Mr Dent gave an overview of the project. The survey would finish in June.")]


def test_an_action_given_after_a_residents_question_answers_it() -> None:
    text = ("7. Open Forum\n\na) A resident asked if the bench on the green could be "
            "repaired.\n\nAction: Cllr JB to ask the contractor for a quote.\n\n8. Footpaths\n\n"
            "The footpath at Mill Lane was overgrown.\n\nAction: Clerk to report it to the "
            "county.\n")
    assert passages(text, None) == [
        ("qa", "A resident asked if the bench on the green could be repaired.",
         "Action: Cllr JB to ask the contractor for a quote."),
        ("statement", None, None), ("decision", None, None)]


def test_a_matter_the_police_answer_in_the_same_paragraph_is_a_question() -> None:
    text = ("Residents reported youths gathering at the play park and breaking bottles. Police "
            "said they would visit the primary school and patrol the park at weekends.")
    assert passages(text, "Police Report") == [(
        "qa", "Residents reported youths gathering at the play park and breaking bottles.",
        "Police said they would visit the primary school and patrol the park at weekends.")]


@pytest.mark.parametrize("text", [
    # the police's own report, and thanks to them
    "PCSO Hale said that no complaints about parking had been made. Police would patrol the "
    "village green on Fridays.",
    "The police were thanked for their help at the parade. Police would attend in March.",
])
def test_the_police_reporting_stays_a_point(text: str) -> None:
    assert [kind for kind, _, _ in passages(text, "Police Report")] == ["statement"]


def items(text: str) -> list[tuple[str | None, str]]:
    doc = Document(source="minutes.txt", url="https://example.gov.uk/minutes", text=text)
    return [(p.item.title, p.text) for p in split_document(doc)]


def test_items_numbered_with_a_slash_are_items() -> None:
    text = ("Minutes of the Parish Council meeting, 10 July 2018\n\n1/ Open Forum\n"
            "A resident said the culvert on Mill Lane was blocked again.\n\n"
            "5/ Parish Property\nThe hedge at the shelter is invading the pathway.\n")
    assert items(text)[-1] == ("Parish Property",
                               "The hedge at the shelter is invading the pathway.")


def test_a_numbered_title_in_capitals_run_into_its_text_names_the_item() -> None:
    text = ("Minutes of the Parish Council meeting, 1 March 2022\n\n"
            "4. PUBLIC FORUM A resident made a comment about a missing bench on the green.\n"
            "5. REPORT FROM PCSO The PCSO had emailed to say no crimes had been reported.\n"
            "6. RESOLVED That the budget be approved.\n")
    found = items(text)
    assert found[0][0] == "PUBLIC FORUM" and found[0][1].startswith("A resident made")
    assert found[1] == ("REPORT FROM PCSO",
                        "The PCSO had emailed to say no crimes had been reported.")
    assert "RESOLVED That the budget be approved." in found[2][1]


def test_a_page_titling_the_public_part_without_a_number_titles_its_other_items_so() -> None:
    text = ("Meeting Wednesday 10th February 7pm\n\nPresent: I Brown, G Phillips, B Taylor\n\n"
            "Points from the Public\n\nMrs Kerr asked "
            "what was happening next about the green.\n\nMatters Arising\n\n"
            "1. Street lights – Cllr Fraser will follow up.\n\nPolice Matters\n\n"
            "The police sent a report. No serious concerns were noted.\n")
    assert [title for title, _ in items(text)] == [
        "Points from the Public", "Matters Arising", "Police Matters"]


def test_a_numbered_questions_label_stays_in_its_passage() -> None:
    text = ("Questions from the Public\n\nQ3) Robert Dale – Can anything be done about the pot "
            "holes in Mill Lane? Councillor Goggin replied that the county has a reporting "
            "page.\n\nQ4. When will the toilets reopen?\nA4. In May.\n")
    doc = Document(source="minutes.txt", url="https://example.gov.uk/item", text=text)
    found = [(p.text, p.question, p.answer) for p in split_document(doc)]
    assert found == [
        ("Q3) Robert Dale – Can anything be done about the pot holes in Mill Lane? Councillor "
         "Goggin replied that the county has a reporting page.",
         "Robert Dale – Can anything be done about the pot holes in Mill Lane?",
         "Councillor Goggin replied that the county has a reporting page."),
        ("Q4. When will the toilets reopen? In May.", "When will the toilets reopen?", "In May.")]


@pytest.mark.parametrize("text", [
    "The Treasurer presented the accounts. Following a discussion, the Financial Report was "
    "accepted.",
    "Minute taking was discussed. Decision: minutes will record decisions only.",
    "The Clerk presented the budget for 2025-26. The precept was set at £5,600.",
    "Mr Cracroft was re-elected chairman for the year.",
])
def test_outcomes_in_a_parish_councils_words_are_decisions(text: str) -> None:
    assert [kind for kind, _, _ in passages(text)] == ["decision"]


def test_the_electors_part_of_an_annual_parish_meeting_is_the_publics() -> None:
    text = ("Minutes of the Annual Parish Meeting\n\nPresent: Cllr R Prestige (Chairman), Cllr "
            "L Jordan\n\nELECTORS\n\nThere were complaints about the state of the drains in "
            "Frog Lane. The Chairman assured them that the drains were cleared every month.\n\n"
            "A MoP reported that hedges in the village overhang the pavement. She was advised "
            "to report them on Fix My Street.\n")
    assert [(p.kind, p.answer) for p in split_document(Document(
        source="minutes.txt", url="https://example.gov.uk/apm", text=text))] == [
        ("qa", "The Chairman assured them that the drains were cleared every month."),
        ("qa", "She was advised to report them on Fix My Street.")]




@pytest.mark.parametrize("text, kind", [
    ("PUBLIC : a member of the public asked the views of the council on a 20 mph limit. It was "
     "explained that the county decides.", "qa"),
    ("Public: There were 2 members of the public present.", "statement"),
    ("Public Participation : Three members of the public were in attendance.", "statement"),
])
def test_a_paragraph_labelled_public_is_the_publics_when_it_raises_a_matter(text, kind) -> None:
    assert [found for found, _, _ in passages(text)] == [kind]


def test_residents_speaking_in_the_public_forum_raise_a_matter() -> None:
    text = ("A number of residents spoke and each mentioned the traffic passing through the "
            "village at all times of day.")
    assert [kind for kind, _, _ in passages(text, "Public Forum")] == ["qa"]


@pytest.mark.parametrize("text, kind", [
    ("The Chair reminded the public that 15 minutes are set aside for questions. Cllr King "
     "asked if there were any questions from members of the public.", "statement"),
    ("The accounts for 2017/18, signed off by the examiner, were therefore adopted and signed "
     "by the meeting.", "decision"),
])
def test_the_chair_inviting_questions_asks_none_and_accounts_adopted_are_decided(text, kind):
    assert [found for found, _, _ in passages(text)] == [kind]


@pytest.mark.parametrize("text", [
    "Mr Hall had told the Clerk that the verges were not in his contract. It was therefore "
    "agreed that the county was responsible and the Clerk would write to Highways.",
    "In response to the consultation document on traveller sites, Mr Hook proposed, Mr Mole "
    "seconded that it was unanimously agreed that option B be supported.",
])
def test_an_agreement_inside_a_paragraph_or_answering_a_document_is_a_decision(text: str) -> None:
    assert [kind for kind, _, _ in passages(text)] == ["decision"]


@pytest.mark.parametrize("text", [
    "Due to the number of items on the agenda the Chair and Clerk agreed to defer the Christmas "
    "lights.",
    "Members commented on the two sites and it was agreed that the county is asked to provide "
    "more parking at the leisure centre.",
    "Action; Clerk to write to the estate about its shooting notices.",
    "First Aid – Agreed private company required – JP to check",
    "The caterer's menu was looked at and Agreed",
    "At the parish meeting the six constables chosen last year were re-appointed, namely C. "
    "Teather and F. Cabourne.",
])
def test_what_two_labellers_call_a_decision_is_one(text: str) -> None:
    assert [kind for kind, _, _ in passages(text)] == ["decision"]


def test_a_request_made_of_someone_else_asks_no_question() -> None:
    assert [kind for kind, _, _ in passages(
        "The Committee are asked to approve the electric vehicle study.")] == ["statement"]


def test_an_action_carried_forward_is_not_decided() -> None:
    text = "Action 8.21/5 – MA to report the pot hole on Preston Road to Highways. Carried forward."
    assert [kind for kind, _, _ in passages(text)] == ["statement"]
