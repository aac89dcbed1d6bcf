"""Round 15 of the splitter: a page whose minutes run together on one line, each minute opening
with its own number ("C535 Police Report …"), and councillors each noting a matter in turn where
nothing was asked (docs/splitter.md, "Round 15"). The examples are written for the test."""
from __future__ import annotations

import pytest

from search_service.segment import split_minutes
from tests.support.segments import kinds, page_texts, passages as passages_of_item

# A parish council's minutes as a scanned page gives them: header, then every minute on one line.
_RUN_TOGETHER = (
    "Minutes of the Meeting of Upper Sheep Town Council held on Monday, 4 March 2024 at the Town "
    "Hall Present: Cllrs: A Bee (Chairman), C Dee, E Eff Apologies: Cllr G Gee (Holiday) "
    "C101 Declarations of Interest No interests were declared. "
    "C102 Police Report No police representative was present. "
    "C103 Reports on Town Matters The Clerk reported that the new bins had been installed on the "
    "green. She added that the contractor would return to fix the damaged post. The old bins "
    "had been taken to the depot for recycling. "
    "Cllr Dee noted that the footpath by the school was badly cracked and she asked that it be "
    "repaired before the winter. Cllr Eff noted that the bus shelter glass was broken again. "
    "C104 Open Forum Two residents attended to speak about the parking on Mill Lane, which they "
    "said had become worse since the new houses were occupied.")


def test_minutes_run_together_split_at_their_own_numbers() -> None:
    texts = page_texts(_RUN_TOGETHER)
    assert any(text.startswith("C102 Police Report No police") and text.endswith("present.")
               for text in texts)
    assert any(text.startswith("C104 Open Forum Two residents") for text in texts)


def test_a_councillor_noting_a_matter_opens_a_point_of_their_own() -> None:
    # nothing was asked before "Cllr Dee noted …": it is her point, not a reply to the Clerk's
    texts = page_texts(_RUN_TOGETHER)
    dee = next(text for text in texts if "footpath by the school" in text)
    assert dee.startswith("Cllr Dee noted") and "new bins" not in dee


def test_a_reply_to_a_question_stays_with_it() -> None:
    asked = ("Mr Hale asked whether the council would replace the broken bench on the green, "
             "which had been reported twice. ") * 4
    texts = page_texts("Public participation\n\n" + asked + "Cllr Dee noted that a new bench had "
                   "been ordered and would be fitted in April.")
    assert len([text for text in texts if "new bench had been ordered" in text]) == 1
    reply = next(text for text in texts if "new bench had been ordered" in text)
    assert reply.startswith("Mr Hale asked")


def test_minutes_numbered_in_words_split_there_too() -> None:
    page = ("MINUTES OF THE UPPER SHEEP ANNUAL PARISH MEETING 2024 The meeting was held on "
            "Wednesday 8th May in the Village Hall at 7pm. PRESENT: Ann Bee (Chairman), Carl Dee "
            "(Clerk) and 12 parishioners. The Chairman welcomed everyone to the meeting and "
            "thanked the volunteers who had kept the churchyard tidy over the winter months, "
            "and those who had run the spring fair. MINUTE 1 Apologies - Mrs Eve Eff and Mr "
            "Gus Gee. MINUTE 2 Matters arising - none. MINUTE 3 Police report The Police "
            "Community Support Officer reported two thefts from sheds since January and one "
            "report of speeding on Mill Lane, and asked residents to keep reporting anything "
            "suspicious. The speed watch group would be out again in June on the main road, and "
            "volunteers to join it were asked to give their names to the Clerk after the "
            "meeting.")
    assert "MINUTE 2 Matters arising - none." in page_texts(page)


def test_a_resolution_inside_a_point_ends_at_the_next_point() -> None:
    # "(b)" follows "(a)", the point the resolution sits in: it is no part of the resolution
    page = ("Minutes of the Churchyard Committee held on 2nd November 2024\n\n"
            "2. Matters arising\n\n(a) Co-option of Mr Hale:\n\n"
            "· Resolved that Mr Hale is co-opted to the committee\n\n"
            "(b) Terms of reference: the parish council has agreed that a quorum should be two."
            "\n\n(c) Grounds maintenance: the work on the yew tree has not yet been done.")
    texts = page_texts(page)
    assert "Resolved that Mr Hale is co-opted to the committee" in texts
    assert any(text.startswith("(c) Grounds maintenance") for text in texts)


def test_the_parts_of_a_resolution_stay_with_it() -> None:
    page = ("Minutes of the Finance Committee held on 2nd November 2024\n\n"
            "4. Budget\n\nRESOLVED that:\n\n(a) the draft budget be approved;\n\n"
            "(b) the precept be set at £41,000.")
    assert [text for text in page_texts(page) if "RESOLVED" in text] == [
        "RESOLVED that: (a) the draft budget be approved; (b) the precept be set at £41,000."]


def test_points_numbered_on_one_line_are_points_of_their_own() -> None:
    page = ("Minutes of the Parish Council held on 2nd November 2024\n\n"
            "Police Matters 1. Dates for the bike marking day are 5 October at the village stores."
            " 2. There is a new list of officers patrolling the area.\n\n"
            "The meeting closed at 9pm after 1. 5 hours.")
    texts = page_texts(page)
    assert "2. There is a new list of officers patrolling the area." in texts
    assert "The meeting closed at 9pm after 1. 5 hours." in texts


@pytest.mark.parametrize("text", [
    # a motion minuted by who moved and seconded it
    "Councillor Hale proposed and Councillor Moss seconded that the hedge survey be deferred "
    "until the spring.",
    # resolved, under an Act rather than "that" or "to"
    "It was resolved under the Public Bodies (Admission to Meetings) Act 1960 to exclude the "
    "press and public for the next item.",
    # … behind the minute's own reference
    "24/07 It was resolved under the Public Bodies (Admission to Meetings) Act 1960 to exclude "
    "the press and public for the next item.",
])
def test_decisions_minuted_as_motions_and_resolutions(text: str) -> None:
    assert passages_of_item(text, "Order of business") == [("decision", None, None)]


def test_a_motion_seconded_is_no_decision_until_it_says_what() -> None:
    # ("… seconded an objection", "… seconded a motion as set out below": what follows decides)
    text = "Councillor Hale proposed and Councillor Moss seconded an objection to the scheme."
    assert passages_of_item(text, "Planning") == [("statement", None, None)]


@pytest.mark.parametrize("text, question, answer", [
    # a point put to someone, who replies by name in the next sentence
    ("Cllr Rose said that the council needs to know what the market stall is for. Cllr Taylor "
     "replied that it was all about meeting residents.",
     "Cllr Rose said that the council needs to know what the market stall is for.",
     "Cllr Taylor replied that it was all about meeting residents."),
])
def test_a_point_replied_to_by_name_is_a_question_put(text: str, question: str,
                                                      answer: str) -> None:
    assert passages_of_item(text, "Market stall") == [("qa", question, answer)]


def test_questions_responded_to_after_a_talk_are_no_question_put() -> None:
    text = ("The Director presented the Business Plan 2024-28. The Director then responded to "
            "questions from Councillors Hale, Moss and Lee.")
    assert kinds(text, "Business plan") == ["statement"]


def test_thanks_replied_to_are_no_question() -> None:
    text = ("Cllr Hale thanked Cllr Moss for his year as chairman. Cllr Moss replied that it had "
            "been a pleasure.")
    assert kinds(text, "Chairman") == ["statement"]


def test_a_point_of_the_public_answered_in_its_next_sentence_splits_there() -> None:
    text = ("Questions and comments included:\n\n"
            "· The litter bin on the bus shelter should be rustic. It was noted that this is a "
            "temporary bin while the matter is considered.")
    assert passages_of_item(text, "Public forum") == [(
        "qa", "The litter bin on the bus shelter should be rustic.",
        "It was noted that this is a temporary bin while the matter is considered.")]


@pytest.mark.parametrize("text", [
    "After further discussion it was proposed by Cllr Chown, seconded by Cllr Lee that the van "
    "be purchased.",
    "It was proposed by Cllr Darby and seconded by Cllr Newton and it was the unanimous decision "
    "to add any buyer to the waiting list.",
    "Claire to send the quotes to the clerk. Unanimously agree to purchase.",
    "Christine Tamplin – proposed by Cllr Edwarde seconded by Cllr Smith and unanimously "
    "appointed.",
    "The clerk will write to the landowner, this was agreed by all.",
    "The Council declined the request for a donation.",
    "The Parish Council has no objections to this application.",
    "Following a vote the motion fell.",
    "The motion fell.",
    "The community council considered and adopted the Model Standing Orders.",
    "£6,000 to be moved from the savings account. Proposed by Cllr Trott and seconded by Cllr "
    "Beer.",
    # (names written with stops)
    "It was proposed by Cllr. C. Moses and seconded by Cllr. A. Davies that the hall hire "
    "charges stay the same.",
])
def test_decisions_parish_councils_minute_in_their_own_words(text: str) -> None:
    assert passages_of_item(text, "Parish business") == [("decision", None, None)]


def test_a_motion_followed_by_its_vote_is_the_motion_and_the_vote_decides() -> None:
    motion = ("It was proposed by Councillor Hale and seconded by Councillor Moss that the "
              "application be deferred for a site visit.")
    vote = "Vote: For 6, Against 5. The motion was carried."
    errand = "The Clerk will write to the applicant."
    assert kinds(f"{motion}\n\n{vote}", "Land at Mill Lane") == ["statement", "decision"]
    assert kinds(f"{motion}\n\n{errand}", "Land at Mill Lane") == ["decision", "statement"]


def test_a_topic_in_a_list_of_correspondence_asks_nothing() -> None:
    text = ("Correspondence received:\n\n"
            "- District Council - Local Plan Site Allocations Consultation. Approval of tree "
            "works for outside 1 Cage Hill.\n\n"
            "- County Council - Village Benefits Advice Service leaflet.")
    assert kinds(text, "Correspondence") == ["statement", "statement"]


def test_a_topic_in_a_list_of_questions_answered_is_one_more() -> None:
    text = ("Members asked about the new collections:\n\n"
            "· Whether the vehicles could take all bin sizes? The vehicles can take any size.\n\n"
            "· The need to increase recycling rates in the borough. This scheme aims to raise "
            "the recycling rate across every kind of property.")
    assert kinds(text, "Recycling") == ["qa", "qa"]


def test_the_movers_line_alone_heads_the_resolution() -> None:
    text = ("Proposed by Councillor Rhodes and seconded by Councillor Potts.\n\n"
            "Resolved that Councillor Hale be elected Chairman for the year.")
    assert kinds(text, "Election of Chairman") == ["statement", "decision"]


def test_a_question_posed_and_answered() -> None:
    text = ("A question was posed on whether health services could work more closely with the "
            "police. Mr Shaw outlined the work the council already did with them.")
    assert passages_of_item(text, "Ward councillor's report") == [(
        "qa", "A question was posed on whether health services could work more closely with the "
        "police.", "Mr Shaw outlined the work the council already did with them.")]


def test_an_enquiry_made_outside_the_meeting_asks_it_nothing() -> None:
    text = ("The Clerk had contacted the neighbouring council to ask whether they would share the "
            "cost. It was due to be discussed at its March meeting.")
    assert kinds(text, "Street lighting") == ["statement"]


@pytest.mark.parametrize("text, question, answer", [
    ("Response from Mr Prigmore regarding request to reduce the speed limit to 20mph: “The "
     "criteria state that 20mph limits suit roads where speeds are already low.”",
     "request to reduce the speed limit to 20mph",
     "“The criteria state that 20mph limits suit roads where speeds are already low.”"),
    ("Reply from Highways re the Parish Council's request for a grit bin – one will be installed "
     "in the autumn.",
     "the Parish Council's request for a grit bin", "one will be installed in the autumn."),
])
def test_a_response_received_to_a_request_made(text: str, question: str, answer: str) -> None:
    assert passages_of_item(text, "Highways") == [("qa", question, answer)]


@pytest.mark.parametrize("text", [
    "Response from the resident was noted.",
    "Reply from Highways about the verges – the grass will be cut twice more this year.",
])
def test_a_sentence_opening_like_a_reply_label_keeps_its_text(text: str) -> None:
    # (a label line, "Response by Councillor Price:", names who speaks and holds no text; these
    # were taken for one and lost)
    assert page_texts(text) == [text]


def test_an_office_filled_is_decided() -> None:
    text = ("Cllr Nolan was proposed as chairman for the ensuing year. There were no further "
            "nominations; therefore, Cllr Nolan was elected.")
    assert kinds(text, "Election of Chairman") == ["decision"]


def test_a_response_to_a_consultation_heads_no_questions() -> None:
    text = ("The Planning Committee recommended a response to the planning appeal as follows:\n\n"
            "The Parish Council has responded to the consultation giving reasons why the "
            "application should not take place.\n\n"
            "The Finance Working Party recommended approval of the payments.")
    assert "qa" not in kinds(text, "Planning")


def test_an_office_filled_by_someone_with_a_title_and_initials() -> None:
    text = ("In accordance with Standing Orders the retiring Deputy Chairman, Mr. J E Lightfoot "
            "was appointed Chairman for the municipal year.")
    assert kinds(text, "Appointment of Chairman") == ["decision"]


@pytest.mark.parametrize("text, answered_by", [
    ("Response from Andrew Prigmore regarding request to reduce the speed limit: it cannot be "
     "lowered on this road.", "Andrew Prigmore"),
    ("Reply from Highways re the request for a grit bin – one will be installed.", None),
])
def test_who_answers_a_request_is_a_person(text: str, answered_by: str | None) -> None:
    [segment] = split_minutes(text)
    assert segment.answered_by == answered_by


def test_a_question_asked_among_a_reports_points_is_one() -> None:
    text = ("The police reported on the last month:\n\n"
            "There had been 18 incidents, half of them traffic offences.\n\n"
            "The question regarding speeding on the Rashfield road was brought up by Mr McEwan, "
            "who has over 200 signatures on a petition for a lower limit.")
    assert kinds(text, "Police report") == ["statement", "qa"]


def test_a_resident_offering_help_raises_nothing() -> None:
    text = "Open forum:\n\nParishioner volunteered to cut the hedge by the allotment site."
    assert kinds(text, "Public forum") == ["statement"]


@pytest.mark.parametrize("text", [
    # nothing asked, said after the update
    "The allotment holder was invited to give an update, and said advice had been sought on "
    "keeping hens. The Chairman thanked the allotment holder. No other comments or questions "
    "were raised.",
    # the chair's own question on procedure, and the chair going on
    "The Chairman asked if anyone present wished to record the meeting, there were no requests. "
    "The Chairman reported that he will be recording the meeting for the minutes only.",
    # an errand not yet run
    "a) Cllr. Shaw, referring to item 10, reported that he cleared nettles from the verge on "
    "Manor Hill.  The Clerk said she had not yet asked Cllr. Lee to speak to Dr Lynch about the "
    "hedge.",
])
def test_nothing_asked_of_the_meeting(text: str) -> None:
    assert kinds(text, "Welcome") == ["statement"]


def test_the_chair_going_on_after_a_question_on_procedure_replies_to_nobody() -> None:
    text = ("The Chair asked whether anyone present would be recording the meeting. One member of "
            "the public said they would be recording.\n\n"
            "The Chair explained that the meeting had been called by six electors.")
    assert kinds(text, "Welcome") == ["statement", "statement"]


@pytest.mark.parametrize("text", [
    "Accounts for Payment: These were agreed.",
    "Vice Chair: DD was appointed",
    "It has been agreed that three days' notice will be given if parking on the green is needed.",
    "Items agreed for payment: £763.63 D E Owen, £14.70 SLCC.",
    "The election of Cllrs Price and Kendall to the HR Committee was unanimously APPROVED.",
    "Planning application: Foxgloves, Gunnerside. The council raised no objections or comments.",
    "Proposed. Councillor Brown. Seconded. Councillor Sudworth. Unanimous.",
])
def test_decisions_minuted_in_few_words(text: str) -> None:
    assert kinds(text, "Finance") == ["decision"]
