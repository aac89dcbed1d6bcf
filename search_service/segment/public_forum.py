"""Matters raised by the public in an item set aside for them ("Public Participation", "Open
Forum", "Questions from residents"): each is a question put to the council, answered or not.

Parish and town councils minute them in few words ("Mrs Dixon said she had reported water on
the bypass. Cllr Ross confirmed he had too.", "Comment that Mill Lane has no dog bin – Cllr Blane
to request one"): what the resident raised is the question, what the council's side said or
undertook the answer.
"""
from __future__ import annotations

import re

from ..model import Segment
from . import cues, qa
from .text import NOT_NAME, sentences, tidy_person

# An item title for the public's part of a meeting.
PUBLIC_ITEM = re.compile(
    r"\bpublic (?:participation|forum|session|question time|questions?|open forum|time)\b"
    r"|\bopen forum\b|\bquestions? (?:from|by) (?:the |members of the )?"
    r"(?:public|residents?|parishioners?|electors?)\b"
    r"|\b(?:matters|issues|points|comments) (?:raised |arising )?(?:by|from) "
    r"(?:the |members of the )?(?:public|residents?|parishioners?|electors?)\b"
    r"|\b(?:residents|parishioners)['’]? (?:questions|matters|issues|forum|time)\b"
    r"|\bopportunity for (?:members of )?the public\b"
    # the electors' part of an annual parish meeting
    r"|^electors\b", re.I)
_COUNCIL_SIDE = (r"(?:Councillors?|Cllrs?\.?|Coun\.?|County|District|Ward|Alderman|Mayor|Chair\w*|"
                 r"Vice|Clerk|Parish|Town|Community|Council|Members?|Officers?|The|It|This|There)")
# A paragraph opening with the public raising something: a member of the public or a resident,
# someone named who is not of the council, or the matter itself ("Comment that …").
_RAISES = (r"(?:said|asked|raised|reported|spoke|stated|commented|expressed|complained|queried|"
           r"requested|enquired|referred|mentioned|came|attended|wished|sought|addressed|"
           r"highlighted|noted|informed)")
_RAISED_BY_PUBLIC = re.compile(
    r"^(?:(?:[Aa]nother|[Oo]ne|[Aa]|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Aa] number of) )?"
    r"(?:local )?"
    rf"(?:{cues.PUBLIC_PEOPLE}|[Ee]lectors?|[Tt]enants?)\b"
    rf"|^(?:Mr|Mrs|Ms|Miss|Dr)\.? (?:[A-Z][\w'’.-]* ){{0,2}}[A-Z][\w'’-]+ "
    rf"(?:[-–—] |{_RAISES}\b)"
    r"|^(?:Comments?|Concerns?|Complaints?|Quer(?:y|ies)|Questions?) (?:that|re|about|regarding|"
    r"over|on|was|were|raised|made)\b"
    r"|^There (?:were|was) (?:\w+ )?(?:worries|concerns?|complaints?|quer(?:y|ies)|questions?)\b"
    r"|^Matters (?:brought|raised)\b|^[\w’' -]{1,40}? (?:was|were) raised\b"
    rf"|^(?!{NOT_NAME}\b|{_COUNCIL_SIDE}\b)[A-Z][a-z]+ [A-Z][\w'’-]+ (?:[-–—] |{_RAISES}\b)"
    # initials, as parish minutes name residents at their forum: "JH raised the road closures"
    r"|^[A-Z]{2,3} (?:raised|asked|queried|enquired|complained|requested)\b")
_DURING_PUBLIC = re.compile(r"^During (?:the )?(?:public (?:session|participation|forum|"
                            r"question time|time)|open (?:forum|session))\b", re.I)
# … or a paragraph labelled so: "PUBLIC : a member of the public asked …"
_PUBLIC_LABEL = re.compile(r"^Public(?: (?:participation|forum|session|questions?))?\s*:\s*",
                           re.I)
# What the public also do in their part, which raises nothing: thank the council, present a
# petition, speak for or against an application, address the meeting as a deputation.
_NOT_RAISING = re.compile(
    r"\b(?:thank\w*|petition\w*|deputation|addressed|present(?:ed)? (?:a|the|his|her|their)|"
    r"spoke (?:in (?:support|favour|objection)|against)|in attendance|(?:were|was) present|"
    # a view in support: "Member of public stated that he is not opposed to wind farms"
    r"(?:is|was|are|were) not opposed to|(?:is|was|are|were) (?:in support of|supportive of)|"
    # an offer of help or a coming and going raises nothing: "Parishioner volunteered to cut the
    # hedge", "A resident joined the meeting at 7.40pm"
    r"volunteer(?:ed|s)?|offered|joined the meeting|left the meeting|arrived)\b",
    re.I)
# … unless they ask as they do: "addressed the committee seeking information as to why …"
_ASKING = re.compile(r"\b(?:seek|sought|request|ask)\w* (?:information|clarification|details|"
                     r"an? (?:update|explanation))\b|\bas to (?:why|whether|when|how|what|who)\b")
# Where the council's side takes up the matter: its members, clerk or chair, or the council.
_COUNCIL_REPLY = re.compile(
    r"^(?:(?:County |District |Ward |Parish |Town )?(?:Councillors?|Cllrs?\.?|Coun\.?) [A-Z]"
    r"|(?:The )?(?:Clerk|Chair\w*|Mayor|Vice[- ]Chair\w*)\b"
    r"|The (?:Parish|Town|Community|Borough|District|County|City)? ?Council\b"
    r"|It was (?:agreed|confirmed|explained|noted|resolved|suggested|reported|understood)\b"
    r"|Councillors (?:pointed|said|explained|agreed|confirmed|advised|replied|responded|noted)\b"
    r"|To be (?:considered|discussed|dealt with|raised|reviewed|looked at|added|placed|put)\b"
    r"|(?:[A-Z]{2,3}|[A-Z][a-z]+ [A-Z]{1,3}) (?:to|will|would|said|confirmed|agreed|advised|"
    r"followed|has|had|passed|explained)\b)")
# A councillor replying, maybe named with a role between ("Cllr Dunn the organiser of the fete
# agreed …").
_COUNCILLOR_REPLIES = re.compile(
    r"^(?:(?:County|District|Ward|Parish|Town) )?(?:Councillors?|Cllrs?\.?|Coun\.?) "
    r"[A-Z][^.;]{0,80}? (?:to|agreed|confirmed|said|explained|advised|replied|responded|stated|"
    r"undertook|would|will)\b")
_DASH = re.compile(r" [-–—] ")
_MAX_TITLE, _MAX_TITLE_WORDS = 120, 16
_SENTENCE_INSIDE = re.compile(r"[.?!:] \S")


def is_public_item(title: str | None) -> bool:
    """Whether an agenda item is the public's part of the meeting."""
    return bool(title and PUBLIC_ITEM.search(title))


def is_public_title(text: str) -> bool:
    """Whether a line inside minutes is the title of the public's part ("Public Participation",
    "1. Open Forum", "Opportunity for Members of the Public to Raise Matters.")."""
    return len(text) <= _MAX_TITLE and len(text.split()) <= _MAX_TITLE_WORDS \
        and is_public_item(text) and not _SENTENCE_INSIDE.search(text)


def in_public_session(text: str) -> bool:
    """Whether a paragraph says it records the public's part ("During the public session
    concerns were raised about …"), or is labelled so and raises a matter ("PUBLIC : a member
    of the public asked …")."""
    return bool(_DURING_PUBLIC.match(text)) or (bool(_PUBLIC_LABEL.match(text))
                                                 and raised_by_public(text))


def raised_by_public(text: str) -> bool:
    """Whether a paragraph opens with the public raising a matter."""
    if label := _PUBLIC_LABEL.match(text):
        text = text[label.end():]
    first = (sentences(text[:600]) or [""])[0]
    if _DURING_PUBLIC.match(text):
        return not _NOT_RAISING.search(first) or bool(_ASKING.search(first))
    return bool(_RAISED_BY_PUBLIC.match(text)) and not cues.NOTHING_ASKED.match(first) and (
        not _NOT_RAISING.search(first) or bool(cues.ASKS.search(first) or _ASKING.search(first)))


def council_replies(question: str, text: str) -> bool:
    """Whether a paragraph is the council's reply to a matter the public raised in the paragraph
    before ("Cllr Dunn, the organiser of the fete, agreed that he would arrange …", "Action:
    Clerk to ask the developer")."""
    if not raised_by_public(question):
        return False
    action = cues.ACTION_LABEL.match(text)
    if action:
        return bool(_COUNCIL_REPLY.match(text[action.end():300]))
    return bool(_COUNCILLOR_REPLIES.match(text[:300]))


def public_question(text: str) -> Segment:
    """A matter the public raised as a qa segment: the council's reply, where the paragraph
    records one, is the answer."""
    parts = sentences(text)
    reply = next((k for k in range(1, len(parts))
                  if _COUNCIL_REPLY.match(parts[k]) or qa.opens_reply(parts[k])), None)
    if reply is not None:
        question, answer = " ".join(parts[:reply]), " ".join(parts[reply:])
    elif (dash := _dash_reply(parts[0])) is not None:
        question, answer = parts[0][:dash.start()], " ".join([parts[0][dash.end():], *parts[1:]])
    else:
        question, answer = text, None
    asker = qa.asker(question) or qa.speaker(question)
    return Segment("qa", text, question, answer, asked_by=tidy_person(asker) if asker else None,
                   answered_by=qa.speaker(answer) if answer else None)


def _dash_reply(sentence: str) -> re.Match[str] | None:
    """The dash before the council's part of a one-line note ("Comment that … – Cllr Blane to
    request one")."""
    return next((dash for dash in _DASH.finditer(sentence)
                 if dash.start() > 0 and _COUNCIL_REPLY.match(sentence[dash.end():])), None)

