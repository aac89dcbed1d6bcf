"""Rounds 7 and 8 of the splitter: classes of passage found wrong on fresh sets of pages of
councils in no labelled set, read for these rounds (sets M and O, docs/splitter.md); another fresh
set (N) was only scored. Each example is written for the test, in the manner of those pages."""
from __future__ import annotations

import pytest

from search_service.segment import read_page
from tests.support.segments import check_split

ROUND7_CLASSES = [
    pytest.param(
        "- Two residents attended.\n"
        "- One resident was concerned that Mill Lane had been closed and the 52 bus diverted\n"
        "- Cllr Hale advised that the lane would reopen in October and the bus return then\n"
        "- The hedge on Church Walk needed cutting back",
        [("statement", "Two residents"), ("qa", "One resident"), ("statement", "The hedge")],
        ("Mill Lane had been closed", "Cllr Hale advised"), id="a-concern-answered-point-by-point"),
    pytest.param(
        "Concern was raised about the state of the play area fence. Chairman explained that a "
        "quote had been requested and clerk confirmed that it was due this month.",
        [("qa", "Concern was raised")], ("play area fence", "Chairman explained"),
        id="parish-officers-named-without-an-article"),
    pytest.param(
        "A member of the public raised concerns about speeding on the Bridport road through the "
        "village.\n\n"
        "Mrs Alder raised the condition of the footpath behind the school.\n\n"
        "Peter Quayle sought permission to plant bulbs on the green.",
        [("qa", "A member of the public"), ("qa", "Mrs Alder"), ("qa", "Peter Quayle")], None,
        id="the-public-raising-a-matter-unanswered"),
    pytest.param(
        "Councillor Vane expressed concerns about the cost of the new signage.\n\n"
        "Concern was raised that the report understated the work of the committees.",
        [("statement", "Councillor Vane"), ("statement", "Concern was raised")], None,
        id="members-concerns-unanswered-stay-points"),
    pytest.param(
        "The Committee sought clarification on a number of areas in the report which included:\n"
        "  • the take-up of the discretionary housing payments,\n"
        "  • the timetable for the new waste contract.",
        [("qa", "the take-up"), ("qa", "the timetable")], None,
        id="points-under-a-request-for-clarification"),
    pytest.param(
        "The Clerk was asked to write to the county about the blocked footpath.\n\n"
        "A cheque was signed to Mr Hale for the mower service, £120.\n\n"
        "The Parish Council co-opted Jane Reed as a councillor.",
        [("decision", "The Clerk"), ("decision", "A cheque"), ("decision", "The Parish")], None,
        id="actions-payments-and-co-options-decided"),
    pytest.param(
        "1. The Clerk had circulated the list of outstanding matters (see attached) 2. The "
        "Clerk had advertised the post of lengthsman RESOLVED to appoint from 1 May 3. It was "
        "agreed to buy a bench for the green",
        [("statement", "1. The Clerk had circulated"), ("decision", "2. The Clerk had advertised"),
         ("decision", "3. It was agreed")], None, id="numbered-points-run-on-without-stops"),
    # round 8 (set O: Scottish and Welsh community councils)
    pytest.param(
        "Update on actions from the last meeting\n"
        "AB to renew the insurance for the village hall – completed and filed with the clerk\n"
        "CD to ask the council about the broken streetlight on Mill Brae – still waiting\n"
        "EF to order two new litter bins for the play park – ordered in March",
        [("statement", "Update on"), ("statement", "AB to renew"), ("statement", "CD to ask"),
         ("statement", "EF to order")], None, id="action-lines-are-points-not-a-wrapped-paragraph"),
    pytest.param(
        "Mr Dale presented the plans for the wind turbine. There were questions from the public. "
        "i) Height? The same as the three consented, 45m to the hub. ii) Noise? A survey had "
        "found it within the limits.",
        [("statement", "Mr Dale presented"), ("qa", "i) Height?"), ("qa", "ii) Noise?")], None,
        id="points-run-on-after-a-sentence"),
    pytest.param(
        "Ann Reid proposes Tom Bell as Chairman and Sue Hay seconds.\n\n"
        "Nobody stood down, and Jan Low was unanimously voted in as Treasurer.\n\n"
        "Approved by Ann Reid; Seconded by Tom Bell.\n\n"
        "The request was discussed further and Members agreed to give £50 to the gala.",
        [("decision", "Ann Reid"), ("decision", "Nobody"), ("decision", "Approved by"),
         ("decision", "The request")], None, id="elections-motions-and-agreements"),
]


@pytest.mark.parametrize(("text", "expected", "parts"), ROUND7_CLASSES)
def test_split_minutes_round7_classes(text: str, expected: list[tuple[str, str]],
                                      parts: tuple[str, str | None] | None) -> None:
    check_split(text, expected, parts)


def test_numbered_questions_from_the_public_are_no_agenda_items() -> None:
    page = read_page(
        "Minute Number 7 – Questions from the Public.\n\n"
        "Q1) Mr Wren – Could the bins by the bus station be emptied more often?\n\n"
        "A1) Councillor Lake replied that the contract was being reviewed.\n\n"
        "Q2) Sally Finch – When will the Christmas lights go up?\n\n"
        "A2) The Mayor replied that they would go up on 28 November.\n\n"
        "8. Finance\n\nThe accounts were approved.")
    assert [(item.number, item.title) for item, _ in page.items] == [
        ("7", "Questions from the Public"), ("8", "Finance")]
    assert "Q1) Mr Wren" in page.items[0][1] and "A2) The Mayor" in page.items[0][1]


def test_public_participation_above_the_first_numbered_minute_is_kept() -> None:
    page = read_page(
        "Minutes of the Parish Council meeting held on 4 March 2021\n"
        "Present: Ann Hart\n"
        "Bob Lane\n"
        "Cath Moss\n"
        "Public Participation\n"
        "- Four members of the public were present\n"
        "- A resident asked when the grit bin on Hill Road would be refilled\n"
        "12/21 Apologies\n"
        "- Cllr Lane\n"
        "13/21 Minutes of the last meeting\n"
        "- Approved")
    first_item, minutes = page.items[0]
    assert first_item.number is None and "Four members of the public" in minutes
    assert "grit bin on Hill Road" in minutes and "Bob Lane" not in minutes


def test_upper_case_titles_run_into_their_minutes_open_items() -> None:
    page = read_page(
        "MINUTES of the meeting of the Parish Council held on Monday 3 May in the Village Hall.\n\n"
        "FINANCE. A cheque was signed to Mr Hale for the mower service, £120.\n\n"
        "PLANNING. A letter had been received from the district about the barn conversion.\n\n"
        "HIGHWAYS AND FOOTPATHS. The Clerk was asked to report the pothole on Mill Road.")
    assert [item.title for item, _ in page.items] == [
        None, "FINANCE", "PLANNING", "HIGHWAYS AND FOOTPATHS"]
    assert page.items[1][1].startswith("A cheque was signed")


def test_the_numbered_parts_of_a_decision_are_no_run_in_titles() -> None:
    page = read_page(
        "DECISION: The Cabinet agreed to:\n\n"
        "I. Adopt the revised Climate Action Plan.\n\n"
        "II. Delegate authority to the Director to make minor changes.\n\n"
        "III. Delegate authority to the Director to publish the plan.")
    assert len(page.items) == 1 and "II. Delegate" in page.items[0][1]
