"""Round 5 of the splitter: classes of passage found wrong on pages of councils in no labelled
set (docs/splitter.md). Each example is written for the test, in the manner of those pages."""
from __future__ import annotations

import pytest

from search_service.segment import read_page, split_minutes
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
    pytest.param(
        "A written question was received from Ann Lowe regarding the closure of the Marsh Road "
        "toilets. Councillor Hart provided a written response.",
        [("qa", "A written question")], ("closure of the Marsh Road", "provided a written"),
        id="written-question-received"),
    pytest.param(
        "Mr Dale asked a supplementary question. The toilets were the only ones on the seafront. "
        "When will they reopen?\n\n"
        "Councillor Hart replied that the repairs would be finished by Easter.",
        [("qa", "Mr Dale asked")], ("When will they reopen?", "repairs would be finished"),
        id="supplementary-question-after-its-preamble"),
    pytest.param(
        "Concern was expressed that residents had only been told of the works a week before. "
        "JB explained that the county had sent the letters.",
        [("qa", "Concern was")], ("only been told", "JB explained"),
        id="concern-answered-by-initials"),
    pytest.param(
        "The meeting resolved to award grants totalling £4,000 to the youth club and the band.\n\n"
        "The scouts grant was awarded and a condition added that the hut is insured.\n\n"
        "A vote was taken on the Council's response to the application and it was neutral.",
        [("decision", "The meeting"), ("decision", "The scouts"), ("decision", "A vote")],
        None, id="decisions-of-a-meeting-awards-and-votes"),
    pytest.param(
        "Mr Cole addressed the Council about the market. He queried whether the Council had the "
        "staff to run it. The stalls were old and half were empty.\n\n"
        "Councillor Young, Portfolio Holder for Markets, responded that a manager had been hired.",
        [("qa", "Mr Cole")], ("The stalls were old", "a manager had been hired"),
        id="asker-goes-on-then-a-named-reply"),
    pytest.param(
        "Cllr Dee asked a supplementary question. Why was the number nine bus cut, the Leader "
        "advised that the operator had decided it alone.",
        [("qa", "Cllr Dee")], ("Why was the number nine bus cut", "the operator had decided"),
        id="supplementary-question-answered-in-its-sentence"),
    pytest.param(
        "It was proposed that Councillor Lee would write to the highways authority about the "
        "hedges.\n\n"
        "Planning application 21/0042/FUL – 3 Mill Lane. No objections.",
        [("decision", "It was proposed"), ("decision", "Planning application")], None,
        id="a-proposal-and-a-consultee-answer"),
    pytest.param(
        "The grounds of the call-in were:\n\n"
        "i) Cost - The saving was too small for the harm done. ii) Options - No other options "
        "were put to the Cabinet Member. iii) Equality - The change would hit older readers.",
        [("statement", "i) Cost"), ("statement", "ii) Options"), ("statement", "iii) Equality")],
        None, id="list-points-run-onto-one-line"),
    pytest.param(
        "Ms Rowe raised the following queries\n\n"
        "• When will the new partnership start\n"
        "• Who will chair it",
        [("qa", "When will"), ("qa", "Who will")], None,
        id="a-lead-in-without-its-colon"),
    pytest.param(
        "Councillor Hurst in relation to school transport costs\n\n"
        "The Executive Member stated that the contract would be retendered in the spring.",
        [("qa", "Councillor Hurst")], ("school transport costs", "retendered in the spring"),
        id="who-asked-about-what-above-the-answer"),
    pytest.param(
        "A motion to co-opt Mrs Ann Bell on to the Community Council was proposed seconded and "
        "unanimously passed.",
        [("decision", "A motion")], None, id="a-motion-proposed-and-seconded"),
    pytest.param(
        "Councillor Blake, Leader of the Council, responded to questions from the Committee on "
        "the write-off of business rates. He said that debtors could not be named.\n\n"
        "The report also responded to concerns from the parish councils.",
        [("qa", "Councillor Blake"), ("statement", "The report")], None,
        id="a-reply-to-questions-not-recorded"),
    pytest.param(
        "Balance of current accounts: Recent payments were noted and approved. Balances were "
        "checked and agreed as correct.",
        [("decision", "Balance of current")], None, id="a-longer-inline-label"),
    pytest.param(
        "A question and answer session followed –\n\n"
        "• Fly-tipping was a problem in the ward, so could Members have a note of the work done "
        "since the last meeting?\n"
        "o The service had recruited a behaviour change officer, who would start in May.",
        [("qa", "Fly-tipping")], ("could Members have a note", "behaviour change officer"),
        id="a-nested-point-answers-a-point-that-asks"),
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


def test_a_numeral_left_at_the_start_of_a_point_is_no_question_topic() -> None:
    segments = split_minutes(
        "Stage 2:\n\n"
        "I. Consider the report of the task group; and\n\n"
        "II. II. Note the response set out in the report\n\n"
        "The Mayor agreed that both stages be taken together.")
    assert [s.kind for s in segments] == ["statement", "statement", "statement"]


def test_an_item_titled_in_agenda_words_at_length_opens_its_item() -> None:
    page = read_page(
        "3. Declarations of interest\nNo interests were declared.\n"
        "4. To consider options for the village hall car park and to agree a preferred option "
        "for resurfacing\nCllr Shaw had circulated three quotes before the meeting.")
    assert [(item.number, item.title) for item, _ in page.items] == [
        ("3", "Declarations of interest"),
        ("4", "To consider options for the village hall car park and to agree a preferred "
              "option for resurfacing")]


def test_a_written_question_names_who_sent_it_and_who_answered() -> None:
    [exchange] = split_minutes(
        "A written question was received from Ann Lowe regarding the Marsh Road toilets. "
        "Councillor Hart provided a written response.")
    assert (exchange.asked_by, exchange.answered_by) == ("Ann Lowe", "Councillor Hart")


def test_a_name_in_a_list_of_those_present_speaks_for_nobody() -> None:
    segments = split_minutes(
        "Present:\n\nCouncillor Reece\n\nThe Committee received a report on the election "
        "criteria.")
    assert all(s.speaker is None for s in segments)


def test_paragraphs_flattened_onto_one_line_are_apart_again() -> None:
    # (a page whose line breaks became runs of spaces: one line of over 1,000 characters)
    segments = split_minutes("   ".join([
        "Mr Ellis asked how many dog bins there were in the parish, and whether any more could "
        "be put along the river path where walkers had complained about bags left on the "
        "fences. The Clerk replied that there were seven, all emptied weekly by the district.",
        "Mr Dixon reported that the county council had a new leader, who had said that the "
        "review of adult social care would start in the new year and report in the summer, "
        "with the aim of finding how services could be delivered more efficiently.",
        "Correspondence: the member of parliament would be in the layby opposite the shop on "
        "his village tour at ten past three on the twenty-eighth of August, and residents were "
        "welcome to meet him there to raise any matter of concern to the village.",
        "An email had been received from residents of The Street reporting damage to the verge "
        "outside the chapel by delivery lorries turning, which the Clerk would pass to the "
        "highways team with photographs taken by the residents in the last fortnight.",
        "The Chairman closed the meeting at nine o'clock and thanked the residents who had "
        "come to speak about the verge."]))
    assert [s.text[:6] for s in segments] == ["Mr Ell", "Mr Dix", "Corres", "An ema", "The Ch"]


def test_minutes_run_onto_one_line_are_cut_at_their_minute_numbers() -> None:
    segments = split_minutes(
        "22/20 Mast: it was asked if the mast would carry the village hall's connection. SP "
        "responded that he was waiting to hear. 24/20 Highways: the grid near Slade Lane was "
        "still loose. 25/20 Website: the new pages were finished.")
    assert [s.text[:5] for s in segments] == ["22/20", "24/20", "25/20"]


def test_actions_listed_under_a_heading_are_passages_of_their_own() -> None:
    segments = split_minutes(
        "Actions:\n\n"
        "• The Clerk to order two new litter bins for the playing field.\n"
        "• Cllr Dean to ask the county about the broken street light on Mill Lane.")
    assert [s.text[:10] for s in segments] == ["The Clerk ", "Cllr Dean "]


def test_a_point_made_in_debate_answers_no_question() -> None:
    segments = split_minutes(
        "Members asked whether the lorries would use the lane through the village, and were "
        "advised that a traffic plan was a condition.\n\n"
        "During debate, Mr Gale expressed support, saying the scheme would help the grid.")
    assert [s.kind for s in segments] == ["qa", "statement"]


def test_a_numbered_list_inside_an_item_does_not_undo_the_minute_book() -> None:
    page = read_page(
        "1. Apologies for Absence\nNone received.\n"
        "2. Matters Arising\nThere were no matters raised.\n"
        "3. Report re Cemetery fees\nThe fees were to meet these aims:\n"
        "1. Ensure that the fee structure covered its costs\n"
        "2. Ensure that fees compared with the city cemetery\n"
        "4. Any Other Business\nThe Clerk reported that the gates had been painted.")
    assert [item.title for item, _ in page.items] == [
        "Apologies for Absence", "Matters Arising", "Report re Cemetery fees",
        "Any Other Business"]
