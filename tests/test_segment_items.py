"""Agenda items found on pages whose layout hides them (round 6): ModernGov tables flattened onto
one line a row, minute books with unnumbered or oddly numbered headings. Every example is
written for these tests."""
from __future__ import annotations

import pytest

from search_service.model import Document
from search_service.segment import read_page, split_document


def titles(text: str) -> list[tuple[str | None, str | None]]:
    return [(item.number, item.title) for item, _ in read_page(text).items]


def test_flattened_rows_give_titled_items_with_their_descriptions() -> None:
    page = read_page(
        "Venue: The Guildhall\n| No. | Item |\n|---|---|\n|\n"
        "Apologies for Absence To receive apologies. Minutes: Apologies were received from "
        "Councillor Amos. |\n|\n"
        "Bus Shelter Repairs PDF 120 KB Report attached Minutes: The Clerk said three shelters "
        "on Mill Road needed new glass.\nResolved that the repairs be ordered. |\n"
        "Skate Park Minutes: Members asked when the ramps would reopen. |")
    assert [(item.title, item.description) for item, _ in page.items] == [
        ("Apologies for Absence", "To receive apologies."),
        ("Bus Shelter Repairs", "Report attached"),
        ("Skate Park", None)]
    assert page.items[1][1].strip().splitlines() == [
        "The Clerk said three shelters on Mill Road needed new glass.",
        "Resolved that the repairs be ordered."]


def test_flattened_rows_without_a_header_are_items_too() -> None:
    passages = split_document(Document(source="p", url="p", text=(
        "Apologies were received from Councillor Ruiz.\n"
        "Mayor's Announcements To receive any announcements. Additional documents: Minutes: "
        "The Mayor thanked the volunteers who cleared the canal towpath.\n"
        "Allotments Minutes: The Clerk reported that the water supply had been repaired.")))
    assert [(p.item.title, p.text) for p in passages] == [
        ("Mayor's Announcements", "The Mayor thanked the volunteers who cleared the canal towpath."),
        ("Allotments", "The Clerk reported that the water supply had been repaired.")]


def test_upper_case_title_run_on_into_its_description() -> None:
    assert titles(
        "Agenda and minutes\nNo. Item\n"
        "LIBRARY OPENING HOURS Members are asked to note the report. Minutes: Members noted it.\n"
        "CHAIR'S ANNOUNCEMENTS The Chair will make any announcements. Minutes: None.") == [
        (None, "LIBRARY OPENING HOURS"), (None, "CHAIR'S ANNOUNCEMENTS")]


def test_unnumbered_headings_alone_on_their_lines_open_items() -> None:
    passages = split_document(Document(source="p", url="p", text=(
        "Present: Councillors Hale and Oduya\n\n"
        "Police Report\n\nThere had been four thefts of catalytic converters in the village "
        "since March.\n\n"
        "Footpaths and Stiles\n\nThe stile on footpath 12 had been replaced by the landowner "
        "last month.\n\n"
        "Village Hall Roof\n\nThe Council agreed to accept the lower of the two quotes for the "
        "repair.")))
    assert [p.item.title for p in passages] == ["Police Report", "Footpaths and Stiles",
                                                 "Village Hall Roof"]


@pytest.mark.parametrize("line", [
    "The report covered a review of the strategy",   # a sentence without its full stop
    "Decision",                                      # a label inside an item
    "Councillor Hale",                               # a speaker's name above a speech
])
def test_lines_that_are_not_unnumbered_headings(line: str) -> None:
    text = (f"Members discussed the bus timetable at length.\n\n{line}\n\nThe changes would "
            f"start in May after the consultation closed.\n\nGrass Cutting\n\nThe contractor "
            f"had cut the verges twice since the last meeting.")
    assert all(item.title != line for item, _ in read_page(text).items)


@pytest.mark.parametrize("heading, number, title", [
    ("A011/19 3. PUBLIC QUESTIONS", "A011/19", "PUBLIC QUESTIONS"),
    ("52/20/PC      Grass Cutting Contract", "52/20/PC", "Grass Cutting Contract"),
    ("07/11:02 FINANCE AND BUDGET", "07/11:02", "FINANCE AND BUDGET"),
    ("4.ELECTION OF VICE-CHAIR.", "4", "ELECTION OF VICE-CHAIR"),
    ("5. Correspondence.", "5", "Correspondence"),
    ("23/41 | REPORT OF THE TOWN CLERK", "23/41", "REPORT OF THE TOWN CLERK"),
    ("XIV COMMUNITY GRANTS", "XIV", "COMMUNITY GRANTS"),
])
def test_numbered_heading_forms(heading: str, number: str, title: str) -> None:
    text = (f"{heading}\nThe Clerk presented the item to the meeting.\n"
            f"99/99 Any Other Business\nThere was none.")
    assert titles(text)[0] == (number, title)


def test_a_numbered_list_after_its_lead_in_is_not_items() -> None:
    page = read_page(
        "4. Housing Update\nThe Director set out three priorities for the year ahead:\n"
        "1. Empty Homes: bring two hundred empty homes back into use.\n"
        "2. Repairs: answer urgent repairs within a day.\n"
        "3. Damp: inspect every reported case of mould.\n"
        "5. Any Other Business\nThere was none.")
    assert [item.title for item, _ in page.items] == ["Housing Update", "Any Other Business"]


def test_a_page_of_one_numbered_item_takes_its_title() -> None:
    [passage] = split_document(Document(source="p", url="p", text=(
        "8 Quarter Two Performance Report PDF 2 MB\nCouncillor Lowe introduced the report "
        "and said that sickness absence had fallen again.")))
    assert (passage.item.number, passage.item.title) == ("8", "Quarter Two Performance Report")


def test_the_word_minutes_in_a_site_menu_does_not_make_the_page_one_item() -> None:
    page = read_page(
        "Home\nMinutes\nContact Us\n\nPresent: Councillors Hale and Oduya\n\n"
        "1. Play Area\nThe new swings had been installed and were well used.\n"
        "2. Speed Watch\nVolunteers had recorded forty vehicles over the limit.")
    assert [item.title for item, _ in page.items] == ["Play Area", "Speed Watch"]


def test_a_linked_title_keeps_its_description_out_of_the_headings() -> None:
    page = read_page(
        "Agenda and minutes\nVenue: Online meeting. View directions\nNo. Item\n\n"
        "Cemetery Fees pdf icon PDF 120 KB\n\nReport of the Bereavement Services Manager\n\n"
        "Members agreed to hold the fees at this year's level for a further year.\n\n"
        "Litter Bins pdf icon PDF 80 KB\n\nReport of the Street Scene Manager\n\n"
        "The manager said that twelve new bins would be placed on the sea front.")
    assert [item.title for item, _ in page.items] == ["Cemetery Fees", "Litter Bins"]


def test_a_decision_details_page_is_titled_by_its_decision() -> None:
    [passage] = split_document(Document(source="p", url="p", text=(
        "Decision details\n\nDecision details\n\nAllotment Rents 2025/26\n\n"
        "Decision Maker: Cabinet\n\nIs Key decision?: No\n\nDecision:\n\n"
        "Cabinet agreed to raise allotment rents by five per cent from April.")))
    assert passage.item.title == "Allotment Rents 2025/26"
    assert passage.text == "Cabinet agreed to raise allotment rents by five per cent from April."
