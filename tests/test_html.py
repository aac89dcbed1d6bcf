"""ModernGov HTML → page text the splitter reads exactly as it reads a page saved as text."""
from pathlib import Path

import pytest

from search_service.model import Document
from search_service.segment import split_document
from search_service.sources import read_paths
from search_service.sources.html import html_to_text, read_html_file
from tests.support.moderngov_site import FakeModernGov
from tests.support.moderngov_site.pages import meeting_page

DATA = Path(__file__).parent / "data" / "html"


@pytest.mark.parametrize("markup, expected", [
    # The item title loses its trailing document link text.
    ('<p class="mgAiTitleTxt"><a href="mgAi.aspx?ID=1">Review of Reserves</a> '
     '<a href="documents/s1/r.pdf"><img alt="pdf icon"> PDF 244 KB</a></p>', "Review of Reserves"),
    ('<p class="mgAiTitleTxt">Pimlico District HeatingPDF 500 KB</p>', "Pimlico District Heating"),
    # Entities and non-breaking spaces become plain text.
    ("<p>Children&rsquo;s&nbsp;&nbsp;Services &amp; Schools</p>", "Children’s Services & Schools"),
    # Lists keep one point per line, as the splitter's bullets and numbers.
    ('<ul class="mgBulletList"><li>First</li><li>Second</li></ul>', "· First\n\n· Second"),
    ('<ol><li>Noted</li><li>Agreed</li></ol>', "1. Noted\n\n2. Agreed"),
    ('<ol type="a" start="2"><li>Noted</li></ol>', "b. Noted"),
    # Word's typed and Symbol-font bullets.
    ("<p>&middot;&nbsp;&nbsp;&nbsp;&nbsp; A point</p>", "· A point"),
    ("<p><span style='font-family:Symbol'>&#61623;</span><span>&nbsp;&nbsp;</span>A point</p>",
     "· A point"),
    # Source line wraps are spaces; <br> is a line break inside the paragraph.
    ("<p>The Committee considered\nthe report.<br>RESOLVED that it be noted.</p>",
     "The Committee considered the report.\nRESOLVED that it be noted."),
    # Word's conditional comments, XML islands and <o:p> leave nothing behind.
    ("<div><!--[if gte mso 9]><xml><w:View>Normal</w:View></xml><![endif]-->"
     "<p class=MsoNormal>Text<o:p></o:p></p><p class=MsoNormal>&nbsp;<o:p></o:p></p></div>", "Text"),
    # Furniture: scripts, hidden elements, action links and attached-document lists.
    ("<script>var x = 1;</script><p style='display:none'>hidden</p>"
     '<ul class="mgActionList"><li><a href="ieDecisionDetails.aspx?AIId=1">View the decision</a>'
     '</li></ul><p>Kept</p><ul class="mgBulletList"><li><a href="documents/s9/App.pdf">Appendix A '
     "PDF 88 KB</a></li></ul>", "Kept"),
    # The item table: header cells share a line, each cell is a block.
    ('<table class="mgItemTable"><tr><th>No.</th><th>Item</th></tr><tr><td class="mgItemNumberCell">'
     '<p class="mgAiTitleTxt">5.</p></td><td><p class="mgAiTitleTxt">Budget</p></td></tr></table>',
     "No. Item\n\n5.\n\nBudget"),
    # Nested layout tables and <font>.
    ('<table><tr><td><table><tr><td><font face="Arial">Inner text</font></td></tr></table></td>'
     "<td>Next cell</td></tr></table>", "Inner text\n\nNext cell"),
    ('<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared</p></body></html>', "Declared"),
    ("", ""),
    ("<!-- only a comment -->", ""),
])
def test_markup_patterns_become_page_text(markup, expected):
    assert html_to_text(markup) == expected


def test_only_the_moderngov_content_area_is_read():
    page = ('<body><ul><li><a href="/">Home</a></li></ul><div id="modgov">'
            '<h1 class="mgMainTitleTxt">Agenda item</h1><p>Minutes:</p></div><p>Footer</p></body>')
    assert html_to_text(page) == "Agenda item\n\nMinutes:"


def test_windows_1252_bytes_are_decoded():
    page = "<p>£1,500 – Councillor Mrs Farrow’s charity</p>".encode("cp1252")
    assert html_to_text(page) == "£1,500 – Councillor Mrs Farrow’s charity"


def test_saved_item_page_splits_exactly_like_its_saved_text():
    doc = read_html_file(str(DATA / "ambulance-review-mgAi-16263.html"))
    assert doc.url == "http://councillors.kingsfordshire.example.gov.uk/mgAi.aspx?ID=16263"
    saved = (DATA / "ambulance-review-mgAi-16263.txt").read_text(encoding="utf-8")
    from_text = split_document(Document(source="saved", url=doc.url, text=saved))
    from_html = split_document(doc)
    assert [(p.kind, p.text) for p in from_html] == [(p.kind, p.text) for p in from_text]
    assert from_html[0].item.title == ("AMBULANCE RESPONSE TIMES IN KINGSFORDSHIRE - SCRUTINY "
                                       "REVIEW")
    assert "Ambulance review report" not in doc.text  # the attached-document list


def test_meeting_page_gives_committee_date_and_numbered_items():
    site = FakeModernGov()
    meeting = site.meeting("910")
    doc = Document(source="p", url="p", text=html_to_text(
        meeting_page(meeting, site.committee("261"))))
    passages = split_document(doc)
    assert {p.meeting.committee for p in passages} == {"Council"}
    assert {p.meeting.date.isoformat() for p in passages} == {"2004-11-04"}
    assert [(p.item.number, p.item.title) for p in passages][:2] == [
        ("50", "By-Election: Millbrook Ward, Ashworth"),
        ("51", "Chairman's Charity: Cheque Presentation")]
    saved = (DATA / "council-910.txt").read_text(encoding="utf-8")
    from_text = split_document(Document(source="saved", url="saved", text=saved))
    assert [(p.kind, p.text) for p in passages] == [(p.kind, p.text) for p in from_text]


def test_html_files_are_read_by_the_index_command_readers(tmp_path):
    broken = tmp_path / "binary.htm"
    broken.write_bytes(b"\x00\x01<html>")
    docs = list(read_paths([str(DATA / "ambulance-review-mgAi-16263.html"), str(broken)]))
    assert docs[0].text.startswith("Agenda item\n\nAMBULANCE RESPONSE")
    assert str(docs[1]) == f"{broken}: looks like a binary file, not text"
