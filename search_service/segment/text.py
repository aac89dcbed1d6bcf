"""Text helpers shared by the splitter stages: white space, sentences, people."""
from __future__ import annotations

import re

# ModernGov pads bullets and indents with non-breaking spaces; \s covers them in str patterns.
_SPACE_RUN = re.compile(r"\s+")
# Abbreviations whose full stop ends no sentence ("Cllr. Green", "No. 2", "e.g. Tregaron").
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "No", "Nos", "St", "Cllr", "Cllrs", "Clr", "Prof", "Rev",
                 "Hon", "Coun", "Sgt", "Insp", "Supt", "Lt", "Col", "Capt",
                 "approx", "e.g", "i.e", "cf", "viz", "incl", "para", "paras", "Ref", "ref", "vs")
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(word)})" for word in ABBREVIATIONS)
# A sentence ends at . ! or ? (optionally closed by a quote or bracket) before a capital letter,
# a digit or an opening quote; an initial ("Mrs M. Patrick") or an abbreviation does not end one.
# (The lookahead first: the look-behinds are tried only where a full stop is.)
_SENTENCE_END = re.compile(
    rf"(?=[.!?])(?<!\b[A-Z]){_NOT_AFTER}[.!?][\"'’”)]?\s+(?=[\"'‘“(]?[A-Z0-9])")
# Lines run together lose the full stop between sentences ("… damage to the street furniture The
# Clerk had circulated an email …"): after a lower-case word that ends no phrase, someone named
# or an office saying or doing something starts a sentence.
_RUN_ON = re.compile(
    r"\b([a-z]{3,}) (?=(?:The (?:Clerk|Chair(?:man|woman|person)?|Mayor|Vice[- ]Chair\w*|"
    r"Treasurer|Secretary)|Cllrs?\.? [A-Z][\w'’-]+|Councillor [A-Z][\w'’-]+|"
    r"(?:Mr|Mrs|Ms|Miss|Dr)\.? [A-Z][\w'’-]+) (?:had |has |was |would |will |then |also )?"
    r"(?:said|stated|replied|explained|advised|confirmed|noted|reported|asked|circulated|agreed|"
    r"gave|given|wrote|written|informed|responded|provided|suggested|added|commented|queried|"
    r"proposed)\b)")
# (words a name may follow inside one sentence: "a letter from Mr Lee said …")
_RUN_ON_NOT_AFTER = frozenset(
    "and the for but nor yet how who was are had has its her his our any all out off not per "
    "from with that when whom into onto than then this what were have said told asked about "
    "their which where whilst while".split())
# A line ending in an abbreviation runs on into the next line ("… a gap of approx." / "£42,000").
ENDS_IN_ABBREVIATION = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in ABBREVIATIONS)})\.$")

# The verbs of an item titled as the agenda words it, often at length: "To consider options with
# regard to play facilities and to agree a preferred option", "3.0 To Consider the Co-option …".
AGENDA_VERB = (r"(?:consider|receive|note|approve|agree|resolve|discuss|review|decide|adopt|"
               r"confirm|appoint|elect|co-opt|accept|determine|ratify|sign|authorise)\b")

# Who speaks: a role ("the Independent Chair", "The Director of Children, Families and
# Communities"), a named councillor or officer ("Councillor Mrs Linda Neal", "Mr Crane"),
# or a group ("Members", "officers"); a role or affiliation in brackets may follow the name.
# (a decision in capitals ends a name: "the Lead Member RESOLVED to advise …")
_WORD = r"(?!(?:RESOLVED|AGREED|NOTED|DECIDED|APPROVED|MOVED|SECONDED)\b)[A-Z][\w'’.\-&/]*"
_LINK = r"(?:of|and|for|the|&|to|with|in|on|at|-|–|\d{1,3})"   # ("the Section 151 Officer")
# Capitalised words that open sentences rather than names ("When CG suggested …").
NOT_NAME = (r"(?:When|While|Whilst|If|In|On|At|As|After|Before|Following|During|Under|With|"
             r"The|This|That|These|Those|It|There|A|An|Members|Officers|Councillors|All|Some)")
# A role may end in a lower-case noun ("the Principal Planning officer").
_ROLE_NOUN = r"(?: (?:officer|manager|director|adviser|advisor|member|lead|clerk))?"
PERSON = (
    rf"(?:(?:the|The) (?:{_WORD})(?:,? (?:{_WORD}|{_LINK}))*{_ROLE_NOUN}"
    rf"|(?:Cllr\.?|Clr\.?|Councillor|Councillors|Mr|Mrs|Ms|Miss|Dr|Mayor|Professor|Alderman|"
    rf"Bailie)\.?"
    rf"(?: (?:{_WORD}))+(?:,? (?:{_WORD}|{_LINK}))*"
    rf"|(?!{NOT_NAME}\b)[A-Z][a-z]+ [A-Z][\w'’\-]+(?:, (?:{_WORD})(?: (?:{_WORD}|{_LINK}))*)?"
    # an initial and a surname: "D Austin replied …", "J. Patel"
    r"|(?![AI]\b)[A-Z]\.? [A-Z][a-z][\w'’\-]+"
    rf"|[Oo]fficers|[Tt]he [Oo]fficer|[Mm]embers"
    # a parish's officers, named without an article: "Chairman highlighted …", "clerk confirmed"
    r"|(?:Vice[- ])?Chair(?:man|woman)?(?![\w'’-])|(?:Parish |Town )?[Cc]lerk(?![\w'’-])"
    # the parties at a licensing or planning hearing
    r"|[Tt]he (?:applicant|driver|agent|objector|licensee|licen[cs]e holder|appellant|"
    r"petitioner|witness)s?)"
    # "Councillor Moore (Cabinet Member for Housing)", "Mrs Jones (resident)",
    # "Ann Hirst – Joint Commissioner"
    r"(?: \([^()]{1,80}\))?"
    rf"(?: [-–] (?:{_WORD})(?: (?:{_WORD}|{_LINK})){{0,6}})?"
)


class Gated:
    """A pattern searched only in text holding one of its key words (in lower case).

    Most sentences hold none of them, and trying a pattern of many alternatives at every
    position costs far more than a few substring tests; every alternative needs a key.
    """

    def __init__(self, pattern: str, keys: tuple[str, ...], flags: int = 0) -> None:
        self.pattern = re.compile(pattern, flags)
        self.keys = keys

    def search(self, text: str) -> re.Match[str] | None:
        """The pattern's first match in text, or None (at once when no key word is there)."""
        lower = text.lower()
        if not any(key in lower for key in self.keys):
            return None
        return self.pattern.search(text)


def clean(text: str) -> str:
    """Collapse every run of white space (non-breaking spaces included) into one space."""
    return _SPACE_RUN.sub(" ", text).strip()


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping each sentence's own text."""
    parts: list[str] = []
    start = 0
    for end in _sentence_ends(text):
        parts.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of a paragraph ends but the last, full stop or none."""
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    run_on = [match.end() for match in _RUN_ON.finditer(text)
              if match.group(1) not in _RUN_ON_NOT_AFTER]
    return sorted(ends + run_on) if run_on else ends


def ends_question(text: str) -> bool:
    """Whether text ends in a question mark, perhaps inside closing quotes or brackets."""
    return text.rstrip().rstrip("\"'’”)").endswith("?")


# Bodies, groups and pronouns are not speakers: a passage names a person or a person's role.
_NOT_PERSON = re.compile(
    r"(?i:the |this |that )?(?:(?:[A-Z][\w&’'-]*|and|of|for|&)\s){0,8}(?i:Committee|Sub-Committee|"
    r"Council|Cabinet|"
    r"Panel|Board|Forum|Authority|Group|Meeting|Commission|Partnership|Members|Councillors|"
    r"Officers|Governors|Trustees|Residents)|(?i:he|she|they|it|we|members|officers|councillors)")


def is_person(name: str) -> bool:
    """Whether a speaker phrase names a person or a person's role, not a body or a pronoun."""
    return not _NOT_PERSON.fullmatch(name)


def tidy_person(name: str) -> str:
    """A speaker phrase without trailing commas or a leading capital on 'The'."""
    name = name.strip(" ,;:")
    if name.startswith("The "):
        name = "the " + name[4:]
    return name
