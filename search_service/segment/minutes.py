"""Minutes text of one agenda item → segments: qa, statement and decision passages."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from ..model import Kind, Segment
from . import cues, public_forum, qa
from .blocks import TABLE_CELL, Block, next_label, opens_list, split_blocks
from .text import AGENDA_VERB, ends_question, is_person, sentences, tidy_person

log = logging.getLogger(__name__)

# Words that make a line a sentence rather than a title.
# (and the verbs of a parish minute's line without its stop: "Dist Cllrs King and Bingham sent
# apologies", "Cllr Moss joined the meeting")
_VERB = re.compile(r"\b(?:is|are|was|were|be|been|had|has|have|will|would|noted|agreed|resolved|"
                   r"approved|to|sent|gave|said|joined|left|thanked|welcomed|apologised|"
                   r"attended|explained|confirmed|offered)\b", re.I)
_LIST = ("bullet", "number")
_LABELS = ("question", "answer")
# "19.3": a numbered paragraph of the minutes rather than a point of a list.
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}\.\d{1,3}\.?$")
_COMPLETE_DECISION = 80     # characters of a decision head that says it all, ending in "."
_RUN_TOGETHER_CHARS = 400   # shorter paragraphs are one point, whatever they hold
# Longer ones are paragraphs run together: each named speaker opens a point of their own.
_RUN_TOGETHER_LONG = 800
# … where a minute's own number opens a new one: "C535 Police Report No police representative …"
_ITEM_CODE = re.compile(r"^(?:[A-Z]{1,3}\d{1,4}|\d{1,3}\.|(?:MINUTE|Minute|ITEM|Item) \d{1,3}\.?)"
                        r"(?:\([a-z0-9]{1,3}\))?\s+[A-Z][a-z]")
# A point made in the debate that followed, not a reply: "During debate, Mr Gale expressed …".
_IN_DEBATE = re.compile(r"^(?:During|In) (?:the )?(?:debate|discussion)\b")
# The council taking up what a resident asked: "The council discussed this and it was the opinion
# that …" (the asker does not go on as the council).
_COUNCIL_TAKES_UP = re.compile(r"^The (?:(?:Parish|Town|Community) )?Council (?:discussed|"
                               r"considered|felt|agreed|noted|decided|looked)\b", re.I)
_TITLE_WORDS = 8   # the most words of a numbered line naming an item
# … or of one worded as the agenda words it: "3.0 To Consider the Co-option of a Councillor"
_AGENDA_TITLE_WORDS = 30
_AGENDA_TITLE = re.compile(rf"^To {AGENDA_VERB}", re.I)
_LABEL_VALUE = re.compile(r"[:;,] ")   # "Venue: Biggar Library", "Apologies ; J Dougan"
_ROMAN = re.compile(r"^\(?(?:i{1,3}|iv|vi{0,3}|ix|x|I{1,3}|IV|VI{0,3}|IX|X)[.)]$")


@dataclass(frozen=True)
class _Context:
    """What a lead-in line says about the points under it."""

    mode: str | None          # "questions", "statements" or None (judge each point)
    speaker: str | None
    style: str                # the lead-in's own list style, which ends its scope
    plain: bool               # the points are plain paragraphs rather than a list
    asker: str | None = None  # who raised the points ("Members raised the following questions:")

    def covers(self, block: Block) -> bool:
        """Whether a block is one of the points this lead-in introduces."""
        if self.plain:
            # (a paragraph opening with someone else speaking is no longer this speaker's)
            other = cues.SPEAKER_START.match(block.text[:400]) if self.speaker else None
            return block.marker == "" and (other is None or other[1] == self.speaker)
        return block.marker in _LIST and _style(block) != self.style


def _style(block: Block) -> str:
    """The kind of list marker: bullet, paragraph, digit, letter or roman, to follow nesting."""
    if block.marker == "bullet":
        return "bullet"
    if block.marker != "number":
        return ""
    if _PARAGRAPH_NUMBER.match(block.label):
        return "paragraph"   # "16.7 The Committee RESOLVED to:" heads "(1)", "(2)"
    if _ROMAN.match(block.label):
        return "roman"
    return "digit" if any(c.isdigit() for c in block.label) else "letter"


def _shown(block: Block) -> str:
    """A block's text as a passage shows it: numbered points keep their number."""
    return f"{block.label} {block.text}" if block.marker == "number" else block.text


def _is_lead_in(block: Block, following: Block | None) -> bool:
    """A line introducing the points under it: it ends in a colon (or a dash, an ellipsis), or
    above a list in a semicolon ("In response to questions the Officer confirmed;") or in
    saying so without a colon ("Ms Raine raised the following queries")."""
    return (following is not None and block.marker not in _LABELS and len(block.text) < 1000
            and (bool(cues.LEAD_IN_END.search(block.text))
                 or (block.marker == "" and following.marker in _LIST
                     and (block.text.endswith(";")
                          or bool(cues.FOLLOWING_END.search(block.text))))
                 # ("He then put forward the following Proposal" above "That …")
                 or (block.marker == "" and _clause(following)
                     and bool(cues.FOLLOWING_END.search(block.text)))))


def _read_lead_in(text: str, block: Block, following: Block) -> _Context:
    match = cues.LEAD_IN_SPEAKER.search(text) or cues.NAME_ONLY.match(text)
    who = tidy_person(match[1]) if match else None
    if cues.QUESTION_SECTION.search(text) and not cues.QUESTION_RULES.search(text):
        mode = "questions"
    elif cues.PRESENTATION_SECTION.search(text) and not cues.MEMBERS_POINTS.match(text) \
            and not cues.DISCUSSION.search(text):
        mode = "statements"
    else:
        mode = None
    if match and cues.LEAD_IN_ASKS.search(match.group()):
        return _Context(mode, None, _style(block), following.marker == "", asker=who)
    return _Context(mode, who, _style(block), following.marker == "")


def _answered_below(blocks: list[Block], i: int, context: _Context) -> bool:
    """Whether the points under the lead-in at block i are answered by a list after them
    ("Members raised the following points: …" then "In response, officers advised that: …")."""
    j = i + 1
    while j < len(blocks) and context.covers(blocks[j]):
        j += 1
    if j == i + 1 or j + 1 >= len(blocks):
        return False
    return _is_lead_in(blocks[j], blocks[j + 1]) and bool(cues.RESPONSES_HEAD.match(blocks[j].text))


def _follow_up(segment: Segment, block: Block, following: Block) -> tuple[str, str] | None:
    """Who asks and who answers when a transcript turn is a follow-up by the member whose
    question was just answered, answered in the next turn by someone else
    ("Caroline Russell AM: That is still …"); None for any other paragraph."""
    if segment.kind != "qa" or segment.answer is None or block.marker or following.marker \
            or ends_question(following.text):
        return None
    asked_turn, turn = cues.TURN.match(segment.text), cues.TURN.match(block.text)
    reply = cues.TURN.match(following.text)
    if asked_turn and turn and reply and turn[1] == asked_turn[1] != reply[1]:
        return turn[1], reply[1]
    return None


def _is_heading(block: Block) -> bool:
    """A title line inside minutes ("Key findings", "5. QUESTIONS FROM MEMBERS")."""
    text = block.text
    if len(text) > 90 or text.endswith((".", "?", "!", ";", ",", ":")) \
            or cues.VOTE_LINE.match(text):
        return False
    if block.marker:
        return block.marker == "number" and text.isupper() and len(text.split()) <= 12
    words = text.split()
    if len(words) > 12 or not text[:1].isupper() or _VERB.search(text):
        return False
    long_words = [w for w in words if len(w) > 3 and w.isalpha()]
    capitals = sum(w[0].isupper() for w in long_words)
    return len(words) <= 3 or capitals * 3 >= len(long_words) * 2


def _is_title(block: Block) -> bool:
    """A heading, or a numbered line naming the next item."""
    return _is_heading(block) or _names_item(block)


def _item_line(block: Block) -> bool:
    """A line numbered as an item ("5.", "5.1") that opens with a capital."""
    return block.marker == "number" and _style(block) in ("digit", "paragraph") \
        and block.text[:1].isupper()


def _agenda_title(block: Block) -> bool:
    """A numbered item title worded as the agenda words it, its verb capitalised ("3.0 To
    Consider the Co-option of a Parish Councillor", with or without a closing stop): never a
    part of the resolution above it."""
    words = block.text.split()
    return _item_line(block) and 1 < len(words) <= _AGENDA_TITLE_WORDS \
        and words[1][:1].isupper() and bool(_AGENDA_TITLE.match(block.text)) \
        and not block.text.endswith(("?", ":", ";", ","))


def _names_item(block: Block) -> bool:
    """A numbered line that names the next item ("2. Minutes of the last meeting", "5.1 Police
    Report", "3.0 To Consider the Co-option of a Parish Councillor")."""
    text, words = block.text, len(block.text.split())
    return _agenda_title(block) or _item_line(block) \
        and not text.endswith((".", "?", ":", ";", ",")) \
        and (words <= _TITLE_WORDS and not _VERB.search(text)
             or words <= _AGENDA_TITLE_WORDS and bool(_AGENDA_TITLE.match(text)))


def classify(text: str, mode: str | None, after_qa: bool = False, speaker: str | None = None,
             in_list: bool = False) -> Segment:
    """One point of minutes as a segment, given its section's mode and what came before it."""
    if (label := cues.INLINE_LABEL.match(text)) and not cues.DECISION_START.match(text) \
            and not cues.ACTION_LINE.match(text) \
            and not cues.VOTE_LINE.match(text):
        # "Outcome: The Board approved …": judged without its label, shown with it
        segment = _classify(text[label.end():], mode, after_qa, speaker, in_list)
        return replace(segment, text=text)
    if number := cues.MINUTE_REFERENCE.match(text) or cues.NUMBER_DASH.match(text):
        # "26/04 It was resolved …", "4.1.7 – Councillor Sparey raised …": judged without the
        # minute's reference or number, shown with it
        return replace(classify(text[number.end():], mode, after_qa, speaker, in_list),
                       text=text)
    if speaker and cues.SUBJECTLESS.match(text):
        return _said_by(text, mode, after_qa, speaker, in_list)
    segment = _classify(text, mode, after_qa, speaker, in_list)
    if segment.kind == "statement" and (topic := cues.TOPIC_DASH.match(text)):
        # "Grass cutting – Cllr Trigg raised …": what follows the topic may ask or decide
        unlabelled = _classify(text[topic.end():], mode, after_qa, speaker, in_list)
        if unlabelled.kind != "statement":
            return replace(unlabelled, text=text)
    return segment


def _said_by(text: str, mode: str | None, after_qa: bool, speaker: str, in_list: bool
             ) -> Segment:
    """A point written without its subject under a speaker's name ("Queried whether …"),
    judged as if the speaker opened it ("Councillor Ames queried whether …")."""
    prefix = f"{speaker} "
    segment = _classify(f"{prefix}{text[0].lower()}{text[1:]}", mode, after_qa, None, in_list)

    def unprefixed(part: str | None) -> str | None:
        if part is None or not part.startswith(prefix):
            return part
        return f"{part[len(prefix)].upper()}{part[len(prefix) + 1:]}"

    return replace(segment, text=text, question=unprefixed(segment.question),
                   answer=unprefixed(segment.answer))


def _classify(text: str, mode: str | None, after_qa: bool, speaker: str | None,
              in_list: bool) -> Segment:
    if cues.DECISION_START.match(text) or cues.DECISION_OPEN.match(text) \
            or cues.RESOLUTION_PART.match(text) or cues.VOTE_LINE.match(text) \
            or cues.ACTION_LINE.match(text) \
            or cues.RESOLVED_EARLY.search(_first_sentence(text)):
        return Segment("decision", text)
    exchange = qa.in_response(text) or qa.response_from(text)
    if exchange is None and (cues.NOTHING_ASKED.match(text) or cues.ACTION_TO.match(text)):
        return Segment("statement", text, speaker=speaker or qa.speaker(text))
    if exchange is None and mode != "statements":
        exchange = qa.asked(text, topic_split=mode == "questions", in_list=in_list,
                            among_questions=after_qa) \
            or qa.police_answered(text)
    elif exchange is None and cues.ASKS.search(_first_sentence(text)):
        # (a question asked stays one in a report's points: "The question regarding speeding
        # was brought up by George McEwan, who has …")
        exchange = qa.asked(text, topic_split=False)
    if exchange is not None:
        return Segment("qa", text, exchange.question, exchange.answer, speaker,
                       exchange.asked_by, exchange.answered_by or speaker)
    if mode == "questions" and qa.is_question(text):
        return Segment("qa", text, question=text, asked_by=qa.asker(text))
    if mode == "questions" and (exchange := qa.reply_after(text)):
        return Segment("qa", text, exchange.question, exchange.answer, speaker,
                       exchange.asked_by, exchange.answered_by or speaker)
    if mode == "questions" or (mode is None and (
            cues.ANSWERED_TO.match(text) or cues.ANSWERS_UNRECORDED.match(text)
            or (after_qa and cues.FOLLOWS_ANSWER.match(text)))):
        return Segment("qa", text, answered_by=qa.speaker(text) or speaker)
    if mode == "statements":
        return Segment("statement", text, speaker=speaker or qa.speaker(text))
    decided = cues.DECISION_IN.search(text[:2000]) or cues.PASSIVE_DECISION.match(text)
    if not decided and (exchange := qa.replied_to(text)):
        return Segment("qa", text, exchange.question, exchange.answer, speaker,
                       exchange.asked_by, exchange.answered_by)
    kind: Kind = "decision" if decided else "statement"
    return Segment(kind, text, speaker=speaker or qa.speaker(text))


def _unsubjected(block: Block, context: _Context | None) -> bool:
    """Whether a point under a speaker's name is theirs, written without its subject ("Noted
    the success of the scheme …" under "Councillor Ames"), not the meeting's decision."""
    return context is not None and context.speaker is not None and context.covers(block) \
        and bool(cues.SUBJECTLESS.match(block.text))


def _first_sentence(text: str) -> str:
    """A paragraph's first sentence (of its first 300 characters)."""
    parts = sentences(text[:300])
    return parts[0] if parts else ""


def _with_answer(segment: Segment, answer: str, context: _Context | None) -> Segment:
    """Join a question passage and the answer that follows it in the next paragraph."""
    who = segment.answered_by or qa.speaker(answer) or (context.speaker if context else None)
    if segment.kind != "qa":   # a concern raised: its speaker is the one who asked
        segment = replace(segment, asked_by=segment.asked_by or segment.speaker, speaker=None)
    if _answers_asker_going_on(segment, answer):
        # the asker went on after the question: all of that is the question's
        segment = replace(segment, question=f"{segment.question} {segment.answer}", answer=None)
    return replace(segment, kind="qa", text=f"{segment.text} {answer}",
                   question=segment.question or segment.text,
                   answer=f"{segment.answer} {answer}" if segment.answer else answer,
                   answered_by=who)


def _answers_asker_going_on(segment: Segment, text: str) -> bool:
    """Whether a paragraph replies, by someone named, to a question whose asker went on after
    asking (the qa passage's "answer" is more of the asker's point)."""
    return segment.kind == "qa" and segment.question is not None and segment.answer is not None \
        and not ends_question(segment.question) and not _replied(segment.answer) \
        and not cues.IN_RESPONSE.match(text) \
        and bool(cues.ANSWER_START.match(text[:400]) or cues.MEMBERS_TOLD.match(text)) \
        and not cues.PRONOUN_START.match(text) and not _IN_DEBATE.match(text)


def _replied(answer: str) -> bool:
    """Whether the answer part of a qa passage opens as a reply, rather than as the asker
    going on ("He queried whether … . A considerable sum had been invested …")."""
    return qa.answers(answer) or qa.opens_reply(answer) or bool(
        cues.NOTED_ANSWER.match(answer) or cues.YES_NO_REPLY.match(answer)
        or _COUNCIL_TAKES_UP.match(answer))


def _answers(segment: Segment, text: str) -> bool:
    """Whether a paragraph is the answer to the question passage just before it."""
    open_question = segment.kind == "qa" and segment.question is not None and segment.answer is None
    if _answers_asker_going_on(segment, text):
        return True
    if _replies_to_concern(segment, text):
        return True
    if open_question and public_forum.council_replies(segment.question or "", text):
        return True
    asks = ends_question(segment.text)
    if not (open_question or asks):
        return False
    if cues.DECISION_IN.search(text[:300]) or ends_question(text) or qa.asked(text, False):
        return False
    return asks or qa.answers(text) or (
        open_question and bool(cues.NOTED_ANSWER.match(text)))


def _replies_to_concern(segment: Segment, text: str) -> bool:
    """Whether a paragraph replies to the concern or the chair's question the statement before it
    raised ("The Chair sought clarification on …" / "It was explained that …")."""
    if segment.kind != "statement":
        return False
    # a reply by someone named ("The Chair said …"), or one that says it replies
    named = qa.opens_reply(text) and not cues.PRONOUN_START.match(text)
    if not (named or cues.REPLY_START.match(text[:400])):
        return False
    heads = sentences(segment.text[:1500])[:qa.MAX_SENTENCES]
    if not heads:
        return False
    if cues.CONCERN.search(heads[0]) or cues.ASKS.search(heads[0]):
        # (not the chair going on after a question on procedure: "The Chair asked whether anyone
        # present would be recording the meeting. …" / "The Chair explained that …")
        return not (cues.PROCEDURE_ASKED.search(heads[0])
                    and qa.is_chair(qa.asker(heads[0]) or qa.speaker(heads[0])))
    # a point raised by a member or the public ("Another Member felt …", "It was raised that …",
    # "She … asked the Committee to commit to …"), answered in so many words by someone else
    if not (qa.opens_reply(text, to_point=True) and (named or cues.OTHER_REPLY.match(text))):
        return False
    who = qa.speaker(text)
    if who and who.lower() in segment.text[:1500].lower():
        return False   # the speaker going on ("Mr Lee stated … / Mr Lee explained …")
    return any(cues.MEMBER_POINT.match(head) or (
        cues.RAISER_START.match(head) and cues.RAISES.search(head)) for head in heads)


def _answers_point(blocks: list[Block], i: int, segment: Segment) -> bool:
    """Whether list point i answers the question left open by the point just before it, or
    replies to the concern it raised."""
    block, before = blocks[i], blocks[i - 1] if i else None
    if block.marker not in _LIST or before is None or before.marker != block.marker \
            or _style(before) != _style(block):
        return False
    # "- One member was concerned as …" / "- Cllr Blane advised that …": a reply in so many words
    # (in a list of points raised, "- The Director highlighted …" is the next point)
    if (cues.REPLY_START.match(block.text) or cues.OTHER_REPLY.match(block.text)) \
            and _replies_to_concern(segment, block.text):
        return True
    open_question = segment.kind == "qa" and segment.question is not None and segment.answer is None
    # (a point after a point ending in "?" is as often the next question: it must open as a reply)
    opens_as_reply = qa.answers(block.text) or cues.NOTED_ANSWER.match(block.text)
    return open_question and bool(opens_as_reply) and _answers(segment, block.text)


def _nested_reply(blocks: list[Block], i: int, segment: Segment) -> bool:
    """Whether list point i is a reply set under the point before it ("· Members felt …" then
    "o Officers advised that …"): a point of another bullet or numbering that opens as a reply."""
    block, before = blocks[i], blocks[i - 1] if i else None
    if before is None or block.marker not in _LIST or before.marker not in _LIST \
            or segment.kind == "decision" or segment.answer is not None:
        return False
    nested = block.label != before.label if block.marker == before.marker == "bullet" \
        else _style(block) != _style(before)
    # (under a point that asks in so many words, the nested point is the answer however it opens)
    asks = segment.kind == "qa" and segment.question is not None and ends_question(segment.text)
    return nested and (qa.opens_reply(block.text) or asks)


def _gather(blocks: list[Block], j: int) -> tuple[list[str], str | None, int]:
    """The text under the question or answer label at block j, and who the label names."""
    label = blocks[j]
    parts = [label.text] if label.text else []
    who = label.who or None
    # "Question: Mrs M. Patrick, 119 Essex Road" names the asker rather than asking.
    named = bool(parts) and not parts[0].endswith(("?", ".")) and j + 1 < len(blocks) \
        and blocks[j + 1].marker == ""
    if named:
        who = parts[0]
    said = bool(parts) and not named
    j += 1
    while j < len(blocks) and blocks[j].marker == "" and label.label != TABLE_CELL:
        text = blocks[j].text
        if cues.DECISION_START.match(text) or cues.DECISION_OPEN.match(text) \
                or _is_heading(blocks[j]):
            break
        if said and _ends_exchange(text, label.marker):
            break
        parts.append(text)
        said = True
        j += 1
    return parts, who, j


def _ends_exchange(text: str, marker: str) -> bool:
    """Whether a plain paragraph after a labelled question or answer is no longer part of it."""
    if marker == "question":
        return qa.answers(text)
    if cues.LEAD_IN_END.search(text) or cues.INLINE_LABEL.match(text):
        return True   # a lead-in, or a labelled line of its own ("Action: …", "Outcome: …")
    return bool(cues.SPEAKER_START.match(text[:400])) and not cues.CONTINUES.match(text[:400])


def _labelled(blocks: list[Block], i: int) -> tuple[Segment, int]:
    """A formal 'Question: … Response: …' exchange starting at block i."""
    sides: dict[str, tuple[list[str], str | None]] = {"question": ([], None), "answer": ([], None)}
    j = i
    for marker in _LABELS:
        # A label line naming who speaks ("Question from X to Y") may head the labelled text.
        while j < len(blocks) and blocks[j].marker == marker and not sides[marker][0]:
            parts, who, j = _gather(blocks, j)
            sides[marker] = (parts, sides[marker][1] or who)
    (question, asked_by), (answer, answered_by) = sides["question"], sides["answer"]
    said = " ".join(question + answer)
    text = f"{blocks[i].shown} {said}" if blocks[i].shown else said
    if question and not answer:
        # "Supplementary: Mr Sharma asked whether … Councillor Terry agreed to …"
        exchange = qa.asked(said, False)
        if exchange is not None and exchange.answer:
            return Segment("qa", text, exchange.question, exchange.answer,
                           asked_by=asked_by or exchange.asked_by,
                           answered_by=answered_by or exchange.answered_by), j
    # Labels that name nobody ("Q1", "Question 4 –"): the text may ("Cllr Ahmed asked …").
    asked_by = asked_by or (qa.asker(question[0]) if question else None)
    answered_by = answered_by or (qa.speaker(answer[0]) if answer else None)
    return Segment("qa", text, " ".join(question) or None, " ".join(answer) or None,
                   asked_by=asked_by, answered_by=answered_by), j


def _group(head: Block, blocks: list[Block], j: int) -> tuple[str, int]:
    """A motion or resolution with its lettered or numbered parts, as one text."""
    parts = [_shown(head)]
    style = _style(head)
    # the style of the point the resolution sits in ("(a) Co-option:" above "· Resolved …"): a
    # point of that style after it is the next point, not a part
    within = _style(blocks[j - 2]) if j >= 2 and blocks[j - 2].marker in _LIST else ""
    bare = len(head.text) < 20 and not head.text.endswith(".")
    # "… it was UNANIMOUSLY RESOLVED THAT:" then the resolution as a plain paragraph
    opens = bool(cues.DECIDES_BELOW.search(head.text)) and cues.DECISION_IN.search(head.text)
    if j < len(blocks) and blocks[j].marker == "" and (
            blocks[j].text[:1].islower() or _clause(blocks[j])
            or bare or (opens and not cues.LEAD_IN_END.search(blocks[j].text))):
        parts.append(blocks[j].text)
        j += 1
        # (a motion or resolution in several paragraphs, each a clause: "That … / That …")
        while _clause(blocks[j - 1]) and j < len(blocks) and _clause(blocks[j]):
            parts.append(blocks[j].text)
            j += 1
    # a decision said in full ("It was RESOLVED to go into closed session … complaint.") has no
    # parts: a list after it is the next business
    complete = len(parts) == 1 and len(head.text) > _COMPLETE_DECISION and head.text.endswith(".")
    while j < len(blocks) and not complete:
        part = blocks[j]
        if _is_heading(part) and not cues.LEAD_IN_END.search(part.text) \
                and j + 1 < len(blocks) and blocks[j + 1].marker in _LIST:
            parts.append(part.text)   # a sub-heading between the parts of a resolution
        elif part.marker not in _LIST or (style and _style(part) in (style, within)) \
                or _agenda_title(part) or (head.text.endswith(".") and _names_item(part)):
            break   # (a title after a resolution said in full is the next business)
        else:
            parts.append(_shown(part))
        j += 1
    return " ".join(parts), j


def _run_together(blocks: list[Block]) -> list[Block]:
    """Paragraphs that hold several exchanges (lines run together on a saved page) cut where a
    new one opens after a reply or a decision: "… Ms Hay responded that … Asked by Cllr Cole …"."""
    out: list[Block] = []
    for block in blocks:
        if block.marker or len(block.text) < _RUN_TOGETHER_CHARS:
            out.append(block)
            continue
        parts, start, closed, replied = sentences(block.text), 0, False, False
        long = len(block.text) >= _RUN_TOGETHER_LONG
        for k, sentence in enumerate(parts):
            if k > start and ((closed and cues.NEW_EXCHANGE.match(sentence))
                              or cues.DECISION_START.match(sentence)
                              or (long and _ITEM_CODE.match(sentence))
                              or (long and (closed or k - start >= 3)
                                  and _new_speaker(parts, k, start, replied))):
                out.append(replace(block, text=" ".join(parts[start:k])))
                start, closed, replied = k, False, False
            # (a point decided may still be answered: "Resident 3 reported … it was agreed that
            # screening be considered. The Clerk stated that she had already asked …")
            replied = replied or (qa.opens_reply(sentence)
                                  and not cues.PRONOUN_START.match(sentence))
            closed = closed or replied or bool(cues.DECISION_IN.search(sentence)
                                               or cues.PASSIVE_DECISION.match(sentence)
                                               or cues.WERE_NOTED.search(sentence))
        out.append(replace(block, text=" ".join(parts[start:])))
    return out


def _new_speaker(parts: list[str], k: int, start: int, replied: bool) -> bool:
    """Whether sentence k opens with someone named speaking who did not open sentence k - 1,
    other than to give the first reply to what the point (from sentence `start`) asked (a reply
    stays with its question)."""
    match = cues.SPEAKER_START.match(parts[k][:400])
    before = cues.SPEAKER_START.match(parts[k - 1][:400])
    return bool(match) and not cues.CONTINUES.match(parts[k][:400]) \
        and (replied or not qa.answers(parts[k]) or not _asks(parts[start:k])) \
        and (before is None or before[1] != match[1])


def _asks(parts: list[str]) -> bool:
    """Whether any of the sentences asks something, or raises a concern or (the public) a matter,
    a reply could answer."""
    return any(ends_question(part) or cues.ASKS.search(part) or cues.CONCERN.search(part)
               or cues.PUBLIC_RAISER.match(part) for part in parts)


def split_minutes(text: str, public_item: bool = False) -> list[Segment]:
    """Split the minutes of one agenda item into qa, statement and decision segments;
    `public_item`: the item is the public's part of the meeting (public_forum.is_public_item)."""
    blocks = _run_together(split_blocks(text))
    segments: list[Segment] = []
    context: _Context | None = None
    public = public_item   # within the public's part of the meeting
    public_style: str | None = None   # the numbering of its title, which the next item shares
    headings: list[tuple[int, str | None]] = []   # (the first segment under it, its title)
    plain_titles = False   # the public's part was titled without a number: so are the others
    i = 0
    while i < len(blocks):
        block = blocks[i]
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if public_forum.is_public_title(block.text):
            public, public_style, context = True, _style(block), None
            plain_titles = plain_titles or block.marker == ""
            headings.append((len(segments), _item_title(block)))
            i += 1
            continue
        # (the public's part ends at the next title, not at one of its own parts: "7.1 Traffic"
        # under "7. Open Forum")
        if public and ((_is_title(block) and not (public_style == "digit"
                                                  and _style(block) == "paragraph"))
                       or (public_style and _style(block) == public_style)):
            public, public_style = public_item, None
        if block.marker == "question" and not block.text and following is not None \
                and following.marker == "answer" and not following.text and not block.who:
            i += 2   # "Question" / "Response": the header row of a table flattened into lines
            continue
        if block.marker in _LABELS:
            segment, i = _labelled(blocks, i)
            if not segment.text:   # a label with nothing under it ("Question" at the page end)
                context = None
                continue
            if segment.question is None and segments and _answers(segments[-1], segment.text):
                segments[-1] = _with_answer(segments[-1], segment.text, None)
            else:
                segments.append(segment)
            context = None
            continue
        lead_in = _is_lead_in(block, following)
        heads = (cues.DECISION_START.match(block.text) and not _unsubjected(block, context)) or (
            lead_in and (
            cues.MOTION_HEAD.search(block.text) or cues.BODY_HEAD.match(block.text)
            or cues.LABEL_HEAD.match(block.text)))
        nested = False
        if context is not None and not context.covers(block):
            # A paragraph between the points of a list answers the point before it.
            resumes = following is not None and context.covers(following)
            if resumes and not lead_in and not heads and segments and qa.answers(block.text):
                segments[-1] = _with_answer(segments[-1], block.text, context)
                i += 1
                continue
            context = None
        elif context is not None and lead_in:
            # A lead-in that is itself one of the points ("… for the following reasons:").
            nested = not context.plain or block.text[:1].islower()
        if heads:
            text, i = _group(block, blocks, i + 1)
            decided = cues.DECISION_START.match(block.text) or cues.DECISION_OPEN.match(
                block.text) or cues.BODY_HEAD.match(block.text) or cues.DECISION_IN.search(
                text[:300]) or cues.RESOLUTION_PART.match(block.text) or (
                lead_in and cues.DECIDES_BELOW.search(block.text))
            kind: Kind = "decision" if decided else "statement"
            segments.append(Segment(kind, text, speaker=qa.speaker(text)))
            context = None
            continue
        if lead_in:
            *said, last = sentences(block.text) or [block.text]
            # a long lead-in above plain paragraphs (not a list) says something of its own
            if blocks[i + 1].marker == "" and len(last.split()) >= cues.LONG_LEAD_IN_WORDS \
                    and not cues.QUESTION_SECTION.search(last):
                said.append(last)
            if said or nested:
                point = " ".join(said) if not nested else block.text
                mode = context.mode if nested and context else None
                segments.append(replace(classify(point, mode), text=_shown(block) if nested
                                        else point))
            context = _read_lead_in(last, block, blocks[i + 1])
            if context.mode is None and _answered_below(blocks, i, context):
                context = replace(context, mode="questions")
            i += 1
            continue
        if (name := cues.NAME_LINE.match(block.text)) and following is not None \
                and following.marker == "" and cues.SUBJECTLESS.match(following.text):
            # "Councillor Ames" alone on a line above what they said without a subject
            # ("Queried …"): what follows, until someone else speaks, is theirs (a name in a
            # list of those present heads nothing)
            context = _Context(None, tidy_person(name[1]), "", True)
            i += 1
            continue
        if (asked := cues.ASKED_ABOUT_LINE.match(block.text)) and following is not None \
                and following.marker == "" and qa.answers(following.text):
            # "Councillor Hurst in relation to budget over-spends" above the answer given
            segments.append(Segment("qa", f"{block.text} {following.text}", block.text,
                                    following.text, asked_by=tidy_person(asked[1]),
                                    answered_by=qa.speaker(following.text)))
            i += 2
            continue
        if _is_title(block):
            # (unnumbered headings are as often sub-headings, unless the page titles its items so)
            if block.marker == "number" or (plain_titles and block.marker == ""):
                headings.append((len(segments), _item_title(block)))
            i += 1
            continue
        # (a paragraph under an item's title opens a part of its own: it answers nothing above)
        if segments and not _names_item(blocks[i - 1]) and (
                ((block.marker == "" or _PARAGRAPH_NUMBER.match(block.label))
                          and _answers(segments[-1], block.text))
                         or _answers_point(blocks, i, segments[-1])
                         or _nested_reply(blocks, i, segments[-1])):
            segments[-1] = _with_answer(segments[-1], _shown(block), context)
            i += 1
            continue
        if segments and following and (turns := _follow_up(segments[-1], block, following)):
            segments.append(Segment("qa", f"{block.text} {following.text}", block.text,
                                    following.text, asked_by=turns[0], answered_by=turns[1]))
            i += 2
            continue
        # (under a lead-in that says nothing of its points: "Additional documents:")
        if (context is None or not (context.mode or context.speaker or context.asker)) \
                and (end := _resolution_run(blocks, i)) > i:
            segments.append(Segment("decision", " ".join(_shown(part) for part in blocks[i:end])))
            i = end
            continue
        after_qa = bool(segments) and segments[-1].kind == "qa"
        mode = context.mode if context else None
        speaker = context.speaker if context else None
        in_list = context is not None and block.marker in _LIST
        segment = classify(block.text, mode, after_qa, speaker, in_list)
        # (a matter the public raised stays their question when the council decides on it)
        if (public or public_forum.in_public_session(block.text)) \
                and public_forum.raised_by_public(block.text):
            segment = _raised_by_public(segment, block.text)
        if segment.kind == "qa" and context and context.asker and not segment.asked_by:
            segment = replace(segment, asked_by=context.asker)
        segments.append(replace(segment, text=_shown(block)))
        i += 1
    log.debug("split %d blocks into %d segments", len(blocks), len(segments))
    return [_people_only(segment)
            for segment in _under_headings(_motions_put(segments), headings)]


def _clause(block: Block) -> bool:
    """A plain paragraph that is a clause of a motion or resolution: "That the group report …"."""
    return block.marker == "" and block.text.lstrip("\"“'‘").startswith("That ")


def _resolution_run(blocks: list[Block], i: int) -> int:
    """The end of a resolution's numbered parts standing without a head, from `blocks[i]` ("(i)
    that the responses be noted;" / "(ii) that approval be given to …"), one decision as a
    RESOLVED block with its parts is; `i` where no run of two or more parts starts."""
    first = blocks[i]
    if first.marker != "number" or not opens_list(first.label) \
            or not cues.RESOLUTION_PART.match(first.text):
        return i
    end, label = i + 1, first.label
    while end < len(blocks) and blocks[end].marker == "number" \
            and blocks[end].label == next_label(label) \
            and (cues.RESOLUTION_PART.match(blocks[end].text)
                 or cues.RESOLUTION_CLAUSE.match(blocks[end].text)):
        label = blocks[end].label
        end += 1
    return end if end > i + 1 else i


def _motions_put(segments: list[Segment]) -> list[Segment]:
    """A motion minuted with who moved it is the decision, unless its vote or outcome is the
    next passage ("It was proposed by … that the application be deferred." / "Vote: For 6 …"):
    then it is the motion, and the outcome the decision."""
    return [replace(segment, kind="statement")
            if segment.kind == "decision" and cues.MOTION_BY.search(segment.text[:300])
            and (cues.DECISION_START.match(following.text)
                 or cues.VOTE_LINE.match(following.text))
            else segment for segment, following in zip(segments, segments[1:])] + segments[-1:]


def _raised_by_public(segment: Segment, text: str) -> Segment:
    """A matter the public raised, split where the council's side replies; the rules' own split
    stands where they found a reply and the council's side did not."""
    raised = public_forum.public_question(text)
    return segment if segment.kind == "qa" and raised.answer is None else raised


def _item_title(block: Block) -> str | None:
    """A title line as an item's title, without its closing stop (its number is the label); None
    for a label with its value ("Venue: Library"), which ends the title before and titles
    nothing."""
    title = block.text.strip().rstrip(".:").strip()
    # (an agenda's wording may hold a comma: "To Approve the Minutes of 4 May, Held at …")
    return None if _LABEL_VALUE.search(title) and not _agenda_title(block) else title


def _under_headings(segments: list[Segment], headings: list[tuple[int, str | None]]
                    ) -> list[Segment]:
    """The segments, each with the last title above it."""
    if not headings:
        return segments
    placed, heading, k = [], None, 0
    for position, segment in enumerate(segments):
        while k < len(headings) and headings[k][0] <= position:
            heading, k = headings[k][1], k + 1
        placed.append(replace(segment, heading=heading) if heading else segment)
    return placed


def _people_only(segment: Segment) -> Segment:
    """The segment with any body or pronoun dropped from who asked, answered or spoke."""
    asked_by, answered_by, speaker = (who if who and is_person(who) else None for who in (
        segment.asked_by, segment.answered_by, segment.speaker))
    if (asked_by, answered_by, speaker) == (segment.asked_by, segment.answered_by,
                                            segment.speaker):
        return segment
    return replace(segment, asked_by=asked_by, answered_by=answered_by, speaker=speaker)
