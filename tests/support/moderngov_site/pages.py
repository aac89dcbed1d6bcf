"""Web-service XML and meeting pages in the shapes ModernGov publishes them.

The XML follows `mgWebService.asmx` (lower-case element names, dates as dd/mm/yyyy, flags as
True/False, agenda titles escaped twice). The meeting page follows `ieListDocuments.aspx`: site
chrome around `div#modgov`, an `h1.mgMainTitleTxt` page kind, an `h2.mgSubTitleTxt` heading with
committee, date and time, Venue/Contact lines, then `table.mgItemTable` rows of
`td.mgItemNumberCell` and a cell with `p.mgAiTitleTxt` (with its "PDF 244 KB" link),
`div.mgWordPara` description, "Additional documents:" link lists, `p.mgSubItemTitleTxt`
"Minutes:" and a `div.mgWordPara` body, or for a meeting published only as printed minutes, a
"Printed minutes PDF" link among the meeting's links. The body's markup varies per meeting, as
councils' does: Word paragraphs saved as Windows-1252, Word `·` bullets, `ul.mgBulletList`
lists, and layout tables with `<font>` tags.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from urllib.parse import quote

ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _xml(root: str, body: str) -> bytes:
    return f'<?xml version="1.0" encoding="utf-8"?>\n<{root}>\n{body}</{root}>\n'.encode("utf-8")


def _flag(value: object) -> str:
    return "True" if value else "False"


def _ddmmyyyy(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")


def committees_xml(committees: list[dict]) -> bytes:
    rows = "".join(
        f"  <committee>\n    <committeeid>{c['id']}</committeeid>\n"
        f"    <committeetitle>{escape(escape(c['title']))}</committeetitle>\n"
        f"    <committeedeleted>{_flag(c.get('deleted'))}</committeedeleted>\n"
        f"    <committeeexpired>{_flag(c.get('expired'))}</committeeexpired>\n"
        f"    <committeecategory>Committees</committeecategory>\n  </committee>\n"
        for c in committees)
    return _xml("committees", f"  <committeescount>{len(committees)}</committeescount>\n{rows}")


def meetings_xml(meetings: list[dict]) -> bytes:
    rows = "".join(
        f"    <meeting>\n      <meetingid>{m['id']}</meetingid>\n"
        f"      <meetingdate>{_ddmmyyyy(m['date'])}</meetingdate>\n"
        f"      <meetingtime>{m['time']}</meetingtime>\n"
        f"      <meetingstatus>Confirmed</meetingstatus>\n    </meeting>\n"
        for m in meetings)
    return _xml("getmeetings", f"  <meetingscount>{len(meetings)}</meetingscount>\n"
                               f"  <meetings>\n{rows}  </meetings>\n")


def meeting_xml(meeting: dict, committee: dict) -> bytes:
    items = "".join(
        f"      <agendaitem>\n        <agendaitemid>{meeting['id']}{i['number']}</agendaitemid>\n"
        f"        <agendaitemnumber>{i['number']}</agendaitemnumber>\n"
        f"        <fulldisplaynumberformat>{i['number']}.</fulldisplaynumberformat>\n"
        f"        <agendaitemtitle>{escape(escape(i['title']))}</agendaitemtitle>\n"
        f"      </agendaitem>\n"
        for i in meeting["items"])
    body = (f"  <meeting>\n    <meetingid>{meeting['id']}</meetingid>\n"
            f"    <meetingdate>{_ddmmyyyy(meeting['date'])}</meetingdate>\n"
            f"    <meetingtime>{meeting['time']}</meetingtime>\n"
            f"    <committeeid>{committee['id']}</committeeid>\n"
            f"    <committeetitle>{escape(escape(committee['title']))}</committeetitle>\n"
            f"    <meetinglocation>{escape(meeting['venue'])}</meetinglocation>\n"
            f"    <agendapublished>True</agendapublished>\n"
            f"    <minutespublished>{_flag(meeting['minutes_published'])}</minutespublished>\n"
            f"    <agendaitems>\n{items}    </agendaitems>\n  </meeting>\n")
    return _xml("getmeeting", body)


def heading(meeting: dict, committee: dict) -> str:
    """"Council - Thursday, 4th November, 2004 2.00 pm", as ModernGov heads a meeting page."""
    date = dt.date.fromisoformat(meeting["date"])
    suffix = ORDINAL.get(date.day, "th")
    return f"{committee['title']} - {date:%A}, {date.day}{suffix} {date:%B}, {date.year} {meeting['time']}"


def _bullet(paragraph: str) -> str | None:
    return paragraph[1:].strip() if paragraph.startswith("·") else None


def _word(paragraphs: list[str]) -> str:
    """Word's HTML: MsoNormal paragraphs in styled spans, empty paragraphs between, Symbol bullets."""
    out = []
    for paragraph in paragraphs:
        bullet = _bullet(paragraph)
        if bullet is not None:
            out.append("<p class=MsoListParagraph style='margin-left:36.0pt;text-indent:-18.0pt;"
                       "mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:"
                       "Symbol'>&#183;<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;"
                       "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=EN-GB>"
                       f"{escape(bullet)}<o:p></o:p></span></p>")
        else:
            text = escape(paragraph).replace("Question:", "<b>Question:</b>")
            out.append("<p class=MsoNormal style='text-align:justify'><span lang=EN-GB "
                       "style='font-size:12.0pt;font-family:\"Arial\",\"sans-serif\"'>\n"
                       f"{text}<o:p></o:p></span></p>\n"
                       "<p class=MsoNormal><span lang=EN-GB>&nbsp;<o:p></o:p></span></p>")
    return "\n".join(out)


def _word_bullets(paragraphs: list[str]) -> str:
    """Paragraphs with bullets typed as "·" and non-breaking spaces, entities for punctuation."""
    out = []
    for paragraph in paragraphs:
        bullet = _bullet(paragraph)
        text = escape(bullet if bullet is not None else paragraph).replace("’", "&rsquo;")
        prefix = "&middot;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; " if bullet is not None else ""
        out.append(f"<p class=\"MsoNormal\">{prefix}{text}</p>\n<p>&nbsp;</p>")
    return "\n".join(out)


def _lists(paragraphs: list[str], list_class: str = "mgBulletList") -> str:
    """Plain paragraphs, runs of bullets as one list."""
    out: list[str] = []
    bullets: list[str] = []
    for paragraph in paragraphs + [""]:
        bullet = _bullet(paragraph)
        if bullet is not None:
            bullets.append(f"<li>{escape(bullet)}</li>")
            continue
        if bullets:
            out.append(f'<ul class="{list_class}">' + "".join(bullets) + "</ul>")
            bullets = []
        if paragraph:
            out.append(f"<p>{escape(paragraph)}</p>")
    return "\n".join(out)


def _nested_tables(paragraphs: list[str]) -> str:
    """A layout table around the minutes, fonts, and a vote table, as older pages have."""
    inner = _lists(paragraphs, list_class="").replace("<p>", '<p><font face="Arial" size="2">')
    inner = inner.replace("</p>", "</font></p>")
    return ("<table width=\"100%\" border=\"0\"><tr><td><div>\n" + inner +
            "\n</div></td></tr></table>")


BODY_MARKUP = {"word-cp1252": _word, "word-bullets": _word_bullets, "lists": _lists,
               "nested-tables": _nested_tables}


def printed_minutes_path(meeting: dict, committee: dict) -> str:
    """Where ModernGov keeps a meeting's printed minutes: `documents/g{MId}/Printed minutes …`."""
    date = dt.date.fromisoformat(meeting["date"])
    suffix = ORDINAL.get(date.day, "th")
    name = (f"Printed minutes {date.day:02d}{suffix}-{date:%b-%Y} {meeting['time']} "
            f"{committee['title']}.pdf")
    return f"documents/g{meeting['id']}/{quote(name)}?T=1"


def _item_row(meeting: dict, item: dict, position: int) -> str:
    printed = meeting.get("markup") == "printed"
    render = BODY_MARKUP[meeting.get("markup", "lists")] if not printed else None
    doc_link = (f' <a href="documents/s{meeting["id"]}{item["number"]}/Report.pdf" '
                f'class="mgAiLink"><img src="mgLoadIcon.gif" alt="pdf icon" /> PDF '
                f'{100 + 12 * position} KB</a>' if position % 2 == 0 else "")
    parts = [f'<tr>\n<td class="mgItemNumberCell"><p class="mgAiTitleTxt">{item["number"]}.</p></td>',
             f'<td>\n<p class="mgAiTitleTxt"><a href="mgAi.aspx?ID={meeting["id"]}{item["number"]}">'
             f'{escape(item["title"])}</a>{doc_link}</p>']
    if item.get("description"):
        parts.append(f'<div class="mgWordPara"><p>{escape(item["description"])}</p></div>')
    if position % 2 == 1:
        parts.append('<p class="mgSubItemTitleTxt">Additional documents:</p>\n'
                     '<ul class="mgBulletList"><li><a href="documents/s9/Appendix%20A.pdf">'
                     '<img src="mgLoadIcon.gif" alt="pdf icon" /> Appendix A PDF 88 KB</a></li></ul>')
    parts.append(f'<ul class="mgActionList"><li><a href="ieDecisionDetails.aspx?AIId={meeting["id"]}">'
                 f'View the decision for item {item["number"]}.</a></li></ul>')
    if meeting["minutes_published"] and item["minutes"] and render:
        parts.append('<p class="mgSubItemTitleTxt">Minutes:</p>')
        parts.append(f'<div class="mgWordPara">\n{render(item["minutes"])}\n</div>')
    parts.append("</td>\n</tr>")
    return "\n".join(parts)


def meeting_page(meeting: dict, committee: dict) -> bytes:
    """The meeting page (`ieListDocuments.aspx`) as a council's ModernGov site serves it."""
    cp1252 = meeting.get("markup") == "word-cp1252"
    charset = "windows-1252" if cp1252 else "utf-8"
    kind = "Agenda and minutes" if meeting["minutes_published"] else "Agenda"
    rows = "\n".join(_item_row(meeting, item, n) for n, item in enumerate(meeting["items"]))
    printed = (f'\n<li><a href="{escape(printed_minutes_path(meeting, committee))}" '
               f'class="mgPdfLink"><img src="mgLoadIcon.gif" alt="pdf icon" /> Printed minutes '
               f'PDF 48 KB</a></li>' if meeting.get("markup") == "printed" else "")
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>Agenda for {escape(committee['title'])} on {escape(heading(meeting, committee).split(' - ', 1)[1])} - Test Council</title>
<link type="text/css" href="SiteSpecific/ssMgStyles.css" rel="stylesheet" />
<script type="text/javascript">var mgJsMeeting = "{meeting['id']}"; if (1 < 2) {{ document.title += ""; }}</script>
<style>.mgHide {{ display: none; }}</style>
</head>
<body>
<div id="skip"><a href="#modgov">Skip to content</a></div>
<ul class="sitenav"><li><a href="/">Home</a></li><li><a href="/council">Council and Democracy</a></li></ul>
<div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">{kind}</h1></div>
<div class="mgSubTitle"><h2 class="mgSubTitleTxt">{escape(heading(meeting, committee))}</h2></div>
<div class="mgLinks"><ul class="mgActionList">
<li><a href="mgCommitteeDetails.aspx?ID={committee['id']}">Committee details</a></li>
<li><a href="ieListMeetings.aspx?CId={committee['id']}">Browse meetings</a></li>{printed}</ul></div>
<div class="mgContent">
<p><span class="mgLabel">Venue: </span>{escape(meeting['venue'])}</p>
<p><span class="mgLabel">Contact: </span>Democratic Services&nbsp; Tel: 01234 567890</p>
<p class="mgHide">Media</p>
<table class="mgItemTable" summary="Agenda items for this meeting">
<caption class="mgSectionTitle">Items</caption>
<tr><th class="mgItemNoTitleTxt" scope="col">No.</th><th class="mgItemTitleTxt" scope="col">Item</th></tr>
{rows}
</table>
</div>
</div>
<div id="footer"><p>&copy; Test Council</p></div>
</body>
</html>
"""
    return page.encode("cp1252", "xmlcharrefreplace") if cp1252 else page.encode("utf-8")
