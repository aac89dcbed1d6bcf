"""Minutes text → blocks: paragraphs, bullets, numbered points and labelled question parts."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .text import AGENDA_VERB, ENDS_IN_ABBREVIATION, clean, ends_question

log = logging.getLogger(__name__)

# Bullets as ModernGov saves them: a symbol then (non-breaking) spaces.
_GLYPHS = "·•▪◦●○§*\\-–➢►▶■□✓✔\uf0b7\uf0a7\uf0d8"
_BULLET = re.compile(rf"^(?:[{_GLYPHS}](?:\s+|(?=[A-Z(]))|o\s+)")
# "1.", "2.1", "62.1", "(a)", "a)", "b.", "i.", "(iii)": a point number then spaces.
# A number may touch its text where a word processor's list was flattened: "i.It was resolved",
# "23.004.Reports on matters arising"; some clerks number with a slash ("5/ Parish Property").
_NUMBER = re.compile(r"^(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxl]{1,5}|[IVXL]{1,5})\)|"
                     r"\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[./]|[a-z]\.|[ivxl]{1,5}\.|[IVXL]{1,5}\.)"
                     r"(?:\s+|$)|^(?:\d{1,3}(?:\.\d{1,3})*\.|[ivx]{1,5}\.)(?=[A-Z][a-z])")
# Labels of formal questions: "Question:", "Q:", "Supplementary question:", "Response:".
# The label may name who speaks: "Question (Councillor Hughes):", "Answer (Head of Highways):".
_LABEL = re.compile(r"^(?P<label>(?P<word>(?:(?i:Supplementary )?(?i:Question|Answer|Response|"
                    r"Reply))(?: \d{1,3})?)(?: \((?P<who>[^()]{1,80})\))?\s*[:.\-–]|"
                    r"[QA](?: \d{1,3})?\s*:|(?i:Supplementary)\s*:)\s*")
# A row of a question-and-answer table pasted with tab-separated cells:
# "Cllr Towill <tab> How many calls were abandoned? <tab> The Commissioner advised that …".
_CELLS = re.compile(r"\t+")
# A paragraph that ends where its decision begins: "Following a vote it was" / "RESOLVED that …".
_OPEN_END = re.compile(r"\b[Ii]t was(?: \w+ly| therefore| thereupon)?$")
# "Q3. From Mr R. Sharma to Councillor Terry": a numbered label naming who asks whom.
_FROM = re.compile(r"^(?:From|By) (?P<who>[A-Z][^?!]{1,200})$")
# Numbered formal questions and answers: "Q1 Councillor X asked …" / "A1 The officer said …",
# or "Q. Why …" / "A. The Executive Member said …".
_NUMBERED_LABEL = re.compile(
    r"^(?P<label>(?P<side>[QA]) ?(?P<n>\d{1,3})?)(?(n)[.:)]?|\.)\s+(?=[A-Z\"“‘'(])")
# A word broken across two lines of PDF text: "raise an addi-" / "tional £4.1m".
_WORD_BREAK = re.compile(r"[a-z]{2}-$")
_WORD_REST = re.compile(r"^[a-z]{2}")
_GLUE = "\x00"   # marks a line that continues the word broken at the end of the line before
_TERMINAL = re.compile(r"[.!?:;][\"'’”)]?$|[:\-–]-?$")
# Words that cannot end a sentence, so a line ending in one runs on into the next line.
_RUN_ON = re.compile(r"\b(?:the|a|an|of|to|and|or|in|for|with|by|that|on|at|from|as|is|was|were|"
                     r"be|been|this|these|their|its|his|her|which|who|but|than|into|under|"
                     r"between|within|not|would|could|should|will|had|has|have|across|"
                     r"against|along|among|behind|beside|beyond|during|per|through|towards|upon|"
                     r"via|regarding|including|concerning|whether|because|although|though|"
                     r"whilst|our|your|are|being|can|may|must|shall|each|every|both|either|"
                     r"neither|nor)$", re.I)
_BARE_MARKER = re.compile(
    rf"^(?:[{_GLYPHS}o]|\(?(?:\d{{1,3}}|[a-z]|[ivxl]{{1,5}})\)|\d{{1,3}}(?:\.\d{{1,3}})*\.?|"
    r"[a-z]\.)$")
# A line that only heads a formal question or its answer, naming who speaks: "Question from Ms J
# Hollis to the Cabinet Member for Homes", "7.1 Question by Councillor James to the Leader: Topic",
# "Response by Councillor Price:", "Supplementary question", "Response".
# ("Question 2 from Mr T Green to the Leader", "(a) Question from Councillor Price")
_LABEL_LINE = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+|\(?[a-z\d]{1,3}\)\s+)?(?P<label>(?i:Supplementary )?"
    r"(?i:Question|Answer|Response|Reply))(?: (?:No\.? ?)?\d{1,3}[a-z]?)?"
    r"(?:\s+(?:by|from)\s+(?P<who>[^:?]{2,200}?))?\s*(?:[:\-–]\s*(?:[^.?!:]{1,100})?)?$")
# A line that is a sentence, not a label naming who speaks: nine words or more, or a verb, then a
# full stop after a word in lower case ("Reply from Highways re the request for a grit bin – one
# will be installed in the autumn.", "Response from the resident was noted.").
_SENTENCE_END = re.compile(r"[a-z]{2}[.!]$")
_FINITE_VERB = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would)\b")


def _is_sentence(line: str) -> bool:
    """Whether a line reads as a sentence of the minutes rather than a label."""
    return bool(_SENTENCE_END.search(line)) and (
        len(line.split()) >= 9 or bool(_FINITE_VERB.search(line)))


_ADDRESSEE = re.compile(r"\s+to\s+(?:the\s+|Councillor\s|Cllr\.?\s).*$")
_INLINE_ANSWER = re.compile(r"(?<=[.?!\"”)])\s+(?P<label>Answer|Response|Reply|A)\s*[:\-–]\s+")
# Cells of a table flattened into text ("Total |", "| 2015-16 |"): not minutes prose.
_TABLE_DEBRIS = re.compile(r"^(?=.*\|)[^.?!]{0,40}$")
# Where a paragraph ended on a page whose line breaks became spaces: three or more after a
# sentence.
_FLATTENED_BREAK = re.compile(r"(?<=[.?!])[ \t]{3,}(?=[A-Z(\"“‘'])")
# Minutes run together on one line, each opening with its minute number: "… the rent. 24/20
# Highways grid near Slade Lane …".
_INLINE_MINUTE = re.compile(r"(?<=[.!?:] )(?=\d{1,3}/\d{2} [A-Z])")
# A line opening with a minute's reference starts that minute, whatever the line before ends
# with (a table's "delegated to" column leaves "… officer. Clerk"): "1703-01.76 The footpath …",
# "21/184 Councillors …".
_MINUTE_REFERENCE = re.compile(r"^\d{1,4}(?:[-/.]\d{1,4}){1,3}\.?\s+(?=[A-Z])")
_FLATTENED_LINE = 1000   # characters: a line this long holding such breaks is a page's paragraphs
_LONG_LINE = 75   # characters: longer than a title, as long as a wrapped line of PDF text
_LOWER_START = re.compile(r"^[a-z(£\d]")


TABLE_CELL = "cell"   # the label of an answer read from a table row: it ends with its cell


@dataclass
class Block:
    """One paragraph or point of minutes; `marker` says how it was introduced."""

    text: str
    marker: str = ""   # "", "bullet", "number", or a label such as "question"/"answer"
    label: str = ""    # the point number or the label text as written
    who: str = ""      # who asks or answers, where a question or answer label names them
    shown: str = ""    # a numbered question's label as written ("Q3)"), which its passage shows


def _table_row(line: str) -> tuple[str, str, str] | None:
    """(who, question, answer) of a tab-separated table row whose question cell ends in '?'."""
    if "\t" not in line:
        return None
    cells = [cell.strip() for cell in _CELLS.split(line.strip())]
    cells = [cell for cell in cells if cell]
    k = next((k for k, cell in enumerate(cells) if ends_question(cell)), None)
    if k is None or k + 1 >= len(cells):
        return None
    who = " ".join(cell for cell in cells[:k] if not _BARE_MARKER.match(cell))
    return who, cells[k], " ".join(cells[k + 1:])


def is_bullet(line: str) -> bool:
    """Whether a line is a bullet point ("- Three members of the public were present")."""
    return bool(_BULLET.match(line))


def _is_point(line: str) -> bool:
    return bool(_BULLET.match(line) or _NUMBER.match(line) or _LABEL.match(line)
                or _NUMBERED_LABEL.match(line) or _MINUTE_REFERENCE.match(line))


def _numbered_label(line: str, asked: set[str]) -> re.Match[str] | None:
    """'Q2 …', or 'A2 …' once question 2 was asked (so a road such as 'A38 …' is no answer, nor
    an initial such as 'A. Smith' before any 'Q.')."""
    match = _NUMBERED_LABEL.match(line)
    number = match["n"] or "" if match else ""
    if not match or (match["side"] == "A" and number not in asked):
        return None
    if match["side"] == "Q":
        asked.add(number)
    return match


def _runs_on(previous: str, line: str, width: int, wraps: bool) -> bool:
    """Whether `line` continues the paragraph whose last line is `previous`.

    `width` is 0 unless the page was saved with hard line breaks inside paragraphs; then a
    line shorter than the width ends its paragraph when the next line starts with a capital.
    `wraps` is False on a page where no line goes on in lower case after a line without a stop:
    its lines are points of their own (an action list, "SH to update on … – completed"), not
    a paragraph wrapped.
    """
    if (_TERMINAL.search(previous) and not ENDS_IN_ABBREVIATION.search(previous)) \
            or _is_point(line) or _table_row(previous) or _table_row(line):
        return False
    if _LOWER_START.match(line) or _RUN_ON.search(previous[-40:]) or previous.endswith(","):
        return True
    if width == 0:
        # a long line stopping mid-sentence was wrapped, even on a page of short title lines
        # (a list point may end without a full stop, so it is left alone)
        return wraps and len(previous) >= _LONG_LINE and not _is_point(previous)
    return len(previous) > width * 0.6


def _broken_sentence(previous: str, line: str) -> bool:
    """Whether a blank line between two lines falls inside a sentence, as pages saved from PDF
    have it ("… a breakdown of the process of" / "" / "Implementing the plan …")."""
    if _TERMINAL.search(previous) or _is_point(line) or _is_point(previous):
        return False
    return bool(_RUN_ON.search(previous[-40:])) or (
        len(previous) >= _LONG_LINE // 2 and bool(re.match(r"[a-z]", line)))


def _unpiped(line: str) -> list[str]:
    """A line of a table flattened with '|' as lines of text: a row whose question cell ends in
    '?' stays one row (cells apart by tabs, as a pasted table has them); other cells with text
    become paragraphs of their own; cells of figures or labels ("Total", "2015-16") go."""
    cells = [cell.strip() for cell in line.split("|")]
    cells = [cell for cell in cells if cell and not _TABLE_DEBRIS.match(cell + " |")]
    if any(ends_question(cell) for cell in cells[:-1]):
        return ["\t".join(cells)]
    return [part for cell in cells for part in (cell, "")] or [""]


# A numbered title in capitals run into its item's first sentence: "5. REPORT FROM PCSO The PCSO
# had emailed …" (two words at least, the last of two letters or more; a decision in capitals is
# no title).
_CAPS_TITLE = re.compile(
    r"^(?P<title>(?:\d{1,3}(?:\.\d{1,3})*\.?|\d{1,3}/)\s+"
    r"(?!(?:RESOLVED|AGREED|NOTED|DECIDED|APPROVED|RECOMMENDED|DEFERRED)\b)"
    r"[A-Z][A-Z&’'/-]*(?: (?:[A-Z][A-Z&’'/()-]*|&|OF))*? [A-Z][A-Z’'()-]*[A-Z)])"
    r"(?:\s+[-–:])?\s+(?=[A-Z][a-z]|A )")


# … or worded as the agenda words it and closed by a stop: "5. To Consider the Financial Report
# (Appendix A).  It was proposed …" (every word capitalised but the small ones: no sentence).
_SMALL_WORD = r"(?:of|and|for|the|to|in|on|at|by|&|-|–)"
# (or in lower case, one sentence: "267. To receive and approve the minutes of the meeting held
# on 2nd October 2023. It was resolved to approve the minutes")
_AGENDA_TITLE_RUN_IN = re.compile(
    rf"^(?P<title>\d{{1,3}}(?:\.\d{{1,3}})*\.?\s+To (?:(?=[A-Z])(?i:{AGENDA_VERB})"
    rf"(?:,? (?:\(?[A-Z0-9][\w’'/()-]*|{_SMALL_WORD})){{1,25}}|{AGENDA_VERB}[^.?!:;]{{1,200}}?))"
    r"\.\s+(?=[A-Z])")


def _titled(line: str) -> list[str]:
    """A line with its numbered title (in capitals, or worded as the agenda words it) apart from
    the text run into it."""
    match = _CAPS_TITLE.match(line) or _AGENDA_TITLE_RUN_IN.match(line)
    return [match["title"], "", line[match.end():]] if match else [line]


# Bullets run together on one line: "· Shoplifting had risen · Protection orders had worked".
_INLINE_BULLET = re.compile(r"(?<=\S)\s+(?=[·•▪●◦]\s)")


# Points numbered on one line: "Police Matters 1. Dates for sign ups … 2. There is a new list …".
_INLINE_NUMBER = re.compile(r"(?<=\S)\s+(?=(\d{1,2})\.\s+[A-Z])")


def _numbered_inline(line: str) -> list[str]:
    """A line cut before each of its points numbered 1., 2., … in turn (the line as it is unless
    it holds two or more such points, numbered from 1 in order)."""
    if "1." not in line:
        return [line]   # (most lines: no point 1 to cut at)
    cuts = list(_INLINE_NUMBER.finditer(line))
    if len(cuts) < 2 or [int(cut[1]) for cut in cuts] != list(range(1, len(cuts) + 1)):
        return [line]
    ends = [cut.start() for cut in cuts] + [len(line)]
    return [line[:ends[0]], *(line[cut.end():end] for cut, end in zip(cuts, ends[1:]))]


def _lines(text: str) -> list[str]:
    """The text's lines, with paragraphs flattened onto one line ("… seven.   County Councillor
    Report: …": a run of spaces after a sentence), bullets run together taken apart ("· … · …")
    and table rows ("… | … |") taken apart."""
    out = []
    for line in text.splitlines():
        line = line.replace("\u00a0", " ")
        flattened = len(line) > _FLATTENED_LINE and len(_FLATTENED_BREAK.findall(line)) > 1
        parts = _FLATTENED_BREAK.split(line) if flattened else [line]
        if "/" in line and len(_INLINE_MINUTE.findall(line)) > 1:
            parts = [cut for part in parts for cut in _INLINE_MINUTE.split(part)]
        if len(_INLINE_BULLET.findall(line)) > 1:
            parts = [cut for part in parts for cut in _INLINE_BULLET.split(part)]
        parts = [cut for part in parts for cut in _numbered_inline(part)]
        for part in parts:
            out.extend(_unpiped(part) if "|" in part else _titled(part.strip()))
    return out


def _logical_lines(text: str) -> list[str]:
    """Lines of text with hard-wrapped paragraphs joined; blank strings mark paragraph breaks."""
    raw = _lines(text)
    content = [line for line in raw if line]
    lower = sum(1 for a, b in zip(content, content[1:])
                if not _TERMINAL.search(a) and _LOWER_START.match(b))
    # A page saved with hard line breaks inside its paragraphs: its typical long line is the width.
    width = 0
    if len(content) > 4 and lower * 3 >= len(content):
        width = sorted(len(line) for line in content)[len(content) * 4 // 5]
    out: list[list[str]] = []   # the physical lines of each logical line; [] for a break
    marker_only = gap = False
    for line in raw:
        if not line:
            gap = gap or not marker_only and not (out and out[-1] and _OPEN_END.search(out[-1][-1]))
            continue
        if gap:
            gap = False
            if not (out and out[-1] and _broken_sentence(out[-1][-1], line)):
                out.append([])
        if marker_only:
            out[-1].append(line)
            marker_only = False
        elif out and out[-1] and _WORD_BREAK.search(out[-1][-1][-3:]) and _WORD_REST.match(line):
            out[-1][-1] = out[-1][-1][:-1]
            out[-1].append(_GLUE + line)
        elif out and out[-1] and _runs_on(out[-1][-1], line, width, wraps=lower > 0):
            out[-1].append(line)
        else:
            out.append([line])
            # "(a)" alone on its line: its text follows on the next non-blank line.
            marker_only = bool(_BARE_MARKER.match(line))
    return [" ".join(lines).replace(" " + _GLUE, "") for lines in out]


_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_POINT_TOKEN = re.compile(r"\d{1,2}|[ivx]{1,4}|[IVX]{1,4}|[a-zA-Z]")


def next_label(label: str) -> str | None:
    """The label of the point after `label` in its list ("ii)" after "i)", "(c)" after "(b)",
    "3." after "2."); None for labels that number paragraphs ("2.1")."""
    match = _POINT_TOKEN.search(label)
    if match is None or label.count(".") > 1 or re.search(r"\d\.\d", label):
        return None
    token = match.group()
    if token.isdigit():
        after = str(int(token) + 1)
    elif token.lower() in _ROMANS[:-1]:
        after = _ROMANS[_ROMANS.index(token.lower()) + 1]
        after = after.upper() if token.isupper() else after
    elif len(token) == 1 and token.lower() < "z":
        after = chr(ord(token) + 1)
    else:
        return None
    return label[:match.start()] + after + label[match.end():]


def opens_list(label: str) -> bool:
    """Whether a point's label is the first of its list ("1.", "(i)", "a)", "(A)")."""
    match = _POINT_TOKEN.search(label)
    return match is not None and match.group() in ("1", "i", "I", "a", "A") \
        and next_label(label) is not None


# The first of a list's points run onto the end of a sentence: "… from the public. i) Size? …".
_FIRST_INLINE_POINT = re.compile(r"(?<=[.:;!?] )(\(?(?:i|a|1)\))\s+(?=[A-Z])")


def _inline_points(line: str) -> list[str]:
    """A numbered point whose following points were run onto its line ("i) Proportionality – …
    ii) Options – … iii) Equalities – …", "1. Clerk had circulated … 2. Advertising …"), also
    after a sentence ("… from the public. i) Size? … ii) …"), as one line each; other lines as
    they are."""
    match = _NUMBER.match(line)
    label = match.group().strip() if match else ""
    parts: list[str] = []
    start = 0
    if not label and (first := _FIRST_INLINE_POINT.search(line)) \
            and (after := next_label(first[1])) and f" {after} " in line[first.end():]:
        # points run on after a sentence: "There were questions from the public. i) Size? …
        # ii) Implications for the airfield? …"
        parts.append(line[:first.start(1)].strip())
        start, label = first.start(1), first[1]
    while label and (after := next_label(label)):
        # (the next number may follow a word without a stop: "… (see attached) 2. Advertising")
        loose = r"|(?<=[a-z)])" if after[:-1].isdigit() else ""
        found = re.search(rf"(?:[.;:!?][\"'’”)]?{loose}) ({re.escape(after)})\s+(?=[A-Z\"“‘'(])",
                          line[start:])
        if found is None:
            break
        parts.append(line[start:start + found.start(1)].strip())
        start += found.start(1)
        label = after
    return [*parts, line[start:]] if parts else [line]


def split_blocks(text: str) -> list[Block]:
    """Cut minutes text into blocks, one per paragraph, bullet, numbered point or label."""
    blocks: list[Block] = []
    asked: set[str] = set()   # numbers of the "Q1"-style questions met so far
    for line in (point for line in _logical_lines(text) for point in _inline_points(line)):
        if not line:
            continue
        who = shown = ""
        if row := _table_row(line):
            blocks.append(Block(clean(row[1]), "question", "question", row[0]))
            blocks.append(Block(clean(row[2]), "answer", TABLE_CELL))
            continue
        if match := _BULLET.match(line):
            body, marker, label = line[match.end():], "bullet", match.group().strip()
        elif match := (_LABEL.match(line) or _numbered_label(line, asked)):
            label = (match.groupdict().get("word") or match["label"]).lower().rstrip(" :.-–")
            shown = line[:match.end()].strip() if match.re is _NUMBERED_LABEL else ""
            who = match.groupdict().get("who") or ""
            asks = "question" in label or label.startswith("q") or label == "supplementary"
            marker = "question" if asks else "answer"
            body = line[match.end():]
            if marker == "question" and (named := _FROM.match(body.strip())):
                blocks.append(Block("", marker, label, _ADDRESSEE.sub("", named["who"]).strip(" ,")))
                continue
            reply = _INLINE_ANSWER.search(body) if marker == "question" else None
            if reply:
                # "Q: … ? A: …" on one line: two labelled blocks.
                blocks.append(Block(clean(body[:reply.start()]), marker, label, who, shown))
                body, marker, label = body[reply.end():], "answer", reply["label"].lower()
                who = shown = ""
        elif (match := _LABEL_LINE.match(line)) and not _is_sentence(line):
            label = match["label"].lower()
            marker = "question" if "question" in label else "answer"
            who = _ADDRESSEE.sub("", match["who"] or "").strip(" ,")
            blocks.append(Block("", marker, label, who))
            continue
        elif (match := _NUMBER.match(line)) and len(line) > match.end():
            body, marker, label = line[match.end():], "number", match.group().strip()
        else:
            body, marker, label = line, "", ""
        body = clean(body)
        if _TABLE_DEBRIS.match(body):
            continue
        if body or marker in ("question", "answer"):
            blocks.append(Block(body, marker, label, who, shown))
    return blocks
