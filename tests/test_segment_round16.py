"""Round 16 of the splitter, read on unlabelled parish minutes of councils in no labelled set
(docs/splitter.md, "Round 16"): the one who asked going on before anyone replies, a question put
in two goes, being asked to do something, exchanges run together in one paragraph, the text a
page's header and titles took, and decisions in a parish clerk's words. The examples are written
for the test."""
from __future__ import annotations

import pytest

from tests.support.segments import page_passages, page_texts, passages


@pytest.mark.parametrize("going_on", [
    "They also raised a query about the council's bid to make the path a public right of way.",
    "Also, he reported that the county had told him the old path would not reopen.",
    "He was of the opinion that the water company should pay for a new sign.",
    "In their opinion the bench would not be used if it stood inside the railings.",
    "The resident said that the path had been open for forty years.",
    "His understanding was that the path would reopen in the spring.",
    "They also brought to the attention of the council the state of the fencing.",
    "She also thought that allotments by the path would be a community asset.",
])
def test_the_one_who_asked_going_on_is_still_the_question(going_on: str) -> None:
    text = (f"A resident raised concerns about the closure of the footpath by the mill. {going_on}"
            " Cllr Ann Pears the acting Chair stated that the county had decided not to make an order"
            " for the path.")
    [(kind, question, answer)] = passages(text, "Footpaths")
    assert kind == "qa"
    assert question.endswith(going_on)
    assert answer.startswith("Cllr Ann Pears the acting Chair stated")


@pytest.mark.parametrize("text", [
    "The landowner will be contacted and asked to cut back the hedge at Woodlands Lane.",
    "Cllr Fraser asked to have noted that he had requested barriers at the bridge.",
])
def test_being_asked_to_do_something_asks_no_question(text: str) -> None:
    assert [kind for kind, _, _ in passages(text, "Highways")] == ["statement"]


def test_a_resident_asking_leave_to_speak_asks_no_question() -> None:
    text = ("A resident asked to speak about the flood survey she had carried out after the storm. "
            "This was based on the Environment Agency's published data.")
    assert passages(text, "Flooding") == [("statement", None, None)]


@pytest.mark.parametrize("text", [
    # an office filled by a vote
    "Cllr A Green proposed Cllr B White. Proposal seconded by Cllr C Black. Cllr B White was "
    "unanimously voted as Chair for the coming year.",
    # the last minutes accepted, whoever accepts them
    "Those present at last year's meeting resolved to accept the minutes as a true record. The "
    "Chair signed them.",
    "The minutes of the meeting held on 2 June were discussed and resolved as being a true record.",
    "The minutes of the last meeting were read and signed as correct.",
    # approved by those at the meeting (not by another body)
    "Minutes of the meeting held on 31st August 2021 were approved by the meeting.",
    "The treasurer went through the year's accounts. These met with the approval of all "
    "councillors and were signed by the Chairman.",
    # a motion minuted by its outcome, and movers named with their initials
    "On the proposition of Cllr Merchant seconded by Cllr Stancer, the minutes of the February "
    "meeting were signed by the Chairman as a true record.",
    "Proposed by councillor Ball and Seconded by Councillor M. Leggott and Resolved by all that "
    "the notes be approved as minutes.",
    "Proposed, seconded and resolved that the minutes be signed as a correct record.",
    # the last minutes approved in other words
    "Councillors unanimously accepted these minutes as a true and accurate record of the meeting.",
    "The minutes of the meetings held on 6 and 12 October were confirmed and signed as an accurate "
    "record.",
    "The minutes of the meeting held on 6 July were considered, approved and duly signed as a "
    "correct record.",
    "Minutes approved Cllr Webb proposed and Cllr Lamb seconded",
    # movers minuted in a few words
    "Parish council vacancy – Mrs Spink has expressed an interest, proposed Cllr Tulloch, seconded "
    "Cllr Mrs Hargreaves and agreed Mrs Spink be co-opted to fill the vacancy.",
    "Proposed: DH, Seconded JD, Voted to accept",
    "It was proposed by Mrs Bell and seconded by Mrs Breese and That Mr M Argent be appointed as "
    "Chairman of the Council for 2009/2010",
    # a vote counted with its abstentions
    "It was proposed by Cllr Barnshaw that the minutes be signed. 12 agreed, 2 Abstention, "
    "Carried.",
])
def test_decisions_in_a_parish_clerks_words(text: str) -> None:
    assert passages(text, "Business") == [("decision", None, None)]


def test_another_councils_vote_reported_decides_nothing_here() -> None:
    text = ("The district councillor reported that the strategic plan had been discussed by the "
            "district's councillors and it was voted to delay it by 7 votes to 1.")
    assert passages(text, "District report") == [("statement", None, None)]


def test_a_line_wrapped_after_a_word_no_sentence_ends_with_runs_on() -> None:
    page = ("6. Footpaths\n"
            "(a) The Clerk reported that the diversion of the bridleway across\n"
            "Mr Brown's meadow was still open, as the County were waiting for a reply through\n"
            "Mrs Grey's solicitors.\n"
            "(b) The stile at Long Lane had been mended.")
    texts = page_texts(page)
    assert any(text.startswith("(a) The Clerk reported") and text.endswith("solicitors.")
               for text in texts)


def test_an_item_worded_as_the_agenda_words_it_keeps_the_minutes_run_into_it() -> None:
    page = ("Minutes of the Meeting of Upper Sheep Parish Council held on Monday 6th November 2023\n"
            "265. To note apologies: none\n"
            "266. To receive declarations of interest: none received\n"
            "267. To receive and approve the minutes of the meeting held on Monday 2nd October "
            "2023. It was resolved to approve the minutes\n"
            "268. To receive reports from District Councillors: The Clerk reported that the "
            "crossing outside the school had been agreed by Highways.")
    texts = page_texts(page)
    assert "It was resolved to approve the minutes" in texts
    assert not any("To receive and approve" in text for text in texts)


def test_a_line_without_its_stop_saying_who_sent_apologies_is_kept() -> None:
    page = ("Minutes of the Meeting of Upper Sheep Parish Council held on Monday 6th November 2023\n"
            "265. To note apologies and accept valid reasons for absence: Dist Cllrs J King and H "
            "Bingham sent apologies\n"
            "Cllr S Weatherley Barton joined the meeting at 7.20pm\n"
            "266. To receive declarations of interest: none received")
    assert "Dist Cllrs J King and H Bingham sent apologies" in page_texts(page)


_PUBLIC_SESSION_RUN_TOGETHER = (
    "Public session\n\n"
    "Members of the public present: 12\n\n"
    "Resident 1 asked members present if the lights were going to be switched back on in the "
    "park. The Clerk replied that an electrician would switch them back on the next day. "
    "Resident 2 made a complaint about the state of the verges on Mill Lane. The Chairman "
    "informed resident 2 that the verges were cut by the county council. Resident 3 reported "
    "that the bus shelter was being used as a toilet. Although the council has no powers to "
    "police the area, it was agreed that screening the shelter be considered. The Clerk stated "
    "that she had already asked the rangers to put up posters as a screen.")


def test_residents_numbered_in_turn_each_open_an_exchange() -> None:
    found = passages(_PUBLIC_SESSION_RUN_TOGETHER, None)
    questions = [question for kind, question, _ in found if kind == "qa"]
    assert [question.split(" ")[:2] for question in questions] == [
        ["Resident", "1"], ["Resident", "2"], ["Resident", "3"]]


def test_the_councils_answer_after_a_point_decided_stays_with_it() -> None:
    found = passages(_PUBLIC_SESSION_RUN_TOGETHER, None)
    third = next(answer for kind, question, answer in found
                 if kind == "qa" and question.startswith("Resident 3"))
    assert third.startswith("The Clerk stated that she had already asked the rangers")


def test_how_many_of_the_public_came_is_no_question() -> None:
    found = passages(_PUBLIC_SESSION_RUN_TOGETHER, None)
    assert found[0] == ("statement", None, None)


def test_minutes_above_the_attendance_lines_are_kept() -> None:
    page = ("Minutes of the Parish Council Meeting held Monday, 14 July 2025 at 7:00pm in the "
            "Village Hall.\n\n"
            "Public Session. There were no members of the public present.\n\n"
            "Reports from Outside Bodies:\n"
            "a. Ward Member – Cllr A Grist sent his apologies\n"
            "b. Division Member – Cllr T Catton reported that the county had resurfaced Mill Lane "
            "and would look at the footpath to the picnic site.\n\n"
            "2025/07-1 Record of Members present and apologies.\n"
            "Present: Cllr M Exley (Chair), Cllr P Maw and Cllr S Cole\n"
            "Also Present: Mrs N Must (Parish Clerk)\n\n"
            "2025/07-2 Declarations of Interest. None.\n"
            "2025/07-3 Minutes from 12 May 2025. It was resolved that the draft minutes were "
            "accurate.")
    found = page_passages(page)
    catton = next(p for p in found if "Cllr T Catton reported" in p.text)
    assert catton.kind == "statement"   # a report from a role, not a question on a topic
    assert not any("Present: Cllr M Exley" in p.text for p in found)


def test_a_question_put_in_two_goes_is_one_question() -> None:
    text = ("We have one defibrillator in the village – how many more can we have? Would it be "
            "possible to have an open training day? The defibrillator was given to us by the "
            "ambulance trust, and we are looking into sponsorship for another.")
    [(kind, question, answer)] = passages(text, "Questions from residents")
    assert kind == "qa"
    assert question.endswith("open training day?")
    assert answer.startswith("The defibrillator was given")


def test_a_parish_councils_vote_on_a_planning_application_decides() -> None:
    text = ("a. 141522. 20 Market Place. Planning application for change of use from a pub to a "
            "shop. Members welcomed the reuse of the premises and after a vote resolved to raise "
            "No objection")
    assert passages(text, "Planning") == [("decision", None, None)]


def test_approved_by_another_body_is_reported() -> None:
    text = "The district's local plan was approved by the Cabinet on 12 May."
    assert passages(text, "District report") == [("statement", None, None)]


def test_a_pages_title_approving_its_minutes_is_no_decision() -> None:
    page = ("APPROVED MINUTES of the Parish Council Meeting\n\n"
            "The Chair opened the meeting at 7pm and welcomed everyone.\n\n"
            "The clerk reported that the new bench had been installed on the green.")
    found = page_passages(page)
    assert [p.kind for p in found if "APPROVED MINUTES" in p.text] in ([], ["statement"])


@pytest.mark.parametrize("text, kind", [
    # the public without the article, or as attendees, raising a concern
    ("Two public attendees expressed concern at the planning application for the restaurant.",
     "qa"),
    ("A member of public expressed her concerns about the overgrown land by the close.", "qa"),
    # … and a view in support raises nothing
    ("Member of public stated that he is not opposed to wind farms in general.", "statement"),
])
def test_the_public_in_other_words(text: str, kind: str) -> None:
    assert [found for found, _, _ in passages(text, "Open forum")] == [kind]


def test_a_title_abbreviated_ends_no_sentence() -> None:
    text = ("The Vice-Chairman asked about the First Response calls, and the Hon. Treasurer "
            "reported there had been five calls this month.")
    [(kind, question, answer)] = passages(text, "Village matters")
    assert kind == "qa" and "Hon. Treasurer" in answer


def test_a_building_that_will_look_like_a_barn_undertakes_nothing() -> None:
    text = ("Mrs Hale also mentioned the new barn at Hill Farm, Mrs Hale assured all that full "
            "planning had been passed for this building, and that people had only to ask what was "
            "being built and she would have gladly passed on information, it will be built with a "
            "reclaimed roof and will look when completed like a traditional barn.")
    [(_, _, answer)] = passages(text, "Planning")
    assert not (answer or "").startswith("will look")
