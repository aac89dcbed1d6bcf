"""Round 17 of the splitter: the numbered parts of a resolution that the page prints without
"RESOLVED" above them (a decision notice, or "Decision:" as a label) are one decision, as a
RESOLVED block with its parts is; a motion or resolution in several "That …" paragraphs is one
passage; an issue page's agenda text above "Additional documents:" is no minutes
(docs/splitter.md, "Round 17"). The examples are written for the test."""
from __future__ import annotations

import pytest

from tests.support.segments import page_passages, passages

PARTS = ("(i) that the results of the consultation on library opening hours be noted;\n"
         "(ii) that approval be given to shorter opening hours at the three branch libraries from"
         " April. Cabinet is also asked to note the staff consultation;\n"
         "(iii) that agreement be given to a review of the mobile library service, with a report"
         " back in the autumn.")


@pytest.mark.parametrize("above", ["", "Decision:\n", "Additional documents:\n",
                                   "Report of the Director of Communities.\n"])
def test_a_resolutions_parts_without_a_head_are_one_decision(above: str) -> None:
    kinds = [kind for kind, _, _ in passages(above + PARTS, "Library Opening Hours")]
    assert [kind for kind in kinds if kind != "statement"] == ["decision"]
    [decision] = [p for p in page_passages(f"7. Library Opening Hours\n{above}{PARTS}")
                  if p.kind == "decision"]
    assert decision.text.startswith("(i) that the results of the consultation")
    assert "(ii) that approval be given to shorter opening hours" in decision.text
    assert decision.text.endswith("with a report back in the autumn.")


def test_numbered_parts_in_other_verbs_are_still_parts() -> None:
    text = ("1. That the draft parking strategy be approved.\n"
            "2. That the Director of Place be asked to report on its first year.\n"
            "3. That the Cabinet Member be given authority to make minor changes.")
    assert [kind for kind, _, _ in passages(text, "Parking Strategy")] == ["decision"]


@pytest.mark.parametrize("second", [
    "2. Apologies were received from Councillor Hale.",
    "3. That the report on the play area be noted.",   # not the next number: another list
    "(b) that approval be given to the new bench.",     # not the same numbering
])
def test_a_point_that_is_no_part_of_the_resolution_stays_apart(second: str) -> None:
    text = f"1. That the minutes of the last meeting be approved as a correct record.\n{second}"
    assert len(passages(text, "Minutes")) == 2


def test_a_list_of_points_raised_is_not_a_resolution() -> None:
    text = ("Members raised the following points:\n"
            "(a) that the consultation should be extended to the villages;\n"
            "(b) that the car park charges be reviewed before any decision.")
    assert "decision" not in [kind for kind, _, _ in passages(text, "Car Parks")]


MOTION = ("That a working group be set up to look at the future of the tip.\n\n"
          "That the future of the tip be on the agenda of every meeting of the Council.\n\n"
          "That the working group report to the Council each month.\n\n")


@pytest.mark.parametrize("lead_in", [
    "Councillor Reid then put forward the following Proposal",
    "Councillor Reid moved the following motion:",
])
def test_a_motion_in_several_paragraphs_stays_with_the_one_who_moved_it(lead_in: str) -> None:
    text = f"{lead_in}\n\n{MOTION}The motion was carried."
    [motion, outcome] = page_passages(f"5. Notice of Motion\n{text}")
    assert motion.kind == "statement" and motion.text.startswith(lead_in)
    assert motion.text.endswith("report to the Council each month.")
    assert outcome.kind == "decision" and outcome.text == "The motion was carried."


def test_a_resolution_in_several_paragraphs_is_one_decision() -> None:
    text = f"RESOLVED:\n\n{MOTION}The Chair thanked the officers for the report."
    [resolution, thanks] = page_passages(f"5. The Tip\n{text}")
    assert resolution.kind == "decision"
    assert resolution.text.endswith("report to the Council each month.")
    assert thanks.text.startswith("The Chair thanked")


def test_points_about_a_proposal_are_not_its_parts() -> None:
    text = ("The objections to the proposal included:\n"
            "a. The council had not been told of the scheme.\n"
            "b. The site floods every winter.")
    assert len(passages(text, "Planning")) == 2


ISSUE_PAGE = """Issue - meetings

Play Areas

Meeting: 12/03/2020 - Cabinet (Item 7)

7 Play Areas PDF 120 KB

To set out the condition of the play areas and to recommend how to fund their repair.
That Cabinet resolves to:
a) Agree to allocate £30,000 from reserves to the repair of play areas, and,
b) Agree to consult parish councils on the play areas they would take on.

Additional documents:

The Cabinet Member for Leisure introduced the report and said that most play areas were in good order.

RESOLVED: that £30,000 be allocated from reserves to the repair of play areas."""


def test_an_issue_pages_agenda_text_above_its_documents_is_no_minutes() -> None:
    passages_ = page_passages(ISSUE_PAGE)
    assert [p.kind for p in passages_] == ["statement", "decision"]
    assert passages_[0].text.startswith("The Cabinet Member for Leisure introduced the report")
    assert "Agree to allocate £30,000" in passages_[0].item.description
    assert not any("Agree to consult parish councils" in p.text for p in passages_)


def test_a_meeting_pages_items_keep_their_minutes_around_their_documents() -> None:
    page = ("Agenda and minutes\n\nNo. Item\n\n"
            "1. Play Areas\n\nAdditional documents:\n\n"
            "The Cabinet Member for Leisure introduced the report and said most play areas were "
            "in good order.\n\n"
            "2. Parking\n\nAdditional documents:\n\n"
            "The Cabinet Member for Transport said that parking charges would not rise this year.")
    texts = [p.text for p in page_passages(page)]
    assert any(text.startswith("The Cabinet Member for Leisure") for text in texts)
    assert any(text.startswith("The Cabinet Member for Transport") for text in texts)
