"""Round 14 of the splitter: the answer inside the sentence or paragraph that asks, given by
someone named without "that" ("…, the Clerk confirmed minutes are …"), by a participle ("…, the
Chairman saying that …") or by its giving ("Clarification made that …"); bullets run together on
one line; what asks no question: the rules of questions, a request made before, the chair asking
those present to do something (docs/splitter.md, "Round 14"). The examples are written for the
test."""
from __future__ import annotations

import pytest

from tests.support.segments import passages as passages_of_item


def passages(text: str) -> list[tuple[str, str | None, str | None]]:
    return passages_of_item(text, "Public participation")


@pytest.mark.parametrize("text, question, answer", [
    ("Mrs Dale asked when the accounts would be on the website, the Clerk confirmed accounts "
     "are published after the audit.",
     "Mrs Dale asked when the accounts would be on the website",
     "the Clerk confirmed accounts are published after the audit."),
    ("There was concern about the water running down Mill Lane, the Chairman saying that the "
     "council was looking into a new drain.",
     "There was concern about the water running down Mill Lane",
     "the Chairman saying that the council was looking into a new drain."),
    ("Mr Pike queried the cost of the new benches; Councillor Moss explained the grant covers "
     "half of it.",
     "Mr Pike queried the cost of the new benches",
     "Councillor Moss explained the grant covers half of it."),
])
def test_a_named_reply_inside_the_asking_sentence_splits_there(
        text: str, question: str, answer: str) -> None:
    assert passages(text) == [("qa", question, answer)]


@pytest.mark.parametrize("question, answer", [
    ("Concerns about cars parked on the verge by the school.",
     "Clarification made that the police can enforce the markings."),
    ("Concerns were raised that the back roads were gritted late. Some lanes were not gritted "
     "at all.", "Replies were given that the roads team now has better forecasts."),
])
def test_a_reply_named_by_its_giving_answers_what_was_raised(question: str, answer: str) -> None:
    assert passages(f"{question} {answer}") == [("qa", question, answer)]


@pytest.mark.parametrize("text", [
    # the asker goes on with a participle of his own
    "Mr Reed asked about the bus timetable, saying that the early bus no longer stops here.",
    # a second person speaking in the same sentence is no answer when nobody asked
    "Councillor Ball welcomed the new play area, the Chairman confirmed it opens in May.",
])
def test_no_split_without_a_question_or_without_someone_else_answering(text: str) -> None:
    kinds_and_answers = [(kind, answer) for kind, _, answer in passages(text)]
    assert kinds_and_answers in ([("qa", None)], [("statement", None)])


def test_bullets_run_together_on_one_line_are_points_of_their_own() -> None:
    text = ("The PCSO reported: · Shoplifting had risen in the town · Two vans had been broken "
            "into · Speed checks on the bypass had found eleven drivers over the limit")
    assert [kind for kind, _, _ in passages_of_item(text, "Police report")] == ["statement"] * 3
    # (one dot between words is no list)
    assert len(passages_of_item("The hall · church rota was agreed for May.", "Rota")) == 1


def test_the_rules_of_questions_ask_none() -> None:
    text = ("Any member may ask the Leader or a Committee Chair a question on:\n\n"
            "(a) any matter in the Leader's written report; or\n\n"
            "(b) any matter for which the Council has powers or duties.")
    assert [kind for kind, _, _ in passages_of_item(text, "Members' questions")] == [
        "statement", "statement"]


def test_a_request_made_before_is_an_errand_not_a_question() -> None:
    text = ("It had been requested that Mill Lane be signed by Highways as narrow; the request "
            "had been acknowledged by Highways. Cllr Lee will follow it up.")
    assert [kind for kind, _, _ in passages_of_item(text, "Highways")] == ["statement"]


@pytest.mark.parametrize("text", [
    "A long discussion took place where the Chair asked members of the public present to "
    "outline their concerns over the hill paths.",
    "After a short debate the Chair asked those present to set out their views on the hill "
    "paths.",
])
def test_asking_those_present_to_do_something_asks_no_question(text: str) -> None:
    assert passages_of_item(text, "Open forum") == [("statement", None, None)]
