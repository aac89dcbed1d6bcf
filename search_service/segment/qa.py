"""Question and answer: find the question a passage records and the answer given to it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import cues
from .text import sentences, tidy_person

# A first sentence with no finite verb ("The need to increase recycling rates.") names a topic.
_FINITE = re.compile(r"\b(?:is|are|was|were|had|has|have|would|could|should|will|can|did|does|"
                     r"do|may|might|must|\w{3,}ed)\b", re.I)
_CONCERN = re.compile(r"\b(?:concerns?|worr(?:y|ied|ies)|interested in|keen to (?:know|understand)|"
                      r"challenged|questioned|unclear)\b", re.I)
_CHAIR = re.compile(r"^(?:the )?(?:Chair|Chairman|Chairperson|Chairwoman|Vice[- ]Chair\w*|Mayor)$",
                    re.I)
_SUBJECT_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|the|of|and|for|&)$")
_MAX_SCAN = 1500   # the cues sit at the start of a passage; never scan a whole long paragraph


@dataclass(frozen=True)
class Exchange:
    """The parts of a question-and-answer passage; any part may be unknown."""

    question: str | None = None
    answer: str | None = None
    asked_by: str | None = None
    answered_by: str | None = None


def asker(text: str) -> str | None:
    """Who asked, where the passage names them ("Councillor Hilton asked …")."""
    match = cues.ASKER.search(text[:_MAX_SCAN])
    if not match:
        return None
    return tidy_person(next(g for g in match.groups() if g))


def speaker(text: str) -> str | None:
    """Who speaks in a passage that opens with a person and a verb of speech."""
    match = cues.SPEAKER_START.match(text[:400])
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


def _strip_intro(question: str) -> str:
    question = question.strip(" ,;")
    return cues.QUESTION_INTRO.sub("", question, count=1).strip(" ,;") or question


def in_response(text: str) -> Exchange | None:
    """'In response to a question about X, Y was told that Z' → question X, answer Z."""
    head = text[:_MAX_SCAN]
    match = cues.IN_RESPONSE.match(head)
    if not match:
        return None
    rest_at = match.end()
    verb = cues.ANSWER_AT.search(head, rest_at)
    if verb:
        start = _answer_start(text, verb.start(), rest_at)
    else:
        comma = text.find(", ", rest_at)
        start = comma + 2 if comma >= 0 else -1
    if start <= rest_at:
        return Exchange(answer=text[rest_at:].strip(" ,") or None, asked_by=asker(head))
    question = _strip_intro(text[rest_at:start])
    answer = text[start:].strip()
    return Exchange(question=question, answer=answer, asked_by=asker(head),
                    answered_by=speaker(answer))


def asked(text: str, topic_split: bool) -> Exchange | None:
    """A passage that records a question (asked, queried, '…?') and perhaps the reply after it.

    With `topic_split`, a passage in a questions section whose first sentence raises a point
    and whose later sentences respond is split there even without a verb of asking.
    """
    parts = sentences(text[:_MAX_SCAN * 4])
    for k, sentence in enumerate(parts[:4]):
        ask = cues.ASKS.search(sentence)
        if ask or sentence.endswith("?"):
            who = asker(sentence)
            if is_chair(who):
                return None
            if ask:
                verb = cues.ANSWER_AT.search(sentence, ask.end())
                if verb:
                    at = _answer_start(sentence, verb.start(), ask.end())
                    if at > ask.end():
                        before = " ".join(parts[:k] + [sentence[:at].rstrip(" ,;")])
                        after = " ".join([sentence[at:]] + parts[k + 1:])
                        return Exchange(before, after, who, speaker(after))
            rest = " ".join(parts[k + 1:]) or None
            return Exchange(" ".join(parts[:k + 1]), rest, who, speaker(rest) if rest else None)
        if cues.ANSWER_START.match(sentence):
            break
    if len(parts) < 2:
        return None
    first = parts[0]
    raises = _CONCERN.search(first) or first.endswith("?") or not _FINITE.search(first)
    if raises and (topic_split or cues.ANSWER_START.match(parts[1])):
        rest = " ".join(parts[1:])
        return Exchange(first, rest, asker(first), speaker(rest))
    if topic_split and not cues.ANSWER_START.match(first):
        rest = " ".join(parts[1:])
        return Exchange(first, rest, asker(first), speaker(rest))
    return None


def answers(text: str) -> bool:
    """Whether a paragraph opens as an answer ('The Cabinet Member replied that …')."""
    return bool(cues.ANSWER_START.match(text[:400]) or cues.ANSWERED_TO.match(text[:400]))
