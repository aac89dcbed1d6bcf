"""Round 9 of the splitter: matters the public raise in the part of a meeting set aside for them
("Public Participation", "Open Forum", "Questions from residents"), each a question put to the
council, answered or not (docs/splitter.md, "Round 9"). The examples are written for the test."""
from __future__ import annotations

import pytest

from search_service.model import Document
from search_service.segment import split_document, split_minutes
from tests.support.segments import check_split

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


@pytest.mark.parametrize("text", [
    "Dr Anne Cole addressed the meeting on behalf of the Riverside Residents' Association.",
    "Mr Ian Bell attended to present a petition signed by 212 residents of Park Road.",
    "One member of the public thanked the council for its grant to the village hall.",
])
def test_thanks_petitions_and_deputations_stay_points(text: str) -> None:
    assert [kind for kind, _, _ in kinds(text, "Public Participation")] == ["statement"]


@pytest.mark.parametrize("text", [
    "Mr Neil Clarke addressed the committee seeking information as to why the crossing patrol "
    "had not been seen in recent weeks.",
    "JH raised the flooding of Fen Road after the culvert works.",
    "Mr B Connor raised the subject of the reduced number 29 bus service.",
])
def test_residents_named_by_initials_or_asking_as_they_address_are_asking(text: str) -> None:
    assert [kind for kind, _, _ in kinds(text, "Open Forum")] == ["qa"]


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


ROUND9_CLASSES = [
    pytest.param(
        "A Parishioner expressed concerns about cars leaving the field and suggested that a "
        "marshal should be there from 9am.\n\n"
        "Cllr Dunn the organiser of the fete agreed that he would arrange for a marshal.",
        [("qa", "A Parishioner")], ("and suggested that a marshal", "Cllr Dunn the organiser"),
        id="the-asker-going-on-with-no-subject-of-its-own"),
    pytest.param(
        "Mr Hale asked if a response had been received from the highways team about the speed "
        "survey. No reply has been received. The Clerk to chase it up.\n\n"
        "Mrs Lamb stated that the charity's papers would be reviewed next month.",
        [("qa", "Mr Hale asked"), ("statement", "Mrs Lamb")],
        ("asked if a response had been received", "No reply has been received"),
        id="a-reply-opening-with-its-no"),
    pytest.param(
        "Mr Dale submitted a written question raising concerns about building work on the "
        "Brook Road site. Mr Dale referred in particular to noise and mud on the road. The "
        "Committee were asked to explain how residents could report problems.\n\n"
        "Members of the Committee were informed that the planning conditions covered hours of "
        "working, noise and mud.",
        [("qa", "Mr Dale submitted")], ("explain how residents could report", "Members of the "
                                        "Committee were informed"),
        id="members-told-after-the-asker-went-on"),
    pytest.param(
        "Residents raised concerns regarding speeding vehicles along Station Road.",
        [("qa", "Residents raised")], None, id="residents-with-a-capital"),
    pytest.param(
        "Council discussed the hanging baskets for the summer and agreed to order twelve.\n\n"
        "The bench by the pond is broken, and it was agreed to ask the contractor to mend it.\n\n"
        "Two quotes had been received for the hedge cutting. This was accepted at £120 a cut.\n\n"
        "The plans were studied and the Chair called for a vote. For Nil Against 5.\n\n"
        "Nobody was standing down, and Mrs Ellis was unanimously voted in as Treasurer.",
        [("decision", "Council discussed"), ("decision", "The bench"), ("decision", "Two quotes"),
         ("decision", "The plans"), ("decision", "Nobody")], None,
        id="decisions-in-narrative"),
    pytest.param(
        "Council discussed the hanging baskets and members agreed that they looked better than "
        "last year.\n\n"
        "The clerk said the grass had been cut. It was accepted that the verges were untidy.",
        [("statement", "Council discussed"), ("statement", "The clerk said")], None,
        id="agreeing-in-passing-decides-nothing"),
    pytest.param(
        "The show ground would host the main stage. Cllr Lane asked why the fair was not held "
        "at the racecourse. The reason given was that the racecourse was booked that week.\n\n"
        "Verges - Cllr Lane stated that the back lanes were overgrown again.",
        [("qa", "The show ground"), ("statement", "Verges")],
        ("asked why the fair", "The reason given was"), id="the-reason-given-replies"),
    pytest.param(
        "No queries were raised in relation to the Leader's report.\n\n"
        "The clerk was also asked to report the broken stile to the county.\n\n"
        "Chair to contact the community police officer to ask how he could attend.\n\n"
        "There were no questions on the accounts, but the Clerk answered a query about the "
        "reserves.",
        [("statement", "No queries"), ("statement", "The clerk"), ("statement", "Chair to"),
         ("qa", "There were no questions")], None,
        id="nothing-asked-errands-and-actions-are-no-questions"),
    pytest.param(
        "The clerk had received a call from a parishioner asking if a bench could be placed by "
        "the pond. The council discussed this and felt that it would not be possible.\n\n"
        "Cllr Ford informed the council that the caretaker helped with traffic at the school.",
        [("qa", "The clerk had received"), ("statement", "Cllr Ford")],
        ("asking if a bench", "The council discussed this"),
        id="a-question-relayed-and-the-council-taking-it-up"),
    pytest.param(
        "Recommendation to move the website to a .gov.uk address Prop Cllr AP, 2nd Cllr AS "
        "carried\n\n"
        "Both candidates were unanimously elected to the council.\n\n"
        "In the light of that advice and the cost it was agreed that there would be no further "
        "action.\n\n"
        "a) The following payments were agreed: The Clerk's wages (£421.49).\n\n"
        "The New Homes Bonus was allocated to the play equipment project.\n\n"
        "The Chairman said it was agreed last year that the hedge would be cut twice.",
        [("decision", "Recommendation"), ("decision", "Both candidates"), ("decision", "In the"),
         ("decision", "a) The following"), ("decision", "The New Homes"),
         ("statement", "The Chairman said")], None,
        id="decisions-in-short-and-after-a-clause"),
    pytest.param(
        "In terms of contact with the Board, the Mayor reassured Members that he would attend "
        "the Committee regularly.",
        [("qa", "In terms of")], None, id="members-reassured-answers-an-unwritten-question"),
    pytest.param(
        "IP proposed that we hold this item over and all were in favour.\n\n"
        "White Lion - letter asking for a donation - it was decided not to contribute.\n\n"
        "AM presented the monthly report and this was agreed.\n\n"
        "The leaflet sets out the litter fines. We agreed to wait and see if they had any effect.",
        [("decision", "IP proposed"), ("decision", "White Lion"), ("decision", "AM presented"),
         ("decision", "The leaflet")], None, id="decisions-of-community-councils"),
]


@pytest.mark.parametrize("text, expected, parts", ROUND9_CLASSES)
def test_split_minutes_round9_classes(text: str, expected: list[tuple[str, str]],
                                      parts: tuple[str, str | None] | None) -> None:
    check_split(text, expected, parts)


def test_numbered_titles_the_page_reader_missed_name_the_items_under_them() -> None:
    text = ("Minutes of the meeting of Hatherley Community Council held on 8 January 2025\n"
            "3.Open Forum\n"
            f"{RAISED}\n"
            "4.Highways\n"
            "The Clerk reported that the gully on Mill Lane had been cleared.\n"
            "Gritting\n"
            "The grit bin at the school had been refilled.")
    doc = Document(source="minutes.txt", url="https://example.gov.uk/minutes", text=text)
    placed = [(p.item.title, p.kind, p.text[:9]) for p in split_document(doc)]
    assert placed[-3:] == [("Open Forum", "qa", "Mrs Jean "), ("Highways", "statement",
                                                               "The Clerk"),
                           ("Highways", "statement", "The grit ")]   # a sub-heading titles nothing


@pytest.mark.parametrize("text, parts", [
    ("There were worries that the new estate would add to flooding on the lane.", None),
    ("Matters brought to the Council's attention included parking at the petrol station.", None),
    ("Car parking at the school was raised, this is to be dealt with later.", None),
    ("Residents asked what the council could do to move the works on. Councillors pointed out "
     "that progress was now being made.", ("Residents asked", "Councillors pointed out")),
    ("A member of the public asked if the crib could be placed on the green.\n\n"
     "Cllr. JB to request permission from the developer.", ("crib", "Cllr. JB to request")),
    ("Another tenant was concerned at the bonfire ruling and asked for one day a year. To be "
     "considered at the next meeting.", ("bonfire ruling", "To be considered")),
])
def test_more_ways_the_public_raise_matters(text: str, parts: tuple[str, str] | None) -> None:
    doc = Document(source="minutes.txt", url="https://example.gov.uk/item", text=text,
                   item_title="Public questions or queries")
    passages = split_document(doc)
    assert [p.kind for p in passages] == ["qa"]
    if parts:
        assert parts[0] in passages[0].question and parts[1] in passages[0].answer


def test_a_matter_the_public_raised_stays_their_question_when_the_council_decides() -> None:
    text = ("Members of the public attended about a car repair business run from a house. "
            "Following much discussion it was agreed that photographs be sent to the council.")
    assert [p.kind for p in split_document(Document(
        source="m.txt", url="https://example.gov.uk/m", text=text,
        item_title="Open Forum"))] == ["qa"]


def test_a_paragraph_saying_it_records_the_public_session_raises_matters() -> None:
    segments = split_minutes("During the public session concerns were raised about potholes on "
                             "Beck Lane. It was understood that the drains had collapsed.")
    assert [(s.kind, s.answer) for s in segments] == [
        ("qa", "It was understood that the drains had collapsed.")]


def test_the_one_asked_answers_in_the_same_sentence() -> None:
    [segment] = split_minutes("Cllr Balfour was asked about speed cameras and he stated they "
                              "would only be installed where accidents had happened.")
    assert (segment.kind, segment.question, segment.answer) == (
        "qa", "Cllr Balfour was asked about speed cameras",
        "he stated they would only be installed where accidents had happened.")


def test_a_line_opening_with_a_minute_reference_starts_that_minute() -> None:
    segments = split_minutes(
        "1703-01.76 The footpath warden had submitted his report to the Chairman. Clerk\n"
        "1703-01.77 The Chairman reported that the field behind the inn had been cleared "
        "Information\n"
        "1703-02.79 Cllr Upton reported that no response had been received from the county.")
    assert [s.text[:10] for s in segments] == ["1703-01.76", "1703-01.77", "1703-02.79"]


def test_a_numbered_list_of_points_is_no_list_of_items() -> None:
    text = ("Minutes of the Community Council meeting, 13 January 2016\n\n"
            "Present: Cllr Fraser, Cllr Lee, T Heath (Secretary)\n\n"
            "Matters Arising\n\n"
            "1. Contact for the wildlife crime group is Ann Lee\n\n"
            "2. S Atkin will progress the young drivers scheme.\n\n"
            "3. Oil transfer at sea - report to follow.\n\n"
            "4. Street lights – Cllr Fraser will follow up.\n\n"
            "5. Briefing notes on 24 High Street have been requested.\n\n"
            "6. Pictures of ward councillors for the notice board\n\n"
            "7. Rosemarkie 20mph – Cllr Fraser will follow up.")
    passages = split_document(Document(source="m.txt", url="https://example.org/m", text=text))
    assert "4. Street lights – Cllr Fraser will follow up." in [p.text for p in passages]
    assert not {"Street lights", "Rosemarkie 20mph"} & {p.item.title for p in passages}
