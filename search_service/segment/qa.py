"""Question and answer: find the question a passage records and the answer given to it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import cues
from .text import PERSON, ends_question, sentences, tidy_person

# A first sentence with no finite verb ("The need to increase recycling rates.") names a topic.
_FINITE = re.compile(r"\b(?:is|are|was|were|had|has|have|would|could|should|will|can|did|does|"
                     r"do|may|might|must|\w{3,}ed)\b", re.I)
_CHAIR = re.compile(r"^(?:the )?(?:Chair|Chairman|Chairperson|Chairwoman|Vice[- ]Chair\w*|Mayor)$",
                    re.I)
_SUBJECT_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|the|of|and|for|&)$")
# Where a reply clause can begin inside the sentence that asks.
_CLAUSE = re.compile(r"[,;] (?:and |but |whereupon )?| (?:and|but|whereupon) | [-–—] ")
_NO_QUESTION = re.compile(
    rf"{PERSON}|(?:(?:[Aa]n?|[Tt]he) )?(?:[Oo]ther |[Ff]urther |[Vv]arious )?"
    r"(?:(?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}['’]s? )?(?:supplementary )?"  # Members' questions
    rf"(?:questions?|quer(?:y|ies)|comments?)(?: (?:from|by|raised by) {PERSON})?")
# A sentence after the first that opens as a reply ("… of the officer. In answer to …").
_LATER_RESPONSE = re.compile(r"[.!?] (?:In (?:response|reply|answer) to|Responding to)\b")
# Verbs that, with no subject of their own, carry on the asker's point rather than reply.
_POINT_GOES_ON = re.compile(r"(?:suggested|expressed|commented|added|stressed|emphasi[sz]ed|"
                            r"highlighted|noted|encouraged|outlined)\b")
_ASKED_OF = re.compile(r"\b(?:was|were) asked\b")
# "How many reports were received? – Just over 14,000.": a point's answer after a dash.
_DASH_ANSWER = re.compile(r"(?<=[?.]) [-–—] (?=[A-Z0-9\"“])")
_PERSON = re.compile(PERSON)
# A topic that names who reports rather than a matter raised: "LCC Division Member – Cllr Catton
# reported …", "Police Report – The PCSO said …".
_REPORTER_TOPIC = re.compile(r"\b(?:Members?|Councillors?|Cllrs?|Officers?|Clerk|Chair\w*|Mayor|"
                             r"Police|PCSO|Reports?|Updates?)$", re.I)
# A direct question by its word order, whatever ends it: "Could the Panel be given the dates".
_INVERTED = re.compile(r"^(?:Could|Can|Would|Will|Is|Are|Does|Do|Did|Has|Have) (?:the|a|an|this|"
                       r"that|these|those|there|it|we|you|they|he|she|officers|members|"
                       r"councillors|any|all)\b", re.I)
_TOPIC_DASH = re.compile(r" [-–—] (?=[A-Z])")
# A point worded as a question without a question mark: "What the average cost was."
_WH_START = re.compile(r"^(?:What|How|Why|When|Where|Which|Who|Whether)\b")
# What the public raising a matter says it does (a suggestion or a comment is no question).
_RAISES_A_MATTER = re.compile(r"\b(?:concern(?:s|ed)?|raised|worr(?:y|ies|ied)|requested|asked for|"
                              r"sought|complain(?:ed|ts?)?)\b", re.I)
_NAMED_COUNCILLOR = re.compile(r"^(?:Cllrs?\.?|Councillors?) [A-Z]")
# The meeting's agreement where an answer would be: "… and it was agreed that …".
_AGREED = re.compile(r"(?:[Ii]t|[Tt]his) was (?:\w+ )?(?:agreed|resolved|decided)\b")
# A sentence whose pronoun speaks on, rather than being spoken to ("He explained …").
_GOES_ON = re.compile(r"^(?:He|She|They) (?!(?:was|were) )")
# … and a clause whose pronoun goes on asking: "One member asked for an update; he explained
# that …" (where "…, and he replied that …" is the one asked).
_ASKER_GOES_ON = re.compile(r"^(?:he|she|they) (?:explained|said|stated|added|felt|noted|"
                            r"commented|suggested|continued|went on)\b")
# A sentence saying only that a question was put: "Ms Hilton asked a supplementary question."
_ASKED_WITHOUT_CONTENT = re.compile(r"\basked (?:a|the|one|his|her|their) (?:supplementary |"
                                    r"further |follow-up |additional )?question\.?$")
_MAX_SCAN = 1500   # the cues sit at the start of a passage; never scan a whole long paragraph
MAX_SENTENCES = 4


@dataclass(frozen=True)
class Exchange:
    """The parts of a question-and-answer passage; any part may be unknown."""

    question: str | None = None
    answer: str | None = None
    asked_by: str | None = None
    answered_by: str | None = None


def asker(text: str) -> str | None:
    """Who asked, where the passage names them ("Councillor Hilton asked …")."""
    match = cues.ASKER.search(text[:_MAX_SCAN]) or cues.INITIALS_ASK.match(text)
    if not match:
        return None
    return tidy_person(next(g for g in match.groups() if g))


def speaker(text: str) -> str | None:
    """Who speaks in a passage that opens with a person and a verb of speech."""
    head = text[:400]
    match = cues.SPEAKER_START.match(head) or cues.REPLY_GIVEN.match(head) \
        or cues.COLON_REPLY.match(head) or cues.INITIALS_SPEAK.match(head)
    return tidy_person(match[1]) if match else None


def is_chair(name: str | None) -> bool:
    """Whether a speaker is the person chairing (whose questions are procedural)."""
    return bool(name and _CHAIR.match(name))


def _answer_start(text: str, verb_at: int, floor: int) -> int:
    """Where the clause holding the answer verb at `verb_at` begins (its subject included)."""
    comma = text.rfind(", ", floor, verb_at)
    if comma >= 0:
        return comma + 2
    start = verb_at
    for word in reversed(text[floor:verb_at].split()[-8:]):
        if not _SUBJECT_WORD.match(word):
            break
        start = text.rfind(word, floor, start)
    return start


def _strip_intro(question: str) -> str | None:
    """The question without its introduction ("a question from X about"); None when it only
    says that someone asked ("a query from Councillor Petrini", "Councillor Deane")."""
    question = question.strip(" ,;")
    if _NO_QUESTION.fullmatch(question):
        return None
    return cues.QUESTION_INTRO.sub("", question, count=1).strip(" ,;") or question


def in_response(text: str) -> Exchange | None:
    """'In response to a question about X, Y was told that Z' → question X, answer Z."""
    head = text[:_MAX_SCAN]
    match = cues.IN_RESPONSE.match(head)
    if not match:
        # "Members then asked questions of the officer. In answer to Members' questions, …"
        if not _LATER_RESPONSE.search(head):
            return None
        parts = sentences(head)
        if len(parts) > 1 and cues.IN_RESPONSE.match(parts[1]):
            return in_response(text[text.find(parts[1]):])
        return None
    rest_at = match.end()
    verb = cues.ANSWER_AT.search(head, rest_at)
    if verb:
        start = _answer_start(text, verb.start(), rest_at)
    else:
        first = (sentences(text[rest_at:]) or [""])[0]
        comma = text.find(", ", rest_at, rest_at + len(first))
        if comma >= 0:
            start = comma + 2
        elif first and not first.endswith((".", "!", "?")):
            # lines run together: "In response to interest in the cobbles Mr Denison provided …"
            start = text.find(first, rest_at) + len(first) + 1
        else:
            start = -1
    if start <= rest_at:
        return Exchange(answer=text[rest_at:].strip(" ,") or None, asked_by=asker(head))
    question = _strip_intro(text[rest_at:start])
    answer = text[start:].strip()
    return Exchange(question=question, answer=answer, asked_by=asker(head),
                    answered_by=speaker(answer))


def response_from(text: str) -> Exchange | None:
    """'Response from X regarding request to Y: …' → question 'request to Y', answer '…'."""
    match = cues.RESPONSE_FROM.match(text)
    if not match:
        return None
    # (who answers is named only when a person is: "Andrew Prigmore", not "Highways")
    who = match["who"] if _PERSON.fullmatch(match["who"]) else None
    return Exchange(match["asked"], text[match.end():], answered_by=who and tidy_person(who))


def _split_in_sentence(parts: list[str], k: int, cue_end: int) -> Exchange | None:
    """Split sentence k at '…, <someone> replied …' or '… and was advised …' after the cue."""
    sentence = parts[k]
    found = [m for m in (cues.ANSWER_AT.search(sentence, cue_end),
                         cues.NAMED_REPLY_AT.search(sentence, cue_end)) if m]
    if not found:
        return None
    verb = min(found, key=lambda m: m.start())
    boundary = None
    for match in _CLAUSE.finditer(sentence, cue_end, verb.start()):
        boundary = match
    subject = sentence[boundary.end():verb.start()] if boundary else ""
    # ("Cllr Lee was asked about speed cameras and he stated …": the one asked answers)
    asked_of = _ASKED_OF.search(sentence, 0, cue_end)
    if boundary is None or len(subject.split()) > 10 \
            or (_ASKER_GOES_ON.match(sentence[boundary.end():]) and not asked_of):
        return None
    if not subject.strip() and _POINT_GOES_ON.match(verb.group()):
        return None   # "… expressed concerns … and suggested …": the asker goes on
    before = " ".join(parts[:k] + [sentence[:boundary.start()]])
    after = " ".join([sentence[boundary.end():]] + parts[k + 1:])
    return Exchange(before, after, asker(before), speaker(after))


def opens_reply(sentence: str, to_point: bool = False) -> bool:
    """Whether a sentence opens the reply to a point before it, given by someone other than
    the members ("The Head of Finance explained …", "It was confirmed …", "In reply, …");
    `to_point`: a reply in so many words, as a member's point (no question) needs."""
    head = sentence[:400]
    if cues.MEMBER_START.match(head) or cues.DECISION_START.match(head) \
            or cues.DECISION_OPEN.match(head) or cues.ASKER_GOES_ON.match(head):
        return False   # (a body noting or agreeing decides rather than replies; "Also, he
        # reported …" is the one who asked going on)
    if to_point:
        return bool(cues.ANSWERS_POINT.match(head) or cues.OTHER_REPLY.match(head))
    return bool(cues.ANSWER_START.match(head) or cues.NOTED_ANSWER.match(head)
                or cues.OTHER_REPLY.match(head) or cues.INITIALS_REPLY.match(head))


def _reply_at(rest: list[str], first: int, to_point: bool) -> int | None:
    """Which of the next sentences (from `first`, up to the third) opens a reply by someone named
    (a sentence opening "He said …" may be the member going on; "It was noted that …" a sentence
    or two after a point notes rather than answers)."""
    return next((j for j in range(first, min(len(rest), 3))
                 if opens_reply(rest[j], to_point) and not cues.PRONOUN_START.match(rest[j])
                 and not cues.NOTED_ANSWER.match(rest[j])), None)


def _asking_goes_on(parts: list[str], k: int) -> int:
    """The last sentence of a question that opens at sentence k: the sentences after it that ask
    again or carry on a member's point belong to it, until one opens a reply ("Cllr Lee asked a
    question of the Chair. The question sought an update on … / In response, …"); after a
    sentence saying only that a question was asked, up to the one that asks it ("Ms Hilton
    asked a supplementary question. <its preamble>. What will the Council do?")."""
    if _ASKED_WITHOUT_CONTENT.search(parts[k]):
        asking = next((j for j in range(k + 1, min(len(parts), k + MAX_SENTENCES))
                       if ends_question(parts[j])), None)
        if asking is not None:
            return asking
    while k + 1 < min(len(parts), MAX_SENTENCES):
        sentence = parts[k + 1]
        # (the member goes on with the point, "The Member suggested …"; a councillor named
        # anew may be the one who replies, and "Members were advised …" is a reply to them)
        member = cues.MEMBER_POINT.match(sentence) and not cues.ANSWERED_TO.match(sentence) \
            and not _NAMED_COUNCILLOR.match(sentence)
        if not member and (answers(sentence) or cues.NOTED_ANSWER.match(sentence)
                           or cues.OTHER_REPLY.match(sentence)
                           or cues.DECISION_START.match(sentence)
                           or not (cues.ASKS.search(sentence) or ends_question(sentence))
                           or asker(sentence)):   # (someone named asks anew)
            break
        k += 1
    return k


def asked(text: str, topic_split: bool, in_list: bool = False,
          among_questions: bool = False) -> Exchange | None:
    """A passage that records a question (asked, queried, '…?') and perhaps the reply after it.

    A point merely raised (a concern, a request) counts only when an answer follows it. With
    `topic_split` (a questions section) or `in_list` (a list point opening with a topic such as
    "The need to increase recycling."), the first sentence is the question and the rest the answer
    — in a list, where the rest replies, the topic raises a point or the point before was a
    question answered (`among_questions`).
    """
    if (topic_split or in_list) and (dash := _DASH_ANSWER.search(text, 0, _MAX_SCAN)):
        question, answer = text[:dash.start()], text[dash.end():]
        if is_question(question):
            return Exchange(question, answer, asker(question), speaker(answer))
    if (topic_split or in_list) and (dash := _TOPIC_DASH.search(text, 0, 200)):
        # "The cost of the review – It was confirmed that …": a topic, then the answer
        # ("The Area Manager – Environment Agency agreed …" names a speaker and a role)
        topic, answer = text[:dash.start()], text[dash.end():]
        if not _FINITE.search(topic) and not _PERSON.fullmatch(topic) \
                and not _REPORTER_TOPIC.search(topic.strip()) \
                and (answers(answer) or cues.NOTED_ANSWER.match(answer)
                     or cues.OTHER_REPLY.match(answer)):
            return Exchange(topic, answer, None, speaker(answer))
    parts = sentences(text[:_MAX_SCAN * 4])
    start = 0   # the first sentence that may name who asks
    member_spoke = False   # a member made a point in a sentence before
    for k, sentence in enumerate(parts[:MAX_SENTENCES]):
        # (an enquiry made outside the meeting and reported to it asks the meeting nothing, nor
        # does "No other comments or questions were raised.")
        asks_nothing = cues.ENQUIRY_MADE.search(sentence) or cues.NOTHING_ASKED.match(sentence)
        strong = None if asks_nothing else cues.ASKS.search(sentence)
        member = cues.MEMBER_POINT.match(sentence)
        if not strong and not member and cues.ANSWER_START.match(sentence) \
                and not (member_spoke and cues.PRONOUN_START.match(sentence)):
            break   # the paragraph answers (or reports) rather than asks
        member_spoke = member_spoke or bool(member)
        if strong and cues.INVITATION.search(sentence):
            start = k + 1   # the chair inviting questions asks none
            continue
        weak = None if strong else (cues.RAISES.search(sentence) or member)
        mark = sentence.endswith("?") or sentence.startswith("Whether ") \
            or bool(_INVERTED.match(sentence))
        if not (strong or weak or mark):
            continue
        cue = strong or weak
        # (a member's own "… and noted that …" goes on with the point rather than answering it;
        # "…; the Committee was advised that …" answers it)
        if cue and (cue is not member or cues.TOLD.search(sentence, cue.end())) \
                and (exchange := _split_in_sentence(parts, k, cue.end())):
            # (a point "… and it was agreed that …" is decided, not answered)
            if strong or not _AGREED.match(exchange.answer or ""):
                return exchange
            return None
        if strong and _ASKED_WITHOUT_CONTENT.search(sentence) and k + 1 < len(parts) \
                and is_question(parts[k + 1]) and (
                    exchange := _split_in_sentence(parts, k + 1, 0)):
            return exchange   # "… asked a supplementary question. Why was …, the Leader said …"
        if strong or mark:
            k = _asking_goes_on(parts, k)
        while k + 1 < len(parts) and cues.ASKER_GOES_ON.match(parts[k + 1]):
            k += 1   # the one who asked going on ("They also raised …", "In their opinion …")
        rest = parts[k + 1:]
        # (after a point made, "He explained …" is its maker going on; "He was told …" replies)
        answered = bool(rest) and bool(cues.ANSWER_START.match(rest[0])
                                       or cues.NOTED_ANSWER.match(rest[0])
                                       or cues.OTHER_REPLY.match(rest[0])
                                       or cues.INITIALS_REPLY.match(rest[0])) \
            and not (not strong and _GOES_ON.match(rest[0]))
        if not strong and (member or not answered):
            # a point made, answered a sentence or two later ("… She felt … The officer …")
            at = _reply_at(rest, 0 if member else 1, to_point=cue is member)
            answered = at is not None
            if at:
                k, rest = k + at, rest[at:]
        # The chair's questions put to the meeting are procedure, unless someone answers them
        # (the chair going on answers nothing: "The Chairman asked if anyone wished to record
        # the meeting … The Chairman reported that he will be recording …").
        chair = asker(sentence) or speaker(sentence)
        if is_chair(chair) and answered and rest and speaker(rest[0]) == chair:
            answered = False
        if not answered and is_chair(chair):
            start = k + 1
            continue
        request = strong is not None and cues.REQUEST_VERB.match(strong.group()) \
            and cues.REQUEST.match(sentence, strong.end())
        # (a matter raised, by the public or a member, is a question put, answered or not)
        if (weak or request) and not mark and not answered and not (weak and (
                cues.PUBLIC_RAISER.match(sentence) and _RAISES_A_MATTER.search(sentence)
                or cues.RAISED_A_MATTER.match(sentence))):
            continue
        question = " ".join(parts[:k + 1])
        answer = " ".join(rest) or None
        answered_by = speaker(answer) if answer else None
        # who asked, or else who made the point ("Cllr Birch referred to … and expressed …")
        asked_by = asker(" ".join(parts[start:k + 1])) or speaker(question)
        return Exchange(question, answer, asked_by if asked_by != answered_by else None,
                        answered_by)
    if not parts or cues.ANSWER_START.match(parts[0]):
        return None
    if topic_split and (exchange := _split_in_sentence(parts, 0, 0)):
        return exchange   # "what measures were proposed, to which it was explained that …"
    if len(parts) < 2:
        return None
    # The first sentence names the question when it is a topic ("Concerns regarding the
    # changes."), raises a point or is answered by the next ("It was confirmed that …"); else
    # the point is all answer to an unstated question.
    # (a label left at the start, "II.", is no topic)
    topic = (not _FINITE.search(parts[0]) and len(parts[0].split()) > 1) or (topic_split and bool(
        cues.RAISES.search(parts[0]) or cues.ANSWER_START.match(parts[1])))
    # (in a list that is not of questions, the rest must reply to the topic or the topic raise a
    # point: "Correspondence received: - ECDC consultation. Approval of treeworks …" asks nothing)
    listed_point = in_list and not topic_split and not among_questions and not (
        opens_reply(parts[1]) or cues.RAISES.search(parts[0]) or cues.CONCERN.search(parts[0]))
    if (topic_split or in_list) and topic and not listed_point:
        # (a question put in two goes: "… how many more can we have? Would it be possible …?")
        k = next((k for k in range(1, len(parts)) if not ends_question(parts[k])), len(parts))
        question, rest = " ".join(parts[:k]), " ".join(parts[k:])
        return Exchange(question, rest or None, asker(question), speaker(rest) if rest else None)
    return None


def police_answered(text: str) -> Exchange | None:
    """A matter raised and the police's answer to it in one paragraph ("Report of youths at the
    park breaking bottles. Police said they could visit the school."), the police answering
    in the second to fourth sentence of a paragraph they do not open."""
    parts = sentences(text[:_MAX_SCAN * 4])
    if len(parts) < 2 or cues.POLICE_START.match(parts[0]) or cues.ANSWER_START.match(parts[0]):
        return None
    at = next((k for k in range(1, min(len(parts), 4)) if cues.POLICE_REPLY.match(parts[k])),
              None)
    if at is None:
        return None
    answer = " ".join(parts[at:])
    return Exchange(" ".join(parts[:at]), answer, asker(parts[0]), speaker(answer))


def reply_after(text: str) -> Exchange | None:
    """A point of a questions section whose later sentence opens the reply ("The litter bin
    should be rustic. It was noted that this is a temporary bin …"): the point is the question."""
    parts = sentences(text[:_MAX_SCAN])
    at = next((k for k, part in enumerate(parts) if k and opens_reply(part)), None)
    if at is None or opens_reply(parts[0]) or answers(parts[0]):
        return None   # (a reply throughout: "The Legal Officer explained … It was also …")
    question, answer = _cut_before(text, parts[at])
    return Exchange(question, answer, asker(question), speaker(answer))


def replied_to(text: str) -> Exchange | None:
    """A point answered in a later sentence by someone named replying ("… . Cllr Taylor replied
    that …"): the point is the question, the reply and what follows it the answer."""
    if "replied" not in text and "responded" not in text:
        return None   # (most paragraphs: not worth cutting into sentences)
    parts = sentences(text[:_MAX_SCAN])
    at = next((k for k, part in enumerate(parts) if k and cues.NAMED_REPLY.match(part)), None)
    if at is None or any(cues.THANKS.search(part) for part in parts[:at]):
        return None
    question, answer = _cut_before(text, parts[at])
    return Exchange(question, answer, asker(question) or speaker(question), speaker(answer))


def _cut_before(text: str, sentence: str) -> tuple[str, str]:
    """The text before one of its sentences, and the rest from it."""
    start = text.find(sentence)
    return text[:start].strip(), text[start:]


def is_question(text: str) -> bool:
    """Whether a point is worded as a question ('…?', 'Whether …', 'What the cost was')."""
    return ends_question(text) or bool(_WH_START.match(text))


def answers(text: str) -> bool:
    """Whether a paragraph opens as an answer ('The Cabinet Member replied that …', 'In response
    the Head of Governance confirmed …')."""
    head = text[:400]
    return bool(cues.ANSWER_START.match(head) or cues.ANSWERED_TO.match(head)
                or cues.OTHER_REPLY.match(head)
                or cues.REPLY_GIVEN.match(head) or cues.COLON_REPLY.match(head)
                or cues.INITIALS_REPLY.match(head) or cues.WRITTEN_ANSWER.match(head))
